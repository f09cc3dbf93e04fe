"""The bulk writer of a validated document: one transaction, upsert by slug, links in bulk.

Only what `changes.py` found new or changed is written: rows with `bulk_create(update_conflicts=
True)` (parents before children, originals before translations), link rows of the changed
records deleted and re-created in bulk, files stored inside the same guarded block and removed
again when the transaction fails. Derived state follows by itself (database triggers keep the
facet rows and empty the search vectors of changed publications); after the commit, each
publication whose PDF or cover changed goes to `publication_pdf_changed` (its text and
thumbnail are derived in a background task). The caller refreshes the search index once
afterwards (`search_index_refresh_task`).
"""

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, transaction
from django.utils.translation import override

from publications.facets import facet_rows_bulk_write
from publications.models import Publication
from publications.services import publication_pdf_changed
from thinktank.cache import catalogue_changed
from thinktank.i18n import BASE_LANGUAGE

from .changes import BATCH, desired_links, table_changes
from .errors import InterchangeError, RecordError
from .files import FileStore
from .format import SECTIONS, TRANSLATED, read_document
from .queries import chunked_values, chunks
from .tables import BY_SECTION, TABLES
from .validation import validate_document


@dataclass
class ImportReport:
    """Records per section that are new, updated or unchanged (nothing written for those),
    and how many publications had their PDF processed."""

    dry_run: bool = False
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)
    unchanged: dict = field(default_factory=dict)
    pdfs_processed: int = 0
    warnings: list = field(default_factory=list)

    def summary(self):
        return "; ".join(
            f"{section}: {self.created.get(section, 0)} new, {self.updated.get(section, 0)} "
            f"updated, {self.unchanged.get(section, 0)} unchanged"
            for section in SECTIONS
        )


def import_document(path, *, dry_run=False) -> ImportReport:
    """Validate the whole document at `path`, then write what changed in one transaction.

    Raises InterchangeError listing every problem (`.errors`, each naming section, index, slug
    and key); nothing is written then, neither rows nor files. With dry_run=True nothing is
    written either: the report counts what would be new, updated and unchanged.
    """
    path = Path(path)
    plan = validate_document(read_document(path), base_dir=path.parent)
    report = ImportReport(dry_run=dry_run)
    report.warnings = [
        f"{section}: “{key}” ({count} record(s)) is not stored yet and was left out."
        for (section, key), count in sorted(plan.left_out.items())
    ]
    with override(BASE_LANGUAGE):  # plain keys are English: `name` is `name_en` under English
        changes = {}
        for table in TABLES:
            changes[table.section], report.unchanged[table.section] = table_changes(table, plan)
            report.created[table.section] = sum(c.pk is None for c in changes[table.section])
            report.updated[table.section] = sum(c.pk is not None for c in changes[table.section])
        if dry_run:
            return report
        store = FileStore()
        try:
            with transaction.atomic():
                keys = _write(plan, changes, store)
        except DatabaseError as exc:
            store.rollback()
            message = f"the database refused the import ({exc}); nothing was written."
            raise InterchangeError([RecordError(message)]) from exc
        except BaseException:
            store.rollback()
            raise
        store.commit()
    report.pdfs_processed = _process_pdfs(changes["publications"], keys)
    if any(changes.values()):
        catalogue_changed()  # names, trees and links may show on any page
    return report


class Keys:
    """Primary keys by section and slug: those this import wrote, others fetched when needed."""

    def __init__(self):
        self.pks = defaultdict(dict)

    def load(self, section, slugs):
        known = self.pks[section]
        missing = {slug for slug in slugs if slug and slug not in known}
        known.update(chunked_values(BY_SECTION[section].model, missing, "slug", "pk"))

    def __call__(self, section, slug):
        return self.pks[section][slug] if slug else None


def _write(plan, changes, store):
    keys, touched = Keys(), []
    with facet_rows_bulk_write(touched):
        for table in TABLES:
            _write_rows(table, changes[table.section], keys, store, plan)
        for table in TABLES:
            for links in table.links:
                _replace_links(table, links, changes[table.section], keys, plan)
        touched += [keys("publications", change.slug) for change in changes["publications"]]
    return keys


