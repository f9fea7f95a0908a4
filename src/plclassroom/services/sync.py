"""Sync as the laptop's app uses it: enrol with the district server, sync now, ask whether the
server is reachable, and read what the status bar and the sync report show."""

from __future__ import annotations

import logging
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
log = logging.getLogger(__name__)  # figures and error kinds only: never a value, a token or a code


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
             transport=None, verify: str = "when-changed") -> SyncReport:
    """Push, pull and (``verify``: "always", "when-changed" or "never") check by digests that this
    laptop and the district agree, putting right the few rows that do not."""
    from plclassroom.sync.client import SyncClient

    client = SyncClient(store, server_url, token, transport=transport, verify=verify)
    try:
        report = client.sync(progress)
    except Exception as error:
        log.warning("sync stopped: %s", type(error).__name__)
        raise
    finally:
        client.close()
    log.info("sync: %d sent, %d received, %d refused, %d superseded, %d kept back, %d bytes in %d requests, "
             "%.1f s, fresh copy: %s, verified: %s (%d put right)", report.pushed, report.pulled, report.rejected,
             report.superseded, report.skipped_local, report.bytes_sent + report.bytes_received, report.requests,
             report.seconds, report.resynced, report.verified, report.repaired)
    return report


def reachable(server_url: str, token: str | None, transport=None, pending: int | None = None) -> bool:
    """A cheap probe: the server answers its status to this laptop's token (and hears how many
    changes wait in the outbox, when ``pending`` is given)."""
    import httpx

    if not server_url or not token:
        return False
    try:
        with httpx.Client(base_url=server_url.rstrip("/"), timeout=PROBE_TIMEOUT, transport=transport) as http:
            params = {} if pending is None else {"pending": pending}
            return http.get("/v1/status", params=params,
                            headers={"Authorization": f"Bearer {token}"}).status_code == 200
    except httpx.HTTPError:
        return False


__all__ = ["SyncError", "SyncReport", "SyncStatus", "enrol", "open_conflicts", "reachable", "rejected_changes", "status",
           "sync_now", "token_for"]


# -- USB bundles -------------------------------------------------------------------------------------

NO_TOKEN = ("Connect this laptop to the district server once (File > Connect to district server) before "
            "syncing by USB: its bundles are signed with the key it gets then.")


def export_bundle(store: Store, token: str | None, path) -> int:
    """Write what a push would send (the outbox, and where this laptop's pulls are up to) as one
    signed file for the district; returns how many changes it holds. The outbox is kept until the
    return bundle (or a network sync) says the district has them."""
    from plclassroom.interop.atomic import atomic_write
    from plclassroom.sync import bundle
    from plclassroom.sync.client import outbox_changes
    from plclassroom.sync.protocol import PushRequest

    if not token:
        raise SyncError(NO_TOKEN)
    with store.unit_of_work() as uow:
        entries = list(uow.session.execute(select(OutboxEntry).order_by(OutboxEntry.seq)).scalars())
        cursor = uow.session.get(Device, store.device_id).pull_cursor
    changes = outbox_changes(entries, store.device_id)
    first, last = (changes[0].seq, changes[-1].seq) if changes else (0, 0)
    data = bundle.write(bundle.TO_DISTRICT, store.device_id,
                        # pending=0: the bundle carries the whole outbox
                        bundle.ToDistrict(PushRequest(store.device_id, changes, cursor=cursor, pending=0)),
                        bundle.device_key(token), first, last, len(changes))
    with atomic_write(path) as handle:
        handle.write(data)
    return len(changes)


def import_return_bundle(store: Store, token: str | None, data: bytes) -> SyncReport:
    """Apply the district's return bundle: its answer to this laptop's bundle (the outbox entries it
    took leave, the refused are kept with why), then the changes it brought, as a network sync
    would. A bundle for another laptop, changed, or already imported is refused and changes nothing."""
    from plclassroom.sync import bundle
    from plclassroom.sync.client import acknowledge, apply_page, mark_synced, outbox_changes

    if not token:
        raise SyncError(NO_TOKEN)
    manifest = bundle.manifest_of(data)
    if manifest.device != store.device_id:
        raise bundle.BundleError("This return bundle is for another laptop. Nothing was imported.")
    manifest, body = bundle.read(data, bundle.device_key(token), bundle.FROM_DISTRICT)
    answered = set(body.answer.accepted) | {r.seq for r in body.answer.rejected}
    with store.unit_of_work() as uow:
        entries = list(uow.session.execute(select(OutboxEntry).where(
            OutboxEntry.seq.in_(answered)).order_by(OutboxEntry.seq)).scalars()) if answered else []
        cursor = uow.session.get(Device, store.device_id).pull_cursor
    if not entries and body.next <= cursor and (answered or body.changes):
        raise bundle.BundleError("This return bundle was imported already (or a later sync brought the same). "
                                 "Nothing was imported again.")
    # A whole copy of the scope (this laptop was left behind by housekeeping) older than what a
    # later sync brought: only its answer to the bundle is taken.
    stale = body.snapshot and body.next <= cursor
    report = SyncReport(resynced=body.snapshot and not stale)
    acknowledge(store, outbox_changes(entries, store.device_id), body.answer, report)
    if not stale:
        apply_page(store, [c for c in body.changes if c.seq > cursor], max(cursor, body.next), report,
                   snapshot=body.snapshot)
    mark_synced(store)
    return report
