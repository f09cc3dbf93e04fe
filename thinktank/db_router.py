"""Read replicas: which database each query of a request goes to.

`DATABASE_REPLICA_URLS` (README "Several machines") adds the aliases `replica_0`, `replica_1`…
(`settings.REPLICA_DATABASES`). Reads go to a replica only inside a request that
`ReplicaRoutingMiddleware` let through; everything else uses the primary (`default`):

- Writes always (`ReplicaRouter.db_for_write`), and every read of a request after its first
  write, and reads inside a transaction of the primary (they must see its own writes).
- Management commands, migrations, tasks, the page cache's own reads after the response: no
  request context, so the primary. Migrations run on `default` only (`allow_migrate`).
- Requests that are not an anonymous read: any method but GET/HEAD, the admin, previews and
  signed preview links (`?preview=`), anyone with a session cookie (logged-in users: their
  pages show drafts and must show their own edits), and a browser "pinned to the primary"
  for `REPLICA_PIN_SECONDS` after it sent a write (the `tt_primary` cookie set on the answer
  to any POST/PUT/PATCH/DELETE), so that a reader who just wrote sees it on the next page.
- A replica that is down or behind (below).

Down: a replica is probed with one tiny query (`pg_last_wal_replay_lsn()`, also its position)
and the verdict is kept `REPLICA_CHECK_SECONDS` per process; a replica that does not answer is
skipped for that long (connecting waits at most `REPLICA_CONNECT_TIMEOUT`). A replica that
fails in the middle of a request (down since the last probe) makes the middleware mark it
down and run the request again on the primary: a GET/HEAD answered from the database is
repeatable. Never a 500 or 503 because a replica is down. (A streamed answer, a CSV export,
that fails part-way has been sent in part and cannot be run again: it is cut.)

Replication lag and the page cache (thinktank/cache/): a page is stamped with the catalogue
version read before rendering, and the version is bumped after a commit on the primary. Were a
request to read the new version and then render from a replica that has not yet replayed
that commit, it would store old content under the new version, served until it expires or the
next change. Decision: the position of the primary's WAL is recorded in the cache just before
each bump (`primary_position_record`, called by `catalogue_changed` after the commit), and a
request reads from a replica only when the replica has replayed at least that far; otherwise
it reads from the primary. So whatever a replica shows is never older than the last change a
reader could see, and a page rendered from it is exact for the version it is stamped with.
Cost: nothing while the replica keeps up (the replica's last known position, from its probe,
is already past the mark); after a change, one `pg_last_wal_replay_lsn()` per process until the
replica has caught up. Chosen over "no replica for N seconds after a change", which is wrong
whenever the lag exceeds N, and over reading the version from the replica, which would need
the version in the database. (Two changes committed by two processes within the same
microseconds may record their marks out of order; the page is then old by one change until its
lifetime, `PAGE_CACHE_SECONDS`, ends: bounded, not forever.)
"""

import contextlib
import contextvars
import logging
import random
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections
from django.urls import reverse

logger = logging.getLogger(__name__)

#: The primary's WAL position (an int) at the last catalogue change (see the module docstring).
POSITION_KEY = "catalogue:primary-lsn"
#: Cookie pinning a browser to the primary after it wrote; its value is the end, in Unix seconds.
PIN_COOKIE = "tt_primary"
SAFE_METHODS = {"GET", "HEAD"}


@dataclass
class _Routing:
    """What the current request may do: its replica alias (None: the primary), and whether it
    wrote (then every later read goes to the primary too)."""

    replica: str | None
    wrote: bool = False


_routing = contextvars.ContextVar("thinktank_db_routing", default=None)


class ReplicaRouter:
    """Django database router (settings.DATABASE_ROUTERS)."""

    def db_for_read(self, model, **hints):
        state = _routing.get()
        if state is None or state.replica is None or state.wrote:
            return "default"
        if connections["default"].in_atomic_block:
            return "default"
        return state.replica

    def db_for_write(self, model, **hints):
        state = _routing.get()
        if state is not None:
            state.wrote = True
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # replicas are copies of the primary: one database for relations

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


# --- Replica health and position, per process -------------------------------------------------


@dataclass
class _Verdict:
    up: bool
    position: int  # replayed WAL position when last probed (0 when down)
    until: float  # time.monotonic() after which to probe again


_verdicts: dict[str, _Verdict] = {}


