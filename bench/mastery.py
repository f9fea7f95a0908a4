"""Mastery figures (issue 12): recalculating levels, filling and painting the heatmap, and the
key presses to record a class's evidence through the grid.

Targets: 180 students x 80 competencies x 20 pieces recalculated in under 200 ms; the heatmap
model filled and painted for 35 x 80 in under 50 ms.
"""

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




def evidence(students: int, competencies: int, pieces: int, seed: int = 7):
    from plclassroom.domain.mastery import Piece

    rng = random.Random(seed)
    start = date(2026, 8, 24)
    return {(s, c): [Piece(start + timedelta(days=rng.randrange(90)), float(rng.randint(1, 4)), order=i)
                     for i in range(pieces)] for s in range(students) for c in range(competencies)}


def recalculation(quick: bool) -> None:
    from plclassroom.domain.mastery import Method, calculate

    students, competencies, pieces = (36, 16, 20) if quick else (180, 80, 20)
    data = evidence(students, competencies, pieces)
    label = f"{students}x{competencies}x{pieces}"
    for method in (Method.DECAYING_AVERAGE, Method.POWER_LAW):
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            for found in data.values():
                calculate(found, method)
            runs.append(time.perf_counter() - started)
        bench(f"mastery_recalculate_{method.value}_{label}", min(runs) * 1000, "ms")


def heatmap_paint(quick: bool) -> None:
    from PySide6.QtWidgets import QApplication

    from plclassroom.domain.mastery import MasteryResult, Method
    from plclassroom.services.mastery import DEFAULT_SCALE, Cell, ClassMastery, CompetencyColumn, StudentRow
    from plclassroom.ui.mastery.heatmap import HeatmapPanel

    app = QApplication.instance() or QApplication(sys.argv)
    students, competencies = 35, (20 if quick else 80)
    rng = random.Random(3)
    rows = [StudentRow(f"s{i}", f"Student {i:02d}, Test") for i in range(students)]
    columns = [CompetencyColumn(f"c{j}", f"X.{j // 10}.{j}", f"Competency {j}", f"X.{j // 10}")
               for j in range(competencies)]
    cells = {}
    for s in rows:
        for c in columns:
            if rng.random() < 0.85:
                score = rng.choice([1.0, 1.5, 2.0, 2.6, 3.1, 3.6, 4.0])
                cells[(s.id, c.id)] = Cell(score, DEFAULT_SCALE.level_for(score), rng.randint(1, 8),
                                           MasteryResult(Method.DECAYING_AVERAGE, score, "bench"))
    view = ClassMastery("class", "Bench", DEFAULT_SCALE, Method.DECAYING_AVERAGE, {}, rows, columns, cells)

    class Context:  # the panel only needs .call for reloading, which the benchmark does not do
        pass

    panel = HeatmapPanel(Context())
    panel.resize(1900, 1100)
    panel.show()
    app.processEvents()
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        panel.model.set_view(view)
        panel.table.viewport().grab()  # paint every cell in view
        runs.append(time.perf_counter() - started)
    bench(f"heatmap_fill_and_paint_35x{competencies}", statistics.median(runs) * 1000, "ms")
    panel.close()


def grid_key_presses() -> None:
    """Record a class's 30 pieces of evidence through the grid, from the keyboard alone."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from plclassroom.services import roster
    from plclassroom.ui.app import open_window

    qt_app()
    with demo_school() as store:
        window = open_window(store, "bench")
        window.show()
        window.tabs.setCurrentWidget(window.evidence)
        grid = window.evidence.grid
        presses = 0
        started = time.perf_counter()
        for _student in range(30):
            QTest.keyClick(grid, "3")
            QTest.keyClick(grid, Qt.Key.Key_Return)
            presses += 2
        seconds = time.perf_counter() - started
        window.tabs.setCurrentWidget(window.heatmap)
        with store.unit_of_work() as uow:
            students = roster.list_students(uow, window.roster.current_class_id())
        shown = window.heatmap.model.rowCount()
        assert shown == len(students) == 30
        bench("evidence_grid_key_presses_for_30_pieces", presses, "keys")
        bench("evidence_grid_save_time_for_30_pieces", seconds * 1000, "ms")
        window.close()


def run(quick: bool) -> None:
    recalculation(quick)
    heatmap_paint(quick)
    grid_key_presses()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    run("--quick" in sys.argv)
