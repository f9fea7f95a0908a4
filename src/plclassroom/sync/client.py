"""The laptop's side of sync: push the outbox, pull what changed in its scope, and apply it.

One sync is: push the outbox in batches of bounded size (each batch acknowledged before the next;
acknowledged entries leave the outbox in the same transaction that records the answer), then
pull pages since the stored cursor, each page applied together with the new cursor in one
transaction. A dropped link loses at most the batch or page in flight: the next sync resumes
from the outbox and the cursor, and the server's (device, op sequence) key makes a batch sent
twice count once.

Applying a pulled change never overwrites a field this laptop changed and has not pushed yet: the
local edit is pushed next and the district decides (per field, newest clock wins), sending back the
value that stands when the local edit lost. Pulled changes are written with plain SQL, so they do
not re-enter the outbox. The clock observes every stamp it sees, so a laptop whose clock is a year
off still orders its next edits after what it pulled; sync never refuses over clock skew.
"""

from __future__ import annotations

import hashlib
import math
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime

import httpx
import msgspec
import orjson
from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlmodel import SQLModel

from plclassroom.domain import Person, School
from plclassroom.domain.base import SYNC_COLUMNS
from plclassroom.store.capture import defaults
from plclassroom.store.database import Store
from plclassroom.store.forget import forgotten_ids, reference_columns, remember
from plclassroom.store.outbox import Device, OutboxEntry, RejectedChange
from plclassroom.store.purge import purge_unreferenced
from plclassroom.sync.protocol import (
    CHILD_DIGEST_BYTES,
    CHILDREN,
    CONTENT_TYPE,
    MAX_PREFIX,
    MAX_SKETCH_CELLS,
    PAGE_CHANGES,
    PURGE,
    ROW_DIGEST_BYTES,
    SKETCH_CELL_BYTES,
    SKETCH_HASHES,
    Bucket,
    BucketList,
    Change,
    Differences,
    EnrolRequest,
    EnrolResponse,
    ProtocolError,
    PullResponse,
    PushRequest,
    PushResponse,
    RepairRequest,
    RepairRows,
    RowDigests,
    Sketch,
    Snapshot,
    SnapshotInfo,
    Split,
    batches,
    decompress,
    pack,
    unpack,
)
from plclassroom.sync.reconcile import Iblt, size_for
from plclassroom.sync.report import Cancelled, Gone, SnapshotNeeded, SyncError, SyncReport
from plclassroom.sync.rows import Digests, digest_of, synced_tables, typed

RETRIES = 5
REPAIR_ROWS = 64  # a differing bucket or table this small (both sides) is repaired by its rows' digests, not
# split or sketched: 64 digests (256 bytes) cost less than another level's round trip, or the smallest sketch
VERIFY_ROWS = 1000  # rows astray at most: beyond, say "not verified" and stop (no more buckets than a request holds)
SKETCH_SLACK = 20  # entries a table's first sketch has room for beyond its count difference: 10 changed rows
# (each is two entries, its values on either side); more than that, and the sketch comes back not peeled
SKETCH_ATTEMPTS = 2  # a sketch that did not come out goes once more, sized by the district's estimate, when
# that costs less than descending the buckets (_descent_bytes: in a large table, which takes more levels)
ROUND_TRIP_BYTES = 360  # HTTP/1.1 headers of a request and its answer, about
MAX_SNAPSHOT = 2 * 1024 * 1024 * 1024  # a first download, expanded: a very large school's scope
OUTBOX_CHUNK = 5000  # outbox entries read at a time


