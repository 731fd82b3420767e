"""Shared PDF machinery: embedded font, A4 page decoration, QR code, page numbering, metadata.

Everything happens in memory: the PDF is written into a `BytesIO`, the logo is read from bytes
and the QR code is drawn as vector rectangles. Nothing is written to disk, not even a temp file
(CONVENTIONS: personal data never goes to temp files).

The output is deterministic: the same content gives the same bytes, so the SHA-256 that the
service stores identifies the printed document, and a rebuilt copy can be compared with it.
To get there, reportlab runs in "invariant" mode (fixed document ID) and the PDF dates are set
to the document's own date instead of the wall clock.

This module imports reportlab at module level (~190 ms). Only desktop_app.documents may import
it, and the public builders import it lazily, so starting the program does not pay for it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import threading
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

import segno
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm as mm  # re-exported: the documents measure in mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from desktop_app.documents import rtl
from desktop_app.domain.text import describe_characters
from desktop_app.messages import Message, MessageError
from desktop_app.resources import resources_dir  # checkout or PyInstaller bundle

# ---------------------------------------------------------------------------------------------
# Fonts
# ---------------------------------------------------------------------------------------------

# Our own names, so a font registered elsewhere under "DejaVuSans" can never be picked up.
FONT = "WijkteamSans"
FONT_BOLD = "WijkteamSans-Bold"
FONT_ITALIC = "WijkteamSans-Oblique"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
}
# Arabic script that DejaVu Sans cannot draw is set in Noto Sans Arabic (SIL OFL, with its
# licence in resources/fonts): DejaVu Sans lacks 34 of the 150 letters of the Arabic block (Urdu
# HEH GOAL and YEH BARREE among them), Noto Sans Arabic has all of them and their joined forms.
# DejaVu Sans stays first: a paragraph in one font is put into visual order by one bidi pass
# over each whole line; with a second font the runs of each font are ordered on their own
# (_visual_lines), which is right for a name in a Dutch line but not for every mix. Registered
# only when such a text is drawn or checked.
FONT_ARABIC = "WijkteamArabic"
FONT_ARABIC_BOLD = "WijkteamArabic-Bold"
_ARABIC_FONT_FILES = {
    FONT_ARABIC: "NotoSansArabic-Regular.ttf",
    FONT_ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
}
_font_lock = threading.Lock()
_registered_families: set[str] = set()


class _ExtractableTTFont(TTFont):
    """A TrueType font whose ToUnicode map gives the letters behind Arabic presentation forms.

    Joined Arabic letters are drawn with the presentation-form glyphs (rtl.reshape); reportlab's
    ToUnicode map names those code points (U+FEE3 ARABIC LETTER MEEM INITIAL FORM), so copied or
    extracted text would not be the name that was typed. Pointing them at the letters they stand
    for (U+0645 ARABIC LETTER MEEM) makes pdftotext give the name back exactly. Subsets without
    presentation forms (every document without Arabic) are left as reportlab wrote them.
    """

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state is not None else []
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(subsets))]
        super().addObjects(doc)
        for name, subset in zip(names, subsets, strict=True):
            # The presentation forms are the highest code points we draw: one max() tells.
            if max(subset, default=0) < rtl.FIRST_PRESENTATION_FORM or not any(
                    rtl.PRESENTATION_FORM.match(chr(code)) for code in subset):
                continue
            font = doc.idToObject["BasicFonts"].dict[name]
            stream = doc.idToObject[font.ToUnicode.name]
            entries = "\n".join(
                f"<{index:02X}> <{_to_unicode(chr(code)).encode('utf-16-be').hex().upper()}>"
                for index, code in enumerate(subset))
            head, rest = stream.content.split("beginbfchar\n", 1)
            tail = rest.split("endbfchar", 1)[1]
            stream.content = f"{head}beginbfchar\n{entries}\nendbfchar{tail}"


def _register_files(files: dict[str, str]) -> None:
    folder = resources_dir() / "fonts"
    for name, filename in files.items():
        path = folder / filename
        if not path.is_file():
            raise FileNotFoundError(
                f"Het lettertype {filename} ontbreekt in {folder}. Installeer het programma "
                "opnieuw."
            )
        pdfmetrics.registerFont(_ExtractableTTFont(name, str(path)))


def _register_family_once(files: dict[str, str], normal: str, *, bold: str, italic: str,
                          bold_italic: str) -> None:
    """Register a family's font files once, also when two threads build a PDF at once."""
    if normal in _registered_families:
        return
    with _font_lock:
        if normal in _registered_families:  # another thread registered it meanwhile
            return
        _register_files(files)
        pdfmetrics.registerFontFamily(normal, normal=normal, bold=bold, italic=italic,
                                      boldItalic=bold_italic)
        _registered_families.add(normal)


def register_arabic_fonts() -> None:
    """Register Noto Sans Arabic once (thread-safe), the first time Arabic script is met."""
    # <b> around an Arabic run picks the bold face; there is no oblique Arabic face.
    _register_family_once(_ARABIC_FONT_FILES, FONT_ARABIC, bold=FONT_ARABIC_BOLD,
                          italic=FONT_ARABIC, bold_italic=FONT_ARABIC_BOLD)


