"""The toestemmingsverklaring PDF, read back with pdftotext (poppler) and pypdf.

All people, organisations and numbers are fictional. The PDFs never touch the disk: pdftotext and
pdftoppm read them from stdin and write to stdout.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import segno
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst
from pypdf import PdfReader

from desktop_app.documents.consent_pdf import (
    build_toestemmingsverklaring_pdf,
    build_toestemmingsverklaring_pdf_with_hash,
)
from desktop_app.documents.pdf_common import InvalidLogo, UnprintableText, unprintable_characters
from desktop_app.domain.bsn import parse_bsn
from desktop_app.domain.consent import (
    ConsentItem,
    ConsentResident,
    ConsentStatement,
    ConsentTemplate,
    Controller,
    ItemKind,
    StatementNotReady,
    format_document_number,
    load_consent_template,
    parse_consent_template,
    parse_qr_payload,
)
from desktop_app.domain.signers import (
    AdultSituation,
    CustodyHolder,
    MinorSituation,
    Relation,
    SignerRole,
    who_signs,
)
from desktop_app.domain.vocabulary import Basis, Direction, SecrecyRegime
from desktop_app.messages import Message
from desktop_app.services.bench_samples import sample_statement

TEMPLATE_PATH = Path(__file__).resolve().parents[2] / "forms" / "toestemmingsverklaring.yaml"
COMPOSED = dt.date(2026, 11, 24)
NAMES = (
    "Agnieszka Wiśniewska",
    "Ayşe Yılmaz",
    "Nguyễn Thị Ánh",
    "Søren Østergård",
    "Łukasz Żółć",
    "François Cœur",
    "Zoë Ğüneş",
)

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed",
)


@pytest.fixture(scope="module")
def template() -> ConsentTemplate:
    return load_consent_template(TEMPLATE_PATH)


CONTROLLER = Controller(
    "Gemeente Voorbeeldstad",
    "Sociaal wijkteam Noord",
    "Agnieszka Wiśniewska",
    "wijkteammedewerker Jeugd",
    team_phone="0000 000 000",
    team_email="wijkteam.noord@example.org",
    team_address="Postbus 1, 9999 ZZ Voorbeeldstad",
    dpo_name="F. G. Voorbeeld (fictief)",
    dpo_email="fg@voorbeeldstad.example",
    dpo_phone="0000 111 111",
    privacy_statement="www.voorbeeldstad.example/privacy",
    retention_data="15 jaar na het einde van de hulp",
    retention_statement="5 jaar nadat de toestemming is afgelopen",
)

# A free choice (verdieping) at a GP: consent, Ja/Nee per decider.
GP = ConsentItem(
    "Wij willen weten welke klachten er zijn en welke behandeling er is. Dan kunnen wij de "
    "juiste hulp thuis regelen.",
    ("Klachten en diagnose die met de hulpvraag te maken hebben", "Medicijnen"),
    "Huisarts",
    Direction.REQUEST_FROM,
    Basis.VERDIEPING,
    SecrecyRegime.BIG,
    organisation_named="Huisartsenpraktijk De Linde (fictief)",
)
SCHOOL = ConsentItem(
    "Wij willen weten hoe het op school gaat, zodat school en wijkteam samen helpen.",
    ("Aanwezigheid en verzuim", "Zorgen van de mentor over welzijn"),
    "School",
    Direction.REQUEST_FROM,
    Basis.VERDIEPING,
    organisation_named="Het Lindeboom College (fictief)",
)
# Toetsing at a GP: the municipality's statutory task, but the GP may only give the data when
# released from secrecy (WGBO art. 7:457): a release, never "U beslist zelf".
GP_RELEASE = ConsentItem(
    "Om te beslissen over hulp bij het huishouden.",
    ("Beperkingen in het dagelijks leven",),
    "Huisarts",
    Direction.REQUEST_FROM,
    Basis.TOETSING,
    SecrecyRegime.BIG,
    organisation_named="Huisartsenpraktijk De Esch (fictief)",
)
# Toetsing, giving data to a youth-care provider: information only, no boxes; the secrecy
# row is worded for giving (the provider keeps what we tell), not for asking.
YOUTH_CARE_GIVE = ConsentItem(
    "Om een indicatie voor jeugdhulp aan te vragen.",
    ("Naam, geboortedatum en adres", "De hulpvraag uit het ondersteuningsplan"),
    "Jeugdzorgaanbieder",
    Direction.GIVE_TO,
    Basis.TOETSING,
    SecrecyRegime.SKJ,
    organisation_named="Jeugdhulp Regio Oost (fictief)",
)
# About money: only a bewindvoerder (or curator) decides for a resident who cannot.
DEBT = ConsentItem(
    "Wij willen samen met de schuldhulp een plan maken.",
    ("Overzicht van schulden",),
    "Schuldhulpverlening",
    Direction.GIVE_TO,
    Basis.VERDIEPING,
    organisation_named="Schuldhulp Voorbeeldstad (fictief)",
    financial=True,
)

P1, P2, CHILD, CURATOR = "Ayşe Yılmaz", "François Cœur", "Zoë Ğüneş", "Łukasz Żółć"
MENTOR, BEWIND, GUARDIAN = "Nguyễn Thị Ánh", "Søren Østergård", "Agnieszka Nowak"
ADULT = AdultSituation(capable=True)


def parents(*names: str, role: SignerRole = SignerRole.PARENT_WITH_CUSTODY) -> MinorSituation:
    return MinorSituation(custody_holders=tuple(CustodyHolder(n, role) for n in names),
                          custody_checked=True)


def make_statement(
    template: ConsentTemplate,
    *,
    resident: str = CHILD,
    birth: dt.date = dt.date(2012, 5, 3),
    minor: MinorSituation | None = None,
    adult: AdultSituation | None = None,
    items: tuple[ConsentItem, ...] = (GP,),
    worker: str = "Agnieszka Wiśniewska",
    seq: int = 123,
    **changes: Any,
) -> ConsentStatement:
    signers = who_signs(
        resident_name=resident,
        birth_date=birth,
        signing_date=COMPOSED,
        minor=minor if minor is not None else parents(P1, P2),
        adult=adult if adult is not None else ADULT,
    )
    statement = ConsentStatement(
        document_number=format_document_number("TV", 2026, seq),
        statement_version=1,
        template_id=template.id,
        template_version=template.version,
        template_hash=template.content_hash(),
        controller=dataclasses.replace(CONTROLLER, worker_name=worker),
        resident=ConsentResident(resident, birth),
        items=items,
        valid_until=dt.date(2027, 5, 24),
        composed_on=COMPOSED,
        signers=signers,
    )
    return dataclasses.replace(statement, **changes)


def pdftotext(pdf: bytes, page: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    done = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def flat(text: str) -> str:
    """One space between words: table cells wrap at different places than the source text."""
    return " ".join(text.split())


def pypdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def signature_part(pdf: bytes) -> str:
    """The text from the 'Ondertekening' heading to the end."""
    text = flat(pdftotext(pdf))
    _head, sep, tail = text.rpartition("Ondertekening ")
    assert sep, "no signature part"
    return tail


WORKER_TITLE = "Medewerker van het wijkteam"


@dataclasses.dataclass(frozen=True)
class Block:
    head: str  # the capacity ("Ouder met gezag van …"), then the printed name
    rest: tuple[str, ...]  # what follows, line by line, up to "Handtekening"


def signature_blocks(pdf: bytes) -> list[Block]:
    """The signature blocks in drawing order.

    pypdf follows the content stream, where each block is drawn whole (its head with the
    capacity and the name, then the labels with the lines to write on); pdftotext reads across
    the two columns, which is right for reading but mixes neighbouring blocks. A long capacity
    or name wraps onto more lines inside its cell.
    """
    text = pypdf_text(pdf)
    lines = [line.strip() for line in text.rpartition("\nOndertekening\n")[2].splitlines()]
    first = next(i for i, line in enumerate(lines) if line in ("Plaats", "Functie"))
    start = first
    while not lines[start - 1].endswith("."):  # back to the end of the paragraph above
        start -= 1
    blocks: list[Block] = []
    index = start
    while "Handtekening" in lines[index:]:
        end = next(i for i in range(index, len(lines)) if lines[i] in ("Plaats", "Functie"))
        stop = lines.index("Handtekening", end)
        blocks.append(Block(" ".join(lines[index:end]), tuple(lines[end : stop + 1])))
        index = stop + 1
    return blocks


SIGNER_REST = ("Plaats", "Datum", "Handtekening")  # nothing written between: blank lines


def item_texts(pdf: bytes) -> dict[int, str]:
    """Per item number, the flattened text of its box in drawing order (pypdf), the parts of a
    box that runs over a page joined (its number and organisation are repeated there)."""
    text = flat(pypdf_text(pdf))
    text = text.rpartition(" Ondertekening ")[0]
    parts = re.split(r"(Onderdeel \d+ van \d+)", text)
    boxes: dict[int, str] = {}
    for marker, body in zip(parts[1::2], parts[2::2], strict=True):
        number = int(marker.split()[1])
        boxes[number] = boxes.get(number, "") + " " + body
    return boxes


def choice_rows(box: str, yes: str = "Ja, ik geef toestemming") -> list[str]:
    """'Name role' of each Ja/Nee row in an item box ("Keuze van <name>", the role under it,
    then the yes box's label)."""
    return re.findall(r"Keuze van (.+?) " + re.escape(yes), box)


TICK_SIDE = 5 * 72 / 25.4 - 1  # a 5 mm box, drawn 0.5 pt inside its square on each side


def tick_boxes(pdf: bytes) -> int:
    """How many tick boxes are drawn: rectangles of the tick box size in the page contents."""
    count = 0
    for page in PdfReader(io.BytesIO(pdf)).pages:
        data = page.get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]
        for match in re.finditer(r"(\S+) (\S+) (\S+) (\S+) re\b", data):
            width, height = float(match.group(3)), float(match.group(4))
            count += abs(width - TICK_SIDE) < 0.05 and abs(height - TICK_SIDE) < 0.05
    return count


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"([^<]*)</word>")


