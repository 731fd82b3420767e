"""What the signatures on a statement mean per item (AVG art. 4 lid 11, art. 7 lid 1: consent
is specific and provable, per signer and per item), the age on the signing date, and reading
statements of both content schemas back."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.domain.consent import (
    LEGACY_SHARED,
    Choice,
    ConsentItem,
    ConsentResident,
    ConsentStatement,
    Controller,
    ItemKind,
    ItemOutcome,
    SignerRecord,
    StoredStatement,
    canonical_json,
    data_of,
    item_outcomes,
    signing_date_problem,
)
from desktop_app.domain.signers import (
    AdultSituation,
    CustodyHolder,
    MinorSituation,
    SignerRequirement,
    SignerRole,
    SignerRule,
    who_signs,
)
from desktop_app.domain.vocabulary import Basis, Direction, SecrecyRegime
from desktop_app.messages import Message

D = dt.date
MADE = D(2026, 11, 22)
PARENTS = (CustodyHolder("Ouder Een (fictief)"), CustodyHolder("Ouder Twee (fictief)"))


def consent_item(name: str, *, basis: Basis = Basis.VERDIEPING,
                 secrecy: SecrecyRegime = SecrecyRegime.BIG,
                 financial: bool = False) -> ConsentItem:
    return ConsentItem(purpose="Fictief doel", data_items=("Fictief gegeven",),
                       organisation_name="Huisarts", direction=Direction.REQUEST_FROM,
                       basis=basis, secrecy=secrecy, organisation_named=name,
                       financial=financial)


def statement(signers: SignerRequirement, items: tuple[ConsentItem, ...],
              birth: dt.date) -> ConsentStatement:
    return ConsentStatement(
        document_number="TV-2026-000001-A", statement_version=1, template_id="t",
        template_version=2, template_hash="0" * 64,
        controller=Controller("Gemeente Fictief", "Team", "Medewerker", "functie"),
        resident=ConsentResident("Zoë Fictief", birth), items=items,
        valid_until=D(2027, 11, 22), composed_on=MADE, signers=signers)


def stored(made: ConsentStatement) -> StoredStatement:
    # Through JSON, as the store keeps it.
    return StoredStatement.from_content(json.loads(canonical_json(made.canonical_content())))


def fourteen() -> StoredStatement:
    birth = D(2012, 5, 3)
    signers = who_signs(resident_name="Zoë Fictief", birth_date=birth, signing_date=MADE,
                        minor=MinorSituation(custody_holders=PARENTS, custody_checked=True))
    return stored(statement(signers, (consent_item("Praktijk A"), consent_item("Praktijk B"),
                                      consent_item("Gemeente", basis=Basis.TOETSING,
                                                   secrecy=SecrecyRegime.NONE)), birth))


def signed(signer: int, on: dt.date, **choices: Choice) -> SignerRecord:
    return SignerRecord(signer, True, on, {int(k[1:]): v for k, v in choices.items()})


def test_wgbo_7_450_each_signer_decides_per_item_and_one_nee_refuses() -> None:
    read = fourteen()
    assert [s.role for s in read.signers] == [SignerRole.YOUNG_PERSON,
                                              SignerRole.PARENT_WITH_CUSTODY,
                                              SignerRole.PARENT_WITH_CUSTODY]
    assert [i.kind for i in read.items] == [ItemKind.CONSENT, ItemKind.CONSENT,
                                            ItemKind.INFORMATION]
    assert [i.deciders for i in read.items] == [(0, 1, 2), (0, 1, 2), ()]
    assert item_outcomes(read, None) == {0: ItemOutcome.OPEN, 1: ItemOutcome.OPEN,
                                         2: ItemOutcome.NOT_NEEDED}
    records = [signed(0, MADE, i0=Choice.JA, i1=Choice.JA),
               signed(1, MADE, i0=Choice.JA, i1=Choice.JA),
               signed(2, MADE, i0=Choice.JA, i1=Choice.NEE)]
    assert item_outcomes(read, records) == {0: ItemOutcome.GIVEN, 1: ItemOutcome.REFUSED,
                                            2: ItemOutcome.NOT_NEEDED}


def test_a_second_parent_who_signs_later_completes_the_item() -> None:
    read = fourteen()
    first = [signed(0, MADE, i0=Choice.JA, i1=Choice.JA),
             signed(1, MADE, i0=Choice.JA, i1=Choice.JA)]
    assert item_outcomes(read, first)[0] is ItemOutcome.INCOMPLETE
    later = [*first, signed(2, MADE + dt.timedelta(days=7), i0=Choice.JA, i1=Choice.JA)]
    assert item_outcomes(read, later)[0] is ItemOutcome.GIVEN
    # A later record of the same signer replaces the earlier one.
    corrected = [*later, signed(2, MADE + dt.timedelta(days=8), i0=Choice.NEE)]
    assert item_outcomes(read, corrected)[0] is ItemOutcome.REFUSED
    assert item_outcomes(read, corrected)[1] is ItemOutcome.INCOMPLETE  # box left empty


def test_not_signed_empty_box_refused_withdrawn_expired() -> None:
    read = fourteen()
    all_yes = [signed(i, MADE, i0=Choice.JA, i1=Choice.JA) for i in range(3)]
    # A signer who did not sign: a Ja of theirs does not count.
    unsigned = [*all_yes[:2], SignerRecord(2, False, None, {0: Choice.JA})]
    assert item_outcomes(read, unsigned)[0] is ItemOutcome.INCOMPLETE
    assert item_outcomes(read, all_yes, refused=True)[0] is ItemOutcome.REFUSED
    gone = item_outcomes(read, all_yes, withdrawn=[1])
    assert (gone[0], gone[1]) == (ItemOutcome.GIVEN, ItemOutcome.WITHDRAWN)
    # Expired: given, but the validity date has passed on the evaluation day.
    assert item_outcomes(read, all_yes, today=D(2027, 11, 22))[0] is ItemOutcome.GIVEN
    assert item_outcomes(read, all_yes, today=D(2027, 11, 23))[0] is ItemOutcome.EXPIRED
    # A refusal stays a refusal after a withdrawal (nothing to withdraw).
    refused = [*all_yes[:2], signed(2, MADE, i0=Choice.NEE, i1=Choice.JA)]
    assert item_outcomes(read, refused, withdrawn=[0])[0] is ItemOutcome.REFUSED


def test_bw_1_438_bewindvoerder_and_mentor_each_decide_their_own_items() -> None:
    birth = D(1950, 1, 1)
    signers = who_signs(resident_name="Zoë Fictief", birth_date=birth, signing_date=MADE,
                        adult=AdultSituation(capable=False, mentor="Mentor Fictief",
                                             bewindvoerder="Bewindvoerder Fictief"))
    read = stored(statement(signers, (consent_item("Praktijk A"),
                                      consent_item("Schuldhulp Fictief", financial=True)),
                            birth))
    assert [i.deciders for i in read.items] == [(0,), (1,)]
    records = [signed(0, MADE, i0=Choice.JA), signed(1, MADE, i1=Choice.NEE)]
    assert item_outcomes(read, records) == {0: ItemOutcome.GIVEN, 1: ItemOutcome.REFUSED}


def test_the_age_on_the_signing_date_decides() -> None:
    read = fourteen()
    assert signing_date_problem(read, MADE) is None
    birth = read.birth_date
    sixteenth = D(birth.year + 16, birth.month, birth.day)
    problem = signing_date_problem(read, sixteenth)
    assert problem == Message("consent.problem.rule_changed_at_signing", date=sixteenth, age=16,
                              name="Zoë Fictief")
    assert "Maak een nieuwe verklaring" in str(problem)
    assert signing_date_problem(read, sixteenth - dt.timedelta(days=1)) is None
    # An 11-year-old's statement signed on the 12th birthday: the child must sign too.
    birth11 = D(2015, 1, 10)
    signers = who_signs(resident_name="Kind", birth_date=birth11, signing_date=MADE,
                        minor=MinorSituation(custody_holders=PARENTS, custody_checked=True))
    young = stored(statement(signers, (consent_item("Praktijk A"),), birth11))
    assert young.rule is SignerRule.UNDER_12
    assert signing_date_problem(young, D(2027, 1, 10)) is not None
    # Without the parents (7:450 lid 2) and signing on the 16th birthday: still the young
    # person alone, so the paper fits.
    alone = who_signs(resident_name="Zoë Fictief", birth_date=birth, signing_date=MADE,
                      minor=MinorSituation(exception_reason="Fictief: ernstig nadeel"))
    without = stored(statement(alone, (consent_item("Praktijk A"),), birth))
    assert without.rule is SignerRule.FROM_12_TO_15_WITHOUT_PARENTS
    assert signing_date_problem(without, sixteenth) is None
    # 17 signing at 18 changes nothing: the young person already decided alone.
    birth17 = D(2009, 1, 10)
    signers = who_signs(resident_name="J", birth_date=birth17, signing_date=MADE)
    older = stored(statement(signers, (consent_item("Praktijk A"),), birth17))
    assert signing_date_problem(older, D(2027, 1, 10)) is None
    assert signing_date_problem(older, D(2000, 1, 1)) == Message(
        "consent.problem.signing_before_birth")


def test_data_of_addresses_the_signers() -> None:
    birth = D(2018, 1, 1)
    parents = who_signs(resident_name="Kind Fictief", birth_date=birth, signing_date=MADE,
                        minor=MinorSituation(custody_holders=PARENTS, custody_checked=True))
    made = statement(parents, (consent_item("Praktijk A"),), birth)
    assert data_of(made) == "de gegevens van uw kind Zoë Fictief"
    guardian = who_signs(resident_name="Kind Fictief", birth_date=birth, signing_date=MADE,
                         minor=MinorSituation(custody_holders=(
                             CustodyHolder("Voogd", SignerRole.GUARDIAN),)))
    assert data_of(statement(guardian, (), birth)) == "de gegevens van Zoë Fictief"
    alone = who_signs(resident_name="Zoë Fictief", birth_date=D(1990, 1, 1), signing_date=MADE,
                      adult=AdultSituation(capable=True))
    assert data_of(statement(alone, (), D(1990, 1, 1))) == "uw gegevens"


def test_old_statements_read_back_with_one_shared_column() -> None:
    """Content schema WI-TV-1 (before issue 14): signers as [role, name], one Ja/Nee column for
    all, a printed place and signing date."""
    content = {
        "document_number": "TV-2026-000001-A", "statement_version": 1,
        "items": [{"purpose": "Doel", "data_items": ["Gegeven"], "organisation": "Huisarts",
                   "direction": "opvragen_bij", "basis": "verdieping", "secrecy": "big"}],
        "valid_until": "2027-11-22", "place": "Voorbeeldstad", "signing_date": "2026-11-22",
        "resident": {"name": "Zoë Fictief", "birth_date": "2012-05-03", "bsn": None},
        "signers": {"rule": "12_tot_16", "age": 14, "explanation": "…", "custody_checked": True,
                    "signers": [["jongere", "Zoë Fictief"], ["ouder_met_gezag", "Ouder Een"]]},
    }
    read = StoredStatement.from_content(content)
    assert read.legacy and read.composed_on == MADE
    assert [i.deciders for i in read.items] == [(LEGACY_SHARED,)]
    assert read.decider_indexes() == (LEGACY_SHARED, 0, 1)
    both_signed = [SignerRecord(0, True, MADE), SignerRecord(1, True, MADE)]
    # Signed, but nobody recorded what the shared column says: locked.
    assert item_outcomes(read, both_signed)[0] is ItemOutcome.INCOMPLETE
    shared_yes = [*both_signed, SignerRecord(LEGACY_SHARED, True, MADE, {0: Choice.JA})]
    assert item_outcomes(read, shared_yes)[0] is ItemOutcome.GIVEN
    shared_no = [*both_signed, SignerRecord(LEGACY_SHARED, True, MADE, {0: Choice.NEE})]
    assert item_outcomes(read, shared_no)[0] is ItemOutcome.REFUSED
    one_signed = [both_signed[0], SignerRecord(LEGACY_SHARED, True, MADE, {0: Choice.JA})]
    assert item_outcomes(read, one_signed)[0] is ItemOutcome.INCOMPLETE
    for rule in ("16_en_ouder", "curatele"):
        legacy_rule = StoredStatement.from_content(
            {**content, "signers": {**content["signers"], "rule": rule}})
        assert signing_date_problem(legacy_rule, MADE) is None


@pytest.mark.parametrize("choice", list(Choice))
def test_signer_records_round_trip(choice: Choice) -> None:
    record = SignerRecord(2, True, MADE, {0: choice, 3: Choice.JA})
    assert SignerRecord.from_dict(json.loads(json.dumps(record.to_dict()))) == record
    assert record.choice(0) is choice and record.choice(1) is Choice.LEEG
    assert SignerRecord(2, False, None, {0: Choice.JA}).choice(0) is Choice.LEEG
