"""Revisions of publications with django-reversion, and what staff see when comparing two.

Why django-reversion rather than django-simple-history: a publication is more than its row.
Its authors (ordered, with roles), regions, themes, centers and pinned relations live in
through models. django-reversion saves one *revision* per admin save that holds the publication
and every followed through row together, with the user, the time and a comment, and reverting a
revision puts back exactly that set (rows added since are deleted, `revert(delete=True)`).
django-simple-history keeps a history table per model and has no notion of a revision spanning
several models, so "the publication as it was, with its authors" would have to be reassembled
from timestamps.

Why not django-reversion-compare for the comparison (0.19.2, the latest release, supports
Django 5.2 and is maintained; tried on these models): it does not show what editors change.
- Regions, themes and centers are many-to-many fields through our own models; Django's
  serializer leaves such fields out of a version, so its many-to-many comparison finds nothing,
  and its reverse-relation comparison only reads relations that have a `related_name`
  (`publicationregion_set` has none): a change of taxonomy was not shown at all.
- Authors come out as "Name (Role)" sorted alphabetically, so a change of order (what an editor
  most often changes) is invisible; it looks an old version's rows up among today's rows, so
  removed authors show only as "Deleted"; pinned relations show as "12 → 34" (ids).
- Unfollowed foreign keys (series, original version, creator) are reported as changed,
  "add: None", when they did not change.
- Its compare view loads the publication with `get_object_or_404` on the model rather than the
  admin's queryset and checks no object permission, so a contributor could read the versions of
  anyone's publication; a malformed choice answers 404.
Making it fit takes a `compare_<field>` method per relation and our own compare view, more
code than this module, for a GPL-3.0 dependency that also brings `rich` and
`diff-match-patch` and installs its demo project as a top-level package. So the comparison is
ours: a text per field and per relation, one name a line.

Followed: the through rows. Not followed on purpose: old slugs (`OldSlug`: restoring must
never delete an old URL), review comments, download counts by day.
"""

import difflib
import re
from collections import defaultdict
from html.parser import HTMLParser
from typing import NamedTuple

import reversion
from django.db import models
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from .models import (
    PinnedRelation,
    Publication,
    PublicationAuthor,
    PublicationCenter,
    PublicationRegion,
    PublicationTheme,
)


class Relation(NamedTuple):
    follow: str  # the accessor from the publication
    model: type[models.Model]
    target: str  # the field of `model` that names the related object
    label: str
    ordered: bool  # by `position`; otherwise compared as a set, by name


RELATIONS = [
    Relation("publication_authors", PublicationAuthor, "author", _("authors"), True),
    Relation("publicationregion_set", PublicationRegion, "region", _("regions"), False),
    Relation("publicationtheme_set", PublicationTheme, "theme", _("themes"), False),
    Relation(
        "publicationcenter_set", PublicationCenter, "center", _("centers and programs"), False
    ),
    Relation("pinned_relations", PinnedRelation, "to_publication", _("pinned related"), True),
]
# What a restore leaves as it is: the workflow state (a restore is not a way to publish or
# unpublish), the URL (old URLs stay permanent), and counters.
KEPT_ON_RESTORE = ["slug", "status", "publish_at", "download_count", "created_by_id"]
# Fields not worth showing in a comparison (derived or bookkeeping).
NOT_COMPARED = {
    "id",
    "pdf_text",
    "thumbnail",
    "search_vector",
    "search_rank_vector",
    "updated_at",
    "created_at",
    "download_count",
}


def register():
    if not reversion.is_registered(Publication):
        # Search vectors are derived from the text: a revert leaves them empty (their default),
        # to be computed from the restored text, rather than putting back another text's.
        reversion.register(
            Publication,
            follow=[relation.follow for relation in RELATIONS],
            exclude=["search_vector", "search_rank_vector"],
        )
    for relation in RELATIONS:
        if not reversion.is_registered(relation.model):
            reversion.register(relation.model)


register()


def versions_of(publication_pk):
    return (
        Version.objects.get_for_object_reference(Publication, publication_pk)
        .select_related("revision", "revision__user")
        .order_by("-pk")
    )


def compare_versions(older, newer):
    """[(label, older text, newer text, changed)] for two versions of one publication."""
    before, after = version_snapshot(older), version_snapshot(newer)
    return [(label, text, after[label], text != after[label]) for label, text in before.items()]


