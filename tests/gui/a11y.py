"""Accessibility checks shared by tests/gui/test_accessibility*.py: accessible names through
Qt's accessibility API, label buddies, the Tab focus chain (reach, order, traps), visible
focus, and text clipping at a large font. Each check returns readable violations (the widget's
class#objectName and its parent chain) so a failing test says exactly what to fix."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QScrollBar,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

INPUT_TYPES = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QCheckBox, QRadioButton,
               QSpinBox, QDateEdit, QAbstractItemView)
BUTTON_TYPES = (QPushButton, QToolButton)
CONTROL_TYPES = INPUT_TYPES + BUTTON_TYPES
# Widgets that are internal parts of another control (a spin box's line edit, a combo's
# popup list, a line edit's clear button, a tab bar's scroll arrows, a table's cell editor).
_COMPOSITES = (QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView, QTabBar, QScrollBar)


def describe(widget: QWidget) -> str:
    """Class#objectName['text'] › parent › … up to the window."""
    parts = []
    w: QWidget | None = widget
    while w is not None:
        name = w.objectName()
        part = type(w).__name__ + (f"#{name}" if name else "")
        if w is widget:
            text = visible_text(w)
            if text:
                part += f"[{text[:40]!r}]"
        parts.append(part)
        if w.isWindow():
            break
        w = w.parentWidget()
    return " › ".join(parts)


def visible_text(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton | QLabel):
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return ""


def accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None, describe(widget)
    return (iface.text(QAccessible.Text.Name) or "").strip()


def is_part_of_composite(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, _COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isVisible()


def controls(window: QWidget, *, include_hidden_pages: bool = False) -> list[QWidget]:
    """The input widgets and buttons a person sees on this window."""
    found = []
    for w in window.findChildren(QWidget):
        if not isinstance(w, CONTROL_TYPES) or is_part_of_composite(w, window):
            continue
        if include_hidden_pages:
            if w.isHidden():
                continue
        elif not shown(w, window):
            continue
        found.append(w)
    return found


def buddies(window: QWidget) -> dict[int, QLabel]:
    result = {}
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None:
            result[id(buddy)] = label
    return result


def name_violations(window: QWidget, widgets: list[QWidget] | None = None) -> list[str]:
    """Every control has a non-empty accessible name; inputs (not buttons) also have a label
    buddy, or (check box, radio button) their own text."""
    problems = []
    labelled = buddies(window)
    for w in widgets if widgets is not None else controls(window):
        if not accessible_name(w):
            problems.append(f"no accessible name: {describe(w)}")
        if isinstance(w, BUTTON_TYPES):
            continue
        if isinstance(w, QCheckBox | QRadioButton) and visible_text(w).strip():
            continue
        if isinstance(w, QTextEdit | QPlainTextEdit) and w.isReadOnly():
            continue  # text to read (guidance), not an input: its name is enough
        if id(w) not in labelled:
            problems.append(f"no label with setBuddy: {describe(w)}")
    return problems


# -- keyboard -------------------------------------------------------------------------------
def tab_focusable(w: QWidget) -> bool:
    return bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus) and w.isEnabled()


def focus_owner(widget: QWidget | None, window: QWidget) -> QWidget | None:
    """The control that owns the focused widget (a spin box, not its inner line edit; a
    table, not its cell editor). None when focus is outside `window`."""
    if widget is None or not (widget is window or window.isAncestorOf(widget)):
        return None
    owner = widget
    p = widget.parentWidget()
    while p is not None and p is not window:
        if isinstance(p, _COMPOSITES) and not isinstance(p, QScrollBar):
            owner = p
        p = p.parentWidget()
    return owner


@dataclass
class TabWalk:
    chain: list[QWidget]          # distinct widgets in the order Tab reached them
    steps: list[QWidget | None]   # what had focus after every press
    trapped: list[str]            # where Tab did not move on
    cycled: bool                  # Tab came back to where it started
    focus_images: dict[int, tuple[QImage, QImage]]  # id → (focused, unfocused) border grab


