"""Two realistic, wholly fictional intakes for the gespreksverslag tests and page counts: an
adult (Wmo, 67 years, with a partner) and a 14-year-old (Jeugdwet, two parents with custody).

The answers use the field ids of form version 4 (the shared specification of issue 19); ids
the form on disk does not have yet are simply not shown, as for any unknown answer.
"""

from __future__ import annotations

from typing import Any

ADULT_NAME = "Kees van Dijk (fictief)"
YOUTH_NAME = "Lotte Meijer (fictief)"

ADULT: dict[str, Any] = {
    # bezoek
    "bezoek_datum": "2026-11-20",
    "melding_datum": "2026-11-09",
    "bezoek_plaats": "thuis",
    "aanwezig": ["inwoner", "partner", "tolk"],
    "aanwezig_wie": "Mevrouw Ineke van Dijk (partner), de heer Yusuf Demir (tolk Turks, fictief)",
    "gesprekstaal": "met_hulp",
    "identiteit_vastgesteld": "document",
    "identiteit_document": "rijbewijs",
    "bezoek_notities": "Het gesprek duurde anderhalf uur. De heer Van Dijk was moe aan het eind; "
                       "we hebben twee korte pauzes gehouden.",
    # inwoner
    "inwoner_naam": ADULT_NAME,
    "inwoner_geboortedatum": "1959-04-02",
    "contact_noteren": True,
    "contact_reden": "Het telefoonnummer in het dossier klopt niet meer.",
    "inwoner_telefoon": "06 12345678",
    "inwoner_woonplaats": "Voorbeeldstad",
    "inwoner_bsn": "999993847",
    "inwoner_notities": "Hoort slecht aan de linkerkant: rustig en duidelijk praten helpt.",
    # huishouden
    "huishouden_leden": [
        {"naam": "Ineke van Dijk (fictief)", "relatie": "partner"},
        {"naam": "Sem van Dijk (fictief)", "relatie": "kind", "geboortedatum": "2011-06-15"},
    ],
    "kind_betrokken": False,
    "vertegenwoordiging": "geen",
    # hulpvraag
    "hulpvraag": "Sinds mijn beroerte in augustus kan ik niet meer goed lopen en de trap is "
                 "te zwaar. Mijn vrouw doet nu alles, maar zij is zelf ook niet meer de "
                 "jongste. Ik wil weer zelf naar boven kunnen en me zelf kunnen wassen.",
    "hulpvraag_wet": ["wmo"],
    "spoed": False,
    # veiligheid
    "zorgen_veiligheid": False,
    "kindcheck_zorgen": False,
    # wmo_onderzoek
    "clientondersteuning_verteld": True,
    "clientondersteuning_antwoord": "denkt_na",
    "persoonlijk_plan_verteld": True,
    "persoonlijk_plan_antwoord": "wil_niet",
    "mantelzorger_betrokken": "ja",
    "voorkeur_vorm": "natura",
    "gebruikelijke_hulp": "Mevrouw doet het huishouden en de boodschappen, zoals altijd. Zoon "
                          "Sem (15) helpt met de vuilnis en het gras.",
    "andere_voorzieningen": ["zvw_wijkverpleging"],
    "andere_voorzieningen_toelichting": "De wijkverpleging komt drie keer per week voor de "
                                        "steunkousen.",
    "eigen_bijdrage_verteld": True,
    # betrokkenen
    "betrokken_hulpverleners": [
        {"organisatie": "Wijkverpleging Thuis & Co (fictief)", "wat": "Steunkousen, drie keer "
         "per week", "contact": "team Noord"},
        {"organisatie": "Fysiotherapie De Brug (fictief)", "wat": "Looptraining"},
    ],
    # leefgebieden
    "leefgebieden": ["financien", "huisvesting", "lichamelijke_gezondheid", "basale_adl",
                     "sociaal_netwerk"],
    "financien_score": "4",
    "financien_toelichting": "AOW en een klein pensioen. Geen schulden.",
    "financien_hulp_gewenst": False,
    "huisvesting_score": "2",
    "huisvesting_toelichting": "Eengezinswoning met een steile trap; de badkamer is boven.",
    "huisvesting_hulp_gewenst": True,
    "lichamelijke_gezondheid_score": "2",
    "lichamelijke_gezondheid_toelichting": "Halfzijdige verlamming rechts na een beroerte. Loopt "
                                           "met een rollator.",
    "lichamelijke_gezondheid_hulp_gewenst": True,
    "basale_adl_score": "3",
    "basale_adl_toelichting": "Wassen lukt niet zelf boven; aankleden met hulp van mevrouw.",
    "basale_adl_hulp_gewenst": True,
    "sociaal_netwerk_score": "4",
    "sociaal_netwerk_hulp_gewenst": False,
    # eigen kracht
    "eigen_kracht": "Meneer is doorzetter en doet zijn oefeningen elke dag. Hij regelt zelf "
                    "de afspraken met de fysiotherapeut.",
    "netwerk": "Een buurman helpt met klussen. De dochter woont in Zweden.",
    "mantelzorg_ontvangt": True,
    "mantelzorger": "Ineke van Dijk (partner): huishouden, boodschappen, helpt bij aankleden.",
    "mantelzorg_belasting": "zwaar",
    "is_mantelzorger": False,
    # voorzieningen
    "voorzieningen_besproken": ["mantelzorgondersteuning", "vervoer"],
    "voorzieningen_toelichting": "Mevrouw wil graag eens praten met het steunpunt mantelzorg.",
    # doelen
    "doelen_lijst": [
        {"doel": "Zelf douchen", "resultaat": "Ik kan twee keer per week zelf douchen",
         "evaluatie": "2027-03-01", "wie": "Wijkteam onderzoekt aanpassing badkamer"},
        {"doel": "Mevrouw houdt het vol", "resultaat": "Zij heeft één dag per week vrij",
         "evaluatie": "2027-02-01", "wie": "Mevrouw belt het steunpunt mantelzorg"},
    ],
    "doelen": "De doelen zijn in de woorden van meneer en mevrouw opgeschreven.",
    "doelen_eens": True,
    # ondersteuningsplan
    "plan_concept": "Onderzoek naar een traplift of een verplaatsbare douche beneden. "
                    "Mantelzorgondersteuning voor mevrouw.",
    "maatwerk_nodig": "wmo",
    "maatwerk_toelichting": "Woonvoorziening: traplift of badkamer beneden; de ergotherapeut "
                            "adviseert.",
    "afspraken": "De ergotherapeut komt kijken. Meneer vraagt offerte voor een douchestoel.",
    # gegevens en toestemming
    "privacy_uitgelegd": True,
    "gegevens_nodig": True,
    # vervolg
    "volgende_afspraak": "2026-12-04",
    "volgende_afspraak_wat": "10.00 uur, bij meneer thuis, met de ergotherapeut",
    "wie_doet_wat": "Wijkteam: ergotherapeut inschakelen (deze week). Meneer: offerte "
                    "douchestoel. Mevrouw: steunpunt mantelzorg bellen.",
    "notities": "Let op: meneer vindt het moeilijk om hulp te vragen.",
}

