"""USB sync bundles (issue 9): a laptop's week to the district on a stick and the answer back,
with the same end as a network sync; and every kind of bad bundle refused with a clear message,
changing nothing."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from plclassroom.domain import Evidence, LearnerProfile
from plclassroom.server.app import create_app
from plclassroom.server.cli import main as server_main
from plclassroom.services import district, district_bundles, mastery, profiles
from plclassroom.services import sync as sync_service
from plclassroom.sync.bundle import BundleError
from plclassroom.sync.client import SyncClient
from tests.conftest import count, run
from tests.sync.conftest import a_teacher_and_class
from tests.sync.test_merge import direct, first_student, profile_field


def enrolled(server, laptop, role: str = "district_admin") -> str:
    """A real token for ``laptop`` (the bundle's key is derived from it)."""
    person = a_teacher_and_class(server)[0] if role == "teacher" else None
    with server.unit_of_work() as uow:
        user = district.create_user(uow, "Ms Rivera", role, person)
    with server.unit_of_work() as uow:
        code = district.issue_enrol_code(uow, user)
    with server.unit_of_work() as uow:
        token, _user = district.enrol(uow, code, laptop.device_id, "Room 12 laptop")
    return token


def carry(server, laptop, token, tmp_path) -> sync_service.SyncReport:
    """Export on the laptop, import at the district, import the return bundle on the laptop."""
    path = tmp_path / f"{laptop.device_id[:8]}.plcbundle"
    sync_service.export_bundle(laptop, token, path)
    with server.unit_of_work() as uow:
        returned, _done = district_bundles.import_bundle(uow, path.read_bytes())
    return sync_service.import_return_bundle(laptop, token, returned)


def a_week(laptop, tag: str) -> str:
    student = first_student(laptop)
    run(laptop, profiles.update_profile_field, student, "strengths", f"Strengths from {tag}")
    with laptop.unit_of_work() as uow:
        class_id = a_teacher_and_class(laptop)[1]
        competency = uow.session.execute(select(Evidence.competency_id)).scalar()
        mastery.record_evidence(uow, class_id, [mastery.EvidenceEntry(student, competency, 3.0, date(2026, 11, 23),
                                                                      note=f"exit ticket {tag}")])
    return student


def snapshot(store) -> str:
    with store.engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(select(LearnerProfile.id, LearnerProfile.strengths,
                                                      LearnerProfile.needs).order_by(LearnerProfile.id))]
        rows += [tuple(r) for r in conn.execute(select(Evidence.id, Evidence.score, Evidence.note)
                                                .order_by(Evidence.id))]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_a_week_goes_by_usb_and_the_answer_comes_back(server, laptops, tmp_path):
    a, b = laptops(), laptops()
    token_a, token_b = enrolled(server, a), enrolled(server, b)
    student = a_week(a, "a")
    waiting = count(a, "SELECT count(*) FROM sync_outbox")
    report = carry(server, a, token_a, tmp_path)
    assert report.pushed == waiting and count(a, "SELECT count(*) FROM sync_outbox") == 0
    assert profile_field(server, student, "strengths") == "Strengths from a"
    # b changes a field over the network; a's next bundle brings it back.
    SyncClient(b, "http://district", token_b, transport=direct(server, b.device_id)).sync()
    run(b, profiles.update_profile_field, student, "needs", "Needs from b")
    SyncClient(b, "http://district", token_b, transport=direct(server, b.device_id)).sync()
    report = carry(server, a, token_a, tmp_path)
    assert report.pulled >= 1 and profile_field(a, student, "needs") == "Needs from b"
    assert count(a, "SELECT count(*) FROM evidence WHERE note = 'exit ticket a'") == 1
    assert snapshot(a) == snapshot(b) == snapshot(server)


@pytest.mark.parametrize("order", ["bundle, then network", "network, then bundle"])
def test_a_bundle_and_a_network_sync_of_the_same_changes_end_alike(server, laptops, tmp_path, order):
    a, b = laptops(), laptops()
    token = enrolled(server, a)
    a_week(a, "a")
    path = tmp_path / "week.plcbundle"
    sync_service.export_bundle(a, token, path)
    network = SyncClient(a, "http://district", token, transport=direct(server, a.device_id))
    if order == "bundle, then network":
        with server.unit_of_work() as uow:
            returned, _ = district_bundles.import_bundle(uow, path.read_bytes())
        network.sync()
        with pytest.raises(BundleError, match="imported already"):
            sync_service.import_return_bundle(a, token, returned)
    else:
        network.sync()
        with server.unit_of_work() as uow:
            returned, done = district_bundles.import_bundle(uow, path.read_bytes())
        assert done.accepted > 0  # taken as already there: nothing applied twice
        with pytest.raises(BundleError, match="imported already"):
            sync_service.import_return_bundle(a, token, returned)
    assert count(server, "SELECT count(*) FROM district_change WHERE table_name = 'evidence'") == 1
    assert count(a, "SELECT count(*) FROM sync_outbox") == 0
    SyncClient(b, "http://district", enrolled(server, b), transport=direct(server, b.device_id)).sync()
    assert snapshot(a) == snapshot(b) == snapshot(server)


