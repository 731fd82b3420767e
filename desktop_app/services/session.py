"""Profiles and sessions: the use cases before and around unlocking.

The GUI and the CLI call these; they never touch the vault directly. Errors are VaultError
subclasses with a Dutch `.message` and `.advice` ready to show.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.messages import Message, MessageError
from desktop_app.vault.errors import PassphraseRejected, UnlockDelayed
from desktop_app.vault.paths import ProfilePaths, data_root
from desktop_app.vault.profile_list import (
    Clock,
    ProfileSummary,
    list_profiles,
    system_clock,
    unlock_delay_remaining,
)

if TYPE_CHECKING:
    from desktop_app.domain.passphrase import PassphraseAssessment
    from desktop_app.vault import audit
    from desktop_app.vault.profiles import UnlockedProfile

# The vault proper (keyring, Argon2, SQLCipher) and the passphrase rules are imported when a
# profile is created or unlocked, not to show the unlock window.

__all__ = ["Clock", "LockIncomplete", "ProfileService", "ProfileSummary", "Session",
           "UnlockDelayed", "system_clock"]


class Session:
    """An unlocked profile. Everything that reads or writes resident data goes through a
    Session; `lock()` closes the store and wipes key material we hold."""

    def __init__(self, profile: UnlockedProfile) -> None:
        self._profile: UnlockedProfile | None = profile
        self._on_lock: list[Callable[[], object]] = []
        # What the municipality fixed (a read-only SettingSource, services/settings.py);
        # None until the municipal policy file is read.
        self.policy: Any = None

    @property
    def profile(self) -> UnlockedProfile:
        if self._profile is None:
            raise RuntimeError("session is locked")
        return self._profile

    @property
    def is_open(self) -> bool:
        return self._profile is not None

    @property
    def worker_name(self) -> str:
        return self.profile.header.worker_name

    @property
    def profile_id(self) -> str:
        return self.profile.profile_id

    @property
    def actor(self) -> str:
        """The pseudonymous id the logboek names this worker with."""
        return self.profile.actor

    @property
    def notices(self) -> list[Message]:
        """What the worker must be told after unlocking (the caseload shows them)."""
        return list(self.profile.notices)

    @property
    def clock(self) -> Clock:
        return self.profile.clock

    def now(self) -> dt.datetime:
        return self.profile.clock()

    def on_lock(self, callback: Callable[[], object]) -> None:
        self._on_lock.append(callback)

    # -- settings (only services/settings.py reads and writes these) --------------------------
    def stored_setting(self, key: str) -> Any:
        """The worker's stored value of a setting, or None. Use SettingsService: it knows the
        default and what the municipality fixed."""
        from desktop_app.vault.errors import StoreCorrupt

        try:
            raw = self.profile.store.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        except StoreCorrupt:
            # A damaged page under the settings: the defaults (and the municipality's fixed
            # values) apply, so the worker still gets the main window and the way out.
            return None
        return None if raw is None else json.loads(raw)

    def store_settings(self, values: dict[str, Any], action: str) -> None:
        """Store validated values in one transaction, each change with its logboek entry."""
        from desktop_app.vault import audit

        with self.profile.store.transaction() as store:
            for key, value in values.items():
                store.execute(
                    "INSERT INTO settings(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, json.dumps(value, ensure_ascii=False)),
                )
                audit.append(store, at=self.now(), actor=self.profile.actor, action=action)

    # -- key management --------------------------------------------------------------------
    def change_passphrase(self, old: str, new: str, repeat: str) -> None:
        if new != repeat:
            raise PassphraseRejected([Message("passphrase.new_not_equal")])
        self.profile.change_passphrase(old, new)

    def rotate_device_secret(self) -> None:
        self.profile.rotate_device_secret()

    def prepare_keyring(self) -> None:
        """About to change a key (the passphrase dialog is open): start the keyring helper
        process now, so the change does not wait for it to load."""
        self.profile.prepare_keyring()

    # -- audit ------------------------------------------------------------------------------
    def verify_audit_log(self) -> audit.AuditVerification:
        from desktop_app.vault import audit

        result = audit.verify(self.profile.store)
        self.profile.log("logboek.controleren", result="ok" if result.ok else "mislukt")
        return result

    def audit_entries(self, **filters: Any) -> list[audit.AuditEntry]:
        from desktop_app.vault import audit

        return audit.entries(self.profile.store, **filters)

    # -- locking ----------------------------------------------------------------------------
    def lock(self) -> None:
        """Lock, always: the store is closed and the keys wiped even when saving, the logboek
        entry or closing fails (an unwritable or damaged store). Such a failure is remembered
        (services/session.py: in memory and, where the folder allows, in a marker without
        personal data) and logged at the next unlock; then LockIncomplete is raised, after
        the session has ended."""
        if self._profile is None:
            return
        failures: list[str] = []
        for callback in list(self._on_lock):
            try:
                # E.g. flush pending autosaves while the store is still open; False: not saved.
                if callback() is False:
                    failures.append("NotSaved")
            except Exception as caught:
                failures.append(type(caught).__name__)
        profile, self._profile = self._profile, None
        self._on_lock.clear()
        try:
            profile.log("vergrendelen")
            # A full disk: kept in memory, which ends now. (A damaged store is never written
            # again; the worker was told about the damage itself.)
            if profile.unwritten_log and not profile.damaged:
                failures.append("DiskFull")
        except Exception as caught:
            failures.append(type(caught).__name__)
        finally:
            try:
                profile.close()
            except Exception as caught:
                failures.append(type(caught).__name__)
        if failures:
            _remember_lock_failure(profile.paths.folder.resolve(), profile.clock(), failures)
            raise LockIncomplete(Message("session.lock_incomplete"),
                                 Message("session.lock_incomplete.advice"),
                                 detail=", ".join(failures))


class LockIncomplete(MessageError):
    """Locked, but something on the way failed (saving, the logboek entry, closing the store).
    The session has ended all the same."""


# Locks that could not finish cleanly, per profile folder: logged at the next unlock. Only the
# moment and the kind of error (an exception's class name), nothing personal.
_LOCK_FAILURES: dict[Path, tuple[dt.datetime, str]] = {}
_LOCK_FAILURE_MARKER = "vergrendelen-mislukt.json"


def _remember_lock_failure(folder: Path, at: dt.datetime, failures: list[str]) -> None:
    errors = ", ".join(dict.fromkeys(failures))
    _LOCK_FAILURES[folder] = (at, errors)
    # Also on disk, for when the program is closed before the next unlock; the folder may
    # be the thing that is unwritable, then memory is all there is.
    with contextlib.suppress(OSError):
        (folder / _LOCK_FAILURE_MARKER).write_text(
            json.dumps({"at": at.isoformat(), "errors": errors}), encoding="utf-8")


def _log_earlier_lock_failure(session: Session) -> None:
    """Unlocked: log a lock that could not finish cleanly last time (memory or marker)."""
    folder = session.profile.paths.folder.resolve()
    marker = folder / _LOCK_FAILURE_MARKER
    found = _LOCK_FAILURES.get(folder)
    if found is None and marker.exists():
        try:
            data = json.loads(marker.read_text(encoding="utf-8"))
            found = (dt.datetime.fromisoformat(data["at"]), str(data["errors"]))
        except (OSError, ValueError, KeyError, TypeError):
            found = (session.now(), "onleesbare markering")
    if found is None:
        return
    at, errors = found
    from desktop_app.vault import audit  # the vault loads at unlock, not at start

    # Only known error class names go into the reason (audit.ERROR_NAMES): never a message
    # with data, and nothing a damaged marker file could smuggle into the logboek.
    names = dict.fromkeys(name if name in audit.ERROR_NAMES else "OnbekendeFout"
                          for name in errors.split(", "))
    reason = ", ".join(list(names)[:16])
    try:
        session.profile.log("vergrendelen.onvolledig", at=at, result="mislukt", reason=reason)
    except Exception:  # still unwritable: unlocking goes on, and the next unlock tries again
        return
    _LOCK_FAILURES.pop(folder, None)
    with contextlib.suppress(OSError):
        marker.unlink(missing_ok=True)


class ProfileService:
    """Before unlocking: list, create and unlock worker profiles."""

    def __init__(self, root: Path | None = None, clock: Clock = system_clock) -> None:
        self.root = root if root is not None else data_root()
        self.clock = clock

    def profiles(self) -> list[ProfileSummary]:
        return list_profiles(self.root)

    @staticmethod
    def assess(passphrase: str, worker_name: str = "") -> PassphraseAssessment:
        from desktop_app.domain.passphrase import assess_passphrase

        return assess_passphrase(passphrase, worker_name=worker_name)

    def create(self, worker_name: str, passphrase: str, repeat: str) -> Session:
        if passphrase != repeat:
            raise PassphraseRejected([Message("passphrase.not_equal")])
        from desktop_app.vault.profiles import create_profile

        return Session(create_profile(worker_name, passphrase, root=self.root, clock=self.clock))

    def unlock(self, profile: ProfileSummary, passphrase: str) -> Session:
        from desktop_app.vault.profiles import unlock_profile

        session = Session(unlock_profile(profile.folder, passphrase, clock=self.clock))
        _log_earlier_lock_failure(session)
        return session

    @staticmethod
    def prestart_keyring() -> None:
        """The keyring client runs in a helper process that takes a moment to load: the unlock
        window starts it while the worker types the passphrase, so unlocking does not wait."""
        from desktop_app.vault import secrets as device_secrets

        device_secrets.prestart()

    @staticmethod
    def release_keyring() -> None:
        """Unlocked (or quitting): the helper is not needed until the next key change."""
        from desktop_app.vault import secrets as device_secrets

        device_secrets.release()

    def delay_remaining(self, profile: ProfileSummary) -> float:
        """Seconds before the next unlock attempt is allowed (growing delay, persisted)."""
        return unlock_delay_remaining(ProfilePaths(profile.folder), self.clock())