def apply_changes(session, changes: list[Change], clock_observe: Callable[[int], object]) -> tuple[int, int]:
    """Write pulled (or superseded) changes into the local tables; returns (applied, fields kept
    back). Fields with a local edit still in the outbox are kept back. Changes to one row are merged
    in order first, then each table is written with one statement per shape (executemany).
    Rows this laptop forgot at a family's request, and rows that refer to them, are not written
    (``store/forget.py``)."""
    tables = synced_tables()
    changes = _without_forgotten(session, changes)
    ids = list({c.row for c in changes if c.table in tables})
    pending: set[tuple[str, str, str]] = set()
    existing: set[tuple[str, str]] = set()
    hlcs: dict[tuple[str, str], int] = {}
    by_table: dict[str, list[str]] = {}
    for change in changes:
        if change.table in tables:
            by_table.setdefault(change.table, []).append(change.row)
    for i in range(0, len(ids), 900):
        for table, row_id, fields in session.execute(select(
                OutboxEntry.table_name, OutboxEntry.row_id, OutboxEntry.fields).where(
                OutboxEntry.row_id.in_(ids[i:i + 900]))):
            pending.update((table, row_id, name) for name in orjson.loads(fields))
    for name, rows in by_table.items():
        table = tables[name].__table__
        rows = list(set(rows))
        for i in range(0, len(rows), 900):
            for row_id, hlc in session.execute(select(table.c.id, table.c.hlc).where(table.c.id.in_(rows[i:i + 900]))):
                existing.add((name, row_id))
                hlcs[(name, row_id)] = hlc
    merged: dict[tuple[str, str], dict] = {}  # in the order first seen
    count: dict[tuple[str, str], int] = {}
    applied = kept = 0
    purges: dict[str, list[str]] = {}
    for change in changes:
        cls = tables.get(change.table)
        if cls is None:
            continue  # a table from a newer app: this version has nowhere to put it
        if change.op == PURGE:
            merged.pop((change.table, change.row), None)
            purges.setdefault(change.table, []).append(change.row)
            applied += 1
            continue
        fields = typed(change.table, {k: v for k, v in change.fields.items() if k not in SYNC_COLUMNS})
        held = [k for k in fields if (change.table, change.row, k) in pending]
        kept += len(held)
        for name in held:
            fields.pop(name)
        clock_observe(change.hlc)
        key = (change.table, change.row)
        count[key] = count.get(key, 0) + 1
        entry = merged.setdefault(key, {})
        entry.update(fields)
        if change.hlc > hlcs.get(key, 0):
            hlcs[key] = change.hlc
            entry["hlc"], entry["device_id"] = change.hlc, change.device
        applied += 1
    inserts: dict[str, list[dict]] = {}
    updates: dict[tuple[str, tuple[str, ...]], list[dict]] = {}
    for (name, row_id), values in merged.items():
        cls = tables[name]
        if (name, row_id) in existing:
            if set(values) - {"hlc", "device_id"}:
                updates.setdefault((name, tuple(sorted(values))), []).append({"_row_id": row_id, **values})
            continue
        row = defaults(cls)
        row.update(values)
        row["id"] = row_id
        if any(row[c.key] is None for c in cls.__table__.columns if not c.nullable):
            applied -= count[(name, row_id)]  # only part of a row this laptop never had: a snapshot brings it
            continue
        inserts.setdefault(name, []).append(row)
    for name, rows in inserts.items():
        session.execute(insert(tables[name].__table__), rows)
    for (name, columns), rows in updates.items():
        table = tables[name].__table__
        session.execute(update(table).where(table.c.id == bindparam("_row_id"))
                        .values({c: bindparam(c) for c in columns}), rows)
    # Tombstones the district removed for good, unless this laptop has an unsent edit of the row
    # (it is pushed next, and refused: the row is gone) or a row here still refers to it.
    unsent = {(name, row_id) for name, row_id, _field in pending} if purges else set()
    for name in (t.name for t in reversed(SQLModel.metadata.sorted_tables) if t.name in purges):
        table = tables[name].__table__
        ids = [row_id for row_id in purges[name] if (name, row_id) not in unsent]
        purge_unreferenced(session.connection(), table, session.execute(select(table.c.id).where(
            table.c.id.in_(ids), table.c.deleted.is_(True))).scalars().all())
    return applied, kept


