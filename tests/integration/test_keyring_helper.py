"""The keyring client in its own short-lived process (vault/keyring_helper.py, vault/secrets.py)
with the real Secret Service: requests, a helper that dies or cannot start, pre-starting, and
that the program itself never loads the keyring client."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.vault import secrets as device_secrets
from desktop_app.vault.errors import DeviceSecretMissing, KeyringUnavailable

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh_helper():
    device_secrets.release()
    yield
    device_secrets.release()


def test_store_load_delete_through_the_helper(real_keyring: None) -> None:
    secret = device_secrets.new_secret()
    device_secrets.store_secret("pytest-helper/1", secret)
    assert device_secrets.load_secret("pytest-helper/1") == secret
    device_secrets.delete_secret("pytest-helper/1")
    device_secrets.delete_secret("pytest-helper/1")  # already gone: fine
    with pytest.raises(DeviceSecretMissing):
        device_secrets.load_secret("pytest-helper/1")
    assert device_secrets.backend().name == "keyring.backends.SecretService.Keyring"


def test_a_helper_that_died_is_replaced(real_keyring: None) -> None:
    device_secrets.store_secret("pytest-helper/2", bytes(range(32)))
    device_secrets.prestart()
    helper = device_secrets._helper
    assert helper is not None and device_secrets.helper_running()
    os.kill(helper.process.pid, signal.SIGKILL)
    helper.process.wait()
    # The next request notices and starts a new helper: nothing for the worker to do.
    assert device_secrets.load_secret("pytest-helper/2") == bytes(range(32))
    assert device_secrets._helper is not helper
    device_secrets.delete_secret("pytest-helper/2")


def test_a_helper_that_cannot_start_is_a_clear_keyring_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(device_secrets, "helper_command",
                        lambda: [str(ROOT / "does-not-exist" / "wijkteam-intake")])
    with pytest.raises(KeyringUnavailable) as err:
        device_secrets.load_secret("pytest-helper/3")
    assert "sleutelbos" in str(err.value.message)
    # A helper that starts but stops without answering (here: Python that exits at once).
    monkeypatch.setattr(device_secrets, "helper_command",
                        lambda: [sys.executable, "-c", "pass"])
    with pytest.raises(KeyringUnavailable) as err:
        device_secrets.load_secret("pytest-helper/3")
    assert "stopped" in (err.value.detail or "")
    assert not device_secrets.helper_running()


def test_a_used_helper_ends_after_a_short_while(real_keyring: None,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(device_secrets, "LINGER_SECONDS", 0.2)
    assert not device_secrets.secret_exists("pytest-helper/4")
    helper = device_secrets._helper
    assert helper is not None
    helper.process.wait(timeout=10)  # ended by the linger timer, not by this test
    assert not device_secrets.helper_running()


def test_helper_ends_when_the_program_dies(real_keyring: None) -> None:
    """No orphan: the helper reads EOF when its parent is gone and exits."""
    code = ("from desktop_app.vault import secrets as s\n"
            "s.prestart(); s.wait_until_ready(); print(s._helper.process.pid, flush=True)\n"
            "import os; os._exit(0)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, cwd=ROOT, check=True)
    pid = int(done.stdout.split()[-1])
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        stat = Path(f"/proc/{pid}/stat").read_text() if Path(f"/proc/{pid}/stat").exists() else ""
        if stat.split(")")[-1].split()[:1] == ["Z"]:
            return  # exited, waiting to be reaped by init
        time.sleep(0.1)
    pytest.fail("the keyring helper outlived its program")


def test_output_of_a_backend_does_not_disturb_the_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND",
                       "tests.integration.stand_in_keyrings.ChattyPlaintextFile")
    with pytest.raises(KeyringUnavailable) as err:
        device_secrets.backend()
    # Refused for what it is, not "unreadable answer".
    assert err.value.detail == "tests.integration.stand_in_keyrings.ChattyPlaintextFile"
