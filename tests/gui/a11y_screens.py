"""Every screen of the program built as a worker meets it, for the accessibility tests: the
unlock/create-profile window, the main window (caseload, intake tabs, logboek, instellingen,
overdracht voor afwezigheid) and each dialog, against a real encrypted profile.

`build(name, ctx)` returns the shown, active top-level window, with focus where the screen puts
it. The intake screens use one intake about a fictional 14-year-old with two parents (from the
consent service tests) with a request to the huisarts and one to the school."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop_app.services.session import ProfileService, Session

MAIN_SCREENS = ["caseload", "gesprek", "gegevensverzoeken", "toestemming", "verslag-inwoner",
                "overdracht", "logboek", "instellingen", "handover"]
DIALOG_SCREENS = ["nieuwe_intake", "verzoek_dialoog", "weging", "verklaring_samenstellen",
                  "verklaring_getekend", "verklaring_ingetrokken", "verklaring_scherm",
                  "wachtwoordzin"]
UNLOCK_SCREENS = ["ontgrendelen", "profiel_aanmaken"]
ALL_SCREENS = UNLOCK_SCREENS + MAIN_SCREENS + DIALOG_SCREENS
INTAKE_TABS = {"gegevensverzoeken": 1, "toestemming": 2, "verslag-inwoner": 3,
               "overdracht": 4}
SIZE = (1280, 800)


@dataclass
class Ctx:
    qtbot: Any
    session: Session
    data_home: Path
    clock: Any
    tmp_path: Path
    keep: list[Any] = field(default_factory=list)
    intake_id: str = ""
    huisarts_id: str = ""
    request_ids: dict[str, str] = field(default_factory=dict)


@contextlib.contextmanager
def screen_context(qtbot: Any, profile: Any, data_home: Path, clock: Any, tmp_path: Path, *,
                   style: bool = True) -> Iterator[Ctx]:
    """What every screen test starts from: the product's style and a session on the test
    profile, locked afterwards (tests/gui/conftest.py `ctx`)."""
    if style:
        from desktop_app.gui.shared.style import apply_style

        apply_style(QApplication.instance())
    session = Session(profile)
    try:
        yield Ctx(qtbot, session, data_home, clock, tmp_path)
    finally:
        if session.is_open:
            session.lock()


def activate(qtbot: Any, window: QWidget) -> QWidget:
    window.show()
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    QApplication.processEvents()
    return window


def consent_intake(ctx: Ctx) -> str:
    if not ctx.intake_id:
        # Made through the services, with every setting a statement needs (issue 14: FG,
        # privacy statement, retention), so the consent dialogs can be opened for real.
        from tests.gui.consent_setup import intake_14

        intake_id, requests = intake_14(ctx.session)
        ctx.intake_id, ctx.huisarts_id = intake_id, requests["huisarts"]
        ctx.request_ids = requests
    return ctx.intake_id


def printed_statement(ctx: Ctx, *, signed: bool = False) -> str:
    """A printed statement for the GP and the youth-care provider; `signed`: everyone signed
    and said Ja, so it can be withdrawn."""
    from desktop_app.domain.consent import Choice, SignerRecord
    from desktop_app.services.consent import ConsentService

    intake_id = consent_intake(ctx)
    service = ConsentService(ctx.session)
    chosen = [ctx.request_ids["huisarts"], ctx.request_ids["jeugd"], ctx.request_ids["school"]]
    statement_id = service.create(intake_id, service.compose(intake_id, chosen))
    service.mark_printed(statement_id)
    if signed:
        day = ctx.session.now().astimezone().date()
        summary = service.summary(statement_id)
        service.record_signed(statement_id, [
            SignerRecord(s.index, True, day, {i.index: Choice.JA for i in summary.items
                                              if s.index in i.deciders})
            for s in summary.signer_list])
    return statement_id


def main_window(ctx: Ctx) -> QMainWindow:
    from desktop_app.gui.shell.main_window import MainWindow

    window = MainWindow(ctx.session)
    ctx.qtbot.addWidget(window)
    window.resize(*SIZE)
    return window


def build(name: str, ctx: Ctx) -> QWidget:
    qtbot = ctx.qtbot
    if name in UNLOCK_SCREENS:
        from desktop_app.gui.unlock.unlock_window import UnlockWindow

        root = ctx.data_home if name == "ontgrendelen" else ctx.tmp_path / "nog-geen-profiel"
        window = UnlockWindow(ProfileService(root, ctx.clock))
        qtbot.addWidget(window)
        window.resize(560, 600)
        activate(qtbot, window)
        page = window.unlock_page if name == "ontgrendelen" else window.create_page
        assert window.pages.currentWidget() is page
        if QApplication.focusWidget() is None:
            window.focusNextChild()
        return window
    if name in MAIN_SCREENS:
        from desktop_app.services.intakes import IntakeService

        if name in ("caseload", "handover"):
            intakes = IntakeService(ctx.session)
            for resident in ("Fictief: Anna Jansen", "Fictief: Mehmet Yılmaz"):
                intakes.start_intake(resident, dt.date(1980, 5, 17))
        if name == "logboek":
            IntakeService(ctx.session).start_intake("Fictief: Olga Ivanova")
        window = main_window(ctx)
        activate(qtbot, window)
        if name in ("gesprek", *INTAKE_TABS):
            window.open_intake(consent_intake(ctx))
            view = window.intake_view
            assert view is not None
            if name in INTAKE_TABS:
                view.tabs.setCurrentIndex(INTAKE_TABS[name])
                view.tabs.tabBar().setFocus()
        elif name == "logboek":
            window.show_logbook()
        elif name == "instellingen":
            window.show_settings()
        elif name == "handover":
            window.show_handover()
        QApplication.processEvents()
        return window
    # -- dialogs, shown non-modal so the test can walk them
    if name == "nieuwe_intake":
        from desktop_app.gui.caseload.caseload_view import NewIntakeDialog

        dialog: QWidget = NewIntakeDialog()
    elif name == "verzoek_dialoog":
        from desktop_app.gui.data_requests.data_request_dialog import DataRequestDialog
        from desktop_app.services.data_requests import DataRequestService

        dialog = DataRequestDialog(DataRequestService(ctx.session), consent_intake(ctx))
    elif name == "weging":
        from desktop_app.gui.data_requests.weighing_wizard import WeighingWizard
        from desktop_app.services.data_requests import DataRequestService

        consent_intake(ctx)
        dialog = WeighingWizard(DataRequestService(ctx.session), ctx.huisarts_id)
    elif name == "verklaring_samenstellen":
        from desktop_app.gui.consent.consent_dialogs import ComposeDialog
        from desktop_app.services.consent import ConsentService

        dialog = ComposeDialog(ConsentService(ctx.session), consent_intake(ctx))
    elif name in ("verklaring_getekend", "verklaring_ingetrokken"):
        from desktop_app.gui.consent.consent_dialogs import SignedDialog, WithdrawnDialog
        from desktop_app.services.consent import ConsentService

        signed = name == "verklaring_ingetrokken"
        service = ConsentService(ctx.session)
        summary = service.summary(printed_statement(ctx, signed=signed))
        day = ctx.session.now().astimezone().date()
        dialog = (WithdrawnDialog(service, summary, day) if signed
                  else SignedDialog(service, summary, day))
        if not signed:
            # As the worker meets it once everyone is ticked: every choice can be reached.
            for column in dialog.columns:
                if column.signed is not None:
                    column.signed.setChecked(True)
    elif name == "verklaring_scherm":
        from desktop_app.gui.consent.sign_on_screen import SignOnScreenDialog
        from desktop_app.services.consent import ConsentService

        intake_id = consent_intake(ctx)
        service = ConsentService(ctx.session)
        statement_id = service.create(intake_id, service.compose(intake_id))
        sign = SignOnScreenDialog(service, service.prepare_screen_signing(statement_id),
                                  lambda: ctx.session.now().astimezone())
        # The page where the most is done by keyboard: a signer's Ja/Nee and Opnieuw.
        sign.go_to_signer(0)
        dialog = sign
    elif name == "wachtwoordzin":
        from desktop_app.gui.side.passphrase_dialog import PassphraseDialog

        dialog = PassphraseDialog(ctx.session)
    else:
        raise AssertionError(f"unknown screen {name}")
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    return dialog
