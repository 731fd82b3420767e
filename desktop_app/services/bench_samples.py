"""A fictional consent statement and gespreksverslag for the benchmark and the self-test
(never real people)."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.consent import (
    ConsentItem,
    ConsentResident,
    ConsentStatement,
    ConsentTemplate,
    Controller,
    format_document_number,
    load_consent_template,
)
from desktop_app.domain.report import (
    Gespreksverslag,
    ReportParagraph,
    ReportSection,
    ReportText,
)
from desktop_app.domain.signers import CustodyHolder, MinorSituation, who_signs
from desktop_app.domain.vocabulary import Basis, Direction, SecrecyRegime
from desktop_app.resources import forms_dir


def sample_statement() -> tuple[ConsentStatement, ConsentTemplate]:
    template = load_consent_template(forms_dir() / "toestemmingsverklaring.yaml")
    signing = dt.date(2026, 11, 24)
    birth = dt.date(2012, 5, 3)
    items = (
        ConsentItem("Wij willen weten welke klachten er zijn, zodat wij de juiste hulp regelen.",
                    ("Klachten en diagnose", "Medicijnen"), "Huisarts",
                    Direction.REQUEST_FROM, Basis.VERDIEPING, SecrecyRegime.BIG,
                    organisation_named="Huisartsenpraktijk De Linde (fictief)"),
        ConsentItem("Wij willen weten hoe het op school gaat.", ("Aanwezigheid en verzuim",),
                    "School (leerkracht of intern begeleider)", Direction.REQUEST_FROM,
                    Basis.VERDIEPING, organisation_named="Het Lindeboom College (fictief)"),
        ConsentItem("Om te beslissen over jeugdhulp.", ("Verslag van de behandeling",),
                    "Psycholoog (gezondheidszorgpsycholoog)", Direction.REQUEST_FROM,
                    Basis.TOETSING, SecrecyRegime.BIG,
                    organisation_named="Praktijk Molenzicht (fictief)"),
        ConsentItem("Om een indicatie voor jeugdhulp aan te vragen.",
                    ("Naam, geboortedatum en adres",), "Jeugdzorgaanbieder (regionaal)",
                    Direction.GIVE_TO, Basis.TOETSING, SecrecyRegime.SKJ,
                    organisation_named="Jeugdhulp Regio Oost (fictief)"),
    )
    statement = ConsentStatement(
        document_number=format_document_number("TV", 2026, 1),
        statement_version=1,
        template_id=template.id,
        template_version=template.version,
        template_hash=template.content_hash(),
        controller=Controller("Gemeente Voorbeeldstad (fictief)", "Sociaal wijkteam Noord",
                              "Demo Medewerker", "wijkteammedewerker",
                              team_phone="0000 000 000", team_email="wijkteam@example.org",
                              dpo_name="F. G. Voorbeeld (fictief)", dpo_email="fg@example.org",
                              privacy_statement="www.example.org/privacy",
                              retention_data="15 jaar na het einde van de hulp",
                              retention_statement="zolang uw dossier bestaat"),
        resident=ConsentResident("Zoë Güneş (fictief)", birth),
        items=items,
        valid_until=dt.date(2027, 11, 24),
        composed_on=signing,
        signers=who_signs(resident_name="Zoë Güneş (fictief)", birth_date=birth,
                          signing_date=signing,
                          minor=MinorSituation(
                              custody_holders=(CustodyHolder("Ayşe Yılmaz (fictief)"),
                                               CustodyHolder("François Cœur (fictief)")),
                              custody_checked=True)),
    )
    return statement, template


def sample_report_with_note(size: int) -> Gespreksverslag:
    """A fictional gespreksverslag whose first section has a pasted note of about `size`
    characters: numbered words, with line breaks and blank lines now and then."""
    import random

    rnd = random.Random(17)
    words = ("gesprek", "moeder", "school", "slapen", "hulp", "afspraak", "huur", "buurt")
    parts: list[str] = []
    length = 0
    while length < size:
        word = f"{rnd.choice(words)}{len(parts) // 2}"
        gap = rnd.choices([" ", "\n", "\n\n"], weights=[400, 6, 3])[0]
        parts += [word, gap]
        length += len(word) + len(gap)
    note = "".join(parts).strip()
    return Gespreksverslag(
        document_number=format_document_number("GV", 2026, 1),
        title="Gespreksverslag keukentafelgesprek",
        municipality="Gemeente Voorbeeldstad (fictief)",
        team="Sociaal wijkteam Noord",
        worker="Demo Medewerker",
        resident_display_name="Zoë Güneş (fictief)",
        created=dt.date(2026, 11, 24),
        form_id="keukentafel-jeugd",
        form_version=1,
        sections=(
            ReportSection("Hulpvraag", (ReportParagraph("Het gaat om hulp bij slapen."),
                                        ReportText("Notities over de hulpvraag", note))),
            ReportSection("Wonen"),
        ),
    )
