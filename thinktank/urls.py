from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from . import views
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
