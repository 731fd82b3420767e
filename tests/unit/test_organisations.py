"""The organisation catalogue and organisations the worker adds during a visit."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.organisations import (
    MAX_NAME_LENGTH,
    BigProfession,
    OrganisationProblem,
    custom_organisation,
    load_catalogue,
    parse_catalogue,
)
from desktop_app.domain.vocabulary import SecrecyRegime
from desktop_app.domain.yaml_source import DefinitionError
from desktop_app.messages import Message, render

CATALOGUE_FILE = Path(__file__).resolve().parents[2] / "forms" / "organisaties.yaml"
CATALOGUE = load_catalogue(CATALOGUE_FILE)


@pytest.mark.parametrize(
    ("org_id", "regime", "profession"),
    [
        ("huisarts", SecrecyRegime.BIG, BigProfession.ARTS),
        ("medisch_specialist", SecrecyRegime.BIG, BigProfession.ARTS),
        ("psycholoog", SecrecyRegime.BIG, BigProfession.GZ_PSYCHOLOOG),
        ("wijkverpleegkundige", SecrecyRegime.BIG, BigProfession.VERPLEEGKUNDIGE),
        ("fysiotherapeut", SecrecyRegime.BIG, BigProfession.FYSIOTHERAPEUT),
        ("tandarts", SecrecyRegime.BIG, BigProfession.TANDARTS),
        ("verloskundige", SecrecyRegime.BIG, BigProfession.VERLOSKUNDIGE),
        ("apotheek", SecrecyRegime.BIG, BigProfession.APOTHEKER),
        ("psychotherapeut", SecrecyRegime.BIG, BigProfession.PSYCHOTHERAPEUT),
        ("ggd_jgz", SecrecyRegime.BIG, BigProfession.ARTS),
        ("jeugdzorgaanbieder", SecrecyRegime.SKJ, None),
        ("jeugd_en_gezinsprofessional", SecrecyRegime.SKJ, None),
        ("pedagoog", SecrecyRegime.SKJ, None),
        ("maatschappelijk_werk", SecrecyRegime.PROFESSIONAL_CODE, None),
        ("school", SecrecyRegime.NONE, None),
        ("woningcorporatie", SecrecyRegime.NONE, None),
        ("politie", SecrecyRegime.NONE, None),
        ("schuldhulpverlening", SecrecyRegime.NONE, None),
        ("uwv", SecrecyRegime.NONE, None),
        ("werkgever", SecrecyRegime.NONE, None),
        ("veilig_thuis", SecrecyRegime.NONE, None),
        ("leerplicht", SecrecyRegime.NONE, None),
    ],
)
def test_shipped_catalogue_regimes(
    org_id: str, regime: SecrecyRegime, profession: BigProfession | None
) -> None:
    organisation = CATALOGUE.get(org_id)
    assert organisation is not None
    assert organisation.regime is regime and organisation.profession is profession
    # ZW-4 / ZU-A4C: BIG and SKJ need a written toestemmingsverklaring.
    assert organisation.needs_written_consent == (regime in (SecrecyRegime.BIG, SecrecyRegime.SKJ))


def test_shipped_catalogue_is_bilingual_and_every_big_entry_names_its_profession() -> None:
    assert CATALOGUE.version == 2 and len(CATALOGUE.organisations) >= 25
    for organisation in CATALOGUE.organisations:
        assert organisation.name.en and organisation.in_sentence.en, organisation.id
        assert (organisation.profession is not None) == (organisation.regime is SecrecyRegime.BIG)
        assert not organisation.custom


def test_search_ignores_case_and_accents() -> None:
    assert [o.id for o in CATALOGUE.search("ggd")] == ["ggd_jgz"]
    assert "clientondersteuning" in [o.id for o in CATALOGUE.search("CLIENTONDERSTEUNING")]
    assert [o.id for o in CATALOGUE.search("General pract", lang="en")] == ["huisarts"]
    assert CATALOGUE.search("bestaat-niet-xyz") == ()


def test_secrecy_in_plain_words() -> None:
    huisarts, pedagoog, uwv = (CATALOGUE.get(i) for i in ("huisarts", "pedagoog", "uwv"))
    assert huisarts and pedagoog and uwv
    assert huisarts.secrecy == Message("secrecy.big") == SecrecyRegime.BIG.label
    assert str(huisarts.secrecy) == "medisch beroepsgeheim (BIG)"
    assert render(huisarts.secrecy, "en") == "medical professional secrecy (BIG)"
    assert "SKJ" in str(pedagoog.secrecy) and "SKJ" in render(pedagoog.secrecy, "en")
    assert str(uwv.secrecy) == "geen beroepsgeheim"
    assert render(uwv.secrecy, "en") == "no professional secrecy"


def test_custom_organisation_is_validated() -> None:
    org = custom_organisation("  Huisartsenpraktijk   De Linde ", "big", "arts")
    assert org.name.nl == "Huisartsenpraktijk De Linde" and org.custom
    assert org.id == "eigen:huisartsenpraktijk_de_linde"
    assert org.regime is SecrecyRegime.BIG and org.profession is BigProfession.ARTS
    assert custom_organisation("Buurthuis Zonnewijzer", SecrecyRegime.NONE).profession is None
    assert custom_organisation("Crèche Één", "geen").id == "eigen:creche_een"


@pytest.mark.parametrize(
    ("name", "regime", "profession", "message"),
    [
        ("", "geen", None, "Vul de naam"),
        ("   ", "geen", None, "Vul de naam"),
        ("X", "geen", None, "te kort"),
        ("A" * (MAX_NAME_LENGTH + 1), "geen", None, "te lang"),
        ("123 456", "geen", None, "letters"),
        ("Naam\x00met nul", "geen", None, r"een besturingsteken \(U\+0000\)"),
        ("Naam\x1bmet escape", "geen", None, r"een besturingsteken \(U\+001B\)"),
        ("Praktijk\u200bDe Linde", "geen", None,
         r"onzichtbaar teken: ZERO WIDTH SPACE \(U\+200B\)"),
        ("Praktijk\u202eDe Linde", "geen", None,
         r"onzichtbaar teken: RIGHT-TO-LEFT OVERRIDE \(U\+202E\)"),
        ("Praktijk", "big", None, "Kies het beroep"),
        ("Praktijk", "big", "tovenaar", "BIG-register"),
        ("School", "geen", "arts", "alleen bij een BIG"),
        ("School", "onbekend", None, "beroepsgeheim"),
    ],
)
def test_custom_organisation_refusals(
    name: str, regime: str, profession: str | None, message: str
) -> None:
    with pytest.raises(OrganisationProblem, match=message) as caught:
        custom_organisation(name, regime, profession)
    english = caught.value.render("en")
    assert english and english != str(caught.value)  # the GUI shows it in English too


def test_a_nul_in_a_name_is_a_control_character_in_both_languages() -> None:
    with pytest.raises(OrganisationProblem) as caught:
        custom_organisation("Huisarts\x00 De Linde", "geen")
    assert str(caught.value) == (
        "De naam bevat een besturingsteken (U+0000). Wis de naam en typ hem opnieuw.")
    assert caught.value.render("en") == (
        "The name contains a control character (U+0000). Clear the name and type it again.")


def test_a_refusal_reads_in_english() -> None:
    with pytest.raises(OrganisationProblem) as caught:
        custom_organisation("A" * (MAX_NAME_LENGTH + 1), "geen")
    assert caught.value.message == Message("organisation.name.too_long", max=MAX_NAME_LENGTH)
    assert caught.value.render("en") == (
        f"The name of the organisation is too long (more than {MAX_NAME_LENGTH} characters). "
        "Write only the name; other information belongs in the request.")


CATALOGUE_OK = """\
version: 1
organisations:
  - id: huisarts
    name: Huisarts
    regime: big
    profession: arts
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    profession: arts", "    profession: tovenaar  # <-", "onbekend beroep"),
        ("    profession: arts\n", "", "Kies het beroep"),
        ("    regime: big", "    regime: geheim  # <-", "onbekend regime"),
        ("    name: Huisarts", "    naam: Huisarts  # <-", "onbekende sleutel 'naam'"),
        (
            "    profession: arts\n",
            "    profession: arts\n  - id: huisarts  # <-\n    name: Dokter\n    regime: geen\n",
            "twee keer",
        ),
        (
            "    profession: arts\n",
            "    profession: arts\n  - id: dokter\n    name: HUISARTS  # <-\n    regime: geen\n",
            "staat er al",
        ),
        ("    name: Huisarts", "    name: 'X'  # <-", "te kort"),
        ("version: 1", "version: 0  # <-", "heel getal"),
        ("    profession: arts", "    profession: arts\n    financial: soms  # <-",
         "true of false"),
    ],
)
def test_catalogue_errors_name_the_line(old: str, new: str, message: str) -> None:
    text = CATALOGUE_OK.replace(old, new, 1)
    with pytest.raises(DefinitionError) as caught:
        parse_catalogue(text, "organisaties.yaml")
    err = caught.value
    assert message in str(err.problem) and err.source == "organisaties.yaml"
    assert err.problem.key.startswith(("definition.catalogue.", "definition.protocol."))
    assert render(err.problem, "en") != str(err.problem)
    lines = text.splitlines()
    if "# <-" in text:
        assert err.line == next(n for n, line in enumerate(lines, 1) if "# <-" in line)
    else:  # a missing profession is reported at the regime that demands it
        assert lines[err.line - 1].strip() == "regime: big"


