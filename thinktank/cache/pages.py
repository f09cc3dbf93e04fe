"""Anonymous pages served from Django's cache, and the HTTP caching headers of public answers.

`AnonymousPageCacheMiddleware` sits in MIDDLEWARE just below `ConditionalGetMiddleware` and
above everything that reads sessions, users or languages, so that a hit skips all of them and it
sees the finished response of a miss (its `Vary`, its cookies). It handles the views named by
`CACHED_NAMESPACES` and `CACHED_NAMES`:

- Anonymous requests (a GET with no session cookie and no preview token, decided from the
  request alone) are answered from the cache when the stored page carries the current catalogue
  version: one round trip (`get_many`: Redis `MGET` of the version and the page), no session,
  no SQL query. A miss renders the page and stores it, stamped with the version read *before*
  rendering, for `PAGE_CACHE_SECONDS` capped at the next scheduled publication. A response that
  sets a cookie (a CSRF token, a session) is never stored and is `private`.
- Their answers carry `ETag` (a hash of the body) and `Last-Modified` (when the page was
  rendered), so `ConditionalGetMiddleware` answers `304`; `Cache-Control: public, max-age=0,
  s-maxage=…, stale-while-revalidate=…` (browsers revalidate every time, shared caches keep the
  page `PAGE_CACHE_SHARED_MAX_AGE` seconds); and no `Vary: Cookie` nor `Vary: Accept-Language`
  (see VARY_NOT_KEPT): the page is the same for every anonymous reader of its URL.
- Staff, any logged-in user and preview links get `Cache-Control: private, no-store` and are
  neither served from the cache nor stored in it. A session cookie without a logged-in user
  gets the anonymous page and headers, rendered afresh.

The key is the language and the full path with its query string (so `/fr/` and every filter
combination are pages of their own). The PDF view is not cached: it counts downloads.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date
from django.utils.translation import get_language_from_path

from .version import VERSION_KEY, catalogue_version

# Views whose anonymous answers are cached: by namespace, or by full name.
CACHED_NAMESPACES = {"publications", "taxonomy", "centers", "api"}
CACHED_NAMES = {"home", "sitemap"}
# PDFs count downloads (and are big); the reading list is a PDF too.
NOT_CACHED = {"publications:pdf", "publications:pdf_redirect", "publications:export_pdf"}

PAGE_KEY = "page"
NEXT_CHANGE_KEY = "catalogue:next-change"
HEADERS_NOT_STORED = {"set-cookie", "cache-control"}


def is_cached_view(match):
    """Whether anonymous answers of this resolved URL are cached (`request.resolver_match`)."""
    if match is None or match.view_name in NOT_CACHED:
        return False
    return match.view_name in CACHED_NAMES or bool(CACHED_NAMESPACES & set(match.namespaces))


def is_anonymous_request(request):
    """No session cookie and no preview token: decided from the request alone, before any
    middleware below runs (so a hit costs no session, no user, no SQL)."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "preview" not in request.GET


def _anonymous_user(request):
    """A session cookie without a logged-in user (an expired login): the anonymous page, not
    stored (the cookie may be deleted by this very answer)."""
    user = getattr(request, "user", None)
    return "preview" not in request.GET and user is not None and not user.is_authenticated


def page_key(request):
    """The page's language and its full path with the query string. The language is the path's
    alone: with `prefix_default_language=False` LocaleMiddleware renders every unprefixed path
    (the API's included) in `LANGUAGE_CODE`, whatever the cookie or Accept-Language say."""
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    raw = f"{language}:{request.get_full_path()}"
    return f"{PAGE_KEY}:{hashlib.sha256(raw.encode()).hexdigest()}"


def lifetime(version, *, now=None):
    """Seconds a page rendered now under `version` may be kept: `PAGE_CACHE_SECONDS`, capped at
    the next moment a scheduled item goes public (read once per version, then from the cache)."""
    now = now or timezone.now()
    default = settings.PAGE_CACHE_SECONDS
    key = f"{NEXT_CHANGE_KEY}:{version}"
    upcoming = cache.get(key)
    if upcoming is None or (upcoming and upcoming <= now.timestamp()):
        from publications.models import Publication  # the catalogue's rule; thinktank is lower

        moment = Publication.objects.next_public_change(now=now)
        upcoming = moment.timestamp() if moment else 0
        cache.set(key, upcoming, default)
    if not upcoming:
        return default
    return max(1, min(default, int(upcoming - now.timestamp()) + 1))


def _public_headers(response, seconds):
    """`Cache-Control` of an anonymous answer that may be kept `seconds` more."""
    shared = min(settings.PAGE_CACHE_SHARED_MAX_AGE, seconds)
    # Stale copies neither: not past the moment the page changes by itself.
    stale = min(settings.PAGE_CACHE_STALE_SECONDS, seconds - shared)
    directives = {"public": True, "max_age": 0, "s_maxage": shared}
    if stale > 0:
        directives["stale_while_revalidate"] = stale
    patch_cache_control(response, **directives)


# Headers that do not change an anonymous answer: the session middleware adds Cookie whenever
# a view looked at `request.user`; LocaleMiddleware adds Accept-Language to every unprefixed
# path, though it renders them all in LANGUAGE_CODE (see page_key). Either would split a shared
# cache: one copy per visitor, or per browser language, of the same bytes.
VARY_NOT_KEPT = {"cookie", "accept-language"}


def _drop_vary(response):
    if response.has_header("Vary"):
        kept = [
            v.strip() for v in response["Vary"].split(",") if v.strip().lower() not in VARY_NOT_KEPT
        ]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        anonymous = request.method == "GET" and is_anonymous_request(request)
        key = version = None
        if anonymous and settings.PAGE_CACHE_SECONDS > 0:
            key = page_key(request)
            found = cache.get_many([VERSION_KEY, key])
            version = found.get(VERSION_KEY)
            if version is None:
                version = catalogue_version()
            entry = found.get(key)
            if entry and entry["version"] == version and entry["expires"] > time.time():
                return self._from_entry(entry)
        response = self.get_response(request)
        if not is_cached_view(getattr(request, "resolver_match", None)):
            return response
        if not (anonymous or _anonymous_user(request)):
            patch_cache_control(response, private=True, no_store=True)
            return response
        # This visitor's: it sets a cookie (a session; a CSRF token, whose cookie Django sets on
        # every answer that shows one).
        if response.cookies:
            patch_cache_control(response, private=True, no_store=True)
            return response
        _drop_vary(response)
        if response.status_code != 200 or response.streaming:
            return response
        if not response.has_header("ETag"):
            set_response_etag(response)
        # When this page was rendered: nothing it shows changed since (a change bumps the
        # version, so it would not be served). Replaces a feed's date of its newest item, which
        # would not move when an older item is edited or withdrawn.
        rendered = time.time()
        response["Last-Modified"] = http_date(rendered)
        if version is None:  # page cache off, HEAD, or a session cookie without a user
            _public_headers(response, 0)
            return response
        seconds = lifetime(version)
        _public_headers(response, seconds)
        cache.set(key, self._entry(response, version, rendered + seconds), seconds)
        return response

    @staticmethod
    def _entry(response, version, expires):
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in HEADERS_NOT_STORED
        ]
        return {
            "version": version,
            "expires": expires,
            "status": response.status_code,
            "content": response.content,
            "headers": headers,
        }

    @staticmethod
    def _from_entry(entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        _public_headers(response, max(0, int(entry["expires"] - time.time())))
        return response
