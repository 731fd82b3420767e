"""`wijkteam-intake doctor`: one line per check, non-zero exit when something required fails.

Checks that need a display (Qt platform plugin, printers) run in a child process, because Qt
aborts the whole process when no display can be opened.
"""

from __future__ import annotations

import json
import os
import platform
import secrets
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app import __version__

if TYPE_CHECKING:
    from desktop_app.services.session import Session


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str
    required: bool = True

    def line(self) -> str:
        status = "OK  " if self.ok else ("FOUT" if self.required else "INFO")
        return f"{status} {self.name}: {self.detail}"


def _check_python() -> Check:
    ok = sys.version_info >= (3, 11)
    detail = platform.python_version() + ("" if ok else " (3.11 of nieuwer nodig)")
    return Check("Python", ok, detail)


def qt_probe() -> dict[str, object]:
    """Run inside the child process: start Qt and report what it sees."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPrintSupport import QPrinterInfo

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    result: dict[str, object] = {
        "pyside": pyside_version,
        "platform": app.platformName(),
        "printers": [p.printerName() for p in QPrinterInfo.availablePrinters()],
        "default_printer": QPrinterInfo.defaultPrinterName(),
    }
    try:
        import PySide6.QtPdf  # noqa: F401

        result["qtpdf"] = True
    except ImportError:
        result["qtpdf"] = False
    return result


def _check_qt() -> list[Check]:
    if getattr(sys, "frozen", False):
        command = [sys.executable, "_qt-probe"]
    else:
        command = [sys.executable, "-m", "desktop_app", "_qt-probe"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        return [Check("Qt", False, f"kon Qt niet starten ({type(err).__name__})")]
    if done.returncode != 0 or not done.stdout.strip():
        last = (done.stderr.strip().splitlines() or ["geen uitvoer"])[-1]
        return [Check("Qt-platform", False, f"Qt start niet: {last[:160]}")]
    info = json.loads(done.stdout.strip().splitlines()[-1])
    printers = info["printers"]
    return [
        Check("Qt", True, f"PySide6 {info['pyside']}, platform '{info['platform']}'"),
        Check("QtPdf (voorbeeld van documenten)", bool(info["qtpdf"]),
              "aanwezig" if info["qtpdf"] else "ontbreekt (pakket pyside6-pdf)"),
        Check("Printers", bool(printers),
              (", ".join(printers) + (f" (standaard: {info['default_printer']})"
                                      if info["default_printer"] else ""))
              if printers else "geen printer gevonden (afdrukken kan pas met een printer)",
              required=False),
    ]


def _check_sqlcipher() -> Check:
    from desktop_app.vault.store import cipher_version

    version = cipher_version()
    ok = version.startswith("4.")
    return Check("SQLCipher", ok, version or "ontbreekt: opslag zou onversleuteld zijn")


def _check_keyring() -> Check:
    from desktop_app.vault import secrets as device_secrets
    from desktop_app.vault.errors import VaultError

    entry = f"doctor-probe/{secrets.token_hex(4)}"
    try:
        # Through the keyring helper process, exactly as the program does.
        name = device_secrets.backend().describe()
        probe = secrets.token_bytes(32)
        device_secrets.store_secret(entry, probe)
        same = device_secrets.load_secret(entry) == probe
        device_secrets.delete_secret(entry)
        gone = not device_secrets.secret_exists(entry)
    except VaultError as err:
        return Check("Sleutelbos (keyring)", False, f"{err.message} ({err.detail})")
    finally:
        device_secrets.release()
    if not (same and gone):
        return Check("Sleutelbos (keyring)", False, f"{name}: opslaan/lezen/wissen klopt niet")
    return Check("Sleutelbos (keyring)", True, f"{name}: opslaan, lezen en wissen werkt")


def _check_data_folder(root: Path) -> Check:
    try:
        root.mkdir(parents=True, exist_ok=True)
        probe = root / f".doctor.{os.getpid()}"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as err:
        return Check("Gegevensmap", False, f"{root}: niet beschrijfbaar ({err.strerror})")
    return Check("Gegevensmap", True, f"{root} (beschrijfbaar)")


def _check_disk_encryption(root: Path) -> Check:
    """Best effort: is the data folder on an encrypted volume? Informational only; the store is
    encrypted either way."""
    if sys.platform.startswith("linux"):
        try:
            best = ("", "")
            target = str(root.resolve())
            with open("/proc/mounts", encoding="utf-8") as mounts:
                for line in mounts:
                    device, mount_point = line.split()[:2]
                    if target.startswith(mount_point) and len(mount_point) > len(best[1]):
                        best = (device, mount_point)
            encrypted = best[0].startswith("/dev/mapper/") or "crypt" in best[0]
            detail = ("versleuteld volume (dm-crypt)" if encrypted
                      else f"niet vast te stellen ({best[0] or 'onbekend'}); de opslag zelf is "
                           "altijd versleuteld")
            return Check("Schijfversleuteling", encrypted, detail, required=False)
        except OSError:
            pass
    return Check("Schijfversleuteling", False,
                 "niet vast te stellen; de opslag zelf is altijd versleuteld", required=False)


def _check_capture_protection() -> Check:
    from desktop_app.gui.system.capture import capture_protection_status

    status = capture_protection_status()
    return Check("Schermopname blokkeren", status.available, status.detail, required=False)


def _check_pending(root: Path, sessions: Sequence[Session]) -> list[Check]:
    """What is still on this laptop (ZW-8). Counts live in the encrypted stores: without an
    unlocked session only the number of profiles can be told."""
    from desktop_app.services.session_security import handover_count_lines, handover_overview
    from desktop_app.vault.profiles import list_profiles

    if not sessions:
        # Without unlocking: the non-secret counters each profile keeps (counts and dates
        # only, updated on every lock), as `wijkteam-intake pending` shows them.
        from desktop_app.services import destruction

        if not list_profiles(root):
            return [Check("Openstaand werk", True, "geen profielen op deze computer",
                          required=False)]
        # The messages of the destruction area, printed in Dutch like the rest of doctor.
        checks = [Check("Openstaand werk", entry.ready, str(entry.message), required=False)
                  for entry in destruction.pending_entries(root)]
        checks += [Check(str(name), ok, str(detail), required=False)
                   for name, ok, detail in destruction.doctor_checks(root)]
        return checks
    checks = []
    for session in sessions:
        overview = handover_overview(session)
        detail = "; ".join(str(line) for line in handover_count_lines(overview))
        checks.append(Check(f"Openstaand werk ({session.worker_name})", overview.clear,
                            "niets meer op deze laptop" if overview.clear else detail,
                            required=False))
    return checks


def run_doctor(root: Path, sessions: Sequence[Session] = ()) -> tuple[int, list[str]]:
    checks = [_check_python(), *_check_qt(), _check_sqlcipher(), _check_keyring(),
              _check_data_folder(root), _check_disk_encryption(root),
              _check_capture_protection(), *_check_pending(root, sessions)]
    lines = [f"Wijkteam Intake {__version__}"] + [c.line() for c in checks]
    failed = [c for c in checks if c.required and not c.ok]
    if failed:
        lines.append(f"Niet in orde: {failed[0].name}. " + failed[0].detail)
        return 1, lines
    lines.append("Alles in orde.")
    return 0, lines
