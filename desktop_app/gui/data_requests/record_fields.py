"""The fields an answer of a protocol asks the worker to fill in (`RecordKind`), one widget per
kind. Every field gives its value in the form the weighing stores (`text()`), takes such a
value back (`set_text()`), and names the widget that gets the focus when it is empty (`edit`)
and the last one Tab reaches in it (`last`).

- motivation, consulted, findings, client_arguments: a multi-line text;
- narrowed_items: a multi-line text, one item per line, with a hint (ZW-2, ZU-A3);
- reason_not_informing (ZU-A4B) and legal_ground (ZW-3, ZU-A4A, ZU-A4B): check boxes, stored
  as ids separated by commas;
- anonymised_consultation: ja / nee;
- inform_after (ZU-A4B): a date with a calendar, stored as YYYY-MM-DD.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.protocols import JustifiedReason, LegalGround, RecordKind, RecordRequirement
from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.i18n import text

# When the resident is told afterwards unless the worker picks another day (ZU-A4B): soon
# enough that the reason is looked at again, late enough for most reasons to have passed.
INFORM_AFTER_DAYS = 14


class RecordField(QWidget):
    """A label and its input(s). `changed` fires on every edit (the wizard hides an old
    error then)."""

    changed = Signal()

    def __init__(self, requirement: RecordRequirement, label: str) -> None:
        super().__init__()
        self.requirement = requirement
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 4)
        self.box.setSpacing(3)
        self.box.addWidget(self.label)

    @property
    def edit(self) -> QWidget:
        raise NotImplementedError

    @property
    def last(self) -> QWidget:
        return self.edit

    def text(self) -> str:
        raise NotImplementedError

    def set_text(self, value: str) -> None:
        raise NotImplementedError


class TextRecord(RecordField):
    """A multi-line text; Tab leaves it (keyboard users), Enter is a new line. It starts at
    `lines` lines and grows with what is typed (up to MAX_LINES, then it scrolls), so a page
    with several fields still fits a laptop screen."""

    MAX_LINES = 8

    def __init__(self, requirement: RecordRequirement, label: str, accessible: str, *,
                 hint: str = "", lines: int = 2) -> None:
        super().__init__(requirement, label)
        self.min_lines = lines
        self._edit = QPlainTextEdit()
        self._edit.setTabChangesFocus(True)
        self._edit.setAccessibleName(accessible)
        self._edit.textChanged.connect(self.changed)
        self._edit.document().documentLayout().documentSizeChanged.connect(
            lambda *_args: self._fit())
        self.label.setBuddy(self._edit)
        if hint:
            self.hint = wrapped_label(hint, "hint")
            self._edit.setAccessibleDescription(hint)
            self.box.addWidget(self.hint)
        self.box.addWidget(self._edit)
        self._fit()

    def _fit(self) -> None:
        # A QPlainTextEdit's document height counts lines (wrapped lines included).
        used = int(self._edit.document().size().height())
        lines = min(self.MAX_LINES, max(self.min_lines, used))
        frame = 2 * self._edit.frameWidth() + int(2 * self._edit.document().documentMargin())
        self._edit.setFixedHeight(self._edit.fontMetrics().lineSpacing() * lines + frame + 4)

    @property
    def edit(self) -> QPlainTextEdit:
        return self._edit

    def text(self) -> str:
        return self._edit.toPlainText()

    def set_text(self, value: str) -> None:
        self._edit.setPlainText(value)


class ChoicesRecord(RecordField):
    """One or more of a fixed list (check boxes), stored as ids separated by commas. One
    column: a check box does not wrap its text, two columns would not fit beside the guidance
    on a laptop screen."""

    def __init__(self, requirement: RecordRequirement, label: str,
                 options: list[tuple[str, str]]) -> None:
        super().__init__(requirement, label)
        self.boxes: list[tuple[str, QCheckBox]] = []
        for value, shown in options:
            check = QCheckBox(shown.replace("&", "&&"))
            check.setAccessibleName(shown)
            check.toggled.connect(self.changed)
            self.boxes.append((value, check))
            self.box.addWidget(check)
        self.label.setBuddy(self.boxes[0][1])

    @property
    def edit(self) -> QCheckBox:
        return self.boxes[0][1]

    @property
    def last(self) -> QCheckBox:
        return self.boxes[-1][1]

    def text(self) -> str:
        return ",".join(value for value, check in self.boxes if check.isChecked())

    def set_text(self, value: str) -> None:
        chosen = {part.strip() for part in value.split(",")}
        for option, check in self.boxes:
            check.setChecked(option in chosen)


class YesNoRecord(RecordField):
    """"ja" or "nee" (nothing chosen: empty, so a required one is asked for)."""

    def __init__(self, requirement: RecordRequirement, label: str, accessible: str) -> None:
        super().__init__(requirement, label)
        self.yes = QRadioButton(self.tr("Ja"))
        self.no = QRadioButton(self.tr("Nee"))
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.yes, self.no):
            button.setAccessibleDescription(accessible)  # "Ja" alone says nothing
            self.group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.box.addLayout(row)
        self.group.buttonToggled.connect(lambda *_args: self.changed.emit())
        self.label.setBuddy(self.yes)

    @property
    def edit(self) -> QRadioButton:
        return self.no if self.no.isChecked() else self.yes

    def text(self) -> str:
        if self.yes.isChecked():
            return "ja"
        if self.no.isChecked():
            return "nee"
        return ""

    def set_text(self, value: str) -> None:
        if value in ("ja", "nee"):
            (self.yes if value == "ja" else self.no).setChecked(True)


class DateRecord(RecordField):
    """A day from today on, with a calendar; stored as YYYY-MM-DD."""

    def __init__(self, requirement: RecordRequirement, label: str, accessible: str,
                 today: dt.date) -> None:
        super().__init__(requirement, label)
        self._edit = QDateEdit()
        self._edit.setCalendarPopup(True)
        self._edit.setDisplayFormat("dd-MM-yyyy")
        self._edit.setMinimumDate(QDate(today))
        self._edit.setDate(QDate(today + dt.timedelta(days=INFORM_AFTER_DAYS)))
        self._edit.setAccessibleName(accessible)
        self._edit.dateChanged.connect(lambda *_args: self.changed.emit())
        self.label.setBuddy(self._edit)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._edit)
        row.addStretch(1)
        self.box.addLayout(row)

    @property
    def edit(self) -> QDateEdit:
        return self._edit

    def text(self) -> str:
        day = self._edit.date()
        return dt.date(day.year(), day.month(), day.day()).isoformat()

    def set_text(self, value: str) -> None:
        try:
            self._edit.setDate(QDate(dt.date.fromisoformat(value)))
        except ValueError:
            return  # not a date: keep the one shown


def record_field(requirement: RecordRequirement, label: str, accessible: str, *,
                 today: dt.date, hint: str = "", lines: int = 2) -> RecordField:
    """The widget for one record of an answer; `label` carries the mnemonic."""
    kind = requirement.kind
    if kind is RecordKind.REASON_NOT_INFORMING:
        return ChoicesRecord(requirement, label,
                             [(r.value, text(r.message)) for r in JustifiedReason])
    if kind is RecordKind.LEGAL_GROUND:
        return ChoicesRecord(requirement, label,
                             [(g.value, text(g.message)) for g in LegalGround])
    if kind is RecordKind.ANONYMISED:
        return YesNoRecord(requirement, label, accessible)
    if kind is RecordKind.INFORM_AFTER:
        return DateRecord(requirement, label, accessible, today)
    return TextRecord(requirement, label, accessible, hint=hint, lines=lines)
