"""Production settings (thinktank/settings/prod.py, DJANGO_DEBUG=0) for the app servers that
tests start, with one difference: static files are found by WhiteNoise in the source folders,
as no `collectstatic` manifest exists in a test run. Everything else (debug off, the page
cache, media served by the app, storages from the environment) is what gunicorn runs."""

from thinktank.settings.prod import *  # noqa: F403
from thinktank.settings.prod import STORAGES

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_USE_FINDERS = True
