"""Production (gunicorn): debug off unless DJANGO_DEBUG=1; DJANGO_SECRET_KEY is then required."""

import os

os.environ.setdefault("THINKTANK_DEFAULT_DEBUG", "0")

from .base import *  # noqa: F403
