"""The main window's state across a lock and a restart on a real X server (and under a real
window manager when tests/gui/test_screen_fit.py finds one): maximised stays maximised, a normal
window keeps its size and place, and the frame stays on the screen.

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
        python -m tests.gui.window_state_driver

A throwaway profile (real store, the keyring of the test session); the real AppController and
unlock window. Prints one JSON object with what it saw at each step."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("WIJKTEAM_INTAKE_KDF_MEMORY_KIB", str(8 * 1024))
os.environ.setdefault("WIJKTEAM_INTAKE_KDF_TIME_COST", "1")
os.environ.setdefault("WIJKTEAM_INTAKE_KEYRING_SERVICE", "Wijkteam Intake window state")

PASSPHRASE = "paarse-olifant-fietst-naar-zee"


def main() -> int:
    from desktop_app.gui.shared import screen_fit
    from desktop_app.gui.shell.app import AppController, create_application
    from desktop_app.gui.system.lock_monitor import UnavailableLockMonitor
    from desktop_app.services.session import ProfileService
    from desktop_app.vault.profiles import create_profile

    app = create_application([sys.argv[0]])

    def wait(condition: Callable[[], bool], seconds: float = 5.0) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            if condition():
                return True
            time.sleep(0.02)
        return condition()

    def settle(seconds: float = 0.6) -> None:
        # A window manager answers a map or a state change asynchronously.
        wait(lambda: False, seconds)

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="wi-state-") as folder:
        home = Path(folder)
        os.environ["WIJKTEAM_INTAKE_HOME"] = folder
        create_profile("Fictieve Medewerker", PASSPHRASE, root=home).close()

        def start() -> AppController:
            controller = AppController(ProfileService(home),
                                       lock_monitor=UnavailableLockMonitor("test"),
                                       idle_check_ms=600_000, monitor_delay_ms=0)
            controller.start()
            settle(0.3)
            return controller

        def unlock(controller: AppController) -> Any:
            window = controller.unlock_window
            window.passphrase_edit.setText(PASSPHRASE)
            window._unlock()
            assert wait(lambda: controller.main_window is not None
                        and controller.main_window.isVisible())
            settle()
            return controller.main_window

        def restart(controller: AppController) -> tuple[AppController, Any]:
            controller.main_window.close()  # as Bestand → Afsluiten
            controller.dispose()
            screen_fit.load_layout_state({})  # a new process remembers nothing
            fresh = start()
            return fresh, unlock(fresh)

        def seen(window: Any) -> dict[str, Any]:
            room = window.screen().availableGeometry()
            frame = window.frameGeometry()
            return {"maximized": window.isMaximized(), "size": [window.width(), window.height()],
                    "frame": list(frame.getRect()), "room": list(room.getRect()),
                    "inside": room.contains(frame)}

        controller = start()
        window = unlock(controller)
        out["first"] = seen(window)

        def kept_across_lock_and_restart(name: str) -> None:
            nonlocal controller, window
            out[name] = seen(window)
            controller.lock()
            window = unlock(controller)
            out[f"{name}_after_lock"] = seen(window)
            controller, window = restart(controller)
            out[f"{name}_after_restart"] = seen(window)

        window.showMaximized()
        wait(window.isMaximized)
        settle()
        kept_across_lock_and_restart("maximized")
        window.showNormal()
        wait(lambda: not window.isMaximized())
        settle()
        room = window.screen().availableGeometry()
        window.resize(room.width() * 2 // 3, room.height() * 2 // 3)
        window.move(room.x() + 60, room.y() + 40)
        settle()
        kept_across_lock_and_restart("normal")
        window.close()
        controller.dispose()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
