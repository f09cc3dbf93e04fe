"""A publication's page: the contract's sections, the download box, links, old slugs, 404."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.template.defaultfilters import filesizeformat
from django.urls import reverse

from publications.models import Publication
from tests.factories import PublicationFactory
from thinktank.models import OldSlug

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
    # One way out to the source, not two.
    assert hrefs.count("https://example.org/op-ed?id=1&x=2") == 1


@pytest.mark.parametrize(
    ("kind", "label"),
    [("interview", "Interview"), ("op-ed", "Op-ed"), ("podcast", "Podcast"), ("video", "Video")],
)
def test_media_item_is_labelled_by_its_kind_in_page_and_lists(client, catalogue, kind, label):
    media = PublicationFactory(
        slug="on-air",
        type=Publication.Type.MEDIA,
        media_kind=kind,
        source="Continental TV",
        external_url="https://example.org/on-air",
    )
    page = client.get(media.get_absolute_url()).content.decode()
    listing = client.get(reverse("publications:list")).content.decode()

    assert f'<p class="eyebrow">{label} · Continental TV</p>' in page
    assert f'<p class="card-meta">{label} · Continental TV · ' in listing


def test_media_item_of_kind_other_is_labelled_media(client, catalogue):
    media = PublicationFactory(
        slug="on-air", type=Publication.Type.MEDIA, source="Radio", external_url="https://e.org/"
    )
    page = client.get(media.get_absolute_url()).content.decode()
    assert '<p class="eyebrow">Media · Radio</p>' in page


def test_sections_with_nothing_to_say_do_not_show_but_keep_their_anchor(client, catalogue):
    media = PublicationFactory(
        slug="on-air", type=Publication.Type.MEDIA, source="Radio", external_url="https://e.org/"
    )
    response = client.get(media.get_absolute_url())
    html = response.content.decode()

    assert parse(response).ids >= DETAIL_IDS  # the contract's anchors
    assert "Identifiers" not in html and "No ISBN" not in html
    assert "Available in" not in html


def test_identifiers_and_languages_show_when_there_is_something_to_say(client, analysis):
    PublicationFactory(slug="securite-japon", language="fr", translation_of=analysis)
    html = client.get(analysis.get_absolute_url()).content.decode()
    assert "Identifiers" in html and "Available in" in html


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
    OldSlug.objects.create(old_slug="old-japan", target=analysis)
    response = client.get(reverse("publications:detail", kwargs={"slug": "old-japan"}))
    assert response.status_code == 301
    assert response["Location"] == analysis.get_absolute_url()


def test_old_slug_of_unpublished_publication_is_404(client, catalogue):
    draft = PublicationFactory(status=Publication.Status.DRAFT)
    OldSlug.objects.create(old_slug="old-draft", target=draft)
    response = client.get(reverse("publications:detail", kwargs={"slug": "old-draft"}))
    assert response.status_code == 404


def test_unpublished_detail_is_404_in_the_site_layout(client, catalogue):
    draft = PublicationFactory(status=Publication.Status.DRAFT)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find this page" in html
    assert 'role="search"' in html


def test_detail_page_offers_bibtex_and_ris_citations(client):
    publication = PublicationFactory(slug="cited")
    content = client.get(publication.get_absolute_url()).content.decode()
    assert 'id="cite"' in content
    for name in ("cite_bib", "cite_ris"):
        url = reverse(f"publications:{name}", kwargs={"slug": "cited"})
        assert f'href="{url}"' in content
        assert client.get(url).status_code == 200


def test_an_analysis_cannot_carry_a_media_kind(catalogue):
    from django.core.exceptions import ValidationError

    analysis = PublicationFactory(slug="kinded")
    analysis.media_kind = Publication.MediaKind.PODCAST
    with pytest.raises(ValidationError) as error:
        analysis.full_clean()
    assert "Only media items have a kind" in str(error.value.message_dict["media_kind"])
