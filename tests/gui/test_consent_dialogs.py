"""The consent dialogs of issue 14 against a real encrypted store and the real services, driven
by keyboard where a worker would: the signed dialog with a Ja/Nee per signer and per item, a
parent who signs a week later, the age checked on the signing date, the composer's questions
for a minor and for an adult, withdrawal of one item, informing for toetsing, and the real
name of a data request. Screenshots go to artifacts/screenshots/ (look at them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop_app.domain.consent import Choice, ItemOutcome, SignerRecord
from desktop_app.domain.data_requests import ConsentState, ResidentAnswer, Status
from desktop_app.domain.vocabulary import Basis
from desktop_app.gui.consent.consent_dialogs import ComposeDialog, SignedDialog, WithdrawnDialog
from desktop_app.gui.consent.consent_panel import ConsentPanel
from desktop_app.gui.data_requests.informing_dialog import InformingDialog
from desktop_app.gui.shared.style import apply_style
from desktop_app.services.consent import ConsentService
from desktop_app.services.data_requests import DataRequestService
from desktop_app.services.session import Session
from tests.gui import a11y
from tests.gui.consent_setup import (
    ADULT,
    BEWINDVOERDER,
    CHILD,
    MENTOR,
    PARENTS,
    add_request,
    intake_14,
    intake_adult,
    today,
)
from tests.gui.keyboard import type_text

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
CURATOR = "Fictieve curator Mr. P. Bakker"


@pytest.fixture
def session(profile: Any, qapp: Any) -> Iterator[Session]:
    apply_style(qapp)
    s = Session(profile)
    yield s
    if s.is_open:
        s.lock()


def _shoot(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(SCREENSHOTS / name))


def _show(qtbot: Any, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def _press(qtbot: Any, button: QWidget) -> None:
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def _alt(qtbot: Any, window: QWidget, letter: str,
         until: Callable[[], object] | None = None) -> None:
    """Alt+letter; a mnemonic clicks after Qt's short press animation, so wait for `until`."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)
    if until is not None:
        qtbot.waitUntil(lambda: bool(until()), timeout=3000)


