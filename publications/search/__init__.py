"""Full-text search of the catalogue.

- `query.py`: what a reader typed, parsed once (`parse_query` -> `ParsedQuery`: required terms,
  phrases, `or` alternatives, exclusions; web-search syntax), and the punctuation, accent and
  case rules both sides of a match follow;
- `index.py`: the PostgreSQL search vectors, computed and kept fresh;
- `fts5.py`: the SQLite FTS5 index (kept by triggers) and its queries;
- `matching.py`: finding (`filter_search`), ranking (`order_by_relevance`), highlighting
  (`attach_headlines`) and "did you mean" (`did_you_mean`, PostgreSQL only), on both databases.
"""

from .index import (
    CONFIGS,
    DEFAULT_CONFIG,
    MAX_INDEXED_BODY,
    config_for,
    is_postgres,
    search_index_rebuild,
    search_index_refresh,
)
from .matching import (
    InArray,
    attach_headlines,
    did_you_mean,
    filter_search,
    order_by_relevance,
    safe_headline,
    search_query,
    substring_condition,
    suggestion,
)
from .query import (
    MAX_QUERY_LENGTH,
    ParsedQuery,
    Term,
    clean_query,
    fold,
    parse_query,
    printable,
)

__all__ = [
    "CONFIGS",
    "DEFAULT_CONFIG",
    "MAX_INDEXED_BODY",
    "MAX_QUERY_LENGTH",
    "InArray",
    "ParsedQuery",
    "Term",
    "attach_headlines",
    "clean_query",
    "config_for",
    "did_you_mean",
    "filter_search",
    "fold",
    "is_postgres",
    "order_by_relevance",
    "parse_query",
    "printable",
    "safe_headline",
    "search_index_rebuild",
    "search_index_refresh",
    "search_query",
    "substring_condition",
    "suggestion",
]
