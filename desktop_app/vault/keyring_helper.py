"""The keyring client, run as a short-lived child process of the program (vault/secrets.py is
the parent side).

Why a process of its own: the OS keyring clients are heavy. On Linux, keyring with its
Secret Service backend brings secretstorage, cryptography's Rust/OpenSSL module, jaraco, email,
http and ssl: 14–16 MB that would otherwise stay in the program for the whole working day,
although the keyring is only needed for a fraction of a second when unlocking, creating a
profile or replacing the device secret. The child also keeps the Secret Service's D-Bus session
out of the long-running program.

Protocol, one JSON object per line, over the child's stdin and stdout (anonymous pipes: the
secret never touches the disk):
- the child starts with `{"ready": true}` once keyring and its backend are loaded;
- requests `{"op": "load" | "store" | "delete" | "backend", "service": …, "entry": …,
  "secret": base64}`;
- answers `{"ok": true, …}` or `{"ok": false, "error": "KeyringLocked" | "KeyringUnavailable"
  | "DeviceSecretMissing", "detail": …}`. Details name exception types, never values.
The child ends when its stdin closes (the parent is done, or died).

Never falls back to a plaintext keyring: a backend that is not a real OS store is refused.
"""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Any, BinaryIO

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

# Backends that keep secrets protected by the OS. keyrings.alt's file backends (plaintext or
# weakly encrypted files) and keyring's "fail"/"null" backends are refused.
TRUSTED_BACKENDS = frozenset({
    "keyring.backends.SecretService.Keyring",
    "keyring.backends.Windows.WinVaultKeyring",
    "keyring.backends.macOS.Keyring",
    "keyring.backends.kwallet.DBusKeyring",
    "keyring.backends.kwallet.DBusKeyringKWallet4",
    "keyring.backends.libsecret.Keyring",
    "keyring.backends.chainer.ChainerBackend",
})
CHAINER = "keyring.backends.chainer.ChainerBackend"


class Refused(Exception):
    def __init__(self, error: str, detail: str) -> None:
        super().__init__(detail)
        self.error = error
        self.detail = detail


def backend_name(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def usable_backend() -> KeyringBackend:
    backend = keyring.get_keyring()
    name = backend_name(backend)
    if name == CHAINER:
        if not getattr(backend, "backends", None):
            raise Refused("KeyringUnavailable", name)
        name = backend_name(backend.backends[0])  # type: ignore[attr-defined]
    if name not in TRUSTED_BACKENDS:
        raise Refused("KeyringUnavailable", name)
    if name == "keyring.backends.Windows.WinVaultKeyring" and hasattr(backend, "persist"):
        # keyring's default is "enterprise" persistence: the credential roams with the Windows
        # profile to other machines. The device secret must stay on this laptop.
        backend.persist = "local machine"
    return backend


def _refusal(err: Exception) -> Refused:
    kind = type(err).__name__
    if isinstance(err, keyring.errors.KeyringLocked | keyring.errors.InitError):
        # Secret Service reports a dismissed unlock prompt as InitError.
        return Refused("KeyringLocked", kind)
    # NoKeyringError, other KeyringErrors, and jeepney/secretstorage's own errors when no D-Bus
    # session exists: no usable keyring.
    return Refused("KeyringUnavailable", kind)


def handle(request: dict[str, Any]) -> dict[str, Any]:
    """One request → one answer (never raises for keyring trouble)."""
    op = request.get("op")
    try:
        backend = usable_backend()
        if op == "backend":
            inner = getattr(backend, "backends", None) or ()
            return {"ok": True, "backend": backend_name(backend),
                    "inner": [backend_name(b) for b in inner]}
        service, entry = str(request["service"]), str(request["entry"])
        if op == "load":
            value = backend.get_password(service, entry)
            if value is None:
                raise Refused("DeviceSecretMissing", entry)
            return {"ok": True, "secret": value}
        if op == "store":
            backend.set_password(service, entry, str(request["secret"]))
            return {"ok": True}
        if op == "delete":
            # Already gone is fine: crash recovery repeats deletions.
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                backend.delete_password(service, entry)
            return {"ok": True}
        raise Refused("KeyringUnavailable", f"unknown request {op!r}")
    except Refused as refused:
        return {"ok": False, "error": refused.error, "detail": refused.detail}
    except Exception as err:  # every backend failure becomes a clear refusal
        failure = _refusal(err)
        return {"ok": False, "error": failure.error, "detail": failure.detail}


def serve(requests: BinaryIO, answers: BinaryIO) -> int:
    def send(message: dict[str, Any]) -> None:
        answers.write(json.dumps(message).encode("ascii") + b"\n")
        answers.flush()

    # Backend discovery (imports secretstorage, cryptography, …) before saying ready, so a
    # pre-started helper answers the first request at once.
    with contextlib.suppress(Exception):  # reported per request by usable_backend()
        keyring.get_keyring()
    send({"ready": True})
    for line in requests:
        try:
            request = json.loads(line)
        except ValueError:
            return 2
        send(handle(request))
    return 0


def main() -> int:
    # Binary pipes; in a windowed frozen app sys.stdin/stdout may be None, the descriptors
    # are still the pipes the parent gave.
    import os

    requests = sys.stdin.buffer if sys.stdin is not None else os.fdopen(0, "rb")
    # The answers get a copy of the pipe of their own, and standard output becomes standard
    # error: whatever a keyring backend or a library prints cannot corrupt the protocol.
    answers: BinaryIO
    try:
        answers = os.fdopen(os.dup(1), "wb")
        os.dup2(2, 1)
        sys.stdout = sys.stderr
    except OSError:  # no standard error to move to: answer on standard output as it is
        answers = sys.stdout.buffer if sys.stdout is not None else os.fdopen(1, "wb")
    return serve(requests, answers)


if __name__ == "__main__":
    raise SystemExit(main())
