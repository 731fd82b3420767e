"""Layouts hold at 200% font scale (issue 8, item 3): with the application font at twice its
point size, each main screen at 1280×800 shows every label and button text whole, and scroll
areas make all content reachable. Screenshots: artifacts/screenshots/a11y-200-*.png."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from desktop_app.gui.shared import style
from tests.gui import a11y
from tests.gui.a11y_screens import ALL_SCREENS, SIZE, Ctx, build, screen_context

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def _scaled(sheet: str, factor: float) -> str:
    return re.sub(r"(\d+(?:\.\d+)?)pt", lambda m: f"{float(m.group(1)) * factor:g}pt", sheet)


@pytest.fixture
def font_200(qapp) -> Iterator[float]:
    """The worker's system asks for text at 200%: the application font doubles. The product's
    style sheet fixes point sizes, so the test scales those too (what the fix in style.py
    must do itself; see test_style_follows_the_application_font)."""
    style.apply_style(qapp)
    old_font, old_sheet = QFont(qapp.font()), qapp.styleSheet()
    big = QFont(old_font)
    big.setPointSizeF(old_font.pointSizeF() * 2)
    qapp.setFont(big)
    qapp.setStyleSheet(_scaled(style.STYLESHEET, 2.0))
    yield big.pointSizeF()
    qapp.setFont(old_font)
    qapp.setStyleSheet(old_sheet)


@pytest.fixture
def ctx(qtbot, profile, data_home: Path, clock, tmp_path: Path, font_200) -> Iterator[Ctx]:
    # Not the shared one: its style would undo the doubled sizes font_200 set.
    with screen_context(qtbot, profile, data_home, clock, tmp_path, style=False) as made:
        yield made


def test_style_follows_the_application_font(qtbot, qapp) -> None:
    """apply_style after the font doubled: a label's text is twice as large (the style sheet
    must not pin 10.5pt over the worker's own text size)."""
    old = QFont(qapp.font())
    try:
        style.apply_style(qapp)
        normal = QLabel("Naam van de inwoner")
        qtbot.addWidget(normal)
        normal.ensurePolished()
        base = normal.font().pointSizeF()
        big = QFont(qapp.font())
        big.setPointSizeF(qapp.font().pointSizeF() * 2)
        qapp.setFont(big)
        style.apply_style(qapp)
        large = QLabel("Naam van de inwoner")
        button = QPushButton("&Opslaan")
        qtbot.addWidget(large)
        qtbot.addWidget(button)
        large.ensurePolished()
        button.ensurePolished()
        assert large.font().pointSizeF() >= 1.9 * base, (base, large.font().pointSizeF())
        assert button.font().pointSizeF() >= 1.9 * base
    finally:
        qapp.setFont(old)
        style.apply_style(qapp)


@pytest.mark.parametrize("name", ALL_SCREENS)
def test_layout_holds_at_200_percent(ctx: Ctx, name: str, font_200: float) -> None:
    window = build(name, ctx)
    if name not in ("ontgrendelen", "profiel_aanmaken") and not window.isModal():
        window.resize(*SIZE)
    QApplication.processEvents()
    label = next(w for w in window.findChildren(QLabel) if a11y.shown(w, window) and w.text())
    assert label.font().pointSizeF() >= font_200 * 0.9, "the large font did not apply"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / f"a11y-200-{name}.png"))
    problems = a11y.clipped_texts(window) + a11y.clipped_cells(window)
    problems += a11y.unreachable_by_scrolling(window)
    # At 1280×800 nothing may need a bigger window: a larger minimum size puts content off
    # the screen of a 1280×800 laptop.
    limit = SIZE if name not in ("ontgrendelen", "profiel_aanmaken") else (1280, 800)
    if window.width() > limit[0] or window.height() > limit[1]:
        problems.append(f"window grew to {window.width()}×{window.height()} (minimum size "
                        f"{window.minimumSizeHint().width()}×{window.minimumSizeHint().height()})"
                        f", larger than {limit[0]}×{limit[1]}")
    assert not problems, f"{name} at 200%: {len(problems)} problem(s)\n" + "\n".join(problems)
