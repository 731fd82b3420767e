"""Waarneming (ZW-7): looking into a dossier that another worker coordinates needs a reason,
which is logged; the coordinator can see who looked, when and why.

The reason is stored in the audit entry's `reason`, so it is checked here first: short, and no
number that could be a BSN (the audit module refuses those too, as a last line of defence). The
logbook keeps the reason in Dutch (it belongs to the case file); the screens show the chosen
reason in the worker's language (`shown_reason`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop_app.messages import Message, MessageError, render
from desktop_app.services.intakes import IntakeGone
from desktop_app.services.session import Session
from desktop_app.vault import audit
from desktop_app.vault.store import Store

MAX_REASON_LENGTH = 200
# Short, standard reasons (BIO: access only when necessary); free text adds detail.
REASONS: tuple[Message, ...] = (
    Message("waarneming.reason.standing_in"),
    Message("waarneming.reason.handed_over"),
    Message("waarneming.reason.urgent"),
    Message("waarneming.reason.coordinator_asked"),
)
_ACTOR_RE = re.compile(r"^profiel-[0-9a-f]{6,64}$")
_NUMBER_RUN = re.compile(r"\d[\d .\-]{6,}\d")
OPEN_ACTIONS = ("intake.openen", "intake.waarnemen")


class ReasonRejected(MessageError, ValueError):
    """The reason cannot be logged: `.message` says why."""


@dataclass(frozen=True, slots=True)
class AccessEvent:
    at: dt.datetime
    actor: str
    is_me: bool
    action: str
    reason: str


def reason_problem(text: str) -> Message | None:
    """Why the free text cannot be logged, else None."""
    cleaned = " ".join(text.split())
    if len(cleaned) > MAX_REASON_LENGTH:
        return Message("waarneming.too_long", n=len(cleaned), max=MAX_REASON_LENGTH)
    for run in _NUMBER_RUN.findall(cleaned):
        if sum(c.isdigit() for c in run) >= 8:
            return Message("waarneming.long_number")
    return None


def compose_reason(choice: Message, free_text: str) -> str:
    """The reason as the logbook keeps it: the chosen reason in Dutch, then the free text."""
    if choice not in REASONS:
        raise ReasonRejected(Message("waarneming.choose_reason"))
    problem = reason_problem(free_text)
    if problem:
        raise ReasonRejected(problem)
    extra = " ".join(free_text.split())
    dutch = render(choice, "nl")
    return f"{dutch}: {extra}" if extra else dutch


def shown_reason(logged: str) -> Message | str:
    """A logged reason for the screen: a standard reason in the worker's language (with the
    free text as typed); anything else as it was logged."""
    for reason in REASONS:
        dutch = render(reason, "nl")
        if logged == dutch:
            return reason
        if logged.startswith(f"{dutch}: "):
            return Message("waarneming.reason_with_detail", reason=reason,
                           detail=logged.removeprefix(f"{dutch}: "))
    return logged


class WaarnemingService:
    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def _store(self) -> Store:
        return self.session.profile.store

    def coordinator(self, intake_id: str) -> str:
        value = self._store.scalar("SELECT coordinator FROM intakes WHERE id = ?", (intake_id,))
        if value is None:  # destroyed meanwhile
            raise IntakeGone(Message("intake.gone_opening"))
        return str(value)

    def needs_reason(self, intake_id: str) -> bool:
        return self.coordinator(intake_id) != self.session.profile.actor

    def set_coordinator(self, intake_id: str, actor: str) -> None:
        """Hand an intake to another worker (import/handover); logged on the intake."""
        if not _ACTOR_RE.match(actor):
            raise ValueError("actor must be a profile id")
        with self._store.transaction() as store:
            if store.scalar("SELECT 1 FROM intakes WHERE id = ?", (intake_id,)) is None:
                raise KeyError(intake_id)
            store.execute("UPDATE intakes SET coordinator = ? WHERE id = ?", (actor, intake_id))
            audit.append(store, at=self.session.now(), actor=self.session.profile.actor,
                         action="intake.coordinator_wijzigen", obj=intake_id)

    def record_access(self, intake_id: str, choice: Message, free_text: str = "") -> str:
        """Log why this worker looks into someone else's dossier; returns the logged reason.
        Call before opening (the opening itself is logged by IntakeService.open_intake)."""
        reason = compose_reason(choice, free_text)
        coordinator = self.coordinator(intake_id)
        audit.append(self._store, at=self.session.now(), actor=self.session.profile.actor,
                     action="intake.waarnemen", obj=intake_id, on_behalf_of=coordinator,
                     reason=reason)
        return reason

    def access_history(self, intake_id: str) -> list[AccessEvent]:
        """Who opened this dossier, when and why, newest first."""
        me = self.session.profile.actor
        events = [
            AccessEvent(dt.datetime.fromisoformat(e.at), e.actor, e.actor == me, e.action,
                        e.reason)
            for e in self.session.audit_entries(obj=intake_id)
            if e.action in OPEN_ACTIONS
        ]
        events.sort(key=lambda e: e.at, reverse=True)
        return events
