"""Real app servers for tests: gunicorn processes on loopback, started and stopped by a test.

Shared by the tests that run several servers (tests/thinktank/test_cache_servers.py,
tests/test_app_servers.py). The servers read the test database, so those tests commit
(`django_db(transaction=True)`) and run on PostgreSQL.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_get(port, path, headers=None):
    """(status, body as bytes, headers) of a GET to the server at `port`; errors are answers."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are answers to look at, not to follow."""

    def redirect_request(self, *args, **kwargs):
        return None


def database_url_of_tests():
    """The test database of this process as a DATABASE_URL for a server."""
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@contextlib.contextmanager
def app_servers(env, count=2, *, workers=1, timeout=60):
    """Start `count` gunicorn servers of `thinktank.wsgi` with `env` added to this process's
    environment; yields their ports once each answers /healthz, stops them afterwards."""
    environment = {
        **os.environ,
        "DATABASE_URL": database_url_of_tests(),
        "DJANGO_CONN_MAX_AGE": "0",  # nothing left open on the test database afterwards
        **env,
    }
    ports = [free_port() for _ in range(count)]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "thinktank.wsgi:application",
             "--workers", str(workers), "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
            cwd=ROOT, env=environment,
        )
        for port in ports
    ]  # fmt: skip
    try:
        deadline = time.monotonic() + timeout
        for port, process in zip(ports, processes, strict=True):
            while True:
                try:
                    if http_get(port, "/healthz")[0] == 200:
                        break
                except OSError:
                    pass
                assert process.poll() is None, f"the server on port {port} exited"
                assert time.monotonic() < deadline, "a server did not start"
                time.sleep(0.2)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


class Session:
    """A browser's cookies for one server: logs in through the admin's login form and posts
    forms with the CSRF token, over plain HTTP on loopback (cookies are sent by hand, as the
    `Secure` flag of production cookies would stop a cookie jar)."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def _remember(self, headers):
        for name, value in headers:
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _sep, val = pair.partition("=")
                self.cookies[key.strip()] = val.strip()

    def request(self, path, data=None, headers=None):
        """(status, body, headers as a list of pairs)."""
        from urllib.parse import urlencode

        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode({**data, "csrfmiddlewaretoken": self.cookies["csrftoken"]}, True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", data=body.encode() if body else None,
            headers=headers,
        )  # fmt: skip
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=60) as response:
                status, content, pairs = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, content, pairs = error.code, error.read(), error.headers
        self._remember(pairs.items())
        return status, content, pairs

    def log_in(self, username, password):
        self.request("/admin/login/")
        status, _content, headers = self.request(
            "/admin/login/?next=/admin/",
            {"username": username, "password": password, "next": "/admin/"},
        )
        assert status == 302 and headers["Location"] == "/admin/", status
