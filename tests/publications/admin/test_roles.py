"""Each role can and cannot do exactly what the workflow says, through the admin's real forms
and bulk actions: contributors see and change only their own drafts, reviewers move items
between draft and review, editors publish, schedule and archive."""

import re

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from publications.models import Publication, ReviewComment
from tests.admin_forms import form_data
from tests.factories import AuthorFactory, PublicationFactory, RegionFactory

pytestmark = pytest.mark.django_db

Status = Publication.Status


def change_url(publication):
    return reverse("admin:publications_publication_change", args=[publication.pk])


def changelist_url():
    return reverse("admin:publications_publication_changelist")


def open_form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return form_data(response)


def save(client, url, **changes):
    data = open_form(client, url)
    data.update(changes)
    return client.post(url, data)


def workflow_buttons(client, url):
    """The values of the workflow buttons the page shows (workflow_control.html)."""
    page = client.get(url).content.decode()
    return re.findall(r'<button type="submit" name="_workflow" value="(\w+)"', page)


def run_action(client, action, *publications):
    return client.post(
        changelist_url(),
        {"action": action, "_selected_action": [str(p.pk) for p in publications]},
        follow=True,
    )


# --- Contributors ------------------------------------------------------------------------------


def test_contributor_creates_a_draft_that_is_theirs(client, contributor):
    client.force_login(contributor)
    add_url = reverse("admin:publications_publication_add")
    assert workflow_buttons(client, add_url) == ["submit"]
    author, region = AuthorFactory(), RegionFactory()
    response = save(
        client,
        add_url,
        title="A contributor's paper",
        slug="a-contributors-paper",
        regions=[str(region.pk)],
        **{
            "publication_authors-TOTAL_FORMS": "1",
            "publication_authors-0-author": str(author.pk),
            "publication_authors-0-role": "author",
            "publication_authors-0-position": "0",
        },
    )
    assert response.status_code == 302
    publication = Publication.objects.get(slug="a-contributors-paper")
    assert publication.created_by == contributor
    assert publication.status == Status.DRAFT
    assert list(publication.authors.all()) == [author]


def test_contributor_edits_own_draft(client, contributor):
    own = PublicationFactory(status=Status.DRAFT, created_by=contributor)
    client.force_login(contributor)
    response = save(client, change_url(own), title="Better title")
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.title == "Better title"


def test_contributor_cannot_publish_own_draft_through_the_form(client, contributor):
    own = PublicationFactory(status=Status.DRAFT, created_by=contributor)
    client.force_login(contributor)
    assert "publish" not in workflow_buttons(client, change_url(own))
    response = save(client, change_url(own), _workflow="publish", title="Forged")
    assert response.status_code == 200
    assert "You are not allowed to publish publications." in str(
        response.context["adminform"].form.non_field_errors()
    )
    own.refresh_from_db()
    assert (own.status, own.title) != (Status.PUBLISHED, "Forged")
    assert own.status == Status.DRAFT


def test_contributor_cannot_schedule(client, contributor):
    own = PublicationFactory(status=Status.DRAFT, created_by=contributor)
    client.force_login(contributor)
    data = open_form(client, change_url(own))
    assert "_workflow_publish_at" not in client.get(change_url(own)).content.decode()
    data.update({"_workflow": "schedule", "_workflow_publish_at": "2030-01-01T08:00"})
    client.post(change_url(own), data)
    own.refresh_from_db()
    assert own.publish_at is None


def test_contributor_sees_only_their_own_items(client, contributor):
    own = PublicationFactory(status=Status.DRAFT, created_by=contributor, title="Mine")
    other = PublicationFactory(status=Status.DRAFT, title="Someone else's")
    client.force_login(contributor)
    listed = list(client.get(changelist_url()).context["cl"].result_list)
    assert listed == [own]
    response = client.get(change_url(other))
    assert response.status_code == 302  # "doesn't exist", back to the index
    response = client.post(change_url(other), {"title": "Hijacked"})
    other.refresh_from_db()
    assert other.title == "Someone else's"


