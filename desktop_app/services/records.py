"""The stored records the data-request, consent and report services share: the data requests of
an intake, the consent states that cover them, the answers, document-number sequences.

Kept apart so that those services do not import each other (no import circle)."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from desktop_app.domain.consent import (
    DocumentKind,
)
from desktop_app.domain.data_requests import (
    ConsentState,
    DataRequest,
    RecordedWeighing,
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


def consent_states(store: Store, request_ids: Iterable[str] | None = None,
                   ) -> dict[str, dict[str, ConsentState]]:
    """Per data request: {statement id: state} of the statements covering it — the input of
    domain `status_of`. A concept or printed version that was replaced by a newer version is
    left out: it will never be signed, so it must not keep a request "waiting"."""
    wanted = set(request_ids) if request_ids is not None else None
    sql = ("SELECT c.data_request_id, s.id, s.status, s.events FROM consent_coverage c"
           " JOIN consent_statements s ON s.id = c.statement_id")
    params: list[str] = []
    if wanted is not None:
        sql += f" WHERE c.data_request_id IN ({','.join('?' * len(wanted))})"
        params = sorted(wanted)
    rows = store.query(sql, params) if wanted is None or wanted else []
    result: dict[str, dict[str, ConsentState]] = {}
    for request_id, statement_id, state, events in rows:
        state = ConsentState(state)
        replaced = any(e.get("event") == "vervangen" for e in json.loads(events))
        if replaced and state in (ConsentState.CONCEPT, ConsentState.GEPRINT):
            continue
        result.setdefault(request_id, {})[statement_id] = state
    if wanted is not None:
        for request_id in wanted:
            result.setdefault(request_id, {})
    return result