def overlapping_words(pdf: bytes) -> list[tuple[int, str, str]]:
    """Pairs of words whose boxes overlap, per page (pdftotext -bbox): text drawn over other
    text, as a cell moved by a layout mistake would be."""
    found: list[tuple[int, str, str]] = []
    for page in range(1, page_count(pdf) + 1):
        html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-"],
                              input=pdf, capture_output=True, check=True).stdout.decode("utf-8")
        words = sorted((float(y0), float(y1), float(x0), float(x1), text)
                       for x0, y0, x1, y1, text in _WORD.findall(html))
        for i, (_top, y1, x0, x1, text) in enumerate(words):
            for oy0, _oy1, ox0, ox1, other in words[i + 1:]:
                if oy0 >= y1 - 0.5:  # sorted by top: nothing further down can overlap
                    break
                if ox0 < x1 - 0.5 and x0 < ox1 - 0.5:
                    found.append((page, text, other))
    return found


def content_word_sizes(pdf: bytes) -> list[tuple[float, str]]:
    """(font size, word) of every word inside the content frame, header and footer left out
    (pdftotext -bbox: a word's box is as high as its font size)."""
    from desktop_app.documents.consent_pdf import FOOTER_MM, HEADER_MM

    mm = 72 / 25.4
    top, bottom = HEADER_MM * mm, (297 - FOOTER_MM) * mm
    sizes: list[tuple[float, str]] = []
    for page in range(1, page_count(pdf) + 1):
        html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-"],
                              input=pdf, capture_output=True, check=True).stdout.decode("utf-8")
        for _x0, y0, _x1, y1, text in _WORD.findall(html):
            if float(y0) >= top and float(y1) <= bottom:
                sizes.append((round(float(y1) - float(y0), 2), text))
    return sizes


@pytest.fixture(scope="module")
def family_pdf(template: ConsentTemplate) -> tuple[ConsentStatement, bytes]:
    """14 years old, two parents with custody, a consent item, a release item (toetsing at a
    GP) and an information item (giving data to a youth-care provider)."""
    statement = make_statement(template, items=(GP, GP_RELEASE, YOUTH_CARE_GIVE))
    return statement, build_toestemmingsverklaring_pdf(statement, template)


# --- content ------------------------------------------------------------------------------------


@needs_poppler
def test_every_item_names_the_real_organisation_direction_data_basis_and_refusal(
    family_pdf: tuple[ConsentStatement, bytes], template: ConsentTemplate
) -> None:
    statement, pdf = family_pdf
    text = flat(pdftotext(pdf))
    also = flat(pypdf_text(pdf))
    for item in statement.items:
        # The real name (AVG art. 4 lid 11: specific), with the catalogue type beside it
        # unless the name already says it ("Huisartsenpraktijk …").
        assert item.shown_name.startswith(item.organisation_named)
        for expected in (item.purpose, item.shown_name, *item.data_items):
            assert flat(expected) in text, expected
            assert flat(expected) in also, expected
    boxes = item_texts(pdf)
    assert sorted(boxes) == [1, 2, 3]
    assert "Het wijkteam vraagt gegevens op bij deze organisatie." in boxes[1]
    assert "Het wijkteam vraagt gegevens op bij deze organisatie." in boxes[2]
    assert "Het wijkteam geeft gegevens aan deze organisatie." in boxes[3]
    # AVG art. 13 lid 1 onder c: the basis of each; what saying no means, per kind.
    for number, kind in ((1, ItemKind.CONSENT), (2, ItemKind.RELEASE),
                         (3, ItemKind.INFORMATION)):
        values = {"organisatie": statement.items[number - 1].organisation_named}
        for row in (template.basis_text(kind), template.refusal_text(kind)):
            expected = flat(row.replace("{organisatie}", values["organisatie"]))
            assert expected in boxes[number], (number, expected)
    assert "AVG artikel 6 lid 1 onder a" in boxes[1]
    # The basis is the statutory task; the release is what lets the professional speak.
    assert "AVG artikel 6 lid 1 onder e" in boxes[2] and "als u vrijgeeft" in boxes[2]
    assert "AVG artikel 6 lid 1 onder e" in boxes[3]


