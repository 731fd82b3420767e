"""One row of the `bench` table (its own module: the bench's parts all make rows)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Row:
    what: str
    target: str
    measured: str
    baseline: str
    ratio: float | None
    limit: float | None
    ok: bool | None
    note: str = ""
    # For scripts (`bench --json` "values"): a stable name and the measured number.
    key: str = ""
    value: float | None = None
