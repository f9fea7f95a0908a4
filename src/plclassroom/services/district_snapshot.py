"""The device's scope as a whole, the district's side. A new laptop's first sync: every row in the
device's scope, whole, as of one change-log sequence, built once per scope and sequence into a
compressed file that the laptop downloads a chunk at a time; then it pulls from that sequence
like any laptop. And verified sync: digests of the scope by table and bucket (``sync.rows.Digests``),
hashed once per scope and sequence, so a laptop finds where it differs and fetches only the rows
that differ: by set reconciliation (a table's sketch, ``sync.reconcile``), or, where that does not
come out, bucket by bucket.

The rows are the ones a pull from 0 would bring (the change log's rows in scope, with the values
that stand now), read in one transaction, so the file and its sequence agree.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
import time
import weakref
from collections import OrderedDict
from pathlib import Path

import msgspec
from sqlalchemy import func, select

from plclassroom.services.district_sync import Owner, Scope, plain, scope_of
from plclassroom.store.district import DistrictChange, DistrictDevice, DistrictUser
from plclassroom.store.unit_of_work import UnitOfWork
from plclassroom.sync.protocol import (
    CHILD_DIGEST_BYTES,
    CHILDREN,
    MAX_BUCKETS,
    MAX_PREFIX,
    MAX_REPAIR_ROWS,
    MAX_ROW_DIGESTS,
    MAX_SKETCHES,
    ROW_DIGEST_BYTES,
    SNAPSHOT_CHUNK,
    Bucket,
    Change,
    Differences,
    Reconciled,
    RepairRows,
    RowDigests,
    Sketch,
    Snapshot,
    SnapshotInfo,
    Split,
    compress,
)
from plclassroom.sync.reconcile import Iblt
from plclassroom.sync.rows import Digests, digest_of, synced_tables

KEEP_SECONDS = 7 * 24 * 3600  # an unused snapshot file goes after a week


def _scope_key(user: DistrictUser, scope: Scope) -> str:
    parts = [user.role, scope.person_id or "", *(sorted(x) if x is not None else ["*"] for x in (
        scope.classes, scope.students, scope.schools))]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:20]


def snapshot_for(uow: UnitOfWork, device: DistrictDevice, user: DistrictUser, folder: Path) -> SnapshotInfo:
    """The device's snapshot, built now unless the same scope at the same sequence was built before."""
    scope = scope_of(uow, user)
    log = DistrictChange.__table__
    seq = uow.session.execute(select(func.max(log.c.seq))).scalar() or 0
    snapshot_id = f"{_scope_key(user, scope)}-{seq}"
    path = folder / f"{snapshot_id}.snapshot"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        tidy(folder)
        changes = scope_changes(uow, scope, seq)
        data = compress(msgspec.msgpack.encode(Snapshot(seq, changes)))
        info = SnapshotInfo(snapshot_id, seq, len(data), hashlib.sha256(data).hexdigest(), len(changes),
                            SNAPSHOT_CHUNK)
        partial = path.with_suffix(f".{secrets.token_hex(6)}.part")  # two builds at once each write their own
        partial.write_bytes(data)
        (folder / f"{snapshot_id}.info").write_bytes(msgspec.msgpack.encode(info))
        os.replace(partial, path)  # last: a file under its name is whole, and its info is there
        return info
    return msgspec.msgpack.decode((folder / f"{snapshot_id}.info").read_bytes(), type=SnapshotInfo)


def scope_changes(uow: UnitOfWork, scope: Scope, seq: int) -> list[Change]:
    """Every row in ``scope`` as of ``seq``, whole, as changes a laptop applies: a snapshot's content."""
    return [_as_change(seq, name, row, "insert") for name, row in rows_in_scope(uow, scope, seq)]


def _as_change(seq: int, name: str, row: dict, op: str) -> Change:
    """A row of table ``name``, whole, as a change a laptop applies."""
    return Change(seq, name, row["id"], op, row["hlc"], row["device_id"],
                  {k: plain(v) for k, v in row.items() if k not in ("id", "hlc", "device_id")})


def rows_in_scope(uow: UnitOfWork, scope: Scope, seq: int):
    """(table, row) for every row the change log, up to ``seq``, puts in ``scope``: the rows a pull
    from 0 would bring, with the values that stand now."""
    log = DistrictChange.__table__
    query = select(log.c.table_name, log.c.row_id, log.c.class_id, log.c.student_id, log.c.private_to,
                   log.c.school_id).where(log.c.seq <= seq).order_by(log.c.seq)  # a row's owner: its latest entry's
    owned: dict[tuple[str, str], Owner] = {}
    for name, row_id, *owner in uow.session.execute(query):
        owned[(name, row_id)] = Owner(*owner)
    wanted: dict[str, list[str]] = {}
    for (name, row_id), owner in owned.items():
        if scope.allows(owner) is None:
            wanted.setdefault(name, []).append(row_id)
    for name, ids in wanted.items():
        yield from _rows(uow, name, ids)


