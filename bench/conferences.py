"""Conference figures (issue 7): opening a student with three years of conferences (150) and
their goals, as the Conferences tab shows them. Search is in bench/search.py."""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bench, demo_school, qt_app  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")




def run(quick: bool) -> None:
    from PySide6.QtWidgets import QApplication

    from plclassroom.domain import Conference, ConferenceGoal, Goal, NextStep
    from plclassroom.services import conferences
    from plclassroom.ui.app import open_window

    qt_app()
    rng = random.Random(5)
    with demo_school() as store:
        with store.unit_of_work() as uow:
            advisor_id = conferences.advisors(uow)[0][0]
            student_id = conferences.caseload(uow, advisor_id)[0].student_id
        with store.unit_of_work(record_changes=False) as uow:
            goals = [{"id": f"g{n}", "student_id": student_id, "author_id": advisor_id,
                      "statement": f"Goal {n}: read {n + 10} minutes a day", "status": "active"} for n in range(12)]
            uow.insert_many(Goal, goals)
            held = date(2023, 9, 1)
            rows, links, steps = [], [], []
            for n in range(150):  # three school years, about one a week
                held += timedelta(days=rng.choice((5, 7, 7, 9)))
                rows.append({"id": f"c{n}", "student_id": student_id, "author_id": advisor_id, "held_on": held,
                             "kind": "check-in", "notes": f"Week {n}: talked about reading and sleep. " * 8,
                             "privacy": rng.choice(("teachers", "private", "family"))})
                links += [{"id": f"l{n}-{g}", "conference_id": f"c{n}", "goal_id": f"g{g}",
                           "progress_note": "on track"} for g in rng.sample(range(12), 2)]
                steps += [{"id": f"s{n}-{k}", "conference_id": f"c{n}", "student_id": student_id,
                           "text": f"Step {k}", "owner": "student", "done": n < 140} for k in range(2)]
            uow.insert_many(Conference, rows)
            uow.insert_many(ConferenceGoal, links)
            uow.insert_many(NextStep, steps)
            uow.commit()
        window = open_window(store, "bench")
        window.show()
        window.tabs.setCurrentWidget(window.conferences)
        panel = window.conferences
        row = next(i for i, r in enumerate(panel.rows) if r.student_id == student_id)
        runs = []
        for _ in range(5):
            panel.caseload.setCurrentCell(-1, -1)
            started = time.perf_counter()
            panel.caseload.setCurrentCell(row, 0)
            QApplication.processEvents()
            runs.append(time.perf_counter() - started)
        shown = panel.history.count()
        assert shown >= 150, shown
        bench("conference_open_student_150_conferences", statistics.median(runs) * 1000, "ms")
        window.close()


if __name__ == "__main__":
    run("--quick" in sys.argv)