def test_contributor_cannot_change_own_published_item(client, contributor):
    published = PublicationFactory(status=Status.PUBLISHED, created_by=contributor, title="Out")
    client.force_login(contributor)
    page = client.get(change_url(published))
    assert page.status_code == 200  # read-only view
    assert not page.context["has_change_permission"]
    data = form_data(page)
    data.update(title="Changed after publication", status=Status.DRAFT)
    response = client.post(change_url(published), data)
    assert response.status_code == 403
    published.refresh_from_db()
    assert (published.title, published.status) == ("Out", Status.PUBLISHED)


def test_contributor_cannot_change_own_item_in_review(client, contributor):
    in_review = PublicationFactory(status=Status.REVIEW, created_by=contributor, title="Wait")
    client.force_login(contributor)
    data = form_data(client.get(change_url(in_review)))
    data.update(title="Sneaky edit")
    assert client.post(change_url(in_review), data).status_code == 403


@pytest.mark.parametrize("action", ["publish", "unpublish", "archive", "send_to_review"])
def test_contributor_has_no_status_actions(client, contributor, action):
    own = PublicationFactory(status=Status.DRAFT, created_by=contributor)
    client.force_login(contributor)
    action_form = client.get(changelist_url()).context["action_form"]
    actions = dict(action_form.fields["action"].choices) if action_form else {}
    assert action not in actions
    run_action(client, action, own)
    own.refresh_from_db()
    assert own.status == Status.DRAFT


