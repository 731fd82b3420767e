"""A full disk and a read-only data folder, on real small file systems (tmpfs mounts).
Needs root to mount; elsewhere the tests skip with the reason (and fail under CI=true)."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.vault.errors import DataFolderNotWritable, DiskFull, VaultError
from desktop_app.vault.profiles import create_profile, unlock_profile
from tests.conftest import PASSPHRASE, require_system_part


def _can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and Path("/bin/mount").exists()


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    require_system_part(_can_mount(), "root rights to mount a small tmpfs (disk full / read-only)")
    mount_point = tmp_path / "klein"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount_point)],
                          capture_output=True, text=True)
    require_system_part(done.returncode == 0, f"mount tmpfs: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill_disk(folder: Path) -> Path:
    filler = folder / "ruimte.bin"
    # Unbuffered: a buffered file keeps the bytes that did not fit and raises ENOSPC again
    # when it is closed (Python 3.11 reports that on the `with` line).
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 16384)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def test_disk_full_during_writes_loses_nothing_and_retry_works(real_keyring, small_fs: Path,
                                                                clock) -> None:
    p = create_profile("Volle Schijf", PASSPHRASE, root=small_fs, clock=clock)
    text = "Ayşe Yılmaz vertelt over haar situatie. " * 100  # ~4 KB a row
    for i in range(50):
        with p.store.transaction() as store:
            store.execute("INSERT INTO settings(key, value) VALUES (?, ?)",
                          (f"rij-{i}", json.dumps(text)))
    filler = _fill_disk(small_fs)  # something else fills the disk
    committed = 50
    with pytest.raises(DiskFull) as err:
        for i in range(50, 5000):
            with p.store.transaction() as store:
                store.execute("INSERT INTO settings(key, value) VALUES (?, ?)",
                              (f"rij-{i}", json.dumps(text)))
            committed += 1
    assert "vol" in str(err.value.message)
    folder = p.paths.folder
    p.close()
    # With the disk still full the worker can unlock and read everything, and is told why
    # changes wait.
    again = unlock_profile(folder, PASSPHRASE, clock=clock)
    assert any("schijf is vol" in str(n) for n in again.notices)
    assert again.store.scalar("SELECT count(*) FROM settings WHERE key LIKE 'rij-%'") == committed
    assert again.store.scalar("PRAGMA quick_check") == "ok"
    # The worker makes room; the retry saves, and the deferred log entries are written too.
    filler.unlink()
    with again.store.transaction() as store:
        store.execute("INSERT INTO settings(key, value) VALUES ('opnieuw', '\"gelukt\"')")
    again.log("test.opnieuw")
    from desktop_app.vault import audit

    actions = [e.action for e in audit.entries(again.store)]
    assert actions[-2:] == ["ontgrendelen", "test.opnieuw"]
    assert audit.verify(again.store).ok
    assert again.store.scalar("SELECT value FROM settings WHERE key='opnieuw'") == '"gelukt"'
    again.close()


def test_disk_full_when_creating_a_profile(real_keyring, small_fs: Path) -> None:
    _fill_disk(small_fs)
    with pytest.raises((DiskFull, DataFolderNotWritable)) as err:
        create_profile("Geen Ruimte", PASSPHRASE, root=small_fs / "data")
    assert isinstance(err.value, VaultError)
    # Nothing half-made is left behind.
    profiles = small_fs / "data" / "profiles"
    assert not profiles.exists() or not any(profiles.iterdir())


def test_read_only_data_folder(real_keyring, small_fs: Path, clock) -> None:
    p = create_profile("Alleen Lezen", PASSPHRASE, root=small_fs / "data", clock=clock)
    folder = p.paths.folder
    p.close()
    subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], check=True)
    with pytest.raises(DataFolderNotWritable) as err:
        create_profile("Nog Iemand", PASSPHRASE, root=small_fs / "data")
    assert "niet beschrijfbaar" in str(err.value.message)
    with pytest.raises(VaultError) as err2:
        unlock_profile(folder, PASSPHRASE, clock=clock)
    assert isinstance(err2.value, DataFolderNotWritable), type(err2.value)
    subprocess.run(["mount", "-o", "remount,rw", str(small_fs)], check=True)
    again = unlock_profile(folder, PASSPHRASE, clock=clock)
    again.close()


def test_autosave_on_a_full_disk_keeps_the_text_and_retries(real_keyring, small_fs: Path,
                                                              clock) -> None:
    """The real thing, not an injected error: the disk fills up while the worker types."""
    import threading

    from desktop_app.services.autosave import AutosaveWriter
    from desktop_app.services.intakes import IntakeService
    from desktop_app.services.session import Session

    p = create_profile("Volle Schijf", PASSPHRASE, root=small_fs, clock=clock)
    service = IntakeService(Session(p))
    intake_id = service.start_intake("Ayşe Yılmaz")
    errors: list[str] = []
    saved = threading.Event()
    writer = AutosaveWriter(service.save_answers,
                            on_error=lambda i, e: errors.append(str(e.message)),
                            on_saved=lambda i, t, f: saved.set(), debounce=0.05,
                            retry_after=0.2)
    filler = _fill_disk(small_fs)
    text = "Zij vertelt over de schulden. " * 2000  # ~60 KB: needs new pages
    writer.submit(intake_id, "hulpvraag", text)
    deadline = threading.Event()
    for _ in range(50):
        if errors:
            break
        deadline.wait(0.05)
    assert errors and "vol" in errors[0]
    assert writer.has_pending()  # nothing dropped
    filler.unlink()  # the worker makes room
    assert saved.wait(10)
    assert writer.stop()
    assert service.open_intake(intake_id).answers["hulpvraag"] == text
    p.close()
