"""The stored records the data-request, consent and report services share: the data requests of
an intake, the consent states that cover them, the answers, document-number sequences.

Kept apart so that those services do not import each other (no import circle)."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import secrets
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from desktop_app.domain.consent import (
    DocumentKind,
    ItemOutcome,
    SignerRecord,
    StoredStatement,
    item_outcomes,
)
from desktop_app.domain.data_requests import (
    ConsentState,
    CoveringStatement,
    DataRequest,
    RecordedWeighing,
    RequestConsent,
    request_consent,
)
from desktop_app.services.session import Session
from desktop_app.vault import audit
from desktop_app.vault.store import Store


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")


def local_today(session: Session) -> dt.date:
    """The worker's calendar date: the clock is UTC, but a statement signed at 00:30 in
    Zwolle is signed on that Dutch day."""
    return session.now().astimezone().date()


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def log(session: Session, store: Store, action: str, obj: str, reason: str = "") -> None:
    audit.append(store, at=session.now(), actor=session.profile.actor, action=action, obj=obj,
                 reason=reason)


# The reason logged when a change sends an intake back from *klaar voor overdracht* (a fixed
# phrase of vault/audit.py's allow-list: no personal text in the logboek).
CHANGED_AFTER_READY = "gewijzigd na klaar voor overdracht"


def reopen_if_ready(session: Session, store: Store, intake_id: str) -> bool:
    """Inside the caller's transaction: an intake that is *klaar voor overdracht* goes back to
    concept, because what was checked (services/readiness.py) no longer is what will be
    transferred; the next *klaar voor overdracht* checks again. `ready_at` stays: a concept
    with a `ready_at` is one that was changed after it was ready (the intake screen says so;
    `IntakeService.set_status` clears it when the worker goes back to concept). True when
    the status changed."""
    cursor = store.execute(
        "UPDATE intakes SET status = 'concept', updated_at = ? WHERE id = ?"
        " AND status = 'klaar_voor_overdracht'", (iso(session.now()), intake_id))
    if cursor.rowcount:
        log(session, store, "intake.status_wijzigen", intake_id, reason=CHANGED_AFTER_READY)
        return True
    return False


REASON_REF_PREFIX = "reden-"
DESTROYED_REASON = "(vernietigd)"  # Dutch, like every reason the logboek shows


def log_with_reason(session: Session, store: Store, action: str, intake_id: str,
                    text: str) -> str:
    """Log `action` on an intake with the worker's own words as its reason. The words are
    personal text: they are kept with the intake (destroyed with it, ZW-6) and the logboek
    entry holds only a random reference, so nothing typed outlives the intake in the log.
    Inside the caller's transaction when there is one. Returns the reference."""
    # Letters only (about 122 random bits): digits in a row would look like a BSN to the log.
    ref = REASON_REF_PREFIX + "".join(secrets.choice(string.ascii_lowercase) for _ in range(26))

    def write(target: Store) -> None:
        target.execute("INSERT INTO logged_reasons(ref, intake_id, text) VALUES (?, ?, ?)",
                       (ref, intake_id, text))
        log(session, target, action, intake_id, reason=ref)

    with store.lock:
        if store.raw_connection.in_transaction:
            write(store)
        else:
            with store.transaction() as own:
                write(own)
    return ref


def shown_reason(store: Store, reason: str) -> str:
    """A logged reason as the logboek shows it: a reference becomes the words it points at
    while the intake exists, and "(vernietigd)" after; any other reason as it was logged."""
    if not reason.startswith(REASON_REF_PREFIX):
        return reason
    text = store.scalar("SELECT text FROM logged_reasons WHERE ref = ?", (reason,))
    return DESTROYED_REASON if text is None else str(text)


def stored_answers(store: Store, intake_id: str) -> dict[str, Any]:
    return {
        field_id: json.loads(value)
        for field_id, value in store.query(
            "SELECT field_id, value FROM answers WHERE intake_id = ?", (intake_id,))
    }


def next_sequence(store: Store, kind: DocumentKind, year: int) -> int:
    """Next number of a per-profile, per-year sequence kept in `meta` (call inside the
    caller's transaction so two statements can never get the same number)."""
    key = f"volgnummer_{kind.value}_{year}"
    current = store.scalar("SELECT value FROM meta WHERE key = ?", (key,))
    seq = int(current or 0) + 1
    store.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET"
                  " value = excluded.value", (key, str(seq)))
    return seq




