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


_V2_INTAKES = """
        -- Form definitions exactly as a draft was started with them (ZW-4: what was asked);
        -- a changed file in forms/ never rewrites an existing draft.
        CREATE TABLE form_definitions (
            content_hash TEXT PRIMARY KEY,
            kind         TEXT NOT NULL,      -- 'formulier', 'protocol', 'toestemmingstekst'
            form_id      TEXT NOT NULL,
            version      INTEGER NOT NULL,
            source_name  TEXT NOT NULL,
            source_text  TEXT NOT NULL
        );
        CREATE TABLE residents (
            id           TEXT PRIMARY KEY,   -- pseudonymous: 'inwoner-<hex>'
            display_name TEXT NOT NULL,
            birth_date   TEXT,               -- ISO date or NULL
            created_at   TEXT NOT NULL,
            updated_at   TEXT NOT NULL
        );
        CREATE TABLE intakes (
            id                TEXT PRIMARY KEY,   -- pseudonymous: 'intake-<hex>'
            resident_id       TEXT NOT NULL REFERENCES residents(id),
            status            TEXT NOT NULL DEFAULT 'concept'
                              CHECK (status IN ('concept', 'klaar_voor_overdracht',
                                                'overgedragen')),
            form_hash         TEXT NOT NULL REFERENCES form_definitions(content_hash),
            coordinator       TEXT NOT NULL,      -- actor id of the worker who started it
            created_at        TEXT NOT NULL,
            updated_at        TEXT NOT NULL,
            ready_at          TEXT,
            transferred_at    TEXT,
            dossier_reference TEXT
        );
        CREATE INDEX intakes_resident ON intakes(resident_id);
        CREATE TABLE answers (
            intake_id  TEXT NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
            field_id   TEXT NOT NULL,
            value      TEXT NOT NULL,        -- JSON
            updated_at TEXT NOT NULL,
            PRIMARY KEY (intake_id, field_id)
        ) WITHOUT ROWID;
        CREATE TABLE data_requests (
            id         TEXT PRIMARY KEY,     -- 'verzoek-<hex>'
            intake_id  TEXT NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
            status     TEXT NOT NULL,
            payload    TEXT NOT NULL,        -- JSON of the domain DataRequest
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX data_requests_intake ON data_requests(intake_id);
        -- A weighing is never changed in place: a change adds a version (the old one is kept).
        CREATE TABLE weighings (
            data_request_id TEXT NOT NULL REFERENCES data_requests(id) ON DELETE CASCADE,
            version         INTEGER NOT NULL,
            protocol_hash   TEXT NOT NULL REFERENCES form_definitions(content_hash),
            payload         TEXT NOT NULL,   -- JSON: path taken, answers, motivations
            created_at      TEXT NOT NULL,
            PRIMARY KEY (data_request_id, version)
        ) WITHOUT ROWID;
        CREATE TABLE consent_statements (
            id              TEXT PRIMARY KEY,   -- 'verklaring-<hex>'
            intake_id       TEXT NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
            document_number TEXT NOT NULL UNIQUE,
            version         INTEGER NOT NULL,
            previous_id     TEXT REFERENCES consent_statements(id) ON DELETE CASCADE,
            template_hash   TEXT NOT NULL REFERENCES form_definitions(content_hash),
            status          TEXT NOT NULL CHECK (status IN ('concept', 'geprint', 'getekend',
                                                            'geweigerd', 'ingetrokken')),
            payload         TEXT NOT NULL,      -- JSON of the domain statement
            content_hash    TEXT NOT NULL,
            pdf             BLOB,
            pdf_sha256      TEXT,
            events          TEXT NOT NULL DEFAULT '[]',  -- JSON: printed/signed/... with dates
            created_at      TEXT NOT NULL,
            updated_at      TEXT NOT NULL
        );
        CREATE INDEX consent_statements_intake ON consent_statements(intake_id);
        CREATE TABLE consent_coverage (
            statement_id    TEXT NOT NULL REFERENCES consent_statements(id) ON DELETE CASCADE,
            data_request_id TEXT NOT NULL REFERENCES data_requests(id) ON DELETE CASCADE,
            PRIMARY KEY (statement_id, data_request_id)
        ) WITHOUT ROWID;
        -- Files the program wrote outside the store (e.g. report saved as PDF): destruction
        -- overwrites and removes them.
        CREATE TABLE exported_files (
            id         INTEGER PRIMARY KEY,
            intake_id  TEXT NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
            path       TEXT NOT NULL,
            sha256     TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        -- Content-free receipts of destroyed intakes (ZW-6).
        CREATE TABLE destruction_receipts (
            id                TEXT PRIMARY KEY,  -- 'vernietiging-<hex>'
            intake_pseudonym  TEXT NOT NULL,
            dossier_reference TEXT NOT NULL,
            item_counts       TEXT NOT NULL,     -- JSON: kind -> count
            confirmed_at      TEXT NOT NULL,
            destroyed_at      TEXT NOT NULL,
            actor             TEXT NOT NULL,
            completed_at      TEXT,              -- set when every step (rekey, files) is done
            steps             TEXT NOT NULL DEFAULT '[]'   -- JSON: finished protocol steps
        );
"""

_V3_DESTRUCTION_FILES = """
        -- Exported files still to be overwritten and removed by a destruction. The intake's
        -- exported_files rows are moved here inside the destruction transaction (they would
        -- otherwise vanish with the intake by ON DELETE CASCADE). A row is deleted once its file
        -- is gone; a file that could not be removed stays as 'mislukt' so the worker is told
        -- again and a later attempt can finish it.
        CREATE TABLE destruction_files (
            receipt_id TEXT NOT NULL REFERENCES destruction_receipts(id) ON DELETE CASCADE,
            seq        INTEGER NOT NULL,
            path       TEXT NOT NULL,
            sha256     TEXT NOT NULL,
            state      TEXT NOT NULL DEFAULT 'te_verwijderen'
                       CHECK (state IN ('te_verwijderen', 'mislukt')),
            detail     TEXT NOT NULL DEFAULT '',   -- Dutch reason of the last failure
            PRIMARY KEY (receipt_id, seq)
        ) WITHOUT ROWID;
"""

MIGRATIONS: list[Migration] = [
    Migration(1, "basis: meta, instellingen, logboek", _V1_FOUNDATION),
    Migration(2, "inwoners, intakes, antwoorden, gegevensverzoeken, afwegingen, "
                 "toestemmingsverklaringen, exportbestanden, vernietigingsbewijzen", _V2_INTAKES),
    Migration(3, "te verwijderen exportbestanden van een vernietiging", _V3_DESTRUCTION_FILES),
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
