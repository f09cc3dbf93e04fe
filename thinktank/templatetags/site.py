"""Template helpers of the public pages: absolute URLs, interface-language alternates, JSON-LD,
waits in minutes."""

import json
import math

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils.html import _json_script_escapes, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from thinktank.text import xml_text

register = template.Library()


def absolute_url(request, path):
    """An absolute URL for path: from the request when there is one, else from SITE_URL."""
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL + path


@register.simple_tag(takes_context=True)
def absolute(context, path):
    return absolute_url(context.get("request"), path)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The clean absolute URL of the current page: its path and the view's `canonical_query`
    ('?region=asia&page=2': the valid filters in a fixed order, no empty or unknown parameter,
    no `page=1`), never the query string as typed. Pages without a `canonical_query` are
    their path alone (tracking parameters and junk dropped)."""
    request = context.get("request")
    path = request.path if request is not None else "/"
    return absolute_url(request, path + (context.get("canonical_query") or ""))


@register.simple_tag(takes_context=True)
def interface_alternates(context, keep_query=False):
    """The current page in each interface language: [{code, name, url, current}].

    A view may name other targets in `language_switch` ({code: path}): a publication sends
    each interface language to its version written in that language, when there is one.
    `keep_query` (the EN/FR switch) keeps the query string, so a filtered list stays filtered;
    the hreflang links name each language's canonical URL (the path and `canonical_query`),
    so that a page's canonical and its hreflang set agree and the set is reciprocal.
    """
    request = context.get("request")
    if request is None:
        return []
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    path = request.path
    targets = context.get("language_switch") or {}
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = targets.get(code) or translate_url(path, code)
        if code not in targets:
            if keep_query and request.GET:
                url += "?" + request.GET.urlencode()
            elif not keep_query:
                url += context.get("canonical_query") or ""
        info = get_language_info(code)
        alternates.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": absolute_url(request, url),
                "current": code == current,
            }
        )
    return alternates


@register.filter(is_safe=True)
def jsonld(value):
    """A <script type="application/ld+json"> element whose content cannot close the element.

    The same escaping as Django's json_script: <, > and & become \\u003C, \\u003E and \\u0026,
    so a title containing </script> stays inside the JSON string.
    """
    data = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _json_script_escapes
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))


@register.filter
def minutes(value):
    """A timedelta as a whole number of minutes, rounded up (a wait is never shown shorter)."""
    return math.ceil(value.total_seconds() / 60)


@register.filter
def as_typed(value):
    """What a reader typed (a query parameter), shown back in a form: without the characters
    HTML and XML do not allow (a NUL from `?q=%00`), escaped by the template as usual."""
    return xml_text(str(value)) if value is not None else ""
