"""RSS 2.0 of the latest publications, narrowed by the list's own filters (?region=, ?theme=...)."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from taxonomy.models import Region, Theme

from .filters import PublicationFilterSet
from .models import Publication
from .presenters import querystring

FEED_SIZE = 30


class PublicationFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return PublicationFilterSet(
            request.GET,
            queryset=Publication.objects.published()
            .for_listing()
            .prefetch_related("regions", "themes"),
        )

    def title(self, filterset):
        names = self._narrowed_by(filterset)
        if names:
            return _("%(institute)s: latest publications on %(topics)s") % {
                "institute": settings.INSTITUTE_NAME,
                "topics": ", ".join(names),
            }
        return _("%(institute)s: latest publications") % {"institute": settings.INSTITUTE_NAME}

    def _narrowed_by(self, filterset):
        data = filterset.form.cleaned_data if filterset.is_valid() else {}
        names = []
        if data.get("region"):
            names += Region.objects.filter(slug__in=data["region"]).values_list("name", flat=True)
        if data.get("theme"):
            names += Theme.objects.filter(slug__in=data["theme"]).values_list("name", flat=True)
        return names

    def link(self, filterset):
        return reverse("publications:list") + querystring(self.request.GET)

    def feed_url(self, filterset):
        return reverse("publications:feed") + querystring(self.request.GET)

    def description(self, filterset):
        return _("New analyses, reports and books from %(institute)s.") % {
            "institute": settings.INSTITUTE_NAME
        }

    def items(self, filterset):
        return filterset.qs[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return "\n\n".join(item.summary_paragraphs)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_absolute_url())

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        moment = datetime.datetime.combine(item.published_on, datetime.time(8, 0))
        return timezone.make_aware(moment)

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.ordered_authors) or None

    def item_categories(self, item):
        return [node.name for node in [*item.regions.all(), *item.themes.all()]]
