"""Issue 19 on screen, with the real store and form: the six-week deadline on the caseload
(marked, sortable, not for transferred intakes); "Klaar voor overdracht" refused with the list
of what is missing in a dialog whose items go to the question; the transfer tab closed while
the intake is a concept; the consent summary in "Gegevens en toestemming" derived from the data
requests. Screenshots at 1366x768 go to artifacts/screenshots/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.domain.vocabulary import Basis, Direction
from desktop_app.gui.caseload.caseload_view import DEADLINE_COLUMN
from desktop_app.gui.intake.readiness_dialog import ReadinessDialog
from desktop_app.gui.shared.style import ERROR, WARNING
from desktop_app.gui.shell.main_window import MainWindow
from desktop_app.services.data_requests import DataRequestService
from desktop_app.services.demo import complete_answers, make_ready
from desktop_app.services.transfer import TransferChecklist, TransferService
from tests.gui.test_intake_flow import window
from tests.gui.test_weighing_wizard import when_modal

__all__ = ["window"]  # the main-window fixture, shared with the intake flow tests

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def _shoot(widget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SCREENSHOTS / name))


def test_deadline_on_the_caseload(qtbot, window: MainWindow) -> None:
    intakes = window.intakes
    today = intakes.session.now().astimezone().date()
    ids = {}
    for name, days_ago in (("Ayşe Yılmaz (fictief)", 45), ("Jan de Vries (fictief)", 38),
                           ("Noah Bakker (fictief)", 3), ("Sanne Jansen (fictief)", None)):
        ids[name] = intakes.start_intake(name)
        if days_ago is not None:
            intakes.save_answers(ids[name], {"hulpvraag_wet": ["wmo"], "melding_datum": (
                today - dt.timedelta(days=days_ago)).isoformat()})
    done = intakes.start_intake("Fatima El Amrani (fictief)")
    intakes.save_answers(done, {"hulpvraag_wet": ["wmo"], "melding_datum": (
        today - dt.timedelta(days=60)).isoformat()})
    make_ready(intakes, done)
    TransferService(intakes.session).confirm_transfer(
        done, TransferChecklist("TOP-2026-00417", True, True, True))
    window.resize(1366, 768)
    caseload = window.caseload
    caseload.refresh()
    model = caseload.proxy
    assert model.headerData(DEADLINE_COLUMN, Qt.Orientation.Horizontal) == (
        "Onderzoek klaar vóór")

    def cell(name: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
        for row in range(model.rowCount()):
            if model.index(row, 0).data() == name:
                return model.index(row, DEADLINE_COLUMN).data(role)
        raise AssertionError(name)

    late = (today - dt.timedelta(days=45) + dt.timedelta(weeks=6)).strftime("%d-%m-%Y")
    assert cell("Ayşe Yılmaz (fictief)") == f"{late} — te laat"
    assert cell("Ayşe Yılmaz (fictief)", Qt.ItemDataRole.ForegroundRole).name() == ERROR.lower()
    assert cell("Jan de Vries (fictief)").endswith("— nog 4 dagen")
    assert cell("Jan de Vries (fictief)", Qt.ItemDataRole.ForegroundRole).name() == (
        WARNING.lower())
    later = (today + dt.timedelta(days=39)).strftime("%d-%m-%Y")
    assert cell("Noah Bakker (fictief)") == later
    assert cell("Noah Bakker (fictief)", Qt.ItemDataRole.ForegroundRole) is None
    assert cell("Sanne Jansen (fictief)") == "—"
    assert cell("Fatima El Amrani (fictief)") == "—"  # transferred: no deadline
    # Sortable by the header: soonest first, those without a deadline last.
    caseload.table.sortByColumn(DEADLINE_COLUMN, Qt.SortOrder.AscendingOrder)
    order = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert order[:3] == ["Ayşe Yılmaz (fictief)", "Jan de Vries (fictief)",
                         "Noah Bakker (fictief)"]
    assert set(order[3:]) == {"Sanne Jansen (fictief)", "Fatima El Amrani (fictief)"}
    # The whole text fits in its column.
    header = caseload.table.horizontalHeader()
    metrics = caseload.table.fontMetrics()
    assert metrics.horizontalAdvance(str(cell("Jan de Vries (fictief)"))) < header.sectionSize(
        DEADLINE_COLUMN)
    qtbot.wait(50)
    _shoot(window, "caseload-deadline-1366x768.png")


def test_ready_refused_with_the_list_then_accepted(qtbot, window: MainWindow) -> None:
    intakes = window.intakes
    intake_id = intakes.start_intake("Kees van Dijk (fictief)", dt.date(1968, 3, 1))
    yesterday = intakes.session.now().astimezone().date() - dt.timedelta(days=1)
    intakes.save_answers(intake_id, {"bezoek_datum": yesterday.isoformat(), "hulpvraag":
                                     "Ik kom de trap niet meer op (fictief)."})
    window.resize(1366, 768)
    window.open_intake(intake_id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.intake_view
    assert view is not None
    seen: dict[str, object] = {}

    def in_dialog(dialog: ReadinessDialog) -> None:
        seen["items"] = [b.label.text() for b in dialog.item_buttons]
        seen["fits"] = dialog.width() <= 1366 and dialog.height() <= 768
        _shoot(dialog, "readiness-dialog-1366x768.png")
        target = next(b for b in dialog.item_buttons
                      if b.label.text() == "Nog niet ingevuld: Datum van de melding")
        target.click()

    when_modal(ReadinessDialog, in_dialog)
    view.ready_button.click()
    items = seen["items"]
    assert isinstance(items, list)
    assert "Nog niet ingevuld: Datum van de melding" in items
    assert not any("hulpvraag in de woorden" in i for i in items)  # answered
    identity = view.form.field("identiteit_vastgesteld").label.nl
    assert f"Nog niet ingevuld: {identity}" in items
    assert seen["fits"]
    assert view.draft.status == "concept"
    # The item took the worker to the question.
    assert view.tabs.currentIndex() == 0
    current = view.section_list.currentItem().data(Qt.ItemDataRole.UserRole)
    assert current == "bezoek"
    editor = view.editors["melding_datum"]
    # The window's focus widget (offscreen, no window manager makes it active again).
    qtbot.waitUntil(lambda: window.focusWidget() is editor.focus_target(), timeout=2000)

    # The transfer tab is closed while the intake is a concept, and says how to go on.
    transfer = view.panel(3)
    assert transfer.columns.isHidden() and not transfer.not_ready_card.isHidden()
    assert "nog een concept" in transfer.not_ready_label.text()
    view.tabs.setCurrentWidget(transfer)
    qtbot.wait(50)
    _shoot(window, "transfer-concept-1366x768.png")
    view.tabs.setCurrentIndex(0)

    # Completed (as the worker would, here through the service), it is accepted.
    view.writer.flush()
    make_ready(intakes, intake_id)
    intakes.set_status(intake_id, "concept")
    window.open_intake(intake_id)
    view = window.intake_view
    assert view is not None
    view.ready_button.click()
    assert view.draft.status == "klaar_voor_overdracht"
    assert "concept" in view.ready_button.text().replace("&", "").lower()
    transfer = view.panel(3)
    assert transfer.not_ready_card.isHidden() and not transfer.columns.isHidden()
    view.ready_button.click()  # back to concept stays possible
    assert view.draft.status == "concept"
    assert not transfer.not_ready_card.isHidden()


def test_consent_summary_in_the_conversation(qtbot, window: MainWindow) -> None:
    intakes = window.intakes
    intake_id = intakes.start_intake("Lotte Meijer (fictief)", dt.date(2012, 5, 1))
    requests = DataRequestService(intakes.session)
    for organisation_id, named, basis in (
            ("huisarts", "Huisartsenpraktijk De Linde (fictief)", Basis.VERDIEPING),
            ("school", "Het Voorbeeld College (fictief)", Basis.TOETSING)):
        organisation = requests.catalogue().get(organisation_id)
        assert organisation is not None
        requests.create_request(intake_id, direction=Direction.REQUEST_FROM,
                                organisation=organisation, purpose="Passende hulp (fictief).",
                                items=("Verslag",), basis=basis, organisation_named=named)
    window.resize(1366, 768)
    window.open_intake(intake_id)
    view = window.intake_view
    assert view is not None
    row = next(r for r in range(view.section_list.count())
               if view.section_list.item(r).data(Qt.ItemDataRole.UserRole)
               == "gegevens_toestemming")
    view.section_list.setCurrentRow(row)
    summary = view.consent_summary
    assert summary is not None and summary.isVisible()
    assert [line.request_id for line in summary.lines] == [
        r.id for r in requests.list_requests(intake_id)]
    shown = [w.text() for w in summary.findChildren(type(view.title))
             if w.property("consentLine")]
    assert len(shown) == 2
    assert "Huisartsenpraktijk De Linde (fictief)" in shown[0]
    assert "handtekening nodig" in shown[0] and "medisch beroepsgeheim (BIG)" in shown[0]
    assert "nog niet afgewogen" in shown[1] and "wettelijke taak" in shown[1]
    # The form's own consent questions are gone (form version 4): nothing to type here.
    assert not {"mondelinge_toestemming", "beroepsgeheim"} & {f.id for f in view.form.fields}
    qtbot.wait(50)
    _shoot(window, "consent-summary-1366x768.png")
    summary.button.click()
    assert view.tabs.currentWidget() is view.data_requests_panel()


def test_an_unweighed_request_item_opens_the_request(qtbot, window: MainWindow) -> None:
    intakes = window.intakes
    intake_id = intakes.start_intake("Nadia Haddad (fictief)", dt.date(1992, 8, 8))
    form = intakes.forms.current()
    today = intakes.session.now().astimezone().date()
    answers = complete_answers(form, {"inwoner_naam": "Nadia Haddad (fictief)",
                                      "inwoner_geboortedatum": "1992-08-08",
                                      "gegevens_nodig": True}, today)
    intakes.save_answers(intake_id, answers)
    requests = DataRequestService(intakes.session)
    organisation = requests.catalogue().get("huisarts")
    assert organisation is not None
    request_id = requests.create_request(
        intake_id, direction=Direction.REQUEST_FROM, organisation=organisation,
        purpose="Passende hulp (fictief).", items=("Medicatielijst",), basis=Basis.VERDIEPING)
    window.open_intake(intake_id)
    view = window.intake_view
    assert view is not None
    seen: dict[str, object] = {}

    def in_dialog(dialog: ReadinessDialog) -> None:
        seen["items"] = [b.accessibleName() for b in dialog.item_buttons]
        dialog.item_buttons[0].click()

    when_modal(ReadinessDialog, in_dialog)
    view.ready_button.click()
    assert seen["items"] == ["Gegevensverzoeken: Huisarts: Maak eerst de afweging voor dit "
                             "verzoek."]
    panel = view.data_requests_panel()
    assert view.tabs.currentWidget() is panel
    assert panel.selected_row().id == request_id
    assert view.draft.status == "concept"


def test_a_change_after_ready_shows_concept_again(qtbot, window: MainWindow) -> None:
    intakes = window.intakes
    intake_id = intakes.start_intake("Dewi Pattiasina (fictief)", dt.date(1990, 7, 7))
    make_ready(intakes, intake_id)
    window.resize(1366, 768)
    window.open_intake(intake_id)
    view = window.intake_view
    assert view is not None
    assert view.status_label.text() == "Klaar voor overdracht"
    transfer = view.panel(3)
    assert transfer.not_ready_card.isHidden()
    # The worker adds a sentence to the request for help: the autosave stores it.
    view.go_to_field("hulpvraag")
    target = view.editors["hulpvraag"].focus_target()
    qtbot.keyClicks(target, " En de tuin.")
    qtbot.waitUntil(lambda: not window.writer.has_pending(), timeout=5000)
    qtbot.waitUntil(lambda: view.draft.status == "concept", timeout=5000)
    assert view.status_label.text().startswith("Concept — gewijzigd na klaar voor overdracht")
    assert view.status_label.objectName() == "notice"
    assert view.ready_button.text().replace("&", "") == "Klaar voor overdracht"
    assert not transfer.not_ready_card.isHidden()  # the transfer tab closed again
    _shoot(view.status_label.parentWidget(), "changed-after-ready.png")
    view.ready_button.click()  # checked again, and ready: the notice goes
    assert view.draft.status == "klaar_voor_overdracht"
    assert view.status_label.objectName() == "hint"


def test_the_form_version_item_offers_the_move(qtbot, window: MainWindow,
                                               tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.services.forms import FormRegistry
    from tests.gui.test_intake_flow import newer_form_folder

    intakes = window.intakes
    intake_id = intakes.start_intake("Dewi Pattiasina (fictief)", dt.date(1990, 7, 7))
    make_ready(intakes, intake_id)
    intakes.set_status(intake_id, "concept")
    intakes.forms = FormRegistry(newer_form_folder(tmp_path))  # version 5 published
    answers: list[str] = []

    def answer(move: bool, tries: int = 100) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, ReadinessDialog):
            answers.append("dialog:" + "|".join(b.label.text() for b in box.item_buttons))
            box.item_buttons[0].click()
            QTimer.singleShot(50, lambda: answer(True))
            return
        if not isinstance(box, QMessageBox):
            if tries:
                QTimer.singleShot(50, lambda: answer(move, tries - 1))
            return
        answers.append("question")
        chosen = next(b for b in box.buttons() if ("Overstappen" in b.text()) == move)
        chosen.click()

    QTimer.singleShot(50, lambda: answer(False))
    window.open_intake(intake_id)  # keeps version 4 for now
    view = window.intake_view
    assert view is not None and view.form.version == 4
    QTimer.singleShot(50, lambda: answer(False))
    view.ready_button.click()
    qtbot.waitUntil(lambda: window.intake_view is not view and window.intake_view is not None
                    and window.intake_view.form.version == 5, timeout=5000)
    assert answers[0] == "question"
    assert answers[1].startswith("dialog:Dit concept gebruikt nog versie 4 van het formulier.")
    assert answers[2] == "question"
    moved = window.intake_view
    assert moved is not None
    moved.ready_button.click()  # nothing else was missing
    assert moved.draft.status == "klaar_voor_overdracht"


def test_a_new_request_after_ready_shows_on_the_next_tab(qtbot, window: MainWindow) -> None:
    intakes = window.intakes
    intake_id = intakes.start_intake("Kees van Dijk (fictief)", dt.date(1968, 3, 1))
    make_ready(intakes, intake_id)
    window.open_intake(intake_id)
    view = window.intake_view
    assert view is not None and view.draft.status == "klaar_voor_overdracht"
    requests = DataRequestService(intakes.session)
    organisation = requests.catalogue().get("huisarts")
    assert organisation is not None
    # As the data requests tab would: a request recorded after klaar voor overdracht.
    requests.create_request(intake_id, direction=Direction.REQUEST_FROM,
                            organisation=organisation, purpose="Passende hulp (fictief).",
                            items=("Medicatielijst",), basis=Basis.VERDIEPING)
    transfer = view.panel(3)
    view.tabs.setCurrentWidget(transfer)
    assert view.draft.status == "concept"
    assert view.status_label.text().startswith("Concept — gewijzigd na klaar voor overdracht")
    assert not transfer.not_ready_card.isHidden()
