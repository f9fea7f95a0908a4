"""Playlist figures (issue 5): showing the class progress board for 35 students on 6 playlists of
12 items (target: under 100 ms), and the key presses to record progress for 35 students x 12 items.
Path suggestions are in bench/paths.py."""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bench, class_of_35, demo_school, qt_app  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")




def run(quick: bool) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from plclassroom.services import mastery, playlists
    from plclassroom.ui.app import open_window

    qt_app()
    with demo_school() as store:
        class_id = class_of_35(store)
        with store.unit_of_work() as uow:
            competencies = mastery.class_mastery(uow, class_id).competencies
        assignments = []
        for number in range(6):
            with store.unit_of_work() as uow:
                pid = playlists.create_playlist(uow, f"Playlist {number + 1}", class_id=class_id,
                                                competency_ids=[competencies[number % len(competencies)].id])
            for item in range(12):
                with store.unit_of_work() as uow:
                    playlists.add_item(uow, pid, f"Item {item + 1}", "checkpoint" if item == 11 else "practice",
                                       competency_id=competencies[0].id if item == 11 else None)
            with store.unit_of_work() as uow:
                assignments += playlists.assign(uow, pid, class_id, start_date=date(2026, 11, 2),
                                                due_date=date(2026, 11, 27))
        window = open_window(store, "bench")
        window.resize(1360, 860)
        window.show()
        window.tabs.setCurrentWidget(window.playlists)
        panel = window.playlists
        assert sum(len(r.playlists) for r in panel.board) == 35 * 6
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            panel.refresh_board(today=date(2026, 11, 23))
            QApplication.processEvents()
            runs.append(time.perf_counter() - started)
        bench("playlist_board_35_students_6_playlists_12_items", statistics.median(runs) * 1000, "ms")

        panel.tabs.setCurrentIndex(1)
        grid = panel.progress
        grid.setFocus()
        started = time.perf_counter()
        QTest.keyClick(grid, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select every cell
        QTest.keyClick(grid, "w")  # everyone is working on everything
        presses = 2
        seconds = time.perf_counter() - started
        with store.unit_of_work() as uow:
            marked = len([1 for row in playlists.class_board(uow, class_id) for p in row.playlists
                          if p.playlist_id == panel.current_playlist_id() for _b, _v, s in p.items if s == "working"])
        assert marked == 35 * 12, marked
        bench("playlist_progress_35x12_key_presses", presses, "keys")
        bench("playlist_progress_35x12_save_time", seconds * 1000, "ms")
        window.close()


if __name__ == "__main__":
    run("--quick" in sys.argv)
