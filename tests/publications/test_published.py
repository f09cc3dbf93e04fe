import datetime

import pytest
from django.utils import timezone

from publications.models import Publication
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def test_published_includes_only_public_items():
    now = timezone.now()
    today = timezone.localdate()
    visible = {
        PublicationFactory(slug="plain").pk,
        PublicationFactory(slug="past-schedule", publish_at=now - datetime.timedelta(minutes=1)).pk,
        PublicationFactory(slug="dated-today", published_on=today).pk,
    }
    PublicationFactory(slug="draft", status=Publication.Status.DRAFT)
    PublicationFactory(slug="review", status=Publication.Status.REVIEW)
    PublicationFactory(slug="archived", status=Publication.Status.ARCHIVED)
    PublicationFactory(slug="future-date", published_on=today + datetime.timedelta(days=1))
    PublicationFactory(slug="scheduled", publish_at=now + datetime.timedelta(hours=1))

    assert set(Publication.objects.published().values_list("pk", flat=True)) == visible


def test_scheduled_publication_appears_once_publish_at_has_passed():
    publish_at = timezone.now() + datetime.timedelta(hours=1)
    item = PublicationFactory(publish_at=publish_at)
    assert item not in Publication.objects.published()
    later = publish_at + datetime.timedelta(seconds=1)
    assert item in Publication.objects.published(now=later)
