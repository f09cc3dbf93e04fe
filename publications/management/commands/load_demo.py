"""Load the demo content of a fictional institute (idempotent: a second run changes nothing)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from publications.demo.loader import demo_load
from publications.pdf.processing import publications_make_missing_thumbnails
from publications.search import search_index_refresh


class Command(BaseCommand):
    help = (
        "Create or update the demo content: regions, themes, centers, experts with photos, "
        "series and publications with PDFs. Running it again changes nothing."
    )

    def handle(self, *args, **options):
        counts = demo_load()
        publications_make_missing_thumbnails()
        search_index_refresh()  # one UPDATE for the whole catalogue, after every write
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo of {settings.INSTITUTE_NAME}: {summary}."))
