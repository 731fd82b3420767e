"""A data request (gegevensverzoek): what the team wants to request from or give to an
organisation, how that was weighed, what the resident said, and what its status is.

Pure and immutable: every change returns a new `DataRequest`; the clock is passed in.

Rules kept here (DOMAIN.md):
- ZW-2: the request names its purpose, exactly which data (items) and the basis (toetsing or
  verdieping, which decides what refusing means for the resident).
- ZU-DOC: a weighing is recorded, never rewritten. Weighing again appends a new version; the old
  one stays, so the dossier shows what was decided when. A weighing that no longer matches the
  request (the organisation, purpose, items or basis changed since) does not count: the request
  is a concept again until it is weighed anew.
- ZW-3 / ZW-4: the worker records whether the resident was informed and what the resident
  answered (ja / nee / deels, with the resident's arguments when not agreeing). Sharing against
  a "nee" is only possible when the weighing itself ended in "delen ondanks bezwaar" (ZU-A4A
  conflict of duties, ZW-3 abuse example) *and* the worker recorded the override with a
  justification and the consulted colleague and manager.
- ZW-4 / ZU-A4C: a request to an organisation under BIG or SKJ secrecy, or whose weighing says
  written consent is required, cannot be marked as sent until a *signed* toestemmingsverklaring
  covering it is recorded. Withdrawal or refusal of that statement locks it again.

Status is never stored: `status_of(request, consent)` derives it from the current weighing,
what the resident was told or said, and the request's consent on paper (`RequestConsent`,
decided by `request_consent` from every statement that covers the request: a "Nee" of any
signer whose consent is needed refuses, a withdrawal or an expired date ends it).

Consent is not the basis of the statutory task (AVG art. 6 lid 1 onder e, art. 7 lid 4,
overweging 43): for toetsing the resident is informed (`ResidentAnswer.GEINFORMEERD`), not
asked; where a professional with secrecy holds the data, the resident's release from secrecy
(WGBO art. 7:457) is what the statement asks (`ItemKind.RELEASE`).

What the worker reads is a `Message` (keys `data_request.*` in messages/texts/data_requests.py):
refusals (`DataRequestProblem`), status labels, the reason of `can_mark_sent` and the summary
(`summary_message`). `plain_dutch_summary` renders that summary in Dutch for the documents.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from desktop_app.domain.consent import ItemKind, ItemOutcome, item_kind
from desktop_app.domain.organisations import BigProfession, Organisation
from desktop_app.domain.protocols import (
    DIRECTION_KEYS,
    JustifiedReason,
    LegalGround,
    OutcomeKind,
    Prefill,
    RecordKind,
    Text,
    Weighing,
    narrowed_items,
)
from desktop_app.domain.vocabulary import Basis, Direction, Registration, SecrecyRegime
from desktop_app.messages import Joined, Message, MessageError, render

__all__ = [
    "ConsentState",
    "DataRequest",
    "DataRequestProblem",
    "Informing",
    "OrganisationResponse",
    "Override",
    "RecordedWeighing",
    "RequestConsent",
    "ResidentAnswer",
    "Status",
    "can_mark_sent",
    "narrowing_problem",
    "needs_written_consent",
    "new_data_request",
    "override_from_weighing",
    "plain_dutch_summary",
    "prefill_value",
    "request_consent",
    "status_of",
    "suggested_informing",
    "summary_message",
    "weighing_context",
]

MAX_ITEMS = 40
MAX_ITEM_LENGTH = 200
MAX_PURPOSE_LENGTH = 1000
MAX_NOTE_LENGTH = 4000


class DataRequestProblem(MessageError):
    """A change to a data request is refused; the message says what to do. Messages never
    repeat what was typed (it may be personal data)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)


class Status(StrEnum):
    CONCEPT = "concept"  # not (validly) weighed yet
    GEWOGEN = "gewogen"  # weighed; waiting for the resident's answer or the recorded decision
    TOESTEMMING_NODIG = "toestemming_nodig"  # a signed toestemmingsverklaring is still needed
    TOESTEMMING_GEGEVEN = "toestemming_gegeven"  # may be sent
    GEWEIGERD = "geweigerd"  # the resident said no, or refused / withdrew the statement
    VERSTUURD = "verstuurd"
    NIET_DELEN = "niet_delen"  # the weighing said: do not share
    DOORVERWEZEN = "doorverwezen"  # the weighing said: refer (ZU-A1)

    @property
    def label(self) -> Message:
        """"Toestemming nodig" / "Consent needed"."""
        return Message(f"data_request.status.{self.value}")


class OrganisationResponse(StrEnum):
    """What the organisation answered to a sent request (issue 15: on the exception paths the
    organisation decides under its own code; the dossier shows what it decided)."""

    SHARED = "gedeeld"
    PARTLY = "deels"
    DECLINED = "geweigerd"

    @property
    def label(self) -> Message:
        return Message(f"data_request.response.{self.value}")


class ConsentState(StrEnum):
    """State of a toestemmingsverklaring that covers a request (DESIGN.md, consent screen)."""

    CONCEPT = "concept"
    GEPRINT = "geprint"
    GETEKEND = "getekend"
    GEWEIGERD = "geweigerd"
    INGETROKKEN = "ingetrokken"


class ResidentAnswer(StrEnum):
    JA = "ja"
    NEE = "nee"
    DEELS = "deels"
    # Toetsing: the resident was told which data the municipality uses for its decision and
    # why; there is nothing to consent to (AVG art. 7 lid 4; DOMAIN.md).
    GEINFORMEERD = "geinformeerd"

    @property
    def is_consent(self) -> bool:
        return self is not ResidentAnswer.GEINFORMEERD


