"""The ten rules of thumb (ZU-V1..V10) for the guidance panes."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.guidance import Place, load_vuistregels, parse_vuistregels
from desktop_app.domain.yaml_source import DefinitionError
from desktop_app.messages import render

FILE = Path(__file__).resolve().parents[2] / "forms" / "vuistregels.yaml"
GUIDANCE = load_vuistregels(FILE)

# Key words of each rule in the Zutphen seed, so a rewording for B1 keeps the meaning.
SEED_WORDS = {
    "ZU-V1": ["respecteren", "rechten", "cliënt"],
    "ZU-V2": ["praten mét de cliënt", "niet over"],
    "ZU-V3": ["strikt vertrouwelijk"],
    "ZU-V4": ["vertrouwen elkaar", "deskundigheid", "professionaliteit"],
    "ZU-V5": ["nooit méér persoonsgegevens dan strikt noodzakelijk"],
    "ZU-V6": ["doel"],
    "ZU-V7": ["positie", "eigen verantwoordelijkheid", "professional"],
    "ZU-V8": ["zorgvuldige afweging", "belang van", "cliënt"],
    "ZU-V9": ["andere professional", "zorgvuldig"],
    "ZU-V10": ["verantwoordelijk", "probleem", "ook als gegevens uitwisselen niet mogelijk is"],
}


def test_all_ten_rules_in_order_bilingual_and_faithful() -> None:
    assert [r.id for r in GUIDANCE.rules] == [f"ZU-V{i}" for i in range(1, 11)]
    for rule in GUIDANCE.rules:
        assert rule.text.en and rule.text.nl != rule.text.en
        for word in SEED_WORDS[rule.id]:
            assert word in rule.text.nl, (rule.id, word)
    assert GUIDANCE.get("ZU-V5").text.get("en").startswith("We never ask")  # type: ignore[union-attr]
    assert GUIDANCE.get("ZU-V11") is None


def test_groups_follow_the_seed() -> None:
    grouped = {g.id: [r.id for r in rules] for g, rules in GUIDANCE.by_group()}
    assert grouped == {
        "client": ["ZU-V1", "ZU-V2", "ZU-V3"],
        "professional": [f"ZU-V{i}" for i in range(4, 11)],
    }
    titles = [g.title.nl for g in GUIDANCE.groups]
    assert titles[0].startswith("Als het gaat om de inwoner")


def test_panes_show_the_rules_for_their_place() -> None:
    weighing = [r.id for r in GUIDANCE.for_place(Place.WEIGHING)]
    intake = [r.id for r in GUIDANCE.for_place(Place.INTAKE)]
    assert weighing == [f"ZU-V{i}" for i in range(1, 11)]  # every rule helps a weighing
    assert {"ZU-V2", "ZU-V5", "ZU-V6"} <= set(intake)  # talk with, not about; minimum; purpose
    assert all(g.id in ("client", "professional") for g, _ in GUIDANCE.by_group(Place.INTAKE))


OK = """\
version: 1
groups:
  - id: client
    title: Cliënt
rules:
  - id: ZU-V1
    group: client
    show_in: [intake]
    text: Regel een.
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  - id: ZU-V1", "  - id: regel1  # <-", "geen vuistregel-id"),
        ("    group: client", "    group: anders  # <-", "bestaat niet"),
        ("    show_in: [intake]", "    show_in: [keuken]  # <-", "onbekende plek"),
        ("    show_in: [intake]", "    show_in: []  # <-", "nergens te zien"),
        ("    text: Regel een.", "    text: ''  # <-", "leeg"),
        ("    text: Regel een.", "    text: Regel een.\n    uitleg: x  # <-", "onbekende sleutel"),
        (
            "    text: Regel een.",
            "    text: Regel een.\n  - id: ZU-V1  # <-\n    group: client\n"
            "    show_in: [intake]\n    text: Nog eens.",
            "twee keer",
        ),
    ],
)
def test_errors_name_the_line(old: str, new: str, message: str) -> None:
    text = OK.replace(old, new, 1)
    with pytest.raises(DefinitionError) as caught:
        parse_vuistregels(text, "vuistregels.yaml")
    err = caught.value
    assert message in str(err.problem) and err.source == "vuistregels.yaml"
    assert err.line == next(n for n, line in enumerate(text.splitlines(), 1) if "# <-" in line)


def test_minimal_file_loads() -> None:
    guidance = parse_vuistregels(OK, "vuistregels.yaml")
    assert [r.id for r in guidance.for_place(Place.INTAKE)] == ["ZU-V1"]
    assert guidance.for_place(Place.WEIGHING) == ()


@pytest.mark.parametrize(
    ("old", "new", "english"),
    [
        ("  - id: ZU-V1", "  - id: regel1", "'regel1' is not a rule-of-thumb id such as 'ZU-V1'."),
        ("    group: client", "    group: anders",
         "rule of thumb 'ZU-V1': the group 'anders' does not exist."),
        ("    show_in: [intake]", "    show_in: [keuken]",
         "rule of thumb 'ZU-V1': unknown place 'keuken'. Choose from: intake, afweging."),
        ("    show_in: [intake]", "    show_in: []",
         "rule of thumb 'ZU-V1': 'show_in' is empty; the rule is then shown nowhere."),
        ("version: 1", "version: 0", "'version' must be a whole number of 1 or more."),
    ],
)
def test_errors_read_in_english(old: str, new: str, english: str) -> None:
    with pytest.raises(DefinitionError) as caught:
        parse_vuistregels(OK.replace(old, new, 1), "vuistregels.yaml")
    assert render(caught.value.problem, "en") == english
    assert caught.value.render("en").startswith("There is a mistake in vuistregels.yaml, line ")


def test_an_empty_file_says_so_in_both_languages() -> None:
    with pytest.raises(DefinitionError) as caught:
        parse_vuistregels("", "vuistregels.yaml")
    assert (str(caught.value.problem), render(caught.value.problem, "en")) == (
        "het bestand is leeg", "the file is empty")
