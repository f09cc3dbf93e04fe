"""Revisions of publications with django-reversion.

Why django-reversion rather than django-simple-history: a publication is more than its row.
Its authors (ordered, with roles), regions, themes, centers and pinned relations live in
through models. django-reversion saves one *revision* per admin save that holds the publication
and every followed through row together, with the user, the time and a comment, and reverting a
revision puts back exactly that set (rows added since are deleted, `revert(delete=True)`).
django-simple-history keeps a history table per model and has no notion of a revision spanning
several models, so restoring "the publication as it was, with its authors" would have to be
reassembled by hand from timestamps. Reversion also needs no extra table per model and no
change to the models, and its admin gives the history and restore views.

Followed: the through rows. Not followed on purpose: old slugs (`SlugRedirect`: restoring must
never delete an old URL), review comments, download counts by day.
"""

import reversion
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from centers.models import Center
from taxonomy.models import Region, Theme

from .models import (
    Author,
    PinnedRelation,
    Publication,
    PublicationAuthor,
    PublicationCenter,
    PublicationRegion,
    PublicationTheme,
)
from .search import search_index_refresh

FOLLOW = [
    "publication_authors",
    "publicationregion_set",
    "publicationtheme_set",
    "publicationcenter_set",
    "pinned_relations",
]
THROUGH_MODELS = [
    PublicationAuthor,
    PublicationRegion,
    PublicationTheme,
    PublicationCenter,
    PinnedRelation,
]
# What a restore leaves as it is: the workflow state (a restore is not a way to publish or
# unpublish), the URL (old URLs stay permanent), and counters.
KEPT_ON_RESTORE = ["slug", "status", "publish_at", "download_count", "created_by_id"]
# Fields not worth showing in a comparison (derived or bookkeeping).
NOT_COMPARED = {"id", "pdf_text", "thumbnail", "updated_at", "created_at", "download_count"}


def register():
    if not reversion.is_registered(Publication):
        reversion.register(Publication, follow=FOLLOW)
    for model in THROUGH_MODELS:
        if not reversion.is_registered(model):
            reversion.register(model)


register()


def _names(model, pks):
    names = dict(model.objects.filter(pk__in=pks).values_list("pk", "name"))
    return [names.get(pk, f"#{pk}") for pk in pks]


def version_snapshot(version):
    """{label: value} for a publication version: its fields, then its relations as lists of
    names (authors in their order, with their role)."""
    fields = version.field_dict
    snapshot = {}
    for field in Publication._meta.concrete_fields:
        if field.name in NOT_COMPARED:
            continue
        value = fields.get(field.attname)
        if field.choices:
            value = dict(field.flatchoices).get(value, value)
        snapshot[str(field.verbose_name)] = "" if value is None else str(value)

    rows = {model: [] for model in THROUGH_MODELS}
    for related in version.revision.version_set.exclude(pk=version.pk):
        model = related._model
        if model in rows:
            rows[model].append(related.field_dict)
    authors = sorted(rows[PublicationAuthor], key=lambda r: (r["position"], r["id"]))
    author_names = _names(Author, [r["author_id"] for r in authors])
    snapshot[str(_("authors"))] = [
        f"{name} ({row['role']})" for name, row in zip(author_names, authors, strict=True)
    ]
    for label, model, field, target in [
        (_("regions"), PublicationRegion, "region_id", Region),
        (_("themes"), PublicationTheme, "theme_id", Theme),
        (_("centers and programs"), PublicationCenter, "center_id", Center),
    ]:
        snapshot[str(label)] = sorted(_names(target, [r[field] for r in rows[model]]))
    pinned = sorted(rows[PinnedRelation], key=lambda r: (r["position"], r["id"]))
    titles = dict(
        Publication.objects.filter(pk__in=[r["to_publication_id"] for r in pinned]).values_list(
            "pk", "title"
        )
    )
    snapshot[str(_("pinned related"))] = [titles.get(r["to_publication_id"], "?") for r in pinned]
    return snapshot


def compare_versions(older, newer):
    """Rows (label, older value, newer value, changed) for two versions of one publication."""
    a, b = version_snapshot(older), version_snapshot(newer)
    rows = []
    for label in a.keys() | b.keys():
        left, right = a.get(label, ""), b.get(label, "")
        if isinstance(left, list):
            left = "\n".join(left)
        if isinstance(right, list):
            right = "\n".join(right)
        rows.append((label, left, right, left != right))
    order = list(a)
    rows.sort(key=lambda row: order.index(row[0]) if row[0] in order else len(order))
    return rows


def publication_after_restore(*, publication):
    """What a restore changes besides the rows reversion puts back: the old title, text and
    authors must be what search finds again."""
    search_index_refresh()


def versions_of(publication_pk):
    return (
        Version.objects.get_for_object_reference(Publication, publication_pk)
        .select_related("revision", "revision__user")
        .order_by("-pk")
    )
