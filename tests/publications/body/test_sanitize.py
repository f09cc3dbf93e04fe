"""The one sanitiser of structured bodies (publications/body/): what survives, what never
does, and what a word processor's paste becomes."""

import io
import re

import mammoth
import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from publications.body import render_body, sanitize_html
from publications.body.reading import PAGE_IDS, plain_text
from tests.publications.body.sample import sample_body

HOSTILE = (
    '<h2 onclick="steal()">Title</h2><p style="color:red" onmouseover="x()">Text'
    "<script>alert('script')</script><style>p{display:none}</style>"
    '<a href="javascript:alert(1)">js link</a> <a href="JaVaScRiPt:alert(2)">js2</a>'
    '<a href="https://ok.example" onclick="alert(6)">ok</a>'
    '<img src="x" onerror="alert(3)"><img src="javascript:alert(4)">'
    '<iframe src="https://evil.example"></iframe></p>'
    '<figure><img src="/media/x.png" alt="Map" onload="alert(5)"><figcaption>Cap</figcaption>'
    "</figure>"
)


def assert_nothing_active(html):
    lowered = html.lower()
    for needle in (
        "<script",
        "javascript:",
        "onerror",
        "onclick",
        "onmouseover",
        "onload",
        "<style",
        "style=",
        "<iframe",
        "alert(",
    ):
        assert needle not in lowered, needle


def test_scripts_styles_event_handlers_and_javascript_urls_never_survive():
    clean = sanitize_html(HOSTILE)

    assert_nothing_active(clean)
    assert "<h2>Title</h2>" in clean
    assert (
        '<figure><img alt="Map" src="/media/x.png"><figcaption>Cap</figcaption></figure>' in clean
    )
    assert "js link" in clean  # the text of a refused link stays


def test_sanitising_is_idempotent_so_export_import_keeps_the_text():
    once = sanitize_html(sample_body())
    assert sanitize_html(once) == once
    assert sanitize_html(sanitize_html(HOSTILE)) == sanitize_html(HOSTILE)


def test_the_contract_subset_is_kept_as_written():
    body = sample_body(notes=3)
    clean = sanitize_html(body)
    assert '<sup><a href="#note-1" id="ref-1">1</a></sup>' in clean
    assert '<ol class="notes"><li id="note-1">' in clean
    assert '<th scope="col">Indicator</th>' in clean
    assert "<blockquote><p>Deterrence" in clean


def test_the_editors_own_note_form_becomes_the_contracts():
    # ProseMirror keeps no ids and puts the link around the superscript.
    clean = sanitize_html(
        '<p>Text<a href="#note-1"><sup>1</sup></a>.</p><ol class="notes"><li>Source.</li></ol>'
    )
    assert clean == (
        '<p>Text<sup><a href="#note-1" id="ref-1">1</a></sup>.</p>'
        '<ol class="notes"><li id="note-1">Source.</li></ol>'
    )


def test_only_http_https_mailto_and_fragment_links_are_kept():
    clean = sanitize_html(
        '<p><a href="https://a.org">a</a><a href="http://b.org">b</a>'
        '<a href="mailto:x@y.org">c</a><a href="#note-1">d</a><a href="/local">e</a>'
        '<a href="data:text/html,x">f</a><a href="vbscript:x">g</a></p>'
    )
    assert re.findall(r'href="([^"]+)"', clean) == [
        "https://a.org",
        "http://b.org",
        "mailto:x@y.org",
        "#note-1",
    ]


FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def footnotes_part(package, notes):
    """word/footnotes.xml as Word writes it (python-docx has no API for footnotes)."""
    items = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for number, text in enumerate(notes, 1)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:footnotes {nsdecls('w')}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f"{items}</w:footnotes>"
    )
    return Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, xml.encode(), package)


def footnote_reference(paragraph, number):
    paragraph._p.append(
        parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="{number}"/></w:r>')
    )


