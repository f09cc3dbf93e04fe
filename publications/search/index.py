"""The search vectors of PostgreSQL: computing them (`search_index_rebuild`) and refreshing the
ones a write emptied (`search_index_refresh`).

Each publication carries two tsvectors (see the model): `search_vector` (title A; subtitle,
summary, authors, the body's headings and the key takeaways B; body and PDF text C) matches,
`search_rank_vector` (A and B only) ranks. The text search configuration follows the
publication's language (`english_unaccent`, `french_unaccent`, `simple_unaccent` for the
others; migration 0008), all accent-insensitive.
A structured body is indexed as its text, not its markup: `publications.body.plain_text()` and
`headings_text()` (the one definition, shared with SQLite's index) computed in Python and
handed to the UPDATE.
The text goes through `publications_search_text` first (migration 0015: the punctuation rules of
`query.py`, so that `U.S.` or `COVID-19` in a text is indexed as the query reads it).

Keeping the vectors fresh: a database trigger empties the vectors of a publication whose text,
language or authors change (migration 0014); until `search_index_refresh()` computes them again
such a row is still found, by a plain match through a partial index, only unranked. Write paths
call `search_index_refresh()` once after their writes (it visits only the empty rows); bulk
imports pass `workers` to spread the work over every core.
"""

from concurrent.futures import ThreadPoolExecutor

from django.db import connection

from thinktank.cache import catalogue_changed

from ..body import headings_text, plain_text
from ..models import Publication
from .expressions import MAX_INDEXED_BODY

CONFIGS = {"en": "english_unaccent", "fr": "french_unaccent"}
DEFAULT_CONFIG = "simple_unaccent"


def is_postgres():
    return connection.vendor == "postgresql"


_REFRESH_SQL = """
UPDATE publications_publication AS p
SET search_rank_vector = s.head, search_vector = s.head || s.rest
FROM (
    SELECT d.id,
        setweight(to_tsvector(d.cfg, publications_search_text(d.title)), 'A')
        || setweight(to_tsvector(d.cfg, publications_search_text(
            d.subtitle || ' ' || d.summary || ' ' || d.names || ' ' || d.headings || ' '
            || d.takeaways)), 'B') AS head,
        setweight(to_tsvector(d.cfg, publications_search_text(
            left(d.body || ' ' || d.pdf_text, {max_body}))), 'C') AS rest
    FROM (
        SELECT pub.id, pub.title, pub.subtitle, pub.summary, pub.pdf_text,
            -- A structured body: its text without markup, computed in Python (below).
            CASE WHEN b.id IS NULL THEN pub.body ELSE b.body_text END AS body,
            COALESCE(b.headings, '') AS headings,
            COALESCE((
                SELECT string_agg(t.value, ' ') FROM jsonb_array_elements_text(
                    CASE jsonb_typeof(pub.key_takeaways) WHEN 'array' THEN pub.key_takeaways
                    ELSE '[]'::jsonb END) AS t
            ), '') AS takeaways,
            (CASE pub.language {cases} ELSE '{default}' END)::regconfig AS cfg,
            COALESCE((
                SELECT string_agg(a.name, ' ' ORDER BY pa.position, pa.id)
                FROM publications_publicationauthor pa
                JOIN publications_author a ON a.id = pa.author_id
                WHERE pa.publication_id = pub.id
            ), '') AS names
        FROM publications_publication pub
        LEFT JOIN unnest(%s::bigint[], %s::text[], %s::text[]) AS b(id, body_text, headings)
            ON b.id = pub.id
        {where}
    ) AS d
) AS s
WHERE p.id = s.id
"""


def config_cases():
    """The CASE branches giving a publication's text search configuration from its language."""
    return " ".join(f"WHEN '{code}' THEN '{cfg}'" for code, cfg in CONFIGS.items())


def config_for(language):
    return CONFIGS.get(language, DEFAULT_CONFIG)


def _refresh_sql(where):
    return _REFRESH_SQL.format(
        max_body=MAX_INDEXED_BODY, cases=config_cases(), default=DEFAULT_CONFIG, where=where
    )


def _structured_texts(ids):
    """[ids, texts, headings]: the text and headings of each structured (HTML) body among
    these publications (every one when None), without markup (`publications.body`); plain
    text bodies are read by the SQL itself."""
    rows = Publication.objects.filter(body_format=Publication.BodyFormat.HTML)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    columns = [[], [], []]
    for pk, body in rows.values_list("pk", "body").iterator(chunk_size=500):
        columns[0].append(pk)
        columns[1].append(plain_text(body, "html"))
        columns[2].append(headings_text(body, "html"))
    return columns


def search_index_rebuild(*, publication_ids=None):
    """Recompute the vectors of these publications (every one when None) in one UPDATE.

    Returns the number of rows updated. SQLite: its FTS5 index follows writes by itself
    (fts5.py); asked for every publication, it is refilled (`fts_rebuild`), else nothing."""
    if not is_postgres():
        if publication_ids is None and connection.vendor == "sqlite":
            from .fts5 import fts_rebuild

            return fts_rebuild()
        return 0
    with connection.cursor() as cursor:
        if publication_ids is None:
            cursor.execute(_refresh_sql(""), _structured_texts(None))
        else:
            ids = [int(pk) for pk in publication_ids]
            if not ids:
                return 0
            cursor.execute(_refresh_sql("WHERE pub.id = ANY(%s)"), [*_structured_texts(ids), ids])
        updated = cursor.rowcount
    # Ranking and highlights of searches change with the vectors.
    if updated and publication_ids is None:
        catalogue_changed()
    elif updated:
        catalogue_changed(publications=[Publication(pk=pk) for pk in ids])
    return updated


def search_index_refresh(*, workers=1, batch_size=2000):
    """Compute the vectors that are empty (new publications, changed ones); returns how many.

    Building 100,000 vectors is CPU-bound in PostgreSQL (~3 ms per 1,500-word body) and one
    UPDATE uses one core: with `workers` > 1, batches run on that many connections, each
    committing on its own, so a long refresh holds no lock for its whole duration. Worker
    connections only see committed rows: inside a transaction the work stays on this one.
    """
    if not is_postgres():
        return 0
    stale = list(
        Publication.objects.filter(search_vector__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    batches = [stale[start : start + batch_size] for start in range(0, len(stale), batch_size)]
    if workers <= 1 or len(batches) <= 1 or connection.in_atomic_block:
        return sum(search_index_rebuild(publication_ids=batch) for batch in batches)

    def refresh(batch):
        try:
            return search_index_rebuild(publication_ids=batch)
        finally:
            connection.close()  # this thread's own connection

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(refresh, batches))
