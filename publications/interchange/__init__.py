"""Import and export of the whole catalogue in the contract's JSON format.

The management commands `import_publications` and `export_publications` are thin wrappers around
`import_document()` and `export_document()`.

Import works in two phases:

1. *Validate* the whole document: every record of every section is checked (required keys,
   types, choices, dates, identifiers, references to slugs in the file or in the database,
   parent cycles, files and their content) and every problem is collected, named by section,
   index, slug and key. Any error: nothing is written.
2. *Write* everything in one transaction with bulk statements (upsert by slug through
   `bulk_create(update_conflicts=True)`, link rows deleted and re-created in bulk), so that ten
   thousand publications take seconds, not minutes. Files are copied into storage inside the
   same guarded block and removed again when the transaction fails.

Keys beyond the contract (all optional, backward compatible; absent keys take the defaults):
regions/themes `description`, `order`; series `description`; centers `summary`, `order`,
`active`, `heads` (author slugs), `image`; authors `sort_name`, `orcid`, `website`, `email`,
`email_public`, `active`; publications `featured` and `author_roles` (a list parallel to
`authors`: `author`, `editor` or `contributor`).

French versions (optional, backward compatible): regions, themes and series take `name_fr` and
`description_fr`, centers `name_fr`, `summary_fr` and `description_fr`. The plain keys are the
English values (the base columns); a French key that is absent or empty means "no French
version" (the French pages then fall back to English), and the export writes the French keys
only when they hold something, so export → import → export gives the same document.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import itertools
import json
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import EmailValidator, URLValidator, validate_slug
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils.translation import override as override_language

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
    SlugRedirect,
)
from publications.validators import (
    normalize_doi,
    normalize_isbn,
    normalize_issn,
    validate_doi,
    validate_isbn,
    validate_issn,
    validate_orcid,
)
from taxonomy.models import Region, Theme
from thinktank.i18n import BASE_LANGUAGE
from thinktank.uploads import validate_image_upload, validate_pdf_upload

SECTIONS = ("regions", "themes", "series", "centers", "authors", "publications")
BATCH_SIZE = 500
# Lookups by a list of slugs are split so that no statement exceeds SQLite's parameter limit.
LOOKUP_CHUNK = 900

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
IMAGE_FORMATS = {"JPEG": ("jpg", "jpeg"), "PNG": ("png",), "WEBP": ("webp",)}
ROLES = [choice.value for choice in PublicationAuthor.Role]

# Fields translated with django-modeltranslation (publications/translation.py): their French
# versions travel as optional `<field>_fr` keys.
TRANSLATED = {
    "regions": ("name", "description"),
    "themes": ("name", "description"),
    "series": ("name", "description"),
    "centers": ("name", "summary", "description"),
}
FRENCH = "fr"

KEYS = {
    "regions": ["slug", "name", "parent", "description", "order", "name_fr", "description_fr"],
    "themes": ["slug", "name", "parent", "description", "order", "name_fr", "description_fr"],
    "series": ["slug", "name", "issn", "description", "name_fr", "description_fr"],
    "centers": [
        "slug",
        "name",
        "kind",
        "parent",
        "description",
        "summary",
        "order",
        "active",
        "heads",
        "image",
        "name_fr",
        "summary_fr",
        "description_fr",
    ],
    "authors": [
        "slug",
        "name",
        "title",
        "bio",
        "centers",
        "photo",
        "sort_name",
        "orcid",
        "website",
        "email",
        "email_public",
        "active",
    ],
    "publications": [
        "slug",
        "title",
        "subtitle",
        "type",
        "series",
        "series_number",
        "summary",
        "body",
        "language",
        "translation_of",
        "published_on",
        "status",
        "publish_at",
        "isbn",
        "doi",
        "external_url",
        "source",
        "authors",
        "regions",
        "themes",
        "centers",
        "related",
        "pdf",
        "cover",
        "pages",
        "featured",
        "author_roles",
    ],
}


class InterchangeError(Exception):
    """The document was refused; `errors` lists every problem found (nothing was written)."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass
class ImportReport:
    dry_run: bool = False
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    # Slugs of the document's publications and authors (what the search index must refresh).
    publication_slugs: list = field(default_factory=list)
    author_slugs: list = field(default_factory=list)

    def summary(self):
        parts = [
            f"{section}: {self.created.get(section, 0)} new, {self.updated.get(section, 0)} updated"
            for section in SECTIONS
        ]
        return "; ".join(parts)


# --- Files ----------------------------------------------------------------------------------
def check_pdf_file(path: Path):
    """Refuse what the admin refuses (the same validator); return the PDF's text (`pdf_text`)."""
    from pypdf import PdfReader

    with path.open("rb") as fh:
        validate_pdf_upload(File(fh, name=path.name))
    try:
        reader = PdfReader(str(path))
        text = "\n\n".join((page.extract_text() or "").strip() for page in reader.pages)
    except Exception:  # the file is a valid PDF; a text layer we cannot read is not an error
        text = ""
    return text.strip()


def check_image_file(path: Path):
    """Refuse what the admin refuses (the same validator); return the Pillow format name."""
    from PIL import Image

    with path.open("rb") as fh:
        validate_image_upload(File(fh, name=path.name))
    with Image.open(path) as image:
        return image.format


@dataclass
class SourceFile:
    path: Path
    kind: str  # "pdf" or "image"
    extension: str
    text: str = ""
    _digest: str | None = None

    @property
    def digest(self):
        if self._digest is None:
            self._digest = _sha256(self.path.open("rb"))
        return self._digest


def _sha256(fh):
    digest = hashlib.sha256()
    with fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- Validation -----------------------------------------------------------------------------


def _message(exc: ValidationError):
    return " ".join(str(m) for m in exc.messages)


