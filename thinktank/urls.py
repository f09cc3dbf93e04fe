from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from publications.sitemaps import sitemaps
from publications.views import robots_txt

from . import views

# The admin carries the institute's name rather than "Django administration".
admin.site.site_header = settings.INSTITUTE_NAME
admin.site.site_title = settings.INSTITUTE_SHORT_NAME
admin.site.index_title = _("Editorial administration")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The JSON API is language-neutral: outside i18n_patterns.
    path("api/v1/", include("publications.api.urls")),
]

# English at the root, French below /fr/, the same paths in both.
urlpatterns += i18n_patterns(
    path("", include("publications.urls")),
    path("centers/", include("centers.urls")),
    prefix_default_language=False,
)

handler500 = "publications.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
