"""The tab "Verslag inwoner": remarks recorded, the report signed on the screen in the consent
statement's signing dialog with a page for the resident's remarks, at 1366x768. Screenshots go
to artifacts/screenshots/ (look at them). All people are fictional."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from desktop_app.gui.resident_report.resident_report_panel import (
    ResidentReportPanel,
    ResidentSignDialog,
)
from desktop_app.gui.shared.style import apply_style
from desktop_app.services.resident_report import ResidentReportService
from desktop_app.services.session import Session
from tests.gui.consent_setup import fill_settings, start
from tests.gui.keyboard import type_text
from tests.gui.test_consent_panel import _in_modal, _press
from tests.gui.test_sign_on_screen import draw
from tests.unit import resident_report_cases as case
from tests.unit.test_resident_report import pdftotext

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def test_remarks_and_signing_on_the_screen(qtbot: Any, profile: Any) -> None:
    apply_style(QApplication.instance())
    session = Session(profile)
    fill_settings(session)
    intake_id = start(session, case.CHILD, dt.date(2012, 5, 3), case.youth_answers())
    panel = ResidentReportPanel(session, intake_id)
    qtbot.addWidget(panel)
    panel.resize(1366 - 300, 768 - 140)  # the tab's room in the intake view at 1366x768
    panel.show()
    qtbot.waitExposed(panel)
    assert "VI-" in panel.status.text() and panel.sign_button.isEnabled()
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(SHOTS / "verslag-inwoner-tab.png"))

    panel.remarks_edit.setFocus()
    type_text(qtbot, panel.remarks_edit, "Op maandag ben ik bang, niet elke dag.")
    _press(qtbot, panel.save_remarks_button)
    service = ResidentReportService(session)
    assert service.remarks(intake_id) == "Op maandag ben ik bang, niet elke dag."

    seen: list[str] = []

    def sign(dialog: ResidentSignDialog) -> None:
        dialog.grab().save(str(SHOTS / "verslag-inwoner-tekenen-1.png"))
        dialog._show(1)
        dialog.grab().save(str(SHOTS / "verslag-inwoner-tekenen-2.png"))
        dialog._show(dialog.remarks_page_index())
        assert dialog.remarks_edit.toPlainText().startswith("Op maandag")
        dialog.remarks_edit.setFocus()
        type_text(qtbot, dialog.remarks_edit, " Fictief erbij.")
        dialog.grab().save(str(SHOTS / "verslag-inwoner-opmerkingen.png"))
        for number, page in enumerate(dialog.signer_pages):
            dialog.go_to_signer(number)
            draw(qtbot, page.pad)
        dialog.grab().save(str(SHOTS / "verslag-inwoner-tekenen-ouder.png"))
        dialog._show(dialog.stack.count() - 1)
        dialog.place_edit.setText("Voorbeeldstad")
        dialog.save()
        assert dialog.result() == 1, dialog.problem.text()

    _in_modal(qtbot, ResidentSignDialog, sign, seen)
    _press(qtbot, panel.sign_button)
    qtbot.waitUntil(lambda: seen == ["ResidentSignDialog"], timeout=20000)
    qtbot.waitUntil(lambda: not panel.busy, timeout=20000)
    pdf = service.signed_pdf(intake_id)
    assert pdf is not None
    words = pdftotext(pdf)
    assert "Op maandag ben ik bang, niet elke dag. Fictief erbij." in words
    assert "Getekend op het scherm" in panel.status.text()
    panel.grab().save(str(SHOTS / "verslag-inwoner-getekend.png"))
