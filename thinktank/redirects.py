"""Old URLs of renamed objects: one record per old slug (`OldSlug`), one answer for every URL
that carried it.

When staff change the slug of a publication, an expert, a center, a series, a region or a
theme, `old_slug_record()` keeps the old one. Afterwards any URL of the site that embeds the old
slug and answers 404 (the page, the PDF and its `/pdf/` shortcut, `cite.bib`, `cite.ris`, the
API's detail URLs, in English and under `/fr/`) answers `301 Moved Permanently` to the same URL
built with the current slug, query string kept, from `OldSlugRedirectMiddleware`: no view needs
to know about old slugs, and a URL kind added later is covered once it is named in `SLUG_URLS`.

Nothing unpublished leaks: the redirect is given only when the object is in the queryset that
its kind names in `SLUG_URLS` (the publications whose URL answers the public, active experts and
centers...); otherwise the 404 stands.
"""

import json

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, reverse

from .models import OldSlug

#: URL name -> (model label, name of the QuerySet method giving the objects a redirect may
#: reach, URL arguments that hold a slug of that model). Model labels, not imports: this
#: module imports no app.
SLUG_URLS = {
    "publications:detail": ("publications.Publication", "redirect_targets", ("slug",)),
    "publications:pdf": ("publications.Publication", "redirect_targets", ("slug", "filename")),
    "publications:pdf_redirect": ("publications.Publication", "redirect_targets", ("slug",)),
    "publications:cite_bib": ("publications.Publication", "redirect_targets", ("slug",)),
    "publications:cite_ris": ("publications.Publication", "redirect_targets", ("slug",)),
    "api:publication-detail": ("publications.Publication", "redirect_targets", ("slug",)),
    "publications:expert_detail": ("publications.Author", "public", ("slug",)),
    "api:expert-detail": ("publications.Author", "public", ("slug",)),
    "centers:detail": ("centers.Center", "active", ("slug",)),
    "api:center-detail": ("centers.Center", "active", ("slug",)),
    "taxonomy:region_detail": ("taxonomy.Region", "all", ("slug",)),
    "api:region-detail": ("taxonomy.Region", "all", ("slug",)),
    "taxonomy:theme_detail": ("taxonomy.Theme", "all", ("slug",)),
    "api:theme-detail": ("taxonomy.Theme", "all", ("slug",)),
}

CHUNK = 900


@transaction.atomic
def old_slug_record(*, obj, old_slug: str) -> None:
    """Record that `old_slug` used to name `obj` (a model instance whose new slug is saved
    already). The new slug, if it was an old slug of any object of that kind, stops being one:
    it names `obj` now. Nothing happens when the slug did not change."""
    if not old_slug or old_slug == obj.slug:
        return
    content_type = ContentType.objects.get_for_model(obj)
    OldSlug.objects.filter(content_type=content_type, old_slug=obj.slug).delete()
    OldSlug.objects.update_or_create(
        content_type=content_type, old_slug=old_slug, defaults={"object_id": obj.pk}
    )


def renamed_to(queryset, old_slug: str):
    """The object of `queryset` that `old_slug` used to name, or None."""
    ids = OldSlug.objects.of_model(queryset.model).filter(old_slug=old_slug).values("object_id")
    return queryset.filter(pk__in=ids).first()


def current_slugs(model, slugs) -> dict:
    """{old slug: current slug} for those of `slugs` that are old slugs of `model` objects
    (any number of slugs: read in chunks under SQLite's limit of bound parameters)."""
    slugs, found = sorted(slugs), {}
    for start in range(0, len(slugs), CHUNK):
        rows = OldSlug.objects.of_model(model).filter(old_slug__in=slugs[start : start + CHUNK])
        ids = dict(rows.values_list("old_slug", "object_id"))
        if not ids:
            continue
        current = dict(model._default_manager.filter(pk__in=ids.values()).values_list("pk", "slug"))
        found.update((old, current[pk]) for old, pk in ids.items() if pk in current)
    return found


def redirect_for(request, match):
    """The 301 answer to a request that resolved to `match` and found nothing, when one of its
    slugs is an old one; else None."""
    if match is None or match.view_name not in SLUG_URLS:
        return None
    label, targets, arguments = SLUG_URLS[match.view_name]
    queryset = getattr(apps.get_model(label).objects, targets)()
    kwargs, changed = dict(match.kwargs), False
    for name in arguments:
        if name in kwargs and not queryset.filter(slug=kwargs[name]).exists():
            target = renamed_to(queryset, kwargs[name])
            if target is not None:
                kwargs[name], changed = target.slug, True
    if not changed or len({kwargs[name] for name in arguments if name in kwargs}) > 1:
        return None  # several slugs of one URL (a PDF's folder and file) name one object
    try:
        url = reverse(match.view_name, args=match.args, kwargs=kwargs)
    except NoReverseMatch:
        return None
    query = request.META.get("QUERY_STRING", "")
    if query:
        url = f"{url}?{query}"
    if match.view_name.startswith("api:"):
        # A JSON body for API clients that show the answer rather than follow it.
        response = HttpResponsePermanentRedirect(
            url, content=json.dumps({"detail": "Moved permanently.", "url": url})
        )
        response["Content-Type"] = "application/json"
        return response
    return HttpResponsePermanentRedirect(url)


class OldSlugRedirectMiddleware:
    """Turns the 404 of a URL carrying an old slug into a 301 to the current URL (see the
    module docstring). Costs nothing on other answers; two or three small queries on a 404
    of a slug URL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            redirect = redirect_for(request, getattr(request, "resolver_match", None))
            if redirect is not None:
                return redirect
        return response
