"""Settings shared by every environment, read from the environment (see the README's table).

`dev.py`, `prod.py` and `test.py` choose the default of `DJANGO_DEBUG` before importing this
module; the HTTPS hardening (SSL redirect, HSTS, secure cookies) lives in `prod.py` only.
"""

import datetime
import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


# Plain os.environ, not django-environ: two short helpers, one dependency fewer, "" means unset.
def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", os.environ.get("THINKTANK_DEFAULT_DEBUG") == "1")


def _dev_secret_key():
    """A random key kept in the checkout, so sessions survive restarts of `make run`."""
    path = BASE_DIR / ".secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        path.write_text(key)
        return key


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0. Generate one with: "
            'python -c "import secrets; print(secrets.token_urlsafe(50))"'
        )
    SECRET_KEY = _dev_secret_key()

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    # Before the admin, so that its TranslationAdmin can patch the admin's forms and widgets.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "reversion",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI files, served by the app (no CDN)
    "axes",
    "django_prose_editor",  # the body's editor (publications/body/editor.py), JS served here
    "django_tasks",
    "django_tasks_db",  # the task table, its admin and `manage.py db_worker`
    # The project package is an app too: site-wide templatetags, admin helpers, commands.
    "thinktank",
    "taxonomy",
    "centers",
    "publications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public media at MEDIA_URL, before sessions and languages (thinktank/media.py).
    "thinktank.media.MediaMiddleware",
    # 304 for a matching If-None-Match / If-Modified-Since, from the headers the page cache sets.
    "django.middleware.http.ConditionalGetMiddleware",
    # Above everything that reads sessions, users and languages: a hit skips them all, and a
    # miss's response is seen finished (its Vary and cookies) before it is stored.
    "thinktank.cache.pages.AnonymousPageCacheMiddleware",
    # Below the page cache (a hit reads no database): anonymous reads to a read replica.
    "thinktank.db_router.ReplicaRoutingMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Inside the locale middleware: a redirect from /fr/ stays under /fr/.
    "thinktank.redirects.OldSlugRedirectMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "thinktank.urls"
WSGI_APPLICATION = "thinktank.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "thinktank.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# Persistent connections with health checks: a connection is reused across requests and checked
# before reuse, so a restarted PostgreSQL costs one failed check rather than a 500.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "sqlite:///" + str(BASE_DIR / "db.sqlite3")),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if IS_POSTGRES:
    # No JIT: the facet statement's estimated cost (per-row fallback subplans that never run)
    # crosses jit_above_cost and compiling it took ~0.9 s for a ~0.2 s query (bench/RESULTS.md).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")

# Read replicas (thinktank/db_router.py, README "Several machines"): anonymous reads go to one
# of these copies of the primary, everything else to `default`. PostgreSQL streaming replicas.
DATABASE_REPLICA_URLS = env_list("DATABASE_REPLICA_URLS", "")
# A replica that does not answer within this many seconds is skipped (the request reads from
# the primary); its verdict, and its replay position, are kept this long per process.
REPLICA_CONNECT_TIMEOUT = int(os.environ.get("REPLICA_CONNECT_TIMEOUT", "2"))
REPLICA_CHECK_SECONDS = float(os.environ.get("REPLICA_CHECK_SECONDS", "5"))
# How long a browser reads from the primary after it sent a write (POST, PUT, PATCH, DELETE).
REPLICA_PIN_SECONDS = int(os.environ.get("REPLICA_PIN_SECONDS", "15"))
REPLICA_DATABASES = []
for _index, _url in enumerate(DATABASE_REPLICA_URLS):
    _replica = dj_database_url.parse(
        _url,
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    if not IS_POSTGRES or _replica["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URLS lists PostgreSQL replicas of a PostgreSQL DATABASE_URL."
        )
    if not _replica["NAME"]:
        raise ImproperlyConfigured(f"DATABASE_REPLICA_URLS: {_url!r} names no database.")
    _replica["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "connect_timeout": REPLICA_CONNECT_TIMEOUT,
    }
    # Tests never create a database on a replica (it is read-only): it copies the primary's.
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica_{_index}"] = _replica
    REPLICA_DATABASES.append(f"replica_{_index}")
DATABASE_ROUTERS = ["thinktank.db_router.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "thinktank",
        }
    }
