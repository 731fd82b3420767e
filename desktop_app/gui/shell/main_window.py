"""The main window after unlocking: caseload and intake screens, logboek, settings and the
handover overview. Lock saves pending answers, closes the store and returns to the unlock
window (AppController does the locking)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME, __version__
from desktop_app.gui.caseload.caseload_view import CaseloadView
from desktop_app.gui.intake.autosave_bridge import AutosaveBridge
from desktop_app.gui.shared.dialog_parts import wrapped_label
from desktop_app.gui.shared.disposal import dispose
from desktop_app.gui.shared.i18n import current_language, error_text, text
from desktop_app.gui.shared.keys import install_alt_letter_guard
from desktop_app.gui.shared.screen_fit import (
    bring_inside,
    fit_to_screen,
    layout_state,
    load_layout_state,
)
from desktop_app.gui.system.capture import apply_capture_protection
from desktop_app.messages import MessageError
from desktop_app.services.autosave import AutosaveWriter
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from desktop_app.services.session_security import passphrase_reminder_due
from desktop_app.services.settings import SettingsService

if TYPE_CHECKING:
    from desktop_app.gui.intake.intake_view import IntakeView
    from desktop_app.gui.side.handover_view import HandoverView
    from desktop_app.gui.side.logbook_view import LogbookView
    from desktop_app.gui.side.receipts_view import ReceiptsView
    from desktop_app.gui.side.settings_view import SettingsView
    from desktop_app.services.after_unlock import AfterUnlock

# The screens behind the caseload (intake, logbook, settings, hand-over, dialogs) are imported
# when first opened: the caseload is where the program idles, and their code would otherwise
# stay in memory all day (the intake screen alone about 3 MB).


@dataclass(frozen=True, slots=True)
class WorkPlace:
    """Where the worker was when the program locked, to return there after unlocking. It
    outlives the store in memory, so it holds ids and the window's geometry only, never text of
    a resident."""

    profile_id: str
    geometry: QByteArray
    maximized: bool
    intake_id: str | None = None
    tab: int = 0
    section_id: str | None = None
    field_id: str | None = None
    side_view: str | None = None  # 'logbook', 'settings' or 'handover'


# Reminders the caseload shows itself, kept up to date (not as a banner after unlocking).
CASELOAD_SHOWS = frozenset({"pending.old_drafts"})


class MainWindow(QMainWindow):
    lock_requested = Signal()
    settings_saved = Signal()

    def __init__(self, session: Session, lang: str | None = None) -> None:
        lang = lang or current_language()  # the UI language unless chosen
        super().__init__()
        self.session = session
        self.lang = lang
        self.setObjectName("mainWindow")
        # Only names in the title: nothing to translate.
        self.setWindowTitle(f"{APP_NAME} — {session.worker_name}")
        # 1280x820 where the screen has room; on a laptop (1366x768, or 1920x1080 at 150 %)
        # the screen's height, so the status bar and every button row stay on it.
        fit_to_screen(self, 1280, 820)
        self.intakes = IntakeService(session)
        self.bridge = AutosaveBridge()
        self.writer = AutosaveWriter(
            self.intakes.save_answers,
            on_saved=lambda i, t, f: self.bridge.saved.emit(i, t, f),
            on_error=lambda i, e: self.bridge.failed.emit(i, e),
        )
        # Locking flushes what is typed while the store is still open.
        session.on_lock(self.writer.stop)
        # Alt+letter of a disabled button must not type the letter (the controller installs
        # this too; a window made on its own, in a test or the self-test, needs it as well).
        install_alt_letter_guard()
        self.screens = QStackedWidget()
        self.caseload = CaseloadView(self.intakes)
        self.caseload.open_intake.connect(self.open_intake)
        home = QWidget()
        home_layout = QVBoxLayout(home)
        home_layout.setContentsMargins(0, 0, 0, 0)
        self.reminder_bar = self._build_reminder_bar()
        home_layout.addWidget(self.reminder_bar)
        self._home_layout = home_layout
        self.notice_labels: list[QLabel] = []
        self.damage_banner: QWidget | None = None
        self.damage_dialog: QDialog | None = None
        # Saving refused by a damaged store: the banner appears at once.
        self.bridge.failed.connect(lambda _i, _e: self.session.is_open and self.check_damage())
        # When a background job ends (a destruction finished after unlocking or on the transfer
        # tab), the caseload may have changed: read it again if it is on screen.
        from desktop_app.gui.shared.jobs import runner

        runner().busy_changed.connect(self._job_changed)
        home_layout.addWidget(self.caseload, 1)
        self._show_notices(session.notices)  # the caseload was just read: no second time
        self.home = home
        self.screens.addWidget(home)
        self.intake_view: IntakeView | None = None
        # Screens opened from the menu; made fresh each time and dropped when leaving, so no
        # resident data lingers in hidden widgets.
        self.side_view: QWidget | None = None
        self.capture_protected = False
        self.setCentralWidget(self.screens)
        self._build_menus()
        self.check_passphrase_reminder()
        self.statusBar().showMessage(self.tr(
            "Ingelogd als {name} · gegevens versleuteld opgeslagen").format(
                name=session.worker_name))
        self.caseload.table.setFocus()

    # -- notices after unlocking ----------------------------------------------------------------
    def after_unlock_done(self, result: AfterUnlock) -> None:
        """The after-unlock work has finished: show what the worker must be told (above the
        caseload), and read the caseload again when something was destroyed."""
        self._show_notices(result.notices)
        if result.destroyed and self.session.is_open:
            self.caseload.refresh()
        self.check_damage()

    # -- a damaged store (services/salvage.py) ---------------------------------------------
    def check_damage(self) -> bool:
        """Show the damage banner (once) when the store turned out damaged: at the check after
        unlocking, or when a page was refused during work (saving, a destruction, a report)."""
        from desktop_app.services import salvage

        if not salvage.is_damaged(self.session):
            return False
        if self.damage_banner is None:
            from desktop_app.gui.shell.damaged_store import DamageBanner

            self.damage_banner = DamageBanner()
            self.damage_banner.details_requested.connect(self.show_damage)
            self._home_layout.insertWidget(0, self.damage_banner)
            # A new intake could not be saved: not offered (the banner says why).
            self.caseload.new_button.setEnabled(False)
            self.caseload.new_button.setToolTip(text(salvage.DAMAGED))
            self.statusBar().showMessage(self.tr(
                "Gegevensbestand beschadigd: er wordt niets meer opgeslagen."))
        return True

    def show_damage(self) -> None:
        """The dialog: what can be read, exporting it, who to call."""
        from desktop_app.gui.shell.damaged_store import DamagedStoreDialog

        if not self.session.is_open:
            return
        dialog = DamagedStoreDialog(self.session, self)
        self.damage_dialog = dialog
        dialog.open()

    def _show_notices(self, notices: object) -> None:
        """One banner per fact: a notice already shown (the unlock's notices may come again
        with the work after unlocking) is not shown twice, and the old drafts are the
        caseload's own (live) warning."""
        for notice in notices if isinstance(notices, list | tuple) else ():
            if getattr(notice, "key", None) in CASELOAD_SHOWS:
                continue
            if getattr(notice, "key", None) == "vault.damaged":
                self.check_damage()  # the banner says it, with the way out
                continue
            self._add_notice_label(text(notice), "notice")

    def _store_free(self) -> bool:
        """While the store is rewritten under a new key (a destruction, a passphrase change),
        it cannot be read: say so instead of making the window wait."""
        from desktop_app.gui.shared.jobs import runner

        if runner().store_busy():
            self.statusBar().showMessage(self.tr(
                "Even wachten: de gegevens worden opnieuw versleuteld. Dat duurt hooguit een "
                "paar seconden."), 8000)
            return False
        return True

    def _when_store_free(self, action: Callable[[], object]) -> None:
        if self._store_free():
            action()

    def _job_changed(self) -> None:
        from desktop_app.gui.shared.jobs import runner

        if self.session.is_open:
            self.check_damage()
        if (self.session.is_open and not runner().busy()
                and self.screens.currentWidget() is self.home):
            with contextlib.suppress(MessageError):  # a damaged store: the banner says it
                self.caseload.refresh()

    def add_error(self, err: BaseException) -> None:
        if self.session.is_open and self.check_damage():
            return  # the banner says it, with what to do
        self._add_notice_label(self.tr("Let op: ") + error_text(err), "error")

    def _add_notice_label(self, text: str, style: str) -> None:
        if any(shown.text() == text for shown in self.notice_labels):
            return
        label = QLabel(text)
        label.setObjectName(style)
        label.setWordWrap(True)
        self._home_layout.insertWidget(self._home_layout.indexOf(self.caseload), label)
        self.notice_labels.append(label)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Bestand"))
        new_action = QAction(self.tr("&Nieuwe intake…"), self)
        new_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_N))
        new_action.triggered.connect(lambda: self._when_store_free(self._new_intake))
        file_menu.addAction(new_action)
        overview = QAction(self.tr("&Overzicht van inwoners"), self)
        overview.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Home))
        overview.triggered.connect(self.show_caseload)
        file_menu.addAction(overview)
        file_menu.addSeparator()
        self.lock_action = QAction(self.tr("&Vergrendelen"), self)
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.setStatusTip(
            self.tr("Sluit de gegevens af; ontgrendel met je wachtwoordzin"))
        self.lock_action.triggered.connect(self.lock_requested.emit)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        self.handover_action = QAction(self.tr("Over&dracht voor afwezigheid"), self)
        self.handover_action.triggered.connect(
            lambda: self._when_store_free(self.show_handover))
        file_menu.addAction(self.handover_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Afsluiten"), self)
        quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        extra_menu = self.menuBar().addMenu(self.tr("E&xtra"))
        self.logbook_action = QAction(self.tr("&Logboek"), self)
        self.logbook_action.setShortcut(QKeySequence(
            Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_L))
        self.logbook_action.triggered.connect(
            lambda: self._when_store_free(self.show_logbook))
        extra_menu.addAction(self.logbook_action)
        self.receipts_action = QAction(self.tr("&Vernietigingsbewijzen"), self)
        self.receipts_action.triggered.connect(
            lambda: self._when_store_free(self.show_receipts))
        extra_menu.addAction(self.receipts_action)
        self.settings_action = QAction(self.tr("&Instellingen"), self)
        self.settings_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma))
        self.settings_action.triggered.connect(
            lambda: self._when_store_free(self.show_settings))
        extra_menu.addAction(self.settings_action)
        self.passphrase_action = QAction(self.tr("&Wachtwoordzin wijzigen…"), self)
        self.passphrase_action.triggered.connect(
            lambda: self._when_store_free(self.change_passphrase))
        extra_menu.addAction(self.passphrase_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&Over {app}").format(app=APP_NAME), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _new_intake(self) -> None:
        self.show_caseload()
        self.caseload.new_intake()

    def open_intake(self, intake_id: str, ask_migration: bool = True) -> None:
        """Open the intake screen. `ask_migration=False` when returning after a lock: the
        question about a newer form was answered when the worker opened it."""
        from desktop_app.gui.intake.intake_view import IntakeView
        from desktop_app.gui.shared.jobs import runner

        if runner().holds(intake_id):
            # A background job is destroying this intake right now (after unlocking).
            self.statusBar().showMessage(self.tr(
                "Deze intake wordt nu vernietigd en kan niet meer worden geopend."), 10000)
            return
        if not self._store_free():
            return
        try:
            self._close_intake()
            self._close_side_view()
            draft = self.intakes.open_intake(intake_id)
        except MessageError as err:  # gone meanwhile, a broken form file, the store
            self.caseload.refresh()
            self.statusBar().showMessage(error_text(err).replace("\n", " "), 10000)
            return
        if draft.newer_form is not None and ask_migration:
            draft = self._ask_migration(draft)
            if not self.session.is_open:  # locked (idle/OS) while the question was open
                return
        view = IntakeView(self.intakes, draft, self.writer, self.bridge, self.lang)
        view.back_requested.connect(self.show_caseload)
        view.receipt_ready.connect(self._show_new_receipt)
        # Queued: this view is replaced while its own slot is still running.
        view.migration_requested.connect(self.open_intake, Qt.ConnectionType.QueuedConnection)
        self.intake_view = view
        self.screens.addWidget(view)
        self.screens.setCurrentWidget(view)
        view.section_list.setFocus()

    def _ask_migration(self, draft):  # noqa: ANN001, ANN202 - IntakeDraft in, IntakeDraft out
        assert draft.newer_form is not None
        changes = ("\n".join(f"• {text(c.message)}" for c in draft.changes_if_migrated)
                   or self.tr("• (geen)"))
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Nieuwe versie van het gespreksformulier"))
        box.setText(self.tr(
            "Dit concept is begonnen met versie {old} van het formulier. Er is "
            "nu versie {new}. Wat je typte blijft bewaard.").format(
                old=draft.form.version, new=draft.newer_form.version))
        box.setInformativeText(
            self.tr("Als je overstapt, verandert dit:") + "\n" + changes)
        keep = box.addButton(self.tr("Doorgaan met versie {old}").format(old=draft.form.version),
                             QMessageBox.ButtonRole.RejectRole)
        move = box.addButton(
            self.tr("Overstappen op versie {new}").format(new=draft.newer_form.version),
            QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is move:
            self.intakes.migrate_draft(draft.intake_id, draft.newer_form)
            return self.intakes.open_intake(draft.intake_id)
        return draft

    def _close_intake(self) -> None:
        if self.intake_view is not None:
            self.writer.flush()
            view, self.intake_view = self.intake_view, None
            self.screens.removeWidget(view)
            dispose(view)

    def _close_side_view(self) -> None:
        if self.side_view is not None:
            view, self.side_view = self.side_view, None
            self.screens.removeWidget(view)
            dispose(view)

    def _show_side_view(self, view: QWidget) -> None:
        self._close_intake()
        self._close_side_view()
        self.side_view = view
        self.screens.addWidget(view)
        self.screens.setCurrentWidget(view)
        view.setFocus()

    def show_logbook(self) -> LogbookView:
        from desktop_app.gui.side.logbook_view import LogbookView

        view = LogbookView(self.session)
        view.back_requested.connect(self.show_caseload)
        self._show_side_view(view)
        view.table.setFocus()
        return view

    def show_receipts(self, just_destroyed: str | None = None) -> ReceiptsView:
        from desktop_app.gui.side.receipts_view import ReceiptsView

        view = ReceiptsView(self.session, just_destroyed)
        view.back_requested.connect(self.show_caseload)
        self._show_side_view(view)
        view.table.setFocus()
        return view

    def _show_new_receipt(self, receipt_id: str) -> None:
        """Right after destroying, the receipt (what kinds and how many, never content)
        replaces the closed intake, so the worker sees what was destroyed."""
        self.show_receipts(receipt_id).focus_receipt()

    def show_settings(self) -> SettingsView:
        from desktop_app.gui.side.settings_view import SettingsView

        view = SettingsView(self.session)
        view.back_requested.connect(self.show_caseload)
        view.saved.connect(self._settings_saved)
        self._show_side_view(view)
        view.protocol_combo.setFocus()
        return view

    def show_handover(self) -> HandoverView:
        from desktop_app.gui.side.handover_view import HandoverView

        view = HandoverView(self.session)
        view.back_requested.connect(self.show_caseload)
        view.open_intake.connect(self.open_intake)
        self._show_side_view(view)
        view.table.setFocus()
        return view

    def change_passphrase(self) -> bool:
        from desktop_app.gui.side.passphrase_dialog import PassphraseDialog

        dialog = PassphraseDialog(self.session, self)
        self.session.prepare_keyring()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.check_passphrase_reminder()
        self.statusBar().showMessage(self.tr("Je wachtwoordzin is gewijzigd."), 10000)
        return True

    # -- passphrase reminder (BIO / ZW-8) ----------------------------------------------------
    def _build_reminder_bar(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.reminder_label = wrapped_label(name="notice")
        self.reminder_label.setAccessibleName(self.tr("Herinnering wachtwoordzin"))
        button = QPushButton(self.tr("Wachtwoordzin &nu wijzigen…"))
        button.clicked.connect(self.change_passphrase)
        row.addWidget(self.reminder_label, 1)
        row.addWidget(button)
        bar.hide()
        return bar

    def check_passphrase_reminder(self) -> bool:
        days = passphrase_reminder_due(self.session)
        if days is not None:
            self.reminder_label.setText(self.tr(
                "Let op: je hebt je wachtwoordzin al {days} dagen niet gewijzigd. Kies een "
                "nieuwe; zo blijft de kans klein dat iemand anders hem kent.").format(days=days))
        self.reminder_bar.setVisible(days is not None)
        return days is not None

    # -- screen capture ------------------------------------------------------------------------
    def apply_capture_setting(self) -> None:
        self.capture_protected = apply_capture_protection(
            self, SettingsService(self.session).capture_blocking())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.session.is_open:
            self.apply_capture_setting()

    def _settings_saved(self) -> None:
        self.apply_capture_setting()
        self.check_passphrase_reminder()
        self.settings_saved.emit()

    def show_caseload(self) -> None:
        from desktop_app.gui.shared.jobs import runner

        self._close_intake()
        self._close_side_view()
        if not runner().store_busy():  # else: read again when the job ends (_job_changed)
            self.caseload.refresh()
        self.screens.setCurrentWidget(self.home)
        self.caseload.table.setFocus()

    # -- back where the worker was after a lock ------------------------------------------------
    def place(self) -> WorkPlace:
        intake_id, tab, section_id, field_id = None, 0, None, None
        if self.intake_view is not None:
            intake_id = self.intake_view.draft.intake_id
            tab, section_id, field_id = self.intake_view.place()
        side = None
        if self.side_view is not None:
            side = {"LogbookView": "logbook", "SettingsView": "settings",
                    "HandoverView": "handover"}.get(type(self.side_view).__name__)
        return WorkPlace(self.session.profile_id, self.saveGeometry(), self.isMaximized(),
                         intake_id, tab, section_id, field_id, side)

    def restore_geometry(self, place: WorkPlace) -> None:
        """Size and position as before the lock (on a screen that is still there); shown
        maximised again by `show_as(place)`."""
        self._restore_geometry(place.geometry)

    def _restore_geometry(self, geometry: QByteArray) -> bool:
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            return False
        # Qt keeps a saved place on a screen that is gone; bring it onto one that is there.
        bring_inside(self)
        return True

    def restore_saved_layout(self) -> bool:
        """After a start (not a lock): the size, place, maximised state and splitter positions
        this profile's worker left last time. Returns whether there was a saved geometry."""
        try:
            saved = SettingsService(self.session).window_layout()
        except MessageError:
            return False
        load_layout_state(saved.get("splitters", {}))
        geometry = QByteArray.fromBase64(str(saved.get("geometry", "")).encode("ascii"))
        return self._restore_geometry(geometry)

    def window_layout(self) -> dict[str, object]:
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        return {"geometry": geometry, "splitters": layout_state()}

    def save_layout(self) -> None:
        """Keep the layout with the profile (when locking and closing, while the store is
        open). A store that cannot be written must not stop the lock: the layout is a
        convenience."""
        if not self.session.is_open:
            return
        with contextlib.suppress(MessageError):
            SettingsService(self.session).save_window_layout(self.window_layout())

    def show_as(self, place: WorkPlace | None) -> None:
        if (place is not None and place.maximized) or self.isMaximized():
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)

    def restore_place(self, place: WorkPlace) -> None:
        """Open the intake, tab, section and field (or the side screen) of `place`; when the
        intake no longer exists (destroyed, transferred away), the caseload stays."""
        if place.intake_id is not None:
            if not any(row.intake_id == place.intake_id for row in self.intakes.caseload()):
                return
            self.open_intake(place.intake_id, ask_migration=False)
            view = self.intake_view
            if view is not None and view.draft.intake_id == place.intake_id:
                view.restore_place(place.tab, place.section_id, place.field_id)
            return
        opener = {"logbook": self.show_logbook, "settings": self.show_settings,
                  "handover": self.show_handover}.get(place.side_view or "")
        if opener is not None:
            self._when_store_free(opener)

    def clear_views(self) -> None:
        """Drop every widget holding resident data (called when locking)."""
        self._close_intake()
        self._close_side_view()
        self.caseload.clear()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("Over {app}").format(app=APP_NAME),
                          f"{APP_NAME} {__version__}\n"
                          + self.tr("Versleuteld notitieblok voor sociale wijkteams."))
