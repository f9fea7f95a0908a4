"""The ``plclassroom-server`` command: run the district server and administer it (users, enrolment
codes, devices, the roster)."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

DATABASE_ENV = "PLCLASSROOM_SERVER_DATABASE"
DATABASE_URL_ENV = "PLCLASSROOM_SERVER_DATABASE_URL"
DEFAULT_DATABASE = "district.sqlite"
ROLE_NAMES = {"teacher": "teacher", "advisor": "advisor", "school_admin": "principal",
              "district_admin": "district admin"}
FLAGS_EVERY = 3600.0  # seconds: serve checks this often whether the day's early-warning count is due


class CliError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    from plclassroom.services.district import ROLES

    parser = argparse.ArgumentParser(prog="plclassroom-server", description="The plclassroom district server.")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--database", type=Path, default=None,
                       help=f"the server's SQLite file (default: ${DATABASE_ENV}, else ./{DEFAULT_DATABASE})")
    where.add_argument("--database-url", default=None, metavar="URL",
                       help="a PostgreSQL database instead, for a large district: postgresql://USER@HOST:PORT/NAME "
                            f"(default: ${DATABASE_URL_ENV}; a password is best kept in ~/.pgpass or $PGPASSWORD)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    user = commands.add_parser("create-user", help="add a user who can enrol devices")
    user.add_argument("name")
    user.add_argument("--role", required=True, choices=ROLES)
    user.add_argument("--person-id", default=None, help="the user's person row (from the roster)")
    user.add_argument("--school", "--school-id", dest="school", default=None, metavar="SCHOOL",
                      help="the user's school, for a principal (school_admin): its id, code or name")
    code = commands.add_parser("enrol-code", help="issue a one-time code that enrols one device for a user")
    code.add_argument("user_id")
    code.add_argument("--days", type=int, default=7, help="how long the code is valid (default 7 days)")
    commands.add_parser("users", help="list the users")
    commands.add_parser("schools", help="list the schools (ids, codes, students)")
    commands.add_parser("devices", help="list the enrolled devices")
    revoke = commands.add_parser("revoke", help="stop a device syncing (it can enrol again with a new code)")
    revoke.add_argument("device_id")
    roster = commands.add_parser("import-roster", help="import a OneRoster package (zip or folder)")
    roster.add_argument("package", type=Path)
    roster.add_argument("--preview", action="store_true", help="only say what would change, write nothing")
    roster.add_argument("--valid-only", action="store_true", help="skip rows with problems instead of stopping")
    carried = commands.add_parser("import-bundle", help="import a laptop's USB sync bundle; write its return bundle")
    carried.add_argument("bundle", type=Path)
    carried.add_argument("--return-to", type=Path, default=None,
                         help="where to write the return bundle (default: beside it, NAME-return.plcbundle)")
    compact = commands.add_parser(
        "compact", help="tidy the change log and remove deleted rows every device has (housekeeping)",
        description="Keep only each row's latest change and remove deleted rows, up to the change every active "
                    "device has pulled. A revoked device never holds this back; a silent one does, until you "
                    "leave it behind: it then takes a fresh copy of its data at its next sync (its unsent work "
                    "is sent first, nothing is lost).")
    compact.add_argument("--silent-days", type=int, default=None, metavar="DAYS",
                         help="do not wait for devices that have not synced for this many days")
    compact.add_argument("--leave-behind", action="append", default=[], metavar="DEVICE_ID",
                         help="do not wait for this device (repeat for several)")
    password = commands.add_parser(
        "set-password", help="set a user's password for the web dashboard (/dashboard)",
        description="Read the password from standard input when it is not a terminal (one line), else ask for it "
                    "twice. At least 10 characters. The user's open dashboard sessions end.")
    password.add_argument("user", help="the user's id, or their name when no one else has it")
    rollups = commands.add_parser(
        "rollups", help="count the dashboard's early-warning flags (run nightly); --rebuild: all its figures",
        description="Count every school's early-warning flags for the dashboard (they change with the day: run "
                    "this nightly, from cron or a timer). Mastery figures follow each sync by themselves; "
                    "--rebuild recomputes them all from the records (an existing district, or after a scale's "
                    "levels or a framework's competencies changed).")
    rollups.add_argument("--rebuild", action="store_true", help="also recompute every mastery figure")
    serve = commands.add_parser("serve", help="run the server")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8765, help="the port (default 8765)")
    serve.add_argument("--cert", type=Path, default=None, help="TLS certificate (PEM)")
    serve.add_argument("--key", type=Path, default=None, help="TLS private key (PEM)")
    serve.add_argument("--rate-limit", type=int, default=600, help="requests per minute per device (default 600)")
    return parser


def database_url(args) -> str | None:
    """The PostgreSQL URL to use, if any: a --database file given on the command line wins over the
    environment's URL."""
    if args.database is not None:
        return None
    return args.database_url or os.environ.get(DATABASE_URL_ENV) or None


