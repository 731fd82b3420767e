"""Words and messages many areas share: key -> (Dutch, English). See messages/catalogue.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "word.yes": ("ja", "yes"),
    "word.no": ("nee", "no"),
    "error.unexpected": (
        "Er ging iets mis dat het programma niet verwachtte.",
        "Something went wrong that the program did not expect."),
    "error.unexpected.advice": (
        "Er is niets verloren. Probeer het opnieuw; lukt het niet, neem dan contact op met de "
        "servicedesk.",
        "Nothing has been lost. Try again; if that does not work, contact the service desk."),
}
