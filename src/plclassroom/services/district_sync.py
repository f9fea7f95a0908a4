"""The district server's side of sync: take a device's pushed changes, merge them, number them,
and hand each device the changes in its scope.

Merge: every field keeps the clock of the change that last set it (``district_row_clock``); a
pushed field stands only when its (HLC, device) is newer, so two devices editing different fields
of one row both keep their work, and the newest edit of one field wins wherever it came from,
whatever order the pushes arrive in. A field that lost is sent back in the push response with
the value that stands (``superseded``), so the pushing laptop ends with what the district has.

Each accepted change is numbered (``district_change.seq``, only growing) with the class, the
student and, for a private note, the author it belongs to, so a pull is one indexed query.
A retried batch changes nothing: (device, device op sequence) is unique.

Scope: a teacher's device holds the teacher's classes and their students; an advisor's adds the
advisees; a school admin's the school; a district admin's everything; a private conference note
only its author. Curriculum rows (frameworks, scales, playlists) belong to no class or student
and go to everyone. A push outside its scope is refused per change, with the reason.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import NamedTuple

import orjson
from sqlalchemy import case, delete, func, insert, or_, select, true

from plclassroom.domain import LONG_TEXT, Enrollment, Person, SchoolClass, SyncConflict
from plclassroom.domain.base import SYNC_COLUMNS, new_id
from plclassroom.services import district_rollups
from plclassroom.services.district_housekeeping import check_cursor
from plclassroom.store.bulk import upsert
from plclassroom.store.capture import defaults
from plclassroom.store.district import (
    DistrictChange,
    DistrictDevice,
    DistrictUser,
    RowClock,
    lock_change_log,
)
from plclassroom.store.unit_of_work import UnitOfWork
from plclassroom.sync.protocol import (
    PAGE_CHANGES,
    PURGE,
    Change,
    PullResponse,
    PushRequest,
    PushResponse,
    Rejected,
)
from plclassroom.sync.rows import synced_tables, typed

PRIVATE = "private"
PUSHED_OPS = frozenset({"insert", "update", "delete"})
# Rows that hang off a conference share its privacy.
CONFERENCE_CHILDREN = {"conference_goal", "next_step"}
# A school's own rows (its settings, its teams' data meetings): its staff's, not the whole district's.
SCHOOL_OWNED = {"school_setting", "data_meeting"}


def server_time_ms() -> int:
    return int(time.time() * 1000)


# -- scope ------------------------------------------------------------------------------------------


class Owner(NamedTuple):
    """Whose data a row is: the scope columns of its changes in the log."""

    class_id: str | None = None
    student_id: str | None = None
    private_to: str | None = None  # a private note: its author only
    school_id: str | None = None  # staff and families: the people of a school


@dataclass(frozen=True)
class Scope:
    person_id: str | None
    classes: frozenset[str] | None  # None: every class
    students: frozenset[str] | None  # None: every student
    schools: frozenset[str] | None = None  # None: every school
    everything: bool = False  # the server itself: private notes too

    def allows(self, owner: Owner) -> str | None:
        """None when the row is in scope, else why not (plain words, no names)."""
        if self.everything:
            return None
        if owner.private_to is not None and owner.private_to != self.person_id:
            return "a private note can only be changed by its author"
        if owner.student_id is not None:
            if self.students is not None and owner.student_id not in self.students \
                    and owner.student_id != self.person_id:
                return "the student is not one of yours"
        elif owner.class_id is not None:
            if self.classes is not None and owner.class_id not in self.classes:
                return "the class is not one of yours"
        elif owner.school_id is not None and self.schools is not None and owner.school_id not in self.schools:
            return "the school is not yours"
        return None


def scope_of(uow: UnitOfWork, user: DistrictUser) -> Scope:
    if user.role == "district_admin":
        return Scope(user.person_id, None, None)
    session = uow.session
    if user.role == "school_admin":
        classes = set(session.execute(select(SchoolClass.id).where(SchoolClass.school_id == user.school_id)).scalars())
        students = set(session.execute(select(Person.id).where(Person.school_id == user.school_id)).scalars())
        return Scope(user.person_id, frozenset(classes), frozenset(students), frozenset({user.school_id}))
    classes = set(session.execute(select(Enrollment.class_id).where(
        Enrollment.person_id == user.person_id, Enrollment.role != "student",
        Enrollment.deleted.is_(False))).scalars())
    students = set()
    if user.role == "advisor":
        from plclassroom.domain import AdvisorAssignment

        students |= set(session.execute(select(AdvisorAssignment.student_id).where(
            AdvisorAssignment.advisor_id == user.person_id, AdvisorAssignment.deleted.is_(False))).scalars())
    if classes:
        students |= set(session.execute(select(Enrollment.person_id).where(
            Enrollment.class_id.in_(classes), Enrollment.role == "student", Enrollment.deleted.is_(False))).scalars())
    # The class-level rows (playlists, groups, plans) of every class their students are in: a
    # student's progress or group seat points at them. Not those classes' other students.
    if students:
        classes |= set(session.execute(select(Enrollment.class_id).where(
            Enrollment.person_id.in_(students), Enrollment.role == "student", Enrollment.deleted.is_(False))).scalars())
    # The staff and families of the schools they teach in (names on evidence and notes, guardians).
    schools = set(session.execute(select(SchoolClass.school_id).where(SchoolClass.id.in_(classes))).scalars())
    schools |= set(session.execute(select(Person.school_id).where(
        Person.id.in_([user.person_id or "", *students]))).scalars())
    schools.discard(None)
    return Scope(user.person_id, frozenset(classes), frozenset(students), frozenset(schools))


def _owner(batch: _Batch, table: str, row_id: str, row: dict, depth: int = 0) -> Owner:
    """Whose data a row is, from its values after the change. A row with no class or student of
    its own (a playlist's item, a conference's goal) is its parent's."""
    class_id = row.get("class_id")
    student_id = row.get("student_id")
    school_id = None
    if table == "person":
        # A student's row is theirs; the staff and the families are the school's.
        student_id, school_id = (row_id, None) if row.get("role") == "student" else (None, row.get("school_id"))
    elif table == "enrollment":
        student_id = row.get("person_id") if row.get("role", "student") == "student" else None
    elif table in SCHOOL_OWNED:
        school_id = row.get("school_id")
    private_to = None
    if table == "conference" and row.get("privacy") == PRIVATE:
        private_to = row.get("author_id")
    elif table in CONFERENCE_CHILDREN and row.get("conference_id"):
        parent = batch.row("conference", row["conference_id"])
        if parent is not None and parent.get("privacy") == PRIVATE:
            private_to = parent.get("author_id")
    if class_id is None and student_id is None and school_id is None and depth < 3:
        for column, parent_table in _parents(table):
            parent = batch.row(parent_table, row[column]) if row.get(column) else None
            if parent is not None:
                inherited = _owner(batch, parent_table, row[column], parent, depth + 1)
                if inherited != Owner():
                    return inherited._replace(private_to=private_to or inherited.private_to)
    return Owner(class_id, student_id, private_to, school_id)


