"""How much a worker presses for a data request, measured by walking the real screens with the
keyboard only (issue 15: "measure the keystrokes and clicks ... before and after").

A walk goes from "Nieuw verzoek" in the intake's Gegevensverzoeken tab to the state where the
request waits for a signature or can be marked as sent: the request dialog, the weighing
wizard's questions, Afronden (and, where the path does not give it, the resident's answer and
Afronden again). Every key goes through
`Keyboard`, which counts it, to the widget that has the focus, as a person's key would:

- typed characters (the length of every text typed) and the text fields typed into;
- other keys: Tab, Space, arrows, Enter and Alt+letter (one each);
- lost keys: keys that did nothing (Enter that does not finish a step, a letter typed on an
  answer that does not reach its field);
- mouse clicks: only where the keyboard cannot reach something (a finding, with a note);
- how often the purpose is typed, how often the resident's answer is asked, the questions
  answered, how often a required field appeared without the focus (Tab needed, else the
  typing is lost), the dialogs opened and the Afronden presses.

The walk takes the shortest keyboard route a practised worker would: Alt+letter where there is
one, Tab where there is not, and typing right after choosing an answer that asks for a text
(when that letter is lost, Tab to the field and type it again). One function per step
(`open_request_dialog`, `fill_request`, `open_wizard` -> `weigh`: `answer_questions` /
`answer_question`, `finish`, `record_resident_answer`), so a changed screen means changing one
step. After a change of the wizard, update AGREE_PATH (question id -> answer id), RECORD_ROLES
(which text goes in which record field) and RESIDENT_ANSWER_NODES. A record field that is
already filled (prefilled from the request: the purpose, the items, the ground) is read, not
typed; Enter is tried first at every Afronden and counts as lost when it does nothing. The
texts are constants: the measurement before and after the redesign types the same words. All
names and texts are fictional.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.exceptions import TimeoutError as WaitTimeout

from desktop_app.domain.data_requests import ResidentAnswer, Status
from desktop_app.domain.vocabulary import Basis, Direction
from desktop_app.gui.data_requests.data_request_dialog import DataRequestDialog
from desktop_app.gui.data_requests.data_requests_panel import DataRequestsPanel
from desktop_app.gui.data_requests.record_fields import TextRecord
from desktop_app.gui.data_requests.weighing_wizard import WeighingWizard
from tests.gui.keyboard import type_text

PROTOCOLS = ("zutphen", "zwolle")

# Which wizard questions ask for the resident's answer (verdieping: does the resident agree;
# toetsing: does the resident object). Before issue 15 the informing page asked it again.
RESIDENT_ANSWER_NODES = frozenset({"zw3_informeren", "zw3_informeren_toetsing",
                                   "a4_client_zegt", "a4_toetsing"})

# What each record field of the protocols asks, as a role with one text per example. These
# three are prefilled from the request (purpose, ground): typed only when the prefill is gone.
RECORD_ROLES: dict[tuple[str, str], str] = {
    ("zw1_behoefte", "motivation"): "need",  # voor welk doel zijn de gegevens nodig?
    ("a2_doel", "motivation"): "goal",  # welk doel wil je bereiken?
    ("a2_mag", "motivation"): "allowed",  # waarom mag het? (wet, taak of toestemming)
}
# Roles that ask again for what the request dialog already has: the purpose, the items.
PURPOSE_ROLES = frozenset({"need", "goal"})
ITEMS_ROLES = frozenset({"need"})

# The answers of the three examples: everything holds and the resident agrees (verdieping)
# or is informed and does not object (toetsing). Per protocol: question id -> answer id; a
# walk meets only the questions of its basis.
AGREE_PATH: dict[str, dict[str, str]] = {
    "zwolle": {
        "zw1_behoefte": "ja",
        "zw2_noodzaak": "ja",
        "zw2_subsidiariteit": "ja",
        "zw2_proportionaliteit": "in_verhouding",
        "zw2_kan_en_mag": "ja",
        "zw3_informeren": "ja",  # verdieping
        "zw3_informeren_toetsing": "geen_bezwaar",  # toetsing
    },
    "zutphen": {
        "a1_bij_mij": "ja",
        "a2_doel": "ja",
        "a2_weten": "ja",
        "a2_mag": "ja",
        "a3_doelmatigheid": "ja",
        "a3_proportionaliteit": "ja",
        "a3_subsidiariteit": "ja",
        "a4_client_zegt": "ja",  # verdieping
        "a4_toetsing": "geen_bezwaar",  # toetsing
    },
}

MAX_TABS = 25  # more Tabs than this to reach a field: count a click instead (a finding)
ENTER_WAIT_MS = 300  # how long a key gets to have its effect before it counts as lost


@dataclass(frozen=True)
class Example:
    key: str
    title: str
    direction: Direction
    organisation_id: str
    search: str  # typed in the organisation search until the organisation shows
    named: str  # the real name; "" where the dialog does not require it
    purpose: str
    items: tuple[str, ...]
    basis: Basis
    records: dict[str, str]  # role (RECORD_ROLES) -> text
    resident: ResidentAnswer
    status: Status  # where the walk must end
    can_send: bool
    answers: dict[str, dict[str, str]] = field(default_factory=lambda: AGREE_PATH)


EXAMPLES: tuple[Example, ...] = (
    Example(
        key="a",
        title="huisarts, opvragen, verdieping, ja",
        direction=Direction.REQUEST_FROM,
        organisation_id="huisarts",
        search="huisarts",
        named="Huisartsenpraktijk De Linde",
        purpose="Weten welke zorg mevrouw nodig heeft, zodat we de juiste hulp thuis inzetten.",
        items=("diagnose", "medicatie"),
        basis=Basis.VERDIEPING,
        records={
            "need": "Diagnose en medicatie van de huisarts, om de juiste hulp thuis in te zetten.",
            "necessity": "Zonder diagnose en medicatie weten we niet welke hulp veilig is.",
            "goal": "De juiste hulp thuis inzetten, passend bij de gezondheid van mevrouw.",
            "allowed": "Met toestemming van mevrouw; de huisarts geeft vrij met haar handtekening.",
        },
        resident=ResidentAnswer.JA,
        status=Status.TOESTEMMING_NODIG,  # the GP's secrecy: a signed statement (ZW-4, ZU-A4C)
        can_send=False,
    ),
    Example(
        key="b",
        title="school, verstrekken, verdieping, ja",
        direction=Direction.GIVE_TO,
        organisation_id="school",
        search="school",
        named="Basisschool De Regenboog",
        purpose="De leerkracht helpen om de leerling in de klas goed te ondersteunen.",
        items=("afspraken over ondersteuning in de klas",),
        basis=Basis.VERDIEPING,
        records={
            "need": "Afspraken over steun in de klas, voor de leerkracht, zodat zij kan helpen.",
            "necessity": "Zonder de afspraken weet de leerkracht niet wat de leerling nodig heeft.",
            "goal": "De leerling krijgt in de klas de steun die thuis is afgesproken.",
            "allowed": "Met toestemming van de ouders; het hoort bij onze taak (Jeugdwet).",
        },
        resident=ResidentAnswer.JA,
        status=Status.TOESTEMMING_GEGEVEN,  # the oral consent suffices: no secrecy
        can_send=True,
    ),
    Example(
        key="c",
        title="woningcorporatie, opvragen, toetsing, geïnformeerd",
        direction=Direction.REQUEST_FROM,
        organisation_id="woningcorporatie",
        search="woning",
        named="",  # toetsing at an organisation without secrecy: informed, nothing to sign
        purpose="Beslissen of meneer woonbegeleiding krijgt, om huisuitzetting te voorkomen.",
        items=("huurachterstand",),
        basis=Basis.TOETSING,
        records={
            "need": "De huurachterstand bij de woningcorporatie, voor het besluit over hulp.",
            "necessity": "De hoogte van de achterstand bepaalt welke begeleiding nodig is.",
            "goal": "Beslissen over woonbegeleiding, zodat meneer zijn huis houdt.",
            "allowed": "Wettelijke taak: nodig voor het besluit over de Wmo-voorziening.",
        },
        resident=ResidentAnswer.GEINFORMEERD,
        status=Status.GEWOGEN,  # informed; the statutory task (AVG art. 6 lid 1 onder e)
        can_send=True,
    ),
)


# --------------------------------------------------------------------------------------------
# Counting


@dataclass
class Effort:
    typed_chars: int = 0
    other_keys: int = 0
    lost_keys: int = 0
    clicks: int = 0
    purpose_typed: int = 0
    items_typed: int = 0
    answer_asked: int = 0
    questions: int = 0
    tab_to_field: int = 0
    dialogs: int = 0
    finish_presses: int = 0
    notes: list[str] = field(default_factory=list)
    fields_typed: set[int] = field(default_factory=set)  # ids of the widgets typed into
    records_typed: list[str] = field(default_factory=list)  # texts typed in the wizard

    @property
    def text_fields(self) -> int:
        return len(self.fields_typed)

    @property
    def keystrokes(self) -> int:
        return self.typed_chars + self.other_keys + self.lost_keys

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


def mnemonic(text: str) -> str:
    """The letter after the first single '&' of a label ("Op&slaan" -> "s")."""
    index = 0
    while (index := text.find("&", index)) != -1 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1]
        index += 2
    raise AssertionError(f"no Alt+letter in {text!r}: the keyboard cannot reach it this way")


def _field_text(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise AssertionError(f"not a text field: {type(widget).__name__}")


class Keyboard:
    """Presses keys on whatever has the focus and counts them in `effort`."""

    def __init__(self, qtbot, effort: Effort) -> None:
        self.qtbot = qtbot
        self.effort = effort

    @staticmethod
    def focus() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def key(self, key: Qt.Key, until: Callable[[], object] | None = None) -> None:
        """Tab, Space, an arrow, Enter: one key."""
        self.effort.other_keys += 1
        self.qtbot.keyClick(self.focus(), key)
        if until is not None:
            self.qtbot.waitUntil(lambda: bool(until()), timeout=3000)

    def try_key(self, key: Qt.Key, done: Callable[[], object]) -> bool:
        """A key a worker would expect to work; counted as lost when it has no effect."""
        self.qtbot.keyClick(self.focus(), key)
        try:
            self.qtbot.waitUntil(lambda: bool(done()), timeout=ENTER_WAIT_MS)
        except WaitTimeout:
            self.effort.lost_keys += 1
            return False
        self.effort.other_keys += 1
        return True

    def alt(self, labelled: QAbstractButton | QLabel,
            until: Callable[[], object] | None = None) -> None:
        """Alt + the underlined letter of a button or of a field's label. A button's mnemonic
        clicks after Qt's short press animation, so `until` waits for the effect."""
        letter = mnemonic(labelled.text())
        self.effort.other_keys += 1
        self.qtbot.keyClick(self.focus(), Qt.Key(ord(letter.upper())),
                            Qt.KeyboardModifier.AltModifier)
        if until is not None:
            self.qtbot.waitUntil(lambda: bool(until()), timeout=3000)

    def type(self, widget: QWidget, text: str, *, purpose: bool = False,
             items: bool = False) -> None:
        """Type where the focus is; the walk first makes sure that is `widget`."""
        assert self.focus() is widget, (
            f"the focus is on {type(self.focus()).__name__}, not the field: typing would be lost")
        before = _field_text(widget)
        type_text(self.qtbot, widget, text)
        assert _field_text(widget) == before + text, "not everything typed arrived in the field"
        self.effort.typed_chars += len(text)
        self.effort.fields_typed.add(id(widget))
        if purpose:
            self.effort.purpose_typed += 1
        if items:
            self.effort.items_typed += 1

    def type_right_away(self, field: QWidget, text: str, *, purpose: bool = False,
                        items: bool = False) -> bool:
        """Type `text` at once, with the focus still on the answer just chosen. True when the
        first letter reached `field` (and the rest was typed there); False when it was lost
        (counted): the caller then Tabs to the field."""
        before = _field_text(field)
        first, rest = text[0], text[1:]
        type_text(self.qtbot, self.focus(), first)
        if _field_text(field) != before + first:
            self.effort.lost_keys += 1
            return False
        self.effort.typed_chars += 1
        self.effort.fields_typed.add(id(field))
        if purpose:
            self.effort.purpose_typed += 1
        if items:
            self.effort.items_typed += 1
        if rest:
            self.type(field, rest)
        return True

    def reach(self, widget: QWidget, *, revealed_by: str = "") -> None:
        """Tab until `widget` has the focus; a click (counted, noted) when Tab cannot get there.
        `revealed_by` names the answer that just showed the field: a field that appears without
        the focus is a finding (what the worker types next goes elsewhere)."""
        if self.focus() is widget:
            return
        if revealed_by:
            self.effort.tab_to_field += 1
            self.effort.note(f"{revealed_by}: the required field appears, the focus stays on "
                             "the answer; Tab needed, typing right away is lost")
        for presses in range(1, MAX_TABS + 1):
            self.qtbot.keyClick(self.focus(), Qt.Key.Key_Tab)
            if QApplication.focusWidget() is widget:
                self.effort.other_keys += presses
                return
        self.effort.lost_keys += MAX_TABS
        self.click(widget, f"{widget.accessibleName() or type(widget).__name__}: "
                           f"not reached with {MAX_TABS} Tabs")

    def click(self, widget: QWidget, why: str) -> None:
        self.effort.clicks += 1
        self.effort.note(f"click: {why}")
        target = widget.viewport() if isinstance(widget, QPlainTextEdit) else widget
        self.qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=3000)


