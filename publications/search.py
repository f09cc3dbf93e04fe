"""Full-text search of the catalogue.

PostgreSQL: each publication carries two maintained tsvectors (see the model): `search_vector`
matches through a GIN index, `search_rank_vector` (title, subtitle, summary, authors) ranks. The
text search configuration follows the publication's language (`english_unaccent`,
`french_unaccent`, `simple_unaccent` for the others; created by migration 0004), all of them
accent-insensitive. A query is parsed in each configuration and the results are OR-ed, so
"securite" finds "sécurité" in French and "security" in English alike. Misspelled titles and
authors are caught by trigram word similarity (pg_trgm, its default threshold of 0.6): the 100
closest titles (among the first 1,000 above the threshold) and the works of the 20 closest
authors join the matches; the same similarity gives "did you mean".

Speed (100,000 publications, bench/RESULTS.md): matching is one bitmap scan (see
`filter_search`), and ranking reads only the small rank vectors of the matches that have a
query word in their title, summary or authors (see `order_by_relevance`).

SQLite (the embedded default): a plain case-insensitive match on title, subtitle, summary and
author names.

Keeping the vectors fresh: a database trigger empties the vectors of a publication whose text,
language or authors change (migration 0014); until `search_index_refresh()` computes them again
such a row is still found, by a plain match through a partial index, only unranked. Write paths
call `search_index_refresh()` once after their writes (it visits only the empty rows); bulk
imports pass `workers` to spread the work over every core.
"""

import re
from concurrent.futures import ThreadPoolExecutor

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.expressions import Expression
from django.db.models.functions import Cast, Coalesce
from django.utils.html import escape
from django.utils.safestring import mark_safe

from thinktank.cache import catalogue_changed

from .models import Author, Publication, PublicationAuthor

CONFIGS = {"en": "english_unaccent", "fr": "french_unaccent"}
DEFAULT_CONFIG = "simple_unaccent"
QUERY_CONFIGS = ("english_unaccent", "french_unaccent", "simple_unaccent")
MAX_QUERY_LENGTH = 200
# Body and PDF text beyond this many characters add little to matching and risk tsvector limits.
MAX_INDEXED_BODY = 300_000
# Typo tolerance: the titles and authors most similar to the query join its matches.
MAX_SIMILAR_TITLES = 100
MAX_TITLE_CANDIDATES = 1000
# At most this many words of a query make up its any-word form (queries are 200 characters).
MAX_ANY_WORDS = 40
MAX_SIMILAR_AUTHORS = 20
# Markers PostgreSQL puts around highlighted words; everything else is escaped before they
# become <mark> elements, so a headline is safe HTML whatever the text contains.
_START, _STOP = "\x02", "\x03"

_WORD = re.compile(r"\w", re.UNICODE)


def is_postgres():
    return connection.vendor == "postgresql"


def printable(value):
    """`value` as text without NUL and other control characters (PostgreSQL refuses NUL)."""
    return "".join(ch for ch in str(value or "") if ch.isprintable())


def clean_query(value):
    """The user's query made safe to use: printable, spaces folded, at most MAX_QUERY_LENGTH
    characters; "" when nothing searchable is left (only punctuation, spaces...)."""
    value = " ".join(printable(value).split())[:MAX_QUERY_LENGTH]
    return value if _WORD.search(value) else ""


