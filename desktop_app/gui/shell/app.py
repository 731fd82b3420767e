"""Application controller: unlock window ↔ main window, and every way the program locks:
on demand (Ctrl+L), after idle time (announced by a countdown bar a minute before), and when
the OS locks the screen, suspends or switches session (LockMonitor). Unlocking returns to where
the worker was (WorkPlace: ids and window geometry only)."""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import APP_NAME, __version__
from desktop_app.gui.shared.i18n import (
    current_language,
    error_text,
    install_language,
    resolve_language,
    system_language,
)
from desktop_app.gui.shared.style import apply_style
from desktop_app.gui.unlock.unlock_window import UnlockWindow
from desktop_app.services.session import Clock, ProfileService, Session, system_clock

if TYPE_CHECKING:
    from desktop_app.gui.shell.lock_warning import LockWarning
    from desktop_app.gui.shell.main_window import MainWindow, WorkPlace
    from desktop_app.gui.system.clipboard import QtClipboardGuard
    from desktop_app.gui.system.idle import IdleWatcher
    from desktop_app.gui.system.lock_monitor import LockMonitor

# The main window and everything behind it (forms, services, reportlab, keyring) are imported
# after unlocking, and the OS-lock monitor (D-Bus connections) and the idle watcher start
# right after the unlock window is on screen: it must appear fast (DESIGN: ≤ 1.3 × a bare
# window).


MONITOR_START_DELAY_MS = 1000
# The subject of the after-unlock job when it only reads (the integrity check, the reminders).
AFTER_UNLOCK_JOB = "na-ontgrendelen"
JOB_WAIT_SECONDS = 30.0


def _clear_clipboard() -> object:
    from desktop_app.gui.system.clipboard import clear_clipboard_now

    return clear_clipboard_now()


def _install_alt_letter_guard() -> None:
    from desktop_app.gui.shared.keys import install_alt_letter_guard

    install_alt_letter_guard()


