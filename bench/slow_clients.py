#!/usr/bin/env python3
"""How long /healthz takes while slow clients are connected: gunicorn alone (2 sync workers)
against the same gunicorn behind the shipped nginx front (deploy/nginx.conf).

    createdb -h 127.0.0.1 -U postgres tt_slow && \\
      DATABASE_URL=postgres://postgres@127.0.0.1:5432/tt_slow python manage.py migrate
    python bench/slow_clients.py postgres://postgres@127.0.0.1:5432/tt_slow [--clients 8]

The slow clients (tests/front.py `SlowClients`) send one byte every 0.5 s: half of them a GET
with a 4 KB header, half a POST with a 100 KB body. Each probe is a GET /healthz with a 10 s
timeout, one every 0.5 s for 15 s once the clients are connected. Prints a Markdown table.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.front import SlowClients, get, serve  # noqa: E402


def probe(port, seconds=15.0):
    """Latencies (s) of /healthz, None for a probe that got no answer within 10 s."""
    results = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        status, _, took = get(port, "/healthz", timeout=10)
        results.append(took if status == 200 else None)
        time.sleep(0.5)
    return results


def row(label, results):
    answered = sorted(r for r in results if r is not None)
    median = f"{statistics.median(answered) * 1000:.0f} ms" if answered else "-"
    worst = f"{max(answered) * 1000:.0f} ms" if answered else "-"
    return f"| {label} | {len(results)} | {len(results) - len(answered)} | {median} | {worst} |"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database_url")
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    env = {
        "DJANGO_SETTINGS_MODULE": "thinktank.settings.dev",
        "DATABASE_URL": args.database_url,
        "TRUSTED_PROXY_COUNT": "1",
        "DATABASE_REPLICA_URLS": "",
    }
    lines = [
        "| /healthz | probes | no answer in 10 s | median | slowest answered |",
        "| --- | --- | --- | --- | --- |",
    ]
    with serve(env, workers=2) as (front_port, app_port):
        lines.append(row("gunicorn alone, no slow client", probe(app_port, 5)))
        lines.append(row("through nginx, no slow client", probe(front_port, 5)))
        with SlowClients(app_port, count=args.clients):
            lines.append(row(f"gunicorn alone, {args.clients} slow clients", probe(app_port)))
        time.sleep(2)
        with SlowClients(front_port, count=args.clients):
            lines.append(row(f"through nginx, {args.clients} slow clients", probe(front_port)))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