# --- Index maintenance ----------------------------------------------------------------------
_REFRESH_SQL = """
UPDATE publications_publication AS p
SET search_rank_vector = s.head, search_vector = s.head || s.rest
FROM (
    SELECT d.id,
        setweight(to_tsvector(d.cfg, d.title), 'A')
        || setweight(to_tsvector(d.cfg, d.subtitle || ' ' || d.summary || ' ' || d.names), 'B')
            AS head,
        setweight(to_tsvector(d.cfg, left(d.body || ' ' || d.pdf_text, {max_body})), 'C')
            AS rest
    FROM (
        SELECT pub.id, pub.title, pub.subtitle, pub.summary, pub.body, pub.pdf_text,
            (CASE pub.language {cases} ELSE '{default}' END)::regconfig AS cfg,
            COALESCE((
                SELECT string_agg(a.name, ' ' ORDER BY pa.position, pa.id)
                FROM publications_publicationauthor pa
                JOIN publications_author a ON a.id = pa.author_id
                WHERE pa.publication_id = pub.id
            ), '') AS names
        FROM publications_publication pub
        {where}
    ) AS d
) AS s
WHERE p.id = s.id
"""


def _config_cases():
    """The CASE branches giving a publication's text search configuration from its language."""
    return " ".join(f"WHEN '{code}' THEN '{cfg}'" for code, cfg in CONFIGS.items())


def _refresh_sql(where):
    return _REFRESH_SQL.format(
        max_body=MAX_INDEXED_BODY, cases=_config_cases(), default=DEFAULT_CONFIG, where=where
    )


def search_index_rebuild(*, publication_ids=None):
    """Recompute the vectors of these publications (every one when None) in one UPDATE.

    Returns the number of rows updated; 0 on databases without full-text search."""
    if not is_postgres():
        return 0
    with connection.cursor() as cursor:
        if publication_ids is None:
            cursor.execute(_refresh_sql(""))
        else:
            ids = [int(pk) for pk in publication_ids]
            if not ids:
                return 0
            cursor.execute(_refresh_sql("WHERE pub.id = ANY(%s)"), [ids])
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


# --- Querying -------------------------------------------------------------------------------
def search_query(text):
    """The user's words parsed in every configuration, OR-ed (web-search syntax)."""
    query = None
    for config in QUERY_CONFIGS:
        part = SearchQuery(text, config=config, search_type="websearch")
        query = part if query is None else query | part
    return query


def any_word_query(text):
    """A query matching whatever holds ANY word of `text`, in every configuration.

    `ts_rank` gives credit for each word of the query found in a vector, even when the query
    as a whole (two words AND-ed, say) does not match it; this finds every such vector. The
    words are the whitespace-separated terms (so "U.S." or an e-mail stays one term) and their
    alphanumeric parts (so "cyber-security" also gives "security"), operators dropped."""
    terms = []
    for chunk in text.split():
        chunk = chunk.strip("\"'()-")
        for term in (chunk, *re.findall(r"\w+", chunk)):
            if term and term.casefold() != "or" and term not in terms:
                terms.append(term)
    query = None
    for term in terms[:MAX_ANY_WORDS]:
        for config in QUERY_CONFIGS:
            part = SearchQuery(term, config=config, search_type="plain")
            query = part if query is None else query | part
    return query


