"""Sync as the laptop's app uses it: enrol with the district server, sync now, ask whether the
server is reachable, and read what the status bar and the sync report show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from plclassroom.domain import SyncConflict
from plclassroom.store.database import Store
from plclassroom.store.outbox import Device, OutboxEntry, RejectedChange
from plclassroom.store.unit_of_work import UnitOfWork
from plclassroom.sync.report import SyncError, SyncReport

# httpx, the client and the keyring load when first used, not when the window opens.

PROBE_TIMEOUT = 5.0


@dataclass(frozen=True)
class SyncStatus:
    last_synced_at: datetime | None
    waiting: int  # changes in the outbox
    rejected: int  # changes the district refused, kept for the teacher to see
    conflicts: int = 0  # long texts changed on two devices: both versions kept, waiting for a person


def status(uow: UnitOfWork) -> SyncStatus:
    device = uow.session.execute(select(Device)).scalars().first()
    waiting = uow.session.execute(select(func.count()).select_from(OutboxEntry)).scalar() or 0
    rejected = uow.session.execute(select(func.count()).select_from(RejectedChange)).scalar() or 0
    conflicts = uow.session.execute(select(func.count()).select_from(SyncConflict).where(
        SyncConflict.resolved.is_(False), SyncConflict.deleted.is_(False))).scalar() or 0
    return SyncStatus(device.last_synced_at if device else None, waiting, rejected, conflicts)


def rejected_changes(uow: UnitOfWork) -> list[RejectedChange]:
    return list(uow.session.execute(select(RejectedChange).order_by(RejectedChange.seq)).scalars())


def open_conflicts(uow: UnitOfWork) -> list[SyncConflict]:
    return list(uow.session.execute(select(SyncConflict).where(
        SyncConflict.resolved.is_(False), SyncConflict.deleted.is_(False)).order_by(SyncConflict.hlc)).scalars())


def enrol(store: Store, server_url: str, code: str, name: str = "") -> str:
    """Enrol this laptop with a one-time code; the token goes to the keyring (returned too, for a
    system without one: the app then keeps it in memory for the session)."""
    from plclassroom.sync import credentials
    from plclassroom.sync.client import SyncClient

    client = SyncClient(store, server_url)
    try:
        enrolled = client.enrol(code, name)
    finally:
        client.close()
    try:
        credentials.save_token(server_url, store.device_id, enrolled.token)
    except credentials.KeyringUnavailable:
        pass
    return enrolled.token


def token_for(store: Store, server_url: str) -> str | None:
    from plclassroom.sync import credentials

    try:
        return credentials.load_token(server_url, store.device_id)
    except credentials.KeyringUnavailable:
        return None


def sync_now(store: Store, server_url: str, token: str,
             progress: Callable[[str, int, int], bool] | None = None,
             transport=None) -> SyncReport:
    from plclassroom.sync.client import SyncClient

    client = SyncClient(store, server_url, token, transport=transport)
    try:
        return client.sync(progress)
    finally:
        client.close()


def reachable(server_url: str, token: str | None, transport=None) -> bool:
    """A cheap probe: the server answers its status to this laptop's token."""
    import httpx

    if not server_url or not token:
        return False
    try:
        with httpx.Client(base_url=server_url.rstrip("/"), timeout=PROBE_TIMEOUT, transport=transport) as http:
            return http.get("/v1/status", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    except httpx.HTTPError:
        return False


__all__ = ["SyncError", "SyncReport", "SyncStatus", "enrol", "open_conflicts", "reachable", "rejected_changes", "status",
           "sync_now", "token_for"]
