"""Export of the whole catalogue in the contract's format, every item whatever its status.

Records are ordered by slug and their keys follow `format.KEYS`, so two exports of the same data
are identical, and export → import into an empty database → export gives the same document.
Given the JSON file to write, files are copied into a `files/` folder beside it:
`files/<slug>.pdf`, `files/covers/`, `files/photos/` and `files/centers/`.
"""

import datetime
import shutil
from collections import defaultdict
from pathlib import Path

from django.db.models import F
from django.utils.translation import override

from publications.validators import hyphenate_isbn
from thinktank.i18n import BASE_LANGUAGE

from .format import FILE_KEYS, KEYS, WRITTEN_WHEN_SET, french_keys
from .tables import TABLES

#: Where each file goes, relative to the exported JSON file.
FILE_PATHS = {
    ("publications", "pdf"): "files/{slug}.pdf",
    ("publications", "cover"): "files/covers/{slug}.{ext}",
    ("authors", "photo"): "files/photos/{slug}.{ext}",
    ("centers", "image"): "files/centers/{slug}.{ext}",
}
#: Derived columns that are not part of the format and would only weigh on the export.
NOT_EXPORTED = ("pdf_text", "search_vector", "search_rank_vector")
#: Identifiers written in their official form (stored compact); import reads either form.
OFFICIAL_FORMS = {"isbn": lambda value: hyphenate_isbn(value) if value else ""}


def export_document(*, target: Path | None = None):
    """(document, warnings): the catalogue as a dict of the six sections.

    With `target` (the JSON file to be written) the PDFs, covers, photos and center images are
    copied into `files/` beside it; a file that cannot be read is left out with a warning.
    Without it, the document names the files it would copy and a warning says so."""
    exporter = _Exporter(Path(target).parent if target else None)
    with override(BASE_LANGUAGE):  # the plain keys are the English values
        document = {table.section: exporter.records(table) for table in TABLES}
    if target is None and exporter.files:
        exporter.warnings.append(
            f"The document names {exporter.files} files that were not copied: give FILE.json "
            "to copy them into files/ beside it."
        )
    return document, exporter.warnings


def _links(links):
    """{owner id: [target slug, or (slug, role)]}, in position order or by slug."""
    result = defaultdict(list)
    owner, target = f"{links.owner}_id", f"{links.target}__slug"
    order = "position" if links.ordered else target
    values = [target, "role"] if links.roles else [target]
    for pk, *value in links.model.objects.order_by(owner, order, "pk").values_list(owner, *values):
        result[pk].append(tuple(value) if links.roles else value[0])
    return result


def _value(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class _Exporter:
    def __init__(self, folder: Path | None):
        self.folder = folder
        self.warnings = []
        self.files = 0

    def records(self, table):
        """One record per row, ordered by slug; French keys only when they hold something."""
        section, model = table.section, table.model
        links = {spec.key: _links(spec) for spec in table.links}
        french, files = french_keys(section), FILE_KEYS.get(section, {})
        when_set = list(WRITTEN_WHEN_SET.get(section, ()))
        queryset = (
            model.objects.annotate(**{f"{ref}_ref": F(f"{ref}__slug") for ref in table.refs})
            .defer(*(name for name in NOT_EXPORTED if hasattr(model, name)))
            .order_by("slug")
        )
        records = []
        for obj in queryset.iterator(chunk_size=2000):
            record = {}
            for key in KEYS[section]:
                if key in table.refs:
                    record[key] = getattr(obj, f"{key}_ref")
                elif key in links:
                    record[key] = [v[0] if isinstance(v, tuple) else v for v in links[key][obj.pk]]
                elif key == "author_roles":
                    record[key] = [role for _slug, role in links["authors"][obj.pk]]
                elif key in files:
                    record[key] = self.file(section, key, obj)
                elif key in OFFICIAL_FORMS:
                    record[key] = OFFICIAL_FORMS[key](getattr(obj, key))
                elif key not in french + when_set or getattr(obj, key):
                    record[key] = _value(getattr(obj, key))
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
