"""WSGI entry point: `gunicorn thinktank.wsgi` serves production settings."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thinktank.settings.prod")

application = get_wsgi_application()
