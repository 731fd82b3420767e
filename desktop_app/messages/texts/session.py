"""Messages of profiles, passphrases and sessions: key -> (Dutch, English). See
messages/catalogue.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # The passphrase rules (domain/passphrase.py; ZW-8).
    "passphrase.too_short": (
        "Gebruik minstens {min} tekens (nu {n}).",
        "Use at least {min} characters (now {n})."),
    "passphrase.same_character": (
        "Gebruik niet steeds hetzelfde teken.",
        "Do not keep using the same character."),
    "passphrase.obvious": (
        "Deze wachtwoordzin is te voor de hand liggend.",
        "This passphrase is too obvious."),
    "passphrase.only_digits": (
        "Gebruik niet alleen cijfers; een zin van een paar woorden werkt goed.",
        "Do not use only digits; a sentence of a few words works well."),
    "passphrase.own_name": (
        "Gebruik je eigen naam niet in de wachtwoordzin.",
        "Do not use your own name in the passphrase."),
    "passphrase.name_missing": (
        "Vul je naam in.",
        "Fill in your name."),
    "passphrase.not_equal": (
        "De twee wachtwoordzinnen zijn niet gelijk.",
        "The two passphrases are not the same."),
    "passphrase.new_not_equal": (
        "De twee nieuwe wachtwoordzinnen zijn niet gelijk.",
        "The two new passphrases are not the same."),
    "passphrase.strength.very_weak": ("Zeer zwak", "Very weak"),
    "passphrase.strength.weak": ("Zwak", "Weak"),
    "passphrase.strength.fair": ("Redelijk", "Fair"),
    "passphrase.strength.strong": ("Sterk", "Strong"),
    "passphrase.strength.very_strong": ("Zeer sterk", "Very strong"),
}
