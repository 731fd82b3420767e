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


class SignerRole(StrEnum):
    RESIDENT = "inwoner"
    YOUNG_PERSON = "jongere"
    PARENT_WITH_CUSTODY = "ouder_met_gezag"
    GUARDIAN = "voogd"
    CURATOR = "curator"


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


@dataclass(frozen=True, slots=True)
class SignerRequirement:
    rule: SignerRule
    age: int
    signers: tuple[Signer, ...]
    explanation: str  # plain Dutch, shown to the worker
    custody_checked: bool


class SignerProblem(ValueError):
    """The information needed to decide who signs is missing; the message says what."""


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
    age = age_on(birth_date, signing_date)
    if age >= 18 and under_curatele:
        if not curator_name:
            raise SignerProblem("Vul de naam van de curator in: die tekent voor de inwoner.")
        return SignerRequirement(
            rule=SignerRule.CURATELE,
            age=age,
            signers=(Signer(SignerRole.CURATOR, curator_name),),
            explanation="De inwoner staat onder curatele. De curator tekent.",
            custody_checked=custody_checked,
        )
    if age >= 16:
        role = SignerRole.RESIDENT if age >= 18 else SignerRole.YOUNG_PERSON
        return SignerRequirement(
            rule=SignerRule.FROM_16,
            age=age,
            signers=(Signer(role, resident_name),),
            explanation=(
                f"De inwoner is {age} jaar. Vanaf 16 jaar tekent de inwoner zelf."
            ),
            custody_checked=custody_checked,
        )
    if not custody_holders:
        raise SignerProblem(
            "De inwoner is jonger dan 16. Vul in wie het gezag heeft (ouder of voogd)."
        )
    parents = tuple(Signer(h.role, h.name) for h in custody_holders)
    if age >= 12:
        return SignerRequirement(
            rule=SignerRule.FROM_12_TO_15,
            age=age,
            signers=(Signer(SignerRole.YOUNG_PERSON, resident_name), *parents),
            explanation=(
                f"De jongere is {age} jaar. Van 12 tot 16 jaar tekenen de jongere én "
                "de ouder(s) met gezag."
            ),
            custody_checked=custody_checked,
        )
    return SignerRequirement(
        rule=SignerRule.UNDER_12,
        age=age,
        signers=parents,
        explanation=(
            f"Het kind is {age} jaar. Onder 12 jaar tekenen de ouder(s) met gezag of de voogd."
        ),
        custody_checked=custody_checked,
    )
