"""Issue 17, finding 1: a damaged page (real: ciphertext of a leaf page of the intakes table
overwritten in the file, so SQLCipher's HMAC check refuses it), alone and with a destruction
that was interrupted. Each ends with a clear message, a usable or cleanly locked profile whose
lock is free, every readable intake listed and exportable, and nothing written after the
damage was found."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from desktop_app.messages import Message
from desktop_app.services import destruction, salvage
from desktop_app.services.after_unlock import after_unlock
from desktop_app.services.autosave import AutosaveWriter
from desktop_app.services.destruction import (
    DestructionRefused,
    DestructionService,
    resume_pending_destructions,
)
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import ProfileService, Session
from desktop_app.vault.errors import DataFolderNotWritable, StoreCorrupt
from desktop_app.vault.profiles import create_profile, unlock_profile
from tests.conftest import PASSPHRASE, require_system_part, which
from tests.integration.damaged_pages import (
    damaged_profile,
    profile_lock_free,
    store_digest,
)


def pdftotext(path: Path) -> str:
    require_system_part(which("pdftotext"), "pdftotext (poppler-utils)")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout


def test_a_damaged_page_is_a_vault_error_and_the_store_is_not_written_again(
        real_keyring, data_home: Path) -> None:
    damaged = damaged_profile(data_home)
    session = Session(unlock_profile(damaged.folder, PASSPHRASE))
    store = session.profile.store
    victim = sorted(damaged.unreadable)[0]
    # Fetching the row is where SQLCipher finds the page: a vault error, not sqlcipher's own.
    with pytest.raises(StoreCorrupt) as caught:
        store.query("SELECT * FROM intakes WHERE id = ?", (victim,))
    assert caught.value.message == Message("vault.store_corrupt")
    assert store.corrupt and session.profile.damaged
    before = store_digest(store.path)
    # Every write is refused before SQLite sees it; "not writable" is never said.
    intakes = IntakeService(session)
    readable = next(i for i in damaged.names if i not in damaged.unreadable)
    with pytest.raises(StoreCorrupt):
        intakes.save_answers(readable, {"hulpvraag": "nieuw"})
    with pytest.raises(StoreCorrupt), store.transaction():
        pass
    with pytest.raises(StoreCorrupt):
        store.checkpoint()
    with pytest.raises(StoreCorrupt):
        store.execute("DELETE FROM meta")
    # Reads go on, on a fresh connection (SQLCipher leaves the old one refusing every page).
    [(name,)] = store.query("SELECT r.display_name FROM intakes i JOIN residents r"
                            " ON r.id = i.resident_id WHERE i.id = ?", (readable,))
    assert name == damaged.names[readable]
    assert store_digest(store.path) == before
    session.lock()  # no LockIncomplete: the damage was told already, the lock goes on
    assert profile_lock_free(damaged.folder)


def test_the_read_only_error_after_a_damaged_page_is_the_damage(real_keyring,
                                                                data_home: Path) -> None:
    """Why a damaged page was "the folder cannot be written to": after its HMAC failure
    SQLCipher refuses every write of that connection with SQLITE_READONLY. The store tells it
    from a real read-only switch by checking the file."""
    import sqlcipher3

    damaged = damaged_profile(data_home)
    session = Session(unlock_profile(damaged.folder, PASSPHRASE))
    store = session.profile.store
    conn = store.raw_connection
    victim = sorted(damaged.unreadable)[0]
    # The damage met behind the store's back (as a raw sqlcipher3 error escaped before).
    with pytest.raises(sqlcipher3.dbapi2.DatabaseError):
        conn.execute("SELECT * FROM intakes WHERE id = ?", (victim,)).fetchall()
    with pytest.raises(sqlcipher3.dbapi2.Error) as raw:
        conn.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
    assert raw.value.sqlite_errorname == "SQLITE_READONLY"  # type: ignore[attr-defined]
    assert not store.corrupt
    # Through the store: the read-only error on a writable file is checked, and is the damage.
    with pytest.raises(StoreCorrupt):
        store.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
    assert store.corrupt
    session.lock()
    # A real read-only switch on an intact store stays "cannot be written to".
    intact = Session(create_profile("Alleen Lezen", PASSPHRASE, root=data_home))
    try:
        intact.profile.store.raw_connection.execute("PRAGMA query_only = ON")
        with pytest.raises(DataFolderNotWritable):
            intact.profile.store.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
        assert not intact.profile.store.corrupt
        intact.profile.store.raw_connection.execute("PRAGMA query_only = OFF")
    finally:
        intact.lock()


def test_quick_check_after_unlock_lists_readable_intakes_and_exports_them(
        real_keyring, data_home: Path, tmp_path: Path) -> None:
    damaged = damaged_profile(data_home)
    profiles = ProfileService(data_home)
    [summary] = profiles.profiles()
    session = profiles.unlock(summary, PASSPHRASE)
    result = after_unlock(session)
    assert result.damaged and result.notices[0] == Message("vault.damaged")
    store = session.profile.store
    assert store.corrupt
    written_at_check = store_digest(store.path)

    overview = salvage.overview(session)
    assert set(overview.unreadable) == damaged.unreadable
    assert {i.intake_id for i in overview.readable} == set(damaged.names) - damaged.unreadable
    assert [i.resident_name for i in overview.readable] == sorted(
        damaged.names[i] for i in set(damaged.names) - damaged.unreadable)
    # The caseload shows what it can read, not an error.
    assert {row.intake_id for row in IntakeService(session).caseload()} == {
        i.intake_id for i in overview.readable}

    folder = tmp_path / "verslagen"
    folder.mkdir()
    chosen = overview.readable[:2]
    exported = salvage.export_readable(session, folder, chosen)
    assert exported.failed == ()
    assert [name for name, _ in exported.written] == [i.resident_name for i in chosen]
    first_name, first_file = exported.written[0]
    assert first_file.stat().st_mode & 0o077 == 0
    pdf_text = pdftotext(first_file)
    assert damaged.markers[chosen[0].intake_id] in pdf_text
    assert first_name in pdf_text
    # Nothing was written to the store after the damage was found: not by the check, the
    # caseload, the overview, the reports, a due destruction or the autosave.
    with pytest.raises(DestructionRefused):
        DestructionService(session).destroy(chosen[0].intake_id)
    with pytest.raises(StoreCorrupt):
        IntakeService(session).save_answers(chosen[0].intake_id, {"hulpvraag": "x"})
    assert store_digest(store.path) == written_at_check
    session.lock()
    assert profile_lock_free(damaged.folder)


def test_an_interrupted_destruction_on_a_damaged_store_waits_for_the_repair(
        real_keyring, data_home: Path) -> None:
    """The original lock-out: resuming the destruction reads every page (sqlcipher_export)
    and met the damaged one. Now: a message, the profile usable, the marker kept."""
    damaged = damaged_profile(data_home, interrupted_destruction=True)
    session = Session(unlock_profile(damaged.folder, PASSPHRASE))
    service = DestructionService(session)
    [receipt_id] = service.unfinished()
    header_before = session.profile.header
    # Without the check first: the damage is met in the middle of the resumed destruction.
    notices = resume_pending_destructions(session)
    assert notices == [Message("destruction.resume.damaged")]
    assert session.profile.damaged
    # Nothing replaced: no half copy left, the header's pending change undone, the receipt
    # (the marker) still open, to be finished after the repair.
    assert not session.profile.paths.store_new.exists()
    assert session.profile.header.pending is None
    assert session.profile.header.current == header_before.current
    assert service.unfinished() == [receipt_id]
    before = store_digest(session.profile.store.path)
    # The after-unlock work says the same and does not touch the store.
    result = after_unlock(session)
    assert result.damaged and Message("destruction.resume.damaged") in result.notices
    assert result.notices[0] == Message("vault.damaged")
    assert store_digest(session.profile.store.path) == before
    readable = salvage.overview(session).readable
    assert {i.intake_id for i in readable} == set(damaged.names) - damaged.unreadable
    session.lock()
    assert profile_lock_free(damaged.folder)
    # The next unlock works (the lock was given back), and the marker is still there.
    again = Session(unlock_profile(damaged.folder, PASSPHRASE))
    try:
        assert DestructionService(again).unfinished() == [receipt_id]
    finally:
        again.lock()


def test_quick_check_finds_the_damage_on_its_own_connection(real_keyring,
                                                            data_home: Path) -> None:
    damaged = damaged_profile(data_home)
    session = Session(unlock_profile(damaged.folder, PASSPHRASE))
    try:
        assert not session.profile.damaged
        assert salvage.check_integrity(session) is False
        assert session.profile.damaged
    finally:
        session.lock()
    # An intact store passes, and is not marked.
    intact = Session(create_profile("Gaaf Profiel", PASSPHRASE, root=data_home))
    try:
        assert salvage.check_integrity(intact) is True
        assert not intact.profile.damaged
    finally:
        intact.lock()


def test_autosave_stops_on_a_damaged_store_and_says_so(real_keyring, data_home: Path) -> None:
    damaged = damaged_profile(data_home)
    session = Session(unlock_profile(damaged.folder, PASSPHRASE))
    assert salvage.check_integrity(session) is False
    before = store_digest(session.profile.store.path)
    errors: list[tuple[str, object]] = []
    readable = next(i for i in damaged.names if i not in damaged.unreadable)
    writer = AutosaveWriter(IntakeService(session).save_answers,
                            on_error=lambda i, e: errors.append((i, e)),
                            debounce=0.01, retry_after=0.01)
    writer.submit(readable, "hulpvraag", "getypt na de beschadiging")
    deadline = time.monotonic() + 5
    while not errors and time.monotonic() < deadline:
        time.sleep(0.01)
    [(intake_id, error)] = errors
    assert intake_id == readable and isinstance(error, StoreCorrupt)
    assert writer.halted
    time.sleep(0.1)  # no retries: still one message
    assert len(errors) == 1
    started = time.monotonic()
    assert writer.stop() is False  # not saved, and said at once (no waiting for a retry)
    assert time.monotonic() - started < 1
    assert store_digest(session.profile.store.path) == before
    session.lock()
    assert not session.is_open and profile_lock_free(damaged.folder)


def test_an_unexpected_error_after_unlocking_is_a_message(real_keyring, data_home: Path,
                                                          monkeypatch) -> None:
    """Any exception in the after-unlock work (here injected: none is known) ends as a
    notice; the session stays open and locks cleanly."""
    session = Session(create_profile("Onverwacht", PASSPHRASE, root=data_home))

    def unforeseen(_session: Session) -> list[Message]:
        raise RuntimeError("iets onvoorziens met /home/inwoner/naam")

    monkeypatch.setattr(destruction, "resume_pending_destructions", unforeseen)
    result = after_unlock(session)
    assert result.notices[-2:] == [Message("error.unexpected"),
                                   Message("error.unexpected.advice")]
    assert not result.damaged and session.is_open
    folder = session.profile.paths.folder
    session.lock()
    assert profile_lock_free(folder)
