"""Destruction of an intake after its transfer (ZW-6, the note-destruction rule).

Deleting rows is not destruction: SQLite leaves freed pages, WAL frames and journal files, and an
SSD keeps old blocks. Every old copy is ciphertext under the key of its time, so destruction is
"remove the content, then make the old key unrecoverable" (cryptographic erase). The protocol
(DESIGN.md "The destruction protocol"):

  0. precondition: transfer confirmed (status `overgedragen`, dossier reference, checklist);
  1. ONE transaction: delete every row of the intake and write a content-free receipt
     (pseudonymous id, dossier reference, counts per kind, when, by whom) + logboek entry;
     the intake's exported-file rows move to `destruction_files`;
  2. every registered exported file is overwritten with random bytes, renamed and removed;
  3. `wal_checkpoint(TRUNCATE)`;
  4+5. VACUUM and device-secret rotation in ONE rewrite (UnlockedProfile.rotate_device_secret
     with compact=True: new keyring entry, `sqlcipher_export` of the live data into a new file
     under the new key, atomic rename over the store, verify, old entry deleted). The effect of
     VACUUM (no freed page of the deleted content survives in the file) and of PRAGMA rekey
     (no copy taken earlier can be opened) at the cost of one export instead of two rewrites;
     the kill tests cover every step of it;
  6. `completed_at` on the receipt.

Exported files are removed *before* the re-key (DESIGN lists them with step 4, the order is
ours): their paths may contain a resident's name, and this way the rows that held them are
deleted while the old key is still in use, so those pages too are erased by the rotation.

Each step is recorded in the receipt's `steps` right after it is done, and `crash_point()` sits
between steps for the kill tests. `resume_pending_destructions()` (called after unlock) finishes
every receipt without `completed_at`; every step is safe to repeat.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.messages import Joined, Message, MessageError
from desktop_app.services.session import Session
from desktop_app.services.settings import SettingsService, keep_used_custom_organisations
from desktop_app.vault import audit
from desktop_app.vault.errors import HeaderDamaged, VaultError
from desktop_app.vault.header import read_header, write_file_atomic
from desktop_app.vault.paths import ProfilePaths
from desktop_app.vault.profile_list import list_profiles
from desktop_app.vault.store import Store, fsync_folder
from desktop_app.vault.testhooks import crash_point

QUEUE_FILE = "wachtrij.json"
QUEUE_FORMAT = "wijkteam-intake-wachtrij"

# Step names as stored in destruction_receipts.steps (and used in crash points).
STEP_CONTENT = "inhoud_verwijderd"
STEP_FILE = "bestand"
STEP_FILES = "bestanden_verwijderd"
STEP_CHECKPOINT = "wal_leeggemaakt"
STEP_VACUUM = "opgeschoond"
STEP_REKEY = "sleutel_vervangen"
# The steps the worker sees, in protocol order (the progress bar counts them).
STEPS = (STEP_CONTENT, STEP_FILES, STEP_CHECKPOINT, STEP_VACUUM, STEP_REKEY)
STEP_LABELS: dict[str, Message] = {step: Message(f"destruction.step.{step}") for step in STEPS}
# Crash points, in protocol order (tests kill the process at each of them).
CRASH_POINTS = ("destroy:after_content", "destroy:during_files", "destroy:after_files",
                "destroy:after_checkpoint", "destroy:after_vacuum", "destroy:after_rekey",
                "destroy:after_complete")

# The kinds of data a receipt counts (keys of `item_counts`), in the order the receipt shows.
KINDS = ("antwoorden", "gegevensverzoeken", "afwegingen", "toestemmingsverklaringen",
         "pdf_bestanden", "dekking", "exportbestanden", "inwoner", "formulierdefinities",
         "overig")
KIND_LABELS: dict[str, Message] = {kind: Message(f"destruction.kind.{kind}") for kind in KINDS}

# Tables whose rows belong to one intake, deleted in this order (children first: foreign keys).
_KNOWN_INTAKE_TABLES = ("consent_coverage", "weighings", "consent_statements",
                        "data_requests", "answers", "exported_files")


class DestructionRefused(MessageError):
    """The intake cannot be destroyed now; the advice says why (`DestructionService.problem`)."""

    def __init__(self, problem: Message) -> None:
        super().__init__(Message("destruction.refused"), problem)
        self.problem = problem


class DestructionIncomplete(MessageError):
    """The content is gone but a later step failed; `cause` is what went wrong (shown after
    the advice), finished after the next unlock."""

    def __init__(self, cause: MessageError | None = None) -> None:
        super().__init__(Message("destruction.incomplete"),
                         Message("destruction.incomplete.advice"),
                         (cause.message,) if cause else (),
                         detail=cause.detail if cause else None)
        self.cause = cause


@dataclass(frozen=True, slots=True)
class FileOutcome:
    number: int
    path: str  # shown to the worker once; never stored after removal, never logged
    state: str  # 'verwijderd', 'al_weg', 'mislukt'
    reason: Message | None = None  # why it failed

    @property
    def message(self) -> Message:
        """One line for the worker: wiped, already gone, or not removed and why."""
        if self.state == "verwijderd":
            return Message("destruction.file.removed", path=self.path)
        if self.state == "al_weg":
            return Message("destruction.file.already_gone", path=self.path)
        return Message("destruction.file.failed", path=self.path, reason=self.reason)


@dataclass(frozen=True, slots=True)
class Receipt:
    id: str
    intake_pseudonym: str
    dossier_reference: str
    item_counts: dict[str, int]
    confirmed_at: str
    destroyed_at: str
    actor: str
    completed_at: str | None
    steps: list[dict[str, Any]]

    @property
    def completed(self) -> bool:
        return self.completed_at is not None

    def done(self, step: str) -> bool:
        return any(s.get("stap") == step for s in self.steps)

    def file_counts(self) -> dict[str, int]:
        counts = {"verwijderd": 0, "al_weg": 0, "mislukt": 0}
        final: dict[int, str] = {}
        for s in self.steps:
            if s.get("stap") == STEP_FILE:
                final[int(s["nr"])] = str(s["uitkomst"])
        for outcome in final.values():
            counts[outcome] = counts.get(outcome, 0) + 1
        return counts

    @property
    def destroyed_local(self) -> str:
        """When it was destroyed, in local time as the worker reads it (dd-mm-jjjj uu:mm)."""
        return _local(self.destroyed_at)

    def count_lines(self) -> list[Message]:
        """What kinds of data and how many were destroyed, in the order of KINDS; kinds with
        nothing destroyed are left out."""
        counts = dict.fromkeys(KINDS, 0)
        for kind, count in self.item_counts.items():
            # A kind this version does not know (an older receipt) counts as "other data".
            counts[kind if kind in counts else "overig"] += int(count)
        return [Message("receipt.count", label=KIND_LABELS[kind], count=count)
                for kind, count in counts.items() if count]

    def summary_lines(self) -> list[Message]:
        """The receipt as the worker sees it, one message a line (no content, only counts)."""
        lines = [Message("receipt.dossier_reference", reference=self.dossier_reference),
                 Message("receipt.destroyed_at", when=self.destroyed_local)]
        lines += self.count_lines()
        files = self.file_counts()
        if any(files.values()):
            lines.append(Message("receipt.files", removed=files["verwijderd"],
                                 gone=files["al_weg"], failed=files["mislukt"]))
        lines.append(Message("receipt.key_replaced") if self.done(STEP_REKEY)
                     else Message("receipt.key_not_replaced"))
        lines.append(Message("receipt.completed", when=_local(self.completed_at))
                     if self.completed_at else Message("receipt.not_completed"))
        return lines


@dataclass(slots=True)
class DestructionResult:
    receipt: Receipt
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def key_rotated(self) -> bool:
        return self.receipt.done(STEP_REKEY)


Progress = Callable[[str], None]


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")


def _local(iso_text: str) -> str:
    return dt.datetime.fromisoformat(iso_text).astimezone().strftime("%d-%m-%Y %H:%M")


def _receipt_from_row(row: tuple[Any, ...]) -> Receipt:
    rid, pseudonym, reference, counts, confirmed, destroyed, actor, completed, steps = row
    return Receipt(rid, pseudonym, reference, json.loads(counts), confirmed, destroyed, actor,
                   completed, json.loads(steps))


_RECEIPT_COLUMNS = ("id, intake_pseudonym, dossier_reference, item_counts, confirmed_at,"
                    " destroyed_at, actor, completed_at, steps")


def receipts(session: Session) -> list[Receipt]:
    rows = session.profile.store.query(
        f"SELECT {_RECEIPT_COLUMNS} FROM destruction_receipts ORDER BY destroyed_at DESC")
    return [_receipt_from_row(r) for r in rows]


def receipt(session: Session, receipt_id: str) -> Receipt:
    rows = session.profile.store.query(
        f"SELECT {_RECEIPT_COLUMNS} FROM destruction_receipts WHERE id = ?", (receipt_id,))
    if not rows:
        raise KeyError(receipt_id)
    return _receipt_from_row(rows[0])


def _columns(store: Store, table: str) -> list[str]:
    return [str(r[1]) for r in store.query(f'PRAGMA table_info("{table}")')]


def _tables(store: Store) -> list[str]:
    return [str(r[0]) for r in store.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]


def _prune_custom_organisations(store: Store) -> None:
    """Drop the worker's own organisations that no remaining data request uses (inside the
    caller's transaction). An added organisation can be a person's name (a private practice):
    kept in the settings, it would outlive the intake it was added for. A request keeps its own
    copy of the organisation, so no remaining request loses anything."""
    used: set[str] = set()
    for (payload,) in store.query("SELECT payload FROM data_requests"):
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            used.add(str(json.loads(payload)["organisation"]["id"]))
    # The settings table has one owner (services/settings.py).
    keep_used_custom_organisations(store, used)


def _delete_content(store: Store, intake_id: str, resident_id: str) -> dict[str, int]:
    """Delete every row of the intake (inside the caller's transaction); return counts."""
    one = (intake_id,)
    statements = "SELECT id FROM consent_statements WHERE intake_id = ?"
    requests = "SELECT id FROM data_requests WHERE intake_id = ?"
    counts = {
        "antwoorden": store.scalar("SELECT count(*) FROM answers WHERE intake_id = ?", one),
        "gegevensverzoeken": store.scalar(f"SELECT count(*) FROM ({requests})", one),
        "afwegingen": store.scalar(
            f"SELECT count(*) FROM weighings WHERE data_request_id IN ({requests})", one),
        "toestemmingsverklaringen": store.scalar(f"SELECT count(*) FROM ({statements})", one),
        # The printable statement and, when signed on the screen, the signed one; and the
        # verslag voor de inwoner signed on the screen (its row goes with the other tables).
        "pdf_bestanden": store.scalar(
            "SELECT count(pdf) + count(signed_pdf) FROM consent_statements WHERE intake_id = ?",
            one) + store.scalar(
            "SELECT count(signed_pdf) FROM resident_reports WHERE intake_id = ?", one),
        "dekking": store.scalar(
            f"SELECT count(*) FROM consent_coverage WHERE statement_id IN ({statements})"
            f" OR data_request_id IN ({requests})", (intake_id, intake_id)),
        "exportbestanden": store.scalar(
            "SELECT count(*) FROM exported_files WHERE intake_id = ?", one),
    }
    store.execute(f"DELETE FROM consent_coverage WHERE statement_id IN ({statements})"
                  f" OR data_request_id IN ({requests})", (intake_id, intake_id))
    store.execute(f"DELETE FROM weighings WHERE data_request_id IN ({requests})", one)
    # Earlier versions point at each other (previous_id): drop the links first, so the order in
    # which SQLite deletes them never matters.
    store.execute("UPDATE consent_statements SET previous_id = NULL WHERE intake_id = ?", one)
    store.execute("DELETE FROM consent_statements WHERE intake_id = ?", one)
    store.execute("DELETE FROM data_requests WHERE intake_id = ?", one)
    store.execute("DELETE FROM answers WHERE intake_id = ?", one)
    store.execute("DELETE FROM exported_files WHERE intake_id = ?", one)
    # Tables other modules may add later (notes, attachments ...): anything keyed by intake_id
    # goes too, so a new table can never silently survive a destruction.
    other = 0
    for table in _tables(store):
        if table in _KNOWN_INTAKE_TABLES or table == "intakes":
            continue
        if "intake_id" in _columns(store, table):
            other += int(store.scalar(f'SELECT count(*) FROM "{table}" WHERE intake_id = ?',
                                      one))
            store.execute(f'DELETE FROM "{table}" WHERE intake_id = ?', one)
    # Values other modules keep in `meta` per intake (e.g. the report's document number under
    # "gespreksverslag_nummer:<intake id>") are linked to the intake: they go too.
    other += int(store.scalar("SELECT count(*) FROM meta WHERE key LIKE ?",
                              (f"%:{intake_id}",)))
    store.execute("DELETE FROM meta WHERE key LIKE ?", (f"%:{intake_id}",))
    counts["overig"] = other
    store.execute("DELETE FROM intakes WHERE id = ?", one)
    still_needed = store.scalar("SELECT count(*) FROM intakes WHERE resident_id = ?",
                                (resident_id,))
    counts["inwoner"] = 0
    if not still_needed:
        store.execute("DELETE FROM residents WHERE id = ?", (resident_id,))
        counts["inwoner"] = 1
    counts["formulierdefinities"] = _delete_unused_definitions(store)
    return {k: int(v or 0) for k, v in counts.items()}


def _delete_unused_definitions(store: Store) -> int:
    """Form/protocol/template texts no row refers to any more (found from the foreign keys, so
    a table added later that refers to them keeps its definitions)."""
    references: list[tuple[str, str]] = []
    for table in _tables(store):
        for fk in store.query(f'PRAGMA foreign_key_list("{table}")'):
            if fk[2] == "form_definitions":
                references.append((table, str(fk[3])))
    used = " UNION ".join(f'SELECT "{col}" FROM "{table}" WHERE "{col}" IS NOT NULL'
                          for table, col in references)
    where = f" WHERE content_hash NOT IN ({used})" if used else ""
    count = int(store.scalar(f"SELECT count(*) FROM form_definitions{where}"))
    store.execute(f"DELETE FROM form_definitions{where}")
    return count


# -- files ---------------------------------------------------------------------------------------
def overwrite_and_remove(path: Path) -> tuple[str, Message | None]:
    """Overwrite a file with random bytes, rename it to a meaningless name, remove it.

    Returns (state, why it failed). On SSDs and copy-on-write file systems an overwrite does not
    reach every old block; that is why the file is only one layer: the worker is told where it
    was, and disk encryption (checked by `doctor`) covers what remains."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        if not path.parent.exists():
            return "mislukt", Message("destruction.file.folder_missing")
        return "al_weg", None
    except OSError as err:
        return "mislukt", Message("destruction.file.cannot_inspect", error=err.strerror)
    import stat

    if not stat.S_ISREG(info.st_mode):
        return "mislukt", Message("destruction.file.not_regular")
    try:
        fd = os.open(path, os.O_WRONLY)
        try:
            remaining = info.st_size
            chunk = 1024 * 1024
            while remaining > 0:
                block = os.urandom(min(chunk, remaining))
                os.write(fd, block)
                remaining -= len(block)
            os.fsync(fd)
        finally:
            os.close(fd)
        # A meaningless name before removal: the old name may contain the resident's name.
        hidden = path.with_name(f".wi-{secrets.token_hex(8)}")
        os.replace(path, hidden)
        os.unlink(hidden)
        with contextlib.suppress(OSError):
            fsync_folder(path.parent)
    except PermissionError:
        return "mislukt", Message("destruction.file.no_permission")
    except OSError as err:
        return "mislukt", Message("destruction.file.cannot_wipe", error=err.strerror)
    return "verwijderd", None


# -- the protocol ----------------------------------------------------------------------------
class DestructionService:
    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def _store(self) -> Store:
        return self.session.profile.store

    def _log(self, action: str, obj: str, result: str = "ok") -> None:
        audit.append(self._store, at=self.session.now(), actor=self.session.profile.actor,
                     action=action, obj=obj, result=result)

    def problem(self, intake_id: str) -> Message | None:
        """Why this intake cannot be destroyed now, or None."""
        if self._store.corrupt:
            # A destruction rewrites the whole store: not on a damaged one (services/salvage.py).
            return Message("destruction.problem.damaged")
        rows = self._store.query(
            "SELECT status, dossier_reference, transferred_at FROM intakes WHERE id = ?",
            (intake_id,))
        if not rows:
            return Message("destruction.problem.no_intake")
        status, reference, transferred = rows[0]
        if status != "overgedragen" or not reference or not transferred:
            return Message("destruction.problem.not_transferred")
        return None

    def destroy(self, intake_id: str, progress: Progress | None = None) -> DestructionResult:
        problem = self.problem(intake_id)
        if problem:
            with contextlib.suppress(VaultError), self._store.transaction():
                self._log("intake.vernietigen", intake_id, result="geweigerd")
            raise DestructionRefused(problem)
        report = progress or (lambda _step: None)
        self.session.profile.prepare_keyring()  # the new device secret is stored in step 4
        receipt_id = f"vernietiging-{secrets.token_hex(8)}"
        stamp = _iso(self.session.now())
        with self._store.transaction() as store:
            resident_id, reference, transferred = store.query(
                "SELECT resident_id, dossier_reference, transferred_at FROM intakes"
                " WHERE id = ?", (intake_id,))[0]
            files = store.query("SELECT path, sha256 FROM exported_files WHERE intake_id = ?"
                                " ORDER BY id", (intake_id,))
            store.execute(
                "INSERT INTO destruction_receipts(id, intake_pseudonym, dossier_reference,"
                " item_counts, confirmed_at, destroyed_at, actor, steps)"
                " VALUES (?, ?, ?, '{}', ?, ?, ?, '[]')",
                (receipt_id, intake_id, reference, transferred, stamp,
                 self.session.profile.actor))
            for seq, (path, digest) in enumerate(files, start=1):
                store.execute("INSERT INTO destruction_files(receipt_id, seq, path, sha256)"
                              " VALUES (?, ?, ?, ?)", (receipt_id, seq, path, digest))
            counts = _delete_content(store, intake_id, resident_id)
            _prune_custom_organisations(store)
            store.execute("UPDATE destruction_receipts SET item_counts = ?, steps = ?"
                          " WHERE id = ?",
                          (json.dumps(counts), json.dumps([{"stap": STEP_CONTENT, "om": stamp}]),
                           receipt_id))
            self._log("intake.vernietigen", intake_id)
        report(STEP_CONTENT)
        crash_point("destroy:after_content")
        return self._finish(receipt_id, report)

    def _add_step(self, receipt_id: str, step: dict[str, Any]) -> None:
        """Record a finished step (inside the caller's transaction or its own)."""
        def write(store: Store) -> None:
            steps = json.loads(store.scalar(
                "SELECT steps FROM destruction_receipts WHERE id = ?", (receipt_id,)))
            steps.append({**step, "om": _iso(self.session.now())})
            store.execute("UPDATE destruction_receipts SET steps = ? WHERE id = ?",
                          (json.dumps(steps), receipt_id))

        if self._store.raw_connection.in_transaction:
            write(self._store)
        else:
            with self._store.transaction() as store:
                write(store)

    def _remove_files(self, receipt_id: str) -> list[FileOutcome]:
        outcomes: list[FileOutcome] = []
        rows = self._store.query("SELECT seq, path FROM destruction_files WHERE receipt_id = ?"
                                 " ORDER BY seq", (receipt_id,))
        for index, (seq, path) in enumerate(rows):
            state, reason = overwrite_and_remove(Path(path))
            outcomes.append(FileOutcome(int(seq), str(path), state, reason))
            with self._store.transaction() as store:
                if state == "mislukt":
                    # The reason in Dutch, for support (the worker is told through `outcomes`).
                    store.execute("UPDATE destruction_files SET state = 'mislukt', detail = ?"
                                  " WHERE receipt_id = ? AND seq = ?",
                                  (str(reason or ""), receipt_id, seq))
                else:
                    store.execute("DELETE FROM destruction_files WHERE receipt_id = ? AND"
                                  " seq = ?", (receipt_id, seq))
                self._add_step(receipt_id, {"stap": STEP_FILE, "nr": int(seq),
                                            "uitkomst": state})
            if index == 0:
                crash_point("destroy:during_files")
        return outcomes

    def _finish(self, receipt_id: str, report: Progress) -> DestructionResult:
        """Do every step this receipt does not have yet. Each is safe to repeat."""
        current = receipt(self.session, receipt_id)
        files: list[FileOutcome] = []
        if not current.done(STEP_FILES) or self._store.scalar(
                "SELECT count(*) FROM destruction_files WHERE receipt_id = ?", (receipt_id,)):
            files = self._remove_files(receipt_id)
            if not current.done(STEP_FILES):
                self._add_step(receipt_id, {"stap": STEP_FILES})
            report(STEP_FILES)
        crash_point("destroy:after_files")
        if not current.done(STEP_CHECKPOINT):
            self._store.checkpoint()
            self._add_step(receipt_id, {"stap": STEP_CHECKPOINT})
            report(STEP_CHECKPOINT)
        crash_point("destroy:after_checkpoint")
        if not current.done(STEP_REKEY):
            # VACUUM and the re-key in ONE rewrite: a compacted copy of the store (only live
            # pages, so the freed pages of the deleted content are gone: what VACUUM does)
            # under a new device secret replaces the store atomically; then the old secret is
            # deleted, so every older copy of the file is unreadable. Half the work of VACUUM
            # followed by PRAGMA rekey, with the same guarantees (DESIGN steps 3 and 4).
            try:
                self.session.profile.rotate_device_secret(compact=True)
            except MessageError as err:
                raise DestructionIncomplete(err) from None
            if not current.done(STEP_VACUUM):
                self._add_step(receipt_id, {"stap": STEP_VACUUM})
                report(STEP_VACUUM)
            crash_point("destroy:after_vacuum")
            self._add_step(receipt_id, {"stap": STEP_REKEY})
            report(STEP_REKEY)
        crash_point("destroy:after_rekey")
        with self._store.transaction() as store:
            store.execute("UPDATE destruction_receipts SET completed_at = ? WHERE id = ?"
                          " AND completed_at IS NULL", (_iso(self.session.now()), receipt_id))
            pseudonym = store.scalar("SELECT intake_pseudonym FROM destruction_receipts"
                                     " WHERE id = ?", (receipt_id,))
            self._log("intake.vernietigen_afgerond", pseudonym)
        self._store.checkpoint()
        crash_point("destroy:after_complete")
        refresh_queue_file(self.session)
        return DestructionResult(receipt(self.session, receipt_id), files)

    def failed_files(self) -> list[tuple[str, str, str]]:
        """(receipt id, path, reason in Dutch, for support) of exported files that could not be
        removed yet."""
        return [(str(r), str(p), str(d)) for r, p, d in self._store.query(
            "SELECT receipt_id, path, detail FROM destruction_files WHERE state = 'mislukt'"
            " ORDER BY receipt_id, seq")]

    def retry_failed_files(self) -> list[FileOutcome]:
        outcomes: list[FileOutcome] = []
        for (receipt_id,) in self._store.query(
                "SELECT DISTINCT receipt_id FROM destruction_files"):
            outcomes += self._remove_files(str(receipt_id))
        refresh_queue_file(self.session)
        return outcomes

    def unfinished(self) -> list[str]:
        return [str(r) for (r,) in self._store.query(
            "SELECT id FROM destruction_receipts WHERE completed_at IS NULL ORDER BY"
            " destroyed_at")]

    def due(self) -> list[str]:
        """Transferred intakes whose waiting time (setting `vernietigen_na_minuten`) is over.
        With 0 (the default) nothing is due: the GUI asks right after confirmation instead, and
        a worker who said "not now" keeps the intake until they destroy it (the reminders list
        it)."""
        minutes = SettingsService(self.session).destroy_after_minutes()
        if minutes <= 0:
            return []
        limit = self.session.now() - dt.timedelta(minutes=minutes)
        return [str(i) for (i,) in self._store.query(
            "SELECT id FROM intakes WHERE status = 'overgedragen' AND transferred_at <= ?",
            (_iso(limit),))]

    def destroy_due(self, progress: Progress | None = None) -> list[DestructionResult]:
        """Destroy every intake that is due (see `due`); none on a damaged store."""
        if self._store.corrupt:
            return []
        return [self.destroy(intake_id, progress) for intake_id in self.due()]


def resume_pending_destructions(session: Session) -> list[Message]:
    """Call right after unlock: finish every destruction a crash interrupted, retry exported
    files that could not be removed, and return what the worker must be told."""
    service = DestructionService(session)
    notices: list[Message] = []
    if session.profile.damaged:
        # Finishing rewrites the whole store, which cannot be done on a damaged one. The
        # receipt without `completed_at` stays: it is finished at the first unlock after the
        # store has been repaired. The content itself was removed in step 1 already.
        with contextlib.suppress(VaultError):
            if service.unfinished():
                notices.append(Message("destruction.resume.damaged"))
        return notices
    for receipt_id in service.unfinished():
        before = receipt(session, receipt_id)
        try:
            result = service._finish(receipt_id, lambda _step: None)
        except MessageError as err:
            cause = (err.cause if isinstance(err, DestructionIncomplete) else None) or err
            if service._store.corrupt:
                # The damage was found while finishing (the export reads every page): stop,
                # keep the receipt for after the repair, write nothing more.
                notices.append(Message("destruction.resume.damaged"))
                return notices
            notices.append(Message("destruction.resume.interrupted",
                                   reference=before.dossier_reference, reason=cause.message))
            continue
        notices.append(Message("destruction.resume.finished",
                               reference=result.receipt.dossier_reference))
        notices += [f.message for f in result.files if f.state == "mislukt"]
    # Files that could not be removed before (USB stick not connected, no permission): try
    # again; a row disappears as soon as its file is gone.
    if service.failed_files():
        notices += [f.message for f in service.retry_failed_files() if f.state == "mislukt"]
    refresh_queue_file(session)
    return notices


# -- retention reminders -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PendingItem:
    intake_id: str  # pseudonymous
    status: str
    age_days: int


@dataclass(frozen=True, slots=True)
class PendingOverview:
    draft_limit_days: int
    old_drafts: list[PendingItem]
    transferred_not_destroyed: list[PendingItem]
    unfinished_destructions: int
    failed_files: int

    def messages(self) -> list[Message]:
        """Reminders for after unlock (counts and ages; the caseload shows who)."""
        lines: list[Message] = []
        if self.old_drafts:
            oldest = max(i.age_days for i in self.old_drafts)
            lines.append(Message("pending.old_drafts", n=len(self.old_drafts),
                                 limit=_days(self.draft_limit_days), oldest=_days(oldest)))
        if self.transferred_not_destroyed:
            oldest = max(i.age_days for i in self.transferred_not_destroyed)
            lines.append(Message("pending.transferred_not_destroyed",
                                 n=len(self.transferred_not_destroyed), oldest=_days(oldest)))
        if self.unfinished_destructions:
            lines.append(Message("pending.unfinished_destructions",
                                 n=self.unfinished_destructions))
        if self.failed_files:
            lines.append(Message("pending.failed_files", n=self.failed_files))
        return lines


def _days(count: int | None) -> Message | str:
    """'14 dagen', '1 dag' (a date that cannot be read: '?')."""
    return Message("pending.days", n=count) if count is not None else "?"


def pending_overview(session: Session) -> PendingOverview:
    store = session.profile.store
    now = session.now()
    limit = SettingsService(session).draft_age_days()
    old: list[PendingItem] = []
    transferred: list[PendingItem] = []
    for intake_id, status, created, moved in store.query(
            "SELECT id, status, created_at, transferred_at FROM intakes ORDER BY created_at"):
        if status == "overgedragen":
            since = dt.datetime.fromisoformat(moved or created)
            transferred.append(PendingItem(intake_id, status, (now - since).days))
        else:
            age = (now - dt.datetime.fromisoformat(created)).days
            if age > limit:
                old.append(PendingItem(intake_id, status, age))
    unfinished = int(store.scalar(
        "SELECT count(*) FROM destruction_receipts WHERE completed_at IS NULL"))
    failed = int(store.scalar("SELECT count(*) FROM destruction_files WHERE state = 'mislukt'"))
    return PendingOverview(limit, old, transferred, unfinished, failed)


# -- the non-secret queue file (for administrators, readable without unlocking) ---------------
def queue_counts(session: Session) -> dict[str, Any]:
    """Counts and oldest dates only: never names, ids or references."""
    store = session.profile.store

    def oldest(sql: str) -> str | None:
        value = store.scalar(sql)
        return str(value)[:10] if value else None

    return {
        "format": QUEUE_FORMAT,
        "format_version": 1,
        "bijgewerkt": _iso(session.now())[:10],
        "concepten": int(store.scalar(
            "SELECT count(*) FROM intakes WHERE status != 'overgedragen'")),
        "oudste_concept": oldest(
            "SELECT min(created_at) FROM intakes WHERE status != 'overgedragen'"),
        "overgedragen_niet_vernietigd": int(store.scalar(
            "SELECT count(*) FROM intakes WHERE status = 'overgedragen'")),
        "oudste_overdracht": oldest(
            "SELECT min(transferred_at) FROM intakes WHERE status = 'overgedragen'"),
        "vernietigingen_niet_af": int(store.scalar(
            "SELECT count(*) FROM destruction_receipts WHERE completed_at IS NULL")),
        "bestanden_niet_verwijderd": int(store.scalar(
            "SELECT count(*) FROM destruction_files")),
    }


def refresh_queue_file(session: Session) -> None:
    """Rewrite `<profile>/wachtrij.json`. Call on every status change (and on lock). A failure
    to write it never blocks the worker: it is only a convenience for administrators."""
    folder = session.profile.paths.folder
    data = json.dumps(queue_counts(session), indent=2).encode("utf-8")
    with contextlib.suppress(VaultError):
        write_file_atomic(folder / QUEUE_FILE, data)


def _age_days(date_text: str | None, today: dt.date) -> int | None:
    if not date_text:
        return None
    try:
        return (today - dt.date.fromisoformat(date_text)).days
    except ValueError:
        return None


def read_queue_file(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / QUEUE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != QUEUE_FORMAT:
        return None
    return data


@dataclass(frozen=True, slots=True)
class ProfilePending:
    """One profile in `wijkteam-intake pending`: ready to hand in (nothing pending, and the
    counts are known), and the line that says so."""

    ready: bool
    message: Message


def pending_entries(root: Path | None = None,
                    today: dt.date | None = None) -> list[ProfilePending]:
    """Per profile on this laptop, counts and ages of pending transfers and destructions, read
    WITHOUT unlocking (only the non-secret queue file and the profile header). No resident
    names, ids or dossier references."""
    day = today or dt.datetime.now(dt.UTC).date()
    entries: list[ProfilePending] = []
    for summary in list_profiles(root):
        who = {"folder": summary.folder.name, "worker": summary.worker_name}
        if summary.problem:
            entries.append(ProfilePending(False, Message("pending.profile.damaged", **who,
                                                         problem=summary.problem)))
            continue
        data = read_queue_file(summary.folder)
        extra: Message | None = None
        paths = ProfilePaths(summary.folder)
        with contextlib.suppress(HeaderDamaged, OSError):
            header, _ = read_header(paths.header, paths.header_backup)
            if header.pending is not None:
                extra = Message("pending.key_change_interrupted")
        if data is None:
            entries.append(ProfilePending(False, Message("pending.profile.unknown", **who,
                                                         extra=extra)))
            continue
        drafts = int(data.get("concepten", 0))
        transferred = int(data.get("overgedragen_niet_vernietigd", 0))
        unfinished = int(data.get("vernietigingen_niet_af", 0))
        files = int(data.get("bestanden_niet_verwijderd", 0))
        counts = Joined([
            Message("pending.count.drafts_oldest", n=drafts,
                    oldest=_days(_age_days(data.get("oudste_concept"), day)))
            if drafts else Message("pending.count.drafts", n=drafts),
            Message("pending.count.transferred_oldest", n=transferred,
                    oldest=_days(_age_days(data.get("oudste_overdracht"), day)))
            if transferred else Message("pending.count.transferred", n=transferred),
            Message("pending.count.unfinished", n=unfinished),
            Message("pending.count.files", n=files),
        ])
        ready = not (drafts or transferred or unfinished or files)
        updated = _queue_date(data.get("bijgewerkt"))
        values = {**who, "counts": counts, "date": updated, "extra": extra}
        entries.append(ProfilePending(ready, Message("pending.profile.ready", **values) if ready
                                      else Message("pending.profile.not_ready", **values)))
    return entries


def pending_report(root: Path | None = None, today: dt.date | None = None) -> list[str]:
    """`wijkteam-intake pending`: one line per profile (see `pending_entries`), in Dutch (the
    command for administrators speaks Dutch, like `doctor`)."""
    entries = pending_entries(root, today)
    if not entries:
        return [str(Message("pending.no_profiles"))]
    return [str(entry.message) for entry in entries]


def _queue_date(text: object) -> dt.date | str:
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError:
        return "?"


def pending_exit_code(root: Path | None = None) -> int:
    """0 when no profile has anything pending (or unknown), 1 otherwise: for scripts."""
    for summary in list_profiles(root):
        data = read_queue_file(summary.folder)
        if data is None or summary.problem:
            return 1
        if any(int(data.get(k, 0)) for k in ("concepten", "overgedragen_niet_vernietigd",
                                               "vernietigingen_niet_af",
                                               "bestanden_niet_verwijderd")):
            return 1
    return 0


def doctor_checks(root: Path | None = None) -> list[tuple[Message, bool, Message]]:
    """(name, ok, detail) for `doctor`: unfinished destructions and files left behind, per
    profile, from the non-secret queue file. Informational (required=False)."""
    checks: list[tuple[Message, bool, Message]] = []
    for summary in list_profiles(root):
        data = read_queue_file(summary.folder)
        name = Message("pending.doctor.name", folder=summary.folder.name)
        if data is None:
            checks.append((name, False, Message("pending.doctor.unknown")))
            continue
        unfinished = int(data.get("vernietigingen_niet_af", 0))
        files = int(data.get("bestanden_niet_verwijderd", 0))
        waiting = int(data.get("overgedragen_niet_vernietigd", 0))
        ok = not (unfinished or files)
        checks.append((name, ok, Message("pending.doctor.detail", unfinished=unfinished,
                                         files=files, waiting=waiting)))
    return checks
