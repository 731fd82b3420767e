"""The weighing wizard and the data-request overview, driven with the keyboard only (Alt+letter,
arrow keys, Tab, Enter, typing), against the real encrypted store.

(a) a verdieping request to a huisarts ends in "schriftelijke toestemming nodig" (Zwolle): the
    purpose is prefilled and editable, the program's answers say where they come from, one
    Enter on the outcome records the weighing and the resident's "ja";
(b) Zutphen 4A: the resident refuses, a conflict of duties is claimed; the ground (check
    boxes), the consultation and "zonder namen" are recorded and carried into the resident's
    answer, with one Afronden;
(c) a request that is not the worker's own (ZU-A1) ends in "verwijs door"; what is typed right
    after choosing the answer lands in the field;
(d) "kan met minder" narrows the request's items (prefilled, one per line);
(e) Zutphen 4B: not informing first, with the date to inform afterwards (a date picker);
Enter/Ctrl+Enter, each protocol's own guidance, the wording, and the overview: every status as
text, mark-as-sent refused with the reason, the reminder to inform afterwards, and the
organisation's answer.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from desktop_app.domain.data_requests import (
    Informing,
    OrganisationResponse,
    ResidentAnswer,
    Status,
)
from desktop_app.domain.protocols import (
    OutcomeKind,
    ProtocolPath,
    RecordKind,
    RecordRequirement,
    Weighing,
    enumerate_paths,
)
from desktop_app.domain.vocabulary import Basis, Direction
from desktop_app.gui.data_requests.data_request_dialog import DataRequestDialog
from desktop_app.gui.data_requests.data_requests_panel import DataRequestsPanel
from desktop_app.gui.data_requests.record_fields import (
    ChoicesRecord,
    DateRecord,
    TextRecord,
    YesNoRecord,
)
from desktop_app.gui.data_requests.response_dialog import ResponseDialog
from desktop_app.gui.data_requests.weighing_wizard import WeighingWizard
from desktop_app.gui.shared.style import apply_style
from desktop_app.services.data_requests import DataRequestService
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from tests.gui.a11y import duplicate_mnemonics, name_violations
from tests.gui.keyboard import type_text

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
# The README's pictures: written only when asked (WI_DOC_SCREENSHOTS=1), so a test run does
# not change the tree; otherwise next to the other test screenshots.
DOC_SCREENSHOTS = (ROOT / "docs" / "screenshots" if os.environ.get("WI_DOC_SCREENSHOTS")
                   else SCREENSHOTS)
PURPOSE = "Fictief doel: beter zicht op wat de inwoner nodig heeft"
ITEMS = ["Verslag van het laatste consult", "Overzicht van de afspraken"]
TODAY = dt.date(2026, 11, 22)  # the test clock (tests/conftest.py)


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
           basis: Basis = Basis.VERDIEPING, direction: Direction = Direction.REQUEST_FROM,
           items: list[str] | None = None) -> str:
    organisation = service.catalogue().get(organisation_id)
    assert organisation is not None
    # The real name: consent is given to this practice, not to "a GP" (AVG art. 4 lid 11).
    return service.create_request(intake_id, direction=direction,
                                  organisation=organisation, purpose=PURPOSE,
                                  items=items or ITEMS, basis=basis,
                                  organisation_named=f"Fictieve {organisation_id}")


def activate(qtbot, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def open_wizard(qtbot, service: DataRequestService, request_id: str) -> WeighingWizard:
    wizard = WeighingWizard(service, request_id)
    qtbot.addWidget(wizard)
    activate(qtbot, wizard)
    return wizard


def discard(wizard: WeighingWizard) -> None:
    """Close without recording and without the "stop?" question (a screenshot or a look at
    a page is done)."""
    wizard.done(QDialog.DialogCode.Rejected)


def alt(qtbot, window: QWidget, letter: str, until: Callable[[], object] | None = None) -> None:
    """Alt+letter. A mnemonic clicks its button after Qt's short press animation (~100 ms), so
    `until` waits for the effect."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)
    if until is not None:
        qtbot.waitUntil(lambda: bool(until()), timeout=3000)


