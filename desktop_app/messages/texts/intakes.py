"""Messages of the intakes area (the caseload, the intake): key -> (Dutch, English). See
messages/catalogue.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # The autosave writer could not save (services/autosave.py): it keeps the values and
    # tries again by itself.
    "autosave.failed": (
        "Opslaan lukte even niet. Wat je typte, is niet kwijt: het programma probeert het over "
        "een paar seconden opnieuw.",
        "Saving did not work just now. What you typed is not lost: the program tries again in a "
        "few seconds."),
    "autosave.text_repaired.short": ("Opgeslagen met �", "Saved with �"),
    "autosave.text_repaired": (
        "Opgeslagen. Een beschadigd teken (bijvoorbeeld uit geplakte tekst) is bewaard als �.",
        "Saved. A damaged character (from pasted text, for instance) has been kept as �."),
    "autosave.failed.advice": (
        "Blijft dit staan, vergrendel dan niet en sluit het programma niet af; vraag de "
        "beheerder om hulp.",
        "If this stays, do not lock or close the program; ask the administrator for help."),
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
