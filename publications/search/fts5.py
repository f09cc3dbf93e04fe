"""Full-text search on SQLite (the embedded default) with FTS5, as close to PostgreSQL's as
SQLite allows: body and PDF text included, accents ignored, words stemmed, ranked, snippets.

The index is the FTS5 table `publications_search_fts` (rowid = the publication's id; columns
title, subtitle, summary, authors, body, the body being the body then the PDF's text, at most
`MAX_INDEXED_BODY` characters). Its tokenizer is `porter unicode61 remove_diacritics 2`:
words are split on anything that is not a letter or digit (so `COVID-19` is `covid 19`, as
`query.search_text` reads it), case and accents ignored (`Lefevre` finds "Lefèvre"), English
suffixes stemmed (`deterrent` finds "deterrence"; PostgreSQL stems French texts in French,
here French words go through the English stemmer on both sides, which is harmless).

Kept in sync by SQLite triggers, whatever writes (services, admin, importer, revision restore,
PDF processing, a shell): on the publication's text columns, on author links and on author
names. Every publication is indexed, drafts included: what a reader may see is decided by the
queryset (`Publication.objects.published()`), as on PostgreSQL.

Django rebuilds a SQLite table to alter it (a later migration adding a column to publications
does), which drops that table's triggers: `fts_repair()` runs after every `migrate`
(post_migrate, see apps.py) and puts missing triggers back and refills the index, so the index
never silently stops following writes.

Query syntax: the one `ParsedQuery` (query.py), written as an FTS5 expression
(`fts_expression`): clauses AND-ed, `or` alternatives OR-ed, phrases as FTS5 phrases; excluded
terms are removed with a second match (`NOT IN`), which also serves a query of exclusions only.
Ranking: bm25 with column weights (`WEIGHTS`: a title match outranks a body match) times the same
recency factor as on PostgreSQL. No typo tolerance or "did you mean" here (PostgreSQL's
trigram similarity has no SQLite twin).
"""

import itertools

from django.db import connection as default_connection
from django.db.models import BooleanField, Expression, FloatField

from .expressions import MAX_INDEXED_BODY
from .query import word_forms

TABLE = "publications_search_fts"
TOKENIZER = "porter unicode61 remove_diacritics 2"
COLUMNS = ("title", "subtitle", "summary", "authors", "body")
# bm25 weight of each column, in COLUMNS order.
WEIGHTS = (10.0, 4.0, 4.0, 4.0, 1.0)
# A phrase of several words, each with several forms, is searched as each combination.
MAX_PHRASE_FORMS = 8

_AUTHORS_SQL = """COALESCE((
    SELECT group_concat(name, ' ') FROM (
        SELECT a.name AS name FROM publications_publicationauthor pa
        JOIN publications_author a ON a.id = pa.author_id
        WHERE pa.publication_id = {pk} ORDER BY pa.position, pa.id
    )
), '')"""


def _authors(pk):
    return _AUTHORS_SQL.format(pk=pk)


# The body's text without its markup (an HTML body's tags would otherwise be indexed as words:
# "strong" would find every structured body): a function of publications.body registered on
# every SQLite connection Django opens (publications/apps.py).
BODY_TEXT_FUNCTION = "publications_body_text"


def body_text_function(body, body_format):
    """`plain_text()` of a stored body, for SQLite (str; "" for NULL)."""
    from publications.body.reading import plain_text

    return plain_text(body or "", body_format)


