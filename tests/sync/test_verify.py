"""Verified sync (issue 9): after a sync, the laptop and the district compare their rows by
digests, table by table and then by id prefix, find the few rows that differ and put right only
those, and the report says verified."""

from __future__ import annotations

import pytest

from plclassroom.services import profiles
from plclassroom.store.database import Store
from plclassroom.sync.client import SyncClient
from tests.conftest import run
from tests.sync.conftest import enrol_directly
from tests.sync.test_merge import direct, first_student


@pytest.fixture
def district(published_district):
    return published_district


def sync(district, laptop, verify="always"):
    return SyncClient(laptop, "http://district", "t", transport=direct(district, laptop.device_id),
                      verify=verify).sync()


def test_a_sync_is_verified_and_ten_rows_astray_are_found_and_put_right(district, tmp_path):
    laptop = Store.open(tmp_path / "laptop.sqlite")
    enrol_directly(district, laptop)
    try:
        first = sync(district, laptop)
        assert first.snapshot_rows > 0 and first.verified and first.repaired == 0
        # What no sync would notice: rows changed under the app (a bad disk, a hand edit).
        with laptop.engine.begin() as conn:
            # Ten rows scattered over the table (ids spread across the prefixes), not side by side.
            every = [row[0] for row in conn.exec_driver_sql("SELECT id FROM evidence ORDER BY id")]
            ids = every[:: len(every) // 10][:10]
            conn.exec_driver_sql(f"UPDATE evidence SET score = score + 0.5 WHERE id IN ({','.join('?' * 10)})",
                                 tuple(ids))
        report = sync(district, laptop)
        assert report.verified and report.repaired == 10
        assert report.requests <= 7  # pull, four levels of digests, one fetch of the buckets, one check
        with laptop.engine.connect() as mine, district.engine.connect() as theirs:
            query = "SELECT id, score FROM evidence ORDER BY id"
            assert mine.exec_driver_sql(query).all() == theirs.exec_driver_sql(query).all()
    finally:
        laptop.close()


def test_a_sync_that_moved_nothing_is_not_verified_in_the_background(district, tmp_path):
    laptop = Store.open(tmp_path / "laptop.sqlite")
    enrol_directly(district, laptop)
    calls = []
    try:
        sync(district, laptop)
        quiet = SyncClient(laptop, "http://district", "t", transport=direct(district, laptop.device_id, calls),
                           verify="when-changed").sync()
        assert calls == ["/v1/pull"] and not quiet.verified
        run(laptop, profiles.update_profile_field, first_student(laptop), "interests", "Chess")
        moved = SyncClient(laptop, "http://district", "t", transport=direct(district, laptop.device_id),
                           verify="when-changed").sync()
        assert moved.pushed == 1 and moved.verified
    finally:
        laptop.close()


def test_rows_the_district_does_not_list_for_the_laptop_stay_and_it_is_not_verified(district, demo_template,
                                                                                     tmp_path):
    from tests.sync.conftest import copy_of

    # A copy of the whole demo school: it holds everyone's private conference notes, which the
    # district gives no one but their authors.
    laptop = copy_of(demo_template, tmp_path / "copied.sqlite")
    enrol_directly(district, laptop)
    try:
        with laptop.engine.connect() as conn:
            before = conn.exec_driver_sql("SELECT count(*) FROM conference").scalar()
        report = sync(district, laptop)
        assert not report.verified
        with laptop.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM conference").scalar() == before  # nothing deleted
    finally:
        laptop.close()
