"""Issue 15, point 8: "zorgen over veiligheid = ja" leads somewhere. The conversation shows the
Meldcode's steps and offers a data request to Veilig Thuis, whose weighing has the exception
paths (ZW-3, ZU-A4A, ZU-A4B). Real store, real form, offscreen Qt."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.gui.data_requests.data_request_dialog import DataRequestDialog
from desktop_app.gui.shell.main_window import MainWindow
from tests.gui.test_intake_flow import window

__all__ = ["window"]  # the main-window fixture, shared with the intake flow tests


def test_a_yes_on_safety_shows_the_meldcode_and_offers_veilig_thuis(
        qtbot, window: MainWindow) -> None:
    intake_id = window.intakes.start_intake("Fictief: Mila de Boer")
    window.open_intake(intake_id)
    view = window.intake_view
    assert view is not None
    editor = view.editors["zorgen_veiligheid"]
    card = view.safety_cards["zorgen_veiligheid"]
    assert card.isHidden()
    combo = editor.focus_target()
    combo.setCurrentIndex(combo.findData(True))  # type: ignore[attr-defined]
    assert not card.isHidden()
    assert "Meldcode" in " ".join(w.text() for w in card.findChildren(type(view.title)))
    combo.setCurrentIndex(combo.findData(False))  # type: ignore[attr-defined]
    assert card.isHidden()
    combo.setCurrentIndex(combo.findData(True))  # type: ignore[attr-defined]

    seen: dict[str, object] = {}

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DataRequestDialog)
        seen["organisation"] = dialog.chosen.id if dialog.chosen else None
        seen["give"] = dialog.give_to.isChecked()
        dialog.reject()

    QTimer.singleShot(50, inspect)
    view.safety_button.click()
    panel = view.data_requests_panel()
    assert view.tabs.currentWidget() is panel
    assert seen == {"organisation": "veilig_thuis", "give": True}


def test_a_yes_on_safety_and_on_the_kindcheck_shows_the_meldcode_once(
        qtbot, window: MainWindow) -> None:
    """Both safety questions "ja" (the concern and the kindcheck) are one situation: the
    Meldcode card stands under the first only; with the first "nee" it moves to the kindcheck."""
    intake_id = window.intakes.start_intake("Fictief: Kees Jansen")
    window.intakes.save_answers(intake_id, {
        "bezoek_datum": "2026-11-20", "inwoner_geboortedatum": "1980-03-04",
        "huishouden_leden": [{"naam": "Fictief kind", "relatie": "kind",
                              "geboortedatum": "2015-05-06"}],
        "zorgen_veiligheid": True, "kindcheck_zorgen": True})
    window.open_intake(intake_id)
    view = window.intake_view
    assert view is not None
    view.editors["kindcheck_zorgen"]  # builds the veiligheid page
    cards = view.safety_cards
    assert set(cards) == {"zorgen_veiligheid", "kindcheck_zorgen"}
    assert not cards["zorgen_veiligheid"].isHidden() and cards["kindcheck_zorgen"].isHidden()
    combo = view.editors["zorgen_veiligheid"].focus_target()
    combo.setCurrentIndex(combo.findData(False))  # type: ignore[attr-defined]
    assert cards["zorgen_veiligheid"].isHidden() and not cards["kindcheck_zorgen"].isHidden()
