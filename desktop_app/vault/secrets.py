"""The device secret in the OS keyring, with the keyring's refusals turned into vault errors.

The keyring client itself runs in a short-lived child process (vault/keyring_helper.py: why,
and the protocol). This module is the program's side: it starts the helper when one is needed,
or earlier with `prestart()` so unlocking does not wait for it, sends requests over the
helper's pipes and lets it end a little while after the last request. Never falls back to a
plaintext keyring: the helper refuses backends that are not a real OS store.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.vault.errors import (
    DeviceSecretMissing,
    KeyringLocked,
    KeyringUnavailable,
    VaultError,
)

DEFAULT_SERVICE = "Wijkteam Intake"
SECRET_LENGTH = 32
# How long a helper stays after its last request: the steps of one task (store the new secret,
# then delete the old one; the doctor's probe) share one helper.
LINGER_SECONDS = 3.0
HELPER_ARGUMENT = "_keyring-helper"
# Environment that decides which backend the helper picks: a helper started under other values
# is not reused (administrators and tests may change them).
_BACKEND_ENVIRONMENT = ("PYTHON_KEYRING_BACKEND", "PYTHONPATH", "DBUS_SESSION_BUS_ADDRESS",
                        "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME")

_ERRORS: dict[str, type[VaultError]] = {
    "KeyringLocked": KeyringLocked,
    "KeyringUnavailable": KeyringUnavailable,
    "DeviceSecretMissing": DeviceSecretMissing,
}


def keyring_service() -> str:
    # Tests and administrators may use a separate service name, so a test run never touches a
    # worker's real entries.
    return os.environ.get("WIJKTEAM_INTAKE_KEYRING_SERVICE", DEFAULT_SERVICE)


def helper_command() -> list[str]:
    """How to start the helper: this Python with the helper module, or in the bundle the
    console executable (beside the windowed one) with a hidden argument."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable)
        console = exe.with_name("wijkteam-intake" + exe.suffix)
        return [str(console if console.is_file() else exe), HELPER_ARGUMENT]
    # -P: the working directory is not put on the module path, so a stray keyring.py or
    # secretstorage.py where the program was started cannot see the secret.
    return [sys.executable, "-P", "-m", "desktop_app.vault.keyring_helper"]


class _Helper:
    def __init__(self) -> None:
        self.environment = _environment_key()
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console flash on Windows
        try:
            self.process = subprocess.Popen(
                helper_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, creationflags=flags)
        except OSError as err:
            raise KeyringUnavailable(f"keyring helper: {type(err).__name__}") from None
        self.ready = False

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            code = self.process.poll()
            raise KeyringUnavailable(f"keyring helper stopped (exit {code})")
        try:
            answer = json.loads(line)
        except ValueError:
            raise KeyringUnavailable("keyring helper: unreadable answer") from None
        if not isinstance(answer, dict):
            raise KeyringUnavailable("keyring helper: unreadable answer")
        return answer

    def wait_ready(self) -> None:
        if not self.ready:
            if not self._read().get("ready"):
                raise KeyringUnavailable("keyring helper did not start")
            self.ready = True

    def call(self, request: dict[str, Any]) -> dict[str, Any]:
        self.wait_ready()
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps(request).encode("ascii") + b"\n")
            self.process.stdin.flush()
        except OSError:
            raise KeyringUnavailable(f"keyring helper stopped (exit {self.process.poll()})") \
                from None
        answer = self._read()
        if answer.get("ok"):
            return answer
        error = _ERRORS.get(str(answer.get("error")), KeyringUnavailable)
        raise error(str(answer.get("detail", "")))

    def alive(self) -> bool:
        return self.process.poll() is None and self.environment == _environment_key()

    def close(self) -> None:
        try:
            if self.process.stdin is not None:
                self.process.stdin.close()
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


def _environment_key() -> tuple[str | None, ...]:
    return tuple(os.environ.get(name) for name in _BACKEND_ENVIRONMENT)


_lock = threading.RLock()
_helper: _Helper | None = None
_closer: threading.Timer | None = None


def _current() -> _Helper:
    """The running helper, or a new one (called with _lock held)."""
    global _helper
    if _closer is not None:
        _closer.cancel()
    if _helper is not None and not _helper.alive():
        _helper.close()
        _helper = None
    if _helper is None:
        _helper = _Helper()
    return _helper


def _close_later() -> None:
    global _closer
    if _closer is not None:
        _closer.cancel()
    _closer = threading.Timer(LINGER_SECONDS, release)
    _closer.daemon = True
    _closer.start()


def _request(op: str, **fields: str) -> dict[str, Any]:
    with _lock:
        try:
            return _current().call({"op": op, **fields})
        except KeyringUnavailable:
            release()  # a broken helper is not reused
            raise
        finally:
            if _helper is not None:
                _close_later()


def prestart() -> None:
    """Start a helper now (it loads the keyring client in the background) so the next request
    does not wait for it. Cheap when one is already running. A pre-started helper waits for
    its first request as long as needed (the worker is typing the passphrase)."""
    with _lock:
        try:
            _current()
        except KeyringUnavailable:
            return  # reported by the request that needs it


def wait_until_ready() -> None:
    """Block until a (pre-started) helper has loaded the keyring client (benchmark)."""
    with _lock:
        _current().wait_ready()


def release() -> None:
    """End the helper now (after the last request, when locking, at exit)."""
    global _helper, _closer
    with _lock:
        if _closer is not None:
            _closer.cancel()
            _closer = None
        if _helper is not None:
            _helper.close()
            _helper = None


def helper_running() -> bool:
    with _lock:
        return _helper is not None and _helper.process.poll() is None


@dataclass(frozen=True)
class BackendInfo:
    name: str  # e.g. keyring.backends.SecretService.Keyring
    inner: tuple[str, ...]  # the backends a chainer combines

    def describe(self) -> str:
        return f"{self.name} → {', '.join(self.inner)}" if self.inner else self.name


def backend() -> BackendInfo:
    """The keyring backend the helper uses; KeyringUnavailable when it is not a real OS store
    (the detail names the backend keyring chose, e.g. keyring.backends.fail.Keyring)."""
    answer = _request("backend")
    return BackendInfo(str(answer["backend"]), tuple(str(n) for n in answer.get("inner", ())))


def store_secret(entry: str, secret: bytes) -> None:
    _request("store", service=keyring_service(), entry=entry,
             secret=base64.b64encode(secret).decode("ascii"))


def load_secret(entry: str) -> bytes:
    value = _request("load", service=keyring_service(), entry=entry).get("secret")
    if not isinstance(value, str):
        raise DeviceSecretMissing("entry is not a device secret")
    try:
        secret = base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError, binascii.Error):
        raise DeviceSecretMissing("entry is not a device secret") from None
    if len(secret) != SECRET_LENGTH:
        raise DeviceSecretMissing("entry has the wrong length")
    return secret


def secret_exists(entry: str) -> bool:
    try:
        load_secret(entry)
    except DeviceSecretMissing:
        return False
    return True


def delete_secret(entry: str) -> None:
    """Delete an entry; an entry that is already gone is fine (crash recovery repeats this)."""
    _request("delete", service=keyring_service(), entry=entry)


def new_secret() -> bytes:
    return os.urandom(SECRET_LENGTH)
