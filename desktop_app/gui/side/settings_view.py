"""The settings screen: how the team works, security timings, team details for documents and
the logo, and (read-only) what the municipality decides about documents and keeping data.

Every field belongs to a setting of the registry (domain/settings.py) and is read and saved
through services/settings.py: the screen, the services and a fresh profile show the same
defaults. A value the municipality fixed is shown but cannot be changed here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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

from desktop_app.domain.vocabulary import Registration
from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.file_dialogs import open_file_name
from desktop_app.gui.shared.i18n import error_text, text
from desktop_app.gui.system.capture import capture_protection_status
from desktop_app.services import settings as st
from desktop_app.services.session import Session
from desktop_app.services.settings import Logo, SettingRejected, SettingsService

# The municipality's privacy information printed on every statement (AVG art. 13 lid 1 onder
# b, lid 2 onder a, b, d), in the order the statement names them.
PRIVACY_KEYS = (st.DPO_NAME, st.DPO_EMAIL, st.DPO_PHONE, st.PRIVACY_STATEMENT,
                st.RETENTION_FILE, st.RETENTION_STATEMENT)


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
    # A card taller than its content (beside a taller one) keeps its title at the top.
    layout.addStretch(1)
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
        # One widget per setting key: load(), changes() and the tests walk this.
        self.fields: dict[str, QWidget] = {}
        self.read_only: dict[str, QLabel] = {}

        title = QLabel(self.tr("Instellingen"))
        title.setObjectName("sectionTitle")
        intro = wrapped_label(self.tr(
            "Deze instellingen gelden voor je profiel op deze computer en worden versleuteld "
            "bewaard. Grijze velden zijn door de gemeente vastgesteld."), "hint")

        # -- work ---------------------------------------------------------------------------
        work, work_form = _card(self.tr("Werkwijze"))
        self.protocol_combo = QComboBox()
        self.protocol_combo.setAccessibleName(self.tr("Privacyprotocol"))
        self.protocol_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.protocol_combo.setMinimumContentsLength(22)
        labels = {"zwolle": self.tr("Zwolle: vier stappen"),
                  "zutphen": self.tr("Zutphen: vier afwegingen")}
        for protocol in self.service.choices(st.PROTOCOL):
            self.protocol_combo.addItem(labels.get(protocol, protocol), protocol)
        self.draft_spin = self._spin(st.DRAFT_AGE_DAYS, (self.tr(" dag"), self.tr(" dagen")),
                                     self.tr("Waarschuwing bij oud concept"))
        self._row(work_form, self.tr("&Privacyprotocol:"), st.PROTOCOL, self.protocol_combo)
        self._row(work_form, self.tr("Waarschuw bij &concept ouder dan:"), st.DRAFT_AGE_DAYS,
                  self.draft_spin)
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Taal van het programma"))
        # Each language in its own name, so a worker who cannot read the current one finds it.
        self.language_combo.addItem(self.tr("Zoals de computer"), "systeem")
        self.language_combo.addItem("Nederlands", "nl")
        self.language_combo.addItem("English", "en")
        self._row(work_form, self.tr("T&aal:"), st.LANGUAGE, self.language_combo)
        language_hint = wrapped_label(self.tr(
            "Een andere taal gaat in als je vergrendelt (Ctrl+L) en weer ontgrendelt. "
            "Toestemmingsverklaringen blijven in het Nederlands."), "hint")
        work_form.addRow(language_hint)
        self.role_edit = self._line(st.WORKER_ROLE, self.tr("Je functie"))
        self._row(work_form, self.tr("&Je functie:"), st.WORKER_ROLE, self.role_edit)
        # ZU-A4C: whether the worker's own code applies when the team gives data.
        self.registration_combo = QComboBox()
        self.registration_combo.setAccessibleName(self.tr("Je beroepsregistratie"))
        for value in self.service.choices(st.PROFESSIONAL_REGISTRATION):
            self.registration_combo.addItem(text(Registration(value).label), value)
        self._row(work_form, self.tr("Ben je &zelf geregistreerd?"), st.PROFESSIONAL_REGISTRATION,
                  self.registration_combo)
        self.register_number_edit = self._line(st.REGISTRATION_NUMBER,
                                               self.tr("Je registratienummer"))
        self._row(work_form, self.tr("Registratienummer (niet &verplicht):"),
                  st.REGISTRATION_NUMBER, self.register_number_edit)
        # On paper the signers write place and date themselves; signing on the screen records
        # this place (and the date and time), and the worker can change it there.
        self.signing_place_edit = self._line(st.SIGNING_PLACE,
                                             self.tr("Plaats van ondertekening"))
        self._row(work_form, self.tr("Plaats van on&dertekening:"), st.SIGNING_PLACE,
                  self.signing_place_edit)
        documents_hint = wrapped_label(self.tr(
            "Je functie komt op de toestemmingsverklaring. Ben je BIG- of SKJ-geregistreerd? "
            "Dan geldt je eigen beroepscode als je gegevens deelt; de afweging houdt daar "
            "rekening mee."), "hint")
        work_form.addRow(documents_hint)

        # -- security -----------------------------------------------------------------------
        security, sec_form = _card(self.tr("Beveiliging"))
        self.autolock_spin = self._spin(st.AUTOLOCK_MINUTES,
                                        (self.tr(" minuut"), self.tr(" minuten")),
                                        self.tr("Automatisch vergrendelen na"))
        self.clipboard_spin = self._spin(st.CLIPBOARD_SECONDS,
                                         (self.tr(" seconde"), self.tr(" seconden")),
                                         self.tr("Klembord wissen na"))
        self.reminder_spin = self._spin(st.REMINDER_DAYS, (self.tr(" dag"), self.tr(" dagen")),
                                        self.tr("Herinnering nieuwe wachtwoordzin na"))
        self.capture_check = QCheckBox(self.tr("Vensters met gegevens van inwoners buiten "
                                               "schermopnamen ho&uden"))
        self.capture_check.setAccessibleName(self.tr("Schermopname blokkeren"))
        self.fields[st.CAPTURE_BLOCKING] = self.capture_check
        status = capture_protection_status()
        capture_hint = wrapped_label(self.tr("Op deze computer: {status}.").format(
            status=status.detail), "hint")
        self._row(sec_form, self.tr("Automatisch ver&grendelen na:"), st.AUTOLOCK_MINUTES,
                  self.autolock_spin)
        self._row(sec_form, self.tr("&Klembord wissen na:"), st.CLIPBOARD_SECONDS,
                  self.clipboard_spin)
        self._row(sec_form, self.tr("Her&innering wachtwoordzin na:"), st.REMINDER_DAYS,
                  self.reminder_spin)
        sec_form.addRow(self.capture_check)
        sec_form.addRow(capture_hint)

        # -- team ---------------------------------------------------------------------------
        team, team_form = _card(self.tr("Gemeente en team"))
        self.municipality_edit = self._line(st.MUNICIPALITY_NAME, self.tr("Naam van de gemeente"))
        self.team_edit = self._line(st.TEAM_NAME, self.tr("Naam van het team"))
        self.phone_edit = self._line(st.TEAM_PHONE, self.tr("Telefoonnummer van het team"))
        self.email_edit = self._line(st.TEAM_EMAIL, self.tr("E-mailadres van het team"))
        self.address_edit = QPlainTextEdit()
        self.address_edit.setAccessibleName(self.tr("Adres van het team"))
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(64)
        team_hint = wrapped_label(self.tr("Voor documenten. Telefoon, e-mail en adres komen in de "
                                          "toestemmingsverklaring: daar staat hoe de inwoner zijn "
                                          "toestemming kan intrekken."), "hint")
        self.logo_preview = QLabel(self.tr("Geen logo gekozen"))
        self.logo_preview.setObjectName("hint")
        self.logo_preview.setMinimumHeight(48)
        self.logo_preview.setAccessibleName(self.tr("Logo"))
        self.logo_button = QPushButton(self.tr("&Logo kiezen…"))
        self.logo_button.clicked.connect(self._choose_logo)
        self.logo_remove = QPushButton(self.tr("Logo &weghalen"))
        self.logo_remove.clicked.connect(lambda: self._set_logo(None))
        self.fields[st.MUNICIPALITY_LOGO] = self.logo_button
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_remove)
        self._row(team_form, self.tr("Gemee&nte:"), st.MUNICIPALITY_NAME, self.municipality_edit)
        self._row(team_form, self.tr("Tea&m:"), st.TEAM_NAME, self.team_edit)
        self._row(team_form, self.tr("Tele&foon:"), st.TEAM_PHONE, self.phone_edit)
        self._row(team_form, self.tr("&E-mail:"), st.TEAM_EMAIL, self.email_edit)
        self._row(team_form, self.tr("Ad&res:"), st.TEAM_ADDRESS, self.address_edit)
        team_form.addRow(team_hint)
        logo_label = QLabel(self.tr("Logo:"))
        logo_label.setBuddy(self.logo_button)
        team_form.addRow(logo_label, logo_row)

        # -- privacy information on the statement (AVG art. 13) -------------------------------
        privacy, privacy_form = _card(self.tr("Privacy-informatie op de verklaring"))
        # Built from the registry: its label names the setting in the worker's language, and
        # the municipality's policy locks a row like any other municipal setting.
        for key in PRIVACY_KEYS:
            spec = st.BY_KEY[key]
            label = text(spec.label)
            self._row(privacy_form, label + ":", key, self._line(key, label))
        privacy_hint = wrapped_label(self.tr(
            "Dit komt op de toestemmingsverklaring: wie de inwoner over privacy kan vragen, "
            "waar de privacyverklaring staat en hoe lang de gegevens en de verklaring worden "
            "bewaard (AVG art. 13). Zonder e-mail of telefoon van de FG, de privacyverklaring "
            "en beide bewaartermijnen kun je geen verklaring maken."), "hint")
        privacy_form.addRow(privacy_hint)

        # -- what the municipality decides (read-only) ----------------------------------------
        policy, policy_form = _card(self.tr("Vastgesteld door de gemeente"))
        for key, label in (
                (st.CONSENT_VALID_MONTHS, self.tr("Toestemming geldig:")),
                (st.BSN_ON_STATEMENT, self.tr("BSN op de toestemmingsverklaring:")),
                (st.BSN_IN_REPORT, self.tr("BSN in het gespreksverslag:")),
                (st.DESTROY_AFTER_MINUTES, self.tr("Concept vernietigen na overdracht:"))):
            value = QLabel()
            value.setWordWrap(True)
            value.setAccessibleName(label.rstrip(":"))
            self.read_only[key] = value
            policy_form.addRow(QLabel(label), value)
        policy_hint = wrapped_label(self.tr(
            "Deze keuzes maakt de gemeente (de wettelijke grondslag voor het BSN, hoe lang "
            "toestemming geldt, wanneer concepten worden vernietigd)."), "hint")
        policy_form.addRow(policy_hint)

        self.error_label = wrapped_label(name="error")
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
        self._cards = (work, security, team, privacy, policy)
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
        work, security, team, privacy, policy = self._cards
        for card in self._cards:
            self._grid.removeWidget(card)
        if one_column:
            for row, card in enumerate(self._cards):
                self._grid.addWidget(card, row, 0)
            self._grid.setColumnStretch(1, 0)
        else:
            self._grid.addWidget(work, 0, 0)
            self._grid.addWidget(security, 1, 0)
            self._grid.addWidget(team, 0, 1)
            self._grid.addWidget(policy, 1, 1)
            # Its labels are long (they name the officer in full): the whole width.
            self._grid.addWidget(privacy, 2, 0, 1, 2)
            self._grid.setColumnStretch(1, 1)
        self._grid.setColumnStretch(0, 1)

    def _fit_cards(self) -> None:
        work, security, team, privacy, policy = self._cards
        left = max(work.minimumSizeHint().width(), security.minimumSizeHint().width())
        right = max(team.minimumSizeHint().width(), policy.minimumSizeHint().width())
        need = max(left + self._grid.horizontalSpacing() + right,
                   privacy.minimumSizeHint().width())
        self._arrange_cards(one_column=need > self._scroll.viewport().width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_cards()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_cards()

    def _spin(self, key: str, suffix: tuple[str, str], name: str) -> QSpinBox:
        """`suffix`: (singular, plural), so 1 reads "1 minuut", not "1 minuten"."""
        spec = st.BY_KEY[key]
        spin = QSpinBox()
        spin.setRange(spec.low, spec.high)
        one, many = suffix
        spin.valueChanged.connect(lambda n: spin.setSuffix(one if n == 1 else many))
        spin.setSuffix(one if spin.value() == 1 else many)
        spin.setAccessibleName(name)
        spin.setMinimumWidth(140)
        spin.setMaximumWidth(180)
        return spin

    @staticmethod
    def _line(key: str, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        # The service gives the clear message past the limit.
        edit.setMaxLength(st.BY_KEY[key].max_length + 20)
        return edit

    def _row(self, form: QFormLayout, label_text: str, key: str, widget: QWidget) -> None:
        self.fields[key] = widget
        label = QLabel(label_text)
        label.setBuddy(widget)
        form.addRow(label, widget)

    # -- state ------------------------------------------------------------------------------
    def _value_text(self, key: str, value: object) -> str:
        if key == st.CONSENT_VALID_MONTHS:
            return (self.tr("1 maand na ondertekening") if value == 1
                    else self.tr("{n} maanden na ondertekening").format(n=value))
        if key == st.DESTROY_AFTER_MINUTES:
            return (self.tr("direct na het bevestigen van de overdracht") if value == 0
                    else self.tr("1 minuut na het bevestigen") if value == 1
                    else self.tr("{n} minuten na het bevestigen").format(n=value))
        return self.tr("ja") if value else self.tr("nee")

    def load(self) -> None:
        notices: list[str] = []
        for key, widget in self.fields.items():
            setting = self.service.effective(key)
            value = setting.value
            if isinstance(widget, QComboBox) and setting.rejected is not None:
                # A choice that no longer exists (a protocol file the municipality removed):
                # nothing is chosen until the worker chooses, and saving other settings does
                # not choose for them.
                widget.setCurrentIndex(-1)
                notices.append(self.tr(
                    "Let op: de gekozen waarde '{0}' bestaat niet meer. Kies er een uit de "
                    "lijst en sla op.").format(setting.rejected))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value))
            if key == st.MUNICIPALITY_LOGO:
                self._set_logo(self.service.logo())
                self.logo_remove.setEnabled(not setting.locked and self.service.logo() is not None)
            widget.setEnabled(not setting.locked)
            widget.setToolTip(self.tr("Vastgesteld door de gemeente") if setting.locked else "")
        for key, label in self.read_only.items():
            label.setText(self._value_text(key, self.service.get(key)))
        self.error_label.hide()
        self.notice_label.setText("\n".join(notices))
        self.notice_label.setVisible(bool(notices))

    def changes(self) -> dict[str, object]:
        """What the screen holds, per setting it can change."""
        result: dict[str, object] = {}
        for key, widget in self.fields.items():
            if not widget.isEnabled():
                continue  # fixed by the municipality
            if key == st.MUNICIPALITY_LOGO:
                result[key] = self._logo_value
            elif isinstance(widget, QComboBox):
                if widget.currentIndex() < 0:
                    continue  # nothing chosen (see load): the stored value stays
                result[key] = widget.currentData()
            elif isinstance(widget, QSpinBox):
                result[key] = widget.value()
            elif isinstance(widget, QCheckBox):
                result[key] = widget.isChecked()
            elif isinstance(widget, QLineEdit):
                result[key] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                result[key] = widget.toPlainText()
        return result

    def save(self) -> bool:
        problems = self.service.save(self.changes())
        if problems:
            self.notice_label.hide()
            self.error_label.setText(self.tr("Niet opgeslagen. Verbeter dit eerst:") + "\n" +
                                     "\n".join(f"• {text(p.message)}" for p in problems))
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
        path = open_file_name(self, self.tr("Logo kiezen"),
                              self.tr("Afbeelding (*.png *.jpg *.jpeg)"))
        if path:
            self.choose_logo_file(Path(path))

    def choose_logo_file(self, path: Path) -> bool:
        try:
            logo = st.read_logo_file(path)
        except SettingRejected as err:
            self.error_label.setText(error_text(err))
            self.error_label.show()
            return False
        self.error_label.hide()
        self._set_logo(logo)
        return True