class AppController(QObject):
    def __init__(self, service: ProfileService, lock_monitor: LockMonitor | None = None,
                 idle_check_ms: int = 5000,
                 monitor_delay_ms: int = MONITOR_START_DELAY_MS) -> None:
        super().__init__()
        self.service = service
        self.clock: Clock = service.clock
        self.session: Session | None = None
        self.main_window: MainWindow | None = None
        self._unlock_window: UnlockWindow | None = self._make_unlock_window()
        # Run first when locking, while the store is still open: clear what we put on the
        # clipboard. Other parts add theirs with add_lock_hook.
        self.lock_hooks: list[Callable[[], object]] = [_clear_clipboard]
        self._idle_check_ms = idle_check_ms
        self._idle: IdleWatcher | None = None
        self._lock_monitor: LockMonitor | None = lock_monitor
        self.monitor_started = False
        self._monitor_delay_ms = monitor_delay_ms
        self._warning: LockWarning | None = None
        # Where the worker was at the last lock (ids and window geometry only), to return there.
        self.place: WorkPlace | None = None

    @property
    def idle(self) -> IdleWatcher:
        if self._idle is None:
            from desktop_app.gui.system.idle import IdleWatcher
            from desktop_app.services.settings import AUTOLOCK_MINUTES, BY_KEY

            # The setting's default until the unlocked profile's own value is applied.
            self._idle = IdleWatcher(self.clock, BY_KEY[AUTOLOCK_MINUTES].default,
                                     self._idle_lock, self._idle_check_ms,
                                     on_warning=self._warn, on_resume=self._hide_warning)
        return self._idle

    @property
    def lock_monitor(self) -> LockMonitor:
        if self._lock_monitor is None:
            from desktop_app.gui.system.lock_monitor import platform_lock_monitor

            self._lock_monitor = platform_lock_monitor()
        return self._lock_monitor

    def _make_unlock_window(self) -> UnlockWindow:
        window = UnlockWindow(service=self.service)
        window.unlocked.connect(self._on_unlocked)
        return window

    @property
    def unlock_window(self) -> UnlockWindow:
        """The unlock window. It does not exist while a profile is unlocked (its widgets and
        window buffer would stay in memory all day, ≈ 1.3 MB): locking makes it again, in the
        language then in use."""
        if self._unlock_window is None:
            self._unlock_window = self._make_unlock_window()
        return self._unlock_window

    def _drop_unlock_window(self) -> None:
        window, self._unlock_window = self._unlock_window, None
        if window is not None:
            window.unlocked.disconnect(self._on_unlocked)
            window.hide()
            # Deferred: it may still be emitting `unlocked` right now.
            window.deleteLater()

    def _apply_language(self, session: Session) -> str:
        """The vault is open: the setting `taal` now decides."""
        from desktop_app.services.settings import SettingsService

        return install_language(resolve_language(SettingsService(session).language()))

    @property
    def clipboard(self) -> QtClipboardGuard:
        """One clipboard guard for the whole program (the transfer panel copies through it)."""
        from desktop_app.gui.system.clipboard import shared_guard

        return shared_guard()

    def add_lock_hook(self, hook: Callable[[], object]) -> None:
        self.lock_hooks.append(hook)

    def start(self) -> None:
        # The window first. Listening for OS locks (D-Bus connections, a listener thread) only
        # matters once a profile is unlocked, and nobody types a passphrase within a second:
        # it starts a second after the window, or at unlocking if that comes sooner.
        self.unlock_window.show()
        QTimer.singleShot(self._monitor_delay_ms, self._start_lock_monitor)
        QTimer.singleShot(self._monitor_delay_ms, self._prestart_keyring)
        # Alt+letter never types text (gui/shared/keys.py); after the window, like the above.
        QTimer.singleShot(self._monitor_delay_ms, _install_alt_letter_guard)

    def _prestart_keyring(self) -> None:
        """The keyring client runs in a helper process that takes a moment to load: start it
        while the worker types the passphrase, so unlocking does not wait for it."""
        if self.session is None:
            self.service.prestart_keyring()

    def _start_lock_monitor(self) -> None:
        if self.monitor_started:
            return
        self.lock_monitor.start(self._os_lock)
        self.monitor_started = True

    def _on_unlocked(self, session: Session) -> None:
        self.session = session
        try:
            self._open_main_window(session)
        except Exception as caught:
            # The main window could not be made (an error nobody foresaw): never leave the
            # profile unlocked behind an unlock window, nor its lock held. Lock cleanly and say
            # so on the unlock window; the worker can try again at once.
            self._unlock_failed(caught)

    def _open_main_window(self, session: Session) -> None:
        from desktop_app.gui.shared.jobs import STORE, runner
        from desktop_app.gui.shell.main_window import MainWindow
        from desktop_app.services import after_unlock as unlock_work

        self._start_lock_monitor()
        unlock_work.register(session)
        lang = self._apply_language(session)
        self.main_window = MainWindow(session, lang)
        self.main_window.lock_requested.connect(self.lock)
        self.main_window.settings_saved.connect(self._apply_settings)
        self._apply_settings()
        self.idle.start()
        # Back as before the lock (the same worker only: another profile starts afresh).
        place, self.place = self.place, None
        if place is not None and place.profile_id != session.profile_id:
            place = None
        if place is not None:
            self.main_window.restore_geometry(place)
        else:
            # A start, or another worker's profile: the layout this profile saved last time.
            self.main_window.restore_saved_layout()
        self.main_window.show_as(place)
        self._drop_unlock_window()
        # The integrity check, half-done and due destructions, then the reminders
        # (services/after_unlock.py). For a large store, or when a destruction must be finished
        # or is due, on a worker thread: the caseload is on screen meanwhile. A destruction
        # rewrites the store, so it holds the store and the intakes being destroyed cannot be
        # opened; the check alone reads on its own connection and holds nothing.
        # Usually there is none of this, and the work is a few queries.
        window = self.main_window
        if unlock_work.needs_background(session):
            subjects = ({STORE, *unlock_work.destruction_subjects(session)}
                        if unlock_work.rewrites_store(session) else {AFTER_UNLOCK_JOB})
            runner().start(subjects, lambda _progress: unlock_work.after_unlock(session),
                           owner=window, on_done=window.after_unlock_done,
                           on_error=window.add_error)
        else:
            try:
                window.after_unlock_done(unlock_work.after_unlock(session))
            except Exception as caught:  # the caseload is there; the worker is told
                window.add_error(caught)
        if place is not None:
            with contextlib.suppress(Exception):  # where the worker was is a convenience
                window.restore_place(place)
        # Unlocked: the keyring helper is not needed until the next key change.
        self.service.release_keyring()

    def _unlock_failed(self, caught: BaseException) -> None:
        session, self.session = self.session, None
        window, self.main_window = self.main_window, None
        if window is not None:
            window.hide()
            window.deleteLater()
        if self._idle is not None:
            self._idle.stop()
        with contextlib.suppress(Exception):
            if session is not None:
                session.lock()  # the store closed, the keys wiped, the profile lock released
        self.unlock_window.refresh(error_text(caught))
        self.unlock_window.show()
        self.unlock_window.raise_()
        self.unlock_window.activateWindow()

    def _apply_settings(self) -> None:
        from desktop_app.services.settings import SettingsService

        if self.session is not None and self.session.is_open:
            self.idle.set_minutes(SettingsService(self.session).autolock_minutes())

    # -- the warning before the idle lock -----------------------------------------------------
    def _warning_host(self) -> QWidget | None:
        """The window the worker looks at: a dialog of the main window (the weighing wizard, a
        question) when one is open, else the main window."""
        window = self.main_window
        if window is None:
            return None
        active = QApplication.activeModalWidget() or QApplication.activeWindow()
        host: QWidget | None = active
        while host is not None and host is not window:
            host = host.parentWidget()
        return active if host is window and active is not None and active.isVisible() \
            else window

    def _warn(self, seconds: int) -> None:
        import shiboken6

        from desktop_app.gui.shell.lock_warning import LockWarning

        host = self._warning_host()
        if host is None:
            return
        warning = self._warning
        if warning is not None and (not shiboken6.isValid(warning)
                                    or warning.parentWidget() is not host):
            self._hide_warning()
            warning = None
        if warning is None:
            warning = self._warning = LockWarning(host)
        warning.show_seconds(seconds)

    def _hide_warning(self) -> None:
        import shiboken6

        warning, self._warning = self._warning, None
        if warning is not None and shiboken6.isValid(warning):
            warning.hide()
            warning.deleteLater()

    @property
    def lock_warning(self) -> LockWarning | None:
        """The warning on screen now, if any."""
        return self._warning

    def _idle_lock(self) -> None:
        minutes = self.idle.tracker.minutes
        self.lock(lambda: self.tr(
            "Vergrendeld omdat er 1 minuut niets gebeurde. Je gegevens zijn opgeslagen.")
            if minutes == 1 else self.tr("Vergrendeld omdat er {n} minuten niets gebeurde. Je "
                                         "gegevens zijn opgeslagen.").format(n=minutes))

    def _os_lock(self, reason: str) -> None:
        if self.session is None:
            return
        self.lock(lambda: self._os_lock_notice(reason))

    def _os_lock_notice(self, reason: str) -> str:
        from desktop_app.gui.system.lock_monitor import (
            REASON_SCREEN_LOCK,
            REASON_SESSION_SWITCH,
            REASON_SUSPEND,
        )

        notices = {
            REASON_SCREEN_LOCK: self.tr("Vergrendeld omdat het scherm van de computer op slot "
                                        "ging. Je gegevens zijn opgeslagen."),
            REASON_SUSPEND: self.tr("Vergrendeld omdat de computer in slaapstand ging. Je "
                                    "gegevens zijn opgeslagen."),
            REASON_SESSION_SWITCH: self.tr("Vergrendeld omdat er van gebruiker werd gewisseld. "
                                           "Je gegevens zijn opgeslagen."),
        }
        return notices.get(reason, "")

    def _keep_session_language(self) -> None:
        """The unlock window speaks the language of the session being locked: the setting
        `taal` (read while the store is still open) may have changed during it. Only the
        language stays in memory, in the translator installed now."""
        from desktop_app.services.settings import SettingsService

        if self.session is None or not self.session.is_open:
            return
        try:
            lang = resolve_language(SettingsService(self.session).language())
        except Exception:  # locking must go on; the unlock window then keeps the language
            return
        if lang != current_language():
            install_language(lang)

    def _close_dialogs(self) -> None:
        """Reject open dialogs of the main window (a question or settings dialog may be open
        when the idle lock fires); their callers check that the session is still open."""
        # Imported here: making PySide's QDialog type costs start-up time (≈ 1.5 ms).
        from PySide6.QtWidgets import QDialog

        window = self.main_window
        if window is None:
            return
        for widget in QApplication.topLevelWidgets():
            if not isinstance(widget, QDialog) or not widget.isVisible():
                continue
            parent: QWidget | None = widget.parentWidget()
            while parent is not None and parent is not window:
                parent = parent.parentWidget()
            if parent is window:
                widget.reject()

    def lock(self, notice: str | Callable[[], str] = "") -> None:
        """Save, close the store, drop every view holding data, show the unlock window.
        `notice` may be a function: it is then translated in the language of the unlock
        window."""
        if self._idle is not None:
            self._idle.stop()
        self._hide_warning()
        # Locking always ends locked (the unlock window shown, the main window gone), even
        # when the store is unwritable or damaged: every step on the way may fail.
        if self.main_window is not None and self.session is not None and self.session.is_open:
            # Where the worker was is a convenience; locking is not.
            with contextlib.suppress(Exception):
                # Taken before hiding: the field with focus is still known.
                self.place = self.main_window.place()
                # And kept with the profile, for the next start (the store is still open).
                self.main_window.save_layout()
        if self.main_window is not None:
            self.main_window.hide()  # nothing of the resident stays on screen while we wait
        with contextlib.suppress(Exception):  # a job's failure must not keep it unlocked
            self._wait_for_jobs()
        self._keep_session_language()
        notice = notice() if callable(notice) else notice
        for hook in list(self.lock_hooks):
            try:
                hook()
            except Exception:
                continue
        self._close_dialogs()
        if "desktop_app.gui.shared.file_dialogs" in sys.modules:
            # The folder last used is this worker's, this session's only.
            sys.modules["desktop_app.gui.shared.file_dialogs"].forget_folder()
        session, self.session = self.session, None
        if self.main_window is not None:
            with contextlib.suppress(Exception):  # the window goes below all the same
                self.main_window.clear_views()
        try:
            if session is not None:
                session.lock()  # ends locked even when it raises (services/session.py)
        except Exception as caught:
            # Told on the unlock window; the logboek records it at the next unlock.
            notice = error_text(caught)
        finally:
            if self.main_window is not None:
                window, self.main_window = self.main_window, None
                window.hide()
                window.deleteLater()
        self.unlock_window.refresh(notice or self.tr("Vergrendeld. Je gegevens zijn opgeslagen."))
        self.unlock_window.show()
        self.unlock_window.raise_()
        self.unlock_window.activateWindow()
        QTimer.singleShot(self._monitor_delay_ms, self._prestart_keyring)

    @staticmethod
    def _wait_for_jobs() -> None:
        """A background job (a destruction, a key change, a PDF) runs to its end before the
        store is closed, and nothing of it reaches the screen afterwards. The window is hidden
        meanwhile; this is seconds at most."""
        if "desktop_app.gui.shared.jobs" in sys.modules:
            from desktop_app.gui.shared.jobs import runner

            # A job that hangs outside the store (a file on a network share that went away)
            # must not keep the program unlocked: after a while the lock goes on, and that
            # job's failure later is harmless (crash-safe; its callbacks are dropped).
            runner().wait_all(timeout=JOB_WAIT_SECONDS)
            runner().forget_all()

    def dispose(self) -> None:
        """Delete every window now (after the event loop ended)."""
        self.shutdown()
        windows = [w for w in (self.main_window, self._unlock_window) if w is not None]
        self.main_window = None
        for window in windows:
            window.close()
            window.deleteLater()
        from PySide6.QtCore import QEvent  # its enum costs start-up time; needed only here

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def shutdown(self) -> None:
        if self._idle is not None:
            self._idle.stop()
        self._wait_for_jobs()
        if self._lock_monitor is not None:
            self._lock_monitor.stop()
        for hook in list(self.lock_hooks):
            try:
                hook()
            except Exception:
                continue
        if self.session is not None:
            self.session.lock()
            self.session = None
        self.service.release_keyring()


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if existing is None:
        args = list(argv if argv is not None else sys.argv)
        # Fusion on every platform (one look, one focus ring), chosen on the command line:
        # QApplication.setStyle() makes PySide build its Python enums of QStyle (≈5 ms).
        app = QApplication([args[0] if args else "wijkteam-intake", "-style", "Fusion",
                            *args[1:]])
    else:
        assert isinstance(existing, QApplication)
        app = existing
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Wijkteam Intake")
    apply_style(app, fusion_already=existing is None)
    # No vault setting can be read before unlocking: the system language (or the override).
    install_language(system_language(), app)
    return app


def start_gui(root: Path | None = None,
              clock: Clock = system_clock) -> tuple[QApplication, AppController]:
    """The application with the unlock window on screen (the event loop not yet running)."""
    app = create_application()
    controller = AppController(ProfileService(root, clock))
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    return app, controller


def run_gui(root: Path | None = None, clock: Clock = system_clock) -> int:
    app, controller = start_gui(root, clock)
    code = app.exec()
    # Tear the windows down while the application still exists: left to Python's exit, the
    # order is arbitrary and Qt crashes on widgets that outlive their application.
    controller.dispose()
    del controller
    gc.collect()
    return code
