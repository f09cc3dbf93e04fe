"""French versions of the demo institute's regions, themes, centers, programs and series.

Keyed by slug (slugs are the same in both languages). `\\u202f` is the narrow non-breaking space
and `\\u00a0` the non-breaking space that French typography puts before : ; ? ! and inside
« guillemets ».
"""

# slug: (name, description)
REGIONS_FR = {
    "asia": (
        "Asie",
        "De la péninsule coréenne à l’océan Indien\u00a0: le continent où se trouvent désormais "
        "l’essentiel de la croissance mondiale et plusieurs de ses rivalités les plus dangereuses.",
    ),
    "east-asia": (
        "Asie de l’Est",
        "La Chine, le Japon et les deux Corées\u00a0: un cœur de l’économie mondiale sur lequel "
        "pèsent des différends territoriaux et historiques non résolus.",
    ),
    "japan": (
        "Japon",
        "Les réformes de défense du Japon, sa politique économique extérieure et son alliance "
        "avec les États-Unis.",
    ),
    "korea": (
        "Corée",
        "La péninsule coréenne\u00a0: les programmes d’armement de la Corée du Nord, la "
        "stratégie industrielle de la Corée du Sud et les perspectives de dialogue.",
    ),
    "china": (
        "Chine",
        "L’économie intérieure de la Chine, sa politique étrangère et les conséquences de ses "
        "ambitions technologiques pour le reste du monde.",
    ),
    "south-asia": (
        "Asie du Sud",
        "L’Inde et ses voisins, entre croissance rapide, exposition au changement climatique et "
        "environnement de sécurité encombré.",
    ),
    "india": (
        "Inde",
        "L’essor de l’Inde comme puissance économique et diplomatique, son multialignement et "
        "sa transition énergétique.",
    ),
    "europe": (
        "Europe",
        "L’Union européenne, ses voisins et l’ordre de sécurité du continent après le retour de "
        "la guerre en Europe.",
    ),
    "western-europe": (
        "Europe de l’Ouest",
        "La France, l’Allemagne et leurs partenaires\u00a0: les moteurs de l’intégration "
        "européenne et de ses désaccords.",
    ),
    "france": (
        "France",
        "La politique étrangère, de défense et économique de la France et son rôle dans l’Union "
        "européenne.",
    ),
    "germany": (
        "Allemagne",
        "La «\u00a0Zeitenwende\u00a0» allemande\u00a0: dépenses de défense, sécurité énergétique "
        "et un modèle exportateur sous tension.",
    ),
    "central-eastern-europe": (
        "Europe centrale et orientale",
        "Les membres orientaux de l’UE et les pays candidats, en première ligne face à la "
        "guerre de la Russie.",
    ),
    "poland": (
        "Pologne",
        "La montée en puissance militaire de la Pologne, son économie et son poids croissant "
        "dans les décisions européennes.",
    ),
    "ukraine": (
        "Ukraine",
        "La défense de l’Ukraine, sa reconstruction et son chemin vers l’adhésion à l’Union "
        "européenne.",
    ),
    "mena": (
        "Moyen-Orient et Afrique du Nord",
        "Une région de producteurs d’énergie, d’États fragiles et de puissances moyennes dont "
        "les choix façonnent le voisinage méridional de l’Europe.",
    ),
    "turkey": (
        "Turquie",
        "La politique étrangère de la Turquie entre l’OTAN, la Russie et le Golfe, et son "
        "économie après des années de politique monétaire peu orthodoxe.",
    ),
    "egypt": (
        "Égypte",
        "La dette de l’Égypte, sa sécurité alimentaire et hydrique et son rôle dans la "
        "diplomatie de la Méditerranée orientale et de la mer Rouge.",
    ),
    "africa": (
        "Afrique",
        "Un continent de sociétés jeunes et de villes en pleine croissance, courtisé par des "
        "puissances rivales pour ses minerais, ses marchés et ses voix.",
    ),
    "sahel": (
        "Sahel",
        "Le Mali, le Burkina Faso, le Niger et leurs voisins\u00a0: régimes militaires, "
        "insurrections djihadistes et recul de l’influence européenne.",
    ),
    "americas": (
        "Amériques",
        "Les États-Unis et l’Amérique latine, entre politique polarisée, nouvelles politiques "
        "industrielles et compétition pour les minerais critiques.",
    ),
    "united-states": (
        "États-Unis",
        "La politique étrangère, commerciale et de défense américaine et ce qu’elle signifie "
        "pour les alliés en Europe et en Asie.",
    ),
    "brazil": (
        "Brésil",
        "La diplomatie du Brésil, sa puissance agricole et énergétique et sa responsabilité "
        "envers l’Amazonie.",
    ),
}

