"""The gespreksverslag (conversation report) as a PDF, built in memory.

Same font, header, footer, page numbering and QR code as the toestemmingsverklaring
(pdf_common), so that the dossier gets two documents that clearly belong together.

Content: the report's metadata; every section as it was written for the dossier (paragraphs of
sentences, free texts under a bold lead, compact lists, small tables); and every data request
with its weighing path ("question → answer (motivation)"), because ZU-DOC asks to record the
weighings and what was done, not only the outcome.

Import-light on purpose: reportlab is imported inside the builder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.domain.consent import format_date_long
from desktop_app.domain.report import (
    Gespreksverslag,
    ReportBlock,
    ReportDataRequest,
    ReportItem,
    ReportList,
    ReportParagraph,
    ReportSection,
    ReportTable,
    ReportText,
    is_inline,
    with_colon,
)
from desktop_app.domain.vocabulary import Basis

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from desktop_app.documents.pdf_common import Styles

_BASIS_TEXT = {
    Basis.TOETSING: "Toetsing: nodig om te beslissen over een voorziening",
    Basis.VERDIEPING: "Verdieping: om beter te helpen; de inwoner mag weigeren",
}
_DIRECTION_TEXT = {
    "opvragen_bij": "Gegevens opvragen bij",
    "verstrekken_aan": "Gegevens verstrekken aan",
}


def build_gespreksverslag_pdf(report: Gespreksverslag, logo: bytes | None = None) -> bytes:
    """The printable report. Raises pdf_common.InvalidLogo for a broken logo."""
    return build_gespreksverslag_pdf_with_hash(report, logo)[0]


def build_gespreksverslag_pdf_with_hash(
    report: Gespreksverslag, logo: bytes | None = None
) -> tuple[bytes, str]:
    """(pdf bytes, SHA-256 hex of those bytes), for the service to store with the transfer."""
    from desktop_app.documents import pdf_common as pc

    pc.require_printable(pc.strings_in(report.canonical_content()))
    decor = pc.PageDecor(
        municipality=report.municipality,
        team=report.team,
        document_label="Gespreksverslag",
        document_number=report.document_number,
        version_note=f"Formulier {report.form_id} versie {report.form_version}",
        qr_payload=report.qr_payload(),
        document_date=report.created,
        logo=logo,
    )
    return pc.build_pdf(_story(report, pc.styles()), decor, metadata_title="Gespreksverslag")


def _story(report: Gespreksverslag, st: Styles) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, Spacer

    from desktop_app.documents import pdf_common as pc

    story: list[Flowable] = [
        pc.Para(pc.markup(report.title), st.title),
        pc.Para("Verslag van het gesprek, voor het dossier", st.subtitle),
        _meta_table(report, st),
        Spacer(1, 3 * pc.mm),
        *_label_value_table(
            [
                ("Inwoner", report.resident_display_name),
                ("Medewerker", report.worker),
                ("Team", report.team),
                ("Gemeente", report.municipality),
            ],
            st,
        ),
    ]
    for section in report.sections:
        story += _section(section, st)
    if report.data_requests:
        story.append(Spacer(1, 3 * pc.mm))
        total = len(report.data_requests)
        first, *rest = (
            _request_box(n, total, r, st) for n, r in enumerate(report.data_requests, start=1)
        )
        heading = pc.Para("Gegevensverzoeken en afwegingen", st.h2)
        story.append(KeepTogether([heading, first]))
        for box in rest:
            story += [Spacer(1, 3 * pc.mm), box]
    return story


def _meta_table(report: Gespreksverslag, st: Styles) -> Flowable:
    from reportlab.platypus import Table

    from desktop_app.documents import pdf_common as pc

    def cell(label: str, value: str) -> list[Flowable]:
        return [pc.Para(pc.markup(label), st.label), pc.Para(pc.markup(value), st.cell_bold)]

    table = Table(
        [
            [
                cell("Documentnummer", report.document_number),
                cell("Datum", format_date_long(report.created)),
                cell("Formulier", f"{report.form_id} (versie {report.form_version})"),
            ]
        ],
        colWidths=[62 * pc.mm, 45 * pc.mm, pc.CONTENT_WIDTH - 107 * pc.mm],
    )
    pc.style_table(table, pc.meta_table_style())
    return table


def _paragraphs(text: str, style: Any) -> list[Flowable]:
    """Free text: blank lines separate paragraphs, single line breaks are kept; a long note is
    laid out in bounded chunks so that the build time grows linearly with its length."""
    from desktop_app.documents import pdf_common as pc

    return list(pc.text_paragraphs(text, style))


def _label_value_table(rows: list[tuple[str, str]], st: Styles) -> list[Flowable]:
    """The facts under the title (resident, worker, team, municipality): short values."""
    from reportlab.platypus import Table

    from desktop_app.documents import pdf_common as pc

    label_w = 55 * pc.mm
    data = [
        [_paragraphs(label, st.cell_bold), _paragraphs(value, st.cell) or ""]
        for label, value in rows
    ]
    table = Table(data, colWidths=[label_w, pc.CONTENT_WIDTH - label_w], splitInRow=1)
    pc.style_table(table, pc.label_value_table_style())
    return [table]


# Above this many characters a table is written as a list. reportlab splits a table row across
# a page by measuring everything left in the row again, page after page: a table holding a long
# pasted text took time quadratic in its length.
_LONG_TABLE_CHARS = 4 * 2000


def _section(section: ReportSection, st: Styles) -> list[Flowable]:
    from reportlab.platypus import CondPageBreak

    from desktop_app.documents import pdf_common as pc

    heading = pc.Para(pc.markup(section.title), _heading_style(st))
    body: list[Flowable] = []
    for block in section.blocks:
        body += _block(block, st)
    if not body:
        body.append(pc.Para("Niets ingevuld.", st.label))
    # A heading needs some room under it, but a long text must not be pushed to the next page
    # as a whole (KeepTogether would leave most of a page empty): it may split.
    return [CondPageBreak(30 * pc.mm), heading, *body]


def _block(block: ReportBlock, st: Styles) -> list[Flowable]:
    from desktop_app.documents import pdf_common as pc

    if isinstance(block, ReportParagraph):
        return _paragraphs(block.text, st.body)
    if isinstance(block, ReportText):
        if _inline(block.text):
            return [pc.Para(f"<b>{pc.markup(with_colon(block.lead))}</b> "
                            f"{pc.markup(block.text)}", st.body)]
        return [pc.Para(pc.markup(block.lead), _lead_style(st)), *_paragraphs(block.text,
                                                                             st.body)]
    from reportlab.platypus import Spacer

    # A list or table ends without the space after a paragraph: give the next block room.
    if isinstance(block, ReportList):
        return [*_list(block.lead, block.items, st), Spacer(1, 2 * pc.mm)]
    return [*_table(block, st), Spacer(1, 2 * pc.mm)]


def _inline(text: str) -> bool:
    """A short text follows its lead on the same line, unless it is written right to left (its
    own paragraph then runs from the right, text_paragraphs)."""
    from desktop_app.documents import rtl

    return is_inline(text) and not (rtl.has_rtl(text) and rtl.base_is_rtl(text))


def _list(lead: str, items: tuple[ReportItem, ...], st: Styles) -> list[Flowable]:
    """• **Lead:** text — a long text goes under its lead, indented, in bounded chunks."""
    from desktop_app.documents import pdf_common as pc

    out: list[Flowable] = [pc.Para(pc.markup(with_colon(lead)), _lead_style(st))] if lead else []
    for item in items:
        if not item.text:
            out.append(pc.Para(f"<b>{pc.markup(item.lead)}</b>", st.bullet, bulletText="•"))
        elif _inline(item.text):
            out.append(pc.Para(f"<b>{pc.markup(with_colon(item.lead))}</b> "
                               f"{pc.markup(item.text)}", st.bullet, bulletText="•"))
        else:
            out.append(pc.Para(f"<b>{pc.markup(with_colon(item.lead))}</b>", st.bullet,
                               bulletText="•"))
            out += _paragraphs(item.text, _indented_style(st))
    return out


def _table(block: ReportTable, st: Styles) -> list[Flowable]:
    """A small table with a header row. A table with much text in it is written as a list
    instead: reportlab lays a long table row out again on every page it spans."""
    from reportlab.platypus import Table

    from desktop_app.documents import pdf_common as pc

    if sum(len(cell) for row in block.rows for cell in row) > _LONG_TABLE_CHARS:
        items = tuple(
            ReportItem(row[0] or "–", "; ".join(f"{column}: {cell}" for column, cell
                                                in zip(block.columns[1:], row[1:], strict=True)
                                                if cell))
            for row in block.rows)
        return _list(block.lead, items, st)
    widths = _column_widths(block)
    data = [[pc.Para(pc.markup(column), st.cell_bold) for column in block.columns]]
    data += [[pc.Para(pc.markup(cell), st.cell) for cell in row] for row in block.rows]
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)
    pc.style_table(table, [
        ("BACKGROUND", (0, 0), (-1, 0), pc.ACCENT_LIGHT),
        ("BOX", (0, 0), (-1, -1), 0.6, pc.RULE),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, pc.RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ])
    out: list[Flowable] = [pc.Para(pc.markup(with_colon(block.lead)), _lead_style(st))] \
        if block.lead else []
    return [*out, table]


def _column_widths(block: ReportTable) -> list[float]:
    """Each column at least as wide as its longest word (a date is never broken), the rest of
    the width shared after how much text a column holds."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop_app.documents import pdf_common as pc

    padding = 10 + 1  # the cell's left and right padding, and a hair
    minimum: list[float] = []
    weights: list[float] = []
    for n, column in enumerate(block.columns):
        cells = [row[n] for row in block.rows]
        words = [(w, pc.FONT_BOLD) for w in column.split()]
        words += [(w, pc.FONT) for cell in cells for w in cell.split()]
        minimum.append(max((stringWidth(w, font, 10) for w, font in words), default=0) + padding)
        weights.append(min(60, max((len(cell) for cell in [column, *cells]), default=1)))
    spare = pc.CONTENT_WIDTH - sum(minimum)
    if spare <= 0:  # words too long for the page: shrink all alike (the cells then break them)
        return [pc.CONTENT_WIDTH * m / sum(minimum) for m in minimum]
    return [m + spare * w / sum(weights) for m, w in zip(minimum, weights, strict=True)]


