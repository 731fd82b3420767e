"""The toestemmingsverklaring (consent statement): model, document numbers, validation and the
text template loader.

What a statement must name comes from DOMAIN.md "Consent" (AVG art. 4(11), 7, 9), "Who signs"
(WGBO 7:450, Jeugdwet 7.3.x), ZW-2 (toetsing vs verdieping: what saying no means) and ZW-4
(written consent for professionals with professional secrecy).

The statement is printed, signed on paper and scanned into the central dossier. To match the
scan with what was printed, every statement carries a document number with a check character
and a SHA-256 `content_hash()` over a canonical JSON of everything printed; both are in the QR
code on every page (see `qr_payload`).

Pure Python: no reportlab, no Qt, no files except the template loader reading a given path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from desktop_app.domain.bsn import Bsn
from desktop_app.domain.people import age_on
from desktop_app.domain.signers import (
    Competence,
    Relation,
    Signer,
    SignerRequirement,
    SignerRole,
    SignerRule,
    rule_on,
)
from desktop_app.domain.vocabulary import Basis, Direction, SecrecyRegime
from desktop_app.domain.yaml_source import (
    DefinitionError,
    LocatedDict,
    LocatedList,
    load_yaml_file,
    load_yaml_text,
)
from desktop_app.messages import Joined, Message, MessageError

# ---------------------------------------------------------------------------------------------
# Text helpers shared by the consent statement and the gespreksverslag
# ---------------------------------------------------------------------------------------------

_MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def nfc(text: str) -> str:
    """NFC-normalise text. A name typed on macOS may arrive decomposed (e + combining accent);
    the hash and the printed PDF must not depend on how the keyboard composed it."""
    return unicodedata.normalize("NFC", text)


def format_date_long(day: dt.date) -> str:
    """'3 maart 2027': unambiguous for residents, independent of the OS locale."""
    return f"{day.day} {_MONTHS_NL[day.month - 1]} {day.year}"


def format_date_short(day: dt.date) -> str:
    """'03-03-2027' (dd-mm-jjjj), as Dutch forms write a date of birth."""
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def canonical_json(value: Any) -> bytes:
    """Canonical JSON for hashing: sorted keys, no whitespace, UTF-8, NFC strings."""
    return json.dumps(
        _normalise_for_json(value), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def _normalise_for_json(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _normalise_for_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_normalise_for_json(v) for v in value]
    if value is None or isinstance(value, (bool, int)):
        return value
    raise TypeError(f"niet te hashen type: {type(value).__name__}")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------------------------------------
# Document numbers: TV-2026-000123-K
# ---------------------------------------------------------------------------------------------


class DocumentKind(StrEnum):
    TOESTEMMINGSVERKLARING = "TV"
    GESPREKSVERSLAG = "GV"
    VERSLAG_INWONER = "VI"  # the verslag voor de inwoner (domain/resident_report.py)


# 23 letters: A-Z without I, O and Q, which are read as 1, 0 and O on a scanned or faxed page.
# 23 is prime, so a weighted sum modulo 23 catches every single wrong digit and every swap of
# two neighbouring digits (the two mistakes people make when they copy a number by hand).
_CHECK_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ"
_NUMBER_RE = re.compile(r"^([A-Z]{2})-(\d{4})-(\d{6})-([A-Z])$")
_MAX_SEQ = 999_999


def _char_value(ch: str) -> int:
    return int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10


def _check_character(body: str) -> str:
    """Check character over the letters and digits of `body` (dashes ignored)."""
    chars = [ch for ch in body if ch != "-"]
    total = sum((i + 1) * _char_value(ch) for i, ch in enumerate(chars))
    return _CHECK_ALPHABET[total % len(_CHECK_ALPHABET)]


class InvalidDocumentNumber(MessageError, ValueError):
    """Not a document number of this program; the message says why (`document_number_problem`).
    A ValueError as well, as it always was (the gespreksverslag model raises one too)."""


class InvalidQrCode(MessageError, ValueError):
    """A scanned QR code that is not one of this program's (or is damaged)."""


@dataclass(frozen=True, slots=True)
class DocumentNumber:
    kind: DocumentKind
    year: int
    seq: int

    def __str__(self) -> str:
        return format_document_number(self.kind, self.year, self.seq)


def format_document_number(kind: DocumentKind | str, year: int, seq: int) -> str:
    """`format_document_number("TV", 2026, 123)` → 'TV-2026-000123-X' (X = check character)."""
    kind = DocumentKind(kind)
    if not 2000 <= year <= 9999:
        raise ValueError(f"jaar {year} valt buiten 2000-9999")
    if not 1 <= seq <= _MAX_SEQ:
        raise ValueError(f"volgnummer {seq} valt buiten 1-{_MAX_SEQ}")
    body = f"{kind.value}-{year:04d}-{seq:06d}"
    return f"{body}-{_check_character(body)}"


def normalise_document_number(text: str) -> str:
    """Accept what a worker types from a paper: spaces around, lower case."""
    return text.strip().upper()


def document_number_problem(text: str) -> Message | None:
    """Why `text` is not a valid document number, or None."""
    value = normalise_document_number(text)
    match = _NUMBER_RE.match(value)
    if match is None:
        return Message("consent.document_number.format")
    kind, year, seq, check = match.groups()
    if kind not in DocumentKind._value2member_map_:
        return Message("consent.document_number.kind", kind=kind)
    if int(seq) == 0 or int(year) < 2000:
        return Message("consent.document_number.not_existing")
    if _check_character(value[:-2]) != check:
        return Message("consent.document_number.check")
    return None


def check_document_number(text: str) -> bool:
    """True when `text` is a well-formed document number whose check character is right."""
    return document_number_problem(text) is None


def parse_document_number(text: str) -> DocumentNumber:
    problem = document_number_problem(text)
    if problem is not None:
        raise InvalidDocumentNumber(problem)
    kind, year, seq, _check = _NUMBER_RE.match(normalise_document_number(text)).groups()  # type: ignore[union-attr]
    return DocumentNumber(DocumentKind(kind), int(year), int(seq))


# ---------------------------------------------------------------------------------------------
# QR payload: number + content hash
# ---------------------------------------------------------------------------------------------

QR_PREFIX = "WI1"  # "Wijkteam Intake, payload format 1": lets a scanner reject foreign codes
_HASH_RE = re.compile(r"^[0-9a-fA-F]{64}$")


