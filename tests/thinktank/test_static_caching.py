"""Static files as production serves them: collected with hashed names (WhiteNoise's manifest
storage) and answered by WhiteNoise with a long cache lifetime: the favicon, the stylesheet and
the web fonts it and every page's preloads name."""

import re

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

ONE_YEAR = 365 * 24 * 3600


@pytest.fixture
def production_static(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    settings.DEBUG = False
    # The site's own files only: the admin's and the API docs' are not what this is about.
    call_command(
        "collectstatic",
        "--noinput",
        "--ignore=admin",
        "--ignore=drf_spectacular_sidecar",
        "--ignore=rest_framework",
        verbosity=0,
    )
    return Client()  # a new handler, so that WhiteNoise reads the collected files


def max_age(response):
    match = re.search(r"max-age=(\d+)", response.get("Cache-Control", ""))
    return int(match.group(1)) if match else 0


def test_favicon_answers_200_with_a_long_cache_lifetime(production_static):
    client = production_static
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/static/img/favicon.")
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert max_age(response) >= ONE_YEAR


@pytest.mark.parametrize("path", ["/", "/fr/", "/publications/"])
def test_fonts_are_preloaded_served_and_cached_for_a_year(production_static, path):
    client = production_static
    html = client.get(path).content.decode()
    preloads = re.findall(r'<link rel="preload" href="([^"]+\.woff2)" as="font"', html)
    assert len(preloads) >= 2
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', html).group(1)
    css_response = client.get(stylesheet)
    assert css_response.status_code == 200 and max_age(css_response) >= ONE_YEAR
    css = b"".join(css_response.streaming_content).decode()
    assert "font-display: swap" in css
    # The stylesheet names the fonts by their hashed names too, so they can be kept a year.
    in_css = set(re.findall(r'url\("([^"]+\.woff2)"\)', css))
    assert in_css and all(re.search(r"\.[0-9a-f]{12}\.woff2$", url) for url in in_css)
    for url in preloads:
        assert url.rsplit("/", 1)[1] in {u.rsplit("/", 1)[1] for u in in_css}
        font = client.get(url)
        assert font.status_code == 200, url
        assert font["Content-Type"] == "font/woff2"
        assert max_age(font) >= ONE_YEAR
        assert b"".join(font.streaming_content)[:4] == b"wOF2"
