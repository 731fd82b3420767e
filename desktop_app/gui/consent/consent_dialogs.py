"""Dialogs of the consent panel: composing a toestemmingsverklaring and recording what happened
to the paper (signed, refused, withdrawn).

The composer asks only what the program cannot know (DOMAIN.md "Who signs"): who holds custody
(each person with a role) and whether the worker checked it; for 12 to 16 the statutory
exception (WGBO 7:450 lid 2); for an adult whether the resident can judge this decision (WGBO
7:465) and, when not, who represents him within which competence. Every change recomposes the
statement through the service, so the worker sees at once who must sign and what is missing.

The signed dialog takes over the paper: per signer whether and when he signed, and per item
his own Ja / Nee (AVG art. 4 lid 11, 7 lid 1: consent is specific and provable; a Nee counts).
Withdrawal is per item (AVG art. 7 lid 3).

Every dialog fits the screen (1366x768, 1920x1080 at 150 %): long content scrolls inside the
dialog and the buttons stay visible.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.consent import (
    LEGACY_SHARED,
    Choice,
    ItemKind,
    SignerRecord,
    deciders,
)
from desktop_app.domain.signers import CustodyHolder, Relation, SignerRole, SignerRule
from desktop_app.gui.shared import screen_fit
from desktop_app.gui.shared.dialog_parts import buddy_form, error_label, ok_cancel, wrapped_label
from desktop_app.gui.shared.i18n import current_language, error_text, text
from desktop_app.gui.shared.style import ACCENT_DARK
from desktop_app.messages import Joined, Message, MessageError
from desktop_app.services.consent import (
    Candidate,
    Composition,
    ConsentService,
    ItemInfo,
    SignerChoices,
    StatementSummary,
)

# Column heads and small titles of these dialogs (the shared style has no such label).
LOCAL_STYLE = f"QLabel#fieldTitle {{ font-weight: 600; color: {ACCENT_DARK}; }}"

# The roles a custody holder can have (DOMAIN.md "Who signs": under an OTS the parents keep
# custody; a certified institution signs only under voogdij).
CUSTODY_ROLES = (SignerRole.PARENT_WITH_CUSTODY, SignerRole.GUARDIAN,
                 SignerRole.CERTIFIED_INSTITUTION)


def _to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(today: dt.date, accessible: str) -> QDateEdit:
    edit = QDateEdit(_to_qdate(today))
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setCalendarPopup(True)
    edit.setMaximumDate(_to_qdate(today))  # what happened cannot lie in the future
    edit.setAccessibleName(accessible)
    return edit


def _py_date(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def _plain(label: str) -> str:
    """A name shown on a check box or button: '&' is a mnemonic there, so double it."""
    return label.replace("&", "&&")


def _hint(words: str) -> QLabel:
    return wrapped_label(words, "hint")


def _scroll(body: QWidget) -> QScrollArea:
    """A frameless area that scrolls `body` (sideways too, rather than cut anything off);
    Tab goes straight to the fields in it (the area follows the focused field by itself)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(body)
    return area


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Open at `width` x `height`, but never larger than the screen the dialog is on (minus
    room for a title bar and a task bar): the content scrolls, the buttons stay visible."""
    screen_fit.fit_to_screen(dialog, width, height)


def kind_word(kind: ItemKind) -> str:
    """What an item asks of the signers, in the worker's language."""
    words = {
        ItemKind.CONSENT: QCoreApplication.translate("ConsentDialogs", "toestemming"),
        ItemKind.RELEASE: QCoreApplication.translate("ConsentDialogs",
                                                     "vrijgave van het beroepsgeheim"),
        ItemKind.INFORMATION: QCoreApplication.translate("ConsentDialogs",
                                                         "alleen informatie"),
    }
    return words[kind]


def item_name(summary: StatementSummary, item: ItemInfo) -> str:
    """'Huisartsenpraktijk De Linde (Huisarts)': the real name as printed, with the kind of
    organisation in the worker's language when they differ."""
    # The same words as the paper, with the kind in the worker's language.
    return summary.item_name(item).get(current_language())


def catalogue_name(summary: StatementSummary, item: ItemInfo) -> str:
    """The kind of organisation of an item, in the worker's language ("" when unknown)."""
    if item.index >= len(summary.organisations):
        return ""
    return summary.organisations[item.index].get(current_language())


class _CustodyRow(QWidget):
    """One person with custody: the name, the role, a button to remove the row."""

    def __init__(self, holder: CustodyHolder | None) -> None:
        super().__init__()
        self.name_edit = QLineEdit(holder.name if holder else "")
        self.name_edit.setPlaceholderText(self.tr("Voornaam en achternaam"))
        self.role_combo = QComboBox()
        # As wide as the longest role ("parent with parental authority"): a cut-off role is a
        # guess for the worker; the name field gives way instead.
        self.role_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for role in CUSTODY_ROLES:
            self.role_combo.addItem(text(role.word), role.value)
        if holder is not None:
            self.role_combo.setCurrentIndex(
                max(self.role_combo.findData(holder.role.value), 0))
        self.remove_button = QPushButton(self.tr("Weghalen"))
        self.remove_button.setAutoDefault(False)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.role_label = QLabel(self.tr("als"))
        self.role_label.setBuddy(self.role_combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name_label)
        layout.addWidget(self.name_edit, 1)
        layout.addWidget(self.role_label)
        layout.addWidget(self.role_combo)
        layout.addWidget(self.remove_button)

    def number(self, number: int) -> None:
        self.name_label.setText(self.tr("Persoon {0}:").format(number))
        self.name_edit.setAccessibleName(self.tr("Naam van persoon {0} met gezag").format(
            number))
        self.role_combo.setAccessibleName(self.tr("Rol van persoon {0} met gezag").format(
            number))
        self.remove_button.setAccessibleName(self.tr("Persoon {0} weghalen").format(number))

    def holder(self) -> CustodyHolder | None:
        name = " ".join(self.name_edit.text().split())
        # Qt gives the enum back as its plain value.
        return CustodyHolder(name, SignerRole(self.role_combo.currentData())) if name else None


