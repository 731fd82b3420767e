"""Session security in the GUI, with a controllable clock: idle lock, OS lock over a real D-Bus
session bus, clipboard clearing, the growing unlock delay across a restart, the passphrase
reminder and change, opening an intake (no stand-in reason: ZW-7 is the central dossier's), and
the logboek, settings and handover screens."""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.gui.shared.style import apply_style
from desktop_app.gui.shell.app import AppController
from desktop_app.gui.side.logbook_view import LogbookView
from desktop_app.gui.side.passphrase_dialog import PassphraseDialog
from desktop_app.gui.side.settings_view import SettingsView
from desktop_app.gui.system.lock_monitor import (
    REASON_SCREEN_LOCK,
    REASON_SESSION_SWITCH,
    REASON_SUSPEND,
    DBusLockMonitor,
    UnavailableLockMonitor,
    WindowsLockMonitor,
    classify_windows_message,
    platform_lock_monitor,
)
from desktop_app.services import settings as st
from desktop_app.services.demo import make_ready
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import ProfileService
from tests.conftest import PASSPHRASE, require_system_part
from tests.gui.keyboard import type_text

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
NEW_PASSPHRASE = "blauwe-vlinder-danst-op-dak"


def _make_controller(qtbot, data_home: Path, clock, monitor=None) -> AppController:
    apply_style(QApplication.instance())
    ctrl = AppController(ProfileService(data_home, clock),
                         lock_monitor=monitor or UnavailableLockMonitor("test"),
                         idle_check_ms=20, monitor_delay_ms=0)
    ctrl.start()
    # The OS-lock monitor starts after the window is shown (deferred for start-up time).
    qtbot.waitUntil(lambda: ctrl.monitor_started)
    return ctrl


def _unlock(qtbot, ctrl: AppController, passphrase: str = PASSPHRASE) -> None:
    w = ctrl.unlock_window
    w.passphrase_edit.clear()
    w.passphrase_edit.setFocus()
    type_text(qtbot, w.passphrase_edit, passphrase)
    qtbot.keyClick(w.passphrase_edit, Qt.Key.Key_Return)


@pytest.fixture
def unlocked(qtbot, profile, data_home: Path, clock) -> Iterator[AppController]:
    """A profile made by the fixture (closed again), then unlocked through the GUI."""
    profile.close()
    ctrl = _make_controller(qtbot, data_home, clock)
    _unlock(qtbot, ctrl)
    qtbot.waitUntil(lambda: ctrl.main_window is not None)
    yield ctrl
    ctrl.dispose()


# -- idle lock ------------------------------------------------------------------------------
def test_idle_lock_fires_after_configured_minutes_and_clears_views(qtbot, unlocked,
                                                                   clock) -> None:
    ctrl = unlocked
    main = ctrl.main_window
    intakes = main.intakes
    intake_id = intakes.start_intake("Fictieve Inwoner Idle")
    main.open_intake(intake_id)
    assert main.intake_view is not None
    main.show_logbook()
    assert main.side_view is not None and main.side_view.table.rowCount() > 0
    st.SettingsService(ctrl.session).set(st.AUTOLOCK_MINUTES, 2)
    ctrl._apply_settings()
    session = ctrl.session
    clock.advance(119)
    qtbot.wait(100)
    assert ctrl.session is session  # not yet
    # Input resets the idle time.
    qtbot.mouseMove(main, main.rect().center())
    qtbot.keyClick(main.windowHandle(), Qt.Key.Key_Shift)
    clock.advance(119)
    qtbot.wait(100)
    assert ctrl.session is session
    clock.advance(1)
    qtbot.waitUntil(lambda: ctrl.session is None, timeout=2000)
    assert not session.is_open
    assert ctrl.main_window is None
    assert main.intake_view is None and main.side_view is None
    assert main.caseload.model.rowCount() == 0
    notice = ctrl.unlock_window.unlock_notice
    assert notice.isVisible() and "2 minuten" in notice.text()
    assert ctrl.unlock_window.isVisible()


def test_idle_lock_closes_the_question_about_a_newer_form(qtbot, unlocked, clock,
                                                         tmp_path: Path) -> None:
    """The question asked while an intake opens (a newer form) is closed by the idle lock, and
    the intake is not opened behind the unlock window."""
    from desktop_app.services.forms import FormRegistry
    from tests.gui.test_intake_flow import newer_form_folder

    ctrl = unlocked
    main = ctrl.main_window
    intake_id = main.intakes.start_intake("Fictieve Inwoner Dialoog")
    main.intakes.forms = FormRegistry(newer_form_folder(tmp_path))
    seen: list[str] = []

    def fire_idle() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        clock.advance(5 * 60)

    QTimer.singleShot(100, fire_idle)
    main.open_intake(intake_id)  # blocks in the question until the idle lock rejects it
    assert seen == ["QMessageBox"]
    assert ctrl.session is None and main.intake_view is None


