# ruff: noqa: E501 - the sentence pools are prose, some wider than a code line
"""Write the demo publications' bodies into `catalogue.json` from the briefs in briefs.py.

    .venv/bin/python publications/demo/make_texts.py
    .venv/bin/python publications/demo/make_files.py

Each body is composed from its own brief (facts, actors, options, risks: hand-written, one set
per publication) and from pools of hand-written sentences that take the brief's words; a
generator seeded by the slug picks sentences without putting one twice in a piece, so that the
same document always gives the same bytes and no paragraph is shared between two bodies
(tests/publications/test_demo_texts.py). Lengths follow the type: briefings about 500 words,
articles 700, analyses 1,000–1,400, reports and books 1,500–2,000. The publications listed in
`HTML_BODIES` are written as structured HTML (the contract's `body_format: html`): headings,
a list, a table, a quotation, a figure and numbered notes. French publications get French
pools (`FR`).
"""

import json
import random
import sys
from html import escape as _escape
from pathlib import Path

try:
    from .briefs import BRIEFS
    from .texts_fr import FR, FRENCH_BRIEFS, FRENCH_WORKS
except ImportError:  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from briefs import BRIEFS
    from texts_fr import FR, FRENCH_BRIEFS, FRENCH_WORKS

HERE = Path(__file__).resolve().parent
DOCUMENT = HERE / "catalogue.json"
FIGURE_URL = "/static/img/demo/{name}"  # served by the app (static/img/demo/, from make_files.py)

