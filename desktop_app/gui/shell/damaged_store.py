"""The damaged store (issue 17): the banner above the caseload and the dialog behind it.

The dialog says what happened, lists the intakes that can still be read (by resident name) and
those that cannot (their pseudonymous ids), saves the readable intakes' reports into a folder to
transfer them to the central dossier, and says who to call. Nothing in it deletes or writes to
the store (services/salvage.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.shared.i18n import error_text, text
from desktop_app.gui.shared.screen_fit import fit_to_screen
from desktop_app.messages import Joined, Message
from desktop_app.services import salvage
from desktop_app.services.session import Session

# The subject of the export job: it only reads, so it does not hold the store.
EXPORT_JOB = "beschadigd-opslaan"


class DamageBanner(QFrame):
    """One red bar above the caseload, with the way out."""

    details_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damageBanner")
        self.setStyleSheet("QFrame#damageBanner { background: #fdecee; border: 1px solid "
                           "#b3261e; border-radius: 4px; }"
                           "QFrame#damageBanner QLabel { color: #8c1d18; background: "
                           "transparent; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.label = QLabel(text(salvage.DAMAGED))
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self.tr("&Wat kan ik nog lezen?"))
        self.button.clicked.connect(self.details_requested.emit)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(self.tr("Gegevensbestand beschadigd"))


def _label(message: str, name: str = "") -> QLabel:
    label = QLabel(message)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class DamagedStoreDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.result: salvage.SalvageExport | None = None  # the last export
        self.setWindowTitle(self.tr("Gegevensbestand beschadigd"))
        self.overview = salvage.overview(session)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        title = _label(self.tr("Het gegevensbestand is beschadigd"), "title")
        layout.addWidget(title)
        layout.addWidget(_label(text(Message("vault.damaged.explain"))))
        readable = self.overview.readable
        layout.addWidget(_label(text(
            Message("vault.damaged.readable", n=len(readable)) if readable
            else Message("vault.damaged.none_readable")), "sectionTitle"))
        self.readable_list = QListWidget()
        self.readable_list.setAccessibleName(self.tr("Intakes die je nog kunt lezen"))
        for item in readable:
            self.readable_list.addItem(f"{item.resident_name} — {text(item.status)}")
        self.readable_list.setVisible(bool(readable))
        self.readable_list.setMinimumHeight(self._rows_height(self.readable_list, 4))
        layout.addWidget(self.readable_list, 1)
        self.unreadable_label = _label("")
        self.unreadable_list = QListWidget()
        self.unreadable_list.setAccessibleName(self.tr("Intakes die je niet meer kunt lezen"))
        unreadable = self.overview.unreadable
        if unreadable:
            self.unreadable_label.setText(text(Message("vault.damaged.unreadable",
                                                       n=len(unreadable))))
            for intake_id in unreadable:
                self.unreadable_list.addItem(text(Message("vault.damaged.unreadable_item",
                                                          id=intake_id)))
            # A few rows: the ids are for the administrator, the names above for the worker.
            self.unreadable_list.setFixedHeight(
                self._rows_height(self.unreadable_list, min(3, len(unreadable))))
        self.unreadable_label.setVisible(bool(unreadable))
        self.unreadable_list.setVisible(bool(unreadable))
        layout.addWidget(self.unreadable_label)
        layout.addWidget(self.unreadable_list)
        layout.addWidget(_label(text(Message("vault.damaged.export_hint")), "hint"))
        self.export_button = QPushButton(self.tr("&Verslagen opslaan in een map…"))
        self.export_button.setEnabled(bool(readable))
        self.export_button.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.result_label = _label("", "notice")
        self.result_label.hide()
        layout.addWidget(self.result_label)
        layout.addWidget(_label(text(Message("vault.damaged.call")), "notice"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Sluiten"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Wide enough for the texts to wrap in a few lines; the list of readable intakes takes
        # what height is left (on a laptop screen too).
        fit_to_screen(self, 720, 680, parent)

    @staticmethod
    def _rows_height(view: QListWidget, rows: int) -> int:
        row = view.sizeHintForRow(0) if view.count() else view.fontMetrics().height() + 6
        return row * rows + 2 * view.frameWidth() + 4

    def _choose_folder(self) -> None:
        from desktop_app.gui.shared.file_dialogs import folder_name

        chosen = folder_name(self, self.tr("Map voor de verslagen"))
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, folder: Path) -> None:
        """Save the reports of the readable intakes in `folder` on a worker thread (a report
        takes tens of milliseconds, a caseload of them seconds) and say what happened."""
        from desktop_app.gui.shared.jobs import runner

        session, readable = self.session, self.overview.readable
        job = runner().start({EXPORT_JOB},
                             lambda _progress: salvage.export_readable(session, folder, readable),
                             owner=self, on_done=lambda result: self._exported(folder, result),
                             on_error=lambda err: self._show_result(error_text(err), "error"))
        if job is None:
            return  # already saving; the button is disabled meanwhile
        self._show_result(self.tr("Bezig met opslaan…"), "notice", busy=True)

    def _exported(self, folder: Path, result: salvage.SalvageExport) -> None:
        self.result = result
        lines = [text(Message("vault.damaged.exported", n=len(result.written),
                              folder=str(folder)))]
        if result.failed:
            lines.append(text(Message("vault.damaged.export_failed",
                                      names=Joined(result.failed))))
        self._show_result("\n".join(lines), "error" if result.failed else "notice")

    def _show_result(self, message: str, style: str, *, busy: bool = False) -> None:
        self.export_button.setEnabled(bool(self.overview.readable) and not busy)
        self.result_label.setText(message)
        self.result_label.setObjectName(style)
        self.result_label.style().unpolish(self.result_label)
        self.result_label.style().polish(self.result_label)
        self.result_label.show()