# -- the warning before the idle lock, and back to the same place --------------------------
DOC_SCREENSHOTS = (Path(__file__).resolve().parents[2] / "docs" / "screenshots"
                   if os.environ.get("WI_DOC_SCREENSHOTS") else SCREENSHOTS)


def _open_on_field(main, intake_id: str, section_id: str, field_id: str):
    # The phone number is asked only when it must be noted here (form version 4).
    main.intakes.save_answers(intake_id, {"contact_noteren": True})
    main.open_intake(intake_id)
    view = main.intake_view
    rows = [view.section_list.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(view.section_list.count())]
    view.section_list.setCurrentRow(rows.index(section_id))
    target = view.editors[field_id].focus_target()
    target.setFocus()
    return view, target


def test_warning_counts_down_before_the_idle_lock_and_input_ends_it(qtbot, unlocked,
                                                                    clock) -> None:
    ctrl = unlocked
    main = ctrl.main_window
    intake_id = main.intakes.start_intake("Fictieve Inwoner Waarschuwing")
    st.SettingsService(ctrl.session).set(st.AUTOLOCK_MINUTES, 2)
    ctrl._apply_settings()
    _view, field = _open_on_field(main, intake_id, "inwoner", "inwoner_telefoon")
    session = ctrl.session
    clock.advance(59)
    qtbot.wait(100)
    assert ctrl.lock_warning is None  # more than a minute left: no warning yet
    clock.advance(1)
    qtbot.waitUntil(lambda: ctrl.lock_warning is not None and ctrl.lock_warning.isVisible())
    warning = ctrl.lock_warning
    assert "over 60 seconden" in warning.label.text()
    clock.advance(15)
    qtbot.waitUntil(lambda: "over 45 seconden" in warning.label.text())
    assert warning.label.text() == (
        "Het programma vergrendelt over 45 seconden. Beweeg de muis of druk op een toets om "
        "door te gaan.")
    # Over the main window, under the menus, taking no focus: the field keeps it.
    assert warning.parentWidget() is main and warning.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert warning.geometry().top() >= main.menuBar().height()
    assert main.rect().contains(warning.geometry())
    assert main.focusWidget() is field
    main.resize(1366, 768)
    clock.advance(1)
    qtbot.waitUntil(lambda: "over 44 seconden" in warning.label.text())
    DOC_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    main.grab().save(str(DOC_SCREENSHOTS / "vergrendel-waarschuwing.png"))
    # A key in the field: the warning goes at once and the program stays open. Sent to the
    # window, as the system delivers a key (the watcher filters windows, not every widget).
    qtbot.keyClick(main.windowHandle(), Qt.Key.Key_Shift)
    assert main.focusWidget() is field
    assert ctrl.lock_warning is None
    assert not shiboken6.isValid(warning) or not warning.isVisible()  # hidden, then deleted
    clock.advance(59)  # the idle time began again: no warning for another minute
    qtbot.wait(100)
    assert ctrl.session is session and ctrl.lock_warning is None
    # The mouse ends it too.
    clock.advance(30)
    qtbot.waitUntil(lambda: ctrl.lock_warning is not None)
    qtbot.mouseMove(main, main.rect().center())
    assert ctrl.lock_warning is None
    # Left alone: the last second is counted (singular), then the lock comes and the warning
    # is gone with the window.
    clock.advance(119)
    qtbot.waitUntil(lambda: ctrl.lock_warning is not None
                    and ctrl.lock_warning.label.text().startswith(
                        "Het programma vergrendelt over 1 seconde."))
    assert ctrl.session is session
    clock.advance(1)
    qtbot.waitUntil(lambda: ctrl.session is None, timeout=2000)
    assert ctrl.lock_warning is None and ctrl.unlock_window.isVisible()
    assert "2 minuten" in ctrl.unlock_window.unlock_notice.text()


def test_warning_shows_over_an_open_dialog_of_the_main_window(qtbot, unlocked, clock) -> None:
    """The weighing wizard or a question may cover the main window: the warning is shown in
    that dialog, which keeps its focus."""
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    ctrl = unlocked
    main = ctrl.main_window
    dialog = QDialog(main)
    edit = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    dialog.resize(600, 400)
    dialog.open()
    dialog.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    clock.advance(4 * 60)  # the default: 5 minutes
    qtbot.waitUntil(lambda: ctrl.lock_warning is not None)
    assert ctrl.lock_warning.parentWidget() is dialog
    assert dialog.focusWidget() is edit
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_A)  # as the system delivers it
    assert ctrl.lock_warning is None and edit.text() == "a"
    dialog.reject()


def test_one_minute_idle_lock_warns_for_the_last_half_minute(qtbot, unlocked, clock) -> None:
    ctrl = unlocked
    st.SettingsService(ctrl.session).set(st.AUTOLOCK_MINUTES, 1)
    ctrl._apply_settings()
    clock.advance(29)
    qtbot.wait(100)
    assert ctrl.lock_warning is None
    clock.advance(1)
    qtbot.waitUntil(lambda: ctrl.lock_warning is not None
                    and "over 30 seconden" in ctrl.lock_warning.label.text())


