"""EXPLAIN (ANALYZE, BUFFERS) of every query the list page runs for some searches.

    DJANGO_SETTINGS_MODULE=thinktank.settings.test DATABASE_URL=postgres://... \
        .venv/bin/python bench/explain_search.py [--plan N] 'word' 'word -other' ...

Prints, per search, each query's execution time, buffers and the scans its plan uses (which
indexes, BitmapOr/BitmapAnd), and the whole plan of query number N (`--plan`, repeatable).
Buffers and plan shapes, unlike times, do not depend on what else the machine is doing.
"""

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thinktank.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

SCANS = re.compile(
    r"(BitmapOr|BitmapAnd|Seq Scan on \w+|Bitmap Index Scan on \w+|Index (?:Only )?Scan using \w+)"
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("searches", nargs="+")
    parser.add_argument("--plan", type=int, action="append", default=[])
    args = parser.parse_args()
    setup_test_environment()
    client = Client()
    url = reverse("publications:list")
    for text in args.searches:
        client.get(url, {"q": text})  # warms caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, {"q": text})
        total = response.context["paginator"].count
        print(f"=== q={text!r} matches={total} queries={len(captured.captured_queries)}")
        for number, query in enumerate(captured.captured_queries):
            sql = query["sql"]
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = [row[0] for row in cursor.fetchall()]
            time = next((line.strip() for line in plan if "Execution Time" in line), "")
            buffers = next((line.strip() for line in plan[:3] if "Buffers" in line), "")
            scans = sorted({m for line in plan for m in SCANS.findall(line)})
            print(f"  q{number}: {time} | {buffers} | {sql[:50]!r}")
            print("      " + "; ".join(scans))
            if number in args.plan:
                print("\n".join("        " + line for line in plan))


if __name__ == "__main__":
    main()
