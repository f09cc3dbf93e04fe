"""Facet counts of the current result: region, theme, type, center, language, year.

Disjunctive: each facet counts the result of every filter *except its own*, so ticking "Japan"
still shows how many there are for "Korea". Regions and themes roll up: a publication tagged
Japan counts once for Japan and once for Asia (distinct publications per node, found through
the materialized paths); centers roll up their programs the same way.

One SQL statement whatever the number of facets or values, glued with UNION ALL; labels come
back in the same rows, so rendering needs no query. On PostgreSQL the statement scans the slim
`PublicationFacetRow`s (tags with their ancestors in arrays, see `_pg_facet_rows`); elsewhere
(SQLite), the current result and, for each facet with a selection, the result without that
selection, are common table expressions rolled up through the trees (`_generic_facet_rows`,
also the reference the PostgreSQL path is tested against).
"""

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Publication

FACETS = ("region", "theme", "center", "type", "language", "year")
LABELS = {
    "region": _("Region"),
    "theme": _("Theme"),
    "center": _("Center or program"),
    "type": _("Type"),
    "language": _("Language"),
    "year": _("Year"),
}


@dataclass
class FacetEntry:
    value: str
    label: str
    count: int
    selected: bool
    url: str
    depth: int = 0


@dataclass
class FacetGroup:
    name: str
    label: str
    entries: list = field(default_factory=list)

    @property
    def param(self):
        return self.name


@dataclass
class Facets:
    groups: list
    total: int

    def __bool__(self):
        return any(group.entries for group in self.groups)

    def __getitem__(self, name):
        for group in self.groups:
            if group.name == name:
                return group
        raise KeyError(name)


_TREE_SQL = """
SELECT '{facet}', a.slug, a.name, a.path, a.depth, a."order", COUNT(*)
FROM (
    SELECT DISTINCT c.anc, x.publication_id
    FROM (
        SELECT t.publication_id, t.{fk} AS node
        FROM {through} t JOIN {base} b ON b.id = t.publication_id
        {fence}
    ) x
    JOIN (
        SELECT d.id AS node, a2.id AS anc FROM {table} d
        JOIN {table} a2 ON substr(d.path, 1, length(a2.path)) = a2.path
    ) c ON c.node = x.node
) y
JOIN {table} a ON a.id = y.anc
GROUP BY a.id, a.slug, a.name, a.path, a.depth, a."order"
"""

_CENTER_SQL = """
SELECT 'center', a.slug, a.name, '/' || COALESCE(par.slug || '/', '') || a.slug || '/',
    CASE WHEN a.parent_id IS NULL THEN 0 ELSE 1 END, a."order", COUNT(*)
FROM (
    SELECT DISTINCT c.anc, x.publication_id
    FROM (
        SELECT t.publication_id, t.center_id AS node
        FROM publications_publicationcenter t JOIN {base} b ON b.id = t.publication_id
        {fence}
    ) x
    JOIN (
        SELECT id AS node, id AS anc FROM centers_center
        UNION ALL
        SELECT id, parent_id FROM centers_center WHERE parent_id IS NOT NULL
    ) c ON c.node = x.node
) y
JOIN centers_center a ON a.id = y.anc
LEFT JOIN centers_center par ON par.id = a.parent_id
WHERE a.active
GROUP BY a.id, a.slug, a.name, par.slug, a.parent_id, a."order"
"""

_COLUMN_SQL = """
SELECT '{facet}', CAST({column} AS TEXT), '', '', 0, 0, COUNT(*) FROM {base} GROUP BY {column}
"""


def _base_sql(queryset):
    qs = (
        queryset.order_by()
        .annotate(y=ExtractYear("published_on"))
        .values("pk", "type", "language", "y")
    )
    return qs.query.sql_with_params()