def test_unlocking_returns_to_the_intake_tab_section_field_and_maximised_window(
        qtbot, unlocked, clock) -> None:
    ctrl = unlocked
    main = ctrl.main_window
    name = "Fictieve Inwoner Terugkeer"
    intake_id = main.intakes.start_intake(name)
    main.showMaximized()
    qtbot.waitUntil(main.isMaximized)
    _view, _field = _open_on_field(main, intake_id, "inwoner", "inwoner_telefoon")
    clock.advance(5 * 60)  # the idle lock (default 5 minutes)
    qtbot.waitUntil(lambda: ctrl.session is None, timeout=2000)
    place = ctrl.place
    assert place is not None
    assert (place.intake_id, place.tab, place.section_id, place.field_id) == (
        intake_id, 0, "inwoner", "inwoner_telefoon")
    assert place.maximized
    # Only ids stay in memory over the lock: nothing of the resident.
    assert name not in repr(place) and "Terugkeer" not in bytes(place.geometry).decode("latin-1")
    _unlock(qtbot, ctrl)
    qtbot.waitUntil(lambda: ctrl.main_window is not None)
    main = ctrl.main_window
    qtbot.waitUntil(main.isMaximized)
    view = main.intake_view
    assert view is not None and view.draft.intake_id == intake_id
    assert view.section_list.currentItem().data(Qt.ItemDataRole.UserRole) == "inwoner"
    assert view.tabs.currentIndex() == 0
    assert main.focusWidget() is view.editors["inwoner_telefoon"].focus_target()
    assert ctrl.place is None  # used once

    # Another tab (Toestemming), by Ctrl+L, with the window not maximised: the same again.
    main.showNormal()
    qtbot.waitUntil(lambda: not main.isMaximized())
    # Smaller than the screen (restoring keeps a window on the screen it is on).
    screen = QGuiApplication.primaryScreen().availableGeometry()
    width = screen.width() - 100
    main.resize(width, screen.height() - 100)
    view.tabs.setCurrentIndex(2)
    main.lock_action.trigger()
    assert ctrl.place is not None and ctrl.place.tab == 2 and not ctrl.place.maximized
    _unlock(qtbot, ctrl)
    qtbot.waitUntil(lambda: ctrl.main_window is not None)
    main = ctrl.main_window
    assert not main.isMaximized() and main.size().width() == width
    assert main.intake_view is not None and main.intake_view.tabs.currentIndex() == 2


def test_unlocking_lands_on_the_caseload_when_the_intake_is_gone(qtbot, unlocked) -> None:
    from dataclasses import replace

    ctrl = unlocked
    main = ctrl.main_window
    intake_id = main.intakes.start_intake("Fictieve Inwoner Weg")
    main.open_intake(intake_id)
    ctrl.lock()
    assert ctrl.place is not None
    ctrl.place = replace(ctrl.place, intake_id="bestaat-niet")  # destroyed meanwhile
    _unlock(qtbot, ctrl)
    qtbot.waitUntil(lambda: ctrl.main_window is not None)
    main = ctrl.main_window
    assert main.intake_view is None and main.screens.currentWidget() is main.home


def test_the_logbook_screen_comes_back_after_unlocking(qtbot, unlocked) -> None:
    ctrl = unlocked
    ctrl.main_window.show_logbook()
    ctrl.lock()
    _unlock(qtbot, ctrl)
    qtbot.waitUntil(lambda: ctrl.main_window is not None)
    assert isinstance(ctrl.main_window.side_view, LogbookView)


@pytest.mark.parametrize("breakage", ["unwritable", "connection-gone"])
def test_locking_ends_locked_when_the_store_cannot_take_the_log_entry(
        qtbot, unlocked, breakage) -> None:
    """Issue 17 (2): the store refuses the lock's logboek entry (made read-only, or its
    connection gone): the main window still goes, the unlock window comes with a message, and
    the next unlock works and logs the failed lock."""
    from shiboken6 import isValid

    from desktop_app.gui.shared.i18n import text
    from desktop_app.messages import Message

    ctrl = unlocked
    main = ctrl.main_window
    intake_id = main.intakes.start_intake("Fictieve Inwoner Slot")
    main.open_intake(intake_id)
    connection = ctrl.session.profile.store.raw_connection
    if breakage == "unwritable":
        connection.execute("PRAGMA query_only = ON")
    else:
        connection.close()

    ctrl.lock()

    assert ctrl.session is None and ctrl.main_window is None
    qtbot.waitUntil(lambda: not isValid(main))  # deleted, with every view that held data
    window = ctrl.unlock_window
    assert window.isVisible()
    assert text(Message("session.lock_incomplete")) in window.unlock_notice.text()
    if breakage == "unwritable":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(SCREENSHOTS / "lock-incomplete-notice.png"))

    _unlock(qtbot, ctrl)
    qtbot.waitUntil(lambda: ctrl.main_window is not None)
    entries = ctrl.session.audit_entries(action="vergrendelen.onvolledig")
    assert [e.result for e in entries] == ["mislukt"]


