"""USB sync bundle figures (issue 9): a teacher's week (5,000 changes; --quick: 1,000, made as
bench/sync.py makes them) carried as a bundle file, on copies of the demo school (SQLite) for the
laptop and for the district server:

- the laptop's bundle: bytes, bytes per change, and against the network push of the same week
  (target: a ratio of at most 1). The network figure is measured, not computed: a second laptop
  holding the same week (same generator, fresh ids) syncs with ``services.sync.sync_now`` over real
  HTTP on loopback to its own fresh district server, and its report's bytes_sent + bytes_received
  count, as bench/sync.py's ``sync_week_*_push_bytes`` does (HTTP headers and the sync's empty pull
  included);
- seconds to export the bundle (``export_bundle``), to import it at the district
  (``import_bundle``, writing the return bundle's bytes to a file included), and to import the
  return bundle on the laptop (``import_return_bundle``, reading the file included); the return
  bundle's bytes. The run is checked: every change accepted, the laptop's outbox empty afterwards.

    .venv/bin/python bench/bundles.py [--quick]
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import bench, demo_template  # noqa: E402
from sync import _laptop, _week_of_changes  # noqa: E402


def _enrolled(server, laptop) -> str:
    """A real token for ``laptop`` from ``server`` (a bundle's key is derived from it)."""
    from plclassroom.services import district

    with server.unit_of_work() as uow:
        user = district.create_user(uow, "Bench", "district_admin")
    with server.unit_of_work() as uow:
        code = district.issue_enrol_code(uow, user)
    with server.unit_of_work() as uow:
        token, _user = district.enrol(uow, code, laptop.device_id, "Bench laptop")
    return token


def _outbox(store) -> int:
    with sqlite3.connect(store.path) as db:
        return db.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]


def _network_push_bytes(work: Path, template: Path, total: int) -> int:
    """Bytes on the wire for the same week pushed by a network sync (see the module docstring)."""
    from tests.server.conftest import serving

    from plclassroom.services import sync as sync_service

    server = _laptop(template, work / "network-district.sqlite")
    laptop = _laptop(template, work / "network-laptop.sqlite")
    try:
        made, _received = _week_of_changes(laptop, total)
        token = _enrolled(server, laptop)
        with serving(server) as live:
            push = sync_service.sync_now(laptop, live.base_url, token)
        assert push.pushed == made and push.rejected == 0 and _outbox(laptop) == 0, push
        return push.bytes_sent + push.bytes_received
    finally:
        laptop.close()
        server.close()


def run(quick: bool) -> None:
    from plclassroom.services import district_bundles
    from plclassroom.services import sync as sync_service

    total = 1000 if quick else 5000
    with tempfile.TemporaryDirectory(prefix="plclassroom-bench-bundles-") as tmp:
        work = Path(tmp)
        template = demo_template(work)

        server = _laptop(template, work / "district.sqlite")
        laptop = _laptop(template, work / "laptop.sqlite")
        try:
            made, _received = _week_of_changes(laptop, total)
            token = _enrolled(server, laptop)
            waiting = _outbox(laptop)
            path = work / "week.plcbundle"
            started = time.perf_counter()
            exported = sync_service.export_bundle(laptop, token, path)
            export_s = time.perf_counter() - started
            assert exported == made == waiting, (exported, made, waiting)
            size = path.stat().st_size

            returned_path = work / "week-return.plcbundle"
            started = time.perf_counter()
            with server.unit_of_work() as uow:
                returned, imported = district_bundles.import_bundle(uow, path.read_bytes())
            returned_path.write_bytes(returned)
            district_s = time.perf_counter() - started
            assert imported.accepted == made and imported.refused == 0, imported

            started = time.perf_counter()
            report = sync_service.import_return_bundle(laptop, token, returned_path.read_bytes())
            laptop_s = time.perf_counter() - started
            assert report.pushed == made and report.rejected == 0 and _outbox(laptop) == 0, report
        finally:
            laptop.close()
            server.close()

        wire = _network_push_bytes(work, template, total)
        bench("bundle_week_bytes", size, "bytes")
        bench("bundle_bytes_per_change", size / made, "bytes")
        bench("bundle_week_changes", made, "changes")
        bench("bundle_network_push_bytes", wire, "bytes")
        bench("bundle_vs_network_push_ratio", size / wire, "x")
        bench("bundle_export_seconds", export_s, "s")
        bench("bundle_district_import_seconds", district_s, "s")
        bench("bundle_return_bytes", len(returned), "bytes")
        bench("bundle_return_changes", imported.returned, "changes")
        bench("bundle_laptop_import_seconds", laptop_s, "s")


if __name__ == "__main__":
    run("--quick" in sys.argv)
