"""The catalogue of organisations and roles a wijkteam deals with, with their secrecy regime.

The regime decides the privacy rules of a data request (ZW-4, ZU-A4C): an organisation under
BIG (medical professional secrecy) or SKJ (youth professionals' code) needs a signed
toestemmingsverklaring before a request can be marked as sent. For BIG the *profession* is kept
too, because the consent statement and the worker's explanation name it ("de huisarts is arts
met een medisch beroepsgeheim").

The catalogue lives in `forms/organisaties.yaml` so a municipality can add its local partners;
`custom_organisation()` makes one the worker adds during a visit.

What the worker reads is a message (keys `organisation.*`, `secrecy.*`, and
`definition.catalogue.*` for a catalogue file with a mistake).
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
from desktop_app.domain.text import describe_characters, is_control
from desktop_app.domain.vocabulary import SecrecyRegime
from desktop_app.domain.yaml_source import DefinitionError, load_yaml_file, load_yaml_text
from desktop_app.messages import Message, MessageError

# Veilig Thuis (Wmo 2015 hoofdstuk 4): the recipient the conversation's safety question offers.
VEILIG_THUIS = "veilig_thuis"

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
    def label(self) -> Message:
        """"arts" / "doctor", for the choice list."""
        return Message(f"organisation.big_profession.{self.value}")


class OrganisationProblem(MessageError):
    """An organisation the worker entered is not usable; the message says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str  # catalogue id, or "eigen:<slug>" for one the worker added
    name: Text  # as in a list: "Huisarts"
    regime: SecrecyRegime
    profession: BigProfession | None = None  # BIG only
    definite: Text | None = None  # in a sentence: "de huisarts"; defaults to the name
    note: Text | None = None  # a hint for the worker, e.g. about a statutory task
    custom: bool = False
    # Its data are about money (debts, income, administration): for a resident who cannot
    # decide, only the bewindvoerder or curator may consent (BW art. 1:438, 1:453).
    financial: bool = False

    @property
    def in_sentence(self) -> Text:
        return self.definite or self.name

    @property
    def needs_written_consent(self) -> bool:
        return self.regime.needs_written_consent

    @property
    def secrecy(self) -> Message:
        """What kind of secrecy this organisation has: "medisch beroepsgeheim (BIG)"."""
        return self.regime.label


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
        raise OrganisationProblem(Message("organisation.name.missing"))
    if len(cleaned) < MIN_NAME_LENGTH:
        raise OrganisationProblem(Message("organisation.name.too_short"))
    if len(cleaned) > MAX_NAME_LENGTH:
        raise OrganisationProblem(Message("organisation.name.too_long", max=MAX_NAME_LENGTH))
    # Name the character: "an invisible character" leaves the worker searching for it.
    control = "".join(c for c in cleaned if is_control(c))
    if control:
        raise OrganisationProblem(Message("organisation.name.control",
                                          chars=describe_characters(control)))
    invisible = "".join(c for c in cleaned if unicodedata.category(c).startswith("C"))
    if invisible:
        raise OrganisationProblem(Message("organisation.name.invisible",
                                          chars=describe_characters(invisible)))
    if not any(c.isalpha() for c in cleaned):
        raise OrganisationProblem(Message("organisation.name.no_letters"))
    return cleaned


def _check_profession(
    regime: SecrecyRegime, profession: BigProfession | None
) -> BigProfession | None:
    if regime is SecrecyRegime.BIG and profession is None:
        raise OrganisationProblem(Message("organisation.profession.missing"))
    if regime is not SecrecyRegime.BIG and profession is not None:
        raise OrganisationProblem(Message("organisation.profession.only_big"))
    return profession


def custom_organisation(
    name: str,
    regime: SecrecyRegime | str,
    profession: BigProfession | str | None = None,
) -> Organisation:
    """An organisation the worker adds during a visit. Raises OrganisationProblem."""
    if not isinstance(name, str):
        raise OrganisationProblem(Message("organisation.name.missing"))
    cleaned = _validate_name(name)
    try:
        regime = SecrecyRegime(regime)
    except ValueError:
        raise OrganisationProblem(Message("organisation.regime.missing")) from None
    try:
        chosen = BigProfession(profession) if profession is not None else None
    except ValueError:
        raise OrganisationProblem(Message("organisation.profession.unknown")) from None
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
_ORG_OPTIONAL = ("profession", "definite", "note", "financial")


