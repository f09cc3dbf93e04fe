"""Staff editing of experts (authors): English and French title and biography side by side, photo
with preview, centers by autocomplete."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from publications.models import Author
from publications.search import search_index_refresh
from thinktank.admin import (
    BIO_PAIR,
    TITLE_PAIR,
    ProtectedByOwnerMixin,
    PublicModelAdminMixin,
    UploadValidationMixin,
    image_displays,
)


@admin.register(Author)
class AuthorAdmin(
    PublicModelAdminMixin, ProtectedByOwnerMixin, UploadValidationMixin, TranslationAdmin
):
    list_display = ["name", "title", "photo_thumbnail", "active", "email_public"]
    list_filter = ["active", "email_public", ("centers", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "sort_name", "slug", "title_en", "title_fr", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["centers"]
    readonly_fields = ["photo_preview"]
    fieldsets = [
        (
            None,
            {"fields": ["name", "slug", TITLE_PAIR, BIO_PAIR, "photo", "photo_preview", "centers"]},
        ),
        (_("Contact and links"), {"fields": ["orcid", "website", "email", "email_public"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["sort_name", "active"]}),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            # Author names are part of their publications' search vectors (emptied by a trigger).
            search_index_refresh()

    photo_thumbnail, photo_preview = image_displays("photo", _("photo"))
