"""Signing a consent statement on the screen: the statement's text as pages to read, and what
each signer did on the screen (the Ja/Nee per item and the signature as vector strokes).

The pages hold the very text of the paper, made from the same statement and template as the
PDF (`information_keys` gives both the order of the information paragraphs), so what the
resident reads is what the statement's content hash covers. The choices become the same
`SignerRecord`s as a paper statement's, so outcomes and data requests follow as for paper.

Pure Python: no Qt, no reportlab.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from desktop_app.domain.consent import (
    Choice,
    ConsentStatement,
    ConsentTemplate,
    ItemKind,
    SignerRecord,
    TextBlock,
    format_date_long,
    format_date_short,
    placeholder_values,
    render_blocks,
)

Point = tuple[float, float]
Stroke = tuple[Point, ...]


def information_keys(kinds: Iterable[ItemKind]) -> list[str]:
    """The template sections printed before the items, in printed order. All information comes
    first: AVG art. 7 lid 3 wants the resident told about withdrawal *before* consenting, and
    art. 13 wants the rest told when the data are collected. A paragraph about a kind of item
    that is not on this statement is left out."""
    present = set(kinds)
    keys = ["verantwoordelijke", "doel"]
    if ItemKind.CONSENT in present:
        keys.append("vrijwillig")
    if present & {ItemKind.RELEASE, ItemKind.INFORMATION}:
        keys.append("wettelijke_taak")
    keys += ["intrekken", "geldigheid", "privacy", "bewaren"]
    return keys


@dataclass(frozen=True, slots=True)
class ScreenBlock:
    """A paragraph (with an optional heading), or a list."""

    heading: str = ""
    text: str = ""
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScreenPage:
    title: str
    blocks: tuple[ScreenBlock, ...] = field(repr=False)
    item: int | None = None  # the item this page shows


def _blocks(heading: str, blocks: tuple[TextBlock, ...]) -> list[ScreenBlock]:
    out: list[ScreenBlock] = []
    for n, block in enumerate(blocks):
        out.append(ScreenBlock(heading if n == 0 else "", block.text, block.bullets))
    if not out and heading:
        out.append(ScreenBlock(heading))
    return out


# Information paragraphs per page: three fit a 1366×768 screen in large type with little
# scrolling, and a page is short enough to be read before turning it.
_SECTIONS_PER_PAGE = 3


def screen_pages(statement: ConsentStatement, template: ConsentTemplate) -> tuple[ScreenPage, ...]:
    """The statement as pages: the information, one page per item, then what signing means.
    Dutch, as printed (the paper is Dutch; the worker's language is in the dialog around it)."""
    values = placeholder_values(statement)
    labels = {key: label.nl for key, label in template.labels.items()}
    sec = template.sections
    resident = statement.resident
    subtitle = " ".join(b.text or " ".join(b.bullets)
                        for b in render_blocks(template.subtitle, values))
    facts = (f"{labels['documentnummer']} {statement.document_number}  ·  "
             f"{labels['versie']} {statement.statement_version}  ·  "
             f"{labels['opgesteld_op']} {format_date_long(statement.composed_on)}")
    about = [ScreenBlock(text=subtitle),
             ScreenBlock(labels["gegevens_inwoner"],
                         f"{resident.name}, {labels['geboortedatum'].lower()} "
                         f"{format_date_short(resident.birth_date)}"),
             ScreenBlock(text=facts)]
    sections: list[list[ScreenBlock]] = []
    for key in information_keys(item.kind for item in statement.items):
        sections.append(_blocks(sec[key].heading, render_blocks(sec[key].text, values)))
    for own in template.own_sections:
        sections.append(_blocks(own.heading, render_blocks(own.text, values)))
    sections.append(_blocks(sec["kopie"].heading, render_blocks(sec["kopie"].text, values)))
    pages: list[ScreenPage] = []
    first = [b for part in sections[:_SECTIONS_PER_PAGE - 1] for b in part]
    pages.append(ScreenPage(template.title.nl, (*about, *first)))
    rest = sections[_SECTIONS_PER_PAGE - 1:]
    for start in range(0, len(rest), _SECTIONS_PER_PAGE):
        chunk = [b for part in rest[start:start + _SECTIONS_PER_PAGE] for b in part]
        pages.append(ScreenPage(template.title.nl, tuple(chunk)))
    total = len(statement.items)
    for index, item in enumerate(statement.items):
        item_values = {**values, "organisatie": item.organisation_named or item.organisation_name}

        def filled(text: str, item_values: Mapping[str, str] = item_values) -> str:
            return " ".join(b.text or " ".join(b.bullets) for b in render_blocks(text, item_values))

        blocks = [ScreenBlock(text=labels[item.direction.value]),
                  ScreenBlock(labels["organisatie"], item.shown_name),
                  ScreenBlock(labels["doel"], item.purpose),
                  ScreenBlock(labels["gegevens"], bullets=item.data_items)]
        secrecy = template.secrecy_text(item.direction, item.secrecy)
        if secrecy:
            blocks.append(ScreenBlock(labels["beroepsgeheim"], filled(secrecy)))
        blocks.append(ScreenBlock(labels["grondslag"], filled(template.basis_text(item.kind))))
        refusal = labels["bezwaar" if item.kind is ItemKind.INFORMATION else "nee_zeggen"]
        blocks.append(ScreenBlock(refusal, filled(template.refusal_text(item.kind))))
        if item.kind is ItemKind.INFORMATION:
            blocks.append(ScreenBlock(text=labels["geen_keuze"]))
        pages.append(ScreenPage(f"{labels['onderdeel']} {index + 1} van {total}: "
                                f"{item.shown_name}", tuple(blocks), index))
    signing = _blocks(sec["ondertekening"].heading, render_blocks(sec["ondertekening"].text,
                                                                  values))
    signing.append(ScreenBlock(labels["wie_tekent"], statement.signers.explanation))
    pages.append(ScreenPage(sec["ondertekening"].heading, tuple(signing)))
    return tuple(pages)


def choice_words(template: ConsentTemplate, kind: ItemKind, lang: str = "nl") -> tuple[str, str]:
    """The words of the two boxes ("Ja, ik geef toestemming" / "…vrij"): printed in Dutch;
    `lang` "en" gives the template's English, for a worker who reads English."""
    labels = template.labels
    yes, no = (("ja", "nee") if kind is ItemKind.CONSENT else ("vrijgave_ja", "vrijgave_nee"))
    if lang == "en":
        return labels[yes].en, labels[no].en
    return labels[yes].nl, labels[no].nl


@dataclass(frozen=True, slots=True)
class ScreenSignature:
    """One signer on the screen: the Ja/Nee per item (by item index) and the signature as
    strokes of points in the pad's own units (x to the right, y down, within width × height).
    Vector points in memory: no image is made until the signed PDF draws them as lines."""

    signer: int
    choices: Mapping[int, Choice]
    strokes: tuple[Stroke, ...] = field(repr=False)
    width: float = 1.0
    height: float = 1.0

    @property
    def has_signature(self) -> bool:
        """Something was drawn: at least one stroke with two points."""
        return any(len(stroke) >= 2 for stroke in self.strokes)


@dataclass(frozen=True, slots=True)
class ScreenSigning:
    """A statement signed on the screen: when and where, the hash of the text that was shown
    (the statement's content hash), and each signer's choices and signature."""

    signed_at: dt.datetime  # local time, with its offset
    place: str = field(repr=False)
    text_hash: str
    signatures: tuple[ScreenSignature, ...] = field(repr=False)

    def records(self) -> list[SignerRecord]:
        """The same records as the paper route: signed, on the day, with the choices."""
        day = self.signed_at.date()
        return [SignerRecord(s.signer, True, day, dict(s.choices)) for s in self.signatures]
