"""The editorial workflow as staff see it: a publication's state (the badge on the change form
and the changelist) and the transitions a user is offered (the change form's buttons).

Who may make a transition is decided in one place, `services.publication_check_transition`
(on the roles of permissions.py); a transition is offered when that check passes, and applied
through `services.publication_set_status`, which checks again. So a button that is not shown
cannot be forged into a POST either.

States: draft, review, scheduled (published with a `publish_at` still ahead), published,
archived.
"""

import datetime
from typing import NamedTuple

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Publication
from .querysets import is_waiting, public_from

Status = Publication.Status

#: The name of the change form's workflow buttons (their value: a transition's name) and of the
#: "Schedule for" date-time input.
ACTION_FIELD = "_workflow"
PUBLISH_AT_FIELD = "_workflow_publish_at"


class State(NamedTuple):
    key: str  # draft, review, scheduled, published, archived: a CSS class and a filter value
    label: str


STATE_LABELS = {
    "draft": _("Draft"),
    "review": _("In review"),
    "scheduled": _("Scheduled"),
    "published": _("Published"),
    "archived": _("Archived"),
}


def state_key(publication) -> str:
    if is_waiting(publication):
        return "scheduled"
    return publication.status


def state_of(publication) -> State:
    """The state of `publication` as one badge: "Scheduled for 3 March 08:00" (the site's time
    zone) for a published item that is not public yet (a `publish_at` or a publication date
    ahead: the same rule as `Publication.objects.published()`)."""
    key = state_key(publication)
    if key == "scheduled":
        when = timezone.localtime(public_from(publication))
        year = "" if when.year == timezone.localdate().year else f" {when.year}"
        label = _("Scheduled for %(when)s") % {
            "when": f"{date_format(when, 'j F')}{year} {when:%H:%M}"
        }
        return State(key, label)
    return State(key, str(STATE_LABELS[key]))


class Transition(NamedTuple):
    name: str
    label: str
    from_states: tuple[str, ...]
    status: str
    # The publish_at it gives: None clears the schedule, UNCHANGED keeps it, "given" takes the
    # time typed in the "Schedule for" input.
    publish_at: object
    primary: bool = False


GIVEN = "given"
UNCHANGED = services.UNCHANGED

TRANSITIONS = [
    Transition(
        "submit", _("Submit for review"), ("draft",), Status.REVIEW, UNCHANGED, primary=True
    ),
    Transition("return_to_draft", _("Return to draft"), ("review",), Status.DRAFT, UNCHANGED),
    Transition(
        "publish",
        _("Publish now"),
        ("draft", "review", "scheduled", "archived"),
        Status.PUBLISHED,
        None,
        primary=True,
    ),
    Transition(
        "schedule", _("Schedule"), ("draft", "review", "scheduled"), Status.PUBLISHED, GIVEN
    ),
    Transition(
        "unpublish", _("Unpublish (back to draft)"), ("scheduled", "published"), Status.DRAFT, None
    ),
    Transition("archive", _("Archive"), ("published",), Status.ARCHIVED, UNCHANGED),
]
BY_NAME = {transition.name: transition for transition in TRANSITIONS}


def _target(transition, publication, publish_at):
    if transition.publish_at is UNCHANGED:
        return transition.status, publication.publish_at
    if transition.publish_at == GIVEN:
        return transition.status, publish_at
    return transition.status, transition.publish_at


def _allowed(transition, publication, user, publish_at):
    status, publish_at = _target(transition, publication, publish_at)
    try:
        services.publication_check_transition(
            publication=publication, user=user, status=status, publish_at=publish_at
        )
    except PermissionDenied:
        return False
    return True


def transitions_for(publication, user) -> list[Transition]:
    """The transitions `user` may make from `publication`'s state (as saved), in button order.
    `publication` may be unsaved (a new draft)."""
    key = state_key(publication)
    # Scheduling is checked with some time ahead that differs from the current schedule.
    some_time = timezone.now() + datetime.timedelta(days=365)
    return [
        transition
        for transition in TRANSITIONS
        if key in transition.from_states and _allowed(transition, publication, user, some_time)
    ]


def requested_target(*, publication, user, name, publish_at=None):
    """(status, publish_at) that the transition `name` gives `publication`, if `user` may make
    it now. `publish_at`: the aware datetime typed for "schedule". Raises PermissionDenied for a
    transition not offered to `user` in this state (whatever the POST says), ValidationError for
    a missing or past schedule."""
    transition = BY_NAME.get(name)
    if transition is None or state_key(publication) not in transition.from_states:
        raise PermissionDenied(_("This action is not available for this publication now."))
    if transition.publish_at == GIVEN:
        if publish_at is None:
            raise ValidationError(_("Give the date and time to publish at."))
        if publish_at <= timezone.now():
            raise ValidationError(_("Give a date and time in the future."))
    status, publish_at = _target(transition, publication, publish_at)
    services.publication_check_transition(
        publication=publication, user=user, status=status, publish_at=publish_at
    )
    return status, publish_at
