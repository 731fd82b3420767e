"""Entry point of the bundle's windowed executable (no console window on Windows/macOS)."""

from __future__ import annotations

import multiprocessing

from desktop_app.cli import main_gui

if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main_gui())
