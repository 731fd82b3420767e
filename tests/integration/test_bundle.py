"""The PyInstaller bundle (build_spec/): it starts, `doctor` passes under the test session's
real Secret Service keyring (and names that backend, not keyring's "fail" backend), and the
scripted start `wijkteam-intake selftest` runs the GUI, a throwaway profile, a consent PDF and
the QtPdf preview inside the frozen program.

Which bundle: WIJKTEAM_INTAKE_BUNDLE=<folder with the wijkteam-intake executable> when set (CI
builds the bundle once in .ci/run and points this at it, so the suite does not build it a
second time); otherwise the bundle is built once per test run into a temporary folder from the
current source, so a developer never tests a stale dist/ by accident. A build takes ~30-60 s
here, affordable locally; building twice in CI would be waste.

Run inside scripts/test-session (D-Bus + unlocked gnome-keyring + Xvfb).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app import __version__
from tests.conftest import require_system_part

REPO = Path(__file__).resolve().parents[2]
BUNDLE_ENV = "WIJKTEAM_INTAKE_BUNDLE"
EXE = "wijkteam-intake.exe" if sys.platform == "win32" else "wijkteam-intake"
GUI_EXE = "wijkteam-intake-gui.exe" if sys.platform == "win32" else "wijkteam-intake-gui"
# Linux: measured 158.8 MiB (237 MiB before stripping and the issue-18 exclusions, 264 MiB
# without any exclusion); the bound is 160 MiB, with a little room for dependency updates
# (a stripping or exclusion that silently stopped working costs 2 to 56 MiB and the tests above
# name it). Windows and macOS are not stripped and keep two executables.
SIZE_BUDGET = (165 if sys.platform.startswith("linux") else 250) * 1024 * 1024

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get(BUNDLE_ENV)
    if given:
        folder = Path(given).resolve()
        if not (folder / EXE).is_file():
            pytest.fail(f"{BUNDLE_ENV}={given}: no {EXE} in that folder", pytrace=False)
        return folder
    require_system_part(importlib.util.find_spec("PyInstaller") is not None,
                        "PyInstaller is not installed (pip install -e '.[build]')")
    out = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [sys.executable, str(REPO / "build_spec" / "build.py"), "--dist", str(out / "dist"),
         "--work", str(out / "work")],
        cwd=REPO, capture_output=True, text=True, timeout=840, check=False,
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    return out / "dist" / "wijkteam-intake"


def run_bundle(bundle: Path, *args: str, env: dict[str, str] | None = None,
               timeout: float = 180) -> subprocess.CompletedProcess[str]:
    # cwd outside the repository: the bundle must not find forms/ or resources/ by accident.
    return subprocess.run([str(bundle / EXE), *args], capture_output=True, text=True,
                          timeout=timeout, cwd=bundle.parent, env=env or dict(os.environ),
                          check=False)


def bundle_env(data_home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["WIJKTEAM_INTAKE_HOME"] = str(data_home)
    env.pop("WIJKTEAM_INTAKE_FORMS_DIR", None)  # the bundle's own forms/
    env.pop("PYTHON_KEYRING_BACKEND", None)  # keyring's own detection, as on a laptop
    env.update(extra)
    return env


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


# --- starting ----------------------------------------------------------------------------------


def test_version_starts_quickly(bundle: Path) -> None:
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        done = run_bundle(bundle, "--version", timeout=60)
        timings.append(time.perf_counter() - start)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == f"wijkteam-intake {__version__}"
    # Measured ~150 ms here; a bundle that unpacks or imports everything at start is slower.
    assert min(timings) < 2.0, timings


def test_both_executables_exist(bundle: Path) -> None:
    for name in (EXE, GUI_EXE):
        path = bundle / name
        assert path.is_file(), name
        assert sys.platform == "win32" or os.access(path, os.X_OK), name


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="one executable on Linux only")
def test_linux_gui_name_is_a_link_to_the_one_executable(bundle: Path, tmp_path: Path) -> None:
    """On Linux the windowed name is a symbolic link (one copy of the module archive), and
    started by that name it is the windowed entry point: it ignores `--version` and goes to the
    GUI, which without a display says so and stops (no window needed to tell the two apart)."""
    link = bundle / GUI_EXE
    assert link.is_symlink()
    assert link.resolve() == (bundle / EXE).resolve()
    env = bundle_env(tmp_path / "home")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    as_gui = subprocess.run([str(link), "--version"], capture_output=True, text=True, timeout=60,
                            cwd=bundle.parent, env=env, check=False)
    assert as_gui.returncode == 1, as_gui.stdout + as_gui.stderr
    assert "Geen beeldscherm gevonden" in as_gui.stderr
    assert __version__ not in as_gui.stdout
    as_cli = run_bundle(bundle, "--version", env=env)
    assert as_cli.stdout.strip() == f"wijkteam-intake {__version__}", as_cli.stderr


# --- contents ----------------------------------------------------------------------------------


def test_bundle_has_every_data_file(bundle: Path) -> None:
    internal = bundle / "_internal"
    shipped = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "forms").rglob("*.yaml"))
    assert shipped, "no forms in the checkout"
    missing = [name for name in shipped if not (internal / name).is_file()]
    assert not missing, missing
    for name in (REPO / "forms").rglob("*.yaml"):
        bundled = internal / name.relative_to(REPO)
        assert bundled.read_bytes() == name.read_bytes(), name.name
    fonts = internal / "resources" / "fonts"
    for font in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                 "LICENSE-DejaVu.txt"):
        assert (fonts / font).is_file(), font
    for qm in (REPO / "resources" / "translations").glob("*.qm"):
        assert (internal / "resources" / "translations" / qm.name).is_file(), qm.name


def test_bundle_carries_keyring_entry_points(bundle: Path) -> None:
    """keyring discovers its backends through its dist-info entry points; without them a
    frozen app silently gets keyring.backends.fail.Keyring."""
    found = list((bundle / "_internal").glob("keyring-*.dist-info/entry_points.txt"))
    assert len(found) == 1, found
    text = found[0].read_text(encoding="utf-8")
    section = text.split("[keyring.backends]", 1)[1]
    for backend in ("SecretService", "libsecret", "KWallet", "Windows", "macOS", "chainer"):
        assert re.search(rf"^{backend} = keyring\.backends\.", section, re.M), backend


def test_unused_qt_parts_are_left_out(bundle: Path) -> None:
    qt = bundle / "_internal" / "PySide6"
    names = [p.relative_to(qt).as_posix() for p in qt.rglob("*") if p.is_file()]
    assert names, "no PySide6 in the bundle"
    unwanted = re.compile(r"WebEngine|Qt6?Quick|Qt6?Qml|Qt63D|Multimedia|VirtualKeyboard"
                          r"|sqldrivers/|qmltooling/|/qml/|platformthemes/libqgtk3")
    assert not [n for n in names if unwanted.search(n)]
    translations = [n.rsplit("/", 1)[-1] for n in names if "/translations/" in n]
    assert translations, "Qt's nl/en translations are missing"
    assert all(re.fullmatch(r"qt(base)?_(nl|en)\.qm", t) for t in translations), translations
    # What the program needs is still there.
    for needed in ("QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtWidgets"):
        assert any(n.startswith(needed + ".") for n in names), needed
    if sys.platform.startswith("linux"):
        for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so",
                       "printsupport/libcupsprintersupport.so",
                       "platforminputcontexts/libcomposeplatforminputcontextplugin.so"):
            assert any(n.endswith(plugin) for n in names), plugin


def test_unused_python_packages_are_left_out(bundle: Path) -> None:
    """reportlab's optional HarfBuzz shaping, Pillow's codecs other than PNG/JPEG (the logo;
    selftest puts a PNG logo in its PDF), Python's and Qt's OpenSSL (no network), the Python
    bindings of QtNetwork/QtDBus stay out; Pillow's core module and cryptography (the keyring
    helper's Secret Service session, doctor and selftest above) stay in."""
    internal = bundle / "_internal"
    names = [p.relative_to(internal).as_posix() for p in internal.rglob("*")
             if p.is_file() or p.is_symlink()]
    unwanted = re.compile(r"^uharfbuzz/|^PIL/_(avif|webp|imagingcms|imagingtk)\.|libwebp|liblcms2"
                          r"|libavif|^setuptools/|^charset_normalizer/|/_ssl\.|/_hashlib\."
                          r"|^libssl[.-]|^libcrypto[.-]|^libgio-|^PySide6/Qt(Network|DBus)\.")
    assert not [n for n in names if unwanted.search(n)]
    assert any(re.match(r"PIL/_imaging\.", n) for n in names)
    if sys.platform.startswith("linux"):
        assert any(n.startswith("cryptography/hazmat/bindings/_rust") for n in names)


