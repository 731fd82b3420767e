"""Screenshots of the consent screens on a given virtual screen, and a check that every dialog
fits it (DESIGN.md "Real laptops": 1366x768 at 100 %, 1920x1080 at 150 %).

Run in a process of its own, because the screen size and the scale factor are fixed when Qt
starts (tests/gui/test_consent_screens.py does that for both screens):

    QT_QPA_PLATFORM=offscreen:configfile=<screen.json> QT_SCALE_FACTOR=1.5 \\
        python -m tests.gui.consent_shots <output folder> <name suffix>

It makes a throwaway profile (real SQLCipher store, the real keyring of the test session) in a
temporary folder with fictional residents, shows each dialog as a worker meets it, checks that
it lies inside the available screen with its buttons visible, and saves `widget.grab()` as PNG.
Prints one line per screenshot; exits non-zero with the reasons when something does not fit.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("WIJKTEAM_INTAKE_KDF_MEMORY_KIB", str(8 * 1024))
os.environ.setdefault("WIJKTEAM_INTAKE_KDF_TIME_COST", "1")
os.environ.setdefault("WIJKTEAM_INTAKE_KEYRING_SERVICE", "Wijkteam Intake screenshots")

from PySide6.QtCore import QEvent, QRect
from PySide6.QtWidgets import QApplication, QPushButton, QWidget


class Clock:
    """A fixed clock, so the dates in the screenshots do not depend on the day they are made."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


def fits(widget: QWidget, problems: list[str], name: str) -> None:
    """The widget lies inside the available screen; every visible button inside the widget."""
    screen = widget.screen().availableGeometry()
    frame = widget.frameGeometry()
    if not screen.contains(frame):
        problems.append(f"{name}: {frame.width()}x{frame.height()} at ({frame.x()},{frame.y()})"
                        f" lies outside the screen {screen.width()}x{screen.height()}")
    inside = QRect(0, 0, widget.width(), widget.height())
    for button in widget.findChildren(QPushButton):
        if not button.isVisible():
            continue
        rect = QRect(button.mapTo(widget, button.rect().topLeft()), button.size())
        if not inside.contains(rect):
            problems.append(f"{name}: button {button.text()!r} lies outside the window")


