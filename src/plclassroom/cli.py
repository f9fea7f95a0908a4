"""The ``plclassroom`` command: the desktop app, and tools around it."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="plclassroom", description="Offline-first personalised learning.")
    parser.add_argument("--demo", action="store_true", help="open the demo school (built on first use)")
    parser.add_argument("--profile", default=None, help="the user profile to open (default: 'default')")
    parser.add_argument("--database", type=Path, default=None, help="open this database file instead")
    parser.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation on a demo school in a temporary folder (offscreen), "
                             "print a report and exit: 0 when everything works")
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser("demo-data", help="build a demo district into a database file")
    demo.add_argument("--students", type=int, default=180, help="how many students (default 180)")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--out", type=Path, required=True, help="the database file to create")
    demo.add_argument("--as-of", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                      help="the day its calendar is set on (default today: recent evidence, a meeting due)")
    roster = commands.add_parser("import-roster", help="import a OneRoster package (zip or folder)")
    roster.add_argument("package", type=Path)
    roster.add_argument("--preview", action="store_true", help="only say what would change, write nothing")
    roster.add_argument("--valid-only", action="store_true", help="skip rows with problems instead of stopping")
    framework = commands.add_parser("import-framework", help="import a CASE JSON or OpenSALT CSV framework")
    framework.add_argument("file", type=Path)
    export = commands.add_parser("export", help="export a class's roster or mastery to CSV")
    export.add_argument("what", choices=("roster", "mastery"))
    export.add_argument("--class", dest="class_name", required=True,
                        help="the class: its title (as the app shows it), sourcedId or id")
    export.add_argument("--out", type=Path, required=True)
    restore = commands.add_parser("restore", help="put a backup in place of a database too damaged to open "
                                  "(the damaged file is kept beside the backup)")
    restore.add_argument("backup", type=Path, help="the backup file (.sqlite) to restore")
    return parser


def open_store(args):
    from plclassroom.store.database import Store
    from plclassroom.store.paths import profile_db_path

    return Store.open(args.database or profile_db_path(args.profile or ("demo" if args.demo else "default")))


def restore(args) -> int:
    """Put a backup in place of a database that no longer opens (the app's own File > Restore from
    backup needs the app to open first). The damaged file is kept aside in the backup's folder."""
    from plclassroom.services import backup
    from plclassroom.store.paths import profile_db_path

    live = args.database or profile_db_path(args.profile or ("demo" if args.demo else "default"))
    try:
        done = backup.restore_damaged(live, args.backup, args.backup.parent)
    except backup.BackupError as error:
        print(f"plclassroom: {error}", file=sys.stderr)
        return 2
    print("\n".join([f"Restored {args.backup.name} as {live}.", *done.checked.summary()]))
    if done.set_aside:
        print(f"The damaged database was kept as {done.set_aside}.")
    return 0


def import_roster(args) -> int:
    from plclassroom.services import roster_import
    from plclassroom.store.database import StoreError

    try:
        store = open_store(args)
    except StoreError as error:
        print(f"plclassroom: {error}", file=sys.stderr)
        return 2
    try:
        with store.unit_of_work() as uow:
            report = roster_import.preview_or_import(uow, args.package, args.preview, args.valid_only)
    finally:
        store.close()
    lines, code = roster_import.terminal_lines(report, args.preview)
    print("\n".join(lines))
    return code


def demo_data(students: int, seed: int, out: Path, as_of: date | None = None) -> int:
    from plclassroom.services.demo import build_demo_school
    from plclassroom.store.database import Store

    if out.exists():
        print(f"{out} exists already: choose a new file.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    store = Store.open(out)
    with store.unit_of_work(record_changes=False) as uow:
        summary = build_demo_school(uow, students=students, seed=seed, today=as_of or date.today())
        uow.commit()
    store.close()
    seconds = time.perf_counter() - started
    size = sum(p.stat().st_size for p in out.parent.glob(out.name + "*"))
    print(f"{summary.students} students, {summary.teachers} teachers, {summary.advisors} advisors, "
          f"{summary.classes} classes in {summary.schools} schools: {summary.rows} rows, "
          f"{size} bytes, {seconds:.1f} s -> {out}")
    return 0


def import_framework(args) -> int:
    from plclassroom.interop.case import CaseError
    from plclassroom.services import frameworks

    store = open_store(args)
    try:
        with store.unit_of_work() as uow:
            title, report = frameworks.import_framework_file(uow, args.file)
    except CaseError as error:
        print(f"Not imported: nothing was changed. {error}")
        return 1
    finally:
        store.close()
    print(f"{title}: {report.added} competencies added, {report.updated} updated, {report.unchanged} unchanged, "
          f"{report.retired} no longer in the file (kept).")
    return 0


def export(args) -> int:
    from plclassroom.domain import SchoolClass
    from plclassroom.services import exports, roster

    store = open_store(args)
    try:
        with store.unit_of_work() as uow:
            wanted = args.class_name
            matches = [c for c in roster.list_classes(uow) if wanted in (c.title, c.label, c.id)
                       or (uow.get(SchoolClass, c.id).source_id == wanted)]
            if len(matches) != 1:
                print(f"{len(matches)} classes match {wanted!r}: name one by its sourcedId or id.", file=sys.stderr)
                return 2
            write = exports.export_roster if args.what == "roster" else exports.export_mastery
            rows = write(uow, matches[0].id, args.out)
    finally:
        store.close()
    print(f"Exported {rows} rows to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = build_parser().parse_args(argv)
    if args.self_test:
        from plclassroom.ui.self_test import run_self_test

        return run_self_test()
    if args.command == "demo-data":
        return demo_data(args.students, args.seed, args.out, args.as_of)
    if args.command == "restore":
        return restore(args)
    if args.command == "import-roster":
        return import_roster(args)
    if args.command == "import-framework":
        return import_framework(args)
    if args.command == "export":
        return export(args)
    # No profile or file named: the app decides (the first start's questions, then the choice made there).
    profile = args.profile or ("demo" if args.demo else "default" if args.database else None)
    db_path = args.database
    from plclassroom import logs
    from plclassroom.ui.app import run

    logs.setup()  # the desktop app's log: rotating, in the user log folder (logs.py says what never goes in)
    logs.log.info("plclassroom %s starting (Python %s, %s)", logs.version(), sys.version.split()[0], sys.platform)
    code = run(db_path, profile, demo=args.demo, quit_when_ready=args.quit_when_ready, started=started)
    logs.log.info("plclassroom stopped (exit code %s)", code)
    return code