THEMES_FR = {
    "security-defence": (
        "Sécurité et défense",
        "Forces armées, alliances, dissuasion et transformation de la guerre.",
    ),
    "nuclear": (
        "Nucléaire",
        "Dissuasion nucléaire, maîtrise des armements et non-prolifération dans un âge "
        "nucléaire multipolaire.",
    ),
    "cyber": (
        "Cyber",
        "Opérations cyber, résilience des infrastructures critiques et normes de comportement "
        "des États en ligne.",
    ),
    "energy-climate": (
        "Énergie et climat",
        "Sécurité énergétique, transition bas carbone et géopolitique du changement climatique.",
    ),
    "economy-trade": (
        "Économie et commerce",
        "Géoéconomie\u00a0: sanctions, politique industrielle, chaînes d’approvisionnement et "
        "institutions de l’économie mondiale.",
    ),
    "trade-policy": (
        "Politique commerciale",
        "Accords commerciaux, droits de douane, contrôles des exportations et avenir de "
        "l’Organisation mondiale du commerce.",
    ),
    "governance": (
        "Gouvernance",
        "Institutions, État de droit, élections et résilience des démocraties et des "
        "organisations multilatérales.",
    ),
    "migration": (
        "Migrations",
        "Politiques migratoires et d’asile, mobilité de la main-d’œuvre et politique des "
        "frontières.",
    ),
    "technology": (
        "Technologies",
        "Intelligence artificielle, semi-conducteurs, espace et règles qui encadrent les "
        "technologies émergentes.",
    ),
}