def filter_search(queryset, text):
    """Publications matching `text` (no ordering, no annotation: usable inside facets)."""
    text = clean_query(text)
    if not text:
        return queryset
    if not is_postgres():
        authors = PublicationAuthor.objects.filter(
            publication=OuterRef("pk"), author__name__icontains=text
        )
        return queryset.filter(
            Q(title__icontains=text)
            | Q(subtitle__icontains=text)
            | Q(summary__icontains=text)
            | Exists(authors)
        )
    # Full-text matches, plus the titles and authors that look most like the query (typos),
    # plus rows whose vectors were not computed yet (saved by a path that did not call
    # search_index_refresh), found by a plain match through a partial index on them.
    #
    # Titles: the closest among the first candidates the trigram index gives. When a word is in
    # thousands of titles (full-text search finds those anyway), ranking them all by similarity
    # would cost more than the whole rest of the search.
    title_candidates = (
        Publication.objects.filter(title__trigram_word_similar=text)
        .order_by()
        .values("pk")[:MAX_TITLE_CANDIDATES]
    )
    similar_titles = (
        Publication.objects.filter(pk__in=title_candidates)
        .annotate(similarity=TrigramWordSimilarity(text, "title"))
        .order_by("-similarity", "pk")
        .values("pk")[:MAX_SIMILAR_TITLES]
    )
    similar_authors = (
        Author.objects.filter(name__trigram_word_similar=text)
        .annotate(similarity=TrigramWordSimilarity(text, "name"))
        .order_by("-similarity", "pk")
        .values("pk")[:MAX_SIMILAR_AUTHORS]
    )
    by_similar_authors = (
        PublicationAuthor.objects.filter(author__in=similar_authors)
        .order_by()
        .values("publication_id")
    )
    unindexed = (
        Publication.objects.filter(search_vector__isnull=True)
        .filter(
            Q(title__icontains=text)
            | Q(subtitle__icontains=text)
            | Q(summary__icontains=text)
            | Q(body__icontains=text)
        )
        .order_by()
        .values("pk")
    )
    parts, params = [], []
    for part in (similar_titles, by_similar_authors, unindexed):
        sql, part_params = part.query.sql_with_params()
        parts.append(f"({sql})")
        params.extend(part_params)
    # Both arms of this OR are index conditions (full-text GIN; primary key), so PostgreSQL ORs
    # two bitmaps and visits each matching row once without unpacking its long vector (an
    # `IN (… UNION …)` would look every match up again by primary key). The id list is short
    # by construction (the closest titles and authors only), so it stays cheap even where the
    # planner prefers to scan the table (a word in most documents).
    return queryset.filter(
        Q(search_vector=search_query(text)) | InArray(F("pk"), " UNION ".join(parts), params)
    )


class InArray(Expression):
    """`lhs = ANY(ARRAY(subquery SQL))`: a condition usable in `filter()` and in `Q | …`."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, lhs, sql, params):
        super().__init__()
        self.lhs, self.sql, self.params = lhs, sql, list(params)

    def get_source_expressions(self):
        return [self.lhs]

    def set_source_expressions(self, exprs):
        (self.lhs,) = exprs

    def as_sql(self, compiler, connection):
        lhs_sql, lhs_params = compiler.compile(self.lhs)
        return f"{lhs_sql} = ANY(ARRAY({self.sql}))", (*lhs_params, *self.params)


def _recency():
    """1 for today, 0.5 five years ago, decaying slowly after."""
    age_days = Func(F("published_on"), template="(CURRENT_DATE - %(expressions)s)")
    return Value(1.0) / (Value(1.0) + Cast(age_days, FloatField()) / Value(1825.0))


def order_by_relevance(queryset, text):
    """Rank: SearchRank over title/summary/authors (a body-only match gets a floor value),
    weighted by recency. PostgreSQL only; elsewhere the newest come first."""
    text = clean_query(text)
    if not text or not is_postgres():
        return queryset.newest_first()
    query = search_query(text)
    # `ts_rank` is 0 unless the rank vector holds at least one of the query's words, so only
    # those publications are ranked; the others (body-only matches) get the floor. Asking the
    # small GIN index of the rank vectors which ones they are means the vectors of thousands
    # of body-only matches are never unpacked.
    words = any_word_query(text)
    if words is None:  # only operators ("or"): nothing to rank
        return queryset.newest_first()
    # Intersected with the matches (PostgreSQL ANDs the two bitmaps): a common word in the
    # heads of a rare match set costs no more than the matches themselves.
    head_matches = filter_search(Publication.objects.filter(search_rank_vector=words), text)
    head_matches = head_matches.values("pk")
    rank = Case(
        When(
            pk__in=head_matches,
            then=Coalesce(
                SearchRank(F("search_rank_vector"), query, weights=[0.1, 0.2, 0.4, 1.0]),
                Value(0.0),
            ),
        ),
        default=Value(0.0),
        output_field=FloatField(),
    )
    return queryset.annotate(
        search_rank=(Value(0.01) + rank) * _recency(),
    ).order_by("-search_rank", "-published_on", "-pk")


_HEADLINE_SQL = """
SELECT p.id, ts_headline(
    (CASE p.language {cases} ELSE '{default}' END)::regconfig,
    left(p.summary || E'\\n' || p.body, 20000),
    {query},
    'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=2'
)
FROM publications_publication p WHERE p.id = ANY(%s)
"""


def attach_headlines(publications, text):
    """Set `search_headline` (safe HTML, highlights in <mark>) on each publication of the page.

    One query for the whole page, run after pagination so only the shown rows pay for it."""
    publications = list(publications)
    text = clean_query(text)
    if not publications or not text:
        return publications
    if not is_postgres():
        for publication in publications:
            publication.search_headline = _python_headline(publication.summary, text)
        return publications
    query_sql = " || ".join(f"websearch_to_tsquery('{cfg}', %s)" for cfg in QUERY_CONFIGS)
    sql = _HEADLINE_SQL.format(cases=_config_cases(), default=DEFAULT_CONFIG, query=query_sql)
    params = [text] * len(QUERY_CONFIGS) + [[p.pk for p in publications]]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        headlines = dict(cursor.fetchall())
    for publication in publications:
        publication.search_headline = safe_headline(headlines.get(publication.pk, ""))
    return publications


def safe_headline(raw):
    """Escape everything, then turn PostgreSQL's selection markers into <mark> elements."""
    html = escape(raw or "").replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(html)


