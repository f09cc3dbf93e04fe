"""Read replicas against a real streaming replica of the local PostgreSQL (thinktank/db_router.py).

`.ci/replica` makes the replica (cluster 15/replica_tt, `pg_basebackup -R`, port 5433) and prints
its URL, for TEST_REPLICA_URL; the test database pytest-django creates on the primary
reaches the replica by streaming replication, under the same name. Which database answered is
told by the queries each alias ran; pausing the replica's replay makes rows that exist only on
the primary, so a page showing the old title was read from the replica.

Skipped without a replica, failed in CI (REQUIRE_REPLICA=1). The last test stops and starts the
replica with pg_ctlcluster (REPLICA_CLUSTER, default "15 replica_tt").
"""

import contextlib
import json
import os
import subprocess
import sys
import time

import dj_database_url
import psycopg
import pytest
from django.contrib.auth.models import User
from django.db import connections
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from conftest import skip_or_fail
from publications import services
from publications.models import Publication
from publications.preview import preview_token
from tests.admin_forms import admin_url, form_data
from tests.factories import PublicationFactory
from thinktank import db_router


def on_replica(test):
    """A test reading the real replica: committed rows (the replica sees nothing else)."""
    return pytest.mark.postgres(pytest.mark.django_db(transaction=True, databases="__all__")(test))


REPLICA = "replica_0"
CLUSTER = os.environ.get("REPLICA_CLUSTER", "15 replica_tt").split()


def _lsn(conninfo, query):
    with psycopg.connect(conninfo, autocommit=True, connect_timeout=2) as conn:
        return db_router.lsn_to_int(conn.execute(query).fetchone()[0])


def _conninfo(settings_dict):
    return (
        f"host={settings_dict['HOST']} port={settings_dict['PORT'] or 5432} "
        f"user={settings_dict['USER']} dbname={settings_dict['NAME']}"
    )


@pytest.fixture
def replica(settings):
    """The alias `replica_0` pointed at the real replica's copy of the test database, routing
    on; yields a function running SQL on the replica (outside Django).

    The replica comes from TEST_REPLICA_URL (what `.ci/replica` prints; the test settings make
    the alias from it), not from DATABASE_REPLICA_URLS: the app servers other tests start
    inherit the environment and must not read from it."""
    url = os.environ.get("TEST_REPLICA_URL", "")
    if not url or REPLICA not in connections.settings:
        skip_or_fail(
            "needs a streaming replica: TEST_REPLICA_URL=$(.ci/replica)", env="REQUIRE_REPLICA"
        )
    parsed = dj_database_url.parse(url)
    primary = connections["default"].settings_dict
    # The test database's name on the primary (test_<name>), which the replica copied.
    replica_dict = {
        **primary,
        "HOST": parsed["HOST"],
        "PORT": parsed["PORT"],
        "USER": parsed["USER"] or primary["USER"],
        "OPTIONS": {**primary.get("OPTIONS", {}), "connect_timeout": 2},
        "TEST": {**primary["TEST"], "MIRROR": "default"},  # never flushed: it is read-only
    }
    try:
        with psycopg.connect(_conninfo(replica_dict), autocommit=True, connect_timeout=2) as conn:
            standby = conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]
    except psycopg.Error as error:
        skip_or_fail(f"the replica at {url} does not answer: {error}", env="REQUIRE_REPLICA")
    assert standby, f"{url} is not a standby (pg_is_in_recovery() is false)"
    saved = connections[REPLICA].settings_dict
    connections[REPLICA].close()
    connections[REPLICA].settings_dict = replica_dict
    settings.REPLICA_DATABASES = [REPLICA]
    settings.REPLICA_CHECK_SECONDS = 60
    db_router.forget_verdicts()

    def sql(query):
        with psycopg.connect(_conninfo(replica_dict), autocommit=True, connect_timeout=2) as conn:
            return conn.execute(query).fetchall()

    try:
        yield sql
    finally:
        with contextlib.suppress(psycopg.Error):
            sql("SELECT pg_wal_replay_resume()")
        connections[REPLICA].close()
        connections[REPLICA].settings_dict = saved
        db_router.forget_verdicts()


def _caught_up(timeout=20):
    """Wait until the replica has replayed everything the primary wrote so far."""
    primary = _conninfo(connections["default"].settings_dict)
    target = _lsn(primary, "SELECT pg_current_wal_lsn()")
    replica = _conninfo(connections[REPLICA].settings_dict)
    deadline = time.monotonic() + timeout
    while _lsn(replica, "SELECT pg_last_wal_replay_lsn()") < target:
        assert time.monotonic() < deadline, "the replica did not catch up"
        time.sleep(0.05)


