"""Settings: the one place services and the settings screen read and change them.

What a setting is (key, kind, default, allowed values, who decides) is declared once in
`domain/settings.py`. The value in use comes from the first source that has a valid one:
1. a read-only municipal source (`session.policy`; the municipal policy file of a later issue
   plugs in here) — such a value is *locked*: the screen shows it and cannot change it;
2. the worker's value in the encrypted store;
3. the default of the registry.

Every setting is non-personal (team contact details and a logo, not resident data), but they
live in the encrypted store anyway so that a lost laptop does not reveal which team or
municipality it belongs to.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from desktop_app.domain import settings as reg
from desktop_app.domain.settings import (  # the keys are part of this service's API
    AUTOLOCK_MINUTES,
    BSN_IN_REPORT,
    BSN_ON_STATEMENT,
    BY_KEY,
    CAPTURE_BLOCKING,
    CLIPBOARD_SECONDS,
    CONSENT_VALID_MONTHS,
    CUSTOM_ORGANISATIONS,
    DESTROY_AFTER_MINUTES,
    DPO_EMAIL,
    DPO_NAME,
    DPO_PHONE,
    DRAFT_AGE_DAYS,
    LANGUAGE,
    MAX_LOGO_BYTES,
    MUNICIPALITY_LOGO,
    MUNICIPALITY_NAME,
    PRIVACY_STATEMENT,
    PROFESSIONAL_REGISTRATION,
    PROTOCOL,
    REGISTRATION_NUMBER,
    REGISTRY,
    REMINDER_DAYS,
    RETENTION_FILE,
    RETENTION_STATEMENT,
    SIGNING_PLACE,
    TEAM_ADDRESS,
    TEAM_EMAIL,
    TEAM_NAME,
    TEAM_PHONE,
    WINDOW_LAYOUT,
    WORKER_ROLE,
    Kind,
    Logo,
    Owner,
    SettingRejected,
    SettingSpec,
    decode_logo,
    parse_logo,
)
from desktop_app.messages import Message
from desktop_app.resources import forms_dir
from desktop_app.services.session import Session

if TYPE_CHECKING:
    from desktop_app.vault.store import Store

__all__ = [
    "AUTOLOCK_MINUTES", "BSN_IN_REPORT", "BSN_ON_STATEMENT", "BY_KEY", "CAPTURE_BLOCKING",
    "CLIPBOARD_SECONDS", "CONSENT_VALID_MONTHS", "CUSTOM_ORGANISATIONS", "DESTROY_AFTER_MINUTES",
    "DPO_EMAIL", "DPO_NAME", "DPO_PHONE", "DRAFT_AGE_DAYS", "LANGUAGE", "MAX_LOGO_BYTES",
    "MUNICIPALITY_LOGO", "MUNICIPALITY_NAME",
    "PRIVACY_STATEMENT", "PROFESSIONAL_REGISTRATION", "PROTOCOL", "REGISTRATION_NUMBER",
    "REGISTRY", "REMINDER_DAYS", "RETENTION_FILE",
    "RETENTION_STATEMENT", "SIGNING_PLACE", "TEAM_ADDRESS", "TEAM_EMAIL",
    "TEAM_NAME", "TEAM_PHONE", "WINDOW_LAYOUT", "WORKER_ROLE", "EffectiveSetting", "Kind",
    "Logo", "Origin",
    "Owner", "ReadOnlySource", "SettingRejected", "SettingSource", "SettingSpec",
    "SettingsService", "available_protocols", "parse_logo", "read_logo_file",
]


class Origin(Enum):
    DEFAULT = "standaard"
    WORKER = "medewerker"
    MUNICIPALITY = "gemeente"


class SettingSource(Protocol):
    """A read-only source of setting values (None: the source does not set this key)."""

    def get(self, key: str) -> Any: ...


class ReadOnlySource:
    """Values a municipality fixed, e.g. read from its policy file."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = dict(values)

    def get(self, key: str) -> Any:
        return self._values.get(key)


@dataclass(frozen=True, slots=True)
class EffectiveSetting:
    spec: SettingSpec
    value: Any
    origin: Origin
    # A stored value that is no longer valid (from an older version, or a protocol whose file
    # was removed): the default is used instead, and a caller for whom that matters says so.
    rejected: Any = None

    @property
    def locked(self) -> bool:
        return self.origin is Origin.MUNICIPALITY


