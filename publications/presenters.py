"""What the list pages show of their request, from the FilterSet's parsed state and the facet
counts: the filter form's options, the year links and the page links. No queries here."""

from dataclasses import dataclass


@dataclass(frozen=True)
class FormOption:
    """One choice of the filter form: a checkbox, a select option or a year link."""

    value: str
    label: str
    count: int = 0
    selected: bool = False
    depth: int = 0
    url: str = ""
    # In a tree: whether options nested under this one follow (it opens a sub-list), whether
    # that sub-list starts expanded (something inside it is ticked), and how many sub-lists
    # end after it.
    parent: bool = False
    expanded: bool = False
    closes: range = range(0)


TREES = ("region", "theme", "center")


def _nest(options):
    """The options of a tree (tree order, with depths) with `parent`, `expanded` and `closes`
    set, so that a template writes nested lists in one loop, without recursion."""
    # A program shown without its (inactive) center climbs to the depth its neighbours allow.
    depth, levelled = -1, []
    for option in options:
        depth = min(option.depth, depth + 1)
        levelled.append(FormOption(**{**option.__dict__, "depth": depth}))
    options, nested = levelled, []
    for index, option in enumerate(options):
        following = options[index + 1].depth if index + 1 < len(options) else 0
        parent = following > option.depth
        expanded = False
        if parent:
            for other in options[index + 1 :]:
                if other.depth <= option.depth:
                    break
                if other.selected:
                    expanded = True
                    break
        closes = range(max(0, option.depth - following))
        nesting = {"parent": parent, "expanded": expanded, "closes": closes}
        nested.append(FormOption(**{**option.__dict__, **nesting}))
    return nested


def filter_options(filterset, facets):
    """{param: [FormOption]}: the form's regions, themes and active centers in tree order (see
    `_nest`), types and languages, each with the count that ticking it would give (disjunctive),
    and series."""
    options = {}
    for name in ("region", "theme", "center", "type", "language", "series"):
        chosen = set(filterset.selected(name))
        counts = facets.counts.get(name, {})
        options[name] = [
            FormOption(
                value=option.value,
                label=option.label,
                count=counts.get(option.value, 0),
                selected=option.value in chosen,
                depth=option.depth,
            )
            for option in filterset.options(name)
            if option.active
        ]
        if name in TREES:
            options[name] = _nest(options[name])
    return options


def year_links(filterset, facets):
    """[FormOption] of the years of the result, newest first, each a link selecting that year
    (or, when it is the one selected, removing the selection)."""
    year_from, year_to = filterset.value("year_from"), filterset.value("year_to")
    chosen = str(year_from) if year_from and year_from == year_to else ""
    links = []
    for year, count in sorted(facets["year"].items(), reverse=True):
        selected = year == chosen
        bounds = [] if selected else [year]
        url = filterset.query_string(year_from=bounds, year_to=bounds) or "?"
        links.append(FormOption(value=year, label=year, count=count, selected=selected, url=url))
    return links


def page_links(page_obj, query, *, window=2):
    """Links keeping the filters: {previous, next, pages: [{number, url, current} or {gap}]}.

    `query`: the request's parameters as a QueryDict, without the page."""
    if page_obj is None or not page_obj.has_other_pages():
        return None

    def url(number):
        q = query.copy()
        if number > 1:
            q["page"] = str(number)
        encoded = q.urlencode()
        return f"?{encoded}" if encoded else "?"

    total = page_obj.paginator.num_pages
    current = page_obj.number
    shown = {1, total, *range(max(1, current - window), min(total, current + window) + 1)}
    links, previous = [], 0
    for number in sorted(shown):
        if number - previous > 1:
            links.append({"gap": True})
        links.append({"number": number, "url": url(number), "current": number == current})
        previous = number
    return {
        "pages": links,
        "previous": url(current - 1) if page_obj.has_previous() else None,
        "next": url(current + 1) if page_obj.has_next() else None,
    }
