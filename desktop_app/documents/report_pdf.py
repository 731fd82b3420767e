"""The gespreksverslag (conversation report) as a PDF, built in memory.

Same font, header, footer, page numbering and QR code as the toestemmingsverklaring
(pdf_common), so that the dossier gets two documents that clearly belong together.

Content: the report's metadata, every section with its answers and notes, and every data request
with its weighing path ("question → answer (motivation)"), because ZU-DOC asks to record the
weighings and what was done, not only the outcome.

Import-light on purpose: reportlab is imported inside the builder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.domain.consent import format_date_long
from desktop_app.domain.report import Gespreksverslag, ReportDataRequest, ReportSection
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
    from reportlab.platypus import Table

    from desktop_app.documents import pdf_common as pc

    label_w = 55 * pc.mm
    data = [
        [_paragraphs(label, st.cell_bold), _paragraphs(value, st.cell) or ""]
        for label, value in rows
    ]
    if sum(len(value) for _label, value in rows) > _LONG_TABLE_CHARS:
        return _rows_as_tables(data, label_w)
    # splitInRow: a long answer may run over a page break instead of failing the layout.
    table = Table(data, colWidths=[label_w, pc.CONTENT_WIDTH - label_w], splitInRow=1)
    pc.style_table(table, pc.label_value_table_style())
    return [table]


# Above this many characters of answers, the label-value table is laid out as one small table
# per row and per piece of a long answer. reportlab splits a table row across a page by measuring
# everything left in the row again, page after page: one table with a pasted 1 MB answer took
# time quadratic in its length. The small tables are drawn to look like the one table.
_LONG_TABLE_CHARS = 4 * 2000


def _rows_as_tables(data: list[list[Any]], label_w: float) -> list[Flowable]:
    from reportlab.platypus import Table

    from desktop_app.documents import pdf_common as pc

    outer, inner = 0.6, 0.4  # the line widths of label_value_table_style's BOX and INNERGRID
    widths = [label_w, pc.CONTENT_WIDTH - label_w]
    out: list[Flowable] = []
    for row_number, (label, value) in enumerate(data):
        pieces = _pieces(value) if isinstance(value, list) else [value]
        for piece_number, piece in enumerate(pieces):
            first_piece, last_piece = piece_number == 0, piece_number == len(pieces) - 1
            commands: list[tuple[Any, ...]] = [
                ("BACKGROUND", (0, 0), (0, 0), pc.ACCENT_LIGHT),
                ("LINEBEFORE", (0, 0), (0, 0), outer, pc.RULE),
                ("LINEAFTER", (0, 0), (0, 0), inner, pc.RULE),
                ("LINEAFTER", (1, 0), (1, 0), outer, pc.RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4 if first_piece else 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5 if last_piece else 0),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
            if row_number == 0 and first_piece:
                commands.append(("LINEABOVE", (0, 0), (1, 0), outer, pc.RULE))
            if last_piece:
                bottom = outer if row_number == len(data) - 1 else inner
                commands.append(("LINEBELOW", (0, 0), (1, 0), bottom, pc.RULE))
            table = Table([[label if first_piece else "", piece]], colWidths=widths,
                          splitInRow=1)
            pc.style_table(table, commands)
            out.append(table)
    return out


def _pieces(paragraphs: list[Flowable]) -> list[list[Flowable]]:
    """Consecutive paragraphs grouped into pieces of about one layout chunk of text each."""
    from desktop_app.documents import pdf_common as pc

    pieces: list[list[Flowable]] = []
    size = pc.MAX_BLOCK_CHARS
    for paragraph in paragraphs:
        length = len(getattr(paragraph, "text", "") or "")
        if size + length > pc.MAX_BLOCK_CHARS:
            pieces.append([])
            size = 0
        pieces[-1].append(paragraph)
        size += length
    return pieces or [[]]


def _section(section: ReportSection, st: Styles) -> list[Flowable]:
    from reportlab.platypus import CondPageBreak

    from desktop_app.documents import pdf_common as pc

    heading = pc.Para(pc.markup(section.title), st.h2)
    body: list[Flowable] = []
    if section.entries:
        body += _label_value_table([(e.label, e.value) for e in section.entries], st)
    if section.notes:
        body.append(pc.Para("Aantekeningen", st.h3))
        body += _paragraphs(section.notes, st.body)
    if not body:
        body.append(pc.Para("Niets ingevuld.", st.label))
    # A heading needs some room under it, but a long answer table must not be pushed to the
    # next page as a whole (KeepTogether would leave most of a page empty): it may split.
    return [CondPageBreak(40 * pc.mm), heading, *body]


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
