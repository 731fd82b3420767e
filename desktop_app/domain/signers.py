"""Who must sign a consent statement, and what each signer decides on.

Rules (DOMAIN.md "Who signs"), taken on the date of signing:
- under 12: each parent with custody (gezag), or the guardian (voogd, a person or a certified
  institution under voogdij); they decide (WGBO art. 7:465 lid 1). The child's own view is
  heard and recorded;
- 12 up to 16: the young person AND each parent with custody, each with an own signature and
  own choices (WGBO art. 7:450 lid 2; Jeugdwet art. 7.3.4 lid 2). The statutory exception
  — going ahead without the parents to prevent serious harm to the young person, or when the
  young person keeps wishing it after consideration — is a recorded choice with its reason;
- 16 and 17: the young person alone (WGBO art. 7:447);
- 18 and older: the resident, when able to judge this decision (wilsbekwaam ter zake). Only for
  a resident who is not (WGBO art. 7:465 lid 2 and 3): the curator (everything); or the mentor
  (everything except money, BW art. 1:453) and the bewindvoerder (money only, BW art. 1:438);
  without a mentor, for what is not money: the person the resident authorised in writing, else
  the spouse, registered partner or life companion, else a parent, child, brother or sister.
  The resident's own view is recorded.
The worker checks who holds custody (gezagsregister) and whether the resident can judge this:
the program asks and records it, it cannot know it.
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
    GUARDIAN = "voogd"  # a person
    CERTIFIED_INSTITUTION = "gecertificeerde_instelling"  # voogdij by a GI, through a person
    CURATOR = "curator"
    MENTOR = "mentor"
    BEWINDVOERDER = "bewindvoerder"
    REPRESENTATIVE = "vertegenwoordiger"  # WGBO 7:465 lid 3

    @property
    def word(self) -> Message:
        """The role in words, as shown after a signer's name: 'ouder met gezag'."""
        return Message(f"signer.role.{self.value}")

    @property
    def for_minor(self) -> bool:
        return self in (SignerRole.PARENT_WITH_CUSTODY, SignerRole.GUARDIAN,
                        SignerRole.CERTIFIED_INSTITUTION)


class Relation(StrEnum):
    """Who a 7:465 lid 3 representative is, in the law's order of precedence."""

    AUTHORISED = "schriftelijk_gemachtigde"
    PARTNER = "partner"  # spouse, registered partner or other life companion
    PARENT = "ouder"
    CHILD = "kind"
    SIBLING = "broer_of_zus"

    @property
    def word(self) -> Message:
        return Message(f"signer.relation.{self.value}")


class Competence(StrEnum):
    """What a signer may decide on."""

    ALL = "alles"
    FINANCIAL = "geldzaken"  # bewindvoerder (BW 1:431 ff.)
    NON_FINANCIAL = "zorg"  # mentor (BW 1:450 ff.), WGBO 7:465 lid 3 representative

    def covers(self, financial: bool) -> bool:
        if self is Competence.ALL:
            return True
        return financial if self is Competence.FINANCIAL else not financial


class SignerRule(StrEnum):
    UNDER_12 = "jonger_dan_12"
    FROM_12_TO_15 = "12_tot_16"
    FROM_12_TO_15_WITHOUT_PARENTS = "12_tot_16_zonder_ouders"
    FROM_16_TO_17 = "16_en_17"
    ADULT = "volwassene"
    ADULT_REPRESENTED = "volwassene_vertegenwoordigd"
    # Rules of statements made before the per-signer model (kept to read them back).
    LEGACY_FROM_16 = "16_en_ouder"
    LEGACY_CURATELE = "curatele"

    @property
    def minor(self) -> bool:
        return self in (SignerRule.UNDER_12, SignerRule.FROM_12_TO_15,
                        SignerRule.FROM_12_TO_15_WITHOUT_PARENTS)


@dataclass(frozen=True, slots=True)
class CustodyHolder:
    """A person who holds parental custody (gezag) or guardianship over a minor; for a
    certified institution, the institution with the person who signs for it."""

    name: str = field(repr=False)  # never in logs or tracebacks
    role: SignerRole = SignerRole.PARENT_WITH_CUSTODY  # or GUARDIAN / CERTIFIED_INSTITUTION


@dataclass(frozen=True, slots=True)
class Signer:
    role: SignerRole
    name: str = field(repr=False)
    competence: Competence = Competence.ALL
    relation: Relation | None = None  # for a 7:465 lid 3 representative

    def decides(self, financial: bool) -> bool:
        return self.competence.covers(financial)


@dataclass(frozen=True, slots=True)
class MinorSituation:
    """What the worker knows about a minor's custody (ignored for adults)."""

    custody_holders: tuple[CustodyHolder, ...] = ()
    custody_checked: bool = False
    # 12-15: why the parents do not sign (WGBO 7:450 lid 2); empty: they sign.
    exception_reason: str = field(default="", repr=False)
    child_view: str = field(default="", repr=False)  # recorded, not printed


