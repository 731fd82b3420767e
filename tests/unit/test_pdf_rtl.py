"""Names in any script on the consent statement and the gespreksverslag, right-to-left included:
read back with pdftotext (poppler) exactly, as typed (issue 17).

pdftotext returns a right-to-left run between the invisible marks U+202B and U+202C (and our
drawn LEFT-TO-RIGHT MARK after it): those are layout, not text, and are removed before comparing;
everything else must be the logical text, NFC. All people are fictional; PDFs are never written
to disk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from desktop_app.documents import rtl
from desktop_app.documents.consent_pdf import build_toestemmingsverklaring_pdf
from desktop_app.documents.pdf_common import (
    Para,
    UnprintableText,
    styles,
    unprintable_characters,
)
from desktop_app.documents.report_pdf import build_gespreksverslag_pdf
from desktop_app.domain.consent import ConsentTemplate
from desktop_app.domain.report import ReportParagraph, ReportSection, ReportText
from tests.unit.test_consent_pdf import make_statement, needs_poppler, parents, pdftotext
from tests.unit.test_consent_pdf import template as template  # the fixture
from tests.unit.test_report_pdf import make_report

NAMES = (
    "Łukasz Wiśniewski",
    "Ayşe Yılmaz",
    "Nguyễn Thị Ánh",
    "Αλέξανδρος",
    "Ольга Иванова",
    "محمد العلي",
)
ARABIC = "محمد العلي"
# A lam-alef ligature (one glyph for two letters) and a hamza: "Salam Ismail".
LIGATURE_NAME = "سلام إسماعيل"
HEBREW = "דוד כהן"  # no joining, only the order
# Urdu letters DejaVu Sans lacks (HEH GOAL, TTEH): set in Noto Sans Arabic.
URDU = "عائشہ ٹیپو"
MIXED = f"Moeder {ARABIC} woont sinds 2019 in de wijk (fictief)."
# A note in Arabic words, long enough to wrap: "the mother says the child sleeps badly since the
# summer and asks for help at school" (repeated).
NOTE = " ".join(["الأم تقول إن الطفل ينام بشكل سيئ منذ الصيف وتطلب المساعدة في المدرسة"] * 4)
NOTE_WITH_BREAK = f"{NOTE}\n\n{MIXED}"


def lines(pdf: bytes) -> list[str]:
    """pdftotext's lines, NFC, without the bidi marks; blank lines dropped."""
    text = rtl.BIDI_CONTROLS.sub("", unicodedata.normalize("NFC", pdftotext(pdf)))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def statement_pdf(template: ConsentTemplate, name: str) -> bytes:
    statement = make_statement(template, resident=name, birth=dt.date(1990, 1, 1),
                               minor=parents(name, "Ayşe Yılmaz"))
    return build_toestemmingsverklaring_pdf(statement, template)


def report_pdf(name: str, note: str = "", answer: str = "") -> bytes:
    report = make_report(resident_display_name=name)
    section = ReportSection("Hulpvraag", (ReportParagraph(answer or name),
                                          *((ReportText("Notities", note),) if note else ())))
    return build_gespreksverslag_pdf(dataclasses.replace(report, sections=(section,)))


@needs_poppler
@pytest.mark.parametrize("name", [*NAMES, LIGATURE_NAME, HEBREW, URDU])
def test_a_name_comes_back_exactly_from_the_statement(template: ConsentTemplate,
                                                      name: str) -> None:
    found = lines(statement_pdf(template, name))
    # In the facts under the title, in the signature block (bold, a line of its own) and in
    # the choice row after "Keuze van" (a Dutch line with the name in bold: two fragments).
    assert found.count(name) == 2
    assert f"Keuze van {name}" in found


@needs_poppler
@pytest.mark.parametrize("name", [*NAMES, LIGATURE_NAME, HEBREW, URDU])
def test_a_name_comes_back_exactly_from_the_report(name: str) -> None:
    found = lines(report_pdf(name))
    assert name in found


