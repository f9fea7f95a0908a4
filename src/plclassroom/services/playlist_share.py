"""Sharing a playlist with a colleague: one ``.plplaylist`` file out, a new draft playlist in.

The file's format (zip layout, JSON, validation) is ``interop.playlist_share``'s; this module
reads the playlist out of the store and puts a shared one back in.

Importing never overwrites: it makes a new draft (titled "... (shared)" when this laptop already
has a playlist of that title). Competencies are linked by CASE identifier to this laptop's
frameworks; one that is not here is reported (by code and identifier) as a warning, and the
items still come in (a checkpoint on it keeps no competency, and says so). Attached files are
kept content-addressed beside the database, so a file already here is not stored twice. Variants
stay linked to their base item.

One transaction. A file that cannot be read is refused with ``ImportRefused`` (its ``report``
lists every problem, each ``fatal``) before anything is written; any other error rolls back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from plclassroom.domain import Attachment, Competency, Playlist, PlaylistCompetency, PlaylistItem, new_id
from plclassroom.interop.playlist_share import (
    SUFFIX,
    PlaylistExportError,
    PlaylistFileError,
    SharedCompetency,
    SharedFile,
    SharedItem,
    SharedPlaylist,
    read_playlist_file,
    write_playlist_file,
)
from plclassroom.interop.problems import ImportRefused, Problem, ProblemReport
from plclassroom.services.attachments import keep_bytes
from plclassroom.store.unit_of_work import UnitOfWork

__all__ = ["SUFFIX", "ImportRefused", "PlaylistExportError", "PlaylistImportReport", "export_playlist",
           "import_playlist"]

OWNER_TABLE = "playlist_item"  # Attachment.owner_table of a playlist item's files
SHARED_SUFFIX = " (shared)"


@dataclass
class PlaylistImportReport(ProblemReport):
    """What an import made, and what it could not link (as warnings)."""

    subject = "The playlist"
    file: str
    playlist_id: str | None = None
    title: str = ""
    items: int = 0
    variants: int = 0
    competencies_linked: int = 0
    missing_competencies: list[SharedCompetency] = field(default_factory=list)  # not on this laptop
    unlinked_checkpoints: list[str] = field(default_factory=list)  # titles of checkpoints left without one
    files_added: int = 0  # files new to this laptop
    files_already_here: int = 0
    problems: list[Problem] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Export


def export_playlist(uow: UnitOfWork, playlist_id: str, path: Path) -> Path:
    """Write the playlist, its items and their files to ``path`` (a ``.plplaylist``) whole or not at
    all. Raises PlaylistExportError when the playlist is not here, or a file it needs has not
    reached this laptop or is damaged. Writes nothing to the database."""
    playlist = uow.get(Playlist, playlist_id)
    if playlist is None:
        raise PlaylistExportError("That playlist is not on this laptop (it may have been deleted).")
    shared, sources = shared_playlist(uow, playlist)
    return write_playlist_file(shared, Path(path), sources)


def shared_playlist(uow: UnitOfWork, playlist: Playlist) -> tuple[SharedPlaylist, dict[str, Path]]:
    """The playlist as it is shared, and where each of its files' content is on this laptop."""
    session = uow.session
    competencies = session.scalars(
        select(Competency)
        .join(PlaylistCompetency, PlaylistCompetency.competency_id == Competency.id)
        .where(PlaylistCompetency.playlist_id == playlist.id, PlaylistCompetency.deleted.is_(False),
               Competency.deleted.is_(False))
        .order_by(Competency.code, Competency.id)
    ).unique().all()
    rows = session.scalars(
        select(PlaylistItem).where(PlaylistItem.playlist_id == playlist.id, PlaylistItem.deleted.is_(False))
    ).all()
    # In playlist order; a variant right after the items at its position that are not variants.
    rows = sorted(rows, key=lambda row: (row.position, row.variant_of_id is not None, row.title, row.id))
    keys = {row.id: f"item-{number}" for number, row in enumerate(rows, start=1)}
    owned: dict[str, list[Attachment]] = {}
    for attachment in session.scalars(
            select(Attachment).where(Attachment.owner_table == OWNER_TABLE,
                                     Attachment.owner_id.in_(list(keys)), Attachment.deleted.is_(False))
            .order_by(Attachment.filename, Attachment.id)):
        owned.setdefault(attachment.owner_id, []).append(attachment)

    sources: dict[str, Path] = {}

    def shared_file(attachment: Attachment, item: PlaylistItem) -> SharedFile:
        stored = uow.files_dir / attachment.sha256[:2] / attachment.sha256 if uow.files_dir else None
        if not attachment.sha256 or stored is None or not stored.is_file():
            raise PlaylistExportError(f"{attachment.filename} (attached to {item.title!r}) has not reached "
                                      "this laptop yet: share the playlist after the next sync, or from the "
                                      "laptop it was attached on.")
        sources[attachment.sha256] = stored
        return SharedFile(sha256=attachment.sha256, filename=attachment.filename,
                          media_type=attachment.media_type, size=attachment.size)

    items = []
    for row in rows:
        main = uow.get(Attachment, row.attachment_id) if row.attachment_id else None
        competency = uow.get(Competency, row.competency_id) if row.competency_id else None
        items.append(SharedItem(
            key=keys[row.id],
            kind=str(row.kind),
            title=row.title,
            position=row.position,
            instructions=row.instructions,
            minutes=row.minutes,
            required=row.required,
            resource_url=row.resource_url,
            competency=_shared_competency(competency) if competency else None,
            scoring=row.scoring,
            variant_of=keys.get(row.variant_of_id) if row.variant_of_id else None,  # None: base was deleted
            variant_label=row.variant_label,
            suitability=dict(row.suitability or {}),
            attachment=shared_file(main, row) if main else None,
            other_attachments=[shared_file(a, row) for a in owned.get(row.id, [])
                               if a.id != row.attachment_id],
        ))
    shared = SharedPlaylist(title=playlist.title, description=playlist.description,
                            competencies=[_shared_competency(c) for c in competencies], items=items)
    return shared, sources


