"""The weighing wizard and the data-request overview, driven with the keyboard only (Alt+letter,
arrow keys, Tab, typing), against the real encrypted store.

(a) a verdieping request to a huisarts ends in "schriftelijke toestemming nodig" (Zwolle);
(b) Zutphen 4A: the resident refuses, a conflict of duties is claimed, the consultation is
    recorded and carried into the oral-consent step;
(c) a request that is not the worker's own (ZU-A1) ends in "verwijs door".
Also: the overview shows every status as text, and mark-as-sent is refused with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from desktop_app.domain.data_requests import (
    Informing,
    ResidentAnswer,
    Status,
    weighing_context,
)
from desktop_app.domain.protocols import (
    OutcomeKind,
    ProtocolPath,
    RecordKind,
    Weighing,
    enumerate_paths,
)
from desktop_app.domain.vocabulary import Basis, Direction
from desktop_app.gui.data_requests.data_request_dialog import DataRequestDialog
from desktop_app.gui.data_requests.data_requests_panel import DataRequestsPanel
from desktop_app.gui.data_requests.weighing_wizard import WeighingWizard
from desktop_app.gui.shared.style import apply_style
from desktop_app.services.data_requests import DataRequestService
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from tests.gui.keyboard import type_text

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PURPOSE = "Fictief doel: beter zicht op wat de inwoner nodig heeft"
ITEMS = ["Verslag van het laatste consult", "Overzicht van de afspraken"]


@pytest.fixture
def session(profile) -> Iterator[Session]:
    apply_style(QApplication.instance())
    session = Session(profile)
    yield session
    session.lock()


@pytest.fixture
def service(session: Session) -> DataRequestService:
    return DataRequestService(session)


@pytest.fixture
def intake_id(session: Session) -> str:
    return IntakeService(session).start_intake("Fictieve Zoë Wiśniewska")


def create(service: DataRequestService, intake_id: str, organisation_id: str,
           basis: Basis = Basis.VERDIEPING) -> str:
    organisation = service.catalogue().get(organisation_id)
    assert organisation is not None
    # The real name: consent is given to this practice, not to "a GP" (AVG art. 4 lid 11).
    return service.create_request(intake_id, direction=Direction.REQUEST_FROM,
                                  organisation=organisation, purpose=PURPOSE, items=ITEMS,
                                  basis=basis, organisation_named=f"Fictieve {organisation_id}")


def activate(qtbot, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def open_wizard(qtbot, service: DataRequestService, request_id: str) -> WeighingWizard:
    wizard = WeighingWizard(service, request_id)
    qtbot.addWidget(wizard)
    activate(qtbot, wizard)
    return wizard


def alt(qtbot, window: QWidget, letter: str, until: Callable[[], object] | None = None) -> None:
    """Alt+letter. A mnemonic clicks its button after Qt's short press animation (~100 ms), so
    `until` waits for the effect."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)
    if until is not None:
        qtbot.waitUntil(lambda: bool(until()), timeout=3000)


def when_modal(kind: type, callback: Callable[[QWidget], None]) -> None:
    """Run `callback` on the modal dialog of `kind` as soon as it is open (the button that
    opens it clicks only after Qt's press animation, so poll instead of guessing a delay)."""

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind) or not widget.isActiveWindow():
            QTimer.singleShot(20, check)
            return
        try:
            callback(widget)
        except BaseException:
            # A failed check must not leave a modal loop open (the test would hang): close it;
            # pytest-qt reports the exception raised in this timer.
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
            raise

    QTimer.singleShot(20, check)


def mnemonic(text: str) -> str:
    index = 0
    while (index := text.find("&", index)) != -1:
        if text[index + 1] != "&":
            return text[index + 1]
        index += 2
    raise AssertionError(f"no mnemonic in {text!r}")


