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
    StatementNotReady,
    format_document_number,
    load_consent_template,
    parse_qr_payload,
)
from desktop_app.domain.signers import CustodyHolder, SignerRole, who_signs
from desktop_app.domain.vocabulary import Basis, Direction, SecrecyRegime
from desktop_app.messages import Message

TEMPLATE_PATH = Path(__file__).resolve().parents[2] / "forms" / "toestemmingsverklaring.yaml"
SIGNING = dt.date(2026, 11, 24)
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


ITEMS = (
    ConsentItem(
        "Wij willen weten welke klachten er zijn en welke behandeling er is. Dan kunnen wij de "
        "juiste hulp thuis regelen.",
        ("Klachten en diagnose die met de hulpvraag te maken hebben", "Medicijnen"),
        "Huisartsenpraktijk De Linde (fictief)",
        Direction.REQUEST_FROM,
        Basis.VERDIEPING,
        SecrecyRegime.BIG,
    ),
    ConsentItem(
        "Wij willen weten hoe het op school gaat, zodat school en wijkteam samen helpen.",
        ("Aanwezigheid en verzuim", "Zorgen van de mentor over welzijn"),
        "Het Lindeboom College (fictief)",
        Direction.REQUEST_FROM,
        Basis.VERDIEPING,
    ),
    ConsentItem(
        "Om een indicatie voor jeugdhulp aan te vragen.",
        ("Naam, geboortedatum en adres", "De hulpvraag uit het ondersteuningsplan"),
        "Jeugdhulp Regio Oost (fictief)",
        Direction.GIVE_TO,
        Basis.TOETSING,
        SecrecyRegime.SKJ,
    ),
)


