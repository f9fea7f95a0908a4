"""Try the district dashboard as a new principal would (issue 11): the IT admin builds a demo district
with ``plclassroom demo-data``, adds a principal of one school and a district admin with
``plclassroom-server create-user`` (the school by its name, from ``schools``) and ``set-password``,
and starts ``plclassroom-server serve`` as a real process (it builds the dashboard's figures). Then, in a real headless browser (Debian's
chromium-headless-shell, ``tests/server/browser.py``), the principal opens /dashboard, is sent to the
sign-in page, signs in through the form and follows the pages' own links: their school, a grade, a
competency (the page naming students), a course and one of its competencies, and "Who has seen it".
Another school's pages must answer "not found". Last, the district admin opens the audit of a student
the principal saw and must find the principal's view there.

It prints what each page showed, keeps a screenshot of each in the folder given (default
/tmp/tryout-dashboard) and exits non-zero when a step fails:

    .venv/bin/python scripts/tryout_dashboard.py /tmp/tryout-dashboard
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests/server/browser.py

from tests.server.browser import Browser, BrowserError, find  # noqa: E402

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/tryout-dashboard")
VENV = Path(sys.executable).parent
work = OUT / "work"
if work.exists():
    shutil.rmtree(work)
work.mkdir(parents=True)
for old in OUT.glob("[0-9][0-9]-*.png"):  # the last run's screenshots
    old.unlink()
database = work / "district.sqlite"
PRINCIPAL, DISTRICT_ADMIN = "Pat Okafor", "Dana Whitfield"
PASSWORDS = {PRINCIPAL: "principal-pass-2026", DISTRICT_ADMIN: "district-pass-2026"}
SMALL_GROUP = 10

failures: list[str] = []


class StepFailed(Exception):
    """A step that the rest cannot go on without."""


def check(ok: bool, what: str) -> bool:
    print(("  ok:     " if ok else "  FAILED: ") + what)
    if not ok:
        failures.append(what)
    return ok


def must(ok: bool, what: str) -> None:
    if not check(ok, what):
        raise StepFailed(what)


def run(program: str, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run([str(VENV / program), *args], input=stdin, capture_output=True, text=True)
    shown = " ".join(args).replace(str(OUT), "$OUT")
    print(f"$ {program} {shown}{'  < (password on stdin)' if stdin else ''} -> {done.returncode}")
    for line in (done.stdout.strip() + "\n" + done.stderr.strip()).strip().splitlines():
        print("    " + line)
    if done.returncode != 0:
        raise StepFailed(f"{program} {args[:3]} exited {done.returncode}")
    return done.stdout


def server_cli(*args: str, stdin: str | None = None) -> str:
    return run("plclassroom-server", "--database", str(database), *args, stdin=stdin)


def query(sql: str, *params) -> list[tuple]:
    """What the script checks in the database behind the server."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return db.execute(sql, params).fetchall()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- the page, as a person reads it --------------------------------------------------------------

READ_PAGE = """(() => {
  const text = e => (e ? e.innerText : "").replace(/\\s+/g, " ").trim();
  const main = document.querySelector("main");
  return {
    title: document.title,
    h1: text(document.querySelector("h1")),
    crumbs: [...document.querySelectorAll("nav.crumbs li")].map(text),
    who: text(document.querySelector(".who span")),
    paragraphs: [...main.querySelectorAll(":scope > p")].map(text),
    text: main.innerText,
    tables: [...main.querySelectorAll("table")].map(t => ({
      caption: text(t.caption),
      head: [...t.querySelectorAll("thead th")].map(text),
      rows: [...t.querySelectorAll("tbody tr")].map(r => ({
        cells: [...r.children].map(text),
        links: [...r.querySelectorAll("a")].map(a => ({text: text(a), href: a.getAttribute("href")})),
      })),
    })),
  };
})()"""


