"""Language versions of a work (an original and its translations) and the interface each is
read in: links between versions, `hreflang` alternates and the EN/FR switch. No queries except
`attach_language_versions`, one for a whole page."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language_info, override

from .models import Publication


def interface_language_for(content_language):
    """The interface a text in `content_language` is best read in: its own when the site has
    it, else the default (English)."""
    codes = [code for code, _name in settings.LANGUAGES]
    return content_language if content_language in codes else settings.LANGUAGE_CODE


def language_name(code):
    """A language's name in that language ("Français"), for links whose text is in it."""
    try:
        return capfirst(get_language_info(code)["name_local"])
    except KeyError:
        return dict(Publication.Language.choices).get(code, code)


def version_url(publication):
    """The page of a language version in the interface of its own language
    (/publications/<slug>/ for English, /fr/publications/<slug>/ for French)."""
    with override(interface_language_for(publication.language)):
        return publication.get_absolute_url()


def version_alternates(versions):
    """hreflang alternates between the language versions of one work: [(code, path)], each
    version at its own-language page, then `x-default` (the English version, else the first).

    Every version's page lists the same set, so the links are reciprocal."""
    ordered = sorted(versions, key=lambda v: v.language)
    links = [(v.language, version_url(v)) for v in ordered]
    default = next((v for v in ordered if v.language == settings.LANGUAGE_CODE), ordered[0])
    return [*links, ("x-default", version_url(default))]


def language_switch(publication, versions, path):
    """Where the EN/FR switch of a publication page goes: {interface code: path}.

    To the version written in that language when there is one (shown in that interface),
    otherwise to the same page in the other interface (/fr/ + the same path)."""
    by_language = {v.language: v for v in [publication, *versions]}
    targets = {}
    for code, _name in settings.LANGUAGES:
        version = by_language.get(code)
        targets[code] = version_url(version) if version else translate_url(path, code)
    return targets


def attach_language_versions(publications):
    """Give each listed publication `languages`: every public version of its work (itself
    included) as {code, name, local_name, url, current}, and `other_languages` (the same
    without itself: a list's "Also in: Français"), in one query for the whole page."""
    publications = list(publications)
    roots = {p.translation_root_id for p in publications}
    if not roots:
        return
    works = {}
    for version in (
        Publication.objects.published()
        .work_versions(roots)
        .only("pk", "slug", "language", "translation_of_id")
        .order_by("language", "pk")
    ):
        works.setdefault(version.translation_root_id, []).append(version)
    for publication in publications:
        publication.languages = [
            {
                "code": version.language,
                "name": version.get_language_display(),
                "local_name": language_name(version.language),
                "url": version_url(version),
                "current": version.pk == publication.pk,
            }
            for version in works.get(publication.translation_root_id, [publication])
        ]
        publication.other_languages = [v for v in publication.languages if not v["current"]]


def _switch_path(request):
    """The page's path for the language switch; a signed preview link keeps its token, or an
    outside reviewer who switches language gets the 404 of an unpublished item."""
    token = request.GET.get("preview")
    return f"{request.path}?{urlencode({'preview': token})}" if token else request.path


def version_links(publication, request):
    """What a publication's page shows of its other language versions: {versions (each with
    `url` and `language_name`), hreflang_versions [(code, absolute URL)], language_switch}."""
    versions = list(publication.language_versions())
    for version in versions:
        version.url = version_url(version)
        version.language_name = language_name(version.language)
    alternates = version_alternates([publication, *versions]) if versions else []
    return {
        "versions": versions,
        "hreflang_versions": [
            (code, request.build_absolute_uri(path)) for code, path in alternates
        ],
        "language_switch": language_switch(publication, versions, _switch_path(request)),
    }
