"""The answers of a draft as the readable part of the gespreksverslag: per section short
paragraphs of sentences instead of one line per question (issue 19).

- A yes/no question or a choice becomes a statement ("De inwoner krijgt mantelzorg."), other
  short answers a sentence around the answer ("Geboren op 2 april 1959."): the phrasings are
  messages per field id (messages/texts/report_phrases.py). A field without a phrase, such as a
  municipality's own field, is written as "Label: antwoord.", so a changed form never breaks
  the report.
- A long free text is a paragraph of its own under a short lead; a list of people is a compact
  list, another list (goals, organisations) a small table.
- The life domains (the sections `leefgebied_<x>`, ticked in a multiple choice whose choices
  are those x) are one list: "Financiën — 2 (niet zelfredzaam): <toelichting> Hulp gewenst."
- Unanswered and hidden fields are left out, and so is a section with nothing in it.

Only what the draft holds is written, and all of it: nothing answered is lost on the way to
the dossier. The BSN is masked unless asked for (setting `bsn_in_verslag`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from desktop_app.domain.bsn import mask_bsn
from desktop_app.domain.consent import format_date_long, format_date_short
from desktop_app.domain.forms import (
    Choice,
    Column,
    Field,
    FieldType,
    FormDefinition,
    Section,
    effective_answers,
    is_empty_answer,
)
from desktop_app.domain.people import parse_date
from desktop_app.domain.report import (
    ReportBlock,
    ReportItem,
    ReportList,
    ReportParagraph,
    ReportSection,
    ReportTable,
    ReportText,
)
from desktop_app.messages import Message, render
from desktop_app.messages.catalogue import TEXTS

# The Zelfredzaamheid-Matrix: one section per life domain, with these fields in it.
DOMAIN_SECTION_PREFIX = "leefgebied_"
_DOMAIN_SCORE, _DOMAIN_NOTES, _DOMAIN_HELP = "_score", "_toelichting", "_hulp_gewenst"
# The visit's date and place make one sentence.
_VISIT_DATE, _VISIT_PLACE, _VISIT_PLACE_OTHER = "bezoek_datum", "bezoek_plaats", \
    "bezoek_plaats_anders"
# A list of people (it has a name column) is a list; any other list is a table.
_NAME_COLUMN = "naam"
_SENTENCE_END = re.compile(r"[.!?…]$")
_DOUBLE_STOP = re.compile(r"([.!?…])\.$")


def narrative_sections(form: FormDefinition, answers: Mapping[str, Any], lang: str = "nl", *,
                       show_bsn: bool = False) -> tuple[ReportSection, ...]:
    """The visible, answered part of the draft as report sections, in form order."""
    return _Writer(form, answers, lang, show_bsn).sections()


class _DomainSlot:
    """Where the list of life domains goes, once all their sections are read."""


class _Writer:
    def __init__(self, form: FormDefinition, answers: Mapping[str, Any], lang: str,
                 show_bsn: bool) -> None:
        self.form = form
        self.effective = effective_answers(form, answers)
        self.lang = lang
        self.show_bsn = show_bsn
        self.domain_names: dict[str, str] = {}
        self.domain_items: list[ReportItem] = []

    # -- the whole report ---------------------------------------------------------------------
    def sections(self) -> tuple[ReportSection, ...]:
        drafts: list[tuple[str, list[ReportBlock | _DomainSlot]]] = []
        slot: _DomainSlot | None = None
        for section in self.form.sections:
            if section.relevance is not None and not section.relevance.evaluate(self.effective):
                continue
            fields = self._answered(section)
            if section.id.startswith(DOMAIN_SECTION_PREFIX):
                if slot is None:  # no question ticked the domains: they get a section of their own
                    slot = _DomainSlot()
                    drafts.append((section.title.get(self.lang), [slot]))
                self.domain_items.append(self._domain_item(section, fields))
                continue
            blocks = self._blocks(fields)
            if slot is None:
                slot = next((b for b in blocks if isinstance(b, _DomainSlot)), None)
            drafts.append((section.title.get(self.lang), blocks))
        out: list[ReportSection] = []
        for title, blocks in drafts:
            final: list[ReportBlock] = []
            for block in blocks:
                if not isinstance(block, _DomainSlot):
                    final.append(block)
                elif self.domain_items:
                    final.append(ReportList(render(Message("report.domain.lead"), self.lang),
                                            tuple(self.domain_items)))
            if final:
                out.append(ReportSection(title, tuple(final)))
        return tuple(out)

    def _answered(self, section: Section) -> list[Field]:
        return [f for f in section.fields
                if (f.relevance is None or f.relevance.evaluate(self.effective))
                and not is_empty_answer(self.effective.get(f.id))]

    # -- one section --------------------------------------------------------------------------
    def _blocks(self, fields: Sequence[Field]) -> list[ReportBlock | _DomainSlot]:
        blocks: list[ReportBlock | _DomainSlot] = []
        sentences: list[str] = []

        def flush() -> None:
            if sentences:
                blocks.append(ReportParagraph(" ".join(sentences)))
                sentences.clear()

        done: set[str] = set()
        for fld in fields:
            if fld.id in done:
                continue
            value = self.effective[fld.id]
            if fld.id in (_VISIT_DATE, _VISIT_PLACE):
                sentences.append(self._visit_sentence(fields, done))
            elif self._selects_domains(fld):
                flush()
                self.domain_names = {c.value: c.label.get(self.lang) for c in fld.choices}
                blocks.append(_DomainSlot())
            elif fld.type is FieldType.LONG_TEXT:
                flush()
                blocks.append(ReportText(self._lead(fld), str(value)))
            elif fld.type is FieldType.PERSON_LIST:
                flush()
                block = self._person_list(fld, value)
                if block is not None:
                    blocks.append(block)
            else:
                sentences.append(self._sentence(fld, value))
        flush()
        return blocks

    def _selects_domains(self, fld: Field) -> bool:
        return (fld.type is FieldType.MULTI_CHOICE and bool(fld.choices) and all(
            self._has_section(DOMAIN_SECTION_PREFIX + c.value) for c in fld.choices))

    def _has_section(self, section_id: str) -> bool:
        return any(s.id == section_id for s in self.form.sections)

    # -- sentences ----------------------------------------------------------------------------
    def _sentence(self, fld: Field, value: Any) -> str:
        """The phrase of the field, or "Label: antwoord." when it has none."""
        if fld.type is FieldType.YES_NO and isinstance(value, bool):
            word = "ja" if value else "nee"
            if f"report.phrase.{fld.id}.{word}" in TEXTS:
                return self._text(Message(f"report.phrase.{fld.id}.{word}"))
            return _fallback(fld.label.get(self.lang), self._yes_no(value))
        if fld.type is FieldType.CHOICE and f"report.phrase.{fld.id}.{value}" in TEXTS:
            return self._text(Message(f"report.phrase.{fld.id}.{value}"))
        shown = self._value(fld, value)
        if f"report.phrase.{fld.id}" in TEXTS:
            return _tidy(self._text(Message(f"report.phrase.{fld.id}", value=shown, place="")))
        return _fallback(fld.label.get(self.lang), shown)

    def _visit_sentence(self, fields: Sequence[Field], done: set[str]) -> str:
        """"Het gesprek was op 20 november 2026 bij de inwoner thuis." from the date, the place
        and where exactly, whichever of them are answered."""
        by_id = {f.id: f for f in fields}
        done.update({_VISIT_DATE, _VISIT_PLACE})
        date = by_id.get(_VISIT_DATE)
        place = ""
        if (where := by_id.get(_VISIT_PLACE)) is not None:
            value = self.effective[where.id]
            place = (self._text(Message(f"report.place.{value}"))
                     if f"report.place.{value}" in TEXTS else self._value(where, value))
            if (other := by_id.get(_VISIT_PLACE_OTHER)) is not None:
                done.add(other.id)
                place += f" ({self.effective[other.id]})"
        if date is None:
            return self._text(Message("report.phrase.bezoek_plaats", place=place, value=""))
        shown = self._value(date, self.effective[date.id])
        if place:
            return self._text(Message("report.phrase.bezoek_datum.met_plaats", value=shown,
                                      place=place))
        return self._text(Message("report.phrase.bezoek_datum", value=shown, place=""))

    def _lead(self, fld: Field) -> str:
        if f"report.phrase.{fld.id}" in TEXTS:
            return self._text(Message(f"report.phrase.{fld.id}", value="", place=""))
        return fld.label.get(self.lang)

    # -- values -------------------------------------------------------------------------------
    def _value(self, fld: Field, value: Any) -> str:
        """An answer as words inside a sentence."""
        if fld.type is FieldType.MULTI_CHOICE and isinstance(value, list):
            return self._joined([
                self._text(Message(f"report.phrase.{fld.id}.{v}"))
                if f"report.phrase.{fld.id}.{v}" in TEXTS
                else _choice_label(fld.choices, v, self.lang) for v in value])
        if fld.type is FieldType.BSN:
            return str(value) if self.show_bsn else mask_bsn(str(value))
        words = self._plain(fld.type, fld.choices, value, long_date=True)
        if words is not None:
            return words
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    def _cell(self, column: Column, value: Any) -> str:
        words = self._plain(column.type, column.choices, value, long_date=False)
        return str(value) if words is None else words

    def _plain(self, kind: FieldType, choices: Sequence[Choice], value: Any,
               long_date: bool) -> str | None:
        """A date, a choice or a yes/no as words (None for any other answer), the same in a
        sentence and in a table cell."""
        if kind is FieldType.DATE:
            return _date(value, long=long_date)
        if kind is FieldType.CHOICE:
            return _choice_label(choices, value, self.lang)
        if kind is FieldType.YES_NO and isinstance(value, bool):
            return self._yes_no(value)
        return None

    def _joined(self, parts: list[str]) -> str:
        """"a, b en c"."""
        if len(parts) < 2:
            return "".join(parts)
        return self._text(Message("report.and", first=", ".join(parts[:-1]), last=parts[-1]))

    def _yes_no(self, value: bool) -> str:
        return self._text(Message("word.yes") if value else Message("word.no"))

    def _text(self, message: Message) -> str:
        return render(message, self.lang)

    # -- lists and tables ---------------------------------------------------------------------
    def _person_list(self, fld: Field, value: Any) -> ReportBlock | None:
        # A cell of a column not asked for its row (a birth date of an adult) is left out, as a
        # hidden field is: it was not to be collected (AVG art. 5 lid 1 c).
        rows = [{c.id: row.get(c.id) for c in fld.columns if c.asked_for(row)}
                for row in value if isinstance(row, dict)] if isinstance(value, list) else []
        rows = [row for row in rows if any(not is_empty_answer(cell) for cell in row.values())]
        if not rows:
            return None
        lead = self._lead(fld)
        if any(c.id == _NAME_COLUMN for c in fld.columns):
            return ReportList(lead, tuple(self._person(fld, row) for row in rows))
        columns = [c for c in fld.columns
                   if any(not is_empty_answer(row.get(c.id)) for row in rows)]
        return ReportTable(
            lead,
            tuple(self._text(Message(f"report.column.{fld.id}.{c.id}", value=""))
                  if f"report.column.{fld.id}.{c.id}" in TEXTS else c.label.get(self.lang)
                  for c in columns),
            tuple(tuple("" if is_empty_answer(row.get(c.id)) else self._cell(c, row.get(c.id))
                        for c in columns) for row in rows))

    def _person(self, fld: Field, row: Mapping[str, Any]) -> ReportItem:
        """"Sem van Dijk: kind, geboren 15-06-2011"."""
        name = row.get(_NAME_COLUMN)
        details: list[str] = []
        for column in fld.columns:
            cell = row.get(column.id)
            if column.id == _NAME_COLUMN or is_empty_answer(cell):
                continue
            base = f"report.column.{fld.id}.{column.id}"
            if column.type is FieldType.YES_NO and isinstance(cell, bool):
                word = "ja" if cell else "nee"
                if f"{base}.{word}" in TEXTS:
                    details.append(self._text(Message(f"report.column.{fld.id}.{column.id}"
                                                      f".{word}")))
                    continue
            elif column.type is FieldType.CHOICE and f"{base}.{cell}" in TEXTS:
                details.append(self._text(Message(f"report.column.{fld.id}.{column.id}.{cell}")))
                continue
            shown = self._cell(column, cell)
            if base in TEXTS:
                details.append(self._text(Message(f"report.column.{fld.id}.{column.id}",
                                                  value=shown)))
            else:
                details.append(f"{column.label.get(self.lang).rstrip(' ?:.')}: {shown}")
        lead = str(name) if not is_empty_answer(name) else self._text(Message("report.no_name"))
        return ReportItem(lead, ", ".join(details))

    # -- the life domains ---------------------------------------------------------------------
    def _domain_item(self, section: Section, fields: Sequence[Field]) -> ReportItem:
        """"Financiën — 4 (voldoende zelfredzaam)" with the notes and whether help is wanted."""
        domain = section.id.removeprefix(DOMAIN_SECTION_PREFIX)
        name = self.domain_names.get(domain) or section.title.get(self.lang)
        score = ""
        notes: list[str] = []
        sentences: list[str] = []
        for fld in fields:
            value = self.effective[fld.id]
            if fld.id.endswith(_DOMAIN_SCORE) and fld.type is FieldType.CHOICE:
                score = _score_text(_choice_label(fld.choices, value, self.lang))
            elif fld.id.endswith(_DOMAIN_NOTES) and fld.type is FieldType.LONG_TEXT:
                notes.append(str(value))
            elif fld.id.endswith(_DOMAIN_HELP) and isinstance(value, bool):
                sentences.append(self._text(Message("report.domain.help.ja") if value
                                            else Message("report.domain.help.nee")))
            elif fld.type is FieldType.LONG_TEXT:
                notes.append(f"{fld.label.get(self.lang)}: {value}")
            else:
                sentences.append(self._sentence(fld, value))
        text = "\n\n".join(notes)
        if sentences:
            tail = " ".join(sentences)
            if not text:
                text = tail
            else:
                text += (" " if _SENTENCE_END.search(text) else ". ") + tail
        if not score and not text:
            text = self._text(Message("report.domain.empty"))
        return ReportItem(f"{name} — {score}" if score else name, text)


def _score_text(label: str) -> str:
    """"4 – voldoende zelfredzaam" as "4 (voldoende zelfredzaam)"."""
    number, dash, words = label.partition(" – ")
    return f"{number} ({words})" if dash and words else label


def _choice_label(choices: Sequence[Choice], value: Any, lang: str) -> str:
    for choice in choices:
        if str(choice.value) == str(value):
            return str(choice.label.get(lang))
    return str(value)


def _date(value: Any, *, long: bool) -> str:
    if isinstance(value, str):
        try:
            day = parse_date(value)
        except ValueError:
            return value  # an unfinished answer is reported as typed
        return format_date_long(day) if long else format_date_short(day)
    return str(value)


def _fallback(label: str, value: str) -> str:
    """"Label: antwoord." for a field without a phrase (a question mark or colon of the label is
    dropped; an answer that ends a sentence gets no second full stop)."""
    label = label.strip().rstrip(" ?:.")
    value = value.strip()
    return f"{label}: {value}" + ("" if _SENTENCE_END.search(value) else ".")


def _tidy(sentence: str) -> str:
    """No double full stop where the answer itself ends the sentence."""
    return _DOUBLE_STOP.sub(r"\1", sentence)
