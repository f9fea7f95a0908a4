"""The app PIN: 4 to 12 digits, kept as a salted scrypt hash and checked in constant time.

A PIN is short: its hash guards it against a glance at the settings file, not against someone
who copies the file and tries every PIN (they could read the database beside it anyway). What
guards the lock screen is the wait after wrong tries (``lock.py``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re

from plclassroom.ui.i18n import tr

N, R, P = 2**14, 8, 1  # scrypt's cost: about 50 ms and 16 MB a try on a school laptop
LENGTH = 32


class PinError(ValueError):
    pass


def check_format(pin: str) -> str:
    if not re.fullmatch(r"[0-9]{4,12}", pin or ""):
        raise PinError(tr("A PIN is 4 to 12 digits."))
    return pin


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=LENGTH)


def hash_pin(pin: str) -> str:
    """The record to keep: "scrypt$n$r$p$salt$hash" (base64), with a fresh random salt."""
    check_format(pin)
    salt = os.urandom(16)
    digest = _scrypt(pin, salt, N, R, P)
    return "$".join(("scrypt", str(N), str(R), str(P), base64.b64encode(salt).decode(),
                     base64.b64encode(digest).decode()))


def matches(pin: str, record: str) -> bool:
    """Whether ``pin`` is the one ``record`` was made from (False for a damaged record)."""
    try:
        kind, n, r, p, salt, digest = record.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        found = _scrypt(pin or "", base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(found, expected)
