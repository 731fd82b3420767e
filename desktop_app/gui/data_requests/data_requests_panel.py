"""The data requests of one intake (gegevensverzoeken): every request with its status and the
outcome in plain Dutch, and the actions on it: new request, change, weigh (again), record the
oral consent, mark as sent; afterwards, record that the resident was told (ZU-A4B: a reminder
shows once the chosen date has come) and what the organisation answered. A request that may
not be sent yet shows why, in words."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.data_requests import Status
from desktop_app.domain.vocabulary import Basis, Direction
from desktop_app.gui.data_requests.common import LOCAL_STYLE, STATUS_COLOURS
from desktop_app.gui.data_requests.data_request_dialog import DataRequestDialog
from desktop_app.gui.data_requests.informing_dialog import InformingDialog
from desktop_app.gui.data_requests.response_dialog import ResponseDialog
from desktop_app.gui.data_requests.weighing_wizard import WeighingWizard
from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.flow_layout import flow_row
from desktop_app.gui.shared.i18n import current_language, error_text, text
from desktop_app.gui.shared.screen_fit import remember_splitter
from desktop_app.messages import MessageError
from desktop_app.services.data_requests import DataRequestRow, DataRequestService
from desktop_app.services.records import local_today
from desktop_app.services.session import Session

COLUMNS = 5  # organisation, direction, basis, status, outcome
TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class DataRequestsPanel(QWidget):
    """Panel of the intake screen (see gui/intake/intake_tabs.py)."""

    changed = Signal()

    def __init__(self, session: Session, intake_id: str, lang: str | None = None,
                 service: DataRequestService | None = None) -> None:
        lang = lang or current_language()  # the UI language unless chosen
        super().__init__()
        self.setObjectName("dataRequestsPanel")
        self.setStyleSheet(LOCAL_STYLE)
        self.session = session
        self.intake_id = intake_id
        self.lang = lang
        self.service = service or DataRequestService(session)
        self.rows: list[DataRequestRow] = []

        title = QLabel(self.tr("Gegevensverzoeken"))
        title.setObjectName("sectionTitle")
        self.intro = wrapped_label(name="hint")

        self.new_button = QPushButton(self.tr("&Nieuw verzoek"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(lambda: self.new_request())
        self.edit_button = QPushButton(self.tr("Verzoek &wijzigen"))
        self.edit_button.clicked.connect(self.edit_request)
        self.weigh_button = QPushButton(self.tr("&Afwegen"))
        self.weigh_button.clicked.connect(self.weigh)
        self.consent_button = QPushButton(self.tr("&Mondelinge toestemming vastleggen"))
        self.consent_button.clicked.connect(self.record_consent)
        self.send_button = QPushButton(self.tr("Markeren als &verstuurd"))
        self.send_button.clicked.connect(self.mark_sent)
        # After sending: shown only for the request they belong to.
        self.informed_after_button = QPushButton(self.tr("&Inwoner is achteraf geïnformeerd"))
        self.informed_after_button.clicked.connect(self.record_informed_afterwards)
        self.response_button = QPushButton(self.tr("Antwoo&rd vastleggen…"))
        self.response_button.clicked.connect(self.record_response)
        action_buttons = [self.new_button, self.edit_button, self.weigh_button,
                          self.consent_button, self.send_button, self.informed_after_button,
                          self.response_button]
        for button in action_buttons:
            button.setAutoDefault(False)
        # Wraps at a large font instead of forcing a wide window.
        actions = flow_row(action_buttons)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setAccessibleName(self.tr("Gegevensverzoeken van deze intake"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Organisatie"), self.tr("Richting"), self.tr("Grondslag"),
            self.tr("Status"), self.tr("Uitkomst"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.verticalHeader().setVisible(False)
        title.setBuddy(self.table)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        # Wrapped outcomes need the final column widths before rows can be fitted.
        header.sectionResized.connect(lambda *_args: self._schedule_fit())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.weigh())

        # ZU-A4B: a reminder for the whole intake, whichever request is selected.
        self.due_notice = wrapped_label(name="reason")
        self.due_notice.setAccessibleName(self.tr("Herinnering"))
        self.due_notice.hide()

        self.empty = QLabel(self.tr(
            "Nog geen gegevensverzoeken. Kies 'Nieuw verzoek' om er een te maken."))
        self.empty.setObjectName("hint")

        # -- details of the selected request
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAccessibleName(self.tr("Details van het verzoek"))
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = wrapped_label(name="reason")
        self.reason.setAccessibleName(self.tr("Waarom het verzoek nog niet weg kan"))
        # ZU-A4B: the day to tell the resident has come.
        self.reminder = wrapped_label(name="reason")
        self.reminder.setAccessibleName(self.tr("Herinnering"))
        self.error = wrapped_label(name="error")
        self.error.hide()
        card = QFrame()
        card.setObjectName("card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(16, 12, 16, 12)
        card_layout.addWidget(self.reminder)
        card_layout.addWidget(self.details)
        card_layout.addWidget(self.reason)
        card_layout.addStretch(1)
        # The details scroll, so at a large font the table keeps room for its rows.
        self.card = QScrollArea()
        self.card.setWidgetResizable(True)
        self.card.setFrameShape(QFrame.Shape.NoFrame)
        self.card.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.card.setWidget(card)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        remember_splitter(self.splitter, "gegevensverzoeken")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(self.intro)
        layout.addWidget(actions)
        layout.addWidget(self.error)
        layout.addWidget(self.due_notice)
        layout.addWidget(self.empty)
        layout.addWidget(self.splitter, 1)
        self.refresh()

    # -- texts ------------------------------------------------------------------------------
    @staticmethod
    def status_text(status: Status) -> str:
        return text(status.label)

    def organisation_text(self, row: DataRequestRow) -> str:
        """'Huisartsenpraktijk De Linde (Huisarts)': the real name first, the kind in brackets
        (the kind decides the rules, the name is what the resident agrees to)."""
        kind = row.request.organisation.name.get(self.lang)
        named = row.request.organisation_named
        if not named or named.casefold() == kind.casefold():
            return kind
        return f"{named} ({kind})"

    # -- state ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload from the store: a signed or withdrawn statement changes statuses."""
        selected = self.selected_row()
        keep = selected.id if selected else None
        try:
            protocol = self.service.protocol()
            # Since issue 15 the signature rule is about requesting: giving data, or an
            # exception the weighing records, needs no signature from the resident.
            self.intro.setText(self.tr(
                "Maak voor elk verzoek een afweging (protocol: {0}). Opvragen bij een "
                "organisatie met beroepsgeheim kan pas met een getekende "
                "toestemmingsverklaring, behalve bij een uitzondering.").format(
                    protocol.title.get(self.lang)))
            self.rows = self.service.list_requests(self.intake_id)
        except MessageError as error:  # a broken protocol or catalogue file, a bad setting
            self._show_error(error_text(error))
            self.rows = []
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            request = row.request
            cells = (
                self.organisation_text(row),
                text(request.direction.label),
                text(request.basis.label),
                self.status_text(row.status),
                text(row.summary),
            )
            for column, cell in enumerate(cells):
                item = QTableWidgetItem(cell)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                item.setToolTip(cell)
                # Top-aligned: in a row made tall by a long outcome (large fonts) every cell
                # starts on the first line instead of floating in the middle.
                item.setTextAlignment(TOP_LEFT)
                if column == 3:
                    item.setBackground(QColor(STATUS_COLOURS[row.status]))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(index, column, item)
        self._schedule_fit()
        today = local_today(self.session)
        due = [row for row in self.rows if row.request.inform_after_due(today)]
        self.due_notice.setText(self.tr(
            "Herinnering: vertel de inwoner nu achteraf over het verzoek aan of van {0}. Kies "
            "het verzoek in de lijst.").format("; ".join(
                r.request.organisation_named or r.request.organisation.name.get(self.lang)
                for r in due)))
        self.due_notice.setVisible(bool(due))
        has_rows = bool(self.rows)
        self.empty.setVisible(not has_rows)
        self.table.setVisible(has_rows)
        self.card.setVisible(has_rows)
        target = next((i for i, r in enumerate(self.rows) if r.id == keep), 0 if has_rows else -1)
        if target >= 0:
            self.table.selectRow(target)
        self._selection_changed()

    def _fit_columns(self) -> None:
        """Column widths and the table's minimum height (three rows) from the font, so they
        grow with a large system font."""
        metrics = self.table.fontMetrics()
        title_metrics = self.table.horizontalHeader().fontMetrics()
        char = metrics.averageCharWidth()
        for column, chars in ((0, 22), (1, 11), (2, 10), (3, 15)):
            title = self.table.horizontalHeaderItem(column).text()
            self.table.setColumnWidth(column, max(char * chars,
                                                  title_metrics.horizontalAdvance(title) + 36))
        row = metrics.height() + 12
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + 3 * row + 2 * self.table.frameWidth())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()

    def _schedule_fit(self) -> None:
        # With the table as context: the timer dies with it when the intake view is closed
        # (a lock) before it fires.
        QTimer.singleShot(0, self.table, self.table.resizeRowsToContents)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule_fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule_fit()

    def selected_row(self) -> DataRequestRow | None:
        selected = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        if not selected:
            return None
        index = selected[0].row()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def select_request(self, request_id: str) -> None:
        for index, row in enumerate(self.rows):
            if row.id == request_id:
                self.table.selectRow(index)
                return

    def _selection_changed(self) -> None:
        row = self.selected_row()
        sent = row is not None and row.request.sent_at is not None
        weighed = row is not None and row.request.current_weighing is not None
        valid = row.request.valid_weighing if row is not None else None
        ends = valid is not None and valid.outcome_kind is not None and \
            valid.outcome_kind.ends_request
        self.edit_button.setEnabled(row is not None and not sent)
        self.weigh_button.setEnabled(row is not None and not sent)
        self.weigh_button.setText(self.tr("Opnieuw &afwegen") if weighed
                                  else self.tr("&Afwegen"))
        self.consent_button.setEnabled(valid is not None and not sent and not ends)
        # Toetsing is informed, not asked (AVG art. 7 lid 4): the button says what it records.
        toetsing = row is not None and row.request.basis is Basis.TOETSING
        self.consent_button.setText(self.tr("Infor&meren vastleggen") if toetsing
                                    else self.tr("&Mondelinge toestemming vastleggen"))
        self.send_button.setEnabled(row is not None and row.can_send)
        # The worker may tell the resident before the planned day too; the reminder shows
        # from that day on.
        self.informed_after_button.setVisible(row is not None
                                              and row.request.inform_after is not None)
        self.response_button.setVisible(sent)
        reminder = self.reminder_text(row) if row is not None else ""
        self.reminder.setText(reminder)
        self.reminder.setVisible(bool(reminder))
        if row is None:
            self.details.clear()
            self.reason.hide()
            self.send_button.setToolTip("")
            return
        self.details.setText(self._details_html(row))
        if row.can_send or sent:
            self.reason.hide()
            self.send_button.setToolTip("")
        else:
            # The reason is visible text, not only a tooltip: a disabled button alone does not
            # tell the worker what to do next.
            self.reason.setText(self.tr("Nog niet versturen: {0}").format(text(row.reason)))
            self.reason.show()
            self.send_button.setToolTip(text(row.reason))

    def reminder_text(self, row: DataRequestRow) -> str:
        """"Vertel de inwoner achteraf dat ..., gepland op <date>" once that date has come."""
        request = row.request
        due = request.inform_after
        if due is None or not request.inform_after_due(local_today(self.session)):
            return ""
        who = request.organisation_named or request.organisation.in_sentence.get(self.lang)
        day = due.strftime("%d-%m-%Y")
        if request.direction is Direction.REQUEST_FROM:
            return self.tr("Vertel de inwoner achteraf dat je gegevens hebt opgevraagd bij {0}, "
                           "gepland op {1}. Of kijk opnieuw of de reden om het niet te "
                           "vertellen nog geldt.").format(who, day)
        return self.tr("Vertel de inwoner achteraf dat je gegevens hebt gedeeld met {0}, "
                       "gepland op {1}. Of kijk opnieuw of de reden om het niet te vertellen "
                       "nog geldt.").format(who, day)

    def _details_html(self, row: DataRequestRow) -> str:
        request = row.request
        esc = html.escape
        items = "".join(f"<li>{esc(item)}</li>" for item in request.items)
        # Outside the f-strings: pyside6-lupdate only finds tr() calls with double quotes.
        label = {"request": esc(self.tr("Verzoek")), "secrecy": esc(self.tr("Beroepsgeheim")),
                 "purpose": esc(self.tr("Doel")), "items": esc(self.tr("Gegevens")),
                 "basis": esc(self.tr("Grondslag")), "status": esc(self.tr("Status")),
                 "weighings": esc(self.tr("Afwegingen")),
                 "named": esc(self.tr("Naam")),
                 "consent": esc(self.tr("Toestemmingsverklaring"))}
        named = (esc(request.organisation_named) if request.organisation_named
                 else esc(self.tr("nog niet ingevuld")))
        parts = [
            f"<p style='margin:0'><b>{label['request']}:</b> "
            f"{esc(text(request.direction.phrase))} "
            f"{esc(request.organisation.in_sentence.get(self.lang))}. "
            f"{label['secrecy']}: {esc(text(request.organisation.secrecy))}.</p>",
            f"<p style='margin:4px 0 0 0'><b>{label['named']}:</b> {named}</p>",
            f"<p style='margin:4px 0 0 0'><b>{label['purpose']}:</b> "
            f"{esc(request.purpose)}</p>",
            f"<p style='margin:4px 0 0 0'><b>{label['items']}:</b></p>"
            f"<ul style='margin-top:0;margin-left:-20px'>{items}</ul>",
            f"<p style='margin:0'><b>{label['basis']}:</b> "
            f"{esc(text(request.basis.label))}. {esc(text(request.basis.refusal))}</p>",
            f"<p style='margin:4px 0 0 0'><b>{label['status']}:</b> "
            f"{esc(self.status_text(row.status))}. {esc(text(row.summary))}</p>",
            f"<p style='margin:4px 0 0 0'><b>{label['consent']}:</b> "
            f"{esc(text(row.consent.label))}</p>",
        ]
        if request.weighings:
            versions = []
            for weighing in reversed(request.weighings):
                outcome = weighing.outcome_text
                moment = weighing.recorded_at.astimezone().strftime("%d-%m-%Y %H:%M")
                outcome_label = (text(weighing.outcome_kind.message) if weighing.outcome_kind
                                 else "")
                current = ""
                if weighing is request.valid_weighing:
                    current = " " + self.tr("(geldt nu)")
                versions.append(
                    "<li>" + esc(self.tr("Versie {0}, {1}, protocol {2} versie {3}: {4}").format(
                        weighing.number, moment, weighing.protocol_id,
                        weighing.protocol_version, outcome_label)) + esc(current)
                    + (f"<br><span style='color:#4a4f57'>{esc(outcome.get(self.lang))}</span>"
                       if outcome else "") + "</li>")
            parts.append(f"<p style='margin:6px 0 0 0'><b>{label['weighings']}:</b>"
                         f"</p><ul style='margin-top:0;margin-left:-20px'>{''.join(versions)}"
                         "</ul>")
        return "".join(parts)

    # -- actions ----------------------------------------------------------------------------
    def _show_error(self, message: str) -> None:
        self.error.setText(self.tr("Let op: {0}").format(message))
        self.error.show()

    def _after_change(self, request_id: str | None = None) -> None:
        self.error.hide()
        self.refresh()
        if request_id:
            self.select_request(request_id)
        self.changed.emit()

    def new_request(self, preset: tuple[Direction, str] | None = None) -> None:
        dialog = self.request_dialog(preset=preset)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._after_change(dialog.request_id)

    def request_dialog(self, row: DataRequestRow | None = None, *,
                       preset: tuple[Direction, str] | None = None) -> DataRequestDialog:
        return DataRequestDialog(self.service, self.intake_id, self.lang, row, self,
                                 preset=preset)

    def edit_request(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        dialog = self.request_dialog(row)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._after_change(row.id)

    def wizard(self, request_id: str) -> WeighingWizard:
        return WeighingWizard(self.service, request_id, self.lang, self)

    def weigh(self) -> None:
        row = self.selected_row()
        if row is None or row.request.sent_at is not None:
            return
        try:
            wizard = self.wizard(row.id)
        except MessageError as error:  # a broken protocol file, a request the protocol cannot
            self._show_error(error_text(error))  # weigh
            return
        wizard.exec()
        # Refresh even after "cancel" on the informing page: the weighing may be stored.
        self._after_change(row.id)

    def record_consent(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        dialog = InformingDialog(self.service, row.id, self.lang, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._after_change(row.id)

    def mark_sent(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if not row.can_send:
            self._show_error(text(row.reason))
            return
        # Sent cannot be undone (the request is then fixed for the dossier): confirm first.
        choice = QMessageBox.question(
            self, self.tr("Markeren als verstuurd"),
            self.tr("Heb je het verzoek verstuurd of de gegevens gedeeld? Daarna kan het "
                    "verzoek niet meer veranderen."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if choice != QMessageBox.StandardButton.Yes:
            return
        try:
            self.service.mark_sent(row.id)
        except MessageError as error:
            self.refresh()  # the statement may have changed on the consent screen meanwhile
            self._show_error(error_text(error))
            return
        self._after_change(row.id)

    def record_informed_afterwards(self) -> None:
        """ZU-A4B: the resident has been told afterwards; the reminder ends."""
        row = self.selected_row()
        if row is None:
            return
        try:
            self.service.record_informed_afterwards(row.id)
        except MessageError as error:
            self.refresh()
            self._show_error(error_text(error))
            return
        self._after_change(row.id)

    def response_dialog(self, row: DataRequestRow) -> ResponseDialog:
        return ResponseDialog(self.service, row.id, self.lang, self)

    def record_response(self) -> None:
        row = self.selected_row()
        if row is None or row.request.sent_at is None:
            return
        dialog = self.response_dialog(row)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._after_change(row.id)
