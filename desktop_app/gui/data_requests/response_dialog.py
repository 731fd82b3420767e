"""What the organisation answered to a sent request: everything, a part or nothing, with an
optional note. On the exception paths (ZW-3, ZU-A4A, ZU-A4B) an organisation with professional
secrecy decides under its own code whether it gives anything; the dossier shows what it
decided (issue 15)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.data_requests import OrganisationResponse
from desktop_app.gui.data_requests.common import (
    LOCAL_STYLE,
    LabelledText,
    reserve,
    with_mnemonic,
)
from desktop_app.gui.shared.dialog_parts import error_label, wrapped_label
from desktop_app.gui.shared.i18n import current_language, error_text, text
from desktop_app.messages import MessageError
from desktop_app.services.data_requests import DataRequestService


class ResponseDialog(QDialog):
    def __init__(self, service: DataRequestService, request_id: str, lang: str | None = None,
                 parent: QWidget | None = None) -> None:
        lang = lang or current_language()  # the UI language unless chosen
        super().__init__(parent)
        self.service = service
        self.request_id = request_id
        self.lang = lang
        request = service.get(request_id).request
        self.setWindowTitle(self.tr("Antwoord van de organisatie"))
        self.setStyleSheet(LOCAL_STYLE)
        self.setMinimumWidth(560)
        named = request.organisation_named or request.organisation.name.get(lang)
        question = wrapped_label(self.tr("Wat heeft {0} geantwoord?").format(named), "sectionTitle")

        save_text = self.tr("Op&slaan")
        note_text = self.tr("&Toelichting (niet verplicht)")
        used = reserve((save_text, note_text))
        self.group = QButtonGroup(self)
        self.answers: dict[OrganisationResponse, QRadioButton] = {}
        for response in OrganisationResponse:
            shown = text(response.label)
            shown = shown[:1].upper() + shown[1:]
            button = QRadioButton(with_mnemonic(shown, used))
            button.setAccessibleName(shown)
            self.group.addButton(button)
            self.answers[response] = button
        self.note = LabelledText(note_text, self.tr("Toelichting bij het antwoord"))
        if request.response is not None:
            self.answers[request.response].setChecked(True)
            self.note.set_text(request.response_note)
        self.error = error_label()
        self.group.buttonToggled.connect(lambda *_args: self.error.hide())
        self.save_button = QPushButton(save_text)
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        cancel = QPushButton(self.tr("Annuleren"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(question)
        for button in self.answers.values():
            layout.addWidget(button)
        layout.addSpacing(6)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.first_choice().setFocus()

    def first_choice(self) -> QRadioButton:
        checked = [b for b in self.answers.values() if b.isChecked()]
        return checked[0] if checked else next(iter(self.answers.values()))

    def chosen(self) -> OrganisationResponse | None:
        for response, button in self.answers.items():
            if button.isChecked():
                return response
        return None

    def _save(self) -> None:
        response = self.chosen()
        if response is None:
            self.error.setText(self.tr("Let op: {0}").format(
                self.tr("Kies wat de organisatie heeft gegeven.")))
            self.error.show()
            self.first_choice().setFocus()
            return
        try:
            self.service.record_response(self.request_id, response, self.note.text())
        except MessageError as error:
            self.error.setText(self.tr("Let op: {0}").format(error_text(error)))
            self.error.show()
            return
        self.accept()
