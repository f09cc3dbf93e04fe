"""Derive the text (for search) and a cover thumbnail from uploaded PDFs.

python manage.py process_pdfs             # those with a PDF and no text or no thumbnail yet
                                          # (but not those that failed: give their slugs)
python manage.py process_pdfs --all       # every publication with a PDF
python manage.py process_pdfs slug-a slug-b
"""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from publications.models import Publication
from publications.pdf.processing import publication_pdf_process
from publications.search import search_index_refresh


class Command(BaseCommand):
    help = "Extract the text of uploaded PDFs and make thumbnails of their first pages."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Only these publications.")
        parser.add_argument("--all", action="store_true", help="Redo publications done before.")
        parser.add_argument("--dry-run", action="store_true", help="List, change nothing.")

    def handle(self, *args, slugs, all, dry_run, **options):
        publications = Publication.objects.exclude(pdf="").order_by("pk")
        if slugs:
            publications = publications.filter(slug__in=slugs)
            missing = set(slugs) - set(publications.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No publication with a PDF for: {', '.join(sorted(missing))}")
        elif not all:
            publications = publications.filter(
                Q(pdf_text="") | (Q(thumbnail="") & Q(cover=""))
            ).exclude(pdf_status=Publication.PdfStatus.FAILED)
        done, processed = 0, []
        for publication in publications.iterator(chunk_size=50):
            if dry_run:
                self.stdout.write(f"would process {publication.slug}")
            else:
                publication_pdf_process(publication=publication)
                processed.append(publication.pk)
                self.stdout.write(f"processed {publication.slug}")
            done += 1
        if processed:
            search_index_refresh()  # once, not once per publication
        verb = "Would process" if dry_run else "Processed"
        self.stdout.write(self.style.SUCCESS(f"{verb} {done} publication(s)."))