def _elf_section_names(path: Path) -> list[str] | None:
    """Section names of a 64-bit little-endian ELF file (None for anything else)."""
    import struct

    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    if shoff == 0 or shnum == 0:
        return []
    def header(index: int) -> tuple[int, int]:  # (name offset, file offset of the section)
        base = shoff + index * shentsize
        return struct.unpack_from("<I", data, base)[0], struct.unpack_from("<Q", data, base + 24)[0]
    strtab = header(shstrndx)[1]
    names = []
    for index in range(shnum):
        start = strtab + header(index)[0]
        names.append(data[start:data.index(b"\0", start)].decode("ascii", "replace"))
    return names


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the spec strips on Linux only")
def test_linux_libraries_carry_no_debug_information(bundle: Path) -> None:
    """Stripped (56.6 of 237 MiB were debug information and symbols); doctor and selftest
    above load Qt's platform plugins and SQLCipher from these stripped files."""
    with_debug = []
    for path in (bundle / "_internal").rglob("*"):
        if path.is_file() and not path.is_symlink():
            sections = _elf_section_names(path)
            if sections and any(name.startswith(".debug_") for name in sections):
                with_debug.append(path.relative_to(bundle).as_posix())
    assert not with_debug, with_debug
    assert _elf_section_names(bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms"
                              / "libqxcb.so") is not None  # the walk does read ELF files


