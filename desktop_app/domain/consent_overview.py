"""The consent part of the conversation, derived from the data requests (issue 19).

Up to form version 3 the gespreksformulier asked the worker to type the oral consent and
whether a professional with secrecy holds the data. Those answers duplicated the data
requests and could contradict them (a "ja" typed in the form while the statement on paper
says "Nee"). Now the requests are the one source: `consent_overview` reads, per request, what
the weighing decided, what the resident said or signed, and whether the holder of the data has
professional secrecy. The screen shows it read-only; the reports can print the same lines.

The rules are those of `domain/data_requests.py`: the paper decides over an oral answer (AVG
art. 7 lid 1: consent must be provable as it was given); for the statutory task (toetsing) the
resident is informed, not asked (AVG art. 6 lid 1 onder e, art. 7 lid 4); on the exception
paths (ZW-3, ZU-A4A, ZU-A4B) there is no consent to ask.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from desktop_app.domain.consent import ItemKind, shown_organisation
from desktop_app.domain.data_requests import (
    DataRequest,
    RequestConsent,
    ResidentAnswer,
    Status,
    needs_written_consent,
    status_of,
)
from desktop_app.domain.protocols import OutcomeKind
from desktop_app.domain.vocabulary import Basis, Direction, SecrecyRegime
from desktop_app.messages import Message

__all__ = ["ConsentLine", "ConsentShown", "OrganisationShown", "consent_overview",
           "consent_shown"]


class ConsentShown(StrEnum):
    """What the resident said (or was told) about one request, all sources together."""

    NOT_YET = "nog_niet"  # nothing recorded yet: the weighing or the question is still to do
    NOT_ASKED_TASK = "wettelijke_taak"  # toetsing: informed, not asked
    TO_INFORM = "nog_informeren"  # toetsing, the resident not told yet
    ORAL_YES = "mondeling_ja"
    ORAL_PARTLY = "mondeling_deels"
    ORAL_NO = "mondeling_nee"
    SIGNATURE_NEEDED = "handtekening_nodig"  # a signed statement is needed, none made yet
    PENDING = "verklaring_open"  # a statement is made or printed, not (fully) signed
    SIGNED = "getekend"
    REFUSED = "geweigerd"  # a "Nee" on paper, or the paper refused
    WITHDRAWN = "ingetrokken"
    EXPIRED = "verlopen"
    WITHOUT_INFORMING = "zonder_informeren"  # ZU-A4B: shared without telling first
    DESPITE_OBJECTION = "ondanks_bezwaar"  # ZW-3, ZU-A4A: shared although the resident said no
    NOTHING_SHARED = "niets_gedeeld"  # the weighing ended the request: nothing goes

    @property
    def label(self) -> Message:
        return Message(f"consent_overview.consent.{self.value}")

    @property
    def refused(self) -> bool:
        return self in (ConsentShown.ORAL_NO, ConsentShown.REFUSED, ConsentShown.WITHDRAWN)


@dataclass(frozen=True, slots=True)
class OrganisationShown:
    """The organisation as the overview names it: the real name with the kind in brackets
    ("Huisartsenpraktijk De Linde (huisarts)"), in either language (a message value)."""

    request: DataRequest = field(repr=False)

    def get(self, lang: str) -> str:
        return shown_organisation(self.request.organisation_named,
                                  self.request.organisation.name.get(lang))


@dataclass(frozen=True, slots=True)
class ConsentLine:
    """One data request as the consent summary shows it."""

    request_id: str
    organisation: OrganisationShown
    direction: Direction
    basis: Basis
    status: Status
    outcome: Message  # the weighing's verdict ("Niet delen"), or "nog niet afgewogen"
    consent: ConsentShown
    secrecy: SecrecyRegime  # the organisation's own secrecy
    # The data come from someone with BIG or SKJ secrecy: a signed consent or release is
    # needed (ZW-4, ZU-A4C). When the team gives data the holder is the team itself.
    holder_has_secrecy: bool

    @property
    def message(self) -> Message:
        """The whole line in one sentence, for a report or a screen reader."""
        return Message("consent_overview.line", organisation=self.organisation,
                       direction=self.direction.phrase, basis=self.basis.label,
                       outcome=self.outcome, consent=self.consent.label,
                       secrecy=(Message("consent_overview.secrecy.yes",
                                        secrecy=self.secrecy.label)
                                if self.holder_has_secrecy
                                else Message("consent_overview.secrecy.no")))


def consent_shown(request: DataRequest, consent: RequestConsent) -> ConsentShown:
    """What the resident said about `request`; `consent` is what the statements covering it
    say together (`request_consent`)."""
    weighing = request.valid_weighing
    kinds = weighing.effect_kinds if weighing is not None else frozenset()
    informing = request.informing
    answer = informing.answer if informing is not None else None
    # The paper first: it is the provable word of whoever decides.
    on_paper = {
        RequestConsent.REFUSED: ConsentShown.REFUSED,
        RequestConsent.WITHDRAWN: ConsentShown.WITHDRAWN,
        RequestConsent.GIVEN: ConsentShown.SIGNED,
        RequestConsent.EXPIRED: ConsentShown.EXPIRED,
        RequestConsent.PENDING: ConsentShown.PENDING,
        RequestConsent.INCOMPLETE: ConsentShown.PENDING,
        RequestConsent.NOT_NEEDED: ConsentShown.NOT_ASKED_TASK,
    }.get(consent)
    if on_paper is not None:
        return on_paper
    if weighing is not None and OutcomeKind.SHARE_WITHOUT_INFORMING in kinds:
        return ConsentShown.WITHOUT_INFORMING
    if (weighing is not None and OutcomeKind.SHARE_DESPITE_OBJECTION in kinds
            and informing is not None and informing.override is not None):
        return ConsentShown.DESPITE_OBJECTION
    if answer is ResidentAnswer.NEE:
        return ConsentShown.ORAL_NO
    if answer is ResidentAnswer.GEINFORMEERD:
        return ConsentShown.NOT_ASKED_TASK
    if weighing is not None and weighing.outcome_kind is not None \
            and weighing.outcome_kind.ends_request:
        return ConsentShown.NOTHING_SHARED
    if needs_written_consent(request):
        return ConsentShown.SIGNATURE_NEEDED
    if answer is ResidentAnswer.JA:
        return ConsentShown.ORAL_YES
    if answer is ResidentAnswer.DEELS:
        return ConsentShown.ORAL_PARTLY
    if request.kind is ItemKind.INFORMATION:
        return ConsentShown.TO_INFORM
    return ConsentShown.NOT_YET


def _outcome(request: DataRequest) -> Message:
    weighing = request.valid_weighing
    verdict = weighing.outcome_kind if weighing is not None else None
    if verdict is None:
        return Message("consent_overview.not_weighed")
    return verdict.message


def consent_overview(
    requests: Iterable[tuple[DataRequest, RequestConsent]],
) -> tuple[ConsentLine, ...]:
    """Per data request (in the order given): organisation, direction, basis, the weighing's
    outcome, the consent, and whether the holder of the data has professional secrecy."""
    lines: list[ConsentLine] = []
    for request, consent in requests:
        regime = request.organisation.regime
        lines.append(ConsentLine(
            request_id=request.id,
            organisation=OrganisationShown(request),
            direction=request.direction,
            basis=request.basis,
            status=status_of(request, consent),
            outcome=_outcome(request),
            consent=consent_shown(request, consent),
            secrecy=regime,
            holder_has_secrecy=(request.direction is Direction.REQUEST_FROM
                                and regime.needs_written_consent),
        ))
    return tuple(lines)
