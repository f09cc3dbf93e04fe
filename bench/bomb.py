#!/usr/bin/env python3
"""Time and memory of a decompression-bomb PDF upload (tests/pdf_bombs.py: 17 KB that PDFium
reads as 1.6 GB), on the path the admin's save takes, in a given source tree.

    python bench/bomb.py [--tree PATH] [--backend immediate|database]

In a fresh SQLite database (migrated in a temporary folder), a publication gets the bomb as its
PDF, then the admin's processing entry point runs in one process, as in a web worker:
`publication_pdf_process` in a tree from before background tasks (main before issue 13), else
`publication_pdf_changed`. Prints the seconds it took and the process's peak resident memory
(ru_maxrss) before and after. With `--backend database` the request only queues the task; the
script then runs `manage.py db_worker --batch` and prints the worker's time, peak memory and
that of its children (the limited reader), and the status left on the publication.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

REQUEST = """
import resource, time
from django.core.files.base import ContentFile
from publications.models import Publication
from tests.factories import PublicationFactory
def rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
publication = PublicationFactory()
publication.pdf.save("bomb.pdf", ContentFile(open({bomb!r}, "rb").read()), save=True)
before = rss()
start = time.monotonic()
try:
    from publications.services import publication_pdf_changed
except ImportError:  # before background tasks
    from publications.pdf.processing import publication_pdf_process
    publication_pdf_process(publication=publication)
else:
    publication_pdf_changed(publication=publication)
elapsed = time.monotonic() - start
p = Publication.objects.get(pk=publication.pk)
print(f"request: {{elapsed:.1f}} s, peak RSS {{before}} MB -> {{rss()}} MB; "
      f"status={{getattr(p, 'pdf_status', '-')!r}} pages={{p.pages}} "
      f"message={{getattr(p, 'pdf_status_message', '-')!r}}")
"""

WORKER = """
import resource, subprocess, sys, time
start = time.monotonic()
subprocess.run([sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay",
                "--no-reload"], check=True, capture_output=True)
elapsed = time.monotonic() - start
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(f"worker: {elapsed:.1f} s, peak RSS of the worker or its reader child {child} MB")
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", default=str(ROOT))
    parser.add_argument("--backend", default="immediate", choices=["immediate", "database"])
    args = parser.parse_args()
    tree = Path(args.tree)
    sys.path.insert(0, str(ROOT))
    from tests.pdf_bombs import bomb_pdf_bytes

    with tempfile.TemporaryDirectory() as tmp:
        bomb = Path(tmp) / "bomb.pdf"
        bomb.write_bytes(bomb_pdf_bytes())
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "MEDIA_ROOT": f"{tmp}/media",
            "PRIVATE_MEDIA_ROOT": f"{tmp}/private",
            "TASKS_BACKEND": args.backend,
            "DJANGO_SETTINGS_MODULE": "thinktank.settings.dev",
            "PYTHONPATH": str(tree),
        }
        python = str(ROOT / ".venv" / "bin" / "python")
        subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=tree, env=env, check=True)
        code = REQUEST.format(bomb=str(bomb))
        subprocess.run([python, "manage.py", "shell", "-c", code], cwd=tree, env=env, check=True)
        if args.backend == "database":
            subprocess.run([python, "-c", WORKER], cwd=tree, env=env, check=True)
            check = (
                "from publications.models import Publication; p = Publication.objects.get(); "
                "print(f'after the worker: status={p.pdf_status!r} pages={p.pages} "
                "message={p.pdf_status_message!r}')"
            )
            subprocess.run([python, "manage.py", "shell", "-c", check], cwd=tree, env=env)


if __name__ == "__main__":
    main()
