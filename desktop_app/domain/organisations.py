"""The catalogue of organisations and roles a wijkteam deals with, with their secrecy regime.

The regime decides the privacy rules of a data request (ZW-4, ZU-A4C): an organisation under
BIG (medical professional secrecy) or SKJ (youth professionals' code) needs a signed
toestemmingsverklaring before a request can be marked as sent. For BIG the *profession* is kept
too, because the consent statement and the worker's explanation name it ("de huisarts is arts
met een medisch beroepsgeheim").

The catalogue lives in `forms/organisaties.yaml` so a municipality can add its local partners;
`custom_organisation()` makes one the worker adds during a visit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from desktop_app.domain.protocols import (
    Text,
    check_keys,
    expect_id,
    expect_list,
    expect_mapping,
    parse_text,
)
from desktop_app.domain.vocabulary import SecrecyRegime
from desktop_app.domain.yaml_source import DefinitionError, load_yaml_file, load_yaml_text

__all__ = [
    "MAX_NAME_LENGTH",
    "BigProfession",
    "Catalogue",
    "Organisation",
    "OrganisationProblem",
    "custom_organisation",
    "load_catalogue",
    "parse_catalogue",
]

MAX_NAME_LENGTH = 120  # fits a line on the consent statement; longer is a pasted note
MIN_NAME_LENGTH = 2


class BigProfession(StrEnum):
    """The professions of art. 3 Wet BIG (the ones ZU-A4C lists in the social domain)."""

    ARTS = "arts"  # incl. huisarts, psychiater, medisch specialist, jeugdarts
    TANDARTS = "tandarts"
    APOTHEKER = "apotheker"
    GZ_PSYCHOLOOG = "gezondheidszorgpsycholoog"
    PSYCHOTHERAPEUT = "psychotherapeut"
    FYSIOTHERAPEUT = "fysiotherapeut"
    VERLOSKUNDIGE = "verloskundige"
    VERPLEEGKUNDIGE = "verpleegkundige"  # incl. wijkverpleegkundige
    PHYSICIAN_ASSISTANT = "physician_assistant"

    @property
    def dutch(self) -> str:
        return "physician assistant" if self is BigProfession.PHYSICIAN_ASSISTANT else self.value


class OrganisationProblem(ValueError):
    """An organisation the worker entered is not usable; the Dutch message says why."""


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str  # catalogue id, or "eigen:<slug>" for one the worker added
    name: Text  # as in a list: "Huisarts"
    regime: SecrecyRegime
    profession: BigProfession | None = None  # BIG only
    definite: Text | None = None  # in a sentence: "de huisarts"; defaults to the name
    note: Text | None = None  # a hint for the worker, e.g. about a statutory task
    custom: bool = False

    @property
    def in_sentence(self) -> Text:
        return self.definite or self.name

    @property
    def needs_written_consent(self) -> bool:
        return self.regime.needs_written_consent

    def secrecy_dutch(self) -> str:
        """Plain Dutch: what kind of secrecy this organisation has, for summaries."""
        if self.regime is SecrecyRegime.BIG:
            return "een medisch beroepsgeheim (BIG)"
        if self.regime is SecrecyRegime.SKJ:
            return "een beroepscode met beroepsgeheim (SKJ-register)"
        if self.regime is SecrecyRegime.PROFESSIONAL_CODE:
            return "een beroepscode"
        return "geen beroepsgeheim"


@dataclass(frozen=True, slots=True)
class Catalogue:
    version: int
    organisations: tuple[Organisation, ...]

    def get(self, organisation_id: str) -> Organisation | None:
        for organisation in self.organisations:
            if organisation.id == organisation_id:
                return organisation
        return None

    def search(self, query: str, lang: str = "nl") -> tuple[Organisation, ...]:
        """Case- and accent-insensitive match on the name, for the picker in the wizard."""
        wanted = _fold(query)
        return tuple(o for o in self.organisations if wanted in _fold(o.name.get(lang)))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _validate_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise OrganisationProblem("Vul de naam van de organisatie in.")
    if len(cleaned) < MIN_NAME_LENGTH:
        raise OrganisationProblem("De naam van de organisatie is te kort. Schrijf de hele naam.")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise OrganisationProblem(
            f"De naam van de organisatie is te lang (meer dan {MAX_NAME_LENGTH} tekens). "
            "Schrijf alleen de naam; andere informatie hoort in het verzoek."
        )
    if any(unicodedata.category(c).startswith("C") for c in cleaned):
        raise OrganisationProblem("De naam bevat onzichtbare tekens. Typ de naam opnieuw.")
    if not any(c.isalpha() for c in cleaned):
        raise OrganisationProblem("De naam van de organisatie moet letters bevatten.")
    return cleaned


def _check_profession(
    regime: SecrecyRegime, profession: BigProfession | None
) -> BigProfession | None:
    if regime is SecrecyRegime.BIG and profession is None:
        raise OrganisationProblem(
            "Kies het beroep (BIG-register), bijvoorbeeld arts of verpleegkundige."
        )
    if regime is not SecrecyRegime.BIG and profession is not None:
        raise OrganisationProblem("Een BIG-beroep hoort alleen bij een BIG-geregistreerde.")
    return profession


def custom_organisation(
    name: str,
    regime: SecrecyRegime | str,
    profession: BigProfession | str | None = None,
) -> Organisation:
    """An organisation the worker adds during a visit. Raises OrganisationProblem (Dutch)."""
    if not isinstance(name, str):
        raise OrganisationProblem("Vul de naam van de organisatie in.")
    cleaned = _validate_name(name)
    try:
        regime = SecrecyRegime(regime)
    except ValueError:
        raise OrganisationProblem("Kies of de organisatie een beroepsgeheim heeft.") from None
    try:
        chosen = BigProfession(profession) if profession is not None else None
    except ValueError:
        raise OrganisationProblem("Kies een beroep uit de lijst van het BIG-register.") from None
    chosen = _check_profession(regime, chosen)
    slug = re.sub(r"[^a-z0-9]+", "_", _fold(cleaned)).strip("_")[:60] or "organisatie"
    return Organisation(
        id=f"eigen:{slug}",
        name=Text(cleaned),
        regime=regime,
        profession=chosen,
        custom=True,
    )


# --------------------------------------------------------------------------------------------
# Loading forms/organisaties.yaml

_TOP_KEYS = ("version", "organisations")
_ORG_REQUIRED = ("id", "name", "regime")
_ORG_OPTIONAL = ("profession", "definite", "note")


def load_catalogue(path: Path) -> Catalogue:
    return _build(load_yaml_file(path), str(path))


def parse_catalogue(text: str, source: str) -> Catalogue:
    return _build(load_yaml_text(text, source), source)


def _build(data: Any, source: str) -> Catalogue:
    if data is None:
        raise DefinitionError(source, None, "het bestand is leeg")
    top = expect_mapping(data, source, 1, "de lijst met organisaties")
    check_keys(top, source, "de lijst met organisaties", required=_TOP_KEYS)
    version = top["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DefinitionError(
            source, top.line_of("version"), "'version' moet een heel getal van 1 of hoger zijn."
        )
    items = expect_list(
        top["organisations"], source, top.line_of("organisations"), "'organisations'"
    )
    if not items:
        raise DefinitionError(source, top.line_of("organisations"), "de lijst is leeg.")
    organisations: list[Organisation] = []
    seen_ids: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    for index, raw in enumerate(items):
        line = items.line_of(index)
        entry = expect_mapping(raw, source, line, "een organisatie")
        org_id = (
            expect_id(entry["id"], source, entry.line_of("id"), "organisatie")
            if "id" in entry
            else None
        )
        what = f"organisatie '{org_id}'" if org_id else "een organisatie"
        check_keys(entry, source, what, required=_ORG_REQUIRED, optional=_ORG_OPTIONAL)
        assert org_id is not None
        if org_id in seen_ids:
            raise DefinitionError(
                source,
                entry.line_of("id"),
                f"de id '{org_id}' komt twee keer voor (ook op regel {seen_ids[org_id]}).",
            )
        seen_ids[org_id] = entry.line_of("id")
        name = parse_text(entry["name"], source, entry.line_of("name"), f"'name' van {what}")
        try:
            _validate_name(name.nl)
        except OrganisationProblem as problem:
            raise DefinitionError(source, entry.line_of("name"), f"{what}: {problem}") from None
        folded = _fold(name.nl)
        if folded in seen_names:
            raise DefinitionError(
                source,
                entry.line_of("name"),
                f"{what}: de naam '{name.nl}' staat er al (regel {seen_names[folded]}).",
            )
        seen_names[folded] = entry.line_of("name")
        try:
            regime = SecrecyRegime(entry["regime"])
        except ValueError:
            names = ", ".join(r.value for r in SecrecyRegime)
            raise DefinitionError(
                source,
                entry.line_of("regime"),
                f"{what}: onbekend regime '{entry['regime']}'. Kies uit: {names}.",
            ) from None
        profession: BigProfession | None = None
        if "profession" in entry:
            try:
                profession = BigProfession(entry["profession"])
            except ValueError:
                names = ", ".join(p.value for p in BigProfession)
                raise DefinitionError(
                    source,
                    entry.line_of("profession"),
                    f"{what}: onbekend beroep '{entry['profession']}'. Kies uit: {names}.",
                ) from None
        try:
            _check_profession(regime, profession)
        except OrganisationProblem as problem:
            key = "profession" if "profession" in entry else "regime"
            raise DefinitionError(source, entry.line_of(key), f"{what}: {problem}") from None
        definite = (
            parse_text(
                entry["definite"], source, entry.line_of("definite"), f"'definite' van {what}"
            )
            if "definite" in entry
            else None
        )
        note = (
            parse_text(entry["note"], source, entry.line_of("note"), f"'note' van {what}")
            if "note" in entry
            else None
        )
        organisations.append(Organisation(org_id, name, regime, profession, definite, note))
    return Catalogue(version, tuple(organisations))
