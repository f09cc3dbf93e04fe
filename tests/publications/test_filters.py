from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.urls import reverse

from publications.filters import MAX_VALUES, PublicationFilterSet
from publications.models import Publication

pytestmark = pytest.mark.django_db


def slugs(query):
    filterset = PublicationFilterSet(
        QueryDict(query), queryset=Publication.objects.published().for_listing()
    )
    return {p.slug for p in filterset.qs}


def test_parent_region_includes_descendants(hand_counted):
    assert slugs("region=asia") == {"p1", "p2", "p3", "p5"}


def test_several_values_of_one_parameter_are_or(hand_counted):
    assert slugs("region=japan&region=france") == {"p1", "p3", "p4"}
    assert slugs("region=japan,france") == {"p1", "p3", "p4"}


def test_different_parameters_are_and(hand_counted):
    # security includes nuclear: p2 (korea, nuclear) and p5 (asia, nuclear) count.
    assert slugs("region=asia&theme=security") == {"p1", "p2", "p5"}
    assert slugs("region=asia&theme=security&type=book") == {"p5"}


def test_center_includes_its_programs(hand_counted):
    assert slugs("center=asia-center") == {"p1", "p2"}
    assert slugs("center=japan-program") == {"p2"}


def test_author_language_series_and_years(hand_counted):
    assert slugs("author=pierre-martin") == {"p2", "p3"}
    assert slugs("language=fr") == {"p3", "p5"}
    assert slugs("year_from=2021") == {"p2", "p3", "p5"}
    assert slugs("year_from=2020&year_to=2021") == {"p1", "p2", "p5"}


def test_unpublished_never_match(hand_counted):
    # The draft is tagged exactly like p1: only p1 comes back.
    assert slugs("region=japan&theme=security&author=jane-doe") == {"p1"}


def test_unknown_slug_is_ignored_and_reported(hand_counted):
    filterset = PublicationFilterSet(
        QueryDict("region=japan&region=atlantis&theme=nope&year_from=xyz"),
        queryset=Publication.objects.published(),
    )
    assert {p.slug for p in filterset.qs} == {"p1", "p3"}
    messages = " ".join(filterset.ignored_messages())
    assert "atlantis" in messages and "nope" in messages and "From year" in messages
    assert set(filterset.errors) == {"region", "theme", "year_from"}


def test_sort_orders(hand_counted):
    def order(query):
        return [
            p.slug
            for p in PublicationFilterSet(
                QueryDict(query), queryset=Publication.objects.published()
            ).qs
        ]

    assert order("") == ["p3", "p5", "p2", "p1", "p4"]
    assert order("sort=oldest")[0] == "p4"
    assert order("sort=relevance") == order("")  # no q: newest


def test_punctuation_only_query_is_ignored_with_a_message(hand_counted):
    filterset = PublicationFilterSet(
        QueryDict("q=%21%3F%26"), queryset=Publication.objects.published()
    )
    assert len(filterset.qs) == 5
    assert filterset.ignored_messages()


def test_more_values_than_allowed_are_an_error_of_the_parameter_not_a_silent_cut(
    hand_counted, client
):
    regions = [f"z{number}" for number in range(MAX_VALUES)] + ["japan"]
    filterset = PublicationFilterSet(
        QueryDict(urlencode({"region": regions}, doseq=True)),
        queryset=Publication.objects.published(),
    )
    assert "region" in filterset.errors
    assert any("At most 20 values." in message for message in filterset.ignored_messages())
    response = client.get(reverse("api:publication-list"), {"region": regions})
    assert response.status_code == 400 and "region" in response.json()


def test_a_search_with_no_word_left_makes_no_chip_and_no_link(hand_counted):
    filterset = PublicationFilterSet(
        QueryDict("q=%01%02%1b&region=japan"), queryset=Publication.objects.published()
    )
    assert [chip["param"] for chip in filterset.chips()] == ["region"]
    assert filterset.query_string() == "?region=japan"
    assert filterset.ignored_messages()  # said once, as ignored
