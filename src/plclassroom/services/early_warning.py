"""Early warning for a class or a grade team (issue 11): gathers what the rules in
domain/early_warning.py read, in a handful of queries for any number of classes, and runs them
with the school's thresholds (its "early_warning" setting).

What a class's students are held against:
- evidence: theirs on the class's competencies (the framework's assessable ones for its grades),
  recorded in any class, as the heatmap reads it;
- playlists: every live assignment reaching them: made to one of the classes as a whole, to a group
  they are in, or to them alone (from any class). An assignment with no start date paces from the
  day its row was last written (its hlc stamp: the day it was assigned, unless edited since);
- next steps, conferences (by anyone) and their advisor (a live advisor assignment that has not
  ended; the newest when there are several).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy import select

from plclassroom.domain import (
    AdvisorAssignment,
    Conference,
    Enrollment,
    Evidence,
    GroupMember,
    ItemProgress,
    NextStep,
    Person,
    Playlist,
    PlaylistAssignment,
    PlaylistCompetency,
    PlaylistItem,
    Role,
    SchoolClass,
    SchoolSetting,
    StudentGroup,
)
from plclassroom.domain.clock import unpack
from plclassroom.domain.early_warning import (
    DONE_STATUSES,
    RULE_ORDER,
    AdvisorLink,
    ClassInputs,
    ConferenceSeen,
    Flag,
    PlaylistPace,
    ScorePoint,
    StepDue,
    StudentInputs,
    Thresholds,
    evaluate,
)
from plclassroom.services.mastery import class_competencies, short_code
from plclassroom.services.roster import list_name
from plclassroom.store.unit_of_work import UnitOfWork

SETTING_KEY = "early_warning"


class EarlyWarningError(ValueError):
    """A request the early-warning rules cannot take; the message is for the teacher."""


# -- the school's thresholds -----------------------------------------------------------------------


def _setting(uow: UnitOfWork, school_id: str) -> SchoolSetting | None:
    return uow.session.execute(select(SchoolSetting).where(
        SchoolSetting.school_id == school_id, SchoolSetting.key == SETTING_KEY, SchoolSetting.deleted.is_(False))
        .order_by(SchoolSetting.hlc.desc())).scalars().first()


def thresholds(uow: UnitOfWork, school_id: str) -> Thresholds:
    """The school's thresholds; the defaults where it has not set them (or set a bad value)."""
    row = _setting(uow, school_id)
    return Thresholds.from_dict(row.value) if row is not None else Thresholds()


def set_thresholds(uow: UnitOfWork, school_id: str, values: Thresholds) -> None:
    bad = values.invalid()
    if bad:
        raise EarlyWarningError(f"Out of range: {', '.join(bad)}")
    row = _setting(uow, school_id)
    if row is None:
        uow.add(SchoolSetting(school_id=school_id, key=SETTING_KEY, value=values.to_dict()))
    elif row.value != values.to_dict():
        row.value = values.to_dict()
    uow.commit()


# -- gathering -------------------------------------------------------------------------------------


def _stamp_day(hlc: int) -> date | None:
    return datetime.fromtimestamp(unpack(hlc)[0] / 1000, UTC).date() if hlc else None


def _competency_title(code: str, statement: str) -> str:
    return short_code(code) if code else statement


