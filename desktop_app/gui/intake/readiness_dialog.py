"""The dialog after "Klaar voor overdracht" was refused: what is still missing, per section of
the gespreksformulier (and the data requests), each item a link that takes the worker to the
question or the tab where it is fixed (domain/readiness.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.readiness import Readiness, ReadinessItem
from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.i18n import text
from desktop_app.gui.shared.screen_fit import fit_to_screen
from desktop_app.gui.shared.style import ACCENT


class ReadinessDialog(QDialog):
    """Lists what is missing. `chosen` is the item the worker clicked (the dialog then
    closes and the intake view goes there), None when closed."""

    def __init__(self, readiness: Readiness, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readinessDialog")
        self.setWindowTitle(self.tr("Nog niet klaar voor overdracht"))
        self.chosen: ReadinessItem | None = None
        self.item_buttons: list[QPushButton] = []
        count = len(readiness.items)
        title = wrapped_label(self.tr("Nog niet klaar voor overdracht"), "sectionTitle")
        intro = wrapped_label(self.tr(
            "Er ontbreekt nog iets ({0} punten). Vul dit eerst aan en kies daarna opnieuw "
            "Klaar voor overdracht. Klik op een punt om ernaar toe te gaan.").format(count))
        body = QWidget()
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 8, 0)
        rows.setSpacing(2)
        for group in readiness.groups:
            heading = wrapped_label(text(group.title))
            heading.setProperty("readinessGroup", True)
            bold = heading.font()
            bold.setBold(True)
            heading.setFont(bold)
            rows.addSpacing(8)
            rows.addWidget(heading)
            for item in group.items:
                button = QPushButton(text(item.message))
                button.setObjectName("link")
                button.setAccessibleName(f"{text(group.title)}: {text(item.message)}")
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.clicked.connect(lambda _=False, chosen=item: self._go(chosen))
                # A long item wraps in a label inside the button (a QPushButton cannot wrap).
                label = QLabel(button.text())
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
                # Looks like the link it is (the button's own text style does not reach it).
                label.setStyleSheet(f"color: {ACCENT};")
                underlined = label.font()
                underlined.setUnderline(True)
                label.setFont(underlined)
                button.setText("")
                inner = QVBoxLayout(button)
                inner.setContentsMargins(6, 3, 6, 3)
                inner.addWidget(label)
                button.setMinimumHeight(label.sizeHint().height() + 6)
                button.label = label  # type: ignore[attr-defined]
                rows.addWidget(button)
                self.item_buttons.append(button)
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)  # outside the scroll area: always on the screen
        fit_to_screen(self, 720, 620, parent)
        if self.item_buttons:
            self.item_buttons[0].setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The wrapped labels know their height only at the width they get.
        for button in self.item_buttons:
            label = button.label  # type: ignore[attr-defined]
            label.setFixedWidth(max(100, button.width() - 12))
            button.setMinimumHeight(label.heightForWidth(label.width()) + 8)

    def _go(self, item: ReadinessItem) -> None:
        self.chosen = item
        self.accept()
