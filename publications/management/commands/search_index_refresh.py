"""Recompute the full-text search vectors (PostgreSQL), or refill SQLite's FTS5 index (which
its triggers keep in step anyway) when no slug is given.

python manage.py search_index_refresh            # every publication, one UPDATE
python manage.py search_index_refresh --slug a --slug b
"""

from django.core.management.base import BaseCommand

from publications.models import Publication
from publications.search import search_index_rebuild


class Command(BaseCommand):
    help = "Recompute the full-text search vectors of publications (all, or the given slugs)."

    def add_arguments(self, parser):
        parser.add_argument("--slug", action="append", default=[], help="Only this publication.")

    def handle(self, *args, slug, **options):
        ids = None
        if slug:
            ids = list(Publication.objects.filter(slug__in=slug).values_list("pk", flat=True))
        count = search_index_rebuild(publication_ids=ids)
        self.stdout.write(self.style.SUCCESS(f"Search vectors refreshed: {count}."))
