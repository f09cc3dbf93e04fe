"""Discovery metadata of a publication's page (Scholar, Open Graph, JSON-LD, hreflang), parsed
rather than grepped; and escaping of hostile titles."""

import json
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from publications.models import Publication
from tests.factories import AuthorFactory, PublicationFactory

pytestmark = pytest.mark.django_db

HOSTILE = 'Nukes </script><script>alert("x")</script> & "quotes" \'single\''


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.scripts, self._script = [], [], [], None
        self.tags = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "meta":
            self.meta.append(attrs)
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script":
            self._script = {"attrs": attrs, "text": ""}

    def handle_data(self, data):
        if self._script is not None:
            self._script["text"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None

    def named(self, name):
        return [m["content"] for m in self.meta if m.get("name") == name]

    def prop(self, name):
        return [m["content"] for m in self.meta if m.get("property") == name]

    def json_ld(self):
        blocks = [s for s in self.scripts if s["attrs"].get("type") == "application/ld+json"]
        assert len(blocks) == 1
        return json.loads(blocks[0]["text"])


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parser = Head()
    parser.feed(response.content.decode())
    return parser


def test_scholar_tags_follow_the_contract(client, analysis):
    head = head_of(client, analysis.get_absolute_url())
    assert head.named("citation_title") == ["Security partnerships of Japan"]
    assert head.named("citation_author") == ["Jane Doe", "John Roe"]
    assert head.named("citation_publication_date") == [analysis.published_on.strftime("%Y/%m/%d")]
    assert head.named("citation_pdf_url") == [
        "http://testserver/publications/security-japan/security-japan.pdf"
    ]
    assert head.named("citation_isbn") == ["978-2-36567-123-1"]  # the official hyphenation
    assert head.named("citation_issn") == ["1958-5284"]
    assert head.named("citation_language") == ["en"]
    assert head.named("citation_technical_report_institution") == [
        "Meridian Institute for International Affairs"
    ]
    assert head.named("citation_technical_report_number") == ["61"]


def test_books_and_media_carry_no_report_tags_and_media_no_pdf(client, catalogue):
    book = PublicationFactory(type=Publication.Type.BOOK)
    head = head_of(client, book.get_absolute_url())
    assert head.named("citation_technical_report_institution") == []
    assert len(head.named("citation_pdf_url")) == 1
    media = PublicationFactory(
        type=Publication.Type.MEDIA, external_url="https://example.org/x", source="Outlet"
    )
    assert head_of(client, media.get_absolute_url()).named("citation_pdf_url") == []


def test_open_graph_twitter_and_canonical(client, analysis):
    head = head_of(client, analysis.get_absolute_url())
    url = "http://testserver/publications/security-japan/"
    assert head.prop("og:title") == ["Security partnerships of Japan"]
    assert head.prop("og:url") == [url]
    assert head.prop("og:type") == ["article"]
    assert head.prop("og:description")[0].startswith("A short summary.")
    assert head.named("twitter:card") == ["summary"]
    assert head.named("twitter:title") == ["Security partnerships of Japan"]
    canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
    assert canonical == [url]


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        (Publication.Type.REPORT, "Report"),
        (Publication.Type.ANALYSIS, "Report"),
        (Publication.Type.ARTICLE, "ScholarlyArticle"),
        (Publication.Type.BOOK, "Book"),
    ],
)
def test_json_ld_type_authors_and_publisher(client, catalogue, kind, schema_type):
    publication = PublicationFactory(type=kind, authors=[catalogue["jane"]])
    data = head_of(client, publication.get_absolute_url()).json_ld()
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Jane Doe",
            "url": "http://testserver/experts/jane-doe/",
            "jobTitle": "Research Fellow",
        }
    ]
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Meridian Institute for International Affairs"


def test_hreflang_alternates_link_the_language_versions(client, analysis):
    french = PublicationFactory(slug="securite-japon", language="fr", translation_of=analysis)
    for page in (analysis, french):
        head = head_of(client, page.get_absolute_url())
        alternates = {
            link["hreflang"]: link["href"]
            for link in head.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }
        # Each version at its own-language page: the French one in the French interface.
        assert alternates == {
            "en": "http://testserver/publications/security-japan/",
            "fr": "http://testserver/fr/publications/securite-japon/",
            "x-default": "http://testserver/publications/security-japan/",
        }


def test_hostile_title_is_escaped_in_page_meta_and_json_ld(client, catalogue):
    author = AuthorFactory(name='Eve <b>"Evil"</b>', slug="eve")
    publication = PublicationFactory(
        slug="hostile", title=HOSTILE, summary=HOSTILE, authors=[author]
    )
    response = client.get(publication.get_absolute_url())
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<b>" not in html
    head = Head()
    head.feed(html)
    # Exactly our own scripts: the JSON-LD and the copy-link script, nothing injected.
    assert [s["attrs"].get("type") for s in head.scripts] == ["application/ld+json", None]
    assert head.named("citation_title") == [HOSTILE]
    assert head.prop("og:title") == [HOSTILE]
    assert head.named("citation_author") == ['Eve <b>"Evil"</b>']
    data = head.json_ld()
    assert data["name"] == HOSTILE
    assert data["author"][0]["name"] == 'Eve <b>"Evil"</b>'
    assert "</script>" not in head.scripts[0]["text"]
    # And on the pages listing it.
    for url in (
        reverse("publications:list"),
        reverse("home"),
        author.get_absolute_url(),
    ):
        listing = client.get(url).content.decode()
        assert "<script>alert" not in listing and "<b>" not in listing
