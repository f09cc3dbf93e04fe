import pytest
from django.contrib.postgres.search import SearchRank
from django.db.models import F, FloatField, Func, Value
from django.db.models.functions import Cast, Coalesce
from django.http import QueryDict
from django.urls import reverse

from publications.filters import PublicationFilterSet
from publications.models import Author, Publication
from publications.search import (
    clean_query,
    filter_search,
    safe_headline,
    search_index_refresh,
    search_query,
)
from tests.factories import AuthorFactory, PublicationFactory

pytestmark = pytest.mark.django_db


def search(text):
    filterset = PublicationFilterSet(
        QueryDict(mutable=True) | {"q": text}, queryset=Publication.objects.published()
    )
    return [p.slug for p in filterset.qs]


def test_clean_query_removes_control_characters_and_bounds_length():
    assert clean_query("a\x00b") == "ab"
    assert clean_query("!?&*") == ""
    assert len(clean_query("x" * 10_000)) == 200


def test_headline_escapes_everything_but_the_highlight():
    html = safe_headline("<script>alert(1)</script> \x02word\x03 & more")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "<mark>word</mark>" in html and "&amp;" in html


def test_sqlite_fallback_finds_title_summary_and_author(settings):
    jane = AuthorFactory(name="Jane Doe", slug="jane")
    PublicationFactory(slug="by-title", title="Maritime security in Asia")
    PublicationFactory(slug="by-summary", summary="On maritime affairs")
    PublicationFactory(slug="by-author", title="Other", authors=[jane])
    PublicationFactory(slug="draft", title="Maritime", status=Publication.Status.DRAFT)
    search_index_refresh()
    assert set(search("maritime")) == {"by-title", "by-summary"}
    assert search("Jane Doe") == ["by-author"]


@pytest.mark.postgres
def test_title_match_ranks_above_body_match():
    # The body match is newer: ranking must still put the title match first.
    PublicationFactory(
        slug="body", title="Economic outlook", body="Deterrence " * 3, published_on="2024-01-01"
    )
    PublicationFactory(
        slug="title",
        title="Nuclear deterrence today",
        body="Nothing here.",
        published_on="2020-01-01",
    )
    search_index_refresh()
    assert search("deterrence") == ["title", "body"]


def reference_order(text):
    """The relevance order written plainly: every match ranked by its title/summary/authors
    vector (0 when they lack the words), times recency. The shortcut of `order_by_relevance`
    (only rank the matches whose rank vector matches) must give exactly this order."""
    rank = Coalesce(
        SearchRank(F("search_rank_vector"), search_query(text), weights=[0.1, 0.2, 0.4, 1.0]),
        Value(0.0),
    )
    age = Func(F("published_on"), template="(CURRENT_DATE - %(expressions)s)")
    recency = Value(1.0) / (Value(1.0) + Cast(age, FloatField()) / Value(1825.0))
    matches = filter_search(Publication.objects.published(), text)
    ranked = matches.annotate(score=(Value(0.01) + rank) * recency)
    return list(ranked.order_by("-score", "-published_on", "-pk").values_list("slug", flat=True))


@pytest.mark.postgres
@pytest.mark.parametrize(
    "text",
    [
        "deterrence",
        "nuclear deterrence",
        '"nuclear deterrence"',
        "deterrence -baltic",
        "baltic or nuclear",
        "U.S. deterrence",
        "cyber-security deterrence",
    ],
)
def test_relevance_order_is_the_plain_rank_formula(text):
    author = AuthorFactory(name="Dana Deterrence", slug="dana")
    for i, (title, summary, body) in enumerate(
        [
            ("Nuclear deterrence today", "", ""),
            ("Deterrence in the Baltic", "Nuclear questions.", ""),
            ("Economic outlook", "Why deterrence fails.", "Nuclear."),
            ("Ports", "", "Deterrence and nuclear posture. " * 5),
            ("Grain", "", "Deterrence once."),
            ("Fisheries", "Nuclear deterrence at sea.", "Deterrence " * 20),
            ("Energy", "", "Nothing here."),
            ("U.S. alliances", "", "Deterrence matters."),
            ("Cyber-security", "", "Deterrence online."),
            ("Networks", "Security first.", "Cyber-security and deterrence."),
        ]
    ):
        PublicationFactory(
            slug=f"p{i}",
            title=title,
            summary=summary,
            body=body,
            published_on=f"20{10 + i}-0{1 + i % 9}-01",
        )
    PublicationFactory(slug="by-author", title="Alliances", authors=[author])
    search_index_refresh()
    expected = reference_order(text)
    assert len(expected) >= 2
    assert search(text) == expected


@pytest.mark.postgres
def test_a_query_of_operators_only_answers(client):
    PublicationFactory(slug="p", title="Or else")
    search_index_refresh()
    response = client.get(reverse("publications:list"), {"q": "or"})
    assert response.status_code == 200