def qr_payload(document_number: str, content_hash: str) -> str:
    """'WI1:TV-2026-000123-K:<SHA-256 in upper-case hex>'.

    Only upper case, digits, '-' and ':' so that the QR encoder can use alphanumeric mode, which
    gives a smaller code (version 4 instead of 6 at error level M) with larger modules: that
    survives a poor scan of a signed paper better.
    """
    problem = document_number_problem(document_number)
    if problem is not None:
        raise InvalidDocumentNumber(problem, detail="qr_payload")
    if not _HASH_RE.match(content_hash):
        raise ValueError("de inhoudshash moet 64 hexadecimale tekens zijn")
    return f"{QR_PREFIX}:{normalise_document_number(document_number)}:{content_hash.upper()}"


def parse_qr_payload(text: str) -> tuple[str, str]:
    """(document number, content hash in lower-case hex) from a scanned QR text."""
    parts = text.strip().split(":")
    if len(parts) != 3 or parts[0] != QR_PREFIX:
        raise InvalidQrCode(Message("consent.qr.foreign"))
    number, digest = parts[1], parts[2]
    problem = document_number_problem(number)
    if problem is not None:
        raise InvalidDocumentNumber(problem)
    if not _HASH_RE.match(digest):
        raise InvalidQrCode(Message("consent.qr.bad_hash"))
    return normalise_document_number(number), digest.lower()


# ---------------------------------------------------------------------------------------------
# The statement
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Controller:
    """Who is responsible (verwerkingsverantwoordelijke) and who filled in the statement.

    The team's contact details come from the settings; they tell the resident how to withdraw.
    """

    municipality: str  # "Gemeente Zwolle"
    team: str  # "Sociaal wijkteam Holtenbroek"
    worker_name: str
    worker_role: str  # "wijkteammedewerker Jeugd"
    team_phone: str = ""
    team_email: str = ""
    team_address: str = ""  # postal address for a letter
    # AVG art. 13: the data protection officer, the privacy statement, how long data are kept.
    dpo_name: str = ""
    dpo_email: str = ""
    dpo_phone: str = ""
    privacy_statement: str = ""  # where the municipal privacy statement is (an address)
    retention_data: str = ""  # "15 jaar na het einde van de hulp"
    retention_statement: str = ""  # how long the signed statement is kept

    def __post_init__(self) -> None:
        normalise_text_fields(self)


@dataclass(frozen=True, slots=True)
class ConsentResident:
    name: str = field(repr=False)
    birth_date: dt.date = field(repr=False)
    # Only when the municipality has a legal basis to put the BSN on the statement (ZW-5,
    # DOMAIN.md "Consent"); see ConsentStatement.bsn_required. Printed in full when present:
    # a masked number on a legal document identifies nobody.
    bsn: Bsn | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        normalise_text_fields(self)


class ItemKind(StrEnum):
    """What an item asks of the resident (DOMAIN.md "Consent is not the basis for a statutory
    task")."""

    # Verdieping: a free choice; the basis is the consent itself (AVG art. 6 lid 1 onder a;
    # for health data art. 9 lid 2 onder a).
    CONSENT = "toestemming"
    # Toetsing, requested from a professional with secrecy: the municipality's basis is its
    # statutory task (AVG art. 6 lid 1 onder e), but the professional may give the data only
    # with the resident's consent (WGBO art. 7:457; Jeugdwet art. 7.3.11): a release from
    # secrecy. Never "you decide" about the municipality's task.
    RELEASE = "vrijgave"
    # Toetsing otherwise: the statutory task; the resident is informed, there is nothing to
    # consent to (AVG art. 7 lid 4 and overweging 43: refusing would cost the provision).
    INFORMATION = "informatie"

    @property
    def needs_choice(self) -> bool:
        return self is not ItemKind.INFORMATION


def item_kind(direction: Direction, basis: Basis, secrecy: SecrecyRegime) -> ItemKind:
    if basis is Basis.VERDIEPING:
        return ItemKind.CONSENT
    if direction is Direction.REQUEST_FROM and secrecy is not SecrecyRegime.NONE:
        return ItemKind.RELEASE
    return ItemKind.INFORMATION


@dataclass(frozen=True, slots=True)
class ConsentItem:
    """One organisation, one direction, one purpose: one thing each deciding signer says yes
    or no to (or, for the statutory task, is informed about)."""

    purpose: str = field(repr=False)
    data_items: tuple[str, ...] = field(repr=False)
    organisation_name: str  # the kind of organisation, from the catalogue ("Huisarts")
    direction: Direction
    basis: Basis
    # Printed so the resident knows why written consent is asked (ZW-4, ZU-A4C).
    secrecy: SecrecyRegime = SecrecyRegime.NONE
    # The real name, typed on the data request ("Huisartsenpraktijk De Linde"): consent is
    # specific to an organisation, not to a kind of organisation.
    organisation_named: str = field(default="", repr=False)
    # About money: only a bewindvoerder (or curator) may decide for a resident who cannot.
    financial: bool = False

    def __post_init__(self) -> None:
        normalise_text_fields(self)

    @property
    def kind(self) -> ItemKind:
        return item_kind(self.direction, self.basis, self.secrecy)

    @property
    def shown_name(self) -> str:
        """'Huisartsenpraktijk De Linde (huisarts)', or the catalogue name alone."""
        return shown_organisation(self.organisation_named, self.organisation_name)


def shown_organisation(named: str, catalogue_name: str) -> str:
    """The organisation as printed: the real name with the catalogue type in brackets when
    they differ."""
    if not named:
        return catalogue_name
    # "School (leerkracht of intern begeleider)" → "school": no brackets inside brackets.
    kind = re.sub(r"\s*\([^()]*\)", "", catalogue_name).strip() or catalogue_name
    if named.casefold() in (catalogue_name.casefold(), kind.casefold()):
        return named
    if kind.casefold() in named.casefold():
        return named  # "GGD jeugdarts" already says what it is
    return f"{named} ({kind.lower()})"


