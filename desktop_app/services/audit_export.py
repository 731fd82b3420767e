"""The logboek for the worker and the privacy officer: filtered views, the chain check, and a
CSV export without content (time, actor, action, object, on_behalf_of, result, reason).

Entries only ever hold pseudonymous ids and short reasons (vault/audit.py refuses anything
else), so the export contains no names, no BSN and no note text by construction; the CSV is
written with a formula guard so a spreadsheet never runs a cell as a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.services.session import ProfileService, Session
from desktop_app.vault import audit
from desktop_app.vault.errors import VaultError

CSV_COLUMNS = ("tijd", "actor", "actie", "object", "namens", "resultaat", "reden")

# Dutch descriptions of actions for the logboek screen; unknown actions show as they are.
ACTION_LABELS = {
    "profiel.aanmaken": "Profiel aangemaakt",
    "ontgrendelen": "Ontgrendeld",
    "vergrendelen": "Vergrendeld",
    "instelling.wijzigen": "Instelling gewijzigd",
    "wachtwoordzin.wijzigen": "Wachtwoordzin gewijzigd",
    "sleutel.roteren": "Sleutel vernieuwd",
    "logboek.controleren": "Logboek gecontroleerd",
    "logboek.exporteren": "Logboek geëxporteerd",
    "intake.starten": "Intake gestart",
    "intake.openen": "Intake geopend",
    "intake.waarnemen": "Ingekeken als waarnemer",
    "intake.coordinator_wijzigen": "Coördinator gewijzigd",
    "intake.status_wijzigen": "Status gewijzigd",
    "intake.formulier_bijwerken": "Formulier bijgewerkt",
    "bsn.tonen": "BSN getoond",
}
RESULT_LABELS = {"ok": "gelukt", "geweigerd": "geweigerd", "mislukt": "mislukt"}


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Period as dates in UTC (both inclusive), an exact action, an exact object id."""

    since: dt.date | None = None
    until: dt.date | None = None
    action: str = ""
    obj: str = ""

    def query(self) -> dict[str, str | None]:
        until = self.until + dt.timedelta(days=1) if self.until else None
        return {
            "since": self.since.isoformat() if self.since else None,
            # Stored times are ISO text in UTC, so comparing text compares time.
            "until": until.isoformat() if until else None,
            "action": self.action or None,
            "obj": self.obj.strip() or None,
        }


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def entries(session: Session, flt: AuditFilter | None = None) -> list[audit.AuditEntry]:
    return session.audit_entries(**(flt or AuditFilter()).query())


def known_actions(session: Session) -> list[str]:
    rows = session.profile.store.query("SELECT DISTINCT action FROM audit_log ORDER BY action")
    return [r[0] for r in rows]


def verification_lines(result: audit.AuditVerification) -> list[str]:
    """The chain check in Dutch, one line per problem."""
    if result.ok:
        return [f"Het logboek is in orde: {result.entries_checked} regels gecontroleerd, "
                "niets gewijzigd of verwijderd."]
    n = len(result.problems)
    lines = [f"Let op: het logboek is gewijzigd. {n} {'probleem' if n == 1 else 'problemen'} "
             f"gevonden in {result.entries_checked} regels:"]
    for problem in result.problems:
        where = f"regel {problem.seq}" if problem.seq is not None else "einde van het logboek"
        lines.append(f"• {where}: {problem.description}")
    lines.append("Meld dit bij de privacyfunctionaris van uw gemeente.")
    return lines


def _safe_cell(value: str) -> str:
    # Spreadsheets run cells starting with these as formulas (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_text(rows: Iterable[audit.AuditEntry]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in rows:
        writer.writerow([_safe_cell(v) for v in (e.at, e.actor, e.action, e.object,
                                                   e.on_behalf_of, e.result, e.reason)])
    return buffer.getvalue()


def export_csv(session: Session, path: Path, flt: AuditFilter | None = None) -> int:
    """Write the (filtered) logboek to `path` as UTF-8 CSV with BOM (Excel reads it as
    UTF-8); the export itself is logged. Returns the number of entries written."""
    rows = entries(session, flt)
    data = ("\ufeff" + csv_text(rows)).encode("utf-8")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        session.profile.log("logboek.exporteren", result="mislukt")
        raise ExportFailed(err.strerror or type(err).__name__) from None
    session.profile.log("logboek.exporteren")
    return len(rows)


class ExportFailed(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.message = (f"Het logboek kon niet worden opgeslagen ({detail}). Kies een andere "
                        "map, bijvoorbeeld op een versleutelde USB-stick van de gemeente.")


# -- CLI support: `wijkteam-intake audit verify|export` ----------------------------------------
def _unlock(service: ProfileService, profile_name: str, passphrase: str) -> Session:
    profiles = service.profiles()
    matches = [p for p in profiles if profile_name in (p.worker_name, p.profile_id)]
    if not matches and len(profiles) == 1 and not profile_name:
        matches = profiles
    if len(matches) != 1:
        raise LookupError("profiel niet gevonden; geef --profiel met de naam of het id")
    return service.unlock(matches[0], passphrase)


def cli_verify(service: ProfileService, profile_name: str,
               passphrase: str) -> tuple[int, list[str]]:
    try:
        session = _unlock(service, profile_name, passphrase)
    except LookupError as err:
        return 2, [f"Fout: {err}"]
    except VaultError as err:
        return 1, [f"Fout: {err.message}"]
    try:
        result = session.verify_audit_log()
    finally:
        session.lock()
    return (0 if result.ok else 1), verification_lines(result)


def cli_export(service: ProfileService, profile_name: str, passphrase: str, target: Path,
               flt: AuditFilter | None = None) -> tuple[int, list[str]]:
    try:
        session = _unlock(service, profile_name, passphrase)
    except LookupError as err:
        return 2, [f"Fout: {err}"]
    except VaultError as err:
        return 1, [f"Fout: {err.message}"]
    try:
        count = export_csv(session, target, flt)
    except ExportFailed as err:
        return 1, [f"Fout: {err.message}"]
    finally:
        session.lock()
    return 0, [f"{count} regels geëxporteerd naar {target}"]
