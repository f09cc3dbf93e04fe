"""Exports that cannot starve readers: `/publications/export.csv`, `.bib`, `.ris` and `.pdf` need
no login, and one export of 10,000 items keeps a worker busy for seconds. `bounded_export`
wraps their views with three rules, all kept in Django's cache (Redis in production, so they
hold for every worker and machine):

- **Cached**: an export is stored (when under EXPORT_CACHE_MAX_MB) under the catalogue version,
  the language, the format and the query string, and served from there until the catalogue
  changes: the same export asked again costs one cache read. The stream is copied as it goes
  out, so nothing waits for the whole file and memory stays bounded by that limit.
- **Few at once**: at most EXPORT_CONCURRENCY exports are generated at the same time on the
  whole site (slots claimed with an atomic `add`, freed when the stream ends, or after
  EXPORT_SLOT_SECONDS if a worker died meanwhile). With fewer slots than app workers, some
  workers are always free for readers. A request that finds no slot gets `429` with
  `Retry-After` (EXPORT_BUSY_RETRY_SECONDS).
- **Rate-limited per client**: EXPORT_RATE_LIMIT exports a minute per client address
  (`thinktank.client_address`, which follows TRUSTED_PROXY_COUNT), cached ones included; past
  it, `429` with `Retry-After` saying when the minute ends.

The 429 page names when to retry, in words and in the header.
"""

import functools
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from thinktank.cache import catalogue_version
from thinktank.client_address import client_address

WINDOW = 60  # seconds of the per-client rate limit
#: Headers an export carries that a copy from the cache must carry too.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Language",
    "Cache-Control",
    "Content-Security-Policy",
    "X-Content-Type-Options",
)


def bounded_export(view):
    """Decorate an export view (GET) with the cache, the concurrency slots and the rate limit."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        retry = _rate_limited(request)
        if retry:
            return too_many(request, retry, busy=False)
        key = _cache_key(request)
        stored = cache.get(key) if key else None  # (headers, body)
        if stored is not None:
            return _from_cache(stored)
        slot = _claim_slot()
        if slot is None:
            return too_many(request, settings.EXPORT_BUSY_RETRY_SECONDS, busy=True)
        release = functools.partial(_release, *slot)
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            release()
            raise
        if response.status_code == 200 and response.streaming:
            response.streaming_content = _copied(response, response.streaming_content, key)
            # The server closes the response when the stream ends or the client goes away.
            response._resource_closers.append(release)
        else:
            if response.status_code == 200:
                _store(key, response, response.content)
            release()
        return response

    return wrapper


def too_many(request, retry_after, *, busy):
    """429 naming when to try again (seconds), in the page and in `Retry-After`."""
    response = TemplateResponse(
        request,
        "publications/export_too_many.html",
        {"retry_after": retry_after, "busy": busy},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def _rate_limited(request):
    """Seconds until this client may export again, or 0 when it may now."""
    limit = settings.EXPORT_RATE_LIMIT
    if not limit:
        return 0
    window = int(time.time() // WINDOW)
    key = f"export:rate:{client_address(request) or 'unknown'}:{window}"
    cache.add(key, 0, timeout=WINDOW + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr: count this one alone
        count = 1
    if count <= limit:
        return 0
    return max(1, int((window + 1) * WINDOW - time.time()) + 1)


def _cache_key(request):
    version = catalogue_version()
    if version is None or not settings.EXPORT_CACHE_MAX_MB:
        return None
    query = "&".join(sorted(request.GET.urlencode().split("&")))
    return f"export:{version}:{get_language()}:{request.path}?{query}"


def _claim_slot():
    """(cache key, token) of a free generation slot, now held, or None when all are taken;
    ("", "") when EXPORT_CONCURRENCY is 0 (no limit)."""
    if not settings.EXPORT_CONCURRENCY:
        return "", ""
    token = uuid.uuid4().hex
    for number in range(settings.EXPORT_CONCURRENCY):
        key = f"export:slot:{number}"
        if cache.add(key, token, timeout=settings.EXPORT_SLOT_SECONDS):
            return key, token
    return None


def _release(key, token):
    # Only our own claim: after EXPORT_SLOT_SECONDS the slot may be someone else's.
    if key and cache.get(key) == token:
        cache.delete(key)


def _copied(response, stream, key):
    """`stream` (the response's), copied (up to the size limit) and stored once complete."""
    limit = settings.EXPORT_CACHE_MAX_MB * 1024 * 1024
    parts, size = ([] if key else None), 0
    for chunk in stream:
        if parts is not None:
            size += len(chunk)
            if size <= limit:
                parts.append(chunk)
            else:
                parts = None  # too large to keep: streamed, not cached
        yield chunk
    if parts is not None:
        _store(key, response, b"".join(parts))


def _store(key, response, body):
    if key and len(body) <= settings.EXPORT_CACHE_MAX_MB * 1024 * 1024:
        headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
        cache.set(key, (headers, body), timeout=settings.EXPORT_CACHE_SECONDS)


def _from_cache(stored):
    from django.http import HttpResponse

    headers, body = stored
    response = HttpResponse(body)
    for name, value in headers:
        response[name] = value
    return response