def _needs_arabic_font(shaped: str) -> bool:
    """`shaped` (joined forms) has Arabic script that DejaVu Sans cannot draw."""
    register_fonts()
    faces = [pdfmetrics.getFont(name).face for name in (FONT, FONT_BOLD)]
    return any(ord(char) not in face.charToGlyph
               for char in set(rtl.ARABIC.findall(shaped)) for face in faces)


def _to_unicode(char: str) -> str:
    return rtl.logical_text(char) if rtl.PRESENTATION_FORM.match(char) else char


def register_fonts() -> None:
    """Register the embedded DejaVu Sans faces once (thread-safe; parsing the three files
    costs ~30 ms, paid by the first document only).

    The 14 standard PDF fonts only cover Latin-1/WinAnsi and cannot print names such as
    Wiśniewska, Yılmaz or Nguyễn; DejaVu Sans covers all Latin scripts, and reportlab embeds a
    subset of it with a ToUnicode map, so text extraction gives the names back exactly.
    """
    _register_family_once(_FONT_FILES, FONT, bold=FONT_BOLD, italic=FONT_ITALIC,
                          bold_italic=FONT_BOLD)


class UnprintableText(MessageError, ValueError):
    """Text contains characters the embedded font has no glyph for."""


def unprintable_characters(texts: Iterable[str]) -> list[str]:
    """Characters in `texts` that the embedded fonts cannot draw (reportlab would silently print
    an empty box): e.g. Chinese, Devanagari or emoji. Line breaks and tabs are layout, not glyphs.

    Arabic script is drawn in its joined forms (rtl.reshape) in the Arabic font: a letter is
    printable only when that font has the forms it takes in the text, so the joined text is
    checked and a missing form is reported as the letter the worker typed."""
    register_fonts()
    faces = [pdfmetrics.getFont(name).face for name in (FONT, FONT_BOLD)]
    missing: set[str] = set()
    for text in texts:
        if rtl.has_arabic(text) and _needs_arabic_font(shaped := rtl.reshape(text)):
            # Arabic runs are drawn joined in the Arabic font; the rest in DejaVu Sans.
            register_arabic_fonts()
            arabic = [pdfmetrics.getFont(name).face for name in (FONT_ARABIC, FONT_ARABIC_BOLD)]
            for char in set("".join(rtl.ARABIC_RUN.findall(shaped))):
                if any(ord(char) not in face.charToGlyph for face in arabic):
                    missing.update(unicodedata.normalize("NFKC", char))
            text = rtl.ARABIC_RUN.sub(" ", shaped)
        elif rtl.has_arabic(text):
            text = rtl.reshape(text)  # drawn joined in DejaVu Sans: check the joined forms
        missing.update(ch for ch in set(text) - set("\n\r\t")
                       if any(ord(ch) not in face.charToGlyph for face in faces))
    return sorted(missing)