def key(qtbot, pressed: Qt.Key, until: Callable[[], object] | None = None,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key on whatever has the focus, as a person's key goes."""
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the focus"
    qtbot.keyClick(focus, pressed, modifier)
    if until is not None:
        qtbot.waitUntil(lambda: bool(until()), timeout=3000)


def type_here(qtbot, typed: str) -> None:
    """Type at whatever has the focus, key by key (the focus may move after the first)."""
    for char in typed:
        type_text(qtbot, QApplication.focusWidget(), char)


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
                widget.done(QDialog.DialogCode.Rejected)
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


def tab_to(qtbot, widget: QWidget, limit: int = 12) -> None:
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget, type(QApplication.focusWidget())


def fill_records(qtbot, texts: list[str]) -> None:
    """Tab from the answer into each text field in turn and type."""
    for typed in texts:
        key(qtbot, Qt.Key.Key_Tab)
        field = QApplication.focusWidget()
        assert isinstance(field, QPlainTextEdit), type(field)
        type_text(qtbot, field, typed)


def next_page(qtbot, wizard: WeighingWizard) -> None:
    node = wizard.weighing.current_node
    alt(qtbot, wizard, "v", lambda: wizard.weighing.current_node is not node)  # Volgende


def step(qtbot, wizard: WeighingWizard, answer_id: str, records: list[str] | None = None) -> None:
    choose(qtbot, wizard, answer_id)
    fill_records(qtbot, records or [])
    next_page(qtbot, wizard)


def steps(qtbot, wizard: WeighingWizard, answers: list[str]) -> None:
    for answer_id in answers:
        step(qtbot, wizard, answer_id)


def grab(widget: QWidget, name: str, folder: Path = SCREENSHOTS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(folder / name))


def labels_of(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]


# --------------------------------------------------------------------------------------------
# (a) verdieping request to a huisarts: written consent required (Zwolle steps)


def test_a_huisarts_verdieping_ends_in_written_consent(qtbot, service: DataRequestService,
                                                        intake_id: str) -> None:
    service.set_protocol("zwolle")
    request_id = create(service, intake_id, "huisarts", Basis.VERDIEPING)
    wizard = open_wizard(qtbot, service, request_id)
    assert wizard.graph.id == "zwolle"
    page = wizard.current_page()
    assert page is not None and page.node.id == "zw1_behoefte"
    # The rule is named in the explanation's heading, not on the question page.
    assert wizard.guidance.help_title.text() == "Uitleg bij ZW-1"
    assert not any("ZW-1" in text for text in labels_of(page))
    # The purpose of the request is already in the field; the worker sharpens it.
    choose(qtbot, wizard, "ja")
    purpose = page.fields["ja"]["motivation"]
    assert isinstance(purpose, TextRecord) and purpose.text() == PURPOSE
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is purpose.edit and not purpose.edit.isReadOnly()
    key(qtbot, Qt.Key.Key_End, modifier=Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, purpose.edit, ", vooral de medicatie")
    next_page(qtbot, wizard)
    steps(qtbot, wizard, ["ja", "ja", "in_verhouding", "ja", "ja"])
    # The professional-secrecy question was answered from the request, not asked.
    assert wizard.weighing.is_complete
    outcome = wizard.outcome_page
    assert outcome.verdict.text() == "Uitkomst: Schriftelijke toestemming nodig"
    assert "toestemmingsverklaring" in outcome.text.text()
    assert outcome.automatic.text().startswith("Uit het verzoek: Heeft de organisatie")
    assert "de inwoner stemt in" in outcome.next_step.text()
    path = [wizard.path_list.item(i).text() for i in range(wizard.path_list.count())]
    assert len(path) == 8, path
    assert path[-1].startswith("Uit het verzoek: Heeft de organisatie")
    assert not any("automatisch" in line for line in path)
    grab(wizard, "weging-uitkomst.png")

    # One Enter: the weighing and the resident's "ja" (the path's zw3_informeren) are stored,
    # no second page asks for the answer again.
    assert QApplication.focusWidget() is wizard.finish_button
    key(qtbot, Qt.Key.Key_Return, lambda: not wizard.isVisible())
    assert wizard.informing_form is None
    assert wizard.result() == WeighingWizard.DialogCode.Accepted
    row = service.get(request_id)
    assert row.request.informing is not None
    assert row.request.informing.answer is ResidentAnswer.JA
    assert row.request.purpose == PURPOSE + ", vooral de medicatie"
    assert row.status is Status.TOESTEMMING_NODIG and not row.can_send
    assert str(row.summary).startswith("Schriftelijke toestemming nodig: de huisarts heeft een "
                                       "medisch beroepsgeheim (BIG).")
    history = service.weighing_history(request_id)
    assert [h.recorded.protocol_id for h in history] == ["zwolle"]
    assert history[0].recorded.records_of(RecordKind.MOTIVATION) == (
        PURPOSE + ", vooral de medicatie",)


# --------------------------------------------------------------------------------------------
# (b) Zutphen 4A: the resident refuses, conflict of duties, consultation recorded


def test_b_zutphen_4a_refusal_conflict_of_duties_and_consultation(
        qtbot, service: DataRequestService, intake_id: str) -> None:
    request_id = create(service, intake_id, "school")
    wizard = open_wizard(qtbot, service, request_id)
    step(qtbot, wizard, "ja")  # a1: it belongs with me
    choose(qtbot, wizard, "ja")  # a2: the goal, prefilled with the purpose
    assert wizard.current_page().fields["ja"]["motivation"].text() == PURPOSE
    next_page(qtbot, wizard)
    step(qtbot, wizard, "ja")  # a2: what to know
    choose(qtbot, wizard, "ja")  # a2: allowed, prefilled with the ground of verdieping
    assert wizard.current_page().fields["ja"]["motivation"].text() == (
        "Toestemming van de inwoner.")
    next_page(qtbot, wizard)
    steps(qtbot, wizard, ["ja", "ja", "ja"])  # a3
    step(qtbot, wizard, "nee")  # a4: the resident disagrees
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
    fields = page.fields["ja"]
    assert QApplication.focusWidget() is fields["motivation"].edit
    assert not name_violations(wizard) and not duplicate_mnemonics(wizard)
    type_text(qtbot, fields["motivation"].edit,
              "Fictief: ernstige zorgen over de veiligheid van het kind")
    # The ground: check boxes, Space ticks the one with the focus.
    grounds = fields["legal_ground"]
    assert isinstance(grounds, ChoicesRecord)
    assert [box.text() for _value, box in grounds.boxes] == [
        "conflict van plichten", "vitaal belang (gevaar voor leven of gezondheid)",
        "meldrecht (melding bij Veilig Thuis, Wmo 2015 art. 5.2.6)", "wettelijke plicht"]
    alt(qtbot, wizard, "v", wizard.error.isVisible)  # the ground is still missing
    assert QApplication.focusWidget() is grounds.boxes[0][1]
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, fields["consulted"].edit)
    type_text(qtbot, fields["consulted"].edit,
              "Fictief: collega gedragswetenschapper A. en teamleider B.")
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), "Fictief: delen is nodig; alleen het rapport")
    # "Zonder namen": ja / nee, nothing chosen yet: Volgende asks for it and focuses "Ja".
    anonymised = fields["anonymised_consultation"]
    assert isinstance(anonymised, YesNoRecord) and anonymised.text() == ""
    alt(qtbot, wizard, "v", wizard.error.isVisible)
    assert QApplication.focusWidget() is anonymised.yes
    key(qtbot, Qt.Key.Key_Space, anonymised.yes.isChecked)
    grab(wizard, "weging-vraag.png")
    key(qtbot, Qt.Key.Key_Return, lambda: wizard.weighing.is_complete)  # Enter: Volgende
    assert wizard.weighing.outcome.kind is OutcomeKind.SHARE_DESPITE_OBJECTION
    effects = wizard.outcome_page.effects.text()
    assert "deskundige collega" in effects and "Vertel de inwoner" in effects
    shown = wizard.outcome_page.records.text()
    assert "conflict van plichten; vitaal belang" in shown and "Heb je de casus" in shown

    # One Afronden: the objection and the decision go with the weighing.
    alt(qtbot, wizard, "a", lambda: not wizard.isVisible())
    assert wizard.informing_form is None
    assert wizard.result() == WeighingWizard.DialogCode.Accepted
    row = service.get(request_id)
    recorded = row.request.valid_weighing
    assert recorded is not None
    assert recorded.records_of(RecordKind.CONSULTED) == (
        "Fictief: collega gedragswetenschapper A. en teamleider B.",)
    assert recorded.records_of(RecordKind.FINDINGS) == (
        "Fictief: delen is nodig; alleen het rapport",)
    assert recorded.records_of(RecordKind.LEGAL_GROUND) == ("conflict_van_plichten,vitaal_belang",)
    assert recorded.records_of(RecordKind.ANONYMISED) == ("ja",)
    informing = row.request.informing
    assert informing is not None and informing.answer is ResidentAnswer.NEE
    assert informing.arguments == "Fictief: de inwoner wil niet dat school het weet"
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
    field = page.fields["nee"]["motivation"]
    assert QApplication.focusWidget() is field.edit
    type_text(qtbot, field.edit, "Fictief: hoort bij het Jeugdteam Noord")
    alt(qtbot, wizard, "v", lambda: wizard.weighing.is_complete)
    assert wizard.weighing.outcome.kind is OutcomeKind.REFER
    assert wizard.outcome_page.verdict.text() == "Uitkomst: Verwijs door"
    # Terug keeps what was typed; going forward again gives the same outcome.
    alt(qtbot, wizard, "t", lambda: wizard.current_page() is page)
    assert wizard.current_page() is page and page.buttons["nee"].isChecked()
    assert field.text() == "Fictief: hoort bij het Jeugdteam Noord"
    alt(qtbot, wizard, "v", lambda: wizard.weighing.is_complete)
    alt(qtbot, wizard, "a", lambda: not wizard.isVisible())  # nothing goes out: no consent step
    assert wizard.informing_form is None
    assert wizard.result() == WeighingWizard.DialogCode.Accepted
    row = service.get(request_id)
    assert row.status is Status.DOORVERWEZEN and not row.can_send
    assert row.request.informing is None
    # The protocol's own words, for requesting: leave it where it belongs.
    assert str(row.summary).startswith("Niet opvragen. Laat het over aan wie het wel hoort")


