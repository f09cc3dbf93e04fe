"""Search that reads what people type (PostgreSQL; nothing on SQLite):

- `publications_unaccent(text)`: `unaccent` as an IMMUTABLE function (the extension's own is
  only STABLE, so it cannot be indexed), bound to the extension's schema and dictionary;
- the trigram indexes of titles and author names rebuilt over unaccented text, so that the
  typo-tolerant matches and "did you mean" ignore accents as the full-text part does
  (`defense europeenne` finds "défense européenne");
- `publications_search_text(text)`: the punctuation rules of `publications/search/query.py`
  (letters joined by dots are one word: `U.S.` = `US`; a hyphen or slash between letters or
  digits separates words: `COVID-19` = `COVID 19`), applied to the text before it is indexed;
- the search vectors recomputed with it (one UPDATE; ~3 ms a publication, so ~5 min for
  100,000 on one core: run `manage.py search_index_refresh` again if it is interrupted).

Backwards: the old trigram indexes come back, the functions go, and the vectors are computed
again without the punctuation rules.
"""

from django.db import migrations

from thinktank.db_operations import PostgresRunSQL

UNACCENT_SQL = r"""
DO $$
DECLARE schema_name text;
BEGIN
    SELECT n.nspname INTO schema_name FROM pg_extension e
    JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent';
    EXECUTE format(
        'CREATE FUNCTION publications_unaccent(text) RETURNS text '
        'LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS %L',
        format('SELECT %I.unaccent(%L::regdictionary, $1)', schema_name, schema_name || '.unaccent')
    );
END $$;

DROP INDEX IF EXISTS publication_title_trgm_idx;
DROP INDEX IF EXISTS author_name_trgm_idx;
CREATE INDEX publication_title_unaccent_trgm_idx
    ON publications_publication USING gin (publications_unaccent(title) gin_trgm_ops);
CREATE INDEX author_name_unaccent_trgm_idx
    ON publications_author USING gin (publications_unaccent(name) gin_trgm_ops);
"""

DROP_UNACCENT_SQL = r"""
DROP INDEX IF EXISTS publication_title_unaccent_trgm_idx;
DROP INDEX IF EXISTS author_name_unaccent_trgm_idx;
CREATE INDEX IF NOT EXISTS publication_title_trgm_idx
    ON publications_publication USING gin (title gin_trgm_ops);
CREATE INDEX IF NOT EXISTS author_name_trgm_idx
    ON publications_author USING gin (name gin_trgm_ops);
DROP FUNCTION IF EXISTS publications_unaccent(text);
"""

SEARCH_TEXT_SQL = r"""
CREATE FUNCTION publications_search_text(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT regexp_replace(
        regexp_replace($1, '\m([[:alpha:]])\.(?=[[:alpha:]](\.|\M))', '\1', 'g'),
        '([[:alnum:]])[-/‐‑](?=[[:alnum:]])', '\1 ', 'g')
$$;
"""

# The vectors as search/index.py computes them at this migration; `{text}` wraps each text.
REBUILD_SQL = """
UPDATE publications_publication AS p
SET search_rank_vector = s.head, search_vector = s.head || s.rest
FROM (
    SELECT d.id,
        setweight(to_tsvector(d.cfg, {text}(d.title)), 'A')
        || setweight(to_tsvector(d.cfg, {text}(
            d.subtitle || ' ' || d.summary || ' ' || d.names)), 'B') AS head,
        setweight(to_tsvector(d.cfg, {text}(left(d.body || ' ' || d.pdf_text, 300000))), 'C')
            AS rest
    FROM (
        SELECT pub.id, pub.title, pub.subtitle, pub.summary, pub.body, pub.pdf_text,
            (CASE pub.language WHEN 'en' THEN 'english_unaccent' WHEN 'fr' THEN 'french_unaccent'
                ELSE 'simple_unaccent' END)::regconfig AS cfg,
            COALESCE((
                SELECT string_agg(a.name, ' ' ORDER BY pa.position, pa.id)
                FROM publications_publicationauthor pa
                JOIN publications_author a ON a.id = pa.author_id
                WHERE pa.publication_id = pub.id
            ), '') AS names
        FROM publications_publication pub
    ) AS d
) AS s
WHERE p.id = s.id;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0016_media_kind"),
    ]

    operations = [
        PostgresRunSQL(UNACCENT_SQL, DROP_UNACCENT_SQL),
        PostgresRunSQL(
            SEARCH_TEXT_SQL + REBUILD_SQL.format(text="publications_search_text"),
            REBUILD_SQL.format(text="") + "DROP FUNCTION IF EXISTS publications_search_text(text);",
        ),
    ]
