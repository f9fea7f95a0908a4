"""A family's requests about one student: everything this laptop holds about them (export), and
forgetting them on this laptop (delete).

What is about a student: their person row and every row that refers to it, directly or through
another such row (``store/forget.rows_referring_to``): learner profile, accommodations, goals and
their competencies, learning plan and its revisions, evidence, levels set by a teacher, earlier
scores, enrolments, advisor, groups, seminar seats, playlist assignments and progress, absences,
guardian links, conferences with the goals reviewed and the next steps, advisor notes; the files
attached to any of those; sync's two kept versions of their fields; and their guardians.

The export is a zip: ``summary.html`` for people, ``data/<table>.json`` for machines (every column
of every row, rows deleted earlier included and marked ``"deleted": true``), ``levels.json`` (the
current level per class and competency, calculated as the heatmap does) and ``files/`` (attached
files). Two kinds of record are withheld, and counted in the summary so the family knows to ask
the school, which decides on them: conferences marked private (the advisor's own working notes;
their goal notes and next steps go with them) and advisor notes (a teacher's note or concern for
the advisor: the school's professional record). Conferences marked for teachers are included:
they are the record of the student's conferences. Sync's bookkeeping (``sync_conflict``) is left
out.

Forgetting deletes all of it from this laptop's database for good, with plain SQL: no tombstone
and no outbox entry, so nothing is sent to the district. Changes about the student not yet sent
are dropped too (they hold the values), and so are their drafts, refused changes, guardians linked
to no other student, and attached files no other row uses; then the file is compacted. The rows'
ids go on the forgotten list (``store/forget.py``), so no later sync brings them back. The district
keeps its own record and must act on the request there too; copies made before (backups, earlier
exports) are not touched.
"""

from __future__ import annotations

import html
import logging
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import orjson
from sqlalchemy import delete, func, select
from sqlmodel import SQLModel

import plclassroom
from plclassroom.domain import Attachment, Person, Role, SyncConflict
from plclassroom.interop.atomic import atomic_write
from plclassroom.services.mastery import MasteryError, class_mastery, short_code
from plclassroom.store import forget
from plclassroom.store.database import Store
from plclassroom.store.drafts import LocalDraft
from plclassroom.store.outbox import OutboxEntry, RejectedChange
from plclassroom.store.purge import purge_unreferenced
from plclassroom.store.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

CHUNK = 500
WITHHELD_NOTE = ("The school decides whether to share these: ask the school (or the district's records office) "
                 "for them.")
# How the summary and the confirmation name each table's rows: (one, many).
NOUNS = {
    "person": ("person", "people"), "learner_profile": ("learner profile", "learner profiles"),
    "accommodation": ("accommodation", "accommodations"), "goal": ("goal", "goals"),
    "goal_competency": ("goal competency", "goal competencies"),
    "learning_plan": ("learning plan", "learning plans"), "plan_revision": ("plan change", "plan changes"),
    "evidence": ("piece of evidence", "pieces of evidence"),
    "mastery_override": ("level set by a teacher", "levels set by a teacher"),
    "prior_score": ("earlier score", "earlier scores"), "enrollment": ("class enrolment", "class enrolments"),
    "advisorassignment": ("advisor assignment", "advisor assignments"),
    "group_member": ("group place", "group places"), "seminar_seat": ("seminar seat", "seminar seats"),
    "playlist_assignment": ("playlist assignment", "playlist assignments"),
    "item_progress": ("playlist item progress", "playlist item progress records"),
    "absence": ("absence", "absences"), "guardianlink": ("guardian link", "guardian links"),
    "conference": ("conference", "conferences"),
    "conference_goal": ("goal reviewed in a conference", "goals reviewed in conferences"),
    "next_step": ("next step", "next steps"), "advisor_note": ("advisor note", "advisor notes"),
    "attachment": ("attached file", "attached files"),
    "sync_conflict": ("second version kept by sync", "second versions kept by sync"),
}
# The summary's sections: table, heading, the columns shown (the data files have them all).
SECTIONS = (
    ("learner_profile", "Learner profile", ("strengths", "needs", "interests", "aspirations",
                                            "learning_preferences", "languages", "notes")),
    ("accommodation", "Accommodations", ("kind", "description", "start_date", "end_date")),
    ("goal", "Goals", ("kind", "statement", "measure_of_success", "target_date", "status", "progress")),
    ("goal_competency", "Competencies the goals work on", ("goal_id", "competency_id")),
    ("learning_plan", "Learning plan", ("core_values", "action_steps", "student_reflection", "family_reflection",
                                        "advisor_reflection", "transition_plan", "reviewed_on")),
    ("plan_revision", "Changes to the learning plan", ("changed_at", "part", "old", "new", "changed_by")),
    ("enrollment", "Classes", ("class_id", "role", "begin_date", "end_date")),
    ("evidence", "Evidence of learning", ("observed_on", "class_id", "competency_id", "score", "source", "note",
                                          "recorded_by")),
    ("mastery_override", "Levels set by a teacher", ("set_at", "class_id", "competency_id", "score", "reason",
                                                     "set_by")),
    ("prior_score", "Earlier scores", ("taken_on", "source", "measure", "score", "competency_id")),
    ("conference", "Conferences", ("held_on", "kind", "attendees", "notes", "author_id", "follow_up_on")),
    ("conference_goal", "Goals reviewed in conferences", ("conference_id", "goal_id", "progress_note")),
    ("next_step", "Next steps", ("conference_id", "text", "owner", "due_on", "done", "done_on")),
    ("playlist_assignment", "Playlists", ("playlist_id", "start_date", "due_date", "assigned_by")),
    ("item_progress", "Progress on playlist items", ("item_id", "status", "score", "updated_at")),
    ("advisorassignment", "Advisor", ("advisor_id", "start_date", "end_date")),
    ("group_member", "Groups", ("group_id",)),
    ("seminar_seat", "Seminars", ("seminar_id", "source", "attended")),
    ("absence", "Absences", ("day", "class_id")),
    ("guardianlink", "Family", ("guardian_id", "relationship")),
    ("attachment", "Attached files", ("filename", "media_type", "size")),
)
PERSON_FIELDS = ("given_name", "family_name", "preferred_name", "pronouns", "grade", "birth_date", "email",
                 "username", "identifier")