class Person(Browser):
    """The browser, with what a person does besides typing: following a link on the page."""

    def start(self) -> None:
        self.call("Network.enable", session=True)

    def status(self) -> int | None:
        """The HTTP status of the page now shown (its last document response)."""
        answers = [e["params"]["response"]["status"] for e in self._events
                   if e.get("method") == "Network.responseReceived" and e["params"].get("type") == "Document"]
        return answers[-1] if answers else None

    def go(self, url: str) -> None:
        super().go(url)
        self._settle()

    def submit(self, form_selector: str, values: dict[str, str]) -> None:
        super().submit(form_selector, values)
        self._settle()

    def follow(self, href: str) -> None:
        """Click the page's own link to ``href`` (as written in the page) and wait for the next page."""
        self._events.clear()
        found = self.evaluate(f"""(() => {{ const a = [...document.links].find(a => a.getAttribute("href") === {
            json.dumps(href)}); if (!a) return false; a.scrollIntoView(); a.click(); return true; }})()""")
        if not found:
            raise StepFailed(f"no link to {href} on the page")
        self._wait_for("Page.loadEventFired")
        self._settle()

    def _settle(self) -> None:
        self.evaluate("document.readyState")  # pending protocol events are read meanwhile

    def read(self) -> dict:
        return self.evaluate(READ_PAGE)


def table(page: dict, caption: str) -> dict | None:
    return next((t for t in page["tables"] if t["caption"].startswith(caption)), None)


shots: list[Path] = []


def shot(person: Person, name: str) -> Path:
    path = OUT / f"{len(shots) + 1:02d}-{name}.png"
    person.screenshot(path)
    shots.append(path)
    print(f"  screenshot: {path}")
    return path


def describe(person: Person, page: dict) -> None:
    print(f"  url:    {person.url}  (HTTP {person.status()})")
    print(f"  title:  {page['title']}")
    print(f"  h1:     {page['h1']}")
    if page["crumbs"]:
        print(f"  crumbs: {' > '.join(page['crumbs'])}")
    if page["who"]:
        print(f"  header: {page['who']}")
    for p in page["paragraphs"]:
        print(f"  says:   {p[:300]}")
    for t in page["tables"]:
        print(f"  table:  {t['caption']!r}: {len(t['rows'])} rows; columns {t['head']}")
        for row in t["rows"][:3]:
            print(f"            {row['cells']}")
        if len(t["rows"]) > 3:
            print(f"            ... {len(t['rows']) - 3} more")


# -- what a principal must never see ---------------------------------------------------------------

def visit(person: Person, href: str, name: str) -> dict:
    """Follow one of the page's own links, as a click; what the new page shows, described and shot."""
    person.follow(href)
    page = person.read()
    describe(person, page)
    shot(person, name)
    return page


def shown_competencies(page: dict) -> list[dict]:
    """The rows of the page's competency table that link on and show their figures (10 or more)."""
    found = table(page, "Competencies in")
    return [row for row in (found or {"rows": []})["rows"] if row["links"] and row["cells"][2].isdigit()]


def listed_students(page: dict) -> list[tuple[dict, str]]:
    """A competency page's students: each row, with the id its "Who has seen it" link names."""
    levels = table(page, "Students")
    return [(row, re.search(r"student=([^&]+)", row["links"][-1]["href"]).group(1))
            for row in (levels or {"rows": []})["rows"] if row["links"]]


