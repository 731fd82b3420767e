"""The non-secret profile header (profiel.json): who the profile belongs to, the KDF salt and
parameters, which keyring entry holds the device secret, the key check, an unfinished key
change, and the failed-unlock counter (so restarting does not reset the growing delay).

Written atomically (temp file in the same folder, fsync, rename, fsync folder) and mirrored to a
reserve copy, so a crash or a damaged file never leaves the store without its salt.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop_app.vault.errors import DataFolderNotWritable, DiskFull, HeaderDamaged
from desktop_app.vault.kdf import KdfParameters
from desktop_app.vault.paths import HEADER_FORMAT, HEADER_FORMAT_VERSION

FORMAT = HEADER_FORMAT
FORMAT_VERSION = HEADER_FORMAT_VERSION


# Frozen, without slots: these classes are made while the unlock window starts, and slots
# double the cost of making a dataclass; there are only a few instances.
@dataclass(frozen=True)
class KeyMaterial:
    """Everything except the passphrase that is needed to rebuild a database key."""

    kdf: KdfParameters
    secret_entry: str  # keyring entry name (the service name is configured separately)
    key_check: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kdf": {
                "algorithm": self.kdf.algorithm,
                "version": self.kdf.version,
                "time_cost": self.kdf.time_cost,
                "memory_kib": self.kdf.memory_kib,
                "parallelism": self.kdf.parallelism,
                "salt": base64.b64encode(self.kdf.salt).decode("ascii"),
            },
            "secret_entry": self.secret_entry,
            "key_check": self.key_check,
        }

    @staticmethod
    def from_json(data: Any) -> KeyMaterial:
        kdf = data["kdf"]
        params = KdfParameters(
            salt=base64.b64decode(kdf["salt"], validate=True),
            time_cost=int(kdf["time_cost"]),
            memory_kib=int(kdf["memory_kib"]),
            parallelism=int(kdf["parallelism"]),
            algorithm=str(kdf["algorithm"]),
            version=int(kdf["version"]),
        )
        entry = str(data["secret_entry"])
        check = str(data["key_check"])
        if not entry or len(check) != 32 or any(c not in "0123456789abcdef" for c in check):
            raise ValueError("bad key material")
        return KeyMaterial(params, entry, check)


@dataclass(frozen=True)
class PendingKeyChange:
    """A key change that was started and may not have finished (crash recovery)."""

    reason: str  # "rotate" or "passphrase"
    material: KeyMaterial


@dataclass(frozen=True)
class ProfileHeader:
    profile_id: str
    worker_name: str
    created_at: str
    current: KeyMaterial
    secret_generation: int
    pending: PendingKeyChange | None = None
    failed_unlocks: int = 0
    last_failed_unlock_at: str | None = None
    failed_unlock_times: tuple[str, ...] = field(default_factory=tuple)
    passphrase_changed_at: str | None = None
    # Keyring entries no longer in use that still have to be deleted (a crash may come between
    # committing a new key and deleting the old secret).
    retired_secret_entries: tuple[str, ...] = field(default_factory=tuple)

    def with_changes(self, **changes: Any) -> ProfileHeader:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "profile_id": self.profile_id,
            "worker_name": self.worker_name,
            "created_at": self.created_at,
            "current": self.current.to_json(),
            "secret_generation": self.secret_generation,
            "pending": None
            if self.pending is None
            else {"reason": self.pending.reason, "material": self.pending.material.to_json()},
            "failed_unlocks": self.failed_unlocks,
            "last_failed_unlock_at": self.last_failed_unlock_at,
            "failed_unlock_times": list(self.failed_unlock_times),
            "passphrase_changed_at": self.passphrase_changed_at,
            "retired_secret_entries": list(self.retired_secret_entries),
        }

    @staticmethod
    def from_json(data: Any) -> ProfileHeader:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a profile header")
        if data.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"unsupported header version {data.get('format_version')!r}")
        pending_data = data.get("pending")
        pending = None
        if pending_data is not None:
            reason = str(pending_data["reason"])
            if reason not in ("rotate", "passphrase"):
                raise ValueError("bad pending reason")
            pending = PendingKeyChange(reason, KeyMaterial.from_json(pending_data["material"]))
        failed = int(data.get("failed_unlocks", 0))
        if failed < 0:
            raise ValueError("negative failure count")
        return ProfileHeader(
            profile_id=str(data["profile_id"]),
            worker_name=str(data["worker_name"]),
            created_at=str(data["created_at"]),
            current=KeyMaterial.from_json(data["current"]),
            secret_generation=int(data["secret_generation"]),
            pending=pending,
            failed_unlocks=failed,
            last_failed_unlock_at=data.get("last_failed_unlock_at"),
            failed_unlock_times=tuple(str(t) for t in data.get("failed_unlock_times", ())),
            passphrase_changed_at=data.get("passphrase_changed_at"),
            retired_secret_entries=tuple(
                str(e) for e in data.get("retired_secret_entries", ())
            ),
        )


def _parse(path: Path) -> ProfileHeader:
    raw = path.read_bytes()
    try:
        return ProfileHeader.from_json(json.loads(raw.decode("utf-8")))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as err:
        raise HeaderDamaged(f"{path.name}: {type(err).__name__}") from None


def read_header(path: Path, backup: Path) -> tuple[ProfileHeader, bool]:
    """Return the header and whether it came from the reserve copy."""
    try:
        return _parse(path), False
    except FileNotFoundError:
        primary_error: Exception = HeaderDamaged(f"{path.name} ontbreekt")
    except HeaderDamaged as err:
        primary_error = err
    try:
        return _parse(backup), True
    except (FileNotFoundError, HeaderDamaged):
        raise primary_error from None


def read_copy(path: Path) -> ProfileHeader | None:
    """One copy of the header, or None when it is missing or does not parse."""
    try:
        return _parse(path)
    except (OSError, HeaderDamaged):
        return None


def write_file_atomic(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename, fsync the folder: old or new, never half."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        if hasattr(os, "O_DIRECTORY"):
            dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except OSError as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if err.errno == 28:  # ENOSPC
            raise DiskFull(path.name) from None
        raise DataFolderNotWritable(err.strerror) from None


def write_header(path: Path, backup: Path, header: ProfileHeader) -> None:
    data = json.dumps(header.to_json(), indent=2, ensure_ascii=False).encode("utf-8")
    write_file_atomic(path, data)
    write_file_atomic(backup, data)