def _python_headline(summary, text, width=240):
    summary = " ".join((summary or "").split())
    position = summary.lower().find(text.lower())
    if position < 0:
        return mark_safe(escape(summary[:width]))
    start = max(0, position - width // 3)
    before = summary[start:position]
    match = summary[position : position + len(text)]
    after = summary[position + len(text) : start + width]
    prefix = "… " if start else ""
    return mark_safe(f"{escape(prefix + before)}<mark>{escape(match)}</mark>{escape(after)}")


def suggestion(text):
    """A "did you mean" for a misspelled author name or title, or "" (PostgreSQL only)."""
    text = clean_query(text)
    if not text or not is_postgres() or len(text) < 4:
        return ""
    sql = """
    SELECT candidate FROM (
        SELECT a.name AS candidate, word_similarity(%s, a.name) AS score
        FROM publications_author a WHERE %s <%% a.name AND EXISTS (
            SELECT 1 FROM publications_publicationauthor pa
            WHERE pa.author_id = a.id AND pa.publication_id IN ({public}))
        UNION ALL
        SELECT p.title, word_similarity(%s, p.title)
        FROM publications_publication p WHERE %s <%% p.title AND p.id IN ({public})
    ) AS c
    WHERE score < 1
    ORDER BY score DESC, length(candidate)
    LIMIT 1
    """
    public_sql, public_params = Publication.objects.published().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            sql.format(public=public_sql), [text, text, *public_params, text, text, *public_params]
        )
        row = cursor.fetchone()
    return row[0] if row else ""


SUGGEST_BELOW = 10


def did_you_mean(filterset, *, total):
    """{text, url} of a suggestion for a search that found little (typos find little), or None.

    `filterset`: the request's PublicationFilterSet; `total`: the size of its result."""
    text = filterset.search_text
    suggested = suggestion(text) if text and total < SUGGEST_BELOW else ""
    if not suggested or suggested.casefold() == text.casefold():
        return None
    return {"text": suggested, "url": filterset.query_string(q=[suggested])}


def config_for(language):
    return CONFIGS.get(language, DEFAULT_CONFIG)


__all__ = [
    "attach_headlines",
    "clean_query",
    "config_for",
    "did_you_mean",
    "filter_search",
    "order_by_relevance",
    "safe_headline",
    "search_index_rebuild",
    "search_index_refresh",
    "search_query",
    "suggestion",
]
