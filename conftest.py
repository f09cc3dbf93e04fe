"""Suite-wide switches: tests that need PostgreSQL or Chromium skip with a reason when those
are absent, except in CI, where REQUIRE_POSTGRES=1 / REQUIRE_BROWSER=1 turn the skip into a
failure so that a missing install step cannot hide behind a green run."""

import os

import pytest


def _required(name):
    return os.environ.get(name, "").lower() in {"1", "true", "yes"}


def skip_or_fail(reason, *, env):
    if _required(env):
        pytest.fail(f"{reason} ({env}=1 makes this a failure)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _postgres_marker(request):
    if request.node.get_closest_marker("postgres") is None:
        return
    from django.db import connection

    if connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL: set DATABASE_URL=postgres://...", env="REQUIRE_POSTGRES")
