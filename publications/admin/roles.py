"""The editorial roles in the publication admin (the rules themselves are in permissions.py).

Contributors see and change only their own drafts; reviewers move items between draft and
review (and recover deleted ones they may change); editors publish, schedule, unpublish and
archive. Status and schedule change only through the workflow buttons of the change form
(workflow.py: offered by the user's permissions, and a forged button is refused by the form).
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from publications import permissions, services, workflow
from publications.body.editor import StructuredBodyFormMixin
from publications.pdf import active_content
from thinktank.admin import CleanTextModelForm
from thinktank.uploads import is_stored, rewind

# What a datetime-local input sends, read in the site's time zone (the active one).
SCHEDULE_INPUT = forms.DateTimeField(
    required=False, input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
)


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and self.user is not None:
            # A new item is its creator's draft (save_model records it); the workflow checks
            # (a contributor submits only their own drafts) see it so already.
            self.instance.created_by = self.user

    def clean(self):
        cleaned = super().clean()
        self.workflow_target = self._workflow_target()
        self._check_active_content(cleaned)
        return cleaned

    def _workflow_target(self):
        """(status, publish_at) after this save: those the pressed workflow button gives
        (workflow.py), if the user may; else the current ones, with the refusal as an error of
        the form. Status and schedule are not form fields: the buttons are the only way."""
        current = (self.instance.status, self.instance.publish_at)
        name = self.data.get(workflow.ACTION_FIELD)
        if not name:
            return current
        try:
            publish_at = None
            if name == "schedule":
                publish_at = SCHEDULE_INPUT.clean(self.data.get(workflow.PUBLISH_AT_FIELD))
            return workflow.requested_target(
                publication=self.instance, user=self.user, name=name, publish_at=publish_at
            )
        except ValidationError as error:
            self.add_error(None, error)
        except PermissionDenied as refusal:
            self.add_error(
                None, str(refusal) or _("You are not allowed to do this with this publication.")
            )
        return current

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
                status=self.workflow_target[0],
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
            fields += ["featured"]
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})
