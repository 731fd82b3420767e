"""Kill the process (SIGKILL, as a dead battery would) at every step of the destruction
protocol. Each time: the store opens, the next start completes the destruction and says so,
and the forensic marker check passes afterwards."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from desktop_app.messages import Message
from desktop_app.services.destruction import (
    CRASH_POINTS,
    DestructionService,
    receipts,
    resume_pending_destructions,
)
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from desktop_app.services.transfer import TransferService
from desktop_app.vault.profiles import create_profile, unlock_profile
from tests.conftest import PASSPHRASE
from tests.integration.crash_child import destroy_in_child
from tests.integration.test_destruction_forensic import (
    add_request_and_statement,
    assert_forensically_gone,
    checklist,
    copy_store_files,
    fill_every_field,
    force_ready,
    new_marker,
)


@pytest.mark.slow
@pytest.mark.parametrize("crash_at", CRASH_POINTS)
def test_kill_at_every_destruction_step(real_keyring, data_home: Path, tmp_path: Path,
                                        crash_at: str) -> None:
    started = time.time() - 1
    marker, other_marker = new_marker(), new_marker()
    session = Session(create_profile("Crash Test", PASSPHRASE, root=data_home))
    intakes = IntakeService(session)
    transfer = TransferService(session)
    target = intakes.start_intake(f"{marker} Ayşe Yılmaz")
    fill_every_field(intakes, target, marker)
    keep = intakes.start_intake("Jan de Vries")
    intakes.save_answers(keep, {"hulpvraag": f"{other_marker} hulp"})
    exports = tmp_path / "verkenner"
    exports.mkdir()
    # Two files, so a kill between the first and the second file is tested too.
    first, second = exports / f"{marker}-1.pdf", exports / f"{marker}-2.pdf"
    force_ready(session, target)
    transfer.export_report_pdf(target, first)
    transfer.export_report_pdf(target, second)
    add_request_and_statement(session, target, marker)
    transfer.confirm_transfer(target, checklist())
    session.profile.store.checkpoint()
    copy = copy_store_files(session.profile.paths, tmp_path / "kopie")
    folder = session.profile.paths.folder
    session.lock()

    done = destroy_in_child(folder, target, crash_at)
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    if crash_at == "destroy:during_files":
        assert not first.exists() and second.exists()

    # The next start: the store opens, the destruction is completed, and the worker is told.
    session = Session(unlock_profile(folder, PASSPHRASE))
    try:
        assert session.profile.store.scalar("PRAGMA integrity_check") == "ok"
        notices = resume_pending_destructions(session)
        if crash_at == "destroy:after_complete":
            assert notices == []  # it had finished; nothing to complete
        else:
            assert notices == [Message("destruction.resume.finished",
                                       reference="TOP-2026-00417")], notices
            assert "afgerond (dossier TOP-2026-00417)" in str(notices[0])
        [receipt] = receipts(session)
        assert receipt.completed and receipt.done("sleutel_vervangen")
        assert receipt.file_counts()["mislukt"] == 0
        assert not first.exists() and not second.exists()
        assert DestructionService(session).unfinished() == []
        assert resume_pending_destructions(session) == []  # idempotent
        assert session.profile.store.scalar("SELECT count(*) FROM intakes") == 1
        assert intakes_answer(session, keep) == f"{other_marker} hulp"
        assert_forensically_gone(session, marker, copy, PASSPHRASE, data_home, [exports],
                                 newer_than=started)
    finally:
        session.lock()


def intakes_answer(session: Session, intake_id: str) -> str:
    return IntakeService(session).open_intake(intake_id).answers["hulpvraag"]


@pytest.mark.slow
def test_kill_inside_the_key_rotation_of_a_destruction(real_keyring, data_home: Path,
                                                       tmp_path: Path) -> None:
    """A kill inside rotate_device_secret (after the re-key, before the header commit): unlock
    finishes the key change, and the destruction is completed with one more rotation."""
    marker = new_marker()
    session = Session(create_profile("Crash Test", PASSPHRASE, root=data_home))
    intakes = IntakeService(session)
    target = intakes.start_intake(f"{marker} Inwoner")
    fill_every_field(intakes, target, marker)
    force_ready(session, target)
    TransferService(session).confirm_transfer(target, checklist())
    session.profile.store.checkpoint()
    copy = copy_store_files(session.profile.paths, tmp_path / "kopie")
    folder = session.profile.paths.folder
    session.lock()
    done = destroy_in_child(folder, target, "rotate:after_rekey")
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    session = Session(unlock_profile(folder, PASSPHRASE))
    try:
        assert any("sleutelwijziging" in str(n) for n in session.notices)
        notices = resume_pending_destructions(session)
        assert [n.key for n in notices] == ["destruction.resume.finished"]
        assert session.profile.header.secret_generation >= 3
        assert_forensically_gone(session, marker, copy, PASSPHRASE, data_home)
    finally:
        session.lock()
