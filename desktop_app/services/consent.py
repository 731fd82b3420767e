"""Consent statements (toestemmingsverklaringen): composed from the data requests that need
written consent (ZW-4, ZU-A4C), stored with their PDF and hashes, and followed through their
lifecycle:

    concept → geprint → getekend → ingetrokken
                      ↘ geweigerd

Every step is a transaction with its audit entry (object = the statement's pseudonymous id) and
an entry in the statement's own `events` JSON (which may hold personal text such as a reason;
the audit log never does). The data-request status is derived, never stored: `consent_states`
(services/records.py) gives, per request, the states of the statements that cover it, and
domain `status_of` decides from that (a signed statement unlocks, a withdrawal locks again).
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
    ConsentItem,
    ConsentResident,
    ConsentStatement,
    ConsentTemplate,
    Controller,
    DocumentKind,
    StatementNotReady,
    canonical_json,
    format_document_number,
    load_consent_template,
    parse_consent_template,
    setting_what,
    statement_problems,
)
from desktop_app.domain.data_requests import (
    ConsentState,
    DataRequest,
    Status,
    needs_written_consent,
    status_of,
    summary_message,
)
from desktop_app.domain.people import age_on, parse_date
from desktop_app.domain.signers import (
    CustodyHolder,
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
    add_months,
    consent_states,
    iso,
    load_data_requests,
    local_today,
    log,
    next_sequence,
    stored_answers,
)
from desktop_app.services.session import Session
from desktop_app.services.settings import (
    BY_KEY,
    MUNICIPALITY_NAME,
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


@dataclass(frozen=True)
class Composition:
    """A statement as it would be printed, or what is still missing.

    `missing` names what the UI must ask: 'gezag' (custody holders), 'gezag_gecontroleerd',
    'curator', 'geboortedatum', 'verzoeken'."""

    statement: ConsentStatement | None
    problems: tuple[Message, ...]
    signers: SignerRequirement | None
    missing: frozenset[str]
    notices: tuple[Message, ...]  # settings that fell back to a default
    inputs: Mapping[str, Any]  # what the worker chose; kept so a reprint can recompose
    place: str = ""  # place of signing as it would be printed (prefill for the UI)

    @property
    def ready(self) -> bool:
        return self.statement is not None and not self.problems


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

    @property
    def state_text(self) -> Message:
        label = CONSENT_STATE_LABELS[self.state]
        return Message("consent.state.replaced", state=label) if self.replaced else label

    @property
    def history(self) -> tuple[Message, ...]:
        """What the panel lists for the chosen statement: who signs and why, then every event
        with its moment (local time), date, signers, reason or how."""
        lines = [Message("consent.history.who_signs", number=self.document_number,
                         explanation=self.signer_explanation)]
        for event in self.events:
            moment = f"{dt.datetime.fromisoformat(event['at']).astimezone():%d-%m-%Y %H:%M}"
            what: Message | str = _EVENT_WORDS.get(event["event"], event["event"])
            details = []
            if event.get("on"):
                details.append(Message("consent.history.on",
                                       date=dt.date.fromisoformat(event["on"])))
            if event.get("by"):
                details.append(Message("consent.history.by", names=Joined(event["by"])))
            if event.get("reason"):
                details.append(Message("consent.history.reason", reason=event["reason"]))
            if event.get("how"):
                details.append(Message("consent.history.how", how=event["how"]))
            lines.append(
                Message("consent.history.event_details", moment=moment, event=what,
                        details=Joined(details, " ")) if details
                else Message("consent.history.event", moment=moment, event=what))
        return tuple(lines)


@dataclass(frozen=True, slots=True)
class PrintJob:
    statement_id: str
    document_number: str
    pdf: bytes = field(repr=False)
    new_version: bool  # the statement had changed: this is a new version with a new number


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
        """Every data request of the intake, with whether it needs written consent; the ones
        that need it and are not yet covered by an active statement are pre-selected."""
        requests = load_data_requests(self._store, intake_id)
        states = consent_states(self._store, [r.id for r in requests])
        numbers = dict(self._store.query(
            "SELECT id, document_number FROM consent_statements WHERE intake_id = ?",
            (intake_id,)))
        result: list[Candidate] = []
        for request in requests:
            covering = states.get(request.id, {})
            active = tuple(
                numbers[sid] for sid, state in covering.items()
                if state in (ConsentState.CONCEPT, ConsentState.GEPRINT, ConsentState.GETEKEND))
            status = status_of(request, covering)
            written = needs_written_consent(request)
            finished = status in (Status.NIET_DELEN, Status.DOORVERWEZEN, Status.VERSTUURD)
            result.append(Candidate(
                request_id=request.id,
                organisation=request.organisation.name,
                direction=request.direction.phrase,
                purpose=request.purpose,
                needs_written=written,
                reason=summary_message(request, covering),
                status=status,
                covered_by=active,
                suggested=written and not active and not finished,
            ))
        return result

    # -- composing ---------------------------------------------------------------------------
    def compose(
        self,
        intake_id: str,
        request_ids: Sequence[str] | None = None,
        *,
        custody_holders: Sequence[str] | None = None,
        custody_role: SignerRole | str = SignerRole.PARENT_WITH_CUSTODY,
        custody_checked: bool | None = None,
        curator_name: str | None = None,
        place: str | None = None,
        signing_date: dt.date | None = None,
    ) -> Composition:
        """What the statement would look like; nothing is stored. Values left None come from
        the intake's answers (household: custody holders, custody check, curatele) and the
        settings. `request_ids` None takes the suggested candidates."""
        answers = stored_answers(self._store, intake_id)
        if request_ids is None:
            request_ids = [c.request_id for c in self.candidates(intake_id) if c.suggested]
        inputs: dict[str, Any] = {
            "request_ids": list(request_ids),
            "custody_holders": list(custody_holders) if custody_holders is not None else None,
            "custody_role": SignerRole(custody_role).value,
            "custody_checked": custody_checked,
            "curator_name": curator_name,
            "place": place,
        }
        return self._compose(intake_id, answers, inputs, signing_date, document_number=None,
                             version=1)

    def _compose(self, intake_id: str, answers: Mapping[str, Any], inputs: Mapping[str, Any],
                 signing_date: dt.date | None, *, document_number: str | None,
                 version: int) -> Composition:
        template = self.template()
        controller, notices = self.controller()
        problems: list[Message] = []
        missing: set[str] = set()
        signing = signing_date or local_today(self.session)

        by_id = {r.id: r for r in load_data_requests(self._store, intake_id)}
        chosen = [by_id[rid] for rid in inputs["request_ids"] if rid in by_id]
        if not chosen:
            problems.append(Message("consent.compose.no_requests"))
            missing.add("verzoeken")
        items = tuple(
            ConsentItem(
                purpose=r.purpose,
                data_items=r.items,
                organisation_name=r.organisation.name.nl,
                direction=r.direction,
                basis=r.basis,
                secrecy=r.organisation.regime,
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
        holders_input = inputs.get("custody_holders")
        if holders_input is None:
            holders_input = self._custody_from_answers(answers)
        role = SignerRole(inputs.get("custody_role") or SignerRole.PARENT_WITH_CUSTODY.value)
        if holders_input is None:
            holders_input = []
        if answers.get("gezag_wie") in ("voogd", "gecertificeerde_instelling") and (
                inputs.get("custody_holders") is None):
            role = SignerRole.GUARDIAN
        checked = inputs.get("custody_checked")
        if checked is None:
            checked = answers.get("gezag_gecontroleerd") in ("gezagsregister", "document")
        curatele = answers.get("vertegenwoordiging") == "curatele"
        curator = inputs.get("curator_name")
        if curator is None and curatele:
            raw = answers.get("vertegenwoordiger_naam")
            curator = raw.strip() if isinstance(raw, str) else None
        if birth is not None:
            try:
                signers = who_signs(
                    resident_name=name,
                    birth_date=birth,
                    signing_date=signing,
                    custody_holders=tuple(CustodyHolder(n, role) for n in holders_input),
                    custody_checked=bool(checked),
                    under_curatele=curatele,
                    curator_name=curator or None,
                )
            except SignerProblem as err:
                problems.append(err.message)
                missing.add(err.missing)
        if signers is not None and signers.rule in (SignerRule.UNDER_12,
                                                    SignerRule.FROM_12_TO_15) and not checked:
            missing.add("gezag_gecontroleerd")

        place_text = (inputs.get("place") or self.settings.text(SIGNING_PLACE)
                      or (answers.get("inwoner_woonplaats") or "")).strip()
        if not place_text:
            missing.add("plaats")

        statement: ConsentStatement | None = None
        if birth is not None and signers is not None:
            number = document_number or format_document_number(
                DocumentKind.TOESTEMMINGSVERKLARING, signing.year, 1)  # placeholder until stored
            statement = ConsentStatement(
                document_number=number,
                statement_version=version,
                template_id=template.id,
                template_version=template.version,
                template_hash=template.content_hash(),
                controller=controller,
                resident=ConsentResident(name, birth, bsn),
                items=items,
                valid_until=add_months(signing, self.valid_months()),
                place=place_text,
                signing_date=signing,
                signers=signers,
                bsn_required=bsn_required,
            )
            problems.extend(p for p in statement_problems(statement, template)
                            if p not in problems)
        return Composition(statement, tuple(problems), signers, frozenset(missing), notices,
                           dict(inputs), place_text)

    @staticmethod
    def _custody_from_answers(answers: Mapping[str, Any]) -> list[str] | None:
        """Custody holders: household members ticked 'heeft gezag', else the names typed at
        'wie heeft het gezag'. None when the household part says nothing."""
        members = answers.get("huishouden_leden")
        names: list[str] = []
        if isinstance(members, list):
            names = [" ".join(str(m.get("naam", "")).split()) for m in members
                     if isinstance(m, dict) and m.get("gezag") is True and m.get("naam")]
        if names:
            return names
        typed = answers.get("gezag_namen")
        if isinstance(typed, str) and typed.strip():
            return _split_names(typed)
        return None

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
        year = composition.statement.signing_date.year
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
            for request_id in composition.inputs["request_ids"]:
                store.execute("INSERT OR IGNORE INTO consent_coverage(statement_id,"
                              " data_request_id) VALUES (?, ?)", (statement_id, request_id))
            self._refresh_request_status(store, statement_id)
            log(self.session, store,
                 "verklaring.nieuwe_versie" if previous else "verklaring.maken", statement_id)
        return statement_id

    # -- reading -----------------------------------------------------------------------------
    def statements(self, intake_id: str) -> list[StatementSummary]:
        rows = self._store.query(
            "SELECT id FROM consent_statements WHERE intake_id = ? ORDER BY created_at, version",
            (intake_id,))
        return [self.summary(row[0]) for row in rows]

    def summary(self, statement_id: str) -> StatementSummary:
        row = self._row(statement_id)
        content = json.loads(row["payload"])["content"]
        events = tuple(json.loads(row["events"]))
        signers = content["signers"]
        return StatementSummary(
            id=statement_id,
            document_number=row["document_number"],
            version=row["version"],
            previous_id=row["previous_id"],
            state=ConsentState(row["status"]),
            replaced=any(e.get("event") == "vervangen" for e in events),
            organisations=self._organisation_names(
                statement_id, [i["organisation"] for i in content["items"]]),
            signers=tuple(signer_label(n, r) for r, n in signers["signers"]),
            signer_names=tuple(n for _r, n in signers["signers"]),
            signer_roles=tuple(SignerRole(r) for r, _n in signers["signers"]),
            # From the rule and the age, so it reads in the worker's language; the stored
            # Dutch text (signers["explanation"]) is what was printed.
            signer_explanation=signer_explanation(SignerRule(signers["rule"]), signers["age"]),
            valid_until=dt.date.fromisoformat(content["valid_until"]),
            events=events,
        )

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

    def consents_for(self, request_id: str) -> dict[str, ConsentState]:
        """{statement id: state} for domain `status_of(request, …)`."""
        return consent_states(self._store, [request_id])[request_id]

    def _row(self, statement_id: str) -> dict[str, Any]:
        cursor = self._store.execute(
            "SELECT id, intake_id, document_number, version, previous_id, template_hash, status,"
            " payload, content_hash, pdf, pdf_sha256, events FROM consent_statements"
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
        row = self._row(statement_id)
        state = ConsentState(row["status"])
        if state not in (ConsentState.CONCEPT, ConsentState.GEPRINT):
            raise ConsentProblem(_NOT_PRINTABLE[state])
        payload = json.loads(row["payload"])
        if any(e.get("event") == "vervangen" for e in json.loads(row["events"])):
            raise ConsentProblem(Message("consent.print.replaced"))
        answers = stored_answers(self._store, row["intake_id"])
        again = self._compose(row["intake_id"], answers, payload["inputs"], None,
                              document_number=row["document_number"], version=row["version"])
        stored = payload["content"]
        if again.statement is None or not again.ready:
            raise StatementNotReady(again.problems)
        if self._same_print(stored, again.statement.canonical_content()):
            return PrintJob(statement_id, row["document_number"], bytes(row["pdf"]), False)
        new_id_ = self._store_statement(row["intake_id"], again,
                                        previous=(statement_id, row["version"]))
        with self._store.transaction() as store:
            self._add_event(store, statement_id, {"event": "vervangen", "by": new_id_})
        new_row = self._row(new_id_)
        return PrintJob(new_id_, new_row["document_number"], bytes(new_row["pdf"]), True)

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

    def record_signed(self, statement_id: str, signed_on: dt.date,
                      signed_by: Sequence[str]) -> None:
        """geprint → getekend: the date and who signed (everyone the statement requires)."""
        row = self._row(statement_id)
        self._require(row, (ConsentState.GEPRINT,), Message("consent.signed.not_printed"))
        names = [" ".join(n.split()) for n in signed_by if n.strip()]
        if not names:
            raise ConsentProblem(Message("consent.signed.nobody"))
        content = json.loads(row["payload"])["content"]
        required = [n for _role, n in content["signers"]["signers"]]
        absent = [n for n in required if n not in names]
        if absent:
            raise ConsentProblem(Message("consent.signed.not_everyone", names=Joined(absent)))
        self._check_date(signed_on, row)
        self._transition(statement_id, ConsentState.GETEKEND,
                         {"event": "getekend", "on": signed_on.isoformat(), "by": names},
                         "verklaring.tekenen")

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

    def record_withdrawn(self, statement_id: str, withdrawn_on: dt.date, how: str) -> None:
        """getekend → ingetrokken, with how the resident withdrew (phone, letter, …)."""
        row = self._row(statement_id)
        self._require(row, (ConsentState.GETEKEND,), Message("consent.withdrawn.not_signed"))
        text = how.strip()
        if not text:
            raise ConsentProblem(Message("consent.withdrawn.no_how"))
        self._check_date(withdrawn_on, row)
        self._transition(statement_id, ConsentState.INGETROKKEN,
                         {"event": "ingetrokken", "on": withdrawn_on.isoformat(), "how": text},
                         "verklaring.intrekken")

    def _require(self, row: Mapping[str, Any], allowed: tuple[ConsentState, ...],
                 message: Message) -> None:
        if ConsentState(row["status"]) not in allowed:
            raise ConsentProblem(message)

    def _check_date(self, day: dt.date, row: Mapping[str, Any]) -> None:
        if day > local_today(self.session):
            raise ConsentProblem(Message("consent.date.future"))
        created = dt.datetime.fromisoformat(json.loads(row["events"])[0]["at"]).astimezone().date()
        if day < created:
            raise ConsentProblem(Message("consent.date.before_created"))

    def _transition(self, statement_id: str, state: ConsentState, event: dict[str, Any],
                    action: str) -> None:
        with self._store.transaction() as store:
            store.execute("UPDATE consent_statements SET status = ?, updated_at = ? WHERE id = ?",
                          (state.value, iso(self.session.now()), statement_id))
            self._add_event(store, statement_id, event)
            self._refresh_request_status(store, statement_id)
            log(self.session, store, action, statement_id)

    @staticmethod
    def _refresh_request_status(store: Store, statement_id: str) -> None:
        """Keep the `data_requests.status` column (a cache for lists; the data-request service
        derives the real status on reading) in step with the statement's new state."""
        request_ids = [r[0] for r in store.query(
            "SELECT data_request_id FROM consent_coverage WHERE statement_id = ?",
            (statement_id,))]
        states = consent_states(store, request_ids)
        for request_id in request_ids:
            payload = store.scalar("SELECT payload FROM data_requests WHERE id = ?",
                                   (request_id,))
            if payload is None:
                continue
            status = status_of(DataRequest.from_dict(json.loads(payload)), states[request_id])
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
        return Message("consent.who_signs", explanation=signers.reason,
                       names=Joined(signer_label(s.name, s.role) for s in signers.signers))

    def resident_age(self, intake_id: str) -> int | None:
        raw = stored_answers(self._store, intake_id).get(RESIDENT_BIRTH_FIELD)
        try:
            return age_on(parse_date(raw), local_today(self.session)) if raw else None
        except ValueError:
            return None
