from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def _repair_search_index(sender, using="default", **kwargs):
    # A migration that rebuilt a SQLite table dropped its search triggers (search/fts5.py).
    from .search.fts5 import fts_repair

    fts_repair(connections[using])


class PublicationsConfig(AppConfig):
    name = "publications"

    def ready(self):
        post_migrate.connect(_repair_search_index, sender=self)
