"""Load the demo institute: `publications/demo/catalogue.json` and its files, imported like
`import_publications` does (see publications/demo/README.md).

Idempotent: a second run finds every record equal to the database and writes nothing, so
counts, files and `updated_at` stay as they are. The items that must stay hidden for a date have
fixed dates in 2031 (a document cannot compute "now + 10 days").

Loading the demo over edited demo items puts the demo's values back (it is an import);
`--if-empty` (what `make run` uses) loads it only into a database without publications, so the
edits of someone trying the admin survive the next `make run`.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from centers.models import Center
from publications.demo import DEMO_DOCUMENT
from publications.interchange import InterchangeError, import_document
from publications.models import Author, Publication, Series
from publications.tasks import enqueue_after_commit, search_index_refresh_task
from taxonomy.models import Region, Theme


class Command(BaseCommand):
    help = (
        "Create or update the demo content: regions, themes, centers, experts with photos, "
        "series and publications with PDFs. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only when the database holds no publication yet.",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and Publication.objects.exists():
            self.stdout.write("The database already holds publications: the demo was not loaded.")
            return
        try:
            import_document(DEMO_DOCUMENT)
        except InterchangeError as exc:
            raise CommandError(f"The demo document was refused:\n{exc}") from exc
        enqueue_after_commit(search_index_refresh_task)
        counts = {
            "regions": Region.objects.count(),
            "themes": Theme.objects.count(),
            "series": Series.objects.count(),
            "centers and programs": Center.objects.count(),
            "experts": Author.objects.count(),
            "publications": Publication.objects.count(),
            "public publications": Publication.objects.published().count(),
            "PDFs": Publication.objects.exclude(pdf="").count(),
        }
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo of {settings.INSTITUTE_NAME}: {summary}."))
