"""Burgerservicenummer (BSN): the 11-proef and masked display (ZW-5).

The BSN only serves to establish identity so that dossiers are not mixed up (ZW-5).
It is never logged and is shown masked unless the worker asks to see it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from desktop_app.domain.text import (
    describe_characters,
    is_control,
    is_invisible,
    show_characters,
)
from desktop_app.messages import Message, MessageError

_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


class InvalidBsn(MessageError, ValueError):
    """A value that is not a valid BSN; `.message` says why (never repeating the number)."""


@dataclass(frozen=True, slots=True)
class Bsn:
    digits: str

    def __post_init__(self) -> None:
        problem = bsn_problem(self.digits)
        if problem is not None:
            raise InvalidBsn(problem)

    def masked(self) -> str:
        return mask_bsn(self.digits)

    def __repr__(self) -> str:  # never leak the number into tracebacks or logs
        return f"Bsn({self.masked()})"

    __str__ = masked


_SEPARATORS = " .-\u00a0\t"


def _ascii_digit(char: str) -> str:
    # Any decimal digit (Arabic-Indic ٣, Extended Arabic-Indic ۳, full-width ３, ...) is a
    # digit: the worker may type on an Arabic or Persian keyboard. The stored BSN is ASCII.
    if char.isdecimal():
        return str(unicodedata.decimal(char))
    return char


def normalise_bsn(text: str) -> str:
    """Strip the spaces, dots and dashes people type between the digits, and write every
    decimal digit as an ASCII digit."""
    return "".join(_ascii_digit(ch) for ch in text if ch not in _SEPARATORS)


def bsn_problem(text: str) -> Message | None:
    """Why `text` is not a BSN, or None when it is one."""
    digits = normalise_bsn(text)
    if not digits:
        return Message("bsn.empty")
    # Name what is wrong: an invisible character in an error message is itself invisible.
    control = "".join(ch for ch in digits if is_control(ch))
    if control:
        return Message("bsn.control", chars=describe_characters(control))
    invisible = "".join(ch for ch in digits if is_invisible(ch))
    if invisible:
        return Message("bsn.invisible", chars=describe_characters(invisible))
    others = "".join(ch for ch in digits if ch not in "0123456789")
    if others:
        # Visible characters (letters, superscripts) are shown as typed; they are not the number.
        return Message("bsn.not_digits", chars=show_characters(others))
    if len(digits) == 8:
        # Older numbers were issued with 8 digits; the 11-proef works on them with a leading 0.
        digits = "0" + digits
    if len(digits) != 9:
        return Message("bsn.wrong_length", n=len(digits))
    if digits == "000000000":
        return Message("bsn.zeros")
    total = sum(w * int(d) for w, d in zip(_WEIGHTS, digits, strict=True))
    if total % 11 != 0:
        return Message("bsn.eleven_test")
    return None


def is_valid_bsn(text: str) -> bool:
    return bsn_problem(text) is None


def parse_bsn(text: str) -> Bsn:
    digits = normalise_bsn(text)
    if len(digits) == 8:
        digits = "0" + digits
    return Bsn(digits)


def mask_bsn(text: str) -> str:
    """Show only the last three digits: enough to compare with a paper, not to misuse."""
    digits = normalise_bsn(text)
    if len(digits) < 3:
        return "•" * len(digits)
    return "•" * (len(digits) - 3) + digits[-3:]