@dataclass(frozen=True, slots=True)
class ConsentStatement:
    document_number: str
    # A reprint of a *changed* statement gets a new version and a new document number; the
    # service keeps the chain. A reprint of the same content keeps number and hash.
    statement_version: int
    template_id: str
    template_version: int
    # ConsentTemplate.content_hash() of the text shown: an edited template that kept its version
    # number still yields a different statement hash (DOMAIN.md: "the version of the text shown").
    template_hash: str = field(repr=False)
    controller: Controller = field(repr=False)
    resident: ConsentResident = field(repr=False)
    items: tuple[ConsentItem, ...] = field(repr=False)
    valid_until: dt.date = field(repr=False)
    # The day the statement was made: the signer rule is decided on it, and checked again on
    # each signing date. Date and place of signing are not printed: the signers write them.
    composed_on: dt.date = field(repr=False)
    signers: SignerRequirement = field(repr=False)
    # Explicit municipal setting: the BSN is printed only when the municipality requires it.
    bsn_required: bool = False

    def __post_init__(self) -> None:
        normalise_text_fields(self)

    def canonical_content(self) -> dict[str, Any]:
        """Everything that is printed, as plain JSON-able data."""
        return {
            "schema": "WI-TV-2",
            "document_number": normalise_document_number(self.document_number),
            "statement_version": self.statement_version,
            "template": {
                "id": self.template_id,
                "version": self.template_version,
                "hash": self.template_hash,
            },
            "controller": {
                "municipality": self.controller.municipality,
                "team": self.controller.team,
                "worker_name": self.controller.worker_name,
                "worker_role": self.controller.worker_role,
                "team_phone": self.controller.team_phone,
                "team_email": self.controller.team_email,
                "team_address": self.controller.team_address,
                "dpo_name": self.controller.dpo_name,
                "dpo_email": self.controller.dpo_email,
                "dpo_phone": self.controller.dpo_phone,
                "privacy_statement": self.controller.privacy_statement,
                "retention_data": self.controller.retention_data,
                "retention_statement": self.controller.retention_statement,
            },
            "resident": {
                "name": self.resident.name,
                "birth_date": self.resident.birth_date,
                "bsn": self.resident.bsn.digits if self.resident.bsn is not None else None,
            },
            "items": [
                {
                    "purpose": item.purpose,
                    "data_items": list(item.data_items),
                    "organisation": item.organisation_name,
                    "organisation_named": item.organisation_named,
                    "direction": item.direction.value,
                    "basis": item.basis.value,
                    "secrecy": item.secrecy.value,
                    "kind": item.kind.value,
                    "financial": item.financial,
                    "deciders": list(deciders(self.signers.signers, item)),
                }
                for item in self.items
            ],
            "valid_until": self.valid_until,
            "composed_on": self.composed_on,
            "signers": {
                "rule": self.signers.rule.value,
                "age": self.signers.age,
                "explanation": self.signers.explanation,
                "exception_reason": self.signers.exception_reason,
                "signers": [
                    {"role": s.role.value, "name": s.name, "competence": s.competence.value,
                     "relation": s.relation.value if s.relation else None}
                    for s in self.signers.signers
                ],
            },
        }

    def content_hash(self) -> str:
        """SHA-256 (lower-case hex) over the canonical JSON of everything printed."""
        return sha256_hex(canonical_json(self.canonical_content()))

    def qr_payload(self) -> str:
        return qr_payload(self.document_number, self.content_hash())


# ---------------------------------------------------------------------------------------------
# Who decides on which item, what they chose, and what that means for each item
# ---------------------------------------------------------------------------------------------

# Statements made before the per-signer model printed one Ja/Nee column for all signers
# together: their choices are recorded once, under this pseudo signer.
LEGACY_SHARED = -1


def deciders(signers: Sequence[Signer], item: ConsentItem) -> tuple[int, ...]:
    """The signers (by index) whose own Ja/Nee the item needs: none for information; else
    everyone competent for it (a bewindvoerder only for money, a mentor only for the rest)."""
    if not item.kind.needs_choice:
        return ()
    return tuple(i for i, signer in enumerate(signers) if signer.decides(item.financial))


class Choice(StrEnum):
    JA = "ja"
    NEE = "nee"
    LEEG = "leeg"  # the box was left empty (or is unreadable on the scan)


