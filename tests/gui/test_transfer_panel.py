"""The Overdracht tab by keyboard: copy a section (clipboard cleared after the set time, but not
when someone else replaced it), save the PDF, tick the checklist, confirm, destroy after one
confirm dialog, read the receipt. Screenshots: artifacts/screenshots/overdracht-*.png."""

from __future__ import annotations

import datetime as dt
import gc
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QScrollArea

from desktop_app.gui.shared.style import apply_style
from desktop_app.gui.system.clipboard import QtClipboardGuard
from desktop_app.gui.transfer.transfer_panel import TransferPanel
from desktop_app.services.demo import make_ready
from desktop_app.services.destruction import receipts
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from desktop_app.vault import audit
from tests.gui.keyboard import type_text
from tests.integration.test_destruction_forensic import force_ready

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


class FakeMonotonic:
    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def session(profile) -> Session:
    apply_style(QApplication.instance())
    return Session(profile)


def _intake(session: Session) -> str:
    service = IntakeService(session)
    intake_id = service.start_intake("Ayşe Yılmaz", dt.date(1984, 3, 12))
    service.save_answers(intake_id, {
        "bezoek_datum": "2026-11-20",
        "hulpvraag": "Mevrouw wil hulp bij het op orde brengen van haar geldzaken.\n\n"
                     "Zij heeft een schuld bij de woningcorporatie.",
        "inwoner_woonplaats": "Zwolle",
        "inwoner_notities": "Voorkeur voor afspraken in de ochtend.",
    })
    make_ready(service, intake_id)  # transfer only from klaar voor overdracht
    return intake_id


def _window(panel: TransferPanel, qtbot) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(panel)
    window.resize(1280, 860)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _shot(widget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"overdracht-{name}.png"))


def _alt(qtbot, window, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)
    # A button's mnemonic "animates" the click: clicked() follows about 100 ms later.
    qtbot.wait(200)


