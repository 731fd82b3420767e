"""The settings registry: every setting of the program declared once — its key, kind, default,
allowed values, and who decides it (the worker, or the municipality).

Services read settings only through `services/settings.py`, which layers the sources: a
read-only municipal source first (a later policy file; what it sets is locked on the screen),
then the worker's values in the encrypted store, then the default here. The settings screen is
built from the same declarations, so the screen, the services and a fresh profile cannot
disagree on a default (tests/unit/test_settings_registry.py walks them all).

Validation is here too (pure): `validate(spec, value)` gives the value as it will be stored or
raises `SettingRejected` with a message for the worker.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType
from typing import Any

from desktop_app.messages import Message, MessageError

# -- keys (stored in the vault's `settings` table; Dutch, as they always were) -----------------
PROTOCOL = "protocol"
DRAFT_AGE_DAYS = "concept_waarschuwing_dagen"
LANGUAGE = "taal"
AUTOLOCK_MINUTES = "autolock_minuten"
CLIPBOARD_SECONDS = "klembord_seconden"
REMINDER_DAYS = "wachtwoord_herinnering_dagen"
CAPTURE_BLOCKING = "schermopname_blokkeren"
WORKER_ROLE = "medewerker_functie"
# ZU-A4C: the worker's own registration decides which code applies when the team gives data.
PROFESSIONAL_REGISTRATION = "beroepsregistratie"
REGISTRATION_NUMBER = "registratienummer"
MUNICIPALITY_NAME = "gemeente_naam"
TEAM_NAME = "team_naam"
TEAM_PHONE = "team_telefoon"
TEAM_EMAIL = "team_email"
TEAM_ADDRESS = "team_adres"
# AVG art. 13: the data protection officer, the privacy statement, how long data are kept.
DPO_NAME = "fg_naam"
DPO_EMAIL = "fg_email"
DPO_PHONE = "fg_telefoon"
PRIVACY_STATEMENT = "privacyverklaring"
RETENTION_FILE = "bewaartermijn_dossier"
RETENTION_STATEMENT = "bewaartermijn_verklaring"
MUNICIPALITY_LOGO = "gemeente_logo"
CONSENT_VALID_MONTHS = "toestemming_geldig_maanden"
BSN_ON_STATEMENT = "bsn_op_verklaring"
BSN_IN_REPORT = "bsn_in_verslag"
DESTROY_AFTER_MINUTES = "vernietigen_na_minuten"
CUSTOM_ORGANISATIONS = "eigen_organisaties"
# Where the main window was and how big, maximised or not, and the splitter positions: the
# program opens the way the worker left it. Not personal data; kept with the other settings.
WINDOW_LAYOUT = "vensterindeling"
# Where a statement signed on the screen says it was signed (the worker's usual town).
SIGNING_PLACE = "plaats_ondertekening"

# 'systeem' follows the computer's language; the GUI decides what that means.
LANGUAGE_CHOICES = ("systeem", "nl", "en")
REGISTRATION_CHOICES = ("geen", "big", "skj")  # vocabulary.Registration
MAX_LOGO_BYTES = 512 * 1024
MAX_LOGO_SIDE = 4000
MAX_GEOMETRY_CHARS = 2048  # Qt's saveGeometry() is about 66 bytes; base64 of it far less
MAX_SPLITTERS = 20


class Owner(Enum):
    """Who decides a setting. The municipality's settings are locked on the worker's screen
    once a municipal policy sets them (until then the worker fills them in)."""

    WORKER = "medewerker"
    MUNICIPALITY = "gemeente"


class Kind(Enum):
    INT = "int"
    BOOL = "bool"
    TEXT = "text"
    CHOICE = "choice"
    LOGO = "logo"  # a PNG or JPEG, stored as base64 text
    DATA = "data"  # worker data kept with the settings (a list), edited by its own screen
    LAYOUT = "layout"  # the window layout: {"geometry": base64 text, "splitters": {name: sizes}}


@dataclass(frozen=True, slots=True)
class SettingSpec:
    key: str
    kind: Kind
    default: Any
    owner: Owner
    label: Message  # its name, as messages about it say it
    low: int = 0  # INT
    high: int = 0
    max_length: int = 0  # TEXT
    multiline: bool = False  # TEXT: lines are kept (an address)
    check: str = ""  # TEXT: "email" or "phone"
    choices: tuple[str, ...] = ()  # CHOICE; empty: the service supplies them (protocols)
    screen: str = "edit"  # on the settings screen: "edit", "show" (read-only) or "hidden"

    @property
    def shown(self) -> bool:
        return self.screen != "hidden"

    @property
    def name(self) -> Message:
        return self.label


def _int(key: str, default: int, low: int, high: int, owner: Owner,
         label: Message) -> SettingSpec:
    return SettingSpec(key, Kind.INT, default, owner, label, low=low, high=high)


def _text(key: str, limit: int, owner: Owner, label: Message, *, default: str = "",
          multiline: bool = False, check: str = "") -> SettingSpec:
    return SettingSpec(key, Kind.TEXT, default, owner, label, max_length=limit,
                       multiline=multiline, check=check)


W, M = Owner.WORKER, Owner.MUNICIPALITY

REGISTRY: tuple[SettingSpec, ...] = (
    # How the team works. Zutphen's four weighings are the default: they are written for both
    # directions (requesting and giving data); Zwolle's steps only for requesting.
    SettingSpec(PROTOCOL, Kind.CHOICE, "zutphen", M, Message("settings.label.protocol")),
    _int(DRAFT_AGE_DAYS, 14, 1, 90, M, Message("settings.label.draft_age")),
    SettingSpec(LANGUAGE, Kind.CHOICE, "systeem", W, Message("settings.label.language"),
                choices=LANGUAGE_CHOICES),
    _text(WORKER_ROLE, 60, W, Message("settings.label.worker_role"), default="wijkteammedewerker"),
    SettingSpec(PROFESSIONAL_REGISTRATION, Kind.CHOICE, "geen", W,
                Message("settings.label.registration"), choices=REGISTRATION_CHOICES),
    _text(REGISTRATION_NUMBER, 20, W, Message("settings.label.registration_number")),
    _text(SIGNING_PLACE, 60, W, Message("settings.label.signing_place")),
    # Security (BIO; ZW-8).
    _int(AUTOLOCK_MINUTES, 5, 1, 60, M, Message("settings.label.autolock")),
    _int(CLIPBOARD_SECONDS, 30, 5, 300, M, Message("settings.label.clipboard")),
    _int(REMINDER_DAYS, 90, 14, 365, M, Message("settings.label.reminder")),
    SettingSpec(CAPTURE_BLOCKING, Kind.BOOL, True, M, Message("settings.label.capture")),
    # The controller on documents (AVG art. 13: who is responsible, how to reach them).
    _text(MUNICIPALITY_NAME, 80, M, Message("settings.label.municipality")),
    _text(TEAM_NAME, 80, M, Message("settings.label.team")),
    _text(TEAM_PHONE, 30, M, Message("settings.label.phone"), check="phone"),
    _text(TEAM_EMAIL, 120, M, Message("settings.label.email"), check="email"),
    _text(TEAM_ADDRESS, 200, M, Message("settings.label.address"), multiline=True),
    SettingSpec(MUNICIPALITY_LOGO, Kind.LOGO, "", M, Message("settings.label.logo")),
    # What the statement must tell about privacy (AVG art. 13 lid 1 onder b, lid 2 onder a,
    # b, d): whom to ask, where the privacy statement is, how long data are kept. The
    # municipality decides them; empty, no statement can be printed.
    _text(DPO_NAME, 80, M, Message("settings.label.dpo_name")),
    _text(DPO_EMAIL, 120, M, Message("settings.label.dpo_email"), check="email"),
    _text(DPO_PHONE, 30, M, Message("settings.label.dpo_phone"), check="phone"),
    _text(PRIVACY_STATEMENT, 200, M, Message("settings.label.privacy_statement")),
    _text(RETENTION_FILE, 200, M, Message("settings.label.retention_file")),
    _text(RETENTION_STATEMENT, 200, M, Message("settings.label.retention_statement")),
    # Documents and keeping data: decisions of the municipality (a legal basis for the BSN,
    # how long consent holds, when drafts are destroyed). The worker sees them, read-only; the
    # municipal policy sets them.
    SettingSpec(CONSENT_VALID_MONTHS, Kind.INT, 12, M, Message("settings.label.valid_months"),
                low=1, high=60, screen="show"),
    SettingSpec(BSN_ON_STATEMENT, Kind.BOOL, False, M, Message("settings.label.bsn_on_statement"),
                screen="show"),
    SettingSpec(BSN_IN_REPORT, Kind.BOOL, False, M, Message("settings.label.bsn_in_report"),
                screen="show"),
    # 0: destroy right after the transfer is confirmed (after one question in the GUI).
    SettingSpec(DESTROY_AFTER_MINUTES, Kind.INT, 0, M, Message("settings.label.destroy_after"),
                low=0, high=7 * 24 * 60, screen="show"),
    # The worker's own additions to the organisation catalogue (data requests screen).
    SettingSpec(CUSTOM_ORGANISATIONS, Kind.DATA, (), W,
                Message("settings.label.custom_organisations"), screen="hidden"),
    # Saved by the main window when it locks or closes; never on the settings screen.
    SettingSpec(WINDOW_LAYOUT, Kind.LAYOUT, MappingProxyType({}), W,
                Message("settings.label.window_layout"), screen="hidden"),
)

BY_KEY: Mapping[str, SettingSpec] = {spec.key: spec for spec in REGISTRY}


class SettingRejected(MessageError, ValueError):
    """A value that cannot be stored; the message says what to do."""

    def __init__(self, key: str, message: Message) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True, slots=True)
class Logo:
    mime: str  # image/png or image/jpeg
    width: int
    height: int
    data: bytes

    def to_setting(self) -> str:
        import base64

        return base64.b64encode(self.data).decode("ascii")


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
        raise SettingRejected(MUNICIPALITY_LOGO, Message(
            "settings.logo_too_big", size=len(data) // 1024, max=MAX_LOGO_BYTES // 1024))
    try:
        mime, width, height = _image_size(data)
    except (ValueError, struct.error):
        raise SettingRejected(MUNICIPALITY_LOGO, Message("settings.logo_not_an_image")) from None
    if not (1 <= width <= MAX_LOGO_SIDE and 1 <= height <= MAX_LOGO_SIDE):
        raise SettingRejected(MUNICIPALITY_LOGO, Message(
            "settings.logo_odd_size", width=width, height=height, max=MAX_LOGO_SIDE))
    return Logo(mime, width, height, data)


def decode_logo(value: object) -> Logo | None:
    """The stored base64 text as a Logo; None when there is none or it is damaged."""
    import base64
    import binascii

    if not isinstance(value, str) or not value:
        return None
    try:
        return parse_logo(base64.b64decode(value, validate=True))
    except (SettingRejected, binascii.Error):
        return None


_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_RE = re.compile(r"^[0-9+()\- ]{6,30}$")


def _clean_text(spec: SettingSpec, value: str) -> str:
    if spec.multiline:
        return "\n".join(" ".join(line.split()) for line in value.strip().splitlines()
                         if line.strip())
    return " ".join(value.split())


def validate(spec: SettingSpec, value: Any,
             choices: Callable[[SettingSpec], tuple[str, ...]] | None = None) -> Any:
    """The value as it will be stored, or SettingRejected. `choices` gives the allowed values
    of a CHOICE setting whose choices are not fixed here (the protocols in forms/)."""
    key = spec.key
    if spec.kind is Kind.INT:
        if isinstance(value, bool) or not isinstance(value, int):
            raise SettingRejected(key, Message("settings.whole_number", label=spec.name))
        if not spec.low <= value <= spec.high:
            raise SettingRejected(key, Message("settings.out_of_range", label=spec.name,
                                               low=spec.low, high=spec.high))
        return value
    if spec.kind is Kind.BOOL:
        if not isinstance(value, bool):
            raise SettingRejected(key, Message("settings.on_or_off", label=spec.name))
        return value
    if spec.kind is Kind.CHOICE:
        allowed = spec.choices or (choices(spec) if choices else ())
        if value not in allowed:
            raise SettingRejected(key, Message("settings.choose_from_list", label=spec.name))
        return value
    if spec.kind is Kind.TEXT:
        if not isinstance(value, str):
            raise SettingRejected(key, Message("settings.fill_in_text", label=spec.name))
        text = _clean_text(spec, value)
        if len(text) > spec.max_length:
            raise SettingRejected(key, Message("settings.too_long", label=spec.name,
                                               n=spec.max_length))
        if spec.check == "email" and text and not _EMAIL_RE.match(text):
            raise SettingRejected(key, Message("settings.email_wrong"))
        if spec.check == "phone" and text and not _PHONE_RE.match(text):
            raise SettingRejected(key, Message("settings.phone_wrong"))
        return text
    if spec.kind is Kind.LOGO:
        if value in ("", None):
            return ""
        if isinstance(value, Logo):
            return value.to_setting()
        logo = decode_logo(value) if isinstance(value, str) else None
        if logo is None:
            raise SettingRejected(key, Message("settings.logo_damaged"))
        return logo.to_setting()
    if spec.kind is Kind.DATA:
        if not isinstance(value, list | tuple):
            raise SettingRejected(key, Message("settings.unknown"))
        return list(value)
    if spec.kind is Kind.LAYOUT:
        return _window_layout(key, value)
    raise SettingRejected(key, Message("settings.unknown"))


def _window_layout(key: str, value: Any) -> dict[str, Any]:
    """{"geometry": base64 text, "splitters": {name: [sizes]}}, nothing else: the value comes
    back from the store into Qt, so its shape is checked here."""
    import base64
    import binascii

    rejected = SettingRejected(key, Message("settings.unknown"))
    if not isinstance(value, Mapping) or set(value) - {"geometry", "splitters"}:
        raise rejected
    layout: dict[str, Any] = {}
    geometry = value.get("geometry", "")
    if not isinstance(geometry, str) or len(geometry) > MAX_GEOMETRY_CHARS:
        raise rejected
    try:
        base64.b64decode(geometry, validate=True)
    except binascii.Error:
        raise rejected from None
    if geometry:
        layout["geometry"] = geometry
    splitters = value.get("splitters", {})
    if not isinstance(splitters, Mapping) or len(splitters) > MAX_SPLITTERS:
        raise rejected
    kept: dict[str, list[int]] = {}
    for name, sizes in splitters.items():
        if (not isinstance(name, str) or len(name) > 60 or not isinstance(sizes, list | tuple)
                or not 1 <= len(sizes) <= 8
                or not all(type(n) is int and 0 <= n <= 100_000 for n in sizes)):
            raise rejected
        kept[name] = list(sizes)
    if kept:
        layout["splitters"] = kept
    return layout


def stored_or_default(spec: SettingSpec, raw: Any,
                      choices: Callable[[SettingSpec], tuple[str, ...]] | None = None) -> Any:
    """A stored value as the program uses it: the default when it is missing or no longer
    valid (a value from an older version, a protocol file that was removed)."""
    if raw is None:
        return spec.default
    try:
        return validate(spec, raw, choices)
    except SettingRejected:
        return spec.default
