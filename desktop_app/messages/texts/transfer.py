"""Messages of the transfer area: key -> (Dutch, English). See messages/catalogue.py.

The transfer to the central dossier (services/transfer.py): the dossier reference, the
checklist, and why a transfer or a saved report was refused. The copyable report itself is a
Dutch document for the case file and is not here."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "transfer.refused": (
        "De overdracht kan nog niet worden bevestigd.",
        "The transfer cannot be confirmed yet."),
    "transfer.refused.advice": (
        "Los de genoemde punten op en probeer het opnieuw.",
        "Sort out the points mentioned and try again."),
    "transfer.already_transferred": (
        "Deze intake is al overgedragen.",
        "This intake has already been transferred."),
    "transfer.export_failed": (
        "Het verslag kon niet worden opgeslagen.",
        "The report could not be saved."),
    "transfer.export_failed.advice": (
        "Kies een andere map of maak ruimte vrij, en probeer het opnieuw.",
        "Choose another folder or free up space, and try again."),
    # The dossier reference (the number of the case file in the dossier system).
    "transfer.reference.missing": (
        "Vul het dossiernummer in.",
        "Fill in the case file number."),
    "transfer.reference.too_short": (
        "Het dossiernummer is te kort (minstens {min} tekens).",
        "The case file number is too short (at least {min} characters)."),
    "transfer.reference.too_long": (
        "Het dossiernummer is te lang (hoogstens {max} tekens).",
        "The case file number is too long (at most {max} characters)."),
    "transfer.reference.looks_like_bsn": (
        "Dit lijkt op een BSN (8 of 9 cijfers). Vul het dossiernummer in, niet het BSN van de "
        "inwoner.",
        "This looks like a BSN (8 or 9 digits). Fill in the case file number, not the resident's "
        "BSN."),
    "transfer.reference.characters": (
        "Gebruik alleen letters, cijfers, spaties en - . / _ # : in het dossiernummer.",
        "Use only letters, digits, spaces and - . / _ # : in the case file number."),
    "transfer.reference.no_digit": (
        "Een dossiernummer bevat minstens één cijfer.",
        "A case file number contains at least one digit."),
    # The checklist: what the worker still has to tick.
    "transfer.check.report": (
        "Vink aan dat het verslag in het dossier staat.",
        "Tick that the report is in the case file."),
    "transfer.check.consent_scanned": (
        "Vink aan dat wat getekend is (toestemmingsverklaringen, het verslag voor de "
        "inwoner) in het dossier staat: gescand, of als pdf als het op het scherm is getekend.",
        "Tick that what was signed (consent statements, the report for the resident) is in "
        "the case file: scanned, or as PDF when it was signed on the screen."),
    "transfer.check.paper_shredded": (
        "Vink aan dat de papieren aantekeningen vernietigd zijn (versnipperd).",
        "Tick that the paper notes have been destroyed (shredded)."),
    # Transfer only from "klaar voor overdracht" (issue 19).
    "transfer.not_ready": (
        "Deze intake is nog een concept. Je kunt pas overdragen als de intake klaar voor "
        "overdracht is.",
        "This intake is still a draft. You can only transfer it once it is ready for "
        "transfer."),
    "transfer.not_ready.advice": (
        "Ga naar het tabblad Gesprek en kies Klaar voor overdracht. Het programma laat dan zien "
        "wat nog ontbreekt.",
        "Go to the Conversation tab and choose Ready for transfer. The program then shows what "
        "is still missing."),
}
