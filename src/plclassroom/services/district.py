"""The district server's own use cases: its users, one-time enrolment codes, the devices enrolled
with them, and who a bearer token belongs to.

Secrets are stored only as sha256 hashes: an enrolment code and a device token are random enough
(about 79 and 256 bits) that a plain hash is safe, and a lookup by hash needs no constant-time
comparison. Neither is ever logged.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update

from plclassroom.domain import District, Person, School
from plclassroom.domain.base import new_id
from plclassroom.store.district import DistrictDevice, DistrictUser, EnrolCode
from plclassroom.store.unit_of_work import UnitOfWork

ROLES = ("teacher", "advisor", "school_admin", "district_admin")

# No 0/O, 1/I/L: a code is read off a screen or a sheet of paper and typed by hand.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_GROUPS, CODE_GROUP_LENGTH = 4, 4
MAX_DEVICE_ID = 36


class DistrictError(ValueError):
    """A refused admin or enrolment step, worded for the person doing it (no secrets in it)."""


class AuthError(DistrictError):
    """The bearer token is unknown or revoked."""


@dataclass(frozen=True)
class UserView:
    id: str
    name: str
    role: str
    person_id: str | None
    school_id: str | None
    created_at: datetime
    devices: int  # enrolled and not revoked


@dataclass(frozen=True)
class DeviceView:
    id: str
    user_id: str
    user_name: str
    role: str
    name: str
    created_at: datetime
    last_sync_at: datetime | None
    revoked_at: datetime | None
    changes_pushed: int
    pulled_seq: int = 0  # the change-log sequence it holds everything up to (housekeeping waits for it)
    pending: int | None = None  # changes it last said it held unsent (None: never said)

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(moment: datetime) -> datetime:
    # SQLite hands datetimes back without their zone; every one we write is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_code(code: str) -> str:
    """The code as issued, whatever the spacing, dashes or case it was typed with."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


@dataclass(frozen=True)
class SchoolView:
    id: str
    name: str
    identifier: str  # the school's own code from the roster (OneRoster "identifier")
    students: int


def list_schools(uow: UnitOfWork) -> list[SchoolView]:
    """The district's schools, by name, with their students: what an IT admin picks a principal's
    school from."""
    counts = dict(uow.session.execute(select(Person.school_id, func.count()).where(
        Person.role == "student", Person.deleted.is_(False)).group_by(Person.school_id)).all())
    schools = uow.session.execute(select(School).where(School.deleted.is_(False)).order_by(School.name)).scalars()
    return [SchoolView(s.id, s.name, s.identifier or "", counts.get(s.id, 0)) for s in schools]


def find_school(uow: UnitOfWork, key: str) -> str:
    """A school's id from its id, its code or its name (any case); an error that says what to do
    when none or several match."""
    key = key.strip()
    if uow.get(School, key) is not None:
        return key
    found = [s for s in list_schools(uow) if key.casefold() in (s.name.casefold(), s.identifier.casefold())]
    if len(found) == 1:
        return found[0].id
    if found:
        raise DistrictError(f"{len(found)} schools are called {key!r}: give the id (plclassroom-server schools).")
    raise DistrictError(f"There is no school {key!r} (plclassroom-server schools lists them; "
                        "import the roster first?).")


def create_user(uow: UnitOfWork, name: str, role: str, person_id: str | None = None,
                school_id: str | None = None) -> str:
    """A new server user; returns its id."""
    name = name.strip()
    if not name:
        raise DistrictError("A user needs a name.")
    if role not in ROLES:
        raise DistrictError(f"Unknown role {role!r}: choose one of {', '.join(ROLES)}.")
    if person_id and uow.get(Person, person_id) is None:
        raise DistrictError(f"There is no person with id {person_id} (import the roster first?).")
    if school_id and uow.get(School, school_id) is None:
        raise DistrictError(f"There is no school with id {school_id} (import the roster first?).")
    user = DistrictUser(id=new_id(), name=name, role=role, person_id=person_id or None,
                        school_id=school_id or None, created_at=_now())
    uow.session.add(user)
    uow.commit()
    return user.id


def issue_enrol_code(uow: UnitOfWork, user_id: str, valid_for: timedelta = timedelta(days=7)) -> str:
    """A one-time code that enrols one device for the user, shown as ``ABCD-EFGH-JKMN-PQRS``."""
    if uow.session.get(DistrictUser, user_id) is None:
        raise DistrictError(f"There is no user with id {user_id}.")
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH))
    uow.session.add(EnrolCode(code_hash=_hash(raw), user_id=user_id, expires_at=_now() + valid_for))
    uow.commit()
    return "-".join(raw[i:i + CODE_GROUP_LENGTH] for i in range(0, len(raw), CODE_GROUP_LENGTH))


