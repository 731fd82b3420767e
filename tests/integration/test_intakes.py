"""Intake storage with the real SQLCipher store and keyring."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from desktop_app.domain.forms import load_form_definition
from desktop_app.messages import render
from desktop_app.resources import forms_dir
from desktop_app.services.demo import make_ready
from desktop_app.services.forms import FormRegistry
from desktop_app.services.intakes import (
    STATUS_LABELS,
    STATUSES,
    IntakeService,
    ResidentNameMissing,
    ResidentNameUnreadable,
)
from desktop_app.services.session import Session
from desktop_app.services.settings import DRAFT_AGE_DAYS, SettingsService
from desktop_app.vault import audit
from desktop_app.vault.profiles import unlock_profile
from tests.conftest import PASSPHRASE

EXOTIC = {
    "Polish": "Grzegorz Brzęczyszczykiewicz, Łódź, źdźbło",
    "Turkish": "Ayşe Yılmaz, İstanbul, ğüşıöç",
    "Vietnamese": "Nguyễn Thị Ánh, Hà Nội, Phường Đống Đa",
    "Arabic (RTL)": "فاطمة الزهراء، الرباط",
    "Hebrew (RTL)": "שרה לוי, תל אביב",
    "Emoji and combining": "Zoë 👩🏽‍⚕️ e\u0301",
}


@pytest.fixture
def session(profile) -> Session:
    return Session(profile)


@pytest.fixture
def forms_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "forms"
    shutil.copytree(forms_dir(), folder)
    return folder


def test_start_save_reopen_and_no_plaintext(session: Session, clock) -> None:
    service = IntakeService(session)
    intake_id = service.start_intake("Ayşe Yılmaz", dt.date(1984, 3, 12))
    marker = "MARKER-Kampen-9931 schuld bij de woningcorporatie"
    service.save_answers(intake_id, {"hulpvraag": marker, "inwoner_bsn": "999 99 3847"})
    draft = service.open_intake(intake_id)
    assert draft.answers["inwoner_naam"] == "Ayşe Yılmaz"
    assert draft.answers["inwoner_geboortedatum"] == "1984-03-12"
    assert draft.answers["hulpvraag"] == marker
    assert draft.answers["inwoner_bsn"] == "999993847"  # normalised to its 9 digits
    assert draft.form.id == "gespreksformulier"
    store = session.profile.store
    store.checkpoint()
    raw = session.profile.paths.store.read_bytes()
    for text in (marker, "Yılmaz", "999993847"):
        assert text.encode("utf-8") not in raw
        assert text.encode("utf-16-le") not in raw
    # The log names the pseudonymous id only.
    for entry in audit.entries(store):
        assert "Yılmaz" not in repr(entry) and "999993847" not in repr(entry)
    assert {e.action for e in audit.entries(store, obj=intake_id)} >= {"intake.starten",
                                                                         "intake.openen"}


def test_caseload_status_and_draft_age(session: Session, clock) -> None:
    service = IntakeService(session)
    old = service.start_intake("Jan de Vries")
    clock.advance(15 * 86400)
    new = service.start_intake("Łukasz Wiśniewski")
    make_ready(service, new)
    rows = {r.intake_id: r for r in service.caseload()}
    assert rows[old].age_days == 15 and rows[old].too_old
    assert rows[new].age_days == 0 and not rows[new].too_old
    assert str(rows[new].status_label) == "Klaar voor overdracht"
    assert render(rows[new].status_label, "en") == "Ready for transfer"
    assert [r.resident_name for r in service.caseload()] == ["Jan de Vries",
                                                              "Łukasz Wiśniewski"]
    SettingsService(session).set(DRAFT_AGE_DAYS, 30)
    assert not {r.intake_id: r for r in service.caseload()}[old].too_old


def test_exotic_text_and_a_megabyte_round_trip(session: Session) -> None:
    service = IntakeService(session)
    intake_id = service.start_intake(EXOTIC["Vietnamese"])
    big = ("Een hele lange aantekening met ĳ en ß. " * 30000)[:1_048_576]
    answers = {"hulpvraag": big, "inwoner_notities": " | ".join(EXOTIC.values())}
    service.save_answers(intake_id, answers)
    session.profile.close()
    again = Session(unlock_profile(session.profile.paths.folder, PASSPHRASE,
                                   clock=session.profile.clock))
    draft = IntakeService(again).open_intake(intake_id)
    assert draft.answers["hulpvraag"] == big
    assert draft.answers["inwoner_notities"] == answers["inwoner_notities"]
    assert draft.answers["inwoner_naam"] == EXOTIC["Vietnamese"]
    again.lock()


def test_empty_answer_removes_it(session: Session) -> None:
    service = IntakeService(session)
    intake_id = service.start_intake("Kim Jansen")
    service.save_answers(intake_id, {"hulpvraag": "iets"})
    service.save_answers(intake_id, {"hulpvraag": ""})
    assert "hulpvraag" not in service.open_intake(intake_id).answers


def test_bsn_reveal_is_logged(session: Session) -> None:
    service = IntakeService(session)
    intake_id = service.start_intake("Kim Jansen")
    service.save_answers(intake_id, {"inwoner_bsn": "111222333"})
    assert service.reveal_bsn(intake_id) == "111222333"
    entries = audit.entries(session.profile.store, action="bsn.tonen")
    assert [e.object for e in entries] == [intake_id]


def test_newer_definition_never_rewrites_a_draft(session: Session, forms_copy: Path) -> None:
    registry = FormRegistry(forms_copy)
    service = IntakeService(session, registry)
    intake_id = service.start_intake("Noor Visser")
    service.save_answers(intake_id, {"hulpvraag": "hulp bij de administratie"})
    started = service.open_intake(intake_id)
    assert started.newer_form is None
    # The municipality publishes version 2: a field relabelled, the version raised.
    path = forms_copy / "gespreksformulier.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("version: 4\n", "version: 5\n", 1)
    text = text.replace("nl: Datum van het gesprek", "nl: Datum van het huisbezoek", 1)
    path.write_text(text, encoding="utf-8")
    registry2 = FormRegistry(forms_copy)
    service2 = IntakeService(session, registry2)
    draft = service2.open_intake(intake_id)
    # Still on the version it started with, with the exact stored definition; the change is
    # offered.
    assert draft.form.version == 4
    assert draft.form.content_hash == started.form.content_hash
    assert draft.newer_form is not None and draft.newer_form.version == 5
    assert any("Datum van het huisbezoek" in str(c) for c in draft.changes_if_migrated)
    assert draft.answers["hulpvraag"] == "hulp bij de administratie"
    # With the worker's consent it moves; answers stay.
    service2.migrate_draft(intake_id, draft.newer_form)
    moved = service2.open_intake(intake_id)
    assert moved.form.version == 5 and moved.newer_form is None
    assert moved.answers["hulpvraag"] == "hulp bij de administratie"
    assert load_form_definition(path).content_hash == moved.form.content_hash


VERSION_3 = Path(__file__).resolve().parents[1] / "unit" / "data" / "gespreksformulier_v3.yaml"


def test_a_draft_of_form_version_3_stays_readable_and_migrates_to_4(
    session: Session, forms_copy: Path
) -> None:
    """Issue 19: a draft started on version 3 keeps version 3 until the worker moves it; the
    changes name the removed consent fields that were filled in, the moved safety fields and
    the scores that are now only needed at the transfer. Nothing typed is deleted."""
    current = forms_copy / "gespreksformulier.yaml"
    shutil.copy(VERSION_3, current)
    service = IntakeService(session, FormRegistry(forms_copy))
    intake_id = service.start_intake("Noor Visser", dt.date(1961, 4, 2))
    typed = {
        "hulpvraag": "Hulp bij het huishouden.",
        "zorgen_veiligheid": False,
        "leefgebieden": ["financien"],
        "doelen": "Het huis weer op orde.",
        "gegevens_nodig": True,
        "gegevens_welke": "Medische gegevens van de huisarts.",
        "mondelinge_toestemming": "ja",
        "beroepsgeheim": True,
    }
    service.save_answers(intake_id, typed)
    assert service.open_intake(intake_id).form.version == 3

    shutil.copy(forms_dir() / "gespreksformulier.yaml", current)  # version 4 is published
    service = IntakeService(session, FormRegistry(forms_copy))
    draft = service.open_intake(intake_id)
    assert draft.form.version == 3  # still readable as it was
    assert draft.form.has_field("mondelinge_toestemming")
    assert {k: draft.answers[k] for k in typed} == typed
    assert draft.newer_form is not None and draft.newer_form.version == 4
    changes = [str(c) for c in draft.changes_if_migrated]

    def said(*parts: str) -> bool:
        return any(all(p in c for p in parts) for c in changes)

    lost = "Dat antwoord staat niet op het nieuwe formulier."
    for label in ("Geeft de inwoner mondeling toestemming?",
                  "Welke gegevens, van wie, en waarvoor?"):
        assert said(f"Veld '{label}' is vervallen.", "Je had dit al ingevuld.", lost), label
    # An unanswered removed field says it is gone, without the notes.
    assert said("Veld 'Waar zegt de inwoner nee tegen, en wat heb je besproken?' is vervallen.")
    assert not said("Waar zegt de inwoner nee tegen", lost)
    assert said("Nieuw onderdeel: 'Veiligheid en meldcode'.")
    assert said("staat nu in onderdeel 'Veiligheid en meldcode'")
    assert said("'Score financiën (1 tot 5)' hoeft pas ingevuld te zijn als je de intake "
                "klaarzet voor overdracht.")
    assert said("Veld 'Toelichting op de doelen'", "is niet meer verplicht")
    assert said("Nieuw veld: 'De doelen'", "Het is verplicht voor de overdracht.")
    assert said("Nieuw veld: 'Datum van de melding'", "Het is verplicht.")
    assert said("De kolommen van 'Wie wonen er in huis (naast de inwoner)?' zijn veranderd.")

    service.migrate_draft(intake_id, draft.newer_form)
    moved = IntakeService(session, FormRegistry(forms_copy)).open_intake(intake_id)
    assert moved.form.version == 4 and moved.newer_form is None
    # Answers to removed fields stay in the store until destruction, just not on the form.
    assert moved.answers["mondelinge_toestemming"] == "ja"
    assert not moved.form.has_field("mondelinge_toestemming")
    assert moved.answers["zorgen_veiligheid"] is False
    assert moved.form.section_of("zorgen_veiligheid").id == "veiligheid"
    actions = [e.action for e in audit.entries(session.profile.store, obj=intake_id)]
    assert "intake.formulier_bijwerken" in actions


def test_broken_definition_file_does_not_block_opening(session: Session,
                                                       forms_copy: Path) -> None:
    registry = FormRegistry(forms_copy)
    service = IntakeService(session, registry)
    intake_id = service.start_intake("Noor Visser")
    (forms_copy / "gespreksformulier.yaml").write_text("id: [kapot", encoding="utf-8")
    draft = IntakeService(session, FormRegistry(forms_copy)).open_intake(intake_id)
    assert draft.form.id == "gespreksformulier" and draft.newer_form is None
    from desktop_app.domain.yaml_source import DefinitionError

    with pytest.raises(DefinitionError) as err:
        IntakeService(session, FormRegistry(forms_copy)).start_intake("Nog Iemand")
    assert "gespreksformulier.yaml" in str(err.value) and "regel 1" in str(err.value)
    assert err.value.render("en").startswith("There is a mistake in ")
    assert "gespreksformulier.yaml, line 1: the YAML is not valid" in err.value.render("en")


def test_every_status_has_a_label_in_both_languages() -> None:
    assert set(STATUS_LABELS) == set(STATUSES)
    for status in STATUSES:
        dutch, english = render(STATUS_LABELS[status], "nl"), render(STATUS_LABELS[status], "en")
        assert dutch.strip() and english.strip() and dutch != english, status


@pytest.mark.parametrize(("typed", "dutch", "english"), [
    ("Fatma\x00 Yılmaz", "De naam bevat een besturingsteken (U+0000). Wis de naam en typ hem "
     "opnieuw.", "The name contains a control character (U+0000). Clear the name and type it "
     "again."),
    ("Jan\u200b de Vries", "De naam bevat een onzichtbaar teken: ZERO WIDTH SPACE (U+200B). Wis "
     "de naam en typ hem opnieuw.", "The name contains an invisible character: ZERO WIDTH "
     "SPACE (U+200B). Clear the name and type it again."),
])
def test_a_name_with_a_control_or_invisible_character_is_refused_by_its_code(
        session: Session, typed: str, dutch: str, english: str) -> None:
    """Issue 17: a NUL pasted into a name was stored as is (and then printed, searched and
    shown wrongly); the message names the character by its code, since it cannot be seen."""
    service = IntakeService(session)
    with pytest.raises(ResidentNameUnreadable) as refused:
        service.start_intake(typed)
    assert str(refused.value) == dutch and refused.value.render("en") == english
    assert service.caseload() == []
    # Joiners are part of names in some scripts (Persian: ZWNJ) and stay.
    persian = "\u0645\u06cc\u200c\u0631\u0648\u06cc"
    service.start_intake(persian)
    assert [row.resident_name for row in service.caseload()] == [persian]


def test_an_intake_without_a_name_is_refused_with_a_message(session: Session) -> None:
    with pytest.raises(ResidentNameMissing) as refused:
        IntakeService(session).start_intake("   ")
    assert isinstance(refused.value, ValueError)
    assert str(refused.value) == "Vul de naam van de inwoner in."
    assert refused.value.render("en") == "Fill in the name of the resident."
