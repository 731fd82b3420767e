"""The gespreksverslag: a stored draft as the neutral report model (domain/report.py), which the
transfer screen shows per section, copies and exports as PDF (ZW-4, ZW-6, ZU-DOC)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from desktop_app.domain.consent import (
    DocumentKind,
    format_date_short,
    format_document_number,
    shown_organisation,
)
from desktop_app.domain.data_requests import (
    ConsentState,
    CoveringStatement,
    DataRequest,
    RecordedWeighing,
    needs_written_consent,
    plain_dutch_summary,
    request_consent,
)
from desktop_app.domain.forms import FormDefinition
from desktop_app.domain.protocols import display_record
from desktop_app.domain.report import (
    Gespreksverslag,
    ReportDataRequest,
    format_weighing_step,
)
from desktop_app.messages import Message, render
from desktop_app.services.consent import PRINTED_WHEN_EMPTY
from desktop_app.services.forms import FormRegistry
from desktop_app.services.intakes import RESIDENT_NAME_FIELD
from desktop_app.services.records import (
    StoredConsent,
    covering_statements,
    load_data_requests,
    local_today,
    log,
    next_sequence,
    stored_answers,
)
from desktop_app.services.report_narrative import narrative_sections
from desktop_app.services.session import Session
from desktop_app.services.settings import MUNICIPALITY_NAME, TEAM_NAME, SettingsService
from desktop_app.vault.store import Store


def _weighing_steps(weighing: RecordedWeighing, lang: str) -> tuple[str, ...]:
    """Each step as 'question → answer (what was recorded)' (ZU-DOC)."""
    steps: list[str] = []
    for step in weighing.data.get("steps", ()):
        question = _text_of(step.get("question"), lang)
        answer = _text_of(step.get("answer_label"), lang) or str(step.get("answer", ""))
        notes: list[str] = []
        for kind, value in (step.get("records") or {}).items():
            value = display_record(kind, value, lang)
            label = _text_of((step.get("record_labels") or {}).get(kind), lang)
            notes.append(f"{label.rstrip(':?. ')}: {value}" if label else str(value))
        steps.append(format_weighing_step(question, answer, "; ".join(notes)))
    return tuple(steps)


def _text_of(value: Any, lang: str) -> str:
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("nl") or "")
    return str(value or "")


def _consent_status(request: DataRequest, statements: Sequence[StoredConsent],
                    today: dt.date) -> tuple[Message, str | None]:
    """(the consent status in words, document number of the statement it relies on)."""
    if not statements:
        if needs_written_consent(request):
            return Message("consent.report.no_statement"), None
        return Message("consent.report.not_needed"), None
    consent = request_consent(
        CoveringStatement(s.state, s.outcome_for(request.id, today)) for s in statements)
    # The newest statement that says something about this request is the one it relies on.
    for statement in reversed(statements):
        if statement.state is not ConsentState.CONCEPT:
            return consent.label, statement.document_number
    return consent.label, statements[-1].document_number


# A report read from a damaged store that never had a number cannot be given the next one (the
# counter is in the store: that would be a write). It gets one from a range the counter does
# not reach in practice (900000 and up, six digits), derived from the intake's pseudonymous id:
# the same intake keeps the same number when exported again.
SALVAGE_SEQUENCE_START = 900_000


def _report_number(store: Store, intake_id: str, year: int, *, record: bool = True) -> str:
    """One GV number per intake, so a report that is opened again keeps its number."""
    key = f"gespreksverslag_nummer:{intake_id}"
    number = store.scalar("SELECT value FROM meta WHERE key = ?", (key,))
    if number:
        return str(number)
    if not record:
        offset = int(hashlib.sha256(intake_id.encode("utf-8")).hexdigest()[:8], 16) % 99_999
        return format_document_number(DocumentKind.GESPREKSVERSLAG, year,
                                      SALVAGE_SEQUENCE_START + offset)
    number = format_document_number(DocumentKind.GESPREKSVERSLAG, year,
                                    next_sequence(store, DocumentKind.GESPREKSVERSLAG, year))
    store.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (key, number))
    return number


def gespreksverslag_for(session: Session, intake_id: str, lang: str = "nl",
                        registry: FormRegistry | None = None) -> Gespreksverslag:
    """The intake in readable form for the dossier (ZW-4, ZW-6, ZU-DOC).

    The answered part of the visible sections, in form order, as a narrative per section
    (services/report_narrative.py) written with the definition the draft was started with;
    the BSN masked unless setting `bsn_in_verslag` is true; then every data request with its
    weighing steps, outcome and consent status. Raises KeyError for an unknown intake."""
    store = session.profile.store
    # Parsing a form definition takes a while: a caller making many reports passes one registry.
    registry = registry or FormRegistry()
    # From a damaged store the report is only read (to get what is readable out, issue 17):
    # no number is handed out and nothing is logged, as nothing may be written to it.
    damaged = session.profile.damaged
    with contextlib.nullcontext() if damaged else store.transaction():
        rows = store.query("SELECT form_hash FROM intakes WHERE id = ?", (intake_id,))
        if not rows:
            raise KeyError(intake_id)
        form: FormDefinition = registry.by_hash(store, rows[0][0])
        answers = stored_answers(store, intake_id)
        requests = load_data_requests(store, intake_id)
        covering_all = covering_statements(store, [r.id for r in requests])
        created = local_today(session)
        number = _report_number(store, intake_id, created.year, record=not damaged)
        if not damaged:
            log(session, store, "verslag.maken", intake_id)

    settings = SettingsService(session)
    sections = narrative_sections(form, answers, lang, show_bsn=settings.bsn_in_report())

    report_requests: list[ReportDataRequest] = []
    for request in requests:
        covering = covering_all.get(request.id, [])
        consent = request_consent(
            CoveringStatement(s.state, s.outcome_for(request.id, created)) for s in covering)
        summary = plain_dutch_summary(request, consent)
        weighing = request.valid_weighing or request.current_weighing
        if weighing is not None:
            title = _text_of(weighing.data.get("protocol", {}).get("title"), lang)
            summary += (f" Gewogen met het protocol ‘{title or weighing.protocol_id}’ (versie "
                        f"{weighing.protocol_version}); afweging {weighing.number}, vastgelegd op "
                        f"{format_date_short(weighing.recorded_at.date())}.")
        status, document_number = _consent_status(request, covering, created)
        report_requests.append(ReportDataRequest(
            organisation=shown_organisation(request.organisation_named,
                                            request.organisation.name.get(lang)),
            direction=request.direction,
            purpose=request.purpose,
            data_items=request.items,
            basis=request.basis,
            outcome_summary=summary,
            weighing_steps=_weighing_steps(weighing, lang) if weighing else (),
            # The report is for the Dutch case file: the same words as the panel, in Dutch.
            consent_status=render(status, "nl"),
            consent_document_number=document_number,
        ))

    name = answers.get(RESIDENT_NAME_FIELD)
    return Gespreksverslag(
        document_number=number,
        title="Gespreksverslag keukentafelgesprek",
        municipality=(settings.text(MUNICIPALITY_NAME)
                      or PRINTED_WHEN_EMPTY[MUNICIPALITY_NAME]),
        team=settings.text(TEAM_NAME) or PRINTED_WHEN_EMPTY[TEAM_NAME],
        worker=session.worker_name,
        resident_display_name=name if isinstance(name, str) else "",
        created=created,
        form_id=form.id,
        form_version=form.version,
        sections=sections,
        data_requests=tuple(report_requests),
    )


