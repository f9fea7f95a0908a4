"""Schemathesis against the district server's own OpenAPI document, in process (ASGI), on a fresh
server database per test. Whatever it sends, with no token or with a device's token, the server
must not fail (5xx), must answer only with status codes the document lists for the operation, with
the content types, headers and bodies it documents, must refuse what breaks the document (4xx),
and must not take a made-up token, or none, for a real one."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from plclassroom.server.app import create_app
from plclassroom.store.database import Store
from plclassroom.sync.protocol import (
    CONTENT_TYPE,
    Change,
    EnrolRequest,
    EnrolResponse,
    PushRequest,
    pack,
    unpack,
)
from tests.server.conftest import enrolled, new_code, new_user

OPERATIONS = {"POST /v1/enrol", "POST /v1/push", "GET /v1/pull", "GET /v1/status", "POST /v1/bundle",
              "GET /v1/snapshot", "GET /v1/snapshot/{snapshot_id}", "POST /v1/verify", "POST /v1/repair"}
NO_TOKEN = {"POST /v1/enrol", "POST /v1/bundle"}  # the code, or the bundle's signature, is the credential


class CurrentServer:
    """The ASGI app schemathesis sends to: it hands each request to the running test's own app
    (``app``), and has the token of the device that test enrolled (``token``).

    Schemathesis makes its tests (one per operation) from a schema it is given when this module is
    imported, so the app it sends to cannot come from a fixture; and ``schemathesis.pytest.from_fixture``,
    made for that, does not run on pytest 9.2 (it reads ``Function._nodeid``, which pytest dropped).
    """

    def __init__(self) -> None:
        self.app = None
        self.token: str | None = None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            # Refused before any message: "no lifespan here". Each test's app has its own, run by
            # the ``app`` fixture.
            raise RuntimeError("the lifespan is the test's app's own")
        if self.app is None:
            raise RuntimeError("no test's server is running")
        await self.app(scope, receive, send)


SERVER = CurrentServer()


def load_schema():
    """The document as the app publishes it (GET /openapi.json), read from an app over a throwaway
    server database that is gone before any test runs."""
    with tempfile.TemporaryDirectory() as directory:
        store = Store.open(Path(directory) / "district.sqlite")
        try:
            with TestClient(create_app(store)) as running:
                SERVER.app = running.app
                return schemathesis.openapi.from_asgi("/openapi.json", SERVER)
        finally:
            SERVER.app = None
            store.close()


# The document calls the bodies binary (OpenAPI cannot describe MessagePack): send the bytes
# schemathesis makes for them as they are, as it does for application/octet-stream.
schemathesis.serializer.alias(CONTENT_TYPE, "application/octet-stream")
schema = load_schema()

# Every check schemathesis has for one response (not_a_server_error, status_code_conformance,
# content_type_conformance, response_headers_conformance, response_schema_conformance,
# negative_data_rejection, missing_required_header, unsupported_method, ignored_auth, ...) bar one:
# positive_data_acceptance wants a 2xx for any body the document allows, and it allows any bytes.
# Almost no bytes are a MessagePack EnrolRequest or PushRequest, and no made-up enrolment code is a
# real one, so 400 and 403 are the right answers there. (The stateful checks, use_after_free,
# ensure_resource_availability and object_level_authorization, need links between operations, and
# the document has none.) response_schema_conformance has nothing to say about the MessagePack
# bodies, which the document calls binary; it does check the JSON of GET /v1/status.
EXCLUDED = [schemathesis.checks.positive_data_acceptance]
# A few dozen requests an operation keeps the file quick. One server (and database) takes all of
# them, as a real one would: that is what the fixtures are for, hence the suppressed health check.
QUICK = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def app(server_store):
    # A high limit: a minute of fuzzing is more requests than a laptop sends, and a 429 for the
    # rest of the run would hide what the server does with them (429 has its own tests).
    with TestClient(create_app(server_store, max_requests_per_minute=100_000)) as running:
        SERVER.app = running.app
        yield running.app
        SERVER.app = None


@pytest.fixture
def device_token(app, server_store):
    # No `with`: the app's lifespan is already running (the ``app`` fixture).
    SERVER.token = enrolled(TestClient(app, base_url="http://testserver"), server_store)
    yield SERVER.token
    SERVER.token = None


class DeviceToken:
    """Schemathesis' auth provider: the token ``device_token`` got. Given this way (not as a header
    added to every request), the requests it sends without a token, or with a wrong one, on purpose
    go as they are."""

    def get(self, case, context) -> str | None:
        return SERVER.token

    def set(self, case, token: str, context) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}


def test_the_published_document_is_one_schemathesis_can_test():
    # `schema` is GET /openapi.json as the app answers it (see load_schema).
    operations = [result.ok() for result in schema.get_all_operations()]  # .ok() raises on a broken one
    assert {operation.label for operation in operations} == OPERATIONS
    for operation in operations:
        assert operation.responses.status_codes, operation.label
        assert operation.definition.raw.get("security") or operation.label in NO_TOKEN, operation.label


@schema.parametrize()
@QUICK
def test_every_operation_without_a_token(case, app):
    case.call_and_validate(excluded_checks=EXCLUDED)


@schema.parametrize()
@schema.auth.apply(DeviceToken, refresh_interval=None)  # no caching: each test enrols its own device
@QUICK
def test_every_operation_with_a_device_token(case, app, device_token):
    # ignored_auth sends a request that got a 2xx again, without the token and with a made-up one:
    # both must be refused.
    case.call_and_validate(excluded_checks=EXCLUDED)


def test_a_real_enrolment_and_push_are_answered_as_documented(app, server_store):
    # Fuzzed bodies are never a real EnrolRequest or PushRequest: the 200s of enrol and push get the
    # same checks here.
    code = new_code(server_store, new_user(server_store))
    enrol = schema["/v1/enrol"]["POST"].Case(
        body=pack(EnrolRequest(code=code, device="laptop-1", name="Room 12 laptop")), media_type=CONTENT_TYPE,
        headers={"Content-Encoding": "zstd"})
    response = enrol.call_and_validate(excluded_checks=EXCLUDED)
    assert response.status_code == 200, response.text
    token = unpack(response.content, EnrolResponse, "identity").token

    change = Change(1, "district", "6f1c2a9e-0000-4000-8000-000000000001", "insert", 1 << 40, "laptop-1",
                    {"name": "Lakeside District"})
    push = schema["/v1/push"]["POST"].Case(
        body=pack(PushRequest(device="laptop-1", changes=[change])), media_type=CONTENT_TYPE,
        headers={"Content-Encoding": "zstd", "Authorization": f"Bearer {token}"})
    response = push.call_and_validate(excluded_checks=EXCLUDED)
    assert response.status_code == 200, response.text


# Found by the fuzzing above, which sends such numbers only now and then: a cursor past a 32-bit
# integer (PostgreSQL's INTEGER, which the change log no longer uses) was a 500, and one past a
# 64-bit integer too. Now the first is an empty page and the second a 400 (the documented maximum).
@pytest.mark.parametrize(("since", "status"), [(2**31, 200), (2**63 - 1, 200), (2**63, 400)])
def test_pull_from_a_cursor_past_any_integer_column(app, device_token, since, status):
    case = schema["/v1/pull"]["GET"].Case(query={"since": since})
    response = case.call_and_validate(headers={"Authorization": f"Bearer {device_token}"}, excluded_checks=EXCLUDED)
    assert response.status_code == status