class _CandidateRow(QWidget):
    """A data request the statement can hold: tick it; what kind of item it becomes; the real
    name (or a hint to fill it in); whether it is about money when that matters."""

    def __init__(self, candidate: Candidate) -> None:
        super().__init__()
        self.candidate = candidate
        catalogue = candidate.organisation.get(current_language())
        named = candidate.named
        shown = named or catalogue
        doing = text(candidate.direction)
        # "Opvragen bij Huisartsenpraktijk De Linde": what the resident agrees to, in words.
        self.box = QCheckBox(_plain(f"{doing[:1].upper()}{doing[1:]} {shown}"))
        self.box.setChecked(candidate.suggested)
        why = [catalogue + "." if named and named.casefold() != catalogue.casefold() else "",
               self.tr("Soort: {0}.").format(kind_word(candidate.kind))]
        why.append(self.tr("Schriftelijke toestemming nodig.") if candidate.needs_written
                   else self.tr("Schriftelijke toestemming is niet verplicht."))
        if candidate.covered_by:
            why.append(self.tr("Staat al op verklaring {0}.").format(
                ", ".join(candidate.covered_by)))
        why = [part for part in why if part]
        self.box.setAccessibleName(f"{self.box.text().replace('&&', '&')}. {' '.join(why)}")
        self.box.setToolTip(text(candidate.reason) if candidate.reason else "")
        self.hint = _hint(" ".join(why))
        self.name_missing = wrapped_label(self.tr(
            "Let op: de echte naam ontbreekt (de praktijk, de school of de persoon). Vul die in "
            "bij het gegevensverzoek: toestemming geldt voor een bepaalde organisatie, niet "
            "voor een soort."), "error")
        self.name_missing.setVisible(not named and candidate.kind.needs_choice)
        self.money = QCheckBox(self.tr("gaat over geld (daar beslist de bewindvoerder over)"))
        self.money.setAccessibleName(self.tr("{0} gaat over geld").format(shown))
        self.money.setChecked(candidate.financial)
        self.money.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(2)
        layout.addWidget(self.box)
        for part in (self.hint, self.name_missing, self.money):
            indented = QHBoxLayout()
            indented.setContentsMargins(24, 0, 0, 0)
            indented.addWidget(part, 1)
            layout.addLayout(indented)