@dataclass(frozen=True, slots=True)
class SignerRecord:
    """What one signer did on the paper: signed or not, when, and the Ja/Nee per item (by
    item index). A later record for the same signer replaces the earlier one (a parent who
    signs a week later)."""

    signer: int
    signed: bool
    signed_on: dt.date | None = None
    choices: Mapping[int, Choice] = field(default_factory=dict)

    def choice(self, item: int) -> Choice:
        return self.choices.get(item, Choice.LEEG) if self.signed else Choice.LEEG

    def to_dict(self) -> dict[str, Any]:
        return {"signer": self.signer, "signed": self.signed,
                "signed_on": self.signed_on.isoformat() if self.signed_on else None,
                "choices": {str(k): v.value for k, v in sorted(self.choices.items())}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SignerRecord:
        on = data.get("signed_on")
        return cls(int(data["signer"]), bool(data["signed"]),
                   dt.date.fromisoformat(on) if on else None,
                   {int(k): Choice(v) for k, v in (data.get("choices") or {}).items()})


class ItemOutcome(StrEnum):
    OPEN = "open"  # not signed yet
    NOT_NEEDED = "niet_nodig"  # information only
    GIVEN = "gegeven"  # every decider signed and ticked Ja
    REFUSED = "geweigerd"  # a decider ticked Nee, or the statement was refused as a whole
    INCOMPLETE = "onvolledig"  # a decider has not signed yet, or left the box empty
    WITHDRAWN = "ingetrokken"
    EXPIRED = "verlopen"  # given, but the validity date has passed

    @property
    def label(self) -> Message:
        return Message(f"consent.outcome.{self.value}")


@dataclass(frozen=True, slots=True)
class StoredItem:
    index: int
    kind: ItemKind
    organisation: str  # as printed
    deciders: tuple[int, ...]
    # What the signers said yes or no to: a request that no longer says this is not covered
    # by the signature (consent is specific, AVG art. 4 lid 11).
    scope: ItemScope | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class ItemScope:
    """The printed facts of an item that a data request must still have for the signature to
    count for it."""

    catalogue_name: str  # "Huisarts"
    named: str | None  # the real name; None on papers from before it was printed
    direction: Direction
    basis: Basis
    purpose: str
    data_items: tuple[str, ...]

    @classmethod
    def from_content(cls, raw: Mapping[str, Any], *, legacy: bool) -> ItemScope:
        return cls(nfc(str(raw["organisation"])).strip(),
                   None if legacy else nfc(str(raw.get("organisation_named") or "")).strip(),
                   Direction(raw["direction"]), Basis(raw["basis"]),
                   nfc(str(raw["purpose"])).strip(),
                   tuple(nfc(str(d)).strip() for d in raw["data_items"]))

    def matches(self, catalogue_name: str, named: str, direction: Direction, basis: Basis,
                purpose: str, data_items: Sequence[str]) -> bool:
        return (self.catalogue_name == nfc(catalogue_name).strip()
                and (self.named is None or self.named == nfc(named).strip())
                and self.direction is direction and self.basis is basis
                and self.purpose == nfc(purpose).strip()
                and self.data_items == tuple(nfc(d).strip() for d in data_items))


@dataclass(frozen=True, slots=True)
class StoredSigner:
    index: int
    role: SignerRole
    name: str = field(repr=False)
    competence: Competence = Competence.ALL
    relation: Relation | None = None


@dataclass(frozen=True, slots=True)
class StoredStatement:
    """A statement as it was printed (its canonical content), read back for recording
    signatures and deciding outcomes: both the current schema and the first one."""

    schema: str
    rule: SignerRule
    age: int
    signers: tuple[StoredSigner, ...]
    items: tuple[StoredItem, ...]
    valid_until: dt.date
    composed_on: dt.date
    resident_name: str = field(repr=False)
    birth_date: dt.date = field(repr=False)

    @property
    def legacy(self) -> bool:
        """Made before the per-signer model: one shared Ja/Nee column (see LEGACY_SHARED)."""
        return self.schema == "WI-TV-1"

    @classmethod
    def from_content(cls, content: Mapping[str, Any]) -> StoredStatement:
        schema = str(content.get("schema", "WI-TV-1"))
        raw_signers = content["signers"]["signers"]
        signers: list[StoredSigner] = []
        for index, raw in enumerate(raw_signers):
            if isinstance(raw, Mapping):
                relation = raw.get("relation")
                signers.append(StoredSigner(index, SignerRole(raw["role"]), str(raw["name"]),
                                            Competence(raw.get("competence", "alles")),
                                            Relation(relation) if relation else None))
            else:  # WI-TV-1: [role, name]
                signers.append(StoredSigner(index, SignerRole(raw[0]), str(raw[1])))
        items: list[StoredItem] = []
        for index, raw in enumerate(content["items"]):
            legacy = schema == "WI-TV-1"
            scope = ItemScope.from_content(raw, legacy=legacy)
            if legacy:
                # The old paper had one Ja/Nee column per item for everyone.
                items.append(StoredItem(index, ItemKind.CONSENT, str(raw["organisation"]),
                                        (LEGACY_SHARED,), scope))
            else:
                items.append(StoredItem(index, ItemKind(raw["kind"]),
                                        shown_organisation(str(raw.get("organisation_named")
                                                               or ""), str(raw["organisation"])),
                                        tuple(int(d) for d in raw["deciders"]), scope))
        composed = content.get("composed_on") or content.get("signing_date")
        return cls(schema, SignerRule(content["signers"]["rule"]),
                   int(content["signers"]["age"]), tuple(signers), tuple(items),
                   dt.date.fromisoformat(content["valid_until"]),
                   dt.date.fromisoformat(str(composed)),
                   str(content["resident"]["name"]),
                   dt.date.fromisoformat(content["resident"]["birth_date"]))

    def decider_indexes(self) -> tuple[int, ...]:
        """Everyone whose record is needed: the signers, plus the shared column of an old
        statement."""
        shared = (LEGACY_SHARED,) if self.legacy else ()
        return (*shared, *(s.index for s in self.signers))


def latest_records(records: Iterable[SignerRecord]) -> dict[int, SignerRecord]:
    latest: dict[int, SignerRecord] = {}
    for record in records:
        latest[record.signer] = record
    return latest


def item_outcomes(statement: StoredStatement, records: Iterable[SignerRecord] | None, *,
                  refused: bool = False, withdrawn: Iterable[int] = (),
                  today: dt.date | None = None) -> dict[int, ItemOutcome]:
    """Per item: what the signatures mean (AVG art. 4 lid 11 and 7 lid 1: consent is specific
    and provable, so a Nee on paper counts, per signer and per item). `records` None: nothing
    signed yet. `withdrawn`: items whose consent was withdrawn; `today`: for the validity."""
    gone = set(withdrawn)
    latest = latest_records(records) if records is not None else None
    outcomes: dict[int, ItemOutcome] = {}
    for item in statement.items:
        if not item.kind.needs_choice:
            outcomes[item.index] = ItemOutcome.NOT_NEEDED
            continue
        if refused:
            outcomes[item.index] = ItemOutcome.REFUSED
            continue
        if latest is None:
            outcomes[item.index] = ItemOutcome.OPEN
            continue
        choices = []
        for decider in item.deciders:
            record = latest.get(decider)
            if decider == LEGACY_SHARED:
                choices.append(record.choice(item.index) if record else Choice.LEEG)
            elif statement.legacy:
                # Old paper: the signers signed, the choice is the shared column's.
                choices.append(Choice.JA if record and record.signed else Choice.LEEG)
            else:
                choices.append(record.choice(item.index) if record else Choice.LEEG)
        if statement.legacy:
            signed_all = all(latest.get(s.index) is not None and latest[s.index].signed
                             for s in statement.signers)
            if not signed_all:
                choices.append(Choice.LEEG)
        if Choice.NEE in choices:
            outcome = ItemOutcome.REFUSED
        elif choices and all(c is Choice.JA for c in choices):
            outcome = ItemOutcome.GIVEN
        else:
            outcome = ItemOutcome.INCOMPLETE
        if outcome is not ItemOutcome.REFUSED and item.index in gone:
            # Withdrawn by one of the signers: whatever the others said, it ends here.
            outcome = ItemOutcome.WITHDRAWN
        elif outcome is ItemOutcome.GIVEN and today is not None and today > statement.valid_until:
            outcome = ItemOutcome.EXPIRED
        outcomes[item.index] = outcome
    return outcomes


def signing_date_problem(statement: StoredStatement, signed_on: dt.date) -> Message | None:
    """The age is taken on the date of signing: when it puts the resident under another rule
    than the one the statement was made for (a 15-year-old who signs on the 16th birthday),
    other people must sign and the statement no longer fits. Turning 18 changes nothing: the
    16-year-old already signed alone; nor does turning 16 for a young person who already
    decided without the parents (WGBO 7:450 lid 2): the same one person signs."""
    if signed_on < statement.birth_date:
        return Message("consent.problem.signing_before_birth")
    if not statement.rule.minor and statement.rule is not SignerRule.FROM_16_TO_17:
        return None
    exception = statement.rule is SignerRule.FROM_12_TO_15_WITHOUT_PARENTS
    now = rule_on(statement.birth_date, signed_on, exception=exception)
    same_signers = {(SignerRule.FROM_16_TO_17, SignerRule.ADULT),
                    (SignerRule.FROM_12_TO_15_WITHOUT_PARENTS, SignerRule.FROM_16_TO_17)}
    if now is statement.rule or (statement.rule, now) in same_signers:
        return None
    return Message("consent.problem.rule_changed_at_signing", date=signed_on,
                   age=age_on(statement.birth_date, signed_on),
                   name=statement.resident_name)


def normalise_text_fields(obj: Any) -> None:
    """NFC-normalise and strip every text field (and tuples of text) of a frozen dataclass."""
    for name in obj.__dataclass_fields__:
        value = getattr(obj, name)
        if isinstance(value, str) and not isinstance(value, StrEnum):
            object.__setattr__(obj, name, nfc(value).strip())
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            object.__setattr__(obj, name, tuple(nfc(v).strip() for v in value))


# Limits keep one item box on one page; longer text belongs in the gespreksverslag.
MAX_PURPOSE_CHARS = 600
MAX_DATA_ITEM_CHARS = 200
MAX_DATA_ITEMS = 15
MAX_ITEMS = 12


def statement_problems(
    statement: ConsentStatement, template: ConsentTemplate | None = None
) -> list[Message]:
    """Everything that must be fixed before the statement can be printed, as messages for the
    worker (consent.problem.*).

    An empty list means: ready to print. With `template`, also checks that the statement was made
    for this template and that every placeholder the template uses has a value.
    """
    problems: list[Message] = []
    c = statement.controller
    if document_number_problem(statement.document_number) is not None:
        problems.append(Message("consent.problem.document_number"))
    if statement.statement_version < 1:
        problems.append(Message("consent.problem.version"))
    for value, what in (
        (c.municipality, _WHAT["gemeente"]),
        (c.team, _WHAT["team"]),
        (c.worker_name, _WHAT["medewerker"]),
        (c.worker_role, _WHAT["functie"]),
    ):
        if not value:
            problems.append(Message("consent.problem.setting_missing", what=what))
    if not (c.team_phone or c.team_email or c.team_address):
        problems.append(Message("consent.problem.contact_missing"))
    # AVG art. 13: whom to ask about privacy, and how long the data are kept.
    if not (c.dpo_email or c.dpo_phone):
        problems.append(Message("consent.problem.setting_missing", what=_WHAT["fg"]))
    for value, key in ((c.privacy_statement, "privacyverklaring"),
                       (c.retention_data, "bewaartermijn"),
                       (c.retention_statement, "bewaartermijn_verklaring")):
        if not value:
            problems.append(Message("consent.problem.setting_missing", what=_WHAT[key]))
    if not statement.resident.name:
        problems.append(Message("consent.problem.resident_name"))
    if statement.bsn_required and statement.resident.bsn is None:
        problems.append(Message("consent.problem.bsn_required"))
    if not statement.bsn_required and statement.resident.bsn is not None:
        problems.append(Message("consent.problem.bsn_not_asked"))
    if not statement.items:
        problems.append(Message("consent.problem.no_items"))
    if len(statement.items) > MAX_ITEMS:
        problems.append(Message("consent.problem.too_many_items", n=len(statement.items),
                                max=MAX_ITEMS))
    for number, item in enumerate(statement.items, start=1):
        problems.extend(Message("consent.problem.item", number=number, problem=problem)
                        for problem in _item_problems(item))
        if item.kind.needs_choice and not deciders(statement.signers.signers, item):
            # E.g. a financial item when only a mentor may decide (BW 1:453): nobody may.
            problems.append(Message("consent.problem.item", number=number,
                                    problem=Message("consent.problem.item.nobody_decides")))
    if not any(item.kind.needs_choice for item in statement.items) and statement.items:
        problems.append(Message("consent.problem.nothing_to_sign"))
    if statement.valid_until < statement.composed_on:
        problems.append(Message("consent.problem.valid_until"))
    if statement.composed_on < statement.resident.birth_date:
        problems.append(Message("consent.problem.signing_before_birth"))
    else:
        problems.extend(_signer_problems(statement))
    if template is not None:
        problems.extend(_template_match_problems(statement, template))
    return problems


# What a setting or placeholder is, in a sentence: "Vul {what} in bij de instellingen."
_WHAT: dict[str, Message] = {
    "gemeente": Message("consent.what.gemeente"),
    "team": Message("consent.what.team"),
    "medewerker": Message("consent.what.medewerker"),
    "functie": Message("consent.what.functie"),
    "team_telefoon": Message("consent.what.team_telefoon"),
    "team_email": Message("consent.what.team_email"),
    "team_adres": Message("consent.what.team_adres"),
    "fg": Message("consent.what.fg"),
    "fg_naam": Message("consent.what.fg"),
    "fg_email": Message("consent.what.fg"),
    "fg_telefoon": Message("consent.what.fg"),
    "privacyverklaring": Message("consent.what.privacyverklaring"),
    "bewaartermijn": Message("consent.what.bewaartermijn"),
    "bewaartermijn_verklaring": Message("consent.what.bewaartermijn_verklaring"),
}


def setting_what(placeholder: str) -> Message:
    """'de naam van de gemeente', 'jouw functie', … for a placeholder of the statement's text
    that comes from the settings (gemeente, team, medewerker, functie, team_*)."""
    return _WHAT[placeholder]


def _item_problems(item: ConsentItem) -> list[Message]:
    """What is wrong with one item; the caller says which item ("Onderdeel 2: …")."""
    problems: list[Message] = []
    if not item.organisation_name:
        problems.append(Message("consent.problem.item.organisation"))
    elif item.kind.needs_choice and not item.organisation_named:
        # Consent is specific (AVG art. 4 lid 11): to this practice or school, not to "a GP".
        problems.append(Message("consent.problem.item.real_name"))
    if not item.purpose:
        problems.append(Message("consent.problem.item.purpose"))
    elif len(item.purpose) > MAX_PURPOSE_CHARS:
        problems.append(Message("consent.problem.item.purpose_too_long", n=len(item.purpose),
                                max=MAX_PURPOSE_CHARS))
    if not item.data_items:
        problems.append(Message("consent.problem.item.no_data"))
    elif any(not d for d in item.data_items):
        problems.append(Message("consent.problem.item.empty_data"))
    if len(item.data_items) > MAX_DATA_ITEMS:
        problems.append(Message("consent.problem.item.too_many_data", n=len(item.data_items),
                                max=MAX_DATA_ITEMS))
    if any(len(d) > MAX_DATA_ITEM_CHARS for d in item.data_items):
        problems.append(Message("consent.problem.item.data_too_long", max=MAX_DATA_ITEM_CHARS))
    return problems


def _signer_problems(statement: ConsentStatement) -> list[Message]:
    req = statement.signers
    problems: list[Message] = []
    if not req.signers:
        problems.append(Message("consent.problem.no_signers"))
    for signer in req.signers:
        if not signer.name.strip():
            problems.append(Message("consent.problem.signer_name", role=signer.role.word))
    age = age_on(statement.resident.birth_date, statement.composed_on)
    if age != req.age:
        problems.append(Message("consent.problem.signer_age", age=age, decided=req.age))
    if req.rule in (SignerRule.FROM_12_TO_15, SignerRule.FROM_12_TO_15_WITHOUT_PARENTS,
                    SignerRule.FROM_16_TO_17, SignerRule.ADULT):
        own = [s for s in req.signers if s.role in (SignerRole.RESIDENT, SignerRole.YOUNG_PERSON)]
        if not own or nfc(own[0].name).strip() != statement.resident.name:
            problems.append(Message("consent.problem.signer_resident_name"))
    if req.rule in (SignerRule.UNDER_12, SignerRule.FROM_12_TO_15) and not req.custody_checked:
        problems.append(Message("consent.problem.custody_not_checked"))
    if req.rule is SignerRule.FROM_12_TO_15_WITHOUT_PARENTS and not req.exception_reason:
        problems.append(Message("consent.problem.exception_reason"))
    return problems


# Placeholders whose empty value is reported by a problem of its own above.
_REPORTED_ELSEWHERE = frozenset({
    "gemeente", "team", "medewerker", "functie", "inwoner", "fg_naam", "fg_email",
    "fg_telefoon", "privacyverklaring", "bewaartermijn", "bewaartermijn_verklaring",
})


def _template_match_problems(statement: ConsentStatement,
                             template: ConsentTemplate) -> list[Message]:
    problems: list[Message] = []
    if (statement.template_id, statement.template_version) != (template.id, template.version):
        problems.append(Message(
            "consent.problem.template_changed", made_id=statement.template_id,
            made_version=statement.template_version, current_id=template.id,
            current_version=template.version))
    elif statement.template_hash != template.content_hash():
        problems.append(Message("consent.problem.template_edited"))
    values = placeholder_values(statement)
    missing = sorted(
        name
        for name in template.placeholders_used(include_bullets=False)
        if name in values and not values[name] and name not in _REPORTED_ELSEWHERE
    )
    for name in missing:
        # Only the team's contact details can be empty here (dates are always filled in).
        what = _WHAT.get(name)
        if what is not None:
            problems.append(Message("consent.problem.template_value_missing", what=what))
    return problems


class StatementNotReady(MessageError, ValueError):
    """Raised when printing a statement that still has problems; `.problems` lists them (they
    are the error's details). A ValueError as well, as it always was."""

    def __init__(self, problems: Iterable[Message]) -> None:
        self.problems: tuple[Message, ...] = tuple(problems)
        super().__init__(Message("consent.not_ready"), details=self.problems)


# ---------------------------------------------------------------------------------------------
# The text template (forms/toestemmingsverklaring.yaml)
# ---------------------------------------------------------------------------------------------

# The information paragraphs, in printed order; the PDF layout knows where each one goes.
# Required: a template without one of them would print a statement that misses what the law
# asks (AVG art. 7 and 13; DOMAIN.md "Consent" and "AVG art. 13/14 information").
SECTION_KEYS = (
    "verantwoordelijke",  # who is responsible (controller)
    "doel",  # what this statement is for
    "vrijwillig",  # the free choices: yes is voluntary, no has no consequence for the help
    "wettelijke_taak",  # consent does not replace the municipality's legal basis
    "toestemming",  # introduction of the consent items (the part the signers decide on)
    "vrijgave",  # introduction of the release-from-secrecy items (WGBO 7:457)
    "informatie",  # introduction of the information items (statutory task, no choice)
    "geldigheid",  # valid until
    "intrekken",  # the right to withdraw, how, and that earlier processing stays lawful
    "privacy",  # FG contact, the rights, complaint to the AP, the privacy statement (art. 13)
    "bewaren",  # how long the data and the statement are kept (art. 13 lid 2 onder a)
    "kopie",  # the resident gets a copy
    "ondertekening",  # what signing means, above the signature blocks
    "medewerker",  # the worker's block
)

LABEL_KEYS = (
    "documentnummer", "versie", "opgesteld_op", "gegevens_inwoner", "naam", "geboortedatum",
    "bsn", "onderdeel", "organisatie", "opvragen_bij", "verstrekken_aan", "doel", "gegevens",
    "beroepsgeheim", "grondslag", "nee_zeggen", "bezwaar", "keuze_van", "ja", "nee",
    "vrijgave_ja", "vrijgave_nee", "geen_keuze", "rol", "namens", "van", "plaats", "datum",
    "handtekening", "functie", "wie_tekent",
)  # fmt: skip

# Placeholders any text may use; filled by `placeholder_values`.
GENERAL_PLACEHOLDERS = frozenset(
    {
        "gemeente", "team", "medewerker", "functie", "inwoner", "geldig_tot", "team_telefoon",
        "team_email", "team_adres", "fg_naam", "fg_email", "fg_telefoon", "privacyverklaring",
        "bewaartermijn", "bewaartermijn_verklaring", "gegevens_van",
    }
)  # fmt: skip
# Texts printed inside an item box may also name the organisation of that item.
ITEM_PLACEHOLDERS = GENERAL_PLACEHOLDERS | {"organisatie"}

# Per section: groups of placeholders of which at least one must appear. A template without
# them would print a statement that misses what the law requires (who is responsible, until
# when, how to withdraw, whom to ask about privacy, how long data are kept).
_REQUIRED_PLACEHOLDERS: dict[str, tuple[frozenset[str], ...]] = {
    "verantwoordelijke": (frozenset({"gemeente"}), frozenset({"team"})),
    "geldigheid": (frozenset({"geldig_tot"}),),
    "intrekken": (
        frozenset({"team", "medewerker"}),
        frozenset({"team_telefoon", "team_email", "team_adres"}),
    ),
    # AVG art. 13 lid 1 onder b: the contact details of the FG; lid 2: the privacy statement.
    "privacy": (frozenset({"fg_email", "fg_telefoon"}), frozenset({"privacyverklaring"})),
    # AVG art. 13 lid 2 onder a: how long the data are kept.
    "bewaren": (frozenset({"bewaartermijn"}), frozenset({"bewaartermijn_verklaring"})),
}
# Words a section must contain: the rights the resident has and where to complain (AVG art. 13
# lid 2 onder b and d). Checked case-insensitively on the Dutch text.
_REQUIRED_WORDS: dict[str, tuple[str, ...]] = {
    "privacy": ("inzage", "verbeter", "verwijder", "beperk", "bezwaar",
                "Autoriteit Persoonsgegevens"),
    "intrekken": ("intrekken",),
}

_PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True, slots=True)
class Label:
    nl: str  # printed
    en: str  # for the worker's UI


