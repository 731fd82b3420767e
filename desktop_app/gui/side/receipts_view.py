"""The vernietigingsbewijzen screen: every destroyed draft with its date, dossier number and
what kinds of data and how many were destroyed (ZW-6). Never content or names: a receipt holds
none (services/destruction.py). Shown right after destroying, with that receipt open, and from
Extra → Vernietigingsbewijzen for the worker and the privacy officer."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
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
from desktop_app.services.destruction import Receipt, receipts
from desktop_app.services.session import Session

_COLUMNS = 4
_COUNTS_COLUMN = 2


class ReceiptsView(QWidget):
    back_requested = Signal()

    def __init__(self, session: Session, just_destroyed: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("receiptsView")
        title = QLabel(self.tr("&Vernietigingsbewijzen"))
        title.setObjectName("sectionTitle")
        intro = wrapped_label(self.tr(
            "Hier staat elk concept dat je hebt vernietigd: wanneer, voor welk dossier en wat er "
            "is gewist. Er staan geen namen of inhoud in. Je kunt dit laten zien aan de "
            "privacyfunctionaris."), "hint")
        # Right after destroying: what just happened, above the list.
        self.done_label = wrapped_label(self.tr(
            "Het concept is vernietigd. Er staat niets meer van op deze laptop; ook het "
            "klembord is gewist. Hieronder zie je het bewijs."), "notice")
        self.done_label.setAccessibleName(self.tr("Melding"))
        self.done_label.setVisible(just_destroyed is not None)

        self.table = QTableWidget(0, _COLUMNS)
        self.table.setAccessibleName(self.tr("Lijst van vernietigingsbewijzen"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Vernietigd op"), self.tr("Dossiernummer"), self.tr("Wat is vernietigd"),
            self.tr("Afgerond")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_COUNTS_COLUMN, QHeaderView.ResizeMode.Stretch)
        title.setBuddy(self.table)
        self.empty_label = QLabel(self.tr("Je hebt nog geen concepten vernietigd."))
        self.empty_label.setObjectName("hint")

        detail_title = QLabel(self.tr("&Gekozen bewijs"))
        detail_title.setObjectName("sectionTitle")
        self.detail_label = wrapped_label(name="card")
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setAccessibleName(self.tr("Bewijs van vernietiging"))
        flags = Qt.TextInteractionFlag
        self.detail_label.setTextInteractionFlags(flags.TextSelectableByMouse
                                                  | flags.TextSelectableByKeyboard)
        self.detail_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.detail_label.setContentsMargins(12, 8, 12, 8)
        detail_title.setBuddy(self.detail_label)

        back = QPushButton(self.tr("← &Terug naar overzicht"))
        back.setObjectName("link")
        back.clicked.connect(self.back_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.done_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(detail_title)
        layout.addWidget(self.detail_label)
        # Without receipts the table is hidden: the room left goes below the text, not between
        # the lines.
        layout.addStretch(0)
        layout.addLayout(buttons)

        self.receipts: list[Receipt] = []
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        self.refresh(just_destroyed)

    def refresh(self, select: str | None = None) -> None:
        self.receipts = receipts(self.session)
        self.table.setRowCount(len(self.receipts))
        for row, receipt in enumerate(self.receipts):
            counts = "; ".join(text(line) for line in receipt.count_lines())
            cells = (receipt.destroyed_local, receipt.dossier_reference, counts,
                     self.tr("ja") if receipt.completed else self.tr("nog niet"))
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        self.empty_label.setVisible(not self.receipts)
        self.table.setVisible(bool(self.receipts))
        index = next((i for i, r in enumerate(self.receipts) if r.id == select), 0)
        if self.receipts:
            self.table.setCurrentCell(index, 0)
        self._show(index if self.receipts else -1)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.receipts):
            self.detail_label.setText(self.tr("Geen bewijs gekozen."))
            return
        receipt = self.receipts[row]
        self.detail_label.setText("\n".join(text(line) for line in receipt.summary_lines()))

    def focus_receipt(self) -> None:
        """Right after destroying: the receipt itself takes the focus (screen readers read
        it); once more after the event loop ran, as the closing view hands focus around."""
        self.detail_label.setFocus()
        QTimer.singleShot(0, self.detail_label, self.detail_label.setFocus)