@cache
def _parents(table: str) -> tuple[tuple[str, str], ...]:
    """The references a row with no class or student of its own belongs to someone through."""
    tables = synced_tables()
    columns = tables[table].__table__.columns
    return tuple((column.key, key.column.table.name) for column in columns for key in column.foreign_keys
                 if key.column.table.name in tables and key.column.table.name not in (table, "person"))


def _in_scope(scope: Scope, log) -> list:
    """``Scope.allows`` as SQL conditions on the change log (the same rules, in the same order)."""
    if scope.everything:
        return []
    private = or_(log.c.private_to.is_(None), log.c.private_to == scope.person_id) \
        if scope.person_id else log.c.private_to.is_(None)
    student = true() if scope.students is None else or_(
        log.c.student_id.in_(sorted(scope.students)), log.c.student_id == (scope.person_id or ""))
    klass = true() if scope.classes is None else log.c.class_id.in_(sorted(scope.classes))
    school = true() if scope.schools is None else or_(log.c.school_id.is_(None),
                                                      log.c.school_id.in_(sorted(scope.schools)))
    return [private, case((log.c.student_id.is_not(None), student),
                          (log.c.class_id.is_not(None), klass), else_=school)]


# -- push ---------------------------------------------------------------------------------------------


def _current_rows(uow: UnitOfWork, wanted: dict[str, set[str]]) -> dict[tuple[str, str], dict]:
    """The rows as they stand, a query per table (not per row)."""
    found = {}
    for name, ids in wanted.items():
        table = synced_tables()[name].__table__
        for part in _chunks(sorted(ids)):
            for row in uow.session.execute(select(table).where(table.c.id.in_(part))).mappings():
                found[(name, row["id"])] = dict(row)
    return found


