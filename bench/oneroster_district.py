"""A synthetic district as a OneRoster 1.1 bulk CSV package, for import benchmarks and tests.

    python bench/oneroster_district.py OUT_DIR                      # 50,000 students, 300,000 enrollments
    python bench/oneroster_district.py OUT_DIR --students 600 --teachers 30 --classes 60 --enrollments 2000
    python bench/oneroster_district.py OUT_DIR --zip --check        # OUT_DIR/oneroster-district.zip, re-read

The package is deterministic (same arguments and seed, same bytes, zipped or not) and valid:
one district, about one school per 500 students (elementary KG-05, middle 06-08, high 09-12, or
one K-12 school), a school year with two semesters, a course catalogue per school, scheduled
classes spread over the schools, teachers, students with grades and userIds, about one guardian
(role parent) per ten students, and exactly the requested number of enrollments: one primary
teacher per class, the rest students in several classes of their own school, none twice.

Rows are streamed to the files; only per-school plans (a few integers per student and class) are
held in memory. Files are UTF-8 without a BOM, written by the csv module (RFC 4180, CRLF).
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import random
import re
import sys
import time
import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# --------------------------------------------------------------------------- the 1.1 format

COLUMNS: dict[str, list[str]] = {
    "academicSessions": ["sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate",
                         "parentSourcedId", "schoolYear"],
    "orgs": ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"],
    "courses": ["sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades",
                "orgSourcedId", "subjects", "subjectCodes"],
    "classes": ["sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode",
                "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods"],
    "users": ["sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role", "username", "userIds",
              "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds",
              "grades", "password"],
    "enrollments": ["sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId",
                    "role", "primary", "beginDate", "endDate"],
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "academicSessions": ("sourcedId", "title", "type", "startDate", "endDate", "schoolYear"),
    "orgs": ("sourcedId", "name", "type"),
    "courses": ("sourcedId", "title", "orgSourcedId"),
    "classes": ("sourcedId", "title", "courseSourcedId", "classType", "schoolSourcedId", "termSourcedIds"),
    "users": ("sourcedId", "enabledUser", "orgSourcedIds", "role", "username", "givenName", "familyName"),
    "enrollments": ("sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"),
}
# Every file a 1.1 manifest names; the ones this generator writes are "bulk", the rest "absent".
MANIFEST_FILES_11 = ("academicSessions", "categories", "classes", "classResources", "courses", "courseResources",
                     "demographics", "enrollments", "lineItems", "orgs", "resources", "results", "users")
DATA_FILES = ("orgs", "academicSessions", "courses", "classes", "users", "enrollments")

SESSION_TYPES = {"gradingPeriod", "semester", "schoolYear", "term"}
ORG_TYPES = {"department", "school", "district", "local", "state", "national"}
CLASS_TYPES = {"homeroom", "scheduled"}
USER_ROLES = {"administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher"}
ENROLLMENT_ROLES = {"administrator", "proctor", "student", "teacher"}
GRADE_CODES = {"IT", "PR", "PK", "TK", "KG", *(f"{n:02d}" for n in range(1, 14)), "PS", "UG", "Other"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
USER_ID = re.compile(r"\{[^{}:]+:[^{}]+\}\Z")

ZIP_NAME = "oneroster-district.zip"
ZIP_DATE = (2026, 1, 1, 0, 0, 0)

# --------------------------------------------------------------------------- the district's content

DISTRICT_NAME = "Riverbend Unified School District"
DISTRICT_ID = "org-0000"
STAFF_DOMAIN = "riverbend.example.org"
STUDENT_DOMAIN = "students.riverbend.example.org"
SCHOOL_YEAR = "2026"  # OneRoster names a school year by the calendar year it ends in
YEAR_ID, FALL_ID, SPRING_ID = "ses-2026", "ses-2026-s1", "ses-2026-s2"
SESSIONS = [
    [YEAR_ID, "", "", "2025-2026", "schoolYear", "2025-08-18", "2026-06-12", "", SCHOOL_YEAR],
    [FALL_ID, "", "", "Fall 2025", "semester", "2025-08-18", "2026-01-16", YEAR_ID, SCHOOL_YEAR],
    [SPRING_ID, "", "", "Spring 2026", "semester", "2026-01-20", "2026-06-12", YEAR_ID, SCHOOL_YEAR],
]
TERMS = (FALL_ID, SPRING_ID)

GRADES = ["KG", *(f"{n:02d}" for n in range(1, 13))]
LEVELS = {
    "elementary": (GRADES[0:6], "Elementary School", 0.7),  # grades, name suffix, relative size
    "middle": (GRADES[6:9], "Middle School", 1.1),
    "high": (GRADES[9:13], "High School", 1.8),
    "k12": (GRADES, "K-12 Academy", 1.0),
}
LEVEL_PATTERN = ["elementary", "middle", "elementary", "high", "elementary",
                 "middle", "elementary", "high", "elementary", "middle"]
STUDENTS_PER_SCHOOL = 500

SCHOOL_NAMESAKES = [
    "Lincoln", "Riverside", "César Chávez", "Sojourner Truth", "Maple Ridge", "Rosa Parks", "Lakeview",
    "Sally Ride", "Hillcrest", "Dolores Huerta", "Oak Grove", "Maya Angelou", "Cedar Park", "Ellen Ochoa",
    "Willow Creek", "Harriet Tubman", "Sierra Vista", "Sequoyah", "Meadowbrook", "Frida Kahlo", "Eastside",
    "Roosevelt", "Mesa Verde", "Booker T. Washington", "Fairview", "Katherine Johnson", "Pine Valley",
    "Thurgood Marshall", "Brookside", "Patsy Mink", "Westwood", "Peñasco", "Jefferson", "Glenwood",
    "Amelia Earhart", "Northgate", "Duke Kahanamoku", "Highland", "Wilma Mankiller", "Bayside", "Mountain View",
    "Fred Korematsu", "Southport", "Grace Hopper", "Los Álamos", "Cottonwood", "Ruby Bridges", "Ironwood",
    "Jackie Robinson", "Silver Lake", "Marie Curie", "Aspen", "Roberto Clemente", "Juniper", "Garfield",
]

ELEMENTARY_SUBJECTS = [
    ("English Language Arts", "ELA", "English Language Arts"), ("Mathematics", "MATH", "Mathematics"),
    ("Science", "SCI", "Science"), ("Social Studies", "SOC", "Social Studies"), ("Art", "ART", "Art"),
    ("Music", "MUS", "Music"), ("Physical Education", "PE", "Physical Education"),
]
SECONDARY_CATALOG: dict[str, list[tuple[str, str, str]]] = {  # (title, code, subject)
    "06": [("English 6", "ENG6", "English Language Arts"), ("Math 6", "MATH6", "Mathematics"),
           ("Science 6", "SCI6", "Science"), ("World Cultures 6", "SOC6", "Social Studies"),
           ("Physical Education 6", "PE6", "Physical Education"), ("Art 6", "ART6", "Art"),
           ("Band 6", "BAND6", "Music")],
    "07": [("English 7", "ENG7", "English Language Arts"), ("Math 7", "MATH7", "Mathematics"),
           ("Life Science 7", "SCI7", "Science"), ("World History 7", "SOC7", "Social Studies"),
           ("Physical Education 7", "PE7", "Physical Education"), ("Spanish 1A", "SPA1A", "World Languages"),
           ("Choir 7", "CHOIR7", "Music")],
    "08": [("English 8", "ENG8", "English Language Arts"), ("Pre-Algebra", "PREALG", "Mathematics"),
           ("Physical Science 8", "SCI8", "Science"), ("U.S. History 8", "SOC8", "Social Studies"),
           ("Physical Education 8", "PE8", "Physical Education"), ("Spanish 1B", "SPA1B", "World Languages"),
           ("Computer Science Discoveries", "CSD", "Computer Science")],
    "09": [("English 9", "ENG9", "English Language Arts"), ("Algebra I", "ALG1", "Mathematics"),
           ("Biology", "BIO", "Science"), ("World Geography", "WGEO", "Social Studies"),
           ("Spanish I", "SPA1", "World Languages"), ("Health & Fitness", "HLTH", "Physical Education"),
           ("Intro to Engineering Design", "ENGR1", "Career and Technical Education")],
    "10": [("English 10", "ENG10", "English Language Arts"), ("Geometry", "GEOM", "Mathematics"),
           ("Chemistry", "CHEM", "Science"), ("World History", "WHIST", "Social Studies"),
           ("Spanish II", "SPA2", "World Languages"), ("Français I", "FRE1", "World Languages"),
           ("Digital Photography", "PHOTO", "Art")],
    "11": [("English 11", "ENG11", "English Language Arts"), ("Algebra II", "ALG2", "Mathematics"),
           ("Physics", "PHYS", "Science"), ("U.S. History", "USHIST", "Social Studies"),
           ("AP Biology", "APBIO", "Science"), ("Spanish III", "SPA3", "World Languages"),
           ("Orchestra", "ORCH", "Music")],
    "12": [("English 12", "ENG12", "English Language Arts"), ("Pre-Calculus", "PRECALC", "Mathematics"),
           ("AP Calculus AB", "APCALC", "Mathematics"), ("U.S. Government & Economics", "GOVECON", "Social Studies"),
           ("Environmental Science", "ENVSCI", "Science"), ("AP Computer Science A", "APCSA", "Computer Science"),
           ("Ceramics", "CERAM", "Art")],
}
CATALOG: dict[str, list[tuple[str, str, str]]] = {
    **{grade: [(f"{'Kindergarten' if grade == 'KG' else f'Grade {int(grade)}'} {title}", f"{code}{grade}", subject)
               for title, code, subject in ELEMENTARY_SUBJECTS] for grade in GRADES[0:6]},
    **SECONDARY_CATALOG,
}
SPECIAL_ROOMS = {"Physical Education": "Gym", "Music": "Music Room", "Art": "Art Studio"}


def _nfc(names: str) -> list[str]:
    return [unicodedata.normalize("NFC", name.strip()) for name in names.split(";") if name.strip()]


# Ordered roughly by frequency: earlier names are drawn more often (weights 1 / (rank + 8)).
GIVEN_NAMES = _nfc("""
Liam; Olivia; Noah; Emma; Mateo; Sophia; Oliver; Isabella; Elijah; Mia; James; Amelia; Sofía; José;
Charlotte; Lucas; Camila; Benjamin; Ava; Henry; Evelyn; Daniel; Harper; Santiago; Luna; Alexander;
Zoë; Muhammad; Aaliyah; Ethan; Chloé; Minh; Layla; Jayden; Valentina; Wei; Priya; Samuel; Nora;
Aarav; Ximena; Grace; Diego; Fatima; Owen; Hazel; Isaac; María; Lucía; Ángel; Ananya; Gabriel;
Emily; Andrés; Renée; Joaquín; Violet; Omar; Ngozi; Noé; Leilani; Kwame; Jiho; Seo-yeon; Min-jun;
Haruto; Sakura; Yūki; Thảo; Ngọc; Tuấn; Phương; Huy; Søren; Björn; Åsa; Ingrid; Łucja; Zuzanna;
Małgorzata; Bartłomiej; Siobhán; Aoife; Seán; Niamh; Oisín; Maëlle; Anaïs; Jérôme; François; Hélène;
Ayşe; Mehmet; Çağla; Ömer; Chiamaka; Oluwaseun; Amara; Yusuf; D'Andre; Jean-Luc; Mary Kate; Itzel;
Nayeli; Kalani; Keanu; Aroha; Tāne; Dakota; Xiaoling; Rohan; Mohammed; Stella; Willow; Theo; Ezra;
Ruby; Leo; Ivy; Felix; Iris; Hugo; Alma; Rafael; Inés; Martín; Dmitri; Anya; Tomás; Zoé
""")
FAMILY_NAMES = _nfc("""
Smith; Garcia; Johnson; Nguyễn; Williams; Rodriguez; Brown; Martínez; Jones; Hernández; Lee; Miller;
López; Davis; Kim; González; Wilson; Pérez; Anderson; Patel; Trần; Taylor; Sánchez; Thomas; Chen;
Ramírez; Moore; Jackson; Lê; Martin; Torres; White; Singh; Harris; Flores; Clark; Wang; Rivera; Lewis;
Phạm; Robinson; Walker; Park; Young; Allen; Huỳnh; King; Wright; Muñoz; Scott; Okafor; Green; Adams;
O'Brien; Baker; Hall; Álvarez; Nelson; Đặng; Hill; Campbell; Mitchell; Yamamoto; Tanaka; Satō; Zhang;
Liu; Huang; Choi; Jeong; Võ; Peña; Núñez; Ibáñez; Müller; Schröder; Köhler; Weiß; Søndergaard;
Åkesson; Lindqvist; Kowalski; Wiśniewska; Wójcik; Dvořák; Nováková; Horváth; Kovács; Öztürk; Çelik;
Yılmaz; Şahin; O'Connor; Ó Súilleabháin; D'Angelo; Smith-Jones; De la Cruz; Van der Berg; St. John;
Adébáyọ̀; Mensah; Abebe; Haile; Al-Sayed; Haddad; Khoury; Kealoha; Kahananui; Tuiasosopo; Ngata;
Te Rangi; Begay; Yazzie; Castillo; Romero; Gutiérrez; Morales; Ortiz; Reyes; Cruz; Díaz; Vásquez
""")
_FOLD = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae",
                       "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d"})


def _slug(name: str) -> str:
    """ASCII for usernames and e-mail addresses: José -> jose, Nguyễn -> nguyen, O'Brien -> obrien."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD))
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]", "", ascii_only) or "user"


