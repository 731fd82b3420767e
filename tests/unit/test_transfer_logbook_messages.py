"""Every action the program writes to the logboek has a label in Dutch and English, and so has
every result: the logboek screen and its CSV export never show a code such as
`verslag.opslaan_als_pdf`. The action codes are found in the code itself (AST), so a new action
without a label fails here. Also: the labels of destruction steps and kinds, and the receipt,
in both languages."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from desktop_app.messages import Message, render
from desktop_app.messages.catalogue import TEXTS
from desktop_app.services import audit_export
from desktop_app.services.destruction import (
    KIND_LABELS,
    KINDS,
    STEP_LABELS,
    STEP_REKEY,
    STEPS,
    PendingItem,
    PendingOverview,
    Receipt,
)
from desktop_app.vault import audit

CODE = Path(__file__).resolve().parents[2] / "desktop_app"
# Functions that write a logboek entry with the action as a positional argument:
# profile.log("x"), self._log("x"), self._log(store, "x"), records.log(session, store, "x", …),
# ConsentService._transition(…, "x").
_LOGGING_FUNCTIONS = {"log", "_log", "_transition", "store_settings", "store_data",
                      "_write_registered"}


def _strings(node: ast.expr) -> list[str]:
    """The string constants a value can be: "x", or "x" if … else "y"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def logged_actions() -> dict[str, str]:
    """Every literal action code in desktop_app with where it is logged."""
    found: dict[str, str] = {}
    for path in sorted(CODE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else (
                func.attr if isinstance(func, ast.Attribute) else "")
            candidates: list[str] = []
            keywords = {k.arg: k.value for k in node.keywords if k.arg}
            # audit.append(store, at=…, actor=…, action="x", …)
            if "action" in keywords and "actor" in keywords:
                candidates += _strings(keywords["action"])
            if name in _LOGGING_FUNCTIONS:
                for arg in node.args:
                    candidates += [s for s in _strings(arg) if audit._ACTION_RE.match(s)]
            for code in candidates:
                found.setdefault(code, f"{path.relative_to(CODE.parent)}:{node.lineno}")
    return found


LOGGED = logged_actions()
# Actions earlier versions logged and this one no longer does (the stand-in path, ZW-7): their
# labels stay, so an old logboek still reads as words (messages/texts/logbook.py).
RETIRED = {"intake.waarnemen", "intake.coordinator_wijzigen"}


def test_the_scan_finds_the_actions_of_every_area() -> None:
    """The scan itself works: it finds actions of the vault, sessions, intakes, requests,
    consent, transfer and destruction (a broken scan would make the next test pass empty)."""
    expected = {"profiel.aanmaken", "ontgrendelen", "vergrendelen", "instelling.wijzigen",
                "sleutel.roteren", "logboek.exporteren", "intake.openen", "bsn.tonen",
                "verzoek.wegen", "verzoek.wegen_gewijzigd", "verklaring.nieuwe_versie",
                "verklaring.intrekken", "verslag.maken", "verslag.opslaan_als_pdf",
                "overdracht.bevestigen", "intake.vernietigen_afgerond"}
    assert expected <= set(LOGGED), expected - set(LOGGED)
    assert len(LOGGED) >= 30


@pytest.mark.parametrize("code", sorted(LOGGED))
def test_every_logged_action_has_a_label_in_both_languages(code: str) -> None:
    key = f"audit.action.{code}"
    assert key in TEXTS, f"{LOGGED[code]}: add {key!r} to desktop_app/messages/texts/logbook.py"
    label = audit_export.action_label(code)
    assert label == Message(key)
    dutch, english = render(label, "nl"), render(label, "en")
    assert dutch and english and dutch != english
    assert code not in dutch and code not in english


def test_every_label_belongs_to_a_logged_action() -> None:
    """No label for an action nobody logs any more (the catalogue stays honest), except the
    retired ones an old logboek can hold."""
    labelled = {key.removeprefix("audit.action.") for key in TEXTS
                if key.startswith("audit.action.")} - {"unknown"}
    assert labelled == set(LOGGED) | RETIRED
    assert not RETIRED & set(LOGGED)


@pytest.mark.parametrize("code", sorted(RETIRED))
def test_a_retired_action_in_an_old_logboek_still_reads_as_words(code: str) -> None:
    label = audit_export.action_label(code)
    assert label == Message(f"audit.action.{code}")
    assert code not in render(label, "nl") and code not in render(label, "en")


def test_an_unknown_action_reads_as_other_action() -> None:
    label = audit_export.action_label("iets.nieuws")
    assert str(label) == "Andere actie (iets.nieuws)"
    assert render(label, "en") == "Other action (iets.nieuws)"


@pytest.mark.parametrize("result", audit.RESULTS)
def test_every_result_has_a_label_in_both_languages(result: str) -> None:
    label = audit_export.result_label(result)
    assert isinstance(label, Message)
    assert render(label, "nl") and render(label, "en")
    assert {render(label, "nl"), render(label, "en")} != {result}


def test_csv_shows_dutch_labels_and_keeps_the_codes() -> None:
    entry = audit.AuditEntry(1, "2026-11-22T09:00:00.000+00:00", "profiel-a1b2c3",
                             "verslag.opslaan_als_pdf", "intake-00aa11", "profiel-a1b2c3",
                             "mislukt", "", audit.GENESIS, "1" * 64)
    header, row = (line.split(";") for line in audit_export.csv_text([entry]).splitlines())
    values = dict(zip(header, row, strict=True))
    assert values["actie"] == "Verslag opslaan als pdf" and values["resultaat"] == "mislukt"
    assert values["actiecode"] == "verslag.opslaan_als_pdf"
    assert values["resultaatcode"] == "mislukt"


@pytest.mark.parametrize("step", STEPS)
def test_destruction_steps_have_labels(step: str) -> None:
    label = STEP_LABELS[step]
    assert render(label, "nl") and render(label, "en") and render(label, "nl") != label.key


@pytest.mark.parametrize("kind", KINDS)
def test_receipt_kinds_have_labels(kind: str) -> None:
    label = KIND_LABELS[kind]
    dutch, english = render(label, "nl"), render(label, "en")
    assert dutch and english and dutch != english and dutch[0].isupper()


def test_receipt_lines_in_both_languages() -> None:
    stamp = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC).isoformat()
    receipt = Receipt("vernietiging-00aa11", "intake-00bb22", "TOP-2026-00417",
                      {"antwoorden": 12, "inwoner": 1, "dekking": 0, "iets_ouds": 2}, stamp,
                      stamp, "profiel-a1b2c3", None,
                      [{"stap": STEP_REKEY}, {"stap": "bestand", "nr": 1,
                                              "uitkomst": "verwijderd"}])
    dutch = [str(line) for line in receipt.summary_lines()]
    english = [render(line, "en") for line in receipt.summary_lines()]
    assert dutch[0] == "Dossiernummer: TOP-2026-00417"
    assert "Antwoorden en aantekeningen: 12" in dutch and "Answers and notes: 12" in english
    assert "Overige gegevens: 2" in dutch  # a kind this version does not know
    assert not any(line.startswith("Koppelingen") for line in dutch)  # nothing of it: left out
    assert "Saved files wiped: 1, already removed: 0, failed: 0" in english
    assert dutch[-2:] == ["Sleutel vervangen: ja", "Afgerond: nog niet"]
    assert english[-2:] == ["Key replaced: yes", "Finished: not yet"]