def lsn_to_int(lsn):
    """PostgreSQL's `X/Y` WAL position as an int (ordered like the positions)."""
    high, low = lsn.split("/")
    return (int(high, 16) << 32) | int(low, 16)


def _probe(alias):
    """Ask the replica how far it has replayed; mark it down when it does not answer."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn()")
            (lsn,) = cursor.fetchone()
        # NULL: not a standby (a primary given as a replica); its data is current.
        verdict = _Verdict(True, lsn_to_int(lsn) if lsn else 2**64, 0)
    except DatabaseError as error:
        logger.warning("Replica %s is unavailable, reading from the primary: %s", alias, error)
        _close_quietly(alias)
        verdict = _Verdict(False, 0, 0)
    verdict.until = time.monotonic() + settings.REPLICA_CHECK_SECONDS
    _verdicts[alias] = verdict
    return verdict


def _close_quietly(alias):
    with contextlib.suppress(DatabaseError):
        connections[alias].close()


def mark_down(alias):
    """Skip `alias` for REPLICA_CHECK_SECONDS (it failed during a request)."""
    _verdicts[alias] = _Verdict(False, 0, time.monotonic() + settings.REPLICA_CHECK_SECONDS)
    _close_quietly(alias)


def forget_verdicts():
    """Probe every replica again on its next use (tests, after starting or stopping one)."""
    _verdicts.clear()


def replica_for_read(required_position):
    """An alias of a replica that answers and has replayed at least `required_position`, or
    None (read from the primary)."""
    aliases = list(settings.REPLICA_DATABASES)
    random.shuffle(aliases)  # spread readers over the replicas
    now = time.monotonic()
    for alias in aliases:
        verdict = _verdicts.get(alias)
        if verdict is None or verdict.until <= now:
            verdict = _probe(alias)
        if not verdict.up:
            continue
        if verdict.position < required_position:
            verdict = _probe(alias)  # it may have caught up since
            if not verdict.up or verdict.position < required_position:
                continue
        return alias
    return None


def primary_position_record():
    """Record the primary's current WAL position as the mark replicas must have replayed
    before they serve reads (called after a commit, before the catalogue version is bumped).
    Does nothing without replicas or on another database than PostgreSQL."""
    if not settings.REPLICA_DATABASES or connections["default"].vendor != "postgresql":
        return
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_lsn()")
            (lsn,) = cursor.fetchone()
    except DatabaseError:  # the primary just committed; if it fails now, the bump must go on
        logger.exception("Could not read the primary's WAL position.")
        return
    position = lsn_to_int(lsn)
    if position > (cache.get(POSITION_KEY) or 0):
        # A day: a mark from a primary that was since restored from a backup (lower positions)
        # must not keep the replicas unused for ever.
        cache.set(POSITION_KEY, position, timeout=24 * 3600)


# --- Per request -----------------------------------------------------------------------------


def may_read_from_replica(request):
    """Whether this request is an anonymous read that a replica may answer (see the module
    docstring for the rules)."""
    if request.method not in SAFE_METHODS or "preview" in request.GET:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if request.path_info.startswith(reverse("admin:index")):
        return False
    try:
        pinned_until = float(request.COOKIES.get(PIN_COOKIE, 0))
    except ValueError:
        pinned_until = 0
    return pinned_until <= time.time()


class ReplicaRoutingMiddleware:
    """Chooses the database of each request's reads (below the page cache: a cached page
    reaches no database), retries on the primary when a replica fails, and pins a browser to
    the primary for a while after it writes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.REPLICA_DATABASES:
            return self.get_response(request)
        replica = None
        if may_read_from_replica(request):
            replica = replica_for_read(cache.get(POSITION_KEY) or 0)
        if replica is not None:
            connections[replica].errors_occurred = False
        state = _Routing(replica)
        token = _routing.set(state)
        try:
            response = self.get_response(request)
            if replica is not None and connections[replica].errors_occurred:
                # The replica went away since its last probe: this request again, all on the
                # primary (a read; any write it made went to the primary and is kept).
                logger.warning("Replica %s failed during %s; answered from the primary.",
                               replica, request.path)  # fmt: skip
                mark_down(replica)
                state.replica = None
                response = self.get_response(request)
        finally:
            _routing.reset(token)
        if request.method not in SAFE_METHODS:
            seconds = settings.REPLICA_PIN_SECONDS
            response.set_cookie(
                PIN_COOKIE, str(int(time.time() + seconds)), max_age=seconds, httponly=True,
                samesite="Lax", secure=request.is_secure(),
            )  # fmt: skip
        return response
