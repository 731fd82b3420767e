"""The Qt side of the clipboard guard: one guard for the whole program, ticked by a timer.

The guard itself (services/transfer.ClipboardGuard) is Qt-free and only keeps a hash of what we
copied. One shared guard, so the lead's lock/quit code can clear it without holding any panel:
call `clear_clipboard_now()` on lock, on quit and after a destruction.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from desktop_app.services.transfer import ClipboardGuard


def _clipboard() -> QClipboard:
    return QGuiApplication.clipboard()


def _read() -> str:
    return _clipboard().text(QClipboard.Mode.Clipboard)


def _write(text: str) -> None:
    board = _clipboard()
    if text:
        board.setText(text, QClipboard.Mode.Clipboard)
    else:
        board.clear(QClipboard.Mode.Clipboard)


class QtClipboardGuard(QObject):
    """Ticks the guard once a second while it holds something of ours."""

    # Whether the clipboard was cleared (False: someone else's text was there, left alone).
    # A signal, not a list of callbacks: Qt drops a panel's connection when the panel is
    # deleted, so the one shared guard never keeps closed intakes (and their report text)
    # alive, nor calls a deleted panel.
    cleared = Signal(bool)

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        # The seconds are set per copy (the setting); until then the registry's default.
        self.guard = ClipboardGuard(_read, _write, clock=clock)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        app = QGuiApplication.instance()
        if app is not None:
            # Quitting clears too (the lead's lock handler calls clear_clipboard_now()).
            app.aboutToQuit.connect(self.clear_now)

    def copy(self, text: str, seconds: float) -> None:
        self.guard.seconds = seconds
        self.guard.copy(text)
        self.timer.start()

    def tick(self) -> None:
        if not self.guard.active:
            self.timer.stop()
            return
        if self.guard.seconds_left() == 0.0:
            self._finish(self.guard.tick())

    def clear_now(self) -> bool:
        was_active = self.guard.active
        cleared = self.guard.clear_now()
        if was_active:
            self._finish(cleared)
        return cleared

    def _finish(self, cleared: bool) -> None:
        self.timer.stop()
        self.cleared.emit(cleared)


_shared: QtClipboardGuard | None = None


def shared_guard() -> QtClipboardGuard:
    global _shared
    if _shared is None:
        _shared = QtClipboardGuard()
    return _shared


def clear_clipboard_now() -> bool:
    """For lock and quit: clear the clipboard if it still holds what the program put there."""
    return _shared.clear_now() if _shared is not None else False
