"""Related analyses of a publication: the editors' pinned choices, then the closest by subject.

Scoring (higher is closer), for a candidate C of publication P:
- 3 per region of P that C is tagged with, and 3 per shared theme (an exact match);
- 1 per region/theme of C that is only *near* one of P's: its parent, another ancestor, a
  sibling below the same parent, or a descendant (a shared parent counts less than the node);
- 2 per shared author;
- 1 when C belongs to one of P's centers or programs.
Ties go to the more recent. Only published items; never P itself nor its language versions.
Media items (pieces published elsewhere) come after every analysis whatever their score: they
fill a slot only when nothing else fits, unless the editors pinned them.

Four small queries whatever the size of the catalogue (each reads a bounded number of rows):
1. the regions and themes near P's (the trees are small);
2. the candidates: the CANDIDATE_LIMIT most recent public publications among those that share
   *something* with P. On PostgreSQL, for each of P's tags (regions and themes with the nodes
   near them, authors, centers) only the PER_TAG publications most recently added to it count:
   a LATERAL index-only scan of (tag, publication) per tag inside `id = ANY(ARRAY(...))`, so
   the cost follows how many tags P has, not how many publications a tag has. Other databases
   read every link of the tags, fine at their scale;
3. those and the pinned ones, scored with correlated COUNTs over the link tables (an index
   lookup each, the tag lists written out), ordered in SQL, cut at `limit`, pinned first;
4. their authors (prefetch).
Before: one statement with the candidates as `id IN (subquery LIMIT 200)`, which PostgreSQL
estimated at ~75,000 rows at 100,000 publications and answered by scanning the whole table
(130-150 ms; 850 ms with JIT on). Now no step scans the publications table.
"""

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from taxonomy.models import Region, Theme

from .models import (
    PinnedRelation,
    Publication,
    PublicationAuthor,
    PublicationCenter,
    PublicationRegion,
    PublicationTheme,
)
from .querysets import work_versions_condition

EXACT = 3
NEAR = 1
AUTHOR = 2
CENTER = 1
CANDIDATE_LIMIT = 200
PER_TAG = 20