# Where a column names another row, the summary shows the row's label instead of its id.
LABELS = {"class_id": "class_section", "competency_id": "competency", "goal_id": "goal", "playlist_id": "playlist",
          "item_id": "playlist_item", "group_id": "student_group", "seminar_id": "seminar",
          "conference_id": "conference", "recorded_by": "person", "set_by": "person", "author_id": "person",
          "advisor_id": "person", "assigned_by": "person", "changed_by": "person", "guardian_id": "person"}
LEFT_OUT = {"sync_conflict"}  # sync's bookkeeping: not part of the student's record


class PrivacyError(ValueError):
    """A request that cannot be done; the message is for the teacher."""


class Cancelled(Exception):
    pass


@dataclass
class StudentRecords:
    """Everything this laptop holds about one student, by table (ids, tombstones included)."""

    student_id: str
    name: str
    rows: dict[str, set[str]]
    guardians: set[str] = field(default_factory=set)  # their guardians' person rows
    unsent: int = 0  # changes about them in the outbox, not yet sent to the district

    @property
    def ids(self) -> set[str]:
        return {row_id for ids in self.rows.values() for row_id in ids}

    def described(self) -> list[str]:
        """What there is, in words: "1 learner profile", "15 pieces of evidence", ..."""
        words = []
        for table, ids in sorted(self.rows.items(), key=lambda item: _order(item[0])):
            if table == "person":
                continue
            one, many = NOUNS.get(table, (table.replace("_", " ") + " row", table.replace("_", " ") + " rows"))
            words.append(f"{len(ids)} {one if len(ids) == 1 else many}")
        return words


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    rows: int
    files: int
    withheld: dict[str, int]  # table -> rows withheld


@dataclass(frozen=True)
class ForgetSummary:
    rows: int  # rows deleted, guardians included
    unsent: int  # changes about the student that will not reach the district
    files: int  # attached files removed from the disk
    compacted: bool  # the database file was rewritten without their traces


def _order(table: str) -> int:
    names = [section[0] for section in SECTIONS]
    return names.index(table) if table in names else len(names)


def _chunks(ids) -> list[list[str]]:
    ordered = sorted(ids)
    return [ordered[i:i + CHUNK] for i in range(0, len(ordered), CHUNK)]


