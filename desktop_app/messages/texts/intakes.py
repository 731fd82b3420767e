"""Messages of the intakes area (the caseload, the intake, waarneming): key -> (Dutch,
English). See messages/catalogue.py."""

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
    "intake.name_missing": (
        "Vul de naam van de inwoner in.",
        "Fill in the name of the resident."),
    # Waarneming (ZW-7): why a worker opens a colleague's dossier (services/waarneming.py).
    # The logbook keeps the Dutch text of the chosen reason.
    "waarneming.reason.standing_in": (
        "Waarneming tijdens afwezigheid van de coördinator",
        "Standing in while the coordinator is away"),
    "waarneming.reason.handed_over": (
        "Overdracht van het dossier aan mij",
        "Case file handed over to me"),
    "waarneming.reason.urgent": (
        "Spoedeisende vraag van de inwoner",
        "Urgent question from the resident"),
    "waarneming.reason.coordinator_asked": (
        "Op verzoek van de coördinator",
        "At the coordinator's request"),
    "waarneming.reason_with_detail": ("{reason}: {detail}", "{reason}: {detail}"),
    "waarneming.choose_reason": (
        "Kies een reden uit de lijst.",
        "Choose a reason from the list."),
    "waarneming.too_long": (
        "De toelichting is te lang ({n} tekens). Houd het kort: hoogstens {max} tekens.",
        "The explanation is too long ({n} characters). Keep it short: at most {max} "
        "characters."),
    "waarneming.long_number": (
        "De toelichting bevat een lang getal, misschien een BSN. Zet geen BSN of andere nummers "
        "van de inwoner in de reden.",
        "The explanation contains a long number, possibly a BSN. Do not put a BSN or other "
        "numbers of the resident in the reason."),
}