@pytest.mark.parametrize("how", ["alt", "space", "click"])
def test_typing_right_after_choosing_an_answer_lands_in_the_field(
        qtbot, service: DataRequestService, intake_id: str, how: str) -> None:
    """Choosing an answer that asks for a text and typing at once: nothing is lost, the
    focus follows into the field. Arrow keys between the answers keep moving."""
    request_id = create(service, intake_id, "woningcorporatie", Basis.TOETSING)
    wizard = open_wizard(qtbot, service, request_id)
    page = wizard.current_page()
    assert page is not None
    yes, no = page.buttons["ja"], page.buttons["nee"]
    # Arrows still move between the answers (no field takes the focus on the way).
    choose(qtbot, wizard, "ja")
    qtbot.keyClick(yes, Qt.Key.Key_Down)
    assert no.isChecked() and QApplication.focusWidget() is no
    qtbot.keyClick(no, Qt.Key.Key_Up)
    assert yes.isChecked() and QApplication.focusWidget() is yes
    if how == "alt":
        choose(qtbot, wizard, "nee")
    elif how == "space":
        no.setFocus()  # Tab order aside: the focus on an answer that is not chosen
        key(qtbot, Qt.Key.Key_Space, no.isChecked)
    else:
        qtbot.mouseClick(no, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(no.isChecked)
    assert QApplication.focusWidget() is no
    field = page.fields["nee"]["motivation"]
    type_here(qtbot, "Hoort bij Jeugdteam Noord")
    assert field.text() == "Hoort bij Jeugdteam Noord"
    assert QApplication.focusWidget() is field.edit
    # Back on the answer with the field filled, letters are not forwarded a second time.
    no.setFocus()
    type_here(qtbot, "x")
    assert field.text() == "Hoort bij Jeugdteam Noord"


# --------------------------------------------------------------------------------------------
# (d) share less: the request's items are narrowed


def test_d_share_less_narrows_the_items(qtbot, service: DataRequestService,
                                        intake_id: str) -> None:
    service.set_protocol("zwolle")
    items = ["Verslag van het laatste consult", "Overzicht van de afspraken", "Medisch dossier"]
    request_id = create(service, intake_id, "huisarts", items=items)
    wizard = open_wizard(qtbot, service, request_id)
    steps(qtbot, wizard, ["ja", "ja", "ja"])
    page = wizard.current_page()
    assert page is not None and page.node.id == "zw2_proportionaliteit"
    choose(qtbot, wizard, "kan_met_minder")
    narrowed = page.fields["kan_met_minder"]["narrowed_items"]
    assert isinstance(narrowed, TextRecord)
    assert narrowed.text() == "\n".join(items)  # one per line, from the request
    assert narrowed.hint.text() == "Haal weg wat niet nodig is, of maak het smaller."
    assert narrowed.hint.isVisible()
    # Unchanged is not less: Volgende is refused and the list gets the focus.
    alt(qtbot, wizard, "v", wizard.error.isVisible)
    assert wizard.weighing.current_node is page.node
    assert "Er is niets weggehaald" in wizard.error.text()
    assert QApplication.focusWidget() is narrowed.edit
    # Remove the last line (the whole medical file), make the first one narrower.
    edit = narrowed.edit
    key(qtbot, Qt.Key.Key_End, modifier=Qt.KeyboardModifier.ControlModifier)
    key(qtbot, Qt.Key.Key_Home, modifier=Qt.KeyboardModifier.ShiftModifier)
    key(qtbot, Qt.Key.Key_Backspace)
    key(qtbot, Qt.Key.Key_Backspace)
    assert edit.toPlainText() == "\n".join(items[:2])
    # Enter in the list is a new line, not Volgende; Ctrl+Enter is Volgende.
    key(qtbot, Qt.Key.Key_Return)
    assert wizard.weighing.current_node is page.node and edit.toPlainText().endswith("\n")
    type_text(qtbot, edit, "Diagnose")
    key(qtbot, Qt.Key.Key_Return, lambda: wizard.weighing.current_node is not page.node,
        modifier=Qt.KeyboardModifier.ControlModifier)
    assert wizard.items_label.text() == (
        "Gegevens: Verslag van het laatste consult; Overzicht van de afspraken; Diagnose")
    step(qtbot, wizard, "ja")  # kan en mag
    # The resident agrees with a part: the list now starts from the narrowed one.
    choose(qtbot, wizard, "deels")
    partly = wizard.current_page().fields["deels"]["narrowed_items"]
    assert partly.text() == "Verslag van het laatste consult\nOverzicht van de afspraken\nDiagnose"
    partly.set_text("Overzicht van de afspraken\nDiagnose")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), "Fictief: het consult is te persoonlijk")
    next_page(qtbot, wizard)
    assert wizard.weighing.is_complete
    assert OutcomeKind.SHARE_MINIMUM in wizard.weighing.effect_kinds
    key(qtbot, Qt.Key.Key_Return, lambda: not wizard.isVisible())
    request = service.get(request_id).request
    assert request.items == ("Overzicht van de afspraken", "Diagnose")
    assert request.valid_weighing is not None
    assert request.valid_weighing.items == ("Overzicht van de afspraken", "Diagnose")


