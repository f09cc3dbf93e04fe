"""The demo publications.

Each record names its authors as (slug, role) in order. `isbn` holds the first twelve digits of
an ISBN-13 (the loader computes the check digit); `pdf` asks for a ReportLab-made PDF; `body`
replaces the composed body; `timing` marks the items whose dates are relative to the day the
demo is first loaded ("future": dated later than today; "scheduled": published with
`publish_at` in the future).
"""

A, E, C = "author", "editor", "contributor"

PUBLICATIONS = [
    # --- Asia ---------------------------------------------------------------------------------
    {
        "slug": "japan-counterstrike-capabilities",
        "title": "Japan's Counterstrike Capabilities",
        "subtitle": "Deterrence by punishment comes to Tokyo",
        "type": "analysis",
        "series": "asia-focus",
        "number": "112",
        "date": "2025-03-18",
        "regions": ["japan"],
        "themes": ["security-defence"],
        "centers": ["center-asian-studies"],
        "authors": [("kenji-watanabe", A)],
        "topic": "Japan's new deterrence posture",
        "featured": True,
        "pdf": True,
        "summary": [
            "By acquiring long-range missiles able to strike targets on an adversary's "
            "territory, Japan is abandoning a self-imposed restraint that defined its defence "
            "policy since 1945.",
            "This analysis traces the political path that made the decision possible, assesses "
            "the capabilities Tokyo will actually field by 2030 and discusses what the shift "
            "means for alliance command arrangements with the United States.",
        ],
        "related": ["korea-nuclear-debate", "china-taiwan-strait-scenarios"],
    },
    {
        "slug": "korea-nuclear-debate",
        "title": "Should South Korea Go Nuclear?",
        "subtitle": "The domestic debate and its limits",
        "type": "analysis",
        "series": "asia-focus",
        "number": "109",
        "date": "2024-10-02",
        "regions": ["korea"],
        "themes": ["nuclear"],
        "centers": ["center-asian-studies", "nuclear-deterrence-program"],
        "authors": [("min-jun-park", A), ("marc-antoine-lefevre", A)],
        "topic": "the nuclear option in Seoul",
        "summary": [
            "A large majority of South Koreans now tells pollsters that their country should "
            "build its own nuclear weapons. Politicians of both camps have flirted with the "
            "idea.",
            "We examine the technical feasibility of a South Korean programme, its legal and "
            "economic costs and the alternatives offered by a strengthened US extended "
            "deterrence, and conclude that the debate is a signal to Washington more than a "
            "plan.",
        ],
    },
    {
        "slug": "china-taiwan-strait-scenarios",
        "title": "Crisis in the Taiwan Strait",
        "subtitle": "Four scenarios and their economic consequences for Europe",
        "type": "report",
        "series": "meridian-papers",
        "number": "41",
        "date": "2025-06-10",
        "regions": ["china", "east-asia"],
        "themes": ["security-defence", "economy-trade"],
        "centers": ["center-asian-studies"],
        "authors": [("kenji-watanabe", A), ("li-wen", A), ("jonathan-reyes", C)],
        "topic": "a crisis across the Taiwan Strait",
        "isbn": "978238740041",
        "doi": "10.48812/meridian.mp41",
        "pdf": True,
        "featured": True,
        "summary": [
            "A blockade, a quarantine, a limited strike or a full invasion: the ways in which a "
            "crisis over Taiwan could unfold differ widely, and so do their consequences for "
            "the European economy.",
            "This report models the disruption of trade and semiconductor supplies under four "
            "scenarios. Even the mildest would cost the European Union more than the energy "
            "crisis of 2022; the most severe would trigger a global recession.",
            "It recommends that European governments prepare sanctions options, stress-test "
            "their critical supply chains and speak with one voice to Beijing before, not "
            "after, a crisis begins.",
        ],
        "related": ["japan-counterstrike-capabilities", "semiconductor-export-controls"],
    },
    {
        "slug": "china-overcapacity-europe",
        "title": "Made in China, Sold in Europe",
        "subtitle": "Industrial overcapacity and the EU's trade defence",
        "type": "analysis",
        "series": "asia-focus",
        "number": "114",
        "date": "2025-09-23",
        "regions": ["china", "europe"],
        "themes": ["trade-policy"],
        "centers": ["center-asian-studies"],
        "authors": [("li-wen", A)],
        "topic": "Chinese industrial overcapacity",
        "summary": [
            "Electric vehicles, solar panels, steel: Chinese exports of manufactured goods are "
            "rising as domestic demand stalls, and European producers feel the pressure.",
            "This analysis explains the domestic roots of overcapacity in China and assesses the "
            "instruments at the EU's disposal, from anti-subsidy duties to the foreign "
            "subsidies regulation.",
        ],
    },
    {
        "slug": "china-local-government-debt",
        "title": "China's Local Debt Problem",
        "type": "briefing",
        "date": "2023-05-15",
        "regions": ["china"],
        "themes": ["economy-trade", "governance"],
        "centers": ["center-asian-studies"],
        "authors": [("li-wen", A)],
        "topic": "local government finance in China",
        "summary": [
            "Local governments in China carry debts estimated at more than half of national "
            "GDP, much of it hidden in financing vehicles.",
            "This briefing explains how the problem arose, why Beijing has chosen slow "
            "restructuring over a bailout, and what it means for growth.",
        ],
    },
    {
        "slug": "india-multi-alignment",
        "title": "India's Multi-Alignment",
        "subtitle": "Strategic autonomy in a polarised world",
        "type": "analysis",
        "series": "asia-focus",
        "number": "110",
        "date": "2024-12-04",
        "regions": ["india"],
        "themes": ["governance", "security-defence"],
        "centers": ["indo-pacific-program"],
        "authors": [("priya-raman", A)],
        "topic": "India's foreign policy",
        "pdf": True,
        "summary": [
            "India buys Russian oil, holds naval exercises with the United States, sits in the "
            "BRICS and in the Quad. Critics call it fence-sitting; New Delhi calls it strategic "
            "autonomy.",
            "This analysis shows that multi-alignment is a coherent strategy with limits, and "
            "suggests how Europe can become a more substantial partner for India.",
        ],
    },
    {
        "slug": "indian-ocean-maritime-security",
        "title": "Securing the Indian Ocean",
        "subtitle": "What role for European navies?",
        "type": "report",
        "series": "meridian-papers",
        "number": "38",
        "date": "2024-04-16",
        "regions": ["india", "south-asia", "france"],
        "themes": ["security-defence"],
        "centers": ["indo-pacific-program", "center-security-studies"],
        "authors": [("priya-raman", A), ("sarah-whitfield", A)],
        "topic": "maritime security in the Indian Ocean",
        "isbn": "978238740038",
        "pdf": True,
        "summary": [
            "The Indian Ocean carries most of Europe's trade with Asia and a large share of its "
            "energy imports, yet European navies are thinly present there.",
            "Drawing on interviews in New Delhi, Paris, Abu Dhabi and Canberra, this report "
            "maps the threats to shipping, from piracy to state competition, and proposes a "
            "division of labour between European navies and regional partners.",
            "France, with territories and bases in the region, has a particular role to play "
            "in making a European presence credible.",
        ],
    },
    {
        "slug": "quad-after-ten-years",
        "title": "The Quad at a Crossroads",
        "type": "article",
        "date": "2023-11-08",
        "regions": ["india", "japan", "united-states"],
        "themes": ["security-defence"],
        "centers": ["indo-pacific-program"],
        "authors": [("priya-raman", A), ("kenji-watanabe", A)],
        "topic": "the Quadrilateral Security Dialogue",
        "summary": [
            "The grouping of Australia, India, Japan and the United States has become a "
            "fixture of Indo-Pacific diplomacy, but its agenda has drifted from security to "
            "public goods.",
            "This article, published in the institute's quarterly review, argues that this "
            "drift is a strength rather than a weakness.",
        ],
    },
    {
        "slug": "north-korea-russia-alliance",
        "title": "Pyongyang and Moscow",
        "subtitle": "An alliance of convenience with lasting consequences",
        "type": "briefing",
        "series": "security-briefs",
        "number": "27",
        "date": "2025-01-29",
        "regions": ["korea", "ukraine"],
        "themes": ["security-defence", "nuclear"],
        "centers": ["center-asian-studies", "center-security-studies"],
        "authors": [("min-jun-park", A)],
        "topic": "military cooperation between North Korea and Russia",
        "summary": [
            "North Korean shells, missiles and soldiers have supported Russia's war against "
            "Ukraine. In return, Pyongyang obtains cash, food and possibly military technology.",
            "This briefing assesses what North Korea gains and why the partnership links the "
            "security of Europe and of East Asia more tightly than ever.",
        ],
    },
    {
        "slug": "asia-security-order-book",
        "title": "The Contested Order",
        "subtitle": "Power and Rivalry in Asia",
        "type": "book",
        "date": "2024-02-20",
        "regions": ["asia", "east-asia", "south-asia"],
        "themes": ["security-defence", "governance"],
        "centers": ["center-asian-studies", "indo-pacific-program"],
        "authors": [
            ("kenji-watanabe", E),
            ("priya-raman", A),
            ("li-wen", A),
            ("min-jun-park", A),
        ],
        "topic": "the security order in Asia",
        "isbn": "978238740201",
        "pdf": True,
        "cover": True,
        "summary": [
            "Asia's security order is being rewritten, and not by a single hand. This edited "
            "volume brings together the institute's Asia specialists to examine how China, "
            "the United States, Japan, India and the Koreas compete and cooperate.",
            "Chapters cover the military balance in the Western Pacific, the economic "
            "statecraft of the region's powers, the nuclear question on the Korean peninsula "
            "and the rise of minilateral groupings.",
            "The book concludes with recommendations for a European strategy in Asia that "
            "matches means to ambitions.",
        ],
    },
    # --- Europe ---------------------------------------------------------------------------------
    {
        "slug": "eu-enlargement-ukraine-moldova",
        "title": "Enlargement Without Illusions",
        "subtitle": "Preparing the EU and its candidates for a Union of thirty-five",
        "type": "report",
        "series": "meridian-papers",
        "number": "43",
        "date": "2025-10-14",
        "regions": ["europe", "ukraine"],
        "themes": ["governance"],
        "centers": ["center-european-affairs", "eastern-europe-program"],
        "authors": [("helene-marchand", A), ("olena-hrytsenko", A), ("tomasz-kowalczyk", C)],
        "topic": "the enlargement of the European Union",
        "isbn": "978238740043",
        "doi": "10.48812/meridian.mp43",
        "pdf": True,
        "featured": True,
        "summary": [
            "Russia's war has put enlargement back at the heart of the European project. "
            "Ukraine, Moldova and the Western Balkans are negotiating, but neither the "
            "candidates nor the Union are ready.",
            "This report identifies the reforms the EU must make to its budget, its agricultural "
            "policy and its decision-making rules before it can absorb new members, and the "
            "milestones candidates should meet.",
            "It proposes a staged accession, giving candidates access to parts of the single "
            "market and of EU programmes as they reform, without lowering the bar for full "
            "membership.",
        ],
        "related": ["ukraine-reconstruction-financing", "poland-eu-weight"],
    },
    {
        "slug": "franco-german-relationship",
        "title": "The Franco-German Engine, Stalled?",
        "type": "analysis",
        "date": "2024-06-25",
        "regions": ["france", "germany"],
        "themes": ["governance"],
        "centers": ["center-european-affairs"],
        "authors": [("helene-marchand", A)],
        "topic": "the Franco-German relationship",
        "pdf": True,
        "summary": [
            "Disagreements on energy, defence procurement and fiscal rules have strained the "
            "relationship between Paris and Berlin. Yet the EU still rarely moves without them.",
            "This analysis looks at the sources of friction and at the areas where a renewed "
            "bargain remains possible.",
        ],
        "related": ["european-defence-industry"],
    },
    {
        "slug": "germany-zeitenwende-three-years",
        "title": "Zeitenwende, Three Years On",
        "subtitle": "How far has Germany's defence policy really changed?",
        "type": "analysis",
        "series": "security-briefs",
        "number": "25",
        "date": "2025-02-27",
        "regions": ["germany"],
        "themes": ["security-defence"],
        "centers": ["center-security-studies", "center-european-affairs"],
        "authors": [("sarah-whitfield", A), ("helene-marchand", C)],
        "topic": "Germany's defence policy",
        "summary": [
            "Three years after the Chancellor's announcement, Germany spends more on defence "
            "than ever since reunification. Readiness, however, has improved far less than the "
            "budget.",
            "This analysis examines procurement, personnel and strategic culture, and concludes "
            "that the hardest changes are still ahead.",
        ],
    },
    {
        "slug": "poland-eu-weight",
        "title": "Poland's Moment in Europe",
        "type": "analysis",
        "date": "2025-05-06",
        "regions": ["poland"],
        "themes": ["governance", "security-defence"],
        "centers": ["eastern-europe-program"],
        "authors": [("tomasz-kowalczyk", A)],
        "topic": "Poland's influence in the European Union",
        "summary": [
            "Economic growth, a massive defence effort and its role in supporting Ukraine have "
            "made Poland one of the most influential member states of the EU.",
            "This analysis asks whether Warsaw can turn this weight into lasting leadership, "
            "and what it means for the Franco-German tandem.",
        ],
    },
    {
        "slug": "ukraine-reconstruction-financing",
        "title": "Paying for Ukraine's Reconstruction",
        "subtitle": "Frozen assets, guarantees and private capital",
        "type": "report",
        "series": "meridian-papers",
        "number": "40",
        "date": "2025-04-08",
        "regions": ["ukraine"],
        "themes": ["economy-trade", "governance"],
        "centers": ["eastern-europe-program"],
        "authors": [("olena-hrytsenko", A), ("jonathan-reyes", A)],
        "topic": "the financing of Ukraine's reconstruction",
        "isbn": "978238740040",
        "pdf": True,
        "summary": [
            "The World Bank estimates Ukraine's reconstruction needs at more than five hundred "
            "billion dollars. Public budgets alone will not cover them.",
            "This report compares the options: using immobilised Russian central bank assets, "
            "EU loans and guarantees, war-risk insurance for private investors and conditional "
            "grants tied to reforms.",
            "It argues that reconstruction should start now, during the war, and be designed to "
            "support Ukraine's accession to the EU.",
        ],
    },
    {
        "slug": "ukraine-air-defence-winter",
        "title": "Keeping the Lights On",
        "subtitle": "Air defence and Ukraine's energy grid",
        "type": "briefing",
        "series": "security-briefs",
        "number": "23",
        "date": "2024-11-19",
        "regions": ["ukraine"],
        "themes": ["security-defence", "energy-climate"],
        "centers": ["eastern-europe-program", "center-energy-climate"],
        "authors": [("tomasz-kowalczyk", A), ("isabel-moreira", A)],
        "topic": "the protection of Ukraine's energy infrastructure",
        "summary": [
            "Russian strikes have destroyed a large part of Ukraine's power generation. Each "
            "winter tests the resilience of the grid and of the population.",
            "This briefing assesses the needs in air defence interceptors and in decentralised "
            "generation, and what partners can deliver before the cold season.",
        ],
    },
    {
        "slug": "european-defence-industry",
        "title": "Building Europe's Arsenal",
        "subtitle": "Scaling up defence production for a long war",
        "type": "report",
        "series": "meridian-papers",
        "number": "39",
        "date": "2024-09-17",
        "regions": ["europe", "france", "germany", "poland"],
        "themes": ["security-defence", "economy-trade"],
        "centers": ["center-security-studies"],
        "authors": [("sarah-whitfield", A), ("tomasz-kowalczyk", A), ("lena-hoffmann", C)],
        "topic": "Europe's defence industrial base",
        "isbn": "978238740039",
        "pdf": True,
        "featured": True,
        "summary": [
            "European governments have multiplied defence orders since 2022, but industry "
            "struggles to deliver. Ammunition, air defence and armoured vehicles are all in "
            "short supply.",
            "This report analyses the bottlenecks, from explosives and components to skilled "
            "labour and financing, and compares national approaches in France, Germany and "
            "Poland.",
            "Its recommendations focus on joint procurement, multi-year contracts and a "
            "European preference that does not shut out partners such as the United Kingdom "
            "and Norway.",
        ],
    },
    {
        "slug": "nato-eastern-flank-brigades",
        "title": "Forward Defence on NATO's Eastern Flank",
        "type": "briefing",
        "series": "security-briefs",
        "number": "21",
        "date": "2023-07-04",
        "regions": ["poland", "central-eastern-europe"],
        "themes": ["security-defence"],
        "centers": ["center-security-studies", "eastern-europe-program"],
        "authors": [("tomasz-kowalczyk", A), ("sarah-whitfield", A)],
        "topic": "NATO's forward defence",
        "summary": [
            "NATO has moved from a tripwire presence to forward defence, with brigades ready to "
            "fight from the first day of a conflict.",
            "This briefing examines what the new posture requires in forces, infrastructure and "
            "command arrangements, and where allies still fall short.",
        ],
    },
    {
        "slug": "european-economic-security",
        "title": "Europe's Economic Security Doctrine",
        "type": "analysis",
        "date": "2024-03-12",
        "regions": ["europe"],
        "themes": ["economy-trade", "trade-policy"],
        "centers": ["center-european-affairs", "center-energy-climate"],
        "authors": [("jonathan-reyes", A), ("helene-marchand", A)],
        "topic": "economic security in the EU",
        "summary": [
            "The EU has adopted an economic security strategy that combines promotion, "
            "protection and partnership. Its instruments remain largely national.",
            "This analysis assesses the first results of investment screening, export controls "
            "and the anti-coercion instrument, and the tensions between Brussels and the "
            "member states.",
        ],
    },
    {
        "slug": "eu-migration-pact",
        "title": "The EU Migration Pact in Practice",
        "subtitle": "Border procedures, solidarity and their limits",
        "type": "report",
        "series": "meridian-papers",
        "number": "42",
        "date": "2025-07-01",
        "regions": ["europe"],
        "themes": ["migration", "governance"],
        "centers": ["migration-mobility-program"],
        "authors": [("claire-dubois", A)],
        "topic": "the EU Pact on Migration and Asylum",
        "isbn": "978238740042",
        "pdf": True,
        "summary": [
            "The Pact on Migration and Asylum, adopted after eight years of negotiations, "
            "enters into application. It promises faster border procedures and a mandatory but "
            "flexible solidarity between member states.",
            "Based on interviews with officials in six member states, this report assesses "
            "their readiness, the risks for the rights of asylum seekers and the likely "
            "sticking points.",
        ],
    },
    {
        "slug": "labour-migration-germany-france",
        "title": "Recruiting Abroad",
        "subtitle": "Labour migration policies in Germany and France",
        "type": "analysis",
        "date": "2023-09-26",
        "regions": ["germany", "france"],
        "themes": ["migration", "economy-trade"],
        "centers": ["migration-mobility-program"],
        "authors": [("claire-dubois", A)],
        "topic": "labour migration in Europe",
        "summary": [
            "Germany has reformed its immigration law to attract skilled workers; France "
            "debates regularising undocumented workers in sectors that lack labour.",
            "This analysis compares the two approaches and what they reveal about the politics "
            "of migration in Europe's two largest economies.",
        ],
    },
    {
        "slug": "european-ai-act-geopolitics",
        "title": "The AI Act and the Geopolitics of Regulation",
        "type": "analysis",
        "date": "2024-08-20",
        "regions": ["europe", "united-states", "china"],
        "themes": ["technology", "governance"],
        "centers": ["cyber-technology-program"],
        "authors": [("lena-hoffmann", A)],
        "topic": "the regulation of artificial intelligence",
        "pdf": True,
        "summary": [
            "The EU's Artificial Intelligence Act is the first comprehensive law on AI. Its "
            "supporters expect a Brussels effect; its critics fear it will slow European "
            "innovation.",
            "This analysis compares the European, American and Chinese approaches to AI "
            "governance and assesses the Act's chances of shaping global standards.",
        ],
    },
    {
        "slug": "ransomware-hospitals-europe",
        "title": "Ransomware Against Hospitals",
        "subtitle": "Lessons from five years of attacks in Europe",
        "type": "briefing",
        "series": "security-briefs",
        "number": "24",
        "date": "2025-01-14",
        "regions": ["europe", "france", "germany"],
        "themes": ["cyber"],
        "centers": ["cyber-technology-program"],
        "authors": [("lena-hoffmann", A)],
        "topic": "ransomware against health systems",
        "summary": [
            "Dozens of European hospitals have had to cancel operations and divert emergencies "
            "after ransomware attacks.",
            "This briefing analyses the groups responsible, the weaknesses they exploit and the "
            "measures that have proved effective.",
        ],
    },
    {
        "slug": "semiconductor-export-controls",
        "title": "Chips and Controls",
        "subtitle": "Export controls on semiconductors and their effects",
        "type": "analysis",
        "series": "asia-focus",
        "number": "113",
        "date": "2025-07-15",
        "regions": ["united-states", "china", "japan"],
        "themes": ["technology", "trade-policy"],
        "centers": ["cyber-technology-program", "center-asian-studies"],
        "authors": [("lena-hoffmann", A), ("jonathan-reyes", A)],
        "topic": "export controls on advanced semiconductors",
        "summary": [
            "The United States and its allies have restricted China's access to advanced chips "
            "and the tools to make them. China has responded with massive investment and "
            "restrictions of its own on critical minerals.",
            "This analysis assesses what the controls have achieved so far, and the costs "
            "they impose on European and Japanese firms.",
        ],
    },
    # --- Security, nuclear ----------------------------------------------------------------------
    {
        "slug": "french-deterrence-european-dimension",
        "title": "The European Dimension of French Deterrence",
        "type": "analysis",
        "series": "security-briefs",
        "number": "26",
        "date": "2025-03-04",
        "regions": ["france", "europe"],
        "themes": ["nuclear"],
        "centers": ["nuclear-deterrence-program"],
        "authors": [("marc-antoine-lefevre", A)],
        "topic": "France's nuclear deterrent and its European role",
        "language": "en",
        "pdf": True,
        "featured": True,
        "body": [
            "Every French president since de Gaulle has said, in one form or another, that "
            "France's vital interests have a European dimension. The formula was deliberately "
            "vague: it signalled that the deterrent did not stop at the French border without "
            "committing Paris to anything precise. For decades, with American extended "
            "deterrence firmly in place, that vagueness suited everyone.",
            "That comfort has gone. Russia brandishes its nuclear arsenal to deter support for "
            "Ukraine, and doubts about the reliability of the United States' commitment have "
            "spread from think tanks to chancelleries. Several European leaders, including in "
            "Germany and Poland, have publicly asked what France's deterrent could do for them.",
            "Paris has answered with an offer of strategic dialogue. French doctrine will not "
            "change in its essentials: the decision to use nuclear weapons will remain the "
            "president's alone, and France will not join NATO's nuclear planning group. But "
            "there is room between doctrine and indifference: partners could take part in "
            "exercises, host French aircraft, contribute conventional support to nuclear "
            "missions or be consulted in a crisis.",
            "Such steps would not replace American extended deterrence, which rests on an "
            "arsenal twenty times larger. They would, however, complicate an adversary's "
            "calculations and give Europeans a stake in a deterrent that already protects them "
            "de facto. The real obstacles are political rather than technical: public opinion "
            "in France, the cost of an enlarged posture and the fear, in some capitals, of "
            "weakening the American guarantee by appearing to seek an alternative.",
        ],
        "summary": [
            "The war against Ukraine and doubts about the American guarantee have revived an "
            "old question: can France's nuclear deterrent protect its European partners?",
            "This analysis explains what French doctrine says, what Paris has offered, and the "
            "practical steps that could give the European dimension of deterrence substance "
            "without changing who decides.",
        ],
        "related": ["arms-control-after-new-start", "korea-nuclear-debate"],
    },
    {
        "slug": "dissuasion-francaise-dimension-europeenne",
        "title": "La dimension européenne de la dissuasion française",
        "type": "analysis",
        "series": "security-briefs",
        "number": "26",
        "date": "2025-03-11",
        "regions": ["france", "europe"],
        "themes": ["nuclear"],
        "centers": ["nuclear-deterrence-program"],
        "authors": [("marc-antoine-lefevre", A)],
        "topic": "la dissuasion française",
        "language": "fr",
        "translation_of": "french-deterrence-european-dimension",
        "pdf": True,
        "summary": [
            "La guerre contre l'Ukraine et les doutes sur la garantie américaine ont ravivé une "
            "vieille question : la dissuasion nucléaire française peut-elle protéger ses "
            "partenaires européens ?",
            "Cette analyse rappelle ce que dit la doctrine française, ce que Paris a proposé, "
            "et les mesures concrètes qui pourraient donner de la substance à la dimension "
            "européenne de la dissuasion sans changer qui décide.",
        ],
        "body": [
            "Depuis le général de Gaulle, chaque président de la République a affirmé, sous une "
            "forme ou une autre, que les intérêts vitaux de la France comportent une dimension "
            "européenne. La formule était volontairement floue : elle signifiait que la "
            "dissuasion ne s'arrêtait pas à la frontière française, sans engager Paris à quoi "
            "que ce soit de précis. Pendant des décennies, tant que la dissuasion élargie "
            "américaine restait solide, ce flou convenait à tout le monde.",
            "Ce confort a disparu. La Russie brandit son arsenal nucléaire pour décourager le "
            "soutien à l'Ukraine, et les doutes sur la fiabilité de l'engagement des "
            "États-Unis se sont propagés des centres de recherche aux chancelleries. Plusieurs "
            "dirigeants européens, en Allemagne et en Pologne notamment, ont publiquement "
            "demandé ce que la dissuasion française pourrait faire pour eux.",
            "Paris a répondu par une offre de dialogue stratégique. La doctrine française ne "
            "changera pas dans ses fondements : la décision d'emploi restera du seul ressort "
            "du président, et la France ne rejoindra pas le groupe des plans nucléaires de "
            "l'OTAN. Mais il existe un espace entre la doctrine et l'indifférence : des "
            "partenaires pourraient participer à des exercices, accueillir des avions "
            "français, apporter un soutien conventionnel aux missions nucléaires ou être "
            "consultés en cas de crise.",
            "De telles mesures ne remplaceraient pas la dissuasion élargie américaine, qui "
            "repose sur un arsenal vingt fois plus important. Elles compliqueraient néanmoins "
            "les calculs d'un adversaire et donneraient aux Européens un intérêt direct dans "
            "une dissuasion qui les protège déjà de fait. Les véritables obstacles sont "
            "politiques plutôt que techniques : l'opinion publique française, le coût d'une "
            "posture élargie et la crainte, dans certaines capitales, d'affaiblir la garantie "
            "américaine en donnant l'impression de chercher une solution de rechange.",
        ],
    },
    {
        "slug": "arms-control-after-new-start",
        "title": "Arms Control After New START",
        "subtitle": "Managing nuclear risks without treaties",
        "type": "report",
        "series": "meridian-papers",
        "number": "37",
        "date": "2023-12-12",
        "regions": ["united-states", "europe", "china"],
        "themes": ["nuclear"],
        "centers": ["nuclear-deterrence-program"],
        "authors": [("marc-antoine-lefevre", A), ("robert-ashcombe", A)],
        "topic": "nuclear arms control",
        "isbn": "978238740037",
        "doi": "10.48812/meridian.mp37",
        "pdf": True,
        "summary": [
            "The last treaty limiting the American and Russian strategic arsenals is coming to "
            "an end with no successor in sight, while China expands its own forces.",
            "This report proposes a set of unilateral and reciprocal measures, from data "
            "exchanges to launch notifications and a moratorium on certain deployments, that "
            "could reduce the risk of miscalculation in the absence of a treaty.",
        ],
    },
    {
        "slug": "iran-nuclear-threshold",
        "title": "Iran at the Nuclear Threshold",
        "type": "briefing",
        "series": "security-briefs",
        "number": "22",
        "date": "2023-10-03",
        "regions": ["mena"],
        "themes": ["nuclear"],
        "centers": ["nuclear-deterrence-program"],
        "authors": [("marc-antoine-lefevre", A), ("amina-el-sayed", C)],
        "topic": "Iran's nuclear programme",
        "summary": [
            "Iran has accumulated enough highly enriched uranium for several weapons, should it "
            "choose to build them, while inspections have been curtailed.",
            "This briefing reviews the state of the programme, the options of the Europeans and "
            "the risk that other states in the region follow suit.",
        ],
    },
    # --- Middle East, Africa --------------------------------------------------------------------
    {
        "slug": "egypt-debt-and-the-gulf",
        "title": "Egypt's Debt and the Gulf's Money",
        "type": "analysis",
        "date": "2024-05-21",
        "regions": ["egypt"],
        "themes": ["economy-trade", "governance"],
        "centers": ["center-security-studies"],
        "authors": [("amina-el-sayed", A)],
        "topic": "Egypt's economic model",
        "summary": [
            "A record investment from the United Arab Emirates and a new IMF programme have "
            "pulled Egypt back from the brink of default.",
            "This analysis asks whether the rescue will finally bring reforms of the role of "
            "the military in the economy, or only postpone the next crisis.",
        ],
    },
    {
        "slug": "red-sea-shipping-attacks",
        "title": "The Red Sea Crisis",
        "subtitle": "Shipping, Suez and European naval operations",
        "type": "briefing",
        "series": "security-briefs",
        "number": "28",
        "date": "2025-05-27",
        "regions": ["egypt", "mena"],
        "themes": ["security-defence", "economy-trade"],
        "centers": ["center-security-studies"],
        "authors": [("amina-el-sayed", A), ("sarah-whitfield", A)],
        "topic": "the security of shipping in the Red Sea",
        "summary": [
            "Attacks on merchant ships have diverted much of the traffic between Asia and "
            "Europe around the Cape of Good Hope, and cut Egypt's revenues from the Suez "
            "Canal by half.",
            "This briefing assesses the European naval operation in the Red Sea and the "
            "conditions for a return of shipping.",
        ],
    },
    {
        "slug": "turkey-foreign-policy-balancing",
        "title": "Turkey's Balancing Act",
        "type": "analysis",
        "date": "2024-01-30",
        "regions": ["turkey"],
        "themes": ["security-defence", "governance"],
        "centers": ["center-european-affairs"],
        "authors": [("deniz-aydin", A)],
        "topic": "Turkish foreign policy",
        "summary": [
            "Ankara supplies drones to Kyiv, trades with Moscow and mediates between them. It "
            "blocks and unblocks NATO decisions as its interests dictate.",
            "This analysis explains the logic of Turkey's balancing and what a more "
            "transactional but more predictable relationship with the EU could look like.",
        ],
    },
    {
        "slug": "turkey-eu-customs-union",
        "title": "Modernising the EU-Turkey Customs Union",
        "type": "article",
        "date": "2022-11-15",
        "regions": ["turkey", "europe"],
        "themes": ["trade-policy"],
        "centers": ["center-european-affairs"],
        "authors": [("deniz-aydin", A), ("jonathan-reyes", A)],
        "topic": "EU-Turkey trade relations",
        "summary": [
            "The customs union between the EU and Turkey dates from 1995 and covers neither "
            "services, public procurement nor most agriculture.",
            "This article argues that its modernisation is the most realistic way to anchor "
            "Turkey to Europe while accession remains frozen.",
        ],
    },
    {
        "slug": "sahel-after-the-juntas",
        "title": "The Sahel After the Coups",
        "subtitle": "Security, sovereignty and the Russian bet",
        "type": "report",
        "series": "meridian-papers",
        "number": "36",
        "date": "2023-06-20",
        "regions": ["sahel"],
        "themes": ["security-defence", "governance"],
        "centers": ["center-security-studies"],
        "authors": [("daniel-okafor", A), ("claire-dubois", C)],
        "topic": "the security crisis in the central Sahel",
        "isbn": "978238740036",
        "pdf": True,
        "summary": [
            "In Mali, Burkina Faso and Niger, military juntas have broken with France and the "
            "West and turned to Russia for security assistance.",
            "Based on field interviews, this report assesses the results: the insurgencies "
            "have spread, civilian casualties have risen and the juntas have consolidated their "
            "power by mobilising sovereignist sentiment.",
            "It suggests how Europeans can remain engaged with Sahelian societies without "
            "legitimising the regimes.",
        ],
    },
    {
        "slug": "sahel-migration-routes",
        "title": "Migration Through the Sahel",
        "type": "analysis",
        "date": "2024-07-09",
        "regions": ["sahel"],
        "themes": ["migration"],
        "centers": ["migration-mobility-program"],
        "authors": [("claire-dubois", A), ("daniel-okafor", A)],
        "topic": "migration routes through the Sahel",
        "summary": [
            "Niger's junta has repealed the law that criminalised the smuggling of migrants, "
            "reopening a route that the EU had worked for years to close.",
            "This analysis examines the consequences for migration towards Libya and the "
            "Mediterranean, and the limits of Europe's partnership model.",
        ],
    },
    # --- Energy, Americas -----------------------------------------------------------------------
    {
        "slug": "critical-minerals-latin-america",
        "title": "Critical Minerals in Latin America",
        "subtitle": "Partners for Europe's energy transition",
        "type": "report",
        "series": "energy-notes",
        "number": "18",
        "date": "2024-10-22",
        "regions": ["brazil", "americas"],
        "themes": ["energy-climate", "trade-policy"],
        "centers": ["center-energy-climate"],
        "authors": [("isabel-moreira", A), ("jonathan-reyes", C)],
        "topic": "critical minerals partnerships",
        "isbn": "978238740118",
        "pdf": True,
        "summary": [
            "Latin America holds a large share of the world's lithium, copper and rare earths. "
            "Its governments want to move up the value chain rather than export raw ore.",
            "This report maps the region's resources and policies and proposes partnerships in "
            "which European investment supports local processing and high environmental "
            "standards.",
        ],
    },
    {
        "slug": "brazil-cop30-climate-diplomacy",
        "title": "Brazil's Climate Diplomacy",
        "type": "analysis",
        "series": "energy-notes",
        "number": "20",
        "date": "2025-11-04",
        "regions": ["brazil"],
        "themes": ["energy-climate", "governance"],
        "centers": ["center-energy-climate"],
        "authors": [("isabel-moreira", A)],
        "topic": "climate diplomacy",
        "summary": [
            "As host of the climate summit in Belém, Brazil put the Amazon and climate finance "
            "at the centre of the negotiations.",
            "This analysis assesses the outcome and what it tells us about the new geography "
            "of climate diplomacy, in which large emerging economies set the agenda.",
        ],
    },
    {
        "slug": "european-gas-after-russia",
        "title": "Europe's Gas Market After Russia",
        "type": "analysis",
        "series": "energy-notes",
        "number": "17",
        "date": "2024-02-06",
        "regions": ["europe", "germany", "united-states"],
        "themes": ["energy-climate"],
        "centers": ["center-energy-climate"],
        "authors": [("isabel-moreira", A)],
        "topic": "Europe's gas supply",
        "pdf": True,
        "summary": [
            "In two years, Europe replaced most of its Russian pipeline gas with liquefied gas "
            "from the United States, Qatar and elsewhere, and cut its consumption.",
            "This analysis assesses the new vulnerabilities of Europe's gas market and the "
            "role gas should play in the energy transition.",
        ],
    },
    {
        "slug": "india-solar-manufacturing",
        "title": "India's Solar Ambitions",
        "type": "briefing",
        "series": "energy-notes",
        "number": "19",
        "date": "2025-02-11",
        "regions": ["india"],
        "themes": ["energy-climate", "technology"],
        "centers": ["center-energy-climate", "indo-pacific-program"],
        "authors": [("priya-raman", A), ("isabel-moreira", A)],
        "topic": "solar manufacturing in India",
        "summary": [
            "India wants to become the main alternative to China for the manufacture of solar "
            "panels, with generous subsidies and import duties.",
            "This briefing examines the progress made and the opportunities for European "
            "cooperation.",
        ],
    },
    {
        "slug": "us-tariffs-transatlantic-trade",
        "title": "Tariffs and the Transatlantic Relationship",
        "type": "analysis",
        "date": "2025-08-19",
        "regions": ["united-states", "europe"],
        "themes": ["trade-policy"],
        "centers": ["center-energy-climate"],
        "authors": [("jonathan-reyes", A)],
        "topic": "transatlantic trade tensions",
        "featured": True,
        "summary": [
            "Washington's new tariffs hit European steel, cars and agricultural products, and "
            "the EU has prepared countermeasures.",
            "This analysis explains the American motives, the options of the Europeans and "
            "why a negotiated settlement will have to address more than tariffs.",
            "It warns against a tit-for-tat escalation that would weaken both sides at a time "
            "when they face common challenges from China and Russia.",
        ],
    },
    {
        "slug": "energy-transition-geopolitics-book",
        "title": "Power Shift",
        "subtitle": "The Geopolitics of the Energy Transition",
        "type": "book",
        "date": "2023-03-21",
        "regions": ["europe", "china", "americas", "mena"],
        "themes": ["energy-climate", "economy-trade"],
        "centers": ["center-energy-climate"],
        "authors": [("isabel-moreira", A)],
        "topic": "the geopolitics of the energy transition",
        "isbn": "978238740198",
        "cover": True,
        "pages": 264,
        "summary": [
            "The transition away from fossil fuels will redistribute power between states as "
            "surely as oil did in the twentieth century. Winners and losers will not be the "
            "ones we expect.",
            "Drawing on fifteen years of work on energy markets, Isabel Moreira explains how "
            "petro-states, manufacturing powers and mineral-rich countries are positioning "
            "themselves, and what Europe must do to avoid trading one dependency for another.",
        ],
    },
    {
        "slug": "europe-in-a-fragmented-world-book",
        "title": "Europe in a Fragmented World",
        "subtitle": "Essays on Strategy and Power",
        "type": "book",
        "date": "2022-10-11",
        "regions": ["europe"],
        "themes": ["governance", "security-defence", "economy-trade"],
        "centers": ["center-european-affairs", "center-security-studies"],
        "authors": [
            ("helene-marchand", E),
            ("sarah-whitfield", E),
            ("tomasz-kowalczyk", A),
            ("lena-hoffmann", A),
            ("claire-dubois", A),
        ],
        "topic": "Europe's place in the world",
        "isbn": "978238740197",
        "pdf": True,
        "cover": True,
        "summary": [
            "The world in which the European Union was built, open markets, American "
            "protection and cheap energy, has disappeared. This collection of essays asks how "
            "Europe can remain a power in the world that replaces it.",
            "The contributors examine defence, trade, technology and migration, and argue that "
            "Europe's choices are less constrained than its leaders often claim.",
        ],
    },
    {
        "slug": "cyber-norms-un-process",
        "title": "Cyber Norms at the United Nations",
        "type": "article",
        "date": "2022-05-17",
        "regions": ["europe", "united-states", "china"],
        "themes": ["cyber", "governance"],
        "centers": ["cyber-technology-program"],
        "authors": [("lena-hoffmann", A)],
        "topic": "international norms in cyberspace",
        "doi": "10.48812/meridian.rev.2022.2.4",
        "summary": [
            "For two decades, states have negotiated norms of responsible behaviour in "
            "cyberspace at the United Nations. The results are modest but not negligible.",
            "This article reviews the process and argues for a permanent programme of action "
            "focused on implementation.",
        ],
    },
    {
        "slug": "korea-economic-security",
        "title": "South Korea's Economic Security Strategy",
        "type": "article",
        "date": "2023-04-25",
        "regions": ["korea", "china"],
        "themes": ["economy-trade", "technology"],
        "centers": ["center-asian-studies"],
        "authors": [("min-jun-park", A)],
        "topic": "South Korea's economic security",
        "summary": [
            "South Korea depends on China for many critical inputs and on the United States "
            "for its security and its chip technology.",
            "This article examines how Seoul is trying to reduce its exposure without "
            "provoking Beijing.",
        ],
    },
    # --- Media ----------------------------------------------------------------------------------
    {
        "slug": "interview-whitfield-european-rearmament",
        "title": "“Europe has the money for its defence, not yet the method”",
        "type": "media",
        "date": "2025-06-03",
        "regions": ["europe"],
        "themes": ["security-defence"],
        "centers": ["center-security-studies"],
        "authors": [("sarah-whitfield", A)],
        "topic": "European rearmament",
        "external_url": "https://globalaffairsweekly.example/interviews/whitfield-rearmament",
        "source": "Global Affairs Weekly",
        "summary": [
            "In an interview, Sarah Whitfield discusses the commitments made at the NATO summit "
            "and why joint procurement matters more than headline spending targets.",
            "She also explains why Europe's defence industry needs long-term orders rather than "
            "one-off contracts.",
        ],
    },
    {
        "slug": "op-ed-marchand-elargissement",
        "title": "L'élargissement ne doit pas attendre la réforme des traités",
        "type": "media",
        "date": "2025-10-20",
        "language": "fr",
        "regions": ["europe", "ukraine"],
        "themes": ["governance"],
        "centers": ["center-european-affairs"],
        "authors": [("helene-marchand", A)],
        "topic": "l'élargissement",
        "external_url": "https://journaldesnations.example/tribunes/elargissement-reforme",
        "source": "Le Journal des Nations",
        "summary": [
            "Dans une tribune, Hélène Marchand estime que l'Union européenne peut préparer "
            "l'adhésion de l'Ukraine et de la Moldavie sans attendre une révision des traités, "
            "en réformant d'abord son budget et ses politiques communes.",
            "Elle appelle la France à cesser de considérer l'élargissement comme une menace et "
            "à y voir un choix stratégique.",
        ],
    },
    {
        "slug": "podcast-okafor-sahel",
        "title": "Podcast: What went wrong in the Sahel?",
        "type": "media",
        "date": "2024-09-03",
        "regions": ["sahel"],
        "themes": ["security-defence"],
        "centers": ["center-security-studies"],
        "authors": [("daniel-okafor", A)],
        "topic": "the Sahel",
        "external_url": "https://worldbriefingpodcast.example/episodes/sahel-what-went-wrong",
        "source": "The World Briefing podcast",
        "summary": [
            "Daniel Okafor joins the podcast to discuss ten years of international "
            "intervention in the Sahel, the coups and the arrival of Russian paramilitaries.",
            "He explains why the insurgencies have grown stronger despite a decade of "
            "military operations.",
        ],
    },
    {
        "slug": "tv-lefevre-nuclear-threats",
        "title": "Nuclear threats: bluff or real danger?",
        "type": "media",
        "date": "2024-03-28",
        "regions": ["europe", "ukraine"],
        "themes": ["nuclear"],
        "centers": ["nuclear-deterrence-program"],
        "authors": [("marc-antoine-lefevre", A)],
        "topic": "nuclear threats",
        "external_url": "https://continentaltv.example/debates/nuclear-threats",
        "source": "Continental TV",
        "summary": [
            "On a televised debate, Marc-Antoine Lefèvre analyses Russia's nuclear signalling "
            "and how NATO should respond.",
            "He argues that calm, consistent messaging has so far prevented escalation.",
        ],
    },
    {
        "slug": "op-ed-reyes-tariffs",
        "title": "A trade war nobody can win",
        "type": "media",
        "date": "2025-04-15",
        "regions": ["united-states", "europe"],
        "themes": ["trade-policy"],
        "centers": ["center-energy-climate"],
        "authors": [("jonathan-reyes", A)],
        "topic": "tariffs",
        "external_url": "https://atlanticledger.example/opinion/trade-war-nobody-can-win",
        "source": "The Atlantic Ledger",
        "summary": [
            "In an op-ed, Jonathan Reyes argues that Europe should answer American tariffs "
            "with targeted countermeasures and an offer to negotiate on the issues that "
            "really divide the two sides, from steel overcapacity to digital taxes.",
            "He warns that retaliation without a negotiating strategy would only deepen the "
            "damage.",
        ],
    },
    # --- Not public: drafts, review, archived, future, scheduled --------------------------------
    {
        "slug": "japan-defence-budget-2027",
        "title": "Japan's Defence Budget for 2027",
        "type": "briefing",
        "status": "draft",
        "date": "2026-01-15",
        "regions": ["japan"],
        "themes": ["security-defence"],
        "centers": ["center-asian-studies"],
        "authors": [("kenji-watanabe", A)],
        "topic": "Japan's defence budget",
        "summary": [
            "Draft: Japan's defence ministry has submitted its largest budget request ever.",
            "This briefing will assess the priorities it reveals.",
        ],
    },
    {
        "slug": "sahel-mining-governance",
        "title": "Gold, Juntas and Mining Codes in the Sahel",
        "type": "report",
        "status": "draft",
        "series": "meridian-papers",
        "number": "45",
        "date": "2026-02-10",
        "regions": ["sahel"],
        "themes": ["governance", "economy-trade"],
        "centers": ["center-security-studies"],
        "authors": [("daniel-okafor", A)],
        "topic": "the mining sector in the Sahel",
        "summary": [
            "Draft: the juntas of the Sahel have rewritten their mining codes and nationalised "
            "gold mines.",
            "This report will examine who benefits.",
        ],
    },
    {
        "slug": "poland-energy-mix",
        "title": "Poland's Energy Transition",
        "type": "briefing",
        "status": "review",
        "series": "energy-notes",
        "number": "21",
        "date": "2025-12-02",
        "regions": ["poland"],
        "themes": ["energy-climate"],
        "centers": ["center-energy-climate", "eastern-europe-program"],
        "authors": [("isabel-moreira", A), ("tomasz-kowalczyk", A)],
        "topic": "Poland's energy transition",
        "pdf": True,
        "summary": [
            "Poland still produces most of its electricity from coal, but offshore wind and a "
            "first nuclear plant are on the way.",
            "This briefing assesses the pace of the transition and its costs.",
        ],
    },
    {
        "slug": "india-semiconductor-push",
        "title": "India's Semiconductor Push",
        "type": "analysis",
        "status": "review",
        "date": "2025-12-09",
        "regions": ["india"],
        "themes": ["technology"],
        "centers": ["indo-pacific-program", "cyber-technology-program"],
        "authors": [("priya-raman", A), ("lena-hoffmann", A)],
        "topic": "semiconductors in India",
        "summary": [
            "India is subsidising its first chip fabrication plants.",
            "This analysis asks whether it can become a credible link in global semiconductor "
            "supply chains.",
        ],
    },
    {
        "slug": "brexit-customs-scenarios",
        "title": "Customs After Brexit: Three Scenarios",
        "type": "article",
        "status": "archived",
        "date": "2019-03-12",
        "regions": ["europe"],
        "themes": ["trade-policy"],
        "centers": ["center-european-affairs"],
        "authors": [("robert-ashcombe", A), ("jonathan-reyes", A)],
        "topic": "customs arrangements after Brexit",
        "summary": [
            "Written before the withdrawal agreement was ratified, this article compared three "
            "possible customs arrangements between the United Kingdom and the EU.",
            "It has been archived because events have overtaken it.",
        ],
    },
    {
        "slug": "eu-budget-2028-2034",
        "title": "The Next EU Budget",
        "subtitle": "Defence, enlargement and the end of the recovery fund",
        "type": "analysis",
        "timing": "future",
        "date": None,
        "regions": ["europe"],
        "themes": ["governance", "economy-trade"],
        "centers": ["center-european-affairs"],
        "authors": [("helene-marchand", A)],
        "topic": "the EU's multiannual budget",
        "summary": [
            "Negotiations on the EU's budget for 2028-2034 will have to fund defence and "
            "prepare enlargement while repaying the debt of the recovery fund.",
            "This analysis maps the positions of the member states.",
        ],
    },
    {
        "slug": "nuclear-arms-race-asia",
        "title": "A Nuclear Arms Race in Asia?",
        "type": "analysis",
        "series": "asia-focus",
        "number": "115",
        "timing": "scheduled",
        "date": None,
        "regions": ["china", "korea", "japan"],
        "themes": ["nuclear"],
        "centers": ["nuclear-deterrence-program", "center-asian-studies"],
        "authors": [("marc-antoine-lefevre", A), ("min-jun-park", A)],
        "topic": "nuclear competition in Asia",
        "pdf": True,
        "summary": [
            "China's build-up, North Korea's advances and the debates in Seoul and Tokyo raise "
            "the spectre of a nuclear arms race in Asia.",
            "This analysis, scheduled for publication, assesses the risks and the remaining "
            "restraints.",
        ],
    },
]
