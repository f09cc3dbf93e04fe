#!/usr/bin/env python3
"""Import the benchmark catalogue into PostgreSQL and time the analysts' pages server-side.

    createdb -h 127.0.0.1 -U postgres tt_bench
    python bench/generate.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tt_bench python bench/run.py [--skip-import]

Import: `manage.py import_publications` when the command exists (branch `interchange`), else a
bulk loader below; either way followed by one `search_index_refresh()` and ANALYZE. Timing: the
Django test Client in-process (no network, DEBUG off), each URL requested `--runs` times after a
warm-up; p50/p95 in milliseconds and the number of SQL queries per request.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thinktank.settings.test")


def do_import(path):
    """The real command (validation, one transaction, bulk writes, then the search refresh on
    every core), then VACUUM ANALYZE; timed as a whole."""
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("import_publications", str(path))
    loaded = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    total = time.perf_counter() - started
    return {"how": "manage.py import_publications", "import_s": loaded, "total_s": total}


def measure(client, url, runs, *, stream=False):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, queries, size = [], 0, 0
    for i in range(runs + 1):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url)
            body = b"".join(response.streaming_content) if stream else response.content
            elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (url, response.status_code)
        if i:  # the first request warms caches
            timings.append(elapsed)
        queries, size = len(ctx.captured_queries), len(body)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return {
        "url": url,
        "p50": statistics.median(timings),
        "p95": p95,
        "queries": queries,
        "bytes": size,
        "runs": runs,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT / "bench" / "data" / "catalogue.json"))
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from publications.models import Publication

    assert settings.IS_POSTGRES, "set DATABASE_URL=postgres://.../tt_bench"
    call_command("migrate", verbosity=0)
    report = {}
    if not args.skip_import:
        report["import"] = do_import(args.data)
        print("import:", report["import"], flush=True)

    public = Publication.objects.published()
    print("publications:", Publication.objects.count(), "public:", public.count())
    client = Client()
    # A 10,000-row export: the years that hold about 10,000 public items, newest first.
    years = sorted({d.year for d in public.dates("published_on", "year")}, reverse=True)
    year_from, total = years[0], 0
    for year in years:
        total += public.filter(published_on__year=year).count()
        year_from = year
        if total >= 10_000:
            break
    sys.path.insert(0, str(ROOT / "bench"))
    import random

    import generate

    words = generate.build_vocabulary(random.Random(generate.SEED), generate.EN_WORDS, 6000)[0]
    common, rare = words[999], words[5999]
    cases = [
        ("list, parent region + theme, facets", "/publications/?region=asia&theme=security", {}),
        ("list, no filter, facets", "/publications/", {}),
        # Words of the generated vocabulary by frequency (bench/generate.py, same seed):
        # rank 1000 is in ~10% of the documents, rank 6000 in ~1.5%; "security" in ~70%.
        ("search, common word (~10% of docs)", f"/publications/?q={common}", {}),
        ("search, rare word (~1.5% of docs)", f"/publications/?q={rare}", {}),
        ("search, ubiquitous word (~70% of docs)", "/publications/?q=security", {}),
        ("search, misspelled author", "/publications/?q=Lefevre+Chloe", {}),
        ("api list, region + theme", "/api/v1/publications/?region=asia&theme=security", {}),
        (
            f"csv export, {total} rows",
            f"/publications/export.csv?year_from={year_from}",
            {"stream": True, "runs": 5},
        ),
    ]
    results = []
    for label, url, options in cases:
        result = measure(
            client, url, options.get("runs", args.runs), stream=options.get("stream", False)
        )
        result["label"] = label
        results.append(result)
        print(
            f"{label:40} p50 {result['p50']:8.1f} ms  p95 {result['p95']:8.1f} ms  "
            f"{result['queries']} queries  {result['bytes']} bytes",
            flush=True,
        )
    report["results"] = results
    out = ROOT / "bench" / "data" / "last_run.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
