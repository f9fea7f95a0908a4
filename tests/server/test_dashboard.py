"""The district web dashboard, on SQLite and PostgreSQL: signing in and out, sessions, every page
for every role (a principal of school A sees nothing of school B, a teacher no other class), small
groups suppressed, the roll-ups after a real push equal to a rebuild, the audit of who saw whom,
and no password or session token in the logs."""

from __future__ import annotations

import html
import io
import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from plclassroom.domain import Enrollment, Evidence, Person, School, SchoolClass
from plclassroom.domain.base import new_id
from plclassroom.domain.clock import pack as hlc_pack
from plclassroom.server import cli
from plclassroom.server.app import create_app
from plclassroom.server.cli import publish
from plclassroom.services import demo, district, district_rollups, district_sessions
from plclassroom.services.district_dashboard import SMALL_GROUP, Figure
from plclassroom.services.district_sync import scope_of
from plclassroom.services.roster import list_name
from plclassroom.store.dashboard import (
    CourseRollup,
    DashboardSession,
    FlagRollup,
    MasteryRollup,
    StudentMastery,
    ViewAudit,
)
from plclassroom.store.database import Store
from plclassroom.store.district import DistrictDevice, DistrictUser
from plclassroom.sync.protocol import (
    CONTENT_TYPE,
    Change,
    EnrolRequest,
    EnrolResponse,
    PushRequest,
    pack,
    unpack,
)
from tests.conftest import SERVER_DATABASES
from tests.postgres import server_database

PASSWORD = "correct horse battery"
ROLES = ["district_admin", "principal_a", "principal_b", "teacher"]


@dataclass
class District:
    store: Store
    school_a: str
    school_b: str
    names: dict[str, str]  # school id -> name
    users: dict[str, str] = field(default_factory=dict)  # role key -> user name
    competency: str = ""  # a competency with levels in grade 06 of both schools
    student_a: str = ""  # a student of school A with a level on it
    student_b: str = ""
    teacher_students: frozenset[str] = frozenset()


def build(store: Store, students: int = demo.DEFAULT_STUDENTS) -> District:
    """The demo district built and published by the server (the roll-ups follow the publishes),
    its flags counted, and a user with a password for each role."""
    with store.unit_of_work() as uow:
        demo.build_demo_school(uow, students=students)
        uow.commit()
    publish(store)
    with store.unit_of_work() as uow:
        district_rollups.refresh_flags(uow)
        session = uow.session
        # A teacher of one math class: school A is theirs; the rest of school A is not their class.
        teacher, school_a = session.execute(
            select(Enrollment.person_id, SchoolClass.school_id).join(SchoolClass, SchoolClass.id == Enrollment.class_id)
            .where(Enrollment.role == "teacher", SchoolClass.framework_id.is_not(None))
            .group_by(Enrollment.person_id, SchoolClass.school_id).having(func.count() == 1)
            .order_by(Enrollment.person_id)).first()
        schools = {s.id: s.name for s in session.execute(select(School)).scalars()}
        school_b = next(s for s in schools if s != school_a)
        competency = session.execute(
            select(StudentMastery.competency_id).where(StudentMastery.school_id == school_b)
            .group_by(StudentMastery.competency_id).order_by(func.count().desc(), StudentMastery.competency_id)
        ).scalars().first()
        student_a = session.execute(select(StudentMastery.student_id).where(
            StudentMastery.school_id == school_a, StudentMastery.competency_id == competency)
            .order_by(StudentMastery.student_id)).scalars().first()
        student_b = session.execute(select(StudentMastery.student_id).where(
            StudentMastery.school_id == school_b, StudentMastery.competency_id == competency)
            .order_by(StudentMastery.student_id)).scalars().first()
    found = District(store, school_a, school_b, schools, competency=competency, student_a=student_a,
                     student_b=student_b)
    for key, name, role, person, school in [
            ("district_admin", "Dana Admin", "district_admin", None, None),
            ("principal_a", "Pat Principal", "school_admin", None, school_a),
            ("principal_b", "Bo Principal", "school_admin", None, school_b),
            ("teacher", "Terry Teacher", "teacher", teacher, None)]:
        with store.unit_of_work() as uow:
            user_id = district.create_user(uow, name, role, person, school)
        with store.unit_of_work() as uow:
            district_sessions.set_password(uow, user_id, PASSWORD)
        found.users[key] = name
    with store.unit_of_work() as uow:
        user = uow.session.execute(select(DistrictUser).where(DistrictUser.name == "Terry Teacher")).scalar_one()
        found.teacher_students = scope_of(uow, user).students
    return found


