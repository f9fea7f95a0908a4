"""The district dashboard's roll-ups, kept as changes arrive instead of scanned per page view.

``student_mastery``: a student's current level on a competency, as the heatmap of the class it is
read in shows it (``services.mastery.class_cells``: the class's method, scale and overrides). The
class is the student's live class, lowest id first, whose framework and grades hold the
competency; a student in two such classes is read in one, the same one every time.
``mastery_rollup``: per school, grade and competency, the students with a level, how many at
mastery and the sum of their levels; kept by adding each changed ``student_mastery`` row's delta.
Its competency "" row holds a school and grade's totals over all competencies (the students with
any level, the levels, those at mastery), so no page sums a school's rows.
``course_rollup``: the same per school, course and competency (the course of the class a level is
read in, ``student_mastery.course_id``; a level read in a class of no course is not in it), kept by
the same deltas, with its competency "" totals per school and course.

When: ``district_sync.merge`` calls ``changes_applied`` with the rows a batch wrote, in the same
transaction (a device's push, an imported USB bundle, the server's own publishes all go through
it), so the roll-ups commit or roll back with the changes. Only the (student, competency) pairs
whose evidence or overrides changed are recomputed; all of a student's pairs when their person row
or an enrolment changed; all of a class's students' when the class changed (its method, scale,
framework or grades), and when the scale it reads levels on changed (the scale, one of its levels)
or its framework did (the framework, a competency, an association): a rare edit that moves many
levels at once. ``plclassroom-server rollups --rebuild`` recomputes everything (an existing
district, whose roll-ups were never kept).

Early-warning counts depend on the day as much as on the rows (a follow-up becomes overdue
overnight), so they are not kept by the hook: ``refresh_flags`` counts every school's grade teams
with the data-meeting rules (``services.early_warning.team_flags``) into ``student_flag`` and
``flag_rollup``; ``plclassroom-server rollups`` runs it, and ``serve`` does as it starts and then
each hour when the last count is from an earlier day (``refresh_flags_if_stale``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime

from sqlalchemy import bindparam, delete, func, insert, select

from plclassroom.domain import Enrollment, Evidence, MasteryOverride, Person, Role, SchoolClass
from plclassroom.services.early_warning import team_flags
from plclassroom.services.mastery import class_cells, class_competencies
from plclassroom.store.bulk import upsert
from plclassroom.store.dashboard import CourseRollup, FlagRollup, MasteryRollup, StudentFlag, StudentMastery
from plclassroom.store.district import lock_change_log
from plclassroom.store.unit_of_work import UnitOfWork

Pair = tuple[str, str]  # (student id, competency id)
CHUNK = 500
ANY_CONCERN = ""  # flag_rollup's rule for "at least one concern flag"
ALL = ""  # mastery_rollup's competency for "all competencies" (a school and grade's totals)
GRADE, COURSE = "grade", "course_id"  # the roll-ups' second key: mastery_rollup's, course_rollup's
ROLLUPS = {GRADE: MasteryRollup, COURSE: CourseRollup}
Group = tuple[str, str, str]  # (GRADE or COURSE, school id, grade or course id)


def _chunks(values: Iterable, size: int = CHUNK):
    values = sorted(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def changes_applied(uow: UnitOfWork, rows: Mapping[tuple[str, str], dict]) -> int:
    """The merge's hook: ``rows`` maps (table, row id) to each row a batch wrote, as it stands now.
    Recomputes the pairs they touch, in the caller's transaction; returns how many."""
    pairs: set[Pair] = set()
    students: set[str] = set()
    classes: set[str] = set()
    scales: set[str | None] = set()
    frameworks: set[str | None] = set()
    for (table, row_id), row in rows.items():
        if table in ("evidence", "mastery_override"):
            if row.get("student_id") and row.get("competency_id"):
                pairs.add((row["student_id"], row["competency_id"]))
        elif table == "enrollment":
            if row.get("role") == Role.STUDENT and row.get("person_id"):
                students.add(row["person_id"])
        elif table == "person":
            if row.get("role") == Role.STUDENT:
                students.add(row_id)
        elif table == "class_section":
            classes.add(row_id)
        elif table == "proficiencyscale":
            scales.add(row_id)
        elif table == "proficiency_level":
            scales.add(row.get("scale_id"))
        elif table == "competencyframework":
            frameworks.add(row_id)
        elif table in ("competency", "competency_association"):
            frameworks.add(row.get("framework_id"))
    if scales or frameworks:
        classes |= _classes_reading(uow, scales - {None}, frameworks - {None})
    if classes:
        students |= _students_of_classes(uow, classes)
    if students:
        pairs |= _pairs_of(uow, students)
    return refresh(uow, pairs)


