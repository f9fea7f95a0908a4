"""USB sync bundles: what a network sync carries, in one file a teacher can walk to the district.

A laptop's bundle ("to-district") holds the push it would send (its outbox and its pull cursor);
the district's return bundle ("from-district") holds its answer to that push and the changes
the laptop would have pulled. Both sides then do exactly what a network sync does with them, so a
bundle and a network sync of the same changes, in any order, end in the same state.

The file: a magic line, then zstd-compressed MessagePack ``Bundle``: the manifest (bundle id,
kind, device, sequence range, count, content hash) as the bytes that were signed, the content, and
an HMAC-SHA256 of the manifest keyed with the device's key (the SHA-256 of its token, which the
laptop derives and the district already stores instead of the token). A changed byte, a cut-off
file, another laptop's or another district's bundle are each refused, with words for a person,
before anything is written.
"""

from __future__ import annotations

import hashlib
import hmac
import time

import msgspec
import zstandard

from plclassroom.sync.protocol import (
    PROTOCOL_VERSION,
    Change,
    Counter,
    Identifier,
    ProtocolError,
    PushRequest,
    PushResponse,
    decompress,
)

MAGIC = b"plclassroom sync bundle 1\n"
SUFFIX = ".plcbundle"
MAX_BUNDLE_EXPANDED = 512 * 1024 * 1024  # a term of one laptop's changes fits many times over
TO_DISTRICT, FROM_DISTRICT = "to-district", "from-district"


class BundleError(ValueError):
    """A bundle that cannot be used: why, in words for a teacher or an admin (no data in them)."""


class Manifest(msgspec.Struct, frozen=True):
    id: Identifier  # this bundle: importing it a second time is recognised
    kind: str  # TO_DISTRICT | FROM_DISTRICT
    device: Identifier  # the laptop it is from (to-district) or for (from-district)
    created_ms: Counter
    first_seq: Counter  # to-district: the device's op sequences; from-district: the server's
    last_seq: Counter
    count: Counter
    content_sha256: str
    protocol: int = PROTOCOL_VERSION


class ToDistrict(msgspec.Struct, frozen=True):
    push: PushRequest


class FromDistrict(msgspec.Struct, frozen=True):
    answer: PushResponse  # to the bundle it returns (accepted, refused, the values that stand)
    changes: list[Change]  # the changes the laptop would have pulled, oldest first
    next: Counter  # the pull cursor after them
    snapshot: bool = False  # the changes are the laptop's whole scope (it was left behind by housekeeping)


class Bundle(msgspec.Struct, frozen=True):
    manifest: bytes  # the signed bytes
    content: bytes
    signature: bytes


def device_key(token: str) -> bytes:
    """The key a laptop and the district share: the SHA-256 of the device's token (the district
    keeps only that, never the token)."""
    return hashlib.sha256(token.encode()).hexdigest().encode()


def new_bundle_id() -> str:
    import uuid

    return str(uuid.uuid4())


def write(kind: str, device: str, body: ToDistrict | FromDistrict, key: bytes, first: int, last: int,
          count: int) -> bytes:
    """The bytes of a signed bundle."""
    content = msgspec.msgpack.encode(body)
    manifest = msgspec.msgpack.encode(Manifest(
        id=new_bundle_id(), kind=kind, device=device, created_ms=int(time.time() * 1000), first_seq=first,
        last_seq=last, count=count, content_sha256=hashlib.sha256(content).hexdigest()))
    signature = hmac.new(key, manifest, hashlib.sha256).digest()
    # With a checksum: a changed or cut byte on a stick is "damaged", found before anything is read.
    packed = zstandard.ZstdCompressor(level=6, write_checksum=True).compress(
        msgspec.msgpack.encode(Bundle(manifest, content, signature)))
    return MAGIC + packed


def manifest_of(data: bytes) -> Manifest:
    """The manifest, read but NOT yet trusted: it says which device's key checks the rest."""
    if not data.startswith(MAGIC):
        raise BundleError("This file is not a plclassroom sync bundle.")
    try:
        return msgspec.msgpack.decode(_bundle(data).manifest, type=Manifest)
    except (ProtocolError, msgspec.DecodeError, msgspec.ValidationError):
        raise BundleError("This bundle is damaged or incomplete (was it copied whole?). Nothing was "
                          "imported; write it again.") from None


def _bundle(data: bytes) -> Bundle:
    expanded = decompress(data[len(MAGIC):], "zstd", limit=MAX_BUNDLE_EXPANDED, largest=MAX_BUNDLE_EXPANDED)
    return msgspec.msgpack.decode(expanded, type=Bundle)


def read(data: bytes, key: bytes, kind: str) -> tuple[Manifest, ToDistrict | FromDistrict]:
    """The manifest and content of a bundle signed with ``key``; BundleError if it is not whole,
    not signed with that key, or not of ``kind``."""
    manifest = manifest_of(data)
    bundle = _bundle(data)
    if not hmac.compare_digest(hmac.new(key, bundle.manifest, hashlib.sha256).digest(), bundle.signature):
        raise BundleError("This bundle was not written for this laptop and this district, or it was changed "
                          "after it was written. Nothing was imported.")
    if hashlib.sha256(bundle.content).hexdigest() != manifest.content_sha256:
        raise BundleError("This bundle was changed after it was written. Nothing was imported.")
    if manifest.kind != kind:
        raise BundleError("This is a laptop's bundle for the district, not a return bundle from it."
                          if manifest.kind == TO_DISTRICT else
                          "This is a return bundle from the district: import it on the laptop it is for.")
    if manifest.protocol != PROTOCOL_VERSION:
        raise BundleError(f"This bundle speaks sync protocol {manifest.protocol}, not {PROTOCOL_VERSION}: "
                          "update plclassroom.")
    try:
        body = msgspec.msgpack.decode(bundle.content, type=ToDistrict if kind == TO_DISTRICT else FromDistrict)
    except (msgspec.DecodeError, msgspec.ValidationError):
        raise BundleError("This bundle's contents cannot be read. Nothing was imported.") from None
    return manifest, body
