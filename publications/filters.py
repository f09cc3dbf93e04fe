"""The catalogue's filters: the one parser of the list's query string, shared by the list page,
the exports (CSV, BibTeX, RIS, reading-list PDF), the feed and the API.

Query parameters are the contract's: q, region, theme, center, type, author, language, series,
year_from, year_to, sort. A region or theme includes its descendants and a center its programs;
several values of one parameter are OR, different parameters are AND. Every filter is an
EXISTS/IN subquery, so rows are never duplicated and no DISTINCT is needed.

The request is read once, here. Validation resolves each slug against the options the form
offers (one small query per tree or table named, shared with the form), and an unknown slug or
a malformed value is a form error naming its field: the API answers 400 with those errors
(django-filter's DRF backend); pages apply the valid part and show `ignored_messages()`.
Everything a page says about the request comes from the same state: the selection with its
labels (`selection()`), the removable chips (`chips()`), links that keep the filters
(`query_string()`), and the options of the form (`options()`).
"""

import datetime
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from centers.models import Center
from taxonomy.models import Region, Theme
from thinktank.redirects import current_slugs

from .models import Author, Publication, Series
from .search import MAX_QUERY_LENGTH, clean_query, filter_search, order_by_relevance, printable

MAX_VALUES = 20
MAX_VALUE_LENGTH = 100


class MultiValueField(forms.Field):
    """A repeatable parameter (`?region=a&region=b`, `?region=a,b` also accepted), at most
    MAX_VALUES distinct values: more is an error of the parameter, never a silent cut."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        values = []
        for item in value:
            for part in str(item).split(","):
                part = printable(part).strip()[:MAX_VALUE_LENGTH]
                if part and part not in values:
                    values.append(part)
        if len(values) > MAX_VALUES:
            raise ValidationError(
                ngettext("At most %(max)d value.", "At most %(max)d values.", MAX_VALUES),
                code="too_many",
                params={"max": MAX_VALUES},
            )
        return values


class QueryField(forms.CharField):
    """The search text, cleaned by `search.clean_query` rather than refused: control characters
    removed, spaces folded, cut at MAX_QUERY_LENGTH; "" when no word is left."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        super().__init__(**kwargs)

    def to_python(self, value):
        return clean_query(value)


@dataclass(frozen=True)
class Option:
    """One value a filter offers: a slug or code, its label, and what it selects.

    `ids` are the primary keys the value stands for (a node and its descendants, a center and
    its programs, a series, an expert); empty for plain codes (type, language)."""

    value: str
    label: str
    pk: int | None = None
    depth: int = 0
    ids: tuple = field(default=(), compare=False)
    active: bool = True


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class ResolvedFilter(django_filters.Filter):
    """A repeatable filter whose values validation resolved to primary keys."""

    field_class = MultiValueField

    def __init__(self, *args, queryset_method, **kwargs):
        self.queryset_method = queryset_method
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return getattr(qs, self.queryset_method)(value) if value else qs


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class ChoicesFilter(django_filters.Filter):
    field_class = MultiValueField

    def __init__(self, *args, choices, **kwargs):
        self.choices = list(choices)
        super().__init__(*args, **kwargs)

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


# --- The values each repeatable parameter offers (one query per tree or table, when asked) ---
def _option(row, *, depth=0, ids=None, active=True):
    ids = (row.pk,) if ids is None else tuple(ids)
    return Option(value=row.slug, label=row.name, pk=row.pk, depth=depth, ids=ids, active=active)


def _tree_options(model):
    rows = model.objects.options_in_tree_order()
    options = []
    for index, (pk, slug, name, depth) in enumerate(rows):
        # Depth-first: a node's descendants are the nodes after it, until one as shallow.
        subtree = [pk]
        for other_pk, _slug, _name, other_depth in rows[index + 1 :]:
            if other_depth <= depth:
                break
            subtree.append(other_pk)
        options.append(Option(value=slug, label=name, pk=pk, depth=depth, ids=tuple(subtree)))
    return options


def _center_options():
    # Every center, so that a link to an inactive one still filters; the form shows the active.
    rows = Center.objects.in_tree_order()
    return [
        _option(
            center,
            depth=depth,
            ids=(center.pk, *(c.pk for c, _d in rows if c.parent_id == center.pk)),
            active=center.active,
        )
        for center, depth in rows
    ]


def _row_options(queryset):
    return [_option(row) for row in queryset]


def _choice_options(choices):
    return [Option(value=value, label=str(label)) for value, label in choices]


