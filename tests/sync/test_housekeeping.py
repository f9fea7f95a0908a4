"""Housekeeping (issue 9): the district's change log keeps only each row's latest entry, and
tombstones go for good, once every device that counts has them; a device the admin leaves behind
loses nothing and comes back by a fresh snapshot, over the network or by USB bundle."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from plclassroom.domain import Evidence, Playlist
from plclassroom.server.app import create_app
from plclassroom.server.cli import main as server_main
from plclassroom.services import district_housekeeping, district_sync, playlists, profiles
from plclassroom.services.district_housekeeping import LeftBehind
from plclassroom.store.district import DistrictDevice, DistrictUser
from plclassroom.sync.client import SyncClient
from plclassroom.sync.protocol import Change, PushRequest
from tests.conftest import count, run
from tests.sync.conftest import a_teacher_and_class
from tests.sync.test_bundles import carry, enrolled
from tests.sync.test_merge import client, direct, first_student, profile_field


def compact(server, **kwargs) -> district_housekeeping.Compacted:
    with server.unit_of_work() as uow:
        return district_housekeeping.compact(uow, **kwargs)


def tombstone(store, table, row_id) -> None:
    """Delete a row as the app does: it is marked deleted, and the mark syncs."""
    with store.unit_of_work() as uow:
        row = uow.session.get(table, row_id)
        row.deleted = True
        uow.session.add(row)
        uow.commit()


def an_evidence_row(store) -> str:
    with store.unit_of_work() as uow:
        return uow.session.execute(select(Evidence.id).order_by(Evidence.id)).scalar()


def entries_for(server, row_id) -> int:
    return count(server, "SELECT count(*) FROM district_change WHERE row_id = ?", row_id)


def test_the_log_keeps_each_rows_latest_entry_once_every_device_has_it(server, laptops):
    a, b = laptops(), laptops()
    sync_a, sync_b = client(server, a), client(server, b)
    student = first_student(a)
    for n in range(4):
        run(a, profiles.update_profile_field, student, "strengths", f"version {n}")
        sync_a.sync()
    profile_entries = count(server, "SELECT count(*) FROM district_change WHERE table_name = 'learner_profile'")
    assert profile_entries == 4
    # b has pulled nothing yet: nothing can go. (A device says what it holds by asking from
    # there: a's last pull is confirmed by its next request.)
    done = compact(server)
    assert done.log_removed == 0 and [d.device_id for d in done.waiting_for] == [b.device_id, a.device_id]
    sync_b.sync()
    sync_b.sync()  # its second pull tells the district it has everything up to the end
    sync_a.sync()
    done = compact(server)
    assert done.log_removed == 3 and not done.waiting_for
    assert count(server, "SELECT count(*) FROM district_change WHERE table_name = 'learner_profile'") == 1
    # Both laptops go on syncing from where they were, and a later edit still travels.
    run(b, profiles.update_profile_field, student, "strengths", "version b")
    sync_b.sync()
    sync_a.sync()
    assert profile_field(a, student, "strengths") == profile_field(server, student, "strengths") == "version b"


def test_a_tombstone_goes_for_good_on_the_district_and_every_laptop(server, laptops):
    a, b = laptops(), laptops()
    sync_a, sync_b = client(server, a), client(server, b)
    evidence = an_evidence_row(a)
    run(a, profiles.update_profile_field, first_student(a), "needs", "so the row is logged first")
    sync_a.sync()
    with a.unit_of_work() as uow:  # the evidence is logged (an edit), then deleted
        uow.session.execute(update(Evidence).where(Evidence.id == evidence).values(note="wrong student"))
        uow.commit()
    tombstone(a, Evidence, evidence)
    sync_a.sync()
    sync_b.sync()
    assert count(b, "SELECT count(*) FROM evidence WHERE id = ? AND deleted", evidence) == 1
    sync_a.sync()
    sync_b.sync()
    done = compact(server)
    assert done.rows_purged == 1
    assert count(server, "SELECT count(*) FROM evidence WHERE id = ?", evidence) == 0
    assert count(server, "SELECT count(*) FROM district_row_clock WHERE row_id = ?", evidence) == 0
    assert count(server, "SELECT count(*) FROM district_change WHERE row_id = ? AND op = 'purge'", evidence) == 1
    # The laptops remove their copy at their next pull; then the purge entry itself can go.
    for sync in (sync_a, sync_b, sync_a, sync_b):
        sync.sync()
    for laptop in (a, b):
        assert count(laptop, "SELECT count(*) FROM evidence WHERE id = ?", evidence) == 0
    compact(server)
    assert entries_for(server, evidence) == 0


def test_a_deleted_row_goes_only_when_nothing_refers_to_it(server, laptops):
    a = laptops()
    sync_a = client(server, a)
    class_id = a_teacher_and_class(a)[1]
    kept = run(a, playlists.create_playlist, "Fractions", class_id)
    run(a, playlists.add_item, kept, "Fraction strips")
    gone = run(a, playlists.create_playlist, "Decimals", class_id)
    item = run(a, playlists.add_item, gone, "Place value mat")
    sync_a.sync()
    run(a, playlists.remove_item, item)
    tombstone(a, Playlist, kept)  # its item is not deleted: it still points at it
    tombstone(a, Playlist, gone)  # its only item is deleted too: both go
    sync_a.sync()
    sync_a.sync()
    assert compact(server).rows_purged == 2
    assert count(server, "SELECT count(*) FROM playlist WHERE id = ? AND deleted", kept) == 1
    assert count(server, "SELECT count(*) FROM playlist WHERE id = ?", gone) == 0
    assert count(server, "SELECT count(*) FROM playlist_item WHERE id = ?", item) == 0
    sync_a.sync()
    assert count(a, "SELECT count(*) FROM playlist WHERE id IN (?, ?)", kept, gone) == 1
    assert count(a, "SELECT count(*) FROM playlist_item WHERE id = ?", item) == 0


def test_a_revoked_device_does_not_hold_housekeeping_back(server, laptops):
    a, b = laptops(), laptops()
    sync_a = client(server, a)
    client(server, b)  # enrolled, never syncs
    run(a, profiles.update_profile_field, first_student(a), "needs", "one")
    sync_a.sync()
    run(a, profiles.update_profile_field, first_student(a), "needs", "two")
    sync_a.sync()
    sync_a.sync()
    assert compact(server).log_removed == 0
    with server.unit_of_work() as uow:
        uow.session.execute(update(DistrictDevice).where(DistrictDevice.id == b.device_id)
                            .values(revoked_at=datetime.now(UTC)))
        uow.commit()
    assert compact(server).log_removed == 1


def test_a_device_left_behind_sends_its_work_then_comes_back_by_snapshot(server, laptops):
    a, b = laptops(), laptops()
    sync_a, sync_b = client(server, a), client(server, b)
    student = first_student(a)
    evidence = an_evidence_row(a)
    sync_b.sync()
    # b goes offline for the term and keeps working; meanwhile a edits and deletes.
    run(b, profiles.update_profile_field, student, "interests", "from b, offline")
    for n in range(3):
        run(a, profiles.update_profile_field, student, "strengths", f"from a {n}")
        sync_a.sync()
    tombstone(a, Evidence, evidence)
    sync_a.sync()
    sync_a.sync()
    # The admin decides not to wait for b (it has been silent for 30 days).
    with server.unit_of_work() as uow:
        uow.session.execute(update(DistrictDevice).where(DistrictDevice.id == b.device_id)
                            .values(last_sync_at=datetime.now(UTC) - timedelta(days=30)))
        uow.commit()
    assert compact(server).log_removed == 0  # it still waits for b ...
    done = compact(server, silent_for=timedelta(days=14))  # ... until told not to
    assert done.log_removed > 0 and [d.device_id for d in done.devices if d.left_behind] == [b.device_id]
    with server.unit_of_work() as uow:
        device = uow.session.get(DistrictDevice, b.device_id)
        with pytest.raises(LeftBehind):
            district_sync.pull(uow, device, uow.session.get(DistrictUser, device.user_id), device.pulled_seq)
    report = sync_b.sync()
    assert report.pushed == 1 and report.resynced and report.snapshot_rows > 0
    sync_a.sync()
    for store in (a, b, server):
        assert profile_field(store, student, "interests") == "from b, offline"
        assert profile_field(store, student, "strengths") == "from a 2"
    # The deleted evidence went for good on the district; b's copy goes with the fresh snapshot.
    assert count(server, "SELECT count(*) FROM evidence WHERE id = ?", evidence) == 0
    assert count(b, "SELECT count(*) FROM evidence WHERE id = ?", evidence) == 0
    assert count(b, "SELECT count(*) FROM sync_outbox") == 0
    # The next sync is an ordinary pull again.
    assert not sync_b.sync().resynced


def test_a_device_left_behind_comes_back_by_usb_bundle(server, laptops, tmp_path):
    a, b = laptops(), laptops()
    token_a, token_b = enrolled(server, a), enrolled(server, b)
    student = first_student(a)
    run(b, profiles.update_profile_field, student, "aspirations", "from b's stick")
    run(a, profiles.update_profile_field, student, "strengths", "from a, network")
    sync_a = SyncClient(a, "http://district", token_a, transport=direct(server, a.device_id))
    sync_a.sync()
    sync_a.sync()
    compact(server, leave_behind=[b.device_id])
    report = carry(server, b, token_b, tmp_path)
    assert report.pushed == 1 and report.resynced
    assert profile_field(b, student, "strengths") == "from a, network"
    assert profile_field(server, student, "aspirations") == "from b's stick"


def test_a_laptop_cannot_push_a_purge(server, laptops):
    a = laptops()
    client(server, a)
    evidence = an_evidence_row(a)
    with server.unit_of_work() as uow:
        device = uow.session.get(DistrictDevice, a.device_id)
        user = uow.session.get(DistrictUser, device.user_id)
        answer = district_sync.push(uow, device, user, PushRequest(a.device_id, [
            Change(1, "evidence", evidence, "purge", 1, a.device_id, {})]))
    assert answer.accepted == [] and "purge" in answer.rejected[0].reason
    assert count(server, "SELECT count(*) FROM district_change") == 0


def test_a_pull_from_before_compaction_is_answered_410_over_http(server, laptops):
    a = laptops()
    token = enrolled(server, a)
    sync_a = SyncClient(a, "http://district", token, transport=direct(server, a.device_id))
    for n in range(2):
        run(a, profiles.update_profile_field, first_student(a), "needs", f"n{n}")
        sync_a.sync()
    sync_a.sync()
    compact(server)
    with TestClient(create_app(server)) as http:
        answer = http.get("/v1/pull", params={"since": 0}, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 410 and "fresh copy" in answer.json()["detail"]


def test_the_compact_command_says_who_holds_it_back_and_leaves_a_device_behind(demo_template, laptops, tmp_path,
                                                                              capsys):
    import shutil

    from plclassroom.store.database import Store

    path = tmp_path / "district.sqlite"
    shutil.copy(demo_template, path)
    server = Store.open(path)
    try:
        a, b = laptops(), laptops()
        sync_a = client(server, a)
        client(server, b)
        run(a, profiles.update_profile_field, first_student(a), "needs", "x")
        sync_a.sync()
        sync_a.sync()
    finally:
        server.close()
    # A snapshot file left from weeks ago and a half-built one: housekeeping tidies both away.
    folder = tmp_path / "district-snapshots"
    folder.mkdir()
    old, half = folder / "old.snapshot", folder / "new.1a2b.part"
    for leftover, days in ((old, 30), (half, 1)):
        leftover.write_bytes(b"x" * 100)
        moment = (datetime.now(UTC) - timedelta(days=days)).timestamp()
        os.utime(leftover, (moment, moment))
    fresh = folder / "fresh.snapshot"
    fresh.write_bytes(b"y")
    assert server_main(["--database", str(path), "compact"]) == 0
    out = capsys.readouterr().out
    assert "Waiting for 1 device(s)" in out and b.device_id in out
    assert sorted(p.name for p in folder.iterdir()) == ["fresh.snapshot"]
    assert server_main(["--database", str(path), "compact", "--leave-behind", "no-such-device"]) == 2
    assert "No enrolled device no-such-device" in capsys.readouterr().err
    assert server_main(["--database", str(path), "compact", "--leave-behind", b.device_id]) == 0
    out = capsys.readouterr().out
    assert "Left behind" in out and b.device_id in out and "Waiting for" not in out
