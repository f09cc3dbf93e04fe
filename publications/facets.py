"""Facet counts of the current result: region, theme, center, type, language, year.

Disjunctive: each facet counts the result of every filter *except its own*, so ticking "Japan"
still shows how many there are for "Korea". Regions and themes roll up: a publication tagged
Japan counts once for Japan and once for Asia (distinct publications per node); centers roll up
their programs the same way.

Counts are of works, as the list shows them (one entry per work, `one_per_work`): an original
and its translations count once, under each value any of them has; a value's count is the number
of entries the list shows once that value is ticked, and `total` the number of entries shown now.

One SQL statement whatever the number of facets or values, glued with UNION ALL, giving
(facet, key, count) rows: node ids for the trees and centers, values for the others. The
FilterSet, which loaded the options for the form, turns ids back into slugs, so the statement
joins no label. On PostgreSQL it scans the slim `PublicationFacetRow`s (tags with their
ancestors in arrays, kept by triggers); elsewhere (SQLite) the current result and, for each
facet with a selection, the result without that selection, are common table expressions rolled
up through the trees (also the reference the PostgreSQL path is tested against).
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, connections, router
from django.db.models import BooleanField, ExpressionWrapper, F, IntegerField, Q, Value
from django.db.models.functions import Cast, Coalesce, ExtractYear

from centers.models import Center
from taxonomy.models import Region, Theme

from .models import (
    PublicationCenter,
    PublicationFacetRow,
    PublicationRegion,
    PublicationTheme,
)
from .search.expressions import InArray

FACETS = ("region", "theme", "center", "type", "language", "year")
TREES = ("region", "theme", "center")


@dataclass
class FacetCounts:
    """{facet: {value: count}} of the current request, and the size of its result."""

    counts: dict
    total: int

    def __getitem__(self, facet):
        return self.counts[facet]


def facet_counts(filterset):
    """The facet counts of a bound or unbound `PublicationFilterSet` over `published()`."""
    rows = (_pg_rows if connection.vendor == "postgresql" else _generic_rows)(filterset)
    return counts_from_rows(filterset, rows)


def counts_from_rows(filterset, rows):
    """FacetCounts from the (facet, key, count) rows of either path."""
    # Node ids back to slugs (the form shows no inactive center, see presenters.py).
    slugs = {
        facet: {str(option.pk): option.value for option in filterset.options(facet)}
        for facet in TREES
    }
    counts = {facet: {} for facet in FACETS}
    extra = {facet: {} for facet in FACETS}  # PostgreSQL: the versions beyond one per work
    total, total_extra = None, 0
    for facet, key, count in rows:
        if facet in ("total", "total~"):
            total, total_extra = (
                (int(count), total_extra) if facet == "total" else (total, int(count))
            )
            continue
        target = counts
        if facet.endswith("~"):
            facet, target = facet[:-1], extra
        key = _key(str(key))
        if facet in TREES:
            key = slugs[facet].get(key)
        if key:
            target[facet][key] = target[facet].get(key, 0) + int(count)
    if total is None:
        # The type facet ignores only the type selection and every publication has one type,
        # so the number of versions in the result is the sum of its counts (selected types).
        chosen = filterset.selected("type")
        total = sum(n for value, n in counts["type"].items() if not chosen or value in chosen)
    for facet, adjustments in extra.items():
        for key, adjustment in adjustments.items():
            counts[facet][key] = counts[facet].get(key, 0) + adjustment
    return FacetCounts(counts=counts, total=total + total_extra)


def _read_connection():
    """Where this request's reads go (a read replica for anonymous readers, db_router.py): the
    counts are raw SQL, which the router does not see by itself."""
    return connections[router.db_for_read(PublicationFacetRow)]


@contextmanager
def facet_rows_bulk_write(publication_ids):
    """For one bulk write inside a transaction (the importer): the triggers that would refresh
    the facet rows after each statement stand aside, and the rows of `publication_ids` (a list
    the writer fills as it goes) are refreshed once when the block ends. No-op elsewhere than
    on PostgreSQL (migration 0014 says why)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL publications.bulk_write = 'on'")
        yield
        cursor.execute("SET LOCAL publications.bulk_write = 'off'")
        cursor.execute(
            "SELECT publications_facet_rows_refresh(%s::bigint[])",
            [sorted({int(pk) for pk in publication_ids})],
        )


def _key(value):
    # PostgreSQL gives "2013" for a year cast to text, some versions "2013.0".
    return value[:-2] if value.endswith(".0") else value


