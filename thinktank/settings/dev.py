"""Development (`manage.py`, `make run`): debug on unless DJANGO_DEBUG=0; served over plain
HTTP by runserver, so none of prod.py's HTTPS settings, whatever DJANGO_DEBUG says."""

import os

os.environ.setdefault("THINKTANK_DEFAULT_DEBUG", "1")

from .base import *  # noqa: F403
