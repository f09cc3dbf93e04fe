"""The read-only JSON API (/api/v1/): same filters as the list page, paginated."""

from django.db.models import Prefetch
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets

from centers.models import Center
from publications.filters import PublicationFilterSet
from publications.models import Author, Publication
from taxonomy.models import Region, Theme

from . import serializers
from .pagination import Pagination

# Only slugs reach a lookup; anything else (a NUL byte, which PostgreSQL refuses) is the
# JSON 404 of urls.py.
SLUG = r"[-a-zA-Z0-9_]+"


class PublicationViewSet(viewsets.ReadOnlyModelViewSet):
    """Published publications, filtered with the list page's parameters."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    queryset = Publication.objects.none()  # for the schema; get_queryset() is what serves
    pagination_class = Pagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = PublicationFilterSet

    def get_queryset(self):
        queryset = Publication.objects.published()
        if self.action == "retrieve":
            queryset = queryset.for_detail().select_related("translation_of")
        else:
            queryset = queryset.for_listing()
        return queryset.prefetch_related(
            Prefetch("regions", queryset=Region.objects.only("pk", "slug")),
            Prefetch("themes", queryset=Theme.objects.only("pk", "slug")),
            Prefetch("centers", queryset=Center.objects.active().only("pk", "slug")),
        )

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.PublicationDetailSerializer
        return serializers.PublicationListSerializer


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = SLUG
    pagination_class = Pagination
    serializer_class = serializers.RegionSerializer
    queryset = Region.objects.order_by("path")


class ThemeViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = SLUG
    pagination_class = Pagination
    serializer_class = serializers.ThemeSerializer
    queryset = Theme.objects.order_by("path")


class CenterViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = SLUG
    pagination_class = Pagination
    serializer_class = serializers.CenterSerializer
    queryset = Center.objects.active().select_related("parent").order_by("order", "name")


class ExpertViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = SLUG
    pagination_class = Pagination
    serializer_class = serializers.ExpertSerializer

    def get_queryset(self):
        return Author.objects.public().prefetch_related(
            Prefetch("centers", queryset=Center.objects.active().only("pk", "slug"))
        )
