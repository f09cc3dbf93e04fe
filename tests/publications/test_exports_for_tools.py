"""Issue 14, item 5: exports read by people's tools as those tools read them: Excel and
LibreOffice (CSV: byte-order mark, formula injection), BibTeX/biber (month macros, escaping,
names; parsed with pybtex), Zotero (RIS, read with Zotero's own line rule)."""

import codecs

import pytest
from django.urls import reverse
from pybtex.richtext import Text

from publications.citations import bibtex_entry
from publications.models import Publication
from tests.factories import AuthorFactory, PublicationFactory
from tests.public_outputs import bibtex_entries, content, csv_rows, text_of, zotero_ris

pytestmark = pytest.mark.django_db


# --- CSV: Excel, LibreOffice -------------------------------------------------------------------
def test_csv_starts_with_a_byte_order_mark_so_excel_reads_utf8(client):
    PublicationFactory(
        slug="s", title="Sécurité énergétique", authors=[AuthorFactory(name="Łukasz Żak")]
    )

    raw = content(client.get(reverse("publications:export_csv")))

    assert raw.startswith(codecs.BOM_UTF8)
    # Without the mark Excel decodes as Windows-1252: the "SÃ©curitÃ©".
    assert "SÃ©curitÃ©" in raw[3:].decode("cp1252", errors="replace")
    (row,) = csv_rows(client.get(reverse("publications:export_csv")))
    assert row["title"] == "Sécurité énergétique" and row["authors"] == "Łukasz Żak"


@pytest.mark.parametrize(
    ("title", "cell"),
    [
        ('=HYPERLINK("http://evil.test","x")', '\'=HYPERLINK("http://evil.test","x")'),
        ("+1+1", "'+1+1"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\n=1+1"),  # the CR is stored as a line break, still neutralised
        ("  =1+1", "'  =1+1"),  # LibreOffice's "trim spaces" would leave "=1+1"
        ("＝1+1", "'＝1+1"),  # full-width equals sign
        ("Security = deterrence + trust", "Security = deterrence + trust"),
        ("2025-2030 outlook", "2025-2030 outlook"),
    ],
)
def test_csv_cells_a_spreadsheet_would_run_are_neutralised(client, title, cell):
    publication = PublicationFactory(slug="f")
    Publication.objects.filter(pk=publication.pk).update(title=title)

    (row,) = csv_rows(client.get(reverse("publications:export_csv")))

    assert row["title"] == cell


def test_csv_keeps_line_breaks_and_quotes_inside_quoted_cells(client):
    publication = PublicationFactory(slug="q")
    Publication.objects.filter(pk=publication.pk).update(
        subtitle='A "quoted"\nsubtitle, with comma'
    )

    raw = content(client.get(reverse("publications:export_csv"))).decode("utf-8-sig")
    (row,) = csv_rows(client.get(reverse("publications:export_csv")))

    assert row["subtitle"] == 'A "quoted"\nsubtitle, with comma'
    assert raw.endswith("\r\n") and raw.count("\r\n") == 2  # RFC 4180 rows


# --- BibTeX: biber, BibTeX styles ----------------------------------------------------------------
def bib_of(client, publication):
    return bibtex_entries(text_of(client.get(f"/publications/{publication.slug}/cite.bib")))


@pytest.mark.parametrize(
    ("month", "macro", "name"), [(3, "mar", "March"), (5, "may", "May"), (12, "dec", "December")]
)
def test_bibtex_month_is_the_standard_macro(client, month, macro, name):
    import datetime

    publication = PublicationFactory(slug="m", published_on=datetime.date(2024, month, 7))

    text = text_of(client.get("/publications/m/cite.bib"))

    assert f"  month = {macro},\n" in text  # unbraced: `month = {mar}` would print "mar"
    assert bib_of(client, publication)["m"].fields["month"] == name


def test_bibtex_escapes_every_special_character_and_braces_stay_balanced(client):
    publication = PublicationFactory(slug="sp", title="R&D at 100% for $5: #1 a_b {x} ~y^ \\z")
    entry = bib_of(client, publication)["sp"]

    title = entry.fields["title"]
    assert title == (
        r"{R\&D} at 100\% for \$5: \#1 a\_b \textbraceleft{}x\textbraceright{} "
        r"\textasciitilde{}y\textasciicircum{} \textbackslash{}z"
    )
    assert Text.from_latex(r"R\&D 100\% \#1 a\_b").render_as("text") == "R&D 100% #1 a_b"


@pytest.mark.parametrize(
    "name",
    ["Research and Development Unit", "Research AND Development Unit", "Tom And Jerry Trust"],
)
def test_bibtex_a_name_holding_and_stays_one_author(client, name):
    publication = PublicationFactory(slug="a", authors=[AuthorFactory(name=name, sort_name=name)])

    persons = bib_of(client, publication)["a"].persons["author"]

    assert len(persons) == 1


def test_bibtex_verbatim_fields_are_not_latex_escaped():
    publication = PublicationFactory(
        slug="v", type="media", doi="10.1000/abc_def#1", external_url="https://x.test/a_b?q={1}"
    )

    entry = bibtex_entry(publication, url="unused")

    assert "doi = {10.1000/abc_def#1}" in entry  # biblatex prints verbatim fields as they are
    assert "url = {https://x.test/a_b?q=%7B1%7D}" in entry
    bibtex_entries(entry)  # parses: braces balanced


# --- RIS: Zotero -------------------------------------------------------------------------------
def test_ris_is_one_line_per_value_as_zotero_reads_it(client):
    publication = PublicationFactory(
        slug="r",
        title="Title\u2028with a line separator",
        summary="First paragraph.\n\nER  - not the end\nTY  - not a new record",
        authors=[AuthorFactory(name="Jane Doe", sort_name="Doe, Jane")],
    )
    Publication.objects.filter(pk=publication.pk).update(title="Title\u2028with a line separator")

    lines = zotero_ris(text_of(client.get("/publications/r/cite.ris")))

    assert lines[0] == ("TY", "RPRT") and lines[-1] == ("ER", "")
    assert ("TI", "Title with a line separator") in lines
    assert ("AB", "First paragraph. ER - not the end TY - not a new record") in lines
    assert ("AU", "Doe, Jane") in lines
    assert [tag for tag, _ in lines].count("TY") == 1


def test_ris_export_of_a_list_gives_one_record_per_publication(client):
    for i in range(3):
        PublicationFactory(slug=f"l{i}", summary=f"Summary\u000b{i}\u0001")

    lines = zotero_ris(text_of(client.get(reverse("publications:export_ris"))))

    assert [tag for tag, _ in lines].count("TY") == 3
    assert {value for tag, value in lines if tag == "AB"} == {"Summary 0", "Summary 1", "Summary 2"}


@pytest.mark.parametrize("text", ["Lone } brace", "Lone { brace", "}{", "\\}"])
def test_bibtex_lone_braces_cannot_end_a_field_early(client, text):
    # Found by tests/test_text_property.py: BibTeX counts \} as a closing brace.
    author = AuthorFactory(name=text, sort_name=text)
    publication = PublicationFactory(slug="b", title=text, authors=[author])

    entry = bib_of(client, publication)["b"]

    assert entry.fields["year"] == str(publication.published_on.year)
    assert len(entry.persons["author"]) == 1