def _in_modal(kind: type[QDialog], handle: Callable[[Any], None], seen: list[str]) -> None:
    """Run `handle` on the modal dialog of type `kind` once it is open; a failed check closes
    the dialog (the test would hang otherwise) and is reported."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        # Alt+letter needs the active window.
        if not isinstance(dialog, kind) or not dialog.isActiveWindow():
            QTimer.singleShot(50, attempt)
            return
        try:
            handle(dialog)
            seen.append(kind.__name__)
        except BaseException as err:
            seen.append(f"error: {err!r}")
            dialog.reject()

    QTimer.singleShot(0, attempt)


def _printed(session: Session, intake_id: str, request_ids: list[str]) -> str:
    service = ConsentService(session)
    composition = service.compose(intake_id, request_ids)
    assert composition.ready, composition.problems
    statement_id = service.create(intake_id, composition)
    service.mark_printed(statement_id)
    return statement_id


def _panel(qtbot: Any, session: Session, intake_id: str) -> ConsentPanel:
    panel = ConsentPanel(session, intake_id, "nl")
    panel.resize(1200, 720)
    _show(qtbot, panel)
    return panel


def _item(service: ConsentService, statement_id: str, request_id: str) -> int:
    return next(i.index for i in service.summary(statement_id).items
                if i.request_id == request_id)


# -- the signed dialog ----------------------------------------------------------------------
def test_signed_14_year_old_and_two_parents_one_parent_says_nee_wgbo_7_450(
        qtbot: Any, session: Session) -> None:
    """12 to 16: the young person and each parent with custody decide, each with his own Ja
    or Nee (WGBO art. 7:450 lid 2). One parent ticks Nee for the youth-care provider: that
    request stays locked, the GP's can be sent (AVG art. 7 lid 1: a Nee on paper counts)."""
    intake_id, requests = intake_14(session)
    service = ConsentService(session)
    statement_id = _printed(session, intake_id,
                            [requests["huisarts"], requests["jeugd"], requests["school"]])
    panel = _panel(qtbot, session, intake_id)
    assert panel.signed_button.isEnabled() and panel.signed_button.text() == (
        "Get&ekend vastleggen…")
    assert not panel.withdrawn_button.isEnabled()
    gp = _item(service, statement_id, requests["huisarts"])
    youth = _item(service, statement_id, requests["jeugd"])
    school = _item(service, statement_id, requests["school"])
    seen: list[str] = []

    def fill(dialog: SignedDialog) -> None:
        assert [c.label for c in dialog.columns] == [
            f"{CHILD} (jongere)", *(f"{p} (ouder met gezag)" for p in PARENTS)]
        for column in dialog.columns:
            # Choices only for the items that need one; the school is information only.
            assert set(column.cells) == {gp, youth}
            assert all(not cell.isEnabled() for cell in column.cells.values())  # not signed
            assert column.cells[gp].choice() is Choice.LEEG  # nothing is pre-ticked
            assert column.signed is not None
            _press(qtbot, column.signed)
            assert all(cell.isEnabled() for cell in column.cells.values())
            for index, cell in column.cells.items():
                nee = column.index == 2 and index == youth
                cell.buttons[Choice.NEE if nee else Choice.JA].click()
        _shoot(dialog, "toestemming-getekend-drie-ondertekenaars.png")
        _alt(qtbot, dialog, "v")
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)

    _in_modal(SignedDialog, fill, seen)
    _press(qtbot, panel.signed_button)
    assert seen == ["SignedDialog"]
    summary = service.summary(statement_id)
    outcomes = {i.index: i.outcome for i in summary.items}
    assert outcomes == {gp: ItemOutcome.GIVEN, youth: ItemOutcome.REFUSED,
                        school: ItemOutcome.NOT_NEEDED}
    assert summary.state is ConsentState.GETEKEND
    requests_service = DataRequestService(session)
    assert requests_service.get(requests["huisarts"]).can_send
    locked = requests_service.get(requests["jeugd"])
    assert not locked.can_send and locked.status is Status.GEWEIGERD
    # The panel says it per item, in the list and in the message.
    organisations = panel.table.item(0, 3).text().split("\n")
    assert "Jeugdhulp Het Anker: geweigerd" in organisations
    assert "Huisartsenpraktijk De Linde: toestemming gegeven" in organisations
    assert "Jeugdhulp Het Anker: geweigerd" in panel.message.text()
    history = [panel.detail.item(i).text() for i in range(panel.detail.count())]
    assert any(f"{PARENTS[1]} zegt nee tegen: Jeugdhulp Het Anker" in line for line in history)
    assert not panel.signed_button.isEnabled()  # nothing left to sign
    _shoot(panel, "toestemming-na-tekenen-met-nee.png")


def test_a_parent_who_signs_a_week_later_is_added(qtbot: Any, session: Session,
                                                  clock: Any) -> None:
    """Consent needs every decider (WGBO 7:450 lid 2): after the young person and one parent
    the items are not complete; a week later the second parent's signature is added, the
    earlier records stay as they were."""
    intake_id, requests = intake_14(session)
    service = ConsentService(session)
    statement_id = _printed(session, intake_id, [requests["huisarts"]])
    first_day = today(session)
    dialog = _show(qtbot, SignedDialog(service, service.summary(statement_id), first_day))
    for column in dialog.columns[:2]:
        column.signed.setChecked(True)
        next(iter(column.cells.values())).buttons[Choice.JA].setChecked(True)
    dialog._record()
    assert dialog.result() == QDialog.DialogCode.Accepted
    summary = service.summary(statement_id)
    assert [i.outcome for i in summary.items] == [ItemOutcome.INCOMPLETE]
    assert summary.can_record_signatures
    assert not DataRequestService(session).get(requests["huisarts"]).can_send
    panel = _panel(qtbot, session, intake_id)
    assert panel.table.item(0, 2).text().startswith("Getekend")
    assert panel.signed_button.isEnabled()

    clock.advance(7 * 24 * 3600)
    later = _show(qtbot, SignedDialog(service, service.summary(statement_id), today(session)))
    child, parent, other = later.columns
    # What is already recorded is shown, with its own date.
    assert child.signed.isChecked() and parent.signed.isChecked()
    assert child.date.date().toPython() == first_day
    assert next(iter(parent.cells.values())).choice() is Choice.JA
    assert not other.signed.isChecked()
    other.signed.setChecked(True)
    next(iter(other.cells.values())).buttons[Choice.JA].setChecked(True)
    later._record()
    assert later.result() == QDialog.DialogCode.Accepted, later.error.text()
    assert [i.outcome for i in service.summary(statement_id).items] == [ItemOutcome.GIVEN]
    assert DataRequestService(session).get(requests["huisarts"]).can_send
    records = service.summary(statement_id).records
    assert records[0].signed_on == first_day and records[2].signed_on == today(session)