def register_functions(connection):
    """Make BODY_TEXT_FUNCTION known to a new SQLite connection (connection_created)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            BODY_TEXT_FUNCTION, 2, body_text_function, deterministic=True
        )


def _body(row):
    text = f"{BODY_TEXT_FUNCTION}({row}.body, {row}.body_format)"
    return f"substr({text} || ' ' || {row}.pdf_text, 1, {MAX_INDEXED_BODY})"


def _insert_row(row):
    return (
        f"INSERT INTO {TABLE} (rowid, title, subtitle, summary, authors, body) "
        f"VALUES ({row}.id, {row}.title, {row}.subtitle, {row}.summary, "
        f"{_authors(row + '.id')}, {_body(row)});"
    )


def _set_authors(pk):
    return f"UPDATE {TABLE} SET authors = {_authors(pk)} WHERE rowid = {pk};"


CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    f"{', '.join(COLUMNS)}, tokenize = '{TOKENIZER}')"
)

TRIGGERS = {
    "publications_fts_insert": f"""
        AFTER INSERT ON publications_publication BEGIN
            {_insert_row("NEW")}
        END""",
    "publications_fts_update": f"""
        AFTER UPDATE OF title, subtitle, summary, body, body_format, pdf_text
            ON publications_publication
        BEGIN
            DELETE FROM {TABLE} WHERE rowid = OLD.id;
            {_insert_row("NEW")}
        END""",
    "publications_fts_delete": f"""
        AFTER DELETE ON publications_publication BEGIN
            DELETE FROM {TABLE} WHERE rowid = OLD.id;
        END""",
    "publications_fts_author_link_insert": f"""
        AFTER INSERT ON publications_publicationauthor BEGIN
            {_set_authors("NEW.publication_id")}
        END""",
    "publications_fts_author_link_delete": f"""
        AFTER DELETE ON publications_publicationauthor BEGIN
            {_set_authors("OLD.publication_id")}
        END""",
    "publications_fts_author_link_update": f"""
        AFTER UPDATE OF author_id, publication_id, position ON publications_publicationauthor
        BEGIN
            {_set_authors("OLD.publication_id")}
            {_set_authors("NEW.publication_id")}
        END""",
    "publications_fts_author_rename": f"""
        AFTER UPDATE OF name ON publications_author BEGIN
            UPDATE {TABLE} SET authors = {_authors(f"{TABLE}.rowid")}
            WHERE rowid IN (
                SELECT publication_id FROM publications_publicationauthor
                WHERE author_id = NEW.id
            );
        END""",
}


def is_sqlite(connection=None):
    return (connection or default_connection).vendor == "sqlite"


def _existing(cursor, kind):
    cursor.execute("SELECT name FROM sqlite_master WHERE type = %s", [kind])
    return {name for (name,) in cursor.fetchall()}


def fts_rebuild(connection=None):
    """Refill the whole index from the publications (SQLite); returns the number of rows."""
    connection = connection or default_connection
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
        cursor.execute(
            f"INSERT INTO {TABLE} (rowid, title, subtitle, summary, authors, body) "
            f"SELECT p.id, p.title, p.subtitle, p.summary, {_authors('p.id')}, {_body('p')} "
            "FROM publications_publication p"
        )
        return cursor.rowcount


def fts_install(connection=None):
    """Create the index and its triggers (what they miss) and fill it. SQLite only."""
    connection = connection or default_connection
    if not is_sqlite(connection):
        return
    with connection.cursor() as cursor:
        cursor.execute(CREATE_TABLE)
        triggers = _existing(cursor, "trigger")
        for name, body in TRIGGERS.items():
            if name not in triggers:
                cursor.execute(f"CREATE TRIGGER {name} {body}")
    fts_rebuild(connection)


def fts_uninstall(connection=None):
    connection = connection or default_connection
    if not is_sqlite(connection):
        return
    with connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def fts_repair(connection=None):
    """Put back triggers a table rebuild dropped, and refill the index if any was missing
    (writes made meanwhile were not followed). Nothing to do when the index is not installed
    (its migration not applied) or complete. Returns True when it repaired something."""
    connection = connection or default_connection
    if not is_sqlite(connection):
        return False
    with connection.cursor() as cursor:
        if TABLE not in _existing(cursor, "table"):
            return False
        if set(TRIGGERS) <= _existing(cursor, "trigger"):
            return False
    fts_install(connection)
    return True


# --- Queries -----------------------------------------------------------------------------------
def _string(text):
    """An FTS5 string: whatever it holds is text for the tokenizer, never syntax."""
    return '"' + text.replace('"', '""') + '"'


# Short words of letters may be acronyms written with dots in the text.
MAX_ACRONYM = 5


def _word_forms(word):
    # The text's "U.S." is indexed as the words "u s" (PostgreSQL joins it into "us" on both
    # sides): the word as typed (`U.S.` is the phrase "u s" for the tokenizer) and, for a short
    # word of letters (`US`, `EU`, `NATO`), its letters as a phrase find it.
    forms = [*word_forms(word), word]
    if word.isalpha() and 2 <= len(word) <= MAX_ACRONYM:
        forms.append(" ".join(word))
    return list(dict.fromkeys(f for f in forms if any(ch.isalnum() for ch in f)))


def _term(term):
    """One term as an FTS5 expression: each way of writing its words, as a phrase, OR-ed."""
    choices = itertools.islice(
        itertools.product(*(_word_forms(w) for w in term.words)), MAX_PHRASE_FORMS
    )
    phrases = list(dict.fromkeys(_string(" ".join(choice)) for choice in choices))
    return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


def _any(terms):
    parts = [_term(t) for t in terms]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def fts_expression(parsed):
    """The FTS5 MATCH expression of the required part of `parsed` ("" when none):
    `nuclear "south korea" or japan` -> `"nuclear" AND ("south korea" OR "japan")`."""
    return " AND ".join(_any(clause) for clause in parsed.required)


def fts_excluded_expression(parsed):
    """The FTS5 expression of whatever an excluded term matches ("" when none)."""
    return _any(parsed.excluded) if parsed.excluded else ""


class FtsMatch(Expression):
    """`pk IN (SELECT rowid FROM the index WHERE it MATCHes expression)`, negated with
    `negated=True`: a condition for `filter()`."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, pk, expression, *, negated=False):
        super().__init__()
        self.pk, self.expression, self.negated = pk, expression, negated

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        operator = "NOT IN" if self.negated else "IN"
        sql = f"{pk_sql} {operator} (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s)"
        return sql, (*pk_params, self.expression)


