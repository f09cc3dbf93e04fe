"""The anonymous page cache (thinktank/cache/): what anonymous readers, staff and preview links
get, the HTTP validators, the lifetime capped at the next scheduled publication, downloads
counted while the page is cached, and the CDN purge hook."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from publications import services
from publications.models import Publication
from publications.preview import preview_url
from tests.factories import PublicationFactory, RegionFactory, attach_pdf

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2030, 5, 4, 10, 0, tzinfo=datetime.UTC)

# Received by the purge hook in the tests below (CACHE_PURGE_HOOK names `collect_purge`).
PURGED = []


def collect_purge(urls):
    PURGED.append(urls)


def rendered(client, url):
    """Whether GET `url` rendered the page (ran SQL) rather than reading it from the cache."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries) > 0


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_SHARED_MAX_AGE = 60
    settings.PAGE_CACHE_STALE_SECONDS = 30
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def publication(db):
    region = RegionFactory(slug="asia", name="Asia")
    return PublicationFactory(slug="cached-analysis", title="The cached analysis", regions=[region])


@pytest.fixture
def staff_client(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


def test_anonymous_page_is_served_from_the_cache_without_a_query(
    client, publication, django_assert_num_queries
):
    url = publication.get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/publications/",
        "/publications/?region=asia&page=2",
        "/publications/cached-analysis/",
        "/regions/asia/",
        "/centers/",
        "/experts/",
        "/feeds/publications/",
        "/sitemap.xml",
        "/api/v1/publications/",
        "/api/v1/publications/cached-analysis/",
        "/fr/publications/cached-analysis/",
    ],
)
def test_anonymous_answers_carry_validators_and_public_cache_control_without_vary_cookie(
    client, publication, url
):
    for response in (client.get(url), client.get(url)):  # the miss, then the hit
        assert response.status_code == 200, url
        assert response["ETag"].startswith('"')
        assert response["Last-Modified"]
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"public", "max-age=0", "s-maxage=60", "stale-while-revalidate=30"} <= directives
        assert "cookie" not in response.get("Vary", "").lower()
        assert not response.cookies


def test_a_repeated_request_with_a_validator_is_answered_304(client, publication):
    url = publication.get_absolute_url()
    first = client.get(url)
    by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"]
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304
    stale = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
    assert stale.status_code == 200


def test_a_validator_stops_matching_once_the_page_changes(
    client, publication, admin_user, django_capture_on_commit_callbacks
):
    url = publication.get_absolute_url()
    first = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        services.publication_set_status(
            publication=publication, user=admin_user, status=Publication.Status.ARCHIVED
        )
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 410


def test_french_and_english_are_cached_apart(client, publication):
    english = client.get("/publications/")
    french = client.get("/fr/publications/")
    assert english.content != french.content
    assert '<html lang="fr"' in client.get("/fr/publications/").content.decode()
    assert '<html lang="en"' in client.get("/publications/").content.decode()


def test_unprefixed_pages_are_english_for_every_browser_language_and_do_not_vary_by_it(
    client, publication
):
    """A French browser on an unprefixed URL gets the English page (the French one lives under
    /fr/), so a shared cache must not keep one copy per Accept-Language; the hit it gets is the
    English reader's stored page."""
    english = client.get("/publications/", HTTP_ACCEPT_LANGUAGE="en")
    with CaptureQueriesContext(connection) as queries:
        french_browser = client.get("/publications/", HTTP_ACCEPT_LANGUAGE="fr")
    assert len(queries) == 0, "served from the English reader's cached page"
    assert french_browser.content == english.content
    assert '<html lang="en"' in french_browser.content.decode()
    for response in (english, french_browser, client.get("/fr/publications/")):
        assert "accept-language" not in response.get("Vary", "").lower()


def test_staff_never_get_a_cached_page_and_never_store_one(client, staff_client, publication):
    url = publication.get_absolute_url()
    client.get(url)  # the anonymous page is cached
    response = staff_client.get(url)
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]

    # Staff asking first leave nothing behind for anonymous readers.
    cache.clear()
    staff_client.get(url)
    staff_client.get("/publications/")
    assert rendered(client, url)
    assert not rendered(client, url)


def test_staff_see_the_preview_of_a_draft_whose_404_is_cached_for_anonymous_readers(
    client, staff_client, publication
):
    Publication.objects.filter(pk=publication.pk).update(status=Publication.Status.DRAFT)
    url = publication.get_absolute_url()
    assert client.get(url).status_code == 404
    preview = staff_client.get(url)
    assert preview.status_code == 200
    assert "no-store" in preview["Cache-Control"]
    assert client.get(url).status_code == 404


def test_a_preview_link_is_never_cached_nor_served_from_the_cache(client, publication):
    Publication.objects.filter(pk=publication.pk).update(status=Publication.Status.DRAFT)
    publication.refresh_from_db()
    link = preview_url(publication)
    path = link.split("://", 1)[1].split("/", 1)[1]
    for _ in range(2):
        response = client.get("/" + path)
        assert response.status_code == 200
        assert "The cached analysis" in response.content.decode()
        assert "no-store" in response["Cache-Control"]
    # The page without the token is still the anonymous 404, not the preview.
    assert client.get(publication.get_absolute_url()).status_code == 404


