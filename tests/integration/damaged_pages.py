"""Real damaged stores for the tests of issue 17: a profile whose intakes table spans several
pages, and one page of that table overwritten in the file, so that SQLCipher's HMAC check
refuses it. The page is found by trying: each page's ciphertext is changed in turn, and the one
that makes some intakes (not all, and not the list of ids, which lives in the primary key's
index) unreadable is a leaf page of the intakes table. (SQLCipher has no `dbstat` table.)"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
from dataclasses import dataclass
from pathlib import Path

from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from desktop_app.services.transfer import TransferChecklist, TransferService
from desktop_app.vault.errors import StoreCorrupt, VaultError
from desktop_app.vault.profiles import create_profile
from desktop_app.vault.store import PAGE_SIZE, Store
from tests.conftest import PASSPHRASE
from tests.integration.crash_child import destroy_in_child
from tests.integration.test_destruction_forensic import force_ready

INTAKES = 90  # at about 20 intakes per 4 KB page: a table of several leaf pages


@dataclass
class DamagedProfile:
    folder: Path
    store_path: Path
    names: dict[str, str]  # intake id -> resident name
    markers: dict[str, str]  # intake id -> text only that intake's answers hold
    unreadable: set[str]  # the intakes on the damaged page
    transferred: str | None = None  # the intake whose destruction was interrupted


def store_digest(path: Path) -> str:
    """The store file and its WAL, to show nothing was written."""
    digest = hashlib.sha256()
    for part in (path, path.with_name(path.name + "-wal")):
        if part.exists():
            digest.update(part.read_bytes())
    return digest.hexdigest()


def make_profile(root: Path, *, transferred: bool = False) -> tuple[Session, dict[str, str],
                                                                     dict[str, str], str | None]:
    session = Session(create_profile("Herstel Test", PASSPHRASE, root=root))
    intakes = IntakeService(session)
    names: dict[str, str] = {}
    markers: dict[str, str] = {}
    for number in range(INTAKES):
        name = f"Bewoner {number:03d} de Vries"
        intake_id = intakes.start_intake(name)
        names[intake_id] = name
        marker = f"HULPVRAAG{number:03d}X{os.urandom(4).hex().upper()}"
        intakes.save_answers(intake_id, {"hulpvraag": marker})
        markers[intake_id] = marker
    target = None
    if transferred:
        # The first intake (its page is intact: the damaged page is chosen among the others).
        target = next(iter(names))
        force_ready(session, target)
        TransferService(session).confirm_transfer(target, TransferChecklist(
            "TOP-2026-00417", True, True, True))
    return session, names, markers, target


def _unreadable_with(path: Path, key: bytes, ids: list[str]) -> set[str] | None:
    """Which intakes cannot be read from the file as it is now (None: not even the ids)."""
    try:
        store = Store.open(path, key)
    except VaultError:  # a page of the schema: the store does not even open
        return None
    try:
        try:
            listed = [i for (i,) in store.query(
                "SELECT id FROM intakes INDEXED BY sqlite_autoindex_intakes_1")]
            store.query("SELECT count(*) FROM residents")
            store.query("SELECT count(*) FROM answers")
        except StoreCorrupt:
            return None
        if sorted(listed) != sorted(ids):
            return None
        bad: set[str] = set()
        for intake_id in ids:
            try:
                store.query("SELECT * FROM intakes WHERE id = ?", (intake_id,))
            except StoreCorrupt:
                bad.add(intake_id)
        return bad
    finally:
        store.close()


def damage_intakes_page(path: Path, key: bytes, ids: list[str],
                        keep: frozenset[str] = frozenset()) -> set[str]:
    """Overwrite 32 bytes in the middle of the ciphertext of a leaf page of the intakes table
    (not one holding an intake in `keep`); return the intakes on it."""
    data = path.read_bytes()
    pages = len(data) // PAGE_SIZE
    for page in range(2, pages + 1):
        offset = (page - 1) * PAGE_SIZE + PAGE_SIZE // 2
        with path.open("r+b") as handle:
            handle.seek(offset)
            handle.write(bytes(b ^ 0xFF for b in data[offset:offset + 32]))
        bad = _unreadable_with(path, key, ids)
        if bad and len(bad) < len(ids) and not bad & keep:
            return bad
        with path.open("r+b") as handle:  # not this page: put it back
            handle.seek(offset)
            handle.write(data[offset:offset + 32])
    raise AssertionError("no leaf page of the intakes table found")


def damaged_profile(root: Path, *, interrupted_destruction: bool = False,
                    transferred: bool = False) -> DamagedProfile:
    """A locked profile with one damaged leaf page of the intakes table. With
    `interrupted_destruction`, a destruction killed right after step 1 (its content removed,
    the receipt not completed: the marker that the next unlock finishes it); with
    `transferred`, one transferred intake on an intact page, ready to be destroyed."""
    session, names, markers, target = make_profile(
        root, transferred=interrupted_destruction or transferred)
    store = session.profile.store
    key = bytes(store._key)
    folder, path = session.profile.paths.folder, store.path
    session.lock()
    if target is not None and interrupted_destruction:
        done = destroy_in_child(folder, target, "destroy:after_content")
        assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
        del names[target]
    # Fold the WAL into the file first (a plain open and close), so every page is in it.
    Store.open(path, key).close()
    ids = sorted(names)
    keep = frozenset({target}) if target is not None and transferred else frozenset()
    bad = damage_intakes_page(path, key, ids, keep)
    return DamagedProfile(folder, path, names, markers, bad, target)


def profile_lock_free(folder: Path) -> bool:
    """The profile lock can be taken (and is given back at once)."""
    from desktop_app.vault.errors import ProfileInUse
    from desktop_app.vault.lock import ProfileLock
    from desktop_app.vault.paths import ProfilePaths

    lock = ProfileLock(ProfilePaths(folder).lock)
    try:
        lock.acquire()
    except ProfileInUse:
        return False
    with contextlib.suppress(Exception):
        lock.release()
    return True
