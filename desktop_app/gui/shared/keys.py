"""Alt+letter is a mnemonic, never text. When the button a mnemonic belongs to is disabled,
Qt hands the key press to the field with focus, and a text field then types the letter (Alt+M
typed an "m" in the middle of a note). Qt tries shortcuts and mnemonics before it delivers a
key press: an Alt+letter that still reaches a text field, list or drop-down took no enabled
shortcut, and is dropped here.

Not on macOS: there Option (Alt) with a letter types characters (ë, ß), and buttons have no
mnemonics. AltGr is not Alt (on Windows it is Ctrl+Alt, which passes)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

_KEY_PRESS = QEvent.Type.KeyPress
_ALT = Qt.KeyboardModifier.AltModifier
_NOT_WITH = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
# Widgets that take a typed letter as text or as a search (type-ahead picks an item).
_TAKES_LETTERS = (QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QComboBox,
                  QAbstractItemView)
_NAME = "wiAltLetterGuard"


class AltLetterGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != _KEY_PRESS or not isinstance(event, QKeyEvent):
            return False
        modifiers = event.modifiers()
        if not modifiers & _ALT or modifiers & _NOT_WITH:
            return False
        typed = event.text()
        if not typed.strip() or not typed.isprintable():
            return False
        # The viewport of a list or a text edit receives no keys; the widget itself does.
        return isinstance(watched, _TAKES_LETTERS)


def install_alt_letter_guard(app: QApplication | None = None) -> None:
    """Once per application (later calls do nothing)."""
    if sys.platform == "darwin":
        return
    app = app or QApplication.instance()
    if app is None or app.findChild(QObject, _NAME) is not None:
        return
    guard = AltLetterGuard(app)
    guard.setObjectName(_NAME)
    app.installEventFilter(guard)
