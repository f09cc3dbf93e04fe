"""A reader's path through the site in a real browser, keyboard use, and axe-core checks."""

import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from tests.factories import (
    AuthorFactory,
    CenterFactory,
    PublicationFactory,
    RegionFactory,
    ThemeFactory,
    make_pdf_bytes,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECTION_IDS = [
    "summary",
    "available-in",
    "regions-themes",
    "identifiers",
    "share",
    "download",
    "authors",
    "related-centers",
    "related-analyses",
]


@pytest.fixture
def site():
    asia = RegionFactory(slug="asia", name="Asia")
    japan = RegionFactory(slug="japan", name="Japan", parent=asia)
    RegionFactory(slug="europe", name="Europe")
    security = ThemeFactory(slug="security", name="Security")
    center = CenterFactory(slug="asia-center", name="Center for Asian Studies")
    jane = AuthorFactory(slug="jane-doe", name="Jane Doe")
    jane.centers.add(center)
    main = PublicationFactory(
        slug="japan-security",
        title="Japan's security partnerships",
        body="",
        pages=2,
        authors=[jane],
        regions=[japan],
        themes=[security],
        centers=[center],
        featured=True,
    )
    main.pdf.save("upload.pdf", ContentFile(make_pdf_bytes(pages=2)), save=True)
    other = PublicationFactory(
        slug="japan-navy", title="Japan's navy", authors=[jane], regions=[japan]
    )
    PublicationFactory(slug="unrelated", title="Unrelated piece")
    return {"main": main, "other": other, "jane": jane, "center": center, "asia": asia}


def test_reader_path_from_home_to_pdf_related_and_expert(page, live_server, site):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Publications").click()
    page.wait_for_url(re.compile(r"/publications/$"))

    # The checkbox's name is the region, then its facet count.
    page.get_by_role("checkbox", name=re.compile(r"^Asia\b")).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"region=asia"))
    results = page.locator(".result-list")
    assert results.get_by_role("link", name="Japan's security partnerships").count() == 1
    assert results.get_by_role("link", name="Unrelated piece").count() == 0
    assert page.locator(".chips").get_by_text("Region: Asia").count() == 1

    results.get_by_role("link", name="Japan's security partnerships").click()
    page.wait_for_url(re.compile(r"/publications/japan-security/$"))
    for section in SECTION_IDS:
        assert page.locator(f"#{section}").count() == 1, section

    pdf_href = page.locator("#download a").first.get_attribute("href")
    assert pdf_href == "/publications/japan-security/japan-security.pdf"
    pdf = page.request.get(live_server.url + pdf_href)
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-")

    page.locator("#related-analyses").get_by_role("link", name="Japan's navy").click()
    page.wait_for_url(re.compile(r"/publications/japan-navy/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Japan's navy"

    page.locator("#authors").get_by_role("link", name="Jane Doe").click()
    page.wait_for_url(re.compile(r"/experts/jane-doe/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Jane Doe"


def test_filter_form_works_with_the_keyboard_only(page, live_server, site):
    page.goto(live_server.url + "/publications/")

    def tab_to(predicate, limit=120):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(predicate):
                return
        raise AssertionError(f"never reached: {predicate}")

    tab_to(
        "() => document.activeElement.name === 'region' && document.activeElement.value === 'asia'"
    )
    # Ticking applies the filter at once (static/js/filters.js); the focus comes back to the box.
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"region=asia"))
    assert "Japan's security partnerships" in page.locator(".result-list").inner_text()
    assert page.evaluate("() => document.activeElement.checked")
    assert page.evaluate("() => document.activeElement.value") == "asia"
    # Typed values wait for the button, which the keyboard reaches.
    tab_to("() => document.activeElement.matches('#filters [type=submit]')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "region=asia" in page.url
    # The focus is visible: the focused element has an outline.
    page.keyboard.press("Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def axe_violations(page, axe_path):
    # The site's Content-Security-Policy forbids inline scripts, which is what add_script_tag
    # inserts; evaluating the source through the DevTools protocol is not subject to it.
    page.evaluate(Path(axe_path).read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert result["testEngine"]["name"] == "axe-core"
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_no_serious_accessibility_violation(page, live_server, site, axe_path):
    paths = [
        "/",
        "/publications/",
        "/publications/?region=asia&type=analysis",
        site["main"].get_absolute_url(),
        site["center"].get_absolute_url(),
        site["jane"].get_absolute_url(),
        site["asia"].get_absolute_url(),
        "/experts/",
        "/regions/",
    ]
    found = {}
    for path in paths:
        page.goto(live_server.url + path)
        violations = axe_violations(page, axe_path)
        if violations:
            found[path] = violations
    assert found == {}
