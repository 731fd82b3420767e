"""`wijkteam-intake demo`: the program on a throwaway profile filled with fictional residents,
so a newcomer can explore. The profile, its store and its keyring entries are removed on exit."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sys
import tempfile
from pathlib import Path

_WORDS = ("appel", "fiets", "molen", "tulp", "dijk", "kaas", "polder", "gracht", "klomp",
          "haring", "duin", "wolk", "sluis", "boot", "zon", "regen")


def demo_passphrase() -> str:
    return "-".join(secrets.choice(_WORDS) for _ in range(4)) + f"-{secrets.randbelow(100)}"


def _quit_on_terminate() -> None:
    """SIGTERM (a closed terminal, `timeout`, a logout) must still wipe the demo profile: quit
    the Qt loop so the cleanup below runs. Qt's loop holds the interpreter, so a short timer
    lets Python run its signal handler."""
    import signal

    from PySide6.QtCore import QCoreApplication, QTimer

    from desktop_app.gui.shell.app import create_application

    create_application()  # the timer needs the application's event loop

    def quit_app(*_args: object) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.quit()

    signal.signal(signal.SIGTERM, quit_app)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, quit_app)
    ticker = QTimer()
    ticker.setInterval(250)
    ticker.timeout.connect(lambda: None)
    ticker.start()
    _keep.append(ticker)


_keep: list[object] = []


def run_demo() -> int:
    from desktop_app.commands.display import display_problem

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    home = Path(tempfile.mkdtemp(prefix="wijkteam-intake-demo-"))
    os.environ["WIJKTEAM_INTAKE_HOME"] = str(home)
    # Demo secrets under their own keyring service name, apart from real profiles.
    os.environ.setdefault("WIJKTEAM_INTAKE_KEYRING_SERVICE", "Wijkteam Intake demo")
    from desktop_app.messages import MessageError
    from desktop_app.services.demo import fill_demo_profile
    from desktop_app.services.session import ProfileService
    from desktop_app.vault import secrets as device_secrets

    passphrase = demo_passphrase()
    entries: list[str] = []
    try:
        try:
            session = ProfileService(home).create("Demo Medewerker (fictief)", passphrase,
                                                  passphrase)
        except MessageError as err:
            print("Demo kan niet starten: " + err.render("nl").replace("\n", " "),
                  file=sys.stderr)
            return 1
        entries.append(session.profile.header.current.secret_entry)
        showcase = fill_demo_profile(session)
        session.lock()
        print("Wijkteam Intake — demo met verzonnen inwoners (alles is fictief).")
        print("  Profiel:        Demo Medewerker (fictief)")
        print(f"  Wachtwoordzin:  {passphrase}")
        print("  Gegevensverzoeken en toestemmingsverklaringen in alle stappen: open "
              + ", ".join(showcase.names[:-1]) + " of " + showcase.names[-1] + ".")
        print("  Na afsluiten wordt het demoprofiel gewist.")
        sys.stdout.flush()
        from desktop_app.gui.shell.app import run_gui

        _quit_on_terminate()
        try:
            return run_gui(root=home)
        finally:
            for timer in _keep:
                timer.stop()  # type: ignore[attr-defined]
            _keep.clear()  # Qt objects must not outlive the application
    finally:
        for header in home.glob("profiles/*/profiel.json"):
            with contextlib.suppress(Exception):
                from desktop_app.vault.header import read_header

                h, _ = read_header(header, header.with_name("profiel.reserve.json"))
                entries.append(h.current.secret_entry)
        for entry in set(entries):
            with contextlib.suppress(MessageError):
                device_secrets.delete_secret(entry)
        shutil.rmtree(home, ignore_errors=True)
