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
from tests.conftest import PASSPHRASE

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
        "from desktop_app.gui.shell.app import start_gui\n"
        "app, c = start_gui(); app.processEvents()\n"
        "assert c.unlock_window.isVisible()\n"
        "assert c.unlock_window.pages.currentWidget() is c.unlock_window.unlock_page\n"
        "import PySide6.QtCore\n"
        "print('Qt-namespace' if 'Qt' in PySide6.QtCore.__dict__ else '')\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WIJKTEAM_INTAKE_HOME=str(data_home))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "desktop_app.gui.unlock.unlock_window" in loaded
    for heavy in ("keyring", "secretstorage", "cryptography", "sqlcipher3", "argon2",
                  "reportlab", "yaml", "desktop_app.gui.shell.main_window",
                  "desktop_app.commands.demo",
                  "desktop_app.vault.keys", "desktop_app.domain.passphrase", "jeepney",
                  "desktop_app.vault.header", "dataclasses", "platformdirs"):
        assert heavy not in loaded, f"{heavy} is loaded to show the unlock window"
    # PySide creates the `Qt` namespace's 94 enum classes on first touch (≈14 ms, a tenth of
    # the start-up): nothing on the way to the unlock window may touch it.
    assert "Qt-namespace" not in loaded, "the Qt namespace is created to show the unlock window"


def test_unlocked_program_holds_no_keyring_client(profile, data_home: Path) -> None:
    """In a fresh process: the unlock window pre-starts the keyring helper; after unlocking
    (main window with the caseload shown) the helper is gone and the program never loaded
    keyring, secretstorage or cryptography, nor OpenSSL for hashing (idle memory)."""
    profile.close()
    code = (
        "import sys, time\n"
        "from desktop_app.gui.shell.app import AppController, create_application\n"
        "from desktop_app.services.session import ProfileService\n"
        "from desktop_app.vault import secrets as device_secrets\n"
        "app = create_application([])\n"
        "service = ProfileService()\n"
        "c = AppController(service, monitor_delay_ms=0); c.start()\n"
        "for _ in range(5): app.processEvents(); time.sleep(0.02)\n"
        "assert device_secrets.helper_running(), 'not pre-started'\n"
        "c.unlock_window.passphrase_edit.setText(sys.argv[1])\n"
        "c.unlock_window.unlock_button.click()\n"
        "for _ in range(50):\n"
        "    app.processEvents(); time.sleep(0.02)\n"
        "    if c.main_window is not None and c.main_window.isVisible(): break\n"
        "assert c.main_window is not None and c.main_window.isVisible(), 'not unlocked'\n"
        "assert not device_secrets.helper_running(), 'helper still running'\n"
        "maps = open('/proc/self/maps').read()\n"
        "print('libcrypto' if 'libcrypto' in maps else '', ' '.join(sorted(sys.modules)))\n"
        "c.dispose()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WIJKTEAM_INTAKE_HOME=str(data_home))
    done = subprocess.run([sys.executable, "-c", code, PASSPHRASE], env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = set(done.stdout.split())
    assert "desktop_app.gui.shell.main_window" in loaded and "desktop_app.vault.secrets" in loaded
    # PyYAML and the protocols come with the first intake opened, not with the caseload
    # (settings.py once imported the organisation code at the top: +2 MB idle, issue 18).
    for heavy in ("keyring", "secretstorage", "cryptography", "ssl", "libcrypto",
                  "desktop_app.gui.intake.intake_view", "desktop_app.gui.side.settings_view",
                  "yaml", "desktop_app.domain.protocols", "reportlab"):
        assert heavy not in loaded, f"{heavy} is loaded in the unlocked program"


def test_our_modules_are_classified_without_reading_their_source() -> None:
    """Our modules are answered from their namespace: a module that imports PySide6 counts as
    using it (as PySide's source check says), and every module that does is in desktop_app.gui
    or imports PySide lazily elsewhere; no source file was read for them."""
    import inspect

    from desktop_app.gui import imports_pyside

    ours = {name: module for name, module in sys.modules.items()
            if name.startswith("desktop_app.") and module is not None}
    for name, module in ours.items():
        if imports_pyside(module):
            # PySide's own check would say the same: the text is in the source.
            assert "PySide6" in inspect.getsource(module), name
    import desktop_app.gui.caseload.caseload_view as caseload
    import desktop_app.vault.header as header

    assert imports_pyside(caseload) and not imports_pyside(header)
    # What PySide recorded for modules our modules imported: Qt-using ones may switch
    # features (0), the others are ignored (-1).
    feature = sys.modules["shibokensupport.feature"]
    assert feature.pyside_feature_dict.get("desktop_app.gui.shared.i18n") == 0
    assert feature.pyside_feature_dict.get("desktop_app.vault.paths") == -1


def test_importing_our_modules_reads_no_source_file() -> None:
    code = (
        "import inspect, sys\n"
        "import desktop_app.gui\n"
        "read = []\n"
        "original = inspect.getsource\n"
        "def recording(obj):\n"
        "    read.append(getattr(obj, '__name__', '?'))\n"
        "    return original(obj)\n"
        "inspect.getsource = recording\n"
        "import desktop_app.gui.caseload.caseload_view\n"
        "print(len(read), ' '.join(n for n in read if n.startswith('desktop_app')) or '-')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, cwd=ROOT, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr
    _count, ours = done.stdout.split(maxsplit=1)
    assert ours.strip() == "-", ours  # none of ours; other libraries still go through PySide
