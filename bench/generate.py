#!/usr/bin/env python3
"""Write a deterministic benchmark catalogue in the contract's import format.

    python bench/generate.py [--publications 100000] [--experts 3000] [--out FILE.json]

Same arguments, same file (a fixed random seed; no clock, no network). The text is drawn from a
vocabulary with a Zipf-like distribution, so some words are common ("security" appears in a
large share of the catalogue) and some rare; bodies average about 1,500 words, summaries about
90, titles about 9. One publication in five is in French (accented vocabulary); about 4% are
drafts, in review or archived, and 1% are scheduled in the future, so the public filters matter.
"""

import argparse
import datetime
import json
import random
from pathlib import Path

SEED = 20240601

CONTINENTS = {
    "africa": """
        nigeria kenya ethiopia egypt south-africa senegal mali ghana morocco algeria tunisia
        sudan congo angola
    """.split(),
    "asia": """
        japan china korea india indonesia vietnam thailand pakistan philippines malaysia myanmar
        taiwan bangladesh mongolia
    """.split(),
    "europe": """
        france germany italy spain poland united-kingdom sweden netherlands belgium greece
        romania hungary austria portugal
    """.split(),
    "americas": """
        united-states canada mexico brazil argentina chile colombia peru venezuela cuba
    """.split(),
    "middle-east": """
        iran iraq israel saudi-arabia syria turkey lebanon jordan yemen qatar
    """.split(),
    "eurasia": """
        russia ukraine kazakhstan georgia armenia azerbaijan belarus uzbekistan
    """.split(),
}
SUBREGIONS = {"europe": {"eu": ["france", "germany", "italy", "spain", "poland"]}}
THEMES = {
    "security": ["nuclear", "terrorism", "cyber", "defence-industry", "arms-control", "space"],
    "economy": ["trade", "finance", "development", "industry", "sanctions", "currency"],
    "energy": ["oil-gas", "renewables", "electricity", "climate", "critical-minerals"],
    "governance": ["democracy", "elections", "migration", "human-rights", "rule-of-law"],
    "technology": ["ai", "semiconductors", "digital", "biotech"],
    "foreign-policy": ["diplomacy", "alliances", "multilateralism", "european-union"],
    "society": ["health", "demography", "education", "religion"],
}
TYPES = [
    ("analysis", 45),
    ("briefing", 20),
    ("report", 15),
    ("article", 10),
    ("book", 3),
    ("media", 7),
]
STATUSES = [("published", 96), ("draft", 2), ("review", 1), ("archived", 1)]

EN_WORDS = """
    security policy strategy region government power cooperation economic development
    relations international military political crisis energy trade reform conflict alliance
    influence stability growth diplomacy market interests rivalry partnership sanctions
    investment nuclear defence border migration election leadership democracy climate
    transition industry technology innovation agreement negotiation summit sovereignty
    integration competition deterrence resilience infrastructure supply chain population
    governance institutions regional global national public private future
""".split()
FR_WORDS = """
    sécurité politique stratégie région gouvernement puissance coopération économique
    développement relations internationales militaire crise énergie commerce réforme conflit
    alliance influence stabilité croissance diplomatie marché intérêts rivalité partenariat
    sanctions investissement nucléaire défense frontière migration élection démocratie
    climat transition industrie technologie innovation accord négociation sommet
    souveraineté intégration compétition dissuasion résilience société européenne
""".split()
SYLLABLES = """
    ka lo mi ne ra to vu si te ba de fo gu ha ji ko lu ma no pe qui ri so ta ve wa xe yo za
    an el in or us
""".split()
FIRST = """
    Jane John Marie Pierre Anna Paul Sofia Lucas Emma Hugo Chloé Louis Yuki Kenji Amina Omar
    Elena Ivan Léa Mateo Aiko Chen Wei Priya Ravi Fatima Kofi Nadia Olga Tomás
""".split()
LAST = """
    Doe Martin Bernard Dubois Smith Tanaka Suzuki Kim Lee Nguyen Garcia Müller Rossi
    Kowalski Ivanov Haddad Okafor Mensah Silva Costa Dupont Lefèvre Moreau Girard Laurent
    Schmidt Novak Horvat Andersen Yilmaz
""".split()


def build_vocabulary(rng, extra, size):
    words = list(extra)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    # Zipf-like weights: the first words (the real ones) are the most frequent.
    cumulative, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1.0 / rank**1.07
        cumulative.append(total)
    return words, cumulative


def sentence(rng, vocab, n):
    words, cum = vocab
    text = " ".join(rng.choices(words, cum_weights=cum, k=n))
    return text[:1].upper() + text[1:] + "."


def paragraphs(rng, vocab, words_total):
    out = []
    while words_total > 0:
        n = min(words_total, rng.randint(60, 160))
        sentences, left = [], n
        while left > 0:
            k = min(left, rng.randint(8, 24))
            sentences.append(sentence(rng, vocab, k))
            left -= k
        out.append(" ".join(sentences))
        words_total -= n
    return "\n\n".join(out)


def title_case(text):
    return " ".join(w[:1].upper() + w[1:] if len(w) > 3 else w for w in text.rstrip(".").split())


