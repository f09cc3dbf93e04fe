"""Validation of a whole document, before anything is written.

Each record goes through its section's serializer (`serializers.py`); what involves several
records is checked here by small functions: duplicate slugs, references to slugs in the file
or in the database, parent cycles and the final paths of the region and theme trees, the rules
of centers and programs, and of translations. Every problem of the document is collected, each
naming its record (section, index, slug) and key; `validate_document` raises them together.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import override
from rest_framework import serializers

from centers.models import Center
from publications.models import Publication
from thinktank.i18n import BASE_LANGUAGE
from thinktank.redirects import current_slugs

from .errors import InterchangeError, RecordError, Where
from .files import SourceFiles
from .format import KEYS, NOT_STORED, SECTIONS, with_defaults
from .queries import chunked_values
from .serializers import SERIALIZERS
from .tables import REFERENCES, TABLES

MODELS = {table.section: table.model for table in TABLES}


@dataclass
class Plan:
    """A valid document: per section, slug → validated values (the model's types: dates,
    date-times in UTC, normalised identifiers, `files.SourceFile`s), and where each record is."""

    records: dict = field(default_factory=dict)
    where: dict = field(default_factory=dict)  # section -> slug -> Where
    # Regions and themes: slug -> final materialized path, for the file's nodes and for the
    # database nodes below a moved one.
    paths: dict = field(default_factory=dict)
    # (section, key) -> how many records carried a key of the contract that is not stored yet.
    left_out: dict = field(default_factory=lambda: defaultdict(int))


def validate_document(document, *, base_dir) -> Plan:
    """The Plan of a valid document; raises InterchangeError listing every problem."""
    if not isinstance(document, dict):
        sections = ", ".join(SECTIONS)
        raise InterchangeError(
            [RecordError(f"The document must be a JSON object with the sections {sections}.")]
        )
    errors = [
        RecordError(f"unknown section (the sections are {', '.join(SECTIONS)}).", section)
        for section in sorted(set(document) - set(SECTIONS))
    ]
    plan, files = Plan(), SourceFiles(base_dir)
    named = {}  # section -> every slug the file names, valid record or not
    with override(BASE_LANGUAGE):  # plain keys are English; so are the messages
        for section in SECTIONS:
            plan.records[section], plan.where[section], named[section] = _section(
                section, document.get(section), files, errors, plan.left_out
            )
        known = {section: named[section] | _in_database(section, plan) for section in SECTIONS}
        for section in ("regions", "themes"):
            plan.paths[section] = _tree_paths(section, plan, errors)
        _check_centers(plan, known, errors)
        _check_references(plan, known, errors)
        _check_translations(plan, errors)
        _check_renamed(plan, errors)
    if errors:
        raise InterchangeError(errors)
    return plan


def _section(section, records, files, errors, left_out):
    """(items, where, named slugs) of one section; problems go to `errors`."""
    items, where, named = {}, {}, set()
    if records is None:
        return items, where, named
    if not isinstance(records, list):
        errors.append(RecordError("must be a list of records.", section))
        return items, where, named
    serializer = SERIALIZERS[section](context={"files": files})
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            errors.append(Where(section, index).error(None, "must be an object."))
            continue
        slug = record.get("slug") if isinstance(record.get("slug"), str) else None
        here = Where(section, index, slug)
        not_stored = set(NOT_STORED.get(section, ())) & set(record)
        for key in not_stored:
            left_out[section, key] += 1
        unknown = set(record) - set(KEYS[section]) - not_stored
        errors += [here.error(key, "unknown key.") for key in sorted(unknown)]
        if slug in where:
            errors.append(
                here.error("slug", f"“{slug}” is already used by {section}[{where[slug].index}].")
            )
            continue
        if slug:
            named.add(slug)
            where[slug] = here
        try:
            known = {key: value for key, value in record.items() if key not in not_stored}
            item = serializer.run_validation(with_defaults(section, known))
        except serializers.ValidationError as exc:
            errors += [here.error(key, message) for key, message in _messages(exc.detail)]
            continue
        items[item["slug"]] = item
    return items, where, named


def _messages(detail, key=None):
    """(key, message) pairs of a DRF error detail (nested for list fields)."""
    if isinstance(detail, dict):
        for name, inner in detail.items():
            yield from _messages(inner, key if isinstance(name, int) else name)
    elif isinstance(detail, list):
        for inner in detail:
            yield from _messages(inner, key)
    else:
        yield (None if key == "non_field_errors" else key), str(detail)


def _slugs(value):
    return value if isinstance(value, list) else [value] if value else []


def _in_database(section, plan):
    """The slugs of `section` that the document names and the database holds (not the file)."""
    wanted = {
        slug
        for source, key, target in REFERENCES
        if target == section
        for item in plan.records[source].values()
        for slug in _slugs(item[key])
    } - set(plan.records[section])
    return {slug for (slug,) in chunked_values(MODELS[section], wanted, "slug")}


def _check_references(plan, known, errors):
    for source, key, target in REFERENCES:
        label = MODELS[target]._meta.verbose_name
        for slug, item in plan.records[source].items():
            here = plan.where[source][slug]
            for value in _slugs(item[key]):
                if value not in known[target]:
                    errors.append(here.error(key, f"unknown {label} “{value}”."))
                elif value == slug and source == target:
                    errors.append(here.error(key, f"“{value}” is this {label} itself."))


def _tree_paths(section, plan, errors):
    """The final paths of the file's nodes and of the database nodes whose path changes (below
    a moved node); a parent chain that loops is an error of each record on it."""
    items = plan.records[section]
    parents, current = {}, {}
    for slug, parent, path in MODELS[section].objects.values_list("slug", "parent__slug", "path"):
        parents[slug], current[slug] = parent, path
    parents.update({slug: item["parent"] for slug, item in items.items()})
    for slug, item in items.items():
        if item["parent"] == slug:
            continue  # naming itself is a reference error already
        chain, node = [slug], item["parent"]
        while node in parents and node not in chain:
            chain.append(node)
            node = parents[node]
        if node in chain:
            message = f"“{item['parent']}” makes a cycle ({' → '.join([*chain, node])})."
            errors.append(plan.where[section][slug].error("parent", message))
    paths = {}

    def path_of(slug, depth=0):
        if slug not in paths:
            parent = parents.get(slug)
            if depth > len(parents) or (parent is not None and parent not in parents):
                return None  # a cycle (reported above) or an unknown parent (a reference error)
            above = "/" if parent is None else path_of(parent, depth + 1)
            paths[slug] = above and f"{above}{slug}/"
        return paths[slug]

    return {
        slug: path
        for slug in parents
        if (path := path_of(slug)) and (slug in items or path != current.get(slug))
    }


def _check_centers(plan, known, errors):
    """A program belongs to a center; a center belongs to none; a center that keeps programs
    (in the database, not moved by the file) cannot become a program."""
    items = plan.records["centers"]
    kinds = dict(
        Center.objects.filter(slug__in=known["centers"] - set(items)).values_list("slug", "kind")
    )
    kinds.update({slug: item["kind"] for slug, item in items.items()})
    for slug, item in items.items():
        here, parent = plan.where["centers"][slug], item["parent"]
        if item["kind"] == Center.Kind.CENTER:
            if parent is not None:
                errors.append(here.error("parent", "a center does not belong to another center."))
        elif parent is None:
            errors.append(here.error("parent", "a program belongs to a center: give its slug."))
        elif kinds.get(parent, Center.Kind.CENTER) != Center.Kind.CENTER:
            errors.append(here.error("parent", f"“{parent}” is a program, not a center."))
    programs = {slug for slug, item in items.items() if item["kind"] == Center.Kind.PROGRAM}
    for center, program in chunked_values(
        Center, programs, "parent__slug", "slug", lookup="parent__slug"
    ):
        if program not in items:
            message = f"“{center}” has programs (“{program}”), so it must stay a center."
            errors.append(plan.where["centers"][center].error("kind", message))


def _check_renamed(plan, errors):
    """A publication slug that is now an old URL of a renamed publication: importing it would
    make a second copy of that publication at its old URL (an export older than the rename)."""
    items = plan.records["publications"]
    existing = {slug for (slug,) in chunked_values(Publication, set(items), "slug")}
    renamed = current_slugs(Publication, set(items) - existing)
    for old, current in sorted(renamed.items()):
        errors.append(
            plan.where["publications"][old].error(
                "slug",
                f"“{old}” was renamed “{current}”: import the record under its current slug, "
                "or give it another one.",
            )
        )


def _check_translations(plan, errors):
    """`translation_of` names an original: in another language, not itself a translation, and
    the publication is not the original of others."""
    items = plan.records["publications"]
    outside = {item["translation_of"] for item in items.values()} - set(items) - {None}
    originals = {
        slug: (language, original)
        for slug, language, original in chunked_values(
            Publication, outside, "slug", "language", "translation_of__slug"
        )
    }
    originals.update({slug: (i["language"], i["translation_of"]) for slug, i in items.items()})
    translations = defaultdict(list)
    for original, slug in chunked_values(
        Publication, set(items), "translation_of__slug", "slug", lookup="translation_of__slug"
    ):
        if slug not in items:
            translations[original].append(slug)
    for slug, item in items.items():
        if item["translation_of"]:
            translations[item["translation_of"]].append(slug)
    for slug, item in items.items():
        original = item["translation_of"]
        if original not in originals or original == slug:
            continue  # unknown or itself: a reference error already
        here = plan.where["publications"][slug]
        language, its_original = originals[original]
        if its_original:
            message = (
                f"“{original}” is itself a translation of “{its_original}”: name the original."
            )
            errors.append(here.error("translation_of", message))
        elif language == item["language"]:
            errors.append(here.error("translation_of", f"“{original}” is in the same language."))
        if translations.get(slug):
            message = (
                f"this publication is the original of “{translations[slug][0]}”, so it cannot "
                "be a translation itself."
            )
            errors.append(here.error("translation_of", message))
