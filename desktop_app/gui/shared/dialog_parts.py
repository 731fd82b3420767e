"""Parts every small dialog is made of: a form whose labels are buddies of their inputs (so
Alt+letter and screen readers find them), an error line, and OK/Cancel buttons with Dutch
texts. The callers translate the texts in their own context."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

_TEXT_SELECTABLE_BY_MOUSE = 1  # Qt.TextInteractionFlag.TextSelectableByMouse
_NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus


def wrapped_label(text: str = "", name: str = "") -> QLabel:
    """A label whose text wraps to the width it gets (a long text, a large font, English),
    with its style name ("hint", "notice", "error", "sectionTitle", …)."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    return label


def error_label() -> QLabel:
    """A hidden error line (style "error"); selectable, so a worker can copy it for support."""
    label = wrapped_label(name="error")
    # By value through the property system: these parts are on the way to the unlock window,
    # which is built without PySide's `Qt` namespace (unlock_window.py says why).
    label.setProperty("textInteractionFlags", _TEXT_SELECTABLE_BY_MOUSE)
    label.hide()
    return label


def buddy_form(rows: Sequence[tuple[str, QWidget]]) -> QFormLayout:
    """A form of (label text with &-mnemonic, input) rows; each label is its input's buddy."""
    form = QFormLayout()
    for text, widget in rows:
        label = QLabel(text)
        label.setBuddy(widget)
        form.addRow(label, widget)
    return form


def ok_cancel(ok_text: str, cancel_text: str, on_ok: Callable[[], object],
              on_cancel: Callable[[], object], *, primary: bool = False) -> QDialogButtonBox:
    """`primary`: the OK button gets the accent style (the one action the dialog is for)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    if primary:
        ok.setObjectName("primary")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(on_cancel)
    return buttons


def scrolling_page(owner: QWidget, body: QWidget) -> QScrollArea:
    """`body` in a frameless scroll area that fills `owner`: at a large font or on a low
    screen the whole tab stays reachable instead of squeezing its texts. The area itself is
    no stop for Tab (its contents are)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setProperty("focusPolicy", _NO_FOCUS)
    area.setWidget(body)
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    return area
