"""Learning paths for a class: what each student is ready to learn next, why, and which active
playlists teach it. The rule itself is in ``domain.paths``; this reads the store.

Prerequisites outside the class's columns (a class shows only its grade's leaves): a ``precedes``
link counts whenever its prerequisite is in the class's framework. Such a prerequisite is read
from the student's evidence in any class, by this class's method and scale: mastered if that gives
mastery (or a teacher's override says so), below mastery if there is evidence short of it, and
unknown when there is no evidence at all. Unknown does not hold the student back; the reason says
to check it ("check its prerequisite 5.NF.B.3 (not assessed in this class, no evidence)").

Playlists: an active playlist counts for a competency when it targets it (``PlaylistCompetency``)
and is this class's own or not tied to any class, the same playlists the class's list shows.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from sqlalchemy import select

from plclassroom.domain import (
    Competency,
    CompetencyAssociation,
    MasteryOverride,
    Playlist,
    PlaylistCompetency,
    SchoolClass,
)
from plclassroom.domain.mastery import calculate
from plclassroom.domain.paths import PathCompetency, PathGraph, StudentMastery, Suggestion
from plclassroom.services.mastery import (
    ClassMastery,
    MasteryError,
    class_mastery,
    evidence_pieces,
    short_code,
)
from plclassroom.store.unit_of_work import UnitOfWork


def _label(row: Competency) -> str:
    if row.code:
        return short_code(row.code)
    text = row.short_statement or row.statement
    return text if len(text) <= 40 else text[:39] + "…"


def framework_paths(uow: UnitOfWork, framework_id: str) -> PathGraph:
    """The framework's prerequisite graph, built once (its ``cycles`` and ``outside`` links say
    what could not be used)."""
    rows = uow.session.execute(select(Competency).where(
        Competency.framework_id == framework_id, Competency.deleted.is_(False))).scalars()
    nodes = [PathCompetency(row.id, row.case_identifier, row.parent_id, row.sequence, _label(row)) for row in rows]
    links = uow.session.execute(select(
        CompetencyAssociation.kind, CompetencyAssociation.origin_identifier,
        CompetencyAssociation.destination_identifier).where(
        CompetencyAssociation.framework_id == framework_id, CompetencyAssociation.deleted.is_(False),
        CompetencyAssociation.kind.in_(("precedes", "exactMatchOf")))
        .order_by(CompetencyAssociation.sequence, CompetencyAssociation.origin_identifier)).all()
    precedes = [(link.origin_identifier, link.destination_identifier) for link in links if link.kind == "precedes"]
    aliases = [(link.origin_identifier, link.destination_identifier) for link in links
               if link.kind == "exactMatchOf"]
    return PathGraph(nodes, precedes, aliases)


def suggest_next(uow: UnitOfWork, class_id: str, student_id: str | None = None,
                 limit: int | None = 3) -> dict[str, list[Suggestion]]:
    """For each student of the class (or just ``student_id``): up to ``limit`` competencies to
    learn next, best first, each with the reason and the active playlists that target it."""
    view = class_mastery(uow, class_id)
    students = view.students
    if student_id is not None:
        students = [s for s in students if s.id == student_id]
        if not students:
            raise MasteryError("That student is not in this class.")
    section = uow.get(SchoolClass, class_id)
    if not section.framework_id or not view.competencies:
        return {s.id: [] for s in students}
    graph = framework_paths(uow, section.framework_id)
    columns = [c.id for c in view.competencies]
    student_ids = [s.id for s in students]
    outside = _outside_scores(uow, view, student_ids, sorted(graph.needed(columns) - set(columns)))
    standing: dict[str, StudentMastery] = {}
    for student in students:
        mastered, evidence, levels = set(), set(), {}
        scored = [(c, view.cell(student.id, c)) for c in columns]
        scored = [(c, cell.score) for c, cell in scored if cell is not None and cell.score is not None]
        scored += [(c, score) for (s, c), score in outside.items() if s == student.id]
        for competency_id, score in scored:
            evidence.add(competency_id)
            levels[competency_id] = view.scale.level_for(score).label
            if view.scale.is_mastery(score):
                mastered.add(competency_id)
        standing[student.id] = StudentMastery(mastered, evidence, levels)
    suggestions = graph.suggest_all(standing, columns, assessed=set(columns), limit=limit)
    playlists = _active_playlists(uow, class_id, {s.competency_id for found in suggestions.values() for s in found})
    return {sid: [dataclasses.replace(s, playlists=tuple(t for _i, t in playlists.get(s.competency_id, ())),
                                      playlist_ids=tuple(i for i, _t in playlists.get(s.competency_id, ())))
                  for s in found]
            for sid, found in suggestions.items()}


def _outside_scores(uow: UnitOfWork, view: ClassMastery, student_ids: list[str],
                    competency_ids: list[str]) -> dict[tuple[str, str], float]:
    """(student, competency) -> score, by the class's method, for prerequisites outside its columns:
    the student's evidence from any class; a teacher's override stands until newer evidence."""
    if not competency_ids or not student_ids:
        return {}
    pieces, newest = evidence_pieces(uow, student_ids, competency_ids)
    scores = {key: calculate(found, view.method, **view.params).score for key, found in pieces.items()}
    overrides: dict[tuple[str, str], MasteryOverride] = {}
    for override in uow.session.execute(select(MasteryOverride).where(
            MasteryOverride.student_id.in_(student_ids), MasteryOverride.competency_id.in_(competency_ids),
            MasteryOverride.deleted.is_(False),
            (MasteryOverride.class_id == view.class_id) | MasteryOverride.class_id.is_(None))).scalars():
        key = (override.student_id, override.competency_id)
        if key not in overrides or override.hlc > overrides[key].hlc:
            overrides[key] = override
    for key, override in overrides.items():
        if key not in newest or newest[key] <= override.hlc:
            scores[key] = override.score
    return {key: score for key, score in scores.items() if score is not None}


def _active_playlists(uow: UnitOfWork, class_id: str, competency_ids: set[str]) -> dict[str, list[tuple[str, str]]]:
    """competency id -> (id, title) of the active playlists (this class's or shared) that target it."""
    if not competency_ids:
        return {}
    rows = uow.session.execute(select(PlaylistCompetency.competency_id, Playlist.id, Playlist.title).join(
        Playlist, Playlist.id == PlaylistCompetency.playlist_id).where(
        PlaylistCompetency.competency_id.in_(competency_ids), PlaylistCompetency.deleted.is_(False),
        Playlist.deleted.is_(False), Playlist.status == "active",
        (Playlist.class_id == class_id) | Playlist.class_id.is_(None))
        .order_by(Playlist.title, Playlist.version)).all()
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for competency_id, playlist_id, title in rows:
        if title not in [t for _i, t in found[competency_id]]:
            found[competency_id].append((playlist_id, title))
    return found
