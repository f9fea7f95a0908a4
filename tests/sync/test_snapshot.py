"""A new laptop's first sync (issue 9): the scope's snapshot in one download of chunks, checked by
hash, applied in one transaction, then pulls from its sequence; a download cut off goes on from
its last byte, a damaged one is fetched anew, and nothing is left behind."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from plclassroom.services import district_snapshot, profiles
from plclassroom.store.database import Store
from plclassroom.store.district import DistrictChange, DistrictDevice, DistrictUser
from plclassroom.sync.client import SyncClient
from plclassroom.sync.report import SyncError
from tests.conftest import run
from tests.sync.conftest import enrol_directly
from tests.sync.test_merge import direct, first_student, profile_field
from tests.sync.test_scope import in_scope, rows


@pytest.fixture
def district(published_district):
    return published_district


class Cut(httpx.BaseTransport):
    """The link drops (for good, this sync) at the ``after``-th snapshot chunk."""

    def __init__(self, inner, after: int) -> None:
        self.inner, self.after, self.chunks = inner, after, 0

    def handle_request(self, request):
        if request.url.path.startswith("/v1/snapshot/"):
            self.chunks += 1
            if self.chunks > self.after:
                raise httpx.ReadError("link dropped")
        return self.inner.handle_request(request)


def laptop_for(district, tmp_path, role="district_admin"):
    laptop = Store.open(tmp_path / "new-laptop.sqlite")
    enrol_directly(district, laptop, role)
    return laptop


def cut_off(district, laptop, after: int):
    """A first sync whose link drops for good at the ``after``-th snapshot chunk; returns the
    working transport to sync with next."""
    inner = direct(district, laptop.device_id)
    with pytest.raises(SyncError):
        SyncClient(laptop, "http://district", "t", transport=Cut(inner, after), sleep=lambda _s: None).sync()
    return inner


def whole_scope(district, laptop) -> set:
    return in_scope(district, f"user-{laptop.device_id[:8]}")


def test_a_new_laptop_gets_its_scope_in_one_snapshot_then_pulls_from_its_sequence(district, tmp_path):
    laptop = laptop_for(district, tmp_path)
    calls = []
    try:
        report = SyncClient(laptop, "http://district", "t", transport=direct(district, laptop.device_id, calls)).sync()
        assert report.snapshot_rows > 0 and rows(laptop) == whole_scope(district, laptop)
        assert "/v1/pull" in calls and calls.index("/v1/pull") > 0  # after the snapshot, not instead of it
        with district.unit_of_work() as uow:
            top = uow.session.execute(select(func.max(DistrictChange.seq))).scalar()
        with laptop.unit_of_work() as uow:
            from plclassroom.store.outbox import Device

            assert uow.session.get(Device, laptop.device_id).pull_cursor == top
        assert not list(tmp_path.glob("*.part"))  # nothing left behind
        # Then it is a laptop like any: its edit travels, and a second sync pulls only what is new.
        student = first_student(laptop)
        run(laptop, profiles.update_profile_field, student, "interests", "Robotics club")
        again = SyncClient(laptop, "http://district", "t", transport=direct(district, laptop.device_id)).sync()
        assert again.snapshot_rows == 0 and again.pushed == 1
        assert profile_field(district, student, "interests") == "Robotics club"
    finally:
        laptop.close()


@pytest.mark.parametrize("cut_after", [0, 1, 3])
def test_a_cut_download_goes_on_from_its_last_byte(district, tmp_path, monkeypatch, cut_after):
    monkeypatch.setattr(district_snapshot, "SNAPSHOT_CHUNK", 8 * 1024)  # many chunks
    laptop = laptop_for(district, tmp_path)
    try:
        inner = cut_off(district, laptop, cut_after)
        [partial] = tmp_path.glob("new-laptop-snapshot-*.part")
        assert partial.stat().st_size == cut_after * 8 * 1024
        offsets = []

        class Watch(httpx.BaseTransport):
            def handle_request(self, request):
                if request.url.path.startswith("/v1/snapshot/"):
                    offsets.append(int(request.url.params["offset"]))
                return inner.handle_request(request)

        report = SyncClient(laptop, "http://district", "t", transport=Watch()).sync()
        assert offsets[0] == cut_after * 8 * 1024  # went on, did not start again
        assert report.snapshot_rows > 0 and not list(tmp_path.glob("*.part"))
        assert rows(laptop) == whole_scope(district, laptop)
    finally:
        laptop.close()


def test_a_damaged_download_is_fetched_anew_and_changes_nothing(district, tmp_path, monkeypatch):
    monkeypatch.setattr(district_snapshot, "SNAPSHOT_CHUNK", 8 * 1024)
    laptop = laptop_for(district, tmp_path)
    try:
        inner = cut_off(district, laptop, 2)
        [partial] = tmp_path.glob("*.part")
        partial.write_bytes(b"\xff" * partial.stat().st_size)  # what a bad disk or a bad copy does
        with pytest.raises(SyncError, match="damaged"):
            SyncClient(laptop, "http://district", "t", transport=inner).sync()
        assert rows(laptop) == set() and not list(tmp_path.glob("*.part"))
        SyncClient(laptop, "http://district", "t", transport=inner).sync()
        assert rows(laptop) == whole_scope(district, laptop)
    finally:
        laptop.close()


def test_a_snapshot_gone_from_the_server_is_started_anew(district, tmp_path, monkeypatch):
    monkeypatch.setattr(district_snapshot, "SNAPSHOT_CHUNK", 8 * 1024)
    laptop = laptop_for(district, tmp_path)
    try:
        inner = cut_off(district, laptop, 1)

        class TidiedAway(httpx.BaseTransport):
            """The district tidies its snapshot files away between the laptop's two requests."""

            def handle_request(self, request):
                if request.url.path.startswith("/v1/snapshot/"):
                    for built in district_snapshot.folder_for(district).glob("*.snapshot"):
                        built.unlink()
                return inner.handle_request(request)

        with pytest.raises(SyncError, match="sync again"):
            SyncClient(laptop, "http://district", "t", transport=TidiedAway()).sync()
        assert rows(laptop) == set() and not list(tmp_path.glob("*.part"))
        SyncClient(laptop, "http://district", "t", transport=inner).sync()
        assert rows(laptop) == whole_scope(district, laptop)
    finally:
        laptop.close()


