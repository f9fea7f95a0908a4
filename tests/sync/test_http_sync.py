"""Two laptops and the district server over real HTTP on loopback, as a new user would: the admin
makes users and codes, each laptop enrols with its code, edits offline, syncs, and both end with
the same data as the server. Then a dropped link in the middle of a push loses nothing."""

import re
from datetime import date

import httpx
import pytest
from sqlalchemy import func, select

from plclassroom.domain import Evidence
from plclassroom.services import district, mastery, profiles
from plclassroom.services import sync as sync_service
from plclassroom.store.district import DistrictDevice
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


def test_the_district_hears_what_waits_on_a_laptop(server, laptops, monkeypatch):
    """Sync health: each push says what is still unsent after it, a pull and the link probe say
    it too; a push cut short leaves the right count, and the dashboard shows it."""
    from plclassroom.services import district_sessions
    from plclassroom.services.district_dashboard import DISTRICT_OFFICE, sync_health
    from plclassroom.sync import protocol
    from tests.server.test_dashboard import PASSWORD, signed_in

    def row_of_html(page: str, name: str) -> str:
        return next(row for row in re.findall(r"<tr>.*?</tr>", page, re.S) if name in row)

    a = laptops()

    def said() -> tuple:
        with server.unit_of_work() as uow:
            device = uow.session.get(DistrictDevice, a.device_id)
            return device.pending_changes, device.pending_reported_at

    with serving(server) as live:
        token = enrol(live, a)
        with server.unit_of_work() as uow:
            admin = district.create_user(uow, "Dana Admin", "district_admin")
        with server.unit_of_work() as uow:
            district_sessions.set_password(uow, admin, PASSWORD)
        assert said() == (None, None)  # never said: the dashboard says so, not 0
        with a.unit_of_work() as uow:
            students = list(uow.session.execute(select(Evidence.student_id)).scalars().unique())[:30]
        for n, student in enumerate(students):
            run(a, profiles.update_profile_field, student, "interests", f"interest {n}")
        assert sync_service.reachable(live.base_url, token, pending=30)
        assert said()[0] == 30

        class CutAfterFirstPush(httpx.HTTPTransport):
            def handle_request(self, request):
                if request.url.path == "/v1/push" and pushes:
                    raise httpx.ConnectError("link down")
                response = super().handle_request(request)
                if request.url.path == "/v1/push":
                    pushes.append(request)
                return response

        pushes = []
        monkeypatch.setattr(protocol, "BATCH_BYTES", 1500)  # several small batches
        with pytest.raises(sync_service.SyncError):
            sync_service.sync_now(a, live.base_url, token, transport=CutAfterFirstPush())
        with a.unit_of_work() as uow:
            left = uow.session.execute(select(func.count()).select_from(OutboxEntry)).scalar()
        assert 0 < left < 30 and said()[0] == left  # what the first batch left behind

        with server.unit_of_work() as uow:
            office = sync_health(uow)[DISTRICT_OFFICE]  # the laptop's user is district staff
        assert office.pending == left and [d.pending for d in office.devices] == [left]
        page = signed_in(server, "Dana Admin").get("/dashboard").text
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row_of_html(page, "District office"), re.S)
        assert cells[2] == str(left)  # synced, last sync, then what waits on the laptops

        sync_service.sync_now(a, live.base_url, token)
        assert said()[0] == 0  # the pull after a whole push: nothing waits
        run(a, profiles.update_profile_field, students[0], "interests", "one more")
        sync_service.export_bundle(a, token, a.path.parent / "week.plcbundle")
        with server.unit_of_work() as uow:
            from plclassroom.services import district_bundles
            district_bundles.import_bundle(uow, (a.path.parent / "week.plcbundle").read_bytes())
        assert said()[0] == 0  # a bundle carries the whole outbox
