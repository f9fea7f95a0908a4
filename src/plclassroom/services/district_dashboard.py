"""What the district web dashboard shows each person: read from the roll-ups
(``services/district_rollups.py``), never by scanning every level per page view; with the rules of
who may see what, the suppression of small groups, and the audit of every view of a student's data.

Who sees what:
- a district admin: every school, and the names of any school's students;
- a school admin (principal): their own school, names included; another school does not exist for
  them (the pages answer "not found", so they do not even learn it exists);
- a teacher (and an advisor): their own students only, as ``district_sync.scope_of`` says (their
  classes' students; an advisor's advisees too): the figures of a school or grade are over those
  students alone, and only schools where they have students exist for them.

Small groups: a figure over fewer than ``SMALL_GROUP`` students carries no numbers (``Figure``:
the pages say "fewer than 10"), so no one can be singled out by a roll-up. The list of names on a
competency's page is not a figure: it is shown whole to whoever may see those students, and each
such view is logged (``view_audit``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, insert, select

from plclassroom.domain import Competency, Course, Enrollment, Person, Role, School, SchoolClass
from plclassroom.services import district
from plclassroom.services.district_rollups import ALL, ANY_CONCERN
from plclassroom.services.district_sync import scope_of
from plclassroom.services.mastery import class_scale, short_code
from plclassroom.services.roster import list_name
from plclassroom.store.dashboard import (
    CourseRollup,
    FlagRollup,
    MasteryRollup,
    StudentFlag,
    StudentMastery,
    ViewAudit,
)
from plclassroom.store.district import DistrictChange, DistrictDevice, DistrictUser
from plclassroom.store.unit_of_work import UnitOfWork

SMALL_GROUP = 10
SILENT_AFTER = timedelta(days=7)
CHUNK = 500


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(moment: datetime | None) -> datetime | None:
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=UTC)


def grade_label(grade: str) -> str:
    """"06" -> "Grade 6", "KG" -> "Kindergarten"; "" -> "No grade"."""
    if not grade:
        return "No grade"
    named = {"KG": "Kindergarten", "PK": "Pre-kindergarten", "TK": "Transitional kindergarten"}
    if grade in named:
        return named[grade]
    return f"Grade {int(grade)}" if grade.isdigit() else f"Grade {grade}"


# -- who is looking --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Viewer:
    user_id: str
    name: str
    role: str
    school_id: str | None  # a school admin's school
    students: frozenset[str] | None  # a teacher's or advisor's students; None: not limited to a list
    classes: tuple[str, ...] = ()  # a teacher's own classes

    @property
    def district_admin(self) -> bool:
        return self.role == "district_admin"

    @property
    def school_admin(self) -> bool:
        return self.role == "school_admin"

    @property
    def staff(self) -> bool:
        """A teacher or an advisor: sees their own students only."""
        return self.students is not None


def viewer_for(uow: UnitOfWork, user: DistrictUser) -> Viewer:
    if user.role == "district_admin":
        return Viewer(user.id, user.name, user.role, None, None)
    if user.role == "school_admin":
        return Viewer(user.id, user.name, user.role, user.school_id, None if user.school_id else frozenset())
    scope = scope_of(uow, user)
    own = tuple(uow.session.execute(
        select(SchoolClass.id).join(Enrollment, Enrollment.class_id == SchoolClass.id)
        .where(Enrollment.person_id == (user.person_id or ""), Enrollment.role != Role.STUDENT,
               Enrollment.deleted.is_(False), SchoolClass.deleted.is_(False))
        .order_by(SchoolClass.title, SchoolClass.id)).scalars())
    return Viewer(user.id, user.name, user.role, None, scope.students or frozenset(), own)


def may_see_school(uow: UnitOfWork, viewer: Viewer, school_id: str) -> bool:
    school = uow.get(School, school_id)
    if school is None:
        return False
    if viewer.district_admin:
        return True
    if viewer.school_admin:
        return viewer.school_id == school_id
    return school_id in _staff_schools(uow, viewer)


def _staff_schools(uow: UnitOfWork, viewer: Viewer) -> set[str]:
    """The schools of a staff member's students and of their own classes."""
    found: set[str] = set()
    for part in _chunks(viewer.classes):
        found.update(uow.session.execute(select(SchoolClass.school_id).distinct().where(
            SchoolClass.id.in_(part), SchoolClass.school_id.is_not(None))).scalars())
    for part in _chunks(viewer.students or ()):
        found.update(uow.session.execute(select(Person.school_id).distinct().where(
            Person.id.in_(part), Person.school_id.is_not(None))).scalars())
    return found


