"""Framework import timings: OpenSALT's Common Core ELA CSV and the CCSS Math 6.RP CASE JSON, each
read and imported into a fresh store, as a teacher's "Import framework" does.

    .venv/bin/python bench/frameworks.py [--quick]

Prints ``BENCH <name> <value> <unit>`` lines, like bench/run.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bench  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "case"
ELA_CSV = SAMPLES / "opensalt-ccsso-ela-items.csv"
MATH_JSON = SAMPLES / "opensalt-ccss-math-6rp.json"




def _import_once(work: Path, read) -> float:
    """Seconds to read the file and import it (one commit) into a new store."""
    from plclassroom.services.frameworks import import_framework
    from plclassroom.store.database import Store

    store = Store.open(work / f"frameworks-{time.perf_counter_ns()}.sqlite")
    try:
        started = time.perf_counter()
        with store.unit_of_work() as uow:
            import_framework(uow, read())
        return time.perf_counter() - started
    finally:
        store.close()


def run(quick: bool) -> None:
    """Median of 3 runs (1 with ``quick``), each into a fresh store in a temporary folder."""
    from plclassroom.interop.case import read_case_file
    from plclassroom.interop.opensalt_csv import read_opensalt_csv

    runs = 1 if quick else 3
    with tempfile.TemporaryDirectory(prefix="plclassroom-bench-frameworks-") as tmp:
        work = Path(tmp)
        ela = [_import_once(work, lambda: read_opensalt_csv(ELA_CSV, title="Common Core ELA")) for _ in range(runs)]
        math = [_import_once(work, lambda: read_case_file(MATH_JSON)) for _ in range(runs)]
    # The samples README says 1,188 items; the file holds 1,189 (tests/interop/test_opensalt_csv.py).
    bench("framework_import_ela_1189_items", statistics.median(ela), "s")
    bench("framework_import_ccss_6rp", statistics.median(math) * 1000, "ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one run of each instead of the median of three")
    run(parser.parse_args().quick)


if __name__ == "__main__":
    main()