def test_the_16th_birthday_on_the_signing_date_is_refused_in_the_dialog_wgbo_7_447(
        qtbot: Any, session: Session, clock: Any) -> None:
    """The age counts on the day of signing: a 15-year-old who signs on the 16th birthday
    decides alone (WGBO art. 7:447), so the statement for 12-15 no longer fits. The dialog
    shows the service's refusal and stays open; nothing is recorded."""
    intake_id, requests = intake_14(session, birth=dt.date(2010, 11, 25))
    service = ConsentService(session)
    statement_id = _printed(session, intake_id, [requests["huisarts"]])
    clock.advance(3 * 24 * 3600)  # 25-11-2026: the 16th birthday
    dialog = _show(qtbot, SignedDialog(service, service.summary(statement_id), today(session)))
    young = dialog.columns[0]
    _press(qtbot, young.signed)
    assert young.date.date().toPython() == dt.date(2026, 11, 25)
    _alt(qtbot, dialog, "v", dialog.error.isVisible)
    assert dialog.isVisible()
    assert dialog.error.text() == (
        f"Fout: Op 25-11-2026 is {CHILD} 16 jaar. Dan moeten andere mensen tekenen dan op "
        "deze verklaring staan. Maak een nieuwe verklaring.")
    assert service.summary(statement_id).state is ConsentState.GEPRINT
    _shoot(dialog, "toestemming-getekend-16-jaar.png")
    dialog.reject()


def test_signed_dialog_by_keyboard_tab_reaches_every_choice(qtbot: Any,
                                                             session: Session) -> None:
    """Keyboard only: Tab goes column by column (a signer at a time, as the paper is read):
    signed, date, then one stop per choice; arrow keys move between Ja, Nee and leeg."""
    intake_id, requests = intake_14(session)
    service = ConsentService(session)
    statement_id = _printed(session, intake_id,
                            [requests["huisarts"], requests["jeugd"], requests["school"]])
    dialog = _show(qtbot, SignedDialog(service, service.summary(statement_id),
                                       today(session)))
    assert QApplication.focusWidget() is dialog.columns[0].signed
    # Tick "heeft getekend" for every signer with Space, reaching each one by Tab.
    for column in dialog.columns:
        while QApplication.focusWidget() is not column.signed:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClick(column.signed, Qt.Key.Key_Space)
        assert column.signed.isChecked()
    QApplication.processEvents()
    dialog.columns[0].signed.setFocus()
    walk = a11y.tab_walk(qtbot, dialog)
    reached = {id(w) for w in walk.chain}
    cells = [cell for column in dialog.columns for cell in column.cells.values()]
    assert len(cells) == 6
    for cell in cells:
        assert any(id(b) in reached for b in cell.buttons.values()), "a choice is not reached"
    assert walk.cycled and not walk.trapped
    assert not a11y.unreached(walk, dialog)
    assert not a11y.order_violations(walk, dialog)
    assert not a11y.duplicate_mnemonics(dialog)
    assert not a11y.name_violations(dialog)
    # Inside a choice the arrow keys choose: from "leeg" one step back is "Nee", then "Ja".
    cell = cells[0]
    cell.focus_target().setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert cell.choice() is Choice.NEE
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert cell.choice() is Choice.JA
    # The accessible name says whose choice about what.
    assert a11y.accessible_name(cell.buttons[Choice.JA]).startswith(f"{CHILD} (jongere), ")


