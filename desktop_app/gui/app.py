"""Application controller: unlock window ↔ main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, __version__
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.style import apply_style
from desktop_app.gui.unlock_window import UnlockWindow
from desktop_app.services.session import ProfileService, Session
from desktop_app.vault.profiles import Clock, system_clock


class AppController(QObject):
    def __init__(self, service: ProfileService) -> None:
        super().__init__()
        self.service = service
        self.session: Session | None = None
        self.main_window: MainWindow | None = None
        self.unlock_window = UnlockWindow(service)
        self.unlock_window.unlocked.connect(self._on_unlocked)

    def start(self) -> None:
        self.unlock_window.show()

    def _on_unlocked(self, session: Session) -> None:
        self.session = session
        self.main_window = MainWindow(session)
        self.main_window.lock_requested.connect(self.lock)
        self.main_window.show()
        self.unlock_window.hide()

    def lock(self, notice: str = "") -> None:
        """Save, close the store, drop every view holding data, show the unlock window."""
        if self.main_window is not None:
            self.main_window.clear_views()
        if self.session is not None:
            self.session.lock()
            self.session = None
        if self.main_window is not None:
            window, self.main_window = self.main_window, None
            window.hide()
            window.deleteLater()
        self.unlock_window.refresh(notice or self.tr("Vergrendeld. Uw gegevens zijn opgeslagen."))
        self.unlock_window.show()
        self.unlock_window.raise_()
        self.unlock_window.activateWindow()

    def shutdown(self) -> None:
        if self.session is not None:
            self.session.lock()
            self.session = None


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Wijkteam Intake")
    apply_style(app)
    return app


def run_gui(root: Path | None = None, clock: Clock = system_clock) -> int:
    app = create_application()
    controller = AppController(ProfileService(root, clock))
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    return app.exec()
