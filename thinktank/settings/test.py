"""Tests: fast hashing, isolated media folders, no static manifest."""

import os
import tempfile
from pathlib import Path

import dj_database_url

os.environ.setdefault("THINKTANK_DEFAULT_DEBUG", "1")
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
_tmp = Path(tempfile.mkdtemp(prefix="thinktank-test-"))
os.environ.setdefault("MEDIA_ROOT", str(_tmp / "media"))
os.environ.setdefault("PRIVATE_MEDIA_ROOT", str(_tmp / "private"))

from .base import *  # noqa: E402, F403
from .base import STORAGES  # noqa: E402

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests build rows with factories, which bump no version: the page cache is on only in the tests
# of the cache itself (tests/thinktank/cache/) and of leaks, which turn it on.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
ALLOWED_HOSTS = ["*"]
STATIC_ROOT = _tmp / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Connections opened by live-server and test threads must not outlive the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Tests build rows inside a transaction a replica cannot see: reads stay on the primary except
# in tests/test_replicas.py, which points the replica aliases at the real replica and turns
# routing on.
REPLICA_DATABASES = []
# tests/test_replicas.py reads the real replica that TEST_REPLICA_URL names (.ci/replica): an
# alias that mirrors the test database (none is created on a read-only replica) until that
# test points it at the replica's copy. Not DATABASE_REPLICA_URLS: the app servers that other
# tests start inherit the environment.
if os.environ.get("TEST_REPLICA_URL") and IS_POSTGRES:  # noqa: F405
    DATABASES.setdefault(  # noqa: F405
        "replica_0",
        {**dj_database_url.parse(os.environ["TEST_REPLICA_URL"]), "TEST": {"MIRROR": "default"}},
    )
for _alias in DATABASES:  # noqa: F405
    DATABASES[_alias]["CONN_MAX_AGE"] = 0  # noqa: F405
# Tasks run at once, in the test's process (TASKS_BACKEND=immediate unless the environment says
# otherwise): each test is one transaction that never commits, so waiting for the commit would
# run nothing. tests/publications/test_tasks.py turns the on-commit rule back on, and runs a real
# `db_worker` on PostgreSQL.
TASKS_ENQUEUE_ON_COMMIT = False
# Exports: the cache is shared by every test and factories bump no catalogue version, so the
# export cache, slots and rate limit are off but in tests/publications/test_export_limits.py.
EXPORT_CONCURRENCY = 0
EXPORT_RATE_LIMIT = 0
EXPORT_CACHE_MAX_MB = 0
