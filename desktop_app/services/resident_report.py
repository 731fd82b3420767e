"""The verslag voor de inwoner (Wmo 2015 art. 2.3.2 lid 8): the stored intake as the report for
the resident (domain/resident_report.py), its PDF for the preview and the printer, the
resident's remarks, and signing it on the screen with the consent statement's mechanism
(domain/consent_screen.py: the same pages, signatures as strokes, the text's hash).

What is kept, in the store only (encrypted, deleted with the intake by services/destruction.py,
table `resident_reports`): the report's number, the remarks and the signed PDF. The transfer
exports the signed PDF for the dossier (services/transfer.py) and the remarks are part of the
copy for the dossier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from desktop_app.domain.consent import DocumentKind, format_document_number, shown_organisation
from desktop_app.domain.consent_screen import ScreenBlock, ScreenPage, ScreenSigning
from desktop_app.domain.data_requests import (
    ConsentState,
    CoveringStatement,
    DataRequest,
    RequestConsent,
    ResidentAnswer,
    needs_written_consent,
    request_consent,
)
from desktop_app.domain.organisations import VEILIG_THUIS
from desktop_app.domain.people import age_on, parse_date
from desktop_app.domain.resident_report import (
    MAX_REMARKS_CHARS,
    ConsentAsked,
    Part,
    ReportFrame,
    ReportSigner,
    ResidentReport,
    WeighedRequest,
    build_resident_report,
)
from desktop_app.domain.signers import (
    MinorSituation,
    SignerProblem,
    SignerRole,
    SignerRule,
    who_signs,
)
from desktop_app.messages import Message, MessageError
from desktop_app.services.consent import (
    CUSTODY_CHECKED,
    PRINTED_WHEN_EMPTY,
    ScreenStatement,
    SignerInfo,
    custody_from_answers,
)
from desktop_app.services.forms import FormRegistry
from desktop_app.services.intakes import RESIDENT_BIRTH_FIELD, RESIDENT_NAME_FIELD
from desktop_app.services.records import (
    covering_statements,
    load_data_requests,
    local_today,
    log,
    next_sequence,
    stored_answers,
)
from desktop_app.services.session import Session
from desktop_app.services.settings import (
    MUNICIPALITY_NAME,
    SIGNING_PLACE,
    TEAM_EMAIL,
    TEAM_NAME,
    TEAM_PHONE,
    SettingsService,
)
from desktop_app.vault.store import Store


class ResidentReportProblem(MessageError):
    """The report cannot be signed or the remarks cannot be kept; the message says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class ResidentReportState:
    document_number: str
    remarks: str
    signed_at: dt.datetime | None  # signed on the screen (local time), else None
    changed_since_signing: bool  # the intake changed after it was signed on the screen
    sign_problem: Message | None  # why it cannot be signed on the screen now, or None
    signers: tuple[str, ...]  # who signs, "Zoë Ğüneş (jongere)", in the worker's language

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


_REPRESENTATIVES = {"curatele": SignerRole.CURATOR, "mentorschap": SignerRole.MENTOR,
                    "beschermingsbewind": SignerRole.BEWINDVOERDER}


