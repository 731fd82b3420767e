"""After locking, nothing of a resident is reachable in the program (issue 18; DESIGN: "none
left reachable in the program's memory after locking"): a working session opens several
intakes, types in them, reads and copies their report, then locks. Afterwards no Qt widget
shows a marker from their names or notes, and no Python object the garbage collector can reach
holds one. (Strings inside SQLCipher's C memory are the vault's business: it wipes its keys and
closes the store; cipher_memory_security is on.)"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop_app.gui.shared.style import apply_style
from desktop_app.gui.shell.app import AppController
from desktop_app.gui.system.lock_monitor import UnavailableLockMonitor
from desktop_app.services.session import ProfileService
from tests.conftest import PASSPHRASE
from tests.gui.keyboard import type_text

# Built at run time, so the test's own code holds no copy of the marked texts.
_PIECES = ("Qzv", "Merk", "Wrd")


def _shown_texts(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle(), widget.toolTip(), widget.accessibleName(),
             widget.accessibleDescription()]
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        texts.append(widget.text())
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        texts.append(widget.toPlainText())
    return texts


def _python_holders(needle: str) -> list[str]:
    """Types of the reachable objects that hold a string containing `needle`."""
    found = []
    for holder in gc.get_objects():
        for value in gc.get_referents(holder):
            if type(value) is str and value is not needle and needle in value:
                found.append(f"{type(holder).__name__}: {value[:60]!r}")
    return found


def test_after_locking_no_resident_text_is_reachable(qtbot, profile, data_home: Path,
                                                     clock) -> None:
    profile.close()
    apply_style(QApplication.instance())
    ctrl = AppController(ProfileService(data_home, clock),
                         lock_monitor=UnavailableLockMonitor("test"), idle_check_ms=600_000,
                         monitor_delay_ms=0)
    ctrl.start()
    try:
        window = ctrl.unlock_window
        type_text(qtbot, window.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(window.passphrase_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: ctrl.main_window is not None, timeout=5000)
        main = ctrl.main_window
        needle = "".join(_PIECES)
        for number in range(4):
            intake_id = main.intakes.start_intake(f"Inwoner {needle}naam {number}")
            main.intakes.save_answers(intake_id, {
                "hulpvraag": f"Hulp bij {needle}geldzaken, nummer {number}.",
                "inwoner_notities": f"Notitie {needle}notitie {number}"})
            main.open_intake(intake_id)
            view = main.intake_view
            # Type in a note, as the worker does (autosave takes it).
            editor = view.editors["bezoek_notities"].focus_target()
            view.section_list.setCurrentRow(view.section_list.count() - 1)
            editor.setFocus()
            type_text(qtbot, editor, f" {needle}getypt")
            view.tabs.setCurrentIndex(3)  # Overdracht: the report as text, one copied
            QApplication.processEvents()
            copy = next(b for b in view.findChildren(QAbstractButton) if b.text() == "Kopieer")
            copy.click()
        # The check sees what is there: before locking, the texts are on screen and in objects.
        assert any(needle in t for w in QApplication.allWidgets() for t in _shown_texts(w))
        assert _python_holders(needle)
        del view, editor, main, window, copy
        ctrl.main_window.lock_action.trigger()
        qtbot.waitUntil(lambda: ctrl.session is None, timeout=5000)
        qtbot.wait(50)  # deleteLater of the views
        QApplication.processEvents()
        gc.collect()

        shown = [f"{type(w).__name__}: {t[:60]!r}" for w in QApplication.allWidgets()
                 for t in _shown_texts(w) if needle in t]
        assert shown == []
        assert _python_holders(needle) == []
    finally:
        ctrl.dispose()