# -- OS lock over D-Bus ---------------------------------------------------------------------
def _session_bus() -> str:
    """The address of the real (private) session bus that scripts/test-session started."""
    import os

    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    require_system_part(bool(address), "no D-Bus session bus (run in scripts/test-session)")
    return address


def _emit(path: str, interface: str, member: str, signature: str | None = None,
          body: tuple = ()) -> None:
    """Emit a signal on the real session bus from a separate connection (like the desktop's
    screensaver or logind would)."""
    from jeepney import DBusAddress, new_signal
    from jeepney.io.blocking import open_dbus_connection

    conn = open_dbus_connection("SESSION")
    try:
        conn.send(new_signal(DBusAddress(path, interface=interface), member, signature, body))
    finally:
        conn.close()


@pytest.mark.parametrize("signal", ["screensaver", "gnome", "login1_lock", "sleep"])
def test_os_lock_signal_on_real_session_bus_locks(qtbot, profile, data_home: Path, clock,
                                                  signal: str) -> None:
    bus = _session_bus()
    profile.close()
    monitor = DBusLockMonitor(session_bus=bus, login1_bus=bus)
    assert monitor.available()
    ctrl = _make_controller(qtbot, data_home, clock, monitor)
    try:
        _unlock(qtbot, ctrl)
        qtbot.waitUntil(lambda: ctrl.main_window is not None)
        if signal == "screensaver":
            _emit("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
                  "ActiveChanged", "b", (False,))  # screensaver ending: no lock
            qtbot.wait(200)
            assert ctrl.session is not None
            _emit("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
                  "ActiveChanged", "b", (True,))
            expected = "scherm"
        elif signal == "gnome":
            _emit("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", "b",
                  (True,))
            expected = "scherm"
        elif signal == "login1_lock":
            _emit("/org/freedesktop/login1/session/_31", "org.freedesktop.login1.Session",
                  "Lock")
            expected = "scherm"
        else:
            _emit("/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                  "PrepareForSleep", "b", (True,))
            expected = "slaapstand"
        qtbot.waitUntil(lambda: ctrl.session is None, timeout=3000)
        assert ctrl.main_window is None
        assert expected in ctrl.unlock_window.unlock_notice.text()
        # After stop() the program no longer listens.
        monitor.stop()
        _unlock(qtbot, ctrl)
        qtbot.waitUntil(lambda: ctrl.main_window is not None)
        _emit("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
              "ActiveChanged", "b", (True,))
        qtbot.wait(300)
        assert ctrl.session is not None
    finally:
        ctrl.dispose()


def test_lock_monitor_starts_after_the_window_or_at_unlock_whichever_first(
        qtbot, profile, data_home: Path, clock) -> None:
    """Start-up: the monitor is not started to show the unlock window (it opens D-Bus
    connections); it starts a moment later, or at once when the worker unlocks sooner."""
    profile.close()
    apply_style(QApplication.instance())
    ctrl = AppController(ProfileService(data_home, clock),
                         lock_monitor=UnavailableLockMonitor("test"), monitor_delay_ms=60_000)
    try:
        ctrl.start()
        qtbot.waitExposed(ctrl.unlock_window)
        assert not ctrl.monitor_started
        _unlock(qtbot, ctrl)
        qtbot.waitUntil(lambda: ctrl.main_window is not None)
        assert ctrl.monitor_started
    finally:
        ctrl.dispose()
    late = AppController(ProfileService(data_home, clock),
                         lock_monitor=UnavailableLockMonitor("test"), monitor_delay_ms=50)
    try:
        late.start()
        assert not late.monitor_started
        qtbot.waitUntil(lambda: late.monitor_started, timeout=3000)
        assert late.session is None
    finally:
        late.dispose()


def test_windows_message_classification_and_platform_choice() -> None:
    # The WTS/power message decoding runs everywhere; the registration itself needs Windows.
    assert classify_windows_message(0x02B1, 0x7) == REASON_SCREEN_LOCK
    assert classify_windows_message(0x02B1, 0x2) == REASON_SESSION_SWITCH
    assert classify_windows_message(0x02B1, 0x4) == REASON_SESSION_SWITCH
    assert classify_windows_message(0x02B1, 0x8) is None  # unlock
    assert classify_windows_message(0x0218, 0x4) == REASON_SUSPEND
    assert classify_windows_message(0x0218, 0x7) is None
    import sys

    if sys.platform.startswith("linux"):
        assert not WindowsLockMonitor().available()
        assert isinstance(platform_lock_monitor(), DBusLockMonitor)
    unavailable = UnavailableLockMonitor("niet beschikbaar")
    assert not unavailable.available() and unavailable.describe() == "niet beschikbaar"


# -- clipboard ------------------------------------------------------------------------------
def test_lock_clears_our_clipboard_only(qtbot, unlocked) -> None:
    """The timeout itself is tested with the guard's clock in tests/gui/test_transfer_panel.py;
    here: locking clears what the program copied, and leaves someone else's text alone."""
    ctrl = unlocked
    clipboard = QGuiApplication.clipboard()
    calls: list[str] = []
    ctrl.add_lock_hook(lambda: calls.append("hook"))
    ctrl.clipboard.copy("Nog van ons (fictief)", 30)
    assert clipboard.text() == "Nog van ons (fictief)"
    ctrl.main_window.lock_action.trigger()
    assert clipboard.text() == "" and calls == ["hook"]
    _unlock(qtbot, ctrl)
    qtbot.waitUntil(lambda: ctrl.main_window is not None)
    ctrl.clipboard.copy("van ons", 30)
    clipboard.setText("van iemand anders")
    ctrl.lock()
    assert clipboard.text() == "van iemand anders"


def test_lock_clears_what_the_transfer_panel_copied(qtbot, unlocked) -> None:
    from desktop_app.gui.system.clipboard import shared_guard

    ctrl = unlocked
    clipboard = QGuiApplication.clipboard()
    shared_guard().copy("Fictieve sectietekst voor het dossier", 30)
    assert clipboard.text() == "Fictieve sectietekst voor het dossier"
    ctrl.main_window.lock_action.trigger()
    assert ctrl.session is None and clipboard.text() == ""


def test_a_failing_lock_hook_does_not_stop_the_lock(qtbot, unlocked) -> None:
    ctrl = unlocked

    def broken() -> None:
        raise RuntimeError("kapot")

    ctrl.add_lock_hook(broken)
    ctrl.lock()
    assert ctrl.session is None and ctrl.main_window is None


# -- growing delay across a restart ---------------------------------------------------------
def test_unlock_delay_grows_and_survives_restart(qtbot, profile, data_home: Path,
                                                 clock) -> None:
    profile.close()
    first = _make_controller(qtbot, data_home, clock)
    w = first.unlock_window
    waits: list[str] = []
    for attempt in range(3):
        _unlock(qtbot, first, f"verkeerde-zin-{attempt}")
        assert first.session is None
        assert "klopt niet" in w.unlock_error.text()
        assert not w.unlock_button.isEnabled()
        waits.append(w.unlock_button.text())
        clock.advance(2 ** attempt)  # exactly the delay: the next try is allowed
        w._update_delay()
        assert w.unlock_button.isEnabled()
    assert waits == ["Wacht 2 s", "Wacht 3 s", "Wacht 5 s"]
    _unlock(qtbot, first, "nog-een-keer-fout")
    first.dispose()  # closes and deletes its windows
    # "Restart": a brand-new controller and window reading the same profile folder.
    second = _make_controller(qtbot, data_home, clock)
    w2 = second.unlock_window
    assert not w2.unlock_button.isEnabled() and w2.unlock_button.text() == "Wacht 9 s"
    _unlock(qtbot, second)  # typing the right one while waiting does nothing
    assert second.session is None
    clock.advance(8)
    w2._update_delay()
    assert w2.unlock_button.isEnabled()
    _unlock(qtbot, second)
    qtbot.waitUntil(lambda: second.main_window is not None)
    notices = " ".join(map(str, second.session.notices))
    assert "4 keer een verkeerde wachtwoordzin" in notices
    failed = second.session.audit_entries(action="ontgrendelen")
    assert [e.result for e in failed].count("geweigerd") == 4
    second.dispose()


# -- passphrase reminder and change ---------------------------------------------------------
def test_reminder_appears_when_due_and_change_passphrase_dialog(qtbot, profile,
                                                                data_home: Path,
                                                                clock) -> None:
    profile.close()
    clock.advance(30 * 86400)
    ctrl = _make_controller(qtbot, data_home, clock)
    try:
        _unlock(qtbot, ctrl)
        qtbot.waitUntil(lambda: ctrl.main_window is not None)
        assert ctrl.main_window.reminder_bar.isHidden()
        ctrl.lock()
        clock.advance(60 * 86400)
        _unlock(qtbot, ctrl)
        qtbot.waitUntil(lambda: ctrl.main_window is not None)
        main = ctrl.main_window
        assert not main.reminder_bar.isHidden()
        assert "90 dagen" in main.reminder_label.text()

        def fill() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, PassphraseDialog)
            dialog.old_edit.setText("fout-fout-fout-fout")
            dialog.new_edit.setText(NEW_PASSPHRASE)
            dialog.repeat_edit.setText(NEW_PASSPHRASE)
            dialog._change()
            # The key work runs on a worker thread; the dialog says it is busy meanwhile.
            assert dialog.working and not dialog.buttons.isEnabled()
            qtbot.waitUntil(lambda: not dialog.working, timeout=10000)
            assert "klopt niet" in dialog.error_label.text()
            dialog.old_edit.setText(PASSPHRASE)
            dialog.new_edit.clear()
            type_text(qtbot, dialog.new_edit, "kort")
            assert "minstens 12" in dialog.problems_label.text()
            dialog.new_edit.clear()
            type_text(qtbot, dialog.new_edit, NEW_PASSPHRASE)
            assert dialog.error_label.isHidden()  # retyping hides the old error
            assert dialog.strength_label.text() in ("Sterk", "Zeer sterk")
            dialog.grab().save(str(SCREENSHOTS / "wachtwoordzin-wijzigen.png"))
            dialog._change()

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        QTimer.singleShot(50, fill)
        assert main.change_passphrase()
        assert main.reminder_bar.isHidden()
        header = ctrl.session.profile.header
        assert header.passphrase_changed_at == clock.now.isoformat(timespec="seconds")
        # No hint anywhere in the header.
        assert "hint" not in ctrl.session.profile.paths.header.read_text().lower()
        ctrl.lock()
        _unlock(qtbot, ctrl, PASSPHRASE)
        assert ctrl.session is None
        clock.advance(2)
        ctrl.unlock_window._update_delay()
        _unlock(qtbot, ctrl, NEW_PASSPHRASE)
        qtbot.waitUntil(lambda: ctrl.main_window is not None)
    finally:
        ctrl.dispose()


