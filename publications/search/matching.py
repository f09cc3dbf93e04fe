"""Finding, ranking and showing matches of a `ParsedQuery` (see query.py for what it means).

PostgreSQL: the required part of the query is read in every text search configuration and the
readings OR-ed, so "securite" finds "sécurité" in French and "security" in English alike;
whatever an excluded term matches in ANY configuration is excluded (`nuclear -korea`: the French
reading of "korea" is "kor", so an "or" of whole readings would let an English text about Korea
through the French one). Misspelled titles and authors are caught by trigram word similarity
(pg_trgm, its default threshold of 0.6) of the query's positive words, accents removed on both
sides (`publications_unaccent`, indexed, migration 0015): the 100 closest titles (among the
first 1,000 above the threshold) and the works of the 20 closest authors join the matches,
unless they hold an excluded term; the same similarity gives "did you mean".

Speed (100,000 publications, bench/RESULTS.md): matching is one bitmap scan (see
`filter_search`), and ranking reads only the small rank vectors of the matches that have a
query word in their title, summary or authors (see `order_by_relevance`).

SQLite (the embedded default): the FTS5 index of fts5.py finds, ranks (bm25) and makes the
snippets. PostgreSQL rows whose vectors are not computed yet: a substring match of each term in
title, subtitle, summary and body, obeying phrases, `or` and exclusions, accents and case
ignored.

Snippets, on both: whole words around the matches, "…" where the text is cut, the matched words
in <mark>, everything else escaped (`safe_headline`).
"""