# --- PostgreSQL: one scan of the slim facet rows, with a match flag per facet ------------------
# `PublicationFacetRow` carries each publication's tags with their ancestors (arrays,
# de-duplicated) and copies of status, dates, type and language, so a facet is a scan of that
# narrow table without a join. Publicness is decided here, at query time, with the rule of
# `PublicationQuerySet.published()`. Filters that are no facet (q, author, series) restrict the
# rows with `IN (the filtered public set)`. Each facet counts the rows whose OTHER flags are true.
_PG_BASE_SQL = """
WITH {ids}m AS {materialized} (
    SELECT f.type, f.language, CAST(EXTRACT(YEAR FROM f.published_on) AS integer) AS y,
        f.region_ids, f.theme_ids, f.center_ids,
        {flags}
    FROM publications_publicationfacetrow f
    WHERE f.status = %s AND f.published_on <= %s AND (f.publish_at IS NULL OR f.publish_at <= %s)
    {restrict}
)
"""

_PG_TREE_SQL = """
SELECT '{facet}', a.slug, a.name, a.path, a.depth, a."order", c.n
FROM (
    SELECT u.id, COUNT(*) AS n FROM (SELECT unnest(m.{facet}_ids) AS id FROM m WHERE {where}) u
    GROUP BY u.id
) c
JOIN {table} a ON a.id = c.id
"""

_PG_CENTER_SQL = """
SELECT 'center', a.slug, a.name, '/' || COALESCE(par.slug || '/', '') || a.slug || '/',
    CASE WHEN a.parent_id IS NULL THEN 0 ELSE 1 END, a."order", c.n
FROM (
    SELECT u.id, COUNT(*) AS n FROM (SELECT unnest(m.center_ids) AS id FROM m WHERE {where}) u
    GROUP BY u.id
) c
JOIN centers_center a ON a.id = c.id
LEFT JOIN centers_center par ON par.id = a.parent_id
WHERE a.active
"""

_PG_COLUMN_SQL = """
SELECT '{facet}', CAST({column} AS TEXT), '', '', 0, 0, COUNT(*) FROM m WHERE {where}
GROUP BY {column}
"""


def _pg_flags(filterset):
    """[(SQL, params)] of one boolean per facet: does the row pass that facet's filter?"""
    flags = []
    tables = {"region": "taxonomy_region", "theme": "taxonomy_theme"}
    tables["center"] = "centers_center"
    for facet in ("region", "theme", "center"):
        if filterset.selected_raw(facet):
            # The arrays hold ancestors (and parent centers), so the nodes named are enough; not
            # the FilterSet's resolved ids, which add every descendant: the GIN index would then
            # merge twenty posting lists for "Asia" instead of one (list page +35 ms measured).
            named = f"(SELECT array_agg(id) FROM {tables[facet]} WHERE slug = ANY(%s::text[]))"
            flags.append((f"(f.{facet}_ids && {named})", [list(filterset.selected(facet))]))
        else:
            flags.append(("TRUE", []))
    for facet in ("type", "language"):
        values = filterset.selected_raw(facet)
        if values:
            flags.append((f"(f.{facet} = ANY(%s::text[]))", [[str(value) for value in values]]))
        else:
            flags.append(("TRUE", []))
    year_parts, year_params = [], []
    year_from, year_to = filterset.selected_raw("year_from"), filterset.selected_raw("year_to")
    if year_from not in (None, ""):
        year_parts.append("f.published_on >= %s")
        year_params.append(datetime.date(int(year_from), 1, 1))
    if year_to not in (None, ""):
        year_parts.append("f.published_on <= %s")
        year_params.append(datetime.date(int(year_to), 12, 31))
    flags.append(("(" + " AND ".join(year_parts) + ")" if year_parts else "TRUE", year_params))
    return flags