# --------------------------------------------------------------------------------------------
# (e) Zutphen 4B: not informing first, a date to inform afterwards


def test_e_not_informing_first_records_reasons_ground_and_date(
        qtbot, service: DataRequestService, intake_id: str) -> None:
    request_id = create(service, intake_id, "school")
    wizard = open_wizard(qtbot, service, request_id)
    steps(qtbot, wizard, ["ja", "ja", "ja", "ja", "ja", "ja", "ja"])
    step(qtbot, wizard, "niet_informeren")
    page = wizard.current_page()
    assert page is not None and page.node.id == "a4b_reden"
    choose(qtbot, wizard, "ja")
    fields = page.fields["ja"]
    date = fields["inform_after"]
    assert isinstance(date, DateRecord)
    picker = date.edit
    assert isinstance(picker, QDateEdit) and picker.calendarPopup()
    assert picker.date() == QDate(TODAY + dt.timedelta(days=14))
    assert picker.minimumDate() == QDate(TODAY)
    picker.setDate(QDate(TODAY - dt.timedelta(days=3)))  # the past is not offered
    assert picker.date() == QDate(TODAY)
    picker.setDate(QDate(TODAY + dt.timedelta(days=14)))
    # Every new field has a name and a label, and the page's Alt letters are unique.
    assert not name_violations(wizard) and not duplicate_mnemonics(wizard)
    # Tab through the page: reasons, motivation, ground, consulted, the date.
    reasons = fields["reason_not_informing"]
    assert isinstance(reasons, ChoicesRecord)
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is reasons.boxes[0][1]
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Space)  # bescherming van de betrokkene
    tab_to(qtbot, fields["motivation"].edit)
    type_text(qtbot, QApplication.focusWidget(), "Fictief: de vader mag het nog niet weten")
    ground = fields["legal_ground"]
    tab_to(qtbot, ground.boxes[1][1])
    key(qtbot, Qt.Key.Key_Space)  # vitaal belang
    tab_to(qtbot, fields["consulted"].edit)
    type_text(qtbot, QApplication.focusWidget(), "Fictief: teamleider C.")
    tab_to(qtbot, picker)
    key(qtbot, Qt.Key.Key_Up)  # the day goes up by one
    assert picker.date() == QDate(TODAY + dt.timedelta(days=15))
    assert page.records()["inform_after"] == "2026-12-07"
    key(qtbot, Qt.Key.Key_Return, lambda: wizard.weighing.is_complete)  # Enter on the date
    assert wizard.weighing.outcome.kind is OutcomeKind.SHARE_WITHOUT_INFORMING
    assert "07-12-2026" in wizard.outcome_page.records.text()
    assert "niet vooraf geïnformeerd" in wizard.outcome_page.next_step.text()
    key(qtbot, Qt.Key.Key_Return, lambda: not wizard.isVisible())
    request = service.get(request_id).request
    weighing = request.valid_weighing
    assert weighing is not None
    assert weighing.records_of(RecordKind.REASON_NOT_INFORMING) == ("bescherming_betrokkene",)
    assert weighing.records_of(RecordKind.LEGAL_GROUND) == ("vitaal_belang",)
    assert request.inform_after == dt.date(2026, 12, 7)
    assert request.informing is not None and not request.informing.informed


