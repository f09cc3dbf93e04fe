# ruff: noqa: E501 - hand-written prose, wrapped by hand
"""French building blocks of the demo's texts: the French versions' metadata (`FRENCH_WORKS`,
copied over the English original's record by make_texts.py), their briefs and the French
sentence pools (the same roles as `EN` in make_texts.py)."""

FRENCH_WORKS = [
    {
        "slug": "elargissement-sans-illusions",
        "translation_of": "eu-enlargement-ukraine-moldova",
        "language": "fr",
        "title": "L'élargissement sans illusions",
        "subtitle": "Préparer l'Union et ses candidats à une Europe à trente-cinq",
        "summary": "L'ouverture des négociations d'adhésion avec l'Ukraine et la Moldavie a fait "
        "de l'élargissement la principale politique de sécurité de l'Union à l'est. Elle "
        "oblige aussi l'Union à se réformer.\n\nCe rapport évalue le coût budgétaire d'une "
        "Union à trente-cinq, les réformes de gouvernance nécessaires et les étapes d'une "
        "adhésion progressive, qui donnerait accès aux politiques européennes au rythme des "
        "réformes accomplies.",
        "published_on": "2025-10-21",
        "pdf": None,
        "cover": None,
        "pages": None,
        "isbn": "",
        "doi": "",
    },
    {
        "slug": "sahel-apres-les-coups-d-etat",
        "translation_of": "sahel-after-the-juntas",
        "language": "fr",
        "title": "Le Sahel après les coups d'État",
        "subtitle": "Sécurité, souveraineté et le pari russe",
        "summary": "En trois ans, le Mali, le Burkina Faso et le Niger ont rompu avec la France, "
        "quitté la CEDEAO et fait appel à la Russie. La violence djihadiste, elle, n'a pas "
        "reculé.\n\nCe rapport analyse les calculs des juntes, les limites du partenariat "
        "russe et les options qui restent aux Européens pour protéger les populations et "
        "éviter la contagion aux États côtiers.",
        "published_on": "2024-10-15",
        "pdf": None,
        "cover": None,
        "pages": None,
        "isbn": "",
        "doi": "",
    },
    {
        "slug": "gaz-europeen-apres-la-russie",
        "translation_of": "european-gas-after-russia",
        "language": "fr",
        "title": "Le marché européen du gaz après la Russie",
        "subtitle": "",
        "summary": "En deux ans, l'Union européenne a remplacé l'essentiel du gaz russe par du "
        "gaz naturel liquéfié et des économies d'énergie. Le choc a été absorbé, mais à un "
        "prix élevé pour l'industrie.\n\nCette analyse examine la nouvelle carte des "
        "approvisionnements, les risques qui demeurent et les outils qui permettraient de "
        "rendre le marché plus robuste.",
        "published_on": "2024-02-13",
        "pdf": None,
        "cover": None,
        "pages": None,
        "isbn": "",
        "doi": "",
    },
]

