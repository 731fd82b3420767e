"""The device secret in the OS keyring, with keyring's errors turned into vault errors.

Never falls back to a plaintext keyring: a backend that is not a real OS store is refused.
"""

from __future__ import annotations

import base64
import os

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from desktop_app.vault.errors import (
    DeviceSecretMissing,
    KeyringLocked,
    KeyringUnavailable,
)

DEFAULT_SERVICE = "Wijkteam Intake"
SECRET_LENGTH = 32

# Backends that keep secrets protected by the OS. keyrings.alt's file backends (plaintext or
# weakly encrypted files) and keyring's "fail"/"null" backends are refused.
_TRUSTED_BACKENDS = {
    "keyring.backends.SecretService.Keyring",
    "keyring.backends.Windows.WinVaultKeyring",
    "keyring.backends.macOS.Keyring",
    "keyring.backends.kwallet.DBusKeyring",
    "keyring.backends.kwallet.DBusKeyringKWallet4",
    "keyring.backends.libsecret.Keyring",
    "keyring.backends.chainer.ChainerBackend",
}


def keyring_service() -> str:
    # Tests and administrators may use a separate service name, so a test run never touches a
    # worker's real entries.
    return os.environ.get("WIJKTEAM_INTAKE_KEYRING_SERVICE", DEFAULT_SERVICE)


def backend_name(backend: KeyringBackend | None = None) -> str:
    b = backend or keyring.get_keyring()
    return f"{type(b).__module__}.{type(b).__name__}"


def usable_backend() -> KeyringBackend:
    backend = keyring.get_keyring()
    name = backend_name(backend)
    if name == "keyring.backends.chainer.ChainerBackend":
        if not getattr(backend, "backends", None):
            raise KeyringUnavailable(name)
        name = backend_name(backend.backends[0])  # type: ignore[attr-defined]
    if name not in _TRUSTED_BACKENDS:
        raise KeyringUnavailable(name)
    if name == "keyring.backends.Windows.WinVaultKeyring" and hasattr(backend, "persist"):
        # keyring's default is "enterprise" persistence: the credential roams with the Windows
        # profile to other machines. The device secret must stay on this laptop.
        backend.persist = "local machine"  # type: ignore[attr-defined]
    return backend


def _translate(err: Exception) -> Exception:
    if isinstance(err, keyring.errors.NoKeyringError):
        return KeyringUnavailable(type(err).__name__)
    if isinstance(err, keyring.errors.KeyringLocked):
        return KeyringLocked(type(err).__name__)
    if isinstance(err, keyring.errors.InitError):
        # Secret Service reports a dismissed unlock prompt this way.
        return KeyringLocked(type(err).__name__)
    if isinstance(err, keyring.errors.KeyringError):
        return KeyringUnavailable(type(err).__name__)
    # jeepney/secretstorage raise their own errors when no D-Bus session exists.
    return KeyringUnavailable(type(err).__name__)


def store_secret(entry: str, secret: bytes) -> None:
    backend = usable_backend()
    try:
        backend.set_password(keyring_service(), entry, base64.b64encode(secret).decode("ascii"))
    except Exception as err:
        raise _translate(err) from None


def load_secret(entry: str) -> bytes:
    backend = usable_backend()
    try:
        value = backend.get_password(keyring_service(), entry)
    except Exception as err:
        raise _translate(err) from None
    if value is None:
        raise DeviceSecretMissing(entry)
    try:
        secret = base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
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
    backend = usable_backend()
    try:
        backend.delete_password(keyring_service(), entry)
    except keyring.errors.PasswordDeleteError:
        return
    except Exception as err:
        raise _translate(err) from None


def new_secret() -> bytes:
    return os.urandom(SECRET_LENGTH)
