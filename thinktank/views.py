"""Site-level pages: home, robots.txt, the favicon, the health check, and the 500 and 503 pages."""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.db.models import Prefetch, Q
from django.http import (
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from centers.models import Center
from publications.models import Publication

from .context_processors import site


def home(request):
    published = Publication.objects.published().for_listing()
    media = Q(type=Publication.Type.MEDIA)
    language = get_language()
    context = {
        "featured": published.featured().newest_works(language=language)[:3],
        "latest": published.exclude(media).newest_works(language=language)[:8],
        "media": published.filter(media).newest_works(language=language)[:4],
        "centers": Center.objects.active()
        .centers()
        .prefetch_related(Prefetch("programs", queryset=Center.objects.active())),
    }
    return render(request, "home.html", context)


@require_safe
@cache_control(max_age=60 * 60 * 24)
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(max_age=60 * 60 * 24 * 7, public=True)
def favicon(request):
    """Browsers and feed readers ask for /favicon.ico whatever the page links: send them to the
    hashed static file (cached for a year by WhiteNoise)."""
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers a query, 503 otherwise (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


#: Seconds a client is told to wait when the database cannot be reached.
RETRY_AFTER = 30


def database_unavailable(exception):
    """True for an error that says the database cannot be reached or cannot serve now (refused
    or lost connection, server shutting down, too many clients): the failure is the service's,
    not the request's, and it passes."""
    return isinstance(exception, OperationalError | InterfaceError)


def server_error(request, template_name="500.html"):
    """The answer to an error no view handled (Django's handler500), rendered without touching
    the database: 503 with Retry-After when the database is unavailable (HTML in the site's
    layout, or JSON below /api/), else the 500 page.

    Django calls it while handling the exception, so sys.exc_info() names it; that catches an
    outage wherever it surfaces (a view, a template, a middleware reading the session).
    """
    exception = sys.exc_info()[1]
    if database_unavailable(exception):
        return service_unavailable(request)
    template = loader.get_template(template_name)
    return HttpResponseServerError(template.render(site(request)))


def service_unavailable(request):
    path = getattr(request, "path", "") or ""
    if path.startswith("/api/"):
        response = JsonResponse(
            {"detail": "The service is temporarily unavailable. Try again shortly."}, status=503
        )
    else:
        template = loader.get_template("503.html")
        response = HttpResponse(template.render(site(request)), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    add_never_cache_headers(response)
    return response