def available_protocols(folder: Path | None = None) -> tuple[str, ...]:
    """Protocol ids from forms/protocols/*.yaml (the file name is the id)."""
    directory = (folder or forms_dir()) / "protocols"
    return tuple(sorted(p.stem for p in directory.glob("*.yaml"))) if directory.is_dir() else ()


def read_logo_file(path: Path) -> Logo:
    """Read and check a logo chosen by the worker (the GUI never opens files itself)."""
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            return parse_logo(b"\0" * (MAX_LOGO_BYTES + 1))  # raises with the size message
        data = path.read_bytes()
    except OSError as err:
        raise SettingRejected(MUNICIPALITY_LOGO, Message(
            "settings.logo_unreadable", reason=err.strerror or "")) from None
    return parse_logo(data)


class SettingsService:
    def __init__(self, session: Session, forms_folder: Path | None = None) -> None:
        self.session = session
        self.forms_folder = forms_folder
        self._protocols: tuple[str, ...] | None = None

    # -- reading ----------------------------------------------------------------------------
    def _choices(self, spec: SettingSpec) -> tuple[str, ...]:
        if spec.key == reg.PROTOCOL:
            if self._protocols is None:
                self._protocols = available_protocols(self.forms_folder)
            return self._protocols
        return spec.choices

    def choices(self, key: str) -> tuple[str, ...]:
        """The allowed values of a choice setting (for the screen)."""
        return self._choices(reg.BY_KEY[key])

    def effective(self, key: str) -> EffectiveSetting:
        spec = reg.BY_KEY[key]
        policy: SettingSource | None = self.session.policy
        if policy is not None:
            fixed = policy.get(key)
            if fixed is not None:
                try:
                    return EffectiveSetting(spec, reg.validate(spec, fixed, self._choices),
                                            Origin.MUNICIPALITY)
                except SettingRejected:
                    pass  # an invalid municipal value is not used; the next source decides
        raw = self.session.stored_setting(key)
        if raw is not None:
            try:
                return EffectiveSetting(spec, reg.validate(spec, raw, self._choices),
                                        Origin.WORKER)
            except SettingRejected:
                return EffectiveSetting(spec, self._default(spec), Origin.DEFAULT, raw)
        return EffectiveSetting(spec, self._default(spec), Origin.DEFAULT)

    def _default(self, spec: SettingSpec) -> Any:
        if spec.kind is reg.Kind.CHOICE and spec.default not in self._choices(spec):
            # The municipality's forms/ has no file for the default protocol.
            allowed = self._choices(spec)
            return allowed[0] if allowed else spec.default
        return spec.default

    def get(self, key: str) -> Any:
        return self.effective(key).value

    def locked(self, key: str) -> bool:
        return self.effective(key).locked

    def values(self) -> dict[str, Any]:
        """Every setting shown on the settings screen, as in use."""
        return {spec.key: self.get(spec.key) for spec in reg.REGISTRY if spec.shown}

    # -- typed getters (what other services and the GUI use) -----------------------------------
    def autolock_minutes(self) -> int:
        return int(self.get(reg.AUTOLOCK_MINUTES))

    def clipboard_seconds(self) -> int:
        return int(self.get(reg.CLIPBOARD_SECONDS))

    def reminder_days(self) -> int:
        return int(self.get(reg.REMINDER_DAYS))

    def draft_age_days(self) -> int:
        return int(self.get(reg.DRAFT_AGE_DAYS))

    def protocol(self) -> str:
        return str(self.get(reg.PROTOCOL))

    def capture_blocking(self) -> bool:
        return bool(self.get(reg.CAPTURE_BLOCKING))

    def language(self) -> str:
        """'systeem', 'nl' or 'en' (the language of the screens, not of documents)."""
        return str(self.get(reg.LANGUAGE))

    def text(self, key: str) -> str:
        if reg.BY_KEY[key].kind is not reg.Kind.TEXT:
            raise KeyError(key)
        return str(self.get(key))

    def logo(self) -> Logo | None:
        return decode_logo(self.get(reg.MUNICIPALITY_LOGO))

    def logo_damaged(self) -> bool:
        """A logo was chosen but cannot be used (the statement prints without one)."""
        setting = self.effective(reg.MUNICIPALITY_LOGO)
        return setting.rejected not in (None, "")

    def consent_valid_months(self) -> int:
        return int(self.get(reg.CONSENT_VALID_MONTHS))

    def bsn_on_statement(self) -> bool:
        return bool(self.get(reg.BSN_ON_STATEMENT))

    def bsn_in_report(self) -> bool:
        return bool(self.get(reg.BSN_IN_REPORT))

    def destroy_after_minutes(self) -> int:
        return int(self.get(reg.DESTROY_AFTER_MINUTES))

    def custom_organisations(self) -> list[Any]:
        return list(self.get(reg.CUSTOM_ORGANISATIONS))

    def store_data(self, key: str, value: list[Any], action: str) -> None:
        """Worker data kept with the settings (the own organisations), written by the service
        that owns it, with its own logboek action."""
        spec = reg.BY_KEY[key]
        if spec.kind is not reg.Kind.DATA:
            raise KeyError(key)
        self.session.store_settings({key: reg.validate(spec, value)}, action)

    def window_layout(self) -> dict[str, Any]:
        """{"geometry": base64 of the main window's saveGeometry(), "splitters": {name: sizes}};
        empty for a fresh profile."""
        return dict(self.get(reg.WINDOW_LAYOUT))

    def save_window_layout(self, layout: Mapping[str, Any]) -> bool:
        """Keep the window layout for the next start; written only when it changed (each write
        is a logboek entry). Returns whether it was written."""
        spec = reg.BY_KEY[reg.WINDOW_LAYOUT]
        value = reg.validate(spec, layout)
        if value == self.session.stored_setting(reg.WINDOW_LAYOUT):
            return False
        self.session.store_settings({reg.WINDOW_LAYOUT: value}, "venster.onthouden")
        return True

    # -- validation and saving --------------------------------------------------------------
    def validate(self, key: str, value: Any) -> Any:
        """The value as it will be stored, or SettingRejected."""
        spec = reg.BY_KEY.get(key)
        if spec is None:
            raise SettingRejected(key, Message("settings.unknown"))
        return reg.validate(spec, value, self._choices)

    def set(self, key: str, value: Any) -> None:
        problems = self.save({key: value})
        if problems:
            raise problems[0]

    def save(self, changes: Mapping[str, Any]) -> list[SettingRejected]:
        """Validate everything first; store only when all values are good (one screen, one
        decision). A value the municipality fixed, or decides by policy only (shown read-only),
        cannot be changed here. Returns the problems (empty when saved)."""
        problems: list[SettingRejected] = []
        cleaned: dict[str, Any] = {}
        for key, value in changes.items():
            try:
                cleaned[key] = self.validate(key, value)
            except SettingRejected as err:
                problems.append(err)
                continue
            current = self.effective(key)
            if (current.locked or current.spec.screen == "show") and (
                    cleaned[key] != current.value):
                problems.append(SettingRejected(key, Message("settings.locked",
                                                             label=current.spec.name)))
        if problems:
            return problems
        changed: dict[str, Any] = {}
        for key, value in cleaned.items():
            stored = self.session.stored_setting(key)
            # A value nobody chose stays unstored (a newer default then applies), but a stored
            # value that is no longer valid is replaced by what the screen showed.
            if (stored is None and value != self.get(key)) or (
                    stored is not None and stored != value):
                changed[key] = value
        if changed:
            self.session.store_settings(changed, "instelling.wijzigen")
        return []