def strings_in(value: Any) -> list[str]:
    """All text inside a canonical_content() structure (nested dicts and lists)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return []


def require_printable(texts: Iterable[str]) -> None:
    missing = unprintable_characters(texts)
    if missing:
        # Named, not only shown: the worker's screen font may draw them as the same empty box.
        shown = describe_characters("".join(missing[:10]))
        raise UnprintableText(Message("document.unprintable", characters=shown),
                              Message("document.unprintable.advice"))


# ---------------------------------------------------------------------------------------------
# Look: colours and paragraph styles
# ---------------------------------------------------------------------------------------------

INK = colors.HexColor("#1A1A1A")
ACCENT = colors.HexColor("#1F3A5F")  # dark blue: headings, bands
ACCENT_LIGHT = colors.HexColor("#E8EEF6")  # light blue: item headers, label cells
RULE = colors.HexColor("#9AA7B8")
MUTED = colors.HexColor("#555555")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
HEADER_HEIGHT = 40 * mm  # room for logo, municipality and the QR code
FOOTER_HEIGHT = 22 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
# The width the content frame offers its flowables, to the last bit ((x1 + width) - x1 - 0 -
# 0, as reportlab's Frame computes it): a measurement at this width is reused when the frame
# lays the same paragraph or table out (Para and MemoTable keep their layout per width).
FRAME_WIDTH = (MARGIN_X + CONTENT_WIDTH) - MARGIN_X - 0 - 0


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    label: ParagraphStyle
    band: ParagraphStyle


_styles: Styles | None = None


def styles() -> Styles:
    """Paragraph styles in the embedded font. 10.5 pt body text with generous leading: the
    statement is read by residents at a kitchen table, often without reading glasses."""
    global _styles
    register_fonts()
    if _styles is None:
        body = ParagraphStyle(
            "body",
            fontName=FONT,
            bulletFontName=FONT,  # reportlab's default bullet font is an unembedded Helvetica
            fontSize=10.5,
            leading=14.5,
            textColor=INK,
            spaceAfter=5,
        )
        _styles = Styles(
            title=ParagraphStyle(
                "title", parent=body, fontName=FONT_BOLD, fontSize=21, leading=25,
                textColor=ACCENT, spaceAfter=2,
            ),
            subtitle=ParagraphStyle(
                "subtitle", parent=body, fontSize=11.5, leading=15, textColor=MUTED,
                spaceAfter=8,
            ),
            h2=ParagraphStyle(
                "h2", parent=body, fontName=FONT_BOLD, fontSize=12.5, leading=16,
                textColor=ACCENT, spaceBefore=9, spaceAfter=3,
            ),
            h3=ParagraphStyle(
                "h3", parent=body, fontName=FONT_BOLD, fontSize=11, leading=14.5,
                spaceBefore=6, spaceAfter=2,
            ),
            body=body,
            bullet=ParagraphStyle(
                "bullet", parent=body, leftIndent=14, bulletIndent=3, spaceAfter=1
            ),
            cell=ParagraphStyle("cell", parent=body, fontSize=10, leading=13.5, spaceAfter=0),
            cell_bold=ParagraphStyle(
                "cell_bold", parent=body, fontName=FONT_BOLD, fontSize=10, leading=13.5,
                spaceAfter=0,
            ),
            label=ParagraphStyle(
                "label", parent=body, fontSize=9, leading=12, textColor=MUTED, spaceAfter=0
            ),
            band=ParagraphStyle(
                "band", parent=body, fontName=FONT_BOLD, fontSize=13, leading=16,
                textColor=colors.white, spaceAfter=0,
            ),
        )  # fmt: skip
    return _styles


def label_value_table_style() -> list[tuple[Any, ...]]:
    """A framed two-column table with the labels on a tinted column (resident data, answers):
    the same on the consent statement and the gespreksverslag."""
    return [
        ("BACKGROUND", (0, 0), (0, -1), ACCENT_LIGHT),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]


def meta_table_style() -> list[tuple[Any, ...]]:
    """The thin-ruled row of facts under a document's title (number, version, date): the
    same on the consent statement and the gespreksverslag."""
    return [
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]


def style_table(table: Table, commands: list[tuple[Any, ...]]) -> None:
    """Apply table style commands, starting with our font: a Table otherwise selects
    Helvetica for its cells, which puts an unembedded standard font on every page."""
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10), *commands]))


def markup(text: str) -> str:
    """Escape user text for reportlab's paragraph mini-markup; keep line breaks.

    Names and notes may contain '&', '<' or '>' (e.g. "Smit & Zn"); unescaped they would break
    the paragraph parser or be read as tags.
    """
    return "<br/>".join(escape(line) for line in text.split("\n"))


# The most characters one paragraph of free text gets. reportlab splits a paragraph across a
# page break by laying out everything that is left again, so one long pasted note (hundreds of
# pages) took time quadratic in its length (1 MB: minutes). Chunks of this size keep the layout
# linear and are still half a page or less, so a chunk boundary in a long line costs only a
# line break where the line would otherwise have continued.
MAX_BLOCK_CHARS = 2000

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_PARAGRAPH_END = re.compile(r"\n[ \t\r\f\v]*\n\s*\Z")
# Only the spaces a paragraph may break a line at; a cut at a no-break space would split a word.
_BREAKING_SPACE = " \t\n\r\f\v"


def split_for_layout(text: str, limit: int = MAX_BLOCK_CHARS) -> list[str]:
    """`text` as consecutive slices (joined, they give `text` back exactly) of at most `limit`
    characters: cut after blank lines (paragraph ends), and inside a longer paragraph after a
    line break or else after a space, so no word is cut. Only a "word" longer than `limit` (no
    space in `limit` characters; wider than any column, so it is broken across lines anyway)
    is cut where the limit falls."""
    if limit < 2:
        raise ValueError("limit must be at least 2")
    chunks: list[str] = []
    start = 0
    for end in [m.end() for m in _BLANK_LINES.finditer(text)] + [len(text)]:
        while end - start > limit:
            window = text[start : start + limit]
            # A line break in the second half keeps the original lines; else the last space.
            cut = window.rfind("\n", limit // 2) + 1
            if not cut:
                cut = max(window.rfind(c) for c in _BREAKING_SPACE) + 1
            if not cut:
                cut = limit
            chunks.append(text[start : start + cut])
            start += cut
        if end > start:
            chunks.append(text[start:end])
            start = end
    return chunks


def text_paragraphs(text: str, style: ParagraphStyle) -> list[Para]:
    """Free text as paragraphs: blank lines separate paragraphs, single line breaks are kept, and
    a long paragraph is laid out in chunks (split_for_layout) that follow each other without the
    space between paragraphs. Each line is a Para of its own; only a paragraph's last line has
    the space after it."""
    chunks = split_for_layout(text.replace("\r\n", "\n"))
    out: list[Para] = []
    for n, chunk in enumerate(chunks):
        # One Para per line rather than "<br/>": plain text skips the markup parser, and
        # reportlab breaks a one-fragment paragraph into lines several times faster.
        lines = [line.strip() for line in chunk.strip().split("\n")]
        lines = [line for line in lines if line]
        ends = n == len(chunks) - 1 or _PARAGRAPH_END.search(chunk) is not None
        for m, line in enumerate(lines):
            last = ends and m == len(lines) - 1
            chosen = style if last else _continued(style)
            if rtl.has_rtl(line) and rtl.base_is_rtl(line):
                # A paragraph that starts in Arabic (Unicode bidi P2-P3) is right to left.
                chosen = _right_aligned(chosen)
            out.append(Para(escape(line), chosen))
    return out


_continued_styles: weakref.WeakKeyDictionary[ParagraphStyle, ParagraphStyle] = (
    weakref.WeakKeyDictionary()
)


_right_styles: weakref.WeakKeyDictionary[ParagraphStyle, ParagraphStyle] = (
    weakref.WeakKeyDictionary()
)


def _right_aligned(style: ParagraphStyle) -> ParagraphStyle:
    found = _right_styles.get(style)
    if found is None:
        found = ParagraphStyle(f"{style.name}_rtl", parent=style, alignment=TA_RIGHT)
        found.rtl_base = True  # read by Para
        _right_styles[style] = found
    return found


def _continued(style: ParagraphStyle) -> ParagraphStyle:
    """`style` without the space after: for a chunk that the next chunk continues."""
    found = _continued_styles.get(style)
    if found is None:
        found = ParagraphStyle(f"{style.name}_continued", parent=style, spaceAfter=0)
        _continued_styles[style] = found
    return found


class Para(Paragraph):
    """A Paragraph that skips the markup parser for plain text and breaks its lines once per
    width instead of on every wrap() call.

    Most paragraphs of a statement are plain text (labels, names, sentences from the template);
    running them through reportlab's HTML-based markup parser was an eighth of the build time.
    Text without '<' and '&' has no tags or entities, so the parser would return one fragment in
    the style's font with the whitespace-cleaned text: that fragment is made directly (from a
    per-style prototype the parser itself produced; a unit test compares both ways).

    platypus asks a flowable for its size again and again at the same width: KeepTogether
    measures its content, the frame measures it again before drawing, and a Table measures every
    cell paragraph for the row heights and once more while drawing it. The plain Paragraph
    redoes the line breaking each time, which was a quarter of the build time of a statement.
    The result of wrap() depends only on the width (the style and text do not change), so the
    lines from the last call are reused while they are still the paragraph's current lines
    (split() may drop or replace them, which makes the next wrap() compute afresh).
    """

    _wrapped_width: float | None = None
    _wrapped_lines: Any = None
    _rtl = False  # holds right-to-left text: drawn in visual order (rtl.py)
    _rtl_base = False  # a right-to-left paragraph (its first strong letter is Arabic, ...)

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,
        frags: list[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        # Only paragraphs with right-to-left letters pay for shaping: one search for the rest.
        if text and rtl.has_rtl(text):
            text = rtl.reshape(text)  # joined forms, still in logical order for line breaking
            self._rtl = True
            if rtl.has_arabic(text) and _needs_arabic_font(text):
                register_arabic_fonts()
                text = _in_arabic_font(text, bold=style.fontName == FONT_BOLD)
        elif frags is not None and any(rtl.has_rtl(getattr(f, "text", "") or "") for f in frags):
            self._rtl = True  # a split-off part of a paragraph with right-to-left text
        # Names, labels and values sit in a Dutch document: left to right, with the Arabic run
        # in it right to left. Only a note written in Arabic is a right-to-left paragraph; its
        # style says so (text_paragraphs), and split-off parts keep the style.
        self._rtl_base = self._rtl and getattr(style, "rtl_base", False)
        if frags is None and text and "<" not in text and "&" not in text:
            frags = _plain_frags(text, style)
            if frags is not None:
                text = frags[0].text
        super().__init__(text, style, bulletText=bulletText, frags=frags, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self.__dict__.get("blPara")
        if lines is not None and lines is self._wrapped_lines and availWidth == self._wrapped_width:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        if availWidth >= rl_config._FUZZ:  # below it Paragraph answers "no room" and breaks nothing
            self._wrapped_width = availWidth
            self._wrapped_lines = self.__dict__.get("blPara")
        return size

    def drawPara(self, debug: int = 0) -> None:
        """Lines are broken in logical order; a line with right-to-left text is put into visual
        order only for drawing, so split() and a second layout still see the logical text."""
        if not self._rtl:
            super().drawPara(debug)
            return
        logical: Any = self.__dict__["blPara"]
        self.blPara = _visual_lines(logical, rtl_base=self._rtl_base)
        try:
            super().drawPara(debug)
        finally:
            self.blPara = logical


def _in_arabic_font(markup_text: str, *, bold: bool) -> str:
    """Each Arabic run of `markup_text` in the Arabic font, bold where the text around it is
    (the style's font or <b>: a font face set by name does not follow <b>)."""

    def face(run: re.Match[str]) -> str:
        before = markup_text[: run.start()]
        in_bold = bold or before.count("<b>") > before.count("</b>")
        name = FONT_ARABIC_BOLD if in_bold else FONT_ARABIC
        return f'<font face="{name}">{run.group(0)}</font>'

    return rtl.ARABIC_RUN.sub(face, markup_text)


def _visual_lines(para: Any, *, rtl_base: bool) -> Any:
    """A copy of the broken lines `para` (reportlab's blPara) in visual order. Plain paragraphs
    (kind 0) reorder the words of each line; with markup (kind 1) each fragment is reordered on
    its own, which is right as long as a right-to-left run stays within one fragment (a name in
    bold, a note), the case in these documents."""
    out = para.clone()
    if para.kind == 0:
        lines = []
        for line in para.lines:
            extra, words = line[0], line[1]
            if any(rtl.has_rtl(word) for word in words):
                words = rtl.visual(" ".join(words), rtl_base=rtl_base).split(" ")
            lines.append((extra, words, *line[2:]))
        out.lines = lines
        return out
    lines = []
    for line in para.lines:
        frags = list(line.words)
        if any(rtl.has_rtl(getattr(f, "text", "") or "") for f in frags):
            texts = [getattr(f, "text", "") or "" for f in frags]
            new = []
            mark = False  # a LEFT-TO-RIGHT MARK owed to the start of this fragment
            for index, frag in enumerate(frags):
                shown = texts[index]
                if rtl.has_rtl(shown):
                    later = "".join(texts[index + 1 :])
                    follows = any(c.isalpha() and not rtl.has_rtl(c) for c in later)
                    arabic_font = frag.fontName in (FONT_ARABIC, FONT_ARABIC_BOLD)
                    # Noto Sans Arabic draws the mark as a visible sign: the next fragment
                    # (in DejaVu Sans, where it is invisible) starts with it instead.
                    shown = rtl.visual(shown, rtl_base=rtl_base,
                                       ltr_follows=follows and not arabic_font)
                    if mark:
                        shown = rtl.LRM + shown
                    mark = follows and arabic_font and not rtl_base
                elif mark:
                    shown, mark = rtl.LRM + shown, False
                if shown is not texts[index]:
                    frag = frag.clone(text=shown)
                new.append(frag)
            if rtl_base:
                new.reverse()  # a right-to-left line: its runs from right to left
            line = line.clone(words=new)
        lines.append(line)
    out.lines = lines
    return out


# Per style: the fragment attributes the markup parser gives plain text in that style, split into
# plain values and lists. Weak keys, so a style that is dropped takes its entry along; no text.
_plain_prototypes: weakref.WeakKeyDictionary[
    ParagraphStyle, tuple[dict[str, Any], dict[str, list[Any]]]
] = weakref.WeakKeyDictionary()


def _plain_frags(text: str, style: ParagraphStyle) -> list[Any] | None:
    """The parser's fragment list for markup-free `text`, made without the parser; None when
    the text is only whitespace or the style transforms text (then the parser decides)."""
    if style.textTransform:
        return None
    cleaned = cleanBlockQuotedText(text)
    if not cleaned:
        return None
    proto = _plain_prototypes.get(style)
    if proto is None:
        _style, parsed, _bullets = ParaParser().parse("x", style)
        (sample,) = parsed
        attrs = {k: v for k, v in sample.__dict__.items() if k != "text"}
        lists = {k: v for k, v in attrs.items() if isinstance(v, list)}
        proto = ({k: v for k, v in attrs.items() if k not in lists}, lists)
        _plain_prototypes[style] = proto
    values, lists = proto
    frag = ParaFrag(**values, text=cleaned)
    for key, value in lists.items():  # the parser gives every paragraph its own lists
        setattr(frag, key, value.copy())
    return [frag]


class MemoTable(Table):
    """A Table that lays itself out once per width.

    platypus asks a table for its size again and again at the same width: KeepTogether, the
    frame, the statement's own page planning, SideBySide. reportlab's Table works out every
    row height each time. For a table without row spans (the documents use none) the layout
    depends on the width alone as long as the cells do not change, so it is kept per width;
    `forget()` after changing a cell. split() lays the table out afresh anyway.
    """

    _memo_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._memo_width:
            self.availWidth = availWidth
            return self._width, self._height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._memo_width = availWidth
        return size

    def forget(self) -> None:
        self._memo_width = None
        # reportlab keeps the drawing rectangles of spanned cells from the first layout; a
        # cell that grew must move them too.
        self.__dict__.pop("_spanRects", None)


class TickBox(Flowable):
    """An empty square to put a cross in with a ballpoint.

    A plain flowable rather than a reportlab Drawing: Drawings reset the font to Helvetica,
    which would add an unembedded standard font to every page.
    """

    def __init__(self, size: float, *, crossed: bool = False) -> None:
        super().__init__()
        self.size = size
        self.crossed = crossed  # a choice made on the screen: drawn as a cross, as on paper

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(1)
        self.canv.rect(0.5, 0.5, self.size - 1, self.size - 1, stroke=1, fill=0)
        if self.crossed:
            inset = self.size * 0.2
            self.canv.setLineWidth(1.6)
            self.canv.line(inset, inset, self.size - inset, self.size - inset)
            self.canv.line(inset, self.size - inset, self.size - inset, inset)


class TickChoices(Flowable):
    """A row of choices, each an empty tick box followed by its label, vertically centred on
    each other. Every label but the last gets `label_width`; the last one takes the rest.

    A flowable rather than a Table inside the item's table cell: the nested table went through
    the whole table machinery (measuring, cell styles, drawing cell by cell) for four cells.
    """

    def __init__(
        self, labels: Sequence[Flowable], *, box: float, gap: float, label_width: float,
        crossed: int | None = None,
    ) -> None:
        super().__init__()
        self.labels = list(labels)
        self.crossed = crossed  # the index of the box with a cross (signed on the screen)
        self.box = box
        self.gap = gap
        self.label_width = label_width
        self._placed: list[tuple[float, float, float]] = []  # label x, width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        x = 0.0
        placed = []
        for index, label in enumerate(self.labels):
            x += self.box + self.gap
            last = index == len(self.labels) - 1
            width = availWidth - x if last else self.label_width
            _w, h = label.wrapOn(self.canv, width, availHeight)
            placed.append((x, width, h))
            x += width
        self._placed = placed
        self.height = max([self.box, *(h for _x, _w, h in placed)])
        self.width = availWidth
        return self.width, self.height

    def draw(self) -> None:
        for index, (label, (x, _width, h)) in enumerate(
                zip(self.labels, self._placed, strict=True)):
            box = TickBox(self.box, crossed=index == self.crossed)
            box.drawOn(self.canv, x - self.box - self.gap, (self.height - self.box) / 2)
            label.drawOn(self.canv, x, (self.height - h) / 2)


class LeadAndChoices(Flowable):
    """A lead text (a signer's name and role) in a column of `lead_width`, then tick choices
    in the rest of the width, vertically centred on each other: one compact row per signer in
    an item's table, instead of a table row with a nested table."""

    def __init__(self, lead: Flowable, choices: TickChoices, *, lead_width: float,
                 gap: float = 3 * mm) -> None:
        super().__init__()
        self.lead = lead
        self.choices = choices
        self.lead_width = lead_width
        self.gap = gap  # between the lead's longest line and the first box
        self._heights = (0.0, 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lead_h = self.lead.wrapOn(self.canv, self.lead_width - self.gap, availHeight)[1]
        choice_h = self.choices.wrapOn(self.canv, availWidth - self.lead_width, availHeight)[1]
        self._heights = (lead_h, choice_h)
        self.width = availWidth
        self.height = max(self._heights)
        return self.width, self.height

    def draw(self) -> None:
        lead_h, choice_h = self._heights
        self.lead.drawOn(self.canv, 0, (self.height - lead_h) / 2)
        self.choices.drawOn(self.canv, self.lead_width, (self.height - choice_h) / 2)


class SideBySide(Flowable):
    """One or two flowables in two equal columns `gap` apart, tops aligned, with `space_below`
    under the taller one.

    Each is drawn whole, the left one first, so text extraction and screen readers read one
    signature block after the other. Lighter than a Table around the two: that measured and
    drew its cells (the block tables) through the table machinery a second time.
    """

    def __init__(
        self, left: Flowable, right: Flowable | None = None, *, gap: float, space_below: float
    ) -> None:
        super().__init__()
        self.parts = [left] if right is None else [left, right]
        self.gap = gap
        self.space_below = space_below
        self._heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        column = (availWidth - self.gap) / 2
        self._heights = [part.wrapOn(self.canv, column, availHeight)[1] for part in self.parts]
        self.width = availWidth
        self.height = max(self._heights) + self.space_below
        return self.width, self.height

    def draw(self) -> None:
        column = (self.width - self.gap) / 2
        for index, (part, height) in enumerate(zip(self.parts, self._heights, strict=True)):
            part.drawOn(self.canv, index * (column + self.gap), self.height - height)


class SignLine(Flowable):
    """Empty room to sign in, with a line at its foot and an optional caption ("Handtekening")
    in its top left corner: the caption sits in room that a signature leaves empty anyway."""

    def __init__(self, width: float, height: float, caption: Flowable | None = None) -> None:
        super().__init__()
        self.line_width = width
        self.room = height
        self.caption = caption
        self._caption_height = 0.0

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        if self.caption is not None:
            self._caption_height = self.caption.wrapOn(self.canv, self.line_width, self.room)[1]
        return self.line_width, self.room

    def draw(self) -> None:
        if self.caption is not None:
            self.caption.drawOn(self.canv, 0, self.room - self._caption_height)
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.8)
        self.canv.line(0, 1, self.line_width, 1)


SIGNATURE_PEN = 1.15  # the pen of a signature drawn from the screen, in points


class SignatureDrawing(Flowable):
    """A signature made on the screen, drawn as lines from its vector points (no image),
    scaled into `width` × `height` keeping its proportions."""

    def __init__(self, strokes: Sequence[Sequence[tuple[float, float]]], source_width: float,
                 source_height: float, width: float, height: float) -> None:
        super().__init__()
        self.strokes = strokes
        self.source = (max(source_width, 1e-6), max(source_height, 1e-6))
        self.width = width
        self.height = height

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        drawn = [stroke for stroke in self.strokes if len(stroke) >= 2]
        if not drawn:
            return
        xs = [x for stroke in drawn for x, _y in stroke]
        ys = [y for stroke in drawn for _x, y in stroke]
        # The signature fills the room (a pad is wider than a signature): scaled to its own
        # extent, but never more than three times the pad's scale, so a small mark stays small.
        left, top = min(xs), min(ys)
        extent_w, extent_h = max(max(xs) - left, 1.0), max(max(ys) - top, 1.0)
        pad_scale = min(self.width / self.source[0], self.height / self.source[1])
        scale = min((self.width - 4) / extent_w, (self.height - 4) / extent_h, 3 * pad_scale)
        bottom = (self.height - extent_h * scale) / 2
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(SIGNATURE_PEN)
        self.canv.setLineCap(1)
        self.canv.setLineJoin(1)
        for stroke in drawn:
            path = self.canv.beginPath()
            # The pad's y runs down, the PDF's up.
            points = [(2 + (x - left) * scale, bottom + (top + extent_h - y) * scale)
                      for x, y in stroke]
            path.moveTo(*points[0])
            for point in points[1:]:
                path.lineTo(*point)
            self.canv.drawPath(path, stroke=1, fill=0)


# ---------------------------------------------------------------------------------------------
# Logo
# ---------------------------------------------------------------------------------------------


class InvalidLogo(MessageError, ValueError):
    """The logo from the settings is not a PNG or JPEG image, or it is damaged."""


def logo_reader(logo: bytes) -> ImageReader:
    """An ImageReader over the logo bytes, read from memory (no temp file)."""
    if not (logo.startswith(b"\x89PNG\r\n\x1a\n") or logo.startswith(b"\xff\xd8\xff")):
        raise InvalidLogo(Message("document.logo_not_an_image"),
                          Message("document.logo.advice"))
    try:
        reader = ImageReader(BytesIO(logo))
        reader.getSize()
    except Exception as err:  # reportlab/PIL raise many types for a damaged image
        raise InvalidLogo(Message("document.logo_damaged"),
                          Message("document.logo.advice")) from err
    return reader


# ---------------------------------------------------------------------------------------------
# QR code
# ---------------------------------------------------------------------------------------------

QR_SIZE = 24 * mm
_QR_FORM = "WijkteamQR"
QR_QUIET_ZONE = 4  # modules; the QR standard asks for 4


@functools.lru_cache(maxsize=8)
def qr_matrix(payload: str) -> tuple[bytearray, ...]:
    """The QR module matrix (1 = dark), error level M (boosted when it fits the same size):
    enough redundancy for a signed, stamped or creased paper that is scanned again.
    Cached: every page (and both layout passes) draws the same code; the payload is only a
    document number and a hash, no personal data."""
    return segno.make(payload, error="m", micro=False, boost_error=True).matrix


def draw_qr(canvas: Canvas, matrix: Sequence[bytearray], x: float, y: float, size: float) -> None:
    """Draw the QR code as vector rectangles with its quiet zone; (x, y) is the lower left.

    Horizontal runs of dark modules become one rectangle each and all of them are filled as a
    single path, so renderers show no hairline seams between modules.
    """
    count = len(matrix)
    module = size / (count + 2 * QR_QUIET_ZONE)
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + size - (QR_QUIET_ZONE + row_index + 1) * module
        col = 0
        while col < count:
            if not row[col]:
                col += 1
                continue
            start = col
            while col < count and row[col]:
                col += 1
            path.rect(x + (QR_QUIET_ZONE + start) * module, top, (col - start) * module, module)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


# ---------------------------------------------------------------------------------------------
# Page decoration and numbering
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageDecor:
    """What is printed around the content on every page."""

    municipality: str
    team: str
    document_label: str  # "Toestemmingsverklaring"
    document_number: str
    version_note: str  # "versie 1 · tekst toestemmingsverklaring v1"
    qr_payload: str
    document_date: dt.date
    logo: bytes | None = None
    # Room above and below the content. The header's contents keep their place relative to
    # its bottom rule, so a shorter header moves them closer to the paper's top edge.
    header_height: float = HEADER_HEIGHT
    footer_height: float = FOOTER_HEIGHT
    _qr: tuple[bytearray, ...] = field(init=False, repr=False, compare=False)
    _logo: ImageReader | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Computed once per document instead of once per page.
        object.__setattr__(self, "_qr", qr_matrix(self.qr_payload))
        object.__setattr__(self, "_logo", logo_reader(self.logo) if self.logo else None)

    def draw(self, canvas: Canvas, _doc: Any = None) -> None:
        """Header and footer; the 'pagina X van Y' text is added by _NumberedCanvas."""
        canvas.saveState()
        top = PAGE_HEIGHT - self.header_height + 30 * mm
        text_x = MARGIN_X
        if self._logo is not None:
            width, height = self._logo.getSize()
            box_w, box_h = 45 * mm, 17 * mm
            scale = min(box_w / width, box_h / height)
            draw_w, draw_h = width * scale, height * scale
            canvas.drawImage(self._logo, MARGIN_X, top - draw_h, draw_w, draw_h, mask="auto")
            text_x = MARGIN_X + draw_w + 5 * mm
        canvas.setFillColor(ACCENT)
        canvas.setFont(FONT_BOLD, 13)
        canvas.drawString(text_x, top - 6 * mm, self.municipality)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 9.5)
        canvas.drawString(text_x, top - 11 * mm, self.team)

        # Shift the code by its (white) quiet zone so the visible square lines up with the
        # right margin, like the text below it.
        quiet = QR_QUIET_ZONE * QR_SIZE / (len(self._qr) + 2 * QR_QUIET_ZONE)
        qr_x = PAGE_WIDTH - MARGIN_X - QR_SIZE + quiet
        # The code is the same on every page: define it once as a form XObject and place it per
        # page, so its few hundred rectangles are formatted and stored once per document.
        if not canvas.hasForm(_QR_FORM):
            canvas.beginForm(_QR_FORM, lowerx=0, lowery=0, upperx=QR_SIZE, uppery=QR_SIZE)
            draw_qr(canvas, self._qr, 0, 0, QR_SIZE)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(qr_x, top - QR_SIZE + quiet)
        canvas.doForm(_QR_FORM)
        canvas.restoreState()
        canvas.setFillColor(INK)
        canvas.setFont(FONT, 7.5)
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN_X, top - QR_SIZE + quiet - 3 * mm, self.document_number
        )

        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        rule_y = PAGE_HEIGHT - self.header_height + 3 * mm
        canvas.line(MARGIN_X, rule_y, PAGE_WIDTH - MARGIN_X - QR_SIZE - 3 * mm, rule_y)

        canvas.line(MARGIN_X, 17 * mm, PAGE_WIDTH - MARGIN_X, 17 * mm)
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 8.5)
        left = f"{self.document_label}  ·  {self.document_number}"
        canvas.drawString(MARGIN_X, 12 * mm, left)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, 8.5 * mm, self.version_note)
        canvas.restoreState()


