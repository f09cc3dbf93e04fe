"""Export every region, theme, series, center, expert and publication (whatever its status) in
the contract's JSON format, ordered by slug so that two exports of the same data are identical.

Without FILE the document goes to stdout. With FILE, the PDFs, covers, photos and center images
are copied into a `files/` folder beside it and named by relative path, ready for
`import_publications FILE`.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from publications.interchange import dump_document, export_document


class Command(BaseCommand):
    help = (
        "Export all publications and their taxonomy, series, centers and experts as JSON "
        "(stdout by default; given FILE, files are copied into files/ beside it)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", metavar="FILE.json", nargs="?", help="Write here instead of stdout."
        )

    def handle(self, *args, file, **options):
        target = Path(file) if file else None
        if target is not None and not target.parent.is_dir():
            raise CommandError(f"Folder {target.parent} does not exist.")
        document, warnings = export_document(target=target)
        text = dump_document(document)
        for warning in warnings:
            self.stderr.write(self.style.WARNING(warning))
        if target is None:
            self.stdout.write(text, ending="")
            return
        target.write_text(text, encoding="utf-8")
        counts = ", ".join(f"{len(records)} {section}" for section, records in document.items())
        self.stdout.write(self.style.SUCCESS(f"Exported {counts} to {target}."))
