"""The device's scope as a whole, the district's side. A new laptop's first sync: every row in the
device's scope, whole, as of one change-log sequence, built once per scope and sequence into a
compressed file that the laptop downloads a chunk at a time; then it pulls from that sequence
like any laptop. And verified sync: digests of the scope by table and id prefix, so a laptop
finds where it differs and fetches only those rows.

The rows are the ones a pull from 0 would bring (the change log's rows in scope, with the values
that stand now), read in one transaction, so the file and its sequence agree.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import time
from pathlib import Path

import msgspec
from sqlalchemy import func, select

from plclassroom.services.district_sync import Owner, Scope, plain, scope_of
from plclassroom.store.district import DistrictChange, DistrictDevice, DistrictUser
from plclassroom.store.unit_of_work import UnitOfWork
from plclassroom.sync.protocol import (
    MAX_BUCKETS,
    MAX_REPAIR_ROWS,
    SNAPSHOT_CHUNK,
    Bucket,
    Change,
    Snapshot,
    SnapshotInfo,
    compress,
)
from plclassroom.sync.rows import combine, digest_of, synced_tables

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
        _tidy(folder)
        changes = [Change(seq, name, row["id"], "insert", row["hlc"], row["device_id"],
                          {k: plain(v) for k, v in row.items() if k not in ("id", "hlc", "device_id")})
                   for name, row in rows_in_scope(uow, scope, seq)]
        data = compress(msgspec.msgpack.encode(Snapshot(seq, changes)))
        info = SnapshotInfo(snapshot_id, seq, len(data), hashlib.sha256(data).hexdigest(), len(changes),
                            SNAPSHOT_CHUNK)
        partial = path.with_suffix(f".{secrets.token_hex(6)}.part")  # two builds at once each write their own
        partial.write_bytes(data)
        (folder / f"{snapshot_id}.info").write_bytes(msgspec.msgpack.encode(info))
        os.replace(partial, path)  # last: a file under its name is whole, and its info is there
        return info
    return msgspec.msgpack.decode((folder / f"{snapshot_id}.info").read_bytes(), type=SnapshotInfo)


def rows_in_scope(uow: UnitOfWork, scope: Scope, seq: int, table: str | None = None, prefix: str = ""):
    """(table, row) for every row the change log, up to ``seq``, puts in ``scope``: the rows a pull
    from 0 would bring, with the values that stand now (of one table, ids starting ``prefix``)."""
    log = DistrictChange.__table__
    query = select(log.c.table_name, log.c.row_id, log.c.class_id, log.c.student_id, log.c.private_to,
                   log.c.school_id).where(log.c.seq <= seq)
    if table is not None:
        query = query.where(log.c.table_name == table, log.c.row_id.startswith(prefix, autoescape=True))
    owned: dict[tuple[str, str], Owner] = {}
    for row in uow.session.execute(query):
        owned[(row.table_name, row.row_id)] = Owner(row.class_id, row.student_id, row.private_to, row.school_id)
    wanted: dict[str, list[str]] = {}
    for (name, row_id), owner in owned.items():
        if scope.allows(owner) is None:
            wanted.setdefault(name, []).append(row_id)
    tables = synced_tables()
    for name, ids in wanted.items():
        if name not in tables:
            continue
        columns = tables[name].__table__
        for start in range(0, len(ids), 900):
            for row in uow.session.execute(select(columns).where(columns.c.id.in_(ids[start:start + 900]))).mappings():
                yield name, dict(row)


def digests(uow: UnitOfWork, user: DistrictUser, buckets: list[Bucket]) -> list[Bucket]:
    """For each (table, id prefix) asked: how many rows of the device's scope are in it and the
    digest of their values (``sync.rows.row_digest``, combined by XOR, so order does not matter).
    Each table asked about is read once, whatever number of its buckets are asked."""
    scope = scope_of(uow, user)
    seq = uow.session.execute(select(func.max(DistrictChange.__table__.c.seq))).scalar() or 0
    buckets = buckets[:MAX_BUCKETS]
    by_table: dict[str, dict[str, bytes]] = {}
    for name in {bucket.table for bucket in buckets}:
        common = os.path.commonprefix([b.prefix for b in buckets if b.table == name])
        by_table[name] = {row["id"]: digest_of(name, row)
                          for _name, row in rows_in_scope(uow, scope, seq, name, common)}
    answers = []
    for bucket in buckets:
        found = [digest for row_id, digest in by_table[bucket.table].items() if row_id.startswith(bucket.prefix)]
        answers.append(Bucket(bucket.table, bucket.prefix, len(found), combine(found)))
    return answers


def bucket_rows(uow: UnitOfWork, user: DistrictUser, buckets: list[Bucket]) -> list[Change]:
    """The rows of the buckets whose digests differed, whole, to put right on a laptop."""
    scope = scope_of(uow, user)
    seq = uow.session.execute(select(func.max(DistrictChange.__table__.c.seq))).scalar() or 0
    changes: list[Change] = []
    for bucket in buckets[:MAX_BUCKETS]:
        changes += [Change(seq, name, row["id"], "update", row["hlc"], row["device_id"],
                           {k: plain(v) for k, v in row.items() if k not in ("id", "hlc", "device_id")})
                    for name, row in rows_in_scope(uow, scope, seq, bucket.table, bucket.prefix)]
        if len(changes) >= MAX_REPAIR_ROWS:
            break
    return changes[:MAX_REPAIR_ROWS]


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


def _tidy(folder: Path) -> None:
    """Old snapshots and the leftovers of a build that died go, so the folder never only grows."""
    now = time.time()
    for path in folder.iterdir():
        age = now - path.stat().st_mtime
        if (path.suffix == ".part" and age > 3600) or age > KEEP_SECONDS:
            path.unlink(missing_ok=True)
