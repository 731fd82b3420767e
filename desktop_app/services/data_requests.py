"""Data requests (gegevensverzoeken) of an intake: create and change them, record the weighing
(afweging) with the municipality's protocol, the oral consent (ZW-3/ZW-4), and mark them as sent.

The rules live in `domain/data_requests.py`; this service only stores and loads:
- `data_requests.payload` holds the domain `DataRequest` as JSON (with every weighing version
  inside it, so a report needs one read). `data_requests.status` is a snapshot for quick
  listing only: the status shown is always derived again (`status_of`), because signing or
  withdrawing a toestemmingsverklaring changes it without touching the request.
- Every weighing is also a row in `weighings` (version 1, 2, ...). Rows are only inserted,
  never updated, so a changed weighing keeps the old one (ZU-DOC, issue 4).
- The exact protocol text a weighing was made with is kept in `form_definitions`
  (kind 'protocol'), so it can be replayed after the file in forms/ changed.
- Every change commits together with its audit entry; audit objects are pseudonymous request
  ids only (never organisation names, purposes or records, which may identify the resident).

Refusals are `DataRequestProblem` / `OrganisationProblem` (both a `MessageError`); the reason
and the summary of a row are messages, rendered by the screen in the worker's language.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.domain.data_requests import (
    DataRequest,
    DataRequestProblem,
    Informing,
    OrganisationResponse,
    RecordedWeighing,
    RequestConsent,
    Status,
    can_mark_sent,
    new_data_request,
    status_of,
    suggested_informing,
    summary_message,
    weighing_context,
)
from desktop_app.domain.organisations import (
    BigProfession,
    Catalogue,
    Organisation,
    OrganisationProblem,
    custom_organisation,
    load_catalogue,
)
from desktop_app.domain.protocols import (
    ProtocolGraph,
    Weighing,
    load_protocols,
    parse_protocol,
)
from desktop_app.domain.vocabulary import Basis, Direction, Registration, SecrecyRegime
from desktop_app.messages import Message
from desktop_app.resources import forms_dir
from desktop_app.services.intakes import new_id
from desktop_app.services.session import Session
from desktop_app.services.settings import (
    CUSTOM_ORGANISATIONS,
    PROFESSIONAL_REGISTRATION,
    PROTOCOL,
    SettingsService,
)
from desktop_app.vault import audit
from desktop_app.vault.store import Store

__all__ = [
    "DataRequestProblem",
    "DataRequestRow",
    "DataRequestService",
    "OrganisationProblem",
    "WeighingVersion",
]



def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True, slots=True)
class DataRequestRow:
    """One request as the overview shows it: the domain object plus what is derived."""

    request: DataRequest
    intake_id: str
    status: Status
    can_send: bool
    reason: Message  # why it can (not) be marked as sent
    summary: Message  # the outcome in plain words (B1)
    consent: RequestConsent  # what the statements covering it say together
    created_at: dt.datetime

    @property
    def id(self) -> str:
        return self.request.id


@dataclass(frozen=True, slots=True)
class WeighingVersion:
    """One stored row of `weighings`: kept forever (until the intake is destroyed)."""

    version: int
    created_at: dt.datetime
    protocol_hash: str
    recorded: RecordedWeighing


class DataRequestService:
    def __init__(self, session: Session, forms_folder: Path | None = None) -> None:
        self.session = session
        self.folder = forms_folder or forms_dir()
        self.settings = SettingsService(session, self.folder)
        self._catalogue: Catalogue | None = None
        self._protocols: dict[str, ProtocolGraph] | None = None
        self._by_hash: dict[str, ProtocolGraph] = {}

    @property
    def _store(self) -> Store:
        return self.session.profile.store

    def _log(self, store: Store, action: str, obj: str = "-", result: str = "ok") -> None:
        audit.append(store, at=self.session.now(), actor=self.session.profile.actor,
                     action=action, obj=obj, result=result)

    # -- organisations ----------------------------------------------------------------------
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            self._catalogue = load_catalogue(self.folder / "organisaties.yaml")
        return self._catalogue

    def custom_organisations(self) -> list[Organisation]:
        """Organisations this worker added during visits (kept per profile, in settings)."""
        result: list[Organisation] = []
        for entry in self.settings.custom_organisations():
            try:
                result.append(custom_organisation(entry["name"], entry["regime"],
                                                  entry.get("profession")))
            except (KeyError, TypeError, OrganisationProblem):
                continue  # one damaged entry must not hide the others
        return result

    def organisations(self) -> list[Organisation]:
        """The catalogue first (the municipality's list), then the worker's own additions."""
        return [*self.catalogue().organisations, *self.custom_organisations()]

    def organisation(self, organisation_id: str) -> Organisation:
        for organisation in self.organisations():
            if organisation.id == organisation_id:
                return organisation
        raise OrganisationProblem(Message("organisation.not_in_list"))

    def add_custom_organisation(self, name: str, regime: SecrecyRegime | str,
                                profession: BigProfession | str | None = None) -> Organisation:
        """Add an organisation during a visit. Refuses a name that is already in the list: a
        second 'Huisarts' without BIG would slip past the written-consent rule (ZW-4)."""
        organisation = custom_organisation(name, regime, profession)
        wanted = _fold(organisation.name.nl)
        for existing in self.organisations():
            if _fold(existing.name.nl) == wanted or existing.id == organisation.id:
                raise OrganisationProblem(Message("organisation.already_in_list"))
        entries = self.settings.custom_organisations()
        entries.append({
            "name": organisation.name.nl,
            "regime": organisation.regime.value,
            "profession": organisation.profession.value if organisation.profession else None,
        })
        self.settings.store_data(CUSTOM_ORGANISATIONS, entries, "organisatie.toevoegen")
        return organisation

    # -- protocols --------------------------------------------------------------------------
    def protocols(self) -> dict[str, ProtocolGraph]:
        if self._protocols is None:
            self._protocols = load_protocols(self.folder / "protocols")
            for graph in self._protocols.values():
                self._by_hash[graph.content_hash] = graph
        return self._protocols

    def protocol(self) -> ProtocolGraph:
        """The protocol the municipality chose in settings (the registry's default: Zutphen).
        A chosen protocol whose file is gone is refused, not silently replaced: a weighing
        must follow the municipality's own code."""
        setting = self.settings.effective(PROTOCOL)
        graphs = self.protocols()
        if setting.rejected is not None or setting.value not in graphs:
            chosen = setting.rejected if setting.rejected is not None else setting.value
            raise DataRequestProblem(Message("data_request.protocol.chosen_unknown",
                                             protocol=str(chosen),
                                             protocols=", ".join(sorted(graphs))))
        return graphs[setting.value]

    def set_protocol(self, protocol_id: str) -> None:
        if protocol_id not in self.protocols():
            raise DataRequestProblem(Message("data_request.protocol.unknown"))
        self.settings.set(PROTOCOL, protocol_id)

    def protocol_by_hash(self, content_hash: str) -> ProtocolGraph:
        """The exact protocol an old weighing was made with, from the store if the file in
        forms/ has changed since."""
        self.protocols()
        if content_hash not in self._by_hash:
            row = self._store.query(
                "SELECT source_name, source_text FROM form_definitions"
                " WHERE content_hash = ? AND kind = 'protocol'", (content_hash,))
            if not row:
                raise KeyError(content_hash)
            self._by_hash[content_hash] = parse_protocol(row[0][1], row[0][0])
        return self._by_hash[content_hash]

    def _protocol_text(self, graph: ProtocolGraph) -> str:
        stored = self._store.scalar(
            "SELECT source_text FROM form_definitions WHERE content_hash = ?",
            (graph.content_hash,))
        if stored is not None:
            return str(stored)
        raw = Path(graph.source).read_bytes()
        if hashlib.sha256(raw).hexdigest() != graph.content_hash:
            # The file changed while the worker was weighing: storing the new text under the
            # old hash would make the stored weighing lie about what was asked.
            raise DataRequestProblem(Message("data_request.protocol.changed"))
        return raw.decode("utf-8")  # as-is, so the stored text hashes the same

    def registration(self) -> Registration:
        """The worker's own registration (settings), for ZU-A4C when the team gives data."""
        return Registration(self.settings.effective(PROFESSIONAL_REGISTRATION).value)

    def context_of(self, request: DataRequest) -> dict[str, Any]:
        return weighing_context(request, self.registration())

    def new_weighing(self, request_id: str) -> Weighing:
        """A fresh walk through the chosen protocol, in the texts of the request's direction,
        context questions already answered."""
        request = self.get(request_id).request
        graph = self.protocol().for_direction(request.direction)
        return Weighing.start(graph).answer_from_context(self.context_of(request))

    # -- reading ----------------------------------------------------------------------------
    def _consents(self, request_id: str) -> RequestConsent:
        # One rule for both screens: a replaced concept/printed version no longer counts.
        from desktop_app.services.records import local_today, request_consents

        return request_consents(self._store, [request_id],
                                local_today(self.session))[request_id]

    def _row(self, intake_id: str, payload: str, created: str) -> DataRequestRow:
        request = DataRequest.from_dict(json.loads(payload))
        consents = self._consents(request.id)
        allowed, reason = can_mark_sent(request, consents)
        return DataRequestRow(
            request=request, intake_id=intake_id, status=status_of(request, consents),
            can_send=allowed, reason=reason, summary=summary_message(request, consents),
            consent=consents, created_at=dt.datetime.fromisoformat(created))

    def list_requests(self, intake_id: str) -> list[DataRequestRow]:
        rows = self._store.query(
            "SELECT intake_id, payload, created_at FROM data_requests WHERE intake_id = ?"
            " ORDER BY created_at, rowid", (intake_id,))
        return [self._row(*row) for row in rows]

    def get(self, request_id: str) -> DataRequestRow:
        rows = self._store.query(
            "SELECT intake_id, payload, created_at FROM data_requests WHERE id = ?",
            (request_id,))
        if not rows:
            raise KeyError(request_id)
        return self._row(*rows[0])

    def weighing_history(self, request_id: str) -> list[WeighingVersion]:
        """Every recorded version, oldest first; none is ever replaced."""
        rows = self._store.query(
            "SELECT version, created_at, protocol_hash, payload FROM weighings"
            " WHERE data_request_id = ? ORDER BY version", (request_id,))
        return [WeighingVersion(version, dt.datetime.fromisoformat(created), protocol_hash,
                                RecordedWeighing.from_dict(json.loads(payload)))
                for version, created, protocol_hash, payload in rows]

    def suggested_informing(self, request_id: str) -> Informing | None:
        """Prefill for the oral-consent step: what the weighing path already says."""
        request = self.get(request_id).request
        if request.informing is not None:
            return request.informing
        weighing = request.valid_weighing
        return suggested_informing(weighing) if weighing is not None else None

    # -- changing ---------------------------------------------------------------------------
    def _write(self, store: Store, request: DataRequest, *, insert_for: str | None = None) -> None:
        consents = (self._consents(request.id) if insert_for is None
                    else RequestConsent.NONE)
        status = status_of(request, consents).value
        payload = json.dumps(request.to_dict(), ensure_ascii=False)
        stamp = _iso(self.session.now())
        if insert_for is not None:
            store.execute(
                "INSERT INTO data_requests(id, intake_id, status, payload, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                (request.id, insert_for, status, payload, stamp, stamp))
        else:
            store.execute(
                "UPDATE data_requests SET status = ?, payload = ?, updated_at = ? WHERE id = ?",
                (status, payload, stamp, request.id))
        intake = insert_for or store.scalar(
            "SELECT intake_id FROM data_requests WHERE id = ?", (request.id,))
        store.execute("UPDATE intakes SET updated_at = ? WHERE id = ?", (stamp, intake))
        # Every change of a request passes here: what was checked for klaar voor overdracht
        # no longer holds, so the intake goes back to concept (records.py `reopen_if_ready`).
        from desktop_app.services.records import reopen_if_ready

        reopen_if_ready(self.session, store, str(intake))

    def _load_in(self, store: Store, request_id: str) -> DataRequest:
        # Read inside the caller's transaction (BEGIN IMMEDIATE): no other writer can change
        # the request between this read and the write.
        payload = store.scalar("SELECT payload FROM data_requests WHERE id = ?", (request_id,))
        if payload is None:
            raise KeyError(request_id)
        return DataRequest.from_dict(json.loads(payload))

    def create_request(self, intake_id: str, *, direction: Direction | str,
                       organisation: Organisation, purpose: str, items: Iterable[str],
                       basis: Basis | str, organisation_named: str = "") -> str:
        """A new request in status concept; raises DataRequestProblem on bad input."""
        if self._store.scalar("SELECT 1 FROM intakes WHERE id = ?", (intake_id,)) is None:
            raise KeyError(intake_id)
        request = new_data_request(request_id=new_id("verzoek"), direction=Direction(direction),
                                   organisation=organisation, purpose=purpose, items=items,
                                   basis=Basis(basis), organisation_named=organisation_named)
        with self._store.transaction() as store:
            self._write(store, request, insert_for=intake_id)
            self._log(store, "verzoek.aanmaken", request.id)
        return request.id

    def update_request(self, request_id: str, *, direction: Direction | str | None = None,
                       organisation: Organisation | None = None, purpose: str | None = None,
                       items: Iterable[str] | None = None,
                       basis: Basis | str | None = None,
                       organisation_named: str | None = None) -> DataRequest:
        """Change what is requested. A weighing made for the old request no longer counts
        (the domain decides); the worker weighs again, as a new version."""
        with self._store.transaction() as store:
            request = self._load_in(store, request_id).with_details(
                organisation=organisation,
                direction=Direction(direction) if direction is not None else None,
                purpose=purpose, items=items,
                basis=Basis(basis) if basis is not None else None,
                organisation_named=organisation_named)
            self._write(store, request)
            self._log(store, "verzoek.wijzigen", request_id)
        return request

    def record_weighing(self, request_id: str, weighing: Weighing, *,
                        answer_from_path: bool = False) -> RecordedWeighing:
        """Store a complete weighing as a new version; earlier versions stay untouched. The
        first is logged as `verzoek.wegen`, every later one as `verzoek.wegen_gewijzigd`.

        `answer_from_path`: the path already says what the resident answered ("ja", informed,
        an objection with the recorded decision, not informed first): store that too, in the
        same transaction, so the worker is asked once (issue 15)."""
        if not weighing.is_complete:
            raise DataRequestProblem(Message("data_request.weighing_unfinished"))
        graph = weighing.graph
        source_text = self._protocol_text(graph)
        with self._store.transaction() as store:
            request = self._load_in(store, request_id)
            replayed = self._replay_against(weighing, request)
            updated = request.with_weighing(replayed, self.session.now())
            recorded = updated.weighings[-1]
            previous = store.scalar(
                "SELECT MAX(version) FROM weighings WHERE data_request_id = ?", (request_id,))
            version = int(previous or 0) + 1
            if version != recorded.number:
                # The payload and the table must tell the same history; a mismatch means a
                # damaged store, and guessing would hide a version.
                raise DataRequestProblem(Message("data_request.weighings_inconsistent"))
            store.execute(
                "INSERT OR IGNORE INTO form_definitions(content_hash, kind, form_id, version,"
                " source_name, source_text) VALUES (?, 'protocol', ?, ?, ?, ?)",
                (graph.content_hash, graph.id, graph.version, Path(graph.source).name,
                 source_text))
            store.execute(
                "INSERT INTO weighings(data_request_id, version, protocol_hash, payload,"
                " created_at) VALUES (?, ?, ?, ?, ?)",
                (request_id, version, graph.content_hash,
                 json.dumps(recorded.to_dict(), ensure_ascii=False),
                 _iso(recorded.recorded_at)))
            informing = suggested_informing(recorded) if answer_from_path else None
            if informing is not None:
                updated = updated.with_informing(informing)
            self._write(store, updated)
            self._log(store, "verzoek.wegen" if version == 1 else "verzoek.wegen_gewijzigd",
                      request_id)
            if informing is not None:
                self._log(store, "verzoek.informeren", request_id)
        return recorded

    def _replay_against(self, weighing: Weighing, request: DataRequest) -> Weighing:
        """Replay the worker's answers with the context facts of the stored request, so a
        context node can never carry a value that contradicts the organisation or basis."""
        context = self.context_of(request)
        state = Weighing.start(weighing.graph).answer_from_context(context)
        for step in weighing.steps:
            node = weighing.graph.node(step.node)
            if node.context is not None:
                continue  # answered from the request below, never from the screen
            state = state.answer(step.node, step.answer, dict(step.records))
            state = state.answer_from_context(context)
        if not state.is_complete or [(s.node, s.answer) for s in state.steps] != [
                (s.node, s.answer) for s in weighing.steps]:
            raise DataRequestProblem(Message("data_request.changed_while_weighing"))
        return state

    def record_informing(self, request_id: str, informing: Informing) -> DataRequest:
        """ZW-3/ZW-4: whether the resident was informed and what the resident said."""
        with self._store.transaction() as store:
            request = self._load_in(store, request_id).with_informing(informing)
            self._write(store, request)
            self._log(store, "verzoek.informeren", request_id)
        return request

    def mark_sent(self, request_id: str) -> DataRequest:
        """Refused (DataRequestProblem with the domain's reason) unless can_mark_sent.
        A refusal is logged too: the privacy officer can see attempts, not only successes."""
        with self._store.transaction() as store:
            request = self._load_in(store, request_id)
            consents = self._consents(request_id)
            allowed, reason = can_mark_sent(request, consents)
            if allowed:
                request = request.mark_sent(consents, self.session.now())
                self._write(store, request)
                self._log(store, "verzoek.versturen", request_id)
                return request
            self._log(store, "verzoek.versturen", request_id, result="geweigerd")
        raise DataRequestProblem(reason)

    def record_informed_afterwards(self, request_id: str) -> DataRequest:
        """ZU-A4B: the worker told the resident afterwards; the reminder ends."""
        with self._store.transaction() as store:
            request = self._load_in(store, request_id).with_informed_afterwards(
                self.session.now())
            self._write(store, request)
            self._log(store, "verzoek.achteraf_informeren", request_id)
        return request

    def record_response(self, request_id: str, response: OrganisationResponse | str,
                        note: str = "") -> DataRequest:
        """What the organisation answered to a sent request."""
        with self._store.transaction() as store:
            request = self._load_in(store, request_id).with_response(
                OrganisationResponse(response), note, self.session.now())
            self._write(store, request)
            self._log(store, "verzoek.antwoord", request_id)
        return request

    def inform_after_due(self, intake_id: str) -> list[DataRequestRow]:
        """The requests of an intake whose resident is to be told afterwards, date reached."""
        from desktop_app.services.records import local_today

        today = local_today(self.session)
        return [row for row in self.list_requests(intake_id)
                if row.request.inform_after_due(today)]

    def consents_of(self, request_id: str) -> RequestConsent:
        """What the covering toestemmingsverklaringen say together (for tests and the panel)."""
        return self._consents(request_id)