GIVEN_SLUGS = [_slug(name) for name in GIVEN_NAMES]
FAMILY_SLUGS = [_slug(name) for name in FAMILY_NAMES]


def _cum_weights(count: int) -> list[float]:
    total, out = 0.0, []
    for rank in range(count):
        total += 1.0 / (rank + 8)
        out.append(total)
    return out


GIVEN_WEIGHTS = _cum_weights(len(GIVEN_NAMES))
FAMILY_WEIGHTS = _cum_weights(len(FAMILY_NAMES))

# --------------------------------------------------------------------------- planning


def _apportion(total: int, weights: list[float], minimum: int | list[int] = 0,
               caps: list[int] | None = None) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder, ties by position),
    each at least ``minimum`` and at most ``caps``; ValueError when that cannot be done."""
    count = len(weights)
    caps = list(caps) if caps is not None else [total] * count
    mins = [minimum] * count if isinstance(minimum, int) else list(minimum)
    result = [min(mins[i], caps[i]) for i in range(count)]
    remaining = total - sum(result)
    if remaining < 0:
        raise ValueError(f"cannot give each of {count} parts its minimum out of {total}")
    while remaining > 0:
        active = [i for i in range(count) if result[i] < caps[i] and weights[i] > 0]
        if not active:
            raise ValueError(f"cannot place {remaining} more within the limits")
        weight_sum = sum(weights[i] for i in active)
        quotas = [(remaining * weights[i] / weight_sum, i) for i in active]
        given = 0
        for quota, i in quotas:
            add = min(int(quota), caps[i] - result[i])
            result[i] += add
            given += add
        if given == 0:
            for _quota, i in sorted(quotas, key=lambda item: (int(item[0]) - item[0], item[1])):
                if given == remaining:
                    break
                if result[i] < caps[i]:
                    result[i] += 1
                    given += 1
        remaining -= given
    return result


@dataclass
class _Group:
    """Classes of one grade (or, when a school has too few classes for that, of a band of neighbouring
    grades) and the students who take them, each the next few classes round the group's circle."""

    grades: list[str]
    students: list[int]  # positions in the school's student list
    classes: list[int] = field(default_factory=list)  # positions in the school's class list


