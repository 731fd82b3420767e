"""Idle lock and clipboard guard for the GUI.

`IdleWatcher` filters the events of the program's top-level windows (QWindow): any key,
mouse or touch input counts as activity. Input reaches a window before any widget, so this
sees all of it; an application-wide filter also saw every paint, layout and child event of
every widget, a Python call each, which made opening an intake about twice as slow. A coarse
real timer asks the (injectable) clock whether the idle period has passed, so tests move a fake
clock instead of waiting minutes.

`ClipboardGuard` puts text on the clipboard and wipes it after the configured seconds, or at
locking, but only while the clipboard still holds what the program put there: a worker who
copied something else in the meantime keeps it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow

from desktop_app.services.session import Clock
from desktop_app.services.session_security import IdleTracker

_ACTIVITY_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
})


class IdleWatcher(QObject):
    """Calls `on_warning(seconds_left)` about every second during the last minute before the
    idle lock, `on_resume()` when input (or stopping) ends that warning, and `on_idle()` when
    the idle period has passed."""

    def __init__(self, clock: Clock, minutes: int, on_idle: Callable[[], None],
                 check_interval_ms: int = 5000,
                 on_warning: Callable[[int], None] | None = None,
                 on_resume: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.tracker = IdleTracker(clock, minutes)
        self._on_idle = on_idle
        self._on_warning = on_warning
        self._on_resume = on_resume
        self.warning_shown = False
        self._interval_ms = check_interval_ms
        # The countdown changes each second; checking that often all day is not needed.
        self._fine_ms = min(check_interval_ms, 1000)
        self.timer = QTimer(self)
        self.timer.setInterval(check_interval_ms)
        self.timer.timeout.connect(self.check)
        self._following = False  # connected to the application's focusWindowChanged

    def start(self) -> None:
        app = QGuiApplication.instance()
        if app is not None and not self._following:
            # A new window (a dialog, a menu, a drop-down list) is watched when it gets the
            # focus; each check also looks for windows opened without it (a tooltip).
            app.focusWindowChanged.connect(self._watch)
            self._following = True
        self._watch_all()
        self.tracker.touch()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._end_warning()
        app = QGuiApplication.instance()
        if app is not None and self._following:
            app.focusWindowChanged.disconnect(self._watch)
            self._following = False
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self)

    def _watch(self, window: QWindow | None) -> None:
        if window is not None:
            # Qt keeps one entry per filter: installing again only moves it to the front.
            window.installEventFilter(self)

    def _watch_all(self) -> None:
        for window in QGuiApplication.topLevelWindows():
            self._watch(window)

    def set_minutes(self, minutes: int) -> None:
        self.tracker.minutes = minutes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY_EVENTS:
            self.tracker.touch()
            if self.warning_shown:  # at once, not at the next check
                self._end_warning()
        return False

    def _end_warning(self) -> None:
        if not self.warning_shown:
            return
        self.warning_shown = False
        self.timer.setInterval(self._interval_ms)
        if self._on_resume is not None:
            self._on_resume()

    def check(self) -> None:
        self._watch_all()
        tracker = self.tracker
        if tracker.due():
            self.stop()
            self._on_idle()
            return
        left = tracker.seconds_left()
        if tracker.warning_due():
            self.warning_shown = True
            if self._on_warning is not None:
                self._on_warning(math.ceil(left))
            interval = self._fine_ms
        else:
            self._end_warning()
            # Checked each second shortly before the warning, so it starts on time.
            early = left - tracker.warning_seconds() <= self._interval_ms / 1000
            interval = self._fine_ms if early else self._interval_ms
        if self.timer.interval() != interval:
            self.timer.setInterval(interval)


