"""The CDN purge hook: which URLs a shared cache in front of the site (a CDN, Varnish) must drop
when the catalogue changes, handed to a callable of your choice.

Off by default. Set `CACHE_PURGE_HOOK` to the dotted path of a callable `hook(urls)`; after each
commit that changed what readers see (the same moment the catalogue version goes up), it gets a
list of absolute URLs (`SITE_URL` + path). A URL ending in `*` stands for every URL that starts
with the part before the `*`: every query string of a list, or the whole site (`SITE_URL/*`)
when the change may show on any page (a region, theme, center, series or expert edited; an
import; a revision restored).

For a publication the URLs are, in each language: its page, its PDF, its citations, its API
answer, the home page, the sitemap; and as prefixes the list and its exports, the feeds, the API
list, the landing pages of its regions and themes (with their ancestors, which list it too), of
its centers (and their parent center) and of its authors; gathered before the change and after
it, so a slug or a region taken away is purged too.

The shape follows python.org's `fastly/utils.py` (`purge_url(*paths)`: a PURGE per path, off
unless its setting is set) and Wagtail's frontend-cache `HTTPBackend` (PURGE sent to a
configured location); prefixes (`*`) stand in for the surrogate keys a CDN API may offer.
`thinktank.cache.purge.varnish` is a ready hook for Varnish: `PURGE <url>` for each exact URL
and `BAN` with the header `X-Ban-Url: ^<path prefix>` for each prefix, sent to
`CACHE_PURGE_ENDPOINT` (e.g. `http://127.0.0.1:6081`) with the site's `Host`. A hook runs in the
request that saved, after the commit; a slow CDN API belongs in a background task the hook
enqueues. A hook that fails is logged and the save stands (shared caches then expire by
`s-maxage`).
"""

import logging
import urllib.parse
import urllib.request

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

EVERYTHING = "/*"


def hook():
    """The configured hook, or None."""
    path = getattr(settings, "CACHE_PURGE_HOOK", "")
    return import_string(path) if path else None


def send(*, publication_pks=(), paths=()):
    """Call the hook (if any) with the URLs for these publications and paths (see the module)."""
    receiver = hook()
    if receiver is None:
        return
    receiver(urls_to_purge(publication_pks=publication_pks, paths=paths))


def urls_to_purge(*, publication_pks=(), paths=()):
    """Absolute URLs (sorted; `*` ends a prefix) to drop for a change of these publications
    (those that still exist) and paths; the whole site when neither is given."""
    found = paths_for(publication_pks) | set(paths)
    return sorted(settings.SITE_URL + path for path in (found or {EVERYTHING}))


def paths_for(pks):
    """Site paths (`*` ends a prefix) showing these publications, as the database has them now."""
    from publications.models import Publication  # thinktank sits below the apps

    if not pks:
        return set()
    publications = list(
        Publication.objects.filter(pk__in=pks)
        .only("pk", "slug")
        .prefetch_related("regions", "themes", "centers__parent", "authors")
    )
    if not publications:
        return set()
    paths = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            paths |= {
                reverse("home"),
                reverse("publications:list"),
                reverse("publications:list") + "?*",
                reverse("publications:list") + "export.*",
                reverse("publications:feed") + "*",
            }
            for publication in publications:
                paths |= _own_paths(publication)
                paths |= {page + "*" for page in _landing_pages(publication)}
    paths |= {reverse("sitemap"), reverse("api:publication-list") + "*"}
    return paths


def _own_paths(publication):
    slug = {"slug": publication.slug}
    return {
        publication.get_absolute_url(),
        publication.get_pdf_url(),
        reverse("publications:cite_bib", kwargs=slug),
        reverse("publications:cite_ris", kwargs=slug),
    }


def _landing_pages(publication):
    pages = set()
    for node in [*publication.regions.all(), *publication.themes.all()]:
        view = f"taxonomy:{node._meta.model_name}_detail"
        # The path column lists the node's ancestors, whose pages show it too.
        pages |= {reverse(view, kwargs={"slug": s}) for s in node.path.strip("/").split("/")}
    for center in publication.centers.all():
        pages |= {c.get_absolute_url() for c in (center, center.parent) if c is not None}
    pages |= {author.get_absolute_url() for author in publication.authors.all()}
    return pages


def varnish(urls):
    """A hook for Varnish (see the module docstring for the VCL side): one request per URL."""
    endpoint = settings.CACHE_PURGE_ENDPOINT.rstrip("/")
    for url in urls:
        parts = urllib.parse.urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path.endswith("*"):
            request = urllib.request.Request(endpoint + "/", method="BAN")
            request.add_header("X-Ban-Url", "^" + _regex_escape(path[:-1]))
        else:
            request = urllib.request.Request(endpoint + path, method="PURGE")
        request.add_header("Host", parts.netloc)
        with urllib.request.urlopen(request, timeout=5):
            pass


def _regex_escape(path):
    return "".join("\\" + c if c in r".?+()[]{}|^$\\" else c for c in path)