def weighted(rng, pairs):
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def generate(publications, experts, out):
    rng = random.Random(SEED)
    en_vocab = build_vocabulary(rng, EN_WORDS, 6000)
    fr_vocab = build_vocabulary(rng, FR_WORDS, 6000)

    regions = []
    for continent, countries in CONTINENTS.items():
        regions.append(
            {"slug": continent, "name": continent.replace("-", " ").title(), "parent": None}
        )
        for sub in SUBREGIONS.get(continent, {}):
            regions.append({"slug": sub, "name": sub.upper(), "parent": continent})
        for country in countries:
            parent = next(
                (s for s, m in SUBREGIONS.get(continent, {}).items() if country in m), continent
            )
            regions.append(
                {"slug": country, "name": country.replace("-", " ").title(), "parent": parent}
            )
    themes = []
    for theme, subs in THEMES.items():
        themes.append({"slug": theme, "name": theme.replace("-", " ").title(), "parent": None})
        themes += [{"slug": s, "name": s.replace("-", " ").title(), "parent": theme} for s in subs]
    leaf_regions = [r["slug"] for r in regions if r["parent"]]
    leaf_themes = [t["slug"] for t in themes if t["parent"]]
    top_regions = [r["slug"] for r in regions if not r["parent"]]

    series = [
        {
            "slug": f"series-{i}",
            "name": f"Series {title_case(sentence(rng, en_vocab, 2))}",
            "issn": "",
        }
        for i in range(20)
    ]
    centers = []
    for continent in CONTINENTS:
        centers.append(
            {
                "slug": f"{continent}-center",
                "name": f"{continent.title()} Center",
                "kind": "center",
                "parent": None,
                "description": "",
            }
        )
        for j in range(2):
            centers.append(
                {
                    "slug": f"{continent}-program-{j}",
                    "name": f"{continent.title()} Program {j}",
                    "kind": "program",
                    "parent": f"{continent}-center",
                    "description": "",
                }
            )
    center_slugs = [c["slug"] for c in centers]

    authors = []
    for i in range(experts):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        authors.append(
            {
                "slug": f"expert-{i}",
                "name": f"{name} {i}" if i % 7 == 0 else name,
                "title": "Research Fellow",
                "bio": sentence(rng, en_vocab, 40),
                "centers": rng.sample(center_slugs, rng.randint(0, 2)),
                "photo": None,
            }
        )
    author_slugs = [a["slug"] for a in authors]

    out.parent.mkdir(parents=True, exist_ok=True)
    start = datetime.date(2000, 1, 1)
    span = (datetime.date(2025, 12, 31) - start).days
    with out.open("w", encoding="utf-8") as fh:
        head = {
            "regions": regions,
            "themes": themes,
            "series": series,
            "centers": centers,
            "authors": authors,
        }
        fh.write(json.dumps(head, ensure_ascii=False)[:-1])
        fh.write(', "publications": [\n')
        for i in range(publications):
            french = rng.random() < 0.2
            vocab = fr_vocab if french else en_vocab
            kind = weighted(rng, TYPES)
            status = weighted(rng, STATUSES)
            published_on = start + datetime.timedelta(days=rng.randint(0, span))
            publish_at = None
            if rng.random() < 0.01:
                publish_at = "2030-01-01T08:00:00+00:00"
            title = title_case(sentence(rng, vocab, rng.randint(5, 13)))
            series_slug = rng.choice(series)["slug"] if rng.random() < 0.5 else None
            record = {
                "slug": f"pub-{i}",
                "title": title,
                "subtitle": title_case(sentence(rng, vocab, rng.randint(4, 9)))
                if rng.random() < 0.4
                else "",
                "type": kind,
                "series": series_slug,
                "series_number": str(rng.randint(1, 200)) if series_slug else "",
                "summary": paragraphs(rng, vocab, rng.randint(50, 130)),
                "body": paragraphs(rng, vocab, int(rng.triangular(600, 2600, 1400))),
                "language": "fr" if french else "en",
                "translation_of": None,
                "published_on": published_on.isoformat(),
                "status": status,
                "publish_at": publish_at,
                "isbn": "",
                "doi": "",
                "external_url": "https://news.example.org/" + str(i) if kind == "media" else "",
                "source": "The Example Times" if kind == "media" else "",
                "authors": rng.sample(author_slugs, rng.choice([1, 1, 1, 2, 2, 3])),
                "regions": rng.sample(leaf_regions, rng.choice([1, 1, 2, 3]))
                + ([rng.choice(top_regions)] if rng.random() < 0.1 else []),
                "themes": rng.sample(leaf_themes, rng.choice([1, 1, 2])),
                "centers": rng.sample(center_slugs, rng.choice([0, 1, 1, 2])),
                "related": [],
                "pdf": None,
                "cover": None,
                "pages": rng.randint(4, 60),
            }
            fh.write(("," if i else "") + json.dumps(record, ensure_ascii=False) + "\n")
        fh.write("]}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--publications", type=int, default=100_000)
    parser.add_argument("--experts", type=int, default=3_000)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parent / "data" / "catalogue.json"
    )
    args = parser.parse_args()
    generate(args.publications, args.experts, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()
