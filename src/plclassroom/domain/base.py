"""What every row a user can edit carries, so it can sync without a central id service.

- ``id``: a UUID made on the device that created the row (no server round trip needed).
- ``hlc``: the hybrid-logical-clock stamp of the row's last change (see ``domain.clock``).
- ``device_id``: the device that made that change (the tie-break when two stamps are equal).
- ``deleted``: a tombstone. Rows are never hard-deleted, so a delete can travel to other devices.

The stamps are filled in by the store's change capture at flush time; domain code never sets them.
"""

from __future__ import annotations

import os

from sqlalchemy import BigInteger
from sqlmodel import Field, SQLModel


def new_id() -> str:
    """A random (version 4) UUID as text; written out by hand because imports make hundreds of
    thousands at a time and ``str(uuid.uuid4())`` costs several times more."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class Synced(SQLModel):
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    hlc: int = Field(default=0, sa_type=BigInteger, index=True)
    device_id: str = Field(default="", max_length=36)
    deleted: bool = Field(default=False)


# Columns that change capture stamps itself; an outbox entry carries them beside the changed fields.
# ``deleted`` is not among them: a tombstone (or its undo) is a change like any other.
SYNC_COLUMNS = frozenset({"id", "hlc", "device_id"})