class Dies(httpx.SyncByteStream):
    """A body that stops after ``keep`` bytes: the link dropped part way through a chunk."""

    def __init__(self, data: bytes, keep: int) -> None:
        self.data, self.keep = data, keep

    def __iter__(self):
        yield self.data[:self.keep]
        raise httpx.ReadError("link dropped mid-chunk")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.floats(min_value=0.0, max_value=0.99), min_size=1, max_size=4))
def test_a_download_cut_at_any_byte_keeps_every_byte_that_came(district, tmp_path_factory, cuts):
    laptop = laptop_for(district, tmp_path_factory.mktemp("laptop"))
    inner = direct(district, laptop.device_id)
    asked, left, carried = [], list(cuts), []

    class CutMidChunk(httpx.BaseTransport):
        """Each chunk answer in turn dies at the given fraction of its body, until none are left."""

        def handle_request(self, request):
            response = inner.handle_request(request)
            if not request.url.path.startswith("/v1/snapshot/"):
                return response
            asked.append(int(request.url.params["offset"]))
            body = response.read()
            keep = int(len(body) * left.pop(0)) if left else len(body)
            carried.append(keep)
            return response if keep == len(body) else httpx.Response(200, stream=Dies(body, keep))

    try:
        report = SyncClient(laptop, "http://district", "t", transport=CutMidChunk(), sleep=lambda _s: None).sync()
        assert report.snapshot_rows > 0 and rows(laptop) == whole_scope(district, laptop)
        # Each request went on from the byte the one before it stopped at: nothing was fetched twice.
        assert asked == sorted(asked) and sum(carried) == _snapshot_size(district, laptop)
        assert not list(laptop.path.parent.glob("*.part"))
    finally:
        laptop.close()


def _snapshot_size(district, laptop) -> int:
    with district.unit_of_work() as uow:
        device = uow.session.get(DistrictDevice, laptop.device_id)
        user = uow.session.get(DistrictUser, device.user_id)
        return district_snapshot.snapshot_for(uow, device, user, district_snapshot.folder_for(district)).size
