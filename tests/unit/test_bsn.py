"""BSN: the 11-proef, the public test numbers, masking, and that the number never leaks (ZW-5)."""

from __future__ import annotations

import logging

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop_app.domain.bsn import (
    Bsn,
    InvalidBsn,
    bsn_problem,
    is_valid_bsn,
    mask_bsn,
    normalise_bsn,
    parse_bsn,
)
from desktop_app.messages import MessageError, render

PUBLIC_TEST_NUMBERS = ["999993847", "999992077", "111222333", "123456782"]
WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def eleven_proof(digits: str) -> bool:
    """Independent re-statement of the rule from DOMAIN.md, to test the module against."""
    return sum(w * int(d) for w, d in zip(WEIGHTS, digits, strict=True)) % 11 == 0


@pytest.mark.parametrize("number", PUBLIC_TEST_NUMBERS)
def test_public_test_numbers_pass(number: str) -> None:
    assert bsn_problem(number) is None
    assert is_valid_bsn(number)
    assert parse_bsn(number).digits == number


def test_123456789_fails_the_eleven_proof() -> None:
    assert str(bsn_problem("123456789")) == (
        "Dit is geen geldig BSN (de elfproef klopt niet). Controleer de cijfers."
    )
    assert render(bsn_problem("123456789"), "en") == (
        "This is not a valid BSN (the eleven test fails). Check the digits.")
    assert not is_valid_bsn("123456789")


def test_all_zeros_is_not_a_bsn_even_though_it_passes_the_sum() -> None:
    assert eleven_proof("000000000")  # the arithmetic alone would accept it
    assert str(bsn_problem("000000000")) == "000000000 is geen BSN."
    assert str(bsn_problem("00000000")) == "000000000 is geen BSN."  # 8 digits, padded
    with pytest.raises(InvalidBsn):
        parse_bsn("000000000")


@pytest.mark.parametrize(
    ("text", "message", "english"),
    [
        ("", "Vul een BSN in, of laat het veld leeg.",
         "Fill in a BSN, or leave the field empty."),
        ("  ", "Vul een BSN in, of laat het veld leeg.",
         "Fill in a BSN, or leave the field empty."),
        ("12345678X", "Een BSN bestaat alleen uit cijfers. Dit hoort er niet in: X.",
         "A BSN consists of digits only. This does not belong in it: X."),
        ("999²93847", "Een BSN bestaat alleen uit cijfers. Dit hoort er niet in: ².",
         "A BSN consists of digits only. This does not belong in it: ²."),
        # A space the worker cannot tell from an ordinary one is named, not shown blank.
        ("999\u2003993847",
         "Een BSN bestaat alleen uit cijfers. Dit hoort er niet in: EM SPACE (U+2003).",
         "A BSN consists of digits only. This does not belong in it: EM SPACE (U+2003)."),
        ("999\u200b993847",
         "Het BSN bevat een onzichtbaar teken: ZERO WIDTH SPACE (U+200B). Wis het veld en typ "
         "het BSN opnieuw.",
         "The BSN contains an invisible character: ZERO WIDTH SPACE (U+200B). Clear the field "
         "and type the BSN again."),
        ("\u200e999993847\ufeff",
         "Het BSN bevat een onzichtbaar teken: LEFT-TO-RIGHT MARK (U+200E), ZERO WIDTH NO-BREAK "
         "SPACE (U+FEFF). Wis het veld en typ het BSN opnieuw.",
         "The BSN contains an invisible character: LEFT-TO-RIGHT MARK (U+200E), ZERO WIDTH "
         "NO-BREAK SPACE (U+FEFF). Clear the field and type the BSN again."),
        ("999\x00993847",
         "Het BSN bevat een besturingsteken (U+0000). Wis het veld en typ het BSN opnieuw.",
         "The BSN contains a control character (U+0000). Clear the field and type the BSN "
         "again."),
        ("1234567", "Een BSN heeft 9 cijfers; je typte er 7.", "A BSN has 9 digits; you typed 7."),
        ("1234567890", "Een BSN heeft 9 cijfers; je typte er 10.",
         "A BSN has 9 digits; you typed 10."),
    ],
)
def test_malformed_input_gets_a_message_in_both_languages(text: str, message: str,
                                                          english: str) -> None:
    problem = bsn_problem(text)
    assert problem is not None
    assert (render(problem, "nl"), render(problem, "en")) == (message, english)


def test_separators_people_type_are_ignored() -> None:
    assert normalise_bsn("9999 93 847") == "999993847"
    assert normalise_bsn("9999.93.847") == "999993847"
    assert normalise_bsn("9999-93-847") == "999993847"
    assert normalise_bsn("9999\u00a093\t847") == "999993847"
    assert is_valid_bsn("1112.22.333")
    assert parse_bsn("9999 93 847").digits == "999993847"


