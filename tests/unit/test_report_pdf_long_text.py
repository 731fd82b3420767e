"""Long free text in the gespreksverslag (issue 17): a note of a megabyte is laid out in bounded
chunks (so the build time grows linearly; measured by `wijkteam-intake bench`, never here) and
every word comes back through pdftotext, in order.

All text is synthetic; PDFs are read from stdin, never written.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from desktop_app.documents import pdf_common as pc
from desktop_app.documents.report_pdf import build_gespreksverslag_pdf
from desktop_app.domain.report import ReportItem, ReportList, ReportTable, ReportText
from tests.unit.test_report_pdf import make_report, needs_poppler, pdftotext

_WORDS = ("gesprek", "moeder", "vader", "school", "slapen", "hulp", "afspraak", "zorg", "huur",
          "buurt", "kinderen", "werk")


def synthetic_note(size: int, seed: int = 17) -> str:
    """About `size` characters of numbered words (each word unique, so their order can be
    checked), with line breaks, blank lines, long lines and a tab here and there."""
    rnd = random.Random(seed)
    parts: list[str] = []
    length = 0
    number = 0
    while length < size:
        word = f"{rnd.choice(_WORDS)}{number}"
        number += 1
        gap = rnd.choices([" ", "\n", "\n\n", "\t", "  "], weights=[400, 6, 3, 1, 2])[0]
        parts += [word, gap]
        length += len(word) + len(gap)
    return "".join(parts[:-1])


def in_order(words: list[str], text: str) -> bool:
    """Every word of `words` is a word of `text`, in the same order (other words may lie
    between them: page headers and footers)."""
    found = iter(text.split())
    return all(any(w == t for t in found) for w in words)


# --- the splitting ------------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [2, 7, 40, 2000])
@pytest.mark.parametrize("seed", range(6))
def test_split_gives_the_text_back_in_bounded_chunks_without_cutting_words(
    limit: int, seed: int
) -> None:
    rnd = random.Random(seed)
    # Words shorter than the limit, so every cut must fall after a space or a line break.
    words = ["a" * rnd.randint(1, max(1, limit - 1)) for _ in range(300)]
    gaps = [rnd.choice([" ", " ", " ", "\n", "\n\n", "\t", "\n \n", "   "]) for _ in words]
    text = "".join(w + g for w, g in zip(words, gaps, strict=True))
    chunks = pc.split_for_layout(text, limit)
    assert "".join(chunks) == text
    assert all(0 < len(c) <= limit for c in chunks)
    assert all(c[-1] in " \t\n" for c in chunks[:-1])  # a cut after a word, never inside it


def test_split_cuts_after_each_blank_line_and_keeps_short_text_whole() -> None:
    assert pc.split_for_layout("Een.\n\nTwee.\n \nDrie.\nVier.") == [
        "Een.\n\n", "Twee.\n \n", "Drie.\nVier."]
    assert pc.split_for_layout("kort") == ["kort"]
    assert pc.split_for_layout("") == []


def test_split_prefers_line_breaks_and_cuts_only_a_word_longer_than_the_limit() -> None:
    lines = "\n".join(f"regel {n} met wat woorden" for n in range(200))
    chunks = pc.split_for_layout(lines, 100)
    assert "".join(chunks) == lines and all(c.endswith("\n") for c in chunks[:-1])
    # No space in `limit` characters: wider than any column, broken across lines anyway.
    long_word = "x" * 25
    assert pc.split_for_layout(long_word + " y", 10) == ["x" * 10, "x" * 10, "xxxxx y"]
    with pytest.raises(ValueError):
        pc.split_for_layout("a b", 1)


def test_a_continued_chunk_has_no_space_after_and_a_paragraph_end_keeps_it() -> None:
    style = pc.styles().body
    paras = pc.text_paragraphs(("woord " * 600).strip() + "\n\nslot", style)
    assert len(paras) == 3
    assert [p.style.spaceAfter for p in paras] == [0, style.spaceAfter, style.spaceAfter]
    assert all("woord" in p.text for p in paras[:2]) and paras[2].text == "slot"


# --- the PDF ------------------------------------------------------------------------------------


@needs_poppler
# The free text gets the full megabyte; a list item and a table cell a third of it, to keep the
# suite fast: all three are laid out in the same bounded pieces (a table with that much text is
# written as a list).
@pytest.mark.parametrize(("where", "size"), [("text", 1_000_000), ("item", 300_000),
                                             ("table", 300_000)])
def test_a_one_megabyte_note_comes_back_whole_and_in_order(where: str, size: int) -> None:
    note = synthetic_note(size)
    base = make_report()
    first = base.sections[0]
    block: ReportText | ReportList | ReportTable
    if where == "text":
        block = ReportText("Wat vertelt de inwoner?", note)
    elif where == "item":
        block = ReportList("Leefgebieden", (ReportItem("Financiën — 2", note),))
    else:
        block = ReportTable("Doelen", ("Doel", "Wie doet wat"), (("Rust", note),))
    first = dataclasses.replace(first, blocks=(*first.blocks, block))
    report = dataclasses.replace(base, sections=(first, *base.sections[1:]))
    text = pdftotext(build_gespreksverslag_pdf(report))
    words = note.split()
    assert len(words) > size // 13
    middle = len(words) // 2
    printed = text.split()
    # The start, a sample from the middle and the end, each as a run of consecutive words (with
    # at most a page's footer and header between them)...
    for run in (words[:40], words[middle : middle + 40], words[-40:]):
        at = printed.index(run[0])
        assert in_order(run, " ".join(printed[at : at + len(run) + 30]))
    # ...and all of the note's words, in order.
    assert in_order(words, text)
    assert "Sociaal wijkteam Noord" in text and "Financiën" in text  # the rest is there too
