"""The institute: its regions, themes, centers and programs, experts and series.

Everything here is fictional: the people, their identifiers and their careers.
"""

from .identifiers import issn, orcid

# (slug, name, parent slug, description); parents come before their children.
REGIONS = [
    (
        "asia",
        "Asia",
        None,
        "From the Korean peninsula to the Indian Ocean: the continent where "
        "most of the world's growth, and several of its most dangerous rivalries, now sit.",
    ),
    (
        "east-asia",
        "East Asia",
        "asia",
        "China, Japan and the two Koreas: an economic core of the "
        "world economy shadowed by unresolved territorial and historical disputes.",
    ),
    (
        "japan",
        "Japan",
        "east-asia",
        "Japan's defence reforms, its economic statecraft and its alliance with the United States.",
    ),
    (
        "korea",
        "Korea",
        "east-asia",
        "The Korean peninsula: North Korea's weapons programmes, "
        "South Korea's industrial strategy and the prospects for dialogue.",
    ),
    (
        "china",
        "China",
        "east-asia",
        "China's domestic economy, its foreign policy and the "
        "consequences of its technological ambitions for the rest of the world.",
    ),
    (
        "south-asia",
        "South Asia",
        "asia",
        "India and its neighbours, between fast growth, climate "
        "exposure and a crowded security environment.",
    ),
    (
        "india",
        "India",
        "south-asia",
        "India's rise as an economic and diplomatic power, its "
        "multi-alignment and its energy transition.",
    ),
    (
        "europe",
        "Europe",
        None,
        "The European Union, its neighbours and the continent's security "
        "order after the return of war to Europe.",
    ),
    (
        "western-europe",
        "Western Europe",
        "europe",
        "France, Germany and their partners: the "
        "engine rooms of European integration and of its disagreements.",
    ),
    (
        "france",
        "France",
        "western-europe",
        "French foreign, defence and economic policy and France's role in the European Union.",
    ),
    (
        "germany",
        "Germany",
        "western-europe",
        "Germany's Zeitenwende: defence spending, energy "
        "security and an export model under strain.",
    ),
    (
        "central-eastern-europe",
        "Central and Eastern Europe",
        "europe",
        "The EU's eastern members and its candidate countries, on the front line of Russia's war.",
    ),
    (
        "poland",
        "Poland",
        "central-eastern-europe",
        "Poland's military build-up, its economy and "
        "its growing weight in European decision-making.",
    ),
    (
        "ukraine",
        "Ukraine",
        "central-eastern-europe",
        "Ukraine's defence, reconstruction and path towards membership of the European Union.",
    ),
    (
        "mena",
        "Middle East and North Africa",
        None,
        "A region of energy producers, fragile states "
        "and middle powers whose choices shape Europe's southern neighbourhood.",
    ),
    (
        "turkey",
        "Turkey",
        "mena",
        "Turkey's foreign policy between NATO, Russia and the Gulf, and "
        "its economy after years of unorthodox monetary policy.",
    ),
    (
        "egypt",
        "Egypt",
        "mena",
        "Egypt's debt, its food and water security and its role in the "
        "diplomacy of the Eastern Mediterranean and the Red Sea.",
    ),
    (
        "africa",
        "Africa",
        None,
        "A continent of young societies and fast-growing cities, courted "
        "by rival powers for its minerals, its markets and its votes.",
    ),
    (
        "sahel",
        "Sahel",
        "africa",
        "Mali, Burkina Faso, Niger and their neighbours: military "
        "regimes, jihadist insurgencies and the retreat of European influence.",
    ),
    (
        "americas",
        "Americas",
        None,
        "The United States and Latin America, between polarised "
        "politics, new industrial policies and the competition for critical minerals.",
    ),
    (
        "united-states",
        "United States",
        "americas",
        "American foreign, trade and defence policy "
        "and what it means for allies in Europe and Asia.",
    ),
    (
        "brazil",
        "Brazil",
        "americas",
        "Brazil's diplomacy, its agricultural and energy power and its stewardship of the Amazon.",
    ),
]

