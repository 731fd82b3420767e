"""The `wijkteam-intake` command: --version, doctor with and without a keyring."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app import __version__

REPO = Path(__file__).resolve().parents[2]


def _run(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True,
                          text=True, timeout=120, cwd=REPO, env=env or dict(os.environ))


def test_version() -> None:
    done = _run(["--version"])
    assert done.returncode == 0
    assert done.stdout.strip() == f"wijkteam-intake {__version__}"


def test_doctor_passes_with_real_keyring(real_keyring, data_home: Path) -> None:
    done = _run(["doctor"])
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("OK   SQLCipher: 4.") for line in lines)
    assert any(line.startswith("OK   Sleutelbos") and "opslaan, lezen en wissen werkt" in line
               for line in lines)
    assert any(line.startswith("OK   Qt:") for line in lines)
    assert any(line.startswith("OK   Gegevensmap") and str(data_home) in line for line in lines)
    assert lines[-1] == "Alles in orde."


def test_doctor_fails_clearly_without_keyring(data_home: Path) -> None:
    env = dict(os.environ)
    env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/bus"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    done = _run(["doctor"], env=env)
    assert done.returncode == 1
    assert any(line.startswith("FOUT Sleutelbos") for line in done.stdout.splitlines())
    assert done.stdout.splitlines()[-1].startswith("Niet in orde: Sleutelbos")


def test_doctor_fails_on_unwritable_data_folder(real_keyring, tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    env = dict(os.environ)
    env["WIJKTEAM_INTAKE_HOME"] = str(blocker / "sub")
    done = _run(["doctor"], env=env)
    assert done.returncode == 1
    assert "FOUT Gegevensmap" in done.stdout


def test_unknown_subcommand_exits_nonzero() -> None:
    done = _run(["vliegen"])
    assert done.returncode == 2
    assert "invalid choice" in done.stderr or "ongeldige" in done.stderr


def test_pending_lists_counts_without_unlocking_and_without_names(real_keyring,
                                                                 data_home: Path) -> None:
    from desktop_app.services import destruction
    from desktop_app.services.intakes import IntakeService
    from desktop_app.services.session import ProfileService
    from tests.conftest import PASSPHRASE

    session = ProfileService(data_home).create("Kees Beheer", PASSPHRASE, PASSPHRASE)
    IntakeService(session).start_intake("Ayşe Yılmaz")
    session.on_lock(lambda: destruction.refresh_queue_file(session))
    session.lock()
    done = _run(["pending"])
    assert done.returncode == 1, done.stdout + done.stderr  # not ready to hand in
    assert "1 concept niet overgedragen" in done.stdout
    assert "NIET klaar om in te leveren" in done.stdout
    assert "Yılmaz" not in done.stdout and "Ayşe" not in done.stdout
    doctor = _run(["doctor"])
    assert "INFO Openstaand werk" in doctor.stdout
    assert "1 concept niet overgedragen" in doctor.stdout


def test_gui_quits_cleanly(real_keyring, data_home: Path) -> None:
    """Quitting must not crash in Qt's teardown (it did: widgets outliving the application)."""
    script = (
        "from PySide6.QtCore import QTimer\n"
        "from desktop_app.gui.shell import app as appmod\n"
        "a = appmod.create_application([])\n"
        "QTimer.singleShot(800, a.quit)\n"
        "raise SystemExit(appmod.run_gui())\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=REPO, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "deleted directly" not in done.stderr


def test_demo_wipes_its_profile_when_terminated(real_keyring, tmp_path: Path) -> None:
    import signal
    import time

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    child = subprocess.Popen([sys.executable, "-m", "desktop_app", "demo"], cwd=REPO, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        line = ""
        while "Wachtwoordzin" not in line and time.monotonic() < deadline:
            line = child.stdout.readline()
        assert "Wachtwoordzin" in line
        demo_dirs = list(tmp_path.glob("wijkteam-intake-demo-*"))
        assert len(demo_dirs) == 1 and (demo_dirs[0] / "profiles").is_dir()
        time.sleep(1)
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0
    assert not list(tmp_path.glob("wijkteam-intake-demo-*"))
