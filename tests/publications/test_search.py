import pytest
from django.http import QueryDict
from django.urls import reverse

from publications.filters import PublicationFilterSet
from publications.models import Author, Publication
from publications.search import (
    clean_query,
    safe_headline,
    search_index_refresh,
    search_index_refresh_for_authors,
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
    search_index_refresh_for_authors(author_ids=[author.pk])
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