def version_snapshot(version):
    """{label: text} for a publication version: its fields, then its relations one name a line
    (authors and pinned relations in their order, authors with their role)."""
    values = version.field_dict
    snapshot = {
        str(field.verbose_name): _text(field, values.get(field.attname))
        for field in Publication._meta.concrete_fields
        if field.name not in NOT_COMPARED
    }
    links = defaultdict(list)
    for row in version.revision.version_set.exclude(pk=version.pk):
        links[row._model].append(row.field_dict)
    for relation in RELATIONS:
        snapshot[str(relation.label)] = "\n".join(_relation_lines(relation, links[relation.model]))
    return snapshot


def _relation_lines(relation, links):
    target = relation.model._meta.get_field(relation.target)
    if not relation.ordered:
        return sorted(_names(target, [link[target.attname] for link in links]))
    links = sorted(links, key=lambda link: (link["position"], link["id"]))
    names = _names(target, [link[target.attname] for link in links])
    if relation.model is PublicationAuthor:
        role = PublicationAuthor._meta.get_field("role")
        return [
            f"{name} ({_text(role, link['role'])})" for name, link in zip(names, links, strict=True)
        ]
    return names


def _text(field, value):
    if value is None:
        return ""
    if isinstance(field, models.TextField) and looks_like_html(value):
        return readable_text(value)
    if field.is_relation:
        return _names(field, [value])[0]
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, list):  # key takeaways: one a line, as they are edited
        return "\n".join(str(item) for item in value)
    return str(value)


def _names(field, pks):
    """The objects a foreign key points to, as text, in the order of `pks` (one query); one
    deleted since shows as its id."""
    objects = field.related_model._base_manager.in_bulk(pks)
    return [str(objects[pk]) if pk in objects else f"#{pk}" for pk in pks]


# --- Readable structured text, and what changed in it ------------------------------------------
# A structured body (HTML of an allowed subset, sanitised on save) is compared as the text a
# reader sees, one block a line: "## Heading", "• list item", "> quotation", table cells joined
# by " | ", a note reference as "[1]". Markup changes alone show as no change.

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr", "figcaption",
           "figure", "div", "section", "aside", "ol", "ul", "table", "br", "hr"}  # fmt: skip
_PREFIX = {"h1": "# ", "h2": "## ", "h3": "### ", "h4": "#### ", "li": "• "}


def looks_like_html(text):
    return bool(re.search(r"<(p|h[1-6]|ul|ol|li|table|blockquote|figure|div|sup)\b", text or ""))


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.line, self.cells, self.quotes = [], [], None, 0

    def _end_line(self):
        text = " ".join("".join(self.line).split())
        if text:
            self.lines.append("> " * self.quotes + text)
        self.line = []

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th") and self.cells is not None:
            self.cells.append([])
            return
        if tag in _BLOCKS:
            self._end_line()
        if tag == "tr":
            self.cells = []
        if tag == "blockquote":
            self.quotes += 1
        if tag in _PREFIX:
            self.line.append(_PREFIX[tag])
        if tag == "img":
            alt = dict(attrs).get("alt")
            self.line.append(f"[{_('image')}: {alt}]" if alt else f"[{_('image')}]")
        if tag == "sup":
            self.line.append("[")

    def handle_endtag(self, tag):
        if tag == "tr" and self.cells is not None:
            self.line.append(" | ".join(" ".join("".join(cell).split()) for cell in self.cells))
            self.cells = None
            self._end_line()
        elif tag == "sup":
            self.line.append("]")
        elif tag in _BLOCKS:
            self._end_line()
            if tag == "blockquote":
                self.quotes = max(self.quotes - 1, 0)

    def handle_data(self, data):
        if self.cells:
            self.cells[-1].append(data)
        else:
            self.line.append(data)


def readable_text(html):
    """The text of an HTML body as a reader sees it, one block a line (see above)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader._end_line()
    return "\n".join(reader.lines)


def word_diff(older, newer):
    """(older, newer) as safe HTML with the words removed in <del> and added in <ins>, line
    breaks as <br>; for the changed rows of a comparison."""
    tokens = re.compile(r"\S+[^\S\n]*|\n|[^\S\n]+")  # a word with the spaces after it
    a, b = tokens.findall(older), tokens.findall(newer)
    left, right = [], []

    def text(parts):
        return escape("".join(parts)).replace("\n", "<br>")

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            left.append(text(a[i1:i2]))
            right.append(text(b[j1:j2]))
            continue
        if i2 > i1:
            left.append(f"<del>{text(a[i1:i2])}</del>")
        if j2 > j1:
            right.append(f"<ins>{text(b[j1:j2])}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))
