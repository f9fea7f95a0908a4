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
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime

import httpx
import msgspec
import orjson
from sqlalchemy import bindparam, delete, insert, select, update

from plclassroom.domain import Person, School
from plclassroom.domain.base import SYNC_COLUMNS
from plclassroom.store.capture import defaults
from plclassroom.store.database import Store
from plclassroom.store.outbox import Device, OutboxEntry, RejectedChange
from plclassroom.sync.protocol import (
    CONTENT_TYPE,
    PAGE_CHANGES,
    Bucket,
    BucketList,
    Change,
    EnrolRequest,
    EnrolResponse,
    ProtocolError,
    PullResponse,
    PushRequest,
    PushResponse,
    RepairRows,
    Snapshot,
    SnapshotInfo,
    batches,
    decompress,
    pack,
    unpack,
)
from plclassroom.sync.report import Cancelled, Gone, SyncError, SyncReport
from plclassroom.sync.rows import combine, digest_of, synced_tables, typed

RETRIES = 5
VERIFY_DEPTH = 4  # table, then ids by their first 1, 2 and 3 hex digits
REPAIR_ROWS = 64  # a differing bucket this small is fetched whole rather than split
VERIFY_ROWS = 5000  # rows in differing buckets at most: beyond, say "not verified" and stop
MAX_SNAPSHOT = 2 * 1024 * 1024 * 1024  # a first download, expanded: a very large school's scope
OUTBOX_CHUNK = 5000  # outbox entries read at a time


def apply_changes(session, changes: list[Change], clock_observe: Callable[[int], object]) -> tuple[int, int]:
    """Write pulled (or superseded) changes into the local tables; returns (applied, fields kept
    back). Fields with a local edit still in the outbox are kept back. Changes to one row are merged
    in order first, then each table is written with one statement per shape (executemany)."""
    tables = synced_tables()
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
    for change in changes:
        cls = tables.get(change.table)
        if cls is None:
            continue  # a table from a newer app: this version has nowhere to put it
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
    return applied, kept


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


