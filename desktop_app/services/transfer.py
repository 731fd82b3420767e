"""Transfer to the central dossier (ZW-4, ZW-6): the report copied section by section or saved
as PDF, the transfer checklist, and the clipboard guard.

Only a confirmed transfer (status `overgedragen`, dossier reference, every checklist item
ticked by the worker) makes destruction possible (services/destruction.py).

Every file the program writes outside the store is registered in `exported_files` *before* its
first byte is written, so a crash in the middle of writing can never leave an unregistered copy
that destruction would not know about (the Open Formulieren gap: a PDF that survives).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.bsn import is_valid_bsn
from desktop_app.messages import Message, MessageError
from desktop_app.services.session import Session
from desktop_app.services.settings import BY_KEY, CLIPBOARD_SECONDS
from desktop_app.vault import audit
from desktop_app.vault.errors import DataFolderNotWritable, DiskFull

if TYPE_CHECKING:
    from desktop_app.domain.report import Gespreksverslag
    from desktop_app.vault.store import Store

ReportBuilder = Callable[[Session, str], "Gespreksverslag"]

# A run of nine digits, possibly written in groups ("123 45 6782", "1234.56.782"): looks like a
# BSN, which must never end up in a dossier reference (it is shown, logged and kept in receipts).
_NINE_DIGITS = re.compile(r"(?<![0-9])(?:[0-9][ .]?){8}[0-9](?![0-9])")
_REFERENCE_SEPARATORS = re.compile(r"[ ./-]")
# 123-45-6782 and 123/456/782 (dots and spaces are caught by _NINE_DIGITS); not 4-5 or 4-2-3,
# which dossier numbers with a year use ("2026-00417", "2026-12-345").
_BSN_GROUPS = re.compile(r"(?<![0-9])[0-9]{3}([-/])(?:[0-9]{2}\1[0-9]{4}|[0-9]{3}\1[0-9]{3})"
                         r"(?![0-9])")
_REFERENCE_CHARS = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._/#:-]*$")
REFERENCE_MIN, REFERENCE_MAX = 3, 40


class TransferError(MessageError):
    """The transfer cannot be confirmed; `.problems` says what is still missing (shown after
    the advice)."""

    def __init__(self, problems: list[Message]) -> None:
        super().__init__(Message("transfer.refused"), Message("transfer.refused.advice"),
                         problems)
        self.problems = list(problems)


class TransferNotReady(MessageError):
    """The intake is still a concept: transfer (and the files for it) only from *klaar voor
    overdracht*, where the program has checked that nothing is missing (issue 19)."""

    def __init__(self) -> None:
        super().__init__(Message("transfer.not_ready"), Message("transfer.not_ready.advice"))


class ExportFailed(MessageError):
    """The report PDF could not be written; `.detail` is the system's reason (for support)."""

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(Message("transfer.export_failed"),
                         Message("transfer.export_failed.advice"), detail=detail)


def dossier_reference_problem(reference: str) -> Message | None:
    """What is wrong with the dossier reference, or None when it is sensible."""
    text = " ".join(reference.split())
    if not text:
        return Message("transfer.reference.missing")
    if len(text) < REFERENCE_MIN:
        return Message("transfer.reference.too_short", min=REFERENCE_MIN)
    if len(text) > REFERENCE_MAX:
        return Message("transfer.reference.too_long", max=REFERENCE_MAX)
    if _NINE_DIGITS.search(text) or _is_bsn_with_separators(text):
        return Message("transfer.reference.looks_like_bsn")
    if not _REFERENCE_CHARS.match(text):
        return Message("transfer.reference.characters")
    if not any(ch.isdigit() for ch in text):
        # A reference without any digit is most likely a name typed in the wrong box.
        return Message("transfer.reference.no_digit")
    return None


def _is_bsn_with_separators(text: str) -> bool:
    """The whole reference is a BSN written with separators ("123-45-6782", "1234/56/782") or
    an 8-digit BSN whose leading zero was dropped ("12345672"): 8 or 9 digits that pass the
    11-proef. The reference is kept in the destruction receipt, so a BSN must not get in.

    Only the whole reference counts: a real number like "TOP-2026-00417" also holds 9 digits
    when its separators are dropped, and one in eleven of those would pass the 11-proef."""
    digits = _REFERENCE_SEPARATORS.sub("", text)
    if digits.isascii() and digits.isdigit() and len(digits) in (8, 9):
        return is_valid_bsn(digits)
    # Inside a longer reference ("TOP 123-45-6782") only the groupings a BSN is written in.
    return any(is_valid_bsn(_REFERENCE_SEPARATORS.sub("", match.group()))
               for match in _BSN_GROUPS.finditer(text))


