"""The production-like app server the benchmarks measure: gunicorn with 2 sync workers and
DJANGO_DEBUG=0 on a free loopback port, as the issue's measurements were taken."""

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_SECRET_KEY = "bench-only-secret-key-" + "x" * 40


def free_port():
    """A TCP port nothing listens on (the machine is shared: no fixed port)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(database_url, *, port, ready_path, env=None, args=(), tries=150):
    """A running gunicorn (subprocess.Popen) serving the project on 127.0.0.1:`port`, once
    `ready_path` answers; `env` adds or overrides variables (CACHE_URL, settings...), `args`
    adds gunicorn options. Exits the benchmark when it never answers (30 s by default)."""
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": BENCH_SECRET_KEY,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        **(env or {}),
    }
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "thinktank.wsgi:application",
        *args,
        "--workers",
        "2",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=environment)
    for _ in range(tries):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}", timeout=2).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer")
