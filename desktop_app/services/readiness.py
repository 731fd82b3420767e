"""What the intake still needs before transfer, and the consent part of the conversation as the
data requests say it (issue 19). Read-only: nothing here writes to the store.

- `intake_readiness(session, forms, intake_id)`: the domain's `transfer_readiness` on the
  stored draft (its own form version, its answers, its requests with their consent state).
  `IntakeService.set_status` refuses *klaar voor overdracht* with it. Any later change to the
  answers, data requests or consent statements sends the intake back to concept
  (services/records.py `reopen_if_ready`), so `TransferService.confirm_transfer`, which
  checks the status only, transfers what was checked.
- `consent_overview_for(session, intake_id)`: per data request the organisation, the
  direction, the basis, the weighing's outcome, the consent and whether the holder of the data
  has professional secrecy (domain `consent_overview`). The intake screen shows it in the
  section "Gegevens en toestemming"; the reports may print the same lines.
"""

from __future__ import annotations

from desktop_app.domain.consent_overview import ConsentLine, consent_overview
from desktop_app.domain.data_requests import DataRequest, RequestConsent
from desktop_app.domain.readiness import Readiness, transfer_readiness
from desktop_app.services.forms import FormRegistry
from desktop_app.services.records import (
    load_data_requests,
    local_today,
    request_consents,
    stored_answers,
)
from desktop_app.services.session import Session
from desktop_app.vault.store import Store

__all__ = ["consent_overview_for", "intake_readiness", "requests_with_consent"]


def requests_with_consent(session: Session, intake_id: str,
                          store: Store | None = None) -> list[tuple[DataRequest, RequestConsent]]:
    """The intake's data requests, oldest first (as the data requests tab lists them), each
    with what the statements covering it say together (the input of `status_of`)."""
    store = store or session.profile.store
    # In the order of the data requests tab (made in the same millisecond: as inserted).
    order = {request_id: n for n, (request_id,) in enumerate(store.query(
        "SELECT id FROM data_requests WHERE intake_id = ? ORDER BY created_at, rowid",
        (intake_id,)))}
    requests = sorted(load_data_requests(store, intake_id), key=lambda r: order.get(r.id, 0))
    consents = request_consents(store, [r.id for r in requests], local_today(session))
    return [(r, consents.get(r.id, RequestConsent.NONE)) for r in requests]


def consent_overview_for(session: Session, intake_id: str) -> tuple[ConsentLine, ...]:
    """The consent summary of an intake, derived from its data requests: one line per request
    (organisation, direction, basis, outcome of the weighing, consent, secrecy of the holder).
    Empty when there are no requests."""
    return consent_overview(requests_with_consent(session, intake_id))


def intake_readiness(session: Session, forms: FormRegistry, intake_id: str) -> Readiness:
    """What is still missing before transfer, for the stored draft as it is now; KeyError
    when the intake no longer exists."""
    store = session.profile.store
    with store.lock:  # one consistent picture: answers and requests from the same moment
        rows = store.query("SELECT form_hash FROM intakes WHERE id = ?", (intake_id,))
        if not rows:
            raise KeyError(intake_id)  # destroyed meanwhile
        form = forms.by_hash(store, rows[0][0])
        answers = stored_answers(store, intake_id)
        requests = requests_with_consent(session, intake_id, store)
    try:
        current: int | None = forms.current(form.id).version
    except (OSError, ValueError):
        current = None  # a broken or missing file: opening the draft says so, not this list
    return transfer_readiness(form, answers, requests, local_today(session), current)
