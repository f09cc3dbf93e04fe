"""Related analyses of a publication: the editors' pinned choices, then the closest by subject.

Scoring (higher is closer), for a candidate C of publication P:
- 3 per region of P that C is tagged with, and 3 per shared theme (an exact match);
- 1 per region/theme of C that is only *near* one of P's: its parent, another ancestor, a
  sibling below the same parent, or a descendant (a shared parent counts less than the node);
- 2 per shared author;
- 1 when C belongs to one of P's centers or programs.
Ties go to the more recent. Only published items; never P itself nor its language versions.

The whole answer is one SQL query (plus the authors' prefetch): the candidates are the most
recent publications that share *something* with P (capped by CANDIDATE_LIMIT, so a very common
tag never makes the database score its whole archive), each scored with correlated COUNT
subqueries, ordered in SQL and cut at `limit`. The pinned ones are in the same query, ordered first.
"""

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
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


def _near_nodes(model, nodes):
    """Nodes near the given ones (ancestors, siblings and their subtrees, descendants), not them."""
    if not nodes:
        return model.objects.none()
    query = Q()
    for node in nodes:
        slugs = node.path.strip("/").split("/")
        ancestors = slugs[:-1]
        # The parent's subtree (siblings and below), or the node's own subtree at the top level.
        scope = "/" + "/".join(ancestors) + "/" if ancestors else node.path
        query |= Q(path__startswith=scope)
        if ancestors:
            query |= Q(slug__in=ancestors)
    return model.objects.filter(query).exclude(pk__in=[node.pk for node in nodes])


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
    near_regions = _near_nodes(Region, regions).values("pk")
    near_themes = _near_nodes(Theme, themes).values("pk")

    # Never itself, nor its own versions in other languages ("Available in" lists those).
    published = Publication.objects.published().exclude(
        work_versions_condition([publication.translation_root_id])
    )
    pinned = PinnedRelation.objects.filter(from_publication=publication.pk)

    shares = Q(pk__in=[])
    if regions:
        shares |= Q(
            pk__in=PublicationRegion.objects.filter(
                Q(region__in=region_ids) | Q(region__in=near_regions)
            ).values("publication")
        )
    if themes:
        shares |= Q(
            pk__in=PublicationTheme.objects.filter(
                Q(theme__in=theme_ids) | Q(theme__in=near_themes)
            ).values("publication")
        )
    if author_ids:
        shares |= Q(
            pk__in=PublicationAuthor.objects.filter(author__in=author_ids).values("publication")
        )
    if center_ids:
        shares |= Q(
            pk__in=PublicationCenter.objects.filter(center__in=center_ids).values("publication")
        )
    candidates = (
        published.filter(shares).order_by("-published_on", "-pk").values("pk")[:candidate_limit]
    )

    score = (
        _count(PublicationRegion, "region", region_ids) * EXACT
        + _count(PublicationRegion, "region", near_regions) * NEAR
        + _count(PublicationTheme, "theme", theme_ids) * EXACT
        + _count(PublicationTheme, "theme", near_themes) * NEAR
        + _count(PublicationAuthor, "author", author_ids) * AUTHOR
        + _count(PublicationCenter, "center", center_ids) * CENTER
    )
    pin = pinned.filter(to_publication=OuterRef("pk")).order_by("position", "pk")
    return (
        published.filter(Q(pk__in=pinned.values("to_publication")) | Q(pk__in=candidates))
        .annotate(
            pin_position=Subquery(pin.values("position")[:1]),
            pin_id=Subquery(pin.values("pk")[:1]),
            relatedness=score,
        )
        .order_by(
            F("pin_position").asc(nulls_last=True),
            F("pin_id").asc(nulls_last=True),
            "-relatedness",
            "-published_on",
            "-pk",
        )
        .for_listing()[:limit]
    )