# -- withdrawal -----------------------------------------------------------------------------
def test_withdrawal_of_one_item_leaves_the_other_avg_art_7_lid_3(qtbot: Any,
                                                                 session: Session) -> None:
    """Consent is withdrawn per item (AVG art. 7 lid 3: as easy as giving it): the GP's
    request is locked again, the youth-care provider's still may be sent."""
    intake_id, requests = intake_14(session)
    service = ConsentService(session)
    statement_id = _printed(session, intake_id, [requests["huisarts"], requests["jeugd"]])
    signed = _show(qtbot, SignedDialog(service, service.summary(statement_id), today(session)))
    for column in signed.columns:
        column.signed.setChecked(True)
        for cell in column.cells.values():
            cell.buttons[Choice.JA].setChecked(True)
    signed._record()
    panel = _panel(qtbot, session, intake_id)
    assert panel.withdrawn_button.isEnabled()
    gp = _item(service, statement_id, requests["huisarts"])
    seen: list[str] = []

    def withdraw(dialog: WithdrawnDialog) -> None:
        boxes = dict((item.index, box) for item, box in dialog.item_boxes)
        assert not any(box.isChecked() for box in boxes.values())  # nothing by default
        _alt(qtbot, dialog, "v", dialog.error.isVisible)  # nothing ticked: refused
        assert dialog.error.text() == "Fout: vink aan wat de inwoner intrekt."
        _alt(qtbot, dialog, "l")  # "Alles" ticks every item…
        qtbot.waitUntil(lambda: all(box.isChecked() for box in boxes.values()))
        _alt(qtbot, dialog, "l")  # …and again unticks them
        qtbot.waitUntil(lambda: not any(box.isChecked() for box in boxes.values()))
        _press(qtbot, boxes[gp])
        assert dialog.chosen_items() == [gp]
        _alt(qtbot, dialog, "d")
        assert QApplication.focusWidget() is dialog.date_edit
        _shoot(dialog, "toestemming-ingetrokken-een-onderdeel.png")
        _alt(qtbot, dialog, "v")
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)

    _in_modal(WithdrawnDialog, withdraw, seen)
    _press(qtbot, panel.withdrawn_button)
    assert seen == ["WithdrawnDialog"]
    outcomes = {i.request_id: i.outcome for i in service.summary(statement_id).items}
    assert outcomes == {requests["huisarts"]: ItemOutcome.WITHDRAWN,
                        requests["jeugd"]: ItemOutcome.GIVEN}
    requests_service = DataRequestService(session)
    assert not requests_service.get(requests["huisarts"]).can_send
    assert requests_service.get(requests["jeugd"]).can_send
    assert "Huisartsenpraktijk De Linde: ingetrokken" in panel.table.item(0, 3).text()
    assert panel.withdrawn_button.isEnabled()  # the other item can still be withdrawn


# -- the composer ---------------------------------------------------------------------------
def test_composer_for_a_14_year_old_custody_holders_and_the_exception_wgbo_7_450(
        qtbot: Any, session: Session) -> None:
    """Each custody holder is a person with a role; the worker checked the register; a
    missing second parent is asked for. The statutory exception (WGBO art. 7:450 lid 2) needs
    its reason, and then only the young person signs."""
    intake_id, _requests = intake_14(session)
    dialog = _show(qtbot, ComposeDialog(ConsentService(session), intake_id))
    assert [r.holder().name for r in dialog.custody_rows] == list(PARENTS)
    assert dialog.custody_checked.isChecked() and dialog.ok_button.isEnabled()
    for name in (CHILD, *PARENTS):
        assert name in dialog.signers_label.text()
    assert not dialog.capacity_box.isVisible() and not dialog.child_view_box.isVisible()
    assert "Jeugdhulp Het Anker, toestemming: " in dialog.deciders_label.text()

    # Remove the second parent: both parents hold custody by the answers, so it is asked.
    _press(qtbot, dialog.custody_rows[1].remove_button)
    assert len(dialog.custody_rows) == 1 and not dialog.ok_button.isEnabled()
    assert "gezag" in dialog.problems_label.text()
    _alt(qtbot, dialog, "t", lambda: len(dialog.custody_rows) == 2)
    assert QApplication.focusWidget() is dialog.custody_rows[1].name_edit
    type_text(qtbot, dialog.custody_rows[1].name_edit, PARENTS[1])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.custody_rows[1].role_combo  # Tab order kept
    assert dialog.ok_button.isEnabled(), dialog.problems_label.text()
    assert dialog.choices().custody_holders is not None
    assert [h.name for h in dialog.choices().custody_holders] == list(PARENTS)

    # The exception: the reason is required; then the young person alone.
    _alt(qtbot, dialog, "z", dialog.exception_check.isChecked)
    assert not dialog.custody_box.isVisible() and dialog.exception_reason.isVisible()
    assert not dialog.ok_button.isEnabled()
    assert "Schrijf op waarom de ouders niet tekenen" in dialog.problems_label.text()
    _alt(qtbot, dialog, "w")
    type_text(qtbot, dialog.exception_reason, "Fictief: ernstig nadeel voorkomen")
    assert dialog.ok_button.isEnabled(), dialog.problems_label.text()
    assert PARENTS[0] not in dialog.signers_label.text() and CHILD in dialog.signers_label.text()
    assert dialog.composition is not None and dialog.composition.signers is not None
    assert dialog.composition.signers.rule.value == "12_tot_16_zonder_ouders"
    _shoot(dialog, "toestemming-samenstellen-uitzondering.png")


