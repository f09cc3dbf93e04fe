#!/usr/bin/env python3
"""In-process size and render time of one list page (issue 12: the filter trees' share).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tt_reader_10k \\
        .venv/bin/python bench/list_render.py [--runs 30] [PATH]

Django's test Client against the given database (read-only: GET requests only), page cache
off, local-memory cache; the first request warms up and is not counted. Prints the HTML size
in bytes, the share of it inside the filter form (`<form id="filters" …</form>`), and the
median/min/max wall time of `--runs` requests in milliseconds, and of rendering the view's
template alone (its TemplateResponse rendered apart from the view; lazy querysets evaluated
while rendering count there), in wall and in CPU time (this process's, which the load of a
shared machine disturbs less).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = "/publications/?region=asia&theme=security&page=3"
    parser.add_argument("path", nargs="?", default=default)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thinktank.settings.test")
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.test import Client, RequestFactory
    from django.urls import resolve

    client = Client()
    response = client.get(args.path)
    assert response.status_code == 200, response.status_code
    html = response.content
    start = html.find(b'<form id="filters"')
    end = html.find(b"</form>", start)
    times, renders, cpu = [], [], []
    factory = RequestFactory()
    for _ in range(args.runs):
        began = time.perf_counter()
        client.get(args.path)
        times.append((time.perf_counter() - began) * 1000)
        # The template alone: the view's TemplateResponse, rendered apart.
        request = factory.get(args.path)
        request.resolver_match = resolve(request.path)
        request.user = AnonymousUser()
        response = request.resolver_match.func(request)
        began, began_cpu = time.perf_counter(), time.process_time()
        response.render()
        renders.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    print(f"path: {args.path}")
    print(f"html: {len(html):,} bytes; filter form: {end - start:,} bytes")
    print(
        f"render: median {statistics.median(times):.1f} ms, "
        f"min {min(times):.1f}, max {max(times):.1f} ({args.runs} runs)"
    )
    print(
        f"template render alone: median {statistics.median(renders):.1f} ms, "
        f"min {min(renders):.1f}, max {max(renders):.1f}; CPU time median "
        f"{statistics.median(cpu):.1f} ms, min {min(cpu):.1f}"
    )


if __name__ == "__main__":
    main()