@pytest.fixture(scope="module", params=SERVER_DATABASES)
def demo_district(request, tmp_path_factory):
    """The 180-student demo (two schools of 90). Tests add sessions and audit rows, nothing else."""
    with server_database(request, request.param, tmp_path_factory.mktemp("dashboard")) as store:
        yield build(store)


@pytest.fixture(params=SERVER_DATABASES)
def small_district(request, tmp_path):
    """19 students: school A has 10, school B 9 (one under the small-group limit)."""
    with server_database(request, request.param, tmp_path) as store:
        yield build(store, students=19)


def browser(store: Store, base_url: str = "http://testserver") -> TestClient:
    return TestClient(create_app(store), base_url=base_url)


def sign_in(client: TestClient, user: str, password: str = PASSWORD, origin: str | None = None):
    return client.post("/dashboard/login", data={"user": user, "password": password},
                       headers={"Origin": origin or str(client.base_url).rstrip("/")}, follow_redirects=False)


def signed_in(store: Store, user: str) -> TestClient:
    client = browser(store)
    answer = sign_in(client, user)
    assert answer.status_code == 303, answer.text
    return client


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def row_of(page: str, name: str) -> str:
    """The text of the first table row that names ``name``."""
    return next(text_of(row) for row in re.findall(r"<tr>.*?</tr>", page, re.S) if name in row)


def names_of(store: Store, student_ids) -> set[str]:
    with store.unit_of_work() as uow:
        return {list_name(p) for p in uow.session.execute(select(Person).where(Person.id.in_(list(student_ids))))
                .scalars()}


# -- signing in ------------------------------------------------------------------------------------


def test_a_page_without_a_session_sends_the_browser_to_sign_in(demo_district):
    client = browser(demo_district.store)
    for path in ("/dashboard", f"/dashboard/school/{demo_district.school_a}", "/dashboard/audit?student=x"):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 303
        assert answer.headers["location"].startswith("/dashboard/login?next=%2Fdashboard")
    assert "Sign in to the district dashboard" in client.get("/dashboard").text