#: Parameters naming objects by a slug that staff may change (old slugs: thinktank/redirects.py).
SLUG_MODELS = {
    "region": Region,
    "theme": Theme,
    "center": Center,
    "series": Series,
    "author": Author,
}

SORT_CHOICES = [
    ("newest", _("Newest first")),
    ("oldest", _("Oldest first")),
    ("relevance", _("Relevance")),
    ("title", _("Title")),
]


def default_sort(search_text):
    """The order of a list that names none: by relevance for a search, else newest first."""
    return "relevance" if search_text else "newest"


class PublicationFilterForm(forms.Form):
    """Resolves the repeatable parameters against their options (`filterset` is set by
    `PublicationFilterSet.form`); an unknown value is an error on its field."""

    filterset = None

    def clean(self):
        cleaned = super().clean()
        self.known = {}
        self.unknown = {}
        for name in PublicationFilterSet.REPEATABLE:
            values = cleaned.get(name) or []
            if not values:
                continue
            options = {option.value: option for option in self.filterset.options(name, values)}
            values = self._renamed(name, values, options)
            self.known[name] = [options[value] for value in values if value in options]
            unknown = [value for value in values if value not in options]
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
        # A reversed range ("from 2025 to 2020") is read as the range the reader meant.
        year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
        self.reversed_years = bool(year_from and year_to and year_from > year_to)
        if self.reversed_years:
            cleaned["year_from"], cleaned["year_to"] = year_to, year_from
        return cleaned

    def _renamed(self, name, values, options):
        """`values` with the old slugs of renamed regions, themes, centers, series and experts
        replaced by their current ones (a link written before the rename keeps its filter);
        `options` gains the experts' current options."""
        model = SLUG_MODELS.get(name)
        unknown = [value for value in values if value not in options]
        if model is None or not unknown:
            return values
        current = current_slugs(model, unknown)
        if name == "author" and current:
            options.update(
                (option.value, option)
                for option in self.filterset.options(name, list(current.values()))
            )
        return [current.get(value, value) for value in values]


