"""Every window fits the laptops the program is used on (DESIGN.md "Real laptops"; issue 16),
and the window layout comes back after a lock and after a restart.

Geometry: for each of the two screens - Xvfb 1366x768 at 100 %, and Xvfb 1920x1080 with
QT_SCALE_FACTOR=1.5 (1280x720 logical pixels) - tests/gui/screen_fit_driver.py runs in a
process of its own on a real X server (the screen and the scale are fixed when Qt starts) and
opens every top-level window and dialog over a profile with fictional residents (under openbox
when it is installed, so frames and title bars are real). Each must lie
inside the available screen with room for a window frame, with its button row (OK/Annuleren,
Volgende/Afronden, Printen/Sluiten, ...) and the main window's status bar visible on it.

Layout: the real AppController and unlock window (Qt offscreen), a real encrypted profile:
maximised, size and splitter positions survive a lock and a restart (stored through the
settings registry), and a saved place on a screen that is gone is brought back inside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

from desktop_app.gui.shared import screen_fit
from desktop_app.gui.shared.style import apply_style
from desktop_app.gui.shell.app import AppController
from desktop_app.gui.system.lock_monitor import UnavailableLockMonitor
from desktop_app.services.session import ProfileService
from desktop_app.services.settings import WINDOW_LAYOUT, SettingRejected, SettingsService
from tests.conftest import PASSPHRASE, require_system_part, which
from tests.gui.keyboard import type_text

ROOT = Path(__file__).resolve().parents[2]
# Every window the driver opens; one missing means it could not be opened (a failure too).
WINDOWS = {
    "profiel-aanmaken", "ontgrendelen", "inwoners", "vergrendel-waarschuwing", "gesprek",
    "gegevensverzoeken", "toestemming", "overdracht", "logboek", "instellingen",
    "overdracht-afwezigheid", "vernietigingsbewijzen", "over", "nieuwe-intake", "verzoek-nieuw",
    "verzoek-wijzigen", "organisatie-toevoegen", "weging", "informeren", "antwoord",
    "verklaring-samenstellen", "verklaring-voorbeeld", "verklaring-getekend",
    "verklaring-geweigerd", "verklaring-ingetrokken", "wachtwoordzin", "vernietigen-vraag",
    "weging-stoppen-vraag", "weging-uitkomst", "teken-op-scherm", "teken-op-scherm-handtekening",
    "beschadigd", "beschadigd-dialoog", "verslag-inwoner", "verslag-inwoner-opmerkingen",
    "nog-niet-klaar",
}
# Buttons that must be in a button row on screen (not only somewhere in the window).
KEY_BUTTONS = {
    "weging": {"Volgende →", "Annuleren"},
    "weging-uitkomst": {"Afronden", "← Terug", "Annuleren"},
    "verklaring-voorbeeld": {"Printen…", "Sluiten"},
    "verklaring-samenstellen": {"Verklaring maken", "Annuleren"},
    "verklaring-getekend": {"Vastleggen", "Annuleren"},
    "teken-op-scherm": {"Volgende", "Annuleren"},
    "teken-op-scherm-handtekening": {"Volgende", "Vorige", "Annuleren"},
    "verslag-inwoner-opmerkingen": {"Volgende", "Vorige", "Annuleren"},
    "verzoek-nieuw": {"Opslaan", "Annuleren"},
    "nieuwe-intake": {"Intake starten", "Annuleren"},
    "wachtwoordzin": {"Wijzigen", "Annuleren"},
    "instellingen": {"Opslaan", "Ongedaan maken"},
    "vernietigen-vraag": {"Vernietigen", "Niet nu"},
    "beschadigd-dialoog": {"Sluiten"},
    "nog-niet-klaar": {"Sluiten"},
}


@pytest.mark.parametrize(("width", "height", "scale"), [(1366, 768, ""), (1920, 1080, "1.5")],
                         ids=["1366x768", "1920x1080@150"])
def test_every_window_fits_the_laptop_screen(real_keyring: None, width: int, height: int,
                                             scale: str) -> None:
    shots = os.environ.get("WI_SHOTS_DIR")
    args = ["--shots", str(Path(shots) / f"fit-{width}x{height}")] if shots else []
    report = _on_x(width, height, "tests.gui.screen_fit_driver", *args, scale=scale)
    assert report["platform"] == "xcb"
    # The logical screen: 1366x768, or 1920x1080 / 1.5 = 1280x720.
    factor = float(scale or 1)
    assert report["available"][2:] == [round(width / factor), round(height / factor)]
    assert report["ratio"] == factor
    windows = report["windows"]
    assert set(windows) == WINDOWS
    problems = {name: w["problems"] for name, w in windows.items() if w["problems"]}
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)
    for name, buttons in KEY_BUTTONS.items():
        assert buttons <= set(windows[name]["buttons"]), (name, windows[name]["buttons"])
    # The windows that used to be too tall are as tall as the screen allows, not tiny.
    room = report["available"]
    for name in ("inwoners", "weging", "verklaring-voorbeeld"):
        assert windows[name]["size"][1] >= room[3] - screen_fit.FRAME_HEIGHT - 1, name


def _on_x(width: int, height: int, module: str, *args: str, scale: str = "") -> dict:
    """Run a driver module on an Xvfb screen of that size (under openbox when installed: real
    title bars, frames and placement; without one, the frame is the window itself)."""
    require_system_part(which("xvfb-run") and which("Xvfb"),
                        "xvfb-run (package xvfb) for the virtual laptop screens")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_SCALE_FACTOR", "QT_QPA_PLATFORM")}
    env |= {"QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    if scale:
        env["QT_SCALE_FACTOR"] = scale
    driver = [sys.executable, "-m", module, *args]
    if which("openbox"):
        driver = ["sh", "-c", 'openbox >/dev/null 2>&1 & sleep 1; exec "$@"', "sh", *driver]
    done = subprocess.run(["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24", *driver],
                          capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_maximised_and_normal_window_survive_lock_and_restart_on_x(real_keyring: None) -> None:
    seen = _on_x(1366, 768, "tests.gui.window_state_driver")
    assert not seen["first"]["maximized"] and seen["first"]["inside"], seen["first"]
    for step in ("maximized", "maximized_after_lock", "maximized_after_restart"):
        assert seen[step]["maximized"], (step, seen[step])
    assert seen["maximized_after_lock"]["size"] == seen["maximized"]["size"]
    assert seen["maximized_after_restart"]["size"] == seen["maximized"]["size"]
    normal = seen["normal"]
    assert not normal["maximized"]
    for step in ("normal_after_lock", "normal_after_restart"):
        assert not seen[step]["maximized"] and seen[step]["inside"], (step, seen[step])
        assert seen[step]["size"] == normal["size"], (step, seen[step], normal)
        assert seen[step]["frame"] == normal["frame"], (step, seen[step], normal)


# -- window layout across lock and restart ---------------------------------------------------
def _controller(qtbot, data_home: Path, clock) -> AppController:
    apply_style(QApplication.instance())
    ctrl = AppController(ProfileService(data_home, clock),
                         lock_monitor=UnavailableLockMonitor("test"),
                         idle_check_ms=60_000, monitor_delay_ms=0)
    ctrl.start()
    qtbot.waitUntil(lambda: ctrl.monitor_started)
    return ctrl


def _unlock(qtbot, ctrl: AppController) -> None:
    from PySide6.QtCore import Qt

    window = ctrl.unlock_window
    window.passphrase_edit.clear()
    window.passphrase_edit.setFocus()
    type_text(qtbot, window.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(window.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctrl.main_window is not None and ctrl.main_window.isVisible())


@pytest.fixture
def closed_profile(profile, data_home: Path) -> Iterator[Path]:
    profile.close()
    screen_fit.load_layout_state({})  # a fresh program: nothing remembered in memory
    yield data_home
    screen_fit.load_layout_state({})


def _restart(qtbot, ctrl: AppController, data_home: Path, clock) -> AppController:
    """Quit the program (closing the main window, as Bestand → Afsluiten does) and start it
    again: only what was stored in the profile can come back."""
    assert ctrl.main_window is not None
    ctrl.main_window.close()
    ctrl.dispose()
    screen_fit.load_layout_state({})
    fresh = _controller(qtbot, data_home, clock)
    _unlock(qtbot, fresh)
    return fresh


def _gesprek_splitter(ctrl: AppController) -> QSplitter:
    view = ctrl.main_window.intake_view
    assert view is not None
    splitter = view.tabs.widget(0)
    assert isinstance(splitter, QSplitter)
    return splitter


def test_size_splitters_and_maximised_survive_lock_and_restart(qtbot, closed_profile: Path,
                                                               clock) -> None:
    ctrl = _controller(qtbot, closed_profile, clock)
    _unlock(qtbot, ctrl)
    main = ctrl.main_window
    intake_id = main.intakes.start_intake("Fictieve Inwoner Indeling")
    room = main.screen().availableGeometry()
    size = (room.width() - 120, room.height() - 90)
    main.resize(*size)
    main.move(room.x() + 20, room.y() + 10)
    main.open_intake(intake_id)
    splitter = _gesprek_splitter(ctrl)
    qtbot.waitUntil(lambda: splitter.width() > 0)
    total = sum(splitter.sizes())
    wanted = [total // 5, total // 2, total - total // 5 - total // 2]
    splitter.setSizes(wanted)
    QApplication.processEvents()
    moved = splitter.sizes()

    # A lock: the same window, the same splitter.
    ctrl.lock()
    _unlock(qtbot, ctrl)
    main = ctrl.main_window
    assert (main.width(), main.height()) == size and not main.isMaximized()
    assert _gesprek_splitter(ctrl).sizes() == moved

    # A restart: the layout comes from the profile's store.
    ctrl = _restart(qtbot, ctrl, closed_profile, clock)
    main = ctrl.main_window
    assert (main.width(), main.height()) == size and not main.isMaximized()
    stored = SettingsService(main.session).window_layout()
    assert stored["splitters"]["gesprek"] == moved and stored["geometry"]
    main.open_intake(intake_id)
    again = _gesprek_splitter(ctrl)
    qtbot.waitUntil(lambda: again.width() > 0)
    assert all(abs(a - b) <= 2 for a, b in zip(again.sizes(), moved, strict=True))

    # Maximised: across a lock and a restart it stays maximised.
    main.showMaximized()
    qtbot.waitUntil(main.isMaximized)
    ctrl.lock()
    assert ctrl.place is not None and ctrl.place.maximized
    _unlock(qtbot, ctrl)
    qtbot.waitUntil(ctrl.main_window.isMaximized)
    ctrl = _restart(qtbot, ctrl, closed_profile, clock)
    qtbot.waitUntil(ctrl.main_window.isMaximized)
    # Back to normal: the size from before maximising.
    ctrl.main_window.showNormal()
    qtbot.waitUntil(lambda: not ctrl.main_window.isMaximized())
    assert (ctrl.main_window.width(), ctrl.main_window.height()) == size
    ctrl.dispose()


def test_a_saved_place_off_the_screen_is_brought_back_inside(qtbot, closed_profile: Path,
                                                             clock) -> None:
    ctrl = _controller(qtbot, closed_profile, clock)
    _unlock(qtbot, ctrl)
    main = ctrl.main_window
    room = main.screen().availableGeometry()
    # As saved on a big monitor to the right of the laptop: larger than this screen, far away.
    far = QWidget()
    qtbot.addWidget(far)
    far.setGeometry(room.right() + 1500, room.bottom() + 900, room.width() + 600,
                    room.height() + 400)
    geometry = bytes(far.saveGeometry().toBase64().data()).decode("ascii")
    SettingsService(main.session).save_window_layout({"geometry": geometry, "splitters": {}})
    ctrl = _restart(qtbot, ctrl, closed_profile, clock)
    main = ctrl.main_window
    frame = QRect(main.pos(), main.size())
    assert any(s.availableGeometry().contains(frame) for s in QGuiApplication.screens()), (
        frame, room)
    ctrl.dispose()


def test_window_layout_setting_is_hidden_and_checked(qtbot, closed_profile: Path,
                                                     clock) -> None:
    from desktop_app.domain import settings as reg

    spec = reg.BY_KEY[WINDOW_LAYOUT]
    assert not spec.shown and spec.owner is reg.Owner.WORKER
    ctrl = _controller(qtbot, closed_profile, clock)
    _unlock(qtbot, ctrl)
    service = SettingsService(ctrl.main_window.session)
    assert service.window_layout() == {}  # a fresh profile
    for bad in ({"geometry": "not base64!"}, {"splitters": {"gesprek": [-1, 5]}},
                {"geometry": "", "other": 1}, ["geometry"]):
        with pytest.raises(SettingRejected):
            service.save_window_layout(bad)
    # Written only when it changed: one logboek entry, not one per lock.
    layout = {"geometry": bytes(QByteArray(b"x" * 10).toBase64().data()).decode(),
              "splitters": {"gesprek": [200, 600, 300]}}
    assert service.save_window_layout(layout)
    assert not service.save_window_layout(layout)
    assert service.window_layout() == layout
    ctrl.dispose()


def test_bring_inside_moves_and_shrinks_a_window_only_when_it_is_off_the_screen(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    # Half off the right edge and taller than the screen.
    window.setGeometry(room.right() - 100, room.y() + 20, 400, room.height() + 200)
    window.show()
    qtbot.waitExposed(window)
    screen_fit.bring_inside(window)
    QApplication.processEvents()
    assert room.contains(window.frameGeometry()), (window.frameGeometry(), room)
    assert window.height() <= room.height() and window.width() == 400
    # A window that fits stays exactly where and as large as it is.
    window.setGeometry(room.x() + 10, room.y() + 10, 300, 200)
    QApplication.processEvents()
    before = window.geometry()
    screen_fit.bring_inside(window)
    assert window.geometry() == before
