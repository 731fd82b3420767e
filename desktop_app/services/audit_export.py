"""The logboek for the worker and the privacy officer: filtered views, the chain check, and a
CSV export without content (time, actor, action, object, on_behalf_of, result, reason).

Every action and result has a label (`action_label`, `result_label`; catalogue
messages/texts/logbook.py): the screen and the export show words, never a code like
`verslag.opslaan_als_pdf`. The CSV is for the (Dutch) privacy officer: its `actie` and
`resultaat` columns hold the Dutch labels, whatever the UI language, and the codes follow in
the machine-readable columns `actiecode` and `resultaatcode`.

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
from dataclasses import dataclass, replace
from pathlib import Path

from desktop_app.messages import Joined, Message, MessageError, render
from desktop_app.messages.catalogue import TEXTS
from desktop_app.services.records import shown_reason
from desktop_app.services.session import ProfileService, Session
from desktop_app.vault import audit

CSV_COLUMNS = ("tijd", "actor", "actie", "object", "namens", "resultaat", "reden", "actiecode",
               "resultaatcode")
CSV_LANGUAGE = "nl"  # the labels in the export: for the privacy officer of a Dutch municipality


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


def action_label(action: str) -> Message:
    """What the worker did, in words. An action only another version of the program logs
    (not in this catalogue) reads "Andere actie (<code>)"."""
    if f"audit.action.{action}" in TEXTS:
        return Message(f"audit.action.{action}")
    return Message("audit.action.unknown", code=action)


def result_label(result: str) -> Message | str:
    """'gelukt', 'geweigerd', 'mislukt' (vault/audit.py allows no other results)."""
    return Message(f"audit.result.{result}") if result in audit.RESULTS else result


def entries(session: Session, flt: AuditFilter | None = None) -> list[audit.AuditEntry]:
    """The entries as shown and exported: a reason kept with its intake (a reference in the
    log) reads as its words while the intake exists, and as "(vernietigd)" after."""
    store = session.profile.store
    return [replace(e, reason=shown_reason(store, e.reason)) if e.reason else e
            for e in session.audit_entries(**(flt or AuditFilter()).query())]


def known_actions(session: Session) -> list[str]:
    rows = session.profile.store.query("SELECT DISTINCT action FROM audit_log ORDER BY action")
    return [r[0] for r in rows]


def verification_lines(result: audit.AuditVerification) -> list[Message]:
    """The chain check, one line per problem."""
    if result.ok:
        return [Message("audit.verify.ok", n=result.entries_checked)]
    lines = [Message("audit.verify.changed", n=len(result.problems),
                     checked=result.entries_checked)]
    for problem in result.problems:
        lines.append(Message("audit.verify.problem_at", seq=problem.seq,
                             problem=problem.description) if problem.seq is not None
                     else Message("audit.verify.problem_end", problem=problem.description))
    lines.append(Message("audit.verify.report"))
    return lines


def _safe_cell(value: str) -> str:
    # Spreadsheets run cells starting with these as formulas (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_text(rows: Iterable[audit.AuditEntry]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in rows:
        action = render(action_label(e.action), CSV_LANGUAGE)
        result = render(result_label(e.result), CSV_LANGUAGE)
        writer.writerow([_safe_cell(v) for v in (e.at, e.actor, action, e.object,
                                                   e.on_behalf_of, result, e.reason, e.action,
                                                   e.result)])
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


class ExportFailed(MessageError):
    """The CSV could not be written; `detail` is the system's reason (also in the message)."""

    def __init__(self, detail: str) -> None:
        super().__init__(Message("audit.export_failed", reason=detail),
                         Message("audit.export_failed.advice"), detail=detail)


# -- CLI support: `wijkteam-intake audit verify|export` (lines in Dutch, like the other commands)
def _unlock(service: ProfileService, profile_name: str, passphrase: str) -> Session:
    profiles = service.profiles()
    matches = [p for p in profiles if profile_name in (p.worker_name, p.profile_id)]
    if not matches and len(profiles) == 1 and not profile_name:
        matches = profiles
    if len(matches) != 1:
        raise LookupError("profile not found")
    return service.unlock(matches[0], passphrase)


def cli_verify(service: ProfileService, profile_name: str,
               passphrase: str) -> tuple[int, list[str]]:
    try:
        session = _unlock(service, profile_name, passphrase)
    except LookupError:
        return 2, [str(Message("audit.cli.profile_not_found"))]
    except MessageError as err:
        return 1, [str(Message("audit.cli.error", message=Joined(err.parts(), " ")))]
    try:
        result = session.verify_audit_log()
    finally:
        session.lock()
    return (0 if result.ok else 1), [str(line) for line in verification_lines(result)]


def cli_export(service: ProfileService, profile_name: str, passphrase: str, target: Path,
               flt: AuditFilter | None = None) -> tuple[int, list[str]]:
    try:
        session = _unlock(service, profile_name, passphrase)
    except LookupError:
        return 2, [str(Message("audit.cli.profile_not_found"))]
    except MessageError as err:
        return 1, [str(Message("audit.cli.error", message=Joined(err.parts(), " ")))]
    try:
        count = export_csv(session, target, flt)
    except ExportFailed as err:
        return 1, [str(Message("audit.cli.error", message=Joined(err.parts(), " ")))]
    finally:
        session.lock()
    return 0, [str(Message("audit.cli.exported", n=count, file=str(target)))]