def _without_forgotten(session, changes: list[Change]) -> list[Change]:
    """The changes less those to forgotten rows or rows that refer to one; such rows join the
    forgotten list (a conference the district adds for a forgotten student, then its next steps)."""
    forgotten = forgotten_ids(session.connection())
    if not forgotten:
        return changes
    newly: dict[str, set[str]] = {}
    grew = True
    while grew:  # again until nothing new: a child may come before its parent in a page
        grew = False
        for change in changes:
            if change.row in forgotten or change.op == PURGE:
                continue
            if any(change.fields.get(column) in forgotten for column in reference_columns(change.table)):
                forgotten.add(change.row)
                newly.setdefault(change.table, set()).add(change.row)
                grew = True
    if newly:
        remember(session.connection(), newly)
    return [change for change in changes if change.op == PURGE or change.row not in forgotten]


def acknowledge(store: Store, batch: list[Change], answer: PushResponse, report: SyncReport) -> None:
    """The district's answer to a pushed batch (by network or bundle): accepted and refused changes
    leave the outbox (the refused are kept, with why), the values that stand are applied."""
    refused = {r.seq: r.reason for r in answer.rejected}
    done = set(answer.accepted) | set(refused)
    now = datetime.now(UTC)
    with store.unit_of_work() as uow:
        session = uow.session
        kept = [c for c in batch if c.seq in refused]
        if kept:
            session.execute(insert(RejectedChange.__table__), [
                {"seq": c.seq, "table_name": c.table, "row_id": c.row, "op": c.op, "hlc": c.hlc,
                 "fields": orjson.dumps(c.fields).decode(), "reason": refused[c.seq], "rejected_at": now}
                for c in kept])
        if done:
            session.execute(delete(OutboxEntry).where(OutboxEntry.seq.in_(list(done))))
        # The outbox entries are gone now, so the values that stand are applied to those fields.
        with store.capture.lock:
            apply_changes(session, answer.superseded, store.capture.clock.observe)
        uow.commit()
    report.pushed += len(answer.accepted)
    report.rejected += len(refused)
    report.superseded += len(answer.superseded)
    report.reasons += list(refused.values())
    report.server_time = answer.server_time


def apply_page(store: Store, changes: list[Change], cursor: int, report: SyncReport, snapshot: bool = False) -> None:
    """Pulled changes (by network or bundle) applied, and the pull cursor moved, in one transaction.
    ``snapshot``: the changes are the laptop's whole scope: what is not among them goes here too
    (``_remove_rows_outside``)."""
    with store.unit_of_work() as uow:
        with store.capture.lock:
            applied, kept = apply_changes(uow.session, changes, store.capture.clock.observe)
        if snapshot:
            _remove_rows_outside(uow.session, changes)
        uow.session.execute(update(Device).where(Device.id == store.device_id).values(pull_cursor=cursor))
        uow.commit()
    report.pulled += applied
    report.skipped_local += kept


def _remove_rows_outside(session, changes: list[Change]) -> None:
    """After a snapshot: the rows that are neither in it nor unsent work here go (a row something
    kept still refers to stays). They were deleted and tidied away by the district while this
    laptop was away, or are out of its scope now."""
    keep = {(c.table, c.row) for c in changes}
    keep |= set(session.execute(select(OutboxEntry.table_name, OutboxEntry.row_id)).tuples())  # unsent edits
    tables = synced_tables()
    for table in reversed(SQLModel.metadata.sorted_tables):  # children first: a parent is free once they go
        if table.name in tables:
            ids = session.execute(select(table.c.id)).scalars()
            purge_unreferenced(session.connection(), table, [i for i in ids if (table.name, i) not in keep])


def mark_synced(store: Store) -> None:
    """A sync (by network or bundle) finished now: the status bar's "last synced"."""
    with store.unit_of_work() as uow:
        device = uow.session.get(Device, store.device_id)
        device.last_synced_at = datetime.now(UTC)
        uow.session.add(device)
        uow.commit()


