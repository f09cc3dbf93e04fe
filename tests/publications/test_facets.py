import pytest
from django.http import QueryDict
from django.urls import reverse

from publications.facets import build_facets
from publications.filters import PublicationFilterSet
from publications.models import Publication
from tests.publications.catalogue import build_catalogue

pytestmark = pytest.mark.django_db


def counts(query):
    data = QueryDict(query)
    filterset = PublicationFilterSet(data, queryset=Publication.objects.published())
    facets = build_facets(filterset, data)
    return {g.name: {e.value: e.count for e in g.entries} for g in facets.groups}, facets


def test_facet_counts_without_filters_match_hand_counts():
    build_catalogue()
    result, facets = counts("")
    # p3 is tagged Japan and Korea: it counts once for Asia.
    assert result["region"] == {"asia": 4, "japan": 2, "korea": 2, "europe": 1, "france": 1}
    assert result["theme"] == {"security": 4, "nuclear": 2, "economy": 1}
    assert result["center"] == {"asia-center": 2, "japan-program": 1, "europe-center": 1}
    assert result["type"] == {"analysis": 2, "report": 1, "briefing": 1, "book": 1}
    assert result["language"] == {"en": 3, "fr": 2}
    assert result["year"] == {"2022": 1, "2021": 2, "2020": 1, "2019": 1}
    assert facets.total == 5


def test_facets_are_disjunctive():
    build_catalogue()
    result, facets = counts("region=japan&type=analysis")
    # The current result is p1 only.
    assert facets.total == 1
    # Region counts ignore the region selection (but apply type=analysis): p1, p4.
    assert result["region"] == {"asia": 1, "japan": 1, "europe": 1, "france": 1}
    # Type counts ignore the type selection (but apply region=japan): p1, p3.
    assert result["type"] == {"analysis": 1, "briefing": 1}
    # Other facets count the current result.
    assert result["theme"] == {"security": 1}
    assert result["language"] == {"en": 1}
    assert result["year"] == {"2020": 1}


def test_year_facet_ignores_the_year_range():
    build_catalogue()
    result, facets = counts("year_from=2021&year_to=2021")
    assert facets.total == 2
    assert result["year"] == {"2022": 1, "2021": 2, "2020": 1, "2019": 1}
    year = next(e for e in facets["year"].entries if e.value == "2021")
    assert year.selected and "year_from" not in year.url


def test_facet_links_toggle_their_value():
    build_catalogue()
    _result, facets = counts("region=japan&page=3")
    japan = next(e for e in facets["region"].entries if e.value == "japan")
    korea = next(e for e in facets["region"].entries if e.value == "korea")
    assert japan.selected and japan.url == "?"
    assert not korea.selected and korea.url == "?region=japan&region=korea"


def test_list_page_renders_facets_in_a_constant_number_of_queries(
    client, django_assert_max_num_queries
):
    build_catalogue()
    url = reverse("publications:list")
    # region + theme resolution, one facet query, the page, its authors; the sidebar's
    # region/theme/center/series lists (reading-experience branch).
    with django_assert_max_num_queries(10):
        response = client.get(url, {"region": "asia", "theme": "security", "type": "book"})
    assert response.status_code == 200
    assert response.context["facets"].total == 1
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert response.context["paginator"].count == 5