def _chunks(values: list, size: int = 900):
    for start in range(0, len(values), size):
        yield values[start:start + size]


class _Batch:
    """What one push reads once and writes once at the end: the rows it touches (as they stand
    after each change), their field clocks, which referenced rows exist, and the numbered changes.
    Plain SQL, one statement per table: no ORM object and no round trip per change.
    Numbers are taken from the highest so far: one push at a time holds the change log (``push``)."""

    def __init__(self, uow: UnitOfWork, changes: list[Change]) -> None:
        self.connection = uow.session.connection()
        tables = synced_tables()
        self.rows: dict[tuple[str, str], dict | None] = {}
        by_table: dict[str, set[str]] = {}
        for change in changes:
            if change.table in tables:
                by_table.setdefault(change.table, set()).add(change.row)
        for name, ids in by_table.items():
            table = tables[name].__table__
            for part in _chunks(sorted(ids)):
                for row in self.connection.execute(select(table).where(table.c.id.in_(part))).mappings():
                    self.rows[(name, row["id"])] = dict(row)
        self.dirty: set[tuple[str, str]] = set()  # rows to write at the end
        self.clocks: dict[tuple[str, str], dict[str, list]] = {}
        self.dirty_clocks: set[tuple[str, str]] = set()
        clock_table = RowClock.__table__
        for part in _chunks(sorted({c.row for c in changes})):
            for clock in self.connection.execute(select(clock_table).where(clock_table.c.row_id.in_(part))):
                self.clocks[(clock.table_name, clock.row_id)] = dict(clock.fields)
        self.existing: dict[str, set[str]] = {}  # a referenced table -> its ids known to exist
        wanted: dict[str, set[str]] = {}
        for change in changes:
            if change.table not in tables:
                continue
            columns = tables[change.table].__table__.columns
            for name, value in change.fields.items():
                if value is not None and name in columns:
                    for key in columns[name].foreign_keys:
                        wanted.setdefault(key.column.table.name, set()).add(value)
        for name, ids in wanted.items():
            table = DistrictChange.metadata.tables[name]
            found = self.existing.setdefault(name, set())
            for part in _chunks(sorted(ids)):
                found.update(self.connection.execute(select(table.c.id).where(table.c.id.in_(part))).scalars())
        top = self.connection.execute(select(func.max(DistrictChange.__table__.c.seq))).scalar()
        self.next_seq = (top or 0) + 1
        self.logged: list[dict] = []

    def before(self, table: str, row_id: str) -> dict | None:
        return self.rows.get((table, row_id))

    def write(self, table: str, row: dict) -> None:
        """``row`` (whole) stands now; it is written with the rest at the end."""
        self.rows[(table, row["id"])] = row
        self.dirty.add((table, row["id"]))
        self.existing.setdefault(table, set()).add(row["id"])

    def set_clock(self, table: str, row_id: str, field: str, clock: list) -> None:
        self.clocks.setdefault((table, row_id), {})[field] = clock
        self.dirty_clocks.add((table, row_id))

    def row(self, table: str, row_id: str) -> dict | None:
        """A row as it stands in this batch (read once): the parent a child's owner comes from."""
        key = (table, row_id)
        if key not in self.rows:
            cls = synced_tables()[table]
            found = self.connection.execute(select(cls.__table__).where(cls.__table__.c.id == row_id)).mappings().first()
            self.rows[key] = dict(found) if found is not None else None
        return self.rows[key]

    def missing_reference(self, table: str, fields: dict) -> str | None:
        """Why a change cannot stand: it points at a row the district does not have."""
        columns = synced_tables()[table].__table__.columns
        for name, value in fields.items():
            if value is None or name not in columns:
                continue
            for key in columns[name].foreign_keys:
                if value not in self.existing.get(key.column.table.name, set()):
                    return f"it refers to a {key.column.table.name.replace('_', ' ')} the district does not have"
        return None

    def log(self, **values) -> int:
        seq = self.next_seq
        self.next_seq += 1
        self.logged.append({"seq": seq, **values})
        return seq

    def finish(self) -> None:
        tables = synced_tables()
        by_table: dict[str, list[dict]] = {}
        for table, row_id in sorted(self.dirty):
            by_table.setdefault(table, []).append(self.rows[(table, row_id)])
        for table, rows in by_table.items():
            upsert(self.connection, tables[table].__table__, rows, ["id"])
        if self.logged:
            self.connection.execute(insert(DistrictChange.__table__), self.logged)
        clocks = [{"table_name": table, "row_id": row_id, "fields": self.clocks[(table, row_id)]}
                  for table, row_id in sorted(self.dirty_clocks)]
        upsert(self.connection, RowClock.__table__, clocks, ["table_name", "row_id"])