@needs_poppler
def test_each_kind_has_its_own_band_in_order(family_pdf: tuple[ConsentStatement, bytes]) -> None:
    """AVG art. 7 lid 2: the consent is set apart from the other matters."""
    _statement, pdf = family_pdf
    assert overlapping_words(pdf) == []
    text = flat(pdftotext(pdf))
    order = ["Uw toestemming Lees elk onderdeel", "Onderdeel 1 van 3",
             "Vrijgeven van het beroepsgeheim De gemeente heeft", "Onderdeel 2 van 3",
             "Ter informatie Voor deze gegevens is geen toestemming nodig", "Onderdeel 3 van 3"]
    positions = [text.index(fragment) for fragment in order]
    assert positions == sorted(positions)


@needs_poppler
def test_a_release_at_a_gp_asks_to_release_and_never_says_you_decide(
    family_pdf: tuple[ConsentStatement, bytes],
) -> None:
    """Toetsing: the basis is the statutory task (AVG art. 6 lid 1 onder e; consent would not
    be free, art. 7 lid 4); the GP needs a release from secrecy (WGBO art. 7:457)."""
    statement, pdf = family_pdf
    release = item_texts(pdf)[2]
    assert "U beslist zelf" not in release
    assert "Ja, ik geef toestemming" not in release
    assert choice_rows(release, "Ja, ik geef vrij") == [
        f"{CHILD} jongere", f"{P1} ouder met gezag", f"{P2} ouder met gezag"]
    assert release.count("Nee, ik geef niet vrij") == 3
    assert "Zegt u nee, dan geeft Huisartsenpraktijk De Esch (fictief) ons deze gegevens niet" \
        in release
    assert "beslist dan op wat zij wel weet" in release
    assert "niet beslissen" not in flat(pdftotext(pdf))  # the old, wrong refusal text
    assert statement.items[1].kind is ItemKind.RELEASE


@needs_poppler
def test_an_information_item_has_no_boxes_and_no_choice(
    template: ConsentTemplate, family_pdf: tuple[ConsentStatement, bytes]
) -> None:
    """Toetsing when nobody's secrecy is involved: the resident is informed; there is nothing
    to consent to, so nothing to tick (AVG art. 7 lid 4 and overweging 43)."""
    statement, pdf = family_pdf
    info = item_texts(pdf)[3]
    assert "Hier hoeft u niets te kiezen." in info
    for word in ("Ja, ik", "Nee, ik", "U beslist zelf"):
        assert word not in info
    assert "beslist de gemeente op wat zij wel weet" in info
    assert "Niet mee eens?" in info and "bezwaar" in info  # AVG art. 21, not "als u nee zegt"
    assert "Als u nee zegt" not in info
    # Boxes: two per decider of the consent and the release item, none for the information.
    assert tick_boxes(pdf) == 2 * 3 + 2 * 3
    only_info_and_release = make_statement(template, items=(GP_RELEASE, YOUTH_CARE_GIVE))
    text = flat(pdftotext(build_toestemmingsverklaring_pdf(only_info_and_release, template)))
    # Without a free choice on the paper, the "you decide" paragraph is left out altogether.
    assert "U beslist zelf" not in text and "Uw toestemming Lees" not in text
    assert "Gegevens die de gemeente nodig heeft om te beslissen" in text
    assert statement.items[2].kind is ItemKind.INFORMATION


@needs_poppler
def test_giving_data_to_a_youth_care_provider_is_worded_for_giving(
    family_pdf: tuple[ConsentStatement, bytes],
) -> None:
    """Issue 14: "mag [organisatie] ons niets vertellen" on a give-to item was wrong."""
    _statement, pdf = family_pdf
    boxes = item_texts(pdf)
    giving = boxes[3]
    assert "Jeugdhulp Regio Oost (fictief) heeft een beroepsgeheim voor jeugdhulp" in giving
    assert "Dat geldt ook voor wat wij vertellen" in giving
    assert "niets vertellen" not in giving
    assert "ons niets vertellen" not in giving
    # Asking a GP is worded for asking, with the practice's real name.
    assert ("Huisartsenpraktijk De Linde (fictief) heeft een medisch beroepsgeheim en mag ons "
            "zonder uw toestemming niets vertellen") in boxes[1]


@needs_poppler
def test_text_is_at_least_9_pt_and_tick_boxes_5_mm(
    family_pdf: tuple[ConsentStatement, bytes],
) -> None:
    """Compact, but read at a kitchen table: no text in the content below 9 pt; boxes big
    enough for a cross with a ballpoint (tick_boxes counts 5 mm squares only)."""
    _statement, pdf = family_pdf
    sizes = content_word_sizes(pdf)
    assert len(sizes) > 500
    assert min(size for size, _word in sizes) >= 9, sorted(sizes)[:5]
    assert tick_boxes(pdf) == 12


@needs_poppler
def test_the_information_the_avg_requires_is_printed(
    family_pdf: tuple[ConsentStatement, bytes],
) -> None:
    """AVG art. 13: the controller, the FG's contact, the rights, the complaint to the AP, the
    privacy statement, how long data and statement are kept; art. 7 lid 3: withdrawal."""
    _statement, pdf = family_pdf
    text = flat(pdftotext(pdf))
    for expected in (
        "Toestemmingsverklaring",
        "Gemeente Voorbeeldstad is verantwoordelijk voor de gegevens van Zoë Ğüneş",
        "Agnieszka Wiśniewska, wijkteammedewerker Jeugd bij Sociaal wijkteam Noord",
        "03-05-2012",  # date of birth
        "geldt tot en met 24 mei 2027",
        "bel 0000 000 000",
        "mail naar wijkteam.noord@example.org",
        "Postbus 1, 9999 ZZ Voorbeeldstad",
        "blijft wel geldig",
        "functionaris gegevensbescherming (FG) van Gemeente Voorbeeldstad",
        "F. G. Voorbeeld (fictief)",
        "mail naar fg@voorbeeldstad.example",
        "bel 0000 111 111",
        "inzage",
        "bezwaar",
        "klacht indienen bij de Autoriteit Persoonsgegevens",
        "privacyverklaring: www.voorbeeldstad.example/privacy",
        "in het dossier 15 jaar na het einde van de hulp",
        "verklaring bewaren wij 5 jaar nadat de toestemming is afgelopen",
        "U krijgt een kopie van deze verklaring",
        "De jongere is 14 jaar",
        "tekst toestemmingsverklaring versie 2",
    ):
        assert expected in text, expected
    assert "BSN" not in text  # the municipality does not require it here