def _ring_grab(window: QWidget, widget: QWidget) -> QImage:
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()).adjusted(-4, -4, 4, 4)
    return window.grab(rect).toImage()


def tab_walk(qtbot, window: QWidget, max_presses: int = 250) -> TabWalk:
    """Press Tab on whatever has focus until focus comes back to the first widget."""
    start = focus_owner(QApplication.focusWidget(), window)
    assert start is not None, "nothing has focus on " + describe(window)
    chain: list[QWidget] = [start]
    steps: list[QWidget | None] = [start]
    trapped: list[str] = []
    images: dict[int, tuple[QImage, QImage]] = {}
    focused_grab = {id(start): _ring_grab(window, start)}
    cycled = False
    same = 0
    for _ in range(max_presses):
        before = focus_owner(QApplication.focusWidget(), window)
        target = QApplication.focusWidget() or window
        qtbot.keyClick(target, Qt.Key.Key_Tab)
        QApplication.processEvents()
        now = focus_owner(QApplication.focusWidget(), window)
        steps.append(now)
        if before is not None and now is not before and id(before) in focused_grab:
            images[id(before)] = (focused_grab[id(before)], _ring_grab(window, before))
        if now is None:
            trapped.append(f"focus left the window after {describe(before) if before else '?'}")
            break
        if now is before:
            same += 1
            if same >= 3:
                hint = (" (Tab walks its cells: setTabKeyNavigation(False))"
                        if isinstance(now, QAbstractItemView) and now.tabKeyNavigation()
                        else " (Tab is typed into it: setTabChangesFocus(True))"
                        if isinstance(now, QPlainTextEdit | QTextEdit) else "")
                trapped.append(f"Tab stays in {describe(now)}{hint}")
                escape = _next_focusable(now, window)
                if escape is None:
                    break
                escape.setFocus(Qt.FocusReason.TabFocusReason)
                QApplication.processEvents()
                now = focus_owner(QApplication.focusWidget(), window)
                same = 0
                if now is None or now is start:
                    cycled = now is start
                    break
                if now not in chain:
                    chain.append(now)
                    focused_grab[id(now)] = _ring_grab(window, now)
            continue
        same = 0
        if now is start:
            cycled = True
            break
        if now not in chain:
            chain.append(now)
            focused_grab[id(now)] = _ring_grab(window, now)
    return TabWalk(chain, steps, trapped, cycled, images)


def _next_focusable(widget: QWidget, window: QWidget) -> QWidget | None:
    """Where Tab should have gone: the next widget in the focus chain that takes Tab focus and
    is not part of `widget` (used to go on walking after a trap)."""
    w = widget.nextInFocusChain()
    while w is not None and w is not widget:
        if (tab_focusable(w) and shown(w, window) and not widget.isAncestorOf(w)
                and window.isAncestorOf(w)):
            return w
        w = w.nextInFocusChain()
    return None


