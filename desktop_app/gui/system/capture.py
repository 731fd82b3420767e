"""Keeping windows with resident data out of screenshots and screen sharing, where the OS
allows it. No Qt import at module level: `doctor` asks for the status without a display.

- Windows 10 2004+ (build 19041): SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE): the
  window is left out of captures. Older Windows 7+: WDA_MONITOR (the window shows black).
- macOS: reported as unavailable. NSWindow.sharingType = none would need Objective-C calls
  (pyobjc is not a dependency), and macOS 15 and later no longer honour it for ScreenCaptureKit
  captures, so claiming protection there would be false comfort.
- Linux (X11/Wayland): no API for this; reported as unavailable.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

WDA_NONE = 0x00
WDA_MONITOR = 0x01
WDA_EXCLUDEFROMCAPTURE = 0x11
_EXCLUDE_BUILD = 19041


@dataclass(frozen=True, slots=True)
class CaptureStatus:
    available: bool
    detail: str  # Dutch, one line


def _windows_build() -> int:
    getter = getattr(sys, "getwindowsversion", None)
    return int(getter().build) if getter else 0


def capture_protection_status(enabled: bool | None = None) -> CaptureStatus:
    """Whether this OS can keep windows out of screen captures. `enabled` is the setting
    (None when unknown, e.g. in `doctor` before unlocking)."""
    # translate() gives the Dutch source text when no translator is installed (doctor, CLI);
    # QtCore needs no display.
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    if sys.platform == "win32":
        build = _windows_build()
        if build >= _EXCLUDE_BUILD:
            how = translate("CaptureStatus", "vensters worden uitgesloten van schermopnamen")
        else:
            how = translate("CaptureStatus",
                            "vensters worden zwart in schermopnamen (oudere Windows)")
        if enabled is None:
            return CaptureStatus(True, translate(
                "CaptureStatus", "beschikbaar: {how}, tenzij uitgezet in Instellingen"
            ).format(how=how))
        if enabled:
            return CaptureStatus(True, translate("CaptureStatus", "actief: {how}").format(how=how))
        return CaptureStatus(True, translate("CaptureStatus", "uitgezet in Instellingen"))
    if sys.platform == "darwin":
        return CaptureStatus(False, translate(
            "CaptureStatus", "niet beschikbaar op macOS in deze versie (macOS 15 en nieuwer "
            "negeren de instelling van het venster)"))
    return CaptureStatus(False, translate("CaptureStatus", "niet beschikbaar op dit platform"))


def apply_capture_protection(window: QWidget, enabled: bool) -> bool:
    """Set or clear capture exclusion on a top-level window. Returns True when the OS
    accepted it; False when unavailable or refused (the caller may tell the worker)."""
    if sys.platform != "win32":
        return False
    import ctypes

    user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
    user32.SetWindowDisplayAffinity.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
    user32.SetWindowDisplayAffinity.restype = ctypes.c_int
    hwnd = ctypes.c_void_p(int(window.winId()))
    if not enabled:
        return bool(user32.SetWindowDisplayAffinity(hwnd, WDA_NONE))
    affinity = WDA_EXCLUDEFROMCAPTURE if _windows_build() >= _EXCLUDE_BUILD else WDA_MONITOR
    if user32.SetWindowDisplayAffinity(hwnd, affinity):
        return True
    # Some remote-desktop sessions refuse EXCLUDEFROMCAPTURE; black is better than visible.
    return affinity != WDA_MONITOR and bool(user32.SetWindowDisplayAffinity(hwnd, WDA_MONITOR))
