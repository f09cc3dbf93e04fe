"""With the database unreachable, pages answer a 503 page in the site's layout and the API a 503
in JSON, both with Retry-After and never cached; nothing answers 500.

The outage is real: the connection is pointed at a port nothing listens on, and the requests go
through the whole stack. PostgreSQL only: SQLite's test database lives in memory and would be
lost with its connection.
"""

import contextlib
import socket

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client

from tests.factories import PublicationFactory, RegionFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


def closed_port():
    """A local TCP port that nothing listens on (bound by the system, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def database_down():
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    cache.clear()  # nothing served from the cache: every page needs the database
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.fixture
def published():
    region = RegionFactory(slug="asia")
    return PublicationFactory(slug="nuclear-posture", regions=[region])


PAGES = [
    "/",
    "/publications/",
    "/publications/nuclear-posture/",
    "/fr/publications/nuclear-posture/",
    "/fr/experts/",
    "/regions/asia/",
    "/experts/",
    "/feeds/publications/",
    "/sitemap.xml",
]
API = [
    "/api/v1/publications/",
    "/api/v1/publications/nuclear-posture/",
    "/api/v1/regions/asia/",
    "/api/v1/experts/",
]


def test_pages_answer_503_in_the_site_layout(published, settings):
    client = Client(raise_request_exception=False)
    with database_down():
        for url in PAGES:
            response = client.get(url)
            assert response.status_code == 503, url
            assert response["Content-Type"].startswith("text/html"), url
            html = response.content.decode()
            heading = (
                "Le site est temporairement indisponible"
                if url.startswith("/fr/")
                else "The site is temporarily unavailable"
            )
            assert heading in html, url
            assert settings.INSTITUTE_NAME in html  # the site's layout
            assert response["Retry-After"] == "30"
            assert "no-store" in response["Cache-Control"]


def test_the_api_answers_503_in_json(published):
    client = Client(raise_request_exception=False)
    with database_down():
        for url in API:
            response = client.get(url)
            assert response.status_code == 503, url
            assert response["Content-Type"] == "application/json", url
            assert "temporarily unavailable" in response.json()["detail"]
            assert response["Retry-After"] == "30"


def test_the_health_check_answers_503(published):
    client = Client(raise_request_exception=False)
    with database_down():
        assert client.get("/healthz").status_code == 503


def test_pages_answer_again_once_the_database_is_back(published):
    client = Client(raise_request_exception=False)
    with database_down():
        assert client.get("/publications/nuclear-posture/").status_code == 503
    assert client.get("/publications/nuclear-posture/").status_code == 200