def test_empty_catalogue_is_rejected() -> None:
    with pytest.raises(DefinitionError, match="leeg") as caught:
        parse_catalogue("version: 1\norganisations: []\n", "organisaties.yaml")
    assert caught.value.render("en").startswith(
        "There is a mistake in organisaties.yaml, line 2: the list is empty.")


def test_a_wrong_entry_names_the_organisation_in_english() -> None:
    text = CATALOGUE_OK.replace("    regime: big", "    regime: geheim")
    with pytest.raises(DefinitionError) as caught:
        parse_catalogue(text, "organisaties.yaml")
    assert render(caught.value.problem, "en") == (
        "organisation 'huisarts': unknown regime 'geheim'. Choose from: geen, big, skj, "
        "beroepscode.")


def test_money_organisations_are_marked_for_the_bewindvoerder_rule() -> None:
    # BW 1:438 / 1:453: for a resident who cannot decide, only a bewindvoerder (or curator)
    # decides about money matters; the catalogue says which organisations are about money.
    money = {o.id for o in CATALOGUE.organisations if o.financial}
    assert {"schuldhulpverlening", "bewindvoerder", "uwv"} <= money
    assert "huisarts" not in money


def test_the_medical_adviser_route_is_in_the_catalogue() -> None:
    adviser = CATALOGUE.get("medisch_adviseur")
    assert adviser is not None and adviser.regime is SecrecyRegime.BIG
    assert adviser.note is not None and "advies" in adviser.note.nl
