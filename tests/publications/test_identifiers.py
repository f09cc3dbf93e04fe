"""Identifiers in their official form at every output: the ISBN hyphenated by the registration
group and registrant ranges of ISBN International (python-stdnum's table), the ISSN as
NNNN-NNNC, a DOI link percent-encoded, an ORCID iD as orcid.org writes it, whatever form staff
or an import typed them in."""

import csv
import io
import json
import re

import pytest
from django.core.exceptions import ValidationError
from stdnum import isbn as stdnum_isbn

from publications.models import Author
from publications.validators import (
    doi_url,
    hyphenate_isbn,
    normalize_orcid,
    validate_isbn,
    validate_orcid,
)
from tests.factories import AuthorFactory, PublicationFactory, SeriesFactory
from tests.publications.interchange.documents import run_export

pytestmark = pytest.mark.django_db

# (as typed, official form); each registrant length is checked against RangeMessage's ranges
# in the comment (group: registrant range -> digits).
ISBNS = [
    ("9798650712343", "979-8-6507-1234-3"),  # 979-8 (US): 3500-8849 -> 4
    ("979 8 2401 2345 0", "979-8-2401-2345-0"),  # 979-8: 2400-2599 -> 4
    ("979-88-8512-345-7", "979-8-88512-345-7"),  # 979-8: 88500-89999 -> 5 (hyphens misplaced)
    ("9788437604947", "978-84-376-0494-7"),  # 978-84 (Spain): 200-699 -> 3
    ("978-8415-12345-3", "978-84-15123-45-3"),  # 978-84: 15000-19999 -> 5
    ("9788804492566", "978-88-04-49256-6"),  # 978-88 (Italy): 00-19 -> 2
    ("978 88 6123 4567", "978-88-6123-456-7"),  # 978-88: 6000-8499 -> 4
    ("9791155810002", "979-11-5581-000-2"),  # 979-11 (Korea): 5500-8499 -> 4
    ("9791102123452", "979-11-02-12345-2"),  # 979-11: 00-23 -> 2
    ("843760494x", "84-376-0494-X"),  # an ISBN-10 stays an ISBN-10, check character upper
]


@pytest.mark.parametrize(("typed", "official"), ISBNS)
def test_isbns_of_every_group_are_hyphenated_by_the_official_ranges(typed, official):
    validate_isbn(typed)
    assert hyphenate_isbn(typed) == official
    assert stdnum_isbn.is_valid(official)


def test_the_range_table_is_recent_enough_for_979_8():
    # 979-8 opened in 2020; an older table leaves such ISBNs unsplit.
    assert stdnum_isbn.split("9798650712343") == ("979", "8", "6507", "1234", "3")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"),
        ("http://www.orcid.org/0000-0002-1694-233X", "0000-0002-1694-233X"),
        ("000000021694233x", "0000-0002-1694-233X"),
        (" 0000 0002 1825 0097 ", "0000-0002-1825-0097"),
    ],
)
def test_orcid_ids_are_accepted_as_people_paste_them_and_stored_as_orcid_writes_them(typed, stored):
    validate_orcid(typed)
    assert normalize_orcid(typed) == stored
    author = AuthorFactory(orcid=typed)
    assert Author.objects.get(pk=author.pk).orcid == stored


@pytest.mark.parametrize("typed", ["https://orcid.org/0000-0002-1825-0098", "orcid 12345"])
def test_a_wrong_orcid_is_refused_whatever_its_form(typed):
    with pytest.raises(ValidationError):
        validate_orcid(typed)


@pytest.mark.parametrize(
    ("doi", "url"),
    [
        ("10.1000/182", "https://doi.org/10.1000/182"),
        (
            "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0",
            "https://doi.org/10.1002/%28SICI%291097-4571%28199806%2949%3A8%3C693%3A%3A"
            "AID-ASI4%3E3.0.CO%3B2-0",
        ),
        ("10.1234/a#b?c%d", "https://doi.org/10.1234/a%23b%3Fc%25d"),
    ],
)
def test_doi_links_are_percent_encoded(doi, url):
    assert doi_url(doi) == url


