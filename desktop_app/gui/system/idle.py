"""Idle lock and clipboard guard for the GUI.

`IdleWatcher` is an application-wide event filter: any key, mouse or touch input counts as
activity. A coarse real timer asks the (injectable) clock whether the idle period has passed,
so tests move a fake clock instead of waiting minutes.

`ClipboardGuard` puts text on the clipboard and wipes it after the configured seconds, or at
locking, but only while the clipboard still holds what the program put there: a worker who
copied something else in the meantime keeps it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication

from desktop_app.services.session import Clock
from desktop_app.services.session_security import IdleTracker

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