def test_sign_in_sets_a_strict_cookie_and_sign_out_ends_the_session(demo_district):
    client = browser(demo_district.store)
    answer = sign_in(client, "dana admin")  # the name in any case
    assert answer.status_code == 303 and answer.headers["location"] == "/dashboard"
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/dashboard" in cookie
    assert "Secure" not in cookie  # plain http (a test): a Secure cookie would not come back
    token = client.cookies["plc_dashboard"]
    with demo_district.store.unit_of_work() as uow:
        stored = [row.token_hash for row in uow.session.execute(select(DashboardSession)).scalars()]
    assert token not in stored and len(stored[-1]) == 64  # its hash only
    assert client.get("/dashboard").status_code == 200

    answer = client.post("/dashboard/logout", headers={"Origin": "http://testserver"}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/dashboard/login"
    client.cookies.set("plc_dashboard", token, path="/dashboard")  # even the old cookie no longer works
    assert client.get("/dashboard", follow_redirects=False).status_code == 303
    with demo_district.store.unit_of_work() as uow:
        assert uow.session.get(DashboardSession, district_sessions._token_hash(token)) is None


def test_the_cookie_is_secure_over_https(demo_district):
    client = browser(demo_district.store, "https://testserver")
    answer = sign_in(client, "Dana Admin")
    assert answer.status_code == 303 and "Secure" in answer.headers["set-cookie"]


def test_a_wrong_password_an_unknown_user_and_no_password_are_refused_alike(demo_district):
    with demo_district.store.unit_of_work() as uow:
        no_password = district.create_user(uow, "Nia Nopassword", "district_admin")
    client = browser(demo_district.store)
    for user, password in [("Dana Admin", "not the password"), ("Nobody Here", PASSWORD),
                           (no_password, PASSWORD), ("Dana Admin", "")]:
        answer = sign_in(client, user, password)
        assert answer.status_code == 200 and "set-cookie" not in answer.headers
        assert "That user name and password do not match." in answer.text
    assert client.get("/dashboard", follow_redirects=False).status_code == 303


def test_wrong_passwords_are_throttled_per_user(demo_district):
    client = browser(demo_district.store)
    for _ in range(5):
        assert sign_in(client, "Bo Principal", "guess guess guess").status_code == 200
    answer = sign_in(client, "Bo Principal")  # even the right one, until the minute is up
    assert answer.status_code == 429 and "Too many wrong passwords" in answer.text
    assert sign_in(client, "Pat Principal").status_code == 303  # another user is not held up


def test_a_form_from_another_site_is_refused(demo_district):
    client = browser(demo_district.store)
    assert sign_in(client, "Dana Admin", origin="http://evil.example").status_code == 403
    answer = client.post("/dashboard/login", data={"user": "Dana Admin", "password": PASSWORD},
                         follow_redirects=False)  # neither Origin nor Referer
    assert answer.status_code == 403
    answer = client.post("/dashboard/login", data={"user": "Dana Admin", "password": PASSWORD},
                         headers={"Referer": "http://testserver/dashboard/login"}, follow_redirects=False)
    assert answer.status_code == 303
    assert client.post("/dashboard/logout", headers={"Origin": "http://evil.example"}).status_code == 403
    assert client.get("/dashboard").status_code == 200  # still signed in


def test_a_session_ends_after_eight_hours(demo_district):
    client = signed_in(demo_district.store, "Dana Admin")
    token_hash = district_sessions._token_hash(client.cookies["plc_dashboard"])
    with demo_district.store.unit_of_work() as uow:
        row = uow.session.get(DashboardSession, token_hash)
        assert timedelta(hours=7, minutes=59) < row.expires_at.replace(tzinfo=UTC) - datetime.now(UTC) \
            <= timedelta(hours=8)
        uow.session.execute(update(DashboardSession).where(DashboardSession.token_hash == token_hash).values(
            expires_at=datetime.now(UTC) - timedelta(seconds=1)))
        uow.commit()
    answer = client.get("/dashboard", follow_redirects=False)
    assert answer.status_code == 303 and "/dashboard/login" in answer.headers["location"]


def test_after_signing_in_the_browser_goes_back_to_the_page_it_asked_for_and_never_elsewhere(demo_district):
    client = browser(demo_district.store)
    for wanted, lands in [(f"/dashboard/school/{demo_district.school_a}", f"/dashboard/school/{demo_district.school_a}"),
                          ("https://evil.example/", "/dashboard"), ("//evil.example/dashboard", "/dashboard")]:
        answer = client.post("/dashboard/login", data={"user": "Dana Admin", "password": PASSWORD, "next": wanted},
                             headers={"Origin": "http://testserver"}, follow_redirects=False)
        assert answer.headers["location"] == lands


def test_set_password_from_the_command_line(tmp_path, monkeypatch, capsys):
    database = tmp_path / "district.sqlite"
    store = Store.open(database)
    with store.unit_of_work() as uow:
        user_id = district.create_user(uow, "Dana Admin", "district_admin")
    store.close()
    monkeypatch.setattr("sys.stdin", io.StringIO("too short\n"))
    assert cli.main(["--database", str(database), "set-password", "Dana Admin"]) == 2
    assert "at least 10 characters" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["--database", str(database), "set-password", user_id]) == 0
    assert PASSWORD not in capsys.readouterr().out
    store = Store.open(database)
    try:
        with store.unit_of_work() as uow:
            stored = uow.session.get(DistrictUser, user_id).password_hash
        assert stored.startswith("scrypt$") and PASSWORD not in stored
        assert district_sessions.password_matches(PASSWORD, stored)
        assert not district_sessions.password_matches(PASSWORD + "!", stored)
        assert signed_in(store, "Dana Admin").get("/dashboard").status_code == 200
    finally:
        store.close()


# -- every page, every role ------------------------------------------------------------------------


def pages(d: District) -> dict[str, str]:
    a, b, c = d.school_a, d.school_b, d.competency
    return {
        "overview": "/dashboard",
        "school_a": f"/dashboard/school/{a}", "school_b": f"/dashboard/school/{b}",
        "grade_a": f"/dashboard/school/{a}/grade/06", "grade_b": f"/dashboard/school/{b}/grade/06",
        "competency_a": f"/dashboard/school/{a}/grade/06/competency/{c}",
        "competency_b": f"/dashboard/school/{b}/grade/06/competency/{c}",
        "audit_a": f"/dashboard/audit?student={d.student_a}", "audit_b": f"/dashboard/audit?student={d.student_b}",
        "no_such_school": "/dashboard/school/no-such-school",
    }


# What each role gets: 200, 404 (another's, said as "not found"), or 303 (a principal's overview
# is their school's page).
EXPECTED = {
    "district_admin": {"overview": 200, "school_a": 200, "school_b": 200, "grade_a": 200, "grade_b": 200,
                       "competency_a": 200, "competency_b": 200, "audit_a": 200, "audit_b": 200,
                       "no_such_school": 404},
    "principal_a": {"overview": 303, "school_a": 200, "school_b": 404, "grade_a": 200, "grade_b": 404,
                    "competency_a": 200, "competency_b": 404, "audit_a": 200, "audit_b": 404, "no_such_school": 404},
    "principal_b": {"overview": 303, "school_a": 404, "school_b": 200, "grade_a": 404, "grade_b": 200,
                    "competency_a": 404, "competency_b": 200, "audit_a": 404, "audit_b": 200, "no_such_school": 404},
    "teacher": {"overview": 200, "school_a": 200, "school_b": 404, "grade_a": 200, "grade_b": 404,
                "competency_a": 200, "competency_b": 404, "audit_a": 404, "audit_b": 404, "no_such_school": 404},
}