def window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def order_violations(walk: TabWalk, window: QWidget, tolerance: int = 8) -> list[str]:
    """Consecutive Tab stops go down, or right within a row; going back up inside the same
    column, or leftwards inside the same row, is out of visual order. (A new column to the
    right may start higher: reading order of side-by-side panes.)"""
    problems = []
    # The walk starts where the screen puts focus (often a table in the middle); the cycle is
    # read from the top-left-most stop, so the one wrap-around step is not counted.
    def scroll_areas(w: QWidget) -> list[QAbstractScrollArea]:
        found = []
        parent = w.parentWidget()
        while parent is not None and parent is not window:
            if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(w):
                found.append(parent)
            parent = parent.parentWidget()
        return found

    def where(w: QWidget, unscrolled: bool = False) -> QRect:
        # Two stops on the same scrolling page are compared where they sit on the page when
        # nothing is scrolled: the page scrolls to each focused field, which moves the fields
        # reached earlier, so their place at the end of the walk says nothing about the order.
        rect = window_rect(w, window)
        if unscrolled:
            for area in scroll_areas(w):
                rect.translate(area.horizontalScrollBar().value(),
                               area.verticalScrollBar().value())
        return rect

    rects = [window_rect(w, window) for w in walk.chain]
    first = min(range(len(rects)), key=lambda i: (rects[i].top() // (2 * tolerance),
                                                  rects[i].left()))
    chain = walk.chain[first:] + walk.chain[:first]
    for a, b in itertools.pairwise(chain):
        if isinstance(a, QAbstractScrollArea) and a.isAncestorOf(b):
            continue  # from a scrolling page into its first field: the page holds it
        same_page = bool(scroll_areas(a)) and scroll_areas(a) == scroll_areas(b)
        ra, rb = where(a, same_page), where(b, same_page)
        same_column = rb.left() < ra.right() - tolerance and ra.left() < rb.right() - tolerance
        same_row = rb.top() < ra.bottom() - tolerance and ra.top() < rb.bottom() - tolerance
        if same_column and rb.bottom() < ra.top() + tolerance and not same_row:
            problems.append(f"Tab goes up from {describe(a)} @({ra.x()},{ra.y()}) to "
                            f"{describe(b)} @({rb.x()},{rb.y()})")
        elif same_row and rb.right() < ra.left() + tolerance and rb.left() < ra.left():
            problems.append(f"Tab goes left from {describe(a)} @({ra.x()},{ra.y()}) to "
                            f"{describe(b)} @({rb.x()},{rb.y()})")
    return problems


def mnemonic_of(text: str) -> str | None:
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def has_keyboard_trigger(button: QAbstractButton) -> bool:
    return bool(mnemonic_of(button.text())) or not button.shortcut().isEmpty()


def unreached(walk: TabWalk, window: QWidget) -> list[str]:
    """Enabled controls on the screen that Tab never reached and have no mnemonic/shortcut
    (buttons) — a keyboard user cannot get there."""
    reached = {id(w) for w in walk.chain}
    problems = []
    for w in controls(window):
        if not w.isEnabled() or id(w) in reached:
            continue
        if isinstance(w, QRadioButton):
            # Radio groups take one Tab stop; arrows move inside. Reached when a sibling was.
            group = [s for s in w.parentWidget().findChildren(QRadioButton)
                     if s.autoExclusive()]
            if any(id(s) in reached for s in group):
                continue
        if isinstance(w, QAbstractButton) and has_keyboard_trigger(w):
            continue
        why = "not in the Tab chain" if tab_focusable(w) else "takes no keyboard focus"
        problems.append(f"{why}: {describe(w)}")
    return problems


def duplicate_mnemonics(window: QWidget) -> list[str]:
    """Two visible, enabled Alt+letter targets with the same letter on one screen."""
    seen: dict[str, QWidget] = {}
    problems = []
    # The menu bar's Alt+letters count on every screen of the main window (issue 16: Alt+B
    # opened *Bestand* and pressed *Bekijken*).
    main = window if isinstance(window, QMainWindow) else window.window()
    if isinstance(main, QMainWindow) and main.menuWidget() is not None:
        for action in main.menuBar().actions():
            letter = mnemonic_of(action.text())
            if letter is not None and action.isVisible():
                seen.setdefault(letter, main.menuBar())
    for w in window.findChildren(QWidget):
        if not shown(w, window) or not w.isEnabled():
            continue
        labels_visible_buddy = (isinstance(w, QLabel) and w.buddy() is not None
                                and w.buddy().isVisible())
        if not (isinstance(w, QAbstractButton) or labels_visible_buddy):
            continue
        letter = mnemonic_of(w.text())
        if letter is None:
            continue
        if letter in seen:
            problems.append(f"Alt+{letter} used twice: {describe(seen[letter])} and "
                            f"{describe(w)}")
        else:
            seen[letter] = w
    return problems


