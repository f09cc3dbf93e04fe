"""Import regions, themes, series, centers, experts and publications from the contract's JSON.

Upsert by slug; the whole document is validated first and written in one transaction, so one
bad record means nothing is written and the command exits non-zero naming the record (section,
index, slug) and the field. `pdf`, `cover`, `photo` and `image` paths are relative to the JSON
file. The work itself is in `publications.interchange`.
"""

from django.core.management.base import BaseCommand, CommandError

from publications.interchange import InterchangeError, import_document, publication_ids_touched
from publications.models import Publication
from publications.pdf_services import publications_make_missing_thumbnails
from publications.search import (
    is_postgres,
    search_index_refresh,
    search_index_refresh_parallel,
)

MAX_ERRORS_SHOWN = 50

#: Above this many publications, the search refresh runs in batches on several connections.
PARALLEL_REFRESH_FROM = 5000


class Command(BaseCommand):
    help = (
        "Import publications and their taxonomy, series, centers and experts from a JSON file "
        "(upsert by slug, all or nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE.json", help="The document to import.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Validate the whole document and report what would change; write nothing.",
        )

    def handle(self, *args, file, dry_run, **options):
        try:
            report = import_document(file, dry_run=dry_run)
        except InterchangeError as exc:
            shown = exc.errors[:MAX_ERRORS_SHOWN]
            more = len(exc.errors) - len(shown)
            lines = [f"Import refused: {len(exc.errors)} error(s); nothing was written.", *shown]
            if more:
                lines.append(f"… and {more} more.")
            raise CommandError("\n".join(lines)) from exc
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(warning))
        if dry_run:
            self.stdout.write(
                self.style.SUCCESS(
                    "Dry run: the document is valid; nothing was written. "
                    f"Would import {report.summary()}."
                )
            )
        else:
            thumbnails = publications_make_missing_thumbnails()
            self.refresh_search(report)
            self.stdout.write(self.style.SUCCESS(f"Imported {report.summary()}."))
            if thumbnails:
                self.stdout.write(f"Made {thumbnails} cover thumbnail(s) from PDFs.")

    @staticmethod
    def refresh_search(report):
        """Refresh the search vectors of what the document touched (of the whole catalogue when
        it touched most of it), after the import committed; large refreshes use every core."""
        if not is_postgres():
            return
        ids = publication_ids_touched(report)
        if len(ids) * 2 >= Publication.objects.count():
            ids = None
        if ids is None or len(ids) > PARALLEL_REFRESH_FROM:
            search_index_refresh_parallel(publication_ids=ids)
        else:
            search_index_refresh(publication_ids=ids)
