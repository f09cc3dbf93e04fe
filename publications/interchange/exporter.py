"""Export of the whole catalogue in the contract's format, every item whatever its status.

Records are ordered by slug and their keys follow `format.KEYS`, so two exports of the same data
are identical, and export → import into an empty database → export gives the same document.
Given the JSON file to write, files are copied into a `files/` folder beside it:
`files/<slug>.pdf`, `files/covers/`, `files/photos/` and `files/centers/`.
"""

import shutil
from collections import defaultdict
from datetime import UTC
from pathlib import Path

from django.db.models import F
from django.utils.translation import override

from centers.models import Center
from publications.models import (
    Author,
    PinnedRelation,
    Publication,
    PublicationAuthor,
    PublicationCenter,
    PublicationRegion,
    PublicationTheme,
    Series,
)
from taxonomy.models import Region, Theme
from thinktank.i18n import BASE_LANGUAGE

from .format import KEYS, french_keys

#: Where each file goes, relative to the exported JSON file.
FILE_PATHS = {
    ("publications", "pdf"): "files/{slug}.pdf",
    ("publications", "cover"): "files/covers/{slug}.{ext}",
    ("authors", "photo"): "files/photos/{slug}.{ext}",
    ("centers", "image"): "files/centers/{slug}.{ext}",
}


def export_document(*, target: Path | None = None):
    """(document, warnings): the catalogue as a dict of the six sections.

    With `target` (the JSON file to be written) the PDFs, covers, photos and center images are
    copied into `files/` beside it; a file that cannot be read is left out with a warning.
    Without it, the document names the files it would copy and a warning says so."""
    exporter = _Exporter(Path(target).parent if target else None)
    with override(BASE_LANGUAGE):  # the plain keys are the English values
        document = exporter.document()
    if target is None and exporter.files:
        exporter.warnings.append(
            f"The document names {exporter.files} files that were not copied: give FILE.json "
            "to copy them into files/ beside it."
        )
    return document, exporter.warnings


def _grouped(model, owner, *values, order=()):
    """{owner id: [value, or (values...)]} of a link table."""
    result = defaultdict(list)
    rows = model.objects.order_by(owner, *order, "pk").values_list(owner, *values)
    for key, *value in rows:
        result[key].append(value[0] if len(value) == 1 else tuple(value))
    return result


class _Exporter:
    def __init__(self, folder: Path | None):
        self.folder = folder
        self.warnings = []
        self.files = 0

    def document(self):
        return {
            "regions": self.records("regions", Region.objects.annotate(p=F("parent__slug"))),
            "themes": self.records("themes", Theme.objects.annotate(p=F("parent__slug"))),
            "series": self.records("series", Series.objects.all()),
            "centers": self.centers(),
            "authors": self.authors(),
            "publications": self.publications(),
        }

    def records(self, section, queryset, **values):
        """One record per object, ordered by slug: `values[key](obj)` where given, else the
        attribute of the same name; French keys only when they hold something."""
        french = french_keys(section)
        records = []
        for obj in queryset.order_by("slug").iterator(chunk_size=2000):
            record = {}
            for key in KEYS[section]:
                if key == "parent":
                    record[key] = obj.p
                elif (section, key) in FILE_PATHS:
                    record[key] = self.file(section, key, obj)
                elif key in values:
                    record[key] = values[key](obj)
                elif key not in french or getattr(obj, key):
                    record[key] = getattr(obj, key)
            records.append(record)
        return records

    def file(self, section, key, obj):
        """The relative path the document names; the file is copied there given a folder."""
        field_file = getattr(obj, key)
        if not field_file:
            return None
        extension = Path(field_file.name).suffix.lower().lstrip(".") or "bin"
        relative = FILE_PATHS[section, key].format(slug=obj.slug, ext=extension)
        self.files += 1
        if self.folder is not None:
            target = self.folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with (
                    field_file.storage.open(field_file.name, "rb") as src,
                    target.open("wb") as dst,
                ):
                    shutil.copyfileobj(src, dst)
            except OSError as exc:
                self.warnings.append(f"{relative}: cannot copy “{field_file.name}” ({exc}).")
                return None
        return relative

    def centers(self):
        heads = _grouped(Center.heads.through, "center_id", "author__slug", order=["author__slug"])
        return self.records(
            "centers",
            Center.objects.annotate(p=F("parent__slug")),
            heads=lambda center: heads[center.pk],
        )

    def authors(self):
        centers = _grouped(
            Author.centers.through, "author_id", "center__slug", order=["center__slug"]
        )
        return self.records("authors", Author.objects.all(), centers=lambda a: centers[a.pk])

    def publications(self):
        authors = _grouped(
            PublicationAuthor, "publication_id", "author__slug", "role", order=["position"]
        )
        tags = {
            key: _grouped(model, "publication_id", f"{column}__slug", order=[f"{column}__slug"])
            for key, model, column in (
                ("regions", PublicationRegion, "region"),
                ("themes", PublicationTheme, "theme"),
                ("centers", PublicationCenter, "center"),
            )
        }
        related = _grouped(
            PinnedRelation, "from_publication_id", "to_publication__slug", order=["position"]
        )
        queryset = Publication.objects.defer(
            "pdf_text", "search_vector", "search_rank_vector"
        ).annotate(series_slug=F("series__slug"), original=F("translation_of__slug"))
        return self.records(
            "publications",
            queryset,
            series=lambda p: p.series_slug,
            translation_of=lambda p: p.original,
            published_on=lambda p: p.published_on.isoformat(),
            publish_at=lambda p: p.publish_at and p.publish_at.astimezone(UTC).isoformat(),
            authors=lambda p: [slug for slug, _role in authors[p.pk]],
            author_roles=lambda p: [role for _slug, role in authors[p.pk]],
            related=lambda p: related[p.pk],
            **{key: (lambda p, by=by: by[p.pk]) for key, by in tags.items()},
        )