def privacy(page: dict, other_schools: list[str], all_students: list[tuple[str, str, str]],
            names_allowed: set[str] = frozenset()) -> None:
    """No other school's name, no student's name but those allowed, no figure over fewer than 10."""
    words = page["text"] + " " + page["title"]
    leaked = [s for s in other_schools if s in words]
    check(not leaked, f"no other school named on the page {leaked or ''}")
    allowed = {(family, given) for sid, family, given in all_students if sid in names_allowed}  # names recur
    named = sorted({f"{family}, {given}" for _, family, given in all_students if (family, given) not in allowed
                    and (f"{family}, {given}" in words or f"{given} {family}" in words)})
    check(not named, f"no student named who should not be ({len(named)} found: {named[:3]})" if named
          else "no student named who should not be")
    small = []
    for t in page["tables"]:
        for row in t["rows"]:
            for head, cell in zip(t["head"], row["cells"], strict=False):
                numbers = [int(n) for n in re.findall(r"n = (\d+)", cell)]
                numbers += [int(n) for n in re.findall(r"\d+ of (\d+)", cell)]
                if head in ("Students", "Students with a level") and cell.isdigit():
                    numbers.append(int(cell))
                small += [(t["caption"], head, cell) for n in numbers if n < SMALL_GROUP]
    for p in page["paragraphs"]:
        found = re.search(r"Students with a level: (\d+)", p)
        if found and int(found.group(1)) < SMALL_GROUP:
            small.append(("sentence", "Students with a level", found.group(1)))
    check(not small, f"no figure over fewer than {SMALL_GROUP} students {small[:3] or ''}")


# -- the tryout --------------------------------------------------------------------------------------