_extra_styles: dict[str, Any] = {}


def _lead_style(st: Styles) -> Any:
    """Bold body text, close to what it leads."""
    from reportlab.lib.styles import ParagraphStyle

    if "lead" not in _extra_styles:
        _extra_styles["lead"] = ParagraphStyle("report_lead", parent=st.cell_bold, fontSize=10.5,
                                               leading=14.5, spaceBefore=4, spaceAfter=2,
                                               keepWithNext=1)
    return _extra_styles["lead"]


def _heading_style(st: Styles) -> Any:
    """A section heading is never the last line of a page."""
    from reportlab.lib.styles import ParagraphStyle

    if "heading" not in _extra_styles:
        _extra_styles["heading"] = ParagraphStyle("report_h2", parent=st.h2, keepWithNext=1)
    return _extra_styles["heading"]


def _indented_style(st: Styles) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    if "indented" not in _extra_styles:
        _extra_styles["indented"] = ParagraphStyle("report_indented", parent=st.body,
                                                   leftIndent=14)
    return _extra_styles["indented"]


def _request_box(number: int, total: int, request: ReportDataRequest, st: Styles) -> Flowable:
    from reportlab.platypus import ListFlowable, ListItem, Table

    from desktop_app.documents import pdf_common as pc

    label_w = 42 * pc.mm
    direction = _DIRECTION_TEXT[request.direction.value]
    header = pc.Para(
        f"Verzoek {number} van {total}: {pc.markup(direction)} "
        f"<b>{pc.markup(request.organisation)}</b>",
        st.cell,
    )

    def label(text: str) -> pc.Para:
        return pc.Para(pc.markup(text), st.cell_bold)

    steps: Any = (
        ListFlowable(
            [ListItem(pc.Para(pc.markup(s), st.cell)) for s in request.weighing_steps],
            bulletType="1",
            bulletFormat="%s.",
            bulletFontName=pc.FONT,
            bulletFontSize=10,
            leftIndent=19,  # room for two-digit step numbers ("10.")
        )
        if request.weighing_steps
        else pc.Para("Geen afweging vastgelegd.", st.cell)
    )
    consent = request.consent_status
    if request.consent_document_number:
        consent += f" (toestemmingsverklaring {request.consent_document_number})"
    rows: list[list[Any]] = [
        [header, ""],
        [label("Doel"), _paragraphs(request.purpose, st.cell) or ""],
        [
            label("Gegevens"),
            [pc.Para(pc.markup(d), st.cell, bulletText="•") for d in request.data_items] or "",
        ],
        [label("Grond"), pc.Para(pc.markup(_BASIS_TEXT[request.basis]), st.cell)],
        [label("Afweging"), steps],
        [label("Uitkomst"), _paragraphs(request.outcome_summary, st.cell) or ""],
        [label("Toestemming"), pc.Para(pc.markup(consent), st.cell)],
    ]
    table = Table(rows, colWidths=[label_w, pc.CONTENT_WIDTH - label_w], splitInRow=1)
    pc.style_table(
        table,
        [
            ("SPAN", (0, 0), (1, 0)),
            ("BACKGROUND", (0, 0), (1, 0), pc.ACCENT_LIGHT),
            ("LINEBELOW", (0, 0), (1, 0), 0.8, pc.ACCENT),
            ("BOX", (0, 0), (-1, -1), 1, pc.ACCENT),
            ("LINEBELOW", (0, 1), (-1, -2), 0.4, pc.RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ],
    )
    return table
