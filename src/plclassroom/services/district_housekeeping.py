"""Housekeeping on the district server: the change log and the tombstones shrink once every device
that counts has them, so a district that syncs for years does not keep every edit ever made.

Compaction goes up to the lowest sequence the counted devices hold everything up to
(``district_device.pulled_seq``: a device shows what it holds by asking from there, so a pull is
confirmed by the device's next request). Up to there:

- each row keeps only its latest log entry (it says whose the row is, for snapshots and
  verification); the older ones only served pulls that no counted device will make again;
- a tombstone (a row marked deleted) that nothing refers to is removed, with its clocks and log
  entries, and a ``purge`` change is logged in their place, so the laptops in its scope remove
  their copy too. A purge entry itself goes at a later compaction, once every device has it.

A revoked device never counts. A device that has been silent for long holds compaction back until
the admin decides to leave it behind (``plclassroom-server compact --silent-days N`` or
``--leave-behind DEVICE``). Nothing is lost by that: when it comes back, its outbox is pushed as
always, then its pull is answered "left behind" (``LeftBehind``) and it takes a fresh snapshot of
its scope, as a new laptop does.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, insert, select

from plclassroom.store.district import (
    DistrictChange,
    DistrictCompaction,
    DistrictDevice,
    DistrictUser,
    RowClock,
    lock_change_log,
)
from plclassroom.store.purge import purge_unreferenced
from plclassroom.store.unit_of_work import UnitOfWork
from plclassroom.sync.protocol import PURGE
from plclassroom.sync.rows import synced_tables


class LeftBehind(Exception):
    """A device asked for changes from before the last compaction: it needs a fresh snapshot."""

    def __init__(self, since: int, compacted: int) -> None:
        super().__init__(f"since {since} is before compaction point {compacted}")
        self.since = since
        self.compacted = compacted


@dataclass(frozen=True)
class Holder:
    """An active device and how far compaction could go if it did not count."""

    device_id: str
    name: str
    user: str
    pulled_seq: int
    last_sync_at: datetime | None
    left_behind: bool  # not counted in this run (the admin's choice)


@dataclass
class Compacted:
    up_to_seq: int
    log_removed: int = 0
    rows_purged: int = 0
    log_entries: int = 0  # in the change log after the run
    top_seq: int = 0  # the newest change: how far compaction could go with every device current
    devices: list[Holder] = field(default_factory=list)

    @property
    def waiting_for(self) -> list[Holder]:
        """The counted devices that hold compaction below the newest change, slowest first."""
        return sorted((d for d in self.devices if not d.left_behind and d.pulled_seq < self.top_seq),
                      key=lambda d: d.pulled_seq)


def compacted_up_to(uow: UnitOfWork) -> int:
    """The last compaction's point (0: never compacted): a pull must start at or after it."""
    return uow.session.execute(select(func.max(DistrictCompaction.up_to_seq))).scalar() or 0


def check_cursor(uow: UnitOfWork, since: int) -> None:
    """LeftBehind when ``since`` is below the compaction point: the entries in between are gone."""
    compacted = compacted_up_to(uow)
    if since < compacted:
        raise LeftBehind(since, compacted)


def _utc(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def compact(uow: UnitOfWork, leave_behind: Collection[str] = (), silent_for: timedelta | None = None,
            now: datetime | None = None) -> Compacted:
    """One compaction, in one transaction (committed). ``leave_behind``: device ids not to wait
    for; ``silent_for``: nor for a device that has not synced for that long."""
    session = uow.session
    connection = session.connection()
    lock_change_log(connection)  # no push numbers changes while the log is rewritten
    now = now or datetime.now(UTC)
    log = DistrictChange.__table__
    top = session.execute(select(func.max(log.c.seq))).scalar() or 0
    devices = []
    for device, user in session.execute(select(DistrictDevice, DistrictUser).join(
            DistrictUser, DistrictUser.id == DistrictDevice.user_id).where(DistrictDevice.revoked_at.is_(None))):
        seen = _utc(device.last_sync_at or device.created_at)
        behind = device.id in leave_behind or (silent_for is not None and seen < now - silent_for)
        devices.append(Holder(device.id, device.name, user.name, device.pulled_seq,
                              _utc(device.last_sync_at), behind))
    counted = [d.pulled_seq for d in devices if not d.left_behind]
    up_to = min([top, *counted])
    before = compacted_up_to(uow)
    done = Compacted(max(up_to, before), top_seq=top, devices=devices)
    if up_to > before:
        done.rows_purged, removed = _purge_tombstones(uow, up_to, top)
        # Each row's latest entry stays (whose the row is); older ones and old purges go.
        latest = select(func.max(log.c.seq)).group_by(log.c.table_name, log.c.row_id)
        removed += session.execute(delete(log).where(log.c.seq <= up_to, log.c.seq.not_in(latest))).rowcount
        removed += session.execute(delete(log).where(log.c.seq <= up_to, log.c.op == PURGE)).rowcount
        done.log_removed = removed
        session.add(DistrictCompaction(up_to_seq=up_to, log_removed=removed, rows_purged=done.rows_purged,
                                       left_behind=sum(d.left_behind for d in devices), compacted_at=now))
    done.log_entries = session.execute(select(func.count()).select_from(log)).scalar() or 0
    uow.commit()
    return done


def _purge_tombstones(uow: UnitOfWork, up_to: int, top: int) -> tuple[int, int]:
    """Remove the tombstones whose every change is at or before ``up_to`` and that nothing refers
    to; log a purge for each after ``top`` (the newest change: no device holds a cursor past it).
    Children first, so a deleted playlist's deleted items do not keep it.
    Returns (rows purged, log entries removed)."""
    session = uow.session
    connection = session.connection()
    log = DistrictChange.__table__
    clocks = RowClock.__table__
    capture = session.info["capture"]
    tables = synced_tables()
    order = [t for t in reversed(DistrictChange.metadata.sorted_tables) if t.name in tables]
    purged = removed = 0
    for table in order:
        settled = (select(log.c.row_id).where(log.c.table_name == table.name)
                   .group_by(log.c.row_id).having(func.max(log.c.seq) <= up_to))
        candidates = session.execute(select(table.c.id).where(table.c.deleted.is_(True),
                                                              table.c.id.in_(settled))).scalars().all()
        gone = purge_unreferenced(connection, table, candidates)
        for start in range(0, len(gone), 500):
            part = gone[start:start + 500]
            owners = {}
            for row in session.execute(select(log).where(log.c.table_name == table.name, log.c.row_id.in_(part))
                                       .order_by(log.c.seq)):
                owners[row.row_id] = row  # the latest entry: whose the row was
            entries = []
            for row_id in part:
                stamp = capture.stamp()
                last = owners[row_id]
                entries.append({"device_id": capture.device_id, "device_seq": stamp, "table_name": table.name,
                                "row_id": row_id, "op": PURGE, "hlc": stamp, "origin_device": capture.device_id,
                                "fields": {}, "class_id": last.class_id, "student_id": last.student_id,
                                "private_to": last.private_to, "school_id": last.school_id,
                                "received_at": datetime.now(UTC)})
            removed += session.execute(delete(log).where(log.c.table_name == table.name,
                                                         log.c.row_id.in_(part))).rowcount
            session.execute(delete(clocks).where(clocks.c.table_name == table.name, clocks.c.row_id.in_(part)))
            for entry in entries:
                top += 1
                entry["seq"] = top
            session.execute(insert(log), entries)
        purged += len(gone)
    return purged, removed