def show(app: QApplication, widget: QWidget) -> None:
    widget.show()
    screen = widget.screen().availableGeometry()
    # Centred as a window manager would place a dialog.
    widget.move(screen.x() + max(0, (screen.width() - widget.width()) // 2),
                screen.y() + max(0, (screen.height() - widget.height()) // 2))
    for _ in range(5):
        app.processEvents()


def shoot(app: QApplication, widget: QWidget, folder: Path, name: str, suffix: str,
          problems: list[str]) -> None:
    show(app, widget)
    fits(widget, problems, name)
    path = folder / f"{name}-{suffix}.png"
    if not widget.grab().save(str(path)):
        problems.append(f"{name}: could not save {path}")
    print(f"{path} {widget.width()}x{widget.height()}")


def main(folder: Path, suffix: str) -> int:
    from desktop_app.gui.shared.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_style(app)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wi-shots-") as home:
        os.environ["WIJKTEAM_INTAKE_HOME"] = home
        problems = _screens(app, Path(home), folder, suffix)
    for problem in problems:
        print("NOT OK:", problem)
    return 1 if problems else 0


def _screens(app: QApplication, home: Path, folder: Path, suffix: str) -> list[str]:
    from desktop_app.domain.consent import Choice
    from desktop_app.gui.consent.consent_dialogs import (
        ComposeDialog,
        SignedDialog,
        WithdrawnDialog,
    )
    from desktop_app.gui.consent.consent_panel import ConsentPanel
    from desktop_app.gui.data_requests.data_request_dialog import DataRequestDialog
    from desktop_app.gui.data_requests.informing_dialog import InformingDialog
    from desktop_app.gui.side.settings_view import SettingsView
    from desktop_app.services.consent import ConsentService
    from desktop_app.services.data_requests import DataRequestService
    from desktop_app.services.session import Session
    from desktop_app.services.settings import DPO_NAME
    from desktop_app.vault.profiles import create_profile
    from tests.gui import consent_setup as setup

    problems: list[str] = []
    clock = Clock()
    profile = create_profile("Fictieve Medewerker", "paarse-olifant-fietst-naar-zee",
                             root=home, clock=clock)
    session = Session(profile)
    try:
        service = ConsentService(session)
        keep: list[QWidget] = []

        # -- the composer: a 14-year-old with two parents with custody
        intake_id, requests = setup.intake_14(session)
        compose = ComposeDialog(service, intake_id)
        keep.append(compose)
        shoot(app, compose, folder, "samenstellen-14-jaar", suffix, problems)
        if not compose.ok_button.isEnabled():
            problems.append("samenstellen-14-jaar: not ready: " + compose.problems_label.text())
        compose.close()

        # -- the signed dialog: the young person and both parents; one parent says Nee
        chosen = [requests["huisarts"], requests["jeugd"], requests["school"]]
        statement_id = service.create(intake_id, service.compose(intake_id, chosen))
        service.mark_printed(statement_id)
        summary = service.summary(statement_id)
        signed = SignedDialog(service, summary, setup.today(session))
        keep.append(signed)
        jeugd = next(i.index for i in summary.items if i.request_id == requests["jeugd"])
        for column in signed.columns:
            assert column.signed is not None
            column.signed.setChecked(True)
            for index, cell in column.cells.items():
                refuses = column.index == 2 and index == jeugd
                cell.buttons[Choice.NEE if refuses else Choice.JA].setChecked(True)
        shoot(app, signed, folder, "getekend-drie-ondertekenaars", suffix, problems)
        signed._record()
        if not signed.error.isHidden():
            problems.append("getekend: refused: " + signed.error.text())

        # -- the panel after recording: per item what the paper allows
        panel = ConsentPanel(session, intake_id)
        keep.append(panel)
        room = panel.screen().availableGeometry()
        panel.resize(min(1240, room.width() - 24), min(720, room.height() - 64))
        shoot(app, panel, folder, "toestemming-na-tekenen", suffix, problems)

        # -- withdrawal of one item
        summary = service.summary(statement_id)
        withdrawn = WithdrawnDialog(service, summary, setup.today(session))
        keep.append(withdrawn)
        withdrawn.item_boxes[0][1].setChecked(True)
        shoot(app, withdrawn, folder, "ingetrokken", suffix, problems)

        # -- the age on the signing date: a 15-year-old signs on the 16th birthday
        young_id, young = setup.intake_14(session, birth=dt.date(2010, 11, 25), settings=False)
        young_statement = service.create(young_id, service.compose(young_id, [young["huisarts"]]))
        service.mark_printed(young_statement)
        clock.now += dt.timedelta(days=3)
        late = SignedDialog(service, service.summary(young_statement), setup.today(session))
        keep.append(late)
        late.columns[0].signed.setChecked(True)
        late._record()
        if late.error.isHidden():
            problems.append("getekend-16: the service did not refuse the signing date")
        shoot(app, late, folder, "getekend-leeftijd-16", suffix, problems)
        clock.now -= dt.timedelta(days=3)

        # -- the composer: an adult who cannot judge this, a mentor and a bewindvoerder
        adult_id, _adult = setup.intake_adult(session)
        adult_compose = ComposeDialog(service, adult_id)
        keep.append(adult_compose)
        for row in adult_compose.rows:
            row.box.setChecked(True)
        adult_compose.capable_no.setChecked(True)
        adult_compose.bewindvoerder_edit.setText(setup.BEWINDVOERDER)
        adult_compose.own_view.setPlainText("Fictief: vindt het goed als de huisarts helpt.")
        shoot(app, adult_compose, folder, "samenstellen-volwassene-vertegenwoordigd", suffix,
              problems)
        if not adult_compose.ok_button.isEnabled():
            problems.append("samenstellen-volwassene: not ready: "
                            + adult_compose.problems_label.text())
        # The same composer before the capacity question is answered.
        adult_first = ComposeDialog(service, adult_id)
        keep.append(adult_first)
        shoot(app, adult_first, folder, "samenstellen-volwassene-vraag", suffix, problems)

        # -- data requests: the real name, informing for toetsing
        requests_service = DataRequestService(session)
        request_dialog = DataRequestDialog(requests_service, intake_id,
                                           row=requests_service.get(requests["huisarts"]))
        keep.append(request_dialog)
        shoot(app, request_dialog, folder, "verzoek-echte-naam", suffix, problems)
        informing = InformingDialog(requests_service, requests["school"])
        keep.append(informing)
        shoot(app, informing, folder, "informeren-toetsing", suffix, problems)

        # -- settings: the privacy information of the statement
        settings = SettingsView(session)
        keep.append(settings)
        settings.resize(min(1240, room.width() - 24), min(720, room.height() - 64))
        show(app, settings)
        settings._scroll.ensureWidgetVisible(settings.fields[DPO_NAME], 0, 200)
        shoot(app, settings, folder, "instellingen", suffix, problems)
        # Deleted here, while the store is open and before Python tears down the wrappers
        # in an arbitrary order at exit.
        for widget in keep:
            widget.close()
            widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    finally:
        session.lock()
    return problems


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "shot"))
