"""The main window after unlocking: caseload and intake screens. Lock saves pending answers,
closes the store and returns to the unlock window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME, __version__
from desktop_app.gui.caseload import CaseloadView
from desktop_app.gui.intake_view import AutosaveBridge, IntakeView
from desktop_app.services.autosave import AutosaveWriter
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session


class MainWindow(QMainWindow):
    lock_requested = Signal()

    def __init__(self, session: Session, lang: str = "nl") -> None:
        super().__init__()
        self.session = session
        self.lang = lang
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{APP_NAME} — {session.worker_name}")
        self.resize(1280, 820)
        self.intakes = IntakeService(session)
        self.bridge = AutosaveBridge()
        self.writer = AutosaveWriter(
            self.intakes.save_answers,
            on_saved=lambda i, t, f: self.bridge.saved.emit(i, t, f),
            on_error=lambda i, e: self.bridge.failed.emit(i, e),
        )
        # Locking flushes what is typed while the store is still open.
        session.on_lock(self.writer.stop)
        self.screens = QStackedWidget()
        self.caseload = CaseloadView(self.intakes)
        self.caseload.open_intake.connect(self.open_intake)
        home = QWidget()
        home_layout = QVBoxLayout(home)
        home_layout.setContentsMargins(0, 0, 0, 0)
        for notice in session.notices:
            label = QLabel(notice)
            label.setObjectName("notice")
            label.setWordWrap(True)
            home_layout.addWidget(label)
        home_layout.addWidget(self.caseload, 1)
        self.home = home
        self.screens.addWidget(home)
        self.intake_view: IntakeView | None = None
        self.setCentralWidget(self.screens)
        self._build_menus()
        self.statusBar().showMessage(
            f"Ingelogd als {session.worker_name} · gegevens versleuteld opgeslagen")
        self.caseload.table.setFocus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Bestand")
        new_action = QAction("&Nieuwe intake…", self)
        new_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_N))
        new_action.triggered.connect(self._new_intake)
        file_menu.addAction(new_action)
        overview = QAction("&Overzicht van inwoners", self)
        overview.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Home))
        overview.triggered.connect(self.show_caseload)
        file_menu.addAction(overview)
        file_menu.addSeparator()
        self.lock_action = QAction("&Vergrendelen", self)
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.setStatusTip("Sluit de gegevens af; ontgrendel met uw wachtwoordzin")
        self.lock_action.triggered.connect(self.lock_requested.emit)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        quit_action = QAction("&Afsluiten", self)
        quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction(f"&Over {APP_NAME}", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _new_intake(self) -> None:
        self.show_caseload()
        self.caseload.new_intake()

    def open_intake(self, intake_id: str) -> None:
        self._close_intake()
        draft = self.intakes.open_intake(intake_id)
        if draft.newer_form is not None:
            draft = self._ask_migration(draft)
        view = IntakeView(self.intakes, draft, self.writer, self.bridge, self.lang)
        view.back_requested.connect(self.show_caseload)
        self.intake_view = view
        self.screens.addWidget(view)
        self.screens.setCurrentWidget(view)
        view.section_list.setFocus()

    def _ask_migration(self, draft):  # noqa: ANN001, ANN202 - IntakeDraft in, IntakeDraft out
        assert draft.newer_form is not None
        changes = "\n".join(f"• {c}" for c in draft.changes_if_migrated) or "• (geen)"
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Nieuwe versie van het gespreksformulier")
        box.setText(
            f"Dit concept is begonnen met versie {draft.form.version} van het formulier. Er is "
            f"nu versie {draft.newer_form.version}. Wat u typte blijft bewaard.")
        box.setInformativeText(f"Als u overstapt, verandert dit:\n{changes}")
        keep = box.addButton(f"Doorgaan met versie {draft.form.version}",
                             QMessageBox.ButtonRole.RejectRole)
        move = box.addButton(f"Overstappen op versie {draft.newer_form.version}",
                             QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is move:
            self.intakes.migrate_draft(draft.intake_id, draft.newer_form)
            return self.intakes.open_intake(draft.intake_id)
        return draft

    def _close_intake(self) -> None:
        if self.intake_view is not None:
            self.writer.flush()
            view, self.intake_view = self.intake_view, None
            self.screens.removeWidget(view)
            view.deleteLater()

    def show_caseload(self) -> None:
        self._close_intake()
        self.caseload.refresh()
        self.screens.setCurrentWidget(self.home)
        self.caseload.table.setFocus()

    def clear_views(self) -> None:
        """Drop every widget holding resident data (called when locking)."""
        self._close_intake()
        self.caseload.model.set_rows([])

    def _about(self) -> None:
        QMessageBox.about(self, f"Over {APP_NAME}",
                          f"{APP_NAME} {__version__}\nVersleuteld notitieblok voor sociale "
                          "wijkteams.")
