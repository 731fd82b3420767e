"""The intake screen: the sections of the gespreksformulier as steps, fields generated from the
definition, inline messages, guidance pane, autosave indicator."""

from __future__ import annotations

import datetime as dt
import re
import weakref
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.forms import (
    FieldType,
    FormDefinition,
    Section,
    normalise_answer,
    section_progress,
    validate_answer,
    visible_fields,
    visible_sections,
)
from desktop_app.domain.forms_model import Signal as FieldSignal
from desktop_app.domain.guidance import Place
from desktop_app.domain.organisations import VEILIG_THUIS
from desktop_app.domain.people import age_on, parse_date
from desktop_app.domain.vocabulary import Direction
from desktop_app.gui.intake.consent_summary import CONSENT_SECTION, ConsentSummary
from desktop_app.gui.intake.fields import (
    BsnEditor,
    ChoiceEditor,
    FieldEditor,
    make_editor,
    text_of,
)
from desktop_app.gui.intake.intake_tabs import panel_factories
from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.guidance_pane import GuidancePane
from desktop_app.gui.shared.i18n import current_language, error_text, text
from desktop_app.gui.shared.screen_fit import remember_splitter
from desktop_app.messages import Message, MessageError
from desktop_app.services.autosave import AutosaveWriter
from desktop_app.services.intakes import (
    IntakeDraft,
    IntakeService,
    NotReadyForTransfer,
)

if TYPE_CHECKING:
    from desktop_app.gui.intake.autosave_bridge import AutosaveBridge


# A jeugdige is under 18 (Jeugdwet art. 1.1); the choice values of the Jeugdwet in the form.
ADULT_AGE = 18
CHILD_FIRST = frozenset({"jeugdwet"})


_CITED_RULES = re.compile(r"\s*\((?:ZW|ZU)-[^()]*\)")


def without_rule_codes(text: str) -> str:
    """"… het dossier te vinden (ZU-V5)." → "… het dossier te vinden."."""
    return _CITED_RULES.sub("", text)


