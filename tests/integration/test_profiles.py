"""Worker profiles with the real SQLCipher and the real OS keyring (Secret Service)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.vault import audit
from desktop_app.vault import secrets as device_secrets
from desktop_app.vault.errors import (
    DeviceSecretMissing,
    HeaderDamaged,
    KeyringUnavailable,
    PassphraseRejected,
    ProfileExists,
    ProfileInUse,
    StoreCorrupt,
    UnlockDelayed,
    WrongPassphrase,
)
from desktop_app.vault.keys import combine_keys, derive_passphrase_key
from desktop_app.vault.profile_list import unlock_delay_seconds
from desktop_app.vault.profiles import (
    create_profile,
    list_profiles,
    unlock_profile,
)
from desktop_app.vault.store import Store
from tests.conftest import PASSPHRASE, require_system_part, which

ROOT = Path(__file__).resolve().parents[2]

MARKER = "MARKER-Hanzestad-4417 Ayşe Yılmaz"


def _put_marker(profile) -> None:
    with profile.store.transaction() as store:
        store.execute("INSERT INTO settings(key, value) VALUES ('marker', ?)",
                      (json.dumps(MARKER),))


def _marker(profile) -> str:
    return json.loads(profile.store.scalar("SELECT value FROM settings WHERE key='marker'"))


def test_create_and_unlock_roundtrip(profile, clock) -> None:
    _put_marker(profile)
    folder = profile.paths.folder
    profile.close()
    again = unlock_profile(folder, PASSPHRASE, clock=clock)
    assert _marker(again) == MARKER
    actions = [e.action for e in audit.entries(again.store)]
    assert actions == ["profiel.aanmaken", "ontgrendelen"]
    again.close()


def test_store_file_has_no_plaintext_and_header_no_secret(profile) -> None:
    _put_marker(profile)
    profile.store.checkpoint()
    raw = profile.paths.store.read_bytes()
    assert MARKER.encode() not in raw and "Hanzestad".encode("utf-16-le") not in raw
    header = profile.paths.header.read_text(encoding="utf-8")
    secret = device_secrets.load_secret(profile.header.current.secret_entry)
    assert secret.hex() not in header and PASSPHRASE not in header
    assert "Hanzestad" not in header


def test_passphrase_alone_cannot_open(profile) -> None:
    _put_marker(profile)
    path = profile.paths.store
    params = profile.header.current.kdf
    profile.close()
    pk = derive_passphrase_key(PASSPHRASE, params)
    for key in (pk, combine_keys(pk, bytes(32))):
        with pytest.raises(WrongPassphrase):
            Store.open(path, key)


def test_device_secret_alone_cannot_open(profile) -> None:
    secret = device_secrets.load_secret(profile.header.current.secret_entry)
    params = profile.header.current.kdf
    path = profile.paths.store
    profile.close()
    for key in (secret, combine_keys(bytes(32), secret),
                combine_keys(derive_passphrase_key("", params), secret)):
        with pytest.raises(WrongPassphrase):
            Store.open(path, key)


def test_wrong_passphrase_delay_grows_and_survives_restart(profile, clock) -> None:
    folder = profile.paths.folder
    profile.close()
    delays = []
    for attempt in range(1, 5):
        with pytest.raises(WrongPassphrase):
            unlock_profile(folder, "helemaal-niet-goed", clock=clock)
        # A "restart": nothing in memory, only what is on disk.
        with pytest.raises(UnlockDelayed) as err:
            unlock_profile(folder, PASSPHRASE, clock=clock)
        delays.append(round(err.value.seconds_left))
        assert delays[-1] == unlock_delay_seconds(attempt)
        clock.advance(err.value.seconds_left + 0.01)
    assert delays == [1, 2, 4, 8]
    opened = unlock_profile(folder, PASSPHRASE, clock=clock)
    failed = [e for e in audit.entries(opened.store) if e.result == "geweigerd"]
    assert len(failed) == 4 and all(e.action == "ontgrendelen" for e in failed)
    assert any("4 keer" in str(n) for n in opened.notices)
    assert opened.header.failed_unlocks == 0
    opened.close()


def test_delay_is_capped(clock) -> None:
    assert unlock_delay_seconds(0) == 0
    assert unlock_delay_seconds(30) == 300


def test_rotation_keeps_data_and_removes_old_secret(profile, clock) -> None:
    _put_marker(profile)
    old_entry = profile.header.current.secret_entry
    old_secret = device_secrets.load_secret(old_entry)
    profile.rotate_device_secret()
    assert profile.header.secret_generation == 2
    assert profile.header.current.secret_entry != old_entry
    assert not device_secrets.secret_exists(old_entry)
    assert _marker(profile) == MARKER
    folder = profile.paths.folder
    path = profile.paths.store
    params = profile.header.current.kdf
    profile.close()
    # The old key (old secret) no longer opens the store.
    with pytest.raises(WrongPassphrase):
        Store.open(path, combine_keys(derive_passphrase_key(PASSPHRASE, params), old_secret))
    again = unlock_profile(folder, PASSPHRASE, clock=clock)
    assert _marker(again) == MARKER
    assert "sleutel.roteren" in [e.action for e in audit.entries(again.store)]
    assert audit.verify(again.store).ok
    again.close()


def test_passphrase_change_rekeys_and_keeps_data(profile, clock) -> None:
    _put_marker(profile)
    folder = profile.paths.folder
    new = "groene-kikker-zwemt-in-de-vecht"
    with pytest.raises(WrongPassphrase):
        profile.change_passphrase("niet-de-oude-zin-hoor", new)
    with pytest.raises(PassphraseRejected):
        profile.change_passphrase(PASSPHRASE, "kort")
    profile.change_passphrase(PASSPHRASE, new)
    profile.close()
    with pytest.raises(WrongPassphrase):
        unlock_profile(folder, PASSPHRASE, clock=clock)
    clock.advance(10)
    again = unlock_profile(folder, new, clock=clock)
    assert _marker(again) == MARKER
    actions = [(e.action, e.result) for e in audit.entries(again.store)]
    assert ("wachtwoordzin.wijzigen", "geweigerd") in actions
    assert ("wachtwoordzin.wijzigen", "ok") in actions
    again.close()


def test_second_instance_gets_clear_message(profile, clock) -> None:
    with pytest.raises(ProfileInUse) as err:
        unlock_profile(profile.paths.folder, PASSPHRASE, clock=clock)
    assert "al geopend" in str(err.value.message)


def test_lock_held_by_another_process(profile, clock) -> None:
    folder = profile.paths.folder
    profile.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from desktop_app.vault.lock import ProfileLock
            lock = ProfileLock(Path({str(folder / 'profiel.lock')!r})); lock.acquire()
            print('held', flush=True); time.sleep(30)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(ProfileInUse):
            unlock_profile(folder, PASSPHRASE, clock=clock)
    finally:
        holder.kill()
        holder.wait()
    # The OS released the dead process's lock: no stale lock.
    unlock_profile(folder, PASSPHRASE, clock=clock).close()


def test_missing_device_secret(profile, clock) -> None:
    _put_marker(profile)
    folder = profile.paths.folder
    entry = profile.header.current.secret_entry
    secret = device_secrets.load_secret(entry)
    profile.close()
    device_secrets.delete_secret(entry)
    before = (folder / "store.db").read_bytes()
    with pytest.raises(DeviceSecretMissing) as err:
        unlock_profile(folder, PASSPHRASE, clock=clock)
    assert "sleutelbos" in str(err.value.message)
    assert (folder / "store.db").read_bytes() == before
    device_secrets.store_secret(entry, secret)  # put back: nothing was lost
    again = unlock_profile(folder, PASSPHRASE, clock=clock)
    assert _marker(again) == MARKER
    again.close()


def test_no_keyring_backend(profile, clock, monkeypatch: pytest.MonkeyPatch) -> None:
    """keyring's fail backend (what a frozen app without backends silently gets): the helper
    process refuses it and unlocking says so."""
    folder = profile.paths.folder
    profile.close()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with pytest.raises(KeyringUnavailable) as err:
        unlock_profile(folder, PASSPHRASE, clock=clock)
    assert "sleutelbos" in str(err.value.message)
    assert err.value.detail == "keyring.backends.fail.Keyring"
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    unlock_profile(folder, PASSPHRASE, clock=clock).close()  # a new helper, the real keyring


def test_plaintext_keyring_backend_is_refused(data_home: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND",
                       "tests.integration.stand_in_keyrings.PlaintextFile")
    with pytest.raises(KeyringUnavailable) as err:
        create_profile("Iemand Anders", PASSPHRASE, root=data_home)
    assert err.value.detail == "tests.integration.stand_in_keyrings.PlaintextFile"
    assert list_profiles(data_home) == []


def test_locked_keyring_in_its_own_session(tmp_path: Path) -> None:
    """Locks a real gnome-keyring collection (in a private D-Bus session so the suite's keyring
    stays unlocked) and shows unlock reports a locked keyring, not a wrong passphrase."""
    require_system_part(which("dbus-run-session") and which("gnome-keyring-daemon"),
                        "dbus-run-session and gnome-keyring-daemon")
    script = textwrap.dedent(f"""
        import json, os, secretstorage
        from pathlib import Path
        from desktop_app.vault.profiles import create_profile, unlock_profile
        from desktop_app.vault.errors import VaultError
        p = create_profile("Slot Test", {PASSPHRASE!r}, root=Path({str(tmp_path)!r}))
        folder = p.paths.folder; p.close()
        col = secretstorage.get_default_collection(secretstorage.dbus_init()); col.lock()
        try:
            unlock_profile(folder, {PASSPHRASE!r}); print(json.dumps({{"error": None}}))
        except VaultError as err:
            print(json.dumps({{"error": type(err).__name__, "message": str(err.message)}}))
    """)
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "share"),
               XDG_RUNTIME_DIR=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c",
         'printf %s pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1;'
         ' exec "$@"', "sh", sys.executable, "-c", script],
        capture_output=True, text=True, timeout=120, env=env, cwd=Path(__file__).parents[2],
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr[-2000:]
    result = json.loads(lines[-1])
    assert result["error"] == "KeyringLocked", result
    assert "vergrendeld" in result["message"]


def test_damaged_header_restored_from_reserve(profile, clock) -> None:
    _put_marker(profile)
    paths = profile.paths
    profile.close()
    paths.header.write_text("{ kapot", encoding="utf-8")
    again = unlock_profile(paths.folder, PASSPHRASE, clock=clock)
    assert any("reservekopie" in str(n) for n in again.notices)
    assert _marker(again) == MARKER
    again.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "weak_kdf", "missing"])
def test_damaged_header_and_reserve_give_clear_message(profile, clock, damage: str) -> None:
    paths = profile.paths
    profile.close()
    store_before = paths.store.read_bytes()
    original = paths.header.read_text(encoding="utf-8")
    for file in (paths.header, paths.header_backup):
        if damage == "garbage":
            file.write_bytes(os.urandom(200))
        elif damage == "truncated":
            file.write_text(original[: len(original) // 2], encoding="utf-8")
        elif damage == "weak_kdf":
            file.write_text(original.replace('"memory_kib": 8192', '"memory_kib": 16'),
                            encoding="utf-8")
        else:
            file.unlink()
    with pytest.raises(HeaderDamaged) as err:
        unlock_profile(paths.folder, PASSPHRASE, clock=clock)
    assert "beschadigd" in str(err.value.message)
    assert paths.store.read_bytes() == store_before


def test_store_replaced_by_plain_sqlite_or_random(profile, clock) -> None:
    import sqlite3

    paths = profile.paths
    profile.close()
    paths.store.unlink()
    conn = sqlite3.connect(paths.store)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    from desktop_app.vault.errors import ForeignStore

    with pytest.raises(ForeignStore):
        unlock_profile(paths.folder, PASSPHRASE, clock=clock)
    paths.store.write_bytes(os.urandom(4096 * 3))
    with pytest.raises(StoreCorrupt):
        unlock_profile(paths.folder, PASSPHRASE, clock=clock)
    # A corrupt store is not a wrong passphrase: no failed-attempt delay was added.
    with pytest.raises(StoreCorrupt):
        unlock_profile(paths.folder, PASSPHRASE, clock=clock)


def test_profile_listing_and_duplicates(data_home: Path, real_keyring, clock) -> None:
    a = create_profile("Sanne de Boer", PASSPHRASE, root=data_home, clock=clock)
    a.close()
    with pytest.raises(ProfileExists):
        create_profile("sanne  de boer", "een-andere-lange-zin", root=data_home)
    b = create_profile("Łukasz Wiśniewski", "een-andere-lange-zin", root=data_home, clock=clock)
    b.close()
    names = [p.worker_name for p in list_profiles(data_home)]
    assert names == ["Łukasz Wiśniewski", "Sanne de Boer"]


def test_weak_passphrase_refused_at_creation(data_home: Path, real_keyring) -> None:
    with pytest.raises(PassphraseRejected) as err:
        create_profile("Kees", "wachtwoord12", root=data_home)
    assert err.value.reasons
    assert list_profiles(data_home) == []


def test_compacting_rotation_keeps_data_shrinks_and_old_key_fails(profile, clock) -> None:
    with profile.store.transaction() as store:
        for i in range(3000):
            store.execute("INSERT INTO settings(key, value) VALUES (?, ?)",
                          (f"tijdelijk-{i}", json.dumps("x" * 400)))
    _put_marker(profile)
    with profile.store.transaction() as store:
        store.execute("DELETE FROM settings WHERE key LIKE 'tijdelijk-%'")
    profile.store.checkpoint()
    size_before = profile.paths.store.stat().st_size
    old_secret = device_secrets.load_secret(profile.header.current.secret_entry)
    params = profile.header.current.kdf
    version = profile.store.scalar("PRAGMA user_version")
    profile.rotate_device_secret(compact=True)
    # Same Store object, now on the compacted file under the new key.
    assert _marker(profile) == MARKER
    assert profile.store.scalar("PRAGMA user_version") == version
    assert profile.store.scalar("PRAGMA journal_mode") == "wal"
    assert profile.paths.store.stat().st_size < size_before / 3
    assert not profile.paths.store_new.exists()
    assert audit.verify(profile.store).ok
    folder = profile.paths.folder
    path = profile.paths.store
    profile.close()
    with pytest.raises(WrongPassphrase):
        Store.open(path, combine_keys(derive_passphrase_key(PASSPHRASE, params), old_secret))
    again = unlock_profile(folder, PASSPHRASE, clock=clock)
    assert _marker(again) == MARKER
    assert again.store.scalar("PRAGMA integrity_check") == "ok"
    again.close()


# -- issue 17: a damaged header that still parses ------------------------------------------------

def _change_one_char(path: Path, field: str) -> None:
    """Change one character of the salt or the key check in the file itself; it still parses
    (the salt stays valid base64 of the same length, the key check valid hex)."""
    raw = path.read_text(encoding="utf-8")
    data = json.loads(raw)
    value = data["current"]["kdf"]["salt"] if field == "salt" else data["current"]["key_check"]
    changed = ("B" if value[0] != "B" else "C") + value[1:] if field == "salt" else (
        ("0" if value[0] != "0" else "1") + value[1:])
    assert raw.count(f'"{value}"') == 1
    path.write_text(raw.replace(f'"{value}"', f'"{changed}"'), encoding="utf-8")


def _count_kdf_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the real Argon2 runs of an unlock (the real function still runs)."""
    from desktop_app.vault import profiles as profiles_module

    runs: list[int] = []
    real = profiles_module.derive_passphrase_key

    def counting(passphrase, params):
        runs.append(1)
        return real(passphrase, params)

    monkeypatch.setattr(profiles_module, "derive_passphrase_key", counting)
    return runs


