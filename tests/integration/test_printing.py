"""Printing the toestemmingsverklaring through the program's print path onto a real CUPS queue
(cups-pdf, queue 'PDF'; .ci/run sets it up), and what happens without a working printer.

cups-pdf passes the job through Ghostscript, so its text is not extractable: the printed job is
checked by page count and raster; the text is checked on the program's own PDF bytes elsewhere.
"""

from __future__ import annotations

import getpass
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop_app.domain.data_requests import ConsentState
from desktop_app.services.consent import ConsentService
from desktop_app.services.session import Session
from tests.conftest import require_system_part, which
from tests.integration.test_consent_service import actions_for, setup_intake

ROOT = Path(__file__).resolve().parents[2]
CUPS_PDF_OUT = Path("/tmp/cups-pdf") / getpass.getuser()


@pytest.fixture
def session(profile: Any) -> Session:
    return Session(profile)


def _scheduler_running() -> bool:
    if not which("lpstat"):
        return False
    result = subprocess.run(["lpstat", "-r"], capture_output=True, text=True)
    return result.stdout.strip() == "scheduler is running"


def _dark_fraction(pdf_path: Path) -> float:
    """Share of dark pixels on page 1 (pdftoppm to PGM on stdout, no file)."""
    pgm = subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", "1", "-l", "1", str(pdf_path)],
                         capture_output=True, check=True).stdout
    # Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    header, _sep, rest = pgm.partition(b"\n")
    dims, _sep, rest = rest.partition(b"\n")
    _maxval, _sep, pixels = rest.partition(b"\n")
    assert header == b"P5"
    width, height = (int(v) for v in dims.split())
    pixels = pixels[: width * height]
    return sum(1 for p in pixels if p < 128) / len(pixels)


def test_statement_prints_on_the_cups_pdf_queue(session: Session, qapp: Any) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from desktop_app.gui.consent.consent_panel import print_statement
    from desktop_app.gui.shared.pdf_preview import available_printers

    require_system_part(_scheduler_running(), "CUPS scheduler (cupsd) is not running")
    require_system_part("PDF" in available_printers(), "CUPS queue 'PDF' (cups-pdf) is missing")
    require_system_part(which("pdfinfo") and which("pdftoppm"), "poppler-utils is missing")

    intake_id, _huisarts, _school = setup_intake(session)
    service = ConsentService(session)
    statement_id = service.create(intake_id, service.compose(intake_id))
    job = service.prepare_print(statement_id)
    pages = len(PdfReader(io.BytesIO(job.pdf)).pages)
    assert pages >= 2

    before = set(CUPS_PDF_OUT.glob("*.pdf")) if CUPS_PDF_OUT.exists() else set()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName("PDF")
    printer.setDocName(job.document_number)
    printer.setFullPage(True)
    result = print_statement(service, job, printer)
    assert result.ok, result.message
    assert result.pages == pages
    assert service.summary(statement_id).state is ConsentState.GEPRINT
    assert "verklaring.printen" in actions_for(session, statement_id)

    # cups-pdf writes the file while Ghostscript runs: wait until it is a complete PDF.
    deadline = time.monotonic() + 30
    printed: list[Path] = []
    info = ""
    while time.monotonic() < deadline:
        current = set(CUPS_PDF_OUT.glob("*.pdf")) if CUPS_PDF_OUT.exists() else set()
        printed = [p for p in current - before if p.name.startswith(job.document_number)]
        if printed:
            probe = subprocess.run(["pdfinfo", str(printed[0])], capture_output=True, text=True)
            if probe.returncode == 0:
                info = probe.stdout
                break
        time.sleep(0.2)
    assert printed, f"no job for {job.document_number} in {CUPS_PDF_OUT}"
    assert info, "the printed job never became a readable PDF"
    page_line = next(line for line in info.splitlines() if line.startswith("Pages:"))
    assert int(page_line.split()[1]) == pages
    assert "A4" in info
    # Not an empty page: the statement's text and boxes are on the paper (a few % dark).
    assert 0.005 < _dark_fraction(printed[0]) < 0.5


def test_printer_that_cannot_start_leaves_status_unchanged(
        session: Session, qapp: Any, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from desktop_app.gui.consent.consent_panel import print_statement

    intake_id, _huisarts, _school = setup_intake(session)
    service = ConsentService(session)
    statement_id = service.create(intake_id, service.compose(intake_id))
    job = service.prepare_print(statement_id)
    # A real QPainter.begin() failure: the device cannot open its output.
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "bestaat-niet" / "x.pdf"))
    result = print_statement(service, job, printer)
    assert not result.ok
    assert "doet het niet" in result.message and "niets geprint" in result.message
    assert service.summary(statement_id).state is ConsentState.CONCEPT
    assert "verklaring.printen" not in actions_for(session, statement_id)
    assert not (tmp_path / "bestaat-niet").exists()


_NO_CUPS_SCRIPT = r"""
import io, json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from PySide6.QtPrintSupport import QPrinter
from reportlab.pdfgen import canvas
from desktop_app.gui.shared.pdf_preview import ask_and_print, available_printers, print_pdf
out = io.BytesIO(); c = canvas.Canvas(out); c.drawString(72, 720, "Fictief"); c.showPage(); c.save()
direct = print_pdf(out.getvalue(), QPrinter())
dialog = ask_and_print(None, out.getvalue(), "TV-2026-000001-X")
print(json.dumps({"printers": available_printers(),
                  "direct": [direct.ok, direct.message],
                  "dialog": [dialog.ok, dialog.message, dialog.cancelled]}))
"""


def test_no_printer_gives_a_dutch_message() -> None:
    # A CUPS client that finds no scheduler is exactly a laptop without printers; pointing the
    # client at a socket that does not exist gives that without stopping the shared cupsd.
    env = dict(os.environ, CUPS_SERVER="/nonexistent/cups.sock", QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    completed = subprocess.run([sys.executable, "-c", _NO_CUPS_SCRIPT], env=env,
                               capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert completed.returncode == 0, completed.stderr
    data = json.loads(completed.stdout.strip().splitlines()[-1])
    assert data["printers"] == []
    for ok, message in (data["direct"], data["dialog"][:2]):
        assert ok is False
        assert "geen printer gevonden" in message and "niets geprint" in message
    assert data["dialog"][2] is False  # no dialog was shown, so nothing was "cancelled"