@dataclass
class _School:
    number: int
    sourced_id: str
    name: str
    level: str
    grades: list[str]
    first_student: int = 0  # 0-based over all students
    student_grades: list[int] = field(default_factory=list)  # index into grades, per student
    ks: list[int] = field(default_factory=list)  # classes per student
    first_teacher: int = 0
    teachers: int = 0
    class_count: int = 0
    student_enrollments: int = 0
    groups: list[_Group] = field(default_factory=list)
    courses: dict[str, list[tuple[str, str, str, str]]] = field(default_factory=dict)  # grade -> (id, title, code, subject)
    classes: list[tuple[str, int]] = field(default_factory=list)  # (sourcedId, teacher position) per class


def _school_names(levels: list[str], rng: random.Random) -> list[str]:
    namesakes = SCHOOL_NAMESAKES[:]
    rng.shuffle(namesakes)
    names, taken = [], set()
    for i, level in enumerate(levels):
        base = f"{namesakes[i % len(namesakes)]} {LEVELS[level][1]}"
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base} {['', 'I', 'II', 'III', 'IV', 'V'][n] if n <= 5 else n}"
        taken.add(name)
        names.append(name)
    return names


def _plan(students: int, teachers: int, classes: int, enrollments: int, seed: int) -> list[_School]:
    for label, value in (("students", students), ("teachers", teachers), ("classes", classes),
                         ("enrollments", enrollments)):
        if value < 0:
            raise ValueError(f"{label} must not be negative")
    if enrollments < classes:
        raise ValueError(f"{enrollments} enrollments cannot give each of {classes} classes its teacher")
    if classes and not teachers:
        raise ValueError("classes need at least one teacher")
    rng = random.Random(f"{seed}/schools")
    school_count = max(1, math.ceil(students / STUDENTS_PER_SCHOOL))
    levels = ["k12"] if school_count == 1 else [LEVEL_PATTERN[i % len(LEVEL_PATTERN)] for i in range(school_count)]
    names = _school_names(levels, rng)
    schools = [_School(i + 1, f"org-{i + 1:04d}", names[i], level, LEVELS[level][0]) for i, level in enumerate(levels)]

    sizes = _apportion(students, [LEVELS[s.level][2] * rng.uniform(0.75, 1.25) for s in schools])
    class_counts = _apportion(classes, [max(size, 1) for size in sizes],
                              minimum=1 if classes >= school_count else 0)
    teacher_counts = _apportion(teachers, [max(c, 0.01) for c in class_counts],
                                minimum=1 if teachers >= school_count else 0)
    for teacher_count, class_count in zip(teacher_counts, class_counts, strict=True):
        if class_count and not teacher_count:
            raise ValueError(f"{teachers} teachers are too few for {school_count} schools with classes")
    student_total = enrollments - classes
    capacity = [size * count for size, count in zip(sizes, class_counts, strict=True)]
    if student_total > sum(capacity):
        raise ValueError(f"{student_total} student enrollments do not fit: at most {sum(capacity)} "
                         "without a student in the same class twice")
    per_school = _apportion(student_total, [float(size) for size in sizes], caps=capacity)

    next_student = next_teacher = 0
    for school, size, class_count, teacher_count, total in zip(schools, sizes, class_counts, teacher_counts,
                                                                 per_school, strict=True):
        school.first_student, school.first_teacher = next_student, next_teacher
        school.teachers, school.class_count, school.student_enrollments = teacher_count, class_count, total
        next_student += size
        next_teacher += teacher_count
        school.student_grades = [rng.randrange(len(school.grades)) for _ in range(size)]
        school.ks = _classes_per_student(size, class_count, total, rng)
        school.groups = _groups(school)
    return schools


