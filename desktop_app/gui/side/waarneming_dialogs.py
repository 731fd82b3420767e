"""Waarneming (ZW-7) in the GUI: the reason dialog before opening someone else's dossier, and
'Wie keek in dit dossier' for the coordinator (an intake panel, and a dialog around it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.shared.dialog_parts import buddy_form, error_label, ok_cancel
from desktop_app.gui.shared.i18n import current_language, error_text, text
from desktop_app.messages import MessageError
from desktop_app.services.session import Session
from desktop_app.services.waarneming import (
    MAX_REASON_LENGTH,
    REASONS,
    WaarnemingService,
    reason_problem,
    shown_reason,
)


class ReasonDialog(QDialog):
    """Asks why; on OK the reason is logged (before the dossier is opened)."""

    def __init__(self, service: WaarnemingService, intake_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.intake_id = intake_id
        self.logged_reason = ""
        self.setWindowTitle(self.tr("Reden voor inzage"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr(
            "Dit dossier wordt gecoördineerd door een collega. Je mag het alleen openen als dat "
            "nodig is. Je reden wordt vastgelegd in het logboek; de coördinator kan zien wie "
            "het dossier opende, wanneer en waarom."))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.reason_combo = QComboBox()
        self.reason_combo.setAccessibleName(self.tr("Reden"))
        # Shown in the UI language; the service logs the Dutch text of the chosen reason.
        for index, reason in enumerate(REASONS):
            self.reason_combo.addItem(text(reason), index)
        self.detail_edit = QLineEdit()
        self.detail_edit.setAccessibleName(self.tr("Toelichting"))
        self.detail_edit.setMaxLength(MAX_REASON_LENGTH + 50)
        self.detail_edit.setPlaceholderText(self.tr("Kort, zonder namen of nummers"))
        self.detail_edit.textChanged.connect(self._check)
        self.error_label = error_label()
        self.error_label.setAccessibleName(self.tr("Foutmelding"))
        form = buddy_form([(self.tr("&Reden:"), self.reason_combo),
                           (self.tr("&Toelichting (mag leeg):"), self.detail_edit)])
        self.buttons = ok_cancel(self.tr("Dossier &openen"), self.tr("&Annuleren"),
                                 self._accept, self.reject, primary=True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.reason_combo.setFocus()

    def _error(self, problem: str) -> str:
        """The words say it is an error, not only the red colour."""
        return self.tr("Fout: {problem}").format(problem=problem)

    def _check(self) -> None:
        problem = reason_problem(self.detail_edit.text())
        self.error_label.setText(self._error(text(problem)) if problem else "")
        self.error_label.setVisible(bool(problem))

    def _accept(self) -> None:
        try:
            self.logged_reason = self.service.record_access(
                self.intake_id, REASONS[int(self.reason_combo.currentData())],
                self.detail_edit.text())
        except MessageError as err:
            self.error_label.setText(self._error(error_text(err)))
            self.error_label.show()
            return
        self.accept()


class AccessHistoryPanel(QWidget):
    """Intake panel 'Wie keek in dit dossier': every opening from the logboek, newest first.
    Follows the Panel convention (session, intake_id, lang; refresh(); changed)."""

    changed = Signal()

    def __init__(self, session: Session, intake_id: str, lang: str | None = None) -> None:
        lang = lang or current_language()  # the UI language unless chosen
        super().__init__()
        self.session = session
        self.intake_id = intake_id
        self.lang = lang
        self.service = WaarnemingService(session)
        title = QLabel(self.tr("Wie keek in dit dossier"))
        title.setObjectName("sectionTitle")
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Wie keek in dit dossier"))
        self.table.setHorizontalHeaderLabels([self.tr("Wanneer"), self.tr("Wie"),
                                              self.tr("Waarom")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        events = self.service.access_history(self.intake_id)
        self.table.setRowCount(len(events))
        others = 0
        for row, event in enumerate(events):
            when = event.at.astimezone().strftime("%d-%m-%Y %H:%M")
            who = (self.tr("jij ({name})").format(name=self.session.worker_name)
                   if event.is_me else self.tr("collega {id}").format(id=event.actor))
            why = (text(shown_reason(event.reason)) if event.reason
                   else self.tr("eigen dossier") if event.action == "intake.openen" else "")
            others += 0 if event.is_me else 1
            for column, shown in enumerate((when, who, why)):
                item = QTableWidgetItem(shown)
                item.setToolTip(shown)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.summary.setText(self.tr(
            "{n} keer geopend, waarvan {o} keer door een collega.").format(
                n=len(events), o=others))


class AccessHistoryDialog(QDialog):
    def __init__(self, session: Session, intake_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Wie keek in dit dossier"))
        self.resize(720, 420)
        self.panel = AccessHistoryPanel(session, intake_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