def _group(table, change, plan):
    """Rows are written in groups so that a row's parent or original is written before it."""
    if "depth" in change.row:
        return change.row["depth"]
    if table.section == "centers":
        return change.row["kind"] != "center"
    return change.row.get("translation_of__slug") in plan.records[table.section]


def _write_rows(table, changes, keys, store, plan):
    model = table.model
    translated = TRANSLATED.get(table.section, ())
    update_fields = [column.removesuffix("__slug") for column in table.columns] + list(translated)
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        update_fields.append("updated_at")
    keys.pks[table.section].update((c.slug, c.pk) for c in changes if c.pk)
    ordered = sorted(changes, key=lambda change: _group(table, change, plan))
    for _group_key, group in itertools.groupby(ordered, key=lambda c: _group(table, c, plan)):
        group = list(group)
        for ref, section in table.refs.items():
            keys.load(section, {change.row[f"{ref}__slug"] for change in group})
        for batch in chunks(group, BATCH):
            objects = [_instance(table, change, keys, store, translated) for change in batch]
            model.objects.bulk_create(
                objects,
                batch_size=BATCH,
                update_conflicts=True,
                unique_fields=["slug"],
                update_fields=update_fields,
            )
            keys.pks[table.section].update((o.slug, o.pk) for o in objects if o.pk)
            keys.load(table.section, [o.slug for o in objects])
    if table.section in ("regions", "themes"):
        _move_descendants(table, plan)


def _instance(table, change, keys, store, translated):
    values = {"slug": change.slug}
    for column, value in change.row.items():
        if column.endswith("__slug"):
            ref = column.removesuffix("__slug")
            values[f"{ref}_id"] = keys(table.refs[ref], value)
        elif column in table.files:
            field = table.model._meta.get_field(column)
            values[column] = store.place(field, value, change.slug, change.old_files.get(column))
        else:
            values[column] = value
    for name in translated:  # the base column holds English too
        values[name] = values[f"{name}_{BASE_LANGUAGE}"]
    return table.model(**values)


def _move_descendants(table, plan):
    """Database nodes the document does not name, below a node it moved: their new paths."""
    paths = {
        slug: path
        for slug, path in plan.paths[table.section].items()
        if slug not in plan.records[table.section]
    }
    if not paths:
        return
    nodes = list(table.model.objects.filter(slug__in=paths).only("pk", "slug"))
    for node in nodes:
        node.path = paths[node.slug]
        node.depth = node.path.count("/") - 2
    table.model.objects.bulk_update(nodes, ["path", "depth"], batch_size=BATCH)


def _replace_links(table, links, changes, keys, plan):
    owners = [change for change in changes if links.key in change.links]
    if not owners:
        return
    items = plan.records[table.section]
    keys.load(links.target_section, {s for c in owners for s, *_ in _targets(links, items[c.slug])})
    for chunk in chunks([c.pk for c in owners if c.pk]):
        links.model.objects.filter(**{f"{links.owner}_id__in": chunk}).delete()
    rows = (
        links.model(
            **{
                f"{links.owner}_id": keys(table.section, change.slug),
                f"{links.target}_id": keys(links.target_section, slug),
                **({"position": position} if links.ordered else {}),
                **({"role": extra[0]} if links.roles else {}),
            }
        )
        for change in owners
        for position, (slug, *extra) in enumerate(_targets(links, items[change.slug]))
    )
    while batch := list(itertools.islice(rows, BATCH * 4)):
        links.model.objects.bulk_create(batch, batch_size=BATCH)


def _targets(links, item):
    """[(target slug, *role)] of an item's link set."""
    return [value if links.roles else (value,) for value in desired_links(links, item)]


def _process_pdfs(changes, keys):
    """Queue the text and thumbnail of each publication whose PDF or cover changed (after the
    commit: the processing stores files of its own). Returns how many."""
    pdf_changed = {
        keys("publications", c.slug): c.file_changed("pdf")
        for c in changes
        if c.file_changed("pdf", "cover")
    }
    for chunk in chunks(list(pdf_changed), 100):
        for publication in Publication.objects.filter(pk__in=chunk):
            publication_pdf_changed(
                publication=publication, pdf_changed=pdf_changed[publication.pk]
            )
    return len(pdf_changed)
