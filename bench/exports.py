#!/usr/bin/env python3
"""List-page latency while eight clients pull large exports (publications/export_limits.py).

    python bench/exports.py postgres://postgres@127.0.0.1:5432/tt_tasks_10k [--seconds 30]

One gunicorn as in production (2 sync workers, DJANGO_DEBUG=0, Redis cache, the page cache
off so that every list request renders) serves, for `--seconds`:

- eight export clients, each with an address of its own (X-Forwarded-For behind
  TRUSTED_PROXY_COUNT=1), looping over `/publications/export.{csv,bib,ris,pdf}` of the whole
  catalogue (10,000 items), each request with a query string of its own (`year_from=1900`,
  which keeps every item, and `bench=n`, which the filters ignore) so that none is served from
  the export cache: the worst case;
- two list clients, looping over `/publications/?page=N` (N in 1..50), whose latencies are
  recorded.

Three times: "no exports" (the list alone: the floor of this machine), "unbounded"
(EXPORT_CONCURRENCY=0, EXPORT_RATE_LIMIT=0, EXPORT_CACHE_MAX_MB=0: the exports as before) and
"bounded" (the defaults), and "bounded, same query" (the eight clients ask for the same four
exports, which the export cache then serves); `--only MODE` runs one. Prints the list's
p50/p99/max, list errors and timeouts, and what the exporters got (200s, 429s), as a Markdown
table.
"""

import argparse
import http.client
import itertools
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import appserver  # bench/appserver.py (scripts run as `python bench/…`)

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = "redis://127.0.0.1:6379/4"
FORMATS = ["csv", "bib", "ris", "pdf"]
MODES = ["no exports", "unbounded", "bounded", "bounded, same query"]


def serve(database_url, port, bounded):
    env = {
        "CACHE_URL": REDIS_URL,
        "PAGE_CACHE_SECONDS": "0",
        "TRUSTED_PROXY_COUNT": "1",
        "DJANGO_SETTINGS_MODULE": "thinktank.settings.prod",
    }
    if not bounded:
        env.update(EXPORT_CONCURRENCY="0", EXPORT_RATE_LIMIT="0", EXPORT_CACHE_MAX_MB="0")
    return appserver.start(
        database_url, port=port, ready_path="/healthz", env=env, args=["--timeout", "120"]
    )


def get(port, path, headers=None, timeout=30):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def run(database_url, seconds, mode):
    bounded = mode != "unbounded"
    port = appserver.free_port()
    subprocess.run(["redis-cli", "-n", "4", "flushdb"], check=True, capture_output=True)
    server = serve(database_url, port, bounded)
    stop = time.monotonic() + seconds
    latencies, list_errors, exports = [], [], {}
    counter = itertools.count()
    lock = threading.Lock()

    def exporter(number):
        headers = {"X-Forwarded-For": f"203.0.113.{number + 1}"}
        for i in itertools.count():
            if time.monotonic() > stop:
                return
            fmt = FORMATS[(number + i) % len(FORMATS)]
            path = f"/publications/export.{fmt}?year_from=1900"
            if mode != "bounded, same query":
                path += f"&bench={next(counter)}"
            try:
                status = get(port, path, headers, timeout=120)
            except OSError as error:
                status = type(error).__name__
            with lock:
                exports[status] = exports.get(status, 0) + 1
            if status == 429:
                time.sleep(1)  # a polite client waits; Retry-After asks for more

    def reader(number):
        for i in itertools.count():
            if time.monotonic() > stop:
                return
            path = f"/publications/?page={(number * 25 + i) % 50 + 1}"
            start = time.monotonic()
            try:
                status = get(port, path, timeout=30)
            except OSError as error:
                status = type(error).__name__
            elapsed = time.monotonic() - start
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    list_errors.append(status)

    exporters = 0 if mode == "no exports" else 8
    threads = [threading.Thread(target=exporter, args=(n,)) for n in range(exporters)]
    threads += [threading.Thread(target=reader, args=(n,)) for n in range(2)]
    try:
        time.sleep(0)
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait()
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return {
        "mode": mode,
        "list requests": len(latencies),
        "p50": statistics.median(latencies),
        "p99": p99,
        "max": latencies[-1],
        "list errors": len(list_errors),
        "exports": exports,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--only", choices=MODES)
    args = parser.parse_args()
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "thinktank.settings.prod",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "collectstatic-only-" + "x" * 40,
        },
        check=True,
    )
    modes = [args.only] if args.only else MODES
    rows = [run(args.database_url, args.seconds, mode) for mode in modes]
    print(
        "| exports | list requests | list p50 (s) | list p99 (s) | list max (s) | list errors "
        "| export answers |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        answers = ", ".join(f"{k}: {v}" for k, v in sorted(row["exports"].items(), key=str))
        print(
            f"| {row['mode']} | {row['list requests']} | {row['p50']:.2f} | {row['p99']:.2f} "
            f"| {row['max']:.2f} | {row['list errors']} | {answers} |"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
