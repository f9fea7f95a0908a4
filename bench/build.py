"""Figures of the built desktop app (issue 10): the Linux one-folder build of installers/plclassroom.spec.

- ``linux_build_seconds``: PyInstaller's build into a temporary folder (when this run builds it);
- ``linux_build_bytes``, ``linux_build_files``: the built folder (dist/plclassroom): regular files,
  each counted once (symbolic links are not);
- ``linux_build_targz_bytes`` (full only): the folder as a .tar.gz, about what a school downloads;
- ``built_cold_start_to_window_median``: the whole process, from exec to the main window showing
  the demo school's first class (``--demo --quit-when-ready``, offscreen, a temporary data folder),
  median of 5 runs after a first one that builds the demo school (as bench/run.py's
  ``cold_start`` does for the app run from source). A new process each time; the operating
  system's file cache is warm after the first run;
- ``built_cold_start_in_process_median``: what the program itself reports (from main() to the window);
- ``built_peak_memory_demo_window_median``: the peak resident memory (RSS) of those runs, which open
  the demo school and show its window: median of 5.

Full (bench/run.py): builds from the working tree into a temporary folder. ``--quick`` reuses an
existing build (``--build-dir``, default dist/plclassroom from ``pyinstaller installers/plclassroom.spec``)
and, when there is none, skips these figures rather than spend two minutes building.

    .venv/bin/python bench/build.py [--quick] [--build-dir dist/plclassroom] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bench  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installers" / "plclassroom.spec"
DEFAULT_BUILD = ROOT / "dist" / "plclassroom"


def build(work: Path) -> Path:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
                   check=True, capture_output=True, cwd=work)
    bench("linux_build_seconds", time.perf_counter() - started, "s")
    return work / "dist" / "plclassroom"


def folder_size(folder: Path, tarball: Path | None) -> None:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    bench("linux_build_bytes", sum(p.stat().st_size for p in files), "bytes")
    bench("linux_build_files", len(files), "files")
    if tarball is not None:
        with tarfile.open(tarball, "w:gz") as tar:
            tar.add(folder, arcname=folder.name)
        bench("linux_build_targz_bytes", tarball.stat().st_size, "bytes")


def timed_run(command: list[str], env: dict, out: Path) -> tuple[float, str, float]:
    """One run of the program: wall seconds, what it printed, its peak RSS in MB (from wait4)."""
    with open(out, "w+") as stdout:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=stdout, stderr=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise RuntimeError(f"{command} exited with {process.returncode}")
        stdout.seek(0)
        return wall, stdout.read(), usage.ru_maxrss / 1024


def cold_start(program: Path, work: Path, runs: int) -> None:
    data = work / "data"
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PLCLASSROOM_DATA_DIR"] = str(data)
    env["XDG_CONFIG_HOME"] = str(data / "config")
    env["XDG_CACHE_HOME"] = str(data / "cache")
    command = [str(program), "--demo", "--quit-when-ready"]
    timed_run(command, env, work / "first.txt")  # the first run builds the demo school
    wall, ready, peak = [], [], []
    for _ in range(runs):
        seconds, printed, peak_mb = timed_run(command, env, work / "run.txt")
        wall.append(seconds)
        ready.append(float(printed.split("READY ")[1].split(" ms")[0]))
        peak.append(peak_mb)
    bench("built_cold_start_to_window_median", statistics.median(wall) * 1000, "ms")
    bench("built_cold_start_in_process_median", statistics.median(ready), "ms")
    bench("built_peak_memory_demo_window_median", statistics.median(peak), "MB")


def run(quick: bool, build_dir: Path | None = None, runs: int = 5) -> None:
    if not sys.platform.startswith("linux"):
        print("bench/build.py: the Linux build only; skipped", flush=True)
        return
    with tempfile.TemporaryDirectory(prefix="plclassroom-bench-build-") as tmp:
        work = Path(tmp)
        folder = build_dir or (DEFAULT_BUILD if quick else None)
        if folder is None:
            folder = build(work)
        elif not (folder / "plclassroom").is_file():
            if build_dir is not None:
                raise SystemExit(f"{folder} holds no built plclassroom")
            print(f"bench/build.py: no build at {folder} (pyinstaller installers/plclassroom.spec makes one); "
                  "the build figures are skipped in --quick", flush=True)
            return
        folder_size(folder, None if quick else work / "plclassroom-linux.tar.gz")
        cold_start(folder / "plclassroom", work, runs)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="reuse an existing build; no .tar.gz")
    parser.add_argument("--build-dir", type=Path, help="measure this built folder (dist/plclassroom) instead of building")
    parser.add_argument("--runs", type=int, default=5, help="program runs for the medians (default 5)")
    args = parser.parse_args()
    run(args.quick, args.build_dir, args.runs)