def _shared_competency(competency: Competency) -> SharedCompetency:
    return SharedCompetency(identifier=competency.case_identifier or None, code=competency.code,
                            statement=competency.statement)


# ---------------------------------------------------------------------------------------------
# Import


def import_playlist(uow: UnitOfWork, path: Path, author_id: str | None = None) -> PlaylistImportReport:
    """Make a new draft playlist from the shared file at ``path``, in one transaction.

    Raises ImportRefused (nothing written) when the file cannot be read; its report names every
    problem. Otherwise returns the report, whose ``warnings`` say what could not be linked.
    """
    path = Path(path)
    report = PlaylistImportReport(file=path.name)
    try:
        shared = read_playlist_file(path)
    except PlaylistFileError as exc:
        report.problems.extend(exc.problems)
        raise ImportRefused(report) from exc
    if shared.contents and uow.files_dir is None:
        report.problems.append(Problem(path.name, None, None, "this database keeps no files, and the "
                                       "playlist has attached files", fatal=True))
        raise ImportRefused(report)
    try:
        _import(uow, shared, report, author_id)
        uow.commit()
    except BaseException:
        uow.session.rollback()
        raise
    return report


def _import(uow: UnitOfWork, shared: SharedPlaylist, report: PlaylistImportReport,
            author_id: str | None) -> None:
    session = uow.session
    identifiers = {c.identifier for c in shared.competencies if c.identifier}
    identifiers |= {item.competency.identifier for item in shared.items
                    if item.competency and item.competency.identifier}
    found: dict[str, str] = {}
    if identifiers:
        # The oldest, should two frameworks on this laptop hold the same CASE item.
        for identifier, competency_id in session.execute(
                select(Competency.case_identifier, Competency.id)
                .where(Competency.case_identifier.in_(identifiers), Competency.deleted.is_(False))
                .order_by(Competency.hlc.desc(), Competency.id.desc())):
            found[identifier] = competency_id
    missing: dict[str, SharedCompetency] = {}  # by CASE identifier, or code when it has none

    def linked(competency: SharedCompetency, where: str) -> str | None:
        competency_id = found.get(competency.identifier) if competency.identifier else None
        if competency_id is None:
            key = competency.identifier or f"code:{competency.code}"
            if key not in missing:
                missing[key] = competency
                report.missing_competencies.append(competency)
                said = (f"{competency.label()} is not in this laptop's frameworks: import its framework, "
                        "then link it by hand" if competency.identifier else
                        f"{competency.code or competency.statement[:60]} has no CASE identifier (it was made "
                        "on the sending laptop), so it cannot be found here: link one by hand")
                report.problems.append(Problem("playlist.json", None, where, f"competency {said}",
                                               warning=True))
        return competency_id

    playlist = Playlist(title=_free_title(uow, shared.title), description=shared.description,
                        author_id=author_id, status="draft")
    uow.add(playlist)
    report.playlist_id, report.title = playlist.id, playlist.title

    linked_ids: set[str] = set()
    for index, competency in enumerate(shared.competencies):
        competency_id = linked(competency, f"competencies[{index}]")
        if competency_id and competency_id not in linked_ids:
            linked_ids.add(competency_id)
            uow.add(PlaylistCompetency(playlist_id=playlist.id, competency_id=competency_id))
    report.competencies_linked = len(linked_ids)

    ids = {item.key: new_id() for item in shared.items}
    kept: set[str] = set()
    for index, item in enumerate(shared.items):
        competency_id = linked(item.competency, f"items[{index}].competency") if item.competency else None
        if item.competency and competency_id is None:
            report.unlinked_checkpoints.append(item.title)
            report.problems.append(Problem(
                "playlist.json", None, f"items[{index}].competency",
                f"{item.title!r} checks {item.competency.label()}, which is not on this laptop: "
                "it is imported without a competency; choose one for it", warning=True))
        row = PlaylistItem(
            id=ids[item.key], playlist_id=playlist.id, position=item.position, kind=item.kind,
            title=item.title, instructions=item.instructions, minutes=item.minutes, required=item.required,
            resource_url=item.resource_url, competency_id=competency_id, scoring=item.scoring,
            variant_of_id=ids[item.variant_of] if item.variant_of else None, variant_label=item.variant_label,
            suitability=dict(item.suitability),
        )
        for number, shared_file in enumerate(item.files()):
            attachment = _keep_file(uow, shared, shared_file, row.id, kept, report)
            if number == 0 and item.attachment is not None:
                row.attachment_id = attachment.id
        uow.add(row)
        report.items += 1
        report.variants += item.variant_of is not None
    session.flush()


def _free_title(uow: UnitOfWork, title: str) -> str:
    """``title``, or "title (shared)" (then "(shared 2)", ...) when a playlist here already has it."""
    taken = set(uow.session.scalars(
        select(Playlist.title).where(Playlist.deleted.is_(False), Playlist.title.startswith(title))))
    if title not in taken:
        return title
    candidate, number = f"{title}{SHARED_SUFFIX}", 2
    while candidate in taken:
        candidate, number = f"{title} (shared {number})", number + 1
    return candidate


def _keep_file(uow: UnitOfWork, shared: SharedPlaylist, shared_file: SharedFile, owner_id: str,
               kept: set[str], report: PlaylistImportReport) -> Attachment:
    """Keep the file where ``services.attachments`` keeps files, without committing."""
    row, new = keep_bytes(uow, OWNER_TABLE, owner_id, shared_file.filename, shared_file.media_type,
                          shared.contents[shared_file.sha256])
    if shared_file.sha256 not in kept:
        kept.add(shared_file.sha256)
        if new:
            report.files_added += 1
        else:
            report.files_already_here += 1
    return row