"""Messages of the verslag voor de inwoner (services/resident_report.py): key -> (Dutch,
English). See messages/catalogue.py. For the worker ("je"); the report's own text for the
resident is in domain/resident_report.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "resident_report.birth_date_missing": (
        "De geboortedatum van de inwoner ontbreekt. Vul die in: daaraan zie je wie tekent.",
        "The resident's date of birth is missing. Fill it in: it decides who signs."),
    "resident_report.custody_not_checked": (
        "Je hebt nog niet gecontroleerd wie het gezag heeft. Doe dat eerst, in het "
        "gezagsregister of met een document. Vul het in bij het huishouden. Daarna kunnen de "
        "ouders op het scherm tekenen.",
        "You have not checked yet who has parental authority. Do that first, in the custody "
        "register or with a document. Fill it in at the household. Then the parents can sign "
        "on the screen."),
    "resident_report.custody_missing": (
        "Je weet nog niet wie het gezag heeft. Vul dat in bij het huishouden. Dan kunnen de "
        "ouders met gezag ook tekenen.",
        "You do not know yet who has parental authority. Fill it in at the household. Then "
        "the parents with authority can sign too."),
    "resident_report.text_changed": (
        "Het verslag is veranderd terwijl het op het scherm stond. Laat het opnieuw lezen en "
        "tekenen.",
        "The report changed while it was on the screen. Let it be read and signed again."),
    "resident_report.no_place": (
        "Vul de plaats van ondertekening in.", "Fill in the place of signing."),
    "resident_report.everyone": (
        "Nog niet iedereen heeft getekend: {names}.", "Not everyone has signed yet: {names}."),
    "resident_report.remarks_too_long": (
        "De opmerkingen zijn te lang. Maak ze korter dan {max} tekens.",
        "The remarks are too long. Keep them under {max} characters."),
}
