"""Derived state kept by the database itself (PostgreSQL; SQLite uses neither).

Whatever writes (the admin, the importer, a bulk action, a shell, a future API), two kinds of
derived data follow by themselves, so no Python write path has to remember them:

- **Facet rows** (`PublicationFacetRow`): each publication's region and theme ids with their
  ancestors, its center ids with their parent center, and copies of its status, dates, type and
  language. `publications_facet_rows_refresh(ids)` recomputes the rows of these publications
  in one `INSERT … SELECT … ON CONFLICT`; statement-level triggers call it with
  the ids a statement touched: tags added or removed, regions and themes whose path changed
  (moves and renames), centers whose parent changed. Row triggers on publications give a new
  one its row and copy the columns that changed; a deleted publication's row goes with it.
- **Search vectors**: a publication whose text, language or authors change gets empty vectors
  (a row trigger on the text columns, statement triggers on author links and author names), so
  it is found by a plain match until `publications.search.search_index_refresh()` computes
  them again (that function only visits empty rows). Computing a vector costs ~3 ms; emptying
  one costs nothing, so bulk imports stay fast and can refresh on every core afterwards.

Statement-level triggers with transition tables on the link tables and trees: a bulk insert of
500 links refreshes 500 publications in one statement, not 500 times one. On the wide
publication rows themselves, row triggers (see below). A bulk writer (the importer) sets
`publications.bulk_write` for its transaction: the new rows and the link tables' triggers then
stand aside and it refreshes each row it touched once, at its end
(`publications.facets.facet_rows_refresh`), so that 100,000 imported rows are written once each
rather than four times (a table of dead rows makes every facet scan slower).
"""

from django.db import migrations

from thinktank.db_operations import PostgresRunSQL

FACET_ROWS_SQL = """
CREATE FUNCTION publications_facet_rows_refresh(ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    -- The closure of each tree, (node, ancestor or itself), from the materialized paths.
    WITH rc AS MATERIALIZED (
        SELECT d.id AS node, a.id AS anc FROM taxonomy_region d
        JOIN taxonomy_region a ON left(d.path, length(a.path)) = a.path
    ), tc AS MATERIALIZED (
        SELECT d.id AS node, a.id AS anc FROM taxonomy_theme d
        JOIN taxonomy_theme a ON left(d.path, length(a.path)) = a.path
    ), cc AS MATERIALIZED (
        SELECT id AS node, id AS anc FROM centers_center
        UNION ALL
        SELECT id, parent_id FROM centers_center WHERE parent_id IS NOT NULL
    )
    INSERT INTO publications_publicationfacetrow AS f (
        publication_id, status, published_on, publish_at, type, language,
        region_ids, theme_ids, center_ids
    )
    SELECT p.id, p.status, p.published_on, p.publish_at, p.type, p.language,
        COALESCE((
            SELECT array_agg(DISTINCT c.anc ORDER BY c.anc)
            FROM publications_publicationregion t JOIN rc c ON c.node = t.region_id
            WHERE t.publication_id = p.id
        ), '{}'),
        COALESCE((
            SELECT array_agg(DISTINCT c.anc ORDER BY c.anc)
            FROM publications_publicationtheme t JOIN tc c ON c.node = t.theme_id
            WHERE t.publication_id = p.id
        ), '{}'),
        COALESCE((
            SELECT array_agg(DISTINCT c.anc ORDER BY c.anc)
            FROM publications_publicationcenter t JOIN cc c ON c.node = t.center_id
            WHERE t.publication_id = p.id
        ), '{}')
    FROM publications_publication p
    -- Only `= ANY(ids)`: an `ids IS NULL OR` here makes PL/pgSQL's cached generic plan scan the
    -- whole table for every batch of links (the 100,000-item import took 400 s, not 290).
    WHERE p.id = ANY(ids)
    ON CONFLICT (publication_id) DO UPDATE SET
        status = EXCLUDED.status,
        published_on = EXCLUDED.published_on,
        publish_at = EXCLUDED.publish_at,
        type = EXCLUDED.type,
        language = EXCLUDED.language,
        region_ids = EXCLUDED.region_ids,
        theme_ids = EXCLUDED.theme_ids,
        center_ids = EXCLUDED.center_ids
    -- A row already right is not written again (no dead tuple, no bloat of the scanned table).
    WHERE (f.status, f.published_on, f.publish_at, f.type, f.language, f.region_ids, f.theme_ids,
            f.center_ids)
        IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.published_on, EXCLUDED.publish_at,
            EXCLUDED.type, EXCLUDED.language, EXCLUDED.region_ids, EXCLUDED.theme_ids,
            EXCLUDED.center_ids);
END $$;

-- Publications, row by row: a statement trigger would copy every whole row (long bodies, the
-- vectors) into its transition tables, which made the 100,000-item import 50 % slower. A new
-- row gets its facet row with no tags (the link tables' triggers add them); an update copies
-- the columns that changed (not for the download counter, nor for a vector refresh); the
-- facet row of a deleted publication goes with it.
CREATE FUNCTION publications_facet_rows_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('publications.bulk_write', true) = 'on' THEN
        RETURN NULL;  -- a bulk writer refreshes the rows once, at its end
    END IF;
    INSERT INTO publications_publicationfacetrow (
        publication_id, status, published_on, publish_at, type, language,
        region_ids, theme_ids, center_ids
    ) VALUES (
        NEW.id, NEW.status, NEW.published_on, NEW.publish_at, NEW.type, NEW.language,
        '{}', '{}', '{}'
    ) ON CONFLICT (publication_id) DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER facet_rows_publication_insert AFTER INSERT ON publications_publication
    FOR EACH ROW EXECUTE FUNCTION publications_facet_rows_on_insert();

CREATE FUNCTION publications_facet_rows_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE publications_publicationfacetrow SET
        status = NEW.status, published_on = NEW.published_on, publish_at = NEW.publish_at,
        type = NEW.type, language = NEW.language
    WHERE publication_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER facet_rows_publication_update
    AFTER UPDATE OF status, published_on, publish_at, type, language
    ON publications_publication FOR EACH ROW
    WHEN ((OLD.status, OLD.published_on, OLD.publish_at, OLD.type, OLD.language)
        IS DISTINCT FROM (NEW.status, NEW.published_on, NEW.publish_at, NEW.type, NEW.language))
    EXECUTE FUNCTION publications_facet_rows_on_update();

CREATE FUNCTION publications_facet_rows_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM publications_publicationfacetrow WHERE publication_id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER facet_rows_publication_delete AFTER DELETE ON publications_publication
    FOR EACH ROW EXECUTE FUNCTION publications_facet_rows_on_delete();

-- Tags: the three link tables share the column `publication_id`, so they share the functions.
CREATE FUNCTION publications_facet_rows_on_links_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('publications.bulk_write', true) = 'on' THEN
        RETURN NULL;  -- a bulk writer refreshes the rows once, at its end
    END IF;
    PERFORM publications_facet_rows_refresh(ARRAY(SELECT DISTINCT publication_id FROM new_rows));
    RETURN NULL;
END $$;
CREATE FUNCTION publications_facet_rows_on_links_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('publications.bulk_write', true) = 'on' THEN
        RETURN NULL;  -- a bulk writer refreshes the rows once, at its end
    END IF;
    PERFORM publications_facet_rows_refresh(ARRAY(SELECT DISTINCT publication_id FROM old_rows));
    RETURN NULL;
END $$;
CREATE FUNCTION publications_facet_rows_on_links_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('publications.bulk_write', true) = 'on' THEN
        RETURN NULL;  -- a bulk writer refreshes the rows once, at its end
    END IF;
    PERFORM publications_facet_rows_refresh(ARRAY(
        SELECT publication_id FROM new_rows UNION SELECT publication_id FROM old_rows
    ));
    RETURN NULL;
END $$;
"""