@pytest.mark.parametrize("role", ROLES)
def test_every_page_answers_each_role_as_it_may_see(demo_district, role):
    d = demo_district
    client = signed_in(d.store, d.users[role])
    for page, path in pages(d).items():
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == EXPECTED[role][page], (page, answer.status_code)
        if answer.status_code == 404:
            assert "not one you can see" in answer.text
            # Nothing of the school behind it: not even its name.
            other = d.names[d.school_b] if page.endswith("_b") else d.names[d.school_a]
            assert other not in answer.text
    if role.startswith("principal"):
        own = d.school_a if role == "principal_a" else d.school_b
        assert client.get("/dashboard", follow_redirects=False).headers["location"] == f"/dashboard/school/{own}"


def test_the_district_admin_sees_every_school_and_a_principal_only_their_own(demo_district):
    d = demo_district
    overview = text_of(signed_in(d.store, "Dana Admin").get("/dashboard").text)
    assert d.names[d.school_a] in overview and d.names[d.school_b] in overview
    assert "90 of 90" in overview or "of 90" in overview  # flags counted over each school's 90
    principal = signed_in(d.store, "Pat Principal")
    seen = text_of(principal.get("/dashboard").text)  # followed to school A's page
    assert d.names[d.school_a] in seen and d.names[d.school_b] not in seen


def test_names_on_a_competency_page_are_only_of_students_the_viewer_may_see(demo_district):
    d = demo_district
    with d.store.unit_of_work() as uow:
        in_a = set(uow.session.execute(select(StudentMastery.student_id).where(
            StudentMastery.school_id == d.school_a, StudentMastery.grade == "06",
            StudentMastery.competency_id == d.competency)).scalars())
        in_b = set(uow.session.execute(select(StudentMastery.student_id).where(
            StudentMastery.school_id == d.school_b, StudentMastery.competency_id == d.competency)).scalars())
    mine, others = in_a & d.teacher_students, in_a - d.teacher_students
    assert mine and others  # the teacher has some of school A's students, not all
    only_b = names_of(d.store, in_b) - names_of(d.store, in_a)
    only_others = names_of(d.store, others) - names_of(d.store, mine)
    path = pages(d)["competency_a"]

    page = text_of(signed_in(d.store, "Dana Admin").get(path).text)
    assert all(n in page for n in names_of(d.store, in_a))
    page = text_of(signed_in(d.store, "Pat Principal").get(path).text)
    assert all(n in page for n in names_of(d.store, in_a)) and not any(n in page for n in only_b)
    page = text_of(signed_in(d.store, "Terry Teacher").get(path).text)
    assert all(n in page for n in names_of(d.store, mine))
    assert not any(n in page for n in only_others), "a teacher saw a student of another class"
    assert "your own students only" in page
    # The teacher's school and grade figures are over their own students too.
    grade = text_of(signed_in(d.store, "Terry Teacher").get(pages(d)["grade_a"]).text)
    assert "These figures are over your own students only." in grade
    # Principal B reaches none of it, and no page of school B names a student of school A.
    assert signed_in(d.store, "Bo Principal").get(path).status_code == 404
    page = text_of(signed_in(d.store, "Bo Principal").get(pages(d)["competency_b"]).text)
    assert not any(n in page for n in names_of(d.store, in_a) - names_of(d.store, in_b))


def test_a_teachers_overview_lists_their_classes_only(demo_district):
    d = demo_district
    page = text_of(signed_in(d.store, "Terry Teacher").get("/dashboard").text)
    with d.store.unit_of_work() as uow:
        titles = set(uow.session.execute(select(SchoolClass.title).where(SchoolClass.school_id == d.school_a))
                     .scalars())
        person = uow.session.execute(select(DistrictUser.person_id).where(
            DistrictUser.name == "Terry Teacher")).scalar()
        own = set(uow.session.execute(select(SchoolClass.title).join(
            Enrollment, Enrollment.class_id == SchoolClass.id).where(Enrollment.person_id == person)).scalars())
    assert "Your classes" in page and all(t in page for t in own)
    assert not any(t in page for t in titles - own)
    assert d.names[d.school_b] not in page


# -- small groups ----------------------------------------------------------------------------------


