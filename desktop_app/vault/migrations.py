"""Numbered schema migrations, tracked in PRAGMA user_version. Each runs in one transaction;
tests build a store at every earlier version and migrate it to the newest."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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
            -- Unused: always the profile's own actor id. A personal store holds one worker's
            -- drafts, so no other worker coordinates an intake here (stand-in access, ZW-7, is
            -- the central dossier's). Kept, not dropped: no migration is needed for it.
            coordinator       TEXT NOT NULL,
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

def _v4_signatures_per_signer(conn: dbapi2.Connection) -> None:
    """Statements printed before the per-signer model (content schema WI-TV-1) had one Ja/Nee
    column shared by all signers, and "getekend" recorded only who signed. Their printed
    content and hashes stay as they are (they must keep matching the scanned paper). What
    changes is what the program concludes from them:

    - each statement gets `item_requests` (which request each item is for), from the chosen
      request ids that it covers, in the order the items were made;
    - a signed statement keeps its signers, each recorded as signed on the date given, but gets
      `legacy_shared_choice` and no choices: the old program never looked at the Ja/Nee boxes,
      so its requests stay locked until the worker records the choices from the scanned paper
      (a "Nee" may be on it);
    - a whole-statement withdrawal names all items.
    """
    rows = conn.execute(
        "SELECT id, status, payload, events FROM consent_statements").fetchall()
    for statement_id, status, payload_text, events_text in rows:
        payload: dict[str, Any] = json.loads(payload_text)
        events: list[dict[str, Any]] = json.loads(events_text)
        content = payload.get("content") or {}
        items = content.get("items") or []
        covered = {r[0] for r in conn.execute(
            "SELECT data_request_id FROM consent_coverage WHERE statement_id = ?",
            (statement_id,))}
        if "item_requests" not in payload:
            chosen = [rid for rid in (payload.get("inputs") or {}).get("request_ids", [])
                      if rid in covered]
            payload["item_requests"] = (chosen if len(chosen) == len(items)
                                        else [None] * len(items))
        legacy = str(content.get("schema", "WI-TV-1")) == "WI-TV-1"
        if legacy and status in ("getekend", "ingetrokken"):
            payload["legacy_shared_choice"] = True
            signers = (content.get("signers") or {}).get("signers") or []
            for event in events:
                if event.get("event") == "getekend" and "records" not in event:
                    event["records"] = [
                        {"signer": index, "signed": True, "signed_on": event.get("on"),
                         "choices": {}} for index in range(len(signers))]
                if event.get("event") == "ingetrokken" and "items" not in event:
                    event["items"] = list(range(len(items)))
            # The requests' status snapshot: locked until the choices are recorded.
            conn.execute(
                "UPDATE data_requests SET status = 'toestemming_nodig' WHERE status ="
                " 'toestemming_gegeven' AND id IN (SELECT data_request_id FROM"
                " consent_coverage WHERE statement_id = ?)", (statement_id,))
        conn.execute("UPDATE consent_statements SET payload = ?, events = ? WHERE id = ?",
                     (json.dumps(payload, ensure_ascii=False),
                      json.dumps(events, ensure_ascii=False), statement_id))


def _v5_signed_on_screen(conn: dbapi2.Connection) -> None:
    """A statement signed on the screen (issue 16) keeps its signed PDF (the statement with the
    choices crossed and the signatures drawn), built in memory and stored only here, encrypted
    with the rest of the store; empty for a statement signed on paper. Columns that exist are
    left alone, so the step can run again on a store whose version was set back."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(consent_statements)")}
    for name, kind in (("signed_pdf", "BLOB"), ("signed_pdf_sha256", "TEXT")):
        if name not in columns:
            conn.execute(f"ALTER TABLE consent_statements ADD COLUMN {name} {kind}")


_V6_LOGGED_REASONS = """
        -- A free-text reason for a logged action is personal text: it is kept here, with the
        -- intake it belongs to (deleted with it by a destruction), and the logboek entry holds
        -- only this row's random reference. Once the intake is destroyed the reference points
        -- at nothing, and the logboek shows "(vernietigd)". IF NOT EXISTS: the step can run
        -- again on a store whose version was set back.
        CREATE TABLE IF NOT EXISTS logged_reasons (
            ref       TEXT PRIMARY KEY,     -- 'reden-<26 letters>', random: says nothing by itself
            intake_id TEXT NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
            text      TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS logged_reasons_intake ON logged_reasons(intake_id);
"""


