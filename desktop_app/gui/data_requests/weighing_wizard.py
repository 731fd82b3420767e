"""The weighing wizard: walks the municipality's privacy protocol (Zwolle ZW-1..4 or Zutphen
ZU-A1..A4C) question by question for one data request, with the protocol's guidance beside it
(Zwolle's own points, or Zutphen's rules of thumb).

- Each question shows its answers as radio buttons (arrow keys, Alt+letter); what must be
  written down for the chosen answer appears below it (motivation, who was consulted, the
  findings, the resident's arguments, the reasons and grounds, whether the case was brought in
  without names, when the resident is told afterwards, the narrowed list of data). Typing on
  the chosen answer types into its first empty field.
- What the request already says is not typed again: the purpose, the items and the ground
  fill their fields (editable); questions the program can answer from the request (secrecy,
  basis) are answered and shown in the path as "Uit het verzoek: ...", never asked.
- The path so far is always visible; Terug undoes the last answer. Enter means Volgende (in a
  multi-line field Ctrl+Enter), and Afronden on the outcome.
- Afronden records the weighing as a new version (an earlier version is kept) together with
  the resident's answer the path already gives: one Afronden. Only when the path says nothing
  about the resident does the informing page follow.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.data_requests import (
    Informing,
    RecordedWeighing,
    ResidentAnswer,
    narrowing_problem,
    prefill_value,
    suggested_informing,
)
from desktop_app.domain.guidance import Place
from desktop_app.domain.protocols import (
    Node,
    RecordKind,
    RecordRequirement,
    Weighing,
    display_record,
    narrowed_items,
)
from desktop_app.domain.vocabulary import Direction
from desktop_app.gui.data_requests.common import LOCAL_STYLE, reserve, with_mnemonic
from desktop_app.gui.data_requests.informing_dialog import InformingForm
from desktop_app.gui.data_requests.record_fields import RecordField, TextRecord, record_field
from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.guidance_pane import GuidancePane
from desktop_app.gui.shared.i18n import current_language, error_text, text
from desktop_app.gui.shared.screen_fit import fit_to_screen, remember_splitter
from desktop_app.messages import MessageError
from desktop_app.services.data_requests import DataRequestService
from desktop_app.services.records import local_today

# The wizard's size when the screen allows it; on a smaller screen it fits the screen.
PREFERRED_SIZE = (1260, 800)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
HINT_COLOUR = "#4a4f57"  # as QLabel#hint in gui/shared/style.py


def _cleaned_lines(value: str) -> list[str]:
    """Lines as the weighing stores a NARROWED_ITEMS record: inner spaces folded, empty lines
    dropped (protocols._clean_record)."""
    return [" ".join(line.split()) for line in value.splitlines() if line.strip()]


class _WrappingDelegate(QStyledItemDelegate):
    """Measures a wrapped item at the width it is painted at. The style sheet's item border
    (gui/shared/style.py) narrows the text when painting but not when measuring, so a long
    answer in the path could get a line too few and end in "…"."""

    BORDER = 6  # 2 px each side in the style sheet, and a little room

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                 ) -> QSize:
        narrower = QStyleOptionViewItem(option)
        narrower.rect = option.rect.adjusted(0, 0, -self.BORDER, 0)
        return super().sizeHint(narrower, index)


class _QuestionPage(QScrollArea):
    """One node of the protocol: question, answers and the records each answer needs."""

    def __init__(self, node: Node, lang: str, reserved: set[str], today: dt.date) -> None:
        super().__init__()
        self.node = node
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(20, 12, 20, 12)
        # The rule ids are in the explanation pane's heading ("Uitleg bij ZW-2"): the page
        # itself speaks the worker's language.
        self.question = wrapped_label(node.question.get(lang), "sectionTitle")
        layout.addWidget(self.question)
        layout.addSpacing(6)

        used = set(reserved)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for answer in node.answers:
            button = QRadioButton(with_mnemonic(answer.label.get(lang), used))
            button.setAccessibleName(answer.label.get(lang))
            button.setAccessibleDescription(node.question.get(lang))
            button.installEventFilter(self)
            self.group.addButton(button)
            self.buttons[answer.id] = button
            layout.addWidget(button)
        layout.addSpacing(8)

        # One container of record fields per answer: only the chosen answer's is shown, and
        # what was typed stays when the worker switches back and forth.
        self.containers: dict[str, QWidget] = {}
        self.fields: dict[str, dict[str, RecordField]] = {}
        # What the program last wrote into a field (answer id, kind): a field that still holds
        # it may be refilled; one the worker changed is never overwritten.
        self.prefilled: dict[tuple[str, str], str] = {}
        for answer in node.answers:
            container = QFrame()
            container.setObjectName("card")
            box = QVBoxLayout(container)
            box.setContentsMargins(12, 10, 12, 10)
            heading = QLabel(self.tr("Leg vast bij dit antwoord"))
            heading.setObjectName("fieldTitle")
            box.addWidget(heading)
            field_letters = set(used)  # containers never show together: letters may repeat
            fields: dict[str, RecordField] = {}
            for requirement in answer.records:
                shown = requirement.label.get(lang)
                if requirement.required:
                    shown = self.tr("{0} (verplicht)").format(shown)
                narrowing = requirement.kind is RecordKind.NARROWED_ITEMS
                widget = record_field(
                    requirement, with_mnemonic(shown, field_letters), requirement.label.get(lang),
                    today=today, lines=3 if narrowing else 2,
                    hint=self.tr("Haal weg wat niet nodig is, of maak het smaller.")
                    if narrowing else "")
                fields[requirement.kind.value] = widget
                box.addWidget(widget)
            self.fields[answer.id] = fields
            self.containers[answer.id] = container
            container.setVisible(False)
            if answer.records:
                layout.addWidget(container)
        layout.addStretch(1)
        self.setWidget(inner)
        self.group.buttonToggled.connect(self._toggled)

    def _toggled(self, *_args: object) -> None:
        chosen = self.chosen()
        for answer_id, container in self.containers.items():
            container.setVisible(answer_id == chosen and bool(self.fields[answer_id]))

    def prefill(self, value_for: Callable[[RecordRequirement], str | None]) -> None:
        """Fill the fields whose requirement says `prefill` (the purpose, the items, the
        ground) from the request, so the worker does not type them again. Called each time
        the page is shown: a field the worker has not touched follows the request (and the
        items narrowed earlier on the path); an edited one stays as the worker left it."""
        for answer_id, fields in self.fields.items():
            for kind, widget in fields.items():
                value = value_for(widget.requirement)
                if value is None:
                    continue
                key = (answer_id, kind)
                before = self.prefilled.get(key)
                untouched = widget.text() == before if before is not None \
                    else not widget.text().strip()
                if untouched:
                    widget.set_text(value)
                    self.prefilled[key] = value

    def chosen(self) -> str | None:
        for answer_id, button in self.buttons.items():
            if button.isChecked():
                return answer_id
        return None

    def records(self) -> dict[str, str]:
        """The chosen answer's records in their stored form (ids, "ja"/"nee", ISO dates)."""
        chosen = self.chosen()
        if chosen is None:
            return {}
        return {kind: widget.text() for kind, widget in self.fields[chosen].items()}

    def first_empty_field(self) -> QWidget | None:
        chosen = self.chosen()
        if chosen is None:
            return None
        for widget in self.fields[chosen].values():
            if not widget.text().strip():
                return widget.edit
        return None

    def first_empty_text(self) -> QPlainTextEdit | None:
        """The first required text field of the chosen answer that is still empty."""
        chosen = self.chosen()
        if chosen is None:
            return None
        for widget in self.fields[chosen].values():
            if (isinstance(widget, TextRecord) and widget.requirement.required
                    and not widget.text().strip()):
                return widget.edit
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A worker who picks an answer and starts typing types the text it asks for: the
        # letter typed on the answer goes into the first empty required field, and the focus
        # with it (issue 15: typing was lost). Arrows, Space, Tab and Alt+letter stay as they
        # are, so moving between answers still works.
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QRadioButton) \
                and watched.isChecked() and isinstance(event, QKeyEvent):
            typed = event.text()
            blocked = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.MetaModifier)
            if typed and typed.isprintable() and not typed.isspace() \
                    and not event.modifiers() & blocked:
                target = self.first_empty_text()
                if target is not None:
                    target.setFocus(Qt.FocusReason.OtherFocusReason)
                    QApplication.sendEvent(target, QKeyEvent(
                        QEvent.Type.KeyPress, event.key(), event.modifiers(), typed))
                    return True
        return super().eventFilter(watched, event)

    def focus_answer(self) -> None:
        chosen = self.chosen()
        target = self.buttons[chosen] if chosen else next(iter(self.buttons.values()))
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def last_focusable(self) -> QWidget:
        chosen = self.chosen()
        if chosen and self.fields[chosen]:
            return list(self.fields[chosen].values())[-1].last
        return list(self.buttons.values())[-1]


