"""A damaged store (issue 17): find it, stop writing to it, and get out what can be read.

SQLCipher checks each page's HMAC when it reads it; a page changed on disk (a failing disk, a
bad sector, a copy cut off) is refused, and the store is marked corrupt (vault/store.py): from
then on nothing is written to it, reads go on. The worker keeps the program: the caseload
shows the intakes that can still be read, the damage dialog lists the readable and unreadable
ones and exports the readable intakes' reports, so they can be transferred to the central
dossier. Nothing is deleted: the municipal IT administrator (functioneel beheerder) can try to
repair the file or restore it from a backup, and an interrupted destruction stays recorded in
the store, to be finished after the repair.

`PRAGMA quick_check` runs after every unlock, on a second read-only connection, so it does not
hold the store's lock. Measured with `wijkteam-intake bench` (real SQLCipher 4.6, synthetic
store: a quarter 1.5 KB rows, three quarters 256 KB blobs; warm file cache; a busy 2-core test
machine): 50 MB about 0.26 s, 200 MB about 0.92 s (rows only, the costlier kind: 0.43 s and
2.1 s; blobs only: 0.14 s and 0.56 s). The design budget for "unlock to caseload painted" is
the KDF time + 150 ms, and the check alone would use it all from about 25 MB on. Decision: the
check is not part of the unlock itself; it is the first step of the after-unlock work
(services/after_unlock.py), which runs in the background for a store larger than
INLINE_CHECK_BYTES (the caseload is on screen meanwhile; a damage found shows as a banner) and
inline below it (≈ 40 ms at most).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.text import fold
from desktop_app.messages import Message, MessageError
from desktop_app.services.intakes import STATUS_LABELS, intake_ids
from desktop_app.services.session import Session
from desktop_app.vault.errors import StoreCorrupt, VaultError

# Below this size the check takes ≈ 20 ms or less and runs inline after unlocking (the
# after-unlock work then stays synchronous); above it, in the background.
INLINE_CHECK_BYTES = 8 * 1024 * 1024

DAMAGED = Message("vault.damaged")


def is_damaged(session: Session) -> bool:
    return session.is_open and session.profile.damaged


def store_size(session: Session) -> int:
    path = session.profile.store.path
    size = 0
    for part in (path, path.with_name(path.name + "-wal")):
        with contextlib.suppress(OSError):
            size += part.stat().st_size
    return size


def check_integrity(session: Session) -> bool:
    """`PRAGMA quick_check` on a second, read-only connection. False when the store is
    damaged; the store is then marked corrupt (nothing is written to it any more)."""
    store = session.profile.store
    if store.corrupt:
        return False
    try:
        reader = store.open_reader()
    except StoreCorrupt:
        store.corrupt = True
        return False
    try:
        ok = reader.quick_check()
    finally:
        with contextlib.suppress(VaultError):
            reader.close()
    if not ok:
        store.corrupt = True
    return ok


@dataclass(frozen=True, slots=True)
class SalvageIntake:
    intake_id: str  # pseudonymous
    resident_name: str
    status: Message


@dataclass(frozen=True, slots=True)
class SalvageOverview:
    readable: tuple[SalvageIntake, ...]
    unreadable: tuple[str, ...]  # intake ids (pseudonymous): no name can be read


# What an intake consists of: it is readable when every one of these reads.
_INTAKE_PARTS = (
    "SELECT i.status, r.display_name FROM intakes i JOIN residents r ON r.id = i.resident_id"
    " WHERE i.id = ?",
    "SELECT field_id, value FROM answers WHERE intake_id = ?",
    "SELECT * FROM data_requests WHERE intake_id = ?",
    "SELECT id, status, payload FROM consent_statements WHERE intake_id = ?",
)


def overview(session: Session) -> SalvageOverview:
    """Every intake tried one by one: which can be read completely (with the resident's
    name) and which cannot (their pseudonymous ids only)."""
    store = session.profile.store
    readable: list[SalvageIntake] = []
    unreadable: list[str] = []
    for intake_id in intake_ids(store):
        try:
            rows = store.query(_INTAKE_PARTS[0], (intake_id,))
            for sql in _INTAKE_PARTS[1:]:
                store.query(sql, (intake_id,))
        except VaultError:
            unreadable.append(intake_id)
            continue
        if not rows:
            unreadable.append(intake_id)
            continue
        status, name = rows[0]
        readable.append(SalvageIntake(intake_id, str(name),
                                      STATUS_LABELS.get(str(status), Message("vault.error"))))
    readable.sort(key=lambda item: (fold(item.resident_name), item.intake_id))
    return SalvageOverview(tuple(readable), tuple(unreadable))


@dataclass(frozen=True, slots=True)
class SalvageExport:
    written: tuple[tuple[str, Path], ...]  # (resident name, file)
    failed: tuple[str, ...]  # resident names whose report could not be made


def export_readable(session: Session, folder: Path,
                    intakes: tuple[SalvageIntake, ...] | None = None) -> SalvageExport:
    """The report (gespreksverslag) of each readable intake as a PDF in `folder`, named by
    the intake's pseudonymous id (no name in a file name). The files cannot be registered for
    destruction (that would be a write to the damaged store): the worker is told to remove them
    after the transfer."""
    from desktop_app.documents.report_pdf import build_gespreksverslag_pdf
    from desktop_app.services.forms import FormRegistry
    from desktop_app.services.report import gespreksverslag_for

    chosen = intakes if intakes is not None else overview(session).readable
    written: list[tuple[str, Path]] = []
    failed: list[str] = []
    registry = FormRegistry()  # each form definition parsed once, not once per report
    for item in chosen:
        try:
            data = build_gespreksverslag_pdf(gespreksverslag_for(
                session, item.intake_id, registry=registry))
        except (MessageError, KeyError):
            failed.append(item.resident_name)
            continue
        target = Path(folder) / f"verslag-{item.intake_id}.pdf"
        _write_private(target, data)
        written.append((item.resident_name, target))
    return SalvageExport(tuple(written), tuple(failed))


def _write_private(target: Path, data: bytes) -> None:
    """Only the worker may read the file (0600); written in full and flushed to the disk."""
    from desktop_app.vault.errors import DataFolderNotWritable, DiskFull

    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as err:
        with contextlib.suppress(OSError):
            target.unlink()
        if err.errno == 28:
            raise DiskFull() from None
        raise DataFolderNotWritable(err.strerror) from None