def choose(qtbot, wizard: WeighingWizard, answer_id: str) -> QRadioButton:
    """Pick an answer with its Alt+letter, as a worker would."""
    page = wizard.current_page()
    assert page is not None
    button = page.buttons[answer_id]
    alt(qtbot, wizard, mnemonic(button.text()))
    qtbot.waitUntil(button.isChecked)  # a mnemonic clicks after Qt's short press animation
    assert QApplication.focusWidget() is button
    return button


def fill_records(qtbot, texts: list[str]) -> None:
    """Tab from the answer into each record field in turn and type."""
    for text in texts:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        field = QApplication.focusWidget()
        assert isinstance(field, QPlainTextEdit), type(field)
        type_text(qtbot, field, text)


def step(qtbot, wizard: WeighingWizard, answer_id: str, records: list[str] | None = None) -> None:
    node = wizard.weighing.current_node
    assert node is not None
    choose(qtbot, wizard, answer_id)
    fill_records(qtbot, records or [])
    alt(qtbot, wizard, "v", lambda: wizard.weighing.current_node is not node)  # Volgende


def grab(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(SCREENSHOTS / name))


# --------------------------------------------------------------------------------------------
# (a) verdieping request to a huisarts: written consent required (Zwolle steps)


def test_a_huisarts_verdieping_ends_in_written_consent(qtbot, service: DataRequestService,
                                                        intake_id: str) -> None:
    service.set_protocol("zwolle")
    request_id = create(service, intake_id, "huisarts", Basis.VERDIEPING)
    wizard = open_wizard(qtbot, service, request_id)
    assert wizard.graph.id == "zwolle"
    assert "ZW-1" in wizard.current_page().findChildren(type(wizard.error))[0].text()
    step(qtbot, wizard, "ja", ["Fictief: verslag van de huisarts over de medicatie"])
    step(qtbot, wizard, "ja", ["Fictief: nodig om de juiste hulp thuis te kiezen"])
    step(qtbot, wizard, "ja")
    step(qtbot, wizard, "in_verhouding")
    step(qtbot, wizard, "ja")
    step(qtbot, wizard, "ja")
    # The professional-secrecy question was answered from the request, not asked.
    assert wizard.weighing.is_complete
    page = wizard.outcome_page
    assert page.verdict.text() == "Uitkomst: Schriftelijke toestemming nodig"
    assert "toestemmingsverklaring" in page.text.text()
    assert "automatisch beantwoord" in page.automatic.text()
    path = [wizard.path_list.item(i).text() for i in range(wizard.path_list.count())]
    assert len(path) == 7 and path[-1].startswith("automatisch beantwoord: Heeft de organisatie")
    grab(wizard, "weging-uitkomst.png")

    # Afronden: record the weighing, then the oral-consent step follows.
    alt(qtbot, wizard, "a", lambda: wizard.informing_form is not None)
    form = wizard.informing_form
    assert form is not None and form.chosen_answer() is ResidentAnswer.JA  # prefilled
    alt(qtbot, wizard, "a", lambda: not wizard.isVisible())  # record the oral consent
    assert wizard.result() == WeighingWizard.DialogCode.Accepted
    row = service.get(request_id)
    assert row.status is Status.TOESTEMMING_NODIG and not row.can_send
    assert str(row.summary).startswith("Schriftelijke toestemming nodig: de huisarts heeft een "
                                       "medisch beroepsgeheim (BIG).")
    history = service.weighing_history(request_id)
    assert [h.recorded.protocol_id for h in history] == ["zwolle"]
    assert history[0].recorded.records_of(RecordKind.MOTIVATION)[0].startswith("Fictief: versl")


# --------------------------------------------------------------------------------------------
# (b) Zutphen 4A: the resident refuses, conflict of duties, consultation recorded


