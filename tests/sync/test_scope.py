"""Scope completeness, on the demo school as the district server publishes it: a new, empty laptop
for each role syncs once and then holds everything its user may see (an assignment with its
playlist and items, evidence with its competency, a conference with its goals and next steps,
every row a row it holds points at) and nothing else (no other class's student, no one else's
private note)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text

from plclassroom.domain import (
    AdvisorAssignment,
    Conference,
    Enrollment,
    Evidence,
    ItemProgress,
    NextStep,
    Person,
    PlaylistAssignment,
    PlaylistItem,
    SchoolClass,
)
from plclassroom.server.cli import publish
from plclassroom.services import demo, district_sync, playlists
from plclassroom.store.database import Store
from plclassroom.store.district import DistrictChange, DistrictUser
from plclassroom.sync.client import SyncClient
from plclassroom.sync.rows import synced_tables
from tests.conftest import SERVER_DATABASES, run
from tests.postgres import server_database
from tests.sync.conftest import enrol_directly
from tests.sync.test_merge import direct

ROLES = ["teacher", "advisor", "school_admin", "district_admin"]


@pytest.fixture(scope="module", params=SERVER_DATABASES)
def district(request, tmp_path_factory):
    """A server that built the demo school itself, with a playlist assigned to a class and some
    progress on it, all published to its change log."""
    with server_database(request, request.param, tmp_path_factory.mktemp("district")) as server:
        with server.unit_of_work() as uow:
            demo.build_demo_school(uow)
            uow.commit()
        with server.unit_of_work() as uow:
            teacher, class_id = uow.session.execute(select(Enrollment.person_id, Enrollment.class_id).where(
                Enrollment.role == "teacher").order_by(Enrollment.class_id)).first()
            students = list(uow.session.execute(select(Enrollment.person_id).where(
                Enrollment.class_id == class_id, Enrollment.role == "student")).scalars())
            # A class of the other school: nothing of it may reach the teacher.
            school = uow.session.execute(select(SchoolClass.school_id).where(SchoolClass.id == class_id)).scalar()
            elsewhere = uow.session.execute(select(SchoolClass.id).where(SchoolClass.school_id != school)).scalar()
        playlist = run(server, playlists.create_playlist, "Unit rates", class_id, teacher)
        items = [run(server, playlists.add_item, playlist, title) for title in ("Watch", "Practice", "Check")]
        [assignment] = run(server, playlists.assign, playlist, class_id, start_date=date(2026, 11, 23))
        run(server, playlists.set_progress, assignment, items[0], students[:3], "done")
        other = run(server, playlists.create_playlist, "Percent", elsewhere)
        run(server, playlists.add_item, other, "Elsewhere only")
        assert publish(server) > 0
        yield server


def person_for(server: Store, role: str) -> tuple[str | None, str | None]:
    """A (person, school) of the demo school for a user of ``role``."""
    with server.unit_of_work() as uow:
        if role == "teacher":
            person = uow.session.execute(select(Enrollment.person_id).where(Enrollment.role == "teacher")
                                         .order_by(Enrollment.class_id)).scalars().first()
        elif role == "advisor":
            person = uow.session.execute(select(AdvisorAssignment.advisor_id)).scalars().first()
        else:
            person = None
        school = uow.session.execute(select(Person.school_id).where(Person.school_id.is_not(None))).scalars().first()
    return person, (school if role == "school_admin" else None)


def rows(store: Store) -> set[tuple[str, str]]:
    found = set()
    with store.engine.connect() as conn:
        for name, cls in synced_tables().items():
            found.update((name, row_id) for row_id in conn.execute(select(cls.__table__.c.id)).scalars())
    return found


def in_scope(server: Store, user_id: str) -> set[tuple[str, str]]:
    """The rows the change log lets this user see, by the server's own scope rule."""
    with server.unit_of_work() as uow:
        user = uow.session.get(DistrictUser, user_id)
        scope = district_sync.scope_of(uow, user)
        changes = uow.session.execute(select(DistrictChange.table_name, DistrictChange.row_id,
                                             DistrictChange.class_id, DistrictChange.student_id,
                                             DistrictChange.private_to, DistrictChange.school_id)).all()
    return {(c.table_name, c.row_id) for c in changes
            if scope.allows(district_sync.Owner(c.class_id, c.student_id, c.private_to, c.school_id)) is None}


@pytest.mark.parametrize("role", ROLES)
def test_a_new_laptop_gets_all_it_may_see_and_nothing_more(district, role, tmp_path):
    laptop = Store.open(tmp_path / "laptop.sqlite")
    try:
        person, school = person_for(district, role)
        _device, user = enrol_directly(district, laptop, role, person, school)
        report = SyncClient(laptop, "http://district", "t", transport=direct(district, laptop.device_id)).sync()
        held = rows(laptop)
        assert report.pulled > 0 and held == in_scope(district, user.id)

        with laptop.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []  # every reference is here
        with laptop.unit_of_work() as uow, district.unit_of_work() as there:
            session, server = uow.session, there.session
            mine = set(session.execute(select(Person.id)).scalars())
            # An assignment comes with its playlist, every item of it and the progress on it.
            assignments = list(session.execute(select(PlaylistAssignment)).scalars())
            if role == "teacher":  # the fixture's playlist is in the first class, theirs
                assert len(assignments) == 1 and len(session.execute(select(ItemProgress.id)).all()) == 3
            for assignment in assignments:
                items = set(server.execute(select(PlaylistItem.id).where(
                    PlaylistItem.playlist_id == assignment.playlist_id)).scalars())
                assert ("playlist", assignment.playlist_id) in held
                assert len(items) == 3 and {("playlist_item", i) for i in items} <= held
            # Evidence comes with its competency; a conference with its goals and next steps.
            for competency in session.execute(select(Evidence.competency_id).distinct()).scalars():
                assert ("competency", competency) in held
            for conference in session.execute(select(Conference.id)).scalars():
                theirs = set(server.execute(select(NextStep.id).where(NextStep.conference_id == conference)).scalars())
                assert theirs == set(session.execute(select(NextStep.id).where(
                    NextStep.conference_id == conference)).scalars())
            # Nothing more: no one else's private note; a teacher or advisor has only their students.
            for privacy, author in session.execute(select(Conference.privacy, Conference.author_id)):
                assert privacy != "private" or author == person
            elsewhere_only = session.execute(select(PlaylistItem.id).where(PlaylistItem.title == "Elsewhere only")).all()
            if role in ("teacher", "district_admin"):  # (the other roles' schools and advisees vary)
                assert len(elsewhere_only) == (1 if role == "district_admin" else 0)
            if role in ("teacher", "advisor"):
                classes = set(server.execute(select(Enrollment.class_id).where(
                    Enrollment.person_id == person, Enrollment.role != "student")).scalars())
                students = set(server.execute(select(Enrollment.person_id).where(
                    Enrollment.class_id.in_(classes), Enrollment.role == "student")).scalars())
                if role == "advisor":
                    students |= set(server.execute(select(AdvisorAssignment.student_id).where(
                        AdvisorAssignment.advisor_id == person)).scalars())
                on_laptop = set(session.execute(select(Person.id).where(Person.id.in_(students))).scalars())
                assert students and on_laptop == students
                strangers = set(server.execute(select(Evidence.id).where(Evidence.student_id.not_in(students))).scalars())
                assert not strangers & set(session.execute(select(Evidence.id)).scalars())
            else:
                assert len(mine) > 100
    finally:
        laptop.close()
