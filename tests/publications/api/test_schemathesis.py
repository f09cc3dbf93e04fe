"""The API against its own OpenAPI schema (schemathesis): no server error, valid responses."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from publications.search import search_index_refresh
from thinktank.wsgi import application

# The schema view needs no database, so the schema loads at collection time.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


@pytest.fixture
def served(hand_counted):
    # Requests go through the real WSGI handler: keep it from closing the test's connection
    # at the end of each request (Django's test Client does the same).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    search_index_refresh()
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, served):
    # A schema-valid slug may name nothing: the contract answers 400 for it, so the
    # "positive data is accepted" check does not apply; every other check does.
    case.call_and_validate(excluded_checks=[schemathesis.checks.positive_data_acceptance])
