"""Messages of the logbook area: key -> (Dutch, English). See messages/catalogue.py.

The logboek (vault/audit.py, services/audit_export.py): a label for every action the program
logs (`audit.action.<code>`; tests/unit/test_transfer_logbook_messages.py finds every code in
the code) and every result (`audit.result.<code>`), the chain check, the export; and the counts
of the hand-over overview (services/session_security.py)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # Actions, as the logboek screen and the CSV export show them (what was done).
    "audit.action.profiel.aanmaken": ("Profiel aanmaken", "Create profile"),
    "audit.action.ontgrendelen": ("Ontgrendelen", "Unlock"),
    "audit.action.vergrendelen": ("Vergrendelen", "Lock"),
    "audit.action.profielgegevens.herstellen": (
        "Profielgegevens hersteld uit de andere kopie",
        "Profile details repaired from the other copy"),
    "audit.action.vergrendelen.onvolledig": (
        "Vergrendelen niet helemaal gelukt (vastgelegd bij het ontgrendelen)",
        "Locking not fully completed (recorded at unlocking)"),
    "audit.action.instelling.wijzigen": ("Instelling wijzigen", "Change setting"),
    "audit.action.venster.onthouden": ("Vensterindeling onthouden", "Remember window layout"),
    "audit.action.wachtwoordzin.wijzigen": ("Wachtwoordzin wijzigen", "Change passphrase"),
    "audit.action.sleutel.roteren": ("Sleutel vernieuwen", "Renew key"),
    "audit.action.logboek.controleren": ("Logboek controleren", "Check log"),
    "audit.action.logboek.exporteren": ("Logboek exporteren", "Export log"),
    "audit.action.intake.starten": ("Intake starten", "Start intake"),
    "audit.action.intake.openen": ("Intake openen", "Open intake"),
    "audit.action.intake.status_wijzigen": ("Status wijzigen", "Change status"),
    "audit.action.intake.formulier_bijwerken": ("Formulier bijwerken", "Update form"),
    "audit.action.bsn.tonen": ("BSN tonen", "Show BSN"),
    "audit.action.verslag.maken": ("Gespreksverslag opstellen", "Draw up conversation report"),
    "audit.action.verslag.tonen": ("Verslag tonen voor overdracht", "Show report for transfer"),
    "audit.action.verslag.opslaan_als_pdf": ("Verslag opslaan als pdf", "Save report as PDF"),
    "audit.action.verklaring.opslaan_als_pdf": (
        "Op het scherm getekende verklaring opslaan als pdf",
        "Save a statement signed on the screen as PDF"),
    "audit.action.overdracht.bevestigen": ("Overdracht bevestigen", "Confirm transfer"),
    "audit.action.intake.vernietigen": ("Concept vernietigen", "Destroy draft"),
    "audit.action.intake.vernietigen_afgerond": ("Vernietiging afronden", "Finish destruction"),
    "audit.action.organisatie.toevoegen": ("Organisatie toevoegen", "Add organisation"),
    "audit.action.verzoek.aanmaken": ("Gegevensverzoek maken", "Create data request"),
    "audit.action.verzoek.wijzigen": ("Gegevensverzoek wijzigen", "Change data request"),
    "audit.action.verzoek.wegen": ("Gegevensverzoek afwegen", "Assess data request"),
    "audit.action.verzoek.wegen_gewijzigd": ("Afweging wijzigen", "Change assessment"),
    "audit.action.verzoek.informeren": ("Inwoner informeren over verzoek",
                                        "Inform resident about request"),
    "audit.action.verzoek.achteraf_informeren": ("Inwoner achteraf informeren",
                                                 "Inform resident afterwards"),
    "audit.action.verzoek.antwoord": ("Antwoord van organisatie vastleggen",
                                      "Record the organisation's answer"),
    "audit.action.verzoek.versturen": ("Gegevensverzoek als verstuurd markeren",
                                       "Mark data request as sent"),
    "audit.action.verklaring.maken": ("Toestemmingsverklaring maken", "Make consent statement"),
    "audit.action.verklaring.nieuwe_versie": ("Nieuwe versie van toestemmingsverklaring maken",
                                              "Make new version of consent statement"),
    "audit.action.verklaring.printen": ("Toestemmingsverklaring printen",
                                        "Print consent statement"),
    "audit.action.verslag_inwoner.maken": ("Verslag voor de inwoner maken",
                                           "Make the report for the resident"),
    "audit.action.verslag_inwoner.opmerkingen": ("Opmerkingen van de inwoner vastleggen",
                                                 "Record the resident's remarks"),
    "audit.action.verslag_inwoner.tekenen": ("Verslag voor de inwoner getekend op het scherm",
                                             "Report for the resident signed on the screen"),
    "audit.action.verslag_inwoner.opslaan_als_pdf": (
        "Getekend verslag voor de inwoner opslaan als pdf",
        "Save the signed report for the resident as PDF"),
    "audit.action.verklaring.tekenen": ("Ondertekening vastleggen", "Record signing"),
    "audit.action.verklaring.weigeren": ("Weigering vastleggen", "Record refusal"),
    "audit.action.verklaring.intrekken": ("Intrekking vastleggen", "Record withdrawal"),
    # Actions of the stand-in path (ZW-7) of earlier versions, removed: a personal store holds
    # no other worker's intakes. Kept so an old logboek that holds one still reads as words.
    "audit.action.intake.waarnemen": ("Inkijken als waarnemer", "View as stand-in"),
    "audit.action.intake.coordinator_wijzigen": ("Coördinator wijzigen", "Change coordinator"),
    # An action this version does not know (written by another version of the program).
    "audit.action.unknown": ("Andere actie ({code})", "Other action ({code})"),
    # Results.
    "audit.result.ok": ("gelukt", "succeeded"),
    "audit.result.geweigerd": ("geweigerd", "refused"),
    "audit.result.mislukt": ("mislukt", "failed"),
    # The chain check.
    "audit.problem.missing_one": (
        "regel {first} ontbreekt",
        "entry {first} is missing"),
    "audit.problem.missing_range": (
        "regels {first} tot en met {last} ontbreken",
        "entries {first} to {last} are missing"),
    "audit.problem.chain_broken": (
        "de keten is onderbroken (regel ingevoegd of verwijderd)",
        "the chain is broken (an entry was inserted or removed)"),
    "audit.problem.changed": (
        "de inhoud van deze regel is gewijzigd",
        "the content of this entry has been changed"),
    "audit.problem.tail_removed": (
        "de laatste regels van het logboek zijn verwijderd of gewijzigd",
        "the last entries of the log have been removed or changed"),
    "audit.verify.ok": (
        "Het logboek is in orde: {n} regels gecontroleerd, niets gewijzigd of verwijderd.",
        "The log is in order: {n} entries checked, nothing changed or removed."),
    "audit.verify.ok#1": (
        "Het logboek is in orde: 1 regel gecontroleerd, niets gewijzigd of verwijderd.",
        "The log is in order: 1 entry checked, nothing changed or removed."),
    "audit.verify.changed": (
        "Let op: het logboek is gewijzigd. {n} problemen gevonden in {checked} regels:",
        "Please note: the log has been changed. {n} problems found in {checked} entries:"),
    "audit.verify.changed#1": (
        "Let op: het logboek is gewijzigd. 1 probleem gevonden in {checked} regels:",
        "Please note: the log has been changed. 1 problem found in {checked} entries:"),
    "audit.verify.problem_at": ("• regel {seq}: {problem}", "• entry {seq}: {problem}"),
    "audit.verify.problem_end": ("• einde van het logboek: {problem}",
                                 "• end of the log: {problem}"),
    "audit.verify.report": (
        "Meld dit bij de privacyfunctionaris van jouw gemeente.",
        "Report this to the privacy officer of your municipality."),
    # The CSV export.
    "audit.export_failed": (
        "Het logboek kon niet worden opgeslagen ({reason}).",
        "The log could not be saved ({reason})."),
    "audit.export_failed.advice": (
        "Kies een andere map, bijvoorbeeld op een versleutelde USB-stick van de gemeente.",
        "Choose another folder, for example on an encrypted USB stick of the municipality."),
    # `wijkteam-intake audit verify|export` (printed in Dutch).
    "audit.cli.error": ("Fout: {message}", "Error: {message}"),
    "audit.cli.profile_not_found": (
        "Fout: profiel niet gevonden; geef --profiel met de naam of het id",
        "Error: profile not found; give --profiel with the name or the id"),
    "audit.cli.exported": (
        "{n} regels geëxporteerd naar {file}",
        "{n} entries exported to {file}"),
    "audit.cli.exported#1": (
        "1 regel geëxporteerd naar {file}",
        "1 entry exported to {file}"),
    # Hand-over before a long absence (ZW-8): counts only, no names.
    "handover.count.intakes": (
        "{drafts} concept(en), {ready} klaar voor overdracht, {transferred} overgedragen maar "
        "nog niet vernietigd",
        "{drafts} draft(s), {ready} ready for transfer, {transferred} transferred but not yet "
        "destroyed"),
    "handover.count.items": (
        "{requests} gegevensverzoek(en), {statements} toestemmingsverklaring(en), {files} "
        "bestand(en) buiten de opslag",
        "{requests} data request(s), {statements} consent statement(s), {files} file(s) "
        "outside the storage"),
}
