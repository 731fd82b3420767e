"""The tab "Verslag inwoner": the verslag voor de inwoner (Wmo 2015 art. 2.3.2 lid 8) to
preview, print (the program's print path), sign on the screen (the consent statement's signing
dialog, with a page for the resident's remarks), and the resident's remarks to record.

The worker is "je"; the pages the resident reads in the signing dialog say "u".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.consent import ItemOutcome
from desktop_app.domain.consent_screen import ScreenSigning
from desktop_app.domain.resident_report import MAX_REMARKS_CHARS
from desktop_app.gui.consent.sign_on_screen import SignOnScreenDialog
from desktop_app.gui.shared.dialog_parts import scrolling_page, wrapped_label
from desktop_app.gui.shared.flow_layout import flow_row
from desktop_app.gui.shared.i18n import current_language, error_text, text
from desktop_app.gui.shared.jobs import runner
from desktop_app.messages import MessageError
from desktop_app.services.consent import ScreenStatement
from desktop_app.services.resident_report import ResidentReportService, ResidentReportState
from desktop_app.services.session import Session


class _SignTarget:
    """What the signing dialog calls to save: the report service, with the remarks typed on
    the dialog's remarks page."""

    def __init__(self, service: ResidentReportService, remarks: Callable[[], str]) -> None:
        self.service = service
        self.remarks = remarks

    def sign_on_screen(self, intake_id: str, signing: ScreenSigning) -> dict[int, ItemOutcome]:
        self.service.sign_on_screen(intake_id, signing, self.remarks())
        return {}


class _RemarksPage(QWidget):
    """The page where the resident types remarks: read by the resident, so "u"."""

    def __init__(self, remarks: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(wrapped_label(self.tr("Uw opmerkingen"), "readingTitle"))
        lead = wrapped_label(self.tr(
            "Klopt er iets niet? Of wilt u iets toevoegen? Typ het hier. Uw opmerkingen komen "
            "bij het verslag in uw dossier. U mag dit ook leeg laten."))
        self.edit = QPlainTextEdit(remarks)
        self.edit.moveCursor(QTextCursor.MoveOperation.End)  # typing adds to them
        self.edit.setAccessibleName(self.tr("Uw opmerkingen"))
        self.edit.setTabChangesFocus(True)
        label = QLabel(self.tr("&Opmerkingen:"))
        label.setBuddy(self.edit)
        layout.addWidget(lead)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)