class _OutcomePage(QScrollArea):
    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(20, 12, 20, 12)
        title = QLabel(self.tr("Uitkomst van de afweging"))
        title.setObjectName("sectionTitle")
        self.verdict = wrapped_label(name="verdict")
        self.verdict.setAccessibleName(self.tr("Uitkomst"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Wat de uitkomst betekent"))
        self.effects = QLabel()
        self.effects.setWordWrap(True)
        self.effects.setAccessibleName(self.tr("Ook van belang"))
        self.automatic = wrapped_label(name="hint")
        self.records = QLabel()
        self.records.setWordWrap(True)
        self.records.setTextFormat(Qt.TextFormat.RichText)
        self.records.setAccessibleName(self.tr("Wat je hebt vastgelegd"))
        self.next_step = wrapped_label(name="notice")
        card = QFrame()
        card.setObjectName("card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(16, 12, 16, 12)
        card_layout.addWidget(self.verdict)
        card_layout.addWidget(self.text)
        card_layout.addWidget(self.effects)
        layout.addWidget(title)
        layout.addWidget(card)
        layout.addWidget(self.automatic)
        layout.addSpacing(6)
        layout.addWidget(self.records)
        layout.addStretch(1)
        layout.addWidget(self.next_step)
        self.setWidget(inner)


class WeighingWizard(QDialog):
    """Weigh one data request. `recorded` is emitted with the request id once the weighing is
    stored (and again after the informing page, when that was needed)."""

    recorded = Signal(str)

    def __init__(self, service: DataRequestService, request_id: str, lang: str | None = None,
                 parent: QWidget | None = None) -> None:
        lang = lang or current_language()  # the UI language unless chosen
        super().__init__(parent)
        self.service = service
        self.request_id = request_id
        self.lang = lang
        row = service.get(request_id)
        self.request = row.request
        # The facts the program answers itself, the worker's own registration included
        # (ZU-A4C is about whoever shares).
        self.context = service.context_of(self.request)
        self.today = local_today(service.session)
        self.history = service.weighing_history(request_id)
        self.weighing: Weighing = service.new_weighing(request_id)
        self.graph = self.weighing.graph
        self.saved: RecordedWeighing | None = None
        self.informing_form: InformingForm | None = None
        self.pages: dict[str, _QuestionPage] = {}
        # The wizard's own buttons (in the UI language); answers from the protocol file get
        # other letters.
        self._reserved = reserve((self.tr("← &Terug"), self.tr("&Volgende →"),
                                  self.tr("&Afronden"), self.tr("Informeren &later vastleggen"),
                                  self.tr("T&ot nu toe")))

        organisation = self.request.organisation
        doing = text(self.request.direction.phrase)
        self.setWindowTitle(self.tr("Afweging: gegevens {0} {1}").format(
            doing, organisation.in_sentence.get(lang)))
        self.setStyleSheet(LOCAL_STYLE)

        title = wrapped_label(self.tr("Afweging: gegevens {0} {1}").format(
            doing, organisation.in_sentence.get(lang)), "title")
        version = len(self.history) + 1
        sub = self.tr("{0}, versie {1}. Grondslag: {2}.").format(
            self.graph.title.get(lang), self.graph.version, text(self.request.basis.phrase))
        if self.history:
            sub += " " + self.tr(
                "Dit wordt afweging {0}. De vorige afweging (versie {1}) blijft bewaard.").format(
                    version, version - 1)
        subtitle = wrapped_label(sub, "hint")
        self.items_label = QLabel()
        self.items_label.setWordWrap(True)
        self.items_label.setAccessibleName(self.tr("Gegevens in het verzoek"))

        # -- path so far
        path_title = QLabel(self.tr("T&ot nu toe"))
        path_title.setObjectName("fieldTitle")
        self.path_list = QListWidget()
        path_title.setBuddy(self.path_list)
        self.path_list.setAccessibleName(self.tr("Gekozen antwoorden tot nu toe"))
        self.path_list.setWordWrap(True)
        self.path_list.setItemDelegate(_WrappingDelegate(self.path_list))
        # A fixed scrollbar keeps the wrap width stable, so long questions never get elided.
        self.path_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.path_list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.path_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        path_box = QWidget()
        path_layout = QVBoxLayout(path_box)
        path_layout.setContentsMargins(0, 0, 0, 0)
        path_layout.addWidget(path_title)
        path_layout.addWidget(self.path_list, 1)

        self.stack = QStackedWidget()
        self.outcome_page = _OutcomePage()
        self.stack.addWidget(self.outcome_page)
        if self.graph.guidance is not None:
            # The protocol's own points (Zwolle's factsheet) instead of Zutphen's rules of
            # thumb: each protocol shows its own guidance.
            self.guidance = GuidancePane(
                Place.WEIGHING, lang, points=self.graph.guidance,
                points_title=self.tr("{0}: de kern").format(self.graph.title.get(lang)))
        else:
            self.guidance = GuidancePane(Place.WEIGHING, lang)

        splitter = QSplitter()
        splitter.addWidget(path_box)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.guidance)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        remember_splitter(splitter, "weging", [270, 640, 330])

        self.error = wrapped_label(name="error")
        self.error.hide()
        # Every button is auto-default: the focused button answers Enter; elsewhere Enter
        # goes to the default button (Volgende on a question, Afronden at the end).
        self.back_button = QPushButton(self.tr("← &Terug"))
        self.back_button.clicked.connect(self._back)
        self.next_button = QPushButton(self.tr("&Volgende →"))
        self.next_button.setObjectName("primary")
        self.next_button.clicked.connect(self._next)
        self.finish_button = QPushButton(self.tr("&Afronden"))
        self.finish_button.setObjectName("primary")
        self.finish_button.clicked.connect(self._finish)
        self.later_button = QPushButton(self.tr("Informeren &later vastleggen"))
        self.later_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(self.tr("Annuleren"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.finish_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.items_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._fit_screen()
        self._show_current()

    def _fit_screen(self) -> None:
        """The preferred size, but never larger than the screen (1366x768 laptops)."""
        fit_to_screen(self, *PREFERRED_SIZE)

    # -- what the request already says --------------------------------------------------------
    def items_so_far(self) -> tuple[str, ...]:
        """The request's items, or the list the worker narrowed them to earlier on the path."""
        kept = self.weighing.records_of(RecordKind.NARROWED_ITEMS)
        return narrowed_items(kept[-1]) if kept else self.request.items

    def prefill_value(self, requirement: RecordRequirement) -> str | None:
        """What the program writes into a record field before the worker types (the domain
        decides; the ground is in Dutch, the dossier's language)."""
        return prefill_value(requirement.prefill, self.request, self.items_so_far())

    # -- showing ----------------------------------------------------------------------------
    def _tab_order(self, page: _QuestionPage) -> None:
        """Tab goes answer → its record fields → the guidance → the buttons left to right,
        whichever answer is chosen (the page's fields come and go)."""
        chain: list[QWidget] = [page.last_focusable()]
        chain += [w for w in (self.guidance.findChild(QScrollArea), self.guidance.rules)
                  if w is not None]
        chain += [self.cancel_button, self.back_button, self.later_button, self.next_button,
                  self.finish_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def current_page(self) -> _QuestionPage | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, _QuestionPage) else None

    def _page_for(self, node: Node) -> _QuestionPage:
        page = self.pages.get(node.id)
        if page is None:
            page = _QuestionPage(node, self.lang, self._reserved, self.today)
            self.pages[node.id] = page
            self.stack.addWidget(page)
            # Tab goes answer → its record fields → Volgende, whichever answer is chosen.
            page.group.buttonToggled.connect(lambda *_args, p=page: self._tab_order(p))
            # An old "Let op" must not stay next to an answer the worker is already fixing.
            page.group.buttonToggled.connect(lambda *_args: self.error.hide())
            for fields in page.fields.values():
                for widget in fields.values():
                    widget.changed.connect(self.error.hide)
        page.prefill(self.prefill_value)
        return page

    def _automatic_line(self, node: Node, label: str) -> str:
        question = node.question.get(self.lang)
        if node.context == "sharer_secrecy" and self.request.direction is Direction.GIVE_TO:
            # Giving data, the program knows the worker's own registration from the settings.
            return self.tr("Uit je instellingen: {0} — {1}").format(question, label)
        return self.tr("Uit het verzoek: {0} — {1}").format(question, label)

    def _fill_path(self) -> None:
        self.path_list.clear()
        number = 0
        for step in self.weighing.steps:
            node = self.graph.node(step.node)
            answer = node.answer(step.answer)
            assert answer is not None
            label = answer.label.get(self.lang)
            if node.context is not None:
                line = self._automatic_line(node, label)
            else:
                number += 1
                line = f"{number}. {node.question.get(self.lang)} — {label}"
            item = QListWidgetItem(line)
            if node.context is not None:
                # Grey, not italic (a wider italic line can need a line more than measured);
                # the words "Uit het verzoek" say it too (never colour alone).
                item.setForeground(QColor(HINT_COLOUR))
            self.path_list.addItem(item)
        if self.path_list.count():
            self.path_list.scrollToBottom()
        self.items_label.setText(self.tr("Gegevens: {0}").format("; ".join(self.items_so_far())))

    def automatic_answers(self) -> list[str]:
        """The answers the program gave since the worker's last answer, as shown."""
        texts: list[str] = []
        for step in reversed(self.weighing.steps):
            node = self.graph.node(step.node)
            if node.context is None:
                break
            answer = node.answer(step.answer)
            assert answer is not None
            texts.insert(0, self._automatic_line(node, answer.label.get(self.lang)))
        return texts

    def _set_default(self, button: QPushButton) -> None:
        for other in (self.next_button, self.finish_button):
            other.setDefault(other is button)

    def _show_current(self) -> None:
        self.error.hide()
        self._fill_path()
        node = self.weighing.current_node
        has_own_answer = any(self.graph.node(s.node).context is None
                             for s in self.weighing.steps)
        self.back_button.setVisible(self.saved is None)
        self.back_button.setEnabled(has_own_answer)
        self.cancel_button.setVisible(self.saved is None)
        self.later_button.setVisible(False)
        if node is not None:
            page = self._page_for(node)
            self.stack.setCurrentWidget(page)
            self.next_button.setVisible(True)
            self.finish_button.setVisible(False)
            self._set_default(self.next_button)
            rules = ", ".join(node.rules)
            help_text = node.help.get(self.lang) if node.help else self.tr(
                "Kies het antwoord dat past en leg vast wat gevraagd wordt: de afweging komt "
                "in het dossier.")
            self.guidance.set_help(self.tr("Uitleg bij {0}").format(rules)
                                   if rules else self.tr("Uitleg"), help_text)
            page.focus_answer()
            self._tab_order(page)
            return
        self._show_outcome()

    def _preview_informing(self) -> tuple[Informing | None, str]:
        """What Afronden will record about the resident, from the path (the domain's own rule,
        on the request as it would be after this weighing), or a problem the domain sees."""
        try:
            preview = self.request.with_weighing(self.weighing, self.service.session.now())
        except MessageError as error:
            return None, error_text(error)
        return suggested_informing(preview.weighings[-1]), ""

    def _informing_phrase(self, informing: Informing) -> str:
        if not informing.informed:
            return self.tr("de inwoner wordt niet vooraf geïnformeerd")
        if informing.answer is ResidentAnswer.GEINFORMEERD:
            return self.tr("de inwoner is geïnformeerd")
        if informing.answer is ResidentAnswer.JA:
            return self.tr("de inwoner stemt in")
        if informing.answer is ResidentAnswer.DEELS:
            return self.tr("de inwoner stemt in met een deel")
        if informing.answer is ResidentAnswer.NEE:
            return self.tr("de inwoner heeft bezwaar, en je gaat toch door")
        return self.tr("de inwoner is nog niet gevraagd")

    def _show_outcome(self) -> None:
        weighing = self.weighing
        verdict = weighing.outcome
        assert verdict is not None
        page = self.outcome_page
        page.verdict.setText(self.tr("Uitkomst: {0}").format(text(verdict.kind.message)))
        page.text.setText(verdict.text.get(self.lang))
        others = [o for o in weighing.effects if o.id != verdict.id]
        if others:
            lines = "\n".join(f"• {o.text.get(self.lang)}" for o in others)
            page.effects.setText(self.tr("Ook van belang:") + "\n" + lines)
        page.effects.setVisible(bool(others))
        automatic = self.automatic_answers()
        page.automatic.setText("\n".join(automatic))
        page.automatic.setVisible(bool(automatic))
        page.records.setText(self._records_html())
        version = len(self.history) + 1
        informing, problem = self._preview_informing()
        if verdict.kind.ends_request:
            page.next_step.setText(self.tr(
                "Kies Afronden om de afweging vast te leggen (versie {0}). Er gaat niets weg. "
                "Wil je iets veranderen? Ga dan terug.").format(version))
        elif informing is not None:
            page.next_step.setText(self.tr(
                "Kies Afronden om de afweging vast te leggen (versie {0}), met wat de inwoner "
                "zei: {1}. Wil je iets veranderen? Ga dan terug.").format(
                    version, self._informing_phrase(informing)))
        else:
            page.next_step.setText(self.tr(
                "Kies Afronden om de afweging vast te leggen (versie {0}). Daarna leg je vast "
                "wat de inwoner zegt. Wil je iets veranderen? Ga dan terug.").format(version))
        self.stack.setCurrentWidget(page)
        self.next_button.setVisible(False)
        self.finish_button.setVisible(True)
        self._set_default(self.finish_button)
        description = self.graph.description.get(self.lang) if self.graph.description else ""
        self.guidance.set_help(self.tr("Vastleggen"), description)
        if problem:
            self._show_error(problem)
        self.finish_button.setFocus()

    def _record_value(self, kind: str, value: str) -> str:
        """A stored record as the worker reads it (the same words as the report)."""
        return display_record(kind, value, self.lang)

    def _records_html(self) -> str:
        rows: list[str] = []
        for step in self.weighing.to_dict()["steps"]:
            for kind, value in step["records"].items():
                label = step["record_labels"][kind].get(self.lang) or step["record_labels"][
                    kind]["nl"]
                shown = self._record_value(kind, value)
                rows.append(f"<li><b>{html.escape(label)}</b><br>{html.escape(shown)}</li>")
        if not rows:
            return ""
        heading = html.escape(self.tr("Wat je hebt vastgelegd"))
        return f"<p><b>{heading}</b></p><ul style='margin-left:-20px'>{''.join(rows)}</ul>"

    def _show_informing(self) -> None:
        assert self.saved is not None
        prefill = suggested_informing(self.saved) or self.request.informing
        request = self.service.get(self.request_id).request
        form = InformingForm(request, prefill)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(20, 12, 20, 12)
        holder_layout.addWidget(form)
        scroll.setWidget(holder)
        self.informing_form = form
        self.stack.addWidget(scroll)
        self.stack.setCurrentWidget(scroll)
        self._fill_path()
        self.back_button.setVisible(False)
        self.cancel_button.setVisible(False)
        self.next_button.setVisible(False)
        self.finish_button.setVisible(True)
        self._set_default(self.finish_button)
        self.later_button.setVisible(True)
        self.guidance.set_help(self.tr("De inwoner informeren"), self.tr(
            "De afweging is vastgelegd. Vertel de inwoner nu wat je hebt afgewogen en leg vast "
            "wat de inwoner zegt. Is de inwoner het niet eens? Ga het gesprek aan."))
        form.informed.setFocus()

    # -- actions ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # In a multi-line field Enter is a new line; Ctrl+Enter then does what Enter does
        # elsewhere (Volgende, Afronden). The field passes Ctrl+Enter on to the dialog.
        if event.key() in ENTER_KEYS and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            default = self.finish_button if self.finish_button.isVisible() else self.next_button
            if default.isVisible() and default.isEnabled():
                default.click()
            return
        super().keyPressEvent(event)

    def _show_error(self, message: str) -> None:
        self.error.setText(self.tr("Let op: {0}").format(message))
        self.error.show()

    def _narrowing_problem(self, page: _QuestionPage) -> QWidget | None:
        """"Share less" must take something away (ZW-2 proportionaliteit, ZU-A3; AVG art. 5
        lid 1 onder c): the list shown was prefilled with everything. Checked here, at the
        question, so the worker does not meet it only at Afronden. Returns the field to fix."""
        chosen = page.chosen()
        if chosen is None:
            return None
        widget = page.fields[chosen].get(RecordKind.NARROWED_ITEMS.value)
        if widget is None:
            return None
        problem = narrowing_problem(self.items_so_far(), _cleaned_lines(widget.text()))
        if problem is not None and problem.key == "data_request.narrow.nothing_removed":
            self._show_error(text(problem))
            return widget.edit
        return None

    def _next(self) -> None:
        page = self.current_page()
        if page is None:
            return
        answer_id = page.chosen()
        if answer_id is None:
            self._show_error(self.tr("Kies eerst een antwoord."))
            page.focus_answer()
            return
        try:
            state = self.weighing.answer(page.node.id, answer_id, page.records())
            state = state.answer_from_context(self.context)
        except MessageError as error:  # WeighingError: a record is missing, too long, …
            self._show_error(error_text(error))
            empty = page.first_empty_field()
            if empty is not None:
                empty.setFocus()
            return
        unchanged = self._narrowing_problem(page)
        if unchanged is not None:
            unchanged.setFocus()
            return
        self.weighing = state
        self._show_current()

    def _back(self) -> None:
        if self.saved is not None:
            return  # recorded weighings are never changed; weigh again for a new version
        self.weighing = self.weighing.back().answer_from_context(self.context)
        self._show_current()

    def _finish(self) -> None:
        if self.informing_form is not None:
            self._finish_informing()
            return
        try:
            # The resident's answer the path gives is stored with the weighing: asked once.
            self.saved = self.service.record_weighing(self.request_id, self.weighing,
                                                      answer_from_path=True)
        except MessageError as error:
            self._show_error(error_text(error))
            return
        self.recorded.emit(self.request_id)
        verdict = self.saved.outcome_kind
        request = self.service.get(self.request_id).request
        if verdict is None or verdict.ends_request or request.informing is not None:
            self.accept()
            return
        self._show_informing()  # the path said nothing about the resident: ask now

    def _finish_informing(self) -> None:
        assert self.informing_form is not None
        try:
            informing = self.informing_form.informing()
            self.service.record_informing(self.request_id, informing)
        except MessageError as error:
            self._show_error(error_text(error))
            return
        self.recorded.emit(self.request_id)
        self.accept()

    def reject(self) -> None:
        # Stopping halfway loses the answers: ask first, so one Esc does not throw work away.
        answered = any(self.graph.node(s.node).context is None for s in self.weighing.steps)
        if self.saved is None and answered:
            choice = QMessageBox.question(
                self, self.tr("Afweging stoppen?"),
                self.tr("De afweging is nog niet vastgelegd. Wat je hebt ingevuld, wordt niet "
                        "bewaard. Wil je stoppen?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if choice != QMessageBox.StandardButton.Yes:
                return
        super().reject()