def make_statement(
    template: ConsentTemplate,
    *,
    resident: str = "Zoë Ğüneş",
    birth: dt.date = dt.date(2012, 5, 3),
    parents: tuple[str, ...] = ("Ayşe Yılmaz", "François Cœur"),
    curator: str | None = None,
    worker: str = "Agnieszka Wiśniewska",
    items: tuple[ConsentItem, ...] = ITEMS,
    seq: int = 123,
    **changes: Any,
) -> ConsentStatement:
    signers = who_signs(
        resident_name=resident,
        birth_date=birth,
        signing_date=SIGNING,
        custody_holders=tuple(CustodyHolder(p) for p in parents),
        custody_checked=True,
        under_curatele=curator is not None,
        curator_name=curator,
    )
    statement = ConsentStatement(
        document_number=format_document_number("TV", 2026, seq),
        statement_version=1,
        template_id=template.id,
        template_version=template.version,
        template_hash=template.content_hash(),
        controller=Controller(
            "Gemeente Voorbeeldstad",
            "Sociaal wijkteam Noord",
            worker,
            "wijkteammedewerker Jeugd",
            team_phone="0000 000 000",
            team_email="wijkteam.noord@example.org",
            team_address="Postbus 1, 9999 ZZ Voorbeeldstad",
        ),
        resident=ConsentResident(resident, birth),
        items=items,
        valid_until=dt.date(2027, 5, 24),
        place="Voorbeeldstad",
        signing_date=SIGNING,
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


def signature_part(pdf: bytes) -> str:
    """The text from the 'Ondertekening' heading to the end."""
    text = flat(pdftotext(pdf))
    _head, sep, tail = text.rpartition("Ondertekening ")
    assert sep, "no signature part"
    return tail


@pytest.fixture(scope="module")
def family_pdf(template: ConsentTemplate) -> tuple[ConsentStatement, bytes]:
    statement = make_statement(template)
    return statement, build_toestemmingsverklaring_pdf(statement, template)


# --- content ------------------------------------------------------------------------------------


@needs_poppler
def test_every_item_purpose_organisation_and_data_item_is_printed(
    family_pdf: tuple[ConsentStatement, bytes], template: ConsentTemplate
) -> None:
    statement, pdf = family_pdf
    text = flat(pdftotext(pdf))
    also = flat(pypdf_text(pdf))
    for number, item in enumerate(statement.items, start=1):
        for expected in (item.purpose, item.organisation_name, *item.data_items):
            assert flat(expected) in text, expected
            assert flat(expected) in also, expected
        assert f"Onderdeel {number} van {len(statement.items)}" in text
    assert text.count("Het wijkteam vraagt gegevens op bij deze organisatie.") == 2
    assert text.count("Het wijkteam geeft gegevens aan deze organisatie.") == 1
    # What saying no means, per basis (ZW-2), and why written consent (ZW-4).
    assert text.count(flat(template.refusal_text(Basis.VERDIEPING))) == 2
    assert text.count(flat(template.refusal_text(Basis.TOETSING))) == 1
    assert "Huisartsenpraktijk De Linde (fictief) heeft een medisch beroepsgeheim" in text
    assert text.count("Ja, ik geef toestemming") == len(statement.items)
    assert text.count("Nee, ik geef geen toestemming") == len(statement.items)


@needs_poppler
def test_controller_resident_validity_and_withdrawal_are_printed(
    family_pdf: tuple[ConsentStatement, bytes],
) -> None:
    _statement, pdf = family_pdf
    text = flat(pdftotext(pdf))
    for expected in (
        "Toestemmingsverklaring",
        "Gemeente Voorbeeldstad is verantwoordelijk voor uw gegevens",
        "Agnieszka Wiśniewska, wijkteammedewerker Jeugd bij Sociaal wijkteam Noord",
        "Zoë Ğüneş",
        "03-05-2012",  # date of birth
        "Uw toestemming geldt tot en met 24 mei 2027",
        "bel 0000 000 000",
        "mail naar wijkteam.noord@example.org",
        "Postbus 1, 9999 ZZ Voorbeeldstad",
        "blijft wel geldig",
        "U krijgt een kopie van deze verklaring",
        "De jongere is 14 jaar",
        "tekst toestemmingsverklaring versie 1",
    ):
        assert expected in text, expected
    assert "BSN" not in text  # the municipality does not require it here


@needs_poppler
def test_information_comes_before_the_consent_part_and_signatures_last(
    family_pdf: tuple[ConsentStatement, bytes],
) -> None:
    """AVG art. 7: the resident is told about withdrawal before consenting, and the consent
    part is set apart from the information."""
    _statement, pdf = family_pdf
    text = flat(pdftotext(pdf))
    order = [
        "Wie is verantwoordelijk voor uw gegevens?",
        "U mag uw toestemming altijd intrekken",
        "Uw toestemming Lees elk onderdeel",
        "Onderdeel 1 van 3",
        "Onderdeel 3 van 3",
        "Hoe lang geldt uw toestemming?",
        "Ondertekening",
        "Medewerker van het wijkteam",
    ]
    positions = [text.index(fragment) for fragment in order]
    assert positions == sorted(positions)


_BLOCK_TITLES = (
    "Jongere",
    "Ouder met gezag",
    "Voogd",
    "Curator",
    "Inwoner",
    "Medewerker van het wijkteam",
)
WORKER = ("Medewerker van het wijkteam", "Agnieszka Wiśniewska")


def signature_blocks(pdf: bytes) -> list[tuple[str, str, str]]:
    """(title, printed name, place or role) per signature block, in drawing order.

    pypdf follows the content stream, where each block is drawn whole; pdftotext reads across
    the two columns, which is right for reading but mixes neighbouring blocks.
    """
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    lines = [line.strip() for line in text.rpartition("\nOndertekening\n")[2].splitlines()]
    blocks: list[tuple[str, str, str]] = []
    for index, line in enumerate(lines):
        if line in _BLOCK_TITLES and lines[index + 1] == "Naam":
            # A long name wraps onto more lines inside its cell; it ends at the next label.
            end = next(i for i in range(index + 2, len(lines)) if lines[i] in ("Plaats", "Functie"))
            blocks.append((line, " ".join(lines[index + 2 : end]), lines[end + 1]))
    return blocks


P1, P2, CHILD, CURATOR = "Ayşe Yılmaz", "François Cœur", "Zoë Ğüneş", "Łukasz Żółć"
SIGNER_CASES = [
    # (label, birth date, curator, expected signer blocks in order, names that must not sign)
    ("11 jaar", dt.date(2015, 6, 1), None,
     [("Ouder met gezag", P1), ("Ouder met gezag", P2)], (CHILD,)),
    ("12 jaar op de dag zelf", dt.date(2014, 11, 24), None,
     [("Jongere", CHILD), ("Ouder met gezag", P1), ("Ouder met gezag", P2)], ()),
    ("15 jaar, morgen 16", dt.date(2010, 11, 25), None,
     [("Jongere", CHILD), ("Ouder met gezag", P1), ("Ouder met gezag", P2)], ()),
    ("16 jaar op de dag zelf", dt.date(2010, 11, 24), None, [("Jongere", CHILD)], (P1, P2)),
    ("volwassene", dt.date(1990, 2, 1), None, [("Inwoner", CHILD)], (P1, P2)),
    ("volwassene onder curatele", dt.date(1980, 2, 1), CURATOR,
     [("Curator", CURATOR)], (CHILD, P1, P2)),
]  # fmt: skip


@needs_poppler
@pytest.mark.parametrize(
    ("label", "birth", "curator", "expected", "not_signing"),
    SIGNER_CASES,
    ids=[c[0] for c in SIGNER_CASES],
)
def test_signature_blocks_follow_who_signs(
    template: ConsentTemplate,
    label: str,
    birth: dt.date,
    curator: str | None,
    expected: list[tuple[str, str]],
    not_signing: tuple[str, ...],
) -> None:
    statement = make_statement(template, birth=birth, curator=curator)
    pdf = build_toestemmingsverklaring_pdf(statement, template)
    blocks = signature_blocks(pdf)
    assert [(title, name) for title, name, _ in blocks] == [*expected, WORKER], label
    # Signers get the place; the worker's block has the role instead.
    assert [third for _, _, third in blocks] == ["Voorbeeldstad"] * len(expected) + [
        "wijkteammedewerker Jeugd"
    ]
    part = signature_part(pdf)  # pdftotext's view of the same page(s)
    assert part.count("Handtekening") == len(expected) + 1
    assert part.count("24 november 2026") == len(expected) + 1
    for _role, name in expected:
        assert name in part, (label, name)
    for name in not_signing:
        assert name not in part, (label, name)


@needs_poppler
def test_a_guardian_signs_as_voogd(template: ConsentTemplate) -> None:
    statement = make_statement(template, birth=dt.date(2018, 1, 1))
    guardian = who_signs(
        resident_name="Zoë Ğüneş",
        birth_date=dt.date(2018, 1, 1),
        signing_date=SIGNING,
        custody_holders=(CustodyHolder("Søren Østergård", SignerRole.GUARDIAN),),
        custody_checked=True,
    )
    statement = dataclasses.replace(statement, signers=guardian)
    blocks = signature_blocks(build_toestemmingsverklaring_pdf(statement, template))
    assert [(title, name) for title, name, _ in blocks] == [("Voogd", "Søren Østergård"), WORKER]


# --- names with diacritics ----------------------------------------------------------------------


@needs_poppler
@pytest.mark.parametrize("name", NAMES)
def test_names_round_trip_exactly(template: ConsentTemplate, name: str) -> None:
    statement = make_statement(
        template, resident=name, birth=dt.date(1990, 1, 1), worker=NAMES[0], parents=()
    )
    pdf = build_toestemmingsverklaring_pdf(statement, template)
    assert name in pdftotext(pdf)
    assert name in pypdf_text(pdf)
    assert ("Inwoner", name) in [(t, n) for t, n, _ in signature_blocks(pdf)]


@needs_poppler
def test_all_names_in_one_statement_and_decomposed_input(template: ConsentTemplate) -> None:
    """Names typed decomposed (macOS input) are printed composed, so extraction matches NFC."""
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    org = ConsentItem("Doel.", ("Verslag over Søren Østergård",), "Praktijk François Cœur",
                      Direction.REQUEST_FROM, Basis.VERDIEPING)  # fmt: skip
    statement = make_statement(
        template, resident=nfd, parents=("Łukasz Żółć", "Ayşe Yılmaz"), items=(org,),
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
    statement = make_statement(template, resident=name, birth=dt.date(1990, 1, 1), parents=())
    pdf = build_toestemmingsverklaring_pdf(statement, template)
    # Exact in the resident table (wide column, one line) for both extractors.
    assert name in pdftotext(pdf)
    assert name in pypdf_text(pdf)
    # In the narrower signature block a long name may wrap, even inside a word.
    ((title, printed, _place), _worker) = signature_blocks(pdf)
    assert title == "Inwoner" and printed.replace(" ", "") == name.replace(" ", "")


def test_a_name_the_font_cannot_print_is_refused(template: ConsentTemplate) -> None:
    statement = make_statement(
        template, resident="山田 太郎", birth=dt.date(1990, 1, 1), parents=()
    )
    with pytest.raises(UnprintableText, match="Latijnse letters"):
        build_toestemmingsverklaring_pdf(statement, template)


@needs_poppler
def test_markup_characters_are_printed_literally(template: ConsentTemplate) -> None:
    item = dataclasses.replace(ITEMS[1], organisation_name="Smit & Zn <B.V.> (fictief)")
    pdf = build_toestemmingsverklaring_pdf(make_statement(template, items=(item,)), template)
    assert "Smit & Zn <B.V.> (fictief)" in pdftotext(pdf)


@needs_poppler
def test_bsn_is_printed_in_full_only_when_the_municipality_requires_it(
    template: ConsentTemplate,
) -> None:
    base = make_statement(template)
    resident = dataclasses.replace(base.resident, bsn=parse_bsn("999993847"))
    with_bsn = dataclasses.replace(base, resident=resident, bsn_required=True)
    text = flat(pdftotext(build_toestemmingsverklaring_pdf(with_bsn, template)))
    assert "BSN 999993847" in text


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
    assert meta["/CreationDate"].startswith("D:20261124")  # the document date, not the clock
    assert reader.xmp_metadata is None
    assert "/Outlines" not in reader.trailer["/Root"]
    secrets = [
        statement.resident.name,
        *(s.name for s in statement.signers.signers),
        statement.controller.worker_name,
        statement.document_number,
        "2012",
        "03-05",
        *(i.organisation_name for i in statement.items),
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
    changed = dataclasses.replace(statement, place="Elders")
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
            f"Organisatie nummer {n} (fictief)",
            Direction.GIVE_TO if n % 2 else Direction.REQUEST_FROM,
            Basis.TOETSING if n % 3 else Basis.VERDIEPING,
            SecrecyRegime.BIG,
        )
        for n in range(1, 13)
    )
    statement = make_statement(template, items=items)
    pdf = build_toestemmingsverklaring_pdf(statement, template)
    text = flat(pdftotext(pdf))
    for n, item in enumerate(items, start=1):
        assert f"Onderdeel {n} van 12" in text
        assert flat(item.data_items[-1]) in text
    total = len(PdfReader(io.BytesIO(pdf)).pages)
    assert f"pagina {total} van {total}" in text


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

    from desktop_app.documents import pdf_common as pc

    for style in dataclasses.astuple(pc.styles()):
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
    """Skipping the markup parser for plain text and reusing line breaks at the same width only
    skip repeated work: the statement is byte for byte the one reportlab's own Paragraph gives,
    also when item boxes split over pages, long names wrap and names contain markup."""
    from reportlab.platypus import Paragraph

    from desktop_app.documents import pdf_common as pc

    long_name = "Maximiliaan Christoffel van der Heijden-Vanderbijlstraatsma (fictief)"
    items = tuple(
        ConsentItem(f"Doel {n}: " + "wij willen de situatie goed begrijpen. " * 12,
                    tuple(f"Gegeven {n}.{d} met een lange omschrijving" for d in range(12)),
                    f"Organisatie {n} (fictief)", Direction.GIVE_TO, Basis.TOETSING,
                    SecrecyRegime.BIG)
        for n in range(1, 6)
    )  # fmt: skip
    statement = {
        "gezin": make_statement(template),
        "grootste": make_statement(template, items=items),
        "lange namen": make_statement(
            template, resident=long_name, parents=(long_name, "Smit & Zn <x>"), worker=long_name
        ),
    }[case]
    ours = build_toestemmingsverklaring_pdf(statement, template)
    monkeypatch.setattr(pc, "Para", Paragraph)
    assert build_toestemmingsverklaring_pdf(statement, template) == ours