# -- visible focus --------------------------------------------------------------------------
_FOCUS_RULE = re.compile(r"([A-Za-z]+)(?:#[\w-]+)?(?:::[\w-]+)?:focus")


def classes_with_focus_rule(stylesheet: str) -> set[str]:
    return {m.group(1) for m in _FOCUS_RULE.finditer(stylesheet)}


def _pil(image: QImage):
    from PIL import Image

    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(image.constBits())[: image.bytesPerLine() * image.height()]
    return Image.frombuffer("RGB", (image.width(), image.height()), data, "raw", "BGRX",
                            image.bytesPerLine(), 1)


def border_changes(focused: QImage, unfocused: QImage, band: int = 6) -> int:
    """Pixels that differ in the band around the widget's border (not its inside, where a
    blinking text cursor would count); band larger than the image compares all of it."""
    from PIL import ImageChops, ImageDraw

    if focused.size() != unfocused.size():
        return 10_000
    diff = ImageChops.difference(_pil(focused), _pil(unfocused)).convert("L")
    diff = diff.point(lambda v: 255 if v > 8 else 0)
    w, h = diff.size
    if 2 * band < w and 2 * band < h:
        ImageDraw.Draw(diff).rectangle((band, band, w - band - 1, h - band - 1), fill=0)
    return diff.histogram()[255]


def invisible_focus(walk: TabWalk, stylesheet: str, min_pixels: int = 12) -> list[str]:
    """A widget shows focus when the style sheet has a :focus rule for its class (or a base
    class), or when its border visibly changes when it gets focus."""
    ruled = classes_with_focus_rule(stylesheet)
    problems = []
    for w in walk.chain:
        classes = {cls.__name__ for cls in type(w).__mro__}
        if classes & ruled:
            continue
        images = walk.focus_images.get(id(w))
        texty = isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox
                           | QComboBox)
        changed = border_changes(*images, band=6 if texty else 10_000) if images else 0
        if changed < min_pixels:
            problems.append(f"no visible focus ({changed} border pixels change, no :focus rule "
                            f"for {type(w).__name__}): {describe(w)}")
    return problems


# -- clipping at large fonts ----------------------------------------------------------------
def _rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.RichText:
        return True
    return fmt == Qt.TextFormat.AutoText and bool(re.search(r"<[a-zA-Z/][^>]*>", label.text()))


def clipped_texts(window: QWidget) -> list[str]:
    problems = []
    for w in window.findChildren(QWidget):
        if not shown(w, window) or is_part_of_composite(w, window):
            continue
        if isinstance(w, QLabel):
            text = w.text()
            if not text or _rich(w):
                continue
            metrics = w.fontMetrics()
            room = w.contentsRect().width() - 2 * w.margin()
            if w.wordWrap():
                need = w.heightForWidth(w.width())
                if need > w.height() + 2:
                    problems.append(f"wrapped text cut off ({w.height()} < {need} px high): "
                                    f"{describe(w)}")
                continue
            lines = visible_text(w).split("\n")
            need = max(metrics.horizontalAdvance(line) for line in lines)
            if need > room + 1:
                problems.append(f"text cut off ({room} < {need} px wide): {describe(w)}")
            if metrics.height() * len(lines) > w.contentsRect().height() + 2:
                problems.append(f"text cut off ({w.contentsRect().height()} px high for "
                                f"{len(lines)} line(s)): {describe(w)}")
        elif isinstance(w, QPushButton | QCheckBox | QRadioButton):
            text = visible_text(w)
            if not text:
                continue
            need = w.fontMetrics().horizontalAdvance(text)
            extra = w.iconSize().width() + 8 if not w.icon().isNull() else 0
            if isinstance(w, QCheckBox | QRadioButton):
                extra += 16  # the indicator
            if need + extra > w.width():
                problems.append(f"button text cut off ({w.width()} < {need + extra} px): "
                                f"{describe(w)}")
    return problems


