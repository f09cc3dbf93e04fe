"""Production (gunicorn and ASGI): debug off unless DJANGO_DEBUG=1 (with it off, base.py requires
DJANGO_SECRET_KEY), and HTTPS everywhere, so that `manage.py check --deploy` is clean."""

import os

os.environ.setdefault("THINKTANK_DEFAULT_DEBUG", "0")
# Production runs its tasks on `manage.py db_worker` processes (see TASKS_BACKEND in base.py).
os.environ.setdefault("THINKTANK_DEFAULT_TASKS_BACKEND", "database")

from .base import *  # noqa: F403
from .base import DEBUG, env_bool

# Each default follows DEBUG, so DJANGO_DEBUG=1 (troubleshooting over plain HTTP) drops them
# together; a variable that is set wins either way.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(
    os.environ.get("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 60 * 60 * 24 * 365)
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
