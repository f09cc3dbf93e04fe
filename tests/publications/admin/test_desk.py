"""The editors' desk in the publication admin: one workflow control (a state badge and the
buttons the user's permissions allow), state badges and a state filter on the changelist,
authors kept in the order staff give them, the PDF's original name, and a form without
duplicated notes or empty charts."""

import datetime
import re
import zoneinfo

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from publications.models import DownloadDay, Publication, PublicationAuthor
from tests.admin_forms import admin_url, form_data, form_errors
from tests.factories import AuthorFactory, PublicationFactory, make_pdf_bytes

pytestmark = pytest.mark.django_db

Status = Publication.Status
PARIS = zoneinfo.ZoneInfo("Europe/Paris")  # TIME_ZONE


def change_url(publication):
    return admin_url(Publication, "change", publication.pk)


def buttons(page):
    """The workflow buttons a page offers, by value."""
    html = page.content.decode()
    return re.findall(r'<button type="submit" name="_workflow" value="(\w+)"', html)


def badge(html):
    found = re.findall(r'<span class="state-badge state-(\w+)">([^<]*)</span>', html)
    return found[0] if len(found) == 1 else found


def press(client, publication, button, **changes):
    """Open the change form, change some fields, press a workflow button."""
    data = form_data(client.get(change_url(publication)))
    data.update(changes, _workflow=button)
    return client.post(change_url(publication), data)


def next_year():
    return timezone.localdate().year + 1


# --- What each role is offered, and what a forged button gets ---------------------------------


def test_contributor_is_offered_only_submit_and_a_forged_publish_is_refused(client, contributor):
    own = PublicationFactory(status=Status.DRAFT, created_by=contributor, title="Mine")
    client.force_login(contributor)
    page = client.get(change_url(own))
    assert buttons(page) == ["submit"]
    assert badge(page.content.decode()) == ("draft", "Draft")
    for forged in ("publish", "archive", "unpublish", "schedule", "return_to_draft", "nonsense"):
        response = press(
            client, own, forged, title="Changed", _workflow_publish_at="2031-01-01T08:00"
        )
        assert response.status_code == 200, forged
        assert response.context["adminform"].form.non_field_errors(), forged
        own.refresh_from_db()
        assert (own.status, own.publish_at, own.title) == (Status.DRAFT, None, "Mine"), forged


def test_contributor_submits_their_own_draft_for_review(client, contributor):
    own = PublicationFactory(status=Status.DRAFT, created_by=contributor)
    client.force_login(contributor)
    response = press(client, own, "submit", title="Ready for review")
    assert response.status_code == 302, form_errors(response)
    assert response.url == change_url(own)  # back on the form, showing the new state
    own.refresh_from_db()
    assert (own.status, own.title) == (Status.REVIEW, "Ready for review")
    assert LogEntry.objects.filter(
        object_id=str(own.pk), user=contributor, change_message="Sent to review"
    ).exists()
    page = client.get(change_url(own))  # now read-only for them
    assert badge(page.content.decode()) == ("review", "In review")
    assert buttons(page) == []


def test_contributor_cannot_submit_someone_elses_draft_by_service(contributor):
    from publications import services

    other = PublicationFactory(status=Status.DRAFT)
    with pytest.raises(services.PermissionDenied):
        services.publication_submit_for_review(publication=other, user=contributor)


def test_reviewer_is_offered_review_moves_only(client, reviewer):
    draft = PublicationFactory(status=Status.DRAFT)
    client.force_login(reviewer)
    assert buttons(client.get(change_url(draft))) == ["submit"]
    assert press(client, draft, "publish").status_code == 200
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


