"""The key construction of a worker's store.

    passphrase_key = Argon2id(NFC(passphrase) as UTF-8, salt, t, m, p, length=32)
    db_key         = HMAC-SHA256(key=device_secret,
                                 msg=b"wijkteam-intake/db-key/v1" + passphrase_key)
    key_check      = HMAC-SHA256(key=db_key, msg=b"wijkteam-intake/key-check/v1")[:16]

- `device_secret` is 32 random bytes kept only in the OS keyring (Credential Locker, Keychain,
  Secret Service); `salt` (16 random bytes) and the Argon2id parameters live in the non-secret
  profile header. So the store cannot be opened with the passphrase alone (a stolen disk image
  without the user's keyring) nor with the keyring alone (someone logged in as the worker).
- `db_key` is given to SQLCipher as a raw key (`PRAGMA key = "x'<hex>'"`), so SQLCipher's own
  PBKDF2 (256,000 rounds) is not paid a second time on top of Argon2id.
- `key_check` lets unlock tell "wrong passphrase" from "damaged store" without touching the
  store. It gives an attacker nothing: computing it needs the device secret, and whoever has
  that and the file can test passphrase guesses against the store's own page HMACs anyway.
The known-answer test in tests/unit/test_keys.py pins this construction: changing it would make
every existing store unreadable, so it must only ever change with a new header format version.
"""

from __future__ import annotations

import hashlib
import hmac

from desktop_app.domain.passphrase import normalise_passphrase

# Re-exported: the key construction and its parameters are one subject for readers.
from desktop_app.vault.kdf import SALT_LENGTH as SALT_LENGTH
from desktop_app.vault.kdf import KdfParameters as KdfParameters

KEY_LENGTH = 32
_DB_KEY_LABEL = b"wijkteam-intake/db-key/v1"
_CHECK_LABEL = b"wijkteam-intake/key-check/v1"


def derive_passphrase_key(passphrase: str, params: KdfParameters) -> bytes:
    from argon2.low_level import Type, hash_secret_raw  # lazy: not needed to show a window

    return hash_secret_raw(
        secret=normalise_passphrase(passphrase).encode("utf-8"),
        salt=params.salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_LENGTH,
        type=Type.ID,
        version=params.version,
    )


def combine_keys(passphrase_key: bytes, device_secret: bytes) -> bytes:
    if len(passphrase_key) != KEY_LENGTH or len(device_secret) != KEY_LENGTH:
        raise ValueError("key material has the wrong length")
    return hmac.new(device_secret, _DB_KEY_LABEL + passphrase_key, hashlib.sha256).digest()


def key_check_value(db_key: bytes) -> str:
    return hmac.new(db_key, _CHECK_LABEL, hashlib.sha256).digest()[:16].hex()


def key_matches(db_key: bytes, expected_check: str) -> bool:
    return hmac.compare_digest(key_check_value(db_key), expected_check)


def sqlcipher_key_literal(db_key: bytes) -> str:
    """The PRAGMA value for a raw 256-bit key: SQLCipher skips its own KDF for this form."""
    return f"\"x'{db_key.hex()}'\""
