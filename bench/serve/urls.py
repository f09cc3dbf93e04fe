"""The site's URLs plus the floor: a Django view returning fixed bytes through the same
middleware, the fastest any page of this stack can be."""

from django.http import HttpResponse
from django.urls import path

from thinktank.urls import urlpatterns as site_urlpatterns

FLOOR_BODY = b"floor: fixed bytes through the whole middleware stack\n"


def floor(request):
    return HttpResponse(FLOOR_BODY, content_type="text/plain")


urlpatterns = [path("bench-floor/", floor), *site_urlpatterns]
