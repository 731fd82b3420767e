"""Messages of the people area (dates, birth dates, the BSN): key -> (Dutch, English). See
messages/catalogue.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # Dates as people type them (domain/people.py).
    "date.not_a_date": (
        "'{value}' is geen datum. Schrijf de datum als dd-mm-jjjj.",
        "'{value}' is not a date. Write the date as dd-mm-yyyy."),
    "date.impossible": (
        "{value} bestaat niet als datum. Controleer dag en maand.",
        "{value} does not exist as a date. Check the day and the month."),
    "date.before_birth": (
        "De peildatum ligt vóór de geboortedatum.",
        "The reference date is before the date of birth."),
    "date.birth_in_future": (
        "De geboortedatum ligt in de toekomst.",
        "The date of birth is in the future."),
    "date.birth_too_long_ago": (
        "De geboortedatum ligt meer dan 125 jaar terug. Controleer het jaar.",
        "The date of birth is more than 125 years ago. Check the year."),
    # The burgerservicenummer (domain/bsn.py). Never repeats the number itself.
    "bsn.empty": (
        "Vul een BSN in, of laat het veld leeg.",
        "Fill in a BSN, or leave the field empty."),
    "bsn.not_digits": (
        "Een BSN bestaat alleen uit cijfers. Dit hoort er niet in: {chars}.",
        "A BSN consists of digits only. This does not belong in it: {chars}."),
    # {chars} names each character by its Unicode name and code: it cannot be seen.
    "bsn.invisible": (
        "Het BSN bevat een onzichtbaar teken: {chars}. Wis het veld en typ het BSN opnieuw.",
        "The BSN contains an invisible character: {chars}. Clear the field and type the BSN "
        "again."),
    "bsn.control": (
        "Het BSN bevat een besturingsteken ({chars}). Wis het veld en typ het BSN opnieuw.",
        "The BSN contains a control character ({chars}). Clear the field and type the BSN "
        "again."),
    "bsn.wrong_length": (
        "Een BSN heeft 9 cijfers; je typte er {n}.",
        "A BSN has 9 digits; you typed {n}."),
    "bsn.zeros": (
        "000000000 is geen BSN.",
        "000000000 is not a BSN."),
    "bsn.eleven_test": (
        "Dit is geen geldig BSN (de elfproef klopt niet). Controleer de cijfers.",
        "This is not a valid BSN (the eleven test fails). Check the digits."),
}
