"""Time `import_publications` on 10,000 generated publications (and a re-import, and an export).

    DATABASE_URL=... .venv/bin/python bench/import_10k.py [--count 10000] [--pdfs 0]

Runs against a throw-away test database of the current DATABASE_URL (`test_<name>` on
PostgreSQL, a temporary file on SQLite), never against the real one.
"""

import argparse
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thinktank.settings.test")

TYPES = ["analysis", "report", "briefing", "book", "article", "media"]
STATUSES = ["published", "published", "published", "draft", "review", "archived"]


def isbn13(n):
    digits = f"978{n % 10**9:09d}"
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
    return digits + str((10 - total % 10) % 10)


def generate(directory: Path, count: int, pdfs: int):
    regions = [{"slug": f"region-{i}", "name": f"Region {i}", "parent": None} for i in range(8)]
    regions += [
        {"slug": f"country-{i}", "name": f"Country {i}", "parent": f"region-{i % 8}"}
        for i in range(60)
    ]
    themes = [{"slug": f"theme-{i}", "name": f"Theme {i}", "parent": None} for i in range(10)]
    themes += [
        {"slug": f"topic-{i}", "name": f"Topic {i}", "parent": f"theme-{i % 10}"} for i in range(30)
    ]
    series = [{"slug": f"series-{i}", "name": f"Series {i}", "issn": ""} for i in range(12)]
    centers = [
        {"slug": f"center-{i}", "name": f"Center {i}", "kind": "center", "parent": None}
        for i in range(6)
    ]
    centers += [
        {
            "slug": f"program-{i}",
            "name": f"Program {i}",
            "kind": "program",
            "parent": f"center-{i % 6}",
        }
        for i in range(12)
    ]
    authors = [
        {
            "slug": f"author-{i}",
            "name": f"Author Number{i}",
            "title": "Fellow",
            "bio": "Bio.",
            "centers": [f"center-{i % 6}"],
            "photo": None,
        }
        for i in range(300)
    ]
    if pdfs:
        from reportlab.pdfgen import canvas

        (directory / "files").mkdir()
    publications = []
    for n in range(count):
        slug = f"publication-{n:06d}"
        pdf = None
        if n < pdfs:
            pdf = f"files/{slug}.pdf"
            doc = canvas.Canvas(str(directory / pdf))
            doc.drawString(72, 720, f"Publication {n}")
            doc.showPage()
            doc.save()
        kind = TYPES[n % len(TYPES)]
        publications.append(
            {
                "slug": slug,
                "title": f"Publication {n}: a study of things",
                "subtitle": "",
                "type": kind,
                "series": f"series-{n % 12}" if n % 3 == 0 else None,
                "series_number": str(n) if n % 3 == 0 else "",
                "summary": "A summary.\n\nIn two paragraphs.",
                "body": "Body text. " * 200,
                "language": "fr" if n % 10 == 1 else "en",
                "translation_of": f"publication-{n - 1:06d}" if n % 10 == 1 else None,
                "published_on": f"{2000 + n % 25}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "status": STATUSES[n % len(STATUSES)],
                "publish_at": None,
                "isbn": isbn13(n) if kind == "book" else "",
                "doi": f"10.5555/pub.{n}" if n % 4 == 0 else "",
                "external_url": "https://example.org/x" if kind == "media" else "",
                "source": "Outlet" if kind == "media" else "",
                "authors": [f"author-{n % 300}", f"author-{(n * 7 + 1) % 300}"],
                "regions": [f"country-{n % 60}", f"region-{n % 8}"],
                "themes": [f"topic-{n % 30}"],
                "centers": [f"center-{n % 6}"],
                "related": [f"publication-{n - 2:06d}"] if n % 5 == 0 and n >= 2 else [],
                "pdf": pdf,
                "cover": None,
                "pages": 10 + n % 90,
            }
        )
    document = {
        "regions": regions,
        "themes": themes,
        "series": series,
        "centers": centers,
        "authors": authors,
        "publications": publications,
    }
    path = directory / "import.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--pdfs", type=int, default=0, help="how many of them get a PDF")
    options = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        tmp = Path(tmp)
        if connection.vendor == "sqlite":
            connection.settings_dict["TEST"]["NAME"] = str(tmp / "bench.sqlite3")
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            path = generate(tmp, options.count, options.pdfs)
            print(f"{connection.vendor}: {options.count} publications, {options.pdfs} PDFs")
            for label in ("import into an empty database", "re-import (all updates)"):
                start = time.perf_counter()
                call_command("import_publications", str(path), stdout=io.StringIO())
                print(f"  {label}: {time.perf_counter() - start:.1f} s")
            start = time.perf_counter()
            call_command("export_publications", stdout=io.StringIO(), stderr=io.StringIO())
            print(f"  export to stdout: {time.perf_counter() - start:.1f} s")
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
