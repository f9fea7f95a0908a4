"""The district server's doors: enrolment codes, device tokens, limits on what a request may be,
and the admin command. (What push and pull do with changes is tested with district_sync.)"""

from __future__ import annotations

import gzip
import hashlib
import re
import sqlite3
from datetime import timedelta
from pathlib import Path

import httpx
import msgspec
import pytest
import zstandard
from fastapi.testclient import TestClient
from sqlalchemy import text

from plclassroom.server.app import RateLimiter, create_app, response_encoding
from plclassroom.server.cli import main
from plclassroom.services import district
from plclassroom.store.database import Store
from plclassroom.sync.protocol import (
    CONTENT_TYPE,
    MAX_BODY_BYTES,
    MAX_EXPANDED_BYTES,
    PAGE_CHANGES,
    Change,
    EnrolRequest,
    EnrolResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    pack,
    unpack,
)
from tests.postgres import fill_template
from tests.server.conftest import enrol_request, enrolled, new_code, new_user

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "oneroster"
PACKED = {"Content-Type": CONTENT_TYPE, "Content-Encoding": "zstd"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def push(http, token: str | None, request: PushRequest | bytes, **headers):
    body = request if isinstance(request, bytes) else pack(request)
    return http.post("/v1/push", content=body, headers={**PACKED, **(bearer(token) if token else {}), **headers})


def snapshot(store: Store) -> list:
    """Everything a refused request must leave as it was."""
    with store.engine.connect() as conn:
        return [conn.execute(text(f"SELECT * FROM {table} ORDER BY 1")).all()
                for table in ("district_device", "district_change", "district_row_clock", "district",
                              "district_enrol_code")]


def a_change(device: str = "laptop-1") -> Change:
    return Change(1, "district", "6f1c2a9e-0000-4000-8000-000000000001", "insert", 1 << 40, device,
                  {"name": "Lakeside District"})


# -- enrolment --------------------------------------------------------------------------------------


def test_enrol_over_http_gives_a_token_that_works(live_server):
    store = live_server.store
    code = new_code(store, new_user(store, "Ms Rivera", "teacher"))
    with httpx.Client(base_url=live_server.base_url) as http:
        response = enrol_request(http, code)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == CONTENT_TYPE
        assert response.headers["content-encoding"] == "zstd"  # httpx asks for it, and undoes it
        reply = unpack(response.content, EnrolResponse, "identity")
        assert (reply.user, reply.role) == ("Ms Rivera", "teacher")
        assert len(reply.token) >= 40

        status = http.get("/v1/status", headers=bearer(reply.token))
        assert status.status_code == 200
        body = status.json()
        assert (body["user"], body["role"], body["protocol"]) == ("Ms Rivera", "teacher", 1)
        assert body["server_time"] > 1_700_000_000_000

    with store.unit_of_work() as uow:
        [device] = district.list_devices(uow)
    assert (device.id, device.name, device.user_name, device.revoked) == (
        "laptop-1", "Room 12 laptop", "Ms Rivera", False)


def test_a_code_is_read_however_it_was_typed(client, server_store):
    code = new_code(server_store, new_user(server_store))
    typed = " " + code.replace("-", " ").lower() + " "
    assert enrol_request(client, typed).status_code == 200


def test_a_code_works_once(client, server_store):
    code = new_code(server_store, new_user(server_store))
    assert enrol_request(client, code, device="laptop-1").status_code == 200
    again = enrol_request(client, code, device="laptop-2")
    assert again.status_code == 403
    assert "used already" in again.json()["detail"]
    with server_store.unit_of_work() as uow:
        assert [d.id for d in district.list_devices(uow)] == ["laptop-1"]


def test_an_expired_or_unknown_code_is_refused(client, server_store):
    user = new_user(server_store)
    expired = new_code(server_store, user, valid_for=timedelta(seconds=-1))
    response = enrol_request(client, expired)
    assert response.status_code == 403 and "expired" in response.json()["detail"]
    response = enrol_request(client, "AAAA-BBBB-CCCC-DDDD")
    assert response.status_code == 403 and "not known" in response.json()["detail"]
    with server_store.unit_of_work() as uow:
        assert district.list_devices(uow) == []


def test_enrolling_a_device_again_replaces_its_token(client, server_store):
    first = enrolled(client, server_store, device="laptop-1")
    second = enrolled(client, server_store, device="laptop-1")
    assert client.get("/v1/status", headers=bearer(first)).status_code == 401
    assert client.get("/v1/status", headers=bearer(second)).status_code == 200


def test_tokens_and_codes_are_stored_only_hashed(client, server_store):
    code = new_code(server_store, new_user(server_store))
    token = unpack(enrol_request(client, code).content, EnrolResponse, "identity").token
    if server_store.path is not None:
        # The database and its write-ahead log, as bytes: the hash is there, the secret is not.
        raw = b"".join(p.read_bytes() for p in server_store.path.parent.glob(server_store.path.name + "*"))
    else:  # PostgreSQL: every row of every table, as text
        with server_store.engine.connect() as conn:
            tables = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars()
            raw = "".join(str(row) for table in list(tables)
                          for row in conn.execute(text(f'SELECT t::text FROM "{table}" t')).scalars()).encode()
    assert hashlib.sha256(token.encode()).hexdigest().encode() in raw
    assert token.encode() not in raw
    for form in (code, code.replace("-", "")):
        assert form.encode() not in raw


# -- tokens ---------------------------------------------------------------------------------------------


def _requests(token):
    return {
        "status": lambda http: http.get("/v1/status", headers=bearer(token) if token else {}),
        "pull": lambda http: http.get("/v1/pull", params={"since": 0}, headers=bearer(token) if token else {}),
        "push": lambda http: push(http, token, PushRequest(device="laptop-1", changes=[a_change()])),
    }


@pytest.mark.parametrize("endpoint", ["status", "pull", "push"])
@pytest.mark.parametrize("kind", ["none", "wrong", "revoked"])
def test_no_wrong_or_revoked_token_is_401_and_changes_nothing(live_server, endpoint, kind):
    store = live_server.store
    with httpx.Client(base_url=live_server.base_url) as http:
        token = enrolled(http, store, device="laptop-1")
        if kind == "revoked":
            with store.unit_of_work() as uow:
                district.revoke_device(uow, "laptop-1")
        used = {"none": None, "wrong": token[:-4] + "AAAA", "revoked": token}[kind]
        before = snapshot(store)
        response = _requests(used)[endpoint](http)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["detail"]
    assert snapshot(store) == before


def test_push_for_another_device_is_403(client, server_store):
    token = enrolled(client, server_store, device="laptop-1")
    before = snapshot(server_store)
    response = push(client, token, PushRequest(device="laptop-2", changes=[a_change("laptop-2")]))
    assert response.status_code == 403
    assert snapshot(server_store) == before


def test_push_and_pull_go_through_with_a_good_token(live_server):
    store = live_server.store
    with httpx.Client(base_url=live_server.base_url) as http:
        token = enrolled(http, store, device="laptop-1")
        pushed = push(http, token, PushRequest(device="laptop-1", changes=[]))
        assert pushed.status_code == 200, pushed.text
        reply = unpack(pushed.content, PushResponse, "identity")
        assert (reply.accepted, reply.rejected) == ([], [])
        pulled = http.get("/v1/pull", params={"since": 0, "limit": PAGE_CHANGES * 10}, headers=bearer(token))
        assert pulled.status_code == 200, pulled.text
        page = unpack(pulled.content, PullResponse, "identity")
        assert (page.changes, page.has_more) == ([], False)
    with store.unit_of_work() as uow:
        [device] = district.list_devices(uow)
    assert device.last_sync_at is not None


def test_many_devices_at_once_get_no_errors(live_server):
    """Requests run in threads (on SQLite: none may fail with a locked database; on PostgreSQL, with
    no process lock, the change log's numbers still come out one after another with no gap)."""
    from concurrent.futures import ThreadPoolExecutor

    store = live_server.store
    with httpx.Client(base_url=live_server.base_url) as http:
        tokens = {f"laptop-{i}": enrolled(http, store, device=f"laptop-{i}") for i in range(6)}

    def sync(device: str) -> list[int]:
        codes = []
        with httpx.Client(base_url=live_server.base_url) as http:
            for n in range(1, 6):
                change = Change(n, "district", f"6f1c2a9e-0000-4000-8000-{device[-1]}{n:011d}", "insert", 1 << 40,
                                device, {"name": f"District {device} {n}"})
                codes.append(push(http, tokens[device], PushRequest(device=device, changes=[change])).status_code)
                codes.append(http.get("/v1/pull", headers=bearer(tokens[device])).status_code)
        return codes

    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(sync, tokens))
    assert all(code == 200 for codes in results for code in codes), results
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT seq FROM district_change ORDER BY seq")).scalars().all() == list(range(1, 31))
        assert conn.execute(text("SELECT sum(changes_pushed) FROM district_device")).scalar() == 30


