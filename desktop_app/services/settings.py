"""Settings kept in the vault (table `settings`, JSON values): typed getters with defaults and
validation. Other services read the same keys; this module is the one place that knows their
defaults and limits.

Every setting here is non-personal (team contact details and a logo, not resident data), but
they live in the encrypted store anyway so that a lost laptop does not reveal which team or
municipality it belongs to.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.resources import forms_dir
from desktop_app.services.session import Session

AUTOLOCK_MINUTES = "autolock_minuten"
CLIPBOARD_SECONDS = "klembord_seconden"
REMINDER_DAYS = "wachtwoord_herinnering_dagen"
DRAFT_AGE_DAYS = "concept_waarschuwing_dagen"
PROTOCOL = "protocol"
MUNICIPALITY_NAME = "gemeente_naam"
TEAM_NAME = "team_naam"
TEAM_PHONE = "team_telefoon"
TEAM_EMAIL = "team_email"
TEAM_ADDRESS = "team_adres"
MUNICIPALITY_LOGO = "gemeente_logo"
CAPTURE_BLOCKING = "schermopname_blokkeren"
LANGUAGE = "taal"
# 'systeem' follows the computer's language; the GUI (gui/shared/i18n.py) decides what that means.
LANGUAGE_CHOICES = ("systeem", "nl", "en")

MAX_LOGO_BYTES = 512 * 1024
MAX_LOGO_SIDE = 4000
_TEXT_LIMITS = {MUNICIPALITY_NAME: 80, TEAM_NAME: 80, TEAM_PHONE: 30, TEAM_EMAIL: 120,
                TEAM_ADDRESS: 200}
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_RE = re.compile(r"^[0-9+()\- ]{6,30}$")


class SettingRejected(ValueError):
    """A value that cannot be stored; `.message` is Dutch and says what to do."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


@dataclass(frozen=True, slots=True)
class IntRange:
    default: int
    low: int
    high: int
    label: str  # Dutch, for messages


INT_SETTINGS: dict[str, IntRange] = {
    AUTOLOCK_MINUTES: IntRange(5, 1, 60, "Automatisch vergrendelen"),
    CLIPBOARD_SECONDS: IntRange(30, 5, 300, "Klembord wissen na"),
    REMINDER_DAYS: IntRange(90, 14, 365, "Herinnering wachtwoordzin"),
    DRAFT_AGE_DAYS: IntRange(14, 1, 90, "Waarschuwing oud concept"),
}


@dataclass(frozen=True, slots=True)
class Logo:
    mime: str  # image/png or image/jpeg
    width: int
    height: int
    data: bytes

    def to_setting(self) -> str:
        return base64.b64encode(self.data).decode("ascii")


def available_protocols(folder: Path | None = None) -> list[str]:
    """Protocol ids from forms/protocols/*.yaml (the file name is the id)."""
    directory = (folder or forms_dir()) / "protocols"
    return sorted(p.stem for p in directory.glob("*.yaml")) if directory.is_dir() else []


