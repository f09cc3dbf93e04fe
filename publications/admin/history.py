"""The history of a publication in the admin: every saved version (publications/revisions.py)
with who, when and what; two of them compared side by side; an old one restored.

Restoring reverts the revision (content, authors, taxonomy, pinned relations) and saves it
through the change form; what `revisions.KEPT_ON_RESTORE` names stays as it is now (a restore
never publishes, unpublishes nor moves the URL); then `services.publication_restored` writes the
audit line, processes a PDF or cover the restore changed and recomputes the search vectors.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from publications import revisions, services


class PublicationHistoryAdminMixin:
    object_history_template = "admin/publications/publication/object_history.html"
    history_latest_first = True  # reversion's list of deleted publications to recover
    compare_template = "admin/publications/publication/compare.html"

    def get_urls(self):
        opts = self.opts
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{opts.app_label}_{opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        context = {
            "versions": revisions.versions_of(unquote(object_id)),
            "can_restore": obj is not None and self.has_change_permission(request, obj),
            **(extra_context or {}),
        }
        # Django's history view (its permission checks) showing our versions: reversion's list
        # carries no version ids to compare.
        return admin.ModelAdmin.history_view(self, request, object_id, context)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = revisions.versions_of(obj.pk)
        try:
            chosen = [versions.get(pk=int(request.GET[key])) for key in ("a", "b")]
        except (KeyError, ValueError, Version.DoesNotExist):
            messages.error(request, _("Choose two versions to compare."))
            return redirect("admin:publications_publication_history", obj.pk)
        older, newer = sorted(chosen, key=lambda version: version.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": _("Compare versions of “%(title)s”") % {"title": obj},
            "older": older,
            "newer": newer,
            "rows": (rows := revisions.compare_versions(older, newer)),
            "diff_rows": [
                (label, *(revisions.word_diff(left, right) if changed else (left, right)), changed)
                for label, left, right, changed in rows
            ],
            "can_restore": self.has_change_permission(request, obj),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.compare_template, context)

    def changelist_view(self, request, extra_context=None):
        # Reversion wraps the whole list in a revision (two SAVEPOINT queries per view); the
        # bulk actions open their own revision per publication instead. Its template offers
        # "Recover deleted publications" on `has_change_permission`.
        context = {"has_change_permission": self.has_recover_permission(request)}
        return admin.ModelAdmin.changelist_view(self, request, {**context, **(extra_context or {})})

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore an old version, keeping KEPT_ON_RESTORE as they are now."""
        current = self.get_object(request, unquote(object_id))
        if current is None:
            raise Http404
        # Reversion reverts the revision, then renders or saves the change form of the object
        # it reads back through get_object(), below, which puts the kept values back on it.
        request._publication_kept = {f: getattr(current, f) for f in revisions.KEPT_ON_RESTORE}
        files_before = (current.pdf.name, current.cover.name)
        response = super().revision_view(request, object_id, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            services.publication_restored(
                publication=current,
                user=request.user,
                version=Version.objects.get(pk=version_id),
                files_before=files_before,
            )
        return response

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        kept = getattr(request, "_publication_kept", None)
        if obj is not None and kept:
            for field, value in kept.items():
                setattr(obj, field, value)
        return obj