def normalise_reference(reference: str) -> str:
    return " ".join(reference.split())


@dataclass(frozen=True, slots=True)
class TransferChecklist:
    dossier_reference: str
    report_transferred: bool
    consent_scanned: bool
    paper_notes_shredded: bool


@dataclass(frozen=True, slots=True)
class TransferState:
    intake_id: str
    status: str
    dossier_reference: str | None
    transferred_at: dt.datetime | None
    signed_statements: int  # signed consent statements that must go into the dossier
    exported_files: int
    screen_signed: int = 0  # of those, signed on the screen: saved as PDF, not scanned
    # The verslag voor de inwoner signed on the screen (0 or 1): saved as PDF like those.
    resident_report_signed: int = 0

    @property
    def signed_documents(self) -> int:
        """Everything signed that must be in the dossier: statements (paper or screen) and
        the verslag voor de inwoner signed on the screen."""
        return self.signed_statements + self.resident_report_signed

    @property
    def signed_pdfs(self) -> int:
        """PDFs signed on the screen that the worker saves for the dossier."""
        return self.screen_signed + self.resident_report_signed

    @property
    def transferred(self) -> bool:
        return self.status == "overgedragen"

    @property
    def ready(self) -> bool:
        """Klaar voor overdracht (or transferred): the transfer tab is open."""
        return self.status != "concept"


@dataclass(frozen=True, slots=True)
class CopySection:
    """One part of the report as plain text, for pasting into the dossier system."""

    title: str
    text: str


@dataclass(frozen=True, slots=True)
class ExportedFile:
    path: Path
    sha256: str
    size: int


def checklist_problems(checklist: TransferChecklist,
                       signed_documents: int) -> list[Message]:
    problems: list[Message] = []
    reference_problem = dossier_reference_problem(checklist.dossier_reference)
    if reference_problem:
        problems.append(reference_problem)
    if not checklist.report_transferred:
        problems.append(Message("transfer.check.report"))
    if signed_documents and not checklist.consent_scanned:
        problems.append(Message("transfer.check.consent_scanned"))
    if not checklist.paper_notes_shredded:
        problems.append(Message("transfer.check.paper_shredded"))
    return problems


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")


def default_report_builder(session: Session, intake_id: str) -> Gespreksverslag:
    # Imported late: the documents service (another module) pulls in the form model and the
    # organisation catalogue, which the transfer checklist itself does not need.
    from desktop_app.services.report import gespreksverslag_for

    return gespreksverslag_for(session, intake_id)


def report_sections(report: Gespreksverslag) -> list[CopySection]:
    """The report as copyable parts: the heading data, each section, each data request.
    Dutch, whatever the UI language: it is pasted into the Dutch case file as it is."""
    parts = [CopySection("Gegevens van het verslag", "\n".join([
        report.title,
        f"Documentnummer: {report.document_number}",
        f"Datum: {report.created.strftime('%d-%m-%Y')}",
        f"Inwoner: {report.resident_display_name}",
        f"Medewerker: {report.worker}",
        f"Team: {report.team}, {report.municipality}",
        f"Formulier: {report.form_id} (versie {report.form_version})",
    ]))]
    for section in report.sections:
        parts.append(CopySection(section.title, section.plain_text() or "Niets ingevuld."))
    for number, request in enumerate(report.data_requests, start=1):
        direction = ("Gegevens opvragen bij" if request.direction.value == "opvragen_bij"
                     else "Gegevens verstrekken aan")
        lines = [
            f"{direction}: {request.organisation}",
            f"Doel: {request.purpose}",
            "Gegevens: " + ", ".join(request.data_items),
            f"Grond: {request.basis.value}",
            "Afweging:",
            *(f"  {n}. {step}" for n, step in enumerate(request.weighing_steps, start=1)),
            f"Uitkomst: {request.outcome_summary}",
            f"Toestemming: {request.consent_status}"
            + (f" (toestemmingsverklaring {request.consent_document_number})"
               if request.consent_document_number else ""),
        ]
        parts.append(CopySection(f"Gegevensverzoek {number}: {request.organisation}",
                                 "\n".join(lines)))
    return parts


