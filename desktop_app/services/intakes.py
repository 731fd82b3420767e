"""Intakes: the caseload, starting and opening drafts, saving answers, draft versions.

Resident data live only in the encrypted store. Log entries name the pseudonymous intake id.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import operator
import secrets
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop_app.domain.bsn import mask_bsn
from desktop_app.domain.people import parse_date
from desktop_app.domain.text import describe_characters, fold, is_control, is_invisible
from desktop_app.messages import Message, MessageError
from desktop_app.services.forms import GESPREKSFORMULIER, FormRegistry
from desktop_app.services.session import Session
from desktop_app.services.settings import SettingsService
from desktop_app.vault import audit
from desktop_app.vault.errors import StoreCorrupt
from desktop_app.vault.migrations import is_wmo

if TYPE_CHECKING:
    from desktop_app.domain.forms import DefinitionChange, FormDefinition
    from desktop_app.domain.readiness import Readiness
    from desktop_app.vault.store import Store

# The form code is imported by the methods that work on an intake, not for the caseload (see
# services/forms.py).

STATUSES = ("concept", "klaar_voor_overdracht", "overgedragen")
# What the worker reads for each status (the stored value stays the Dutch word above).
STATUS_LABELS: dict[str, Message] = {
    "concept": Message("intake.status.concept"),
    "klaar_voor_overdracht": Message("intake.status.klaar_voor_overdracht"),
    "overgedragen": Message("intake.status.overgedragen"),
}
RESIDENT_NAME_FIELD = "inwoner_naam"
RESIDENT_BIRTH_FIELD = "inwoner_geboortedatum"
# The date the melding reached the team (form version 4), kept as a column of the intake too
# (vault/migrations.py, version 7) for the caseload's deadline.
MELDING_DATE_FIELD = "melding_datum"
LAW_FIELD = "hulpvraag_wet"  # the six-week term is the Wmo's: only with "wmo" in it
# Wmo 2015 art. 2.3.2 lid 1: the onderzoek is finished within six weeks of the melding.
ASSESSMENT_WEEKS = 6
ASSESSMENT_TERM = dt.timedelta(weeks=ASSESSMENT_WEEKS)
# The caseload marks a deadline this close (or passed).
DEADLINE_WARNING_DAYS = 7


class ResidentNameMissing(MessageError, ValueError):
    """An intake cannot start without the resident's name."""

    def __init__(self) -> None:
        super().__init__(Message("intake.name_missing"))


class ResidentNameUnreadable(MessageError, ValueError):
    """The name holds a control character (a NUL from a paste) or an invisible one: it would be
    stored, printed and searched wrongly. Named by its code so the worker can find it."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)


def resident_name_checked(typed: str) -> str:
    """The name as stored (spaces collapsed), or a MessageError: empty, or holding a control
    character (a NUL from a paste) or an invisible one, which would be stored, printed and
    searched wrongly. The new-intake dialog asks this before it closes."""
    name = " ".join(typed.split())
    if not name:
        raise ResidentNameMissing()
    control = "".join(c for c in name if is_control(c))
    if control:
        raise ResidentNameUnreadable(Message("intake.name_control",
                                             chars=describe_characters(control)))
    # Joiners (ZWNJ, ZWJ) belong in names in some scripts (Persian, Hindi): not refused.
    invisible = "".join(c for c in name if is_invisible(c) and c not in "\u200c\u200d")
    if invisible:
        raise ResidentNameUnreadable(Message("intake.name_invisible",
                                             chars=describe_characters(invisible)))
    return name


class NotReadyForTransfer(MessageError):
    """*Klaar voor overdracht* refused: `.readiness` lists what is missing, per section; the
    details are the same list as lines "Section: what"."""

    def __init__(self, readiness: Readiness) -> None:
        super().__init__(Message("readiness.refused"), Message("readiness.refused.advice"),
                         readiness.messages)
        self.readiness = readiness


class IntakeGone(MessageError, KeyError):
    """The intake no longer exists (destroyed meanwhile): what was typed for it is dropped,
    never written back."""



def new_id(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(8)}"


def storable_text(value: Any) -> Any:
    """The answer as it can be stored. A lone surrogate (half of a UTF-16 pair, e.g. from a
    broken paste) cannot be written as UTF-8: the whole save would fail, again at every retry,
    and everything typed with it would be lost. Such a half becomes U+FFFD (the replacement
    character, shown as �), so the worker sees where text was damaged and the rest is kept; a
    pair that arrived as two halves is joined. Lists and mappings are repaired inside."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return value
    if isinstance(value, list):
        return [storable_text(item) for item in value]
    if isinstance(value, tuple):
        return tuple(storable_text(item) for item in value)
    if isinstance(value, dict):
        return {storable_text(k): storable_text(v) for k, v in value.items()}
    return value