def _gather(uow: UnitOfWork, sections: list[SchoolClass], today: date) -> tuple[dict[str, ClassInputs], dict]:
    """Each class's inputs, and the students' Person rows (id -> (list name, grade))."""
    session = uow.session
    class_ids = [s.id for s in sections]
    roster: dict[str, list[str]] = defaultdict(list)
    people: dict[str, tuple[str, str]] = {}
    for row in session.execute(
            select(Enrollment.class_id, Person.id, Person.family_name, Person.given_name, Person.preferred_name,
                   Person.grade)
            .join(Person, Person.id == Enrollment.person_id)
            .where(Enrollment.class_id.in_(class_ids), Enrollment.role == Role.STUDENT,
                   Enrollment.archived.is_(False), Enrollment.deleted.is_(False), Person.deleted.is_(False))
            .order_by(Person.family_name, Person.given_name)):
        if row.id not in roster[row.class_id]:
            roster[row.class_id].append(row.id)
        people[row.id] = (list_name(row), row.grade)
    ids = list(people)

    # The competencies of each class (sections sharing a framework and grades share the query).
    columns: dict[tuple, dict[str, str]] = {}
    class_titles: dict[str, dict[str, str]] = {}
    for section in sections:
        key = (section.framework_id, section.grades)
        if key not in columns:
            columns[key] = {c.id: _competency_title(c.code, c.statement) for c in class_competencies(uow, section)}
        class_titles[section.id] = columns[key]
    competency_ids = {cid for titles in class_titles.values() for cid in titles}

    evidence: dict[str, list[ScorePoint]] = defaultdict(list)
    if competency_ids:
        # By student only (as services/mastery reads it): by competency, SQLite would search every
        # student's evidence on them, a whole district's on the server.
        for row in session.execute(select(
                Evidence.id, Evidence.student_id, Evidence.competency_id, Evidence.observed_on, Evidence.score,
                Evidence.hlc, Evidence.supersedes_id).where(
                Evidence.student_id.in_(ids), Evidence.deleted.is_(False))):
            if row.competency_id not in competency_ids:
                continue
            evidence[row.student_id].append(ScorePoint(row.id, row.observed_on, row.score, row.competency_id,
                                                       row.supersedes_id, order=row.hlc))

    paces = _playlists(uow, class_ids, roster, ids)

    steps: dict[str, list[StepDue]] = defaultdict(list)
    for row in session.execute(select(NextStep.id, NextStep.student_id, NextStep.text, NextStep.due_on,
                                      NextStep.owner).where(
            NextStep.student_id.in_(ids), NextStep.done.is_(False), NextStep.deleted.is_(False))):
        steps[row.student_id].append(StepDue(row.id, row.text, row.due_on, owner=row.owner))

    conferences: dict[str, list[ConferenceSeen]] = defaultdict(list)
    for row in session.execute(select(Conference.id, Conference.student_id, Conference.held_on,
                                      Conference.follow_up_on, Conference.kind).where(
            Conference.student_id.in_(ids), Conference.deleted.is_(False))):
        conferences[row.student_id].append(ConferenceSeen(row.id, row.held_on, row.follow_up_on, row.kind))

    advisors: dict[str, tuple] = {}
    for row in session.execute(select(AdvisorAssignment.student_id, AdvisorAssignment.advisor_id,
                                      AdvisorAssignment.start_date, AdvisorAssignment.end_date,
                                      AdvisorAssignment.hlc, Person.given_name, Person.family_name)
                               .join(Person, Person.id == AdvisorAssignment.advisor_id)
                               .where(AdvisorAssignment.student_id.in_(ids), AdvisorAssignment.deleted.is_(False),
                                      Person.deleted.is_(False))):
        if row.end_date is not None and row.end_date < today:
            continue
        order = (row.start_date or date.min, row.hlc)
        if row.student_id not in advisors or order > advisors[row.student_id][0]:
            advisors[row.student_id] = (order, AdvisorLink(row.advisor_id, f"{row.given_name} {row.family_name}",
                                                           row.start_date))

    students = {sid: StudentInputs(sid, tuple(evidence.get(sid, ())), tuple(paces.get(sid, ())),
                                   tuple(steps.get(sid, ())), tuple(conferences.get(sid, ())),
                                   advisors[sid][1] if sid in advisors else None) for sid in ids}
    inputs = {}
    for section in sections:
        titles = class_titles[section.id]
        members = [replace(students[sid], evidence=tuple(p for p in students[sid].evidence
                                                         if p.competency_id in titles))
                   for sid in roster.get(section.id, [])]
        inputs[section.id] = ClassInputs(tuple(members), titles)
    return inputs, people


