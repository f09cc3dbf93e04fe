from django.conf import settings


def site(request):
    """The institute's name for every template."""
    return {
        "INSTITUTE_NAME": settings.INSTITUTE_NAME,
        "INSTITUTE_SHORT_NAME": settings.INSTITUTE_SHORT_NAME,
    }
