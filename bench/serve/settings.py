"""Settings of the page benchmark's server (bench/pages.py): production settings, plus the floor
view at /bench-floor/. Used as DJANGO_SETTINGS_MODULE=settings with --pythonpath bench/serve."""

from thinktank.settings.prod import *  # noqa: F403

ROOT_URLCONF = "urls"