class TransferService:
    def __init__(self, session: Session, report_builder: ReportBuilder | None = None) -> None:
        self.session = session
        self._report_builder = report_builder or default_report_builder

    @property
    def _store(self) -> Store:
        return self.session.profile.store

    def _log(self, action: str, obj: str, result: str = "ok") -> None:
        audit.append(self._store, at=self.session.now(), actor=self.session.profile.actor,
                     action=action, obj=obj, result=result)

    def state(self, intake_id: str) -> TransferState:
        rows = self._store.query(
            "SELECT status, dossier_reference, transferred_at FROM intakes WHERE id = ?",
            (intake_id,))
        if not rows:
            raise KeyError(intake_id)
        status, reference, transferred = rows[0]
        # A statement withdrawn later was signed too: its paper belongs in the dossier.
        signed = int(self._store.scalar(
            "SELECT count(*) FROM consent_statements WHERE intake_id = ?"
            " AND status IN ('getekend', 'ingetrokken')", (intake_id,)))
        exported = int(self._store.scalar(
            "SELECT count(*) FROM exported_files WHERE intake_id = ?", (intake_id,)))
        on_screen = int(self._store.scalar(
            "SELECT count(*) FROM consent_statements WHERE intake_id = ?"
            " AND status IN ('getekend', 'ingetrokken') AND signed_pdf IS NOT NULL",
            (intake_id,)))
        resident_report = int(self._store.scalar(
            "SELECT count(*) FROM resident_reports WHERE intake_id = ? AND signed_pdf IS NOT NULL",
            (intake_id,)))
        return TransferState(
            intake_id, status, reference,
            dt.datetime.fromisoformat(transferred) if transferred and status == "overgedragen"
            else None,
            signed, exported, on_screen, resident_report)

    # -- the report ---------------------------------------------------------------------------
    def report(self, intake_id: str) -> Gespreksverslag:
        report = self._report_builder(self.session, intake_id)
        self._log("verslag.tonen", intake_id)
        return report

    def sections(self, intake_id: str) -> list[CopySection]:
        parts = report_sections(self.report(intake_id))
        # The resident's remarks on the verslag voor de inwoner belong in the dossier too.
        remarks = self._store.query(
            "SELECT document_number, remarks FROM resident_reports WHERE intake_id = ?"
            " AND remarks != ''", (intake_id,))
        for number, text in remarks:
            parts.append(CopySection(f"Opmerkingen van de inwoner bij verslag {number}", text))
        return parts

    def export_report_pdf(self, intake_id: str, path: Path) -> ExportedFile:
        """Write the report PDF to the place the worker chose and register it for destruction."""
        from desktop_app.documents.report_pdf import build_gespreksverslag_pdf

        self._refuse_concept(intake_id)  # and KeyError for an unknown or destroyed intake
        data = build_gespreksverslag_pdf(self._report_builder(self.session, intake_id))
        return self._write_registered(intake_id, Path(path), data, "verslag.opslaan_als_pdf")

    def export_screen_signed(self, intake_id: str, folder: Path) -> list[ExportedFile]:
        """Write each statement signed on the screen as `<documentnummer>-getekend.pdf` into the
        folder the worker chose, for the central dossier, registered for destruction like the
        report. A paper statement is scanned; a statement signed on the screen exists only in
        the store, and destruction would take the proof of consent with it (AVG art. 7 lid 1:
        the controller must be able to show the consent), so it goes to the dossier as a PDF.
        The file name holds the document number only, no name of the resident."""
        from desktop_app.services.consent import ConsentService

        self._refuse_concept(intake_id)
        consent = ConsentService(self.session)
        written: list[ExportedFile] = []
        for statement_id, number in self._store.query(
                "SELECT id, document_number FROM consent_statements WHERE intake_id = ?"
                " AND signed_pdf IS NOT NULL ORDER BY document_number", (intake_id,)):
            data = consent.signed_pdf(statement_id)
            if data is None:  # pragma: no cover - the query asked for a signed PDF
                continue
            target = Path(folder) / f"{number}-getekend.pdf"
            written.append(self._write_registered(intake_id, target, data,
                                                  "verklaring.opslaan_als_pdf"))
        # The verslag voor de inwoner signed on the screen, with the resident's remarks: it too
        # exists only in the store and goes to the dossier as a PDF (Wmo 2015 art. 2.3.2 lid 8).
        for number, data in self._store.query(
                "SELECT document_number, signed_pdf FROM resident_reports WHERE intake_id = ?"
                " AND signed_pdf IS NOT NULL", (intake_id,)):
            target = Path(folder) / f"{number}-getekend.pdf"
            written.append(self._write_registered(intake_id, target, bytes(data),
                                                  "verslag_inwoner.opslaan_als_pdf"))
        return written

    def _refuse_concept(self, intake_id: str) -> TransferState:
        state = self.state(intake_id)
        if not state.ready:
            raise TransferNotReady()
        return state

    def _write_registered(self, intake_id: str, path: Path, data: bytes,
                          action: str) -> ExportedFile:
        digest = hashlib.sha256(data).hexdigest()
        target = Path(path).expanduser().absolute()
        # Registered first (durable commit), then written: a crash while writing leaves a
        # registered partial file that destruction removes, never an unknown one.
        with self._store.transaction() as store:
            cursor = store.execute(
                "INSERT INTO exported_files(intake_id, path, sha256, created_at)"
                " VALUES (?, ?, ?, ?)",
                (intake_id, str(target), digest, _iso(self.session.now())))
            row_id = cursor.lastrowid
            self._log(action, intake_id)
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                view = memoryview(data)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as err:
            with contextlib.suppress(OSError):
                target.unlink()
            with self._store.transaction() as store:
                store.execute("DELETE FROM exported_files WHERE id = ?", (row_id,))
                self._log(action, intake_id, result="mislukt")
            if err.errno == 28:
                raise DiskFull() from None
            if err.errno in (13, 30):
                raise DataFolderNotWritable(err.strerror) from None
            raise ExportFailed(err.strerror) from None
        return ExportedFile(target, digest, len(data))

    def exported_files(self, intake_id: str) -> list[Path]:
        return [Path(p) for (p,) in self._store.query(
            "SELECT path FROM exported_files WHERE intake_id = ? ORDER BY id", (intake_id,))]

    # -- the checklist ------------------------------------------------------------------------
    def confirm_transfer(self, intake_id: str, checklist: TransferChecklist) -> TransferState:
        state = self.state(intake_id)
        if state.transferred:
            raise TransferError([Message("transfer.already_transferred")])
        if not state.ready:
            with self._store.transaction():
                self._log("overdracht.bevestigen", intake_id, result="geweigerd")
            raise TransferNotReady()
        # The verslag voor de inwoner signed on the screen counts with the signed statements:
        # it exists only in this store until it is saved into the dossier, and destruction
        # would take it with it (Wmo 2015 art. 2.3.2 lid 8).
        problems = checklist_problems(checklist, state.signed_documents)
        if problems:
            with self._store.transaction():
                self._log("overdracht.bevestigen", intake_id, result="geweigerd")
            raise TransferError(problems)
        stamp = _iso(self.session.now())
        with self._store.transaction() as store:
            store.execute(
                "UPDATE intakes SET status = 'overgedragen', dossier_reference = ?,"
                " transferred_at = ?, updated_at = ? WHERE id = ?",
                (normalise_reference(checklist.dossier_reference), stamp, stamp, intake_id))
            self._log("overdracht.bevestigen", intake_id)
        from desktop_app.services.destruction import refresh_queue_file

        refresh_queue_file(self.session)
        return self.state(intake_id)


