"""What every admin of the site shares: its titles, text cleaned as it is typed in, image
previews, upload checks, side-by-side languages, a readable "Cannot delete" page, the old URLs
kept when a slug changes, the guard against lost edits on change forms, and the catalogue
version bumped by every save."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import NestedObjects, quote
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import ValidationError
from django.db import models, router
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import edit_conflicts
from .cache import catalogue_changed
from .files import StoredFilesAdminMixin
from .models import OldSlug
from .redirects import old_slug_record
from .storage import FileNotStored
from .text import clean_text
from .uploads import FileUploadField, ImageUploadField

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


class CatalogueChangeAdminMixin:
    """Every save and delete through this admin makes the anonymous page cache stale (after the
    commit) and tells the CDN purge hook. For models whose rows show on public pages: their
    names, descriptions and links appear on lists, landing pages and publications alike.

    `catalogue_change(objs)` is called before each save or delete: by default the change may
    show anywhere; the publications admin narrows the purge to the publications saved."""

    def catalogue_change(self, objs):
        catalogue_changed()

    def save_model(self, request, obj, form, change):
        # Before the save, so that the purge hook also learns the URLs the row had (a slug).
        self.catalogue_change([obj])
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        self.catalogue_change([obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self.catalogue_change(list(queryset))
        super().delete_queryset(request, queryset)


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
    """File and image fields get form fields that name the file in their errors (see
    uploads.py); URLs typed without a scheme get https:// (Django 6's default, chosen now).

    A file that cannot be written (a full disk: thinktank/storage.py) makes the whole save roll
    back, and the form comes back with the error on that file and everything else as typed."""

    formfield_overrides = {
        models.ImageField: {"form_class": ImageUploadField},
        models.FileField: {"form_class": FileUploadField},
        models.URLField: {"assume_scheme": "https"},
    }

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except FileNotStored as error:
            # The transaction of the failed save is rolled back and the storage removed the
            # partial file; the same request is shown again, its form refused on that file.
            request.file_not_stored = error
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        error = getattr(request, "file_not_stored", None)
        if error is None:
            return form_class

        class NotStoredForm(form_class):
            def clean(self):
                cleaned_data = super().clean()
                # A file the upload handler could not buffer is not in self.files at all.
                skipped = getattr(error, "field_name", None)
                for name, upload in self.files.items():
                    if name in self.fields and upload.name == error.upload_name:
                        self.add_error(name, file_not_stored_error(error))
                        break
                else:
                    field = skipped if skipped in self.fields else None
                    self.add_error(field, file_not_stored_error(error))
                return cleaned_data

        NotStoredForm.__name__ = form_class.__name__
        NotStoredForm.base_fields = form_class.base_fields
        return NotStoredForm


def file_not_stored_error(error):
    return ValidationError(
        _("“%(name)s” could not be stored: %(reason)s. Nothing was saved; please try again later."),
        code="file_not_stored",
        params={"name": error.upload_name, "reason": error.reason},
    )


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


class EditConflictMixin:
    """Optimistic concurrency on the change form (see edit_conflicts.py): a stale save is refused
    with a table of what changed, the editor's input kept. Put it first among the bases, so that
    the form it wraps is the one the other mixins built."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if not change or obj is None:
            return form_class
        model_admin = self

        class EditConflictForm(form_class):
            def clean(self):
                cleaned_data = super().clean()
                model_admin._edit_conflict_check(request, self)
                return cleaned_data

        EditConflictForm.__name__ = form_class.__name__
        # The metaclass made new fields for the subclass: keep those the other admins adjusted
        # (the statuses a role may give, for one).
        EditConflictForm.base_fields = form_class.base_fields
        return EditConflictForm

    def _stored_parts(self, request, obj):
        """The parts of `obj` as its change form would show them now."""
        form = self.get_form(request, obj, change=True, fields=None)(instance=obj)
        return edit_conflicts.stored_parts(form, self._guarded_formsets(request, obj))

    def _guarded_formsets(self, request, obj, formsets=None):
        """The formsets of the inlines this user may change, unbound on `obj` unless given (the
        prefixes are those of ModelAdmin._create_formsets, which numbers repeated ones)."""
        guarded, prefixes = [], {}
        for index, (formset_class, inline) in enumerate(
            self.get_formsets_with_inlines(request, obj)
        ):
            prefix = formset_class.get_default_prefix()
            prefixes[prefix] = prefixes.get(prefix, 0) + 1
            if prefixes[prefix] != 1 or not prefix:
                prefix = f"{prefix}-{prefixes[prefix]}"
            if not inline.has_change_permission(request, obj):
                continue
            if formsets is not None:
                guarded.append(formsets[index])
            else:
                guarded.append(
                    formset_class(
                        instance=obj, prefix=prefix, queryset=inline.get_queryset(request)
                    )
                )
        return guarded

    def _edit_conflict_check(self, request, form):
        """In the form's clean(): compare the stored values with the form's token; on a conflict
        add the error that keeps anything from being saved. Without a conflict, apply the
        "keep their value" choices the editor made after an earlier one."""
        token = request.POST.get(edit_conflicts.TOKEN_FIELD)
        if token is None:
            return  # not a form this admin rendered (a script): nothing to compare with
        obj = form.instance
        # Locked until the admin's transaction ends, so two saves cannot both pass the check.
        stored = self.model._default_manager.select_for_update().get(pk=obj.pk)
        try:
            conflict = edit_conflicts.find_conflict(obj, token, self._stored_parts(request, stored))
        except ValidationError as error:
            form.edit_conflict_token = edit_conflicts.make_token(
                stored, self._stored_parts(request, stored)
            )
            form.add_error(None, error)
            return
        if conflict is not None:
            conflict.editors = edit_conflicts.editors_since(stored, conflict.since)
            form.edit_conflict = conflict
            form.add_error(
                None,
                ValidationError(
                    _(
                        "Someone else saved this %(model)s after you opened it. Nothing was "
                        "saved; your input is still in the form. Compare the values below, "
                        "choose, and save again."
                    ),
                    code="edit_conflict",
                    params={"model": self.model._meta.verbose_name},
                ),
            )
            return
        kept = set(request.POST.getlist(edit_conflicts.KEEP_THEIRS_FIELD))
        if kept and hasattr(form, "cleaned_data"):
            for name in kept & set(form.cleaned_data):
                model_field = self.model._meta.get_field(name)
                value = getattr(stored, name)
                form.cleaned_data[name] = list(value.all()) if model_field.many_to_many else value
            # What the editor kept is not a change of theirs (save_model reads changed_data).
            form.__dict__["changed_data"] = [n for n in form.changed_data if n not in kept]

    def save_formset(self, request, form, formset, change):
        kept = request.POST.getlist(edit_conflicts.KEEP_THEIRS_FIELD)
        if change and edit_conflicts.INLINE + formset.prefix in kept:
            # The editor kept the rows another editor saved: nothing of this formset is written
            # (and the change message, which reads these, names none of its rows).
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            return
        super().save_formset(request, form, formset, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None:
            form = context["adminform"].form
            formsets = self._guarded_formsets(
                request, obj, [inline.formset for inline in context["inline_admin_formsets"]]
            )
            conflict = getattr(form, "edit_conflict", None)
            if conflict is not None:
                conflict.fill_yours(
                    edit_conflicts.submitted_parts(form, formsets),
                    kept=request.POST.getlist(edit_conflicts.KEEP_THEIRS_FIELD),
                )
                token = conflict.token
            elif hasattr(form, "edit_conflict_token"):
                token = form.edit_conflict_token
            elif form.is_bound and request.POST.get(edit_conflicts.TOKEN_FIELD):
                # Refused for another reason: the form still stands on the version it was
                # opened with, so a change saved meanwhile is still caught.
                token = request.POST[edit_conflicts.TOKEN_FIELD]
            else:
                token = edit_conflicts.make_token(obj, edit_conflicts.stored_parts(form, formsets))
            context.update(
                edit_token=token,
                edit_token_field=edit_conflicts.TOKEN_FIELD,
                edit_conflict=conflict,
                edit_keep_theirs_field=edit_conflicts.KEEP_THEIRS_FIELD,
            )
        return super().render_change_form(request, context, add, change, form_url, obj)


class PublicModelAdminMixin(
    EditConflictMixin, CatalogueChangeAdminMixin, StoredFilesAdminMixin, OldSlugAdminMixin
):
    """What the admin of every model shown on public pages shares, in the order it must run:
    the guard against lost edits first (it wraps the form the others built), then the
    catalogue version bumped by each save, then old slugs kept; text cleaned as it is typed.
    The publication admin lists these itself, its own mixins sitting between them."""

    form = CleanTextModelForm
