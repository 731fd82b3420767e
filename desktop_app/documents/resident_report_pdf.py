"""The verslag voor de inwoner as a PDF, built in memory (domain/resident_report.py).

Same font, header, footer, page numbering and QR code as the toestemmingsverklaring and the
gespreksverslag (pdf_common), the larger reading type of the gespreksverslag (the resident
reads it at home, often without reading glasses), and the same signature blocks as the
statement (consent_pdf). Top to bottom: title and greeting, the facts of the conversation, each
part (the resident's own words set apart as quotes, the goals as a table), a framed box for the
resident's remarks (blank lines on paper, the typed remarks when signed on the screen), and
the signature blocks: everyone who signs (domain/signers.py) and the worker.

Import-light on purpose: reportlab is imported inside the builder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.domain.consent import format_date_long, nfc
from desktop_app.domain.consent_screen import ScreenSigning
from desktop_app.domain.resident_report import Block, Goal, ResidentReport

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from desktop_app.documents.pdf_common import Styles

# Room for remarks written by hand: six lines of 9 mm.
_REMARK_LINES = 6
_REMARK_LINE_MM = 9


def build_resident_report_pdf(report: ResidentReport, logo: bytes | None = None, *,
                              signing: ScreenSigning | None = None,
                              remarks: str = "") -> tuple[bytes, str]:
    """(pdf bytes, SHA-256 hex of those bytes). With `signing`: the version signed on the
    screen, with `remarks` in the remarks box and each signature drawn from its strokes; the
    signing must be of this very text (its content hash). Raises pdf_common.UnprintableText
    and pdf_common.InvalidLogo."""
    from desktop_app.documents import pdf_common as pc

    if signing is not None and signing.text_hash != report.content_hash():
        # What was signed must be what the resident read on the screen.
        raise ValueError("de getoonde tekst is niet de tekst van dit verslag")
    pc.require_printable([*pc.strings_in(report.canonical_content()), remarks])
    decor = pc.PageDecor(
        municipality=report.municipality,
        team=report.team,
        document_label=report.t("document.label"),
        document_number=report.document_number,
        version_note=(report.t("document.version",
                               date=format_date_long(report.conversation_date))
                      if report.conversation_date else report.t("document.label")),
        qr_payload=report.qr_payload(),
        document_date=signing.signed_at.date() if signing is not None else report.created,
        logo=logo,
    )
    story = _story(report, pc.styles(), signing, remarks)
    return pc.build_pdf(story, decor, metadata_title=report.t("document.label"))


def _story(report: ResidentReport, st: Styles, signing: ScreenSigning | None,
           remarks: str) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, Spacer

    from desktop_app.documents import pdf_common as pc

    story: list[Flowable] = [
        pc.Para(pc.markup(report.t("title")), st.title),
        pc.Para(pc.markup(report.t("subtitle", names=report.names)), st.subtitle),
        _facts(report, st),
        Spacer(1, 4 * pc.mm),
        pc.Para(pc.markup(report.t("greeting", names=report.names)), st.body),
        pc.Para(pc.markup(report.t("intro")), st.body),
    ]
    for part in report.parts:
        # A heading never ends a page: it keeps with what follows it.
        story.append(pc.Para(pc.markup(part.title), _keep_with_next(st.h2)))
        for block in part.blocks:
            story += _block(block, st)
        if part.goals:
            story.append(_goals(report, part.goals, st))
    story.append(KeepTogether([pc.Para(pc.markup(report.t("remarks.title")), st.h2),
                               _remarks_box(report, remarks, st, signed=signing is not None)]))
    story.extend(_signatures(report, st, signing))
    return story


def _facts(report: ResidentReport, st: Styles) -> Flowable:
    from desktop_app.documents import pdf_common as pc

    rows = [[pc.Para(pc.markup(label), st.cell_bold), pc.Para(pc.markup(value), st.cell)]
            for label, value in report.facts]
    table = pc.MemoTable(rows, colWidths=[48 * pc.mm, pc.CONTENT_WIDTH - 48 * pc.mm])
    pc.style_table(table, pc.label_value_table_style())
    return table


def _quote_style(st: Styles) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    from desktop_app.documents import pdf_common as pc

    return ParagraphStyle("vi_quote", parent=st.body, fontName=pc.FONT_ITALIC, spaceAfter=2)


def _block(block: Block, st: Styles) -> list[Flowable]:
    from reportlab.platypus import Spacer

    from desktop_app.documents import pdf_common as pc

    out: list[Flowable] = []
    if block.text:
        out += pc.text_paragraphs(block.text, st.body)
    if block.quote:
        # The resident's own words, set apart: in italics, indented, with a rule on the left.
        out += [_quote(pc.text_paragraphs(block.quote, _quote_style(st))), Spacer(1, 2 * pc.mm)]
    for bullet in block.bullets:
        out.append(pc.Para(pc.markup(bullet), st.bullet, bulletText="•"))
    if block.bullets:
        out.append(Spacer(1, 2 * pc.mm))
    if block.heading:
        out.insert(0, pc.Para(pc.markup(block.heading), _keep_with_next(st.h3)))
    return out


_kept: dict[str, Any] = {}


def _keep_with_next(style: Any) -> Any:
    """`style` that keeps its paragraph on the page of the next flowable (a heading)."""
    from reportlab.lib.styles import ParagraphStyle

    found = _kept.get(style.name)
    if found is None:
        found = _kept[style.name] = ParagraphStyle(f"{style.name}_kwn", parent=style,
                                                   keepWithNext=1)
    return found


def _quote(paragraphs: list[Any]) -> Flowable:
    """The resident's own words set apart: italic, with an accent rule on the left. One row per
    paragraph, so a long quote can run over a page between its paragraphs."""
    from desktop_app.documents import pdf_common as pc

    table = pc.MemoTable([[p] for p in paragraphs], colWidths=[pc.CONTENT_WIDTH - 4])
    pc.style_table(table, [
        ("LINEBEFORE", (0, 0), (0, -1), 1.6, pc.ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 9),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ])
    return table


def _goals(report: ResidentReport, goals: tuple[Goal, ...], st: Styles) -> Flowable:
    from desktop_app.documents import pdf_common as pc

    header = [pc.Para(pc.markup(report.t(key)), st.cell_bold)
              for key in ("goals.goal", "goals.result", "goals.who", "goals.when")]
    rows: list[list[Any]] = [header]
    for goal in goals:
        rows.append([pc.Para(pc.markup(value), st.cell)
                     for value in (goal.goal, goal.result, goal.who, goal.check_on)])
    width = pc.CONTENT_WIDTH
    table = pc.MemoTable(rows, colWidths=[width * 0.32, width * 0.28, width * 0.22,
                                          width * 0.18], repeatRows=1)
    pc.style_table(table, [
        ("BACKGROUND", (0, 0), (-1, 0), pc.ACCENT_LIGHT),
        ("BOX", (0, 0), (-1, -1), 0.6, pc.RULE),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, pc.RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ])
    return table


def _remarks_box(report: ResidentReport, remarks: str, st: Styles, *, signed: bool) -> Flowable:
    """A framed box: on paper a hint and ruled lines to write on; signed on the screen, the
    remarks the resident typed (or that there were none)."""
    from desktop_app.documents import pdf_common as pc

    inner = pc.CONTENT_WIDTH - 12
    content: list[Any] = []
    if signed:
        content += (pc.text_paragraphs(remarks, st.body) if remarks.strip()
                    else [pc.Para("—", st.body)])
    else:
        content.append(pc.Para(pc.markup(report.t("remarks.empty")), st.label))
        content += [pc.SignLine(inner, _REMARK_LINE_MM * pc.mm) for _ in range(_REMARK_LINES)]
    table = pc.MemoTable([[content]], colWidths=[pc.CONTENT_WIDTH])
    pc.style_table(table, [
        ("BOX", (0, 0), (-1, -1), 0.8, pc.ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ])
    return table


def _signatures(report: ResidentReport, st: Styles,
                signing: ScreenSigning | None) -> list[Flowable]:
    """Everyone who signs, then the worker; two blocks per row, on one page together."""
    from reportlab.platypus import KeepTogether, Spacer

    from desktop_app.documents import pdf_common as pc
    from desktop_app.documents.consent_pdf import BLOCK_GAP_MM, signature_block, signed_block

    gap = BLOCK_GAP_MM * pc.mm
    width = (pc.CONTENT_WIDTH - gap) / 2
    place_l, date_l = report.t("signing.place"), report.t("signing.date")
    sign_l = report.t("signing.signature")
    blocks: list[Flowable] = []
    if signing is None:
        pairs = [signature_block(s.role_text(report.lang), nfc(s.name), [], (place_l, date_l),
                                 sign_l, st) for s in report.signers]
        pairs.append(signature_block(report.t("signing.worker"), report.worker, [],
                                     (None, date_l), sign_l, st))
        # The lower block of a pair gets more room to sign, so both end on the same line.
        for i in range(0, len(pairs), 2):
            pair = pairs[i:i + 2]
            heights = [table.wrap(width, pc.PAGE_HEIGHT)[1] for table, _room in pair]
            for (table, room), height in zip(pair, heights, strict=True):
                if height < max(heights):
                    room.room += max(heights) - height
                    table.forget()
        blocks = [table for table, _room in pairs]
    else:
        by_signer = {s.signer: s for s in signing.signatures}
        when = signing.signed_at
        date_text, time_text = format_date_long(when.date()), f"{when:%H:%M}"
        for index, signer in enumerate(report.signers):
            signature = by_signer.get(index)
            if signature is None:
                rows = [(sign_l, report.t("signing.not_on_screen"))]
                drawing = None
            else:
                rows = [(place_l, nfc(signing.place)), (date_l, date_text),
                        (report.t("signing.time"), time_text)]
                drawing = pc.SignatureDrawing(signature.strokes, signature.width,
                                              signature.height, width - 10, 18 * pc.mm)
            blocks.append(signed_block(signer.role_text(report.lang), nfc(signer.name), rows,
                                       drawing, sign_l, st, width))
        worker = by_signer.get(len(report.signers))
        worker_drawing = (pc.SignatureDrawing(worker.strokes, worker.width, worker.height,
                                              width - 10, 18 * pc.mm)
                          if worker is not None else None)
        blocks.append(signed_block(report.t("signing.worker"), report.worker,
                                   [(date_l, date_text)], worker_drawing, sign_l, st, width))
    rows_out = []
    for i in range(0, len(blocks), 2):
        last = i + 2 >= len(blocks)
        rows_out.append(pc.SideBySide(*blocks[i:i + 2], gap=gap, space_below=0 if last else gap))
    said: list[Flowable] = [pc.Para(pc.markup(report.t("signing.title")), st.h2),
                            pc.Para(pc.markup(report.t("signing.lead")), st.body),
                            Spacer(1, 1.5 * pc.mm), *rows_out]
    if signing is not None:
        when = signing.signed_at
        said += [Spacer(1, 2 * pc.mm), pc.Para(
            f"<b>{pc.markup(report.t('signing.on_screen', date=format_date_long(when.date()), time=f'{when:%H:%M}'))}</b> "  # noqa: E501
            f"{pc.markup(report.t('signing.hash'))} <font size=8>{report.content_hash()}</font>",
            st.body)]
    return [Spacer(1, 2 * pc.mm), KeepTogether(said)]