FRENCH_BRIEFS = {
    "dissuasion-francaise-dimension-europeenne": {
        "topic": "la dimension européenne de la dissuasion française",
        "actors": ["Paris", "Berlin", "Varsovie", "Londres"],
        "facts": [
            "Depuis 1995, chaque président français a rappelé que les intérêts vitaux de la France "
            "comportent une dimension européenne, sans jamais en fixer les contours.",
            "L'arsenal français compte moins de 300 têtes, réparties entre une composante "
            "océanique et une composante aéroportée.",
            "Les Forces aériennes stratégiques ont conduit en 2025 un exercice auquel des "
            "partenaires européens ont été invités comme observateurs.",
        ],
        "options": [
            "associer des partenaires volontaires aux exercices de la composante aéroportée",
            "ouvrir un dialogue stratégique régulier sur la doctrine avec les capitales intéressées",
            "coordonner étroitement leur politique avec le Royaume-Uni, l'autre puissance "
            "nucléaire européenne",
        ],
        "risks": ["une ambiguïté mal comprise", "un affaiblissement de la solidarité atlantique"],
        "stake": "Une dimension européenne plus lisible renforcerait la dissuasion de l'Alliance "
        "sans changer qui décide.",
    },
    "elargissement-sans-illusions": {
        "topic": "l'élargissement de l'Union à l'Ukraine et à la Moldavie",
        "actors": ["Kyiv", "Chișinău", "Bruxelles", "les États membres sceptiques"],
        "facts": [
            "Les négociations d'adhésion avec l'Ukraine et la Moldavie se sont ouvertes en juin "
            "2024, dix-huit mois après l'octroi du statut de candidat.",
            "À règles constantes, l'Ukraine deviendrait le premier bénéficiaire net des fonds "
            "agricoles et de cohésion, pour environ 130 milliards d'euros sur sept ans selon "
            "certaines estimations.",
            "Une Union à trente-cinq devrait prendre la plupart de ses décisions à la majorité "
            "qualifiée, faute de quoi elle risquerait la paralysie.",
        ],
        "options": [
            "proposer une adhésion par étapes, avec un accès aux programmes au fil des réformes",
            "réformer les règles de vote et le budget en même temps que les négociations",
            "maintenir une approche fondée sur le mérite, pour que chaque progrès soit visible",
        ],
        "risks": [
            "une lassitude de l'élargissement chez les membres fondateurs",
            "une fronde des agriculteurs",
        ],
        "stake": "L'élargissement est désormais la principale politique de sécurité de l'Union "
        "envers son voisinage oriental.",
    },
    "sahel-apres-les-coups-d-etat": {
        "topic": "l'avenir du Sahel après les coups d'État",
        "actors": ["Bamako", "Ouagadougou", "Niamey", "Moscou"],
        "facts": [
            "Le Mali, le Burkina Faso et le Niger ont quitté la CEDEAO en 2024 et formé l'Alliance "
            "des États du Sahel.",
            "Les forces françaises ont quitté le Mali en 2022 et le Niger en 2023, après près de "
            "dix ans d'opérations dans la région.",
            "Le nombre de victimes de la violence djihadiste au Sahel central a augmenté après "
            "les coups d'État, selon les données d'ACLED.",
        ],
        "options": [
            "maintenir l'aide humanitaire et l'aide au développement au plus près des populations",
            "soutenir les États côtiers pour prévenir la contagion",
            "parler aux juntes sans leur conférer de légitimité",
        ],
        "risks": ["l'extension djihadiste vers les États côtiers", "une crise humanitaire majeure"],
        "stake": "L'instabilité du Sahel touche l'Europe par les migrations, le terrorisme et la "
        "concurrence d'influence.",
    },
    "gaz-europeen-apres-la-russie": {
        "topic": "le marché européen du gaz après la Russie",
        "actors": ["Berlin", "la Commission", "les exportateurs de GNL", "Kyiv"],
        "facts": [
            "La part de la Russie dans les importations de gaz de l'Union est passée d'environ 40 "
            "% en 2021 à quelque 15 % en 2023, surtout du GNL et des flux transitant par la "
            "Turquie.",
            "Les capacités d'importation de GNL de l'Europe ont augmenté de plus de 50 milliards "
            "de mètres cubes depuis 2022, dont des terminaux flottants en Allemagne.",
            "La consommation de gaz de l'Union en 2023 était inférieure d'environ 18 % à sa "
            "moyenne des cinq années précédentes.",
        ],
        "options": [
            "faire de la réduction de la demande un outil permanent et non une mesure d'urgence",
            "utiliser les achats groupés pour peser face aux fournisseurs de GNL",
            "programmer la fin des importations de GNL russe selon un calendrier clair",
        ],
        "risks": [
            "un hiver froid avec des stocks bas",
            "la dépendance envers un petit nombre de fournisseurs",
        ],
        "stake": "Le prix du gaz décidera du sort des industries chimiques et sidérurgiques "
        "européennes.",
    },
}