@pytest.mark.parametrize(
    ("status", "publish_at", "offered"),
    [
        (Status.DRAFT, None, ["submit", "publish", "schedule"]),
        (Status.REVIEW, None, ["return_to_draft", "publish", "schedule"]),
        (Status.PUBLISHED, "future", ["publish", "schedule", "unpublish"]),
        (Status.PUBLISHED, None, ["unpublish", "archive"]),
        (Status.ARCHIVED, None, ["publish"]),
    ],
)
def test_editor_is_offered_the_transitions_of_each_state(
    client, editor, status, publish_at, offered
):
    if publish_at == "future":
        publish_at = timezone.now() + datetime.timedelta(days=3)
    publication = PublicationFactory(status=status, publish_at=publish_at)
    client.force_login(editor)
    assert buttons(client.get(change_url(publication))) == offered


def test_the_status_field_is_not_on_the_form(client, editor):
    publication = PublicationFactory(status=Status.DRAFT)
    client.force_login(editor)
    page = client.get(change_url(publication))
    form = page.context["adminform"].form
    assert "status" not in form.fields and "publish_at" not in form.fields
    data = form_data(page)
    data.update(status=Status.PUBLISHED)  # a field that no longer exists changes nothing
    assert client.post(change_url(publication), data).status_code == 302
    publication.refresh_from_db()
    assert publication.status == Status.DRAFT


def test_enter_in_a_field_saves_and_never_publishes(client, editor):
    """The browser's default button (Enter in a text field) is the first submit button of the
    form: it must be a plain save, not the workflow control's first button."""
    client.force_login(editor)
    html = client.get(change_url(PublicationFactory(status=Status.DRAFT))).content.decode()
    form = html[html.index('id="publication_form"') :]
    first = re.search(r"<(button|input)[^>]*type=\"submit\"[^>]*>", form).group(0)
    assert 'name="_save"' in first


# --- Scheduling, publishing, unpublishing -----------------------------------------------------


def test_scheduling_sets_publish_at_in_the_sites_time_zone_and_the_badge(client, editor):
    draft = PublicationFactory(status=Status.DRAFT, published_on=datetime.date(2024, 1, 1))
    client.force_login(editor)
    year = next_year()
    response = press(client, draft, "schedule", _workflow_publish_at=f"{year}-03-03T08:00")
    assert response.status_code == 302, form_errors(response)
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.publish_at == datetime.datetime(year, 3, 3, 8, 0, tzinfo=PARIS)
    assert not Publication.objects.published().filter(pk=draft.pk).exists()
    label = f"Scheduled for 3 March {year} 08:00"
    assert badge(client.get(change_url(draft)).content.decode()) == ("scheduled", label)
    changelist = client.get(admin_url(Publication, "changelist")).content.decode()
    assert f'<span class="state-badge state-scheduled">{label}</span>' in changelist


def test_a_schedule_this_year_is_shown_without_the_year(editor, settings):
    from publications import workflow

    now = timezone.localtime()
    soon = now + datetime.timedelta(hours=2)
    if soon.year != now.year:  # the last two hours of a year
        pytest.skip("no time left this year")
    publication = PublicationFactory(status=Status.PUBLISHED, publish_at=soon)
    label = workflow.state_of(publication).label
    assert label == f"Scheduled for {soon.day} {soon:%B %H:%M}"


def test_a_schedule_in_the_past_or_missing_is_refused(client, editor):
    draft = PublicationFactory(status=Status.DRAFT)
    client.force_login(editor)
    for value, message in [
        ("2001-01-01T08:00", "Give a date and time in the future."),
        ("", "Give the date and time to publish at."),
        ("next tuesday", "Enter a valid date/time."),
    ]:
        response = press(client, draft, "schedule", _workflow_publish_at=value)
        assert response.status_code == 200
        assert message in str(response.context["adminform"].form.non_field_errors())
        draft.refresh_from_db()
        assert (draft.status, draft.publish_at) == (Status.DRAFT, None)


