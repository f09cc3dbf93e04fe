"""The editorial roles in the publication admin (the rules themselves are in permissions.py).

Contributors see and change only their own drafts; reviewers move items between draft and
review (and recover deleted ones they may change); editors publish, schedule, unpublish and
archive. The status field offers only the
statuses the user may give, the schedule is read-only to those who may not schedule, and the
form still refuses a status or a schedule the user may not give, on that field.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from publications import permissions, services
from publications.body.editor import StructuredBodyFormMixin
from publications.pdf import active_content
from thinktank.admin import CleanTextModelForm
from thinktank.uploads import is_stored, rewind


class PublicationAdminForm(StructuredBodyFormMixin, CleanTextModelForm):
    user = None  # set by PublicationRolesMixin.get_form()
    publish_with_active_content = forms.BooleanField(
        label=_("Publish even with active content"),
        required=False,
        help_text=_(
            "Needed to publish a PDF that runs JavaScript, launches programs, embeds files or "
            "acts when opened (listed above): tick it once you have checked the PDF."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        self._check_active_content(cleaned)
        # The service decides; it is asked twice (the schedule alone, the status alone) so that
        # each refusal lands on its own field.
        before_status, before_publish_at = self.instance.status, self.instance.publish_at
        checks = [
            (
                "publish_at",
                before_status,
                cleaned.get("publish_at", before_publish_at),
                _("Only editors schedule publications."),
            ),
            (
                "status",
                cleaned.get("status", before_status),
                before_publish_at,
                _("You are not allowed to give this status."),
            ),
        ]
        for field, status, publish_at, message in checks:
            try:
                services.publication_check_transition(
                    publication=self.instance, user=self.user, status=status, publish_at=publish_at
                )
            except PermissionDenied:
                self.add_error(field if field in self.fields else None, message)
        return cleaned

    def _check_active_content(self, cleaned):
        """Publishing, or replacing the PDF of a published item, with a PDF that has active
        content needs the box ticked (the service checks it again when the status changes)."""
        upload = cleaned.get("pdf")
        findings = None
        if "pdf" in self.changed_data and upload and not is_stored(upload):
            rewind(upload)
            findings = active_content.active_content(upload.read())
            rewind(upload)
        try:
            services.publication_check_active_content(
                publication=self.instance,
                status=cleaned.get("status", self.instance.status),
                findings=findings,
                confirmed=cleaned.get("publish_with_active_content", False),
            )
        except services.ActiveContentNotConfirmed as refusal:
            field = "publish_with_active_content"
            self.add_error(
                field if field in self.fields else None,
                _(
                    "The PDF has active content: %(findings)s. Tick this box to publish it "
                    "anyway, or upload a PDF without it."
                )
                % {"findings": active_content.describe(refusal.findings)},
            )


class PublicationRolesMixin:
    form = PublicationAdminForm

    def get_queryset(self, request):
        return permissions.visible_publications(request.user, super().get_queryset(request))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_change(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_change(request, obj)

    @staticmethod
    def _may_change(request, obj):
        return obj is None or permissions.can_change(request.user, obj)

    # Reversion's recovery of deleted publications lists every deleted one, and keeps what it
    # recovered whenever the change form answers with a redirect, as the form does for a
    # publication the user may not see ("doesn't exist"). So only those who see every
    # publication recover one; the change form then checks that they may change it.
    def has_recover_permission(self, request):
        return permissions.sees_all(request.user) and self.has_change_permission(request)

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    # The `permissions` of the bulk actions (actions.py).
    def has_publish_permission(self, request):
        return permissions.can_publish(request.user)

    def has_review_permission(self, request):
        return permissions.can_review(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not permissions.can_publish(request.user):
            fields += ["publish_at", "featured"]
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form = type(form.__name__, (form,), {"user": request.user})
        status = form.base_fields.get("status")
        if status is not None:
            allowed = services.publication_allowed_statuses(publication=obj, user=request.user)
            status.choices = [choice for choice in status.choices if choice[0] in allowed]
        return form