def test_b_zutphen_4a_refusal_conflict_of_duties_and_consultation(
        qtbot, service: DataRequestService, intake_id: str) -> None:
    request_id = create(service, intake_id, "school")
    wizard = open_wizard(qtbot, service, request_id)
    step(qtbot, wizard, "ja")
    step(qtbot, wizard, "ja", ["Fictief: veilig thuis voor het kind"])
    step(qtbot, wizard, "ja")
    step(qtbot, wizard, "ja", ["Fictief: wettelijke taak Jeugdwet"])
    step(qtbot, wizard, "ja")
    step(qtbot, wizard, "ja")
    step(qtbot, wizard, "ja")
    step(qtbot, wizard, "bespreken")
    step(qtbot, wizard, "nee")  # the resident disagrees
    step(qtbot, wizard, "nee", ["Fictief: de inwoner wil niet dat school het weet"])
    # ZU-A4A conflict of duties: the first answer is "Nee"; the arrow key moves to "Ja".
    page = wizard.current_page()
    assert page is not None and page.node.id == "a4a_conflict"
    first = choose(qtbot, wizard, "nee")
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert page.buttons["ja"].isChecked() and QApplication.focusWidget() is page.buttons["ja"]
    # Without the records Volgende is refused and the first empty field gets the focus.
    alt(qtbot, wizard, "v", wizard.error.isVisible)
    assert wizard.weighing.current_node is page.node
    assert wizard.error.isVisible() and wizard.error.text().startswith("Let op: Vul eerst in")
    assert QApplication.focusWidget() is page.fields["ja"]["motivation"].edit
    page.buttons["ja"].setFocus()  # back to the answer, then Tab through the three fields
    fill_records(qtbot, [
        "Fictief: ernstige zorgen over de veiligheid van het kind",
        "Fictief: collega gedragswetenschapper A. en teamleider B.",
        "Fictief: delen is nodig; alleen het rapport",
    ])
    grab(wizard, "weging-vraag.png")
    alt(qtbot, wizard, "v", lambda: wizard.weighing.is_complete)
    assert wizard.weighing.is_complete
    assert wizard.weighing.outcome.kind is OutcomeKind.SHARE_DESPITE_OBJECTION
    effects = wizard.outcome_page.effects.text()
    assert "deskundige collega" in effects and "Vertel de inwoner" in effects

    alt(qtbot, wizard, "a", lambda: wizard.informing_form is not None)
    form = wizard.informing_form
    assert form is not None
    assert form.chosen_answer() is ResidentAnswer.NEE
    assert form.override.isChecked()
    assert form.consulted.text() == "Fictief: collega gedragswetenschapper A. en teamleider B."
    grab(wizard, "weging-toestemming.png")
    alt(qtbot, wizard, "a", lambda: not wizard.isVisible())
    assert wizard.result() == WeighingWizard.DialogCode.Accepted

    row = service.get(request_id)
    recorded = row.request.valid_weighing
    assert recorded is not None
    assert recorded.records_of(RecordKind.CONSULTED) == (
        "Fictief: collega gedragswetenschapper A. en teamleider B.",)
    assert recorded.records_of(RecordKind.FINDINGS) == (
        "Fictief: delen is nodig; alleen het rapport",)
    informing = row.request.informing
    assert informing is not None and informing.answer is ResidentAnswer.NEE
    assert informing.override is not None
    assert row.status is Status.GEWOGEN and row.can_send
    assert "Delen ondanks bezwaar" in str(row.summary)


# --------------------------------------------------------------------------------------------
# (c) not the worker's own request (ZU-A1): refer