def page_label(page: int, total: int) -> str:
    return f"pagina {page} van {total}"


class _NumberedCanvas(Canvas):
    """Canvas that holds back every page until the total is known, then writes 'pagina X van Y'.

    platypus only knows the page count after the last flowable; keeping each page's state and
    emitting them in save() avoids building the document twice.
    """

    def __init__(self, *args: Any, document_date: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict[str, Any]] = []
        stamp = f"D:{document_date:%Y%m%d}000000+00'00'"
        # The document's own date instead of the wall clock: deterministic bytes, and no record
        # of the minute the worker sat at someone's kitchen table.
        self._doc.setDateFormatter(lambda *_parts: stamp)

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for state in self._held_pages:
            self.__dict__.update(state)
            self.saveState()
            self.setFont(FONT_BOLD, 9)
            self.setFillColor(INK)
            label = page_label(self._pageNumber, total)
            self.drawRightString(PAGE_WIDTH - MARGIN_X, 12 * mm, label)
            self.restoreState()
            super().showPage()
        super().save()


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------


def build_pdf(
    story: list[Flowable],
    decor: PageDecor,
    *,
    metadata_title: str,
) -> tuple[bytes, str]:
    """Lay out `story` on A4 pages with `decor`; return (pdf bytes, SHA-256 hex of the bytes).

    PDF metadata holds only the document kind and the municipality: a PDF's properties are
    shown by file managers, indexers and print spoolers that never show the page itself, so no
    names, dates of birth, BSN or document numbers go there.
    """
    register_fonts()
    # ASCII85 text encoding of streams only helps 7-bit mail transports; it makes the file 25 %
    # larger and, in pure Python, costs ~10 % of the build time. It is a process-wide reportlab
    # setting; nothing else in this program produces PDFs.
    rl_config.useA85 = 0
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=decor.header_height,
        bottomMargin=decor.footer_height,
        title=metadata_title,
        author=decor.municipality,
        subject="",
        keywords=[],
        creator="Wijkteam Intake",
        invariant=True,
        lang="nl-NL",
        initialFontName=FONT,  # otherwise reportlab references an unembedded Helvetica
        initialFontSize=10,
        displayDocTitle=True,
    )
    frame = Frame(
        MARGIN_X,
        decor.footer_height,
        CONTENT_WIDTH,
        PAGE_HEIGHT - decor.header_height - decor.footer_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="content",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decor.draw)])
    canvas_maker: Callable[..., Canvas] = _canvas_maker(decor.document_date)
    doc.build(story, canvasmaker=canvas_maker)
    data = buffer.getvalue()
    return data, hashlib.sha256(data).hexdigest()


def _canvas_maker(document_date: dt.date) -> Callable[..., Canvas]:
    def make(*args: Any, **kwargs: Any) -> Canvas:
        return _NumberedCanvas(*args, document_date=document_date, **kwargs)

    return make
