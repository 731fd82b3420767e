"""`wijkteam-intake`: the GUI by default; sub-commands for administrators, support and tests.
Every sub-command exits non-zero with a one-line reason on failure."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from desktop_app import __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wijkteam-intake",
        description="Wijkteam Intake: versleuteld notitieblok voor het keukentafelgesprek.",
    )
    parser.add_argument("--version", action="version", version=f"wijkteam-intake {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="map met de profielen (standaard de app-data-map; "
                             "of WIJKTEAM_INTAKE_HOME)")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("gui", help="start het programma (standaard)")
    sub.add_parser("doctor", help="controleer of deze computer klaar is voor gebruik")
    sub.add_parser("_qt-probe", help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.data_dir is not None:
        os.environ["WIJKTEAM_INTAKE_HOME"] = str(args.data_dir)
    command = args.command or "gui"
    try:
        if command == "gui":
            from desktop_app.gui.app import run_gui

            return run_gui()
        if command == "doctor":
            from desktop_app.doctor import run_doctor
            from desktop_app.vault.paths import data_root

            code, lines = run_doctor(data_root())
            print("\n".join(lines))
            return code
        if command == "_qt-probe":
            from desktop_app.doctor import qt_probe

            print(json.dumps(qt_probe()))
            return 0
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    print(f"Onbekende opdracht: {command}", file=sys.stderr)
    return 2


def main_gui() -> int:
    return main(["gui"])
