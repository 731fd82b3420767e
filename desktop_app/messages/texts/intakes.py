"""Messages of the intakes area (the caseload, the intake): key -> (Dutch, English). See
messages/catalogue.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "intake.gone_opening": (
        "Deze intake bestaat niet meer: ze is vernietigd.",
        "This intake no longer exists: it has been destroyed."),
    "intake.gone": (
        "Deze intake bestaat niet meer (ze is vernietigd). Wat je nog typte, is niet bewaard.",
        "This intake no longer exists (it has been destroyed). What you still typed has not "
        "been saved."),
    # The status of an intake (services/intakes.py STATUS_LABELS).
    "intake.status.concept": ("Concept", "Draft"),
    "intake.status.klaar_voor_overdracht": ("Klaar voor overdracht", "Ready for transfer"),
    "intake.status.overgedragen": ("Overgedragen", "Transferred"),
    "intake.name_control": (
        "De naam bevat een besturingsteken ({chars}). Wis de naam en typ hem opnieuw.",
        "The name contains a control character ({chars}). Clear the name and type it again."),
    "intake.name_invisible": (
        "De naam bevat een onzichtbaar teken: {chars}. Wis de naam en typ hem opnieuw.",
        "The name contains an invisible character: {chars}. Clear the name and type it again."),
    "intake.name_missing": (
        "Vul de naam van de inwoner in.",
        "Fill in the name of the resident."),
}
