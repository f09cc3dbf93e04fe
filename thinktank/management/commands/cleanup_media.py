"""Remove stored files that no row and no revision refers to any more.

python manage.py cleanup_media --dry-run     # list them, delete nothing
python manage.py cleanup_media               # delete them
python manage.py cleanup_media --min-age 0   # files of any age (default: older than an hour)

Replaced and deleted files are normally removed right after the change commits
(thinktank/files.py); this finds the rest: files whose last revision was deleted since
(`manage.py deleterevisions`), or left by a process that stopped between a commit and a delete.
Only the folders file fields upload to are searched (covers, photos, center images, PDFs,
thumbnails), and files younger than --min-age minutes are left alone: an upload in progress is
stored before its row is committed.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from thinktank.files import file_delete_if_unreferenced, is_referenced, upload_folders, walk


class Command(BaseCommand):
    help = "Delete uploaded files (PDFs, images, thumbnails) that no row or revision refers to."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List, delete nothing.")
        parser.add_argument(
            "--min-age",
            type=int,
            default=60,
            help="Leave files younger than this many minutes alone (default 60).",
        )

    def handle(self, *args, dry_run, min_age, **options):
        cutoff = timezone.now() - timedelta(minutes=min_age)
        found = deleted = 0
        for storage, folder in upload_folders():
            for name in walk(storage, folder):
                if min_age and storage.get_modified_time(name) > cutoff:
                    continue
                if is_referenced(name):
                    continue
                found += 1
                if dry_run:
                    self.stdout.write(f"would delete {name}")
                elif file_delete_if_unreferenced(storage, name):
                    deleted += 1
                    self.stdout.write(f"deleted {name}")
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"Dry run: {found} unreferenced file(s)."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Deleted {deleted} unreferenced file(s)."))
