"""A real-looking analysis in the contract's HTML form: headings, a list, a quotation, a table,
a figure and twenty notes (used by the tests and the screenshots)."""

SECTIONS = [
    ("The strait in 2030", "Beijing's calculus has shifted since the 2022 exercises"),
    ("Three scenarios", "Each scenario rests on different assumptions about deterrence"),
    ("What Europe can do", "Europe's levers are economic rather than military"),
    ("Recommendations", "A short list of measures that can be taken this year"),
]


def sample_body(*, image_src="/media/figures/strait.png", notes=20):
    parts = []
    note = 0
    for index, (heading, lead) in enumerate(SECTIONS):
        parts.append(f"<h2>{heading}</h2>")
        for paragraph in range(3):
            refs = ""
            if note < notes:
                note += 1
                refs = f'<sup><a href="#note-{note}">{note}</a></sup>'
            parts.append(
                f"<p>{lead}, and the evidence gathered for this paper (paragraph "
                f"{paragraph + 1}) shows why <strong>it matters</strong> for the "
                f'<em>region</em> and for <a href="https://example.org/source">its '
                f"partners</a>.{refs} Analysts disagree on the pace of change, but few "
                "doubt its direction.</p>"
            )
        if index == 0:
            parts.append("<h3>Military balance</h3>")
            parts.append(
                "<ul><li>Amphibious lift remains limited</li><li>Missile forces have grown "
                "threefold</li><li>Air defences cover the whole strait</li></ul>"
            )
            parts.append(
                '<table><thead><tr><th scope="col">Indicator</th><th scope="col">2020</th>'
                '<th scope="col">2025</th></tr></thead><tbody>'
                "<tr><td>Defence budget (bn USD)</td><td>252</td><td>296</td></tr>"
                "<tr><td>Amphibious ships</td><td>37</td><td>52</td></tr>"
                "<tr><td>Exercises near the strait</td><td>4</td><td>11</td></tr>"
                "</tbody></table>"
            )
        if index == 1:
            parts.append(
                f'<figure><img src="{image_src}" alt="Map of the strait with exercise areas">'
                "<figcaption>Figure 1. Exercise areas announced in 2024. Source: the "
                "institute, from official notices.</figcaption></figure>"
            )
            parts.append(
                "<blockquote><p>Deterrence is a matter of perception as much as of "
                "capabilities.</p></blockquote>"
            )
    while note < notes:
        note += 1
        parts.append(
            f'<p>A further point on sources.<sup><a href="#note-{note}">{note}</a></sup></p>'
        )
    items = "".join(
        f"<li>Source {n}: Ministry of Defence, white paper, {2000 + n}, p. {n * 3}.</li>"
        for n in range(1, notes + 1)
    )
    parts.append(f'<h2>Notes</h2><ol class="notes">{items}</ol>')
    return "".join(parts)