def apply_page(store: Store, changes: list[Change], cursor: int, report: SyncReport) -> None:
    """Pulled changes (by network or bundle) applied, and the pull cursor moved, in one transaction."""
    with store.unit_of_work() as uow:
        with store.capture.lock:
            applied, kept = apply_changes(uow.session, changes, store.capture.clock.observe)
        uow.session.execute(update(Device).where(Device.id == store.device_id).values(pull_cursor=cursor))
        uow.commit()
    report.pulled += applied
    report.skipped_local += kept


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
                 params: dict | None = None) -> httpx.Response:
        """One request, retried with exponential backoff and jitter on a dropped link, a busy server
        (429) or a server error; a refusal (401, 403, 400) is not retried."""
        delay = 0.5
        for attempt in range(RETRIES):
            try:
                response = self.http.request(method, path, content=body, params=params, headers=self._headers())
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
                response = self._request("POST", "/v1/push", report,
                                         pack(PushRequest(device_id, batch, cursor=cursor), self.encoding))
                answer: PushResponse = self._read(response, PushResponse)
                acknowledge(self.store, batch, answer, report)
            after = entries[-1].seq

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
            while have < info.size:
                step("snapshot", have, info.size)
                try:
                    response = self._request("GET", f"/v1/snapshot/{info.id}", report, params={"offset": have})
                except Gone:
                    partial.unlink(missing_ok=True)
                    raise SyncError("The district rebuilt this laptop's first download: sync again to start it anew.") \
                        from None
                if not response.content:
                    raise SyncError("The district server stopped sending the first download; sync again to go on.")
                out.write(response.content)
                out.flush()
                have += len(response.content)
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
        apply_page(self.store, snapshot.changes, snapshot.seq, report)
        report.snapshot_rows += report.pulled - before
        partial.unlink()

    def _verify(self, report: SyncReport, step) -> None:
        """Compare the laptop's rows with the district's scope by digests, table by table, then by
        id prefix where they differ, down to a few rows; fetch only those buckets, in one request,
        and apply them. The report says verified when every table agrees after that."""
        before = report.bytes_sent + report.bytes_received
        local = self._local_digests()
        asked = [Bucket(name, "") for name in sorted(synced_tables())]
        to_fetch: list[Bucket] = []
        for depth in range(VERIFY_DEPTH):
            step("verify", depth, VERIFY_DEPTH)
            answer: BucketList = self._read(self._request(
                "POST", "/v1/verify", report, pack(BucketList(asked), self.encoding)), BucketList)
            differing = [(b, _local_bucket(local, b.table, b.prefix)) for b in answer.buckets]
            differing = [(b, mine) for b, mine in differing if mine != (b.count, b.digest)]
            if depth == 0 and not differing:
                report.verified = True  # every table agrees: nothing more to ask
                report.verify_bytes = report.bytes_sent + report.bytes_received - before
                return
            if sum(abs(b.count - mine[0]) for b, mine in differing) > VERIFY_ROWS:
                # Not a few rows astray but much of the data: not verified, and no piecemeal repair.
                report.verify_bytes = report.bytes_sent + report.bytes_received - before
                return
            deeper = []
            for bucket, (count, _digest) in differing:
                if max(count, bucket.count) <= REPAIR_ROWS or depth == VERIFY_DEPTH - 1:
                    to_fetch.append(bucket)
                else:
                    deeper += [Bucket(bucket.table, bucket.prefix + digit) for digit in "0123456789abcdef"]
            if not deeper:
                break
            asked = deeper
        if to_fetch:
            rows: RepairRows = self._read(self._request(
                "POST", "/v1/repair", report, pack(BucketList(to_fetch), self.encoding)), RepairRows)
            # Rows here the district does not list for this laptop stay (they may be its own unsent
            # work, or out of its scope now): verification never deletes.
            report.repaired += sum(1 for c in rows.changes if local.get(c.table, {}).get(c.row) != digest_of(
                c.table, {"id": c.row, **typed(c.table, c.fields)}))
            with self.store.unit_of_work() as uow:
                with self.store.capture.lock:
                    apply_changes(uow.session, rows.changes, self.store.capture.clock.observe)
                uow.commit()
        # Once more from the top: verified means every table agrees now.
        local = self._local_digests()
        answer = self._read(self._request("POST", "/v1/verify", report, pack(BucketList(
            [Bucket(name, "") for name in sorted(synced_tables())]), self.encoding)), BucketList)
        report.verified = all(_local_bucket(local, b.table, b.prefix) == (b.count, b.digest) for b in answer.buckets)
        report.verify_bytes = report.bytes_sent + report.bytes_received - before

    def _local_digests(self) -> dict[str, dict[str, bytes]]:
        """Each synced row's digest on this laptop, by table and id."""
        found: dict[str, dict[str, bytes]] = {}
        with self.store.unit_of_work() as uow:
            for name, cls in synced_tables().items():
                found[name] = {row["id"]: digest_of(name, dict(row))
                               for row in uow.session.execute(select(cls.__table__)).mappings()}
        return found

    def _pull(self, report: SyncReport, step) -> None:
        while True:
            with self.store.unit_of_work() as uow:
                cursor = uow.session.get(Device, self.store.device_id).pull_cursor
            step("pull", report.pulled, 0)
            response = self._request("GET", "/v1/pull", report, params={"since": cursor, "limit": PAGE_CHANGES})
            page: PullResponse = self._read(response, PullResponse)
            apply_page(self.store, page.changes, page.next, report)
            report.server_time = page.server_time
            if not page.has_more:
                return


def _local_bucket(local: dict[str, dict[str, bytes]], table: str, prefix: str) -> tuple[int, bytes]:
    digests = [digest for row_id, digest in local.get(table, {}).items() if row_id.startswith(prefix)]
    return len(digests), combine(digests)


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