def test_eight_digit_numbers_are_checked_with_a_leading_zero() -> None:
    eight = "10000008"
    assert eleven_proof("0" + eight)
    assert is_valid_bsn(eight)
    assert parse_bsn(eight).digits == "010000008"
    assert not is_valid_bsn("10000005")


def _with_check_digit(first8: str) -> str:
    # The check digit makes the weighted sum 0 mod 11; a remainder of 10 gives no digit.
    return first8 + str(sum(w * int(d) for w, d in zip(WEIGHTS[:8], first8, strict=True)) % 11)


valid_bsns = (
    st.lists(st.integers(0, 9), min_size=8, max_size=8)
    .map(lambda ds: "".join(map(str, ds)))
    .map(_with_check_digit)
    .filter(lambda s: len(s) == 9 and s != "000000000")
)


@given(valid_bsns)
def test_generated_valid_numbers_pass(number: str) -> None:
    assert eleven_proof(number)
    assert bsn_problem(number) is None


@given(valid_bsns, st.integers(0, 8), st.integers(1, 9))
def test_any_single_digit_change_fails(number: str, position: int, delta: int) -> None:
    digits = list(number)
    digits[position] = str((int(digits[position]) + delta) % 10)
    changed = "".join(digits)
    assume(changed != number)
    # 11 is prime and no weight is a multiple of 11, so one changed digit always breaks the sum.
    assert bsn_problem(changed) is not None
    with pytest.raises(InvalidBsn):
        parse_bsn(changed)


@given(st.text(alphabet="0123456789 .-", max_size=20))
def test_problem_and_validity_agree_and_messages_never_contain_the_number(text: str) -> None:
    problem = bsn_problem(text)
    assert is_valid_bsn(text) is (problem is None)
    digits = normalise_bsn(text)
    # (A run of zeros is the one message that names digits, and it names no person.)
    if problem is not None and len(digits) >= 4 and digits.strip("0"):
        assert digits not in render(problem, "nl")
        assert digits not in render(problem, "en")


@given(st.text(max_size=30))
def test_masking_never_shows_more_than_the_last_three_characters(text: str) -> None:
    masked = mask_bsn(text)
    digits = normalise_bsn(text)
    assert len(masked) == len(digits)
    shown = masked.replace("•", "")
    assert len(shown) <= 3
    assert digits.endswith(shown)


@pytest.mark.parametrize("number", PUBLIC_TEST_NUMBERS)
def test_masked_display(number: str) -> None:
    assert mask_bsn(number) == "••••••" + number[-3:]
    assert mask_bsn(number[:4] + " " + number[4:]) == "••••••" + number[-3:]


def test_short_input_is_fully_masked() -> None:
    assert mask_bsn("12") == "••"
    assert mask_bsn("") == ""


@pytest.mark.parametrize("number", PUBLIC_TEST_NUMBERS)
def test_repr_str_and_format_do_not_leak(number: str, caplog: pytest.LogCaptureFixture) -> None:
    bsn = parse_bsn(number)
    for shown in (repr(bsn), str(bsn), f"{bsn}", f"{bsn!r}", repr([bsn]), repr({"bsn": bsn})):
        assert number not in shown
        assert number[:6] not in shown
    assert repr(bsn) == f"Bsn(••••••{number[-3:]})"
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("test").info("inwoner %s, %r", bsn, bsn)
    assert number not in caplog.text


def test_invalid_bsn_error_does_not_contain_the_number() -> None:
    with pytest.raises(InvalidBsn) as caught:
        Bsn("123456789")
    assert "123456789" not in str(caught.value)
    assert "123456789" not in repr(caught.value)
    assert "123456789" not in caught.value.render("en")
    assert caught.value.message.key == "bsn.eleven_test"
    assert isinstance(caught.value, MessageError) and isinstance(caught.value, ValueError)


@pytest.mark.parametrize("typed", [
    "٩٩٩٩٩٣٨٤٧",  # Arabic-Indic digits
    "۹۹۹۹۹۳۸۴۷",  # Extended Arabic-Indic (Persian, Urdu keyboards)
    "９９９９９３８４７",  # full-width (Japanese, Chinese input methods)
    "٩٩٩٩ ٩٣ ٨٤٧",  # with the usual separators
    "99９９٩3847",  # mixed
])
def test_digits_of_other_scripts_are_digits_and_stored_as_ascii(typed: str) -> None:
    assert bsn_problem(typed) is None
    assert normalise_bsn(typed) == "999993847"
    assert parse_bsn(typed).digits == "999993847"
    assert mask_bsn(typed) == "••••••847"


def test_eight_full_width_digits_are_padded_like_ascii_ones() -> None:
    assert parse_bsn("１２３４５６７２").digits == "012345672"


def test_digits_of_other_scripts_still_get_the_eleven_proof() -> None:
    problem = bsn_problem("١٢٣٤٥٦٧٨٩")
    assert problem is not None and problem.key == "bsn.eleven_test"
