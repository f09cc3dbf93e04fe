"""The series admin: pages, search, and how many publications each series holds."""

import pytest

from publications.models import Series
from tests.admin_forms import admin_pages, admin_url
from tests.factories import PublicationFactory, SeriesFactory

pytestmark = pytest.mark.django_db


def test_series_pages_answer(admin_client):
    series = SeriesFactory()
    for url in admin_pages(series):
        assert admin_client.get(url).status_code == 200, url


def test_search_finds_a_series_and_the_list_counts_its_publications(admin_client):
    asia = SeriesFactory(name="Asia Visions", slug="asia-visions")
    SeriesFactory(name="Europe Papers")
    PublicationFactory.create_batch(2, series=asia)
    response = admin_client.get(admin_url(Series, "changelist") + "?q=asia")
    [row] = response.context["cl"].result_list
    assert (row, row.num_publications) == (asia, 2)
    assert '<td class="field-publication_count">2</td>' in response.content.decode()