def test_bundle_size_within_budget(bundle: Path) -> None:
    size = folder_size(bundle)
    assert size < SIZE_BUDGET, f"{size / 2**20:.0f} MiB"


# --- bench rows (no timing asserted: the bench judges, not the tests) ----------------------------


def test_bench_bundle_rows(bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.commands import bench

    monkeypatch.setenv(BUNDLE_ENV, str(bundle))
    assert bench.find_bundle() == bundle
    size = bench.bench_bundle_size(bundle)
    assert size.key == "bundle_mib"
    assert size.value == round(folder_size(bundle) / 2**20, 1)
    assert size.measured == f"{size.value:.1f} MiB".replace(".", ",")
    assert size.ok == (size.value <= 160)
    start = bench.bench_bundle_start(tmp_path / "home", bundle, 1)
    assert start.key == "bundle_start_ratio" and start.value == start.ratio
    assert start.ratio is not None and start.ratio > 0, start
    assert start.measured.endswith(" ms") and start.baseline.startswith("broninstallatie ")


def test_bench_bundle_rows_without_a_bundle(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """No built bundle: the rows say so and carry no number, never a made-up one."""
    from desktop_app.commands import bench

    monkeypatch.setenv(BUNDLE_ENV, str(tmp_path / "nothing-built"))
    assert bench.find_bundle() is None
    rows = [bench.bench_bundle_size(None), bench.bench_bundle_start(tmp_path, None, 1)]
    assert [(r.key, r.value, r.ratio, r.ok, r.measured) for r in rows] == [
        ("bundle_mib", None, None, None, "niet gemeten"),
        ("bundle_start_ratio", None, None, None, "niet gemeten")]
    assert all(BUNDLE_ENV in r.note for r in rows)


# --- doctor and keyring ------------------------------------------------------------------------


def test_doctor_passes_with_secret_service(real_keyring, bundle: Path, tmp_path: Path) -> None:
    done = run_bundle(bundle, "doctor", env=bundle_env(tmp_path / "home"))
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines[-1] == "Alles in orde."
    keyring_line = next(line for line in lines if "Sleutelbos" in line)
    assert keyring_line.startswith("OK   Sleutelbos (keyring): keyring.backends.SecretService.")
    assert "keyring.backends.fail" not in done.stdout
    assert any(line.startswith("OK   SQLCipher: 4.") for line in lines)
    assert any(line.startswith("OK   Qt: PySide6") for line in lines)  # `_qt-probe` child
    assert "OK   QtPdf (voorbeeld van documenten): aanwezig" in lines
    assert any(line.startswith("OK   Gegevensmap") and str(tmp_path / "home") in line
               for line in lines)


def test_frozen_keyring_backend_is_not_fail(real_keyring, bundle: Path, tmp_path: Path) -> None:
    """What keyring itself picks inside the frozen program, without any hint: the backend
    the self-test reports must be the Secret Service, never keyring.backends.fail."""
    done = run_bundle(bundle, "selftest",
                      env=bundle_env(tmp_path / "home", QT_QPA_PLATFORM="offscreen"))
    first = next(line for line in done.stdout.splitlines() if "Sleutelbos" in line)
    assert first.startswith("OK   Sleutelbos: keyring.backends.SecretService."), done.stdout
    assert "fail" not in first


def test_doctor_names_the_fail_backend_when_forced(bundle: Path, tmp_path: Path) -> None:
    """Control for the test above: the frozen doctor does report keyring's real choice (the
    fail backend when forced to it) and exits non-zero with a clear line."""
    env = bundle_env(tmp_path / "home", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = run_bundle(bundle, "doctor", env=env)
    assert done.returncode == 1, done.stdout
    keyring_line = next(line for line in done.stdout.splitlines() if "Sleutelbos" in line)
    assert keyring_line.startswith("FOUT Sleutelbos"), keyring_line
    assert "keyring.backends.fail.Keyring" in keyring_line
    assert done.stdout.splitlines()[-1].startswith("Niet in orde: Sleutelbos")


def test_doctor_without_dbus_fails_clearly(bundle: Path, tmp_path: Path) -> None:
    env = bundle_env(tmp_path / "home", DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/bus")
    done = run_bundle(bundle, "doctor", env=env)
    assert done.returncode == 1, done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert any(line.startswith("FOUT Sleutelbos") for line in done.stdout.splitlines())


# --- scripted start ----------------------------------------------------------------------------


def test_selftest_runs_the_program(real_keyring, bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    start = time.perf_counter()
    done = run_bundle(bundle, "selftest", env=bundle_env(home, QT_QPA_PLATFORM="offscreen"))
    elapsed = time.perf_counter() - start
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines[0] == f"Wijkteam Intake {__version__} zelftest (gebundeld programma)"
    steps = [line.split(":", 1)[0] for line in lines[1:-1]]
    assert steps == ["OK   Sleutelbos", "OK   Qt", "OK   Formulieren", "OK   Profiel aanmaken",
                     "OK   Hoofdvenster", "OK   Toestemmingsverklaring", "OK   Voorbeeld (QtPdf)",
                     "OK   Opruimen"], lines
    assert "platform 'offscreen'" in done.stdout
    # Forms come from the bundle, not from the checkout.
    forms_line = next(line for line in lines if line.startswith("OK   Formulieren"))
    assert str(bundle / "_internal" / "forms") in forms_line
    assert "eerste pagina weergegeven" in done.stdout
    assert lines[-1] == "Zelftest geslaagd."
    # The throwaway profile lived in its own temporary folder, not in the data folder given.
    assert not home.exists() or not any(home.rglob("store.db"))
    assert elapsed < 60, elapsed


def test_selftest_fails_without_keyring(bundle: Path, tmp_path: Path) -> None:
    env = bundle_env(tmp_path / "home", QT_QPA_PLATFORM="offscreen",
                     PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = run_bundle(bundle, "selftest", env=env)
    assert done.returncode == 1, done.stdout
    assert done.stdout.splitlines()[1].startswith("FOUT Sleutelbos")
    assert done.stdout.splitlines()[-1] == "Zelftest mislukt."