def _melding_date(value: Any) -> str | None:
    """The melding date as the caseload's column keeps it: an ISO date, or None when the
    answer is empty or no date (yet). A form that normalises the answer stores ISO already;
    dd-mm-jjjj is read too."""
    if not isinstance(value, str) or len(value) > 12:
        return None
    try:
        return parse_date(value).isoformat()
    except ValueError:
        return None


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")


class CaseloadRow(NamedTuple):
    """One line of the caseload. A named tuple, not a frozen dataclass: made for every intake
    at unlocking, and a frozen dataclass's __init__ (one object.__setattr__ per field) took
    29 ms for 10,000 rows, a named tuple 7 ms."""

    intake_id: str
    resident_id: str
    resident_name: str
    birth_date: str | None
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    age_days: int
    too_old: bool  # draft older than the configured number of days (drafts are short-lived)
    search_name: str = ""  # folded name (no case, no diacritics) for sorting and searching
    # The end of the six-week term of the onderzoek (melding + 42 days, Wmo 2015 art. 2.3.2
    # lid 1) and the days left until then (negative: passed); None when no melding date is
    # known, and for a transferred intake (the onderzoek is no longer the worker's here).
    assessment_due: dt.date | None = None
    due_in_days: int | None = None

    @property
    def deadline_near(self) -> bool:
        """Passed, or at most a week away: the caseload marks it."""
        return self.due_in_days is not None and self.due_in_days <= DEADLINE_WARNING_DAYS

    @property
    def status_label(self) -> Message:
        return STATUS_LABELS[self.status]


_CASELOAD_ORDER = operator.itemgetter(9, 2, 5)  # search_name, resident_name, created_at


@dataclass(frozen=True, slots=True)
class IntakeDraft:
    intake_id: str
    resident_id: str
    status: str
    form: FormDefinition
    answers: dict[str, Any]
    created_at: dt.datetime
    # When forms/ holds a newer definition than the one this draft started with:
    newer_form: FormDefinition | None
    changes_if_migrated: tuple[DefinitionChange, ...]
    # A concept that was klaar voor overdracht until a change sent it back (records.py
    # `reopen_if_ready`): the screen tells the worker to mark it ready again.
    changed_after_ready: bool = False

    @property
    def status_text(self) -> Message:
        if self.status == "concept" and self.changed_after_ready:
            return Message("intake.status.concept_changed_after_ready")
        return STATUS_LABELS.get(self.status, Message("intake.status.concept"))