# -- opening an intake (ZW-7) --------------------------------------------------------------
def test_opening_an_intake_asks_no_reason_and_logs_the_worker(qtbot, unlocked) -> None:
    """A personal store holds only this worker's drafts (stand-in access, ZW-7, is the central
    dossier's): opening an intake asks nothing and is logged with the worker as actor."""
    ctrl = unlocked
    main = ctrl.main_window
    intake_id = main.intakes.start_intake("Fictieve Inwoner Openen")
    modal: list[QWidget | None] = []

    def look() -> None:  # runs inside a dialog's event loop if opening asked anything
        modal.append(QApplication.activeModalWidget())
        if modal[-1] is not None:
            modal[-1].close()

    QTimer.singleShot(0, look)
    main.open_intake(intake_id)
    qtbot.waitUntil(lambda: bool(modal))
    assert modal == [None]
    assert main.intake_view is not None and main.intake_view.draft.intake_id == intake_id
    me = ctrl.session.profile.actor
    opened = ctrl.session.audit_entries(obj=intake_id, action="intake.openen")
    assert [(e.actor, e.on_behalf_of, e.reason) for e in opened] == [(me, me, "")]


# -- screens --------------------------------------------------------------------------------
def _fill_sample(ctrl: AppController, clock) -> list[str]:
    intakes = IntakeService(ctrl.session)
    ids = []
    for name in ("Fictief: Anna Jansen", "Fictief: Mehmet Yılmaz", "Fictief: Olga Ivanova"):
        ids.append(intakes.start_intake(name, dt.date(1980, 5, 17)))
        clock.advance(600)
        intakes.open_intake(ids[-1])
        clock.advance(60)
    make_ready(intakes, ids[0])
    intakes.set_status(ids[1], "overgedragen")
    intakes.reveal_bsn(ids[2])
    ctrl.idle.tracker.touch()  # the fake clock moved on; the worker is still here
    return ids