def test_a_group_of_9_is_suppressed_and_one_of_10_is_shown(small_district):
    d = small_district
    assert not Figure(SMALL_GROUP - 1, 30, 20, 80000).shown and Figure(SMALL_GROUP, 30, 20, 80000).shown
    assert Figure(9, 30, 20, 80000).percent is None and Figure(9, 30, 20, 80000).mean is None
    with d.store.unit_of_work() as uow:
        counts = dict(uow.session.execute(select(MasteryRollup.school_id, MasteryRollup.students).where(
            MasteryRollup.competency_id == "")).all())
    assert sorted(counts.values()) == [9, 10]
    ten, nine = (d.school_a, d.school_b) if counts[d.school_a] == 10 else (d.school_b, d.school_a)
    admin = signed_in(d.store, "Dana Admin")
    overview = admin.get("/dashboard").text
    big, small = row_of(overview, d.names[ten]), row_of(overview, d.names[nine])
    assert re.search(r"\d+%", big) and "fewer than 10" not in big
    assert "fewer than 10" in small and not re.search(r"\d", small.replace("fewer than 10", ""))
    for school in (nine, ten):
        page = admin.get(f"/dashboard/school/{school}").text
        grade_row = row_of(page, "Grade 6")
        if school == nine:
            assert "fewer than 10" in grade_row and not re.search(r"\d", grade_row.replace("fewer than 10", "")
                                                                  .replace("Grade 6", ""))
        else:
            assert re.search(r"\d+%", grade_row)
        # Every student has a level on each unit taught: 9 a competency here (no percentage, no n),
        # 10 there (shown).
        matrix = page.split("Competencies by grade", 1)[1].split("</table>", 1)[0]
        page = admin.get(f"/dashboard/school/{school}/grade/06").text
        table = page.split("Competencies in Grade 6", 1)[1].split("</table>", 1)[0]
        if school == nine:
            assert "fewer than 10" in matrix and 'class="pct"' not in matrix and "n&nbsp;=" not in matrix
            assert "fewer than 10" in table and 'class="pct"' not in table
        else:
            assert "fewer than 10" not in matrix and "n&nbsp;=&nbsp;10" in matrix
            assert "fewer than 10" not in table and 'class="pct"' in table


# -- the roll-ups follow a push --------------------------------------------------------------------


def snapshot(store: Store):
    with store.unit_of_work() as uow:
        levels = sorted((r.student_id, r.competency_id, r.school_id, r.grade, r.class_id, r.course_id,
                         None if r.score is None else round(r.score, 9), r.mastered, r.evidence_count, r.last_on)
                        for r in uow.session.execute(select(StudentMastery)).scalars())
        rollup = sorted((r.school_id, r.grade, r.competency_id, r.students, r.levels, r.mastered, r.score_milli)
                        for r in uow.session.execute(select(MasteryRollup)).scalars())
        courses = sorted((r.school_id, r.course_id, r.competency_id, r.students, r.levels, r.mastered, r.score_milli)
                         for r in uow.session.execute(select(CourseRollup)).scalars())
    return levels, rollup, courses


