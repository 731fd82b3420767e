"""A statement signed on the screen for a resident with an Arabic name: the signed PDF (built in
memory by the service, stored in the store) gives the name, the organisation and the place back
exactly through pdftotext (issue 17). All people are fictional."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from desktop_app.documents import rtl
from desktop_app.services.consent import ConsentService
from desktop_app.services.intakes import IntakeService
from desktop_app.services.session import Session
from tests.integration.test_destruction_forensic import sign_on_screen_with_marker
from tests.unit.test_consent_pdf import needs_poppler, pdftotext

NAME = "محمد العلي"
MARKER = "سلام"  # in the organisation ("سلام huisartsenpraktijk") and the place ("سلام plaats")


@needs_poppler
def test_the_signed_pdf_gives_the_arabic_name_and_place_back(profile: Any) -> None:
    session = Session(profile)
    intake_id = IntakeService(session).start_intake(NAME, dt.date(1980, 6, 1))
    sign_on_screen_with_marker(session, intake_id, MARKER)
    service = ConsentService(session)
    [summary] = service.statements(intake_id)
    pdf = service.signed_pdf(summary.id)
    assert pdf is not None
    text = rtl.BIDI_CONTROLS.sub("", unicodedata.normalize("NFC", pdftotext(pdf)))
    found = [" ".join(line.split()) for line in text.splitlines()]
    assert NAME in found
    # A value that starts in Arabic stays a left-to-right value in the Dutch document.
    assert any(f"{MARKER} huisartsenpraktijk" in line for line in found)
    assert any(f"in {MARKER} plaats" in line for line in found)