def test_enter_means_volgende_and_afronden(qtbot, service: DataRequestService,
                                           intake_id: str) -> None:
    service.set_protocol("zwolle")
    request_id = create(service, intake_id, "school", Basis.TOETSING, Direction.GIVE_TO)
    wizard = open_wizard(qtbot, service, request_id)
    assert wizard.next_button.isDefault() and not wizard.finish_button.isDefault()
    for answer_id in ("ja", "ja", "ja", "in_verhouding", "ja"):
        page = wizard.current_page()
        choose(qtbot, wizard, answer_id)
        key(qtbot, Qt.Key.Key_Return, lambda p=page: wizard.current_page() is not p)
    page = wizard.current_page()
    assert page is not None and page.node.id == "zw3_informeren_toetsing"
    choose(qtbot, wizard, "geen_bezwaar")
    key(qtbot, Qt.Key.Key_Enter, lambda: wizard.weighing.is_complete)  # the keypad's Enter
    assert wizard.finish_button.isDefault() and not wizard.next_button.isVisible()
    assert "de inwoner is geïnformeerd" in wizard.outcome_page.next_step.text()
    wizard.path_list.setFocus()  # Enter on the path list is no choice: still Afronden
    key(qtbot, Qt.Key.Key_Return, lambda: not wizard.isVisible())
    row = service.get(request_id)
    assert row.request.informing is not None
    assert row.request.informing.answer is ResidentAnswer.GEINFORMEERD
    assert row.status is Status.GEWOGEN and row.can_send


# A municipality's own protocol whose verdict says nothing about the resident's answer.
SHORT_PROTOCOL = """\
id: kort
version: 1
title: Kort protocol
start: vraag
nodes:
  - id: vraag
    rules: [ZW-1]
    question: Is het nodig?
    answers:
      - id: ja
        label: Ja
        next: vertel
      - id: nee
        label: Nee
        next: niet
outcomes:
  - id: vertel
    kind: informeer_client
    text: Vertel de inwoner wat je gaat delen.
  - id: niet
    kind: niet_delen
    text: Niet delen.
"""