class IntakeService:
    def __init__(self, session: Session, forms: FormRegistry | None = None) -> None:
        self.session = session
        self.forms = forms or FormRegistry()
        # Fields whose text was repaired on saving (storable_text), per intake, until the
        # screen has told the worker (take_repaired). The writer thread adds, the UI takes.
        self._repaired: dict[str, set[str]] = {}
        self._repaired_lock = threading.Lock()

    def take_repaired(self, intake_id: str) -> frozenset[str]:
        """The fields of `intake_id` whose text was repaired since the last call (a damaged
        character stored as U+FFFD), so the screen can say so once."""
        with self._repaired_lock:
            return frozenset(self._repaired.pop(intake_id, ()))

    @property
    def _store(self) -> Store:
        return self.session.profile.store

    def _log(self, action: str, obj: str, **kwargs: str) -> None:
        audit.append(self._store, at=self.session.now(), actor=self.session.profile.actor,
                     action=action, obj=obj, **kwargs)

    # -- caseload -------------------------------------------------------------------------
    def draft_age_limit_days(self) -> int:
        return SettingsService(self.session).draft_age_days()

    def caseload(self) -> list[CaseloadRow]:
        """Every intake with its resident. On a damaged store (a page SQLCipher refuses), the
        intakes that can still be read, one by one: the worker keeps what is readable on
        screen, and services/salvage.py lists the others."""
        now = self.session.now()
        today = now.astimezone().date()
        limit = self.draft_age_limit_days()
        select = ("SELECT i.id, r.id, r.display_name, r.birth_date, i.status, i.created_at,"
                  " i.updated_at, i.melding_datum FROM intakes i"
                  " JOIN residents r ON r.id = i.resident_id")
        try:
            rows = self._store.query(select)
        except StoreCorrupt:
            rows = []
            for intake_id in intake_ids(self._store):
                with contextlib.suppress(StoreCorrupt):
                    rows += self._store.query(select + " WHERE i.id = ?", (intake_id,))
        result: list[CaseloadRow] = []
        from_iso = dt.datetime.fromisoformat
        date_from_iso = dt.date.fromisoformat
        for intake_id, resident_id, name, birth, status, created, updated, melding in rows:
            created_at = from_iso(created)
            age = (now - created_at).days
            due: dt.date | None = None
            due_in: int | None = None
            if melding is not None and status != "overgedragen":
                # Only ISO dates are written to the column (save_answers, migration 7); a
                # store edited by hand must not take the whole list down.
                try:
                    due = date_from_iso(melding) + ASSESSMENT_TERM
                    due_in = (due - today).days
                except (TypeError, ValueError):
                    due = None
            result.append(CaseloadRow(
                intake_id, resident_id, name, birth, status, created_at, from_iso(updated), age,
                status != "overgedragen" and age > limit, fold(name), due, due_in,
            ))
        result.sort(key=_CASELOAD_ORDER)  # folded name, then the name as typed, then age
        return result

    # -- intakes --------------------------------------------------------------------------
    def start_intake(self, resident_name: str, birth_date: dt.date | None = None,
                     form_id: str = GESPREKSFORMULIER) -> str:
        name = resident_name_checked(resident_name)
        form = self.forms.current(form_id)
        now = _iso(self.session.now())
        resident_id = new_id("inwoner")
        intake_id = new_id("intake")
        with self._store.transaction() as store:
            self.forms.remember(store, form, self.forms.source_text(form))
            store.execute(
                "INSERT INTO residents(id, display_name, birth_date, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (resident_id, name, birth_date.isoformat() if birth_date else None, now, now),
            )
            # `coordinator` is unused but NOT NULL (vault/migrations.py): the worker's own id.
            store.execute(
                "INSERT INTO intakes(id, resident_id, form_hash, coordinator, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                (intake_id, resident_id, form.content_hash, self.session.profile.actor, now, now),
            )
            initial = {RESIDENT_NAME_FIELD: name}
            if birth_date:
                initial[RESIDENT_BIRTH_FIELD] = birth_date.isoformat()
            for field_id, value in initial.items():
                if form.has_field(field_id):
                    store.execute(
                        "INSERT INTO answers(intake_id, field_id, value, updated_at)"
                        " VALUES (?, ?, ?, ?)",
                        (intake_id, field_id, json.dumps(value, ensure_ascii=False), now),
                    )
            self._log("intake.starten", intake_id)
        return intake_id

    def open_intake(self, intake_id: str) -> IntakeDraft:
        rows = self._store.query(
            "SELECT resident_id, status, form_hash, created_at, ready_at FROM intakes"
            " WHERE id = ?", (intake_id,))
        if not rows:  # destroyed meanwhile (a list on screen can be older than the store)
            raise IntakeGone(Message("intake.gone_opening"))
        resident_id, status, form_hash, created, ready_at = rows[0]
        form = self.forms.by_hash(self._store, form_hash)
        answers = {
            field_id: json.loads(value)
            for field_id, value in self._store.query(
                "SELECT field_id, value FROM answers WHERE intake_id = ?", (intake_id,))
        }
        newer: FormDefinition | None = None
        changes: tuple[DefinitionChange, ...] = ()
        try:
            current = self.forms.current(form.id)
        except (OSError, ValueError):
            current = form  # a broken or missing file must not block opening a draft
        if current.content_hash != form.content_hash and current.version >= form.version:
            newer = current
            from desktop_app.domain.forms import compare_definitions

            changes = tuple(compare_definitions(form, current, answers))
        self._log("intake.openen", intake_id)
        return IntakeDraft(intake_id, resident_id, status, form, answers,
                           dt.datetime.fromisoformat(created), newer, changes,
                           status == "concept" and ready_at is not None)

    def status(self, intake_id: str) -> tuple[str, bool]:
        """The status as stored now, and whether a concept was changed after it was klaar
        voor overdracht (see `IntakeDraft.changed_after_ready`): a change in another tab or
        by the autosave may have sent it back. IntakeGone when destroyed."""
        rows = self._store.query("SELECT status, ready_at FROM intakes WHERE id = ?",
                                 (intake_id,))
        if not rows:
            raise IntakeGone(Message("intake.gone"))
        status, ready_at = rows[0]
        return status, status == "concept" and ready_at is not None

    def migrate_draft(self, intake_id: str, new_form: FormDefinition) -> None:
        """Move a draft to a newer definition, with the worker's consent (asked by the GUI).
        Answers to fields that no longer exist are kept in the store until destruction, so
        nothing typed is lost; they are just no longer shown."""
        with self._store.transaction() as store:
            self.forms.remember(store, new_form, self.forms.source_text(new_form))
            store.execute("UPDATE intakes SET form_hash = ?, updated_at = ? WHERE id = ?",
                          (new_form.content_hash, _iso(self.session.now()), intake_id))
            self._log("intake.formulier_bijwerken", intake_id)
            # Other questions now: what was checked for klaar voor overdracht no longer holds.
            _reopen_if_ready(self.session, store, intake_id)

    def save_answers(self, intake_id: str, answers: dict[str, Any]) -> dt.datetime:
        """Commit a batch of answers in one durable transaction; returns the commit time.
        A real change to an intake that is *klaar voor overdracht* sends it back to concept
        (services/records.py `reopen_if_ready`): the check was about the answers as they were."""
        from desktop_app.domain.forms import is_empty_answer, normalise_answer

        now = self.session.now()
        stamp = _iso(now)
        with self._store.transaction() as store:
            row = store.query("SELECT form_hash, resident_id, status FROM intakes WHERE id = ?",
                              (intake_id,))
            if not row:
                raise IntakeGone(Message("intake.gone"))
            form = self.forms.by_hash(store, row[0][0])
            ready = row[0][2] == "klaar_voor_overdracht"
            changed = False
            repaired: set[str] = set()
            for field_id, typed in answers.items():
                raw = storable_text(typed)
                if raw != typed:
                    repaired.add(field_id)
                value = normalise_answer(form.field(field_id), raw) if form.has_field(
                    field_id) else raw
                if ready and not changed:
                    # An autosave of the same text (focus out, a flush) is no change.
                    before = store.scalar("SELECT value FROM answers WHERE intake_id = ?"
                                          " AND field_id = ?", (intake_id, field_id))
                    after = None if is_empty_answer(value) else json.dumps(
                        value, ensure_ascii=False)
                    changed = before != after
                if is_empty_answer(value):
                    store.execute("DELETE FROM answers WHERE intake_id = ? AND field_id = ?",
                                  (intake_id, field_id))
                else:
                    store.execute(
                        "INSERT INTO answers(intake_id, field_id, value, updated_at)"
                        " VALUES (?, ?, ?, ?) ON CONFLICT(intake_id, field_id) DO UPDATE SET"
                        " value = excluded.value, updated_at = excluded.updated_at",
                        (intake_id, field_id, json.dumps(value, ensure_ascii=False), stamp),
                    )
                if field_id == RESIDENT_NAME_FIELD and isinstance(value, str) and value.strip():
                    store.execute("UPDATE residents SET display_name = ?, updated_at = ?"
                                  " WHERE id = ?", (" ".join(value.split()), stamp, row[0][1]))
                if field_id == RESIDENT_BIRTH_FIELD:
                    store.execute("UPDATE residents SET birth_date = ?, updated_at = ?"
                                  " WHERE id = ?",
                                  (value if isinstance(value, str) and value else None, stamp,
                                   row[0][1]))
            if MELDING_DATE_FIELD in answers or LAW_FIELD in answers:
                self._write_melding_date(store, intake_id)
            store.execute("UPDATE intakes SET updated_at = ? WHERE id = ?", (stamp, intake_id))
            if changed:
                _reopen_if_ready(self.session, store, intake_id)
        if repaired:
            with self._repaired_lock:
                self._repaired.setdefault(intake_id, set()).update(repaired)
        return now

    @staticmethod
    def _write_melding_date(store: Store, intake_id: str) -> None:
        """The caseload's column `melding_datum`: the date of the melding, only when the help
        falls under the Wmo, whose onderzoek has a term of six weeks (Wmo 2015 art. 2.3.2
        lid 1); the Jeugdwet has no such term. Both answers as stored now (this batch
        written), so changing either one keeps the column right; migration 7 fills it alike."""
        stored = dict(store.query(
            "SELECT field_id, value FROM answers WHERE intake_id = ? AND field_id IN (?, ?)",
            (intake_id, MELDING_DATE_FIELD, LAW_FIELD)))
        law = json.loads(stored[LAW_FIELD]) if LAW_FIELD in stored else None
        melding = json.loads(stored[MELDING_DATE_FIELD]) if MELDING_DATE_FIELD in stored else None
        store.execute("UPDATE intakes SET melding_datum = ? WHERE id = ?",
                      (_melding_date(melding) if is_wmo(law) else None, intake_id))

    def readiness(self, intake_id: str) -> Readiness:
        """What is still missing before this intake is *klaar voor overdracht* (domain
        `transfer_readiness`): empty or wrong answers per section, data requests still open,
        the Meldcode's decision, the identity."""
        from desktop_app.services.readiness import intake_readiness

        try:
            return intake_readiness(self.session, self.forms, intake_id)
        except KeyError:
            raise IntakeGone(Message("intake.gone_opening")) from None

    def set_status(self, intake_id: str, status: str) -> None:
        """Change the status. *Klaar voor overdracht* only when nothing is missing: else
        `NotReadyForTransfer` with the list (`.readiness`). Back to concept is always
        possible (until transferred: that status is set by the transfer alone)."""
        if status not in STATUSES:
            raise ValueError(status)
        stamp = _iso(self.session.now())
        # Under the store's lock: no answer can change between the check and the status
        # (the autosave writer waits for the lock).
        with self._store.lock:
            if status == "klaar_voor_overdracht":
                readiness = self.readiness(intake_id)
                if not readiness.ready:
                    with self._store.transaction():
                        self._log("intake.status_wijzigen", intake_id, result="geweigerd")
                    raise NotReadyForTransfer(readiness)
            column = {"klaar_voor_overdracht": "ready_at", "overgedragen": "transferred_at"}
            extra = f", {column[status]} = ?" if status in column else ""
            params: tuple[str | None, ...] = (status, stamp) + ((stamp,) if extra else ()) + (
                intake_id,)
            if status == "concept":
                # The worker's own choice: not "changed after klaar voor overdracht".
                extra, params = ", ready_at = ?", (status, stamp, None, intake_id)
            with self._store.transaction() as store:
                store.execute(f"UPDATE intakes SET status = ?, updated_at = ?{extra}"
                              " WHERE id = ?", params)
                self._log("intake.status_wijzigen", intake_id)

    def reveal_bsn(self, intake_id: str, field_id: str = "inwoner_bsn") -> str:
        """Show the full BSN on the worker's request; every reveal is logged (ZW-5)."""
        raw = self._store.scalar("SELECT value FROM answers WHERE intake_id = ? AND field_id = ?",
                                 (intake_id, field_id))
        self._log("bsn.tonen", intake_id)
        return json.loads(raw) if raw else ""

    @staticmethod
    def masked_bsn(value: str) -> str:
        return mask_bsn(value) if value else ""



