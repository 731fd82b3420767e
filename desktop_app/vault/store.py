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


# SQLite's primary result codes (sqlite3.h) that sqlcipher3 exceptions carry as
# `sqlite_errorcode`; the text is only the fallback for errors raised without one.
SQLITE_READONLY = 8
SQLITE_CORRUPT = 11
SQLITE_CANTOPEN = 14
SQLITE_FULL = 13
SQLITE_NOTADB = 26
# The detail of a read-only error on a file and folder that can be written: either a real
# read-only switch (`PRAGMA query_only`) or SQLCipher's error state after a damaged page.
READONLY_ON_WRITABLE = "SQLITE_READONLY op een beschrijfbaar bestand"


def translate_sqlite_error(err: Exception, path: Path | None = None) -> VaultError:
    """The vault error for a driver error: what the worker is told.

    A damaged page shows as SQLITE_CORRUPT ("database disk image is malformed": the page's
    HMAC does not match, so SQLCipher refuses to decrypt it). After that SQLCipher leaves the
    connection in an error state and every later write fails with SQLITE_READONLY ("attempt
    to write a readonly database") although file and folder are writable: that used to be
    shown as "the folder cannot be written to". Store._failed therefore checks the file when a
    read-only error comes from a writable file (READONLY_ON_WRITABLE)."""
    code = getattr(err, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return StoreCorrupt(str(getattr(err, "sqlite_errorname", primary)))
        if primary == SQLITE_FULL:
            return DiskFull()
        if primary == SQLITE_READONLY:
            if path is not None and _writable(path):
                return DataFolderNotWritable(READONLY_ON_WRITABLE)
            return DataFolderNotWritable(type(err).__name__)
        if primary == SQLITE_CANTOPEN:
            return DataFolderNotWritable(type(err).__name__)
    text = str(err).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull()
    if "not a database" in text or "malformed" in text or "hmac" in text:
        return StoreCorrupt(type(err).__name__)
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DataFolderNotWritable(type(err).__name__)
    if isinstance(err, OSError) and err.errno == errno.ENOSPC:
        return DiskFull()
    return VaultError(type(err).__name__)


def _writable(path: Path) -> bool:
    return (path.exists() and os.access(path, os.W_OK)
            and os.access(path.parent, os.W_OK | os.X_OK))


# Statements that only read (and ROLLBACK, which undoes). Anything else is a write and is
# refused on a damaged store.
_READ_STATEMENTS = ("SELECT", "WITH", "EXPLAIN", "VALUES", "ROLLBACK")
_WRITING_PRAGMAS = ("wal_checkpoint", "rekey", "key", "incremental_vacuum", "optimize")


def _is_read(sql: str) -> bool:
    head = sql.lstrip().split(None, 1)
    if not head:
        return True
    word = head[0].upper()
    if word in _READ_STATEMENTS:
        return True
    if word == "PRAGMA":
        rest = head[1] if len(head) > 1 else ""
        name = rest.split("(", 1)[0].split("=", 1)[0].strip().lower().split(".")[-1]
        return "=" not in rest and name not in _WRITING_PRAGMAS
    return False


class _Cursor:
    """A driver cursor whose fetching also gives vault errors: a damaged page is found while
    rows are fetched, not when the statement starts."""

    def __init__(self, store: Store, cursor: dbapi2.Cursor) -> None:
        self._store = store
        self._cursor = cursor

    @property
    def lastrowid(self) -> int | None:
        rowid: int | None = self._cursor.lastrowid
        return rowid

    @property
    def rowcount(self) -> int:
        count: int = self._cursor.rowcount
        return count

    @property
    def description(self) -> Any:
        return self._cursor.description

    def fetchone(self) -> Any:
        with self._store.lock:
            try:
                return self._cursor.fetchone()
            except dbapi2.Error as err:
                raise self._store._failed(err) from err

    def fetchall(self) -> list[Any]:
        with self._store.lock:
            try:
                rows: list[Any] = self._cursor.fetchall()
                return rows
            except dbapi2.Error as err:
                raise self._store._failed(err) from err

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


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

    def __init__(self, conn: dbapi2.Connection, path: Path, key: bytes = b"") -> None:
        self._conn = conn
        self.path = path
        self.lock = threading.RLock()
        # Kept to open a second, read-only connection (the integrity check in the background,
        # reading what is left of a damaged store); wiped at close. SQLCipher holds the same
        # key in its own memory for as long as the store is open.
        self._key = bytearray(key)
        # Set once SQLCipher found a damaged page: from then on nothing is written (a write
        # would build on pages that cannot be trusted), reads stay allowed for salvage.
        self.corrupt = False
        self.closed = False

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
            raise translate_sqlite_error(err, path) from None
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
            raise translate_sqlite_error(err, path) from err
        return cls(conn, path, db_key)

    def open_reader(self) -> Store:
        """A second connection to the same file that only reads (`query_only`): the integrity
        check runs in it without holding this store's lock, and after SQLCipher found a
        damaged page (which leaves a connection in an error state) a fresh one reads on."""
        reader = Store.open(self.path, bytes(self._key))
        try:
            reader.execute("PRAGMA query_only = ON")
        except VaultError:
            reader.close()
            raise
        return reader

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
    def _failed(self, err: Exception) -> VaultError:
        """The vault error for a driver error; a damaged store marks itself corrupt."""
        vault_error = translate_sqlite_error(err, self.path)
        if (isinstance(vault_error, DataFolderNotWritable)
                and vault_error.detail == READONLY_ON_WRITABLE and not self.corrupt
                and not self._intact()):
            vault_error = StoreCorrupt(READONLY_ON_WRITABLE)
        if isinstance(vault_error, StoreCorrupt) or self.corrupt:
            if not isinstance(vault_error, StoreCorrupt):
                vault_error = StoreCorrupt(f"na beschadiging: {type(vault_error).__name__}")
            self.corrupt = True
            self._reconnect()
        return vault_error

    def _intact(self) -> bool:
        """The quick_check on a fresh connection: only after a read-only error on a writable
        file, to tell SQLCipher's error state after a damaged page from a real read-only
        switch. Seconds at most for a large store, on an error path only."""
        if self.closed or not self._key:
            return True
        try:
            reader = Store.open(self.path, bytes(self._key))
        except StoreCorrupt:
            return False
        except VaultError:
            return True
        try:
            return reader.quick_check()
        finally:
            with contextlib.suppress(VaultError):
                reader.close()

    def _reconnect(self) -> None:
        """After a damaged page SQLCipher leaves the connection in an error state: every page
        not yet in its cache then fails too, also intact ones. A fresh connection reads what is
        intact again (nothing is written on either: the store is marked corrupt)."""
        if self.closed or not self._key:
            return
        try:
            fresh = Store.open(self.path, bytes(self._key))
        except VaultError:
            return  # the old connection stays; reads that fail say so
        with contextlib.suppress(dbapi2.Error):
            self._conn.close()
        self._conn = fresh._conn
        fresh.closed = True
        for i in range(len(fresh._key)):
            fresh._key[i] = 0

    def _refuse_write(self) -> None:
        if self.corrupt:
            raise StoreCorrupt("beschadigd: er wordt niet meer geschreven")

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> _Cursor:
        with self.lock:
            if not _is_read(sql):
                self._refuse_write()
            try:
                return _Cursor(self, self._conn.execute(sql, params))
            except dbapi2.Error as err:
                raise self._failed(err) from err

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
        with self.lock:
            rows: list[tuple[Any, ...]] = self.execute(sql, params).fetchall()
            return rows

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        with self.lock:
            row = self.execute(sql, params).fetchone()
            return None if row is None else row[0]

    def quick_check(self) -> bool:
        """SQLite's `PRAGMA quick_check`: every page of every table and index is read (so
        SQLCipher checks each page's HMAC) and the b-tree structure is verified; cheaper than
        integrity_check (no index-to-table comparison). False (and the store marked corrupt)
        when anything is wrong."""
        try:
            rows = self.query("PRAGMA quick_check")
        except StoreCorrupt:
            return False
        if rows == [("ok",)]:
            return True
        self.corrupt = True
        return False

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """BEGIN IMMEDIATE ... COMMIT: one durable unit (synchronous=FULL), rolled back on error."""
        with self.lock:
            self._refuse_write()
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except dbapi2.Error as err:
                raise self._failed(err) from err
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
                raise self._failed(err) from err

    @property
    def raw_connection(self) -> dbapi2.Connection:
        """For migrations and tests only."""
        return self._conn

    # -- maintenance ---------------------------------------------------------------------
    def _run(self, *statements: str) -> None:
        """Statements that write (checkpoints, re-keying, VACUUM), as vault errors."""
        self._refuse_write()
        try:
            for sql in statements:
                self._conn.execute(sql).fetchall()
        except dbapi2.Error as err:
            raise self._failed(err) from err

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt every page under a new key. SQLCipher does this in one transaction, so a
        crash leaves the store under either the old or the new key (kill tests prove it)."""
        with self.lock:
            self._run("PRAGMA wal_checkpoint(TRUNCATE)",
                      f"PRAGMA rekey = {sqlcipher_key_literal(new_key)}")
            self._key[:] = new_key
            self._run("PRAGMA wal_checkpoint(TRUNCATE)")

    def export_compacted(self, target: Path, new_key: bytes) -> None:
        """Write a compacted copy of the whole store to `target` under `new_key` in one pass
        (sqlcipher_export copies only live rows: the effect of VACUUM and of a re-key at once),
        and make it durable. `target` must not exist. On failure (a damaged page is found while
        copying) the partial copy is removed."""
        if target.exists():
            target.unlink()
        with self.lock:
            self._refuse_write()
            conn = self._conn
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
                conn.execute("ATTACH DATABASE ? AS compacted KEY "
                             + sqlcipher_key_literal(new_key), (str(target),))
                try:
                    conn.execute("SELECT sqlcipher_export('compacted')").fetchall()
                    # sqlcipher_export leaves user_version out: the schema version must follow.
                    conn.execute(f"PRAGMA compacted.user_version = {version}")
                finally:
                    with contextlib.suppress(dbapi2.Error):
                        conn.execute("DETACH DATABASE compacted")
            except dbapi2.Error as err:
                with contextlib.suppress(OSError):
                    target.unlink()
                raise self._failed(err) from err
        try:
            fd = os.open(target, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as err:
            raise translate_sqlite_error(err, target) from err

    def replace_with(self, source: Path, key: bytes) -> None:
        """Atomically put `source` in place of this store and continue on it with `key`.
        The Store object stays the same, so every service holding it carries on."""
        with self.lock:
            self._refuse_write()
            with contextlib.suppress(dbapi2.Error):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            with contextlib.suppress(dbapi2.Error):
                self._conn.close()
            try:
                # The old WAL and shared-memory files belong to the old file: remove them
                # before the new file takes its name, so SQLite never pairs them.
                for leftover in (self.path.with_name(self.path.name + "-wal"),
                                 self.path.with_name(self.path.name + "-shm")):
                    with contextlib.suppress(FileNotFoundError):
                        leftover.unlink()
                os.replace(source, self.path)
                fsync_folder(self.path.parent)
            except OSError as err:
                # The old file is still in place (os.replace is atomic): continue on it.
                self._conn = Store.open(self.path, bytes(self._key))._conn
                raise translate_sqlite_error(err, self.path) from err
            reopened = Store.open(self.path, key)
            self._conn = reopened._conn
            self._key[:] = key

    def checkpoint(self) -> None:
        with self.lock:
            self._run("PRAGMA wal_checkpoint(TRUNCATE)")

    def vacuum(self) -> None:
        with self.lock:
            self._run("VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Close, always (also a damaged store). A damaged one gets no explicit checkpoint."""
        with self.lock:
            if self.closed:
                return
            self.closed = True
            try:
                if not self.corrupt:
                    with contextlib.suppress(dbapi2.Error):
                        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._conn.close()
            except dbapi2.Error as err:
                # SQLite closes the connection all the same (sqlite3_close_v2). On a damaged
                # store the error is its own checkpoint meeting the damage: known, not news.
                if not self.corrupt:
                    raise self._failed(err) from err
            finally:
                for i in range(len(self._key)):
                    self._key[i] = 0


def fsync_folder(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
