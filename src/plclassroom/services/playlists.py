"""Playlists: build them, assign them, track progress, and see the class at a glance.

Every change returns what the UI needs to undo it by a compensating change. Progress is kept per
student and item: reassigning a playlist (to a group, to one student) keeps what was done.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import select

from plclassroom.domain import (
    Accommodation,
    EvidenceSource,
    GroupMember,
    ItemKind,
    ItemProgress,
    LearnerProfile,
    Playlist,
    PlaylistAssignment,
    PlaylistCompetency,
    PlaylistItem,
    ProgressStatus,
)
from plclassroom.domain.differentiation import Version, choose_version, learner_from_profile
from plclassroom.services import mastery
from plclassroom.services.roster import list_name, students_of
from plclassroom.store.unit_of_work import UnitOfWork

KINDS = [kind.value for kind in ItemKind]
STATUSES = [status.value for status in ProgressStatus]
ITEM_FIELDS = ("title", "kind", "instructions", "minutes", "required", "resource_url", "competency_id", "scoring",
               "variant_label", "suitability", "attachment_id")
PLAYLIST_FIELDS = ("title", "description", "status")
BEHIND_BY = 0.2  # flag a student more than this share of the must-do items behind the expected pace


class PlaylistError(ValueError):
    """A change the playlist cannot take; the message is for the teacher."""


@dataclass
class ItemView:
    id: str
    position: int
    title: str
    kind: str
    minutes: int | None
    required: bool
    instructions: str
    resource_url: str
    competency_id: str | None
    attachment_id: str | None
    variants: list[ItemView] = field(default_factory=list)
    variant_label: str = ""
    suitability: dict = field(default_factory=dict)


@dataclass
class PlaylistView:
    id: str
    title: str
    description: str
    status: str
    version: int
    class_id: str | None
    competency_ids: list[str]
    items: list[ItemView]  # base items in order; each with its variants


# -- building ------------------------------------------------------------------------------------


def _playlist(uow: UnitOfWork, playlist_id: str) -> Playlist:
    found = uow.get(Playlist, playlist_id)
    if found is None:
        raise PlaylistError("That playlist is not on this laptop any more.")
    return found


def _item(uow: UnitOfWork, item_id: str) -> PlaylistItem:
    found = uow.get(PlaylistItem, item_id)
    if found is None:
        raise PlaylistError("That item was removed.")
    return found


def _check_item_value(name: str, value):
    if name == "kind" and value not in KINDS:
        raise PlaylistError(f"An item is one of: {', '.join(KINDS)}")
    if name == "title" and not str(value).strip():
        raise PlaylistError("An item needs a title.")
    if name == "minutes":
        if value in (None, ""):
            return None
        try:
            minutes = int(value)
        except (TypeError, ValueError):
            raise PlaylistError(f"{value!r} is not a number of minutes") from None
        if not 0 < minutes <= 600:
            raise PlaylistError("Minutes are between 1 and 600.")
        return minutes
    if name == "required":
        return bool(value)
    return value


def create_playlist(uow: UnitOfWork, title: str, class_id: str | None = None, author_id: str | None = None,
                    competency_ids: list[str] | None = None, description: str = "") -> str:
    if not title.strip():
        raise PlaylistError("A playlist needs a title.")
    playlist = uow.add(Playlist(title=title.strip(), description=description, class_id=class_id,
                                author_id=author_id, status="draft"))
    for competency_id in competency_ids or []:
        uow.add(PlaylistCompetency(playlist_id=playlist.id, competency_id=competency_id))
    uow.commit()
    return playlist.id


def update_playlist(uow: UnitOfWork, playlist_id: str, name: str, value) -> object:
    """Set one field (title, description, status); returns the old value."""
    if name not in PLAYLIST_FIELDS:
        raise PlaylistError(f"{name!r} cannot be edited here")
    if name == "status" and value not in ("draft", "active", "archived"):
        raise PlaylistError("A playlist is a draft, active or archived.")
    if name == "title" and not str(value).strip():
        raise PlaylistError("A playlist needs a title.")
    playlist = _playlist(uow, playlist_id)
    old = getattr(playlist, name)
    setattr(playlist, name, value)
    uow.commit()
    return old


def set_competencies(uow: UnitOfWork, playlist_id: str, competency_ids: list[str]) -> list[str]:
    """The competencies the playlist targets; returns the previous list."""
    _playlist(uow, playlist_id)
    old = uow.replace_links(PlaylistCompetency, "playlist_id", playlist_id, "competency_id", competency_ids)
    uow.commit()
    return old


def _base_items(uow: UnitOfWork, playlist_id: str) -> list[PlaylistItem]:
    return list(uow.session.execute(select(PlaylistItem).where(
        PlaylistItem.playlist_id == playlist_id, PlaylistItem.variant_of_id.is_(None),
        PlaylistItem.deleted.is_(False)).order_by(PlaylistItem.position)).scalars())


def add_item(uow: UnitOfWork, playlist_id: str, title: str, kind: str = ItemKind.PRACTICE.value,
             position: int | None = None, variant_of_id: str | None = None, row_id: str | None = None,
             **fields) -> str:
    """A new item at ``position`` (the end by default), or a variant of ``variant_of_id``.
    ``row_id`` brings back a removed item (undo), with everything it had."""
    _playlist(uow, playlist_id)
    if row_id is not None:
        item = uow.session.get(PlaylistItem, row_id)
        if item is None:
            raise PlaylistError("That item cannot be brought back.")
        item.deleted = False
        uow.session.flush()
        _renumber(uow, playlist_id, moved=item if item.variant_of_id is None else None, to=item.position)
        uow.commit()
        return item.id
    values = {name: _check_item_value(name, value) for name, value in fields.items() if name in ITEM_FIELDS}
    item = PlaylistItem(playlist_id=playlist_id, title=_check_item_value("title", title),
                        kind=_check_item_value("kind", kind), variant_of_id=variant_of_id, **values)
    uow.add(item)
    uow.session.flush()
    if variant_of_id is None:
        items = _base_items(uow, playlist_id)
        _renumber(uow, playlist_id, moved=item, to=len(items) - 1 if position is None else position)
    uow.commit()
    return item.id


def _renumber(uow: UnitOfWork, playlist_id: str, moved: PlaylistItem | None = None, to: int = 0) -> None:
    items = [i for i in _base_items(uow, playlist_id) if i is not moved]
    if moved is not None:
        items.insert(max(0, min(to, len(items))), moved)
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position


def update_item(uow: UnitOfWork, item_id: str, name: str, value) -> object:
    """Set one field of an item; returns the old value."""
    if name not in ITEM_FIELDS:
        raise PlaylistError(f"{name!r} cannot be edited here")
    item = _item(uow, item_id)
    old = getattr(item, name)
    setattr(item, name, _check_item_value(name, value))
    uow.commit()
    return old


def move_item(uow: UnitOfWork, item_id: str, position: int) -> int:
    """Move an item to ``position``; returns where it was."""
    item = _item(uow, item_id)
    old = item.position
    _renumber(uow, item.playlist_id, moved=item, to=position)
    uow.commit()
    return old


def remove_item(uow: UnitOfWork, item_id: str) -> list[str]:
    """Tombstone an item and its variants (progress on them is kept); returns the ids removed,
    the item first, for ``restore_items``."""
    item = _item(uow, item_id)
    removed = [item_id]
    for variant in uow.session.execute(select(PlaylistItem).where(
            PlaylistItem.variant_of_id == item_id, PlaylistItem.deleted.is_(False))).scalars():
        uow.tombstone(variant)
        removed.append(variant.id)
    uow.tombstone(item)
    uow.session.flush()
    if item.variant_of_id is None:
        _renumber(uow, item.playlist_id)
    uow.commit()
    return removed


def restore_items(uow: UnitOfWork, item_ids: list[str]) -> None:
    """Bring back removed items (undo of ``remove_item``), the first one at its old place."""
    rows = [uow.session.get(PlaylistItem, item_id) for item_id in item_ids]
    if any(row is None for row in rows):
        raise PlaylistError("Those items cannot be brought back.")
    for row in rows:
        row.deleted = False
    uow.session.flush()
    if rows[0].variant_of_id is None:
        _renumber(uow, rows[0].playlist_id, moved=rows[0], to=rows[0].position)
    uow.commit()


def copy_playlist(uow: UnitOfWork, playlist_id: str, title: str | None = None, as_version: bool = False) -> str:
    """A copy with every item and variant (a draft). ``as_version``: the next version of the same
    playlist (same title, version + 1); assignments of the old one keep running."""
    source = _playlist(uow, playlist_id)
    copy = uow.add(Playlist(
        title=source.title if as_version else (title or f"{source.title} (copy)"), description=source.description,
        class_id=source.class_id, author_id=source.author_id, status="draft",
        version=source.version + 1 if as_version else 1, copied_from_id=source.id))
    for link in uow.session.execute(select(PlaylistCompetency).where(
            PlaylistCompetency.playlist_id == playlist_id, PlaylistCompetency.deleted.is_(False))).scalars():
        uow.add(PlaylistCompetency(playlist_id=copy.id, competency_id=link.competency_id))
    items = list(uow.session.execute(select(PlaylistItem).where(
        PlaylistItem.playlist_id == playlist_id, PlaylistItem.deleted.is_(False))).scalars())
    new_ids: dict[str, PlaylistItem] = {}
    for item in sorted(items, key=lambda i: i.variant_of_id is not None):  # bases before their variants
        new = PlaylistItem(playlist_id=copy.id, position=item.position, kind=item.kind, title=item.title,
                           instructions=item.instructions, minutes=item.minutes, required=item.required,
                           resource_url=item.resource_url, attachment_id=item.attachment_id,
                           competency_id=item.competency_id, scoring=item.scoring,
                           variant_of_id=new_ids[item.variant_of_id].id if item.variant_of_id else None,
                           variant_label=item.variant_label, suitability=dict(item.suitability or {}))
        new_ids[item.id] = uow.add(new)
    uow.commit()
    return copy.id


def get_playlist(uow: UnitOfWork, playlist_id: str) -> PlaylistView:
    playlist = _playlist(uow, playlist_id)
    rows = list(uow.session.execute(select(PlaylistItem).where(
        PlaylistItem.playlist_id == playlist_id, PlaylistItem.deleted.is_(False))).scalars())

    def view(row: PlaylistItem) -> ItemView:
        return ItemView(row.id, row.position, row.title, row.kind, row.minutes, row.required, row.instructions,
                        row.resource_url, row.competency_id, row.attachment_id, [], row.variant_label,
                        dict(row.suitability or {}))

    bases = {row.id: view(row) for row in rows if row.variant_of_id is None}
    for row in rows:
        if row.variant_of_id in bases:
            bases[row.variant_of_id].variants.append(view(row))
    competencies = [link.competency_id for link in uow.session.execute(select(PlaylistCompetency).where(
        PlaylistCompetency.playlist_id == playlist_id, PlaylistCompetency.deleted.is_(False))).scalars()]
    return PlaylistView(playlist.id, playlist.title, playlist.description, playlist.status, playlist.version,
                        playlist.class_id, competencies, sorted(bases.values(), key=lambda i: i.position))


def list_playlists(uow: UnitOfWork, class_id: str | None = None, include_archived: bool = False) -> list[Playlist]:
    query = select(Playlist).where(Playlist.deleted.is_(False))
    if class_id is not None:
        query = query.where((Playlist.class_id == class_id) | Playlist.class_id.is_(None))
    if not include_archived:
        query = query.where(Playlist.status != "archived")
    return list(uow.session.execute(query.order_by(Playlist.title, Playlist.version)).scalars())


# -- assigning -----------------------------------------------------------------------------------


def assign(uow: UnitOfWork, playlist_id: str, class_id: str, group_id: str | None = None,
           student_ids: list[str] | None = None, start_date: date | None = None, due_date: date | None = None,
           assigned_by: str | None = None) -> list[str]:
    """Give a playlist to the class, a group, or single students; returns the assignment ids."""
    playlist = _playlist(uow, playlist_id)
    if start_date and due_date and due_date < start_date:
        raise PlaylistError("The due date is before the start date.")
    if playlist.status == "archived":
        raise PlaylistError("That playlist is archived: copy it or make a new version to assign it.")
    if playlist.status == "draft":
        playlist.status = "active"
    common = dict(playlist_id=playlist_id, class_id=class_id, start_date=start_date, due_date=due_date,
                  assigned_by=assigned_by)
    if student_ids:
        rows = [uow.add(PlaylistAssignment(student_id=student_id, **common)) for student_id in student_ids]
    else:
        rows = [uow.add(PlaylistAssignment(group_id=group_id, **common))]
    uow.commit()
    return [row.id for row in rows]


def unassign(uow: UnitOfWork, assignment_id: str) -> None:
    """End an assignment; the progress made is kept (it shows again if the playlist is reassigned)."""
    row = uow.get(PlaylistAssignment, assignment_id)
    if row is not None:
        uow.tombstone(row)
        uow.commit()


def _assignments(uow: UnitOfWork, class_id: str) -> list[PlaylistAssignment]:
    return list(uow.session.execute(select(PlaylistAssignment).where(
        PlaylistAssignment.class_id == class_id, PlaylistAssignment.deleted.is_(False))).scalars())


def assigned_students(uow: UnitOfWork, assignment: PlaylistAssignment, class_students: list[str]) -> list[str]:
    if assignment.student_id:
        return [assignment.student_id]
    if assignment.group_id:
        members = set(uow.session.execute(select(GroupMember.student_id).where(
            GroupMember.group_id == assignment.group_id, GroupMember.deleted.is_(False))).scalars())
        return [s for s in class_students if s in members]
    return list(class_students)


# -- progress ------------------------------------------------------------------------------------


def set_progress(uow: UnitOfWork, assignment_id: str, item_id: str, student_ids: list[str], status: str,
                 score: float | None = None, recorded_by: str | None = None,
                 observed_on: date | None = None) -> dict[str, str]:
    """Mark an item for students (one or many); returns each student's previous status, for undo.

    A checkpoint with a score also records mastery evidence on the checkpoint's competency, so the
    heatmap moves without a second entry.
    """
    previous = _mark(uow, assignment_id, item_id, student_ids, status, score)
    item = _item(uow, item_id)
    checkpoint = score is not None and item.kind == ItemKind.CHECKPOINT.value
    _record_checkpoints(uow, [(assignment_id, item, student_ids)] if checkpoint else [], score, recorded_by,
                        observed_on)
    return previous


def _mark(uow: UnitOfWork, assignment_id: str, item_id: str, student_ids: list[str], status: str,
          score: float | None) -> dict[str, str]:
    if status not in STATUSES:
        raise PlaylistError(f"A status is one of: {', '.join(STATUSES)}")
    assignment = uow.get(PlaylistAssignment, assignment_id)
    _item(uow, item_id)
    if assignment is None:
        raise PlaylistError("That assignment was ended.")
    current = _progress_rows(uow, [item_id], student_ids)
    now = datetime.now(UTC)
    previous = {}
    for student_id in student_ids:
        row = current.get((student_id, item_id))
        previous[student_id] = row.status if row else ProgressStatus.NOT_STARTED.value
        if row is None:
            row = uow.add(ItemProgress(assignment_id=assignment_id, item_id=item_id, student_id=student_id))
        if row.status != status or (score is not None and row.score != score):
            row.status, row.updated_at = status, now
            if score is not None:
                row.score = score
    return previous


def _record_checkpoints(uow: UnitOfWork, checkpoints: list[tuple[str, PlaylistItem, list[str]]],
                        score: float | None, recorded_by: str | None, observed_on: date | None) -> None:
    """Commit the marks; checkpoint scores become evidence in the same transaction (both or neither:
    a score off the scale refuses both)."""
    if not checkpoints:
        uow.commit()
        return
    for _assignment_id, item, _students in checkpoints:
        if not item.competency_id:
            raise PlaylistError("This checkpoint has no competency to score: choose one in the playlist.")
    by_class: dict[str, list[mastery.EvidenceEntry]] = defaultdict(list)
    for assignment_id, item, student_ids in checkpoints:
        class_id = uow.get(PlaylistAssignment, assignment_id).class_id
        by_class[class_id] += [mastery.EvidenceEntry(student_id, item.competency_id, score, observed_on or date.today(),
                                                     EvidenceSource.PLAYLIST_CHECKPOINT.value,
                                                     f"Checkpoint: {item.title}") for student_id in student_ids]
    for class_id, entries in by_class.items():
        mastery.record_evidence(uow, class_id, entries, recorded_by=recorded_by)


def set_progress_many(uow: UnitOfWork, cells: dict[tuple[str, str], list[str]], status: str,
                      score: float | None = None, recorded_by: str | None = None) -> dict[tuple[str, str, str], str]:
    """Mark many (assignment, item) -> students at once, in one transaction; returns each
    (assignment, item, student)'s previous status, for undo."""
    previous: dict[tuple[str, str, str], str] = {}
    checkpoints: list[tuple[str, PlaylistItem, list[str]]] = []
    for (assignment_id, item_id), student_ids in cells.items():
        before = _mark(uow, assignment_id, item_id, student_ids, status, score)
        previous.update({(assignment_id, item_id, student): old for student, old in before.items()})
        item = _item(uow, item_id)
        if score is not None and item.kind == ItemKind.CHECKPOINT.value:
            checkpoints.append((assignment_id, item, student_ids))
    _record_checkpoints(uow, checkpoints, score, recorded_by, None)
    return previous