@dataclass(frozen=True, slots=True)
class TemplateSection:
    heading: str  # Dutch, printed
    heading_en: str  # English, for the worker's UI
    text: str  # Dutch with {placeholders}; blank lines separate paragraphs, "- " starts a bullet


@dataclass(frozen=True)
class ConsentTemplate:
    id: str
    version: int
    title: Label
    subtitle: str
    sections: Mapping[str, TemplateSection]
    labels: Mapping[str, Label]
    roles: Mapping[SignerRole, Label]
    refusal: Mapping[ItemKind, str]  # what saying no means, per kind of item
    legal_basis: Mapping[ItemKind, str]  # the basis of the processing, per kind of item
    # Why the organisation needs the resident's word, per direction and regime; no row when
    # absent (an organisation without secrecy).
    secrecy: Mapping[tuple[Direction, SecrecyRegime], str]
    # The municipality's own sections, printed after the required information.
    own_sections: tuple[TemplateSection, ...] = ()
    source: str = field(default="", compare=False)

    def refusal_text(self, kind: ItemKind) -> str:
        return self.refusal[kind]

    def basis_text(self, kind: ItemKind) -> str:
        return self.legal_basis[kind]

    def secrecy_text(self, direction: Direction, regime: SecrecyRegime) -> str | None:
        return self.secrecy.get((direction, regime))

    def canonical_content(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "title": [self.title.nl, self.title.en],
            "subtitle": self.subtitle,
            "sections": {k: [s.heading, s.heading_en, s.text] for k, s in self.sections.items()},
            "own_sections": [[s.heading, s.heading_en, s.text] for s in self.own_sections],
            "labels": {k: [v.nl, v.en] for k, v in self.labels.items()},
            "roles": {k.value: [v.nl, v.en] for k, v in self.roles.items()},
            "refusal": {k.value: v for k, v in self.refusal.items()},
            "legal_basis": {k.value: v for k, v in self.legal_basis.items()},
            "secrecy": {f"{d.value}.{r.value}": v for (d, r), v in self.secrecy.items()},
        }

    def content_hash(self) -> str:
        return sha256_hex(canonical_json(self.canonical_content()))

    def placeholders_used(self, *, include_bullets: bool = True) -> frozenset[str]:
        """Placeholder names in all printed texts. Bullet lines may be left out: a bullet whose
        placeholders are all empty is dropped when printing (a team without e-mail simply gets
        no e-mail line), so an empty value there is not a problem."""
        texts = [s.text for s in self.sections.values()]
        texts += [s.text for s in self.own_sections]
        texts += list(self.refusal.values()) + list(self.legal_basis.values())
        texts += list(self.secrecy.values())
        texts += [self.subtitle]
        if not include_bullets:
            texts = [
                "\n".join(ln for ln in t.splitlines() if not ln.lstrip().startswith("- "))
                for t in texts
            ]
        return frozenset(name for t in texts for name in _PLACEHOLDER_RE.findall(t))