def _playlists(uow: UnitOfWork, class_ids: list[str], roster: dict[str, list[str]],
               ids: list[str]) -> dict[str, list[PlaylistPace]]:
    """Student -> the pace of every live assignment reaching them, counted on must-do base items."""
    session = uow.session
    wanted = set(ids)
    groups: dict[str, set[str]] = defaultdict(set)
    for group_id, student_id in session.execute(
            select(GroupMember.group_id, GroupMember.student_id)
            .join(StudentGroup, StudentGroup.id == GroupMember.group_id)
            .where(GroupMember.student_id.in_(ids), GroupMember.deleted.is_(False), StudentGroup.deleted.is_(False))):
        groups[group_id].add(student_id)
    assignments = list(session.execute(select(
        PlaylistAssignment.id, PlaylistAssignment.playlist_id, PlaylistAssignment.class_id,
        PlaylistAssignment.group_id, PlaylistAssignment.student_id, PlaylistAssignment.start_date,
        PlaylistAssignment.due_date, PlaylistAssignment.hlc).where(
        PlaylistAssignment.deleted.is_(False),
        (PlaylistAssignment.class_id.in_(class_ids) & PlaylistAssignment.group_id.is_(None)
         & PlaylistAssignment.student_id.is_(None))
        | PlaylistAssignment.student_id.in_(ids) | PlaylistAssignment.group_id.in_(list(groups)))))
    if not assignments:
        return {}
    playlist_ids = {a.playlist_id for a in assignments}
    titles = dict(session.execute(select(Playlist.id, Playlist.title).where(
        Playlist.id.in_(playlist_ids), Playlist.deleted.is_(False))).all())
    required: dict[str, list[str]] = defaultdict(list)
    targets: dict[str, set[str]] = defaultdict(set)
    for item_id, playlist_id, competency_id, is_required in session.execute(select(
            PlaylistItem.id, PlaylistItem.playlist_id, PlaylistItem.competency_id, PlaylistItem.required).where(
            PlaylistItem.playlist_id.in_(titles), PlaylistItem.variant_of_id.is_(None),
            PlaylistItem.deleted.is_(False))):
        if is_required:
            required[playlist_id].append(item_id)
        if competency_id:
            targets[playlist_id].add(competency_id)
    for playlist_id, competency_id in session.execute(select(
            PlaylistCompetency.playlist_id, PlaylistCompetency.competency_id).where(
            PlaylistCompetency.playlist_id.in_(titles), PlaylistCompetency.deleted.is_(False))):
        targets[playlist_id].add(competency_id)
    # The newest progress row per (student, item), whichever assignment it was made under.
    newest: dict[tuple[str, str], tuple[int, str]] = {}
    item_ids = [i for items in required.values() for i in items]
    if item_ids:
        for student_id, item_id, status, hlc in session.execute(select(
                ItemProgress.student_id, ItemProgress.item_id, ItemProgress.status, ItemProgress.hlc).where(
                ItemProgress.item_id.in_(item_ids), ItemProgress.student_id.in_(ids),
                ItemProgress.deleted.is_(False))):
            key = (student_id, item_id)
            if key not in newest or hlc > newest[key][0]:
                newest[key] = (hlc, status)
    paces: dict[str, list[PlaylistPace]] = defaultdict(list)
    for a in assignments:
        if a.playlist_id not in titles:
            continue
        if a.student_id:
            reached = [a.student_id] if a.student_id in wanted else []
        elif a.group_id:
            reached = sorted(groups.get(a.group_id, ()))
        else:
            reached = roster.get(a.class_id, [])
        items = required.get(a.playlist_id, [])
        for student_id in reached:
            done = sum(1 for item in items if newest.get((student_id, item), (0, ""))[1] in DONE_STATUSES)
            paces[student_id].append(PlaylistPace(a.id, titles[a.playlist_id], a.start_date, a.due_date,
                                                  len(items), done, _stamp_day(a.hlc),
                                                  tuple(sorted(targets.get(a.playlist_id, ())))))
    return paces


# -- flags -----------------------------------------------------------------------------------------


def class_flags(uow: UnitOfWork, class_id: str, today: date | None = None) -> list[Flag]:
    """The flags of every student of the class, by name then rule."""
    today = today or date.today()
    section = uow.get(SchoolClass, class_id)
    if section is None:
        raise EarlyWarningError("That class is not on this laptop any more.")
    inputs, _people = _gather(uow, [section], today)
    return evaluate(inputs[class_id], thresholds(uow, section.school_id), today)


def team_flags(uow: UnitOfWork, school_id: str, grade: str, today: date | None = None) -> list[Flag]:
    """The flags of a grade team's students: those of that grade (``Person.grade``) in the school's
    classes, each class's context applied to its own students; a flag raised in two classes (the
    same key) once. By student name, then rule."""
    today = today or date.today()
    # The ids, then the rows: not DISTINCT over whole rows (PostgreSQL, on the district server, has
    # no equality for their JSON columns).
    taught = (select(Enrollment.class_id).join(Person, Person.id == Enrollment.person_id)
              .where(Enrollment.role == Role.STUDENT, Enrollment.deleted.is_(False), Enrollment.archived.is_(False),
                     Person.grade == grade, Person.deleted.is_(False)))
    sections = list(uow.session.execute(
        select(SchoolClass).where(SchoolClass.id.in_(taught), SchoolClass.school_id == school_id,
                                  SchoolClass.deleted.is_(False), SchoolClass.archived.is_(False))
        .order_by(SchoolClass.title)).scalars())
    if not sections:
        return []
    inputs, people = _gather(uow, sections, today)
    limits = thresholds(uow, school_id)
    found: dict[str, Flag] = {}
    for section in sections:
        for flag in evaluate(inputs[section.id], limits, today):
            if people[flag.student_id][1] == grade and flag.key not in found:
                found[flag.key] = flag
    return sorted(found.values(), key=lambda f: (people[f.student_id][0], f.student_id, RULE_ORDER[f.rule]))
