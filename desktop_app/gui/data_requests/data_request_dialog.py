"""The dialog for a new or changed data request (ZW-1, ZW-2): direction, organisation (searchable
catalogue, or one added during the visit), purpose, exactly which data, and the basis
(toetsing aan criteria or verdieping) with what refusing means for the resident."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.consent import item_kind
from desktop_app.domain.organisations import BigProfession, Organisation
from desktop_app.domain.vocabulary import Basis, Direction, SecrecyRegime
from desktop_app.gui.data_requests.common import LOCAL_STYLE, LabelledText, organisation_line
from desktop_app.gui.shared.dialog_parts import error_label, wrapped_label
from desktop_app.gui.shared.i18n import current_language, error_text, text
from desktop_app.gui.shared.screen_fit import fit_to_screen
from desktop_app.messages import MessageError
from desktop_app.services.data_requests import DataRequestRow, DataRequestService


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


class AddOrganisationDialog(QDialog):
    """Add an organisation during the visit, with its secrecy regime (kept in the profile)."""

    def __init__(self, service: DataRequestService, lang: str | None = None,
                 parent: QWidget | None = None, name: str = "") -> None:
        lang = lang or current_language()  # the UI language unless chosen
        super().__init__(parent)
        self.service = service
        self.lang = lang
        self.organisation: Organisation | None = None
        self.setWindowTitle(self.tr("Organisatie toevoegen"))
        self.setMinimumWidth(520)
        intro = wrapped_label(self.tr(
            "Staat de organisatie niet in de lijst? Voeg haar hier toe. Kies ook of zij een "
            "beroepsgeheim heeft: dat bepaalt of er een getekende toestemmingsverklaring nodig "
            "is."), "hint")
        self.name_edit = QLineEdit(name)
        self.name_edit.setAccessibleName(self.tr("Naam van de organisatie"))
        self.regime_box = QComboBox()
        self.regime_box.setAccessibleName(self.tr("Beroepsgeheim van de organisatie"))
        for regime, choice in (
            (SecrecyRegime.NONE, self.tr("Geen beroepsgeheim")),
            (SecrecyRegime.BIG, self.tr("Medisch beroepsgeheim (BIG-register)")),
            (SecrecyRegime.SKJ, self.tr("Beroepscode jeugdprofessional (SKJ-register)")),
            (SecrecyRegime.PROFESSIONAL_CODE, self.tr("Andere beroepscode")),
        ):
            self.regime_box.addItem(choice, regime.value)
        self.profession_box = QComboBox()
        self.profession_box.setAccessibleName(self.tr("Beroep in het BIG-register"))
        for profession in BigProfession:
            self.profession_box.addItem(text(profession.label), profession.value)
        self.regime_box.currentIndexChanged.connect(self._regime_changed)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        name_label = QLabel(self.tr("&Naam van de organisatie"))
        name_label.setBuddy(self.name_edit)
        regime_label = QLabel(self.tr("&Beroepsgeheim"))
        regime_label.setBuddy(self.regime_box)
        self.profession_label = QLabel(self.tr("B&eroep (BIG-register)"))
        self.profession_label.setBuddy(self.profession_box)
        form.addRow(name_label, self.name_edit)
        form.addRow(regime_label, self.regime_box)
        form.addRow(self.profession_label, self.profession_box)
        self.error = error_label()
        add = QPushButton(self.tr("&Toevoegen"))
        add.setObjectName("primary")
        add.setDefault(True)
        add.clicked.connect(self._add)
        cancel = QPushButton(self.tr("Annuleren"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._regime_changed()

    def _regime_changed(self) -> None:
        big = self.regime_box.currentData() == SecrecyRegime.BIG.value
        self.profession_box.setVisible(big)
        self.profession_label.setVisible(big)

    def _add(self) -> None:
        regime = self.regime_box.currentData()
        profession = (self.profession_box.currentData()
                      if regime == SecrecyRegime.BIG.value else None)
        try:
            self.organisation = self.service.add_custom_organisation(
                self.name_edit.text(), regime, profession)
        except MessageError as problem:
            self.error.setText(self.tr("Let op: {0}").format(error_text(problem)))
            self.error.show()
            self.name_edit.setFocus()
            return
        self.accept()


class _ListKeys(QObject):
    """Down from the search field goes into the result list; Enter there confirms."""

    def __init__(self, dialog: DataRequestDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and watched is self.dialog.search and event.key() == Qt.Key.Key_Down):
            results = self.dialog.results
            results.setFocus()
            if results.currentRow() < 0 and results.count():
                results.setCurrentRow(0)
            return True
        return False


class DataRequestDialog(QDialog):
    """New request (row None) or change an existing one. After accept: `request_id`."""

    def __init__(self, service: DataRequestService, intake_id: str, lang: str | None = None,
                 row: DataRequestRow | None = None, parent: QWidget | None = None, *,
                 preset: tuple[Direction, str] | None = None) -> None:
        """`preset` (direction, organisation id) starts a new request with both chosen, e.g.
        giving data to Veilig Thuis from the safety question of the conversation."""
        lang = lang or current_language()  # the UI language unless chosen
        super().__init__(parent)
        self.service = service
        self.intake_id = intake_id
        self.lang = lang
        self.row = row
        self.request_id: str | None = row.id if row else None
        self.chosen: Organisation | None = row.request.organisation if row else None
        if row is None and preset is not None:
            self.chosen = service.organisation(preset[1])
        self.setWindowTitle(self.tr("Gegevensverzoek wijzigen") if row
                            else self.tr("Nieuw gegevensverzoek"))
        self.setMinimumSize(720, 600)
        self.setStyleSheet(LOCAL_STYLE)

        intro = wrapped_label(self.tr(
            "Bespreek met de inwoner welke gegevens nodig zijn, van wie en waarvoor. Vraag "
            "nooit meer dan strikt nodig is en wees open over het doel."), "hint")

        # -- direction
        self.request_from = QRadioButton(self.tr("Gegevens &opvragen bij de organisatie"))
        self.give_to = QRadioButton(self.tr("Gegevens ve&rstrekken aan de organisatie"))
        self.direction_group = QButtonGroup(self)
        for button in (self.request_from, self.give_to):
            self.direction_group.addButton(button)
        self.request_from.setChecked(True)
        direction_label = QLabel(self.tr("Wat wil je doen?"))
        direction_label.setObjectName("fieldTitle")

        # -- organisation
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Typ om te zoeken, bijvoorbeeld huisarts"))
        self.search.setAccessibleName(self.tr("Zoek een organisatie"))
        search_label = QLabel(self.tr("&Zoek de organisatie"))
        search_label.setObjectName("fieldTitle")
        search_label.setBuddy(self.search)
        self.results = QListWidget()
        # Long organisation lines wrap instead of adding a sideways scroll bar.
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setAccessibleName(self.tr("Gevonden organisaties"))
        self.results.setMinimumHeight(150)
        results_label = QLabel(self.tr("Gevonden org&anisaties"))
        results_label.setBuddy(self.results)
        self.chosen_label = wrapped_label(name="notice")
        self.chosen_label.setAccessibleName(self.tr("Gekozen organisatie"))
        self.add_button = QPushButton(self.tr("Organisatie &toevoegen…"))
        self.add_button.setObjectName("link")
        self.add_button.clicked.connect(self._add_organisation)
        self.search.textChanged.connect(self._fill_results)
        self.results.currentItemChanged.connect(self._result_chosen)
        self.search.installEventFilter(_ListKeys(self))

        # -- the real name: consent is given to this practice, school or person, not to a kind
        # of organisation (AVG art. 4 lid 11: specific).
        self.named_edit = QLineEdit()
        self.named_edit.setAccessibleName(self.tr("Naam van de organisatie of persoon"))
        self.named_edit.setPlaceholderText(self.tr("Bijvoorbeeld: Huisartsenpraktijk De Linde"))
        self.named_label = QLabel(self.tr("&Naam van de organisatie of persoon"))
        self.named_label.setObjectName("fieldTitle")
        self.named_label.setBuddy(self.named_edit)
        self.named_hint = wrapped_label(name="hint")

        # -- purpose, items
        self.purpose = LabelledText(self.tr("&Doel: waarvoor zijn de gegevens nodig?"),
                                    self.tr("Doel"), height=56)
        self.items = LabelledText(
            self.tr("Welke &gegevens precies? Schrijf één gegeven per regel."),
            self.tr("Welke gegevens, één per regel"), height=88)

        # -- basis (ZW-2)
        self.toetsing = QRadioButton(self.tr(
            "Toetsing aan &criteria: nodig om te beslissen over een voorziening"))
        self.verdieping = QRadioButton(self.tr(
            "&Verdieping: om de inwoner beter te helpen of een vollediger beeld te krijgen"))
        self.basis_group = QButtonGroup(self)
        self.basis_group.addButton(self.toetsing)
        self.basis_group.addButton(self.verdieping)
        self.verdieping.setChecked(True)
        basis_label = QLabel(self.tr("Waarom zijn de gegevens nodig?"))
        basis_label.setObjectName("fieldTitle")
        self.refusal = wrapped_label(name="notice")
        self.refusal.setAccessibleName(self.tr("Wat nee zeggen betekent"))
        self.basis_group.buttonToggled.connect(self._basis_changed)
        self.direction_group.buttonToggled.connect(lambda *_args: self._show_named_hint())

        self.error = error_label()
        save = QPushButton(self.tr("Op&slaan"))
        save.setObjectName("primary")
        save.clicked.connect(self._save)
        save.setAutoDefault(False)
        cancel = QPushButton(self.tr("Annuleren"))
        cancel.clicked.connect(self.reject)
        cancel.setAutoDefault(False)
        self.save_button = save

        # The body scrolls: at a large system font it is taller than the screen.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(intro)
        layout.addWidget(direction_label)
        layout.addWidget(self.request_from)
        layout.addWidget(self.give_to)
        layout.addSpacing(6)
        layout.addWidget(search_label)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.add_button)
        layout.addLayout(search_row)
        layout.addWidget(results_label)
        layout.addWidget(self.results)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.named_label)
        layout.addWidget(self.named_edit)
        layout.addWidget(self.named_hint)
        layout.addSpacing(6)
        layout.addWidget(self.purpose)
        layout.addWidget(self.items)
        layout.addWidget(basis_label)
        layout.addWidget(self.toetsing)
        layout.addWidget(self.verdieping)
        layout.addWidget(self.refusal)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        outer.addLayout(buttons)
        # Open tall enough to show the whole body when the screen allows (no scrolling at a
        # normal font size).
        height = body.sizeHint().height() + buttons.sizeHint().height() + 48
        fit_to_screen(self, max(760, body.sizeHint().width() + 40), max(600, height), parent)

        if row is not None:
            request = row.request
            (self.give_to if request.direction is Direction.GIVE_TO
             else self.request_from).setChecked(True)
            self.purpose.set_text(request.purpose)
            self.named_edit.setText(request.organisation_named)
            self.items.set_text("\n".join(request.items))
            (self.toetsing if request.basis is Basis.TOETSING else self.verdieping).setChecked(
                True)
            weighed = request.current_weighing is not None
            if weighed:
                intro.setText(intro.text() + " " + self.tr(
                    "Let op: verander je het verzoek, dan telt de afweging niet meer en maak je "
                    "een nieuwe afweging. De oude blijft bewaard."))
        elif preset is not None:
            (self.give_to if preset[0] is Direction.GIVE_TO else self.request_from).setChecked(
                True)
        self._fill_results()
        self._show_chosen()
        self._basis_changed()
        self.search.setFocus()

    # -- organisation -----------------------------------------------------------------------
    def _fill_results(self) -> None:
        wanted = _fold(self.search.text())
        self.results.blockSignals(True)
        self.results.clear()
        for organisation in self.service.organisations():
            if wanted and wanted not in _fold(organisation.name.get(self.lang)):
                continue
            item = QListWidgetItem(organisation_line(organisation, self.lang))
            item.setData(Qt.ItemDataRole.UserRole, organisation.id)
            self.results.addItem(item)
            if self.chosen is not None and organisation.id == self.chosen.id:
                self.results.setCurrentItem(item)
        if not self.results.count():
            empty = QListWidgetItem(self.tr(
                "Niets gevonden. Kies 'Organisatie toevoegen' om haar zelf toe te voegen."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(empty)
        self.results.blockSignals(False)

    def _result_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return
        self.chosen = self.service.organisation(item.data(Qt.ItemDataRole.UserRole))
        self._show_chosen()

    def _show_chosen(self) -> None:
        chosen = self.chosen
        if chosen is None:
            self.chosen_label.setText(self.tr("Nog geen organisatie gekozen."))
            self._show_named_hint()
            return
        shown = self.tr("Gekozen: {0}.").format(organisation_line(chosen, self.lang))
        if chosen.needs_written_consent:
            shown += " " + self.tr("Er is een getekende toestemmingsverklaring nodig voordat "
                                   "het verzoek weg kan.")
        if chosen.note is not None:
            shown += " " + chosen.note.get(self.lang)
        self.chosen_label.setText(shown)
        self._show_named_hint()

    def _add_organisation(self) -> None:
        dialog = AddOrganisationDialog(self.service, self.lang, self, self.search.text())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.organisation is not None:
            self.chosen = dialog.organisation
            self.search.clear()
            self._fill_results()
            self._show_chosen()
            self.purpose.edit.setFocus()

    # -- basis ------------------------------------------------------------------------------
    def _basis(self) -> Basis:
        return Basis.TOETSING if self.toetsing.isChecked() else Basis.VERDIEPING

    def _basis_changed(self, *_args: object) -> None:
        self.refusal.setText(self.tr("Wat betekent nee zeggen voor de inwoner? {0}").format(
            text(self._basis().refusal)))
        self._show_named_hint()

    def _direction(self) -> Direction:
        return Direction.GIVE_TO if self.give_to.isChecked() else Direction.REQUEST_FROM

    def name_required(self) -> bool:
        """The resident (or a parent, a representative) says yes or no to this request on the
        statement (consent or a release from secrecy): then the real name is required."""
        if self.chosen is None:
            return False
        return item_kind(self._direction(), self._basis(), self.chosen.regime).needs_choice

    def _show_named_hint(self) -> None:
        if not hasattr(self, "named_hint"):
            return  # still building the dialog
        if self.name_required():
            self.named_hint.setText(self.tr(
                "Verplicht. De inwoner geeft toestemming aan deze organisatie of persoon, niet "
                "aan een soort organisatie. Deze naam komt op de toestemmingsverklaring."))
        else:
            self.named_hint.setText(self.tr(
                "Niet verplicht: over dit verzoek kiest de inwoner niets, hij wordt alleen "
                "geïnformeerd. Weet je de naam, vul hem dan toch in."))

    # -- saving -----------------------------------------------------------------------------
    def _save(self) -> None:
        if self.chosen is None:
            self._show_error(self.tr("Kies eerst een organisatie, of voeg er een toe."))
            self.search.setFocus()
            return
        direction = self._direction()
        named = " ".join(self.named_edit.text().split())
        if not named and self.name_required():
            self._show_error(self.tr(
                "Vul de naam van de organisatie of persoon in, bijvoorbeeld de praktijk of de "
                "school. De inwoner geeft toestemming aan hen, niet aan een soort organisatie."))
            self.named_edit.setFocus()
            return
        items = self.items.text().splitlines()
        try:
            if self.request_id is None:
                self.request_id = self.service.create_request(
                    self.intake_id, direction=direction, organisation=self.chosen,
                    purpose=self.purpose.text(), items=items, basis=self._basis(),
                    organisation_named=named)
            else:
                self.service.update_request(
                    self.request_id, direction=direction, organisation=self.chosen,
                    purpose=self.purpose.text(), items=items, basis=self._basis(),
                    organisation_named=named)
        except MessageError as error:
            self._show_error(error_text(error))
            return
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(self.tr("Let op: {0}").format(text))
        self.error.show()
