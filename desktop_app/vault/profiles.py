"""Worker profiles: create, unlock, change passphrase, rotate the device secret.

Key changes (rotation, passphrase change) are crash-safe. The header records the change as
`pending` *before* anything else happens, and unlock finishes or abandons it:

  1. header: pending = new key material          (crash → pending dropped at next unlock)
  2. keyring: store the new device secret         (crash → store still under the old key)
  3. PRAGMA rekey                                  (one transaction: old or new key, never half)
  4. reopen with the new key and verify            (crash → unlock finds the new key works)
  5. header: current = pending, pending = none     (crash → old keyring entry left, step 6 redone)
  6. keyring: delete the old device secret

At unlock: the current key opens the store → any pending change did not happen and is dropped;
else the pending key opens it → the change happened and is completed. At no point is the store
unopenable with what exists (passphrase + keyring).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets as pysecrets
from pathlib import Path

from desktop_app.domain.passphrase import assess_passphrase
from desktop_app.domain.text import fold
from desktop_app.messages import Message
from desktop_app.vault import audit
from desktop_app.vault import secrets as device_secrets
from desktop_app.vault.errors import (
    DataFolderNotWritable,
    DeviceSecretMissing,
    DiskFull,
    PassphraseRejected,
    ProfileExists,
    StoreCorrupt,
    StoreTooNew,
    UnlockDelayed,
    VaultError,
    WrongPassphrase,
)
from desktop_app.vault.header import (
    KeyMaterial,
    PendingKeyChange,
    ProfileHeader,
    read_copy,
    read_header,
    write_file_atomic,
    write_header,
)
from desktop_app.vault.keys import (
    SALT_LENGTH,
    KdfParameters,
    combine_keys,
    derive_passphrase_key,
    key_check_value,
    key_matches,
)
from desktop_app.vault.lock import ProfileLock
from desktop_app.vault.migrations import current_version, latest_version, migrate
from desktop_app.vault.paths import ProfilePaths, profiles_dir
from desktop_app.vault.profile_list import (
    Clock,
    list_profiles,
    seconds_until_retry,
    system_clock,
)
from desktop_app.vault.store import Store, translate_sqlite_error
from desktop_app.vault.testhooks import crash_point


def default_kdf() -> KdfParameters:
    # Tests may lower the cost (never below KdfParameters' floor) to keep the suite fast.
    memory = int(os.environ.get("WIJKTEAM_INTAKE_KDF_MEMORY_KIB", 64 * 1024))
    time_cost = int(os.environ.get("WIJKTEAM_INTAKE_KDF_TIME_COST", 3))
    return KdfParameters(salt=os.urandom(SALT_LENGTH), time_cost=time_cost, memory_kib=memory)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


class UnlockedProfile:
    """An open store plus what is needed to change its key. `close()` wipes the key material
    we control (Python cannot promise every copy is gone; SQLCipher wipes its own)."""

    def __init__(
        self,
        paths: ProfilePaths,
        header: ProfileHeader,
        store: Store,
        lock: ProfileLock,
        passphrase_key: bytes,
        clock: Clock,
        notices: list[Message],
    ) -> None:
        self.paths = paths
        self.header = header
        self.store = store
        self._lock = lock
        self._passphrase_key = bytearray(passphrase_key)
        self.clock = clock
        self.notices = notices  # what the worker should be told after unlocking
        self.closed = False
        self._deferred_log: list[tuple[dt.datetime, str, dict[str, str]]] = []

    @property
    def profile_id(self) -> str:
        return self.header.profile_id

    @property
    def actor(self) -> str:
        return f"profiel-{self.header.profile_id}"

    def log(self, action: str, *, at: dt.datetime | None = None, **kwargs: str) -> None:
        """Append to the logboek (`at`: when it happened, if earlier than now). On a full disk
        the entry is kept in memory and written with the next entry that fits, so a worker is
        never locked out of their own drafts by it."""
        self._deferred_log.append((at or self.clock(), action, kwargs))
        try:
            with self.store.transaction() as store:
                for moment, deferred_action, deferred_kwargs in self._deferred_log:
                    audit.append(store, at=moment, actor=self.actor, action=deferred_action,
                                 **deferred_kwargs)
        except DiskFull:
            if self._disk_full_notice not in self.notices:
                self.notices.append(self._disk_full_notice)
            return
        except StoreCorrupt:
            # A damaged store is not written again (vault/store.py); the worker is told about
            # the damage itself. The entries stay in memory until the session ends.
            return
        self._deferred_log.clear()

    @property
    def damaged(self) -> bool:
        """SQLCipher found a damaged page: the store is read, never written, from now on."""
        return self.store.corrupt

    _disk_full_notice = Message("vault.notice.disk_full")

    @property
    def unwritten_log(self) -> int:
        """How many logboek entries wait in memory for room on the disk."""
        return len(self._deferred_log)

    # -- key changes -----------------------------------------------------------------------
    def _write_header(self, header: ProfileHeader) -> None:
        write_header(self.paths.header, self.paths.header_backup, header)
        self.header = header

    def _change_key(self, reason: str, new_material: KeyMaterial, new_key: bytes,
                    new_secret: bytes | None, *, compact: bool = False) -> None:
        old = self.header
        self._write_header(old.with_changes(pending=PendingKeyChange(reason, new_material)))
        crash_point(f"{reason}:after_header_pending")
        try:
            if new_secret is not None:
                device_secrets.store_secret(new_material.secret_entry, new_secret)
        except VaultError:
            self._write_header(old)
            raise
        crash_point(f"{reason}:after_secret_stored")
        try:
            if compact:
                # One rewrite instead of VACUUM + re-key: a compacted copy under the new key
                # replaces the store atomically. Until the rename the store is untouched. The
                # store stays locked from the copy to the swap: a write in between (the
                # autosave thread, while a destruction runs in the background) would otherwise
                # land in the old file and be lost with it; it waits and goes into the new one.
                with self.store.lock:
                    self.store.export_compacted(self.paths.store_new, new_key)
                    crash_point(f"{reason}:after_export")
                    self.store.replace_with(self.paths.store_new, new_key)
            else:
                self.store.rekey(new_key)
        except StoreCorrupt:
            # A damaged page stopped the rewrite before anything was replaced: the store is
            # still the old one under the old key. Undo the half-started change now.
            with contextlib.suppress(VaultError):
                if new_secret is not None:
                    device_secrets.delete_secret(new_material.secret_entry)
                self._write_header(old)
            raise
        crash_point(f"{reason}:after_rekey")
        verify = Store.open(self.store.path, new_key)
        try:
            verify.scalar("SELECT count(*) FROM sqlite_master")
        finally:
            verify.close()
        crash_point(f"{reason}:after_verify")
        generation = old.secret_generation + (1 if new_secret is not None else 0)
        retired = old.retired_secret_entries
        if old.current.secret_entry != new_material.secret_entry:
            retired = (*retired, old.current.secret_entry)
        committed = old.with_changes(current=new_material, pending=None,
                                     secret_generation=generation,
                                     retired_secret_entries=retired)
        self._write_header(committed)
        crash_point(f"{reason}:after_header_commit")
        self.header = _delete_retired_secrets(self.paths, self.header)
        crash_point(f"{reason}:after_old_secret_deleted")

    def prepare_keyring(self) -> None:
        """Start the keyring helper ahead of a key change, so its start-up (loading the OS
        keyring client) overlaps the work before it."""
        device_secrets.prestart()

    def rotate_device_secret(self, *, compact: bool = False) -> None:
        """New device secret, re-key the store, delete the old secret (destruction step 4).
        With `compact`, the store is rewritten compacted under the new key in the same pass
        (what VACUUM would do), which halves the work of a destruction."""
        generation = self.header.secret_generation + 1
        entry = secret_entry_name(self.profile_id, generation)
        secret = device_secrets.new_secret()
        new_key = combine_keys(bytes(self._passphrase_key), secret)
        material = KeyMaterial(self.header.current.kdf, entry, key_check_value(new_key))
        try:
            self._change_key("rotate", material, new_key, secret, compact=compact)
        except VaultError:
            with contextlib.suppress(VaultError):
                self.log("sleutel.roteren", result="mislukt")
            raise
        self.log("sleutel.roteren")

    def change_passphrase(self, old_passphrase: str, new_passphrase: str) -> None:
        self.prepare_keyring()  # starts while the passphrases are checked
        params = self.header.current.kdf
        if derive_passphrase_key(old_passphrase, params) != bytes(self._passphrase_key):
            self.log("wachtwoordzin.wijzigen", result="geweigerd")
            raise WrongPassphrase("old passphrase")
        assessment = assess_passphrase(new_passphrase, worker_name=self.header.worker_name)
        if not assessment.acceptable:
            raise PassphraseRejected(assessment.problems)
        new_params = default_kdf()
        new_pk = derive_passphrase_key(new_passphrase, new_params)
        secret = device_secrets.load_secret(self.header.current.secret_entry)
        new_key = combine_keys(new_pk, secret)
        material = KeyMaterial(new_params, self.header.current.secret_entry,
                               key_check_value(new_key))
        self._change_key("passphrase", material, new_key, None)
        self._passphrase_key[:] = new_pk
        self._write_header(self.header.with_changes(passphrase_changed_at=_iso(self.clock())))
        self.log("wachtwoordzin.wijzigen")

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self.store.close()
        finally:
            for i in range(len(self._passphrase_key)):
                self._passphrase_key[i] = 0
            self._lock.release()


def _delete_retired_secrets(paths: ProfilePaths, header: ProfileHeader) -> ProfileHeader:
    if not header.retired_secret_entries:
        return header
    for entry in header.retired_secret_entries:
        device_secrets.delete_secret(entry)
    cleaned = header.with_changes(retired_secret_entries=())
    write_header(paths.header, paths.header_backup, cleaned)
    return cleaned


def secret_entry_name(profile_id: str, generation: int) -> str:
    return f"{profile_id}/apparaatgeheim/{generation}"


def _ensure_writable(folder: Path) -> None:
    probe = folder / f".schrijftest.{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            probe.write_bytes(b"x")
        finally:
            with contextlib.suppress(OSError):
                probe.unlink()
    except OSError as err:
        if err.errno == 28:
            raise DiskFull() from None
        raise DataFolderNotWritable(err.strerror) from None


def create_profile(
    worker_name: str, passphrase: str, *, root: Path | None = None,
    clock: Clock = system_clock,
) -> UnlockedProfile:
    name = " ".join(worker_name.split())
    if not name:
        raise PassphraseRejected([Message("passphrase.name_missing")])
    if any(fold(p.worker_name) == fold(name) for p in list_profiles(root)):
        raise ProfileExists()
    assessment = assess_passphrase(passphrase, worker_name=name)
    if not assessment.acceptable:
        raise PassphraseRejected(assessment.problems)
    base = profiles_dir(root)
    _ensure_writable(base)
    profile_id = pysecrets.token_hex(6)
    paths = ProfilePaths(base / profile_id)
    paths.folder.mkdir(mode=0o700)
    lock = ProfileLock(paths.lock)
    lock.acquire()
    device_secrets.prestart()  # loads the keyring client while the KDF runs
    try:
        params = default_kdf()
        pk = derive_passphrase_key(passphrase, params)
        secret = device_secrets.new_secret()
        entry = secret_entry_name(profile_id, 1)
        device_secrets.store_secret(entry, secret)
        db_key = combine_keys(pk, secret)
        now = clock()
        header = ProfileHeader(
            profile_id=profile_id,
            worker_name=name,
            created_at=_iso(now),
            current=KeyMaterial(params, entry, key_check_value(db_key)),
            secret_generation=1,
            passphrase_changed_at=_iso(now),
        )
        store = Store.open(paths.store, db_key, create=True)
        try:
            migrate(store.raw_connection)
            write_header(paths.header, paths.header_backup, header)
        except BaseException:
            store.close()
            raise
    except BaseException:
        lock.release()
        # Nothing of value exists yet: remove the half-made profile so it cannot confuse anyone.
        with contextlib.suppress(OSError, VaultError):
            device_secrets.delete_secret(secret_entry_name(profile_id, 1))
        for leftover in (paths.store, paths.store_wal, paths.store_shm, paths.header,
                         paths.header_backup, paths.lock):
            with contextlib.suppress(OSError):
                leftover.unlink()
        with contextlib.suppress(OSError):
            paths.folder.rmdir()
        raise
    profile = UnlockedProfile(paths, header, store, lock, pk, clock, [])
    profile.log("profiel.aanmaken")
    return profile


def _material_key(material: KeyMaterial, pk: bytes) -> bytes | None:
    """The db key for this material, or None when the passphrase does not match it."""
    secret = device_secrets.load_secret(material.secret_entry)
    key = combine_keys(pk, secret)
    return key if key_matches(key, material.key_check) else None


def unlock_profile(
    profile_folder: Path, passphrase: str, *, clock: Clock = system_clock
) -> UnlockedProfile:
    paths = ProfilePaths(profile_folder)
    header, from_backup = read_header(paths.header, paths.header_backup)
    # The reserve copy on its own: a main header that parses may still be damaged (one
    # character of the salt or key check changed), and then only the reserve opens the store.
    reserve = None if from_backup else read_copy(paths.header_backup)
    repaired_main = from_backup
    notices: list[Message] = []
    lock = ProfileLock(paths.lock)
    lock.acquire()
    # Usually pre-started by the unlock window already; otherwise it starts during the KDF.
    device_secrets.prestart()
    try:
        now = clock()
        wait = seconds_until_retry(header.failed_unlocks, header.last_failed_unlock_at, now)
        if wait > 0:
            raise UnlockDelayed(wait)
        keys = _PassphraseKeys(passphrase)
        opened = _open_with_recovery(paths, header, keys, notices)
        if opened is None and reserve is not None and _keys_differ(reserve, header):
            # Only a reserve with other key material can give another answer; with the same
            # salt and parameters the derived key is reused (no second KDF run).
            opened = _open_with_recovery(paths, reserve, keys, notices)
            if opened is not None:
                repaired_main = True
        if opened is None:
            # One wrong passphrase counts once, however many copies were tried.
            def counted(copy: ProfileHeader) -> ProfileHeader:
                return copy.with_changes(
                    failed_unlocks=header.failed_unlocks + 1,
                    last_failed_unlock_at=_iso(now),
                    failed_unlock_times=(*header.failed_unlock_times[-49:], _iso(now)),
                )
            if reserve is not None and _keys_differ(reserve, header):
                # Which copy is right is unknown: each keeps its own key material, so a damaged
                # main header never overwrites an intact reserve.
                _write_copy(paths.header, counted(header))
                _write_copy(paths.header_backup, counted(reserve))
            else:
                write_header(paths.header, paths.header_backup, counted(header))
            raise WrongPassphrase()
        store, pk, header = opened
    except BaseException:
        lock.release()
        raise
    try:
        if repaired_main:
            # The reserve opened the store: its content is the right header for both files.
            write_header(paths.header, paths.header_backup, header)
        try:
            version = current_version(store.raw_connection)
            if version > latest_version():
                raise StoreTooNew(str(version))
            if version < latest_version():
                migrate(store.raw_connection)
        except VaultError:
            raise
        except Exception as err:  # a damaged page in the schema: a vault error, with a message
            raise translate_sqlite_error(err, store.path) from err
        profile = UnlockedProfile(paths, header, store, lock, pk, clock, notices)
        # Failed attempts are logged now: without the key they could not be written earlier.
        for moment in header.failed_unlock_times:
            profile._deferred_log.append((dt.datetime.fromisoformat(moment), "ontgrendelen",
                                          {"result": "geweigerd",
                                           "reason": "verkeerde wachtwoordzin"}))
        if header.failed_unlocks or header.failed_unlock_times:
            with contextlib.suppress(DiskFull):  # the counter resets once there is room again
                profile._write_header(header.with_changes(
                    failed_unlocks=0, last_failed_unlock_at=None, failed_unlock_times=()))
        if header.failed_unlocks:
            notices.append(Message("vault.notice.failed_unlocks", n=header.failed_unlocks))
        profile.log("ontgrendelen")
        if repaired_main:
            notices.append(Message("vault.notice.header_restored"))
            profile.log("profielgegevens.herstellen", reason="hoofdbestand hersteld")
        elif _repair_reserve(paths):
            profile.log("profielgegevens.herstellen", reason="reservekopie hersteld")
    except BaseException:
        store.close()
        lock.release()
        raise
    return profile


class _PassphraseKeys:
    """The passphrase key per set of KDF parameters, each derived once: trying the reserve
    copy of the header costs no second Argon2 run when its salt and parameters are the same."""

    def __init__(self, passphrase: str) -> None:
        self._passphrase = passphrase
        self._keys: dict[KdfParameters, bytes] = {}

    def __call__(self, params: KdfParameters) -> bytes:
        if params not in self._keys:
            self._keys[params] = derive_passphrase_key(self._passphrase, params)
        return self._keys[params]


def _keys_differ(a: ProfileHeader, b: ProfileHeader) -> bool:
    return (a.current, a.pending) != (b.current, b.pending)


def _write_copy(path: Path, header: ProfileHeader) -> None:
    write_file_atomic(path, json.dumps(header.to_json(), indent=2,
                                       ensure_ascii=False).encode("utf-8"))


def _repair_reserve(paths: ProfilePaths) -> bool:
    """After the main header opened the store: make the reserve an exact copy of it again
    when it differs (damaged, or left behind). Whether it was rewritten."""
    try:
        main = paths.header.read_bytes()
    except OSError:
        return False
    try:
        if paths.header_backup.read_bytes() == main:
            return False
    except OSError:
        pass
    try:
        write_file_atomic(paths.header_backup, main)
    except VaultError:
        return False  # a full disk or read-only folder: the next unlock tries again
    return True


def _open_with_recovery(
    paths: ProfilePaths, header: ProfileHeader, keys: _PassphraseKeys, notices: list[Message]
) -> tuple[Store, bytes, ProfileHeader] | None:
    """Open the store, finishing or abandoning a key change a crash interrupted.
    Returns None for a wrong passphrase."""
    if paths.store_new.exists():
        # A compacting rotation stopped before its atomic rename: the store itself is the
        # complete old one. The copy is under the pending key, whose secret is dropped below.
        paths.store_new.unlink()
    pk = keys(header.current.kdf)
    current_key = _material_key(header.current, pk)
    pending = header.pending
    pending_key: bytes | None = None
    pending_pk = pk
    if pending is not None:
        pending_pk = keys(pending.material.kdf)
        try:
            pending_key = _material_key(pending.material, pending_pk)
        except DeviceSecretMissing:
            pending_key = None  # crash before the new secret reached the keyring
    if current_key is None and pending_key is None:
        return None
    if current_key is not None:
        try:
            store = Store.open(paths.store, current_key)
        except WrongPassphrase:
            store = None
        if store is not None:
            if pending is not None:
                # The re-key never happened: drop the half-started change.
                if pending.material.secret_entry != header.current.secret_entry:
                    device_secrets.delete_secret(pending.material.secret_entry)
                header = header.with_changes(pending=None)
                write_header(paths.header, paths.header_backup, header)
                notices.append(Message("vault.notice.rekey_rolled_back"))
            return store, pk, _delete_retired_secrets(paths, header)
        if pending_key is None:
            # The passphrase and device secret are right (key check) but the store refuses.
            if pending is not None and pending.reason == "passphrase":
                raise WrongPassphrase("onderbroken wijziging: gebruik de nieuwe wachtwoordzin")
            raise StoreCorrupt("sleutel klopt, bestand niet")
    assert pending is not None and pending_key is not None
    try:
        store = Store.open(paths.store, pending_key)
    except WrongPassphrase:
        if current_key is None and pending.reason == "passphrase":
            # New passphrase typed, but the re-key never happened: the old one still applies.
            raise WrongPassphrase("onderbroken wijziging: gebruik de oude wachtwoordzin") from None
        raise StoreCorrupt("geen van beide sleutels opent het bestand") from None
    # The re-key happened: complete the change.
    old_entry = header.current.secret_entry
    generation = header.secret_generation + (
        1 if pending.material.secret_entry != old_entry else 0
    )
    retired = header.retired_secret_entries
    if pending.material.secret_entry != old_entry:
        retired = (*retired, old_entry)
    header = header.with_changes(current=pending.material, pending=None,
                                 secret_generation=generation, retired_secret_entries=retired)
    write_header(paths.header, paths.header_backup, header)
    header = _delete_retired_secrets(paths, header)
    notices.append(Message("vault.notice.rekey_finished"))
    return store, pending_pk, header
