"""Locking always ends locked (issue 17, finding 2), with the real SQLCipher store and keyring:
when the store cannot take the lock's logboek entry (made read-only, or its connection gone),
the session still ends, the keys are wiped, the profile lock is released so the next unlock
works, and that unlock logs what went wrong at the moment of the lock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.services import session as session_module
from desktop_app.services.session import LockIncomplete, ProfileService, Session
from tests.conftest import PASSPHRASE


def _unwritable(session: Session) -> None:
    """The store refuses every write from now on (SQLite's own read-only switch)."""
    session.profile.store.raw_connection.execute("PRAGMA query_only = ON")


def _connection_gone(session: Session) -> None:
    session.profile.store.raw_connection.close()


@pytest.mark.parametrize("breakage", [_unwritable, _connection_gone],
                         ids=["unwritable", "connection-gone"])
def test_lock_ends_locked_and_the_next_unlock_logs_the_failure(
        profile, data_home: Path, clock, breakage) -> None:
    service = ProfileService(data_home, clock)
    session = Session(profile)
    flushed: list[str] = []
    session.on_lock(lambda: flushed.append("saved"))
    locked_at = clock()
    breakage(session)

    with pytest.raises(LockIncomplete) as caught:
        session.lock()

    assert caught.value.detail  # the kind of error, for support
    assert flushed == ["saved"]
    assert not session.is_open
    with pytest.raises(RuntimeError):
        _ = session.profile  # no store handle left
    assert profile.closed
    assert not any(profile._passphrase_key)  # wiped
    session.lock()  # a second lock does nothing

    clock.advance(60)
    again = service.unlock(service.profiles()[0], PASSPHRASE)  # the profile lock was released
    try:
        logged = [e for e in again.audit_entries() if e.action.startswith("vergrendelen")]
        assert [(e.action, e.result) for e in logged] == [("vergrendelen.onvolledig", "mislukt")]
        # Logged at the moment of the lock, not of the unlock a minute later.
        assert logged[0].at.startswith(locked_at.isoformat(timespec="seconds")[:19])
        assert logged[0].reason  # the error's kind, letters only
        assert again.verify_audit_log().ok
        assert not (profile.paths.folder / session_module._LOCK_FAILURE_MARKER).exists()
    finally:
        again.lock()
    # Logged once: a clean lock and unlock later add no second failure entry.
    third = service.unlock(service.profiles()[0], PASSPHRASE)
    try:
        assert len(third.audit_entries(action="vergrendelen.onvolledig")) == 1
    finally:
        third.lock()


def test_a_failed_lock_is_logged_after_a_restart_from_the_marker(
        profile, data_home: Path, clock) -> None:
    session = Session(profile)
    _unwritable(session)
    with pytest.raises(LockIncomplete):
        session.lock()
    marker = profile.paths.folder / session_module._LOCK_FAILURE_MARKER
    assert marker.exists()
    text = marker.read_text(encoding="utf-8")
    assert "Test Medewerker" not in text and PASSPHRASE not in text  # nothing personal
    session_module._LOCK_FAILURES.clear()  # the program was closed: memory is gone

    service = ProfileService(data_home, clock)
    again = service.unlock(service.profiles()[0], PASSPHRASE)
    try:
        assert [e.result for e in again.audit_entries(action="vergrendelen.onvolledig")] == [
            "mislukt"]
        assert not marker.exists()
    finally:
        again.lock()


def test_a_tampered_marker_puts_no_text_in_the_logboek(profile, data_home: Path,
                                                         clock) -> None:
    """The marker is a plain file: whatever it says, only known error names reach the
    append-only logboek (vault/audit.py ERROR_NAMES); anything else is 'OnbekendeFout'."""
    folder = profile.paths.folder
    profile.close()
    (folder / session_module._LOCK_FAILURE_MARKER).write_text(json.dumps(
        {"at": clock.now.isoformat(), "errors": "OSError, Jan de Vries 999993847"}),
        encoding="utf-8")
    session_module._LOCK_FAILURES.clear()
    service = ProfileService(data_home, clock)
    again = service.unlock(service.profiles()[0], PASSPHRASE)
    try:
        logged = again.audit_entries(action="vergrendelen.onvolledig")
        assert [e.reason for e in logged] == ["OSError, OnbekendeFout"]
    finally:
        again.lock()


def test_a_failing_lock_callback_does_not_keep_the_session_open(profile, data_home: Path,
                                                                clock) -> None:
    """A flush that fails (the writer could not save) still locks; the logboek entry of the
    lock itself is written, and the failure is logged at the next unlock."""
    session = Session(profile)

    def failing_flush() -> None:
        raise OSError("disk gone")

    session.on_lock(failing_flush)
    session.on_lock(lambda: False)  # the autosave writer: not everything saved
    with pytest.raises(LockIncomplete) as caught:
        session.lock()
    assert caught.value.detail == "OSError, NotSaved"
    assert not session.is_open and profile.closed
    service = ProfileService(data_home, clock)
    again = service.unlock(service.profiles()[0], PASSPHRASE)
    try:
        actions = [e.action for e in again.audit_entries()]
        assert "vergrendelen" in actions and "vergrendelen.onvolledig" in actions
    finally:
        again.lock()