YOUTH: dict[str, Any] = {
    "bezoek_datum": "2026-11-20",
    "melding_datum": "2026-11-02",
    "bezoek_plaats": "elders",
    "bezoek_plaats_anders": "Op school, in de kamer van de mentor",
    "aanwezig": ["inwoner", "ouders"],
    "aanwezig_wie": "Moeder Sanne Meijer en vader Erik Meijer (fictief)",
    "gesprekstaal": "goed",
    "identiteit_vastgesteld": "eerder",
    "inwoner_naam": YOUTH_NAME,
    "inwoner_geboortedatum": "2012-05-03",
    "contact_noteren": False,
    "huishouden_leden": [
        {"naam": "Sanne Meijer (fictief)", "relatie": "ouder", "gezag": True},
        {"naam": "Erik Meijer (fictief)", "relatie": "ouder", "gezag": True},
        {"naam": "Daan Meijer (fictief)", "relatie": "broer_zus", "geboortedatum": "2016-09-01"},
    ],
    "kind_betrokken": True,
    "gezag_wie": "beide_ouders",
    "gezag_namen": "Sanne Meijer en Erik Meijer (fictief)",
    "gezag_gecontroleerd": "gezagsregister",
    "hulpvraag": "Lotte gaat sinds september bijna niet meer naar school. Ze slaapt slecht en "
                 "zit 's nachts op haar telefoon. Ouders willen dat ze weer naar school gaat "
                 "en weer blij is.",
    "hulpvraag_wet": ["jeugdwet"],
    "spoed": False,
    "zorgen_veiligheid": True,
    "veiligheid_toelichting": "Lotte vertelt dat ze online wordt uitgescholden. Geen signalen van "
                              "geweld thuis.",
    "meldcode_overleg": "aandachtsfunctionaris",
    "meldcode_overleg_datum": "2026-11-20",
    "meldcode_gesprek": "ja",
    "afweging_acuut": False,
    "afweging_structureel": False,
    "meldcode_besluit": "hulp",
    "kind_eigen_woorden": "Ik wil wel naar school, maar in de klas voel ik me alleen. 's Nachts "
                          "kan ik niet stoppen met denken.",
    "kind_gesproken": "alleen",
    "familiegroepsplan": "wil_maken",
    "vertrouwenspersoon_verteld": True,
    "betrokken_hulpverleners": [
        {"organisatie": "Het Voorbeeld College (fictief)", "wat": "Mentor en zorgcoördinator",
         "contact": "mentor L. Żółć"},
    ],
    "leefgebieden": ["werk_opleiding", "geestelijke_gezondheid", "huiselijke_relaties",
                     "tijdsbesteding"],
    "werk_opleiding_score": "2",
    "werk_opleiding_toelichting": "Verzuimt sinds september zo'n drie dagen per week.",
    "werk_opleiding_hulp_gewenst": True,
    "geestelijke_gezondheid_score": "2",
    "geestelijke_gezondheid_toelichting": "Somber, slaapt slecht, piekert veel.",
    "geestelijke_gezondheid_hulp_gewenst": True,
    "huiselijke_relaties_score": "4",
    "huiselijke_relaties_toelichting": "Goed contact met beide ouders; ruzie met broertje over "
                                       "de telefoon.",
    "tijdsbesteding_score": "3",
    "tijdsbesteding_hulp_gewenst": False,
    "eigen_kracht": "Lotte tekent graag en zit op hockey. Ze kan goed vertellen wat ze voelt.",
    "netwerk": "Oma woont om de hoek; Lotte gaat daar graag heen.",
    "mantelzorg_ontvangt": False,
    "voorzieningen_besproken": ["opvoedondersteuning"],
    "doelen_lijst": [
        {"doel": "Weer vier dagen per week naar school",
         "resultaat": "Lotte is binnen drie maanden weer vier dagen per week op school",
         "evaluatie": "2027-02-20", "wie": "Lotte, mentor en wijkteam"},
        {"doel": "Beter slapen", "resultaat": "De telefoon ligt om tien uur beneden",
         "wie": "Lotte en ouders"},
    ],
    "doelen_eens": False,
    "doelen_verschil": "Lotte wil zelf bepalen wanneer de telefoon weg gaat.",
    "maatwerk_nodig": "nog_onbekend",
    "afspraken": "Moeder belt de huisarts; wijkteam spreekt de mentor.",
    "privacy_uitgelegd": True,
    "gegevens_nodig": True,
    "volgende_afspraak": "2026-12-02",
    "wie_doet_wat": "Wijkteam: gesprek met de mentor (volgende week). Ouders: afspraak "
                    "huisarts. Lotte: slaapdagboek bijhouden.",
}