def records_about(uow: UnitOfWork, student_id: str) -> StudentRecords:
    session = uow.session
    student = session.get(Person, student_id)
    if student is None or student.role != Role.STUDENT.value:
        raise PrivacyError("That student is not on this laptop.")
    connection = session.connection()
    rows = forget.rows_referring_to(connection, "person", student_id)
    owned = {row_id for ids in rows.values() for row_id in ids}
    for part in _chunks(owned):
        for table, column in ((Attachment, Attachment.owner_id), (SyncConflict, SyncConflict.row_id)):
            found = set(session.execute(select(table.id).where(column.in_(part))).scalars())
            if found:
                rows.setdefault(table.__tablename__, set()).update(found)
    conflicts = set(session.execute(select(SyncConflict.id).where(SyncConflict.student_id == student_id)).scalars())
    if conflicts:
        rows.setdefault("sync_conflict", set()).update(conflicts)
    links = SQLModel.metadata.tables["guardianlink"]
    guardians: set[str] = set()
    for part in _chunks(rows.get("guardianlink", ())):
        guardians.update(session.execute(select(links.c.guardian_id).where(links.c.id.in_(part))).scalars())
    every = {row_id for ids in rows.values() for row_id in ids}
    unsent = sum(session.execute(select(func.count()).select_from(OutboxEntry).where(
        OutboxEntry.row_id.in_(part))).scalar() for part in _chunks(every))
    return StudentRecords(student_id, student.display_name, rows, guardians - {student_id}, unsent)


# -- export --------------------------------------------------------------------------------------------


def _rows_of(uow: UnitOfWork, table_name: str, ids) -> list[dict]:
    table = SQLModel.metadata.tables[table_name]
    found = []
    for part in _chunks(ids):
        found += [dict(row) for row in uow.session.execute(select(table).where(table.c.id.in_(part))).mappings()]
    return found


def _withheld(data: dict[str, list[dict]]) -> dict[str, int]:
    """Take out what the school decides on (see the module's docstring); returns what was taken, by table."""
    private = {row["id"] for row in data.get("conference", []) if row["privacy"] == "private"}
    taken: dict[str, int] = {}
    gone: set[str] = set()

    def keep(table: str, withhold: Callable[[dict], bool]) -> None:
        rows = data.get(table, [])
        kept = [row for row in rows if not withhold(row)]
        if len(kept) != len(rows):
            taken[table] = len(rows) - len(kept)
            gone.update(row["id"] for row in rows if withhold(row))
            data[table] = kept

    keep("conference", lambda row: row["id"] in private)
    keep("conference_goal", lambda row: row["conference_id"] in private)
    keep("next_step", lambda row: row["conference_id"] in private)
    keep("advisor_note", lambda row: True)
    keep("attachment", lambda row: row["owner_id"] in gone)
    return taken


def _labels(uow: UnitOfWork, data: dict[str, list[dict]]) -> dict[str, str]:
    """A readable label for every row the shown columns name (a class's title, a competency's code)."""
    wanted: dict[str, set[str]] = {}
    for rows in data.values():
        for row in rows:
            for column, target in LABELS.items():
                if row.get(column):
                    wanted.setdefault(target, set()).add(row[column])
    labels: dict[str, str] = {}
    tables = SQLModel.metadata.tables
    for target, ids in wanted.items():
        table = tables[target]
        for part in _chunks(ids):
            for row in uow.session.execute(select(table).where(table.c.id.in_(part))).mappings():
                labels[row["id"]] = _label(target, row)
    return labels


def _label(table: str, row) -> str:
    if table == "competency":
        return f"{short_code(row['code'])} {row['short_statement'] or row['statement']}".strip()
    if table == "person":
        return f"{row['preferred_name'] or row['given_name']} {row['family_name']}"
    if table == "conference":
        return f"the conference of {row['held_on']}"
    for column in ("title", "name", "statement"):
        if column in row.keys():
            return str(row[column])
    return row["id"]


def _levels(uow: UnitOfWork, student_id: str, enrolments: list[dict]) -> list[dict]:
    """The student's current level on each competency with evidence, per class, as the heatmap has it."""
    levels = []
    for enrolment in enrolments:
        if enrolment["deleted"] or enrolment["role"] != Role.STUDENT.value:
            continue
        try:
            view = class_mastery(uow, enrolment["class_id"])
        except MasteryError:
            continue  # a class with no framework yet: no levels
        for column in view.competencies:
            cell = view.cell(student_id, column.id)
            if cell is None:
                continue
            levels.append({"class": view.title, "competency": short_code(column.code),
                           "statement": column.statement,
                           "score": round(cell.score, 2) if cell.score is not None else None,
                           "level": cell.level.label if cell.level is not None else "",
                           "evidence_count": cell.evidence_count, "method": str(view.method),
                           "set_by_a_teacher": cell.overridden})
    return levels


