"""The download counter: what counts as a download, the total and the rows by day, no count
lost under concurrency (what staff see of it: tests/publications/admin/test_downloads.py)."""

import datetime

import pytest
from django.utils import timezone

from publications.models import DownloadDay
from publications.pdf.downloads import publication_download_record
from tests.factories import PublicationFactory, attach_pdf
from tests.pdf_documents import body
from tests.publications.pdf.concurrency import run_together

pytestmark = pytest.mark.django_db


@pytest.fixture
def publication():
    publication = PublicationFactory(slug="counted")
    attach_pdf(publication)
    return publication


def downloads(publication):
    publication.refresh_from_db()
    return publication.download_count


def test_downloads_are_counted_once_per_download(client, publication):
    url = publication.get_pdf_url()
    client.get(url)  # 200: counts
    client.get(url, headers={"Range": "bytes=0-65535"})  # a viewer's first range: counts
    client.get(url, headers={"Range": "bytes=65536-"})  # its later ranges: do not
    client.get(url, headers={"Range": "bytes=-500"})
    client.head(url)
    assert downloads(publication) == 2
    today = DownloadDay.objects.get(publication=publication)
    assert (today.day, today.count) == (timezone.localdate(), 2)


def test_downloads_are_kept_by_day(publication):
    monday, tuesday = datetime.date(2025, 3, 3), datetime.date(2025, 3, 4)
    for day in (monday, monday, tuesday):
        publication_download_record(publication_id=publication.pk, day=day)
    rows = DownloadDay.objects.filter(publication=publication).order_by("day")
    assert [(r.day, r.count) for r in rows] == [(monday, 2), (tuesday, 1)]
    assert downloads(publication) == 3


def test_serving_an_upload_takes_three_queries(client, publication, django_assert_num_queries):
    # the publication; the total; the day's upsert
    with django_assert_num_queries(3):
        response = client.get(publication.get_pdf_url())
        body(response)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_downloads_lose_no_count(publication):
    from django.test import Client

    url = publication.get_pdf_url()
    statuses = []

    def download():
        response = Client().get(url)
        body(response)
        statuses.append(response.status_code)

    run_together(download, times=20)
    assert statuses == [200] * 20
    assert downloads(publication) == 20
    assert DownloadDay.objects.get(publication=publication).count == 20
