import pytest
from django.http import QueryDict
from django.urls import reverse

from publications import presenters
from publications.facets import facet_counts
from publications.filters import PublicationFilterSet
from publications.models import Publication

pytestmark = pytest.mark.django_db


def filterset(query):
    return PublicationFilterSet(QueryDict(query), queryset=Publication.objects.published())


def counts(query):
    facets = facet_counts(filterset(query))
    return facets.counts, facets


def test_facet_counts_without_filters_match_hand_counts(hand_counted):
    result, facets = counts("")
    # p3 is tagged Japan and Korea: it counts once for Asia.
    assert result["region"] == {"asia": 4, "japan": 2, "korea": 2, "europe": 1, "france": 1}
    assert result["theme"] == {"security": 4, "nuclear": 2, "economy": 1}
    assert result["center"] == {"asia-center": 2, "japan-program": 1, "europe-center": 1}
    assert result["type"] == {"analysis": 2, "report": 1, "briefing": 1, "book": 1}
    assert result["language"] == {"en": 3, "fr": 2}
    assert result["year"] == {"2022": 1, "2021": 2, "2020": 1, "2019": 1}
    assert facets.total == 5


def test_facets_are_disjunctive(hand_counted):
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


def test_year_facet_ignores_the_year_range(hand_counted):
    result, facets = counts("year_from=2021&year_to=2021")
    assert facets.total == 2
    assert result["year"] == {"2022": 1, "2021": 2, "2020": 1, "2019": 1}


def test_year_links_select_a_year_or_clear_the_selected_one_keeping_other_filters(hand_counted):
    fs = filterset("year_from=2021&year_to=2021&region=asia&page=3")
    links = {link.value: link for link in presenters.year_links(fs, facet_counts(fs))}
    assert list(links) == ["2022", "2021", "2020"]
    assert links["2021"].selected and links["2021"].url == "?region=asia"
    assert not links["2022"].selected
    assert links["2022"].url == "?region=asia&year_from=2022&year_to=2022"


def test_form_options_flag_the_selection_and_carry_disjunctive_counts(hand_counted):
    fs = filterset("region=japan&region=atlantis")
    options = presenters.filter_options(fs, facet_counts(fs))
    regions = {option.value: option for option in options["region"]}
    assert [value for value, option in regions.items() if option.selected] == ["japan"]
    # Disjunctive: Korea's count ignores the Japan selection.
    assert (regions["japan"].count, regions["korea"].count) == (2, 2)
    assert regions["japan"].depth == 1 and regions["asia"].depth == 0


def test_list_page_renders_facets_in_a_constant_number_of_queries(
    client, django_assert_max_num_queries, hand_counted
):
    url = reverse("publications:list")
    # region + theme resolution, one facet query, the page, its authors; the sidebar's
    # region/theme/center/series lists (reading-experience branch).
    with django_assert_max_num_queries(10):
        response = client.get(url, {"region": "asia", "theme": "security", "type": "book"})
    assert response.status_code == 200
    assert response.context["paginator"].count == 1
    # 9 on PostgreSQL: the facet counts of the whole catalogue take two statements (facets.py).
    with django_assert_max_num_queries(9):
        response = client.get(url)
    assert response.context["paginator"].count == 5