def test_composer_for_an_adult_asks_capacity_and_shows_competence_wgbo_7_465(
        qtbot: Any, session: Session) -> None:
    """An adult decides himself when he can judge this (WGBO art. 7:465 lid 2), also under
    curatele; the question is asked per statement. When he cannot: the curator decides on
    everything; a mentor not on money, a bewindvoerder only on money (BW 1:453, 1:438)."""
    intake_id, requests = intake_adult(session, representation="curatele",
                                       representative=CURATOR)
    service = ConsentService(session)
    dialog = _show(qtbot, ComposeDialog(service, intake_id))
    assert dialog.capacity_box.isVisible() and not dialog.custody_box.isVisible()
    assert dialog.capable() is None  # no default: the worker must answer
    assert not dialog.ok_button.isEnabled()
    assert "wilsbekwaam" in dialog.problems_label.text()
    assert not dialog.representation_box.isVisible()

    _alt(qtbot, dialog, "n", dialog.capable_no.isChecked)
    assert dialog.representation_box.isVisible()
    assert dialog.curator_edit.text() == CURATOR  # from the intake's answers
    # The paper says the resident's own view was discussed (WGBO 7:465 lid 5): asked for.
    assert not dialog.ok_button.isEnabled()
    assert "zelf van vindt" in dialog.problems_label.text()
    type_text(qtbot, dialog.own_view, "Fictief: de inwoner vindt het goed")
    assert f"{CURATOR} (curator; beslist over alle onderdelen)" in dialog.signers_label.text()
    assert dialog.ok_button.isEnabled(), dialog.problems_label.text()
    assert not any(row.money.isVisible() for row in dialog.rows)  # a curator decides on all

    # Without a curator: a mentor (not money) and the debt counselling (money).
    debt = next(row for row in dialog.rows if row.candidate.request_id == requests["schulden"])
    _press(qtbot, debt.box)
    dialog.curator_edit.clear()
    _alt(qtbot, dialog, "e")
    type_text(qtbot, dialog.mentor_edit, MENTOR)
    assert debt.money.isVisible() and debt.money.isChecked()  # the catalogue says money
    assert not dialog.ok_button.isEnabled()
    assert "niemand op de verklaring mag hierover beslissen" in dialog.problems_label.text()
    _alt(qtbot, dialog, "b")
    type_text(qtbot, dialog.bewindvoerder_edit, BEWINDVOERDER)
    assert dialog.ok_button.isEnabled(), dialog.problems_label.text()
    signers = dialog.signers_label.text()
    assert f"{MENTOR} (mentor; beslist over alles behalve geldzaken)" in signers
    assert f"{BEWINDVOERDER} (bewindvoerder; beslist alleen over geldzaken)" in signers
    lines = dialog.deciders_label.text().split("\n")
    assert any(line.startswith("• Schuldhulp Voorbeeldstad") and BEWINDVOERDER in line
               and MENTOR not in line for line in lines)
    assert any(line.startswith("• Huisartsenpraktijk De Linde") and MENTOR in line
               and BEWINDVOERDER not in line for line in lines)
    choices = dialog.choices()
    assert choices.capable is False and choices.financial == (requests["schulden"],)
    _shoot(dialog, "toestemming-samenstellen-mentor-bewindvoerder.png")

    # Able to judge it after all: the resident alone.
    _alt(qtbot, dialog, "j", dialog.capable_yes.isChecked)
    assert not dialog.representation_box.isVisible() and dialog.capable_note.isVisible()
    assert dialog.composition is not None and dialog.composition.signers is not None
    assert [s.name for s in dialog.composition.signers.signers] == [ADULT]
    assert not any(row.money.isVisible() for row in dialog.rows)


