"""Entry point of the bundle's `wijkteam-intake` executable (console: doctor, selftest, CLI)."""

from __future__ import annotations

import multiprocessing

from desktop_app.cli import main

if __name__ == "__main__":
    # Harmless when nothing uses multiprocessing; required on Windows if anything ever does.
    multiprocessing.freeze_support()
    raise SystemExit(main())