def load_data_requests(store: Store, intake_id: str) -> list[DataRequest]:
    """The data requests of an intake, oldest first.

    The payload is `DataRequest.to_dict()`. When a payload carries no weighings, the versions in
    the `weighings` table are used: either `RecordedWeighing.to_dict()` or a bare
    `Weighing.to_dict()`, which is then taken as made for the request as it is now."""
    rows = store.query(
        "SELECT id, payload, created_at FROM data_requests WHERE intake_id = ?"
        " ORDER BY created_at, id", (intake_id,))
    result: list[DataRequest] = []
    for request_id, payload, _created in rows:
        request = DataRequest.from_dict(json.loads(payload))
        if not request.weighings:
            versions = store.query(
                "SELECT version, payload, created_at FROM weighings WHERE data_request_id = ?"
                " ORDER BY version", (request_id,))
            recorded = [_recorded_from_row(request, *row) for row in versions]
            request = replace(request, weighings=tuple(recorded))
        result.append(request)
    return result


def _recorded_from_row(request: DataRequest, version: int, payload: str,
                       created: str) -> RecordedWeighing:
    data = json.loads(payload)
    if "weighing" in data and "number" in data:
        return RecordedWeighing.from_dict(data)
    return RecordedWeighing.from_dict({
        "number": version, "recorded_at": created, "weighing": data,
        "organisation_id": request.organisation.id, "regime": request.organisation.regime.value,
        "direction": request.direction.value, "purpose": request.purpose,
        "items": list(request.items), "basis": request.basis.value,
    })


@dataclass(frozen=True)
class StoredConsent:
    """One stored statement as the consent rules read it back: what was printed, who recorded
    what on the paper, and which items were withdrawn."""

    id: str
    document_number: str
    state: ConsentState
    replaced: bool  # a newer version exists
    statement: StoredStatement = field(repr=False)
    # The request each item was made for (None when an old statement cannot tell).
    item_requests: tuple[str | None, ...]
    records: tuple[SignerRecord, ...] = field(repr=False)
    withdrawn: frozenset[int] = frozenset()
    legacy_shared_choice: bool = False  # printed with one Ja/Nee column for all signers

    @property
    def live(self) -> bool:
        """Counts for the requests: not a concept or printed version that was replaced."""
        return not (self.replaced and self.state in (ConsentState.CONCEPT, ConsentState.GEPRINT))

    def outcomes(self, today: dt.date) -> dict[int, ItemOutcome]:
        signed = self.state in (ConsentState.GETEKEND, ConsentState.INGETROKKEN)
        return item_outcomes(self.statement, self.records if signed else None,
                             refused=self.state is ConsentState.GEWEIGERD,
                             withdrawn=self.withdrawn, today=today)

    def items_of(self, request_id: str) -> tuple[int, ...]:
        return tuple(i for i, rid in enumerate(self.item_requests) if rid == request_id)

    def still_covers(self, request: DataRequest) -> bool:
        """Does the paper still say what the request asks now? A request whose organisation,
        real name, direction, basis, purpose or data changed after printing is not what was
        signed: the signature does not count for it (AVG art. 4 lid 11: consent is specific).
        After a "deels" answer the data are the ones the resident agreed to."""
        mine = self.items_of(request.id)
        if not mine:
            return True  # an old statement that cannot tell its items apart
        organisation = request.organisation
        return any(
            (scope := self.statement.items[i].scope) is None or scope.matches(
                organisation.name.nl, request.organisation_named, request.direction,
                request.basis, request.purpose, request.shared_items)
            for i in mine)

    def outcome_for(self, request_id: str, today: dt.date) -> ItemOutcome | None:
        """The outcome of the request's item; None while nothing was recorded on paper."""
        if self.state in (ConsentState.CONCEPT, ConsentState.GEPRINT):
            return None
        outcomes = self.outcomes(today)
        mine = [outcomes[i] for i in self.items_of(request_id) if i in outcomes]
        if not mine:
            # An old statement whose items cannot be matched to requests: all of it counts.
            mine = list(outcomes.values())
        for decisive in (ItemOutcome.REFUSED, ItemOutcome.WITHDRAWN, ItemOutcome.INCOMPLETE,
                         ItemOutcome.OPEN, ItemOutcome.EXPIRED):
            if decisive in mine:
                return decisive
        return mine[0] if mine else None


