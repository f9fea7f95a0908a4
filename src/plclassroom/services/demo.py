"""The demo school: a deterministic, realistic district for first looks, tests and benchmarks.

Same seed, same school: every id, name, profile and score comes from one seeded generator.
Default size: 2 schools, 6 teachers, 3 advisors, 8 classes, 180 students. It scales by the
number of students (90 a school) up to a district of 50,000 for benchmarks.

The demo is seed data, as if it came from the district: it is stamped but not queued for sync.

Its calendar is set on a Monday, ``DEMO_DAY`` (the day a data team meets): the math classes have
taught three units and are in the fourth, advisors meet their advisees every few weeks, and each
of the first schools' grade teams met the week before, with actions agreed. Tests and benchmarks
build it on that calendar; the app moves it to the day it is built (``today``), so a first look
sees recent evidence and a meeting that is due.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources

from plclassroom.domain import (
    DEFAULT_FOUR_POINT_SCALE,
    Accommodation,
    AdvisorAssignment,
    Competency,
    CompetencyAssociation,
    CompetencyFramework,
    Conference,
    ConferenceGoal,
    ConferenceKind,
    Course,
    DataMeeting,
    District,
    Enrollment,
    Evidence,
    EvidenceSource,
    Goal,
    GuardianLink,
    LearnerProfile,
    MeetingAction,
    NextStep,
    Person,
    Privacy,
    ProficiencyLevel,
    ProficiencyScale,
    Role,
    School,
    SchoolClass,
    Term,
)
from plclassroom.interop.case import parse_case_package
from plclassroom.services import frameworks
from plclassroom.store.unit_of_work import UnitOfWork

STUDENTS_PER_SCHOOL = 90
DEFAULT_STUDENTS = 180
TERM_START = date(2026, 8, 24)
TERM_END = date(2026, 12, 18)
DEMO_DAY = date(2026, 11, 23)  # a Monday: the demo's "today" (evidence runs to the day before)
CURRENT_UNIT_DAYS = 16  # the unit being taught started this many days before DEMO_DAY
MEETING_SCHOOLS = 2  # the schools whose grade team met a week before DEMO_DAY

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """The person cancelled; nothing was written."""


@dataclass
class DemoSummary:
    schools: int
    teachers: int
    advisors: int
    classes: int
    students: int
    rows: int


GIVEN_NAMES = (
    "Aaliyah Aarav Abdi Adaeze Aiko Alejandro Amara Amina Ana Andrés Anika Arjun Asha Ayaan Beatriz "
    "Bilal Camila Carlos Chen Chloe Dalia Daniel Darius Destiny Diego Elena Elijah Emeka Emma Esperanza "
    "Ethan Fatima Felipe Gabriel Grace Hana Hassan Ibrahim Imani Isabella Jamal Jasmine Javier Jin Jonah "
    "Joon Kai Kalani Kenji Khadija Lauren Layla Leilani Liam Lucía Malik Mariam Marisol Mateo Maya Mei "
    "Mohammed Nadia Naomi Nia Noah Nour Olivia Omar Priya Quinn Rafael Rania Ravi Rosa Sakura Samir Santiago "
    "Sara Sofia Tariq Thiago Tomás Valentina Wei Xavier Yara Yusuf Zainab Zara Zoe"
).split()
FAMILY_NAMES = (
    "Abebe Acosta Adeyemi Ahmed Alvarez Bangura Barnes Bautista Chowdhury Cruz Delgado Diallo Dubois Edwards "
    "Estrada Fernández Fischer Flores Gómez Guerrero Gupta Haddad Hernández Hoang Ibarra Jackson Jensen Kaur "
    "Khan Kim Kowalski Lee Lindqvist López Mahmoud Martínez Mendoza Morales Mwangi Nakamura Nguyen Novak "
    "Okafor Okonkwo Ortiz Patel Pereira Petrov Quispe Ramírez Raman Reyes Rivera Robinson Rossi Santos Sato "
    "Schmidt Silva Singh Sokolov Suárez Tanaka Torres Tran Turner Vargas Vásquez Walker Wang Williams Yilmaz "
    "Young Zhang"
).split()
PLACES = (
    "Cedar Hollow, Harbor View, Pine Ridge, Maple Creek, Riverside, Sunset Valley, Oak Grove, Eastgate, "
    "Willow Bend, Stone Bridge, Lakeshore, Highland, Meadowbrook, Fox Run, Elm Park, Granite Falls"
).split(", ")

STRENGTHS = [
    "Explains reasoning clearly to a partner",
    "Persists with hard problems and asks good questions",
    "Strong number sense; spots patterns quickly",
    "Careful, organised written work",
    "Helps classmates without giving away answers",
    "Draws diagrams to make sense of problems",
    "Confident presenting to the class",
    "Creative when a problem has more than one way in",
    "Reads closely and checks the question before answering",
    "Works well independently on the laptop station",
]
NEEDS = [
    "Building fluency with multiplication facts",
    "Checking answers for reasonableness before moving on",
    "Starting tasks without an adult prompt",
    "Showing work, not only the answer",
    "Vocabulary for ratio and rate word problems",
    "Staying with a task for 15 minutes at the independent station",
    "Asking for help before getting stuck",
    "Reading multi-step word problems",
    "Organising notes and materials",
    "Confidence when sharing ideas in a group",
]
INTERESTS = [
    "soccer, drawing comics",
    "Minecraft, building things",
    "cooking with family, baking",
    "basketball, sneakers",
    "music (plays guitar), TikTok dances",
    "animals, wants a dog",
    "robotics club, coding",
    "reading fantasy series",
    "skateboarding, video editing",
    "gardening, nature walks",
    "K-pop, learning Korean",
    "chess, puzzles",
]
ASPIRATIONS = [
    "Wants to be a veterinarian",
    "Hopes to design video games",
    "Wants to play soccer in high school",
    "Thinking about becoming a nurse like an aunt",
    "Wants to start a small business",
    "Interested in engineering; likes taking things apart",
    "Wants to be a teacher",
    "Dreams of being a chef",
    "Wants to be the first in the family to go to college",
]
PREFERENCES = [
    "Learns best with hands-on materials and worked examples",
    "Prefers quiet, independent work with headphones",
    "Likes to talk ideas through with a partner first",
    "Benefits from short chunks with check-ins",
    "Visual learner: diagrams, colour-coding, anchor charts",
    "Likes a choice of how to show what they know",
]
LANGUAGES = (
    ["English"] * 10
    + ["Spanish, English"] * 4
    + ["Arabic, English", "Vietnamese, English", "Somali, English", "Mandarin, English", "Tagalog, English"]
)
ACCOMMODATIONS = {
    "IEP": [
        "Extended time (1.5x) on assessments; text-to-speech for reading passages",
        "Reduced number of practice items; check-in every 10 minutes",
        "Use of a calculator; graphic organiser for multi-step problems",
    ],
    "504": [
        "Preferential seating near the teacher; movement breaks",
        "Extra time on tests in a quiet room",
    ],
    "ELL": [
        "Bilingual glossary; sentence frames for explanations",
        "Directions read aloud; visuals for new vocabulary",
    ],
}
GOALS = [
    ("academic", "I want to explain how I solve ratio problems so someone else understands.",
     "I can teach a partner one problem and they get it right."),
    ("academic", "I want to get a 3 or higher on unit rates by winter break.", "A 3 on two checkpoints in a row."),
    ("academic", "I will finish my playlist before the due date.", "All must-do items done on time."),
    ("personal", "I want to ask for help when I'm stuck instead of waiting.",
     "I raise my hand or use the help card at least once a class."),
    ("personal", "I want to turn in my homework every week.", "No missing work for four weeks."),
    ("academic", "I want to read word problems twice and underline what they ask.",
     "My teacher sees underlining on my exit tickets."),
    ("personal", "I want to be on time to first period.", "On time 9 days out of 10."),
]
CONFERENCE_NOTES = [
    "Talked about the last checkpoint. Proud of the progress on tables of equivalent ratios. "
    "Wants more practice with percent problems.",
    "Check-in after a hard week. Sleep has been short; agreed to a bedtime plan. Math is going better.",
    "Reviewed goals. One met, one still in progress. Student chose a new stretch goal.",
    "Discussed friendships and group work. Would like to be in a different group at the collaborative station.",
    "Looked at the playlist together. Skipping may-do items; we agreed to try one extension each week.",
    "Family joined by phone. Shared strengths and next steps; family will check the planner on Sundays.",
]
NEXT_STEPS = [
    ("student", "Redo the unit-rate checkpoint after the practice set"),
    ("advisor", "Ask the math teacher about moving to the extension group"),
    ("family", "Check the planner together on Sunday evenings"),
    ("student", "Bring the reading log to the next meeting"),
    ("teacher", "Send a weekly note home about missing work"),
    ("student", "Use the help card when stuck for more than 5 minutes"),
]
TEACHERS = [("Amara", "Okafor"), ("Daniel", "Lindqvist"), ("Priya", "Raman"),
            ("Marcus", "Bell"), ("Lucía", "Ferreira"), ("Hannah", "Cho")]
ADVISORS = [("Rosa", "Delgado"), ("Samuel", "Adeyemi"), ("Ines", "Kowalski")]


def demo_case_package():
    """The grade-6 ratios framework the demo uses (a copy of the CCSS Math 6.RP CASE sample)."""
    import json

    text = resources.files("plclassroom.services").joinpath("demo_data/ccss-math-6rp.json").read_text("utf-8")
    return parse_case_package(json.loads(text))


def build_demo_school(
    uow: UnitOfWork,
    students: int = DEFAULT_STUDENTS,
    seed: int = 2026,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> DemoSummary:
    """Write the demo school in one transaction (seed data: ``uow`` should not record changes).
    ``today``: move its calendar so that ``DEMO_DAY`` falls on that day."""
    if students < 1:
        raise ValueError("The demo needs at least one student")
    shift = (today - DEMO_DAY) if today else timedelta(0)
    builder = _Builder(uow, random.Random(seed), random.Random(f"{seed} calendar"), shift)
    return builder.build(students, progress or (lambda done, total: None), cancelled or (lambda: False))


class _Builder:
    def __init__(self, uow: UnitOfWork, rng: random.Random, calendar: random.Random, shift: timedelta) -> None:
        self.uow = uow
        self.rng = rng
        # Dates' own draws (who missed the current unit, when advisors last met): a second
        # generator, so names and ids stay what the main one has always made them.
        self.calendar = calendar
        self.shift = shift  # rows are made on the demo's calendar, and moved by this as they are written
        self.rows = 0
        self.pending: dict[type, list[dict]] = {}
        self.teams: list[tuple[str, list[str], list[str]]] = []  # grade teams that met (MEETING_SCHOOLS)

    def id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def add(self, table: type, **row) -> str:
        row.setdefault("id", self.id())
        self.pending.setdefault(table, []).append(row)
        return row["id"]

    def flush(self) -> None:
        # Parents first, whatever order they were generated in: the FK-sorted table order.
        order = {table: index for index, table in enumerate(TABLE_ORDER)}
        for table in sorted(self.pending, key=order.__getitem__):
            rows = self.pending[table]
            if self.shift:
                rows = [{k: v + self.shift if type(v) is date else v for k, v in row.items()} for row in rows]
            self.rows += self.uow.insert_many(table, rows)
        self.pending.clear()

    def build(self, students: int, progress: Progress, cancelled: Callable[[], bool]) -> DemoSummary:
        school_count = max(2, math.ceil(students / STUDENTS_PER_SCHOOL))
        district_id = self.add(District, name="Riverbend Unified School District", source_id="district-1")
        year_id = self.add(Term, title="2026–27", kind="schoolYear", start_date=TERM_START,
                           end_date=date(2027, 6, 11), school_year=2027)
        term_id = self.add(Term, parent_id=year_id, title="Fall 2026", kind="term", start_date=TERM_START,
                           end_date=TERM_END, school_year=2027)
        scale_id = self.add(ProficiencyScale, name="4-point scale", mastery_score=3.0)
        for score, min_score, label, color in DEFAULT_FOUR_POINT_SCALE:
            self.add(ProficiencyLevel, scale_id=scale_id, score=score, min_score=min_score, label=label, color=color)
        framework = frameworks.framework_rows(demo_case_package(), framework_id=self.id())
        for table, rows in framework.items():
            self.pending.setdefault(table, []).extend(rows)
        framework_id = framework[CompetencyFramework][0]["id"]
        grade6 = [row for row in framework[Competency]
                  if row["education_level"] == "06" and row["item_type"] in ("Standard", "Component")]
        self.flush()

        summary = DemoSummary(school_count, 0, 0, 0, 0, 0)
        remaining = students
        for index in range(school_count):
            if cancelled():
                raise Cancelled("The demo school was not built")
            size = min(STUDENTS_PER_SCHOOL, math.ceil(remaining / (school_count - index)))
            remaining -= size
            self._school(index, size, district_id, term_id, scale_id, framework_id, grade6, summary)
            self.flush()
            progress(index + 1, school_count)
        for school_id, teachers, advisors in self.teams:
            self._last_meeting(school_id, teachers, advisors)
        self.flush()
        summary.rows = self.rows
        return summary

    def _person(self, school_id: str, role: Role, given: str, family: str, **extra) -> str:
        username = f"{given}.{family}".lower().replace(" ", "")
        return self.add(Person, school_id=school_id, role=role.value, given_name=given, family_name=family,
                        email=f"{username}@riverbend.example.org", username=username, **extra)

    def _school(self, index, size, district_id, term_id, scale_id, framework_id, grade6, summary) -> None:
        place = PLACES[index % len(PLACES)] + ("" if index < len(PLACES) else f" {index // len(PLACES) + 1}")
        school_id = self.add(School, district_id=district_id, name=f"{place} Middle School",
                             identifier=f"{1000 + index}", source_id=f"school-{index + 1}")
        math_course = self.add(Course, school_id=school_id, title="Mathematics 6", code="MATH6", grades="06",
                               subjects="Mathematics")
        sci_course = self.add(Course, school_id=school_id, title="Science 6", code="SCI6", grades="06",
                              subjects="Science")
        # Three teachers a school: two teach math sections, one science. Three advisors for two schools.
        teacher_names = TEACHERS[(index % 2) * 3:(index % 2) * 3 + 3]
        teachers = [self._person(school_id, Role.TEACHER, g, f, identifier=f"T{index:04d}{n}")
                    for n, (g, f) in enumerate(teacher_names)]
        advisor_names = ADVISORS[:2] if index % 2 == 0 else ADVISORS[2:]
        advisors = [self._person(school_id, Role.ADVISOR, g, f, identifier=f"A{index:04d}{n}")
                    for n, (g, f) in enumerate(advisor_names)]
        summary.teachers += len(teachers)
        summary.advisors += len(advisors)
        if index < MEETING_SCHOOLS:
            self.teams.append((school_id, teachers, advisors))

        def section(course, title, teacher, subjects, period, math_class):
            class_id = self.add(SchoolClass, school_id=school_id, course_id=course, term_id=term_id, title=title,
                                class_code=f"{subjects[:4].upper()}6-{period}", grades="06", subjects=subjects,
                                periods=str(period), location=f"Room {100 + 10 * index % 900 + period}",
                                proficiency_scale_id=scale_id if math_class else None,
                                framework_id=framework_id if math_class else None)
            self.add(Enrollment, class_id=class_id, person_id=teacher, role=Role.TEACHER.value, primary=True,
                     begin_date=TERM_START)
            summary.classes += 1
            return class_id

        math_sections = [
            section(math_course, "Math 6 · Period 1", teachers[0], "Mathematics", 1, True),
            section(math_course, "Math 6 · Period 2", teachers[0], "Mathematics", 2, True),
            section(math_course, "Math 6 · Period 4", teachers[1], "Mathematics", 4, True),
        ]
        science = section(sci_course, "Science 6 · Period 3", teachers[2], "Science", 3, False)

        for n in range(size):
            self._student(school_id, index, n, math_sections[n % 3], science if n % 3 == 0 else None,
                          teachers[0] if n % 3 < 2 else teachers[1], advisors[n % len(advisors)], grade6)
        summary.students += size

    def _last_meeting(self, school_id: str, teachers: list[str], advisors: list[str]) -> None:
        """The grade team's meeting a week before DEMO_DAY: what was flagged then (read from the
        rows written so far, so the next meeting can say what changed) and three actions agreed."""
        from plclassroom.domain.early_warning import Rule
        from plclassroom.services import early_warning

        held_on = DEMO_DAY - timedelta(days=7)
        flags = early_warning.team_flags(self.uow, school_id, "06", held_on + self.shift)
        meeting = self.add(DataMeeting, school_id=school_id, grade="06", held_on=held_on,
                           flagged=sorted({f.key for f in flags}),
                           notes="Focus: ratio tables and unit rates. Students with no recent evidence get "
                                 "a check-in at the station rotation; advisors follow up on overdue steps.")

        def first(*rules: Rule) -> str | None:
            return next((f.student_id for f in flags if f.rule in rules), None)

        self.add(MeetingAction, meeting_id=meeting, student_id=first(Rule.NO_EVIDENCE, Rule.FALLING),
                 text="Small-group reteach of unit rates at the teacher station", owner_id=teachers[0],
                 due_on=DEMO_DAY, done=False)
        self.add(MeetingAction, meeting_id=meeting, student_id=first(Rule.NOT_MET, Rule.FOLLOW_UP_OVERDUE),
                 text="Advisor check-in this week; call home if it is missed again", owner_id=advisors[0],
                 due_on=held_on + timedelta(days=4), done=True, done_on=held_on + timedelta(days=3))
        self.add(MeetingAction, meeting_id=meeting, student_id=None,
                 text="Bring the ratio-table exit tickets to the next meeting", owner_id=teachers[1],
                 due_on=DEMO_DAY, done=False)

    def _student(self, school_id, school_index, n, math_class, science_class, math_teacher, advisor, grade6):
        rng = self.rng
        given, family = rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)
        student = self._person(school_id, Role.STUDENT, given, family, grade="06",
                               identifier=f"S{school_index:04d}{n:03d}",
                               birth_date=date(2014, 9, 1) + timedelta(days=rng.randrange(365)))
        for class_id in (math_class, science_class):
            if class_id:
                self.add(Enrollment, class_id=class_id, person_id=student, role=Role.STUDENT.value,
                         begin_date=TERM_START)
        guardian = self._person(school_id, Role.GUARDIAN, rng.choice(GIVEN_NAMES), family)
        self.add(GuardianLink, guardian_id=guardian, student_id=student, relationship="parent")
        self.add(AdvisorAssignment, advisor_id=advisor, student_id=student, school_id=school_id,
                 start_date=TERM_START)
        languages = rng.choice(LANGUAGES)
        self.add(LearnerProfile, student_id=student, strengths="; ".join(rng.sample(STRENGTHS, 2)),
                 needs="; ".join(rng.sample(NEEDS, 2)), interests=rng.choice(INTERESTS),
                 aspirations=rng.choice(ASPIRATIONS), learning_preferences=rng.choice(PREFERENCES),
                 languages=languages, notes="")
        roll = rng.random()
        kinds = []
        if roll < 0.12:
            kinds.append("IEP")
        elif roll < 0.20:
            kinds.append("504")
        if languages != "English" and rng.random() < 0.6:
            kinds.append("ELL")
        for kind in kinds:
            self.add(Accommodation, student_id=student, kind=kind, description=rng.choice(ACCOMMODATIONS[kind]),
                     sensitive=True, start_date=TERM_START)

        goals = []
        for kind, statement, measure in rng.sample(GOALS, rng.choice((1, 2, 2))):
            goals.append(self.add(Goal, student_id=student, author_id=advisor, kind=kind, statement=statement,
                                  measure_of_success=measure, target_date=date(2026, 12, 18),
                                  status=rng.choice(("active", "active", "active", "met"))))

        # A term of evidence on the class's four units so far, ability and growth varying by
        # student. The draws of the main generator are the ones it always made (the sample no
        # longer picks the competencies, the day's draw places the piece inside its unit).
        ability = rng.gauss(2.3, 0.6)
        growth = rng.uniform(0.0, 0.12)  # per week
        rng.sample(grade6, min(4, len(grade6)))
        missed_current_unit = self.calendar.random() < 0.06  # away: no evidence on it in two weeks
        for unit, competency in enumerate(_units(grade6)):
            start, days = _unit_days(unit)
            if missed_current_unit and unit == UNITS - 1:
                days = 2  # only the unit's first days: over two weeks ago by DEMO_DAY
            for _ in range(rng.randint(2, 5)):
                day = start + timedelta(days=rng.randrange((DEMO_DAY - TERM_START).days - 3) % days)
                weeks = (day - TERM_START).days / 7
                score = min(4, max(1, round(ability + growth * weeks + 0.45 * rng.gauss(0, 0.5))))
                self.add(Evidence, student_id=student, competency_id=competency["id"], class_id=math_class,
                         score=float(score), observed_on=day,
                         source=rng.choice((EvidenceSource.QUIZ, EvidenceSource.OBSERVATION,
                                            EvidenceSource.PROJECT)).value,
                         recorded_by=math_teacher)

        # Conferences every two to three weeks, the last one recent for most students; for a few
        # the advisor's last meeting is over three weeks old (a follow-up overdue, "not met").
        meetings = rng.randint(1, 3)
        last = DEMO_DAY - timedelta(days=self.calendar.randint(22, 40) if self.calendar.random() < 0.08
                                    else self.calendar.randint(1, 18))
        for number in range(meetings):
            latest = number == meetings - 1
            held_on = last - timedelta(days=(meetings - 1 - number) * 14 + (rng.randrange(10) if not latest else 0))
            if latest:
                rng.randrange(10)  # the draw the main generator always made here
            conference = self.add(Conference, student_id=student, author_id=advisor, held_on=held_on, minutes=15,
                                  kind=rng.choice(list(ConferenceKind)).value, attendees="student, advisor",
                                  notes=rng.choice(CONFERENCE_NOTES),
                                  privacy=rng.choice((Privacy.TEACHERS, Privacy.TEACHERS, Privacy.PRIVATE,
                                                      Privacy.FAMILY)).value,
                                  follow_up_on=held_on + timedelta(days=21))
            for goal in goals:
                self.add(ConferenceGoal, conference_id=conference, goal_id=goal, progress_note="On track")
            for owner, text in rng.sample(NEXT_STEPS, 2):
                # An earlier conference's steps are done, now and then one slipped (overdue).
                done = not latest and self.calendar.random() >= 0.05
                self.add(NextStep, conference_id=conference, student_id=student, text=text, owner=owner,
                         due_on=held_on + timedelta(days=21 if latest else 14), done=done)


UNITS = 4  # the math classes' units of the term so far; the last is being taught on DEMO_DAY
UNIT_CODES = ("6.RP.A.1", "6.RP.A.2", "6.RP.A.3a", "6.RP.A.3b")  # the end of their CASE codes


def _units(grade6: list[dict]) -> list[dict]:
    """The grade-6 competencies the math classes taught, in order (as many as the framework has)."""
    found = [next((row for row in grade6 if row["code"].endswith(f".{code}")), None) for code in UNIT_CODES]
    return [row for row in found if row is not None] or grade6[:UNITS]


def _unit_days(unit: int) -> tuple[date, int]:
    """A unit's first day and length: the current unit the last CURRENT_UNIT_DAYS before
    DEMO_DAY, the earlier ones sharing the term before it."""
    if unit == UNITS - 1:
        return DEMO_DAY - timedelta(days=CURRENT_UNIT_DAYS), CURRENT_UNIT_DAYS
    earlier = (DEMO_DAY - timedelta(days=CURRENT_UNIT_DAYS) - TERM_START).days // (UNITS - 1)
    return TERM_START + timedelta(days=unit * earlier), earlier


# Every table the demo writes, parents before children.
TABLE_ORDER = [
    District, Term, ProficiencyScale, ProficiencyLevel, CompetencyFramework, Competency,
    CompetencyAssociation, School, Course, Person, SchoolClass, Enrollment, GuardianLink, AdvisorAssignment,
    LearnerProfile, Accommodation, Goal, Evidence, Conference, ConferenceGoal, NextStep, DataMeeting, MeetingAction,
]
