"""Who must sign a consent statement for a resident.

Rules (DOMAIN.md "Who signs"; WGBO art. 7:450 and Jeugdwet 7.3.x):
- under 12: the parent(s) with custody (gezag) or the guardian (voogd);
- 12 up to and including 15: both the young person and the parent(s) with custody;
- 16 and older: the young person / resident alone;
- an adult under curatele: the curator.
Age is taken on the date of signing. The worker must check who holds custody: the program asks
and records it, it cannot know it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from desktop_app.domain.people import age_on
from desktop_app.messages import Message, MessageError, render


class SignerRole(StrEnum):
    RESIDENT = "inwoner"
    YOUNG_PERSON = "jongere"
    PARENT_WITH_CUSTODY = "ouder_met_gezag"
    GUARDIAN = "voogd"
    CURATOR = "curator"

    @property
    def word(self) -> Message:
        """The role in words, as shown after a signer's name: 'ouder met gezag'."""
        return Message(f"signer.role.{self.value}")


class SignerRule(StrEnum):
    UNDER_12 = "jonger_dan_12"
    FROM_12_TO_15 = "12_tot_16"
    FROM_16 = "16_en_ouder"
    CURATELE = "curatele"


@dataclass(frozen=True, slots=True)
class CustodyHolder:
    """A person who holds parental custody (gezag) or guardianship over a minor."""

    name: str = field(repr=False)  # never in logs or tracebacks
    role: SignerRole = SignerRole.PARENT_WITH_CUSTODY  # or GUARDIAN


@dataclass(frozen=True, slots=True)
class Signer:
    role: SignerRole
    name: str = field(repr=False)


def signer_explanation(rule: SignerRule, age: int) -> Message:
    """Why these people sign: 'De jongere is 13 jaar. Van 12 tot 16 jaar tekenen …'. Depends on
    the rule and the age only, so a stored statement gives it back in the worker's language."""
    return Message(f"signer.explanation.{rule.value}", age=age)


@dataclass(frozen=True, slots=True)
class SignerRequirement:
    rule: SignerRule
    age: int
    signers: tuple[Signer, ...]
    custody_checked: bool

    @property
    def reason(self) -> Message:
        """Why these people sign, for the worker (in the UI language)."""
        return signer_explanation(self.rule, self.age)

    @property
    def explanation(self) -> str:
        """The same words in Dutch, as printed on the statement and covered by its hash."""
        return render(self.reason, "nl")


class SignerProblem(MessageError, ValueError):
    """The information needed to decide who signs is missing or wrong; the message says what.
    `.missing` names what the composer must ask: 'curator', 'gezag' or 'geboortedatum'.
    (A ValueError as well: callers of `who_signs` have always caught one.)"""

    def __init__(self, message: Message, missing: str) -> None:
        super().__init__(message)
        self.missing = missing


def who_signs(
    *,
    resident_name: str,
    birth_date: dt.date,
    signing_date: dt.date,
    custody_holders: tuple[CustodyHolder, ...] = (),
    custody_checked: bool = False,
    under_curatele: bool = False,
    curator_name: str | None = None,
) -> SignerRequirement:
    """Decide who must sign, on the date of signing."""
    if signing_date < birth_date:
        raise SignerProblem(Message("consent.problem.signing_before_birth"), "geboortedatum")
    age = age_on(birth_date, signing_date)
    if age >= 18 and under_curatele:
        if not curator_name:
            raise SignerProblem(Message("signer.curator_missing"), "curator")
        return SignerRequirement(
            rule=SignerRule.CURATELE,
            age=age,
            signers=(Signer(SignerRole.CURATOR, curator_name),),
            custody_checked=custody_checked,
        )
    if age >= 16:
        role = SignerRole.RESIDENT if age >= 18 else SignerRole.YOUNG_PERSON
        return SignerRequirement(
            rule=SignerRule.FROM_16,
            age=age,
            signers=(Signer(role, resident_name),),
            custody_checked=custody_checked,
        )
    if not custody_holders:
        raise SignerProblem(Message("signer.custody_missing"), "gezag")
    parents = tuple(Signer(h.role, h.name) for h in custody_holders)
    if age >= 12:
        return SignerRequirement(
            rule=SignerRule.FROM_12_TO_15,
            age=age,
            signers=(Signer(SignerRole.YOUNG_PERSON, resident_name), *parents),
            custody_checked=custody_checked,
        )
    return SignerRequirement(
        rule=SignerRule.UNDER_12,
        age=age,
        signers=parents,
        custody_checked=custody_checked,
    )