def docx_bytes():
    """A .docx as Word writes it: title, headings, a list, a table, two footnotes."""
    document = Document()
    document.add_heading("A real analysis", level=1)
    document.add_heading("The strait in 2030", level=2)
    paragraph = document.add_paragraph("Beijing's calculus has ")
    paragraph.add_run("shifted").bold = True
    paragraph.add_run(" since 2022.")
    footnote_reference(paragraph, 1)
    document.add_paragraph("Amphibious lift", style="List Bullet")
    paragraph = document.add_paragraph("Missile forces", style="List Bullet")
    footnote_reference(paragraph, 2)
    document.add_heading("Figures", level=3)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Indicator", "2025"
    table.cell(1, 0).text, table.cell(1, 1).text = "Ships", "52"
    notes = footnotes_part(
        document.part.package, ["Ministry of Defence, white paper, 2023.", "Interview, 2024."]
    )
    document.part.relate_to(notes, RELATIONSHIP_TYPE.FOOTNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_document_converted_by_mammoth_keeps_its_structure_and_notes():
    html = mammoth.convert_to_html(io.BytesIO(docx_bytes())).value
    assert 'id="footnote-ref-1"' in html  # mammoth's own form, before the sanitiser
    # What a hostile document could add on top of mammoth's output.
    html += '<p onclick="x()">Tail<script>alert(1)</script></p>'

    clean = sanitize_html(html)

    # The document's h1 becomes h2 (the page's title is the h1); the rest shift with it.
    assert "<h2>A real analysis</h2><h3>The strait in 2030</h3>" in clean
    assert (
        "<p>Beijing's calculus has <strong>shifted</strong> since 2022."
        '<sup><a href="#note-1" id="ref-1">1</a></sup></p>'
    ) in clean
    assert (
        '<ul><li>Amphibious lift</li><li>Missile forces<sup><a href="#note-2" id="ref-2">2</a>'
        "</sup></li></ul>"
    ) in clean
    assert "<h4>Figures</h4>" in clean
    assert "<td>Indicator</td><td>2025</td>" in clean
    assert clean.endswith(
        '<ol class="notes"><li id="note-1">Ministry of Defence, white paper, 2023.</li>'
        '<li id="note-2">Interview, 2024.</li></ol>'
    )
    assert_nothing_active(clean)


MAMMOTH_FOOTNOTES = (
    '<p>Deterrence holds<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> for now'
    '<sup><a href="#footnote-2" id="footnote-ref-2">[2]</a></sup>.</p>'
    '<ol><li id="footnote-1"><p> White paper, 2023. <a href="#footnote-ref-1">↑</a></p></li>'
    '<li id="footnote-2"><p> Interview, 2024. <a href="#footnote-ref-2">↑</a></p></li></ol>'
)

# What Word puts on the clipboard (Windows, "Keep source formatting"), shortened.
WORD_CLIPBOARD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>
p.MsoNormal{mso-style-parent:"";margin:0cm;font-family:"Calibri",sans-serif;}</style></head>
<body lang=EN-GB style='tab-interval:36.0pt'><!--StartFragment-->
<h1 style='mso-list:l0 level1 lfo1'><span lang=EN-US>Title of the paper<o:p></o:p></span></h1>
<h2><span style='font-family:"Calibri Light"'>The strait<o:p></o:p></span></h2>
<p class=MsoNormal><b><span style='mso-bidi-font-weight:normal'>Bold claim</span></b> and
<i>italic</i> text<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span
class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]>
[1]<![endif]></span></span></a> with a <a href="https://example.org">link</a>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'>
<![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>
</span></span><![endif]>First point<o:p></o:p></p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
<tr><td style='border:solid windowtext 1.0pt'><p class=MsoNormal><b>Year</b><o:p></o:p></p></td>
<td><p class=MsoNormal>2025<o:p></o:p></p></td></tr></table>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left
size=1 width="33%"><![endif]><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText>
<a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span
class=MsoFootnoteReference><span style='mso-special-character:footnote'>[1]</span></span></a>
Ministry of Defence, white paper, 2023.<o:p></o:p></p></div></div><!--EndFragment-->
</body></html>"""

# What Google Docs puts on the clipboard, shortened.
GOOGLE_DOCS_CLIPBOARD = (
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234">'
    '<h2 dir="ltr" style="line-height:1.38;margin-top:18pt"><span style="font-size:16pt;'
    'font-family:Arial;font-weight:400">Context</span></h2>'
    '<p dir="ltr"><span style="font-weight:700">Strong</span><span> text</span>'
    '<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup></p>'
    '<ul><li dir="ltr"><p dir="ltr"><span>One</span></p></li></ul></b>'
    '<div><p dir="ltr"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span> A source.</span></p></div>'
)


@pytest.mark.parametrize(
    ("pasted", "reference_text", "note_text"),
    [
        (MAMMOTH_FOOTNOTES, "Deterrence holds", "White paper, 2023."),
        (WORD_CLIPBOARD, "italic</em> text", "Ministry of Defence, white paper, 2023."),
        (GOOGLE_DOCS_CLIPBOARD, "<strong>Strong</strong> text", "A source."),
    ],
    ids=["mammoth", "word-clipboard", "google-docs-clipboard"],
)
def test_footnotes_of_word_processors_become_the_contract_notes(pasted, reference_text, note_text):
    clean = sanitize_html(pasted)

    assert reference_text + '<sup><a href="#note-1" id="ref-1">1</a></sup>' in clean
    assert f'<ol class="notes"><li id="note-1">{note_text}</li>' in clean
    assert "↑" not in clean and "[1]" not in clean
    assert_nothing_active(clean)
    assert "mso-" not in clean and 'class="Mso' not in clean and "o:p" not in clean


def test_word_clipboard_keeps_headings_lists_links_and_tables():
    clean = re.sub(r">\s+<", "><", sanitize_html(WORD_CLIPBOARD))

    assert "<h2>Title of the paper</h2><h3>The strait</h3>" in clean
    assert "<strong>Bold claim</strong>" in clean
    assert '<a href="https://example.org">link</a>' in clean
    assert "First point" in clean
    assert "<td><strong>Year</strong></td><td>2025</td>" in clean
    assert "<p>\xa0</p>" not in clean and "<p></p>" not in clean
    assert "MsoNormal" not in clean and "Calibri" not in clean  # the <style> content too


def test_notes_link_both_ways_on_the_page():
    rendered = render_body(sanitize_html(sample_body()), "html")
    html = str(rendered.html)

    assert rendered.notes == 20
    for n in range(1, 21):
        assert html.count(f'id="ref-{n}"') == 1 and html.count(f'id="note-{n}"') == 1
        assert f'href="#note-{n}"' in html and f'href="#ref-{n}"' in html


def test_table_of_contents_links_to_existing_unique_ids():
    body = sanitize_html(sample_body() + "<h2>Summary</h2><h2>The strait in 2030</h2>")
    rendered = render_body(body, "html")
    ids = re.findall(r'id="([^"]+)"', str(rendered.html))

    assert rendered.show_toc
    assert [entry.id for entry in rendered.toc][:3] == [
        "the-strait-in-2030",
        "military-balance",
        "three-scenarios",
    ]
    assert len(ids) == len(set(ids))
    for entry in rendered.toc:
        assert entry.id in ids
        assert entry.id not in PAGE_IDS
    assert "the-strait-in-2030-2" in ids  # a repeated heading gets its own id


def test_reading_time_counts_words_at_230_a_minute():
    words = " ".join(["word"] * 1840)
    assert render_body(sanitize_html(f"<p>{words}</p>"), "html").minutes == 8
    assert render_body(words, "text").minutes == 8


def test_plain_text_leaves_markup_and_note_numbers_out():
    text = plain_text(sanitize_html(sample_body(notes=2)), "html")

    assert "<" not in text and "strong" not in text
    assert "partners. Analysts" in text  # the note number is not glued to the word
    assert "The strait in 2030" in text
    figure = sanitize_html(
        '<figure><img src="/m.png" alt="a > b"><figcaption>Cap &amp; x</figcaption></figure>'
    )
    assert plain_text(figure, "html") == "Cap & x"  # no piece of the alt text, entities read
