#!/usr/bin/env python3
"""What readers see when a read replica stops and starts again, through gunicorn (2 sync
workers, persistent connections, production defaults REPLICA_CHECK_SECONDS=5).

    TEST_REPLICA_URL=$(.ci/replica)      # the streaming replica of the local PostgreSQL
    createdb -h 127.0.0.1 -U postgres tt_fallback && \\
      DATABASE_URL=postgres://postgres@127.0.0.1:5432/tt_fallback python manage.py migrate
    python bench/replica_fallback.py postgres://postgres@127.0.0.1:5432/tt_fallback \\
        postgres://postgres@127.0.0.1:5433/tt_fallback [--cluster "15 replica_tt"]

Requests /publications/ one after another (page cache off): 20 to warm up, then the replica is
stopped (`pg_ctlcluster … stop -m fast`) and 20 more are timed (status and milliseconds), then
it is started again and the script waits until the replica's database counts transactions
again (pg_stat_database.xact_commit), i.e. until the app reads from it. Prints the figures.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.front import free_port, get  # noqa: E402


def commits(replica_url):
    name = replica_url.rsplit("/", 1)[1]
    with psycopg.connect(replica_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        return conn.execute(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = %s", [name]
        ).fetchone()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database_url")
    parser.add_argument("replica_url")
    parser.add_argument("--cluster", default="15 replica_tt")
    args = parser.parse_args()
    cluster = args.cluster.split()
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "thinktank.settings.dev",
        "DATABASE_URL": args.database_url,
        "DATABASE_REPLICA_URLS": args.replica_url,
        "PAGE_CACHE_SECONDS": "0",
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "thinktank.wsgi:application", "--workers", "2",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                if get(port, "/healthz", timeout=5)[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        before = commits(args.replica_url)
        warm = [get(port, "/publications/") for _ in range(20)]
        print(f"warm-up: {sorted(round(t * 1000) for _, _, t in warm)} ms, "
              f"replica transactions +{commits(args.replica_url) - before}")  # fmt: skip
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", *cluster, "stop",
                        "-m", "fast"], check=True)  # fmt: skip
        down = [get(port, "/publications/") for _ in range(20)]
        print("replica stopped, next 20 requests (status, ms):",
              [(status, round(t * 1000)) for status, _, t in down])  # fmt: skip
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", *cluster, "start"],
                       check=True)  # fmt: skip
        started = time.monotonic()
        time.sleep(1)
        before = commits(args.replica_url)
        while True:
            get(port, "/publications/")
            if commits(args.replica_url) > before + 2:
                break
            time.sleep(0.1)
        print(f"replica started: read from again after {time.monotonic() - started:.1f} s")
    finally:
        app.terminate()
        app.wait(timeout=30)


if __name__ == "__main__":
    main()
