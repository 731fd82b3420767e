"""Right-to-left text (Arabic, Hebrew, ...) for the PDFs: shaping and visual order.

A PDF holds glyphs at positions, not text in reading order: a program that draws Arabic must
pick the joined form of each letter itself (initial, medial, final) and put the letters and
words of a right-to-left run from right to left. reportlab draws the characters it is given
left to right, so `محمد العلي` came out reversed and unjoined.

Choice (measured on reportlab 5.1.0, poppler 24 pdftotext, pypdf 7, issue 17):
- reportlab's own shaping (uharfbuzz, `ParagraphStyle.shaping`) joins the letters of a word, but
  its bidirectional ordering needs `rlbidi`, which is not published on PyPI: words stayed in
  logical order (the name's two words swapped) and pdftotext gave presentation forms. It also
  runs HarfBuzz on every word of every paragraph once switched on.
- python-bidi (the Unicode bidi algorithm, Rust `unicode-bidi`) + arabic-reshaper (the joined
  forms as Unicode presentation forms, which DejaVu Sans has) on the runs that need it: rendering
  right, and with the ToUnicode map of the presentation forms pointed at the letters they stand
  for (pdf_common._ExtractableTTFont) pdftotext gives the logical text back. Text without
  right-to-left characters costs one regular-expression search per paragraph.
The second is used. Both libraries are imported only when a right-to-left text is drawn.
Arabic script is drawn in DejaVu Sans where it has the letters and their joined forms (Arabic,
Persian) and in Noto Sans Arabic where it does not (Urdu and other languages): pdf_common.

Text extractors (pdftotext, pypdf) read glyphs by position and turn right-to-left runs back
into reading order with a simplified bidi algorithm: a run is taken to last until the next
left-to-right letter. A space or parenthesis drawn to the right of an Arabic run would be
swallowed into it, so a LEFT-TO-RIGHT MARK (zero width) is drawn right after each run that a
left-to-right letter follows on the same line.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

# Strong right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic
# supplements and presentation forms, and the right-to-left blocks of the SMP).
RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
LRM = "\u200e"
# Arabic script (Arabic, Supplement, Extended-A/B, presentation forms): set in the Arabic font.
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
ARABIC = re.compile(f"[{_ARABIC}]")
# A run of Arabic script for the Arabic font: from an Arabic character to the last one before
# anything else, with the spaces, digits and punctuation between them that the Arabic font has
# (so a note in Arabic with a number in it stays one run, ordered by one bidi pass).
ARABIC_RUN = re.compile(f"[{_ARABIC}](?:[{_ARABIC}0-9 \u00a0.,:!\\-\u200c\u200d]*[{_ARABIC}])?")
# Arabic presentation forms: the joined letters the reshaper produces.
PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
FIRST_PRESENTATION_FORM = 0xFB50
# The invisible bidi controls extractors add around right-to-left runs (pdftotext: U+202B,
# U+202C) and the marks we draw (U+200E): layout, not text.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def has_rtl(text: str) -> bool:
    # isascii() first: instant (a flag of the string), where the search reads every character.
    return not text.isascii() and RTL.search(text) is not None


def has_arabic(text: str) -> bool:
    return not text.isascii() and ARABIC.search(text) is not None


@functools.cache
def _reshaper() -> Any:
    from arabic_reshaper import ArabicReshaper
    from arabic_reshaper.ligatures import LIGATURES

    # Only the lam-alef ligatures, which Arabic writing requires; the optional word ligatures
    # (ALLAH, ...) would print a different shape than the name the worker typed, and DejaVu Sans
    # lacks most of them. Vowel marks (harakat) are kept: they are part of the name.
    config: dict[str, Any] = {name: name.startswith("ARABIC LIGATURE LAM WITH ALEF")
                              for name, _forms in LIGATURES}
    config["delete_harakat"] = False
    return ArabicReshaper(configuration=config)


def reshape(text: str) -> str:
    """`text` with Arabic letters in their joined forms (presentation forms), still in logical
    order; text without right-to-left characters is returned as it is."""
    if not has_rtl(text):
        return text
    shaped: str = _reshaper().reshape(text)
    return shaped


def base_is_rtl(text: str) -> bool:
    """The paragraph direction of `text` (Unicode bidi rules P2-P3: the first strong letter)."""
    from bidi import get_base_level

    return bool(get_base_level(text) == 1)


def visual(line: str, *, rtl_base: bool = False, ltr_follows: bool = False) -> str:
    """One line of (reshaped) text in the order it is drawn, left to right; a LEFT-TO-RIGHT MARK
    after each right-to-left run that a left-to-right letter follows (in `line` or, with
    `ltr_follows`, later on the same line)."""
    if not has_rtl(line):
        return line
    from bidi import get_display

    shown: str = get_display(line, base_dir="R" if rtl_base else "L")
    if rtl_base:
        return shown
    # Right after each right-to-left run whose next strong letter (past spaces, digits and
    # punctuation) is a left-to-right one, on this line or (`ltr_follows`) later on it.
    out: list[str] = []
    run_end: int | None = None  # where the last right-to-left letter ends in `out`
    for char in shown:
        kind = unicodedata.bidirectional(char)
        if kind == "L" and run_end is not None:
            out.insert(run_end, LRM)
            run_end = None
        out.append(char)
        if kind in ("R", "AL"):
            run_end = len(out)
    if run_end is not None and ltr_follows:
        out.insert(run_end, LRM)
    return "".join(out)


def logical_text(presentation_form: str) -> str:
    """What a presentation form stands for (its compatibility decomposition), in the order its
    glyph is drawn: a lam-alef ligature is drawn in a right-to-left run, so its letters are
    given right to left, as for every other glyph of the run, and extractors reverse them with
    the run."""
    letters = unicodedata.normalize("NFKC", presentation_form)
    return letters[::-1] if len(letters) > 1 else letters
