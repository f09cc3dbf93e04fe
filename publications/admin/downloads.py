"""Download statistics in the admin: the read-only downloads-by-day list (`DownloadDayAdmin`)
and `PublicationDownloadsAdminMixin`, which `PublicationAdmin` (publication.py) mixes in for its
"downloads" column and the "Downloads" fieldset (`download_count`, `downloads_chart`).

`downloads_chart` is a server-rendered SVG bar chart of the last DOWNLOAD_CHART_DAYS days (one
query), with a text summary for screen readers; the column links to the day-by-day list of that
publication.
"""

import datetime

from django.contrib import admin
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from publications.models import DownloadDay

CHART_WIDTH, CHART_HEIGHT = 720, 140


@admin.register(DownloadDay)
class DownloadDayAdmin(admin.ModelAdmin):
    """Downloads by day: read-only, filterable by publication and date."""

    list_display = ["day", "publication", "count"]
    list_select_related = ["publication"]
    date_hierarchy = "day"
    search_fields = ["publication__title", "publication__slug"]
    list_filter = ["day"]
    ordering = ["-day", "-count"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def daily_downloads(publication, *, days, today=None):
    """[(day, count)] for the `days` days up to `today`, zeros included (one query)."""
    today = today or timezone.localdate()
    first = today - datetime.timedelta(days=days - 1)
    counts = dict(
        DownloadDay.objects.filter(publication=publication, day__gte=first).values_list(
            "day", "count"
        )
    )
    return [
        (first + datetime.timedelta(days=n), counts.get(first + datetime.timedelta(days=n), 0))
        for n in range(days)
    ]


def downloads_svg(series):
    """An accessible SVG bar chart of [(day, count)]."""
    peak = max((count for _day, count in series), default=0)
    total = sum(count for _day, count in series)
    slot = CHART_WIDTH / max(len(series), 1)
    plot = CHART_HEIGHT - 20
    bars = []
    for index, (day, count) in enumerate(series):
        height = 0 if not peak else max(round(plot * count / peak, 1), 1 if count else 0)
        bars.append(
            (
                round(index * slot + 1, 1),
                round(plot - height, 1),
                round(max(slot - 2, 1), 1),
                height,
                f"{day:%Y-%m-%d}: {count}",
            )
        )
    summary = ngettext(
        "%(total)s download in the last %(days)s days; at most %(peak)s a day.",
        "%(total)s downloads in the last %(days)s days; at most %(peak)s a day.",
        total,
    ) % {
        "total": total,
        "days": len(series),
        "peak": peak,
    }
    first, last = (series[0][0], series[-1][0]) if series else ("", "")
    return format_html(
        '<figure style="margin:0"><svg role="img" aria-labelledby="downloads-chart-desc" '
        'width="{w}" height="{h}" viewBox="0 0 {w} {h}" style="max-width:100%;height:auto">'
        '<desc id="downloads-chart-desc">{summary}</desc>'
        '<line x1="0" y1="{base}" x2="{w}" y2="{base}" stroke="#999" stroke-width="1"/>'
        "{bars}"
        '<text x="0" y="{h}" font-size="11" fill="#666">{first}</text>'
        '<text x="{w}" y="{h}" font-size="11" fill="#666" text-anchor="end">{last}</text>'
        "</svg><figcaption>{summary}</figcaption></figure>",
        w=CHART_WIDTH,
        h=CHART_HEIGHT,
        base=plot,
        summary=summary,
        first=first,
        last=last,
        bars=format_html_join(
            "",
            '<rect x="{}" y="{}" width="{}" height="{}" fill="#15294b"><title>{}</title></rect>',
            bars,
        ),
    )


def days_link(publication, label):
    """A link to the downloads-by-day list of `publication`."""
    return format_html(
        '<a href="{}?publication__id__exact={}">{}</a>',
        reverse("admin:publications_downloadday_changelist"),
        publication.pk,
        label,
    )


class PublicationDownloadsAdminMixin:
    DOWNLOAD_CHART_DAYS = 90

    @admin.display(description=_("downloads"), ordering="download_count")
    def downloads_column(self, obj):
        return days_link(obj, obj.download_count)

    @admin.display(description=_("downloads over time"))
    def downloads_chart(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        if not obj.download_count and not obj.download_days.exists():
            return _("No downloads yet.")
        series = daily_downloads(obj, days=self.DOWNLOAD_CHART_DAYS)
        # Not download_count: the link promises the day rows, and the total can hold more
        # (downloads counted before the day table existed, migration 0005, were not spread
        # over days; the two counters are written by separate statements).
        all_time = obj.download_days.aggregate(total=Sum("count"))["total"] or 0
        return format_html(
            "{}<p>{}</p>",
            downloads_svg(series),
            days_link(
                obj,
                ngettext(
                    "%(count)s counted download, day by day",
                    "All %(count)s counted downloads, day by day",
                    all_time,
                )
                % {"count": all_time},
            ),
        )
