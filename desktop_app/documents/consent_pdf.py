"""The toestemmingsverklaring as a PDF, built in memory.

Layout (top to bottom), following DOMAIN.md "Consent", "Consent is not the basis for a
statutory task", "AVG art. 13/14 information" and "Who signs":
1. title, document number / version / the day it was prepared, the resident's data (BSN only
   when the municipality requires it);
2. information: who is responsible, what the statement is for, that the free choices are
   voluntary, that the statutory task is not asked for, how to withdraw (AVG art. 7 lid 3 wants
   that told *before* consenting, so all of this comes first);
3. the items, grouped by what they ask, each group under its own band (AVG art. 7 lid 2: set
   apart from other matters): "Uw toestemming" (a free choice), "Vrijgeven van het
   beroepsgeheim" (WGBO 7:457), "Ter informatie" (the statutory task: no boxes). Each box names
   the organisation by its real name and the direction, why, which data, the secrecy (worded
   for the direction), the legal basis, what saying no means, and one Ja/Nee row for each
   person whose own choice is needed (consent is specific per item and per signer);
4. validity, privacy (FG, rights, the AP, the privacy statement), retention, the
   municipality's own sections, the copy;
5. one signature block per signer (a parent, the young person, a curator, …) with blank lines
   for place and date, which the signers write themselves, and the worker's block.
Header (municipality, logo, QR) and footer (document number, text version, page X of Y) are on
every page (pdf_common).

Import-light on purpose: reportlab is imported inside the builder, so services may import this
module at start-up for free.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.domain.consent import (
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
from desktop_app.domain.signers import Signer, SignerRole

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from desktop_app.documents.pdf_common import Styles


def build_toestemmingsverklaring_pdf(
    statement: ConsentStatement, template: ConsentTemplate, logo: bytes | None = None
) -> bytes:
    """The printable statement. Raises StatementNotReady (Dutch messages) when
    `statement_problems` finds anything, and pdf_common.InvalidLogo for a broken logo."""
    return build_toestemmingsverklaring_pdf_with_hash(statement, template, logo)[0]


def build_toestemmingsverklaring_pdf_with_hash(
    statement: ConsentStatement, template: ConsentTemplate, logo: bytes | None = None
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
    )
    story = _story(statement, template, pc.styles())
    return pc.build_pdf(story, decor, metadata_title=template.title.nl)


# The groups of items, in printed order, with the section that introduces each.
_GROUPS = (
    (ItemKind.CONSENT, "toestemming"),
    (ItemKind.RELEASE, "vrijgave"),
    (ItemKind.INFORMATION, "informatie"),
)


def _story(statement: ConsentStatement, template: ConsentTemplate, st: Styles) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, Spacer

    from desktop_app.documents import pdf_common as pc

    values = placeholder_values(statement)
    labels = {key: label.nl for key, label in template.labels.items()}
    sec = template.sections
    kinds = {item.kind for item in statement.items}
    story: list[Flowable] = [
        pc.Para(pc.markup(template.title.nl), st.title),
        pc.Para(pc.markup(_fill(template.subtitle, values)), st.subtitle),
        _meta_table(statement, labels, st),
        Spacer(1, 3 * pc.mm),
        KeepTogether(
            [
                pc.Para(pc.markup(labels["gegevens_inwoner"]), st.h2),
                _resident_table(statement, labels, st),
            ]
        ),
    ]
    # Information first, including how to withdraw: AVG art. 7 lid 3 wants the resident told
    # about withdrawal *before* consenting. A paragraph about a kind of item that is not on
    # this paper is left out: one organisation should not take three pages.
    info = ["verantwoordelijke", "doel"]
    if ItemKind.CONSENT in kinds:
        info.append("vrijwillig")
    if kinds & {ItemKind.RELEASE, ItemKind.INFORMATION}:
        info.append("wettelijke_taak")
    info.append("intrekken")
    for key in info:
        story += _section(sec[key].heading, sec[key].text, values, st)

    # The items, one group per kind, each visibly set apart (AVG art. 7 lid 2). A group starts
    # with its band and its first item together, so a band never ends a page on its own.
    numbered = list(enumerate(statement.items, start=1))
    total = len(numbered)
    for kind, key in _GROUPS:
        group = [(n, item) for n, item in numbered if item.kind is kind]
        if not group:
            continue
        boxes = [_item_box(n, total, item, statement, template, values, st)
                 for n, item in group]
        story.append(Spacer(1, 3 * pc.mm))
        story.append(KeepTogether([
            _band(sec[key].heading, st),
            Spacer(1, 2 * pc.mm),
            *_blocks(render_blocks(sec[key].text, values), st),
            Spacer(1, 1 * pc.mm),
            boxes[0],
        ]))
        for box in boxes[1:]:
            story.append(Spacer(1, 3 * pc.mm))
            story.append(KeepTogether([box]))
    for key in ("geldigheid", "privacy", "bewaren"):
        story += _section(sec[key].heading, sec[key].text, values, st)
    for own in template.own_sections:
        story += _section(own.heading, own.text, values, st)
    story += _section(sec["kopie"].heading, sec["kopie"].text, values, st)
    story += _signature_part(statement, template, labels, values, st)
    return story


def _fill(text: str, values: dict[str, str]) -> str:
    blocks = render_blocks(text, values)
    return " ".join(b.text or " ".join(b.bullets) for b in blocks)


def _blocks(blocks: tuple[TextBlock, ...], st: Styles) -> list[Flowable]:
    from reportlab.platypus import Spacer

    from desktop_app.documents import pdf_common as pc

    out: list[Flowable] = []
    for block in blocks:
        if block.bullets:
            out += [pc.Para(pc.markup(b), st.bullet, bulletText="•") for b in block.bullets]
            out.append(Spacer(1, 4))  # the list hugs its lead-in, not the paragraph after it
        else:
            out.append(pc.Para(pc.markup(block.text), st.body))
    return out


def _section(heading: str, text: str, values: dict[str, str], st: Styles) -> list[Flowable]:
    from reportlab.platypus import KeepTogether

    from desktop_app.documents import pdf_common as pc

    body = _blocks(render_blocks(text, values), st)
    # Heading and first paragraph stay together: a heading alone at a page bottom reads badly.
    return [KeepTogether([pc.Para(pc.markup(heading), st.h2), *body[:1]]), *body[1:]]


def _band(text: str, st: Styles) -> Flowable:
    from reportlab.platypus import Table

    from desktop_app.documents import pdf_common as pc

    table = Table([[pc.Para(pc.markup(text), st.band)]], colWidths=[pc.CONTENT_WIDTH])
    pc.style_table(
        table,
        [
            ("BACKGROUND", (0, 0), (-1, -1), pc.ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ],
    )
    return table


def _meta_table(statement: ConsentStatement, labels: dict[str, str], st: Styles) -> Flowable:
    from reportlab.platypus import Table

    from desktop_app.documents import pdf_common as pc

    def cell(label: str, value: str) -> list[Flowable]:
        return [pc.Para(pc.markup(label), st.label), pc.Para(pc.markup(value), st.cell_bold)]

    table = Table(
        [
            [
                cell(labels["documentnummer"], statement.document_number),
                cell(labels["versie"], str(statement.statement_version)),
                cell(labels["opgesteld_op"], format_date_long(statement.composed_on)),
            ]
        ],
        colWidths=[62 * pc.mm, 38 * pc.mm, pc.CONTENT_WIDTH - 100 * pc.mm],
    )
    pc.style_table(table, pc.meta_table_style())
    return table


def _resident_table(statement: ConsentStatement, labels: dict[str, str], st: Styles) -> Flowable:
    from desktop_app.documents import pdf_common as pc

    rows = [
        (labels["naam"], statement.resident.name),
        (labels["geboortedatum"], format_date_short(statement.resident.birth_date)),
    ]
    if statement.bsn_required and statement.resident.bsn is not None:
        rows.append((labels["bsn"], statement.resident.bsn.digits))
    return _label_value_table(rows, st, label_width=45 * pc.mm, bold_first=True)


def _label_value_table(
    rows: list[tuple[str, str]],
    st: Styles,
    *,
    label_width: float,
    bold_first: bool = False,
) -> Flowable:
    from reportlab.platypus import Table

    from desktop_app.documents import pdf_common as pc

    data = [
        [
            pc.Para(pc.markup(label), st.cell),
            pc.Para(pc.markup(value), st.cell_bold if bold_first and i == 0 else st.cell),
        ]
        for i, (label, value) in enumerate(rows)
    ]
    table = Table(data, colWidths=[label_width, pc.CONTENT_WIDTH - label_width])
    pc.style_table(table, pc.label_value_table_style())
    return table


def _item_box(
    number: int,
    total: int,
    item: ConsentItem,
    statement: ConsentStatement,
    template: ConsentTemplate,
    values: dict[str, str],
    st: Styles,
) -> Flowable:
    from reportlab.platypus import Table

    from desktop_app.documents import pdf_common as pc

    labels = {key: label.nl for key, label in template.labels.items()}
    item_values = {**values, "organisatie": item.organisation_named or item.organisation_name}
    direction = labels[item.direction.value]  # sentence for "opvragen_bij" / "verstrekken_aan"
    label_width = 38 * pc.mm

    def label(text: str) -> pc.Para:
        return pc.Para(pc.markup(text), st.cell_bold)

    def para(text: str) -> pc.Para:
        return pc.Para(pc.markup(_fill(text, item_values)), st.cell)

    header = pc.Para(f"{pc.markup(labels['onderdeel'])} {number} van {total}", st.cell_bold)
    rows: list[list[Any]] = [
        [header, ""],
        [
            label(labels["organisatie"]),
            pc.Para(f"<b>{pc.markup(item.shown_name)}</b><br/>{pc.markup(direction)}", st.cell),
        ],
        [label(labels["doel"]), pc.Para(pc.markup(item.purpose), st.cell)],
        [
            label(labels["gegevens"]),
            [pc.Para(pc.markup(d), st.cell, bulletText="•") for d in item.data_items],
        ],
    ]
    secrecy_text = template.secrecy_text(item.direction, item.secrecy)
    if secrecy_text:
        rows.append([label(labels["beroepsgeheim"]), para(secrecy_text)])
    rows.append([label(labels["grondslag"]), para(template.basis_text(item.kind))])
    rows.append([label(labels["nee_zeggen"]), para(template.refusal_text(item.kind))])
    choice_row = len(rows)
    signers = statement.signers.signers
    if item.kind is ItemKind.INFORMATION:
        rows.append([label(labels["geen_keuze"]), ""])
        choice_styles: list[tuple[Any, ...]] = [("SPAN", (0, choice_row), (1, choice_row))]
    else:
        # One row per person whose own choice counts: a parent may say no where the other
        # parent and the young person say yes.
        yes, no = ((labels["ja"], labels["nee"]) if item.kind is ItemKind.CONSENT
                   else (labels["vrijgave_ja"], labels["vrijgave_nee"]))
        for index in deciders(signers, item):
            signer = signers[index]
            who = (f"{pc.markup(labels['keuze_van'])}<br/><b>{pc.markup(nfc(signer.name))}</b>"
                   f" ({pc.markup(template.roles[signer.role].nl.lower())})")
            rows.append([pc.Para(who, st.cell), _choice(yes, no, st)])
        choice_styles = [("VALIGN", (0, choice_row), (-1, -1), "MIDDLE"),
                         ("LINEBELOW", (0, choice_row), (-1, -2), 0.4, pc.RULE),
                         ("TOPPADDING", (0, choice_row), (-1, -1), 6),
                         ("BOTTOMPADDING", (0, choice_row), (-1, -1), 7)]

    table = Table(rows, colWidths=[label_width, pc.CONTENT_WIDTH - label_width], splitInRow=1)
    pc.style_table(
        table,
        [
            ("SPAN", (0, 0), (1, 0)),
            ("BACKGROUND", (0, 0), (1, 0), pc.ACCENT_LIGHT),
            ("LINEBELOW", (0, 0), (1, 0), 0.8, pc.ACCENT),
            ("BOX", (0, 0), (-1, -1), 1.2, pc.ACCENT),
            ("LINEBELOW", (0, 1), (-1, choice_row - 2), 0.4, pc.RULE),
            ("LINEABOVE", (0, choice_row), (-1, choice_row), 0.8, pc.ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            *choice_styles,
        ],
    )
    return table


def _choice(yes: str, no: str, st: Styles) -> Flowable:
    """Two tick boxes side by side. Drawn boxes, not a ☐ glyph: they must be big enough to
    put a cross in with a ballpoint."""
    from desktop_app.documents import pdf_common as pc

    return pc.TickChoices(
        [pc.Para(pc.markup(yes), st.cell), pc.Para(pc.markup(no), st.cell)],
        box=5 * pc.mm,
        gap=3 * pc.mm,
        label_width=52 * pc.mm,
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
    blocks = [
        _signature_block(s, statement, template, labels, st) for s in statement.signers.signers
    ]
    # The worker signs last, in the same kind of block: on paper it reads as "inwoner |
    # medewerker", and a one-signer statement keeps its signatures on one row.
    blocks.append(_worker_block(statement, template, labels, st))
    gap = 6 * pc.mm
    # Two blocks per row: wide enough for a full signature, and a parent pair sits side by side.
    rows = [
        pc.SideBySide(*blocks[i : i + 2], gap=gap, space_below=gap)
        for i in range(0, len(blocks), 2)
    ]

    who = pc.markup(labels["wie_tekent"])
    explanation = pc.Para(f"<b>{who}:</b> {pc.markup(nfc(statement.signers.explanation))}", st.body)
    heading = pc.Para(pc.markup(sec["ondertekening"].heading), st.h2)
    intro = _blocks(render_blocks(sec["ondertekening"].text, values), st)
    worker_note = _blocks(render_blocks(sec["medewerker"].text, values), st)
    # All signatures on one page where they fit: signers sign together at the table, and a
    # scan of one page then carries every signature.
    return [KeepTogether([heading, *intro, explanation, *worker_note, Spacer(1, 2 * pc.mm), *rows])]


# Roles that sign for someone else: their block says for whom.
_ON_BEHALF = frozenset({
    SignerRole.PARENT_WITH_CUSTODY, SignerRole.GUARDIAN, SignerRole.CERTIFIED_INSTITUTION,
    SignerRole.CURATOR, SignerRole.MENTOR, SignerRole.BEWINDVOERDER, SignerRole.REPRESENTATIVE,
})


def _signature_block(
    signer: Signer,
    statement: ConsentStatement,
    template: ConsentTemplate,
    labels: dict[str, str],
    st: Styles,
) -> Flowable:
    role = template.roles[signer.role].nl
    if signer.role in _ON_BEHALF:
        role = f"{role} {labels['namens']} {nfc(statement.resident.name)}"
    rows = [
        (labels["naam"], nfc(signer.name).strip()),
        # Blank: the signers write where and when they sign (a paper may be signed later).
        (labels["plaats"], None),
        (labels["datum"], None),
    ]
    return _block(role, rows, labels["handtekening"], st)


def _worker_block(
    statement: ConsentStatement,
    template: ConsentTemplate,
    labels: dict[str, str],
    st: Styles,
) -> Flowable:
    c = statement.controller
    return _block(
        template.sections["medewerker"].heading,
        [
            (labels["naam"], c.worker_name),
            (labels["functie"], c.worker_role),
            (labels["datum"], None),
        ],
        labels["handtekening"],
        st,
    )


def _block(title: str, rows: list[tuple[str, str | None]], sign_label: str,
           st: Styles) -> Flowable:
    """A boxed signature block: who, printed name, place and date (None: a line to write on),
    and room to sign on a line."""
    from reportlab.platypus import Table

    from desktop_app.documents import pdf_common as pc

    width = (pc.CONTENT_WIDTH - 6 * pc.mm) / 2
    label_w = 20 * pc.mm
    padding = 6
    data: list[list[Any]] = [[pc.Para(pc.markup(title), st.cell_bold), ""]]
    data += [
        [pc.Para(pc.markup(label), st.label),
         pc.SignLine(width - label_w - 2 * padding, 6 * pc.mm) if value is None
         else pc.Para(pc.markup(value), st.cell_bold)]
        for label, value in rows
    ]
    data.append([pc.Para(pc.markup(sign_label), st.label), ""])
    data.append([pc.SignLine(width - 2 * padding, 17 * pc.mm), ""])
    last = len(data) - 1
    table = Table(data, colWidths=[label_w, width - label_w])
    pc.style_table(
        table,
        [
            ("SPAN", (0, 0), (1, 0)),
            ("SPAN", (0, last - 1), (1, last - 1)),
            ("SPAN", (0, last), (1, last)),
            ("BACKGROUND", (0, 0), (1, 0), pc.ACCENT_LIGHT),
            ("BOX", (0, 0), (-1, -1), 0.8, pc.ACCENT),
            ("LINEBELOW", (0, 0), (1, 0), 0.6, pc.ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("TOPPADDING", (0, 0), (1, 0), 4),
            ("BOTTOMPADDING", (0, 0), (1, 0), 5),
            ("BOTTOMPADDING", (0, last), (1, last), 6),
        ],
    )
    return table
