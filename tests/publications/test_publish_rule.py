"""The publish rule has one definition for rows (`published_condition()`, behind
`Publication.objects.published()`) and its twin for one publication in memory
(`querysets.is_waiting` / `public_from`, the admin's "Scheduled for …" badge): they must agree
on every combination of status, publication date and schedule."""

import datetime
import itertools

import pytest
import time_machine
from django.utils import timezone

from publications.models import Publication
from publications.querysets import is_waiting, public_from
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2030, 5, 4, 10, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


@time_machine.travel(NOW, tick=False)
def test_the_rule_for_one_publication_agrees_with_published():
    today = timezone.localdate()
    dates = [today - DAY, today, today + DAY]
    schedules = [None, NOW - datetime.timedelta(hours=1), NOW + datetime.timedelta(hours=1)]
    statuses = [Publication.Status.PUBLISHED, Publication.Status.DRAFT]
    for status, published_on, publish_at in itertools.product(statuses, dates, schedules):
        publication = PublicationFactory(
            status=status, published_on=published_on, publish_at=publish_at
        )
        public = Publication.objects.published().filter(pk=publication.pk).exists()
        waiting = Publication.objects.waiting().filter(pk=publication.pk).exists()
        case = (status, published_on, publish_at)
        assert is_waiting(publication) == waiting, case
        if status == Publication.Status.PUBLISHED:
            assert public == (public_from(publication) <= NOW), case
