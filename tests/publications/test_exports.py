import csv
import io

import pytest
from django.urls import reverse

from publications.citations import bibtex_entry, bibtex_escape, bibtex_title, ris_entry
from publications.models import Publication
from tests.factories import AuthorFactory, CenterFactory, PublicationFactory, SeriesFactory

pytestmark = pytest.mark.django_db


def body(response):
    # utf-8-sig: the CSV starts with a byte-order mark (for Excel), read as spreadsheets do.
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_csv_of_a_filtered_list_has_exactly_the_filtered_items(client, hand_counted):
    response = client.get(
        reverse("publications:export_csv"), {"region": "asia", "theme": "security"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert sorted(row["url"].rsplit("/", 2)[-2] for row in rows) == ["p1", "p2", "p5"]
    p1 = next(row for row in rows if row["url"].endswith("/p1/"))
    assert p1["regions"] == "Japan" and p1["authors"] == "Jane Doe"
    assert p1["centers"] == "Center for Asian Studies" and p1["date"] == "2020-03-01"
    assert p1["pdf_url"].endswith("/publications/p1/p1.pdf")
    assert list(rows[0]) == [
        "title",
        "subtitle",
        "authors",
        "date",
        "type",
        "series",
        "series_number",
        "regions",
        "themes",
        "centers",
        "language",
        "isbn",
        "doi",
        "url",
        "pdf_url",
    ]


def test_csv_leaves_inactive_centers_out(client, hand_counted):
    hand_counted.p1.centers.add(CenterFactory(name="Closed Center", active=False))
    rows = csv.DictReader(io.StringIO(body(client.get(reverse("publications:export_csv")))))
    p1 = next(row for row in rows if row["url"].endswith("/p1/"))
    assert p1["centers"] == "Center for Asian Studies"


def test_bibtex_and_ris_of_a_filtered_list_have_exactly_the_filtered_items(client, hand_counted):
    bib = body(client.get(reverse("publications:export_bib"), {"author": "jane-doe"}))
    assert sorted(
        line.split("{")[1].rstrip(",") for line in bib.splitlines() if line.startswith("@")
    ) == ["p1", "p3"]
    ris = body(client.get(reverse("publications:export_ris"), {"author": "jane-doe"}))
    assert ris.count("ER  - ") == 2 and "TY  - RPRT" in ris


def test_unpublished_items_never_appear_in_exports(client, hand_counted):
    for name in ("export_csv", "export_bib", "export_ris"):
        text = body(client.get(reverse(f"publications:{name}")))
        assert "/draft/" not in text and "{draft," not in text
    assert client.get(reverse("publications:cite_bib", args=["draft"])).status_code == 404
    assert client.get(reverse("publications:cite_ris", args=["draft"])).status_code == 404


def test_export_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    for i in range(40):
        PublicationFactory(slug=f"p{i}", authors=[AuthorFactory()])
    # rows + authors, regions, themes, centers: one chunk.
    with django_assert_max_num_queries(5):
        text = body(client.get(reverse("publications:export_csv")))
    assert text.count("\n") == 41


def test_csv_neutralises_spreadsheet_formulas(client):
    PublicationFactory(slug="f", title='=HYPERLINK("x")')
    text = body(client.get(reverse("publications:export_csv")))
    assert "'=HYPERLINK" in text


def test_bibtex_escapes_specials_and_protects_capitals():
    assert (
        bibtex_escape("R&D 100% $5 #1 a_b {x}")
        == r"R\&D 100\% \$5 \#1 a\_b \textbraceleft{}x\textbraceright{}"
    )
    assert bibtex_title("Japan and the NATO") == "{Japan} and the {NATO}"
    author = AuthorFactory(name="Élodie Lefèvre")
    publication = PublicationFactory(
        slug="sec",
        title="Sécurité & défense en Asie",
        type=Publication.Type.REPORT,
        series=SeriesFactory(name="Asia Visions"),
        series_number="61",
        authors=[author],
    )
    entry = bibtex_entry(publication, url="https://x.test/p/")
    assert entry.startswith("@techreport{sec,\n")
    assert r"title = {{Sécurité} \& défense en {Asie}}" in entry
    assert "author = {Lefèvre, Élodie}" in entry and "number = {61}" in entry


@pytest.mark.parametrize(
    ("kind", "ris_type", "bib_type"),
    [
        ("book", "BOOK", "@book"),
        ("report", "RPRT", "@techreport"),
        ("analysis", "RPRT", "@techreport"),
        ("briefing", "RPRT", "@techreport"),
        ("article", "JOUR", "@article"),
        ("media", "ELEC", "@misc"),
    ],
)
def test_citation_types_follow_the_publication_type(kind, ris_type, bib_type):
    publication = PublicationFactory(type=kind, external_url="https://news.test/a")
    ris = ris_entry(publication, url="https://x.test/p/")
    assert ris.startswith(f"TY  - {ris_type}\r\n") and ris.endswith("ER  - \r\n")
    assert bibtex_entry(publication, url="https://x.test/p/").startswith(bib_type + "{")


def test_cite_urls_answer_with_the_right_content_types(client):
    PublicationFactory(slug="one")
    bib = client.get("/publications/one/cite.bib")
    assert bib.status_code == 200 and bib["Content-Type"].startswith("application/x-bibtex")
    ris = client.get(reverse("publications:cite_ris", args=["one"]))
    assert ris["Content-Type"].startswith("application/x-research-info-systems")
    assert "TY  - RPRT" in ris.content.decode()
