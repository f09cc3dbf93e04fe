"""Migration operations that only touch PostgreSQL, so that migrations still run on SQLite.

`django.contrib.postgres.operations.CreateExtension` skips other databases going forwards but
not backwards (it queries `pg_extension`); these operations skip both directions on other
databases, for extensions, raw SQL and indexes that only PostgreSQL understands (GIN). The
migration state is the same on every database, so `makemigrations --check` stays quiet.
"""

from django.contrib.postgres.operations import CreateExtension
from django.db import migrations


class PostgresOnlyMixin:
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class PostgresRunSQL(PostgresOnlyMixin, migrations.RunSQL):
    pass


class PostgresAddIndex(PostgresOnlyMixin, migrations.AddIndex):
    """The index is in the migration state on every database, so when SQLite rebuilds the table
    (a later AddField of a NOT NULL column does) it creates it there too, as a plain index.
    Going backwards, drop it if it is there, or removing its column would fail."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
        else:
            schema_editor.execute(
                f"DROP INDEX IF EXISTS {schema_editor.quote_name(self.index.name)}"
            )


class PostgresExtension(PostgresOnlyMixin, CreateExtension):
    pass
