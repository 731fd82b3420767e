"""The toestemmingsverklaring as a PDF, built in memory.

Layout (top to bottom), following DOMAIN.md "Consent", "Consent is not the basis for a
statutory task", "AVG art. 13/14 information" and "Who signs":
1. title; document number, version and the day it was made ("Opgesteld op", not a date of
   signing); whom it is about (BSN only when the municipality requires it);
2. all information, each paragraph with its question as a run-in heading: who is responsible,
   what the statement is for, that the free choices are voluntary and/or that the statutory
   task is not asked for (only what the items on this paper need), how to withdraw (AVG art.
   7 lid 3 wants that told *before* consenting), validity, rights, FG, the AP and the privacy
   statement, retention (art. 13), the municipality's own sections, the copy;
3. the items, grouped by what they ask, each group under its own band (AVG art. 7 lid 2: set
   apart from other matters): "Uw toestemming" (a free choice), "Vrijgeven van het
   beroepsgeheim" (WGBO 7:457), "Ter informatie" (the statutory task: no boxes). Each box names
   the organisation by its real name and the direction, why, which data, the secrecy (worded
   for the direction), the legal basis, what saying no means, and one "Keuze van" row with two
   tick boxes for each person whose own choice is needed (consent is specific per item and per
   signer). A box is kept on one page; only a very tall one runs over, between rows, with its
   number and organisation repeated;
4. the signatures, together on one page: one block per signer (a parent, the young person, a
   curator, …, "namens" the resident for who signs for another) with blank lines for place
   and date, which the signers write themselves, and the worker's block with a blank date.
Header (municipality, logo, QR) and footer (document number, text version, page X of Y) are on
every page (pdf_common). The text is a size smaller than the gespreksverslag's, so that a
statement about one organisation takes two pages.

Import-light on purpose: reportlab is imported inside the builder, so services may import this
module at start-up for free.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.domain.consent import (
    Choice,
    ConsentItem,
    ConsentStatement,
    ConsentTemplate,
    ItemKind,
    StatementNotReady,
    TextBlock,
    deciders,
    format_date_long,
    format_date_short,
    nfc,
    placeholder_values,
    render_blocks,
    statement_problems,
)
from desktop_app.domain.consent_screen import ScreenSignature, ScreenSigning, information_keys
from desktop_app.domain.signers import Signer, SignerRole
from desktop_app.messages import render

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from desktop_app.documents.pdf_common import MemoTable, SignLine, Styles


def build_toestemmingsverklaring_pdf(
    statement: ConsentStatement, template: ConsentTemplate, logo: bytes | None = None
) -> bytes:
    """The printable statement. Raises StatementNotReady (Dutch messages) when
    `statement_problems` finds anything, and pdf_common.InvalidLogo for a broken logo."""
    return build_toestemmingsverklaring_pdf_with_hash(statement, template, logo)[0]


def build_toestemmingsverklaring_pdf_with_hash(
    statement: ConsentStatement, template: ConsentTemplate, logo: bytes | None = None,
    *, signing: ScreenSigning | None = None,
) -> tuple[bytes, str]:
    """(pdf bytes, SHA-256 hex of those bytes): the service stores the hash with the status
    'geprint' so that the exact file that was printed can be recognised later."""
    problems = statement_problems(statement, template)
    if problems:
        raise StatementNotReady(problems)

    from desktop_app.documents import pdf_common as pc

    pc.require_printable(
        pc.strings_in(statement.canonical_content()) + pc.strings_in(template.canonical_content())
    )
    decor = pc.PageDecor(
        municipality=statement.controller.municipality,
        team=statement.controller.team,
        document_label=template.title.nl,
        document_number=statement.document_number,
        version_note=(
            f"Versie {statement.statement_version} van deze verklaring  ·  "
            f"tekst {template.id} versie {template.version}"
        ),
        qr_payload=statement.qr_payload(),
        document_date=statement.composed_on,
        logo=logo,
        # A little less paper around the content than the gespreksverslag: the QR code still
        # sits 7 mm from the top edge, within what every office printer prints.
        header_height=HEADER_MM * pc.mm,
        footer_height=FOOTER_MM * pc.mm,
    )
    story = _story(statement, template, _styles(), signing)
    return pc.build_pdf(story, decor, metadata_title=template.title.nl)


def build_signed_statement_pdf(
    statement: ConsentStatement, template: ConsentTemplate, signing: ScreenSigning,
    logo: bytes | None = None,
) -> tuple[bytes, str]:
    """The statement as signed on the screen, in memory: the same pages as the paper, with
    each signer's choices crossed in the boxes and, in place of the blank signature blocks,
    each signer's name, the place, date and time of signing and the signature drawn from its
    strokes; under them the SHA-256 of the text shown and that it was signed on the screen.
    Returns (pdf bytes, SHA-256 hex of those bytes)."""
    if signing.text_hash != statement.content_hash():
        # The resident must have seen exactly this text (the hash in the QR code).
        raise ValueError("de getoonde tekst is niet de tekst van deze verklaring")
    return build_toestemmingsverklaring_pdf_with_hash(statement, template, logo,
                                                      signing=signing)


_compact: Styles | None = None


def _styles() -> Styles:
    """The shared styles, a size smaller: 9.5 pt text on 12.5 pt leading is still easy to read
    at a kitchen table, and it keeps a statement about one organisation on two pages (issue
    14: "one organisation should not take three pages"). The gespreksverslag keeps the larger
    shared styles."""
    global _compact
    if _compact is None:
        from reportlab.lib.styles import ParagraphStyle

        from desktop_app.documents import pdf_common as pc

        base = pc.styles()

        def smaller(style: ParagraphStyle, **changes: Any) -> ParagraphStyle:
            return ParagraphStyle(f"tv_{style.name}", parent=style, **changes)

        _compact = pc.Styles(
            title=smaller(base.title, fontSize=19, leading=22, spaceAfter=0),
            subtitle=smaller(base.subtitle, fontSize=10.5, leading=13.5, spaceAfter=5),
            h2=smaller(base.h2, fontSize=11, leading=12.5, spaceBefore=4, spaceAfter=0.5),
            # An information paragraph with its run-in heading (see _section).
            h3=smaller(base.body, fontSize=9.5, leading=12, spaceBefore=5, spaceAfter=2.5),
            body=smaller(base.body, fontSize=9.5, leading=12, spaceAfter=2.5),
            bullet=smaller(base.bullet, fontSize=9.5, leading=12, spaceAfter=0,
                           leftIndent=12, bulletIndent=2),
            cell=smaller(base.cell, fontSize=9.5, leading=12),
            cell_bold=smaller(base.cell_bold, fontSize=9.5, leading=12),
            label=smaller(base.label, fontSize=9, leading=11),
            band=smaller(base.band, fontSize=11.5, leading=14),
        )  # fmt: skip
    return _compact


# An item box up to this height is kept whole on one page; a taller one (many data items,
# many deciders) may run over a page between its rows.
_WHOLE_BOX_MM = 120
_ACCENT_HEX = "#1F3A5F"
# Paper above and below the content (the gespreksverslag has 40 and 22 mm).
HEADER_MM = 37
FOOTER_MM = 20  # pdf_common.ACCENT, for paragraph markup

# The groups of items, in printed order, with the section that introduces each.
_GROUPS = (
    (ItemKind.CONSENT, "toestemming"),
    (ItemKind.RELEASE, "vrijgave"),
    (ItemKind.INFORMATION, "informatie"),
)


def _story(statement: ConsentStatement, template: ConsentTemplate, st: Styles,
           signing: ScreenSigning | None = None) -> list[Flowable]:
    from reportlab.platypus import CondPageBreak, Spacer

    from desktop_app.documents import pdf_common as pc

    values = placeholder_values(statement)
    labels = {key: label.nl for key, label in template.labels.items()}
    sec = template.sections
    story: list[Flowable] = [
        pc.Para(pc.markup(template.title.nl), st.title),
        pc.Para(pc.markup(_fill(template.subtitle, values)), st.subtitle),
        _meta_table(statement, labels, st),
    ]
    # All information first: AVG art. 7 lid 3 wants the resident told about withdrawal
    # *before* consenting, and art. 13 wants the rest told when the data are collected. Then
    # the items and the signatures, so that the boxes to tick and the lines to sign follow each
    # other. A paragraph about a kind of item that is not on this paper is left out: one
    # organisation should not take three pages.
    # The same order as the pages of the screen (domain.consent_screen).
    for key in information_keys(item.kind for item in statement.items):
        story += _section(sec[key].heading, sec[key].text, values, st)
    for own in template.own_sections:
        story += _section(own.heading, own.text, values, st)
    story += _section(sec["kopie"].heading, sec["kopie"].text, values, st)

    # The items, one group per kind, each visibly set apart (AVG art. 7 lid 2). A group starts
    # with its band and its first item together, so a band never ends a page on its own.
    numbered = list(enumerate(statement.items, start=1))
    total = len(numbered)
    shared: dict[tuple[str, str], Any] = {}
    for kind, key in _GROUPS:
        group = [(n, item) for n, item in numbered if item.kind is kind]
        if not group:
            continue
        for position, (n, item) in enumerate(group):
            box, head = _item_box(n, total, item, statement, template, values, st, shared,
                                  signing)
            if position == 0:
                # The band, its introduction and the top of the first box (number,
                # organisation, purpose) start on the same page: a band never ends a page.
                intro = [_band(sec[key].heading, st), Spacer(1, 1.5 * pc.mm),
                         *_blocks(render_blocks(sec[key].text, values), st)]
                needed = head + sum(_height(f) for f in intro) + 3 * pc.mm
                story += [CondPageBreak(needed), Spacer(1, 3 * pc.mm), *intro, box]
            else:
                story += [CondPageBreak(head + 3 * pc.mm), Spacer(1, 2.5 * pc.mm), box]
    if signing is None:
        story += _signature_part(statement, template, labels, values, st)
    else:
        story += _screen_signature_part(statement, template, labels, values, st, signing)
    return story


def _height(flowable: Flowable) -> float:
    """The height `flowable` takes in the content column, with its space around."""
    from desktop_app.documents import pdf_common as pc

    height: float = flowable.wrap(pc.FRAME_WIDTH, pc.PAGE_HEIGHT)[1]
    space: float = flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return height + space


def _fill(text: str, values: dict[str, str]) -> str:
    blocks = render_blocks(text, values)
    return " ".join(b.text or " ".join(b.bullets) for b in blocks)


def _blocks(blocks: tuple[TextBlock, ...], st: Styles) -> list[Flowable]:
    from reportlab.platypus import Spacer

    from desktop_app.documents import pdf_common as pc

    out: list[Flowable] = []
    for block in blocks:
        if block.bullets:
            out.append(_bullet_list(block.bullets, st))
            out.append(Spacer(1, 3))  # the list hugs its lead-in, not the paragraph after it
        else:
            out.append(pc.Para(pc.markup(block.text), st.body))
    return out


def _bullet_list(bullets: tuple[str, ...], st: Styles) -> Flowable:
    """A list of short items (a name, an e-mail address, a phone number) on one line in equal
    columns; a list with a longer item one item per line."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop_app.documents import pdf_common as pc

    paras = [pc.Para(pc.markup(b), st.bullet, bulletText="•") for b in bullets]
    column = pc.CONTENT_WIDTH / max(len(bullets), 1)
    room = column - st.bullet.leftIndent - 4 * pc.mm
    if len(bullets) > 3 or any(
        stringWidth(b, st.bullet.fontName, st.bullet.fontSize) > room for b in bullets
    ):
        table = pc.MemoTable([[p] for p in paras], colWidths=[pc.CONTENT_WIDTH])
    else:
        table = pc.MemoTable([paras], colWidths=[column] * len(paras))
    pc.style_table(table, [("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")])
    return table