def _count(through, field, values):
    """COUNT of `through` rows of the outer publication whose `field` is in `values`."""
    if isinstance(values, list) and not values:
        return Value(0)
    rows = (
        through.objects.filter(publication=OuterRef("pk"), **{f"{field}__in": values})
        .order_by()
        .values("publication")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def _near_condition(nodes):
    """Nodes near the given ones (ancestors, siblings and their subtrees, descendants)."""
    query = Q()
    for node in nodes:
        slugs = node.path.strip("/").split("/")
        ancestors = slugs[:-1]
        # The parent's subtree (siblings and below), or the node's own subtree at the top level.
        scope = "/" + "/".join(ancestors) + "/" if ancestors else node.path
        query |= Q(path__startswith=scope)
        if ancestors:
            query |= Q(slug__in=ancestors)
    return query


def _near_ids(regions, themes):
    """(region ids, theme ids) near the given regions and themes, themselves left out; one
    query for both trees."""
    parts = [
        model.objects.filter(_near_condition(nodes))
        .exclude(pk__in=[node.pk for node in nodes])
        .order_by()
        .values_list("pk", Value(kind))
        for model, nodes, kind in ((Region, regions, "region"), (Theme, themes, "theme"))
        if nodes
    ]
    if not parts:
        return [], []
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    found = {"region": [], "theme": []}
    for pk, kind in rows:
        found[kind].append(pk)
    return found["region"], found["theme"]


def _any_of(sql, params):
    """The condition "the publication's id is in the rows of `sql`" as `id = ANY(ARRAY(...))`:
    PostgreSQL runs the subquery once and looks the ids up in the primary key, whatever it
    estimates (an `IN (subquery)` estimated large made it scan the table)."""
    column = f'"{Publication._meta.db_table}"."id"'
    return RawSQL(f"{column} = ANY(ARRAY({sql}))", params, output_field=BooleanField())


def _shares_a_tag(sources):
    """The condition "shares one of these tags" ((link model, field, tag ids) each); on
    PostgreSQL bounded to the PER_TAG publications most recently added to each tag."""
    if connection.vendor != "postgresql":
        condition = Q(pk__in=[])
        for through, field, ids in sources:
            links = through.objects.filter(**{f"{field}__in": ids})
            condition |= Q(pk__in=links.values("publication"))
        return condition
    parts, params = [], []
    for through, field, ids in sources:
        table, column = through._meta.db_table, through._meta.get_field(field).column
        parts.append(
            "SELECT recent.publication_id FROM unnest(%s::bigint[]) AS tag(id) "
            f'CROSS JOIN LATERAL (SELECT publication_id FROM "{table}" '
            f'WHERE "{column}" = tag.id ORDER BY publication_id DESC LIMIT %s) AS recent'
        )
        params += [ids, PER_TAG]
    return _any_of(" UNION ".join(parts), params)


def _pinned_by(publication):
    pinned = PinnedRelation.objects.filter(from_publication=publication.pk)
    if connection.vendor != "postgresql":
        return Q(pk__in=pinned.values("to_publication"))
    sql, params = pinned.order_by().values("to_publication").query.sql_with_params()
    return _any_of(sql, params)


def related_publications(publication, *, limit=5, candidate_limit=CANDIDATE_LIMIT):
    """Up to `limit` published publications related to `publication`, pinned ones first.

    Uses the publication's prefetched regions, themes, authors and centers when present.
    """
    regions = list(publication.regions.all())
    themes = list(publication.themes.all())
    author_ids = [link.author_id for link in publication.publication_authors.all()]
    center_ids = [center.pk for center in publication.centers.all()]
    region_ids = [region.pk for region in regions]
    theme_ids = [theme.pk for theme in themes]
    near_region_ids, near_theme_ids = _near_ids(regions, themes)
    sources = [
        (through, field, ids)
        for through, field, ids in (
            (PublicationRegion, "region", region_ids + near_region_ids),
            (PublicationTheme, "theme", theme_ids + near_theme_ids),
            (PublicationAuthor, "author", author_ids),
            (PublicationCenter, "center", center_ids),
        )
        if ids
    ]

    # Never itself, nor its own versions in other languages ("Available in" lists those).
    published = Publication.objects.published().exclude(
        work_versions_condition([publication.translation_root_id])
    )
    candidates = (
        list(
            published.filter(_shares_a_tag(sources))
            .order_by("-published_on", "-pk")
            .values_list("pk", flat=True)[:candidate_limit]
        )
        if sources
        else []
    )

    score = (
        _count(PublicationRegion, "region", region_ids) * EXACT
        + _count(PublicationRegion, "region", near_region_ids) * NEAR
        + _count(PublicationTheme, "theme", theme_ids) * EXACT
        + _count(PublicationTheme, "theme", near_theme_ids) * NEAR
        + _count(PublicationAuthor, "author", author_ids) * AUTHOR
        + _count(PublicationCenter, "center", center_ids) * CENTER
    )
    pin = PinnedRelation.objects.filter(
        from_publication=publication.pk, to_publication=OuterRef("pk")
    ).order_by("position", "pk")
    return (
        published.filter(Q(pk__in=candidates) | _pinned_by(publication))
        .annotate(
            pin_position=Subquery(pin.values("position")[:1]),
            pin_id=Subquery(pin.values("pk")[:1]),
            relatedness=score,
            elsewhere=Case(
                When(type=Publication.Type.MEDIA, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .order_by(
            F("pin_position").asc(nulls_last=True),
            F("pin_id").asc(nulls_last=True),
            "elsewhere",
            "-relatedness",
            "-published_on",
            "-pk",
        )
        .for_listing()[:limit]
    )
