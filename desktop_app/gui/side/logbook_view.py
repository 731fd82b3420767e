"""The logboek screen: the audit log filtered by period, action and intake; the chain check;
a CSV export without content for the privacy officer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.file_dialogs import save_file_name
from desktop_app.gui.shared.i18n import error_text, text
from desktop_app.messages import MessageError
from desktop_app.services import audit_export
from desktop_app.services.audit_export import AuditFilter
from desktop_app.services.session import Session

_COLUMN_COUNT = 7
_REASON_COLUMN = 4


class LogbookView(QWidget):
    back_requested = Signal()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("logbookView")
        title = QLabel(self.tr("Logboek"))
        title.setObjectName("sectionTitle")
        intro = wrapped_label(self.tr(
            "Hier staat wie wat deed in dit programma, zonder inhoud, namen of BSN. Dossiers "
            "staan er met hun code (bijvoorbeeld intake-3f9a…)."), "hint")

        today = QDate.fromString(session.now().date().isoformat(), Qt.DateFormat.ISODate)
        self.since_edit = QDateEdit(today.addDays(-30))
        self.until_edit = QDateEdit(today)
        for edit, name in ((self.since_edit, self.tr("Vanaf datum")),
                           (self.until_edit, self.tr("Tot en met datum"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self.refresh)
        self.action_combo = QComboBox()
        self.action_combo.setAccessibleName(self.tr("Actie"))
        self.action_combo.currentIndexChanged.connect(self.refresh)
        self.object_edit = QLineEdit()
        self.object_edit.setAccessibleName(self.tr("Dossiercode"))
        self.object_edit.setPlaceholderText(self.tr("bijvoorbeeld intake-3f9a…"))
        self.object_edit.setClearButtonEnabled(True)
        self.object_edit.editingFinished.connect(self.refresh)

        filters = QGridLayout()
        for column, (caption, widget) in enumerate((
                (self.tr("&Vanaf:"), self.since_edit), (self.tr("T&ot en met:"), self.until_edit),
                (self.tr("&Actie:"), self.action_combo), (self.tr("Doss&ier:"), self.object_edit))):
            label = QLabel(caption)
            label.setBuddy(widget)
            filters.addWidget(label, 0, column)
            filters.addWidget(widget, 1, column)
        filters.setColumnStretch(2, 1)
        filters.setColumnStretch(3, 1)

        self.table = QTableWidget(0, _COLUMN_COUNT)
        self.table.setAccessibleName(self.tr("Regels van het logboek"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Tijd"), self.tr("Actie"), self.tr("Dossier of object"),
            self.tr("Resultaat"), self.tr("Reden"), self.tr("Door"), self.tr("Namens")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.verticalHeader().hide()
        title.setBuddy(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(_REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")

        # Two fixed boxes (not one restyled box): the text says which kind it is.
        self.notice_label = self._message("notice", self.tr("Melding"))
        self.error_label = self._message("error", self.tr("Foutmelding"))

        back = QPushButton(self.tr("← &Terug naar overzicht"))
        back.setObjectName("link")
        back.clicked.connect(self.back_requested.emit)
        self.verify_button = QPushButton(self.tr("&Controleer keten"))
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(self.tr("&Exporteer CSV…"))
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self._export_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self._load_actions()
        self.refresh()

    @staticmethod
    def _message(kind: str, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(kind)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(name)
        label.hide()
        return label

    @property
    def result_label(self) -> QLabel:
        """The message box now showing (notice or error)."""
        return self.error_label if self.error_label.isVisibleTo(self) else self.notice_label

    def _show_result(self, ok: bool, text: str) -> None:
        shown, hidden = (self.notice_label, self.error_label) if ok else (
            self.error_label, self.notice_label)
        hidden.hide()
        shown.setText(text)
        shown.show()

    def _load_actions(self) -> None:
        self.action_combo.blockSignals(True)
        self.action_combo.clear()
        self.action_combo.addItem(self.tr("Alle acties"), "")
        labelled = [(text(audit_export.action_label(action)), action)
                    for action in audit_export.known_actions(self.session)]
        for label, action in sorted(labelled, key=lambda pair: pair[0].casefold()):
            self.action_combo.addItem(label, action)
        self.action_combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            since=dt.date.fromisoformat(self.since_edit.date().toString(Qt.DateFormat.ISODate)),
            until=dt.date.fromisoformat(self.until_edit.date().toString(Qt.DateFormat.ISODate)),
            action=str(self.action_combo.currentData() or ""),
            obj=self.object_edit.text().strip(),
        )

    def _who(self, actor: str) -> str:
        # The worker's own profile reads as "jij"; others keep their pseudonymous id.
        return self.tr("jij") if actor == self.session.actor else actor

    def refresh(self) -> None:
        rows = audit_export.entries(self.session, self.current_filter())
        rows.reverse()  # newest first
        self.table.setRowCount(len(rows))
        for r, entry in enumerate(rows):
            when = dt.datetime.fromisoformat(entry.at).astimezone().strftime("%d-%m-%Y %H:%M:%S")
            result = text(audit_export.result_label(entry.result))
            # The reason in Dutch, like the case file: the worker's words kept with the intake
            # ("(vernietigd)" once it is destroyed), or as logged in an old logboek's entries of
            # the removed stand-in path (ZW-7).
            values = (when, text(audit_export.action_label(entry.action)), entry.object,
                      result, entry.reason,
                      self._who(entry.actor),
                      "" if entry.on_behalf_of == entry.actor else self._who(entry.on_behalf_of))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for column in range(_COLUMN_COUNT):  # room for the focus frame of the current cell
            if column != _REASON_COLUMN:
                self.table.setColumnWidth(column, self.table.columnWidth(column) + 12)
        self.count_label.setText(self.tr("{n} regel(s) in deze selectie").format(n=len(rows)))

    def verify(self) -> bool:
        result = self.session.verify_audit_log()
        self._show_result(result.ok, "\n".join(text(line) for line in
                                               audit_export.verification_lines(result)))
        self._load_actions()
        self.refresh()
        return result.ok

    def _export_clicked(self) -> None:
        suggested = f"logboek-{self.session.now().date().isoformat()}.csv"
        path = save_file_name(self, self.tr("Logboek exporteren"), suggested,
                              self.tr("CSV-bestand (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        try:
            count = audit_export.export_csv(self.session, path, self.current_filter())
        except MessageError as err:
            self._show_result(False, error_text(err))
            self.refresh()  # the failed attempt is logged too
            return False
        self._show_result(True, self.tr(
            "{n} regel(s) opgeslagen in {file}. Het bestand bevat geen namen, BSN of "
            "inhoud.").format(n=count, file=path.name))
        self.refresh()
        return True
