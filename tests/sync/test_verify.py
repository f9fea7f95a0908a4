"""Verified sync (issue 9): after a sync, the laptop and the district compare their rows by
digests, table by table, then by set reconciliation (a sketch of a table's rows) or by id prefix,
find the few rows that differ and put right only those, and the report says verified."""

from __future__ import annotations

import random

import httpx
import msgspec
import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from plclassroom.server.app import create_app
from plclassroom.services import district_snapshot, profiles
from plclassroom.store.database import Store
from plclassroom.store.district import DistrictDevice, DistrictUser
from plclassroom.sync import client as sync_client
from plclassroom.sync.client import SyncClient
from plclassroom.sync.protocol import (
    CONTENT_TYPE,
    MAX_BUCKETS,
    MAX_ROW_DIGESTS,
    MAX_SKETCH_CELLS,
    MAX_SKETCH_SIZE,
    MAX_SKETCHES,
    MIN_SKETCH_SIZE,
    ROW_DIGEST_BYTES,
    SKETCH_CELL_BYTES,
    SKETCH_HASHES,
    Bucket,
    BucketList,
    RepairRequest,
    RepairRows,
    RowDigests,
    Sketch,
    pack,
    unpack,
)
from plclassroom.sync.reconcile import Iblt, _place, size_for
from plclassroom.sync.rows import Digests, synced_tables
from tests.conftest import run
from tests.server.conftest import enrolled
from tests.sync.conftest import enrol_directly
from tests.sync.test_merge import direct, first_student


@pytest.fixture
def district(published_district):
    return published_district


def sync(district, laptop, verify="always", answers: list | None = None):
    """One sync; ``answers`` collects (path, body) of each answer (the body expanded)."""
    transport = direct(district, laptop.device_id)
    if answers is not None:
        inner = transport

        def handle(request: httpx.Request) -> httpx.Response:
            response = inner.handle_request(request)
            answers.append((request.url.path, response.content))
            return response

        transport = httpx.MockTransport(handle)
    return SyncClient(laptop, "http://district", "t", transport=transport, verify=verify).sync()