class ClipboardGuard:
    """Remembers what the program put on the clipboard and clears it after N seconds, or on
    lock/quit, but only while the clipboard still holds that text: what the worker copied from
    elsewhere in the meantime is never touched.

    Qt-free: the GUI passes functions that read and write the system clipboard and calls
    `tick()` from a timer. Only a hash of our text is kept, so the guard holds no resident data.
    """

    def __init__(self, read: Callable[[], str], write: Callable[[str], None],
                 seconds: float = BY_KEY[CLIPBOARD_SECONDS].default,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._read = read
        self._write = write
        self.seconds = seconds
        self._clock = clock
        self._ours: str | None = None
        self._deadline: float | None = None

    @staticmethod
    def _digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def active(self) -> bool:
        return self._ours is not None

    def copy(self, text: str) -> None:
        self._write(text)
        self._ours = self._digest(text)
        self._deadline = self._clock() + self.seconds

    def seconds_left(self) -> float | None:
        if self._deadline is None:
            return None
        return max(0.0, self._deadline - self._clock())

    def tick(self) -> bool:
        """Call regularly; clears when the time is up. True when it cleared the clipboard."""
        if self._deadline is None or self._clock() < self._deadline:
            return False
        return self.clear_now()

    def clear_now(self) -> bool:
        """On lock, quit and destruction. True when our text was still there and is cleared."""
        ours, self._ours, self._deadline = self._ours, None, None
        if ours is None:
            return False
        try:
            current = self._read()
        except Exception:  # a clipboard that cannot be read is left alone
            return False
        if self._digest(current) != ours:
            return False
        self._write("")
        return True
