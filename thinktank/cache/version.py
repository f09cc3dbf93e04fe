"""The catalogue version: one integer in Django's cache that every page stored by
`pages.AnonymousPageCacheMiddleware` is stamped with.

A write a reader could see calls `catalogue_changed()`; once its transaction commits, the
version goes up by one (an atomic `INCR` on Redis, so every worker and machine sharing the cache
sees it on its next request) and every page stamped with an older version is a miss from then
on. Nothing is deleted: old pages simply expire. The same call hands the CDN purge hook the URLs
that changed (see `purge`).

Why after the commit: a page is stamped with the version read when its request started. Were
the version bumped before the commit, a request could read the new version, then the old rows,
and store old rows as current. Bumped after it, a request that read the old version stores its
page under the old stamp, which is stale already.
"""

import logging
import time

from django.core.cache import cache
from django.db import transaction

from thinktank.db_router import primary_position_record

from .purge import hook as purge_hook
from .purge import paths_for, send

VERSION_KEY = "catalogue:version"

logger = logging.getLogger(__name__)


def catalogue_version():
    """The current version (an int), created when the cache has none; None when the cache
    keeps nothing (`CACHE_URL=dummy://`)."""
    version = cache.get(VERSION_KEY)
    return version if version is not None else _create()


def _create():
    # A version lost with a Redis restart or an eviction must not start again at a number that
    # pages still cached were stamped with: start from the clock, in milliseconds, which is
    # above any version reached before as long as bumps stay under 1,000 a second.
    cache.add(VERSION_KEY, time.time_ns() // 1_000_000, timeout=None)
    return cache.get(VERSION_KEY)


def _bump():
    try:
        return cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or evicted): a fresh one is newer than any before
        if _create() is None:
            return None
        return cache.incr(VERSION_KEY)


def catalogue_changed(*, publications=(), paths=()):
    """Make every cached page stale once the current transaction commits (at once outside a
    transaction), then call the CDN purge hook, when set, with the URLs to drop.

    `publications`: saved publications this write changes; their URLs are gathered now (before
    the change: an old slug, a region taken away) and again after the commit. `paths`: more
    site paths to purge. With neither, the change may show anywhere (a taxonomy name, an
    import) and the hook is told to drop every URL. Calling it twice in one write bumps twice,
    which is harmless.
    """
    pks = [publication.pk for publication in publications if publication.pk]
    before = paths_for(pks) if pks and purge_hook() else set()

    def after_commit():
        # Before the bump: replicas serve reads only once they have replayed this far, so a
        # page stamped with the new version never shows older rows (thinktank/db_router.py).
        primary_position_record()
        _bump()
        try:
            send(publication_pks=pks, paths={*before, *paths})
        except Exception:  # a CDN that is down must not fail an editor's save
            logger.exception("The CDN purge hook failed; shared caches expire by s-maxage.")

    transaction.on_commit(after_commit)
