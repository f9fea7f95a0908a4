"""Files attached to a row (a photo of a poster, a scanned exit ticket): kept offline beside the
database, named by their content's SHA-256 so the same file is stored once and a copy that was
damaged can be told apart. Photos are downsized on the way in: a phone's 12-megapixel picture of
a poster does not need to fill a school laptop's disk."""

from __future__ import annotations

import hashlib
import io
import mimetypes
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from plclassroom.domain import Attachment
from plclassroom.interop.atomic import atomic_write
from plclassroom.store.unit_of_work import UnitOfWork

MAX_IMAGE_SIDE = 1600  # pixels: plenty to read a poster or a worksheet on screen
DOWNSIZED = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff"}
MAX_FILE_BYTES = 50 * 1024 * 1024


class AttachmentError(ValueError):
    pass


@dataclass(frozen=True)
class AttachmentView:
    id: str
    filename: str
    media_type: str
    size: int
    path: Path | None  # None when the file has not reached this laptop (synced from elsewhere)


def _downsized(source: Path) -> tuple[bytes, str] | None:
    """The image as a JPEG no larger than MAX_IMAGE_SIDE, or None if it is not an image we can read."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(source) as image:
            image = ImageOps.exif_transpose(image)  # phones store "turn me" separately from the pixels
            if max(image.size) <= MAX_IMAGE_SIDE and source.suffix.lower() in {".jpg", ".jpeg"}:
                return None  # already small and already a JPEG: keep the original bytes
            image.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
            out = io.BytesIO()
            image.convert("RGB").save(out, "JPEG", quality=82, optimize=True)
            return out.getvalue(), "image/jpeg"
    except (UnidentifiedImageError, OSError):
        return None


def attach_file(uow: UnitOfWork, owner_table: str, owner_id: str, source: Path) -> str:
    """Keep a copy of ``source`` for the row (``owner_table``, ``owner_id``); returns the attachment id."""
    source = Path(source)
    if uow.files_dir is None:
        raise AttachmentError("This database keeps no files.")
    if not source.is_file():
        raise AttachmentError(f"{source.name} is not a file that can be read.")
    if source.stat().st_size > MAX_FILE_BYTES:
        raise AttachmentError(f"{source.name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB: attach a smaller "
                              "copy (a photo or a PDF of the pages that matter).")
    filename = source.name
    media_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    converted = _downsized(source) if source.suffix.lower() in DOWNSIZED else None
    if converted is not None:
        content, media_type = converted
        filename = Path(filename).with_suffix(".jpg").name
    else:
        content = source.read_bytes()
    row, _new = keep_bytes(uow, owner_table, owner_id, filename, media_type, content)
    uow.commit()
    return row.id


def keep_bytes(uow: UnitOfWork, owner_table: str, owner_id: str, filename: str, media_type: str,
               content: bytes) -> tuple[Attachment, bool]:
    """Store ``content`` (once per content, by its SHA-256) and add its Attachment row without
    committing, so an import can keep many files in one transaction. Returns the row and whether
    the content was new to this laptop."""
    digest = hashlib.sha256(content).hexdigest()
    target = uow.files_dir / digest[:2] / digest
    new = not (target.is_file() and target.stat().st_size == len(content))
    if new:
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(target) as handle:
            handle.write(content)
    row = uow.add(Attachment(owner_table=owner_table, owner_id=owner_id, filename=filename,
                             media_type=media_type, size=len(content), sha256=digest))
    return row, new


def attachments_of(uow: UnitOfWork, owner_table: str, owner_ids: list[str]) -> dict[str, list[AttachmentView]]:
    found: dict[str, list[AttachmentView]] = {}
    for row in uow.session.execute(select(Attachment).where(
            Attachment.owner_table == owner_table, Attachment.owner_id.in_(owner_ids),
            Attachment.deleted.is_(False))).scalars():
        path = uow.files_dir / row.sha256[:2] / row.sha256 if uow.files_dir else None
        found.setdefault(row.owner_id, []).append(AttachmentView(
            row.id, row.filename, row.media_type, row.size, path if path and path.exists() else None))
    return found


def export_attachment(uow: UnitOfWork, attachment_id: str, target: Path) -> Path:
    """Copy an attachment out under its own name (to open it, or to send it)."""
    row = uow.get(Attachment, attachment_id)
    stored = uow.files_dir / row.sha256[:2] / row.sha256 if row and uow.files_dir else None
    if stored is None or not stored.exists():
        raise AttachmentError("That file has not reached this laptop yet.")
    target = Path(target)
    shutil.copyfile(stored, target)
    return target
