"""gunicorn behind the shipped nginx front (deploy/nginx.conf), and clients that send slowly:
used by tests/test_front.py and bench/slow_clients.py.

`serve(database_url, ...)` starts gunicorn (sync workers) and nginx as child processes on free
loopback ports, nginx with a temporary prefix and a main file of its own that includes
deploy/nginx.conf with its variables filled in, exactly as the README tells an operator to.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX_SITE = ROOT / "deploy" / "nginx.conf"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port, path, *, timeout=30, headers=None):
    """(status, body, seconds) of a GET to 127.0.0.1:port; status None when it timed out."""
    started = time.monotonic()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode()
    except (TimeoutError, urllib.error.URLError, ConnectionError) as error:
        if not isinstance(getattr(error, "reason", error), TimeoutError | socket.timeout):
            raise
        status, body = None, ""
    return status, body, time.monotonic() - started


def render_site(*, listen, app, server_name="localhost"):
    """deploy/nginx.conf with its three variables filled in (what envsubst does)."""
    text = NGINX_SITE.read_text()
    for name, value in {
        "THINKTANK_LISTEN": listen,
        "THINKTANK_APP": app,
        "THINKTANK_SERVER_NAME": server_name,
    }.items():
        text = text.replace("${" + name + "}", value)
    assert "${" not in text, "deploy/nginx.conf has a variable this helper does not fill in"
    return text


def _wait_for(port, process, what, deadline=60):
    end = time.monotonic() + deadline
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with status {process.returncode}")
        try:
            if get(port, "/healthz", timeout=5)[0] == 200:
                return
        except OSError:
            pass
        if time.monotonic() > end:
            raise RuntimeError(f"{what} did not answer /healthz on port {port}")
        time.sleep(0.2)


@contextlib.contextmanager
def serve(env, *, workers=2, access_log=None):
    """gunicorn (`workers` sync workers) and nginx in front; yields (nginx_port, gunicorn_port).
    `env`: the app's environment (DATABASE_URL, settings...)."""
    app_port, front_port = free_port(), free_port()
    prefix = Path(tempfile.mkdtemp(prefix="tt-front-"))
    command = [sys.executable, "-m", "gunicorn", "thinktank.wsgi:application",
               "--workers", str(workers), "--worker-class", "sync", "--timeout", "30",
               "--bind", f"127.0.0.1:{app_port}", "--log-level", "warning"]  # fmt: skip
    if access_log:
        command += ["--access-logfile", str(access_log), "--access-logformat",
                    "%(U)s forwarded-for=%({x-forwarded-for}i)s "
                    "forwarded-proto=%({x-forwarded-proto}i)s"]  # fmt: skip
    app = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
    (prefix / "thinktank.conf").write_text(
        render_site(listen=f"127.0.0.1:{front_port}", app=f"127.0.0.1:{app_port}")
    )
    # What Debian's /etc/nginx/nginx.conf gives the file, in a temporary prefix.
    (prefix / "nginx.conf").write_text(f"""
worker_processes 1;
user root;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/thinktank.conf;
}}
""")
    front = None
    try:
        _wait_for(app_port, app, "gunicorn")
        front = subprocess.Popen(
            ["nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"]
        )
        _wait_for(front_port, front, "nginx")
        yield front_port, app_port
    finally:
        for process in (front, app):
            if process is not None:
                process.terminate()
        for process in (front, app):
            if process is not None:
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(prefix, ignore_errors=True)


class SlowClients:
    """`count` connections that send a request a byte at a time (`interval` seconds apart):
    half dribble their headers, half send headers at once and then dribble a POST body.
    Runs in threads until `stop()`; each reconnects when the server closes it."""

    def __init__(self, port, count=8, interval=0.5):
        self.port, self.count, self.interval = port, count, interval
        self.stopping = threading.Event()
        self.threads = []
        self.closed_by_server = 0

    def _one(self, index):
        headers = (
            f"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow-{index}: "
            + "a" * 4000
            + "\r\n\r\n"
        ).encode()
        body_headers = (
            "POST /admin/login/ HTTP/1.1\r\nHost: localhost\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n"
            # A CSRF cookie, so that Django reads the body for the token instead of refusing
            # the POST from its headers alone: the worker waits for the body.
            f"Cookie: csrftoken={'a' * 32}\r\n\r\n"
        ).encode()
        while not self.stopping.is_set():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
                    if index % 2:
                        sock.sendall(body_headers)
                        dribble = b"a" * 100000
                    else:
                        dribble = headers
                    for byte in dribble:
                        if self.stopping.wait(self.interval):
                            return
                        sock.sendall(bytes([byte]))
            except OSError:
                self.closed_by_server += 1
                self.stopping.wait(0.1)

    def __enter__(self):
        for index in range(self.count):
            thread = threading.Thread(target=self._one, args=(index,), daemon=True)
            thread.start()
            self.threads.append(thread)
        time.sleep(1)  # every connection open and sending
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=10)