@needs_poppler
def test_information_first_then_the_items_then_the_signatures(
    family_pdf: tuple[ConsentStatement, bytes],
) -> None:
    """AVG art. 7 lid 3: the resident is told about withdrawal before consenting; art. 13:
    the rest when the data are collected. The boxes and the signatures follow each other."""
    _statement, pdf = family_pdf
    text = flat(pdftotext(pdf))
    order = [
        "Wie is verantwoordelijk voor de gegevens?",
        "U beslist zelf",
        "Gegevens die de gemeente nodig heeft om te beslissen",
        "U mag altijd stoppen",
        "Hoe lang geldt de toestemming?",
        "Uw rechten en privacy",
        "Hoe lang bewaren wij de gegevens?",
        "Uw kopie",
        "Onderdeel 1 van 3",
        "Onderdeel 3 van 3",
        "Ondertekening",
        WORKER_TITLE,
    ]
    positions = [text.index(fragment) for fragment in order]
    assert positions == sorted(positions)


def _own_template() -> ConsentTemplate:
    own = ("eigen_onderdelen:\n"
           "  - kop: Cliëntondersteuning\n"
           "    en: Client support\n"
           "    tekst: |-\n"
           "      U mag gratis hulp krijgen van een onafhankelijke cliëntondersteuner.\n"
           "      Vraag het aan {medewerker}.\n\n")
    text = TEMPLATE_PATH.read_text(encoding="utf-8").replace("labels:\n", own + "labels:\n", 1)
    return parse_consent_template(text, "eigen.yaml")


@needs_poppler
def test_a_municipality_s_own_section_is_printed_after_the_required_information() -> None:
    template = _own_template()
    statement = make_statement(template)
    text = flat(pdftotext(build_toestemmingsverklaring_pdf(statement, template)))
    assert ("Cliëntondersteuning U mag gratis hulp krijgen van een onafhankelijke "
            "cliëntondersteuner. Vraag het aan Agnieszka Wiśniewska.") in text
    assert text.index("Hoe lang bewaren wij") < text.index("Cliëntondersteuning") \
        < text.index("Onderdeel 1 van 1")


@needs_poppler
def test_no_date_of_signing_is_printed_only_the_day_it_was_made(
    family_pdf: tuple[ConsentStatement, bytes],
) -> None:
    """Place and date are written by each signer (a second parent may sign a week later):
    issue 14. The day the statement was made appears once, as "Opgesteld op"."""
    statement, pdf = family_pdf
    text = flat(pdftotext(pdf))
    assert text.count("24 november 2026") == 1
    assert "Opgesteld op 24 november 2026" in flat(pypdf_text(pdf))  # label, then its value
    assert "24-11-2026" not in text and "24-11-26" not in text
    blocks = signature_blocks(pdf)
    for block in blocks[:-1]:
        assert block.rest == SIGNER_REST, block  # nothing between the labels: blank lines
    assert blocks[-1].rest == ("Functie", "wijkteammedewerker Jeugd", "Datum", "Handtekening")
    assert "Voorbeeldstad" not in signature_part(pdf)
    assert statement.composed_on == COMPOSED


# --- who signs, and who decides on what ---------------------------------------------------------

WHO_CASES = [
    # (label, birth, minor, adult, items, signature blocks (title, name) in order, choice rows
    #  per item number, names that must not appear in the signature part)
    ("volwassene", dt.date(1990, 2, 1), None, ADULT, (GP,),
     [("Inwoner", CHILD)], {1: [f"{CHILD} inwoner"]}, (P1, P2)),
    ("14 jaar, twee ouders met gezag", dt.date(2012, 5, 3), parents(P1, P2), None, (GP,),
     [("Jongere", CHILD), (f"Ouder met gezag van {CHILD}", P1),
      (f"Ouder met gezag van {CHILD}", P2)],
     {1: [f"{CHILD} jongere", f"{P1} ouder met gezag", f"{P2} ouder met gezag"]}, ()),
    ("12 jaar op de dag zelf", dt.date(2014, 11, 24), parents(P1), None, (GP,),
     [("Jongere", CHILD), (f"Ouder met gezag van {CHILD}", P1)],
     {1: [f"{CHILD} jongere", f"{P1} ouder met gezag"]}, ()),
    ("14 jaar, uitzondering WGBO 7:450 lid 2", dt.date(2012, 5, 3),
     dataclasses.replace(parents(P1, P2), exception_reason="Ernstig nadeel (fictief)."), None,
     (GP,), [("Jongere", CHILD)], {1: [f"{CHILD} jongere"]}, (P1, P2)),
    ("10 jaar met een voogd", dt.date(2016, 6, 1), parents(GUARDIAN, role=SignerRole.GUARDIAN),
     None, (GP,), [(f"Voogd van {CHILD}", GUARDIAN)], {1: [f"{GUARDIAN} voogd"]}, (CHILD,)),
    ("11 jaar, twee ouders", dt.date(2015, 6, 1), parents(P1, P2), None, (GP,),
     [(f"Ouder met gezag van {CHILD}", P1), (f"Ouder met gezag van {CHILD}", P2)],
     {1: [f"{P1} ouder met gezag", f"{P2} ouder met gezag"]}, (CHILD,)),
    ("16 jaar op de dag zelf", dt.date(2010, 11, 24), parents(P1, P2), None, (GP,),
     [("Jongere", CHILD)], {1: [f"{CHILD} jongere"]}, (P1, P2)),
    # WGBO 7:465 lid 2: a curator acts only for a resident who cannot judge this.
    ("curatele, wilsbekwaam", dt.date(1980, 2, 1), None,
     AdultSituation(capable=True, curator=CURATOR), (GP, DEBT),
     [("Inwoner", CHILD)], {1: [f"{CHILD} inwoner"], 2: [f"{CHILD} inwoner"]}, (CURATOR,)),
    ("curatele, wilsonbekwaam", dt.date(1980, 2, 1), None,
     AdultSituation(capable=False, curator=CURATOR), (GP, DEBT),
     [(f"Curator namens {CHILD}", CURATOR)],
     {1: [f"{CURATOR} curator"], 2: [f"{CURATOR} curator"]}, ()),
    # BW 1:453 and 1:438: the mentor decides on the GP, the bewindvoerder on the debts only.
    ("mentor en bewindvoerder", dt.date(1980, 2, 1), None,
     AdultSituation(capable=False, mentor=MENTOR, bewindvoerder=BEWIND), (GP, DEBT),
     [(f"Mentor namens {CHILD}", MENTOR),
      (f"Bewindvoerder (alleen voor geldzaken) namens {CHILD}", BEWIND)],
     {1: [f"{MENTOR} mentor"], 2: [f"{BEWIND} bewindvoerder (alleen voor geldzaken)"]}, ()),
    # WGBO 7:465 lid 3: without a mentor, the partner decides on what is not money.
    ("vertegenwoordiger", dt.date(1950, 2, 1), None,
     AdultSituation(capable=False, representative=P2, representative_relation=Relation.PARTNER),
     (GP,),
     [(f"Vertegenwoordiger (echtgenoot, geregistreerd partner of levensgezel) namens {CHILD}",
       P2)],
     {1: [f"{P2} vertegenwoordiger"]},
     (CHILD,)),
]  # fmt: skip


