"""A district server's database and laptops, all starting from the demo school (as if the roster
had reached each of them), each laptop with its own device id."""

import shutil
import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from plclassroom.domain import Enrollment
from plclassroom.store.database import Store
from plclassroom.store.district import DistrictDevice, DistrictUser
from tests.conftest import SERVER_DATABASES
from tests.postgres import server_database


def copy_of(demo_template, path) -> Store:
    shutil.copy(demo_template, path)
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM sync_device")  # a laptop of its own: a new device id on open
    return Store.open(path)


@pytest.fixture(params=SERVER_DATABASES)
def server(request, demo_template, tmp_path):
    """The district server's database holding the demo school: a SQLite file, then PostgreSQL."""
    with server_database(request, request.param, tmp_path, demo_template) as store:
        yield store


@pytest.fixture
def laptops(demo_template, tmp_path):
    made = []

    def make() -> Store:
        store = copy_of(demo_template, tmp_path / f"laptop{len(made)}.sqlite")
        made.append(store)
        return store

    yield make
    for store in made:
        store.close()


def enrol_directly(server: Store, laptop: Store, role: str = "district_admin", person_id: str | None = None,
                   school_id: str | None = None):
    """A user and an enrolled device on the server, without the HTTP round trip."""
    now = datetime.now(UTC)
    with server.unit_of_work() as uow:
        user = DistrictUser(id=f"user-{laptop.device_id[:8]}", name="Test", role=role, person_id=person_id,
                            school_id=school_id, created_at=now)
        device = DistrictDevice(id=laptop.device_id, user_id=user.id, token_hash=f"hash-{laptop.device_id}",
                                created_at=now)
        uow.session.add_all([user, device])
        uow.commit()
    return device, user


def a_teacher_and_class(store: Store) -> tuple[str, str]:
    with store.unit_of_work() as uow:
        row = uow.session.execute(select(Enrollment.person_id, Enrollment.class_id).where(
            Enrollment.role == "teacher")).first()
    return row.person_id, row.class_id


@pytest.fixture(scope="module", params=SERVER_DATABASES)
def published_district(request, tmp_path_factory):
    """A server that built the demo school itself and published it to its change log: what a new
    laptop's first sync (snapshot) and verification see. One per module: tests only read it."""
    from plclassroom.server.cli import publish
    from plclassroom.services import demo

    with server_database(request, request.param, tmp_path_factory.mktemp("district")) as server:
        with server.unit_of_work() as uow:
            demo.build_demo_school(uow)
            uow.commit()
        publish(server)
        yield server