def test_composer_hints_at_a_missing_real_name(qtbot: Any, session: Session) -> None:
    """Consent is specific (AVG art. 4 lid 11): a request without the real name of the
    practice says so in the composer, and the statement cannot be made."""
    intake_id, _requests = intake_14(session)
    add_request(session, intake_id, "psycholoog", "")
    dialog = _show(qtbot, ComposeDialog(ConsentService(session), intake_id))
    row = next(r for r in dialog.rows if r.candidate.organisation.nl.startswith("Psycholoog"))
    assert row.box.isChecked() and row.name_missing.isVisible()
    assert "de echte naam ontbreekt" in row.name_missing.text()
    assert not dialog.ok_button.isEnabled()
    assert "vul bij het gegevensverzoek de echte naam in" in dialog.problems_label.text()
    school = next(r for r in dialog.rows if r.candidate.named == "Basisschool De Regenboog")
    assert "Soort: alleen informatie." in school.hint.text()


# -- data requests --------------------------------------------------------------------------
def test_informing_for_toetsing_records_geinformeerd_avg_art_7_lid_4(
        qtbot: Any, session: Session) -> None:
    """Toetsing is the statutory task: the resident is informed, not asked (AVG art. 7 lid 4,
    overweging 43). The dialog offers no ja or deels; the resident may object (AVG art. 21),
    recorded as nee with the arguments. Verdieping still asks ja / nee / deels."""
    intake_id, _requests = intake_14(session)
    service = DataRequestService(session)
    request_id = add_request(session, intake_id, "school", "Fictieve school Noord",
                             basis=Basis.TOETSING, informed=False)
    dialog = _show(qtbot, InformingDialog(service, request_id))
    assert dialog.windowTitle() == "Informeren vastleggen"
    form = dialog.form
    assert set(form.answers) == {ResidentAnswer.GEINFORMEERD, ResidentAnswer.NEE, None}
    texts = [button.text() for button in form.answers.values()]
    assert not any(t.replace("&", "").startswith(("Ja", "Deels")) for t in texts)
    _alt(qtbot, dialog, "r", form.answers[ResidentAnswer.GEINFORMEERD].isChecked)
    _shoot(dialog, "informeren-toetsing.png")
    _alt(qtbot, dialog, "s", lambda: not dialog.isVisible())
    informing = service.get(request_id).request.informing
    assert informing is not None and informing.answer is ResidentAnswer.GEINFORMEERD

    # An objection is recorded with the arguments.
    again = _show(qtbot, InformingDialog(service, request_id))
    assert again.form.chosen_answer() is ResidentAnswer.GEINFORMEERD  # as recorded
    _alt(qtbot, again, "n", again.form.answers[ResidentAnswer.NEE].isChecked)
    assert again.form.arguments.isVisible()
    _alt(qtbot, again, "b")
    type_text(qtbot, again.form.arguments.edit, "Fictief: wil niet dat school het weet")
    _alt(qtbot, again, "s", lambda: not again.isVisible())
    informing = service.get(request_id).request.informing
    assert informing is not None and informing.answer is ResidentAnswer.NEE
    assert informing.arguments == "Fictief: wil niet dat school het weet"

    verdieping = add_request(session, intake_id, "huisarts", "Fictieve praktijk",
                             informed=False)
    asked = _show(qtbot, InformingDialog(service, verdieping))
    assert asked.windowTitle() == "Mondelinge toestemming vastleggen"
    assert set(asked.form.answers) == {ResidentAnswer.JA, ResidentAnswer.NEE,
                                       ResidentAnswer.DEELS, None}
    asked.reject()