elif CACHE_URL in ("", "locmem://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif CACHE_URL == "dummy://":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
else:
    raise ImproperlyConfigured(
        f"CACHE_URL={CACHE_URL!r} is not understood: use redis://host:port/db or leave it unset."
    )

# The anonymous page cache (thinktank/cache/, README "Caching"). Pages live in the cache above,
# stamped with the catalogue version that every reader-visible write bumps; lifetimes are
# capped at the next scheduled publication. 0 turns the page cache off (headers stay). On by
# default only with a cache every process shares (Redis): a local-memory cache is one per
# process, so a write in one gunicorn worker, a task worker or a command (import, load_demo)
# would bump its own version only, and the other workers would serve the old page.
_SHARED_CACHE = CACHES["default"]["BACKEND"].endswith("RedisCache")
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600" if _SHARED_CACHE else "0"))
# What shared caches (a CDN, Varnish) are told: s-maxage and stale-while-revalidate, seconds.
# Without a purge hook they may show a page this long after a change; with one, raise them.
PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("PAGE_CACHE_SHARED_MAX_AGE", "60"))
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "30"))
# The CDN purge hook: dotted path of a callable receiving the URLs to drop after each change
# (thinktank/cache/purge.py); "thinktank.cache.purge.varnish" sends PURGE/BAN to the endpoint.
CACHE_PURGE_HOOK = os.environ.get("CACHE_PURGE_HOOK", "")
CACHE_PURGE_ENDPOINT = os.environ.get("CACHE_PURGE_ENDPOINT", "")
# --- Login throttling (django-axes) -----------------------------------------------------------
# Failed logins are counted per username and per client address, separately: a password sprayed
# over many accounts from one address and one account attacked from many addresses both stop at
# the limit. A locked-out login answers 429 with registration/lockout.html until the cool-off
# has passed; a successful login clears the counts of that username and address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Attempts while locked out do not restart the wait, so the page's "try again in N minutes" holds
# for the editor, and an attacker who keeps trying cannot keep an account locked for ever.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
# How many proxies in front of the app add themselves to X-Forwarded-For (0: none, the client
# is REMOTE_ADDR). The client address is taken at that position from the right, so addresses
# a client writes into the header itself are never used (thinktank/client_address.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "thinktank.client_address.client_address"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
# Taxonomy and structure names (regions, themes, series, centers) are translated with
# django-modeltranslation (see publications/translation.py): `name_en` and `name_fr` columns
# beside `name`, edited side by side in the admin. The base column always holds English (the
# models save under English, the importer and load_demo run under English), so code reading
# the base column, SQL, exports, ordering, sees one stable language; French falls back to
# English when it is missing.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "fr")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Slugs are the same in both languages: prefilled from the English name.
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media")).resolve()
# PDFs live outside MEDIA_ROOT so that /media/ never serves them: the PDF view, which checks
# that the publication is public, is the only way in.
PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("PRIVATE_MEDIA_ROOT", MEDIA_ROOT.parent / "private")
).resolve()
if PRIVATE_MEDIA_ROOT == MEDIA_ROOT or PRIVATE_MEDIA_ROOT.is_relative_to(MEDIA_ROOT):
    raise ImproperlyConfigured(
        f"PRIVATE_MEDIA_ROOT ({PRIVATE_MEDIA_ROOT}) must not be inside MEDIA_ROOT ({MEDIA_ROOT}):"
        " everything below MEDIA_ROOT is public at /media/, and PDFs of drafts would leak."
    )
# Media on the local disk (MEDIA_ROOT, PRIVATE_MEDIA_ROOT), or in an S3-compatible bucket when
# AWS_STORAGE_BUCKET_NAME is set, for several machines (thinktank/storage/: no partial files on
# either, PDFs private on both). Public media are served at MEDIA_URL by the app
# (thinktank/media.py) in every case, unless AWS_S3_CUSTOM_DOMAIN points them at the bucket.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "") or None
if AWS_STORAGE_BUCKET_NAME:
    _s3_options = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        # Empty values fall back to boto3's own chain (environment, instance role, profile).
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
    }
    _media_storages = {
        "default": {
            "BACKEND": "thinktank.storage.s3.PublicMediaStorage",
            "OPTIONS": {
                **_s3_options,
                "custom_domain": AWS_S3_CUSTOM_DOMAIN,
                # "" for a bucket whose ACLs are disabled: give `media/*` a public-read policy.
                "default_acl": os.environ.get("AWS_DEFAULT_ACL", "public-read") or None,
            },
        },
        "private": {"BACKEND": "thinktank.storage.s3.PrivateMediaStorage", "OPTIONS": _s3_options},
    }
else:
    _media_storages = {
        "default": {"BACKEND": "thinktank.storage.SafeFileSystemStorage"},
        "private": {
            "BACKEND": "thinktank.storage.SafeFileSystemStorage",
            "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
        },
    }
STORAGES = {
    **_media_storages,
    # Chosen here rather than in prod.py: `manage.py collectstatic` runs with dev.py and must
    # write the manifest that gunicorn, with prod.py, reads.
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640
# Large uploads are buffered on disk before any view runs; when that disk is full the form says
# so on the file's field instead of a 500 (thinktank/uploads.py).
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "thinktank.uploads.SpaceCheckedUploadHandler",
]

# PDFs (docs/pdf-serving.md). Behind nginx, set the prefix of an `internal` location that
# aliases PRIVATE_MEDIA_ROOT: Django checks and counts, nginx sends the bytes.
PDF_X_ACCEL_REDIRECT_PREFIX = os.environ.get("PDF_X_ACCEL_REDIRECT_PREFIX", "")
# How long browsers and shared caches may keep a public PDF before revalidating (seconds).
PDF_CACHE_MAX_AGE = int(os.environ.get("PDF_CACHE_MAX_AGE", "600"))

