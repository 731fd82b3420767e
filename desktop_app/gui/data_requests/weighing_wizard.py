"""The weighing wizard: walks the municipality's privacy protocol (Zwolle ZW-1..4 or Zutphen
ZU-A1..A4C) question by question for one data request, with the rules of thumb beside it.

- Each question shows its rule ids and its answers as radio buttons (arrow keys, Alt+letter);
  what must be written down for the chosen answer appears below it (motivation, who was
  consulted, the findings, the resident's arguments, the justified reason for not informing).
- Questions the program can answer from the request (professional secrecy, basis) are answered
  automatically and shown as "automatisch beantwoord: ...", never asked.
- The path so far is always visible; Terug undoes the last answer.
- At the end: the outcome in plain Dutch; Afronden records the weighing as a new version (an
  earlier version is kept), then the oral-consent step follows, prefilled from the path.
"""

from __future__ import annotations

import html
import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.data_requests import (
    RecordedWeighing,
    suggested_informing,
    weighing_context,
)
from desktop_app.domain.guidance import Place
from desktop_app.domain.protocols import (
    JustifiedReason,
    Node,
    RecordKind,
    RecordRequirement,
    Weighing,
)
from desktop_app.gui.data_requests.common import (
    LOCAL_STYLE,
    LabelledText,
    reserve,
    with_mnemonic,
)
from desktop_app.gui.data_requests.informing_dialog import InformingForm
from desktop_app.gui.shared.guidance_pane import GuidancePane
from desktop_app.gui.shared.i18n import current_language, error_text, text
from desktop_app.messages import MessageError
from desktop_app.services.data_requests import DataRequestService


class _ReasonPicker(QWidget):
    """ZU-A4B: one or more justified reasons for not informing, as checkboxes."""

    def __init__(self, requirement: RecordRequirement, label: str) -> None:
        super().__init__()
        self.requirement = requirement
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(3)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.boxes: list[tuple[JustifiedReason, QCheckBox]] = []
        for reason in JustifiedReason:
            box = QCheckBox(text(reason.message))
            box.setAccessibleName(text(reason.message))
            self.boxes.append((reason, box))
            layout.addWidget(box)
        self.label.setBuddy(self.boxes[0][1])

    def text(self) -> str:
        return ",".join(reason.value for reason, box in self.boxes if box.isChecked())

    @property
    def edit(self) -> QWidget:
        return self.boxes[0][1]