@pytest.mark.parametrize(("accept", "expected"), [("zstd", "zstd"), ("gzip", "gzip"), ("identity", None),
                                                  ("gzip, zstd;q=0", "gzip")])
def test_responses_are_compressed_as_the_client_asks(client, server_store, accept, expected):
    token = enrolled(client, server_store)
    response = client.get("/v1/pull", headers={**bearer(token), "Accept-Encoding": accept})
    assert response.status_code == 200
    assert response.headers.get("content-encoding") == expected
    assert isinstance(unpack(response.content, PullResponse, "identity"), PullResponse)


def test_gzip_request_bodies_are_read(client, server_store):
    token = enrolled(client, server_store)
    body = pack(PushRequest(device="laptop-1", changes=[]), "gzip")
    assert push(client, token, body, **{"Content-Encoding": "gzip"}).status_code == 200


# -- limits and malformed requests ----------------------------------------------------------------------


def test_an_oversized_body_is_413(live_server):
    store = live_server.store
    with httpx.Client(base_url=live_server.base_url) as http:
        token = enrolled(http, store)
        response = push(http, token, b"\0" * (MAX_BODY_BYTES + 1))
    assert response.status_code == 413


def test_an_oversized_chunked_body_is_413(client, server_store):
    token = enrolled(client, server_store)

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(5):
            yield b"\0" * (MAX_BODY_BYTES // 4)

    response = client.post("/v1/push", content=chunks(), headers={**PACKED, **bearer(token)})
    assert response.status_code == 413


@pytest.mark.parametrize(("body", "encoding", "says"), [
    (b"garbage", "zstd", "could not be decompressed"),
    (gzip.compress(b"garbage"), "gzip", "not a valid PushRequest"),
    (pack(EnrolRequest(code="x", device="laptop-1")), "zstd", "not a valid PushRequest"),
    (b"", "identity", "not a valid PushRequest"),
    (pack(PushRequest(device="laptop-1", changes=[])), "br", "Unknown content encoding"),
    # Numbers no database column holds, ids and names no database stores (found by schemathesis).
    (pack(PushRequest(device="laptop-1", changes=[msgspec.structs.replace(a_change(), seq=2**63)])), "zstd", "not a valid PushRequest"),
    (pack(PushRequest(device="laptop-1", changes=[Change(1, "district", "row\x00id", "insert", 1, "laptop-1", {})])),
     "zstd", "not a valid PushRequest"),
])
def test_malformed_bodies_are_400_with_the_reason(client, server_store, body, encoding, says):
    token = enrolled(client, server_store)
    response = push(client, token, body, **{"Content-Encoding": encoding})
    assert response.status_code == 400
    assert says in response.json()["detail"]


def test_an_enrolment_with_a_device_id_no_database_stores_is_400(client, server_store):
    code = new_code(server_store, new_user(server_store))
    response = client.post("/v1/enrol", content=pack(EnrolRequest(code=code, device="lap\x00top")),
                           headers={"Content-Type": CONTENT_TYPE, "Content-Encoding": "zstd"})
    assert response.status_code == 400 and "not a valid EnrolRequest" in response.json()["detail"]
    assert enrol_request(client, code).status_code == 200  # the code was not used up


def test_a_zstd_bomb_is_400(client, server_store):
    token = enrolled(client, server_store)
    bomb = zstandard.ZstdCompressor(level=19).compress(b"\0" * (MAX_EXPANDED_BYTES + 1024))
    assert len(bomb) < 64 * 1024
    response = push(client, token, bomb)
    assert response.status_code == 400
    assert "expands beyond" in response.json()["detail"]


def test_a_value_that_fits_no_column_is_400_and_nothing_is_saved(client, server_store):
    token = enrolled(client, server_store)
    before = snapshot(server_store)
    bad = Change(1, "term", "6f1c2a9e-0000-4000-8000-000000000002", "insert", 1 << 40, "laptop-1",
                 {"title": "Fall", "start_date": "not a date", "end_date": "also not"})
    response = push(client, token, PushRequest(device="laptop-1", changes=[bad]))
    assert response.status_code in (200, 400)  # refused per change, or the batch refused: never a 500
    if response.status_code == 200:
        assert unpack(response.content, PushResponse, "identity").rejected
    else:
        assert snapshot(server_store)[1:] == before[1:]


def test_a_wrong_content_type_is_415(client, server_store):
    token = enrolled(client, server_store)
    response = client.post("/v1/push", content=b"{}", headers={**bearer(token), "Content-Type": "application/json"})
    assert response.status_code == 415


def test_an_unknown_protocol_version_is_400(client, server_store):
    token = enrolled(client, server_store)
    body = msgspec.msgpack.encode({"device": "laptop-1", "changes": [], "protocol": 99})
    response = push(client, token, body, **{"Content-Encoding": "identity"})
    assert response.status_code == 400 and "protocol" in response.json()["detail"]


@pytest.mark.parametrize("query", [{"since": -1}, {"since": "soon"}, {"limit": 0}])
def test_a_bad_pull_query_is_400(client, server_store, query):
    token = enrolled(client, server_store)
    response = client.get("/v1/pull", params=query, headers=bearer(token))
    assert response.status_code == 400
    assert "not valid" in response.json()["detail"]


def test_a_pending_count_no_column_holds_is_400_and_changes_nothing(client, server_store):
    """What a laptop says waits in its outbox is kept in a 32-bit column: a larger number is a
    plain 400 (push, pull, status), never a database error; a batch with it is not applied."""
    token = enrolled(client, server_store)
    before = snapshot(server_store)
    body = msgspec.msgpack.encode({"device": "laptop-1", "changes": [], "pending": 2**31})
    assert push(client, token, body, **{"Content-Encoding": "identity"}).status_code == 400
    for path in ("/v1/pull", "/v1/status"):
        response = client.get(path, params={"pending": 2**31}, headers=bearer(token))
        assert response.status_code == 400 and "pending" in response.json()["detail"]
    assert snapshot(server_store) == before
    assert client.get("/v1/status", params={"pending": 2**31 - 1}, headers=bearer(token)).status_code == 200


def test_too_many_requests_is_429_with_retry_after(server_store):
    with TestClient(create_app(server_store, max_requests_per_minute=3)) as client:
        token = enrolled(client, server_store)  # one enrol from this address
        for _ in range(3):
            assert client.get("/v1/status", headers=bearer(token)).status_code == 200
        refused = client.get("/v1/status", headers=bearer(token))
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["retry-after"]) <= 60
        # Enrolment is counted per address: two more, then refused.
        codes = [new_code(server_store, new_user(server_store, f"T{i}")) for i in range(3)]
        assert [enrol_request(client, c, device=f"d{i}").status_code for i, c in enumerate(codes)] == [
            200, 200, 429]