def _pg_facet_rows(filterset):
    """The facets over the public catalogue (the list's queryset is `published()`), filtered."""
    facet_params = {param for params in filterset.FACET_PARAMS.values() for param in params}
    others_active = filterset.is_bound and any(
        filterset.selected_raw(name)
        for name in filterset.filters
        if name not in facet_params and name != "sort"
    )
    restrict, restrict_params, ids = "", [], ""
    if others_active:
        queryset = filterset.filter_queryset(filterset.queryset.all(), exclude=facet_params)
        base_sql, restrict_params = queryset.order_by().values("pk").query.sql_with_params()
        # An id array: one ordered scan of the facet rows' primary key, not a lookup per id.
        restrict = "AND f.publication_id = ANY(ARRAY(SELECT id FROM ids))"
        # Computed once (the search's matches, say), not once per facet.
        ids = f"ids(id) AS MATERIALIZED ({base_sql}),\n"
    flags = _pg_flags(filterset)
    columns = ",\n        ".join(
        f"{sql} AS f_{facet}" for (sql, _params), facet in zip(flags, FACETS, strict=True)
    )
    now = timezone.now()
    # A restricted set (a search's matches) is small: scan it once and keep it; the whole
    # catalogue is scanned per facet instead, each through the GIN index of another selection.
    materialized = "MATERIALIZED" if ids else "NOT MATERIALIZED"
    cte = _PG_BASE_SQL.format(ids=ids, materialized=materialized, flags=columns, restrict=restrict)
    # Parameter order follows the SQL text: restriction, flags, publicness.
    params = [*restrict_params]
    params += [param for _sql, flag_params in flags for param in flag_params]
    params += [Publication.Status.PUBLISHED, timezone.localdate(now), now]

    def others(facet):
        return " AND ".join(f"m.f_{other}" for other in FACETS if other != facet)

    parts = [
        _PG_TREE_SQL.format(facet="region", table="taxonomy_region", where=others("region")),
        _PG_TREE_SQL.format(facet="theme", table="taxonomy_theme", where=others("theme")),
        _PG_CENTER_SQL.format(where=others("center")),
        _PG_COLUMN_SQL.format(facet="type", column="type", where=others("type")),
        _PG_COLUMN_SQL.format(facet="language", column="language", where=others("language")),
        _PG_COLUMN_SQL.format(facet="year", column="y", where=others("year")),
    ]
    sql = cte + "\nUNION ALL\n".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def facet_rows(filterset):
    """[(facet, key, label, path, depth, order, count)] for all facets, in one query."""
    if connection.vendor == "postgresql":
        return _pg_facet_rows(filterset)
    return _generic_facet_rows(filterset)


def _generic_facet_rows(filterset):
    """SQLite (and the reference the PostgreSQL path is tested against): one base per facet
    with a selection, roll-ups through the closure of the trees."""
    ctes, params, base_of = [], [], {}
    full_sql, full_params = _base_sql(filterset.unordered_qs())
    # Materialized on PostgreSQL: each base is computed once, and the roll-ups then start from
    # the (small) base rather than from every tag of the catalogue.
    materialized = "MATERIALIZED " if connection.vendor == "postgresql" else ""
    # "OFFSET 0" keeps PostgreSQL from flattening the base's tags into the ancestor join.
    fence = "OFFSET 0" if connection.vendor == "postgresql" else ""
    ctes.append(f"r(id, type, language, y) AS {materialized}({full_sql})")
    params.extend(full_params)
    for facet in FACETS:
        base_of[facet] = "r"
        if any(filterset.selected_raw(param) for param in filterset.FACET_PARAMS[facet]):
            sql, facet_params = _base_sql(filterset.queryset_for_facet(facet))
            name = f"b_{facet}"
            ctes.append(f"{name}(id, type, language, y) AS {materialized}({sql})")
            params.extend(facet_params)
            base_of[facet] = name
    parts = [
        _TREE_SQL.format(
            facet="region",
            through="publications_publicationregion",
            table="taxonomy_region",
            fk="region_id",
            base=base_of["region"],
            fence=fence,
        ),
        _TREE_SQL.format(
            facet="theme",
            through="publications_publicationtheme",
            table="taxonomy_theme",
            fk="theme_id",
            base=base_of["theme"],
            fence=fence,
        ),
        _CENTER_SQL.format(base=base_of["center"], fence=fence),
        _COLUMN_SQL.format(facet="type", column="type", base=base_of["type"]),
        _COLUMN_SQL.format(facet="language", column="language", base=base_of["language"]),
        _COLUMN_SQL.format(facet="year", column="y", base=base_of["year"]),
    ]
    sql = "WITH " + ",\n".join(ctes) + "\n" + "\nUNION ALL\n".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _key(value):
    # PostgreSQL gives "2013" for EXTRACT(YEAR ...) cast to text, some versions "2013.0".
    return value[:-2] if value and value.endswith(".0") else value


