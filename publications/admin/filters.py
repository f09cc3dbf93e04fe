"""Filters of the publication changelist by region, theme and center: each offers its tree in
order, indented, and keeps a node's descendants (a center's programs) with it."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from centers.models import Center
from publications import workflow
from taxonomy.models import Region, Theme


class TreeListFilter(admin.SimpleListFilter):
    """A node and everything below it, through the publication QuerySet's `in_<parameter>()`
    (the method the public list uses, so the admin and the site agree on what is inside)."""

    model = None

    def nodes(self):
        """[(slug, indented name)] in tree order."""
        return [(node.slug, node.indented_name) for node in self.model.objects.in_tree_order()]

    def lookups(self, request, model_admin):
        return self.nodes()

    def queryset(self, request, queryset):
        if self.value():
            return getattr(queryset, f"in_{self.parameter_name}")([self.value()])
        return queryset


class RegionListFilter(TreeListFilter):
    title = _("region")
    parameter_name = "region"
    model = Region


class ThemeListFilter(TreeListFilter):
    title = _("theme")
    parameter_name = "theme"
    model = Theme


class CenterListFilter(TreeListFilter):
    title = _("center or program")
    parameter_name = "center"

    def nodes(self):
        return [
            (center.slug, "\u2003" * depth + center.name)
            for center, depth in Center.objects.in_tree_order()
        ]


class StateListFilter(admin.SimpleListFilter):
    """The workflow state of publications/workflow.py: scheduled items apart from published
    ones (the status alone says "published" for both)."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return list(workflow.STATE_LABELS.items())

    def queryset(self, request, queryset):
        if self.value():
            return queryset.in_state(self.value())
        return queryset
