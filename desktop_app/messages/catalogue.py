"""All texts of the messages, Dutch and English, collected from the area files in `texts/`.

An entry is `key: (Dutch, English)`. A template may have placeholders in braces; both
languages use the same ones. For a count `n`, an entry `key#1` (when present) is used when
`n == 1`: "1 concept is ouder…" instead of "1 concepten zijn ouder…".

Adding a message: pick the area file, add the key with both texts, and use
`Message("area.key", name=value)` in the code. tests/unit/test_messages.py checks every key in
the code against this catalogue.

Dutch is B1: the worker is addressed with "je", the resident (on paper) with "u". Rule codes
(ZW-…, ZU-…) belong in explanations, not in instructions.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType

from desktop_app.messages.texts import (
    common,
    consent,
    data_requests,
    destruction,
    documents,
    forms,
    intakes,
    logbook,
    people,
    report_phrases,
    resident_report,
    session,
    settings,
    transfer,
    vault,
)

_AREAS: tuple[ModuleType, ...] = (common, vault, session, settings, intakes, forms, people,
                                  data_requests, consent, transfer, destruction, logbook,
                                  documents, report_phrases, resident_report)


def _collect() -> dict[str, tuple[str, str]]:
    texts: dict[str, tuple[str, str]] = {}
    for area in _AREAS:
        for key, pair in area.TEXTS.items():
            if key in texts:
                raise RuntimeError(f"message key {key!r} is defined twice ({area.__name__})")
            texts[key] = pair
    return texts


TEXTS: Mapping[str, tuple[str, str]] = _collect()


def template_for(key: str, lang: str, count: object = None) -> str:
    """The template of `key` in `lang`. An unknown key shows as itself (the test suite makes
    sure that never reaches a worker)."""
    pair = TEXTS.get(f"{key}#1") if count == 1 else None
    pair = pair or TEXTS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]
