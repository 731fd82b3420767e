"""One owner per setting (issue 13): the registry (domain/settings.py) declares every setting
once; the settings screen, the services and a fresh profile agree on every default; a value
the municipality fixed is locked on the screen and in the service; no code outside
services/settings.py reads or writes the stored settings.

Real parts: a real encrypted profile, the real settings screen (Qt offscreen), the real
data-request service and the forms/ shipped with the program."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from desktop_app.domain import settings as reg
from desktop_app.messages import MessageError, render
from desktop_app.services import settings as st
from desktop_app.services.data_requests import DataRequestService
from desktop_app.services.session import Session
from desktop_app.services.settings import Origin, ReadOnlySource, SettingsService

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def session(profile: Any) -> Iterator[Session]:
    s = Session(profile)
    yield s
    s.lock()


@pytest.fixture
def screen(qtbot: Any, session: Session) -> Any:
    from desktop_app.gui.side.settings_view import SettingsView

    view = SettingsView(session)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    return view


def _shown(view: Any, key: str) -> Any:
    widget = view.fields[key]
    if key == st.MUNICIPALITY_LOGO:
        return view._logo_value
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    raise AssertionError(f"{key}: unknown widget {widget!r}")


def test_every_default_is_a_valid_value_and_every_name_renders() -> None:
    keys = [spec.key for spec in reg.REGISTRY]
    assert len(keys) == len(set(keys))
    for spec in reg.REGISTRY:
        choices = ("zutphen", "zwolle") if spec.key == reg.PROTOCOL else None
        stored = reg.validate(spec, spec.default, (lambda _s, c=choices: c) if choices else None)
        assert stored == (list(spec.default) if spec.kind is reg.Kind.DATA else spec.default)
        assert render(spec.name, "nl") and render(spec.name, "en") != render(spec.name, "nl")
        assert spec.screen in ("edit", "show", "hidden")


def test_fresh_profile_screen_services_and_registry_agree(session: Session, screen: Any) -> None:
    service = SettingsService(session)
    shown_keys = {spec.key for spec in reg.REGISTRY if spec.shown}
    assert set(service.values()) == shown_keys
    assert set(screen.fields) | set(screen.read_only) == shown_keys
    assert set(screen.read_only) == {s.key for s in reg.REGISTRY if s.screen == "show"}
    for spec in reg.REGISTRY:
        setting = service.effective(spec.key)
        assert setting.origin is Origin.DEFAULT, spec.key
        assert setting.value == spec.default, spec.key
        if spec.screen == "edit":
            assert _shown(screen, spec.key) == spec.default, spec.key
            assert screen.fields[spec.key].isEnabled()
    # The read-only values say what is in force.
    assert screen.read_only[st.CONSENT_VALID_MONTHS].text() == "12 maanden na ondertekening"
    assert screen.read_only[st.BSN_ON_STATEMENT].text() == "nee"
    # The typed getters other services use give the same.
    assert service.autolock_minutes() == 5 and service.clipboard_seconds() == 30
    assert service.consent_valid_months() == 12 and service.destroy_after_minutes() == 0
    assert service.custom_organisations() == []


def test_fresh_profile_weighs_with_the_protocol_the_screen_shows(session: Session,
                                                                 screen: Any) -> None:
    """The bug of issue 13: Instellingen showed Zwolle while every weighing used Zutphen."""
    requests = DataRequestService(session)
    assert screen.protocol_combo.currentData() == requests.protocol().id == "zutphen"
    # Saving without a change stores nothing and changes nothing.
    assert screen.save()
    assert session.stored_setting(st.PROTOCOL) is None
    assert requests.protocol().id == "zutphen"
    # Choosing the other protocol on the screen is what the next weighing uses.
    screen.protocol_combo.setCurrentIndex(screen.protocol_combo.findData("zwolle"))
    assert screen.save()
    assert DataRequestService(session).protocol().id == "zwolle"
    screen.load()
    assert screen.protocol_combo.currentData() == "zwolle"


def test_a_stored_value_that_is_no_longer_valid(session: Session, screen: Any) -> None:
    """A number from an older version falls back to the default and is replaced when saved;
    a protocol whose file the municipality removed is not replaced behind the worker's back:
    weighing refuses, the screen shows nothing chosen and says why, until the worker chooses."""
    session.store_settings({st.PROTOCOL: "amsterdam", st.AUTOLOCK_MINUTES: 999},
                          "instelling.wijzigen")
    service = SettingsService(session)
    setting = service.effective(st.PROTOCOL)
    assert setting.origin is Origin.DEFAULT and setting.rejected == "amsterdam"
    assert service.autolock_minutes() == 5
    screen.load()
    assert screen.protocol_combo.currentIndex() == -1
    assert "'amsterdam' bestaat niet meer" in screen.notice_label.text()
    assert screen.notice_label.isVisible()
    assert screen.save()  # saving other settings does not choose a protocol
    assert session.stored_setting(st.PROTOCOL) == "amsterdam"
    assert session.stored_setting(st.AUTOLOCK_MINUTES) == 5
    with pytest.raises(MessageError):
        DataRequestService(session).protocol()
    screen.protocol_combo.setCurrentIndex(screen.protocol_combo.findData("zwolle"))
    assert screen.save()
    assert DataRequestService(session).protocol().id == "zwolle"


def test_a_municipal_source_locks_its_values(session: Session, qtbot: Any) -> None:
    """The second, read-only source the municipal policy file will fill."""
    from desktop_app.gui.side.settings_view import SettingsView

    session.policy = ReadOnlySource({st.AUTOLOCK_MINUTES: 10, st.TEAM_NAME: "Team Noord",
                                     st.CONSENT_VALID_MONTHS: 6, st.CLIPBOARD_SECONDS: 9999})
    service = SettingsService(session)
    assert service.effective(st.AUTOLOCK_MINUTES).locked
    assert service.autolock_minutes() == 10
    assert service.consent_valid_months() == 6
    # An invalid municipal value is not used: the next source decides.
    assert not service.locked(st.CLIPBOARD_SECONDS) and service.clipboard_seconds() == 30
    problems = service.save({st.AUTOLOCK_MINUTES: 3})
    assert [p.message.key for p in problems] == ["settings.locked"]
    assert render(problems[0].message, "en") == (
        "Lock automatically has been set by the municipality and cannot be changed here.")
    assert service.save({st.AUTOLOCK_MINUTES: 10}) == []  # the same value is no change

    view = SettingsView(session)
    qtbot.addWidget(view)
    assert not view.autolock_spin.isEnabled() and view.autolock_spin.value() == 10
    assert not view.team_edit.isEnabled() and view.team_edit.text() == "Team Noord"
    assert view.clipboard_spin.isEnabled()
    assert view.read_only[st.CONSENT_VALID_MONTHS].text() == "6 maanden na ondertekening"
    view.clipboard_spin.setValue(60)
    assert view.save()
    assert service.clipboard_seconds() == 60 and service.autolock_minutes() == 10


def test_what_the_municipality_decides_cannot_be_changed_by_the_worker(
        session: Session) -> None:
    service = SettingsService(session)
    for key, value in ((st.BSN_ON_STATEMENT, True), (st.CONSENT_VALID_MONTHS, 24),
                       (st.DESTROY_AFTER_MINUTES, 60)):
        problems = service.save({key: value})
        assert [p.key for p in problems] == [key]
    assert service.bsn_on_statement() is False


def test_only_the_settings_service_touches_the_stored_settings() -> None:
    """Reading a setting anywhere else would bring back a second default."""
    allowed = {ROOT / "desktop_app" / "services" / "settings.py",
               ROOT / "desktop_app" / "services" / "session.py"}
    offenders = []
    for path in sorted((ROOT / "desktop_app").rglob("*.py")):
        if path in allowed:
            continue
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if (isinstance(node, ast.Attribute)
                    and node.attr in ("stored_setting", "store_settings", "setting",
                                      "set_setting")
                    and isinstance(node.ctx, ast.Load)):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
        if "FROM settings" in source or "INTO settings" in source:
            offenders.append(f"{path.relative_to(ROOT)}: SQL on the settings table")
    assert not offenders, "\n".join(offenders)


def test_one_reads_as_one(screen: Any) -> None:
    """Issue 16: "1 minuten" on the settings screen; a count of 1 takes the singular."""
    spin = screen.autolock_spin
    spin.setValue(1)
    assert spin.text() == "1 minuut"
    spin.setValue(5)
    assert spin.text() == "5 minuten"
    screen.clipboard_spin.setValue(5)
    assert screen.clipboard_spin.text() == "5 seconden"
    assert screen._value_text(st.DESTROY_AFTER_MINUTES, 1) == "1 minuut na het bevestigen"
    assert screen._value_text(st.CONSENT_VALID_MONTHS, 1) == "1 maand na ondertekening"
    assert screen._value_text(st.CONSENT_VALID_MONTHS, 12) == "12 maanden na ondertekening"