@needs_poppler
@pytest.mark.parametrize(
    ("label", "birth", "minor", "adult", "items", "expected", "rows", "not_signing"),
    WHO_CASES,
    ids=[c[0] for c in WHO_CASES],
)
def test_who_signs_and_who_decides_on_each_item(
    template: ConsentTemplate,
    label: str,
    birth: dt.date,
    minor: MinorSituation | None,
    adult: AdultSituation | None,
    items: tuple[ConsentItem, ...],
    expected: list[tuple[str, str]],
    rows: dict[int, list[str]],
    not_signing: tuple[str, ...],
) -> None:
    """One signature block per signer ("namens" the resident for who signs for another) and
    the worker's last; one Ja/Nee row per item for each signer whose own choice counts."""
    statement = make_statement(template, birth=birth, minor=minor, adult=adult, items=items)
    pdf = build_toestemmingsverklaring_pdf(statement, template)
    blocks = signature_blocks(pdf)
    heads = [f"{title} {name}" for title, name in [*expected, (WORKER_TITLE, NAMES[0])]]
    assert [b.head for b in blocks] == heads, label
    assert all(b.rest == SIGNER_REST for b in blocks[:-1]), label
    boxes = item_texts(pdf)
    assert {n: choice_rows(box) for n, box in boxes.items()} == rows, label
    assert tick_boxes(pdf) == 2 * sum(len(r) for r in rows.values())
    part = signature_part(pdf)  # pdftotext's view of the same page(s)
    assert part.count("Handtekening") == len(expected) + 1
    # Who signs for the resident says so; nobody else's name is in the signature part.
    assert part.count(f"namens {CHILD}") == sum("namens" in title for title, _ in expected)
    for name in not_signing:
        assert name not in part.replace(f"namens {CHILD}", "").replace(f"van {CHILD}", ""), (
            label, name)
    # Blocks of unequal height are evened out without moving text over text.
    assert overlapping_words(pdf) == []
    # Every signature on one page: a scan of that page carries them all.
    last = pdftotext(pdf, page_count(pdf))
    assert "Ondertekening" in last
    assert flat(last).count("Handtekening") == len(expected) + 1


@needs_poppler
def test_the_bench_sample_two_parents_disagreeing_is_possible_per_item(
    template: ConsentTemplate,
) -> None:
    """The 14-year-old of the bench sample: the young person and each parent have their own
    Ja/Nee on each consent and release item (they may disagree), none on the information."""
    statement, sample_template = sample_statement()
    pdf = build_toestemmingsverklaring_pdf(statement, sample_template)
    boxes = item_texts(pdf)
    child, first, second = (s.name for s in statement.signers.signers)
    people = [f"{child} jongere", f"{first} ouder met gezag", f"{second} ouder met gezag"]
    assert choice_rows(boxes[1]) == choice_rows(boxes[2]) == people
    assert choice_rows(boxes[3], "Ja, ik geef vrij") == people
    assert choice_rows(boxes[4]) == [] and "Hier hoeft u niets te kiezen." in boxes[4]
    assert tick_boxes(pdf) == 2 * 3 * 3
    assert sample_template.content_hash() == template.content_hash()
    assert overlapping_words(pdf) == []


# --- compact: as few pages as the content needs -------------------------------------------------


@needs_poppler
@pytest.mark.parametrize(
    ("case", "most"),
    [("volwassene, 1 onderdeel", 2), ("14 jaar, twee ouders, 1 onderdeel", 2),
     ("bench: 14 jaar, twee ouders, 4 onderdelen", 4),
     ("volwassene met curator, 2 onderdelen", 3)],
)
def test_the_statement_fits_on_as_few_pages_as_its_content_needs(
    template: ConsentTemplate, case: str, most: int
) -> None:
    """Issue 14: "one organisation should not take three pages"."""
    statement = {
        "volwassene, 1 onderdeel": lambda: make_statement(template, birth=dt.date(1990, 2, 1)),
        "14 jaar, twee ouders, 1 onderdeel": lambda: make_statement(template),
        "bench: 14 jaar, twee ouders, 4 onderdelen": lambda: sample_statement()[0],
        "volwassene met curator, 2 onderdelen": lambda: make_statement(
            template, birth=dt.date(1980, 2, 1), items=(GP, DEBT),
            adult=AdultSituation(capable=False, curator=CURATOR)),
    }[case]()
    pdf = build_toestemmingsverklaring_pdf(statement, template)
    assert page_count(pdf) <= most, case
    assert overlapping_words(pdf) == []
    # However the pages fall, every signature is on the last page, with the heading.
    last = flat(pdftotext(pdf, page_count(pdf)))
    assert "Ondertekening" in last and WORKER_TITLE in last
    for signer in statement.signers.signers:
        assert signer.name in last


# --- names with diacritics ----------------------------------------------------------------------


@needs_poppler
@pytest.mark.parametrize("name", NAMES)
def test_names_round_trip_exactly(template: ConsentTemplate, name: str) -> None:
    statement = make_statement(template, resident=name, birth=dt.date(1990, 1, 1),
                               worker=NAMES[0])
    pdf = build_toestemmingsverklaring_pdf(statement, template)
    assert name in pdftotext(pdf)
    assert name in pypdf_text(pdf)
    assert f"Inwoner {name}" in [b.head for b in signature_blocks(pdf)]


@needs_poppler
def test_all_names_in_one_statement_and_decomposed_input(template: ConsentTemplate) -> None:
    """Names typed decomposed (macOS input) are printed composed, so extraction matches NFC."""
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    org = ConsentItem("Doel.", ("Verslag over Søren Østergård",), "Praktijk",
                      Direction.REQUEST_FROM, Basis.VERDIEPING,
                      organisation_named="Praktijk François Cœur")  # fmt: skip
    statement = make_statement(
        template, resident=nfd, minor=parents("Łukasz Żółć", "Ayşe Yılmaz"), items=(org,),
        birth=dt.date(2013, 1, 1),
    )  # fmt: skip
    pdf = build_toestemmingsverklaring_pdf(statement, template)
    text, other = pdftotext(pdf), pypdf_text(pdf)
    for name in (*NAMES[:-1], "Nguyễn Thị Ánh"):
        assert name in text, name
        assert name in other, name
    assert nfd not in text


