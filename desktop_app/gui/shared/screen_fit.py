"""Windows that fit the screen they are on (DESIGN.md "Real laptops": 1366x768 at 100 %,
1920x1080 at 150 % = 1280x720 logical pixels), and the window layout the worker left.

- `fit_to_screen(window, width, height)`: a preferred size, clamped to the available screen
  (minus room for the title bar and frame the window manager adds), centred on the parent's
  window or screen. Every top-level window and dialog opens through it, so its button row is on
  the screen; long content scrolls inside the window.
- `bring_inside(window)`: a window whose saved place lies (partly) off the screens it has now
  (a laptop taken off a big monitor) is moved and shrunk back inside.
- `remember_splitter(splitter, name)`: splitter positions that survive a lock (the views are
  rebuilt after unlocking) and, through `layout_state()` / `load_layout_state()` and the
  settings service, a restart.

Only sizes and positions: nothing of a resident.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:  # the unlock window uses this module: no more Qt types at start-up
    from PySide6.QtGui import QScreen
    from PySide6.QtWidgets import QSplitter, QWidget

# What a window manager adds around a window: a title bar (about 30 px at 100 %) and thin
# borders. Not known before the window is first shown, so a safe estimate.
FRAME_WIDTH = 16
FRAME_HEIGHT = 48
# Splitter sizes kept for the running program (and saved per profile): name -> sizes; and the
# splitter on screen under each name, read when the layout is saved.
_SPLITTERS: dict[str, list[int]] = {}
_LIVE: dict[str, QSplitter] = {}


def screen_of(window: QWidget, parent: QWidget | None = None) -> QScreen | None:
    """The screen the window will appear on: its parent's, its own, or the primary one."""
    for widget in (parent, window.parentWidget(), window):
        if widget is not None and widget.window().isVisible():
            screen = widget.window().screen()
            if screen is not None:
                return screen
    return window.screen() or QGuiApplication.primaryScreen()


def room(window: QWidget, parent: QWidget | None = None) -> QRect:
    """The available geometry (without task bars) of the window's screen."""
    screen = screen_of(window, parent)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def fitted_size(window: QWidget, width: int, height: int,
                parent: QWidget | None = None) -> QSize:
    area = room(window, parent)
    return QSize(max(200, min(width, area.width() - FRAME_WIDTH)),
                 max(150, min(height, area.height() - FRAME_HEIGHT)))


def fit_to_screen(window: QWidget, width: int, height: int,
                  parent: QWidget | None = None) -> None:
    """Open `window` at `width` x `height` logical pixels, or smaller when the screen is smaller,
    centred over the parent window (or the screen). A minimum size larger than the screen is
    lowered to it: the content must then scroll, the buttons stay on the screen."""
    parent = parent or window.parentWidget()
    size = fitted_size(window, width, height, parent)
    if window.minimumWidth() > size.width() or window.minimumHeight() > size.height():
        window.setMinimumSize(min(window.minimumWidth(), size.width()),
                              min(window.minimumHeight(), size.height()))
    window.resize(size)
    centre(window, parent)


def centre(window: QWidget, parent: QWidget | None = None) -> None:
    """Centre the window over its parent's window, or the screen; never off the screen."""
    area = room(window, parent)
    anchor = parent.window() if parent is not None and parent.window().isVisible() else None
    middle = anchor.frameGeometry().center() if anchor is not None else area.center()
    outer = QSize(window.width() + FRAME_WIDTH, window.height() + FRAME_HEIGHT)
    x = middle.x() - outer.width() // 2
    y = middle.y() - outer.height() // 2
    x = max(area.left(), min(x, area.right() + 1 - outer.width()))
    y = max(area.top(), min(y, area.bottom() + 1 - outer.height()))
    window.move(x, y)


def _measured_frame(window: QWidget) -> QSize | None:
    """Frame and title bar around the window, once it is shown (None before that)."""
    frame, inner = window.frameGeometry(), window.geometry()
    extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return extra if window.isVisible() and (extra.width() or extra.height()) else None


def bring_inside(window: QWidget) -> None:
    """A window (not maximised) that is not inside one available screen is moved back inside
    the screen that holds most of it, and shrunk when it is larger. Before it is shown its
    frame is unknown: a window that fitted last time (its place and size inside a screen) is
    left as it is, so it does not shrink a little at every start."""
    if window.isMaximized() or window.isFullScreen():
        return
    measured = _measured_frame(window)
    frame = QRect(window.pos(), window.size() + (measured or QSize(0, 0)))
    screens = QGuiApplication.screens()
    if any(s.availableGeometry().contains(frame) for s in screens):
        return
    extra = measured or QSize(FRAME_WIDTH, FRAME_HEIGHT)
    best = max(screens, key=lambda s: _overlap(s.availableGeometry(), frame), default=None)
    if best is None:
        return
    area = best.availableGeometry()
    width = min(window.width(), area.width() - extra.width())
    height = min(window.height(), area.height() - extra.height())
    window.resize(width, height)
    x = max(area.left(), min(frame.x(), area.right() + 1 - width - extra.width()))
    y = max(area.top(), min(frame.y(), area.bottom() + 1 - height - extra.height()))
    window.move(x, y)


def _overlap(area: QRect, frame: QRect) -> int:
    common = area.intersected(frame)
    return common.width() * common.height() if common.isValid() else 0


# -- splitters ------------------------------------------------------------------------------
def remember_splitter(splitter: QSplitter, name: str, default: list[int] | None = None) -> None:
    """Give the splitter the sizes the worker left under `name` (else `default`, else its
    stretch factors decide), and keep every move the worker makes."""
    sizes = _SPLITTERS.get(name)
    if sizes and len(sizes) == splitter.count():
        splitter.setSizes(sizes)
    elif default is not None:
        splitter.setSizes(default)
    _LIVE[name] = splitter
    splitter.splitterMoved.connect(lambda _pos, _index: _keep(splitter, name))


def _keep(splitter: QSplitter, name: str) -> None:
    sizes = splitter.sizes()
    if sizes and any(sizes):
        _SPLITTERS[name] = list(sizes)


def layout_state() -> dict[str, list[int]]:
    """The splitter sizes the worker left (for saving with the profile): those on screen now,
    and the last ones of splitters closed since."""
    import shiboken6

    for name, splitter in list(_LIVE.items()):
        if not shiboken6.isValid(splitter):
            del _LIVE[name]
        elif splitter.isVisible():
            _keep(splitter, name)
    return {name: list(sizes) for name, sizes in _SPLITTERS.items()}


def load_layout_state(splitters: dict[str, list[int]]) -> None:
    """The saved sizes of a profile (after unlocking): replace what another profile left."""
    _SPLITTERS.clear()
    _LIVE.clear()
    for name, sizes in splitters.items():
        if isinstance(name, str) and isinstance(sizes, list) and all(
                isinstance(n, int) and n >= 0 for n in sizes):
            _SPLITTERS[name] = list(sizes)