def test_every_kind_of_bad_bundle_is_refused_and_changes_nothing(server, laptops, tmp_path, demo_template):
    a, stranger = laptops(), laptops()
    token = enrolled(server, a)
    a_week(a, "a")
    path = tmp_path / "week.plcbundle"
    sync_service.export_bundle(a, token, path)
    good = path.read_bytes()
    before = count(server, "SELECT count(*) FROM district_change")

    def refused(data: bytes, says: str) -> None:
        with server.unit_of_work() as uow, pytest.raises(BundleError, match=says):
            district_bundles.import_bundle(uow, data)
        assert count(server, "SELECT count(*) FROM district_change") == before

    middle = len(good) // 2
    refused(good[:middle] + bytes([good[middle] ^ 0x01]) + good[middle + 1:], "damaged")
    refused(good[: len(good) - 40], "damaged or incomplete")
    refused(b"PK\x03\x04 a zip file", "not a plclassroom sync bundle")
    # Another district's laptop (not enrolled here), and a bundle signed with a key not this laptop's.
    other = tmp_path / "stranger.plcbundle"
    sync_service.export_bundle(stranger, "a token from another district", other)
    refused(other.read_bytes(), "not enrolled in this district")
    forged = tmp_path / "forged.plcbundle"
    run(a, profiles.update_profile_field, first_student(a), "needs", "forged")
    sync_service.export_bundle(a, "not this laptop's token", forged)
    refused(forged.read_bytes(), "not written for this laptop")
    # A return bundle given to the district.
    with server.unit_of_work() as uow:
        returned, _ = district_bundles.import_bundle(uow, good)
    before = count(server, "SELECT count(*) FROM district_change")
    refused(returned, "return bundle from the district")
    refused(good, "was imported on")  # the same bundle again
    # On the laptop: a return bundle for another laptop, a laptop's own bundle, a changed one.
    with pytest.raises(BundleError, match="for another laptop"):
        sync_service.import_return_bundle(stranger, "a token from another district", returned)
    with pytest.raises(BundleError, match="not a return bundle"):
        sync_service.import_return_bundle(a, token, good)
    outbox = count(a, "SELECT count(*) FROM sync_outbox")
    with pytest.raises(BundleError):
        sync_service.import_return_bundle(a, token, returned[:-30])
    assert count(a, "SELECT count(*) FROM sync_outbox") == outbox
    # A revoked laptop's bundle.
    with server.unit_of_work() as uow:
        district.revoke_device(uow, a.device_id)
    refused(forged.read_bytes(), "revoked")


def test_a_laptop_that_never_connected_is_told_how(laptops, tmp_path):
    with pytest.raises(sync_service.SyncError, match="Connect this laptop"):
        sync_service.export_bundle(laptops(), None, tmp_path / "x.plcbundle")


def test_the_admin_command_and_the_upload_endpoint(server, laptops, tmp_path, capsys):
    a = laptops()
    token = enrolled(server, a)
    a_week(a, "a")
    path = tmp_path / "week.plcbundle"
    sync_service.export_bundle(a, token, path)
    where = (["--database", str(server.path)] if server.path is not None
             else ["--database-url", server.engine.url.render_as_string(hide_password=False)])
    assert server_main([*where, "import-bundle", str(path)]) == 0
    out = capsys.readouterr().out
    assert "changes taken" in out and "week-return.plcbundle" in out
    sync_service.import_return_bundle(a, token, (tmp_path / "week-return.plcbundle").read_bytes())
    assert count(a, "SELECT count(*) FROM sync_outbox") == 0
    assert server_main([*where, "import-bundle", str(path)]) == 2
    assert "was imported on" in capsys.readouterr().err
    # The same over HTTP: the bundle is the credential; a bad one is a 400 with the reason.
    run(a, profiles.update_profile_field, first_student(a), "needs", "sent by upload")
    sync_service.export_bundle(a, token, path)
    with TestClient(create_app(server)) as http:
        answer = http.post("/v1/bundle", content=path.read_bytes())
        assert answer.status_code == 200, answer.text
        refusal = http.post("/v1/bundle", content=path.read_bytes())
        assert refusal.status_code == 400 and "was imported on" in refusal.json()["detail"]
    sync_service.import_return_bundle(a, token, answer.content)
    assert profile_field(server, first_student(a), "needs") == "sent by upload"