def note_pending(device: DistrictDevice, pending: int | None) -> None:
    """Keep what the device says it still holds unsent (sync health); None: it did not say."""
    if pending is not None:
        device.pending_changes = pending
        device.pending_reported_at = datetime.now(UTC)


def push(uow: UnitOfWork, device: DistrictDevice, user: DistrictUser, request: PushRequest) -> PushResponse:
    """Merge a device's batch, in order, in one transaction; a change is accepted, or refused with
    a reason."""
    reply, new = merge(uow, device.id, scope_of(uow, user), request)
    device.last_sync_at = datetime.now(UTC)
    device.pulled_seq = max(device.pulled_seq, request.cursor)  # what it holds, for housekeeping
    device.changes_pushed += new  # not a retried batch, not a refusal
    device.changes_refused += len(reply.rejected)  # sync health, for the dashboard
    note_pending(device, request.pending)
    uow.session.add(device)
    uow.commit()
    return reply


def publish_local_changes(uow: UnitOfWork, limit: int = 5000) -> int:
    """The server's own edits (a roster imported here, a demo school) into the change log, so the
    laptops pull them like any device's; at most ``limit`` outbox entries, committed. Returns how
    many were published (0: nothing left). A crash in between publishes nothing twice: the
    server's outbox entries are keyed like a device's (its device id, the entry's sequence)."""
    from plclassroom.store.outbox import OutboxEntry

    entries = list(uow.session.execute(select(OutboxEntry).order_by(OutboxEntry.seq).limit(limit)).scalars())
    if not entries:
        return 0
    device_id = uow.session.info["capture"].device_id
    changes = [Change(e.seq, e.table_name, e.row_id, e.op, e.hlc, device_id, orjson.loads(e.fields))
               for e in entries]
    top = uow.session.execute(select(func.max(DistrictChange.seq))).scalar() or 0
    # The server has seen every change it holds: none of its own edits is concurrent with them.
    reply, _new = merge(uow, device_id, Scope(None, None, None, everything=True),
                        PushRequest(device_id, changes, cursor=top))
    if reply.rejected:  # the server's own rows: a refusal is a bug, not a user's mistake to keep
        raise ValueError(f"the server refused {len(reply.rejected)} of its own changes: {reply.rejected[0].reason}")
    uow.session.execute(delete(OutboxEntry).where(OutboxEntry.seq.in_([e.seq for e in entries])))
    uow.commit()
    return len(entries)


