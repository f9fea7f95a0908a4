"""Early-warning figures (issue 11): every rule for a class of 35 on the demo school's data, with 6
playlists of 12 items assigned and half done (target: under 50 ms), and for a grade team (every
class of a school's grade 6, deduplicated)."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bench, class_of_35, demo_school, median_ms  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 23)  # the demo's DEMO_DAY: its evidence runs to the day before


def run(quick: bool) -> None:
    from plclassroom.domain import SchoolClass
    from plclassroom.domain.early_warning import Thresholds
    from plclassroom.services import early_warning, mastery, playlists, roster

    runs = 5 if quick else 20
    with demo_school() as store:
        class_id = class_of_35(store)
        with store.unit_of_work() as uow:
            school_id = uow.get(SchoolClass, class_id).school_id
            competencies = mastery.class_mastery(uow, class_id).competencies
            students = [s.id for s in roster.list_students(uow, class_id)]
        assert len(students) == 35, len(students)
        cells = {}
        for number in range(6):
            with store.unit_of_work() as uow:
                pid = playlists.create_playlist(uow, f"Playlist {number + 1}", class_id=class_id,
                                                competency_ids=[competencies[number % len(competencies)].id])
            items = []
            for item in range(12):
                with store.unit_of_work() as uow:
                    items.append(playlists.add_item(uow, pid, f"Item {item + 1}", "practice"))
            with store.unit_of_work() as uow:
                [assignment] = playlists.assign(uow, pid, class_id, start_date=date(2026, 11, 2),
                                                due_date=date(2026, 11, 27))
            for n, item in enumerate(items[:6]):
                cells[(assignment, item)] = students[n * 5:]  # the later students are further behind
        with store.unit_of_work() as uow:
            playlists.set_progress_many(uow, cells, "done")
        with store.unit_of_work() as uow:
            # The demo's evidence is thin (4 of 6 competencies a student): a fifth of the class makes a
            # competency "being assessed", so that NO_EVIDENCE has its work to do too.
            early_warning.set_thresholds(uow, school_id, Thresholds(assessed_share=0.2))

        with store.unit_of_work() as uow:
            flags = early_warning.class_flags(uow, class_id, TODAY)
            found = {f.rule.value for f in flags}
            assert found >= {"behind pace", "no evidence"}, sorted(found)
            ms = median_ms(lambda: early_warning.class_flags(uow, class_id, TODAY), runs)
        bench("early_warning_class_flags_35_students_6_playlists", ms, "ms")

        with store.unit_of_work() as uow:
            team = early_warning.team_flags(uow, school_id, "06", TODAY)
            assert len({f.student_id for f in team}) > 35
            ms = median_ms(lambda: early_warning.team_flags(uow, school_id, "06", TODAY), runs)
        bench("early_warning_team_flags_grade_6_4_classes", ms, "ms")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    run("--quick" in sys.argv)
