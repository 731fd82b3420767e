"""domain/readiness.py and domain/consent_overview.py on the real gespreksformulier (version 4)
and organisation catalogue, without a store: the rules beyond "required" (the afwegingskader,
the identity, "gegevens nodig" against the requests) and what the consent summary says for a
request's paper and oral state."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from desktop_app.domain.consent_overview import ConsentShown, consent_overview, consent_shown
from desktop_app.domain.data_requests import (
    DataRequest,
    Informing,
    RequestConsent,
    ResidentAnswer,
    new_data_request,
)
from desktop_app.domain.forms import load_form_definition
from desktop_app.domain.forms_model import RequiredAt
from desktop_app.domain.organisations import load_catalogue
from desktop_app.domain.readiness import Where, transfer_readiness
from desktop_app.domain.vocabulary import Basis, Direction
from desktop_app.messages import render
from desktop_app.resources import forms_dir
from desktop_app.services.demo import complete_answers

FORM = load_form_definition(forms_dir() / "gespreksformulier.yaml")
CATALOGUE = load_catalogue(forms_dir() / "organisaties.yaml")
TODAY = dt.date(2026, 12, 7)
ADULT = {"inwoner_naam": "Kees Bakker (fictief)", "inwoner_geboortedatum": "1966-02-03",
         "bezoek_datum": "2026-12-01", "gegevens_nodig": False}


def _request(organisation_id: str, direction: Direction = Direction.REQUEST_FROM,
             basis: Basis = Basis.VERDIEPING) -> DataRequest:
    organisation = CATALOGUE.get(organisation_id)
    assert organisation is not None
    return new_data_request(request_id=f"verzoek-{organisation_id}", direction=direction,
                            organisation=organisation, purpose="Passende hulp (fictief).",
                            items=("Verslag",), basis=basis)


def _complete(**extra: Any) -> dict[str, Any]:
    return complete_answers(FORM, {**ADULT, **extra}, TODAY)


def _fields(answers: dict[str, Any], requests: list[tuple[DataRequest, RequestConsent]] = ()
            ) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in transfer_readiness(FORM, answers, list(requests), TODAY).items:
        found.setdefault(item.field_id or item.request_id or "", []).append(
            render(item.message, "nl"))
    return found


def test_a_completed_form_is_ready_and_every_required_question_counts() -> None:
    answers = _complete()
    assert transfer_readiness(FORM, answers, [], TODAY).ready
    # A question required only at transfer (the ZRM score) is missing then, not before.
    transfer_only = [f for f in FORM.fields if f.required_at is RequiredAt.TRANSFER]
    assert transfer_only, "form version 4 has `required: overdracht` questions"
    scores = [f.id for f in transfer_only if f.id.endswith("_score") and f.id in answers]
    assert scores
    del answers[scores[0]]
    assert list(_fields(answers)) == [scores[0]]


@pytest.mark.parametrize(("acute", "structural", "decision", "problem"), [
    (True, False, "hulp", True),
    (False, True, "nog_niet", True),
    (True, True, "melden", False),
    (False, False, "hulp", False),
])
def test_the_afwegingskader_asks_for_a_report(acute: bool, structural: bool, decision: str,
                                              problem: bool) -> None:
    answers = _complete(zorgen_veiligheid=True, afweging_acuut=acute,
                        afweging_structureel=structural, meldcode_besluit=decision)
    found = _fields(answers)
    assert ("meldcode_besluit" in found) is problem
    if problem:
        assert found["meldcode_besluit"] == [
            "Je zag acute of structurele onveiligheid. Dan meld je bij Veilig Thuis. Kies bij "
            "het besluit voor melden."]


def test_identity_not_established_is_missing() -> None:
    found = _fields(_complete(identiteit_vastgesteld="nee"))
    assert list(found) == ["identiteit_vastgesteld"]
    assert "BSN" in found["identiteit_vastgesteld"][0]
    assert "identiteit_vastgesteld" not in _fields(_complete(identiteit_vastgesteld="eerder"))


def test_data_needed_agrees_with_the_requests() -> None:
    gp = _request("huisarts")
    veilig_thuis = _request("veilig_thuis", Direction.GIVE_TO)
    # "Nee" with a request for data from others: a contradiction (and the request unweighed).
    found = _fields(_complete(gegevens_nodig=False), [(gp, RequestConsent.NONE)])
    assert found["gegevens_nodig"][0].startswith(
        "Je schreef dat er geen gegevens van anderen nodig zijn, maar er is een verzoek")
    assert found["verzoek-huisarts"] == ["Huisarts: Maak eerst de afweging voor dit verzoek."]
    # "Ja" without a request; giving data to Veilig Thuis is not data from others.
    assert "gegevens_nodig" in _fields(_complete(gegevens_nodig=True),
                                       [(veilig_thuis, RequestConsent.NONE)])
    assert "gegevens_nodig" not in _fields(_complete(gegevens_nodig=False),
                                           [(veilig_thuis, RequestConsent.NONE)])
    assert "gegevens_nodig" not in _fields(_complete(gegevens_nodig=True),
                                           [(gp, RequestConsent.NONE)])
    readiness = transfer_readiness(FORM, _complete(gegevens_nodig=True),
                                   [(gp, RequestConsent.NONE)], TODAY)
    assert [i.where for i in readiness.items] == [Where.DATA_REQUEST]
    assert render(readiness.groups[-1].title, "en") == "Data requests"


def test_consent_shown_follows_paper_then_words() -> None:
    gp = _request("huisarts")
    school = _request("school", basis=Basis.TOETSING)
    # A "Nee" on paper is refused, whatever was said at the table.
    said_yes = gp.with_informing(Informing(informed=True, answer=ResidentAnswer.JA))
    assert consent_shown(said_yes, RequestConsent.REFUSED) is ConsentShown.REFUSED
    assert consent_shown(said_yes, RequestConsent.GIVEN) is ConsentShown.SIGNED
    assert consent_shown(said_yes, RequestConsent.WITHDRAWN) is ConsentShown.WITHDRAWN
    # The GP holds medical secrecy: a signature is needed before anything else counts.
    assert consent_shown(said_yes, RequestConsent.NONE) is ConsentShown.SIGNATURE_NEEDED
    assert consent_shown(gp, RequestConsent.PENDING) is ConsentShown.PENDING
    # The statutory task: not asked; informed or still to inform.
    informed = school.with_informing(Informing(informed=True,
                                               answer=ResidentAnswer.GEINFORMEERD))
    assert consent_shown(informed, RequestConsent.NONE) is ConsentShown.NOT_ASKED_TASK
    said_no = school.with_informing(Informing(informed=True, answer=ResidentAnswer.NEE,
                                              arguments="Wil het niet (fictief)."))
    assert consent_shown(said_no, RequestConsent.NONE) is ConsentShown.ORAL_NO
    lines = consent_overview([(said_yes, RequestConsent.REFUSED), (informed,
                                                                   RequestConsent.NONE)])
    assert [line.consent for line in lines] == [ConsentShown.REFUSED,
                                                ConsentShown.NOT_ASKED_TASK]
    assert lines[0].holder_has_secrecy and not lines[1].holder_has_secrecy
    assert render(lines[0].consent.label, "nl") == "geweigerd op papier"
    assert render(lines[1].message, "en").startswith("School")


def test_a_melding_after_the_conversation_is_listed() -> None:
    answers = _complete(melding_datum="2026-12-02")  # one day after the visit: a typing error
    assert _fields(answers) == {"melding_datum": [
        "De datum van de melding ligt na het gesprek. Controleer de datums."]}
    assert transfer_readiness(FORM, {**answers, "melding_datum": "2026-12-01"}, [],
                              TODAY).ready  # the same day is fine


def test_a_draft_on_an_older_form_version_is_moved_first() -> None:
    answers = _complete()
    readiness = transfer_readiness(FORM, answers, [], TODAY, FORM.version + 1)
    (item,) = readiness.items
    assert item.where is Where.FORM_VERSION and item.field_id is None
    assert render(item.message, "nl") == (
        f"Dit concept gebruikt nog versie {FORM.version} van het formulier. Stap eerst over "
        f"op versie {FORM.version + 1}. Wat je typte blijft bewaard.")
    assert render(readiness.groups[0].title, "nl") == "Gespreksformulier"
    # The current version itself (or none known) is no item.
    assert transfer_readiness(FORM, answers, [], TODAY, FORM.version).ready
    assert transfer_readiness(FORM, answers, [], TODAY, None).ready