def enrol(uow: UnitOfWork, code: str, device_id: str, name: str = "") -> tuple[str, DistrictUser]:
    """Spend a code on a device; returns the device's new bearer token (shown once) and its user.

    Enrolling a device id again replaces its token: the old one stops working.
    """
    device_id = device_id.strip()
    if not device_id or len(device_id) > MAX_DEVICE_ID:
        raise DistrictError("The device id is missing or too long.")
    code_hash = _hash(normalise_code(code))
    row = uow.session.get(EnrolCode, code_hash)
    now = _now()
    if row is None:
        raise DistrictError("That enrolment code is not known. Check it, or ask for a new one.")
    if row.used_at is not None:
        raise DistrictError("That enrolment code has been used already. Ask for a new one.")
    if _utc(row.expires_at) <= now:
        raise DistrictError("That enrolment code has expired. Ask for a new one.")
    # Claimed with a conditional update, so two devices racing for one code cannot both get it.
    claimed = uow.session.execute(update(EnrolCode).where(EnrolCode.code_hash == code_hash,
                                                          EnrolCode.used_at.is_(None))
                                  .values(used_at=now))
    if claimed.rowcount != 1:
        uow.session.rollback()
        raise DistrictError("That enrolment code has been used already. Ask for a new one.")
    user = uow.session.get(DistrictUser, row.user_id)
    token = secrets.token_urlsafe(32)
    device = uow.session.get(DistrictDevice, device_id)
    if device is None:
        device = DistrictDevice(id=device_id, user_id=user.id, token_hash="", created_at=now)
        uow.session.add(device)
    # A new enrolment of a known device: its old token (and any revocation) is replaced.
    device.user_id, device.token_hash, device.name = user.id, _hash(token), name.strip()[:200]
    device.created_at, device.revoked_at = now, None
    uow.commit()
    return token, user


def authenticate(uow: UnitOfWork, token: str) -> tuple[DistrictDevice, DistrictUser]:
    """The device and user a bearer token belongs to."""
    device = uow.session.execute(
        select(DistrictDevice).where(DistrictDevice.token_hash == _hash(token))).scalar_one_or_none()
    if device is None or device.revoked_at is not None:
        raise AuthError("This device is not enrolled, or its enrolment was revoked. Enrol it again.")
    user = uow.session.get(DistrictUser, device.user_id)
    if user is None:  # the foreign key makes this impossible; refuse rather than fail
        raise AuthError("This device's user no longer exists.")
    return device, user


def touch_device(uow: UnitOfWork, device: DistrictDevice, pushed: int) -> None:
    """Record a sync by the device (and how many changes it pushed); commits."""
    # One UPDATE (no read first): counts from concurrent requests add up.
    uow.session.execute(update(DistrictDevice).where(DistrictDevice.id == device.id).values(
        last_sync_at=_now(), changes_pushed=DistrictDevice.changes_pushed + pushed))
    uow.commit()


def record_push_failure(uow: UnitOfWork, device_id: str) -> None:
    """A push from the device failed whole (nothing of it saved): counted for the dashboard's sync
    health. Commits."""
    uow.session.execute(update(DistrictDevice).where(DistrictDevice.id == device_id).values(
        push_failures=DistrictDevice.push_failures + 1, last_push_failure_at=_now()))
    uow.commit()


def revoke_device(uow: UnitOfWork, device_id: str) -> DeviceView:
    """Stop a device's token working (it can enrol again with a new code); returns the device."""
    device = uow.session.get(DistrictDevice, device_id)
    if device is None:
        raise DistrictError(f"There is no device with id {device_id}.")
    if device.revoked_at is None:
        device.revoked_at = _now()
        uow.session.add(device)
        uow.commit()
    return next(view for view in list_devices(uow) if view.id == device_id)


def list_users(uow: UnitOfWork) -> list[UserView]:
    active = dict(uow.session.execute(
        select(DistrictDevice.user_id, func.count()).where(DistrictDevice.revoked_at.is_(None))
        .group_by(DistrictDevice.user_id)).all())
    users = uow.session.execute(select(DistrictUser).order_by(DistrictUser.name)).scalars()
    return [UserView(u.id, u.name, u.role, u.person_id, u.school_id, _utc(u.created_at), active.get(u.id, 0))
            for u in users]


def list_devices(uow: UnitOfWork) -> list[DeviceView]:
    rows = uow.session.execute(
        select(DistrictDevice, DistrictUser).join(DistrictUser, DistrictUser.id == DistrictDevice.user_id)
        .order_by(DistrictUser.name, DistrictDevice.created_at)).all()
    return [DeviceView(d.id, u.id, u.name, u.role, d.name, _utc(d.created_at),
                       _utc(d.last_sync_at) if d.last_sync_at else None,
                       _utc(d.revoked_at) if d.revoked_at else None, d.changes_pushed, d.pulled_seq,
                       d.pending_changes)
            for d, u in rows]


def district_name(uow: UnitOfWork) -> str:
    """The district's name from its roster ("" before a roster is imported)."""
    return uow.session.execute(select(District.name).where(District.deleted.is_(False))
                               .order_by(District.name).limit(1)).scalar() or ""