# Latin letters of Latin-1 Supplement, Extended-A/B and Extended Additional (Vietnamese) that the
# embedded font covers. Measured: of 654 such letters only U+1EFC..U+1EFF (medieval Welsh) are
# missing from DejaVu Sans; every covered one survives pdftotext and pypdf unchanged.
_LATIN = [
    chr(c)
    for c in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
    if unicodedata.category(chr(c)).startswith("L") and not unprintable_characters([chr(c)])
]


@needs_poppler
@settings(
    max_examples=25,
    deadline=None,
    database=None,  # no example database in the repository folder
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    first=hst.text(alphabet=_LATIN, min_size=2, max_size=12),
    last=hst.text(alphabet=_LATIN, min_size=2, max_size=16),
)
def test_generated_latin_names_round_trip(template: ConsentTemplate, first: str, last: str) -> None:
    name = unicodedata.normalize("NFC", f"{first} {last}")
    statement = make_statement(template, resident=name, birth=dt.date(1990, 1, 1))
    pdf = build_toestemmingsverklaring_pdf(statement, template)
    # Exact in the facts under the title (wide column, one line) for both extractors.
    assert name in pdftotext(pdf)
    assert name in pypdf_text(pdf)
    # In the narrower signature block a long name may wrap, even inside a word.
    (block, _worker) = signature_blocks(pdf)
    title, _sep, printed = block.head.partition(" ")
    assert title == "Inwoner" and printed.replace(" ", "") == name.replace(" ", "")


def test_a_name_the_font_cannot_print_is_refused(template: ConsentTemplate) -> None:
    statement = make_statement(template, resident="山田 太郎", birth=dt.date(1990, 1, 1))
    with pytest.raises(UnprintableText, match="CJK UNIFIED IDEOGRAPH-5C71"):
        build_toestemmingsverklaring_pdf(statement, template)


@needs_poppler
def test_markup_characters_are_printed_literally(template: ConsentTemplate) -> None:
    item = dataclasses.replace(SCHOOL, organisation_named="Smit & Zn <B.V.> (fictief)")
    pdf = build_toestemmingsverklaring_pdf(make_statement(template, items=(item,)), template)
    assert "Smit & Zn <B.V.> (fictief) (school)" in pdftotext(pdf)


@needs_poppler
def test_bsn_is_printed_in_full_only_when_the_municipality_requires_it(
    template: ConsentTemplate,
) -> None:
    base = make_statement(template)
    resident = dataclasses.replace(base.resident, bsn=parse_bsn("999993847"))
    with_bsn = dataclasses.replace(base, resident=resident, bsn_required=True)
    pdf = build_toestemmingsverklaring_pdf(with_bsn, template)
    assert "BSN 999993847" in flat(pypdf_text(pdf))  # the label, then the number
    assert flat(pdftotext(pdf)).count("999993847") == 1


# --- pages, number, QR --------------------------------------------------------------------------


@needs_poppler
def test_every_page_has_number_and_page_x_of_y(family_pdf: tuple[ConsentStatement, bytes]) -> None:
    statement, pdf = family_pdf
    reader = PdfReader(io.BytesIO(pdf))
    total = len(reader.pages)
    assert total >= 2
    for page in range(1, total + 1):
        text = pdftotext(pdf, page)
        assert f"pagina {page} van {total}" in text
        assert statement.document_number in text
        assert f"pagina {page} van {total}" in reader.pages[page - 1].extract_text()
    assert "pagina 1 van" in pdftotext(pdf, 1)


def _render_png(pdf: bytes, page: int, dpi: int = 150) -> bytes:
    done = subprocess.run(
        # Only the input is "-": with -singlefile and no output prefix, pdftoppm writes the PNG
        # to stdout (a second "-" would be taken as a file name prefix).
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-"],
        input=pdf, capture_output=True, check=True,
    )  # fmt: skip
    return done.stdout


@needs_poppler
def test_qr_code_on_every_page_decodes_to_number_and_hash(
    family_pdf: tuple[ConsentStatement, bytes],
) -> None:
    zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp is needed to read QR codes")
    image = pytest.importorskip("PIL.Image", reason="Pillow is needed to read the rendering")
    statement, pdf = family_pdf
    total = len(PdfReader(io.BytesIO(pdf)).pages)
    for page in range(1, total + 1):
        png = _render_png(pdf, page)
        results = zxingcpp.read_barcodes(image.open(io.BytesIO(png)))
        texts = [r.text for r in results if r.format == zxingcpp.BarcodeFormat.QRCode]
        assert texts == [statement.qr_payload()], page
        assert parse_qr_payload(texts[0]) == (statement.document_number, statement.content_hash())


def _qr_matrix_from_pdf(pdf: bytes) -> list[list[int]]:
    """Rebuild the module matrix from the rectangles in the QR form XObject."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    xobjects = page["/Resources"]["/XObject"]
    (form,) = [xobjects[k].get_object() for k in xobjects if "WijkteamQR" in k]
    size = float(form["/BBox"][2])
    rects = [
        tuple(float(v) for v in m.groups())
        for m in re.finditer(r"(\S+) (\S+) (\S+) (\S+) re", form.get_data().decode("latin-1"))
    ]
    dark = [r for r in rects if abs(r[2] - size) > 0.01]  # the first one is the white square
    module = min(r[3] for r in dark)
    count = round(size / module) - 8
    matrix = [[0] * count for _ in range(count)]
    for x, y, w, _h in dark:
        row = count - 1 - (round(y / module) - 4)
        start = round(x / module) - 4
        for col in range(start, start + round(w / module)):
            matrix[row][col] = 1
    return matrix


def test_qr_vector_drawing_is_exactly_the_segno_code_for_number_and_hash(
    family_pdf: tuple[ConsentStatement, bytes],
) -> None:
    """Independent of any QR reader: the drawn modules equal segno's matrix of the payload."""
    statement, pdf = family_pdf
    expected = segno.make(statement.qr_payload(), error="m", micro=False, boost_error=True)
    assert _qr_matrix_from_pdf(pdf) == [list(row) for row in expected.matrix]
    assert statement.qr_payload().startswith(f"WI1:{statement.document_number}:")
    assert statement.qr_payload().endswith(statement.content_hash().upper())


# --- metadata, fonts, determinism, no files -----------------------------------------------------


