"""Entry point of the bundle's `wijkteam-intake` executable (console: doctor, selftest, CLI).

On Linux `wijkteam-intake-gui` is a symbolic link to this executable (one copy of the module
archive instead of two, see the spec): started by that name, it is the windowed entry point.
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import PurePath

from desktop_app.cli import main, main_gui

if __name__ == "__main__":
    # Harmless when nothing uses multiprocessing; required on Windows if anything ever does.
    multiprocessing.freeze_support()
    windowed = PurePath(sys.argv[0]).name == "wijkteam-intake-gui"
    raise SystemExit(main_gui() if windowed else main())