def export_student(uow: UnitOfWork, student_id: str, target: Path,
                   report: Callable[[int, int], bool] | None = None, today: date | None = None) -> ExportSummary:
    """Write everything this laptop holds about the student (less what is withheld) to a zip at
    ``target``. ``report(done, total)`` returning True cancels: nothing is written then."""
    records = records_about(uow, student_id)
    tables = [t for t in sorted(records.rows, key=_order) if t not in LEFT_OUT]
    total = len(tables) + 3
    step = 0

    def progress() -> None:
        nonlocal step
        step += 1
        if report is not None and report(step, total):
            raise Cancelled("The export was cancelled; nothing was written.")

    data: dict[str, list[dict]] = {}
    for table in tables:
        data[table] = _rows_of(uow, table, records.rows[table])
        progress()
    data["person"] = data.get("person", []) + _rows_of(uow, "person", records.guardians)
    withheld = _withheld(data)
    levels = _levels(uow, student_id, data.get("enrollment", []))
    progress()
    labels = _labels(uow, data)
    summary = _summary_html(records, data, levels, labels, withheld, today or date.today())
    progress()
    files = 0
    target = Path(target)
    with atomic_write(target) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("summary.html", summary)
        for table, rows in data.items():
            if rows:
                archive.writestr(f"data/{table}.json", orjson.dumps(rows, default=str, option=orjson.OPT_INDENT_2))
        archive.writestr("levels.json", orjson.dumps(levels, option=orjson.OPT_INDENT_2))
        for row in data.get("attachment", []):
            stored = uow.files_dir / row["sha256"][:2] / row["sha256"] if uow.files_dir else None
            if stored is not None and stored.is_file():
                archive.write(stored, f"files/{row['id'][:8]}-{Path(row['filename']).name}")
                files += 1
        progress()
    rows = sum(len(found) for found in data.values())
    log.info("student export written: %d rows in %d tables, %d files, %d rows withheld",
             rows, sum(1 for found in data.values() if found), files, sum(withheld.values()))
    return ExportSummary(target, rows, files, withheld)


def _cell(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return html.escape(str(value)).replace("\n", "<br>")


def _summary_html(records: StudentRecords, data: dict[str, list[dict]], levels: list[dict],
                  labels: dict[str, str], withheld: dict[str, int], today: date) -> str:
    student = next(row for row in data["person"] if row["id"] == records.student_id)
    name = html.escape(records.name)
    out = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{name}: records</title>",
           "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
           "table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #bbb;padding:.3em .5em;"
           "vertical-align:top;text-align:left}th{background:#eee}</style></head><body>",
           f"<h1>What plclassroom holds about {name}</h1>",
           f"<p>Made on {today.isoformat()} by plclassroom {plclassroom.__version__}, from one teacher's laptop. "
           "This page shows the records in words; the <code>data</code> folder has every row as JSON (rows deleted "
           "earlier are there too, marked <code>\"deleted\": true</code>), <code>levels.json</code> the current "
           "levels and <code>files</code> the attached files. The school district keeps its own records.</p>"]
    if withheld:
        out.append("<h2>Not included</h2><ul>")
        out += [f"<li>{count} {NOUNS[t][0] if count == 1 else NOUNS[t][1]}"
                + (" (marked private by their author)" if t in ("conference", "conference_goal", "next_step") else "")
                + "</li>" for t, count in sorted(withheld.items())]
        out.append(f"</ul><p>{html.escape(WITHHELD_NOTE)}</p>")
    out.append("<h2>Student</h2><table>")
    out += [f"<tr><th>{field.replace('_', ' ').capitalize()}</th><td>{_cell(student[field])}</td></tr>"
            for field in PERSON_FIELDS if student.get(field)]
    out.append("</table>")
    guardians = [row for row in data["person"] if row["id"] != records.student_id and not row["deleted"]]
    if guardians:
        out.append("<h2>Guardians</h2><table><tr><th>Name</th><th>Email</th></tr>")
        out += [f"<tr><td>{_cell(_label('person', row))}</td><td>{_cell(row['email'])}</td></tr>" for row in guardians]
        out.append("</table>")
    if levels:
        out.append("<h2>Current levels</h2><table><tr><th>Class</th><th>Competency</th><th>Level</th><th>Score</th>"
                   "<th>Pieces of evidence</th></tr>")
        out += [f"<tr><td>{_cell(level['class'])}</td><td>{_cell(level['competency'])} {_cell(level['statement'])}"
                f"</td><td>{_cell(level['level'])}</td><td>{_cell(level['score'])}</td>"
                f"<td>{level['evidence_count']}</td></tr>" for level in levels]
        out.append("</table>")
    shown = set()
    for table, heading, columns in SECTIONS:
        rows = [row for row in data.get(table, []) if not row["deleted"]]
        shown.add(table)
        if not rows:
            continue
        rows.sort(key=lambda row: str(row.get(columns[0]) or ""))
        headings = [html.escape(LABEL_HEADINGS.get(c, c.replace("_", " ").capitalize())) for c in columns]

        def shown_value(row: dict, column: str) -> str:
            return _cell(labels.get(row[column], row[column]) if column in LABELS else row[column])

        out.append(f"<h2>{html.escape(heading)}</h2><table>")
        if len(rows) == 1 and len(columns) > 4:  # one long record (the profile, the plan): a field a line
            out += [f"<tr><th>{h}</th><td>{shown_value(rows[0], c)}</td></tr>" for h, c in zip(headings, columns,
                                                                                               strict=True)]
        else:
            out.append("<tr>" + "".join(f"<th>{h}</th>" for h in headings) + "</tr>")
            out += ["<tr>" + "".join(f"<td>{shown_value(row, c)}</td>" for c in columns) + "</tr>" for row in rows]
        out.append("</table>")
    others = [(t, sum(1 for row in rows if not row["deleted"])) for t, rows in data.items()
              if t not in shown and t != "person"]
    others = [(t, n) for t, n in others if n]
    if others:
        out.append("<h2>Also in the data files</h2><ul>")
        out += [f"<li>{n} {NOUNS.get(t, (t, t))[0 if n == 1 else 1]} (<code>data/{t}.json</code>)</li>"
                for t, n in others]
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out)