class _RecordChecker:
    """Reads one record's keys, converting values and collecting errors with their location."""

    def __init__(self, validator, section, index, record, model):
        self.validator = validator
        self.section = section
        self.index = index
        self.record = record
        self.model = model
        slug = record.get("slug") if isinstance(record, dict) else None
        self.label = f"{section}[{index}]" + (f' (slug "{slug}")' if isinstance(slug, str) else "")
        self.ok = True

    def error(self, key, message):
        self.ok = False
        prefix = f"{self.label}: {key}: " if key else f"{self.label}: "
        self.validator.errors.append(prefix + str(message))

    def _max_length(self, key, value, model_field):
        if model_field and value:
            max_length = self.model._meta.get_field(model_field).max_length
            if max_length and len(value) > max_length:
                self.error(key, f"longer than {max_length} characters.")
                return False
        return True

    def text(self, key, *, required=False, model_field=None, numbers=False):
        value = self.record.get(key)
        if value is None:
            if required:
                self.error(key, "is required.")
            return ""
        if numbers and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.error(key, f"must be a string, not {type(value).__name__}.")
            return ""
        if required and not value.strip():
            self.error(key, "is required.")
            return ""
        if "\x00" in value:
            self.error(key, "contains a NUL character.")
            return ""
        self._max_length(key, value, model_field or key)
        return value

    def french(self):
        """The optional French versions of the section's translated fields: {"name_fr": ...}."""
        return {
            f"{name}_{FRENCH}": self.text(f"{name}_{FRENCH}", model_field=name)
            for name in TRANSLATED[self.section]
        }

    def slug(self):
        value = self.text("slug", required=True)
        if value:
            try:
                validate_slug(value)
            except ValidationError as exc:
                self.error("slug", f"“{value}”: {_message(exc)}")
        return value

    def ref(self, key):
        """A slug (or null) naming another record."""
        value = self.record.get(key)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            self.error(key, f"must be a slug or null, not {type(value).__name__}.")
            return None
        return value

    def refs(self, key):
        value = self.record.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(key, "must be a list of slugs.")
            return []
        seen = set()
        for item in value:
            if item in seen:
                self.error(key, f"“{item}” is listed twice.")
            seen.add(item)
        return list(value)

    def choice(self, key, choices, *, default=None):
        value = self.record.get(key)
        if value is None:
            if default is None:
                self.error(key, f"is required (one of {', '.join(choices)}).")
            return default
        if value not in choices:
            self.error(key, f"“{value}” is not one of {', '.join(choices)}.")
            return default
        return value

    def boolean(self, key, *, default):
        value = self.record.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(key, "must be true or false.")
            return default
        return value

    def integer(self, key, *, default, nullable=False):
        value = self.record.get(key)
        if value is None:
            return None if nullable else default
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.error(key, f"“{value}” is not a whole number ≥ 0.")
            return None if nullable else default
        if value > 2_147_483_647:
            self.error(key, f"“{value}” is too large.")
            return None if nullable else default
        return value

    def date(self, key):
        value = self.record.get(key)
        if value is None:
            self.error(key, "is required (YYYY-MM-DD).")
            return None
        if not isinstance(value, str) or not DATE_RE.match(value):
            self.error(key, f"“{value}” is not a date in the form YYYY-MM-DD.")
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as exc:
            self.error(key, f"“{value}” is not a valid date ({exc}).")
            return None

    def datetime(self, key):
        value = self.record.get(key)
        if value is None or value == "":
            return None
        message = (
            f"“{value}” is not an ISO 8601 date-time with a UTC offset (2027-03-01T08:00:00+00:00)."
        )
        if not isinstance(value, str) or "T" not in value:
            self.error(key, message)
            return None
        try:
            parsed = datetime.datetime.fromisoformat(value)
        except ValueError:
            self.error(key, message)
            return None
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            self.error(key, message)
            return None
        return parsed.astimezone(datetime.UTC)

    def identifier(self, key, validator, normalizer):
        value = self.text(key)
        if not value:
            return ""
        try:
            validator(value)
        except ValidationError as exc:
            self.error(key, _message(exc))
            return ""
        normalized = normalizer(value)
        self._max_length(key, normalized, key)
        return normalized

    def url(self, key, *, model_field=None):
        value = self.text(key, model_field=model_field)
        if value:
            try:
                URLValidator()(value)
            except ValidationError:
                self.error(key, f"“{value}” is not a valid URL.")
                return ""
        return value

    def email(self, key):
        value = self.text(key)
        if value:
            try:
                EmailValidator()(value)
            except ValidationError:
                self.error(key, f"“{value}” is not a valid e-mail address.")
                return ""
        return value

    def file(self, key, kind):
        value = self.record.get(key)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            self.error(key, "must be a path relative to the JSON file, or null.")
            return None
        return self.validator.source_file(self, key, value, kind)

    def unknown_keys(self):
        unknown = sorted(set(self.record) - set(KEYS[self.section]))
        if unknown:
            self.validator.warnings.append(
                f"{self.label}: ignored unknown keys: {', '.join(unknown)}"
            )