class PublicationFilterSet(django_filters.FilterSet):
    REPEATABLE = ("region", "theme", "center", "type", "author", "language", "series")
    # The order of the chips and of the parameters in links.
    PARAMS = (
        "q",
        "region",
        "theme",
        "type",
        "center",
        "author",
        "language",
        "series",
        "year_from",
        "year_to",
        "sort",
    )
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._loaded_options = {}

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form_class = self.get_form_class()
            data = self.data if self.is_bound else None
            self._form = form_class(data, prefix=self.form_prefix)
            self._form.filterset = self
        return self._form

    # --- Options: what each repeatable parameter can take ---------------------------------------
    def options(self, name, values=()):
        """[Option] of a repeatable parameter, loaded once per request (experts: only the
        `values` asked for, there are thousands)."""
        if name == "author":
            return _row_options(Author.objects.filter(slug__in=values).only("pk", "slug", "name"))
        if name not in self._loaded_options:
            loaders = {
                "region": lambda: _tree_options(Region),
                "theme": lambda: _tree_options(Theme),
                "center": _center_options,
                "series": lambda: _row_options(Series.objects.only("pk", "slug", "name")),
                "type": lambda: _choice_options(Publication.Type.choices),
                "language": lambda: _choice_options(Publication.Language.choices),
            }
            self._loaded_options[name] = loaders[name]()
        return self._loaded_options[name]

    # --- The valid state of the request ---------------------------------------------------------
    def _cleaned(self):
        if not self.is_bound:
            return {}
        self.errors  # noqa: B018 - validates the form once
        return self.form.cleaned_data

    def selection(self, name):
        """[Option] of a repeatable parameter as given, unknown values left out."""
        self._cleaned()
        return getattr(self.form, "known", {}).get(name, []) if self.is_bound else []

    def selected(self, name):
        """The valid values of a parameter as given (slugs or codes)."""
        return [option.value for option in self.selection(name)]

    def value(self, name):
        """What the filter applies: primary keys (with descendants and programs), codes, a
        year, text; a falsy value when the parameter is absent or invalid."""
        if name in self.REPEATABLE:
            options = self.selection(name)
            if options and options[0].ids:
                return sorted({pk for option in options for pk in option.ids})
            return [option.value for option in options]
        return self._cleaned().get(name)

    @property
    def search_text(self):
        return self._cleaned().get("q") or ""

    @property
    def sort_value(self):
        chosen = self._cleaned().get("sort") or ""
        if chosen == "relevance" and not self.search_text:
            chosen = ""
        return chosen or default_sort(self.search_text)

    # --- Filtering --------------------------------------------------------------------------
    def filter_q(self, queryset, name, value):
        return filter_search(queryset, value)

    def filter_sort(self, queryset, name, value):
        return queryset  # ordering is applied last, in `qs`

    def filter_queryset(self, queryset, *, exclude=()):
        """Apply every valid filter except those named in `exclude` (no ordering)."""
        for name, filter_ in self.filters.items():
            if name not in exclude and name != "sort":
                queryset = filter_.filter(queryset, self.value(name))
        return queryset

    def order(self, queryset):
        sort = self.sort_value
        if sort == "relevance":
            return order_by_relevance(queryset, self.search_text)
        return queryset.order_by(*self.SORTS[sort])

    @property
    def qs(self):
        if not hasattr(self, "_qs"):
            self._qs = self.order(self.unordered_qs())
        return self._qs

    def unordered_qs(self):
        return self.filter_queryset(self.queryset.all()) if self.is_bound else self.queryset.all()

    def queryset_for_facet(self, facet):
        """The current result without the facet's own selection (unordered)."""
        if not self.is_bound:
            return self.queryset.all()
        return self.filter_queryset(self.queryset.all(), exclude=self.FACET_PARAMS[facet])

    # --- Links and chips, from the valid state --------------------------------------------------
    def query(self, **changes):
        """The valid request as a QueryDict (no page), with `changes` ({param: values or None})."""
        cleaned = self._cleaned()
        state = {}
        for name in self.PARAMS:
            if name in self.REPEATABLE:
                values = self.selected(name)
            else:
                value = cleaned.get(name)
                values = [] if value in (None, "") else [str(value)]
            state[name] = values
        for name, values in changes.items():
            state[name] = [] if values is None else [str(v) for v in values]
        query = QueryDict(mutable=True)
        for name in self.PARAMS:
            if state[name]:
                query.setlist(name, state[name])
        return query

    def query_string(self, **changes):
        """'?a=1&b=2' of `query(**changes)`, or '' when nothing is left."""
        encoded = self.query(**changes).urlencode()
        return f"?{encoded}" if encoded else ""

    def canonical_query(self, *, page=1):
        """'?…' of the clean URL of this result (or ''): the valid parameters in PARAMS order,
        each repeatable one's values deduplicated and sorted, the sort order left out when it
        is the default for the query, and `page` only past the first. Any two requests that
        show the same page have the same canonical query, whatever order, empty or unknown
        parameters, junk or tracking parameters they were typed with."""
        query = self.query()
        for name in self.REPEATABLE:
            if name in query:
                query.setlist(name, sorted(set(query.getlist(name))))
        if query.get("sort") == default_sort(self.search_text):
            del query["sort"]
        if page > 1:
            query["page"] = str(page)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else ""

    def chips(self):
        """One removable chip per valid filter value: [{param, label, value, url}]."""
        chips, query = [], self.query()
        for name in self.PARAMS[:-1]:  # not the sort order
            label = self.filters[name].label
            if name in self.REPEATABLE:
                options = self.selection(name)
                for option in options:
                    rest = [other.value for other in options if other is not option]
                    chips.append(
                        _chip(name, label, option.label, self.query_string(**{name: rest}))
                    )
            elif name in query:
                chips.append(_chip(name, label, query[name], self.query_string(**{name: None})))
        return chips

    def criteria(self):
        """[(label, "value, value")] of the filters in force, for headings (the reading list)."""
        grouped = {}
        for chip in self.chips():
            grouped.setdefault(str(chip["label"]), []).append(str(chip["value"]))
        return [(label, ", ".join(values)) for label, values in grouped.items()]

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
        if getattr(self.form, "reversed_years", False):
            messages.append(
                _("The years were in reverse order: showing %(start)s to %(end)s.")
                % {"start": self.value("year_from"), "end": self.value("year_to")}
            )
        return [str(message) for message in messages]

    @classmethod
    def tidy_query_string(cls, data):
        """`data` (a QueryDict) without empty parameters and without a `sort` equal to the
        default: the query string a shared link should carry, or None when `data` is already
        that (a GET form sends every field, empty or not). Unknown and malformed values are
        kept, so the page can still say what it ignored."""
        tidy = QueryDict(mutable=True)
        for name, values in data.lists():
            for value in values:
                if value.strip():
                    tidy.appendlist(name, value)
        if tidy.getlist("sort") == [default_sort(clean_query(tidy.get("q", "")))]:
            del tidy["sort"]
        return None if tidy == data else tidy.urlencode()


def _chip(param, label, value, url):
    return {"param": param, "label": label, "value": value, "url": url or "?"}