def test_keyboard_walk_transfer_checklist_destroy_receipt(session: Session, qtbot,
                                                          tmp_path: Path) -> None:
    intake_id = _intake(session)
    clock = FakeMonotonic()
    guard = QtClipboardGuard(clock)
    panel = TransferPanel(session, intake_id, "nl", clipboard=guard)
    window = _window(panel, qtbot)
    assert len(panel.copy_buttons) >= 3
    _shot(window, "1-verslag")

    # Copy a section with the keyboard: focus its button, press Space.
    button = panel.copy_buttons[1]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    board = QGuiApplication.clipboard()
    assert board.text() == panel._sections[1].text and board.text()
    assert "30 seconden" in panel.clipboard_status.text()
    _shot(window, "2-gekopieerd")
    clock.value += 29
    guard.tick()
    assert board.text() == panel._sections[1].text  # not yet
    clock.value += 2
    guard.tick()
    assert board.text() == "" and "gewist" in panel.clipboard_status.text()

    # Someone else replaces the clipboard: it is left alone.
    qtbot.keyClick(panel.copy_buttons[0], Qt.Key.Key_Space)
    board.setText("adres van de bakker")
    clock.value += 31
    guard.tick()
    assert board.text() == "adres van de bakker"
    assert "iets anders" in panel.clipboard_status.text()

    # Copy, then lock: cleared at once.
    qtbot.keyClick(panel.copy_buttons[0], Qt.Key.Key_Space)
    assert panel.clear_clipboard_now() and board.text() == ""

    # Save the report as PDF (Alt+S); the chosen path is registered.
    target = tmp_path / "gespreksverslag.pdf"
    panel.choose_pdf_path = lambda: target
    # Built and written on a worker thread; meanwhile no second action on this intake.
    states: list[tuple[bool, bool]] = []
    set_busy = panel._set_busy

    def record(busy: bool) -> None:
        set_busy(busy)
        states.append((busy, panel.save_pdf_button.isEnabled()))

    panel._set_busy = record  # type: ignore[method-assign]
    _alt(qtbot, window, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: len(states) == 2, timeout=20000)
    assert states == [(True, False), (False, True)]
    assert target.read_bytes()[:5] == b"%PDF-"
    assert str(target) in panel.files_label.text()

    # Checklist: Alt+D to the dossier number, then Tab and Space through the boxes.
    _alt(qtbot, window, Qt.Key.Key_D)
    assert QApplication.focusWidget() is panel.reference_edit
    type_text(qtbot, panel.reference_edit, "999993847")  # a BSN typed by mistake
    _alt(qtbot, window, Qt.Key.Key_R)  # Het verslag staat in het dossier
    _alt(qtbot, window, Qt.Key.Key_P)  # papieren aantekeningen versnipperd
    assert panel.report_check.isChecked() and panel.paper_check.isChecked()
    assert not panel.consent_check.isEnabled()  # no signed statements in this intake
    _alt(qtbot, window, Qt.Key.Key_V)
    assert panel.check_error.isVisible() and "BSN" in panel.check_error.text()
    assert QApplication.focusWidget() is panel.reference_edit
    _shot(window, "3-controlelijst-fout")
    # Also with separators, and with the leading zero of an 8-digit BSN dropped: the reference
    # would otherwise stay in the destruction receipt.
    for bsn_like in ("123-45-6782", "12345672", "TOP 123/456/782"):
        panel.reference_edit.selectAll()
        type_text(qtbot, panel.reference_edit, bsn_like)
        _alt(qtbot, window, Qt.Key.Key_V)
        assert panel.check_error.isVisible()
        assert "Dit lijkt op een BSN (8 of 9 cijfers)" in panel.check_error.text(), bsn_like
        assert QApplication.focusWidget() is panel.reference_edit
    panel.reference_edit.selectAll()
    type_text(qtbot, panel.reference_edit, "TOP-2026-00417")

    # Confirm (Alt+V): with the default grace period 0 the destroy dialog follows at once.
    seen: dict[str, str] = {}

    def answer_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QMessageBox):
            QTimer.singleShot(50, answer_dialog)
            return
        seen["text"] = dialog.text()
        _shot(dialog, "4-vernietigen-vragen")
        # Default is "Niet nu": the worker must move to Vernietigen on purpose (Tab, Space).
        seen["default"] = dialog.defaultButton().text().replace("&", "")
        destroy = next(b for b in dialog.buttons() if b.text().replace("&", "") == "Vernietigen")
        for _ in range(4):
            if dialog.focusWidget() is destroy:
                break
            qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Tab)
        seen["reached"] = str(dialog.focusWidget() is destroy)
        if dialog.focusWidget() is destroy:
            qtbot.keyClick(destroy, Qt.Key.Key_Space)
        else:
            dialog.reject()  # fail the test below instead of hanging

    QTimer.singleShot(50, answer_dialog)
    _alt(qtbot, window, Qt.Key.Key_V)
    qtbot.waitUntil(lambda: panel.result is not None, timeout=20000)
    assert "vernietigen" in seen["text"] and seen["default"] == "Niet nu"
    assert seen["reached"] == "True"
    result = panel.result
    assert result is not None and result.key_rotated and result.receipt.completed
    assert [f.state for f in result.files] == ["verwijderd"] and not target.exists()
    text = panel.receipt_label.text()
    assert panel.receipt_card.isVisible() and not panel.report_card.isVisible()
    assert "vernietigd" in text and "TOP-2026-00417" in text and "Sleutel vervangen: ja" in text
    assert "Gewist en verwijderd" in panel.receipt_files.text()
    assert "Yılmaz" not in text and "geldzaken" not in text
    assert panel.copy_buttons == []
    window.activateWindow()  # offscreen, the window is not re-activated after a modal dialog
    qtbot.waitUntil(lambda: window.focusWidget() is panel.receipt_label)
    qtbot.wait(50)
    _shot(window, "5-bewijs")
    [stored] = receipts(session)
    assert stored.intake_pseudonym == intake_id
    assert session.profile.store.scalar("SELECT count(*) FROM intakes") == 0
    assert "intake.vernietigen" in {e.action for e in audit.entries(session.profile.store)}


def test_not_now_keeps_the_transferred_intake(session: Session, qtbot) -> None:
    intake_id = _intake(session)
    panel = TransferPanel(session, intake_id, "nl", clipboard=QtClipboardGuard(FakeMonotonic()))
    window = _window(panel, qtbot)
    panel.reference_edit.setText("Z/2026/12")
    panel.report_check.setChecked(True)
    panel.paper_check.setChecked(True)

    def decline() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QMessageBox):
            QTimer.singleShot(50, decline)
            return
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(50, decline)
    _alt(qtbot, window, Qt.Key.Key_V)
    assert panel.result is None
    assert panel.transferred_label.isVisible() and "Z/2026/12" in panel.transferred_label.text()
    assert panel.destroy_button.isEnabled() and not panel.confirm_button.isVisible()
    assert session.profile.store.scalar("SELECT status FROM intakes") == "overgedragen"
    _shot(window, "6-overgedragen")


