"""The download counter of publications' PDFs: a total on the publication and a row per day.

The PDF view calls `publication_download_record` for each response that starts a download
(see `serving.Served.starts_download`); the admin reads the rows (`admin/downloads.py`).
"""

import datetime

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from publications.models import DownloadDay, Publication


def publication_download_record(*, publication_id: int, day: datetime.date | None = None) -> None:
    """Count one download of publication `publication_id` on `day` (default: today, local time).

    Two statements, each atomic in the database, so concurrent downloads lose no count:
    `download_count + 1` on the publication, and an upsert of the day's `DownloadDay` row.
    """
    day = day or timezone.localdate()
    Publication.objects.filter(pk=publication_id).update(download_count=F("download_count") + 1)
    if connection.vendor in {"postgresql", "sqlite"}:
        table = connection.ops.quote_name(DownloadDay._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (publication_id, day, count) VALUES (%s, %s, 1) "
                f"ON CONFLICT (publication_id, day) DO UPDATE SET count = {table}.count + 1",
                [publication_id, day],
            )
        return
    # Other databases: update, else insert; a concurrent insert loses the race and updates.
    days = DownloadDay.objects.filter(publication_id=publication_id, day=day)
    if days.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DownloadDay.objects.create(publication_id=publication_id, day=day, count=1)
    except IntegrityError:
        days.update(count=F("count") + 1)
