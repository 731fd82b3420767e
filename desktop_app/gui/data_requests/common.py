"""Small pieces shared by the data-request screens: keyboard mnemonics for texts that come from
forms/ (answers of a protocol), the look of a status, and labelled multi-line fields."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_app.domain.data_requests import Status
from desktop_app.domain.organisations import Organisation
from desktop_app.gui.shared.i18n import text
from desktop_app.gui.shared.style import ACCENT_DARK

# Additions to gui/shared/style.py for these screens only (set on the panel and the dialogs).
LOCAL_STYLE = f"""
QLabel#fieldTitle {{ font-weight: 600; color: {ACCENT_DARK}; }}
QLabel#verdict {{ font-size: 15pt; font-weight: 600; color: {ACCENT_DARK}; }}
QLabel#reason {{
    background: #fff6e0; color: #5c3d00; border: 1px solid #d9a400;
    border-radius: 4px; padding: 8px;
}}
"""

# Background per status. Colour only supports the text, which always names the status
# (WCAG 1.4.1: never colour alone).
STATUS_COLOURS: dict[Status, str] = {
    Status.CONCEPT: "#eceff3",
    Status.GEWOGEN: "#e6eef7",
    Status.TOESTEMMING_NODIG: "#fdf1d8",
    Status.TOESTEMMING_GEGEVEN: "#e3f1e7",
    Status.GEWEIGERD: "#fbe5e7",
    Status.VERSTUURD: "#dcefe2",
    Status.NIET_DELEN: "#f1e7e8",
    Status.DOORVERWEZEN: "#ede8f5",
}


def with_mnemonic(label: str, used: set[str]) -> str:
    """Put '&' before the first letter not yet used (word starts preferred) and record it, so
    texts from a protocol file get unique Alt+letter keys next to the wizard's own buttons."""
    plain = label.replace("&", "&&")
    candidates: list[int] = []
    for index, char in enumerate(label):
        if char.isalpha() and (index == 0 or not label[index - 1].isalpha()):
            candidates.append(index)
    candidates += [i for i, c in enumerate(label) if c.isalpha() and i not in candidates]
    for index in candidates:
        letter = label[index].casefold()
        if letter.isascii() and letter not in used:
            used.add(letter)
            # Count the escaped ampersands before `index` to find the spot in `plain`.
            offset = label[:index].count("&")
            spot = index + offset
            return plain[:spot] + "&" + plain[spot:]
    return plain


def reserve(labels: Iterable[str]) -> set[str]:
    """The mnemonic letters already taken by texts such as "&Volgende"."""
    used: set[str] = set()
    for label in labels:
        index = label.find("&")
        while index != -1 and index + 1 < len(label):
            if label[index + 1] != "&":
                used.add(label[index + 1].casefold())
                break
            index = label.find("&", index + 2)
    return used


def organisation_line(organisation: Organisation, lang: str) -> str:
    """"Huisarts — medisch beroepsgeheim (BIG)" for lists and headers."""
    name = organisation.name.get(lang)
    secrecy = text(organisation.secrecy)
    suffix = (QCoreApplication.translate("DataRequestsPanel", " (zelf toegevoegd)")
              if organisation.custom else "")
    return f"{name} — {secrecy}{suffix}"


class LabelledText(QWidget):
    """A multi-line field with its label as buddy; Tab leaves the field (keyboard users)."""

    def __init__(self, label: str, accessible: str, *, height: int = 64) -> None:
        super().__init__()
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(accessible)
        self.edit.setFixedHeight(height)
        self.label.setBuddy(self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(3)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)
