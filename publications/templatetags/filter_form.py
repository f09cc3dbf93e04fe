"""The checkboxes of the list's filter form, written in Python: they repeat for every region,
theme and center of the catalogue on every list page (hundreds of options), where a template
loop costs several milliseconds more (bench/RESULTS.md, "Lean filter trees")."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def filter_checkboxes(name, options, tree=False):
    """`<ul>` of one filter's checkboxes (`name`: the parameter; `options`: FormOptions from
    `presenters.filter_options`), each with its facet count in a `<small>` (site.css adds the
    brackets screen readers hear; `class="z"` greys a zero). For trees, a parent's sub-list is
    a `<details>` open when something inside it is ticked, its `<summary>` naming the parent."""
    inside = gettext("Inside %(label)s")
    name = escape(name)
    parts = ['<ul class="tree">' if tree else "<ul>"]
    for option in options:
        label = escape(option.label)
        checked = " checked" if option.selected else ""
        zero = "" if option.count else ' class="z"'
        parts.append(
            f'\n<li><label><input type="checkbox" name="{name}" value="{escape(option.value)}"'
            f"{checked}>{label} <small{zero}>{option.count}</small></label>"
        )
        if option.parent:
            parts.append(
                f"<details{' open' if option.expanded else ''}><summary><span>"
                f"{inside % {'label': label}}</span></summary><ul>"
            )
        parts.append("</ul></details>" * len(option.closes))
    parts.append("\n</ul>")
    # Every value above is escaped.
    return mark_safe("".join(parts))
