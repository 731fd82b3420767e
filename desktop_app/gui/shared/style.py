"""The look: Fusion with a calm municipal palette, readable sizes and a clearly visible focus
ring (keyboard users must always see where they are)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.resources import resources_dir

ACCENT = "#1d4f7c"
ACCENT_DARK = "#143a5c"
ERROR = "#a4262c"
OK = "#1e6b3a"
WARNING = "#8a5a00"

BASE_POINT_SIZE = 10.5
TITLE_FACTOR = 1.9
SECTION_TITLE_FACTOR = 1.33


def stylesheet(base_pt: float = BASE_POINT_SIZE) -> str:
    """The style sheet for an application font of `base_pt` points. Only the titles get a
    size, relative to the worker's own text size (a fixed size would undo a 200% system
    font)."""
    title_pt = round(base_pt * TITLE_FACTOR, 1)
    section_pt = round(base_pt * SECTION_TITLE_FACTOR, 1)
    # `combobox-popup: 0`: a drop-down list opens as a plain list drawn by the styled item
    # delegate. Fusion's menu-style popup ignores the item colours below and drew the current
    # row as an empty white bar (issue 16); this costs nothing at start-up, unlike giving
    # every combo a delegate from an application-wide event filter.
    # Arrows of spin boxes and drop-downs: once the style sheet styles their frame, Qt draws
    # no arrow of its own (and CSS border triangles do not work in Qt): small SVG images.
    # Button boxes without icons: some dialogs showed a green tick and a red cross on OK and
    # Cancel and others did not; one look everywhere.
    icons = (resources_dir() / "icons").as_posix()
    return f"""
QMainWindow, QDialog {{ background: #f6f7f9; }}
QLabel#title {{ font-size: {title_pt:g}pt; font-weight: 600; color: {ACCENT_DARK}; }}
QLabel#subtitle {{ color: #4a4f57; }}
QLabel#sectionTitle {{ font-size: {section_pt:g}pt; font-weight: 600; color: {ACCENT_DARK}; }}
QLabel#hint {{ color: #4a4f57; }}
QFrame#card {{ background: white; border: 1px solid #d5d9df; border-radius: 8px; }}
QLabel#error {{
    background: #fdecee; color: {ERROR}; border: 1px solid {ERROR};
    border-radius: 4px; padding: 8px;
}}
QFrame#lockWarning {{
    background: #fff4d6; border: 2px solid #b45309; border-radius: 6px;
}}
QLabel#lockWarningText {{ color: #3b2a06; font-weight: 600; background: transparent; }}
QLabel#notice {{
    background: #eef5fb; color: {ACCENT_DARK}; border: 1px solid #9cc0e0;
    border-radius: 4px; padding: 8px;
}}
QComboBox {{ combobox-popup: 0; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDateEdit {{
    background: white; border: 1px solid #9aa3ad; border-radius: 4px; padding: 5px;
}}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    subcontrol-origin: padding; width: 20px; border-left: 1px solid #c3c9d0; background: #f1f3f6;
}}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; border-top-right-radius: 4px; }}
QAbstractSpinBox::down-button {{
    subcontrol-position: bottom right; border-bottom-right-radius: 4px;
}}
QAbstractSpinBox::up-button:hover, QAbstractSpinBox::down-button:hover,
QComboBox::drop-down:hover, QDateEdit::drop-down:hover {{ background: #e2e7ed; }}
QAbstractSpinBox::up-arrow {{ image: url("{icons}/arrow-up.svg"); width: 10px; height: 6px; }}
QAbstractSpinBox::down-arrow, QComboBox::down-arrow, QDateEdit::down-arrow {{
    image: url("{icons}/arrow-down.svg"); width: 10px; height: 6px;
}}
QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::up-arrow:off {{
    image: url("{icons}/arrow-up-disabled.svg");
}}
QAbstractSpinBox::down-arrow:disabled, QAbstractSpinBox::down-arrow:off,
QComboBox::down-arrow:disabled {{ image: url("{icons}/arrow-down-disabled.svg"); }}
QComboBox::drop-down, QDateEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: top right; width: 22px;
    border-left: 1px solid #c3c9d0; background: #f1f3f6;
    border-top-right-radius: 4px; border-bottom-right-radius: 4px;
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDateEdit:focus {{
    border: 2px solid {ACCENT};
}}
QPushButton {{
    background: white; border: 1px solid #8c96a1; border-radius: 4px; padding: 6px 14px;
}}
QPushButton:hover {{ background: #eef2f6; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton#primary {{
    background: {ACCENT}; color: white; border: 1px solid {ACCENT_DARK}; font-weight: 600;
}}
QPushButton#primary:hover {{ background: {ACCENT_DARK}; }}
QPushButton#primary:focus {{ border: 3px solid #f0b400; }}
QPushButton#primary:disabled {{ background: #8da7bf; border-color: #8da7bf; }}
QPushButton#link {{
    background: transparent; border: none; color: {ACCENT}; text-decoration: underline;
    padding: 2px;
}}
QPushButton#link:focus {{ border: 2px solid {ACCENT}; }}
QProgressBar {{ border: 1px solid #9aa3ad; border-radius: 4px; background: white;
    text-align: center; height: 16px; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 3px; }}
QStatusBar {{ background: #e9ecf0; }}
QListView::item {{ border: 2px solid transparent; }}
QListView::item:focus, QTableView::item:focus {{ border: 2px solid {ACCENT}; }}
QListView::item:selected, QTableView::item:selected {{
    background: {ACCENT}; color: white;
}}
QTableView:focus, QListView:focus {{ border: 2px solid {ACCENT}; }}
QCheckBox, QRadioButton {{ border: 2px solid transparent; border-radius: 4px; padding: 2px; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {ACCENT}; }}
QTabBar::tab:focus {{ border: 2px solid {ACCENT}; }}
QTabBar:focus {{ border-bottom: 2px solid {ACCENT}; }}
QScrollArea:focus {{ border: 2px solid {ACCENT}; }}
"""


STYLESHEET = stylesheet()
_following_font = False


def apply_style(app: QApplication, *, fusion_already: bool = False) -> None:
    """Fusion, the palette and the style sheet. `fusion_already`: the application was made
    with `-style Fusion` (create_application), which is cheaper at start-up than setStyle()."""
    if not fusion_already:
        app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.Window, QColor("#f6f7f9"))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(stylesheet(app.font().pointSizeF()))
    global _following_font
    if not _following_font:
        # The worker (or the system) changes the text size: titles follow.
        _following_font = True
        app.fontChanged.connect(lambda new: app.setStyleSheet(stylesheet(new.pointSizeF())))
