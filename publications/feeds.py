"""RSS 2.0 of the latest publications, narrowed by the list's own filters (?region=, ?theme=...)."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from .filters import PublicationFilterSet
from .models import Publication

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
        return [
            option.label for name in ("region", "theme") for option in filterset.selection(name)
        ]

    def link(self, filterset):
        return reverse("publications:list") + filterset.query_string()

    def feed_url(self, filterset):
        return reverse("publications:feed") + filterset.query_string()

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
