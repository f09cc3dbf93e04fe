"""Staff editing of research centers and their programs."""

from django.contrib import admin
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from thinktank.admin import (
    DESCRIPTION_PAIR,
    NAME_PAIR,
    ProtectedByOwnerMixin,
    PublicModelAdminMixin,
    UploadValidationMixin,
    image_displays,
)

from .models import Center


@admin.register(Center)
class CenterAdmin(
    PublicModelAdminMixin, ProtectedByOwnerMixin, UploadValidationMixin, TranslationAdmin
):
    list_display = ["indented", "kind", "parent", "image_thumbnail", "order", "active"]
    list_filter = ["kind", "active", ("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name_en", "name_fr", "slug", "summary_en", "summary_fr"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent", "heads"]
    readonly_fields = ["image_preview"]
    # Each program right below its center: by the center's place, the center first.
    ordering = [
        Coalesce("parent__order", "order"),
        Coalesce("parent__name", "name"),
        "kind",
        "order",
        "name",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    NAME_PAIR,
                    "slug",
                    "kind",
                    "parent",
                    ("summary_en", "summary_fr"),
                    DESCRIPTION_PAIR,
                ]
            },
        ),
        (_("Image"), {"fields": ["image", "image_preview"]}),
        (_("People"), {"fields": ["heads"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["order", "active"]}),
    ]

    @admin.display(description=_("name"), ordering="name")
    def indented(self, obj):
        return format_html(
            '<span style="padding-left:{}em">{}</span>', 1.5 if obj.parent_id else 0, obj.name
        )

    image_thumbnail, image_preview = image_displays("image", _("image"))
