"""The one filter definition of the catalogue, shared by the list, exports, feeds and the API.

Query parameters are the contract's: q, region, theme, center, type, author, language, series,
year_from, year_to, sort. A region or theme includes its descendants; several values of one
parameter are OR, different parameters are AND. Every filter is an EXISTS/IN subquery, so rows
are never duplicated and no DISTINCT is needed.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from .models import Publication, PublicationAuthor


class MultipleSlugField(forms.Field):
    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        slugs = []
        for item in value:
            slugs.extend(part.strip() for part in str(item).split(",") if part.strip())
        return slugs[:50]


class MultipleSlugFilter(django_filters.Filter):
    field_class = MultipleSlugField

    def __init__(self, *args, queryset_method, **kwargs):
        self.queryset_method = queryset_method
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return getattr(qs, self.queryset_method)(value)


class PublicationFilterSet(django_filters.FilterSet):
    SORTS = {
        "newest": ("-published_on", "-pk"),
        "oldest": ("published_on", "pk"),
        "title": ("title", "pk"),
    }

    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    region = MultipleSlugFilter(label=_("Region"), queryset_method="in_region")
    theme = MultipleSlugFilter(label=_("Theme"), queryset_method="in_theme")
    center = MultipleSlugFilter(label=_("Center or program"), queryset_method="in_center")
    author = MultipleSlugFilter(label=_("Expert"), queryset_method="by_author")
    type = django_filters.MultipleChoiceFilter(
        label=_("Type"), choices=Publication.Type.choices, widget=forms.CheckboxSelectMultiple
    )
    language = django_filters.MultipleChoiceFilter(
        label=_("Language"),
        choices=Publication.Language.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    series = MultipleSlugFilter(label=_("Series"), queryset_method="in_series")
    year_from = django_filters.NumberFilter(
        label=_("From year"),
        field_name="published_on",
        lookup_expr="year__gte",
        min_value=1900,
        max_value=2200,
    )
    year_to = django_filters.NumberFilter(
        label=_("To year"),
        field_name="published_on",
        lookup_expr="year__lte",
        min_value=1900,
        max_value=2200,
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("relevance", _("Relevance")),
            ("title", _("Title")),
        ],
        method="filter_sort",
        empty_label=None,
    )

    class Meta:
        model = Publication
        fields = []

    def filter_q(self, queryset, name, value):
        value = (value or "").replace("\x00", "").strip()[:200]
        if not value:
            return queryset
        author_match = PublicationAuthor.objects.filter(
            publication=OuterRef("pk"), author__name__icontains=value
        )
        return queryset.filter(
            Q(title__icontains=value)
            | Q(subtitle__icontains=value)
            | Q(summary__icontains=value)
            | Exists(author_match)
        )

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*self.SORTS.get(value, self.SORTS["newest"]))

    @property
    def qs(self):
        qs = super().qs
        if not self.form.cleaned_data.get("sort"):
            qs = qs.order_by(*self.SORTS["newest"])
        return qs