LABEL_HEADINGS = {"class_id": "Class", "competency_id": "Competency", "goal_id": "Goal", "playlist_id": "Playlist",
                  "item_id": "Item", "group_id": "Group", "seminar_id": "Seminar", "conference_id": "Conference",
                  "recorded_by": "Recorded by", "set_by": "Set by", "author_id": "Written by",
                  "advisor_id": "Advisor", "assigned_by": "Assigned by", "changed_by": "Changed by",
                  "guardian_id": "Guardian", "observed_on": "Date", "held_on": "Date"}


# -- forgetting ------------------------------------------------------------------------------------------


def forget_student(store: Store, student_id: str) -> ForgetSummary:
    """Delete everything about the student from this laptop for good (see the module's docstring)."""
    with store.unit_of_work() as uow:
        records = records_about(uow, student_id)
        connection = uow.session.connection()
        ids = records.ids
        shas = set()
        for part in _chunks(records.rows.get("attachment", ())):
            shas.update(uow.session.execute(select(Attachment.sha256).where(Attachment.id.in_(part))).scalars())
        for part in _chunks(ids):
            connection.execute(delete(OutboxEntry).where(OutboxEntry.row_id.in_(part)))
            connection.execute(delete(RejectedChange).where(RejectedChange.row_id.in_(part)))
        for draft in uow.session.execute(select(LocalDraft)).scalars().all():
            if any(row_id in draft.key or row_id in draft.payload for row_id in ids):
                uow.session.delete(draft)
        uow.session.flush()
        deleted = forget.delete_rows(connection, records.rows)
        # Guardians linked to no other student go too: the family's own details.
        people = SQLModel.metadata.tables["person"]
        lone = purge_unreferenced(connection, people, list(records.guardians))
        if lone:
            records.rows.setdefault("person", set()).update(lone)
            connection.execute(delete(OutboxEntry).where(OutboxEntry.row_id.in_(lone)))
            connection.execute(delete(RejectedChange).where(RejectedChange.row_id.in_(lone)))
        forget.remember(connection, records.rows)
        uow.commit()
    files = 0
    if shas and store.path is not None:
        files_dir = store.path.parent / f"{store.path.stem}-files"
        with store.unit_of_work() as uow:
            used = set(uow.session.execute(select(Attachment.sha256).where(Attachment.sha256.in_(sorted(shas))))
                       .scalars())
        for sha in shas - used:
            stored = files_dir / sha[:2] / sha
            if stored.is_file():
                stored.unlink()
                files += 1
    compacted = forget.compact(store.engine) if store.path is not None else False
    log.info("a student was forgotten on this laptop: %d rows, %d unsent changes dropped, %d files, compacted: %s",
             deleted + len(lone), records.unsent, files, compacted)
    return ForgetSummary(deleted + len(lone), records.unsent, files, compacted)


__all__ = ["Cancelled", "ExportSummary", "ForgetSummary", "PrivacyError", "StudentRecords", "export_student",
           "forget_student", "records_about"]

