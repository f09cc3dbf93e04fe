"""The bulk status actions of the publication changelist: who is offered which, what each
changes, the message, the audit line and the revision each change leaves."""

import pytest
from django.contrib.admin.models import LogEntry
from reversion.models import Version

from publications.models import Publication
from tests.admin_forms import admin_url
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

Status = Publication.Status


def run_action(client, action, *publications):
    """Run `action` on `publications`; the messages shown after it."""
    response = client.post(
        admin_url(Publication, "changelist"),
        {"action": action, "_selected_action": [str(p.pk) for p in publications]},
        follow=True,
    )
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def offered_actions(client):
    action_form = client.get(admin_url(Publication, "changelist")).context["action_form"]
    return {name for name, _label in action_form.fields["action"].choices if name}


@pytest.mark.parametrize(
    ("role", "offered"),
    [
        ("reviewer", {"send_to_review", "return_to_draft"}),
        ("editor", {"publish", "unpublish", "archive", "send_to_review", "return_to_draft"}),
    ],
)
def test_each_role_is_offered_its_status_actions(client, request, role, offered):
    client.force_login(request.getfixturevalue(role))
    PublicationFactory()
    assert offered_actions(client) - {"delete_selected"} == offered


@pytest.mark.parametrize(
    ("action", "before", "after", "message", "audit"),
    [
        ("publish", Status.REVIEW, Status.PUBLISHED, "were published.", "Published"),
        (
            "unpublish",
            Status.PUBLISHED,
            Status.DRAFT,
            "were set back to draft.",
            "Unpublished (now Draft)",
        ),
        ("archive", Status.PUBLISHED, Status.ARCHIVED, "were archived.", "Archived"),
        ("send_to_review", Status.DRAFT, Status.REVIEW, "were sent to review.", "Sent to review"),
        (
            "return_to_draft",
            Status.REVIEW,
            Status.DRAFT,
            "were returned to draft.",
            "Returned to draft",
        ),
    ],
)
def test_status_action_changes_the_chosen_items_with_audit_line_and_revision(
    client, editor, action, before, after, message, audit
):
    client.force_login(editor)
    chosen = PublicationFactory.create_batch(2, status=before)
    untouched = PublicationFactory(status=before)

    assert run_action(client, action, *chosen) == [f"2 publications {message}"]

    for publication in chosen:
        publication.refresh_from_db()
        assert publication.status == after
        entry = LogEntry.objects.get(object_id=str(publication.pk))
        assert (entry.user, entry.change_message) == (editor, audit)
        [version] = Version.objects.get_for_object(publication)
        assert version.revision.user == editor
        assert version.revision.get_comment() == f"Status: {publication.get_status_display()}"
    untouched.refresh_from_db()
    assert untouched.status == before
    assert not Version.objects.get_for_object(untouched).exists()


def test_action_skips_items_already_in_that_status(client, editor):
    client.force_login(editor)
    published = PublicationFactory(status=Status.PUBLISHED)
    assert run_action(client, "publish", published) == ["0 publications were published."]
    assert not LogEntry.objects.exists()
    assert not Version.objects.get_for_object(published).exists()


@pytest.mark.parametrize(
    ("action", "acted_on", "left_alone", "message"),
    [
        ("send_to_review", Status.DRAFT, Status.PUBLISHED, "1 publication was sent to review."),
        ("return_to_draft", Status.REVIEW, Status.ARCHIVED, "1 publication was returned to draft."),
    ],
)
def test_review_actions_act_only_on_items_in_their_starting_status(
    client, reviewer, action, acted_on, left_alone, message
):
    client.force_login(reviewer)
    selected = PublicationFactory(status=acted_on)
    other = PublicationFactory(status=left_alone)
    assert run_action(client, action, selected, other) == [message]
    other.refresh_from_db()
    assert other.status == left_alone
