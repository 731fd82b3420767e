"""What runs right after unlocking (the GUI and tests call it).

Order matters: a destruction a crash interrupted is finished first (ZW-6: no copy may stay
readable longer than needed), then transferred intakes whose waiting time is over are destroyed,
then the reminders (drafts older than the limit, transferred intakes not yet destroyed). At
every lock the non-secret counters that `wijkteam-intake pending` reads are refreshed.

`finish_destructions` may rewrite the store (seconds for a large one): the GUI runs it as a
background job on `destruction_subjects`, and shows the caseload meanwhile.
"""

from __future__ import annotations

from typing import NamedTuple

from desktop_app.messages import Message
from desktop_app.services import destruction
from desktop_app.services.session import Session


def destruction_subjects(session: Session) -> set[str]:
    """The intakes `finish_destructions` will destroy (they may not be opened meanwhile)."""
    return set(destruction.DestructionService(session).due())


def needs_background(session: Session) -> bool:
    """Whether the work after unlocking may take long (it rewrites the store: an interrupted
    or a due destruction), so the GUI runs it as a job; otherwise it is a few quick queries."""
    service = destruction.DestructionService(session)
    return bool(service.unfinished() or service.due() or service.failed_files())


def finish_destructions(session: Session) -> list[Message]:
    """Finish interrupted destructions and destroy the due ones; what to tell the worker (empty
    when there was nothing to do)."""
    notices: list[Message] = list(destruction.resume_pending_destructions(session))
    if destruction.DestructionService(session).destroy_due():
        notices.append(Message("destruction.due_destroyed"))
    session.profile.notices.extend(notices)
    return notices


def reminders(session: Session) -> list[Message]:
    """Drafts older than the limit, transferred intakes not yet destroyed (counts and ages)."""
    notices: list[Message] = list(destruction.pending_overview(session).messages())
    session.profile.notices.extend(notices)
    return notices


def register(session: Session) -> None:
    """At every lock: refresh the counters `wijkteam-intake pending` reads without unlocking."""
    session.on_lock(lambda: destruction.refresh_queue_file(session))


class AfterUnlock(NamedTuple):
    notices: list[Message]
    destroyed: bool  # something was destroyed: the caseload has changed


def after_unlock(session: Session) -> AfterUnlock:
    """The work in order: destructions first, then the reminders (which count what is left).
    The GUI runs this as a background job; the CLI, the bench and tests call it directly."""
    finished = finish_destructions(session)
    return AfterUnlock([*finished, *reminders(session)], bool(finished))