# --- Every output -----------------------------------------------------------------------------

DOI = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0"


@pytest.fixture
def identified(catalogue):
    author = AuthorFactory(
        slug="ana", name="Ana Ruiz", orcid="https://orcid.org/0000-0002-1825-0097"
    )
    series = SeriesFactory(slug="notes", name="Notes", issn="2049-3630")
    publications = {}
    for slug, typed in (
        ("spanish", "9788437604947"),
        ("italian", "9788804492566"),
        ("korean", "9791155810002"),
        ("american", "9798650712343"),
    ):
        publications[slug] = PublicationFactory(
            slug=slug, isbn=typed, doi=DOI, series=series, authors=[author]
        )
    return publications


OFFICIAL = {
    "spanish": "978-84-376-0494-7",
    "italian": "978-88-04-49256-6",
    "korean": "979-11-5581-000-2",
    "american": "979-8-6507-1234-3",
}


@pytest.mark.parametrize("slug", list(OFFICIAL))
def test_the_page_shows_the_official_forms(client, identified, slug):
    html = client.get(f"/publications/{slug}/").content.decode()
    identifiers = html[html.index('id="identifiers"') :][:2000]
    assert f"<dd>{OFFICIAL[slug]}</dd>" in identifiers
    assert "<dd>2049-3630</dd>" in identifiers
    assert f'href="{doi_url(DOI)}"' in identifiers
    assert f'<meta name="citation_isbn" content="{OFFICIAL[slug]}">' in html
    ld = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert (ld["isbn"], ld["sameAs"]) == (OFFICIAL[slug], doi_url(DOI))


@pytest.mark.parametrize("slug", list(OFFICIAL))
def test_citations_carry_the_official_forms(client, identified, slug):
    bib = client.get(f"/publications/{slug}/cite.bib").content.decode()
    assert f"isbn = {{{OFFICIAL[slug]}}}" in bib
    assert "issn = {2049-3630}" in bib
    ris = client.get(f"/publications/{slug}/cite.ris").content.decode()
    assert f"SN  - {OFFICIAL[slug]}" in ris
    assert "SN  - 2049-3630" in ris
    assert f"DO  - {DOI}" in ris


def test_the_api_carries_the_official_forms(client, identified):
    for slug, official in OFFICIAL.items():
        assert client.get(f"/api/v1/publications/{slug}/").json()["isbn"] == official
    listed = {
        row["slug"]: row["isbn"] for row in client.get("/api/v1/publications/").json()["results"]
    }
    assert listed == OFFICIAL
    expert = client.get("/api/v1/experts/ana/").json()
    assert expert["orcid"] == "0000-0002-1825-0097"


def test_list_exports_carry_the_official_forms(client, identified):
    answer = client.get("/publications/export.csv")
    text = b"".join(answer.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row[next(k for k in row if k.lower() == "isbn")] for row in rows} == set(
        OFFICIAL.values()
    )
    bib = b"".join(client.get("/publications/export.bib").streaming_content).decode()
    assert all(f"isbn = {{{official}}}" in bib for official in OFFICIAL.values())


def test_the_json_export_writes_the_official_forms(identified):
    document = json.loads(run_export())
    assert {p["slug"]: p["isbn"] for p in document["publications"]} == OFFICIAL
    assert {s["slug"]: s["issn"] for s in document["series"]}["notes"] == "2049-3630"
    assert document["authors"][0]["orcid"] == "0000-0002-1825-0097"


def test_the_expert_page_links_the_orcid_uri(client, identified):
    html = client.get("/experts/ana/").content.decode()
    assert '<a href="https://orcid.org/0000-0002-1825-0097"' in html
