"""The sync protocol, shared by the laptop and the district server.

A change is one row's changed fields, stamped with the hybrid logical clock of the device that
made it. On push it carries the device's operation sequence (the outbox ``seq``): with the device
id it keys the change on the server, so a retried or duplicated batch is applied once. On pull it
carries the server's sequence number, which only grows: a device asks for what came ``since`` the
last one it applied, a page at a time, and keeps its cursor in the same transaction as the page.

On the wire a message is MessagePack (a change is a 7-item array, not a map: the field names are
not repeated per change) compressed with zstd (gzip when the other side asks for it): a patch of
one evidence row is a few dozen bytes, against the kilobytes per record of JSON envelopes.
"""

from __future__ import annotations

import gzip
import io
from typing import Annotated

import msgspec
import zstandard

PROTOCOL_VERSION = 1
CONTENT_TYPE = "application/vnd.plclassroom.sync+msgpack"
MAX_BODY_BYTES = 4 * 1024 * 1024  # one request or response, compressed
MAX_EXPANDED_BYTES = 32 * 1024 * 1024  # the same, decompressed: a zip bomb stops here
BATCH_BYTES = 256 * 1024  # a push batch is cut at about this many encoded bytes
PAGE_CHANGES = 2000  # the most changes in one pull page


class ProtocolError(ValueError):
    """A message that cannot be read: the reason is safe to show and to log (no data in it)."""


