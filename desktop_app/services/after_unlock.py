"""What runs right after unlocking (the GUI and tests call it).

Order matters: first the integrity check (`PRAGMA quick_check`, services/salvage.py): on a
damaged store nothing below rewrites it, and the worker is told what to do. Then a destruction
a crash interrupted is finished (ZW-6: no copy may stay readable longer than needed), then
transferred intakes whose waiting time is over are destroyed, then the reminders (drafts older
than the limit, transferred intakes not yet destroyed). At every lock the non-secret counters
that `wijkteam-intake pending` reads are refreshed.

`finish_destructions` may rewrite the store (seconds for a large one): the GUI runs it as a
background job on `destruction_subjects`, and shows the caseload meanwhile. So is the check of a
store larger than salvage.INLINE_CHECK_BYTES. Nothing here may end the session: every failure
becomes a notice (the caseload is on screen, the profile stays usable).
"""

from __future__ import annotations

from typing import NamedTuple

from desktop_app.messages import Message, MessageError
from desktop_app.services import destruction, salvage
from desktop_app.services.session import Session
from desktop_app.vault.errors import VaultError


def destruction_subjects(session: Session) -> set[str]:
    """The intakes `finish_destructions` will destroy (they may not be opened meanwhile)."""
    try:
        return set(destruction.DestructionService(session).due())
    except VaultError:  # a damaged store: nothing will be destroyed
        return set()


def rewrites_store(session: Session) -> bool:
    """Whether the work after unlocking rewrites the store (an interrupted or a due
    destruction): the GUI then holds the store for the job."""
    service = destruction.DestructionService(session)
    try:
        return bool(service.unfinished() or service.due() or service.failed_files())
    except VaultError:
        return False  # a damaged store is not rewritten; the check reports it


def needs_background(session: Session) -> bool:
    """Whether the work after unlocking may take long (the integrity check of a large store,
    or a destruction that rewrites it), so the GUI runs it as a job; otherwise it is a few
    quick queries."""
    return salvage.store_size(session) > salvage.INLINE_CHECK_BYTES or rewrites_store(session)


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
    damaged: bool = False  # the store is damaged: the GUI shows what to do (salvage.py)


def after_unlock(session: Session) -> AfterUnlock:
    """The work in order: the integrity check, destructions, then the reminders (which count
    what is left). The GUI runs this as a background job; the CLI, the bench and tests call it
    directly. It never raises: a failure is a notice, the session goes on."""
    notices: list[Message] = []
    finished: list[Message] = []
    try:
        salvage.check_integrity(session)
        finished = finish_destructions(session)
        notices = [*finished, *reminders(session)]
    except MessageError as err:  # a damaged page found on the way, a keyring that went away
        notices = [*finished, err.message]
    except Exception:  # unexpected: told, never a lock-out (its text may hold data: not shown)
        notices = [*finished, Message("error.unexpected"), Message("error.unexpected.advice")]
    damaged = salvage.is_damaged(session)
    if damaged:
        # One message for the damage (the banner and dialog say what to do), not one per read.
        notices = [salvage.DAMAGED, *(n for n in notices if n.key != "vault.store_corrupt")]
    return AfterUnlock(notices, bool(finished) and not damaged, damaged)
