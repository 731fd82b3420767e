"""Who signs a toestemmingsverklaring, with the age taken on the signing date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.people import age_on
from desktop_app.domain.signers import (
    CustodyHolder,
    Signer,
    SignerProblem,
    SignerRole,
    SignerRule,
    signer_explanation,
    who_signs,
)
from desktop_app.messages import Message, render

D = dt.date
SIGNING = D(2026, 3, 15)
PARENTS = (
    CustodyHolder("Ouder Een (fictief)"),
    CustodyHolder("Ouder Twee (fictief)"),
)
GUARDIAN = (CustodyHolder("Voogd Fictief", SignerRole.GUARDIAN),)


def born_years_ago(years: int, on: dt.date = SIGNING) -> dt.date:
    """A birth date that makes someone exactly `years` old on `on` (birthday last month)."""
    return D(on.year - years, on.month - 1, 10)


def test_age_11_parents_with_custody_sign() -> None:
    result = who_signs(
        resident_name="Kind Fictief",
        birth_date=born_years_ago(11),
        signing_date=SIGNING,
        custody_holders=PARENTS,
        custody_checked=True,
    )
    assert result.rule is SignerRule.UNDER_12
    assert result.age == 11
    assert result.signers == (
        Signer(SignerRole.PARENT_WITH_CUSTODY, "Ouder Een (fictief)"),
        Signer(SignerRole.PARENT_WITH_CUSTODY, "Ouder Twee (fictief)"),
    )
    assert result.custody_checked is True
    assert result.explanation == (
        "Het kind is 11 jaar. Onder 12 jaar tekenen de ouder(s) met gezag of de voogd."
    )


def test_age_11_with_guardian_only_the_guardian_signs() -> None:
    result = who_signs(
        resident_name="Kind Fictief",
        birth_date=born_years_ago(11),
        signing_date=SIGNING,
        custody_holders=GUARDIAN,
    )
    assert result.signers == (Signer(SignerRole.GUARDIAN, "Voogd Fictief"),)
    assert result.custody_checked is False  # recorded as not checked: the worker must check


@pytest.mark.parametrize("age", [12, 15])
def test_age_12_to_15_young_person_and_parents_both_sign(age: int) -> None:
    result = who_signs(
        resident_name="Jongere Fictief",
        birth_date=born_years_ago(age),
        signing_date=SIGNING,
        custody_holders=PARENTS,
        custody_checked=True,
    )
    assert result.rule is SignerRule.FROM_12_TO_15
    assert result.age == age
    assert result.signers == (
        Signer(SignerRole.YOUNG_PERSON, "Jongere Fictief"),
        Signer(SignerRole.PARENT_WITH_CUSTODY, "Ouder Een (fictief)"),
        Signer(SignerRole.PARENT_WITH_CUSTODY, "Ouder Twee (fictief)"),
    )
    assert "jongere én de ouder(s) met gezag" in result.explanation


def test_age_16_young_person_signs_alone_even_if_parents_are_given() -> None:
    result = who_signs(
        resident_name="Jongere Fictief",
        birth_date=born_years_ago(16),
        signing_date=SIGNING,
        custody_holders=PARENTS,
    )
    assert result.rule is SignerRule.FROM_16
    assert result.signers == (Signer(SignerRole.YOUNG_PERSON, "Jongere Fictief"),)
    assert result.explanation == "De inwoner is 16 jaar. Vanaf 16 jaar tekent de inwoner zelf."


def test_age_18_resident_signs() -> None:
    result = who_signs(
        resident_name="Inwoner Fictief", birth_date=born_years_ago(18), signing_date=SIGNING
    )
    assert result.rule is SignerRule.FROM_16
    assert result.signers == (Signer(SignerRole.RESIDENT, "Inwoner Fictief"),)


def test_adult_under_curatele_the_curator_signs() -> None:
    result = who_signs(
        resident_name="Inwoner Fictief",
        birth_date=born_years_ago(45),
        signing_date=SIGNING,
        under_curatele=True,
        curator_name="Curator Fictief",
    )
    assert result.rule is SignerRule.CURATELE
    assert result.signers == (Signer(SignerRole.CURATOR, "Curator Fictief"),)
    assert result.explanation == "De inwoner staat onder curatele. De curator tekent."


def test_curatele_without_curator_name_asks_for_it() -> None:
    with pytest.raises(SignerProblem, match="naam van de curator"):
        who_signs(
            resident_name="Inwoner Fictief",
            birth_date=born_years_ago(45),
            signing_date=SIGNING,
            under_curatele=True,
        )


def test_minor_without_custody_holders_asks_who_holds_custody() -> None:
    with pytest.raises(SignerProblem) as caught:
        who_signs(resident_name="Kind", birth_date=born_years_ago(9), signing_date=SIGNING)
    assert str(caught.value) == (
        "De inwoner is jonger dan 16. Vul in wie het gezag heeft (ouder of voogd)."
    )


def test_signing_before_the_birth_date_asks_to_check_the_date() -> None:
    with pytest.raises(SignerProblem) as caught:
        who_signs(resident_name="Kind", birth_date=SIGNING, signing_date=D(2026, 3, 14))
    assert caught.value.missing == "geboortedatum"
    assert caught.value.message == Message("consent.problem.signing_before_birth")


def test_problems_say_what_to_ask_and_read_in_english() -> None:
    with pytest.raises(SignerProblem) as caught:
        who_signs(resident_name="Kind", birth_date=born_years_ago(9), signing_date=SIGNING)
    assert caught.value.missing == "gezag"
    assert caught.value.render("en") == (
        "The resident is younger than 16. Fill in who has parental authority (parent or "
        "guardian).")
    with pytest.raises(SignerProblem) as caught:
        who_signs(resident_name="R", birth_date=born_years_ago(45), signing_date=SIGNING,
                  under_curatele=True)
    assert caught.value.missing == "curator"
    assert "curator" in caught.value.render("en") and "naam" not in caught.value.render("en")


def test_role_words_and_explanations_read_in_both_languages() -> None:
    words = {role: (render(role.word, "nl"), render(role.word, "en")) for role in SignerRole}
    assert words[SignerRole.PARENT_WITH_CUSTODY] == ("ouder met gezag",
                                                     "parent with parental authority")
    assert all(nl and en and role.word.key not in (nl, en) for role, (nl, en) in words.items())
    for rule in SignerRule:
        reason = signer_explanation(rule, 14)
        dutch, english = render(reason, "nl"), render(reason, "en")
        assert dutch and english and dutch != english and reason.key not in (dutch, english)
    # The Dutch is what is printed on the statement (and covered by its hash).
    result = who_signs(resident_name="J", birth_date=born_years_ago(13), signing_date=SIGNING,
                       custody_holders=PARENTS)
    assert result.explanation == render(result.reason, "nl")
    assert render(result.reason, "en") == (
        "The young person is 13 years old. From 12 to 16, the young person and the parent(s) "
        "with parental authority sign.")


def test_child_turning_12_between_intake_and_signing() -> None:
    birth = D(2014, 4, 2)
    intake, signing = D(2026, 3, 20), D(2026, 4, 2)
    assert age_on(birth, intake) == 11
    at_intake = who_signs(
        resident_name="Kind", birth_date=birth, signing_date=intake, custody_holders=PARENTS
    )
    at_signing = who_signs(
        resident_name="Kind", birth_date=birth, signing_date=signing, custody_holders=PARENTS
    )
    assert at_intake.rule is SignerRule.UNDER_12
    assert at_signing.rule is SignerRule.FROM_12_TO_15
    assert at_signing.signers[0] == Signer(SignerRole.YOUNG_PERSON, "Kind")


def test_young_person_turning_16_on_a_29_february_birthday() -> None:
    birth = D(2012, 2, 29)
    # 2028 is a leap year: 16 on 29 February itself.
    assert (
        who_signs(
            resident_name="J",
            birth_date=birth,
            signing_date=D(2028, 2, 28),
            custody_holders=PARENTS,
        ).rule
        is SignerRule.FROM_12_TO_15
    )
    assert (
        who_signs(
            resident_name="J",
            birth_date=birth,
            signing_date=D(2028, 2, 29),
            custody_holders=PARENTS,
        ).rule
        is SignerRule.FROM_16
    )
    # 2027 is not: 15 on 1 March, still 14 on 28 February.
    assert (
        who_signs(
            resident_name="J", birth_date=birth, signing_date=D(2027, 3, 1), custody_holders=PARENTS
        ).age
        == 15
    )


def test_curatele_is_ignored_for_a_minor() -> None:
    # Curatele only exists for adults; a minor's custody holders decide.
    result = who_signs(
        resident_name="J",
        birth_date=born_years_ago(17),
        signing_date=SIGNING,
        under_curatele=True,
    )
    assert result.rule is SignerRule.FROM_16


@given(
    birth=st.dates(min_value=D(1930, 1, 1), max_value=D(2026, 1, 1)),
    days_after=st.integers(min_value=0, max_value=3 * 366),
)
def test_rule_follows_age_on_signing_date(birth: dt.date, days_after: int) -> None:
    signing = D(2026, 1, 1) + dt.timedelta(days=days_after)
    result = who_signs(
        resident_name="R", birth_date=birth, signing_date=signing, custody_holders=PARENTS
    )
    age = age_on(birth, signing)
    assert result.age == age
    expected = (
        SignerRule.UNDER_12
        if age < 12
        else SignerRule.FROM_12_TO_15
        if age < 16
        else SignerRule.FROM_16
    )
    assert result.rule is expected
    roles = [s.role for s in result.signers]
    assert (SignerRole.PARENT_WITH_CUSTODY in roles) is (age < 16)
    assert (SignerRole.YOUNG_PERSON in roles) is (12 <= age < 18)
