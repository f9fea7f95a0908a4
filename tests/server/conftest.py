"""Fixtures for the district server: a fresh server database, the app in process (fast), and the
app served by uvicorn on a free local port (real HTTP), plus helpers to enrol a device."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from plclassroom.server.app import create_app
from plclassroom.services import district
from plclassroom.store.database import Store
from plclassroom.sync.protocol import CONTENT_TYPE, EnrolRequest, EnrolResponse, pack, unpack
from tests.conftest import SERVER_DATABASES
from tests.postgres import server_database


@dataclass
class LiveServer:
    base_url: str
    store: Store


@pytest.fixture(params=SERVER_DATABASES)
def server_store(request, tmp_path: Path):
    """An empty server database: a SQLite file, then a PostgreSQL database."""
    with server_database(request, request.param, tmp_path) as opened:
        yield opened


@pytest.fixture
def client(server_store: Store):
    with TestClient(create_app(server_store), base_url="http://testserver") as test_client:
        yield test_client


@contextmanager
def serving(store: Store, **app_options):
    """The app on 127.0.0.1 (a port the OS picked) in a background thread, while the block runs."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    # uvicorn installs no signal handlers outside the main thread.
    server = uvicorn.Server(uvicorn.Config(create_app(store, **app_options), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", store)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture
def live_server(server_store: Store):
    with serving(server_store) as live:
        yield live


def new_user(store: Store, name: str = "Ms Rivera", role: str = "teacher") -> str:
    with store.unit_of_work() as uow:
        return district.create_user(uow, name, role)


def new_code(store: Store, user_id: str, **kwargs) -> str:
    with store.unit_of_work() as uow:
        return district.issue_enrol_code(uow, user_id, **kwargs)


def enrol_request(http, code: str, device: str = "laptop-1", name: str = "Room 12 laptop"):
    """POST /v1/enrol with ``http`` (a TestClient or an httpx.Client on a base URL)."""
    return http.post("/v1/enrol", content=pack(EnrolRequest(code=code, device=device, name=name)),
                     headers={"Content-Type": CONTENT_TYPE, "Content-Encoding": "zstd"})


def enrolled(http, store: Store, device: str = "laptop-1") -> str:
    """A device enrolled for a new teacher; returns its token."""
    response = enrol_request(http, new_code(store, new_user(store)), device)
    assert response.status_code == 200, response.text
    # httpx has already undone the Content-Encoding.
    return unpack(response.content, EnrolResponse, "identity").token
