"""Lock the program when the OS locks the screen, suspends or switches session.

One small interface, `LockMonitor` (available / start / stop), with one implementation per
platform:
- Linux: D-Bus via jeepney. login1 `Session.Lock` and `Manager.PrepareForSleep(true)` on the
  system bus; `ActiveChanged(true)` of org.freedesktop.ScreenSaver and org.gnome.ScreenSaver on
  the session bus. Available when at least one of the buses is reachable.
- Windows: WTS session notifications (lock, console/remote disconnect) and suspend
  (WM_POWERBROADCAST / PBT_APMSUSPEND) through a QAbstractNativeEventFilter on a hidden native
  window registered with WTSRegisterSessionNotification.
- macOS: reported unavailable. The distributed notifications (com.apple.screenIsLocked,
  NSWorkspaceWillSleepNotification) need an Objective-C observer; without pyobjc that is not
  done reliably, so the program relies on the idle lock there.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject, Qt, Signal

LockCallback = Callable[[str], None]  # argument: why (a reason key, see REASON_*)

REASON_SCREEN_LOCK = "schermvergrendeling"
REASON_SUSPEND = "slaapstand"
REASON_SESSION_SWITCH = "sessiewissel"


class LockMonitor(Protocol):
    def available(self) -> bool: ...

    def start(self, callback: LockCallback) -> None: ...

    def stop(self) -> None: ...

    def describe(self) -> str: ...  # Dutch, for doctor/about


class UnavailableLockMonitor:
    """For a platform where the program cannot hear OS locks: says so, does nothing."""

    def __init__(self, why: str) -> None:
        self._why = why

    def available(self) -> bool:
        return False

    def start(self, callback: LockCallback) -> None:
        """Nothing to listen to; the idle lock still protects the worker."""

    def stop(self) -> None:
        """Nothing was started."""

    def describe(self) -> str:
        return self._why


# -- Linux ----------------------------------------------------------------------------------
LOGIN1_SESSION = "org.freedesktop.login1.Session"
LOGIN1_MANAGER = "org.freedesktop.login1.Manager"
SCREENSAVER_INTERFACES = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")


class _Relay(QObject):
    """Hands a lock reason from a listener thread to the Qt (UI) thread (queued signal)."""

    fired = Signal(str)


class DBusLockMonitor:
    """Listens on D-Bus with jeepney (pure Python; keyring's Secret Service client already
    loads it). QtDBus was tried first: it adds ~22 MB of memory and crashed in garbage
    collection under test. One daemon thread per bus receives with a short timeout, so
    `stop()` returns quickly; reasons reach the UI thread through a queued Qt signal.

    `session_bus` / `login1_bus` are jeepney bus names or addresses: by default "SESSION" and
    "SYSTEM"; tests pass the private session bus for both and emit the same signals there."""

    def __init__(self, session_bus: str = "SESSION", login1_bus: str = "SYSTEM",
                 login1_path: str = "") -> None:
        self._buses = {"session": session_bus, "login1": login1_bus}
        # Empty path = any login1 session: locking once too often is the safe side.
        self._login1_path = login1_path
        self._callback: LockCallback | None = None
        self._relay = _Relay()
        self._relay.fired.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._reachable: dict[str, bool] = {}

    def _can_connect(self, which: str) -> bool:
        if which not in self._reachable:
            try:
                from jeepney.io.blocking import open_dbus_connection

                open_dbus_connection(self._buses[which]).close()
                self._reachable[which] = True
            except Exception:  # no bus address, no socket, refused: not reachable
                self._reachable[which] = False
        return self._reachable[which]

    def available(self) -> bool:
        return self._can_connect("session") or self._can_connect("login1")

    def describe(self) -> str:
        parts = []
        if self._can_connect("login1"):
            parts.append("systeemvergrendeling en slaapstand (logind)")
        if self._can_connect("session"):
            parts.append("schermbeveiliging (ScreenSaver)")
        return ("actief: " + " en ".join(parts)) if parts else "niet beschikbaar: geen D-Bus"

    def _rules(self, which: str) -> list[Any]:
        from jeepney import MatchRule

        if which == "login1":
            lock = MatchRule(type="signal", interface=LOGIN1_SESSION, member="Lock")
            if self._login1_path:
                lock = MatchRule(type="signal", interface=LOGIN1_SESSION, member="Lock",
                                 path=self._login1_path)
            return [lock, MatchRule(type="signal", interface=LOGIN1_MANAGER,
                                    member="PrepareForSleep")]
        return [MatchRule(type="signal", interface=i, member="ActiveChanged")
                for i in SCREENSAVER_INTERFACES]

    def start(self, callback: LockCallback) -> None:
        self.stop()
        self._callback = callback
        self._stop = threading.Event()
        ready: list[threading.Event] = []
        seen_addresses: set[str] = set()
        for which in ("login1", "session"):
            address = self._buses[which]
            if not self._can_connect(which):
                continue
            rules = self._rules(which)
            if address in seen_addresses:  # tests: one bus for both roles
                self._threads[-1].rules.extend(rules)  # type: ignore[attr-defined]
                continue
            seen_addresses.add(address)
            started = threading.Event()
            thread = threading.Thread(target=self._listen, args=(address, started),
                                      name=f"lock-monitor-{which}", daemon=True)
            thread.rules = rules  # type: ignore[attr-defined]
            self._threads.append(thread)
            ready.append(started)
        for thread in self._threads:
            thread.start()
        for started in ready:  # subscribed before start() returns: no signal is missed
            started.wait(5)

    def _listen(self, address: str, started: threading.Event) -> None:
        from jeepney import message_bus
        from jeepney.io.blocking import Proxy, open_dbus_connection

        thread = threading.current_thread()
        stop = self._stop
        try:
            conn = open_dbus_connection(address)
        except Exception:
            started.set()
            return
        try:
            bus = Proxy(message_bus, conn)
            for rule in thread.rules:  # type: ignore[attr-defined]
                bus.AddMatch(rule)
            started.set()
            while not stop.is_set():
                try:
                    message = conn.receive(timeout=0.25)
                except TimeoutError:
                    continue
                reason = self._classify(message)
                if reason is not None and not stop.is_set():
                    self._relay.fired.emit(reason)
        except Exception:  # the bus went away: nothing more to hear
            started.set()
        finally:
            conn.close()

    @staticmethod
    def _classify(message: Any) -> str | None:
        from jeepney import HeaderFields

        fields = message.header.fields
        interface = fields.get(HeaderFields.interface)
        member = fields.get(HeaderFields.member)
        body = message.body
        if interface == LOGIN1_SESSION and member == "Lock":
            return REASON_SCREEN_LOCK
        if interface == LOGIN1_MANAGER and member == "PrepareForSleep" and body and body[0]:
            return REASON_SUSPEND
        if interface in SCREENSAVER_INTERFACES and member == "ActiveChanged" and body \
                and body[0]:
            return REASON_SCREEN_LOCK
        return None

    def _deliver(self, reason: str) -> None:
        if self._callback is not None:
            self._callback(reason)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(2)
        self._threads = []
        self._callback = None


# -- Windows --------------------------------------------------------------------------------
WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0


def classify_windows_message(message: int, wparam: int) -> str | None:
    """Which lock reason a Windows message means, if any (pure, so it is tested everywhere)."""
    if message == WM_WTSSESSION_CHANGE:
        if wparam == WTS_SESSION_LOCK:
            return REASON_SCREEN_LOCK
        if wparam in (WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT):
            return REASON_SESSION_SWITCH
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return REASON_SUSPEND
    return None


class _WindowsFilter(QAbstractNativeEventFilter):
    def __init__(self, on_reason: LockCallback) -> None:
        super().__init__()
        self._on_reason = on_reason

    def nativeEventFilter(self, event_type: Any, message: Any) -> Any:
        if bytes(event_type) == b"windows_generic_MSG":
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            reason = classify_windows_message(int(msg.message), int(msg.wParam or 0))
            if reason is not None:
                self._on_reason(reason)
        return False, 0


class WindowsLockMonitor:
    """WTSRegisterSessionNotification on a hidden native window plus a native event filter.
    Only `classify_windows_message` runs in this project's (Linux) CI."""

    def __init__(self) -> None:
        self._filter: _WindowsFilter | None = None
        self._window: Any = None
        self._callback: LockCallback | None = None

    def available(self) -> bool:
        if sys.platform != "win32":
            return False
        import ctypes

        try:
            ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined]
        except OSError:
            return False
        return True

    def describe(self) -> str:
        return ("actief: Windows-vergrendeling, sessiewissel en slaapstand"
                if self.available() else "niet beschikbaar")

    def start(self, callback: LockCallback) -> None:
        if not self.available():
            return
        import ctypes

        from PySide6.QtWidgets import QWidget

        self.stop()
        self._callback = callback
        self._window = QWidget()  # never shown; only its native handle receives messages
        hwnd = ctypes.c_void_p(int(self._window.winId()))
        wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined]
        wtsapi.WTSRegisterSessionNotification.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
        wtsapi.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION)
        self._filter = _WindowsFilter(self._fire)
        app = QCoreApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self._filter)

    def _fire(self, reason: str) -> None:
        if self._callback is not None:
            self._callback(reason)

    def stop(self) -> None:
        if self._filter is not None:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeNativeEventFilter(self._filter)
            self._filter = None
        if self._window is not None:
            import ctypes

            wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined]
            wtsapi.WTSUnRegisterSessionNotification.argtypes = [ctypes.c_void_p]
            wtsapi.WTSUnRegisterSessionNotification(ctypes.c_void_p(int(self._window.winId())))
            self._window.deleteLater()
            self._window = None
        self._callback = None


def platform_lock_monitor() -> LockMonitor:
    if sys.platform == "win32":
        return WindowsLockMonitor()
    if sys.platform == "darwin":
        return UnavailableLockMonitor(
            "niet beschikbaar op macOS in deze versie; het programma vergrendelt na "
            "stilstand")
    monitor = DBusLockMonitor()
    if not monitor.available():
        return UnavailableLockMonitor("niet beschikbaar: geen D-Bus gevonden")
    return monitor
