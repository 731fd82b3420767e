"""Numbered schema migrations, tracked in PRAGMA user_version. Each runs in one transaction;
tests build a store at every earlier version and migrate it to the newest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlcipher3 import dbapi2


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sql: str
    # Optional data step, run inside the same transaction after `sql`.
    python: Callable[[dbapi2.Connection], None] | None = None


_V1_FOUNDATION = """
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL          -- JSON
        );
        -- NEN 7513-style access log: pseudonymous object ids only, never names, BSN or content.
        CREATE TABLE audit_log (
            seq          INTEGER PRIMARY KEY,
            at           TEXT NOT NULL,   -- UTC, ISO 8601
            actor        TEXT NOT NULL,   -- worker profile id
            action       TEXT NOT NULL,
            object       TEXT NOT NULL,   -- pseudonymous id or '-'
            on_behalf_of TEXT NOT NULL,
            result       TEXT NOT NULL,   -- 'ok' / 'geweigerd' / 'mislukt'
            reason       TEXT NOT NULL,   -- access reason where one is required, else ''
            prev_hash    TEXT NOT NULL,
            entry_hash   TEXT NOT NULL UNIQUE
        );
        CREATE INDEX audit_log_at ON audit_log(at);
        CREATE INDEX audit_log_object ON audit_log(object);
        -- Append-only: the program never updates or deletes a log entry. Raw edits that drop
        -- these triggers are caught by the hash chain.
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
"""


MIGRATIONS: list[Migration] = [
    Migration(1, "basis: meta, instellingen, logboek", _V1_FOUNDATION),
]


def latest_version() -> int:
    return MIGRATIONS[-1].version


def current_version(conn: dbapi2.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: dbapi2.Connection, target: int | None = None) -> list[int]:
    """Apply every migration above the store's version (up to `target`); return those applied."""
    goal = latest_version() if target is None else target
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.version <= current_version(conn) or migration.version > goal:
            continue
        # executescript() commits an open transaction before it runs, so BEGIN goes inside the
        # script: schema and version change commit together or not at all.
        try:
            conn.executescript("BEGIN IMMEDIATE;\n" + migration.sql)
            if migration.python is not None:
                migration.python(conn)
            conn.execute(f"PRAGMA user_version = {migration.version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
