"""Messages as keys with values (desktop_app/messages): every key the code uses is in the
catalogue with a Dutch and an English text; both have the same placeholders; the English has
no Dutch in it; the Dutch addresses the worker with "je"; the catalogue has no texts nobody
uses; rendering nests messages, bilingual form texts, lists, numbers and dates."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from pathlib import Path

import pytest

from desktop_app.domain.texts import Text
from desktop_app.messages import Joined, Message, MessageError, render
from desktop_app.messages.catalogue import TEXTS

ROOT = Path(__file__).resolve().parents[2]
CODE = ROOT / "desktop_app"


def _placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def _keys_in_code() -> tuple[set[str], list[re.Pattern[str]], list[str]]:
    """Literal keys of `Message("…")` calls and `key = "…"` class attributes, and patterns for
    keys made with an f-string (`Message(f"x.{y}")`), with where each was found."""
    literal: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    where: list[str] = []
    for path in sorted(CODE.rglob("*.py")):
        if path.relative_to(CODE).parts[:2] in (("messages", "texts"),
                                                 ("messages", "catalogue.py")):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            first: ast.expr | None = None
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "Message" and node.args):
                first = node.args[0]
            elif (isinstance(node, ast.Assign) and len(node.targets) == 1
                  and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "key"
                  and isinstance(node.value, ast.Constant)):
                first = node.value
            if first is None:
                continue
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                literal.add(first.value)
                where.append(f"{path.relative_to(ROOT)}:{first.lineno} {first.value}")
            elif isinstance(first, ast.JoinedStr):
                regex = "".join(re.escape(part.value) if isinstance(part, ast.Constant)
                                else r"[\w.]+" for part in first.values)
                patterns.append(re.compile(f"^{regex}$"))
    return literal, patterns, where


LITERAL, PATTERNS, WHERE = _keys_in_code()


def test_every_key_in_the_code_is_in_the_catalogue() -> None:
    missing = sorted({w for w in WHERE if w.rsplit(" ", 1)[1] not in TEXTS})
    assert not missing, "Add to desktop_app/messages/texts/…:\n" + "\n".join(missing)
    unmatched = [p.pattern for p in PATTERNS if not any(p.match(k) for k in TEXTS)]
    assert not unmatched, unmatched


def test_every_text_in_the_catalogue_is_used() -> None:
    """A key is used when the code names it, or an f-string key in the code can make it; `#1`
    variants belong to their key."""
    unused = sorted(
        key for key in TEXTS
        if key.split("#")[0] not in LITERAL
        and not any(p.match(key.split("#")[0]) for p in PATTERNS))
    assert not unused, "Texts nobody uses (remove them):\n" + "\n".join(unused)


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_languages_with_the_same_placeholders(key: str) -> None:
    dutch, english = TEXTS[key]
    assert dutch.strip() and english.strip(), key
    assert _placeholders(dutch) == _placeholders(english), key
    if key.endswith("#1"):
        assert "{n}" not in dutch, f"{key}: the singular form spells out its count"


# Words that give Dutch away in an English sentence (each checked as a whole word).
_DUTCH_WORDS = {"de", "het", "een", "niet", "je", "jij", "jouw", "uw", "wordt", "zijn", "voor",
                "van", "met", "naar", "nog", "geen", "deze", "dit", "kies", "vul", "en", "bij",
                "ook", "wel", "dan", "als", "maar", "moet", "kan", "wij", "ons", "heeft"}
# Dutch terms the English text keeps on purpose (names of files, registers and documents).
_KEPT_TERMS = re.compile(r"profiel\.json|toestemmingsverklaring\w*|gespreksverslag|BIG|SKJ"
                         r"|Veilig Thuis|wijkteam\w*|ZW-\d|ZU-\w+"
                         r"|'en'", re.I)  # 'en': a key of the consent text file


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_english_has_no_dutch_words(key: str) -> None:
    english = _KEPT_TERMS.sub("", TEXTS[key][1])
    words = set(re.findall(r"[a-zà-ÿ]+", english.lower()))
    assert not (words & _DUTCH_WORDS), f"{key}: {TEXTS[key][1]!r}"


def test_dutch_addresses_the_worker_with_je() -> None:
    """Messages are read by the worker: "je", never "u" or "uw" (that is for the resident, on
    paper)."""
    polite = [key for key, (dutch, _en) in TEXTS.items()
              if re.search(r"\b(u|uw|U|Uw)\b", dutch)]
    assert not polite, polite


def test_render_nests_values_in_the_same_language() -> None:
    nested = Message("vault.unlock_delayed.advice", n=3)
    assert render(nested, "en") == "Wait another 3 seconds and then try again."
    assert render(nested, "nl") == "Wacht nog 3 seconden en probeer het dan opnieuw."
    assert render(Message("vault.unlock_delayed.advice", n=1), "en") == (
        "Wait another second and then try again.")
    assert str(nested) == render(nested, "nl")
    assert repr(Message("passphrase.too_short", min=12, n=3)) == "Message('passphrase.too_short')"


def test_render_values(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.messages import catalogue

    monkeypatch.setitem(catalogue.TEXTS, "test.value", ("<{v}>", "<{v}>"))  # type: ignore[index]
    cases = [
        (Text("Huisarts", "GP"), "<Huisarts>", "<GP>"),
        (dt.date(2026, 3, 4), "<04-03-2026>", "<04-03-2026>"),
        (2.5, "<2,5>", "<2.5>"),
        (True, "<ja>", "<yes>"),
        (None, "<>", "<>"),
        (Joined(["a", Message("word.no"), ""]), "<a, nee>", "<a, no>"),
    ]
    for value, dutch, english in cases:
        message = Message("test.value", v=value)
        assert (render(message, "nl"), render(message, "en")) == (dutch, english)


def test_message_error_renders_message_advice_and_details() -> None:
    err = MessageError(Message("vault.passphrase_rejected"), None,
                       [Message("passphrase.obvious"), Message("passphrase.own_name")],
                       detail="technical")
    assert err.render("en") == ("This passphrase is not strong enough.\nThis passphrase is too "
                                "obvious. Do not use your own name in the passphrase.")
    assert str(err).endswith("(technical)")
    assert repr(err) == "MessageError('vault.passphrase_rejected')"


def test_messages_are_values() -> None:
    a = Message("passphrase.too_short", min=12, n=3)
    assert a == Message("passphrase.too_short", n=3, min=12)
    assert a != Message("passphrase.too_short", min=12, n=4)
    assert len({a, Message("passphrase.too_short", n=3, min=12)}) == 1
    with pytest.raises(AttributeError):
        a.key = "other"  # type: ignore[misc]


def test_every_vault_error_has_its_texts() -> None:
    """The f-string `{key}.advice` in vault/errors.py hides from the scan above: instantiate
    every VaultError and render it, so a missing text shows up as its raw key."""
    from desktop_app.vault import errors

    stack: list[type[errors.VaultError]] = [errors.VaultError]
    seen = 0
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls is errors.UnlockDelayed:
            err: errors.VaultError = cls(3.0)  # type: ignore[call-arg]
        elif cls is errors.PassphraseRejected:
            err = cls([Message("passphrase.obvious")])  # type: ignore[call-arg]
        else:
            err = cls()
        for part in err.parts():
            assert part.key in TEXTS, f"{cls.__name__}: {part.key}"
        seen += 1
    assert seen >= 16
