"""Messages of the data requests area: key -> (Dutch, English). See messages/catalogue.py.

Data requests (domain/data_requests.py, services/data_requests.py), the weighing with a privacy
protocol (domain/protocols.py), the organisation catalogue (domain/organisations.py) and the
shared words direction, basis and secrecy (domain/vocabulary.py). The words of the paper
toestemmingsverklaring that address the resident ("u") are not here: they stay in the domain
and in forms/ (the resident is "u" only on paper).
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # -- the shared words (domain/vocabulary.py) ---------------------------------------------
    "direction.opvragen_bij": ("Opvragen bij", "Request from"),
    "direction.verstrekken_aan": ("Verstrekken aan", "Provide to"),
    # In a sentence: "Afweging: gegevens opvragen bij de huisarts".
    "direction.phrase.opvragen_bij": ("opvragen bij", "request from"),
    "direction.phrase.verstrekken_aan": ("verstrekken aan", "provide to"),
    "basis.toetsing": ("Toetsing", "Eligibility check"),
    "basis.verdieping": ("Verdieping", "In depth"),
    "basis.phrase.toetsing": ("toetsing aan criteria", "eligibility check against criteria"),
    "basis.phrase.verdieping": ("verdieping", "in depth"),
    # What saying no means, told to the worker (ZW-2). The resident's own words ("u") are on
    # the toestemmingsverklaring (forms/toestemmingsverklaring.yaml).
    "basis.refusal.toetsing": (
        "De gemeente heeft deze gegevens nodig om te beslissen over de aanvraag (wettelijke "
        "taak). Je vraagt geen toestemming, je informeert de inwoner. Heeft een organisatie met "
        "beroepsgeheim de gegevens, dan vraag je de inwoner die organisatie vrij te geven. "
        "Zonder de gegevens beslist de gemeente op wat zij wel weet.",
        "The municipality needs these data to decide on the application (statutory task). You "
        "do not ask for consent, you inform the resident. If an organisation with professional "
        "secrecy holds the data, you ask the resident to release that organisation from it. "
        "Without the data the municipality decides on what it does know."),
    "basis.refusal.verdieping": (
        "De gegevens helpen om de inwoner beter te helpen. De inwoner mag nee zeggen. Het team "
        "helpt de inwoner dan met de vraag zonder deze gegevens.",
        "The data help the team to help the resident better. The resident may say no. The "
        "team then helps the resident with the question without these data."),
    "secrecy.geen": ("geen beroepsgeheim", "no professional secrecy"),
    "secrecy.big": ("medisch beroepsgeheim (BIG)", "medical professional secrecy (BIG)"),
    "secrecy.skj": ("beroepscode met beroepsgeheim (SKJ-register)",
                    "professional code with professional secrecy (SKJ register)"),
    "secrecy.beroepscode": ("beroepscode", "professional code"),

    # -- status of a request ------------------------------------------------------------------
    "data_request.status.concept": ("Concept", "Draft"),
    "data_request.status.gewogen": ("Gewogen", "Assessed"),
    "data_request.status.toestemming_nodig": ("Toestemming nodig", "Consent needed"),
    "data_request.status.toestemming_gegeven": ("Toestemming gegeven", "Consent given"),
    "data_request.status.geweigerd": ("Geweigerd", "Refused"),
    "data_request.status.verstuurd": ("Verstuurd", "Sent"),
    "data_request.status.niet_delen": ("Niet delen", "Do not share"),
    "data_request.status.doorverwezen": ("Doorverwezen", "Referred"),

    # -- a request that is refused (DataRequestProblem) ---------------------------------------
    "data_request.no_id": ("Het verzoek heeft geen nummer.", "The request has no number."),
    "data_request.purpose.missing": (
        "Schrijf op voor welk doel je de gegevens nodig hebt.",
        "Write down for what purpose you need the data."),
    "data_request.purpose.too_long": (
        "Het doel is te lang (meer dan {max} tekens). Schrijf het korter.",
        "The purpose is too long (more than {max} characters). Write it shorter."),
    "data_request.item.not_text": ("Elk gegeven moet tekst zijn.", "Every item must be text."),
    "data_request.item.too_long": (
        "Een gegeven is te lang (meer dan {max} tekens). Noem het kort, bijvoorbeeld 'verslag "
        "van het laatste gesprek'.",
        "An item is too long (more than {max} characters). Name it briefly, for example 'report "
        "of the last conversation'."),
    "data_request.item.twice": (
        "Een gegeven staat twee keer in de lijst.", "An item is in the list twice."),
    "data_request.items.missing": (
        "Noem precies welke gegevens je wilt opvragen of delen.",
        "State exactly which data you want to request or share."),
    "data_request.items.too_many": (
        "Meer dan {max} gegevens in één verzoek is te veel. Vraag alleen wat nodig is.",
        "More than {max} items in one request is too many. Ask only for what is needed."),
    "data_request.sent_is_final": (
        "Dit verzoek is al verstuurd en kan niet meer veranderen. Maak een nieuw verzoek.",
        "This request has already been sent and can no longer change. Make a new request."),
    "data_request.weighing_unfinished": (
        "Maak de afweging eerst af; daarna wordt zij vastgelegd.",
        "Finish the assessment first; then it is recorded."),
    # What the worker writes down (Override, Informing); {what} is one of the fields below.
    "data_request.note.not_text": ("Vul tekst in bij: {what}.", "Fill in text for: {what}."),
    "data_request.note.missing": ("Vul in: {what}.", "Fill in: {what}."),
    "data_request.note.too_long": (
        "Te lang: {what} (meer dan {max} tekens). Schrijf het korter.",
        "Too long: {what} (more than {max} characters). Write it shorter."),
    "data_request.note.justification": ("waarom je toch deelt", "why you share anyway"),
    "data_request.note.consulted": (
        "met welke deskundige collega en welke leidinggevende je hebt afgestemd",
        "which expert colleague and which manager you consulted"),
    "data_request.note.arguments": (
        "wat de inwoner als bezwaar noemt (of dat de inwoner geen reden geeft)",
        "what the resident names as an objection (or that the resident gives no reason)"),
    "data_request.informing.tell_first": (
        "Vertel de inwoner eerst wat je hebt afgewogen en welke gegevens het zijn. Pas daarna "
        "kan de inwoner ja of nee zeggen.",
        "First tell the resident what you assessed and which data it concerns. Only then can "
        "the resident say yes or no."),
    "data_request.informing.arguments_only_when_objecting": (
        "Bezwaren horen alleen bij 'nee' of 'deels'.",
        "Objections only belong with 'no' or 'partly'."),
    "data_request.informing.choose_items": (
        "Kies de gegevens waar de inwoner wel mee instemt.",
        "Choose the data the resident does agree to."),
    "data_request.informing.items_only_when_partly": (
        "Een keuze van gegevens hoort alleen bij 'deels'.",
        "A choice of data only belongs with 'partly'."),
    "data_request.informing.override_only_when_objecting": (
        "Een besluit om toch te delen hoort alleen bij een inwoner die 'nee' of 'deels' zegt.",
        "A decision to share anyway only belongs with a resident who says 'no' or 'partly'."),
    "data_request.informing.unknown_items": (
        "Bij 'deels' kun je alleen gegevens kiezen die in het verzoek staan.",
        "With 'partly' you can only choose data that are in the request."),
    "data_request.informing.toetsing_informs": (
        "Bij toetsing vraag je geen toestemming: de gemeente heeft de gegevens nodig om te "
        "beslissen. Leg vast dat de inwoner is geïnformeerd, of dat de inwoner bezwaar maakt.",
        "For an eligibility check you do not ask for consent: the municipality needs the data "
        "to decide. Record that the resident was informed, or that the resident objects."),
    "data_request.informing.verdieping_asks": (
        "Bij verdieping beslist de inwoner zelf. Leg vast of de inwoner ja, nee of deels zegt.",
        "For in-depth data the resident decides. Record whether the resident says yes, no or "
        "partly."),
    "data_request.named.too_long": (
        "De naam van de organisatie is te lang (meer dan {max} tekens).",
        "The name of the organisation is too long (more than {max} characters)."),
    "data_request.informing.all_items": (
        "De inwoner stemt in met alle gegevens. Kies dan 'ja' in plaats van 'deels'.",
        "The resident agrees to all the data. Then choose 'yes' instead of 'partly'."),

    # -- why a request can (not) be marked as sent (can_mark_sent) ----------------------------
    "data_request.reason.sent": ("Dit verzoek is al verstuurd.",
                                 "This request has already been sent."),
    "data_request.reason.changed_after_weighing": (
        "Het verzoek is veranderd na de afweging. Maak de afweging opnieuw.",
        "The request changed after the assessment. Make the assessment again."),
    "data_request.reason.not_weighed": (
        "Maak eerst de afweging voor dit verzoek.",
        "First make the assessment for this request."),
    "data_request.reason.refer": (
        "De afweging zegt: verwijs door. Er gaat niets weg.",
        "The assessment says: refer. Nothing is sent."),
    "data_request.reason.do_not_share": (
        "De afweging zegt: niet delen. Er gaat niets weg.",
        "The assessment says: do not share. Nothing is sent."),
    "data_request.reason.no_then_record_decision": (
        "De inwoner zegt nee. Leg je besluit vast: waarom je toch deelt en met welke deskundige "
        "collega en leidinggevende je hebt afgestemd.",
        "The resident says no. Record your decision: why you share anyway and with which "
        "expert colleague and manager you consulted."),
    "data_request.reason.no_then_weigh_again": (
        "De inwoner zegt nee. Wil je toch delen, maak dan de afweging opnieuw (conflict van "
        "plichten of vitaal belang) en leg je besluit vast.",
        "The resident says no. If you still want to share, make the assessment again (conflict "
        "of duties or vital interest) and record your decision."),
    "data_request.reason.record_decision": (
        "Leg je besluit vast: waarom je toch deelt en met welke deskundige collega en "
        "leidinggevende je hebt afgestemd.",
        "Record your decision: why you share anyway and with which expert colleague and "
        "manager you consulted."),
    "data_request.reason.signed": (
        "Er is een getekende toestemmingsverklaring. Het verzoek kan weg.",
        "There is a signed consent statement. The request can be sent."),
    "data_request.reason.released": (
        "De inwoner heeft de organisatie schriftelijk vrijgegeven van het beroepsgeheim. Het "
        "verzoek kan weg; de organisatie beslist zelf wat van belang is.",
        "The resident released the organisation from professional secrecy in writing. The "
        "request can be sent; the organisation decides itself what is relevant."),
    "data_request.reason.consent_refused": (
        "Op de getekende verklaring staat 'nee' voor dit verzoek. Het verzoek kan niet weg.",
        "The signed statement says 'no' to this request. The request cannot be sent."),
    "data_request.reason.release_refused": (
        "De inwoner geeft de organisatie niet vrij van het beroepsgeheim. Het verzoek kan niet "
        "weg. De gemeente beslist op wat zij wel weet.",
        "The resident does not release the organisation from professional secrecy. The "
        "request cannot be sent. The municipality decides on what it does know."),
    "data_request.reason.consent_withdrawn": (
        "De toestemming voor dit verzoek is ingetrokken. Het verzoek kan niet weg.",
        "Consent for this request was withdrawn. The request cannot be sent."),
    "data_request.reason.consent_expired": (
        "De toestemming is verlopen. Vraag opnieuw toestemming met een nieuwe verklaring.",
        "The consent has expired. Ask for consent again with a new statement."),
    "data_request.reason.consent_incomplete": (
        "Nog niet iedereen die moet beslissen heeft getekend en gekozen. Leg vast wat op het "
        "papier staat, of maak een nieuwe verklaring.",
        "Not everyone who must decide has signed and chosen yet. Record what is on the paper, "
        "or make a new statement."),
    "data_request.reason.record_informed": (
        "Leg vast dat je de inwoner hebt verteld welke gegevens de gemeente gebruikt en "
        "waarom.",
        "Record that you told the resident which data the municipality uses and why."),
    "data_request.reason.informed": (
        "De inwoner is geïnformeerd. De gegevens zijn nodig voor de wettelijke taak; "
        "toestemming is niet nodig. Het verzoek kan weg.",
        "The resident has been informed. The data are needed for the statutory task; consent "
        "is not needed. The request can be sent."),
    "data_request.reason.not_signed": (
        "Er is nog geen getekende toestemmingsverklaring. {reason}",
        "There is no signed consent statement yet. {reason}"),
    "data_request.reason.weighing_recorded": (
        "De afweging is vastgelegd. Het verzoek kan weg.",
        "The assessment has been recorded. The request can be sent."),
    "data_request.reason.record_oral_consent": (
        "Leg eerst vast of de inwoner mondeling toestemming geeft.",
        "First record whether the resident gives verbal consent."),
    "data_request.reason.oral_consent": (
        "De inwoner geeft mondeling toestemming.", "The resident gives verbal consent."),
    # Why written consent is needed; {organisation} is "de huisarts" / "the general
    # practitioner" (capitalised at the start of a sentence).
    "data_request.written_reason.big": (
        "{organisation} heeft een medisch beroepsgeheim (BIG).",
        "{organisation} has medical professional secrecy (BIG)."),
    "data_request.written_reason.skj": (
        "{organisation} heeft een beroepscode met beroepsgeheim (SKJ-register).",
        "{organisation} has a professional code with professional secrecy (SKJ register)."),
    "data_request.written_reason.weighing": (
        "De afweging zegt dat schriftelijke toestemming nodig is.",
        "The assessment says written consent is needed."),
    "data_request.written_reason.weighing_in_sentence": (
        "de afweging zegt dat het nodig is.", "the assessment says it is needed."),

    # -- the outcome in plain words (summary_message) -----------------------------------------
    "data_request.summary": ("{sentences}", "{sentences}"),
    "data_request.summary.written": (
        "Schriftelijke toestemming nodig: {reason}", "Written consent needed: {reason}"),
    "data_request.summary.written_release": (
        "Schriftelijke vrijgave van het beroepsgeheim nodig: {reason}",
        "Written release from professional secrecy needed: {reason}"),
    "data_request.summary.despite_objection": (
        "Delen ondanks bezwaar van de inwoner, na afstemming met een deskundige collega en een "
        "leidinggevende.",
        "Sharing despite the resident's objection, after consulting an expert colleague and a "
        "manager."),
    "data_request.summary.without_informing": (
        "Delen zonder de inwoner vooraf te informeren is mogelijk.",
        "Sharing without informing the resident first is possible."),
    "data_request.summary.without_informing_because": (
        "Delen zonder de inwoner vooraf te informeren is mogelijk ({reasons}).",
        "Sharing without informing the resident first is possible ({reasons})."),
    "data_request.summary.inform": (
        "Vertel de inwoner dat je de informatie deelt.",
        "Tell the resident that you are sharing the information."),
    "data_request.summary.share_minimum": (
        "Alleen de gegevens die na de afweging overbleven, gaan mee.",
        "Only the data left after the weighing are included."),
    "data_request.summary.own_code": (
        "Je eigen beroepscode geldt (je bent BIG- of SKJ-geregistreerd).",
        "Your own professional code applies (you are BIG- or SKJ-registered)."),
    "data_request.summary.grounds": ("Grond: {grounds}.", "Ground: {grounds}."),
    "data_request.summary.inform_after": (
        "Informeer de inwoner achteraf, uiterlijk op {date}.",
        "Inform the resident afterwards, by {date} at the latest."),
    "data_request.summary.informed_afterwards": (
        "De inwoner is achteraf geïnformeerd op {date}.",
        "The resident was informed afterwards on {date}."),
    "data_request.summary.response": (
        "Antwoord van de organisatie: {response}.", "The organisation's answer: {response}."),
    "data_request.response.gedeeld": ("gegevens gegeven", "data given"),
    "data_request.response.deels": ("een deel gegeven", "part given"),
    "data_request.response.geweigerd": ("niets gegeven", "nothing given"),
    "data_request.response.not_sent": (
        "Leg het antwoord van de organisatie vast nadat het verzoek verstuurd is.",
        "Record the organisation's answer after the request has been sent."),
    "data_request.note.response": ("de toelichting bij het antwoord", "the note on the answer"),
    "data_request.inform_after.nothing_due": (
        "Bij dit verzoek hoeft de inwoner niet achteraf geïnformeerd te worden, of dat is al "
        "vastgelegd.",
        "This request does not need the resident to be informed afterwards, or that has "
        "already been recorded."),
    "data_request.prefill.ground.toetsing": (
        "Wettelijke taak: de gemeente heeft de gegevens nodig om te beslissen over de aanvraag.",
        "Statutory task: the municipality needs the data to decide on the application."),
    "data_request.prefill.ground.verdieping": (
        "Toestemming van de inwoner.", "The resident's consent."),
    "data_request.narrow.missing": (
        "De afweging zegt: niet meer dan nodig. Haal eerst weg wat niet nodig is.",
        "The weighing says: no more than needed. First remove what is not needed."),
    "data_request.narrow.nothing_removed": (
        "Er is niets weggehaald. Haal minstens één gegeven weg, of maak het smaller, of kies "
        "een ander antwoord.",
        "Nothing was removed. Remove at least one item, or make it narrower, or choose another "
        "answer."),
    "data_request.reason.narrow_first": (
        "Deze afweging zei 'niet meer dan nodig', maar het verzoek is toen niet kleiner "
        "gemaakt. Maak de afweging opnieuw en haal weg wat niet nodig is.",
        "This weighing said 'no more than needed', but the request was not made smaller then. "
        "Weigh again and remove what is not needed."),
    "registration.geen": ("geen BIG- of SKJ-registratie", "no BIG or SKJ registration"),
    "registration.big": ("BIG-geregistreerd", "BIG-registered"),
    "registration.skj": ("SKJ-geregistreerd", "SKJ-registered"),
    "data_request.summary.partly": (
        "De inwoner geeft alleen toestemming voor: {items}.",
        "The resident only gives consent for: {items}."),
    "data_request.summary.no": ("De inwoner zegt nee.", "The resident says no."),
    "data_request.summary.sent_on": ("Verstuurd op {date}.", "Sent on {date}."),
    "data_request.summary.not_signed": (
        "Er is nog geen getekende toestemmingsverklaring.",
        "There is no signed consent statement yet."),
    "data_request.summary.signed": (
        "Er is een getekende toestemmingsverklaring.", "There is a signed consent statement."),
    "data_request.summary.released": (
        "De vrijgave van het beroepsgeheim is getekend.",
        "The release from professional secrecy has been signed."),
    "data_request.summary.informed": (
        "De inwoner is geïnformeerd (wettelijke taak, geen toestemming nodig).",
        "The resident has been informed (statutory task, no consent needed)."),
    # What the statements on paper say about one request, together (RequestConsent).
    "data_request.consent.geen": ("geen verklaring", "no statement"),
    "data_request.consent.in_behandeling": (
        "verklaring wacht op handtekening", "statement waiting for signature"),
    "data_request.consent.gegeven": ("toestemming gegeven", "consent given"),
    "data_request.consent.geweigerd": ("geweigerd", "refused"),
    "data_request.consent.ingetrokken": ("ingetrokken", "withdrawn"),
    "data_request.consent.verlopen": ("verlopen", "expired"),
    "data_request.consent.onvolledig": ("nog niet compleet", "not complete yet"),
    "data_request.consent.niet_nodig": (
        "alleen informatie (wettelijke taak)", "information only (statutory task)"),

    # -- the service ---------------------------------------------------------------------------
    "data_request.protocol.chosen_unknown": (
        "Het gekozen privacyprotocol '{protocol}' bestaat niet. Kies bij Instellingen een van "
        "deze protocollen: {protocols}.",
        "The chosen privacy protocol '{protocol}' does not exist. In Settings, choose one of "
        "these protocols: {protocols}."),
    "data_request.protocol.unknown": (
        "Dit privacyprotocol bestaat niet. Kies er een uit de lijst.",
        "This privacy protocol does not exist. Choose one from the list."),
    "data_request.protocol.changed": (
        "Het protocolbestand is veranderd tijdens de afweging. Sluit de afweging en maak haar "
        "opnieuw.",
        "The protocol file changed during the assessment. Close the assessment and make it "
        "again."),
    "data_request.weighings_inconsistent": (
        "De opgeslagen afwegingen van dit verzoek kloppen niet. Neem contact op met de "
        "beheerder; er is niets veranderd.",
        "The saved assessments of this request are not consistent. Contact the administrator; "
        "nothing has been changed."),
    "data_request.changed_while_weighing": (
        "Het verzoek is veranderd terwijl de afweging openstond. Maak de afweging opnieuw.",
        "The request changed while the assessment was open. Make the assessment again."),

    # -- organisations (domain/organisations.py) ----------------------------------------------
    "organisation.name.missing": (
        "Vul de naam van de organisatie in.", "Fill in the name of the organisation."),
    "organisation.name.too_short": (
        "De naam van de organisatie is te kort. Schrijf de hele naam.",
        "The name of the organisation is too short. Write the full name."),
    "organisation.name.too_long": (
        "De naam van de organisatie is te lang (meer dan {max} tekens). Schrijf alleen de naam; "
        "andere informatie hoort in het verzoek.",
        "The name of the organisation is too long (more than {max} characters). Write only "
        "the name; other information belongs in the request."),
    # {chars}: each character by its Unicode name and code, since it cannot be seen.
    "organisation.name.invisible": (
        "De naam bevat een onzichtbaar teken: {chars}. Wis de naam en typ hem opnieuw.",
        "The name contains an invisible character: {chars}. Clear the name and type it again."),
    "organisation.name.control": (
        "De naam bevat een besturingsteken ({chars}). Wis de naam en typ hem opnieuw.",
        "The name contains a control character ({chars}). Clear the name and type it again."),
    "organisation.name.no_letters": (
        "De naam van de organisatie moet letters bevatten.",
        "The name of the organisation must contain letters."),
    "organisation.regime.missing": (
        "Kies of de organisatie een beroepsgeheim heeft.",
        "Choose whether the organisation has professional secrecy."),
    "organisation.profession.missing": (
        "Kies het beroep (BIG-register), bijvoorbeeld arts of verpleegkundige.",
        "Choose the profession (BIG register), for example doctor or nurse."),
    "organisation.profession.only_big": (
        "Een BIG-beroep hoort alleen bij een BIG-geregistreerde.",
        "A BIG profession only belongs with a BIG-registered professional."),
    "organisation.profession.unknown": (
        "Kies een beroep uit de lijst van het BIG-register.",
        "Choose a profession from the list of the BIG register."),
    "organisation.not_in_list": (
        "Deze organisatie staat niet (meer) in de lijst. Kies een andere of voeg haar toe.",
        "This organisation is not (or no longer) in the list. Choose another one or add it."),
    "organisation.already_in_list": (
        "Deze organisatie staat al in de lijst. Zoek haar op en kies haar daar.",
        "This organisation is already in the list. Look it up and choose it there."),
    # The professions of art. 3 Wet BIG (BigProfession).
    "organisation.big_profession.arts": ("arts", "doctor"),
    "organisation.big_profession.tandarts": ("tandarts", "dentist"),
    "organisation.big_profession.apotheker": ("apotheker", "pharmacist"),
    "organisation.big_profession.gezondheidszorgpsycholoog": (
        "gezondheidszorgpsycholoog", "health-care psychologist"),
    "organisation.big_profession.psychotherapeut": ("psychotherapeut", "psychotherapist"),
    "organisation.big_profession.fysiotherapeut": ("fysiotherapeut", "physiotherapist"),
    "organisation.big_profession.verloskundige": ("verloskundige", "midwife"),
    "organisation.big_profession.verpleegkundige": ("verpleegkundige", "nurse"),
    "organisation.big_profession.physician_assistant": (
        "physician assistant", "physician assistant"),

    # -- the weighing (domain/protocols.py: Weighing, WeighingError) --------------------------
    "weighing.outcome.verwijs_door": ("Verwijs door", "Refer"),
    "weighing.outcome.niet_delen": ("Niet delen", "Do not share"),
    "weighing.outcome.deel_minimaal": (
        "Deel niet meer dan strikt noodzakelijk", "Share no more than strictly necessary"),
    "weighing.outcome.informeer_client": ("Informeer de inwoner", "Inform the resident"),
    "weighing.outcome.stem_af": (
        "Stem af met een deskundige collega en leidinggevende",
        "Consult an expert colleague and a manager"),
    "weighing.outcome.schriftelijke_toestemming": (
        "Schriftelijke toestemming nodig", "Written consent required"),
    "weighing.outcome.delen_zonder_informeren": (
        "Delen zonder eerst te informeren is mogelijk",
        "Sharing without informing first is possible"),
    "weighing.outcome.door_met_toestemming": (
        "Verder met toestemming van de inwoner", "Proceed with the resident's consent"),
    "weighing.outcome.delen_ondanks_bezwaar": (
        "Delen ondanks bezwaar, na afstemming", "Share despite objection, after consultation"),
    "weighing.outcome.door_geinformeerd": (
        "Verder: de inwoner is geïnformeerd (wettelijke taak)",
        "Proceed: the resident is informed (statutory task)"),
    "weighing.outcome.eigen_beroepscode": (
        "Je eigen beroepscode geldt", "Your own professional code applies"),
    # The grounds for data going without consent on the exception paths (LegalGround).
    "weighing.ground.conflict_van_plichten": ("conflict van plichten", "conflict of duties"),
    "weighing.ground.vitaal_belang": (
        "vitaal belang (gevaar voor leven of gezondheid)",
        "vital interest (danger to life or health)"),
    "weighing.ground.meldrecht": (
        "meldrecht (melding bij Veilig Thuis, Wmo 2015 art. 5.2.6)",
        "right to report (report to Veilig Thuis, Wmo 2015 art. 5.2.6)"),
    "weighing.ground.wettelijke_plicht": ("wettelijke plicht", "legal duty"),
    "weighing.ground_unknown": (
        "Kies een grond: conflict van plichten, vitaal belang, meldrecht of wettelijke plicht.",
        "Choose a ground: conflict of duties, vital interest, right to report or legal duty."),
    "weighing.anonymised_yes_or_no": (
        "Kies ja of nee: heb je de casus zonder namen ingebracht?",
        "Choose yes or no: did you bring in the case without names?"),
    "weighing.inform_after_not_a_date": (
        "Kies een datum bij '{label}'.", "Choose a date for '{label}'."),
    "weighing.narrowed_nothing_left": (
        "Er blijft geen enkel gegeven over. Kies dan 'niet delen' of 'niet opvragen'.",
        "No data are left. Then choose 'do not share' or 'do not request'."),
    # ZU-A4B: the justified reasons for not informing first.
    "weighing.reason.voorkomen_strafbare_feiten": (
        "ter voorkoming van strafbare feiten", "to prevent criminal offences"),
    "weighing.reason.bescherming_betrokkene": (
        "in het belang van de bescherming van de betrokkene",
        "to protect the person concerned"),
    "weighing.reason.rechten_en_vrijheden_anderen": (
        "in het belang van de rechten en vrijheden van anderen",
        "for the rights and freedoms of others"),
    "weighing.already_complete": (
        "De afweging is al klaar. Ga terug als je een antwoord wilt wijzigen.",
        "The assessment is already complete. Go back if you want to change an answer."),
    "weighing.not_on_turn": (
        "Deze vraag is nu niet aan de beurt. Beantwoord de vraag op het scherm.",
        "This question is not the current one. Answer the question on the screen."),
    "weighing.answer_not_of_question": (
        "Dit antwoord hoort niet bij deze vraag. Kies een van de antwoorden.",
        "This answer does not belong to this question. Choose one of the answers."),
    "weighing.record_not_allowed": (
        "Bij dit antwoord hoort geen vastlegging van de soort '{kind}'. Laat dat veld leeg.",
        "This answer does not record anything of the kind '{kind}'. Leave that field empty."),
    "weighing.record_not_text": ("'{label}' moet tekst zijn.", "'{label}' must be text."),
    "weighing.record_missing": (
        "Vul eerst in: {label} Dit is verplicht bij het antwoord '{answer}'.",
        "First fill in: {label} This is required with the answer '{answer}'."),
    "weighing.record_too_long": (
        "'{label}' is te lang (meer dan {max} tekens). Schrijf het korter; de details horen in "
        "het dossier.",
        "'{label}' is too long (more than {max} characters). Write it shorter; the details "
        "belong in the case file."),
    "weighing.reason_not_justified": (
        "Kies een gerechtvaardigde reden: voorkomen van strafbare feiten, bescherming van de "
        "betrokkene, of rechten en vrijheden van anderen.",
        "Choose a justified reason: preventing criminal offences, protecting the person "
        "concerned, or the rights and freedoms of others."),
    "weighing.context_missing": (
        "De afweging heeft het gegeven '{context}' nodig van het gegevensverzoek. Vul het "
        "verzoek eerst aan.",
        "The assessment needs the fact '{context}' from the data request. Complete the request "
        "first."),
    "weighing.context_no_answer": (
        "De waarde voor '{context}' past bij geen antwoord in het protocol.",
        "The value for '{context}' matches no answer in the protocol."),
    "weighing.unknown_format": (
        "Deze afweging is opgeslagen in een onbekend formaat.",
        "This assessment was saved in an unknown format."),
    "weighing.other_protocol": (
        "Deze afweging is gemaakt met protocol '{protocol}' versie {version}, en dat is niet het "
        "protocol dat nu geladen is. De opgeslagen tekst blijft zichtbaar; een nieuwe afweging "
        "maak je met het huidige protocol.",
        "This assessment was made with protocol '{protocol}' version {version}, which is not "
        "the protocol loaded now. The saved text stays visible; a new assessment is made with "
        "the current protocol."),
    "weighing.damaged": (
        "Deze opgeslagen afweging is onvolledig of beschadigd.",
        "This saved assessment is incomplete or damaged."),

    # -- a protocol file in forms/protocols that is wrong (DefinitionError problems) ----------
    # {what} names the place in the file, made with the `definition.protocol.what.*` texts.
    "definition.protocol.what.protocol": ("het protocol", "the protocol"),
    "definition.protocol.what.protocol_id": ("id van het protocol", "id of the protocol"),
    "definition.protocol.what.key": ("'{key}'", "'{key}'"),
    "definition.protocol.what.key_of": ("'{key}' van {what}", "'{key}' of {what}"),
    "definition.protocol.what.outcome": ("uitkomst '{id}'", "outcome '{id}'"),
    "definition.protocol.what.an_outcome": ("een uitkomst", "an outcome"),
    "definition.protocol.what.outcome_word": ("uitkomst", "outcome"),
    "definition.protocol.what.node": ("vraag '{id}'", "question '{id}'"),
    "definition.protocol.what.a_node": ("een vraag", "a question"),
    "definition.protocol.what.node_word": ("vraag", "question"),
    "definition.protocol.what.answer": ("antwoord '{id}'", "answer '{id}'"),
    "definition.protocol.what.answer_of": ("antwoord '{id}' van {node}", "answer '{id}' of {node}"),
    "definition.protocol.what.an_answer_of": ("een antwoord van {node}", "an answer of {node}"),
    "definition.protocol.what.answer_word_of": ("antwoord van {node}", "answer of {node}"),
    "definition.protocol.empty": ("het bestand is leeg", "the file is empty"),
    "definition.protocol.text_empty": (
        "{what} is leeg. Vul een tekst in.", "{what} is empty. Fill in a text."),
    "definition.protocol.language_not_text": (
        "{what}: '{lang}' moet tekst zijn.", "{what}: '{lang}' must be text."),
    "definition.protocol.not_text": (
        "{what} moet tekst zijn, of {dutch_key} en {english_key} met een tekst.",
        "{what} must be text, or {dutch_key} and {english_key} with a text."),
    "definition.protocol.unknown_key": (
        "onbekende sleutel '{key}' bij {what}. Toegestaan: {allowed}.",
        "unknown key '{key}' in {what}. Allowed: {allowed}."),
    "definition.protocol.missing_key": (
        "'{key}' ontbreekt bij {what}.", "'{key}' is missing in {what}."),
    "definition.protocol.not_mapping": (
        "{what} moet een lijst van sleutels en waarden zijn.",
        "{what} must be a list of keys and values."),
    "definition.protocol.not_list": (
        "{what} moet een lijst zijn (regels met '- ').",
        "{what} must be a list (lines starting with '- ')."),
    "definition.protocol.bad_id": (
        "{what}: '{value}' is geen geldige id. Gebruik kleine letters, cijfers en '_', en begin "
        "met een letter.",
        "{what}: '{value}' is not a valid id. Use lower-case letters, digits and '_', and start "
        "with a letter."),
    "definition.protocol.id_not_file_name": (
        "de id '{id}' moet gelijk zijn aan de bestandsnaam '{name}'.",
        "the id '{id}' must be the same as the file name '{name}'."),
    "definition.protocol.none_in_folder": (
        "er staat geen protocol (.yaml) in de map.", "there is no protocol (.yaml) in the folder."),
    "definition.protocol.version_not_number": (
        "'version' moet een heel getal van 1 of hoger zijn.",
        "'version' must be a whole number of 1 or more."),
    "definition.protocol.duplicate_id": (
        "de id '{id}' komt twee keer voor (ook op regel {line}). Geef elke vraag en uitkomst "
        "een eigen id.",
        "the id '{id}' occurs twice (also on line {line}). Give every question and outcome an "
        "id of its own."),
    "definition.protocol.no_outcomes": ("er zijn geen uitkomsten.", "there are no outcomes."),
    "definition.protocol.no_nodes": ("er zijn geen vragen.", "there are no questions."),
    "definition.protocol.start_is_outcome": (
        "'start' moet de id van een vraag zijn; '{start}' is een uitkomst.",
        "'start' must be the id of a question; '{start}' is an outcome."),
    "definition.protocol.start_unknown": (
        "'start' moet de id van een vraag zijn; '{start}' is onbekend.",
        "'start' must be the id of a question; '{start}' is unknown."),
    "definition.protocol.unknown_kind": (
        "{what}: onbekende soort '{kind}'. Kies uit: {allowed}.",
        "{what}: unknown kind '{kind}'. Choose from: {allowed}."),
    "definition.protocol.effect_twice": (
        "{what}: '{effect}' staat twee keer bij 'effects'.",
        "{what}: '{effect}' is listed twice under 'effects'."),
    "definition.protocol.bad_rule": (
        "{what}: '{rule}' is geen regel-id zoals 'ZU-A3' of 'ZW-2'.",
        "{what}: '{rule}' is not a rule id such as 'ZU-A3' or 'ZW-2'."),
    "definition.protocol.unknown_context": (
        "{what}: onbekende context '{context}'. Kies uit: {allowed}.",
        "{what}: unknown context '{context}'. Choose from: {allowed}."),
    "definition.protocol.no_answers": (
        "{what} heeft geen antwoorden: een doodlopend pad. Geef minstens één antwoord.",
        "{what} has no answers: a dead end. Give at least one answer."),
    "definition.protocol.answer_twice": (
        "{what}: het antwoord '{id}' staat er twee keer.",
        "{what}: the answer '{id}' is there twice."),
    "definition.protocol.context_value_twice": (
        "{what}: de waarde '{value}' staat bij twee antwoorden.",
        "{what}: the value '{value}' is given with two answers."),
    "definition.protocol.context_not_covered": (
        "{what}: doodlopend pad: geen antwoord voor context '{context}' = {values}. Geef elk "
        "mogelijk antwoord een 'when'.",
        "{what}: dead end: no answer for context '{context}' = {values}. Give every possible "
        "answer a 'when'."),
    "definition.protocol.when_without_context": (
        "{what}: 'when' hoort alleen bij een vraag met 'context'.",
        "{what}: 'when' only belongs with a question that has 'context'."),
    "definition.protocol.when_missing": (
        "{what}: 'when' ontbreekt (de vraag heeft 'context: {context}').",
        "{what}: 'when' is missing (the question has 'context: {context}')."),
    "definition.protocol.when_not_a_value": (
        "{what}: '{value}' is geen waarde van '{context}'. Kies uit: {allowed}.",
        "{what}: '{value}' is not a value of '{context}'. Choose from: {allowed}."),
    "definition.protocol.records_on_context": (
        "{what}: een antwoord op een contextvraag kan niets laten vastleggen.",
        "{what}: an answer to a context question cannot ask to record anything."),
    "definition.protocol.record_twice": (
        "{what}: '{kind}' staat twee keer bij 'records'.",
        "{what}: '{kind}' is listed twice under 'records'."),
    "definition.protocol.required_not_bool": (
        "{what}: 'required' is true of false.", "{what}: 'required' must be true or false."),
    "definition.protocol.dangling_next": (
        "antwoord '{answer}' van vraag '{node}': 'next: {target}' wijst naar niets. Gebruik de "
        "id van een vraag of een uitkomst.",
        "answer '{answer}' of question '{node}': 'next: {target}' points to nothing. Use the "
        "id of a question or an outcome."),
    "definition.protocol.effect_not_outcome": (
        "{what}: het gevolg '{effect}' is geen uitkomst. Gebruik de id van een uitkomst.",
        "{what}: the effect '{effect}' is not an outcome. Use the id of an outcome."),
    "definition.protocol.effect_has_effects": (
        "{what}: het gevolg '{effect}' heeft zelf ook gevolgen. Een gevolg mag zelf geen "
        "'effects' hebben; zet ze er los bij.",
        "{what}: the effect '{effect}' has effects of its own. An effect may not have "
        "'effects' itself; list them separately."),
    "definition.protocol.unreachable": (
        "vraag '{node}' is onbereikbaar: geen antwoord leidt ernaartoe vanaf '{start}'. "
        "Verwijder de vraag of laat een antwoord ernaar wijzen.",
        "question '{node}' cannot be reached: no answer leads to it from '{start}'. Remove the "
        "question or let an answer point to it."),
    "definition.protocol.outcome_unused": (
        "uitkomst '{outcome}' wordt nergens gebruikt. Verwijder haar of laat een antwoord ernaar "
        "wijzen.",
        "outcome '{outcome}' is not used anywhere. Remove it or let an answer point to it."),
    "definition.protocol.cycle": (
        "kringloop: antwoord '{answer}' van vraag '{node}' gaat terug naar '{target}'. Een "
        "afweging moet altijd eindigen; laat het antwoord naar een uitkomst wijzen "
        "(bijvoorbeeld 'niet delen, terug naar afweging 3').",
        "cycle: answer '{answer}' of question '{node}' goes back to '{target}'. An assessment "
        "must always end; let the answer point to an outcome (for example 'do not share, back "
        "to assessment 3')."),

    # -- the organisation catalogue forms/organisaties.yaml that is wrong ---------------------
    "definition.catalogue.what.list": ("de lijst met organisaties", "the list of organisations"),
    "definition.catalogue.what.organisation": ("organisatie '{id}'", "organisation '{id}'"),
    "definition.catalogue.what.an_organisation": ("een organisatie", "an organisation"),
    "definition.catalogue.what.organisation_word": ("organisatie", "organisation"),
    "definition.catalogue.empty": ("het bestand is leeg", "the file is empty"),
    "definition.catalogue.version_not_number": (
        "'version' moet een heel getal van 1 of hoger zijn.",
        "'version' must be a whole number of 1 or more."),
    "definition.catalogue.list_empty": ("de lijst is leeg.", "the list is empty."),
    "definition.catalogue.duplicate_id": (
        "de id '{id}' komt twee keer voor (ook op regel {line}).",
        "the id '{id}' occurs twice (also on line {line})."),
    "definition.catalogue.entry_problem": ("{what}: {problem}", "{what}: {problem}"),
    "definition.catalogue.duplicate_name": (
        "{what}: de naam '{name}' staat er al (regel {line}).",
        "{what}: the name '{name}' is already there (line {line})."),
    "definition.catalogue.financial_yes_no": (
        "{what}: 'financial' moet true of false zijn",
        "{what}: 'financial' must be true or false"),
    "definition.catalogue.unknown_regime": (
        "{what}: onbekend regime '{regime}'. Kies uit: {allowed}.",
        "{what}: unknown regime '{regime}'. Choose from: {allowed}."),
    "definition.catalogue.unknown_profession": (
        "{what}: onbekend beroep '{profession}'. Kies uit: {allowed}.",
        "{what}: unknown profession '{profession}'. Choose from: {allowed}."),
    # The consent part of the conversation, derived from the data requests
    # (domain/consent_overview.py): one line per request.
    "consent_overview.line": (
        "{organisation}, {direction}; {basis}; afweging: {outcome}; toestemming: {consent}; "
        "{secrecy}.",
        "{organisation}, {direction}; {basis}; assessment: {outcome}; consent: {consent}; "
        "{secrecy}."),
    "consent_overview.secrecy.yes": (
        "de gegevens komen van iemand met {secrecy}",
        "the data come from someone with {secrecy}"),
    "consent_overview.secrecy.no": (
        "geen beroepsgeheim bij wie de gegevens heeft",
        "no professional secrecy with whoever holds the data"),
    "consent_overview.not_weighed": ("nog niet afgewogen", "not assessed yet"),
    "consent_overview.consent.nog_niet": ("nog niet gevraagd", "not asked yet"),
    "consent_overview.consent.wettelijke_taak": (
        "niet gevraagd: wettelijke taak, de inwoner is geïnformeerd",
        "not asked: statutory task, the resident has been informed"),
    "consent_overview.consent.nog_informeren": (
        "niet nodig (wettelijke taak), maar de inwoner is nog niet geïnformeerd",
        "not needed (statutory task), but the resident has not been informed yet"),
    "consent_overview.consent.mondeling_ja": ("ja, mondeling", "yes, verbally"),
    "consent_overview.consent.mondeling_deels": (
        "voor een deel, mondeling", "for part of it, verbally"),
    "consent_overview.consent.mondeling_nee": ("nee, mondeling", "no, verbally"),
    "consent_overview.consent.handtekening_nodig": (
        "handtekening nodig, nog geen verklaring gemaakt",
        "signature needed, no statement made yet"),
    "consent_overview.consent.verklaring_open": (
        "verklaring nog niet (helemaal) getekend",
        "statement not (fully) signed yet"),
    "consent_overview.consent.getekend": ("ja, getekend", "yes, signed"),
    "consent_overview.consent.geweigerd": ("geweigerd op papier", "refused on paper"),
    "consent_overview.consent.ingetrokken": ("ingetrokken", "withdrawn"),
    "consent_overview.consent.verlopen": ("verlopen", "expired"),
    "consent_overview.consent.zonder_informeren": (
        "niet gevraagd: gedeeld zonder de inwoner eerst te informeren",
        "not asked: shared without informing the resident first"),
    "consent_overview.consent.ondanks_bezwaar": (
        "nee, toch gedeeld na afstemming",
        "no, shared anyway after consultation"),
    "consent_overview.consent.niets_gedeeld": (
        "niet nodig: er gaat niets weg", "not needed: nothing is sent"),
}