def database_path(args) -> Path:
    return args.database or Path(os.environ.get(DATABASE_ENV) or DEFAULT_DATABASE)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "never"


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    return "\n".join("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
                     for row in [header, *rows])


def create_user(store, args) -> int:
    from plclassroom.services import district

    with store.unit_of_work() as uow:
        school = district.find_school(uow, args.school) if args.school else None
        user_id = district.create_user(uow, args.name, args.role, args.person_id, school)
    print(f"Created {ROLE_NAMES[args.role]} {args.name.strip()} ({args.role}): user id {user_id}")
    laptop = f"plclassroom-server enrol-code {user_id}   (a one-time code for their laptop)"
    if args.role in ("school_admin", "district_admin"):
        print(f"Next: plclassroom-server set-password {user_id}   (to sign in to the web dashboard)")
        print(f"  and, if they sync a laptop too: {laptop}")
    else:
        print(f"Next: {laptop}")
    return 0


def schools(store, _args) -> int:
    from plclassroom.services import district

    with store.unit_of_work() as uow:
        found = district.list_schools(uow)
    if not found:
        print("No schools yet: import the roster (plclassroom-server import-roster PACKAGE).")
        return 0
    print(_table([[s.id, s.identifier or "-", s.name, str(s.students)] for s in found],
                 ["SCHOOL ID", "CODE", "NAME", "STUDENTS"]))
    return 0


def enrol_code(store, args) -> int:
    from plclassroom.services import district
    from plclassroom.store.district import DistrictUser

    if args.days < 1:
        raise CliError("--days must be at least 1.")
    expires = datetime.now(UTC) + timedelta(days=args.days)  # the stored expiry is a moment later
    with store.unit_of_work() as uow:
        code = district.issue_enrol_code(uow, args.user_id, timedelta(days=args.days))
        user = uow.session.get(DistrictUser, args.user_id)
    print(f"Enrolment code for {user.name} ({user.role}):\n\n    {code}\n")
    print(f"It works once, until {_when(expires)}. Type it into plclassroom on their laptop when it "
          "asks to connect to the district server; keep it private until then.")
    return 0


def users(store, _args) -> int:
    from plclassroom.services import district

    with store.unit_of_work() as uow:
        found = district.list_users(uow)
    if not found:
        print("No users yet. Add one: plclassroom-server create-user NAME --role teacher")
        return 0
    print(_table([[u.id, u.name, u.role, u.person_id or "-", u.school_id or "-", str(u.devices)] for u in found],
                 ["USER ID", "NAME", "ROLE", "PERSON", "SCHOOL", "DEVICES"]))
    return 0


def devices(store, _args) -> int:

    found = _devices(store)
    if not found:
        print("No devices enrolled yet. Issue a code: plclassroom-server enrol-code USER_ID")
        return 0
    print(_table([[d.id, d.name or "-", f"{d.user_name} ({d.role})", _when(d.created_at), _when(d.last_sync_at),
                   str(d.changes_pushed), "-" if d.pending is None else str(d.pending), str(d.pulled_seq),
                   "revoked " + _when(d.revoked_at) if d.revoked else "active"]
                  for d in found],
                 ["DEVICE ID", "NAME", "USER", "ENROLLED", "LAST SYNC", "PUSHED", "WAITING", "HAS UP TO", "STATUS"]))
    return 0


def revoke(store, args) -> int:
    from plclassroom.services import district

    with store.unit_of_work() as uow:
        device = district.revoke_device(uow, args.device_id)
    print(f"Revoked device {device.id} ({device.name or 'unnamed'}) of {device.user_name}: it can no longer "
          "sync. Its changes already on the server stay. To let it sync again, issue a new enrolment code.")
    return 0


