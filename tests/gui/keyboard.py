"""Typing like a person: key events for every character, including ones Qt's test library
cannot type (it asserts on non-ASCII letters such as 'ı' or 'Ł')."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        target = QApplication.focusWidget() or widget
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))