# Sentence pools, by role. Slots: {topic}, {a} (one actor), {a0}–{a3}, {year}, {risk}, {opt}.
EN = {
    "open": [
        "Three years ago, few would have predicted how central {topic} would become to Europe's foreign policy debates.",
        "Officials who deal with {topic} describe a file that has changed nature: from a technical dossier to a test of strategy.",
        "The public debate on {topic} has been loud; the policy response has been quieter and, in places, more effective than it appears.",
        "Anyone trying to understand {topic} faces an abundance of commentary and a scarcity of reliable data.",
        "Few questions on the agenda of European governments have moved as fast as {topic}.",
        "Until recently, {topic} was a matter for specialists; it has become a question that "
        "heads of government raise in their own statements.",
        "Any discussion of {topic} has to start with how much the ground has shifted since {prev}.",
        "It is tempting to treat {topic} as a story of crisis, but the record since {prev} is "
        "more mixed than the headlines suggest.",
        "Policymakers in Europe tend to look at {topic} through the lens of the last crisis, "
        "which is rarely the best guide to the next one.",
        "The debate on {topic} has often been conducted in generalities; this paper tries to "
        "bring it back to numbers, institutions and choices.",
        "{A0} and {a1} describe {topic} in very different terms, and the gap between their "
        "accounts is itself part of the problem.",
    ],
    "thesis": [
        "We find that the room for manoeuvre is narrower than optimists hope and wider than pessimists fear.",
        "Our reading rests on official data, on the work of other research institutes and on some thirty interviews conducted over the past year.",
        "The recommendations are deliberately modest: they are meant to be adopted, not admired.",
        "This paper argues that the main constraint is not a lack of instruments but a lack of "
        "agreement on what they are for.",
        "The argument developed here is that the decisive choices will be made in the next two "
        "or three years, and that waiting carries costs of its own.",
        "Our conclusion is that the situation is serious but not hopeless, provided that "
        "governments act on what they already know.",
        "The analysis that follows sets out the facts, weighs the calculations of the main "
        "actors and closes with recommendations.",
        "We suggest that the most useful question is not who is winning but which outcomes "
        "remain possible and at what price.",
        "The paper proceeds in three steps: how we got here, what the actors want, and what "
        "Europe can do about it.",
    ],
    "context": [
        "Budgets followed announcements only with a delay, and often not in full.",
        "Much of the adjustment happened out of public view, in regulatory decisions and procurement rules.",
        "The official narrative has changed faster than the underlying numbers.",
        "Regional differences are large, and national averages hide them.",
        "Several of the people interviewed for this paper described the period as the most demanding of their careers.",
        "The private sector adapted first, often without waiting for governments to set the rules.",
        "Public opinion has been more stable than the political debate suggests.",
        "Earlier forecasts underestimated how quickly habits would change once prices moved.",
        "Legal challenges have slowed implementation without reversing its direction.",
        "The sequence matters: decisions taken in haste have constrained the options available since.",
        "Behind this figure lies a longer trend that predates the events of {year}.",
        "Official statistics tell only part of the story, and the informal side is harder to "
        "measure.",
        "These numbers are estimates, and the authors have preferred ranges to point figures "
        "where the sources disagree.",
        "The change was gradual at first and then sudden, as is often the case when several "
        "pressures reinforce one another.",
        "What looked like a temporary disruption has turned out to be a lasting feature of the "
        "landscape.",
        "The institutions in charge were designed for a calmer period and have adapted only "
        "partly.",
        "Observers in the region tend to read these developments as the result of deliberate "
        "choices rather than accidents.",
        "Comparable episodes elsewhere suggest that such shifts rarely reverse on their own.",
        "The figure is often quoted without its context, which makes it sound more dramatic, "
        "or less, than it is.",
        "Part of the explanation is domestic politics, which has narrowed the room for "
        "compromise on every side.",
        "Markets reacted faster than governments, and their reaction has shaped what "
        "governments can now do.",
        "The interviews conducted for this paper suggest that officials are aware of the trend "
        "but divided about its causes.",
    ],
    "actor": [
        "{A} has kept a low profile, which should not be mistaken for indifference.",
        "Seen from {a}, the main risk is to overreact to events that may prove temporary.",
        "{A} has quietly built the expertise and the networks it will need if the situation deteriorates.",
        "For {a}, credibility with its own public comes before the approval of its partners.",
        "{A} prefers bilateral arrangements to multilateral ones, which it sees as slow and diluted.",
        "Recent appointments in {a} suggest a more pragmatic line than its official doctrine.",
        "For {a}, the priority is to keep its options open while avoiding a visible defeat.",
        "{A}'s position is more flexible in private than its public statements suggest, "
        "according to several officials interviewed for this paper.",
        "{A} has the means to change the course of events but has so far been reluctant to "
        "pay the political price.",
        "The calculation in {a} is shaped by a short electoral calendar and a long memory of "
        "past disappointments.",
        "{A} sees the issue less as a problem to be solved than as a lever to be used in "
        "other negotiations.",
        "In {a}, the debate is framed in terms of sovereignty, which limits what any "
        "government can concede.",
        "{A} has been consistent in its objectives but opportunistic in its methods.",
        "What {a} fears most is not the status quo but being left out of whatever replaces it.",
        "{A} is often described as a spoiler, yet its interests overlap with those of its "
        "rivals more than either side admits.",
        "The view from {a} is that others have moved first, and that its own steps are a "
        "response rather than an initiative.",
        "{A} is internally divided, and its policy reflects a balance between ministries "
        "rather than a single strategy.",
        "{A} has learnt from recent crises that speed matters more than perfect design.",
    ],
    "actor_more": [
        "Outsiders often underestimate how much of this is driven by bureaucratic routine.",
        "Its stated objectives have not changed in a decade; its means have.",
        "Partners who have engaged early have generally found it easier to deal with.",
        "The gap between its declaratory policy and its practice is a source of confusion.",
        "This caution has served it well so far.",
        "Whether this approach survives a serious crisis is an open question.",
        "This reading is contested, but it explains why offers that look generous elsewhere "
        "are received with suspicion there.",
        "That stance may change after the next elections, but probably less than outside "
        "observers expect.",
        "It would be a mistake to treat this as a bluff.",
        "Its room for manoeuvre is smaller than its rhetoric suggests.",
        "Any proposal that ignores this concern is likely to fail, however sound on paper.",
        "This creates openings for partners willing to engage on practical matters.",
        "Its partners have not always understood how much weight this consideration carries.",
        "The result is a policy that is predictable in its direction and unpredictable in its "
        "timing.",
    ],
    "risk": [
        "The most serious danger is {risk}, which could come about without anyone deciding it.",
        "A second risk, less discussed, is {risk}.",
        "None of the actors wants {risk}, but several of their choices make it more likely.",
        "The probability of {risk} is low in any given year, but its consequences would be "
        "severe enough to justify preparation now.",
        "Preventing {risk} depends on channels of communication that are weaker today than a "
        "decade ago.",
        "Planners should also consider {risk}, which existing arrangements are not designed to "
        "handle.",
    ],
    "risk_more": [
        "The warning signs would probably be visible only in hindsight.",
        "Contingency plans exist, but few have been tested in realistic conditions.",
        "The private sector would bear much of the initial cost.",
        "Communication with the public would matter as much as the measures themselves.",
        "Early warning would help, but only if it is linked to decisions that can be taken "
        "quickly.",
        "History offers examples of such risks being contained, usually by quiet diplomacy "
        "rather than public ultimatums.",
        "The costs would not stop at the region's borders.",
        "Insurance against this risk is cheaper before it materialises than after.",
        "Such a development would also test the cohesion of the European Union itself.",
        "It would hit the most vulnerable first: small firms, poorer regions and those who "
        "cannot move.",
    ],
    "scenario": [
        "In a first scenario, muddling through, current trends continue and no actor forces a "
        "decision; costs accumulate slowly and almost invisibly.",
        "A second scenario sees a sharp deterioration, triggered by an incident that nobody "
        "planned but that each side reads as confirmation of its fears.",
        "In a third scenario, a managed adjustment, the main actors accept a less ambitious "
        "settlement that stabilises the situation without resolving it.",
        "A fourth scenario, less likely but not negligible, would see a breakthrough made "
        "possible by a change of leadership in one of the capitals concerned.",
    ],
    "scenario_more": [
        "Its probability, by the authors' assessment, is the highest of the four over the "
        "next three years.",
        "The signs to watch are changes in rhetoric, unusual movements of forces or money, and "
        "the cancellation of routine meetings.",
        "For Europe it would be the most expensive outcome, and the one for which it is least "
        "prepared.",
        "It is the outcome that most governments privately hope for, without doing much to "
        "bring it about.",
        "It would require a degree of trust that does not exist today.",
        "It would leave the underlying problems in place for the next crisis.",
    ],
    "europe": [
        "Europe's credibility will depend on its ability to sustain its commitments over several years, not on the ambition of its declarations.",
        "The tools that Europeans use best, regulation and money, are not always the ones the situation calls for.",
        "Smaller member states often see the issue differently from the largest ones, and their support cannot be taken for granted.",
        "European policy will only be as coherent as the least committed of its capitals allows.",
        "The European Union has more leverage than it uses, through its market, its budget "
        "and its rules.",
        "Member states do not always agree, and the Union's response has often been the sum "
        "of national positions.",
        "Europe's interest is not to choose sides in every dispute but to defend rules it "
        "depends on.",
        "Europeans have often reacted to events rather than shaped them; the question is "
        "whether they can anticipate this time.",
        "The European response will also be judged by partners in the Global South, who watch "
        "for double standards.",
        "Coordination between Brussels and national capitals is the condition for any policy "
        "to work.",
    ],
    "rec": [
        "First, European governments should {opt}.",
        "Second, they should {opt}.",
        "Third, they should {opt}.",
    ],
    "rec_more": [
        "Partners outside the Union, from Norway to the United Kingdom, should be associated.",
        "A small team with a clear mandate would do more than a new agency.",
        "The cost is modest compared with the losses it would help to avoid.",
        "Progress should be reported publicly once a year.",
        "Here, too, the Union can build on pilot projects that have already worked.",
        "The decision can be taken at the next European Council.",
        "This would cost little and could be done within a year.",
        "It requires no new institution, only the political will to use existing ones.",
        "Such a step would also reassure partners who doubt Europe's staying power.",
        "The main obstacle is bureaucratic, not political.",
        "Some member states will object; they should be offered a role rather than a veto.",
        "Results should be reviewed after two years and the approach adjusted.",
        "The Commission is well placed to coordinate this effort.",
        "This is the most demanding recommendation, and the most important.",
        "Parliaments should be involved early so that commitments survive changes of government.",
    ],
    "close": [
        "The window for shaping the outcome is open, but it will not stay open indefinitely.",
        "Europe has more cards than it thinks; the question is whether it will play them.",
        "The next review of this paper's recommendations is planned for the coming year.",
        "None of this will be easy, but the cost of inaction is rising.",
        "The coming months will show whether the lessons of recent years have been learnt.",
        "What is at stake is not one policy but Europe's capacity to act in a harder world.",
        "The choices are political; the analysis can only clarify them.",
        "Governments that prepare now will have more options when the next shock comes.",
    ],
}