class _BuiltOnUse(dict[str, Any]):
    """The widgets of a field by field id, for the pages built so far; asking for a field of
    a page not built yet builds that page first (pages are built when first shown)."""

    def __init__(self, build_for: Callable[[str], None]) -> None:
        super().__init__()
        # Weak: the view holds this mapping, so a strong bound method would make a cycle
        # through a Qt wrapper that kept a closed intake's view (and its text) alive.
        self._build_for = weakref.WeakMethod(build_for)  # type: ignore[arg-type]

    def __missing__(self, field_id: str) -> Any:
        build_for = self._build_for()
        if build_for is None:
            raise KeyError(field_id)
        build_for(field_id)
        return dict.__getitem__(self, field_id)

    def get(self, field_id: str, default: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[field_id]
        except KeyError:
            return default


class _SectionPage(QScrollArea):
    """One section of the form. Its title, help and fields are built when the page is first
    shown (`built`): opening an intake built all 25 pages and 95 fields up front (issue 18)."""

    def __init__(self, section: Section, lang: str) -> None:
        super().__init__()
        self.section = section
        self.lang = lang
        self.built = False
        self.setWidgetResizable(True)

    def build(self) -> None:
        self.built = True
        section, lang = self.section, self.lang
        inner = QWidget()
        self.layout_ = QVBoxLayout(inner)
        self.layout_.setContentsMargins(24, 16, 24, 24)
        title = QLabel(text_of(section.title, lang))
        title.setObjectName("sectionTitle")
        self.layout_.addWidget(title)
        if section.help is not None:
            # The instruction on the page; the guidance pane beside it (the explanation)
            # shows the same help with the rules it cites.
            hint = wrapped_label(without_rule_codes(text_of(section.help, lang)), "hint")
            self.layout_.addWidget(hint)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.form.setVerticalSpacing(6)
        self.layout_.addLayout(self.form)
        self.layout_.addStretch(1)
        self._inner = inner

    def attach(self) -> None:
        """Into the scroll area once its fields are in: built apart from the shown window
        and then put in whole, the rows measure their wrapped labels as on a first show."""
        self.setWidget(self._inner)


class IntakeView(QWidget):
    back_requested = Signal()
    intake_destroyed = Signal(str)
    receipt_ready = Signal(str)  # receipt id, after `back_requested`: the lead shows it
    # The draft is on an older form version: the main window opens it again and asks to
    # move it to the current version (the same question as when opening it).
    migration_requested = Signal(str)

    def __init__(self, intakes: IntakeService, draft: IntakeDraft, writer: AutosaveWriter,
                 bridge: AutosaveBridge, lang: str | None = None) -> None:
        lang = lang or current_language()  # the UI language unless chosen
        super().__init__()
        self.setObjectName("intakeView")
        self.intakes = intakes
        self.draft = draft
        self.form: FormDefinition = draft.form
        self.answers: dict[str, Any] = dict(draft.answers)
        self.writer = writer
        self.lang = lang
        self.editors: dict[str, FieldEditor] = _BuiltOnUse(self._build_page_of)
        self.messages: dict[str, QLabel] = _BuiltOnUse(self._build_page_of)
        self.labels: dict[str, QLabel] = _BuiltOnUse(self._build_page_of)
        self.rows: dict[str, tuple[QFormLayout, int]] = {}
        self.pages: dict[str, _SectionPage] = {}
        # Shown under a yes/no field with `signal: veiligheid` when it is answered "ja".
        self.safety_cards: dict[str, QWidget] = {}
        # The consent part of the conversation, derived from the data requests (read-only).
        self.consent_summary: ConsentSummary | None = None
        self.readiness_dialog: QWidget | None = None
        self._unsaved: set[str] = set()
        bridge.saved.connect(self._on_saved)
        bridge.failed.connect(self._on_failed)

        # -- header
        self.back_button = QPushButton(self.tr("← &Terug naar overzicht"))
        self.back_button.clicked.connect(self.back_requested.emit)
        self.title = QLabel(self._resident_name())
        self.title.setObjectName("title")
        self.title.setAccessibleName(self.tr("Inwoner"))
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.save_indicator = QLabel(self.tr("Alles is opgeslagen"))
        self.save_indicator.setObjectName("hint")
        self.save_indicator.setAccessibleName(self.tr("Opslaan"))
        self.ready_button = QPushButton(self.tr("&Klaar voor overdracht"))
        self.ready_button.clicked.connect(self._toggle_ready)
        # At a large system font the header must not force a window wider than the screen:
        # the texts wrap instead.
        self.title.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(12)
        # The status under the name: one row of name, status, indicator and two buttons is
        # wider than a laptop screen at a large system font.
        name_box = QVBoxLayout()
        name_box.setSpacing(0)
        name_box.addWidget(self.title)
        name_box.addWidget(self.status_label)
        header.addLayout(name_box, 1)
        header.addStretch(1)
        header.addWidget(self.save_indicator)
        header.addWidget(self.ready_button)

        # -- sections list, pages, guidance
        self.section_list = QListWidget()
        self.section_list.setAccessibleName(self.tr("Onderdelen van het gesprek"))
        self.section_list.setMinimumWidth(260)
        self.section_list.setWordWrap(True)
        self.section_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A visible label with a letter: Alt+L jumps to the list of sections.
        sections_label = QLabel(self.tr("Onderde&len:"))
        sections_label.setBuddy(self.section_list)
        sections_pane = QWidget()
        sections_layout = QVBoxLayout(sections_pane)
        sections_layout.setContentsMargins(0, 0, 0, 0)
        sections_layout.addWidget(sections_label)
        sections_layout.addWidget(self.section_list, 1)
        self.stack = QStackedWidget()
        for section in self.form.sections:
            page = _SectionPage(section, lang)
            self.pages[section.id] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(text_of(section.title, lang))
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.section_list.addItem(item)
        self.section_list.currentRowChanged.connect(self._show_section)
        self.guidance = GuidancePane(Place.INTAKE, lang)
        splitter = QSplitter()
        splitter.addWidget(sections_pane)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.guidance)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        remember_splitter(splitter, "gesprek", [270, 620, 300])

        # The conversation first; data requests, consent and transfer as further tabs.
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Onderdelen van de intake"))
        self.tabs.addTab(splitter, self.tr("&Gesprek"))
        # The other tabs are built when first shown: the transfer tab lays out the whole
        # report, which made opening an intake slow (issue 18); until then a placeholder.
        self._factories = panel_factories()
        self._built: dict[int, QWidget] = {}
        # Held here until replaced: a placeholder passed as a temporary and fetched back with
        # tabs.widget() stayed behind as a dead Python wrapper once deleted, three per intake
        # whose tabs were looked at (PySide 6.11/6.12; issue 18, counted with gc).
        self._placeholders: dict[int, QWidget] = {}
        for number, (title, _title_en, _factory) in enumerate(self._factories):
            self._placeholders[number] = QWidget()
            self.tabs.addTab(self._placeholders[number],
                             QCoreApplication.translate("IntakeView", title))
        self.tabs.currentChanged.connect(self._tab_shown)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        # Connected to methods, not lambdas given as `activated=`: PySide kept each such
        # connection (and the view its lambda holds) after the view was deleted (issue 18).
        for keys, slot in ((Qt.Modifier.CTRL | Qt.Key.Key_Tab, self._next_tab),
                           (Qt.Modifier.CTRL | Qt.Key.Key_PageDown, self._next_section),
                           (Qt.Modifier.CTRL | Qt.Key.Key_PageUp, self._previous_section),
                           (Qt.Modifier.ALT | Qt.Key.Key_Left, self.back_requested)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self._refresh_everything()
        self.section_list.setCurrentRow(0)

    # -- building ---------------------------------------------------------------------------
    def _build_page(self, page: _SectionPage) -> None:
        if page.built:
            return
        page.build()
        for field in page.section.fields:
            self._add_field(page, field)
        if page.section.id == CONSENT_SECTION:
            summary = ConsentSummary(self.intakes.session, self.draft.intake_id)
            summary.open_requests.connect(self._open_data_requests)
            # After the questions, before the stretch at the end of the page.
            page.layout_.insertWidget(page.layout_.count() - 1, summary)
            self.consent_summary = summary
        page.attach()
        self._fit_into_tab_order(page)
        self._refresh_everything()  # which rows the answers show, choices ordered by age

    def _fit_into_tab_order(self, page: _SectionPage) -> None:
        """Qt puts widgets made after their window at the end of its tab order (after the
        guidance pane): move the page's own widgets, in their order, to follow the page."""
        members: list[QWidget] = []
        node = page.nextInFocusChain()
        while node is not page and node is not None:
            # setTabOrder ignores widgets that take no focus: only those are moved.
            if page.isAncestorOf(node) and node.focusPolicy() != Qt.FocusPolicy.NoFocus:
                members.append(node)
            node = node.nextInFocusChain()
        anchor = page
        while anchor.focusPolicy() == Qt.FocusPolicy.NoFocus and anchor is not self:
            anchor = anchor.previousInFocusChain()
        for widget in members:
            QWidget.setTabOrder(anchor, widget)
            anchor = widget

    def _build_page_of(self, field_id: str) -> None:
        """For a field of a page not built yet (restoring a place, a test): build it."""
        try:
            section = self.form.section_of(field_id)
        except KeyError:
            raise KeyError(field_id) from None
        self._build_page(self.pages[section.id])

    def _add_field(self, page: _SectionPage, field: Any) -> None:
        editor = make_editor(field, self.lang)
        editor.set_value(self.answers.get(field.id))
        editor.changed.connect(self._on_changed)
        editor.focused.connect(self._on_focused)
        if isinstance(editor, BsnEditor):
            editor.reveal_requested.connect(
                lambda field_id: self.intakes.reveal_bsn(self.draft.intake_id, field_id))
        label = QLabel(editor.label_text)
        label.setBuddy(editor.focus_target())
        # Wrapped, in the row's own box above the field: a long question (a municipality's own
        # form, a larger font, English) must not widen the page into a sideways scroll bar
        # (issue 16). As QFormLayout's label it would wrap at half the width.
        label.setWordWrap(True)
        message = wrapped_label(name="error")
        message.hide()
        container = QWidget()
        # Never taller than needed: after an inline message disappears the row must shrink.
        container.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 8)
        box.setSpacing(4)
        box.addWidget(label)
        box.addWidget(editor)
        box.addWidget(message)
        if getattr(field, "signal", None) is FieldSignal.SAFETY:
            card = self._safety_card()
            box.addWidget(card)
            self.safety_cards[field.id] = card
            card.setVisible(False)
        page.form.addRow(container)
        self.rows[field.id] = (page.form, page.form.rowCount() - 1)
        self.editors[field.id] = editor
        self.messages[field.id] = message
        self.labels[field.id] = label
        if field.id in self.safety_cards:
            self._show_one_safety_card()

    def _show_one_safety_card(self) -> None:
        """The Meldcode card under the first safety question (form order) answered "ja" only:
        a "ja" on both the safety concern and the kindcheck is one situation, one set of
        steps, not the same card twice."""
        shown = False
        for field in self.form.fields:
            card = self.safety_cards.get(field.id)
            if card is None:
                continue
            visible = not shown and self.answers.get(field.id) is True
            shown = shown or visible
            if card.isHidden() == visible:
                card.setVisible(visible)
                card.parentWidget().updateGeometry()
                if field.id in self.rows:
                    self.rows[field.id][0].invalidate()

    def _safety_card(self) -> QWidget:
        """Concerns about safety: the Meldcode's steps, and the way to Veilig Thuis through a
        data request whose weighing has the exception paths (ZW-3, ZU-A4A, ZU-A4B)."""
        card = QWidget()
        card.setObjectName("safetyCard")
        # A bar on the left sets the steps apart from the questions around them.
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        card.setStyleSheet("#safetyCard { border-left: 4px solid #b45309; }")
        title = QLabel(self.tr("Zorgen over veiligheid: zo ga je verder"))
        title.setWordWrap(True)
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        steps = QLabel(self.tr(
            "Volg de Meldcode huiselijk geweld en kindermishandeling:\n"
            "1. Breng de signalen in kaart en schrijf ze op.\n"
            "2. Overleg met een collega of de aandachtsfunctionaris. Veilig Thuis kun je altijd "
            "om advies vragen, ook zonder namen.\n"
            "3. Praat met de inwoner, tenzij dat de veiligheid in gevaar brengt.\n"
            "4. Weeg af: is er acute of structurele onveiligheid? Dan meld je bij Veilig Thuis.\n"
            "5. Beslis: hulp organiseren, of melden.\n"
            "Zijn er kinderen in huis bij zorgen over psychische problemen, verslaving of "
            "schulden? Kijk dan ook of de kinderen veilig zijn (kindcheck)."))
        steps.setWordWrap(True)
        steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                      | Qt.TextInteractionFlag.TextSelectableByMouse)
        how = wrapped_label(self.tr(
            "Gegevens delen of opvragen zonder toestemming kan alleen na een afweging: bij een "
            "conflict van plichten, een vitaal belang of het meldrecht. De afweging legt de "
            "grond vast en wie je hebt geraadpleegd; een handtekening van de inwoner is dan "
            "niet nodig."), "hint")
        button = QPushButton(self.tr("Gegevensverzoek aan Veilig Thuis maken…"))
        button.setAccessibleName(self.tr("Gegevensverzoek aan Veilig Thuis maken"))
        button.clicked.connect(self.report_to_veilig_thuis)
        self.safety_button = button
        box = QVBoxLayout(card)
        box.setContentsMargins(12, 6, 0, 6)
        box.addWidget(title)
        box.addWidget(steps)
        box.addWidget(how)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        return card

    def panel(self, number: int) -> QWidget:
        """The panel of tab `number + 1` (0: data requests, 1: consent, 2: transfer), built
        now if it was not yet, in place of its placeholder tab."""
        if number in self._built:
            return self._built[number]
        title, _title_en, factory = self._factories[number]
        panel = factory(self.intakes.session, self.draft.intake_id, self.lang)
        self._built[number] = panel
        for signal_name, slot in (("changed", self._panel_changed),
                                  ("destroyed_intake", self._intake_destroyed),
                                  ("destroying", self._destroying),
                                  ("ready_requested", self._toggle_ready)):
            signal = getattr(panel, signal_name, None)
            if signal is not None:
                signal.connect(slot)
        index = number + 1
        placeholder = self._placeholders.pop(number)
        enabled, current = self.tabs.isTabEnabled(index), self.tabs.currentIndex()
        self.tabs.blockSignals(True)  # the same tab stays current: no second "shown"
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, panel, QCoreApplication.translate("IntakeView", title))
            self.tabs.setTabEnabled(index, enabled)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        placeholder.deleteLater()
        return panel

    @property
    def panels(self) -> list[QWidget]:
        """Every panel, building those not shown yet (tests and the whole-intake actions)."""
        return [self.panel(number) for number in range(len(self._factories))]

    def data_requests_panel(self) -> QWidget | None:
        panel = self.panel(0)
        return panel if hasattr(panel, "new_request") else None

    def _open_data_requests(self) -> None:
        panel = self.data_requests_panel()
        if panel is not None:
            self.tabs.setCurrentWidget(panel)

    def report_to_veilig_thuis(self) -> None:
        """Open the data-requests tab with a new request to give data to Veilig Thuis."""
        panel = self.data_requests_panel()
        if panel is None:
            return
        self.tabs.setCurrentWidget(panel)
        service = getattr(panel, "service", None)
        known = service is not None and service.catalogue().get(VEILIG_THUIS) is not None
        # A municipality may have renamed its catalogue entry: then the worker picks it.
        panel.new_request(  # type: ignore[attr-defined]
            preset=(Direction.GIVE_TO, VEILIG_THUIS) if known else None)

    # -- state ------------------------------------------------------------------------------
    def _resident_name(self) -> str:
        name = self.answers.get("inwoner_naam")
        return name if isinstance(name, str) and name.strip() else self.tr("Inwoner")

    def _resident_is_a_child(self) -> bool:
        """Under 18 today, by the form's birth date field (unknown: not a child)."""
        for field in self.form.fields:
            if field.birth_date and field.type is FieldType.DATE:
                try:
                    born = parse_date(str(self.answers.get(field.id) or ""))
                    return age_on(born, dt.date.today()) < ADULT_AGE
                except (MessageError, ValueError):
                    return False
        return False

    def _order_choices_for_age(self) -> None:
        """For a child the Jeugdwet choice comes before the Wmo one ("Ja, Jeugdwet" before
        "Ja, Wmo"), so typing J picks it: type-ahead picked "Ja, Wmo" for a child by accident.
        Wmo stays offered: a home adaptation for a child is Wmo, not Jeugdwet."""
        preferred = CHILD_FIRST if self._resident_is_a_child() else frozenset()
        for editor in self.editors.values():
            if isinstance(editor, ChoiceEditor):
                editor.put_first(preferred)

    def _refresh_everything(self) -> None:
        self._order_choices_for_age()
        visible = {f.id for f in visible_fields(self.form, self.answers)}
        for field_id in self.editors:
            # setRowVisible also removes the row's spacing (hiding the widgets leaves gaps).
            layout, row = self.rows[field_id]
            layout.setRowVisible(row, field_id in visible)
        shown_sections = {s.id for s in visible_sections(self.form, self.answers)}
        today = dt.date.today()
        for row in range(self.section_list.count()):
            item = self.section_list.item(row)
            section = self.form.section(item.data(Qt.ItemDataRole.UserRole))
            self.section_list.setRowHidden(row, section.id not in shown_sections)
            progress = section_progress(self.form, section, self.answers, today)
            title = text_of(section.title, self.lang)
            if progress.problems:
                state = self.tr("⚠ controleer de antwoorden")
            elif progress.required_total == 0:
                filled = any(self.answers.get(f.id) for f in section.fields)
                state = self.tr("ingevuld") if filled else ""
            elif progress.complete:
                state = self.tr("✓ compleet")
            else:
                state = self.tr("{answered} van {total} verplichte vragen").format(
                    answered=progress.required_answered, total=progress.required_total)
            item.setText(f"{title}\n   {state}" if state else title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {state}")
        self.status_label.setText(text(self.draft.status_text))
        # Changed after klaar voor overdracht: shown as a notice, not a grey hint.
        style = "notice" if self.draft.changed_after_ready else "hint"
        if self.status_label.objectName() != style:
            self.status_label.setObjectName(style)
            self.status_label.style().unpolish(self.status_label)
            self.status_label.style().polish(self.status_label)
        self.ready_button.setText(self.tr("Terug naar &concept") if self.draft.status ==
                                  "klaar_voor_overdracht" else self.tr("&Klaar voor overdracht"))
        self.ready_button.setEnabled(self.draft.status != "overgedragen")

    def _show_section(self, row: int) -> None:
        if row < 0:
            return
        section_id = self.section_list.item(row).data(Qt.ItemDataRole.UserRole)
        page = self.pages[section_id]
        self._build_page(page)
        self.stack.setCurrentWidget(page)
        section = page.section
        self.guidance.set_help(text_of(section.title, self.lang), text_of(section.help, self.lang))

    def _next_tab(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count())

    def _next_section(self) -> None:
        self._step(1)

    def _previous_section(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        row = self.section_list.currentRow()
        while True:
            row += delta
            if row < 0 or row >= self.section_list.count():
                return
            if not self.section_list.isRowHidden(row):
                self.section_list.setCurrentRow(row)
                page = self.stack.currentWidget()
                assert isinstance(page, _SectionPage)
                for field in visible_fields(self.form, self.answers, page.section):
                    self.editors[field.id].focus_target().setFocus()
                    break
                return

    # -- editing ----------------------------------------------------------------------------
    def _on_focused(self, field_id: str) -> None:
        field = self.form.field(field_id)
        self.guidance.set_help(text_of(field.label, self.lang), text_of(field.help, self.lang))

    def _on_changed(self, field_id: str, value: Any) -> None:
        field = self.form.field(field_id)
        stored = normalise_answer(field, value)
        self.answers[field_id] = stored
        problems = validate_answer(field, stored, dt.date.today()) if stored not in (
            "", None, []) else []
        message = self.messages[field_id]
        message.setText(self.tr("Let op: ") + " ".join(text(p) for p in problems)
                        if problems else "")
        if (not message.isHidden()) != bool(problems):
            message.setVisible(bool(problems))
            # QFormLayout caches the row's height-for-width: make it measure again so the row
            # shrinks when the message goes away.
            message.parentWidget().updateGeometry()
            self.rows[field_id][0].invalidate()
        # Saved even when not valid yet: never lose what was typed; validity is shown.
        self._unsaved.add(field_id)
        self.writer.submit(self.draft.intake_id, field_id, stored)
        self.save_indicator.setText(self.tr("Wijzigingen worden opgeslagen…"))
        if field_id == "inwoner_naam":
            self.title.setText(self._resident_name())
        if field_id in self.safety_cards:
            self._show_one_safety_card()
        self._refresh_everything()

    def _on_saved(self, intake_id: str, saved_at: dt.datetime, fields: frozenset[str]) -> None:
        if intake_id != self.draft.intake_id:
            return
        self._unsaved -= set(fields)
        if self.draft.status == "klaar_voor_overdracht":
            self._sync_status()  # a change sends it back to concept (services/records.py)
        if self.intakes.take_repaired(intake_id):
            # A damaged character (half of a pair, from a broken paste) was stored as �.
            self.save_indicator.setText(text(Message("autosave.text_repaired.short")))
            self.save_indicator.setToolTip(text(Message("autosave.text_repaired")))
            return
        if not self._unsaved:
            self.save_indicator.setToolTip("")  # a failure before this one is over
            self.save_indicator.setText(self.tr("Opgeslagen om {time}").format(
                time=saved_at.astimezone().strftime('%H:%M')))

    def _on_failed(self, intake_id: str, error: MessageError) -> None:
        if intake_id != self.draft.intake_id:
            return
        if error.message.key == "vault.store_corrupt":
            # Not retried: a damaged store is not written again (the main window's banner).
            self.save_indicator.setText(self.tr("Niet opgeslagen — gegevensbestand beschadigd"))
        else:
            self.save_indicator.setText(self.tr("Niet opgeslagen — wordt opnieuw geprobeerd"))
        self.save_indicator.setToolTip(error_text(error))

    def _toggle_ready(self) -> None:
        if not self.writer.flush():
            QMessageBox.warning(self, self.tr("Niet opgeslagen"),
                                self.tr("Nog niet alles is opgeslagen. Probeer het zo opnieuw."))
            return
        new_status = ("concept" if self.draft.status == "klaar_voor_overdracht"
                      else "klaar_voor_overdracht")
        try:
            self.intakes.set_status(self.draft.intake_id, new_status)
        except NotReadyForTransfer as refused:
            self._show_missing(refused)
            return
        except MessageError as err:  # destroyed meanwhile, a damaged store
            QMessageBox.warning(self, self.tr("Status niet gewijzigd"), error_text(err))
            return
        self.draft = replace(self.draft, status=new_status, changed_after_ready=False)
        self._refresh_everything()
        for panel in list(self._built.values()):  # the transfer tab opens or closes
            if hasattr(panel, "refresh"):
                panel.refresh()

    def _sync_status(self) -> bool:
        """Take the status as stored: a change to an intake that was klaar voor overdracht
        (an answer, a data request, a statement) has sent it back to concept. True (and
        everything refreshed) when it differs from what the screen showed."""
        try:
            status, changed_after_ready = self.intakes.status(self.draft.intake_id)
        except MessageError:
            return False  # destroyed meanwhile: the main window deals with that
        if (status, changed_after_ready) == (self.draft.status,
                                             self.draft.changed_after_ready):
            return False
        self.draft = replace(self.draft, status=status,
                             changed_after_ready=changed_after_ready)
        self._refresh_everything()
        for panel in list(self._built.values()):  # the transfer tab closes
            if hasattr(panel, "refresh"):
                panel.refresh()
        return True

    def _show_missing(self, refused: NotReadyForTransfer) -> None:
        """What is still missing, per section; a click goes to the question (or tab)."""
        from desktop_app.domain.readiness import Where
        from desktop_app.gui.intake.readiness_dialog import ReadinessDialog

        dialog = ReadinessDialog(refused.readiness, self)
        self.readiness_dialog = dialog  # tests find it while it is open
        dialog.exec()
        self.readiness_dialog = None
        item = dialog.chosen
        dialog.deleteLater()
        if item is None:
            return
        if item.where is Where.FORM_VERSION:
            self.writer.flush()
            self.migration_requested.emit(self.draft.intake_id)
            return
        if item.where is Where.DATA_REQUEST:
            self._open_data_requests()
            panel = self.data_requests_panel()
            if panel is not None and item.request_id is not None:
                panel.select_request(item.request_id)  # type: ignore[attr-defined]
            return
        if item.field_id is not None:
            self.go_to_field(item.field_id)

    def go_to_field(self, field_id: str) -> None:
        """The conversation tab, the field's section, the cursor in the field."""
        self.tabs.setCurrentIndex(0)
        section_id = self.form.section_of(field_id).id
        for row in range(self.section_list.count()):
            if self.section_list.item(row).data(Qt.ItemDataRole.UserRole) == section_id:
                self.section_list.setCurrentRow(row)
                break
        editor = self.editors.get(field_id)
        if editor is not None:
            page = self.pages[section_id]
            target = editor.focus_target()
            target.setFocus()
            page.ensureWidgetVisible(editor)
            # Coming from a dialog that has just closed, Qt gives the focus back to where it
            # was once the window is active again: the field takes it once more after that.
            QTimer.singleShot(0, target, target.setFocus)

    def _tab_shown(self, index: int) -> None:
        if index == 0:
            # Leaving a panel may have changed the intake (e.g. status): show it.
            if not self._sync_status():
                self._refresh_everything()
            if self.consent_summary is not None:  # a request or statement may have changed
                self.consent_summary.refresh()
            return
        if not self.writer.flush():
            self.save_indicator.setText(self.tr("Niet opgeslagen — wordt opnieuw geprobeerd"))
        built = index - 1 in self._built
        panel = self.panel(index - 1)
        # A change on the previous tab may have sent the intake back to concept: the header
        # says so, and every built panel (this one too) is refreshed then.
        if self._sync_status():
            return
        refresh = getattr(panel, "refresh", None)
        if built and refresh is not None:  # a new panel has just read the intake
            refresh()

    def _destroying(self, busy: bool) -> None:
        """While this intake is destroyed in the background, nothing else of it can be
        changed: the other tabs are closed, and what was still to be saved is dropped (it
        would be written into content that is being deleted)."""
        current = self.tabs.currentIndex()
        for index in range(self.tabs.count()):
            if index != current:
                self.tabs.setTabEnabled(index, not busy)
        if busy:
            self.writer.discard(self.draft.intake_id)

    def _intake_destroyed(self, receipt_id: str) -> None:
        """The drafts are destroyed: nothing typed may be written back, and this view (which
        still holds the answers in its widgets) closes; the receipt is shown in its place."""
        self.writer.discard(self.draft.intake_id)
        self.intake_destroyed.emit(self.draft.intake_id)
        self.back_requested.emit()
        self.receipt_ready.emit(receipt_id)

    def _panel_changed(self) -> None:
        current = self.tabs.currentWidget()
        for panel in list(self._built.values()):  # one not built yet reads it when shown
            if panel is not current and hasattr(panel, "refresh"):
                panel.refresh()

    # -- where the worker is (kept over a lock: ids only, never text) ----------------------
    def place(self) -> tuple[int, str | None, str | None]:
        """(tab index, section id, id of the field that has focus)."""
        item = self.section_list.currentItem()
        section_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        focus = self.window().focusWidget()
        field_id = None
        if focus is not None:
            for candidate, editor in self.editors.items():
                if editor is focus or editor.isAncestorOf(focus):
                    field_id = candidate
                    break
        return self.tabs.currentIndex(), section_id, field_id

    def restore_place(self, tab: int, section_id: str | None, field_id: str | None) -> None:
        """Back to a place from `place()`, as far as it still exists (a section or field the
        answers now hide is skipped)."""
        for row in range(self.section_list.count()):
            if (self.section_list.item(row).data(Qt.ItemDataRole.UserRole) == section_id
                    and not self.section_list.isRowHidden(row)):
                self.section_list.setCurrentRow(row)
                break
        if 0 <= tab < self.tabs.count() and self.tabs.isTabEnabled(tab):
            self.tabs.setCurrentIndex(tab)
        editor = self.editors.get(field_id) if field_id is not None else None
        shown = {f.id for f in visible_fields(self.form, self.answers)}
        if self.tabs.currentIndex() == 0 and editor is not None and field_id in shown:
            editor.focus_target().setFocus()
        elif self.tabs.currentIndex() == 0:
            self.section_list.setFocus()
        else:
            self.tabs.currentWidget().setFocus()

    def hide_sensitive(self) -> None:
        for editor in self.editors.values():
            if isinstance(editor, BsnEditor):
                editor.hide_value()

