"""The app's log: rotating files in the user's log folder, set up once, at start-up (``cli.main``).

What goes in: the app's start and stop with its version, a sync's figures, an import's counts,
what a family's request did (counts), and errors by their kind and where they happened. What never
goes in: a student's name, a note, a profile's text, a token or an enrolment code. Code that logs
passes counts, kinds and table names, never values; exceptions are written as their type and
stack only, never their message (a database error's message quotes the row's values). A filter
blanks anything shaped like a bearer token or an enrolment code, as a last safety net; the real
guarantee is tests/ui/test_privacy_logs.py, which reads the log of a whole session on the demo
school for every student's name, note and the session's token.

``PLCLASSROOM_DATA_DIR`` (tests, portable installs) moves the log to ``logs/`` inside it.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

APP_NAME = "plclassroom"
LOG_FILE = "plclassroom.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 4  # plclassroom.log and .1 to .4: at most 5 MB
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# A district token (secrets.token_urlsafe(32): 43 URL-safe characters), anything after "Bearer",
# and an enrolment code (four groups of four of services/district.py's alphabet).
SECRETS = re.compile(r"(?i:bearer)\s+\S+|(?<![\w-])[\w-]{43}(?![\w-])"
                     r"|(?<![\w-])[A-HJ-NP-Z2-9]{4}(?:-[A-HJ-NP-Z2-9]{4}){3}(?![\w-])")
REDACTED = "[redacted]"

log = logging.getLogger(APP_NAME)


def log_dir() -> Path:
    override = os.environ.get("PLCLASSROOM_DATA_DIR")
    if override:
        return Path(override) / "logs"
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


class RedactSecrets(logging.Filter):
    """Blanks token- and code-shaped strings in a record's message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = SECRETS.sub(REDACTED, message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class KindOnlyFormatter(logging.Formatter):
    """Exceptions by their type and stack (file, line, function), without their message."""

    def formatException(self, ei) -> str:
        kind, _error, tb = ei
        frames = "".join(f"\n  {Path(frame.filename).name}:{frame.lineno} in {frame.name}"
                         for frame in traceback.extract_tb(tb))
        return f"{kind.__name__ if kind else 'Error'} at{frames}"

    def formatStack(self, stack_info: str) -> str:
        return ""


_handler: logging.Handler | None = None
_previous_hook = None


def setup(folder: Path | None = None, level: int = logging.INFO, excepthook: bool = True) -> Path:
    """Log to ``folder`` (the user log folder by default); again replaces the previous set-up.
    Returns the log file's path."""
    global _handler, _previous_hook
    shutdown()
    folder = Path(folder) if folder is not None else log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(KindOnlyFormatter(FORMAT))
    handler.addFilter(RedactSecrets())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "PIL", "matplotlib", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    _handler = handler
    if excepthook:
        _previous_hook = sys.excepthook
        sys.excepthook = _log_uncaught
    return path


def shutdown() -> None:
    """Close the log file (and stop logging to it)."""
    global _handler, _previous_hook
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
    if _previous_hook is not None:
        sys.excepthook = _previous_hook
        _previous_hook = None


def _log_uncaught(kind, error, tb) -> None:
    log.critical("unhandled error", exc_info=(kind, error, tb))
    (_previous_hook or sys.__excepthook__)(kind, error, tb)


def version() -> str:
    from plclassroom import __version__

    return __version__


def log_files(folder: Path | None = None) -> list[Path]:
    """The log and its rotated copies."""
    folder = Path(folder) if folder is not None else log_dir()
    return sorted(folder.glob(LOG_FILE + "*"))