def report_signers(answers: Mapping[str, Any], on: dt.date,
                   ) -> tuple[tuple[ReportSigner, ...], Message | None]:
    """Who signs the report for seen, by domain/signers.py on the day: an adult, and a
    representative the intake names (the report goes to the resident or the representative,
    Wmo 2015 art. 2.3.2 lid 8); from 12 to 16 the young person and each parent with custody;
    under 12 the parents with custody; 16 and 17 the young person. The problem says what is
    missing to sign on the screen (a paper then has an unnamed block for a parent)."""
    name = answers.get(RESIDENT_NAME_FIELD)
    name = " ".join(name.split()) if isinstance(name, str) else ""
    birth_text = answers.get(RESIDENT_BIRTH_FIELD)
    try:
        birth = parse_date(birth_text) if isinstance(birth_text, str) else None
    except ValueError:
        birth = None
    if birth is None or on < birth:
        return (ReportSigner(name, SignerRole.RESIDENT),), Message(
            "resident_report.birth_date_missing")
    signers: list[ReportSigner]
    if age_on(birth, on) >= 18:
        signers = [ReportSigner(name, SignerRole.RESIDENT)]
        role = _REPRESENTATIVES.get(str(answers.get("vertegenwoordiging")))
        representative = answers.get("vertegenwoordiger_naam")
        if role is not None and isinstance(representative, str) and representative.strip():
            signers.append(ReportSigner(" ".join(representative.split()), role))
        return tuple(signers), None
    # As for the toestemmingsverklaring (services/consent.py): a parent signs as holder of
    # custody only once the worker checked it (gezagsregister or a document); someone who
    # only says so may not have it.
    checked = answers.get("gezag_gecontroleerd") in CUSTODY_CHECKED
    minor = MinorSituation(custody_holders=custody_from_answers(answers),
                           custody_checked=checked)
    try:
        requirement = who_signs(resident_name=name, birth_date=birth, signing_date=on,
                                minor=minor)
    except SignerProblem:
        young = ([ReportSigner(name, SignerRole.YOUNG_PERSON)]
                 if age_on(birth, on) >= 12 else [])
        return (*young, ReportSigner("", SignerRole.PARENT_WITH_CUSTODY)), Message(
            "resident_report.custody_missing")
    signers = [ReportSigner(s.name, s.role) for s in requirement.signers]
    if requirement.rule in (SignerRule.UNDER_12, SignerRule.FROM_12_TO_15) and not checked:
        return tuple(signers), Message("resident_report.custody_not_checked")
    return tuple(signers), None


def weighed_request(request: DataRequest, statements: Sequence[Any],
                    today: dt.date) -> WeighedRequest | None:
    """A weighed request as the resident reads it, or None when it is not for this paper: not
    weighed yet (nothing decided), or on a safety path (see `on_safety_path`)."""
    weighing = request.current_weighing
    if weighing is None or on_safety_path(request):
        return None
    valid = request.valid_weighing
    asked: ConsentAsked
    verdict = valid.outcome_kind if valid is not None else None
    informing = request.informing
    if verdict is not None and verdict.ends_request:
        asked = ConsentAsked.STOPPED
    elif statements:
        consent = request_consent(CoveringStatement(s.state, s.outcome_for(request.id, today))
                                  for s in statements)
        asked = {
            RequestConsent.GIVEN: ConsentAsked.WRITTEN_GIVEN,
            RequestConsent.REFUSED: ConsentAsked.WRITTEN_REFUSED,
            RequestConsent.WITHDRAWN: ConsentAsked.WRITTEN_WITHDRAWN,
            RequestConsent.NOT_NEEDED: ConsentAsked.INFORMED,
        }.get(consent, ConsentAsked.WRITTEN_PENDING)
        if consent is RequestConsent.NONE and not any(
                s.state is not ConsentState.CONCEPT for s in statements):
            asked = ConsentAsked.WRITTEN_PENDING
    elif informing is not None and informing.answer is not None:
        asked = {
            ResidentAnswer.JA: ConsentAsked.ORAL_YES,
            ResidentAnswer.NEE: ConsentAsked.ORAL_NO,
            ResidentAnswer.DEELS: ConsentAsked.ORAL_PART,
            ResidentAnswer.GEINFORMEERD: ConsentAsked.INFORMED,
        }[informing.answer]
        if asked is ConsentAsked.ORAL_YES and needs_written_consent(request):
            asked = ConsentAsked.WRITTEN_PENDING  # said yes; the signature is still to come
    else:
        asked = ConsentAsked.NOT_YET
    organisation = shown_organisation(request.organisation_named, request.organisation.name.nl)
    return WeighedRequest(organisation, request.direction, request.purpose, asked)


def on_safety_path(request: DataRequest) -> bool:
    """A request the verslag voor de inwoner leaves out, also after the resident was told
    (ZU-A4B): to or from Veilig Thuis (a report or advice under the Meldcode), or weighed on
    an exception path (ZW-3, ZU-A4A, ZU-A4B: shared despite an objection or without telling
    first), now or in an earlier weighing. The paper lies on the kitchen table and may be read
    by the person the worry is about; the worker tells the resident in person."""
    if request.organisation.id == VEILIG_THUIS:
        return True
    return any(w.is_exception for w in request.weighings)


