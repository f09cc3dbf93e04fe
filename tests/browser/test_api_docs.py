"""The API docs work in a real browser under the site's CSP (nothing blocked, no CDN)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_docs_render_and_try_a_request(page, live_server):
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Open data API").click()
    page.get_by_role("heading", name="Think tank catalogue API").wait_for()
    # Swagger UI's "Try it out" sends a real request to the API and shows its answer.
    page.locator("#operations-publications-publications_list").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    status = page.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"
    assert '"results"' in page.locator(".live-responses-table tbody .microlight").first.inner_text()
    assert problems == []