def toggle_url(query, name, value):
    """The query string with `value` added to or removed from parameter `name`; no page."""
    query = query.copy() if isinstance(query, QueryDict) else QueryDict(mutable=True)
    if not query._mutable:
        query._mutable = True
    query.pop("page", None)
    if name == "year":
        if query.get("year_from") == value and query.get("year_to") == value:
            query.pop("year_from", None)
            query.pop("year_to", None)
        else:
            query["year_from"] = value
            query["year_to"] = value
        return "?" + query.urlencode()
    values = []
    for item in query.getlist(name):
        values.extend(part.strip() for part in item.split(",") if part.strip())
    if value in values:
        values = [v for v in values if v != value]
    else:
        values.append(value)
    query.setlist(name, values)
    return "?" + query.urlencode()


def _tree_order(rows):
    """Rows of one tree (key, label, path, depth, order, count) depth-first, siblings by
    (order, name)."""
    by_parent = {}
    for row in rows:
        path = row[2]
        parent = path.rstrip("/").rsplit("/", 1)[0] + "/"
        by_parent.setdefault(parent, []).append(row)
    present = {row[2] for row in rows}
    ordered = []

    def walk(parent):
        for row in sorted(by_parent.get(parent, []), key=lambda r: (r[4], r[1])):
            ordered.append(row)
            walk(row[2])

    for parent in sorted(by_parent):
        if parent not in present:
            walk(parent)
    return ordered


def build_facets(filterset, query):
    """The facets of the list page: groups of entries with counts and toggle links."""
    rows = facet_rows(filterset)
    by_facet = {facet: [] for facet in FACETS}
    for facet, key, label, path, depth, order, count in rows:
        by_facet[facet].append((_key(key), label, path, depth or 0, order or 0, int(count)))

    choices = {
        "type": dict(Publication.Type.choices),
        "language": dict(Publication.Language.choices),
    }
    year_selected = ""
    year_from, year_to = filterset.selected_raw("year_from"), filterset.selected_raw("year_to")
    if year_from and year_from == year_to:
        year_selected = str(year_from)

    groups = []
    for facet in FACETS:
        facet_rows_ = by_facet[facet]
        if facet in ("region", "theme", "center"):
            facet_rows_ = _tree_order(facet_rows_)
        elif facet in choices:
            order = list(choices[facet])
            facet_rows_ = sorted(
                [
                    (k, str(choices[facet].get(k, k)), p, d, o, c)
                    for k, _l, p, d, o, c in facet_rows_
                ],
                key=lambda r: order.index(r[0]) if r[0] in order else len(order),
            )
        else:
            facet_rows_ = sorted(
                [(k, k, p, d, o, c) for k, _l, p, d, o, c in facet_rows_ if k],
                key=lambda r: r[0],
                reverse=True,
            )
        selected = ({year_selected} if facet == "year" else set(filterset.selected(facet))) - {""}
        entries = []
        seen = set()
        for key, label, _path, depth, _order, count in facet_rows_:
            seen.add(key)
            entries.append(
                FacetEntry(
                    value=key,
                    label=label,
                    count=count,
                    selected=key in selected,
                    url=toggle_url(query, facet, key),
                    depth=depth,
                )
            )
        for key in sorted(selected - seen):
            entries.append(
                FacetEntry(
                    value=key,
                    label=str(choices.get(facet, {}).get(key, key)),
                    count=0,
                    selected=True,
                    url=toggle_url(query, facet, key),
                )
            )
        groups.append(FacetGroup(name=facet, label=LABELS[facet], entries=entries))

    # The type facet ignores only the type selection and every publication has one type, so
    # the size of the current result is the sum of its counts (selected types only, if any).
    type_counts = {row[0]: row[5] for row in by_facet["type"]}
    chosen_types = filterset.selected("type")
    total = sum(
        count for key, count in type_counts.items() if not chosen_types or key in chosen_types
    )
    return Facets(groups=groups, total=total)
