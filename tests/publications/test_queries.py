"""Query budgets: list-like pages cost the same with 1 and with 50 publications."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AuthorFactory, PublicationFactory, RegionFactory, SeriesFactory

pytestmark = pytest.mark.django_db


def make_publications(count):
    series = SeriesFactory()
    region = RegionFactory(slug="asia")
    for _ in range(count):
        PublicationFactory(
            series=series, authors=[AuthorFactory(), AuthorFactory()], regions=[region]
        )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/publications/", "/publications/?region=asia", "/"])
def test_list_query_count_does_not_grow_with_the_number_of_items(client, url):
    make_publications(1)
    with_one = count_queries(client, url)
    make_publications(49)
    with_fifty = count_queries(client, url)
    assert with_fifty == with_one
    assert with_one <= 12


def test_for_listing_leaves_the_body_out():
    make_publications(1)
    from publications.models import Publication

    publication = Publication.objects.for_listing().get()
    assert "body" in publication.get_deferred_fields()


def test_for_detail_keeps_the_body_and_leaves_the_other_long_columns_out():
    make_publications(1)
    from publications.models import Publication

    deferred = Publication.objects.for_detail().get().get_deferred_fields()
    assert "body" not in deferred
    assert {"pdf_text", "search_vector", "search_rank_vector"} <= deferred


def test_detail_query_count_does_not_grow_with_the_number_of_authors(client):
    one = PublicationFactory(authors=[AuthorFactory()])
    several = PublicationFactory(authors=[AuthorFactory() for _ in range(5)])
    with_one = count_queries(client, one.get_absolute_url())
    assert count_queries(client, several.get_absolute_url()) == with_one
