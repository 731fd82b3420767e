"""What runs right after unlocking, before the caseload shows (the GUI and tests call it).

Order matters: a destruction a crash interrupted is finished first (ZW-6: no copy may stay
readable longer than needed), then transferred intakes whose waiting time is over are destroyed,
then the reminders (drafts older than the limit, transferred intakes not yet destroyed). At
every lock the non-secret counters that `wijkteam-intake pending` reads are refreshed."""

from __future__ import annotations

from desktop_app.messages import Message
from desktop_app.services import destruction
from desktop_app.services.session import Session


def after_unlock(session: Session) -> list[Message | str]:
    """Do the after-unlock work and return what the worker must be told (added to the
    session's notices as well, which the caseload shows)."""
    notices: list[Message | str] = list(destruction.resume_pending_destructions(session))
    if destruction.DestructionService(session).destroy_due():
        notices.append(Message("destruction.due_destroyed"))
    notices.extend(destruction.pending_overview(session).messages())
    session.on_lock(lambda: destruction.refresh_queue_file(session))
    session.profile.notices.extend(notices)
    return notices
