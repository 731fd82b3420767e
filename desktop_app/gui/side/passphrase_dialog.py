"""'Wachtwoordzin wijzigen': old, new, repeat, with strength feedback. Re-keys the store
(crash-safe, in vault/profiles.py) on a worker thread (gui/shared/jobs.py): the dialog stays
responsive and says what it is doing. No hint is asked for or stored anywhere."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.shared.dialog_parts import buddy_form, error_label, ok_cancel, wrapped_label
from desktop_app.gui.shared.i18n import error_text, text
from desktop_app.gui.shared.jobs import STORE, runner
from desktop_app.messages import MessageError
from desktop_app.services.session import ProfileService, Session


class PassphraseDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Wachtwoordzin wijzigen"))
        self.setObjectName("passphraseDialog")
        self.setMinimumWidth(520)
        intro = wrapped_label(self.tr(
            "Kies een nieuwe wachtwoordzin die alleen jij kent: een paar woorden achter elkaar, "
            "minstens 12 tekens, en niet dezelfde als elders. Schrijf hem nergens op."), "hint")
        self.old_edit = self._password(self.tr("Huidige wachtwoordzin"))
        self.new_edit = self._password(self.tr("Nieuwe wachtwoordzin"))
        self.repeat_edit = self._password(self.tr("Herhaal nieuwe wachtwoordzin"))
        self.new_edit.textChanged.connect(self._assess)
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setAccessibleName(self.tr("Sterkte van de nieuwe wachtwoordzin"))
        self.strength_label = QLabel()
        self.problems_label = wrapped_label(name="hint")
        self.working = False
        self.progress_label = wrapped_label(self.tr("Bezig: je gegevens worden opnieuw versleuteld "
                                                    "met de nieuwe wachtwoordzin…"), "notice")
        self.progress_label.hide()
        self.error_label = error_label()
        self.error_label.setAccessibleName(self.tr("Foutmelding"))
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.textEdited.connect(self.error_label.hide)  # an old error misleads once retyped

        form = buddy_form([(self.tr("&Huidige wachtwoordzin:"), self.old_edit),
                           (self.tr("&Nieuwe wachtwoordzin:"), self.new_edit)])
        strength = QHBoxLayout()
        strength.addWidget(self.strength_bar, 1)
        strength.addWidget(self.strength_label)
        form.addRow(self.tr("Sterkte:"), strength)
        repeat_label = QLabel(self.tr("He&rhaal:"))
        repeat_label.setBuddy(self.repeat_edit)
        form.addRow(repeat_label, self.repeat_edit)
        self.buttons = ok_cancel(self.tr("&Wijzigen"), self.tr("&Annuleren"), self._change,
                                 self.reject, primary=True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.old_edit.setFocus()

    def _password(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        return edit

    def _assess(self) -> None:
        typed = self.new_edit.text()
        assessment = ProfileService.assess(typed, self.session.worker_name)
        self.strength_bar.setValue(assessment.strength if typed else 0)
        self.strength_label.setText(text(assessment.strength_label) if typed else "")
        self.problems_label.setText("\n".join(f"• {text(p)}" for p in assessment.problems)
                                    if typed else "")

    def _fail(self, text: str) -> None:
        # The words say it is an error, not only the red colour.
        self.error_label.setText(self.tr("Fout: {problem}").format(problem=text))
        self.error_label.show()

    def _change(self) -> None:
        if self.new_edit.text() == self.old_edit.text():
            self._fail(self.tr("De nieuwe wachtwoordzin is gelijk aan de huidige. Kies een "
                               "andere."))
            return
        old, new, repeat = (self.old_edit.text(), self.new_edit.text(),
                            self.repeat_edit.text())
        # Deriving the keys and re-encrypting the store take a moment: on a worker thread,
        # with the whole store as its subject (nothing else may re-key it meanwhile).
        job = runner().start({STORE}, lambda _progress: self.session.change_passphrase(
            old, new, repeat), owner=self, on_done=self._changed, on_error=self._refused)
        if job is None:
            self._fail(self.tr("Het programma is nog bezig met een vernietiging of een andere "
                               "sleutelwijziging. Probeer het zo opnieuw."))
            return
        self._set_working(True)

    def _set_working(self, working: bool) -> None:
        self.working = working
        for widget in (self.old_edit, self.new_edit, self.repeat_edit, self.buttons):
            widget.setEnabled(not working)
        self.progress_label.setVisible(working)

    def _changed(self, _result: object) -> None:
        self._set_working(False)
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.clear()
        self.accept()

    def _refused(self, err: MessageError) -> None:
        self._set_working(False)
        self._fail(error_text(err))
        self.old_edit.setFocus()

    # While the store is being re-keyed the dialog stays until it is done (Esc and the
    # window's close button wait too): the outcome must be seen.
    def reject(self) -> None:
        if not self.working:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.working:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.working:
            event.accept()
            return
        super().keyPressEvent(event)