@dataclass(frozen=True, slots=True)
class AdultSituation:
    """What the worker knows about an adult's capacity and representation."""

    capable: bool | None = None  # can the resident judge this decision? None: not asked yet
    curator: str = field(default="", repr=False)
    mentor: str = field(default="", repr=False)
    bewindvoerder: str = field(default="", repr=False)
    representative: str = field(default="", repr=False)  # WGBO 7:465 lid 3
    representative_relation: Relation | None = None
    own_view: str = field(default="", repr=False)  # recorded, not printed


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
    exception_reason: str = field(default="", repr=False)

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
    `.missing` names what the composer must ask: 'gezag', 'wilsbekwaam', 'vertegenwoordiger'
    or 'geboortedatum'. (A ValueError as well: callers of `who_signs` have always caught one.)"""

    def __init__(self, message: Message, missing: str) -> None:
        super().__init__(message)
        self.missing = missing


def rule_on(birth_date: dt.date, day: dt.date, *, represented: bool = False,
            exception: bool = False) -> SignerRule:
    """The rule for the resident's age on `day` (for checking a signing date too)."""
    age = age_on(birth_date, day)
    if age >= 18:
        return SignerRule.ADULT_REPRESENTED if represented else SignerRule.ADULT
    if age >= 16:
        return SignerRule.FROM_16_TO_17
    if age >= 12:
        return (SignerRule.FROM_12_TO_15_WITHOUT_PARENTS if exception
                else SignerRule.FROM_12_TO_15)
    return SignerRule.UNDER_12


def who_signs(
    *,
    resident_name: str,
    birth_date: dt.date,
    signing_date: dt.date,
    minor: MinorSituation | None = None,
    adult: AdultSituation | None = None,
) -> SignerRequirement:
    """Decide who signs, and for what, on the date of signing."""
    if signing_date < birth_date:
        raise SignerProblem(Message("consent.problem.signing_before_birth"), "geboortedatum")
    minor = minor or MinorSituation()
    adult = adult or AdultSituation()
    age = age_on(birth_date, signing_date)
    if age >= 18:
        return _adult(resident_name, age, adult)
    if age >= 16:
        return SignerRequirement(SignerRule.FROM_16_TO_17, age,
                                 (Signer(SignerRole.YOUNG_PERSON, resident_name),),
                                 minor.custody_checked)
    holders = tuple(h for h in minor.custody_holders if h.name.strip())
    if age >= 12 and minor.exception_reason.strip():
        return SignerRequirement(SignerRule.FROM_12_TO_15_WITHOUT_PARENTS, age,
                                 (Signer(SignerRole.YOUNG_PERSON, resident_name),),
                                 minor.custody_checked, minor.exception_reason.strip())
    if not holders:
        raise SignerProblem(Message("signer.custody_missing"), "gezag")
    parents = tuple(Signer(h.role, h.name) for h in holders)
    if age >= 12:
        return SignerRequirement(SignerRule.FROM_12_TO_15, age,
                                 (Signer(SignerRole.YOUNG_PERSON, resident_name), *parents),
                                 minor.custody_checked)
    return SignerRequirement(SignerRule.UNDER_12, age, parents, minor.custody_checked)


def _adult(resident_name: str, age: int, adult: AdultSituation) -> SignerRequirement:
    if adult.capable is None:
        raise SignerProblem(Message("signer.capacity_question"), "wilsbekwaam")
    if adult.capable:
        # A curator, mentor or bewindvoerder acts only for a resident who cannot judge this
        # (WGBO 7:465 lid 2): a capable resident decides alone.
        return SignerRequirement(SignerRule.ADULT, age,
                                 (Signer(SignerRole.RESIDENT, resident_name),), False)
    signers: list[Signer] = []
    if adult.curator.strip():
        signers.append(Signer(SignerRole.CURATOR, adult.curator.strip()))
    else:
        if adult.mentor.strip():
            signers.append(Signer(SignerRole.MENTOR, adult.mentor.strip(),
                                  Competence.NON_FINANCIAL))
        elif adult.representative.strip():
            signers.append(Signer(SignerRole.REPRESENTATIVE, adult.representative.strip(),
                                  Competence.NON_FINANCIAL, adult.representative_relation))
        if adult.bewindvoerder.strip():
            signers.append(Signer(SignerRole.BEWINDVOERDER, adult.bewindvoerder.strip(),
                                  Competence.FINANCIAL))
    if not signers:
        raise SignerProblem(Message("signer.representative_missing"), "vertegenwoordiger")
    relation_missing = any(s.role is SignerRole.REPRESENTATIVE and s.relation is None
                           for s in signers)
    if relation_missing:
        raise SignerProblem(Message("signer.relation_missing"), "vertegenwoordiger")
    return SignerRequirement(SignerRule.ADULT_REPRESENTED, age, tuple(signers), False)
