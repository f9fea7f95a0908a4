"""Two laptops and the district server over real HTTP on loopback, as a new user would: the admin
makes users and codes, each laptop enrols with its code, edits offline, syncs, and both end with
the same data as the server. Then a dropped link in the middle of a push loses nothing."""

from datetime import date

import httpx
from sqlalchemy import select

from plclassroom.domain import Evidence
from plclassroom.services import district, mastery, profiles
from plclassroom.services import sync as sync_service
from plclassroom.store.outbox import OutboxEntry
from tests.conftest import count, run
from tests.server.conftest import serving
from tests.sync.test_merge import first_student, profile_field


def enrol(live, laptop, role="district_admin"):
    with live.store.unit_of_work() as uow:
        user = district.create_user(uow, f"User {laptop.device_id[:4]}", role)
    with live.store.unit_of_work() as uow:
        code = district.issue_enrol_code(uow, user)
    return sync_service.enrol(laptop, live.base_url, code.lower().replace("-", " "))  # typed loosely


def test_two_laptops_edit_offline_sync_and_agree(server, laptops):
    a, b = laptops(), laptops()
    with serving(server) as live:
        token_a, token_b = enrol(live, a), enrol(live, b)
        student = first_student(a)
        run(a, profiles.update_profile_field, student, "strengths", "Careful with units")
        with a.unit_of_work() as uow:
            row = uow.session.execute(select(Evidence.class_id, Evidence.competency_id)
                                      .where(Evidence.student_id == student)).first()
        run(b, mastery.record_evidence, row.class_id,
            [mastery.EvidenceEntry(student, row.competency_id, 4.0, date(2026, 11, 23), note="station quiz")])
        report_a = sync_service.sync_now(a, live.base_url, token_a)
        report_b = sync_service.sync_now(b, live.base_url, token_b)
        sync_service.sync_now(a, live.base_url, token_a)
        assert report_a.pushed == 1 and report_b.pushed == 1 and report_b.pulled == 1
        for store in (a, b, server):
            assert profile_field(store, student, "strengths") == "Careful with units"
            assert count(store, "SELECT count(*) FROM evidence WHERE note = 'station quiz'") == 1
        assert sync_service.reachable(live.base_url, token_a)
        assert not sync_service.reachable(live.base_url, "not-a-token")
        with a.unit_of_work() as uow:
            state = sync_service.status(uow)
        assert state.waiting == 0 and state.last_synced_at is not None


def test_a_link_that_drops_mid_push_loses_nothing_and_counts_nothing_twice(server, laptops, monkeypatch):
    a = laptops()
    with serving(server) as live:
        token = enrol(live, a)
        with a.unit_of_work() as uow:
            students = list(uow.session.execute(select(Evidence.student_id)).scalars().unique())[:40]
        for n, student in enumerate(students):
            run(a, profiles.update_profile_field, student, "interests", f"interest {n}")
        sent = []

        class Dropping(httpx.HTTPTransport):
            """Delivers the second push, then drops the link before its answer comes back."""

            def handle_request(self, request):
                response = super().handle_request(request)
                if request.url.path == "/v1/push":
                    sent.append(1)
                    if len(sent) == 2:
                        raise httpx.ReadError("link dropped")
                return response

        from plclassroom.sync import protocol

        monkeypatch.setattr(protocol, "BATCH_BYTES", 1500)  # several small batches
        report = sync_service.sync_now(a, live.base_url, token, transport=Dropping())
        assert len(sent) > 2 and report.pushed == len(students)
        with a.unit_of_work() as uow:
            assert uow.session.execute(select(OutboxEntry)).first() is None
        assert count(server, "SELECT count(*) FROM district_change") == len(students)
        assert all(profile_field(server, s, "interests") == f"interest {n}" for n, s in enumerate(students))
