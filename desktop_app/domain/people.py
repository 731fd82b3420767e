"""People and dates: age on a given date, plausible birth dates."""

from __future__ import annotations

import datetime as dt


def age_on(birth_date: dt.date, on: dt.date) -> int:
    """Completed years on `on`. A birthday on 29 February counts on 1 March in other years,
    as Dutch civil law does (the person reaches the age at the start of 1 March)."""
    if on < birth_date:
        raise ValueError("De peildatum ligt vóór de geboortedatum.")
    years = on.year - birth_date.year
    try:
        birthday_this_year = birth_date.replace(year=on.year)
    except ValueError:  # 29 February in a non-leap year
        birthday_this_year = dt.date(on.year, 3, 1)
    if on < birthday_this_year:
        years -= 1
    return years


def birth_date_problem(birth_date: dt.date, today: dt.date) -> str | None:
    """A Dutch message when a birth date cannot be right, else None."""
    if birth_date > today:
        return "De geboortedatum ligt in de toekomst."
    if today.year - birth_date.year > 125:
        return "De geboortedatum ligt meer dan 125 jaar terug. Controleer het jaar."
    return None


def parse_date(text: str) -> dt.date:
    """Accept dd-mm-jjjj (as Dutch people write it) and ISO jjjj-mm-dd.

    Raises ValueError with a Dutch message for impossible dates such as 31-02-2020.
    """
    value = text.strip()
    for sep in ("-", "/", "."):
        parts = value.split(sep)
        # ASCII digits only: str.isdigit() also accepts '²' (which int() then rejects with an
        # English message) and other scripts' digits that nobody means in a Dutch date.
        if len(parts) == 3 and all(p.isascii() and p.isdigit() for p in parts):
            if len(parts[0]) == 4:
                year, month, day = (int(p) for p in parts)
            elif len(parts[2]) == 4:
                day, month, year = (int(p) for p in parts)
            else:
                break
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise ValueError(
                    f"{value} bestaat niet als datum. Controleer dag en maand."
                ) from None
    raise ValueError(f"{value!r} is geen datum. Schrijf de datum als dd-mm-jjjj.")
