"""Importing a OneRoster package into the store: preview first, then one transaction.

Rows are matched by OneRoster ``sourcedId`` (kept as ``source_id``), so importing the same package
twice changes nothing, and next week's delta updates in place. "tobedeleted" archives a row and
keeps its history; a class in a bulk enrollments file has its complete list, so an enrollment
missing from it is archived too. Nothing is ever hard-deleted.

Fatal problems (a missing required column, a broken reference in a bulk file, not a OneRoster
package, not UTF-8, a parent cycle) stop the import. Row problems stop it too, unless the person
says to import the valid rows only. Either way, a stopped import leaves the database as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from plclassroom.domain import (
    Course,
    District,
    Enrollment,
    GuardianLink,
    Person,
    Role,
    School,
    SchoolClass,
    Term,
    new_id,
)
from plclassroom.interop.oneroster import OneRosterError, OneRosterPackage, Record, parse_date
from plclassroom.interop.problems import ImportRefused, Problem, ProblemReport
from plclassroom.store.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)  # counts only: never a name

Progress = Callable[[int, int], bool]
CHUNK = 20_000  # rows written at a time  # (done, total) -> True when the person asked to cancel

DISTRICT_ORG_TYPES = {"district", "local", "state", "national"}
PERSON_ROLES = {
    "student": Role.STUDENT, "teacher": Role.TEACHER, "aide": Role.AIDE, "counselor": Role.ADVISOR,
    "parent": Role.GUARDIAN, "guardian": Role.GUARDIAN, "relative": Role.GUARDIAN,
    "administrator": Role.ADMINISTRATOR, "proctor": Role.ADMINISTRATOR, "principal": Role.ADMINISTRATOR,
    "siteAdministrator": Role.ADMINISTRATOR, "districtAdministrator": Role.ADMINISTRATOR,
    "systemAdministrator": Role.ADMINISTRATOR,
}
ENROLLMENT_ROLES = {"student": Role.STUDENT, "teacher": Role.TEACHER, "aide": Role.AIDE,
                    "administrator": Role.ADMINISTRATOR, "proctor": Role.ADMINISTRATOR, "guardian": Role.GUARDIAN}
# What the preview counts, in the order it lists them.
ENTITIES = ("districts", "schools", "terms", "courses", "classes", "students", "teachers", "advisors",
            "guardians", "other staff", "enrollments", "guardian links")
PEOPLE = {Role.STUDENT: "students", Role.TEACHER: "teachers", Role.ADVISOR: "advisors",
          Role.GUARDIAN: "guardians"}


class Cancelled(Exception):
    """The person cancelled the import; nothing was written."""


@dataclass
class Counts:
    added: int = 0
    changed: int = 0
    archived: int = 0
    unchanged: int = 0


@dataclass
class ImportReport(ProblemReport):
    subject = "The roster"
    source: str
    version: str = ""
    counts: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in ENTITIES})
    problems: list[Problem] = field(default_factory=list)
    imported: bool = False

    def summary(self) -> list[str]:
        lines = [f"OneRoster {self.version} package {self.source}"]
        for name, c in self.counts.items():
            if c.added or c.changed or c.archived or c.unchanged:
                lines.append(f"{name}: {c.added} to add, {c.changed} to change, {c.archived} to archive, "
                             f"{c.unchanged} unchanged")
        lines.append(f"{len(self.fatal)} fatal problems, {len(self.row_problems)} row problems, "
                     f"{len(self.warnings)} warnings")
        return lines


def preview_roster(uow: UnitOfWork, path: Path, progress: Progress | None = None) -> ImportReport:
    """What importing ``path`` would do, and every problem found; writes nothing."""
    return _run(uow, Path(path), write=False, valid_only=True, progress=progress)


def import_roster(uow: UnitOfWork, path: Path, valid_only: bool = False,
                  progress: Progress | None = None) -> ImportReport:
    """Import ``path`` in one transaction, or raise ImportRefused (or Cancelled) having written nothing."""
    report = _run(uow, Path(path), write=True, valid_only=valid_only, progress=progress)
    if report.fatal or (report.row_problems and not valid_only):
        uow.session.rollback()
        log.info("roster import refused: %d fatal problems, %d row problems", len(report.fatal),
                 len(report.row_problems))
        raise ImportRefused(report)
    uow.commit()
    report.imported = True
    log.info("roster imported (OneRoster %s): %s; %d rows skipped", report.version, ", ".join(
        f"{name} +{c.added} ~{c.changed} -{c.archived}" for name, c in report.counts.items()
        if c.added or c.changed or c.archived) or "no changes", len(report.row_problems))
    return report


def preview_or_import(uow: UnitOfWork, path: Path, preview: bool, valid_only: bool = False) -> ImportReport:
    """For the terminal: the preview, or the import's report (also when it was refused)."""
    try:
        return preview_roster(uow, path) if preview else import_roster(uow, path, valid_only=valid_only)
    except ImportRefused as refused:
        return refused.report


