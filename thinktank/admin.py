"""What every admin of the site shares: its titles, text cleaned as it is typed in, image
previews, upload checks, side-by-side languages, a readable "Cannot delete" page, and the old
URLs kept when a slug changes."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import NestedObjects, quote
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import models, router
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import OldSlug
from .redirects import old_slug_record
from .text import clean_text
from .uploads import ImageUploadField

# The admin carries the institute's name rather than "Django administration".
admin.site.site_header = settings.INSTITUTE_NAME
admin.site.site_title = settings.INSTITUTE_SHORT_NAME
admin.site.index_title = _("Editorial administration")

EMPTY = "—"
# English and French side by side: each pair on one row (TranslationAdmin, modeltranslation).
NAME_PAIR = ("name_en", "name_fr")
DESCRIPTION_PAIR = ("description_en", "description_fr")
TITLE_PAIR = ("title_en", "title_fr")
BIO_PAIR = ("bio_en", "bio_fr")


def image_preview(file, *, height=160):
    """A read-only <img> of an uploaded image, for change forms and lists."""
    if not file:
        return EMPTY
    return format_html(
        '<img src="{}" alt="" style="max-height:{}px;max-width:100%;">', file.url, height
    )


def image_displays(field_name, description):
    """(thumbnail, preview): admin displays of an image field, a small one for the changelist
    and a larger one for the change form."""

    @admin.display(description=description)
    def thumbnail(model_admin, obj):
        return image_preview(getattr(obj, field_name), height=40)

    @admin.display(description=_("preview"))
    def preview(model_admin, obj):
        return image_preview(getattr(obj, field_name))

    return thumbnail, preview


class CleanTextFormMixin:
    """Text typed or pasted into the form is stored in the site's normal form
    (`thinktank.text.clean_text`: NFC, one kind of line break, no control characters).

    The submitted value of every text field (a `forms.CharField`, slugs, URLs and e-mail
    addresses included) is cleaned before the form validates it, so length limits and
    validators judge what will be stored, and a form shown again with errors shows it. A
    `Textarea` keeps its line breaks; a one-line field gets spaces instead."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = self._cleaned_submission()

    def _cleaned_submission(self):
        data = self.data.copy()
        for name, field in self.fields.items():
            if not isinstance(field, forms.CharField) or field.disabled:
                continue
            key = self.add_prefix(name)
            multiline = isinstance(field.widget, forms.Textarea)
            if hasattr(data, "setlist"):  # a QueryDict, as a request gives
                values = data.getlist(key)
                if values:
                    data.setlist(key, [clean_text(v, multiline=multiline) for v in values])
            elif isinstance(data.get(key), str):
                data[key] = clean_text(data[key], multiline=multiline)
        return data


class CleanTextModelForm(CleanTextFormMixin, forms.ModelForm):
    """The base form of every admin change form and inline of the site (`form = ...`)."""


class UploadValidationMixin:
    """Image fields get a form field that names the file in its errors (see uploads.py); URLs
    typed without a scheme get https:// (Django 6's default, chosen now)."""

    formfield_overrides = {
        models.ImageField: {"form_class": ImageUploadField},
        models.URLField: {"assume_scheme": "https"},
    }


class ProtectedByOwnerMixin:
    """On the "Cannot delete" page, show each protecting row as the object staff know it by.

    Django lists the protecting rows themselves; a row of a model without an admin (a link
    table, such as a publication's regions) says nothing to staff ("Publication region: 12 –
    3"), so it is shown as the object it belongs to, linked to its change form.
    """

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if not protected:
            return deleted, counts, perms_needed, protected
        collector = NestedObjects(using=router.db_for_write(self.model))
        collector.collect(objs)
        shown = []
        for row in collector.protected:
            link = self._admin_link(self._owner(row))
            if link not in shown:
                shown.append(link)
        return deleted, counts, perms_needed, shown

    def _owner(self, row):
        registry = self.admin_site._registry
        if type(row) in registry:
            return row
        for field in row._meta.concrete_fields:
            target = field.related_model
            if field.is_relation and target in registry and target is not self.model:
                return getattr(row, field.name)
        return row

    @staticmethod
    def _admin_link(obj):
        opts = obj._meta
        label = capfirst(opts.verbose_name)
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)])
        except NoReverseMatch:
            return format_html("{}: {}", label, obj)
        return format_html('{}: <a href="{}">{}</a>', label, url, obj)


class OldSlugInline(GenericTabularInline):
    """Read-only: old URLs are recorded when staff change the slug, never typed in. Seen by
    whoever may see the object itself."""

    model = OldSlug
    fields = ["old_slug", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("old URLs (they redirect here)")

    def has_view_permission(self, request, obj=None):
        opts = self.parent_model._meta
        return any(
            request.user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
            for action in ("view", "change")
        )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OldSlugAdminMixin:
    """For every model whose slug is in public URLs: a changed slug is kept as an old one, so
    its URLs answer 301 to the new ones (thinktank/redirects.py), and the change form lists
    the old ones."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:
            old_slug_record(obj=obj, old_slug=form.initial.get("slug", ""))

    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        return [*inlines, OldSlugInline] if obj is not None else inlines