def clipped_cells(window: QWidget, max_rows: int = 30) -> list[str]:
    """Table cells whose text does not fit their column (shown as 'Fi…')."""
    from PySide6.QtWidgets import QTableView

    problems = []
    for view in window.findChildren(QTableView):
        if not shown(view, window):
            continue
        model = view.model()
        metrics = view.fontMetrics()
        header = view.horizontalHeader()
        if model.rowCount() and view.viewport().height() < min(view.rowHeight(0),
                                                               3 * metrics.height()):
            problems.append(f"table shows less than one row ({view.viewport().height()} px "
                            f"high, a row is {view.rowHeight(0)} px): {describe(view)}")
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            width = view.columnWidth(column)
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            if (header.isVisible() and title
                    and header.fontMetrics().horizontalAdvance(title) + 12 > width):
                problems.append(f"column title {title!r} cut off ({width} px wide): "
                                f"{describe(view)}")
            for row in range(min(model.rowCount(), max_rows)):
                text = str(model.data(model.index(row, column)) or "")
                if text and view.wordWrap():
                    need_h = metrics.boundingRect(QRect(0, 0, max(width - 8, 1), 100_000),
                                                  int(Qt.TextFlag.TextWordWrap), text).height()
                    if need_h > view.rowHeight(row) + 2:
                        problems.append(f"wrapped cell text cut off (row {row} is "
                                        f"{view.rowHeight(row)} < {need_h} px high, column "
                                        f"{column}): {describe(view)}")
                        break
                    continue
                need = max((metrics.horizontalAdvance(line) for line in text.split("\n")),
                           default=0) + 8
                if text and need > width:
                    problems.append(f"cell text cut off (column {column} is {width} < {need} "
                                    f"px): {describe(view)}")
                    break
    return problems


def unreachable_by_scrolling(window: QWidget) -> list[str]:
    """Content wider/taller than its scroll area must have a scroll bar to reach it; content
    outside the window without a scroll area is lost."""
    problems = []
    win = window.rect()
    for area in window.findChildren(QAbstractScrollArea):
        if not shown(area, window) or isinstance(area, QAbstractItemView | QTextEdit
                                                   | QPlainTextEdit):
            continue
        if isinstance(area, QScrollArea) and area.widget() is not None:
            content = area.widget()
            need = content.minimumSizeHint()
            view = area.viewport().size()
            for size_px, room_px, bar, axis in (
                    (content.width(), view.width(), area.horizontalScrollBar(), "horizontal"),
                    (content.height(), view.height(), area.verticalScrollBar(), "vertical")):
                if size_px > room_px + 2 and not bar.isVisible():
                    problems.append(f"{axis}: content is {size_px}px in {room_px}px with no "
                                    f"scroll bar shown; the rest cannot be reached: "
                                    f"{describe(area)}")
            for need_px, have_px, bar, axis in (
                    (need.height(), view.height(), area.verticalScrollBar(), "vertical"),
                    (need.width(), view.width(), area.horizontalScrollBar(), "horizontal")):
                if need_px > have_px + 2 and bar.maximum() < need_px - have_px - 2:
                    problems.append(f"{axis} content ({need_px}px) in {have_px}px cannot be "
                                    f"scrolled to: {describe(area)}")
    for w in controls(window) + [x for x in window.findChildren(QLabel) if shown(x, window)]:
        rect = window_rect(w, window)
        inside_scroll = False
        p = w.parentWidget()
        while p is not None and p is not window:
            if isinstance(p, QAbstractScrollArea):
                inside_scroll = True
                break
            p = p.parentWidget()
        if not inside_scroll and not win.contains(rect.topLeft()):
            problems.append(f"outside the window without a scroll area: {describe(w)}")
        if not inside_scroll and rect.height() < 4 and rect.width() > 0:
            problems.append(f"squeezed to {rect.height()}px high: {describe(w)}")
    return problems
