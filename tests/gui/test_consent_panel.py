"""The consent panel driven by keyboard: compose a statement for a 14-year-old with two parents
with custody, preview it (QtPdf from memory), print it on the real CUPS queue, record the
signatures. Screenshots and page renders go to artifacts/screenshots/ (look at them)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QWidget

from desktop_app.documents.report_pdf import build_gespreksverslag_pdf
from desktop_app.domain.data_requests import ConsentState, Status, status_of
from desktop_app.gui.consent.consent_dialogs import ComposeDialog, SignedDialog
from desktop_app.gui.consent.consent_panel import ConsentPanel
from desktop_app.gui.shared.pdf_preview import PdfPreviewDialog, available_printers
from desktop_app.gui.shared.style import apply_style
from desktop_app.services.consent import ConsentService
from desktop_app.services.report import gespreksverslag_for
from desktop_app.services.session import Session
from tests.conftest import require_system_part, which
from tests.integration.test_consent_service import CHILD, PARENTS, setup_intake

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture
def session(profile: Any) -> Session:
    return Session(profile)


def _shoot(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / name))


def _render_pdf(pdf: bytes, prefix: str) -> list[Path]:
    """pdftoppm reads the PDF from stdin; the PNGs are the test's artifacts."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob(f"{prefix}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-", str(SCREENSHOTS / prefix)], input=pdf,
                   check=True)
    return sorted(SCREENSHOTS.glob(f"{prefix}-*.png"))


