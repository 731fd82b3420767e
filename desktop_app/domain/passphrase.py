"""Passphrase rules for the worker's personal passphrase (ZW-8, BIO 9.4.3: minimum length,
no obvious choices). Pure: the rules and a strength estimate for the feedback bar."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from desktop_app.messages import Message

MIN_LENGTH = 12

# The obvious: words people pick at work. Compared case-insensitively, after removing digits
# and punctuation, so "Welkom2026!" is caught too.
_OBVIOUS_WORDS = frozenset(
    {
        "wachtwoord", "password", "welkom", "welkomwelkom", "wijkteam", "sociaalwijkteam",
        "gemeente", "zwolle", "zutphen", "qwerty", "qwertyuiop", "azerty", "letmein",
        "geheim", "wachtwoordzin", "passphrase", "administrator", "abcdefghijkl",
        "zomer", "winter", "lente", "herfst", "voorjaar", "najaar",
    }
)
_SEQUENCES = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm")


@dataclass(frozen=True, slots=True)
class PassphraseAssessment:
    acceptable: bool
    problems: tuple[Message, ...]  # one sentence each
    strength: int  # 0..4 for the feedback bar
    strength_label: Message


def normalise_passphrase(passphrase: str) -> str:
    """NFC, so the same passphrase typed on Windows and macOS gives the same key."""
    return unicodedata.normalize("NFC", passphrase)


def _estimated_bits(text: str) -> float:
    pool = 0
    if any(c.islower() for c in text):
        pool += 26
    if any(c.isupper() for c in text):
        pool += 26
    if any(c.isdigit() for c in text):
        pool += 10
    if any(not c.isalnum() for c in text):
        pool += 33
    if any(ord(c) > 127 for c in text):
        pool += 50
    distinct = len(set(text))
    # Repetition lowers the real entropy: count distinct characters more than length.
    effective_length = min(len(text), distinct * 2)
    return effective_length * math.log2(max(pool, 2))


def _is_sequence(text: str) -> bool:
    lowered = text.lower()
    return any(lowered in seq or lowered in seq[::-1] for seq in _SEQUENCES)


def assess_passphrase(passphrase: str, *, worker_name: str = "") -> PassphraseAssessment:
    text = normalise_passphrase(passphrase)
    problems: list[Message] = []
    if len(text) < MIN_LENGTH:
        problems.append(Message("passphrase.too_short", min=MIN_LENGTH, n=len(text)))
    if text and len(set(text)) <= 2:
        problems.append(Message("passphrase.same_character"))
    letters_only = "".join(c for c in text.lower() if c.isalpha())
    if letters_only in _OBVIOUS_WORDS or (text and _is_sequence(text)):
        problems.append(Message("passphrase.obvious"))
    if text.isdigit() and text:
        problems.append(Message("passphrase.only_digits"))
    name_parts = [p for p in worker_name.lower().split() if len(p) >= 3]
    if any(p in text.lower() for p in name_parts):
        problems.append(Message("passphrase.own_name"))
    bits = _estimated_bits(text)
    strength = 0 if bits < 40 else 1 if bits < 55 else 2 if bits < 70 else 3 if bits < 90 else 4
    if problems:
        strength = min(strength, 1)
    labels = ("very_weak", "weak", "fair", "strong", "very_strong")
    return PassphraseAssessment(
        acceptable=not problems,
        problems=tuple(problems),
        strength=strength,
        strength_label=Message(f"passphrase.strength.{labels[strength]}"),
    )
