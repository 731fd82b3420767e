"""Text a worker sees, in Dutch and optionally English: one type for forms, protocols, the
organisation catalogue and the rules of thumb."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Text:
    """A visible text. Dutch is always present; English when the file gives it."""

    nl: str
    en: str | None = None

    def get(self, lang: str) -> str:
        """The text in `lang` ("nl" or "en"), falling back to Dutch when there is none."""
        if lang == "en" and self.en:
            return self.en
        return self.nl

    def has(self, lang: str) -> bool:
        return bool(self.nl) if lang == "nl" else bool(self.en) if lang == "en" else False

    def to_dict(self) -> dict[str, str]:
        return {"nl": self.nl, "en": self.en} if self.en else {"nl": self.nl}

    def __str__(self) -> str:
        return self.nl