#: Publications written as structured HTML: extra blocks for each (a table, a quotation, a figure).
HTML_BODIES = {
    "china-taiwan-strait-scenarios": {
        "table": (
            "Estimated first-year cost to the EU economy, by scenario",
            ["Scenario", "Trade disrupted", "Loss of EU GDP", "Main channel"],
            [
                ["Quarantine of Taiwan", "Partial, 3–6 months", "0.8–1.5%", "Chips, shipping"],
                ["Blockade", "Near total", "2.5–4%", "Chips, sanctions"],
                ["Limited strike", "Regional", "1.5–2.5%", "Insurance, shipping"],
                ["Invasion", "Total, open-ended", "Above 5%", "Everything"],
            ],
        ),
        "quote": (
            "Everyone has a plan for the first week. Nobody has a plan for the fourth month.",
            "A European trade official, interviewed in Brussels",
        ),
        "figure": (
            "taiwan-strait-shipping.png",
            "Bar chart of container traffic through the Taiwan Strait by quarter, 2022 to 2024, "
            "showing dips during three military exercises",
            "Container traffic through the Taiwan Strait, 2022–2024, quarterly index",
            "Meridian Institute, from ship-tracking data",
        ),
    },
    "european-defence-industry": {
        "table": (
            "Annual production capacity of 155 mm shells in Europe (thousands)",
            ["Year", "Capacity", "Orders placed", "Gap"],
            [
                ["2022", "300", "250", "—"],
                ["2023", "600", "900", "300"],
                ["2024", "1,000", "1,600", "600"],
                ["2025 (planned)", "1,500", "2,000", "500"],
            ],
        ),
        "quote": (
            "We can build a new line in eighteen months. We cannot do it on a one-year contract.",
            "A European ammunition manufacturer",
        ),
        "figure": (
            "shell-production.png",
            "Line chart of European 155 mm shell production rising from 300,000 in 2022 to "
            "1.5 million planned in 2025",
            "European production of 155 mm artillery shells, 2022–2025",
            "Meridian Institute, from company reports and ministry statements",
        ),
    },
    "ukraine-reconstruction-financing": {
        "table": (
            "Sources of reconstruction finance, committed or under discussion",
            ["Source", "Amount", "Form", "Status"],
            [
                ["EU Ukraine Facility", "€50 bn", "Grants and loans", "Adopted 2024"],
                ["G7 windfall-profit loan", "$50 bn", "Loans", "Disbursing"],
                ["World Bank and EBRD", "$20 bn+", "Loans, guarantees", "Ongoing"],
                ["Private investment", "Uncertain", "Equity", "Awaits insurance"],
            ],
        ),
        "quote": (
            "Investors do not ask us whether the war will end. They ask who pays if a "
            "missile hits the plant.",
            "A Ukrainian official in charge of investment",
        ),
        "figure": (
            "reconstruction-needs.png",
            "Bar chart of reconstruction needs by sector: housing, transport, energy, "
            "industry and other",
            "Reconstruction needs by sector, billions of dollars",
            "Meridian Institute, based on the 2025 damage assessment",
        ),
    },
    "critical-minerals-latin-america": {
        "table": (
            "Selected resources and the share refined at home",
            ["Country", "Main mineral", "Share of world resources", "Refined locally"],
            [
                ["Chile", "Copper, lithium", "21% (copper)", "About half"],
                ["Argentina", "Lithium", "22%", "Very little"],
                ["Bolivia", "Lithium", "23%", "Pilot plants"],
                ["Brazil", "Rare earths, nickel", "17% (rare earths)", "Very little"],
            ],
        ),
        "quote": (
            "We do not want to be a quarry for other people's transitions.",
            "A Chilean minister, at a conference in Santiago",
        ),
        "figure": (
            "lithium-resources.png",
            "Bar chart comparing identified lithium resources in Bolivia, Argentina, Chile, "
            "the United States and Australia",
            "Identified lithium resources, millions of tonnes",
            "Meridian Institute, from geological survey data",
        ),
    },
}

