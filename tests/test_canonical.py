"""Every URL that reaches a page names the right canonical and hreflang set.

A crawler walks the demo site from its entry pages in both interfaces (the links a reader or a
search engine follows, filtered lists included), then tries the URLs people and other sites
make of them: filters in another order, empty or unknown parameters, `?page=1`, tracking and
junk parameters, repeated values, the default sort spelled out, old slugs, an English work read
in the French interface. For each page it checks:

- exactly one canonical link; it answers 200 and names itself (self-canonical);
- a messy URL's canonical is the clean URL of the same result;
- the hreflang set of a canonical page names the page itself and `x-default`, every URL in it
  answers 200 and is canonical, and each carries the very same set (reciprocal pairs).
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import Client

from publications.models import Publication
from tests.factories import rename

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
MAX_PAGES = 260
MAX_QUERY_PAGES = 30  # filtered lists: enough to see every parameter, not every combination
SKIP = re.compile(
    r"^/(fr/)?(admin|api|i18n|static|media|feeds|sitemap|robots)|\.(pdf|bib|ris|csv)$|/pdf/$"
)


class Head(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.canonical, self.alternates, self.links, self.noindex = [], {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if tag == "link" and "canonical" in rel:
            self.canonical.append(attrs["href"])
        elif tag == "link" and "alternate" in rel and attrs.get("hreflang"):
            assert attrs["hreflang"] not in self.alternates, f"hreflang {attrs['hreflang']} twice"
            self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "meta" and attrs.get("name") == "robots" and "noindex" in attrs["content"]:
            self.noindex = True


class Site:
    """GETs through the test client, each page parsed once."""

    def __init__(self, client):
        self.client, self.pages = client, {}

    def get(self, url, *, follow=False):
        key = (url, follow)
        if key not in self.pages:
            response = self.client.get(url, follow=follow)
            head = None
            if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                head = Head()
                head.feed(response.content.decode())
            self.pages[key] = (response, head)
        return self.pages[key]

    def canonical_of(self, url, *, follow=False):
        response, head = self.get(url, follow=follow)
        assert response.status_code == 200, (url, response.status_code)
        assert len(head.canonical) == 1, (url, head.canonical)
        return head.canonical[0]


def local(url):
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(site):
    seen, queue, pages, with_query = set(), deque(), [], 0
    for start in ("/", "/publications/", "/centers/", "/experts/", "/regions/", "/themes/"):
        for prefix in ("", "/fr"):
            queue.append(prefix + start if start != "/" else prefix + "/")
    while queue and len(pages) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        _response, head = site.get(url)
        if head is None:
            continue
        pages.append(url)
        for href in head.links:
            target = local(href.split("#")[0])
            if not target or target in seen or SKIP.search(urlsplit(target).path):
                continue
            if "?" in target:
                if with_query >= MAX_QUERY_PAGES or "preview=" in target:
                    continue
                with_query += 1
            queue.append(target)
    return pages


@pytest.fixture(scope="module")
def crawled(demo, django_db_blocker):
    """The demo crawled once for the module: (site with its pages read, crawled URLs)."""
    with django_db_blocker.unblock():
        site = Site(Client())
        return site, crawl(site)


@pytest.fixture
def site(client, demo):
    return Site(client)


def test_every_crawled_page_is_canonical_or_names_a_self_canonical_page(crawled):
    site, pages = crawled
    assert len(pages) >= 150  # the whole demo: publications, experts, centers, trees, lists
    problems = []
    for url in pages:
        canonical = site.canonical_of(url)
        target = local(canonical)
        if site.canonical_of(target) != canonical:
            problems.append(f"{url}: canonical {canonical} is not self-canonical")
    assert not problems, "\n".join(problems[:20])


def test_hreflang_pairs_are_reciprocal_and_self_referencing(crawled):
    site, pages = crawled
    problems, checked = [], 0
    for url in pages:
        _response, head = site.get(url)
        if head.noindex or local(head.canonical[0]) != url:
            continue  # only canonical pages carry a cluster search engines read
        cluster = head.alternates
        checked += 1
        if "x-default" not in cluster or BASE + url not in cluster.values():
            problems.append(f"{url}: {cluster} lacks itself or x-default")
            continue
        for code, alternate in cluster.items():
            path = local(alternate)
            if site.canonical_of(path) != alternate:
                problems.append(f"{url}: hreflang {code} {alternate} is not canonical")
            elif site.get(path)[1].alternates != cluster:
                problems.append(f"{url}: {alternate} answers with another set")
    assert checked >= 100
    assert not problems, "\n".join(problems[:20])


# --- URLs as people and other sites write them ---------------------------------------------


@pytest.mark.parametrize(
    ("messy", "clean"),
    [
        (
            "/publications/?theme=security-defence&region=asia",
            "/publications/?region=asia&theme=security-defence",
        ),
        ("/publications/?region=&theme=&q=", "/publications/"),
        ("/publications/?page=1", "/publications/"),
        ("/publications/?utm_source=newsletter&fbclid=x&region=asia", "/publications/?region=asia"),
        (
            "/publications/?region=europe&region=asia&region=asia",
            "/publications/?region=asia&region=europe",
        ),
        ("/publications/?sort=newest", "/publications/"),
        ("/publications/?q=nuclear&sort=relevance", "/publications/?q=nuclear"),
        ("/publications/?sort=oldest&page=2", "/publications/?sort=oldest&page=2"),
        ("/publications/?region=no-such-region&type=report", "/publications/?type=report"),
        ("/publications/?year_from=abc&year_to=2024", "/publications/?year_to=2024"),
        (
            "/fr/publications/?theme=security-defence&region=asia&page=1",
            "/fr/publications/?region=asia&theme=security-defence",
        ),
        ("/centers/?utm_campaign=x", "/centers/"),
        ("/fr/experts/?ref=home", "/fr/experts/"),
    ],
)
def test_a_messy_url_names_the_clean_url_as_canonical(site, messy, clean):
    # Some answer 200, some redirect once to a tidier URL first (empty parameters, the
    # default sort): either way the page reached names the clean URL.
    assert site.canonical_of(messy, follow=True) == BASE + clean
    assert site.canonical_of(clean) == BASE + clean


def test_hreflang_of_a_filtered_list_names_the_same_result_in_each_language(site):
    _response, head = site.get("/fr/publications/?theme=security-defence&region=asia&utm_source=x")
    query = "?region=asia&theme=security-defence"
    assert head.alternates == {
        "en": f"{BASE}/publications/{query}",
        "fr": f"{BASE}/fr/publications/{query}",
        "x-default": f"{BASE}/publications/{query}",
    }


def test_a_page_past_the_last_names_the_page_it_shows(site):
    response, head = site.get("/publications/?page=999")
    last = response.context["page_obj"].number
    assert last > 1
    assert head.canonical == [f"{BASE}/publications/?page={last}"]


def test_a_publication_page_with_tracking_parameters_is_canonical_without_them(site):
    slug = Publication.objects.published().filter(translation_of=None, language="en").first().slug
    canonical = site.canonical_of(f"/publications/{slug}/?utm_source=x&page=3")
    assert canonical == f"{BASE}/publications/{slug}/"


def test_a_work_read_in_the_other_interface_names_its_own_language_page(site):
    translated = Publication.objects.published().exclude(translation_of=None).first()
    original = translated.translation_of
    # The English original shown in the French interface: its canonical is the English page.
    assert site.canonical_of(f"/fr/publications/{original.slug}/") == (
        f"{BASE}/publications/{original.slug}/"
    )
    assert site.canonical_of(f"/publications/{translated.slug}/") == (
        f"{BASE}/fr/publications/{translated.slug}/"
    )


def test_an_old_slug_reaches_the_page_that_names_the_new_url(site):
    publication = Publication.objects.published().filter(translation_of=None).first()
    old = publication.slug
    rename(publication, f"{old}-renamed")
    canonical = site.canonical_of(f"/publications/{old}/?utm_source=x", follow=True)
    assert canonical.startswith(f"{BASE}/") and canonical.endswith(f"/publications/{old}-renamed/")
