"""`wijkteam-intake`: the GUI by default; sub-commands for administrators, support and tests.
Every sub-command exits non-zero with a one-line reason on failure."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app import __version__

if TYPE_CHECKING:
    import argparse

# Starting the program without arguments (the worker's double-click) goes straight to the
# window: argparse and the sub-commands' modules are imported only for sub-commands,
# because start-up time counts (DESIGN: ≤ 1.3 × a bare window).


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="wijkteam-intake",
        description="Wijkteam Intake: versleuteld notitieblok voor het keukentafelgesprek.",
        add_help=False,
    )
    # Our own -h, so its help is Dutch like the rest.
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser.add_argument("--version", action="version", version=f"wijkteam-intake {__version__}",
                        help="toon het versienummer en stop")
    parser.add_argument("--demo", action="store_true",
                        help="start met een tijdelijk demoprofiel met verzonnen inwoners")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="map met de profielen (standaard de app-data-map; "
                             "of WIJKTEAM_INTAKE_HOME)")
    # Only the commands a worker or an administrator uses are listed; the internal ones work
    # but are not shown (argparse would print them as "==SUPPRESS==").
    sub = parser.add_subparsers(dest="command", title="opdrachten",
                                metavar="{gui,doctor,demo,pending,bench,audit}")
    sub.add_parser("gui", help="start het programma (standaard)")
    sub.add_parser("doctor", help="controleer of deze computer klaar is voor gebruik")
    sub.add_parser("demo", help="start met een tijdelijk demoprofiel met verzonnen inwoners")
    sub.add_parser("pending", help="wat staat nog op deze laptop: over te dragen en te "
                                   "vernietigen (alleen aantallen, zonder ontgrendelen)")
    bench = sub.add_parser("bench", help="meet de prestaties (tabel uit het ontwerp)")
    bench.add_argument("--json", action="store_true", help="uitvoer als JSON")
    bench.add_argument("--quick", action="store_true", help="minder herhalingen (sneller)")
    for hidden in ("_qt-probe", "selftest"):
        sub.add_parser(hidden)
        sub._choices_actions = [a for a in sub._choices_actions if a.dest != hidden]
    _audit_parser(sub)
    parser._optionals.title = "opties"
    return parser


# -- `audit verify|export` (logboek for the privacy officer) ------------------------------------
def _audit_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    audit = sub.add_parser("audit", help="logboek controleren of exporteren (zonder inhoud)")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    for name, text in (("verify", "controleer de keten van het logboek"),
                       ("export", "exporteer het logboek als CSV")):
        p = audit_sub.add_parser(name, help=text)
        p.add_argument("--profiel", default="", help="naam of id van het profiel "
                                                     "(mag weg als er één profiel is)")
        p.add_argument("--wachtwoordzin-stdin", action="store_true",
                       help="lees de wachtwoordzin van de standaardinvoer (voor scripts)")
        if name == "export":
            p.add_argument("bestand", type=Path, help="CSV-bestand om te schrijven")
            p.add_argument("--vanaf", default=None, help="datum JJJJ-MM-DD (tot en met)")
            p.add_argument("--tot", default=None, help="datum JJJJ-MM-DD (tot en met)")
            p.add_argument("--actie", default="", help="alleen deze actie")
            p.add_argument("--object", default="", help="alleen dit dossier (code)")


def _read_passphrase(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    return getpass.getpass("Wachtwoordzin: ")


def run_audit(args: argparse.Namespace) -> tuple[int, list[str]]:
    import datetime as dt

    from desktop_app.services.audit_export import AuditFilter, cli_export, cli_verify
    from desktop_app.services.session import ProfileService

    service = ProfileService()
    if args.audit_command == "export":
        try:
            flt = AuditFilter(
                since=dt.date.fromisoformat(args.vanaf) if args.vanaf else None,
                until=dt.date.fromisoformat(args.tot) if args.tot else None,
                action=args.actie, obj=args.object)
        except ValueError:
            return 2, ["Fout: schrijf een datum als JJJJ-MM-DD."]
        passphrase = _read_passphrase(args.wachtwoordzin_stdin)
        return cli_export(service, args.profiel, passphrase, args.bestand, flt)
    passphrase = _read_passphrase(args.wachtwoordzin_stdin)
    return cli_verify(service, args.profiel, passphrase)


def _run_gui() -> int:
    from desktop_app.commands.display import display_problem

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from desktop_app.gui.shell.app import run_gui

    return run_gui()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv in ([], ["gui"]):
        return _run_gui()
    if argv == ["_keyring-helper"]:
        # The bundle's way to start vault/keyring_helper.py (a source install uses -m).
        from desktop_app.vault.keyring_helper import main as keyring_helper

        return keyring_helper()
    if argv == ["_start-probe"]:
        # The bench's way to time the start of the built bundle (commands/start_probe.py).
        from desktop_app.commands.start_probe import start_probe

        return start_probe()
    args = _parser().parse_args(argv)
    if args.data_dir is not None:
        os.environ["WIJKTEAM_INTAKE_HOME"] = str(args.data_dir)
    command = args.command or ("demo" if args.demo else "gui")
    try:
        if command == "gui":
            return _run_gui()
        if command == "pending":
            from desktop_app.services import destruction
            from desktop_app.vault.paths import data_root

            print("\n".join(destruction.pending_report(data_root())))
            return destruction.pending_exit_code(data_root())
        if command == "demo":
            from desktop_app.commands.demo import run_demo

            return run_demo()
        if command == "bench":
            from desktop_app.commands.bench import run_bench

            return run_bench(as_json=args.json, quick=args.quick)
        if command == "doctor":
            from desktop_app.commands.doctor import run_doctor
            from desktop_app.vault.paths import data_root

            code, lines = run_doctor(data_root())
            print("\n".join(lines))
            return code
        if command == "audit":
            code, lines = run_audit(args)
            print("\n".join(lines), file=sys.stdout if code == 0 else sys.stderr)
            return code
        if command == "selftest":
            from desktop_app.commands.selftest import run_selftest

            return run_selftest()
        if command == "_qt-probe":
            from desktop_app.commands.doctor import qt_probe

            print(json.dumps(qt_probe()))
            return 0
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    print(f"Onbekende opdracht: {command}", file=sys.stderr)
    return 2


def main_gui() -> int:
    # The windowed executable starts the program whatever it is given, except the keyring
    # helper (when the console executable is missing from the bundle folder).
    if sys.argv[1:] == ["_keyring-helper"]:
        return main(sys.argv[1:])
    return main(["gui"])