def test_c_not_my_request_ends_in_refer(qtbot, service: DataRequestService,
                                        intake_id: str) -> None:
    request_id = create(service, intake_id, "woningcorporatie", Basis.TOETSING)
    wizard = open_wizard(qtbot, service, request_id)
    page = wizard.current_page()
    assert page is not None and page.node.id == "a1_bij_mij"
    assert not wizard.back_button.isEnabled()
    choose(qtbot, wizard, "nee")
    alt(qtbot, wizard, "v", wizard.error.isVisible)  # the motivation is missing
    assert "Vul eerst in" in wizard.error.text()
    assert QApplication.focusWidget() is page.fields["nee"]["motivation"].edit
    type_text(qtbot, QApplication.focusWidget(), "Fictief: hoort bij het Jeugdteam Noord")
    alt(qtbot, wizard, "v", lambda: wizard.weighing.is_complete)
    assert wizard.weighing.outcome.kind is OutcomeKind.REFER
    assert wizard.outcome_page.verdict.text() == "Uitkomst: Verwijs door"
    # Terug keeps what was typed; going forward again gives the same outcome.
    alt(qtbot, wizard, "t", lambda: wizard.current_page() is page)
    assert wizard.current_page() is page and page.buttons["nee"].isChecked()
    assert page.fields["nee"]["motivation"].text() == "Fictief: hoort bij het Jeugdteam Noord"
    alt(qtbot, wizard, "v", lambda: wizard.weighing.is_complete)
    alt(qtbot, wizard, "a", lambda: not wizard.isVisible())  # nothing goes out: no consent step
    assert wizard.informing_form is None
    assert wizard.result() == WeighingWizard.DialogCode.Accepted
    row = service.get(request_id)
    assert row.status is Status.DOORVERWEZEN and not row.can_send
    assert str(row.summary).startswith("Verwijs door.")


# --------------------------------------------------------------------------------------------
# The overview


def walk(service: DataRequestService, request_id: str,
         wanted: Callable[[ProtocolPath], bool]) -> Weighing:
    """The first generated path of the chosen protocol, for this request, that fits."""
    graph = service.protocol()
    for path in enumerate_paths(graph, weighing_context(service.get(request_id).request)):
        if wanted(path):
            state = Weighing.start(graph)
            for node_id, answer_id in path.steps:
                answer = graph.node(node_id).answer(answer_id)
                assert answer is not None
                records = {r.kind.value: "bescherming_betrokkene"
                           if r.kind is RecordKind.REASON_NOT_INFORMING else "Fictief"
                           for r in answer.records}
                state = state.answer(node_id, answer_id, records)
            return state
    raise AssertionError("no generated path matches")


def verdict(kind: OutcomeKind) -> Callable[[ProtocolPath], bool]:
    return lambda p: p.outcome.kind is kind


def add_statement(session: Session, intake_id: str, request_id: str, status: str) -> None:
    """A real toestemmingsverklaring, as the consent screen makes it: composed for an adult
    who decides himself (WGBO 7:465 lid 2), printed, signed with Ja; "ingetrokken": then
    withdrawn (AVG art. 7 lid 3)."""
    from desktop_app.domain.consent import Choice, SignerRecord
    from desktop_app.services.consent import ConsentService, SignerChoices
    from desktop_app.services.intakes import RESIDENT_BIRTH_FIELD
    from tests.gui.consent_setup import fill_settings, today

    fill_settings(session)
    IntakeService(session).save_answers(intake_id, {RESIDENT_BIRTH_FIELD: "1980-05-17"})
    consent = ConsentService(session)
    composition = consent.compose(intake_id, [request_id], choices=SignerChoices(capable=True))
    assert composition.ready, composition.problems
    statement_id = consent.create(intake_id, composition)
    consent.mark_printed(statement_id)
    consent.record_signed(statement_id, [SignerRecord(0, True, today(session),
                                                      {0: Choice.JA})])
    if status == "ingetrokken":
        consent.record_withdrawn(statement_id, today(session), "Telefonisch")
    else:
        assert status == "getekend", status