def test_request_dialog_asks_the_real_name_and_the_overview_shows_it(
        qtbot: Any, session: Session) -> None:
    """The real name is required for a request the resident decides on (consent or a
    release), a hint for information only; the overview shows the name and the consent."""
    from desktop_app.gui.data_requests.data_request_dialog import DataRequestDialog
    from desktop_app.gui.data_requests.data_requests_panel import DataRequestsPanel

    intake_id, requests = intake_14(session)
    service = DataRequestService(session)
    panel = DataRequestsPanel(session, intake_id, "nl")
    panel.resize(1240, 780)
    _show(qtbot, panel)
    panel.select_request(requests["school"])
    assert panel.consent_button.text() == "Infor&meren vastleggen"  # toetsing: informed
    panel.select_request(requests["huisarts"])
    assert panel.consent_button.text() == "&Mondelinge toestemming vastleggen"
    names = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    assert "Huisartsenpraktijk De Linde (Huisarts)" in names
    assert "<b>Naam:</b> Huisartsenpraktijk De Linde" in panel.details.text()
    assert "<b>Toestemmingsverklaring:</b> geen verklaring" in panel.details.text()

    dialog = _show(qtbot, DataRequestDialog(service, intake_id,
                                            row=service.get(requests["school"])))
    assert dialog.named_edit.text() == "Basisschool De Regenboog"
    assert not dialog.name_required()  # toetsing from a school: information only
    assert dialog.named_hint.text().startswith("Niet verplicht")
    dialog.verdieping.setChecked(True)  # verdieping: a free choice, so the name is needed
    assert dialog.name_required() and dialog.named_hint.text().startswith("Verplicht.")
    dialog.named_edit.clear()
    dialog._save()
    assert dialog.error.isVisible() and dialog.isVisible()
    _alt(qtbot, dialog, "n")
    assert QApplication.focusWidget() is dialog.named_edit
    type_text(qtbot, dialog.named_edit, "Fictieve school Zuid")
    dialog._save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert service.get(requests["school"]).request.organisation_named == "Fictieve school Zuid"


def test_an_old_paper_gets_one_shared_column(qtbot: Any, session: Session) -> None:
    """A statement printed before issue 14 had one Ja/Nee column for all signers: its choices
    are taken over once, in the column "Gezamenlijke keuze (oud formulier)" (signer -1), next
    to the signatures migration 4 already recorded. (The summary is built as the service
    reads such a statement back; nothing is recorded here.)"""
    from desktop_app.domain.consent import LEGACY_SHARED, ItemKind
    from desktop_app.domain.signers import SignerRole
    from desktop_app.domain.texts import Text
    from desktop_app.messages import Message
    from desktop_app.services.consent import ItemInfo, SignerInfo, StatementSummary

    day = today(session)
    signers = (SignerInfo(0, CHILD, SignerRole.YOUNG_PERSON),
               SignerInfo(1, PARENTS[0], SignerRole.PARENT_WITH_CUSTODY))
    summary = StatementSummary(
        id="verklaring-oud", document_number="TV-2026-000001-U", version=1, previous_id=None,
        state=ConsentState.GETEKEND, replaced=False,
        organisations=(Text("Huisarts", "General practitioner"),),
        signers=tuple(s.label for s in signers), signer_names=(CHILD, PARENTS[0]),
        signer_roles=(SignerRole.YOUNG_PERSON, SignerRole.PARENT_WITH_CUSTODY),
        signer_explanation=Message("signer.explanation.16_en_ouder", age=14),
        valid_until=day + dt.timedelta(days=300),
        events=({"event": "gemaakt", "at": "2026-11-01T09:00:00+00:00"},),
        signer_list=signers,
        items=(ItemInfo(0, "Huisarts", ItemKind.CONSENT, (LEGACY_SHARED,), None,
                        ItemOutcome.INCOMPLETE),),
        records={0: SignerRecord(0, True, dt.date(2026, 11, 3)),
                 1: SignerRecord(1, True, dt.date(2026, 11, 4))},
        legacy_shared_choice=True)
    dialog = _show(qtbot, SignedDialog(ConsentService(session), summary, day))
    *people, shared = dialog.columns
    assert shared.index == LEGACY_SHARED and shared.label == "Gezamenlijke keuze (oud formulier)"
    assert shared.signed is None and set(shared.cells) == {0}
    assert all(not column.cells for column in people)  # nobody has a column of his own
    assert all(column.signed.isChecked() for column in people)  # as migration 4 recorded
    shared.cells[0].buttons[Choice.JA].setChecked(True)
    records = {r.signer: r for r in dialog.records()}
    assert records[LEGACY_SHARED] == SignerRecord(LEGACY_SHARED, True, dt.date(2026, 11, 4),
                                                  {0: Choice.JA})
    assert records[0].signed_on == dt.date(2026, 11, 3) and records[0].choices == {}
    dialog.reject()


