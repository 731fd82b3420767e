"""The SQLCipher 4 store: opening with a raw key, the required pragmas, transactions, re-keying.

Nothing here ever creates a store over an existing file, or falls back to plain SQLite.
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlcipher3 import dbapi2

from desktop_app.vault.errors import (
    DataFolderNotWritable,
    DiskFull,
    ForeignStore,
    NotEncrypted,
    StoreCorrupt,
    StoreMissing,
    VaultError,
    WrongPassphrase,
)
from desktop_app.vault.keys import sqlcipher_key_literal

SQLITE_MAGIC = b"SQLite format 3\x00"
PAGE_SIZE = 4096  # SQLCipher 4 default


def translate_sqlite_error(err: Exception) -> VaultError:
    text = str(err).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull()
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DataFolderNotWritable(type(err).__name__)
    if "not a database" in text or "malformed" in text:
        return StoreCorrupt(type(err).__name__)
    if isinstance(err, OSError) and err.errno == errno.ENOSPC:
        return DiskFull()
    return VaultError(type(err).__name__)


def inspect_store_file(path: Path) -> None:
    """Refuse files that cannot be our store before giving them any key."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise StoreMissing() from None
    if size == 0:
        raise StoreCorrupt("leeg bestand")
    with path.open("rb") as handle:
        head = handle.read(16)
    if head == SQLITE_MAGIC:
        raise ForeignStore("onversleuteld SQLite-bestand")
    if size < PAGE_SIZE or size % 512 != 0:
        raise StoreCorrupt("afgekapt bestand")


def cipher_version() -> str:
    """The SQLCipher version the driver links, checked on a throwaway in-memory connection."""
    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else ""


class Store:
    """One open SQLCipher connection, shared by the UI thread and the autosave worker under a
    lock. SQLite serialises writers anyway; the lock keeps Python-level use consistent."""

    def __init__(self, conn: dbapi2.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self.lock = threading.RLock()

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, db_key: bytes, *, create: bool = False) -> Store:
        if create:
            if path.exists():
                raise StoreCorrupt("er bestaat al een bestand; het wordt niet overschreven")
        else:
            inspect_store_file(path)
        try:
            conn = sqlcipher3.connect(
                str(path), isolation_level=None, check_same_thread=False, timeout=5.0
            )
        except Exception as err:
            raise translate_sqlite_error(err) from None
        try:
            version = conn.execute("PRAGMA cipher_version").fetchone()
            if not version or not version[0]:
                # A plain SQLite library would silently ignore the key: refuse, never fall back.
                raise NotEncrypted()
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {sqlcipher_key_literal(db_key)}")
            conn.execute("PRAGMA cipher_memory_security = ON")
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except dbapi2.DatabaseError:
                raise WrongPassphrase("store refused the key") from None
            if not create:
                cls._check_length(conn, path)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA foreign_keys = ON")
        except VaultError:
            conn.close()
            raise
        except Exception as err:
            conn.close()
            raise translate_sqlite_error(err) from err
        return cls(conn, path)

    @staticmethod
    def _check_length(conn: dbapi2.Connection, path: Path) -> None:
        """A store cut off at a page boundary opens but misses pages: compare the page count
        in its header with the file (only when no WAL could hold the missing pages)."""
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])  # a str in SQLCipher
        if pages * page_size > path.stat().st_size:
            raise StoreCorrupt("afgekapt bestand")

    # -- use -----------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> dbapi2.Cursor:
        with self.lock:
            try:
                return self._conn.execute(sql, params)
            except dbapi2.Error as err:
                raise translate_sqlite_error(err) from err

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
        with self.lock:
            rows: list[tuple[Any, ...]] = self.execute(sql, params).fetchall()
            return rows

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """BEGIN IMMEDIATE ... COMMIT: one durable unit (synchronous=FULL), rolled back on error."""
        with self.lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except dbapi2.Error as err:
                raise translate_sqlite_error(err) from err
            try:
                yield self
            except BaseException:
                with contextlib.suppress(dbapi2.Error):
                    self._conn.execute("ROLLBACK")
                raise
            try:
                self._conn.execute("COMMIT")
            except dbapi2.Error as err:
                with contextlib.suppress(dbapi2.Error):
                    self._conn.execute("ROLLBACK")
                raise translate_sqlite_error(err) from err

    @property
    def raw_connection(self) -> dbapi2.Connection:
        """For migrations and tests only."""
        return self._conn

    # -- maintenance ---------------------------------------------------------------------
    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt every page under a new key. SQLCipher does this in one transaction, so a
        crash leaves the store under either the old or the new key (kill tests prove it)."""
        with self.lock:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.execute(f"PRAGMA rekey = {sqlcipher_key_literal(new_key)}")
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def export_compacted(self, target: Path, new_key: bytes) -> None:
        """Write a compacted copy of the whole store to `target` under `new_key` in one pass
        (sqlcipher_export copies only live rows: the effect of VACUUM and of a re-key at once),
        and make it durable. `target` must not exist."""
        if target.exists():
            target.unlink()
        with self.lock:
            conn = self._conn
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute("ATTACH DATABASE ? AS compacted KEY " + sqlcipher_key_literal(new_key),
                         (str(target),))
            try:
                conn.execute("SELECT sqlcipher_export('compacted')")
                # sqlcipher_export leaves user_version out: the schema version must follow.
                conn.execute(f"PRAGMA compacted.user_version = {version}")
            finally:
                conn.execute("DETACH DATABASE compacted")
        fd = os.open(target, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def replace_with(self, source: Path, key: bytes) -> None:
        """Atomically put `source` in place of this store and continue on it with `key`.
        The Store object stays the same, so every service holding it carries on."""
        with self.lock:
            with contextlib.suppress(dbapi2.Error):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()
            # The old WAL and shared-memory files belong to the old file: remove them before
            # the new file takes its name, so SQLite never pairs them.
            for leftover in (self.path.with_name(self.path.name + "-wal"),
                             self.path.with_name(self.path.name + "-shm")):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
            os.replace(source, self.path)
            fsync_folder(self.path.parent)
            reopened = Store.open(self.path, key)
            self._conn = reopened._conn

    def checkpoint(self) -> None:
        with self.lock:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def vacuum(self) -> None:
        with self.lock:
            self._conn.execute("VACUUM")
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with self.lock:
            with contextlib.suppress(dbapi2.Error):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()


def fsync_folder(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