def load_catalogue(path: Path) -> Catalogue:
    return _build(load_yaml_file(path), str(path))


def parse_catalogue(text: str, source: str) -> Catalogue:
    return _build(load_yaml_text(text, source), source)


def _what(name: str, /, **values: Any) -> Message:
    return Message(f"definition.catalogue.what.{name}", **values)


def _key_of(key: str, what: Message) -> Message:
    return Message("definition.protocol.what.key_of", key=key, what=what)


def _build(data: Any, source: str) -> Catalogue:
    if data is None:
        raise DefinitionError(source, None, Message("definition.catalogue.empty"))
    top = expect_mapping(data, source, 1, _what("list"))
    check_keys(top, source, _what("list"), required=_TOP_KEYS)
    version = top["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DefinitionError(source, top.line_of("version"),
                              Message("definition.catalogue.version_not_number"))
    items = expect_list(
        top["organisations"], source, top.line_of("organisations"),
        Message("definition.protocol.what.key", key="organisations")
    )
    if not items:
        raise DefinitionError(source, top.line_of("organisations"),
                              Message("definition.catalogue.list_empty"))
    organisations: list[Organisation] = []
    seen_ids: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    for index, raw in enumerate(items):
        line = items.line_of(index)
        entry = expect_mapping(raw, source, line, _what("an_organisation"))
        org_id = (
            expect_id(entry["id"], source, entry.line_of("id"), _what("organisation_word"))
            if "id" in entry
            else None
        )
        what = _what("organisation", id=org_id) if org_id else _what("an_organisation")
        check_keys(entry, source, what, required=_ORG_REQUIRED, optional=_ORG_OPTIONAL)
        assert org_id is not None
        if org_id in seen_ids:
            raise DefinitionError(source, entry.line_of("id"), Message(
                "definition.catalogue.duplicate_id", id=org_id, line=seen_ids[org_id]))
        seen_ids[org_id] = entry.line_of("id")
        name = parse_text(entry["name"], source, entry.line_of("name"), _key_of("name", what))
        try:
            _validate_name(name.nl)
        except OrganisationProblem as problem:
            raise DefinitionError(source, entry.line_of("name"), Message(
                "definition.catalogue.entry_problem", what=what, problem=problem.message)
            ) from None
        folded = _fold(name.nl)
        if folded in seen_names:
            raise DefinitionError(source, entry.line_of("name"), Message(
                "definition.catalogue.duplicate_name", what=what, name=name.nl,
                line=seen_names[folded]))
        seen_names[folded] = entry.line_of("name")
        try:
            regime = SecrecyRegime(entry["regime"])
        except ValueError:
            raise DefinitionError(source, entry.line_of("regime"), Message(
                "definition.catalogue.unknown_regime", what=what, regime=str(entry["regime"]),
                allowed=", ".join(r.value for r in SecrecyRegime))) from None
        profession: BigProfession | None = None
        if "profession" in entry:
            try:
                profession = BigProfession(entry["profession"])
            except ValueError:
                raise DefinitionError(source, entry.line_of("profession"), Message(
                    "definition.catalogue.unknown_profession", what=what,
                    profession=str(entry["profession"]),
                    allowed=", ".join(p.value for p in BigProfession))) from None
        try:
            _check_profession(regime, profession)
        except OrganisationProblem as problem:
            key = "profession" if "profession" in entry else "regime"
            raise DefinitionError(source, entry.line_of(key), Message(
                "definition.catalogue.entry_problem", what=what, problem=problem.message)
            ) from None
        definite = (
            parse_text(entry["definite"], source, entry.line_of("definite"),
                       _key_of("definite", what))
            if "definite" in entry
            else None
        )
        note = (
            parse_text(entry["note"], source, entry.line_of("note"), _key_of("note", what))
            if "note" in entry
            else None
        )
        financial = entry.get("financial", False)
        if not isinstance(financial, bool):
            raise DefinitionError(source, entry.line_of("financial"), Message(
                "definition.catalogue.financial_yes_no", what=what))
        organisations.append(Organisation(org_id, name, regime, profession, definite, note,
                                          financial=financial))
    return Catalogue(version, tuple(organisations))