# slug: (name, summary, description)
CENTERS_FR = {
    "center-asian-studies": (
        "Centre Asie",
        "Une recherche indépendante sur la politique, les économies et la sécurité de l’Asie, "
        "avec une équipe à Paris, Tokyo et New Delhi.",
        "Le Centre Asie analyse la politique intérieure, la politique étrangère et les "
        "stratégies économiques des grandes puissances asiatiques, et ce qu’elles signifient "
        "pour l’Europe. Ses chercheurs allient le terrain dans la région et le dialogue avec "
        "les décideurs des capitales européennes.\n\n"
        "Ses travaux portent sur la compétition stratégique entre la Chine et les États-Unis, "
        "les réformes de défense du Japon et de la Corée du Sud, l’essor de l’Inde et "
        "l’intégration économique de la région, des chaînes d’approvisionnement aux accords "
        "commerciaux.",
    ),
    "center-european-affairs": (
        "Centre des affaires européennes",
        "Les institutions de l’Union européenne, ses États membres et son voisinage, de "
        "l’élargissement à la sécurité économique.",
        "Le Centre des affaires européennes suit les politiques de l’Union européenne et les "
        "débats de ses États membres, avec une attention particulière à la relation "
        "franco-allemande et au flanc oriental de l’UE.\n\n"
        "Ses chercheurs publient des analyses pour les décideurs, organisent des dialogues à "
        "huis clos entre responsables des États membres et sont régulièrement auditionnés par "
        "les parlements nationaux et le Parlement européen.",
    ),
    "center-security-studies": (
        "Centre des études de sécurité",
        "Politique de défense, stratégie militaire, dissuasion et sécurité de l’Europe et de "
        "son voisinage méridional.",
        "Le Centre des études de sécurité étudie les forces armées, les opérations militaires "
        "et les industries de défense, ainsi que les choix stratégiques auxquels les États "
        "européens font face avec le retour de la guerre sur le continent.\n\n"
        "Il travaille sur la dissuasion et la maîtrise des armements, sur les crises au Sahel "
        "et au Moyen-Orient, et sur les nouveaux champs de conflictualité\u00a0: cyberespace, "
        "espace extra-atmosphérique et environnement informationnel.",
    ),
    "center-energy-climate": (
        "Centre Énergie et climat",
        "La géopolitique de la transition énergétique\u00a0: sécurité d’approvisionnement, "
        "minerais critiques, diplomatie climatique et politique industrielle.",
        "Le Centre Énergie et climat analyse comment la sortie des énergies fossiles redistribue "
        "la puissance entre les États, des marchés du gaz aux chaînes d’approvisionnement des "
        "batteries et des panneaux solaires.\n\n"
        "Ses chercheurs suivent les négociations climatiques internationales, la politique "
        "énergétique européenne et les stratégies des pays producteurs, et évaluent les "
        "arbitrages entre décarbonation, compétitivité et sécurité.",
    ),
    "indo-pacific-program": (
        "Programme Indo-Pacifique",
        "L’Inde, l’Asie maritime et les stratégies des puissances moyennes dans l’Indo-Pacifique.",
        "Le programme Indo-Pacifique étudie la sécurité maritime des océans Indien et "
        "Pacifique, la politique étrangère de l’Inde et les groupements minilatéraux, comme le "
        "Quad, qui se sont multipliés dans la région.\n\n"
        "Il s’intéresse particulièrement à ce que l’Europe, et la France en tant que puissance "
        "riveraine de l’océan Indien, peuvent apporter à la sécurité de la région.",
    ),
    "eastern-europe-program": (
        "Programme Europe orientale",
        "L’Ukraine, la Pologne et le voisinage oriental de l’UE en temps de guerre.",
        "Le programme Europe orientale analyse la guerre contre l’Ukraine et ses conséquences "
        "pour la sécurité et la vie politique de l’Europe centrale et orientale.\n\n"
        "Il suit la reconstruction de l’Ukraine et son adhésion à l’Union européenne, ainsi que "
        "le rôle croissant de la Pologne et des États baltes dans les décisions européennes.",
    ),
    "migration-mobility-program": (
        "Programme Migrations et mobilités",
        "Asile, migrations de travail et politiques des frontières, en Europe et au-delà.",
        "Le programme Migrations et mobilités étudie les politiques qui encadrent les "
        "déplacements de personnes vers l’Europe et en son sein, et les partenariats que l’UE "
        "noue avec les pays d’origine et de transit.\n\n"
        "Ses recherches s’appuient sur des données comparées et sur le terrain, en Afrique du "
        "Nord et au Sahel.",
    ),
    "nuclear-deterrence-program": (
        "Programme Dissuasion nucléaire",
        "Dissuasion, maîtrise des armements et non-prolifération dans un âge nucléaire "
        "multipolaire.",
        "Le programme Dissuasion nucléaire étudie les doctrines et les arsenaux des puissances "
        "nucléaires, l’érosion de la maîtrise des armements et les risques de prolifération.\n\n"
        "Il contribue au débat européen sur le rôle des dissuasions française et britannique et "
        "forme une nouvelle génération d’experts des questions nucléaires.",
    ),
    "cyber-technology-program": (
        "Programme Cyber et technologies",
        "Cybersécurité, intelligence artificielle et géopolitique des technologies.",
        "Le programme Cyber et technologies analyse comment les technologies numériques "
        "transforment les conflits et la compétition entre États, des rançongiciels à la course "
        "aux semi-conducteurs et à l’intelligence artificielle.\n\n"
        "Il conseille les acteurs publics et privés sur la résilience des infrastructures "
        "critiques et sur les normes internationales de comportement responsable des États "
        "dans le cyberespace.",
    ),
}

SERIES_FR = {
    "meridian-papers": (
        "Cahiers Meridian",
        "Des rapports de recherche approfondis sur les questions qui comptent pour les décideurs "
        "européens, évalués par des pairs avant publication.",
    ),
    "asia-focus": (
        "Regards sur l’Asie",
        "De courtes analyses de l’actualité politique, économique et de sécurité en Asie.",
    ),
    "security-briefs": (
        "Notes de sécurité",
        "Des notes concises sur la défense et la sécurité, à l’usage des praticiens.",
    ),
    "energy-notes": (
        "Notes Énergie et climat",
        "Des analyses des marchés de l’énergie, de la politique climatique et de la géopolitique "
        "de la transition.",
    ),
}