def data_of(statement: ConsentStatement) -> str:
    """Whose data, as the paper says it to the people who sign: "uw gegevens" when the resident
    signs alone, else "de gegevens van <name>" (a parent reads about the child, a curator about
    the resident); "de gegevens van uw kind <name>" when only parents sign (under 12)."""
    own = statement.signers.signers
    if len(own) == 1 and own[0].role in (SignerRole.RESIDENT, SignerRole.YOUNG_PERSON):
        return "uw gegevens"
    if own and all(s.role is SignerRole.PARENT_WITH_CUSTODY for s in own):
        return f"de gegevens van uw kind {statement.resident.name}"
    return f"de gegevens van {statement.resident.name}"


def placeholder_values(statement: ConsentStatement) -> dict[str, str]:
    c = statement.controller
    return {
        "gemeente": c.municipality,
        "team": c.team,
        "medewerker": c.worker_name,
        "functie": c.worker_role,
        "inwoner": statement.resident.name,
        "geldig_tot": format_date_long(statement.valid_until),
        "team_telefoon": c.team_phone,
        "team_email": c.team_email,
        "team_adres": c.team_address,
        "fg_naam": c.dpo_name,
        "fg_email": c.dpo_email,
        "fg_telefoon": c.dpo_phone,
        "privacyverklaring": c.privacy_statement,
        "bewaartermijn": c.retention_data,
        "bewaartermijn_verklaring": c.retention_statement,
        "gegevens_van": data_of(statement),
    }