@pytest.mark.postgres
def test_misspelled_title_is_found_beside_full_text_matches():
    PublicationFactory(slug="typo", title="Deterrence in the Baltic", body="Ships.")
    PublicationFactory(slug="body", title="Economic outlook", body="Why deterence fails.")
    PublicationFactory(slug="other", title="Unrelated", body="Nothing.")
    search_index_refresh()
    assert set(search("deterence")) == {"typo", "body"}


@pytest.mark.postgres
def test_typo_tolerance_keeps_the_closest_titles(monkeypatch):
    # Bounded so that a word in most titles cannot flood the match condition.
    monkeypatch.setattr("publications.search.matching.MAX_SIMILAR_TITLES", 2)
    # Word similarity to "Kisinger": 0.89, 0.73, 0.64 (all above pg_trgm's 0.6 threshold).
    PublicationFactory(slug="farther", title="Kissingers on order", body="Ships.")
    PublicationFactory(slug="close", title="Kissinger on order", body="Ships.")
    PublicationFactory(slug="closest", title="Kisingerr on order", body="Ships.")
    search_index_refresh()
    assert set(search("Kisinger")) == {"closest", "close"}


@pytest.mark.postgres
def test_publication_saved_without_a_refresh_is_still_found():
    PublicationFactory(slug="indexed", title="Maritime security", body="Ships.")
    search_index_refresh()
    PublicationFactory(slug="fresh", title="Unrelated", body="A maritime corridor.")
    assert Publication.objects.get(slug="fresh").search_vector is None
    assert set(search("maritime")) == {"indexed", "fresh"}


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("stored", "query"),
    [("Kyōto", "Kyoto"), ("Kyoto", "Kyōto"), ("sécurité", "securite"), ("securite", "sécurité")],
)
def test_search_ignores_accents_both_ways(stored, query):
    PublicationFactory(slug="fr", title=f"La {stored} en Asie", language="fr")
    PublicationFactory(slug="en", title=f"Notes on {stored} today", language="en")
    PublicationFactory(slug="other", title="Unrelated")
    search_index_refresh()
    assert set(search(query)) == {"fr", "en"}


@pytest.mark.postgres
def test_misspelled_author_is_found_and_suggested(client):
    author = AuthorFactory(name="Henry Kissinger", slug="kissinger")
    PublicationFactory(slug="diplomacy", title="Diplomacy", authors=[author])
    PublicationFactory(slug="other", title="Unrelated")
    search_index_refresh()
    assert search("Kisinger") == ["diplomacy"]
    response = client.get(reverse("publications:list"), {"q": "Kisinger"})
    assert response.context["did_you_mean"]["text"] == "Henry Kissinger"


@pytest.mark.postgres
def test_author_rename_refreshes_their_publications():
    author = AuthorFactory(name="Jane Doe", slug="jane")
    PublicationFactory(slug="p", title="Anything", authors=[author])
    search_index_refresh()
    Author.objects.filter(pk=author.pk).update(name="Zelda Quarrington")
    # The rename emptied the vectors of the author's publications (a trigger): refresh them.
    assert Publication.objects.get(slug="p").search_vector is None
    assert search_index_refresh() == 1
    assert search("Quarrington") == ["p"]


@pytest.mark.postgres
def test_search_results_show_highlighted_snippets(client):
    PublicationFactory(slug="p", title="Energy", summary="The <b>grid</b>, R&D and energy storage.")
    search_index_refresh()
    response = client.get(reverse("publications:list"), {"q": "storage"})
    [publication] = response.context["publications"]
    assert "<mark>storage</mark>" in publication.search_headline
    assert "<b>" not in publication.search_headline
    assert "R&amp;D" in publication.search_headline


@pytest.mark.postgres
def test_search_page_query_count_is_constant(client, django_assert_max_num_queries):
    for i in range(30):
        PublicationFactory(slug=f"p{i}", title=f"Security study {i}")
    search_index_refresh()
    # facets, page, authors, headlines (did-you-mean only for thin results), each item's
    # language versions; the sidebar's four lists.
    with django_assert_max_num_queries(9):
        response = client.get(reverse("publications:list"), {"q": "security"})
    assert response.context["paginator"].count == 30
    assert response.context["filterset"].sort_value == "relevance"


def test_refresh_command_runs_on_any_database():
    from io import StringIO

    from django.core.management import call_command

    PublicationFactory(slug="a")
    out = StringIO()
    call_command("search_index_refresh", "--slug", "a", stdout=out)
    assert "refreshed" in out.getvalue()


@pytest.mark.postgres
def test_a_change_of_language_empties_the_vectors_until_the_refresh():
    # The text search configuration follows the language: the vectors must be made again.
    publication = PublicationFactory(slug="p", title="Les sécurités", language="fr")
    search_index_refresh()
    Publication.objects.filter(pk=publication.pk).update(language="en")
    publication.refresh_from_db()
    assert publication.search_vector is None
    assert search_index_refresh() == 1
