"""The consent panel driven by keyboard: compose a statement for a 14-year-old with two parents
with custody, preview it (QtPdf from memory), print it on the real CUPS queue, record per
signer the signature and the Ja/Nee per item. Screenshots and page renders go to
artifacts/screenshots/ (look at them)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QRadioButton, QWidget

from desktop_app.documents.report_pdf import build_gespreksverslag_pdf
from desktop_app.domain.consent import Choice, ItemOutcome, SignerRecord
from desktop_app.domain.data_requests import ConsentState, Status
from desktop_app.gui.consent.consent_dialogs import ComposeDialog, SignedDialog
from desktop_app.gui.consent.consent_panel import ConsentPanel
from desktop_app.gui.shared.pdf_preview import PdfPreviewDialog, available_printers
from desktop_app.gui.shared.style import apply_style
from desktop_app.services.consent import ConsentService
from desktop_app.services.data_requests import DataRequestService
from desktop_app.services.report import gespreksverslag_for
from desktop_app.services.session import Session
from tests.conftest import require_system_part, which
from tests.gui.consent_setup import CHILD, PARENTS, intake_14, today

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture
def session(profile: Any) -> Session:
    return Session(profile)


def _shoot(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # the layout settles before the picture
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
        if not isinstance(dialog, kind) or not dialog.isActiveWindow():
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


def _sign_by_keyboard(qtbot: Any, dialog: SignedDialog,
                      choices: dict[tuple[int, int], Choice]) -> None:
    """Tab to each signer's "heeft getekend" and tick it with Space; Tab on to his choices and
    pick with the arrow keys (Ja, Nee, leeg from left to right), as on the paper."""
    order = [Choice.JA, Choice.NEE, Choice.LEEG]
    for column in dialog.columns:
        assert column.signed is not None
        for _ in range(60):
            if QApplication.focusWidget() is column.signed:
                break
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is column.signed
        qtbot.keyClick(column.signed, Qt.Key.Key_Space)
        qtbot.keyClick(column.signed, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is column.date
        for index, cell in column.cells.items():
            # Tab steps through the date's day, month and year first (Qt's date field).
            for _ in range(4):
                qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
                if QApplication.focusWidget() in cell.buttons.values():
                    break
            # Tab lands on the chosen answer: nothing is pre-ticked, so on "leeg".
            assert QApplication.focusWidget() is cell.buttons[Choice.LEEG]
            wanted = choices.get((column.index, index), Choice.JA)
            for _ in range(2):
                if cell.choice() is wanted:
                    break
                key = (Qt.Key.Key_Left if order.index(wanted) < order.index(cell.choice())
                       else Qt.Key.Key_Right)
                qtbot.keyClick(QApplication.focusWidget(), key)
            assert cell.choice() is wanted
            assert isinstance(QApplication.focusWidget(), QRadioButton)


def test_compose_preview_print_and_sign_by_keyboard(qtbot: Any, qapp: Any,
                                                     session: Session) -> None:
    apply_style(qapp)
    intake_id, requests = intake_14(session)
    huisarts, jeugd = requests["huisarts"], requests["jeugd"]
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

    # -- compose: the young person and both parents must sign (WGBO 7:450 lid 2)
    def compose(dialog: ComposeDialog) -> None:
        text = dialog.signers_label.text()
        assert "12 tot 16" in text
        for name in (CHILD, *PARENTS):
            assert name in text
        assert dialog.custody_box.isVisible()
        assert dialog.custody_checked.isChecked()
        # Both parents as persons of their own, each with the role "ouder met gezag".
        assert [(r.holder().name, r.role_combo.currentText()) for r in dialog.custody_rows] == [
            (PARENTS[0], "ouder met gezag"), (PARENTS[1], "ouder met gezag")]
        assert sorted(dialog.request_ids()) == sorted([huisarts, jeugd])  # the school: info
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
    assert panel.table.item(0, 2).text() == "Klaar om te printen"
    assert not panel.signed_button.isEnabled()  # not printed yet
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
    requests_service = DataRequestService(session)
    assert requests_service.get(huisarts).status is Status.TOESTEMMING_NODIG
    assert panel.signed_button.isEnabled()

    # -- record the paper by keyboard: everyone signed, everyone Ja (AVG art. 7 lid 1)
    def signed(dialog: SignedDialog) -> None:
        assert [c.index for c in dialog.columns] == [0, 1, 2]
        _sign_by_keyboard(qtbot, dialog, {})
        assert all(c.signed.isChecked() for c in dialog.columns)
        assert all(cell.choice() is Choice.JA for c in dialog.columns
                   for cell in c.cells.values())
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
    assert requests_service.get(huisarts).status is Status.TOESTEMMING_GEGEVEN
    assert requests_service.get(huisarts).can_send and requests_service.get(jeugd).can_send
    assert panel.withdrawn_button.isEnabled() and not panel.print_button.isEnabled()
    assert not panel.signed_button.isEnabled()
    _shoot(panel, "toestemming-overzicht-getekend.png")

    # -- the documents themselves, rendered for a human look
    require_system_part(which("pdftoppm"), "pdftoppm (poppler-utils) is missing")
    assert _render_pdf(service.pdf(summary.id), "toestemming-pdf")
    assert _render_pdf(build_gespreksverslag_pdf(gespreksverslag_for(session, intake_id)),
                       "gespreksverslag-pdf")


def test_missing_custody_is_asked_and_cancelled_print_keeps_status(
        qtbot: Any, qapp: Any, session: Session) -> None:
    apply_style(qapp)
    intake_id, _requests = intake_14(session, custody=False)
    panel = ConsentPanel(session, intake_id, "nl")
    qtbot.addWidget(panel)
    panel.resize(1200, 720)
    panel.show()
    seen: list[str] = []

    def compose(dialog: ComposeDialog) -> None:
        from tests.gui.keyboard import type_text

        assert not dialog.ok_button.isEnabled()
        assert "gezag" in dialog.problems_label.text()
        assert [r.holder() for r in dialog.custody_rows] == [None]  # one empty row
        first = dialog.custody_rows[0]
        first.name_edit.setFocus()
        type_text(qtbot, first.name_edit, PARENTS[0])
        dialog.add_custody_button.setFocus()
        qtbot.keyClick(dialog.add_custody_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: len(dialog.custody_rows) == 2)
        type_text(qtbot, dialog.custody_rows[1].name_edit, PARENTS[1])
        assert not dialog.ok_button.isEnabled()  # custody is not checked yet
        assert "Controleer wie het gezag" in dialog.problems_label.text() or (
            "gezag" in dialog.problems_label.text())
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
    assert "afgebroken" in panel.message.text()
    assert "Klaar om te printen" in panel.message.text()
    _shoot(panel, "toestemming-printen-afgebroken.png")


def test_english_panel_shows_states_signers_history_and_errors_in_english(
        qtbot: Any, qapp: Any, session: Session) -> None:
    """A statement that was printed and signed, one parent saying no to one item, in the
    English UI: the list with the outcome per item, the history and a refused step show no
    Dutch (the names are the resident's own and the organisations' real names)."""
    import datetime as dt

    from desktop_app.gui.shared import i18n
    from tests.gui.test_english_ui import dutch_among, visible_texts

    apply_style(qapp)
    intake_id, requests = intake_14(session)
    service = ConsentService(session)
    statement_id = service.create(intake_id, service.compose(
        intake_id, [requests["huisarts"], requests["jeugd"]]))
    service.mark_printed(statement_id)
    day = today(session)
    items = {i.request_id: i.index for i in service.summary(statement_id).items}
    gp, youth = items[requests["huisarts"]], items[requests["jeugd"]]
    service.record_signed(statement_id, [
        SignerRecord(0, True, day, {gp: Choice.JA, youth: Choice.JA}),
        SignerRecord(1, True, day, {gp: Choice.JA, youth: Choice.JA}),
        SignerRecord(2, True, day, {gp: Choice.JA, youth: Choice.NEE}),
    ])
    assert {i.index: i.outcome for i in service.summary(statement_id).items} == {
        gp: ItemOutcome.GIVEN, youth: ItemOutcome.REFUSED}
    try:
        assert i18n.install_language("en") == "en"
        panel = ConsentPanel(session, intake_id)
        qtbot.addWidget(panel)
        panel.resize(1200, 720)
        panel.show()
        assert panel.table.item(0, 2).text() == "Signed"
        organisations = panel.table.item(0, 3).text().split("\n")
        assert sorted(organisations) == ["Huisartsenpraktijk De Linde: consent given",
                                         "Jeugdhulp Het Anker: refused"]
        assert panel.table.item(0, 4).text().split("\n") == [
            f"{CHILD} (young person)", *(f"{p} (parent with parental authority)"
                                         for p in PARENTS)]
        history = [panel.detail.item(i).text() for i in range(panel.detail.count())]
        assert "From 12 to 16" in history[0]
        assert any(f"by {CHILD}, {PARENTS[0]}, {PARENTS[1]}" in line for line in history)
        # Refusing a signed statement is not possible: the reason, in English.
        panel._apply(lambda: service.record_refused(statement_id, dt.date.today(), "x"), "")
        assert panel.message.text() == (
            "Error: This statement has already been signed, refused or withdrawn.")
        _shoot(panel, "en-toestemming-getekend.png")
        problems = dutch_among(visible_texts(panel))
        assert not problems, "\n".join(problems)
    finally:
        i18n.reset_language()
