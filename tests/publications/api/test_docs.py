"""The API's interactive documentation is served by the site itself and linked from every page."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_docs_page_loads_swagger_ui_from_the_site_only(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources, html
    for source in sources:
        # Every asset is the site's own: no CDN, and each one is a file the app serves.
        assert source.startswith("/"), source
        if source.startswith("/static/"):
            assert finders.find(source.removeprefix("/static/")), source
    # The site's CSP allows no inline script: the start-up script has a URL of its own.
    assert not re.search(r"<script>(?!\s*</script>)", html)
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_docs_start_up_script_points_at_the_schema(client):
    response = client.get("/api/v1/docs/", {"script": ""})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/fr/", "/publications/"])
def test_every_page_links_to_the_api_docs(client, path):
    response = client.get(path)
    assert 'href="/api/v1/docs/"' in response.content.decode()