def _section(heading: str, text: str, values: dict[str, str], st: Styles) -> list[Flowable]:
    """An information paragraph that starts with its question as a run-in heading ("Hoe lang
    bewaren wij de gegevens? Wij bewaren …"): reads like a leaflet, and takes a line less than
    a heading of its own, nine times on a statement."""
    from reportlab.platypus import KeepTogether

    from desktop_app.documents import pdf_common as pc

    blocks = render_blocks(text, values)
    lead = f'<font name="{pc.FONT_BOLD}" color="{_ACCENT_HEX}">{pc.markup(heading)}</font>'
    if blocks and blocks[0].text:
        first: Flowable = pc.Para(f"{lead} {pc.markup(blocks[0].text)}", st.h3)
        rest = _blocks(blocks[1:], st)
    else:  # a section that starts with a list: the heading stands alone above it
        first = pc.Para(lead, st.h3)
        rest = _blocks(blocks, st)
    # Heading and the first lines stay together: a heading alone at a page bottom reads badly.
    return [KeepTogether([first, *rest[:1]]), *rest[1:]]


def _band(text: str, st: Styles) -> Flowable:
    from desktop_app.documents import pdf_common as pc

    table = pc.MemoTable([[pc.Para(pc.markup(text), st.band)]], colWidths=[pc.CONTENT_WIDTH])
    pc.style_table(
        table,
        [
            ("BACKGROUND", (0, 0), (-1, -1), pc.ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ],
    )
    return table


def _meta_table(statement: ConsentStatement, labels: dict[str, str], st: Styles) -> Flowable:
    """The document's facts and, under them, whom it is about (BSN only when the
    municipality requires it)."""
    from desktop_app.documents import pdf_common as pc

    def cell(label: str, value: str, style: Any = st.cell_bold) -> list[Flowable]:
        return [pc.Para(pc.markup(label), st.label), pc.Para(pc.markup(value), style)]

    resident = statement.resident
    bsn = (cell(labels["bsn"], resident.bsn.digits, st.cell)
           if statement.bsn_required and resident.bsn is not None else "")
    # The day the statement was made, not a date of signing: the signers write that themselves.
    table = pc.MemoTable(
        [
            [
                cell(labels["documentnummer"], statement.document_number),
                cell(labels["versie"], str(statement.statement_version)),
                cell(labels["opgesteld_op"], format_date_long(statement.composed_on)),
            ],
            [
                cell(labels["gegevens_inwoner"], resident.name),
                cell(labels["geboortedatum"], format_date_short(resident.birth_date), st.cell),
                bsn,
            ],
        ],
        colWidths=[82 * pc.mm, 38 * pc.mm, pc.CONTENT_WIDTH - 120 * pc.mm],
    )
    pc.style_table(table, [*pc.meta_table_style(),
                           ("LINEBELOW", (0, 1), (-1, 1), 0.6, pc.RULE),
                           ("TOPPADDING", (0, 0), (-1, -1), 3),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
    return table


def _item_box(
    number: int,
    total: int,
    item: ConsentItem,
    statement: ConsentStatement,
    template: ConsentTemplate,
    values: dict[str, str],
    st: Styles,
    shared: dict[tuple[str, str], Any],
    signing: ScreenSigning | None = None,
) -> tuple[Flowable, float]:
    """The item's box, and the height of its top (number, organisation, purpose), which is
    never split from the rest."""
    from desktop_app.documents import pdf_common as pc

    labels = {key: label.nl for key, label in template.labels.items()}
    item_values = {**values, "organisatie": item.organisation_named or item.organisation_name}
    direction = labels[item.direction.value]  # sentence for "opvragen_bij" / "verstrekken_aan"
    label_width = 35 * pc.mm
    padding = 6

    def label(text: str) -> pc.Para:
        para: pc.Para = _shared(text, st.cell_bold, shared)
        return para

    def para(text: str) -> pc.Para:
        return pc.Para(pc.markup(_fill(text, item_values)), st.cell)

    # Which way the data go, on the number's line: "Het wijkteam vraagt gegevens op bij deze
    # organisatie" / "… geeft gegevens aan deze organisatie".
    header = pc.Para(f"<b>{pc.markup(labels['onderdeel'])} {number} van {total}</b>"
                     f"&nbsp;&nbsp;·&nbsp;&nbsp;{pc.markup(direction)}", st.cell)
    rows: list[list[Any]] = [
        [header, ""],
        [label(labels["organisatie"]), pc.Para(f"<b>{pc.markup(item.shown_name)}</b>", st.cell)],
        [label(labels["doel"]), pc.Para(pc.markup(item.purpose), st.cell)],
        [
            label(labels["gegevens"]),
            [pc.Para(pc.markup(d), st.cell, bulletText="•") for d in item.data_items],
        ],
    ]
    # Worded for the direction: asking a GP for data is not the same as giving data to a
    # youth-care provider (issue 14: "mag … ons niets vertellen" on a give-to item was wrong).
    secrecy_text = template.secrecy_text(item.direction, item.secrecy)
    if secrecy_text:
        rows.append([label(labels["beroepsgeheim"]), para(secrecy_text)])
    # AVG art. 13 lid 1 onder c: the basis of each processing.
    rows.append([label(labels["grondslag"]), para(template.basis_text(item.kind))])
    # Information items have no choice: "Niet mee eens?" and the right to object (AVG art. 21),
    # not "Als u nee zegt".
    refusal_label = labels["bezwaar" if item.kind is ItemKind.INFORMATION else "nee_zeggen"]
    rows.append([label(refusal_label), para(template.refusal_text(item.kind))])
    refusal_row = len(rows) - 1
    choice_row = len(rows)
    signers = statement.signers.signers
    if item.kind is ItemKind.INFORMATION:
        # The statutory task: nothing to choose, so no box to tick (AVG art. 7 lid 4).
        rows.append([pc.Para(pc.markup(labels["geen_keuze"]), st.cell_bold), ""])
        choice_styles: list[tuple[Any, ...]] = [("SPAN", (0, choice_row), (1, choice_row))]
    else:
        # One compact row per person whose own choice counts (a parent may say no where the
        # other parent and the young person say yes): "Keuze van" and the name, the role under
        # it, then the two boxes.
        yes, no = ((labels["ja"], labels["nee"]) if item.kind is ItemKind.CONSENT
                   else (labels["vrijgave_ja"], labels["vrijgave_nee"]))
        by_signer = {s.signer: s for s in signing.signatures} if signing else {}
        for index in deciders(signers, item):
            signer = signers[index]
            who = pc.Para(f"{pc.markup(labels['keuze_van'])} <b>{pc.markup(nfc(signer.name))}"
                          f"</b><br/>{pc.markup(template.roles[signer.role].nl.lower())}", st.cell)
            crossed = _crossed(by_signer.get(index), number - 1)
            rows.append([pc.LeadAndChoices(who, _choice(yes, no, st, shared, crossed),
                                           lead_width=57 * pc.mm), ""])
        choice_styles = [("SPAN", (0, r), (1, r)) for r in range(choice_row, len(rows))]
        choice_styles += [
            ("LINEBELOW", (0, choice_row), (-1, -2), 0.4, pc.RULE),
            ("LEFTPADDING", (0, choice_row), (-1, -1), 5),
            ("RIGHTPADDING", (0, choice_row), (-1, -1), 5),
            ("TOPPADDING", (0, choice_row), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, choice_row), (-1, -1), 3.5),
        ]

    # A box may run over a page, but only between its rows of text: number, organisation and
    # purpose stay together, and so do "if you say no" and every tick box. The number and the
    # organisation are repeated on the next page, so each choice is next to whom it is about.
    table = pc.MemoTable(rows, colWidths=[label_width, pc.CONTENT_WIDTH - label_width],
                         repeatRows=2)
    pc.style_table(
        table,
        [
            ("NOSPLIT", (0, 0), (-1, 2)),
            ("NOSPLIT", (0, refusal_row), (-1, -1)),
            ("SPAN", (0, 0), (1, 0)),
            ("BACKGROUND", (0, 0), (1, 0), pc.ACCENT_LIGHT),
            ("LINEBELOW", (0, 0), (1, 0), 0.8, pc.ACCENT),
            ("BOX", (0, 0), (-1, -1), 1.2, pc.ACCENT),
            ("LINEBELOW", (0, 1), (-1, choice_row - 2), 0.4, pc.RULE),
            ("LINEABOVE", (0, choice_row), (-1, choice_row), 0.8, pc.ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            *choice_styles,
        ],
    )
    height: float = table.wrap(pc.FRAME_WIDTH, pc.PAGE_HEIGHT)[1]
    if height <= _WHOLE_BOX_MM * pc.mm:
        # A box of ordinary size is read and ticked on one page.
        table.setStyle([("NOSPLIT", (0, 0), (-1, -1))])
        return table, height
    head: float = sum(table._rowHeights[:3])
    return table, head


def _shared(text: str, style: Any, shared: dict[tuple[str, str], Any]) -> Any:
    """One paragraph for a template label that is printed many times ("Organisatie", "Ja, ik
    geef toestemming"): drawn at the same width each time, its lines are broken once. Only for
    the template's own words, and only within one document."""
    from desktop_app.documents import pdf_common as pc

    key = (text, style.name)
    if key not in shared:
        shared[key] = pc.Para(pc.markup(text), style)
    return shared[key]


def _crossed(signature: ScreenSignature | None, item: int) -> int | None:
    """Which box a signer's choice made on the screen crosses: 0 yes, 1 no, None empty."""
    choice = signature.choices.get(item) if signature is not None else None
    return {Choice.JA: 0, Choice.NEE: 1}.get(choice) if choice is not None else None


def _choice(yes: str, no: str, st: Styles, shared: dict[tuple[str, str], Any],
            crossed: int | None = None) -> Any:
    """Two tick boxes side by side. Drawn boxes, not a ☐ glyph: 5 mm, big enough to put a
    cross in with a ballpoint."""
    from desktop_app.documents import pdf_common as pc

    return pc.TickChoices(
        [_shared(yes, st.cell, shared), _shared(no, st.cell, shared)],
        box=5 * pc.mm,
        gap=2 * pc.mm,
        label_width=42 * pc.mm,
        crossed=crossed,
    )


def _signature_part(
    statement: ConsentStatement,
    template: ConsentTemplate,
    labels: dict[str, str],
    values: dict[str, str],
    st: Styles,
) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, Spacer

    from desktop_app.documents import pdf_common as pc

    sec = template.sections
    blocks = [_signature_block(s, statement, template, labels, st)
              for s in statement.signers.signers]
    # The worker signs last, in the same kind of block: on paper it reads as "inwoner |
    # medewerker", and a one-signer statement keeps its signatures on one row.
    blocks.append(_worker_block(statement, template, labels, st))
    gap = BLOCK_GAP_MM * pc.mm
    # Two blocks per row: wide enough for a full signature, and a parent pair sits side by
    # side. The lower block of a pair gets more room to sign, so both end on the same line.
    rows = []
    for i in range(0, len(blocks), 2):
        pair = blocks[i : i + 2]
        column = (pc.FRAME_WIDTH - gap) / 2  # as SideBySide will ask
        heights = [table.wrap(column, pc.PAGE_HEIGHT)[1] for table, _room in pair]
        for (table, room), height in zip(pair, heights, strict=True):
            if height < max(heights):
                room.room += max(heights) - height
                table.forget()
        last = i + 2 >= len(blocks)
        rows.append(pc.SideBySide(*(table for table, _room in pair), gap=gap,
                                  space_below=0 if last else gap))

    who = pc.markup(labels["wie_tekent"])
    explanation = pc.Para(f"<b>{who}:</b> {pc.markup(nfc(statement.signers.explanation))}", st.body)
    heading = pc.Para(pc.markup(sec["ondertekening"].heading), st.h2)
    # What signing means, for the signers and for the worker, in one paragraph where both
    # are one paragraph of text (the shipped template); else paragraph by paragraph.
    said = render_blocks(sec["ondertekening"].text, values)
    worker_said = render_blocks(sec["medewerker"].text, values)
    if len(said) == len(worker_said) == 1 and said[0].text and worker_said[0].text:
        said = (TextBlock(f"{said[0].text} {worker_said[0].text}"),)
        worker_said = ()
    intro = _blocks(said, st)
    worker_note = _blocks(worker_said, st)
    # All signatures on one page where they fit: signers sign together at the table, and a
    # scan of one page then carries every signature.
    return [Spacer(1, 2 * pc.mm),
            KeepTogether([heading, *intro, explanation, *worker_note, Spacer(1, 1.5 * pc.mm),
                          *rows])]


def _screen_signature_part(
    statement: ConsentStatement,
    template: ConsentTemplate,
    labels: dict[str, str],
    values: dict[str, str],
    st: Styles,
    signing: ScreenSigning,
) -> list[Flowable]:
    """The signatures made on the screen: per signer the name, the place, date and time of
    signing and the signature drawn from its strokes; then the worker who made the statement;
    then the line that says it was signed on the screen, with the SHA-256 of the text shown."""
    from reportlab.platypus import KeepTogether, Spacer

    from desktop_app.documents import pdf_common as pc

    by_signer = {s.signer: s for s in signing.signatures}
    when = signing.signed_at
    date_text, time_text = format_date_long(when.date()), f"{when:%H:%M}"
    place = nfc(signing.place).strip()
    width = (pc.CONTENT_WIDTH - BLOCK_GAP_MM * pc.mm) / 2
    blocks = []
    for index, signer in enumerate(statement.signers.signers):
        signature = by_signer.get(index)
        role = _role_text(signer, statement, template, labels)
        if signature is None:
            rows: list[tuple[str, str]] = [(labels["handtekening"], _NOT_SIGNED_ON_SCREEN)]
            drawing = None
        else:
            rows = [(labels["plaats"], place), (labels["datum"], date_text),
                    (_TIME_LABEL, time_text)]
            drawing = pc.SignatureDrawing(signature.strokes, signature.width, signature.height,
                                          width - 10, 18 * pc.mm)
        blocks.append(signed_block(role, nfc(signer.name).strip(), rows, drawing,
                                    labels["handtekening"], st, width))
    c = statement.controller
    blocks.append(signed_block(template.sections["medewerker"].heading, c.worker_name,
                                [(labels["functie"], c.worker_role)], None, "", st, width))
    gap = BLOCK_GAP_MM * pc.mm
    pairs = []
    for i in range(0, len(blocks), 2):
        last = i + 2 >= len(blocks)
        pairs.append(pc.SideBySide(*blocks[i:i + 2], gap=gap, space_below=0 if last else gap))
    sec = template.sections
    heading = pc.Para(pc.markup(sec["ondertekening"].heading), st.h2)
    who = pc.markup(labels["wie_tekent"])
    explanation = pc.Para(f"<b>{who}:</b> {pc.markup(nfc(statement.signers.explanation))}",
                          st.body)
    said = _blocks(render_blocks(sec["ondertekening"].text, values), st)
    # What makes the screen's signatures provable (AVG art. 7 lid 1: the controller must be
    # able to show that consent was given, and for what text).
    proof = pc.Para(
        f"<b>{pc.markup(_SIGNED_ON_SCREEN)}</b> {pc.markup(f'{date_text} om {time_text}')}"
        f"{pc.markup(f' in {place}') if place else ''}. "
        f"{pc.markup(_HASH_LABEL)} <font size=8>{statement.content_hash()}</font>", st.body)
    return [Spacer(1, 2 * pc.mm),
            KeepTogether([heading, *said, explanation, Spacer(1, 1.5 * pc.mm), *pairs,
                          Spacer(1, 2 * pc.mm), proof])]


# Printed on the signed statement only (Dutch, as the statement).
_SIGNED_ON_SCREEN = "Deze verklaring is op het scherm getekend op"
_HASH_LABEL = "SHA-256 van de getoonde tekst:"
_TIME_LABEL = "Tijd"
_NOT_SIGNED_ON_SCREEN = "niet op het scherm getekend"


def signed_block(role: str, name: str, rows: list[tuple[str, str]], drawing: Flowable | None,
                  sign_label: str, st: Styles, width: float) -> MemoTable:
    """A signature block as signed on the screen (also on the verslag voor de inwoner): the
    capacity and name in its tinted head, the facts of the signing, the drawn signature."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop_app.documents import pdf_common as pc

    padding = 5
    words = [label for label, _ in rows] or [sign_label or " "]
    label_w = max(stringWidth(w, st.label.fontName, st.label.fontSize) for w in words) + 2 * padding
    head = pc.Para(f"{pc.markup(role)}<br/><b>{pc.markup(name)}</b>", st.cell)
    data: list[list[Any]] = [[head, ""]]
    for label, value in rows:
        data.append([pc.Para(pc.markup(label), st.label), pc.Para(pc.markup(value), st.cell)])
    spans: list[tuple[Any, ...]] = [("SPAN", (0, 0), (1, 0))]
    if drawing is not None:
        data.append([[pc.Para(pc.markup(sign_label), st.label), drawing], ""])
        spans.append(("SPAN", (0, len(data) - 1), (1, len(data) - 1)))
    table = pc.MemoTable(data, colWidths=[label_w, width - label_w])
    pc.style_table(table, [
        *spans,
        ("BACKGROUND", (0, 0), (-1, 0), pc.ACCENT_LIGHT),
        ("BOX", (0, 0), (-1, -1), 0.8, pc.ACCENT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, pc.ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ])
    return table


def _role_text(signer: Signer, statement: ConsentStatement, template: ConsentTemplate,
               labels: dict[str, str]) -> str:
    role = template.roles[signer.role].nl
    if signer.relation is not None:
        # WGBO 7:465 lid 3 gives an order (authorised, partner, parent, child, sibling): the
        # professional who reads the paper must see which one signed.
        role = f"{role} ({render(signer.relation.word, 'nl')})"
    if signer.role in _OF:
        role = f"{role} {labels['van']} {nfc(statement.resident.name)}"
    elif signer.role in _ON_BEHALF:
        role = f"{role} {labels['namens']} {nfc(statement.resident.name)}"
    return role


BLOCK_GAP_MM = 4  # between two signature blocks, across and down

# Custody holders decide in their own right ("Ouder met gezag van Zoë"); representatives of an
# adult act for him ("Mentor namens Henk").
_OF = frozenset({
    SignerRole.PARENT_WITH_CUSTODY, SignerRole.GUARDIAN, SignerRole.CERTIFIED_INSTITUTION,
})
_ON_BEHALF = frozenset({
    SignerRole.CURATOR, SignerRole.MENTOR, SignerRole.BEWINDVOERDER, SignerRole.REPRESENTATIVE,
})


def _signature_block(
    signer: Signer,
    statement: ConsentStatement,
    template: ConsentTemplate,
    labels: dict[str, str],
    st: Styles,
) -> tuple[MemoTable, SignLine]:
    role = _role_text(signer, statement, template, labels)
    # Place and date blank: the signers write where and when they sign (a paper may be signed
    # another day, by a second parent a week later).
    return signature_block(role, nfc(signer.name).strip(), [], (labels["plaats"], labels["datum"]),
                  labels["handtekening"], st)


def _worker_block(
    statement: ConsentStatement,
    template: ConsentTemplate,
    labels: dict[str, str],
    st: Styles,
) -> tuple[MemoTable, SignLine]:
    c = statement.controller
    return signature_block(template.sections["medewerker"].heading, c.worker_name,
                  [(labels["functie"], c.worker_role)], (None, labels["datum"]),
                  labels["handtekening"], st)


def signature_block(role: str, name: str, rows: list[tuple[str, str]],
                    blanks: tuple[str | None, str], sign_label: str,
                    st: Styles) -> tuple[MemoTable, SignLine]:
    """A boxed signature block (also on the verslag voor de inwoner): in its tinted head the
    capacity ("Ouder met gezag namens …")
    and the printed name; then any further facts (the worker's function), a row with blank
    lines for place and date (`blanks`: their labels; no place for the worker), and room to
    sign."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop_app.documents import pdf_common as pc

    width = (pc.CONTENT_WIDTH - BLOCK_GAP_MM * pc.mm) / 2
    padding = 5
    place_label, date_label = blanks
    words = [label for label, _ in rows] + [w for w in blanks if w]
    label_w = max(stringWidth(w, st.label.fontName, st.label.fontSize) for w in words) + 2 * padding
    date_w = stringWidth(date_label, st.label.fontName, st.label.fontSize) + 2 * padding
    # Place gets the larger part of the row: a town's name is longer than a date.
    rest = width - label_w - date_w
    place_line, date_line = rest * 0.58, rest * 0.42
    col_widths = [label_w, place_line, date_w, date_line]

    def line(w: float) -> pc.SignLine:
        return pc.SignLine(w - 2 * padding, 5 * pc.mm)

    def lab(text: str) -> pc.Para:
        return pc.Para(pc.markup(text), st.label)

    head = pc.Para(f"{pc.markup(role)}<br/><b>{pc.markup(name)}</b>", st.cell)
    data: list[list[Any]] = [[head, "", "", ""]]
    spans: list[tuple[Any, ...]] = [("SPAN", (0, 0), (3, 0))]
    for label, value in rows:
        spans.append(("SPAN", (1, len(data)), (3, len(data))))
        data.append([lab(label), pc.Para(pc.markup(value), st.cell), "", ""])
    blank_row = len(data)
    if place_label is None:
        spans.append(("SPAN", (1, blank_row), (3, blank_row)))
        data.append([lab(date_label), line(width - label_w), "", ""])
    else:
        data.append([lab(place_label), line(place_line), lab(date_label), line(date_line)])
    sign_row = len(data)
    spans.append(("SPAN", (0, sign_row), (3, sign_row)))
    room = pc.SignLine(width - 2 * padding, 13 * pc.mm, caption=lab(sign_label))
    data.append([room, "", "", ""])
    table = pc.MemoTable(data, colWidths=col_widths)
    pc.style_table(
        table,
        [
            *spans,
            ("BACKGROUND", (0, 0), (-1, 0), pc.ACCENT_LIGHT),
            ("BOX", (0, 0), (-1, -1), 0.8, pc.ACCENT),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, pc.ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("TOPPADDING", (0, 0), (-1, 0), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
            ("TOPPADDING", (0, blank_row), (-1, blank_row), 2.5),
            ("BOTTOMPADDING", (0, sign_row), (-1, sign_row), 3),
        ],
    )
    return table, room
