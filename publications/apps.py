from django.apps import AppConfig
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


def _repair_search_index(sender, using="default", **kwargs):
    # A migration that rebuilt a SQLite table dropped its search triggers (search/fts5.py).
    from .search.fts5 import fts_repair

    fts_repair(connections[using])


def _register_sqlite_functions(sender, connection, **kwargs):
    # The search triggers of SQLite call Python (search/fts5.py): every connection needs it.
    from .search.fts5 import register_functions

    register_functions(connection)


class PublicationsConfig(AppConfig):
    name = "publications"

    def ready(self):
        post_migrate.connect(_repair_search_index, sender=self)
        connection_created.connect(_register_sqlite_functions)
