"""The publication list shows one entry per work (an original and its translations), in the
page's language when the work has it among the results, with its other languages as links; the
total and the facet counts count those entries. Exports keep every version."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from publications.models import PublicationAuthor
from tests.factories import AuthorFactory, PublicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def work():
    original = PublicationFactory(
        slug="arctic-en", title="Arctic shipping lanes", language="en", body="Icebreakers."
    )
    french = PublicationFactory(
        slug="arctic-fr",
        title="Les routes maritimes de l'Arctique",
        language="fr",
        translation_of=original,
        body="Brise-glaces et pergélisol.",
    )
    other = PublicationFactory(slug="other", title="Baltic ports", language="en")
    return original, french, other


def entries(response):
    """Slugs of the result cards, in order."""
    html = response.content.decode()
    results = html[html.index('class="results"') :]
    return re.findall(r'<h3><a href="/(?:fr/)?publications/([\w-]+)/"', results)


def result_count(response):
    html = response.content.decode()
    return re.search(r'class="result-count"[^>]*>([^<]*)<', html).group(1).strip()


def test_english_page_shows_the_english_version_once_with_a_link_to_the_french(client, work):
    response = client.get(reverse("publications:list"))
    assert entries(response) == ["other", "arctic-en"]
    html = response.content.decode()
    link = '<a href="/fr/publications/arctic-fr/" hreflang="fr" lang="fr">Français</a>'
    assert f"Also in: {link}" in html
    assert result_count(response) == "2 publications"


def test_french_page_shows_the_french_version(client, work):
    response = client.get("/fr/publications/")
    assert entries(response) == ["other", "arctic-fr"]
    assert 'href="/publications/arctic-en/" hreflang="en" lang="en">English</a>' in (
        response.content.decode()
    )


def test_the_version_that_matches_is_shown_when_the_other_does_not(client, work):
    # Only the French body says "pergélisol": the English page shows the French version.
    assert entries(client.get(reverse("publications:list"), {"q": "pergelisol"})) == ["arctic-fr"]
    # Asking for English on the French page shows the English version.
    assert entries(client.get("/fr/publications/", {"language": "en"})) == ["other", "arctic-en"]


def test_facet_counts_and_total_count_works(client, work):
    response = client.get(reverse("publications:list"))
    facets = response.context["view"].facets
    assert facets.total == 2
    assert facets["language"] == {"en": 2, "fr": 1}
    assert sum(facets["type"].values()) == 2


def test_exports_keep_every_version(client, work):
    response = client.get(reverse("publications:export_csv"))
    csv = b"".join(response.streaming_content).decode()
    assert "Arctic shipping lanes" in csv and "Les routes maritimes de l'Arctique" in csv


def test_search_page_queries_stay_constant_with_translations(client, work):
    def count(url, params):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, params).status_code == 200
        return len(queries)

    for _ in range(12):
        PublicationFactory(title="Glaciers report", body="Glaciers melt.")
    urls = [(reverse("publications:list"), {"q": "glaciers"}), ("/fr/publications/", {})]
    before = [count(url, params) for url, params in urls]
    for _ in range(20):
        original = PublicationFactory(title="Glaciers study", language="en")
        PublicationFactory(title="Glaciers étude", language="fr", translation_of=original)
    assert [count(url, params) for url, params in urls] == before
    assert max(before) <= 12


def test_home_and_expert_pages_show_one_entry_per_work_in_the_page_language(client, work):
    """The home page's lists (featured, latest) and an expert's publications are lists too: the
    French home shows the French version of a work, the English home the English one, never
    both, also when only the original is marked as featured."""
    original, french, _other = work
    # Featured as one version only: a work is featured in every language.
    original.featured = True
    original.save(update_fields=["featured"])
    expert = AuthorFactory(slug="expert-of-both")
    for version in (original, french):
        PublicationAuthor.objects.create(publication=version, author=expert, position=0)

    # Before any request: a /fr/ page leaves French active in this thread, and reverse() with it.
    expert_url = reverse("publications:expert_detail", kwargs={"slug": "expert-of-both"})

    def linked(url):
        html = client.get(url).content.decode()
        return set(re.findall(r'<h3><a href="/(?:fr/)?publications/(arctic-\w+)/"', html))

    assert linked("/") == {"arctic-en"}
    assert linked("/fr/") == {"arctic-fr"}
    assert linked(expert_url) == {"arctic-en"}
    assert linked(f"/fr{expert_url}") == {"arctic-fr"}
