"""Backing up the laptop's database, and restoring a backup (issue 10).

A backup is a consistent copy taken with SQLite's online backup API while the app keeps working
(never a file copy of a live WAL database), into a chosen folder, keeping the newest N; the files
attached to evidence and playlists go with it (by content, shared by the backups in the folder).

A restore checks the file before anything is replaced (read-only: sound, a plclassroom database,
of a schema this app knows), takes a copy of the database as it is now, then writes the backup
into the live database through SQLite in one step, and opens it again. Any failure before that
step changes nothing; a failure after it (the reopened database refused) puts the copy of now back.

What a restore means for sync:

- A backup of *this* database keeps its device id. Its outbox (the changes that were waiting when
  it was taken) is sent at the next sync. That is safe: the district keys every change by (device,
  operation sequence), so one it already has counts once, and it keeps each field's newest version
  (by the edit's clock), so an older copy never overwrites newer work there. What would not be
  safe is numbering new changes from the backup's older sequence: the district would take them for
  changes it already has and drop them. So the restored outbox sequence continues from the
  highest one this database had used before the restore.
- Its pull cursor is the backup's: the next sync fetches again what others changed since then
  (applied as the district has it). This laptop's own changes made after the backup and already
  sent are at the district, but a pull never returns a device's own changes: the verification
  that a Sync now runs finds the rows that differ and brings the district's versions back.
- A backup of *another* database (another laptop, or another profile) is given a new device id:
  two devices must never share one, or their operation sequences would collide at the district.
  It has to be connected to the district server again (File > Connect to district server); its
  waiting changes are then sent under the new id, and its pulls bring everything in its scope
  since its cursor, that other device's changes included.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import select

from plclassroom.domain.base import new_id
from plclassroom.domain.school import Person, Role
from plclassroom.services import privacy
from plclassroom.store import backup as files
from plclassroom.store import forget
from plclassroom.store.backup import BackupFacts, BackupFile, BackupUnusable
from plclassroom.store.database import Store, StoreError
from plclassroom.store.paths import data_dir

DEFAULT_KEEP = 10

__all__ = ["BackupError", "BackupFacts", "BackupFile", "BackedUp", "Checked", "Restored", "DEFAULT_KEEP",
           "back_up", "backups", "check", "default_folder", "restore"]


class BackupError(Exception):
    """A backup or restore that did not happen; the message is for the person, and says so."""


def default_folder() -> Path:
    """Beside the profiles' databases, where the copies taken before a migration go too, so a
    person (or the message about a damaged database) finds them all in one place."""
    return data_dir() / "profiles" / "backups"


@dataclass(frozen=True)
class BackedUp:
    path: Path
    removed: list[Path]  # older backups let go, to keep the newest N
    files: int  # attached files copied (new since the last backup)


def back_up(store: Store, folder: Path, keep: int = DEFAULT_KEEP) -> BackedUp:
    """Take a backup of ``store`` into ``folder`` and keep the newest ``keep`` there."""
    if store.path is None:
        raise BackupError("This database is on a server: back it up with the server's own tools (pg_dump).")
    try:
        path = files.take(store.path, folder)
        copied = files.copy_files(_files_of(store.path), folder / files.FILES, files.attachment_digests(path))
    except (OSError, sqlite3.Error) as error:
        raise BackupError(f"The backup could not be written to {folder}: {getattr(error, 'strerror', None) or error}. "
                          "Choose another folder in Settings.") from None
    return BackedUp(path, files.prune(folder, store.path.stem, keep), copied)


def backups(store: Store, folder: Path) -> list[BackupFile]:
    """This database's backups in ``folder``, newest first."""
    return files.list_backups(folder, store.path.stem if store.path else None)


@dataclass(frozen=True)
class Checked:
    """A backup that may be restored, and what restoring it would mean."""

    facts: BackupFacts
    same_device: bool  # a copy of this database (else it gets a new device id)
    older_schema: bool  # made by an earlier version: brought up to date as it is restored

    def summary(self) -> list[str]:
        """What it holds, in a person's words, for the question before restoring."""
        f = self.facts
        lines = [f"Taken {_when(f.taken_at)}.",
                 f"It holds {_n(f.schools, 'school')}, {_n(f.classes, 'class', 'classes')} and "
                 f"{_n(f.students, 'student')}" + (f"; its newest change is from {_when(f.latest_change)}."
                                                   if f.latest_change else ".")]
        if f.waiting:
            lines.append(f"Not yet sent to the district in it: {_n(f.waiting, 'change')}. The next sync sends what "
                         "waits (the district keeps whichever version is newest).")
        if self.older_schema:
            lines.append("It was made by an earlier version of plclassroom and is brought up to date as it is "
                         "restored.")
        if not self.same_device:
            lines.append("It is a copy of another laptop's or profile's data: restored here, it gets a new sync "
                         "identity, so connect to the district server again afterwards.")
        elif f.has_synced:
            lines.append("Work this laptop sent to the district after the backup was taken stays there; "
                         "Sync now brings it back.")
        return lines


def check(store: Store, path: Path) -> Checked:
    """Check the backup at ``path`` for ``store`` without changing either; ``BackupError`` says why not."""
    path = Path(path)
    if store.path is not None and path.resolve() == store.path.resolve():
        raise BackupError(f"{path.name} is the database in use: choose a backup of it.")
    try:
        facts = files.inspect(path)
    except BackupUnusable as error:
        raise BackupError(f"{error} Nothing was changed.") from None
    from plclassroom.store import migrations

    return Checked(facts, facts.device_id == store.device_id, facts.revision != migrations.HEAD)


