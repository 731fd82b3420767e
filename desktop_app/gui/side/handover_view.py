"""'Overdracht voor afwezigheid' (ZW-8): everything still on this laptop that has to be
transferred and destroyed before a long absence. Names are shown here, inside the unlocked
program only; counts alone go to `doctor`."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.i18n import text
from desktop_app.services.intakes import STATUS_LABELS
from desktop_app.services.session import Session
from desktop_app.services.session_security import handover_count_lines, handover_overview


class HandoverView(QWidget):
    back_requested = Signal()
    open_intake = Signal(str)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("handoverView")
        title = QLabel(self.tr("Overdracht voor afwezigheid"))
        title.setObjectName("sectionTitle")
        intro = wrapped_label(self.tr(
            "Ga je met verlof of ben je langer afwezig? Draag dan eerst alles over aan het "
            "dossier of aan een collega, en vernietig daarna de gegevens op deze laptop. Hieronder "
            "staat wat nog op deze laptop staat."), "hint")
        self.clear_label = QLabel(self.tr(
            "Klaar: er staan geen gegevens van inwoners meer op deze laptop."))
        self.clear_label.setObjectName("notice")
        self.clear_label.setAccessibleName(self.tr("Samenvatting"))
        self.status_label = wrapped_label(name="error")
        self.status_label.setAccessibleName(self.tr("Samenvatting"))
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Nog over te dragen of te vernietigen"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Inwoner"), self.tr("Dossiercode"), self.tr("Status"),
            self.tr("Gegevensverzoeken"), self.tr("Verklaringen"),
            self.tr("Bestanden buiten de opslag")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The last column fills the room that is left, but never gets narrower than its title
        # (at a large font the table then scrolls sideways).
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.viewport().installEventFilter(self)
        title.setBuddy(self.table)
        self.table.cellActivated.connect(self._activated)
        back = QPushButton(self.tr("← &Terug naar overzicht"))
        back.setObjectName("link")
        back.clicked.connect(self.back_requested.emit)
        open_button = QPushButton(self.tr("Dossier &openen"))
        open_button.clicked.connect(lambda: self._activated(self.table.currentRow(), 0))
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.clear_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        overview = handover_overview(self.session)
        self.clear_label.setVisible(overview.clear)
        self.status_label.setVisible(not overview.clear)
        self.status_label.setText(
            self.tr("Let op: nog {n} intake(s) op deze laptop.").format(
                n=len(overview.intakes)) + "\n"
            + "\n".join(text(line) for line in handover_count_lines(overview)))
        self.table.setRowCount(len(overview.intakes))
        for row, item in enumerate(overview.intakes):
            status = text(STATUS_LABELS.get(item.status, item.status))
            values = (item.resident_name, item.intake_id, status,
                      str(item.data_requests), str(item.consent_statements),
                      str(item.exported_files))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        for column in range(self.table.columnCount() - 1):  # room for the focus frame
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, self.table.columnWidth(column) + 12)
        self._fit_last_column()

    def _fit_last_column(self) -> None:
        last = self.table.columnCount() - 1
        header = self.table.horizontalHeader()
        title = self.table.horizontalHeaderItem(last).text()
        used = sum(self.table.columnWidth(c) for c in range(last))
        need = header.fontMetrics().horizontalAdvance(title) + 36
        self.table.setColumnWidth(last, max(need, self.table.viewport().width() - used))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_last_column()
        return super().eventFilter(watched, event)

    def _activated(self, row: int, _column: int) -> None:
        item = self.table.item(row, 1) if row >= 0 else None
        if item is not None:
            self.open_intake.emit(item.text())

    def clear(self) -> None:
        self.table.setRowCount(0)
