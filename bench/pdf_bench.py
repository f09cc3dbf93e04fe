"""PDF benchmarks: generating a 20-page edition, processing it as an upload (validation, text,
thumbnail), and serving a PDF through the view against serving a static file of the same size
through the same server (gunicorn + WhiteNoise).

    .venv/bin/python bench/pdf_bench.py [--requests 300] [--concurrency 8] [--port 8106]

Everything lives in a temporary folder (SQLite database, media, static root) unless
DATABASE_URL is set; gunicorn runs with the production settings (DEBUG off, WhiteNoise) and 4
sync workers on 127.0.0.1:PORT, and is stopped at the end. Prints a Markdown report.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SETTINGS = """
import os
from pathlib import Path
from thinktank.settings.prod import *  # noqa
STATIC_ROOT = Path(os.environ["BENCH_STATIC_ROOT"])
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
LOGGING = {"version": 1, "disable_existing_loggers": False}
"""

PARAGRAPH = (
    "Les négociations de Kraków ont réuni Łukasz Wałęsa, Ayşe Şahin, Ödön Győrfi et Kōji Ōno "
    "à Besançon. The partnership that emerged is less an alliance than a habit of consultation: "
    "regular meetings of defence officials, exchanges of liaison officers, joint exercises and "
    "a growing body of agreements on logistics and information sharing. "
)


def setup(tmp):
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench_settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
            "MEDIA_ROOT": str(tmp / "media"),
            "PRIVATE_MEDIA_ROOT": str(tmp / "private"),
            "BENCH_STATIC_ROOT": str(tmp / "static"),
            "DJANGO_SECURE_SSL_REDIRECT": "0",
        }
    )
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'bench.sqlite3'}")
    (tmp / "bench_settings.py").write_text(SETTINGS)
    sys.path[:0] = [str(tmp), str(ROOT)]
    os.environ["PYTHONPATH"] = os.pathsep.join([str(tmp), str(ROOT)])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def make_publications():
    from django.core.files.base import ContentFile

    from publications.models import Author, Publication, PublicationAuthor

    Publication.objects.filter(slug__startswith="bench-").delete()
    author, _ = Author.objects.get_or_create(slug="bench-author", defaults={"name": "Jane Doe"})
    body = "\n\n".join(PARAGRAPH * 3 for _ in range(64))
    edition = Publication.objects.create(
        slug="bench-edition",
        title="Security Partnerships in East Asia: Japan’s Quiet Turn",
        subtitle="A benchmark edition",
        status=Publication.Status.PUBLISHED,
        summary="A long edition for the benchmark.",
        body=body,
        isbn="978-2-36567-123-1",
    )
    PublicationAuthor.objects.create(publication=edition, author=author)
    upload = Publication.objects.create(
        slug="bench-upload", title="An uploaded PDF", status=Publication.Status.PUBLISHED
    )
    data = b"%PDF-1.4\n" + os.urandom(5 * 1024 * 1024)
    upload.pdf.save("bench.pdf", ContentFile(data), save=True)
    return edition, upload


def bench_generation(edition, rounds=5):
    from publications.pdf.edition_layout import render_edition
    from publications.pdf.editions import edition_data
    from publications.pdf.reader import page_count

    data = edition_data(edition)
    render_edition(data)  # fonts registered, caches warm
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        pdf = render_edition(data)
        times.append(time.perf_counter() - start)
    return page_count(pdf), pdf, times


def bench_processing(pdf, rounds=5):
    """Median seconds of what an upload of `pdf` costs: validation, text, thumbnail."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from publications.pdf.processing import THUMBNAIL_WIDTH
    from publications.pdf.reader import first_page_image, pdf_text
    from publications.pdf.validation import validate_pdf_upload
    from thinktank.images import jpeg_bytes

    steps = {
        "upload validation (magic bytes, parse, pages)": lambda: validate_pdf_upload(
            SimpleUploadedFile("bench.pdf", pdf)
        ),
        "text extraction": lambda: pdf_text(pdf),
        f"thumbnail ({THUMBNAIL_WIDTH} px JPEG of page 1)": lambda: jpeg_bytes(
            first_page_image(pdf, width=THUMBNAIL_WIDTH)
        ),
    }
    medians = {}
    for name, step in steps.items():
        step()  # warm
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            step()
            times.append(time.perf_counter() - start)
        medians[name] = statistics.median(times)
    return medians