def _in_modal(qtbot: Any, kind: type[QDialog], handle: Callable[[Any], None],
              seen: list[str]) -> None:
    """Run `handle` on the modal dialog of type `kind` once it is open."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(50, attempt)
            return
        try:
            handle(dialog)
            seen.append(kind.__name__)
        except BaseException as err:  # an assertion inside the dialog must fail the test
            seen.append(f"error: {err!r}")
            dialog.reject()

    QTimer.singleShot(0, attempt)


def _press(qtbot: Any, button: QWidget) -> None:
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def _settle(qtbot: Any, panel: Any, seen: list[str], kind: str) -> None:
    """Building a PDF runs on a worker thread: wait until it is done and the dialog that
    follows it (if any) has been handled."""
    qtbot.waitUntil(lambda: seen and seen[-1] == kind, timeout=20000)
    qtbot.waitUntil(lambda: not panel.busy, timeout=20000)


def test_compose_preview_print_and_sign_by_keyboard(qtbot: Any, qapp: Any,
                                                     session: Session) -> None:
    apply_style(qapp)
    intake_id, huisarts, _school = setup_intake(session)
    panel = ConsentPanel(session, intake_id, "nl")
    qtbot.addWidget(panel)
    panel.resize(1200, 720)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    changes: list[int] = []
    panel.changed.connect(lambda: changes.append(1))
    assert panel.empty_label.isVisible()
    seen: list[str] = []

    # -- compose: the young person and both parents must sign
    def compose(dialog: ComposeDialog) -> None:
        text = dialog.signers_label.text()
        assert "12 tot 16" in text
        for name in (CHILD, *PARENTS):
            assert name in text
        assert dialog.custody_box.isVisible()
        assert dialog.custody_checked.isChecked()
        assert dialog.request_ids() == [huisarts.id]
        assert dialog.ok_button.isEnabled()
        qtbot.wait(50)
        _shoot(dialog, "toestemming-samenstellen.png")
        _press(qtbot, dialog.ok_button)

    _in_modal(qtbot, ComposeDialog, compose, seen)
    states: list[tuple[bool, bool]] = []
    set_busy = panel._set_busy

    def record(busy: bool) -> None:  # the PDF is built on a worker thread meanwhile
        set_busy(busy)
        states.append((busy, panel.compose_button.isEnabled()))

    panel._set_busy = record  # type: ignore[method-assign]
    _press(qtbot, panel.compose_button)
    assert seen == ["ComposeDialog"]
    _settle(qtbot, panel, seen, "ComposeDialog")
    assert states == [(True, False), (False, True)]  # no second action while it ran
    service = ConsentService(session)
    [summary] = service.statements(intake_id)
    assert summary.state is ConsentState.CONCEPT
    assert summary.signer_names == (CHILD, *PARENTS)
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 2).text() == "Concept (nog niet geprint)"
    assert changes
    _shoot(panel, "toestemming-overzicht-concept.png")

    # -- preview from memory
    def preview(dialog: PdfPreviewDialog) -> None:
        assert dialog.page_count() > 0
        dialog.resize(820, 900)
        qtbot.wait(400)  # QPdfView renders pages asynchronously
        _shoot(dialog, "toestemming-voorbeeld.png")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    _in_modal(qtbot, PdfPreviewDialog, preview, seen)
    _press(qtbot, panel.preview_button)
    assert seen[-1] == "PdfPreviewDialog"

    # -- print on the real queue (the Qt print dialog, accepted with Enter)
    require_system_part("PDF" in available_printers(), "CUPS queue 'PDF' (cups-pdf) is missing")
    from PySide6.QtPrintSupport import QPrintDialog

    def accept_print(dialog: QPrintDialog) -> None:
        _shoot(dialog, "toestemming-printdialoog.png")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    _in_modal(qtbot, QPrintDialog, accept_print, seen)
    _press(qtbot, panel.print_button)
    _settle(qtbot, panel, seen, "QPrintDialog")
    assert service.summary(summary.id).state is ConsentState.GEPRINT, panel.message.text()
    assert panel.table.item(0, 2).text() == "Geprint, wacht op handtekening"
    assert status_of(huisarts, service.consents_for(huisarts.id)) is Status.TOESTEMMING_NODIG

    # -- record the signatures: every signer ticked with Space
    def signed(dialog: SignedDialog) -> None:
        assert [name for name, _box in dialog.boxes] == [CHILD, *PARENTS]
        for _name, box in dialog.boxes:
            _press(qtbot, box)
        assert all(box.isChecked() for box in dialog.findChildren(QCheckBox))
        _shoot(dialog, "toestemming-getekend-dialoog.png")
        ok = next(b for b in dialog.findChildren(QWidget)
                  if getattr(b, "text", lambda: "")() == "&Vastleggen")
        _press(qtbot, ok)

    _in_modal(qtbot, SignedDialog, signed, seen)
    _press(qtbot, panel.signed_button)
    assert seen[-1] == "SignedDialog"
    assert service.summary(summary.id).state is ConsentState.GETEKEND
    assert panel.table.item(0, 2).text() == "Getekend"
    assert "Vastgelegd" in panel.message.text()
    assert status_of(huisarts, service.consents_for(huisarts.id)) is Status.TOESTEMMING_GEGEVEN
    assert panel.withdrawn_button.isEnabled() and not panel.print_button.isEnabled()
    _shoot(panel, "toestemming-overzicht-getekend.png")

    # -- the documents themselves, rendered for a human look
    require_system_part(which("pdftoppm"), "pdftoppm (poppler-utils) is missing")
    assert _render_pdf(service.pdf(summary.id), "toestemming-pdf")
    assert _render_pdf(build_gespreksverslag_pdf(gespreksverslag_for(session, intake_id)),
                       "gespreksverslag-pdf")


def test_missing_custody_is_asked_and_cancelled_print_keeps_status(
        qtbot: Any, qapp: Any, session: Session) -> None:
    apply_style(qapp)
    intake_id, _huisarts, _school = setup_intake(session, household=False)
    panel = ConsentPanel(session, intake_id, "nl")
    qtbot.addWidget(panel)
    panel.resize(1200, 720)
    panel.show()
    seen: list[str] = []

    def compose(dialog: ComposeDialog) -> None:
        from tests.gui.keyboard import type_text

        assert not dialog.ok_button.isEnabled()
        assert "gezag" in dialog.problems_label.text()
        dialog.custody_edit.setFocus()
        type_text(qtbot, dialog.custody_edit, f"{PARENTS[0]}, {PARENTS[1]}")
        assert not dialog.ok_button.isEnabled()  # custody is not checked yet
        _shoot(dialog, "toestemming-gezag-vragen.png")
        _press(qtbot, dialog.custody_checked)
        assert dialog.ok_button.isEnabled(), dialog.problems_label.text()
        for name in (CHILD, *PARENTS):
            assert name in dialog.signers_label.text()
        _press(qtbot, dialog.ok_button)

    _in_modal(qtbot, ComposeDialog, compose, seen)
    states: list[tuple[bool, bool]] = []
    set_busy = panel._set_busy

    def record(busy: bool) -> None:  # the PDF is built on a worker thread meanwhile
        set_busy(busy)
        states.append((busy, panel.compose_button.isEnabled()))

    panel._set_busy = record  # type: ignore[method-assign]
    _press(qtbot, panel.compose_button)
    assert seen == ["ComposeDialog"]
    _settle(qtbot, panel, seen, "ComposeDialog")
    assert states == [(True, False), (False, True)]  # no second action while it ran
    service = ConsentService(session)
    [summary] = service.statements(intake_id)
    assert summary.signer_names == (CHILD, *PARENTS)

    # Cancelling the print dialog prints nothing and leaves the status as it was.
    require_system_part(bool(available_printers()), "no CUPS printer for the print dialog")
    from PySide6.QtPrintSupport import QPrintDialog

    _in_modal(qtbot, QPrintDialog, lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape), seen)
    _press(qtbot, panel.print_button)
    _settle(qtbot, panel, seen, "QPrintDialog")
    assert service.summary(summary.id).state is ConsentState.CONCEPT
    assert "afgebroken" in panel.message.text() and "Concept" in panel.message.text()
    _shoot(panel, "toestemming-printen-afgebroken.png")


def test_english_panel_shows_states_signers_history_and_errors_in_english(
        qtbot: Any, qapp: Any, session: Session) -> None:
    """A statement that was printed and signed, in the English UI: the list, the history of
    the statement and a refused step show no Dutch (the names are the resident's own)."""
    import datetime as dt

    from desktop_app.gui.shared import i18n
    from tests.gui.test_english_ui import dutch_among, visible_texts

    apply_style(qapp)
    intake_id, _huisarts, _school = setup_intake(session)
    service = ConsentService(session)
    statement_id = service.create(intake_id, service.compose(intake_id))
    service.mark_printed(statement_id)
    today = session.now().astimezone().date()
    service.record_signed(statement_id, today, [CHILD, *PARENTS])
    try:
        assert i18n.install_language("en") == "en"
        panel = ConsentPanel(session, intake_id)
        qtbot.addWidget(panel)
        panel.resize(1200, 720)
        panel.show()
        assert panel.table.item(0, 2).text() == "Signed"
        # The organisation in the worker's language (the paper says "Huisarts").
        assert panel.table.item(0, 3).text() == "General practitioner"
        assert panel.table.item(0, 4).text().split("\n") == [
            f"{CHILD} (young person)", *(f"{p} (parent with parental authority)"
                                         for p in PARENTS)]
        history = [panel.detail.item(i).text() for i in range(panel.detail.count())]
        assert history[0].endswith("From 12 to 16, the young person and the parent(s) with "
                                   "parental authority sign.")
        assert history[-1].endswith(f"signed (date {today:%d-%m-%Y}) by {CHILD}, "
                                    f"{PARENTS[0]}, {PARENTS[1]}")
        # Refusing a signed statement is not possible: the reason, in English.
        panel._apply(lambda: service.record_refused(statement_id, dt.date.today(), "x"), "")
        assert panel.message.text() == (
            "Error: This statement has already been signed, refused or withdrawn.")
        _shoot(panel, "en-toestemming-getekend.png")
        problems = dutch_among(visible_texts(panel))
        assert not problems, "\n".join(problems)
    finally:
        i18n.reset_language()
