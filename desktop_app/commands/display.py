"""Whether Qt can show a window here: checked before the GUI is imported, by `cli` and `demo`."""

from __future__ import annotations

import os
import sys


def display_problem() -> str | None:
    """On Linux Qt aborts without a display; say so in plain words instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("Geen beeldscherm gevonden. Start het programma op een computer met een bureaublad "
            "(of zet QT_QPA_PLATFORM=offscreen om zonder scherm te testen).")
