"""The SQLCipher store with real SQLCipher: encryption on disk, pragmas, and refusing files
that are not our store, without ever modifying them."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3

from desktop_app.vault.errors import ForeignStore, StoreCorrupt, StoreMissing, WrongPassphrase
from desktop_app.vault.migrations import migrate
from desktop_app.vault.store import Store, cipher_version

KEY = bytes(range(32))
MARKERS = ["MARKER-Zuiderzee-7781", "Agnieszka Wiśniewska", "BSN 999993847", "Ayşe Yılmaz"]


def _new_store(path: Path, key: bytes = KEY) -> Store:
    store = Store.open(path, key, create=True)
    migrate(store.raw_connection)
    return store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sqlcipher_is_linked() -> None:
    assert cipher_version().startswith("4.")


def test_no_plaintext_in_store_or_wal(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    store = _new_store(path)
    with store.transaction():
        for i, marker in enumerate(MARKERS):
            store.execute("INSERT INTO settings(key, value) VALUES (?, ?)", (f"k{i}", marker))
    # Before checkpoint the data sit in the WAL: it must be encrypted too.
    wal = path.with_name("store.db-wal")
    for file in (path, wal):
        raw = file.read_bytes()
        for marker in MARKERS:
            assert marker.encode("utf-8") not in raw
            assert marker.encode("utf-16-le") not in raw
    store.close()
    raw = path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    for marker in MARKERS:
        assert marker.encode("utf-8") not in raw


def test_required_pragmas_are_set(tmp_path: Path) -> None:
    store = _new_store(tmp_path / "store.db")
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA synchronous") == 2  # FULL
    assert store.scalar("PRAGMA secure_delete") == 1
    assert store.scalar("PRAGMA temp_store") == 2  # MEMORY
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert str(store.scalar("PRAGMA cipher_memory_security")) == "1"
    store.close()


def test_wrong_key_is_refused_and_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    _new_store(path).close()
    before = _digest(path)
    with pytest.raises(WrongPassphrase):
        Store.open(path, bytes(32))
    assert _digest(path) == before
    Store.open(path, KEY).close()


def test_plain_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES ('iets')")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(ForeignStore) as err:
        Store.open(path, KEY)
    assert "onversleuteld" in str(err.value.detail)
    assert _digest(path) == before


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", StoreCorrupt),
        (b"\x00" * 100, StoreCorrupt),
        (os.urandom(4096 * 4), WrongPassphrase),  # indistinguishable from a wrong key here
        (b"%PDF-1.7 not a database" + b"\x00" * 5000, StoreCorrupt),
    ],
)
def test_random_or_foreign_files_are_refused(tmp_path: Path, content: bytes, error: type) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(content)
    with pytest.raises(error):
        Store.open(path, KEY)
    assert path.read_bytes() == content


def test_truncated_store_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    store = _new_store(path)
    with store.transaction():
        for i in range(400):
            store.execute("INSERT INTO settings(key, value) VALUES (?, ?)", (f"k{i}", "x" * 500))
    store.close()
    data = path.read_bytes()
    for cut in (len(data) // 2, len(data) - 4096, 1000):
        path.write_bytes(data[:cut])
        with pytest.raises((StoreCorrupt, WrongPassphrase)):
            Store.open(path, KEY)


def test_missing_store_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with pytest.raises(StoreMissing):
        Store.open(path, KEY)
    assert not path.exists()


def test_create_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(b"precious")
    with pytest.raises(StoreCorrupt):
        Store.open(path, KEY, create=True)
    assert path.read_bytes() == b"precious"


def test_rekey_keeps_data_and_old_key_fails(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    store = _new_store(path)
    store.execute("INSERT INTO settings(key, value) VALUES ('a', 'b')")
    new_key = bytes(reversed(range(32)))
    store.rekey(new_key)
    store.close()
    with pytest.raises(WrongPassphrase):
        Store.open(path, KEY)
    reopened = Store.open(path, new_key)
    assert reopened.scalar("SELECT value FROM settings WHERE key='a'") == "b"
    reopened.close()


def test_sqlcipher_passphrase_mode_cannot_open_raw_keyed_store(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    _new_store(path).close()
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = '{KEY.hex()}'")  # the hex as a passphrase is not the raw key
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    store = _new_store(tmp_path / "store.db")
    with pytest.raises(RuntimeError), store.transaction():
        store.execute("INSERT INTO settings(key, value) VALUES ('a', 'b')")
        raise RuntimeError("boom")
    assert store.scalar("SELECT count(*) FROM settings") == 0
    store.close()
