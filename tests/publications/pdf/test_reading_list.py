"""The reading list `/publications/export.pdf`: the filtered publications, the filters named
in its header, the count in words, the cap, and a fixed number of queries."""

import pytest
from django.utils import formats, timezone

from publications.models import Publication
from publications.pdf import reading_list
from tests.factories import AuthorFactory, PublicationFactory, RegionFactory, ThemeFactory
from tests.pdf_documents import body, metadata, text

pytestmark = pytest.mark.django_db


def reading_list_of(client, query=""):
    response = client.get(f"/publications/export.pdf{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return body(response)


def compiled_today():
    return formats.date_format(timezone.localdate(), "j F Y")


def test_reading_list_holds_the_filtered_publications(client, settings):
    japan = RegionFactory(name="Japan", slug="japan")
    security = ThemeFactory(name="Security and defence", slug="security")
    author = AuthorFactory(name="Ayşe Şahin")
    PublicationFactory(
        title="Report on Japan",
        slug="report-on-japan",
        type=Publication.Type.REPORT,
        authors=[author],
        regions=[japan],
        themes=[security],
    )
    PublicationFactory(title="An analysis elsewhere", type=Publication.Type.ANALYSIS)
    PublicationFactory(
        title="A draft report", type=Publication.Type.REPORT, status=Publication.Status.DRAFT
    )
    data = reading_list_of(client, "?type=report")
    printed = text(data)
    assert "Report on Japan" in printed
    assert "Ayşe Şahin" in printed
    assert "Japan · Security and defence" in printed
    assert f"{settings.SITE_URL}/publications/report-on-japan/" in printed
    assert "An analysis elsewhere" not in printed
    assert "A draft report" not in printed
    assert f" 1 publication · compiled on {compiled_today()} " in printed
    assert "Type: Report" in printed
    meta = metadata(data)
    assert meta["Title"] == f"Reading list – {settings.INSTITUTE_NAME}"
    assert meta["Subject"] == "1 publication"


def test_reading_list_counts_in_the_plural_from_two(client):
    PublicationFactory()
    PublicationFactory()
    data = reading_list_of(client)
    assert f" 2 publications · compiled on {compiled_today()} " in text(data)
    assert metadata(data)["Subject"] == "2 publications"


def test_reading_list_header_names_the_filters_with_their_labels(client):
    RegionFactory(name="Japan", slug="japan")
    RegionFactory(name="Korea", slug="korea")
    printed = text(reading_list_of(client, "?region=japan&region=korea&year_from=2019&q=ports"))
    assert "Search: ports" in printed
    assert "Region: Japan, Korea" in printed
    assert "From year: 2019" in printed


def test_reading_list_links_to_the_list_with_its_filters_but_not_the_page(client, settings):
    printed = text(reading_list_of(client, "?type=report&page=2"))
    assert f"{settings.SITE_URL}/publications/?type=report 1" in printed  # the foot, page 1


def test_reading_list_with_malformed_filters_applies_the_valid_part(client):
    PublicationFactory(title="Still listed")
    printed = text(reading_list_of(client, "?year_from=abc&region=nowhere"))
    assert "Still listed" in printed
    assert "nowhere" not in printed


def test_reading_list_says_when_nothing_matches(client):
    printed = text(reading_list_of(client, "?type=book"))
    assert "No publication matches these filters." in printed


def test_reading_list_is_capped_with_a_note(client, monkeypatch):
    monkeypatch.setattr(reading_list, "READING_LIST_CAP", 3)
    for n in range(5):
        PublicationFactory(title=f"Capped item {n}")
    printed = text(reading_list_of(client))
    assert printed.count("Capped item") == 3
    assert "Only the first 3 of 5 publications are listed" in printed


def test_reading_list_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    region = RegionFactory()
    for _n in range(30):
        PublicationFactory(authors=[AuthorFactory()], regions=[region])
    # count, publications, authors, regions, themes (one chunk)
    with django_assert_max_num_queries(6):
        reading_list_of(client)
