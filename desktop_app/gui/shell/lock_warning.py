"""The warning before the idle lock: a bar laid over the top of the window the worker looks at
(the main window, or a dialog of it such as the weighing wizard), with a countdown.

It takes no focus and is not a window of its own: the worker keeps typing in the field they
were in, and any key or mouse movement ends the warning (IdleWatcher decides that)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QMainWindow, QWidget

from desktop_app.gui.shared.dialog_parts import wrapped_label

MARGIN = 16
MAX_WIDTH = 720


class LockWarning(QFrame):
    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("lockWarning")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Clicks go through to what lies beneath; a click is input and ends the warning anyway.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.label = wrapped_label(name="lockWarningText")
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Waarschuwing: het programma vergrendelt bijna"))
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 16, 10)
        row.addWidget(self.label, 1)
        self.hide()

    def message(self, seconds: int) -> str:
        if seconds == 1:
            return self.tr("Het programma vergrendelt over 1 seconde. Beweeg de muis of druk "
                           "op een toets om door te gaan.")
        return self.tr("Het programma vergrendelt over {n} seconden. Beweeg de muis of druk "
                       "op een toets om door te gaan.").format(n=seconds)

    def show_seconds(self, seconds: int) -> None:
        first = self.isHidden()
        self.label.setText(self.message(seconds))
        self._place()
        self.show()
        self.raise_()
        if first:
            # A window in the background or minimised: its task bar entry flashes; a screen
            # reader reads the warning out.
            QApplication.alert(self.window())
            self.setAccessibleDescription(self.label.text())
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def _place(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        width = max(200, min(MAX_WIDTH, host.width() - 2 * MARGIN))
        self.setFixedWidth(width)
        self.setFixedHeight(self.heightForWidth(width) if self.hasHeightForWidth()
                            else self.sizeHint().height())
        top = MARGIN
        if isinstance(host, QMainWindow) and host.menuBar().isVisible():
            top += host.menuBar().height()  # the menus stay reachable
        self.move((host.width() - width) // 2, top)
