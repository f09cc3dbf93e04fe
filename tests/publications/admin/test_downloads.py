"""Downloads in the admin: the day-by-day list, the publication's downloads column (a link to
its days) and the chart on its change form."""

import datetime

import pytest

from publications.admin.downloads import daily_downloads, downloads_svg
from publications.models import DownloadDay, Publication
from publications.pdf.downloads import publication_download_record
from tests.admin_forms import admin_url
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def test_daily_downloads_fills_missing_days_with_zero():
    publication = PublicationFactory()
    today = datetime.date(2025, 5, 10)
    publication_download_record(publication_id=publication.pk, day=today)
    publication_download_record(publication_id=publication.pk, day=today)
    publication_download_record(
        publication_id=publication.pk, day=today - datetime.timedelta(days=2)
    )
    series = daily_downloads(publication, days=3, today=today)
    assert series == [
        (datetime.date(2025, 5, 8), 1),
        (datetime.date(2025, 5, 9), 0),
        (datetime.date(2025, 5, 10), 2),
    ]
    svg = downloads_svg(series)
    assert svg.count("<rect") == 3
    assert "3 downloads in the last 3 days; at most 2 a day." in svg
    assert 'role="img"' in svg


def test_chart_summary_says_one_download_in_the_singular():
    days = [datetime.date(2025, 5, 8), datetime.date(2025, 5, 9), datetime.date(2025, 5, 10)]
    svg = downloads_svg(list(zip(days, [0, 1, 0], strict=True)))
    assert "1 download in the last 3 days; at most 1 a day." in svg


def test_changelist_column_links_to_the_days_of_the_publication(admin_client):
    publication = PublicationFactory()
    publication_download_record(publication_id=publication.pk)
    response = admin_client.get(admin_url(Publication, "changelist"))
    days = admin_url(DownloadDay, "changelist") + f"?publication__id__exact={publication.pk}"
    assert f'<td class="field-downloads_column"><a href="{days}">1</a></td>' in (
        response.content.decode()
    )
    response = admin_client.get(days)
    assert response.status_code == 200
    assert [row.count for row in response.context["cl"].result_list] == [1]


@pytest.mark.parametrize(
    ("downloads", "summary", "link"),
    [
        (1, "1 download in the last 90 days", "1 counted download, day by day"),
        (2, "2 downloads in the last 90 days", "All 2 counted downloads, day by day"),
    ],
)
def test_change_page_shows_the_downloads_chart(admin_client, downloads, summary, link):
    publication = PublicationFactory()
    for _ in range(downloads):
        publication_download_record(publication_id=publication.pk)
    response = admin_client.get(admin_url(Publication, "change", publication.pk))
    page = response.content.decode()
    assert "downloads-chart-desc" in page
    assert summary in page
    assert f">{link}</a>" in page


def test_downloads_by_day_are_read_only(admin_client):
    publication = PublicationFactory()
    publication_download_record(publication_id=publication.pk)
    day = DownloadDay.objects.get()
    assert admin_client.get(admin_url(DownloadDay, "add")).status_code == 403
    response = admin_client.post(admin_url(DownloadDay, "change", day.pk), {"count": "99"})
    assert response.status_code == 403
    day.refresh_from_db()
    assert day.count == 1
