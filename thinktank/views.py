"""Site-level pages: home, robots.txt, the favicon, the health check and the 500 page."""

from django.db import DatabaseError, connection
from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from centers.models import Center
from publications.models import Publication

from .context_processors import site


def home(request):
    published = Publication.objects.published().for_listing()
    context = {
        "featured": published.filter(featured=True).newest_first()[:3],
        "latest": published.exclude(type=Publication.Type.MEDIA).newest_first()[:8],
        "media": published.filter(type=Publication.Type.MEDIA).newest_first()[:4],
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


def server_error(request, template_name="500.html"):
    """The 500 page in the site's layout, rendered without touching the database."""
    template = loader.get_template(template_name)
    return HttpResponseServerError(template.render(site(request)))
