"""The filters of the experts' A–Z page (`/experts/?q=…&center=…&region=…&theme=…`).

One value each: `q` (words of the name or title, accents and case ignored), `center` (its
members and its programs' members), `region` and `theme` (experts with a public publication on
that node or one below it). An unknown slug is left out (the form says so), never a 500.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from centers.models import Center
from taxonomy.models import Region, Theme

from .models import Author, Publication

MAX_NAME_QUERY = 100


def _tree_choices(rows):
    """Select options from (slug, name, depth) rows, deeper ones indented by no-break spaces."""
    return [(slug, "\u00a0\u00a0" * depth + name) for slug, name, depth in rows]


class ExpertFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name or title"), method="filter_q", max_length=MAX_NAME_QUERY
    )
    center = django_filters.ChoiceFilter(
        label=_("Center or program"), method="filter_center", empty_label=_("All centers")
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), method="filter_region", empty_label=_("All regions")
    )
    theme = django_filters.ChoiceFilter(
        label=_("Theme"), method="filter_theme", empty_label=_("All themes")
    )

    class Meta:
        model = Author
        fields = ["q", "center", "region", "theme"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.form.fields
        centers = Center.objects.active().in_tree_order()
        fields["center"].choices = [
            ("", fields["center"].empty_label),
            *_tree_choices((center.slug, center.name, depth) for center, depth in centers),
        ]
        for name, model in (("region", Region), ("theme", Theme)):
            options = model.objects.options_in_tree_order()
            rows = ((slug, label, depth) for _pk, slug, label, depth in options)
            fields[name].choices = [("", fields[name].empty_label), *_tree_choices(rows)]

    def filter_q(self, queryset, name, value):
        return queryset.matching(value)

    def filter_center(self, queryset, name, value):
        return queryset.in_centers([value])

    def filter_region(self, queryset, name, value):
        return queryset.authors_of(Publication.objects.published().in_region([value]))

    def filter_theme(self, queryset, name, value):
        return queryset.authors_of(Publication.objects.published().in_theme([value]))

    @property
    def active(self):
        """Whether any valid filter narrows the list."""
        return self.is_bound and any(self.form.cleaned_data.get(n) for n in self.filters)

    @property
    def ignored(self):
        """Labels of the parameters given with a value the page could not use."""
        return [self.filters[n].label for n in self.errors] if self.is_bound else []
