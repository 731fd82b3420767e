"""Dialogs of the consent panel: composing a toestemmingsverklaring and recording what happened
to the paper (signed, refused, withdrawn).

The composer asks only what the program cannot know (DOMAIN.md "Who signs"): who holds custody
and whether the worker checked it, the curator's name, the place of signing. Every change
recomposes the statement through the service, so the worker sees at once who must sign and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.signers import SignerRole, SignerRule
from desktop_app.gui.shared.dialog_parts import buddy_form, error_label, ok_cancel
from desktop_app.gui.shared.i18n import current_language, text
from desktop_app.services.consent import Candidate, Composition, ConsentService


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


class ComposeDialog(QDialog):
    """Pick the data requests, check who signs, fill in what is missing."""

    def __init__(self, service: ConsentService, intake_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composeDialog")
        self.setWindowTitle(self.tr("Nieuwe toestemmingsverklaring"))
        self.resize(720, 700)
        self.service = service
        self.intake_id = intake_id
        self.composition: Composition | None = None
        self.candidates: list[Candidate] = service.candidates(intake_id)

        intro = QLabel(self.tr(
            "Kies de gegevensverzoeken waarvoor de inwoner schriftelijk toestemming geeft. "
            "Verzoeken aan een huisarts, psycholoog of andere hulpverlener met beroepsgeheim "
            "staan al aangevinkt (ZW-4)."))
        intro.setWordWrap(True)
        intro.setObjectName("hint")

        # One check box per request: Tab moves between them, Space ticks (no hidden item views).
        self.request_boxes: list[tuple[str, QCheckBox]] = []
        requests_widget = QWidget()
        requests_layout = QVBoxLayout(requests_widget)
        requests_layout.setContentsMargins(8, 4, 8, 4)
        for candidate in self.candidates:
            box = QCheckBox(
                f"{candidate.organisation.get(current_language())} — "
                f"{text(candidate.direction)}")
            box.setChecked(candidate.suggested)
            why = (self.tr("Schriftelijke toestemming nodig.") if candidate.needs_written
                   else self.tr("Schriftelijke toestemming is niet verplicht."))
            if candidate.covered_by:
                why += " " + self.tr("Staat al op verklaring {0}.").format(
                    ", ".join(candidate.covered_by))
            box.setAccessibleName(f"{box.text()}. {why}")
            box.setToolTip(text(candidate.reason) if candidate.reason else "")
            hint = QLabel(why)
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            hint.setContentsMargins(24, 0, 0, 6)
            requests_layout.addWidget(box)
            requests_layout.addWidget(hint)
            box.toggled.connect(lambda _on: self._recompose())
            self.request_boxes.append((candidate.request_id, box))
        if not self.candidates:
            none = QLabel(self.tr("Deze intake heeft nog geen gegevensverzoeken. Maak die eerst "
                                  "in het tabblad 'Gegevensverzoeken'."))
            none.setWordWrap(True)
            requests_layout.addWidget(none)
        requests_layout.addStretch(1)
        self.request_area = QScrollArea()
        self.request_area.setWidgetResizable(True)
        self.request_area.setWidget(requests_widget)
        self.request_area.setMinimumHeight(90)
        self.request_area.setMaximumHeight(200)
        self.request_area.setFrameShape(QFrame.Shape.StyledPanel)
        requests_label = QLabel(self.tr("Verzoeken op de verklaring (spatie zet een vinkje aan "
                                        "of uit):"))

        # -- who signs
        self.signers_label = QLabel()
        self.signers_label.setObjectName("notice")
        self.signers_label.setWordWrap(True)
        self.signers_label.setAccessibleName(self.tr("Wie moet tekenen"))
        # Room for the explanation plus three signers: a word-wrapped label in a dialog of
        # fixed size is otherwise squeezed when its text grows while the dialog is open.
        self.signers_label.setMinimumHeight(self.signers_label.fontMetrics().lineSpacing() * 4
                                            + 20)
        self.custody_edit = QLineEdit()
        self.custody_edit.setAccessibleName(self.tr("Namen van wie het gezag heeft"))
        self.custody_edit.setPlaceholderText(self.tr("Bijvoorbeeld: Ayşe Yılmaz, François Cœur"))
        self.custody_role = QComboBox()
        self.custody_role.setAccessibleName(self.tr("Soort gezag"))
        self.custody_role.addItem(self.tr("Ouder(s) met gezag"), SignerRole.PARENT_WITH_CUSTODY)
        self.custody_role.addItem(self.tr("Voogd"), SignerRole.GUARDIAN)
        self.custody_checked = QCheckBox(self.tr(
            "Ik heb &gecontroleerd wie het gezag heeft (gezagsregister, uittreksel of "
            "beschikking)"))
        self.custody_checked.setAccessibleName(self.tr("Gezag gecontroleerd"))
        self.curator_edit = QLineEdit()
        self.curator_edit.setAccessibleName(self.tr("Naam van de curator"))
        self.place_edit = QLineEdit()
        self.place_edit.setAccessibleName(self.tr("Plaats van ondertekening"))

        self.custody_box = QGroupBox(self.tr("Gezag"))
        custody_form = QFormLayout(self.custody_box)
        custody_label = QLabel(self.tr("&Wie heeft het gezag?"))
        custody_label.setBuddy(self.custody_edit)
        role_label = QLabel(self.tr("&Soort:"))
        role_label.setBuddy(self.custody_role)
        custody_form.addRow(custody_label, self.custody_edit)
        custody_form.addRow(role_label, self.custody_role)
        custody_form.addRow(self.custody_checked)
        self.curator_box = QGroupBox(self.tr("Curatele"))
        curator_form = QFormLayout(self.curator_box)
        curator_label = QLabel(self.tr("Naam van de &curator:"))
        curator_label.setBuddy(self.curator_edit)
        curator_form.addRow(curator_label, self.curator_edit)
        place_form = QFormLayout()
        place_label = QLabel(self.tr("&Plaats van ondertekening:"))
        place_label.setBuddy(self.place_edit)
        place_form.addRow(place_label, self.place_edit)

        self.problems_label = error_label()
        self.notices_label = QLabel()
        self.notices_label.setObjectName("hint")
        self.notices_label.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Verklaring &maken"))
        self.ok_button.setObjectName("primary")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Annuleren"))
        buttons.accepted.connect(self._accept_if_ready)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(requests_label)
        layout.addWidget(self.request_area)
        signers_title = QLabel(self.tr("Wie tekent"))
        signers_title.setObjectName("sectionTitle")
        layout.addWidget(signers_title)
        layout.addWidget(self.signers_label)
        layout.addWidget(self.custody_box)
        layout.addWidget(self.curator_box)
        layout.addLayout(place_form)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.notices_label)
        layout.addWidget(buttons)

        self._prefill()
        for edit in (self.custody_edit, self.curator_edit, self.place_edit):
            edit.textChanged.connect(lambda _text: self._recompose())
        self.custody_checked.toggled.connect(lambda _on: self._recompose())
        self.custody_role.currentIndexChanged.connect(lambda _i: self._recompose())
        self._recompose()
        if self.request_boxes:
            self.request_boxes[0][1].setFocus()

    # -- state --------------------------------------------------------------------------------
    def _prefill(self) -> None:
        """Start from what the intake says (household answers), so the worker only corrects."""
        first = self.service.compose(self.intake_id, self.request_ids())
        holders: list[str] = []
        role = SignerRole.PARENT_WITH_CUSTODY
        checked = False
        if first.signers is not None:
            holders = [s.name for s in first.signers.signers
                       if s.role in (SignerRole.PARENT_WITH_CUSTODY, SignerRole.GUARDIAN)]
            if any(s.role is SignerRole.GUARDIAN for s in first.signers.signers):
                role = SignerRole.GUARDIAN
            checked = first.signers.custody_checked
            if first.signers.rule is SignerRule.CURATELE:
                self.curator_edit.setText(first.signers.signers[0].name)
        self.custody_edit.setText(", ".join(holders))
        self.custody_role.setCurrentIndex(0 if role is SignerRole.PARENT_WITH_CUSTODY else 1)
        self.custody_checked.setChecked(checked)
        self.place_edit.setText(first.place)
        age = self.service.resident_age(self.intake_id)
        self._custody_needed = (age is not None and age < 16) or "gezag" in first.missing
        self._curator_needed = "curator" in first.missing or (
            first.signers is not None and first.signers.rule is SignerRule.CURATELE)
        self.custody_box.setVisible(self._custody_needed)
        self.curator_box.setVisible(self._curator_needed)

    def request_ids(self) -> list[str]:
        return [request_id for request_id, box in self.request_boxes if box.isChecked()]

    def _recompose(self) -> None:
        holders = None
        checked = None
        if self._custody_needed:
            typed = self.custody_edit.text()
            holders = [" ".join(p.split()) for p in typed.replace(";", ",").split(",")
                       if p.strip()]
            checked = self.custody_checked.isChecked()
        self.composition = self.service.compose(
            self.intake_id,
            self.request_ids(),
            custody_holders=holders,
            custody_role=self.custody_role.currentData(),
            custody_checked=checked,
            curator_name=self.curator_edit.text().strip() if self._curator_needed else None,
            place=self.place_edit.text().strip() or None,
        )
        composition = self.composition
        who_signs = ConsentService.who_signs_text(composition)
        if who_signs is not None:
            self.signers_label.setText(text(who_signs))
        else:
            self.signers_label.setText(self.tr("Nog niet bekend wie tekent: vul hieronder aan "
                                               "wat ontbreekt."))
        if composition.problems:
            self.problems_label.setText(self.tr("Nog niet klaar om te maken:") + "\n• "
                                        + "\n• ".join(text(p) for p in composition.problems))
            self.problems_label.show()
        else:
            self.problems_label.hide()
        self.notices_label.setText(
            "\n".join(text(n) for n in self.service.setting_notices()))
        self.notices_label.setVisible(bool(self.notices_label.text()))
        self.ok_button.setEnabled(composition.ready)

    def _accept_if_ready(self) -> None:
        if self.composition is not None and self.composition.ready:
            self.accept()


class SignedDialog(QDialog):
    """Who signed and when. Everyone the statement names must have signed."""

    def __init__(self, signers: Sequence[tuple[str, str]], today: dt.date,
                 parent: QWidget | None = None) -> None:
        """`signers`: (name, label such as 'Ayşe Yılmaz (ouder met gezag)')."""
        super().__init__(parent)
        self.setObjectName("signedDialog")
        self.setWindowTitle(self.tr("Verklaring getekend"))
        self.date_edit = _date_edit(today, self.tr("Datum van ondertekening"))
        self.boxes: list[tuple[str, QCheckBox]] = []
        form = buddy_form([(self.tr("&Datum van ondertekening:"), self.date_edit)])
        group = QGroupBox(self.tr("Wie heeft getekend? Vink iedereen aan."))
        group_layout = QVBoxLayout(group)
        for name, label in signers:
            box = QCheckBox(label)
            box.setAccessibleName(self.tr("{0} heeft getekend").format(label))
            group_layout.addWidget(box)
            self.boxes.append((name, box))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self.tr("&Vastleggen"), self.tr("&Annuleren"), self._check,
                                   self.reject))

    def signed_by(self) -> list[str]:
        return [name for name, box in self.boxes if box.isChecked()]

    def signed_on(self) -> dt.date:
        return _py_date(self.date_edit)

    def _check(self) -> None:
        missing = [name for name, box in self.boxes if not box.isChecked()]
        if missing:
            self.error.setText(self.tr(
                "Fout: nog niet aangevinkt: {0}. De toestemming geldt pas als iedereen heeft "
                "getekend. Heeft iemand niet getekend? Kies dan Annuleren.").format(
                    ", ".join(missing)))
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
    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("withdrawnDialog")
        self.setWindowTitle(self.tr("Toestemming ingetrokken"))
        self.date_edit = _date_edit(today, self.tr("Datum van intrekken"))
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
        hint = QLabel(self.tr("Na intrekken mogen de verzoeken op deze verklaring niet meer "
                              "weg. Wat al gedeeld is, blijft rechtmatig gedeeld."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(ok_cancel(self.tr("&Vastleggen"), self.tr("&Annuleren"), self.accept,
                                   self.reject))

    def how(self) -> str:
        details = self.details_edit.text().strip()
        how = self.how_combo.currentText()
        return f"{how}: {details}" if details else how

    def withdrawn_on(self) -> dt.date:
        return _py_date(self.date_edit)


__all__ = ["ComposeDialog", "RefusedDialog", "SignedDialog", "WithdrawnDialog"]