def test_only_a_path_without_the_answer_asks_for_it_after_afronden(
        qtbot, session: Session, intake_id: str, tmp_path: Path) -> None:
    """When the path does not say what the resident answered, Afronden stores the weighing and
    the informing page asks it (the old second step); its Afronden is Enter too."""
    import shutil

    forms = tmp_path / "forms"
    shutil.copytree(ROOT / "forms", forms)
    (forms / "protocols" / "kort.yaml").write_text(SHORT_PROTOCOL, encoding="utf-8")
    service = DataRequestService(session, forms)
    service.set_protocol("kort")
    request_id = create(service, intake_id, "school")
    wizard = open_wizard(qtbot, service, request_id)
    step(qtbot, wizard, "ja")
    assert wizard.weighing.outcome.kind is OutcomeKind.INFORM_CLIENT
    assert "Daarna leg je vast wat de inwoner zegt" in wizard.outcome_page.next_step.text()
    with qtbot.waitSignal(wizard.recorded, timeout=3000):
        key(qtbot, Qt.Key.Key_Return)
    form = wizard.informing_form
    assert form is not None and wizard.isVisible()
    assert service.get(request_id).request.valid_weighing is not None
    assert service.get(request_id).request.informing is None
    assert wizard.finish_button.isDefault() and QApplication.focusWidget() is form.informed
    alt(qtbot, wizard, mnemonic(form.answers[ResidentAnswer.JA].text()),
        form.answers[ResidentAnswer.JA].isChecked)
    key(qtbot, Qt.Key.Key_Return, lambda: not wizard.isVisible())
    informing = service.get(request_id).request.informing
    assert informing is not None and informing.answer is ResidentAnswer.JA


# --------------------------------------------------------------------------------------------
# Guidance and wording


def test_each_protocol_shows_its_own_guidance(qtbot, service: DataRequestService,
                                              intake_id: str) -> None:
    request_id = create(service, intake_id, "huisarts")
    zutphen = open_wizard(qtbot, service, request_id)
    assert zutphen.guidance.rules.accessibleName() == "Vuistregels"
    assert "De 10 vuistregels" in zutphen.guidance.rules.toPlainText()
    service.set_protocol("zwolle")
    zwolle = open_wizard(qtbot, service, request_id)
    shown = zwolle.guidance.rules.toPlainText()
    title = "Factsheet Privacy sociale wijkteams Zwolle: de kern"
    assert zwolle.guidance.rules.accessibleName() == title
    assert shown.startswith(title)
    assert "Noodzakelijk is iets anders dan mogelijk of handig" in shown and "(ZW-2)" in shown
    assert "vuistregels" not in shown.lower() and "ZU-V" not in shown


def test_the_instructions_do_not_speak_of_automatic_answers(
        qtbot, service: DataRequestService, intake_id: str) -> None:
    """Giving data as an SKJ-registered worker: the program answers the secrecy question from
    the worker's settings and says so in words; the title, the subtitle and the help have no
    "automatisch beantwoord"."""
    from desktop_app.services.settings import PROFESSIONAL_REGISTRATION

    service.settings.set(PROFESSIONAL_REGISTRATION, "skj")
    service.set_protocol("zwolle")
    request_id = create(service, intake_id, "school", Basis.VERDIEPING, Direction.GIVE_TO)
    wizard = open_wizard(qtbot, service, request_id)
    steps(qtbot, wizard, ["ja", "ja", "ja", "in_verhouding", "ja", "ja"])
    assert wizard.weighing.is_complete
    texts = [*labels_of(wizard), wizard.windowTitle()]
    assert not any("automatisch" in text.lower() for text in texts), texts
    assert wizard.outcome_page.automatic.text().startswith(
        "Uit je instellingen: Heb jij zelf een beroepsgeheim (BIG- of SKJ-registratie)? — Ja")
    assert "eigen beroepscode" in wizard.outcome_page.effects.text()
    grab(wizard, "weging-skj-verstrekken.png")
    discard(wizard)


