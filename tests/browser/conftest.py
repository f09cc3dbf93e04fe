"""Headless Chromium for the browser tests (Playwright's sync API on Debian's Chromium).

They skip with a reason when Chromium, Playwright or axe-core is missing, and fail instead when
REQUIRE_BROWSER=1 (as in CI)."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

from conftest import skip_or_fail

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


def chromium_path():
    for candidate in (
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture
def page(monkeypatch, live_server):
    # `live_server` first, so that the test database is set up before Playwright's event loop
    # starts (see the end of this fixture).
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail(
            "playwright is not installed (pip install -e '.[test]')", env="REQUIRE_BROWSER"
        )
    executable = chromium_path()
    if executable is None:
        skip_or_fail("Chromium is not installed (apt-get install chromium)", env="REQUIRE_BROWSER")
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test's own
    # fixtures and assertions are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        yield context.new_page()
        context.close()
        browser.close()
        # While that loop runs, Django keeps this thread's connections in a context-local store
        # that is dropped, not closed, when the loop stops: close them while they can be reached
        # (otherwise PostgreSQL cannot drop the test database at the end of the session).
        connections.close_all()


@pytest.fixture
def axe_path():
    if not AXE.exists():
        skip_or_fail("axe-core is not installed (npm install)", env="REQUIRE_BROWSER")
    return str(AXE)