LINK_TABLES = [
    "publications_publicationregion",
    "publications_publicationtheme",
    "publications_publicationcenter",
]


def _link_triggers(table):
    return f"""
CREATE TRIGGER facet_rows_links_insert AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION publications_facet_rows_on_links_inserted();
CREATE TRIGGER facet_rows_links_delete AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION publications_facet_rows_on_links_deleted();
CREATE TRIGGER facet_rows_links_update AFTER UPDATE ON {table}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION publications_facet_rows_on_links_updated();
"""


# A node moved or renamed: its path and its descendants' paths change (one UPDATE each).
TREE_SQL = """
CREATE FUNCTION publications_facet_rows_on_{node}_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM publications_facet_rows_refresh(ARRAY(
        SELECT DISTINCT t.publication_id FROM publications_publication{node} t
        JOIN new_rows n ON n.id = t.{node}_id JOIN old_rows o ON o.id = n.id
        WHERE n.path IS DISTINCT FROM o.path
    ));
    RETURN NULL;
END $$;
CREATE TRIGGER facet_rows_{node}_moved AFTER UPDATE ON taxonomy_{node}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION publications_facet_rows_on_{node}_moved();
"""

CENTER_SQL = """
CREATE FUNCTION publications_facet_rows_on_center_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM publications_facet_rows_refresh(ARRAY(
        SELECT DISTINCT t.publication_id FROM publications_publicationcenter t
        JOIN new_rows n ON n.id = t.center_id JOIN old_rows o ON o.id = n.id
        WHERE n.parent_id IS DISTINCT FROM o.parent_id
    ));
    RETURN NULL;
END $$;
CREATE TRIGGER facet_rows_center_moved AFTER UPDATE ON centers_center
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION publications_facet_rows_on_center_moved();
"""