def test_publish_now_clears_a_schedule_and_unpublish_goes_back_to_draft(client, editor):
    scheduled = PublicationFactory(
        status=Status.PUBLISHED, publish_at=timezone.now() + datetime.timedelta(days=5)
    )
    client.force_login(editor)
    assert press(client, scheduled, "publish").status_code == 302
    scheduled.refresh_from_db()
    assert (scheduled.status, scheduled.publish_at) == (Status.PUBLISHED, None)
    assert Publication.objects.published().filter(pk=scheduled.pk).exists()
    assert press(client, scheduled, "archive").status_code == 302
    scheduled.refresh_from_db()
    assert scheduled.status == Status.ARCHIVED
    assert press(client, scheduled, "publish").status_code == 302
    assert press(client, scheduled, "unpublish").status_code == 302
    scheduled.refresh_from_db()
    assert scheduled.status == Status.DRAFT
    messages = list(
        LogEntry.objects.filter(object_id=str(scheduled.pk))
        .order_by("pk")
        .values_list("change_message", flat=True)
    )
    assert "Published" in messages and "Archived" in messages
    assert "Unpublished (now Draft)" in messages


def test_a_workflow_button_on_the_add_form_saves_and_publishes(client, editor):
    client.force_login(editor)
    data = form_data(client.get(admin_url(Publication, "add")))
    data.update(title="Straight out", slug="straight-out", _workflow="publish")
    response = client.post(admin_url(Publication, "add"), data)
    assert response.status_code == 302, form_errors(response)
    publication = Publication.objects.get(slug="straight-out")
    assert publication.status == Status.PUBLISHED
    assert response.url == change_url(publication)


def test_a_stale_form_publishes_nothing(client, editor):
    """The edit-conflict guard still holds when a workflow button is pressed."""
    draft = PublicationFactory(status=Status.DRAFT, title="Before")
    client.force_login(editor)
    data = form_data(client.get(change_url(draft)))
    Publication.objects.filter(pk=draft.pk).update(title="Someone else's")
    data.update(_workflow="publish")
    response = client.post(change_url(draft), data)
    assert response.status_code == 200
    assert "Someone else saved this publication" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


# --- The changelist ---------------------------------------------------------------------------


def test_changelist_badges_and_state_filter(admin_client):
    future = timezone.now() + datetime.timedelta(days=10)
    rows = {
        "draft": PublicationFactory(title="A draft", status=Status.DRAFT),
        "review": PublicationFactory(title="Under review", status=Status.REVIEW),
        "scheduled": PublicationFactory(title="Coming", publish_at=future),
        "dated": PublicationFactory(
            title="Dated later", published_on=timezone.localdate() + datetime.timedelta(days=3)
        ),
        "published": PublicationFactory(title="Out now"),
        "archived": PublicationFactory(title="Old", status=Status.ARCHIVED),
    }
    html = admin_client.get(admin_url(Publication, "changelist")).content.decode()
    badges = re.findall(r'<span class="state-badge state-(\w+)">', html)
    assert sorted(badges) == sorted(
        ["draft", "review", "scheduled", "scheduled", "published", "archived"]
    )
    # The full title stays available on a clamped one.
    assert '<span class="publication-title" title="Under review">Under review</span>' in html

    def listed(state):
        response = admin_client.get(admin_url(Publication, "changelist"), {"state": state})
        return {p.title for p in response.context["cl"].result_list}

    assert listed("scheduled") == {"Coming", "Dated later"}
    assert listed("published") == {"Out now"}
    assert listed("draft") == {"A draft"}
    assert listed("review") == {"Under review"}
    assert listed("archived") == {"Old"}
    assert rows  # all created


# --- Authors in order -------------------------------------------------------------------------


def author_rows(data, rows, initial=0):
    data["publication_authors-TOTAL_FORMS"] = str(initial + len(rows))
    for i, (author, position) in enumerate(rows, start=initial):
        data[f"publication_authors-{i}-author"] = str(author.pk)
        data[f"publication_authors-{i}-role"] = "author"
        data[f"publication_authors-{i}-position"] = position
    return data


def saved_order(publication):
    return list(
        PublicationAuthor.objects.filter(publication=publication)
        .order_by("position")
        .values_list("author__name", "position")
    )