def _classes_reading(uow: UnitOfWork, scales: set[str], frameworks: set[str]) -> set[str]:
    """The classes whose levels are read on one of these scales or against one of these frameworks."""
    found: set[str] = set()
    for column, ids in ((SchoolClass.proficiency_scale_id, scales), (SchoolClass.framework_id, frameworks)):
        for part in _chunks(ids):
            found.update(uow.session.execute(select(SchoolClass.id).where(column.in_(part))).scalars())
    return found


def _students_of_classes(uow: UnitOfWork, classes: set[str]) -> set[str]:
    """Everyone enrolled in the classes, and everyone whose levels were read in them."""
    found: set[str] = set()
    for part in _chunks(classes):
        found.update(uow.session.execute(select(Enrollment.person_id).where(
            Enrollment.class_id.in_(part), Enrollment.role == Role.STUDENT)).scalars())
        found.update(uow.session.execute(select(StudentMastery.student_id).where(
            StudentMastery.class_id.in_(part))).scalars())
    return found


def _pairs_of(uow: UnitOfWork, students: Iterable[str]) -> set[Pair]:
    """Every pair of these students that has, or had, a level."""
    session = uow.session
    found: set[Pair] = set()
    for part in _chunks(students):
        for table in (Evidence, MasteryOverride):
            found.update((s, c) for s, c in session.execute(select(table.student_id, table.competency_id)
                                                            .distinct().where(table.student_id.in_(part),
                                                                              table.deleted.is_(False))))
        found.update((s, c) for s, c in session.execute(select(StudentMastery.student_id,
                                                               StudentMastery.competency_id).where(
            StudentMastery.student_id.in_(part))))
    return found


def _groups(row: Mapping) -> list[Group]:
    """The roll-up groups a counted student_mastery row falls in: its school and grade, and its
    school and course when its class has one."""
    found = [(GRADE, row["school_id"], row["grade"])]
    if row.get("course_id") is not None:
        found.append((COURSE, row["school_id"], row["course_id"]))
    return found


def _contribution(row: Mapping | None) -> tuple[list[Group], str, tuple[int, int, int, int]] | None:
    """Where a student_mastery row counts in the roll-ups (its groups, its competency), and what it
    adds there: (students, levels, mastered, score in thousandths). None: it does not count (no level)."""
    if row is None or row["score"] is None:
        return None
    return (_groups(row), row["competency_id"], (1, 1, 1 if row["mastered"] else 0, round(row["score"] * 1000)))