def test_the_rollup_after_a_push_equals_a_rebuild(small_district):
    d = small_district
    store = d.store
    client = browser(store)
    with store.unit_of_work() as uow:
        user_id = uow.session.execute(select(DistrictUser.id).where(DistrictUser.name == "Terry Teacher")).scalar()
        code = district.issue_enrol_code(uow, user_id)
    answer = client.post("/v1/enrol", content=pack(EnrolRequest(code=code, device="laptop-dash", name="Room 12")),
                         headers={"Content-Type": CONTENT_TYPE, "Content-Encoding": "zstd"})
    token = unpack(answer.content, EnrolResponse, "identity").token
    mine = sorted(d.teacher_students)
    with store.unit_of_work() as uow:
        evidence = list(uow.session.execute(select(Evidence).where(Evidence.student_id.in_(mine), Evidence.deleted
                                                                   .is_(False)).order_by(Evidence.id)).scalars())
        other_school = uow.session.execute(select(Person.id).where(
            Person.role == "student", Person.school_id != uow.session.get(Person, mine[0]).school_id)).scalars().first()
        leaf = evidence[0].competency_id
        teacher = uow.session.execute(select(DistrictUser.person_id).where(DistrictUser.id == user_id)).scalar()
    before = snapshot(store)
    stamp = hlc_pack(int(datetime.now(UTC).timestamp() * 1000), 0)
    first, second, third = evidence[0], evidence[1], evidence[-1]
    fields = {"class_id": first.class_id, "source": "quiz", "note": "", "recorded_by": teacher, "deleted": False}
    changes = [
        # New evidence, a correction (supersedes the old piece), an override and a deletion.
        Change(1, "evidence", new_id(), "insert", stamp + 1, "laptop-dash", {
            **fields, "student_id": first.student_id, "competency_id": first.competency_id, "score": 4.0,
            "observed_on": date.today().isoformat(), "supersedes_id": None}),
        Change(2, "evidence", new_id(), "insert", stamp + 2, "laptop-dash", {
            **fields, "student_id": second.student_id, "competency_id": second.competency_id, "score": 1.0,
            "observed_on": second.observed_on.isoformat(), "supersedes_id": second.id}),
        Change(3, "mastery_override", new_id(), "insert", stamp + 3, "laptop-dash", {
            "student_id": mine[-1], "competency_id": leaf, "class_id": first.class_id, "score": 4.0,
            "reason": "Showed it in the project", "set_by": teacher, "set_at": datetime.now(UTC).isoformat(),
            "deleted": False}),
        Change(4, "evidence", third.id, "delete", stamp + 4, "laptop-dash", {"deleted": True}),
        # Another school's student: refused (out of the teacher's scope), counted for sync health.
        Change(5, "evidence", new_id(), "insert", stamp + 5, "laptop-dash", {
            **fields, "student_id": other_school, "competency_id": leaf, "score": 2.0,
            "observed_on": date.today().isoformat(), "supersedes_id": None}),
    ]
    answer = client.post("/v1/push", content=pack(PushRequest("laptop-dash", changes)),
                         headers={"Authorization": f"Bearer {token}", "Content-Type": CONTENT_TYPE,
                                  "Content-Encoding": "zstd"})
    assert answer.status_code == 200, answer.text
    after = snapshot(store)
    assert after != before and after[2] != before[2]  # the course roll-up moved too
    changed = {(row[0], row[1]) for row in set(after[0]) ^ set(before[0])}
    assert (first.student_id, first.competency_id) in changed and (mine[-1], leaf) in changed
    with store.unit_of_work() as uow:
        district_rollups.rebuild(uow)
    assert snapshot(store) == after
    # A batch that fails whole (a day that is no day): nothing saved, the failure counted.
    bad = Change(6, "evidence", new_id(), "insert", stamp + 6, "laptop-dash", {
        **fields, "student_id": first.student_id, "competency_id": leaf, "score": 2.0,
        "observed_on": "not a day", "supersedes_id": None})
    answer = client.post("/v1/push", content=pack(PushRequest("laptop-dash", [bad])),
                         headers={"Authorization": f"Bearer {token}", "Content-Type": CONTENT_TYPE,
                                  "Content-Encoding": "zstd"})
    assert answer.status_code == 400 and snapshot(store) == after
    with store.unit_of_work() as uow:
        device = uow.session.get(DistrictDevice, "laptop-dash")
        assert device.changes_refused == 1 and device.changes_pushed == 4 and device.push_failures == 1
    page = text_of(signed_in(store, "Terry Teacher").get("/dashboard").text)
    assert "Room 12" in page and "Synced in the last 7 days" in page
    assert "(last " in page  # the failed push, with when


def test_rollups_command_rebuilds_and_counts_flags(small_district, capsys):
    d = small_district
    if d.store.path is None:
        argv = ["--database-url", d.store.engine.url.render_as_string(hide_password=False)]
    else:
        argv = ["--database", str(d.store.path)]
    before = snapshot(d.store)
    with d.store.unit_of_work() as uow:  # as an existing district has them: empty
        uow.session.execute(MasteryRollup.__table__.delete())
        uow.session.execute(CourseRollup.__table__.delete())
        uow.session.execute(StudentMastery.__table__.delete())
        uow.commit()
    assert cli.main([*argv, "rollups", "--rebuild"]) == 0
    out = capsys.readouterr().out
    assert "Mastery figures rebuilt" in out and "Early-warning flags counted" in out
    assert snapshot(d.store) == before


def test_two_students_of_one_name_are_told_apart_and_a_principal_has_no_overview_crumb(small_district):
    d = small_district
    path = pages(d)["competency_a"]
    with d.store.unit_of_work() as uow:
        listed = list(uow.session.execute(select(StudentMastery.student_id).where(
            StudentMastery.school_id == d.school_a, StudentMastery.grade == "06",
            StudentMastery.competency_id == d.competency).order_by(StudentMastery.student_id)).scalars())[:2]
        twins = [uow.session.get(Person, s) for s in listed]
        for person in twins:
            person.given_name, person.family_name = "Hassan", "Suárez"
        uow.commit()
        numbers = [p.identifier for p in twins]
    page = text_of(signed_in(d.store, "Pat Principal").get(path).text)
    assert all(f"Suárez, Hassan ({number})" in page for number in numbers)
    assert "Overview" not in page.split("Where you are", 1)[-1].split(d.names[d.school_a], 1)[0]
    assert "Overview" in text_of(signed_in(d.store, "Dana Admin").get(path).text)


