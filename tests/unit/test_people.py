"""Age on a date (incl. 29 February), plausible birth dates and Dutch date parsing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.people import DateProblem, age_on, birth_date_problem, parse_date
from desktop_app.messages import Message, render

D = dt.date
LEAP_DAY_BIRTH = D(2012, 2, 29)


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (D(2014, 6, 15), D(2026, 6, 14), 11),  # the day before the 12th birthday
        (D(2014, 6, 15), D(2026, 6, 15), 12),  # on the birthday
        (D(2014, 6, 15), D(2014, 6, 15), 0),  # born today
        (D(2008, 1, 1), D(2025, 12, 31), 17),
        (D(2008, 1, 1), D(2026, 1, 1), 18),
    ],
)
def test_age_on(birth: dt.date, on: dt.date, age: int) -> None:
    assert age_on(birth, on) == age


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (D(2023, 2, 28), 10),  # non-leap year: the birthday counts on 1 March
        (D(2023, 3, 1), 11),
        (D(2024, 2, 28), 11),
        (D(2024, 2, 29), 12),  # leap year: on the day itself
        (D(2027, 2, 28), 14),
        (D(2027, 3, 1), 15),
        (D(2028, 2, 28), 15),
        (D(2028, 2, 29), 16),
    ],
)
def test_age_of_someone_born_on_29_february(on: dt.date, age: int) -> None:
    assert age_on(LEAP_DAY_BIRTH, on) == age


def test_age_before_birth_is_an_error() -> None:
    with pytest.raises(ValueError, match="vóór de geboortedatum") as caught:
        age_on(D(2020, 1, 2), D(2020, 1, 1))
    assert isinstance(caught.value, DateProblem)
    assert caught.value.render("en") == "The reference date is before the date of birth."


@given(
    birth=st.dates(min_value=D(1900, 1, 1), max_value=D(2030, 12, 31)),
    days=st.integers(min_value=0, max_value=130 * 366),
)
def test_age_agrees_with_counting_birthdays(birth: dt.date, days: int) -> None:
    on = birth + dt.timedelta(days=days)
    age = age_on(birth, on)

    # Independent rule: the age is the number of birthdays passed, where a 29 February
    # birthday is celebrated on 1 March in non-leap years.
    def birthday(year: int) -> dt.date:
        try:
            return birth.replace(year=year)
        except ValueError:
            return D(year, 3, 1)

    expected = sum(1 for year in range(birth.year + 1, on.year + 1) if birthday(year) <= on)
    assert age == expected
    assert age_on(birth, on + dt.timedelta(days=1)) in (age, age + 1)


def test_birth_date_problems() -> None:
    today = D(2026, 3, 15)
    assert birth_date_problem(D(2026, 3, 15), today) is None
    future = birth_date_problem(D(2026, 3, 16), today)
    assert future == Message("date.birth_in_future")
    assert str(future) == "De geboortedatum ligt in de toekomst."
    assert render(future, "en") == "The date of birth is in the future."
    assert birth_date_problem(D(1901, 1, 1), today) is None
    old = birth_date_problem(D(1900, 12, 31), today)
    assert str(old) == "De geboortedatum ligt meer dan 125 jaar terug. Controleer het jaar."
    assert render(old, "en") == "The date of birth is more than 125 years ago. Check the year."


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("31-12-2025", D(2025, 12, 31)),
        ("2025-12-31", D(2025, 12, 31)),
        ("1-2-2025", D(2025, 2, 1)),
        ("01/02/2025", D(2025, 2, 1)),
        ("01.02.2025", D(2025, 2, 1)),
        ("  29-02-2024 ", D(2024, 2, 29)),
    ],
)
def test_parse_date_accepts_dutch_and_iso(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize("text", ["31-02-2020", "2020-02-31", "29-02-2023", "01-13-2020"])
def test_parse_date_refuses_impossible_dates(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_date(text)
    assert str(caught.value) == f"{text} bestaat niet als datum. Controleer dag en maand."
    assert isinstance(caught.value, DateProblem)
    assert caught.value.message == Message("date.impossible", value=text)
    assert caught.value.render("en") == (
        f"{text} does not exist as a date. Check the day and the month.")


@pytest.mark.parametrize(
    "text",
    [
        "gisteren",
        "01-02-25",  # two-digit year: ambiguous, refused
        "",
        "2025-02",
        "²⁰²⁵-01-01",  # superscript digits: isdigit() is True but int() fails
        "٢٠٢٥-٠١-٠١",  # Arabic-Indic digits
        "01-02-2025-03",
    ],
)
def test_parse_date_refuses_text_that_is_no_date_in_dutch(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_date(text)
    assert str(caught.value).endswith("is geen datum. Schrijf de datum als dd-mm-jjjj.")
    assert caught.value.render("en") == (
        f"'{text.strip()}' is not a date. Write the date as dd-mm-yyyy.")


@given(st.text(max_size=30))
def test_parse_date_only_ever_raises_its_own_dutch_errors(text: str) -> None:
    try:
        result = parse_date(text)
    except ValueError as err:
        message = str(err)
        assert message.endswith(
            ("is geen datum. Schrijf de datum als dd-mm-jjjj.", "Controleer dag en maand.")
        )
    else:
        assert isinstance(result, dt.date)


@given(st.dates(min_value=D(1000, 1, 1)))
def test_parse_date_round_trips_both_notations(date: dt.date) -> None:
    assert parse_date(date.isoformat()) == date
    assert parse_date(date.strftime("%d-%m-") + f"{date.year:04d}") == date
