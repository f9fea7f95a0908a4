"""The district's side of USB sync: import a laptop's bundle (the same merge as a network push,
in one transaction with the record that it was imported) and write the return bundle (the
answer to it and the changes that laptop would have pulled). See ``sync/bundle.py``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from plclassroom.services import district_snapshot, district_sync
from plclassroom.services.district_housekeeping import LeftBehind
from plclassroom.store.district import DistrictBundle, DistrictChange, DistrictDevice, DistrictUser
from plclassroom.store.unit_of_work import UnitOfWork
from plclassroom.sync import bundle
from plclassroom.sync.bundle import BundleError

MAX_RETURN_CHANGES = 200_000  # more waits for the next bundle (or a network sync)


@dataclass(frozen=True)
class Imported:
    device: str  # the laptop's name, or its id
    user: str
    accepted: int
    refused: int
    returned: int  # changes in the return bundle


def import_bundle(uow: UnitOfWork, data: bytes) -> tuple[bytes, Imported]:
    """Merge a laptop's bundle and give back the return bundle's bytes; BundleError (nothing
    changed) if it is damaged, changed, from a laptop this district does not know or no longer
    trusts, or was imported before."""
    manifest = bundle.manifest_of(data)
    device = uow.session.get(DistrictDevice, manifest.device)
    if device is None:
        raise BundleError("This bundle is from a laptop that is not enrolled in this district (or from another "
                          "district). Nothing was imported.")
    if device.revoked_at is not None:
        raise BundleError("This bundle is from a laptop whose access was revoked. Nothing was imported; "
                          "enrol the laptop again to sync it.")
    key = device.token_hash.encode()
    manifest, body = bundle.read(data, key, bundle.TO_DISTRICT)
    if body.push.device != device.id:
        raise BundleError("This bundle's changes are from another laptop than the one that signed it.")
    before = uow.session.get(DistrictBundle, manifest.id)
    if before is not None:
        raise BundleError(f"This bundle was imported on {before.imported_at:%d %b %Y at %H:%M} UTC. Nothing was "
                          "imported again; if its return bundle was lost, export a new bundle on the laptop.")
    user = uow.session.get(DistrictUser, device.user_id)
    uow.session.add(DistrictBundle(id=manifest.id, device_id=device.id, changes=manifest.count,
                                   imported_at=datetime.now(UTC)))
    answer = district_sync.push(uow, device, user, body.push)  # commits, with the bundle's record
    changes, cursor, whole = [], body.push.cursor, False
    try:
        while len(changes) < MAX_RETURN_CHANGES:
            page = district_sync.pull(uow, device, user, cursor)
            changes += page.changes
            cursor = page.next
            if not page.has_more:
                break
    except LeftBehind:
        # Housekeeping tidied away changes this laptop never had (it was away long): the return
        # bundle carries its whole scope instead, as a new laptop's first sync would.
        cursor = uow.session.execute(select(func.max(DistrictChange.seq))).scalar() or 0
        changes = district_snapshot.scope_changes(uow, district_sync.scope_of(uow, user), cursor)
        whole = True
    first = changes[0].seq if changes else cursor
    returned = bundle.write(bundle.FROM_DISTRICT, device.id, bundle.FromDistrict(answer, changes, cursor, whole),
                            key, first, cursor, len(changes))
    return returned, Imported(device.name or device.id, user.name, len(answer.accepted), len(answer.rejected),
                              len(changes))