FR = {
    "open": [
        "Peu de sujets ont évolué aussi vite, dans l'agenda des gouvernements européens, que "
        "{topic}.",
        "Longtemps réservée aux spécialistes, la question de {topic} est aujourd'hui abordée "
        "par les chefs d'État eux-mêmes.",
        "Toute réflexion sur {topic} doit partir de l'ampleur des changements survenus depuis "
        "{prev}.",
        "Il est tentant de raconter {topic} comme une crise, mais le bilan depuis {prev} est "
        "plus nuancé que ne le suggèrent les gros titres.",
        "Les débats sur {topic} restent souvent généraux ; cette étude tente de les ramener "
        "aux chiffres, aux institutions et aux choix.",
    ],
    "thesis": [
        "Nous soutenons que la principale contrainte n'est pas le manque d'instruments, mais "
        "l'absence d'accord sur leur finalité.",
        "Les choix décisifs seront faits dans les deux ou trois prochaines années, et "
        "l'attente a elle aussi un coût.",
        "La situation est sérieuse sans être désespérée, à condition que les gouvernements "
        "agissent sur ce qu'ils savent déjà.",
        "L'analyse qui suit présente les faits, examine les calculs des principaux acteurs et "
        "se conclut par des recommandations.",
        "La question utile n'est pas de savoir qui l'emporte, mais quelles issues restent "
        "possibles et à quel prix.",
    ],
    "context": [
        "Derrière ce chiffre se dessine une tendance plus ancienne que les événements de {year}.",
        "Les statistiques officielles ne racontent qu'une partie de l'histoire ; la part "
        "informelle est plus difficile à mesurer.",
        "Ces chiffres sont des estimations, et les auteurs ont préféré des fourchettes lorsque "
        "les sources divergent.",
        "Le changement a d'abord été graduel, puis brutal, comme souvent lorsque plusieurs "
        "pressions se renforcent.",
        "Ce qui semblait une perturbation passagère s'est révélé durable.",
        "Les institutions concernées ont été conçues pour une époque plus calme et ne se sont "
        "adaptées qu'en partie.",
        "Les observateurs de la région y voient le résultat de choix délibérés plutôt que "
        "d'accidents.",
        "Des épisodes comparables ailleurs montrent que de tels basculements s'inversent "
        "rarement d'eux-mêmes.",
        "Une partie de l'explication tient à la politique intérieure, qui a réduit les marges "
        "de compromis de tous côtés.",
        "Les marchés ont réagi plus vite que les gouvernements, et leur réaction a borné ce que "
        "ces derniers peuvent faire.",
        "Les entretiens menés pour cette étude montrent que les responsables ont conscience de "
        "la tendance, mais divergent sur ses causes.",
        "Le chiffre est souvent cité hors de son contexte, ce qui le rend plus spectaculaire, "
        "ou moins, qu'il ne l'est.",
    ],
    "actor": [
        "Pour {a}, la priorité est de garder ses options ouvertes tout en évitant une défaite "
        "visible.",
        "La position de {a} est plus souple en privé que ne le laissent penser ses "
        "déclarations publiques, selon plusieurs responsables interrogés.",
        "{A} a les moyens de changer le cours des événements, mais hésite à en payer le prix "
        "politique.",
        "À {a}, le calcul est façonné par un calendrier électoral court et une longue mémoire "
        "des déceptions passées.",
        "{A} voit la question moins comme un problème à résoudre que comme un levier dans "
        "d'autres négociations.",
        "{A} a été constant dans ses objectifs, mais opportuniste dans ses méthodes.",
        "Ce que {a} redoute le plus, ce n'est pas le statu quo, mais d'être exclu de ce qui le "
        "remplacera.",
        "{A} est divisé, et sa politique reflète un équilibre entre ministères plutôt qu'une "
        "stratégie unique.",
    ],
    "actor_topic": [
        "Sur {topic}, {a} a affiché ses objectifs, mais ses lignes rouges restent volontairement "
        "floues.",
        "{A} ne traite pas {topic} comme un dossier à part et le lie à ses relations avec les "
        "autres acteurs.",
        "À {a}, on reconnaît en privé que l'approche suivie sur {topic} a donné moins de "
        "résultats qu'espéré.",
        "Pour {a}, {topic} est autant une question intérieure qu'une question extérieure.",
        "{A} accepterait un compromis sur {topic} s'il pouvait le présenter chez lui comme un "
        "gain.",
    ],
    "actor_more": [
        "Cette lecture est contestée, mais elle explique pourquoi des offres généreuses vues "
        "d'ailleurs y sont reçues avec méfiance.",
        "Cette position pourrait évoluer après les prochaines élections, mais sans doute moins "
        "que ne le pensent les observateurs.",
        "Ce serait une erreur d'y voir un bluff.",
        "Sa marge de manœuvre est plus étroite que ne le suggère sa rhétorique.",
        "Toute proposition qui ignore cette préoccupation a peu de chances d'aboutir.",
        "Cela ouvre des possibilités pour des partenaires prêts à travailler sur des sujets "
        "concrets.",
        "Le résultat est une politique prévisible dans sa direction et imprévisible dans son "
        "calendrier.",
    ],
    "risk": [
        "Le danger le plus sérieux est {risk}, qui pourrait survenir sans que personne ne l'ait "
        "décidé.",
        "Un second risque, moins discuté, est {risk}.",
        "Aucun acteur ne souhaite {risk}, mais plusieurs de leurs choix le rendent plus probable.",
        "La probabilité de {risk} est faible chaque année, mais ses conséquences justifient de "
        "s'y préparer dès maintenant.",
    ],
    "risk_more": [
        "Une alerte précoce aiderait, à condition d'être reliée à des décisions rapides.",
        "L'histoire offre des exemples de tels risques contenus, le plus souvent par une "
        "diplomatie discrète plutôt que par des ultimatums.",
        "Les coûts ne s'arrêteraient pas aux frontières de la région.",
        "Se prémunir contre ce risque coûte moins cher avant qu'après.",
        "Un tel scénario mettrait aussi à l'épreuve la cohésion de l'Union européenne.",
        "Il frapperait d'abord les plus vulnérables : petites entreprises, régions pauvres et "
        "ceux qui ne peuvent pas partir.",
    ],
    "scenario": [
        "Dans un premier scénario, celui de l'enlisement, les tendances actuelles se "
        "poursuivent et aucun acteur ne force la décision ; les coûts s'accumulent lentement.",
        "Un deuxième scénario voit une dégradation brutale, déclenchée par un incident que "
        "personne n'avait prévu mais que chacun lit comme la confirmation de ses craintes.",
        "Dans un troisième scénario, celui de l'ajustement maîtrisé, les principaux acteurs "
        "acceptent un règlement moins ambitieux qui stabilise la situation sans la résoudre.",
        "Un quatrième scénario, moins probable mais non négligeable, verrait une percée rendue "
        "possible par un changement de dirigeants dans l'une des capitales concernées.",
    ],
    "scenario_more": [
        "Sa probabilité est, selon les auteurs, la plus élevée des quatre à trois ans.",
        "Les signaux à surveiller sont les changements de ton, les mouvements inhabituels de "
        "forces ou de capitaux et l'annulation de réunions de routine.",
        "Pour l'Europe, ce serait l'issue la plus coûteuse, et celle à laquelle elle est le "
        "moins préparée.",
        "C'est l'issue que la plupart des gouvernements espèrent en privé, sans faire grand-"
        "chose pour y parvenir.",
        "Elle supposerait un degré de confiance qui n'existe pas aujourd'hui.",
        "Elle laisserait les problèmes de fond en place pour la prochaine crise.",
    ],
    "scenario_risk": [
        "resterait le risque de fond tout au long de la période.",
        "deviendrait alors la préoccupation centrale de toutes les capitales.",
        "serait réduit sans être écarté.",
        "s'éloignerait, au moins pour un temps.",
    ],
    "europe": [
        "L'Union européenne dispose de plus de leviers qu'elle n'en utilise : son marché, son "
        "budget et ses normes.",
        "Les États membres ne sont pas toujours d'accord, et la réponse de l'Union a souvent "
        "été la somme des positions nationales.",
        "L'intérêt de l'Europe n'est pas de choisir un camp dans chaque différend, mais de "
        "défendre les règles dont elle dépend.",
        "Les Européens ont souvent réagi aux événements plutôt que de les façonner ; la "
        "question est de savoir s'ils sauront anticiper cette fois.",
        "La coordination entre Bruxelles et les capitales est la condition de toute politique "
        "efficace.",
    ],
    "europe_topic": [
        "Sur {topic}, les instruments de l'Union existent ; ce qui manque, c'est une lecture "
        "commune des enjeux.",
        "Une ligne européenne commune sur {topic} pèserait davantage que la somme des positions "
        "nationales.",
        "Vu de Bruxelles, {topic} touche à la fois au commerce, à la sécurité et à la "
        "crédibilité de l'Union.",
    ],
    "rec": [
        "Premièrement, les gouvernements européens devraient {opt}.",
        "Deuxièmement, ils devraient {opt}.",
        "Troisièmement, ils devraient {opt}.",
    ],
    "rec_one": [
        "Trois mesures aideraient. Les gouvernements européens devraient {0} ; ils devraient "
        "{1} ; et ils devraient {2}."
    ],
    "rec_more": [
        "Cela coûterait peu et pourrait être fait en un an.",
        "Aucune nouvelle institution n'est nécessaire, seulement la volonté d'utiliser celles "
        "qui existent.",
        "Un tel pas rassurerait aussi les partenaires qui doutent de la constance européenne.",
        "Le principal obstacle est bureaucratique, non politique.",
        "Certains États membres s'y opposeront ; il faut leur offrir un rôle plutôt qu'un veto.",
        "Les résultats devraient être évalués après deux ans et l'approche ajustée.",
        "Les parlements devraient être associés tôt pour que les engagements survivent aux "
        "alternances.",
    ],
    "close": [
        "Rien de tout cela ne sera simple, mais le coût de l'inaction augmente.",
        "Les prochains mois diront si les leçons des dernières années ont été retenues.",
        "L'enjeu n'est pas une politique parmi d'autres, mais la capacité de l'Europe à agir "
        "dans un monde plus dur.",
        "Les choix sont politiques ; l'analyse ne peut que les éclairer.",
    ],
    "close_topic": ["L'Europe ne peut pas régler seule {topic}, mais elle peut peser sur l'issue."],
}
