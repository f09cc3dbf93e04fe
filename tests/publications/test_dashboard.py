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
