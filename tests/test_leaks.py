"""Nothing unpublished ever leaks.

ONE parametrised test crosses every non-public state of a publication with every public
surface. Every cell: the item is absent (its title, slug and a marker word appear nowhere, and
the page is byte-for-byte the page of a world without it, so counts do not leak either), or,
for the item's own URLs, a 404/410. The same test with the clock moved past `publish_at`
(after having been asked once before, so that a cache that ignores `publish_at` is caught)
shows the scheduled item present everywhere.

Keep it growing: add a row to SURFACES for each new public surface. A renamed URL, or a section
id that is no longer on its page, fails the test rather than skipping it.
"""

import dataclasses
import datetime
import re
from collections.abc import Callable

import pytest
import time_machine
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone, translation

from publications.models import PinnedRelation, Publication
from tests.factories import (
    AuthorFactory,
    CenterFactory,
    PublicationFactory,
    RegionFactory,
    ThemeFactory,
)
from tests.pdf_documents import page_texts
from tests.upload_files import isolate_storage, pdf_upload

pytestmark = pytest.mark.django_db

TITLE = "Zanzibar Quokka Memorandum"
SLUG = "zq-secret-item"
MARKER = "quokkamarker"  # a word of its body, searched for (the search box echoes it)
SUMMARY_WORD = "wombatsummary"  # a word of its summary, never searched for
NOW = timezone.now().replace(microsecond=0)
PUBLISH_AT = NOW + datetime.timedelta(minutes=2)
AFTER_PUBLISH_AT = NOW + datetime.timedelta(minutes=3)
TODAY = timezone.localdate(NOW)

Status = Publication.Status
STATES = {
    "draft": {"status": Status.DRAFT},
    "review": {"status": Status.REVIEW},
    "archived": {"status": Status.ARCHIVED},
    "published_on_future": {
        "status": Status.PUBLISHED,
        "published_on": TODAY + datetime.timedelta(days=30),
    },
    "scheduled": {"status": Status.PUBLISHED, "publish_at": PUBLISH_AT},
}


@dataclasses.dataclass
class World:
    secret: Publication
    neighbour: Publication
    translation: Publication
    region: object
    theme: object
    center: object
    author: object


@dataclasses.dataclass
class Surface:
    name: str
    url: Callable[[World], str]
    own: bool = False  # the item's own URL: 404/410 expected rather than "absent"
    status_when_public: int = 200  # what the item's own URL answers once it is public
    section: str = ""  # an HTML id that must be on the page for "present" to be checkable
    never_served: bool = False  # answers 404 even for a public item (raw private files)
    # Lists no publication, only things that could count them (taxonomy, experts): checked
    # for "absent, and unchanged by the item", not for "present" once it is public.
    names_items: bool = True


def _list(name, **query):
    def build(world):
        url = reverse(name)
        if query:
            url += "?" + "&".join(f"{k}={v(world) if callable(v) else v}" for k, v in query.items())
        return url

    return build


SURFACES = [
    Surface("home", _list("home")),
    Surface("list", _list("publications:list")),
    Surface("detail", lambda w: reverse("publications:detail", kwargs={"slug": SLUG}), own=True),
    Surface("region landing", lambda w: w.region.get_absolute_url()),
    Surface("theme landing", lambda w: w.theme.get_absolute_url()),
    Surface("center page", lambda w: w.center.get_absolute_url()),
    Surface("expert page", lambda w: w.author.get_absolute_url()),
    Surface("search results", _list("publications:list", q=MARKER)),
    Surface("facet counts", _list("publications:list", region=lambda w: w.region.slug)),
    Surface("rss", _list("publications:feed")),
    Surface("rss of a region", _list("publications:feed", region=lambda w: w.region.slug)),
    Surface("sitemap", _list("sitemap")),
    Surface(
        "related widget of another publication",
        lambda w: w.neighbour.get_absolute_url(),
        section="related-analyses",
    ),
    Surface(
        "available in, on its translation",
        lambda w: w.translation.get_absolute_url(),
        section="available-in",
    ),
    Surface("api list", _list("api:publication-list")),
    Surface("api list searched", _list("api:publication-list", q=MARKER)),
    Surface(
        "api detail",
        lambda w: reverse("api:publication-detail", kwargs={"slug": SLUG}),
        own=True,
    ),
    Surface("csv", _list("publications:export_csv")),
    Surface("bibtex list", _list("publications:export_bib")),
    Surface("ris list", _list("publications:export_ris")),
    Surface(
        "bibtex of the item",
        lambda w: reverse("publications:cite_bib", kwargs={"slug": SLUG}),
        own=True,
    ),
    Surface(
        "ris of the item",
        lambda w: reverse("publications:cite_ris", kwargs={"slug": SLUG}),
        own=True,
    ),
    Surface("reading-list pdf", _list("publications:export_pdf")),
    Surface(
        "pdf url",
        lambda w: reverse("publications:pdf", kwargs={"slug": SLUG, "filename": SLUG}),
        own=True,
    ),
    Surface(
        "pdf short url",
        lambda w: reverse("publications:pdf_redirect", kwargs={"slug": SLUG}),
        own=True,
        status_when_public=301,
    ),
    Surface(
        "raw media path of the pdf",
        lambda w: f"/media/{w.secret.pdf.name}",
        own=True,
        never_served=True,
    ),
]


def _french(build):
    """The same surface in the French interface (/fr/...)."""

    def french(world):
        with translation.override("fr"):
            return build(world)

    return french


TITLE_WORD = TITLE.split()[0]  # searched for: finds the item by its title once public

