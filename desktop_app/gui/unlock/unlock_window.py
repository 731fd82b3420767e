"""The unlock window: create a profile on first use, or unlock with the personal passphrase."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.i18n import error_text, text
from desktop_app.gui.shared.screen_fit import fit_to_screen
from desktop_app.messages import MessageError
from desktop_app.services.session import ProfileService, ProfileSummary, Session, UnlockDelayed

# This window is the first thing the worker sees, so it is built without PySide's `Qt`
# namespace: touching it creates 94 Python enum classes (≈16 ms, measured). Enum-valued Qt
# properties are set by value through the property system instead; the values are Qt's.
_NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus
_SCROLL_BAR_ALWAYS_OFF = 1  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff
_TEXT_SELECTABLE_BY_MOUSE = 1  # Qt.TextInteractionFlag.TextSelectableByMouse


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class _MessageLabel(QLabel):
    """An error or notice box. The text always says what kind it is (not colour alone)."""

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.setObjectName(kind)
        self.setWordWrap(True)
        self.setProperty("textInteractionFlags", _TEXT_SELECTABLE_BY_MOUSE)
        self.setAccessibleName(self.tr("Foutmelding") if kind == "error" else self.tr("Melding"))
        self.hide()

    def show_text(self, text: str) -> None:
        if text and self.kind == "error" and not text.lower().startswith(("fout", "let op")):
            text = self.tr("Fout: {problem}").format(problem=text)
        self.setText(text)
        self.setVisible(bool(text))


class UnlockWindow(QWidget):
    unlocked = Signal(object)  # Session

    def __init__(self, service: ProfileService) -> None:
        super().__init__()
        self.service = service
        self.setWindowTitle(self.tr("{app} — ontgrendelen").format(app=APP_NAME))
        self.setObjectName("unlockWindow")
        fit_to_screen(self, 560, 600)

        self.pages = QStackedWidget()
        self.unlock_page = self._build_unlock_page()
        self.pages.addWidget(self.unlock_page)
        # The 'new profile' page is built when it is first needed (first run, or the link).
        self._create_page: QWidget | None = None

        title = QLabel(APP_NAME)
        title.setObjectName("title")
        subtitle = QLabel(self.tr("Versleuteld notitieblok voor het keukentafelgesprek"))
        subtitle.setObjectName("subtitle")
        card = QFrame()
        card.setObjectName("card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(28, 24, 28, 24)
        # At a large system font the pages are taller than the window: they scroll.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setProperty("focusPolicy", _NO_FOCUS)
        scroll.setProperty("horizontalScrollBarPolicy", _SCROLL_BAR_ALWAYS_OFF)
        scroll.setWidget(self.pages)
        self.pages.setAutoFillBackground(False)
        # The card's white shows through. (Not via scroll.viewport(): PySide resolves the
        # returned widget's type by initialising every QtWidgets class, ≈12 ms at start-up.)
        scroll.setStyleSheet("QScrollArea, QWidget#qt_scrollarea_viewport "
                             "{ background: transparent; }")
        card_layout.addWidget(scroll)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 32, 40, 32)
        outer.addWidget(title)
        outer.addWidget(subtitle)
        outer.addSpacing(16)
        outer.addWidget(card, 1)

        self._delay_timer = QTimer(self)
        self._delay_timer.setInterval(250)
        self._delay_timer.timeout.connect(self._update_delay)
        QShortcut(QKeySequence("Esc"), self, activated=self._clear_messages)
        self.refresh()

    # -- pages ----------------------------------------------------------------------------
    def _build_unlock_page(self) -> QWidget:
        page = QWidget()
        heading = QLabel(self.tr("Ontgrendelen"))
        heading.setObjectName("sectionTitle")
        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName(self.tr("Profiel"))
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Wachtwoordzin"))
        self.passphrase_edit.returnPressed.connect(self._unlock)
        self.unlock_button = QPushButton(self.tr("&Ontgrendelen"))
        self.unlock_button.setObjectName("primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.unlock_error = _MessageLabel("error")
        self.unlock_notice = _MessageLabel("notice")
        new_profile = QPushButton(self.tr("&Nieuw profiel aanmaken"))
        new_profile.setObjectName("link")
        new_profile.clicked.connect(lambda: self._show_create(back_allowed=True))

        form = QFormLayout()
        form.addRow(_label(self.tr("&Profiel:"), self.profile_combo), self.profile_combo)
        form.addRow(_label(self.tr("&Wachtwoordzin:"), self.passphrase_edit),
                    self.passphrase_edit)
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.unlock_error)
        layout.addWidget(self.unlock_notice)
        buttons = QHBoxLayout()
        buttons.addWidget(new_profile)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    @property
    def create_page(self) -> QWidget:
        if self._create_page is None:
            self._create_page = self._build_create_page()
            self.pages.addWidget(self._create_page)
        return self._create_page

    def _build_create_page(self) -> QWidget:
        page = QWidget()
        heading = QLabel(self.tr("Nieuw profiel"))
        heading.setObjectName("sectionTitle")
        intro = wrapped_label(self.tr(
            "Alles wat je in dit programma typt, wordt versleuteld bewaard. Kies een "
            "wachtwoordzin die alleen jij kent: een paar woorden achter elkaar, minstens 12 "
            "tekens. Deel hem met niemand. Vergeet je hem, dan kan niemand de gegevens meer openen."
        ), "hint")
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Je naam"))
        self.new_passphrase_edit = QLineEdit()
        self.new_passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_passphrase_edit.setAccessibleName(self.tr("Wachtwoordzin"))
        self.new_passphrase_edit.textChanged.connect(self._assess)
        self.name_edit.textChanged.connect(self._assess)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setAccessibleName(self.tr("Herhaal wachtwoordzin"))
        self.repeat_edit.returnPressed.connect(self._create)
        from PySide6.QtWidgets import QProgressBar  # only this page, built later

        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setAccessibleName(self.tr("Sterkte van de wachtwoordzin"))
        self.strength_label = QLabel()
        self.strength_label.setAccessibleName(self.tr("Sterkte"))
        self.problems_label = wrapped_label(name="hint")
        self.create_error = _MessageLabel("error")
        self.create_button = QPushButton(self.tr("Profiel &aanmaken"))
        self.create_button.setObjectName("primary")
        self.create_button.clicked.connect(self._create)
        self.back_button = QPushButton(self.tr("&Terug"))
        self.back_button.clicked.connect(self._show_unlock)

        form = QFormLayout()
        form.addRow(_label(self.tr("Je &naam:"), self.name_edit), self.name_edit)
        form.addRow(_label(self.tr("&Wachtwoordzin:"), self.new_passphrase_edit),
                    self.new_passphrase_edit)
        strength_row = QHBoxLayout()
        strength_row.addWidget(self.strength_bar, 1)
        strength_row.addWidget(self.strength_label)
        form.addRow(self.tr("Sterkte:"), strength_row)
        form.addRow(_label(self.tr("&Herhaal:"), self.repeat_edit), self.repeat_edit)
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.create_error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    # -- state ----------------------------------------------------------------------------
    def refresh(self, notice: str = "") -> None:
        """Reload the profile list; first run goes straight to 'new profile'."""
        profiles = self.service.profiles()
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for profile in profiles:
            label = profile.worker_name if profile.problem is None else (
                self.tr("{name} (beschadigd)").format(name=profile.worker_name))
            self.profile_combo.addItem(label, profile)
        self.profile_combo.blockSignals(False)
        self.passphrase_edit.clear()
        self.unlock_error.show_text("")
        self.unlock_notice.show_text(notice)
        if profiles:
            self._show_unlock()
            self._profile_changed()
        else:
            self._show_create(back_allowed=False)

    def _show_unlock(self) -> None:
        self.pages.setCurrentWidget(self.unlock_page)
        self.passphrase_edit.setFocus()

    def _show_create(self, *, back_allowed: bool) -> None:
        page = self.create_page
        self.back_button.setVisible(back_allowed)
        for edit in (self.name_edit, self.new_passphrase_edit, self.repeat_edit):
            edit.clear()
        self.create_error.show_text("")
        self._assess()
        self.pages.setCurrentWidget(page)
        self.name_edit.setFocus()

    def _clear_messages(self) -> None:
        self.unlock_error.show_text("")
        if self._create_page is not None:
            self.create_error.show_text("")

    def selected_profile(self) -> ProfileSummary | None:
        data = self.profile_combo.currentData()
        return data if isinstance(data, ProfileSummary) else None

    def _profile_changed(self) -> None:
        profile = self.selected_profile()
        if profile is not None and profile.problem:
            self.unlock_error.show_text(text(profile.problem))
        else:
            self.unlock_error.show_text("")
        self._update_delay()

    def _update_delay(self) -> None:
        profile = self.selected_profile()
        remaining = self.service.delay_remaining(profile) if profile else 0.0
        if remaining > 0:
            self.unlock_button.setEnabled(False)
            self.unlock_button.setText(self.tr("Wacht {n} s").format(n=int(remaining) + 1))
            if not self._delay_timer.isActive():
                self._delay_timer.start()
        else:
            self._delay_timer.stop()
            # A damaged profile (no usable header) cannot be opened with any passphrase: its
            # message says what to do instead.
            self.unlock_button.setEnabled(profile is None or profile.problem is None)
            self.unlock_button.setText(self.tr("&Ontgrendelen"))

    def _assess(self) -> None:
        assessment = self.service.assess(self.new_passphrase_edit.text(), self.name_edit.text())
        self.strength_bar.setValue(assessment.strength if self.new_passphrase_edit.text() else 0)
        self.strength_label.setText(text(assessment.strength_label)
                                    if self.new_passphrase_edit.text() else "")
        self.problems_label.setText("\n".join(f"• {text(p)}" for p in assessment.problems)
                                    if self.new_passphrase_edit.text() else "")

    # -- actions --------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        if busy:
            from PySide6.QtCore import Qt

            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def _unlock(self) -> None:
        profile = self.selected_profile()
        if profile is None or not self.unlock_button.isEnabled():
            return
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self.unlock_error.show_text(self.tr("Typ je wachtwoordzin."))
            return
        self._busy(True)
        try:
            session = self.service.unlock(profile, passphrase)
        except UnlockDelayed as err:
            self.unlock_error.show_text(error_text(err))
            self._update_delay()
            return
        except MessageError as err:
            self.unlock_notice.show_text("")
            self.unlock_error.show_text(error_text(err))
            self.passphrase_edit.selectAll()
            self.passphrase_edit.setFocus()
            self._update_delay()
            return
        finally:
            self._busy(False)
        self.passphrase_edit.clear()
        self.unlocked.emit(session)

    def _create(self) -> None:
        self._busy(True)
        try:
            session: Session = self.service.create(
                self.name_edit.text(), self.new_passphrase_edit.text(), self.repeat_edit.text()
            )
        except MessageError as err:
            self.create_error.show_text(error_text(err))
            return
        finally:
            self._busy(False)
        for edit in (self.new_passphrase_edit, self.repeat_edit):
            edit.clear()
        self.unlocked.emit(session)