@needs_poppler
def test_a_dutch_line_with_an_arabic_name_keeps_its_order() -> None:
    assert MIXED in lines(report_pdf("Nguyễn Thị Ánh", answer=MIXED))


@needs_poppler
def test_a_dutch_line_with_an_urdu_name_keeps_its_order_and_fonts() -> None:
    line = f"Vader {URDU} woont in Utrecht."
    pdf = report_pdf("Nguyễn Thị Ánh", answer=line)
    assert line in lines(pdf)
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True)
    assert b"NotoSansArabic-Regular" in fonts.stdout  # only the Urdu run
    assert b"NotoSansArabic" not in subprocess.run(
        ["pdffonts", "-"], input=report_pdf(ARABIC), capture_output=True, check=True).stdout


@needs_poppler
def test_an_arabic_note_comes_back_word_for_word_over_several_lines() -> None:
    found = lines(report_pdf(ARABIC, note=NOTE_WITH_BREAK))
    # Wrapped over lines: each line is a consecutive run of the note's words, in order.
    note_lines = [line for line in found if rtl.has_rtl(line) and line != ARABIC]
    assert len(note_lines) >= 2
    assert " ".join(note_lines[:-1]) == NOTE
    assert note_lines[-1] == MIXED  # the next paragraph, Dutch with the name


def test_arabic_is_drawn_joined_and_right_to_left() -> None:
    # What is drawn (left to right): the joined forms, the last letter first.
    shown = rtl.visual(rtl.reshape(ARABIC))
    assert shown[0] == "\ufef2"  # ARABIC LETTER YEH FINAL FORM: the end of "العلي", leftmost
    assert shown[-1] == "\ufee3"  # ARABIC LETTER MEEM INITIAL FORM: the start of "محمد"
    # pypdf reads the same glyphs back as the letters typed (our ToUnicode map).
    pdf = report_pdf(ARABIC)
    text = "\n".join(page.extract_text() for page in PdfReader(__import__("io").BytesIO(pdf)).pages)
    assert ARABIC in text


def test_text_without_right_to_left_letters_takes_the_plain_path() -> None:
    assert rtl.reshape("Nguyễn Thị Ánh") == "Nguyễn Thị Ánh"
    assert rtl.visual("Nguyễn Thị Ánh") == "Nguyễn Thị Ánh"
    style = styles().body
    assert not Para("Αλέξανδρος en Ольга Иванова", style)._rtl
    assert Para(f"Moeder {ARABIC}", style)._rtl


def test_a_document_with_arabic_is_still_deterministic() -> None:
    # The stored SHA-256 identifies the printed paper: the same content, the same bytes.
    assert report_pdf(ARABIC, note=NOTE) == report_pdf(ARABIC, note=NOTE)


def test_the_font_check_says_cannot_only_when_it_cannot() -> None:
    assert unprintable_characters([*NAMES, LIGATURE_NAME, HEBREW, URDU, NOTE, MIXED]) == []
    assert unprintable_characters(["山田 太郎"]) == ["太", "山", "田", "郎"]


def test_an_undrawable_name_is_refused_naming_its_characters(template: ConsentTemplate) -> None:
    with pytest.raises(UnprintableText) as caught:
        statement_pdf(template, "Anna 🙂")
    assert "SLIGHTLY SMILING FACE (U+1F642)" in str(caught.value)


@needs_poppler
def test_an_urdu_note_in_the_arabic_font_comes_back_word_for_word() -> None:
    # "Aisha's mother says the child has not slept well since the summer and wants help at
    # school" (repeated): letters DejaVu Sans lacks, so the whole note is in Noto Sans Arabic.
    note = " ".join(["عائشہ کی والدہ کہتی ہیں کہ بچہ گرمیوں سے ٹھیک سے نہیں سوتا اور اسکول میں"
                     " مدد چاہتی ہیں"] * 3)
    note_lines = [line for line in lines(report_pdf("Nguyễn Thị Ánh", note=note))
                  if rtl.has_rtl(line)]
    assert len(note_lines) >= 2
    assert " ".join(note_lines) == note