def _requests_by_id(store: Store, request_ids: set[str]) -> dict[str, DataRequest]:
    if not request_ids:
        return {}
    ordered = sorted(request_ids)
    return {request_id: DataRequest.from_dict(json.loads(payload))
            for request_id, payload in store.query(
                f"SELECT id, payload FROM data_requests WHERE id IN"
                f" ({','.join('?' * len(ordered))})", ordered)}


def read_statement(row: Sequence[Any], coverage: Sequence[str]) -> StoredConsent:
    """A `consent_statements` row (id, document_number, status, payload, events) and the ids
    of the requests it covers, read back."""
    statement_id, number, state, payload_text, events_text = row
    payload = json.loads(payload_text)
    events = json.loads(events_text)
    stored = StoredStatement.from_content(payload["content"])
    item_requests = payload.get("item_requests")
    if item_requests is None:
        # Statements from before issue 14 kept the chosen request ids in their inputs; the
        # items were made from those that still existed, in that order.
        chosen = [rid for rid in (payload.get("inputs") or {}).get("request_ids", [])
                  if rid in coverage]
        item_requests = chosen if len(chosen) == len(stored.items) else [None] * len(
            stored.items)
    records: list[SignerRecord] = []
    withdrawn: set[int] = set()
    for event in events:
        if event.get("event") == "getekend":
            records.extend(SignerRecord.from_dict(r) for r in event.get("records", ()))
        elif event.get("event") == "ingetrokken":
            items = event.get("items")
            withdrawn.update(range(len(stored.items)) if items is None else items)
    return StoredConsent(
        id=statement_id, document_number=number, state=ConsentState(state),
        replaced=any(e.get("event") == "vervangen" for e in events), statement=stored,
        item_requests=tuple(item_requests), records=tuple(records),
        withdrawn=frozenset(withdrawn),
        legacy_shared_choice=bool(payload.get("legacy_shared_choice")) or stored.legacy)


def covering_statements(store: Store, request_ids: Iterable[str] | None = None,
                        ) -> dict[str, list[StoredConsent]]:
    """Per data request: the live statements that cover it, oldest first."""
    wanted = set(request_ids) if request_ids is not None else None
    sql = ("SELECT c.data_request_id, s.id, s.document_number, s.status, s.payload, s.events"
           " FROM consent_coverage c JOIN consent_statements s ON s.id = c.statement_id")
    params: list[str] = []
    if wanted is not None:
        if not wanted:
            return {}
        sql += f" WHERE c.data_request_id IN ({','.join('?' * len(wanted))})"
        params = sorted(wanted)
    # Oldest first; two statements made in the same millisecond keep the order of their
    # numbers (one sequence per year), never the order of their random ids.
    sql += " ORDER BY s.created_at, s.document_number"
    rows = store.query(sql, params)
    # Every request each statement covers, not only the wanted ones: reading an old statement
    # back matches its items to all of them (read_statement).
    coverage: dict[str, list[str]] = {}
    statement_ids = sorted({row[1] for row in rows})
    if statement_ids:
        for statement_id, request_id in store.query(
                "SELECT statement_id, data_request_id FROM consent_coverage WHERE statement_id"
                f" IN ({','.join('?' * len(statement_ids))})", statement_ids):
            coverage.setdefault(statement_id, []).append(request_id)
    cache: dict[str, StoredConsent] = {}
    result: dict[str, list[StoredConsent]] = {}
    requests = _requests_by_id(store, {row[0] for row in rows})
    for request_id, statement_id, number, state, payload, events in rows:
        if statement_id not in cache:
            cache[statement_id] = read_statement(
                (statement_id, number, state, payload, events), coverage[statement_id])
        statement = cache[statement_id]
        request = requests.get(request_id)
        if statement.live and (request is None or statement.still_covers(request)):
            result.setdefault(request_id, []).append(statement)
    if wanted is not None:
        for request_id in wanted:
            result.setdefault(request_id, [])
    return result


def request_consents(store: Store, request_ids: Iterable[str] | None,
                     today: dt.date) -> dict[str, RequestConsent]:
    """Per data request: what all the statements covering it say together (domain
    `request_consent`), the input of `status_of`."""
    return {
        request_id: request_consent(
            CoveringStatement(s.state, s.outcome_for(request_id, today)) for s in statements)
        for request_id, statements in covering_statements(store, request_ids).items()
    }
