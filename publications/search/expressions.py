"""SQL expressions of the search that need no model: accent- and case-insensitive substring
matches and `= ANY(ARRAY(subquery))`; and how much of a text both indexes read. Apart from
matching.py so that querysets.py and facets.py, which the models import, can use them without
importing the search package's model-bound modules."""

from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import BooleanField, F, Func, TextField, Value
from django.db.models.expressions import Expression
from django.db.models.lookups import Contains, IContains

from .query import fold

# Body and PDF text beyond this many characters add little to matching and risk tsvector limits
# (PostgreSQL, index.py) and FTS5's row size (SQLite, fts5.py).
MAX_INDEXED_BODY = 300_000


# --- Accent- and case-insensitive substring match (SQLite; unindexed rows) -------------------
class Unaccented(Func):
    """`publications_unaccent(text)` (PostgreSQL, migration 0015): IMMUTABLE, so indexable."""

    function = "publications_unaccent"
    output_field = TextField()


class Folded(Func):
    """`publications_fold(text)` (SQLite): `query.fold`, registered on each connection."""

    function = "publications_fold"
    output_field = TextField()


def _register_sqlite_functions(sender=None, connection=None, **kwargs):
    if connection is not None and connection.vendor == "sqlite":
        connection.connection.create_function(
            "publications_fold", 1, lambda value: fold(value), deterministic=True
        )


connection_created.connect(_register_sqlite_functions)


def folded_contains(field, text):
    """Lookup: `field` holds `text` whatever the accents and case (`text` already folded on
    SQLite, see query.fold); a scan, for short lists and rows without a search vector."""
    if connection.vendor == "postgresql":
        return IContains(Unaccented(F(field)), Unaccented(Value(text)))
    return Contains(Folded(F(field)), Value(text))


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