def tryout(person: Person, base: str, school_id: str, school_name: str, other_schools: dict[str, str]) -> None:
    students = query("SELECT id, family_name, coalesce(nullif(preferred_name, ''), given_name), school_id "
                     "FROM person WHERE role = 'student'")
    all_students = [(sid, family, given) for sid, family, given, _ in students]
    ours = {sid for sid, _, _, school in students if school == school_id}
    others = list(other_schools.values())

    print("\n== 3a. The principal opens /dashboard in a browser")
    person.go(f"{base}/dashboard")
    page = person.read()
    describe(person, page)
    shot(person, "sign-in")
    must("/dashboard/login" in person.url, "no session: sent to the sign-in page")
    check("Sign in" in page["h1"], "the sign-in page says so")

    print("\n== 3b. A wrong password first (a new user's typo)")
    person.submit("form.login", {"user": PRINCIPAL, "password": "principal-pass"})
    page = person.read()
    describe(person, page)
    shot(person, "wrong-password")
    check("/dashboard/login" in person.url and "do not match" in page["text"], "a wrong password is refused, said plainly")

    print("\n== 3c. Signs in through the form")
    person.submit("form.login", {"user": PRINCIPAL, "password": PASSWORDS[PRINCIPAL]})
    page = person.read()
    describe(person, page)
    shot(person, "principal-landing")
    must(person.url == f"{base}/dashboard/school/{school_id}",
         f"a principal's overview is their own school's page ({school_name})")
    check(page["h1"] == school_name, f"headline is the school's name: {page['h1']!r}")
    check(f"Signed in as {PRINCIPAL} (Principal)" in page["who"], "the header says who is signed in, as Principal")
    privacy(page, others, all_students)

    print("\n== 3d. Clicks 'Overview' in the crumbs (the way to the district, for a district admin)")
    person.follow("/dashboard")
    page = person.read()
    describe(person, page)
    check(person.url == f"{base}/dashboard/school/{school_id}",
          "'Overview' takes a principal back to their school (they see no district overview)")

    print("\n== 3e. Clicks a grade on the school page")
    grades = table(page, "Grades")
    must(grades is not None and grades["rows"] and grades["rows"][0]["links"], "the school page lists grades, linked")
    grade_link = grades["rows"][0]["links"][0]
    print(f"  following {grade_link['text']!r} -> {grade_link['href']}")
    courses = table(page, "Courses")
    course_links = [row["links"][0] for row in (courses or {"rows": []})["rows"] if row["links"]]
    page = visit(person, grade_link["href"], "grade")
    check(person.status() == 200 and page["h1"].startswith(grade_link["text"]),
          f"the grade page: {page['h1']!r}")
    privacy(page, others, all_students)

    print("\n== 3f. Clicks a competency in the grade (the page that names students)")
    competencies = table(page, "Competencies in")
    must(competencies is not None and competencies["rows"], "the grade page lists competencies")
    shown = shown_competencies(page)
    must(bool(shown), "a competency with its figures shown (10 students or more)")
    link = shown[0]["links"][0]
    print(f"  following {link['text']!r} ({shown[0]['cells'][1][:70]}) -> {link['href']}")
    page = visit(person, link["href"], "grade-competency")
    students = listed_students(page)
    listed = [row for row, _id in students]
    seen_ids = [student_id for _row, student_id in students]
    check(person.status() == 200 and link["text"] in page["h1"], f"the competency page: {page['h1']!r}")
    check(bool(seen_ids), f"it names students: {len(seen_ids)} listed, each with 'Who has seen it'")
    check(set(seen_ids) <= ours, "every student listed is of the principal's school")
    check(f"Students with a level: {len(seen_ids)}." in " ".join(page["paragraphs"]),
          "the sentence's count of students agrees with the list")
    privacy(page, others, all_students, names_allowed=ours)
    competency_href = link["href"]

    print("\n== 3g. Clicks 'Who has seen it' for the first student")
    first = listed[0]
    print(f"  student {first['cells'][0]!r} -> {first['links'][-1]['href']}")
    page = visit(person, first["links"][-1]["href"], "principal-audit")
    views = table(page, "Views of")
    check(person.status() == 200 and views is not None and any(PRINCIPAL in row["cells"][1] for row in views["rows"]),
          "the principal sees their own view of this student listed")

    print("\n== 3h. Back to the school ('Overview' is the only link in the audit page's crumbs), then a course")
    person.follow("/dashboard")
    check(person.url == f"{base}/dashboard/school/{school_id}", "back on the school page")
    if not course_links:
        print("  the school page lists no courses")
    else:
        course = course_links[0]
        print(f"  following {course['text']!r} -> {course['href']}")
        page = visit(person, course["href"], "course")
        check(person.status() == 200 and page["h1"].startswith(course["text"]), f"the course page: {page['h1']!r}")
        privacy(page, others, all_students)
        shown = shown_competencies(page)
        if check(bool(shown), "the course lists competencies with figures shown"):
            link = shown[0]["links"][0]
            print(f"  following {link['text']!r} -> {link['href']}")
            page = visit(person, link["href"], "course-competency")
            ids = [student_id for _row, student_id in listed_students(page)]
            check(person.status() == 200 and bool(ids) and set(ids) <= ours,
                  f"the course's competency names {len(ids)} students, all of this school")
            privacy(page, others, all_students, names_allowed=ours)

    print("\n== 3i. The principal tries another school's pages by URL")
    other_id, other_name = next(iter(other_schools.items()))
    other_student = query("SELECT id FROM person WHERE role = 'student' AND school_id = ? LIMIT 1", other_id)[0][0]
    competency_path = competency_href.split("/grade/", 1)[1]  # "06/competency/ID": the same, in the other school
    for number, path in enumerate((f"/dashboard/school/{other_id}",
                                   f"/dashboard/school/{other_id}/grade/{competency_path}",
                                   f"/dashboard/audit?student={other_student}")):
        person.go(base + path)
        page = person.read()
        print(f"  {path} -> HTTP {person.status()}: {page['h1']!r} / {' '.join(page['paragraphs'])[:90]!r}")
        if number == 0:
            shot(person, "other-school-not-found")
        check(person.status() == 404 and page["h1"] == "Not found" and other_name not in page["text"],
              f"another school's page ({other_name}) answers 'Not found'")

    print("\n== 3j. The principal signs out with the page's button")
    person.go(f"{base}/dashboard")
    person.submit("form[action='/dashboard/logout']", {})
    check("/dashboard/login" in person.url, "signed out: back on the sign-in page")

    print("\n== 3k. The district admin signs in: the district overview, then the audit of the student")
    person.go(f"{base}/dashboard")
    person.submit("form.login", {"user": DISTRICT_ADMIN, "password": PASSWORDS[DISTRICT_ADMIN]})
    page = person.read()
    describe(person, page)
    shot(person, "district-overview")
    check(person.url == f"{base}/dashboard" and page["h1"] == "District overview", "the district admin's overview")
    schools = table(page, "Schools: mastery")
    check(schools is not None and len(schools["rows"]) == len(other_schools) + 1,
          f"it lists every school ({len(other_schools) + 1})")
    student_id = seen_ids[0]
    person.go(f"{base}/dashboard/audit?student={student_id}")
    page = person.read()
    describe(person, page)
    shot(person, "district-admin-audit")
    views = table(page, "Views of")
    rows = views["rows"] if views else []
    principal_rows = [row["cells"] for row in rows if row["cells"][1:2] == [PRINCIPAL]]
    check(person.status() == 200 and bool(principal_rows), f"the principal's views are listed: {principal_rows}")
    check(bool(principal_rows) and all(row[2] == "Principal" for row in principal_rows), "with their role")
    what = {row[3] for row in principal_rows}
    check(any(" in " in w and school_name in w for w in what),
          f"each view says which competency and where, in words: {sorted(what)}")


