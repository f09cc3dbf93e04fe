"""The sitemap (both languages, lastmod, alternates) and robots.txt."""

import xml.etree.ElementTree as ET

import pytest

from publications.models import Publication
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_sitemap_lists_pages_in_both_languages_with_lastmod_and_alternates(client, analysis):
    PublicationFactory(slug="hidden", status=Publication.Status.DRAFT)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {u.findtext(f"{SM}loc"): u for u in root.iter(f"{SM}url")}
    base = "http://testserver"
    for path in (
        "/publications/security-japan/",
        "/fr/publications/security-japan/",
        "/centers/asia-center/",
        "/experts/jane-doe/",
        "/regions/asia/",
        "/themes/security/",
        "/",
        "/publications/",
    ):
        assert base + path in urls, path
    assert base + "/publications/hidden/" not in urls
    entry = urls[base + "/publications/security-japan/"]
    assert entry.findtext(f"{SM}lastmod")
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")}
    assert alternates == {
        "en": base + "/publications/security-japan/",
        "fr": base + "/fr/publications/security-japan/",
        "x-default": base + "/publications/security-japan/",
    }
    assert urls[base + "/regions/asia/"].findtext(f"{SM}lastmod")


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode().splitlines()
