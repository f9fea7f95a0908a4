"""What every benchmark shares: the one output format, and a demo school opened in the window."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def bench(name: str, value: float, unit: str) -> None:
    """One figure, as one line: BENCH <name> <value> <unit>."""
    print(f"BENCH {name} {value:.4g} {unit}", flush=True)


def median_ms(call, runs: int) -> float:
    """The median time of ``runs`` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


@contextmanager
def demo_school(students: int = 180) -> Iterator:
    """A Store holding the demo school, in a temporary folder (settings there too)."""
    from plclassroom.services import demo
    from plclassroom.store.database import Store

    with tempfile.TemporaryDirectory(prefix="plclassroom-bench-") as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp
        store = Store.open(Path(tmp) / "demo.sqlite")
        with store.unit_of_work(record_changes=False) as uow:
            demo.build_demo_school(uow, students=students)
            uow.commit()
        try:
            yield store
        finally:
            store.close()


def class_of_35(store) -> str:
    """The demo's first class made a class of 35 (five students of the second class join it), as the
    issues' targets speak of; returns its id."""
    from plclassroom.domain import Enrollment
    from plclassroom.services import roster

    with store.unit_of_work() as uow:
        section, other = roster.list_classes(uow)[:2]
        for student in roster.list_students(uow, other.id)[:5]:
            uow.add(Enrollment(class_id=section.id, person_id=student.id, role="student"))
        uow.commit()
    return section.id


def demo_template(folder: Path, students: int = 180) -> Path:
    """The demo school as a SQLite file in ``folder`` (``demo.sqlite``), to copy for laptops and servers."""
    from plclassroom.services.demo import build_demo_school
    from plclassroom.store.database import Store

    path = folder / "demo.sqlite"
    store = Store.open(path)
    try:
        with store.unit_of_work(record_changes=False) as uow:
            build_demo_school(uow, students=students)
            uow.commit()
    finally:
        store.close()
    return path


def qt_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv)