def test_the_rate_window_slides():
    now = [0.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    limiter.check("a")
    limiter.check("a")
    limiter.check("b")
    with pytest.raises(Exception) as refused:
        limiter.check("a")
    assert refused.value.status_code == 429 and refused.value.headers["Retry-After"] == "60"
    now[0] = 60.0
    limiter.check("a")


@pytest.mark.parametrize(("accept", "expected"), [
    ("", "identity"), ("gzip, deflate, br, zstd", "zstd"), ("gzip", "gzip"), ("*", "zstd"),
    ("zstd;q=0, gzip;q=0.5", "gzip"), ("br", "identity"), ("gzip;q=bad", "identity")])
def test_response_encoding_follows_accept_encoding(accept, expected):
    assert response_encoding(accept) == expected


def test_openapi_describes_the_binary_bodies(client):
    spec = client.get("/openapi.json").json()
    push_doc = spec["paths"]["/v1/push"]["post"]
    assert CONTENT_TYPE in push_doc["requestBody"]["content"]
    assert CONTENT_TYPE in push_doc["responses"]["200"]["content"]
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


# -- services -------------------------------------------------------------------------------------------


def test_create_user_checks_role_and_person(server_store):
    with server_store.unit_of_work() as uow:
        with pytest.raises(district.DistrictError, match="Unknown role"):
            district.create_user(uow, "Ms Rivera", "janitor")
        with pytest.raises(district.DistrictError, match="no person"):
            district.create_user(uow, "Ms Rivera", "teacher", person_id="nobody")
        with pytest.raises(district.DistrictError, match="needs a name"):
            district.create_user(uow, "  ", "teacher")
        with pytest.raises(district.DistrictError, match="no user"):
            district.issue_enrol_code(uow, "nobody")
        assert district.list_users(uow) == []


def test_codes_are_four_groups_from_an_unambiguous_alphabet(server_store):
    user = new_user(server_store)
    codes = {new_code(server_store, user) for _ in range(20)}
    assert len(codes) == 20
    for code in codes:
        assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", code)
        assert not set(code) & set("01IOL")


# -- the admin command ----------------------------------------------------------------------------------


def test_admin_command_end_to_end(tmp_path, capsys):
    db = str(tmp_path / "district.sqlite")
    assert main(["--database", db, "create-user", "Ms Rivera", "--role", "teacher"]) == 0
    out = capsys.readouterr().out
    user_id = re.search(r"user id (\S+)", out).group(1)
    assert "Created teacher Ms Rivera" in out and f"enrol-code {user_id}" in out

    assert main(["--database", db, "enrol-code", user_id]) == 0
    out = capsys.readouterr().out
    code = re.search(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", out).group(0)
    assert "Ms Rivera" in out and "works once" in out and "UTC" in out

    assert main(["--database", db, "users"]) == 0
    out = capsys.readouterr().out
    assert user_id in out and "Ms Rivera" in out and "teacher" in out

    assert main(["--database", db, "devices"]) == 0
    assert "No devices enrolled yet" in capsys.readouterr().out

    store = Store.open(Path(db))
    try:
        with TestClient(create_app(store)) as client:
            response = enrol_request(client, code, device="laptop-7", name="Room 12 laptop")
            assert response.status_code == 200
            token = unpack(response.content, EnrolResponse, "identity").token
    finally:
        store.close()

    assert main(["--database", db, "devices"]) == 0
    out = capsys.readouterr().out
    assert "laptop-7" in out and "Room 12 laptop" in out and "Ms Rivera (teacher)" in out and "active" in out
    assert token not in out

    assert main(["--database", db, "revoke", "laptop-7"]) == 0
    assert "can no longer sync" in capsys.readouterr().out
    assert main(["--database", db, "devices"]) == 0
    assert "revoked" in capsys.readouterr().out

    store = Store.open(Path(db))
    try:
        with TestClient(create_app(store)) as client:
            assert client.get("/v1/status", headers=bearer(token)).status_code == 401
    finally:
        store.close()


def test_admin_command_errors_are_plain_and_exit_2(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "district.sqlite")
    assert main(["--database", db, "users"]) == 2
    assert "there is no server database" in capsys.readouterr().err
    assert main(["--database", db, "create-user", "Ms Rivera", "--role", "teacher", "--person-id", "x"]) == 2
    assert "no person with id x" in capsys.readouterr().err
    assert main(["--database", db, "enrol-code", "nobody"]) == 2
    assert "no user with id nobody" in capsys.readouterr().err
    assert main(["--database", db, "revoke", "laptop-9"]) == 2
    assert "no device with id laptop-9" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["--database", db, "create-user", "Ms Rivera", "--role", "janitor"])
    assert exited.value.code == 2
    assert main(["--database", db, "serve", "--cert", str(tmp_path / "cert.pem")]) == 2
    assert "both --cert and --key" in capsys.readouterr().err

    # Without --database: the environment variable, else ./district.sqlite.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLCLASSROOM_SERVER_DATABASE", raising=False)
    assert main(["users"]) == 0
    monkeypatch.setenv("PLCLASSROOM_SERVER_DATABASE", str(tmp_path / "elsewhere.sqlite"))
    assert main(["users"]) == 2
    assert "elsewhere.sqlite" in capsys.readouterr().err


@pytest.mark.skipif(not (SAMPLES / "lepo-en").exists(), reason="the shared OneRoster samples are not here")
def test_import_roster_then_a_user_for_a_person_in_it(tmp_path, capsys):
    db = str(tmp_path / "district.sqlite")
    assert main(["--database", db, "import-roster", str(SAMPLES / "lepo-en")]) == 0
    assert "Imported." in capsys.readouterr().out
    with sqlite3.connect(db) as conn:
        person_id, school_id = conn.execute("SELECT id, school_id FROM person LIMIT 1").fetchone()
    assert main(["--database", db, "create-user", "Ms Rivera", "--role", "teacher", "--person-id", person_id,
                 "--school-id", school_id or ""]) == 0
    assert main(["--database", db, "users"]) == 0
    assert person_id in capsys.readouterr().out


def test_a_principal_is_made_for_a_school_named_as_the_admin_knows_it(demo_template, tmp_path, capsys):
    """`schools` lists ids, codes and names; create-user takes any of them for --school, and says
    what comes next for the role (a password for the dashboard; a code for a laptop)."""
    import shutil

    db = tmp_path / "district.sqlite"
    shutil.copy(demo_template, db)
    assert main(["--database", str(db), "schools"]) == 0
    listed = capsys.readouterr().out
    assert "Cedar Hollow Middle School" in listed and "Harbor View Middle School" in listed and "90" in listed
    with sqlite3.connect(db) as conn:
        cedar, code = conn.execute(
            "SELECT id, identifier FROM school WHERE name = 'Cedar Hollow Middle School'").fetchone()
    for given in ("cedar hollow middle school", code, cedar):
        assert main(["--database", str(db), "create-user", f"Pat {given[:4]}", "--role", "school_admin",
                     "--school", given]) == 0
        out = capsys.readouterr().out
        assert "Created principal" in out and "set-password" in out
    with sqlite3.connect(db) as conn:
        assert {row[0] for row in conn.execute("SELECT school_id FROM district_user")} == {cedar}
    assert main(["--database", str(db), "create-user", "Terry", "--role", "teacher"]) == 0
    assert "Next: plclassroom-server enrol-code" in capsys.readouterr().out
    assert main(["--database", str(db), "create-user", "Nobody", "--role", "school_admin",
                 "--school", "Atlantis Middle"]) == 2
    assert "plclassroom-server schools" in capsys.readouterr().err


@pytest.mark.postgresql
@pytest.mark.skipif(not (SAMPLES / "lepo-en").exists(), reason="the shared OneRoster samples are not here")
def test_the_admin_commands_on_postgresql(postgres_databases, capsys, monkeypatch):
    name = postgres_databases.fresh("template_empty", fill_template)
    url = postgres_databases.url_of(name)
    try:
        assert main(["--database-url", url, "import-roster", str(SAMPLES / "lepo-en")]) == 0
        assert "Imported." in capsys.readouterr().out
        store = Store.open_url(url)
        with store.engine.connect() as conn:
            person_id = conn.execute(text("SELECT id FROM person LIMIT 1")).scalar()
        store.close()
        # The URL may come from the environment, as a service manager would set it.
        monkeypatch.setenv("PLCLASSROOM_SERVER_DATABASE_URL", url)
        assert main(["create-user", "Ms Rivera", "--role", "teacher", "--person-id", person_id]) == 0
        assert main(["users"]) == 0
        out = capsys.readouterr().out
        assert person_id in out and "Ms Rivera" in out
        # A second import of the same roster changes nothing.
        assert main(["import-roster", str(SAMPLES / "lepo-en")]) == 0
        print("SECOND", capsys.readouterr().out)
    finally:
        postgres_databases.drop(name)


def test_an_unreachable_postgresql_is_a_plain_error(capsys):
    # A port nobody listens on: the admin is told which database and why, not shown a traceback.
    assert main(["--database-url", "postgresql://district:secret@127.0.0.1:9/plclassroom", "users"]) == 2
    err = capsys.readouterr().err
    assert "Cannot open the database" in err and "127.0.0.1:9/plclassroom" in err and "secret" not in err


def test_a_locked_database_is_503_with_retry_after(client, server_store, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from plclassroom.services import district_sync

    def locked(*_args, **_kwargs):
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("database is locked"))

    token = enrolled(client, server_store)
    monkeypatch.setattr(district_sync, "pull", locked)
    response = client.get("/v1/pull", headers=bearer(token))
    assert response.status_code == 503 and response.headers["retry-after"] == "1"
