"""What only a PostgreSQL district server has to get right: a database that drops its connections
(a restart, a failover) costs no request, and a passing database error is a 503 to retry, not a 500.
Everything else runs on both databases (the ``server_store`` and ``server`` fixtures)."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from plclassroom.services import district_sync
from tests.server.conftest import enrolled
from tests.server.test_auth_and_admin import bearer

pytestmark = pytest.mark.postgresql


@pytest.fixture(params=["postgresql"])
def server_store(request, tmp_path):
    from tests.postgres import server_database

    with server_database(request, "postgresql", tmp_path) as opened:
        yield opened


def test_connections_the_database_dropped_cost_no_request(client, server_store):
    token = enrolled(client, server_store)
    assert client.get("/v1/pull", headers=bearer(token)).status_code == 200
    # As a restart would: every connection of the server's pool is closed under it.
    with server_store.engine.connect() as conn:
        database = conn.execute(text("SELECT current_database()")).scalar()
    admin = server_store.engine.url.set(database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin.replace("+psycopg", ""), autocommit=True) as conn:
        ended = conn.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                             "WHERE datname = %s AND pid <> pg_backend_pid()", (database,)).fetchone()[0]
    assert ended >= 1
    for _ in range(3):
        assert client.get("/v1/pull", headers=bearer(token)).status_code == 200


def test_a_passing_database_error_is_503_with_retry_after(client, server_store, monkeypatch):
    def lost(*_args, **_kwargs):
        raise OperationalError("SELECT", {}, psycopg.OperationalError("server closed the connection unexpectedly"))

    token = enrolled(client, server_store)
    monkeypatch.setattr(district_sync, "pull", lost)
    response = client.get("/v1/pull", headers=bearer(token))
    assert response.status_code == 503 and response.headers["retry-after"] == "1"
    assert "closed" not in response.text  # the database's words stay in the server's log
