"""Full-text search on SQLite: the FTS5 index `publications_search_fts`, the triggers that keep
it in sync, and its first filling (see publications/search/fts5.py). Nothing on PostgreSQL,
which has its search vectors (migrations 0008, 0014, 0017). Backwards: triggers and table go.

The definitions are imported from the search package rather than copied: `fts_repair()` puts
the same triggers back after any later migration that rebuilds a table, so there must be one
version of them.
"""

from django.db import migrations


def install(apps, schema_editor):
    from publications.search.fts5 import fts_install

    fts_install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from publications.search.fts5 import fts_uninstall

    fts_uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0023_edition_claims"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
