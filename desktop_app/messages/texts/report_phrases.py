"""The sentences of the gespreksverslag (services/report_narrative.py): key -> (Dutch, English).
See messages/catalogue.py.

The report is written about the resident, for the dossier: third person, short sentences.
Keys, per field id of the gespreksformulier (a field without a key here is written as
"Label: antwoord."):
- `report.phrase.<field>`: the sentence, with `{value}` the answer; for a long text or a list
  it is the lead above it (no `{value}`).
- `report.phrase.<field>.ja` / `.nee`: a yes/no question as a statement.
- `report.phrase.<field>.<choice>`: one choice as a whole sentence; for a multiple choice, the
  words for that choice inside the sentence ("een tolk").
- `report.column.<field>.<column>`: a column of a list: a table header, or in a list of people
  the words around the value ("geboren {value}"); `.<choice>`, `.ja`, `.nee` as above.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # -- how lists and the fallback are written
    "report.and": ("{first} en {last}", "{first} and {last}"),
    "report.no_name": ("(geen naam)", "(no name)"),
    "report.domain.lead": (
        "Leefgebieden die aan bod kwamen, met de score van de Zelfredzaamheid-Matrix "
        "(1 = acute problemen, 5 = volledig zelfredzaam)",
        "Life domains discussed, with the score of the Self-Sufficiency Matrix "
        "(1 = acute problems, 5 = fully self-sufficient)"),
    "report.domain.help.ja": ("Hulp gewenst.", "Help wanted."),
    "report.domain.help.nee": ("Geen hulp gewenst.", "No help wanted."),
    "report.domain.empty": ("Besproken, zonder score of toelichting.",
                            "Discussed, without a score or notes."),

    # -- bezoek (Het gesprek)
    "report.phrase.bezoek_datum": ("Het gesprek was op {value}.",
                                   "The conversation took place on {value}."),
    "report.phrase.bezoek_datum.met_plaats": ("Het gesprek was op {value} {place}.",
                                              "The conversation took place on {value} {place}."),
    "report.phrase.bezoek_plaats": ("Het gesprek was {place}.",
                                    "The conversation took place {place}."),
    "report.place.thuis": ("bij de inwoner thuis", "at the resident's home"),
    "report.place.kantoor": ("op het kantoor van het wijkteam",
                             "at the neighbourhood team's office"),
    "report.place.elders": ("ergens anders", "somewhere else"),
    "report.phrase.melding_datum": ("De melding kwam binnen op {value}.",
                                    "The request for help was received on {value}."),
    "report.phrase.aanwezig": ("Aanwezig: {value}.", "Present: {value}."),
    "report.phrase.aanwezig.inwoner": ("de inwoner", "the resident"),
    "report.phrase.aanwezig.partner": ("de partner", "the partner"),
    "report.phrase.aanwezig.kinderen": ("een of meer kinderen", "one or more children"),
    "report.phrase.aanwezig.ouders": ("een of beide ouders", "one or both parents"),
    "report.phrase.aanwezig.familie": ("een ander familielid", "another family member"),
    "report.phrase.aanwezig.mantelzorger": ("de mantelzorger", "the informal carer"),
    "report.phrase.aanwezig.tolk": ("een tolk", "an interpreter"),
    "report.phrase.aanwezig.professional": ("een andere hulpverlener", "another professional"),
    "report.phrase.aanwezig.anders": ("iemand anders", "someone else"),
    "report.phrase.aanwezig_wie": ("Wie dat waren: {value}.", "Who they were: {value}."),
    "report.phrase.gesprekstaal.goed": ("Het gesprek in het Nederlands ging goed.",
                                        "The conversation in Dutch went well."),
    "report.phrase.gesprekstaal.met_hulp": (
        "Het gesprek in het Nederlands lukte met hulp (uitleg, tolk of familie).",
        "The conversation in Dutch went with help (explanation, interpreter or family)."),
    "report.phrase.gesprekstaal.moeilijk": ("Het gesprek in het Nederlands ging moeilijk.",
                                            "The conversation in Dutch was difficult."),
    "report.phrase.identiteit_vastgesteld.document": (
        "De identiteit is vastgesteld met een identiteitsbewijs.",
        "Identity was established with an identity document."),
    "report.phrase.identiteit_vastgesteld.eerder": ("De identiteit was al eerder vastgesteld.",
                                                    "Identity had been established before."),
    "report.phrase.identiteit_vastgesteld.nee": ("De identiteit is nog niet vastgesteld.",
                                                 "Identity has not been established yet."),
    "report.phrase.identiteit_document.paspoort": ("Dat was een paspoort.", "It was a passport."),
    "report.phrase.identiteit_document.identiteitskaart": ("Dat was een identiteitskaart.",
                                                           "It was an identity card."),
    "report.phrase.identiteit_document.rijbewijs": ("Dat was een rijbewijs.",
                                                    "It was a driving licence."),
    "report.phrase.identiteit_document.verblijfsdocument": ("Dat was een verblijfsdocument.",
                                                            "It was a residence document."),
    "report.phrase.identiteit_document.anders": ("Dat was een ander identiteitsbewijs.",
                                                 "It was another identity document."),

    # -- inwoner
    "report.phrase.inwoner_geboortedatum": ("Geboren op {value}.", "Born on {value}."),
    "report.phrase.contact_noteren.ja": ("Er zijn hier contactgegevens genoteerd.",
                                         "Contact details are noted here."),
    "report.phrase.contact_noteren.nee": (
        "Adres en telefoon staan in het centrale dossier en zijn hier niet genoteerd.",
        "Address and phone are in the central case file and are not noted here."),
    "report.phrase.contact_reden": ("Reden: {value}.", "Reason: {value}."),
    "report.phrase.inwoner_adres": ("Adres: {value}.", "Address: {value}."),
    "report.phrase.inwoner_telefoon": ("Telefoon: {value}.", "Phone: {value}."),
    "report.phrase.inwoner_bsn": ("BSN: {value}.", "BSN: {value}."),

    # -- huishouden
    "report.phrase.huishouden_leden": ("Wie er in huis wonen, naast de inwoner",
                                       "Who else lives in the household"),
    "report.column.huishouden_leden.relatie.partner": ("partner", "partner"),
    "report.column.huishouden_leden.relatie.kind": ("kind", "child"),
    "report.column.huishouden_leden.relatie.pleegkind": ("pleegkind", "foster child"),
    "report.column.huishouden_leden.relatie.ouder": ("ouder", "parent"),
    "report.column.huishouden_leden.relatie.broer_zus": ("broer of zus", "brother or sister"),
    "report.column.huishouden_leden.relatie.grootouder": ("opa of oma", "grandparent"),
    "report.column.huishouden_leden.relatie.huisgenoot": ("huisgenoot", "housemate"),
    "report.column.huishouden_leden.relatie.anders": ("andere relatie", "other relation"),
    "report.column.huishouden_leden.geboortedatum": ("geboren {value}", "born {value}"),
    "report.column.huishouden_leden.gezag.ja": ("heeft gezag", "holds custody"),
    "report.column.huishouden_leden.gezag.nee": ("geen gezag", "no custody"),
    "report.phrase.kind_betrokken.ja": (
        "De hulpvraag gaat (ook) over een kind of jongere onder de 18.",
        "The request (also) concerns a child or young person under 18."),
    "report.phrase.kind_betrokken.nee": (
        "De hulpvraag gaat niet over een kind of jongere onder de 18.",
        "The request does not concern a child or young person under 18."),
    "report.phrase.gezag_wie.beide_ouders": ("Beide ouders hebben het gezag.",
                                             "Both parents hold custody."),
    "report.phrase.gezag_wie.een_ouder": ("Eén ouder heeft het gezag.",
                                          "One parent holds custody."),
    "report.phrase.gezag_wie.voogd": ("Een voogd heeft het gezag.", "A guardian holds custody."),
    "report.phrase.gezag_wie.gecertificeerde_instelling": (
        "Een gecertificeerde instelling heeft het gezag.",
        "A certified youth protection institution holds custody."),
    "report.phrase.gezag_wie.onbekend": ("Wie het gezag heeft, is nog niet bekend.",
                                         "Who holds custody is not known yet."),
    "report.phrase.gezag_namen": ("Gezag bij: {value}.", "Custody held by: {value}."),
    "report.phrase.gezag_gecontroleerd.gezagsregister": (
        "Het gezag is gecontroleerd in het gezagsregister.",
        "Custody was checked in the custody register."),
    "report.phrase.gezag_gecontroleerd.document": (
        "Het gezag is gecontroleerd met een uittreksel of beschikking.",
        "Custody was checked with an extract or court decision."),
    "report.phrase.gezag_gecontroleerd.nog_niet": ("Het gezag is nog niet gecontroleerd.",
                                                   "Custody has not been checked yet."),
    "report.phrase.gezag_vervolg": ("Controle van het gezag: {value}.",
                                    "Custody check planned: {value}."),
    "report.phrase.vertegenwoordiging.geen": (
        "De inwoner heeft geen curator, bewindvoerder of mentor.",
        "The resident has no curator, financial administrator or mentor."),
    "report.phrase.vertegenwoordiging.curatele": ("De inwoner staat onder curatele.",
                                                  "The resident has a curator."),
    "report.phrase.vertegenwoordiging.beschermingsbewind": (
        "De inwoner heeft een bewindvoerder (beschermingsbewind).",
        "The resident has a financial administrator."),
    "report.phrase.vertegenwoordiging.mentorschap": ("De inwoner heeft een mentor.",
                                                     "The resident has a mentor."),
    "report.phrase.vertegenwoordiging.onbekend": (
        "Of de inwoner een curator, bewindvoerder of mentor heeft, is niet bekend.",
        "Whether the resident has a curator, financial administrator or mentor is not known."),
    "report.phrase.vertegenwoordiger_naam": ("Naam van de vertegenwoordiger: {value}.",
                                             "Name of the representative: {value}."),

    # -- hulpvraag
    "report.phrase.hulpvraag": ("De hulpvraag, in de woorden van de inwoner",
                                "The request for help, in the resident's own words"),
    "report.phrase.hulpvraag_wet": ("Wet (eerste inschatting): {value}.",
                                    "Law (first estimate): {value}."),
    "report.phrase.hulpvraag_wet.wmo": ("Wmo", "Wmo"),
    "report.phrase.hulpvraag_wet.jeugdwet": ("Jeugdwet", "Youth Act"),
    "report.phrase.hulpvraag_wet.participatiewet": ("Participatiewet", "Participation Act"),
    "report.phrase.hulpvraag_wet.anders": ("iets anders", "something else"),
    "report.phrase.hulpvraag_wet.onbekend": ("nog niet duidelijk", "not clear yet"),
    "report.phrase.spoed.ja": ("Er is nu meteen hulp nodig, nog voor het onderzoek klaar is.",
                               "Help is needed right away, before the assessment is finished."),
    "report.phrase.spoed.nee": ("Er is geen hulp nodig voordat het onderzoek klaar is.",
                                "No help is needed before the assessment is finished."),
    "report.phrase.spoed_wat": ("Welke hulp nu meteen nodig is",
                                "Which help is needed right away"),

    # -- veiligheid en meldcode
    "report.phrase.zorgen_veiligheid.ja": (
        "Er zijn zorgen over de veiligheid van de inwoner of van een kind.",
        "There are concerns about the safety of the resident or of a child."),
    "report.phrase.zorgen_veiligheid.nee": (
        "Er zijn geen zorgen over de veiligheid van de inwoner of van een kind.",
        "There are no concerns about the safety of the resident or of a child."),
    "report.phrase.veiligheid_toelichting": ("Welke signalen er zijn", "Which signs there are"),
    "report.phrase.meldcode_overleg.aandachtsfunctionaris": (
        "Er is overlegd met de aandachtsfunctionaris.", "The safeguarding officer was consulted."),
    "report.phrase.meldcode_overleg.veilig_thuis": ("Er is overlegd met Veilig Thuis.",
                                                    "Veilig Thuis was consulted."),
    "report.phrase.meldcode_overleg.beide": (
        "Er is overlegd met de aandachtsfunctionaris en met Veilig Thuis.",
        "The safeguarding officer and Veilig Thuis were consulted."),
    "report.phrase.meldcode_overleg.nog_niet": (
        "Er is nog niet overlegd met de aandachtsfunctionaris of Veilig Thuis.",
        "Neither the safeguarding officer nor Veilig Thuis has been consulted yet."),
    "report.phrase.meldcode_overleg_datum": ("Datum van het overleg: {value}.",
                                             "Date of the consultation: {value}."),
    "report.phrase.meldcode_gesprek.ja": (
        "Er is met de inwoner over de zorgen gepraat.",
        "The concerns were discussed with the resident."),
    "report.phrase.meldcode_gesprek.nee_onveilig": (
        "Er is niet met de inwoner over de zorgen gepraat, omdat dat de situatie onveiliger "
        "maakt.",
        "The concerns were not discussed with the resident, because that would make things "
        "less safe."),
    "report.phrase.meldcode_gesprek.nog_niet": (
        "Er is nog niet met de inwoner over de zorgen gepraat.",
        "The concerns have not been discussed with the resident yet."),
    "report.phrase.afweging_acuut.ja": ("Er is acute onveiligheid.", "There is acute danger."),
    "report.phrase.afweging_acuut.nee": ("Er is geen acute onveiligheid.",
                                         "There is no acute danger."),
    "report.phrase.afweging_structureel.ja": ("Er is structurele onveiligheid.",
                                              "There is structural danger."),
    "report.phrase.afweging_structureel.nee": ("Er is geen structurele onveiligheid.",
                                               "There is no structural danger."),
    "report.phrase.meldcode_besluit.melden": ("Besluit: melden bij Veilig Thuis.",
                                              "Decision: report to Veilig Thuis."),
    "report.phrase.meldcode_besluit.hulp": (
        "Besluit: hulp bieden of organiseren en de veiligheid volgen.",
        "Decision: offer or arrange help and monitor safety."),
    "report.phrase.meldcode_besluit.geen_zorgen": ("Besluit: de zorgen zijn weggenomen.",
                                                   "Decision: the concerns have been resolved."),
    "report.phrase.meldcode_besluit.nog_niet": ("Er is nog geen besluit genomen.",
                                                "No decision has been taken yet."),
    "report.phrase.kindcheck_zorgen.ja": (
        "Kindcheck: er zijn zorgen over de veiligheid of de ontwikkeling van de kinderen in huis.",
        "Child check: there are concerns about the safety or development of the children in "
        "the household."),
    "report.phrase.kindcheck_zorgen.nee": (
        "Kindcheck: geen zorgen over de veiligheid of de ontwikkeling van de kinderen in huis.",
        "Child check: no concerns about the safety or development of the children in the "
        "household."),
    "report.phrase.kindcheck_toelichting": ("De zorgen over de kinderen",
                                            "The concerns about the children"),

    # -- jeugd
    "report.phrase.kind_eigen_woorden": ("Wat het kind of de jongere zelf zegt",
                                         "What the child or young person says"),
    "report.phrase.kind_gesproken.alleen": (
        "Er is met het kind of de jongere gesproken, ook alleen.",
        "The child or young person was spoken with, also alone."),
    "report.phrase.kind_gesproken.met_ouders": (
        "Er is met het kind of de jongere gesproken, samen met de ouders.",
        "The child or young person was spoken with, together with the parents."),
    "report.phrase.kind_gesproken.nee": ("Er is niet met het kind of de jongere zelf gesproken.",
                                         "The child or young person was not spoken with."),
    "report.phrase.kind_niet_gesproken_reden": ("Waarom niet: {value}.", "Why not: {value}."),
    "report.phrase.familiegroepsplan.wil_maken": (
        "De familie wil eerst zelf een plan maken (familiegroepsplan).",
        "The family wants to make its own plan first (family group plan)."),
    "report.phrase.familiegroepsplan.wil_niet": ("De familie wil geen eigen plan maken.",
                                                 "The family does not want to make its own plan."),
    "report.phrase.familiegroepsplan.niet_besproken": (
        "Een eigen plan van de familie is nog niet besproken.",
        "A family group plan has not been discussed yet."),
    "report.phrase.vertrouwenspersoon_verteld.ja": (
        "Het kind en de ouders weten dat zij een onafhankelijke vertrouwenspersoon (AKJ) kunnen "
        "vragen.",
        "The child and the parents were told about the independent confidential adviser (AKJ)."),
    "report.phrase.vertrouwenspersoon_verteld.nee": (
        "De vertrouwenspersoon (AKJ) is nog niet genoemd.",
        "The confidential adviser (AKJ) has not been mentioned yet."),

    # -- het onderzoek voor de Wmo
    "report.phrase.clientondersteuning_verteld.ja": (
        "De inwoner en de mantelzorger weten dat er gratis, onafhankelijke cliëntondersteuning "
        "is.",
        "The resident and the informal carer were told about free, independent client support."),
    "report.phrase.clientondersteuning_verteld.nee": (
        "Gratis, onafhankelijke cliëntondersteuning is nog niet genoemd.",
        "Free, independent client support has not been mentioned yet."),
    "report.phrase.clientondersteuning_antwoord.wil_wel": ("De inwoner wil cliëntondersteuning.",
                                                           "The resident wants client support."),
    "report.phrase.clientondersteuning_antwoord.wil_niet": (
        "De inwoner wil geen cliëntondersteuning.", "The resident does not want client support."),
    "report.phrase.clientondersteuning_antwoord.denkt_na": (
        "De inwoner denkt nog na over cliëntondersteuning.",
        "The resident is still thinking about client support."),
    "report.phrase.persoonlijk_plan_verteld.ja": (
        "De inwoner weet dat hij of zij binnen zeven dagen een persoonlijk plan kan inleveren.",
        "The resident was told they can hand in a personal plan within seven days."),
    "report.phrase.persoonlijk_plan_verteld.nee": ("Het persoonlijk plan is nog niet besproken.",
                                                   "The personal plan has not been discussed "
                                                   "yet."),
    "report.phrase.persoonlijk_plan_antwoord.levert_in": (
        "De inwoner levert binnen zeven dagen een persoonlijk plan in.",
        "The resident will hand in a personal plan within seven days."),
    "report.phrase.persoonlijk_plan_antwoord.wil_niet": (
        "De inwoner maakt geen persoonlijk plan.", "The resident will not make a personal plan."),
    "report.phrase.persoonlijk_plan_antwoord.denkt_na": (
        "De inwoner denkt nog na over een persoonlijk plan.",
        "The resident is still thinking about a personal plan."),
    "report.phrase.mantelzorger_betrokken.ja": ("De mantelzorger was betrokken bij het onderzoek.",
                                                "The informal carer took part in the "
                                                "assessment."),
    "report.phrase.mantelzorger_betrokken.nee_wil_niet": (
        "De mantelzorger is niet betrokken, omdat de inwoner dat niet wil.",
        "The informal carer did not take part, because the resident does not want that."),
    "report.phrase.mantelzorger_betrokken.nee_niet_mogelijk": (
        "De mantelzorger kon niet worden betrokken.", "The informal carer could not take part."),
    "report.phrase.mantelzorger_betrokken.geen_mantelzorger": (
        "De inwoner heeft geen mantelzorger.", "The resident has no informal carer."),
    "report.phrase.voorkeur_vorm.natura": ("Voorkeur: zorg in natura.",
                                           "Preference: care in kind."),
    "report.phrase.voorkeur_vorm.pgb": ("Voorkeur: een persoonsgebonden budget (pgb).",
                                        "Preference: a personal budget (pgb)."),
    "report.phrase.voorkeur_vorm.weet_niet": (
        "De inwoner weet nog niet of hij of zij zorg in natura of een pgb wil.",
        "The resident does not know yet whether they prefer care in kind or a personal budget."),
    "report.phrase.gebruikelijke_hulp": ("Gebruikelijke hulp: wat huisgenoten doen",
                                         "Usual help: what household members do"),
    "report.phrase.andere_voorzieningen": ("Andere voorzieningen buiten de Wmo: {value}.",
                                           "Other provisions outside the Wmo: {value}."),
    "report.phrase.andere_voorzieningen.zvw_wijkverpleging": ("wijkverpleging (Zvw)",
                                                              "district nursing (Zvw)"),
    "report.phrase.andere_voorzieningen.zvw_anders": ("andere zorg uit de Zvw",
                                                      "other care under the Zvw"),
    "report.phrase.andere_voorzieningen.wlz": ("zorg uit de Wlz", "long-term care (Wlz)"),
    "report.phrase.andere_voorzieningen.geen": ("geen", "none"),
    "report.phrase.andere_voorzieningen.weet_niet": ("nog niet bekend", "not known yet"),
    "report.phrase.andere_voorzieningen_toelichting": ("Over die andere voorzieningen",
                                                       "About those other provisions"),
    "report.phrase.eigen_bijdrage_verteld.ja": (
        "De inwoner weet dat er een eigen bijdrage kan gelden.",
        "The resident was told that a personal contribution may apply."),
    "report.phrase.eigen_bijdrage_verteld.nee": ("De eigen bijdrage is nog niet besproken.",
                                                 "The personal contribution has not been "
                                                 "discussed yet."),

    # -- betrokkenen
    "report.phrase.betrokken_hulpverleners": (
        "Deze hulpverleners en organisaties zijn al betrokken",
        "Professionals and organisations already involved"),
    "report.column.betrokken_hulpverleners.organisatie": ("Organisatie", "Organisation"),
    "report.column.betrokken_hulpverleners.wat": ("Wat zij doen", "What they do"),
    "report.column.betrokken_hulpverleners.contact": ("Contactpersoon", "Contact"),

    # -- eigen kracht, netwerk en mantelzorg
    "report.phrase.eigen_kracht": ("Wat de inwoner zelf goed lukt en wat eerder hielp",
                                   "What the resident manages well and what helped before"),
    "report.phrase.netwerk": ("Wie in de omgeving kan helpen", "Who around the resident can help"),
    "report.phrase.mantelzorg_ontvangt.ja": ("De inwoner krijgt mantelzorg.",
                                             "The resident receives informal care."),
    "report.phrase.mantelzorg_ontvangt.nee": ("De inwoner krijgt geen mantelzorg.",
                                              "The resident receives no informal care."),
    "report.phrase.mantelzorger": ("Mantelzorger: {value}.", "Informal carer: {value}."),
    "report.phrase.mantelzorg_belasting.goed": ("De mantelzorger houdt het goed vol.",
                                                "The informal carer is coping well."),
    "report.phrase.mantelzorg_belasting.zwaar": ("De mantelzorger vindt het zwaar.",
                                                 "The informal carer finds it heavy."),
    "report.phrase.mantelzorg_belasting.te_zwaar": ("De mantelzorg is te zwaar.",
                                                    "The informal care is too heavy."),
    "report.phrase.is_mantelzorger.ja": ("De inwoner is zelf mantelzorger voor iemand anders.",
                                         "The resident is an informal carer for someone else."),
    "report.phrase.is_mantelzorger.nee": ("De inwoner is zelf geen mantelzorger.",
                                          "The resident is not an informal carer."),

    # -- algemene voorzieningen
    "report.phrase.voorzieningen_besproken": ("Besproken algemene voorzieningen: {value}.",
                                              "General facilities discussed: {value}."),
    "report.phrase.voorzieningen_besproken.ontmoeting": ("ontmoeting of buurthuis",
                                                         "meeting place or community centre"),
    "report.phrase.voorzieningen_besproken.maaltijden": ("maaltijdvoorziening", "meal service"),
    "report.phrase.voorzieningen_besproken.vrijwillige_hulp": ("hulp van vrijwilligers",
                                                               "help from volunteers"),
    "report.phrase.voorzieningen_besproken.vervoer": ("vervoer of boodschappenhulp",
                                                      "transport or shopping help"),
    "report.phrase.voorzieningen_besproken.formulierenhulp": ("hulp bij formulieren en post",
                                                              "help with forms and post"),
    "report.phrase.voorzieningen_besproken.schuldhulp": (
        "schuldhulpverlening of budgetcoaching", "debt counselling or budget coaching"),
    "report.phrase.voorzieningen_besproken.opvoedondersteuning": ("hulp bij opvoeden",
                                                                  "parenting support"),
    "report.phrase.voorzieningen_besproken.mantelzorgondersteuning": (
        "ondersteuning voor mantelzorgers", "support for informal carers"),
    "report.phrase.voorzieningen_besproken.welzijnswerk": (
        "welzijnswerk of maatschappelijk werk", "welfare or social work"),
    "report.phrase.voorzieningen_besproken.anders": ("iets anders", "something else"),
    "report.phrase.voorzieningen_toelichting": ("Wat wel en niet past, en waarom",
                                                "What fits and what does not, and why"),

    # -- doelen
    "report.phrase.doelen_lijst": ("De doelen, in de woorden van de inwoner",
                                   "The goals, in the resident's own words"),
    "report.column.doelen_lijst.doel": ("Doel", "Goal"),
    "report.column.doelen_lijst.resultaat": ("Wat is er anders als het lukt",
                                             "What is different when it works"),
    "report.column.doelen_lijst.evaluatie": ("Evalueren op", "Review on"),
    "report.column.doelen_lijst.wie": ("Wie doet wat", "Who does what"),
    "report.phrase.doelen_eens.ja": ("De inwoner is het eens met deze doelen.",
                                     "The resident agrees with these goals."),
    "report.phrase.doelen_eens.nee": ("De inwoner is het niet helemaal eens met deze doelen.",
                                      "The resident does not fully agree with these goals."),
    "report.phrase.doelen_verschil": ("Waar de inwoner het niet mee eens is",
                                      "What the resident disagrees with"),

    # -- ondersteuningsplan en afspraken
    "report.phrase.maatwerk_nodig.nee": ("Er is waarschijnlijk geen maatwerkvoorziening nodig.",
                                         "A customised provision is probably not needed."),
    "report.phrase.maatwerk_nodig.wmo": (
        "Er is misschien een maatwerkvoorziening uit de Wmo nodig.",
        "A customised provision under the Wmo may be needed."),
    "report.phrase.maatwerk_nodig.jeugdwet": ("Er is misschien jeugdhulp uit de Jeugdwet nodig.",
                                              "Youth care under the Youth Act may be needed."),
    "report.phrase.maatwerk_nodig.nog_onbekend": (
        "Of er een maatwerkvoorziening nodig is, is nog niet bekend.",
        "Whether a customised provision is needed is not known yet."),
    "report.phrase.maatwerk_toelichting": ("Welke voorziening, en waarom",
                                           "Which provision, and why"),
    "report.phrase.afspraken": ("Afspraken die samen zijn gemaakt", "Agreements made together"),

    # -- gegevens en toestemming
    "report.phrase.privacy_uitgelegd.ja": (
        "De inwoner heeft uitleg gekregen over wat het wijkteam met de gegevens doet.",
        "The resident was told what the team does with their data."),
    "report.phrase.privacy_uitgelegd.nee": (
        "Er is nog niet uitgelegd wat het wijkteam met de gegevens doet.",
        "It has not yet been explained what the team does with the data."),
    "report.phrase.gegevens_nodig.ja": ("Er zijn gegevens van anderen nodig.",
                                        "Data from others are needed."),
    "report.phrase.gegevens_nodig.nee": ("Er zijn geen gegevens van anderen nodig.",
                                         "No data from others are needed."),

    # -- vervolg
    "report.phrase.volgende_afspraak": ("De volgende afspraak is op {value}.",
                                        "The next appointment is on {value}."),
    "report.phrase.volgende_afspraak_wat": ("Tijd, plaats en wie: {value}.",
                                            "Time, place and who: {value}."),
    "report.phrase.wie_doet_wat": ("Wie doet wat, en wanneer", "Who does what, and when"),
}