def test_logbook_screen_filters_verifies_exports(qtbot, unlocked, clock,
                                                 tmp_path: Path) -> None:
    ctrl = unlocked
    ids = _fill_sample(ctrl, clock)
    main = ctrl.main_window
    main.resize(1180, 720)
    main.show()
    main.logbook_action.trigger()
    view = main.side_view
    assert isinstance(view, LogbookView)
    total = view.table.rowCount()
    assert total >= 10
    view.object_edit.setText(ids[0])
    view.refresh()
    objects = {view.table.item(r, 2).text() for r in range(view.table.rowCount())}
    assert objects == {ids[0]}
    view.object_edit.clear()
    view.action_combo.setCurrentIndex(view.action_combo.findData("bsn.tonen"))
    assert view.table.rowCount() == 1
    assert (view.table.item(0, 1).text(), view.table.item(0, 2).text()) == ("BSN tonen", ids[2])
    view.action_combo.setCurrentIndex(0)
    assert view.verify()
    assert "in orde" in view.result_label.text()
    target = tmp_path / "logboek.csv"
    assert view.export_to(target)
    assert target.read_text("utf-8-sig").count("\n") >= total
    text = target.read_text("utf-8-sig")
    assert "Anna" not in text and "Yılmaz" not in text and "1980" not in text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    main.grab().save(str(SCREENSHOTS / "logboek.png"))
    # A tampered log shows the problem in Dutch.
    raw = ctrl.session.profile.store.raw_connection
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("UPDATE audit_log SET reason = 'anders' WHERE seq = 4")
    raw.commit()
    assert not view.verify()
    assert view.result_label.objectName() == "error"
    assert "Let op" in view.result_label.text() and "regel 4" in view.result_label.text()
    main.grab().save(str(SCREENSHOTS / "logboek-gewijzigd.png"))


