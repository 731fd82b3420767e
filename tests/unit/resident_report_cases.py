"""Fictional intakes for the verslag voor de inwoner: an adult with a Wmo request and a
14-year-old with two parents with custody (Jeugdwet). Every name, note and number is made up;
the markers (NOTITIE-…, VEILIG-…, the partner's and the brother's names) must never reach the
resident's report."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.domain.resident_report import ConsentAsked, ReportSigner, WeighedRequest
from desktop_app.domain.signers import SignerRole
from desktop_app.domain.vocabulary import Direction

ADULT = "Fictieve Henk de Bruin"
PARTNER = "Ayşe Fictief-Bruin"
BSN = "123456782"
HULPVRAAG = "Ik kan de trap niet meer op. Ik wil graag beneden slapen."
GOAL = "Ik wil veilig naar bed kunnen"
AGREEMENT = "Het wijkteam vraagt een traplift aan."
WHO_DOES_WHAT = "Henk belt de huisarts voor 1 december."
NOTES = ("NOTITIE-BEZOEK", "NOTITIE-INWONER", "NOTITIE-HUISHOUDEN", "NOTITIE-HULPVRAAG",
         "NOTITIE-KRACHT", "NOTITIE-ALGEMEEN")
SAFETY = ("VEILIG-SIGNALEN", "VEILIG-KINDCHECK")
GP = "Huisartsenpraktijk De Linde (huisarts)"
GP_PURPOSE = "Weten wat Henk nog kan, voor de traplift"

CHILD = "Zoë Ğüneş"
PARENTS = ("Fictieve Mira Ğüneş", "Fictieve Bram Cœur")
BROTHER = "Fictieve Timo Ğüneş"
CHILD_WORDS = "Ik wil weer naar school, maar ik ben vaak bang in de klas."


def adult_answers() -> dict[str, Any]:
    return {
        "inwoner_naam": ADULT,
        "inwoner_geboortedatum": "1958-04-02",
        "inwoner_bsn": BSN,
        "bezoek_datum": "2026-11-20",
        "melding_datum": "2026-11-10",
        "bezoek_plaats": "thuis",
        "aanwezig": ["inwoner", "partner"],
        "aanwezig_wie": PARTNER,
        "bezoek_notities": NOTES[0],
        "inwoner_notities": NOTES[1],
        "huishouden_leden": [{"naam": PARTNER, "relatie": "partner"}],
        "huishouden_notities": NOTES[2],
        "hulpvraag": HULPVRAAG,
        "hulpvraag_wet": ["wmo"],
        "hulpvraag_notities": NOTES[3],
        "spoed": False,
        "zorgen_veiligheid": True,
        "veiligheid_toelichting": SAFETY[0],
        "meldcode_overleg": "aandachtsfunctionaris",
        "meldcode_overleg_datum": "2026-11-20",
        "afweging_acuut": False,
        "afweging_structureel": False,
        "kindcheck_zorgen": True,
        "kindcheck_toelichting": SAFETY[1],
        "clientondersteuning_verteld": True,
        "clientondersteuning_antwoord": "denkt_na",
        "persoonlijk_plan_verteld": True,
        "persoonlijk_plan_antwoord": "wil_niet",
        "mantelzorger_betrokken": "ja",
        "voorkeur_vorm": "natura",
        "gebruikelijke_hulp": "De was en de boodschappen worden al gedaan.",
        "andere_voorzieningen": ["zvw_wijkverpleging"],
        "eigen_bijdrage_verteld": True,
        "leefgebieden": ["huisvesting", "lichamelijke_gezondheid"],
        "huisvesting_score": "2",
        "huisvesting_toelichting": "De slaapkamer is boven. De trap is steil.",
        "huisvesting_hulp_gewenst": True,
        "lichamelijke_gezondheid_score": "3",
        "lichamelijke_gezondheid_toelichting": "De knieën doen pijn bij traplopen.",
        "lichamelijke_gezondheid_hulp_gewenst": False,
        "eigen_kracht": "Kookt zelf en doet de administratie.",
        "netwerk": "De buren doen soms boodschappen.",
        "mantelzorg_ontvangt": True,
        "mantelzorger": PARTNER,
        "mantelzorg_belasting": "zwaar",
        "eigen_kracht_notities": NOTES[4],
        "voorzieningen_besproken": ["vervoer"],
        "betrokken_hulpverleners": [{"organisatie": "Thuiszorg Fictief Noord",
                                     "wat": "helpt bij het douchen",
                                     "contact": "Fictieve Els Zorg"}],
        "doelen_lijst": [{"doel": GOAL, "resultaat": "Slapen op de benedenverdieping",
                          "evaluatie": "2027-02-01", "wie": "Wijkteam vraagt de traplift aan"}],
        "doelen_eens": True,
        "maatwerk_nodig": "wmo",
        "afspraken": AGREEMENT,
        "volgende_afspraak": "2026-12-15",
        "volgende_afspraak_wat": "huisbezoek",
        "wie_doet_wat": WHO_DOES_WHAT,
        "notities": NOTES[5],
    }


def adult_requests() -> list[WeighedRequest]:
    return [WeighedRequest(GP, Direction.REQUEST_FROM, GP_PURPOSE, ConsentAsked.ORAL_YES)]


def adult_signers() -> tuple[ReportSigner, ...]:
    return (ReportSigner(ADULT, SignerRole.RESIDENT),)


def youth_answers() -> dict[str, Any]:
    return {
        "inwoner_naam": CHILD,
        "inwoner_geboortedatum": "2012-05-03",
        "bezoek_datum": "2026-11-20",
        "bezoek_plaats": "thuis",
        "aanwezig": ["inwoner", "ouders"],
        "huishouden_leden": [
            {"naam": PARENTS[0], "relatie": "ouder", "gezag": True},
            {"naam": BROTHER, "relatie": "broer_zus", "geboortedatum": "2016-01-09"},
        ],
        "gezag_wie": "beide_ouders",
        "gezag_namen": f"{PARENTS[0]} en {PARENTS[1]}",
        "gezag_gecontroleerd": "gezagsregister",
        "hulpvraag": "Zoë gaat al drie weken niet naar school.",
        "hulpvraag_wet": ["jeugdwet"],
        "spoed": False,
        "zorgen_veiligheid": False,
        "kind_eigen_woorden": CHILD_WORDS,
        "kind_gesproken": "met_ouders",
        "familiegroepsplan": "wil_maken",
        "vertrouwenspersoon_verteld": True,
        "leefgebieden": ["werk_opleiding", "geestelijke_gezondheid"],
        "werk_opleiding_toelichting": "Zoë mist veel lessen.",
        "werk_opleiding_hulp_gewenst": True,
        "geestelijke_gezondheid_toelichting": "Zoë slaapt slecht.",
        "geestelijke_gezondheid_hulp_gewenst": True,
        "doelen_lijst": [{"doel": "Weer drie dagen per week naar school",
                          "resultaat": "Zoë is drie dagen in de klas",
                          "evaluatie": "2027-01-15", "wie": "School en ouders samen"}],
        "maatwerk_nodig": "jeugdwet",
        "afspraken": "We zoeken samen met school een plan.",
        "wie_doet_wat": "De ouders bellen de mentor.",
        "volgende_afspraak": "2026-12-04",
    }


def youth_signers() -> tuple[ReportSigner, ...]:
    """A 14-year-old and both parents with custody (WGBO 7:450 lid 2: from 12 to 16 both)."""
    return (ReportSigner(CHILD, SignerRole.YOUNG_PERSON),
            ReportSigner(PARENTS[0], SignerRole.PARENT_WITH_CUSTODY),
            ReportSigner(PARENTS[1], SignerRole.PARENT_WITH_CUSTODY))


TODAY = dt.date(2026, 11, 21)
