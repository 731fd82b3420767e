"""The toestemmingsverklaring model: document numbers, QR payload, content hash, validation and
the text template loader. All people and organisations here are fictional."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import unicodedata
from pathlib import Path

import pytest

from desktop_app.domain.bsn import parse_bsn
from desktop_app.domain.consent import (
    GENERAL_PLACEHOLDERS,
    SECTION_KEYS,
    ConsentItem,
    ConsentResident,
    ConsentStatement,
    ConsentTemplate,
    Controller,
    DocumentKind,
    InvalidDocumentNumber,
    ItemKind,
    StatementNotReady,
    TextBlock,
    check_document_number,
    document_number_problem,
    format_date_long,
    format_document_number,
    load_consent_template,
    parse_consent_template,
    parse_document_number,
    parse_qr_payload,
    placeholder_values,
    qr_payload,
    render_blocks,
    statement_problems,
)
from desktop_app.domain.signers import (
    AdultSituation,
    CustodyHolder,
    MinorSituation,
    Signer,
    SignerRole,
    who_signs,
)
from desktop_app.domain.vocabulary import Basis, Direction, SecrecyRegime
from desktop_app.domain.yaml_source import DefinitionError
from desktop_app.messages import Message, render

TEMPLATE_PATH = Path(__file__).resolve().parents[2] / "forms" / "toestemmingsverklaring.yaml"
SIGNING = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def template() -> ConsentTemplate:
    return load_consent_template(TEMPLATE_PATH)


CONTROLLER = Controller(
    "Gemeente Voorbeeldstad",
    "Sociaal wijkteam Noord",
    "Agnieszka Wiśniewska",
    "wijkteammedewerker Jeugd",
    team_phone="0000 000 000",
    team_email="wijkteam@example.org",
    team_address="Postbus 1, 9999 ZZ Voorbeeldstad",
    dpo_name="F. G. Voorbeeld",
    dpo_email="fg@example.org",
    dpo_phone="0000 111 111",
    privacy_statement="www.voorbeeldstad.example/privacy",
    retention_data="15 jaar na het einde van de hulp",
    retention_statement="5 jaar nadat de toestemming is afgelopen",
)
GP = ConsentItem(
    "Passende hulp thuis regelen.",
    ("Klachten en diagnose", "Medicijnen"),
    "Huisarts",
    Direction.REQUEST_FROM,
    Basis.VERDIEPING,
    SecrecyRegime.BIG,
    organisation_named="Huisartsenpraktijk De Linde",
)


def make_statement(template: ConsentTemplate, **changes: object) -> ConsentStatement:
    birth = dt.date(2012, 5, 3)  # 14 on the day the statement is made
    signers = who_signs(
        resident_name="Zoë Ğüneş",
        birth_date=birth,
        signing_date=SIGNING,
        minor=MinorSituation(
            custody_holders=(CustodyHolder("Ayşe Yılmaz"), CustodyHolder("François Cœur")),
            custody_checked=True,
        ),
    )
    statement = ConsentStatement(
        document_number=format_document_number("TV", 2026, 123),
        statement_version=1,
        template_id=template.id,
        template_version=template.version,
        template_hash=template.content_hash(),
        controller=CONTROLLER,
        resident=ConsentResident("Zoë Ğüneş", birth),
        items=(GP,),
        valid_until=dt.date(2027, 5, 24),
        composed_on=SIGNING,
        signers=signers,
    )
    return dataclasses.replace(statement, **changes)  # type: ignore[arg-type]


# --- document numbers ---------------------------------------------------------------------------


def test_document_number_has_the_documented_shape() -> None:
    number = format_document_number(DocumentKind.TOESTEMMINGSVERKLARING, 2026, 123)
    assert re.fullmatch(r"TV-2026-000123-[A-HJ-NP-Z]", number)
    assert not set(number[-1]) & set("IOQ")  # the look-alikes of 1, 0 and O are never used
    assert check_document_number(number)
    assert parse_document_number(number) == parse_document_number(f"  {number.lower()} ")
    parsed = parse_document_number(number)
    assert (parsed.kind, parsed.year, parsed.seq) == (
        DocumentKind.TOESTEMMINGSVERKLARING,
        2026,
        123,
    )
    assert str(parsed) == number


@pytest.mark.parametrize("seq", [1, 2, 9, 10, 99, 123, 4567, 99_999, 123_456, 999_999])
@pytest.mark.parametrize("kind", ["TV", "GV"])
def test_every_single_digit_error_and_neighbour_swap_is_caught(kind: str, seq: int) -> None:
    number = format_document_number(kind, 2026, seq)
    digits = [i for i, ch in enumerate(number) if ch.isdigit()]
    for pos, digit in itertools.product(digits, "0123456789"):
        if number[pos] == digit:
            continue
        typo = number[:pos] + digit + number[pos + 1 :]
        assert not check_document_number(typo), typo
    for a, b in itertools.pairwise(digits):
        if b == a + 1 and number[a] != number[b]:
            swapped = number[:a] + number[b] + number[a] + number[b + 1 :]
            assert not check_document_number(swapped), swapped
    for letter in "ABCDEFGHJKLMNPRSTUVWXYZ":
        if letter != number[-1]:
            assert not check_document_number(number[:-1] + letter)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "ziet eruit als"),
        ("TV-2026-123-K", "ziet eruit als"),
        ("XX-2026-000123-A", "geen soort document"),
        ("TV-2026-000000-A", "bestaat niet"),
        ("TV-1999-000001-A", "bestaat niet"),
    ],
)
def test_bad_document_numbers_get_a_reason(text: str, fragment: str) -> None:
    problem = document_number_problem(text)
    assert problem is not None and fragment in str(problem)
    assert render(problem, "en") != str(problem)
    with pytest.raises(InvalidDocumentNumber) as info:
        parse_document_number(text)
    assert info.value.message == problem


@pytest.mark.parametrize(("year", "seq"), [(1999, 1), (2026, 0), (2026, 1_000_000)])
def test_format_document_number_rejects_out_of_range(year: int, seq: int) -> None:
    with pytest.raises(ValueError):
        format_document_number("TV", year, seq)


def test_qr_payload_round_trips_and_stays_in_the_alphanumeric_qr_alphabet() -> None:
    number = format_document_number("TV", 2026, 77)
    digest = "0123456789abcdef" * 4
    payload = qr_payload(number, digest)
    assert payload == f"WI1:{number}:{digest.upper()}"
    assert set(payload) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
    assert parse_qr_payload(payload) == (number, digest)
    with pytest.raises(ValueError, match="niet van Wijkteam Intake") as info:
        parse_qr_payload(payload.replace("WI1", "XYZ"))
    assert info.value.render("en") == "This QR code does not come from Wijkteam Intake."
    with pytest.raises(ValueError, match="inhoudshash"):
        parse_qr_payload(payload[:-1])
    wrong_check = number[:-1] + ("A" if number[-1] != "A" else "B")
    with pytest.raises(InvalidDocumentNumber):
        qr_payload(wrong_check, digest)


# --- content hash -------------------------------------------------------------------------------


def test_content_hash_is_stable_and_covers_everything_printed(template: ConsentTemplate) -> None:
    base = make_statement(template)
    assert base.content_hash() == make_statement(template).content_hash()
    assert re.fullmatch(r"[0-9a-f]{64}", base.content_hash())
    item = base.items[0]
    variants = {
        "document_number": {"document_number": format_document_number("TV", 2026, 124)},
        "statement_version": {"statement_version": 2},
        "template_version": {"template_version": 3},
        "template_hash": {"template_hash": "0" * 64},
        "controller": {"controller": dataclasses.replace(base.controller, worker_role="x")},
        "contact": {"controller": dataclasses.replace(base.controller, team_phone="1")},
        "fg": {"controller": dataclasses.replace(base.controller, dpo_email="fg2@example.org")},
        "privacy statement": {
            "controller": dataclasses.replace(base.controller, privacy_statement="elders")
        },
        "retention": {"controller": dataclasses.replace(base.controller, retention_data="1 jaar")},
        "retention statement": {
            "controller": dataclasses.replace(base.controller, retention_statement="2 jaar")
        },
        "resident name": {"resident": dataclasses.replace(base.resident, name="Zoe Gunes")},
        "birth date": {
            "resident": dataclasses.replace(base.resident, birth_date=dt.date(2012, 5, 4))
        },
        "bsn": {"resident": dataclasses.replace(base.resident, bsn=parse_bsn("999993847"))},
        "purpose": {"items": (dataclasses.replace(item, purpose="Ander doel."),)},
        "data item": {"items": (dataclasses.replace(item, data_items=("Medicijnen",)),)},
        "organisation": {"items": (dataclasses.replace(item, organisation_name="Andere"),)},
        "real name": {"items": (dataclasses.replace(item, organisation_named="De Esch"),)},
        "financial": {"items": (dataclasses.replace(item, financial=True),)},
        "direction": {"items": (dataclasses.replace(item, direction=Direction.GIVE_TO),)},
        "basis": {"items": (dataclasses.replace(item, basis=Basis.TOETSING),)},
        "secrecy": {"items": (dataclasses.replace(item, secrecy=SecrecyRegime.NONE),)},
        "extra item": {"items": (item, item)},
        "valid_until": {"valid_until": dt.date(2027, 5, 25)},
        "composed_on": {"composed_on": dt.date(2026, 11, 25)},
        "signers": {
            "signers": dataclasses.replace(
                base.signers, signers=(*base.signers.signers[:2], Signer(SignerRole.GUARDIAN, "V"))
            )
        },
    }
    hashes = {
        name: make_statement(template, **change).content_hash() for name, change in variants.items()
    }
    for name, digest in hashes.items():
        assert digest != base.content_hash(), f"hash ignores {name}"
    assert len(set(hashes.values())) == len(hashes)


def test_decomposed_and_composed_names_give_the_same_statement(template: ConsentTemplate) -> None:
    composed = make_statement(template)
    nfd = unicodedata.normalize("NFD", "Zoë Ğüneş")
    assert nfd != "Zoë Ğüneş"
    decomposed = make_statement(
        template, resident=ConsentResident(f"  {nfd} ", composed.resident.birth_date)
    )
    assert decomposed.resident.name == "Zoë Ğüneş"
    assert decomposed.content_hash() == composed.content_hash()


def test_repr_does_not_leak_personal_data(template: ConsentTemplate) -> None:
    statement = make_statement(
        template,
        resident=ConsentResident("Zoë Ğüneş", dt.date(2012, 5, 3), parse_bsn("999993847")),
        bsn_required=True,
    )
    text = repr(statement) + repr(statement.resident) + repr(statement.items)
    for secret in ("Zoë", "999993847", "2012", "Klachten", "Passende hulp"):
        assert secret not in text
    assert statement.document_number in repr(statement)


# --- validation ---------------------------------------------------------------------------------


def test_a_complete_statement_has_no_problems(template: ConsentTemplate) -> None:
    assert statement_problems(make_statement(template), template) == []


def _problems(template: ConsentTemplate, **changes: object) -> str:
    return " | ".join(str(p) for p in statement_problems(make_statement(template, **changes),
                                                         template))


def test_validation_messages(template: ConsentTemplate) -> None:
    base = make_statement(template)
    item = base.items[0]
    cases: list[tuple[dict[str, object], str]] = [
        ({"items": ()}, "minstens één onderdeel"),
        ({"items": (dataclasses.replace(item, purpose="  "),)}, "Onderdeel 1: vul het doel in"),
        ({"items": (dataclasses.replace(item, data_items=()),)}, "welke gegevens het gaat"),
        (
            {"items": (dataclasses.replace(item, data_items=("a", " ")),)},
            "een van de gegevens is leeg",
        ),
        (
            {"items": (item, dataclasses.replace(item, organisation_name=""))},
            "Onderdeel 2: vul de naam",
        ),
        ({"items": (dataclasses.replace(item, purpose="x" * 601),)}, "te lang"),
        ({"items": (dataclasses.replace(item, data_items=("x",) * 16),)}, "maximum is 15"),
        ({"items": (item,) * 13}, "maximum is 12"),
        ({"valid_until": dt.date(2026, 11, 23)}, "'geldig tot' ligt vóór"),
        ({"controller": dataclasses.replace(base.controller, dpo_email="", dpo_phone="")},
         "functionaris gegevensbescherming"),
        ({"controller": dataclasses.replace(base.controller, privacy_statement="")},
         "privacyverklaring"),
        ({"controller": dataclasses.replace(base.controller, retention_data="")},
         "hoe lang de gemeente het dossier bewaart"),
        ({"controller": dataclasses.replace(base.controller, retention_statement="")},
         "de getekende verklaring bewaart"),
        # AVG art. 4 lid 11: consent is specific, to this practice, not to "a GP".
        ({"items": (dataclasses.replace(item, organisation_named=""),)}, "de echte naam"),
        ({"resident": dataclasses.replace(base.resident, name="")}, "naam van de inwoner"),
        ({"statement_version": 0}, "versienummer"),
        ({"document_number": "TV-2026-000123-Q"}, "documentnummer is ongeldig"),
        ({"controller": dataclasses.replace(base.controller, worker_name="")}, "jouw naam"),
        (
            {
                "controller": dataclasses.replace(
                    base.controller, team_phone="", team_email="", team_address=""
                )
            },
            "hoe hij de toestemming kan intrekken",
        ),
        ({"bsn_required": True}, "Vul het BSN in"),
        (
            {"resident": dataclasses.replace(base.resident, bsn=parse_bsn("999993847"))},
            "Haal het BSN weg",
        ),
        (
            {
                "signers": dataclasses.replace(
                    base.signers,
                    signers=(base.signers.signers[0], Signer(SignerRole.PARENT_WITH_CUSTODY, " ")),
                )
            },
            "naam in van de ouder met gezag",
        ),
        ({"signers": dataclasses.replace(base.signers, custody_checked=False)}, "gezag"),
        (
            {"composed_on": dt.date(2028, 11, 24), "valid_until": dt.date(2029, 1, 1)},
            "bepaald voor 14 jaar",
        ),
        (
            {
                "signers": dataclasses.replace(
                    base.signers,
                    signers=(
                        Signer(SignerRole.YOUNG_PERSON, "Iemand Anders"),
                        *base.signers.signers[1:],
                    ),
                )
            },
            "anders dan de naam van de inwoner",
        ),
        ({"template_version": 3}, "Maak de verklaring opnieuw aan"),
        ({"template_hash": "f" * 64}, "veranderd zonder nieuw versienummer"),
    ]
    for changes, fragment in cases:
        assert fragment in _problems(template, **changes), (changes.keys(), fragment)
        # Every problem reads in English too.
        problems = statement_problems(make_statement(template, **changes), template)
        assert problems and all(render(p, "en") != str(p) for p in problems), changes.keys()


def test_item_problems_name_the_item_in_both_languages(template: ConsentTemplate) -> None:
    base = make_statement(template)
    item = dataclasses.replace(base.items[0], purpose="x" * 601)
    problems = statement_problems(make_statement(template, items=(base.items[0], item)),
                                  template)
    assert problems == [Message("consent.problem.item", number=2, problem=Message(
        "consent.problem.item.purpose_too_long", n=601, max=600))]
    assert str(problems[0]) == ("Onderdeel 2: het doel is te lang (601 tekens, maximaal 600). "
                                "Schrijf het korter.")
    assert render(problems[0], "en") == ("Part 2: the purpose is too long (601 characters, at "
                                         "most 600). Write it more briefly.")


def test_an_empty_placeholder_outside_a_bullet_is_a_problem(template: ConsentTemplate) -> None:
    text = TEMPLATE_PATH.read_text(encoding="utf-8").replace(
        "Wat u op deze verklaring kiest, geldt tot en met {geldig_tot}.",
        "Wat u op deze verklaring kiest, geldt tot en met {geldig_tot}. Mail {team_email}.",
    )
    edited = parse_consent_template(text, "bewerkt.yaml")
    base = make_statement(edited, template_hash=edited.content_hash())
    no_mail = dataclasses.replace(
        base, controller=dataclasses.replace(base.controller, team_email="")
    )
    assert statement_problems(base, edited) == []
    assert statement_problems(no_mail, edited) == [Message(
        "consent.problem.template_value_missing", what=Message("consent.what.team_email"))]
    assert "e-mailadres van het team" in str(statement_problems(no_mail, edited)[0])
    # In the shipped template the e-mail is a bullet of its own, so a team without e-mail is fine.
    plain = make_statement(template)
    plain = dataclasses.replace(
        plain, controller=dataclasses.replace(plain.controller, team_email="")
    )
    assert statement_problems(plain, template) == []


def test_statement_not_ready_carries_every_problem() -> None:
    problems = [Message("consent.problem.no_items"), Message("consent.problem.no_signers")]
    err = StatementNotReady(problems)
    assert err.problems == tuple(problems)
    assert str(err) == ("De toestemmingsverklaring is nog niet klaar.\n"
                        "Voeg minstens één onderdeel toe: waarvoor vraag je toestemming? "
                        "Er staat niemand bij 'wie tekent'. Bepaal wie moet tekenen.")
    assert err.render("en") == ("The consent statement is not ready yet.\n"
                                "Add at least one part: what are you asking consent for? "
                                "Nobody is listed under 'who signs'. Decide who must sign.")


def test_an_information_item_needs_no_real_name_and_nobody_to_decide(
    template: ConsentTemplate,
) -> None:
    """Toetsing without secrecy is the statutory task (AVG art. 6 lid 1 onder e): there is
    nothing to consent to, so no decider and no real name are needed for it; but a paper
    with only such items has nothing to sign."""
    info = ConsentItem("Om te beslissen over een voorziening.", ("Inkomen",), "UWV",
                       Direction.REQUEST_FROM, Basis.TOETSING)
    both = make_statement(template, items=(GP, info))
    assert statement_problems(both, template) == []
    only_info = make_statement(template, items=(info,))
    assert statement_problems(only_info, template) == [Message("consent.problem.nothing_to_sign")]


def test_a_financial_item_with_only_a_mentor_is_a_problem_naming_the_item(
    template: ConsentTemplate,
) -> None:
    """BW 1:453: a mentor decides on everything but money; nobody on this paper may decide
    about the debt item."""
    birth = dt.date(1980, 2, 1)
    signers = who_signs(resident_name="Søren Østergård", birth_date=birth, signing_date=SIGNING,
                        adult=AdultSituation(capable=False, mentor="Nguyễn Thị Ánh"))
    debt = ConsentItem("Een plan maken.", ("Schulden",), "Schuldhulpverlening",
                       Direction.GIVE_TO, Basis.VERDIEPING,
                       organisation_named="Schuldhulp Voorbeeldstad", financial=True)
    statement = make_statement(template, resident=ConsentResident("Søren Østergård", birth),
                               signers=signers, items=(GP, debt))
    assert statement_problems(statement, template) == [
        Message("consent.problem.item", number=2,
                problem=Message("consent.problem.item.nobody_decides"))
    ]


# --- the template -------------------------------------------------------------------------------


def test_shipped_template_is_complete(template: ConsentTemplate) -> None:
    assert (template.id, template.version) == ("toestemmingsverklaring", 2)
    assert set(template.sections) == set(SECTION_KEYS)
    for key, section in template.sections.items():
        assert section.heading and section.heading_en and section.text, key
        assert section.heading != section.heading_en, f"{key}: no English heading"
    assert set(template.roles) == set(SignerRole)
    assert set(template.refusal) == set(template.legal_basis) == set(ItemKind)
    assert len({template.refusal_text(k) for k in ItemKind}) == len(ItemKind)
    assert len({template.basis_text(k) for k in ItemKind}) == len(ItemKind)
    for direction in Direction:
        for regime in (SecrecyRegime.BIG, SecrecyRegime.SKJ):
            assert template.secrecy_text(direction, regime), (direction, regime)
        assert template.secrecy_text(direction, SecrecyRegime.NONE) is None
    assert template.own_sections == ()
    assert template.placeholders_used() <= GENERAL_PLACEHOLDERS | {"organisatie"}


def _flat(text: str) -> str:
    return " ".join(text.split()).lower()


def test_shipped_template_says_what_the_law_requires(template: ConsentTemplate) -> None:
    sec = {key: _flat(section.text) for key, section in template.sections.items()}
    for key, required in (
        ("verantwoordelijke", "{gemeente} is verantwoordelijk voor {gegevens_van}"),
        ("vrijwillig", "kiest u zelf ja of nee"),  # AVG art. 4 lid 11: free
        ("geldigheid", "tot en met {geldig_tot}"),
        ("intrekken", "op elk moment intrekken"),  # AVG art. 7 lid 3
        ("intrekken", "net zo makkelijk"),  # as easy as giving consent (art. 7 lid 3)
        ("intrekken", "blijft wel geldig"),  # earlier lawful processing stays lawful
        ("wettelijke_taak", "zonder uw toestemming, omdat de wet"),  # art. 6 lid 1 onder e
        # AVG art. 13 lid 1 onder b, lid 2 onder b and d: FG, rights, complaint, statement.
        ("privacy", "functionaris gegevensbescherming"),
        ("privacy", "{fg_email}"),
        ("privacy", "inzage"),
        ("privacy", "verbeteren"),
        ("privacy", "verwijderen"),
        ("privacy", "beperken"),
        ("privacy", "bezwaar"),
        ("privacy", "autoriteit persoonsgegevens"),
        ("privacy", "{privacyverklaring}"),
        # AVG art. 13 lid 2 onder a: how long.
        ("bewaren", "{bewaartermijn}"),
        ("bewaren", "{bewaartermijn_verklaring}"),
        ("vrijgave", "beslist die organisatie zelf"),  # WGBO 7:457: the professional decides
        ("informatie", "hier hoeft u niets te kiezen"),
        ("kopie", "kopie"),
    ):
        assert required in sec[key], (key, required)
    # Toetsing: the municipality decides on what it has; never "we cannot decide" (issue 14).
    refusal = {kind: _flat(template.refusal_text(kind)) for kind in ItemKind}
    assert "beslist de gemeente op wat zij wel weet" in refusal[ItemKind.INFORMATION]
    assert "beslist dan op wat zij wel weet" in refusal[ItemKind.RELEASE]
    assert all("niet beslissen" not in text for text in refusal.values())
    basis = {kind: _flat(template.basis_text(kind)) for kind in ItemKind}
    assert "artikel 6 lid 1 onder a" in basis[ItemKind.CONSENT]
    assert "artikel 6 lid 1 onder e" in basis[ItemKind.RELEASE]
    assert "als u vrijgeeft" in basis[ItemKind.RELEASE]
    assert "artikel 6 lid 1 onder e" in basis[ItemKind.INFORMATION]
    # Direction-aware secrecy: giving data to a youth-care provider is not asking it.
    for regime in (SecrecyRegime.BIG, SecrecyRegime.SKJ):
        asking = _flat(template.secrecy_text(Direction.REQUEST_FROM, regime) or "")
        giving = _flat(template.secrecy_text(Direction.GIVE_TO, regime) or "")
        assert "niets vertellen" in asking
        assert "niets vertellen" not in giving
        assert "wat wij vertellen" in giving


def test_shipped_template_is_plain_language(template: ConsentTemplate) -> None:
    """B1: short sentences, the resident addressed as 'u', no legal jargon (the legal basis
    rows cite the articles on purpose and are left out here)."""
    values = {name: "X" for name in GENERAL_PLACEHOLDERS | {"organisatie"}}
    texts = [s.text for s in template.sections.values()] + list(template.refusal.values())
    texts += list(template.secrecy.values())
    sentences = [
        s
        for t in texts
        for block in render_blocks(t, values)
        for s in re.split(r"(?<=[.?!:])\s+", block.text)
        if s
    ]
    assert sentences
    longest = max(sentences, key=lambda s: len(s.split()))
    assert len(longest.split()) <= 20, longest
    mean = sum(len(s.split()) for s in sentences) / len(sentences)
    assert mean <= 12, mean
    joined = " ".join(texts).lower()
    assert " u " in joined and " je " not in joined
    for jargon in ("verwerkingsverantwoordelijke", "betrokkene", "grondslag", "avg"):
        assert jargon not in joined


def _edit(old: str, new: str) -> str:
    text = TEMPLATE_PATH.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def _line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


_ORIGINAL = TEMPLATE_PATH.read_text(encoding="utf-8")
_VRIJGAVE_REFUSAL = _ORIGINAL[_ORIGINAL.index("  vrijgave: |-\n    Zegt u nee"):
                              _ORIGINAL.index("  informatie: |-\n    U mag bezwaar")]
_GIVE_TO_SECRECY = _ORIGINAL[_ORIGINAL.index("  verstrekken_aan:\n    big:"):]
_BASIS_INFO = _ORIGINAL[_ORIGINAL.index("  informatie: |-\n    De wettelijke taak"):
                        _ORIGINAL.index("\n\n# Waarom de organisatie")] + "\n"
_OWN = (
    "eigen_onderdelen:\n"
    "  - kop: Cliëntondersteuning\n"
    "    en: Client support\n"
    "    tekst: |-\n"
    "      U mag gratis hulp krijgen van een cliëntondersteuner. Vraag het aan {medewerker}.\n"
)


@pytest.mark.parametrize(
    ("old", "new", "message", "line_fragment"),
    [
        ("version: 2\n", "version: 2\nkleur: blauw\n", "onbekende sleutel 'kleur'", "kleur:"),
        (
            "    kop: Uw kopie\n",
            "    kop: Uw kopie\n    voetnoot: x\n",
            "onbekende sleutel 'voetnoot'",
            "voetnoot:",
        ),
        (
            "U krijgt een kopie",
            "U krijgt {aantal} kopie",
            "onbekende plaatshouder {aantal}",
            "    tekst: |-\n      U krijgt",
        ),
        (
            "tot en met {geldig_tot}.",
            "tot en met de einddatum.",
            "{geldig_tot}",
            "    tekst: |-\n      Wat u op deze verklaring kiest, geldt",
        ),
        (
            "      - bel {team_telefoon}\n      - mail naar {team_email}\n"
            "      - of stuur een brief naar {team_adres}\n",
            "      - bel het wijkteam\n",
            "{team_adres}, {team_email} of {team_telefoon}",
            "    tekst: |-\n      U mag uw toestemming of vrijgave op elk moment",
        ),
        (
            "U krijgt een kopie",
            "U krijgt { een kopie",
            "losse accolade",
            "    tekst: |-\n      U krijgt",
        ),
        ("version: 2\n", "version: nul\n", "'version' moet een geheel getal", "version: nul"),
        ("  curator: {nl: Curator, en: Curator}\n", "", "'curator' ontbreekt", "rollen:"),
        ("    en: Your copy\n", "", "'en' ontbreekt", "  kopie:"),
        (
            "  bsn: {nl: BSN, en: Citizen service number}\n",
            "  bsn: {nl: BSN}\n",
            "'en' ontbreekt",
            "  bsn: {nl: BSN}",
        ),
        # AVG art. 13 lid 2: where the privacy statement is; lid 1 onder b: the FG's contact.
        (
            "leest u in de privacyverklaring: {privacyverklaring}.",
            "leest u in de privacyverklaring.",
            "'privacy' moet {privacyverklaring} bevatten",
            "    tekst: |-\n      U mag altijd inzage",
        ),
        (
            "      - mail naar {fg_email}\n      - bel {fg_telefoon}\n",
            "",
            "'privacy' moet {fg_email} of {fg_telefoon} bevatten",
            "    tekst: |-\n      U mag altijd inzage",
        ),
        # Art. 13 lid 2 onder d: the right to complain to the AP; onder b: the rights.
        (
            "bij de Autoriteit Persoonsgegevens",
            "bij de toezichthouder",
            "'privacy' moet 'Autoriteit Persoonsgegevens' noemen",
            "    tekst: |-\n      U mag altijd inzage",
        ),
        (
            "U mag altijd inzage vragen",
            "U mag altijd vragen",
            "'privacy' moet 'inzage' noemen",
            "    tekst: |-\n      U mag altijd vragen",
        ),
        # Art. 13 lid 2 onder a: how long the signed statement is kept.
        (
            "Deze getekende verklaring bewaren\n      wij {bewaartermijn_verklaring}.",
            "",
            "'bewaren' moet {bewaartermijn_verklaring} bevatten",
            "    tekst: |-\n      Wij bewaren",
        ),
        # Secrecy worded per direction: both directions must be there.
        (_GIVE_TO_SECRECY, "", "'verstrekken_aan' ontbreekt", "beroepsgeheim:\n"),
        (
            "  opvragen_bij:\n    big: |-\n",
            "  opvragen_bij:\n    bigg: |-\n",
            "onbekende sleutel 'bigg'",
            "    bigg:",
        ),
        # What saying no means, and the legal basis, for every kind of item.
        (_VRIJGAVE_REFUSAL, "", "'vrijgave' ontbreekt", "weigeren:\n  toestemming"),
        (_BASIS_INFO, "", "'informatie' ontbreekt", "grondslag:\n  toestemming"),
        (
            "weigeren:\n  toestemming: |-",
            "weigeren:\n  verdieping: |-",
            "onbekende sleutel 'verdieping' onder 'weigeren'",
            "  verdieping: |-",
        ),
        (
            "    De wettelijke taak van de gemeente (AVG artikel 6 lid 1 onder e; Wmo 2015 of "
            "Jeugdwet).\n    {organisatie}",
            "    De wettelijke taak van {gemeentee}.\n    {organisatie}",
            "onbekende plaatshouder {gemeentee}",
            "  vrijgave: |-\n    De wettelijke taak van {gemeentee}",
        ),
        # The municipality's own sections are checked like the others.
        (
            "labels:\n",
            "eigen_onderdelen: tekst\n\nlabels:\n",
            "'eigen_onderdelen' moet een lijst zijn",
            "eigen_onderdelen:",
        ),
        (
            "labels:\n",
            "eigen_onderdelen:\n  - Cliëntondersteuning\n\nlabels:\n",
            "'eigen_onderdelen' moet een lijst zijn",
            "  - Cliëntondersteuning",
        ),
        (
            "labels:\n",
            _OWN.replace("    en: Client support\n", "") + "\nlabels:\n",
            "'en' ontbreekt",
            "  - kop: Cliëntondersteuning",
        ),
        (
            "labels:\n",
            _OWN.replace("    en: Client support\n", "    en: Client support\n    kleur: x\n")
            + "\nlabels:\n",
            "onbekende sleutel 'kleur' onder 'eigen_onderdelen 1'",
            "    kleur: x",
        ),
        (
            "labels:\n",
            _OWN.replace("{medewerker}", "{organisatie}") + "\nlabels:\n",
            "onbekende plaatshouder {organisatie}",
            "    tekst: |-\n      U mag gratis hulp",
        ),
    ],
)
def test_template_errors_name_the_line(
    old: str, new: str, message: str, line_fragment: str
) -> None:
    text = _edit(old, new)
    with pytest.raises(DefinitionError) as info:
        parse_consent_template(text, "toestemmingsverklaring.yaml")
    assert message in str(info.value.problem)
    assert render(info.value.problem, "en") != str(info.value.problem)  # an English text too
    assert info.value.source == "toestemmingsverklaring.yaml"
    assert info.value.line == _line_of(text, line_fragment)
    assert str(info.value).startswith(f"toestemmingsverklaring.yaml, regel {info.value.line}:")


def _without_section(text: str, key: str) -> str:
    """The template text with the section `key` under 'onderdelen' cut out (up to the next
    key or comment at the same indentation)."""
    lines = text.splitlines(keepends=True)
    start = lines.index(f"  {key}:\n")
    end = start + 1
    while end < len(lines) and (lines[end].startswith("    ") or not lines[end].strip()):
        end += 1
    return "".join(lines[:start] + lines[end:])


@pytest.mark.parametrize("key", SECTION_KEYS)
def test_every_required_section_is_required(key: str) -> None:
    """AVG art. 7 and 13: a template without one of these would print a statement that
    misses what the law asks; the error names the file and the line of 'onderdelen:'."""
    text = _without_section(_ORIGINAL, key)
    with pytest.raises(DefinitionError) as info:
        parse_consent_template(text, "t.yaml")
    assert str(info.value.problem) == f"'{key}' ontbreekt"
    assert (info.value.source, info.value.line) == ("t.yaml", _line_of(text, "onderdelen:"))


def test_missing_or_renamed_section_is_an_error() -> None:
    text = _edit("  kopie:\n    kop: Uw kopie\n", "  kopie_weg:\n    kop: Uw kopie\n")
    with pytest.raises(DefinitionError, match="onbekende sleutel 'kopie_weg'") as info:
        parse_consent_template(text, "t.yaml")
    assert info.value.line == _line_of(text, "  kopie_weg:")


def test_own_sections_are_accepted_and_covered_by_the_hash(template: ConsentTemplate) -> None:
    """A municipality adds its own sections without code (issue 14)."""
    own = parse_consent_template(_edit("labels:\n", _OWN + "\nlabels:\n"), "eigen.yaml")
    (section,) = own.own_sections
    assert (section.heading, section.heading_en) == ("Cliëntondersteuning", "Client support")
    assert section.text.startswith("U mag gratis hulp krijgen")
    assert "medewerker" in own.placeholders_used()
    assert own.sections == template.sections
    assert own.content_hash() != template.content_hash()
    empty = parse_consent_template(_edit("labels:\n", "eigen_onderdelen: []\n\nlabels:\n"),
                                   "leeg.yaml")
    assert empty.own_sections == ()


def test_a_changed_text_changes_the_template_hash(template: ConsentTemplate) -> None:
    edited = parse_consent_template(_edit("U krijgt een kopie", "U krijgt altijd een kopie"), "t")
    assert edited.content_hash() != template.content_hash()
    assert parse_consent_template(
        TEMPLATE_PATH.read_text(encoding="utf-8"), "t"
    ).content_hash() == (template.content_hash())


def test_render_blocks_fills_placeholders_and_drops_empty_contact_bullets(
    template: ConsentTemplate,
) -> None:
    statement = make_statement(template)
    values = placeholder_values(statement)
    assert values["geldig_tot"] == format_date_long(dt.date(2027, 5, 24)) == "24 mei 2027"
    blocks = render_blocks(template.sections["intrekken"].text, {**values, "team_email": ""})
    bullets = [b for block in blocks for b in block.bullets]
    assert bullets == [
        "bel 0000 000 000",
        "of stuur een brief naar Postbus 1, 9999 ZZ Voorbeeldstad",
    ]
    assert all("{" not in b.text for b in blocks)
    assert render_blocks("Een\nzin.\n\nTwee.", {}) == (TextBlock("Een zin."), TextBlock("Twee."))