def _progress_rows(uow: UnitOfWork, item_ids: list[str], student_ids: list[str]) -> dict[tuple[str, str], ItemProgress]:
    """The newest progress row per (student, item), whichever assignment it was made under."""
    found: dict[tuple[str, str], ItemProgress] = {}
    for row in uow.session.execute(select(ItemProgress).where(
            ItemProgress.item_id.in_(item_ids), ItemProgress.student_id.in_(student_ids),
            ItemProgress.deleted.is_(False))).scalars():
        key = (row.student_id, row.item_id)
        if key not in found or row.hlc > found[key].hlc:
            found[key] = row
    return found


# -- the class board -----------------------------------------------------------------------------


@dataclass
class StudentPlaylist:
    assignment_id: str
    playlist_id: str
    title: str
    items: list[tuple[ItemView, ItemView | None, str]]  # (base item, the version this student gets, status)
    expected: float  # the share of must-do items that should be done by today
    done: float  # the share of must-do items done
    why: dict[str, str] = field(default_factory=dict)  # item id -> why this version
    due_date: date | None = None

    @property
    def behind(self) -> bool:
        return self.expected - self.done > BEHIND_BY

    @property
    def stuck(self) -> bool:
        return any(status == ProgressStatus.NEEDS_HELP.value for _, _, status in self.items)

    @property
    def finished(self) -> bool:
        return all(status == ProgressStatus.DONE.value for base, _, status in self.items if base.required)

    @property
    def ready_for_checkpoint(self) -> ItemView | None:
        """The first checkpoint not done whose must-do items before it are all done."""
        for base, _version, status in self.items:
            if base.kind == ItemKind.CHECKPOINT.value and status != ProgressStatus.DONE.value:
                before = [s for b, _v, s in self.items if b.required and b.position < base.position
                          and b.kind != ItemKind.CHECKPOINT.value]
                return base if all(s == ProgressStatus.DONE.value for s in before) else None
        return None


