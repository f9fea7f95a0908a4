"""Property: random edits on three laptops, synced in a random order with random interruptions;
once every laptop has synced twice at the end, the laptops and the district hold the same values,
and each is the value of the newest edit (by hybrid logical clock, device id breaking ties):
no acknowledged edit is lost, none is applied twice."""

import hashlib

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from plclassroom.domain import LearnerProfile
from plclassroom.services import profiles
from plclassroom.sync.client import SyncClient, SyncError
from tests.conftest import SERVER_DATABASES, run
from tests.postgres import server_database
from tests.sync.conftest import copy_of, enrol_directly
from tests.sync.test_merge import direct

FIELDS = ("strengths", "needs", "interests")
STUDENTS = 4

step = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 2), st.integers(0, STUDENTS - 1), st.sampled_from(FIELDS)),
    st.tuples(st.just("sync"), st.integers(0, 2), st.booleans(), st.just("")),  # bool: the link drops
)


class Flaky(httpx.BaseTransport):
    """Drops the link after the request reached the server, once."""

    def __init__(self, inner):
        self.inner, self.dropped = inner, False

    def handle_request(self, request):
        response = self.inner.handle_request(request)
        if not self.dropped:
            self.dropped = True
            raise httpx.ReadError("link dropped")
        return response


def digest(store) -> str:
    """A hash of the learner profiles as they stand, clocks included."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(*PROFILE_COLUMNS).order_by(LearnerProfile.id)).all()
    return hashlib.sha256(repr([tuple(row) for row in rows]).encode()).hexdigest()


PROFILE_COLUMNS = [getattr(LearnerProfile, name) for name in ("id", "student_id", *FIELDS, "hlc", "device_id",
                                                               "deleted")]


@pytest.mark.parametrize("kind", SERVER_DATABASES)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(step, min_size=1, max_size=25))
def test_three_laptops_converge_on_the_newest_edits(request, kind, demo_template, tmp_path_factory, steps):
    folder = tmp_path_factory.mktemp("converge")
    with server_database(request, kind, folder, demo_template) as server:
        converge(server, demo_template, folder, steps)


def converge(server, demo_template, folder, steps) -> None:
    laptops = [copy_of(demo_template, folder / f"laptop{n}.sqlite") for n in range(3)]
    try:
        for laptop in laptops:
            enrol_directly(server, laptop)
        with laptops[0].unit_of_work() as uow:
            students = list(uow.session.execute(select(LearnerProfile.student_id)
                                                .order_by(LearnerProfile.student_id).limit(STUDENTS)).scalars())
        newest: dict[tuple[str, str], tuple[int, str, str]] = {}
        for n, (kind, who, arg, field) in enumerate(steps):
            laptop = laptops[who]
            if kind == "edit":
                value = f"edit {n} on laptop {who}"
                run(laptop, profiles.update_profile_field, students[arg], field, value)
                with laptop.unit_of_work() as uow:
                    stamp = uow.session.execute(select(LearnerProfile.hlc).where(
                        LearnerProfile.student_id == students[arg])).scalar()
                key = (students[arg], field)
                newest[key] = max(newest.get(key, (0, "", "")), (stamp, laptop.device_id, value))
            else:
                transport = direct(server, laptop.device_id)
                client = SyncClient(laptop, "http://district", "t", transport=Flaky(transport) if arg else transport,
                                    sleep=lambda _s: None)
                try:
                    client.sync()
                except SyncError:
                    pass
        for _round in range(2):
            for laptop in laptops:
                SyncClient(laptop, "http://district", "t", transport=direct(server, laptop.device_id)).sync()
        for store in (*laptops, server):
            for (student, field), (_stamp, _device, value) in newest.items():
                assert run(store, profiles.get_profile, student).fields[field] == value
            with store.unit_of_work() as uow:
                assert uow.session.execute(select(LearnerProfile).limit(1)).first() is not None
        assert len({digest(store) for store in (*laptops, server)}) == 1  # every row, every clock, alike
        with server.engine.connect() as conn:
            changes = conn.exec_driver_sql(
                "SELECT count(*) FROM district_change WHERE table_name != 'sync_conflict'").scalar()
        edits = sum(1 for s in steps if s[0] == "edit")
        assert changes == edits  # each edit arrived once, retries or not
    finally:
        for store in laptops:
            store.close()
