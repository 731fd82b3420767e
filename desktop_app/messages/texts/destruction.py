"""Messages of the destruction area: key -> (Dutch, English). See messages/catalogue.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "destruction.due_destroyed": (
        "Overgedragen concepten waarvan de wachttijd voorbij was, zijn vernietigd.",
        "Transferred drafts whose waiting time had passed have been destroyed."),
}