def _get(client, url, **kwargs):
    """GET `url`; returns (response, queries on the primary, the page's queries on the replica)."""
    seen = {"default": [], REPLICA: []}

    def recorder(alias):
        def record(execute, sql, params, many, context):
            seen[alias].append(sql)
            return execute(sql, params, many, context)

        return record

    with (
        connections["default"].execute_wrapper(recorder("default")),
        connections[REPLICA].execute_wrapper(recorder(REPLICA)),
    ):
        response = client.get(url, **kwargs)
    # The router's probe (its position, whether it answers) is not a read of the page.
    pages = [sql for sql in seen[REPLICA] if "pg_last_wal_replay_lsn" not in sql]
    return response, len(seen["default"]), len(pages)


def _published(slug="on-both", title="Read from a copy"):
    publication = PublicationFactory(slug=slug, title=title)
    _caught_up()
    return publication


@on_replica
def test_anonymous_list_and_detail_are_read_from_the_replica(replica):
    publication = _published()
    for url in ("/publications/", publication.get_absolute_url(), "/api/v1/publications/"):
        response, on_primary, on_replica = _get(Client(), url)
        assert response.status_code == 200
        assert "Read from a copy" in response.content.decode()
        assert on_replica > 0, url
        assert on_primary == 0, url


@on_replica
def test_a_row_only_the_primary_has_is_not_shown_from_a_lagging_replica_without_a_change(replica):
    """Proof that the reads are the replica's: its replay paused, a row changed on the primary
    behind the catalogue's back (no version bump) is still old through the site."""
    publication = _published()
    replica("SELECT pg_wal_replay_pause()")
    Publication.objects.filter(pk=publication.pk).update(title="Only on the primary")
    response, _, on_replica = _get(Client(), publication.get_absolute_url())
    assert on_replica > 0
    assert "Read from a copy" in response.content.decode()
    assert "Only on the primary" not in response.content.decode()


@on_replica
def test_admin_logged_in_users_previews_and_writes_use_the_primary(replica):
    publication = _published()
    draft = PublicationFactory(slug="a-draft", title="Draft", status=Publication.Status.DRAFT)
    editor = User.objects.create_superuser("editor", password="x")
    _caught_up()
    staff = Client()
    staff.force_login(editor)
    for client, url in [
        (staff, admin_url(Publication, "changelist")),
        (staff, admin_url(Publication, "change", publication.pk)),
        (staff, publication.get_absolute_url()),
        (staff, "/publications/"),
        (Client(), f"{draft.get_absolute_url()}?preview={preview_token(draft)}"),
    ]:
        response, on_primary, on_replica = _get(client, url)
        assert response.status_code == 200, url
        assert on_replica == 0, url
        assert on_primary > 0, url

    # A write (a failed login: django-axes records it) goes to the primary and pins the
    # browser to the primary for a while.
    anonymous = Client()
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        response = anonymous.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert len(on_replica.captured_queries) == 0
    assert response.cookies[db_router.PIN_COOKIE]["max-age"] == 15
    response, on_primary, on_replica = _get(anonymous, publication.get_absolute_url())
    assert (on_primary > 0, on_replica) == (True, 0)


@on_replica
def test_a_reader_sees_their_write_and_a_change_on_the_next_page_while_the_replica_lags(
    replica, settings
):
    """Replay paused: the replica is behind. A staff edit shows to its author at once, and,
    because the change moved the catalogue's mark past the replica, to every anonymous reader
    too, including through the page cache, which then keeps the new page (not the old one
    under the new version)."""
    settings.PAGE_CACHE_SECONDS = 600
    publication = _published()
    editor = User.objects.create_superuser("editor", password="x")
    _caught_up()
    # Warm the page cache from the replica.
    response, _, on_replica = _get(Client(), publication.get_absolute_url())
    assert on_replica > 0 and "Read from a copy" in response.content.decode()

    replica("SELECT pg_wal_replay_pause()")
    staff = Client()
    staff.force_login(editor)
    url = admin_url(Publication, "change", publication.pk)
    data = form_data(staff.get(url))
    data["title"] = "Edited while the replica lags"
    response = staff.post(url, data)
    assert response.status_code == 302
    assert "Edited while the replica lags" in staff.get(publication.get_absolute_url()).text

    for _ in range(2):  # rendered, then from the page cache
        response, _, on_replica = _get(Client(), publication.get_absolute_url())
        assert "Edited while the replica lags" in response.content.decode()
        assert on_replica == 0  # behind the mark: the primary answered

    # Caught up again: the replica serves the reads.
    replica("SELECT pg_wal_replay_resume()")
    _caught_up()
    services.publication_unpublish(publication=Publication.objects.get(pk=publication.pk),
                                   user=editor)  # fmt: skip
    services.publication_publish(publication=Publication.objects.get(pk=publication.pk),
                                 user=editor)  # fmt: skip
    _caught_up()
    response, _, on_replica = _get(Client(), publication.get_absolute_url())
    assert "Edited while the replica lags" in response.content.decode()
    assert on_replica > 0  # (the primary: the page's lifetime, read once per version)


def _pg_ctlcluster(action):
    mode = ["-m", "fast"] if action == "stop" else []
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", *CLUSTER, action, *mode]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


