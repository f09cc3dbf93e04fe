"""The editors' dashboard on the admin index: in review, scheduled, recently published,
recently edited, most downloaded this month, each limited to what the user may see."""

import datetime

import pytest
from django.utils import timezone

from publications.models import Publication
from publications.pdf.downloads import publication_download_record
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

Status = Publication.Status
SECTIONS = ["in-review", "scheduled", "recently-published", "recently-edited", "downloads"]


def titles(publications):
    return [p.title for p in publications]


def test_admin_index_shows_the_editorial_desk(client, editor):
    when = timezone.now() + datetime.timedelta(days=2)
    PublicationFactory(title="Waiting for review", status=Status.REVIEW)
    PublicationFactory(title="Launch morning", publish_at=when)
    fresh = PublicationFactory(title="Just out", published_on=timezone.localdate())
    PublicationFactory(title="Old news", published_on=timezone.localdate().replace(year=2001))
    for _ in range(2):
        publication_download_record(publication_id=fresh.pk)
    client.force_login(editor)
    response = client.get("/admin/")
    content = response.content.decode()
    for section in SECTIONS:
        assert f'id="dashboard-{section}"' in content
    assert titles(response.context["in_review"]) == ["Waiting for review"]
    assert titles(response.context["scheduled"]) == ["Launch morning"]
    assert titles(response.context["recently_published"]) == ["Just out"]
    assert len(response.context["recently_edited"]) == 4
    assert [(p.title, count) for p, count in response.context["downloads"]] == [("Just out", 2)]


def test_downloads_of_earlier_months_do_not_count(client, editor):
    publication = PublicationFactory()
    last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    publication_download_record(publication_id=publication.pk, day=last_month)
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.context["downloads"] == []
    assert "No download yet." in response.content.decode()


def test_contributor_dashboard_lists_only_their_items(client, contributor):
    PublicationFactory(title="Mine in review", status=Status.REVIEW, created_by=contributor)
    PublicationFactory(title="Someone else in review", status=Status.REVIEW)
    client.force_login(contributor)
    response = client.get("/admin/")
    assert titles(response.context["in_review"]) == ["Mine in review"]
    assert "Someone else in review" not in response.content.decode()