def every_status(session: Session, service: DataRequestService, intake_id: str) -> dict[
        Status, str]:
    """One request in each of the eight statuses."""
    yes = Informing(informed=True, answer=ResidentAnswer.JA)
    made: dict[Status, str] = {}
    made[Status.CONCEPT] = create(service, intake_id, "school")
    rid = create(service, intake_id, "schuldhulpverlening")
    service.record_weighing(rid, walk(service, rid, verdict(OutcomeKind.PROCEED_WITH_CONSENT)))
    made[Status.GEWOGEN] = rid
    rid = create(service, intake_id, "huisarts")
    service.record_weighing(rid, walk(service, rid,
                                      verdict(OutcomeKind.WRITTEN_CONSENT_REQUIRED)))
    service.record_informing(rid, yes)
    made[Status.TOESTEMMING_NODIG] = rid
    for status, state in ((Status.TOESTEMMING_GEGEVEN, "getekend"),
                          (Status.GEWEIGERD, "ingetrokken")):
        rid = create(service, intake_id, "psycholoog")
        service.record_weighing(rid, walk(service, rid,
                                          verdict(OutcomeKind.WRITTEN_CONSENT_REQUIRED)))
        service.record_informing(rid, yes)
        add_statement(session, intake_id, rid, state)
        made[status] = rid
    rid = create(service, intake_id, "kinderopvang")
    service.record_weighing(rid, walk(service, rid, verdict(OutcomeKind.PROCEED_WITH_CONSENT)))
    service.record_informing(rid, yes)
    service.mark_sent(rid)
    made[Status.VERSTUURD] = rid
    rid = create(service, intake_id, "politie")
    service.record_weighing(rid, walk(service, rid, verdict(OutcomeKind.DO_NOT_SHARE)))
    made[Status.NIET_DELEN] = rid
    rid = create(service, intake_id, "uwv")
    service.record_weighing(rid, walk(service, rid, verdict(OutcomeKind.REFER)))
    made[Status.DOORVERWEZEN] = rid
    return made


@pytest.fixture
def panel(qtbot, session: Session, intake_id: str) -> DataRequestsPanel:
    widget = DataRequestsPanel(session, intake_id, "nl")
    qtbot.addWidget(widget)
    widget.resize(1240, 780)
    return widget


def test_overview_shows_every_status_as_text(qtbot, session: Session,
                                             service: DataRequestService, intake_id: str,
                                             panel: DataRequestsPanel) -> None:
    assert panel.empty.isVisibleTo(panel) and not panel.table.isVisibleTo(panel)
    made = every_status(session, service, intake_id)
    with qtbot.waitSignal(panel.changed, timeout=100, raising=False):
        panel.refresh()
    shown = {panel.table.item(r, 0).data(Qt.ItemDataRole.UserRole):
             panel.table.item(r, 3).text() for r in range(panel.table.rowCount())}
    assert shown == {rid: panel.status_text(status) for status, rid in made.items()}
    assert sorted(shown.values()) == sorted([
        "Concept", "Gewogen", "Toestemming nodig", "Toestemming gegeven", "Geweigerd",
        "Verstuurd", "Niet delen", "Doorverwezen"])
    outcomes = {panel.table.item(r, 0).data(Qt.ItemDataRole.UserRole):
                panel.table.item(r, 4).text() for r in range(panel.table.rowCount())}
    assert outcomes[made[Status.DOORVERWEZEN]].startswith("Verwijs door.")
    assert outcomes[made[Status.VERSTUURD]].endswith("Verstuurd op 22-11-2026.")
    assert "nog geen getekende" in outcomes[made[Status.TOESTEMMING_NODIG]]
    panel.select_request(made[Status.TOESTEMMING_NODIG])
    activate(qtbot, panel)
    grab(panel, "verzoeken-overzicht.png")


