"""Idle lock and clipboard guard for the GUI.

`IdleWatcher` is an application-wide event filter: any key, mouse or touch input counts as
activity. A coarse real timer asks the (injectable) clock whether the idle period has passed,
so tests move a fake clock instead of waiting minutes.

`ClipboardGuard` puts text on the clipboard and wipes it after the configured seconds, or at
locking, but only while the clipboard still holds what the program put there: a worker who
copied something else in the meantime keeps it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

from desktop_app.services.session_security import IdleTracker
from desktop_app.vault.profiles import Clock

_ACTIVITY_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.ShortcutOverride,
})


class IdleWatcher(QObject):
    def __init__(self, clock: Clock, minutes: int, on_idle: Callable[[], None],
                 check_interval_ms: int = 5000) -> None:
        super().__init__()
        self.tracker = IdleTracker(clock, minutes)
        self._on_idle = on_idle
        self.timer = QTimer(self)
        self.timer.setInterval(check_interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.tracker.touch()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.tracker.minutes = minutes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY_EVENTS:
            self.tracker.touch()
        return False

    def check(self) -> None:
        if self.tracker.due():
            self.stop()
            self._on_idle()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ClipboardGuard(QObject):
    """Only a hash of what we copied is kept, never the text itself."""

    def __init__(self, clock: Clock, seconds: Callable[[], int],
                 check_interval_ms: int = 1000) -> None:
        super().__init__()
        self._clock = clock
        self._seconds = seconds
        self._ours: str | None = None
        self._copied_at = clock()
        self.timer = QTimer(self)
        self.timer.setInterval(check_interval_ms)
        self.timer.timeout.connect(self.check)

    @staticmethod
    def _clipboard() -> QClipboard:
        return QGuiApplication.clipboard()

    def copy(self, text: str) -> None:
        self._clipboard().setText(text)
        self._ours = _digest(text)
        self._copied_at = self._clock()
        self.timer.start()

    def holds_ours(self) -> bool:
        return self._ours is not None and _digest(self._clipboard().text()) == self._ours

    def clear_if_ours(self) -> bool:
        """Wipe the clipboard if it still holds our text; True when it did."""
        cleared = self.holds_ours()
        if cleared:
            self._clipboard().clear()
        self._ours = None
        self.timer.stop()
        return cleared

    def check(self) -> None:
        if self._ours is None:
            self.timer.stop()
            return
        if not self.holds_ours():  # someone else replaced it: leave theirs alone
            self._ours = None
            self.timer.stop()
            return
        if (self._clock() - self._copied_at).total_seconds() >= self._seconds():
            self.clear_if_ours()
