"""After destroying, the worker sees the receipt (kinds and counts, the dossier number, date and
time; never a name or content) in place of the closed intake, and finds it again under
Extra → Vernietigingsbewijzen. The transfer checklist names a signed consent statement as the
thing to put in the dossier, never as "geen". Screenshot: docs/screenshots/vernietigingsbewijs.png.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.gui.shared.style import apply_style
from desktop_app.gui.shell.main_window import MainWindow
from desktop_app.gui.side.receipts_view import ReceiptsView
from desktop_app.gui.transfer.transfer_panel import TransferPanel
from desktop_app.services.demo import make_ready
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from desktop_app.services.transfer import (
    TransferChecklist,
    TransferService,
    checklist_problems,
)
from tests.integration.test_destruction_forensic import add_request_and_statement

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
NAME, NOTE = "Ayşe Yılmaz", "Voorkeur voor afspraken in de ochtend."


@pytest.fixture
def session(profile) -> Session:
    apply_style(QApplication.instance())
    return Session(profile)


def _intake(session: Session) -> str:
    service = IntakeService(session)
    intake_id = service.start_intake(NAME, dt.date(1984, 3, 12))
    service.save_answers(intake_id, {
        "bezoek_datum": "2026-11-20",
        "hulpvraag": "Mevrouw wil hulp bij het op orde brengen van haar geldzaken.",
        "inwoner_woonplaats": "Zwolle",
        "inwoner_notities": NOTE,
    })
    make_ready(service, intake_id)  # transfer only from klaar voor overdracht
    return intake_id


def test_receipt_shown_after_destroying_and_in_the_receipts_list(session: Session,
                                                                  qtbot) -> None:
    intake_id = _intake(session)
    TransferService(session).confirm_transfer(
        intake_id, TransferChecklist("TOP-2026-00417", True, True, True))
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_intake(intake_id)
    view = window.intake_view
    assert view is not None
    transfer = next(p for p in view.panels if isinstance(p, TransferPanel))
    view.tabs.setCurrentWidget(transfer)
    transfer.destroy_now()  # what "Vernietigen" in the confirm dialog does

    # The intake closes and the receipt takes its place, this receipt chosen.
    qtbot.waitUntil(lambda: isinstance(window.side_view, ReceiptsView), timeout=20000)
    page = window.side_view
    assert isinstance(page, ReceiptsView)
    assert window.intake_view is None
    assert page.done_label.isVisible() and "vernietigd" in page.done_label.text()
    detail = page.detail_label.text()
    assert "Dossiernummer: TOP-2026-00417" in detail
    assert "Antwoorden en aantekeningen: " in detail and "Inwonergegevens: 1" in detail
    assert "Vernietigd op: " in detail and "Sleutel vervangen: ja" in detail
    for secret in (NAME, "Yılmaz", NOTE, "geldzaken", intake_id):
        assert secret not in detail
    # One row: date and time, dossier number, the counts.
    assert page.table.rowCount() == 1
    row = [page.table.item(0, c).text() for c in range(page.table.columnCount())]
    assert row[1] == "TOP-2026-00417"
    dt.datetime.strptime(row[0], "%d-%m-%Y %H:%M")
    assert "Antwoorden en aantekeningen: " in row[2] and NAME not in " ".join(row)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.detail_label)
    qtbot.wait(50)
    DOCS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(DOCS / "vernietigingsbewijs.png"))

    # Later, from the menu: the same receipt, without the "just destroyed" notice.
    window.show_caseload()
    window.receipts_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.side_view, ReceiptsView)
                    and window.side_view is not page)
    again = window.side_view
    assert isinstance(again, ReceiptsView)
    assert not again.done_label.isVisible() and again.table.rowCount() == 1
    assert again.detail_label.text() == detail
    session.lock()


def test_receipts_list_when_nothing_was_destroyed(session: Session, qtbot) -> None:
    page = ReceiptsView(session)
    qtbot.addWidget(page)
    page.show()
    assert page.empty_label.isVisible() and not page.table.isVisible()
    assert page.detail_label.text() == "Geen bewijs gekozen."


def test_checklist_names_a_signed_statement_and_asks_for_it(session: Session, qtbot) -> None:
    intake_id = _intake(session)
    panel = TransferPanel(session, intake_id, "nl")
    qtbot.addWidget(panel)
    panel.show()
    # Without a signed statement there is nothing to scan: said so, and nothing to tick.
    assert not panel.consent_check.isEnabled()
    assert panel.consent_check.text().startswith("Geen getekende")

    # A statement signed while the intake is open: the same panel now asks for it.
    add_request_and_statement(session, intake_id, "MARKER")
    panel.refresh()
    label = panel.consent_check.text().replace("&", "")
    assert panel.consent_check.isEnabled()
    assert label == "De getekende toestemmingsverklaring is gescand en in het dossier gezet"
    assert "Geen" not in label and panel.consent_check.accessibleName() == label
    panel.reference_edit.setText("TOP-2026-00418")
    panel.report_check.setChecked(True)
    panel.paper_check.setChecked(True)
    panel.confirm_transfer()
    assert panel.check_error.isVisible() and "toestemming" in panel.check_error.text().lower()
    panel.consent_check.setChecked(True)
    # Confirming now would open the destroy question (grace period 0): the service's check of
    # this checklist is what the button asks.
    assert checklist_problems(panel._checklist(), 1) == []

    # Two signed statements: the count is in the text.
    second = _intake(session)
    add_request_and_statement(session, second, "MARKER")
    add_request_and_statement(session, second, "MARKER")
    other = TransferPanel(session, second, "nl")
    qtbot.addWidget(other)
    assert other.consent_check.text().replace("&", "").startswith(
        "De 2 getekende toestemmingsverklaringen")
