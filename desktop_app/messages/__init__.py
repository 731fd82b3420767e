"""Messages for the worker as keys with values.

The domain, the vault and the services never make finished sentences for the screen: they
return (or raise) a `Message`, a key plus named values, and the GUI or the CLI renders it in the
worker's language with `render`. The texts, Dutch and English, live in one catalogue
(`desktop_app/messages/catalogue.py`, one file per area under `texts/`); a test checks that
every key used in the code has both texts with the same placeholders.

A value may be text, a number, a date, another Message (rendered in the same language), an
object with `.get(lang)` (the bilingual `Text` of forms and protocols), or `Joined` parts.

`MessageError` is the one base class of everything a service refuses with a message for the
worker (vault errors, settings that cannot be stored, a weighing that is not finished, …): the
GUI needs one `except` and one renderer.

Kept light (no dataclasses, no catalogue) because the vault's errors are defined on the way to
the unlock window; the texts are loaded when something is first rendered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Protocol, Union

LANGUAGES = ("nl", "en")


class Bilingual(Protocol):
    def get(self, lang: str) -> str: ...


Value = Union[str, int, float, dt.date, "Message", "Joined", Bilingual, None]


class Message:
    """A key of the catalogue with the values its placeholders need. Immutable and hashable;
    its repr names the key only (values may hold a resident's name)."""

    __slots__ = ("_values", "key")

    def __init__(self, key: str, /, **values: Value) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "_values", tuple(sorted(values.items())))

    key: str
    _values: tuple[tuple[str, Value], ...]

    @property
    def values(self) -> Mapping[str, Value]:
        return dict(self._values)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Message is immutable")

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Message) and other.key == self.key
                and other._values == self._values)

    def __hash__(self) -> int:
        return hash((self.key, tuple((k, repr(v)) for k, v in self._values)))

    def __repr__(self) -> str:
        return f"Message({self.key!r})"

    def __str__(self) -> str:
        """Dutch, for the CLI, support output and test messages."""
        return render(self, "nl")


class Joined:
    """Several values shown as one, e.g. sentences (`separator=" "`) or lines (`"\\n"`)."""

    __slots__ = ("parts", "separator")

    def __init__(self, parts: Iterable[Value], separator: str = ", ") -> None:
        self.parts: tuple[Value, ...] = tuple(parts)
        self.separator = separator

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Joined) and other.parts == self.parts
                and other.separator == self.separator)

    def __hash__(self) -> int:
        return hash((self.parts, self.separator))

    def __repr__(self) -> str:
        return f"Joined({len(self.parts)} parts)"


class MessageError(Exception):
    """Something the program refuses or cannot do, with what to tell the worker: `.message`
    (what is wrong), `.advice` (what to do), `.details` (further reasons, shown after the
    advice). `.detail` is technical, for support, and never holds personal data."""

    def __init__(self, message: Message, advice: Message | None = None,
                 details: Iterable[Message] = (), detail: str | None = None) -> None:
        self.message = message
        self.advice = advice
        self.details: tuple[Message, ...] = tuple(details)
        self.detail = detail
        super().__init__(message.key)

    def parts(self) -> tuple[Message, ...]:
        """What the worker reads, in order."""
        return (self.message, *((self.advice,) if self.advice else ()), *self.details)

    def render(self, lang: str) -> str:
        """The message on the first line; advice and details after it."""
        first, *rest = (render(part, lang) for part in self.parts())
        tail = " ".join(part for part in rest if part)
        return f"{first}\n{tail}" if tail else first

    def __str__(self) -> str:
        text = self.render("nl")
        return f"{text} ({self.detail})" if self.detail else text

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message.key!r})"


def render(message: Message | str, lang: str = "nl") -> str:
    """The text of a message in `lang` ('nl' or 'en'). A plain string is returned as it is (a
    name, or text the worker typed)."""
    if isinstance(message, str):
        return message
    from desktop_app.messages.catalogue import template_for

    values = message.values
    template = template_for(message.key, lang, values.get("n"))
    return template.format_map({name: render_value(value, lang)
                                for name, value in values.items()})


def render_value(value: Value, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, Joined):
        return value.separator.join(text for text in (render_value(p, lang)
                                                      for p in value.parts) if text)
    if isinstance(value, bool):  # before int: a bool is an int
        return render(Message("word.yes") if value else Message("word.no"), lang)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "nl" else text
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    return value.get(lang)