def test_serve_builds_missing_rollups_as_it_starts(small_district):
    """A database filled without the hook (demo-data, a copied file): figures built at the start,
    the same as a rebuild's; once they are there, not again."""
    d = small_district
    before = snapshot(d.store)
    with d.store.unit_of_work() as uow:
        assert district_rollups.rebuild_if_missing(uow) is None  # kept by the hook: nothing to do
        for table in (MasteryRollup, CourseRollup, StudentMastery):
            uow.session.execute(table.__table__.delete())
        uow.commit()
    with d.store.unit_of_work() as uow:
        assert district_rollups.rebuild_if_missing(uow) == len(before[0])
    assert snapshot(d.store) == before


def test_serve_counts_the_flags_once_a_day(small_district):
    """A server restarted daily keeps its early-warning counts without cron: counted when stale."""
    d = small_district
    today = date.today()
    with d.store.unit_of_work() as uow:  # as a district that never counted them
        uow.session.execute(FlagRollup.__table__.delete())
        uow.commit()
    assert cli.count_flags_if_stale(d.store, today) is not None
    with d.store.unit_of_work() as uow:
        assert district_rollups.flags_counted_at(uow) is not None
        rows = uow.session.execute(select(func.count()).select_from(FlagRollup)).scalar()
    assert rows > 0
    assert cli.count_flags_if_stale(d.store, today) is None  # today's count stands
    assert cli.count_flags_if_stale(d.store, today + timedelta(days=1)) is not None  # a new day


def test_a_running_server_counts_the_flags_by_itself(small_district):
    """A server that runs for weeks: its hourly check counts the flags when the count is stale."""
    import time

    d = small_district
    with d.store.unit_of_work() as uow:  # stale: as on the first morning after the last count
        uow.session.execute(FlagRollup.__table__.delete())
        uow.commit()
    with TestClient(create_app(d.store, count_flags_every=0.05)):  # the lifespan runs: the check too
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with d.store.unit_of_work() as uow:
                if district_rollups.flags_counted_at(uow) is not None:
                    break
            time.sleep(0.05)
    with d.store.unit_of_work() as uow:
        assert district_rollups.flags_counted_at(uow) is not None
        assert uow.session.execute(select(func.count()).select_from(FlagRollup)).scalar() > 0


# -- the audit -------------------------------------------------------------------------------------


def test_every_view_of_students_is_logged_and_an_admin_lists_who_saw_a_student(demo_district):
    d = demo_district
    path = pages(d)["competency_a"]
    signed_in(d.store, "Terry Teacher").get(path)
    admin = signed_in(d.store, "Dana Admin")
    admin.get(path)
    with d.store.unit_of_work() as uow:
        listed = set(uow.session.execute(select(StudentMastery.student_id).where(
            StudentMastery.school_id == d.school_a, StudentMastery.grade == "06",
            StudentMastery.competency_id == d.competency)).scalars())
        rows = list(uow.session.execute(select(ViewAudit).where(ViewAudit.route == path)).scalars())
    by_user = {}
    for row in rows:
        by_user.setdefault(row.user_name, set()).add(row.student_id)
    assert by_user["Dana Admin"] >= listed  # one row per student listed
    assert by_user["Terry Teacher"] and by_user["Terry Teacher"] <= d.teacher_students  # only whom they saw
    seen_by_teacher = sorted(by_user["Terry Teacher"])[0]
    page = text_of(admin.get(f"/dashboard/audit?student={seen_by_teacher}").text)
    assert "Terry Teacher" in page and "Dana Admin" in page
    assert f"in Grade 6, {d.names[d.school_a]}" in page  # which page, in words
    # A principal lists their own school's students' views; not another school's, nor a teacher any.
    assert "Terry Teacher" in signed_in(d.store, "Pat Principal").get(
        f"/dashboard/audit?student={seen_by_teacher}").text
    assert signed_in(d.store, "Bo Principal").get(f"/dashboard/audit?student={seen_by_teacher}").status_code == 404
    assert signed_in(d.store, "Terry Teacher").get(f"/dashboard/audit?student={seen_by_teacher}").status_code == 404
    with d.store.unit_of_work() as uow:  # looking at the audit is itself a view of the student
        assert uow.session.execute(select(func.count()).select_from(ViewAudit).where(
            ViewAudit.student_id == seen_by_teacher, ViewAudit.route.startswith("/dashboard/audit"))).scalar() >= 2


# -- nothing secret in the logs --------------------------------------------------------------------


