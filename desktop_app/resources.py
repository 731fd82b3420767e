"""Where the shipped data files are: `forms/` (definitions a municipality may adapt) and
`resources/` (font, icons, translations), in a source checkout and in the frozen bundle.
An administrator can point WIJKTEAM_INTAKE_FORMS_DIR at the municipality's own forms."""

from __future__ import annotations

import os
import sys
from pathlib import Path

FORMS_ENV = "WIJKTEAM_INTAKE_FORMS_DIR"


def _base() -> Path:
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base)
    return Path(__file__).resolve().parent.parent


def forms_dir() -> Path:
    override = os.environ.get(FORMS_ENV)
    return Path(override) if override else _base() / "forms"


def resources_dir() -> Path:
    return _base() / "resources"
