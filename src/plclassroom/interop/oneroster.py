"""Reading OneRoster CSV packages (1.0, 1.1, 1.2, 1.2.1), from a zip or a folder.

This module only reads and checks: it turns each file's rows into normalised records and
reports every problem with its file, row and column in a plain sentence. Putting the records in
the store is ``services.roster_import``'s job.

Liberal where real exports differ harmlessly (a UTF-8 byte-order mark, "Scheduled" for
"scheduled", a date-only dateLastModified, a misspelt optional column), strict where guessing
could put a child in the wrong class (required columns and values, references, cycles).
"""

from __future__ import annotations

import csv
import difflib
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from plclassroom.interop.problems import Problem

VERSIONS = ("1.0", "1.1", "1.2", "1.2.1")
MODES = ("bulk", "delta", "absent")

# file -> columns (name, required). 1.1 is the base; 1.2 changes users and adds roles.
COLUMNS_11: dict[str, list[tuple[str, bool]]] = {
    "orgs": [("sourcedId", True), ("status", False), ("dateLastModified", False), ("name", True),
             ("type", True), ("identifier", False), ("parentSourcedId", False)],
    "academicSessions": [("sourcedId", True), ("status", False), ("dateLastModified", False), ("title", True),
                         ("type", True), ("startDate", True), ("endDate", True), ("parentSourcedId", False),
                         ("schoolYear", True)],
    "courses": [("sourcedId", True), ("status", False), ("dateLastModified", False),
                ("schoolYearSourcedId", False), ("title", True), ("courseCode", False), ("grades", False),
                ("orgSourcedId", True), ("subjects", False), ("subjectCodes", False)],
    "classes": [("sourcedId", True), ("status", False), ("dateLastModified", False), ("title", True),
                ("grades", False), ("courseSourcedId", True), ("classCode", False), ("classType", True),
                ("location", False), ("schoolSourcedId", True), ("termSourcedIds", True), ("subjects", False),
                ("subjectCodes", False), ("periods", False)],
    "users": [("sourcedId", True), ("status", False), ("dateLastModified", False), ("enabledUser", True),
              ("orgSourcedIds", True), ("role", True), ("username", True), ("userIds", False),
              ("givenName", True), ("familyName", True), ("middleName", False), ("identifier", False),
              ("email", False), ("sms", False), ("phone", False), ("agentSourcedIds", False), ("grades", False),
              ("password", False)],
    "enrollments": [("sourcedId", True), ("status", False), ("dateLastModified", False),
                    ("classSourcedId", True), ("schoolSourcedId", True), ("userSourcedId", True), ("role", True),
                    ("primary", False), ("beginDate", False), ("endDate", False)],
    "demographics": [("sourcedId", True), ("status", False), ("dateLastModified", False), ("birthDate", False),
                     ("sex", False), ("americanIndianOrAlaskaNative", False), ("asian", False),
                     ("blackOrAfricanAmerican", False), ("nativeHawaiianOrOtherPacificIslander", False),
                     ("white", False), ("demographicRaceTwoOrMoreRaces", False),
                     ("hispanicOrLatinoEthnicity", False), ("countryOfBirthCode", False),
                     ("stateOfBirthAbbreviation", False), ("cityOfBirth", False),
                     ("publicSchoolResidenceStatus", False)],
}
USERS_12 = [("sourcedId", True), ("status", False), ("dateLastModified", False), ("enabledUser", True),
            ("username", True), ("userIds", False), ("givenName", True), ("familyName", True),
            ("middleName", False), ("identifier", False), ("email", False), ("sms", False), ("phone", False),
            ("agentSourcedIds", False), ("grades", False), ("password", False), ("userMasterIdentifier", False),
            ("resourceSourcedIds", False), ("preferredGivenName", False), ("preferredMiddleName", False),
            ("preferredFamilyName", False), ("primaryOrgSourcedId", False), ("pronouns", False),
            # 1.2 moved these to roles.csv; some 1.2 exports still send them: accept, use if present.
            ("orgSourcedIds", False), ("role", False)]
