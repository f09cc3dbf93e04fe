"""Settings come from the environment as the contract's table says."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]


def run_python(code, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL", "THINKTANK_"))
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def run_django(code, **env):
    return run_python(f"import django; django.setup(); {code}", **env)


SECRET = "a-long-random-production-like-secret-key-0123456789-abcdefghij"
HTTPS_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
]


def settings_values(names, **env):
    result = run_django(
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_without_secret_key_refuses_to_start_with_a_clear_error():
    result = run_django("", DJANGO_SETTINGS_MODULE="thinktank.settings.prod")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_database_url_selects_postgresql_with_persistent_checked_connections():
    code = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['NAME'], d['HOST'], d['PORT'], d['CONN_MAX_AGE'] > 0, "
        "d['CONN_HEALTH_CHECKS'])"
    )
    result = run_django(
        code,
        DJANGO_SETTINGS_MODULE="thinktank.settings.prod",
        DJANGO_SECRET_KEY="x" * 60,
        DATABASE_URL="postgres://user@db.example:5433/thinktank",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "thinktank",
        "db.example",
        "5433",
        "True",
        "True",
    ]


def test_default_database_is_sqlite_and_cache_url_selects_redis():
    code = (
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE']); "
        "print(settings.CACHES['default']['BACKEND']); print(settings.DEBUG)"
    )
    result = run_django(
        code, DJANGO_SETTINGS_MODULE="thinktank.settings.dev", CACHE_URL="redis://127.0.0.1:6379/0"
    )
    assert result.returncode == 0, result.stderr
    engine, cache, debug = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert cache == "django.core.cache.backends.redis.RedisCache"
    assert debug == "True"


def test_the_page_cache_is_on_by_default_only_with_a_cache_every_process_shares():
    """A local-memory cache is one per process: a write in one worker (or a task worker, or a
    command) would bump that process's catalogue version only, and the others would serve
    the old page; so the page cache waits for Redis unless PAGE_CACHE_SECONDS says otherwise."""
    names = ["PAGE_CACHE_SECONDS"]
    dev = {"DJANGO_SETTINGS_MODULE": "thinktank.settings.dev"}
    assert settings_values(names, **dev)["PAGE_CACHE_SECONDS"] == 0
    redis = settings_values(names, **dev, CACHE_URL="redis://127.0.0.1:6379/0")
    assert redis["PAGE_CACHE_SECONDS"] == 600
    chosen = settings_values(names, **dev, PAGE_CACHE_SECONDS="120")
    assert chosen["PAGE_CACHE_SECONDS"] == 120


def test_unknown_cache_url_is_a_clear_error():
    result = run_django(
        "", DJANGO_SETTINGS_MODULE="thinktank.settings.dev", CACHE_URL="memcached://x"
    )
    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr


def test_check_deploy_is_clean_in_production():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SETTINGS_MODULE": "thinktank.settings.prod",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": SECRET,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr


def test_production_with_debug_off_redirects_to_https_with_hsts_and_secure_cookies():
    values = settings_values(
        HTTPS_SETTINGS,
        DJANGO_SETTINGS_MODULE="thinktank.settings.prod",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET,
    )
    assert values == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_REDIRECT_EXEMPT": ["^healthz$"],
        "SECURE_HSTS_SECONDS": 60 * 60 * 24 * 365,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
    }


def test_gunicorn_entry_point_serves_production_settings_with_debug_off_by_default():
    result = run_python(
        "import thinktank.wsgi; from django.conf import settings; "
        "print(settings.SETTINGS_MODULE, settings.DEBUG, settings.SECURE_SSL_REDIRECT)",
        DJANGO_SECRET_KEY=SECRET,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["thinktank.settings.prod", "False", "True"]


def test_production_https_variables_override_their_defaults():
    values = settings_values(
        HTTPS_SETTINGS,
        DJANGO_SETTINGS_MODULE="thinktank.settings.prod",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_HSTS_SECONDS="3600",
        DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS="0",
        DJANGO_SECURE_HSTS_PRELOAD="false",
    )
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert values["SECURE_HSTS_PRELOAD"] is False
    assert values["SESSION_COOKIE_SECURE"] is True


@pytest.mark.parametrize(
    "env",
    [
        {"DJANGO_SETTINGS_MODULE": "thinktank.settings.dev"},
        # runserver speaks plain HTTP: a redirect to https would lock the developer out.
        {"DJANGO_SETTINGS_MODULE": "thinktank.settings.dev", "DJANGO_DEBUG": "0"},
        {"DJANGO_SETTINGS_MODULE": "thinktank.settings.prod", "DJANGO_DEBUG": "1"},
        {"DJANGO_SETTINGS_MODULE": "thinktank.settings.test", "DJANGO_DEBUG": "0"},
    ],
    ids=["dev", "dev-debug-off", "prod-debug-on", "test-debug-off"],
)
def test_development_and_debugging_settings_have_no_https_hardening(env):
    values = settings_values(HTTPS_SETTINGS, DJANGO_SECRET_KEY=SECRET, **env)
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["CSRF_COOKIE_SECURE"] is False


@pytest.mark.parametrize("module", ["thinktank.settings.dev", "thinktank.settings.prod"])
def test_debug_off_collects_static_files_with_the_manifest_whichever_settings_module(module):
    # `manage.py collectstatic` (dev settings) must write the manifest gunicorn (prod) reads.
    values = settings_values(
        ["STORAGES"], DJANGO_SETTINGS_MODULE=module, DJANGO_DEBUG="0", DJANGO_SECRET_KEY=SECRET
    )
    assert values["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=["^healthz$"])
def test_requests_forwarded_as_https_by_the_proxy_are_served_not_redirected(client):
    # Load balancers probe /healthz over plain HTTP (exempt in production, see above).
    assert client.get("/healthz").status_code == 200
    plain = client.get("/experts/")
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")
    assert client.get("/experts/", HTTP_X_FORWARDED_PROTO="https").status_code == 200


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_healthz_answers_503_when_the_database_is_down(client, monkeypatch):
    from django.db import DatabaseError, connection

    def broken_cursor(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503


@pytest.mark.django_db
def test_public_pages_carry_a_content_security_policy_without_third_party_sources(client):
    response = client.get("/publications/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "http" not in policy
