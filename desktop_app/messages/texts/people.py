"""Messages of the people area: key -> (Dutch, English). See messages/catalogue.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
}