def test_two_authors_added_together_keep_the_forms_order(client, editor):
    client.force_login(editor)
    first, second = AuthorFactory(name="First"), AuthorFactory(name="Second")
    data = form_data(client.get(admin_url(Publication, "add")))
    data.update(title="Two authors", slug="two-authors")
    # Positions left empty, as a browser without JavaScript sends them.
    author_rows(data, [(first, ""), (second, "")])
    response = client.post(admin_url(Publication, "add"), data)
    assert response.status_code == 302, form_errors(response)
    publication = Publication.objects.get(slug="two-authors")
    assert saved_order(publication) == [("First", 0), ("Second", 1)]


def test_a_new_author_is_appended_after_the_existing_ones(client, editor):
    client.force_login(editor)
    publication = PublicationFactory(authors=[AuthorFactory(name="A"), AuthorFactory(name="B")])
    data = form_data(client.get(change_url(publication)))
    author_rows(data, [(AuthorFactory(name="C"), "")], initial=2)
    response = client.post(change_url(publication), data)
    assert response.status_code == 302, form_errors(response)
    assert saved_order(publication) == [("A", 0), ("B", 1), ("C", 2)]


def test_typed_positions_are_kept_and_renumbered(client, editor):
    client.force_login(editor)
    publication = PublicationFactory(authors=[AuthorFactory(name="A"), AuthorFactory(name="B")])
    data = form_data(client.get(change_url(publication)))
    data["publication_authors-0-position"] = "7"  # A after B, and a gap
    data["publication_authors-1-position"] = "3"
    author_rows(data, [(AuthorFactory(name="New first"), "0")], initial=2)
    response = client.post(change_url(publication), data)
    assert response.status_code == 302, form_errors(response)
    assert saved_order(publication) == [("New first", 0), ("B", 1), ("A", 2)]


def test_the_authors_inline_comes_right_after_the_first_fieldset(admin_client):
    html = admin_client.get(admin_url(Publication, "add")).content.decode()
    title, authors, summary = (
        html.index('name="title"'),
        html.index('id="publication_authors-group"'),
        html.index('name="summary"'),
    )
    assert title < authors < summary
    assert html.count('id="publication_authors-group"') == 1
    assert "js/positions.js" in html  # the drag and up/down script, served by the app


# --- The uploaded PDF -------------------------------------------------------------------------


def test_the_pdfs_original_name_is_kept_and_shown_and_the_download_keeps_the_slug(
    client, editor, storage
):
    draft = PublicationFactory(slug="energy-brief", status=Status.DRAFT)
    client.force_login(editor)
    data = form_data(client.get(change_url(draft)))
    upload = SimpleUploadedFile(
        "Rapport  été 2026 (final).pdf", make_pdf_bytes(pages=3), content_type="application/pdf"
    )
    data.update(pdf=upload, _workflow="publish")
    response = client.post(change_url(draft), data)
    assert response.status_code == 302, form_errors(response)
    draft.refresh_from_db()
    assert draft.pdf_original_name == "Rapport été 2026 (final).pdf"
    assert "Rapport été 2026 (final)" not in draft.pdf.name  # stored under a generated name
    assert draft.pages == 3
    assert "Rapport été 2026 (final).pdf" in client.get(change_url(draft)).content.decode()
    # The contract's download name stays <slug>.pdf.
    pdf = client.get(draft.get_pdf_url())
    assert 'filename="energy-brief.pdf"' in pdf["Content-Disposition"]
    # The reader's page gives the page count and the size.
    detail = client.get(draft.get_absolute_url()).content.decode()
    assert re.search(r"PDF · [\d.,]+\s(KB|bytes) · 3 pages", detail.replace("\xa0", " "))


# --- No noise on the form ---------------------------------------------------------------------


def test_one_date_or_time_widget_so_one_time_zone_note(admin_client):
    """Django's calendar script adds "Note: You are N hours behind server time" under each
    date/time input; the form had two (publication date and the schedule). The schedule is now
    the workflow control's own input, in the site's time zone, and says so."""
    draft = PublicationFactory(status=Status.DRAFT)
    for url in (admin_url(Publication, "add"), change_url(draft)):
        html = admin_client.get(url).content.decode()
        widgets = re.findall(r'class="[^"]*\bv(Date|Time)Field\b', html)
        assert widgets == ["Date"], url
        assert "Time in Europe/Paris." in html