ROLES_12 = [("sourcedId", True), ("status", False), ("dateLastModified", False), ("userSourcedId", True),
            ("roleType", True), ("role", True), ("beginDate", False), ("endDate", False), ("orgSourcedId", True),
            ("userProfileSourcedId", False)]
# The files we read, in the order their references need them.
READ_ORDER = ("orgs", "academicSessions", "courses", "classes", "users", "roles", "enrollments", "demographics")
# Files a package may carry that we deliberately leave alone (credentials, gradebook, resources).
NOT_READ = ("userProfiles", "categories", "classResources", "courseResources", "resources", "lineItems",
            "results", "scoreScales", "lineItemScoreScales", "resultScoreScales", "lineItemLearningObjectiveIds",
            "resultLearningObjectiveIds", "userResources")
NEVER_KEPT = {"password"}  # a roster password never enters this laptop's database

ENUMS = {
    ("orgs", "type"): ("department", "school", "district", "local", "state", "national"),
    ("academicSessions", "type"): ("gradingPeriod", "semester", "schoolYear", "term"),
    ("classes", "classType"): ("homeroom", "scheduled"),
    ("users", "role"): ("administrator", "aide", "guardian", "parent", "proctor", "relative", "student",
                        "teacher", "counselor", "districtAdministrator", "principal", "siteAdministrator",
                        "systemAdministrator"),
    ("enrollments", "role"): ("administrator", "proctor", "student", "teacher", "aide", "guardian"),
    ("roles", "role"): ("aide", "counselor", "districtAdministrator", "guardian", "parent", "principal",
                        "proctor", "relative", "siteAdministrator", "student", "systemAdministrator", "teacher"),
    ("roles", "roleType"): ("primary", "secondary"),
}
DATE_COLUMNS = {"startDate", "endDate", "beginDate", "birthDate"}


class OneRosterError(Exception):
    """The package cannot be read at all (not a zip, no manifest); the message says why."""


@dataclass
class Record:
    """One row, normalised: standard values by column name, ``metadata.*`` columns apart."""

    file: str
    row: int
    sourced_id: str
    status: str  # "active" or "tobedeleted"
    values: dict[str, str]
    metadata: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> str:
        return self.values.get(name) or ""

    def split(self, name: str) -> list[str]:
        return [part.strip() for part in self.get(name).split(",") if part.strip()]