def fill_placeholders(text: str, values: Mapping[str, str]) -> str:
    """Replace {name} with values[name]. The loader has already rejected unknown names."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"plaatshouder {{{name}}} heeft geen waarde")
        return values[name]

    return _PLACEHOLDER_RE.sub(replace, text)


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A printed paragraph, or a bullet list when `bullets` is non-empty."""

    text: str = ""
    bullets: tuple[str, ...] = ()


def render_blocks(text: str, values: Mapping[str, str]) -> tuple[TextBlock, ...]:
    """Split template text into paragraphs and bullet lists and fill the placeholders.

    Blank lines separate blocks; single line breaks inside a paragraph are only there to keep
    the YAML readable and become spaces. A bullet line whose placeholders are all empty is
    dropped (see ConsentTemplate.placeholders_used).
    """
    blocks: list[TextBlock] = []
    for raw in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
        if not lines:
            continue
        if all(ln.startswith("- ") for ln in lines):
            bullets = []
            for ln in lines:
                names = _PLACEHOLDER_RE.findall(ln)
                if names and all(not values.get(n) for n in names):
                    continue
                bullets.append(fill_placeholders(ln[2:].strip(), values))
            if bullets:
                blocks.append(TextBlock(bullets=tuple(bullets)))
        else:
            blocks.append(TextBlock(text=fill_placeholders(" ".join(lines), values)))
    return tuple(blocks)


def load_consent_template(path: Path) -> ConsentTemplate:
    """Load and check a consent text template; a DefinitionError names the file and line."""
    return _build_template(load_yaml_file(path), str(path))


def parse_consent_template(text: str, source: str) -> ConsentTemplate:
    return _build_template(load_yaml_text(text, source), source)


_TOP_KEYS = {
    "id", "version", "titel", "en", "ondertitel", "onderdelen", "eigen_onderdelen", "labels",
    "rollen", "weigeren", "grondslag", "beroepsgeheim",
}  # fmt: skip
_SECTION_KEYS = {"kop", "en", "tekst"}