def outbox_changes(entries: list[OutboxEntry], device_id: str) -> list[Change]:
    """Outbox entries as the changes a push carries."""
    return [Change(e.seq, e.table_name, e.row_id, e.op, e.hlc, device_id, orjson.loads(e.fields)) for e in entries]


class SyncClient:
    """Sync one store with the district server at ``base_url``, authenticated by ``token``."""

    def __init__(self, store: Store, base_url: str, token: str | None = None, *,
                 transport: httpx.BaseTransport | None = None, timeout: float = 30.0,
                 encoding: str = "zstd", sleep: Callable[[float], None] = time.sleep, verify: str = "never") -> None:
        self.store = store
        self.token = token
        self.encoding = encoding
        self.sleep = sleep
        self.http = httpx.Client(base_url=base_url.rstrip("/"), transport=transport, timeout=timeout)
        self.verify = verify

    def close(self) -> None:
        self.http.close()

    # -- transport ---------------------------------------------------------------------------------

    def _headers(self) -> dict:
        headers = {"Accept": CONTENT_TYPE, "Accept-Encoding": self.encoding, "Content-Type": CONTENT_TYPE,
                   "Content-Encoding": self.encoding}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def _request(self, method: str, path: str, report: SyncReport, body: bytes | None = None,
                 params: dict | None = None, sink: Callable[[bytes], object] | None = None) -> httpx.Response:
        """One request, retried with exponential backoff and jitter on a dropped link, a busy server
        (429) or a server error; a refusal (401, 403, 400) is not retried. ``sink``: a successful
        answer's body is handed to it as it arrives, not kept, and a link that drops part way
        through is not retried (what arrived is the caller's to keep and go on from)."""
        delay = 0.5
        for attempt in range(RETRIES):
            try:
                response = self._send(method, path, body, params, sink)
            except httpx.TransportError as error:
                failure = f"The district server could not be reached ({type(error).__name__})."
            else:
                report.requests += 1
                report.bytes_sent += _wire_size(response.request, len(body or b""))
                report.bytes_received += _wire_size(response, response.num_bytes_downloaded)
                if response.status_code < 400:
                    return response
                if response.status_code in (401, 403):
                    raise SyncError(_message(response, "The district server refused this laptop: enrol it again."))
                if response.status_code == 404:
                    raise Gone(_message(response, "The district server no longer has what was asked for."))
                if response.status_code == 410:
                    raise SnapshotNeeded(_message(response, "This laptop needs a fresh copy of its data."))
                if response.status_code in (400, 413, 422):
                    raise SyncError(_message(response, "The district server could not read what was sent."))
                failure = _message(response, f"The district server answered {response.status_code}.")
                retry_after = response.headers.get("Retry-After")
                if retry_after and retry_after.isdigit():
                    delay = max(delay, float(retry_after))
            if attempt == RETRIES - 1:
                raise SyncError(failure)
            self.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 30.0)
        raise SyncError("The district server could not be reached.")

    def _send(self, method: str, path: str, body: bytes | None, params: dict | None,
              sink: Callable[[bytes], object] | None) -> httpx.Response:
        if sink is None:
            return self.http.request(method, path, content=body, params=params, headers=self._headers())
        with self.http.stream(method, path, content=body, params=params, headers=self._headers()) as response:
            if response.status_code >= 400:
                response.read()
                return response
            try:
                for data in response.iter_bytes():
                    sink(data)
            except httpx.TransportError:
                pass  # cut part way: the bytes that came are kept, the caller goes on from there
        return response

    def _read(self, response: httpx.Response, kind):
        # httpx has already undone the Content-Encoding (gzip, or zstd with zstandard installed).
        try:
            return unpack(response.content, kind, "identity")
        except ProtocolError as error:
            raise SyncError(f"The district server sent something this app cannot read: {error}") from None

    # -- enrol -------------------------------------------------------------------------------------

    def enrol(self, code: str, name: str = "") -> EnrolResponse:
        report = SyncReport()
        response = self._request("POST", "/v1/enrol", report,
                                 pack(EnrolRequest(code.strip(), self.store.device_id, name), self.encoding))
        enrolled = self._read(response, EnrolResponse)
        self.token = enrolled.token
        return enrolled

    # -- sync --------------------------------------------------------------------------------------

    def sync(self, progress: Callable[[str, int, int], bool] | None = None) -> SyncReport:
        """Push, then pull. ``progress(stage, done, total)`` returning False cancels between batches."""
        started = time.perf_counter()
        report = SyncReport()

        def step(stage: str, done: int, total: int) -> None:
            if progress is not None and progress(stage, done, total) is False:
                raise Cancelled("Sync cancelled; what was sent or received so far is kept.")

        self._push(report, step)
        if self._new_laptop():
            self._first_sync(report, step)
        self._pull(report, step)
        moved = report.pushed or report.pulled or report.superseded or report.rejected
        if self.verify == "always" or (self.verify == "when-changed" and moved):
            self._verify(report, step)  # "when-changed": a sync that moved nothing stays one round trip
        mark_synced(self.store)
        report.seconds = time.perf_counter() - started
        return report

    def _push(self, report: SyncReport, step) -> None:
        device_id = self.store.device_id
        with self.store.unit_of_work() as uow:
            total = uow.session.execute(select(OutboxEntry.seq).order_by(OutboxEntry.seq.desc()).limit(1)).scalar()
            cursor = uow.session.get(Device, device_id).pull_cursor
        after = 0
        while True:
            with self.store.unit_of_work() as uow:
                entries = list(uow.session.execute(select(OutboxEntry).where(OutboxEntry.seq > after)
                                                   .order_by(OutboxEntry.seq).limit(OUTBOX_CHUNK)).scalars())
            if not entries:
                return
            for batch in batches(outbox_changes(entries, device_id)):
                step("push", batch[0].seq, total or 0)
                request = PushRequest(device_id, batch, cursor=cursor, pending=self._pending(batch[-1].seq))
                response = self._request("POST", "/v1/push", report, pack(request, self.encoding))
                answer: PushResponse = self._read(response, PushResponse)
                acknowledge(self.store, batch, answer, report)
            after = entries[-1].seq

    def _pending(self, after: int = 0) -> int:
        """Changes in the outbox after op ``after``: what the district is told still waits here."""
        with self.store.unit_of_work() as uow:
            return uow.session.execute(select(func.count()).select_from(OutboxEntry)
                                       .where(OutboxEntry.seq > after)).scalar() or 0

    def _new_laptop(self) -> bool:
        """Never pulled, and holds no school or person: its first sync is a snapshot, not a replay."""
        with self.store.unit_of_work() as uow:
            if uow.session.get(Device, self.store.device_id).pull_cursor:
                return False
            return all(uow.session.execute(select(table.id).limit(1)).first() is None for table in (School, Person))

    def _first_sync(self, report: SyncReport, step) -> None:
        """Download the scope's snapshot a chunk at a time into a file beside the database (a cut
        download goes on from its last byte next time), check its hash, apply it in one
        transaction, and pull from its sequence after."""
        info: SnapshotInfo = self._read(self._request("GET", "/v1/snapshot", report), SnapshotInfo)
        folder, stem = self.store.path.parent, self.store.path.stem
        partial = folder / f"{stem}-snapshot-{info.id}.part"
        for old in folder.glob(f"{stem}-snapshot-*.part"):
            if old != partial:
                old.unlink(missing_ok=True)  # another snapshot's leftovers: never a growing pile
        have = partial.stat().st_size if partial.exists() else 0
        if have > info.size:
            partial.unlink()
            have = 0
        with partial.open("ab") as out:
            stalled = 0
            while have < info.size:
                step("snapshot", have, info.size)

                def keep(data: bytes) -> None:
                    out.write(data)  # as it arrives: a link that drops mid-chunk loses no byte that came
                    out.flush()

                try:
                    self._request("GET", f"/v1/snapshot/{info.id}", report, params={"offset": have}, sink=keep)
                except Gone:
                    out.close()
                    partial.unlink(missing_ok=True)
                    raise SyncError("The district rebuilt this laptop's first download: sync again to start it anew.") \
                        from None
                came = out.tell() - have
                have += came
                stalled = 0 if came else stalled + 1
                if stalled >= RETRIES:
                    raise SyncError("The district server stopped sending the first download; sync again to go on.")
        data = partial.read_bytes()
        if hashlib.sha256(data).hexdigest() != info.sha256:
            partial.unlink()
            raise SyncError("The first download arrived damaged; sync again to download it anew.")
        try:
            snapshot = msgspec.msgpack.decode(decompress(data, "zstd", limit=MAX_SNAPSHOT, largest=MAX_SNAPSHOT),
                                              type=Snapshot)
        except (ProtocolError, msgspec.DecodeError, msgspec.ValidationError):
            partial.unlink()
            raise SyncError("The first download cannot be read; sync again to download it anew.") from None
        before = report.pulled
        apply_page(self.store, snapshot.changes, snapshot.seq, report, snapshot=True)
        report.snapshot_rows += report.pulled - before
        partial.unlink()

    def _verify(self, report: SyncReport, step) -> None:
        """Compare the laptop's rows with the district's scope by digests. The laptop sends its
        figures (count, digest) for each table; the district answers for those that differ with
        its own and its children's (one more hex digit of the bucket key). Then one request puts
        them right: a table goes as a sketch of its rows (``sync.reconcile``), sized for the rows
        that differ, not for the table, or, where that costs less, as its rows' digests in its
        children that differ. The district sends back its rows that differ, and says whether each
        sketch came out. One that did not goes once more, larger, where that costs less than the
        alternative: sending on the children that differ, a level a request, down to buckets of a
        few rows, and their rows' digests. The report says verified when every table agrees after
        that. Rows here the district does not list for this laptop stay (they may be its own
        unsent work, or out of its scope now): verification never deletes."""
        before = report.bytes_sent + report.bytes_received
        local = Digests()
        for name, rows in self._local_digests().items():
            local.put(name, rows)
        seqs: list[int] = []  # of the repairs' answers

        def ask(buckets: list[Bucket]) -> Differences:
            return self._read(self._request("POST", "/v1/verify", report, pack(BucketList(buckets), self.encoding)),
                              Differences)

        def differing(split: Split) -> list[tuple[Bucket, int]]:
            """The children of a bucket that differ: this laptop's figures, and the district's count."""
            found = []
            for i, count in enumerate(split.counts):
                mine = _local_bucket(local, split.table, split.prefix + CHILDREN[i])
                if (mine.count, mine.digest[:CHILD_DIGEST_BYTES]) != (
                        count, split.digests[i * CHILD_DIGEST_BYTES:(i + 1) * CHILD_DIGEST_BYTES]):
                    found.append((mine, count))
            return found

        def fetch(leaves: list[Bucket], sizes: dict[str, int]) -> RepairRows:
            """The district's rows that differ: in these buckets, by their rows' digests, and in
            these tables, by sketches of these sizes (smallest first, as many as a request carries;
            a table left out does not reconcile)."""
            sketches, cells = [], 0
            for table, size in sorted(sizes.items(), key=lambda item: item[1]):
                cells += SKETCH_HASHES << size
                if cells > MAX_SKETCH_CELLS:
                    break
                sketches.append(Sketch(table, size, Iblt.of(size, local.entries(table)).encode()))
            step("verify", MAX_PREFIX, MAX_PREFIX)
            return self._read(self._request("POST", "/v1/repair", report, pack(RepairRequest([
                RowDigests(leaf.table, leaf.prefix, b"".join(
                    digest[:ROW_DIGEST_BYTES] for digest in local.rows(leaf.table, leaf.prefix).values()))
                for leaf in leaves], sketches), self.encoding)), RepairRows)

        def apply(rows: RepairRows) -> None:
            with self.store.unit_of_work() as uow:
                with self.store.capture.lock:
                    apply_changes(uow.session, rows.changes, self.store.capture.clock.observe)
                uow.commit()
            report.repaired += len(rows.changes)  # each one missing here or held with other values
            repaired: dict[str, list[str]] = {}
            for change in rows.changes:
                repaired.setdefault(change.table, []).append(change.row)
            for name, now in self._local_digests(repaired).items():  # as written (a field with an unsent edit kept)
                local.put(name, {**local.rows(name), **now})
            seqs.append(rows.seq)

        def gave_up() -> None:
            # Not a few rows astray but much of the data: not verified, and no piecemeal repair.
            report.verify_bytes = report.bytes_sent + report.bytes_received - before

        tables = sorted(synced_tables())
        first = ask([_local_bucket(local, name, "") for name in tables])
        # Rows astray, at least: the tables' count differences, then what sketches and buckets find.
        astray = sum(abs(split.count - local.bucket(split.table)[0]) for split in first.splits)
        if astray > VERIFY_ROWS:
            return gave_up()
        counts = {split.table: split.count for split in first.splits}  # the district's
        leaves: list[Bucket] = []
        sizes: dict[str, int] = {}  # the sketches to send, by table
        for split in first.splits:
            children = differing(split)
            size = size_for(abs(split.count - local.bucket(split.table)[0]) + SKETCH_SLACK)
            if all(max(count, mine.count) <= REPAIR_ROWS for mine, count in children) and (size is None or sum(
                    max(count, mine.count) for mine, count in children) * ROW_DIGEST_BYTES < _sketch_bytes(size)):
                leaves.extend(mine for mine, _count in children)  # a small table: its children's rows cost less
            elif size is not None:
                sizes[split.table] = size
        unsure = {split.table for split in first.splits} - {leaf.table for leaf in leaves}  # not reconciled yet
        for _attempt in range(SKETCH_ATTEMPTS):
            if not leaves and not sizes:
                break
            answer = fetch(leaves, sizes)
            leaves = []
            came = {result.table: result for result in answer.reconciled if result.table in sizes}
            astray = max(astray, len(answer.changes), *(math.ceil(result.entries / 2) for result in came.values()))
            if astray > VERIFY_ROWS:
                return gave_up()
            apply(answer)
            unsure -= {table for table, result in came.items() if result.complete}
            retry = {}
            for table, result in came.items():
                size = None if result.complete else size_for(result.entries, sizes[table])
                mine, theirs = local.bucket(table)[0], counts[table]
                # Rows astray here: those on one side only, then changed rows, two entries each.
                here = abs(theirs - mine) + max(result.entries - abs(theirs - mine), 0) / 2
                if size is not None and _sketch_bytes(size) + ROUND_TRIP_BYTES < _descent_bytes(max(mine, theirs), here):
                    retry[table] = size
            sizes = retry
        # What no sketch reconciled (too many rows differ, or a district that does not know sketches):
        # bucket by bucket, from the first answer's children.
        splits = [split for split in first.splits if split.table in unsure]
        while splits and astray <= VERIFY_ROWS:
            step("verify", len(splits[0].prefix), MAX_PREFIX)
            deeper = []
            for split in splits:
                if not split.counts:  # as deep as buckets go
                    leaves.append(_local_bucket(local, split.table, split.prefix))
                for mine, count in differing(split):
                    (leaves if max(count, mine.count) <= REPAIR_ROWS else deeper).append(mine)
            astray = max(astray, len(leaves) + len(deeper))
            splits = ask(deeper).splits if deeper and astray <= VERIFY_ROWS else []
        if astray > VERIFY_ROWS:
            return gave_up()
        if leaves:
            apply(fetch(leaves, {}))
        if all(seq == first.seq for seq in seqs):
            # The district's figures for the tables that differed, from the first answer, still
            # stand: verified when this laptop's now match them (the other tables agreed already).
            report.verified = all(local.bucket(split.table) == (split.count, split.digest) for split in first.splits)
        else:  # the district changed meanwhile: ask once more
            report.verified = not ask([_local_bucket(local, name, "") for name in tables]).splits
        report.verify_bytes = report.bytes_sent + report.bytes_received - before

    def _local_digests(self, only: dict[str, list[str]] | None = None) -> dict[str, dict[str, bytes]]:
        """Each synced row's digest on this laptop, by table and id (``only``: of these rows)."""
        found: dict[str, dict[str, bytes]] = {}
        with self.store.unit_of_work() as uow:
            for name, cls in synced_tables().items():
                table = cls.__table__
                if only is None:
                    queries = [select(table)]
                elif name in only:
                    ids = only[name]
                    queries = [select(table).where(table.c.id.in_(ids[i:i + 900])) for i in range(0, len(ids), 900)]
                else:
                    continue
                found[name] = {}
                for query in queries:
                    result = uow.session.execute(query)
                    keys = list(result.keys())
                    for row in result:  # zipped: a third faster than .mappings() over every row
                        values = dict(zip(keys, row, strict=True))
                        found[name][values["id"]] = digest_of(name, values)
        return found

    def _pull(self, report: SyncReport, step) -> None:
        while True:
            with self.store.unit_of_work() as uow:
                cursor = uow.session.get(Device, self.store.device_id).pull_cursor
            step("pull", report.pulled, 0)
            try:
                response = self._request("GET", "/v1/pull", report, params={
                    "since": cursor, "limit": PAGE_CHANGES, "pending": self._pending()})
            except SnapshotNeeded:
                if report.resynced:
                    raise  # a fresh snapshot did not satisfy the server: stop rather than loop
                # Left behind by the district's housekeeping while away (its outbox went first, above).
                report.resynced = True
                self._first_sync(report, step)
                continue
            page: PullResponse = self._read(response, PullResponse)
            apply_page(self.store, page.changes, page.next, report)
            report.server_time = page.server_time
            if not page.has_more:
                return


