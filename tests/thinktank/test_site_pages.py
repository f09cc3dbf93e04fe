"""Site pages: home, the French interface, the 500 page, the favicon."""

import io

import pytest
from django.urls import reverse
from PIL import Image

pytestmark = pytest.mark.django_db


def test_home_shows_latest_and_centers(client, analysis, catalogue):
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert analysis.title in html
    assert catalogue["center"].name in html
    assert 'role="search"' in html


def test_french_interface_serves_the_same_paths(client, analysis):
    response = client.get("/fr" + analysis.get_absolute_url())
    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()


def test_server_error_page_uses_the_layout_without_a_database(client, settings):
    from thinktank.views import server_error

    response = server_error(None)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in html
    assert settings.INSTITUTE_NAME in html


def test_a_bug_is_a_500_and_a_database_outage_a_503(rf):
    from django.db import OperationalError

    from thinktank.views import server_error

    for error, status in ((ValueError("a bug"), 500), (OperationalError("refused"), 503)):
        try:
            raise error
        except Exception:
            response = server_error(rf.get("/publications/"))
        assert response.status_code == status


def test_the_language_switch_keeps_the_filters_and_hreflang_names_the_clean_url(client, catalogue):
    html = client.get("/fr/publications/?region=asia&q=japan&utm_source=x").content.decode()
    switch = html.split('class="language-switch"', 1)[1].split("</ul>", 1)[0]
    assert 'href="http://testserver/publications/?region=asia&amp;q=japan&amp;utm_source=x"' in (
        switch
    )
    # The alternates are the canonical URL of the same result in each language (tests/
    # test_canonical.py): the valid filters in a fixed order, nothing else.
    clean = "?q=japan&amp;region=asia"
    assert (
        f'<link rel="alternate" hreflang="en" href="http://testserver/publications/{clean}">'
        in html
    )


def test_favicon_ico_answers_with_the_icon(client):
    # Browsers and feed readers ask for /favicon.ico whatever the page links.
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert "max-age=604800" in response["Cache-Control"]
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    image = Image.open(io.BytesIO(b"".join(icon.streaming_content)))
    assert image.format == "ICO"
    assert {(16, 16), (32, 32)} <= image.info["sizes"]


@pytest.mark.parametrize("path", ["/", "/fr/", "/publications/", "/experts/"])
def test_pages_link_their_icons(client, path):
    html = client.get(path).content.decode()
    for href in ("/static/img/favicon.ico", "/static/img/favicon.svg"):
        assert f'rel="icon" href="{href}"' in html
        assert client.get(href).status_code == 200
