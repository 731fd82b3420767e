"""Messages of the destruction area: key -> (Dutch, English). See messages/catalogue.py.

Destruction of a draft after its transfer (ZW-6, services/destruction.py): refusals, the steps,
the receipt, files that could not be removed, notices after unlocking, the reminders, and the
lines of `wijkteam-intake pending` and `doctor` (printed in Dutch)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "destruction.due_destroyed": (
        "Overgedragen concepten waarvan de wachttijd voorbij was, zijn vernietigd.",
        "Transferred drafts whose waiting time had passed have been destroyed."),
    # Refused or not finished.
    "destruction.refused": (
        "Dit concept kan nog niet worden vernietigd.",
        "This draft cannot be destroyed yet."),
    "destruction.problem.no_intake": (
        "Deze intake bestaat niet (meer).",
        "This intake does not exist (any more)."),
    "destruction.problem.not_transferred": (
        "Bevestig eerst de overdracht naar het dossier. Pas daarna kan het concept worden "
        "vernietigd.",
        "First confirm the transfer to the case file. Only then can the draft be destroyed."),
    "destruction.incomplete": (
        "De vernietiging is nog niet helemaal af.",
        "The destruction is not quite finished yet."),
    "destruction.incomplete.advice": (
        "De inhoud is al verwijderd. Het programma maakt de vernietiging af zodra het kan, "
        "uiterlijk bij de volgende keer ontgrendelen.",
        "The content has already been removed. The program finishes the destruction as soon "
        "as it can, at the latest the next time you unlock."),
    # The steps, as the progress shows them.
    "destruction.step.inhoud_verwijderd": ("Inhoud verwijderd", "Content removed"),
    "destruction.step.bestanden_verwijderd": ("Opgeslagen bestanden gewist",
                                              "Saved files wiped"),
    "destruction.step.wal_leeggemaakt": ("Logbestand van de opslag leeggemaakt",
                                         "Storage log file emptied"),
    "destruction.step.opgeschoond": ("Opslag opgeschoond", "Storage cleaned up"),
    "destruction.step.sleutel_vervangen": ("Sleutel vervangen", "Key replaced"),
    # The kinds of data a receipt counts.
    "destruction.kind.antwoorden": ("Antwoorden en aantekeningen", "Answers and notes"),
    "destruction.kind.gegevensverzoeken": ("Gegevensverzoeken", "Data requests"),
    "destruction.kind.afwegingen": ("Afwegingen", "Assessments"),
    "destruction.kind.toestemmingsverklaringen": ("Toestemmingsverklaringen",
                                                  "Consent statements"),
    "destruction.kind.pdf_bestanden": ("Pdf's van toestemmingsverklaringen",
                                       "PDFs of consent statements"),
    "destruction.kind.dekking": ("Koppelingen verklaring–verzoek",
                                 "Links between statement and request"),
    "destruction.kind.exportbestanden": ("Opgeslagen bestanden", "Saved files"),
    "destruction.kind.inwoner": ("Inwonergegevens", "Resident details"),
    "destruction.kind.formulierdefinities": ("Formulierversies die niet meer nodig zijn",
                                             "Form versions no longer needed"),
    "destruction.kind.overig": ("Overige gegevens", "Other data"),
    # Exported files (saved reports) at destruction.
    "destruction.file.removed": (
        "Gewist en verwijderd: {path}",
        "Wiped and removed: {path}"),
    "destruction.file.already_gone": (
        "Was al verwijderd: {path}",
        "Was already removed: {path}"),
    "destruction.file.failed": (
        "Let op: niet verwijderd: {path}. {reason}",
        "Please note: not removed: {path}. {reason}"),
    "destruction.file.folder_missing": (
        "De map bestaat niet (meer). Staat het bestand op een USB-stick of netwerkschijf? "
        "Sluit die aan; het programma probeert het opnieuw bij het ontgrendelen.",
        "The folder does not exist (any more). Is the file on a USB stick or network drive? "
        "Connect it; the program tries again when you unlock."),
    "destruction.file.cannot_inspect": (
        "Het bestand kon niet worden bekeken ({error}).",
        "The file could not be examined ({error})."),
    "destruction.file.not_regular": (
        "Dit is geen gewoon bestand; controleer het en verwijder het zelf.",
        "This is not an ordinary file; check it and delete it yourself."),
    "destruction.file.no_permission": (
        "Geen toestemming om het bestand te wissen. Verwijder het zelf of vraag de beheerder "
        "om hulp.",
        "No permission to wipe the file. Delete it yourself or ask the administrator for "
        "help."),
    "destruction.file.cannot_wipe": (
        "Het bestand kon niet worden gewist ({error}).",
        "The file could not be wiped ({error})."),
    # After unlocking: a destruction a crash interrupted.
    "destruction.resume.interrupted": (
        "Let op: de vernietiging van het concept voor dossier {reference} is onderbroken en "
        "nog niet af. {reason} De inhoud is al verwijderd. Het programma probeert het opnieuw "
        "bij de volgende keer ontgrendelen.",
        "Please note: the destruction of the draft for case file {reference} was interrupted "
        "and is not finished yet. {reason} The content has already been removed. The program "
        "tries again the next time you unlock."),
    "destruction.resume.damaged": (
        "Een onderbroken vernietiging kan niet worden afgemaakt, omdat het gegevensbestand "
        "beschadigd is. De inhoud van dat concept was al verwijderd. Het programma maakt de "
        "vernietiging af zodra de beheerder het bestand heeft hersteld.",
        "An interrupted destruction cannot be finished because the data file is damaged. The "
        "content of that draft had already been removed. The program finishes the destruction "
        "as soon as the administrator has repaired the file."),
    "destruction.problem.damaged": (
        "Het gegevensbestand is beschadigd. Vernietigen kan pas als de beheerder het heeft "
        "hersteld.",
        "The data file is damaged. Destroying is only possible once the administrator has "
        "repaired it."),
    "destruction.resume.finished": (
        "Een onderbroken vernietiging is nu afgerond (dossier {reference}). Er is niets meer "
        "van dat concept over; de sleutel van de opslag is vervangen.",
        "An interrupted destruction has now been finished (case file {reference}). Nothing is "
        "left of that draft; the key of the storage has been replaced."),
    # The receipt (no content, only what and how much).
    "receipt.dossier_reference": (
        "Dossiernummer: {reference}",
        "Case file number: {reference}"),
    "receipt.destroyed_at": (
        "Vernietigd op: {when}",
        "Destroyed on: {when}"),
    "receipt.count": ("{label}: {count}", "{label}: {count}"),
    "receipt.files": (
        "Opgeslagen bestanden gewist: {removed}, al verwijderd: {gone}, niet gelukt: {failed}",
        "Saved files wiped: {removed}, already removed: {gone}, failed: {failed}"),
    "receipt.key_replaced": ("Sleutel vervangen: ja", "Key replaced: yes"),
    "receipt.key_not_replaced": ("Sleutel vervangen: nog niet", "Key replaced: not yet"),
    "receipt.completed": ("Afgerond: {when}", "Finished: {when}"),
    "receipt.not_completed": ("Afgerond: nog niet", "Finished: not yet"),
    # Reminders after unlocking (counts and ages; the caseload shows who).
    "pending.days": ("{n} dagen", "{n} days"),
    "pending.days#1": ("1 dag", "1 day"),
    "pending.old_drafts": (
        "{n} concepten zijn ouder dan {limit} (het oudste {oldest}). Draag ze over naar het "
        "dossier en vernietig daarna de concepten.",
        "{n} drafts are older than {limit} (the oldest {oldest}). Transfer them to the case "
        "file and then destroy the drafts."),
    "pending.old_drafts#1": (
        "1 concept is ouder dan {limit} ({oldest}). Draag het over naar het dossier en "
        "vernietig daarna het concept.",
        "1 draft is older than {limit} ({oldest}). Transfer it to the case file and then "
        "destroy the draft."),
    "pending.transferred_not_destroyed": (
        "{n} overgedragen concepten zijn nog niet vernietigd (het oudste is {oldest} geleden "
        "overgedragen). Vernietig ze op het tabblad Overdracht.",
        "{n} transferred drafts have not been destroyed yet (the oldest was transferred "
        "{oldest} ago). Destroy them on the Transfer tab."),
    "pending.transferred_not_destroyed#1": (
        "1 overgedragen concept is nog niet vernietigd (overgedragen {oldest} geleden). "
        "Vernietig het op het tabblad Overdracht.",
        "1 transferred draft has not been destroyed yet (transferred {oldest} ago). Destroy "
        "it on the Transfer tab."),
    "pending.unfinished_destructions": (
        "{n} vernietigingen zijn nog niet af.",
        "{n} destructions are not finished yet."),
    "pending.unfinished_destructions#1": (
        "1 vernietiging is nog niet af.",
        "1 destruction is not finished yet."),
    "pending.failed_files": (
        "{n} opgeslagen verslagen konden nog niet worden verwijderd.",
        "{n} saved reports could not be removed yet."),
    "pending.failed_files#1": (
        "1 opgeslagen verslag kon nog niet worden verwijderd.",
        "1 saved report could not be removed yet."),
    # `wijkteam-intake pending` (without unlocking; printed in Dutch).
    "pending.no_profiles": (
        "Geen profielen gevonden op deze computer.",
        "No profiles found on this computer."),
    "pending.profile.damaged": (
        "Profiel {folder} ({worker}): profielgegevens beschadigd - {problem}",
        "Profile {folder} ({worker}): profile details damaged - {problem}"),
    "pending.profile.unknown": (
        "Profiel {folder} ({worker}): onbekend - nog niet geopend met deze versie van het "
        "programma. Laat de medewerker ontgrendelen{extra}.",
        "Profile {folder} ({worker}): unknown - not yet opened with this version of the "
        "program. Have the worker unlock it{extra}."),
    "pending.profile.ready": (
        "Profiel {folder} ({worker}): klaar om in te leveren: {counts} (stand van "
        "{date}){extra}.",
        "Profile {folder} ({worker}): ready to hand in: {counts} (as of {date}){extra}."),
    "pending.profile.not_ready": (
        "Profiel {folder} ({worker}): NIET klaar om in te leveren: {counts} (stand van "
        "{date}){extra}.",
        "Profile {folder} ({worker}): NOT ready to hand in: {counts} (as of {date}){extra}."),
    "pending.key_change_interrupted": (
        "; een sleutelwijziging is onderbroken (wordt afgerond bij ontgrendelen)",
        "; a key change was interrupted (it is finished at the next unlock)"),
    "pending.count.drafts": (
        "{n} concepten niet overgedragen",
        "{n} drafts not transferred"),
    "pending.count.drafts#1": (
        "1 concept niet overgedragen",
        "1 draft not transferred"),
    "pending.count.drafts_oldest": (
        "{n} concepten niet overgedragen (oudste {oldest})",
        "{n} drafts not transferred (oldest {oldest})"),
    "pending.count.drafts_oldest#1": (
        "1 concept niet overgedragen ({oldest} oud)",
        "1 draft not transferred ({oldest} old)"),
    "pending.count.transferred": (
        "{n} overgedragen maar niet vernietigd",
        "{n} transferred but not destroyed"),
    "pending.count.transferred_oldest": (
        "{n} overgedragen maar niet vernietigd (oudste {oldest})",
        "{n} transferred but not destroyed (oldest {oldest})"),
    "pending.count.transferred_oldest#1": (
        "1 overgedragen maar niet vernietigd ({oldest} geleden)",
        "1 transferred but not destroyed ({oldest} ago)"),
    "pending.count.unfinished": (
        "{n} vernietigingen niet af",
        "{n} destructions not finished"),
    "pending.count.unfinished#1": (
        "1 vernietiging niet af",
        "1 destruction not finished"),
    "pending.count.files": (
        "{n} opgeslagen bestanden niet verwijderd",
        "{n} saved files not removed"),
    "pending.count.files#1": (
        "1 opgeslagen bestand niet verwijderd",
        "1 saved file not removed"),
    # `doctor` (printed in Dutch).
    "pending.doctor.name": (
        "Vernietiging (profiel {folder})",
        "Destruction (profile {folder})"),
    "pending.doctor.unknown": (
        "onbekend: profiel nog niet geopend met deze versie",
        "unknown: profile not yet opened with this version"),
    "pending.doctor.detail": (
        "{unfinished} niet af, {files} bestand(en) niet verwijderd, {waiting} overgedragen en "
        "nog te vernietigen",
        "{unfinished} not finished, {files} file(s) not removed, {waiting} transferred and "
        "still to be destroyed"),
}
