"""Session security rules without Qt: when the idle lock is due, when the passphrase reminder
is due (BIO / ZW-8), and what is still on this laptop before a long absence (ZW-8 handover).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.messages import Message
from desktop_app.services.session import Session
from desktop_app.services.settings import SettingsService
from desktop_app.vault.profile_list import Clock

# The idle lock is announced this long before it happens: listening to a resident for minutes
# must not end in a passphrase typed in front of them.
WARNING_SECONDS = 60


class IdleTracker:
    """Remembers the last user input; `due()` says whether the idle lock should fire.
    Driven by an injectable clock so tests control time."""

    def __init__(self, clock: Clock, minutes: int) -> None:
        self.clock = clock
        self.minutes = minutes
        self.last_activity = clock()

    def touch(self) -> None:
        self.last_activity = self.clock()

    def idle_seconds(self) -> float:
        return max(0.0, (self.clock() - self.last_activity).total_seconds())

    def due(self) -> bool:
        return self.idle_seconds() >= self.minutes * 60

    def seconds_left(self) -> float:
        return max(0.0, self.minutes * 60 - self.idle_seconds())

    def warning_seconds(self) -> int:
        """How long before the lock the worker is warned: a minute, or half the idle period
        when that is shorter (the shortest setting is one minute), so a warning never shows
        right after input."""
        return min(WARNING_SECONDS, self.minutes * 30)

    def warning_due(self) -> bool:
        return not self.due() and self.seconds_left() <= self.warning_seconds()


def passphrase_age_days(session: Session) -> int | None:
    changed = session.profile.header.passphrase_changed_at or session.profile.header.created_at
    try:
        moment = dt.datetime.fromisoformat(changed)
    except (TypeError, ValueError):
        return None
    return (session.now() - moment).days


def passphrase_reminder_due(session: Session) -> int | None:
    """Days since the last change when a reminder is due, else None."""
    age = passphrase_age_days(session)
    if age is None:
        return None
    return age if age >= SettingsService(session).reminder_days() else None


@dataclass(frozen=True, slots=True)
class PendingIntake:
    intake_id: str
    resident_name: str  # shown only inside the unlocked program
    status: str
    created_at: dt.datetime
    data_requests: int
    consent_statements: int
    exported_files: int


@dataclass(frozen=True, slots=True)
class HandoverOverview:
    intakes: tuple[PendingIntake, ...]

    @property
    def not_transferred(self) -> int:
        return sum(1 for i in self.intakes if i.status != "overgedragen")

    @property
    def transferred_not_destroyed(self) -> int:
        return sum(1 for i in self.intakes if i.status == "overgedragen")

    @property
    def counts(self) -> dict[str, int]:
        return {
            "concept": sum(1 for i in self.intakes if i.status == "concept"),
            "klaar_voor_overdracht": sum(1 for i in self.intakes
                                         if i.status == "klaar_voor_overdracht"),
            "overgedragen_niet_vernietigd": self.transferred_not_destroyed,
            "gegevensverzoeken": sum(i.data_requests for i in self.intakes),
            "toestemmingsverklaringen": sum(i.consent_statements for i in self.intakes),
            "bestanden_buiten_de_opslag": sum(i.exported_files for i in self.intakes),
        }

    @property
    def clear(self) -> bool:
        return not self.intakes


def handover_overview(session: Session) -> HandoverOverview:
    """Everything still on this laptop: an intake row exists until it is destroyed, whatever
    its status, so every row is work to hand over or destroy before leave."""
    rows = session.profile.store.query(
        "SELECT i.id, r.display_name, i.status, i.created_at,"
        " (SELECT count(*) FROM data_requests d WHERE d.intake_id = i.id),"
        " (SELECT count(*) FROM consent_statements c WHERE c.intake_id = i.id),"
        " (SELECT count(*) FROM exported_files f WHERE f.intake_id = i.id)"
        " FROM intakes i JOIN residents r ON r.id = i.resident_id ORDER BY i.created_at")
    return HandoverOverview(tuple(
        PendingIntake(intake_id, name, status, dt.datetime.fromisoformat(created), int(dr),
                      int(cs), int(ef))
        for intake_id, name, status, created, dr, cs, ef in rows))


def handover_count_lines(overview: HandoverOverview) -> list[Message]:
    """Counts only (no names): for `doctor` and the top of the handover screen."""
    c = overview.counts
    return [
        Message("handover.count.intakes", drafts=c["concept"],
                ready=c["klaar_voor_overdracht"], transferred=c["overgedragen_niet_vernietigd"]),
        Message("handover.count.items", requests=c["gegevensverzoeken"],
                statements=c["toestemmingsverklaringen"],
                files=c["bestanden_buiten_de_opslag"]),
    ]