def _image_size(data: bytes) -> tuple[str, int, int]:
    """Mime type and pixel size from the file header; raises ValueError for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return "image/png", width, height
    if data.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                raise ValueError("jpeg marker")
            marker = data[i + 1]
            length = struct.unpack(">H", data[i + 2:i + 4])[0]
            # SOF0..SOF15 carry the size, except DHT (C4), JPG (C8) and DAC (CC).
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[i + 5:i + 9])
                return "image/jpeg", width, height
            i += 2 + length
        raise ValueError("jpeg without size")
    raise ValueError("not png or jpeg")


def parse_logo(data: bytes) -> Logo:
    if len(data) > MAX_LOGO_BYTES:
        raise SettingRejected(MUNICIPALITY_LOGO, (
            f"Het logo is te groot ({len(data) // 1024} kB). Kies een bestand van hoogstens "
            f"{MAX_LOGO_BYTES // 1024} kB."))
    try:
        mime, width, height = _image_size(data)
    except (ValueError, struct.error):
        raise SettingRejected(MUNICIPALITY_LOGO, (
            "Dit bestand is geen PNG- of JPEG-afbeelding. Kies een logo in PNG- of "
            "JPEG-formaat.")) from None
    if not (1 <= width <= MAX_LOGO_SIDE and 1 <= height <= MAX_LOGO_SIDE):
        raise SettingRejected(MUNICIPALITY_LOGO, (
            f"Het logo heeft een vreemde maat ({width} × {height} beeldpunten). Kies een logo "
            f"van hoogstens {MAX_LOGO_SIDE} beeldpunten breed en hoog."))
    return Logo(mime, width, height, data)


def read_logo_file(path: Path) -> Logo:
    """Read and check a logo chosen by the worker (the GUI never opens files itself)."""
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            return parse_logo(b"\0" * (MAX_LOGO_BYTES + 1))  # raises with the size message
        data = path.read_bytes()
    except OSError as err:
        raise SettingRejected(MUNICIPALITY_LOGO, (
            f"Het bestand kan niet worden gelezen ({err.strerror}). Kies een ander bestand."
        )) from None
    return parse_logo(data)


class SettingsService:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- typed getters ----------------------------------------------------------------------
    def _int(self, key: str) -> int:
        spec = INT_SETTINGS[key]
        raw = self.session.setting(key, spec.default)
        try:
            value = int(raw)
        except (TypeError, ValueError):
            return spec.default
        return value if spec.low <= value <= spec.high else spec.default

    def autolock_minutes(self) -> int:
        return self._int(AUTOLOCK_MINUTES)

    def clipboard_seconds(self) -> int:
        return self._int(CLIPBOARD_SECONDS)

    def reminder_days(self) -> int:
        return self._int(REMINDER_DAYS)

    def draft_age_days(self) -> int:
        return self._int(DRAFT_AGE_DAYS)

    def protocol(self) -> str:
        available = available_protocols()
        value = self.session.setting(PROTOCOL, None)
        if isinstance(value, str) and value in available:
            return value
        return "zwolle" if "zwolle" in available or not available else available[0]

    def text(self, key: str) -> str:
        if key not in _TEXT_LIMITS:
            raise KeyError(key)
        value = self.session.setting(key, "")
        return value if isinstance(value, str) else ""

    def capture_blocking(self) -> bool:
        return bool(self.session.setting(CAPTURE_BLOCKING, True))

    def language(self) -> str:
        """'systeem', 'nl' or 'en' (the language of the screens, not of documents)."""
        value = self.session.setting(LANGUAGE, "systeem")
        return value if value in LANGUAGE_CHOICES else "systeem"

    def logo(self) -> Logo | None:
        raw = self.session.setting(MUNICIPALITY_LOGO, "")
        if not isinstance(raw, str) or not raw:
            return None
        try:
            return parse_logo(base64.b64decode(raw, validate=True))
        except (SettingRejected, binascii.Error):
            return None

    def values(self) -> dict[str, Any]:
        """All settings with defaults filled in (for the settings screen)."""
        result: dict[str, Any] = {key: self._int(key) for key in INT_SETTINGS}
        result[PROTOCOL] = self.protocol()
        result.update({key: self.text(key) for key in _TEXT_LIMITS})
        result[CAPTURE_BLOCKING] = self.capture_blocking()
        result[LANGUAGE] = self.language()
        logo = self.logo()
        result[MUNICIPALITY_LOGO] = logo.to_setting() if logo else ""
        return result

    # -- validation and saving --------------------------------------------------------------
    @staticmethod
    def validate(key: str, value: Any) -> Any:
        """The value as it will be stored, or SettingRejected with a Dutch message."""
        if key in INT_SETTINGS:
            spec = INT_SETTINGS[key]
            if isinstance(value, bool) or not isinstance(value, int):
                raise SettingRejected(key, f"{spec.label}: vul een heel getal in.")
            if not spec.low <= value <= spec.high:
                raise SettingRejected(
                    key, f"{spec.label}: kies een getal van {spec.low} tot en met {spec.high}.")
            return value
        if key == PROTOCOL:
            if value not in available_protocols():
                raise SettingRejected(key, "Kies een privacyprotocol uit de lijst.")
            return value
        if key in _TEXT_LIMITS:
            if not isinstance(value, str):
                raise SettingRejected(key, "Vul tekst in.")
            text = " ".join(value.split()) if key != TEAM_ADDRESS else "\n".join(
                " ".join(line.split()) for line in value.strip().splitlines() if line.strip())
            if len(text) > _TEXT_LIMITS[key]:
                raise SettingRejected(
                    key, f"Deze tekst is te lang: hoogstens {_TEXT_LIMITS[key]} tekens.")
            if key == TEAM_EMAIL and text and not _EMAIL_RE.match(text):
                raise SettingRejected(key, "Het e-mailadres van het team klopt niet. Vul een "
                                           "adres in zoals wijkteam@gemeente.nl.")
            if key == TEAM_PHONE and text and not _PHONE_RE.match(text):
                raise SettingRejected(key, "Het telefoonnummer van het team klopt niet. Gebruik "
                                           "alleen cijfers, spaties, + en -.")
            return text
        if key == CAPTURE_BLOCKING:
            if not isinstance(value, bool):
                raise SettingRejected(key, "Kies aan of uit.")
            return value
        if key == LANGUAGE:
            if value not in LANGUAGE_CHOICES:
                raise SettingRejected(key, "Kies een taal uit de lijst.")
            return value
        if key == MUNICIPALITY_LOGO:
            if value in ("", None):
                return ""
            if isinstance(value, Logo):
                return value.to_setting()
            if isinstance(value, str):
                try:
                    return parse_logo(base64.b64decode(value, validate=True)).to_setting()
                except binascii.Error:
                    raise SettingRejected(key, "Het logo is beschadigd. Kies het opnieuw.") \
                        from None
            raise SettingRejected(key, "Het logo is beschadigd. Kies het opnieuw.")
        raise SettingRejected(key, "Onbekende instelling.")

    def set(self, key: str, value: Any) -> None:
        self.session.set_setting(key, self.validate(key, value))

    def save(self, changes: dict[str, Any]) -> list[SettingRejected]:
        """Validate everything first; store only when all values are good (one screen, one
        decision). Returns the problems (empty when saved)."""
        problems: list[SettingRejected] = []
        cleaned: dict[str, Any] = {}
        for key, value in changes.items():
            try:
                cleaned[key] = self.validate(key, value)
            except SettingRejected as err:
                problems.append(err)
        if problems:
            return problems
        current = self.values()
        for key, value in cleaned.items():
            if current.get(key) != value:
                self.session.set_setting(key, value)
        return []
