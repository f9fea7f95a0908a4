"""Conference search figures: the time from a search to its first page of results, over 100,000
conference notes (quick: 10,000), as the advisor who wrote them, for a common word (in half the
notes) and a rare word, median of 5. Target: under 100 ms. Also, for the common word, as an
advisor who may see a tenth of the notes (the search then takes a second try).

    .venv/bin/python bench/search.py [--quick]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bench  # noqa: E402

COMMON_WORD = "progress"  # in about half the notes
RARE_WORD = "marimba"  # in one note in 5,000 (at least 3), all the advisor's

# A few hundred words an advisor might write, most used first (drawn with Zipf-like weights).
VOCABULARY = """
the and to a student goal week math reading plan practice agreed talked about with class
work next time checkpoint family help more better feels wants needs this on in for of at we will
homework teacher group station playlist evidence skill ratio fraction percent writing science notes
missing late turned strong proud worried confident stuck question asked explained showed tried
improved improving struggling steady slowly quickly focus attention sleep bedtime breakfast morning
afternoon lunch recess friends friendship conflict kind respectful calm upset frustrated excited
tired motivated organised planner binder locker calendar deadline project presentation poster essay
paragraph sentence vocabulary spelling grammar fluency comprehension summary evidence-based claim
reasoning data graph table chart equation expression variable inequality geometry area volume
measurement angle triangle rectangle circle coordinate integer decimal number line unit rate
proportion estimate check review redo retake extension enrichment support intervention small-group
one-on-one conference check-in meeting phone email message note home parent guardian grandmother
uncle sister brother coach counsellor nurse librarian aide principal tutor mentor buddy partner
reader writer artist athlete musician builder leader helper listener speaker goal-setting reflection
growth mindset effort strategy habit routine schedule attendance tardy absent present on-time early
club team practice game match tournament rehearsal concert performance art drawing painting music
choir band guitar piano drums soccer basketball volleyball swimming running chess robotics coding
garden cooking baking animals dogs horses books comics novels poems stories history maps languages
spanish french arabic somali vietnamese english translation interpreter accommodation extra breaks
seating preferential audio text-to-speech calculator manipulatives graphic organiser checklist timer
headphones quiet space movement fidget snack water glasses hearing allergy medication appointment
absence illness injury recovery holiday trip move new school transition grade semester term report
card portfolio rubric level mastery approaching meeting exceeding beginning developing proficient
advanced independent independently together collaborative collaboration peers discussion share
shared celebrate celebrated milestone achievement award certificate stretch challenge challenging
easy hard harder easier difficult confusing clear unclear understand understood remember forgot
organise organised prepare prepared materials pencil charger laptop device login password website
""".split()
RARE_WORDS = ["ukulele", "archery", "taxidermy", "origami", "beekeeping", "calligraphy",
              "hovercraft", "kayaking", "telescope"]




def note_text(rng: random.Random, weights: list[float], rare: bool = False) -> str:
    words = rng.choices(VOCABULARY, weights, k=rng.randint(20, 70))
    if rng.random() < 0.5 and COMMON_WORD not in words:
        words.insert(rng.randrange(len(words)), COMMON_WORD)
    if rng.random() < 0.002:
        words.insert(rng.randrange(len(words)), rng.choice(RARE_WORDS))
    if rare:
        words.insert(rng.randrange(len(words)), RARE_WORD)
    sentences, start = [], 0
    while start < len(words):
        end = start + rng.randint(6, 14)
        sentence = " ".join(words[start:end])
        sentences.append(sentence[:1].upper() + sentence[1:] + ".")
        start = end
    return " ".join(sentences)


def build(path: Path, notes: int, seed: int = 11) -> tuple[object, str, str]:
    """A school whose advisor wrote 90% of ``notes`` conference notes, for their advisees; another
    advisor wrote the rest. A quarter of the notes are private. Returns (store, advisor, other)."""
    from plclassroom.domain import AdvisorAssignment, Conference, Person, School
    from plclassroom.domain.base import new_id
    from plclassroom.store.database import Store

    rng = random.Random(seed)
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(VOCABULARY))]
    store = Store.open(path)
    with store.unit_of_work(record_changes=False) as uow:
        school = School(name="Bench Middle School")
        uow.add(school)
        uow.session.flush()
        advisor, other = new_id(), new_id()
        students = [new_id() for _ in range(max(100, notes // 100))]
        uow.insert_many(Person, [
            {"id": advisor, "school_id": school.id, "role": "advisor", "given_name": "Rosa",
             "family_name": "Delgado"},
            {"id": other, "school_id": school.id, "role": "advisor", "given_name": "Ines",
             "family_name": "Kowalski"},
            *({"id": s, "school_id": school.id, "role": "student", "given_name": f"Given{n}",
               "family_name": f"Family{n}", "grade": "06"} for n, s in enumerate(students)),
        ])
        advisor_of = {s: (advisor if n % 10 else other) for n, s in enumerate(students)}
        uow.insert_many(AdvisorAssignment, [{"advisor_id": a, "student_id": s, "school_id": school.id}
                                            for s, a in advisor_of.items()])
        start = date(2025, 8, 25)
        privacies = ["teachers", "teachers", "private", "family"]
        advisees = [s for s in students if advisor_of[s] == advisor]
        rare_every = min(5_000, notes // 3)
        for first in range(0, notes, 10_000):
            rows = []
            for number in range(first, min(notes, first + 10_000)):
                rare = number % rare_every == rare_every // 2
                student = rng.choice(advisees if rare else students)
                rows.append({"student_id": student, "author_id": advisor_of[student],
                             "held_on": start + timedelta(days=rng.randrange(300)), "minutes": 15,
                             "kind": rng.choice(["check-in", "academic", "goal setting", "social-emotional"]),
                             "attendees": "student, advisor", "notes": note_text(rng, weights, rare),
                             "privacy": rng.choice(privacies)})
            uow.insert_many(Conference, rows)
        uow.commit()
    return store, advisor, other


def first_results(store, viewer: str, word: str) -> tuple[float, int]:
    """Median of 5 (ms) from opening a unit of work to holding the first page of results."""
    from plclassroom.services.search import search

    runs, found = [], 0
    for _ in range(5):
        started = time.perf_counter()
        with store.unit_of_work() as uow:
            found = len(search(uow, viewer, word))
        runs.append(time.perf_counter() - started)
    return statistics.median(runs) * 1000, found


def run(quick: bool) -> None:
    notes = 10_000 if quick else 100_000
    with tempfile.TemporaryDirectory(prefix="plclassroom-bench-search-") as tmp:
        started = time.perf_counter()
        store, advisor, other = build(Path(tmp) / "search.sqlite", notes)
        bench(f"conference_search_{notes}_notes_build", time.perf_counter() - started, "s")
        try:
            for label, word in (("", COMMON_WORD), ("_rare_word", RARE_WORD)):
                ms, found = first_results(store, advisor, word)
                assert found, f"nothing found for {word!r}"
                bench(f"conference_search_{notes}_notes_first_results{label}", ms, "ms")
            ms, found = first_results(store, other, COMMON_WORD)
            assert found, f"nothing found for {COMMON_WORD!r}"
            bench(f"conference_search_{notes}_notes_first_results_seeing_a_tenth", ms, "ms")
        finally:
            store.close()


if __name__ == "__main__":
    run("--quick" in sys.argv)
