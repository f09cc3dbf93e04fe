"""Development: debug on unless DJANGO_DEBUG says otherwise (`make run`)."""

import os

os.environ.setdefault("THINKTANK_DEFAULT_DEBUG", "1")

from .base import *  # noqa: F403
