"""A name the embedded font cannot draw: the consent and Overdracht panels say which characters,
by their Unicode names, instead of failing (issue 17). All people are fictional."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.gui.consent.consent_dialogs import ComposeDialog
from desktop_app.gui.consent.consent_panel import ConsentPanel
from desktop_app.gui.shared.style import apply_style
from desktop_app.gui.system.clipboard import QtClipboardGuard
from desktop_app.gui.transfer.transfer_panel import TransferPanel
from desktop_app.services.demo import make_ready
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from tests.gui import consent_setup
from tests.gui.test_consent_panel import _in_modal, _press, _settle, _shoot
from tests.gui.test_transfer_panel import FakeMonotonic

# A smiling face: DejaVu Sans has no glyph for it, so it cannot be printed.
UNDRAWABLE = "Zoë 🙂 Ğüneş"
NAMED = "SLIGHTLY SMILING FACE (U+1F642)"


@pytest.fixture
def session(profile: Any) -> Session:
    apply_style(QApplication.instance())
    return Session(profile)


def test_consent_panel_names_the_characters_it_cannot_print(
        qtbot: Any, session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(consent_setup, "CHILD", UNDRAWABLE)
    intake_id, _requests = consent_setup.intake_14(session)
    panel = ConsentPanel(session, intake_id, "nl")
    qtbot.addWidget(panel)
    panel.resize(1200, 720)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    seen: list[str] = []
    _in_modal(qtbot, ComposeDialog, lambda dialog: _press(qtbot, dialog.ok_button), seen)
    _press(qtbot, panel.compose_button)
    _settle(qtbot, panel, seen, "ComposeDialog")
    qtbot.waitUntil(lambda: NAMED in panel.message.text(), timeout=20000)
    assert panel.message.isVisible()
    assert "kunnen niet worden geprint" in panel.message.text()
    assert panel.table.rowCount() == 0  # nothing half-made
    _shoot(panel, "toestemming-onprintbare-naam.png")


def test_transfer_panel_names_the_characters_it_cannot_print(
        qtbot: Any, session: Session, tmp_path: Path) -> None:
    intake_id = consent_setup.start(session, UNDRAWABLE, consent_setup.dt.date(1984, 3, 12), {})
    make_ready(IntakeService(session), intake_id)  # transfer only from klaar voor overdracht
    panel = TransferPanel(session, intake_id, "nl",
                          clipboard=QtClipboardGuard(FakeMonotonic()))
    qtbot.addWidget(panel)
    panel.resize(1280, 860)
    panel.show()
    target = tmp_path / "verslag.pdf"
    panel.choose_pdf_path = lambda: target
    shown: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        shown.append(box.text())
        box.grab().save(str(tmp_path / "box.png"))
        box.accept()

    QTimer.singleShot(0, answer)
    panel.save_pdf_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert NAMED in shown[0] and "kunnen niet worden geprint" in shown[0]
    assert not target.exists()
