"""A student deleted from one laptop at a family's request stays deleted there: the deletion is
not sent, and no later sync brings them (or anything new about them) back, whether by pull,
by verification's repair, or by a page whose rows refer to them in any order."""

from datetime import date

from sqlalchemy import select

from plclassroom.domain import Evidence, LearnerProfile
from plclassroom.domain.base import new_id
from plclassroom.services import conferences, mastery, privacy, profiles
from plclassroom.services.conferences import ConferenceInput, StepInput
from plclassroom.store.database import Store
from plclassroom.sync.client import SyncClient, apply_changes
from plclassroom.sync.protocol import Change
from tests.conftest import count, run
from tests.sync.conftest import enrol_directly
from tests.sync.test_merge import client, direct


def a_student_with_evidence(store):
    with store.unit_of_work() as uow:
        return uow.session.execute(select(Evidence.student_id, Evidence.class_id, Evidence.competency_id)
                                   .join(LearnerProfile, LearnerProfile.student_id == Evidence.student_id)
                                   .order_by(Evidence.student_id)).first()


def test_a_forgotten_student_is_not_sent_and_never_comes_back(server, laptops):
    a, b = laptops(), laptops()
    device_a, _ = enrol_directly(server, a)
    sync_a = SyncClient(a, "http://district", "token", transport=direct(server, device_a.id), verify="always")
    sync_b = client(server, b)
    row = a_student_with_evidence(a)
    run(a, profiles.update_profile_field, row.student_id, "interests", "not to be sent")
    privacy.forget_student(a, row.student_id)
    report = sync_a.sync()
    assert report.pushed == 0  # the unsent edit went with the student, and the deletion is not a change
    assert count(server, "SELECT count(*) FROM person WHERE id = ?", row.student_id) == 1  # the district's record

    # Meanwhile another teacher records evidence, edits the profile and logs a conference with a next step.
    advisor = run(b, conferences.advisors)[0][0]
    run(b, mastery.record_evidence, row.class_id,
        [mastery.EvidenceEntry(row.student_id, row.competency_id, 3.0, date(2026, 11, 20), note="after")])
    run(b, profiles.update_profile_field, row.student_id, "strengths", "new on b")
    run(b, conferences.save_conference, ConferenceInput(row.student_id, advisor, date(2026, 11, 26), "check-in",
                                                        notes="met", steps=[StepInput("Read a chapter", "student")]))
    sync_b.sync()

    report = sync_a.sync()  # pull, then verification, which asks the district for rows a lacks
    assert count(a, "SELECT count(*) FROM person WHERE id = ?", row.student_id) == 0
    for table, column in (("evidence", "student_id"), ("learner_profile", "student_id"),
                          ("conference", "student_id"), ("next_step", "student_id"), ("enrollment", "person_id")):
        assert count(a, f"SELECT count(*) FROM {table} WHERE {column} = ?", row.student_id) == 0, table
    assert count(a, "SELECT count(*) FROM sync_outbox") == 0
    # Everyone else's rows still sync: the other teacher's change to another student arrives.
    other = next(r.student_id for r in run(b, conferences.caseload, advisor) if r.student_id != row.student_id)
    run(b, profiles.update_profile_field, other, "needs", "from b")
    sync_b.sync()
    sync_a.sync()
    assert count(a, "SELECT count(*) FROM learner_profile WHERE needs = 'from b'") == 1


def test_rows_that_refer_to_a_forgotten_row_are_skipped_in_any_order(demo_store):
    row = a_student_with_evidence(demo_store)
    privacy.forget_student(demo_store, row.student_id)
    conference, step, evidence = new_id(), new_id(), new_id()
    with demo_store.unit_of_work() as uow:
        author = uow.session.execute(select(Evidence.recorded_by).where(Evidence.recorded_by.is_not(None))).scalar()
    device = "district-device"
    changes = [  # the grandchild first, its parent after, then the student's own row again
        Change(1, "next_step", step, "insert", 10, device, {"conference_id": conference, "student_id": None,
                                                             "text": "Read", "owner": "student", "done": False}),
        Change(2, "conference", conference, "insert", 11, device,
               {"student_id": row.student_id, "author_id": author, "held_on": "2026-11-26", "kind": "check-in",
                "attendees": "", "notes": "met", "privacy": "teachers"}),
        Change(3, "evidence", evidence, "insert", 12, device,
               {"student_id": row.student_id, "competency_id": row.competency_id, "class_id": row.class_id,
                "score": 3.0, "observed_on": "2026-11-26", "source": "quiz", "note": ""}),
        Change(4, "person", row.student_id, "update", 13, device, {"given_name": "Back", "family_name": "Again"}),
    ]
    with demo_store.unit_of_work() as uow:
        applied, _kept = apply_changes(uow.session, changes, lambda _hlc: None)
        uow.commit()  # no reference to a missing row: the commit's foreign key check passes
    assert applied == 0
    for table, row_id in (("next_step", step), ("conference", conference), ("evidence", evidence),
                          ("person", row.student_id)):
        assert count(demo_store, f"SELECT count(*) FROM {table} WHERE id = ?", row_id) == 0
        assert count(demo_store, "SELECT count(*) FROM local_forgotten WHERE row_id = ?", row_id) == 1


def test_verification_asks_for_the_forgotten_rows_and_they_are_not_taken(published_district, tmp_path):
    """A laptop that took its first copy from the district forgets a student; verification then
    finds rows the district has and the laptop lacks, and the district sends them: they are not
    written. The report says not verified, honestly, until the district takes the student out of
    this laptop's scope."""
    laptop = Store.open(tmp_path / "laptop.sqlite")
    enrol_directly(published_district, laptop)
    try:
        transport = direct(published_district, laptop.device_id)
        first = SyncClient(laptop, "http://district", "t", transport=transport, verify="always").sync()
        assert first.snapshot_rows > 0 and first.verified
        row = a_student_with_evidence(laptop)
        privacy.forget_student(laptop, row.student_id)
        report = SyncClient(laptop, "http://district", "t", transport=transport, verify="always").sync()
        assert report.repaired > 0 and not report.verified
        assert count(laptop, "SELECT count(*) FROM person WHERE id = ?", row.student_id) == 0
        assert count(laptop, "SELECT count(*) FROM evidence WHERE student_id = ?", row.student_id) == 0
    finally:
        laptop.close()
