"""The gespreksverslag (conversation report): a neutral, printable structure.

The report is what the worker transfers to the central dossier (ZW-4, ZW-6). It is deliberately
independent of the form model: the service flattens a draft (answers per section, data
requests with their weighing path, consent status) into this structure, and the PDF builder
only has to know this module. That keeps a changed form definition from breaking old reports.

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
    normalise_document_number,
    normalise_text_fields,
    parse_document_number,
    qr_payload,
    sha256_hex,
)
from desktop_app.domain.vocabulary import Basis, Direction


@dataclass(frozen=True, slots=True)
class ReportEntry:
    label: str
    value: str = field(repr=False)

    def __post_init__(self) -> None:
        normalise_text_fields(self)


@dataclass(frozen=True, slots=True)
class ReportSection:
    title: str
    entries: tuple[ReportEntry, ...] = field(default=(), repr=False)
    notes: str = field(default="", repr=False)  # free text; blank lines separate paragraphs

    def __post_init__(self) -> None:
        normalise_text_fields(self)


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
            "schema": "WI-GV-1",
            "document_number": normalise_document_number(self.document_number),
            "title": self.title,
            "municipality": self.municipality,
            "team": self.team,
            "worker": self.worker,
            "resident": self.resident_display_name,
            "created": self.created,
            "form": {"id": self.form_id, "version": self.form_version},
            "sections": [
                {
                    "title": s.title,
                    "entries": [[e.label, e.value] for e in s.entries],
                    "notes": s.notes,
                }
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