def test_no_password_or_session_token_reaches_the_log(demo_district, caplog):
    d = demo_district
    caplog.set_level(logging.DEBUG)
    client = browser(d.store)
    sign_in(client, "Dana Admin", "a wrong password here")
    sign_in(client, "Dana Admin")
    token = client.cookies["plc_dashboard"]
    for path in pages(d).values():
        client.get(path)
    client.post("/dashboard/logout", headers={"Origin": "http://testserver"})
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert "signed in" in logged  # the log does say what happened ...
    for secret in (PASSWORD, "a wrong password here", token, district_sessions._token_hash(token)):
        assert secret not in logged  # ... never with the secrets


def test_pages_are_plain_accessible_html(demo_district):
    d = demo_district
    page = signed_in(d.store, "Dana Admin").get(pages(d)["school_a"])
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    assert page.headers["cache-control"] == "no-store"
    body = page.text
    assert "<script" not in body and 'lang="en"' in body
    assert body.count("<caption>") >= 2 and 'scope="col"' in body
    css = signed_in(d.store, "Dana Admin").get("/dashboard/dashboard.css").text
    assert ":focus-visible" in css and "outline" in css


@pytest.mark.parametrize("table", ["student_mastery", "mastery_rollup", "course_rollup", "view_audit",
                                   "dashboard_session"])
def test_the_dashboard_tables_never_travel_to_laptops(table):
    from plclassroom.sync.rows import synced_tables

    assert table not in synced_tables()


def test_a_scale_or_framework_change_moves_the_rollups_as_a_rebuild_would(small_district):
    """The hook follows what the levels are read on: a class's scale (the scale, its levels) and
    its framework (a competency). After each push the roll-ups equal a rebuild's."""
    from plclassroom.domain import Competency, ProficiencyLevel, ProficiencyScale
    from plclassroom.services import district_sync
    from plclassroom.sync.protocol import PushRequest

    store = small_district.store
    now = datetime.now(UTC)
    with store.unit_of_work() as uow:
        uow.session.add(DistrictUser(id="scale-editor", name="Scale editor", role="district_admin", created_at=now))
        uow.session.flush()
        uow.session.add(DistrictDevice(id="scale-laptop", user_id="scale-editor", token_hash="x", created_at=now))
        uow.commit()
        scale = uow.session.execute(select(SchoolClass.proficiency_scale_id).where(
            SchoolClass.proficiency_scale_id.is_not(None))).scalars().first()
        developing = uow.session.execute(select(ProficiencyLevel.id).where(
            ProficiencyLevel.scale_id == scale, ProficiencyLevel.score == 2.0)).scalar_one()
        assert uow.session.get(ProficiencyScale, scale).mastery_score == 3.0
        taught = uow.session.get(Competency, small_district.competency)
        assert taught.education_level == "06"
    stamp = hlc_pack(int(now.timestamp() * 1000), 0)
    steps = [
        Change(1, "proficiencyscale", scale, "update", stamp + 1, "scale-laptop", {"mastery_score": 2.0}),
        # Mastery from "Developing" (2) on; then "Developing" from 2.6: 1.5 to 2.6 is no longer mastery.
        Change(2, "proficiency_level", developing, "update", stamp + 2, "scale-laptop", {"min_score": 2.6}),
        # No longer a grade-6 competency: the grade-6 classes no longer read levels on it.
        Change(3, "competency", taught.id, "update", stamp + 3, "scale-laptop", {"education_level": "08"}),
    ]
    for change in steps:
        before = snapshot(store)
        with store.unit_of_work() as uow:
            device = uow.session.get(DistrictDevice, "scale-laptop")
            user = uow.session.get(DistrictUser, "scale-editor")
            reply = district_sync.push(uow, device, user, PushRequest("scale-laptop", [change]))
        assert not reply.rejected, reply.rejected
        after = snapshot(store)
        assert after != before, change.table  # the change moved levels
        with store.unit_of_work() as uow:
            district_rollups.rebuild(uow)
            uow.commit()
        assert snapshot(store) == after, change.table
    assert small_district.competency not in {row[1] for row in after[0]}


def test_times_read_in_the_servers_time_zone(monkeypatch):
    """A district sets the server's TZ to where its schools are; stored times are UTC."""
    import time

    from plclassroom.server.dashboard.routes import _when

    monkeypatch.setenv("TZ", "America/Chicago")
    time.tzset()
    try:
        assert _when(datetime(2026, 12, 6, 21, 30, tzinfo=UTC)) == "2026-12-06 15:30 CST"
        assert _when(datetime(2026, 12, 6, 21, 30)) == "2026-12-06 15:30 CST"  # naive: read as UTC
        assert _when(None) == "never"
    finally:
        monkeypatch.undo()
        time.tzset()
