"""Who signs a toestemmingsverklaring, and what each signer decides on (WGBO 7:447, 7:450,
7:465; BW 1:381, 1:431 ff., 1:450 ff.), with the age taken on the signing date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.consent import ConsentItem, ItemKind, deciders
from desktop_app.domain.people import age_on
from desktop_app.domain.signers import (
    AdultSituation,
    Competence,
    CustodyHolder,
    MinorSituation,
    Relation,
    Signer,
    SignerProblem,
    SignerRole,
    SignerRule,
    rule_on,
    signer_explanation,
    who_signs,
)
from desktop_app.domain.vocabulary import Basis, Direction, SecrecyRegime
from desktop_app.messages import Message, render

D = dt.date
SIGNING = D(2026, 3, 15)
PARENTS = (
    CustodyHolder("Ouder Een (fictief)"),
    CustodyHolder("Ouder Twee (fictief)"),
)
GUARDIAN = (CustodyHolder("Voogd Fictief", SignerRole.GUARDIAN),)
WITH_PARENTS = MinorSituation(custody_holders=PARENTS, custody_checked=True)
CAPABLE = AdultSituation(capable=True)


def born_years_ago(years: int, on: dt.date = SIGNING) -> dt.date:
    """A birth date that makes someone exactly `years` old on `on` (birthday last month)."""
    return D(on.year - years, on.month - 1, 10)


def item(*, financial: bool = False, basis: Basis = Basis.VERDIEPING,
         direction: Direction = Direction.REQUEST_FROM,
         secrecy: SecrecyRegime = SecrecyRegime.BIG) -> ConsentItem:
    return ConsentItem(purpose="Fictief doel", data_items=("Fictief gegeven",),
                       organisation_name="Huisarts", direction=direction, basis=basis,
                       secrecy=secrecy, organisation_named="Praktijk Fictief",
                       financial=financial)


# ---------------------------------------------------------------------------------------------
# Minors (WGBO 7:447, 7:450, 7:465 lid 1)


def test_wgbo_7_465_age_11_each_parent_with_custody_signs() -> None:
    result = who_signs(resident_name="Kind Fictief", birth_date=born_years_ago(11),
                       signing_date=SIGNING, minor=WITH_PARENTS)
    assert result.rule is SignerRule.UNDER_12
    assert result.age == 11
    assert result.signers == (
        Signer(SignerRole.PARENT_WITH_CUSTODY, "Ouder Een (fictief)"),
        Signer(SignerRole.PARENT_WITH_CUSTODY, "Ouder Twee (fictief)"),
    )
    assert all(s.competence is Competence.ALL for s in result.signers)
    assert result.custody_checked is True
    assert result.explanation == (
        "Het kind is 11 jaar. Onder 12 jaar beslissen de ouders met gezag of de voogd. Ieder "
        "kiest en tekent zelf. Wat het kind er zelf van vindt, is besproken.")


def test_age_11_with_guardian_only_the_guardian_signs() -> None:
    result = who_signs(resident_name="Kind Fictief", birth_date=born_years_ago(11),
                       signing_date=SIGNING,
                       minor=MinorSituation(custody_holders=GUARDIAN,
                                            child_view="Fictief: wil graag hulp"))
    assert result.signers == (Signer(SignerRole.GUARDIAN, "Voogd Fictief"),)
    assert result.custody_checked is False  # recorded as not checked: the worker must check
    # The child's view is recorded by the composer, never printed: not part of the signers.
    assert "Fictief: wil graag" not in repr(result)


def test_a_certified_institution_under_voogdij_signs_as_itself() -> None:
    holder = CustodyHolder("Jeugdbescherming Fictief, namens: J. Medewerker",
                           SignerRole.CERTIFIED_INSTITUTION)
    result = who_signs(resident_name="Kind", birth_date=born_years_ago(8), signing_date=SIGNING,
                       minor=MinorSituation(custody_holders=(holder,), custody_checked=True))
    assert [(s.role, s.name) for s in result.signers] == [
        (SignerRole.CERTIFIED_INSTITUTION, holder.name)]
    assert SignerRole.CERTIFIED_INSTITUTION.for_minor


@pytest.mark.parametrize("age", [12, 15])
def test_wgbo_7_450_age_12_to_15_young_person_and_each_parent_sign(age: int) -> None:
    result = who_signs(resident_name="Jongere Fictief", birth_date=born_years_ago(age),
                       signing_date=SIGNING, minor=WITH_PARENTS)
    assert result.rule is SignerRule.FROM_12_TO_15
    assert result.age == age
    # Three signers of their own, each deciding on everything: each may say no per item.
    assert result.signers == (
        Signer(SignerRole.YOUNG_PERSON, "Jongere Fictief"),
        Signer(SignerRole.PARENT_WITH_CUSTODY, "Ouder Een (fictief)"),
        Signer(SignerRole.PARENT_WITH_CUSTODY, "Ouder Twee (fictief)"),
    )
    assert "jongere én iedere ouder met gezag" in result.explanation
    assert deciders(result.signers, item()) == (0, 1, 2)


def test_wgbo_7_450_lid_2_exception_the_parents_do_not_sign_with_a_recorded_reason() -> None:
    reason = "Fictief: de jongere blijft het na goed nadenken willen"
    result = who_signs(resident_name="Jongere", birth_date=born_years_ago(14),
                       signing_date=SIGNING,
                       minor=MinorSituation(custody_holders=PARENTS, custody_checked=True,
                                            exception_reason=f"  {reason} "))
    assert result.rule is SignerRule.FROM_12_TO_15_WITHOUT_PARENTS
    assert result.signers == (Signer(SignerRole.YOUNG_PERSON, "Jongere"),)
    assert result.exception_reason == reason
    assert "artikel 7:450 lid 2" in result.explanation
    assert reason not in repr(result)
    # Under 12 and from 16 there is no such exception: the reason changes nothing.
    for age, rule in ((10, SignerRule.UNDER_12), (16, SignerRule.FROM_16_TO_17)):
        other = who_signs(resident_name="J", birth_date=born_years_ago(age), signing_date=SIGNING,
                          minor=MinorSituation(custody_holders=PARENTS, exception_reason=reason))
        assert other.rule is rule and other.exception_reason == ""


def test_wgbo_7_447_age_16_young_person_signs_alone_even_if_parents_are_given() -> None:
    result = who_signs(resident_name="Jongere Fictief", birth_date=born_years_ago(16),
                       signing_date=SIGNING, minor=WITH_PARENTS)
    assert result.rule is SignerRule.FROM_16_TO_17
    assert result.signers == (Signer(SignerRole.YOUNG_PERSON, "Jongere Fictief"),)
    assert result.explanation == (
        "De jongere is 16 jaar. Vanaf 16 jaar beslist de jongere zelf en tekent alleen.")


def test_minor_without_custody_holders_asks_who_holds_custody() -> None:
    with pytest.raises(SignerProblem) as caught:
        who_signs(resident_name="Kind", birth_date=born_years_ago(9), signing_date=SIGNING)
    assert caught.value.missing == "gezag"
    assert str(caught.value) == (
        "De inwoner is jonger dan 16. Vul in wie het gezag heeft: iedere ouder met gezag, of de "
        "voogd.")
    # A holder without a name is no holder.
    with pytest.raises(SignerProblem):
        who_signs(resident_name="Kind", birth_date=born_years_ago(13), signing_date=SIGNING,
                  minor=MinorSituation(custody_holders=(CustodyHolder("  "),)))


def test_adult_situation_is_ignored_for_a_minor() -> None:
    # Curatele and mentorschap exist only for adults; a 17-year-old decides alone.
    result = who_signs(resident_name="J", birth_date=born_years_ago(17), signing_date=SIGNING,
                       adult=AdultSituation(capable=False, curator="Curator Fictief"))
    assert result.rule is SignerRule.FROM_16_TO_17
    assert [s.role for s in result.signers] == [SignerRole.YOUNG_PERSON]


# ---------------------------------------------------------------------------------------------
# Adults (WGBO 7:465 lid 2 and 3; BW 1:381, 1:438, 1:453)


def test_adult_capacity_must_be_answered() -> None:
    with pytest.raises(SignerProblem) as caught:
        who_signs(resident_name="Inwoner", birth_date=born_years_ago(40), signing_date=SIGNING)
    assert caught.value.missing == "wilsbekwaam"
    assert caught.value.message == Message("signer.capacity_question")


def test_age_18_capable_resident_signs_alone() -> None:
    result = who_signs(resident_name="Inwoner Fictief", birth_date=born_years_ago(18),
                       signing_date=SIGNING, adult=CAPABLE)
    assert result.rule is SignerRule.ADULT
    assert result.signers == (Signer(SignerRole.RESIDENT, "Inwoner Fictief"),)
    assert result.explanation.startswith("De inwoner is 18 jaar en kan zelf")


def test_wgbo_7_465_lid_2_capable_resident_under_curatele_signs_alone() -> None:
    # A curator, mentor or bewindvoerder acts only for a resident who cannot judge this.
    result = who_signs(resident_name="Inwoner Fictief", birth_date=born_years_ago(45),
                       signing_date=SIGNING,
                       adult=AdultSituation(capable=True, curator="Curator Fictief",
                                            mentor="Mentor Fictief",
                                            bewindvoerder="Bewindvoerder Fictief"))
    assert result.rule is SignerRule.ADULT
    assert result.signers == (Signer(SignerRole.RESIDENT, "Inwoner Fictief"),)


def test_wgbo_7_465_lid_2_curator_decides_everything_for_a_resident_without_capacity() -> None:
    result = who_signs(resident_name="Inwoner Fictief", birth_date=born_years_ago(45),
                       signing_date=SIGNING,
                       adult=AdultSituation(capable=False, curator=" Curator Fictief ",
                                            mentor="Mentor genegeerd",
                                            own_view="Fictief: vindt het goed"))
    assert result.rule is SignerRule.ADULT_REPRESENTED
    assert result.signers == (Signer(SignerRole.CURATOR, "Curator Fictief", Competence.ALL),)
    assert deciders(result.signers, item(financial=True)) == (0,)
    assert deciders(result.signers, item(financial=False)) == (0,)
    assert "kan nu niet zelf" in result.explanation


def test_bw_1_453_mentor_decides_on_care_not_on_money() -> None:
    result = who_signs(resident_name="Inwoner", birth_date=born_years_ago(70),
                       signing_date=SIGNING,
                       adult=AdultSituation(capable=False, mentor="Mentor Fictief"))
    assert result.signers == (
        Signer(SignerRole.MENTOR, "Mentor Fictief", Competence.NON_FINANCIAL),)
    assert deciders(result.signers, item(financial=False)) == (0,)
    assert deciders(result.signers, item(financial=True)) == ()  # nobody: a composer problem


def test_bw_1_438_bewindvoerder_decides_only_on_money_and_mentor_on_the_rest() -> None:
    result = who_signs(resident_name="Inwoner", birth_date=born_years_ago(70),
                       signing_date=SIGNING,
                       adult=AdultSituation(capable=False, mentor="Mentor Fictief",
                                            bewindvoerder="Bewindvoerder Fictief"))
    assert result.signers == (
        Signer(SignerRole.MENTOR, "Mentor Fictief", Competence.NON_FINANCIAL),
        Signer(SignerRole.BEWINDVOERDER, "Bewindvoerder Fictief", Competence.FINANCIAL),
    )
    assert deciders(result.signers, item(financial=False)) == (0,)
    assert deciders(result.signers, item(financial=True)) == (1,)
    # Information about the statutory task needs nobody's choice.
    info = item(basis=Basis.TOETSING, secrecy=SecrecyRegime.NONE)
    assert info.kind is ItemKind.INFORMATION and deciders(result.signers, info) == ()


def test_bewindvoerder_alone_decides_only_the_financial_items() -> None:
    result = who_signs(resident_name="Inwoner", birth_date=born_years_ago(50),
                       signing_date=SIGNING,
                       adult=AdultSituation(capable=False, bewindvoerder="Bewindvoerder Fictief"))
    assert [s.role for s in result.signers] == [SignerRole.BEWINDVOERDER]
    assert deciders(result.signers, item(financial=True)) == (0,)
    assert deciders(result.signers, item(financial=False)) == ()


def test_wgbo_7_465_lid_3_representative_needs_the_relation() -> None:
    adult = AdultSituation(capable=False, representative="Partner Fictief")
    with pytest.raises(SignerProblem) as caught:
        who_signs(resident_name="Inwoner", birth_date=born_years_ago(80), signing_date=SIGNING,
                  adult=adult)
    assert caught.value.missing == "vertegenwoordiger"
    assert caught.value.message == Message("signer.relation_missing")
    result = who_signs(resident_name="Inwoner", birth_date=born_years_ago(80),
                       signing_date=SIGNING,
                       adult=AdultSituation(capable=False, representative="Partner Fictief",
                                            representative_relation=Relation.PARTNER))
    assert result.signers == (Signer(SignerRole.REPRESENTATIVE, "Partner Fictief",
                                     Competence.NON_FINANCIAL, Relation.PARTNER),)
    # A mentor goes before a 7:465 lid 3 representative.
    with_mentor = who_signs(resident_name="Inwoner", birth_date=born_years_ago(80),
                            signing_date=SIGNING,
                            adult=AdultSituation(capable=False, mentor="Mentor Fictief",
                                                 representative="Partner Fictief",
                                                 representative_relation=Relation.PARTNER))
    assert [s.role for s in with_mentor.signers] == [SignerRole.MENTOR]


def test_adult_without_capacity_and_without_representative_is_a_problem() -> None:
    with pytest.raises(SignerProblem) as caught:
        who_signs(resident_name="Inwoner", birth_date=born_years_ago(80), signing_date=SIGNING,
                  adult=AdultSituation(capable=False))
    assert caught.value.missing == "vertegenwoordiger"
    assert "schriftelijk gemachtigde" in str(caught.value)


# ---------------------------------------------------------------------------------------------
# Dates and words


def test_signing_before_the_birth_date_asks_to_check_the_date() -> None:
    with pytest.raises(SignerProblem) as caught:
        who_signs(resident_name="Kind", birth_date=SIGNING, signing_date=D(2026, 3, 14))
    assert caught.value.missing == "geboortedatum"
    assert caught.value.message == Message("consent.problem.signing_before_birth")


def test_problems_say_what_to_ask_and_read_in_english() -> None:
    with pytest.raises(SignerProblem) as caught:
        who_signs(resident_name="Kind", birth_date=born_years_ago(9), signing_date=SIGNING)
    assert caught.value.render("en") == (
        "The resident is younger than 16. Fill in who has parental authority: each parent "
        "with authority, or the guardian.")
    with pytest.raises(SignerProblem) as caught:
        who_signs(resident_name="R", birth_date=born_years_ago(45), signing_date=SIGNING,
                  adult=AdultSituation(capable=False))
    english = caught.value.render("en")
    assert "curator" in english and "mentor" in english and " de " not in english


def test_role_words_relations_competences_and_explanations_read_in_both_languages() -> None:
    words = {role: (render(role.word, "nl"), render(role.word, "en")) for role in SignerRole}
    assert words[SignerRole.PARENT_WITH_CUSTODY] == ("ouder met gezag",
                                                     "parent with parental authority")
    assert all(nl and en and role.word.key not in (nl, en) for role, (nl, en) in words.items())
    for message in (*(r.word for r in Relation),
                    *(Message(f"signer.competence.{c.value}") for c in Competence)):
        assert render(message, "nl") and render(message, "en") != render(message, "nl")
    for rule in SignerRule:
        reason = signer_explanation(rule, 14)
        dutch, english = render(reason, "nl"), render(reason, "en")
        assert dutch and english and dutch != english and reason.key not in (dutch, english)
    # The Dutch is what is printed on the statement (and covered by its hash).
    result = who_signs(resident_name="J", birth_date=born_years_ago(13), signing_date=SIGNING,
                       minor=WITH_PARENTS)
    assert result.explanation == render(result.reason, "nl")
    assert render(result.reason, "en") == (
        "The young person is 13 years old. From 12 to 16, the young person and each parent "
        "with parental authority (or the guardian) decide. Each chooses yes or no and signs.")


def test_child_turning_12_between_intake_and_signing() -> None:
    birth = D(2014, 4, 2)
    intake, signing = D(2026, 3, 20), D(2026, 4, 2)
    assert age_on(birth, intake) == 11
    at_intake = who_signs(resident_name="Kind", birth_date=birth, signing_date=intake,
                          minor=WITH_PARENTS)
    at_signing = who_signs(resident_name="Kind", birth_date=birth, signing_date=signing,
                           minor=WITH_PARENTS)
    assert at_intake.rule is SignerRule.UNDER_12
    assert at_signing.rule is SignerRule.FROM_12_TO_15
    assert at_signing.signers[0] == Signer(SignerRole.YOUNG_PERSON, "Kind")
    assert rule_on(birth, intake) is SignerRule.UNDER_12
    assert rule_on(birth, signing) is SignerRule.FROM_12_TO_15


def test_young_person_turning_16_on_a_29_february_birthday() -> None:
    birth = D(2012, 2, 29)

    def rule(on: dt.date) -> SignerRule:
        return who_signs(resident_name="J", birth_date=birth, signing_date=on,
                         minor=WITH_PARENTS).rule

    # 2028 is a leap year: 16 on 29 February itself.
    assert rule(D(2028, 2, 28)) is SignerRule.FROM_12_TO_15
    assert rule(D(2028, 2, 29)) is SignerRule.FROM_16_TO_17
    # 2027 is not: 15 on 1 March, still 14 on 28 February.
    assert who_signs(resident_name="J", birth_date=birth, signing_date=D(2027, 3, 1),
                     minor=WITH_PARENTS).age == 15
    assert age_on(birth, D(2027, 2, 28)) == 14


def test_rule_on_for_checking_a_signing_date() -> None:
    birth = born_years_ago(14)
    assert rule_on(birth, SIGNING, exception=True) is SignerRule.FROM_12_TO_15_WITHOUT_PARENTS
    assert rule_on(born_years_ago(30), SIGNING) is SignerRule.ADULT
    assert rule_on(born_years_ago(30), SIGNING, represented=True) is (
        SignerRule.ADULT_REPRESENTED)
    assert SignerRule.UNDER_12.minor and not SignerRule.FROM_16_TO_17.minor


@given(
    birth=st.dates(min_value=D(1930, 1, 1), max_value=D(2026, 1, 1)),
    days_after=st.integers(min_value=0, max_value=3 * 366),
    capable=st.booleans(),
)
def test_rule_follows_age_on_signing_date(birth: dt.date, days_after: int,
                                          capable: bool) -> None:
    signing = D(2026, 1, 1) + dt.timedelta(days=days_after)
    result = who_signs(
        resident_name="R", birth_date=birth, signing_date=signing, minor=WITH_PARENTS,
        adult=AdultSituation(capable=capable, curator="" if capable else "Curator Fictief"))
    age = age_on(birth, signing)
    assert result.age == age
    expected = (
        SignerRule.UNDER_12 if age < 12
        else SignerRule.FROM_12_TO_15 if age < 16
        else SignerRule.FROM_16_TO_17 if age < 18
        else SignerRule.ADULT if capable
        else SignerRule.ADULT_REPRESENTED
    )
    assert result.rule is expected
    assert rule_on(birth, signing, represented=not capable) is expected
    roles = [s.role for s in result.signers]
    assert (SignerRole.PARENT_WITH_CUSTODY in roles) is (age < 16)
    assert (SignerRole.YOUNG_PERSON in roles) is (12 <= age < 18)
    assert (SignerRole.CURATOR in roles) is (age >= 18 and not capable)
    # Every signer decides on a plain consent item, except a bewindvoerder (money only).
    assert deciders(result.signers, item()) == tuple(range(len(result.signers)))
