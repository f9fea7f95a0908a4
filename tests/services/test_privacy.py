"""A family's requests on the demo school: export everything about a student (what the school
decides on withheld), and delete the student from this laptop for good, sending nothing."""

import sqlite3
import zipfile
from datetime import date

import orjson
import pytest
from sqlalchemy import select

from plclassroom.domain import Evidence, LearnerProfile, Person
from plclassroom.services import attachments, conferences, privacy, profiles
from plclassroom.services.conferences import ConferenceInput, StepInput
from plclassroom.store import forget
from tests.conftest import count, run

PRIVATE = "Talked about the move between homes, zebrafish-7431"
SHARED = "Proud of the ratio tables project, okapi-2208"
CONCERN = "Seems tired on Mondays, quokka-5519"
# The caseload's order ("most in need first") depends on the day: the demo's term, not the calendar's.
DEMO_TODAY = date(2026, 11, 23)


@pytest.fixture
def student(demo_store):
    """A student of the first advisor's caseload, with a shared and a private conference, an
    advisor note, and a photo attached to a piece of their evidence."""
    advisor = run(demo_store, conferences.advisors)[0][0]
    student_id = run(demo_store, conferences.caseload, advisor, DEMO_TODAY)[0].student_id
    run(demo_store, conferences.save_conference, ConferenceInput(
        student_id, advisor, date(2026, 11, 24), "check-in", notes=SHARED, privacy="teachers",
        steps=[StepInput("Finish practice set A, okapi", "student")]))
    run(demo_store, conferences.save_conference, ConferenceInput(
        student_id, advisor, date(2026, 11, 25), "social-emotional", notes=PRIVATE, privacy="private",
        steps=[StepInput("Check in after the weekend, zebrafish", "advisor")]))
    run(demo_store, conferences.add_advisor_note, student_id, None, CONCERN, concern=True)
    return student_id


def evidence_of(store, student_id):
    with store.unit_of_work() as uow:
        return uow.session.execute(select(Evidence.id).where(Evidence.student_id == student_id)).scalars().all()


def test_export_holds_everything_about_the_student_but_what_the_school_decides_on(demo_store, student, tmp_path):
    photo = tmp_path / "exit-ticket.pdf"
    photo.write_bytes(b"%PDF-1.4 an exit ticket")
    run(demo_store, attachments.attach_file, "evidence", evidence_of(demo_store, student)[0], photo)
    waiting = count(demo_store, "SELECT count(*) FROM sync_outbox")
    with demo_store.unit_of_work() as uow:
        name = uow.get(Person, student).display_name
        summary = privacy.export_student(uow, student, tmp_path / "family.zip")
    assert summary.withheld == {"conference": 1, "next_step": 1, "advisor_note": 1}
    assert count(demo_store, "SELECT count(*) FROM sync_outbox") == waiting  # reading only

    with zipfile.ZipFile(tmp_path / "family.zip") as archive:
        names = set(archive.namelist())
        page = archive.read("summary.html").decode()
        data = {n[5:-5]: orjson.loads(archive.read(n)) for n in names if n.startswith("data/")}
        assert archive.read(next(n for n in names if n.startswith("files/"))) == photo.read_bytes()
        levels = orjson.loads(archive.read("levels.json"))
    # For people: the name, the profile, the shared conference and its step; not the withheld.
    assert name in page and SHARED.split(",")[0] in page and "Finish practice set A" in page
    assert "zebrafish" not in page and "quokka" not in page
    assert "1 advisor note" in page and "1 conference (marked private by their author)" in page
    everything = orjson.dumps(data).decode()
    assert "zebrafish" not in everything and "quokka" not in everything
    # For machines: every row of theirs, all columns, one file a table.
    assert {p["id"] for p in data["person"]} >= {student}
    assert len(data["person"]) == 2  # and their guardian
    assert sorted(r["id"] for r in data["evidence"]) == sorted(evidence_of(demo_store, student))
    assert data["learner_profile"][0]["student_id"] == student and "strengths" in data["learner_profile"][0]
    assert [c["notes"] for c in data["conference"] if c["held_on"] == "2026-11-24"] == [SHARED]
    assert "advisor_note" not in data and "sync_conflict" not in data
    assert levels and {"class", "competency", "level", "score"} <= set(levels[0])


@pytest.mark.parametrize("at", ["first step", "while writing"])
def test_a_cancelled_export_writes_nothing(demo_store, student, tmp_path, at):
    out = tmp_path / "out"
    out.mkdir()
    with demo_store.unit_of_work() as uow, pytest.raises(privacy.Cancelled):
        privacy.export_student(uow, student, out / "family.zip",
                               report=lambda done, total: done == (1 if at == "first step" else total))
    assert list(out.iterdir()) == []  # not even a part-written file


def test_delete_from_this_laptop_removes_every_trace_and_sends_nothing(demo_store, student, tmp_path):
    other = run(demo_store, conferences.caseload, run(demo_store, conferences.advisors)[0][0], DEMO_TODAY)[1].student_id
    photo = tmp_path / "poster.pdf"
    photo.write_bytes(b"%PDF-1.4 a poster about ratios, kept once")
    run(demo_store, attachments.attach_file, "evidence", evidence_of(demo_store, student)[0], photo)
    run(demo_store, profiles.update_profile_field, student, "interests", "Chess and the oboe, narwhal-3390")
    run(demo_store, profiles.update_profile_field, other, "interests", "Football")
    run(demo_store, conferences.save_draft, f"conference:new:{student}", {"student_id": student, "notes": "half a"})
    with demo_store.unit_of_work() as uow:
        records = privacy.records_about(uow, student)
        guardians = records.guardians
    assert records.unsent >= 5 and "1 learner profile" in records.described()
    people = count(demo_store, "SELECT count(*) FROM person")
    others_waiting = count(demo_store, "SELECT count(*) FROM sync_outbox WHERE row_id NOT IN "
                                       f"({','.join('?' * len(records.ids))})", *records.ids)

    done = privacy.forget_student(demo_store, student)

    assert done.unsent == records.unsent and done.files == 1 and done.compacted
    assert count(demo_store, "SELECT count(*) FROM person") == people - 1 - len(guardians)
    with demo_store.unit_of_work() as uow:
        assert forget.rows_referring_to(uow.session.connection(), "person", student) == {"person": {student}}
        assert uow.session.get(Person, student) is None
        assert uow.session.execute(select(LearnerProfile).where(LearnerProfile.student_id == student)).first() is None
    # Nothing about them waits to be sent, no deletion was queued, and the other student's edit still waits.
    assert count(demo_store, "SELECT count(*) FROM sync_outbox") == others_waiting
    assert count(demo_store, "SELECT count(*) FROM sync_outbox WHERE op = 'delete'") == 0
    assert count(demo_store, "SELECT count(*) FROM local_draft") == 0
    assert count(demo_store, "SELECT count(*) FROM search_text WHERE student_id = ?", student) == 0
    assert count(demo_store, "SELECT count(*) FROM local_forgotten") == len(records.ids) + len(guardians)
    assert not any(demo_store.path.parent.glob("demo-files/*/*"))
    # Not in the file either: not in free pages, the write-ahead log or the search index.
    for path in demo_store.path.parent.glob("demo.sqlite*"):
        content = path.read_bytes()
        assert b"narwhal-3390" not in content and b"zebrafish-7431" not in content and b"okapi-2208" not in content
    with sqlite3.connect(demo_store.path) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    with pytest.raises(privacy.PrivacyError, match="not on this laptop"):
        privacy.forget_student(demo_store, student)
