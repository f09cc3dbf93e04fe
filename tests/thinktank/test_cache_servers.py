"""Two server processes sharing one Redis cache: an admin edit, an import and a revision restore,
made in this process, show on the next anonymous request to either server.

Needs PostgreSQL (the servers read the test database, so the test commits) and Redis at
REDIS_URL; skipped without them, failed in CI (REQUIRE_POSTGRES / REQUIRE_REDIS).
"""

import json
import os

import pytest
import redis
import reversion
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from reversion.models import Version

from conftest import skip_or_fail
from publications.interchange import import_document
from publications.models import Publication
from tests.admin_forms import admin_url, form_data
from tests.factories import PublicationFactory, RegionFactory
from tests.servers import app_servers, http_get
from thinktank.cache.version import VERSION_KEY

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
PAGE = "/publications/shared-page/"


def _get(port, path):
    status, body, headers = http_get(port, path)
    return status, body.decode(), headers


@pytest.fixture
def shared_redis(settings):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        skip_or_fail(f"needs Redis at {REDIS_URL}", env="REQUIRE_REDIS")
    # The servers' settings (base.py with CACHE_URL) and this process use the same cache.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "thinktank",
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def two_servers(shared_redis, tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "thinktank.settings.dev",
        "CACHE_URL": REDIS_URL,
        "PAGE_CACHE_SECONDS": "600",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    with app_servers(env) as ports:
        yield ports


def test_changes_show_on_the_next_request_to_either_server(two_servers, tmp_path):
    first, second = two_servers
    region = RegionFactory(slug="shared-region", name="Shared Region")
    publication = PublicationFactory(slug="shared-page", title="First title", regions=[region])
    with reversion.create_revision():
        publication.save()  # the version restored at the end
    editor = User.objects.create_superuser("editor", password="x")
    staff = Client()
    staff.force_login(editor)

    status, page, headers = _get(first, PAGE)
    assert status == 200 and "First title" in page
    # The second server answers with the page the first one stored.
    assert cache.get(VERSION_KEY) is not None
    status, again, again_headers = _get(second, PAGE)
    assert again == page
    assert again_headers["Last-Modified"] == headers["Last-Modified"]
    assert again_headers["ETag"] == headers["ETag"]

    # An edit through the admin.
    url = admin_url(Publication, "change", publication.pk)
    data = form_data(staff.get(url))
    data["title"] = "Edited title"
    assert staff.post(url, data).status_code == 302
    for port in (second, first):
        assert "Edited title" in _get(port, PAGE)[1]

    # An import.
    document = tmp_path / "doc.json"
    document.write_text(
        json.dumps({"regions": [{"slug": "shared-region", "name": "Imported", "parent": None}]})
    )
    import_document(document)
    for port in (first, second):
        assert "Imported" in _get(port, PAGE)[1]

    # A revision restore.
    old = Version.objects.get_for_object(publication).order_by("pk").first()
    url = admin_url(Publication, "revision", publication.pk, old.pk)
    assert staff.post(url, form_data(staff.get(url))).status_code == 302
    for port in (second, first):
        text = _get(port, PAGE)[1]
        assert "First title" in text and "Edited title" not in text
