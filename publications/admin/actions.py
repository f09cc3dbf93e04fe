"""The bulk status actions of the publication changelist, one row each in STATUS_ACTIONS.

Each action applies a status service to every selected publication not already in the target
status: the service checks the user's permission and writes the audit line; each change is a
revision of its own (the changelist opens none, see history.py). `permission` names the
ModelAdmin's `has_<permission>_permission` that decides who is offered the action.
"""

from collections.abc import Callable
from typing import NamedTuple

import reversion
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from publications import services
from publications.models import Publication

Status = Publication.Status


class StatusAction(NamedTuple):
    name: str
    label: str
    permission: str
    service: Callable
    status: str
    message: str  # an ngettext_lazy keyed on "count"
    only_from: str | None = None  # act only on the selected items in this status


STATUS_ACTIONS = [
    StatusAction(
        "publish",
        _("Publish selected publications"),
        "publish",
        services.publication_publish,
        Status.PUBLISHED,
        ngettext_lazy(
            "%(count)d publication was published.",
            "%(count)d publications were published.",
            "count",
        ),
    ),
    StatusAction(
        "unpublish",
        _("Unpublish selected publications (back to draft)"),
        "publish",
        services.publication_unpublish,
        Status.DRAFT,
        ngettext_lazy(
            "%(count)d publication was set back to draft.",
            "%(count)d publications were set back to draft.",
            "count",
        ),
    ),
    StatusAction(
        "archive",
        _("Archive selected publications"),
        "publish",
        services.publication_archive,
        Status.ARCHIVED,
        ngettext_lazy(
            "%(count)d publication was archived.",
            "%(count)d publications were archived.",
            "count",
        ),
    ),
    StatusAction(
        "send_to_review",
        _("Send selected drafts to review"),
        "review",
        services.publication_submit_for_review,
        Status.REVIEW,
        ngettext_lazy(
            "%(count)d publication was sent to review.",
            "%(count)d publications were sent to review.",
            "count",
        ),
        only_from=Status.DRAFT,
    ),
    StatusAction(
        "return_to_draft",
        _("Return selected items in review to draft"),
        "review",
        services.publication_return_to_draft,
        Status.DRAFT,
        ngettext_lazy(
            "%(count)d publication was returned to draft.",
            "%(count)d publications were returned to draft.",
            "count",
        ),
        only_from=Status.REVIEW,
    ),
]


def admin_action(row):
    """The admin action (named `row.name`) that carries out one row of STATUS_ACTIONS."""

    def action(modeladmin, request, queryset):
        if row.only_from:
            queryset = queryset.filter(status=row.only_from)
        changed = 0
        for publication in queryset.exclude(status=row.status):
            try:
                with reversion.create_revision():
                    reversion.set_user(request.user)
                    row.service(publication=publication, user=request.user)
                    reversion.set_comment(
                        _("Status: %(status)s") % {"status": publication.get_status_display()}
                    )
            except services.ActiveContentNotConfirmed as refusal:
                # Confirmed one by one on the change form, never in bulk.
                modeladmin.message_user(request, str(refusal), messages.WARNING)
                continue
            changed += 1
        modeladmin.message_user(request, row.message % {"count": changed}, messages.SUCCESS)

    action.__name__ = row.name
    return admin.action(description=row.label, permissions=[row.permission])(action)


ADMIN_ACTIONS = [admin_action(row) for row in STATUS_ACTIONS]