# Upload limits (the contract's "Staff" section).
MAX_PDF_MB = int(os.environ.get("MAX_PDF_MB", "50"))
MAX_IMAGE_MB = int(os.environ.get("MAX_IMAGE_MB", "10"))
MAX_IMAGE_PIXELS = int(os.environ.get("MAX_IMAGE_PIXELS", str(40_000_000)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Exports that cannot starve readers (publications/export_limits.py) ------------------------
# Exports generated at once on the whole site (keep it below the number of app workers; 0: no
# limit), exports a minute per client address (0: no limit), and the export cache.
EXPORT_CONCURRENCY = int(os.environ.get("EXPORT_CONCURRENCY", "1"))
EXPORT_RATE_LIMIT = int(os.environ.get("EXPORT_RATE_LIMIT", "30"))
EXPORT_CACHE_MAX_MB = int(os.environ.get("EXPORT_CACHE_MAX_MB", "20"))
EXPORT_CACHE_SECONDS = 24 * 3600  # the catalogue version in the key makes it stale sooner
EXPORT_SLOT_SECONDS = 300  # a slot whose worker died is free again after this
EXPORT_BUSY_RETRY_SECONDS = 10

# --- Background tasks (publications/tasks.py) -------------------------------------------------
# Django's task API through the django-tasks backport (on Django 6 only the imports change to
# django.tasks). TASKS_BACKEND chooses the backend:
# - "database" (django-tasks-db, the default of prod.py): tasks are rows in this very database
#   (PostgreSQL in production), so there is no broker to run, a task enqueued after a commit
#   sees that commit, and `python manage.py db_worker` runs them on any machine that reaches
#   the database, as many as wanted (rows are claimed with SELECT ... FOR UPDATE SKIP LOCKED).
#   Celery would add RabbitMQ or Redis as a second source of truth for no gain at this scale.
# - "immediate" (the default of `manage.py`, so `make run` and the embedded SQLite): a task runs
#   in the process that enqueues it, right after the transaction commits
#   (publications.tasks.enqueue_after_commit). Results are the same with no extra process and
#   no broker; the cost is that the request that enqueued it waits, which is what a one-person
#   development server can afford. PDF work still runs in a child process under limits.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND") or os.environ.get(
    "THINKTANK_DEFAULT_TASKS_BACKEND", "immediate"
)
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND={TASKS_BACKEND!r}: choose one of {', '.join(_TASK_BACKENDS)}."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
# Tasks are enqueued when the transaction that asked for them commits (a rolled-back save asks
# for nothing). The tests turn this off: each test runs in a transaction that never commits.
TASKS_ENQUEUE_ON_COMMIT = True
# A task that fails for a passing reason (database or storage unreachable) is tried this many
# times in all, after waits of TASKS_RETRY_DELAYS seconds (publications.tasks.retried).
TASKS_MAX_ATTEMPTS = int(os.environ.get("TASKS_MAX_ATTEMPTS", "3"))
TASKS_RETRY_DELAYS = (10, 60)
# PDF processing runs in a child process under these limits (publications/pdf/sandbox.py): a
# decompression bomb fails its task with a message on the publication instead of taking the
# machine's memory or a worker's time.
PDF_PROCESS_MEMORY_MB = int(os.environ.get("PDF_PROCESS_MEMORY_MB", "768"))
PDF_PROCESS_CPU_SECONDS = int(os.environ.get("PDF_PROCESS_CPU_SECONDS", "60"))
PDF_PROCESS_TIMEOUT_SECONDS = int(os.environ.get("PDF_PROCESS_TIMEOUT_SECONDS", "120"))

# --- The institute --------------------------------------------------------------------------
INSTITUTE_NAME = os.environ.get("INSTITUTE_NAME", "Meridian Institute for International Affairs")
INSTITUTE_SHORT_NAME = os.environ.get("INSTITUTE_SHORT_NAME", "Meridian")
# Absolute URLs in feeds, sitemaps, PDFs and citation tags when no request is at hand.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# The covering index of publications has INCLUDE columns, which only PostgreSQL uses; on SQLite
# it is a plain index, as intended.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# --- JSON API (/api/v1/) ---------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "publications.api.pagination.Pagination",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_CLASSES": [],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Think tank catalogue API",
    "DESCRIPTION": "Read-only access to published publications, regions, themes, centers and "
    "experts. Filters are those of the /publications/ list.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The interactive docs at /api/v1/docs/ load Swagger UI from our own static files.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "defaultModelsExpandDepth": 0},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "publications.api.schema.document_errors",
    ],
}

# --- Security -------------------------------------------------------------------------------
# HTTPS itself (redirect, HSTS, secure cookies) is prod.py's. The proxy's X-Forwarded-Proto is
# trusted everywhere, so request.is_secure() and absolute URLs match what the browser used.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# Content Security Policy (django-csp; Django 6's built-in CSP needs Python 3.12). Every asset
# is served by the app itself: no CDN, no third-party script. Inline *style attributes* are
# allowed (tree indentation in lists), inline scripts are not (JSON-LD is data, not executed).
# The admin is left out: its widgets and third-party admin apps are not all CSP-clean.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"]
        + ([f"https://{AWS_S3_CUSTOM_DOMAIN}"] if AWS_S3_CUSTOM_DOMAIN else []),
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