class ResidentReportService:
    def __init__(self, session: Session, registry: FormRegistry | None = None) -> None:
        self.session = session
        self.settings = SettingsService(session)
        self.registry = registry or FormRegistry()

    @property
    def _store(self) -> Store:
        return self.session.profile.store

    # -- the report ----------------------------------------------------------------------------
    def _number(self, store: Store, intake_id: str, year: int) -> str:
        """One VI number per intake (inside the caller's transaction)."""
        number = store.scalar("SELECT document_number FROM resident_reports WHERE intake_id = ?",
                              (intake_id,))
        if number:
            return str(number)
        number = format_document_number(DocumentKind.VERSLAG_INWONER, year,
                                        next_sequence(store, DocumentKind.VERSLAG_INWONER, year))
        store.execute("INSERT INTO resident_reports(intake_id, document_number, created_at)"
                      " VALUES (?, ?, ?)", (intake_id, number, _iso(self.session.now())))
        return number

    def _build(self, intake_id: str) -> tuple[ResidentReport, Message | None]:
        today = local_today(self.session)
        with self._store.transaction() as store:
            rows = store.query("SELECT form_hash FROM intakes WHERE id = ?", (intake_id,))
            if not rows:
                raise KeyError(intake_id)
            form = self.registry.by_hash(store, rows[0][0])
            answers = stored_answers(store, intake_id)
            requests = load_data_requests(store, intake_id)
            covering = covering_statements(store, [r.id for r in requests])
            number = self._number(store, intake_id, today.year)
        weighed = [w for r in requests
                   if (w := weighed_request(r, covering.get(r.id, []), today)) is not None]
        signers, problem = report_signers(answers, today)
        contact = ", ".join(v for v in (self.settings.text(TEAM_PHONE),
                                        self.settings.text(TEAM_EMAIL)) if v)
        frame = ReportFrame(
            document_number=number,
            municipality=(self.settings.text(MUNICIPALITY_NAME)
                          or PRINTED_WHEN_EMPTY[MUNICIPALITY_NAME]),
            team=self.settings.text(TEAM_NAME) or PRINTED_WHEN_EMPTY[TEAM_NAME],
            worker=self.session.worker_name, contact=contact, today=today, signers=signers)
        # Printed in Dutch, like every paper of the program.
        return build_resident_report(frame, answers, weighed, form, "nl"), problem

    def report(self, intake_id: str) -> ResidentReport:
        return self._build(intake_id)[0]

    def pdf(self, intake_id: str) -> bytes:
        """The printable report (blank remarks box and signature blocks), built in memory."""
        from desktop_app.documents.resident_report_pdf import build_resident_report_pdf

        report, _problem = self._build(intake_id)
        pdf = build_resident_report_pdf(report, self._logo())[0]
        with self._store.transaction() as store:
            log(self.session, store, "verslag_inwoner.maken", intake_id)
        return pdf

    def _logo(self) -> bytes | None:
        from desktop_app.services.consent import ConsentService

        return ConsentService(self.session).logo()

    def state(self, intake_id: str) -> ResidentReportState:
        from desktop_app.messages import render

        report, problem = self._build(intake_id)
        row = self._store.query(
            "SELECT remarks, signed_at, signed_hash FROM resident_reports WHERE intake_id = ?",
            (intake_id,))[0]
        remarks, signed_at, signed_hash = row
        names = []
        for signer in report.signers:
            if signer.name:
                names.append(f"{signer.name} ({render(signer.role.word, 'nl')})")
        return ResidentReportState(
            report.document_number, str(remarks or ""),
            dt.datetime.fromisoformat(signed_at) if signed_at else None,
            bool(signed_hash) and signed_hash != report.content_hash(), problem, tuple(names))

    # -- remarks ---------------------------------------------------------------------------------
    def save_remarks(self, intake_id: str, remarks: str) -> None:
        """Keep the resident's remarks (typed by the worker from the paper, or on the screen)."""
        cleaned = _clean_remarks(remarks)
        self._build(intake_id)  # makes the row (and the number) when needed
        with self._store.transaction() as store:
            store.execute("UPDATE resident_reports SET remarks = ?, remarks_at = ?"
                          " WHERE intake_id = ?",
                          (cleaned, _iso(self.session.now()), intake_id))
            log(self.session, store, "verslag_inwoner.opmerkingen", intake_id)

    def remarks(self, intake_id: str) -> str:
        value = self._store.scalar("SELECT remarks FROM resident_reports WHERE intake_id = ?",
                                   (intake_id,))
        return str(value or "")

    # -- signing on the screen ---------------------------------------------------------------------
    def prepare_screen_signing(self, intake_id: str) -> ScreenStatement:
        """What the signing dialog (gui/consent/sign_on_screen.py) shows: the report's own text
        as pages, and who signs (the worker last). No items: nothing to choose, only to sign."""
        report, problem = self._build(intake_id)
        if problem is not None:
            raise ResidentReportProblem(problem)
        parts = report.reading_parts()
        pages = [ScreenPage(parts[0].title, tuple(_screen_blocks(parts[0])))]
        # Three parts a page, as the statement's information: little scrolling at 1366x768 in
        # large type, and short enough to read before turning the page.
        for start in range(1, len(parts), _PARTS_PER_PAGE):
            chunk = parts[start:start + _PARTS_PER_PAGE]
            blocks = [block for part in chunk
                      for block in (ScreenBlock(part.title), *_screen_blocks(part))]
            pages.append(ScreenPage(report.t("title"), tuple(blocks)))
        signers = tuple(SignerInfo(i, s.name, s.role) for i, s in enumerate(report.signers))
        return ScreenStatement(intake_id, report.document_number, report.content_hash(),
                               tuple(pages),
                               signers, (), self.settings.text(SIGNING_PLACE))

    def sign_on_screen(self, intake_id: str, signing: ScreenSigning, remarks: str) -> None:
        """Record the report signed on the screen: the signed PDF with the remarks and the
        signatures, built in memory and stored encrypted with the intake. Everyone who signs
        must have signed; the text must be the text that was shown (its hash)."""
        from desktop_app.documents.resident_report_pdf import build_resident_report_pdf

        cleaned = _clean_remarks(remarks)
        report, problem = self._build(intake_id)
        if problem is not None:
            raise ResidentReportProblem(problem)
        if signing.text_hash != report.content_hash():
            raise ResidentReportProblem(Message("resident_report.text_changed"))
        place = " ".join(signing.place.split())
        if not place:
            raise ResidentReportProblem(Message("resident_report.no_place"))
        signed = {s.signer for s in signing.signatures if s.has_signature}
        missing = [s.name for i, s in enumerate(report.signers) if i not in signed]
        if missing:
            raise ResidentReportProblem(Message("resident_report.everyone",
                                                names=", ".join(missing)))
        signing = replace(signing, place=place)
        pdf, sha256 = build_resident_report_pdf(report, self._logo(), signing=signing,
                                                remarks=cleaned)
        now = _iso(self.session.now())
        with self._store.transaction() as store:
            store.execute(
                "UPDATE resident_reports SET remarks = ?, remarks_at = ?, signed_at = ?,"
                " signed_hash = ?, signed_pdf = ?, signed_pdf_sha256 = ? WHERE intake_id = ?",
                (cleaned, now, signing.signed_at.isoformat(timespec="minutes"),
                 report.content_hash(), pdf, sha256, intake_id))
            log(self.session, store, "verslag_inwoner.tekenen", intake_id)

    def signed_pdf(self, intake_id: str) -> bytes | None:
        value = self._store.scalar("SELECT signed_pdf FROM resident_reports WHERE intake_id = ?",
                                   (intake_id,))
        return bytes(value) if value is not None else None


_PARTS_PER_PAGE = 3


def _screen_blocks(part: Part) -> list[ScreenBlock]:
    return [ScreenBlock(b.heading, "\n".join(x for x in (b.text, b.quote) if x), b.bullets)
            for b in part.blocks]


def _clean_remarks(remarks: str) -> str:
    cleaned = "\n".join(line.rstrip() for line in remarks.replace("\r\n", "\n").split("\n"))
    cleaned = cleaned.strip()
    if len(cleaned) > MAX_REMARKS_CHARS:
        raise ResidentReportProblem(Message("resident_report.remarks_too_long",
                                            max=MAX_REMARKS_CHARS))
    return cleaned


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")