class ResidentSignDialog(SignOnScreenDialog):
    """The consent statement's signing dialog for the verslag voor de inwoner: the report's
    pages, then a page where the resident types remarks, then one page per signer."""

    def __init__(self, service: ResidentReportService, screen: ScreenStatement,
                 now: Callable[[], dt.datetime], remarks: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(_SignTarget(service, self._remarks_text), screen, now,  # type: ignore[arg-type]
                         parent)
        self.setWindowTitle(self.tr("Verslag {0} tekenen op het scherm").format(
            screen.document_number))
        self.worker_note.setText(self.tr(
            "Geef de laptop aan de inwoner. Lees zo nodig samen. De inwoner kan opmerkingen "
            "typen en tekent daarna met muis, pen of vinger. Op de laatste pagina controleer je "
            "alles en sla je op."))
        self.check_lead.setText(self.tr(
            "Neem de laptop terug. Kijk of iedereen heeft getekend. Vul de plaats in als die "
            "leeg is. Na 'Opslaan' maakt het programma het getekende verslag, met de "
            "opmerkingen."))
        page = _RemarksPage(remarks)
        self.remarks_edit = page.edit
        area = self._reading(page)
        # The remarks in the same large type as the text the resident reads.
        size = self.font().pointSizeF() if self.font().pointSizeF() > 0 else 10.0
        page.setStyleSheet(page.styleSheet() +
                           f" QPlainTextEdit {{ font-size: {round(size * 1.35, 1):g}pt; }}")
        self.stack.insertWidget(len(self.text_pages), area)
        self.text_pages.append(area)  # the signer pages come after it
        self._show(0)

    def _remarks_text(self) -> str:
        return self.remarks_edit.toPlainText()

    def remarks_page_index(self) -> int:
        return len(self.text_pages) - 1


class ResidentReportPanel(QWidget):
    changed = Signal()

    def __init__(self, session: Session, intake_id: str, lang: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("residentReportPanel")
        self.session = session
        self.intake_id = intake_id
        self.lang = lang or current_language()  # the UI language unless chosen
        self.service = ResidentReportService(session)
        self.busy = False
        self.preview_dialog: QDialog | None = None
        self.sign_dialog: ResidentSignDialog | None = None

        title = QLabel(self.tr("Verslag voor de inwoner"))
        title.setObjectName("title")
        intro = wrapped_label(self.tr(
            "De inwoner krijgt een verslag van het onderzoek, in gewone woorden: de vraag, wat "
            "jullie bespraken, de doelen en de afspraken. Geef het op papier mee, of laat het op "
            "het scherm lezen en tekenen. Wat de inwoner erover zegt, leg je hieronder vast. "
            "Het gaat mee naar het dossier."), "hint")
        self.status = wrapped_label()
        self.preview_button = QPushButton(self.tr("&Voorbeeld bekijken"))
        self.print_button = QPushButton(self.tr("&Printen…"))
        self.sign_button = QPushButton(self.tr("Op het &scherm laten tekenen…"))
        self.sign_button.setObjectName("primary")
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_report)
        self.sign_button.clicked.connect(self.sign_on_screen)

        remarks_label = QLabel(self.tr("Op&merkingen van de inwoner"))
        remarks_label.setObjectName("sectionTitle")
        remarks_hint = wrapped_label(self.tr(
            "Schreef de inwoner opmerkingen op het papier, of zei de inwoner iets over het "
            "verslag? Typ het hier over, in de woorden van de inwoner."), "hint")
        self.remarks_edit = QPlainTextEdit()
        self.remarks_edit.setAccessibleName(self.tr("Opmerkingen van de inwoner"))
        self.remarks_edit.setTabChangesFocus(True)
        self.remarks_edit.setMinimumHeight(90)
        remarks_label.setBuddy(self.remarks_edit)
        self.save_remarks_button = QPushButton(self.tr("Opmerkingen be&waren"))
        self.save_remarks_button.clicked.connect(self.save_remarks)
        self.message = wrapped_label(name="notice")
        self.message.hide()

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.status)
        layout.addWidget(flow_row([self.sign_button, self.print_button, self.preview_button]))
        layout.addSpacing(8)
        layout.addWidget(remarks_label)
        layout.addWidget(remarks_hint)
        layout.addWidget(self.remarks_edit, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_remarks_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        # In a scroll area: at a large font the texts need more room than the tab has; the
        # remarks box takes what is left at a normal size.
        scrolling_page(self, body)
        self.state: ResidentReportState | None = None
        self.refresh()

    # -- showing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            self.state = state = self.service.state(self.intake_id)
        except KeyError:
            return
        lines = [self.tr("Verslag {0}.").format(state.document_number)]
        if state.signers:
            lines.append(self.tr("Tekenen: {0}.").format(", ".join(state.signers)))
        if state.signed_at is not None:
            lines.append(self.tr("Getekend op het scherm op {0}.").format(
                f"{state.signed_at:%d-%m-%Y %H:%M}"))
            if state.changed_since_signing:
                lines.append(self.tr("Let op: de intake is daarna veranderd. Laat het verslag "
                                     "zo nodig opnieuw tekenen."))
        else:
            lines.append(self.tr("Nog niet op het scherm getekend."))
        if state.sign_problem is not None:
            lines.append(self.tr("Op het scherm tekenen kan nog niet: ") +
                         text(state.sign_problem))
        self.status.setText(" ".join(lines))
        if not self.remarks_edit.hasFocus():
            self.remarks_edit.setPlainText(state.remarks)
            self.remarks_edit.moveCursor(QTextCursor.MoveOperation.End)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.state is not None and not self.busy
        for button in (self.preview_button, self.print_button, self.save_remarks_button):
            button.setEnabled(ready)
        self.sign_button.setEnabled(ready and self.state is not None
                                    and self.state.sign_problem is None)

    def _say(self, words: str, *, error: bool = False) -> None:
        self.message.setObjectName("error" if error else "notice")
        self.message.setText(words)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    def _start(self, work: Callable[[Any], Any], on_done: Callable[[Any], None]) -> None:
        job = runner().start({self.intake_id}, work, owner=self, on_done=on_done,
                             on_error=self._failed)
        if job is None:
            self._say(self.tr("Even wachten: het programma is nog bezig met deze intake."),
                      error=True)
            return
        self.busy = True
        self._update_buttons()

    def _done(self) -> None:
        self.busy = False
        self._update_buttons()

    def _failed(self, err: MessageError) -> None:
        self._done()
        self._say(self.tr("Fout: ") + error_text(err), error=True)

    # -- actions -------------------------------------------------------------------------------
    def preview(self) -> None:
        service, intake_id = self.service, self.intake_id

        def show(pdf: bytes) -> None:
            from desktop_app.gui.shared.pdf_preview import PdfPreviewDialog

            self._done()
            signed = self.state is not None and self.state.signed
            title = (self.tr("Verslag voor de inwoner, getekend op het scherm") if signed
                     else self.tr("Verslag voor de inwoner"))
            dialog = PdfPreviewDialog(pdf, title, self, on_print=lambda: self._print(pdf))
            self.preview_dialog = dialog
            dialog.exec()
            self.preview_dialog = None

        def work(_progress: Any) -> bytes:
            return service.signed_pdf(intake_id) or service.pdf(intake_id)

        self._start(work, show)

    def print_report(self) -> None:
        service, intake_id = self.service, self.intake_id

        def printed(pdf: bytes) -> None:
            self._done()
            self._print(pdf)

        self._start(lambda _progress: service.pdf(intake_id), printed)

    def _print(self, pdf: bytes) -> None:
        from desktop_app.gui.shared.pdf_preview import ask_and_print

        number = self.state.document_number if self.state is not None else ""
        result = ask_and_print(self, pdf, number)  # the queue shows a number, never a name
        self._say(result.message, error=not result.ok and not result.cancelled)

    def sign_on_screen(self) -> None:
        service, intake_id = self.service, self.intake_id
        self._start(lambda _progress: service.prepare_screen_signing(intake_id), self._open)

    def _open(self, screen: ScreenStatement) -> None:
        self._done()
        dialog = ResidentSignDialog(self.service, screen,
                                    lambda: self.session.now().astimezone(),
                                    self.remarks_edit.toPlainText(), self)
        self.sign_dialog = dialog
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.sign_dialog = None
        if accepted:
            self.refresh()
            self._say(self.tr("Het verslag is getekend op het scherm en bewaard, met de "
                              "opmerkingen. Zet het bij de overdracht als pdf in het dossier."))
            self.changed.emit()

    def save_remarks(self) -> None:
        words = self.remarks_edit.toPlainText()
        if len(words) > MAX_REMARKS_CHARS:
            self._say(self.tr("De opmerkingen zijn te lang."), error=True)
            return
        try:
            self.service.save_remarks(self.intake_id, words)
        except MessageError as err:
            self._say(self.tr("Fout: ") + error_text(err), error=True)
            return
        if self.state is not None and self.state.signed:
            # The signed PDF keeps the remarks it was signed with; these go to the dossier too.
            self._say(self.tr("De opmerkingen zijn bewaard. Het getekende verslag houdt de "
                              "opmerkingen van het tekenen; deze gaan apart mee naar het "
                              "dossier."))
        else:
            self._say(self.tr("De opmerkingen zijn bewaard."))
        self.changed.emit()
