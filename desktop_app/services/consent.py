"""Consent statements (toestemmingsverklaringen): composed from the data requests that need
written consent or a release from secrecy (ZW-4, ZU-A4C; WGBO 7:457), stored with their PDF and
hashes, and followed through their lifecycle:

    concept → geprint → getekend → ingetrokken
                      ↘ geweigerd

Every step is a transaction with its audit entry (object = the statement's pseudonymous id) and
an entry in the statement's own `events` JSON (which may hold personal text such as a reason;
the audit log never does).

Signing is recorded per signer and per item (`SignerRecord`): a "Nee" on paper refuses that
item (AVG art. 4 lid 11, art. 7 lid 1); a parent who signs a week later adds a record. A
withdrawal is per request and reaches every statement covering it. The data-request status is
derived, never stored: `request_consents` (services/records.py) decides per request what all
its statements say together, and domain `status_of` decides from that.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop_app.domain.bsn import InvalidBsn, parse_bsn
from desktop_app.domain.consent import (
    LEGACY_SHARED,
    QR_PREFIX,
    Choice,
    ConsentItem,
    ConsentResident,
    ConsentStatement,
    ConsentTemplate,
    Controller,
    DocumentKind,
    InvalidDocumentNumber,
    ItemKind,
    ItemOutcome,
    SignerRecord,
    StatementNotReady,
    StoredStatement,
    canonical_json,
    document_number_problem,
    format_document_number,
    latest_records,
    load_consent_template,
    normalise_document_number,
    parse_consent_template,
    parse_qr_payload,
    setting_what,
    shown_organisation,
    signing_date_problem,
    statement_problems,
)
from desktop_app.domain.consent_screen import ScreenPage, ScreenSigning, choice_words, screen_pages
from desktop_app.domain.data_requests import (
    ConsentState,
    DataRequest,
    RequestConsent,
    Status,
    needs_written_consent,
    status_of,
    summary_message,
)
from desktop_app.domain.people import age_on, parse_date
from desktop_app.domain.signers import (
    AdultSituation,
    Competence,
    CustodyHolder,
    MinorSituation,
    Relation,
    SignerProblem,
    SignerRequirement,
    SignerRole,
    SignerRule,
    signer_explanation,
    who_signs,
)
from desktop_app.domain.texts import Text
from desktop_app.messages import Joined, Message, MessageError
from desktop_app.resources import forms_dir
from desktop_app.services.intakes import RESIDENT_BIRTH_FIELD, RESIDENT_NAME_FIELD, new_id
from desktop_app.services.records import (
    StoredConsent,
    add_months,
    covering_statements,
    iso,
    load_data_requests,
    local_today,
    log,
    next_sequence,
    read_statement,
    reopen_if_ready,
    request_consents,
    stored_answers,
)
from desktop_app.services.session import Session
from desktop_app.services.settings import (
    BY_KEY,
    DPO_EMAIL,
    DPO_NAME,
    DPO_PHONE,
    MUNICIPALITY_NAME,
    PRIVACY_STATEMENT,
    RETENTION_FILE,
    RETENTION_STATEMENT,
    SIGNING_PLACE,
    TEAM_ADDRESS,
    TEAM_EMAIL,
    TEAM_NAME,
    TEAM_PHONE,
    WORKER_ROLE,
    SettingsService,
)
from desktop_app.vault.store import Store

TEMPLATE_FILE = "toestemmingsverklaring.yaml"
TEMPLATE_KIND = "toestemmingstekst"

# What a document prints while the municipality has not filled in its name or team (or the
# worker emptied the job title): neutral words, so a statement can still be made at the kitchen
# table; a notice asks for the real value. Contact details cannot be invented, so
# `statement_problems` asks for them (the resident must know how to withdraw).
PRINTED_WHEN_EMPTY: dict[str, str] = {
    MUNICIPALITY_NAME: "Gemeente",
    TEAM_NAME: "Sociaal wijkteam",
    WORKER_ROLE: BY_KEY[WORKER_ROLE].default,  # the setting's own default
}

# The state of a statement in words (the panel's list; in Dutch also the gespreksverslag).
CONSENT_STATE_LABELS: dict[ConsentState, Message] = {
    ConsentState.CONCEPT: Message("consent.state.concept"),
    ConsentState.GEPRINT: Message("consent.state.geprint"),
    ConsentState.GETEKEND: Message("consent.state.getekend"),
    ConsentState.GEWEIGERD: Message("consent.state.geweigerd"),
    ConsentState.INGETROKKEN: Message("consent.state.ingetrokken"),
}

# Role words as the statement list and the composer show them after a signer's name.
SIGNER_ROLE_WORDS: dict[SignerRole, Message] = {role: role.word for role in SignerRole}

# Why a statement in this state cannot be printed again.
_NOT_PRINTABLE: dict[ConsentState, Message] = {
    ConsentState.GETEKEND: Message("consent.print.signed"),
    ConsentState.GEWEIGERD: Message("consent.print.refused"),
    ConsentState.INGETROKKEN: Message("consent.print.withdrawn"),
}

# The events of a statement's history (its `events` JSON) in words.
_EVENT_WORDS: dict[str, Message] = {
    "gemaakt": Message("consent.event.gemaakt"),
    "geprint": Message("consent.event.geprint"),
    "opnieuw_geprint": Message("consent.event.opnieuw_geprint"),
    "getekend": Message("consent.event.getekend"),
    "geweigerd": Message("consent.event.geweigerd"),
    "ingetrokken": Message("consent.event.ingetrokken"),
    "vervangen": Message("consent.event.vervangen"),
}


def signer_label(name: str, role: SignerRole | str) -> Message:
    """'Ayşe Yılmaz (ouder met gezag)'."""
    return Message("signer.with_role", name=name, role=SignerRole(role).word)


class ConsentProblem(MessageError, ValueError):
    """A lifecycle step that is not possible now; the message says what to do. (A ValueError
    as well, as it always was.)"""

    def __init__(self, message: Message) -> None:
        super().__init__(message)



@dataclass(frozen=True, slots=True)
class Candidate:
    """A data request as the composer lists it."""

    request_id: str
    organisation: Text  # the organisation's name in both languages ("Huisarts" / "GP")
    direction: Message  # "opvragen bij" / "request from"
    purpose: str = field(repr=False)
    needs_written: bool = False
    # Why (or why not) written consent, in plain words.
    reason: Message | None = field(default=None, repr=False)
    status: Status = Status.CONCEPT
    covered_by: tuple[str, ...] = ()  # document numbers of active statements covering it
    suggested: bool = False  # pre-ticked in the composer
    kind: ItemKind = ItemKind.CONSENT  # what the statement asks about it
    named: str = field(default="", repr=False)  # the real name typed on the request
    financial: bool = False  # about money, by the catalogue


@dataclass(frozen=True)
class SignerChoices:
    """What the worker tells the composer about who decides. A None value is taken from the
    intake's answers (household, custody, representation); the rest the program cannot know
    and asks: whether an adult can judge this decision (asked per statement, WGBO 7:465 lid
    2), the reason for the 12-15 exception, the views of the child or the resident (recorded,
    not printed)."""

    custody_holders: tuple[CustodyHolder, ...] | None = None
    custody_checked: bool | None = None
    exception_reason: str = field(default="", repr=False)  # 12-15 without the parents
    child_view: str = field(default="", repr=False)
    capable: bool | None = None  # an adult: can the resident judge this decision?
    curator: str | None = field(default=None, repr=False)
    mentor: str | None = field(default=None, repr=False)
    bewindvoerder: str | None = field(default=None, repr=False)
    representative: str = field(default="", repr=False)  # WGBO 7:465 lid 3
    representative_relation: Relation | None = None
    own_view: str = field(default="", repr=False)
    financial: tuple[str, ...] | None = None  # request ids about money; None: the catalogue

    def to_inputs(self) -> dict[str, Any]:
        return {
            "custody_holders": None if self.custody_holders is None else [
                {"name": h.name, "role": h.role.value} for h in self.custody_holders],
            "custody_checked": self.custody_checked,
            "exception_reason": self.exception_reason,
            "child_view": self.child_view,
            "capable": self.capable,
            "curator": self.curator,
            "mentor": self.mentor,
            "bewindvoerder": self.bewindvoerder,
            "representative": self.representative,
            "representative_relation": (self.representative_relation.value
                                        if self.representative_relation else None),
            "own_view": self.own_view,
            "financial": None if self.financial is None else list(self.financial),
        }

    @classmethod
    def from_inputs(cls, inputs: Mapping[str, Any]) -> SignerChoices:
        """Also reads the inputs of statements made before issue 14 (names as text, one role
        for all, a curator's name)."""
        raw = inputs.get("custody_holders")
        holders: tuple[CustodyHolder, ...] | None = None
        if raw is not None:
            old_role = SignerRole(inputs.get("custody_role") or SignerRole.PARENT_WITH_CUSTODY)
            holders = tuple(
                CustodyHolder(h["name"], SignerRole(h["role"])) if isinstance(h, Mapping)
                else CustodyHolder(str(h), old_role)
                for h in raw)
        relation = inputs.get("representative_relation")
        financial = inputs.get("financial")
        return cls(
            custody_holders=holders,
            custody_checked=inputs.get("custody_checked"),
            exception_reason=str(inputs.get("exception_reason") or ""),
            child_view=str(inputs.get("child_view") or ""),
            capable=inputs.get("capable"),
            curator=inputs.get("curator", inputs.get("curator_name")),
            mentor=inputs.get("mentor"),
            bewindvoerder=inputs.get("bewindvoerder"),
            representative=str(inputs.get("representative") or ""),
            representative_relation=Relation(relation) if relation else None,
            own_view=str(inputs.get("own_view") or ""),
            financial=tuple(financial) if financial is not None else None,
        )


@dataclass(frozen=True)
class Composition:
    """A statement as it would be printed, or what is still missing.

    `missing` names what the UI must ask: 'gezag' (custody holders), 'gezag_gecontroleerd',
    'wilsbekwaam' (an adult's capacity), 'vertegenwoordiger', 'uitzondering' (the reason of
    the 12-15 exception), 'mening' (the child's or represented resident's own view),
    'geboortedatum', 'verzoeken'."""

    statement: ConsentStatement | None
    problems: tuple[Message, ...]
    signers: SignerRequirement | None
    missing: frozenset[str]
    notices: tuple[Message, ...]  # settings that fell back to a default
    inputs: Mapping[str, Any]  # what the worker chose; kept so a reprint can recompose
    # The choices with what the intake's answers filled in (prefill for the UI).
    choices: SignerChoices = field(default_factory=SignerChoices)
    age: int | None = None  # the resident's age on the day of composing
    item_requests: tuple[str, ...] = ()  # the request of each item, in printed order

    @property
    def ready(self) -> bool:
        return self.statement is not None and not self.problems


@dataclass(frozen=True, slots=True)
class SignerInfo:
    index: int
    name: str = field(repr=False)
    role: SignerRole
    competence: Competence = Competence.ALL
    relation: Relation | None = None

    @property
    def label(self) -> Message:
        return signer_label(self.name, self.role)


@dataclass(frozen=True, slots=True)
class ItemInfo:
    """One item of a stored statement, for the signed and withdrawal dialogs."""

    index: int
    organisation: str = field(repr=False)  # as printed ("Huisartsenpraktijk De Linde (huisarts)")
    kind: ItemKind
    deciders: tuple[int, ...]  # signer indexes whose Ja/Nee is needed (LEGACY_SHARED: old paper)
    request_id: str | None
    outcome: ItemOutcome
    named: str = field(default="", repr=False)  # the real name alone ("" on old papers)


@dataclass(frozen=True, slots=True)
class ShownName:
    """An item's organisation as a message value: the real name with its kind in the reader's
    language ("Jeugdhulp Het Anker (youth care provider)"); the printed Dutch when the paper
    did not print a real name."""

    named: str
    kind: Text | None
    printed: str

    def get(self, lang: str) -> str:
        if not self.named or self.kind is None:
            return self.printed
        return shown_organisation(self.named, self.kind.get(lang))


@dataclass(frozen=True, slots=True)
class StatementSummary:
    id: str
    document_number: str
    version: int
    previous_id: str | None
    state: ConsentState
    replaced: bool  # a newer version exists
    # The organisations as printed (Dutch), each with its English name from the catalogue
    # when the statement's requests still name it: the panel shows the worker's language.
    organisations: tuple[Text, ...]
    signers: tuple[Message, ...]  # "Naam (rol)"
    signer_names: tuple[str, ...]
    signer_roles: tuple[SignerRole, ...]
    signer_explanation: Message  # why these people sign
    valid_until: dt.date
    events: tuple[Mapping[str, Any], ...] = field(repr=False)
    signer_list: tuple[SignerInfo, ...] = ()
    items: tuple[ItemInfo, ...] = ()
    # What each signer recorded so far (the latest record per signer).
    records: Mapping[int, SignerRecord] = field(default_factory=dict, repr=False)
    # Printed before issue 14 with one Ja/Nee column for all signers: the choices are recorded
    # once, for everybody (signer LEGACY_SHARED).
    legacy_shared_choice: bool = False
    expired: bool = False
    signed_on_screen: bool = False  # a signed PDF made on the screen is stored

    @property
    def ready_to_print(self) -> bool:
        """Made and left ready: to print (at the office) or to sign on the screen."""
        return self.state is ConsentState.CONCEPT and not self.replaced

    @property
    def can_sign_on_screen(self) -> bool:
        """Not yet signed: from concept (no printer needed) or after printing."""
        return not self.replaced and self.state in (ConsentState.CONCEPT, ConsentState.GEPRINT)

    @property
    def state_text(self) -> Message:
        label = CONSENT_STATE_LABELS[self.state]
        if self.replaced:
            return Message("consent.state.replaced", state=label)
        if self.state is ConsentState.GETEKEND and self.expired:
            return Message("consent.state.expired", state=label)
        if self.state is ConsentState.GETEKEND and any(
                i.outcome in (ItemOutcome.INCOMPLETE, ItemOutcome.OPEN) for i in self.items):
            return Message("consent.state.incomplete", state=label)
        return label

    @property
    def can_record_signatures(self) -> bool:
        """Printed, or signed by some and still waiting for others (or for the choices of an
        old paper)."""
        if self.replaced:
            return False
        if self.state is ConsentState.GEPRINT:
            return True
        return self.state is ConsentState.GETEKEND and any(
            i.outcome in (ItemOutcome.INCOMPLETE, ItemOutcome.OPEN) for i in self.items)

    @property
    def withdrawable(self) -> tuple[ItemInfo, ...]:
        """Items whose consent or release can still be withdrawn."""
        if self.state is not ConsentState.GETEKEND:
            return ()
        return tuple(i for i in self.items if i.kind.needs_choice and i.outcome in (
            ItemOutcome.GIVEN, ItemOutcome.INCOMPLETE, ItemOutcome.EXPIRED))

    def item_name(self, item: ItemInfo) -> ShownName:
        kind = self.organisations[item.index] if item.index < len(self.organisations) else None
        return ShownName(item.named, kind, item.organisation)

    @property
    def history(self) -> tuple[Message, ...]:
        """What the panel lists for the chosen statement: who signs and why, then every event
        with its moment (local time), date, signers, reason or how, then per item what the
        signatures mean."""
        lines = [Message("consent.history.who_signs", number=self.document_number,
                         explanation=self.signer_explanation)]
        names = {s.index: s.name for s in self.signer_list}
        organisations = {i.index: self.item_name(i) for i in self.items}
        for event in self.events:
            moment = f"{dt.datetime.fromisoformat(event['at']).astimezone():%d-%m-%Y %H:%M}"
            what: Message | str = _EVENT_WORDS.get(event["event"], event["event"])
            details = []
            if event.get("on"):
                details.append(Message("consent.history.on",
                                       date=dt.date.fromisoformat(event["on"])))
            if event.get("by"):
                details.append(Message("consent.history.by", names=Joined(event["by"])))
            for record in event.get("records", ()):
                signer = int(record["signer"])
                if not record.get("signed"):
                    continue
                refused = [organisations.get(int(k), k) for k, v in
                           (record.get("choices") or {}).items() if v == Choice.NEE.value]
                if refused:
                    # An old paper's one column speaks for all who signed it.
                    who: Message | str = (Message("consent.history.shared_column")
                                          if signer == LEGACY_SHARED
                                          else names.get(signer, "?"))
                    details.append(Message("consent.history.refused_items", name=who,
                                           items=Joined(refused)))
            if event.get("event") == "ingetrokken" and event.get("items") is not None:
                details.append(Message("consent.history.items", items=Joined(
                    organisations.get(int(i), str(i)) for i in event["items"])))
            if event.get("route") == "scherm":
                at = dt.datetime.fromisoformat(str(event.get("time") or event["at"]))
                details.append(Message("consent.history.on_screen",
                                       place=event.get("place", ""), time=f"{at:%H:%M}"))
            if event.get("reason"):
                details.append(Message("consent.history.reason", reason=event["reason"]))
            if event.get("how"):
                details.append(Message("consent.history.how", how=event["how"]))
            lines.append(
                Message("consent.history.event_details", moment=moment, event=what,
                        details=Joined(details, " ")) if details
                else Message("consent.history.event", moment=moment, event=what))
        if self.state in (ConsentState.GETEKEND, ConsentState.INGETROKKEN):
            for item in self.items:
                lines.append(Message("consent.history.outcome",
                                     organisation=self.item_name(item),
                                     outcome=item.outcome.label))
        return tuple(lines)


@dataclass(frozen=True, slots=True)
class ScreenItem:
    """An item as the signers choose on the screen, with the printed words of its boxes."""

    index: int
    organisation: str = field(repr=False)  # as printed
    kind: ItemKind
    deciders: tuple[int, ...]
    yes: str  # as printed (Dutch)
    no: str
    yes_en: str = ""  # the template's English, shown beside it in the English UI
    no_en: str = ""


@dataclass(frozen=True)
class ScreenStatement:
    """What the signing dialog shows: the statement's own text as pages (Dutch, as printed),
    the signers, the items with their deciders, and the hash of that text."""

    statement_id: str
    document_number: str
    text_hash: str  # the statement's content hash: what the pages show
    pages: tuple[ScreenPage, ...] = field(repr=False)
    signers: tuple[SignerInfo, ...]
    items: tuple[ScreenItem, ...]
    place: str = field(repr=False)  # the setting "plaats van ondertekening" ('' when unset)
    new_version: bool = False  # the statement had changed: a new version with a new number


@dataclass(frozen=True, slots=True)
class PrintJob:
    statement_id: str
    document_number: str
    pdf: bytes = field(repr=False)
    new_version: bool  # the statement had changed: this is a new version with a new number


def _birthday(birth: dt.date, age: int) -> dt.date:
    """The day `age` is reached; born on 29 February: 1 March in a common year."""
    try:
        return birth.replace(year=birth.year + age)
    except ValueError:
        return dt.date(birth.year + age, 3, 1)


def _split_names(text: str) -> list[str]:
    """'Ayşe Yılmaz en François Cœur' / 'A, B' / one per line → names."""
    parts = re.split(r"\s*(?:,|;|\n|&|\ben\b|\band\b)\s*", text.strip())
    return [" ".join(p.split()) for p in parts if p.strip()]


class ConsentService:
    """Compose, store, print-register and follow consent statements of one profile."""

    def __init__(self, session: Session, forms_folder: Path | None = None) -> None:
        self.session = session
        self.settings = SettingsService(session)
        self.forms_folder = forms_folder or forms_dir()
        self._template: ConsentTemplate | None = None
        self._template_text = ""

    @property
    def _store(self) -> Store:
        return self.session.profile.store

    # -- the text template -------------------------------------------------------------------
    def template(self) -> ConsentTemplate:
        """The current text from forms/ (loaded once; a broken file raises DefinitionError)."""
        if self._template is None:
            path = self.forms_folder / TEMPLATE_FILE
            self._template_text = path.read_bytes().decode("utf-8")
            self._template = load_consent_template(path)
        return self._template

    def _template_by_hash(self, template_hash: str) -> ConsentTemplate:
        current = self.template()
        if current.content_hash() == template_hash:
            return current
        row = self._store.query(
            "SELECT source_name, source_text FROM form_definitions WHERE content_hash = ?",
            (template_hash,))
        if not row:
            raise KeyError(template_hash)
        return parse_consent_template(row[0][1], row[0][0])

    # -- settings ----------------------------------------------------------------------------
    def controller(self) -> tuple[Controller, tuple[Message, ...]]:
        """The controller block from settings, and notices for settings that are unset."""
        notices: list[Message] = []
        values: dict[str, str] = {}
        for key, what in ((MUNICIPALITY_NAME, setting_what("gemeente")),
                          (TEAM_NAME, setting_what("team")),
                          (WORKER_ROLE, setting_what("functie"))):
            value = self.settings.text(key)
            if not value:
                value = PRINTED_WHEN_EMPTY[key]
                notices.append(Message("consent.notice.default_used", what=what, value=value))
            values[key] = value
        controller = Controller(
            municipality=values[MUNICIPALITY_NAME],
            team=values[TEAM_NAME],
            worker_name=self.session.worker_name,
            worker_role=values[WORKER_ROLE],
            team_phone=self.settings.text(TEAM_PHONE),
            team_email=self.settings.text(TEAM_EMAIL),
            team_address=self.settings.text(TEAM_ADDRESS),
            dpo_name=self.settings.text(DPO_NAME),
            dpo_email=self.settings.text(DPO_EMAIL),
            dpo_phone=self.settings.text(DPO_PHONE),
            privacy_statement=self.settings.text(PRIVACY_STATEMENT),
            retention_data=self.settings.text(RETENTION_FILE),
            retention_statement=self.settings.text(RETENTION_STATEMENT),
        )
        return controller, tuple(notices)

    def logo(self) -> bytes | None:
        logo = self.settings.logo()
        return logo.data if logo else None  # a damaged logo: see setting_notices()

    def setting_notices(self) -> tuple[Message, ...]:
        notices = list(self.controller()[1])
        if self.settings.logo_damaged():
            notices.append(Message("consent.notice.logo_invalid"))
        elif self.settings.logo() is None:
            notices.append(Message("consent.notice.no_logo"))
        return tuple(notices)

    def valid_months(self) -> int:
        return self.settings.consent_valid_months()

    # -- candidates --------------------------------------------------------------------------
    def candidates(self, intake_id: str) -> list[Candidate]:
        """Every data request of the intake, with whether it needs written consent or a
        release; the ones that need it and are not yet covered by an active statement are
        pre-selected."""
        requests = load_data_requests(self._store, intake_id)
        covering = covering_statements(self._store, [r.id for r in requests])
        consents = self._request_consents([r.id for r in requests])
        result: list[Candidate] = []
        for request in requests:
            active = tuple(
                s.document_number for s in covering.get(request.id, [])
                if s.state in (ConsentState.CONCEPT, ConsentState.GEPRINT)
                or (s.state is ConsentState.GETEKEND
                    and s.outcome_for(request.id, self._today()) is ItemOutcome.GIVEN))
            consent = consents.get(request.id, RequestConsent.NONE)
            status = status_of(request, consent)
            if status in (Status.NIET_DELEN, Status.DOORVERWEZEN):
                # The weighing said: nothing goes. Asking consent for it would be asking for
                # what was decided against (issue 15).
                continue
            written = needs_written_consent(request)
            finished = status is Status.VERSTUURD
            result.append(Candidate(
                request_id=request.id,
                organisation=request.organisation.name,
                direction=request.direction.phrase,
                purpose=request.purpose,
                needs_written=written,
                reason=summary_message(request, consent),
                status=status,
                covered_by=active,
                suggested=written and not active and not finished,
                kind=request.kind,
                named=request.organisation_named,
                financial=request.organisation.financial,
            ))
        return result

    def _today(self) -> dt.date:
        return local_today(self.session)

    def _request_consents(self, request_ids: Sequence[str]) -> dict[str, RequestConsent]:
        return request_consents(self._store, request_ids, self._today())

    # -- composing ---------------------------------------------------------------------------
    def compose(
        self,
        intake_id: str,
        request_ids: Sequence[str] | None = None,
        *,
        choices: SignerChoices | None = None,
        composed_on: dt.date | None = None,
    ) -> Composition:
        """What the statement would look like; nothing is stored. Choices left None come from
        the intake's answers (household: custody holders, custody check, representation).
        `request_ids` None takes the suggested candidates."""
        answers = stored_answers(self._store, intake_id)
        if request_ids is None:
            request_ids = [c.request_id for c in self.candidates(intake_id) if c.suggested]
        inputs: dict[str, Any] = {"request_ids": list(request_ids),
                                  **(choices or SignerChoices()).to_inputs()}
        return self._compose(intake_id, answers, inputs, composed_on, document_number=None,
                             version=1)

    def _compose(self, intake_id: str, answers: Mapping[str, Any], inputs: Mapping[str, Any],
                 composed_on: dt.date | None, *, document_number: str | None,
                 version: int) -> Composition:
        template = self.template()
        controller, notices = self.controller()
        problems: list[Message] = []
        missing: set[str] = set()
        today = composed_on or self._today()
        choices = self._with_answers(SignerChoices.from_inputs(inputs), answers)

        by_id = {r.id: r for r in load_data_requests(self._store, intake_id)}
        chosen = [by_id[rid] for rid in inputs["request_ids"] if rid in by_id]
        stopped = [r for r in chosen if _weighed_to_stop(r)]
        if stopped:
            problems.append(Message("consent.compose.weighed_not_to_share", n=len(stopped)))
            chosen = [r for r in chosen if r not in stopped]
        if not chosen:
            problems.append(Message("consent.compose.no_requests"))
            missing.add("verzoeken")
        if choices.financial is None:
            choices = replace(choices, financial=tuple(
                r.id for r in chosen if r.organisation.financial))
        financial = set(choices.financial or ())
        items = tuple(
            ConsentItem(
                purpose=r.purpose,
                # After a "deels" answer only what the resident agreed to (ZW-4).
                data_items=r.shared_items,
                organisation_name=r.organisation.name.nl,
                direction=r.direction,
                basis=r.basis,
                secrecy=r.organisation.regime,
                organisation_named=r.organisation_named,
                financial=r.id in financial,
            )
            for r in chosen
        )

        name = answers.get(RESIDENT_NAME_FIELD)
        name = " ".join(name.split()) if isinstance(name, str) else ""
        birth: dt.date | None = None
        raw_birth = answers.get(RESIDENT_BIRTH_FIELD)
        if isinstance(raw_birth, str) and raw_birth.strip():
            try:
                birth = parse_date(raw_birth)
            except ValueError:
                birth = None
        if birth is None:
            problems.append(Message("consent.compose.birth_date_missing"))
            missing.add("geboortedatum")

        bsn_required = self.settings.bsn_on_statement()
        bsn = None
        if bsn_required:
            raw_bsn = answers.get("inwoner_bsn")
            try:
                bsn = parse_bsn(raw_bsn) if isinstance(raw_bsn, str) and raw_bsn else None
            except InvalidBsn:
                bsn = None  # statement_problems asks for a valid BSN

        signers: SignerRequirement | None = None
        age: int | None = None
        if birth is not None and today >= birth:
            age = age_on(birth, today)
            minor = MinorSituation(
                custody_holders=choices.custody_holders or (),
                custody_checked=bool(choices.custody_checked),
                exception_reason=choices.exception_reason if 12 <= age < 16 else "",
                child_view=choices.child_view)
            adult = AdultSituation(
                capable=choices.capable, curator=choices.curator or "",
                mentor=choices.mentor or "", bewindvoerder=choices.bewindvoerder or "",
                representative=choices.representative,
                representative_relation=choices.representative_relation,
                own_view=choices.own_view)
            try:
                signers = who_signs(resident_name=name, birth_date=birth, signing_date=today,
                                    minor=minor, adult=adult)
            except SignerProblem as err:
                problems.append(err.message)
                missing.add(err.missing)
            if age < 16 and not choices.exception_reason:
                both = answers.get("gezag_wie") == "beide_ouders"
                holders = [h for h in (choices.custody_holders or ()) if h.name.strip()]
                if both and len(holders) < 2:
                    # Divorced parents usually both keep custody: each one signs.
                    problems.append(Message("consent.compose.both_parents"))
                    missing.add("gezag")
        elif birth is not None:
            problems.append(Message("consent.problem.signing_before_birth"))
        if signers is not None and signers.rule in (SignerRule.UNDER_12,
                                                    SignerRule.FROM_12_TO_15) and not (
                choices.custody_checked):
            missing.add("gezag_gecontroleerd")
        # The paper says the child's or the resident's own view was discussed (WGBO 7:465
        # lid 5: the representative involves the resident as far as possible): it must be.
        if signers is not None and signers.rule is SignerRule.UNDER_12 and not (
                choices.child_view.strip()):
            problems.append(Message("consent.compose.child_view_missing"))
            missing.add("mening")
        if signers is not None and signers.rule is SignerRule.ADULT_REPRESENTED and not (
                choices.own_view.strip()):
            problems.append(Message("consent.compose.own_view_missing"))
            missing.add("mening")

        statement: ConsentStatement | None = None
        valid_until = add_months(today, self.valid_months())
        if birth is not None and signers is not None and signers.rule in (
                SignerRule.UNDER_12, SignerRule.FROM_12_TO_15):
            # At 12 the child signs too, at 16 the young person alone: the paper holds until
            # the day before, then the new signers decide (WGBO 7:450, 7:447).
            turns = 12 if signers.rule is SignerRule.UNDER_12 else 16
            last_day = _birthday(birth, turns) - dt.timedelta(days=1)
            if last_day < valid_until:
                valid_until = last_day
                notices = (*notices, Message("consent.notice.valid_until_birthday",
                                             date=last_day, age=turns))
        if birth is not None and signers is not None:
            number = document_number or format_document_number(
                DocumentKind.TOESTEMMINGSVERKLARING, today.year, 1)  # placeholder until stored
            statement = ConsentStatement(
                document_number=number,
                statement_version=version,
                template_id=template.id,
                template_version=template.version,
                template_hash=template.content_hash(),
                controller=controller,
                resident=ConsentResident(name, birth, bsn),
                items=items,
                valid_until=valid_until,
                composed_on=today,
                signers=signers,
                bsn_required=bsn_required,
            )
            problems.extend(p for p in statement_problems(statement, template)
                            if p not in problems)
        stored_inputs = {"request_ids": list(inputs["request_ids"]), **choices.to_inputs()}
        return Composition(statement, tuple(problems), signers, frozenset(missing), notices,
                           stored_inputs, choices, age, tuple(r.id for r in chosen))

    def _with_answers(self, choices: SignerChoices, answers: Mapping[str, Any]) -> SignerChoices:
        """Fill what the worker left open from the intake's answers."""
        holders = choices.custody_holders
        if holders is None:
            holders = self._custody_from_answers(answers)
        checked = choices.custody_checked
        if checked is None:
            checked = answers.get("gezag_gecontroleerd") in CUSTODY_CHECKED
        representation = answers.get("vertegenwoordiging")
        raw_name = answers.get("vertegenwoordiger_naam")
        named = " ".join(raw_name.split()) if isinstance(raw_name, str) else ""

        def from_answers(value: str | None, kind: str) -> str:
            if value is not None:
                return " ".join(value.split())
            return named if representation == kind else ""

        return replace(
            choices,
            custody_holders=holders,
            custody_checked=bool(checked),
            curator=from_answers(choices.curator, "curatele"),
            mentor=from_answers(choices.mentor, "mentorschap"),
            bewindvoerder=from_answers(choices.bewindvoerder, "beschermingsbewind"),
        )

    @staticmethod
    def _custody_from_answers(answers: Mapping[str, Any]) -> tuple[CustodyHolder, ...]:
        """Custody holders: household members ticked 'heeft gezag', else the names typed at
        'wie heeft het gezag'; their role from 'wie heeft het gezag'."""
        role = {"voogd": SignerRole.GUARDIAN,
                "gecertificeerde_instelling": SignerRole.CERTIFIED_INSTITUTION,
                }.get(str(answers.get("gezag_wie")), SignerRole.PARENT_WITH_CUSTODY)
        members = answers.get("huishouden_leden")
        names: list[str] = []
        if isinstance(members, list):
            names = [" ".join(str(m.get("naam", "")).split()) for m in members
                     if isinstance(m, dict) and m.get("gezag") is True and m.get("naam")]
        typed = answers.get("gezag_namen")
        if isinstance(typed, str) and typed.strip():
            # The typed names also name a parent who does not live in the household. A
            # certified institution is one holder whose name may hold "en" or "&" ("… Jeugd-
            # bescherming & Jeugdreclassering"): not split.
            institution = role is SignerRole.CERTIFIED_INSTITUTION
            for typed_name in ([" ".join(typed.split())] if institution
                               else _split_names(typed)):
                if typed_name.casefold() not in {n.casefold() for n in names}:
                    names.append(typed_name)
        return tuple(CustodyHolder(n, role) for n in names)

    # -- storing -----------------------------------------------------------------------------
    def create(self, intake_id: str, composition: Composition) -> str:
        """Store a ready composition as a new concept statement (version 1); returns its id.
        Raises StatementNotReady with the problems otherwise."""
        if not composition.ready or composition.statement is None:
            raise StatementNotReady(composition.problems
                                    or (Message("consent.compose.not_complete"),))
        return self._store_statement(intake_id, composition, previous=None)

    def _store_statement(self, intake_id: str, composition: Composition,
                         previous: tuple[str, int] | None) -> str:
        from desktop_app.documents.consent_pdf import build_toestemmingsverklaring_pdf_with_hash

        assert composition.statement is not None
        template = self.template()
        statement_id = new_id("verklaring")
        now = self.session.now()
        logo = self.logo()
        # The number is taken in a short transaction of its own and the PDF is built outside
        # any: building it holds no lock on the store, so the autosave thread and the screens
        # are not kept waiting while it runs on a worker thread. A crash in between leaves a
        # number unused (a gap in the sequence, never a number used twice).
        year = composition.statement.composed_on.year
        with self._store.transaction() as store:
            number = format_document_number(
                DocumentKind.TOESTEMMINGSVERKLARING, year,
                next_sequence(store, DocumentKind.TOESTEMMINGSVERKLARING, year))
        version = previous[1] + 1 if previous else 1
        statement = replace(composition.statement, document_number=number,
                            statement_version=version)
        pdf, pdf_sha256 = build_toestemmingsverklaring_pdf_with_hash(statement, template, logo)
        with self._store.transaction() as store:
            store.execute(
                "INSERT OR IGNORE INTO form_definitions(content_hash, kind, form_id, version,"
                " source_name, source_text) VALUES (?, ?, ?, ?, ?, ?)",
                (template.content_hash(), TEMPLATE_KIND, template.id, template.version,
                 TEMPLATE_FILE, self._template_text))
            payload = {
                "content": json.loads(canonical_json(statement.canonical_content())),
                "custody_checked": statement.signers.custody_checked,
                "inputs": dict(composition.inputs),
                # Which request each item is for (not printed, so not in the content).
                "item_requests": list(composition.item_requests),
            }
            events = [{"event": "gemaakt", "at": iso(now), "version": version}]
            store.execute(
                "INSERT INTO consent_statements(id, intake_id, document_number, version,"
                " previous_id, template_hash, status, payload, content_hash, pdf, pdf_sha256,"
                " events, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (statement_id, intake_id, number, version, previous[0] if previous else None,
                 template.content_hash(), ConsentState.CONCEPT.value,
                 json.dumps(payload, ensure_ascii=False), statement.content_hash(), pdf,
                 pdf_sha256, json.dumps(events, ensure_ascii=False), iso(now), iso(now)))
            for request_id in composition.item_requests:
                store.execute("INSERT OR IGNORE INTO consent_coverage(statement_id,"
                              " data_request_id) VALUES (?, ?)", (statement_id, request_id))
            self._refresh_request_status(store, statement_id)
            log(self.session, store,
                 "verklaring.nieuwe_versie" if previous else "verklaring.maken", statement_id)
        return statement_id

    # -- reading -----------------------------------------------------------------------------
    def statements(self, intake_id: str) -> list[StatementSummary]:
        rows = self._store.query(
            "SELECT id FROM consent_statements WHERE intake_id = ?"
            " ORDER BY created_at, document_number",
            (intake_id,))
        return [self.summary(row[0]) for row in rows]

    def summary(self, statement_id: str) -> StatementSummary:
        row = self._row(statement_id)
        content = json.loads(row["payload"])["content"]
        events = tuple(json.loads(row["events"]))
        read = self._read(statement_id, row)
        stored = read.statement
        today = self._today()
        outcomes = read.outcomes(today)
        signer_list = tuple(SignerInfo(s.index, s.name, s.role, s.competence, s.relation)
                            for s in stored.signers)
        items = tuple(
            ItemInfo(i.index, i.organisation, i.kind, i.deciders,
                     read.item_requests[i.index] if i.index < len(read.item_requests) else None,
                     outcomes[i.index], (i.scope.named or "") if i.scope else "")
            for i in stored.items)
        return StatementSummary(
            id=statement_id,
            document_number=row["document_number"],
            version=row["version"],
            previous_id=row["previous_id"],
            state=ConsentState(row["status"]),
            replaced=read.replaced,
            organisations=self._organisation_names(
                statement_id, [i["organisation"] for i in content["items"]]),
            signers=tuple(s.label for s in signer_list),
            signer_names=tuple(s.name for s in signer_list),
            signer_roles=tuple(s.role for s in signer_list),
            # From the rule and the age, so it reads in the worker's language; the stored
            # Dutch text (signers["explanation"]) is what was printed.
            signer_explanation=signer_explanation(stored.rule, stored.age),
            valid_until=stored.valid_until,
            events=events,
            signer_list=signer_list,
            items=items,
            records=latest_records(read.records),
            legacy_shared_choice=read.legacy_shared_choice,
            expired=today > stored.valid_until,
            signed_on_screen=row["signed_pdf_sha256"] is not None,
        )

    def _read(self, statement_id: str, row: Mapping[str, Any] | None = None) -> StoredConsent:
        row = row or self._row(statement_id)
        return read_statement(
            (statement_id, row["document_number"], row["status"], row["payload"],
             row["events"]), self.covered_requests(statement_id))

    def _organisation_names(self, statement_id: str, printed: list[str]) -> tuple[Text, ...]:
        names = {}
        for (payload,) in self._store.query(
                "SELECT r.payload FROM consent_coverage c JOIN data_requests r"
                " ON r.id = c.data_request_id WHERE c.statement_id = ?", (statement_id,)):
            name = DataRequest.from_dict(json.loads(payload)).organisation.name
            names[name.nl] = name
        return tuple(names.get(dutch, Text(dutch)) for dutch in printed)

    def pdf(self, statement_id: str) -> bytes:
        return bytes(self._row(statement_id)["pdf"])

    def stored_hashes(self, statement_id: str) -> tuple[str, str]:
        """(content_hash, pdf_sha256) as stored."""
        row = self._row(statement_id)
        return row["content_hash"], row["pdf_sha256"]

    def covered_requests(self, statement_id: str) -> list[str]:
        return [r[0] for r in self._store.query(
            "SELECT data_request_id FROM consent_coverage WHERE statement_id = ?",
            (statement_id,))]

    def consents_for(self, request_id: str) -> RequestConsent:
        """What all statements covering the request say together, for `status_of`."""
        return self._request_consents([request_id])[request_id]

    def _row(self, statement_id: str) -> dict[str, Any]:
        cursor = self._store.execute(
            "SELECT id, intake_id, document_number, version, previous_id, template_hash, status,"
            " payload, content_hash, pdf, pdf_sha256, events, signed_pdf_sha256"
            " FROM consent_statements"
            " WHERE id = ?", (statement_id,))
        names = [d[0] for d in cursor.description]
        row = cursor.fetchone()
        if row is None:
            raise KeyError(statement_id)
        return dict(zip(names, row, strict=True))

    # -- printing ----------------------------------------------------------------------------
    def prepare_print(self, statement_id: str) -> PrintJob:
        """What to print now. A concept or printed statement is composed again from the current
        requests, answers and settings: when anything printed would differ, a new version with
        a new number is stored (the old one is kept and marked replaced) and that is printed.
        Otherwise the stored PDF is printed again (same number, same hashes)."""
        current_id, _statement, new_version = self._up_to_date(
            statement_id, _NOT_PRINTABLE, Message("consent.print.replaced"))
        row = self._row(current_id)
        return PrintJob(current_id, row["document_number"], bytes(row["pdf"]), new_version)

    def _up_to_date(self, statement_id: str, not_allowed: Mapping[ConsentState, Message],
                    replaced: Message) -> tuple[str, ConsentStatement, bool]:
        """(id, statement, new version?) of what is to be printed or signed now: composed again
        on the day it was made; a new version when anything printed would differ."""
        row = self._row(statement_id)
        state = ConsentState(row["status"])
        if state not in (ConsentState.CONCEPT, ConsentState.GEPRINT):
            raise ConsentProblem(not_allowed[state])
        payload = json.loads(row["payload"])
        if any(e.get("event") == "vervangen" for e in json.loads(row["events"])):
            raise ConsentProblem(replaced)
        answers = stored_answers(self._store, row["intake_id"])
        # Composed again on the day it was made: a reprint on another day is the same paper
        # (the signers write the date of signing themselves).
        made_on = dt.date.fromisoformat(str(payload["content"].get("composed_on") or
                                            payload["content"].get("signing_date")))
        again = self._compose(row["intake_id"], answers, payload["inputs"], made_on,
                              document_number=row["document_number"], version=row["version"])
        stored = payload["content"]
        if again.statement is None or not again.ready:
            raise StatementNotReady(again.problems)
        if self._same_print(stored, again.statement.canonical_content()):
            return statement_id, again.statement, False
        new_id_ = self._store_statement(row["intake_id"], again,
                                        previous=(statement_id, row["version"]))
        with self._store.transaction() as store:
            self._add_event(store, statement_id, {"event": "vervangen", "by": new_id_})
        new_row = self._row(new_id_)
        return new_id_, replace(again.statement, document_number=new_row["document_number"],
                                statement_version=new_row["version"]), True

    @staticmethod
    def _same_print(stored: Mapping[str, Any], fresh: Mapping[str, Any]) -> bool:
        # The number and version are assigned when storing; everything else is printed text.
        ignore = {"document_number", "statement_version"}
        fresh_json = json.loads(canonical_json(fresh))
        return ({k: v for k, v in stored.items() if k not in ignore}
                == {k: v for k, v in fresh_json.items() if k not in ignore})

    def mark_printed(self, statement_id: str) -> None:
        """Only after a successful print: concept → geprint (a reprint is recorded as such)."""
        row = self._row(statement_id)
        state = ConsentState(row["status"])
        if state not in (ConsentState.CONCEPT, ConsentState.GEPRINT):
            raise ConsentProblem(Message("consent.print.no_longer"))
        event = "geprint" if state is ConsentState.CONCEPT else "opnieuw_geprint"
        self._transition(statement_id, ConsentState.GEPRINT, {"event": event},
                         "verklaring.printen")

    def record_signed(self, statement_id: str,
                      records: Sequence[SignerRecord]) -> dict[int, ItemOutcome]:
        """What the paper says, per signer: signed or not, the date, and the Ja/Nee per item
        (AVG art. 4 lid 11, art. 7 lid 1: consent is specific and provable, per person and per
        item). geprint → getekend; on a signed statement a later record adds or replaces a
        signer's (a parent who signs a week later). Returns the outcome per item.

        Refused with a message when a date lies in the future or before the statement was
        made, when on a signing date the resident's age asks for other signers (a 15-year-old
        who signs on the 16th birthday), or when a choice is recorded for someone who does not
        decide on that item."""
        row = self._row(statement_id)
        read = self._read(statement_id, row)
        state = ConsentState(row["status"])
        if read.replaced or state not in (ConsentState.GEPRINT, ConsentState.GETEKEND):
            raise ConsentProblem(Message("consent.signed.not_printed"))
        event = self._signed_event(read.statement, self._checked_records(row, read.statement,
                                                                         records))
        self._transition(statement_id, ConsentState.GETEKEND, event, "verklaring.tekenen")
        return self._read(statement_id).outcomes(self._today())

    def _checked_records(self, row: Mapping[str, Any], stored: StoredStatement,
                         records: Sequence[SignerRecord]) -> list[SignerRecord]:
        """The records as they count, or a ConsentProblem: the checks of both routes (paper
        and screen), so that a choice counts the same whichever way it was made."""
        allowed = set(stored.decider_indexes())
        cleaned: list[SignerRecord] = []
        for record in records:
            if record.signer not in allowed:
                raise ConsentProblem(Message("consent.signed.unknown_signer"))
            if record.signed and record.signed_on is None:
                raise ConsentProblem(Message("consent.signed.no_date"))
            if not record.signed and any(c is not Choice.LEEG for c in record.choices.values()):
                raise ConsentProblem(Message("consent.signed.choice_without_signature"))
            for index, choice in record.choices.items():
                if index < 0 or index >= len(stored.items):
                    raise ConsentProblem(Message("consent.signed.not_a_decider"))
                if record.signer not in stored.items[index].deciders and choice is not Choice.LEEG:
                    # A Ja or Nee of someone who does not decide on the item (a mentor on money,
                    # anyone on information) would be recorded as if it counted.
                    raise ConsentProblem(Message("consent.signed.not_a_decider"))
            # An empty box is no choice: kept only where the signer decides.
            kept = replace(record, choices={
                i: c for i, c in record.choices.items()
                if record.signer in stored.items[i].deciders})
            if kept.signed and kept.signed_on is not None:
                self._check_date(kept.signed_on, row)
                problem = signing_date_problem(stored, kept.signed_on)
                if problem is not None:
                    raise ConsentProblem(problem)
            cleaned.append(kept)
        if not any(r.signed for r in cleaned):
            raise ConsentProblem(Message("consent.signed.nobody"))
        return cleaned

    @staticmethod
    def _signed_event(stored: StoredStatement, cleaned: Sequence[SignerRecord]) -> dict[str, Any]:
        names = {s.index: s.name for s in stored.signers}
        signed = [r for r in cleaned if r.signed and r.signer != LEGACY_SHARED]
        return {
            "event": "getekend",
            "on": max(r.signed_on for r in cleaned if r.signed_on is not None).isoformat(),
            "by": [names[r.signer] for r in signed],
            "records": [r.to_dict() for r in cleaned],
        }

    # -- signing on the screen -----------------------------------------------------------------
    def prepare_screen_signing(self, statement_id: str) -> ScreenStatement:
        """What the signing dialog shows. Like printing, the statement is composed again: when
        anything on it would differ, a new version is stored and that is shown."""
        not_allowed = dict.fromkeys(ConsentState, Message("consent.screen.not_allowed"))
        current_id, statement, new_version = self._up_to_date(
            statement_id, not_allowed, Message("consent.screen.replaced"))
        row = self._row(current_id)
        if statement.content_hash() != row["content_hash"]:
            raise ConsentProblem(Message("consent.screen.text_changed"))
        template = self._template_by_hash(row["template_hash"])
        stored = self._read(current_id, row).statement
        summary = self.summary(current_id)
        items = tuple(ScreenItem(i.index, i.organisation, i.kind, i.deciders,
                                 *choice_words(template, i.kind),
                                 *choice_words(template, i.kind, "en")) for i in stored.items)
        return ScreenStatement(current_id, row["document_number"], row["content_hash"],
                               screen_pages(statement, template), summary.signer_list, items,
                               self.settings.text(SIGNING_PLACE), new_version)

    def sign_on_screen(self, statement_id: str, signing: ScreenSigning) -> dict[int, ItemOutcome]:
        """Record a statement signed on the screen: the same records, checks and "getekend"
        event as the paper route (the event also says `route: scherm`, the place and the time),
        and the signed PDF, built in memory and stored encrypted with the statement. From
        concept or printed. Returns the outcome per item."""
        from desktop_app.documents.consent_pdf import build_signed_statement_pdf

        row = self._row(statement_id)
        read = self._read(statement_id, row)
        state = ConsentState(row["status"])
        if read.replaced:
            raise ConsentProblem(Message("consent.screen.replaced"))
        if state not in (ConsentState.CONCEPT, ConsentState.GEPRINT):
            raise ConsentProblem(Message("consent.screen.not_allowed"))
        if signing.text_hash != row["content_hash"]:
            raise ConsentProblem(Message("consent.screen.text_changed"))
        place = " ".join(signing.place.split())
        if not place:
            raise ConsentProblem(Message("consent.screen.no_place"))
        names = {s.index: s.name for s in read.statement.signers}
        for signature in signing.signatures:
            if signature.signer not in names:
                raise ConsentProblem(Message("consent.signed.unknown_signer"))
            if not signature.has_signature:
                # A Ja on the screen without a signature is not a signed consent.
                raise ConsentProblem(Message("consent.screen.no_signature",
                                             name=names[signature.signer]))
        cleaned = self._checked_records(row, read.statement, signing.records())
        missing = [s.name for s in read.statement.signers
                   if s.index not in {r.signer for r in cleaned}]
        if missing:
            # Nothing would be printed for the others to sign later: they sign now, or the
            # statement goes the paper way.
            raise ConsentProblem(Message("consent.screen.everyone", names=Joined(missing)))
        # The text is composed again and must be the text that was shown (its hash): the
        # signed PDF then shows exactly what the resident read.
        _same_id, statement, new_version = self._up_to_date(
            statement_id, dict.fromkeys(ConsentState, Message("consent.screen.not_allowed")),
            Message("consent.screen.replaced"))
        if new_version or statement.content_hash() != row["content_hash"]:
            raise ConsentProblem(Message("consent.screen.text_changed"))
        signing = replace(signing, place=place)
        pdf, pdf_sha256 = build_signed_statement_pdf(
            statement, self._template_by_hash(row["template_hash"]), signing, self.logo())
        event = {**self._signed_event(read.statement, cleaned),
                 "route": "scherm", "place": place,
                 "time": signing.signed_at.isoformat(timespec="minutes"),
                 "signed_pdf_sha256": pdf_sha256}
        with self._store.transaction() as store:
            store.execute("UPDATE consent_statements SET status = ?, updated_at = ?,"
                          " signed_pdf = ?, signed_pdf_sha256 = ? WHERE id = ?",
                          (ConsentState.GETEKEND.value, iso(self.session.now()), pdf,
                           pdf_sha256, statement_id))
            self._add_event(store, statement_id, event)
            self._refresh_request_status(store, statement_id)
            log(self.session, store, "verklaring.tekenen", statement_id)
        return self._read(statement_id).outcomes(self._today())

    def signed_pdf(self, statement_id: str) -> bytes | None:
        """The PDF signed on the screen, or None (signed on paper, or not signed)."""
        value = self._store.scalar("SELECT signed_pdf FROM consent_statements WHERE id = ?",
                                   (statement_id,))
        return bytes(value) if value is not None else None

    # -- print later: a paper found by its number ----------------------------------------------
    def find_statement(self, intake_id: str, text: str) -> StatementSummary:
        """The statement of this intake with the document number typed from a paper, or the
        text of its QR code (a hand scanner types it: 'WI1:TV-…:<hash>'). A ConsentProblem
        (or InvalidDocumentNumber / InvalidQrCode) says what is wrong."""
        raw = text.strip()
        digest: str | None = None
        if raw.upper().startswith(QR_PREFIX + ":"):
            number, digest = parse_qr_payload(raw.upper())
        else:
            number = normalise_document_number(raw)
            problem = document_number_problem(number)
            if problem is not None:
                raise InvalidDocumentNumber(problem)
        rows = self._store.query(
            "SELECT id, intake_id, content_hash FROM consent_statements"
            " WHERE document_number = ?", (number,))
        if not rows:
            raise ConsentProblem(Message("consent.find.unknown", number=number))
        statement_id, owner, content_hash = rows[0]
        if owner != intake_id:
            raise ConsentProblem(Message("consent.find.other_intake", number=number))
        if digest is not None and digest != content_hash:
            raise ConsentProblem(Message("consent.find.other_version", number=number))
        return self.summary(statement_id)

    def paper_to_record(self, intake_id: str, text: str) -> StatementSummary:
        """`find_statement`, for recording the signatures of a printed paper: refused with a
        message when it was not printed with the program, or has nothing left to record."""
        summary = self.find_statement(intake_id, text)
        if summary.can_record_signatures:
            return summary
        if summary.state is ConsentState.CONCEPT and not summary.replaced:
            raise ConsentProblem(Message("consent.find.not_printed",
                                         number=summary.document_number))
        raise ConsentProblem(Message("consent.find.nothing_to_record",
                                     number=summary.document_number, state=summary.state_text))

    def record_withdrawn(self, statement_id: str, withdrawn_on: dt.date, how: str,
                         items: Sequence[int] | None = None) -> list[str]:
        """The resident (or a parent, a representative) withdraws consent for some items of a
        signed statement, or for all of it (`items` None). The withdrawal is per request: it
        reaches every other signed statement that covers the same request, so an older paper
        cannot keep it alive. Returns the ids of the statements changed."""
        row = self._row(statement_id)
        read = self._read(statement_id, row)
        if read.state is not ConsentState.GETEKEND:
            raise ConsentProblem(Message("consent.withdrawn.not_signed"))
        self._check_date(withdrawn_on, row)
        chosen = range(len(read.statement.items)) if items is None else items
        request_ids = sorted({rid for i in chosen if 0 <= i < len(read.item_requests)
                              and (rid := read.item_requests[i]) is not None})
        if not request_ids:
            raise ConsentProblem(Message("consent.withdrawn.nothing"))
        return self.withdraw(request_ids, withdrawn_on, how)

    def withdraw(self, request_ids: Sequence[str], withdrawn_on: dt.date,
                 how: str) -> list[str]:
        """Withdraw consent for these requests (one organisation, or one item) on every
        signed statement that covers them (AVG art. 7 lid 3: as easy as giving it)."""
        text = how.strip()
        if not text:
            raise ConsentProblem(Message("consent.withdrawn.no_how"))
        if withdrawn_on > self._today():
            raise ConsentProblem(Message("consent.date.future"))
        covering = covering_statements(self._store, request_ids)
        changes: dict[str, tuple[StoredConsent, set[int], set[str]]] = {}
        for request_id in request_ids:
            for statement in covering.get(request_id, []):
                if statement.state is not ConsentState.GETEKEND:
                    continue
                if withdrawn_on < self._created_on(self._row(statement.id)):
                    # Made after the withdrawal: a paper signed since is a new consent.
                    continue
                mine = statement.items_of(request_id) or tuple(
                    range(len(statement.statement.items)))
                open_items = {i for i in mine if i not in statement.withdrawn
                              and statement.statement.items[i].kind.needs_choice}
                if open_items:
                    _s, indexes, ids = changes.setdefault(statement.id,
                                                          (statement, set(), set()))
                    indexes.update(open_items)
                    ids.add(request_id)
        if not changes:
            raise ConsentProblem(Message("consent.withdrawn.nothing"))
        today = self._today()
        with self._store.transaction() as store:
            for statement_id, (statement, indexes, ids) in changes.items():
                self._add_event(store, statement_id, {
                    "event": "ingetrokken", "on": withdrawn_on.isoformat(), "how": text,
                    "items": sorted(indexes), "requests": sorted(ids)})
                after = replace(statement, withdrawn=statement.withdrawn | indexes)
                outcomes = after.outcomes(today)
                if all(o in (ItemOutcome.WITHDRAWN, ItemOutcome.REFUSED, ItemOutcome.NOT_NEEDED)
                       for o in outcomes.values()):
                    # Nothing left on this paper that allows anything.
                    store.execute("UPDATE consent_statements SET status = ?, updated_at = ?"
                                  " WHERE id = ?", (ConsentState.INGETROKKEN.value,
                                                    iso(self.session.now()), statement_id))
                self._refresh_request_status(store, statement_id)
                log(self.session, store, "verklaring.intrekken", statement_id)
        return sorted(changes)

    def record_refused(self, statement_id: str, refused_on: dt.date, reason: str) -> None:
        """concept/geprint → geweigerd, with the resident's reason (or that none was given)."""
        row = self._row(statement_id)
        self._require(row, (ConsentState.CONCEPT, ConsentState.GEPRINT),
                      Message("consent.refused.closed"))
        text = reason.strip()
        if not text:
            raise ConsentProblem(Message("consent.refused.no_reason"))
        self._check_date(refused_on, row)
        self._transition(statement_id, ConsentState.GEWEIGERD,
                         {"event": "geweigerd", "on": refused_on.isoformat(), "reason": text},
                         "verklaring.weigeren")

    def _require(self, row: Mapping[str, Any], allowed: tuple[ConsentState, ...],
                 message: Message) -> None:
        if ConsentState(row["status"]) not in allowed:
            raise ConsentProblem(message)

    def _check_date(self, day: dt.date, row: Mapping[str, Any]) -> None:
        if day > local_today(self.session):
            raise ConsentProblem(Message("consent.date.future"))
        if day < self._created_on(row):
            raise ConsentProblem(Message("consent.date.before_created"))

    @staticmethod
    def _created_on(row: Mapping[str, Any]) -> dt.date:
        """The worker's date on which this version of the statement was made."""
        return dt.datetime.fromisoformat(json.loads(row["events"])[0]["at"]).astimezone().date()

    def _transition(self, statement_id: str, state: ConsentState, event: dict[str, Any],
                    action: str) -> None:
        with self._store.transaction() as store:
            store.execute("UPDATE consent_statements SET status = ?, updated_at = ? WHERE id = ?",
                          (state.value, iso(self.session.now()), statement_id))
            self._add_event(store, statement_id, event)
            self._refresh_request_status(store, statement_id)
            log(self.session, store, action, statement_id)

    def _refresh_request_status(self, store: Store, statement_id: str) -> None:
        """Keep the `data_requests.status` column (a cache for lists; the data-request service
        derives the real status on reading) in step with the statement's new state. Called on
        every change of a statement, so also the place where a change sends an intake that is
        klaar voor overdracht back to concept (records.py `reopen_if_ready`)."""
        intake_id = store.scalar("SELECT intake_id FROM consent_statements WHERE id = ?",
                                 (statement_id,))
        if intake_id is not None:
            reopen_if_ready(self.session, store, str(intake_id))
        request_ids = [r[0] for r in store.query(
            "SELECT data_request_id FROM consent_coverage WHERE statement_id = ?",
            (statement_id,))]
        today = self._today()
        consents = request_consents(store, request_ids, today)
        for request_id in request_ids:
            payload = store.scalar("SELECT payload FROM data_requests WHERE id = ?",
                                   (request_id,))
            if payload is None:
                continue
            status = status_of(DataRequest.from_dict(json.loads(payload)), consents[request_id])
            store.execute("UPDATE data_requests SET status = ? WHERE id = ?",
                          (status.value, request_id))

    def _add_event(self, store: Store, statement_id: str, event: dict[str, Any]) -> None:
        events = json.loads(store.scalar(
            "SELECT events FROM consent_statements WHERE id = ?", (statement_id,)))
        events.append({**event, "at": iso(self.session.now())})
        store.execute("UPDATE consent_statements SET events = ? WHERE id = ?",
                      (json.dumps(events, ensure_ascii=False), statement_id))

    # -- helpers for the UI ------------------------------------------------------------------
    @staticmethod
    def who_signs_text(composition: Composition) -> Message | None:
        """Why these people sign and who they are, for the composer: "De jongere is 13 jaar.
        … Tekenen: Zoë (jongere), …". None while it is not known yet."""
        signers = composition.signers
        if signers is None:
            return None
        names = [signer_label(s.name, s.role) if s.competence is Competence.ALL
                 else Message("signer.with_role_and_competence", name=s.name, role=s.role.word,
                              competence=Message(f"signer.competence.{s.competence.value}"))
                 for s in signers.signers]
        return Message("consent.who_signs", explanation=signers.reason, names=Joined(names))

    def resident_age(self, intake_id: str) -> int | None:
        raw = stored_answers(self._store, intake_id).get(RESIDENT_BIRTH_FIELD)
        try:
            return age_on(parse_date(raw), local_today(self.session)) if raw else None
        except ValueError:
            return None


# The answers to `gezag_gecontroleerd` that mean custody was checked ("nog_niet" does not).
CUSTODY_CHECKED = frozenset({"gezagsregister", "document"})


def custody_from_answers(answers: Mapping[str, Any]) -> tuple[CustodyHolder, ...]:
    """The custody holders the intake's answers name (also for the verslag voor de inwoner)."""
    return ConsentService._custody_from_answers(answers)


def _weighed_to_stop(request: DataRequest) -> bool:
    """The request's valid weighing ends in "niet delen" or "verwijs door"."""
    weighing = request.valid_weighing
    verdict = weighing.outcome_kind if weighing is not None else None
    return verdict is not None and verdict.ends_request
