"""The main window after unlocking. Holds the screens; Lock closes the store and returns to the
unlock window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from desktop_app import APP_NAME, __version__
from desktop_app.services.session import Session


class MainWindow(QMainWindow):
    lock_requested = Signal()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("{app} — {worker}").format(app=APP_NAME,
                                                                  worker=session.worker_name))
        self.resize(1200, 800)
        self.screens = QStackedWidget()
        self.setCentralWidget(self.screens)
        self.caseload = self._caseload_placeholder()
        self.screens.addWidget(self.caseload)
        self._build_menus()
        self.statusBar().showMessage(
            self.tr("Ingelogd als {worker} · gegevens versleuteld opgeslagen").format(
                worker=session.worker_name)
        )

    def _caseload_placeholder(self) -> QWidget:
        page = QWidget()
        page.setObjectName("caseload")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 24, 32, 24)
        title = QLabel(self.tr("Mijn inwoners"))
        title.setObjectName("sectionTitle")
        hint = QLabel(self.tr("Hier komen de inwoners met wie u een gesprek voert."))
        hint.setObjectName("hint")
        layout.addWidget(title)
        layout.addWidget(hint)
        for notice in self.session.notices:
            label = QLabel(notice)
            label.setObjectName("notice")
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        return page

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Bestand"))
        self.lock_action = QAction(self.tr("&Vergrendelen"), self)
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.setStatusTip(self.tr("Sluit de gegevens af; ontgrendel met uw "
                                              "wachtwoordzin"))
        self.lock_action.triggered.connect(self.lock_requested.emit)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Afsluiten"), self)
        quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&Over {app}").format(app=APP_NAME), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(
            self, self.tr("Over {app}").format(app=APP_NAME),
            self.tr("{app} {version}\nVersleuteld notitieblok voor sociale wijkteams.").format(
                app=APP_NAME, version=__version__),
        )