def change_scattered_evidence(laptop, rows: int = 10) -> list[str]:
    """What no sync would notice: evidence rows changed under the app (a bad disk, a hand edit),
    scattered over the table (ids spread across the prefixes), not side by side."""
    with laptop.engine.begin() as conn:
        every = [row[0] for row in conn.exec_driver_sql("SELECT id FROM evidence ORDER BY id")]
        ids = every[:: len(every) // rows][:rows]
        conn.exec_driver_sql(f"UPDATE evidence SET score = score + 0.5 WHERE id IN ({','.join('?' * rows)})",
                             tuple(ids))
    return ids


def same_evidence(laptop, district) -> bool:
    with laptop.engine.connect() as mine, district.engine.connect() as theirs:
        query = "SELECT id, score FROM evidence ORDER BY id"
        return mine.exec_driver_sql(query).all() == theirs.exec_driver_sql(query).all()


def test_a_sync_is_verified_and_ten_rows_astray_are_found_and_put_right(district, tmp_path):
    laptop = Store.open(tmp_path / "laptop.sqlite")
    enrol_directly(district, laptop)
    try:
        first = sync(district, laptop)
        assert first.snapshot_rows > 0 and first.verified and first.repaired == 0
        change_scattered_evidence(laptop)
        answers = []
        report = sync(district, laptop, answers=answers)
        assert report.verified and report.repaired == 10
        # Pull; the tables, which differ where; the evidence table as a sketch, and the rows.
        assert [path for path, _body in answers] == ["/v1/pull", "/v1/verify", "/v1/repair"]
        repaired = unpack(answers[-1][1], RepairRows, "identity")
        assert [(r.table, r.complete, r.entries) for r in repaired.reconciled] == [("evidence", True, 20)]
        # Only the ten rows came, not the buckets around them.
        assert len(repaired.changes) == 10
        assert same_evidence(laptop, district)
    finally:
        laptop.close()


def test_ten_rows_astray_in_a_table_larger_than_the_limit_are_put_right_but_too_many_are_not(
        district, tmp_path, monkeypatch):
    laptop = Store.open(tmp_path / "laptop.sqlite")
    enrol_directly(district, laptop)
    try:
        sync(district, laptop, verify="never")
        # The limit is on rows found astray, not on the size of the buckets that differ: the
        # evidence table (2,523 rows) is far over it, 10 rows astray in it are not.
        monkeypatch.setattr(sync_client, "VERIFY_ROWS", 20)
        change_scattered_evidence(laptop)
        report = sync(district, laptop)
        assert report.verified and report.repaired == 10 and same_evidence(laptop, district)
        # Over the limit: not verified, and nothing put right piecemeal.
        monkeypatch.setattr(sync_client, "VERIFY_ROWS", 5)
        change_scattered_evidence(laptop)
        report = sync(district, laptop)
        assert not report.verified and report.repaired == 0 and not same_evidence(laptop, district)
    finally:
        laptop.close()


def test_a_sketch_that_does_not_come_out_goes_once_more_or_to_the_buckets(district, tmp_path, monkeypatch):
    laptop = Store.open(tmp_path / "laptop.sqlite")
    enrol_directly(district, laptop)

    def verify(changed: int) -> list[tuple[str, bytes]]:
        change_scattered_evidence(laptop, changed)
        answers = []
        report = sync(district, laptop, answers=answers)
        assert report.verified and report.repaired == changed and same_evidence(laptop, district)
        return answers

    try:
        sync(district, laptop, verify="never")
        # 40 changed rows are 80 entries: more than the smallest sketch's 64 cells can give back.
        # Then, where the buckets cost less (a small table, which takes few levels) ...
        monkeypatch.setattr(sync_client, "_descent_bytes", lambda rows, astray: 0)
        answers = verify(40)
        assert [path for path, _body in answers] == ["/v1/pull", "/v1/verify", "/v1/repair", "/v1/verify",
                                                     "/v1/repair"]
        assert [r.complete for r in unpack(answers[2][1], RepairRows, "identity").reconciled] == [False]
        # ... or else (a table as large as a big school's), a sketch sized by the district's estimate.
        monkeypatch.setattr(sync_client, "_descent_bytes", lambda rows, astray: float("inf"))
        answers = verify(40)
        assert [path for path, _body in answers] == ["/v1/pull", "/v1/verify", "/v1/repair", "/v1/repair"]
        outcomes = [unpack(body, RepairRows, "identity").reconciled for _path, body in answers[2:]]
        assert [[r.complete for r in answer] for answer in outcomes] == [[False], [True]]
        assert 40 <= outcomes[0][0].entries <= 160  # the estimate: about 80
        # Sketches kept tiny (as if the difference were too large for any): the buckets put it right.
        monkeypatch.setattr(sync_client, "size_for", lambda entries, above=0: MIN_SKETCH_SIZE)
        paths = [path for path, _body in verify(40)]
        assert paths[:4] == ["/v1/pull", "/v1/verify", "/v1/repair", "/v1/repair"] and paths[-1] == "/v1/repair"
        assert "/v1/verify" in paths[4:]  # the buckets, a level a request
    finally:
        laptop.close()


def test_small_tables_go_as_their_rows_digests_and_large_ones_as_sketches_in_one_request(district, tmp_path):
    laptop = Store.open(tmp_path / "laptop.sqlite")
    enrol_directly(district, laptop)
    try:
        sync(district, laptop, verify="never")
        change_scattered_evidence(laptop)
        with laptop.engine.begin() as conn:  # 4 courses; 180 profiles, ~11 in each of its children
            conn.exec_driver_sql("UPDATE course SET title = 'Changed' WHERE id = (SELECT min(id) FROM course)")
            conn.exec_driver_sql("UPDATE learner_profile SET notes = 'Changed' "
                                 "WHERE id = (SELECT min(id) FROM learner_profile)")
        inner = direct(district, laptop.device_id)
        sent = []

        def handle(request: httpx.Request) -> httpx.Response:
            sent.append((request.url.path, request.content))
            return inner.handle_request(request)

        report = SyncClient(laptop, "http://district", "t", transport=httpx.MockTransport(handle),
                            verify="always").sync()
        assert report.verified and report.repaired == 12 and same_evidence(laptop, district)
        assert [path for path, _body in sent] == ["/v1/pull", "/v1/verify", "/v1/repair"]
        asked = unpack(sent[-1][1], RepairRequest)
        assert [sketch.table for sketch in asked.sketches] == ["evidence"]
        assert sorted({bucket.table for bucket in asked.buckets}) == ["course", "learner_profile"]
        assert all(len(bucket.prefix) == 1 for bucket in asked.buckets)  # children of the tables
    finally:
        laptop.close()


def test_descending_costs_more_than_a_sketch_in_a_large_table_and_less_in_a_small_one():
    # 100 changed rows: 200 entries, a sketch of 512 cells (8.7 KB).
    sketch = sync_client._sketch_bytes(size_for(200)) + sync_client.ROUND_TRIP_BYTES
    assert sync_client._descent_bytes(230_000, 100) > 2 * sketch  # 3 levels, then 100 buckets of ~56 rows
    assert sync_client._descent_bytes(2_500, 100) < sketch  # 1 level, then 100 buckets of ~10 rows


def test_a_district_that_does_not_know_sketches_is_verified_bucket_by_bucket(district, tmp_path):
    laptop = Store.open(tmp_path / "laptop.sqlite")
    enrol_directly(district, laptop)
    try:
        sync(district, laptop, verify="never")
        change_scattered_evidence(laptop)
        inner = direct(district, laptop.device_id)
        answers = []

        def older(request: httpx.Request) -> httpx.Response:
            # An older district: its RepairRows has no ``reconciled`` (and it ignores the sketches).
            response = inner.handle_request(request)
            answers.append(request.url.path)
            if request.url.path == "/v1/repair":
                answer = unpack(response.content, RepairRows, "identity")
                answer = RepairRows(answer.seq, answer.changes if not answer.reconciled else [])
                return httpx.Response(200, content=pack(answer), headers={"Content-Encoding": "zstd"})
            return response

        report = SyncClient(laptop, "http://district", "t", transport=httpx.MockTransport(older),
                            verify="always").sync()
        assert report.verified and report.repaired == 10 and same_evidence(laptop, district)
        assert answers[:3] == ["/v1/pull", "/v1/verify", "/v1/repair"] and answers[-1] == "/v1/repair"
    finally:
        laptop.close()


def test_a_row_missing_here_comes_back_and_one_the_district_lacks_stays_unverified(district, tmp_path):
    laptop = Store.open(tmp_path / "laptop.sqlite")
    enrol_directly(district, laptop)
    try:
        sync(district, laptop, verify="never")
        with laptop.engine.begin() as conn:
            gone = conn.exec_driver_sql("SELECT id FROM evidence ORDER BY id LIMIT 1 OFFSET 700").scalar()
            conn.exec_driver_sql("DELETE FROM evidence WHERE id = ?", (gone,))
        report = sync(district, laptop)
        assert report.verified and report.repaired == 1 and same_evidence(laptop, district)
        # A row the district does not list for this laptop (as if its own, never sent).
        with laptop.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TEMP TABLE extra AS SELECT * FROM evidence WHERE id = ?", (gone,))
            conn.exec_driver_sql("UPDATE extra SET id = 'ffffffff-0000-4000-8000-000000000000'")
            conn.exec_driver_sql("INSERT INTO evidence SELECT * FROM extra")
        report = sync(district, laptop)
        assert not report.verified and report.repaired == 0
        with laptop.engine.connect() as conn:  # verification never deletes
            assert conn.exec_driver_sql("SELECT count(*) FROM evidence WHERE id = "
                                        "'ffffffff-0000-4000-8000-000000000000'").scalar() == 1
    finally:
        laptop.close()


def test_the_district_refuses_a_request_asking_too_much_and_caps_what_it_sends(district, monkeypatch):
    with TestClient(create_app(district), base_url="http://testserver") as http:
        token = enrolled(http, district, device="laptop-asking-too-much")
        headers = {"Authorization": f"Bearer {token}", "Content-Type": CONTENT_TYPE, "Content-Encoding": "zstd"}
        too_many = BucketList([Bucket("evidence", f"{i:x}") for i in range(MAX_BUCKETS + 1)])
        assert http.post("/v1/verify", content=pack(too_many), headers=headers).status_code == 400
        too_deep = BucketList([Bucket("evidence", "0123456789")])
        assert http.post("/v1/verify", content=pack(too_deep), headers=headers).status_code == 400
        too_many = RepairRequest([RowDigests("evidence", "", b"")] * (MAX_BUCKETS + 1))
        assert http.post("/v1/repair", content=pack(too_many), headers=headers).status_code == 400
        too_long = RepairRequest([RowDigests("evidence", "", bytes(ROW_DIGEST_BYTES * (MAX_ROW_DIGESTS + 1)))])
        assert http.post("/v1/repair", content=pack(too_long), headers=headers).status_code == 400
        # Sketches: too many, a size out of range, cells that do not match the size, too many cells in all.
        sketch = ["evidence", MIN_SKETCH_SIZE, bytes((SKETCH_HASHES << MIN_SKETCH_SIZE) * SKETCH_CELL_BYTES)]
        largest = ["evidence", MAX_SKETCH_SIZE, bytes((SKETCH_HASHES << MAX_SKETCH_SIZE) * SKETCH_CELL_BYTES)]
        for refused in ({"sketches": [sketch] * (MAX_SKETCHES + 1)},
                        {"sketches": [["evidence", MAX_SKETCH_SIZE + 1, b""]]},
                        {"sketches": [["evidence", MIN_SKETCH_SIZE - 1, b""]]},
                        {"sketches": [[*sketch[:2], sketch[2] + b"x"]]},
                        {"sketches": [largest] * (MAX_SKETCH_CELLS // (SKETCH_HASHES << MAX_SKETCH_SIZE) + 1)}):
            body = pack(msgspec.Raw(msgspec.msgpack.encode(refused)))
            assert http.post("/v1/repair", content=body, headers=headers).status_code == 400, refused
        # As many cells as allowed, one table sent again and again: peeled once, and answered.
        allowed = RepairRequest(sketches=[Sketch(*largest)] * (MAX_SKETCH_CELLS // (SKETCH_HASHES << MAX_SKETCH_SIZE)))
        answered = http.post("/v1/repair", content=pack(allowed), headers=headers)
        assert answered.status_code == 200
        assert [r.table for r in unpack(answered.content, RepairRows, "identity").reconciled] == ["evidence"]
    with district.unit_of_work() as uow:
        admin = DistrictUser(id="admin", name="Admin", role="district_admin")
        # A table this server does not sync is not looked at; one sent twice is peeled once.
        nowhere = Sketch("no_such_table", MIN_SKETCH_SIZE, bytes(sketch[2]))
        answer = district_snapshot.repair_rows(uow, admin, [], [nowhere, Sketch(*sketch), Sketch(*sketch)])
        assert [r.table for r in answer.reconciled] == ["evidence"]
        # The district's sketch of a table is built once a size, however often it is asked for.
        _seq, hashed = district_snapshot._scope(uow, admin)
        built = district_snapshot._sketch(uow, hashed, "evidence", MIN_SKETCH_SIZE)
        assert district_snapshot._sketch(uow, hashed, "evidence", MIN_SKETCH_SIZE) is built
        assert ("evidence", MIN_SKETCH_SIZE) in hashed.sketches and ("no_such_table", MIN_SKETCH_SIZE) not in hashed.sketches
        # A whole table asked for with no digests: at most MAX_REPAIR_ROWS rows come back ...
        monkeypatch.setattr(district_snapshot, "MAX_REPAIR_ROWS", 50)
        whole = district_snapshot.repair_rows(uow, admin, [RowDigests("evidence", "", b"")] * 3)
        assert len(whole.changes) == 50
        # ... and the district stops looking once it has looked at more rows than a request can name.
        monkeypatch.setattr(district_snapshot, "MAX_ROW_DIGESTS", 0)
        assert district_snapshot.repair_rows(uow, admin, [RowDigests("evidence", "", b"")]).changes == []


def test_the_district_hashes_a_scope_once_a_sequence_and_anew_after_a_push(district, tmp_path):
    laptop = Store.open(tmp_path / "laptop.sqlite")
    enrol_directly(district, laptop)
    try:
        sync(district, laptop, verify="never")
        with district.unit_of_work() as uow:
            user = uow.session.get(DistrictUser, uow.session.get(DistrictDevice, laptop.device_id).user_id)
            seq, digests = district_snapshot._scope_digests(uow, user)
            assert district_snapshot._scope_digests(uow, user) == (seq, digests)  # the same, not hashed again
            asked = [Bucket(name, prefix) for name in sorted(synced_tables()) for prefix in ("", "3", "a7")]
            cached = district_snapshot.differences(uow, user, asked)
            district_snapshot._cache.clear()
            assert district_snapshot.differences(uow, user, asked) == cached  # hashed anew: the same answer
        # (Not the value another test here sets: the district is the module's.)
        run(laptop, profiles.update_profile_field, first_student(laptop), "interests", "Robotics")
        assert sync(district, laptop, verify="never").pushed == 1
        with district.unit_of_work() as uow:
            pushed, after = district_snapshot._scope_digests(uow, user)
            assert pushed > seq and after.bucket("learner_profile") != digests.bucket("learner_profile")
            assert after.bucket("evidence") == digests.bucket("evidence")
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


# The sketch itself (sync.reconcile), on its own: whatever the two sides hold, a sketch that says it
# came out gives exactly the entries either side holds alone, and one too small says it did not.

Entries = st.dictionaries(st.integers(0, 2**64 - 1), st.integers(0, 2**32 - 1), max_size=200)


@st.composite
def two_sides(draw) -> tuple[dict[int, int], dict[int, int]]:
    """The laptop's rows and the district's (bucket key -> short digest): the same rows, but some
    changed (one key, two values), some only on one side or the other."""
    rows = draw(Entries)
    laptop, district = dict(rows), dict(rows)
    for key in draw(st.lists(st.sampled_from(sorted(rows)), unique=True)) if rows else []:
        what = draw(st.sampled_from(["changed", "laptop only", "district only"]))
        if what == "changed":
            district[key] = (rows[key] + 1 + draw(st.integers(0, 2**32 - 3))) % 2**32
        else:
            (district if what == "laptop only" else laptop).pop(key)
    return laptop, district


@given(two_sides(), st.sampled_from([MIN_SKETCH_SIZE, MIN_SKETCH_SIZE + 1, MIN_SKETCH_SIZE + 3]))
@settings(max_examples=300, deadline=None)
def test_a_sketch_gives_the_difference_exactly_or_says_it_did_not(sides, size):
    laptop, district = sides
    sent = Iblt.decode(size, Iblt.of(size, laptop.items()).encode())  # as it travels
    peeled = sent.subtract(Iblt.of(size, district.items())).peel()
    only_laptop = set(laptop.items()) - set(district.items())
    only_district = set(district.items()) - set(laptop.items())
    if peeled.complete:
        assert sorted(peeled.mine) == sorted(only_laptop) and sorted(peeled.theirs) == sorted(only_district)
        assert peeled.entries == len(only_laptop) + len(only_district)
    else:
        # Never a wrong entry, only too few; and more differing entries than cells never come out.
        assert set(peeled.mine) <= only_laptop and set(peeled.theirs) <= only_district
    if len(only_laptop) + len(only_district) > SKETCH_HASHES << size:
        assert not peeled.complete
    if len(only_laptop) + len(only_district) <= 1:  # (more come out only likely: see the test below)
        assert peeled.complete


def test_a_sketch_of_a_large_table_holds_only_its_difference():
    # 20,000 rows (hundreds an entry's cell, so the counts wrap at 256), 10 changed, one missing on
    # either side: 22 entries, and the smallest sketch, 64 cells, gives them back.
    rng = random.Random(9)
    rows = {rng.getrandbits(64): rng.getrandbits(32) for _ in range(20_000)}
    laptop, district = dict(rows), dict(rows)
    changed = list(rows)[:10]
    for key in changed:
        district[key] ^= 1
    laptop.pop(list(rows)[10])
    district.pop(list(rows)[11])
    size = size_for(abs(len(laptop) - len(district)) + 20)
    assert size == MIN_SKETCH_SIZE
    sketch = Iblt.of(size, laptop.items()).encode()
    assert len(sketch) == 64 * SKETCH_CELL_BYTES  # 1,088 bytes, whatever the table's size
    peeled = Iblt.decode(size, sketch).subtract(Iblt.of(size, district.items())).peel()
    assert peeled.complete and peeled.entries == 22
    assert sorted(peeled.theirs) == sorted([(key, district[key]) for key in changed] + [(list(rows)[10], rows[list(rows)[10]])])
    assert sorted(peeled.mine) == sorted([(key, rows[key]) for key in changed] + [(list(rows)[11], rows[list(rows)[11]])])
    # Ten times as many changed: that sketch says it did not come out, and about how many differ;
    # one sized for that does.
    for key in list(rows)[:100]:
        district[key] = rows[key] ^ 2
    peeled = Iblt.of(size, laptop.items()).subtract(Iblt.of(size, district.items())).peel()
    assert not peeled.complete and 100 <= peeled.entries <= 400  # 202 entries
    larger = size_for(peeled.entries, size)
    assert Iblt.of(larger, laptop.items()).subtract(Iblt.of(larger, district.items())).peel().complete


def test_a_made_up_sketch_that_would_peel_forever_stops():
    # One entry in one of its cells and none in the others: taking it out puts it back as the other
    # side's, in the cells it left, and so on. No honest sketch does this; the district stops.
    size = MIN_SKETCH_SIZE
    packed, places = _place(12345, 678, size)
    made_up = Iblt(size)
    made_up.counts[places[0]], made_up.cells[places[0]] = 1, packed
    peeled = made_up.peel()
    assert not peeled.complete


def test_digests_give_a_sketch_its_entries_and_find_a_row_by_key():
    digests = Digests()
    digests.put("evidence", {"a": bytes(range(8)), "b": bytes(range(8, 16))})
    entries = dict(digests.entries("evidence"))
    assert sorted(entries.values()) == [int.from_bytes(bytes(range(4)), "big"), int.from_bytes(bytes(range(8, 12)), "big")]
    for key in entries:
        row_id, digest = digests.find("evidence", key)
        assert int.from_bytes(digest[:ROW_DIGEST_BYTES], "big") == entries[key]
    assert digests.find("evidence", 0) is None and digests.find("nothing", 0) is None
    assert list(digests.entries("nothing")) == []