MAX_INT = 2**63 - 1  # sequences and clocks are 64-bit integers in both databases
MAX_COUNT = 2**31 - 1  # a count the server keeps in a 32-bit integer column
# What a value must be to be read at all: a number a database column holds; a device id, a row
# id or a name with no control characters (PostgreSQL cannot store NUL; a log line must stay one line).
Counter = Annotated[int, msgspec.Meta(ge=0, le=MAX_INT)]
Identifier = Annotated[str, msgspec.Meta(min_length=1, max_length=36, pattern=r"^[A-Za-z0-9_.:-]+$")]
Name = Annotated[str, msgspec.Meta(max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")]


PURGE = "purge"  # a pulled change's op: the district removed a tombstone for good; so does the laptop


class Change(msgspec.Struct, array_like=True, frozen=True):
    seq: Counter  # push: the device's op sequence; pull: the server's sequence
    table: Name
    row: Identifier
    op: str  # "insert" | "update" | "delete"; pulled only: "purge" (a tombstone removed for good)
    hlc: Counter
    device: Identifier  # the device that made the change
    fields: dict  # column -> new value, the changed columns only


class PushRequest(msgspec.Struct, frozen=True):
    device: Identifier
    changes: list[Change]
    protocol: int = PROTOCOL_VERSION
    # The server sequence the device had pulled up to: a change it had not pulled, it had not seen,
    # so two edits of one long text made on either side of it are concurrent (a conflict to keep).
    cursor: Counter = 0
    # How many changes the device still holds unsent after this batch (None: an older laptop that
    # does not say): the dashboard's "waiting on the laptop" figure.
    pending: Annotated[int, msgspec.Meta(ge=0, le=MAX_COUNT)] | None = None


class Rejected(msgspec.Struct, array_like=True, frozen=True):
    seq: int  # the device op sequence of the refused change
    reason: str  # plain words for the teacher or the admin


class PushResponse(msgspec.Struct, frozen=True):
    accepted: list[int]  # device op sequences now on the server (new or already there)
    rejected: list[Rejected]
    # Where a pushed field lost to a newer value from another device: the value that stands,
    # so the laptop ends with what the district has.
    superseded: list[Change]
    server_time: int  # the server's clock (ms since the epoch): reported, never required to match
    server_seq: int


class SnapshotInfo(msgspec.Struct, frozen=True):
    """A new laptop's first sync: everything in its scope as of server sequence ``seq``, as one
    file it downloads a chunk at a time (resuming where a cut stopped it) and checks by hash."""

    id: str  # names the file: GET /v1/snapshot/{id}?offset=
    seq: Counter  # pull from here once it is applied
    size: Counter  # bytes
    sha256: str
    rows: Counter
    chunk: Counter  # the most bytes one GET answers


class Snapshot(msgspec.Struct, frozen=True):
    seq: Counter
    changes: list[Change]  # each row whole, as an insert


SNAPSHOT_CHUNK = 1024 * 1024


# Verified sync. Each row has a bucket key, a hash of its id (``sync.rows.bucket_key``), so rows
# spread evenly over the buckets whatever their ids look like; a bucket is the rows of one table
# whose key, in hex, starts with ``prefix``. Its digest is the XOR of its rows' digests, and a
# bucket that differs splits into children, the prefixes one hex digit longer (CHILDREN).
#
# Digests are short on the wire: 64 bits for a bucket the laptop sends or the district answers
# about itself, which is what "verified" rests on: two different sets of rows agree by chance
# with probability 2**-64 per comparison. Children and single rows are compared at 32 bits: they
# only steer the search for what differs, and a chance match (2**-32 per differing child or row)
# can hide a difference from the search, never make a scope read as verified (the table's 64-bit
# digest still differs and the report says not verified).
DIGEST_BYTES = 8
CHILD_DIGEST_BYTES = 4
ROW_DIGEST_BYTES = 4
CHILDREN = "0123456789abcdef"  # the digit a child adds to its parent's prefix
MAX_PREFIX = 8  # hex digits: 4 billion buckets a table, far below one row each
MAX_BUCKETS = 1024  # buckets one verify or repair request asks about
MAX_REPAIR_ROWS = 5000  # rows one repair answer sends at most
MAX_ROW_DIGESTS = 64 * 1024  # row digests for one bucket (256 KB), and about the most rows one repair looks at

Prefix = Annotated[str, msgspec.Meta(max_length=MAX_PREFIX, pattern=r"^[0-9a-f]*$")]
Table = Annotated[str, msgspec.Meta(max_length=64)]


class Bucket(msgspec.Struct, array_like=True, frozen=True):
    """The laptop's figures for a bucket: how many rows it holds there and their digest."""

    table: Table
    prefix: Prefix
    count: Counter = 0
    digest: Annotated[bytes, msgspec.Meta(max_length=DIGEST_BYTES)] = b""


class BucketList(msgspec.Struct, frozen=True):
    """POST /v1/verify: the laptop's figures for the buckets it asks about."""

    buckets: Annotated[list[Bucket], msgspec.Meta(max_length=MAX_BUCKETS)]


class Split(msgspec.Struct, array_like=True, frozen=True):
    """The district's figures for a bucket whose figures differ from the laptop's, and for its
    children in CHILDREN order: their counts, and their digests end to end, CHILD_DIGEST_BYTES
    each (none at MAX_PREFIX: it does not split)."""

    table: Table
    prefix: Prefix
    count: Counter
    digest: bytes
    counts: list[Counter]
    digests: bytes


class Differences(msgspec.Struct, frozen=True):
    """The answer to /v1/verify: the buckets asked about that differ (those that agree are left
    out), as of the district's change-log sequence ``seq``."""

    seq: Counter
    splits: list[Split]


class RowDigests(msgspec.Struct, array_like=True, frozen=True):
    """A small bucket that differs, and the digests of the laptop's rows in it, ROW_DIGEST_BYTES
    each, end to end: the district sends back its rows whose digests are not among them."""

    table: Table
    prefix: Prefix
    digests: Annotated[bytes, msgspec.Meta(max_length=MAX_ROW_DIGESTS * ROW_DIGEST_BYTES)]


# Set reconciliation (``sync.reconcile``): a table that differs goes as an invertible Bloom lookup
# table of its rows, SKETCH_HASHES sub-tables of 2**size cells each, whose size follows how many
# rows differ, not how many there are. A cell is SKETCH_CELL_BYTES: how many entries went in (mod
# 256), then the XORs of their keys (8 bytes), values (ROW_DIGEST_BYTES) and checks (4 bytes).
# A value is a row's 32-bit digest: as with children, a chance match can hide a row from the
# search, never make a scope read as verified.
SKETCH_HASHES = 4  # cells an entry goes to, one a sub-table: with 3, 20 entries in 64 cells fail to peel
# ~5% of the time (two entries sharing all their cells), with 4 ~0.2%
SKETCH_CELL_BYTES = 1 + 8 + ROW_DIGEST_BYTES + 4
MIN_SKETCH_SIZE = 4  # 2**4 cells a sub-table: 64 cells, 1,088 bytes, enough for ~20 entries (10 changed rows)
MAX_SKETCH_SIZE = 10  # 4,096 cells (70 KB): ~2,000 entries, the most VERIFY_ROWS lets a laptop look for
MAX_SKETCHES = 64  # tables one repair request sends as sketches (45 tables sync)
MAX_SKETCH_CELLS = 16 * 1024  # cells one repair request sends in all (272 KB): what the district peels at most


class Sketch(msgspec.Struct, array_like=True, frozen=True):
    """The laptop's rows of one table as an IBLT (``sync.reconcile.Iblt``), its cells end to end."""

    table: Table
    size: Annotated[int, msgspec.Meta(ge=MIN_SKETCH_SIZE, le=MAX_SKETCH_SIZE)]
    cells: Annotated[bytes, msgspec.Meta(max_length=(SKETCH_HASHES << MAX_SKETCH_SIZE) * SKETCH_CELL_BYTES)]

    def __post_init__(self) -> None:
        if len(self.cells) != (SKETCH_HASHES << self.size) * SKETCH_CELL_BYTES:
            raise ValueError("a sketch's cells do not match its size")  # msgspec: a ValidationError


class RepairRequest(msgspec.Struct, frozen=True):
    """POST /v1/repair: the buckets to put right, with the laptop's rows' digests, and the tables
    to put right by set reconciliation, as sketches (each table once)."""

    buckets: Annotated[list[RowDigests], msgspec.Meta(max_length=MAX_BUCKETS)] = []
    sketches: Annotated[list[Sketch], msgspec.Meta(max_length=MAX_SKETCHES)] = []

    def __post_init__(self) -> None:
        if sum(len(sketch.cells) for sketch in self.sketches) > MAX_SKETCH_CELLS * SKETCH_CELL_BYTES:
            raise ValueError(f"more than {MAX_SKETCH_CELLS} sketch cells in all")


class Reconciled(msgspec.Struct, array_like=True, frozen=True):
    """How a table's sketch came out: ``complete``, every entry that differs found (the district's
    rows among them are in the answer); if not, ``entries`` is about how many differ, to size the
    next sketch by."""

    table: Table
    complete: bool
    entries: Counter


class RepairRows(msgspec.Struct, frozen=True):
    """The district's rows, whole, that the laptop lacks or holds with other values, as of
    ``seq``, and how each sketch sent came out (a table missing here did not reconcile)."""

    seq: Counter
    changes: list[Change]
    reconciled: list[Reconciled] = []


class PullResponse(msgspec.Struct, frozen=True):
    changes: list[Change]
    next: int  # the cursor to ask from next time
    has_more: bool
    server_time: int


class EnrolRequest(msgspec.Struct, frozen=True):
    code: Annotated[str, msgspec.Meta(max_length=64)]
    device: Identifier
    name: Name = ""


class EnrolResponse(msgspec.Struct, frozen=True):
    token: str
    user: str  # the person the device syncs for
    role: str
    district: str


_encoder = msgspec.msgpack.Encoder()


def encode(message: msgspec.Struct) -> bytes:
    return _encoder.encode(message)


def decode(data: bytes, kind: type[msgspec.Struct]):
    try:
        return msgspec.msgpack.decode(data, type=kind)
    except (msgspec.DecodeError, msgspec.ValidationError) as error:
        raise ProtocolError(f"The message is not a valid {kind.__name__}: {error}") from None


def compress(data: bytes, encoding: str = "zstd") -> bytes:
    if encoding == "gzip":
        return gzip.compress(data, compresslevel=6)
    if encoding == "identity":
        return data
    return zstandard.ZstdCompressor(level=6).compress(data)


def decompress(data: bytes, encoding: str, limit: int = MAX_EXPANDED_BYTES, largest: int = MAX_BODY_BYTES) -> bytes:
    """Expand a body, refusing more than ``limit`` bytes (a small hostile body that would expand to
    gigabytes is stopped early) or a body larger than ``largest``."""
    if len(data) > largest:
        raise ProtocolError(f"The message is larger than {largest // 1024 // 1024} MB.")
    try:
        if encoding in ("", "identity"):
            return data
        if encoding == "gzip":
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
                out = stream.read(limit + 1)
        elif encoding == "zstd":
            with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)) as stream:
                out = stream.read(limit + 1)
        else:
            raise ProtocolError(f"Unknown content encoding {encoding!r}.")
    except (OSError, EOFError, zstandard.ZstdError) as error:
        raise ProtocolError(f"The message could not be decompressed: {error}") from None
    if len(out) > limit:
        raise ProtocolError("The message expands beyond the size limit.")
    return out


def pack(message: msgspec.Struct, encoding: str = "zstd") -> bytes:
    return compress(encode(message), encoding)


def unpack(data: bytes, kind: type[msgspec.Struct], encoding: str = "zstd"):
    return decode(decompress(data, encoding), kind)


def batches(changes: list[Change], limit: int | None = None) -> list[list[Change]]:
    """Cut changes into batches of about ``limit`` encoded bytes (at least one change each), in order."""
    limit = limit or BATCH_BYTES
    found: list[list[Change]] = []
    current: list[Change] = []
    size = 0
    for change in changes:
        cost = len(_encoder.encode(change))
        if current and size + cost > limit:
            found.append(current)
            current, size = [], 0
        current.append(change)
        size += cost
    if current:
        found.append(current)
    return found
