"""Maintenance of `PublicationFacetRow`: each publication's region, theme and center ids with
their ancestors, in int arrays (PostgreSQL only; a no-op elsewhere).

`facet_rows_refresh(publication_ids=None)` recomputes the rows of these publications (all when
None) in ONE `INSERT … SELECT … ON CONFLICT DO UPDATE`. It is called by `search_index_refresh()`
(so by every path that already refreshes the search vectors after a change of tags), by
`TreeNode.save()` when a region or theme moves or is renamed, and by `Center.save()` when a
program changes parent, by every `Publication.save()` (status, dates, type, language are copied)
and by the relation managers' m2m signal (regions/themes/centers `.set()`, `.add()`...).
"""

from django.db import connection

# The closure of each tree: (node, ancestor-or-self), found through the materialized paths.
_REFRESH_SQL = """
WITH rc AS MATERIALIZED (
    SELECT d.id AS node, a.id AS anc FROM publications_region d
    JOIN publications_region a ON left(d.path, length(a.path)) = a.path
), tc AS MATERIALIZED (
    SELECT d.id AS node, a.id AS anc FROM publications_theme d
    JOIN publications_theme a ON left(d.path, length(a.path)) = a.path
), cc AS MATERIALIZED (
    SELECT id AS node, id AS anc FROM centers_center
    UNION ALL
    SELECT id, parent_id FROM centers_center WHERE parent_id IS NOT NULL
)
INSERT INTO publications_publicationfacetrow (
    publication_id, status, published_on, publish_at, type, language,
    region_ids, theme_ids, center_ids
)
SELECT p.id, p.status, p.published_on, p.publish_at, p.type, p.language,
    COALESCE((
        SELECT array_agg(DISTINCT c.anc ORDER BY c.anc) FROM publications_publicationregion t
        JOIN rc c ON c.node = t.region_id WHERE t.publication_id = p.id
    ), '{{}}'),
    COALESCE((
        SELECT array_agg(DISTINCT c.anc ORDER BY c.anc) FROM publications_publicationtheme t
        JOIN tc c ON c.node = t.theme_id WHERE t.publication_id = p.id
    ), '{{}}'),
    COALESCE((
        SELECT array_agg(DISTINCT c.anc ORDER BY c.anc) FROM publications_publicationcenter t
        JOIN cc c ON c.node = t.center_id WHERE t.publication_id = p.id
    ), '{{}}')
FROM publications_publication p
{where}
ON CONFLICT (publication_id) DO UPDATE SET
    status = EXCLUDED.status,
    published_on = EXCLUDED.published_on,
    publish_at = EXCLUDED.publish_at,
    type = EXCLUDED.type,
    language = EXCLUDED.language,
    region_ids = EXCLUDED.region_ids,
    theme_ids = EXCLUDED.theme_ids,
    center_ids = EXCLUDED.center_ids
"""


def facet_rows_refresh(*, publication_ids=None):
    """Recompute the facet rows of these publications (all when None); returns the row count.

    A no-op (0) on databases other than PostgreSQL, whose facets do not use the rows."""
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        if publication_ids is None:
            cursor.execute(_REFRESH_SQL.format(where=""))
        else:
            ids = [int(pk) for pk in publication_ids]
            if not ids:
                return 0
            cursor.execute(_REFRESH_SQL.format(where="WHERE p.id = ANY(%s)"), [ids])
        return cursor.rowcount


def facet_rows_refresh_for_tree(*, link_model, node_ids):
    """After regions/themes moved or were renamed: refresh the publications tagged with them."""
    if connection.vendor != "postgresql" or not node_ids:
        return 0
    field = "region_id" if link_model._meta.model_name == "publicationregion" else "theme_id"
    ids = (
        link_model.objects.filter(**{f"{field}__in": list(node_ids)})
        .values_list("publication_id", flat=True)
        .distinct()
    )
    return facet_rows_refresh(publication_ids=list(ids))


def facet_rows_refresh_for_centers(*, center_ids):
    """After a program changed parent: refresh the publications linked to these centers."""
    if connection.vendor != "postgresql" or not center_ids:
        return 0
    from .models import PublicationCenter

    ids = (
        PublicationCenter.objects.filter(center_id__in=list(center_ids))
        .values_list("publication_id", flat=True)
        .distinct()
    )
    return facet_rows_refresh(publication_ids=list(ids))