# The primary key's own index (a TEXT PRIMARY KEY on a rowid table): on a damaged store the ids
# may still be listed from it when a page of the table itself is damaged.
_INTAKE_ID_INDEX = "sqlite_autoindex_intakes_1"


def intake_ids(store: Store) -> list[str]:
    """The ids of every intake, also on a damaged store: from the primary key's index, else
    as many as the table gives before the damaged page, plus those the answers name."""
    try:
        return [str(i) for (i,) in store.query(
            f"SELECT id FROM intakes INDEXED BY {_INTAKE_ID_INDEX} ORDER BY id")]
    except StoreCorrupt:
        pass
    found: dict[str, None] = {}
    for sql in ("SELECT id FROM intakes", "SELECT DISTINCT intake_id FROM answers"):
        try:
            cursor = store.execute(sql)
            while (row := cursor.fetchone()) is not None:
                found[str(row[0])] = None
        except StoreCorrupt:
            continue
    return sorted(found)


def _reopen_if_ready(session: Session, store: Store, intake_id: str) -> bool:
    """records.py `reopen_if_ready`, imported when first needed: records.py brings the consent
    domain and PyYAML, which the caseload after unlocking does not need (idle memory, issue 18;
    tests/gui/test_startup_hygiene.py)."""
    from desktop_app.services.records import reopen_if_ready

    return reopen_if_ready(session, store, intake_id)