def test_the_exception_pages_in_english(qtbot, service: DataRequestService, intake_id: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """ZU-A4A and ZU-A4B with their new fields (grounds, "without names", the date) and the
    outcome, in English: no Dutch on the screen apart from what the worker typed."""
    from desktop_app.gui.shared import i18n
    from tests.gui.test_english_ui import _use, dutch_among, visible_texts

    _use(monkeypatch, "en")
    try:
        request_id = create(service, intake_id, "school")
        for last in ("nee", "niet_informeren"):
            wizard = WeighingWizard(service, request_id)
            qtbot.addWidget(wizard)
            wizard.show()
            answers = ["ja"] * 7 + ([last, "nee"] if last == "nee" else [last])
            for answer_id in answers:
                page = wizard.current_page()
                assert page is not None
                page.buttons[answer_id].setChecked(True)
                for field in page.fields[answer_id].values():
                    field.set_text("Fictief")
                wizard._next()
            page = wizard.current_page()
            assert page is not None and page.node.id in ("a4a_conflict", "a4b_reden")
            page.buttons["ja"].setChecked(True)
            QApplication.processEvents()
            texts = visible_texts(wizard)
            fields = page.fields["ja"]
            fields["motivation"].set_text("Fictief")
            fields["consulted"].set_text("Fictief")
            fields["legal_ground"].set_text("meldrecht")
            if "anonymised_consultation" in fields:
                fields["findings"].set_text("Fictief")
                fields["anonymised_consultation"].set_text("nee")
            else:
                fields["reason_not_informing"].set_text("rechten_en_vrijheden_anderen")
            wizard._next()
            assert wizard.weighing.is_complete
            texts += visible_texts(wizard)
            typed = {"Fictief", "Fictieve school", PURPOSE, *ITEMS}
            problems = [p for p in dutch_among(texts) if not any(t in p for t in typed)]
            assert not problems, "\n".join(problems)
            assert "right to report (report to Veilig Thuis" in wizard.outcome_page.records.text()
            discard(wizard)
    finally:
        i18n.reset_language()


# --------------------------------------------------------------------------------------------
# Screenshots at a laptop's size (1366x768), for docs/screenshots


SHOTS = [
    # (file, protocol, organisation, direction, basis, answers before the page)
    ("weging-zwolle-opvragen-huisarts.png", "zwolle", "huisarts", Direction.REQUEST_FROM,
     Basis.VERDIEPING, ["ja", "ja", "ja"], "kan_met_minder"),
    ("weging-zwolle-verstrekken-school.png", "zwolle", "school", Direction.GIVE_TO,
     Basis.VERDIEPING, [], "ja"),
    ("weging-zutphen-opvragen.png", "zutphen", "school", Direction.REQUEST_FROM,
     Basis.VERDIEPING, ["ja", "ja", "ja", "ja", "ja", "ja", "ja", "nee", "nee"], "ja"),
    ("weging-zutphen-verstrekken.png", "zutphen", "jeugdzorgaanbieder", Direction.GIVE_TO,
     Basis.VERDIEPING, ["ja", "ja", "ja", "ja", "ja", "ja", "ja", "niet_informeren"], "ja"),
]


@pytest.mark.parametrize("shot", SHOTS, ids=[s[0] for s in SHOTS])
def test_wizard_screenshots_at_1366x768(qtbot, service: DataRequestService, intake_id: str,
                                        shot: tuple) -> None:
    name, protocol, organisation_id, direction, basis, answers, chosen = shot
    service.set_protocol(protocol)
    request_id = create(service, intake_id, organisation_id, basis, direction)
    wizard = open_wizard(qtbot, service, request_id)
    wizard.resize(1366, 768)
    for answer_id in answers:
        page = wizard.current_page()
        assert page is not None
        page.buttons[answer_id].setChecked(True)
        for field in page.fields[answer_id].values():
            if not field.text().strip():
                field.set_text("Fictief: toelichting")
        wizard._next()
        assert wizard.current_page() is not page or wizard.weighing.is_complete
    choose(qtbot, wizard, chosen)
    assert_fits(wizard)
    qtbot.wait(200)  # a word-wrapping list lays its items out again 100 ms after a resize
    grab(wizard, name, DOC_SCREENSHOTS)
    if name == "weging-zutphen-opvragen.png":
        # The README's picture: the ZU-A4A decision with what the worker recorded.
        fields = wizard.current_page().fields[chosen]
        fields["motivation"].set_text("Fictief: ernstige zorgen over de veiligheid van het kind")
        fields["legal_ground"].boxes[0][1].setChecked(True)
        fields["consulted"].set_text("Fictief: gedragswetenschapper A. en teamleider B.")
        fields["findings"].set_text("Fictief: delen is nodig; alleen het verslag")
        fields["anonymised_consultation"].yes.setChecked(True)
        fields["findings"].edit.setFocus()
        qtbot.wait(200)
        grab(wizard, "weging.png", DOC_SCREENSHOTS)
    if name == SHOTS[0][0]:
        wizard.current_page().fields[chosen]["narrowed_items"].set_text(ITEMS[0])
        wizard._next()
        steps(qtbot, wizard, ["ja", "ja"])
        assert wizard.weighing.is_complete
        assert_fits(wizard)
        qtbot.wait(200)
        grab(wizard, "weging-uitkomst.png", DOC_SCREENSHOTS)
    discard(wizard)


def assert_fits(wizard: WeighingWizard) -> None:
    """Every visible button inside the window, no label cut off at the side."""
    QApplication.processEvents()
    inside = wizard.rect()
    for button in (wizard.back_button, wizard.next_button, wizard.finish_button,
                   wizard.cancel_button):
        if button.isVisible():
            top_left = button.mapTo(wizard, button.rect().topLeft())
            assert inside.contains(top_left) and inside.contains(
                top_left + button.rect().bottomRight()), button.text()
            assert button.width() >= button.sizeHint().width(), button.text()


# --------------------------------------------------------------------------------------------
# The overview


def record_value(requirement: RecordRequirement, items: tuple[str, ...]) -> str:
    """A valid record of each kind for generated paths."""
    values = {
        RecordKind.REASON_NOT_INFORMING: "bescherming_betrokkene",
        RecordKind.LEGAL_GROUND: "conflict_van_plichten",
        RecordKind.ANONYMISED: "ja",
        RecordKind.INFORM_AFTER: TODAY.isoformat(),
        RecordKind.NARROWED_ITEMS: items[0],  # at least one item goes
    }
    return values.get(requirement.kind, "Fictief")


def walk(service: DataRequestService, request_id: str,
         wanted: Callable[[ProtocolPath], bool]) -> Weighing:
    """The first generated path of the chosen protocol, for this request, that fits."""
    request = service.get(request_id).request
    graph = service.protocol().for_direction(request.direction)
    for path in enumerate_paths(graph, service.context_of(request)):
        if wanted(path):
            state = Weighing.start(graph)
            for node_id, answer_id in path.steps:
                answer = graph.node(node_id).answer(answer_id)
                assert answer is not None
                records = {r.kind.value: record_value(r, request.items) for r in answer.records}
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
    assert outcomes[made[Status.DOORVERWEZEN]].startswith("Niet opvragen. Laat het over")
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


def test_reminder_to_inform_afterwards_and_the_organisations_answer(
        qtbot, session: Session, clock, service: DataRequestService, intake_id: str,
        panel: DataRequestsPanel) -> None:
    """ZU-A4B: shared without informing first, to be told on a date. Before that day the
    button is there but no reminder; from that day a clear line says what to do. Sent, the
    organisation's answer is recorded in a small dialog, by keyboard."""
    rid = create(service, intake_id, "school")
    weighing = walk(service, rid, verdict(OutcomeKind.SHARE_WITHOUT_INFORMING))
    assert weighing.records_of(RecordKind.INFORM_AFTER) == (TODAY.isoformat(),)
    service.record_weighing(rid, weighing, answer_from_path=True)
    clock.now -= dt.timedelta(days=1)  # the day before the planned date
    panel.refresh()
    activate(qtbot, panel)
    panel.select_request(rid)
    assert panel.informed_after_button.isVisible() and not panel.reminder.isVisible()
    assert not panel.response_button.isVisible()
    assert not panel.due_notice.isVisible()
    clock.now += dt.timedelta(days=1)  # the day has come
    other = create(service, intake_id, "huisarts")
    panel.refresh()
    # Whichever request is selected, the tab says one is due.
    panel.select_request(other)
    assert panel.due_notice.isVisible() and not panel.reminder.isVisible()
    assert panel.due_notice.text() == (
        "Herinnering: vertel de inwoner nu achteraf over het verzoek aan of van Fictieve school. "
        "Kies het verzoek in de lijst.")
    panel.select_request(rid)
    assert panel.reminder.isVisible()
    grab(panel, "verzoeken-herinnering.png")
    assert panel.reminder.text() == (
        "Vertel de inwoner achteraf dat je gegevens hebt opgevraagd bij Fictieve school, "
        "gepland op 22-11-2026. Of kijk opnieuw of de reden om het niet te vertellen nog "
        "geldt.")
    panel.table.setFocus()
    with qtbot.waitSignal(panel.changed, timeout=3000):
        alt(qtbot, panel, mnemonic(panel.informed_after_button.text()))
    request = service.get(rid).request
    assert request.informed_afterwards_at is not None
    assert not panel.reminder.isVisible() and not panel.informed_after_button.isVisible()
    assert not panel.due_notice.isVisible()
    assert "De inwoner is achteraf geïnformeerd op 22-11-2026." in panel.details.text()

    service.mark_sent(rid)
    panel.refresh()
    assert panel.response_button.isVisible() and panel.response_button.isEnabled()
    seen: dict[str, object] = {}

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, ResponseDialog)
        seen["choices"] = [b.text() for b in dialog.answers.values()]
        letters = [mnemonic(b.text()) for b in dialog.answers.values()]
        letters += [mnemonic(dialog.note.label.text()), mnemonic(dialog.save_button.text())]
        seen["letters"] = letters
        alt(qtbot, dialog, "s", dialog.error.isVisible)  # nothing chosen yet
        seen["refused"] = dialog.error.text()
        button = dialog.answers[OrganisationResponse.PARTLY]
        alt(qtbot, dialog, mnemonic(button.text()), button.isChecked)
        assert not dialog.error.isVisible()
        alt(qtbot, dialog, mnemonic(dialog.note.label.text()), dialog.note.edit.hasFocus)
        type_text(qtbot, dialog.note.edit, "Fictief: alleen het verslag")
        grab(dialog, "verzoek-antwoord.png")
        key(qtbot, Qt.Key.Key_Tab)
        key(qtbot, Qt.Key.Key_Tab)
        key(qtbot, Qt.Key.Key_Return)  # Enter on the default button: Opslaan

    when_modal(ResponseDialog, answer)
    with qtbot.waitSignal(panel.changed, timeout=5000):
        alt(qtbot, panel, mnemonic(panel.response_button.text()))
    assert seen["choices"] == ["&Gegevens gegeven", "&Een deel gegeven", "&Niets gegeven"]
    letters = seen["letters"]
    assert isinstance(letters, list) and len(set(letters)) == len(letters)
    assert seen["refused"] == "Let op: Kies wat de organisatie heeft gegeven."
    request = service.get(rid).request
    assert request.response is OrganisationResponse.PARTLY
    assert request.response_note == "Fictief: alleen het verslag"
    assert "Antwoord van de organisatie: een deel gegeven." in panel.details.text()


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
    assert panel.table.item(0, 3).text() == "Concept"
    assert panel.weigh_button.text() == "&Afwegen" and not panel.send_button.isEnabled()

