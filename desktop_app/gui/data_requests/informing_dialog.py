"""Informing the resident and the oral consent (ZW-3, ZW-4, ZU-A4): was the resident told what
was weighed, what did the resident answer (ja / nee / deels), the resident's arguments, and the
worker's decision to share anyway (with justification and who was consulted).

Toetsing (data the municipality needs to decide on a provision) is not asked: consent is not
free when refusing costs the provision (AVG art. 7 lid 4, overweging 43). The resident is
informed ("geïnformeerd") and may object (AVG art. 21), recorded as "nee" with the arguments."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.data_requests import (
    DataRequest,
    Informing,
    Override,
    ResidentAnswer,
)
from desktop_app.domain.vocabulary import Basis
from desktop_app.gui.data_requests.common import LOCAL_STYLE, LabelledText
from desktop_app.gui.shared.dialog_parts import error_label, wrapped_label
from desktop_app.gui.shared.i18n import current_language, error_text, text
from desktop_app.messages import MessageError
from desktop_app.services.data_requests import DataRequestService


class InformingForm(QWidget):
    """The fields; `informing()` builds the domain object (raises DataRequestProblem, a
    MessageError)."""

    def __init__(self, request: DataRequest, prefill: Informing | None = None) -> None:
        super().__init__()
        self.request = request
        self.toetsing = request.basis is Basis.TOETSING
        title = wrapped_label(
            self.tr("De inwoner informeren") if self.toetsing
            else self.tr("De inwoner informeren en toestemming vastleggen"), "sectionTitle")
        doing = (self.tr("opvragen") if request.direction.value == "opvragen_bij"
                 else self.tr("delen"))
        if self.toetsing:
            reminder = QLabel(self.tr(
                "Vertel de inwoner welke gegevens je wilt {0} en waarom. {1} De inwoner mag wel "
                "bezwaar maken; schrijf dat dan op.").format(doing, text(request.basis.refusal)))
        else:
            reminder = wrapped_label(self.tr(
                "Vertel de inwoner wat je hebt afgewogen, welke gegevens je wilt {0} en hoe dat "
                "helpt bij de ondersteuning. Zeg ook wat nee betekent: {1}").format(
                    doing, text(request.basis.refusal)), "notice")

        self.informed = QCheckBox(self.tr(
            "De inwoner is &geïnformeerd over de afweging, de gegevens en het doel"))
        self.informed.setChecked(True)
        answer_label = QLabel(self.tr("Wat zegt de inwoner?"))
        answer_label.setObjectName("fieldTitle")
        self.answers: dict[ResidentAnswer | None, QRadioButton]
        if self.toetsing:
            # Informed, not asked: no "ja" or "deels" to choose (AVG art. 7 lid 4).
            self.answers = {
                ResidentAnswer.GEINFORMEERD: QRadioButton(self.tr(
                    "Geïnfo&rmeerd, de inwoner maakt geen bezwaar")),
                ResidentAnswer.NEE: QRadioButton(self.tr("&Nee, de inwoner maakt bezwaar")),
                None: QRadioButton(self.tr("N&og niet geïnformeerd")),
            }
        else:
            self.answers = {
                ResidentAnswer.JA: QRadioButton(self.tr("&Ja, de inwoner stemt in")),
                ResidentAnswer.NEE: QRadioButton(self.tr("&Nee, de inwoner stemt niet in")),
                ResidentAnswer.DEELS: QRadioButton(self.tr(
                    "&Deels: de inwoner stemt alleen in met een deel van de gegevens")),
                None: QRadioButton(self.tr("N&og niet gevraagd")),
            }
        self.answer_group = QButtonGroup(self)
        for button in self.answers.values():
            self.answer_group.addButton(button)
        self.arguments = LabelledText(
            self.tr("&Bezwaren van de inwoner (of: de inwoner noemt geen reden)"),
            self.tr("Bezwaren van de inwoner"))
        self.items_label = QLabel(self.tr("Met welke gegevens stemt de inwoner wel in?"))
        self.items_label.setObjectName("fieldTitle")
        self.item_boxes: list[tuple[str, QCheckBox]] = []
        items_box = QWidget()
        items_layout = QVBoxLayout(items_box)
        items_layout.setContentsMargins(12, 0, 0, 0)
        for item in request.items:
            box = QCheckBox(item.replace("&", "&&"))
            self.item_boxes.append((item, box))
            items_layout.addWidget(box)
        self.items_box = items_box
        self.override = QCheckBox(self.tr(
            "Ik deel &toch, na afstemming (conflict van plichten of vitaal belang)"))
        self.justification = LabelledText(self.tr("&Waarom deel je toch?"),
                                          self.tr("Waarom je toch deelt"))
        self.consulted = LabelledText(
            self.tr("&Met welke deskundige collega en welke leidinggevende heb je afgestemd?"),
            self.tr("Met wie afgestemd"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(reminder)
        layout.addWidget(self.informed)
        layout.addSpacing(4)
        layout.addWidget(answer_label)
        for button in self.answers.values():
            layout.addWidget(button)
        layout.addWidget(self.arguments)
        layout.addWidget(self.items_label)
        layout.addWidget(items_box)
        layout.addWidget(self.override)
        layout.addWidget(self.justification)
        layout.addWidget(self.consulted)
        layout.addStretch(1)

        self.informed.toggled.connect(self._update)
        self.answer_group.buttonToggled.connect(self._update)
        self.override.toggled.connect(self._update)
        self._prefill(prefill)
        self._update()

    def _prefill(self, prefill: Informing | None) -> None:
        if prefill is None:
            self.answers[None].setChecked(True)
            return
        self.informed.setChecked(prefill.informed)
        # An answer recorded before the basis changed (a "ja" on a request that is now
        # toetsing) is not offered: the worker answers again.
        self.answers.get(prefill.answer, self.answers[None]).setChecked(True)
        self.arguments.set_text(prefill.arguments)
        for item, box in self.item_boxes:
            box.setChecked(item in prefill.consented_items)
        if prefill.override is not None:
            self.override.setChecked(True)
            self.justification.set_text(prefill.override.justification)
            self.consulted.set_text(prefill.override.consulted)

    def chosen_answer(self) -> ResidentAnswer | None:
        for answer, button in self.answers.items():
            if button.isChecked():
                return answer
        return None

    def _update(self, *_args: object) -> None:
        informed = self.informed.isChecked()
        for answer, button in self.answers.items():
            # Without informing there is nothing to answer yet (ZW-3): only "not asked".
            button.setEnabled(informed or answer is None)
        if not informed:
            self.answers[None].setChecked(True)
        answer = self.chosen_answer()
        objecting = answer in (ResidentAnswer.NEE, ResidentAnswer.DEELS)
        self.arguments.setVisible(objecting)
        self.items_label.setVisible(answer is ResidentAnswer.DEELS)
        self.items_box.setVisible(answer is ResidentAnswer.DEELS)
        self.override.setVisible(objecting)
        overriding = objecting and self.override.isChecked()
        self.justification.setVisible(overriding)
        self.consulted.setVisible(overriding)

    def informing(self) -> Informing:
        answer = self.chosen_answer()
        objecting = answer in (ResidentAnswer.NEE, ResidentAnswer.DEELS)
        override = None
        if objecting and self.override.isChecked():
            override = Override(self.justification.text(), self.consulted.text())
        return Informing(
            informed=self.informed.isChecked(),
            answer=answer,
            arguments=self.arguments.text() if objecting else "",
            consented_items=tuple(item for item, box in self.item_boxes if box.isChecked())
            if answer is ResidentAnswer.DEELS else (),
            override=override,
        )


class InformingDialog(QDialog):
    """The oral-consent step on its own, from the overview ("Mondelinge toestemming")."""

    def __init__(self, service: DataRequestService, request_id: str, lang: str | None = None,
                 parent: QWidget | None = None) -> None:
        lang = lang or current_language()  # the UI language unless chosen
        super().__init__(parent)
        self.service = service
        self.request_id = request_id
        self.lang = lang
        request = service.get(request_id).request
        self.setWindowTitle(self.tr("Informeren vastleggen") if request.basis is Basis.TOETSING
                            else self.tr("Mondelinge toestemming vastleggen"))
        self.setStyleSheet(LOCAL_STYLE)
        self.setMinimumWidth(640)
        self.form = InformingForm(request, service.suggested_informing(request_id))
        self.error = error_label()
        save = QPushButton(self.tr("Op&slaan"))
        save.setObjectName("primary")
        save.setAutoDefault(False)
        save.clicked.connect(self._save)
        cancel = QPushButton(self.tr("Annuleren"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.form.informed.setFocus()

    def _save(self) -> None:
        try:
            self.service.record_informing(self.request_id, self.form.informing())
        except MessageError as error:
            self.error.setText(self.tr("Let op: {0}").format(error_text(error)))
            self.error.show()
            return
        self.accept()
