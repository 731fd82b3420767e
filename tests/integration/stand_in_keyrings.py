"""Keyring backends the keyring helper process loads in tests through PYTHON_KEYRING_BACKEND
(test doubles, named as such: they stand in for backends we must refuse, which are not
installed here)."""

from __future__ import annotations

from keyring.backend import KeyringBackend


class PlaintextFile(KeyringBackend):
    """Stands in for keyrings.alt's plaintext file backend: any write to it is a defect, so it
    records nothing and fails loudly."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("must never be called")

    def delete_password(self, service: str, username: str) -> None:
        return None


class ChattyPlaintextFile(PlaintextFile):
    """A refused backend that prints while keyring loads it, as some backends and libraries
    do: the helper's answers must not be disturbed by it."""

    def __init__(self) -> None:
        super().__init__()
        print("stand-in keyring: hello on standard output")