LENGTHS = {  # paragraphs per section: open, context, actors, risks, scenarios, europe, recs, close
    "briefing": (1, 2, 2, 1, 0, 0, 1, 0),
    "article": (1, 2, 2, 1, 0, 1, 1, 1),
    "analysis": (2, 4, 4, 3, 0, 2, 3, 1),
    "report": (2, 4, 5, 2, 4, 2, 3, 1),
    "book": (2, 4, 5, 2, 4, 2, 3, 1),
}
HEADINGS = {
    "en": [
        "Introduction",
        "How we got here",
        "What the main actors want",
        "Risks",
        "Scenarios",
        "What it means for Europe",
        "Recommendations",
        "Conclusion",
    ],
    "fr": [
        "Introduction",
        "Le contexte",
        "Les calculs des acteurs",
        "Les risques",
        "Scénarios",
        "Ce qui est en jeu pour l'Europe",
        "Recommandations",
        "Conclusion",
    ],
}


class Pool:
    """Draws sentences from the pools without repeating one within a piece."""

    def __init__(self, pools, rng, fill):
        self.pools = {key: list(values) for key, values in pools.items()}
        for values in self.pools.values():
            rng.shuffle(values)
        self.fill = fill

    def take(self, key, **slots):
        values = self.pools[key]
        sentence = values.pop(0)
        values.append(sentence)  # a long piece may come round again, with other slots
        return self.fill(sentence, **slots)


