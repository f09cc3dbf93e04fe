"""Import regions, themes, series, centers, experts and publications from the contract's JSON.

Upsert by slug; the whole document is validated first and written in one transaction, so one
bad record means nothing is written and the command exits non-zero naming the record (section,
index, slug) and the field. Records equal to what the database holds are not written at all.
`pdf`, `cover`, `photo` and `image` paths are relative to the JSON file. The work itself is in
`publications.interchange`.
"""

from django.core.management.base import BaseCommand, CommandError

from publications.interchange import InterchangeError, import_document
from publications.tasks import enqueue_after_commit, search_index_refresh_task

MAX_ERRORS_SHOWN = 50


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
            shown = [str(error) for error in exc.errors[:MAX_ERRORS_SHOWN]]
            lines = [f"Import refused: {len(exc.errors)} error(s); nothing was written.", *shown]
            if len(exc.errors) > len(shown):
                lines.append(f"… and {len(exc.errors) - len(shown)} more.")
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
            return
        # The vectors of what changed were emptied by the writes: a background task computes
        # them on every core of its worker (until then they are found unranked).
        enqueue_after_commit(search_index_refresh_task)
        self.stdout.write(self.style.SUCCESS(f"Imported {report.summary()}."))
        if report.pdfs_processed:
            self.stdout.write(
                f"Queued {report.pdfs_processed} new or changed PDF(s) and covers for processing."
            )