class RequestConsent(StrEnum):
    """What the statements on paper say about one request, all of them together."""

    NONE = "geen"  # no statement covers it
    PENDING = "in_behandeling"  # a statement is being made or was printed, not signed yet
    GIVEN = "gegeven"  # every signer whose consent is needed ticked Ja, still valid
    REFUSED = "geweigerd"  # someone whose consent is needed ticked Nee, or refused the paper
    WITHDRAWN = "ingetrokken"
    EXPIRED = "verlopen"  # given, but the validity date has passed
    INCOMPLETE = "onvolledig"  # someone still has to sign, or left the box empty
    NOT_NEEDED = "niet_nodig"  # on the paper as information only (statutory task)

    @property
    def label(self) -> Message:
        return Message(f"data_request.consent.{self.value}")


@dataclass(frozen=True, slots=True)
class CoveringStatement:
    """One statement that covers a request, as `request_consent` weighs it: its state and,
    once signed, the outcome of the request's item."""

    state: ConsentState
    outcome: ItemOutcome | None = None


def request_consent(statements: Iterable[CoveringStatement]) -> RequestConsent:
    """The request's consent from all statements covering it, oldest first.

    The newest signed statement that decides, decides: a refusal or withdrawal there ends the
    consent even when an older paper said yes; a yes there counts even after an earlier no.
    An expired or incomplete newer paper lets an older valid one count (a second statement
    that one parent has not signed yet does not undo what both signed before). A newer paper
    that is still waiting for signatures after a refusal or withdrawal: the consent is asked
    again, so it is pending (locked all the same)."""
    remembered: RequestConsent | None = None
    pending = False
    for entry in reversed(list(statements)):
        state = entry.state
        if state in (ConsentState.CONCEPT, ConsentState.GEPRINT):
            pending = True
            continue
        decided = _decided(state, entry.outcome)
        if decided is not None:
            if pending and decided in (RequestConsent.REFUSED, RequestConsent.WITHDRAWN):
                return RequestConsent.PENDING
            return decided
        outcome = entry.outcome
        if remembered is None and outcome is ItemOutcome.EXPIRED:
            remembered = RequestConsent.EXPIRED
        elif remembered is None and outcome in (ItemOutcome.INCOMPLETE, ItemOutcome.OPEN):
            remembered = RequestConsent.INCOMPLETE
    if pending:
        return RequestConsent.PENDING
    return remembered or RequestConsent.NONE


def _decided(state: ConsentState, outcome: ItemOutcome | None) -> RequestConsent | None:
    """What one signed (refused, withdrawn) statement decides about a request on its own, or
    None when an older statement must be looked at (expired, incomplete)."""
    if state is ConsentState.GEWEIGERD:
        return RequestConsent.REFUSED
    if state is ConsentState.INGETROKKEN and outcome in (None, ItemOutcome.GIVEN):
        return RequestConsent.WITHDRAWN
    return {
        ItemOutcome.REFUSED: RequestConsent.REFUSED,
        ItemOutcome.WITHDRAWN: RequestConsent.WITHDRAWN,
        ItemOutcome.GIVEN: RequestConsent.GIVEN,
        ItemOutcome.NOT_NEEDED: RequestConsent.NOT_NEEDED,
    }.get(outcome) if outcome is not None else None


def _clean_note(value: str, what: Message, *, required: bool) -> str:
    if not isinstance(value, str):
        raise DataRequestProblem(Message("data_request.note.not_text", what=what))
    cleaned = value.strip()
    if required and not cleaned:
        raise DataRequestProblem(Message("data_request.note.missing", what=what))
    if len(cleaned) > MAX_NOTE_LENGTH:
        raise DataRequestProblem(
            Message("data_request.note.too_long", what=what, max=MAX_NOTE_LENGTH))
    return cleaned


@dataclass(frozen=True, slots=True)
class Override:
    """The worker's decision to share although the resident said no (ZW-3, ZU-A4A)."""

    justification: str = field(repr=False)
    consulted: str = field(repr=False)  # names/roles of the expert colleague and the manager

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "justification",
            _clean_note(self.justification, Message("data_request.note.justification"),
                        required=True),
        )
        object.__setattr__(
            self,
            "consulted",
            _clean_note(self.consulted, Message("data_request.note.consulted"), required=True),
        )


@dataclass(frozen=True, slots=True)
class Informing:
    """ZW-3/ZW-4: was the resident informed, and what did the resident say (oral consent)."""

    informed: bool
    answer: ResidentAnswer | None = None
    arguments: str = field(default="", repr=False)  # the resident's objections (nee / deels)
    # deels: the items the resident agreed to
    consented_items: tuple[str, ...] = field(default=(), repr=False)
    override: Override | None = None

    def __post_init__(self) -> None:
        if self.answer is not None and not self.informed:
            # ZW-3: first inform, then ask.
            raise DataRequestProblem(Message("data_request.informing.tell_first"))
        if self.answer in (ResidentAnswer.NEE, ResidentAnswer.DEELS):
            object.__setattr__(
                self,
                "arguments",
                _clean_note(self.arguments, Message("data_request.note.arguments"),
                            required=True),
            )
        elif self.arguments.strip():
            raise DataRequestProblem(
                Message("data_request.informing.arguments_only_when_objecting"))
        if self.answer is ResidentAnswer.DEELS and not self.consented_items:
            raise DataRequestProblem(Message("data_request.informing.choose_items"))
        if self.answer is not ResidentAnswer.DEELS and self.consented_items:
            raise DataRequestProblem(Message("data_request.informing.items_only_when_partly"))
        if self.override is not None and self.answer not in (
            ResidentAnswer.NEE,
            ResidentAnswer.DEELS,
        ):
            raise DataRequestProblem(
                Message("data_request.informing.override_only_when_objecting"))


