"""A structured body in a real browser: the admin's editor (served by the app) keeps the
structure and the notes through a save; the reader's page passes axe and its notes jump both
ways without JavaScript."""

import pytest
from django.contrib.auth import get_user_model

from publications.models import Publication
from tests.browser.test_reading_path import axe_violations
from tests.factories import PublicationFactory
from tests.publications.body.sample import sample_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def structured():
    return PublicationFactory(
        slug="strait-scenarios",
        title="The strait in 2030",
        body_format=Publication.BodyFormat.HTML,
        body=sample_body(notes=5),
        key_takeaways=["Deterrence still holds."],
    )


def log_in(page, live_server):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "pass-1234-xyz")
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pass-1234-xyz")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def test_editor_loads_from_the_app_and_a_save_keeps_headings_tables_and_notes(
    page, live_server, structured
):
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, live_server)

    page.goto(f"{live_server.url}/admin/publications/publication/{structured.pk}/change/")
    editor = page.locator(".prose-editor .ProseMirror[contenteditable=true]")
    editor.wait_for()
    assert editor.locator("h2", has_text="Three scenarios").count() == 1
    assert editor.locator("table th", has_text="Indicator").count() == 1
    assert not errors
    assert all(url.startswith(live_server.url) for url in requests)  # no CDN

    editor.locator("h2", has_text="Recommendations").click()
    page.keyboard.press("End")
    page.keyboard.type(" now")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    structured.refresh_from_db()
    body = structured.body
    assert structured.body_format == "html"
    assert "<h2>Recommendations now</h2>" in body
    assert '<th scope="col">Indicator</th>' in body or "<th>Indicator</th>" in body
    for n in range(1, 6):
        assert f'<sup><a href="#note-{n}" id="ref-{n}">{n}</a></sup>' in body
        assert f'<li id="note-{n}">' in body
    assert '<ol class="notes">' in body


def test_reader_page_passes_axe_and_notes_jump_both_ways_without_javascript(
    page, live_server, structured, axe_path
):
    page.goto(live_server.url + structured.get_absolute_url())
    assert axe_violations(page, axe_path) == []

    page.context.set_offline(False)
    page.click("#ref-3")
    assert page.url.endswith("#note-3")
    page.click("#note-3 .note-back")
    assert page.url.endswith("#ref-3")
