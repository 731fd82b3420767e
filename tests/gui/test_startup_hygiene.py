"""Start-up and idle-memory hygiene that the benchmark depends on (DESIGN: start ≤ 1.3 × and
idle memory ≤ 1.5 × a bare window). Timings are never asserted here; these tests check the
mechanisms: what is (not) loaded and (not) kept."""

from __future__ import annotations

import linecache
import os
import subprocess
import sys
from pathlib import Path

import desktop_app.gui  # noqa: F401  (installs the source-cache fix)

ROOT = Path(__file__).resolve().parents[2]


def test_modules_imported_after_pyside_leave_no_source_in_memory(tmp_path: Path,
                                                                 monkeypatch) -> None:
    """PySide's import hook reads each new module's source; the lines must not stay cached,
    and PySide must still classify the module (it decides feature switching with it)."""
    (tmp_path / "wi_uses_qt.py").write_text("import PySide6.QtCore\nVALUE = 1\n",
                                            encoding="utf-8")
    (tmp_path / "wi_plain.py").write_text("VALUE = 2\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    # An import statement (PySide hooks builtins.__import__, not importlib.import_module).
    uses_qt = __import__("wi_uses_qt")
    plain = __import__("wi_plain")
    try:
        assert uses_qt.VALUE == 1 and plain.VALUE == 2
        assert str(tmp_path / "wi_uses_qt.py") not in linecache.cache
        assert str(tmp_path / "wi_plain.py") not in linecache.cache
        feature = sys.modules["shibokensupport.feature"]
        assert feature.pyside_feature_dict["wi_uses_qt"] == 0  # uses PySide: may switch
        assert feature.pyside_feature_dict["wi_plain"] == -1  # ignored
        # Source lines are still available on demand (tracebacks read them afresh).
        assert linecache.getline(str(tmp_path / "wi_plain.py"), 1) == "VALUE = 2\n"
    finally:
        for name in ("wi_uses_qt", "wi_plain"):
            sys.modules.pop(name, None)


def test_showing_the_unlock_window_loads_no_vault_crypto_pdf_or_main_window(
        profile, data_home: Path) -> None:
    """In a fresh process, as `wijkteam-intake` starts with a profile on the laptop: the window
    is up without keyring, SQLCipher, Argon2, reportlab, the main window or the D-Bus client."""
    profile.close()
    code = (
        "import sys\n"
        "sys.argv = ['wijkteam-intake']\n"
        "import desktop_app.cli\n"
        "from desktop_app.gui.app import start_gui\n"
        "app, c = start_gui(); app.processEvents()\n"
        "assert c.unlock_window.isVisible()\n"
        "assert c.unlock_window.pages.currentWidget() is c.unlock_window.unlock_page\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WIJKTEAM_INTAKE_HOME=str(data_home))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "desktop_app.gui.unlock_window" in loaded
    for heavy in ("keyring", "secretstorage", "cryptography", "sqlcipher3", "argon2",
                  "reportlab", "yaml", "desktop_app.gui.main_window", "desktop_app.demo_command",
                  "desktop_app.vault.keys", "desktop_app.domain.passphrase", "jeepney"):
        assert heavy not in loaded, f"{heavy} is loaded to show the unlock window"
