"""The device's sync token lives in the operating system's keyring (Windows Credential Manager,
macOS Keychain, the Secret Service on Linux), never in a file or a log. Where the system has no
keyring, ``KeyringUnavailable`` says so and the app asks for enrolment each session, keeping the
token in memory only."""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backends import fail

SERVICE = "plclassroom-sync"


class KeyringUnavailable(RuntimeError):
    """No usable keyring on this system; the message is for the person."""


def _check() -> None:
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        raise KeyringUnavailable("This computer has no keyring to keep the sync token safely; the app will ask "
                                 "to enrol again each session instead of writing the token to disk.")


def _account(server_url: str, device_id: str) -> str:
    return f"{server_url.rstrip('/')}#{device_id}"


def save_token(server_url: str, device_id: str, token: str) -> None:
    _check()
    try:
        keyring.set_password(SERVICE, _account(server_url, device_id), token)
    except keyring.errors.KeyringError as error:
        raise KeyringUnavailable(f"The keyring refused to keep the sync token: {type(error).__name__}.") from None


def load_token(server_url: str, device_id: str) -> str | None:
    _check()
    try:
        return keyring.get_password(SERVICE, _account(server_url, device_id))
    except keyring.errors.KeyringError as error:
        raise KeyringUnavailable(f"The keyring could not be read: {type(error).__name__}.") from None


def forget_token(server_url: str, device_id: str) -> None:
    try:
        keyring.delete_password(SERVICE, _account(server_url, device_id))
    except keyring.errors.PasswordDeleteError:
        pass
