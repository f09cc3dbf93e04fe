"""The editors' desk in a real browser: authors reordered by dragging (and by the keyboard's
up/down buttons) are saved in that order; the form shows one time-zone note at most; the
workflow control publishes with one click."""

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from publications.models import Publication, PublicationAuthor
from tests.factories import AuthorFactory, PublicationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor_page(page, live_server):
    User.objects.create_superuser("desk-editor", "desk@example.org", "desk-pass-123")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "desk-editor")
    page.fill("#id_password", "desk-pass-123")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    return page


@pytest.fixture
def publication():
    return PublicationFactory(
        status=Publication.Status.DRAFT,
        authors=[AuthorFactory(name=name) for name in ("Ada", "Bea", "Cyd")],
    )


def saved_order(publication):
    return list(
        PublicationAuthor.objects.filter(publication=publication)
        .order_by("position")
        .values_list("author__name", "position")
    )


def row_of(page, name):
    return page.locator("#publication_authors-group tr.form-row", has_text=name).first


def test_dragging_an_author_saves_the_new_order(editor_page, live_server, publication):
    page = editor_page
    page.goto(f"{live_server.url}/admin/publications/publication/{publication.pk}/change/")
    assert page.locator(".timezonewarning").count() <= 1
    row_of(page, "Cyd").locator(".drag-handle").drag_to(
        row_of(page, "Ada"), target_position={"x": 5, "y": 2}
    )
    # Dragged to the top: the position fields follow the order shown.
    positions = page.locator("#publication_authors-group input.position-input")
    assert positions.nth(0).input_value() == "0"
    assert row_of(page, "Cyd").locator("input.position-input").input_value() == "0"
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    assert saved_order(publication) == [("Cyd", 0), ("Ada", 1), ("Bea", 2)]


def test_the_up_and_down_buttons_move_an_author(editor_page, live_server, publication):
    page = editor_page
    page.goto(f"{live_server.url}/admin/publications/publication/{publication.pk}/change/")
    row_of(page, "Ada").locator(".move-down").click()
    row_of(page, "Cyd").locator(".move-up").click()
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    assert saved_order(publication) == [("Bea", 0), ("Cyd", 1), ("Ada", 2)]


def test_publish_now_is_one_click(editor_page, live_server, publication):
    page = editor_page
    page.goto(f"{live_server.url}/admin/publications/publication/{publication.pk}/change/")
    page.click("button[name=_workflow][value=publish]")
    page.wait_for_load_state()
    assert page.locator(".workflow-state .state-badge").inner_text() == "Published"
    publication.refresh_from_db()
    assert publication.status == Publication.Status.PUBLISHED


def test_the_workflow_control_and_the_order_controls_pass_axe(
    editor_page, live_server, publication, axe_path
):
    page = editor_page
    page.goto(f"{live_server.url}/admin/publications/publication/{publication.pk}/change/")
    # What this branch adds; Django's own inline cells (select2, the delete box) are not ours.
    page.evaluate(Path(axe_path).read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => await axe.run(
            {include: [['.workflow-control'], ['.order-controls'], ['.position-input'],
                       ['select[name$="-role"]']]},
            {resultTypes: ['violations']})"""
    )
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