@dataclass(frozen=True, slots=True)
class RecordedWeighing:
    """One version of the weighing of a request: the stored `Weighing.to_dict()` plus what the
    request looked like when it was weighed."""

    number: int  # 1, 2, ...: versions are appended, never replaced
    recorded_at: dt.datetime
    data: Mapping[str, Any] = field(repr=False)
    organisation_id: str
    regime: SecrecyRegime
    direction: Direction
    purpose: str = field(repr=False)
    items: tuple[str, ...] = field(repr=False)
    basis: Basis

    @property
    def protocol_id(self) -> str:
        return str(self.data["protocol"]["id"])

    @property
    def protocol_version(self) -> int:
        return int(self.data["protocol"]["version"])

    @property
    def content_hash(self) -> str:
        return str(self.data["protocol"]["content_hash"])

    @property
    def complete(self) -> bool:
        return bool(self.data.get("complete"))

    @property
    def outcome_kind(self) -> OutcomeKind | None:
        outcome = self.data.get("outcome")
        return OutcomeKind(outcome["kind"]) if outcome else None

    @property
    def outcome_text(self) -> Text | None:
        outcome = self.data.get("outcome")
        if not outcome:
            return None
        return Text(outcome["text"]["nl"], outcome["text"].get("en"))

    @property
    def effect_kinds(self) -> frozenset[OutcomeKind]:
        return frozenset(OutcomeKind(e["kind"]) for e in self.data.get("effects", ()))

    @property
    def is_exception(self) -> bool:
        """An exception path: data go despite an objection or without informing first."""
        return bool({OutcomeKind.SHARE_DESPITE_OBJECTION, OutcomeKind.SHARE_WITHOUT_INFORMING}
                    & self.effect_kinds)

    @property
    def narrowed(self) -> tuple[str, ...] | None:
        """The items kept by "share less" (the last narrowing on the path), or None."""
        kept = self.records_of(RecordKind.NARROWED_ITEMS)
        return narrowed_items(kept[-1]) if kept else None

    @property
    def inform_after(self) -> dt.date | None:
        """ZU-A4B: the date the resident is to be informed afterwards."""
        dates = self.records_of(RecordKind.INFORM_AFTER)
        return dt.date.fromisoformat(dates[-1]) if dates else None

    @property
    def legal_grounds(self) -> tuple[LegalGround, ...]:
        grounds: list[LegalGround] = []
        for value in self.records_of(RecordKind.LEGAL_GROUND):
            try:
                grounds.extend(LegalGround.parse_many(value))
            except ValueError:
                continue  # an edited store: the summary shows the rest
        return tuple(dict.fromkeys(grounds))

    def records_of(self, kind: RecordKind) -> tuple[str, ...]:
        return tuple(
            s["records"][kind.value] for s in self.data["steps"] if kind.value in s["records"]
        )

    def matches(self, request: DataRequest) -> bool:
        """Was this weighing made for the request as it is now?"""
        return (
            self.organisation_id == request.organisation.id
            and self.regime is request.organisation.regime
            and self.direction is request.direction
            and self.purpose == request.purpose
            and self.items == request.items
            and self.basis is request.basis
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "recorded_at": self.recorded_at.isoformat(),
            # A deep copy: whoever stores or edits the result cannot reach into this version.
            "weighing": copy.deepcopy(dict(self.data)),
            "organisation_id": self.organisation_id,
            "regime": self.regime.value,
            "direction": self.direction.value,
            "purpose": self.purpose,
            "items": list(self.items),
            "basis": self.basis.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RecordedWeighing:
        return cls(
            number=int(data["number"]),
            recorded_at=dt.datetime.fromisoformat(data["recorded_at"]),
            data=MappingProxyType(copy.deepcopy(dict(data["weighing"]))),
            organisation_id=data["organisation_id"],
            regime=SecrecyRegime(data["regime"]),
            direction=Direction(data["direction"]),
            purpose=data["purpose"],
            items=tuple(data["items"]),
            basis=Basis(data["basis"]),
        )


def _clean_items(items: Iterable[str]) -> tuple[str, ...]:
    cleaned: list[str] = []
    folded: set[str] = set()
    for item in items:
        if not isinstance(item, str):
            raise DataRequestProblem(Message("data_request.item.not_text"))
        text = " ".join(item.split())
        if not text:
            continue  # an empty row in the editor is not an item
        if len(text) > MAX_ITEM_LENGTH:
            raise DataRequestProblem(Message("data_request.item.too_long", max=MAX_ITEM_LENGTH))
        if text.casefold() in folded:
            raise DataRequestProblem(Message("data_request.item.twice"))
        folded.add(text.casefold())
        cleaned.append(text)
    if not cleaned:
        # ZW-2, ZU-V5: exactly which data, no more than needed.
        raise DataRequestProblem(Message("data_request.items.missing"))
    if len(cleaned) > MAX_ITEMS:
        raise DataRequestProblem(Message("data_request.items.too_many", max=MAX_ITEMS))
    return tuple(cleaned)


def _clean_purpose(purpose: str) -> str:
    if not isinstance(purpose, str) or not purpose.strip():
        # ZU-V6: be open about the purpose.
        raise DataRequestProblem(Message("data_request.purpose.missing"))
    cleaned = purpose.strip()
    if len(cleaned) > MAX_PURPOSE_LENGTH:
        raise DataRequestProblem(
            Message("data_request.purpose.too_long", max=MAX_PURPOSE_LENGTH))
    return cleaned


@dataclass(frozen=True, slots=True)
class DataRequest:
    id: str
    direction: Direction
    organisation: Organisation
    purpose: str = field(repr=False)
    items: tuple[str, ...] = field(repr=False)
    basis: Basis
    weighings: tuple[RecordedWeighing, ...] = ()
    informing: Informing | None = None
    sent_at: dt.datetime | None = None
    # The real name ("Huisartsenpraktijk De Linde", "OBS De Regenboog, juf Aydin"): consent
    # and a release are specific to an organisation, not to a kind (AVG art. 4 lid 11). The
    # catalogue entry (`organisation`) stays what the rules look at.
    organisation_named: str = field(default="", repr=False)
    # ZU-A4B: when the resident was told afterwards (the weighing's inform_after date).
    informed_afterwards_at: dt.datetime | None = None
    response: OrganisationResponse | None = None
    response_note: str = field(default="", repr=False)
    response_at: dt.datetime | None = None

    @property
    def kind(self) -> ItemKind:
        """What the statement asks about this request: consent, a release from secrecy, or
        nothing (information about the statutory task)."""
        return item_kind(self.direction, self.basis, self.organisation.regime)

    @property
    def shared_items(self) -> tuple[str, ...]:
        """The data that may go: after a "deels" answer only those the resident agreed to."""
        informing = self.informing
        if informing is not None and informing.answer is ResidentAnswer.DEELS:
            return informing.consented_items
        return self.items

    @property
    def current_weighing(self) -> RecordedWeighing | None:
        return self.weighings[-1] if self.weighings else None

    @property
    def valid_weighing(self) -> RecordedWeighing | None:
        """The latest weighing, if it is complete and made for the request as it is now."""
        current = self.current_weighing
        if current is None or not current.complete or not current.matches(self):
            return None
        return current

    def _refuse_if_sent(self) -> None:
        if self.sent_at is not None:
            raise DataRequestProblem(Message("data_request.sent_is_final"))

    def with_details(
        self,
        *,
        organisation: Organisation | None = None,
        direction: Direction | None = None,
        purpose: str | None = None,
        items: Iterable[str] | None = None,
        basis: Basis | None = None,
        organisation_named: str | None = None,
    ) -> DataRequest:
        """Change what is requested. Earlier weighings stay, but no longer count when they
        were made for something else: the worker must weigh again."""
        self._refuse_if_sent()
        return replace(
            self,
            organisation=organisation if organisation is not None else self.organisation,
            direction=direction if direction is not None else self.direction,
            purpose=_clean_purpose(purpose) if purpose is not None else self.purpose,
            items=_clean_items(items) if items is not None else self.items,
            basis=basis if basis is not None else self.basis,
            organisation_named=(_clean_name(organisation_named) if organisation_named is not None
                                else self.organisation_named),
        )

    def with_weighing(self, weighing: Weighing, recorded_at: dt.datetime) -> DataRequest:
        """Record a (new version of the) weighing; earlier versions are kept unchanged.

        "Share less" (ZW-2 proportionaliteit, ZU-A3; AVG art. 5 lid 1 onder c) narrows the
        request to the items the weighing kept, before anything else can happen: what is sent
        and what the statement shows is the narrowed list."""
        self._refuse_if_sent()
        if not weighing.is_complete:
            raise DataRequestProblem(Message("data_request.weighing_unfinished"))
        request = self._narrowed(weighing)._with_purpose_from(weighing)
        recorded = RecordedWeighing(
            number=len(request.weighings) + 1,
            recorded_at=recorded_at,
            data=MappingProxyType(weighing.to_dict()),
            organisation_id=request.organisation.id,
            regime=request.organisation.regime,
            direction=request.direction,
            purpose=request.purpose,
            items=request.items,
            basis=request.basis,
        )
        return replace(request, weighings=(*request.weighings, recorded))

    def _narrowed(self, weighing: Weighing) -> DataRequest:
        verdict = weighing.outcome
        if verdict is not None and verdict.kind.ends_request:
            return self  # nothing goes: there is nothing to narrow
        kept = weighing.records_of(RecordKind.NARROWED_ITEMS)
        if OutcomeKind.SHARE_MINIMUM in weighing.effect_kinds and not kept:
            raise DataRequestProblem(Message("data_request.narrow.missing"))
        if not kept:
            return self
        narrowed = _clean_items(narrowed_items(kept[-1]))
        problem = narrowing_problem(self.items, narrowed)
        if problem is not None:
            raise DataRequestProblem(problem)
        return replace(self, items=narrowed)

    def _with_purpose_from(self, weighing: Weighing) -> DataRequest:
        """A purpose record the program prefilled from the request and the worker sharpened
        in the wizard becomes the request's purpose: one purpose, typed once."""
        purpose: str | None = None
        for step in weighing.steps:
            answer = weighing.graph.node(step.node).answer(step.answer)
            assert answer is not None
            for requirement in answer.records:
                if (requirement.prefill is Prefill.PURPOSE
                        and requirement.kind.value in step.records):
                    purpose = step.records[requirement.kind.value]
        if purpose is None or purpose == self.purpose:
            return self
        return replace(self, purpose=_clean_purpose(purpose))

    def with_informing(self, informing: Informing) -> DataRequest:
        self._refuse_if_sent()
        # Toetsing: inform, never ask for consent (AVG art. 7 lid 4); the resident may still
        # object (art. 21), recorded as "nee" with the arguments. Verdieping: ask.
        answer = informing.answer
        if self.basis is Basis.TOETSING and answer in (ResidentAnswer.JA, ResidentAnswer.DEELS):
            raise DataRequestProblem(Message("data_request.informing.toetsing_informs"))
        if self.basis is Basis.VERDIEPING and answer is ResidentAnswer.GEINFORMEERD:
            raise DataRequestProblem(Message("data_request.informing.verdieping_asks"))
        unknown = [i for i in informing.consented_items if i not in self.items]
        if unknown:
            raise DataRequestProblem(Message("data_request.informing.unknown_items"))
        if informing.answer is ResidentAnswer.DEELS and set(informing.consented_items) == set(
            self.items
        ):
            raise DataRequestProblem(Message("data_request.informing.all_items"))
        return replace(self, informing=informing)

    def mark_sent(self, consent: RequestConsent, at: dt.datetime) -> DataRequest:
        allowed, reason = can_mark_sent(self, consent)
        if not allowed:
            raise DataRequestProblem(reason)
        return replace(self, sent_at=at)

    @property
    def inform_after(self) -> dt.date | None:
        """ZU-A4B: the date to inform the resident afterwards, while that is still to do."""
        weighing = self.valid_weighing
        if weighing is None or self.informed_afterwards_at is not None:
            return None
        return weighing.inform_after

    def inform_after_due(self, today: dt.date) -> bool:
        """The reminder: the date has come and the resident has not been told yet."""
        due = self.inform_after
        return due is not None and due <= today

    def with_informed_afterwards(self, at: dt.datetime) -> DataRequest:
        """The worker told the resident afterwards (ZU-A4B); also after sending."""
        if self.inform_after is None:
            raise DataRequestProblem(Message("data_request.inform_after.nothing_due"))
        return replace(self, informed_afterwards_at=at)

    def with_response(self, response: OrganisationResponse, note: str,
                      at: dt.datetime) -> DataRequest:
        """What the organisation answered; only for a sent request. A later answer replaces
        an earlier one (the log keeps both moments)."""
        if self.sent_at is None:
            raise DataRequestProblem(Message("data_request.response.not_sent"))
        cleaned = _clean_note(note, Message("data_request.note.response"), required=False)
        return replace(self, response=OrganisationResponse(response), response_note=cleaned,
                       response_at=at)

    # -- storage -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        informing = self.informing
        return {
            "id": self.id,
            "direction": self.direction.value,
            "organisation": _organisation_dict(self.organisation),
            "purpose": self.purpose,
            "items": list(self.items),
            "basis": self.basis.value,
            "weighings": [w.to_dict() for w in self.weighings],
            "informing": None
            if informing is None
            else {
                "informed": informing.informed,
                "answer": informing.answer.value if informing.answer else None,
                "arguments": informing.arguments,
                "consented_items": list(informing.consented_items),
                "override": None
                if informing.override is None
                else {
                    "justification": informing.override.justification,
                    "consulted": informing.override.consulted,
                },
            },
            "sent_at": self.sent_at.isoformat() if self.sent_at else None,
            "organisation_named": self.organisation_named,
            "informed_afterwards_at": (self.informed_afterwards_at.isoformat()
                                       if self.informed_afterwards_at else None),
            "response": self.response.value if self.response else None,
            "response_note": self.response_note,
            "response_at": self.response_at.isoformat() if self.response_at else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DataRequest:
        raw_informing = data.get("informing")
        informing: Informing | None = None
        if raw_informing is not None:
            raw_override = raw_informing.get("override")
            informing = Informing(
                informed=bool(raw_informing["informed"]),
                answer=ResidentAnswer(raw_informing["answer"]) if raw_informing["answer"] else None,
                arguments=raw_informing.get("arguments", ""),
                consented_items=tuple(raw_informing.get("consented_items", ())),
                override=Override(raw_override["justification"], raw_override["consulted"])
                if raw_override
                else None,
            )
        return cls(
            id=data["id"],
            direction=Direction(data["direction"]),
            organisation=_organisation_from_dict(data["organisation"]),
            purpose=data["purpose"],
            items=tuple(data["items"]),
            basis=Basis(data["basis"]),
            weighings=tuple(RecordedWeighing.from_dict(w) for w in data.get("weighings", ())),
            informing=informing,
            sent_at=dt.datetime.fromisoformat(data["sent_at"]) if data.get("sent_at") else None,
            organisation_named=str(data.get("organisation_named") or ""),
            informed_afterwards_at=_moment(data.get("informed_afterwards_at")),
            response=OrganisationResponse(data["response"]) if data.get("response") else None,
            response_note=str(data.get("response_note") or ""),
            response_at=_moment(data.get("response_at")),
        )


def _moment(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _text_dict(text: Text | None) -> dict[str, str] | None:
    return text.to_dict() if text is not None else None


def _text_from(data: Mapping[str, Any] | None) -> Text | None:
    return Text(data["nl"], data.get("en")) if data else None


def _organisation_dict(organisation: Organisation) -> dict[str, Any]:
    # The organisation is copied into the request (not only its catalogue id): a later edit of
    # the catalogue must not change what an existing request says.
    return {
        "id": organisation.id,
        "name": organisation.name.to_dict(),
        "regime": organisation.regime.value,
        "profession": organisation.profession.value if organisation.profession else None,
        "definite": _text_dict(organisation.definite),
        "note": _text_dict(organisation.note),
        "custom": organisation.custom,
        "financial": organisation.financial,
    }


def _organisation_from_dict(data: Mapping[str, Any]) -> Organisation:
    name = _text_from(data["name"])
    assert name is not None
    return Organisation(
        id=data["id"],
        name=name,
        regime=SecrecyRegime(data["regime"]),
        profession=BigProfession(data["profession"]) if data.get("profession") else None,
        definite=_text_from(data.get("definite")),
        note=_text_from(data.get("note")),
        custom=bool(data.get("custom", False)),
        financial=bool(data.get("financial", False)),
    )


MAX_NAME_LENGTH = 200


def _clean_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if len(cleaned) > MAX_NAME_LENGTH:
        raise DataRequestProblem(Message("data_request.named.too_long", max=MAX_NAME_LENGTH))
    return cleaned


def new_data_request(
    *,
    request_id: str,
    direction: Direction,
    organisation: Organisation,
    purpose: str,
    items: Iterable[str],
    basis: Basis,
    organisation_named: str = "",
) -> DataRequest:
    """A new request in status concept. Raises DataRequestProblem on bad input."""
    if not isinstance(request_id, str) or not request_id.strip():
        raise DataRequestProblem(Message("data_request.no_id"))  # a programming error
    return DataRequest(
        id=request_id,
        direction=Direction(direction),
        organisation=organisation,
        purpose=_clean_purpose(purpose),
        items=_clean_items(items),
        basis=Basis(basis),
        organisation_named=_clean_name(organisation_named),
    )


# --------------------------------------------------------------------------------------------
# Rules


def narrowing_problem(before: Iterable[str], kept: Iterable[str]) -> Message | None:
    """"Share less" (ZW-2 proportionaliteit, ZU-A3; AVG art. 5 lid 1 onder c) must take at
    least one item away, or replace it by a narrower one: keeping everything is not less."""
    remaining = {" ".join(item.split()).casefold() for item in kept}
    remaining.discard("")
    if not remaining:
        return Message("weighing.narrowed_nothing_left")
    if all(" ".join(item.split()).casefold() in remaining for item in before):
        return Message("data_request.narrow.nothing_removed")
    return None


def prefill_value(prefill: Prefill | None, request: DataRequest,
                  items: Iterable[str] | None = None) -> str | None:
    """What the wizard writes into a record field before the worker types (issue 15: the
    purpose and the items are typed once, in the request). `items`: the list as narrowed
    earlier on the path. The ground is in Dutch, the language of the dossier."""
    shown = "\n".join(items if items is not None else request.items)
    if prefill is None:
        return None
    if prefill is Prefill.PURPOSE:
        return request.purpose
    if prefill is Prefill.ITEMS:
        return shown
    if prefill is Prefill.PURPOSE_AND_ITEMS:
        return f"{request.purpose}\n{shown}"
    # Toetsing rests on the statutory task (AVG art. 6 lid 1 onder e), verdieping on the
    # resident's consent (art. 6 lid 1 onder a).
    ground = (Message("data_request.prefill.ground.toetsing")
              if request.basis is Basis.TOETSING
              else Message("data_request.prefill.ground.verdieping"))
    return render(ground, "nl")


def weighing_context(request: DataRequest,
                     registration: Registration = Registration.NONE) -> dict[str, Any]:
    """The facts a weighing takes from the request and the worker (protocols.CONTEXT_KEYS).

    ZU-A4C is about whoever shares (DOMAIN.md): when the team requests, the organisation that
    gives the data; when the team gives, the worker, by the worker's own registration. The
    other organisation's register says nothing about the worker's duties when giving."""
    secrecy = request.organisation.regime.needs_written_consent
    if request.direction is Direction.REQUEST_FROM:
        sharer = "organisatie" if secrecy else "geen"
    else:
        sharer = "medewerker" if registration.has_secrecy else "geen"
    return {
        # Old protocol files (before issue 15) ask this; it meant written consent for BIG/SKJ
        # and is now only true where that is right: requesting from such an organisation.
        "professional_secrecy": sharer == "organisatie",
        "sharer_secrecy": sharer,
        "direction": DIRECTION_KEYS[request.direction],
        "basis": request.basis.value,
    }


def needs_written_consent(request: DataRequest) -> bool:
    """ZW-4: requesting from an organisation with BIG or SKJ secrecy needs the resident's
    signed consent or release, or the weighing says so. Conservative on purpose: the
    organisation's regime counts even if the protocol file would forget to ask.

    Not when the team *gives* data: the receiver's secrecy is no reason for a signature (a
    registered worker follows the own code, ZU-A4C). Not for toetsing data from an organisation
    without secrecy: the statutory task, the resident is informed (AVG art. 7 lid 4). And not on
    the exception paths (ZW-3, ZU-A4A, ZU-A4B): no signature can be had from a resident who
    refused or may not be told; the organisation decides under its own code or a legal right
    to report (DOMAIN.md), and the program records the ground."""
    if not request.kind.needs_choice:
        return False
    weighing = request.valid_weighing
    if weighing is not None and weighing.is_exception:
        return False
    if (request.direction is Direction.REQUEST_FROM
            and request.organisation.regime.needs_written_consent):
        return True
    return weighing is not None and OutcomeKind.WRITTEN_CONSENT_REQUIRED in weighing.effect_kinds


def override_from_weighing(weighing: RecordedWeighing) -> Override | None:
    """Prefill the override decision from the weighing's records (the motivation and the
    consulted people written down at ZU-A4A / ZW-3), so the worker does not type it twice."""
    consulted = weighing.records_of(RecordKind.CONSULTED)
    motivation = weighing.records_of(RecordKind.MOTIVATION)
    if not consulted or not motivation:
        return None
    return Override(justification=motivation[-1], consulted=consulted[-1])


def suggested_informing(weighing: RecordedWeighing) -> Informing | None:
    """What the weighing path already says about the conversation with the resident (ZW-3,
    ZU-A4), as a prefill for the worker to confirm. None when the path says nothing about it.
    The protocol asks "does the resident agree?" before a sharing verdict, so the verdict tells
    the answer; this keeps the oral consent and the weighing from contradicting each other."""
    kinds = weighing.effect_kinds
    verdict = weighing.outcome_kind
    if verdict is None or verdict.ends_request:
        return None
    if OutcomeKind.SHARE_WITHOUT_INFORMING in kinds:
        return Informing(informed=False)
    if OutcomeKind.SHARE_DESPITE_OBJECTION in kinds:
        arguments = weighing.records_of(RecordKind.CLIENT_ARGUMENTS)
        return Informing(
            informed=True,
            answer=ResidentAnswer.NEE,
            # Stored as the resident's arguments and printed in the Dutch gespreksverslag:
            # the worker's note, so in Dutch like the rest of the dossier.
            arguments=arguments[-1] if arguments else "De inwoner noemt geen reden.",
            override=override_from_weighing(weighing),
        )
    if verdict is OutcomeKind.PROCEED_INFORMED:
        return Informing(informed=True, answer=ResidentAnswer.GEINFORMEERD)
    if verdict in (OutcomeKind.PROCEED_WITH_CONSENT, OutcomeKind.WRITTEN_CONSENT_REQUIRED):
        # Toetsing asks nothing: the resident is informed (ZW-2; AVG art. 7 lid 4), a "ja"
        # on the path is not consent.
        if weighing.basis is Basis.TOETSING:
            return Informing(informed=True, answer=ResidentAnswer.GEINFORMEERD)
        return Informing(informed=True, answer=ResidentAnswer.JA)
    return None


@dataclass(frozen=True, slots=True)
class _Assessment:
    status: Status
    can_send: bool
    reason: Message


def _reason(key: str, **values: Any) -> Message:
    return Message(f"data_request.reason.{key}", **values)


def _assess(request: DataRequest, consent: RequestConsent) -> _Assessment:
    if request.sent_at is not None:
        return _Assessment(Status.VERSTUURD, False, _reason("sent"))
    weighing = request.valid_weighing
    if weighing is None:
        if request.current_weighing is not None and request.current_weighing.complete:
            return _Assessment(Status.CONCEPT, False, _reason("changed_after_weighing"))
        return _Assessment(Status.CONCEPT, False, _reason("not_weighed"))
    verdict = weighing.outcome_kind
    kinds = weighing.effect_kinds
    if verdict is OutcomeKind.REFER:
        return _Assessment(Status.DOORVERWEZEN, False, _reason("refer"))
    if verdict is OutcomeKind.DO_NOT_SHARE:
        return _Assessment(Status.NIET_DELEN, False, _reason("do_not_share"))
    if OutcomeKind.SHARE_MINIMUM in weighing.effect_kinds and weighing.narrowed is None:
        # Weighed before narrowing was enforced: "share less" changed nothing then.
        return _Assessment(Status.CONCEPT, False, _reason("narrow_first"))

    without_informing = OutcomeKind.SHARE_WITHOUT_INFORMING in kinds
    despite = OutcomeKind.SHARE_DESPITE_OBJECTION in kinds
    informing = request.informing
    answer = informing.answer if informing else None
    override = informing.override if informing else None
    written = needs_written_consent(request)

    if answer is ResidentAnswer.NEE and not (despite and override is not None):
        if despite:
            return _Assessment(Status.GEWOGEN, False, _reason("no_then_record_decision"))
        return _Assessment(Status.GEWEIGERD, False, _reason("no_then_weigh_again"))
    if despite and override is None:
        return _Assessment(Status.GEWOGEN, False, _reason("record_decision"))
    if written:
        release = request.kind is ItemKind.RELEASE
        if consent is RequestConsent.GIVEN:
            return _Assessment(Status.TOESTEMMING_GEGEVEN, True,
                               _reason("released" if release else "signed"))
        if consent is RequestConsent.REFUSED:
            return _Assessment(Status.GEWEIGERD, False,
                               _reason("release_refused" if release else "consent_refused"))
        if consent is RequestConsent.WITHDRAWN:
            return _Assessment(Status.GEWEIGERD, False, _reason("consent_withdrawn"))
        if consent is RequestConsent.EXPIRED:
            return _Assessment(Status.TOESTEMMING_NODIG, False, _reason("consent_expired"))
        if consent is RequestConsent.INCOMPLETE:
            return _Assessment(Status.TOESTEMMING_NODIG, False, _reason("consent_incomplete"))
        return _Assessment(Status.TOESTEMMING_NODIG, False,
                           _reason("not_signed", reason=_written_reason(request)))
    if consent is RequestConsent.REFUSED:
        # On a statement although no signature was required, and a "Nee" there: the paper is
        # the provable word of whoever decides (AVG art. 7 lid 1), above an oral "ja".
        return _Assessment(Status.GEWEIGERD, False, _reason("consent_refused"))
    if consent is RequestConsent.WITHDRAWN:
        return _Assessment(Status.GEWEIGERD, False, _reason("consent_withdrawn"))
    if without_informing or despite:
        return _Assessment(Status.GEWOGEN, True, _reason("weighing_recorded"))
    # Once the request is on a signed paper, the paper decides, not an earlier oral "ja": past
    # its validity date it no longer holds, and while a decider has not signed it does not
    # hold yet (AVG art. 7 lid 1: the consent must be provable as it was given).
    if consent is RequestConsent.EXPIRED:
        return _Assessment(Status.TOESTEMMING_NODIG, False, _reason("consent_expired"))
    if consent is RequestConsent.INCOMPLETE:
        return _Assessment(Status.TOESTEMMING_NODIG, False, _reason("consent_incomplete"))
    if request.kind is ItemKind.INFORMATION:
        # The statutory task: the resident is informed, not asked (AVG art. 6 lid 1 onder e).
        if answer is None:
            return _Assessment(Status.GEWOGEN, False, _reason("record_informed"))
        return _Assessment(Status.GEWOGEN, True, _reason("informed"))
    if answer is None:
        # ZW-4: the oral consent is recorded.
        return _Assessment(Status.GEWOGEN, False, _reason("record_oral_consent"))
    return _Assessment(Status.TOESTEMMING_GEGEVEN, True, _reason("oral_consent"))


def status_of(request: DataRequest,
              consent: RequestConsent = RequestConsent.NONE) -> Status:
    """The status, derived from the weighing, what the resident was told or said, and the
    request's consent on paper (`request_consent`)."""
    return _assess(request, consent).status


def can_mark_sent(
    request: DataRequest, consent: RequestConsent = RequestConsent.NONE
) -> tuple[bool, Message]:
    """Whether the worker may mark the request as sent, with the reason."""
    assessment = _assess(request, consent)
    return assessment.can_send, assessment.reason


@dataclass(frozen=True, slots=True)
class _SentenceStart:
    """A bilingual name at the start of a sentence: "de huisarts" becomes "De huisarts"."""

    text: Text

    def get(self, lang: str) -> str:
        shown = self.text.get(lang)
        return f"{shown[:1].upper()}{shown[1:]}"


def _written_reason(request: DataRequest, *, sentence_start: bool = True) -> Message:
    """Why a signed toestemmingsverklaring is needed: the organisation's secrecy (ZW-4,
    ZU-A4C), or else the weighing said so."""
    organisation = request.organisation
    if organisation.regime in (SecrecyRegime.BIG, SecrecyRegime.SKJ):
        name: Text | _SentenceStart = organisation.in_sentence
        if sentence_start:
            name = _SentenceStart(organisation.in_sentence)
        if organisation.regime is SecrecyRegime.BIG:
            return Message("data_request.written_reason.big", organisation=name)
        return Message("data_request.written_reason.skj", organisation=name)
    if sentence_start:
        return Message("data_request.written_reason.weighing")
    return Message("data_request.written_reason.weighing_in_sentence")


def summary_message(
    request: DataRequest, consent: RequestConsent = RequestConsent.NONE
) -> Message:
    """The outcome in plain words (B1) for the overview, e.g. "Schriftelijke toestemming
    nodig: de huisarts heeft een medisch beroepsgeheim (BIG)." """
    assessment = _assess(request, consent)
    weighing = request.valid_weighing
    if weighing is None:
        return assessment.reason
    if weighing.outcome_kind in (OutcomeKind.REFER, OutcomeKind.DO_NOT_SHARE):
        # The protocol's own words for the verdict, in both languages.
        text = weighing.outcome_text
        return Message("data_request.summary", sentences=text) if text else assessment.reason

    kinds = weighing.effect_kinds
    written = needs_written_consent(request)
    sentences: list[Message] = []
    if written:
        # A release from secrecy (WGBO 7:457) is not consent to the municipality's task.
        reason = _written_reason(request, sentence_start=False)
        sentences.append(Message("data_request.summary.written_release", reason=reason)
                         if request.kind is ItemKind.RELEASE
                         else Message("data_request.summary.written", reason=reason))
    if OutcomeKind.SHARE_DESPITE_OBJECTION in kinds:
        sentences.append(Message("data_request.summary.despite_objection"))
    if OutcomeKind.SHARE_WITHOUT_INFORMING in kinds:
        reasons: list[Message] = []
        for value in weighing.records_of(RecordKind.REASON_NOT_INFORMING):
            try:
                reasons.extend(r.message for r in JustifiedReason.parse_many(value))
            except ValueError:
                continue  # an old or edited protocol: the summary still shows the rest
        sentences.append(
            Message("data_request.summary.without_informing_because",
                    reasons=Joined(reasons, "; "))
            if reasons else Message("data_request.summary.without_informing"))
    if OutcomeKind.INFORM_CLIENT in kinds:
        sentences.append(Message("data_request.summary.inform"))
    if OutcomeKind.SHARE_MINIMUM in kinds:
        sentences.append(Message("data_request.summary.share_minimum"))
    if OutcomeKind.OWN_CODE in kinds:
        sentences.append(Message("data_request.summary.own_code"))
    grounds = weighing.legal_grounds
    if grounds:
        sentences.append(Message("data_request.summary.grounds",
                                 grounds=Joined([g.message for g in grounds], "; ")))
    if request.informed_afterwards_at is not None:
        sentences.append(Message("data_request.summary.informed_afterwards",
                                 date=request.informed_afterwards_at.date()))
    elif request.inform_after is not None:
        sentences.append(Message("data_request.summary.inform_after", date=request.inform_after))

    informing = request.informing
    if informing is not None and informing.answer is ResidentAnswer.JA:
        sentences.append(_reason("oral_consent"))
    elif informing is not None and informing.answer is ResidentAnswer.DEELS:
        sentences.append(Message("data_request.summary.partly",
                                 items=Joined(informing.consented_items)))
    elif informing is not None and informing.answer is ResidentAnswer.NEE:
        sentences.append(Message("data_request.summary.no"))
    elif informing is not None and informing.answer is ResidentAnswer.GEINFORMEERD:
        sentences.append(Message("data_request.summary.informed"))

    status = assessment.status
    if status is Status.VERSTUURD and request.sent_at is not None:
        sentences.append(Message("data_request.summary.sent_on", date=request.sent_at.date()))
        if request.response is not None:
            sentences.append(Message("data_request.summary.response",
                                     response=request.response.label))
    elif status is Status.TOESTEMMING_NODIG:
        sentences.append(Message("data_request.summary.not_signed"))
    elif status is Status.TOESTEMMING_GEGEVEN and written:
        sentences.append(Message("data_request.summary.released")
                         if request.kind is ItemKind.RELEASE
                         else Message("data_request.summary.signed"))
    elif not assessment.can_send and assessment.reason not in sentences:
        sentences.append(assessment.reason)
    return Message("data_request.summary", sentences=Joined(sentences, " "))


def plain_dutch_summary(
    request: DataRequest, consent: RequestConsent = RequestConsent.NONE
) -> str:
    """`summary_message` in Dutch, for the Dutch documents (toestemmingsverklaring composer,
    gespreksverslag); the screen renders `summary_message` in the worker's language."""
    return render(summary_message(request, consent), "nl")