def test_metadata_holds_no_personal_data(
    family_pdf: tuple[ConsentStatement, bytes],
) -> None:
    statement, pdf = family_pdf
    reader = PdfReader(io.BytesIO(pdf))
    meta = {k: str(v) for k, v in (reader.metadata or {}).items()}
    assert meta["/Title"] == "Toestemmingsverklaring"
    assert meta["/Author"] == "Gemeente Voorbeeldstad"
    assert meta["/CreationDate"].startswith("D:20261124")  # the day it was made, not the clock
    assert reader.xmp_metadata is None
    assert "/Outlines" not in reader.trailer["/Root"]
    secrets = [
        statement.resident.name,
        *(s.name for s in statement.signers.signers),
        statement.controller.worker_name,
        statement.document_number,
        "2012",
        "03-05",
        *(i.organisation_named for i in statement.items),
        *(i.purpose for i in statement.items),
    ]
    blob = " ".join(meta.values())
    for secret in secrets:
        assert secret not in blob, secret
        for word in secret.split():
            if len(word) > 4:
                assert word not in blob, word


def test_all_fonts_are_embedded_and_no_standard_font_is_used(
    family_pdf: tuple[ConsentStatement, bytes],
) -> None:
    _statement, pdf = family_pdf
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"]["/Font"]
        assert fonts
        for key in fonts:
            font = fonts[key].get_object()
            assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
            assert "DejaVuSans" in font["/BaseFont"]


def test_same_statement_gives_the_same_bytes_and_the_returned_hash_is_of_the_bytes(
    family_pdf: tuple[ConsentStatement, bytes], template: ConsentTemplate
) -> None:
    statement, pdf = family_pdf
    again, digest = build_toestemmingsverklaring_pdf_with_hash(statement, template)
    assert again == pdf
    assert digest == hashlib.sha256(pdf).hexdigest()
    changed = dataclasses.replace(statement, composed_on=dt.date(2026, 11, 25))
    assert build_toestemmingsverklaring_pdf(changed, template) != pdf


_WATCH: dict[str, Any] = {"active": False, "events": []}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_FILE_EVENTS = {
    "os.mkdir", "os.rename", "os.remove", "os.symlink", "os.truncate", "shutil.copyfile",
    "shutil.move", "tempfile.mkstemp", "tempfile.mkdtemp",
}  # fmt: skip


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _WATCH["active"]:
        return
    if event == "open":
        path, mode, flags = (*args, None, None)[:3]
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & _WRITE_FLAGS
        )
        if writes:
            _WATCH["events"].append((event, path))
    elif event in _FILE_EVENTS:
        _WATCH["events"].append((event, args[:1]))


@pytest.fixture
def file_watch() -> Iterator[list[tuple[str, Any]]]:
    """Python audit hooks see every open(), mkdir and tempfile call, also inside reportlab and
    PIL. A hook cannot be removed, so it is installed once and switched on only here."""
    if not getattr(sys, "_wijkteam_file_watch", False):
        sys.addaudithook(_audit)
        sys._wijkteam_file_watch = True  # type: ignore[attr-defined]
    _WATCH["events"] = []
    _WATCH["active"] = True
    try:
        yield _WATCH["events"]
    finally:
        _WATCH["active"] = False


