"""Staff editing of the region and theme trees."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from thinktank.admin import (
    DESCRIPTION_PAIR,
    NAME_PAIR,
    ProtectedByOwnerMixin,
    PublicModelAdminMixin,
)

from .models import Region, Theme


class TreeNodeAdmin(PublicModelAdminMixin, ProtectedByOwnerMixin, TranslationAdmin):
    list_display = ["indented", "slug", "parent", "order"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name_en", "name_fr", "slug"]
    # `path` lists every node after its parent; siblings come by slug here.
    ordering = ["path"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": [NAME_PAIR, "slug", "parent", DESCRIPTION_PAIR]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["order", "path"]}),
    ]
    readonly_fields = ["path"]

    @admin.display(description=_("name"), ordering="path")
    def indented(self, obj):
        # One em space per level, like `indented_name`, but kept visible in HTML.
        return format_html('<span style="padding-left:{}em">{}</span>', 1.5 * obj.depth, obj.name)


@admin.register(Region)
class RegionAdmin(TreeNodeAdmin):
    pass


@admin.register(Theme)
class ThemeAdmin(TreeNodeAdmin):
    pass