def _chunks(values: Iterable, size: int = CHUNK):
    values = sorted(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


# -- figures ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A roll-up over ``students``; its numbers only when there are at least ``SMALL_GROUP``."""

    students: int
    levels: int = 0
    mastered: int = 0
    score_milli: int = 0

    @property
    def shown(self) -> bool:
        return self.students >= SMALL_GROUP

    @property
    def percent(self) -> int | None:
        return round(100 * self.mastered / self.levels) if self.shown and self.levels else None

    @property
    def mean(self) -> float | None:
        return self.score_milli / 1000 / self.levels if self.shown and self.levels else None

    def __add__(self, other: Figure) -> Figure:
        return Figure(self.students + other.students, self.levels + other.levels, self.mastered + other.mastered,
                      self.score_milli + other.score_milli)


@dataclass(frozen=True)
class Count:
    """``students`` of ``of_students`` (a count of flagged students); numbers only for a large enough group."""

    students: int
    of_students: int

    @property
    def shown(self) -> bool:
        return self.of_students >= SMALL_GROUP


NO_FIGURE = Figure(0)


def _figure(rows: Iterable[StudentMastery]) -> Figure:
    """A figure from level rows (a staff member's own students: a few hundred rows at most)."""
    rows = [r for r in rows if r.score is not None]
    return Figure(len({r.student_id for r in rows}), len(rows), sum(1 for r in rows if r.mastered),
                  sum(round(r.score * 1000) for r in rows))


def _staff_rows(uow: UnitOfWork, viewer: Viewer, school_id: str | None = None, grade: str | None = None,
                competency_id: str | None = None, course_id: str | None = None) -> list[StudentMastery]:
    rows: list[StudentMastery] = []
    for part in _chunks(viewer.students or ()):
        query = select(StudentMastery).where(StudentMastery.student_id.in_(part))
        if school_id is not None:
            query = query.where(StudentMastery.school_id == school_id)
        if grade is not None:
            query = query.where(StudentMastery.grade == grade)
        if competency_id is not None:
            query = query.where(StudentMastery.competency_id == competency_id)
        if course_id is not None:
            query = query.where(StudentMastery.course_id == course_id)
        rows += uow.session.execute(query).scalars()
    return rows


def _staff_flags(uow: UnitOfWork, viewer: Viewer, students: Iterable[str]) -> dict[str, set[str]]:
    """Student -> the rules they have concern flags of (a staff member's own students)."""
    found: dict[str, set[str]] = defaultdict(set)
    for part in _chunks(set(students) & set(viewer.students or ())):
        for student_id, rule in uow.session.execute(select(StudentFlag.student_id, StudentFlag.rule).where(
                StudentFlag.student_id.in_(part))):
            found[student_id].add(rule)
    return found


# -- sync health -----------------------------------------------------------------------------------


@dataclass
class DeviceHealth:
    name: str
    user: str
    role: str
    last_sync_at: datetime | None
    behind: int  # changes in the log past what it holds (its scope's share of them is smaller)
    refused: int
    failures: int
    last_failure_at: datetime | None
    pending: int | None = None  # changes the laptop said it still held unsent (None: it never said)
    pending_at: datetime | None = None  # when it said so

    @property
    def silent(self) -> bool:
        return self.last_sync_at is None or _now() - self.last_sync_at > SILENT_AFTER


@dataclass
class SyncHealth:
    devices: list[DeviceHealth] = field(default_factory=list)

    @property
    def active(self) -> int:
        return len(self.devices)

    @property
    def recent(self) -> int:
        return sum(1 for d in self.devices if not d.silent)

    @property
    def silent(self) -> int:
        return sum(1 for d in self.devices if d.silent)

    @property
    def last_sync_at(self) -> datetime | None:
        return max((d.last_sync_at for d in self.devices if d.last_sync_at), default=None)

    @property
    def behind(self) -> int:
        return max((d.behind for d in self.devices), default=0)

    @property
    def refused(self) -> int:
        return sum(d.refused for d in self.devices)

    @property
    def pending(self) -> int | None:
        """Changes waiting on the devices, as each last said; None when none has said."""
        said = [d.pending for d in self.devices if d.pending is not None]
        return sum(said) if said else None

    @property
    def failures(self) -> int:
        return sum(d.failures for d in self.devices)


DISTRICT_OFFICE = ""  # the school key of devices whose user belongs to no school


def sync_health(uow: UnitOfWork, user_id: str | None = None) -> dict[str, SyncHealth]:
    """School id -> its enrolled (not revoked) devices' health; a user's devices only when given."""
    session = uow.session
    top = session.execute(select(func.max(DistrictChange.seq))).scalar() or 0
    query = (select(DistrictDevice, DistrictUser, Person.school_id)
             .join(DistrictUser, DistrictUser.id == DistrictDevice.user_id)
             .outerjoin(Person, Person.id == DistrictUser.person_id)
             .where(DistrictDevice.revoked_at.is_(None)).order_by(DistrictUser.name, DistrictDevice.name))
    if user_id is not None:
        query = query.where(DistrictUser.id == user_id)
    found: dict[str, SyncHealth] = defaultdict(SyncHealth)
    for device, user, person_school in session.execute(query):
        school = user.school_id or person_school or DISTRICT_OFFICE
        found[school].devices.append(DeviceHealth(
            device.name or "unnamed", user.name, user.role, _utc(device.last_sync_at),
            max(0, top - device.pulled_seq), device.changes_refused, device.push_failures,
            _utc(device.last_push_failure_at), device.pending_changes, _utc(device.pending_reported_at)))
    return found


# -- pages -----------------------------------------------------------------------------------------


@dataclass
class SchoolLine:
    id: str
    name: str
    students: int
    mastery: Figure
    flagged: Count | None  # None: not counted yet
    health: SyncHealth


@dataclass
class ClassLine:
    id: str
    title: str
    school_id: str
    school: str
    students: int
    mastery: Figure
    flagged: Count | None


@dataclass
class Overview:
    district: str
    schools: list[SchoolLine]
    classes: list[ClassLine]  # a teacher's own
    flags_counted_at: datetime | None
    office: SyncHealth | None  # devices of users of no school (district staff); a staff member's own


def _flags_counted_at(uow: UnitOfWork) -> datetime | None:
    return _utc(uow.session.execute(select(func.max(FlagRollup.counted_at))).scalar())


def overview(uow: UnitOfWork, viewer: Viewer) -> Overview:
    """The district admin's: every school. A staff member's: their own classes (their devices'
    health under ``office``). A school admin is sent to their school's page instead."""
    session = uow.session
    counted_at = _flags_counted_at(uow)
    name = district.district_name(uow)
    if viewer.staff:
        mine = SyncHealth([d for h in sync_health(uow, viewer.user_id).values() for d in h.devices])
        return Overview(name, [], _class_lines(uow, viewer, counted_at), counted_at, mine)
    schools = list(session.execute(select(School).where(School.deleted.is_(False)).order_by(School.name)).scalars())
    if viewer.school_admin:
        schools = [s for s in schools if s.id == viewer.school_id]
    students = dict(session.execute(select(Person.school_id, func.count()).where(
        Person.role == Role.STUDENT, Person.deleted.is_(False)).group_by(Person.school_id)).all())
    mastery: dict[str, Figure] = defaultdict(lambda: NO_FIGURE)
    for row in session.execute(select(MasteryRollup).where(MasteryRollup.competency_id == ALL)).scalars():
        mastery[row.school_id] += Figure(row.students, row.levels, row.mastered, row.score_milli)
    flagged: dict[str, Count] = {}
    for school_id, students_flagged, of_students in session.execute(
            select(FlagRollup.school_id, func.sum(FlagRollup.students), func.sum(FlagRollup.of_students))
            .where(FlagRollup.rule == ANY_CONCERN).group_by(FlagRollup.school_id)):
        flagged[school_id] = Count(int(students_flagged), int(of_students))
    health = sync_health(uow)
    lines = [SchoolLine(s.id, s.name, students.get(s.id, 0), mastery[s.id],
                        flagged.get(s.id) if counted_at else None, health.get(s.id, SyncHealth()))
             for s in schools]
    return Overview(name, lines, [], counted_at, health.get(DISTRICT_OFFICE) if viewer.district_admin else None)


def _class_lines(uow: UnitOfWork, viewer: Viewer, counted_at: datetime | None) -> list[ClassLine]:
    session = uow.session
    lines = []
    rows: dict[str, list[StudentMastery]] = defaultdict(list)
    for row in _staff_rows(uow, viewer):
        rows[row.student_id].append(row)
    for class_id in viewer.classes:
        section = session.get(SchoolClass, class_id)
        members = [m for m in session.execute(select(Enrollment.person_id).where(
            Enrollment.class_id == class_id, Enrollment.role == Role.STUDENT, Enrollment.deleted.is_(False),
            Enrollment.archived.is_(False))).scalars() if m in (viewer.students or ())]
        flags = _staff_flags(uow, viewer, members)
        school = session.get(School, section.school_id) if section.school_id else None
        lines.append(ClassLine(class_id, section.title, section.school_id or "", school.name if school else "",
                               len(members), _figure(r for m in members for r in rows.get(m, [])),
                               Count(sum(1 for m in members if flags.get(m)), len(members)) if counted_at else None))
    return lines


@dataclass
class GradeLine:
    grade: str
    label: str
    mastery: Figure
    flagged: Count | None


@dataclass
class CompetencyLine:
    id: str
    code: str
    statement: str
    by_grade: dict[str, Figure]  # grade -> figure
    overall: Figure = NO_FIGURE


@dataclass
class CourseLine:
    id: str
    title: str
    code: str
    mastery: Figure


@dataclass
class SchoolPage:
    id: str
    name: str
    grades: list[GradeLine]
    competencies: list[CompetencyLine]
    health: SyncHealth | None  # a staff member sees no one else's devices
    only_own: bool  # figures over the viewer's own students only
    flags_counted_at: datetime | None
    courses: list[CourseLine] = field(default_factory=list)


def _competencies(uow: UnitOfWork, ids: Iterable[str]) -> dict[str, Competency]:
    found = {}
    for part in _chunks(set(ids)):
        found.update({c.id: c for c in uow.session.execute(select(Competency).where(Competency.id.in_(part))).scalars()})
    return found


def _competency_order(competencies: dict[str, Competency]) -> list[str]:
    return sorted(competencies, key=lambda c: (competencies[c].code or "~", competencies[c].statement, c))


def _figures_by(levels: Iterable[StudentMastery], dimension) -> dict[tuple[str, str], Figure]:
    """A staff member's own students' levels as roll-up figures: by (grade or course, competency),
    and (grade or course, ALL) for the totals; levels whose dimension is None are left out."""
    made: dict[tuple[str, str], list[StudentMastery]] = defaultdict(list)
    for row in levels:
        key = dimension(row)
        if key is not None:
            made[(key, row.competency_id)].append(row)
            made[(key, ALL)].append(row)
    return {key: _figure(rows) for key, rows in made.items()}


def _rollup_rows(uow: UnitOfWork, viewer: Viewer, school_id: str, grade: str | None = None) -> list[MasteryRollup]:
    """The school's roll-up rows; for a staff member, the same made from their own students' levels."""
    if not viewer.staff:
        query = select(MasteryRollup).where(MasteryRollup.school_id == school_id)
        if grade is not None:
            query = query.where(MasteryRollup.grade == grade)
        return list(uow.session.execute(query).scalars())
    return [MasteryRollup(school_id=school_id, grade=row_grade, competency_id=competency_id,
                          students=f.students, levels=f.levels, mastered=f.mastered, score_milli=f.score_milli)
            for (row_grade, competency_id), f in _figures_by(
                _staff_rows(uow, viewer, school_id, grade), lambda row: row.grade).items()]


def _course_rows(uow: UnitOfWork, viewer: Viewer, school_id: str, course_id: str | None = None,
                 ) -> list[CourseRollup]:
    """The school's course roll-up rows; for a staff member, the same made from their own students' levels."""
    if not viewer.staff:
        query = select(CourseRollup).where(CourseRollup.school_id == school_id)
        if course_id is not None:
            query = query.where(CourseRollup.course_id == course_id)
        return list(uow.session.execute(query).scalars())
    return [CourseRollup(school_id=school_id, course_id=row_course, competency_id=competency_id,
                         students=f.students, levels=f.levels, mastered=f.mastered, score_milli=f.score_milli)
            for (row_course, competency_id), f in _figures_by(
                _staff_rows(uow, viewer, school_id, course_id=course_id), lambda row: row.course_id).items()]


def _row_figure(row: MasteryRollup | CourseRollup | None) -> Figure:
    return Figure(row.students, row.levels, row.mastered, row.score_milli) if row is not None else NO_FIGURE


def _flag_counts(uow: UnitOfWork, viewer: Viewer, school_id: str, grade: str | None = None,
                 ) -> dict[tuple[str, str], Count]:
    """(grade, rule) -> flagged students (rule "": any concern rule)."""
    if not viewer.staff:
        query = select(FlagRollup).where(FlagRollup.school_id == school_id)
        if grade is not None:
            query = query.where(FlagRollup.grade == grade)
        return {(r.grade, r.rule): Count(r.students, r.of_students) for r in uow.session.execute(query).scalars()}
    session = uow.session
    people: dict[str, str] = {}
    for part in _chunks(viewer.students or ()):
        query = select(Person.id, Person.grade).where(Person.id.in_(part), Person.school_id == school_id,
                                                      Person.deleted.is_(False))
        if grade is not None:
            query = query.where(Person.grade == grade)
        people.update(dict(session.execute(query).all()))
    flags = _staff_flags(uow, viewer, people)
    of: dict[str, int] = defaultdict(int)
    for student_grade in people.values():
        of[student_grade] += 1
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for student_id, rules in flags.items():
        counts[(people[student_id], ANY_CONCERN)] += 1
        for rule in rules:
            counts[(people[student_id], rule)] += 1
    result = {(g, ANY_CONCERN): Count(0, n) for g, n in of.items()}
    result.update({key: Count(n, of[key[0]]) for key, n in counts.items()})
    return result


def school_page(uow: UnitOfWork, viewer: Viewer, school_id: str) -> SchoolPage | None:
    """Grades and competencies of a school; None when the viewer may not see it (or it does not exist)."""
    if not may_see_school(uow, viewer, school_id):
        return None
    school = uow.get(School, school_id)
    rows = _rollup_rows(uow, viewer, school_id)
    counted_at = _flags_counted_at(uow)
    flags = _flag_counts(uow, viewer, school_id) if counted_at else {}
    grades = sorted({r.grade for r in rows} | {g for g, _rule in flags}, key=_grade_order)
    lines = []
    for grade in grades:
        total = next((r for r in rows if r.grade == grade and r.competency_id == ALL), None)
        figure = Figure(total.students, total.levels, total.mastered, total.score_milli) if total else NO_FIGURE
        lines.append(GradeLine(grade, grade_label(grade), figure, flags.get((grade, ANY_CONCERN))))
    competencies = _competencies(uow, {r.competency_id for r in rows if r.competency_id != ALL})
    by_competency: dict[str, dict[str, Figure]] = defaultdict(dict)
    for row in rows:
        if row.competency_id != ALL:
            by_competency[row.competency_id][row.grade] = Figure(row.students, row.levels, row.mastered,
                                                                 row.score_milli)
    columns = [CompetencyLine(cid, short_code(competencies[cid].code) if competencies[cid].code else "",
                              competencies[cid].statement, by_competency[cid],
                              sum(by_competency[cid].values(), NO_FIGURE))
               for cid in _competency_order(competencies)]
    health = None if viewer.staff else sync_health(uow).get(school_id, SyncHealth())
    totals = {r.course_id: r for r in _course_rows(uow, viewer, school_id) if r.competency_id == ALL}
    courses = {c.id: c for c in uow.session.execute(select(Course).where(Course.id.in_(sorted(totals)))).scalars()}
    course_lines = sorted((CourseLine(cid, course.title, course.code or "", _row_figure(totals[cid]))
                           for cid, course in courses.items()), key=lambda c: (c.title.lower(), c.code, c.id))
    return SchoolPage(school_id, school.name, lines, columns, health, viewer.staff, counted_at, course_lines)


def _grade_order(grade: str):
    return (0, int(grade), "") if grade.isdigit() else (1 if grade else 2, 0, grade)


@dataclass
class CompetencyFigure:
    id: str
    code: str
    statement: str
    mastery: Figure


@dataclass
class GradePage:
    school_id: str
    school: str
    grade: str
    label: str
    mastery: Figure
    competencies: list[CompetencyFigure]
    flags: list[tuple[str, Count]]  # (rule, count), "" first
    only_own: bool
    flags_counted_at: datetime | None


def grade_page(uow: UnitOfWork, viewer: Viewer, school_id: str, grade: str) -> GradePage | None:
    if not may_see_school(uow, viewer, school_id):
        return None
    school = uow.get(School, school_id)
    rows = _rollup_rows(uow, viewer, school_id, grade)
    competencies = _competencies(uow, {r.competency_id for r in rows if r.competency_id != ALL})
    by_id = {r.competency_id: r for r in rows}
    total = by_id.get(ALL)
    figures = [CompetencyFigure(cid, short_code(competencies[cid].code) if competencies[cid].code else "",
                                competencies[cid].statement,
                                Figure(by_id[cid].students, by_id[cid].levels, by_id[cid].mastered,
                                       by_id[cid].score_milli))
               for cid in _competency_order(competencies)]
    counted_at = _flags_counted_at(uow)
    flags = _flag_counts(uow, viewer, school_id, grade) if counted_at else {}
    ordered = sorted(((rule, count) for (_g, rule), count in flags.items()), key=lambda rc: (rc[0] != "", rc[0]))
    return GradePage(school_id, school.name, grade, grade_label(grade),
                     Figure(total.students, total.levels, total.mastered, total.score_milli) if total else NO_FIGURE,
                     figures, ordered, viewer.staff, counted_at)


@dataclass
class CoursePage:
    school_id: str
    school: str
    course_id: str
    title: str
    code: str
    mastery: Figure
    competencies: list[CompetencyFigure]
    only_own: bool


def _course_in_school(uow: UnitOfWork, school_id: str, course_id: str) -> Course | None:
    """The course when it is the school's (its own, or one of the school's classes is of it)."""
    course = uow.get(Course, course_id)
    if course is None or course.deleted:
        return None
    if course.school_id == school_id:
        return course
    taught_here = uow.session.execute(select(SchoolClass.id).where(
        SchoolClass.course_id == course_id, SchoolClass.school_id == school_id).limit(1)).first()
    return course if taught_here is not None else None


def course_page(uow: UnitOfWork, viewer: Viewer, school_id: str, course_id: str) -> CoursePage | None:
    """A course's competencies in a school; None when the viewer may not see the school, or the
    course is unknown or another school's."""
    if not may_see_school(uow, viewer, school_id):
        return None
    course = _course_in_school(uow, school_id, course_id)
    if course is None:
        return None
    school = uow.get(School, school_id)
    rows = _course_rows(uow, viewer, school_id, course_id)
    competencies = _competencies(uow, {r.competency_id for r in rows if r.competency_id != ALL})
    by_id = {r.competency_id: r for r in rows}
    figures = [CompetencyFigure(cid, short_code(competencies[cid].code) if competencies[cid].code else "",
                                competencies[cid].statement, _row_figure(by_id[cid]))
               for cid in _competency_order(competencies)]
    return CoursePage(school_id, school.name, course_id, course.title, course.code or "", _row_figure(by_id.get(ALL)),
                      figures, viewer.staff)


@dataclass
class StudentLevel:
    id: str
    name: str
    score: float | None
    level: str
    mastered: bool
    evidence_count: int
    last_on: date | None


@dataclass
class CompetencyPage:
    school_id: str
    school: str
    grade: str | None
    label: str
    competency_id: str
    code: str
    statement: str
    mastery: Figure
    students: list[StudentLevel]
    only_own: bool
    course_id: str | None = None  # a course's competency page (``grade`` is then None)
    course: str = ""


def competency_page(uow: UnitOfWork, viewer: Viewer, school_id: str, grade: str | None, competency_id: str,
                    route: str, course_id: str | None = None) -> CompetencyPage | None:
    """A competency in a school's grade (or, ``grade`` None, in a course of the school: the levels
    read in its classes) with the students' levels (names: only the students the viewer may see);
    logs the view of each student listed (``route``: what was asked). The caller commits (the log
    goes with nothing else)."""
    if not may_see_school(uow, viewer, school_id):
        return None
    competency = uow.get(Competency, competency_id)
    if competency is None:
        return None
    course = None
    if course_id is not None:
        course = _course_in_school(uow, school_id, course_id)
        if course is None:
            return None
    school = uow.get(School, school_id)
    if viewer.staff:
        rows = _staff_rows(uow, viewer, school_id, grade, competency_id, course_id)
    else:
        query = select(StudentMastery).where(StudentMastery.school_id == school_id,
                                             StudentMastery.competency_id == competency_id)
        if grade is not None:
            query = query.where(StudentMastery.grade == grade)
        if course_id is not None:
            query = query.where(StudentMastery.course_id == course_id)
        rows = list(uow.session.execute(query).scalars())
    people = {}
    for part in _chunks({r.student_id for r in rows}):
        people.update({p.id: p for p in uow.session.execute(select(Person).where(Person.id.in_(part))).scalars()})
    scales = {}
    for class_id in {r.class_id for r in rows}:
        section = uow.session.get(SchoolClass, class_id)
        scales[class_id] = class_scale(uow, section) if section is not None else None
    students = []
    for row in rows:
        person = people.get(row.student_id)
        if person is None:
            continue
        scale = scales.get(row.class_id)
        level = scale.level_for(row.score) if scale is not None else None
        students.append(StudentLevel(row.student_id, list_name(person), row.score, level.label if level else "",
                                     row.mastered, row.evidence_count, row.last_on))
    students.sort(key=lambda s: (s.name.lower(), s.id))
    # Two students of one name: each with their school's student number, so they can be told apart.
    named = Counter(s.name for s in students)
    for line in students:
        if named[line.name] > 1:
            line.name = f"{line.name} ({people[line.id].identifier or line.id[:8]})"
    figure = _figure(rows)
    log_view(uow, viewer, route, [s.id for s in students])
    return CompetencyPage(school_id, school.name, grade, grade_label(grade) if grade is not None else "",
                          competency_id, short_code(competency.code) if competency.code else "",
                          competency.statement, figure, students, viewer.staff, course_id,
                          course.title if course is not None else "")


# -- the audit -------------------------------------------------------------------------------------


def log_view(uow: UnitOfWork, viewer: Viewer, route: str, student_ids: list[str], class_id: str | None = None
             ) -> None:
    """Record that ``viewer`` saw these students' data (one row each). Does not commit."""
    now = _now()
    rows = [{"user_id": viewer.user_id, "user_name": viewer.name, "role": viewer.role, "viewed_at": now,
             "route": route[:500], "student_id": student_id, "class_id": class_id} for student_id in student_ids]
    if class_id is not None and not rows:
        rows = [{"user_id": viewer.user_id, "user_name": viewer.name, "role": viewer.role, "viewed_at": now,
                 "route": route[:500], "student_id": None, "class_id": class_id}]
    if rows:
        uow.session.connection().execute(insert(ViewAudit.__table__), rows)


@dataclass
class AuditLine:
    viewed_at: datetime
    user: str
    role: str
    route: str
    what: str = ""  # the route in words: "6.RP.A.1 in Grade 6, Cedar Hollow Middle School"


def _describe(uow: UnitOfWork, route: str, cache: dict[str, str]) -> str:
    if route not in cache:
        parts = route.split("?")[0].strip("/").split("/")
        if len(parts) == 7 and parts[1] == "school" and parts[3] == "grade" and parts[5] == "competency":
            school, competency = uow.get(School, parts[2]), uow.get(Competency, parts[6])
            code = (short_code(competency.code) if competency.code else competency.statement[:60]) \
                if competency else "a competency"
            grade = "" if parts[4] == "-" else parts[4]
            cache[route] = f"{code} in {grade_label(grade)}, {school.name if school else 'a school'}"
        elif len(parts) == 7 and parts[1] == "school" and parts[3] == "course" and parts[5] == "competency":
            school, course, competency = uow.get(School, parts[2]), uow.get(Course, parts[4]), \
                uow.get(Competency, parts[6])
            code = (short_code(competency.code) if competency.code else competency.statement[:60]) \
                if competency else "a competency"
            cache[route] = f"{code} in {course.title if course else 'a course'}, {school.name if school else 'a school'}"
        elif parts[-1] == "audit":
            cache[route] = "This list of who has seen the record"
        else:
            cache[route] = route
    return cache[route]


@dataclass
class AuditPage:
    student_id: str
    student: str
    school: str
    views: list[AuditLine]


def audit_page(uow: UnitOfWork, viewer: Viewer, student_id: str, route: str, limit: int = 500) -> AuditPage | None:
    """Who saw a student's data on the dashboard, newest first: for a district admin, or the school
    admin of the student's school; None for anyone else or an unknown student. Looking is logged."""
    person = uow.get(Person, student_id)
    if person is None or person.role != Role.STUDENT:
        return None
    if not (viewer.district_admin or (viewer.school_admin and viewer.school_id
                                      and person.school_id == viewer.school_id)):
        return None
    school = uow.get(School, person.school_id) if person.school_id else None
    described: dict[str, str] = {}
    views = [AuditLine(_utc(r.viewed_at), r.user_name, r.role, r.route, _describe(uow, r.route, described))
             for r in uow.session.execute(
        select(ViewAudit).where(ViewAudit.student_id == student_id)
        .order_by(ViewAudit.viewed_at.desc(), ViewAudit.id.desc()).limit(limit)).scalars()]
    log_view(uow, viewer, route, [student_id])
    return AuditPage(student_id, list_name(person), school.name if school else "", views)