@dataclass
class BoardRow:
    student_id: str
    name: str
    playlists: list[StudentPlaylist]


def _expected(start: date | None, due: date | None, today: date) -> float:
    if start is None or due is None or due <= start:
        return 0.0
    return min(1.0, max(0.0, (today - start).days / (due - start).days))


def class_board(uow: UnitOfWork, class_id: str, today: date | None = None) -> list[BoardRow]:
    """Every student of the class with their playlists: the version of each item they get, where
    they are, and whether they are behind, stuck, ready for a checkpoint or done."""
    today = today or date.today()
    students = students_of(uow, class_id)
    student_ids = [s.id for s in students]
    assignments = _assignments(uow, class_id)
    playlists = {a.playlist_id: get_playlist(uow, a.playlist_id) for a in assignments}
    item_ids = [i.id for p in playlists.values() for i in p.items]
    progress = _progress_rows(uow, item_ids, student_ids)
    learners = _learners(uow, class_id, student_ids, {i.competency_id for p in playlists.values()
                                                      for i in p.items if i.competency_id})
    rows = {s.id: BoardRow(s.id, list_name(s), []) for s in students}
    for assignment in assignments:
        playlist = playlists[assignment.playlist_id]
        expected = _expected(assignment.start_date, assignment.due_date, today)
        for student_id in assigned_students(uow, assignment, student_ids):
            items, why = [], {}
            for base in playlist.items:
                if not base.variants and not base.suitability:  # one version for everyone
                    version, why[base.id] = base, "the only version"
                else:
                    choice = choose_version(Version(base.id, "", base.suitability),
                                            [Version(v.id, v.variant_label, v.suitability) for v in base.variants],
                                            learners(student_id, base.competency_id))
                    version = None if choice.version is None else next(
                        (v for v in [base, *base.variants] if v.id == choice.version.id), base)
                    why[base.id] = choice.why
                row = progress.get((student_id, base.id))
                items.append((base, version, row.status if row else ProgressStatus.NOT_STARTED.value))
            must = [status for base, _v, status in items if base.required]
            done = sum(status == ProgressStatus.DONE.value for status in must) / len(must) if must else 1.0
            rows[student_id].playlists.append(StudentPlaylist(assignment.id, playlist.id, playlist.title, items,
                                                              expected, done, why, assignment.due_date))
    return list(rows.values())


def _learners(uow: UnitOfWork, class_id: str, student_ids: list[str], competency_ids: set[str]):
    """A function (student, competency) -> Learner, from profiles, accommodations and levels."""
    languages = dict(uow.session.execute(select(LearnerProfile.student_id, LearnerProfile.languages).where(
        LearnerProfile.student_id.in_(student_ids))).all())
    supports: dict[str, list[str]] = defaultdict(list)
    for student_id, kind in uow.session.execute(select(Accommodation.student_id, Accommodation.kind).where(
            Accommodation.student_id.in_(student_ids), Accommodation.deleted.is_(False))):
        supports[student_id].append(kind)
    view: list = []  # worked out on first need: most items have one version for everyone

    def learner(student_id: str, competency_id: str | None):
        if competency_id and not view:
            view.append(mastery.class_mastery(uow, class_id))
        cell = view[0].cell(student_id, competency_id) if view and competency_id else None
        return learner_from_profile(languages.get(student_id, ""), supports.get(student_id, []),
                                    cell.score if cell else None)

    return learner
