"""The list and detail pages wire in the analysts' tools: highlighted snippets, search notices,
facet counts in the filter form, export links that keep the filters, citation links."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tests.factories import PublicationFactory, RegionFactory

pytestmark = pytest.mark.django_db


def test_search_results_show_a_highlighted_snippet(client):
    PublicationFactory(title="Ports", summary="The Arctic <b>route</b> and its shipping lanes.")
    content = client.get(reverse("publications:list"), {"q": "arctic"}).content.decode()
    assert "<mark>Arctic</mark>" in content
    assert "<b>route</b>" not in content  # the summary's markup never becomes HTML


def test_ignored_input_is_explained_once(client):
    PublicationFactory()
    content = client.get(reverse("publications:list"), {"q": "!!!", "year_from": "abc"}).content
    content = content.decode()
    assert "notice-warning" in content
    assert "The search has no words to look for" in content
    assert "Some filters were not understood" not in content


def test_filter_form_options_show_their_facet_counts(client):
    asia = RegionFactory(slug="asia", name="Asia")
    PublicationFactory(regions=[asia])
    PublicationFactory(regions=[asia])
    response = client.get(reverse("publications:list"))
    assert [o.count for o in response.context["options"]["region"] if o.value == "asia"] == [2]
    assert '<span class="visually-hidden">(</span>2<span' in response.content.decode()


def test_export_links_keep_the_current_filters(client):
    asia = RegionFactory(slug="asia")
    PublicationFactory(regions=[asia])
    response = client.get(reverse("publications:list"), {"region": "asia", "page": "1"})
    content = response.content.decode()
    for name in ("export_csv", "export_bib", "export_ris", "export_pdf"):
        href = content.split(f'href="{reverse(f"publications:{name}")}', 1)[1].split('"', 1)[0]
        query = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
        assert query == {"region": ["asia"]}, name


def test_no_export_links_for_an_empty_result(client):
    content = client.get(reverse("publications:list"), {"q": "nothing-matches"}).content
    assert reverse("publications:export_csv").encode() not in content


def test_detail_page_offers_bibtex_and_ris_citations(client):
    publication = PublicationFactory(slug="cited")
    content = client.get(publication.get_absolute_url()).content.decode()
    assert 'id="cite"' in content
    for name in ("cite_bib", "cite_ris"):
        url = reverse(f"publications:{name}", kwargs={"slug": "cited"})
        assert f'href="{url}"' in content
        assert client.get(url).status_code == 200


def test_an_author_parameter_with_a_nul_byte_is_ignored(client):
    PublicationFactory()
    response = client.get(reverse("publications:list"), {"author": "a\x00b"})
    assert response.status_code == 200