def _build_template(data: Any, source: str) -> ConsentTemplate:
    if not isinstance(data, LocatedDict):
        raise DefinitionError(source, None, Message("definition.consent.not_keys"))
    _no_unknown_keys(data, _TOP_KEYS, source, Message("definition.consent.at_top"))
    template_id = _text(data, "id", source)
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", template_id):
        raise DefinitionError(source, data.line_of("id"), Message("definition.consent.bad_id"))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DefinitionError(source, data.line_of("version"),
                              Message("definition.consent.bad_version"))
    title = Label(_text(data, "titel", source), _text(data, "en", source))
    subtitle = _text(data, "ondertitel", source)
    _check_placeholders(subtitle, GENERAL_PLACEHOLDERS, source, data.line_of("ondertitel"))

    sections_node = _mapping(data, "onderdelen", source)
    _no_unknown_keys(sections_node, set(SECTION_KEYS), source, _under("onderdelen"))
    sections: dict[str, TemplateSection] = {}
    for key in SECTION_KEYS:
        node = _mapping(sections_node, key, source)
        section = _section(node, key, source)
        line = node.line_of("tekst")
        used = _check_placeholders(section.text, GENERAL_PLACEHOLDERS, source, line)
        for group in _REQUIRED_PLACEHOLDERS.get(key, ()):
            if not used & group:
                *first, last = ("{" + n + "}" for n in sorted(group))
                problem = (Message("definition.consent.needs_one_of", section=key,
                                   names=Joined(first), last=last) if first
                           else Message("definition.consent.needs", section=key, name=last))
                raise DefinitionError(source, line, problem)
        folded = section.text.casefold()
        for word in _REQUIRED_WORDS.get(key, ()):
            if word.casefold() not in folded:
                raise DefinitionError(source, line, Message(
                    "definition.consent.needs_word", section=key, word=word))
        sections[key] = section

    own: list[TemplateSection] = []
    if "eigen_onderdelen" in data:
        raw = data["eigen_onderdelen"]
        if not isinstance(raw, list):
            raise DefinitionError(source, data.line_of("eigen_onderdelen"),
                                  Message("definition.consent.own_sections_list"))
        for position, node in enumerate(raw, start=1):
            if not isinstance(node, LocatedDict):
                # The line of the wrong entry itself, so the editor finds it.
                line = (raw.line_of(position - 1) if isinstance(raw, LocatedList)
                        else data.line_of("eigen_onderdelen"))
                raise DefinitionError(source, line,
                                      Message("definition.consent.own_sections_list"))
            section = _section(node, f"eigen_onderdelen {position}", source)
            _check_placeholders(section.text, GENERAL_PLACEHOLDERS, source,
                                node.line_of("tekst"))
            own.append(section)

    labels_node = _mapping(data, "labels", source)
    _no_unknown_keys(labels_node, set(LABEL_KEYS), source, _under("labels"))
    labels = {key: _label(labels_node, key, source) for key in LABEL_KEYS}

    roles_node = _mapping(data, "rollen", source)
    _no_unknown_keys(roles_node, {r.value for r in SignerRole}, source, _under("rollen"))
    roles = {role: _label(roles_node, role.value, source) for role in SignerRole}

    refusal = _per_kind(data, "weigeren", source)
    legal_basis = _per_kind(data, "grondslag", source)

    secrecy: dict[tuple[Direction, SecrecyRegime], str] = {}
    node = _mapping(data, "beroepsgeheim", source)
    _no_unknown_keys(node, {d.value for d in Direction}, source, _under("beroepsgeheim"))
    regimes = [r for r in SecrecyRegime if r is not SecrecyRegime.NONE]
    for direction in Direction:
        inner = _mapping(node, direction.value, source)
        _no_unknown_keys(inner, {r.value for r in regimes}, source, _under(direction.value))
        for regime in regimes:
            # BIG and SKJ must have a text in both directions (ZW-4, ZU-A4C); a
            # municipality may leave the general professional code out.
            if regime is SecrecyRegime.PROFESSIONAL_CODE and regime.value not in inner:
                continue
            text = _text(inner, regime.value, source)
            _check_placeholders(text, ITEM_PLACEHOLDERS, source, inner.line_of(regime.value))
            secrecy[(direction, regime)] = text

    return ConsentTemplate(
        id=template_id,
        version=version,
        title=title,
        subtitle=subtitle,
        sections=sections,
        labels=labels,
        roles=roles,
        refusal=refusal,
        legal_basis=legal_basis,
        secrecy=secrecy,
        own_sections=tuple(own),
        source=source,
    )


def _section(node: LocatedDict, key: str, source: str) -> TemplateSection:
    _no_unknown_keys(node, _SECTION_KEYS, source, _under(key))
    return TemplateSection(heading=_text(node, "kop", source),
                           heading_en=_text(node, "en", source),
                           text=_text(node, "tekst", source))


def _per_kind(data: LocatedDict, key: str, source: str) -> dict[ItemKind, str]:
    """A text for each kind of item: 'toestemming', 'vrijgave' and 'informatie'."""
    node = _mapping(data, key, source)
    _no_unknown_keys(node, {k.value for k in ItemKind}, source, _under(key))
    result: dict[ItemKind, str] = {}
    for kind in ItemKind:
        text = _text(node, kind.value, source)
        _check_placeholders(text, ITEM_PLACEHOLDERS, source, node.line_of(kind.value))
        result[kind] = text
    return result


def _under(key: str) -> Message:
    return Message("definition.consent.under", key=key)


def _no_unknown_keys(node: LocatedDict, allowed: set[str], source: str, where: Message) -> None:
    for key in node:
        if key not in allowed:
            problem = Message("definition.consent.unknown_key", key=key, where=where,
                              known=Joined(sorted(allowed)))
            raise DefinitionError(source, node.line_of(key), problem)


def _missing_line(node: LocatedDict) -> int:
    # A missing key is reported on the line of the key that owns the mapping ("rollen:"), not
    # on the mapping's first child, which is where PyYAML's node starts.
    return getattr(node, "owner_line", node.line)


def _mapping(node: LocatedDict, key: str, source: str) -> LocatedDict:
    if key not in node:
        raise DefinitionError(source, _missing_line(node),
                              Message("definition.consent.missing", key=key))
    value = node[key]
    if not isinstance(value, LocatedDict):
        raise DefinitionError(source, node.line_of(key),
                              Message("definition.consent.needs_keys", key=key))
    value.owner_line = node.line_of(key)  # type: ignore[attr-defined]
    return value


def _text(node: LocatedDict, key: str, source: str) -> str:
    if key not in node:
        raise DefinitionError(source, _missing_line(node),
                              Message("definition.consent.missing", key=key))
    value = node[key]
    if not isinstance(value, str) or not value.strip():
        raise DefinitionError(source, node.line_of(key),
                              Message("definition.consent.needs_text", key=key))
    return nfc(value).strip()


def _label(node: LocatedDict, key: str, source: str) -> Label:
    inner = _mapping(node, key, source)
    _no_unknown_keys(inner, {"nl", "en"}, source, _under(key))
    return Label(_text(inner, "nl", source), _text(inner, "en", source))


def _check_placeholders(text: str, allowed: frozenset[str], source: str, line: int) -> set[str]:
    used = set(_PLACEHOLDER_RE.findall(text))
    for name in sorted(used):
        if name not in allowed:
            known = Joined("{" + n + "}" for n in sorted(allowed))
            problem = Message("definition.consent.unknown_placeholder",
                              placeholder="{" + name + "}", known=known)
            raise DefinitionError(source, line, problem)
    stripped = _PLACEHOLDER_RE.sub("", text)
    if "{" in stripped or "}" in stripped:
        raise DefinitionError(source, line, Message("definition.consent.loose_brace"))
    return used

