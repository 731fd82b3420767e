"""The English translation is complete and the committed files are current.

pyside6-lupdate is run again over the GUI into a temporary .ts (the committed one is never
touched): every Dutch source text must have a finished English translation in the committed
.ts, with the same placeholders and mnemonics, and the committed .qm must be exactly what
pyside6-lrelease makes of the committed .ts. Fix failures with scripts/update-translations.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "wijkteam_en.ts"
QM = ROOT / "resources" / "translations" / "wijkteam_en.qm"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[a-z]")

Key = tuple[str, str]  # (context, Dutch source)


def _tool(name: str) -> str:
    """The PySide6 tool next to the running Python (the venv), else from PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found: install PySide6 in the environment running the tests")
    return found


def _messages(ts: Path) -> dict[Key, ET.Element]:
    result: dict[Key, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            result[(name, message.findtext("source") or "")] = message
    return result


def _mnemonics(text: str) -> int:
    return len(re.findall(r"&[^&\s]", text.replace("&&", "")))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, ET.Element]:
    """Source texts as the code has them now (same call as scripts/update-translations)."""
    ts = tmp_path_factory.mktemp("lupdate") / "current.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop_app" / "gui").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-locations", "none", "-source-language",
                    "nl_NL", "-target-language", "en_GB", *sources, "-ts", str(ts)],
                   check=True, capture_output=True, cwd=ROOT)
    messages = _messages(ts)
    assert len(messages) > 500  # the whole GUI, not an empty extraction
    return messages


@pytest.fixture(scope="module")
def committed() -> dict[Key, ET.Element]:
    return _messages(TS)


def test_every_source_text_has_a_finished_translation(
        extracted: dict[Key, ET.Element], committed: dict[Key, ET.Element]) -> None:
    missing = []
    for key in extracted:
        message = committed.get(key)
        translation = message.find("translation") if message is not None else None
        if (translation is None or not (translation.text or "").strip()
                or translation.get("type") in ("unfinished", "vanished", "obsolete")):
            missing.append(f"{key[0]}: {key[1]!r}")
    assert not missing, ("No finished English translation (run scripts/update-translations and "
                         "translate):\n" + "\n".join(missing))


def test_committed_ts_has_no_leftovers(committed: dict[Key, ET.Element],
                                       extracted: dict[Key, ET.Element]) -> None:
    stale = [f"{k[0]}: {k[1]!r}" for k in committed if k not in extracted]
    unfinished = [f"{k[0]}: {k[1]!r}" for k, m in committed.items()
                  if m.find("translation") is not None
                  and m.find("translation").get("type") == "unfinished"]  # type: ignore[union-attr]
    assert not stale, "Texts no longer in the code:\n" + "\n".join(stale)
    assert not unfinished, "Unfinished:\n" + "\n".join(unfinished)


def test_placeholders_and_mnemonics_survive_translation(
        committed: dict[Key, ET.Element]) -> None:
    wrong = []
    for (context, source), message in committed.items():
        english = message.findtext("translation") or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(english)):
            wrong.append(f"{context}: placeholders differ: {source!r} -> {english!r}")
        if _mnemonics(source) != _mnemonics(english):
            wrong.append(f"{context}: '&' differs: {source!r} -> {english!r}")
    assert not wrong, "\n".join(wrong)


def test_committed_qm_is_what_lrelease_makes_of_the_committed_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)],
                   check=True, capture_output=True)
    assert QM.exists(), "resources/translations/wijkteam_en.qm is missing"
    assert QM.read_bytes() == fresh.read_bytes(), (
        "wijkteam_en.qm is older than or different from wijkteam_en.ts: run "
        "scripts/update-translations")




# The pages of "tekenen op het scherm" that the resident (or a parent) reads and fills in
# while holding the laptop: they say "u", as the paper does.
RESIDENT_PAGES = frozenset({"SignaturePad", "_SignerPage", "_RemarksPage"})


def test_the_gui_addresses_the_worker_with_je(committed: dict[Key, ET.Element]) -> None:
    """The screens are read by the worker: "je"/"jij"/"jouw", never "u"/"uw" (that is how the
    paper documents address the resident, and they are not GUI texts), except the pages the
    resident reads when signing on the screen."""
    polite = [f"{context}: {source!r}" for (context, source) in committed
              if context not in RESIDENT_PAGES
              and re.search(r"\b(u|uw|U|Uw)\b", source.replace("&", ""))]
    assert not polite, "\n".join(polite)