class ComposeDialog(QDialog):
    """Pick the data requests, answer who signs, see who must sign and what is missing."""

    def __init__(self, service: ConsentService, intake_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composeDialog")
        self.setStyleSheet(LOCAL_STYLE)
        self.setWindowTitle(self.tr("Nieuwe toestemmingsverklaring"))
        self.service = service
        self.intake_id = intake_id
        self.composition: Composition | None = None
        self.candidates: list[Candidate] = service.candidates(intake_id)
        self._building = True

        # -- the requests --------------------------------------------------------------------
        requests_title = QLabel(self.tr("Verzoeken op de verklaring"))
        requests_title.setObjectName("sectionTitle")
        intro = _hint(self.tr(
            "Kies de gegevensverzoeken die op de verklaring komen (spatie zet een vinkje aan of "
            "uit). Verzoeken aan een hulpverlener met beroepsgeheim staan al aangevinkt. "
            "Bij toestemming kiest de inwoner vrij. Bij vrijgave ontheft de inwoner de "
            "hulpverlener van zijn beroepsgeheim. Informatie is voor de wettelijke taak: daar "
            "valt niets te kiezen."))
        self.rows: list[_CandidateRow] = [_CandidateRow(c) for c in self.candidates]
        requests_box = QWidget()
        requests_layout = QVBoxLayout(requests_box)
        requests_layout.setContentsMargins(0, 0, 0, 0)
        for row in self.rows:
            requests_layout.addWidget(row)
        if not self.candidates:
            requests_layout.addWidget(_hint(self.tr(
                "Deze intake heeft nog geen gegevensverzoeken. Maak die eerst in het tabblad "
                "'Gegevensverzoeken'.")))
        # Kept for callers that tick requests directly (tests, the panel).
        self.request_boxes: list[tuple[str, QCheckBox]] = [
            (row.candidate.request_id, row.box) for row in self.rows]

        # -- minors: custody, the 12-15 exception, the child's view ---------------------------
        self.custody_box = QGroupBox(self.tr("Gezag"))
        self.custody_rows: list[_CustodyRow] = []
        self.custody_rows_layout = QVBoxLayout()
        self.custody_rows_layout.setContentsMargins(0, 0, 0, 0)
        self.add_custody_button = QPushButton(self.tr("Persoon met gezag &toevoegen"))
        self.add_custody_button.setAutoDefault(False)
        self.add_custody_button.clicked.connect(lambda: self._add_custody_row(None, focus=True))
        self.custody_checked = QCheckBox(self.tr("Ik heb &gecontroleerd wie het gezag heeft"))
        self.custody_checked.setAccessibleName(self.tr("Gezag gecontroleerd"))
        custody_layout = QVBoxLayout(self.custody_box)
        custody_layout.addWidget(_hint(self.tr(
            "Iedere ouder met gezag of voogd tekent zelf en kiest zelf ja of nee. Na een "
            "scheiding houden ouders meestal allebei het gezag: controleer het in het "
            "gezagsregister of met een uittreksel of beschikking, vertrouw niet op het woord "
            "van één ouder. Bij een ondertoezichtstelling (OTS) houden de ouders "
            "het gezag en tekenen zij. Een gecertificeerde instelling tekent alleen bij "
            "voogdij; vul dan de instelling en de medewerker in die tekent.")))
        custody_layout.addLayout(self.custody_rows_layout)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_custody_button)
        add_row.addStretch(1)
        custody_layout.addLayout(add_row)
        custody_layout.addWidget(self.custody_checked)

        self.exception_box = QGroupBox(self.tr("Uitzondering voor 12 tot 16 jaar"))
        self.exception_check = QCheckBox(self.tr(
            "De jongere beslist &zonder de ouders"))
        self.exception_reason = QPlainTextEdit()
        self.exception_reason.setTabChangesFocus(True)
        self.exception_reason.setFixedHeight(64)
        self.exception_reason.setAccessibleName(self.tr(
            "Waarom de jongere zonder de ouders beslist"))
        self.exception_reason_label = QLabel(self.tr(
            "&Waarom? Dit is verplicht en komt op de verklaring."))
        self.exception_reason_label.setWordWrap(True)
        self.exception_reason_label.setBuddy(self.exception_reason)
        exception_layout = QVBoxLayout(self.exception_box)
        exception_layout.addWidget(_hint(self.tr(
            "Normaal tekenen de jongere en iedere ouder met gezag. De wet maakt een "
            "uitzondering (WGBO art. 7:450 lid 2; bij jeugdhulp Jeugdwet art. 7.3.4 lid 2): de "
            "jongere beslist alleen als dat nodig is om ernstig nadeel voor de jongere te "
            "voorkomen, of als de jongere het na goed nadenken blijft willen. Schrijf op "
            "waarom, zodat de privacyfunctionaris het kan beoordelen.")))
        exception_layout.addWidget(self.exception_check)
        exception_layout.addWidget(self.exception_reason_label)
        exception_layout.addWidget(self.exception_reason)

        self.child_view_box = QGroupBox(self.tr("Wat vindt het kind ervan?"))
        self.child_view = QPlainTextEdit()
        self.child_view.setTabChangesFocus(True)
        self.child_view.setFixedHeight(64)
        self.child_view.setAccessibleName(self.tr("Wat het kind ervan vindt"))
        child_label = QLabel(self.tr(
            "Wat vindt het &kind ervan? Dit wordt vastgelegd, niet geprint."))
        child_label.setWordWrap(True)
        child_label.setBuddy(self.child_view)
        child_layout = QVBoxLayout(self.child_view_box)
        child_layout.addWidget(_hint(self.tr(
            "Onder 12 jaar beslissen de ouders met gezag of de voogd. Praat ook met het kind en "
            "schrijf op wat het ervan vindt.")))
        child_layout.addWidget(child_label)
        child_layout.addWidget(self.child_view)

        # -- adults: capacity and representation ---------------------------------------------
        self.capacity_box = QGroupBox(self.tr("Kan de inwoner dit zelf beslissen?"))
        self.capable_yes = QRadioButton(self.tr("&Ja, de inwoner beslist zelf"))
        self.capable_no = QRadioButton(self.tr(
            "&Nee, de inwoner kan dit nu niet zelf beoordelen"))
        self.capable_group = QButtonGroup(self)
        self.capable_group.addButton(self.capable_yes)
        self.capable_group.addButton(self.capable_no)
        capacity_layout = QVBoxLayout(self.capacity_box)
        capacity_layout.addWidget(_hint(self.tr(
            "Vraag het bij iedere verklaring opnieuw: kan de inwoner begrijpen waar deze "
            "toestemming over gaat en wat ja of nee zeggen betekent (wilsbekwaam ter zake)? "
            "Een volwassene die dat kan, beslist zelf, ook als er een curator, mentor of "
            "bewindvoerder is (WGBO art. 7:465 lid 2).")))
        capacity_layout.addWidget(self.capable_yes)
        capacity_layout.addWidget(self.capable_no)

        self.representation_box = QGroupBox(self.tr("Wie beslist voor de inwoner?"))
        self.curator_edit = self._name_edit(self.tr("Naam van de curator"))
        self.mentor_edit = self._name_edit(self.tr("Naam van de mentor"))
        self.bewindvoerder_edit = self._name_edit(self.tr("Naam van de bewindvoerder"))
        self.representative_edit = self._name_edit(self.tr(
            "Naam van de vertegenwoordiger (art. 7:465 lid 3)"))
        self.relation_combo = QComboBox()
        self.relation_combo.setAccessibleName(self.tr("Relatie van de vertegenwoordiger"))
        self.relation_combo.addItem(self.tr("Kies…"), None)
        for relation in Relation:
            self.relation_combo.addItem(text(relation.word), relation.value)
        self.own_view = QPlainTextEdit()
        self.own_view.setTabChangesFocus(True)
        self.own_view.setFixedHeight(64)
        self.own_view.setAccessibleName(self.tr("Wat de inwoner ervan vindt"))
        representation_form = buddy_form([
            (self.tr("&Curator:"), self.curator_edit),
            (self.tr("M&entor:"), self.mentor_edit),
            (self.tr("&Bewindvoerder:"), self.bewindvoerder_edit),
            (self.tr("&Vertegenwoordiger:"), self.representative_edit),
            (self.tr("&Relatie:"), self.relation_combo),
        ])
        # Long labels go above their field when the dialog is narrow (a large font).
        representation_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        own_label = QLabel(self.tr(
            "Wat vindt de &inwoner ervan? Dit wordt vastgelegd, niet geprint."))
        own_label.setWordWrap(True)
        own_label.setBuddy(self.own_view)
        representation_layout = QVBoxLayout(self.representation_box)
        representation_layout.addWidget(_hint(self.tr(
            "Is er een curator, dan beslist die over alles. Anders beslist de mentor over alles "
            "behalve geld, en de bewindvoerder alleen over geld. Is er geen mentor, dan beslist "
            "over wat geen geld is de persoon die de inwoner schriftelijk heeft gemachtigd, "
            "anders de partner, anders een ouder, kind, broer of zus (WGBO art. 7:465 lid 3). "
            "Laat leeg wat er niet is.")))
        representation_layout.addLayout(representation_form)
        representation_layout.addWidget(own_label)
        representation_layout.addWidget(self.own_view)
        self.capable_note = _hint(self.tr(
            "De inwoner beslist zelf en tekent alleen. Een curator, mentor of bewindvoerder "
            "tekent niet mee."))

        # -- who signs, problems --------------------------------------------------------------
        signers_title = QLabel(self.tr("Wie tekent"))
        signers_title.setObjectName("sectionTitle")
        self.signers_label = wrapped_label(name="notice")
        self.signers_label.setAccessibleName(self.tr("Wie moet tekenen"))
        self.signers_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deciders_title = QLabel(self.tr("Wie beslist over welk onderdeel"))
        self.deciders_title.setObjectName("fieldTitle")
        self.deciders_label = QLabel()
        self.deciders_label.setWordWrap(True)
        self.deciders_label.setAccessibleName(self.tr("Wie beslist over welk onderdeel"))
        self.deciders_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label = error_label()
        self.problems_label.setAccessibleName(self.tr("Wat nog ontbreekt"))
        self.notices_label = _hint("")

        cancel = QPushButton(self.tr("&Annuleren"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("Verklaring &maken"))
        self.ok_button.setObjectName("primary")
        self.ok_button.setAutoDefault(False)
        self.ok_button.clicked.connect(self._accept_if_ready)
        self.cancel_button = cancel

        # -- layout: the questions left, who signs right; both scroll, the buttons stay ------
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(requests_title)
        left_layout.addWidget(intro)
        left_layout.addWidget(requests_box)
        signers_question = QLabel(self.tr("Wie beslist"))
        signers_question.setObjectName("sectionTitle")
        self.signers_question = signers_question
        left_layout.addWidget(signers_question)
        for box in (self.custody_box, self.exception_box, self.child_view_box,
                    self.capacity_box, self.capable_note, self.representation_box):
            left_layout.addWidget(box)
        left_layout.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(signers_title)
        right_layout.addWidget(self.signers_label)
        right_layout.addWidget(self.deciders_title)
        right_layout.addWidget(self.deciders_label)
        right_layout.addWidget(self.problems_label)
        right_layout.addWidget(self.notices_label)
        right_layout.addStretch(1)
        # Side by side; below each other in a narrow dialog (a small screen, a large font).
        self.columns_layout = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.left_area, self.right_area = _scroll(left), _scroll(right)
        columns.addWidget(self.left_area, 3)
        columns.addWidget(self.right_area, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 1140, 820)

        self._prefill()
        for row in self.rows:
            row.box.toggled.connect(lambda _on: self._recompose())
            row.money.toggled.connect(lambda _on: self._recompose())
        for edit in (self.curator_edit, self.mentor_edit, self.bewindvoerder_edit,
                     self.representative_edit):
            edit.textChanged.connect(lambda _text: self._recompose())
        for plain in (self.exception_reason, self.child_view, self.own_view):
            plain.textChanged.connect(self._recompose)
        for check in (self.custody_checked, self.exception_check):
            check.toggled.connect(lambda _on: self._recompose())
        self.capable_group.buttonToggled.connect(lambda *_args: self._recompose())
        self.relation_combo.currentIndexChanged.connect(lambda _i: self._recompose())
        self._building = False
        self._recompose()
        if self.rows:
            self.rows[0].box.setFocus()
        else:
            cancel.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = self.width() < 60 * self.fontMetrics().averageCharWidth() * 2
        direction = (QBoxLayout.Direction.TopToBottom if narrow
                     else QBoxLayout.Direction.LeftToRight)
        if self.columns_layout.direction() != direction:
            self.columns_layout.setDirection(direction)

    @staticmethod
    def _name_edit(accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(accessible)
        return edit

    # -- custody rows --------------------------------------------------------------------------
    def _add_custody_row(self, holder: CustodyHolder | None, *, focus: bool = False) -> None:
        row = _CustodyRow(holder)
        row.name_edit.textChanged.connect(lambda _text: self._recompose())
        row.role_combo.currentIndexChanged.connect(lambda _i: self._recompose())
        row.remove_button.clicked.connect(lambda: self._remove_custody_row(row))
        self.custody_rows.append(row)
        self.custody_rows_layout.addWidget(row)
        # A layout shows a new child only on the next event-loop turn; Tab must reach it now.
        if not self.custody_box.isHidden():
            row.show()
        self._number_custody_rows()
        if focus:
            row.name_edit.setFocus()
        self._recompose()

    def _remove_custody_row(self, row: _CustodyRow) -> None:
        index = self.custody_rows.index(row)
        self.custody_rows.remove(row)
        self.custody_rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._number_custody_rows()
        # Focus stays in the list: the next row, else the button that adds one.
        if self.custody_rows:
            self.custody_rows[min(index, len(self.custody_rows) - 1)].name_edit.setFocus()
        else:
            self.add_custody_button.setFocus()
        self._recompose()

    def _number_custody_rows(self) -> None:
        for number, row in enumerate(self.custody_rows, start=1):
            row.number(number)
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        """Rows added later would otherwise come last in the Tab order: chain every field in
        the order the dialog shows them."""
        chain: list[QWidget] = []
        for row in self.rows:
            chain += [row.box, row.money]
        for custody in self.custody_rows:
            chain += [custody.name_edit, custody.role_combo, custody.remove_button]
        chain += [self.add_custody_button, self.custody_checked, self.exception_check,
                  self.exception_reason, self.child_view, self.capable_yes, self.capable_no,
                  self.curator_edit, self.mentor_edit, self.bewindvoerder_edit,
                  self.representative_edit, self.relation_combo, self.own_view,
                  self.cancel_button, self.ok_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- state ---------------------------------------------------------------------------------
    def _prefill(self) -> None:
        """Start from what the intake says (household and representation answers, the
        catalogue's money flag), so the worker only corrects."""
        first = self.service.compose(self.intake_id, self.request_ids())
        self.age = first.age
        choices = first.choices
        for holder in choices.custody_holders or ():
            self._add_custody_row(holder)
        if not self.custody_rows:
            self._add_custody_row(None)
        self.custody_checked.setChecked(bool(choices.custody_checked))
        self.exception_reason.setPlainText(choices.exception_reason)
        self.exception_check.setChecked(bool(choices.exception_reason))
        self.child_view.setPlainText(choices.child_view)
        if choices.capable is not None:
            (self.capable_yes if choices.capable else self.capable_no).setChecked(True)
        self.curator_edit.setText(choices.curator or "")
        self.mentor_edit.setText(choices.mentor or "")
        self.bewindvoerder_edit.setText(choices.bewindvoerder or "")
        self.representative_edit.setText(choices.representative)
        if choices.representative_relation is not None:
            self.relation_combo.setCurrentIndex(
                self.relation_combo.findData(choices.representative_relation.value))
        self.own_view.setPlainText(choices.own_view)
        age = self.age
        minor = age is not None and age < 16
        self.custody_box.setVisible(minor)
        self.exception_box.setVisible(age is not None and 12 <= age < 16)
        self.child_view_box.setVisible(age is not None and age < 12)
        self.capacity_box.setVisible(age is not None and age >= 18)
        self.signers_question.setVisible(minor or (age is not None and age >= 18))
        self._fix_tab_order()

    def request_ids(self) -> list[str]:
        return [row.candidate.request_id for row in self.rows if row.box.isChecked()]

    def capable(self) -> bool | None:
        if self.capable_yes.isChecked():
            return True
        if self.capable_no.isChecked():
            return False
        return None

    def relation(self) -> Relation | None:
        value = self.relation_combo.currentData()
        return Relation(value) if value else None

    def _money_matters(self) -> bool:
        """Only a mentor, a bewindvoerder or a 7:465 lid 3 representative decide by kind of
        item (money or not); a curator and the resident decide on everything."""
        if self.age is None or self.age < 18 or self.capable() is not False:
            return False
        if self.curator_edit.text().strip():
            return False
        return any(edit.text().strip() for edit in (
            self.mentor_edit, self.bewindvoerder_edit, self.representative_edit))

    def choices(self) -> SignerChoices:
        """What the worker said, for the service (a None value: take the intake's answers)."""
        age = self.age
        money = self._money_matters()
        financial = (tuple(row.candidate.request_id for row in self.rows
                           if row.box.isChecked() and row.money.isChecked())
                     if money else None)
        if age is None:
            return SignerChoices(financial=financial)
        if age < 16:
            holders = tuple(h for row in self.custody_rows if (h := row.holder()) is not None)
            exception = (self.exception_reason.toPlainText().strip()
                         if age >= 12 and self.exception_check.isChecked() else "")
            return SignerChoices(
                custody_holders=holders,
                custody_checked=self.custody_checked.isChecked(),
                exception_reason=exception,
                child_view=self.child_view.toPlainText().strip() if age < 12 else "",
                financial=financial)
        if age < 18:
            return SignerChoices(financial=financial)
        return SignerChoices(
            capable=self.capable(),
            curator=self.curator_edit.text(),
            mentor=self.mentor_edit.text(),
            bewindvoerder=self.bewindvoerder_edit.text(),
            representative=" ".join(self.representative_edit.text().split()),
            representative_relation=self.relation(),
            own_view=self.own_view.toPlainText().strip(),
            financial=financial)

    @staticmethod
    def who_signs(composition: Composition) -> Message | None:
        """Who signs and why. A representative of an adult always with his competence (a
        curator decides on everything, a mentor not on money, a bewindvoerder only on money:
        BW 1:381, 1:453, 1:438), so the worker sees that it matches the items."""
        signers = composition.signers
        if signers is None or signers.rule is not SignerRule.ADULT_REPRESENTED:
            return ConsentService.who_signs_text(composition)
        names = [Message("signer.with_role_and_competence", name=s.name, role=s.role.word,
                         competence=Message(f"signer.competence.{s.competence.value}"))
                 for s in signers.signers]
        return Message("consent.who_signs", explanation=signers.reason, names=Joined(names))

    def deciders_lines(self, composition: Composition) -> list[str]:
        """Per chosen item: what kind it is and who says yes or no to it."""
        statement, signers = composition.statement, composition.signers
        if statement is None or signers is None:
            return []
        lines = []
        for item in statement.items:
            who = [text(Message("signer.with_role", name=signers.signers[i].name,
                                role=signers.signers[i].role.word))
                   for i in deciders(signers.signers, item)]
            if not item.kind.needs_choice:
                decides = self.tr("niemand kiest, de inwoner wordt geïnformeerd")
            elif who:
                decides = ", ".join(who)
            else:
                decides = self.tr("niemand mag hierover beslissen")
            # The real name alone: the printed form adds the catalogue's name in brackets.
            name = item.organisation_named or item.organisation_name
            lines.append("• " + self.tr("{0}, {1}: {2}").format(
                name, kind_word(item.kind), decides))
        return lines

    def _gui_problems(self) -> list[str]:
        """What the service cannot see: a ticked exception without its reason (an empty
        reason means, to the service, that the parents sign)."""
        problems = []
        age = self.age
        if (age is not None and 12 <= age < 16 and self.exception_check.isChecked()
                and not self.exception_reason.toPlainText().strip()):
            problems.append(text(Message("consent.problem.exception_reason")))
        return problems

    def _recompose(self) -> None:
        if self._building:
            return
        self._show_parts()
        self.composition = self.service.compose(self.intake_id, self.request_ids(),
                                                choices=self.choices())
        composition = self.composition
        who_signs = self.who_signs(composition)
        if who_signs is not None:
            self.signers_label.setText(text(who_signs))
        else:
            self.signers_label.setText(self.tr("Nog niet bekend wie tekent: vul links aan wat "
                                               "ontbreekt."))
        per_item = self.deciders_lines(composition)
        self.deciders_label.setText("\n".join(per_item))
        self.deciders_title.setVisible(bool(per_item))
        self.deciders_label.setVisible(bool(per_item))
        problems = self._gui_problems() + [text(p) for p in composition.problems]
        if problems:
            self.problems_label.setText(self.tr("Nog niet klaar om te maken:") + "\n• "
                                        + "\n• ".join(problems))
            self.problems_label.show()
        else:
            self.problems_label.hide()
        self.notices_label.setText(
            "\n".join(text(n) for n in self.service.setting_notices()))
        self.notices_label.setVisible(bool(self.notices_label.text()))
        self.ok_button.setEnabled(composition.ready and not problems)

    def _show_parts(self) -> None:
        """Show only the questions that matter now."""
        age = self.age
        exception = (age is not None and 12 <= age < 16 and self.exception_check.isChecked())
        # With the exception the parents do not sign: their names are not asked.
        self.custody_box.setVisible(age is not None and age < 16 and not exception)
        self.exception_reason.setVisible(exception)
        self.exception_reason_label.setVisible(exception)
        adult = age is not None and age >= 18
        capable = self.capable()
        self.representation_box.setVisible(adult and capable is False)
        self.capable_note.setVisible(adult and capable is True and any(
            edit.text().strip() for edit in (self.curator_edit, self.mentor_edit,
                                             self.bewindvoerder_edit)))
        money = self._money_matters()
        for row in self.rows:
            row.money.setVisible(money and row.box.isChecked())

    def _accept_if_ready(self) -> None:
        if self.composition is not None and self.ok_button.isEnabled():
            self.accept()


class _ChoiceCell(QWidget):
    """One signer's Ja / Nee for one item, as on the paper; 'leeg' when the box is empty or
    cannot be read. Three radio buttons: one Tab stop, arrow keys move between them."""

    def __init__(self, context: str, choice: Choice) -> None:
        super().__init__()
        self.buttons: dict[Choice, QRadioButton] = {}
        self.group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        words = {Choice.JA: self.tr("Ja"), Choice.NEE: self.tr("Nee"),
                 Choice.LEEG: self.tr("leeg")}
        for value in (Choice.JA, Choice.NEE, Choice.LEEG):
            button = QRadioButton(words[value])
            button.setAccessibleName(f"{context}: {words[value]}")
            button.installEventFilter(self)
            self.group.addButton(button)
            self.buttons[value] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.buttons[choice].setChecked(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab into the cell lands on the chosen answer, as in any radio group (Qt would
        otherwise stop at the first button, whatever is chosen)."""
        if event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent) and (
                event.reason() in (Qt.FocusReason.TabFocusReason,
                                   Qt.FocusReason.BacktabFocusReason)):
            chosen = self.focus_target()
            if watched is not chosen:
                chosen.setFocus(event.reason())
        return False

    def choice(self) -> Choice:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return Choice.LEEG

    def focus_target(self) -> QRadioButton:
        return self.buttons[self.choice()]


class _SignerColumn:
    """The widgets of one signer's column: signed, date, a choice per item he decides on."""

    def __init__(self, index: int, label: str) -> None:
        self.index = index
        self.label = label
        self.signed: QCheckBox | None = None
        self.date: QDateEdit | None = None
        self.cells: dict[int, _ChoiceCell] = {}


class SignedDialog(QDialog):
    """What the paper says: per signer whether and when he signed, and per item his own Ja or
    Nee. On OK the service records it (`record_signed`); a refusal (a date on which the age
    asks for other signers, a date before the statement was made) is shown here and the
    dialog stays open. After accept: `outcomes` per item index."""

    def __init__(self, service: ConsentService, summary: StatementSummary, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signedDialog")
        self.setStyleSheet(LOCAL_STYLE)
        self.setWindowTitle(self.tr("Verklaring {0} getekend").format(summary.document_number))
        self.service = service
        self.summary = summary
        self.today = today
        self.outcomes: dict[int, object] = {}
        created = self._created_on(summary) or today

        title = QLabel(self.tr("Wat staat er op het getekende papier?"))
        title.setObjectName("sectionTitle")
        intro = _hint(self.tr(
            "Neem over wat op de verklaring staat: wie heeft getekend en op welke datum, en "
            "per onderdeel het vakje Ja of Nee van iedere ondertekenaar. Is een vakje leeg of "
            "niet te lezen, kies dan 'leeg'. Een Nee telt: dat onderdeel mag niet weg. Tekent "
            "iemand later, leg dat dan later vast; wat al is vastgelegd, staat hier al."))
        legacy_note = None
        if summary.legacy_shared_choice:
            legacy_note = _hint(self.tr(
                "Deze verklaring is gemaakt met het oude formulier: daarop staat één kolom Ja/"
                "Nee voor iedereen. Neem die keuzes over in de kolom 'Gezamenlijke keuze (oud "
                "formulier)'."))

        # -- the grid: a column per signer ------------------------------------------------
        self.columns: list[_SignerColumn] = [
            _SignerColumn(s.index, text(s.label)) for s in summary.signer_list]
        if summary.legacy_shared_choice:
            self.columns.append(_SignerColumn(
                LEGACY_SHARED, self.tr("Gezamenlijke keuze (oud formulier)")))
        records = summary.records
        card = QFrame()
        card.setObjectName("card")
        grid = QGridLayout(card)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(8)
        grid.setContentsMargins(14, 10, 14, 10)
        corner = QLabel(self.tr("Onderdeel"))
        corner.setObjectName("fieldTitle")
        grid.addWidget(corner, 0, 0, Qt.AlignmentFlag.AlignBottom)
        signed_label = QLabel(self.tr("Heeft getekend"))
        date_label = QLabel(self.tr("Datum van tekenen"))
        grid.addWidget(signed_label, 1, 0)
        grid.addWidget(date_label, 2, 0)
        choice_items = [i for i in summary.items if i.kind.needs_choice]
        info_items = [i for i in summary.items if not i.kind.needs_choice]
        for column_number, column in enumerate(self.columns, start=1):
            header = wrapped_label(column.label, "fieldTitle")
            header.setMinimumWidth(150)
            header.setMaximumWidth(260)
            grid.addWidget(header, 0, column_number, Qt.AlignmentFlag.AlignBottom)
            record = records.get(column.index)
            if column.index != LEGACY_SHARED:
                signed = QCheckBox(self.tr("heeft getekend"))
                signed.setAccessibleName(self.tr("{0} heeft getekend").format(column.label))
                signed.setChecked(bool(record and record.signed))
                date = _date_edit(today, self.tr("Datum waarop {0} tekende").format(
                    column.label))
                date.setMinimumDate(_to_qdate(min(created, today)))
                if record is not None and record.signed_on is not None:
                    date.setDate(_to_qdate(record.signed_on))
                # The column's name is the label of its date (a form label per input).
                header.setBuddy(date)
                column.signed, column.date = signed, date
                grid.addWidget(signed, 1, column_number)
                grid.addWidget(date, 2, column_number)
                signed.toggled.connect(lambda _on: self._update())
            else:
                for row in (1, 2):
                    grid.addWidget(self._dash(self.tr("niet van toepassing")), row,
                                   column_number)
        row = 3
        for item in choice_items:
            grid.addWidget(self._line(), row, 0, 1, len(self.columns) + 2)
            row += 1
            grid.addWidget(self._item_label(item), row, 0)
            for column_number, column in enumerate(self.columns, start=1):
                if column.index in item.deciders:
                    record = records.get(column.index)
                    choice = record.choice(item.index) if record is not None else Choice.LEEG
                    cell = _ChoiceCell(f"{column.label}, {self._item_name(item)}", choice)
                    column.cells[item.index] = cell
                    grid.addWidget(cell, row, column_number)
                else:
                    grid.addWidget(self._dash(self.tr("beslist hier niet over")), row,
                                   column_number)
            row += 1
        if info_items:
            grid.addWidget(self._line(), row, 0, 1, len(self.columns) + 2)
            row += 1
            info_title = QLabel(self.tr("Alleen informatie (wettelijke taak), niets te "
                                        "kiezen:"))
            info_title.setObjectName("fieldTitle")
            grid.addWidget(info_title, row, 0, 1, len(self.columns) + 1)
            row += 1
            for item in info_items:
                grid.addWidget(_hint("• " + self._item_name(item)), row, 0, 1,
                               len(self.columns) + 1)
                row += 1
        grid.setColumnStretch(len(self.columns) + 1, 1)
        # The card is as tall as its rows; the space below it stays empty.
        grid_widget = QWidget()
        holder = QVBoxLayout(grid_widget)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(card)
        holder.addStretch(1)

        self.error = error_label()
        buttons = ok_cancel(self.tr("&Vastleggen"), self.tr("&Annuleren"), self._record,
                            self.reject, primary=True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        if legacy_note is not None:
            layout.addWidget(legacy_note)
        layout.addWidget(_scroll(grid_widget), 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._chain_tab_order(buttons)
        self._update()
        # Wide enough for the grid when the screen allows (no horizontal scrolling).
        fit_to_screen(self, max(640, grid_widget.sizeHint().width() + 60),
                      grid_widget.sizeHint().height() + 260)
        first = next((c.signed for c in self.columns if c.signed is not None), None)
        if first is not None:
            first.setFocus()

    @staticmethod
    def _created_on(summary: StatementSummary) -> dt.date | None:
        """The day the statement was made: nobody can have signed it before."""
        if not summary.events:
            return None
        try:
            return dt.datetime.fromisoformat(summary.events[0]["at"]).astimezone().date()
        except (KeyError, ValueError):
            return None

    def _dash(self, meaning: str) -> QLabel:
        dash = QLabel("—")
        dash.setToolTip(meaning)
        dash.setAccessibleName(meaning)
        return dash

    def _item_name(self, item: ItemInfo) -> str:
        return item_name(self.summary, item)

    def _item_label(self, item: ItemInfo) -> QLabel:
        kind = catalogue_name(self.summary, item)
        about = [kind] if kind and kind.casefold() != item.organisation.casefold() else []
        about.append(kind_word(item.kind))
        label = QLabel(f"<b>{html.escape(item.organisation)}</b><br>"
                       f"<span style='color:#4a4f57'>{html.escape(' · '.join(about))}</span>")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setMinimumWidth(200)
        label.setMaximumWidth(320)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return label

    @staticmethod
    def _line() -> QFrame:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #d5d9df;")
        return line

    def _chain_tab_order(self, buttons: QWidget) -> None:
        """Column by column, as the worker reads the paper one signer at a time: signed, date,
        then each of his choices; then the buttons."""
        chain: list[QWidget] = []
        for column in self.columns:
            if column.signed is not None and column.date is not None:
                chain += [column.signed, column.date]
            for cell in column.cells.values():
                chain += list(cell.buttons.values())
        chain += [b for b in buttons.findChildren(QPushButton)]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _update(self) -> None:
        """Only a signer who signed has a date and choices (a choice without a signature does
        not count)."""
        for column in self.columns:
            if column.signed is None:
                continue
            signed = column.signed.isChecked()
            if column.date is not None:
                column.date.setEnabled(signed)
            for cell in column.cells.values():
                cell.setEnabled(signed)

    def records(self) -> list[SignerRecord]:
        """One record per column; a signer who did not sign has no date and no choices."""
        result: list[SignerRecord] = []
        dates: list[dt.date] = []
        for column in self.columns:
            if column.signed is None or column.date is None:
                continue
            if column.signed.isChecked():
                day = _py_date(column.date)
                dates.append(day)
                result.append(SignerRecord(column.index, True, day, {
                    index: cell.choice() for index, cell in column.cells.items()}))
            else:
                result.append(SignerRecord(column.index, False))
        for column in self.columns:
            if column.index != LEGACY_SHARED:
                continue
            choices = {index: cell.choice() for index, cell in column.cells.items()}
            chosen = any(c is not Choice.LEEG for c in choices.values())
            # The old paper's shared column counts from the last signature on it.
            on = max(dates) if dates else self.today
            result.append(SignerRecord(LEGACY_SHARED, chosen, on if chosen else None,
                                       choices if chosen else {}))
        return result

    def _record(self) -> None:
        try:
            self.outcomes = dict(self.service.record_signed(self.summary.id, self.records()))
        except MessageError as err:  # ConsentProblem: the age on that date, a date, nobody
            self.error.setText(self.tr("Fout: ") + error_text(err))
            self.error.show()
            return
        self.accept()


class RefusedDialog(QDialog):
    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refusedDialog")
        self.setWindowTitle(self.tr("Toestemming geweigerd"))
        self.date_edit = _date_edit(today, self.tr("Datum van weigeren"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setAccessibleName(self.tr("Waarom de inwoner weigert"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("Of schrijf: geen reden gegeven"))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(buddy_form([(self.tr("&Datum:"), self.date_edit),
                                     (self.tr("&Waarom weigert de inwoner?"), self.reason_edit)]))
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self.tr("&Vastleggen"), self.tr("&Annuleren"), self._check,
                                   self.reject))

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def refused_on(self) -> dt.date:
        return _py_date(self.date_edit)

    def _check(self) -> None:
        if not self.reason():
            self.error.setText(self.tr("Fout: schrijf op waarom de inwoner weigert, of 'geen "
                                       "reden gegeven'."))
            self.error.show()
            return
        self.accept()


class WithdrawnDialog(QDialog):
    """Which items the resident (or a parent, a representative) withdraws, when and how. The
    withdrawal is per request and reaches every signed statement that covers it. On OK the
    service records it (`record_withdrawn`); a refusal is shown here."""

    def __init__(self, service: ConsentService, summary: StatementSummary, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("withdrawnDialog")
        self.setStyleSheet(LOCAL_STYLE)
        self.setWindowTitle(self.tr("Toestemming ingetrokken"))
        self.service = service
        self.summary = summary
        self.changed: list[str] = []
        items_title = QLabel(self.tr("Wat trekt de inwoner in?"))
        items_title.setObjectName("fieldTitle")
        self.item_boxes: list[tuple[ItemInfo, QCheckBox]] = []
        items = QWidget()
        items_layout = QVBoxLayout(items)
        items_layout.setContentsMargins(0, 0, 0, 0)
        self.all_box = QCheckBox(self.tr("A&lles op deze verklaring"))
        self.all_box.clicked.connect(self._tick_all)
        items_layout.addWidget(self.all_box)
        for item in summary.withdrawable:
            name = item_name(summary, item)
            box = QCheckBox(_plain(f"{name}: {text(item.outcome.label)}"))
            box.setAccessibleName(self.tr("{0} intrekken").format(name))
            box.toggled.connect(lambda _on: self._sync_all())
            indented = QHBoxLayout()
            indented.setContentsMargins(24, 0, 0, 0)
            indented.addWidget(box, 1)
            items_layout.addLayout(indented)
            self.item_boxes.append((item, box))
        self.date_edit = _date_edit(today, self.tr("Datum van intrekken"))
        created = SignedDialog._created_on(summary)
        if created is not None:
            self.date_edit.setMinimumDate(_to_qdate(min(created, today)))
        self.how_combo = QComboBox()
        self.how_combo.setAccessibleName(self.tr("Hoe de inwoner de toestemming introk"))
        for way in (self.tr("Telefonisch"), self.tr("Per e-mail"), self.tr("Per brief"),
                    self.tr("Mondeling bij de medewerker")):
            self.how_combo.addItem(way)
        self.details_edit = QLineEdit()
        self.details_edit.setAccessibleName(self.tr("Toelichting bij het intrekken"))
        form = buddy_form([(self.tr("&Datum:"), self.date_edit),
                           (self.tr("&Hoe?"), self.how_combo),
                           (self.tr("&Toelichting (niet verplicht):"), self.details_edit)])
        hint = _hint(self.tr(
            "Intrekken geldt per verzoek: ook op andere getekende verklaringen voor hetzelfde "
            "verzoek. Die verzoeken mogen daarna niet meer weg. Wat al gedeeld is, blijft "
            "rechtmatig gedeeld (AVG art. 7 lid 3)."))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(items_title)
        # At most 12 items on a statement (MAX_ITEMS): they fit without scrolling.
        layout.addWidget(items)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self.tr("&Vastleggen"), self.tr("&Annuleren"), self._record,
                                   self.reject))
        fit_to_screen(self, max(620, items.sizeHint().width() + 60), self.sizeHint().height())
        self.all_box.setFocus()

    def chosen_items(self) -> list[int]:
        return [item.index for item, box in self.item_boxes if box.isChecked()]

    def _tick_all(self, on: bool) -> None:
        for _item, box in self.item_boxes:
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)

    def _sync_all(self) -> None:
        self.error.hide()
        self.all_box.setChecked(bool(self.item_boxes) and all(
            box.isChecked() for _item, box in self.item_boxes))

    def how(self) -> str:
        details = self.details_edit.text().strip()
        how = self.how_combo.currentText()
        return f"{how}: {details}" if details else how

    def withdrawn_on(self) -> dt.date:
        return _py_date(self.date_edit)

    def _record(self) -> None:
        items = self.chosen_items()
        if not items:
            self.error.setText(self.tr("Fout: vink aan wat de inwoner intrekt."))
            self.error.show()
            return
        try:
            self.changed = self.service.record_withdrawn(self.summary.id, self.withdrawn_on(),
                                                         self.how(), items=items)
        except MessageError as err:
            self.error.setText(self.tr("Fout: ") + error_text(err))
            self.error.show()
            return
        self.accept()


__all__ = ["ComposeDialog", "RefusedDialog", "SignedDialog", "WithdrawnDialog", "kind_word"]
