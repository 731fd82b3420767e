"""Kill the process (SIGKILL, as a dead battery would) between every step of a key change and
during the re-key itself; the store must always open afterwards with what exists then
(passphrase + keyring), with all data, and the next unlock finishes or rolls back the change."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from desktop_app.vault import audit
from desktop_app.vault import secrets as device_secrets
from desktop_app.vault.profiles import create_profile, unlock_profile
from desktop_app.vault.testhooks import CRASH_ENV
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "groene-kikker-zwemt-in-de-vecht"
REPO = Path(__file__).resolve().parents[2]
STEPS = ["after_header_pending", "after_secret_stored", "after_rekey", "after_verify",
         "after_header_commit", "after_old_secret_deleted"]


def _fill(profile, rows: int = 50) -> None:
    with profile.store.transaction() as store:
        for i in range(rows):
            store.execute("INSERT INTO settings(key, value) VALUES (?, ?)",
                          (f"rij-{i}", json.dumps(f"inhoud {i} Ünïcødé")))


def _run_child(folder: Path, code: str, crash_at: str | None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if crash_at:
        env[CRASH_ENV] = crash_at
    script = textwrap.dedent(f"""
        from pathlib import Path
        from desktop_app.vault.profiles import unlock_profile
        p = unlock_profile(Path({str(folder)!r}), {PASSPHRASE!r})
        {code}
        p.close()
    """)
    return subprocess.run([sys.executable, "-c", script], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def _check_intact(folder: Path, passphrase: str, rows: int = 50):
    p = unlock_profile(folder, passphrase)
    try:
        assert p.store.scalar("SELECT count(*) FROM settings WHERE key LIKE 'rij-%'") == rows
        assert p.store.scalar("PRAGMA integrity_check") == "ok"
        assert p.header.pending is None
        assert audit.verify(p.store).ok
        return p.header, list(p.notices)
    finally:
        p.close()


COMPACT_STEPS = [*STEPS[:2], "after_export", *STEPS[2:]]
ROTATIONS = [(step, False) for step in STEPS] + [(step, True) for step in COMPACT_STEPS]


@pytest.mark.slow
@pytest.mark.parametrize(("step", "compact"), ROTATIONS,
                         ids=[f"{'compact-' if c else ''}{s}" for s, c in ROTATIONS])
def test_kill_between_rotation_steps(real_keyring, data_home: Path, step: str,
                                     compact: bool) -> None:
    p = create_profile("Crash Test", PASSPHRASE, root=data_home)
    _fill(p)
    folder = p.paths.folder
    first_entry = p.header.current.secret_entry
    p.close()
    done = _run_child(folder, f"p.rotate_device_secret(compact={compact})", f"rotate:{step}")
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    header, notices = _check_intact(folder, PASSPHRASE)
    # An interrupted compacted copy never survives the next unlock.
    assert not (folder / "store.db.nieuw").exists()
    rekeyed = step not in ("after_header_pending", "after_secret_stored", "after_export")
    if rekeyed:
        assert header.secret_generation == 2
        assert header.current.secret_entry != first_entry
        # The old device secret is gone once the change completed.
        assert not device_secrets.secret_exists(first_entry)
    else:
        assert header.secret_generation == 1
        assert header.current.secret_entry == first_entry
        assert not device_secrets.secret_exists(f"{header.profile_id}/apparaatgeheim/2")
    if step in ("after_header_commit", "after_old_secret_deleted"):
        # The change had completed: nothing to finish or roll back.
        assert all("sleutelwijziging" not in str(n) for n in notices)
    else:
        assert any("sleutelwijziging" in str(n) for n in notices)
    # And a later rotation still works.
    again = unlock_profile(folder, PASSPHRASE)
    again.rotate_device_secret(compact=compact)
    again.close()
    _check_intact(folder, PASSPHRASE)


@pytest.mark.slow
@pytest.mark.parametrize("step", STEPS[:-1])
def test_kill_between_passphrase_change_steps(real_keyring, data_home: Path, step: str) -> None:
    p = create_profile("Crash Test", PASSPHRASE, root=data_home)
    _fill(p)
    folder = p.paths.folder
    p.close()
    code = f"p.change_passphrase({PASSPHRASE!r}, {NEW_PASSPHRASE!r})"
    done = _run_child(folder, code, f"passphrase:{step}")
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    rekeyed = step not in ("after_header_pending", "after_secret_stored")
    # The worker types the passphrase that now applies; the other one is refused clearly.
    good, bad = (NEW_PASSPHRASE, PASSPHRASE) if rekeyed else (PASSPHRASE, NEW_PASSPHRASE)
    from desktop_app.vault.errors import WrongPassphrase

    with pytest.raises(WrongPassphrase):
        unlock_profile(folder, bad)
    # Skip the growing delay the wrong attempt caused (a test-only edit of the header).
    from desktop_app.vault.header import read_header, write_header
    from desktop_app.vault.paths import ProfilePaths

    paths = ProfilePaths(folder)
    header, _ = read_header(paths.header, paths.header_backup)
    write_header(paths.header, paths.header_backup,
                 header.with_changes(last_failed_unlock_at="2000-01-01T00:00:00+00:00"))
    _check_intact(folder, good)


@pytest.mark.slow
def test_kill_during_rekey_at_random_moments(real_keyring, data_home: Path) -> None:
    """SIGKILL while PRAGMA rekey is rewriting a ~12 MB store, at random moments."""
    p = create_profile("Crash Test", PASSPHRASE, root=data_home)
    with p.store.transaction() as store:
        blob = "x" * 3000
        for i in range(4000):
            store.execute("INSERT INTO settings(key, value) VALUES (?, ?)",
                          (f"groot-{i}", json.dumps(blob + str(i))))
    _fill(p)
    folder = p.paths.folder
    p.close()
    rng = random.Random(7513)
    outcomes: dict[str, int] = {}
    for _ in range(6):
        env = dict(os.environ)
        script = textwrap.dedent(f"""
            import sys
            from pathlib import Path
            from desktop_app.vault.profiles import unlock_profile
            p = unlock_profile(Path({str(folder)!r}), {PASSPHRASE!r})
            print('ready', flush=True)
            while True:
                p.rotate_device_secret()
        """)
        child = subprocess.Popen([sys.executable, "-c", script], env=env, cwd=REPO,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready", child.stderr.read()[-2000:]
        time.sleep(rng.uniform(0.01, 0.6))
        child.send_signal(signal.SIGKILL)
        child.wait()
        before = unlock_profile(folder, PASSPHRASE)
        gen = before.header.secret_generation
        count = before.store.scalar("SELECT count(*) FROM settings")
        assert count == 4050
        assert before.store.scalar("PRAGMA quick_check") == "ok"
        notices = " ".join(map(str, before.notices))
        kind = "new" if "afgerond" in notices else "old" if "teruggedraaid" in notices else "clean"
        outcomes[kind] = outcomes.get(kind, 0) + 1
        before.close()
        assert gen >= 1
    assert sum(outcomes.values()) == 6
    print("kill outcomes:", outcomes)
