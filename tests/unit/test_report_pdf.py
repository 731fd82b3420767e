"""The gespreksverslag: model and PDF, read back with pdftotext (poppler) and pypdf.

All people, organisations and numbers are fictional; PDFs are read from stdin, never written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import segno
from pypdf import PdfReader

from desktop_app.documents.pdf_common import UnprintableText
from desktop_app.documents.report_pdf import (
    build_gespreksverslag_pdf,
    build_gespreksverslag_pdf_with_hash,
)
from desktop_app.domain.consent import format_document_number, parse_qr_payload
from desktop_app.domain.report import (
    Gespreksverslag,
    ReportDataRequest,
    ReportItem,
    ReportList,
    ReportParagraph,
    ReportSection,
    ReportTable,
    ReportText,
    format_weighing_step,
)
from desktop_app.domain.vocabulary import Basis, Direction

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed",
)

NAMES = (
    "Agnieszka Wiśniewska",
    "Ayşe Yılmaz",
    "Nguyễn Thị Ánh",
    "Søren Østergård",
    "Łukasz Żółć",
    "François Cœur",
    "Zoë Ğüneş",
)

STEPS = (
    format_weighing_step(
        "Welke gegevens zijn noodzakelijk voor het doel?",
        "Alleen klachten en medicatie",
        "geen volledig medisch dossier",
    ),
    format_weighing_step("Is er een minder ingrijpende manier?", "Nee", "ouders weten het niet"),
    format_weighing_step("Staan gegevens en doel in verhouding?", "Ja"),
)


def make_report(**changes: object) -> Gespreksverslag:
    report = Gespreksverslag(
        document_number=format_document_number("GV", 2026, 42),
        title="Gespreksverslag keukentafelgesprek",
        municipality="Gemeente Voorbeeldstad",
        team="Sociaal wijkteam Noord",
        worker="Agnieszka Wiśniewska",
        resident_display_name="Nguyễn Thị Ánh",
        created=dt.date(2026, 11, 24),
        form_id="keukentafel-jeugd",
        form_version=3,
        sections=(
            ReportSection(
                "Hulpvraag",
                (
                    ReportParagraph("Het gesprek was op 20 november 2026 bij de inwoner thuis. "
                                    "Aanwezig: Ayşe Yılmaz (moeder) en François Cœur (vader)."),
                    ReportText("De hulpvraag, in de woorden van de inwoner",
                               "Hulp bij schoolverzuim en slaapproblemen."),
                    ReportText("Notities over de hulpvraag",
                               "Moeder vertelt dat het slapen sinds de zomer slecht gaat.\n\n"
                               "Afspraak: vervolggesprek over twee weken met Łukasz Żółć "
                               "(mentor)."),
                ),
            ),
            ReportSection(
                "Leefgebieden",
                (
                    ReportList("Leefgebieden die aan bod kwamen", (
                        ReportItem("Financiën — 2 (niet zelfredzaam)",
                                   "In beeld bij Søren Østergård (fictief). Hulp gewenst."),
                        ReportItem("Huisvesting — 4 (voldoende zelfredzaam)"),
                    )),
                    ReportTable("De doelen", ("Doel", "Evalueren op"),
                                (("Weer naar school", "20-02-2027"), ("Beter slapen", ""))),
                ),
            ),
            ReportSection("Wonen"),
        ),
        data_requests=(
            ReportDataRequest(
                organisation="Huisartsenpraktijk De Linde (fictief)",
                direction=Direction.REQUEST_FROM,
                purpose="Passende hulp thuis regelen.",
                data_items=("Klachten en diagnose", "Medicijnen"),
                basis=Basis.VERDIEPING,
                outcome_summary="Schriftelijke toestemming vereist (beroepsgeheim)",
                weighing_steps=STEPS,
                consent_status="getekend",
                consent_document_number=format_document_number("TV", 2026, 123),
            ),
            ReportDataRequest(
                organisation="Jeugdhulp Regio Oost (fictief)",
                direction=Direction.GIVE_TO,
                purpose="Aanvraag indicatie jeugdhulp.",
                data_items=("Hulpvraag",),
                basis=Basis.TOETSING,
                outcome_summary="Deel niet meer dan strikt noodzakelijk",
                weighing_steps=(format_weighing_step("Hoort het verzoek bij mij?", "Ja"),),
                consent_status="geprint",
            ),
        ),
    )
    return dataclasses.replace(report, **changes)  # type: ignore[arg-type]


def pdftotext(pdf: bytes, page: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    done = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def report_pdf() -> tuple[Gespreksverslag, bytes]:
    report = make_report()
    return report, build_gespreksverslag_pdf(report)


# --- model --------------------------------------------------------------------------------------


def test_weighing_step_format() -> None:
    assert format_weighing_step(" Vraag? ", " Ja ", " omdat ") == "Vraag? → Ja (omdat)"
    assert format_weighing_step("Vraag?", "Nee") == "Vraag? → Nee"


def test_report_needs_a_gv_number() -> None:
    with pytest.raises(ValueError, match="GV"):
        make_report(document_number=format_document_number("TV", 2026, 42))
    with pytest.raises(ValueError, match="ziet eruit als"):
        make_report(document_number="GV-42")


def test_report_hash_covers_everything_printed() -> None:
    base = make_report()
    section = base.sections[0]
    request = base.data_requests[0]
    variants = {
        "title": {"title": "Ander verslag"},
        "worker": {"worker": "Iemand"},
        "resident": {"resident_display_name": "Iemand"},
        "created": {"created": dt.date(2026, 11, 25)},
        "form version": {"form_version": 4},
        "paragraph": {
            "sections": (
                dataclasses.replace(section, blocks=(ReportParagraph("Anders."),
                                                     *section.blocks[1:])),
                *base.sections[1:],
            )
        },
        "free text": {
            "sections": (
                dataclasses.replace(section, blocks=(*section.blocks[:2],
                                                     ReportText("Notities", "x"))),
                *base.sections[1:],
            )
        },
        "table cell": {
            "sections": (
                section,
                dataclasses.replace(base.sections[1], blocks=(
                    base.sections[1].blocks[0],
                    ReportTable("De doelen", ("Doel", "Evalueren op"),
                                (("Weer naar school", "21-02-2027"), ("Beter slapen", ""))))),
                *base.sections[2:],
            )
        },
        "weighing": {
            "data_requests": (
                dataclasses.replace(request, weighing_steps=STEPS[:2]),
                *base.data_requests[1:],
            )
        },
        "consent status": {
            "data_requests": (
                dataclasses.replace(request, consent_status="ingetrokken"),
                *base.data_requests[1:],
            )
        },
    }
    digests = {k: make_report(**v).content_hash() for k, v in variants.items()}
    assert base.content_hash() == make_report().content_hash()
    assert base.content_hash() not in digests.values()
    assert len(set(digests.values())) == len(digests)


def test_report_repr_does_not_leak_content() -> None:
    report = make_report()
    blocks = [b for s in report.sections for b in s.blocks]
    items = [i for b in blocks if isinstance(b, ReportList) for i in b.items]
    text = (repr(report) + repr(report.sections) + repr(report.data_requests) + repr(blocks)
            + repr(items))
    for secret in ("Nguyễn", "Agnieszka", "slaapproblemen", "Medicijnen", "medicatie",
                   "Østergård", "Weer naar school", "Yılmaz"):
        assert secret not in text


# --- PDF ----------------------------------------------------------------------------------------


@needs_poppler
def test_everything_in_the_report_is_printed(report_pdf: tuple[Gespreksverslag, bytes]) -> None:
    report, pdf = report_pdf
    text = flat(pdftotext(pdf))
    other = flat("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    expected = [report.title, report.resident_display_name, report.worker, report.team]
    expected += ["keukentafel-jeugd (versie 3)", "24 november 2026"]
    for section in report.sections:
        expected.append(section.title)
        for block in section.blocks:
            if isinstance(block, ReportParagraph):
                expected.append(block.text)
            elif isinstance(block, ReportText):
                expected += [block.lead, *(p for p in block.text.split("\n\n") if p)]
            elif isinstance(block, ReportList):
                expected += [block.lead, *(t for i in block.items for t in (i.lead, i.text))]
            else:
                expected += [block.lead, *block.columns, *(c for row in block.rows for c in row)]
    for number, request in enumerate(report.data_requests, start=1):
        expected += [request.organisation, request.purpose, *request.data_items]
        expected += [request.outcome_summary, *request.weighing_steps, request.consent_status]
        expected.append(f"Verzoek {number} van {len(report.data_requests)}")
    for fragment in expected:
        assert flat(fragment) in text, fragment
        assert flat(fragment) in other, fragment
    assert "Gegevens opvragen bij Huisartsenpraktijk De Linde (fictief)" in text
    assert "Gegevens verstrekken aan Jeugdhulp Regio Oost (fictief)" in text
    assert "getekend (toestemmingsverklaring TV-2026-000123-" in text
    assert "Toetsing: nodig om te beslissen over een voorziening" in text
    assert "Verdieping: om beter te helpen; de inwoner mag weigeren" in text
    assert "1. Welke gegevens zijn noodzakelijk" in text
    assert "Niets ingevuld." in text  # an empty section says so instead of vanishing
    # A short free text follows its lead on the line; a list item is a bullet with a bold lead.
    assert "De hulpvraag, in de woorden van de inwoner: Hulp bij schoolverzuim" in text
    assert "• Financiën — 2 (niet zelfredzaam): In beeld bij Søren Østergård" in text
    assert "• Huisvesting — 4 (voldoende zelfredzaam)" in text
    assert "Doel Evalueren op Weer naar school 20-02-2027 Beter slapen" in text


@needs_poppler
def test_names_with_diacritics_round_trip(report_pdf: tuple[Gespreksverslag, bytes]) -> None:
    _report, pdf = report_pdf
    text = pdftotext(pdf)
    other = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for name in NAMES[:-1]:
        assert name in text, name
        assert name in other, name


@needs_poppler
def test_page_numbers_and_document_number_on_every_page() -> None:
    long_notes = "\n\n".join(f"Alinea {n}: " + "een lange aantekening " * 40 for n in range(12))
    long_answer = "Een heel lang antwoord. " * 400
    report = make_report(
        sections=(
            ReportSection("Lang", (ReportParagraph(long_answer),
                                   ReportText("Aantekeningen", long_notes))),
            *make_report().sections,
        )
    )
    pdf = build_gespreksverslag_pdf(report)
    reader = PdfReader(io.BytesIO(pdf))
    total = len(reader.pages)
    assert total >= 4  # one text longer than a page must split, not fail
    for page in range(1, total + 1):
        text = pdftotext(pdf, page)
        assert f"pagina {page} van {total}" in text
        assert report.document_number in text
    # The text runs over page breaks (header and footer text lands between the halves of a
    # sentence there), so count words: nothing may be lost at a split.
    text = flat(pdftotext(pdf))
    assert text.count("antwoord.") == 400 and text.count(" heel ") == 400


@needs_poppler
def test_qr_code_decodes_to_number_and_hash(report_pdf: tuple[Gespreksverslag, bytes]) -> None:
    zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp is needed to read QR codes")
    image = pytest.importorskip("PIL.Image", reason="Pillow is needed to read the rendering")
    report, pdf = report_pdf
    for page in range(1, len(PdfReader(io.BytesIO(pdf)).pages) + 1):
        png = subprocess.run(
            ["pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page), "-singlefile", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout
        results = zxingcpp.read_barcodes(image.open(io.BytesIO(png)))
        assert [r.text for r in results] == [report.qr_payload()]
        assert parse_qr_payload(results[0].text) == (report.document_number, report.content_hash())


def test_qr_form_matches_segno(report_pdf: tuple[Gespreksverslag, bytes]) -> None:
    report, pdf = report_pdf
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    xobjects = page["/Resources"]["/XObject"]
    (form,) = [xobjects[k].get_object() for k in xobjects if "WijkteamQR" in k]
    stream = form.get_data().decode("latin-1")
    code = segno.make(report.qr_payload(), error="m", micro=False, boost_error=True)
    dark_runs = sum(
        1
        for row in code.matrix
        for i, cell in enumerate(row)
        if cell and (i == 0 or not row[i - 1])
    )
    assert len(re.findall(r" re\b", stream)) == dark_runs + 1  # + the white background


def test_metadata_has_no_personal_data(report_pdf: tuple[Gespreksverslag, bytes]) -> None:
    report, pdf = report_pdf
    reader = PdfReader(io.BytesIO(pdf))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    assert (reader.metadata or {})["/Title"] == "Gespreksverslag"
    assert reader.xmp_metadata is None
    for secret in (report.resident_display_name, report.worker, report.document_number, *NAMES):
        assert secret not in meta
        assert secret.split()[0] not in meta


def test_deterministic_bytes_and_hash(report_pdf: tuple[Gespreksverslag, bytes]) -> None:
    report, pdf = report_pdf
    again, digest = build_gespreksverslag_pdf_with_hash(report)
    assert again == pdf and digest == hashlib.sha256(pdf).hexdigest()


def test_building_leaves_nothing_in_the_temp_folder() -> None:
    temp = Path(tempfile.gettempdir())
    before = set(temp.iterdir())
    build_gespreksverslag_pdf(make_report(document_number=format_document_number("GV", 2026, 7)))
    appeared = set(temp.iterdir()) - before
    assert not [p for p in appeared if p.suffix in {".pdf", ".png", ".ttf", ".tmp"}]
    assert not [p for p in appeared if "GV-2026-000007" in p.name]


def test_unprintable_text_is_refused() -> None:
    with pytest.raises(UnprintableText):
        build_gespreksverslag_pdf(make_report(resident_display_name="🙂 Iemand"))
