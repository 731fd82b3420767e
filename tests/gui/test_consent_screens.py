"""The consent screens on the two screens the program must fit (DESIGN.md "Real laptops"):
1366x768 at 100 % and 1920x1080 at 150 % (1280x720 logical pixels). Each runs in a process of
its own (the screen and the scale are fixed when Qt starts), with a virtual screen of that
size; tests/gui/consent_shots.py shows every dialog, checks that it lies inside the screen with
its buttons visible, and saves a screenshot. Look at them: artifacts/screenshots/consent-*.png
(or the folder in WI_SHOTS_DIR)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("WI_SHOTS_DIR", ROOT / "artifacts" / "screenshots"))
NAMES = ("samenstellen-14-jaar", "getekend-drie-ondertekenaars", "toestemming-na-tekenen",
         "ingetrokken", "getekend-leeftijd-16", "samenstellen-volwassene-vertegenwoordigd",
         "samenstellen-volwassene-vraag", "verzoek-echte-naam", "informeren-toetsing",
         "instellingen")


@pytest.mark.parametrize(("width", "height", "scale"), [(1366, 768, "1"), (1920, 1080, "1.5")])
def test_consent_dialogs_fit_the_screen(real_keyring: None, tmp_path: Path, width: int,
                                        height: int, scale: str) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": f"virtual-{width}", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    suffix = f"{width}x{height}-{scale.replace('.', '')}"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               QT_SCALE_FACTOR=scale, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "tests.gui.consent_shots",
                             str(SHOTS), f"consent-{suffix}"],
                            capture_output=True, text=True, timeout=240, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "NOT OK" not in result.stdout
    logical = (width / float(scale), height / float(scale))
    for name in NAMES:
        image = QImage(str(SHOTS / f"{name}-consent-{suffix}.png"))
        assert not image.isNull(), name
        # grab() gives device pixels: the logical size times the scale.
        assert image.width() <= logical[0] * float(scale) + 1, (name, image.width())
        assert image.height() <= logical[1] * float(scale) + 1, (name, image.height())
