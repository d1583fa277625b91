"""The live OpenAPI schema, fuzzed in-process with schemathesis for each kind of caller:
no request may cause a 5xx, and every response must match what the schema documents."""

import pytest
import schemathesis
from django.contrib.auth import SESSION_KEY
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from factcheck.wsgi import application
from tests.publishing.helpers import claim_with_appearances, publish

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Calling the WSGI app directly fires request signals that close the database connection;
    Django's test client disconnects that handler, and so do we (the test's transaction lives on it)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(params=["anonymous", "checker-key", "editor-session"])
def caller(request, fact_checker, editor, fact_checker2, editor2, make_key):
    """Headers that make a request as this caller; some published data so reads return rows."""
    publish(claim_with_appearances(), author=fact_checker2, editor=editor2)
    if request.param == "anonymous":
        return {}
    if request.param == "checker-key":
        return {"Authorization": f"Api-Key {make_key(fact_checker, 'read', 'ingest', 'write')}"}
    client = Client()
    client.force_login(editor)
    assert client.session[SESSION_KEY]
    return {"Cookie": f"sessionid={client.cookies['sessionid'].value}"}


def test_the_schema_documents_every_route():
    paths = set(schema.raw_schema["paths"])
    for expected in [
        "/api/v1/claims/",
        "/api/v1/claims/{id}/publish/",
        "/api/v1/fact-checks/{claim_id}/",
        "/api/v1/sources/bulk/",
        "/api/v1/export/claims.{fmt}",
    ]:
        assert expected in paths
    assert "ApiKey" in schema.raw_schema["components"]["securitySchemes"]


@schema.exclude(path_regex=r"/api/v1/(schema|docs)").parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors_and_responses_conform(case, caller):
    case.call_and_validate(headers=caller, checks=CHECKS)