# --- PostgreSQL: one scan of the slim facet rows, with a match flag per facet ------------------
# Each row carries its publication's tags with their ancestors (arrays) and copies of status,
# dates, type and language, so a facet is a scan of that narrow table without a join, and
# `published()` applies to it as to publications. Filters that are no facet (q, author, series)
# restrict the rows to the publications they keep. Each facet counts the rows whose OTHER flags
# are true.
_PG_TREE_SQL = """
SELECT '{facet}', CAST(u.id AS TEXT), COUNT(*)
FROM (SELECT unnest(m.{facet}_ids) AS id FROM m WHERE {where}) u GROUP BY u.id
"""
_PG_COLUMN_SQL = (
    # Grouped by the column itself: the cast applies to the few groups, not to every row.
    "SELECT '{facet}', CAST({column} AS TEXT), COUNT(*) FROM m WHERE {where} GROUP BY {column}"
)
# Works, not rows: the counts above count each language version; these rows (facet name + "~")
# take back the extra versions of translated works, read from those versions only (`v`, few:
# an id array, so the facet rows are reached through their primary key, never scanned again).
# A `COUNT(DISTINCT work)` over every row instead cost a sort of all of them (facets 2.5x slower
# on a search matching 10,000 of 100,000).
# For a restricted result (a search) they read the materialized `m` in the same statement; for
# the whole catalogue they are a second, small statement: any part added to the main one kept
# PostgreSQL from running its counts as one Parallel Append (facets +100 ms on 100,000).
_PG_VERSIONS_SQL = """(
    SELECT s.*, v.root FROM (
        SELECT id, translation_of_id AS root FROM publications_publication
        WHERE translation_of_id IS NOT NULL
        UNION
        SELECT translation_of_id, translation_of_id FROM publications_publication
        WHERE translation_of_id IS NOT NULL
    ) v JOIN {source} s ON s.publication_id = v.id
) mv"""
_PG_TREE_EXTRA_SQL = """
SELECT '{facet}~', CAST(u.id AS TEXT), COUNT(DISTINCT u.root) - COUNT(*)
FROM (SELECT unnest(mv.{facet}_ids) AS id, mv.root FROM {versions} WHERE {where}) u GROUP BY u.id
"""
_PG_COLUMN_EXTRA_SQL = (
    "SELECT '{facet}~', CAST({column} AS TEXT), COUNT(DISTINCT root) - COUNT(*) FROM {versions} "
    "WHERE {where} GROUP BY {column}"
)
_PG_TOTAL_EXTRA_SQL = (
    "SELECT 'total~', '', COUNT(DISTINCT root) - COUNT(*) FROM {versions} WHERE {where}"
)


def _pg_flags(filterset):
    """{facet: a boolean expression}: does the row pass that facet's filter?"""
    flags = {}
    for facet in TREES:
        # The arrays hold ancestors (and parent centers), so the nodes named are enough; not
        # their descendants too: the GIN index would then merge twenty posting lists for "Asia"
        # instead of one (list page +35 ms measured on 100,000 publications).
        named = [option.pk for option in filterset.selection(facet)]
        flags[facet] = Q(**{f"{facet}_ids__overlap": named}) if named else None
    for facet in ("type", "language"):
        values = filterset.selected(facet)
        flags[facet] = Q(**{f"{facet}__in": values}) if values else None
    year = Q()
    if filterset.value("year_from"):
        year &= Q(published_on__gte=datetime.date(filterset.value("year_from"), 1, 1))
    if filterset.value("year_to"):
        year &= Q(published_on__lte=datetime.date(filterset.value("year_to"), 12, 31))
    flags["year"] = year or None
    return {
        facet: Value(True) if q is None else ExpressionWrapper(q, output_field=BooleanField())
        for facet, q in flags.items()
    }