def keep_used_custom_organisations(store: Store, used_ids: set[str]) -> None:
    """Inside the caller's transaction (destruction): keep only the worker's own organisations
    that a remaining data request uses (`used_ids`); a damaged list holds nothing worth
    keeping. Here because this module owns the settings table."""
    raw = store.scalar("SELECT value FROM settings WHERE key = ?", (reg.CUSTOM_ORGANISATIONS,))
    if raw is None:
        return
    # Here, not at the top: the organisation code brings the protocols and PyYAML, which the
    # program does not need until an intake is opened (idle memory after unlocking, issue 18).
    from desktop_app.domain.organisations import OrganisationProblem, custom_organisation

    try:
        entries = json.loads(raw)
    except ValueError:
        entries = None
    if not isinstance(entries, list):
        entries = []
    kept = []
    for entry in entries:
        try:
            organisation_id = custom_organisation(entry["name"], entry["regime"],
                                                  entry.get("profession")).id
        except (KeyError, TypeError, AttributeError, OrganisationProblem):
            continue
        if organisation_id in used_ids:
            kept.append(entry)
    if kept != entries:
        store.execute("UPDATE settings SET value = ? WHERE key = ?",
                      (json.dumps(kept, ensure_ascii=False), reg.CUSTOM_ORGANISATIONS))
