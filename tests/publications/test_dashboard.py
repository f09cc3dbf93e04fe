"""The editors' dashboard on the admin index, and cache timeouts that honour publish_at."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from publications.models import Publication
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

Status = Publication.Status


def test_admin_index_shows_the_editorial_desk(client):
    editor = User.objects.create_user("ed", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    when = timezone.now() + datetime.timedelta(days=2)
    PublicationFactory(title="Waiting for review", status=Status.REVIEW)
    PublicationFactory(title="Launch morning", publish_at=when)
    fresh = PublicationFactory(title="Just out", published_on=timezone.localdate())
    Publication.objects.filter(pk=fresh.pk).update(download_count=7)
    client.force_login(editor)
    response = client.get("/admin/")
    content = response.content.decode()
    for section in (
        "dashboard-in-review",
        "dashboard-scheduled",
        "dashboard-recently-published",
        "dashboard-recently-edited",
        "dashboard-downloads",
    ):
        assert f'id="{section}"' in content
    assert "Waiting for review" in content
    assert "Launch morning" in content
    assert "Just out" in content


def test_contributor_dashboard_lists_only_their_items(client):
    contributor = User.objects.create_user("co", password="x", is_staff=True)
    contributor.groups.add(Group.objects.get(name="Contributors"))
    PublicationFactory(title="Mine in review", status=Status.REVIEW, created_by=contributor)
    PublicationFactory(title="Someone else in review", status=Status.REVIEW)
    client.force_login(contributor)
    content = client.get("/admin/").content.decode()
    assert "Mine in review" in content
    assert "Someone else in review" not in content


def test_cache_timeout_is_capped_at_the_next_publish_at():
    now = timezone.now()
    assert Publication.objects.public_cache_timeout(600, now=now) == 600
    PublicationFactory(publish_at=now + datetime.timedelta(seconds=90))
    PublicationFactory(status=Status.DRAFT, publish_at=now + datetime.timedelta(seconds=10))
    assert Publication.objects.public_cache_timeout(600, now=now) == 91
    assert Publication.objects.public_cache_timeout(60, now=now) == 60


def test_cache_timeout_is_capped_at_the_midnight_of_a_future_published_on():
    now = timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    PublicationFactory(published_on=tomorrow)
    upcoming = Publication.objects.next_public_change(now=now)
    assert timezone.localdate(upcoming) == tomorrow
    assert Publication.objects.public_cache_timeout(10**6, now=now) <= 24 * 3600 + 1