def merge(uow: UnitOfWork, device_id: str, scope: Scope, request: PushRequest) -> tuple[PushResponse, int]:
    """Merge ``request``'s changes, pushed by ``device_id`` and checked against ``scope``; the
    caller commits. Returns the answer and how many changes were new here (not seen before)."""
    tables = synced_tables()
    session = uow.session
    accepted: list[int] = []
    rejected: list[Rejected] = []
    superseded: list[Change] = []
    lost_fields: dict[tuple[str, str], set[str]] = {}
    lock_change_log(session.connection())  # before the retry check: two copies of one batch wait in turn
    seen = set(session.execute(select(DistrictChange.device_seq).where(
        DistrictChange.device_id == device_id,
        DistrictChange.device_seq.in_([c.seq for c in request.changes]))).scalars())
    batch = _Batch(uow, request.changes)  # a retried change's row clocks too: what stands is sent back
    now = datetime.now(UTC)
    for change in request.changes:
        if change.seq in seen:
            accepted.append(change.seq)  # a retried batch: already here, nothing to merge again ...
            # ... but the laptop may not have had the first answer: say again what stands where it lost.
            clocks = batch.clocks.get((change.table, change.row), {})
            lost = [k for k in change.fields if k in clocks and k not in SYNC_COLUMNS
                    and (clocks[k][0], clocks[k][1]) != (change.hlc, change.device)]
            if lost:
                lost_fields.setdefault((change.table, change.row), set()).update(lost)
            continue
        if change.table not in tables:
            rejected.append(Rejected(change.seq, f"the district does not keep {change.table!r}"))
            continue
        if change.op not in PUSHED_OPS:  # a purge is the district's alone to make (housekeeping)
            rejected.append(Rejected(change.seq, f"Refused: {change.op!r} is not a change a laptop can send."))
            continue
        cls = tables[change.table]
        fields = typed(change.table, {k: v for k, v in change.fields.items() if k not in SYNC_COLUMNS})
        before = batch.before(change.table, change.row)
        merged = {**(before or {}), **fields}
        reason = scope.allows(_owner(batch, change.table, change.row, before)) if before else None
        reason = reason or scope.allows(_owner(batch, change.table, change.row, merged))
        reason = reason or batch.missing_reference(change.table, fields)
        if before is None and reason is None:
            required = [c.key for c in cls.__table__.columns if not c.nullable and c.default is None
                        and c.server_default is None and c.key not in SYNC_COLUMNS and c.key not in fields]
            if required:
                reason = f"it is new here but has no {', '.join(required)}"
        if reason:
            rejected.append(Rejected(change.seq, f"Refused: {reason}."))
            continue
        clocks = batch.clocks.get((change.table, change.row), {})
        stamp = (change.hlc, change.device)
        won = {k: v for k, v in fields.items() if k not in clocks or stamp > (clocks[k][0], clocks[k][1])}
        lost = [k for k in fields if k not in won]
        conflicts = _concurrent_texts(change, request.cursor, fields, won, before or {}, clocks)
        if before is None:
            before = {**defaults(cls), **won, "id": change.row, "hlc": change.hlc, "device_id": change.device}
            batch.write(change.table, before)
        elif won:
            before.update(won)
            if change.hlc > before["hlc"]:
                before.update(hlc=change.hlc, device_id=change.device)
            batch.write(change.table, before)
        owner = _owner(batch, change.table, change.row, before)
        seq = batch.log(device_id=device_id, device_seq=change.seq, table_name=change.table, row_id=change.row,
                        op=change.op, hlc=change.hlc, origin_device=change.device,
                        fields={k: change.fields[k] for k in won}, **owner._asdict(), received_at=now)
        for name in won:
            batch.set_clock(change.table, change.row, name, [change.hlc, change.device, seq])
        for conflict in conflicts:
            _keep_conflict(uow, batch, conflict, owner, now)
        accepted.append(change.seq)
        if lost:
            lost_fields.setdefault((change.table, change.row), set()).update(lost)
    batch.finish()
    # The dashboard's roll-ups move with the rows, in this same transaction (see district_rollups).
    district_rollups.changes_applied(uow, {key: batch.rows[key] for key in batch.dirty})
    # What stands after the whole batch, for the fields where one of the device's changes lost
    # (a later change of the same batch may have won them back: those are left out).
    for (table, row_id), names in lost_fields.items():
        clocks = batch.clocks[(table, row_id)]
        standing = [name for name in names if clocks[name][1] != device_id]
        if standing:
            current = batch.before(table, row_id) or {}
            winner = max((clocks[name][0], clocks[name][1]) for name in standing)
            superseded.append(Change(0, table, row_id, "update", winner[0], winner[1],
                                     {name: plain(current.get(name)) for name in standing}))
    return PushResponse(accepted, rejected, superseded, server_time_ms(), batch.next_seq - 1), len(accepted) - len(seen)


def _concurrent_texts(change: Change, cursor: int, fields: dict, won: dict, before: dict,
                      clocks: dict[str, list]) -> list[dict]:
    """Long texts this change and another device changed without seeing each other's change: the
    version that stands and the other one, both kept."""
    found = []
    for name, value in fields.items():
        clock = clocks.get(name)
        if (change.table, name) not in LONG_TEXT or clock is None:
            continue
        clock_hlc, clock_device, clock_seq = clock
        if clock_device == change.device or clock_seq <= cursor:
            continue  # the same device, or the device had pulled the other change before it wrote
        if name in won:
            kept, other, other_device, other_hlc = value, before.get(name), clock_device, clock_hlc
        else:
            kept, other, other_device, other_hlc = before.get(name), value, change.device, change.hlc
        if (kept or "") != (other or ""):
            found.append({"table_name": change.table, "row_id": change.row, "field": name, "kept": kept or "",
                          "other": other or "", "other_device": other_device, "other_hlc": other_hlc})
    return found


