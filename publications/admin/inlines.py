"""The rows edited on a publication's change form: its ordered authors, pinned relations and
review comments (its old URLs: thinktank.admin.OldSlugInline)."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from publications import permissions
from publications.models import PinnedRelation, PublicationAuthor, ReviewComment
from thinktank.admin import CleanTextModelForm


class PublicationPartInline(admin.TabularInline):
    """Rows that belong to a publication (its authors, pinned relations, old URLs): editing them
    is editing the publication, so they follow its permissions, as Django does for the
    auto-created through models. Staff in "Editors" need no permission on these models.
    Whether this publication may be changed by this user is the workflow's answer (a contributor
    changes only their own drafts)."""

    form = CleanTextModelForm

    def _can_change(self, request, obj):
        if obj is None:
            return request.user.has_perm("publications.change_publication")
        return permissions.can_change(request.user, obj)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("publications.view_publication") or self._can_change(
            request, None
        )

    def has_add_permission(self, request, obj=None):
        return self._can_change(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._can_change(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._can_change(request, obj)


# The position a new row without one gets: after every existing row (then renumbered 0..n-1 by
# services.publication_authors_renumber).
APPEND = 32_000


class AppendingFormSet(forms.BaseInlineFormSet):
    """New rows whose position is left empty go after the existing ones, in the order of the
    form; a position typed (or set by dragging, positions.js) is kept."""

    def save_new(self, form, commit=True):
        if form.instance.position is None:
            form.instance.position = APPEND + form.prefix_index
        return super().save_new(form, commit)

    def save_existing(self, form, obj, commit=True):
        if obj.position is None:
            obj.position = APPEND + form.prefix_index
        return super().save_existing(form, obj, commit)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.prefix_index = i
        return form


class PublicationAuthorInline(PublicationPartInline):
    """Authors in their order: dragged by the handle, or moved with the up/down buttons (both
    from static/js/positions.js, which numbers the position fields); without JavaScript the
    position is typed. A new row is appended after the existing ones."""

    model = PublicationAuthor
    formset = AppendingFormSet
    fields = ["author", "role", "position"]
    autocomplete_fields = ["author"]
    ordering = ["position", "pk"]
    extra = 1
    classes = ["sortable-rows"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "position":
            field.required, field.initial = False, None
            field.help_text = _("Empty: after the others.")
            field.widget.attrs.update({"class": "position-input", "style": "width:4em"})
        if db_field.name in ("position", "role"):
            # A tabular row's inputs have only the column heading; name them for screen readers.
            field.widget.attrs["aria-label"] = db_field.verbose_name.capitalize()
        return field


class PinnedRelationInline(PublicationPartInline):
    model = PinnedRelation
    fk_name = "from_publication"
    fields = ["to_publication", "position"]
    autocomplete_fields = ["to_publication"]
    ordering = ["position", "pk"]
    extra = 0


class ReviewCommentInline(admin.StackedInline):
    """Reviewers' and editors' notes; a comment once written is not edited. Shown on existing
    publications only (see PublicationAdmin.get_inline_instances)."""

    model = ReviewComment
    form = CleanTextModelForm
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    extra = 0
    can_delete = False
    verbose_name_plural = _("review comments")
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3})}}

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