@pytest.mark.parametrize("field", ["salt", "key_check"])
def test_damaged_main_header_unlocks_with_reserve_and_is_repaired(
        profile, clock, monkeypatch: pytest.MonkeyPatch, field: str) -> None:
    _put_marker(profile)
    paths = profile.paths
    profile.close()
    reserve_before = paths.header_backup.read_bytes()
    _change_one_char(paths.header, field)
    assert paths.header.read_bytes() != reserve_before
    runs = _count_kdf_runs(monkeypatch)
    again = unlock_profile(paths.folder, PASSPHRASE, clock=clock)
    # A changed salt needs the reserve's own KDF run; a changed key check reuses the key.
    assert len(runs) == (2 if field == "salt" else 1)
    assert _marker(again) == MARKER
    assert [n.key for n in again.notices] == ["vault.notice.header_restored"]
    assert "hoofdbestand" in str(again.notices[0]) and "hersteld" in str(again.notices[0])
    # Repaired: both files are the intact reserve again, and no wrong attempt was counted.
    assert paths.header.read_bytes() == paths.header_backup.read_bytes() == reserve_before
    assert again.header.failed_unlocks == 0
    entries = [(e.action, e.result, e.reason) for e in audit.entries(again.store)]
    assert ("profielgegevens.herstellen", "ok", "hoofdbestand hersteld") in entries
    assert not [e for e in entries if e[1] == "geweigerd"]
    again.close()
    # The next unlock (no delay running) is ordinary.
    runs.clear()
    third = unlock_profile(paths.folder, PASSPHRASE, clock=clock)
    assert third.notices == [] and len(runs) == 1
    third.close()


