"""Switching languages in a real browser: the EN/FR switch of a publication, French pages, and
axe-core on them (lang attributes, labels)."""

import datetime

import pytest

from tests.browser.test_reading_path import axe_violations
from tests.factories import AuthorFactory, PublicationFactory, RegionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def versions():
    japan = RegionFactory(slug="japan", name="Japan", name_fr="Japon")
    jane = AuthorFactory(slug="jane-doe", name="Jane Doe")
    english = PublicationFactory(
        slug="security-japan",
        title="Security partnerships of Japan",
        published_on=datetime.date(2013, 2, 3),
        authors=[jane],
        regions=[japan],
    )
    french = PublicationFactory(
        slug="securite-japon",
        title="Les partenariats de sécurité du Japon",
        language="fr",
        translation_of=english,
        published_on=datetime.date(2013, 2, 3),
        authors=[jane],
        regions=[japan],
    )
    alone = PublicationFactory(slug="sahel-outlook", title="Sahel outlook", regions=[japan])
    return {"english": english, "french": french, "alone": alone}


def test_the_switch_follows_language_versions_and_otherwise_keeps_the_page(
    page, live_server, versions
):
    page.goto(live_server.url + "/publications/security-japan/")
    page.get_by_role("link", name="FR", exact=True).click()
    page.wait_for_url(live_server.url + "/fr/publications/securite-japon/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Les partenariats de sécurité du Japon"
    assert "3 février 2013" in page.locator(".byline").inner_text()
    assert page.get_by_role("link", name="Japon").count() >= 1
    page.get_by_role("link", name="EN", exact=True).click()
    page.wait_for_url(live_server.url + "/publications/security-japan/")

    page.goto(live_server.url + "/publications/sahel-outlook/")
    page.get_by_role("link", name="FR", exact=True).click()
    page.wait_for_url(live_server.url + "/fr/publications/sahel-outlook/")
    nav = page.get_by_role("navigation", name="Navigation principale")
    assert nav.get_by_role("link", name="Centres et programmes").is_visible()


def test_no_serious_accessibility_violation_on_french_pages(page, live_server, versions, axe_path):
    found = {}
    for path in (
        "/fr/",
        "/fr/publications/",
        "/fr/publications/securite-japon/",
        "/publications/securite-japon/",  # French text in the English interface
        "/fr/publications/security-japan/",  # English text in the French interface
        "/fr/regions/japan/",
    ):
        page.goto(live_server.url + path)
        violations = axe_violations(page, axe_path)
        if violations:
            found[path] = violations
    assert found == {}
