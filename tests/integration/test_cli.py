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
