"""People and dates: age on a given date, plausible birth dates."""

from __future__ import annotations

import datetime as dt

from desktop_app.messages import Message, MessageError


class DateProblem(MessageError, ValueError):
    """A text that is not a date, a date that cannot exist, or dates in an impossible order:
    `.message` says which (a ValueError too, for callers that only need to know it failed)."""


def age_on(birth_date: dt.date, on: dt.date) -> int:
    """Completed years on `on`. A birthday on 29 February counts on 1 March in other years,
    as Dutch civil law does (the person reaches the age at the start of 1 March)."""
    if on < birth_date:
        raise DateProblem(Message("date.before_birth"))
    years = on.year - birth_date.year
    try:
        birthday_this_year = birth_date.replace(year=on.year)
    except ValueError:  # 29 February in a non-leap year
        birthday_this_year = dt.date(on.year, 3, 1)
    if on < birthday_this_year:
        years -= 1
    return years


def birth_date_problem(birth_date: dt.date, today: dt.date) -> Message | None:
    """Why a birth date cannot be right, or None."""
    if birth_date > today:
        return Message("date.birth_in_future")
    if today.year - birth_date.year > 125:
        return Message("date.birth_too_long_ago")
    return None


def parse_date(text: str) -> dt.date:
    """Accept dd-mm-jjjj (as Dutch people write it) and ISO jjjj-mm-dd.

    Raises DateProblem (a ValueError) for text that is no date ('date.not_a_date') and for
    impossible dates such as 31-02-2020 ('date.impossible')."""
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
                raise DateProblem(Message("date.impossible", value=value)) from None
    raise DateProblem(Message("date.not_a_date", value=value))
