# ruff: noqa: E501 - hand-written prose, wrapped by hand
"""Hand-written building blocks of the demo's texts, one brief per publication (see make_texts.py).

Each brief holds what makes a piece its own: the subject (`topic`, a noun phrase that fits after
"on"), the `actors` whose calculations it weighs (3 or 4, as a reader would name them), three
`facts` (whole sentences, the figures are the fictional institute's own), three `options` (verb
phrases, "should ..."), two `risks` (noun phrases) and the `stake` for Europe (a sentence).

The institute, its people and its figures are fictional; the writing aims at the neutral tone
of a policy paper.
"""

B = dict  # a brief; dict(...) keeps the long table readable

BRIEFS = {
    "arms-control-after-new-start": B(
        topic="nuclear arms control after the expiry of New START",
        actors=["Washington", "Moscow", "Beijing", "NATO's European members"],
        facts=[
            "When New START expires in February 2026, no treaty will limit the strategic arsenals "
            "of the United States and Russia for the first time since 1972, and neither side has "
            "offered a framework to replace it.",
            "China's stockpile, estimated at around 500 warheads, could double within a decade, "
            "which makes any purely bilateral limit look obsolete to planners in Washington.",
            "The data exchanges and the eighteen on-site inspections a year that New START allowed "
            "stopped in 2023; since then each side has relied on national technical means alone.",
        ],
        options=[
            "propose unilateral but reciprocal restraint on deployed warheads, announced in "
            "parallel rather than negotiated",
            "revive the notification of ballistic missile launches and strategic exercises as a "
            "stand-alone agreement",
            "invite China into technical talks on definitions and verification before any talk "
            "of numbers",
        ],
        risks=["an unconstrained race in deployed warheads", "misreading a routine exercise"],
        stake="Europeans live within range of every system at stake and have the most to lose "
        "from a return to the uncertainty of the early 1980s.",
    ),
    "asia-security-order-book": B(
        topic="the balance of power in Asia",
        actors=["Beijing", "Washington", "New Delhi", "Tokyo"],
        facts=[
            "Asia's share of world military spending has grown from a fifth in 2000 to almost a "
            "third today, and five of the ten largest defence budgets are now Asian.",
            "Intra-Asian trade accounts for more than half of the region's commerce, a level of "
            "integration that coexists uneasily with deepening strategic rivalry.",
            "No multilateral security institution covers the whole region; the architecture rests "
            "on American alliances, ad hoc minilateral groupings and ASEAN-led forums.",
        ],
        options=[
            "treat Asian security as a European interest rather than a distant spectacle",
            "build partnerships with middle powers such as Japan, India, Indonesia and Australia",
            "coordinate economic security tools with Asian partners rather than copying Washington",
        ],
        risks=["a regional order divided into blocs", "an accident at sea between major powers"],
        stake="Europe's prosperity depends on sea lanes, supply chains and markets whose security "
        "is decided in Asia.",
    ),
    "brazil-cop30-climate-diplomacy": B(
        topic="Brazil's climate diplomacy after the Belém conference",
        actors=["Brasília", "the BRICS partners", "the European Union", "the Amazon states"],
        facts=[
            "Deforestation in the Brazilian Amazon fell by almost half between 2022 and 2024, "
            "according to the national space research institute's satellite monitoring.",
            "The Tropical Forests Forever Facility proposed by Brazil aims to raise 125 billion "
            "dollars and pay countries for every hectare of forest they keep standing.",
            "Brazil also plans to expand offshore oil production by a third by 2030, a tension that "
            "its negotiators acknowledge but do not resolve.",
        ],
        options=[
            "support the forest facility with public capital that makes private investment safer",
            "link the EU–Mercosur agreement's sustainability chapter to verifiable forest data",
            "work with Brazil on a roadmap for the transition away from fossil fuels in producer "
            "countries",
        ],
        risks=["climate finance promises that are not kept", "a backlash against forest rules"],
        stake="A credible Brazil gives the European Union a bridge to the developing countries whose "
        "emissions will decide the outcome of the Paris Agreement.",
    ),
    "brexit-customs-scenarios": B(
        topic="the customs border between the United Kingdom and the European Union",
        actors=["London", "Brussels", "Dublin", "traders on both sides of the Channel"],
        facts=[
            "Around 200,000 British firms that traded only with the EU had never filed a customs "
            "declaration before the referendum.",
            "HM Revenue and Customs expected the number of declarations to rise from 55 million to "
            "more than 250 million a year once the United Kingdom left the customs union.",
            "At Dover, a two-minute delay per lorry was estimated to produce queues of up to 30 "
            "kilometres on the approach roads in Kent.",
        ],
        options=[
            "agree a transition period long enough to hire and train customs staff",
            "recognise each other's trusted-trader schemes from the first day",
            "keep veterinary checks aligned to avoid the heaviest controls on food",
        ],
        risks=["queues at the Channel ports", "a hard border on the island of Ireland"],
        stake="The United Kingdom remains one of the Union's largest trading partners, and every "
        "hour lost at the border is paid for on both sides.",
    ),
    "china-local-government-debt": B(
        topic="the debt of China's local governments",
        actors=["the central government", "provincial treasuries", "local financing vehicles"],
        facts=[
            "Including the financing vehicles that sit off their books, local governments owe the "
            "equivalent of around 90 percent of China's GDP, by the IMF's broad measure.",
            "Land sales, which once provided a third of local revenue, fell by more than 20 percent "
            "in 2022 and kept falling in early 2023 as the property market contracted.",
            "Beijing's refinancing programme of 2023 allowed provinces to issue special bonds to "
            "swap expensive hidden debt for cheaper official debt.",
        ],
        options=[
            "watch provincial bond spreads as an early indicator of stress",
            "prepare for weaker Chinese demand for European machinery and infrastructure goods",
            "avoid reading local defaults as a systemic crisis when the centre still has the means "
            "to contain them",
        ],
        risks=["a slow squeeze on public services", "defaults among weaker financing vehicles"],
        stake="European exporters and investors feel the strain through weaker local investment, "
        "delayed payments and a more cautious Chinese consumer.",
    ),
    "china-overcapacity-europe": B(
        topic="Chinese industrial overcapacity and the EU's trade defence",
        actors=["Beijing", "the European Commission", "German carmakers", "Chinese exporters"],
        facts=[
            "Chinese exports of electric vehicles to the EU rose from 60,000 units in 2020 to "
            "more than 400,000 in 2023.",
            "Capacity utilisation in Chinese battery and solar manufacturing fell below 60 percent "
            "in 2024, while output kept rising.",
            "The countervailing duties the Commission imposed on electric cars in 2024 range from 7.8 "
            "to 35.3 percent on top of the standard 10 percent tariff.",
        ],
        options=[
            "use trade defence case by case, on evidence, rather than through blanket tariffs",
            "attach conditions on local content and know-how to Chinese investment in European "
            "plants",
            "coordinate with other importers so that diverted goods do not land in Europe",
        ],
        risks=[
            "retaliation against European farm and luxury exports",
            "an erosion of Europe's industrial base",
        ],
        stake="The EU must protect its industry without raising the cost of the green transition it "
        "has committed to.",
    ),
    "china-taiwan-strait-scenarios": B(
        topic="a crisis across the Taiwan Strait",
        actors=["Beijing", "Taipei", "Washington", "Tokyo"],
        facts=[
            "Taiwan produces more than 90 percent of the world's most advanced logic chips, which go "
            "into European cars, phones, medical devices and weapons.",
            "About 40 percent of the world's container fleet passed through the Taiwan Strait in "
            "2024, by the authors' count of ship-tracking data.",
            "The People's Liberation Army's exercises around the island in 2022, 2023 and 2024 each "
            "rehearsed elements of a blockade, from port closures to the control of air routes.",
        ],
        options=[
            "prepare sanctions options against China in advance, with their costs assessed",
            "stress-test Europe's supply chains for chips, active pharmaceutical ingredients and "
            "rare earths",
            "tell Beijing clearly and jointly what the European response to coercion would be",
        ],
        risks=[
            "a quarantine that cuts trade without a shot",
            "a miscalculation during an exercise",
        ],
        stake="Even a limited crisis would cost the European economy more than the energy shock of "
        "2022.",
    ),
    "critical-minerals-latin-america": B(
        topic="critical minerals in Latin America",
        actors=["Santiago", "Buenos Aires", "Brasília", "Chinese processors"],
        facts=[
            "Argentina, Bolivia and Chile hold more than half of the world's identified lithium "
            "resources.",
            "Brazil is the second-largest holder of rare earth reserves, yet it produced less than "
            "one percent of the world's supply in 2023.",
            "Chinese companies refine around two thirds of the world's lithium, including much of "
            "what is mined in South America.",
        ],
        options=[
            "finance refining and processing in the producing countries, not only extraction",
            "offer partnerships that share technology and meet local environmental standards",
            "use the Global Gateway to fund the railways, ports and power lines the projects need",
        ],
        risks=["dependence on a single refiner", "conflicts with local communities over water"],
        stake="Europe's battery and wind industries need secure supplies of lithium, copper and rare "
        "earths from partners it can trust.",
    ),
    "cyber-norms-un-process": B(
        topic="the negotiation of cyber norms at the United Nations",
        actors=["the Western states", "Moscow and Beijing", "the non-aligned states"],
        facts=[
            "The eleven norms of responsible state behaviour agreed in 2015 were endorsed by every "
            "member state of the General Assembly.",
            "Two parallel processes, a group of governmental experts and an open-ended working "
            "group, ran side by side from 2019 to 2021, reflecting a split over method.",
            "Fewer than a third of member states have published a national position on how "
            "international law applies in cyberspace.",
        ],
        options=[
            "fund capacity-building so that more states can take part in the negotiations",
            "publish national positions on the application of international law",
            "tie the norms to practical mechanisms such as points of contact and incident reports",
        ],
        risks=["norms that remain words on paper", "a split internet governed by rival rules"],
        stake="European hospitals, grids and elections are targets, and common rules are the least "
        "costly way to protect them.",
    ),
    "dissuasion-francaise-dimension-europeenne": B(
        topic="la dimension européenne de la dissuasion française",
        actors=["Paris", "Berlin", "Varsovie", "Londres"],
        facts=[
            "Depuis 1995, chaque président français a rappelé que les intérêts vitaux de la France "
            "comportent une dimension européenne, sans jamais en fixer les contours.",
            "L'arsenal français compte moins de 300 têtes, réparties entre une composante "
            "océanique et une composante aéroportée.",
            "Les Forces aériennes stratégiques ont conduit en 2025 un exercice auquel des "
            "partenaires européens ont été invités comme observateurs.",
        ],
        options=[
            "associer des partenaires volontaires aux exercices de la composante aéroportée",
            "ouvrir un dialogue stratégique régulier sur la doctrine avec les capitales intéressées",
            "coordonner étroitement avec le Royaume-Uni, l'autre puissance nucléaire européenne",
        ],
        risks=["une ambiguïté mal comprise", "un affaiblissement de la solidarité atlantique"],
        stake="Une dimension européenne plus lisible renforcerait la dissuasion de l'Alliance "
        "sans changer qui décide.",
    ),
    "egypt-debt-and-the-gulf": B(
        topic="Egypt's debt and the role of Gulf money",
        actors=["Cairo", "Abu Dhabi", "Riyadh", "the IMF"],
        facts=[
            "Egypt's public debt reached almost 96 percent of GDP in 2023, and interest payments "
            "absorbed more than half of government revenue.",
            "The Ras El-Hekma deal signed with an Emirati sovereign fund in 2024 brought 35 billion "
            "dollars, the largest foreign investment in Egypt's history.",
            "The Houthi attacks in the Red Sea cut Suez Canal revenue by about half in the first "
            "months of 2024.",
        ],
        options=[
            "tie European budget support to reforms that reduce the state's role in the economy",
            "back investment in Egypt's renewable energy and green hydrogen projects",
            "coordinate with Gulf lenders rather than compete with them for influence",
        ],
        risks=["a debt crisis in the Arab world's most populous country", "reforms deferred again"],
        stake="Egypt's stability matters to Europe for migration, energy, the Suez Canal and the "
        "wider region.",
    ),
    "energy-transition-geopolitics-book": B(
        topic="the geopolitics of the energy transition",
        actors=["Beijing", "Washington", "Riyadh", "Brussels"],
        facts=[
            "Investment in clean energy reached about 1.4 trillion dollars in 2022, well above the "
            "sum invested in fossil fuels.",
            "China manufactures more than 80 percent of the world's solar modules and three "
            "quarters of its battery cells.",
            "Oil and gas still provide more than half of the world's primary energy, and the revenue "
            "of producer states depends on them for decades to come.",
        ],
        options=[
            "treat clean-technology supply chains as a matter of security",
            "build partnerships with producer states to help them diversify their economies",
            "keep carbon pricing at the centre of Europe's policy while adding industrial support",
        ],
        risks=["new dependencies replacing old ones", "instability in petrostates"],
        stake="Europe imports most of its energy; the transition can make it more independent or "
        "swap one dependence for another.",
    ),
    "eu-budget-2028-2034": B(
        topic="the negotiation of the EU budget for 2028–2034",
        actors=["the net contributors", "the cohesion countries", "the European Parliament"],
        facts=[
            "From 2028 the Union must start repaying the debt raised for the NextGenerationEU "
            "recovery fund, about 25 to 30 billion euros a year.",
            "Agriculture and cohesion still account for almost two thirds of the current "
            "multiannual financial framework.",
            "The Commission's proposal groups national spending into single plans per member "
            "state, which would change how regions and farmers receive EU money.",
        ],
        options=[
            "create new own resources to repay the recovery debt without cutting programmes",
            "set aside a defence envelope with joint procurement rules",
            "prepare the budget for the accession of Ukraine and other candidates",
        ],
        risks=["a budget frozen by the unanimity rule", "cuts that fall on research"],
        stake="The budget will show whether the Union's new priorities, defence and enlargement, "
        "come with money.",
    ),
    "eu-enlargement-ukraine-moldova": B(
        topic="the enlargement of the European Union to Ukraine and Moldova",
        actors=["Kyiv", "Chișinău", "Brussels", "the sceptical member states"],
        facts=[
            "Accession negotiations with Ukraine and Moldova opened in June 2024, eighteen months "
            "after both countries were granted candidate status.",
            "On current rules, Ukraine's accession would make it the largest net recipient of "
            "agricultural and cohesion funds, by some estimates about 130 billion euros over seven "
            "years.",
            "The Union of thirty-five would have to take most decisions by qualified majority or "
            "risk paralysis.",
        ],
        options=[
            "offer staged accession, with access to programmes as reforms are completed",
            "reform voting rules and the budget in parallel with negotiations, not after them",
            "keep the merit-based approach so that progress is earned and visible",
        ],
        risks=["enlargement fatigue in founding members", "a backlash from farmers"],
        stake="Enlargement is now the Union's main security policy towards its eastern "
        "neighbourhood.",
    ),
    "eu-migration-pact": B(
        topic="the implementation of the EU Pact on Migration and Asylum",
        actors=["frontline states", "the destination countries", "the Commission"],
        facts=[
            "The Pact adopted in 2024 provides for a border procedure of up to twelve weeks for "
            "applicants from countries with low recognition rates.",
            "Its solidarity mechanism foresees at least 30,000 relocations a year, or financial "
            "contributions of 20,000 euros for each person not relocated.",
            "Member states have until June 2026 to apply the new rules, and several have announced "
            "that they will not take part in relocations.",
        ],
        options=[
            "invest in the reception capacity that border procedures require",
            "monitor fundamental rights at the border independently",
            "make returns work through agreements with countries of origin",
        ],
        risks=["overcrowded centres at the external border", "states opting out of solidarity"],
        stake="The Pact is the Union's last chance to show that a common asylum system can work.",
    ),
    "europe-in-a-fragmented-world-book": B(
        topic="Europe's strategy in a fragmented world",
        actors=["Brussels", "Washington", "Beijing", "Moscow"],
        facts=[
            "The European Union accounts for about 17 percent of world GDP but less than 6 percent "
            "of its population.",
            "Trade between the United States and China has been falling as a share of both "
            "economies since 2018.",
            "EU member states' combined defence spending rose by about a fifth between 2014 and "
            "2021, after two decades of cuts.",
        ],
        options=[
            "think of power in terms of markets, standards and alliances at once",
            "build the capacities to act alone when partners do not",
            "keep the door open to cooperation with every power on global goods",
        ],
        risks=["a Europe that is a market without a strategy", "divisions among member states"],
        stake="Europe's open economy is its strength and its vulnerability in a world of rival "
        "blocs.",
    ),
    "european-ai-act-geopolitics": B(
        topic="the AI Act and the geopolitics of regulation",
        actors=["Brussels", "Washington", "Beijing", "the large AI firms"],
        facts=[
            "The AI Act sorts systems by risk, from unacceptable uses that are banned to minimal "
            "risk systems that face no new obligation.",
            "Obligations for general-purpose models with systemic risk apply from August 2025, "
            "twelve months after the Act entered into force.",
            "The United States and China have chosen very different approaches, one based on "
            "voluntary commitments, the other on state control of content.",
        ],
        options=[
            "implement the Act in a way that start-ups can follow without large legal teams",
            "seek mutual recognition of conformity assessments with like-minded partners",
            "invest in computing capacity so that regulation is matched by innovation",
        ],
        risks=[
            "rules that push developers out of Europe",
            "a standards race Europe cannot win alone",
        ],
        stake="Europe can set rules that others adopt, but only if its market stays attractive.",
    ),
    "european-defence-industry": B(
        topic="the scaling up of European defence production",
        actors=["Paris", "Berlin", "Warsaw", "the defence industry"],
        facts=[
            "European production of 155 mm artillery shells rose from about 300,000 a year in 2022 "
            "to around 1.5 million planned for 2025.",
            "About 80 percent of the equipment bought by EU member states since 2022 came from "
            "outside the Union, mostly from the United States.",
            "European defence firms report order books that stretch past 2030, but few have "
            "received the multi-year contracts that justify new factories.",
        ],
        options=[
            "sign multi-year framework contracts that give industry visibility",
            "pool orders across member states to reduce the number of competing models",
            "secure supplies of explosives, propellants and electronic components",
        ],
        risks=[
            "a surge in demand that industry cannot meet",
            "fragmentation into national champions",
        ],
        stake="A long war in Europe would be decided as much in factories as on the front line.",
    ),
    "european-economic-security": B(
        topic="the European Union's economic security doctrine",
        actors=["the Commission", "the member states", "Beijing", "Washington"],
        facts=[
            "The strategy published in June 2023 names four risks: supply chains, critical "
            "infrastructure, technology leakage and economic coercion.",
            "The Anti-Coercion Instrument, in force since December 2023, allows the Union to "
            "respond to economic pressure with trade and investment measures.",
            "Only about half of member states had an investment screening mechanism when the "
            "strategy was launched.",
        ],
        options=[
            "screen outbound investment in a small number of sensitive technologies",
            "build joint stocks of critical raw materials",
            "coordinate export controls at EU level rather than country by country",
        ],
        risks=["protectionism dressed as security", "a race of subsidies among member states"],
        stake="The Union must reduce its vulnerabilities without giving up the openness that made "
        "it rich.",
    ),
    "european-gas-after-russia": B(
        topic="Europe's gas market after Russia",
        actors=["Berlin", "the Commission", "LNG exporters", "Kyiv"],
        facts=[
            "Russia's share of EU gas imports fell from about 40 percent in 2021 to around 15 "
            "percent in 2023, mostly liquefied gas and pipeline flows through Turkey.",
            "Europe's LNG import capacity has grown by more than 50 billion cubic metres since 2022, "
            "including floating terminals in Germany.",
            "EU gas consumption in 2023 was about 18 percent below its five-year average.",
        ],
        options=[
            "keep demand reduction as a permanent tool rather than an emergency measure",
            "use joint purchasing to gain leverage with LNG suppliers",
            "plan the phase-out of the remaining Russian LNG with a clear timetable",
        ],
        risks=["a cold winter with low storage", "dependence on a small number of suppliers"],
        stake="Affordable gas decides the fate of Europe's chemical and steel industries.",
    ),
    "franco-german-relationship": B(
        topic="the state of the Franco-German relationship",
        actors=["Paris", "Berlin", "the other member states"],
        facts=[
            "France and Germany disagree on the financing of defence, with Paris favouring joint "
            "EU borrowing and Berlin national budgets.",
            "The two countries' flagship joint projects, the future combat aircraft and the main "
            "battle tank, have been delayed by industrial disputes.",
            "On nuclear power, France leads an alliance of a dozen member states while Germany "
            "closed its last reactors in April 2023.",
        ],
        options=[
            "agree on a short list of joint priorities and deliver them",
            "broaden the tandem into formats with Poland, Italy and Spain",
            "separate industrial disputes from strategic decisions",
        ],
        risks=["a Union without leadership", "rival coalitions of member states"],
        stake="When Paris and Berlin disagree, the Union rarely moves.",
    ),
    "french-deterrence-european-dimension": B(
        topic="the European dimension of French nuclear deterrence",
        actors=["Paris", "Berlin", "Warsaw", "London"],
        facts=[
            "Since 1995 every French president has said that France's vital interests have a "
            "European dimension, without defining it.",
            "France's arsenal counts fewer than 300 warheads, split between a submarine component "
            "and an airborne component.",
            "In 2025 the strategic air forces held an exercise to which European partners were "
            "invited as observers.",
        ],
        options=[
            "associate willing partners with the exercises of the airborne component",
            "open a regular strategic dialogue on doctrine with interested capitals",
            "coordinate closely with the United Kingdom, Europe's other nuclear power",
        ],
        risks=["an ambiguity that is misunderstood", "a weakening of transatlantic solidarity"],
        stake="A clearer European dimension would strengthen the Alliance's deterrence without "
        "changing who decides.",
    ),
    "germany-zeitenwende-three-years": B(
        topic="Germany's Zeitenwende in defence",
        actors=["the chancellery", "the Bundeswehr", "German industry", "the Bundestag"],
        facts=[
            "The special fund of 100 billion euros created in 2022 was almost fully committed by "
            "the end of 2024, largely to American aircraft and air defence.",
            "Germany reached NATO's 2 percent target in 2024 for the first time since the early "
            "1990s.",
            "The Bundeswehr still counts about 181,000 active soldiers, short of its goal of "
            "203,000.",
        ],
        options=[
            "put defence spending on a permanent legal footing beyond the special fund",
            "reform procurement to cut the time between decision and delivery",
            "decide how to fill the ranks, including a new form of military service",
        ],
        risks=["a relapse once the fund is spent", "shortages of personnel"],
        stake="Europe's conventional defence depends on whether Germany's army becomes the "
        "backbone it promised to be.",
    ),
    "india-multi-alignment": B(
        topic="India's multi-alignment",
        actors=["New Delhi", "Washington", "Moscow", "Beijing"],
        facts=[
            "India bought more than a third of its crude oil from Russia in 2023, up from 2 percent "
            "before the war in Ukraine.",
            "It is at the same time a member of the Quad with the United States, Japan and "
            "Australia, and of the BRICS and the Shanghai Cooperation Organisation.",
            "Since the clashes in the Galwan valley in 2020, tens of thousands of troops have faced "
            "each other along the disputed border with China.",
        ],
        options=[
            "accept India's autonomy rather than ask it to choose sides",
            "deepen defence-industrial cooperation on co-production",
            "conclude the EU–India trade negotiations with realistic ambitions",
        ],
        risks=["misplaced expectations in Western capitals", "a border crisis with China"],
        stake="India will be the third-largest economy of the decade, and Europe needs it as a "
        "partner in Asia.",
    ),
    "india-semiconductor-push": B(
        topic="India's semiconductor ambitions",
        actors=["New Delhi", "Taiwanese and American firms", "Indian states"],
        facts=[
            "The India Semiconductor Mission offers subsidies covering up to half of project "
            "costs, on top of state incentives.",
            "The first large fabrication plant, in Gujarat, targets mature nodes of 28 nanometres "
            "and above.",
            "India accounts for about a fifth of the world's chip designers, mostly working for "
            "foreign firms.",
        ],
        options=[
            "link European chip programmes with Indian design capacity",
            "cooperate on skills and standards through the Trade and Technology Council",
            "include India in plans to diversify assembly and testing",
        ],
        risks=["subsidised plants without customers", "shortages of water and power"],
        stake="Europe looks for reliable partners beyond East Asia for its supplies of chips.",
    ),
    "india-solar-manufacturing": B(
        topic="India's solar manufacturing drive",
        actors=["New Delhi", "Indian manufacturers", "Chinese suppliers"],
        facts=[
            "India's module manufacturing capacity passed 60 gigawatts in 2024, double its level of "
            "two years earlier.",
            "Most Indian plants still import their cells and wafers, largely from China.",
            "India targets 500 gigawatts of non-fossil power capacity by 2030.",
        ],
        options=[
            "open a dialogue on supply chains for solar components",
            "support cell and wafer production through joint ventures",
            "align sustainability standards for solar imports",
        ],
        risks=["overcapacity in module assembly", "trade barriers that slow deployment"],
        stake="Europe, which imports almost all its solar modules, would gain from a second large "
        "supplier.",
    ),
    "indian-ocean-maritime-security": B(
        topic="maritime security in the Indian Ocean",
        actors=["New Delhi", "Paris", "Beijing", "the island states"],
        facts=[
            "About 80 percent of the world's seaborne oil passes through the Indian Ocean's "
            "choke points, from Hormuz to Malacca.",
            "France keeps about 7,000 military personnel in the region, from Djibouti to Réunion "
            "and Abu Dhabi.",
            "China has had a naval base in Djibouti since 2017 and port interests from Gwadar to "
            "Hambantota.",
        ],
        options=[
            "coordinate European naval presences rather than add them",
            "share maritime domain awareness with India and the island states",
            "help coastal states fight illegal fishing and trafficking",
        ],
        risks=["piracy returning to the Gulf of Aden", "militarisation of port investments"],
        stake="Europe's trade with Asia crosses the Indian Ocean, and France is a resident power "
        "there.",
    ),
    "iran-nuclear-threshold": B(
        topic="Iran's nuclear programme",
        actors=["Tehran", "Washington", "Jerusalem", "the E3"],
        facts=[
            "The IAEA estimated in 2023 that Iran held enough uranium enriched to 60 percent to "
            "produce fissile material for several weapons if enriched further.",
            "Iran reduced IAEA monitoring in 2021 and removed surveillance cameras in 2022.",
            "The snapback mechanism of UN Security Council resolution 2231 expires in October 2025.",
        ],
        options=[
            "keep the snapback option as leverage for a new understanding",
            "restore IAEA access as the first step of any deal",
            "coordinate with Gulf states on regional de-escalation",
        ],
        risks=["a military strike and retaliation", "a cascade of proliferation in the region"],
        stake="An Iranian bomb would change the security of Europe's southern neighbourhood.",
    ),
    "japan-counterstrike-capabilities": B(
        topic="Japan's new counterstrike capabilities",
        actors=["Tokyo", "Washington", "Beijing", "Pyongyang"],
        facts=[
            "Japan's 2022 security strategy commits it to acquire the capacity to strike missile "
            "launchers on enemy territory.",
            "Tokyo ordered 400 Tomahawk cruise missiles from the United States, delivered from "
            "2025.",
            "Japan's defence budget is to reach 2 percent of GDP by 2027, up from about 1 percent.",
        ],
        options=[
            "deepen intelligence sharing with Japan",
            "cooperate on defence technology through the new partnership agreements",
            "explain to Beijing that Japan's shift is defensive",
        ],
        risks=[
            "an action–reaction cycle with China",
            "a blurred line between pre-emption and defence",
        ],
        stake="Japan is Europe's closest partner in Asia, and its deterrence affects the whole "
        "region.",
    ),
    "japan-defence-budget-2027": B(
        topic="Japan's defence budget for 2027",
        actors=["the Ministry of Defence", "the Ministry of Finance", "the coalition parties"],
        facts=[
            "The five-year defence plan adopted in 2022 totals 43 trillion yen.",
            "The weak yen has raised the cost of American equipment by about a quarter since the "
            "plan was drafted.",
            "The government has postponed the tax increases meant to finance part of the effort.",
        ],
        options=[
            "watch how Tokyo closes its financing gap",
            "look for co-development opportunities in the budget",
            "compare Japan's path to 2 percent with Europe's",
        ],
        risks=["a financing gap", "delays in deliveries"],
        stake="Japan's budget tests whether a democracy can sustain rapid rearmament.",
    ),
    "korea-economic-security": B(
        topic="South Korea's economic security strategy",
        actors=["Seoul", "Beijing", "Washington", "the chaebol"],
        facts=[
            "China takes about a fifth of South Korea's exports, down from a quarter in 2018.",
            "Korean firms announced more than 100 billion dollars of investment in the United "
            "States after the Inflation Reduction Act and the CHIPS Act.",
            "South Korea depends on China for more than 80 percent of several battery materials.",
        ],
        options=[
            "compare notes with Seoul on supply-chain early warning",
            "work together on critical minerals stockpiles",
            "coordinate responses to Chinese economic coercion",
        ],
        risks=["retaliation from Beijing", "a hollowing-out of domestic production"],
        stake="South Korea faces the same dilemmas as Europe, with less room for manoeuvre.",
    ),
    "korea-nuclear-debate": B(
        topic="the South Korean debate on nuclear weapons",
        actors=["Seoul", "Washington", "Pyongyang", "Beijing"],
        facts=[
            "Polls have found since 2022 that about 70 percent of South Koreans support a national "
            "nuclear arsenal.",
            "The Washington Declaration of 2023 created a Nuclear Consultative Group and more "
            "visible American deployments.",
            "South Korea operates 26 nuclear power reactors and has advanced civil nuclear "
            "expertise.",
        ],
        options=[
            "reinforce extended deterrence through consultation and visible signals",
            "explain the costs of leaving the Non-Proliferation Treaty",
            "support Seoul's conventional strike capabilities",
        ],
        risks=["a cascade of proliferation in Asia", "sanctions against a close partner"],
        stake="A South Korean bomb would weaken the Non-Proliferation Treaty that Europe upholds.",
    ),
    "labour-migration-germany-france": B(
        topic="labour migration policies in Germany and France",
        actors=["Berlin", "Paris", "employers", "countries of origin"],
        facts=[
            "Germany's Skilled Immigration Act, reformed in 2023, introduced a points-based "
            "opportunity card for job seekers.",
            "France's immigration bill, debated through 2023, would create a residence permit for "
            "workers in sectors with labour shortages.",
            "Both countries report shortages in health care, construction and transport.",
        ],
        options=[
            "speed up the recognition of foreign qualifications",
            "build talent partnerships with countries of origin",
            "separate labour migration from asylum debates",
        ],
        risks=["brain drain in countries of origin", "political backlash"],
        stake="Ageing societies need workers, and Europe competes for them with other rich "
        "countries.",
    ),
    "nato-eastern-flank-brigades": B(
        topic="forward defence on NATO's eastern flank",
        actors=["NATO", "Warsaw", "Berlin", "the Baltic states"],
        facts=[
            "The Vilnius summit of 2023 endorsed regional defence plans for the first time since "
            "the Cold War.",
            "Germany committed to station a brigade of about 5,000 soldiers in Lithuania by 2027.",
            "Poland plans to grow its armed forces to 300,000 personnel.",
        ],
        options=[
            "pre-position equipment and ammunition",
            "improve military mobility across the Union",
            "exercise reinforcement at scale",
        ],
        risks=["gaps between plans and forces", "a gradual Russian probing of the flank"],
        stake="Deterrence on the eastern flank protects the whole Alliance.",
    ),
    "north-korea-russia-alliance": B(
        topic="the alliance between North Korea and Russia",
        actors=["Pyongyang", "Moscow", "Seoul", "Beijing"],
        facts=[
            "The treaty of comprehensive strategic partnership signed in June 2024 includes a "
            "mutual defence clause.",
            "North Korea has supplied millions of artillery shells and ballistic missiles to Russia "
            "since 2023.",
            "North Korean troops were deployed to the Kursk region in late 2024.",
        ],
        options=[
            "link Euro-Atlantic and Indo-Pacific sanctions enforcement",
            "cooperate with Seoul and Tokyo on intelligence",
            "press Beijing to limit its partners' cooperation",
        ],
        risks=[
            "Russian technology transfers to Pyongyang",
            "combat experience for North Korean troops",
        ],
        stake="The war in Ukraine has linked the security of Europe and of Asia.",
    ),
    "nuclear-arms-race-asia": B(
        topic="the risk of a nuclear arms race in Asia",
        actors=["Beijing", "Tokyo", "Seoul", "Washington"],
        facts=[
            "China's arsenal grew from about 350 warheads in 2020 to some 600 in 2024.",
            "North Korea has written its nuclear status into its constitution.",
            "Public support for nuclear weapons has grown in South Korea and is debated in Japan.",
        ],
        options=[
            "support arms-control dialogues in Asia",
            "reinforce extended deterrence for allies",
            "strengthen the Non-Proliferation Treaty review process",
        ],
        risks=["a multipolar nuclear competition", "crises without hotlines"],
        stake="A nuclear arms race in Asia would weaken the global non-proliferation regime.",
    ),
    "poland-energy-mix": B(
        topic="Poland's energy transition",
        actors=["Warsaw", "the mining regions", "the Commission"],
        facts=[
            "Coal still produced about 60 percent of Poland's electricity in 2023.",
            "Poland plans its first nuclear plant on the Baltic coast, with a first reactor "
            "expected in the mid-2030s.",
            "Offshore wind capacity in the Baltic is to reach 6 gigawatts by 2030.",
        ],
        options=[
            "support the just transition in Silesia",
            "finance grid connections for offshore wind",
            "secure nuclear fuel supplies from non-Russian sources",
        ],
        risks=["delays in the nuclear programme", "social tensions in coal regions"],
        stake="Poland's transition is a test for the Union's climate goals.",
    ),
    "poland-eu-weight": B(
        topic="Poland's influence in the European Union",
        actors=["Warsaw", "Berlin", "Paris", "Kyiv"],
        facts=[
            "Poland spent more than 4 percent of its GDP on defence in 2024, the highest share in "
            "NATO.",
            "Its economy has grown by an average of about 4 percent a year since joining the Union "
            "in 2004.",
            "The new government restored relations with the Commission in 2024 and unlocked funds "
            "frozen over the rule of law.",
        ],
        options=[
            "include Warsaw in the core of European defence decisions",
            "build on the Weimar Triangle with France and Germany",
            "support Poland's role in Ukraine's reconstruction",
        ],
        risks=["polarised domestic politics", "disputes over agriculture with Ukraine"],
        stake="The Union's centre of gravity is moving east, and Poland is its pivot.",
    ),
    "quad-after-ten-years": B(
        topic="the future of the Quad",
        actors=["Washington", "Tokyo", "New Delhi", "Canberra"],
        facts=[
            "The Quad was revived at the level of senior officials in 2017 and held its first "
            "leaders' summit in 2021, at the height of the pandemic.",
            "Its agenda has grown to cover vaccines, critical and emerging technologies, maritime "
            "domain awareness, infrastructure and climate.",
            "India has consistently refused to give the grouping a military dimension, and it does "
            "not take part in the Malabar exercise as a Quad activity.",
        ],
        options=[
            "work with the Quad's groups on technology standards and health security",
            "connect European maritime surveillance in the Indian Ocean with the Quad's "
            "domain-awareness initiative",
            "avoid describing the Quad as an anti-China alliance, a label its members reject",
        ],
        risks=["a loss of momentum as leaders change", "divergence among members over Russia"],
        stake="The Quad shapes the rules of the Indo-Pacific, where Europe trades, patrols and "
        "invests, yet Europe has no seat at its table.",
    ),
    "ransomware-hospitals-europe": B(
        topic="ransomware attacks against European hospitals",
        actors=["hospitals", "national cyber agencies", "criminal groups"],
        facts=[
            "Health care was the sector most targeted by ransomware in Europe in 2023.",
            "Attacks on hospitals in France and Germany forced the cancellation of operations "
            "and the transfer of patients.",
            "Most attacks began with stolen credentials or unpatched systems.",
        ],
        options=[
            "fund basic cyber hygiene in hospitals",
            "share threat intelligence across borders",
            "prosecute groups and track their payments",
        ],
        risks=["deaths caused by disrupted care", "leaks of medical data"],
        stake="Attacks on hospitals test Europe's capacity to protect its citizens.",
    ),
    "red-sea-shipping-attacks": B(
        topic="the attacks on shipping in the Red Sea",
        actors=["the Houthis", "Tehran", "Cairo", "European navies"],
        facts=[
            "Traffic through the Suez Canal fell by about two thirds in the first months of 2024 "
            "as shipping lines diverted their vessels.",
            "Sailing around the Cape of Good Hope adds 10 to 14 days to a voyage between Asia and "
            "northern Europe and raises fuel costs by up to a million dollars a trip.",
            "The EU's naval operation Aspides, launched in February 2024, escorts merchant ships "
            "but, unlike the American-led coalition, does not strike targets on land.",
        ],
        options=[
            "keep enough frigates in Aspides to escort convoys, with a rotation planned a year "
            "ahead",
            "support Egypt's budget while canal revenues stay low",
            "back a political settlement in Yemen that addresses the Houthis' capacity to strike",
        ],
        risks=[
            "a regional war drawing in Iran",
            "lasting increases in freight and insurance costs",
        ],
        stake="A third of Europe's trade with Asia once passed through the Red Sea; its security is "
        "a European interest, not only a regional one.",
    ),
    "sahel-after-the-juntas": B(
        topic="the Sahel after the military coups",
        actors=["Bamako", "Ouagadougou", "Niamey", "Moscow"],
        facts=[
            "Mali, Burkina Faso and Niger announced their withdrawal from ECOWAS in January 2024 "
            "and formed the Alliance of Sahel States later that year.",
            "French forces left Mali in 2022 and Niger in 2023, ending almost a decade of "
            "counter-terrorism operations in the region.",
            "Deaths from jihadist violence in the central Sahel rose after the coups, according to "
            "conflict event data, and armed groups now operate closer to the coastal states.",
        ],
        options=[
            "keep humanitarian and development aid flowing through agencies and local partners "
            "that can still work in the region",
            "support the coastal states, from Benin to Côte d'Ivoire, in preventing the spread of "
            "violence to their northern regions",
            "keep channels open to the juntas without lending them legitimacy",
        ],
        risks=[
            "jihadist expansion towards the Gulf of Guinea",
            "a humanitarian crisis out of sight",
        ],
        stake="The Sahel's instability reaches Europe through migration, trafficking and terrorism, "
        "and through the credibility of its partnerships in Africa.",
    ),
    "sahel-migration-routes": B(
        topic="migration routes through the Sahel",
        actors=["Niamey", "smugglers", "the Union", "Libya"],
        facts=[
            "Niger repealed its 2015 law against migrant smuggling in November 2023.",
            "Agadez has long been a hub for routes towards Libya and Algeria.",
            "Most migration in West Africa remains within the region.",
        ],
        options=[
            "fund protection along the routes",
            "open legal pathways",
            "avoid conditioning aid on migration control alone",
        ],
        risks=["more deaths in the desert", "an increase in departures"],
        stake="Migration partnerships with the Sahel are under strain.",
    ),
    "sahel-mining-governance": B(
        topic="the governance of mining in the Sahel",
        actors=["Bamako", "Ouagadougou", "mining companies", "Moscow"],
        facts=[
            "Gold accounts for most of the export revenue of Mali and Burkina Faso.",
            "New mining codes raised the state's share in projects.",
            "Artisanal mining employs more than a million people across the region.",
        ],
        options=[
            "support transparency initiatives",
            "track gold flows through refineries",
            "engage with local communities",
        ],
        risks=["revenue captured by armed groups", "conflict over mines"],
        stake="Gold finances both states and armed groups in the Sahel.",
    ),
    "semiconductor-export-controls": B(
        topic="export controls on semiconductors and chip-making tools",
        actors=["Washington", "The Hague", "Tokyo", "Beijing"],
        facts=[
            "In October 2022 the United States restricted exports to China of advanced chips and "
            "of the tools needed to make them, and extended the rules in 2023 and 2024.",
            "The Netherlands and Japan, home to the makers of the most advanced lithography and "
            "etching equipment, adopted controls of their own in 2023.",
            "China's imports of chip-making equipment rose by about 14 percent in 2023 as its firms "
            "bought what they could before the rules tightened.",
        ],
        options=[
            "coordinate export controls at EU level instead of leaving each member state to "
            "negotiate with Washington alone",
            "assess the effect of controls on European suppliers before each new round",
            "invest in the research and production capacity that make Europe's chokepoints durable",
        ],
        risks=[
            "Chinese retaliation on gallium, germanium and rare earths",
            "European firms losing their largest market for mature equipment",
        ],
        stake="Europe holds some of the few chokepoints in the chip supply chain, and it has yet to "
        "decide what it wants to use them for.",
    ),
    "turkey-eu-customs-union": B(
        topic="the modernisation of the customs union between the EU and Turkey",
        actors=["Ankara", "Brussels", "European manufacturers", "Turkish exporters"],
        facts=[
            "The customs union has covered industrial goods since 1996 but leaves out agriculture, "
            "services and public procurement, which together make up a growing share of trade.",
            "The EU takes about 40 percent of Turkey's exports, and Turkish plants are part of the "
            "supply chains of European carmakers and appliance manufacturers.",
            "The Commission asked for a mandate to modernise the union in 2016, but member states "
            "blocked the talks in 2018 over the state of democracy and the rule of law in Turkey.",
        ],
        options=[
            "resume technical talks on services, agriculture and procurement, kept apart from the "
            "accession process",
            "give Turkey a voice when the EU negotiates trade agreements that open the Turkish "
            "market to third countries",
            "add a dispute settlement mechanism so that disagreements do not end in unilateral "
            "measures",
        ],
        risks=[
            "trade deflection through Turkey's own agreements",
            "a customs union that decays for lack of care",
        ],
        stake="Modernising the customs union would anchor Turkey in Europe's economy at a time when "
        "political relations offer few other anchors.",
    ),
    "turkey-foreign-policy-balancing": B(
        topic="Turkey's balancing between Russia, the West and its neighbourhood",
        actors=["Ankara", "Moscow", "Washington", "Brussels"],
        facts=[
            "Turkey controls access to the Black Sea under the Montreux Convention of 1936 and "
            "closed the straits to warships of the belligerents in February 2022.",
            "Ankara supplied armed drones to Ukraine and brokered the grain deal of 2022, while its "
            "trade with Russia reached record levels the same year.",
            "Turkey has NATO's second-largest army and a defence industry whose exports grew more "
            "than fivefold in a decade.",
        ],
        options=[
            "treat Turkey as a security partner in the Black Sea and the Eastern Mediterranean",
            "offer concrete cooperation on trade, visas and energy that does not wait for the "
            "accession process",
            "agree with Ankara on rules for the reconstruction of Ukraine's ports and maritime "
            "routes",
        ],
        risks=["a purely transactional relationship", "a rift inside NATO over Russia"],
        stake="No European security order in the Black Sea or the Eastern Mediterranean can work "
        "without Turkey.",
    ),
    "ukraine-air-defence-winter": B(
        topic="the defence of Ukraine's energy grid",
        actors=["Kyiv", "Moscow", "Ukraine's partners", "Ukrenergo"],
        facts=[
            "Russian missile and drone strikes destroyed or damaged about half of Ukraine's "
            "generation capacity in the spring and summer of 2024.",
            "Ukraine now imports up to 1.7 gigawatts of electricity from the EU at peak times, "
            "through interconnectors synchronised with the continental grid in 2022.",
            "Each interceptor of a long-range air defence system costs several million dollars, "
            "while the drones it shoots down often cost a few tens of thousands.",
        ],
        options=[
            "deliver the interceptors and short-range systems that protect power plants and "
            "substations, with a schedule Kyiv can plan around",
            "finance small, decentralised generation that is harder to strike than large plants",
            "build stocks of transformers and spare parts in Europe, ready to ship",
        ],
        risks=["blackouts in the depth of winter", "interceptor stocks running out"],
        stake="Whether Ukraine's cities keep heat and light this winter depends as much on European "
        "decisions as on Ukrainian engineers.",
    ),
    "ukraine-reconstruction-financing": B(
        topic="the financing of Ukraine's reconstruction",
        actors=["Kyiv", "the G7", "Brussels", "private investors"],
        facts=[
            "The World Bank's 2025 damage assessment put reconstruction needs at about 524 billion "
            "dollars over a decade, almost three times Ukraine's pre-war GDP.",
            "About 210 billion euros of Russian central bank assets are immobilised in the EU, most "
            "of them at a single securities depository in Belgium.",
            "In 2024 the G7 agreed on a 50 billion dollar loan to Ukraine, to be repaid from the "
            "windfall profits that these assets generate.",
        ],
        options=[
            "mobilise the immobilised Russian assets in a way that courts in Europe will uphold",
            "offer war-risk insurance and guarantees that make private investment possible",
            "tie reconstruction spending to the reforms that EU accession requires",
        ],
        risks=["money lost to corruption", "investors waiting for a ceasefire that does not come"],
        stake="Reconstruction will show whether Europe's commitment to Ukraine lasts beyond the "
        "war.",
    ),
    "us-tariffs-transatlantic-trade": B(
        topic="American tariffs and the future of transatlantic trade",
        actors=["Washington", "Brussels", "European exporters", "Berlin"],
        facts=[
            "The United States is the EU's largest export market, taking about a fifth of its "
            "exports of goods, led by medicines, machinery and cars.",
            "The average American tariff announced in 2025 reached its highest level since the "
            "1930s, with separate duties on steel, aluminium and cars.",
            "The EU's surplus in goods with the United States is partly offset by a deficit in "
            "services, from cloud computing to financial and legal services.",
        ],
        options=[
            "negotiate in good faith while preparing countermeasures that hit where it matters",
            "accelerate trade agreements with Mercosur, India, Indonesia and the Pacific "
            "partnership",
            "support the sectors and regions most exposed, without a subsidy race",
        ],
        risks=["an escalating trade war", "a trade dispute that spills over into the alliance"],
        stake="The transatlantic economy is the largest bilateral relationship in the world, and "
        "both sides lose from its fragmentation.",
    ),
}