def _classes_per_student(size: int, class_count: int, total: int, rng: random.Random) -> list[int]:
    """How many classes each student takes: ``total`` in all, spread within about +-2 of the mean."""
    if not size:
        return []
    base, extra = divmod(total, size)
    ks = [base] * size
    for i in rng.sample(range(size), extra):
        ks[i] += 1
    low = max(1, base - 1) if base else 0
    high = min(class_count, base + 2)
    for _ in range(size // 2):  # move a class from one student to another, keeping the total
        giver, taker = rng.randrange(size), rng.randrange(size)
        if ks[giver] > low and ks[taker] < high and giver != taker:
            ks[giver] -= 1
            ks[taker] += 1
    return ks


def _groups(school: _School) -> list[_Group]:
    """Split the school's classes by grade; when there are too few classes for that (each student
    needs as many classes as they take in their own group), by bands of neighbouring grades."""
    count = len(school.grades)
    by_grade: list[list[int]] = [[] for _ in school.grades]
    for position, grade in enumerate(school.student_grades):
        by_grade[grade].append(position)
    for band_count in range(count, 0, -1):
        bounds = [count * b // band_count for b in range(band_count + 1)]
        bands = [range(bounds[b], bounds[b + 1]) for b in range(band_count)]
        members = [sorted(p for g in band for p in by_grade[g]) for band in bands]
        need = [max((school.ks[p] for p in band), default=0) for band in members]
        if sum(need) <= school.class_count or band_count == 1:
            break
    weights = [sum(school.ks[p] for p in band) + len(band) for band in members]
    if not any(weights):
        weights = [1] * len(members)
    counts = _apportion(school.class_count, weights, minimum=need)
    groups = [_Group([school.grades[g] for g in band], band_members)
              for band, band_members in zip(bands, members, strict=True)]
    position = 0
    for group, classes in zip(groups, counts, strict=True):
        group.classes = list(range(position, position + classes))
        position += classes
    return groups


def _student_windows(school: _School, group: _Group) -> Iterator[tuple[int, list[int]]]:
    """(student position, class positions) for each student of the group: each student takes the next
    k classes round the group's circle of classes, so no class twice and class sizes differ by one at most."""
    circle, size, pointer = group.classes, len(group.classes), 0
    for student in group.students:
        k = school.ks[student]
        yield student, [circle[(pointer + t) % size] for t in range(k)]
        pointer += k


# --------------------------------------------------------------------------- writing


class _Sink:
    """Where the CSV files go: a folder, or (streamed) entries of a zip."""

    def __init__(self, out_dir: Path, zip_it: bool):
        self.out_dir = out_dir
        self.zip: zipfile.ZipFile | None = None
        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = out_dir / ZIP_NAME if zip_it else out_dir
        if zip_it:
            self.zip = zipfile.ZipFile(self.path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)

    @contextmanager
    def writer(self, name: str) -> Iterator[Any]:
        if self.zip is None:
            with open(self.out_dir / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
                yield csv.writer(handle)
            return
        info = zipfile.ZipInfo(f"{name}.csv", date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
        with self.zip.open(info, "w") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as handle:
            yield csv.writer(handle)

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()


def generate_district(out_dir: Path, students: int = 50_000, teachers: int = 2_500, classes: int = 12_000,
                      enrollments: int = 300_000, seed: int = 2026, zip_it: bool = False) -> Path:
    """Write the district as a OneRoster 1.1 bulk package into ``out_dir`` and return ``out_dir``;
    with ``zip_it`` write ``out_dir/oneroster-district.zip`` instead (no loose CSVs) and return that."""
    out_dir = Path(out_dir)
    schools = _plan(students, teachers, classes, enrollments, seed)
    sink = _Sink(out_dir, zip_it)
    try:
        _write_manifest(sink)
        _write_orgs(sink, schools)
        with sink.writer("academicSessions") as out:
            out.writerow(COLUMNS["academicSessions"])
            out.writerows(SESSIONS)
        _write_courses_and_classes(sink, schools, seed)
        _write_users(sink, schools, students, teachers, seed)
        _write_enrollments(sink, schools, teachers)
    finally:
        sink.close()
    return sink.path


def _write_manifest(sink: _Sink) -> None:
    with sink.writer("manifest") as out:
        out.writerow(["propertyName", "value"])
        out.writerow(["manifest.version", "1.0"])
        out.writerow(["oneroster.version", "1.1"])
        for name in MANIFEST_FILES_11:
            out.writerow([f"file.{name}", "bulk" if name in DATA_FILES else "absent"])
        out.writerow(["source.systemName", "plclassroom bench generator"])
        out.writerow(["source.systemCode", "oneroster_district.py"])


def _write_orgs(sink: _Sink, schools: list[_School]) -> None:
    with sink.writer("orgs") as out:
        out.writerow(COLUMNS["orgs"])
        out.writerow([DISTRICT_ID, "", "", DISTRICT_NAME, "district", "0612345", ""])
        for school in schools:
            out.writerow([school.sourced_id, "", "", school.name, "school", f"0612345{school.number:05d}",
                          DISTRICT_ID])


def _write_courses_and_classes(sink: _Sink, schools: list[_School], seed: int) -> None:
    rng = random.Random(f"{seed}/classes")
    course_number = 0
    with sink.writer("courses") as out:
        out.writerow(COLUMNS["courses"])
        for school in schools:
            for grade in school.grades:
                entries = []
                for title, code, subject in CATALOG[grade]:
                    course_number += 1
                    course_id = f"crs-{course_number:05d}"
                    entries.append((course_id, title, code, subject))
                    out.writerow([course_id, "", "", YEAR_ID, title, code, grade, school.sourced_id, subject, ""])
                school.courses[grade] = entries

    class_number = 0
    with sink.writer("classes") as out:
        out.writerow(COLUMNS["classes"])
        for school in schools:
            rooms = [f"Room {rng.choice('123')}{rng.randrange(1, 40):02d}" for _ in range(school.teachers)]
            plan = []  # per class: (position in its group, grade of its course, grades of its students)
            for group in school.groups:
                if len(group.grades) == 1:
                    class_grades = {position: group.grades for position in group.classes}
                else:  # a mixed group: a class's grades are those of the students who take it
                    seen: dict[int, list[int]] = {position: [0] * len(school.grades) for position in group.classes}
                    for student, taken in _student_windows(school, group):
                        for position in taken:
                            seen[position][school.student_grades[student]] += 1
                    class_grades, main_grade = {}, {}
                    for position, tally in seen.items():
                        found = [g for g, n in enumerate(tally) if n]
                        class_grades[position] = [school.grades[g] for g in found] or group.grades
                        main_grade[position] = school.grades[max(found, key=lambda g: (tally[g], -g))] if found \
                            else group.grades[0]
                for j, position in enumerate(group.classes):
                    grade = group.grades[0] if len(group.grades) == 1 else main_grade[position]
                    plan.append((j, grade, class_grades[position]))
            # A teacher takes a run of sections of the same course (by grade, course, then round).
            lengths = [len(CATALOG[grade]) for _, grade, _ in plan]
            order = sorted(range(len(plan)), key=lambda q: (plan[q][1], plan[q][0] % lengths[q],
                                                            plan[q][0] // lengths[q], q))
            teacher_of = [0] * len(plan)
            for rank, q in enumerate(order):
                teacher_of[q] = rank * school.teachers // len(plan)
            sections: dict[str, int] = {}
            for q, (j, grade, grades) in enumerate(plan):
                catalog_size = lengths[q]
                course = school.courses[grade][j % catalog_size]
                term = TERMS[(j // catalog_size) % 2]
                period = str(((j % catalog_size) + j // (2 * catalog_size)) % catalog_size + 1)
                sections[course[0]] = section = sections.get(course[0], 0) + 1
                class_number += 1
                class_id = f"cls-{class_number:05d}"
                location = SPECIAL_ROOMS.get(course[3]) or rooms[teacher_of[q]]
                school.classes.append((class_id, teacher_of[q]))
                out.writerow([class_id, "", "", f"{course[1]} - {section}", ",".join(grades), course[0],
                              f"{course[2]}-{section:02d}", "scheduled", location, school.sourced_id, term,
                              course[3], "", period])


def _user_id(number: int) -> str:
    return f"usr-{number:06d}"


def _write_users(sink: _Sink, schools: list[_School], students: int, teachers: int, seed: int) -> None:
    rng = random.Random(f"{seed}/people")
    n_given, n_family = len(GIVEN_NAMES), len(FAMILY_NAMES)
    student_given = rng.choices(range(n_given), cum_weights=GIVEN_WEIGHTS, k=students)
    student_family = rng.choices(range(n_family), cum_weights=FAMILY_WEIGHTS, k=students)
    student_middle = [rng.randrange(n_given) if rng.random() < 0.4 else -1 for _ in range(students)]

    # Guardians: one per ten students; every fifth of them has a second child, who shares the family name.
    guardian_count = students // 10
    pairs = guardian_count // 5
    children = rng.sample(range(students), guardian_count + pairs)
    guardian_of: dict[int, int] = {}
    kids: list[list[int]] = []
    for g in range(guardian_count):
        mine = [children[g]] + ([children[guardian_count + g]] if g < pairs else [])
        if len(mine) == 2:
            student_family[mine[1]] = student_family[mine[0]]
        for child in mine:
            guardian_of[child] = g
        kids.append(mine)
    first_guardian = teachers + students + 1
    school_of_student = [0] * students
    for school in schools:
        for i in range(len(school.student_grades)):
            school_of_student[school.first_student + i] = school.number - 1

    with sink.writer("users") as out:
        out.writerow(COLUMNS["users"])
        for school in schools:
            for t in range(school.teachers):
                number = school.first_teacher + t + 1
                given = rng.choices(range(n_given), cum_weights=GIVEN_WEIGHTS)[0]
                family = rng.choices(range(n_family), cum_weights=FAMILY_WEIGHTS)[0]
                middle = GIVEN_NAMES[rng.randrange(n_given)] if rng.random() < 0.3 else ""
                username = f"{GIVEN_SLUGS[given]}.{FAMILY_SLUGS[family]}{number}"
                out.writerow([_user_id(number), "", "", "true", school.sourced_id, "teacher", username,
                              f"{{LDAP:{number}}}", GIVEN_NAMES[given], FAMILY_NAMES[family], middle,
                              f"T{number:06d}", f"{username}@{STAFF_DOMAIN}", "", "", "", "", ""])
        for school in schools:
            for i, grade in enumerate(school.student_grades):
                s = school.first_student + i
                number = teachers + s + 1
                given, family, middle = student_given[s], student_family[s], student_middle[s]
                username = f"{GIVEN_SLUGS[given]}.{FAMILY_SLUGS[family]}{number}"
                guardian = guardian_of.get(s)
                out.writerow([_user_id(number), "", "", "true", school.sourced_id, "student", username,
                              f"{{LDAP:{number}}},{{SIS:S{s + 1:07d}}}", GIVEN_NAMES[given], FAMILY_NAMES[family],
                              GIVEN_NAMES[middle] if middle >= 0 else "", f"S{s + 1:07d}",
                              f"{username}@{STUDENT_DOMAIN}", "", "",
                              _user_id(first_guardian + guardian) if guardian is not None else "",
                              school.grades[grade], ""])
        for g, mine in enumerate(kids):
            number = first_guardian + g
            given = rng.choices(range(n_given), cum_weights=GIVEN_WEIGHTS)[0]
            family = student_family[mine[0]]
            username = f"{GIVEN_SLUGS[given]}.{FAMILY_SLUGS[family]}{number}"
            phone = f"555-01{number % 100:02d}"
            orgs = sorted({schools[school_of_student[child]].sourced_id for child in mine})
            out.writerow([_user_id(number), "", "", "true", ",".join(orgs), "parent", username, "",
                          GIVEN_NAMES[given], FAMILY_NAMES[family], "", "",
                          f"{username}@mail.example.com", phone if number % 2 else "", phone,
                          ",".join(_user_id(teachers + child + 1) for child in mine), "", ""])


def _write_enrollments(sink: _Sink, schools: list[_School], teachers: int) -> None:
    number = 0
    with sink.writer("enrollments") as out:
        out.writerow(COLUMNS["enrollments"])
        row = out.writerow
        for school in schools:
            sid = school.sourced_id
            for class_id, teacher in school.classes:
                number += 1
                row([f"enr-{number:07d}", "", "", class_id, sid, _user_id(school.first_teacher + teacher + 1),
                     "teacher", "true", "", ""])
            class_ids = [entry[0] for entry in school.classes]
            for group in school.groups:
                for student, taken in _student_windows(school, group):
                    user = _user_id(teachers + school.first_student + student + 1)
                    for position in taken:
                        number += 1
                        row([f"enr-{number:07d}", "", "", class_ids[position], sid, user, "student", "false",
                             "", ""])


# --------------------------------------------------------------------------- checking


class _Reader:
    def __init__(self, path: Path):
        self.path = path
        self.zip = zipfile.ZipFile(path) if path.is_file() else None
        if self.zip is not None:
            self.names = {Path(n).name[:-4] for n in self.zip.namelist() if n.endswith(".csv")}
        else:
            self.names = {p.name[:-4] for p in path.glob("*.csv")}

    @contextmanager
    def rows(self, name: str) -> Iterator[tuple[list[str], Iterator[list[str]]]]:
        if self.zip is not None:
            member = next(n for n in self.zip.namelist() if Path(n).name == f"{name}.csv")
            handle = io.TextIOWrapper(self.zip.open(member), encoding="utf-8", newline="")
        else:
            handle = open(self.path / f"{name}.csv", encoding="utf-8", newline="")
        with handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            yield header, reader

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()


def _fail(where: str, message: str) -> None:
    raise AssertionError(f"{where}: {message}")


def _multi(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def check_package(path: Path) -> dict[str, int]:
    """Re-read a OneRoster 1.1 package (folder or zip) and return its data rows per file, e.g.
    {"orgs": 3, ..., "enrollments": 2000}; raise AssertionError on anything invalid: manifest,
    headers, required values, enumerations, unique sourcedIds, and every reference (enrollment ->
    class, user, school; class -> school, course, terms; course -> org; user -> orgs, agents;
    org and session parents), a (class, user) pair enrolled twice, or an enrollment whose user
    does not belong to the class's school."""
    reader = _Reader(Path(path))
    try:
        return _check(reader)
    finally:
        reader.close()


def _check(pkg: _Reader) -> dict[str, int]:
    if "manifest" not in pkg.names:
        _fail("manifest.csv", "missing")
    manifest: dict[str, str] = {}
    with pkg.rows("manifest") as (header, rows):
        if header != ["propertyName", "value"]:
            _fail("manifest.csv", f"header {header}")
        for row in rows:
            if len(row) != 2 or row[0] in manifest:
                _fail("manifest.csv", f"bad or repeated row {row}")
            manifest[row[0]] = row[1]
    if manifest.get("manifest.version") != "1.0" or manifest.get("oneroster.version") != "1.1":
        _fail("manifest.csv", "not manifest.version 1.0 / oneroster.version 1.1")
    modes = {}
    for name in MANIFEST_FILES_11:
        mode = manifest.get(f"file.{name}")
        if mode not in ("absent", "bulk", "delta"):
            _fail("manifest.csv", f"file.{name} is {mode!r}")
        if (mode != "absent") != (name in pkg.names):
            _fail("manifest.csv", f"file.{name} is {mode} but {name}.csv is {'present' if name in pkg.names else 'missing'}")
        modes[name] = mode
    for name in DATA_FILES:
        if modes[name] == "absent":
            _fail("manifest.csv", f"{name} is absent: this checker needs the six roster files")
        if modes[name] == "delta":
            _fail("manifest.csv", f"{name} is delta: this checker reads bulk packages")

    counts: dict[str, int] = {}
    ids: dict[str, dict[str, list[str]]] = {}
    later: list[tuple[str, str, str, str]] = []  # (where, target file, sourcedId, what): checked at the end
    pairs: set[str] = set()  # "class user" of every enrollment
    for name in DATA_FILES:
        columns = COLUMNS[name]
        table: dict[str, list[str] | None] = {}
        keep = name != "enrollments"  # nothing refers to enrollments: keep only their ids
        with pkg.rows(name) as (header, rows):
            if header[:len(columns)] != columns or any(not c.startswith("metadata.") for c in header[len(columns):]):
                _fail(f"{name}.csv", f"header is not the 1.1 one: {header}")
            required = [columns.index(c) for c in REQUIRED[name]]
            width = len(header)
            for line, row in enumerate(rows, start=2):
                where = f"{name}.csv line {line}"
                if len(row) != width:
                    _fail(where, f"{len(row)} fields, header has {width}")
                for i in required:
                    if not row[i]:
                        _fail(where, f"{columns[i]} is empty")
                if row[1] or row[2]:
                    _fail(where, "status / dateLastModified must be blank in bulk")
                if row[0] in table:
                    _fail(where, f"sourcedId {row[0]} repeated")
                table[row[0]] = row if keep else None
                _check_row(name, where, row, ids, later, pairs)
        ids[name] = table
        counts[name] = len(table)
    for where, target, sourced_id, what in later:
        if sourced_id not in ids[target]:
            _fail(where, f"{what} {sourced_id} not in {target}.csv")
    return counts


def _check_row(name: str, where: str, row: list[str], ids: dict, later: list, pairs: set) -> None:
    if name == "orgs":
        if row[4] not in ORG_TYPES:
            _fail(where, f"org type {row[4]!r}")
        if row[6]:
            later.append((where, "orgs", row[6], "parentSourcedId"))
    elif name == "academicSessions":
        if row[4] not in SESSION_TYPES:
            _fail(where, f"session type {row[4]!r}")
        if not (DATE.match(row[5]) and DATE.match(row[6]) and row[5] <= row[6]):
            _fail(where, f"dates {row[5]} .. {row[6]}")
        if row[7]:
            later.append((where, "academicSessions", row[7], "parentSourcedId"))
    elif name == "courses":
        if row[3] and row[3] not in ids["academicSessions"]:
            _fail(where, f"schoolYearSourcedId {row[3]} not in academicSessions.csv")
        if row[7] not in ids["orgs"]:
            _fail(where, f"orgSourcedId {row[7]} not in orgs.csv")
        _check_grades(where, row[6])
    elif name == "classes":
        if row[5] not in ids["courses"]:
            _fail(where, f"courseSourcedId {row[5]} not in courses.csv")
        school = ids["orgs"].get(row[9])
        if school is None or school[4] != "school":
            _fail(where, f"schoolSourcedId {row[9]} is not a school in orgs.csv")
        for term in _multi(row[10]) or [""]:
            if term not in ids["academicSessions"]:
                _fail(where, f"termSourcedId {term!r} not in academicSessions.csv")
        if row[7] not in CLASS_TYPES:
            _fail(where, f"classType {row[7]!r}")
        _check_grades(where, row[4])
    elif name == "users":
        if row[3] not in ("true", "false"):
            _fail(where, f"enabledUser {row[3]!r}")
        if row[5] not in USER_ROLES:
            _fail(where, f"role {row[5]!r}")
        for org in _multi(row[4]) or [""]:
            if org not in ids["orgs"]:
                _fail(where, f"orgSourcedId {org!r} not in orgs.csv")
        for agent in _multi(row[15]):
            later.append((where, "users", agent, "agentSourcedId"))
        for user_id in _multi(row[7]):
            if not USER_ID.match(user_id):
                _fail(where, f"userId {user_id!r} is not {{type:id}}")
        _check_grades(where, row[16])
    elif name == "enrollments":
        klass = ids["classes"].get(row[3])
        if klass is None:
            _fail(where, f"classSourcedId {row[3]} not in classes.csv")
        user = ids["users"].get(row[5])
        if user is None:
            _fail(where, f"userSourcedId {row[5]} not in users.csv")
        if row[4] != klass[9]:
            _fail(where, f"schoolSourcedId {row[4]} is not the class's school {klass[9]}")
        if row[6] not in ENROLLMENT_ROLES:
            _fail(where, f"role {row[6]!r}")
        if row[7] not in ("", "true", "false"):
            _fail(where, f"primary {row[7]!r}")
        if row[6] == "student" and user[5] != "student":
            _fail(where, f"student enrollment of a {user[5]}")
        if row[6] == "teacher" and user[5] not in ("teacher", "administrator", "aide"):
            _fail(where, f"teacher enrollment of a {user[5]}")
        district = ids["orgs"][row[4]][6]
        user_orgs = _multi(user[4])
        if row[4] not in user_orgs and (not district or district not in user_orgs):
            _fail(where, f"user {row[5]} does not belong to school {row[4]}")
        pair = f"{row[3]} {row[5]}"
        if pair in pairs:
            _fail(where, f"{row[5]} enrolled in {row[3]} twice")
        pairs.add(pair)


def _check_grades(where: str, value: str) -> None:
    for grade in _multi(value):
        if grade not in GRADE_CODES:
            _fail(where, f"grade {grade!r} is not a 1.1 grade code")


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--students", type=int, default=50_000)
    parser.add_argument("--teachers", type=int, default=2_500)
    parser.add_argument("--classes", type=int, default=12_000)
    parser.add_argument("--enrollments", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--zip", action="store_true", help=f"write OUT_DIR/{ZIP_NAME} instead of loose CSVs")
    parser.add_argument("--check", action="store_true", help="re-read the package with check_package")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = generate_district(args.out_dir, students=args.students, teachers=args.teachers, classes=args.classes,
                             enrollments=args.enrollments, seed=args.seed, zip_it=args.zip)
    seconds = time.perf_counter() - started
    if args.zip:
        with zipfile.ZipFile(path) as archive:
            sizes = {info.filename: info.file_size for info in archive.infolist()}
    else:
        sizes = {f"{name}.csv": (path / f"{name}.csv").stat().st_size for name in ("manifest", *DATA_FILES)}
    for name, size in sizes.items():
        print(f"{name:24} {size:>12,} bytes")
    print(f"{'total':24} {sum(sizes.values()):>12,} bytes")
    if args.zip:
        print(f"{path.name:24} {path.stat().st_size:>12,} bytes (zipped)")
    print(f"generated {path} in {seconds:.2f} s")
    if args.check:
        started = time.perf_counter()
        counts = check_package(path)
        print("checked: " + ", ".join(f"{name} {count:,}" for name, count in counts.items())
              + f" in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