SEARCH_SQL = """
CREATE FUNCTION publications_search_vectors_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := NULL;
    NEW.search_rank_vector := NULL;
    RETURN NEW;
END $$;
-- Only UPDATEs that set a text column fire at all (the download counter does not).
CREATE TRIGGER search_vectors_text_changed
    BEFORE UPDATE OF title, subtitle, summary, body, pdf_text, language
    ON publications_publication FOR EACH ROW
    WHEN ((OLD.title, OLD.subtitle, OLD.summary, OLD.body, OLD.pdf_text, OLD.language)
        IS DISTINCT FROM (NEW.title, NEW.subtitle, NEW.summary, NEW.body, NEW.pdf_text,
            NEW.language))
    EXECUTE FUNCTION publications_search_vectors_stale();

-- A new row never brings valid vectors (a recovered revision may carry another text's).
CREATE TRIGGER search_vectors_new_row BEFORE INSERT ON publications_publication FOR EACH ROW
    WHEN (NEW.search_vector IS NOT NULL OR NEW.search_rank_vector IS NOT NULL)
    EXECUTE FUNCTION publications_search_vectors_stale();

CREATE FUNCTION publications_search_vectors_clear(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE publications_publication SET search_vector = NULL, search_rank_vector = NULL
    WHERE id = ANY(ids) AND search_vector IS NOT NULL;
$$;
CREATE FUNCTION publications_search_on_authors_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM publications_search_vectors_clear(ARRAY(SELECT publication_id FROM new_rows));
    RETURN NULL;
END $$;
CREATE FUNCTION publications_search_on_authors_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM publications_search_vectors_clear(ARRAY(SELECT publication_id FROM old_rows));
    RETURN NULL;
END $$;
CREATE FUNCTION publications_search_on_authors_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM publications_search_vectors_clear(ARRAY(
        SELECT publication_id FROM new_rows UNION SELECT publication_id FROM old_rows
    ));
    RETURN NULL;
END $$;
CREATE TRIGGER search_author_links_insert AFTER INSERT ON publications_publicationauthor
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION publications_search_on_authors_inserted();
CREATE TRIGGER search_author_links_delete AFTER DELETE ON publications_publicationauthor
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION publications_search_on_authors_deleted();
CREATE TRIGGER search_author_links_update AFTER UPDATE ON publications_publicationauthor
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION publications_search_on_authors_updated();

-- An author renamed: the name is part of their publications' vectors.
CREATE FUNCTION publications_search_on_author_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM publications_search_vectors_clear(ARRAY(
        SELECT DISTINCT t.publication_id FROM publications_publicationauthor t
        JOIN new_rows n ON n.id = t.author_id JOIN old_rows o ON o.id = n.id
        WHERE n.name IS DISTINCT FROM o.name
    ));
    RETURN NULL;
END $$;
CREATE TRIGGER search_author_renamed AFTER UPDATE ON publications_author
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION publications_search_on_author_renamed();
"""

FORWARDS = "\n".join(
    [
        FACET_ROWS_SQL,
        *[_link_triggers(table) for table in LINK_TABLES],
        TREE_SQL.format(node="region"),
        TREE_SQL.format(node="theme"),
        CENTER_SQL,
        SEARCH_SQL,
        # Rows of the existing catalogue (the triggers keep them from now on).
        "SELECT publications_facet_rows_refresh(ARRAY(SELECT id FROM publications_publication));",
    ]
)

TRIGGERS = [
    *[
        (name, table)
        for table in LINK_TABLES
        for name in (
            "facet_rows_links_insert",
            "facet_rows_links_delete",
            "facet_rows_links_update",
        )
    ],
    ("facet_rows_publication_insert", "publications_publication"),
    ("facet_rows_publication_update", "publications_publication"),
    ("facet_rows_publication_delete", "publications_publication"),
    ("search_vectors_text_changed", "publications_publication"),
    ("search_vectors_new_row", "publications_publication"),
    ("facet_rows_region_moved", "taxonomy_region"),
    ("facet_rows_theme_moved", "taxonomy_theme"),
    ("facet_rows_center_moved", "centers_center"),
    ("search_author_links_insert", "publications_publicationauthor"),
    ("search_author_links_delete", "publications_publicationauthor"),
    ("search_author_links_update", "publications_publicationauthor"),
    ("search_author_renamed", "publications_author"),
]
FUNCTIONS = [
    "publications_facet_rows_on_insert()",
    "publications_facet_rows_on_update()",
    "publications_facet_rows_on_delete()",
    "publications_facet_rows_on_links_inserted()",
    "publications_facet_rows_on_links_deleted()",
    "publications_facet_rows_on_links_updated()",
    "publications_facet_rows_on_region_moved()",
    "publications_facet_rows_on_theme_moved()",
    "publications_facet_rows_on_center_moved()",
    "publications_facet_rows_refresh(bigint[])",
    "publications_search_vectors_stale()",
    "publications_search_on_authors_inserted()",
    "publications_search_on_authors_deleted()",
    "publications_search_on_authors_updated()",
    "publications_search_on_author_renamed()",
    "publications_search_vectors_clear(bigint[])",
]
BACKWARDS = "\n".join(
    [
        *[f"DROP TRIGGER IF EXISTS {name} ON {table};" for name, table in TRIGGERS],
        *[f"DROP FUNCTION IF EXISTS {function};" for function in FUNCTIONS],
    ]
)


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0013_taxonomy_app"),
        ("taxonomy", "0002_table_names"),
        ("centers", "0004_translated_names"),
    ]

    operations = [PostgresRunSQL(FORWARDS, BACKWARDS)]