SURFACES += [
    Surface("search by a title word", _list("publications:list", q=TITLE_WORD)),
    Surface(
        "search with facets of a region",
        _list("publications:list", q=MARKER, region=lambda w: w.region.slug),
    ),
    Surface("facet counts of a theme", _list("publications:list", theme=lambda w: w.theme.slug)),
    Surface("facet counts of a year", _list("publications:list", year_from=TODAY.year)),
    # Once public, the work shows on the French home as its French version (one entry per
    # work): checked for "absent, and unchanged by the item" only.
    Surface("french home", _french(_list("home")), names_items=False),
    Surface("french list", _french(_list("publications:list"))),
    Surface("french search", _french(_list("publications:list", q=TITLE_WORD))),
    Surface(
        "french detail",
        _french(lambda w: reverse("publications:detail", kwargs={"slug": SLUG})),
        own=True,
    ),
    Surface(
        "available in, on its translation in the french interface",
        _french(lambda w: w.translation.get_absolute_url()),
        section="available-in",
    ),
    Surface("french rss", _french(_list("publications:feed"))),
    Surface("french sitemap", _french(_list("sitemap"))),
    Surface("csv searched", _list("publications:export_csv", q=TITLE_WORD)),
    Surface(
        "reading-list pdf of a region",
        _list("publications:export_pdf", region=lambda w: w.region.slug),
    ),
    Surface("api regions", _list("api:region-list"), names_items=False),
    Surface("api themes", _list("api:theme-list"), names_items=False),
    Surface("api centers", _list("api:center-list"), names_items=False),
    Surface("api experts", _list("api:expert-list"), names_items=False),
    Surface("api list of a region", _list("api:publication-list", region=lambda w: w.region.slug)),
    Surface("experts a-z", _list("publications:expert_list"), names_items=False),
]

CASES = [(state, "now") for state in STATES] + [("scheduled", "after_publish_at")]


def build_world(state):
    region, theme = RegionFactory(name="Shared region"), ThemeFactory(name="Shared theme")
    center, author = CenterFactory(name="Shared center"), AuthorFactory(name="Shared Author")
    links = {"regions": [region], "themes": [theme], "centers": [center], "authors": [author]}
    fields = {"published_on": TODAY - datetime.timedelta(days=10), **STATES[state]}
    secret = PublicationFactory(
        title=TITLE,
        slug=SLUG,
        summary=f"The {MARKER} and {SUMMARY_WORD} summary.",
        body=f"The {MARKER} body.",
        featured=True,
        pdf=pdf_upload(f"{SLUG}.pdf"),
        **fields,
        **links,
    )
    neighbour = PublicationFactory(
        title="Public neighbour", published_on=TODAY - datetime.timedelta(days=20), **links
    )
    PinnedRelation.objects.create(from_publication=neighbour, to_publication=secret)
    translation = PublicationFactory(
        title="Traduction publique",
        language="fr",
        translation_of=secret,
        published_on=TODAY - datetime.timedelta(days=20),
        **links,
    )
    return World(secret, neighbour, translation, region, theme, center, author)


def remove_secret(world):
    Publication.objects.filter(pk=world.translation.pk).update(translation_of=None)
    Publication.objects.filter(pk=world.secret.pk).delete()


def body_text(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"%PDF"):
        return "\n".join(page_texts(content))
    return content.decode("utf-8", errors="replace")


def normalise(text):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text)


def leaks(text):
    lowered = text.lower()
    return [needle for needle in (TITLE.lower(), SLUG, SUMMARY_WORD) if needle in lowered]


def fetch(client, url):
    return client.get(url)


@pytest.fixture(autouse=True)
def _clean_state(tmp_path, settings, monkeypatch):
    isolate_storage(tmp_path, settings, monkeypatch)
    settings.PAGE_CACHE_SECONDS = 600  # the anonymous page cache on, as in production
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.mark.parametrize("surface", SURFACES, ids=[s.name for s in SURFACES])
@pytest.mark.parametrize(("state", "clock"), CASES, ids=[f"{s}-{c}" for s, c in CASES])
def test_unpublished_item_is_absent_from_every_public_surface(client, surface, state, clock):
    with time_machine.travel(NOW, tick=False) as traveller:
        world = build_world(state)
        url = surface.url(world)

        response = fetch(client, url)
        text = body_text(response)
        if surface.own:
            assert response.status_code in (404, 410), f"{url} answered {response.status_code}"
            # A 404 may echo the path (and so the slug); a 410 keeps the citation on purpose.
            shown = [n for n in leaks(text) if n != SLUG]
            assert not shown or response.status_code == 410, shown
        else:
            assert response.status_code == 200, f"{url} answered {response.status_code}"
            assert not leaks(text), f"{url} shows {leaks(text)}"

        if clock == "now":
            if not surface.own:
                # Not even a count moves: the page is the page of a world without the item.
                remove_secret(world)
                for cache in caches.all():
                    cache.clear()
                again = body_text(fetch(client, url))
                assert normalise(again) == normalise(text), f"{url} changes with the item"
            return

        # The clock passes publish_at: the scheduled item shows up by itself, caches included.
        traveller.move_to(AFTER_PUBLISH_AT)
        response = fetch(client, surface.url(world))
        text = body_text(response)
        if surface.never_served:
            assert response.status_code == 404
            return
        if surface.own:
            assert response.status_code == surface.status_when_public, f"{url}: {response}"
            return
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        if not surface.names_items:
            return
        if surface.section:
            assert f'id="{surface.section}"' in text, f"{url} has no #{surface.section}"
        assert leaks(text), f"{url} does not show the item once published"
