"""The public pages: content, filters as chips, pagination, redirects, error pages, budgets."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from publications.models import Publication, SlugRedirect
from tests.factories import PublicationFactory

from .conftest import make_many

pytestmark = pytest.mark.django_db


class Collector(HTMLParser):
    """Collects element ids and the attributes of every <a>."""

    def __init__(self):
        super().__init__()
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a":
            self.links.append(attrs)


def parse(response):
    collector = Collector()
    collector.feed(response.content.decode())
    return collector


DETAIL_IDS = {
    "summary",
    "available-in",
    "regions-themes",
    "identifiers",
    "share",
    "download",
    "authors",
    "related-centers",
    "related-analyses",
}


def test_detail_has_every_section_of_the_contract(client, analysis):
    response = client.get(analysis.get_absolute_url())
    assert response.status_code == 200
    assert parse(response).ids >= DETAIL_IDS


def test_detail_download_shows_size_pages_and_summary_only_notice(client, analysis):
    response = client.get(analysis.get_absolute_url())
    html = response.content.decode()
    download = html.split('id="download"', 1)[1].split("</section>", 1)[0]
    assert analysis.get_pdf_url() in download
    # The contract's "with file size and page count", e.g. "PDF · 3.1 KB · 28 pages".
    size = filesizeformat(analysis.pdf.size)
    assert f"PDF · {size} · 28 pages" in download
    assert "This page shows the summary only" in html


def test_detail_download_without_uploaded_pdf_still_links_the_generated_pdf(client, catalogue):
    publication = PublicationFactory(slug="no-pdf", body="")
    html = client.get(publication.get_absolute_url()).content.decode()
    assert publication.get_pdf_url() in html


def test_detail_of_missing_pdf_file_does_not_fail(client, analysis):
    analysis.pdf.storage.delete(analysis.pdf.name)
    assert client.get(analysis.get_absolute_url()).status_code == 200


def test_media_item_links_out_to_its_source_instead_of_a_pdf(client, catalogue):
    media = PublicationFactory(
        slug="op-ed",
        type=Publication.Type.MEDIA,
        source="The Daily Planet",
        external_url="https://example.org/op-ed?id=1&x=2",
    )
    response = client.get(media.get_absolute_url())
    html = response.content.decode()
    assert "The Daily Planet" in html
    assert media.get_pdf_url() not in html
    hrefs = [link.get("href") for link in parse(response).links]
    assert "https://example.org/op-ed?id=1&x=2" in hrefs


def test_detail_links_regions_themes_centers_authors_and_versions(client, analysis, catalogue):
    french = PublicationFactory(
        slug="securite-japon", language="fr", translation_of=analysis, title="Sécurité du Japon"
    )
    hrefs = {link.get("href") for link in parse(client.get(analysis.get_absolute_url())).links}
    for expected in (
        catalogue["japan"].get_absolute_url(),
        catalogue["security"].get_absolute_url(),
        catalogue["program"].get_absolute_url(),
        catalogue["jane"].get_absolute_url(),
        "/fr" + french.get_absolute_url(),  # the French version, in the French interface
        reverse("centers:list"),
        reverse("publications:list"),
    ):
        assert expected in hrefs


def test_share_links_are_url_encoded_server_side(client, catalogue):
    publication = PublicationFactory(slug="share-me", title='War & Peace: "why" now?')
    response = client.get(publication.get_absolute_url())
    links = {link.get("data-share"): link["href"] for link in parse(response).links}
    page_url = "http://testserver/publications/share-me/"
    x = parse_qs(urlsplit(links["x"]).query)
    assert x == {"url": [page_url], "text": ['War & Peace: "why" now?']}
    assert parse_qs(urlsplit(links["linkedin"]).query) == {"url": [page_url]}
    assert parse_qs(urlsplit(links["facebook"]).query) == {"u": [page_url]}
    mail = urlsplit(links["email"])
    assert mail.scheme == "mailto"
    assert "%26" in mail.query and "+" not in mail.query  # & encoded, spaces as %20
    assert parse_qs(mail.query)["subject"] == ['War & Peace: "why" now?']


def test_old_slug_redirects_permanently_to_the_current_url(client, analysis):
    SlugRedirect.objects.create(old_slug="old-japan", publication=analysis)
    response = client.get(reverse("publications:detail", kwargs={"slug": "old-japan"}))
    assert response.status_code == 301
    assert response["Location"] == analysis.get_absolute_url()


def test_old_slug_of_unpublished_publication_is_404(client, catalogue):
    draft = PublicationFactory(status=Publication.Status.DRAFT)
    SlugRedirect.objects.create(old_slug="old-draft", publication=draft)
    response = client.get(reverse("publications:detail", kwargs={"slug": "old-draft"}))
    assert response.status_code == 404


def test_unpublished_detail_is_404_in_the_site_layout(client, catalogue):
    draft = PublicationFactory(status=Publication.Status.DRAFT)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find this page" in html
    assert 'role="search"' in html


def test_server_error_page_uses_the_layout_without_a_database(client, settings):
    from thinktank.views import server_error

    response = server_error(None)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in html
    assert settings.INSTITUTE_NAME in html


# --- List --------------------------------------------------------------------------------


def test_list_filter_by_parent_region_includes_children_and_shows_chips(client, catalogue):
    tagged = PublicationFactory(title="On Japan", regions=[catalogue["japan"]])
    PublicationFactory(title="On nothing")
    response = client.get(reverse("publications:list"), {"region": "asia", "type": "analysis"})
    assert list(response.context["publications"]) == [tagged]
    assert response.context["paginator"].count == 1
    chips = {chip["param"]: chip for chip in response.context["chips"]}
    assert chips["region"]["value"] == "Asia"
    # Removing the region chip keeps the type filter.
    assert parse_qs(urlsplit(chips["region"]["url"]).query) == {"type": ["analysis"]}


def test_list_with_unknown_and_malformed_values_never_fails(client, catalogue):
    response = client.get(
        reverse("publications:list"), {"region": "atlantis", "year_from": "abc", "page": "zz"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "No publication matches" in html
    assert "atlantis" in html  # named in the notice of what was ignored


def test_pagination_links_keep_the_filters(client, catalogue):
    make_many(catalogue, 45)
    response = client.get(reverse("publications:list"), {"region": "asia", "page": "2"})
    pages = response.context["pages"]
    for url in (pages["previous"], pages["next"]):
        query = parse_qs(urlsplit(url).query)
        assert query["region"] == ["asia"]
    assert parse_qs(urlsplit(pages["next"]).query)["page"] == ["3"]
    assert "page" not in parse_qs(urlsplit(pages["previous"]).query)  # page 1 has no number


def test_list_sidebar_includes_facets(client, analysis):
    response = client.get(reverse("publications:list"))
    regions = {o.value: o.count for o in response.context["options"]["region"]}
    assert regions == {"asia": 1, "japan": 1}
    content = response.content.decode()
    # Each option of the filter form shows its count.
    japan = '<span class="option-label">Japan</span> <span class="facet-count">'
    assert japan in content


# --- Other pages ----------------------------------------------------------------------------


def test_region_landing_lists_descendant_publications_children_and_experts(client, analysis):
    response = client.get(reverse("taxonomy:region_detail", kwargs={"slug": "asia"}))
    assert response.status_code == 200
    assert list(response.context["publications"]) == [analysis]
    assert {e.slug for e in response.context["experts"]} == {"jane-doe", "john-roe"}
    assert [c.slug for c in response.context["children"]] == ["japan"]


def test_region_and_theme_indexes_list_the_trees(client, catalogue):
    html = client.get(reverse("taxonomy:region_list")).content.decode()
    assert "Asia" in html and "Japan" in html
    html = client.get(reverse("taxonomy:theme_list")).content.decode()
    assert "Security" in html


def test_expert_page_shows_regions_and_themes_covered(client, analysis, catalogue):
    response = client.get(catalogue["jane"].get_absolute_url())
    assert [r.slug for r in response.context["regions"]] == ["japan"]
    assert [t.slug for t in response.context["themes"]] == ["security"]
    assert list(response.context["publications"]) == [analysis]


def test_expert_list_is_grouped_a_to_z(client, catalogue):
    html = client.get(reverse("publications:expert_list")).content.decode()
    assert 'href="#letter-1"' in html
    assert html.index("Jane Doe") > html.index('id="letter-1"')


def test_center_page_lists_programs_team_and_publications(client, analysis, catalogue):
    response = client.get(catalogue["center"].get_absolute_url())
    assert [p.slug for p in response.context["programs"]] == ["indo-pacific"]
    assert [a.slug for a in response.context["team"]] == ["jane-doe"]
    assert list(response.context["publications"]) == [analysis]  # via its program


def test_home_shows_latest_and_centers(client, analysis, catalogue):
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert analysis.title in html
    assert catalogue["center"].name in html
    assert 'role="search"' in html


def test_french_interface_serves_the_same_paths(client, analysis):
    response = client.get("/fr" + analysis.get_absolute_url())
    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()


# --- Query budgets -----------------------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def budget_urls(catalogue):
    return [
        reverse("home"),
        reverse("publications:list"),
        reverse("publications:list") + "?region=asia&theme=security&type=analysis&author=jane-doe",
        catalogue["center"].get_absolute_url(),
        catalogue["jane"].get_absolute_url(),
        catalogue["asia"].get_absolute_url(),
        catalogue["security"].get_absolute_url(),
        reverse("publications:expert_list"),
        reverse("centers:list"),
        reverse("taxonomy:region_list"),
        reverse("publications:feed") + "?region=asia",
    ]


def test_pages_cost_the_same_queries_with_1_and_50_items(client, catalogue):
    make_many(catalogue, 1)
    with_one = {url: count_queries(client, url) for url in budget_urls(catalogue)}
    make_many(catalogue, 49)
    with_fifty = {url: count_queries(client, url) for url in budget_urls(catalogue)}
    assert with_fifty == with_one
    assert max(with_one.values()) <= 12, with_one


def test_detail_costs_the_same_queries_with_1_and_50_related_items(client, analysis, catalogue):
    url = analysis.get_absolute_url()
    make_many(catalogue, 1)
    with_one = count_queries(client, url)
    make_many(catalogue, 49)
    assert count_queries(client, url) == with_one <= 12
