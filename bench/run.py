"""Run every benchmark; each figure prints as one line: BENCH <name> <value> <unit>.

    .venv/bin/python bench/run.py            # full size (the 50,000-student district)
    .venv/bin/python bench/run.py --quick    # small sizes, for a quick look
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build  # noqa: E402
import bundles  # noqa: E402
import conferences  # noqa: E402
import dashboard  # noqa: E402
import early_warning  # noqa: E402
import frameworks  # noqa: E402
import housekeeping  # noqa: E402
import ingest  # noqa: E402
import mastery  # noqa: E402
import paths  # noqa: E402
import playlists  # noqa: E402
import roster_import  # noqa: E402
import rotation_planner  # noqa: E402
import rotations  # noqa: E402
import search  # noqa: E402
import snapshot  # noqa: E402
import sync  # noqa: E402
import verify  # noqa: E402
from common import bench  # noqa: E402


def child_env(data_dir: Path) -> dict:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PLCLASSROOM_DATA_DIR"] = str(data_dir)
    env["XDG_CONFIG_HOME"] = str(data_dir / "config")
    return env


def cold_start(work: Path, runs: int) -> None:
    """Whole process, from exec to a window showing the demo school's first class, median of N."""
    env = child_env(work / "cold")
    command = [sys.executable, "-m", "plclassroom", "--demo", "--quit-when-ready"]
    subprocess.run(command, env=env, check=True, capture_output=True)  # first run builds the demo
    wall, ready = [], []
    for _ in range(runs):
        started = time.perf_counter()
        out = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
        wall.append(time.perf_counter() - started)
        ready.append(float(out.split("READY ")[1].split(" ms")[0]))
    bench("cold_start_to_window_median", statistics.median(wall) * 1000, "ms")
    bench("cold_start_in_process_median", statistics.median(ready), "ms")


DEMO_BUILD = """
import resource, sys, time
from pathlib import Path
from plclassroom.services.demo import build_demo_school
from plclassroom.store.database import Store
out = Path(sys.argv[2])
started = time.perf_counter()
store = Store.open(out)
with store.unit_of_work(record_changes=False) as uow:
    summary = build_demo_school(uow, students=int(sys.argv[1]))
    uow.commit()
store.close()
seconds = time.perf_counter() - started
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(seconds, out.stat().st_size, summary.rows, peak_mb)
"""


def demo_build(work: Path, students: int) -> None:
    out = work / f"demo-{students}.sqlite"
    result = subprocess.run([sys.executable, "-c", DEMO_BUILD, str(students), str(out)], check=True,
                            capture_output=True, text=True, env=child_env(work))
    seconds, size, rows, peak_mb = result.stdout.split()
    bench(f"demo_build_{students}_students_time", float(seconds), "s")
    bench(f"demo_build_{students}_students_size", int(size) / 1e6, "MB")
    bench(f"demo_build_{students}_students_rows", int(rows), "rows")
    bench(f"demo_build_{students}_students_peak_memory", float(peak_mb), "MB")


def capture_overhead(work: Path, rows: int) -> None:
    """Outbox capture cost against the same ORM writes with capture switched off (best of 3)."""
    from plclassroom.domain import Person
    from plclassroom.store.database import Store

    def timed(record: bool, repeat: int) -> tuple[float, float]:
        best_insert = best_update = float("inf")
        for attempt in range(repeat):
            store = Store.open(work / f"capture-{record}-{attempt}.sqlite")
            with store.unit_of_work() as uow:
                if not record:
                    uow.session.info.pop("capture")  # a plain write: no stamps, no outbox
                people = [Person(given_name=f"Given{i}", family_name=f"Family{i}", grade="06") for i in range(rows)]
                started = time.perf_counter()
                uow.session.add_all(people)
                uow.commit()
                best_insert = min(best_insert, time.perf_counter() - started)
                started = time.perf_counter()
                for person in people:
                    person.preferred_name = "P" + person.given_name
                uow.commit()
                best_update = min(best_update, time.perf_counter() - started)
            store.close()
        return best_insert, best_update

    plain_insert, plain_update = timed(False, 3)
    captured_insert, captured_update = timed(True, 3)
    bench("capture_insert_plain", plain_insert / rows * 1e6, "us/row")
    bench("capture_insert_captured", captured_insert / rows * 1e6, "us/row")
    bench("capture_insert_overhead_ratio", captured_insert / plain_insert, "x")
    bench("capture_update_plain", plain_update / rows * 1e6, "us/row")
    bench("capture_update_captured", captured_update / rows * 1e6, "us/row")
    bench("capture_update_overhead_ratio", captured_update / plain_update, "x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plclassroom-bench-") as tmp:
        work = Path(tmp)
        cold_start(work, runs=5)
        demo_build(work, 5_000 if args.quick else 50_000)
        capture_overhead(work, 2_000 if args.quick else 20_000)
    roster_import.run(args.quick)
    frameworks.run(args.quick)
    mastery.run(args.quick)
    paths.run(args.quick)
    playlists.run(args.quick)
    search.run(args.quick)
    conferences.run(args.quick)
    early_warning.run(args.quick)
    rotations.run(args.quick)
    rotation_planner.run(args.quick)
    sync.run(args.quick)
    bundles.run(args.quick)
    ingest.run(args.quick)
    dashboard.run(args.quick)
    verify.run(args.quick)
    snapshot.run(args.quick)
    housekeeping.run(args.quick)
    build.run(args.quick)  # --quick: measures dist/plclassroom if built, else skips (a build takes minutes)


if __name__ == "__main__":
    main()
