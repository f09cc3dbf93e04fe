"""The one filter definition of the catalogue, shared by the list, exports, feeds and the API.

Query parameters are the contract's: q, region, theme, center, type, author, language, series,
year_from, year_to, sort. A region or theme includes its descendants; several values of one
parameter are OR, different parameters are AND. Every filter is an EXISTS/IN subquery, so rows
are never duplicated and no DISTINCT is needed.

Validation: slugs are resolved once per request (one small query per parameter present) and an
unknown slug or a malformed value is a form error naming its field. The API answers 400 with
those errors (django-filter's DRF backend); the list page applies the valid part of the request
and shows `ignored_messages()`.
"""

import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from centers.models import Center
from taxonomy.models import Region, Theme

from .models import Author, Publication, Series
from .search import clean_query, filter_search, order_by_relevance

MAX_VALUES = 20
MAX_VALUE_LENGTH = 100


def _clean_text(value):
    """Drop NUL and other control characters (PostgreSQL refuses NUL in strings)."""
    return "".join(ch for ch in str(value) if ch.isprintable()).strip()


class MultiValueField(forms.Field):
    """A repeatable parameter (`?region=a&region=b`, `?region=a,b` also accepted)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        values = []
        for item in value:
            for part in str(item).split(","):
                part = _clean_text(part)[:MAX_VALUE_LENGTH]
                if part and part not in values:
                    values.append(part)
        return values[:MAX_VALUES]


class MultiChoiceValueField(MultiValueField):
    def __init__(self, *, choices=(), **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple(choices=choices))
        super().__init__(**kwargs)
        self.choices = list(choices)


class QueryField(forms.CharField):
    """Free text; control characters are removed rather than refused, length is bounded."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.validators = [v for v in self.validators if "Null" not in type(v).__name__]

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("\x00", "")[:2000]
        return super().to_python(value)


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class ResolvedFilter(django_filters.Filter):
    """A multi-valued filter whose values the form resolved (slugs to primary keys)."""

    field_class = MultiValueField

    def __init__(self, *args, queryset_method, **kwargs):
        self.queryset_method = queryset_method
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return getattr(qs, self.queryset_method)(value)


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class ChoicesFilter(ResolvedFilter):
    field_class = MultiChoiceValueField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, queryset_method="", **kwargs)

    def filter(self, qs, value):
        return qs.filter(**{f"{self.field_name}__in": value}) if value else qs


class QueryFilter(django_filters.CharFilter):
    field_class = QueryField


@extend_schema_field(OpenApiTypes.INT)
class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField

    def __init__(self, *args, bound, **kwargs):
        self.bound = bound
        kwargs.setdefault("min_value", 1000)
        kwargs.setdefault("max_value", 9999)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in (None, ""):
            return qs
        if self.bound == "from":
            return qs.filter(published_on__gte=datetime.date(value, 1, 1))
        return qs.filter(published_on__lte=datetime.date(value, 12, 31))


# --- Resolution of slugs: (values) -> (what the filter receives, the values that were known) ---
def _resolve_tree(model, slugs):
    """Ids of the nodes named and of all their descendants (one query: the trees are small)."""
    nodes = list(model.objects.values_list("pk", "slug", "path"))
    roots = [path for _pk, slug, path in nodes if slug in slugs]
    ids = [pk for pk, _slug, path in nodes if any(path.startswith(root) for root in roots)]
    known = {slug for _pk, slug, _path in nodes if slug in slugs}
    return ids, known


def _resolve_centers(slugs):
    """Ids of the centers named and of their programs; known = the slugs named directly."""
    rows = list(Center.objects.with_programs(slugs).values_list("pk", "slug"))
    return sorted(pk for pk, _s in rows), {slug for _pk, slug in rows if slug in slugs}


def _resolve_simple(model):
    def resolve(slugs):
        rows = list(model.objects.filter(slug__in=slugs).values_list("pk", "slug"))
        return [pk for pk, _slug in rows], {slug for _pk, slug in rows}

    return resolve


def _resolve_choices(choices):
    def resolve(values):
        known = {value for value in values if value in dict(choices)}
        return sorted(known), known

    return resolve


RESOLVERS = {
    "region": lambda slugs: _resolve_tree(Region, slugs),
    "theme": lambda slugs: _resolve_tree(Theme, slugs),
    "center": _resolve_centers,
    "author": _resolve_simple(Author),
    "series": _resolve_simple(Series),
    "type": _resolve_choices(Publication.Type.choices),
    "language": _resolve_choices(Publication.Language.choices),
}


class PublicationFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        self.resolved = {}
        self.unknown = {}
        for name, resolve in RESOLVERS.items():
            values = cleaned.get(name) or []
            if not values:
                continue
            resolved, known = resolve(values)
            self.resolved[name] = resolved
            unknown = [value for value in values if value not in known]
            if unknown:
                self.unknown[name] = unknown
                self.add_error(
                    name,
                    ValidationError(
                        ngettext(
                            "Unknown value: %(values)s.",
                            "Unknown values: %(values)s.",
                            len(unknown),
                        ),
                        code="unknown",
                        params={"values": ", ".join(unknown)},
                    ),
                )
        return cleaned


SORT_CHOICES = [
    ("newest", _("Newest first")),
    ("oldest", _("Oldest first")),
    ("relevance", _("Relevance")),
    ("title", _("Title")),
]


