"""What a sync tells the person: its figures, and the errors it stops with. Kept apart from the
client so the window can show them without loading the HTTP stack at start-up."""

from __future__ import annotations

from dataclasses import dataclass, field


class SyncError(RuntimeError):
    """Sync could not finish; the message is for the teacher (no data, no token in it)."""


class Cancelled(SyncError):
    pass


class Gone(SyncError):
    """The server no longer has what was asked for (a snapshot rebuilt since): ask again."""


class SnapshotNeeded(SyncError):
    """The district compacted changes this laptop never pulled (it was left behind while away):
    a fresh snapshot of its scope brings it up to date."""


@dataclass
class SyncReport:
    pushed: int = 0
    rejected: int = 0
    pulled: int = 0
    superseded: int = 0
    snapshot_rows: int = 0  # a new laptop's first sync: rows that came in the snapshot
    resynced: bool = False  # a laptop left behind by housekeeping: brought up to date by a snapshot
    verified: bool = False  # the laptop's scope and the district's agree, row for row (digests)
    repaired: int = 0  # rows put right by verification
    verify_bytes: int = 0  # what verification cost on the wire
    skipped_local: int = 0  # pulled fields kept back because this laptop has a newer unpushed edit
    bytes_sent: int = 0
    bytes_received: int = 0
    requests: int = 0
    seconds: float = 0.0
    server_time: int = 0
    reasons: list[str] = field(default_factory=list)