def test_wrong_passphrase_with_damaged_main_counts_once_and_keeps_reserve(
        profile, clock) -> None:
    paths = profile.paths
    profile.close()
    reserve_before = json.loads(paths.header_backup.read_text(encoding="utf-8"))
    _change_one_char(paths.header, "salt")
    with pytest.raises(WrongPassphrase):
        unlock_profile(paths.folder, "verkeerde-wachtwoordzin-echt", clock=clock)
    for file in (paths.header, paths.header_backup):
        assert json.loads(file.read_text(encoding="utf-8"))["failed_unlocks"] == 1
    # The intact reserve kept its own key material: the right passphrase still opens it.
    reserve_after = json.loads(paths.header_backup.read_text(encoding="utf-8"))
    assert reserve_after["current"] == reserve_before["current"]
    with pytest.raises(UnlockDelayed):
        unlock_profile(paths.folder, PASSPHRASE, clock=clock)
    clock.advance(unlock_delay_seconds(1) + 1)
    again = unlock_profile(paths.folder, PASSPHRASE, clock=clock)
    assert "vault.notice.header_restored" in [n.key for n in again.notices]
    assert paths.header.read_bytes() == paths.header_backup.read_bytes()
    again.close()


def test_both_headers_damaged_is_a_wrong_passphrase_as_before(profile, clock) -> None:
    paths = profile.paths
    profile.close()
    _change_one_char(paths.header, "salt")
    _change_one_char(paths.header_backup, "key_check")
    with pytest.raises(WrongPassphrase):
        unlock_profile(paths.folder, PASSPHRASE, clock=clock)
    for file in (paths.header, paths.header_backup):
        assert json.loads(file.read_text(encoding="utf-8"))["failed_unlocks"] == 1


def test_damaged_reserve_is_repaired_quietly(profile, clock) -> None:
    paths = profile.paths
    profile.close()
    _change_one_char(paths.header_backup, "key_check")
    again = unlock_profile(paths.folder, PASSPHRASE, clock=clock)
    assert again.notices == []
    assert paths.header.read_bytes() == paths.header_backup.read_bytes()
    entries = [(e.action, e.reason) for e in audit.entries(again.store)]
    assert ("profielgegevens.herstellen", "reservekopie hersteld") in entries
    again.close()


def test_store_without_headers_is_listed_as_damaged(profile, data_home: Path) -> None:
    paths = profile.paths
    profile.close()
    paths.header.unlink()
    paths.header_backup.unlink()
    listed = list_profiles(data_home)
    assert [p.folder for p in listed] == [paths.folder]
    problem = listed[0].problem
    assert problem is not None and problem.key == "vault.headers_missing"
    assert "IT-beheerder van de gemeente" in str(problem)
    assert paths.store.exists()  # nothing was removed
    # A folder without a store and without headers (nothing to open) stays out of the list.
    (data_home / "profiles" / "leeg").mkdir()
    assert len(list_profiles(data_home)) == 1