import functools
import re

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import (
    SearchQuery,
    SearchQueryField,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db import connections, router
from django.db.models import (
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
from django.db.models.functions import Cast, Coalesce, Greatest
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..models import Author, Publication, PublicationAuthor
from .expressions import InArray, Unaccented, folded_contains
from .fts5 import FtsMatch, FtsRank, fts_excluded_expression, fts_expression, fts_snippets
from .index import DEFAULT_CONFIG, config_cases, is_postgres
from .query import ParsedQuery, fold, parse_query

QUERY_CONFIGS = ("english_unaccent", "french_unaccent", "simple_unaccent")
# Typo tolerance: the titles and authors most similar to the query join its matches.
MAX_SIMILAR_TITLES = 100
MAX_TITLE_CANDIDATES = 1000
MAX_SIMILAR_AUTHORS = 20
# Markers PostgreSQL puts around highlighted words; everything else is escaped before they
# become <mark> elements, so a headline is safe HTML whatever the text contains.
_START, _STOP = "\x02", "\x03"


def _parsed(query):
    return query if not isinstance(query, str) else parse_query(query)


def _term_condition(term, fields, author_field=None):
    """Q: some field (or an author's name) holds `term` in one of its forms."""
    condition = Q()
    for variant in term.variants():
        for field in fields:
            condition |= Q(folded_contains(field, variant))
        if author_field:
            names = PublicationAuthor.objects.filter(publication=OuterRef(author_field)).filter(
                folded_contains("author__name", variant)
            )
            condition |= Q(Exists(names))
    return condition


def substring_condition(query, fields, *, author_field=None):
    """Q of the plain match of `query` on `fields` (and on author names of the publication at
    `author_field`, e.g. "pk"): each required clause holds, no excluded term does."""
    parsed = _parsed(query)
    condition = Q()
    for clause in parsed.required:
        either = Q()
        for term in clause:
            either |= _term_condition(term, fields, author_field)
        condition &= either
    for term in parsed.excluded:
        condition &= ~_term_condition(term, fields, author_field)
    return condition


# --- PostgreSQL full text ----------------------------------------------------------------------
class TsQuery(SearchQuery):
    """A tsquery written as SQL (see `_tsquery_sql`); usable wherever Django takes a
    SearchQuery (`search_vector=…`, SearchRank)."""

    def __init__(self, sql, params):
        super().__init__("", output_field=SearchQueryField())
        self.source_expressions, self.sql, self.params = [], sql, list(params)

    def as_sql(self, compiler, connection, **extra_context):
        return self.sql, self.params


def _readings_sql(tsquery):
    """(sql, params): the to_tsquery text read in every configuration, OR-ed."""
    sql = " || ".join(f"to_tsquery('{config}'::regconfig, %s)" for config in QUERY_CONFIGS)
    return f"({sql})", [tsquery] * len(QUERY_CONFIGS)


def _tsquery_sql(parsed):
    """(sql, params) of the full-text query of `parsed`: the required part in any
    configuration, and none of the excluded terms in any configuration."""
    required, excluded = parsed.tsquery(), parsed.excluded_tsquery()
    sql, params = _readings_sql(required) if required else ("''::tsquery", [])
    if excluded:
        excluded_sql, excluded_params = _readings_sql(excluded)
        if required:
            sql, params = f"({sql} && !!{excluded_sql})", [*params, *excluded_params]
        else:
            sql, params = f"!!{excluded_sql}", excluded_params
    return sql, params


def search_query(query):
    """The full-text query (a SearchQuery expression) of `query`, text or ParsedQuery."""
    return TsQuery(*_tsquery_sql(_parsed(query)))


def _honouring(queryset, parsed):
    """`queryset` of typo-tolerant matches without those that break the query's exact parts:
    holding an excluded term, or lacking a quoted phrase (indexed rows by their vector, the
    others by the plain match)."""
    phrases = parsed.phrase_tsquery()
    if phrases:
        phrase_clauses = ParsedQuery(
            required=tuple(c for c in parsed.required if all(t.quoted for t in c))
        )
        queryset = queryset.filter(
            Q(search_vector=TsQuery(*_readings_sql(phrases)))
            | Q(search_vector__isnull=True)
            & substring_condition(phrase_clauses, ("title", "subtitle", "summary", "body"))
        )
    if not parsed.excluded:
        return queryset
    excluded = TsQuery(*_readings_sql(parsed.excluded_tsquery()))
    plain = Q()
    for term in parsed.excluded:
        plain |= _term_condition(term, ("title", "subtitle", "summary", "body"))
    return queryset.exclude(search_vector=excluded).exclude(Q(search_vector__isnull=True) & plain)


def _similar(field, texts):
    """(condition, similarity) of `field` against the fuzzy texts, accents ignored: the field is
    word-similar to one of them (trigram index on `publications_unaccent(field)`), scored by
    the best."""
    condition, scores = Q(), []
    for text in texts:
        condition |= Q(TrigramWordSimilar(Unaccented(F(field)), Unaccented(Value(text))))
        scores.append(TrigramWordSimilarity(Unaccented(Value(text)), Unaccented(F(field))))
    return condition, (scores[0] if len(scores) == 1 else Greatest(*scores))


def filter_search(queryset, text):
    """Publications matching `text` (no ordering, no annotation: usable inside facets)."""
    condition = _match_condition(
        text, is_postgres(), MAX_TITLE_CANDIDATES, MAX_SIMILAR_TITLES, MAX_SIMILAR_AUTHORS
    )
    return queryset if condition is None else queryset.filter(condition)


@functools.lru_cache(maxsize=256)
def _match_condition(text, postgres, max_title_candidates, max_similar_titles, max_authors):
    """The condition (a Q) that `filter_search` applies, None when `text` asks for nothing.

    Kept per process, by its arguments (the tuning constants included, so changing one gives
    another condition): a list request filters by it four times (the page, its facets, one
    entry per work, the ranking), and building it compiles its typo-tolerant subqueries (~2 ms
    each time, measured on 100,000 publications). It is SQL only, no data, so it never goes
    stale; Django copies the expressions it resolves, so sharing it between queries is safe."""
    parsed = parse_query(text)
    if not parsed:
        return None
    if not postgres:
        return _fts_condition(parsed)
    # Full-text matches, plus the titles and authors that look most like the query's positive
    # words (typos) unless they hold an excluded term, plus rows whose vectors were not computed
    # yet (saved by a path that did not call search_index_refresh), found by a plain match
    # through a partial index on them.
    parts = []
    fuzzy = parsed.fuzzy_texts()
    if fuzzy:
        # Titles: the closest among the first candidates the trigram index gives. When a word is
        # in thousands of titles (full-text search finds those anyway), ranking them all by
        # similarity would cost more than the whole rest of the search.
        title_condition, title_similarity = _similar("title", fuzzy)
        title_candidates = (Publication.objects.filter(title_condition).order_by().values("pk"))[
            :max_title_candidates
        ]
        similar_titles = _honouring(Publication.objects.filter(pk__in=title_candidates), parsed)
        similar_titles = similar_titles.annotate(similarity=title_similarity).order_by(
            "-similarity", "pk"
        )
        parts.append(similar_titles.values("pk")[:max_similar_titles])
        name_condition, name_similarity = _similar("name", fuzzy)
        similar_authors = (
            Author.objects.filter(name_condition)
            .annotate(similarity=name_similarity)
            .order_by("-similarity", "pk")
            .values("pk")[:max_authors]
        )
        by_similar_authors = PublicationAuthor.objects.filter(author__in=similar_authors).values(
            "publication_id"
        )
        parts.append(
            _honouring(Publication.objects.filter(pk__in=by_similar_authors), parsed)
            .order_by()
            .values("pk")
        )
    parts.append(
        Publication.objects.filter(search_vector__isnull=True)
        .filter(substring_condition(parsed, ("title", "subtitle", "summary", "body")))
        .order_by()
        .values("pk")
    )
    sqls, params = [], []
    for part in parts:
        sql, part_params = part.query.sql_with_params()
        sqls.append(f"({sql})")
        params.extend(part_params)
    # Both arms of this OR are index conditions (full-text GIN; primary key), so PostgreSQL ORs
    # two bitmaps and visits each matching row once without unpacking its long vector (an
    # `IN (… UNION …)` would look every match up again by primary key). The id list is short
    # by construction (the closest titles and authors only), so it stays cheap even where the
    # planner prefers to scan the table (a word in most documents).
    return Q(search_vector=search_query(parsed)) | InArray(F("pk"), " UNION ".join(sqls), params)


def _recency():
    """1 for today, 0.5 five years ago, decaying slowly after."""
    age_days = Func(F("published_on"), template="(CURRENT_DATE - %(expressions)s)")
    return Value(1.0) / (Value(1.0) + Cast(age_days, FloatField()) / Value(1825.0))


def _fts_condition(parsed):
    """SQLite: the FTS5 index (fts5.py) gives the matches, minus those of excluded terms."""
    required, excluded = fts_expression(parsed), fts_excluded_expression(parsed)
    condition = Q()
    if required:
        condition &= Q(FtsMatch(F("pk"), required))
    if excluded:
        condition &= Q(FtsMatch(F("pk"), excluded, negated=True))
    return condition


def _sqlite_recency():
    age_days = Func(F("published_on"), template="(julianday('now') - julianday(%(expressions)s))")
    return Value(1.0) / (Value(1.0) + Cast(age_days, FloatField()) / Value(1825.0))


def order_by_relevance(queryset, text):
    """Rank: on PostgreSQL SearchRank over title/summary/authors (a body-only match gets a
    floor value), on SQLite bm25 over every column (weights in fts5.py), either weighted by
    recency; newest first when the query has nothing positive to rank by."""
    parsed = parse_query(text)
    words = parsed.any_word_tsquery()
    if not words:  # nothing positive to rank by ("-korea")
        return queryset.newest_first()
    if not is_postgres():
        rank = FtsRank(F("pk"), fts_expression(parsed))
        return queryset.annotate(search_rank=rank * _sqlite_recency()).order_by(
            "-search_rank", "-published_on", "-pk"
        )
    query = search_query(parsed)
    # `ts_rank` is 0 unless the rank vector holds at least one of the query's words, so only
    # those publications are ranked; the others (body-only matches) get the floor. Asking the
    # small GIN index of the rank vectors which ones they are means the vectors of thousands
    # of body-only matches are never unpacked.
    # Intersected with the matches (PostgreSQL ANDs the two bitmaps): a common word in the
    # heads of a rare match set costs no more than the matches themselves.
    head_matches = filter_search(
        Publication.objects.filter(search_rank_vector=TsQuery(*_readings_sql(words))), text
    )
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


# Snippets: whole words around the matches, "…" wherever the text is cut (`ELLIPSIS`), the
# matched words in <mark>; about `SNIPPET_WORDS` words (two fragments on PostgreSQL).
ELLIPSIS = "…"
SNIPPET_WORDS = 30
_FRAGMENT_DELIMITER = f" {ELLIPSIS} "
# The ends of the text returned beside each headline, to tell whether it starts (ends) there.
_EDGE = 400

# `OFFSET 0` keeps the text computed once per row (else each use detoasts the body again: twice
# the buffers).
_HEADLINE_SQL = """
SELECT p.id, ts_headline(
    (CASE p.language {cases} ELSE '{default}' END)::regconfig,
    s.src,
    {query},
    'StartSel=' || chr(2) || ', StopSel=' || chr(3)
        || ', MaxWords=22, MinWords=10, MaxFragments=2, FragmentDelimiter="{delimiter}"'
), left(s.src, {edge}), right(s.src, {edge})
FROM publications_publication p,
    LATERAL (SELECT left(p.summary || E'\\n' || p.body, 20000) AS src OFFSET 0) AS s
WHERE p.id = ANY(%s)
"""


def attach_headlines(publications, text):
    """Set `search_headline` (safe HTML, highlights in <mark>, whole words, "…" where the text
    is cut) on each publication of the page.

    One query for the whole page, run after pagination so only the shown rows pay for it."""
    publications = list(publications)
    parsed = parse_query(text)
    if not publications or not parsed:
        return publications
    if not is_postgres():
        _attach_fts_headlines(publications, parsed)
        return publications
    query_sql, query_params = _tsquery_sql(parsed)
    sql = _HEADLINE_SQL.format(
        cases=config_cases(),
        default=DEFAULT_CONFIG,
        query=query_sql,
        delimiter=_FRAGMENT_DELIMITER,
        edge=_EDGE,
    )
    params = [*query_params, [p.pk for p in publications]]
    # Raw SQL: the router's choice (a read replica for anonymous readers) taken by hand.
    with connections[router.db_for_read(Publication)].cursor() as cursor:
        cursor.execute(sql, params)
        rows = {pk: (headline, head, tail) for pk, headline, head, tail in cursor.fetchall()}
    for publication in publications:
        headline, head, tail = rows.get(publication.pk, ("", "", ""))
        publication.search_headline = safe_headline(_with_ellipses(headline, head, tail))
    return publications


def _attach_fts_headlines(publications, parsed):
    """SQLite: FTS5's snippets of the summary and of the body (+ PDF text); the first one
    that shows a match, else the summary's beginning (a match in the title or authors only)."""
    snippets = fts_snippets(
        [p.pk for p in publications],
        fts_expression(parsed),
        start=_START,
        stop=_STOP,
        ellipsis=ELLIPSIS,
        tokens=SNIPPET_WORDS,
    )
    for publication in publications:
        found = [s for s in snippets.get(publication.pk, ()) if _START in s]
        raw = " ".join((found[0] if found else word_snippet(publication.summary)).split())
        # FTS5 glues its ellipsis to the text: "…word"; spaced like PostgreSQL's.
        if raw.startswith(ELLIPSIS):
            raw = f"{ELLIPSIS} {raw[len(ELLIPSIS) :].lstrip()}"
        if raw.endswith(ELLIPSIS) and not raw.endswith(f" {ELLIPSIS}"):
            raw = f"{raw[: -len(ELLIPSIS)].rstrip()} {ELLIPSIS}"
        publication.search_headline = safe_headline(raw)


def _comparable(text):
    """Words only, for telling whether a headline starts or ends where its text does."""
    return " ".join(re.sub(r"[\W_]+", " ", text).split()).casefold()


def _with_ellipses(headline, head, tail):
    """A ts_headline with "…" before it unless it starts where the text starts (`head` is the
    text's beginning), and after it unless it ends where the text ends (`tail`, its end)."""
    if not headline:
        return ""
    plain = _comparable(headline.replace(_START, "").replace(_STOP, ""))
    if not plain:
        return headline
    headline = " ".join(headline.split())
    if not _comparable(head).startswith(plain[:60]):
        headline = f"{ELLIPSIS} {headline}"
    if not _comparable(tail).endswith(plain[-60:]):
        headline = f"{headline} {ELLIPSIS}"
    return headline


def word_snippet(text, words=SNIPPET_WORDS):
    """The first `words` words of `text`, "…" after them when it goes on."""
    parts = (text or "").split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]) + f" {ELLIPSIS}"