def _local_bucket(local: Digests, table: str, prefix: str) -> Bucket:
    """This laptop's figures for a bucket, as the district is asked about them."""
    return Bucket(table, prefix, *local.bucket(table, prefix))


def _sketch_bytes(size: int) -> int:
    return (SKETCH_HASHES << size) * SKETCH_CELL_BYTES


def _descent_bytes(rows: int, astray: float) -> float:
    """About what finding ``astray`` rows among a table's ``rows`` bucket by bucket costs, from the
    first answer's children on: a round trip a level, with ~6 bytes of figures for each of the 16
    children of each bucket that differs, then the digests of the rows in the buckets found."""
    cost, width, buckets = 0.0, rows / 16, 16
    while width > REPAIR_ROWS:
        cost += ROUND_TRIP_BYTES + min(astray, buckets) * 16 * 6
        width, buckets = width / 16, buckets * 16
    return cost + ROUND_TRIP_BYTES + min(astray, buckets) * width * ROW_DIGEST_BYTES


def _wire_size(message: httpx.Request | httpx.Response, body: int) -> int:
    """Bytes of an HTTP/1.1 message on the wire: start line, headers, and the (compressed) body."""
    start = (len(message.method) + len(message.url.raw_path) + 12 if isinstance(message, httpx.Request)
             else 17 + len(message.reason_phrase))
    return start + sum(len(k) + len(v) + 4 for k, v in message.headers.raw) + 2 + body


def _message(response: httpx.Response, fallback: str) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        detail = None
    return detail if isinstance(detail, str) and detail else fallback
