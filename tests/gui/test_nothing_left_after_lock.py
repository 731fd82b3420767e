"""After locking, nothing of a resident is reachable in the program (issue 18; DESIGN: "none
left reachable in the program's memory after locking"). A program of its own
(tests/gui/nothing_left_driver.py) works two sessions — opens intakes, types in them, reads
and copies their reports, previews a paper — and locks after each. Afterwards no Qt widget
shows a marker from the residents' names and notes, no Python object the garbage collector can
reach holds one, and no PDF document (with its rendered pages) is left in Qt's object tree.
(Strings inside SQLCipher's C memory are the vault's business: it wipes its keys and closes the
store; cipher_memory_security is on.) A process of its own, as the program runs: objects a
test runner keeps between tests are not the program's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_after_locking_no_resident_text_is_reachable(real_keyring: None) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_SCALE_FACTOR"}
    env |= {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "tests.gui.nothing_left_driver"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    for session in (1, 2):
        # The check sees what is there: before locking, the texts are shown and held.
        assert seen[f"before_lock_{session}"]
        assert seen[f"found_{session}"] == 3  # the search found this session's residents
        assert seen[f"shown_after_lock_{session}"] == []
        assert seen[f"held_after_lock_{session}"] == []
        assert seen[f"pdfs_before_lock_{session}"] >= 1  # the previewed paper was there
        assert seen[f"pdfs_after_lock_{session}"] == []