def _rows(uow: UnitOfWork, name: str, ids: list[str]):
    """(table, row) for the rows of table ``name`` with these ids that exist (none of a table
    this server does not sync)."""
    if name not in synced_tables():
        return
    columns = synced_tables()[name].__table__
    for start in range(0, len(ids), 900):
        result = uow.session.execute(select(columns).where(columns.c.id.in_(ids[start:start + 900])))
        keys = list(result.keys())
        for row in result:  # zipped: a third faster than .mappings() over a whole scope
            yield name, dict(zip(keys, row, strict=True))


# Verified sync hashes each row of a scope once per change-log sequence: the digests of the last
# few (scope, sequence) asked are kept in memory, per database, with the sketches (IBLTs) of their
# tables built for laptops so far. Anything pushed moves the sequence (pushes take the change log's
# lock in turn), so an entry is never stale; an entry costs about 110 bytes a row (a sketch's cell
# about as much as two rows), and the oldest go beyond CACHE_ROWS rows in all.
CACHE_ROWS = 1_000_000
_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # engine -> {(scope key, seq): _Hashed}
_cache_lock = threading.Lock()


class _Hashed:
    """A scope's digests at one sequence, and its tables' sketches by (table, size)."""

    def __init__(self, digests: Digests, rows: int) -> None:
        self.digests = digests
        self.rows = rows  # what the entry costs, in rows
        self.sketches: dict[tuple[str, int], Iblt] = {}


def _scope(uow: UnitOfWork, user: DistrictUser) -> tuple[int, _Hashed]:
    """The change-log sequence now and the device's scope hashed at it."""
    scope = scope_of(uow, user)
    seq = uow.session.execute(select(func.max(DistrictChange.__table__.c.seq))).scalar() or 0
    key = (_scope_key(user, scope), seq)
    engine = uow.session.get_bind()
    with _cache_lock:
        entries = _cache.setdefault(engine, OrderedDict())
        if key in entries:
            entries.move_to_end(key)
            return seq, entries[key]
    by_table: dict[str, dict[str, bytes]] = {}
    for name, row in rows_in_scope(uow, scope, seq):
        by_table.setdefault(name, {})[row["id"]] = digest_of(name, row)
    digests = Digests()
    for name, rows in by_table.items():
        digests.put(name, rows)
    hashed = _Hashed(digests, sum(len(rows) for rows in by_table.values()))
    with _cache_lock:  # two requests that built the same entry at once: either will do
        entries[key] = hashed
        _evict(entries)
    return seq, hashed


def _evict(entries: OrderedDict) -> None:
    # (Under _cache_lock.)
    while len(entries) > 1 and sum(hashed.rows for hashed in entries.values()) > CACHE_ROWS:
        entries.popitem(last=False)


def _scope_digests(uow: UnitOfWork, user: DistrictUser) -> tuple[int, Digests]:
    """The change-log sequence now and the digests of the device's scope at it."""
    seq, hashed = _scope(uow, user)
    return seq, hashed.digests


def _sketch(uow: UnitOfWork, hashed: _Hashed, table: str, size: int) -> Iblt:
    """The district's sketch of a table of the scope, built once per size (the sizes are few:
    MIN_SKETCH_SIZE to MAX_SKETCH_SIZE, so asking again and again costs no more building)."""
    with _cache_lock:
        built = hashed.sketches.get((table, size))
    if built is None:
        built = Iblt.of(size, hashed.digests.entries(table))
        with _cache_lock:  # two requests that built the same sketch at once: the first stays
            if (table, size) in hashed.sketches:
                return hashed.sketches[(table, size)]
            hashed.sketches[(table, size)] = built
            hashed.rows += 2 * len(built.cells)
            _evict(_cache.get(uow.session.get_bind(), OrderedDict()))
    return built