THEMES = [
    (
        "security-defence",
        "Security and defence",
        None,
        "Armed forces, alliances, deterrence and the changing character of war.",
    ),
    (
        "nuclear",
        "Nuclear",
        "security-defence",
        "Nuclear deterrence, arms control and non-proliferation in a multipolar nuclear age.",
    ),
    (
        "cyber",
        "Cyber",
        "security-defence",
        "Cyber operations, the resilience of critical "
        "infrastructure and the norms of state behaviour online.",
    ),
    (
        "energy-climate",
        "Energy and climate",
        None,
        "Energy security, the low-carbon transition and the geopolitics of climate change.",
    ),
    (
        "economy-trade",
        "Economy and trade",
        None,
        "Geoeconomics: sanctions, industrial policy, "
        "supply chains and the institutions of the world economy.",
    ),
    (
        "trade-policy",
        "Trade policy",
        "economy-trade",
        "Trade agreements, tariffs, export controls "
        "and the future of the World Trade Organization.",
    ),
    (
        "governance",
        "Governance",
        None,
        "Institutions, the rule of law, elections and the "
        "resilience of democracies and of multilateral organisations.",
    ),
    (
        "migration",
        "Migration",
        None,
        "Migration and asylum policies, labour mobility and the politics of borders.",
    ),
    (
        "technology",
        "Technology",
        None,
        "Artificial intelligence, semiconductors, space and the "
        "rules that govern emerging technologies.",
    ),
]

# Centers first, then programs (which name their center).
CENTERS = [
    {
        "slug": "center-asian-studies",
        "name": "Center for Asian Studies",
        "kind": "center",
        "parent": None,
        "order": 1,
        "heads": ["kenji-watanabe"],
        "summary": "Independent research on the politics, economies and security of Asia, "
        "with a team based in Paris, Tokyo and New Delhi.",
        "description": "The Center for Asian Studies analyses the domestic politics, foreign "
        "policies and economic strategies of the major Asian powers, and what they mean for "
        "Europe. Its researchers combine field work in the region with a dialogue with "
        "policymakers in European capitals.\n\n"
        "Its work covers the strategic competition between China and the United States, the "
        "defence reforms of Japan and South Korea, the rise of India and the economic "
        "integration of the region, from supply chains to trade agreements.",
        "colors": ("#9b2335", "#f4d6a0"),
    },
    {
        "slug": "center-european-affairs",
        "name": "Center for European Affairs",
        "kind": "center",
        "parent": None,
        "order": 2,
        "heads": ["helene-marchand"],
        "summary": "The European Union's institutions, its member states and its neighbourhood, "
        "from enlargement to economic security.",
        "description": "The Center for European Affairs follows the European Union's policies "
        "and the debates of its member states, with a particular attention to the Franco-German "
        "relationship and to the EU's eastern flank.\n\n"
        "Its researchers publish analyses for decision-makers, organise closed-door dialogues "
        "between officials of the member states and testify regularly before national "
        "parliaments and the European Parliament.",
        "colors": ("#1f4e79", "#f2c14e"),
    },
    {
        "slug": "center-security-studies",
        "name": "Security Studies Center",
        "kind": "center",
        "parent": None,
        "order": 3,
        "heads": ["sarah-whitfield"],
        "summary": "Defence policy, military strategy, deterrence and the security of Europe "
        "and its southern neighbourhood.",
        "description": "The Security Studies Center studies armed forces, military operations "
        "and defence industries, and the strategic choices that European states face as war "
        "returns to the continent.\n\n"
        "It works on deterrence and arms control, on crises in the Sahel and the Middle East, "
        "and on the new domains of conflict: cyberspace, outer space and the information "
        "environment.",
        "colors": ("#2f3e46", "#84a98c"),
    },
    {
        "slug": "center-energy-climate",
        "name": "Center for Energy and Climate",
        "kind": "center",
        "parent": None,
        "order": 4,
        "heads": ["isabel-moreira"],
        "summary": "The geopolitics of the energy transition: security of supply, critical "
        "minerals, climate diplomacy and industrial policy.",
        "description": "The Center for Energy and Climate analyses how the transition away from "
        "fossil fuels reshapes power between states, from gas markets to the supply chains of "
        "batteries and solar panels.\n\n"
        "Its researchers follow international climate negotiations, European energy policy and "
        "the strategies of producer countries, and assess the trade-offs between "
        "decarbonisation, competitiveness and security.",
        "colors": ("#1b5e20", "#ffd166"),
    },
    {
        "slug": "indo-pacific-program",
        "name": "Indo-Pacific Program",
        "kind": "program",
        "parent": "center-asian-studies",
        "order": 1,
        "heads": ["priya-raman"],
        "summary": "India, maritime Asia and the strategies of middle powers in the Indo-Pacific.",
        "description": "The Indo-Pacific Program studies the maritime security of the Indian "
        "and Pacific Oceans, India's foreign policy and the minilateral groupings, such as the "
        "Quad, that have multiplied across the region.\n\n"
        "It pays particular attention to what Europe, and France as a resident power of the "
        "Indian Ocean, can bring to the security of the region.",
        "colors": ("#00796b", "#ffe0b2"),
    },
    {
        "slug": "eastern-europe-program",
        "name": "Eastern Europe Program",
        "kind": "program",
        "parent": "center-european-affairs",
        "order": 1,
        "heads": ["tomasz-kowalczyk"],
        "summary": "Ukraine, Poland and the EU's eastern neighbourhood in a time of war.",
        "description": "The Eastern Europe Program analyses the war against Ukraine and its "
        "consequences for the security and the politics of Central and Eastern Europe.\n\n"
        "It follows Ukraine's reconstruction and accession to the European Union and the "
        "growing role of Poland and the Baltic states in European decisions.",
        "colors": ("#283593", "#ffeb3b"),
    },
    {
        "slug": "migration-mobility-program",
        "name": "Migration and Mobility Program",
        "kind": "program",
        "parent": "center-european-affairs",
        "order": 2,
        "heads": ["claire-dubois"],
        "summary": "Asylum, labour migration and border policies in Europe and beyond.",
        "description": "The Migration and Mobility Program studies the policies that govern the "
        "movement of people into and within Europe, and the partnerships the EU builds with "
        "countries of origin and transit.\n\n"
        "Its research relies on comparative data and field work in North Africa and the Sahel.",
        "colors": ("#6a1b9a", "#f8bbd0"),
    },
    {
        "slug": "nuclear-deterrence-program",
        "name": "Nuclear Deterrence Program",
        "kind": "program",
        "parent": "center-security-studies",
        "order": 1,
        "heads": ["marc-antoine-lefevre"],
        "summary": "Deterrence, arms control and non-proliferation in a multipolar nuclear age.",
        "description": "The Nuclear Deterrence Program studies the doctrines and arsenals of the "
        "nuclear powers, the erosion of arms control and the risks of proliferation.\n\n"
        "It contributes to the European debate on the role of the French and British "
        "deterrents and trains a new generation of experts in nuclear policy.",
        "colors": ("#37474f", "#ff8a65"),
    },
    {
        "slug": "cyber-technology-program",
        "name": "Cyber and Technology Program",
        "kind": "program",
        "parent": "center-security-studies",
        "order": 2,
        "heads": ["lena-hoffmann"],
        "summary": "Cyber security, artificial intelligence and the geopolitics of technology.",
        "description": "The Cyber and Technology Program analyses how digital technologies "
        "change conflict and competition between states, from ransomware to the race for "
        "semiconductors and artificial intelligence.\n\n"
        "It advises public and private actors on the resilience of critical infrastructure and "
        "on the international norms of responsible state behaviour in cyberspace.",
        "colors": ("#004d40", "#80deea"),
    },
]