def test_mark_as_sent_is_refused_with_the_reason(qtbot, session: Session,
                                                 service: DataRequestService, intake_id: str,
                                                 panel: DataRequestsPanel) -> None:
    rid = create(service, intake_id, "huisarts")
    service.record_weighing(rid, walk(service, rid, verdict(OutcomeKind.WRITTEN_CONSENT_REQUIRED)))
    service.record_informing(rid, Informing(informed=True, answer=ResidentAnswer.JA))
    panel.refresh()
    activate(qtbot, panel)
    panel.select_request(rid)
    panel.table.setFocus()
    assert not panel.send_button.isEnabled()
    assert panel.reason.isVisible()
    assert panel.reason.text() == (
        "Nog niet versturen: Er is nog geen getekende toestemmingsverklaring. De huisarts "
        "heeft een medisch beroepsgeheim (BIG).")
    alt(qtbot, panel, "v")  # the disabled button's Alt+V does nothing
    qtbot.wait(250)
    assert service.get(rid).status is Status.TOESTEMMING_NODIG
    panel.mark_sent()  # even when called directly (a stale screen), it is refused with why
    assert panel.error.text().startswith("Let op: Er is nog geen getekende")
    assert service.get(rid).status is Status.TOESTEMMING_NODIG

    add_statement(session, intake_id, rid, "getekend")  # the consent screen signs it
    panel.refresh()
    assert panel.send_button.isEnabled() and not panel.reason.isVisible()

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setFocus()
        qtbot.keyClick(yes, Qt.Key.Key_Space)

    when_modal(QMessageBox, confirm)
    with qtbot.waitSignal(panel.changed, timeout=3000):
        alt(qtbot, panel, "v")
    assert service.get(rid).status is Status.VERSTUURD
    assert not panel.send_button.isEnabled() and not panel.weigh_button.isEnabled()


def test_new_request_by_keyboard(qtbot, service: DataRequestService,
                                 panel: DataRequestsPanel) -> None:
    activate(qtbot, panel)
    seen: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, DataRequestDialog)
        assert QApplication.focusWidget() is dialog.search
        type_text(qtbot, dialog.search, "huisar")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # into the results
        seen["chosen"] = dialog.chosen.id if dialog.chosen else None
        seen["notice"] = dialog.chosen_label.text()
        alt(qtbot, dialog, "d")
        type_text(qtbot, QApplication.focusWidget(), PURPOSE)
        alt(qtbot, dialog, "g")
        type_text(qtbot, QApplication.focusWidget(), "Medicatieoverzicht")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        type_text(qtbot, QApplication.focusWidget(), "Verslag van het laatste consult")
        alt(qtbot, dialog, "c")  # toetsing aan criteria
        qtbot.waitUntil(dialog.toetsing.isChecked)
        seen["refusal"] = dialog.refusal.text()
        # A release from the GP's secrecy needs the real name: saving without it is refused.
        alt(qtbot, dialog, "s", dialog.error.isVisible)
        seen["refused"] = dialog.error.text()
        assert QApplication.focusWidget() is dialog.named_edit
        type_text(qtbot, dialog.named_edit, "Fictieve Huisartsenpraktijk De Linde")
        grab(dialog, "verzoeken-nieuw.png")
        alt(qtbot, dialog, "s")

    when_modal(DataRequestDialog, fill)
    alt(qtbot, panel, "n", lambda: panel.table.rowCount() == 1)
    assert seen["chosen"] == "huisarts"
    assert "getekende toestemmingsverklaring" in str(seen["notice"])
    assert "beslist de gemeente op wat zij wel weet" in str(seen["refusal"])
    assert "Vul de naam van de organisatie of persoon in" in str(seen["refused"])
    (row,) = service.list_requests(panel.intake_id)
    assert row.request.organisation_named == "Fictieve Huisartsenpraktijk De Linde"
    assert panel.table.item(0, 0).text() == "Fictieve Huisartsenpraktijk De Linde (Huisarts)"
    assert row.request.items == ("Medicatieoverzicht", "Verslag van het laatste consult")
    assert row.request.basis is Basis.TOETSING and row.status is Status.CONCEPT
    assert panel.table.rowCount() == 1 and panel.table.item(0, 3).text() == "Concept"
    assert panel.weigh_button.text() == "&Afwegen" and not panel.send_button.isEnabled()