def import_roster(store, args) -> int:
    from plclassroom.services import roster_import

    with store.unit_of_work() as uow:
        report = roster_import.preview_or_import(uow, args.package, args.preview, args.valid_only)
    lines, code = roster_import.terminal_lines(report, args.preview)
    print("\n".join(lines))
    publish(store)
    return code


def publish(store) -> int:
    """The server's own edits into the change log, where the laptops pull them."""
    from plclassroom.services import district_sync

    total = 0
    while True:
        with store.unit_of_work() as uow:
            done = district_sync.publish_local_changes(uow)
        if not done:
            break
        total += done
    if total:
        print(f"{total} changes are ready for the laptops to pull at their next sync.")
    return total


def import_bundle(store, args) -> int:
    from plclassroom.interop.atomic import atomic_write
    from plclassroom.services import district_bundles
    from plclassroom.sync.bundle import SUFFIX, BundleError

    if not args.bundle.is_file():
        raise CliError(f"{args.bundle} does not exist.")
    target = args.return_to or args.bundle.with_name(args.bundle.name.removesuffix(SUFFIX) + "-return" + SUFFIX)
    try:
        with store.unit_of_work() as uow:
            returned, done = district_bundles.import_bundle(uow, args.bundle.read_bytes())
    except BundleError as error:
        raise CliError(str(error)) from None
    with atomic_write(target) as handle:
        handle.write(returned)
    print(f"Imported the bundle of {done.device} ({done.user}): {done.accepted} changes taken, {done.refused} "
          f"refused.\nReturn bundle: {target} ({done.returned} changes for the laptop). Copy it back to the "
          "laptop and use File > Import return bundle.")
    return 0


def compact(store, args) -> int:
    known = {d.id for d in _devices(store)}
    unknown = [d for d in args.leave_behind if d not in known]
    if unknown:
        raise CliError(f"No enrolled device {unknown[0]}: see plclassroom-server devices.")
    if args.silent_days is not None and args.silent_days < 1:
        raise CliError("--silent-days must be 1 or more.")
    silent = timedelta(days=args.silent_days) if args.silent_days is not None else None
    done = housekeeping(store, args.leave_behind, silent)
    print(f"Compacted up to change {done.up_to_seq:,}: {done.log_removed:,} change-log entries and "
          f"{done.rows_purged:,} deleted rows removed; the change log holds {done.log_entries:,} entries.")
    behind = [d for d in done.devices if d.left_behind]
    if behind:
        print("\nLeft behind (each takes a fresh copy of its data at its next sync):")
        print(_table([[d.device_id, d.name or "-", d.user, _when(d.last_sync_at)] for d in behind],
                     ["DEVICE ID", "NAME", "USER", "LAST SYNC"]))
    waiting = done.waiting_for
    if waiting:
        print(f"\nWaiting for {len(waiting)} device(s) to sync before it can go further (up to change "
              f"{done.top_seq:,}):")
        print(_table([[d.device_id, d.name or "-", d.user, _when(d.last_sync_at), f"{d.pulled_seq:,}"]
                      for d in waiting], ["DEVICE ID", "NAME", "USER", "LAST SYNC", "HAS UP TO"]))
        print("\nA device that will not come back: revoke it. One away for long: --silent-days DAYS or "
              "--leave-behind DEVICE_ID.")
    return 0


def housekeeping(store, leave_behind=(), silent: timedelta | None = None):
    """Compact the change log and tombstones, and tidy old snapshot files away."""
    from plclassroom.services import district_housekeeping, district_snapshot

    with store.unit_of_work() as uow:
        done = district_housekeeping.compact(uow, leave_behind, silent)
    district_snapshot.tidy(district_snapshot.folder_for(store))
    return done


def count_flags_if_stale(store, today: date | None = None) -> int | None:
    """Count the early-warning flags when they were last counted before ``today`` (or never), so a
    server that is restarted daily needs no cron job for them; None when today's count stands."""
    from plclassroom.services import district_rollups

    with store.unit_of_work() as uow:
        return district_rollups.refresh_flags_if_stale(uow, today)