# Portrait background colours, one per expert, distinct from each other.
PALETTE = [
    "#b23a48",
    "#1d3557",
    "#2a9d8f",
    "#e76f51",
    "#6d597a",
    "#3a5a40",
    "#bc6c25",
    "#264653",
    "#8338ec",
    "#d62828",
    "#457b9d",
    "#606c38",
    "#9d0208",
    "#5e548e",
    "#0077b6",
    "#7f5539",
    "#495057",
]

AUTHORS = [
    {
        "slug": "helene-marchand",
        "name": "Hélène Marchand",
        "sort_name": "Marchand, Hélène",
        "title": "Director, Center for European Affairs",
        "centers": ["center-european-affairs"],
        "orcid": orcid("000000031442718"),
        "website": "https://helene-marchand.example/",
        "bio": "Hélène Marchand directs the Center for European Affairs. Her research focuses on "
        "the institutions of the European Union, the Franco-German relationship and the "
        "politics of enlargement.\n\n"
        "Before joining the institute she served for ten years in the French diplomatic "
        "service, including as deputy head of mission in Warsaw and as an adviser on European "
        "affairs. She teaches European politics at a Paris university.",
    },
    {
        "slug": "kenji-watanabe",
        "name": "Kenji Watanabe",
        "sort_name": "Watanabe, Kenji",
        "title": "Director, Center for Asian Studies",
        "centers": ["center-asian-studies"],
        "orcid": orcid("000000027719330"),
        "bio": "Kenji Watanabe directs the Center for Asian Studies. He works on Japan's "
        "security policy, the US alliance system in Asia and the strategic consequences of "
        "China's rise.\n\n"
        "He previously held research positions in Tokyo and Washington and holds a doctorate "
        "in international relations. He is the author of a book on Japan's defence reforms.",
    },
    {
        "slug": "priya-raman",
        "name": "Priya Raman",
        "sort_name": "Raman, Priya",
        "title": "Head, Indo-Pacific Program",
        "centers": ["center-asian-studies", "indo-pacific-program"],
        "bio": "Priya Raman heads the Indo-Pacific Program. Her research covers India's foreign "
        "policy, maritime security in the Indian Ocean and the region's minilateral groupings.\n\n"
        "She joined the institute from a New Delhi think tank and has advised several European "
        "governments on their Indo-Pacific strategies.",
    },
    {
        "slug": "tomasz-kowalczyk",
        "name": "Tomasz Kowalczyk",
        "sort_name": "Kowalczyk, Tomasz",
        "title": "Head, Eastern Europe Program",
        "centers": ["center-european-affairs", "eastern-europe-program"],
        "orcid": orcid("000000016620451"),
        "bio": "Tomasz Kowalczyk heads the Eastern Europe Program. He specialises in the "
        "security of NATO's eastern flank, Polish foreign policy and Russia's war against "
        "Ukraine.\n\n"
        "He was previously an analyst at a Polish government agency and a visiting fellow in "
        "Vilnius and Kyiv.",
    },
    {
        "slug": "olena-hrytsenko",
        "name": "Olena Hrytsenko",
        "sort_name": "Hrytsenko, Olena",
        "title": "Associate Fellow, Eastern Europe Program",
        "centers": ["eastern-europe-program"],
        "bio": "Olena Hrytsenko is an associate fellow of the Eastern Europe Program. She works "
        "on Ukraine's reconstruction, its reforms of the judiciary and its accession to the "
        "European Union.\n\n"
        "A lawyer by training, she advised Ukrainian parliamentary committees before moving to "
        "research.",
    },
    {
        "slug": "daniel-okafor",
        "name": "Daniel Okafor",
        "sort_name": "Okafor, Daniel",
        "title": "Research Fellow, Security Studies Center",
        "centers": ["center-security-studies"],
        "bio": "Daniel Okafor is a research fellow at the Security Studies Center. His research "
        "covers the conflicts of the Sahel, the military regimes of the region and the "
        "security partnerships of African states with outside powers.\n\n"
        "He has conducted field research in Niger, Mali and Nigeria.",
    },
    {
        "slug": "sarah-whitfield",
        "name": "Sarah Whitfield",
        "sort_name": "Whitfield, Sarah",
        "title": "Director, Security Studies Center",
        "centers": ["center-security-studies"],
        "orcid": orcid("000000020915783"),
        "website": "https://swhitfield.example/",
        "bio": "Sarah Whitfield directs the Security Studies Center. She works on European "
        "defence, NATO and the transatlantic relationship.\n\n"
        "She served in the British Ministry of Defence and at NATO headquarters before "
        "becoming an analyst. She is a frequent commentator on European security in the "
        "international press.",
    },
    {
        "slug": "marc-antoine-lefevre",
        "name": "Marc-Antoine Lefèvre",
        "sort_name": "Lefèvre, Marc-Antoine",
        "title": "Head, Nuclear Deterrence Program",
        "centers": ["center-security-studies", "nuclear-deterrence-program"],
        "orcid": orcid("000000034408167"),
        "bio": "Marc-Antoine Lefèvre heads the Nuclear Deterrence Program. His research covers "
        "French nuclear doctrine, arms control and the proliferation risks in the Middle East "
        "and East Asia.\n\n"
        "He holds a doctorate in political science and was previously a researcher at a "
        "French defence research institute.",
    },
    {
        "slug": "lena-hoffmann",
        "name": "Lena Hoffmann",
        "sort_name": "Hoffmann, Lena",
        "title": "Head, Cyber and Technology Program",
        "centers": ["center-security-studies", "cyber-technology-program"],
        "website": "https://lenahoffmann.example/",
        "bio": "Lena Hoffmann heads the Cyber and Technology Program. She works on cyber "
        "security policy, the regulation of artificial intelligence and technological "
        "competition between the United States, China and Europe.\n\n"
        "Before joining the institute she worked for a German federal agency responsible for "
        "information security.",
    },
    {
        "slug": "min-jun-park",
        "name": "Min-jun Park",
        "sort_name": "Park, Min-jun",
        "title": "Research Fellow, Center for Asian Studies",
        "centers": ["center-asian-studies"],
        "bio": "Min-jun Park is a research fellow at the Center for Asian Studies, where he "
        "works on the Korean peninsula, North Korea's weapons programmes and South Korea's "
        "economic security policy.\n\n"
        "He previously worked for a Seoul research institute and holds degrees from Yonsei "
        "University and Sciences Po.",
    },
    {
        "slug": "li-wen",
        "name": "Li Wen",
        "sort_name": "Li, Wen",
        "title": "Senior Fellow, Center for Asian Studies",
        "centers": ["center-asian-studies"],
        "orcid": orcid("000000025560921"),
        "bio": "Li Wen is a senior fellow at the Center for Asian Studies. She works on China's "
        "economy, its industrial policy and its economic relations with Europe.\n\n"
        "She was an economist at an international financial institution before joining the "
        "institute.",
    },
    {
        "slug": "amina-el-sayed",
        "name": "Amina El-Sayed",
        "sort_name": "El-Sayed, Amina",
        "title": "Research Fellow, Middle East and North Africa",
        "centers": ["center-security-studies"],
        "bio": "Amina El-Sayed is a research fellow specialising in Egypt, the Red Sea and the "
        "Eastern Mediterranean. Her work covers the political economy of the region and its "
        "security.\n\n"
        "She has taught at universities in Cairo and Beirut.",
    },
    {
        "slug": "deniz-aydin",
        "name": "Deniz Aydın",
        "sort_name": "Aydın, Deniz",
        "title": "Associate Fellow, Center for European Affairs",
        "centers": ["center-european-affairs"],
        "bio": "Deniz Aydın is an associate fellow of the Center for European Affairs. He works "
        "on Turkey's foreign policy and on relations between Turkey and the European Union.\n\n"
        "He is based in Istanbul.",
    },
    {
        "slug": "isabel-moreira",
        "name": "Isabel Moreira",
        "sort_name": "Moreira, Isabel",
        "title": "Director, Center for Energy and Climate",
        "centers": ["center-energy-climate"],
        "orcid": orcid("000000018830246"),
        "bio": "Isabel Moreira directs the Center for Energy and Climate. She works on energy "
        "security, climate diplomacy and the geopolitics of critical minerals, with a focus on "
        "Latin America.\n\n"
        "She worked for the International Energy Agency and for the Brazilian energy ministry "
        "before joining the institute.",
    },
    {
        "slug": "jonathan-reyes",
        "name": "Jonathan Reyes",
        "sort_name": "Reyes, Jonathan",
        "title": "Senior Fellow, Trade and Economic Security",
        "centers": ["center-energy-climate"],
        "bio": "Jonathan Reyes is a senior fellow working on trade policy, export controls and "
        "economic security, with a focus on the United States.\n\n"
        "He previously worked as a trade negotiator and as counsel in a Washington law firm.",
    },
    {
        "slug": "claire-dubois",
        "name": "Claire Dubois",
        "sort_name": "Dubois, Claire",
        "title": "Head, Migration and Mobility Program",
        "centers": ["center-european-affairs", "migration-mobility-program"],
        "email": "claire.dubois@meridian-institute.example",
        "email_public": True,
        "bio": "Claire Dubois heads the Migration and Mobility Program. Her research compares "
        "the asylum and labour migration policies of European states and their partnerships "
        "with North African countries.\n\n"
        "She has worked for the UN refugee agency in Tunis and Niamey. Journalists may contact "
        "her directly by e-mail.",
    },
    {
        "slug": "robert-ashcombe",
        "name": "Robert Ashcombe",
        "sort_name": "Ashcombe, Robert",
        "title": "Former Senior Adviser",
        "centers": ["center-security-studies"],
        "email": "r.ashcombe@meridian-institute.example",
        "active": False,
        "bio": "Robert Ashcombe was senior adviser to the institute's president from 2012 to "
        "2022, after a career in the British diplomatic service that took him to Ankara, "
        "Cairo and Washington.\n\n"
        "He wrote on arms control and on the Middle East.",
    },
]

SERIES = [
    {
        "slug": "meridian-papers",
        "name": "Meridian Papers",
        "issn": issn("2780114"),
        "description": "In-depth research reports on questions that matter to European "
        "decision-makers, peer-reviewed before publication.",
    },
    {
        "slug": "asia-focus",
        "name": "Asia Focus",
        "issn": issn("2826307"),
        "description": "Short analyses of political, economic and security developments in Asia.",
    },
    {
        "slug": "security-briefs",
        "name": "Security Briefs",
        "issn": issn("2958641"),
        "description": "Concise briefings on defence and security for practitioners.",
    },
    {
        "slug": "energy-notes",
        "name": "Energy and Climate Notes",
        "issn": issn("2491775"),
        "description": "Analyses of energy markets, climate policy and the geopolitics of the "
        "transition.",
    },
]
