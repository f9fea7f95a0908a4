"""OneRoster import at district size: seconds to validate (preview) and to import, and peak memory.

Targets (issue 4): 50,000 students, 2,500 teachers, 12,000 classes, 300,000 enrollments
validated and imported in under 30 s each, in under 500 MB.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from oneroster_district import generate_district  # noqa: E402

PHASE = """
import resource, sys, time
from pathlib import Path
from plclassroom.services import roster_import
from plclassroom.store.database import Store
store = Store.open(Path(sys.argv[2]))
started = time.perf_counter()
with store.unit_of_work() as uow:
    if sys.argv[3] == "validate":
        report = roster_import.preview_roster(uow, Path(sys.argv[1]))
    else:
        report = roster_import.import_roster(uow, Path(sys.argv[1]))
seconds = time.perf_counter() - started
assert not report.fatal and not report.row_problems, report.summary()
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
      sum(c.added for c in report.counts.values()))
"""


def run(quick: bool) -> None:
    size = dict(students=5_000, teachers=250, classes=1_200, enrollments=30_000) if quick else {}
    label = f"{size.get('students', 50_000)}_students"
    with tempfile.TemporaryDirectory(prefix="plclassroom-bench-roster-") as tmp:
        package = generate_district(Path(tmp) / "district", **size)
        database = Path(tmp) / "school.sqlite"
        for phase in ("validate", "import"):
            out = subprocess.run([sys.executable, "-c", PHASE, str(package), str(database), phase],
                                 check=True, capture_output=True, text=True).stdout.split()
            seconds, peak_mb, rows = float(out[0]), float(out[1]), int(out[2])
            print(f"BENCH roster_{phase}_{label}_time {seconds:.3g} s", flush=True)
            print(f"BENCH roster_{phase}_{label}_peak_memory {peak_mb:.4g} MB", flush=True)
        print(f"BENCH roster_import_{label}_rows {rows} rows", flush=True)


if __name__ == "__main__":
    run("--quick" in sys.argv)
