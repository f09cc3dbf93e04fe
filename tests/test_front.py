"""The shipped front (deploy/nginx.conf) in front of gunicorn with 2 sync workers: 8 clients
sending a request a byte at a time (slow headers, slow POST bodies) hold no worker, so
/healthz and a page keep answering at once; the app learns the client's address and scheme.

Without the front the same 8 clients hold both workers and /healthz waits: that contrast is a
measurement (bench/slow_clients.py, bench/RESULTS.md), not a test.

Needs nginx (Debian's `nginx` package) and PostgreSQL (gunicorn reads the test database, so
the test commits); skipped without them, failed in CI (REQUIRE_FRONT, REQUIRE_POSTGRES).
"""

import shutil
import socket
import time

import pytest
from django.db import connection
from django.test import RequestFactory

from conftest import skip_or_fail
from tests.factories import PublicationFactory
from tests.front import SlowClients, get, serve
from thinktank.client_address import client_address

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def front(django_db_setup, django_db_blocker, tmp_path_factory):
    """One gunicorn and one nginx for the module, on the test database."""
    if shutil.which("nginx") is None:
        skip_or_fail("needs nginx: apt-get install nginx", env="REQUIRE_FRONT")
    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            skip_or_fail("needs PostgreSQL: DATABASE_URL=postgres://...", env="REQUIRE_POSTGRES")
        db = connection.settings_dict
    tmp_path = tmp_path_factory.mktemp("front")
    env = {
        "DJANGO_SETTINGS_MODULE": "thinktank.settings.dev",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_CONN_MAX_AGE": "0",  # nothing left open on the test database afterwards
        "DATABASE_REPLICA_URLS": "",
        "TRUSTED_PROXY_COUNT": "1",
        "PAGE_CACHE_SECONDS": "0",  # every page rendered by a worker
    }
    log = tmp_path / "access.log"
    with serve(env, workers=2, access_log=log) as (front_port, _):
        yield front_port, log


def test_slow_clients_do_not_block_healthz_or_pages_behind_the_front(front):
    port, _ = front
    page = PublicationFactory(slug="through-the-front", title="Through the front")
    with SlowClients(port, count=8, interval=0.5):
        slowest = 0
        for _ in range(6):
            for path in ("/healthz", page.get_absolute_url()):
                status, body, seconds = get(port, path, timeout=10)
                assert status == 200, (path, status)
                slowest = max(slowest, seconds)
            time.sleep(0.5)
    assert "Through the front" in body
    assert slowest < 2, f"an answer took {slowest:.2f} s with slow clients connected"


def test_the_app_gets_the_client_address_and_scheme_from_the_front(front, settings):
    port, log = front
    # A client that writes its own X-Forwarded-For cannot choose its address: nginx appends
    # the one it saw, and the app (TRUSTED_PROXY_COUNT=1) takes that last one.
    assert get(port, "/healthz", headers={"X-Forwarded-For": "203.0.113.9"})[0] == 200
    for _ in range(50):
        line = next((ln for ln in log.read_text().splitlines() if "203.0.113.9" in ln), None)
        if line:
            break
        time.sleep(0.1)
    assert line is not None
    assert "forwarded-for=203.0.113.9, 127.0.0.1" in line
    assert "forwarded-proto=http" in line
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="203.0.113.9, 127.0.0.1", REMOTE_ADDR="127.0.0.1"
    )
    assert client_address(request) == "127.0.0.1"


def test_the_front_passes_static_files_and_robots_txt(front):
    port, _ = front
    assert get(port, "/robots.txt")[0] == 200
    status, body, _ = get(port, "/static/css/site.css")
    assert status == 200 and "{" in body


def test_the_front_cuts_off_a_client_that_stops_sending_its_request(front):
    """client_header_timeout: a connection that sent half a request line and went silent is
    closed by nginx after 10 s (an idle one costs nginx a few kilobytes meanwhile, no worker)."""
    port, _ = front
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: loc")
        started = time.monotonic()
        try:  # closed (reset_timedout_connection: a reset), or at most a 408
            answer = sock.recv(1024)
        except ConnectionResetError:
            answer = b""
        waited = time.monotonic() - started
    assert answer == b"" or answer.startswith(b"HTTP/1.1 408"), answer
    assert 9 < waited < 20, waited
