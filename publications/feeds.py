"""RSS 2.0 of the latest publications, narrowed by the list's own filters (?region=, ?theme=...).

Every text the feed carries goes through `thinktank.text.xml_text`: a character XML 1.0 does not
allow (U+000B, U+0001, U+FFFE...) would make Django refuse to write the feed (a 500 for every
subscriber) or make the document unreadable to feed readers. Text entering the site is cleaned
already; this keeps older rows from breaking the feed.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from thinktank.text import xml_text

from .filters import PublicationFilterSet
from .models import Publication

FEED_SIZE = 30


def _xml_safe(value):
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list | tuple):
        return [_xml_safe(item) for item in value]
    return value


class XmlSafeRss201rev2Feed(Rss201rev2Feed):
    """RSS 2.0 whose feed and item texts hold only characters XML 1.0 allows."""

    def __init__(self, *args, **kwargs):
        super().__init__(*_xml_safe(list(args)), **{k: _xml_safe(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*_xml_safe(list(args)), **{k: _xml_safe(v) for k, v in kwargs.items()})


class PublicationFeed(Feed):
    feed_type = XmlSafeRss201rev2Feed

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