@pytest.mark.parametrize("count", [1, 2])
def test_reminders_count_in_words(count: int) -> None:
    items = [PendingItem(f"intake-{n:06x}", "concept", 20 + n) for n in range(count)]
    overview = PendingOverview(14, items, items, count, count)
    dutch = [str(m) for m in overview.messages()]
    english = [render(m, "en") for m in overview.messages()]
    if count == 1:
        assert dutch[0] == ("1 concept is ouder dan 14 dagen (20 dagen). Draag het over naar "
                            "het dossier en vernietig daarna het concept.")
        assert english[2] == "1 destruction is not finished yet."
    else:
        assert dutch[0].startswith("2 concepten zijn ouder dan 14 dagen (het oudste 21 dagen).")
        assert english[3] == "2 saved reports could not be removed yet."
    assert len(dutch) == len(english) == 4


def test_refusals_render_in_english() -> None:
    """What the transfer tab and the after-unlock notices show in English: message, advice and
    the details (the problems, or the cause of an unfinished destruction)."""
    from desktop_app.services.destruction import DestructionIncomplete, DestructionRefused
    from desktop_app.services.transfer import (
        ExportFailed,
        TransferChecklist,
        TransferError,
        checklist_problems,
    )
    from desktop_app.vault.errors import KeyringLocked

    problems = checklist_problems(TransferChecklist("ab", False, False, True), 1)
    assert TransferError(problems).render("en") == (
        "The transfer cannot be confirmed yet.\nSort out the points mentioned and try again. "
        "The case file number is too short (at least 3 characters). Tick that the report is "
        "in the case file. Tick that what was signed (consent statements, the report for the "
        "resident) is in the case file: scanned, or as PDF when it was signed on the screen.")
    assert ExportFailed("Read-only file system").render("en") == (
        "The report could not be saved.\nChoose another folder or free up space, and try "
        "again.")
    refused = DestructionRefused(Message("destruction.problem.no_intake"))
    assert refused.render("en") == ("This draft cannot be destroyed yet.\nThis intake does not "
                                    "exist (any more).")
    incomplete = DestructionIncomplete(KeyringLocked("locked"))
    assert incomplete.render("en").endswith("The keyring of the operating system is locked.")
    assert incomplete.detail == "locked"
    notice = Message("destruction.resume.interrupted", reference="TOP-1",
                     reason=incomplete.cause.message)
    assert render(notice, "en").startswith(
        "Please note: the destruction of the draft for case file TOP-1 was interrupted and is "
        "not finished yet. The keyring of the operating system is locked. The content")