def test_clipboard_guard_logic_without_qt() -> None:
    """The guard itself: only our text is cleared, only after the time, and it keeps a hash."""
    from desktop_app.services.transfer import ClipboardGuard

    board = {"text": ""}
    clock = FakeMonotonic()
    guard = ClipboardGuard(lambda: board["text"], lambda t: board.update(text=t), 30, clock)
    assert not guard.tick() and not guard.clear_now()  # nothing of ours yet
    guard.copy("Hulpvraag: schulden")
    assert board["text"] == "Hulpvraag: schulden" and guard.seconds_left() == 30
    assert "schulden" not in repr(vars(guard))  # only a hash of our text is kept
    clock.value += 29.9
    assert not guard.tick() and board["text"] == "Hulpvraag: schulden"
    clock.value += 0.2
    assert guard.tick() and board["text"] == "" and not guard.active
    guard.copy("Adres: Dorpsstraat 1")
    board["text"] = "iets van de medewerker zelf"
    clock.value += 60
    assert not guard.tick() and board["text"] == "iets van de medewerker zelf"
    guard.copy("Notitie")
    assert guard.clear_now() and board["text"] == ""  # lock/quit: at once

    def unreadable() -> str:
        raise RuntimeError("klembord bezet")

    stuck = ClipboardGuard(unreadable, lambda t: board.update(text=t), 30, clock)
    stuck.copy("x")
    assert not stuck.clear_now()  # never raises on lock