def _png_logo() -> bytes:
    image = pytest.importorskip("PIL.Image")
    buffer = io.BytesIO()
    image.new("RGBA", (240, 80), (31, 58, 95, 255)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_building_writes_no_file(
    template: ConsentTemplate, file_watch: list[tuple[str, Any]]
) -> None:
    temp = Path(tempfile.gettempdir())
    before = set(temp.iterdir())
    statement = make_statement(template, seq=999)
    pdf = build_toestemmingsverklaring_pdf(statement, template, logo=_png_logo())
    assert pdf.startswith(b"%PDF-")
    assert file_watch == []
    new = {p for p in set(temp.iterdir()) - before if statement.document_number in p.name}
    assert new == set()
    assert not [p for p in set(temp.iterdir()) - before if p.suffix in {".pdf", ".png", ".ttf"}]


def test_the_watch_would_see_a_write(file_watch: list[tuple[str, Any]], tmp_path: Path) -> None:
    """Guard for the test above: the audit hook really reports writes."""
    (tmp_path / "probe.txt").write_text("x")
    assert any(path == str(tmp_path / "probe.txt") for _event, path in file_watch)


# --- logo and refusals --------------------------------------------------------------------------


def test_logo_is_drawn_from_memory_on_every_page(
    family_pdf: tuple[ConsentStatement, bytes], template: ConsentTemplate
) -> None:
    statement, _pdf = family_pdf
    pdf = build_toestemmingsverklaring_pdf(statement, template, logo=_png_logo())
    for page in PdfReader(io.BytesIO(pdf)).pages:
        xobjects = page["/Resources"]["/XObject"]
        images = [k for k in xobjects if xobjects[k].get_object()["/Subtype"] == "/Image"]
        assert len(images) == 1


@pytest.mark.parametrize(
    "logo",
    [b"GIF89a not supported", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, b""],
    ids=["gif", "kapot", "leeg"],
)
def test_a_broken_logo_gives_a_dutch_message(template: ConsentTemplate, logo: bytes) -> None:
    statement = make_statement(template)
    if not logo:
        # Empty bytes mean "no logo" for the settings; the statement is printed without one.
        assert build_toestemmingsverklaring_pdf(statement, template, logo=logo).startswith(b"%PDF")
        return
    with pytest.raises(InvalidLogo, match="logo"):
        build_toestemmingsverklaring_pdf(statement, template, logo=logo)


def test_an_incomplete_statement_is_not_printed(template: ConsentTemplate) -> None:
    statement = make_statement(template, items=(), valid_until=dt.date(2020, 1, 1))
    with pytest.raises(StatementNotReady) as info:
        build_toestemmingsverklaring_pdf(statement, template)
    assert Message("consent.problem.no_items") in info.value.problems
    assert Message("consent.problem.valid_until") in info.value.problems
    assert "minstens één onderdeel" in str(info.value) and "geldig tot" in str(info.value)


@needs_poppler
def test_the_largest_allowed_statement_lays_out(template: ConsentTemplate) -> None:
    """Twelve items at the validation limits: no layout error, every item complete."""
    items = tuple(
        ConsentItem(
            f"Doel {n}: " + "wij willen de situatie goed begrijpen en passend helpen. " * 9,
            tuple(f"Gegeven {n}.{d} " + "met een lange omschrijving " * 6 for d in range(15)),
            "Organisatie",
            Direction.GIVE_TO if n % 2 else Direction.REQUEST_FROM,
            Basis.TOETSING if n % 3 else Basis.VERDIEPING,
            SecrecyRegime.BIG,
            organisation_named=f"Organisatie nummer {n} met een lange naam (fictief)",
        )
        for n in range(1, 13)
    )  # all three kinds: 1, 5, 7, 11 information; 2, 4, 8, 10 release; 3, 6, 9, 12 consent
    statement = make_statement(template, items=items)
    pdf = build_toestemmingsverklaring_pdf(statement, template)
    text = flat(pdftotext(pdf))
    for n, item in enumerate(items, start=1):
        assert f"Onderdeel {n} van 12" in text
        assert flat(item.data_items[-1]) in text
    total = len(PdfReader(io.BytesIO(pdf)).pages)
    assert f"pagina {total} van {total}" in text
    # Eight items with a choice, three deciders each; the boxes that ran over a page were
    # not drawn twice.
    assert tick_boxes(pdf) == 2 * 3 * 8


def test_the_documents_package_does_not_import_reportlab_at_start() -> None:
    code = (
        "import sys, desktop_app.documents, desktop_app.documents.consent_pdf, "
        "desktop_app.documents.report_pdf, desktop_app.domain.consent, desktop_app.domain.report;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'segno', 'PIL')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --- layout shortcuts (pdf_common.Para, MemoTable) change nothing --------------------------------

_PLAIN_ALPHABET = [*"abcxyzABCXYZ0189 .,;:!?()'\"/-_=+*#%@€\n\t\r", "\u00a0", "\u00ad", *NAMES[2]]


@settings(max_examples=200, deadline=None, database=None)
@given(text=hst.text(alphabet=_PLAIN_ALPHABET, max_size=60))
def test_plain_text_paragraphs_equal_what_the_markup_parser_makes(text: str) -> None:
    """Para skips reportlab's markup parser for text without '<' and '&': the fragments must be
    exactly those the parser makes, in every style the documents use."""
    from reportlab.platypus import Paragraph

    from desktop_app.documents import consent_pdf
    from desktop_app.documents import pdf_common as pc

    # The shared styles (gespreksverslag) and the statement's smaller ones.
    for style in (*dataclasses.astuple(pc.styles()), *dataclasses.astuple(consent_pdf._styles())):
        ours, theirs = pc.Para(text, style), Paragraph(text, style)
        assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in theirs.frags], style.name
        assert ours.text == theirs.text
        # Fresh lists per paragraph, as the parser gives them.
        for frag in ours.frags:
            assert all(getattr(frag, k) is not getattr(p, k) for p in pc.Para(text, style).frags
                       for k, v in frag.__dict__.items() if isinstance(v, list))  # fmt: skip


def test_markup_still_goes_through_the_parser() -> None:
    from desktop_app.documents import pdf_common as pc

    para = pc.Para("<b>Smit</b> &amp; Zn", pc.styles().cell)
    assert [(f.text, f.fontName) for f in para.frags] == [
        ("Smit", pc.FONT_BOLD), (" ", pc.FONT), ("&", pc.FONT), (" Zn", pc.FONT)
    ]  # fmt: skip


def test_para_measures_like_reportlab_at_changing_widths_and_after_a_split() -> None:
    """The reuse of line breaks is keyed on the width and dropped when split() replaced the
    lines: the same calls give the same sizes as reportlab's own Paragraph, whatever the order."""
    from reportlab.platypus import Paragraph

    from desktop_app.documents import pdf_common as pc

    text = "Wij willen weten hoe het op school gaat, zodat wij samen kunnen helpen. " * 6
    style = pc.styles().cell
    ours, theirs = pc.Para(text, style), Paragraph(text, style)
    for width in (300, 120, 300, 300, 0.0001, 120, 120):
        assert ours.wrap(width, 800) == theirs.wrap(width, 800), width
    for ours_part, theirs_part in zip(ours.split(300, 60), theirs.split(300, 60), strict=True):
        assert ours_part.wrap(300, 800) == theirs_part.wrap(300, 800)
    assert ours.wrap(120, 800) == theirs.wrap(120, 800)
    assert ours.split(120, 10) == theirs.split(120, 10) == []  # no room: lines dropped
    assert ours.wrap(120, 800) == theirs.wrap(120, 800)
    assert ours.blPara.lines == theirs.blPara.lines  # the lines to draw are back too


@pytest.mark.parametrize("case", ["gezin", "grootste", "lange namen"])
def test_shortcuts_give_the_same_bytes_as_plain_reportlab(
    template: ConsentTemplate, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    """Skipping the markup parser for plain text, reusing line breaks at the same width and
    keeping a table's layout per width only skip repeated work: the statement is byte for byte
    the one reportlab's own Paragraph and Table give, also when item boxes split over pages,
    long names wrap and names contain markup."""
    from reportlab.platypus import Paragraph, Table

    from desktop_app.documents import pdf_common as pc

    long_name = "Maximiliaan Christoffel van der Heijden-Vanderbijlstraatsma (fictief)"
    items = tuple(
        ConsentItem(f"Doel {n}: " + "wij willen de situatie goed begrijpen. " * 12,
                    tuple(f"Gegeven {n}.{d} met een lange omschrijving" for d in range(12)),
                    "Organisatie", Direction.REQUEST_FROM if n % 2 else Direction.GIVE_TO,
                    Basis.TOETSING if n % 3 else Basis.VERDIEPING, SecrecyRegime.BIG,
                    organisation_named=f"Organisatie {n} (fictief)")
        for n in range(1, 6)
    )  # fmt: skip
    statement = {
        "gezin": make_statement(template, items=(GP, GP_RELEASE, YOUTH_CARE_GIVE)),
        "grootste": make_statement(template, items=items),
        "lange namen": make_statement(
            template, resident=long_name, minor=parents(long_name, "Smit & Zn <x>"),
            worker=long_name,
        ),
    }[case]
    ours = build_toestemmingsverklaring_pdf(statement, template)
    monkeypatch.setattr(pc, "Para", Paragraph)
    monkeypatch.setattr(pc, "MemoTable", _PlainTable)
    assert build_toestemmingsverklaring_pdf(statement, template) == ours
    assert Table is _PlainTable.__mro__[1]


def _plain_table() -> type:
    """reportlab's own Table, with the forget() the statement calls: nothing is kept per
    width there, only the rectangles of spanned cells must be worked out again."""
    from reportlab.platypus import Table

    return type("_PlainTable", (Table,),
                {"forget": lambda self: self.__dict__.pop("_spanRects", None)})


_PlainTable = _plain_table()


def test_the_printed_name_adds_the_kind_once_and_without_nested_brackets() -> None:
    from desktop_app.domain.consent import shown_organisation

    assert shown_organisation("Het Lindeboom College",
                              "School (leerkracht of intern begeleider)") == (
        "Het Lindeboom College (school)")
    assert shown_organisation("Huisartsenpraktijk De Linde", "Huisarts") == (
        "Huisartsenpraktijk De Linde")
    assert shown_organisation("Praktijk Molenzicht", "Psycholoog (gezondheidszorgpsycholoog)") == (
        "Praktijk Molenzicht (psycholoog)")
    assert shown_organisation("", "Huisarts") == "Huisarts"
