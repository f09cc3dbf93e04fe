"""How each section of the format maps onto the models: the model, the columns a record fills,
the keys that name other records (foreign keys by slug) and the link tables its lists fill.

Columns come from `format.KEYS`: a key naming another record becomes `<key>__slug`, a
translated key its English column (`name` → `name_en`; `name_fr` is a column already); lists
fill link tables instead. Validation, change detection and the writer all read this one table.
"""

from dataclasses import dataclass, field
from functools import cached_property

from centers.models import Center
from publications import models
from taxonomy.models import Region, Theme
from thinktank.i18n import BASE_LANGUAGE

from .format import FILE_KEYS, KEYS, TRANSLATED


@dataclass(frozen=True)
class Links:
    """Link rows from a record's list `key`: `owner` → `target` (a slug of `target_section`),
    in the list's order when `ordered` (a `position` column), with a `role` when `roles`."""

    key: str
    model: type
    owner: str
    target: str
    target_section: str
    ordered: bool = False
    roles: bool = False


@dataclass(frozen=True)
class Table:
    section: str
    model: type
    refs: dict = field(default_factory=dict)  # key -> section of the record it names
    links: tuple = ()
    derived: tuple = ()  # columns computed from the whole document (a node's path)

    @property
    def files(self):
        return tuple(FILE_KEYS.get(self.section, ()))

    @cached_property
    def column_keys(self):
        """{column: the record's key it comes from, or None when derived}; the columns are
        compared and written, `x__slug` is the foreign key `x` by slug."""
        skip = {"slug", "author_roles", *(links.key for links in self.links)}
        translated = TRANSLATED.get(self.section, ())
        columns = {}
        for key in KEYS[self.section]:
            if key in self.refs:
                columns[f"{key}__slug"] = key
            elif key in translated:
                columns[f"{key}_{BASE_LANGUAGE}"] = key
            elif key not in skip:
                columns[key] = key
        return {**columns, **dict.fromkeys(self.derived)}

    @property
    def columns(self):
        return tuple(self.column_keys)


TABLES = [
    Table("regions", Region, {"parent": "regions"}, derived=("path", "depth")),
    Table("themes", Theme, {"parent": "themes"}, derived=("path", "depth")),
    Table("series", models.Series),
    Table(
        "centers",
        Center,
        {"parent": "centers"},
        links=(Links("heads", Center.heads.through, "center", "author", "authors"),),
    ),
    Table(
        "authors",
        models.Author,
        links=(Links("centers", models.Author.centers.through, "author", "center", "centers"),),
    ),
    Table(
        "publications",
        models.Publication,
        {"series": "series", "translation_of": "publications"},
        links=(
            Links(
                "authors",
                models.PublicationAuthor,
                "publication",
                "author",
                "authors",
                ordered=True,
                roles=True,
            ),
            Links("regions", models.PublicationRegion, "publication", "region", "regions"),
            Links("themes", models.PublicationTheme, "publication", "theme", "themes"),
            Links("centers", models.PublicationCenter, "publication", "center", "centers"),
            Links(
                "related",
                models.PinnedRelation,
                "from_publication",
                "to_publication",
                "publications",
                ordered=True,
            ),
        ),
    ),
]
BY_SECTION = {table.section: table for table in TABLES}

#: (section, key, section of the records it names) for every key that names records by slug.
REFERENCES = [
    *((t.section, key, target) for t in TABLES for key, target in t.refs.items()),
    *((t.section, links.key, links.target_section) for t in TABLES for links in t.links),
]