class OneRosterPackage:
    """A package opened for reading; ``problems`` collects what reading it found."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.problems: list[Problem] = []
        self._zip: zipfile.ZipFile | None = None
        self._names: dict[str, str] = {}  # lower-case file name -> name in the package
        if self.path.is_dir():
            self._names = {p.name.lower(): p.name for p in self.path.iterdir() if p.is_file()}
        elif self.path.is_file():
            try:
                self._zip = zipfile.ZipFile(self.path)
                self._names = {Path(n).name.lower(): n for n in self._zip.namelist() if not n.endswith("/")}
            except (zipfile.BadZipFile, OSError) as exc:
                raise OneRosterError(f"{self.path.name} is not a readable zip file ({exc}).") from exc
        else:
            raise OneRosterError(f"{self.path} does not exist.")
        if "manifest.csv" not in self._names:
            raise OneRosterError(
                f"{self.path.name} is not a OneRoster package: it has no manifest.csv."
            )
        self.version = "1.1"
        self.modes: dict[str, str] = {}
        self.source_system = ""
        self._read_manifest()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> OneRosterPackage:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    @property
    def is_12(self) -> bool:
        return self.version.startswith("1.2")

    def mode(self, name: str) -> str:
        return self.modes.get(name, "absent")

    def columns(self, name: str) -> list[tuple[str, bool]]:
        if name == "users" and self.is_12:
            return USERS_12
        if name == "roles":
            return ROLES_12
        return COLUMNS_11[name]

    # -- reading -----------------------------------------------------------------------------

    def _open_text(self, name: str) -> io.TextIOBase:
        stored = self._names[name.lower()]
        raw = self._zip.open(stored) if self._zip else open(self.path / stored, "rb")  # noqa: SIM115
        # utf-8-sig: a byte-order mark (Excel's habit) is accepted and dropped; anything else not
        # UTF-8 is an error, reported by the reader with the file's name.
        return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")

    def _rows(self, file_name: str) -> Iterator[tuple[int, list[str]]]:
        """(line number, cells) for each row, the header first; problems go to ``self.problems``."""
        try:
            with self._open_text(file_name) as text:
                reader = csv.reader(text)
                try:
                    for row in reader:
                        if not any(cell.strip() for cell in row):
                            continue
                        yield reader.line_num, row
                except UnicodeDecodeError as exc:
                    self.problems.append(Problem(file_name, None, None,
                                                 f"is not UTF-8 text (byte {exc.object[exc.start]:#04x} near line "
                                                 f"{reader.line_num + 1}); save it as UTF-8 and try again",
                                                 fatal=True))
                except csv.Error as exc:
                    self.problems.append(Problem(file_name, reader.line_num, None,
                                                 f"cannot be read as CSV ({exc})", fatal=True))
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            self.problems.append(Problem(file_name, None, None, f"cannot be read from the package ({exc})",
                                         fatal=True))

    def _read_manifest(self) -> None:
        known = {f"file.{name}" for name in (*COLUMNS_11, "roles", *NOT_READ)} | {
            "manifest.version", "oneroster.version", "source.systemName", "source.systemCode"}
        rows = self._rows("manifest.csv")
        header = next(rows, None)
        if header is None or [cell.strip() for cell in header[1][:2]] != ["propertyName", "value"]:
            self.problems.append(Problem("manifest.csv", 1, None,
                                         "the header must be propertyName,value", fatal=True))
            return
        properties: dict[str, tuple[int, str]] = {}
        for line, cells in rows:
            name, value = (cells + ["", ""])[:2]
            name, value = name.strip(), value.strip()
            if name not in known:
                hint = difflib.get_close_matches(name, sorted(known), n=1)
                suggestion = f" (did you mean {hint[0]}?)" if hint else ""
                self.problems.append(Problem("manifest.csv", line, "propertyName",
                                             f"{name!r} is not a manifest property{suggestion}; it was ignored",
                                             warning=True))
                continue
            properties[name] = (line, value)
        line, version = properties.get("oneroster.version", (None, ""))
        if version not in VERSIONS:
            self.problems.append(Problem("manifest.csv", line, "value",
                                         f"oneroster.version is {version or 'missing'}; this app reads "
                                         f"{', '.join(VERSIONS)}", fatal=True))
        else:
            self.version = "1.1" if version == "1.0" else version
        self.source_system = properties.get("source.systemName", (0, ""))[1]
        for name, (line, mode) in properties.items():
            if not name.startswith("file."):
                continue
            file_name = name[5:]
            if mode not in MODES:
                self.problems.append(Problem("manifest.csv", line, "value",
                                             f"{name} is {mode!r}, not bulk, delta or absent; the file is "
                                             "treated as absent", warning=True))
                mode = "absent"
            self.modes[file_name] = mode
            present = f"{file_name}.csv".lower() in self._names
            if mode != "absent" and file_name in READ_ORDER and not present:
                self.problems.append(Problem("manifest.csv", line, "value",
                                             f"{name} says {mode}, but {file_name}.csv is not in the package",
                                             fatal=True))

    def records(self, name: str) -> Iterator[Record]:
        """The valid records of one file; its problems go to ``self.problems``."""
        file_name = f"{name}.csv"
        if self.mode(name) == "absent" or file_name.lower() not in self._names:
            return
        if self._names[file_name.lower()] != file_name and not self._names[file_name.lower()].endswith(
                "/" + file_name):
            self.problems.append(Problem(file_name, None, None,
                                         f"is named {self._names[file_name.lower()]} in the package; read anyway",
                                         warning=True))
        delta = self.mode(name) == "delta"
        rows = self._rows(file_name)
        first = next(rows, None)
        if first is None:
            return
        header = [cell.strip() for cell in first[1]]
        expected = self.columns(name)
        names = [column for column, _ in expected]
        missing = [column for column, required in expected if required and column not in header]
        if delta:
            missing += [column for column in ("status", "dateLastModified") if column not in header]
        for column in missing:
            self.problems.append(Problem(file_name, 1, column, f"the required column {column} is missing",
                                         fatal=True))
        for position, column in enumerate(header, start=1):
            if not column:
                self.problems.append(Problem(file_name, 1, None, f"column {position} has no name; it was ignored",
                                             warning=True))
            elif column not in names and not column.startswith("metadata."):
                hint = difflib.get_close_matches(column, names, n=1)
                suggestion = f" (did you mean {hint[0]}?)" if hint else ""
                self.problems.append(Problem(file_name, 1, column,
                                             f"{column} is not a OneRoster column{suggestion}; it was ignored",
                                             warning=True))
        if missing:
            return
        # What each row needs checking for, worked out once per file (a district sends 300,000 rows).
        checks = _FileChecks(
            required=[column for column, needed in expected if needed],
            enums=[(column, allowed, {a.lower(): a for a in allowed})
                   for (file_key, column), allowed in ENUMS.items() if file_key == name and column in header],
            dates=[column for column in header if column in DATE_COLUMNS],
            set_aside=[column for column in header if column.startswith("metadata.") or column in NEVER_KEPT
                       or not column],
        )
        seen: set[str] = set()
        for line, cells in rows:
            row = dict(zip(header, (cell.strip() for cell in cells), strict=False))
            record = self._record(name, file_name, line, row, checks, delta, seen)
            if record is not None:
                yield record

    def _record(self, name, file_name, line, row, checks: _FileChecks, delta, seen) -> Record | None:
        def problem(column: str | None, message: str, warning: bool = False) -> None:
            self.problems.append(Problem(file_name, line, column, message, warning=warning))

        sourced_id = row.get("sourcedId", "")
        status = row.get("status", "")
        if status not in ("", "active", "tobedeleted"):
            problem("status", f"status {status!r} is not active or tobedeleted; read as active", warning=True)
            status = "active"
        if delta and not status:
            problem("status", "status is empty (a delta file must say active or tobedeleted)")
            return None
        status = status or "active"
        if not sourced_id:
            problem("sourcedId", "sourcedId is empty")
            return None
        if sourced_id in seen:
            problem("sourcedId", f"sourcedId {sourced_id} appears twice in the file; this row was skipped")
            return None
        seen.add(sourced_id)
        metadata = {}
        for column in checks.set_aside:
            value = row.pop(column, None)
            if value and column.startswith("metadata."):
                metadata[column[9:]] = value
        if status == "tobedeleted":  # only the key matters: the row is archived, its values kept as they were
            return Record(file_name, line, sourced_id, status, row, metadata)
        ok = True
        for column in checks.required:
            if not row.get(column):
                problem(column, f"{column} is empty")
                ok = False
        for column, allowed, by_lower in checks.enums:
            value = row.get(column)
            if not value:
                continue
            match = by_lower.get(value.lower())
            if match is None:
                problem(column, f"{column} {value!r} is not one of: {', '.join(allowed)}")
                ok = False
            else:
                row[column] = match
        for column in checks.dates:
            if row.get(column) and parse_date(row[column]) is None:
                problem(column, f"{column} {row[column]!r} is not a date (YYYY-MM-DD)")
                ok = False
        modified = row.get("dateLastModified", "")
        if modified and parse_datetime(modified) is None:
            problem("dateLastModified", f"dateLastModified {modified!r} is not an ISO 8601 date; ignored",
                    warning=True)
        if name == "academicSessions" and row.get("schoolYear") and not row["schoolYear"].isdigit():
            problem("schoolYear", f"schoolYear {row['schoolYear']!r} is not a year")
            ok = False
        if not ok:
            return None
        return Record(file_name, line, sourced_id, status, row, metadata)


@dataclass
class _FileChecks:
    required: list[str]
    enums: list[tuple[str, tuple[str, ...], dict[str, str]]]
    dates: list[str]
    set_aside: list[str]  # metadata.* (kept apart), passwords (never kept), unnamed columns


def parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_datetime(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