def fetch(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        size = 0
        while chunk := response.read(256 * 1024):
            size += len(chunk)
    return time.perf_counter() - start, size


def load(url, requests, concurrency):
    fetch(url)  # warm
    sequential = [fetch(url)[0] for _ in range(min(requests, 100))]
    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(lambda _n: fetch(url), range(requests)))
    elapsed = time.perf_counter() - start
    size = results[0][1]
    return {
        "size": size,
        "p50_ms": statistics.median(sequential) * 1000,
        "p95_ms": sorted(sequential)[int(len(sequential) * 0.95) - 1] * 1000,
        "rps": requests / elapsed,
        "mb_s": requests * size / elapsed / 1e6,
    }


def wait_for(url, process, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited early")
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except Exception:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer {url}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--port", type=int, default=8106)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="pdf-bench-"))
    server = None
    try:
        setup(tmp)
        from publications.models import Publication
        from publications.pdf.editions import publication_edition

        edition, upload = make_publications()
        pages, pdf, gen_times = bench_generation(edition)
        size = len(pdf)
        processing = bench_processing(pdf)
        start = time.perf_counter()
        cached = publication_edition(publication=edition)  # cold: data + render + write
        cold = time.perf_counter() - start
        start = time.perf_counter()
        publication_edition(publication=edition)  # warm: key + exists
        warm = time.perf_counter() - start

        static = tmp / "static" / "bench"
        static.mkdir(parents=True)
        shutil.copyfile(cached.storage.path(cached.name), static / "edition-same-size.pdf")
        shutil.copyfile(upload.pdf.path, static / "upload-same-size.pdf")

        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "thinktank.wsgi",
                "--bind",
                f"127.0.0.1:{args.port}",
                "--workers",
                "4",
                "--log-level",
                "warning",
            ],
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench_settings"},
            cwd=ROOT,
        )
        base = f"http://127.0.0.1:{args.port}"
        wait_for(f"{base}/static/bench/edition-same-size.pdf", server)
        targets = [
            ("generated edition via the PDF view", f"{base}{edition.get_pdf_url()}"),
            ("same size, static (WhiteNoise)", f"{base}/static/bench/edition-same-size.pdf"),
            ("5 MB upload via the PDF view", f"{base}{upload.get_pdf_url()}"),
            ("same size, static (WhiteNoise)", f"{base}/static/bench/upload-same-size.pdf"),
        ]
        rows = [(name, load(url, args.requests, args.concurrency)) for name, url in targets]
        counted = Publication.objects.get(pk=edition.pk).download_count
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)

    print(
        textwrap.dedent(
            f"""\
        ## PDF benchmarks

        Machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; database
        {os.environ["DATABASE_URL"].split(":")[0]}; `python bench/pdf_bench.py --requests
        {args.requests} --concurrency {args.concurrency}`.

        ### Generating a {pages}-page edition (ReportLab Platypus, {size / 1024:.0f} KB)
        | measure | time |
        | --- | --- |
        | render only, median of {len(gen_times)} | {statistics.median(gen_times) * 1000:.0f} ms |
        | render only, best | {min(gen_times) * 1000:.0f} ms |
        | first request (content key + render + atomic write) | {cold * 1000:.0f} ms |
        | cached (content key + file check) | {warm * 1000:.1f} ms |

        ### Processing the same {pages}-page PDF as an upload (PDFium), median of 5
        | step | time |
        | --- | --- |"""
        )
    )
    for name, seconds in processing.items():
        print(f"| {name} | {seconds * 1000:.1f} ms |")
    print(
        textwrap.dedent(
            f"""
        ### Serving through gunicorn (4 sync workers) on 127.0.0.1:{args.port}
        | what | size | p50 (sequential) | p95 | req/s at {args.concurrency} | MB/s |
        | --- | --- | --- | --- | --- | --- |"""
        )
    )
    for name, r in rows:
        print(
            f"| {name} | {r['size'] / 1024:.0f} KB | {r['p50_ms']:.1f} ms | {r['p95_ms']:.1f} ms "
            f"| {r['rps']:.0f} | {r['mb_s']:.0f} |"
        )
    print(f"\nDownloads counted for the edition during the run: {counted}.")


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    main()
