"""The gespreksverslag (conversation report): a neutral, printable structure.

The report is what the worker transfers to the central dossier (ZW-4, ZW-6). It is deliberately
independent of the form model: the service turns a draft into this structure (each section as
short paragraphs of sentences, free texts as paragraphs of their own, lists and small tables;
then the data requests with their weighing path and consent status), and the PDF builder and the
copy text only have to know this module. That keeps a changed form definition from breaking old
reports.

Weighings are printed as readable steps "question → answer (motivation)" because ZU-DOC asks
to record the weighings and what was done, not just the outcome.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from desktop_app.domain.consent import (
    DocumentKind,
    canonical_json,
    document_number_problem,
    nfc,
    normalise_document_number,
    normalise_text_fields,
    parse_document_number,
    qr_payload,
    sha256_hex,
)
from desktop_app.domain.vocabulary import Basis, Direction


@dataclass(frozen=True, slots=True)
class ReportParagraph:
    """Short sentences that belong together: "Het gesprek was op 3 december 2026 bij de inwoner
    thuis. Aanwezig: de inwoner en een tolk." """

    text: str = field(repr=False)

    def __post_init__(self) -> None:
        normalise_text_fields(self)


@dataclass(frozen=True, slots=True)
class ReportText:
    """A free text as typed (blank lines separate paragraphs), under a short lead such as "De
    hulpvraag, in de woorden van de inwoner"."""

    lead: str
    text: str = field(repr=False)

    def __post_init__(self) -> None:
        normalise_text_fields(self)


@dataclass(frozen=True, slots=True)
class ReportItem:
    """One line of a list: a bold lead ("Financiën — 2 (niet zelfredzaam)") and what follows."""

    lead: str = field(repr=False)
    text: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        normalise_text_fields(self)


@dataclass(frozen=True, slots=True)
class ReportList:
    lead: str
    items: tuple[ReportItem, ...] = field(repr=False)

    def __post_init__(self) -> None:
        normalise_text_fields(self)


@dataclass(frozen=True, slots=True)
class ReportTable:
    """A small table (goals, organisations involved): a header and rows of the same width."""

    lead: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = field(repr=False)

    def __post_init__(self) -> None:
        normalise_text_fields(self)
        object.__setattr__(self, "rows", tuple(
            tuple(nfc(cell).strip() for cell in row) for row in self.rows))
        if any(len(row) != len(self.columns) for row in self.rows):
            raise ValueError("Elke rij van de tabel heeft evenveel cellen als de kop.")


ReportBlock = ReportParagraph | ReportText | ReportList | ReportTable


@dataclass(frozen=True, slots=True)
class ReportSection:
    title: str
    blocks: tuple[ReportBlock, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        normalise_text_fields(self)

    def plain_text(self) -> str:
        """The section as plain text, for pasting into the dossier system: paragraphs separated
        by a blank line, a list or table as lines starting with "- "."""
        return "\n\n".join(_block_plain_text(block) for block in self.blocks)


def with_colon(lead: str) -> str:
    """A lead before what follows it: "Afspraken:"; a lead that is a question keeps its mark."""
    return lead if not lead or lead[-1] in ":?!." else f"{lead}:"


# A free text up to this long, on one line, follows its lead on the same line.
INLINE_TEXT_CHARS = 600


def is_inline(text: str) -> bool:
    return len(text) <= INLINE_TEXT_CHARS and "\n" not in text


def _block_plain_text(block: ReportBlock) -> str:
    if isinstance(block, ReportParagraph):
        return block.text
    if isinstance(block, ReportText):
        gap = " " if is_inline(block.text) else "\n"
        return f"{with_colon(block.lead)}{gap}{block.text}"
    if isinstance(block, ReportList):
        lines = [f"- {with_colon(item.lead)} {item.text}" if item.text else f"- {item.lead}"
                 for item in block.items]
    else:
        lines = ["- " + "; ".join(f"{column}: {cell}" for column, cell
                                  in zip(block.columns, row, strict=True) if cell)
                 for row in block.rows]
    return "\n".join([with_colon(block.lead), *lines] if block.lead else lines)


def _block_content(block: ReportBlock) -> dict[str, Any]:
    if isinstance(block, ReportParagraph):
        return {"paragraph": block.text}
    if isinstance(block, ReportText):
        return {"text": [block.lead, block.text]}
    if isinstance(block, ReportList):
        return {"list": [block.lead, [[item.lead, item.text] for item in block.items]]}
    return {"table": [block.lead, list(block.columns), [list(row) for row in block.rows]]}


@dataclass(frozen=True, slots=True)
class ReportDataRequest:
    organisation: str
    direction: Direction
    purpose: str = field(repr=False)
    data_items: tuple[str, ...] = field(repr=False)
    basis: Basis
    outcome_summary: str = field(repr=False)  # e.g. "Schriftelijke toestemming vereist"
    weighing_steps: tuple[str, ...] = field(repr=False)  # see format_weighing_step
    consent_status: str  # display text: "getekend", "geweigerd", "niet nodig", ...
    consent_document_number: str | None = None  # the toestemmingsverklaring it relies on

    def __post_init__(self) -> None:
        normalise_text_fields(self)


@dataclass(frozen=True, slots=True)
class Gespreksverslag:
    document_number: str
    title: str  # "Gespreksverslag keukentafelgesprek"
    municipality: str
    team: str
    worker: str = field(repr=False)
    resident_display_name: str = field(repr=False)
    created: dt.date = field(repr=False)
    form_id: str
    form_version: int
    sections: tuple[ReportSection, ...] = field(repr=False)
    data_requests: tuple[ReportDataRequest, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        normalise_text_fields(self)
        problem = document_number_problem(self.document_number)
        if problem is not None:
            raise ValueError(problem)
        if parse_document_number(self.document_number).kind is not DocumentKind.GESPREKSVERSLAG:
            raise ValueError("Een gespreksverslag heeft een documentnummer dat met GV begint.")

    def canonical_content(self) -> dict[str, Any]:
        """Everything that is printed, as plain JSON-able data."""
        return {
            "schema": "WI-GV-2",
            "document_number": normalise_document_number(self.document_number),
            "title": self.title,
            "municipality": self.municipality,
            "team": self.team,
            "worker": self.worker,
            "resident": self.resident_display_name,
            "created": self.created,
            "form": {"id": self.form_id, "version": self.form_version},
            "sections": [
                {"title": s.title, "blocks": [_block_content(b) for b in s.blocks]}
                for s in self.sections
            ],
            "data_requests": [
                {
                    "organisation": r.organisation,
                    "direction": r.direction.value,
                    "purpose": r.purpose,
                    "data_items": list(r.data_items),
                    "basis": r.basis.value,
                    "outcome": r.outcome_summary,
                    "weighing": list(r.weighing_steps),
                    "consent_status": r.consent_status,
                    "consent_document_number": r.consent_document_number,
                }
                for r in self.data_requests
            ],
        }

    def content_hash(self) -> str:
        """SHA-256 (lower-case hex) over the canonical JSON of everything printed."""
        return sha256_hex(canonical_json(self.canonical_content()))

    def qr_payload(self) -> str:
        return qr_payload(self.document_number, self.content_hash())


def format_weighing_step(question: str, answer: str, motivation: str = "") -> str:
    """'Is dit de minst ingrijpende manier? → Ja (school kan het niet leveren)'."""
    step = f"{question.strip()} → {answer.strip()}"
    if motivation.strip():
        step += f" ({motivation.strip()})"
    return step