def safe_headline(raw):
    """Escape everything, then turn the selection markers into <mark> elements."""
    html = escape(raw or "").replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(html)


def suggestion(text):
    """A "did you mean" for a misspelled author name or title, or "" (PostgreSQL only): the
    closest to the query's positive words, accents ignored."""
    parsed = parse_query(text)
    fuzzy = parsed.fuzzy_texts()
    if not fuzzy or not is_postgres() or len(fuzzy[0]) < 4:
        return ""
    sql = """
    SELECT candidate FROM (
        SELECT a.name AS candidate,
            word_similarity(publications_unaccent(%s), publications_unaccent(a.name)) AS score
        FROM publications_author a
        WHERE publications_unaccent(%s) <%% publications_unaccent(a.name) AND EXISTS (
            SELECT 1 FROM publications_publicationauthor pa
            WHERE pa.author_id = a.id AND pa.publication_id IN ({public}))
        UNION ALL
        SELECT p.title,
            word_similarity(publications_unaccent(%s), publications_unaccent(p.title))
        FROM publications_publication p
        WHERE publications_unaccent(%s) <%% publications_unaccent(p.title)
            AND p.id IN ({public})
    ) AS c
    WHERE score < 1
    ORDER BY score DESC, length(candidate)
    LIMIT 1
    """
    text = fuzzy[0]
    public_sql, public_params = Publication.objects.published().values("pk").query.sql_with_params()
    with connections[router.db_for_read(Publication)].cursor() as cursor:
        cursor.execute(
            sql.format(public=public_sql), [text, text, *public_params, text, text, *public_params]
        )
        row = cursor.fetchone()
    return row[0] if row else ""


SUGGEST_BELOW = 10


def did_you_mean(filterset, *, total):
    """{text, url} of a suggestion for a search that found little (typos find little), or None.

    `filterset`: the request's PublicationFilterSet; `total`: the size of its result. The
    suggested search keeps the query's exclusions."""
    text = filterset.search_text
    suggested = suggestion(text) if text and total < SUGGEST_BELOW else ""
    if not suggested or fold(suggested) == fold(text):
        return None
    return {
        "text": suggested,
        "url": filterset.query_string(q=[parse_query(text).with_positive(suggested)]),
    }