def escape(text):
    return _escape(text, quote=False)


def _cap(text):
    return text[:1].upper() + text[1:]


def compose(pub, brief, pools):
    """The body as sections: [(heading, [paragraph, ...]), ...], each paragraph a string."""
    rng = random.Random(pub["slug"])
    language = pub["language"]
    actors = brief["actors"]
    year = int(pub["published_on"][:4])
    words = {
        "topic": brief["topic"],
        "year": str(year - 1),
        "prev": str(year - 3),
        **{f"a{i}": actor for i, actor in enumerate(actors)},
        **{f"A{i}": _cap(actor) for i, actor in enumerate(actors)},
    }

    def fill(sentence, **slots):
        values = {**words, **slots}
        if "a" in slots:
            values["A"] = _cap(slots["a"])
        return sentence.format(**values)

    pool = Pool(pools, rng, fill)
    kind = pub["type"] if pub["type"] in LENGTHS else "article"
    n_open, n_context, n_actor, n_risk, n_scen, n_europe, n_rec, n_close = LENGTHS[kind]
    if n_actor > len(actors):  # one paragraph per actor; the rest of the length goes to context
        n_context += n_actor - len(actors)
        n_actor = len(actors)
    facts, options, risks = brief["facts"], brief["options"], brief["risks"]
    sections = []

    paragraphs = []
    for i in range(n_open):
        if i == 0:
            paragraphs.append(" ".join([pool.take("open"), facts[0], pool.take("context")]))
        else:
            paragraphs.append(" ".join([brief["stake"], pool.take("thesis"), pool.take("thesis")]))
    sections.append(paragraphs)

    paragraphs = []
    for i in range(n_context):
        # Once the facts are used up, a paragraph opens on an actor's view, the last ones first.
        first = facts[i + 1] if i < 2 else pool.take("actor_topic", a=actors[(1 - i) % len(actors)])
        paragraphs.append(" ".join([first, pool.take("context"), pool.take("context")]))
    sections.append(paragraphs)

    paragraphs = []
    for i in range(n_actor):
        actor = actors[i % len(actors)]
        paragraphs.append(
            " ".join(
                [
                    pool.take("actor", a=actor),
                    pool.take("actor_more"),
                    pool.take("actor_topic", a=actor),
                    pool.take("actor_more"),
                ]
            )
        )
    sections.append(paragraphs)

    paragraphs = []
    for i in range(n_risk):
        paragraphs.append(
            " ".join(
                [
                    pool.take("risk", risk=risks[i % 2]),
                    pool.take("risk_more"),
                    pool.take("risk_more"),
                ]
            )
        )
    sections.append(paragraphs)

    paragraphs = []
    scenarios = list(pools["scenario"])
    for i in range(n_scen):
        paragraphs.append(
            " ".join(
                [
                    fill(scenarios[i]),
                    pool.take("scenario_more"),
                    pool.take("actor", a=actors[(i + 1) % len(actors)]),
                    pool.take("scenario_more"),
                    f"{_cap(risks[i % 2])} {pools['scenario_risk'][i]}",
                ]
            )
        )
    sections.append(paragraphs)

    paragraphs = []
    for i in range(n_europe):
        opener = brief["stake"] if n_open < 2 or i else pool.take("europe")
        paragraphs.append(" ".join([opener, pool.take("europe"), pool.take("europe_topic")]))
    sections.append(paragraphs)

    paragraphs = []
    if n_rec == 1:
        joined = pools["rec_one"][0].format(*options)
        paragraphs.append(" ".join([joined, pool.take("rec_more"), pool.take("rec_more")]))
    else:
        for i in range(n_rec):
            paragraphs.append(
                " ".join(
                    [
                        pools["rec"][i].format(opt=options[i]),
                        pool.take("rec_more"),
                        pool.take("rec_more"),
                    ]
                )
            )
    sections.append(paragraphs)

    paragraphs = []
    for _ in range(n_close):
        paragraphs.append(
            " ".join(
                [
                    pools["close_topic"][0].format(topic=brief["topic"]),
                    pool.take("close"),
                    pool.take("close"),
                ]
            )
        )
    sections.append(paragraphs)
    headings = HEADINGS[language]
    return [(headings[i], p) for i, p in enumerate(sections) if p]


