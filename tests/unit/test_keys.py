"""Known-answer tests pinning the key construction (vault/keys.py). If one of these fails, every
existing store would become unreadable: change the construction only with a new header format."""

from __future__ import annotations

import hashlib
import hmac
import unicodedata

import pytest

from desktop_app.vault.keys import (
    KdfParameters,
    combine_keys,
    derive_passphrase_key,
    key_check_value,
    key_matches,
    sqlcipher_key_literal,
)

SALT = bytes(range(16))
SECRET = bytes([0x42]) * 32


def test_known_answer_with_default_parameters() -> None:
    params = KdfParameters(salt=SALT)
    assert (params.time_cost, params.memory_kib, params.parallelism) == (3, 65536, 4)
    pk = derive_passphrase_key("Fietsen langs de IJssel!", params)
    assert pk.hex() == "a783b45e3dca121f65bbe1669ac115df362410fb58789ecdb24727c982392568"
    db_key = combine_keys(pk, SECRET)
    assert db_key.hex() == "90910b7b7b69ac9391bd3bd3a5f22e9c2631e561752dc06670bb5646ef2cd01d"
    assert key_check_value(db_key) == "30b6e22437a359e4df378e7c1b0f20bb"


def test_combination_is_hmac_sha256_of_label_and_passphrase_key() -> None:
    pk = bytes(range(32))
    expected = hmac.new(SECRET, b"wijkteam-intake/db-key/v1" + pk, hashlib.sha256).digest()
    assert combine_keys(pk, SECRET) == expected


def test_unicode_passphrase_is_nfc_normalised() -> None:
    params = KdfParameters(salt=SALT, time_cost=1, memory_kib=8192, parallelism=1)
    composed = unicodedata.normalize("NFC", "Café Øresund")
    decomposed = unicodedata.normalize("NFD", "Café Øresund")
    assert composed != decomposed
    key = derive_passphrase_key(composed, params)
    assert key == derive_passphrase_key(decomposed, params)
    assert key.hex() == "4d4b6dafe1eadc6c9eae5b1fc2d3a143c3a83406a3578ff91752566fa949f926"


def test_both_factors_matter() -> None:
    params = KdfParameters(salt=SALT, time_cost=1, memory_kib=8192, parallelism=1)
    pk = derive_passphrase_key("een lange wachtwoordzin", params)
    other_pk = derive_passphrase_key("een lange wachtwoordzim", params)
    key = combine_keys(pk, SECRET)
    assert key != combine_keys(other_pk, SECRET)
    assert key != combine_keys(pk, bytes(32))
    assert key_matches(key, key_check_value(key))
    assert not key_matches(combine_keys(pk, bytes(32)), key_check_value(key))


def test_raw_key_literal_has_sqlcipher_form() -> None:
    assert sqlcipher_key_literal(bytes(32)) == "\"x'" + "00" * 32 + "'\""


@pytest.mark.parametrize(
    "changes",
    [
        {"memory_kib": 1024},  # an edited header must not make guessing cheap
        {"time_cost": 0},
        {"salt": b"short"},
        {"algorithm": "argon2i"},
        {"memory_kib": 64 * 1024 * 1024},
    ],
)
def test_weak_or_absurd_parameters_are_refused(changes: dict) -> None:
    base = {"salt": SALT}
    base.update(changes)
    with pytest.raises(ValueError):
        KdfParameters(**base)


def test_wrong_lengths_refused() -> None:
    with pytest.raises(ValueError):
        combine_keys(b"short", SECRET)
    with pytest.raises(ValueError):
        combine_keys(bytes(32), b"short")


def test_known_answer_in_the_gui_process_without_openssl_hashing() -> None:
    """The GUI process hashes with CPython's built-in SHA-256 (desktop_app/gui/__init__.py
    keeps OpenSSL's libcrypto out of memory): same keys, and libcrypto is really not loaded."""
    import subprocess
    import sys

    code = (
        "import desktop_app.gui, sys\n"
        "from desktop_app.vault.keys import KdfParameters, combine_keys, derive_passphrase_key,"
        " key_check_value\n"
        "pk = derive_passphrase_key('Fietsen langs de IJssel!',"
        " KdfParameters(salt=bytes(range(16))))\n"
        "db = combine_keys(pk, bytes([0x42]) * 32)\n"
        "import hashlib, hmac, secrets\n"
        "maps = open('/proc/self/maps').read() if sys.platform == 'linux' else ''\n"
        "print(db.hex(), key_check_value(db), sys.modules['_hashlib'],"
        " 'libcrypto' in maps, type(hashlib.sha256()).__module__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    db_hex, check, hashlib_module, libcrypto_mapped, sha_module = done.stdout.split()
    assert db_hex == "90910b7b7b69ac9391bd3bd3a5f22e9c2631e561752dc06670bb5646ef2cd01d"
    assert check == "30b6e22437a359e4df378e7c1b0f20bb"
    assert hashlib_module == "None" and sha_module in ("_sha2", "_sha256")  # 3.12+, 3.11
    assert libcrypto_mapped == "False"
