"""A destruction in a child process that the crash hook kills at a named step (the kill tests
and the damaged-store tests share it)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from desktop_app.vault.testhooks import CRASH_ENV
from tests.conftest import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]


def destroy_in_child(folder: Path, intake_id: str, crash_at: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, **{CRASH_ENV: crash_at})
    script = textwrap.dedent(f"""
        from pathlib import Path
        from desktop_app.services.destruction import DestructionService
        from desktop_app.services.session import Session
        from desktop_app.vault.profiles import unlock_profile
        session = Session(unlock_profile(Path({str(folder)!r}), {PASSPHRASE!r}))
        DestructionService(session).destroy({intake_id!r})
        session.lock()
    """)
    return subprocess.run([sys.executable, "-c", script], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=120)