def test_contributor_cannot_delete(client, contributor):
    own = PublicationFactory(status=Status.DRAFT, created_by=contributor)
    client.force_login(contributor)
    url = reverse("admin:publications_publication_delete", args=[own.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Publication.objects.filter(pk=own.pk).exists()


# --- Reviewers ---------------------------------------------------------------------------------


def test_reviewer_moves_a_draft_to_review_and_back_through_the_form(client, reviewer):
    draft = PublicationFactory(status=Status.DRAFT)
    client.force_login(reviewer)
    assert workflow_buttons(client, change_url(draft)) == ["submit"]
    assert save(client, change_url(draft), _workflow="submit").status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    assert workflow_buttons(client, change_url(draft)) == ["return_to_draft"]
    assert save(client, change_url(draft), _workflow="return_to_draft").status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    messages = list(
        LogEntry.objects.filter(object_id=str(draft.pk), user=reviewer)
        .order_by("pk")
        .values_list("change_message", flat=True)
    )
    assert "Sent to review" in messages
    assert "Returned to draft" in messages


def test_reviewer_moves_items_with_the_bulk_actions(client, reviewer):
    draft = PublicationFactory(status=Status.DRAFT)
    client.force_login(reviewer)
    run_action(client, "send_to_review", draft)
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    run_action(client, "return_to_draft", draft)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_reviewer_cannot_publish(client, reviewer):
    in_review = PublicationFactory(status=Status.REVIEW)
    client.force_login(reviewer)
    response = save(client, change_url(in_review), _workflow="publish")
    assert response.context["adminform"].form.non_field_errors()
    run_action(client, "publish", in_review)
    in_review.refresh_from_db()
    assert in_review.status == Status.REVIEW


def test_reviewer_comments_on_an_item_in_review(client, reviewer):
    in_review = PublicationFactory(status=Status.REVIEW)
    client.force_login(reviewer)
    response = save(
        client,
        change_url(in_review),
        **{
            "review_comments-TOTAL_FORMS": "1",
            "review_comments-0-text": "Please check the figures in section 2.",
        },
    )
    assert response.status_code == 302
    comment = ReviewComment.objects.get(publication=in_review)
    assert comment.author == reviewer
    assert comment.text == "Please check the figures in section 2."


def test_contributor_reads_comments_but_cannot_write_one(client, contributor, reviewer):
    own = PublicationFactory(status=Status.DRAFT, created_by=contributor)
    ReviewComment.objects.create(publication=own, author=reviewer, text="Tighten the summary.")
    client.force_login(contributor)
    page = client.get(change_url(own))
    assert "Tighten the summary." in page.content.decode()
    data = form_data(page)
    data.update({"review_comments-TOTAL_FORMS": "2", "review_comments-1-text": "Self-approved!"})
    client.post(change_url(own), data)
    assert ReviewComment.objects.filter(publication=own).count() == 1


def test_reviewer_cannot_change_a_published_item(client, reviewer):
    published = PublicationFactory(status=Status.PUBLISHED, title="Out")
    client.force_login(reviewer)
    data = form_data(client.get(change_url(published)))
    data.update(title="Edited")
    assert client.post(change_url(published), data).status_code == 403
    run_action(client, "unpublish", published)
    published.refresh_from_db()
    assert (published.title, published.status) == ("Out", Status.PUBLISHED)


# --- Editors -----------------------------------------------------------------------------------


def test_editor_publishes_through_the_form_and_the_log_says_so(client, editor):
    in_review = PublicationFactory(status=Status.REVIEW)
    client.force_login(editor)
    assert workflow_buttons(client, change_url(in_review)) == [
        "return_to_draft",
        "publish",
        "schedule",
    ]
    assert save(client, change_url(in_review), _workflow="publish").status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == Status.PUBLISHED
    assert LogEntry.objects.filter(
        object_id=str(in_review.pk), user=editor, change_message="Published"
    ).exists()


def test_editor_schedules_through_the_form(client, editor):
    draft = PublicationFactory(status=Status.DRAFT)
    client.force_login(editor)
    response = save(
        client,
        change_url(draft),
        _workflow="schedule",
        _workflow_publish_at="2031-03-01T08:00",
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_scheduled
    entry = LogEntry.objects.get(object_id=str(draft.pk), change_message__startswith="Scheduled")
    assert entry.user == editor
    assert "2031-03-01 08:00" in entry.change_message


def test_editor_edits_anyones_published_item(client, editor, contributor):
    published = PublicationFactory(status=Status.PUBLISHED, created_by=contributor)
    client.force_login(editor)
    assert save(client, change_url(published), title="Typo fixed").status_code == 302
    published.refresh_from_db()
    assert published.title == "Typo fixed"


@pytest.mark.parametrize(
    ("action", "before", "after", "message"),
    [
        ("publish", Status.REVIEW, Status.PUBLISHED, "Published"),
        ("unpublish", Status.PUBLISHED, Status.DRAFT, "Unpublished (now Draft)"),
        ("archive", Status.PUBLISHED, Status.ARCHIVED, "Archived"),
    ],
)
def test_editor_bulk_actions_write_the_audit_log(client, editor, action, before, after, message):
    publication = PublicationFactory(status=before)
    client.force_login(editor)
    run_action(client, action, publication)
    publication.refresh_from_db()
    assert publication.status == after
    entry = LogEntry.objects.get(object_id=str(publication.pk))
    assert (entry.user, entry.change_message) == (editor, message)


# --- The form itself ---------------------------------------------------------------------------


def test_form_refuses_a_schedule_from_a_reviewer_even_on_an_editors_form(rf, editor, reviewer):
    """The buttons are offered by permission; the form refuses a forged one all the same."""
    draft = PublicationFactory(status=Status.DRAFT)
    request = rf.get("/")
    request.user = editor
    form_class = admin.site._registry[Publication].get_form(request, draft, change=True)
    form_class.user = reviewer
    data = {"title": "T", "slug": draft.slug, "type": draft.type, "language": draft.language}
    data.update(published_on="2025-01-01", _workflow="schedule")
    data["_workflow_publish_at"] = "2031-03-01T08:00"
    form = form_class(data, instance=draft)
    assert not form.is_valid()
    assert form.non_field_errors() == ["You are not allowed to schedule publications."]