def differences(uow: UnitOfWork, user: DistrictUser, asked: list[Bucket]) -> Differences:
    """The buckets asked about (with the laptop's figures) whose figures differ in the device's
    scope, each with its children's figures, so the laptop goes one level deeper per request."""
    seq, digests = _scope_digests(uow, user)
    splits = []
    for bucket in asked[:MAX_BUCKETS]:
        count, digest = digests.bucket(bucket.table, bucket.prefix)
        if (count, digest) == (bucket.count, bucket.digest):
            continue
        children = [digests.bucket(bucket.table, bucket.prefix + digit) for digit in CHILDREN] \
            if len(bucket.prefix) < MAX_PREFIX else []
        splits.append(Split(bucket.table, bucket.prefix, count, digest, [n for n, _d in children],
                            b"".join(d[:CHILD_DIGEST_BYTES] for _n, d in children)))
    return Differences(seq, splits)


def repair_rows(uow: UnitOfWork, user: DistrictUser, asked: list[RowDigests],
                sketches: list[Sketch] = ()) -> RepairRows:
    """The device's rows, whole, that it lacks or holds with other values (at most
    MAX_REPAIR_ROWS): in the buckets asked, those whose digests are not among the laptop's; in the
    tables sent as sketches, those the district's side of the difference names."""
    seq, hashed = _scope(uow, user)
    digests = hashed.digests
    wanted: dict[tuple[str, str], None] = {}  # (table, id), in the order found
    reconciled = []
    for sketch in _each_table_once(sketches[:MAX_SKETCHES]):
        peeled = Iblt.decode(sketch.size, sketch.cells).subtract(_sketch(uow, hashed, sketch.table, sketch.size)).peel()
        for key, value in peeled.theirs:  # the district's rows that differ; the laptop's only (``mine``) stay
            found = digests.find(sketch.table, key)
            if found is not None and int.from_bytes(found[1][:ROW_DIGEST_BYTES], "big") == value:
                wanted[(sketch.table, found[0])] = None
        reconciled.append(Reconciled(sketch.table, peeled.complete, peeled.entries))
    budget = MAX_ROW_DIGESTS + MAX_REPAIR_ROWS  # rows looked at: no scanning a whole table per bucket asked
    for bucket in asked[:MAX_BUCKETS]:
        budget -= digests.bucket(bucket.table, bucket.prefix)[0]
        if budget < 0 or len(wanted) >= MAX_REPAIR_ROWS:
            break
        have = {bucket.digests[i:i + ROW_DIGEST_BYTES] for i in range(0, len(bucket.digests), ROW_DIGEST_BYTES)}
        wanted.update(((bucket.table, row_id), None) for row_id, digest in digests.rows(bucket.table, bucket.prefix)
                      .items() if digest[:ROW_DIGEST_BYTES] not in have)
    by_table: dict[str, list[str]] = {}
    for table, row_id in list(wanted)[:MAX_REPAIR_ROWS]:
        by_table.setdefault(table, []).append(row_id)
    return RepairRows(seq, [_as_change(seq, name, row, "update")
                            for table, ids in by_table.items() for name, row in _rows(uow, table, ids)], reconciled)


def _each_table_once(sketches: list[Sketch]) -> list[Sketch]:
    """The sketches of synced tables, the first of each table only: however a request repeats a
    table, the district builds and peels it once."""
    seen: dict[str, Sketch] = {}
    for sketch in sketches:
        if sketch.table in synced_tables():
            seen.setdefault(sketch.table, sketch)
    return list(seen.values())


def folder_for(store) -> Path:
    """Where a server keeps its snapshot files: beside its SQLite file, or (PostgreSQL) in the
    user's cache folder, one per database."""
    if store.path is not None:
        return store.path.parent / f"{store.path.stem}-snapshots"
    import platformdirs

    url = store.engine.url
    return Path(platformdirs.user_cache_dir("plclassroom-server")) / f"snapshots-{url.host}-{url.port}-{url.database}"


def chunk(uow: UnitOfWork, user: DistrictUser, folder: Path, snapshot_id: str, offset: int) -> bytes | None:
    """Bytes of a snapshot from ``offset`` (at most a chunk), or None: no such snapshot for this
    user's scope (another scope's file is never served)."""
    if not snapshot_id.startswith(_scope_key(user, scope_of(uow, user)) + "-"):
        return None
    path = folder / f"{snapshot_id}.snapshot"
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        handle.seek(offset)
        return handle.read(SNAPSHOT_CHUNK)


def tidy(folder: Path) -> None:
    """Old snapshots and the leftovers of a build that died go, so the folder never only grows
    (at each build, and at each housekeeping run)."""
    if not folder.is_dir():
        return
    now = time.time()
    for path in folder.iterdir():
        age = now - path.stat().st_mtime
        if (path.suffix == ".part" and age > 3600) or age > KEEP_SECONDS:
            path.unlink(missing_ok=True)
