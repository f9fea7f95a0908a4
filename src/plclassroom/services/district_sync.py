"""The district server's side of sync: take a device's pushed changes, merge them, number them,
and hand each device the changes in its scope.

Merge: every field keeps the clock of the change that last set it (``district_field_clock``); a
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

from sqlalchemy import insert, select, update

from plclassroom.domain import LONG_TEXT, Conference, Enrollment, Person, SchoolClass, SyncConflict
from plclassroom.domain.base import SYNC_COLUMNS, new_id
from plclassroom.store.capture import defaults
from plclassroom.store.district import DistrictChange, DistrictDevice, DistrictUser, FieldClock
from plclassroom.store.unit_of_work import UnitOfWork
from plclassroom.sync.protocol import PAGE_CHANGES, Change, PullResponse, PushRequest, PushResponse, Rejected
from plclassroom.sync.rows import synced_tables, typed

PRIVATE = "private"
# Rows that hang off a conference share its privacy.
CONFERENCE_CHILDREN = {"conference_goal", "next_step"}


def server_time_ms() -> int:
    return int(time.time() * 1000)


# -- scope ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    person_id: str | None
    classes: frozenset[str] | None  # None: every class
    students: frozenset[str] | None  # None: every student

    def allows(self, class_id: str | None, student_id: str | None, private_to: str | None) -> str | None:
        """None when the row is in scope, else why not (plain words, no names)."""
        if private_to is not None and private_to != self.person_id:
            return "a private note can only be changed by its author"
        if student_id is not None:
            if self.students is not None and student_id not in self.students and student_id != self.person_id:
                return "the student is not one of yours"
        elif class_id is not None and self.classes is not None and class_id not in self.classes:
            return "the class is not one of yours"
        return None


def scope_of(uow: UnitOfWork, user: DistrictUser) -> Scope:
    if user.role == "district_admin":
        return Scope(user.person_id, None, None)
    session = uow.session
    if user.role == "school_admin":
        classes = set(session.execute(select(SchoolClass.id).where(SchoolClass.school_id == user.school_id)).scalars())
        students = set(session.execute(select(Person.id).where(Person.school_id == user.school_id)).scalars())
    else:
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
    return Scope(user.person_id, frozenset(classes), frozenset(students))


def _owner(uow: UnitOfWork, table: str, row_id: str, row: dict) -> tuple[str | None, str | None, str | None]:
    """(class, student, private author) a row belongs to, from its values after the change."""
    class_id = row.get("class_id")
    student_id = row.get("student_id")
    if table == "person":
        student_id = row_id
    elif table == "enrollment":
        student_id = row.get("person_id") if row.get("role", "student") == "student" else None
    private_to = None
    if table == "conference" and row.get("privacy") == PRIVATE:
        private_to = row.get("author_id")
    elif table in CONFERENCE_CHILDREN and row.get("conference_id"):
        parent = uow.session.execute(select(Conference.privacy, Conference.author_id).where(
            Conference.id == row["conference_id"])).first()
        if parent is not None and parent.privacy == PRIVATE:
            private_to = parent.author_id
    return class_id, student_id, private_to


# -- push ---------------------------------------------------------------------------------------------


def _current(uow: UnitOfWork, table: str, row_id: str) -> dict | None:
    cls = synced_tables()[table]
    found = uow.session.execute(select(cls.__table__).where(cls.__table__.c.id == row_id)).mappings().first()
    return dict(found) if found is not None else None


def _missing_reference(uow: UnitOfWork, table: str, fields: dict) -> str | None:
    """Why a change cannot stand: it points at a row the district does not have."""
    columns = synced_tables()[table].__table__.columns
    for name, value in fields.items():
        if value is None or name not in columns:
            continue
        for key in columns[name].foreign_keys:
            target = key.column.table
            if uow.session.execute(select(target.c.id).where(target.c.id == value)).first() is None:
                return f"it refers to a {target.name.replace('_', ' ')} the district does not have"
    return None


def push(uow: UnitOfWork, device: DistrictDevice, user: DistrictUser, request: PushRequest) -> PushResponse:
    """Merge a batch, in order, in one transaction; a change is accepted, or refused with a reason."""
    tables = synced_tables()
    scope = scope_of(uow, user)
    session = uow.session
    accepted: list[int] = []
    rejected: list[Rejected] = []
    superseded: list[Change] = []
    lost_fields: dict[tuple[str, str], set[str]] = {}
    seen = set(session.execute(select(DistrictChange.device_seq).where(
        DistrictChange.device_id == device.id,
        DistrictChange.device_seq.in_([c.seq for c in request.changes]))).scalars())
    now = datetime.now(UTC)
    for change in request.changes:
        if change.seq in seen:
            accepted.append(change.seq)  # a retried batch: already here, nothing to do again
            continue
        if change.table not in tables:
            rejected.append(Rejected(change.seq, f"the district does not keep {change.table!r}"))
            continue
        cls = tables[change.table]
        fields = typed(change.table, {k: v for k, v in change.fields.items() if k not in SYNC_COLUMNS})
        before = _current(uow, change.table, change.row)
        merged = {**(before or {}), **fields}
        reason = scope.allows(*_owner(uow, change.table, change.row, before or {})) if before else None
        reason = reason or scope.allows(*_owner(uow, change.table, change.row, merged))
        reason = reason or _missing_reference(uow, change.table, fields)
        if before is None and reason is None:
            required = [c.key for c in cls.__table__.columns if not c.nullable and c.default is None
                        and c.server_default is None and c.key not in SYNC_COLUMNS and c.key not in fields]
            if required:
                reason = f"it is new here but has no {', '.join(required)}"
        if reason:
            rejected.append(Rejected(change.seq, f"Refused: {reason}."))
            continue
        clocks = {c.field: c for c in session.execute(select(FieldClock).where(
            FieldClock.table_name == change.table, FieldClock.row_id == change.row)).scalars()}
        stamp = (change.hlc, change.device)
        won = {k: v for k, v in fields.items() if k not in clocks or stamp > (clocks[k].hlc, clocks[k].device_id)}
        lost = [k for k in fields if k not in won]
        conflicts = _concurrent_texts(change, request.cursor, fields, won, before or {}, clocks)
        if before is None:
            row = defaults(cls)
            row.update(won)
            row.update(id=change.row, hlc=change.hlc, device_id=change.device)
            session.execute(insert(cls.__table__), [row])
        elif won:
            values = dict(won)
            if change.hlc > before["hlc"]:
                values.update(hlc=change.hlc, device_id=change.device)
            session.execute(update(cls.__table__).where(cls.__table__.c.id == change.row).values(**values))
        class_id, student_id, private_to = _owner(uow, change.table, change.row, {**(before or {}), **won})
        logged = DistrictChange(
            device_id=device.id, device_seq=change.seq, table_name=change.table, row_id=change.row,
            op=change.op, hlc=change.hlc, origin_device=change.device, fields={k: change.fields[k] for k in won},
            class_id=class_id, student_id=student_id, private_to=private_to, received_at=now)
        session.add(logged)
        session.flush()
        for name in won:
            if name in clocks:
                clocks[name].hlc, clocks[name].device_id, clocks[name].seq = change.hlc, change.device, logged.seq
            else:
                session.add(FieldClock(table_name=change.table, row_id=change.row, field=name, hlc=change.hlc,
                                       device_id=change.device, seq=logged.seq))
        for conflict in conflicts:
            _keep_conflict(uow, conflict, class_id, student_id, private_to, now)
        accepted.append(change.seq)
        if lost:
            lost_fields.setdefault((change.table, change.row), set()).update(lost)
    session.flush()
    # What stands after the whole batch, for the fields where one of the device's changes lost
    # (a later change of the same batch may have won them back: those are left out).
    for (table, row_id), names in lost_fields.items():
        standing = [c for c in session.execute(select(FieldClock).where(
            FieldClock.table_name == table, FieldClock.row_id == row_id, FieldClock.field.in_(names))).scalars()
            if c.device_id != device.id]
        if standing:
            current = _current(uow, table, row_id) or {}
            winner = max((c.hlc, c.device_id) for c in standing)
            superseded.append(Change(0, table, row_id, "update", winner[0], winner[1],
                                     {c.field: _plain(current.get(c.field)) for c in standing}))
    device.last_sync_at = now
    device.changes_pushed += len(request.changes)
    session.add(device)
    uow.commit()
    top = session.execute(select(DistrictChange.seq).order_by(DistrictChange.seq.desc()).limit(1)).scalar()
    return PushResponse(accepted, rejected, superseded, server_time_ms(), top or 0)


def _concurrent_texts(change: Change, cursor: int, fields: dict, won: dict, before: dict,
                      clocks: dict[str, FieldClock]) -> list[dict]:
    """Long texts this change and another device changed without seeing each other's change: the
    version that stands and the other one, both kept."""
    found = []
    for name, value in fields.items():
        clock = clocks.get(name)
        if (change.table, name) not in LONG_TEXT or clock is None:
            continue
        if clock.device_id == change.device or clock.seq <= cursor:
            continue  # the same device, or the device had pulled the other change before it wrote
        if name in won:
            kept, other, other_device, other_hlc = value, before.get(name), clock.device_id, clock.hlc
        else:
            kept, other, other_device, other_hlc = before.get(name), value, change.device, change.hlc
        if (kept or "") != (other or ""):
            found.append({"table_name": change.table, "row_id": change.row, "field": name, "kept": kept or "",
                          "other": other or "", "other_device": other_device, "other_hlc": other_hlc})
    return found


def _keep_conflict(uow: UnitOfWork, values: dict, class_id, student_id, private_to, now) -> None:
    """A conflict row made by the district, logged like any change so it reaches the devices in scope."""
    capture = uow.session.info["capture"]
    stamp = capture.stamp()
    row = {**defaults(SyncConflict), **values, "id": new_id(), "hlc": stamp, "device_id": capture.device_id,
           "student_id": student_id, "resolved": False, "deleted": False}
    uow.session.execute(insert(SyncConflict.__table__), [row])
    uow.session.add(DistrictChange(
        device_id=capture.device_id, device_seq=stamp, table_name=SyncConflict.__tablename__, row_id=row["id"],
        op="insert", hlc=stamp, origin_device=capture.device_id,
        fields={k: v for k, v in row.items() if k not in SYNC_COLUMNS}, class_id=class_id,
        student_id=student_id, private_to=private_to, received_at=now))


def _plain(value):
    """A column value as the outbox would carry it (dates as ISO text)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