class _QuestionPage(QScrollArea):
    """One node of the protocol: rules, question, answers and the records each answer needs."""

    def __init__(self, node: Node, lang: str, reserved: set[str]) -> None:
        super().__init__()
        self.node = node
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(20, 12, 20, 12)
        rules = QLabel(self.tr("Regel: {0}").format(", ".join(node.rules)) if node.rules
                       else "")
        rules.setObjectName("hint")
        rules.setAccessibleName(self.tr("Regels"))
        self.question = QLabel(node.question.get(lang))
        self.question.setObjectName("sectionTitle")
        self.question.setWordWrap(True)
        layout.addWidget(rules)
        layout.addWidget(self.question)
        layout.addSpacing(6)

        used = set(reserved)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for answer in node.answers:
            button = QRadioButton(with_mnemonic(answer.label.get(lang), used))
            button.setAccessibleName(answer.label.get(lang))
            button.setAccessibleDescription(node.question.get(lang))
            self.group.addButton(button)
            self.buttons[answer.id] = button
            layout.addWidget(button)
        layout.addSpacing(8)

        # One container of record fields per answer: only the chosen answer's is shown, and
        # what was typed stays when the worker switches back and forth.
        self.containers: dict[str, QWidget] = {}
        self.fields: dict[str, dict[str, LabelledText | _ReasonPicker]] = {}
        for answer in node.answers:
            container = QFrame()
            container.setObjectName("card")
            box = QVBoxLayout(container)
            box.setContentsMargins(12, 10, 12, 10)
            heading = QLabel(self.tr("Leg vast bij dit antwoord"))
            heading.setObjectName("fieldTitle")
            box.addWidget(heading)
            field_letters = set(used)  # containers never show together: letters may repeat
            fields: dict[str, LabelledText | _ReasonPicker] = {}
            for requirement in answer.records:
                shown = requirement.label.get(lang)
                if requirement.required:
                    shown = self.tr("{0} (verplicht)").format(shown)
                label = with_mnemonic(shown, field_letters)
                widget: LabelledText | _ReasonPicker
                if requirement.kind is RecordKind.REASON_NOT_INFORMING:
                    widget = _ReasonPicker(requirement, label)
                else:
                    widget = LabelledText(label, requirement.label.get(lang), height=70)
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

    def chosen(self) -> str | None:
        for answer_id, button in self.buttons.items():
            if button.isChecked():
                return answer_id
        return None

    def records(self) -> dict[str, str]:
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

    def focus_answer(self) -> None:
        chosen = self.chosen()
        target = self.buttons[chosen] if chosen else next(iter(self.buttons.values()))
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def last_focusable(self) -> QWidget:
        chosen = self.chosen()
        if chosen and self.fields[chosen]:
            last = list(self.fields[chosen].values())[-1]
            if isinstance(last, _ReasonPicker):
                return last.boxes[-1][1]
            return last.edit
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
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(self.tr("Uitkomst"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Wat de uitkomst betekent"))
        self.effects = QLabel()
        self.effects.setWordWrap(True)
        self.effects.setAccessibleName(self.tr("Ook van belang"))
        self.automatic = QLabel()
        self.automatic.setObjectName("hint")
        self.automatic.setWordWrap(True)
        self.records = QLabel()
        self.records.setWordWrap(True)
        self.records.setTextFormat(Qt.TextFormat.RichText)
        self.records.setAccessibleName(self.tr("Wat je hebt vastgelegd"))
        self.next_step = QLabel()
        self.next_step.setObjectName("notice")
        self.next_step.setWordWrap(True)
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
    stored (and again after the oral consent is stored)."""

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
        self.context = weighing_context(self.request)
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
        self.resize(1260, 800)
        self.setStyleSheet(LOCAL_STYLE)

        title = QLabel(self.tr("Afweging: gegevens {0} {1}").format(
            doing, organisation.in_sentence.get(lang)))
        title.setObjectName("title")
        title.setWordWrap(True)
        version = len(self.history) + 1
        sub = self.tr("{0}, versie {1}. Grondslag: {2}.").format(
            self.graph.title.get(lang), self.graph.version, text(self.request.basis.phrase))
        if self.history:
            sub += " " + self.tr(
                "Dit wordt afweging {0}. De vorige afweging (versie {1}) blijft bewaard.").format(
                    version, version - 1)
        subtitle = QLabel(sub)
        subtitle.setObjectName("hint")
        subtitle.setWordWrap(True)
        items = QLabel(self.tr("Gegevens: {0}").format("; ".join(self.request.items)))
        items.setWordWrap(True)
        items.setAccessibleName(self.tr("Gegevens in het verzoek"))

        # -- path so far
        path_title = QLabel(self.tr("T&ot nu toe"))
        path_title.setObjectName("fieldTitle")
        self.path_list = QListWidget()
        path_title.setBuddy(self.path_list)
        self.path_list.setAccessibleName(self.tr("Gekozen antwoorden tot nu toe"))
        self.path_list.setWordWrap(True)
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
        self.guidance = GuidancePane(Place.WEIGHING, lang)

        splitter = QSplitter()
        splitter.addWidget(path_box)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.guidance)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([270, 640, 330])

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.back_button = QPushButton(self.tr("← &Terug"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self._back)
        self.next_button = QPushButton(self.tr("&Volgende →"))
        self.next_button.setObjectName("primary")
        self.next_button.setAutoDefault(False)
        self.next_button.clicked.connect(self._next)
        self.finish_button = QPushButton(self.tr("&Afronden"))
        self.finish_button.setObjectName("primary")
        self.finish_button.setAutoDefault(False)
        self.finish_button.clicked.connect(self._finish)
        self.later_button = QPushButton(self.tr("Informeren &later vastleggen"))
        self.later_button.setAutoDefault(False)
        self.later_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(self.tr("Annuleren"))
        self.cancel_button.setAutoDefault(False)
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
        layout.addWidget(items)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._show_current()

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
            page = _QuestionPage(node, self.lang, self._reserved)
            self.pages[node.id] = page
            self.stack.addWidget(page)
            # Tab goes answer → its record fields → Volgende, whichever answer is chosen.
            page.group.buttonToggled.connect(lambda *_args, p=page: self._tab_order(p))
            # An old "Let op" must not stay next to an answer the worker is already fixing.
            page.group.buttonToggled.connect(lambda *_args: self.error.hide())
            for fields in page.fields.values():
                for widget in fields.values():
                    if isinstance(widget, LabelledText):
                        widget.edit.textChanged.connect(self.error.hide)
                    else:
                        for _reason, box in widget.boxes:
                            box.toggled.connect(self.error.hide)
        return page

    def _fill_path(self) -> None:
        self.path_list.clear()
        number = 0
        for step in self.weighing.steps:
            node = self.graph.node(step.node)
            answer = node.answer(step.answer)
            assert answer is not None
            question = node.question.get(self.lang)
            label = answer.label.get(self.lang)
            if node.context is not None:
                line = self.tr("automatisch beantwoord: {0} — {1}").format(question, label)
            else:
                number += 1
                line = f"{number}. {question} — {label}"
            item = QListWidgetItem(line)
            if node.context is not None:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            self.path_list.addItem(item)
        if self.path_list.count():
            self.path_list.scrollToBottom()

    def automatic_answers(self) -> list[str]:
        """The context answers since the worker's last answer, as shown on the screen."""
        texts: list[str] = []
        for step in reversed(self.weighing.steps):
            node = self.graph.node(step.node)
            if node.context is None:
                break
            answer = node.answer(step.answer)
            assert answer is not None
            texts.insert(0, self.tr("automatisch beantwoord: {0} — {1} (uit het verzoek: {2})")
                         .format(node.question.get(self.lang), answer.label.get(self.lang),
                                 self.request.organisation.name.get(self.lang)))
        return texts

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
            rules = ", ".join(node.rules)
            help_text = node.help.get(self.lang) if node.help else self.tr(
                "Kies het antwoord dat past. Leg vast wat gevraagd wordt: de afweging komt in "
                "het dossier (ZU-DOC, ZW-4).")
            self.guidance.set_help(self.tr("Uitleg bij {0}").format(rules)
                                   if rules else self.tr("Uitleg"), help_text)
            page.focus_answer()
            self._tab_order(page)
            return
        self._show_outcome()

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
        if verdict.kind.ends_request:
            page.next_step.setText(self.tr(
                "Kies Afronden om de afweging vast te leggen (versie {0}). Er gaat niets weg. "
                "Wil je iets veranderen? Ga dan terug.").format(version))
        else:
            page.next_step.setText(self.tr(
                "Kies Afronden om de afweging vast te leggen (versie {0}). Daarna leg je vast "
                "wat de inwoner zegt. Wil je iets veranderen? Ga dan terug.").format(version))
        self.stack.setCurrentWidget(page)
        self.next_button.setVisible(False)
        self.finish_button.setVisible(True)
        description = self.graph.description.get(self.lang) if self.graph.description else ""
        self.guidance.set_help(self.tr("Vastleggen"), description)
        self.finish_button.setFocus()

    def _records_html(self) -> str:
        rows: list[str] = []
        for step in self.weighing.to_dict()["steps"]:
            for kind, value in step["records"].items():
                label = step["record_labels"][kind].get(self.lang) or step["record_labels"][
                    kind]["nl"]
                if kind == RecordKind.REASON_NOT_INFORMING.value:
                    value = "; ".join(text(r.message) for r in JustifiedReason.parse_many(value))
                rows.append(f"<li><b>{html.escape(label)}</b><br>{html.escape(value)}</li>")
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
        self.later_button.setVisible(True)
        self.guidance.set_help(self.tr("Informeren en toestemming (ZW-3, ZW-4)"), self.tr(
            "De afweging is vastgelegd. Vertel de inwoner nu wat je hebt afgewogen en leg vast "
            "wat de inwoner zegt. Is de inwoner het niet eens? Ga het gesprek aan (ZW-3, "
            "ZU-A4A)."))
        form.informed.setFocus()

    # -- actions ----------------------------------------------------------------------------
    def _show_error(self, message: str) -> None:
        self.error.setText(self.tr("Let op: {0}").format(message))
        self.error.show()

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
            self.saved = self.service.record_weighing(self.request_id, self.weighing)
        except MessageError as error:
            self._show_error(error_text(error))
            return
        self.recorded.emit(self.request_id)
        verdict = self.saved.outcome_kind
        if verdict is None or verdict.ends_request:
            self.accept()
            return
        self._show_informing()

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
