"""Text helpers for names in any script: sorting and searching the way a Dutch worker expects
("Łukasz" next to "Lucas", "Yılmaz" found by typing "yilmaz")."""

from __future__ import annotations

import unicodedata

# Letters that do not decompose into a base letter + accent in Unicode.
_FOLD = str.maketrans({
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i", "ß": "ss",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ħ": "h", "ŋ": "n",
})


def fold(text: str) -> str:
    """Lower-case, without diacritics, for matching and sorting."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


def sort_key(text: str) -> tuple[str, str]:
    # Second element keeps the order stable between names that fold to the same text.
    return fold(text), text


def matches(query: str, text: str) -> bool:
    """Every word of the query occurs in the text, ignoring case and diacritics."""
    haystack = fold(text)
    return all(word in haystack for word in fold(query).split())
