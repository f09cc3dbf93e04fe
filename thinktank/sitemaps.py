"""/sitemap.xml: publications, centers, experts, landing pages, in both interface languages."""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.urls import reverse

from centers.models import Center
from publications import languages
from publications.models import (
    Author,
    Publication,
    PublicationAuthor,
    PublicationCenter,
)
from taxonomy.models import Region, Theme


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
    """Each publication in both interfaces with its alternates; a work published in several
    languages is listed once per version, at its own-language page, with the versions as
    alternates (the same cluster as the pages' hreflang links)."""

    changefreq = "monthly"
    priority = 0.8

    def items(self):
        items = list(
            Publication.objects.published()
            .only("slug", "updated_at", "language", "translation_of_id")
            .order_by("pk")
        )
        works = defaultdict(list)
        for item in items:
            works[item.translation_root_id].append(item)
        for item in items:
            versions = works[item.translation_root_id]
            item.versions = versions if len(versions) > 1 else None
        return items

    def get_languages_for_item(self, item):
        if item.versions:
            return [languages.interface_language_for(item.language)]
        return super().get_languages_for_item(item)

    def lastmod(self, item):
        return item.updated_at

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for info in urls:
            publication, _language = info["item"]
            if publication.versions:
                info["alternates"] = [
                    {"location": f"{protocol}://{domain}{path}", "lang_code": code}
                    for code, path in languages.version_alternates(publication.versions)
                ]
        return urls


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


class TreeSitemap(LastModSitemap):
    """The landing pages of one tree (regions or themes); a node changes with its subtree."""

    priority = 0.6
    model = None

    def items(self):
        links = self.model.publications.through
        field = self.model._meta.model_name
        subtree = _latest_update_in_subtree(links, field)
        return self.model.objects.annotate(last_update=subtree).order_by("pk")


class RegionSitemap(TreeSitemap):
    model = Region


class ThemeSitemap(TreeSitemap):
    model = Theme


class SectionSitemap(I18nSitemap):
    """Home and the index pages; their last change is the last published publication's."""

    priority = 1.0
    changefreq = "daily"

    def items(self):
        return [
            "home",
            "publications:list",
            "centers:list",
            "publications:expert_list",
            "taxonomy:region_list",
            "taxonomy:theme_list",
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
