"""The settings screen: protocol, security timings, team details for documents, logo and
screen-capture blocking. Stored in the vault through services/settings.py."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.shared.i18n import tr_variable
from desktop_app.gui.system.capture import capture_protection_status
from desktop_app.services import settings as st
from desktop_app.services.session import Session
from desktop_app.services.settings import Logo, SettingRejected, SettingsService


def _card(title: str) -> tuple[QFrame, QFormLayout]:
    card = QFrame()
    card.setObjectName("card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(20, 14, 20, 16)
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    layout.addWidget(heading)
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
    layout.addLayout(form)
    return card, form


class SettingsView(QWidget):
    back_requested = Signal()
    saved = Signal()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.service = SettingsService(session)
        self.setObjectName("settingsView")
        self._logo_value = ""

        title = QLabel(self.tr("Instellingen"))
        title.setObjectName("sectionTitle")
        intro = QLabel(self.tr("Deze instellingen gelden voor uw profiel op deze computer en "
                               "worden versleuteld bewaard."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)

        # -- work ---------------------------------------------------------------------------
        work, work_form = _card(self.tr("Werkwijze"))
        self.protocol_combo = QComboBox()
        self.protocol_combo.setAccessibleName(self.tr("Privacyprotocol"))
        self.protocol_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.protocol_combo.setMinimumContentsLength(22)
        labels = {"zwolle": self.tr("Zwolle: vier stappen"),
                  "zutphen": self.tr("Zutphen: vier afwegingen")}
        for protocol in st.available_protocols():
            self.protocol_combo.addItem(labels.get(protocol, protocol), protocol)
        self.draft_spin = self._spin(st.DRAFT_AGE_DAYS, self.tr(" dagen"),
                                     self.tr("Waarschuwing bij oud concept"))
        self._row(work_form, self.tr("&Privacyprotocol:"), self.protocol_combo)
        self._row(work_form, self.tr("Waarschuw bij &concept ouder dan:"), self.draft_spin)
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Taal van het programma"))
        # Each language in its own name, so a worker who cannot read the current one finds it.
        self.language_combo.addItem(self.tr("Zoals de computer"), "systeem")
        self.language_combo.addItem("Nederlands", "nl")
        self.language_combo.addItem("English", "en")
        self._row(work_form, self.tr("T&aal:"), self.language_combo)
        language_hint = QLabel(self.tr(
            "Een andere taal gaat in als u vergrendelt (Ctrl+L) en weer ontgrendelt. "
            "Toestemmingsverklaringen blijven in het Nederlands."))
        language_hint.setObjectName("hint")
        language_hint.setWordWrap(True)
        work_form.addRow(language_hint)

        # -- security -----------------------------------------------------------------------
        security, sec_form = _card(self.tr("Beveiliging"))
        self.autolock_spin = self._spin(st.AUTOLOCK_MINUTES, self.tr(" minuten"),
                                        self.tr("Automatisch vergrendelen na"))
        self.clipboard_spin = self._spin(st.CLIPBOARD_SECONDS, self.tr(" seconden"),
                                         self.tr("Klembord wissen na"))
        self.reminder_spin = self._spin(st.REMINDER_DAYS, self.tr(" dagen"),
                                        self.tr("Herinnering nieuwe wachtwoordzin na"))
        self.capture_check = QCheckBox(self.tr("Vensters met gegevens van inwoners buiten "
                                               "schermopnamen ho&uden"))
        self.capture_check.setAccessibleName(self.tr("Schermopname blokkeren"))
        status = capture_protection_status()
        capture_hint = QLabel(self.tr("Op deze computer: {status}.").format(
            status=status.detail))
        capture_hint.setObjectName("hint")
        capture_hint.setWordWrap(True)
        self._row(sec_form, self.tr("Automatisch ver&grendelen na:"), self.autolock_spin)
        self._row(sec_form, self.tr("&Klembord wissen na:"), self.clipboard_spin)
        self._row(sec_form, self.tr("Her&innering wachtwoordzin na:"), self.reminder_spin)
        sec_form.addRow(self.capture_check)
        sec_form.addRow(capture_hint)

        # -- team ---------------------------------------------------------------------------
        team, team_form = _card(self.tr("Gemeente en team"))
        self.municipality_edit = self._line(self.tr("Naam van de gemeente"), 80)
        self.team_edit = self._line(self.tr("Naam van het team"), 80)
        self.phone_edit = self._line(self.tr("Telefoonnummer van het team"), 30)
        self.email_edit = self._line(self.tr("E-mailadres van het team"), 120)
        self.address_edit = QPlainTextEdit()
        self.address_edit.setAccessibleName(self.tr("Adres van het team"))
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(64)
        team_hint = QLabel(self.tr("Voor documenten. Telefoon, e-mail en adres komen in de "
                                   "toestemmingsverklaring: daar staat hoe de inwoner zijn "
                                   "toestemming kan intrekken."))
        team_hint.setObjectName("hint")
        team_hint.setWordWrap(True)
        self.logo_preview = QLabel(self.tr("Geen logo gekozen"))
        self.logo_preview.setObjectName("hint")
        self.logo_preview.setMinimumHeight(48)
        self.logo_preview.setAccessibleName(self.tr("Logo"))
        self.logo_button = QPushButton(self.tr("&Logo kiezen…"))
        self.logo_button.clicked.connect(self._choose_logo)
        self.logo_remove = QPushButton(self.tr("Logo &weghalen"))
        self.logo_remove.clicked.connect(lambda: self._set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_remove)
        self._row(team_form, self.tr("Gemee&nte:"), self.municipality_edit)
        self._row(team_form, self.tr("Tea&m:"), self.team_edit)
        self._row(team_form, self.tr("Tele&foon:"), self.phone_edit)
        self._row(team_form, self.tr("&E-mail:"), self.email_edit)
        self._row(team_form, self.tr("Ad&res:"), self.address_edit)
        team_form.addRow(team_hint)
        logo_label = QLabel(self.tr("Logo:"))
        logo_label.setBuddy(self.logo_button)
        team_form.addRow(logo_label, logo_row)

        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Foutmelding"))
        self.error_label.hide()
        self.notice_label = QLabel()
        self.notice_label.setObjectName("notice")
        self.notice_label.setAccessibleName(self.tr("Melding"))
        self.notice_label.hide()

        back = QPushButton(self.tr("← &Terug naar overzicht"))
        back.setObjectName("link")
        back.clicked.connect(self.back_requested.emit)
        self.revert_button = QPushButton(self.tr("&Ongedaan maken"))
        self.revert_button.clicked.connect(self.load)
        self.save_button = QPushButton(self.tr("Op&slaan"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(16)
        self._grid = grid
        self._cards = (work, security, team)
        self._one_column: bool | None = None
        self._arrange_cards(one_column=False)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(grid)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Tab goes straight to the fields; the area scrolls to the focused field by itself.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Normally the cards fit (one column when narrow); a bar if even one column does not.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._scroll = scroll

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addLayout(buttons)
        self.load()

    # -- building blocks --------------------------------------------------------------------
    def _arrange_cards(self, *, one_column: bool) -> None:
        """Two columns of cards when they fit side by side, else one column (a large system
        font or a narrow window)."""
        if one_column == self._one_column:
            return
        self._one_column = one_column
        work, security, team = self._cards
        for card in self._cards:
            self._grid.removeWidget(card)
        if one_column:
            self._grid.addWidget(work, 0, 0)
            self._grid.addWidget(security, 1, 0)
            self._grid.addWidget(team, 2, 0)
            self._grid.setColumnStretch(1, 0)
        else:
            self._grid.addWidget(work, 0, 0)
            self._grid.addWidget(security, 1, 0)
            self._grid.addWidget(team, 0, 1, 2, 1)
            self._grid.setColumnStretch(1, 1)
        self._grid.setColumnStretch(0, 1)

    def _fit_cards(self) -> None:
        work, security, team = self._cards
        left = max(work.minimumSizeHint().width(), security.minimumSizeHint().width())
        need = left + self._grid.horizontalSpacing() + team.minimumSizeHint().width()
        self._arrange_cards(one_column=need > self._scroll.viewport().width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_cards()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_cards()

    def _spin(self, key: str, suffix: str, name: str) -> QSpinBox:
        spec = st.INT_SETTINGS[key]
        spin = QSpinBox()
        spin.setRange(spec.low, spec.high)
        spin.setSuffix(suffix)
        spin.setAccessibleName(name)
        spin.setMinimumWidth(140)
        spin.setMaximumWidth(180)
        return spin

    @staticmethod
    def _line(name: str, limit: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setMaxLength(limit + 20)  # the service gives the clear message past the limit
        return edit

    @staticmethod
    def _row(form: QFormLayout, text: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        form.addRow(label, widget)

    # -- state ------------------------------------------------------------------------------
    def load(self) -> None:
        values = self.service.values()
        index = self.protocol_combo.findData(values[st.PROTOCOL])
        self.protocol_combo.setCurrentIndex(max(index, 0))
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(values[st.LANGUAGE]),
                                                0))
        self.draft_spin.setValue(values[st.DRAFT_AGE_DAYS])
        self.autolock_spin.setValue(values[st.AUTOLOCK_MINUTES])
        self.clipboard_spin.setValue(values[st.CLIPBOARD_SECONDS])
        self.reminder_spin.setValue(values[st.REMINDER_DAYS])
        self.capture_check.setChecked(values[st.CAPTURE_BLOCKING])
        self.municipality_edit.setText(values[st.MUNICIPALITY_NAME])
        self.team_edit.setText(values[st.TEAM_NAME])
        self.phone_edit.setText(values[st.TEAM_PHONE])
        self.email_edit.setText(values[st.TEAM_EMAIL])
        self.address_edit.setPlainText(values[st.TEAM_ADDRESS])
        self._set_logo(self.service.logo())
        self.error_label.hide()
        self.notice_label.hide()

    def changes(self) -> dict[str, object]:
        return {
            st.PROTOCOL: self.protocol_combo.currentData(),
            st.LANGUAGE: self.language_combo.currentData(),
            st.DRAFT_AGE_DAYS: self.draft_spin.value(),
            st.AUTOLOCK_MINUTES: self.autolock_spin.value(),
            st.CLIPBOARD_SECONDS: self.clipboard_spin.value(),
            st.REMINDER_DAYS: self.reminder_spin.value(),
            st.CAPTURE_BLOCKING: self.capture_check.isChecked(),
            st.MUNICIPALITY_NAME: self.municipality_edit.text(),
            st.TEAM_NAME: self.team_edit.text(),
            st.TEAM_PHONE: self.phone_edit.text(),
            st.TEAM_EMAIL: self.email_edit.text(),
            st.TEAM_ADDRESS: self.address_edit.toPlainText(),
            st.MUNICIPALITY_LOGO: self._logo_value,
        }

    def save(self) -> bool:
        problems = self.service.save(self.changes())
        if problems:
            self.notice_label.hide()
            self.error_label.setText(self.tr("Niet opgeslagen. Verbeter dit eerst:") + "\n" +
                                     "\n".join(f"• {tr_variable(p.message)}" for p in problems))
            self.error_label.show()
            return False
        self.error_label.hide()
        self.notice_label.setText(self.tr("De instellingen zijn opgeslagen."))
        self.notice_label.show()
        self.saved.emit()
        return True

    def _set_logo(self, logo: Logo | None) -> None:
        self._logo_value = logo.to_setting() if logo else ""
        self.logo_remove.setEnabled(logo is not None)
        if logo is None:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("Geen logo gekozen"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(QByteArray(logo.data))
        self.logo_preview.setPixmap(pixmap.scaledToHeight(
            48, Qt.TransformationMode.SmoothTransformation))

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Logo kiezen"), "", self.tr("Afbeelding (*.png *.jpg *.jpeg)"))
        if path:
            self.choose_logo_file(Path(path))

    def choose_logo_file(self, path: Path) -> bool:
        try:
            logo = st.read_logo_file(path)
        except SettingRejected as err:
            self.error_label.setText(tr_variable(err.message))
            self.error_label.show()
            return False
        self.error_label.hide()
        self._set_logo(logo)
        return True