def main() -> int:
    if find() is None:
        print("chromium is not installed (Debian: apt-get install chromium-headless-shell)")
        return 2
    serving = None
    try:
        print("== 1. The IT admin builds a demo district")
        run("plclassroom", "demo-data", "--students", "360", "--out", str(database))
        schools = dict(query("SELECT id, name FROM school WHERE NOT deleted ORDER BY name"))
        print(f"  schools: {sorted(schools.values())}")
        must(len(schools) >= 2, "the demo district has several schools")

        print("\n== 2. A principal of one school and a district admin, with passwords; the roll-ups; the server")
        school_id = next(iter(schools))
        school_name = schools.pop(school_id)
        must(school_name in server_cli("schools"), "`schools` lists the principal's school")
        print(f"  the principal's school: {school_name}, named as the admin knows it")
        server_cli("create-user", PRINCIPAL, "--role", "school_admin", "--school", school_name)
        server_cli("create-user", DISTRICT_ADMIN, "--role", "district_admin")
        for name, password in PASSWORDS.items():
            server_cli("set-password", name, stdin=password + "\n")
        server_cli("users")

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = open(work / "server.log", "w")  # noqa: SIM115 (open while the server runs)
        serving = subprocess.Popen([str(VENV / "plclassroom-server"), "--database", str(database), "serve",
                                    "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
        started = time.monotonic()
        while True:
            if serving.poll() is not None:
                raise StepFailed(f"the server stopped (exit {serving.returncode}): see {work / 'server.log'}")
            try:
                with urllib.request.urlopen(f"{base}/dashboard/login", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() - started > 120:
                raise StepFailed("the server did not answer within 120 s")
            time.sleep(0.3)
        print(f"  the server answers on {base} after {time.monotonic() - started:.1f} s")
        must(query("SELECT count(*) FROM mastery_rollup")[0][0] > 0, "serve built the roll-ups as it started")

        with Person(width=1280, height=900) as person:
            person.start()
            tryout(person, base, school_id, school_name, schools)
    except (StepFailed, BrowserError) as error:
        if not isinstance(error, StepFailed) or str(error) not in failures:
            failures.append(str(error))
        print(f"\nSTOPPED: {error}")
    finally:
        if serving is not None:
            serving.terminate()
            try:
                serving.wait(timeout=15)
            except subprocess.TimeoutExpired:
                serving.kill()
                serving.wait()
            print(f"\nserver stopped (its log: {work / 'server.log'})")
    print("\nscreenshots:")
    for path in shots:
        print(f"  {path}")
    if failures:
        print(f"\n{len(failures)} step(s) FAILED:")
        for what in failures:
            print(f"  - {what}")
        return 1
    print("\nEvery step passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
