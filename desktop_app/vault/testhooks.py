"""Fault injection for the crash-safety tests. Only tests set WIJKTEAM_INTAKE_TEST_CRASH_AT;
the program then kills itself with SIGKILL at the named step, as a dead battery would."""

from __future__ import annotations

import os
import signal

CRASH_ENV = "WIJKTEAM_INTAKE_TEST_CRASH_AT"


def crash_point(name: str) -> None:
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