def test_a_scheduled_item_appears_on_a_cached_list_once_its_time_passes(client, db):
    with time_machine.travel(NOW, tick=False) as traveller:
        PublicationFactory(slug="already-out", title="Already out")
        PublicationFactory(
            slug="scheduled-item",
            title="Scheduled item",
            publish_at=NOW + datetime.timedelta(minutes=30),
        )
        page = client.get("/publications/")
        assert "Already out" in page.content.decode()
        assert "Scheduled item" not in page.content.decode()
        # Cached until the item goes out, and shared caches are told so too.
        assert "s-maxage=60" in client.get("/publications/")["Cache-Control"]

        traveller.move_to(NOW + datetime.timedelta(minutes=29))
        assert "Scheduled item" not in client.get("/publications/").content.decode()
        traveller.move_to(NOW + datetime.timedelta(minutes=30, seconds=2))
        assert "Scheduled item" in client.get("/publications/").content.decode()


def test_shared_caches_are_told_to_keep_a_page_no_later_than_the_next_publication(client, db):
    with time_machine.travel(NOW, tick=False):
        PublicationFactory(publish_at=NOW + datetime.timedelta(seconds=20))
        response = client.get("/publications/")
        assert "s-maxage=21" in response["Cache-Control"]
        assert "stale-while-revalidate" not in response["Cache-Control"]


def test_a_pdf_download_counts_while_the_detail_page_is_cached(
    client, publication, tmp_path, settings
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    attach_pdf(publication)
    page = publication.get_absolute_url()
    client.get(page)
    assert client.get(page).status_code == 200  # from the cache
    for expected in (1, 2):
        response = client.get(publication.get_pdf_url())
        assert response.status_code == 200
        b"".join(response.streaming_content)
        publication.refresh_from_db()
        assert publication.download_count == expected


def test_responses_to_requests_with_a_session_cookie_but_no_user_are_not_stored(
    client, publication
):
    client.cookies["sessionid"] = "no-such-session"
    url = publication.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    del client.cookies["sessionid"]
    assert rendered(client, url)  # nothing was stored by the request with the cookie


def test_a_page_with_a_csrf_token_is_never_stored(client, publication, monkeypatch):
    from django.middleware.csrf import get_token

    from publications import views

    original = views.PublicationDetailView.get_context_data

    def with_a_form(self, **kwargs):
        get_token(self.request)  # what {% csrf_token %} does
        return original(self, **kwargs)

    monkeypatch.setattr(views.PublicationDetailView, "get_context_data", with_a_form)
    client.cookies["csrftoken"] = "a" * 32  # a visitor who has the cookie already
    url = publication.get_absolute_url()
    response = client.get(url)
    assert "no-store" in response["Cache-Control"]
    assert rendered(client, url)


def test_a_status_change_hands_the_purge_hook_the_publication_s_urls(
    settings, publication, admin_user, django_capture_on_commit_callbacks
):
    settings.CACHE_PURGE_HOOK = f"{__name__}.collect_purge"
    settings.SITE_URL = "https://example.org"
    PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.publication_unpublish(publication=publication, user=admin_user)
    [urls] = PURGED
    assert "https://example.org/publications/cached-analysis/" in urls
    assert "https://example.org/fr/publications/cached-analysis/" in urls
    assert "https://example.org/publications/cached-analysis/cached-analysis.pdf" in urls
    assert "https://example.org/publications/?*" in urls
    assert "https://example.org/regions/asia/*" in urls
    assert "https://example.org/*" not in urls


def test_a_change_that_may_show_anywhere_purges_every_url(
    settings, publication, django_capture_on_commit_callbacks
):
    from thinktank.cache import catalogue_changed

    settings.CACHE_PURGE_HOOK = f"{__name__}.collect_purge"
    settings.SITE_URL = "https://example.org"
    PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        catalogue_changed()
    assert PURGED == [["https://example.org/*"]]


def test_the_version_is_bumped_after_the_commit_not_before(
    client, publication, admin_user, django_capture_on_commit_callbacks
):
    url = publication.get_absolute_url()
    client.get(url)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.publication_unpublish(publication=publication, user=admin_user)
        # Not committed yet: a reader is still served the page of the committed state.
        assert client.get(url).status_code == 200
    for callback in callbacks:
        callback()
    assert client.get(url).status_code == 404


def test_next_public_change_is_the_earliest_schedule_or_future_date(db):
    with time_machine.travel(NOW, tick=False):
        assert Publication.objects.public_cache_timeout(600) == 600
        PublicationFactory(publish_at=NOW + datetime.timedelta(seconds=90))
        assert Publication.objects.public_cache_timeout(600) == 91
        assert Publication.objects.public_cache_timeout(60) == 60
        PublicationFactory(
            status=Publication.Status.DRAFT, publish_at=NOW + datetime.timedelta(seconds=5)
        )
        assert Publication.objects.public_cache_timeout(600) == 91  # a draft goes out by no clock
        tomorrow = timezone.localdate(NOW) + datetime.timedelta(days=1)
        PublicationFactory(published_on=tomorrow)
        assert Publication.objects.public_cache_timeout(10**6) <= 24 * 3600 + 1


def test_last_modified_is_when_the_page_was_rendered(client, publication):
    with time_machine.travel(NOW, tick=False):
        response = client.get("/feeds/publications/")
        assert response["Last-Modified"] == http_date(NOW.timestamp())
    assert reverse("publications:feed") == "/feeds/publications/"