def test_logbook_screen_shows_a_typed_reason_until_its_intake_is_destroyed(
        qtbot, unlocked, clock) -> None:
    """Issue 17 (5): a reason in the worker's words is kept with its intake; the logboek
    screen shows the words, and "(vernietigd)" once the intake is destroyed."""
    from desktop_app.gui.side.logbook_view import _REASON_COLUMN
    from desktop_app.services.destruction import DestructionService
    from desktop_app.services.records import log_with_reason
    from desktop_app.services.transfer import TransferChecklist, TransferService

    ctrl = unlocked
    session = ctrl.session
    intakes = IntakeService(session)
    gone = intakes.start_intake("Fictieve Inwoner Weg")
    kept = intakes.start_intake("Fictief Blijft")
    store = session.profile.store
    log_with_reason(session, store, "bsn.tonen", gone, "Gebeld door mevrouw Fictief")
    log_with_reason(session, store, "bsn.tonen", kept, "Op verzoek van de inwoner")
    main = ctrl.main_window
    main.resize(1180, 720)
    main.show()
    main.logbook_action.trigger()
    view = main.side_view
    assert isinstance(view, LogbookView)
    view.action_combo.setCurrentIndex(view.action_combo.findData("bsn.tonen"))

    def reasons() -> dict[str, str]:
        view.refresh()
        return {view.table.item(r, 2).text(): view.table.item(r, _REASON_COLUMN).text()
                for r in range(view.table.rowCount())}

    assert reasons() == {gone: "Gebeld door mevrouw Fictief", kept: "Op verzoek van de inwoner"}
    make_ready(intakes, gone)
    TransferService(session).confirm_transfer(
        gone, TransferChecklist("TOP-2026-00417", True, True, True))
    DestructionService(session).destroy(gone)
    assert reasons() == {gone: "(vernietigd)", kept: "Op verzoek van de inwoner"}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    main.grab().save(str(SCREENSHOTS / "logboek-reden-vernietigd.png"))


def test_settings_screen_saves_validates_and_applies(qtbot, unlocked, clock,
                                                     tmp_path: Path) -> None:
    ctrl = unlocked
    main = ctrl.main_window
    main.resize(1180, 760)
    main.show()
    main.settings_action.trigger()
    view = main.side_view
    assert isinstance(view, SettingsView)
    assert view.autolock_spin.value() == 5 and view.capture_check.isChecked()
    for widget in view.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(view) and \
                not widget.inherits("QScrollBar") and \
                not widget.parentWidget().inherits("QAbstractSpinBox"):
            assert widget.accessibleName() or widget.inherits("QPushButton") or \
                widget.inherits("QCheckBox"), type(widget).__name__
    view.protocol_combo.setCurrentIndex(view.protocol_combo.findData("zutphen"))
    view.autolock_spin.setValue(3)
    view.clipboard_spin.setValue(20)
    view.municipality_edit.setText("Gemeente Voorbeeld")
    view.team_edit.setText("Sociaal Wijkteam Centrum")
    view.phone_edit.setText("0575 123 456")
    view.email_edit.setText("wijkteam-centrum")
    view.address_edit.setPlainText("Postbus 15\n7200 AA Voorbeeld")
    assert not view.save()
    assert "e-mailadres" in view.error_label.text()
    assert st.SettingsService(ctrl.session).autolock_minutes() == 5
    view.email_edit.setText("wijkteam@voorbeeld.example")
    bad = tmp_path / "logo.png"
    bad.write_text("geen plaatje")
    assert not view.choose_logo_file(bad)
    assert "PNG" in view.error_label.text()
    from tests.integration.test_session_security import _png

    good = tmp_path / "goed.png"
    good.write_bytes(_png(120, 48))
    assert view.choose_logo_file(good)
    assert view.save()
    assert "opgeslagen" in view.notice_label.text()
    service = st.SettingsService(ctrl.session)
    assert service.protocol() == "zutphen"
    assert service.autolock_minutes() == 3 and ctrl.idle.tracker.minutes == 3
    assert service.clipboard_seconds() == 20
    assert service.logo() is not None and service.logo().width == 120
    qtbot.wait(50)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    main.grab().save(str(SCREENSHOTS / "instellingen.png"))


def test_handover_screen_lists_what_is_still_here(qtbot, unlocked, clock) -> None:
    ctrl = unlocked
    ids = _fill_sample(ctrl, clock)
    main = ctrl.main_window
    main.resize(1180, 640)
    main.show()
    main.handover_action.trigger()
    view = main.side_view
    assert view.table.rowCount() == 3
    assert {view.table.item(r, 1).text() for r in range(3)} == set(ids)
    assert "Let op: nog 3 intake(s)" in view.status_label.text()
    assert "1 overgedragen maar nog niet vernietigd" in view.status_label.text()
    qtbot.wait(50)
    main.grab().save(str(SCREENSHOTS / "overdracht.png"))
    ctrl.lock()
    assert view.table.rowCount() == 0 or main.side_view is None


