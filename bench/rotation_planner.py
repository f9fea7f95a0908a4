"""Rotation planner figures on the demo school (issue 6): building a week's groups and rotation for a
class from its mastery (the whole service call: mastery, solver, writing groups and slots), and
showing the weekly view (days x classes) for the 8 classes. The solver's own figures are in
bench/rotations.py.

    .venv/bin/python bench/rotation_planner.py [--quick]
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bench, demo_school, qt_app  # noqa: E402

MONDAY = date(2026, 11, 30)


def run(quick: bool) -> None:
    from plclassroom.services import mastery, roster, rotations
    from plclassroom.ui.app import open_window
    from plclassroom.ui.rotations.planner import WeekDialog

    with demo_school() as store:
        with store.unit_of_work() as uow:
            classes = [c.id for c in roster.list_classes(uow)]
        builds = []
        for class_id in classes:
            with store.unit_of_work() as uow:
                competencies = mastery.class_mastery(uow, class_id).competencies
                plan_id = rotations.create_plan(uow, class_id, "Week", MONDAY, MONDAY + timedelta(days=4))
            with store.unit_of_work() as uow:
                started = time.perf_counter()
                rotations.build_groups(uow, plan_id, MONDAY, competencies[0].id if competencies else "")
                builds.append(time.perf_counter() - started)
        bench("rotation_build_week_groups_per_class_median", statistics.median(builds) * 1000, "ms")

        qt_app()
        window = open_window(store, "bench-rotations")
        runs = []
        for _ in range(3 if quick else 7):
            started = time.perf_counter()
            dialog = WeekDialog(window.context, MONDAY, window)
            dialog.show()
            runs.append(time.perf_counter() - started)
            assert dialog.table.rowCount() == len(classes)
            dialog.close()
            dialog.deleteLater()
        bench(f"rotation_week_view_{len(classes)}_classes_median", statistics.median(runs) * 1000, "ms")
        window.close()


if __name__ == "__main__":
    run("--quick" in sys.argv)
