"""The editors' dashboard on the admin index: what waits, what is coming, what readers fetch."""

import datetime

from django import template
from django.db.models import Q, Sum
from django.utils import timezone

from publications import permissions
from publications.models import Publication

register = template.Library()

ROWS = 8


def most_downloaded_this_month(queryset, *, today):
    """[(publication, downloads since the first of the month)], from the daily counts."""
    rows = (
        queryset.annotate(
            month_downloads=Sum(
                "download_days__count", filter=Q(download_days__day__gte=today.replace(day=1))
            )
        )
        .filter(month_downloads__gt=0)
        .order_by("-month_downloads", "-pk")
    )
    return [(p, p.month_downloads) for p in rows[:ROWS]]


@register.inclusion_tag("admin/includes/editors_dashboard.html", takes_context=True)
def editors_dashboard(context):
    request = context["request"]
    user = request.user
    if not (
        user.has_perm("publications.view_publication")
        or user.has_perm("publications.change_publication")
    ):
        return {"show": False}
    now = timezone.now()
    Status = Publication.Status
    publications = permissions.visible_publications(user, Publication.objects.all()).only(
        "pk", "title", "status", "publish_at", "published_on", "updated_at", "download_count"
    )
    downloads = most_downloaded_this_month(
        publications.filter(status=Status.PUBLISHED), today=timezone.localdate(now)
    )
    month_ago = timezone.localdate(now) - datetime.timedelta(days=30)
    return {
        "show": True,
        "in_review": publications.filter(status=Status.REVIEW).order_by("-updated_at")[:ROWS],
        "scheduled": publications.waiting(now=now).order_by("publish_at", "published_on")[:ROWS],
        "recently_published": Publication.objects.published(now=now)
        .filter(pk__in=publications.values("pk"), published_on__gte=month_ago)
        .only("pk", "title", "published_on", "publish_at")
        .order_by("-published_on", "-pk")[:ROWS],
        "recently_edited": publications.order_by("-updated_at")[:ROWS],
        "downloads": downloads,
    }
