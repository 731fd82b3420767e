"""Profiles and sessions: the use cases before and around unlocking.

The GUI and the CLI call these; they never touch the vault directly. Errors are VaultError
subclasses with a Dutch `.message` and `.advice` ready to show.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.messages import Message
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

__all__ = ["Clock", "ProfileService", "ProfileSummary", "Session", "UnlockDelayed", "system_clock"]


class Session:
    """An unlocked profile. Everything that reads or writes resident data goes through a
    Session; `lock()` closes the store and wipes key material we hold."""

    def __init__(self, profile: UnlockedProfile) -> None:
        self._profile: UnlockedProfile | None = profile
        self._on_lock: list[Callable[[], None]] = []
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

    def on_lock(self, callback: Callable[[], None]) -> None:
        self._on_lock.append(callback)

    # -- settings (only services/settings.py reads and writes these) --------------------------
    def stored_setting(self, key: str) -> Any:
        """The worker's stored value of a setting, or None. Use SettingsService: it knows the
        default and what the municipality fixed."""
        raw = self.profile.store.scalar("SELECT value FROM settings WHERE key = ?", (key,))
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
        if self._profile is None:
            return
        for callback in list(self._on_lock):
            callback()  # e.g. flush pending autosaves while the store is still open
        profile, self._profile = self._profile, None
        try:
            profile.log("vergrendelen")
        finally:
            profile.close()


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

        return Session(unlock_profile(profile.folder, passphrase, clock=self.clock))

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