# -- locking while a background job runs ------------------------------------------------------
def test_locking_during_a_destruction_waits_for_it_and_ends_locked(qtbot, unlocked) -> None:
    """Ctrl+L while the transfer tab destroys an intake on a worker thread: the window goes
    at once, the lock waits for the destruction to finish (it rewrites the store), and the
    program ends locked with the destruction complete — nothing to resume at the next unlock."""
    from desktop_app.gui.shared.jobs import runner
    from desktop_app.services.destruction import DestructionService, receipts
    from desktop_app.services.intakes import IntakeService
    from desktop_app.services.transfer import TransferChecklist, TransferService

    ctrl = unlocked
    session = ctrl.session
    intakes = IntakeService(session)
    intake_id = intakes.start_intake("Fictief: Anna Jansen")
    intakes.save_answers(intake_id, {"hulpvraag": "y" * 200_000})
    make_ready(intakes, intake_id)
    TransferService(session).confirm_transfer(
        intake_id, TransferChecklist("TOP-2026-00417", True, True, True))
    started = threading.Event()
    service = DestructionService(session)

    def destroy(progress) -> object:
        started.set()
        return service.destroy(intake_id, progress)

    delivered: list[object] = []
    # The screen that asked (here the main window) still exists while the lock runs: what the
    # job hands back must not reach it after the lock (a print dialog over the unlock window).
    assert runner().start({"store", intake_id}, destroy, owner=ctrl.main_window,
                          on_done=delivered.append, on_progress=delivered.append) is not None
    assert started.wait(5)
    ctrl.lock()  # Ctrl+L, idle or the OS lock: all go through here
    assert not runner().busy()
    qtbot.wait(200)  # queued deliveries would arrive now
    assert delivered == []
    assert ctrl.session is None and ctrl.main_window is None
    assert ctrl.unlock_window.isVisible()
    _unlock(qtbot, ctrl)
    qtbot.waitUntil(lambda: ctrl.main_window is not None)
    again = ctrl.session
    assert DestructionService(again).unfinished() == []
    [receipt] = receipts(again)
    assert receipt.completed and receipt.intake_pseudonym == intake_id
    qtbot.waitUntil(lambda: not runner().busy(), timeout=10000)  # the after-unlock job
    resumed = {"destruction.resume.interrupted", "destruction.resume.finished"}
    assert not [n for n in again.notices if n.key in resumed]


def test_the_idle_watcher_sees_input_to_windows_not_every_widget_event(qtbot, clock) -> None:
    """Issue 18: an application-wide filter ran Python for every event of every widget
    (building an intake's 25 pages and 95 fields: thousands), which made opening an intake
    slow. The watcher filters top-level windows: building widgets costs it nothing, and a key
    or a click reaches it as the system delivers them, also in a window opened later."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout

    from desktop_app.gui.system.idle import IdleWatcher

    class Counting(IdleWatcher):
        calls = 0

        def eventFilter(self, watched, event) -> bool:
            Counting.calls += 1
            return super().eventFilter(watched, event)

    window = QWidget()
    QVBoxLayout(window).addWidget(QLineEdit())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    class AppWide(QObject):  # what the old application-wide filter saw, for comparison
        calls = 0

        def eventFilter(self, watched, event) -> bool:
            AppWide.calls += 1
            return False

    def build_a_page() -> None:  # as an intake page is built into the shown window
        page = QWidget(window)
        layout = QVBoxLayout(page)
        for number in range(300):
            label = QLabel(f"Vraag {number}")
            layout.addWidget(label)
            label.setText(f"Vraag {number}?")
        page.show()
        QApplication.processEvents()

    app_wide = AppWide()
    QApplication.instance().installEventFilter(app_wide)
    build_a_page()
    QApplication.instance().removeEventFilter(app_wide)
    watcher = Counting(clock, 5, on_idle=lambda: None, check_interval_ms=600_000)
    watcher.start()
    try:
        Counting.calls = 0
        build_a_page()
        assert AppWide.calls > 1000 and Counting.calls < AppWide.calls / 100
        clock.advance(60)
        assert watcher.tracker.idle_seconds() == 60
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_A)
        assert watcher.tracker.idle_seconds() == 0

        later = QWidget()  # a dialog opened after the watcher started
        QVBoxLayout(later).addWidget(QLineEdit())
        qtbot.addWidget(later)
        later.show()
        later.activateWindow()
        qtbot.waitUntil(later.isActiveWindow)
        clock.advance(60)
        qtbot.mouseClick(later.windowHandle(), Qt.MouseButton.LeftButton)
        assert watcher.tracker.idle_seconds() == 0
    finally:
        watcher.stop()
