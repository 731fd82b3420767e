"""The "Overdracht" tab: the gespreksverslag per section with a copy button, the report saved as
PDF, the transfer checklist, and destruction of the draft with its receipt (ZW-6).

Steps are numbered on screen in the order the worker does them. Destruction is only offered
after the transfer is confirmed, asks once, and shows what was destroyed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.disposal import empty_layout
from desktop_app.gui.shared.file_dialogs import folder_name, save_file_name
from desktop_app.gui.shared.i18n import current_language, error_text, text
from desktop_app.gui.shared.jobs import STORE, runner
from desktop_app.gui.system.clipboard import QtClipboardGuard, shared_guard
from desktop_app.messages import MessageError
from desktop_app.services.destruction import (
    STEP_LABELS,
    STEPS,
    DestructionResult,
    DestructionService,
)
from desktop_app.services.session import Session
from desktop_app.services.settings import SettingsService
from desktop_app.services.transfer import (
    CopySection,
    ExportedFile,
    TransferChecklist,
    TransferError,
    TransferNotReady,
    TransferService,
    TransferState,
    dossier_reference_problem,
)


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 14)
    layout.setSpacing(8)
    heading = wrapped_label(title, "sectionTitle")
    layout.addWidget(heading)
    return frame, layout


def _label(text: str, name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


class TransferPanel(QWidget):
    changed = Signal()
    ready_requested = Signal()  # "Klaar voor overdracht" from the concept notice
    destroyed_intake = Signal(str)  # receipt id: the lead closes the intake view
    destroying = Signal(bool)  # a destruction of this intake runs: the other tabs wait

    def __init__(self, session: Session, intake_id: str, lang: str | None = None, *,
                 clipboard: QtClipboardGuard | None = None,
                 report_builder: Callable | None = None) -> None:
        lang = lang or current_language()  # the UI language unless chosen
        super().__init__()
        self.setObjectName("transferPanel")
        self.session = session
        self.intake_id = intake_id
        self.lang = lang
        self.transfer = TransferService(session, report_builder)
        self.destruction = DestructionService(session)
        self.clipboard = clipboard or shared_guard()
        self.clipboard.cleared.connect(self._clipboard_cleared)
        # Where to save the PDF: replaced in tests (a modal file dialog cannot be typed into
        # reliably offscreen).
        self.choose_pdf_path: Callable[[], Path | None] = self._ask_pdf_path
        self.choose_folder: Callable[[], Path | None] = self._ask_folder
        self.result: DestructionResult | None = None
        self.busy = False  # a job of this intake runs (gui/shared/jobs.py)
        self._gone = False
        self.copy_buttons: list[QPushButton] = []
        self._sections: list[CopySection] = []

        title = _label(self.tr("Overdracht naar het dossier"), "title")
        intro = _label(self.tr(
            "Zet het verslag in het dossier: kopieer het per onderdeel of sla het op als pdf. "
            "Vink daarna de controlelijst af en bevestig de overdracht. Dan vernietig je het "
            "concept op deze laptop."), "hint")

        # -- 1. the report, section by section
        self.report_card, report_layout = _card(self.tr("1. Verslag kopiëren"))
        report_layout.addWidget(_label(self.tr(
            "Kopieer een onderdeel en plak het in het dossier. Het klembord wordt daarna "
            "vanzelf gewist."), "hint"))
        self.sections_box = QVBoxLayout()
        self.sections_box.setSpacing(6)
        report_layout.addLayout(self.sections_box)
        self.clipboard_status = _label("", "notice")
        self.clipboard_status.setAccessibleName(self.tr("Klembord"))
        self.clipboard_status.hide()
        report_layout.addWidget(self.clipboard_status)
        report_layout.addStretch(1)
        # After destruction the report is replaced by the receipt, in the same place.
        self.receipt_card, receipt_layout = _card(self.tr("Bewijs van vernietiging"))
        self.receipt_label = _label("")
        self.receipt_label.setAccessibleName(self.tr("Bewijs van vernietiging"))
        flags = Qt.TextInteractionFlag
        self.receipt_label.setTextInteractionFlags(flags.TextSelectableByMouse
                                                   | flags.TextSelectableByKeyboard)
        self.receipt_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        receipt_layout.addWidget(self.receipt_label)
        self.receipt_files = _label("")
        self.receipt_files.setAccessibleName(self.tr("Opgeslagen bestanden"))
        receipt_layout.addWidget(self.receipt_files)
        self.receipt_note = _label(self.tr(
            "Dit bewijs staat ook in het logboek. Het bevat geen inhoud, alleen wat en hoeveel "
            "er is vernietigd."), "hint")
        receipt_layout.addWidget(self.receipt_note)
        receipt_layout.addStretch(1)
        self.receipt_card.hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.report_card)
        left_layout.addWidget(self.receipt_card)
        report_scroll = QScrollArea()
        report_scroll.setWidgetResizable(True)
        report_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Long check box texts at a large font: scroll sideways rather than cut them.
        report_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        report_scroll.setWidget(left)

        # -- 2. save as PDF
        self.pdf_card, pdf_layout = _card(self.tr("2. Verslag opslaan (als je dat nodig hebt)"))
        pdf_layout.addWidget(_label(self.tr(
            "Let op: een pdf-bestand is niet versleuteld. Bewaar het alleen zolang nodig. Het "
            "programma onthoudt waar het staat en wist het bij het vernietigen van het "
            "concept."), "hint"))
        self.save_pdf_button = QPushButton(self.tr("Verslag op&slaan als pdf…"))
        self.save_pdf_button.setAccessibleName(self.tr("Verslag opslaan als pdf"))
        self.save_pdf_button.clicked.connect(self.save_pdf)
        pdf_row = QHBoxLayout()
        pdf_row.addWidget(self.save_pdf_button)
        pdf_row.addStretch(1)
        pdf_layout.addLayout(pdf_row)
        # A statement or the verslag voor de inwoner signed on the screen exists only in this
        # store: without a PDF in the dossier, destruction would take the proof with it (AVG
        # art. 7 lid 1; Wmo 2015 art. 2.3.2 lid 8).
        self.signed_hint = _label(self.tr(
            "Er is op het scherm getekend. Zet wat getekend is als pdf in het dossier: anders "
            "is er na het vernietigen geen bewijs meer."), "notice")
        self.save_signed_button = QPushButton(self.tr(
            "Op het scherm getekende stukken opslaan als pdf…"))
        self.save_signed_button.setAccessibleName(self.tr(
            "Op het scherm getekende stukken opslaan als pdf"))
        self.save_signed_button.clicked.connect(self.save_signed)
        signed_row = QHBoxLayout()
        signed_row.addWidget(self.save_signed_button)
        signed_row.addStretch(1)
        pdf_layout.addWidget(self.signed_hint)
        pdf_layout.addLayout(signed_row)
        self.files_label = _label("", "hint")
        self.files_label.setAccessibleName(self.tr("Opgeslagen bestanden"))
        pdf_layout.addWidget(self.files_label)

        # -- 3. checklist
        self.check_card, check_layout = _card(self.tr("3. Controlelijst overdracht"))
        reference_label = _label(self.tr("&Dossiernummer (verplicht)"), wrap=False)
        self.reference_edit = QLineEdit()
        self.reference_edit.setAccessibleName(self.tr("Dossiernummer"))
        self.reference_edit.setPlaceholderText(self.tr("bijvoorbeeld TOP-2026-00417"))
        self.reference_edit.setMaxLength(60)
        reference_label.setBuddy(self.reference_edit)
        self.reference_hint = _label(self.tr(
            "Het nummer van het dossier in het dossiersysteem. Niet het BSN."), "hint")
        self.report_check = QCheckBox(self.tr("Het ve&rslag staat in het dossier"))
        self.consent_check = QCheckBox(self.tr(
            "Getekende &toestemmingsverklaringen zijn gescand"))
        self.paper_check = QCheckBox(self.tr(
            "Mijn &papieren aantekeningen zijn versnipperd"))
        for box in (self.report_check, self.consent_check, self.paper_check):
            box.setAccessibleName(box.text().replace("&", ""))
            box.toggled.connect(self._update_buttons)
        self.reference_edit.textChanged.connect(self._update_buttons)
        self.check_error = _label("", "error")
        self.check_error.setAccessibleName(self.tr("Controlelijst"))
        self.check_error.hide()
        self.confirm_button = QPushButton(self.tr("Be&vestig overdracht"))
        self.confirm_button.setObjectName("primary")
        self.confirm_button.setAccessibleName(self.tr("Bevestig overdracht"))
        self.confirm_button.clicked.connect(self.confirm_transfer)
        self.transferred_label = _label("", "notice")
        self.transferred_label.setAccessibleName(self.tr("Overdracht"))
        self.transferred_label.hide()
        for widget in (reference_label, self.reference_edit, self.reference_hint,
                       self.report_check, self.consent_check, self.paper_check,
                       self.check_error):
            check_layout.addWidget(widget)
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm_button)
        confirm_row.addStretch(1)
        check_layout.addLayout(confirm_row)
        check_layout.addWidget(self.transferred_label)

        # -- 4. destroy
        self.destroy_card, destroy_layout = _card(self.tr("4. Concept vernietigen"))
        self.destroy_hint = _label(self.tr(
            "Vernietigen wist alles van deze intake op deze laptop: antwoorden, aantekeningen, "
            "gegevensverzoeken, toestemmingsverklaringen en opgeslagen bestanden. Daarna "
            "wordt de sleutel van de opslag vervangen, zodat ook oude kopieën onleesbaar "
            "zijn. Dit kan niet ongedaan worden gemaakt."), "hint")
        self.destroy_button = QPushButton(self.tr("&Vernietig concept…"))
        self.destroy_button.setAccessibleName(self.tr("Vernietig concept"))
        self.destroy_button.clicked.connect(self.ask_destroy)
        self.progress = QProgressBar()
        self.progress.setRange(0, len(STEPS))
        self.progress.setAccessibleName(self.tr("Voortgang vernietigen"))
        self.progress.setFormat(self.tr("%v van %m stappen"))
        self.progress.hide()
        self.progress_label = _label("", "hint")
        self.progress_label.hide()
        destroy_layout.addWidget(self.destroy_hint)
        destroy_row = QHBoxLayout()
        destroy_row.addWidget(self.destroy_button)
        destroy_row.addStretch(1)
        destroy_layout.addLayout(destroy_row)
        destroy_layout.addWidget(self.progress)
        destroy_layout.addWidget(self.progress_label)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(12)
        for card in (self.pdf_card, self.check_card, self.destroy_card):
            right_layout.addWidget(card)
        right_layout.addStretch(1)
        right_scroll = QScrollArea()
        right_scroll.setWidgetResizable(True)
        right_scroll.setFrameShape(QFrame.Shape.NoFrame)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        right_scroll.setWidget(right)

        # While the intake is a concept: transfer only from klaar voor overdracht (issue 19);
        # the notice says why and offers the step that checks what is missing.
        self.not_ready_card, not_ready_layout = _card(self.tr("Eerst klaar voor overdracht"))
        self.not_ready_card.setAccessibleName(self.tr("Eerst klaar voor overdracht"))
        self.not_ready_label = _label(
            text(TransferNotReady().message) + "\n" + self.tr(
                "Kies hieronder Klaar voor overdracht. Het programma kijkt dan of alles is "
                "ingevuld en laat zien wat nog ontbreekt."), "notice")
        not_ready_layout.addWidget(self.not_ready_label)
        # No letter of its own: Alt+K is the same step in the header above.
        self.ready_button = QPushButton(self.tr("Klaar voor overdracht…"))
        self.ready_button.setObjectName("primary")
        self.ready_button.setAccessibleName(self.tr("Klaar voor overdracht"))
        self.ready_button.clicked.connect(self.ready_requested.emit)
        ready_row = QHBoxLayout()
        ready_row.addWidget(self.ready_button)
        ready_row.addStretch(1)
        not_ready_layout.addLayout(ready_row)
        self.not_ready_card.hide()

        self.columns = QWidget()
        columns = QHBoxLayout(self.columns)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(16)
        columns.addWidget(report_scroll, 5)
        columns.addWidget(right_scroll, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.not_ready_card)
        layout.addWidget(self.columns, 1)
        self._not_ready_stretch = QWidget()
        layout.addWidget(self._not_ready_stretch, 1)
        self.refresh()

    # -- state -------------------------------------------------------------------------------
    def _state(self) -> TransferState | None:
        try:
            return self.transfer.state(self.intake_id)
        except KeyError:
            return None

    def refresh(self) -> None:
        state = self._state()
        if state is None:
            self._show_gone()
            return
        # A concept: nothing of the transfer is offered, the notice says what to do first.
        self.not_ready_card.setVisible(not state.ready)
        self._not_ready_stretch.setVisible(not state.ready)
        self.columns.setVisible(state.ready)
        if not state.ready:
            return
        if not self._sections:
            self._load_sections()
        exported = self.transfer.exported_files(self.intake_id)
        self.files_label.setText(
            self.tr("Opgeslagen en bijgehouden:") + "\n" + "\n".join(f"• {p}" for p in exported)
            if exported else self.tr("Nog geen pdf opgeslagen."))
        done = state.transferred
        signed = state.signed_statements
        for widget in (self.signed_hint, self.save_signed_button):
            widget.setVisible(state.signed_pdfs > 0)
        self.save_signed_button.setEnabled(not done and not self.busy)
        # The verslag voor de inwoner signed on the screen counts too (services/transfer.py
        # `signed_documents`): without its PDF in the dossier, destruction takes it.
        report_signed = state.resident_report_signed > 0
        self.consent_check.setEnabled(not done and state.signed_documents > 0)
        # The panel outlives a statement signed after it was built: the text follows the count
        # every time, so a signed statement is never called "geen".
        if report_signed and signed == 0:
            consent_text = self.tr(
                "Het ge&tekende verslag voor de inwoner staat als pdf in het dossier")
        elif report_signed:
            consent_text = self.tr(
                "De {0} getekende &toestemmingsverklaringen en het verslag voor de inwoner "
                "staan in het dossier (gescand of pdf)").format(signed)
        elif signed == 0:
            consent_text = self.tr("Geen getekende &toestemmingsverklaringen: niets te scannen")
            self.consent_check.setChecked(done)
        elif signed == 1 and state.screen_signed == 1:
            consent_text = self.tr(
                "De getekende &toestemmingsverklaring staat als pdf in het dossier")
        elif state.screen_signed:
            consent_text = self.tr(
                "De {0} &toestemmingsverklaringen staan in het dossier (gescand of pdf)").format(
                    signed)
        elif signed == 1:
            consent_text = self.tr(
                "De getekende &toestemmingsverklaring is gescand en in het dossier gezet")
        else:
            consent_text = self.tr(
                "De {0} getekende &toestemmingsverklaringen zijn gescand en in het dossier "
                "gezet").format(signed)
        self.consent_check.setText(consent_text)
        self.consent_check.setAccessibleName(consent_text.replace("&", ""))
        for widget in (self.reference_edit, self.report_check, self.paper_check):
            widget.setEnabled(not done)
        if done:
            self.reference_edit.setText(state.dossier_reference or "")
            for box in (self.report_check, self.consent_check, self.paper_check):
                box.setChecked(True)
            when = state.transferred_at.astimezone().strftime("%d-%m-%Y %H:%M") \
                if state.transferred_at else ""
            self.transferred_label.setText(self.tr(
                "Overgedragen naar dossier {0} op {1}.").format(state.dossier_reference, when))
            self.transferred_label.show()
            self.check_error.hide()
        else:
            self.transferred_label.hide()
        self.confirm_button.setVisible(not done)
        problem = self.destruction.problem(self.intake_id)
        self.destroy_button.setEnabled(problem is None)
        self.destroy_button.setToolTip(text(problem) if problem else "")
        self._update_buttons()

    def _load_sections(self) -> None:
        try:
            self._sections = self.transfer.sections(self.intake_id)
        except (MessageError, ValueError, KeyError) as err:
            message = (error_text(err) if isinstance(err, MessageError) else None) or self.tr(
                "Het verslag kon niet worden gemaakt. Controleer de antwoorden op het "
                "tabblad Gesprek.")
            self.sections_box.addWidget(_label(self.tr("Let op: ") + message, "error"))
            return
        for section in self._sections:
            box = QFrame()
            box.setObjectName("transferSection")
            box.setStyleSheet("QFrame#transferSection { background: #f6f7f9; border: 1px "
                              "solid #e0e3e8; border-radius: 6px; }")
            inner = QVBoxLayout(box)
            inner.setContentsMargins(12, 8, 12, 10)
            head = QHBoxLayout()
            name = QLabel(f"<b>{_escape(section.title)}</b>")
            name.setWordWrap(True)
            # The gespreksverslag is a document for the (Dutch) dossier, pasted as it is: its
            # titles and text are not UI text and stay in the document's language.
            name.setProperty("documentText", True)
            button = QPushButton(self.tr("Kopieer"))
            button.setAccessibleName(self.tr("Kopieer onderdeel {0}").format(section.title))
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, s=section: self.copy_section(s))
            head.addWidget(name, 1)
            head.addWidget(button)
            inner.addLayout(head)
            body = _label(section.text)
            body.setTextFormat(Qt.TextFormat.PlainText)
            body.setAccessibleName(section.title)
            body.setProperty("documentText", True)
            inner.addWidget(body)
            self.sections_box.addWidget(box)
            self.copy_buttons.append(button)

    def _update_buttons(self) -> None:
        state = self._state()
        if state is None or state.transferred or not state.ready:
            return
        ticked = (self.report_check.isChecked() and self.paper_check.isChecked()
                  and (self.consent_check.isChecked() or state.signed_documents == 0))
        reference_ok = dossier_reference_problem(self.reference_edit.text()) is None
        # The button stays enabled so that pressing it explains what is missing.
        self.confirm_button.setProperty("ready", ticked and reference_ok)

    # -- actions -----------------------------------------------------------------------------
    def copy_section(self, section: CopySection) -> None:
        seconds = float(SettingsService(self.session).clipboard_seconds())
        self.clipboard.copy(section.text, seconds)
        self.clipboard_status.setText(self.tr(
            "Gekopieerd: {0}. Plak het in het dossier. Het klembord wordt over {1} seconden "
            "gewist.").format(section.title, int(seconds)))
        self.clipboard_status.show()

    def _clipboard_cleared(self, cleared: bool) -> None:
        if self.clipboard_status.isVisible():
            self.clipboard_status.setText(
                self.tr("Het klembord is gewist.") if cleared else
                self.tr("Het klembord bevat iets anders; dat is niet gewist."))

    def clear_clipboard_now(self) -> bool:
        """For lock/quit (the lead may also call gui.transfer_clipboard.clear_clipboard_now)."""
        return self.clipboard.clear_now()

    def _ask_pdf_path(self) -> Path | None:
        # The suggested name never contains the resident's name: a file name is visible in
        # folders, recent-file lists and backups.
        chosen = save_file_name(self, self.tr("Verslag opslaan als pdf"), "gespreksverslag.pdf",
                                self.tr("PDF-bestanden (*.pdf)"))
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def save_pdf(self) -> None:
        path = self.choose_pdf_path()
        if path is None:
            return
        transfer, intake_id = self.transfer, self.intake_id
        # Building the report and writing the file: on a worker thread (gui/shared/jobs.py).
        job = runner().start({intake_id}, lambda _progress: transfer.export_report_pdf(
            intake_id, path), owner=self, on_done=self._pdf_saved, on_error=self._pdf_failed)
        if job is None:
            self._busy_elsewhere()
            return
        self._set_busy(True)
        self.files_label.setText(self.tr("Bezig met opslaan…"))

    def _ask_folder(self) -> Path | None:
        chosen = folder_name(self, self.tr("Map voor de getekende stukken"))
        return Path(chosen) if chosen else None

    def save_signed(self) -> None:
        folder = self.choose_folder()
        if folder is None:
            return
        transfer, intake_id = self.transfer, self.intake_id
        job = runner().start({intake_id}, lambda _progress: transfer.export_screen_signed(
            intake_id, folder), owner=self, on_done=self._signed_saved,
            on_error=self._pdf_failed)
        if job is None:
            self._busy_elsewhere()
            return
        self._set_busy(True)
        self.files_label.setText(self.tr("Bezig met opslaan…"))

    def _signed_saved(self, saved: list[ExportedFile]) -> None:
        self._set_busy(False)
        self.refresh()
        self.files_label.setText(self.tr("Opgeslagen: {0}").format(
            ", ".join(str(f.path) for f in saved)))
        self.changed.emit()

    def _pdf_saved(self, saved: ExportedFile) -> None:
        self._set_busy(False)
        self.files_label.setText(self.tr("Opgeslagen: {0}").format(saved.path))
        self.refresh()
        self.changed.emit()

    def _pdf_failed(self, err: MessageError) -> None:
        self._set_busy(False)
        self.refresh()
        QMessageBox.warning(self, self.tr("Niet opgeslagen"), error_text(err))

    def _set_busy(self, busy: bool) -> None:
        """While a job of this intake runs, no second action on it can start."""
        self.busy = busy
        for widget in (self.save_pdf_button, self.save_signed_button, self.confirm_button,
                       self.destroy_button, *self.copy_buttons):
            widget.setEnabled(not busy)

    def _busy_elsewhere(self) -> None:
        self.progress_label.setText(self.tr(
            "Even wachten: het programma is nog bezig met deze intake of met een "
            "sleutelwijziging."))
        self.progress_label.show()

    def _checklist(self) -> TransferChecklist:
        return TransferChecklist(self.reference_edit.text(), self.report_check.isChecked(),
                                 self.consent_check.isChecked(), self.paper_check.isChecked())

    def _show_check_error(self, message: str) -> None:
        self.check_error.setText(self.tr("Let op: ") + message)
        self.check_error.show()
        self.reference_edit.setFocus()

    def confirm_transfer(self) -> None:
        try:
            self.transfer.confirm_transfer(self.intake_id, self._checklist())
        except TransferError as err:  # what is still missing, next to the checklist
            self._show_check_error(" ".join(text(p) for p in err.problems))
            return
        except MessageError as err:
            self._show_check_error(error_text(err))
            return
        self.refresh()
        self.changed.emit()
        minutes = SettingsService(self.session).destroy_after_minutes()
        if minutes <= 0:
            self.ask_destroy()
        else:
            self.destroy_hint.setText(self.tr(
                "Het concept wordt over {0} minuten vanzelf vernietigd. Je kunt het ook nu "
                "vernietigen.").format(minutes))
            self.destroy_button.setFocus()

    def ask_destroy(self) -> None:
        if self.destruction.problem(self.intake_id) is not None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Concept vernietigen"))
        box.setText(self.tr("Wil je het concept van deze intake nu vernietigen?"))
        box.setInformativeText(self.tr(
            "Alles van deze intake wordt van de laptop gewist, ook opgeslagen pdf-bestanden. "
            "Dit kan niet ongedaan worden gemaakt. Het dossier zelf verandert niet."))
        destroy = box.addButton(self.tr("&Vernietigen"), QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton(self.tr("&Niet nu"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(later)
        box.setEscapeButton(later)
        # Destroying stores a new device secret: the keyring helper starts while the worker
        # reads the question.
        self.destruction.session.prepare_keyring()
        box.exec()
        if box.clickedButton() is destroy:
            self.destroy_now()
        else:
            self.destroy_button.setFocus()

    def destroy_now(self) -> None:
        """Destroy on a worker thread (the store is rewritten under a new key: seconds for a
        large store); the window stays responsive and shows each step as it is done."""
        self.clipboard.clear_now()  # DESIGN step 4: the clipboard is cleared too
        destruction, intake_id = self.destruction, self.intake_id
        job = runner().start({STORE, intake_id},
                             lambda progress: destruction.destroy(intake_id, progress),
                             owner=self, on_done=self._destroyed,
                             on_error=self._destroy_failed, on_progress=self._step_done)
        if job is None:
            self._busy_elsewhere()
            return
        self._set_busy(True)
        self.destroying.emit(True)
        self.progress.setValue(0)
        self.progress.show()
        self._progress_style("hint")
        self.progress_label.setText(self.tr("Bezig met vernietigen…"))
        self.progress_label.show()

    def _step_done(self, step: object) -> None:
        if step in STEPS:
            self.progress.setValue(STEPS.index(step) + 1)  # type: ignore[arg-type]
            self.progress_label.setText(text(STEP_LABELS[step]))  # type: ignore[index]

    def _destroy_failed(self, err: MessageError) -> None:
        self._set_busy(False)
        self.destroying.emit(False)
        message = self.tr("Let op: ") + error_text(err)
        # The panel may not be readable again (a damaged store: the main window's banner says
        # what to do); what went wrong stays in view all the same.
        with contextlib.suppress(MessageError):
            self.refresh()
        self.progress_label.setText(message)
        self._progress_style("error")
        self.progress_label.show()

    def _progress_style(self, name: str) -> None:
        self.progress_label.setObjectName(name)
        self.progress_label.style().unpolish(self.progress_label)
        self.progress_label.style().polish(self.progress_label)

    def _destroyed(self, result: DestructionResult) -> None:
        self._set_busy(False)
        self.result = result
        self._show_receipt(result)
        # Not `changed`: the other tabs would reload an intake that no longer exists. The lead
        # closes the whole intake view on this signal (its widgets still hold the answers).
        self.destroyed_intake.emit(result.receipt.id)

    # -- after destruction -------------------------------------------------------------------
    def _show_receipt(self, result: DestructionResult) -> None:
        self.progress.setValue(len(STEPS))
        self.progress_label.setText(self.tr("Klaar."))
        lines = [self.tr("Het concept is vernietigd. Er staat niets meer van op deze laptop; "
                         "ook het klembord is gewist."), "",
                 *(text(line) for line in result.receipt.summary_lines())]
        self.receipt_label.setText("\n".join(lines))
        self.receipt_files.setText("\n".join(text(f.message) for f in result.files))
        self.receipt_files.setVisible(bool(result.files))
        self._show_gone()
        self.receipt_label.setFocus()
        # The confirm dialog has just closed; when the window is active again Qt restores the
        # old focus, so the receipt takes it once more after that (screen readers read it).
        QTimer.singleShot(0, self.receipt_label, self.receipt_label.setFocus)

    def _show_gone(self) -> None:
        """The intake no longer exists: nothing of its content may stay on screen."""
        if self._gone:
            return
        self._gone = True
        self.not_ready_card.hide()
        self._not_ready_stretch.hide()
        self.columns.show()
        self._sections = []
        empty_layout(self.sections_box)
        self.copy_buttons = []
        self.clipboard_status.hide()
        self.files_label.setText("")
        self.reference_edit.clear()
        for card in (self.report_card, self.pdf_card, self.check_card):
            card.hide()
        self.destroy_button.hide()
        self.destroy_hint.hide()
        if self.result is None:
            self.receipt_label.setText(self.tr(
                "Deze intake is vernietigd. Het bewijs staat in het logboek."))
            self.receipt_files.hide()
        self.receipt_card.show()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
