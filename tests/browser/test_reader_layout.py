"""The reader's site in a real browser (issue 16): filters that apply on change with
JavaScript and with their button without it, the phone layout of the list and of the detail
page, and axe-core on every page type in both languages."""

import re

import pytest

from publications.models import Publication
from tests.browser.test_reading_path import axe_violations
from tests.factories import (
    AuthorFactory,
    CenterFactory,
    PublicationFactory,
    RegionFactory,
    ThemeFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
LONG_SUMMARY = "\n\n".join(
    ["Deterrence in Europe rests on a mix of forces, doctrine and alliance politics. " * 4] * 3
)


@pytest.fixture
def site():
    asia = RegionFactory(slug="asia", name="Asia", name_fr="Asie")
    japan = RegionFactory(slug="japan", name="Japan", name_fr="Japon", parent=asia)
    RegionFactory(slug="korea", name="Korea", name_fr="Corée", parent=asia)
    europe = RegionFactory(slug="europe", name="Europe")
    security = ThemeFactory(slug="security", name="Security", name_fr="Sécurité")
    center = CenterFactory(slug="asia-center", name="Center for Asian Studies")
    jane = AuthorFactory(slug="jane-doe", name="Jane Doe")
    jane.centers.add(center)
    english = PublicationFactory(
        slug="deterrence-europe",
        title="European deterrence",
        summary=LONG_SUMMARY,
        body="\n\n".join(["A paragraph of the analysis. " * 12] * 8),
        authors=[jane],
        regions=[japan, europe],
        themes=[security],
        centers=[center],
    )
    french = PublicationFactory(
        slug="dissuasion-europe",
        title="La dissuasion européenne",
        language="fr",
        translation_of=english,
        authors=[jane],
        regions=[japan],
    )
    media = PublicationFactory(
        slug="interview-tv",
        title="Interview on deterrence",
        type=Publication.Type.MEDIA,
        external_url="https://example.org/interview",
        source="Continental TV",
        authors=[jane],
        regions=[japan],
    )
    gone = PublicationFactory(
        slug="withdrawn-piece",
        title="A withdrawn piece",
        status=Publication.Status.ARCHIVED,
        regions=[japan],
    )
    for n in range(25):
        PublicationFactory(title=f"Piece {n}", regions=[europe])
    return locals()


# --- Filters ----------------------------------------------------------------------------------
def test_ticking_a_filter_applies_it_at_once_and_keeps_the_focus_there(page, live_server, site):
    page.goto(live_server.url + "/publications/")
    page.get_by_role("checkbox", name=re.compile(r"^Asia\b")).check()
    page.wait_for_url(re.compile(r"region=asia"))  # no button pressed
    assert page.locator(".chips").get_by_text("Region: Asia").count() == 1
    focused = page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
    assert focused == ["region", "asia"]
    # A sub-region inside a folded branch: open it, tick it; the branch stays open afterwards.
    page.locator("#filters summary", has_text="Inside Asia").click()
    page.get_by_role("checkbox", name=re.compile(r"^Japan\b")).check()
    page.wait_for_url(re.compile(r"region=japan"))
    assert page.get_by_role("checkbox", name=re.compile(r"^Japan\b")).is_visible()
    assert page.get_by_role("checkbox", name=re.compile(r"^Japan\b")).is_checked()


def test_without_javascript_the_button_applies_the_filters(page, live_server, site):
    context = page.context.browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        plain = context.new_page()
        plain.goto(live_server.url + "/publications/")
        # Without the script the panel stays open, above the results.
        box = plain.get_by_role("checkbox", name=re.compile(r"^Asia\b"))
        assert box.is_visible()
        box.check()
        plain.wait_for_timeout(300)
        assert "region=" not in plain.url  # nothing happens until the button
        plain.get_by_role("button", name="Apply filters").click()
        plain.wait_for_url(re.compile(r"region=asia"))
        assert plain.locator(".chips").get_by_text("Region: Asia").count() == 1
    finally:
        context.close()


def test_trees_show_every_node_without_an_inner_scroll_box(page, live_server, site):
    page.goto(live_server.url + "/publications/?region=japan")
    tree = page.locator("#filters .tree").first
    assert tree.evaluate("el => getComputedStyle(el).overflowY") == "visible"
    # The ticked Japan's branch is open: Korea next to it is visible; Europe is a top node.
    assert page.get_by_role("checkbox", name=re.compile(r"^Korea\b")).is_visible()
    assert page.get_by_role("checkbox", name=re.compile(r"^Europe\b")).is_visible()


def test_on_a_phone_the_filters_are_one_tap_away_above_the_results(page, live_server, site):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/publications/?theme=security")
    toggle = page.locator("summary.filters-panel__toggle")
    box = toggle.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]  # within the first screen
    assert toggle.inner_text().strip() == "Filters (1)"
    first_result = page.locator(".result-list .card").first.bounding_box()
    assert box["y"] < first_result["y"]
    region = page.get_by_role("checkbox", name=re.compile(r"^Asia\b"))
    assert not region.is_visible()
    toggle.click()  # one tap
    assert region.is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


# --- Detail page on a phone --------------------------------------------------------------------
def test_on_a_phone_the_other_language_is_in_the_first_screen(page, live_server, site):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + site["english"].get_absolute_url())
    french = page.locator(".also-in").get_by_role("link", name=re.compile(r"^(French|Français)$"))
    box = french.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]
    # "Available in" comes right after the summary and the PDF, before the text and the rest.
    order = page.evaluate(
        """() => ['summary', 'download', 'available-in', 'full-text', 'regions-themes',
                  'identifiers', 'share', 'related-analyses']
              .map(id => [id, document.getElementById(id)])
              .filter(([, el]) => el && el.getBoundingClientRect().height > 0)
              .map(([id, el]) => [id, el.getBoundingClientRect().top])"""
    )
    tops = [top for _id, top in order]
    assert tops == sorted(tops), order
    french.click()
    page.wait_for_url(re.compile(r"/publications/dissuasion-europe/$"))


# --- Accessibility of every page type, in both languages ---------------------------------------
def test_no_serious_accessibility_violation_on_any_page_type(page, live_server, site, axe_path):
    paths = [
        "/",
        "/publications/",
        "/publications/?q=deterrence&region=asia&type=analysis",
        site["english"].get_absolute_url(),
        site["media"].get_absolute_url(),
        site["jane"].get_absolute_url(),
        "/experts/",
        "/experts/?q=doe&region=asia",
        "/centers/",
        site["center"].get_absolute_url(),
        site["asia"].get_absolute_url(),
        site["security"].get_absolute_url(),
        "/publications/no-such-piece/",
        site["gone"].get_absolute_url(),
    ]
    found = {}
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for prefix in ("", "/fr"):
            for path in paths:
                page.goto(live_server.url + prefix + path)
                violations = axe_violations(page, axe_path)
                if violations:
                    found[(width, prefix + path)] = violations
    assert found == {}