def terminal_lines(report: ImportReport, preview: bool) -> tuple[list[str], int]:
    """What a terminal shows of a report, and the exit code (0: previewed cleanly or imported)."""
    lines = list(report.summary())
    for problem in report.fatal + report.row_problems + report.warnings:
        kind = "error" if problem.fatal else ("skipped" if not problem.warning else "note")
        lines.append(f"  {kind}: {problem}")
    if preview:
        return lines, 1 if report.fatal else 0
    lines.append("Imported." if report.imported else "Not imported: nothing was changed. " + report.refusal())
    return lines, 0 if report.imported else 1


def _run(uow: UnitOfWork, path: Path, write: bool, valid_only: bool, progress: Progress | None) -> ImportReport:
    report = ImportReport(source=path.name)
    try:
        package = OneRosterPackage(path)
    except OneRosterError as exc:
        report.problems.append(Problem(path.name, None, None, str(exc), fatal=True))
        return report
    with package:
        report.version = package.version
        if any(p.fatal for p in package.problems):
            report.problems = list(package.problems)
            return report
        try:
            _Reconciler(uow, package, report, write, progress or (lambda done, total: False)).run()
        except BaseException:
            uow.session.rollback()
            raise
        report.problems = list(package.problems) + report.problems
    return report


class _Reconciler:
    """Walks the package file by file, matching each record to the store by sourcedId."""

    def __init__(self, uow: UnitOfWork, package: OneRosterPackage, report: ImportReport, write: bool,
                 progress: Progress) -> None:
        self.uow, self.package, self.report, self.write, self.progress = uow, package, report, write, progress
        self.ids: dict[type, dict[str, str]] = {}  # table -> sourcedId -> row id (store and package)
        self.person_roles: dict[str, Role] = {}  # user sourcedId -> role
        self.to_be_deleted: set[str] = set()  # sourcedIds the package deletes that the store never had

    def problem(self, record: Record | None, column: str | None, message: str, fatal=False, warning=False,
                file: str | None = None) -> None:
        self.report.problems.append(Problem(record.file if record else file, record.row if record else None,
                                            column, message, fatal=fatal, warning=warning))

    def run(self) -> None:
        steps = [self.orgs, self.sessions, self.courses, self.classes, self.users, self.enrollments]
        for done, step in enumerate(steps):
            if self.progress(done, len(steps)):
                raise Cancelled("The roster import was cancelled; nothing was changed.")
            step()
        self.progress(len(steps), len(steps))

    # -- the store side ------------------------------------------------------------------------

    def existing(self, table: type, columns: tuple[str, ...]) -> dict[str, tuple[str, dict]]:
        """sourcedId -> (row id, current values of ``columns``) for the live rows of ``table``."""
        cols = [getattr(table, name) for name in columns]
        rows = self.uow.session.execute(
            select(table.id, table.source_id, *cols).where(table.source_id.is_not(None), table.deleted.is_(False))
        ).all()
        found = {row[1]: (row[0], dict(zip(columns, row[2:], strict=True))) for row in rows}
        self.ids.setdefault(table, {}).update({source: entry[0] for source, entry in found.items()})
        return found

    def reconcile(self, table: type, entity: str | Callable[[dict], str],
                  desired: dict[str, dict] | Iterable[tuple[str, dict]],
                  existing: dict[str, tuple[str, dict]]) -> None:
        """Count (and when writing, apply) the difference between the package and the store,
        a chunk at a time so a district's 300,000 enrollments never sit in memory at once."""
        inserts, updates = [], []
        items = desired.items() if isinstance(desired, dict) else desired
        for source_id, values in items:
            name = entity(values) if callable(entity) else entity
            counts = self.report.counts[name]
            if source_id in existing:
                row_id, current = existing[source_id]
                changes = {k: v for k, v in values.items() if k in current and current[k] != v}
                if changes:
                    updates.append((row_id, changes))
                    if changes.get("archived") is True:
                        counts.archived += 1
                    else:
                        counts.changed += 1
                else:
                    counts.unchanged += 1
            else:
                inserts.append({"id": self.ids[table][source_id], "source_id": source_id, **values})
                counts.added += 1
            if len(inserts) + len(updates) >= CHUNK:
                self.apply(table, inserts, updates)
                inserts, updates = [], []
        self.apply(table, inserts, updates)

    def apply(self, table: type, inserts: list[dict], updates: list[tuple[str, dict]]) -> None:
        if self.write:
            self.uow.insert_many(table, inserts)
            self.uow.update_many(table, updates)

    def resolve(self, table: type, source_id: str, record: Record, column: str, file_name: str,
                required: bool = True) -> str | None:
        """The row id a reference points at, from the package or the store; reports it if broken."""
        if not source_id:
            return None
        if source_id in self.to_be_deleted:
            self.problem(record, column, f"{column} {source_id} is marked tobedeleted; this row was skipped",
                         warning=True)
            return None
        found = self.ids.get(table, {}).get(source_id)
        if found is None and (required or self.package.mode(file_name) == "bulk"):
            mode = self.package.mode(file_name)
            if required and mode == "bulk" and self.package.mode(record.file[:-4]) == "bulk":
                self.problem(record, column, f"{column} {source_id} is not in {file_name}.csv", fatal=True)
            elif required:
                self.problem(record, column, f"{column} {source_id} is not in this package or on this laptop")
            else:
                self.problem(record, column, f"{column} {source_id} is not in {file_name}.csv; left empty",
                             warning=True)
        return found

    def new_ids(self, table: type, records: list[Record]) -> None:
        """Ids for the package's active rows; "tobedeleted" rows new to the store get none."""
        known = self.ids.setdefault(table, {})
        for record in records:
            if record.status == "active":
                known.setdefault(record.sourced_id, new_id())
            elif record.sourced_id not in known:
                self.to_be_deleted.add(record.sourced_id)

    # -- the files -----------------------------------------------------------------------------

    def orgs(self) -> None:
        records = list(self.package.records("orgs"))
        self.check_cycles(records, "orgs")
        district_records = [r for r in records if r.get("type") in DISTRICT_ORG_TYPES]
        school_records = [r for r in records if r.get("type") not in DISTRICT_ORG_TYPES]
        districts = self.existing(District, ("name", "archived", "extra"))
        self.new_ids(District, district_records)
        desired = {}
        for r in district_records:
            if r.status == "tobedeleted":
                if r.sourced_id in districts:
                    desired[r.sourced_id] = {**districts[r.sourced_id][1], "archived": True}
                continue
            desired[r.sourced_id] = {"name": r.get("name"), "archived": False,
                                     "extra": {"type": r.get("type"), **({"metadata": r.metadata} if r.metadata else {})}}
        self.reconcile(District, "districts", desired, districts)
        schools = self.existing(School, ("name", "identifier", "district_id", "archived", "extra"))
        self.new_ids(School, school_records)
        desired = {}
        for r in school_records:
            if r.status == "tobedeleted":
                if r.sourced_id in schools:
                    desired[r.sourced_id] = {**schools[r.sourced_id][1], "archived": True}
                continue
            parent = r.get("parentSourcedId")
            district_id = self.ids[District].get(parent) if parent else None
            if parent and district_id is None and parent not in self.ids[School]:
                self.problem(r, "parentSourcedId", f"parentSourcedId {parent} is not in orgs.csv; imported "
                             "without a parent", warning=True)
            extra = {"type": r.get("type")}
            if parent and district_id is None:
                extra["parentSourcedId"] = parent
            if r.metadata:
                extra["metadata"] = r.metadata
            desired[r.sourced_id] = {"name": r.get("name"), "identifier": r.get("identifier") or None,
                                     "district_id": district_id, "archived": False, "extra": extra}
        self.reconcile(School, "schools", desired, schools)

    def sessions(self) -> None:
        records = list(self.package.records("academicSessions"))
        self.check_cycles(records, "academicSessions")
        columns = ("title", "kind", "start_date", "end_date", "school_year", "parent_id", "archived", "extra")
        terms = self.existing(Term, columns)
        self.new_ids(Term, records)
        desired = {}
        for r in records:
            if r.status == "tobedeleted":
                if r.sourced_id in terms:
                    desired[r.sourced_id] = {**terms[r.sourced_id][1], "archived": True}
                continue
            parent = r.get("parentSourcedId")
            parent_id = self.ids[Term].get(parent) if parent else None
            extra = {**({"metadata": r.metadata} if r.metadata else {})}
            if parent and parent_id is None:
                self.problem(r, "parentSourcedId", f"parentSourcedId {parent} is not in academicSessions.csv; "
                             "imported without a parent", warning=True)
                extra["parentSourcedId"] = parent
            desired[r.sourced_id] = {
                "title": r.get("title"), "kind": r.get("type"), "start_date": parse_date(r.get("startDate")),
                "end_date": parse_date(r.get("endDate")), "school_year": int(r.get("schoolYear")),
                "parent_id": parent_id, "archived": False, "extra": extra}
        self.reconcile(Term, "terms", desired, terms)

    def courses(self) -> None:
        records = list(self.package.records("courses"))
        courses = self.existing(Course, ("title", "code", "grades", "subjects", "school_id", "archived", "extra"))
        self.new_ids(Course, records)
        desired = {}
        for r in records:
            if r.status == "tobedeleted":
                if r.sourced_id in courses:
                    desired[r.sourced_id] = {**courses[r.sourced_id][1], "archived": True}
                continue
            org = r.get("orgSourcedId")
            school_id = self.ids[School].get(org)
            if school_id is None and org not in self.ids[District]:
                self.resolve(School, org, r, "orgSourcedId", "orgs")
                if self.package.mode("orgs") == "bulk":
                    continue
            extra = {k: v for k, v in (("schoolYearSourcedId", r.get("schoolYearSourcedId")),
                                       ("subjectCodes", r.get("subjectCodes")), ("orgSourcedId", org)) if v}
            if r.metadata:
                extra["metadata"] = r.metadata
            desired[r.sourced_id] = {"title": r.get("title"), "code": r.get("courseCode") or None,
                                     "grades": r.get("grades"), "subjects": r.get("subjects"),
                                     "school_id": school_id, "archived": False, "extra": extra}
        self.reconcile(Course, "courses", desired, courses)

    def classes(self) -> None:
        records = list(self.package.records("classes"))
        classes = self.existing(SchoolClass, ("title", "class_code", "grades", "subjects", "periods", "location",
                                              "school_id", "course_id", "term_id", "archived", "extra"))
        self.new_ids(SchoolClass, records)
        desired = {}
        for r in records:
            if r.status == "tobedeleted":
                if r.sourced_id in classes:
                    desired[r.sourced_id] = {**classes[r.sourced_id][1], "archived": True}
                continue
            school_id = self.resolve(School, r.get("schoolSourcedId"), r, "schoolSourcedId", "orgs")
            if school_id is None:
                continue
            course_id = self.ids.get(Course, {}).get(r.get("courseSourcedId"))
            if course_id is None and self.package.mode("courses") == "bulk":
                self.resolve(Course, r.get("courseSourcedId"), r, "courseSourcedId", "courses")
                continue
            terms = r.split("termSourcedIds")
            term_id = next((self.ids[Term][t] for t in terms if t in self.ids.get(Term, {})), None)
            if term_id is None and self.package.mode("academicSessions") == "bulk":
                self.resolve(Term, terms[0], r, "termSourcedIds", "academicSessions")
                continue
            extra = {"classType": r.get("classType"), "termSourcedIds": terms,
                     "courseSourcedId": r.get("courseSourcedId")}
            if r.get("subjectCodes"):
                extra["subjectCodes"] = r.get("subjectCodes")
            if r.metadata:
                extra["metadata"] = r.metadata
            desired[r.sourced_id] = {
                "title": r.get("title"), "class_code": r.get("classCode") or None, "grades": r.get("grades"),
                "subjects": r.get("subjects"), "periods": r.get("periods"), "location": r.get("location"),
                "school_id": school_id, "course_id": course_id, "term_id": term_id, "archived": False,
                "extra": extra}
        self.reconcile(SchoolClass, "classes", desired, classes)

    def users(self) -> None:
        roles: dict[str, list[Record]] = {}
        for r in self.package.records("roles"):
            if r.status == "active":
                roles.setdefault(r.get("userSourcedId"), []).append(r)
        # Of the demographics, only the birth date is kept: the rest is not this app's business.
        births = {r.sourced_id: parse_date(r.get("birthDate")) for r in self.package.records("demographics")
                  if r.status == "active" and r.get("birthDate")}
        records = list(self.package.records("users"))
        columns = ("role", "given_name", "family_name", "preferred_name", "pronouns", "grade", "email", "username",
                   "identifier", "school_id", "birth_date", "archived", "extra")
        people = self.existing(Person, columns)
        self.new_ids(Person, records)
        desired = {}
        agents: list[tuple[Record, str]] = []
        for r in records:
            if r.status == "tobedeleted":
                if r.sourced_id in people:
                    desired[r.sourced_id] = {**people[r.sourced_id][1], "archived": True}
                    self.person_roles[r.sourced_id] = Role(people[r.sourced_id][1]["role"])
                continue
            role_name, orgs = self.role_and_orgs(r, roles.get(r.sourced_id, []))
            role = PERSON_ROLES.get(role_name)
            if role is None:
                self.problem(r, "role", "has no role (no role column and no primary role in roles.csv)")
                continue
            school_id = next((self.ids[School][o] for o in orgs if o in self.ids.get(School, {})), None)
            extra = {k: v for k, v in (("middleName", r.get("middleName")), ("userIds", r.get("userIds")),
                                       ("enabledUser", r.get("enabledUser")), ("orgSourcedIds", orgs),
                                       ("userMasterIdentifier", r.get("userMasterIdentifier"))) if v}
            if role_name != role.value:
                extra["oneRosterRole"] = role_name
            if r.metadata:
                extra["metadata"] = r.metadata
            self.person_roles[r.sourced_id] = role
            desired[r.sourced_id] = {
                "role": role.value, "given_name": r.get("givenName"), "family_name": r.get("familyName"),
                "preferred_name": r.get("preferredGivenName"), "pronouns": r.get("pronouns"),
                "grade": (r.split("grades") or [""])[0], "email": r.get("email"),
                "username": r.get("username"), "identifier": r.get("identifier"), "school_id": school_id,
                "archived": False, "extra": extra}
            if r.sourced_id in births:
                desired[r.sourced_id]["birth_date"] = births.pop(r.sourced_id)
            agents.extend((r, agent) for agent in r.split("agentSourcedIds"))
        for source_id, (_row_id, current) in people.items():
            self.person_roles.setdefault(source_id, Role(current["role"]))
            if source_id in births and source_id not in desired:  # a delta with demographics only
                desired[source_id] = {**current, "birth_date": births.pop(source_id)}
        for source_id in births:
            self.problem(None, "sourcedId", f"{source_id} is not a user in this package or on this laptop; "
                         "its demographics were ignored", warning=True, file="demographics.csv")
        self.reconcile(Person, lambda values: PEOPLE.get(Role(values["role"]), "other staff"), desired, people,
                       )
        self.guardian_links(agents)

    def role_and_orgs(self, r: Record, roles: list[Record]) -> tuple[str, list[str]]:
        if r.get("role"):  # 1.1, and 1.2 exports that still send it
            return r.get("role"), r.split("orgSourcedIds") or [r.get("primaryOrgSourcedId")]
        primary = [x for x in roles if x.get("roleType") == "primary"] or roles
        orgs = [r.get("primaryOrgSourcedId")] if r.get("primaryOrgSourcedId") else []
        orgs += [x.get("orgSourcedId") for x in primary if x.get("orgSourcedId") not in orgs]
        return (primary[0].get("role") if primary else ""), orgs

    def guardian_links(self, agents: list[tuple[Record, str]]) -> None:
        existing = {tuple(row) for row in self.uow.session.execute(
            select(GuardianLink.guardian_id, GuardianLink.student_id).where(GuardianLink.deleted.is_(False)))}
        people = self.ids[Person]
        links = []
        linked: set[tuple[str, str]] = set()
        for record, agent in agents:
            mine, theirs = self.person_roles.get(record.sourced_id), self.person_roles.get(agent)
            if agent not in people:
                self.problem(record, "agentSourcedIds", f"agentSourcedIds {agent} is not a user in this package "
                             "or on this laptop; ignored", warning=True)
                continue
            if mine == Role.GUARDIAN and theirs == Role.STUDENT:
                pair = (people[record.sourced_id], people[agent])
            elif mine == Role.STUDENT and theirs == Role.GUARDIAN:
                pair = (people[agent], people[record.sourced_id])
            else:
                self.problem(record, "agentSourcedIds", f"agent {agent} is a {theirs.value if theirs else '?'} "
                             f"and this user a {mine.value if mine else '?'}: only guardian-student links are "
                             "kept", warning=True)
                continue
            if pair in linked:
                continue  # both sides of a pair list each other: one link
            linked.add(pair)
            if pair in existing:
                self.report.counts["guardian links"].unchanged += 1
                continue
            links.append({"id": new_id(), "guardian_id": pair[0], "student_id": pair[1], "relationship": "guardian"})
            self.report.counts["guardian links"].added += 1
        if self.write:
            self.uow.insert_many(GuardianLink, links)

    def enrollments(self) -> None:
        columns = ("class_id", "person_id", "role", "primary", "begin_date", "end_date", "archived", "extra")
        enrollments = self.existing(Enrollment, columns)
        known = self.ids[Enrollment]
        in_file: set[str] = set()
        classes_in_file: set[str] = set()

        def desired() -> Iterator[tuple[str, dict]]:
            for r in self.package.records("enrollments"):
                in_file.add(r.sourced_id)
                if r.status == "tobedeleted":
                    if r.sourced_id in enrollments:
                        yield r.sourced_id, {**enrollments[r.sourced_id][1], "archived": True}
                    continue
                class_id = self.resolve(SchoolClass, r.get("classSourcedId"), r, "classSourcedId", "classes")
                person_id = self.resolve(Person, r.get("userSourcedId"), r, "userSourcedId", "users")
                if class_id is None or person_id is None:
                    continue
                role = ENROLLMENT_ROLES[r.get("role")]
                user_role = self.person_roles.get(r.get("userSourcedId"))
                if user_role is not None and role in (Role.STUDENT, Role.TEACHER) and user_role in (
                        Role.STUDENT, Role.TEACHER) and user_role != role:
                    self.problem(r, "role", f"enrols {r.get('userSourcedId')} as a {role.value}, but users.csv "
                                 f"says {user_role.value}; enrolled as {role.value}", warning=True)
                classes_in_file.add(class_id)
                known.setdefault(r.sourced_id, new_id())
                yield r.sourced_id, {
                    "class_id": class_id, "person_id": person_id, "role": role.value,
                    "primary": r.get("primary").lower() == "true", "begin_date": parse_date(r.get("beginDate")),
                    "end_date": parse_date(r.get("endDate")), "archived": False,
                    "extra": {"metadata": r.metadata} if r.metadata else {}}

        def left_their_class() -> Iterator[tuple[str, dict]]:
            # A class in a bulk file has its complete list: whoever is missing has left the class.
            for source_id, (_row_id, current) in enrollments.items():
                if source_id not in in_file and current["class_id"] in classes_in_file and not current["archived"]:
                    yield source_id, {**current, "archived": True}

        self.reconcile(Enrollment, "enrollments", desired(), enrollments)
        if self.package.mode("enrollments") == "bulk":
            self.reconcile(Enrollment, "enrollments", left_their_class(), enrollments)

    def check_cycles(self, records: list[Record], file: str) -> None:
        parent = {r.sourced_id: r.get("parentSourcedId") for r in records if r.get("parentSourcedId")}
        reported: set[str] = set()
        for start in parent:
            path, node = [start], parent.get(start)
            while node and node not in path and node in parent:
                path.append(node)
                node = parent.get(node)
            if node in path and start not in reported:
                cycle = path[path.index(node):] + [node]
                reported.update(cycle)
                self.problem(None, "parentSourcedId", "parentSourcedId forms a cycle: " + " → ".join(cycle),
                             fatal=True, file=f"{file}.csv")
