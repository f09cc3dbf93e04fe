from django.http import JsonResponse
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"

router = DefaultRouter()
router.register("publications", views.PublicationViewSet, basename="publication")
router.register("regions", views.RegionViewSet, basename="region")
router.register("themes", views.ThemeViewSet, basename="theme")
router.register("centers", views.CenterViewSet, basename="center")
router.register("experts", views.ExpertViewSet, basename="expert")


def not_found(request, rest=""):
    """Anything else below /api/v1/ (a malformed slug too) is a JSON 404, like DRF's own."""
    return JsonResponse({"detail": "Not found."}, status=404)


urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script from a URL of its own: the site's CSP allows no
    # inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
    re_path(r"^(?P<rest>[\s\S]*)$", not_found),  # a newline in the path too
]
