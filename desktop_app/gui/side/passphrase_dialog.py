"""'Wachtwoordzin wijzigen': old, new, repeat, with strength feedback. Re-keys the store
(crash-safe, in vault/profiles.py). No hint is asked for or stored anywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.passphrase import assess_passphrase
from desktop_app.gui.shared.dialog_parts import buddy_form, error_label, ok_cancel
from desktop_app.gui.shared.i18n import error_text, tr_variable
from desktop_app.messages import MessageError
from desktop_app.services.session import Session


class PassphraseDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Wachtwoordzin wijzigen"))
        self.setObjectName("passphraseDialog")
        self.setMinimumWidth(520)
        intro = QLabel(self.tr(
            "Kies een nieuwe wachtwoordzin die alleen u kent: een paar woorden achter elkaar, "
            "minstens 12 tekens, en niet dezelfde als elders. Schrijf hem nergens op."))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.old_edit = self._password(self.tr("Huidige wachtwoordzin"))
        self.new_edit = self._password(self.tr("Nieuwe wachtwoordzin"))
        self.repeat_edit = self._password(self.tr("Herhaal nieuwe wachtwoordzin"))
        self.new_edit.textChanged.connect(self._assess)
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setAccessibleName(self.tr("Sterkte van de nieuwe wachtwoordzin"))
        self.strength_label = QLabel()
        self.problems_label = QLabel()
        self.problems_label.setObjectName("hint")
        self.problems_label.setWordWrap(True)
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
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.old_edit.setFocus()

    def _password(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        return edit

    def _assess(self) -> None:
        text = self.new_edit.text()
        assessment = assess_passphrase(text, worker_name=self.session.worker_name)
        self.strength_bar.setValue(assessment.strength if text else 0)
        self.strength_label.setText(tr_variable(assessment.strength_label) if text else "")
        self.problems_label.setText("\n".join(f"• {tr_variable(p)}" for p in assessment.problems)
                                    if text else "")

    def _fail(self, text: str) -> None:
        # The words say it is an error, not only the red colour.
        self.error_label.setText(self.tr("Fout: {problem}").format(problem=text))
        self.error_label.show()

    def _change(self) -> None:
        if self.new_edit.text() == self.old_edit.text():
            self._fail(self.tr("De nieuwe wachtwoordzin is gelijk aan de huidige. Kies een "
                               "andere."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.session.change_passphrase(self.old_edit.text(), self.new_edit.text(),
                                           self.repeat_edit.text())
        except MessageError as err:
            self._fail(error_text(err))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.clear()
        self.accept()
