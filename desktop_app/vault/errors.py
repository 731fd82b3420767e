"""Errors of the vault. Each names a message for the worker (what is wrong) and its advice
(what to do next) as catalogue keys (desktop_app/messages/texts/vault.py); `.detail` is
technical, for support. They never contain personal data or secrets."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.messages import Message, MessageError


class VaultError(MessageError):
    """The base: a failure of the encrypted store, the keys or the data folder. Subclasses set
    `key`; the message is `key` and the advice `key.advice`."""

    key = "vault.error"

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(Message(self.key), self._advice(), detail=detail)

    def _advice(self) -> Message | None:
        return Message(f"{self.key}.advice")


class WrongPassphrase(VaultError):
    key = "vault.wrong_passphrase"


class UnlockDelayed(VaultError):
    key = "vault.unlock_delayed"

    def __init__(self, seconds_left: float) -> None:
        self.seconds_left = seconds_left
        super().__init__(None)

    def _advice(self) -> Message:
        return Message("vault.unlock_delayed.advice", n=max(1, round(self.seconds_left)))


class KeyringUnavailable(VaultError):
    key = "vault.keyring_unavailable"


class KeyringLocked(VaultError):
    key = "vault.keyring_locked"


class DeviceSecretMissing(VaultError):
    key = "vault.device_secret_missing"


class StoreMissing(VaultError):
    key = "vault.store_missing"


class StoreCorrupt(VaultError):
    key = "vault.store_corrupt"


class ForeignStore(VaultError):
    key = "vault.foreign_store"


class HeaderDamaged(VaultError):
    key = "vault.header_damaged"


class NotEncrypted(VaultError):
    key = "vault.not_encrypted"


class ProfileInUse(VaultError):
    key = "vault.profile_in_use"


class DiskFull(VaultError):
    key = "vault.disk_full"


class DataFolderNotWritable(VaultError):
    key = "vault.folder_not_writable"


class StoreTooNew(VaultError):
    key = "vault.store_too_new"


class PassphraseRejected(VaultError):
    """The passphrase cannot be used; `reasons` say why (shown instead of an advice)."""

    key = "vault.passphrase_rejected"

    def __init__(self, reasons: Iterable[Message]) -> None:
        self.reasons = tuple(reasons)
        super().__init__(None)
        self.details = self.reasons

    def _advice(self) -> None:
        return None


class ProfileExists(VaultError):
    key = "vault.profile_exists"