class FtsRank(Expression):
    """The bm25 score of the publication at `pk` for `expression`, positive, higher better
    (FTS5's bm25 is negative); column weights `WEIGHTS`."""

    output_field = FloatField()

    def __init__(self, pk, expression):
        super().__init__()
        self.pk, self.expression = pk, expression

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        weights = ", ".join(str(w) for w in WEIGHTS)
        sql = (
            f"COALESCE((SELECT -bm25({TABLE}, {weights}) FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s AND {TABLE}.rowid = {pk_sql}), 0.0)"
        )
        return sql, (self.expression, *pk_params)


def fts_snippets(publication_ids, expression, *, start, stop, ellipsis, tokens):
    """{id: (summary snippet, body snippet)} for these publications: whole words around the
    best matches, `start`/`stop` around each matched word, `ellipsis` where the text is cut.
    One query."""
    ids = [int(pk) for pk in publication_ids]
    if not ids or not expression:
        return {}
    summary, body = COLUMNS.index("summary"), COLUMNS.index("body")
    placeholders = ", ".join(["%s"] * len(ids))
    sql = (
        f"SELECT rowid, snippet({TABLE}, {summary}, %s, %s, %s, {tokens}), "
        f"snippet({TABLE}, {body}, %s, %s, %s, {tokens}) "
        f"FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid IN ({placeholders})"
    )
    marks = [start, stop, ellipsis]
    with default_connection.cursor() as cursor:
        cursor.execute(sql, [*marks, *marks, expression, *ids])
        return {pk: (s or "", b or "") for pk, s, b in cursor.fetchall()}