def test_composer_for_a_9_year_old_with_a_guardian_records_the_childs_view(
        qtbot: Any, session: Session) -> None:
    """Under 12 the custody holders decide (WGBO art. 7:465 lid 1): here a guardian (voogd);
    there is no exception to ask, and the child's own view is recorded (not printed)."""
    from desktop_app.domain.signers import SignerRole

    intake_id, _requests = intake_14(session, birth=dt.date(2017, 6, 1), custody=False)
    dialog = _show(qtbot, ComposeDialog(ConsentService(session), intake_id))
    assert dialog.custody_box.isVisible() and dialog.child_view_box.isVisible()
    assert not dialog.exception_box.isVisible() and not dialog.capacity_box.isVisible()
    row = dialog.custody_rows[0]
    row.name_edit.setFocus()
    type_text(qtbot, row.name_edit, "Fictieve voogd Mw. K. Smit")
    qtbot.keyClick(row.name_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row.role_combo
    row.role_combo.setCurrentIndex(row.role_combo.findData(SignerRole.GUARDIAN.value))
    _press(qtbot, dialog.custody_checked)
    _alt(qtbot, dialog, "k")
    assert QApplication.focusWidget() is dialog.child_view
    type_text(qtbot, dialog.child_view, "Fictief: vindt het goed als de dokter helpt")
    assert dialog.ok_button.isEnabled(), dialog.problems_label.text()
    assert "Fictieve voogd Mw. K. Smit (voogd)" in dialog.signers_label.text()
    assert CHILD not in dialog.signers_label.text().split("Tekenen:")[1]  # the child does not sign
    choices = dialog.choices()
    assert choices.child_view == "Fictief: vindt het goed als de dokter helpt"
    assert choices.custody_holders is not None
    assert [(h.name, h.role) for h in choices.custody_holders] == [
        ("Fictieve voogd Mw. K. Smit", SignerRole.GUARDIAN)]


def test_composer_for_an_adult_without_a_representative_asks_for_one_wgbo_7_465_lid_3(
        qtbot: Any, session: Session) -> None:
    """An adult who cannot judge this and has no curator or mentor: the person he authorised
    in writing, else the partner, else a parent, child, brother or sister decides on what is
    not money (WGBO art. 7:465 lid 3); the relation must be chosen."""
    from desktop_app.domain.signers import Relation

    intake_id, _requests = intake_adult(session, representation="geen", representative="")
    dialog = _show(qtbot, ComposeDialog(ConsentService(session), intake_id))
    _alt(qtbot, dialog, "n", dialog.capable_no.isChecked)
    assert not dialog.ok_button.isEnabled()  # nobody to decide
    assert dialog.problems_label.isVisible()
    type_text(qtbot, dialog.own_view, "Fictief: de inwoner vindt het goed")
    _alt(qtbot, dialog, "v")
    assert QApplication.focusWidget() is dialog.representative_edit
    type_text(qtbot, dialog.representative_edit, "Fictieve partner J. de Boer")
    assert not dialog.ok_button.isEnabled()  # the relation is not chosen yet
    _alt(qtbot, dialog, "r")
    assert QApplication.focusWidget() is dialog.relation_combo
    dialog.relation_combo.setCurrentIndex(dialog.relation_combo.findData(Relation.PARTNER.value))
    assert dialog.ok_button.isEnabled(), dialog.problems_label.text()
    assert dialog.choices().representative_relation is Relation.PARTNER
    assert "Fictieve partner J. de Boer (vertegenwoordiger" in dialog.signers_label.text()
