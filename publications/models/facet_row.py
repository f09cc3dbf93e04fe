"""Facet rows: a slim, derived copy of each publication's tags for facet counts (PostgreSQL)."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models

from ..querysets import PublishableQuerySet


class PublicationFacetRow(models.Model):
    """A slim copy of a publication's tags for facet counts (PostgreSQL; unused on SQLite).

    The ids of its regions and themes *with their ancestors* and of its centers with their
    parent center, each array de-duplicated, so a facet is `unnest()` + `GROUP BY` over one
    scan without a join. Status, dates, type and language are copied too, so that
    `published()` (the same rule as the publications', on the same column names) needs no
    join either; a scheduled item appears when its time passes.

    Never written by Python: database triggers keep every row in step with its publication,
    its tags and the trees (`migrations/0014_derived_state_triggers.py`). The 100,000-item
    benchmark is why the table exists (bench/RESULTS.md: list with facets 282 → 100 ms).
    """

    publication = models.OneToOneField(
        "publications.Publication",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="facet_row",
    )
    region_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    theme_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    center_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    # Copies of the publication's columns the facets read, so that a facet scan needs no join.
    # Publicness is still decided at query time from status and dates (never stored as such).
    status = models.CharField(max_length=20, default="", blank=True)
    published_on = models.DateField(null=True, blank=True)
    publish_at = models.DateTimeField(null=True, blank=True)
    type = models.CharField(max_length=20, default="", blank=True)
    language = models.CharField(max_length=5, default="", blank=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        # A facet with another facet selected reads only the rows of that selection (bitmap
        # scans; list `?region=asia&theme=security`: facets 163 → 63 ms on 100k, RESULTS.md).
        indexes = [
            GinIndex(fields=["region_ids"], name="facetrow_region_ids_idx"),
            GinIndex(fields=["theme_ids"], name="facetrow_theme_ids_idx"),
            GinIndex(fields=["center_ids"], name="facetrow_center_ids_idx"),
        ]

    def __str__(self):
        return str(self.publication_id)
