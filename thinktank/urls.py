import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from . import media, views
from .sitemaps import sitemaps

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    # The JSON API is language-neutral: outside i18n_patterns.
    path("api/v1/", include("publications.api.urls")),
    # Public media, served by the app in development and production alike (thinktank/media.py).
    re_path(
        r"^{}(?P<path>.+)$".format(re.escape(settings.MEDIA_URL.lstrip("/"))),
        media.media,
        name="media",
    ),
]

# English at the root, French below /fr/, the same paths in both.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("publications.urls")),
    path("", include("taxonomy.urls")),
    path("centers/", include("centers.urls")),
    prefix_default_language=False,
)

handler500 = "thinktank.views.server_error"
