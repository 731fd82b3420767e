"""The rough edges of issue 16 a worker hit, each checked on a real screen: how drop-down
lists, spin boxes, long questions, table headers and dialogs are drawn, keyboard traps, and
the words on screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QStyledItemDelegate, QWidget

from desktop_app.gui.shared.style import ACCENT, apply_style
from desktop_app.services.session import Session
from tests.gui.a11y_screens import Ctx, build


@pytest.fixture
def ctx(qtbot, profile, data_home: Path, clock, tmp_path: Path) -> Iterator[Ctx]:
    apply_style(QApplication.instance())
    session = Session(profile)
    yield Ctx(qtbot, session, data_home, clock, tmp_path)
    if session.is_open:
        session.lock()


def _dark_pixels(widget: QWidget, threshold: int = 140) -> int:
    image = widget.grab().toImage()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixelColor(x, y).lightness() < threshold)


# -- drop-down lists ------------------------------------------------------------------------
def test_the_current_item_of_a_drop_down_list_is_drawn(ctx: Ctx) -> None:
    """Fusion's menu-style popup delegate ignored the style sheet's item colours: the current
    row was an empty white bar. Every combo of the intake form now draws its rows with the
    styled delegate, the current row in the accent colour with its text readable."""
    window = build("gesprek", ctx)
    combos = [c for c in window.findChildren(QComboBox)]
    assert combos, "the form has drop-down lists"
    for combo in combos:
        assert isinstance(combo.itemDelegate(), QStyledItemDelegate), combo.objectName()
    combo = next(c for c in combos if c.count() > 2)
    combo.setCurrentIndex(1)
    combo.showPopup()
    view = combo.view()
    ctx.qtbot.waitUntil(view.isVisible, timeout=2000)
    rect = view.visualRect(view.currentIndex())
    row = view.viewport().grab(rect).toImage()
    colours = {row.pixelColor(x, y).name() for y in range(row.height())
               for x in range(row.width())}
    assert ACCENT.lower() in colours, "the current row is not highlighted"
    light_text = sum(1 for y in range(row.height()) for x in range(row.width())
                     if row.pixelColor(x, y).lightness() > 200)
    assert 0 < light_text < row.width() * row.height() / 2, "no text on the current row"
    combo.hidePopup()