class _Validator:
    def __init__(self, document, base_dir: Path):
        self.document = document
        self.base_dir = base_dir.resolve()
        self.errors = []
        self.warnings = []
        self.files = {}  # resolved path -> SourceFile (each file checked once)

    # -- files ---------------------------------------------------------------------------
    def source_file(self, checker, key, relative, kind):
        if Path(relative).is_absolute():
            checker.error(key, f"“{relative}” must be relative to the JSON file.")
            return None
        path = (self.base_dir / relative).resolve()
        if not path.is_relative_to(self.base_dir):
            checker.error(key, f"“{relative}” points outside the folder of the JSON file.")
            return None
        if not path.is_file():
            checker.error(key, f"file “{relative}” not found.")
            return None
        if path in self.files:
            source = self.files[path]
            if source.kind != kind:
                checker.error(key, f"“{relative}” is used both as a PDF and as an image.")
                return None
            return source
        try:
            if kind == "pdf":
                source = SourceFile(path, kind, "pdf", text=check_pdf_file(path))
            else:
                fmt = check_image_file(path)
                suffix = path.suffix.lower().lstrip(".")
                extension = suffix if suffix in IMAGE_FORMATS[fmt] else IMAGE_FORMATS[fmt][0]
                source = SourceFile(path, kind, extension)
        except ValidationError as exc:
            checker.error(key, _message(exc))
            return None
        self.files[path] = source
        return source

    # -- document ------------------------------------------------------------------------
    def records(self, section):
        value = self.document.get(section, [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.errors.append(f"{section}: must be a list of records.")
            return []
        return value

    def run(self):
        if not isinstance(self.document, dict):
            raise InterchangeError(
                [
                    "The document must be a JSON object with the sections "
                    + ", ".join(SECTIONS)
                    + "."
                ]
            )
        unknown = sorted(set(self.document) - set(SECTIONS))
        if unknown:
            self.warnings.append(f"ignored unknown sections: {', '.join(unknown)}")
        plan = {}
        plan["regions"] = self.tree("regions", Region)
        plan["themes"] = self.tree("themes", Theme)
        plan["series"] = self.series()
        plan["authors"] = self.authors()  # before centers: heads refer to authors
        plan["centers"] = self.centers(plan["authors"]["items"])
        self.check_author_centers(plan)
        plan["publications"] = self.publications(plan)
        if self.errors:
            raise InterchangeError(self.errors)
        return plan

    def _records(self, section, model):
        """Yield a checker per record; duplicate slugs are errors."""
        seen = {}
        for index, record in enumerate(self.records(section)):
            if not isinstance(record, dict):
                self.errors.append(f"{section}[{index}]: must be an object.")
                continue
            checker = _RecordChecker(self, section, index, record, model)
            checker.unknown_keys()
            slug = checker.slug()
            if slug and slug in seen:
                checker.error("slug", f"“{slug}” is already used by {section}[{seen[slug]}].")
                slug = ""
            elif slug:
                seen[slug] = index
            yield checker, slug

    # -- trees ---------------------------------------------------------------------------
    def tree(self, section, model):
        items = {}
        for checker, slug in self._records(section, model):
            item = {
                "name": checker.text("name", required=True),
                "description": checker.text("description"),
                "order": checker.integer("order", default=0),
                "parent": checker.ref("parent"),
                **checker.french(),
            }
            if slug:
                items[slug] = (checker, item)
        existing, db_paths = {}, {}
        for slug, pk, parent, path in model.objects.values_list(
            "slug", "pk", "parent__slug", "path"
        ):
            existing[slug], db_paths[slug] = (pk, parent), path
        parents = {slug: parent for slug, (_pk, parent) in existing.items()}
        for slug, (checker, item) in items.items():
            parent = item["parent"]
            if parent is not None and parent not in items and parent not in existing:
                checker.error("parent", f"unknown {model._meta.verbose_name} “{parent}”.")
                parent = None
            if parent == slug:
                checker.error("parent", "a node cannot be its own parent.")
                parent = None
            parents[slug] = parent
        # Cycles and the materialized paths of the final tree (file over database).
        paths = {}

        def path_of(slug, trail=()):
            if slug in paths:
                return paths[slug]
            if slug in trail:
                return None
            parent = parents.get(slug)
            if parent is None:
                paths[slug] = f"/{slug}/"
                return paths[slug]
            parent_path = path_of(parent, (*trail, slug))
            if parent_path is None:
                return None
            paths[slug] = f"{parent_path}{slug}/"
            return paths[slug]

        for slug, (checker, _item) in items.items():
            if path_of(slug) is None:
                chain, node = [slug], parents[slug]
                while node not in chain:
                    chain.append(node)
                    node = parents[node]
                chain.append(node)
                checker.error("parent", f"“{parents[slug]}” makes a cycle ({' → '.join(chain)}).")
        valid = all(c.ok for c, _i in items.values())
        for slug in parents:
            if valid and slug not in paths:
                path_of(slug)
        return {
            "items": {slug: item for slug, (_c, item) in items.items()},
            "existing": {slug: pk for slug, (pk, _p) in existing.items()},
            "paths": paths,
            "db_paths": db_paths,
        }

    # -- series --------------------------------------------------------------------------
    def series(self):
        items = {}
        for checker, slug in self._records("series", Series):
            item = {
                "name": checker.text("name", required=True),
                "issn": checker.identifier("issn", validate_issn, normalize_issn),
                "description": checker.text("description"),
                **checker.french(),
            }
            if slug:
                items[slug] = item
        return {"items": items}

    # -- authors -------------------------------------------------------------------------
    def authors(self):
        items = {}
        for checker, slug in self._records("authors", Author):
            name = checker.text("name", required=True)
            item = {
                "name": name,
                "sort_name": checker.text("sort_name") or Author.default_sort_name(name),
                "title": checker.text("title"),
                "bio": checker.text("bio"),
                "orcid": checker.identifier("orcid", validate_orcid, lambda v: v),
                "website": checker.url("website"),
                "email": checker.email("email"),
                "email_public": checker.boolean("email_public", default=False),
                "active": checker.boolean("active", default=True),
                "photo": checker.file("photo", "image"),
                "centers": checker.refs("centers"),
                "_checker": checker,
            }
            if slug:
                items[slug] = item
        return {"items": items}

    # -- centers -------------------------------------------------------------------------
    def centers(self, authors):
        items = {}
        for checker, slug in self._records("centers", Center):
            item = {
                "name": checker.text("name", required=True),
                "kind": checker.choice("kind", Center.Kind.values, default=Center.Kind.CENTER),
                "parent": checker.ref("parent"),
                "summary": checker.text("summary"),
                "description": checker.text("description"),
                "order": checker.integer("order", default=0),
                "active": checker.boolean("active", default=True),
                "heads": checker.refs("heads"),
                "image": checker.file("image", "image"),
                "_checker": checker,
                **checker.french(),
            }
            if slug:
                items[slug] = item
        existing = {
            slug: (pk, kind) for slug, pk, kind in Center.objects.values_list("slug", "pk", "kind")
        }
        kinds = {slug: kind for slug, (_pk, kind) in existing.items()}
        kinds.update({slug: item["kind"] for slug, item in items.items()})
        for item in items.values():
            checker, parent = item["_checker"], item["parent"]
            if item["kind"] == Center.Kind.PROGRAM:
                if parent is None:
                    checker.error("parent", "a program belongs to a center: give its slug.")
                elif parent not in kinds:
                    checker.error("parent", f"unknown center “{parent}”.")
                elif kinds[parent] != Center.Kind.CENTER:
                    checker.error("parent", f"“{parent}” is a program, not a center.")
            elif parent is not None:
                checker.error("parent", "a center does not belong to another center.")
        programs = {slug for slug, item in items.items() if item["kind"] == Center.Kind.PROGRAM}
        for program, child in _chunked_values(
            Center, programs, "parent__slug", "slug", lookup="parent__slug"
        ):
            if child not in items:
                items[program]["_checker"].error(
                    "kind", f"“{program}” has programs (“{child}”), so it must stay a center."
                )
        self.check_refs(items, "heads", Author, authors, label="expert", plural=True)
        return {"items": items, "existing": {slug: pk for slug, (pk, _k) in existing.items()}}

    def check_refs(self, items, key, model, known, *, label, plural):
        """Each slug of `key` must be in `known` (the file) or in the database."""
        wanted = set()
        for item in items.values():
            values = item[key] if plural else [item[key]]
            wanted.update(v for v in values if v and v not in (known or {}))
        found = {slug for (slug,) in _chunked_values(model, wanted, "slug")}
        for item in items.values():
            values = item[key] if plural else [item[key]]
            for value in values:
                if value and value not in (known or {}) and value not in found:
                    item["_checker"].error(key, f"unknown {label} “{value}”.")

    def check_author_centers(self, plan):
        self.check_refs(
            plan["authors"]["items"],
            "centers",
            Center,
            plan["centers"]["items"],
            label="center",
            plural=True,
        )

    # -- publications --------------------------------------------------------------------
    def publications(self, plan):
        items = {}
        for checker, slug in self._records("publications", Publication):
            item = {
                "title": checker.text("title", required=True),
                "subtitle": checker.text("subtitle"),
                "type": checker.choice("type", Publication.Type.values),
                "series": checker.ref("series"),
                "series_number": checker.text("series_number", numbers=True),
                "summary": checker.text("summary"),
                "body": checker.text("body"),
                "language": checker.choice(
                    "language", Publication.Language.values, default=Publication.Language.ENGLISH
                ),
                "translation_of": checker.ref("translation_of"),
                "published_on": checker.date("published_on"),
                "status": checker.choice(
                    "status", Publication.Status.values, default=Publication.Status.DRAFT
                ),
                "publish_at": checker.datetime("publish_at"),
                "isbn": checker.identifier("isbn", validate_isbn, normalize_isbn),
                "doi": checker.identifier("doi", validate_doi, normalize_doi),
                "external_url": checker.url("external_url"),
                "source": checker.text("source"),
                "authors": checker.refs("authors"),
                "regions": checker.refs("regions"),
                "themes": checker.refs("themes"),
                "centers": checker.refs("centers"),
                "related": checker.refs("related"),
                "pdf": checker.file("pdf", "pdf"),
                "cover": checker.file("cover", "image"),
                "pages": checker.integer("pages", default=None, nullable=True),
                "featured": checker.boolean("featured", default=False),
                "_checker": checker,
            }
            roles = checker.record.get("author_roles")
            if roles is None:
                item["author_roles"] = [PublicationAuthor.Role.AUTHOR] * len(item["authors"])
            elif not isinstance(roles, list) or len(roles) != len(item["authors"]):
                checker.error("author_roles", "must be a list as long as “authors”.")
                item["author_roles"] = []
            else:
                bad = [r for r in roles if r not in ROLES]
                if bad:
                    checker.error("author_roles", f"“{bad[0]}” is not one of {', '.join(ROLES)}.")
                item["author_roles"] = roles
            if item["type"] == Publication.Type.MEDIA and not item["external_url"]:
                checker.error("external_url", "a media item needs the URL where it was published.")
            if slug:
                items[slug] = item
        self.check_refs(
            items, "series", Series, plan["series"]["items"], label="series", plural=False
        )
        self.check_refs(
            items, "authors", Author, plan["authors"]["items"], label="expert", plural=True
        )
        self.check_refs(
            items, "regions", Region, plan["regions"]["items"], label="region", plural=True
        )
        self.check_refs(items, "themes", Theme, plan["themes"]["items"], label="theme", plural=True)
        self.check_refs(
            items, "centers", Center, plan["centers"]["items"], label="center", plural=True
        )
        self.check_refs(items, "related", Publication, items, label="publication", plural=True)
        for slug, item in items.items():
            if slug in item["related"]:
                item["_checker"].error("related", "a publication cannot be related to itself.")
        self.check_translations(items)
        return {"items": items}

    def check_translations(self, items):
        """`translation_of` names an original: not itself, not a translation, another language."""
        targets = {item["translation_of"] for item in items.values() if item["translation_of"]}
        outside = targets - set(items)
        db = {
            slug: (language, original)
            for slug, language, original in _chunked_values(
                Publication, outside, "slug", "language", "translation_of__slug"
            )
        }
        # Database publications (not in the file) that name a file publication as their original.
        db_translations = defaultdict(list)
        for original, translation in _chunked_values(
            Publication, set(items), "translation_of__slug", "slug", lookup="translation_of__slug"
        ):
            if translation not in items:
                db_translations[original].append(translation)
        file_translations = defaultdict(list)
        for slug, item in items.items():
            if item["translation_of"]:
                file_translations[item["translation_of"]].append(slug)
        for slug, item in items.items():
            checker, original = item["_checker"], item["translation_of"]
            if not original:
                continue
            if original == slug:
                checker.error("translation_of", "a publication cannot be a translation of itself.")
                continue
            if original in items:
                language, its_original = (
                    items[original]["language"],
                    items[original]["translation_of"],
                )
            elif original in db:
                language, its_original = db[original]
            else:
                checker.error("translation_of", f"unknown publication “{original}”.")
                continue
            if its_original:
                checker.error(
                    "translation_of",
                    f"“{original}” is itself a translation of “{its_original}”: name the original.",
                )
            elif language == item["language"]:
                checker.error("translation_of", f"“{original}” is in the same language.")
            others = file_translations.get(slug, []) + db_translations.get(slug, [])
            if others:
                checker.error(
                    "translation_of",
                    f"this publication is the original of “{others[0]}”, so it cannot be a "
                    "translation itself.",
                )


def _chunks(values, size=LOOKUP_CHUNK):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _replace_links(model, owner_column, owner_ids, new_rows):
    """Delete the link rows of these owners, then insert the new ones in bulk, a bounded batch
    at a time (`new_rows` may be a generator over a whole catalogue)."""
    for chunk in _chunks(owner_ids):
        model.objects.filter(**{f"{owner_column}__in": chunk}).delete()
    new_rows = iter(new_rows)
    while batch := list(itertools.islice(new_rows, BATCH_SIZE * 4)):
        model.objects.bulk_create(batch, batch_size=BATCH_SIZE)


def _chunked_values(model, values, *fields, lookup="slug"):
    for chunk in _chunks(sorted(values)):
        yield from model.objects.filter(**{f"{lookup}__in": chunk}).values_list(*fields)


def _pk_map(model, slugs):
    return dict(_chunked_values(model, slugs, "slug", "pk"))


# --- Writing --------------------------------------------------------------------------------


class _Writer:
    def __init__(self, plan, report):
        self.plan = plan
        self.report = report
        self.saved_files = []  # (storage, name) written by this import, removed on failure
        self.replaced_files = []  # (storage, name) no longer used once the import commits

    def store(self, model, field_name, source: SourceFile, slug, current_name):
        """Copy a source file into the field's storage; keep the current one when identical."""
        model_field = model._meta.get_field(field_name)
        storage = model_field.storage
        if current_name:
            try:
                if (
                    storage.exists(current_name)
                    and storage.size(current_name) == source.path.stat().st_size
                    and _sha256(storage.open(current_name, "rb")) == source.digest
                ):
                    return current_name
            except OSError:
                pass
            self.replaced_files.append((storage, current_name))
        name = model_field.generate_filename(None, f"{slug}.{source.extension}")
        with source.path.open("rb") as fh:
            name = storage.save(name, File(fh), max_length=model_field.max_length)
        self.saved_files.append((storage, name))
        return name

    def clear(self, model, field_name, current_name):
        if current_name:
            self.replaced_files.append((model._meta.get_field(field_name).storage, current_name))
        return ""

    def file_value(self, model, field_name, source, slug, current_name):
        if source is None:
            return self.clear(model, field_name, current_name)
        return self.store(model, field_name, source, slug, current_name)

    def count(self, section, slugs, existing):
        updated = sum(1 for slug in slugs if slug in existing)
        self.report.created[section] = len(slugs) - updated
        self.report.updated[section] = updated

    def run(self):
        if self.report.dry_run:
            self.count_only()
            return
        try:
            with transaction.atomic():
                self.write()
        except DatabaseError as exc:
            self.remove(self.saved_files)
            raise InterchangeError(
                [f"the database refused the import ({exc}); nothing was written."]
            ) from exc
        except BaseException:
            self.remove(self.saved_files)
            raise
        self.remove(self.replaced_files)

    def count_only(self):
        for section, model in (
            ("regions", Region),
            ("themes", Theme),
            ("series", Series),
            ("centers", Center),
            ("authors", Author),
            ("publications", Publication),
        ):
            items = self.plan[section]["items"]
            self.count(section, items, _pk_map(model, items))

    @staticmethod
    def remove(files):
        for storage, name in files:
            with contextlib.suppress(OSError):
                storage.delete(name)

    def write(self):
        self.tree("regions", Region)
        self.tree("themes", Theme)
        self.series()
        authors = self.authors()
        centers, _moved_programs = self.centers()
        self.author_links(authors, centers)
        self.publications()

    @staticmethod
    def languages(section, item):
        """The language columns of the translated fields: English from the plain key (the base
        column holds it too), French from the `_fr` key or NULL (falls back to English)."""
        columns = {}
        for name in TRANSLATED[section]:
            columns[f"{name}_{BASE_LANGUAGE}"] = item[name]
            columns[f"{name}_{FRENCH}"] = item[f"{name}_{FRENCH}"] or None
        return columns

    @staticmethod
    def language_fields(section):
        return [
            f"{name}_{code}" for name in TRANSLATED[section] for code in (BASE_LANGUAGE, FRENCH)
        ]

    def upsert(self, model, objects, update_fields):
        if objects:
            model.objects.bulk_create(
                objects,
                batch_size=BATCH_SIZE,
                update_conflicts=True,
                unique_fields=["slug"],
                update_fields=update_fields,
            )

    def tree(self, section, model):
        """Upsert the nodes, parents first; returns the ids of existing nodes whose path changed."""
        data = self.plan[section]
        items, paths = data["items"], data["paths"]
        self.count(section, items, data["existing"])
        pks = dict(data["existing"])
        by_depth = defaultdict(list)
        for slug in items:
            by_depth[paths[slug].count("/") - 2].append(slug)
        for depth in sorted(by_depth):  # parents before children
            objects = []
            for slug in by_depth[depth]:
                item = items[slug]
                objects.append(
                    model(
                        slug=slug,
                        name=item["name"],
                        description=item["description"],
                        order=item["order"],
                        parent_id=pks[item["parent"]] if item["parent"] else None,
                        path=paths[slug],
                        depth=depth,
                        **self.languages(section, item),
                    )
                )
            self.upsert(
                model,
                objects,
                [
                    "name",
                    "description",
                    "order",
                    "parent",
                    "path",
                    "depth",
                    *self.language_fields(section),
                ],
            )
            pks.update(_pk_map(model, by_depth[depth]))
        db_paths = data["db_paths"]
        moved = [slug for slug in db_paths if paths.get(slug, db_paths[slug]) != db_paths[slug]]
        # Database nodes below a moved node get their new path too.
        below = [
            model(pk=pks[slug], path=paths[slug], depth=paths[slug].count("/") - 2)
            for slug in moved
            if slug not in items
        ]
        if below:
            model.objects.bulk_update(below, ["path", "depth"], batch_size=BATCH_SIZE)
        return [pks[slug] for slug in moved]

    def series(self):
        items = self.plan["series"]["items"]
        existing = _pk_map(Series, items)
        self.count("series", items, existing)
        self.upsert(
            Series,
            [
                Series(
                    slug=slug,
                    name=item["name"],
                    issn=item["issn"],
                    description=item["description"],
                    **self.languages("series", item),
                )
                for slug, item in items.items()
            ],
            ["name", "issn", "description", *self.language_fields("series")],
        )

    def authors(self):
        items = self.plan["authors"]["items"]
        current = {
            slug: (pk, photo)
            for slug, pk, photo in _chunked_values(Author, items, "slug", "pk", "photo")
        }
        self.count("authors", items, current)
        fields = [
            "name",
            "sort_name",
            "title",
            "bio",
            "orcid",
            "website",
            "email",
            "email_public",
            "active",
        ]
        objects = []
        for slug, item in items.items():
            photo = self.file_value(
                Author, "photo", item["photo"], slug, current.get(slug, (None, ""))[1]
            )
            objects.append(Author(slug=slug, photo=photo, **{f: item[f] for f in fields}))
        self.upsert(Author, objects, [*fields, "photo"])
        return _pk_map(Author, items)

    def centers(self):
        """Upsert centers, then programs; returns the pks by slug and the ids of existing
        programs whose parent changed."""
        items = self.plan["centers"]["items"]
        current, parents = {}, {}
        for slug, pk, image, parent in _chunked_values(
            Center, items, "slug", "pk", "image", "parent__slug"
        ):
            current[slug], parents[slug] = (pk, image), parent
        self.count("centers", items, current)
        fields = ["name", "kind", "summary", "description", "order", "active"]
        pks = {slug: pk for slug, (pk, _i) in current.items()}
        pks.update(_pk_map(Center, {i["parent"] for i in items.values() if i["parent"]}))
        # Centers first, then the programs that point at them.
        for kind in (Center.Kind.CENTER, Center.Kind.PROGRAM):
            objects = []
            for slug, item in items.items():
                if item["kind"] != kind:
                    continue
                image = self.file_value(
                    Center, "image", item["image"], slug, current.get(slug, (None, ""))[1]
                )
                objects.append(
                    Center(
                        slug=slug,
                        image=image,
                        parent_id=pks[item["parent"]] if item["parent"] else None,
                        **{f: item[f] for f in fields},
                        **self.languages("centers", item),
                    )
                )
            self.upsert(
                Center, objects, [*fields, "parent", "image", *self.language_fields("centers")]
            )
            pks.update(_pk_map(Center, [o.slug for o in objects]))
        moved = [
            pk
            for slug, (pk, _i) in current.items()
            if (parents[slug] or None) != (items[slug]["parent"] or None)
        ]
        return pks, moved

    def author_links(self, author_pks, center_pks):
        authors = self.plan["authors"]["items"]
        centers = self.plan["centers"]["items"]
        wanted_centers = {c for item in authors.values() for c in item["centers"]} - set(center_pks)
        center_pks = {**center_pks, **_pk_map(Center, wanted_centers)}
        wanted_authors = {a for item in centers.values() for a in item["heads"]} - set(author_pks)
        author_pks = {**author_pks, **_pk_map(Author, wanted_authors)}

        membership = Author.centers.through
        _replace_links(
            membership,
            "author_id",
            [author_pks[slug] for slug in authors],
            (
                membership(author_id=author_pks[slug], center_id=center_pks[center])
                for slug, item in authors.items()
                for center in item["centers"]
            ),
        )
        heads = Center.heads.through
        _replace_links(
            heads,
            "center_id",
            [center_pks[slug] for slug in centers],
            (
                heads(center_id=center_pks[slug], author_id=author_pks[author])
                for slug, item in centers.items()
                for author in item["heads"]
            ),
        )

    PUBLICATION_FIELDS = [
        "title",
        "subtitle",
        "type",
        "series_number",
        "summary",
        "body",
        "language",
        "published_on",
        "status",
        "publish_at",
        "featured",
        "isbn",
        "doi",
        "external_url",
        "source",
        "pages",
    ]

    def publications(self):
        items = self.plan["publications"]["items"]
        current = {
            slug: (pk, pdf, cover, text)
            for slug, pk, pdf, cover, text in _chunked_values(
                Publication, items, "slug", "pk", "pdf", "cover", "pdf_text"
            )
        }
        self.count("publications", items, current)
        refs = lambda key, model: _pk_map(  # noqa: E731
            model, {v for item in items.values() for v in item[key]}
        )
        series_pks = _pk_map(Series, {i["series"] for i in items.values() if i["series"]})
        author_pks = refs("authors", Author)
        region_pks = refs("regions", Region)
        theme_pks = refs("themes", Theme)
        center_pks = refs("centers", Center)

        def build(slug):
            item = items[slug]
            _pk, old_pdf, old_cover, old_text = current.get(slug, (None, "", "", ""))
            pdf = self.file_value(Publication, "pdf", item["pdf"], slug, old_pdf)
            cover = self.file_value(Publication, "cover", item["cover"], slug, old_cover)
            if not pdf:
                pdf_text = ""
            elif pdf == old_pdf and old_text:
                pdf_text = old_text
            else:
                pdf_text = item["pdf"].text
            return Publication(
                slug=slug,
                series_id=series_pks.get(item["series"]),
                translation_of_id=pub_pks.get(item["translation_of"]),
                pdf=pdf,
                cover=cover,
                pdf_text=pdf_text,
                **{f: item[f] for f in self.PUBLICATION_FIELDS},
            )

        update_fields = [
            *self.PUBLICATION_FIELDS,
            "series",
            "translation_of",
            "pdf",
            "cover",
            "pdf_text",
            "updated_at",
        ]
        # Originals first, so that translations can point at their primary keys.
        originals = [s for s, i in items.items() if i["translation_of"] not in items]
        translations = [s for s, i in items.items() if i["translation_of"] in items]
        pub_pks = _pk_map(
            Publication,
            {i["translation_of"] for i in items.values() if i["translation_of"]} - set(items),
        )
        for group in (originals, translations):
            for chunk in _chunks(group, BATCH_SIZE):
                self.upsert(Publication, [build(slug) for slug in chunk], update_fields)
            pub_pks.update(_pk_map(Publication, group))
        # An imported slug is now taken for real: it no longer redirects elsewhere.
        for chunk in _chunks(items):
            SlugRedirect.objects.filter(old_slug__in=chunk).exclude(
                publication_id__in=[pub_pks[s] for s in chunk]
            ).delete()

        pub_pks.update(
            _pk_map(Publication, {v for item in items.values() for v in item["related"]})
        )
        ids = [pub_pks[slug] for slug in items]
        owned = [(pub_pks[slug], item) for slug, item in items.items()]
        authors = (
            PublicationAuthor(
                publication_id=pk, author_id=author_pks[author], position=position, role=role
            )
            for pk, item in owned
            for position, (author, role) in enumerate(
                zip(item["authors"], item["author_roles"], strict=True)
            )
        )
        regions = (
            PublicationRegion(publication_id=pk, region_id=region_pks[region])
            for pk, item in owned
            for region in item["regions"]
        )
        themes = (
            PublicationTheme(publication_id=pk, theme_id=theme_pks[theme])
            for pk, item in owned
            for theme in item["themes"]
        )
        centers = (
            PublicationCenter(publication_id=pk, center_id=center_pks[center])
            for pk, item in owned
            for center in item["centers"]
        )
        pinned = (
            PinnedRelation(
                from_publication_id=pk, to_publication_id=pub_pks[related], position=position
            )
            for pk, item in owned
            for position, related in enumerate(item["related"])
        )
        _replace_links(PublicationAuthor, "publication_id", ids, authors)
        _replace_links(PublicationRegion, "publication_id", ids, regions)
        _replace_links(PublicationTheme, "publication_id", ids, themes)
        _replace_links(PublicationCenter, "publication_id", ids, centers)
        _replace_links(PinnedRelation, "from_publication_id", ids, pinned)


# --- Public API -----------------------------------------------------------------------------


def load_document(path: Path):
    try:
        with Path(path).open(encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError as exc:
        raise InterchangeError([f"{path}: file not found."]) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InterchangeError([f"{path}: not valid UTF-8 JSON ({exc})."]) from exc


def import_document(path, *, dry_run=False) -> ImportReport:
    """Validate the whole document at `path`, then write it in one transaction (all or nothing).

    Raises InterchangeError listing every problem; nothing is written then. With dry_run=True
    nothing is written: the report counts what would be new or updated. The caller refreshes the
    search index of `publication_ids_touched(report)` afterwards (the command does).
    """
    path = Path(path)
    document = load_document(path)
    validator = _Validator(document, path.parent)
    # Plain keys are English: under English, modeltranslation maps `name` to `name_en`.
    with override_language(BASE_LANGUAGE):
        plan = validator.run()
        report = ImportReport(dry_run=dry_run, warnings=validator.warnings)
        _Writer(plan, report).run()
    report.publication_slugs = list(plan["publications"]["items"])
    report.author_slugs = list(plan["authors"]["items"])
    return report


def publication_ids_touched(report: ImportReport) -> list[int]:
    """Primary keys of the publications an import wrote, and of every publication of its
    authors (a renamed author changes what finds those)."""
    ids = set(_pk_map(Publication, report.publication_slugs).values())
    author_pks = list(_pk_map(Author, report.author_slugs).values())
    for chunk in _chunks(author_pks):
        ids.update(
            PublicationAuthor.objects.filter(author_id__in=chunk).values_list(
                "publication_id", flat=True
            )
        )
    return sorted(ids)


# --- Export ---------------------------------------------------------------------------------


def _utc_iso(value):
    if value is None:
        return None
    return value.astimezone(datetime.UTC).isoformat()


def _french(obj, section):
    """The French keys that hold something (absent keys: no French version)."""
    values = {}
    for name in TRANSLATED[section]:
        value = getattr(obj, f"{name}_{FRENCH}")
        if value:
            values[f"{name}_{FRENCH}"] = value
    return values


class _Exporter:
    def __init__(self, files_dir: Path | None):
        self.files_dir = files_dir
        self.warnings = []
        self.files = 0  # how many files the document names

    def file(self, field_file, relative):
        """The relative path the document names; copies the file there when given a folder."""
        if not field_file:
            return None
        self.files += 1
        if self.files_dir is not None:
            target = self.files_dir.parent / relative
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

    @staticmethod
    def extension(field_file):
        """The file's extension, for the path the document gives it ("bin" when it has none)."""
        suffix = Path(field_file.name).suffix.lower().lstrip(".")
        return suffix or "bin"

    def tree(self, section, model):
        return [
            {
                "slug": node.slug,
                "name": node.name,
                "parent": node.parent.slug if node.parent_id else None,
                "description": node.description,
                "order": node.order,
                **_french(node, section),
            }
            for node in model.objects.select_related("parent").order_by("slug")
        ]

    def series(self):
        return [
            {
                "slug": s.slug,
                "name": s.name,
                "issn": s.issn,
                "description": s.description,
                **_french(s, "series"),
            }
            for s in Series.objects.order_by("slug")
        ]

    def centers(self):
        heads = defaultdict(list)
        for center_id, slug in Center.heads.through.objects.values_list(
            "center_id", "author__slug"
        ).order_by("author__slug"):
            heads[center_id].append(slug)
        records = []
        for center in Center.objects.select_related("parent").order_by("slug"):
            records.append(
                {
                    "slug": center.slug,
                    "name": center.name,
                    "kind": center.kind,
                    "parent": center.parent.slug if center.parent_id else None,
                    "description": center.description,
                    "summary": center.summary,
                    "order": center.order,
                    "active": center.active,
                    "heads": heads[center.pk],
                    "image": self.file(
                        center.image, f"files/centers/{center.slug}.{self.extension(center.image)}"
                    ),
                    **_french(center, "centers"),
                }
            )
        return records

    def authors(self):
        centers = defaultdict(list)
        for author_id, slug in Author.centers.through.objects.values_list(
            "author_id", "center__slug"
        ).order_by("center__slug"):
            centers[author_id].append(slug)
        records = []
        for author in Author.objects.order_by("slug"):
            records.append(
                {
                    "slug": author.slug,
                    "name": author.name,
                    "title": author.title,
                    "bio": author.bio,
                    "centers": centers[author.pk],
                    "photo": self.file(
                        author.photo, f"files/photos/{author.slug}.{self.extension(author.photo)}"
                    ),
                    "sort_name": author.sort_name,
                    "orcid": author.orcid,
                    "website": author.website,
                    "email": author.email,
                    "email_public": author.email_public,
                    "active": author.active,
                }
            )
        return records

    def publications(self):
        def grouped(queryset, key, *values, order):
            result = defaultdict(list)
            for row in queryset.values_list(key, *values).order_by(key, *order):
                result[row[0]].append(row[1:] if len(values) > 1 else row[1])
            return result

        authors = grouped(
            PublicationAuthor.objects,
            "publication_id",
            "author__slug",
            "role",
            order=["position", "pk"],
        )
        regions = grouped(
            PublicationRegion.objects, "publication_id", "region__slug", order=["region__slug"]
        )
        themes = grouped(
            PublicationTheme.objects, "publication_id", "theme__slug", order=["theme__slug"]
        )
        centers = grouped(
            PublicationCenter.objects, "publication_id", "center__slug", order=["center__slug"]
        )
        related = grouped(
            PinnedRelation.objects,
            "from_publication_id",
            "to_publication__slug",
            order=["position", "pk"],
        )
        records = []
        queryset = (
            Publication.objects.select_related("series")
            .defer("pdf_text", "search_vector", "search_rank_vector")  # not part of the format
            .annotate(translation_of_slug=F("translation_of__slug"))
            .order_by("slug")
        )
        for pub in queryset.iterator(chunk_size=2000):
            records.append(
                {
                    "slug": pub.slug,
                    "title": pub.title,
                    "subtitle": pub.subtitle,
                    "type": pub.type,
                    "series": pub.series.slug if pub.series_id else None,
                    "series_number": pub.series_number,
                    "summary": pub.summary,
                    "body": pub.body,
                    "language": pub.language,
                    "translation_of": pub.translation_of_slug,
                    "published_on": pub.published_on.isoformat(),
                    "status": pub.status,
                    "publish_at": _utc_iso(pub.publish_at),
                    "isbn": pub.isbn,
                    "doi": pub.doi,
                    "external_url": pub.external_url,
                    "source": pub.source,
                    "authors": [slug for slug, _role in authors[pub.pk]],
                    "regions": regions[pub.pk],
                    "themes": themes[pub.pk],
                    "centers": centers[pub.pk],
                    "related": related[pub.pk],
                    "pdf": self.file(pub.pdf, f"files/{pub.slug}.pdf"),
                    "cover": self.file(
                        pub.cover, f"files/covers/{pub.slug}.{self.extension(pub.cover)}"
                    ),
                    "pages": pub.pages,
                    "featured": pub.featured,
                    "author_roles": [role for _slug, role in authors[pub.pk]],
                }
            )
        return records

    def run(self):
        return {
            "regions": self.tree("regions", Region),
            "themes": self.tree("themes", Theme),
            "series": self.series(),
            "centers": self.centers(),
            "authors": self.authors(),
            "publications": self.publications(),
        }


def export_document(*, target: Path | None = None):
    """The whole catalogue as a document, every item whatever its status, ordered by slug.

    With `target` (the JSON file to be written) the PDFs, covers and photos are copied into a
    `files/` folder beside it. Returns (document, warnings).
    """
    exporter = _Exporter(Path(target).parent / "files" if target else None)
    with override_language(BASE_LANGUAGE):  # the plain keys are the English values
        document = exporter.run()
    if target is None and exporter.files:
        exporter.warnings.append(
            f"The document names {exporter.files} files that were not copied: give FILE.json "
            "to copy them into files/ beside it."
        )
    return document, exporter.warnings


def dump_document(document) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
