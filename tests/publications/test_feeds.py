"""The RSS feed: narrowed like the list, links that keep the filters, nothing unpublished."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from publications.models import Publication
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


HOSTILE = 'Nukes </script><script>alert("x")</script> & "quotes" \'single\''


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content)


def test_feed_is_rss_and_narrowed_by_region_and_theme(client, analysis, catalogue):
    PublicationFactory(slug="elsewhere", title="Elsewhere")
    root = rss(client, reverse("publications:feed"))
    assert root.tag == "rss" and root.get("version") == "2.0"
    titles = [item.findtext("title") for item in root.iter("item")]
    assert set(titles) == {"Security partnerships of Japan", "Elsewhere"}
    narrowed = rss(client, reverse("publications:feed") + "?region=asia")
    items = list(narrowed.iter("item"))
    assert [i.findtext("link") for i in items] == ["http://testserver/publications/security-japan/"]
    assert "Asia" in narrowed.find("channel").findtext("title")
    by_theme = rss(client, reverse("publications:feed") + "?theme=security")
    assert len(list(by_theme.iter("item"))) == 1


def test_feed_links_keep_the_filters_but_not_the_page(client, analysis, catalogue):
    channel = rss(client, reverse("publications:feed") + "?region=asia&page=3").find("channel")
    assert channel.findtext("link") == "http://testserver/publications/?region=asia"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link").get("href")
    assert self_link == "http://testserver/feeds/publications/?region=asia"


def test_feed_hides_unpublished_and_escapes_hostile_titles(client, catalogue):
    PublicationFactory(title=HOSTILE, summary=HOSTILE)
    PublicationFactory(title="Draft", status=Publication.Status.DRAFT)
    root = rss(client, reverse("publications:feed"))
    items = list(root.iter("item"))
    assert [i.findtext("title") for i in items] == [HOSTILE]
    assert items[0].findtext("description") == HOSTILE


def test_french_feed_lives_under_fr(client, analysis):
    root = rss(client, "/fr/feeds/publications/")
    assert len(list(root.iter("item"))) == 1