EN["scenario_risk"] = [
    "would remain the background risk throughout.",
    "would then become the central concern of every capital.",
    "would be reduced but not removed.",
    "would recede, at least for a time.",
]
EN["rec_one"] = [
    "Three steps would help. European governments should {0}; they should {1}; and they should {2}."
]
EN["actor_topic"] = [
    "The leadership in {a} has described {topic} as a test of its credibility.",
    "{A} has commissioned several reviews of {topic} in the past two years, with conflicting conclusions.",
    "In {a}, the ministries in charge of {topic} compete for influence over the file.",
    "{A} has made clear that it will not negotiate on {topic} under pressure.",
    "On {topic}, {a} has stated its aims publicly, but its red lines remain deliberately vague.",
    "{A} does not regard {topic} as a separate file, and links it to its wider relations with "
    "the other actors.",
    "Officials in {a} privately concede that their approach to {topic} has produced fewer results "
    "than hoped.",
    "{A} has invested political capital in {topic} and cannot easily step back.",
    "For {a}, {topic} is as much a domestic question as a foreign one.",
    "{A} would accept a compromise on {topic} if it could present it at home as a gain.",
]
EN["europe_topic"] = [
    "On {topic}, the Union's instruments exist; what is missing is a shared reading of the stakes.",
    "A common European line on {topic} would carry more weight than the sum of national ones.",
    "Seen from Brussels, {topic} touches at once on trade, security and the Union's credibility.",
]
EN["close_topic"] = ["Europe cannot settle {topic} on its own, but it can weigh on the outcome."]
POOLS = {"en": EN, "fr": FR}


def plain(sections):
    return "\n\n".join(p for _heading, paragraphs in sections for p in paragraphs)


