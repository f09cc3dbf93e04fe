"""Exports cannot starve readers (publications/export_limits.py): cached by catalogue version and
query, a few generated at once on the whole site, and rate-limited per client, with a 429 page
that says when to try again."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from publications.models import Publication
from tests.factories import PublicationFactory
from thinktank.cache import catalogue_changed

pytestmark = pytest.mark.django_db

CSV = reverse("publications:export_csv")


@pytest.fixture(autouse=True)
def limits(settings):
    cache.clear()
    settings.EXPORT_CONCURRENCY = 1
    settings.EXPORT_RATE_LIMIT = 5
    settings.EXPORT_CACHE_MAX_MB = 5
    yield
    cache.clear()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def published(title):
    return PublicationFactory(title=title, status=Publication.Status.PUBLISHED)


def test_a_repeated_export_comes_from_the_cache_until_the_catalogue_changes(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    published("Ocean governance")
    first = body(client.get(CSV))
    assert b"Ocean governance" in first
    with django_assert_num_queries(0):
        again = client.get(CSV)
    assert body(again) == first
    assert again["Content-Type"].startswith("text/csv")
    assert again["Content-Disposition"]

    published("Arctic shipping")
    with django_capture_on_commit_callbacks(execute=True):
        catalogue_changed()  # what every write path calls, after its commit
    assert b"Arctic shipping" in body(client.get(CSV))


def test_another_query_is_another_export(client):
    published("Ocean governance")
    body(client.get(CSV))
    other = body(client.get(CSV, {"q": "nothing-matches-this"}))
    assert b"Ocean governance" not in other


def test_while_every_slot_is_busy_an_export_answers_429_saying_when_to_retry(client, settings):
    published("Ocean governance")
    held = client.get(CSV, {"sort": "title"})  # streaming, not read yet: holds the only slot
    busy = client.get(reverse("publications:export_pdf"))
    assert busy.status_code == 429
    assert busy["Retry-After"] == str(settings.EXPORT_BUSY_RETRY_SECONDS)
    assert "try again in 10 seconds" in busy.content.decode()
    body(held)  # read to the end, the test client closes it as a server does: the slot is free
    assert client.get(reverse("publications:export_pdf")).status_code == 200


def test_a_client_past_the_rate_limit_gets_429_and_others_do_not(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    published("Ocean governance")
    for _ in range(5):
        response = client.get(CSV, REMOTE_ADDR="203.0.113.7")
        assert response.status_code == 200
        body(response)
    refused = client.get(CSV, REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    seconds = int(refused["Retry-After"])
    assert 1 <= seconds <= 61
    assert f"try again in {seconds} second" in refused.content.decode()
    assert refused["Cache-Control"] == "no-store"
    # Another address is not limited.
    assert client.get(CSV, REMOTE_ADDR="198.51.100.9").status_code == 200