def set_password(store, args) -> int:
    import getpass

    from plclassroom.services import district_sessions

    if sys.stdin.isatty():
        password = getpass.getpass("New password: ")
        if getpass.getpass("Again: ") != password:
            raise CliError("The two passwords differ: nothing was changed.")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    with store.unit_of_work() as uow:
        user = district_sessions.set_password(uow, args.user, password)
    print(f"{user.name} ({user.role}) can now sign in to the dashboard at /dashboard.")
    return 0


def rollups(store, args) -> int:
    import time

    from plclassroom.services import district_rollups

    if args.rebuild:
        started = time.perf_counter()
        with store.unit_of_work() as uow:
            rows = district_rollups.rebuild(uow)
        print(f"Mastery figures rebuilt: {rows:,} student levels ({time.perf_counter() - started:.1f} s).")
    started = time.perf_counter()
    with store.unit_of_work() as uow:
        flagged = district_rollups.refresh_flags(uow)
    print(f"Early-warning flags counted: {flagged:,} students with a concern flag "
          f"({time.perf_counter() - started:.1f} s).")
    return 0


def _devices(store):
    from plclassroom.services import district

    with store.unit_of_work() as uow:
        return district.list_devices(uow)


def serve(store, args) -> int:
    import uvicorn

    from plclassroom.server.app import create_app
    from plclassroom.services import district_rollups

    if (args.cert is None) != (args.key is None):
        raise CliError("Give both --cert and --key for TLS, or neither.")
    for path in (args.cert, args.key):
        if path is not None and not path.is_file():
            raise CliError(f"{path} does not exist.")
    if args.cert is None and not _loopback(args.host):
        print(f"Warning: serving on {args.host} without TLS: device tokens and student data would cross the "
              "network unencrypted. Use --cert and --key, or a TLS proxy in front.", file=sys.stderr)
    publish(store)  # anything written here and not yet published (an import stopped half way)
    done = housekeeping(store)  # waiting for every active device: always safe
    if done.log_removed or done.rows_purged:
        print(f"Housekeeping: {done.log_removed:,} change-log entries and {done.rows_purged:,} deleted rows "
              "removed (plclassroom-server compact says which devices hold back more).")
    with store.unit_of_work() as uow:
        levels = district_rollups.rebuild_if_missing(uow)
    if levels is not None:
        print(f"Mastery figures for the dashboard built: {levels:,} student levels.")
    flagged = count_flags_if_stale(store)
    if flagged is not None:
        print(f"Early warning counted for the dashboard: {flagged:,} students with a concern flag.")
    scheme = "https" if args.cert else "http"
    print(f"plclassroom district server on {scheme}://{args.host}:{args.port} (database {store.location}); "
          "Ctrl+C stops it.")
    uvicorn.run(create_app(store, max_requests_per_minute=args.rate_limit, count_flags_every=FLAGS_EVERY),
                host=args.host, port=args.port,
                ssl_certfile=args.cert, ssl_keyfile=args.key, log_level="info", server_header=False)
    return 0


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


COMMANDS = {"create-user": create_user, "enrol-code": enrol_code, "users": users, "schools": schools, "devices": devices,
            "revoke": revoke, "import-roster": import_roster, "import-bundle": import_bundle, "compact": compact,
            "set-password": set_password, "rollups": rollups, "serve": serve}
NEEDS_EXISTING = {"enrol-code", "users", "schools", "devices", "revoke", "import-bundle", "compact", "set-password", "rollups"}


def main(argv: list[str] | None = None) -> int:
    from plclassroom.services.district import DistrictError
    from plclassroom.store.database import Store, StoreError

    args = build_parser().parse_args(argv)
    url = database_url(args)
    path = database_path(args)
    if url is None and args.command in NEEDS_EXISTING and not path.exists():
        # Not a new empty database in the wrong folder: say where we looked.
        print(f"plclassroom-server: there is no server database at {path.resolve()}. Pass --database, set "
              f"{DATABASE_ENV}, or start one with create-user or import-roster.", file=sys.stderr)
        return 2
    try:
        store = Store.open_url(url) if url else Store.open(path)
    except StoreError as error:
        print(f"plclassroom-server: {error}", file=sys.stderr)
        return 2
    try:
        return COMMANDS[args.command](store, args)
    except (DistrictError, CliError) as error:
        print(f"plclassroom-server: {error}", file=sys.stderr)
        return 2
    finally:
        store.close()