def refresh(uow: UnitOfWork, pairs: set[Pair]) -> int:
    """Recompute these pairs' ``student_mastery`` rows and move the roll-up by their deltas. Returns
    how many pairs were looked at. Does not commit."""
    if not pairs:
        return 0
    session = uow.session
    connection = session.connection()
    students = {s for s, _c in pairs}
    people: dict[str, tuple[str | None, str]] = {}
    enrolled: dict[str, list[str]] = defaultdict(list)
    sections: dict[str, SchoolClass] = {}
    for part in _chunks(students):
        for person_id, school_id, grade in session.execute(select(Person.id, Person.school_id, Person.grade).where(
                Person.id.in_(part), Person.role == Role.STUDENT, Person.deleted.is_(False))):
            people[person_id] = (school_id, grade or "")
        for person_id, section in session.execute(
                select(Enrollment.person_id, SchoolClass).join(SchoolClass, SchoolClass.id == Enrollment.class_id)
                .where(Enrollment.person_id.in_(part), Enrollment.role == Role.STUDENT,
                       Enrollment.archived.is_(False), Enrollment.deleted.is_(False),
                       SchoolClass.deleted.is_(False), SchoolClass.archived.is_(False),
                       SchoolClass.framework_id.is_not(None))):
            enrolled[person_id].append(section.id)
            sections[section.id] = section
    holds: dict[tuple, frozenset[str]] = {}

    def competencies(class_id: str) -> frozenset[str]:
        section = sections[class_id]
        key = (section.framework_id, section.grades)
        if key not in holds:
            holds[key] = frozenset(c.id for c in class_competencies(uow, section))
        return holds[key]

    by_class: dict[str, set[Pair]] = defaultdict(set)
    for pair in pairs:
        if pair[0] in people:
            read_in = next((c for c in sorted(set(enrolled.get(pair[0], ()))) if pair[1] in competencies(c)), None)
            if read_in is not None:
                by_class[read_in].add(pair)
    new: dict[Pair, dict] = {}
    for class_id, wanted in by_class.items():
        section = sections[class_id]
        scale, _method, _params, cells = class_cells(uow, section, sorted({s for s, _c in wanted}),
                                                     sorted({c for _s, c in wanted}))
        for pair in wanted:
            cell = cells.get(pair)
            if cell is not None:
                school_id, grade = people[pair[0]]
                new[pair] = {"student_id": pair[0], "competency_id": pair[1],
                             "school_id": school_id or section.school_id or "", "grade": grade,
                             "class_id": class_id, "course_id": section.course_id, "score": cell.score,
                             "mastered": cell.score is not None and scale.is_mastery(cell.score),
                             "evidence_count": cell.evidence_count, "last_on": cell.last_on}
    table = StudentMastery.__table__
    held: dict[Pair, dict] = {}  # every row of these students (who has any level where: the "" rows)
    for part in _chunks(students):
        for row in connection.execute(select(table).where(table.c.student_id.in_(part))).mappings():
            held[(row["student_id"], row["competency_id"])] = dict(row)
    deltas: dict[tuple[str, str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # (*group, competency)
    changed, gone = [], []
    before_in = _where_counted(held.values())
    for pair in pairs:
        before, after = held.get(pair), new.get(pair)
        if before == after:
            continue
        for row, sign in ((before, -1), (after, 1)):
            counted = _contribution(row)
            if counted is not None:
                groups, competency_id, amounts = counted
                for group in groups:
                    for key, skip in (((*group, competency_id), 0), ((*group, ALL), 1)):
                        total = deltas[key]
                        for i in range(skip, 4):  # a student counts once in "all": see below
                            total[i] += sign * amounts[i]
        if after is None:
            gone.append({"s": pair[0], "c": pair[1]})
            held.pop(pair, None)
        else:
            changed.append(after)
            held[pair] = after
    after_in = _where_counted(held.values())
    for student_id in students:
        for group in after_in[student_id] - before_in[student_id]:
            deltas[(*group, ALL)][0] += 1
        for group in before_in[student_id] - after_in[student_id]:
            deltas[(*group, ALL)][0] -= 1
    if gone:
        connection.execute(delete(table).where(table.c.student_id == bindparam("s"),
                                               table.c.competency_id == bindparam("c")), gone)
    upsert(connection, table, changed, ["student_id", "competency_id"])
    for kind, model in ROLLUPS.items():
        _move_rollup(connection, model.__table__, kind,
                     {tuple(k[1:]): v for k, v in deltas.items() if k[0] == kind and any(v)})
    return len(pairs)


def _where_counted(rows: Iterable[Mapping]) -> dict[str, set[Group]]:
    """Student -> the roll-up groups (school and grade, school and course) their levels count in."""
    found: dict[str, set[Group]] = defaultdict(set)
    for row in rows:
        if row["score"] is not None:
            found[row["student_id"]].update(_groups(row))
    return found


def _move_rollup(connection, table, column: str, deltas: dict[tuple[str, str, str], list[int]]) -> None:
    """Add the deltas, keyed (school, grade or course, competency), to ``table`` (its second key:
    ``column``)."""
    if not deltas:
        return
    current: dict[tuple[str, str, str], list[int]] = {}
    for part in _chunks({competency for _s, _g, competency in deltas}):
        for row in connection.execute(select(table).where(table.c.competency_id.in_(part))).mappings():
            key = (row["school_id"], row[column], row["competency_id"])
            if key in deltas:
                current[key] = [row["students"], row["levels"], row["mastered"], row["score_milli"]]
    kept, emptied = [], []
    for key, delta in deltas.items():
        students, levels, mastered, score_milli = (a + b for a, b in zip(current.get(key, [0, 0, 0, 0]), delta,
                                                                         strict=True))
        if levels > 0:
            kept.append({"school_id": key[0], column: key[1], "competency_id": key[2], "students": students,
                         "levels": levels, "mastered": mastered, "score_milli": score_milli})
        else:
            emptied.append({"s": key[0], "g": key[1], "c": key[2]})
    if emptied:
        connection.execute(delete(table).where(table.c.school_id == bindparam("s"), table.c[column] == bindparam("g"),
                                               table.c.competency_id == bindparam("c")), emptied)
    upsert(connection, table, kept, ["school_id", column, "competency_id"])


def rebuild(uow: UnitOfWork) -> int:
    """Recompute every level and the roll-up from the synced rows, in one transaction (pushes wait
    for it). Returns the number of ``student_mastery`` rows. Commits."""
    connection = uow.session.connection()
    lock_change_log(connection)  # PostgreSQL: no push merges while the roll-up is rebuilt from nothing
    connection.execute(delete(StudentMastery.__table__))
    connection.execute(delete(MasteryRollup.__table__))
    connection.execute(delete(CourseRollup.__table__))
    students: set[str] = set()
    for table in (Evidence, MasteryOverride):
        students.update(uow.session.execute(select(table.student_id).distinct().where(
            table.deleted.is_(False))).scalars())
    # School by school: a class's students fall in one chunk, so each class is read about once.
    schools = dict(uow.session.execute(select(Person.id, Person.school_id).where(Person.role == Role.STUDENT)).all())
    ordered = sorted(students, key=lambda s: (schools.get(s) or "", s))
    for start in range(0, len(ordered), CHUNK):
        refresh(uow, _pairs_of(uow, ordered[start:start + CHUNK]))
    rows = uow.session.execute(select(func.count()).select_from(StudentMastery)).scalar()
    uow.commit()
    return rows


def rebuild_if_missing(uow: UnitOfWork) -> int | None:
    """Rebuild when there is evidence but no level at all: a database filled without the hook (a
    copied file, ``plclassroom demo-data``, a district from before the dashboard); ``serve`` calls
    it as it starts. None when the roll-ups are there (or there is nothing to roll up)."""
    session = uow.session
    if session.execute(select(StudentMastery.student_id).limit(1)).first() is not None:
        return None
    if session.execute(select(Evidence.id).where(Evidence.deleted.is_(False)).limit(1)).first() is None:
        return None
    return rebuild(uow)


def flags_counted_at(uow: UnitOfWork) -> datetime | None:
    """When the early-warning flags were last counted (None: never)."""
    return uow.session.execute(select(func.max(FlagRollup.counted_at))).scalar()


def refresh_flags_if_stale(uow: UnitOfWork, today: date | None = None) -> int | None:
    """Count the early-warning flags when they were last counted before ``today`` (or never): how
    ``serve`` keeps them without cron, as it starts and then hourly. None when today's count stands."""
    today = today or date.today()
    counted = flags_counted_at(uow)
    if counted is not None and counted.date() >= today:
        return None
    return refresh_flags(uow, today)


def refresh_flags(uow: UnitOfWork, today: date | None = None) -> int:
    """Count every school's concern flags, grade team by grade team, as of ``today``, in place of
    the last count. Returns the number of students with a concern flag. Commits."""
    today = today or date.today()
    now = datetime.now(UTC)
    session = uow.session
    teams = session.execute(
        select(Person.school_id, Person.grade, func.count()).where(
            Person.role == Role.STUDENT, Person.deleted.is_(False), Person.school_id.is_not(None))
        .group_by(Person.school_id, Person.grade).order_by(Person.school_id, Person.grade)).all()
    student_rows, rollup_rows = [], []
    counted: set[str] = set()  # a student in another school's class too is counted once, in the first
    for school_id, grade, of_students in teams:
        by_student: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for flag in team_flags(uow, school_id, grade, today):
            if flag.concern and flag.student_id not in counted:
                by_student[flag.student_id][flag.rule.value] += 1
        counted.update(by_student)
        by_rule: dict[str, int] = defaultdict(int)
        for student_id, rules in by_student.items():
            for rule, count in rules.items():
                by_rule[rule] += 1
                student_rows.append({"student_id": student_id, "rule": rule, "school_id": school_id,
                                     "grade": grade or "", "flags": count, "counted_at": now})
        by_rule[ANY_CONCERN] = len(by_student)
        rollup_rows += [{"school_id": school_id, "grade": grade or "", "rule": rule, "students": students,
                         "of_students": of_students, "counted_at": now} for rule, students in by_rule.items()]
    connection = session.connection()
    connection.execute(delete(StudentFlag.__table__))
    connection.execute(delete(FlagRollup.__table__))
    if student_rows:
        connection.execute(insert(StudentFlag.__table__), student_rows)
    if rollup_rows:
        connection.execute(insert(FlagRollup.__table__), rollup_rows)
    uow.commit()
    return len(counted)
