"""Klaar voor overdracht: everything that is still missing before an intake may be transferred
to the central dossier (issue 19).

During the conversation an empty question is only shown as open; the status *klaar voor
overdracht* is the moment the worker says the onderzoek is complete (Wmo 2015 art. 2.3.2: the
written account of the onderzoek follows from it). `transfer_readiness` lists what stands in
the way, as messages grouped by the section of the gespreksformulier (or the data requests),
each pointing at the field or request to fix:

- every shown required field that is empty, including those required only at transfer
  (`required: overdracht`: the ZRM scores, the goals, …), and every shown answer that is wrong;
- `gegevens_nodig` answered "ja" while no data request is recorded, or "nee" while there are
  requests for data from others;
- data requests not (validly) weighed, whose resident's answer is not recorded, or that wait for
  a signed toestemmingsverklaring the weighing requires (ZW-4, ZU-A4C);
- the afwegingskader of the Meldcode huiselijk geweld en kindermishandeling (steps 4 and 5):
  acute or structural unsafety means reporting to Veilig Thuis, so any other decision is a
  problem;
- the identity not established (Wmo 2015 art. 2.3.2: the college establishes it with a document
  of the Wet op de identificatieplicht, art. 1; the BSN is no identity check).
- the date of the melding after the date of the conversation (a typing error: the six-week
  term of the Wmo onderzoek counts from the melding);
- a draft on an older version of the form than the current one: it is moved to the new
  version first (the explicit migration, `IntakeService.migrate_draft`), so what is
  transferred is checked against the form that is in use.

Plain Python: the service passes the form, the answers, the requests with their consent state
and the date; nothing here reads a store or a clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop_app.domain.consent_overview import OrganisationShown
from desktop_app.domain.data_requests import (
    DataRequest,
    RequestConsent,
    Status,
    can_mark_sent,
    status_of,
)
from desktop_app.domain.forms import (
    FormDefinition,
    Section,
    effective_answers,
    is_empty_answer,
    validate_answer,
    visible_fields,
    visible_sections,
)
from desktop_app.domain.forms_model import RequiredAt
from desktop_app.domain.vocabulary import Direction
from desktop_app.messages import Message

__all__ = ["Readiness", "ReadinessGroup", "ReadinessItem", "Where", "transfer_readiness"]

# Field ids of the gespreksformulier (forms/gespreksformulier.yaml, version 4) the rules
# beyond "required" look at. A form without them (another municipality's) skips the rule.
DATA_NEEDED = "gegevens_nodig"
IDENTITY = "identiteit_vastgesteld"
IDENTITY_NOT_YET = "nee"
ACUTE = "afweging_acuut"
STRUCTURAL = "afweging_structureel"
MELDCODE_DECISION = "meldcode_besluit"
REPORT = "melden"
MELDING_DATE = "melding_datum"
VISIT_DATE = "bezoek_datum"


class Where(StrEnum):
    """Where the worker fixes an item: a field of the conversation or the data requests tab."""

    FIELD = "veld"
    DATA_REQUEST = "gegevensverzoek"
    FORM_VERSION = "formulierversie"  # the draft is moved to the current form first


@dataclass(frozen=True, slots=True)
class ReadinessItem:
    message: Message
    where: Where
    section_id: str | None = None  # Where.FIELD: the section and field to jump to
    field_id: str | None = None
    request_id: str | None = None  # Where.DATA_REQUEST: the request, when it is about one


@dataclass(frozen=True, slots=True)
class ReadinessGroup:
    title: Message  # the section's title, or "Gegevensverzoeken"
    items: tuple[ReadinessItem, ...]


@dataclass(frozen=True, slots=True)
class Readiness:
    groups: tuple[ReadinessGroup, ...]

    @property
    def ready(self) -> bool:
        return not self.groups

    @property
    def items(self) -> tuple[ReadinessItem, ...]:
        return tuple(item for group in self.groups for item in group.items)

    @property
    def messages(self) -> tuple[Message, ...]:
        """Every item as one line "Section: what is missing", in order (for an error)."""
        return tuple(Message("readiness.grouped", section=group.title, item=item.message)
                     for group in self.groups for item in group.items)


def _field_items(form: FormDefinition, section: Section, answers: Mapping[str, Any],
                 today: dt.date) -> list[ReadinessItem]:
    items: list[ReadinessItem] = []
    for field in visible_fields(form, answers, section):
        value = answers.get(field.id)
        if is_empty_answer(value):
            # At this moment every required question counts, also `required: overdracht`.
            if field.required_by(RequiredAt.TRANSFER):
                items.append(ReadinessItem(Message("readiness.field_empty", field=field.label),
                                           Where.FIELD, section.id, field.id))
            continue
        for problem in validate_answer(field, value, today, RequiredAt.TRANSFER):
            items.append(ReadinessItem(
                Message("readiness.field_wrong", field=field.label, problem=problem),
                Where.FIELD, section.id, field.id))
    return items


def _shown(form: FormDefinition, effective: Mapping[str, Any], field_id: str) -> bool:
    if not form.has_field(field_id):
        return False
    return field_id in {f.id for f in visible_fields(form, effective, form.section_of(field_id))}


def _rule_items(form: FormDefinition, effective: Mapping[str, Any],
                requests: Sequence[DataRequest]) -> dict[str, list[ReadinessItem]]:
    """The rules beyond "required", by section id."""
    found: dict[str, list[ReadinessItem]] = {}

    def add(field_id: str, message: Message) -> None:
        section = form.section_of(field_id).id
        found.setdefault(section, []).append(ReadinessItem(message, Where.FIELD, section,
                                                           field_id))

    if _shown(form, effective, IDENTITY) and effective.get(IDENTITY) == IDENTITY_NOT_YET:
        add(IDENTITY, Message("readiness.identity_not_established"))
    if _shown(form, effective, MELDCODE_DECISION) and (
            effective.get(ACUTE) is True or effective.get(STRUCTURAL) is True):
        decision = effective.get(MELDCODE_DECISION)
        # An empty decision is already listed as an empty required field.
        if not is_empty_answer(decision) and decision != REPORT:
            add(MELDCODE_DECISION, Message("readiness.meldcode_report"))
    if _shown(form, effective, MELDING_DATE) and _shown(form, effective, VISIT_DATE):
        melding, visit = _date(effective.get(MELDING_DATE)), _date(effective.get(VISIT_DATE))
        if melding is not None and visit is not None and melding > visit:
            add(MELDING_DATE, Message("readiness.melding_after_visit"))
    if _shown(form, effective, DATA_NEEDED):
        # The question is about data *from others*: a request to give data (Veilig Thuis)
        # neither answers it nor contradicts a "nee".
        asking = [r for r in requests if r.direction is Direction.REQUEST_FROM]
        needed = effective.get(DATA_NEEDED)
        if needed is True and not asking:
            add(DATA_NEEDED, Message("readiness.requests_missing"))
        elif needed is False and asking:
            add(DATA_NEEDED, Message("readiness.requests_unexpected", n=len(asking)))
    return found


def _date(value: Any) -> dt.date | None:
    """A date answer as stored (ISO, normalised on saving), or None when it is no date."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _request_items(requests: Iterable[tuple[DataRequest, RequestConsent]]
                   ) -> list[ReadinessItem]:
    items: list[ReadinessItem] = []
    for request, consent in requests:
        organisation = OrganisationShown(request)
        status = status_of(request, consent)
        allowed, reason = can_mark_sent(request, consent)
        # Not (validly) weighed, waiting for a signature the weighing requires (ZW-4, ZU-A4C),
        # or weighed while the resident's answer or the worker's decision is not recorded.
        if status in (Status.CONCEPT, Status.TOESTEMMING_NODIG) or (
                status is Status.GEWOGEN and not allowed):
            message = Message("readiness.request", organisation=organisation, reason=reason)
        else:
            continue
        items.append(ReadinessItem(message, Where.DATA_REQUEST, request_id=request.id))
    return items


def transfer_readiness(
    form: FormDefinition,
    answers: Mapping[str, Any],
    requests: Sequence[tuple[DataRequest, RequestConsent]],
    today: dt.date,
    current_version: int | None = None,
) -> Readiness:
    """What is missing before the intake is *klaar voor overdracht*; `ready` when nothing.
    `requests`: the intake's data requests with what their statements say together.
    `current_version`: the version of the form in use now, when it is newer than `form`."""
    effective = effective_answers(form, answers)
    rules = _rule_items(form, effective, [r for r, _c in requests])
    groups: list[ReadinessGroup] = []
    if current_version is not None and current_version > form.version:
        groups.append(ReadinessGroup(Message("readiness.group.form"), (ReadinessItem(
            Message("readiness.form_outdated", old=form.version, new=current_version),
            Where.FORM_VERSION),)))
    for section in visible_sections(form, answers):
        items = _field_items(form, section, answers, today) + rules.get(section.id, [])
        if items:
            groups.append(ReadinessGroup(Message("readiness.section", title=section.title),
                                         tuple(items)))
    request_items = _request_items(requests)
    if request_items:
        groups.append(ReadinessGroup(Message("readiness.group.requests"),
                                     tuple(request_items)))
    return Readiness(tuple(groups))
