"""The anonymous page cache and what keeps it exact.

- `version`: the catalogue version, one integer in Django's cache (Redis `INCR` when `CACHE_URL`
  says redis, so every worker and machine reads the same one). Every write a reader could see
  calls `catalogue_changed()`, which bumps it once the transaction commits and calls the CDN
  purge hook; a cached page carries the version it was rendered under and is used only while
  that is still the current one.
- `pages`: the middleware that serves and stores anonymous pages, and sets the HTTP caching
  headers (`ETag`, `Last-Modified`, `Cache-Control`) of every public answer.
- `purge`: the URLs a CDN or Varnish should drop when something changes, and the hook setting
  (`CACHE_PURGE_HOOK`) that receives them.

Lifetimes are capped at the next scheduled `publish_at` (or `published_on` midnight), read
through `Publication.objects.public_cache_timeout()`, so a scheduled item appears on time
without any write to bump the version.
"""

from .version import catalogue_changed, catalogue_version

__all__ = ["catalogue_changed", "catalogue_version"]
