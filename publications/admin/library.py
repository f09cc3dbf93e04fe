"""The media library in the admin: upload an image with its alt text, caption and credit, find
it again, and copy the figure to paste into a body. Seen only by staff with the library's
permissions (`publications.view_bodyimage` and the others; given to the editorial groups by
migration)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.translation import gettext_lazy as _

from publications import services
from publications.models import BodyImage, Publication
from thinktank.admin import (
    CleanTextModelForm,
    EditConflictMixin,
    UploadValidationMixin,
    image_displays,
)


@admin.register(BodyImage)
class BodyImageAdmin(EditConflictMixin, UploadValidationMixin, admin.ModelAdmin):
    """Not PublicModelAdminMixin: a library image has no slug (no old URLs), its file never
    changes after the upload (nothing to release on save), and saving its texts changes no
    public page (bodies hold a copy of the figure), so the catalogue version is left alone."""

    form = CleanTextModelForm
    formfield_overrides = {
        **UploadValidationMixin.formfield_overrides,
        # Alt texts and captions are sentences: a wide field shows them whole.
        models.CharField: {"widget": forms.TextInput(attrs={"class": "vLargeTextField"})},
    }
    list_display = ["image_thumbnail", "alt_text", "caption", "credit", "uploaded_at"]
    list_display_links = ["image_thumbnail", "alt_text"]
    search_fields = ["alt_text", "caption", "credit"]
    date_hierarchy = "uploaded_at"
    readonly_fields = [
        "image_preview",
        "figure_to_paste",
        "image_url",
        "uploaded_by",
        "uploaded_at",
    ]

    image_thumbnail, image_preview = image_displays("image", _("image"))

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["image", "alt_text", "caption", "credit"]
        return [
            "image_preview",
            "alt_text",
            "caption",
            "credit",
            "figure_to_paste",
            "image_url",
            ("uploaded_by", "uploaded_at"),
        ]

    def get_readonly_fields(self, request, obj=None):
        # The file is out of every change form, also the one the edit-conflict guard rebuilds
        # with all fields: it never changes (bodies hold its URL).
        readonly = super().get_readonly_fields(request, obj)
        return [*readonly, "image"] if obj is not None else readonly

    @admin.display(description=_("Use in a body"))
    def figure_to_paste(self, obj):
        return format_html(
            '<textarea readonly rows="3" cols="80" aria-label="{}">{}</textarea>'
            '<p class="help" style="margin-left:0">{}</p>',
            _("Figure HTML to paste"),
            escape(obj.figure_html()),  # shown as text, whatever the HTML holds
            _(
                "Paste it in the editor's HTML source view, or use “Insert Figure” with the "
                "URL, alt text and caption below (see the README)."
            ),
        )

    @admin.display(description=_("URL"))
    def image_url(self, obj):
        return format_html('<a href="{0}">{0}</a>', obj.url)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def get_deleted_objects(self, objs, request):
        """Bodies that still show an image protect it, as a foreign key would: the delete page
        and the bulk action list them (linked) and delete nothing."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = list(protected)
        for image in objs:
            for publication in Publication.objects.showing_media(image.image.name).only(
                "pk", "title"
            ):
                protected.append(
                    format_html(
                        '{}: <a href="{}">{}</a>',
                        _("Shown in the body of"),
                        reverse("admin:publications_publication_change", args=[publication.pk]),
                        publication.title,
                    )
                )
        return deleted, counts, perms_needed, protected

    def delete_model(self, request, obj):
        try:
            services.body_image_delete(image=obj)
        except ValidationError as error:  # shown since the delete page was drawn
            messages.error(request, " ".join(error.messages))

    def delete_queryset(self, request, queryset):
        for image in queryset:
            self.delete_model(request, image)