class PublicationFilterSet(django_filters.FilterSet):
    SORTS = {
        "newest": ("-published_on", "-pk"),
        "oldest": ("published_on", "pk"),
        "title": ("title", "pk"),
    }
    # Facet name -> the parameters it ignores (disjunctive faceting).
    FACET_PARAMS = {
        "region": ("region",),
        "theme": ("theme",),
        "center": ("center",),
        "type": ("type",),
        "language": ("language",),
        "year": ("year_from", "year_to"),
    }

    q = QueryFilter(label=_("Search"), method="filter_q")
    region = ResolvedFilter(label=_("Region"), queryset_method="in_region_ids")
    theme = ResolvedFilter(label=_("Theme"), queryset_method="in_theme_ids")
    center = ResolvedFilter(label=_("Center or program"), queryset_method="in_center_ids")
    type = ChoicesFilter(label=_("Type"), choices=Publication.Type.choices)
    author = ResolvedFilter(label=_("Expert"), queryset_method="by_author_ids")
    language = ChoicesFilter(label=_("Language"), choices=Publication.Language.choices)
    series = ResolvedFilter(label=_("Series"), queryset_method="in_series_ids")
    year_from = YearFilter(label=_("From year"), bound="from")
    year_to = YearFilter(label=_("To year"), bound="to")
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=SORT_CHOICES, method="filter_sort", empty_label=None
    )

    class Meta:
        model = Publication
        fields = []
        form = PublicationFilterForm

    # --- Filtering ---------------------------------------------------------------------------
    def filter_q(self, queryset, name, value):
        return filter_search(queryset, value)

    def filter_sort(self, queryset, name, value):
        return queryset  # ordering is applied last, in `qs`

    def _value(self, name):
        form = self.form
        resolved = getattr(form, "resolved", {})
        if name in resolved:
            return resolved[name]
        return form.cleaned_data.get(name)

    def filter_queryset(self, queryset, *, exclude=()):
        """Apply every valid filter except those named in `exclude` (no ordering)."""
        self.errors  # noqa: B018 - validates the form once
        for name, filter_ in self.filters.items():
            if name in exclude or name == "sort":
                continue
            queryset = filter_.filter(queryset, self._value(name))
        return queryset

    @property
    def search_text(self):
        self.errors  # noqa: B018
        return clean_query(self.form.cleaned_data.get("q") or "") if self.is_bound else ""

    @property
    def sort_value(self):
        self.errors  # noqa: B018
        chosen = self.form.cleaned_data.get("sort") if self.is_bound else ""
        if chosen == "relevance" and not self.search_text:
            chosen = ""
        return chosen or ("relevance" if self.search_text else "newest")

    def order(self, queryset):
        sort = self.sort_value
        if sort == "relevance":
            return order_by_relevance(queryset, self.search_text)
        return queryset.order_by(*self.SORTS[sort])

    @property
    def qs(self):
        if not hasattr(self, "_qs"):
            qs = self.queryset.all()
            if self.is_bound:
                qs = self.filter_queryset(qs)
            self._qs = self.order(qs)
        return self._qs

    def queryset_for_facet(self, facet):
        """The current result without the facet's own selection (unordered)."""
        qs = self.queryset.all()
        if not self.is_bound:
            return qs
        return self.filter_queryset(qs, exclude=self.FACET_PARAMS[facet])

    def unordered_qs(self):
        qs = self.queryset.all()
        return self.filter_queryset(qs) if self.is_bound else qs

    def selected_raw(self, name):
        """The value a filter actually applies (resolved ids, a year...), or a falsy value."""
        if not self.is_bound:
            return None
        self.errors  # noqa: B018
        return self._value(name)

    def selected(self, name):
        """The valid values of a parameter as given (slugs, not ids), for facets and chips."""
        if not self.is_bound:
            return []
        self.errors  # noqa: B018
        data = self.form.data
        raw = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        values = self.form.fields[name].to_python(raw) if name in RESOLVERS else []
        unknown = set(getattr(self.form, "unknown", {}).get(name, ()))
        return [value for value in values if value not in unknown]

    # --- What the list page says about ignored input -------------------------------------------
    def ignored_messages(self):
        """Human messages for every part of the request that was ignored (list page)."""
        if not self.is_bound:
            return []
        messages = []
        unknown = getattr(self.form, "unknown", {})
        for name, errors in self.errors.items():
            label = self.filters[name].label if name in self.filters else name
            if name in unknown:
                # Translators: quotes around a value the reader typed.
                values = ", ".join(str(_("“%(value)s”") % {"value": v}) for v in unknown[name])
                messages.append(
                    format_lazy(
                        # Translators: {label} is a filter, {values} what was given.
                        _("{label}: {values} {ignored}"),
                        label=label,
                        values=values,
                        ignored=ngettext(
                            "is unknown and was ignored.",
                            "are unknown and were ignored.",
                            len(unknown[name]),
                        ),
                    )
                )
            else:
                messages.append(
                    format_lazy(
                        # Translators: {label} is a filter, {error} what was wrong.
                        _("{label}: {error} {ignored}"),
                        label=label,
                        error=" ".join(str(e) for e in errors),
                        ignored=_("The value was ignored."),
                    )
                )
        raw_q = self.form.data.get("q", "")
        if raw_q and raw_q.strip() and not self.search_text and "q" not in self.errors:
            messages.append(_("The search has no words to look for; it was ignored."))
        return [str(message) for message in messages]
