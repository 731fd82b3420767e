"""Messages of the consent area: key -> (Dutch, English). See messages/catalogue.py.

The toestemmingsverklaring itself (the PDF for the resident, who is "u" there) is not in this
catalogue: its text comes from forms/toestemmingsverklaring.yaml. Only words that are both shown
to the worker and printed live here: who signs and why (`signer.explanation.*`, printed in
Dutch) and the consent states (in Dutch also in the gespreksverslag).
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # -- who signs (domain/signers.py) -------------------------------------------------------
    "signer.role.inwoner": ("inwoner", "resident"),
    "signer.role.jongere": ("jongere", "young person"),
    "signer.role.ouder_met_gezag": ("ouder met gezag", "parent with parental authority"),
    "signer.role.voogd": ("voogd", "guardian"),
    "signer.role.gecertificeerde_instelling": (
        "gecertificeerde instelling (voogdij)", "certified institution (guardianship)"),
    "signer.role.curator": ("curator", "curator"),
    "signer.role.mentor": ("mentor", "mentor"),
    "signer.role.bewindvoerder": ("bewindvoerder", "administrator of finances (bewindvoerder)"),
    "signer.role.vertegenwoordiger": ("vertegenwoordiger", "representative"),
    "signer.relation.schriftelijk_gemachtigde": (
        "schriftelijk gemachtigde", "authorised in writing"),
    "signer.relation.partner": (
        "echtgenoot, geregistreerd partner of levensgezel",
        "spouse, registered partner or life companion"),
    "signer.relation.ouder": ("ouder", "parent"),
    "signer.relation.kind": ("kind", "child"),
    "signer.relation.broer_of_zus": ("broer of zus", "brother or sister"),
    "signer.competence.alles": ("beslist over alle onderdelen", "decides on all items"),
    "signer.competence.geldzaken": (
        "beslist alleen over geldzaken", "decides on financial matters only"),
    "signer.competence.zorg": (
        "beslist over alles behalve geldzaken", "decides on everything except money"),
    "signer.with_role": ("{name} ({role})", "{name} ({role})"),
    "signer.with_role_and_competence": (
        "{name} ({role}; {competence})", "{name} ({role}; {competence})"),
    # Printed on the statement too (in Dutch): the resident may read them, so no "je".
    "signer.explanation.jonger_dan_12": (
        "Het kind is {age} jaar. Onder 12 jaar beslissen de ouders met gezag of de voogd. "
        "Ieder kiest en tekent zelf. Wat het kind er zelf van vindt, is besproken.",
        "The child is {age} years old. Under 12, the parents with parental authority or the "
        "guardian decide. Each chooses and signs. The child's own view has been discussed."),
    "signer.explanation.12_tot_16": (
        "De jongere is {age} jaar. Van 12 tot 16 jaar beslissen de jongere én iedere ouder met "
        "gezag (of de voogd). Ieder kiest zelf ja of nee en tekent zelf.",
        "The young person is {age} years old. From 12 to 16, the young person and each parent "
        "with parental authority (or the guardian) decide. Each chooses yes or no and signs."),
    "signer.explanation.12_tot_16_zonder_ouders": (
        "De jongere is {age} jaar en beslist hier zonder de ouders. De wet staat dat toe als "
        "het nodig is om ernstig nadeel voor de jongere te voorkomen, of als de jongere het na "
        "goed nadenken blijft willen (artikel 7:450 lid 2 Burgerlijk Wetboek; bij jeugdhulp "
        "artikel 7.3.4 lid 2 Jeugdwet).",
        "The young person is {age} years old and decides here without the parents. The law "
        "allows this to prevent serious harm to the young person, or when the young person "
        "keeps wishing it after careful thought (Dutch Civil Code art. 7:450(2); for youth "
        "care Youth Act art. 7.3.4(2))."),
    "signer.explanation.16_en_17": (
        "De jongere is {age} jaar. Vanaf 16 jaar beslist de jongere zelf en tekent alleen.",
        "The young person is {age} years old. From 16, the young person decides and signs "
        "alone."),
    "signer.explanation.volwassene": (
        "De inwoner is {age} jaar en kan zelf over deze verklaring beslissen. De inwoner tekent "
        "zelf.",
        "The resident is {age} years old and can decide about this statement. The resident "
        "signs."),
    "signer.explanation.volwassene_vertegenwoordigd": (
        "De inwoner is {age} jaar en kan nu niet zelf over deze verklaring beslissen. De "
        "vertegenwoordiger beslist, alleen over wat bij zijn taak hoort. Wat de inwoner er zelf "
        "van vindt, is besproken.",
        "The resident is {age} years old and cannot decide about this statement now. The "
        "representative decides, only within his or her competence. The resident's own view "
        "has been discussed."),
    "signer.explanation.16_en_ouder": (
        "De inwoner is {age} jaar. Vanaf 16 jaar tekent de inwoner zelf.",
        "The resident is {age} years old. From 16, residents sign for themselves."),
    "signer.explanation.curatele": (
        "De inwoner staat onder curatele. De curator tekent.",
        "The resident is under legal guardianship (curatele). The curator signs."),
    "signer.custody_missing": (
        "De inwoner is jonger dan 16. Vul in wie het gezag heeft: iedere ouder met gezag, of de "
        "voogd.",
        "The resident is younger than 16. Fill in who has parental authority: each parent "
        "with authority, or the guardian."),
    "signer.capacity_question": (
        "Kan de inwoner zelf beslissen over wat op deze verklaring staat (wilsbekwaam)? "
        "Beantwoord die vraag eerst.",
        "Can the resident decide about what is on this statement (capable of judging it)? "
        "Answer that question first."),
    "signer.representative_missing": (
        "De inwoner kan niet zelf beslissen. Vul in wie beslist: de curator, de mentor en/of "
        "bewindvoerder, of iemand die de wet noemt (schriftelijk gemachtigde, partner, ouder, "
        "kind, broer of zus).",
        "The resident cannot decide. Fill in who decides: the curator, the mentor and/or "
        "bewindvoerder, or someone the law names (authorised in writing, partner, parent, "
        "child, brother or sister)."),
    "signer.relation_missing": (
        "Vul in wie de vertegenwoordiger is voor de inwoner: schriftelijk gemachtigde, partner, "
        "ouder, kind, broer of zus.",
        "Fill in who the representative is to the resident: authorised in writing, partner, "
        "parent, child, brother or sister."),
    "consent.who_signs": (
        "{explanation} Tekenen: {names}.",
        "{explanation} Signing: {names}."),

    # -- what a statement still needs before it can be printed (domain/consent.py) -----------
    "consent.not_ready": (
        "De toestemmingsverklaring is nog niet klaar.",
        "The consent statement is not ready yet."),
    "consent.problem.document_number": (
        "Het documentnummer is ongeldig. Maak de verklaring opnieuw aan.",
        "The document number is not valid. Create the statement again."),
    "consent.problem.version": (
        "Het versienummer van de verklaring moet 1 of hoger zijn.",
        "The version number of the statement must be 1 or higher."),
    "consent.problem.setting_missing": (
        "Vul {what} in bij de instellingen.",
        "Fill in {what} in the settings."),
    "consent.what.gemeente": ("de naam van de gemeente", "the name of the municipality"),
    "consent.what.team": ("de naam van het wijkteam", "the name of the neighbourhood team"),
    "consent.what.medewerker": ("jouw naam als medewerker", "your name as a worker"),
    "consent.what.functie": ("jouw functie", "your job title"),
    "consent.what.team_telefoon": (
        "het telefoonnummer van het team", "the team's phone number"),
    "consent.what.team_email": ("het e-mailadres van het team", "the team's e-mail address"),
    "consent.what.team_adres": ("het postadres van het team", "the team's postal address"),
    "consent.what.fg": (
        "het e-mailadres of telefoonnummer van de functionaris gegevensbescherming (FG)",
        "the e-mail address or phone number of the data protection officer (FG)"),
    "consent.what.privacyverklaring": (
        "waar de privacyverklaring van de gemeente staat",
        "where the municipality's privacy statement is"),
    "consent.what.bewaartermijn": (
        "hoe lang de gemeente het dossier bewaart",
        "how long the municipality keeps the file"),
    "consent.what.bewaartermijn_verklaring": (
        "hoe lang de gemeente de getekende verklaring bewaart",
        "how long the municipality keeps the signed statement"),
    "consent.problem.contact_missing": (
        "Vul bij de instellingen het telefoonnummer, e-mailadres of postadres van het team in. "
        "De inwoner moet weten hoe hij de toestemming kan intrekken.",
        "Fill in the team's phone number, e-mail address or postal address in the settings. "
        "The resident must know how to withdraw consent."),
    "consent.problem.resident_name": (
        "Vul de naam van de inwoner in.",
        "Fill in the name of the resident."),
    "consent.problem.bsn_required": (
        "De gemeente vraagt het BSN op de verklaring. Vul het BSN in.",
        "The municipality asks for the BSN on the statement. Fill in the BSN."),
    "consent.problem.bsn_not_asked": (
        "Het BSN hoort niet op deze verklaring: de gemeente vraagt er niet om. Haal het BSN "
        "weg.",
        "The BSN does not belong on this statement: the municipality does not ask for it. "
        "Remove the BSN."),
    "consent.problem.no_items": (
        "Voeg minstens één onderdeel toe: waarvoor vraag je toestemming?",
        "Add at least one part: what are you asking consent for?"),
    "consent.problem.too_many_items": (
        "Er staan {n} onderdelen op de verklaring; het maximum is {max}. Maak een tweede "
        "verklaring.",
        "The statement has {n} parts; the maximum is {max}. Make a second statement."),
    "consent.problem.item": ("Onderdeel {number}: {problem}", "Part {number}: {problem}"),
    "consent.problem.item.organisation": (
        "vul de naam van de organisatie in.",
        "fill in the name of the organisation."),
    "consent.problem.item.real_name": (
        "vul bij het gegevensverzoek de echte naam in (de praktijk, de school, de persoon). "
        "Toestemming geldt voor een bepaalde organisatie, niet voor een soort.",
        "fill in the real name at the data request (the practice, the school, the person). "
        "Consent is for a specific organisation, not for a kind of organisation."),
    "consent.problem.item.purpose": (
        "vul het doel in. Waarom zijn de gegevens nodig?",
        "fill in the purpose. Why is the data needed?"),
    "consent.problem.item.purpose_too_long": (
        "het doel is te lang ({n} tekens, maximaal {max}). Schrijf het korter.",
        "the purpose is too long ({n} characters, at most {max}). Write it more briefly."),
    "consent.problem.item.no_data": (
        "vul in welke gegevens het gaat.",
        "fill in which data it is about."),
    "consent.problem.item.empty_data": (
        "een van de gegevens is leeg. Vul het in of haal het weg.",
        "one of the data items is empty. Fill it in or remove it."),
    "consent.problem.item.too_many_data": (
        "er staan {n} gegevens; het maximum is {max}. Noem alleen wat nodig is.",
        "there are {n} data items; the maximum is {max}. Name only what is needed."),
    "consent.problem.item.data_too_long": (
        "een gegeven is langer dan {max} tekens. Schrijf het korter.",
        "a data item is longer than {max} characters. Write it more briefly."),
    "consent.problem.item.nobody_decides": (
        "niemand op de verklaring mag hierover beslissen. Een mentor beslist niet over "
        "geldzaken, een bewindvoerder alleen over geldzaken. Vul de juiste vertegenwoordiger "
        "in, of haal dit onderdeel weg.",
        "nobody on the statement may decide on this. A mentor does not decide on money, a "
        "bewindvoerder only on money. Fill in the right representative, or remove this item."),
    "consent.problem.nothing_to_sign": (
        "Op deze verklaring staat alleen informatie over de wettelijke taak: er valt niets te "
        "kiezen of te tekenen. Vertel het de inwoner en leg dat vast bij het gegevensverzoek.",
        "This statement only holds information about the statutory task: there is nothing to "
        "choose or sign. Tell the resident and record that at the data request."),
    "consent.problem.exception_reason": (
        "Schrijf op waarom de ouders niet tekenen: om ernstig nadeel voor de jongere te "
        "voorkomen, of omdat de jongere het na goed nadenken blijft willen.",
        "Write down why the parents do not sign: to prevent serious harm to the young person, "
        "or because the young person keeps wishing it after careful thought."),
    "consent.problem.rule_changed_at_signing": (
        "Op {date} is {name} {age} jaar. Dan moeten andere mensen tekenen dan op deze "
        "verklaring staan. Maak een nieuwe verklaring.",
        "On {date} {name} is {age} years old. Then other people must sign than this statement "
        "names. Make a new statement."),
    "consent.problem.valid_until": (
        "De datum 'geldig tot' ligt vóór de dag waarop de verklaring is gemaakt. Kies een "
        "latere datum.",
        "The 'valid until' date is before the day the statement was made. Choose a later "
        "date."),
    "consent.problem.signing_before_birth": (
        "De datum van ondertekening ligt vóór de geboortedatum. Controleer beide.",
        "The date of signing is before the date of birth. Check both."),
    "consent.problem.no_signers": (
        "Er staat niemand bij 'wie tekent'. Bepaal wie moet tekenen.",
        "Nobody is listed under 'who signs'. Decide who must sign."),
    "consent.problem.signer_name": (
        "Vul de naam in van de {role} die tekent.",
        "Fill in the name of the {role} who signs."),
    "consent.problem.signer_age": (
        "De inwoner is vandaag {age} jaar, maar 'wie tekent' is bepaald voor {decided} jaar. "
        "Bepaal opnieuw wie tekent.",
        "Today the resident is {age} years old, but 'who signs' was decided for age "
        "{decided}. Decide again who signs."),
    "consent.problem.signer_resident_name": (
        "De naam van de inwoner bij 'wie tekent' is anders dan de naam van de inwoner. Bepaal "
        "opnieuw wie tekent.",
        "The resident's name under 'who signs' differs from the name of the resident. Decide "
        "again who signs."),
    "consent.problem.custody_not_checked": (
        "Controleer wie het gezag heeft over de jongere en vink aan dat je dat hebt gedaan.",
        "Check who has parental authority over the young person and tick that you have done "
        "so."),
    "consent.problem.template_changed": (
        "De verklaring is gemaakt met tekst {made_id} versie {made_version}, maar nu is versie "
        "{current_version} van {current_id} gekozen. Maak de verklaring opnieuw aan.",
        "The statement was made with text {made_id} version {made_version}, but now version "
        "{current_version} of {current_id} is chosen. Create the statement again."),
    "consent.problem.template_edited": (
        "De tekst van de toestemmingsverklaring is veranderd zonder nieuw versienummer. Vraag "
        "de beheerder het versienummer op te hogen en maak de verklaring opnieuw aan.",
        "The text of the consent statement has changed without a new version number. Ask the "
        "administrator to raise the version number and create the statement again."),
    "consent.problem.template_value_missing": (
        "De tekst van de verklaring noemt {what}, maar dat is niet ingevuld. Vul het in bij de "
        "instellingen.",
        "The text of the statement mentions {what}, but it has not been filled in. Fill it in "
        "in the settings."),

    # -- document numbers and QR codes (domain/consent.py) -----------------------------------
    "consent.document_number.format": (
        "Een documentnummer ziet eruit als TV-2026-000123-K. Controleer het nummer.",
        "A document number looks like TV-2026-000123-K. Check the number."),
    "consent.document_number.kind": (
        "'{kind}' is geen soort document van dit programma (TV of GV).",
        "'{kind}' is not a kind of document of this program (TV or GV)."),
    "consent.document_number.not_existing": (
        "Dit documentnummer bestaat niet. Controleer het jaar en het volgnummer.",
        "This document number does not exist. Check the year and the sequence number."),
    "consent.document_number.check": (
        "Het controleteken klopt niet. Er is waarschijnlijk een cijfer verkeerd overgenomen.",
        "The check character is wrong. Probably a digit was copied wrongly."),
    "consent.qr.foreign": (
        "Deze QR-code komt niet van Wijkteam Intake.",
        "This QR code does not come from Wijkteam Intake."),
    "consent.qr.bad_hash": (
        "De QR-code bevat geen geldige inhoudshash.",
        "The QR code does not contain a valid content hash."),

    # -- a broken consent text file (forms/toestemmingsverklaring.yaml) ----------------------
    "definition.consent.not_keys": (
        "het bestand moet beginnen met sleutels zoals 'id:'",
        "the file must start with keys such as 'id:'"),
    "definition.consent.bad_id": (
        "'id' mag alleen kleine letters, cijfers, - en _ bevatten",
        "'id' may only contain lower-case letters, digits, - and _"),
    "definition.consent.bad_version": (
        "'version' moet een geheel getal van 1 of hoger zijn",
        "'version' must be a whole number of 1 or higher"),
    "definition.consent.needs": (
        "de tekst van '{section}' moet {name} bevatten",
        "the text of '{section}' must contain {name}"),
    "definition.consent.needs_one_of": (
        "de tekst van '{section}' moet {names} of {last} bevatten",
        "the text of '{section}' must contain {names} or {last}"),
    "definition.consent.unknown_key": (
        "onbekende sleutel '{key}' {where}; bekend zijn: {known}",
        "unknown key '{key}' {where}; known keys are: {known}"),
    "definition.consent.at_top": ("bovenaan", "at the top"),
    "definition.consent.under": ("onder '{key}'", "under '{key}'"),
    "definition.consent.missing": ("'{key}' ontbreekt", "'{key}' is missing"),
    "definition.consent.needs_keys": (
        "'{key}' moet sleutels bevatten", "'{key}' must contain keys"),
    "definition.consent.needs_text": (
        "'{key}' moet tekst zijn en niet leeg", "'{key}' must be text and not empty"),
    "definition.consent.unknown_placeholder": (
        "onbekende plaatshouder {placeholder}; gebruik een van: {known}",
        "unknown placeholder {placeholder}; use one of: {known}"),
    "definition.consent.needs_word": (
        "de tekst van '{section}' moet '{word}' noemen",
        "the text of '{section}' must mention '{word}'"),
    "definition.consent.own_sections_list": (
        "'eigen_onderdelen' moet een lijst zijn van onderdelen met 'kop', 'en' en 'tekst'",
        "'eigen_onderdelen' must be a list of sections with 'kop', 'en' and 'tekst'"),
    "definition.consent.loose_brace": (
        "losse accolade {{ of }} in de tekst; een plaatshouder ziet eruit als {{team}}",
        "a loose brace {{ or }} in the text; a placeholder looks like {{team}}"),

    # -- the consent service (services/consent.py) -------------------------------------------
    "consent.state.concept": ("Klaar om te printen", "Ready to print"),
    "consent.state.geprint": ("Geprint, wacht op handtekening", "Printed, waiting for signature"),
    "consent.state.getekend": ("Getekend", "Signed"),
    "consent.state.geweigerd": ("Geweigerd", "Refused"),
    "consent.state.ingetrokken": ("Ingetrokken", "Withdrawn"),
    "consent.state.expired": ("{state}, verlopen", "{state}, expired"),
    "consent.state.incomplete": (
        "{state}, nog niet compleet", "{state}, not complete yet"),
    "consent.state.replaced": (
        "{state} (vervangen door een nieuwe versie)",
        "{state} (replaced by a new version)"),
    "consent.notice.default_used": (
        "Bij de instellingen staat nog niet {what}. Op de verklaring staat nu '{value}'.",
        "The settings do not have {what} yet. The statement now shows '{value}'."),
    "consent.notice.valid_until_birthday": (
        "De verklaring geldt tot en met {date}. Dan wordt de inwoner {age} en tekenen er andere "
        "mensen: maak dan een nieuwe verklaring.",
        "The statement is valid up to and including {date}. Then the resident turns {age} and "
        "other people sign: make a new statement then."),
    "consent.notice.logo_invalid": (
        "Het logo bij de instellingen is geen geldig plaatje. De verklaring wordt zonder logo "
        "geprint.",
        "The logo in the settings is not a valid image. The statement is printed without a "
        "logo."),
    "consent.notice.no_logo": (
        "Er is geen logo van de gemeente ingesteld. De verklaring wordt zonder logo geprint.",
        "No municipality logo has been set. The statement is printed without a logo."),
    "consent.compose.weighed_not_to_share": (
        "{n} verzoeken zijn afgewogen als 'niet delen' of 'verwijs door'. Die komen niet op de "
        "verklaring.",
        "{n} requests were weighed as 'do not share' or 'refer'. They do not go on the "
        "statement."),
    "consent.compose.weighed_not_to_share#1": (
        "Eén verzoek is afgewogen als 'niet delen' of 'verwijs door'. Dat komt niet op de "
        "verklaring.",
        "One request was weighed as 'do not share' or 'refer'. It does not go on the "
        "statement."),
    "consent.compose.no_requests": (
        "Kies minstens één gegevensverzoek voor de verklaring.",
        "Choose at least one data request for the statement."),
    "consent.compose.birth_date_missing": (
        "Vul bij 'De inwoner' de geboortedatum in. Die bepaalt wie tekent.",
        "Fill in the resident's date of birth. It decides who signs."),
    "consent.compose.both_parents": (
        "Bij 'wie heeft het gezag' staat: beide ouders. Vul de namen van beide ouders in: "
        "iedere ouder met gezag kiest en tekent zelf.",
        "'Who holds custody' says: both parents. Fill in the names of both parents: each "
        "parent with custody chooses and signs."),
    "consent.compose.child_view_missing": (
        "Schrijf op wat het kind er zelf van vindt. Op de verklaring staat dat dit besproken "
        "is; het wordt niet geprint.",
        "Write down what the child thinks of it. The statement says this was discussed; it is "
        "not printed."),
    "consent.compose.own_view_missing": (
        "Schrijf op wat de inwoner er zelf van vindt. Op de verklaring staat dat dit besproken "
        "is; het wordt niet geprint.",
        "Write down what the resident thinks of it. The statement says this was discussed; it "
        "is not printed."),
    "consent.compose.not_complete": (
        "De verklaring is niet compleet.",
        "The statement is not complete."),
    "consent.print.signed": (
        "Deze verklaring is al getekend. Wil je opnieuw toestemming vragen, maak dan een "
        "nieuwe verklaring.",
        "This statement has already been signed. To ask for consent again, make a new "
        "statement."),
    "consent.print.refused": (
        "Deze verklaring is geweigerd. Wil je opnieuw toestemming vragen, maak dan een nieuwe "
        "verklaring.",
        "This statement was refused. To ask for consent again, make a new statement."),
    "consent.print.withdrawn": (
        "Deze verklaring is ingetrokken. Wil je opnieuw toestemming vragen, maak dan een "
        "nieuwe verklaring.",
        "This statement was withdrawn. To ask for consent again, make a new statement."),
    "consent.print.replaced": (
        "Er is een nieuwere versie van deze verklaring. Print die.",
        "There is a newer version of this statement. Print that one."),
    "consent.print.no_longer": (
        "Deze verklaring kan niet meer geprint worden.",
        "This statement can no longer be printed."),
    "consent.signed.not_printed": (
        "Alleen een geprinte verklaring kan getekend zijn. Print de verklaring eerst.",
        "Only a printed statement can be signed. Print the statement first."),
    "consent.screen.not_allowed": (
        "Op het scherm tekenen kan alleen bij een verklaring die nog niet is getekend, "
        "geweigerd of ingetrokken.",
        "Signing on the screen is only possible for a statement that has not been signed, "
        "refused or withdrawn."),
    "consent.screen.replaced": (
        "Er is een nieuwere versie van deze verklaring. Laat die tekenen.",
        "There is a newer version of this statement. Have that one signed."),
    "consent.screen.text_changed": (
        "De verklaring is veranderd sinds de tekst werd getoond. Begin opnieuw met tekenen op "
        "het scherm.",
        "The statement changed after its text was shown. Start signing on the screen again."),
    "consent.screen.no_signature": (
        "{name} heeft nog niet getekend in het vak voor de handtekening.",
        "{name} has not signed in the signature box yet."),
    "consent.screen.everyone": (
        "Op het scherm tekent iedereen die op de verklaring staat. Nog niet getekend: {names}. "
        "Tekent iemand later? Print de verklaring dan en leg de handtekeningen vast met "
        "'Getekend vastleggen'.",
        "On the screen everyone on the statement signs. Not signed yet: {names}. Will someone "
        "sign later? Then print the statement and record the signatures with 'Record "
        "signatures'."),
    "consent.screen.no_place": (
        "Vul de plaats van ondertekening in.",
        "Fill in the place of signing."),
    "consent.find.unknown": (
        "Er is geen verklaring met nummer {number}. Kijk of je het nummer goed hebt "
        "overgenomen.",
        "There is no statement with number {number}. Check that you copied the number "
        "correctly."),
    "consent.find.other_intake": (
        "Verklaring {number} hoort bij een andere intake. Open die intake om de handtekeningen "
        "vast te leggen.",
        "Statement {number} belongs to another intake. Open that intake to record the "
        "signatures."),
    "consent.find.other_version": (
        "De QR-code hoort bij een andere tekst dan verklaring {number} in het programma. "
        "Leg dit papier niet vast; print de verklaring opnieuw.",
        "The QR code belongs to another text than statement {number} in the program. Do not "
        "record this paper; print the statement again."),
    "consent.find.not_printed": (
        "Verklaring {number} is nog niet geprint met het programma. Print hem eerst, of laat "
        "hem op het scherm tekenen.",
        "Statement {number} has not been printed with the program yet. Print it first, or "
        "have it signed on the screen."),
    "consent.find.nothing_to_record": (
        "Bij verklaring {number} valt niets meer vast te leggen (status: {state}).",
        "There is nothing left to record for statement {number} (status: {state})."),
    "consent.signed.nobody": (
        "Vul in wie de verklaring heeft getekend.",
        "Fill in who signed the statement."),
    "consent.signed.unknown_signer": (
        "Deze persoon staat niet op de verklaring.",
        "This person is not on the statement."),
    "consent.signed.no_date": (
        "Vul de datum in waarop is getekend.",
        "Fill in the date of signing."),
    "consent.signed.choice_without_signature": (
        "Een keuze telt alleen met een handtekening. Vink 'heeft getekend' aan, of laat de "
        "vakjes leeg.",
        "A choice only counts with a signature. Tick 'has signed', or leave the boxes empty."),
    "consent.signed.not_a_decider": (
        "Deze persoon beslist niet over dit onderdeel.",
        "This person does not decide on this item."),
    "consent.refused.closed": (
        "Deze verklaring is al getekend, geweigerd of ingetrokken.",
        "This statement has already been signed, refused or withdrawn."),
    "consent.refused.no_reason": (
        "Schrijf op waarom de inwoner weigert, of 'geen reden gegeven'.",
        "Write down why the resident refuses, or 'no reason given'."),
    "consent.withdrawn.not_signed": (
        "Alleen een getekende verklaring kan worden ingetrokken.",
        "Only a signed statement can be withdrawn."),
    "consent.withdrawn.nothing": (
        "Er is niets om in te trekken: er is voor dit onderdeel geen getekende toestemming.",
        "There is nothing to withdraw: there is no signed consent for this item."),
    "consent.withdrawn.no_how": (
        "Schrijf op hoe de inwoner de toestemming heeft ingetrokken.",
        "Write down how the resident withdrew consent."),
    "consent.date.future": (
        "De datum ligt in de toekomst. Controleer de datum.",
        "The date is in the future. Check the date."),
    "consent.date.before_created": (
        "De datum ligt vóór de dag waarop de verklaring is gemaakt.",
        "The date is before the day the statement was created."),

    # -- what the signatures mean per item (domain/consent.py ItemOutcome) ------------------
    "consent.outcome.open": ("nog niet getekend", "not signed yet"),
    "consent.outcome.niet_nodig": ("alleen informatie", "information only"),
    "consent.outcome.gegeven": ("toestemming gegeven", "consent given"),
    "consent.outcome.geweigerd": ("geweigerd", "refused"),
    "consent.outcome.onvolledig": ("nog niet compleet", "not complete yet"),
    "consent.outcome.ingetrokken": ("ingetrokken", "withdrawn"),
    "consent.outcome.verlopen": ("verlopen", "expired"),

    # -- the history of a statement (the panel's list) ---------------------------------------
    "consent.history.who_signs": ("{number}: {explanation}", "{number}: {explanation}"),
    "consent.history.event": ("{moment} {event}", "{moment} {event}"),
    "consent.history.event_details": ("{moment} {event} {details}", "{moment} {event} {details}"),
    "consent.history.on": ("(datum {date})", "(date {date})"),
    "consent.history.by": ("door {names}", "by {names}"),
    "consent.history.reason": ("— reden: {reason}", "— reason: {reason}"),
    "consent.history.on_screen": ("— op het scherm, in {place} om {time}",
                                  "— on the screen, in {place} at {time}"),
    "consent.history.how": ("— hoe: {how}", "— how: {how}"),
    "consent.history.refused_items": (
        "— {name} zegt nee tegen: {items}", "— {name} says no to: {items}"),
    "consent.history.items": ("— voor: {items}", "— for: {items}"),
    "consent.history.shared_column": (
        "de gezamenlijke kolom van de oude verklaring", "the shared column of the old statement"),
    "consent.history.outcome": ("{organisation}: {outcome}", "{organisation}: {outcome}"),
    "consent.event.gemaakt": ("gemaakt", "created"),
    "consent.event.geprint": ("geprint", "printed"),
    "consent.event.opnieuw_geprint": ("opnieuw geprint", "printed again"),
    "consent.event.getekend": ("getekend", "signed"),
    "consent.event.geweigerd": ("geweigerd", "refused"),
    "consent.event.ingetrokken": ("ingetrokken", "withdrawn"),
    "consent.event.vervangen": ("vervangen door een nieuwe versie", "replaced by a new version"),

    # -- consent status in the gespreksverslag (services/report.py; the report is Dutch) -----
    "consent.report.no_statement": (
        "Nog geen toestemmingsverklaring gemaakt",
        "No consent statement created yet"),
    "consent.report.not_needed": (
        "Geen schriftelijke toestemming nodig",
        "No written consent needed"),
}