def html(pub, sections, extra):
    """The contract's HTML subset as the sanitiser writes it (one block a line, attributes in
    its order), so that import and export give it back unchanged; 14 numbered notes."""
    notes = note_texts(pub)
    blocks, n = [], 0
    for index, (heading, paragraphs) in enumerate(sections):
        blocks.append(f"<h2>{escape(heading)}</h2>")
        for j, paragraph in enumerate(paragraphs):
            sentences = paragraph.split(". ")
            text = escape(paragraph)
            if n < len(notes) and len(sentences) > 1:
                n += 1
                first = escape(sentences[0] + ".")
                text = text.replace(
                    first, f'{first}<sup><a href="#note-{n}" id="ref-{n}">{n}</a></sup>', 1
                )
            if index == 2:  # actors: one sub-heading each
                blocks.append(f"<h3>{escape(_cap(BRIEFS[pub['slug']]['actors'][j % 4]))}</h3>")
            blocks.append(f"<p>{text}</p>")
        if index == 1:
            caption, head, rows = extra["table"]
            cells = "".join(f'<th scope="col">{escape(c)}</th>' for c in head)
            body = "".join(
                "<tr>"
                + f'<th scope="row">{escape(row[0])}</th>'
                + "".join(f"<td>{escape(c)}</td>" for c in row[1:])
                + "</tr>"
                for row in rows
            )
            blocks.append(f"<p><strong>{escape(caption)}</strong></p>")
            blocks.append(f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>")
            name, alt, figcaption, credit = extra["figure"]
            src = FIGURE_URL.format(name=name)
            blocks.append(
                f'<figure><img alt="{_escape(alt)}" src="{src}">'
                f"<figcaption>{escape(figcaption)}. Source: {escape(credit)}.</figcaption></figure>"
            )
        if index == 2:
            text, who = extra["quote"]
            blocks.append(f"<blockquote><p>{escape(text)}</p><p>— {escape(who)}</p></blockquote>")
        if heading == "Recommendations":
            options = BRIEFS[pub["slug"]]["options"]
            items = "".join(f"<li>{escape(_cap(o))}.</li>" for o in options)
            blocks.append("<p>In short, European governments should:</p>")
            blocks.append(f"<ul>{items}</ul>")
    items = "".join(
        f'<li id="note-{i}">{escape(note)}</li>' for i, note in enumerate(notes[:n], start=1)
    )
    blocks.append("<h2>Notes</h2>")
    blocks.append(f'<ol class="notes">{items}</ol>')
    return "\n".join(blocks)  # the sanitiser's own form: one block a line


NOTE_FORMS = [
    "Interview with an official familiar with the thinking of {a}, {month} {year}.",
    "Meridian Institute calculations, based on national statistics for {year}.",
    "See the institute's earlier work on {topic}, published in {prev}.",
    "Interview with a diplomat who follows {a} closely, {month} {year}.",
    "Official figures on {topic}; the series was revised in {year} and earlier years are not "
    "comparable.",
    "Statement to parliament by the minister in charge, {month} {year}.",
    "Authors' estimate for {a}; the range reflects differences between the main sources.",
    "Round-table held under the Chatham House rule, Paris, {month} {year}.",
    "Public statement on behalf of {a}, {month} {prev}.",
    "Data from company reports; figures for {year} are provisional.",
    "On the position of {a}, the sources disagree; we give the more cautious figure.",
    "Interview with a researcher working on {topic}, {month} {year}.",
    "Budget documents for {year}, as published; actual spending may differ.",
    "Conversation with a senior executive, on condition of anonymity, {month} {year}.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "September", "October"]


def note_texts(pub):
    brief = BRIEFS[pub["slug"]]
    rng = random.Random("notes:" + pub["slug"])
    year = int(pub["published_on"][:4]) - 1
    notes = []
    for i, form in enumerate(NOTE_FORMS):
        notes.append(
            form.format(
                a=brief["actors"][i % len(brief["actors"])],
                month=rng.choice(MONTHS),
                year=year,
                prev=year - 2,
                topic=brief["topic"],
            )
        )
    return notes


def body_for(pub):
    """(body, body_format) for one publication; media items keep an empty body."""
    if pub["type"] == "media":
        return "", "text"
    brief = FRENCH_BRIEFS[pub["slug"]] if pub["language"] == "fr" else BRIEFS[pub["slug"]]
    sections = compose(pub, brief, POOLS[pub["language"]])
    if pub["slug"] in HTML_BODIES:
        return html(pub, sections, HTML_BODIES[pub["slug"]]), "html"
    return plain(sections), "text"


def _ordered(record):
    """The record with `body_format` right after `body`, where export writes it."""
    ordered = {}
    for key, value in record.items():
        if key != "body_format":
            ordered[key] = value
        if key == "body":
            ordered["body_format"] = record["body_format"]
    return ordered


def main():
    document = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    publications = {p["slug"]: p for p in document["publications"]}
    for work in FRENCH_WORKS:  # French versions: a copy of the original with French fields
        original = publications[work["translation_of"]]
        french = {**original, **work, "related": [], "featured": False}
        publications[french["slug"]] = french
    for pub in publications.values():
        pub["body"], pub["body_format"] = body_for(pub)
        # Covers for what a publisher would give one: books, reports and papers with a PDF.
        if pub["type"] in ("book", "report") or (pub["pdf"] and pub["type"] == "analysis"):
            pub["cover"] = f"files/covers/{pub['slug']}.jpg"
    document["publications"] = [_ordered(publications[slug]) for slug in sorted(publications)]
    DOCUMENT.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
