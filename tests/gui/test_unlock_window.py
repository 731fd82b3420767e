"""The unlock window and the lock cycle, driven with the keyboard through pytest-qt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from desktop_app.gui.shared.style import apply_style
from desktop_app.gui.shell.app import AppController
from desktop_app.services.session import ProfileService
from tests.conftest import PASSPHRASE
from tests.gui.keyboard import type_text

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def _type(qtbot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    type_text(qtbot, widget, text)


@pytest.fixture
def controller(qtbot, real_keyring, data_home: Path, clock) -> AppController:
    apply_style(QApplication.instance())
    ctrl = AppController(ProfileService(data_home, clock))
    ctrl.start()
    yield ctrl
    ctrl.dispose()


def _create_profile(qtbot, ctrl: AppController, name: str = "Sanne de Boer") -> None:
    w = ctrl.unlock_window
    assert w.pages.currentWidget() is w.create_page
    _type(qtbot, w.name_edit, name)
    qtbot.keyClick(w.name_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w.new_passphrase_edit
    type_text(qtbot, w.new_passphrase_edit, PASSPHRASE)
    qtbot.keyClick(w.new_passphrase_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w.repeat_edit
    type_text(qtbot, w.repeat_edit, PASSPHRASE)
    qtbot.keyClick(w.repeat_edit, Qt.Key.Key_Return)


def test_first_run_creates_profile_by_keyboard_and_locks(qtbot, controller) -> None:
    w = controller.unlock_window
    _create_profile(qtbot, controller)
    qtbot.waitUntil(lambda: controller.main_window is not None)
    main = controller.main_window
    assert "Sanne de Boer" in main.windowTitle()
    # Lock with the shortcut: store closed, views gone, unlock window back.
    main.lock_action.trigger()
    assert controller.session is None
    assert controller.main_window is None
    # The unlock window was dropped while unlocked; locking made a new one.
    assert controller.unlock_window is not w
    w = controller.unlock_window
    assert w.isVisible()
    assert w.pages.currentWidget() is w.unlock_page
    assert w.unlock_notice.isVisible() and "Vergrendeld" in w.unlock_notice.text()
    assert w.passphrase_edit.text() == ""
    # Unlock again by keyboard.
    _type(qtbot, w.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(w.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.main_window is not None)


def test_weak_and_mismatched_passphrases_get_messages(qtbot, controller) -> None:
    w = controller.unlock_window
    _type(qtbot, w.name_edit, "Kees")
    _type(qtbot, w.new_passphrase_edit, "kort")
    assert "minstens 12" in w.problems_label.text()
    assert w.strength_label.text() == "Zeer zwak"
    w.new_passphrase_edit.clear()
    _type(qtbot, w.new_passphrase_edit, PASSPHRASE)
    assert w.problems_label.text() == ""
    assert w.strength_label.text() in ("Sterk", "Zeer sterk")
    _type(qtbot, w.repeat_edit, PASSPHRASE + "x")
    qtbot.keyClick(w.repeat_edit, Qt.Key.Key_Return)
    assert controller.main_window is None
    assert "niet gelijk" in w.create_error.text()


def test_wrong_passphrase_message_and_growing_delay(qtbot, controller, clock) -> None:
    _create_profile(qtbot, controller)
    qtbot.waitUntil(lambda: controller.main_window is not None)
    controller.lock()
    w = controller.unlock_window
    _type(qtbot, w.passphrase_edit, "verkeerde-wachtwoordzin")
    qtbot.keyClick(w.passphrase_edit, Qt.Key.Key_Return)
    assert "klopt niet" in w.unlock_error.text()
    assert not w.unlock_notice.isVisible()
    assert not w.unlock_button.isEnabled()
    assert w.unlock_button.text().startswith("Wacht")
    clock.advance(2)
    w._update_delay()
    assert w.unlock_button.isEnabled()


def test_every_input_has_accessible_name_and_label_buddy(qtbot, controller) -> None:
    w = controller.unlock_window
    for page in (w.create_page, w.unlock_page):
        for edit in page.findChildren(QLineEdit):
            assert edit.accessibleName(), edit.objectName()


def test_screenshots(qtbot, controller) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    w = controller.unlock_window
    w.resize(560, 600)
    _type(qtbot, w.name_edit, "Sanne de Boer")
    _type(qtbot, w.new_passphrase_edit, "paarse-olifant")
    assert w.grab().save(str(SCREENSHOTS / "profiel-aanmaken.png"))
    w.new_passphrase_edit.clear()
    _create_profile_from_state(qtbot, w)
    qtbot.waitUntil(lambda: controller.main_window is not None)
    controller.lock()
    w = controller.unlock_window
    w.resize(560, 600)
    assert w.grab().save(str(SCREENSHOTS / "ontgrendelen.png"))
    assert (SCREENSHOTS / "ontgrendelen.png").stat().st_size > 5000


def _create_profile_from_state(qtbot, w) -> None:
    _type(qtbot, w.new_passphrase_edit, PASSPHRASE)
    _type(qtbot, w.repeat_edit, PASSPHRASE)
    qtbot.keyClick(w.repeat_edit, Qt.Key.Key_Return)


def _profile_folder(data_home: Path) -> Path:
    (folder,) = [p for p in (data_home / "profiles").iterdir() if p.is_dir()]
    return folder


def test_damaged_main_header_unlocks_with_reserve_and_says_so(
        qtbot, controller, data_home: Path) -> None:
    """Issue 17: one character of the salt changed in profiel.json; the right passphrase
    opens the profile through the reserve copy, the main is repaired and the worker told."""
    _create_profile(qtbot, controller)
    qtbot.waitUntil(lambda: controller.main_window is not None)
    controller.lock()
    folder = _profile_folder(data_home)
    header, reserve = folder / "profiel.json", folder / "profiel.reserve.json"
    raw = header.read_text(encoding="utf-8")
    salt = json.loads(raw)["current"]["kdf"]["salt"]
    header.write_text(raw.replace(salt, ("B" if salt[0] != "B" else "C") + salt[1:]),
                      encoding="utf-8")
    w = controller.unlock_window
    _type(qtbot, w.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(w.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.main_window is not None)
    shown = [label.text() for label in controller.main_window.notice_labels]
    assert any("hoofdbestand" in t and "reservekopie" in t and "hersteld" in t for t in shown)
    assert header.read_bytes() == reserve.read_bytes()
    assert json.loads(header.read_text(encoding="utf-8"))["failed_unlocks"] == 0
    controller.main_window.resize(1100, 700)
    assert controller.main_window.grab().save("/tmp/i17-header-repaired.png")


def test_profile_without_headers_is_listed_as_damaged(qtbot, controller,
                                                      data_home: Path) -> None:
    _create_profile(qtbot, controller)
    qtbot.waitUntil(lambda: controller.main_window is not None)
    controller.lock()
    folder = _profile_folder(data_home)
    (folder / "profiel.json").unlink()
    (folder / "profiel.reserve.json").unlink()
    w = controller.unlock_window
    w.refresh()
    assert w.pages.currentWidget() is w.unlock_page  # not taken for a first run
    assert w.profile_combo.count() == 1
    assert "(beschadigd)" in w.profile_combo.currentText()
    assert "IT-beheerder van de gemeente" in w.unlock_error.text()
    assert not w.unlock_button.isEnabled()
    _type(qtbot, w.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(w.passphrase_edit, Qt.Key.Key_Return)
    assert controller.main_window is None
    w.resize(560, 600)
    assert w.grab().save("/tmp/i17-header-missing.png")