def _pg_rows(filterset):
    rows = PublicationFacetRow.objects.published()
    facet_params = {param for params in filterset.FACET_PARAMS.values() for param in params}
    others = [name for name in filterset.filters if name not in facet_params | {"sort"}]
    restricted = any(filterset.value(name) for name in others)
    if restricted:
        publications = filterset.filter_queryset(filterset.queryset.all(), exclude=facet_params)
        sql, params = publications.order_by().values("pk").query.sql_with_params()
        # An id array: one ordered scan of the facet rows' primary key, not a lookup per id.
        rows = rows.filter(InArray(F("publication_id"), sql, params))
    rows = rows.annotate(
        # An integer year groups faster than EXTRACT's numeric.
        y=Cast(ExtractYear("published_on"), IntegerField()),
        **{f"f_{f}": e for f, e in _pg_flags(filterset).items()},
    )
    fields = ("type", "language", "y", "region_ids", "theme_ids", "center_ids")
    fields += tuple(f"f_{facet}" for facet in FACETS)
    if restricted:
        base_sql, params = rows.values("publication_id", *fields).query.sql_with_params()
        source, source_params = "m", ()
    else:
        # The versions of translated works read their own few rows (through the primary key);
        # `m` stays as it was, inlined into each whole-catalogue count.
        base_sql, params = rows.values(*fields).query.sql_with_params()
        source_sql, source_params = rows.values("publication_id", *fields).query.sql_with_params()
        source = f"({source_sql})"
    # A restricted set (a search's matches) is small: compute it once and keep it; the whole
    # catalogue is scanned per facet instead, each through the GIN index of another selection.
    materialized = "MATERIALIZED" if restricted else "NOT MATERIALIZED"

    def where(facet):
        return " AND ".join(f"m.f_{other}" for other in FACETS if other != facet)

    parts = [_PG_TREE_SQL.format(facet=facet, where=where(facet)) for facet in TREES]
    parts += [
        _PG_COLUMN_SQL.format(facet=facet, column=column, where=where(facet))
        for facet, column in (("type", "type"), ("language", "language"), ("year", "y"))
    ]
    versions = _PG_VERSIONS_SQL.format(source=source)
    extra = [
        _PG_TREE_EXTRA_SQL.format(
            facet=facet, versions=versions, where=where(facet).replace("m.", "mv.")
        )
        for facet in TREES
    ]
    extra += [
        _PG_COLUMN_EXTRA_SQL.format(
            facet=facet, column=column, versions=versions, where=where(facet).replace("m.", "mv.")
        )
        for facet, column in (("type", "type"), ("language", "language"), ("year", "y"))
    ]
    extra.append(
        _PG_TOTAL_EXTRA_SQL.format(
            versions=versions, where=" AND ".join(f"mv.f_{f}" for f in FACETS)
        )
    )
    with _read_connection().cursor() as cursor:
        if restricted:
            parts += extra
        else:
            cursor.execute("\nUNION ALL\n".join(extra), tuple(source_params) * len(extra))
            extra_rows = cursor.fetchall()
        cursor.execute(
            f"WITH m AS {materialized} ({base_sql})\n" + "\nUNION ALL\n".join(parts), params
        )
        return cursor.fetchall() if restricted else [*cursor.fetchall(), *extra_rows]


# --- Other databases (SQLite): the bases as CTEs, rolled up through the trees ---------------
_TREE_SQL = """
SELECT '{facet}', CAST(y.anc AS TEXT), COUNT(*)
FROM (
    SELECT DISTINCT c.anc, b.root
    FROM {links} t JOIN {base} b ON b.id = t.publication_id
    JOIN ({closure}) c ON c.node = t.{fk}
) y
GROUP BY y.anc
"""
# (node, ancestor or itself): through the materialized paths, or a program's parent center.
_PATH_CLOSURE = (
    "SELECT d.id AS node, a.id AS anc FROM {table} d "
    "JOIN {table} a ON substr(d.path, 1, length(a.path)) = a.path"
)
_CENTER_CLOSURE = (
    "SELECT id AS node, id AS anc FROM {table} "
    "UNION ALL SELECT id, parent_id FROM {table} WHERE parent_id IS NOT NULL"
)
_COLUMN_SQL = (
    "SELECT '{facet}', CAST({column} AS TEXT), COUNT(DISTINCT root) FROM {base} GROUP BY {column}"
)
_TOTAL_SQL = "SELECT 'total', '', COUNT(DISTINCT root) FROM {base}"
_TREE_SOURCES = {
    "region": (PublicationRegion, "region_id", _PATH_CLOSURE, Region),
    "theme": (PublicationTheme, "theme_id", _PATH_CLOSURE, Theme),
    "center": (PublicationCenter, "center_id", _CENTER_CLOSURE, Center),
}


def _base_sql(queryset):
    qs = (
        queryset.order_by()
        .annotate(y=ExtractYear("published_on"), root=Coalesce("translation_of_id", "pk"))
        .values("pk", "type", "language", "y", "root")
    )
    return qs.query.sql_with_params()


def _generic_rows(filterset):
    ctes, params, base_of = [], [], {}
    full_sql, full_params = _base_sql(filterset.unordered_qs())
    ctes.append(f"r(id, type, language, y, root) AS ({full_sql})")
    params.extend(full_params)
    for facet in FACETS:
        base_of[facet] = "r"
        if any(filterset.value(param) for param in filterset.FACET_PARAMS[facet]):
            sql, facet_params = _base_sql(filterset.queryset_for_facet(facet))
            ctes.append(f"b_{facet}(id, type, language, y, root) AS ({sql})")
            params.extend(facet_params)
            base_of[facet] = f"b_{facet}"
    parts = [
        _TREE_SQL.format(
            facet=facet,
            links=links._meta.db_table,
            base=base_of[facet],
            fk=fk,
            closure=closure.format(table=nodes._meta.db_table),
        )
        for facet, (links, fk, closure, nodes) in _TREE_SOURCES.items()
    ]
    parts += [
        _COLUMN_SQL.format(facet=facet, column=column, base=base_of[facet])
        for facet, column in (("type", "type"), ("language", "language"), ("year", "y"))
    ]
    parts.append(_TOTAL_SQL.format(base="r"))
    sql = "WITH " + ",\n".join(ctes) + "\n" + "\nUNION ALL\n".join(parts)
    with _read_connection().cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
