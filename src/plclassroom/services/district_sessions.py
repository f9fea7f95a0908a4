"""People signing in to the district's web dashboard (laptops keep their device tokens).

A password is kept only as a salted scrypt hash (its parameters stored with it, so they can be
raised later), compared in constant time. A session is a random token in a cookie; the server
keeps only its SHA-256 (random enough that a plain hash is safe, as for device tokens), with the
user and an expiry 8 hours on. Neither a password nor a token is ever logged.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, or_, select

from plclassroom.services.district import DistrictError
from plclassroom.store.dashboard import DashboardSession
from plclassroom.store.district import DistrictUser
from plclassroom.store.unit_of_work import UnitOfWork

MIN_PASSWORD = 10
SESSION_HOURS = 8
# scrypt with N=2^15, r=8, p=1: 32 MiB and about a tenth of a second a sign-in on a small server.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1
_MAXMEM = 64 * 1024 * 1024


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=_MAXMEM)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


# Checked when no one has the name typed: a wrong name takes as long to refuse as a wrong password.
_DUMMY = f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${'00' * 16}${'00' * 32}"


def password_matches(password: str, stored: str | None) -> bool:
    """Whether ``password`` is the one ``stored`` was made from (never, with nothing stored)."""
    try:
        kind, n, r, p, salt, digest = (stored or _DUMMY).split("$")
        wanted = bytes.fromhex(digest)
        got = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             maxmem=_MAXMEM, dklen=len(wanted))
    except (ValueError, TypeError):
        return False
    return kind == "scrypt" and hmac.compare_digest(got, wanted) and stored is not None


def find_user(uow: UnitOfWork, who: str) -> DistrictUser | None:
    """The user with this id, or the only one with this name (any case); None when no one, or
    when two share the name (they sign in with their user id)."""
    who = who.strip()
    if not who:
        return None
    user = uow.session.get(DistrictUser, who)
    if user is not None:
        return user
    found = list(uow.session.execute(select(DistrictUser).where(
        func.lower(DistrictUser.name) == who.lower())).scalars().all())
    return found[0] if len(found) == 1 else None


def set_password(uow: UnitOfWork, who: str, password: str) -> DistrictUser:
    """Give a user a (new) password; their open sessions end. Commits."""
    user = find_user(uow, who)
    if user is None:
        raise DistrictError(f"No single user is called or has the id {who.strip()!r}: see plclassroom-server "
                            "users (give the user id when two share a name).")
    if len(password) < MIN_PASSWORD:
        raise DistrictError(f"A password needs at least {MIN_PASSWORD} characters.")
    user.password_hash = hash_password(password)
    uow.session.add(user)
    uow.session.execute(delete(DashboardSession).where(DashboardSession.user_id == user.id))
    uow.commit()
    return user


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in(uow: UnitOfWork, who: str, password: str) -> tuple[str, DistrictUser] | None:
    """A new session's token and its user when the password is right, else None (the same answer
    for an unknown user, a user with no password and a wrong password). Commits."""
    user = find_user(uow, who)
    if not password_matches(password, user.password_hash if user is not None else None) or user is None:
        return None
    now = _now()
    token = secrets.token_urlsafe(32)
    uow.session.execute(delete(DashboardSession).where(DashboardSession.expires_at <= now))  # tidy as we go
    uow.session.add(DashboardSession(token_hash=_token_hash(token), user_id=user.id, created_at=now,
                                     expires_at=now + timedelta(hours=SESSION_HOURS)))
    uow.commit()
    return token, user


def session_user(uow: UnitOfWork, token: str | None) -> DistrictUser | None:
    """The user of a live session, or None (no token, an unknown one, or expired)."""
    if not token:
        return None
    row = uow.session.get(DashboardSession, _token_hash(token))
    if row is None or _utc(row.expires_at) <= _now():
        return None
    user = uow.session.get(DistrictUser, row.user_id)
    return user if user is not None and user.password_hash else None


def sign_out(uow: UnitOfWork, token: str | None) -> None:
    """End the session (and tidy away expired ones). Commits."""
    if token:
        uow.session.execute(delete(DashboardSession).where(or_(
            DashboardSession.token_hash == _token_hash(token), DashboardSession.expires_at <= _now())))
        uow.commit()