def _keep_conflict(uow: UnitOfWork, batch: _Batch, values: dict, owner: Owner, now) -> None:
    """A conflict row made by the district, logged like any change so it reaches the devices in scope."""
    capture = uow.session.info["capture"]
    stamp = capture.stamp()
    row = {**defaults(SyncConflict), **values, "id": new_id(), "hlc": stamp, "device_id": capture.device_id,
           "student_id": owner.student_id, "resolved": False, "deleted": False}
    batch.write(SyncConflict.__tablename__, row)
    fields = {k: v for k, v in row.items() if k not in SYNC_COLUMNS}
    seq = batch.log(device_id=capture.device_id, device_seq=stamp, table_name=SyncConflict.__tablename__,
                    row_id=row["id"], op="insert", hlc=stamp, origin_device=capture.device_id, fields=fields,
                    **owner._asdict(), received_at=now)
    for name in fields:  # its clocks, like any row's: a pull sends it as logged, with no lookup
        batch.set_clock(SyncConflict.__tablename__, row["id"], name, [stamp, capture.device_id, seq])


def plain(value):
    """A column value as the outbox would carry it (dates as ISO text)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


# -- pull ---------------------------------------------------------------------------------------------


def pull(uow: UnitOfWork, device: DistrictDevice, user: DistrictUser, since: int,
         limit: int = PAGE_CHANGES, pending: int | None = None) -> PullResponse:
    """The changes after ``since`` in the device's scope, oldest first, leaving out its own.
    LeftBehind when ``since`` is before the last compaction: the device needs a fresh snapshot."""
    limit = max(1, min(limit, PAGE_CHANGES))
    check_cursor(uow, since)
    scope = scope_of(uow, user)
    log = DistrictChange.__table__
    # The newest change now: with no more in scope, the cursor moves past the rest, out of scope.
    top = uow.session.execute(select(func.max(log.c.seq))).scalar() or since
    # Plain rows (Core), not ORM objects: a page is thousands of them. The scope is filtered in SQL,
    # so a teacher's pull never pages through the rest of the district's changes.
    rows = uow.session.execute(select(log).where(log.c.seq > since, log.c.device_id != device.id,  # its own: it has them
                                                 *_in_scope(scope, log)).order_by(log.c.seq).limit(limit)).all()
    mine = [row for row in rows
            if scope.allows(Owner(row.class_id, row.student_id, row.private_to, row.school_id)) is None]
    # Only the values that still stand: a field set here and overwritten by a later change travels
    # with the later one, so a laptop never applies a value older than one it already holds.
    clocks: dict[tuple[str, str], dict[str, list]] = {}
    clock_table = RowClock.__table__
    for part in _chunks(list({row.row_id for row in mine})):
        for table, row_id, fields in uow.session.execute(select(
                clock_table.c.table_name, clock_table.c.row_id, clock_table.c.fields).where(
                clock_table.c.row_id.in_(part))):
            clocks[(table, row_id)] = fields
    standing = []
    whole: dict[str, set[str]] = {}  # new rows some of whose values were overwritten since: sent as they stand
    for row in mine:
        clock = clocks.get((row.table_name, row.row_id), {})
        fields = {k: v for k, v in row.fields.items()
                  if (stamp := clock.get(k)) is not None and stamp[0] == row.hlc and stamp[1] == row.origin_device}
        if row.op == "insert" and len(fields) < len(row.fields):
            whole.setdefault(row.table_name, set()).add(row.row_id)
        standing.append((row, fields))
    current = _current_rows(uow, whole)
    changes = []
    for row, fields in standing:
        if row.row_id in whole.get(row.table_name, ()):
            # A laptop that never had the row needs all of it: the values that stand now.
            now = current.get((row.table_name, row.row_id), {})
            fields = {k: plain(now.get(k)) for k in row.fields}
        if fields or row.op == PURGE:
            changes.append(Change(row.seq, row.table_name, row.row_id, row.op, row.hlc, row.origin_device, fields))
    has_more = len(rows) == limit
    following = rows[-1].seq if has_more else max(top, since, rows[-1].seq if rows else 0)
    device.last_sync_at = datetime.now(UTC)
    device.pulled_seq = max(device.pulled_seq, since)  # it asks from here: it holds everything before
    note_pending(device, pending)
    uow.session.add(device)
    uow.commit()
    return PullResponse(changes, following, has_more, server_time_ms())
