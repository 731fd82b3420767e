"""The "Toestemming" tab of an intake: the consent statements with their status, and the steps
of their life: compose, preview, print, signed / refused / withdrawn (DESIGN.md "Screens").

Status is always written out in words (never colour alone). Only a successful print moves a
statement from concept to geprint; a cancelled dialog, no printer or a printer error leaves the
status as it was and says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.consent import format_date_short
from desktop_app.domain.data_requests import ConsentState
from desktop_app.gui.shared.dialog_parts import scrolling_page, wrapped_label
from desktop_app.gui.shared.flow_layout import flow_row
from desktop_app.gui.shared.i18n import current_language, error_text, text
from desktop_app.gui.shared.jobs import runner
from desktop_app.gui.shared.pdf_preview import PrintResult
from desktop_app.messages import MessageError
from desktop_app.services.consent import (
    CONSENT_STATE_LABELS,
    ConsentService,
    PrintJob,
    ScreenStatement,
    StatementSummary,
)
from desktop_app.services.session import Session

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

# Marked for lupdate; translated when the table is built (the language is chosen at run time).
_COLUMNS = (QT_TRANSLATE_NOOP("ConsentPanel", "Documentnummer"),
            QT_TRANSLATE_NOOP("ConsentPanel", "Versie"),
            QT_TRANSLATE_NOOP("ConsentPanel", "Status"),
            QT_TRANSLATE_NOOP("ConsentPanel", "Organisaties"),
            QT_TRANSLATE_NOOP("ConsentPanel", "Wie tekent"),
            QT_TRANSLATE_NOOP("ConsentPanel", "Geldig tot"))


def print_statement(service: ConsentService, job: PrintJob, printer: QPrinter) -> PrintResult:
    """Print a prepared statement on `printer` (a QPrinter) and, only when that worked, record
    it as printed. The program's one print path: the panel calls it after the print dialog,
    tests call it with a real CUPS queue."""
    from desktop_app.gui.shared.pdf_preview import print_pdf

    result = print_pdf(job.pdf, printer)
    if result.ok:
        service.mark_printed(job.statement_id)
    return result


class ConsentPanel(QWidget):
    """`ConsentPanel(session, intake_id, lang)`; `refresh()` reloads, `changed` tells the other
    tabs that a statement changed (a signature unlocks data requests)."""

    changed = Signal()

    def __init__(self, session: Session, intake_id: str, lang: str | None = None,
                 parent: QWidget | None = None) -> None:
        lang = lang or current_language()  # the UI language unless chosen
        super().__init__(parent)
        self.setObjectName("consentPanel")
        self.session = session
        self.intake_id = intake_id
        self.lang = lang
        self.service = ConsentService(session)
        self.summaries: list[StatementSummary] = []

        title = QLabel(self.tr("Toestemmingsverklaring"))
        title.setObjectName("sectionTitle")
        intro = wrapped_label(self.tr(
            "Voor gegevens van een hulpverlener met beroepsgeheim tekent de inwoner een "
            "toestemmingsverklaring. Maak de verklaring. Laat de inwoner daarna op het scherm "
            "tekenen, of print de verklaring (nu of later op kantoor) en leg vast wat er op het "
            "getekende papier staat. Een verzoek mag pas weg als iedereen die erover beslist, "
            "ja zei."), "hint")
        self.settings_notice = wrapped_label(name="notice")
        self.settings_notice.hide()

        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setObjectName("statementTable")
        self.table.setAccessibleName(self.tr("Toestemmingsverklaringen van deze intake"))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("ConsentPanel", c) for c in _COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Names are on their own lines already; wrapping would make row heights depend on the
        # column widths at the moment of the last refresh.
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The organisations with their outcome get the room; the names of the signers fit.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = wrapped_label(self.tr("Er is nog geen toestemmingsverklaring. Kies "
                                                 "'Nieuwe verklaring' om er een te maken."), "hint")

        self.detail_title = QLabel(self.tr("Ge&schiedenis van de gekozen verklaring"))
        self.detail = QListWidget()
        self.detail.setAccessibleName(self.tr("Geschiedenis van de gekozen verklaring"))
        self.detail.setWordWrap(True)
        self.detail.setMaximumHeight(130)
        self.detail_title.setBuddy(self.detail)

        self.compose_button = QPushButton(self.tr("&Nieuwe verklaring…"))
        self.compose_button.setObjectName("primary")
        self.screen_button = QPushButton(self.tr("&Laten tekenen op het scherm…"))
        self.screen_button.setToolTip(self.tr(
            "Zonder printer: de inwoner leest de verklaring op het scherm, kiest ja of nee en "
            "tekent met muis, pen of vinger."))
        self.preview_button = QPushButton(self.tr("&Voorbeeld bekijken"))
        self.print_button = QPushButton(self.tr("&Printen…"))
        self.signed_button = QPushButton(self.tr("Get&ekend vastleggen…"))
        self.refused_button = QPushButton(self.tr("Ge&weigerd…"))
        self.withdrawn_button = QPushButton(self.tr("&Ingetrokken…"))
        self.busy = False  # a job of this intake runs (gui/shared/jobs.py)
        self.compose_button.clicked.connect(self.compose)
        self.screen_button.clicked.connect(self.sign_on_screen)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(lambda: self.print_selected())
        self.signed_button.clicked.connect(lambda: self.record_signed())
        self.refused_button.clicked.connect(self.record_refused)
        self.withdrawn_button.clicked.connect(self.record_withdrawn)
        # Wraps at a large font instead of forcing a wide window.
        buttons = flow_row([self.compose_button, self.screen_button, self.print_button,
                            self.preview_button, self.signed_button, self.refused_button,
                            self.withdrawn_button])

        # Print later: the paper printed at the office and signed at home comes back; its
        # number (typed) or its QR code (a hand scanner types the code's text) finds it.
        self.find_label = QLabel(self.tr("Getekend &papier invoeren (documentnummer of "
                                         "QR-code):"))
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName(self.tr("Documentnummer of QR-code van het getekende "
                                                 "papier"))
        self.find_edit.setPlaceholderText(self.tr("bijvoorbeeld TV-2026-000123-K"))
        self.find_edit.setMaxLength(120)
        self.find_edit.setClearButtonEnabled(True)
        self.find_label.setBuddy(self.find_edit)
        self.find_button = QPushButton(self.tr("Zoeken en invoeren…"))
        self.find_edit.returnPressed.connect(self.find_paper)
        self.find_button.clicked.connect(self.find_paper)
        self.find_label.setWordWrap(True)
        find_row = QHBoxLayout()
        find_row.setSpacing(8)
        find_row.addWidget(self.find_edit, 1)
        find_row.addWidget(self.find_button)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)

        self.message = wrapped_label(name="notice")
        self.message.setAccessibleName(self.tr("Melding"))
        self.message.hide()

        # Top-aligned and compact: the list is as tall as its rows (up to six), the history
        # under it, the paper search under that; the room left stays below, not between them.
        # In a scroll area: at a large font (or a low screen) the whole tab stays reachable
        # instead of squeezing its texts.
        body = QWidget()
        body.setObjectName("consentBody")
        scrolling_page(self, body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.settings_notice)
        layout.addWidget(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.detail)
        layout.addSpacing(4)
        layout.addWidget(rule)
        layout.addWidget(self.find_label)
        layout.addLayout(find_row)
        layout.addStretch(1)
        self.setTabOrder(self.compose_button, self.table)
        self.refresh()

    # -- state --------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_id()
        self.summaries = self.service.statements(self.intake_id)
        notices = [text(n) for n in self.service.setting_notices()]
        self.settings_notice.setText(self.tr("Let op: ") + " ".join(notices) if notices else "")
        self.settings_notice.setVisible(bool(notices))
        self.table.setRowCount(len(self.summaries))
        for row, summary in enumerate(self.summaries):
            values = (
                summary.document_number,
                str(summary.version),
                text(summary.state_text),
                "\n".join(self.item_line(summary, i) for i in range(len(summary.items))),
                "\n".join(text(signer) for signer in summary.signers),
                format_date_short(summary.valid_until),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, summary.id)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self._fit_table()
        self.table.setVisible(bool(self.summaries))
        self.empty_label.setVisible(not self.summaries)
        if self.summaries:
            ids = [s.id for s in self.summaries]
            self.table.selectRow(ids.index(selected) if selected in ids else len(ids) - 1)
        self._update_buttons()

    def _fit_table(self) -> None:
        """As tall as its rows, up to six; more scroll inside the list."""
        rows = min(self.table.rowCount(), 6)
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(rows))
        if self.table.rowCount() > rows:
            height += self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(height + 2)

    def item_line(self, summary: StatementSummary, index: int) -> str:
        """An item of the list, with its outcome once something was recorded on paper."""
        item = summary.items[index]
        # The real name: short enough for the list (the kind is in the dialogs).
        name = item.named or item.organisation
        if summary.state in (ConsentState.GETEKEND, ConsentState.INGETROKKEN,
                             ConsentState.GEWEIGERD):
            return f"{name}: {text(item.outcome.label)}"
        return name

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _selected(self) -> StatementSummary | None:
        selected = self.selected_id()
        return next((s for s in self.summaries if s.id == selected), None)

    def _action_buttons(self) -> tuple[QPushButton, ...]:
        return (self.compose_button, self.screen_button, self.preview_button, self.print_button,
                self.signed_button, self.refused_button, self.withdrawn_button, self.find_button)

    def _update_buttons(self) -> None:
        if self.busy:
            return
        self.compose_button.setEnabled(True)
        self.find_button.setEnabled(True)
        summary = self._selected()
        state = summary.state if summary else None
        live = summary is not None and not summary.replaced
        self.preview_button.setEnabled(summary is not None)
        self.print_button.setEnabled(live and state in (ConsentState.CONCEPT,
                                                        ConsentState.GEPRINT))
        self.screen_button.setEnabled(summary is not None and summary.can_sign_on_screen)
        # Printed, or signed by some while others still sign (a parent a week later).
        self.signed_button.setEnabled(summary is not None and summary.can_record_signatures)
        self.refused_button.setEnabled(live and state in (ConsentState.CONCEPT,
                                                          ConsentState.GEPRINT))
        self.withdrawn_button.setEnabled(summary is not None and bool(summary.withdrawable))
        self.detail.clear()
        if summary is not None:
            self.detail.addItems([text(line) for line in summary.history])
        self.detail_title.setVisible(summary is not None)
        self.detail.setVisible(summary is not None)

    def _say(self, message: str, *, error: bool = False) -> None:
        self.message.setObjectName("error" if error else "notice")
        self.message.setText(message)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    def _today(self) -> dt.date:
        return self.session.now().astimezone().date()

    # -- actions ------------------------------------------------------------------------------
    def compose(self) -> None:
        from desktop_app.gui.consent.consent_dialogs import ComposeDialog

        dialog = ComposeDialog(self.service, self.intake_id, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.composition is None:
            return
        service, intake_id, composition = self.service, self.intake_id, dialog.composition
        # The PDF is built and stored on a worker thread (gui/shared/jobs.py).
        self._start(lambda _progress: service.create(intake_id, composition), self._created,
                    self.tr("De verklaring wordt gemaakt…"))

    def _start(self, work: Callable[[Any], Any], on_done: Callable[[Any], None],
               busy_text: str) -> None:
        job = runner().start({self.intake_id}, work, owner=self, on_done=on_done,
                             on_error=self._failed)
        if job is None:
            self._say(self.tr("Even wachten: het programma is nog bezig met deze intake of met "
                              "een sleutelwijziging."), error=True)
            return
        self._set_busy(True)
        self._say(busy_text)

    def _set_busy(self, busy: bool) -> None:
        """While a job of this intake runs, no second action on it can start."""
        self.busy = busy
        if busy:
            for button in self._action_buttons():
                button.setEnabled(False)
        else:
            self._update_buttons()

    def _failed(self, err: MessageError) -> None:
        # StatementNotReady (what is still missing), ConsentProblem, a broken text file, …
        self._set_busy(False)
        self._say(self.tr("Fout: ") + error_text(err), error=True)

    def _created(self, statement_id: str) -> None:
        self._set_busy(False)
        self.refresh()
        summary = self.service.summary(statement_id)
        self._say(self.tr("Verklaring {0} is gemaakt en staat klaar. Laat hem op het scherm "
                          "tekenen, of print hem (nu of later op kantoor).").format(
            summary.document_number))
        self.changed.emit()

    def preview(self) -> None:
        summary = self._selected()
        if summary is None:
            return
        from desktop_app.gui.shared.pdf_preview import PdfPreviewDialog

        printable = not summary.replaced and summary.state in (ConsentState.CONCEPT,
                                                               ConsentState.GEPRINT)
        # Signed on the screen: the signed statement (choices and signatures) is the one to see.
        signed = self.service.signed_pdf(summary.id) if summary.signed_on_screen else None
        title = (self.tr("Toestemmingsverklaring {0}, getekend op het scherm")
                 if signed is not None else self.tr("Toestemmingsverklaring {0}"))
        dialog = PdfPreviewDialog(
            signed if signed is not None else self.service.pdf(summary.id),
            title.format(summary.document_number),
            self,
            on_print=(lambda: self._print_from(dialog)) if printable else None,
        )
        self.preview_dialog = dialog  # kept for tests and so it is not collected while open
        dialog.exec()
        self.preview_dialog = None

    def _print_from(self, dialog: QDialog) -> None:
        def printed(result: PrintResult) -> None:
            if result.ok:
                dialog.accept()

        self.print_selected(printed)

    def print_selected(self, then: Callable[[PrintResult], None] | None = None) -> None:
        """Compose again and, when anything changed, build and store a new version (on a
        worker thread); then ask for the printer and print. `then` gets the result."""
        summary = self._selected()
        if summary is None:
            return
        service, statement_id = self.service, summary.id

        def print_job(job: PrintJob) -> None:
            self._set_busy(False)
            result = self._print_job(job)
            if then is not None:
                then(result)

        self._start(lambda _progress: service.prepare_print(statement_id), print_job,
                    self.tr("De verklaring wordt klaargemaakt om te printen…"))

    def _print_job(self, job: PrintJob) -> PrintResult:
        if job.new_version:
            # The old paper no longer matches what the program knows: a new number, so a signed
            # scan can always be matched to exactly what was printed.
            self.refresh()
            self.changed.emit()
        result = self._ask_and_print(job)
        before = text(CONSENT_STATE_LABELS[self.service.summary(job.statement_id).state])
        if result.ok:
            self.refresh()
            prefix = (self.tr("De verklaring was veranderd: er is een nieuwe versie {0} "
                              "gemaakt en geprint. ").format(job.document_number)
                      if job.new_version else "")
            self._say(prefix + result.message + " " + self.tr(
                "Laat de verklaring nu tekenen en leg dat vast met 'Getekend vastleggen'."))
            self.changed.emit()
        else:
            self._say(self.tr("Let op: ") + result.message + " " + self.tr(
                "De status blijft '{0}'.").format(before), error=not result.cancelled)
        return result

    def _ask_and_print(self, job: PrintJob) -> PrintResult:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from desktop_app.gui.shared.pdf_preview import _Texts, available_printers

        texts = _Texts()
        if not available_printers():
            return PrintResult(False, texts.no_printer())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(job.document_number)  # the queue shows a number, never a name
        printer.setFullPage(True)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.setWindowTitle(self.tr("Toestemmingsverklaring {0} printen").format(
            job.document_number))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return PrintResult(False, texts.cancelled(), cancelled=True)
        return print_statement(self.service, job, printer)

    def sign_on_screen(self) -> None:
        """Compose again (a changed statement becomes a new version, as for printing), then
        the signing dialog; the service records the choices and stores the signed PDF."""
        summary = self._selected()
        if summary is None:
            return
        service, statement_id = self.service, summary.id
        self._start(lambda _progress: service.prepare_screen_signing(statement_id),
                    self._open_signing, self.tr("De verklaring wordt klaargemaakt…"))

    def _open_signing(self, screen: ScreenStatement) -> None:
        from desktop_app.gui.consent.sign_on_screen import SignOnScreenDialog

        self._set_busy(False)
        self.message.hide()
        if screen.new_version:
            self.refresh()
            self.changed.emit()
        dialog = SignOnScreenDialog(self.service, screen,
                                    lambda: self.session.now().astimezone(), self)
        self.sign_dialog = dialog  # kept for tests and so it is not collected while open
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.sign_dialog = None
        if not accepted:
            if screen.new_version:
                self._say(self.tr("De verklaring was veranderd: er is een nieuwe versie {0} "
                                  "gemaakt. Die is nog niet getekend.").format(
                                      screen.document_number))
            return
        self._select(screen.statement_id)
        self._after_recording(self.tr("Getekend op het scherm, verklaring {0}:").format(
            screen.document_number))

    def _select(self, statement_id: str) -> None:
        ids = [s.id for s in self.summaries]
        if statement_id not in ids:
            self.refresh()
            ids = [s.id for s in self.summaries]
        if statement_id in ids:
            self.table.selectRow(ids.index(statement_id))

    def find_paper(self) -> None:
        """Print later: find the printed paper by its number or QR text, then record what is
        on it in the usual 'getekend' dialog."""
        typed = self.find_edit.text().strip()
        if not typed:
            self._say(self.tr("Typ het documentnummer van het papier, of scan de QR-code."),
                      error=True)
            self.find_edit.setFocus()
            return
        try:
            summary = self.service.paper_to_record(self.intake_id, typed)
        except MessageError as err:  # unknown, another intake's, not printed, mistyped
            self._say(error_text(err), error=True)
            self.find_edit.setFocus()
            return
        self.find_edit.clear()
        self._select(summary.id)
        self.record_signed(summary)

    def record_signed(self, chosen: StatementSummary | None = None) -> None:
        from desktop_app.gui.consent.consent_dialogs import SignedDialog

        summary = chosen if isinstance(chosen, StatementSummary) else self._selected()
        if summary is None:
            return
        # The dialog records through the service itself, so a refusal (the age on the signing
        # date, a date before the statement was made) is shown there and it stays open.
        dialog = SignedDialog(self.service, summary, self._today(), self)
        self.signed_dialog = dialog  # kept for tests and so it is not collected while open
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.signed_dialog = None
        if not accepted:
            return
        self._after_recording(self.tr("Vastgelegd voor verklaring {0}:").format(
            summary.document_number))

    def _after_recording(self, lead: str) -> None:
        """Refresh and say per item what the paper now allows."""
        selected = self.selected_id()
        self.refresh()
        fresh = self._selected() if selected else None
        if fresh is None:
            self._say(lead)
        else:
            lines = [self.item_line(fresh, i) for i in range(len(fresh.items))]
            self._say(lead + " " + "; ".join(lines) + ". " + self.tr(
                "Alleen een verzoek met 'toestemming gegeven' mag weg."))
        self.changed.emit()

    def record_refused(self) -> None:
        from desktop_app.gui.consent.consent_dialogs import RefusedDialog

        summary = self._selected()
        if summary is None:
            return
        dialog = RefusedDialog(self._today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._apply(lambda: self.service.record_refused(summary.id, dialog.refused_on(),
                                                        dialog.reason()),
                    self.tr("Vastgelegd: de inwoner weigert verklaring {0}. De verzoeken op "
                            "deze verklaring gaan niet weg.").format(summary.document_number))

    def record_withdrawn(self) -> None:
        from desktop_app.gui.consent.consent_dialogs import WithdrawnDialog

        summary = self._selected()
        if summary is None:
            return
        dialog = WithdrawnDialog(self.service, summary, self._today(), self)
        self.withdrawn_dialog = dialog  # kept for tests and so it is not collected while open
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.withdrawn_dialog = None
        if not accepted:
            return
        others = len([sid for sid in dialog.changed if sid != summary.id])
        lead = self.tr("Vastgelegd: ingetrokken op verklaring {0}.").format(
            summary.document_number)
        if others:
            lead += " " + self.tr("Ook op {0} andere verklaring(en) voor hetzelfde "
                                  "verzoek.").format(others)
        self._after_recording(lead)

    def _apply(self, action: Callable[[], None], done: str) -> None:
        try:
            action()
        except MessageError as err:  # ConsentProblem: not possible now, and why
            self._say(self.tr("Fout: ") + error_text(err), error=True)
            return
        self.refresh()
        self._say(done)
        self.changed.emit()
