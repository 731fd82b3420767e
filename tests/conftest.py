"""Shared test set-up.

Real parts: SQLCipher, the OS keyring (Secret Service in a private D-Bus session started by
scripts/test-session), Qt offscreen, CUPS. A test that cannot run because a system part is
missing skips with the reason on a developer laptop; under CI=true such a skip fails the run
(see pytest_sessionfinish).
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt offscreen unless a test asks for the X server; cheap KDF so the suite stays fast
# (KdfParameters refuses anything below its floor, and test_keys pins the real defaults).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WIJKTEAM_INTAKE_KDF_MEMORY_KIB", str(8 * 1024))
os.environ.setdefault("WIJKTEAM_INTAKE_KDF_TIME_COST", "1")
# A keyring service of our own per run: tests never touch a worker's real entries.
os.environ.setdefault(
    "WIJKTEAM_INTAKE_KEYRING_SERVICE", f"Wijkteam Intake test {secrets.token_hex(4)}"
)

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
_missing_parts: list[str] = []


def require_system_part(available: bool, reason: str) -> None:
    """Skip when a system component is absent; in CI that is a failure, not a skip."""
    if available:
        return
    _missing_parts.append(reason)
    if IN_CI:
        pytest.fail(f"CI: required system part missing: {reason}", pytrace=False)
    pytest.skip(reason)


def keyring_available() -> tuple[bool, str]:
    from desktop_app.vault import secrets as device_secrets
    from desktop_app.vault.errors import VaultError

    try:
        device_secrets.store_secret("pytest-probe", b"\0" * 32)
        device_secrets.delete_secret("pytest-probe")
    except VaultError as err:
        return False, f"no usable OS keyring ({err.message} {err.detail})"
    return True, ""


_keyring_state: tuple[bool, str] | None = None


@pytest.fixture
def real_keyring() -> None:
    global _keyring_state
    if _keyring_state is None:
        _keyring_state = keyring_available()
    require_system_part(_keyring_state[0], _keyring_state[1] or "keyring")


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "wijkteam-home"
    monkeypatch.setenv("WIJKTEAM_INTAKE_HOME", str(home))
    return home


class FakeClock:
    """A controllable clock (a test double for time, which cannot be sped up for real)."""

    def __init__(self) -> None:
        import datetime as dt

        self.now = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)

    def __call__(self):
        return self.now

    def advance(self, seconds: float) -> None:
        import datetime as dt

        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


PASSPHRASE = "paarse-olifant-fietst-naar-zee"


@pytest.fixture
def profile(real_keyring: None, data_home: Path, clock: FakeClock) -> Iterator[object]:
    from desktop_app.vault.profiles import create_profile

    p = create_profile("Test Medewerker", PASSPHRASE, root=data_home, clock=clock)
    yield p
    p.close()  # idempotent: many tests close it themselves


def which(tool: str) -> bool:
    return shutil.which(tool) is not None


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not IN_CI:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped or _missing_parts:
        # Every skip in this suite means a real part did not run: in CI that is a failure.
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if reporter:
            reporter.write_line(f"CI: {len(skipped)} test(s) skipped; skips are failures in CI.",
                                red=True)