@dataclass(frozen=True)
class Restored:
    store: Store  # the restored database, open
    checked: Checked
    safety: Path  # the database as it was before the restore
    new_identity: bool
    files: int
    forgotten_again: int = 0  # students deleted from this laptop after the backup was taken, deleted again


def restore(store: Store, path: Path, folder: Path) -> Restored:
    """Replace ``store``'s database with the backup at ``path`` (checked again first), after a
    backup of it as it is now into ``folder``. ``store`` is closed; the restored one is returned open."""
    if store.path is None:
        raise BackupError("This database is on a server: restore it with the server's own tools.")
    checked = check(store, path)
    live = store.path
    try:
        high_water = files.database_high_water(live)
        safety = files.take(live, folder, files.BEFORE_RESTORE)
        files.copy_files(_files_of(live), folder / files.FILES, files.attachment_digests(safety))
    except (OSError, sqlite3.Error, BackupUnusable) as error:
        raise BackupError(f"A copy of the database as it is now could not be made in {folder} ({error}), so "
                          "nothing was restored. Choose another backup folder in Settings.") from None
    new_identity = not checked.same_device
    with store.engine.connect() as connection:
        forgotten = forget.forgotten_rows(connection)
    store.close()
    try:
        files.restore_into(path, live, outbox_seq_at_least=high_water,
                           new_device_id=new_id() if new_identity else None)
    except Exception as error:  # noqa: BLE001  (whatever stopped it, the live file is unchanged: say so)
        raise BackupError(f"{Path(path).name} could not be restored ({error}). Nothing was changed.") from None
    try:
        restored = Store.open(live)
    except StoreError as error:
        try:
            files.restore_into(safety, live, outbox_seq_at_least=high_water)
        except Exception as again:  # noqa: BLE001
            raise BackupError(f"The restored database could not be opened ({error}), and putting the one from "
                              f"before back failed too ({again}). It is safe in {safety}: restore it from the "
                              "menu.") from None
        raise BackupError(f"The restored database could not be opened ({error}), so the database as it was "
                          "before has been put back.") from None
    try:
        copied = files.copy_files(Path(path).parent / files.FILES, _files_of(live), files.attachment_digests(live))
    except (OSError, sqlite3.Error):
        copied = 0  # the data is restored; a file it lacks shows as missing, as before
    return Restored(restored, checked, safety, new_identity, copied, forget_again(restored, forgotten))


def forget_again(store: Store, forgotten: dict[str, set[str]]) -> int:
    """A family's request outlives a restore: every student this laptop had forgotten, and that an
    older backup still holds, is forgotten again (rows, unsent changes, files), and the list of what
    was forgotten is whole again, so sync keeps them away too. Returns the students forgotten again."""
    students = forgotten.get("person", set())
    with store.unit_of_work() as uow:
        present = [row.id for row in uow.session.execute(
            select(Person.id).where(Person.id.in_(sorted(students)), Person.role == Role.STUDENT.value))]
    for student_id in present:
        privacy.forget_student(store, student_id)
    with store.unit_of_work() as uow:
        forget.remember(uow.session.connection(), forgotten)
        uow.commit()
    return len(present)


@dataclass(frozen=True)
class RestoredDamaged:
    checked: Checked
    set_aside: Path | None  # where the damaged database went (None: there was none)


def restore_damaged(live: Path, path: Path, folder: Path) -> RestoredDamaged:
    """For a database too damaged to open (``plclassroom restore``): check the backup at ``path``,
    move what is at ``live`` aside into ``folder`` unread, and restore the backup in its place. When
    the damaged file no longer says which change numbers it used, or whose it was, the restored copy
    gets a new sync identity, so none of its changes can be taken for ones the district has seen."""
    live, path = Path(live), Path(path)
    if path.resolve() == live.resolve():
        raise BackupError(f"{path.name} is the damaged database itself: choose a backup of it.")
    try:
        facts = files.inspect(path)
    except BackupUnusable as error:
        raise BackupError(f"{error} Nothing was changed.") from None
    try:
        high_water, device = files.database_identity(live)
    except sqlite3.Error:  # unreadable, or not there at all
        high_water, device = 0, None
    from plclassroom.store import migrations

    checked = Checked(facts, device is not None and device == facts.device_id, facts.revision != migrations.HEAD)
    aside = files.set_aside(live, folder) if live.exists() else None
    try:
        files.restore_into(path, live, outbox_seq_at_least=high_water,
                           new_device_id=None if checked.same_device else new_id())
        Store.open(live).close()  # it opens, migrated
    except Exception as error:  # noqa: BLE001  (say what stopped it; the damaged file is kept aside)
        raise BackupError(f"{path.name} could not be restored ({error}). The damaged database is in "
                          f"{aside}.") from None
    try:
        files.copy_files(path.parent / files.FILES, _files_of(live), files.attachment_digests(live))
    except (OSError, sqlite3.Error):
        pass  # the data is restored; a file it lacks shows as missing
    return RestoredDamaged(checked, aside)


def _files_of(database: Path) -> Path:
    """Where a database keeps its attached files (as ``Store.unit_of_work`` says)."""
    return database.parent / f"{database.stem}-files"


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%a %d %b %Y at %H:%M") if moment else "at an unknown time"