# -- pull ---------------------------------------------------------------------------------------------


def pull(uow: UnitOfWork, device: DistrictDevice, user: DistrictUser, since: int,
         limit: int = PAGE_CHANGES) -> PullResponse:
    """The changes after ``since`` in the device's scope, oldest first, leaving out its own."""
    limit = max(1, min(limit, PAGE_CHANGES))
    scope = scope_of(uow, user)
    query = select(DistrictChange).where(DistrictChange.seq > since).order_by(DistrictChange.seq).limit(limit)
    rows = list(uow.session.execute(query).scalars())
    # Only the values that still stand: a field set here and overwritten by a later change travels
    # with the later one, so a laptop never applies a value older than one it already holds.
    standing: dict[tuple[str, str, str], tuple[int, str]] = {}
    ids = list({row.row_id for row in rows})
    for i in range(0, len(ids), 900):
        for clock in uow.session.execute(select(FieldClock).where(FieldClock.row_id.in_(ids[i:i + 900]))).scalars():
            standing[(clock.table_name, clock.row_id, clock.field)] = (clock.hlc, clock.device_id)
    changes = []
    for row in rows:
        if row.device_id == device.id:
            continue  # its own change: it has it (and heard in the push answer if it lost)
        if scope.allows(row.class_id, row.student_id, row.private_to) is not None:
            continue
        stamp = (row.hlc, row.origin_device)
        fields = {k: v for k, v in row.fields.items() if standing.get((row.table_name, row.row_id, k)) == stamp}
        if row.op == "insert" and len(fields) < len(row.fields):
            # A laptop that never had the row needs all of it: the values that stand now.
            current = _current(uow, row.table_name, row.row_id) or {}
            fields = {k: _plain(current.get(k)) for k in row.fields}
        if fields:
            changes.append(Change(row.seq, row.table_name, row.row_id, row.op, row.hlc, row.origin_device, fields))
    following = rows[-1].seq if rows else since
    has_more = len(rows) == limit
    device.last_sync_at = datetime.now(UTC)
    uow.session.add(device)
    uow.commit()
    return PullResponse(changes, following, has_more, server_time_ms())
