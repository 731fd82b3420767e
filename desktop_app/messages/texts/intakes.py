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
    "intake.status.concept_changed_after_ready": (
        "Concept — gewijzigd na klaar voor overdracht. Zet het opnieuw op klaar voor "
        "overdracht als alles klopt.",
        "Draft — changed after ready for transfer. Mark it ready for transfer again when "
        "everything is right."),
    "intake.name_control": (
        "De naam bevat een besturingsteken ({chars}). Wis de naam en typ hem opnieuw.",
        "The name contains a control character ({chars}). Clear the name and type it again."),
    "intake.name_invisible": (
        "De naam bevat een onzichtbaar teken: {chars}. Wis de naam en typ hem opnieuw.",
        "The name contains an invisible character: {chars}. Clear the name and type it again."),
    "intake.name_missing": (
        "Vul de naam van de inwoner in.",
        "Fill in the name of the resident."),
    # Klaar voor overdracht (domain/readiness.py): what is still missing, per section.
    "readiness.refused": (
        "Deze intake is nog niet klaar voor overdracht.",
        "This intake is not ready for transfer yet."),
    "readiness.refused.advice": (
        "Vul eerst aan wat hieronder staat. Zet de intake daarna opnieuw op klaar voor "
        "overdracht.",
        "First complete what is listed below. Then mark the intake as ready for transfer "
        "again."),
    "readiness.grouped": ("{section} — {item}", "{section} — {item}"),
    "readiness.section": ("{title}", "{title}"),
    "readiness.group.requests": ("Gegevensverzoeken", "Data requests"),
    "readiness.group.form": ("Gespreksformulier", "Conversation form"),
    "readiness.form_outdated": (
        "Dit concept gebruikt nog versie {old} van het formulier. Stap eerst over op versie "
        "{new}. Wat je typte blijft bewaard.",
        "This draft still uses version {old} of the form. Move it to version {new} first. "
        "What you typed is kept."),
    "readiness.melding_after_visit": (
        "De datum van de melding ligt na het gesprek. Controleer de datums.",
        "The date of the request (melding) is after the conversation. Check the dates."),
    "readiness.field_empty": (
        "Nog niet ingevuld: {field}",
        "Not filled in yet: {field}"),
    "readiness.field_wrong": ("{field} — {problem}", "{field} — {problem}"),
    "readiness.identity_not_established": (
        "De identiteit van de inwoner is nog niet vastgesteld. Bekijk een identiteitsbewijs. "
        "Het BSN is daarvoor niet genoeg.",
        "The resident's identity has not been established yet. Look at an identity document. "
        "The BSN is not enough for that."),
    "readiness.meldcode_report": (
        "Je zag acute of structurele onveiligheid. Dan meld je bij Veilig Thuis. Kies bij het "
        "besluit voor melden.",
        "You saw acute or structural unsafety. Then you report to Veilig Thuis. Choose "
        "reporting as the decision."),
    "readiness.requests_missing": (
        "Je schreef dat er gegevens van anderen nodig zijn, maar er is nog geen "
        "gegevensverzoek. Maak het verzoek op het tabblad Gegevensverzoeken, of verander het "
        "antwoord.",
        "You wrote that data from others are needed, but there is no data request yet. Make "
        "the request on the Data requests tab, or change the answer."),
    "readiness.requests_unexpected": (
        "Je schreef dat er geen gegevens van anderen nodig zijn, maar er zijn {n} verzoeken om "
        "gegevens. Verander het antwoord in ja, of kijk de verzoeken na.",
        "You wrote that no data from others are needed, but there are {n} requests for data. "
        "Change the answer to yes, or check the requests."),
    "readiness.requests_unexpected#1": (
        "Je schreef dat er geen gegevens van anderen nodig zijn, maar er is een verzoek om "
        "gegevens. Verander het antwoord in ja, of kijk het verzoek na.",
        "You wrote that no data from others are needed, but there is a request for data. "
        "Change the answer to yes, or check the request."),
    "readiness.request": ("{organisation}: {reason}", "{organisation}: {reason}"),
    # The six-week term of the Wmo onderzoek (services/intakes.py CaseloadRow.assessment_due).
    "intake.deadline.overdue": (
        "{date} — te laat",
        "{date} — overdue"),
    "intake.deadline.soon": (
        "{date} — nog {n} dagen",
        "{date} — {n} days left"),
    "intake.deadline.soon#1": (
        "{date} — nog 1 dag",
        "{date} — 1 day left"),
}
