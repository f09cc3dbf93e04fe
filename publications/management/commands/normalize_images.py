"""Bring images stored before the image pipeline existed in line with it (thinktank/images.py):
covers, experts' photos and center images in CMYK, with a colour profile, sideways, 16-bit...

python manage.py normalize_images            # replace each such file by its normalized copy
python manage.py normalize_images --dry-run  # count them, change nothing

Plain images are left as they are. Each replaced file gets a new name (a new URL for caches);
the old file is deleted once the row points at the new one.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image

from centers.models import Center
from publications.models import Author, Publication
from thinktank.images import is_plain, stored_image_normalize

FIELDS = [(Publication, "cover"), (Author, "photo"), (Center, "image")]


class Command(BaseCommand):
    help = "Pass stored covers, photos and center images through the image pipeline."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *args, dry_run, **options):
        total = 0
        for model, field in FIELDS:
            rows = model.objects.exclude(**{field: ""}).only("pk", field).order_by("pk")
            for obj in rows.iterator(chunk_size=200):
                stored = getattr(obj, field)
                if dry_run:
                    total += _needs_work(stored)
                    continue
                new_name = stored_image_normalize(stored)
                if new_name is None:
                    continue
                old_name = stored.name
                with transaction.atomic():
                    model.objects.filter(pk=obj.pk).update(**{field: new_name})
                stored.storage.delete(old_name)
                total += 1
                self.stdout.write(f"{model._meta.model_name} {obj.pk} {field}: {new_name}")
        verb = "Would normalize" if dry_run else "Normalized"
        self.stdout.write(self.style.SUCCESS(f"{verb} {total} image(s)."))


def _needs_work(stored):
    try:
        with stored.storage.open(stored.name, "rb") as handle, Image.open(handle) as image:
            return not is_plain(image)
    except Exception:
        return False
