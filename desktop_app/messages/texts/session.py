"""Messages of profiles, passphrases and sessions: key -> (Dutch, English). See
messages/catalogue.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # Locking ended, but saving, the logboek entry or closing the store failed on the way
    # (services/session.py, Session.lock).
    "session.lock_incomplete": (
        "Vergrendeld. Niet alles kon goed worden afgesloten: misschien is je laatste wijziging "
        "niet opgeslagen.",
        "Locked. Not everything could be closed properly: your last change may not have been "
        "saved."),
    "session.lock_incomplete.advice": (
        "Ontgrendel en kijk of je laatste wijziging er is. Het logboek legt dit vast bij het "
        "ontgrendelen. Blijft dit gebeuren, neem dan contact op met de beheerder.",
        "Unlock and check whether your last change is there. The log records this at "
        "unlocking. If this keeps happening, contact the administrator."),
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
