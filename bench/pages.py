#!/usr/bin/env python3
"""Requests per second of the list and detail pages under load, beside the floor view, served
by gunicorn as in production; uncached (page cache off) and cached (Redis page cache).

Build a dataset (PostgreSQL; 10,000 publications take ~2.5 min to import, 100,000 ~5 min):

    python bench/generate.py --publications 10000 --experts 1000 --out bench/data/catalogue-10k.json
    createdb -h 127.0.0.1 -U postgres tt_pages_10k
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tt_pages_10k python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tt_pages_10k \\
        python manage.py import_publications bench/data/catalogue-10k.json

then measure (one or more datasets, each `label=DATABASE_URL`):

    python bench/pages.py 10k=postgres://postgres@127.0.0.1:5432/tt_pages_10k \\
        100k=postgres://postgres@127.0.0.1:5432/tt_pages_100k [--rounds 3]

For each dataset and each mode, one gunicorn (2 sync workers, DJANGO_DEBUG=0, the settings of
bench/serve/, which add the floor view /bench-floor/ to the site) serves three measurements in
a row: the floor, 200 list URLs `/publications/?region=R&theme=T&page=3`, 200 detail URLs;
each is `wrk -t1 -c8 --timeout 60s` (wrk's default 2 s timeout drops slow answers on a
loaded machine and counts nothing for them) for 5 s (warm-up, not counted) then 15 s,
rotating over its URLs (bench/serve/rotate.lua); the 15 s are taken in three interleaved
5 s slices (floor, list, detail, floor, ...) so that the load of a shared machine weighs on
the three alike. Cached mode first requests every URL once, so the run measures hits.
Prints requests/s, the ratio to the floor of the same server, non-2xx counts and the workers'
resident memory after the run, as a Markdown table.
"""

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import appserver  # bench/appserver.py (scripts run as `python bench/…`)

ROOT = Path(__file__).resolve().parent.parent
SERVE = ROOT / "bench" / "serve"


PORT = appserver.free_port()  # the machine is shared: no fixed port
REDIS_URL = "redis://127.0.0.1:6379/9"
SEED = 12


def pick_urls(database_url):
    """200 list and 200 detail paths from the dataset (fixed seed)."""
    code = f"""
import random
from publications.models import Publication
from taxonomy.models import Region, Theme
rng = random.Random({SEED})
regions = list(Region.objects.order_by("slug").values_list("slug", flat=True))
themes = list(Theme.objects.order_by("slug").values_list("slug", flat=True))
slugs = list(Publication.objects.published().order_by("pk").values_list("slug", flat=True))
for _ in range(200):
    print(f"L /publications/?region={{rng.choice(regions)}}&theme={{rng.choice(themes)}}&page=3")
for slug in rng.sample(slugs, 200):
    print(f"D /publications/{{slug}}/")
"""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "thinktank.settings.dev",
    }
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    lists = [line[2:] for line in out if line.startswith("L ")]
    details = [line[2:] for line in out if line.startswith("D ")]
    return lists, details


def serve(database_url, *, cached):
    env = {
        "DJANGO_SETTINGS_MODULE": "settings",
        "CACHE_URL": REDIS_URL,
        "PAGE_CACHE_SECONDS": "600" if cached else "0",
    }
    return appserver.start(
        database_url,
        port=PORT,
        ready_path="/bench-floor/",
        env=env,
        args=["--pythonpath", f"{SERVE},{ROOT}"],
        tries=100,
    )


def worker_rss_mb(server):
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return max(sizes) if sizes else 0


def wrk(paths, seconds):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("\n".join(paths) + "\n")
    env = {**os.environ, "URLS": fh.name}
    out = subprocess.run(
        [
            "wrk",
            "-t1",
            "-c8",
            f"-d{seconds}s",
            "--timeout",
            "60s",
            "-s",
            str(SERVE / "rotate.lua"),
            f"http://127.0.0.1:{PORT}",
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    os.unlink(fh.name)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return requests, int(errors.group(1)) if errors else 0


def measure(targets, *, warmup, duration, slices):
    """{name: (requests/s, non-2xx)} for each (name, paths): a warm-up of each, then
    `duration` seconds of each in `slices` interleaved parts (floor, list, detail, floor, ...),
    so that the load of a shared machine weighs on all of them alike."""
    for _name, paths in targets:
        wrk(paths, warmup)
    totals = {name: [0, 0] for name, _paths in targets}
    for _ in range(slices):
        for name, paths in targets:
            requests, errors = wrk(paths, duration // slices)
            totals[name][0] += requests
            totals[name][1] += errors
    seconds = slices * (duration // slices)
    return {name: (requests / seconds, errors) for name, (requests, errors) in totals.items()}


def prime(paths):
    for path in paths:
        urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=60).read()


def flush_redis():
    subprocess.run(
        ["redis-cli", "-n", REDIS_URL.rsplit("/", 1)[1], "FLUSHDB"], check=True, capture_output=True
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="+", metavar="LABEL=DATABASE_URL")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--slices", type=int, default=3)
    parser.add_argument("--modes", default="uncached,cached")
    args = parser.parse_args()

    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        check=True,
        env={
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "collectstatic-only-" + "x" * 40,
        },
    )
    rows = []
    for label, database_url in (item.split("=", 1) for item in args.datasets):
        lists, details = pick_urls(database_url)
        for round_ in range(1, args.rounds + 1):
            for mode in args.modes.split(","):
                flush_redis()
                server = serve(database_url, cached=mode == "cached")
                try:
                    if mode == "cached":
                        prime(lists + details)
                    targets = [("floor", ["/bench-floor/"]), ("list", lists), ("detail", details)]
                    results = measure(
                        targets, warmup=args.warmup, duration=args.duration, slices=args.slices
                    )
                    rss = worker_rss_mb(server)
                finally:
                    server.send_signal(signal.SIGTERM)
                    server.wait(timeout=30)
                floor = results["floor"][0]
                row = (
                    f"| {label} | {round_} | {mode} | {floor:,.0f} | "
                    + " | ".join(
                        f"{results[n][0]:,.1f} ({results[n][0] / floor:.4f})"
                        + (f", {results[n][1]} non-2xx" if results[n][1] else "")
                        for n in ("list", "detail")
                    )
                    + f" | {rss:.0f} MB |"
                )
                print(row, flush=True)
                rows.append(row)
    print(
        "\n| dataset | round | mode | floor req/s | list req/s (÷ floor) | "
        "detail req/s (÷ floor) | worker RSS |"
    )
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    random.seed(SEED)
    main()