def test_a_statement_signed_on_the_screen_is_saved_as_pdf_for_the_dossier(
        session: Session, qtbot, tmp_path: Path) -> None:
    """Signed on the screen, the statement exists only in the store: the Overdracht tab says so
    and saves it as `<documentnummer>-getekend.pdf`, registered for destruction like the report
    (the proof of consent must outlive the drafts, AVG art. 7 lid 1). Without one, the button
    is not there."""
    from pypdf import PdfReader

    from tests.integration.test_destruction_forensic import sign_on_screen_with_marker

    plain = TransferPanel(session, _intake(session), "nl", clipboard=QtClipboardGuard(
        FakeMonotonic()))
    qtbot.addWidget(plain)
    assert plain.save_signed_button.isHidden() and plain.signed_hint.isHidden()

    intake_id = _intake(session)
    sign_on_screen_with_marker(session, intake_id, "Fictief")
    # A new statement sends the intake back to concept; marked ready again (raw: the marker's
    # request is not weighed, which is not the point here).
    assert IntakeService(session).status(intake_id)[0] == "concept"
    force_ready(session, intake_id)
    panel = TransferPanel(session, intake_id, "nl", clipboard=QtClipboardGuard(FakeMonotonic()))
    window = _window(panel, qtbot)
    assert panel.save_signed_button.isVisible() and panel.signed_hint.isVisible()
    assert "als pdf in het dossier" in panel.consent_check.text()
    assert panel.consent_check.isEnabled()
    folder = tmp_path / "dossier-map"
    folder.mkdir()
    panel.choose_folder = lambda: folder
    panel.save_signed_button.setFocus()
    qtbot.keyClick(panel.save_signed_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Opgeslagen:" in panel.files_label.text(), timeout=20000)
    (saved,) = folder.iterdir()
    assert saved.name.endswith("-getekend.pdf") and saved.name.startswith("TV-")
    text = "".join(page.extract_text() for page in PdfReader(saved).pages)
    assert "op het scherm getekend" in text and "Fictief" in text
    assert str(saved) in panel.files_label.text()
    assert panel.transfer.state(intake_id).exported_files == 1
    _shot(window, "op-scherm-getekend")


def test_a_resident_report_signed_on_the_screen_counts_as_signed(session: Session,
                                                                  qtbot) -> None:
    """Only the verslag voor de inwoner was signed (on the screen), no statement: the tab
    speaks of what was signed, not of statements, and "it is in the dossier" must be ticked
    before the transfer (services/transfer.py `signed_documents`)."""
    from desktop_app.services.resident_report import ResidentReportService
    from tests.gui.consent_setup import fill_settings
    from tests.integration.test_resident_report_service import sign_all

    intake_id = _intake(session)
    fill_settings(session)
    sign_all(session, ResidentReportService(session), intake_id, remarks="")
    panel = TransferPanel(session, intake_id, "nl", clipboard=QtClipboardGuard(FakeMonotonic()))
    window = _window(panel, qtbot)
    assert panel.signed_hint.isVisible() and panel.signed_hint.text() == (
        "Er is op het scherm getekend. Zet wat getekend is als pdf in het dossier: anders is "
        "er na het vernietigen geen bewijs meer.")
    assert panel.save_signed_button.text() == "Op het scherm getekende stukken opslaan als pdf…"
    assert panel.consent_check.isEnabled() and not panel.consent_check.isChecked()
    assert panel.consent_check.text().replace("&", "") == (
        "Het getekende verslag voor de inwoner staat als pdf in het dossier")
    panel.reference_edit.setText("TOP-2026-00417")
    panel.report_check.setChecked(True)
    panel.paper_check.setChecked(True)
    assert not panel.confirm_button.property("ready")  # the signed report is not ticked yet
    panel.consent_check.setChecked(True)
    assert panel.confirm_button.property("ready")
    _shot(window, "verslag-inwoner-getekend")


def test_the_shared_clipboard_guard_keeps_no_closed_panel_alive(session: Session,
                                                               qtbot) -> None:
    """Issue 18: panels of closed intakes stayed alive through the guard's callback list (with
    their report text, also after locking), and clearing then called deleted panels and raised,
    so "Het klembord is gewist." never appeared. The guard's `cleared` signal is dropped by Qt
    when a panel is deleted."""
    intake_id = _intake(session)
    guard = QtClipboardGuard(FakeMonotonic())
    gone = []
    for _ in range(3):  # intakes opened and closed, as the main window deletes their views
        closed = TransferPanel(session, intake_id, "nl", clipboard=guard)
        closed.copy_buttons[0].click()
        gone.append(weakref.ref(closed))
        with qtbot.waitSignal(closed.destroyed):  # deleted by Qt's event loop
            closed.deleteLater()
        del closed
    gc.collect()
    assert [ref() for ref in gone] == [None, None, None]
    assert guard.receivers("2cleared(bool)") == 0

    panel = TransferPanel(session, intake_id, "nl", clipboard=guard)
    window = _window(panel, qtbot)
    panel.copy_buttons[0].click()
    assert guard.receivers("2cleared(bool)") == 1
    assert guard.clear_now()  # as at locking: no error from the closed panels
    assert panel.clipboard_status.text() == "Het klembord is gewist."
    window.close()


def test_the_report_reads_as_a_narrative_per_section(session: Session, qtbot) -> None:
    """Issue 19: each section on the tab is the narrative that is copied, not a list of
    questions. Screenshot: artifacts/screenshots/overdracht-verhaal.png."""
    from desktop_app.domain.people import parse_date
    from tests.report_samples import ADULT, ADULT_NAME

    service = IntakeService(session)
    intake_id = service.start_intake(ADULT_NAME, parse_date(ADULT["inwoner_geboortedatum"]))
    service.save_answers(intake_id, ADULT)
    # The tab shows the report from klaar voor overdracht on (the sample names a data need
    # without a request, which the readiness check rightly refuses: not the point here).
    force_ready(session, intake_id)
    panel = TransferPanel(session, intake_id, "nl", clipboard=QtClipboardGuard(FakeMonotonic()))
    window = _window(panel, qtbot)
    bodies = {section.title: section.text for section in panel._sections}
    assert bodies["Het gesprek"].startswith("Het gesprek was op 20 november 2026 bij de inwoner "
                                            "thuis.")
    assert "- Huisvesting — 2 (niet zelfredzaam): " in bodies["Leefgebieden"]
    assert "Krijgt de inwoner mantelzorg?" not in "".join(bodies.values())
    shown = [label.text() for label in panel.findChildren(QLabel)
             if label.property("documentText") and "\n" in label.text()]
    assert bodies["Het gesprek"] in shown  # on screen exactly as it is copied
    # Look at the report part of the tab: its scroll area shows the sections.
    scroll = panel.findChild(QScrollArea)
    scroll.verticalScrollBar().setValue(0)
    _shot(window, "verhaal")
    titles = [section.title for section in panel._sections]
    scroll.ensureWidgetVisible(panel.copy_buttons[titles.index("Doelen")], 50, 400)
    qtbot.wait(50)
    _shot(window, "verhaal-2")
