"""/sitemap.xml: publications, centers, experts, landing pages, in both interface languages."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.urls import reverse

from centers.models import Center

from .models import (
    Author,
    Publication,
    PublicationAuthor,
    PublicationCenter,
    PublicationRegion,
    PublicationTheme,
    Region,
    Theme,
)


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 2000


def _latest_update(through, field):
    """The last change among the published publications linked to the outer row."""
    rows = (
        through.objects.filter(
            **{field: OuterRef("pk")},
            publication__in=Publication.objects.published().values("pk"),
        )
        .order_by()
        .values(field)
        .annotate(latest=Max("publication__updated_at"))
        .values("latest")
    )
    return Subquery(rows)


def _latest_update_in_subtree(through, field):
    """The last change among published publications tagged with the node or a descendant."""
    rows = through.objects.filter(
        **{f"{field}__path__startswith": OuterRef("path")},
        publication__in=Publication.objects.published().values("pk"),
    ).order_by("-publication__updated_at")
    return Subquery(rows.values("publication__updated_at")[:1])


class PublicationSitemap(I18nSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Publication.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class LastModSitemap(I18nSitemap):
    def lastmod(self, item):
        return item.last_update


class CenterSitemap(LastModSitemap):
    priority = 0.6

    def items(self):
        return (
            Center.objects.active()
            .annotate(last_update=_latest_update(PublicationCenter, "center"))
            .order_by("pk")
        )


class ExpertSitemap(LastModSitemap):
    priority = 0.5

    def items(self):
        return (
            Author.objects.public()
            .annotate(last_update=_latest_update(PublicationAuthor, "author"))
            .order_by("pk")
        )


class RegionSitemap(LastModSitemap):
    priority = 0.6

    def items(self):
        return Region.objects.annotate(
            last_update=_latest_update_in_subtree(PublicationRegion, "region")
        ).order_by("pk")


class ThemeSitemap(LastModSitemap):
    priority = 0.6

    def items(self):
        return Theme.objects.annotate(
            last_update=_latest_update_in_subtree(PublicationTheme, "theme")
        ).order_by("pk")


class SectionSitemap(I18nSitemap):
    """Home and the index pages; their last change is the last published publication's."""

    priority = 1.0
    changefreq = "daily"

    def items(self):
        return [
            "publications:home",
            "publications:list",
            "centers:list",
            "publications:expert_list",
            "publications:region_list",
            "publications:theme_list",
        ]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if not hasattr(self, "_latest"):
            self._latest = Publication.objects.published().aggregate(latest=Max("updated_at"))[
                "latest"
            ]
        return self._latest


sitemaps = {
    "sections": SectionSitemap,
    "publications": PublicationSitemap,
    "centers": CenterSitemap,
    "experts": ExpertSitemap,
    "regions": RegionSitemap,
    "themes": ThemeSitemap,
}