def _v7_melding_datum(conn: dbapi2.Connection) -> None:
    """The date of the melding (answer `melding_datum`, form version 4) as a column of the
    intake, so the caseload shows the six-week deadline of the Wmo onderzoek (Wmo 2015 art.
    2.3.2 lid 1) from the intakes it reads anyway, without reading every intake's answers.
    IntakeService.save_answers keeps it equal to the answer; here it is filled from answers
    saved before. Only a real ISO date is copied (an unfinished answer stays NULL). A column
    that exists is left alone, so the step can run again on a store whose version was set
    back."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(intakes)")}
    if "melding_datum" not in columns:
        conn.execute("ALTER TABLE intakes ADD COLUMN melding_datum TEXT")
    # The six weeks are the Wmo's term (art. 2.3.2 lid 1): the column holds the date only
    # when the help asked for falls under the Wmo (answer `hulpvraag_wet` holds "wmo"), as
    # IntakeService.save_answers writes it.
    rows = conn.execute(
        "SELECT d.intake_id, d.value, w.value FROM answers d LEFT JOIN answers w"
        " ON w.intake_id = d.intake_id AND w.field_id = 'hulpvraag_wet'"
        " WHERE d.field_id = 'melding_datum'").fetchall()
    for intake_id, value, law in rows:
        wmo = law is not None and is_wmo(json.loads(law))
        conn.execute("UPDATE intakes SET melding_datum = ? WHERE id = ?",
                     (iso_date_or_none(json.loads(value)) if wmo else None, intake_id))


def is_wmo(law: Any) -> bool:
    """The answer to `hulpvraag_wet` (a list of choices) says the help falls under the Wmo."""
    return isinstance(law, list) and "wmo" in law


def iso_date_or_none(value: Any) -> str | None:
    """`value` when it is an ISO date (jjjj-mm-dd) that exists, else None."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return None


_V8_RESIDENT_REPORTS = """
        -- The verslag voor de inwoner (Wmo 2015 art. 2.3.2 lid 8) of an intake: its number, the
        -- resident's remarks (personal text: encrypted with the store, deleted with the intake)
        -- and, once signed on the screen, the signed PDF built in memory. One row per intake.
        -- IF NOT EXISTS: the step can run again on a store whose version was set back.
        CREATE TABLE IF NOT EXISTS resident_reports (
            intake_id         TEXT PRIMARY KEY REFERENCES intakes(id) ON DELETE CASCADE,
            document_number   TEXT NOT NULL UNIQUE,
            remarks           TEXT NOT NULL DEFAULT '',
            remarks_at        TEXT,             -- UTC, ISO 8601; last change of the remarks
            signed_at         TEXT,             -- local time with offset, as signed
            signed_hash       TEXT,             -- content hash of the text that was signed
            signed_pdf        BLOB,
            signed_pdf_sha256 TEXT,
            created_at        TEXT NOT NULL
        );
"""


MIGRATIONS: list[Migration] = [
    Migration(1, "basis: meta, instellingen, logboek", _V1_FOUNDATION),
    Migration(2, "inwoners, intakes, antwoorden, gegevensverzoeken, afwegingen, "
                 "toestemmingsverklaringen, exportbestanden, vernietigingsbewijzen", _V2_INTAKES),
    Migration(3, "te verwijderen exportbestanden van een vernietiging", _V3_DESTRUCTION_FILES),
    Migration(4, "toestemmingsverklaringen: keuzes per ondertekenaar en per onderdeel", "",
              _v4_signatures_per_signer),
    Migration(5, "toestemmingsverklaringen: op het scherm getekende pdf", "",
              _v5_signed_on_screen),
    Migration(6, "redenen bij het logboek: bij de intake, in het logboek alleen een verwijzing",
              _V6_LOGGED_REASONS),
    Migration(7, "intakes: datum van de melding, voor de termijn van het onderzoek", "",
              _v7_melding_datum),
    Migration(8, "verslag voor de inwoner: nummer, opmerkingen, op het scherm getekende pdf",
              _V8_RESIDENT_REPORTS),
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