@on_replica
def test_a_replica_that_stops_falls_back_to_the_primary_and_is_used_again(
    replica, settings, capsys
):
    publication = _published()
    url = publication.get_absolute_url()
    client = Client(raise_request_exception=False)
    response, _, on_replica = _get(client, url)
    assert response.status_code == 200 and on_replica > 0
    timings = {}
    try:
        # Stopped after its verdict was taken: the request fails on the replica and is
        # answered again from the primary.
        _pg_ctlcluster("stop")
        started = time.monotonic()
        response, on_primary, _ = _get(client, url)
        timings["in the middle of a request"] = time.monotonic() - started
        assert response.status_code == 200
        assert "Read from a copy" in response.content.decode()
        # Known to be down: the primary straight away.
        started = time.monotonic()
        response, on_primary, on_replica = _get(client, "/publications/")
        timings["known to be down"] = time.monotonic() - started
        assert response.status_code == 200 and on_primary > 0
        # Probed again (its verdict expired): found down, the primary, for one more second.
        settings.REPLICA_CHECK_SECONDS = 1
        db_router.forget_verdicts()
        started = time.monotonic()
        response, on_primary, _ = _get(client, url)
        timings["at a probe"] = time.monotonic() - started
        assert response.status_code == 200 and on_primary > 0
    finally:
        _pg_ctlcluster("start")
    for name, seconds in timings.items():
        assert seconds < 2, (name, seconds)
    with capsys.disabled():
        print("\nreplica fallback:", {k: f"{v * 1000:.0f} ms" for k, v in timings.items()})

    # Back: after its verdict expires, the replica serves again.
    _caught_up(timeout=60)
    time.sleep(1)
    response, on_primary, on_replica = _get(client, url)
    assert response.status_code == 200
    assert on_replica > 0 and on_primary == 0


# --- Without a replica: the settings and the per-request rules -------------------------------


def _settings_of(**env):
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))
    }
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps({a: [d['HOST'], d['PORT'], d['NAME'], "
        "d['OPTIONS'].get('connect_timeout'), d['TEST'].get('MIRROR')] "
        "for a, d in settings.DATABASES.items()})); "
        "print(json.dumps(settings.REPLICA_DATABASES))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env={**environment, **env, "DJANGO_SETTINGS_MODULE":
        "thinktank.settings.dev"}, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_database_replica_urls_add_one_alias_per_replica():
    result = _settings_of(
        DATABASE_URL="postgres://app@primary.internal:5432/thinktank",
        DATABASE_REPLICA_URLS="postgres://app@r1.internal:5432/thinktank, "
        "postgres://app@r2.internal:6432/thinktank",
    )
    assert result.returncode == 0, result.stderr
    databases, replicas = (json.loads(line) for line in result.stdout.splitlines())
    assert databases["replica_0"] == ["r1.internal", 5432, "thinktank", 2, "default"]
    assert databases["replica_1"] == ["r2.internal", 6432, "thinktank", 2, "default"]
    assert replicas == ["replica_0", "replica_1"]
    without = _settings_of(DATABASE_URL="postgres://app@primary.internal:5432/thinktank")
    assert json.loads(without.stdout.splitlines()[1]) == []


def test_replicas_of_an_sqlite_database_or_without_a_name_are_a_clear_error():
    result = _settings_of(DATABASE_REPLICA_URLS="postgres://app@r1.internal:5432/thinktank")
    assert result.returncode != 0
    assert "DATABASE_REPLICA_URLS lists PostgreSQL replicas" in result.stderr
    result = _settings_of(
        DATABASE_URL="postgres://app@primary.internal:5432/thinktank",
        DATABASE_REPLICA_URLS="postgres://app@r1.internal:5432",
    )
    assert result.returncode != 0
    assert "names no database" in result.stderr


@pytest.mark.parametrize(
    ("method", "path", "cookies", "allowed"),
    [
        ("GET", "/publications/", {}, True),
        ("HEAD", "/publications/x/", {"csrftoken": "a"}, True),
        ("POST", "/publications/", {}, False),
        ("GET", "/admin/publications/publication/", {}, False),
        ("GET", "/publications/x/?preview=token", {}, False),
        ("GET", "/publications/", {"sessionid": "s"}, False),
        ("GET", "/publications/", {db_router.PIN_COOKIE: "9999999999"}, False),
        ("GET", "/publications/", {db_router.PIN_COOKIE: "1"}, True),  # pin expired
        ("GET", "/publications/", {db_router.PIN_COOKIE: "junk"}, True),
    ],
)
def test_only_anonymous_reads_may_go_to_a_replica(method, path, cookies, allowed):
    request = RequestFactory().generic(method, path)
    request.COOKIES.update(cookies)
    assert db_router.may_read_from_replica(request) is allowed


def test_writes_and_migrations_go_to_the_primary():
    router = db_router.ReplicaRouter()
    assert router.db_for_write(Publication) == "default"
    assert router.db_for_read(Publication) == "default"  # outside a request
    assert router.allow_migrate("default", "publications") is True
    assert router.allow_migrate("replica_0", "publications") is False