def test_no_downloads_chart_on_a_new_item_and_a_sentence_without_downloads(admin_client):
    html = admin_client.get(admin_url(Publication, "add")).content.decode()
    assert "Downloads over time" not in html and "downloads-chart-desc" not in html
    assert "No downloads yet." not in html  # no Downloads block at all
    publication = PublicationFactory()
    html = admin_client.get(change_url(publication)).content.decode()
    assert "No downloads yet." in html and "downloads-chart-desc" not in html
    DownloadDay.objects.create(publication=publication, day=timezone.localdate(), count=4)
    html = admin_client.get(change_url(publication)).content.decode()
    assert "downloads-chart-desc" in html


def test_contributor_submits_a_new_draft_from_the_add_form(client, contributor):
    client.force_login(contributor)
    data = form_data(client.get(admin_url(Publication, "add")))
    data.update(title="Fresh", slug="fresh", _workflow="submit")
    response = client.post(admin_url(Publication, "add"), data)
    assert response.status_code == 302, form_errors(response)
    publication = Publication.objects.get(slug="fresh")
    assert (publication.status, publication.created_by) == (Status.REVIEW, contributor)


# --- Revisions: a structured body compared as text --------------------------------------------


def test_compare_with_current_shows_a_structured_body_as_readable_text(client, editor):
    client.force_login(editor)
    publication = PublicationFactory(status=Status.DRAFT, body="")
    bodies = [
        "<h2>Context</h2><p>Tokyo spends <em>more</em>.</p><ul><li>ships</li></ul>"
        "<table><tr><th>Year</th><th>Yen</th></tr><tr><td>2026</td><td>8.7</td></tr></table>",
        "<h2>Context</h2><p>Tokyo spends <em>far more</em>.</p><ul><li>ships</li>"
        "<li>missiles</li></ul><blockquote><p>A turning point.</p></blockquote>"
        "<table><tr><th>Year</th><th>Yen</th></tr><tr><td>2026</td><td>9.1</td></tr></table>",
    ]
    for body in bodies:
        data = form_data(client.get(change_url(publication)))
        data.update(body=body)
        assert client.post(change_url(publication), data).status_code == 302
    history = client.get(admin_url(Publication, "history", publication.pk)).content.decode()
    older_link = re.search(r'href="([^"]+)">Compare with current</a>', history).group(1)
    page = client.get(older_link.replace("&amp;", "&"))
    assert page.status_code == 200
    rows = {label: (left, right) for label, left, right, _ in page.context["rows"]}
    assert rows["body"] == (
        "## Context\nTokyo spends more.\n• ships\nYear | Yen\n2026 | 8.7",
        "## Context\nTokyo spends far more.\n• ships\n• missiles\n> A turning point.\n"
        "Year | Yen\n2026 | 9.1",
    )
    html = page.content.decode()
    assert "<ins>far </ins>" in html and "<del>8.7</del>" in html and "<ins>9.1</ins>" in html
    assert "&lt;h2&gt;" not in html and "<h2>Context" not in html  # text, not markup


def test_the_compare_view_is_for_staff_who_may_see_the_item(client, contributor, editor):
    publication = PublicationFactory(status=Status.DRAFT)
    client.force_login(editor)
    for title in ("One", "Two"):
        data = form_data(client.get(change_url(publication)))
        data.update(title=title)
        client.post(change_url(publication), data)
    versions = re.findall(
        r'name="a" value="(\d+)"',
        client.get(admin_url(Publication, "history", publication.pk)).content.decode(),
    )
    compare = admin_url(Publication, "compare", publication.pk)
    client.force_login(contributor)  # not theirs
    assert client.get(compare, {"a": versions[1], "b": versions[0]}).status_code == 403
    client.logout()
    assert client.get(compare, {"a": versions[1], "b": versions[0]}).status_code == 302  # login