def in_modal(qtbot, kind: type[QDialog], press: Callable[[], None],
             drive: Callable[[QDialog], None], timeout_ms: int = 60_000) -> QDialog:
    """Press the key that opens a modal dialog of `kind`, run `drive` on it once it is active
    (exec() blocks inside the key press), and return after it closed. A failure in `drive`
    closes the dialog and is raised here, so a broken walk never hangs in a modal loop."""
    state: dict[str, QDialog] = {}
    errors: list[BaseException] = []
    tries = iter(range(timeout_ms // 20))

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind) or not widget.isActiveWindow():
            if next(tries, None) is not None:
                QTimer.singleShot(20, check)
            return
        state["dialog"] = widget
        try:
            drive(widget)
        except BaseException as error:
            errors.append(error)
            if widget.isVisible():
                widget.done(QDialog.DialogCode.Rejected)  # not reject(): it may ask first

    QTimer.singleShot(20, check)
    press()
    qtbot.waitUntil(lambda: bool(errors) or ("dialog" in state
                                             and not state["dialog"].isVisible()),
                    timeout=timeout_ms)
    if errors:
        raise errors[0]
    dialog = state["dialog"]
    # The window manager gives the window under the dialog back the focus; Qt's offscreen
    # platform does not, so do what it would (no key is pressed for this).
    window = dialog.parentWidget().window() if dialog.parentWidget() else None
    if window is not None and not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    return dialog


# --------------------------------------------------------------------------------------------
# The steps


def open_request_dialog(kb: Keyboard, panel: DataRequestsPanel, example: Example) -> str:
    """Alt+N on the tab, fill the dialog, save. Returns the new request's id."""
    kb.effort.dialogs += 1
    dialog = in_modal(kb.qtbot, DataRequestDialog, lambda: kb.alt(panel.new_button),
                      lambda d: fill_request(kb, d, example))
    assert isinstance(dialog, DataRequestDialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.request_id is not None
    return dialog.request_id


def choose_organisation(kb: Keyboard, dialog: DataRequestDialog, example: Example) -> None:
    kb.reach(dialog.search)
    kb.type(dialog.search, example.search)
    kb.key(Qt.Key.Key_Down, until=dialog.results.hasFocus)  # into the results
    position = 1
    while dialog.chosen is None or dialog.chosen.id != example.organisation_id:
        assert position < dialog.results.count(), f"{example.organisation_id} not in the results"
        kb.key(Qt.Key.Key_Down)
        position += 1
    if position > 1:
        kb.effort.note(f"search {example.search!r}: the organisation is result {position}, "
                       f"{position - 1} extra Down")


def fill_request(kb: Keyboard, dialog: DataRequestDialog, example: Example) -> None:
    """Organisation, direction, name, purpose, items (one per line), basis; then Opslaan."""
    choose_organisation(kb, dialog, example)
    if example.direction is Direction.GIVE_TO:
        kb.alt(dialog.give_to, until=dialog.give_to.isChecked)
    if example.named:
        kb.alt(dialog.named_label, until=dialog.named_edit.hasFocus)
        kb.type(dialog.named_edit, example.named)
    kb.alt(dialog.purpose.label, until=dialog.purpose.edit.hasFocus)
    kb.type(dialog.purpose.edit, example.purpose, purpose=True)
    kb.alt(dialog.items.label, until=dialog.items.edit.hasFocus)
    for number, item in enumerate(example.items):
        if number:
            kb.key(Qt.Key.Key_Return)  # one item per line
        kb.type(dialog.items.edit, item, items=number == 0)
    basis = dialog.toetsing if example.basis is Basis.TOETSING else dialog.verdieping
    if not basis.isChecked():
        kb.alt(basis, until=basis.isChecked)
    if not example.named:
        assert not dialog.name_required(), "the dialog requires the name: give the example one"
        kb.effort.note("name not required (the resident is only informed): left empty")
    kb.alt(dialog.save_button, until=lambda: not dialog.isVisible())


def open_wizard(kb: Keyboard, panel: DataRequestsPanel, request_id: str, protocol: str,
                example: Example) -> None:
    """Alt+A (Afwegen) on the selected request; the questions, Afronden (the resident's answer
    and Afronden again only when the wizard still asks for it)."""
    selected = panel.selected_row()
    assert selected is not None and selected.id == request_id, "the new request is not selected"
    kb.effort.dialogs += 1
    wizard = in_modal(kb.qtbot, WeighingWizard, lambda: kb.alt(panel.weigh_button),
                      lambda dialog: weigh(kb, dialog, protocol, example))
    assert wizard.result() == QDialog.DialogCode.Accepted


def weigh(kb: Keyboard, wizard: QDialog, protocol: str, example: Example) -> None:
    """Inside the wizard: the questions, Afronden; the informing page only if it appears."""
    assert isinstance(wizard, WeighingWizard)
    assert wizard.graph.id == protocol
    answer_questions(kb, wizard, example.answers[protocol], example)
    finish(kb, wizard, lambda: wizard.informing_form is not None or not wizard.isVisible())
    if wizard.isVisible():
        record_resident_answer(kb, wizard, example.resident)
        finish(kb, wizard, lambda: not wizard.isVisible())


def answer_questions(kb: Keyboard, wizard: WeighingWizard, answers: dict[str, str],
                     example: Example) -> None:
    """Every question page until the outcome, answered by answer id."""
    while (node := wizard.weighing.current_node) is not None:
        assert node.id in answers, f"no answer for question {node.id!r} in the example"
        answer_question(kb, wizard, answers[node.id], example)


def record_role(node_id: str, kind: str) -> str:
    role = RECORD_ROLES.get((node_id, kind))
    assert role is not None, f"add a role for the record {kind!r} of {node_id!r} (RECORD_ROLES)"
    return role


def answer_question(kb: Keyboard, wizard: WeighingWizard, answer_id: str,
                    example: Example) -> None:
    """Alt+letter of the answer, the required records that are still empty (typed right away
    on the answer, else Tab into each), Alt+V (Volgende)."""
    page = wizard.current_page()
    assert page is not None
    node = page.node
    kb.effort.questions += 1
    if node.id in RESIDENT_ANSWER_NODES:
        kb.effort.answer_asked += 1
    button = page.buttons[answer_id]
    if not button.isChecked():
        kb.alt(button, until=button.isChecked)
    answer = node.answer(answer_id)
    assert answer is not None
    first = True
    for requirement in answer.records:
        if not requirement.required:
            kb.effort.note(f"{node.id}: optional {requirement.kind.value} left empty")
            continue
        widget = page.fields[answer_id][requirement.kind.value]
        assert isinstance(widget, TextRecord), f"{node.id}: a {type(widget).__name__}"
        if widget.text().strip():
            # Prefilled (from the request): the worker reads it and goes on.
            kb.effort.note(f"{node.id}: {requirement.kind.value} prefilled, not typed")
            continue
        role = record_role(node.id, requirement.kind.value)
        typed = example.records[role]
        flags = {"purpose": role in PURPOSE_ROLES, "items": role in ITEMS_ROLES}
        on_answer = first and kb.focus() is button
        if not (on_answer and kb.type_right_away(widget.edit, typed, **flags)):
            kb.reach(widget.edit, revealed_by=f"{node.id} '{answer_id}'" if first else "")
            kb.type(widget.edit, typed, **flags)
        kb.effort.records_typed.append(typed)
        first = False
    kb.alt(wizard.next_button, until=lambda: wizard.weighing.current_node is not node)


def finish(kb: Keyboard, wizard: WeighingWizard, done: Callable[[], object]) -> None:
    """Afronden. A worker at the last step presses Enter first; when that does nothing it is a
    lost key and Alt+A follows."""
    kb.effort.finish_presses += 1
    if kb.try_key(Qt.Key.Key_Return, done):
        return
    kb.effort.note("Enter does not press Afronden (a lost key each time); Alt+A needed")
    kb.alt(wizard.finish_button, until=done)


def record_resident_answer(kb: Keyboard, wizard: WeighingWizard, answer: ResidentAnswer) -> None:
    """The informing page after the weighing: informed, and what the resident said."""
    form = wizard.informing_form
    assert form is not None
    kb.effort.answer_asked += 1
    if not form.informed.isChecked():
        kb.alt(form.informed, until=form.informed.isChecked)
    button = form.answers[answer]
    if button.isChecked():
        kb.effort.note("the resident's answer is asked again on the informing page "
                       "(prefilled from the weighing: no key)")
        return
    kb.effort.note("the resident's answer is asked again on the informing page, not prefilled")
    kb.alt(button, until=button.isChecked)


# --------------------------------------------------------------------------------------------
# A whole walk, and the table


@dataclass(frozen=True)
class WalkResult:
    protocol: str
    example: Example
    request_id: str
    effort: Effort


def walk(qtbot, panel: DataRequestsPanel, example: Example, protocol: str) -> WalkResult:
    """From "Nieuw verzoek" on the tab to the weighing and the resident's answer recorded."""
    effort = Effort()
    kb = Keyboard(qtbot, effort)
    request_id = open_request_dialog(kb, panel, example)
    open_wizard(kb, panel, request_id, protocol, example)
    return WalkResult(protocol, example, request_id, effort)


COLUMNS = (
    ("typed", lambda e: e.typed_chars),
    ("fields", lambda e: e.text_fields),
    ("keys", lambda e: e.other_keys),
    ("lost", lambda e: e.lost_keys),
    ("total", lambda e: e.keystrokes),
    ("clicks", lambda e: e.clicks),
    ("purpose×", lambda e: e.purpose_typed),
    ("items×", lambda e: e.items_typed),
    ("answer×", lambda e: e.answer_asked),
    ("questions", lambda e: e.questions),
    ("Tab→field", lambda e: e.tab_to_field),
    ("dialogs", lambda e: e.dialogs),
    ("Afronden", lambda e: e.finish_presses),
)


def table(results: list[WalkResult], heading: str) -> str:
    """A Markdown table, one row per walk, then the notes: those of every walk once, then
    each walk's own."""
    head = ["example", "protocol", *(name for name, _value in COLUMNS)]
    lines = [f"## {heading}", "", "| " + " | ".join(head) + " |",
             "|" + "|".join("---" for _ in head) + "|"]
    for result in results:
        cells = [f"{result.example.key}) {result.example.title}", result.protocol,
                 *(str(value(result.effort)) for _name, value in COLUMNS)]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "typed = characters typed; fields = text fields typed into; keys = Tab, Space, "
              "arrows, Enter and Alt+letter (1 each); lost = keys without effect; total = "
              "typed + keys + lost; purpose× / items× = times the purpose / the list of items is "
              "typed; answer× = times the resident's answer is asked; Tab→field = a required "
              "field appeared without the focus.", ""]
    common = [n for n in results[0].effort.notes if all(n in r.effort.notes for r in results)]
    lines += [f"- every walk: {note}" for note in common]
    for result in results:
        own = [n for n in result.effort.notes if n not in common]
        if own:
            lines.append(f"- {result.example.key}) {result.protocol}: " + "; ".join(own))
    return "\n".join(lines) + "\n"


def all_walks() -> Iterator[tuple[str, Example]]:
    for protocol in PROTOCOLS:
        for example in EXAMPLES:
            yield protocol, example
