"""Privacy protocols as validated decision graphs, and the walk through one (a weighing).

A municipality describes its privacy code (Zwolle ZW-1..4, Zutphen ZU-A1..A4C) in a YAML file
in `forms/protocols/`. This module loads such a file into a `ProtocolGraph`, rejects every
mistake with the file and line (`DefinitionError`; what is wrong is a `Message`, keys
`definition.protocol.*`), and walks it (`Weighing`).

The graph
---------
- A `ProtocolGraph` has an id, a version, a title, a description, a `start` node, `nodes` and
  `outcomes`, and the SHA-256 of the file bytes (`content_hash`): a stored weighing names the
  exact protocol text it was made with, so a later edit never silently changes its meaning.
- A `Node` is one question for the worker (with the rule IDs it applies, e.g. "ZU-A3", and a
  help text). Each `Answer` has `next`: the id of another node, or of an outcome (the path ends
  there). An answer may demand `records`: what the worker must write down when choosing it
  (`RecordRequirement(kind, label)`, kinds in `RecordKind`: motivation, consulted, findings,
  client_arguments, reason_not_informing).
- An `Outcome` has a `kind` (`OutcomeKind`: refer, do_not_share, share_minimum, ...) and a text.
  The outcome named by the last answer's `next` is the *verdict* of the path. An answer (or a
  verdict) may also list other outcomes under `effects`: those are collected along the way
  without ending the path. That is how "deel niet meer dan strikt noodzakelijk" (ZU-A3
  proportionaliteit) lets the weighing continue with subsidiariteit, and how Zutphen 4A "yes,
  conflict of duties" collects "informeer de cliënt" and "stem af met deskundige collega en
  leidinggevende" before its verdict. Effects are one level deep: an outcome used as an effect
  has no effects of its own, so what a path means stays readable in the YAML.
- Context nodes (`context: professional_secrecy` or `context: basis`) are answered from the data
  request, not by the worker: each answer carries `when: <value>` and the answers must cover
  every value of that key (`CONTEXT_KEYS`). The wizard answers them with
  `Weighing.answer_from_context`; `enumerate_paths` branches over every value (or over the
  values you fix), keeping one value per key along a path.
- Every visible text is either a plain Dutch string or `{nl: ..., en: ...}` (`Text`).

Validation (at load) rejects: unknown keys, missing fields, wrong types, duplicate ids (nodes
and outcomes share one namespace), a `next`/`start`/`effects` pointing to nothing, a node that
cannot be reached from `start`, an outcome that is never used, a dead end (a node without
answers, or a context node that does not cover every value), and a cycle. A graph that loads is
therefore a finite DAG in which every path from `start` ends in an outcome.

The walk
--------
`Weighing` is immutable: `answer()` returns a new state and refuses a missing mandatory record
with a `WeighingError` (a message, keys `weighing.*`); `back()` undoes the worker's last answer
(and the automatic context answers after it). `to_dict()` gives plain JSON that also carries a
text snapshot of every question, answer and outcome, so a conversation report can show an old
weighing even after the protocol file changed; `from_dict()` replays the steps against the
graph and refuses a graph with another id, version or content hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from desktop_app.domain.texts import Text
from desktop_app.domain.vocabulary import Basis, Direction
from desktop_app.domain.yaml_source import (
    DefinitionError,
    LocatedDict,
    LocatedList,
    ParsedCache,
    load_yaml_text,
)
from desktop_app.messages import Message, MessageError, render

# Where in a definition file something is wrong: a message ("'label' van vraag 'q1'"), or plain
# text from a caller that has not said it as a message yet.
What = Message | str

__all__ = [
    "CONTEXT_KEYS",
    "DIRECTION_KEYS",
    "GUIDANCE_VUISTREGELS",
    "Answer",
    "DefinitionError",
    "GuidancePoint",
    "JustifiedReason",
    "LegalGround",
    "Node",
    "Outcome",
    "OutcomeKind",
    "Prefill",
    "ProtocolGraph",
    "ProtocolPath",
    "RecordKind",
    "RecordRequirement",
    "Step",
    "Text",
    "Weighing",
    "WeighingError",
    "display_record",
    "enumerate_paths",
    "load_protocol",
    "load_protocols",
    "narrowed_items",
    "parse_protocol",
    "parse_text",
]

# A worker's note may be long, but not a pasted document: the notes belong in the dossier.
MAX_RECORD_LENGTH = 4000
_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
# Rule IDs as DOMAIN.md writes them (ZW-2, ZU-A4C, ZU-V1); a municipality may add its own prefix.
_RULE_PATTERN = re.compile(r"^[A-Z]{2,6}-[A-Z0-9]{1,8}$")
_WEIGHING_FORMAT = 1


# --------------------------------------------------------------------------------------------
# Texts


# Text lives in domain/texts.py (one type for every definition file).


def _what(name: str, /, **values: Any) -> Message:
    """Where in the file: "vraag 'q1'", "'label' van antwoord 'ja' van vraag 'q1'", …"""
    return Message(f"definition.protocol.what.{name}", **values)


def _names(values: Any) -> str:
    return ", ".join(str(v) for v in values)


def parse_text(value: Any, source: str, line: int, what: What) -> Text:
    """A plain Dutch string or `{nl: ..., en: ...}`; anything else is a DefinitionError."""
    if isinstance(value, str):
        if not value.strip():
            raise DefinitionError(source, line, Message("definition.protocol.text_empty",
                                                        what=what))
        return Text(value.strip())
    if isinstance(value, LocatedDict):
        check_keys(value, source, what, required=("nl",), optional=("en",))
        nl = value["nl"]
        en = value.get("en")
        if not isinstance(nl, str) or not nl.strip():
            raise DefinitionError(source, value.line_of("nl"), Message(
                "definition.protocol.language_not_text", what=what, lang="nl"))
        if en is not None and (not isinstance(en, str) or not en.strip()):
            raise DefinitionError(source, value.line_of("en"), Message(
                "definition.protocol.language_not_text", what=what, lang="en"))
        return Text(nl.strip(), en.strip() if en else None)
    raise DefinitionError(source, line, Message(
        "definition.protocol.not_text", what=what, dutch_key="'nl:'", english_key="'en:'"))


# Keys of a protocol text that differs by direction: the same question reads differently when
# the team asks an organisation for data than when it gives data (issue 15: Zwolle's factsheet
# is written for "opvragen" only; Zutphen's A1 for an incoming question).
DIRECTION_KEYS = {Direction.REQUEST_FROM: "opvragen", Direction.GIVE_TO: "verstrekken"}


@dataclass(frozen=True, slots=True)
class _TextReader:
    """Reads protocol texts for one direction; `None` validates both variants and keeps the
    "opvragen" one (the graph as loaded, before a weighing picks its direction)."""

    direction: Direction | None = None

    def __call__(self, value: Any, source: str, line: int, what: What) -> Text:
        if isinstance(value, LocatedDict) and set(value) & set(DIRECTION_KEYS.values()):
            check_keys(value, source, what, required=tuple(DIRECTION_KEYS.values()))
            variants = {d: parse_text(value[key], source, value.line_of(key), what)
                        for d, key in DIRECTION_KEYS.items()}
            return variants[self.direction or Direction.REQUEST_FROM]
        return parse_text(value, source, line, what)


# --------------------------------------------------------------------------------------------
# Small helpers for strict YAML definitions (also used by organisations.py and guidance.py)


def check_keys(
    mapping: LocatedDict,
    source: str,
    what: What,
    *,
    required: tuple[str, ...],
    optional: tuple[str, ...] = (),
) -> None:
    """Reject unknown keys (usually a typo that would otherwise be ignored) and missing ones."""
    allowed = set(required) | set(optional)
    for key in mapping:
        if key not in allowed:
            raise DefinitionError(
                source,
                mapping.line_of(key),
                Message("definition.protocol.unknown_key", key=key, what=what,
                        allowed=_names(sorted(allowed))),
            )
    for key in required:
        if key not in mapping:
            raise DefinitionError(source, mapping.line, Message(
                "definition.protocol.missing_key", key=key, what=what))


def expect_mapping(value: Any, source: str, line: int, what: What) -> LocatedDict:
    if not isinstance(value, LocatedDict):
        raise DefinitionError(source, line, Message("definition.protocol.not_mapping", what=what))
    return value


def expect_list(value: Any, source: str, line: int, what: What) -> LocatedList:
    if not isinstance(value, LocatedList):
        raise DefinitionError(source, line, Message("definition.protocol.not_list", what=what))
    return value


def expect_id(value: Any, source: str, line: int, what: What) -> str:
    if not isinstance(value, str) or not _ID_PATTERN.match(value):
        raise DefinitionError(
            source, line, Message("definition.protocol.bad_id", what=what, value=str(value)))
    return value


# --------------------------------------------------------------------------------------------
# Vocabulary of the graph


class OutcomeKind(StrEnum):
    """What an outcome tells the worker to do."""

    REFER = "verwijs_door"  # ZU-A1: help the requester to the right place
    DO_NOT_SHARE = "niet_delen"  # ZU-A2, ZU-A3, ZU-A4A; ZW-2 when the weighing says no
    SHARE_MINIMUM = "deel_minimaal"  # ZU-A3 proportionaliteit; ZW-2 "kan het met minder?"
    INFORM_CLIENT = "informeer_client"  # ZU-A4A/ZU-A4B; ZW-3
    CONSULT_EXPERT_AND_MANAGER = "stem_af"  # ZU-A4A: always, before sharing against a "no"
    WRITTEN_CONSENT_REQUIRED = "schriftelijke_toestemming"  # ZW-4, ZU-A4C
    SHARE_WITHOUT_INFORMING = "delen_zonder_informeren"  # ZU-A4B with a justified reason
    PROCEED_WITH_CONSENT = "door_met_toestemming"  # all weighed; the resident said yes
    # Toetsing: all weighed and the resident informed; the basis is the statutory task, not
    # consent (AVG art. 6 lid 1 onder e, art. 7 lid 4).
    PROCEED_INFORMED = "door_geinformeerd"
    SHARE_DESPITE_OBJECTION = "delen_ondanks_bezwaar"  # ZU-A4A conflict of duties; ZW-3 abuse
    # ZU-A4C: the worker who gives the data is BIG- or SKJ-registered; the own professional
    # code applies (its key points are shown, the weighing is recorded).
    OWN_CODE = "eigen_beroepscode"

    @property
    def message(self) -> Message:
        """"Verwijs door" / "Refer"."""
        return Message(f"weighing.outcome.{self.value}")

    @property
    def dutch(self) -> str:
        return self.label("nl")

    def label(self, lang: str) -> str:
        return render(self.message, lang)

    @property
    def ends_request(self) -> bool:
        """A verdict after which nothing is requested or shared."""
        return self in (OutcomeKind.REFER, OutcomeKind.DO_NOT_SHARE)



class RecordKind(StrEnum):
    """What the worker must write down when choosing an answer (ZU-DOC, ZW-4)."""

    MOTIVATION = "motivation"  # why this answer
    CONSULTED = "consulted"  # names/roles of the expert colleague and the manager consulted
    FINDINGS = "findings"  # what came out of that consultation
    CLIENT_ARGUMENTS = "client_arguments"  # the resident's arguments against sharing
    REASON_NOT_INFORMING = "reason_not_informing"  # one or more `JustifiedReason` values
    # The exception paths (ZW-3, ZU-A4A, ZU-A4B): on which ground data go without consent.
    LEGAL_GROUND = "legal_ground"  # one or more `LegalGround` values
    ANONYMISED = "anonymised_consultation"  # "ja"/"nee": the case was brought in without names
    INFORM_AFTER = "inform_after"  # ISO date: when the resident is told afterwards (ZU-A4B)
    # "Share less" (ZW-2 proportionaliteit, ZU-A3): the items that remain, one per line. The
    # request is narrowed to exactly these before it can go on (data_requests.with_weighing).
    NARROWED_ITEMS = "narrowed_items"


class Prefill(StrEnum):
    """What the program writes into a record field from the data request, so the worker does
    not type the purpose or the items again (issue 15: typed once, shown editable)."""

    PURPOSE = "purpose"  # the request's purpose
    ITEMS = "items"  # the request's items, one per line
    PURPOSE_AND_ITEMS = "purpose_and_items"
    GROUND = "ground"  # statutory task (toetsing) or consent (verdieping), from the basis


class LegalGround(StrEnum):
    """Why data may go without the resident's consent in the exception paths (DOMAIN.md:
    ZW-3, ZU-A4A, ZU-A4B). The organisation with secrecy still decides under its own code."""

    CONFLICT_OF_DUTIES = "conflict_van_plichten"
    VITAL_INTEREST = "vitaal_belang"  # AVG art. 6 lid 1 onder d; art. 9 lid 2 onder c
    # Wmo 2015 art. 5.2.6 (DOMAIN.md): a professional with secrecy may report to Veilig Thuis
    # without consent (meldrecht).
    RIGHT_TO_REPORT = "meldrecht"
    LEGAL_DUTY = "wettelijke_plicht"  # a statutory duty to provide (AVG art. 6 lid 1 onder c)

    @property
    def message(self) -> Message:
        return Message(f"weighing.ground.{self.value}")

    def label(self, lang: str) -> str:
        return render(self.message, lang)

    @classmethod
    def parse_many(cls, value: str) -> tuple[LegalGround, ...]:
        """Grounds stored as ids separated by commas; raises ValueError on an unknown id."""
        parts = [p.strip() for p in value.split(",") if p.strip()]
        if not parts:
            raise ValueError("geen grond")
        return tuple(cls(p) for p in parts)


class JustifiedReason(StrEnum):
    """ZU-A4B: the justified reasons for not informing the client before sharing."""

    PREVENT_CRIMINAL_OFFENCES = "voorkomen_strafbare_feiten"
    PROTECT_PERSON_CONCERNED = "bescherming_betrokkene"
    RIGHTS_OF_OTHERS = "rechten_en_vrijheden_anderen"

    @property
    def message(self) -> Message:
        """For the wizard's choice list, the summary and the report."""
        return Message(f"weighing.reason.{self.value}")

    @property
    def dutch(self) -> str:
        return self.label("nl")

    def label(self, lang: str) -> str:
        return render(self.message, lang)

    @classmethod
    def parse_many(cls, value: str) -> tuple[JustifiedReason, ...]:
        """Reasons stored as ids separated by commas; raises ValueError on an unknown id."""
        parts = [p.strip() for p in value.split(",") if p.strip()]
        if not parts:
            raise ValueError("geen reden")
        return tuple(cls(p) for p in parts)


# Context keys a node may be answered from, with every value a path must cover.
CONTEXT_KEYS: Mapping[str, tuple[Any, ...]] = MappingProxyType(
    {
        # Does the organisation have (medical) professional secrecy that needs written
        # consent (ZW-4, ZU-A4C)? Derived from its SecrecyRegime. Kept for weighings stored
        # with protocol files from before issue 15; new files ask `sharer_secrecy`.
        "professional_secrecy": (True, False),
        # ZU-A4C is about whoever *shares*: "organisatie" when the team requests from an
        # organisation with BIG or SKJ secrecy (it needs the resident's release, ZW-4);
        # "medewerker" when the team gives and the worker is BIG- or SKJ-registered (the own
        # code applies); "geen" otherwise.
        "sharer_secrecy": ("organisatie", "medewerker", "geen"),
        # Which way the data go (the graph's texts follow it too, see DIRECTION_KEYS).
        "direction": ("opvragen", "verstrekken"),
        # ZW-2: toetsing (decide on a provision) or verdieping (help better).
        "basis": tuple(b.value for b in Basis),
    }
)


# Context values that cannot be true together: the team only requests from an organisation
# with secrecy, and only the worker's own registration counts when the team gives.
_IMPOSSIBLE: Mapping[tuple[str, Any], Mapping[str, frozenset[Any]]] = MappingProxyType({
    ("direction", "opvragen"): {"sharer_secrecy": frozenset({"medewerker"})},
    ("direction", "verstrekken"): {"sharer_secrecy": frozenset({"organisatie"})},
})


def _possible(assumed: Mapping[str, Any], key: str, value: Any) -> bool:
    for fixed_key, fixed_value in assumed.items():
        excluded = _IMPOSSIBLE.get((fixed_key, fixed_value), {}).get(key, frozenset())
        if value in excluded:
            return False
        back = _IMPOSSIBLE.get((key, value), {}).get(fixed_key, frozenset())
        if fixed_value in back:
            return False
    return True


# --------------------------------------------------------------------------------------------
# The graph


@dataclass(frozen=True, slots=True)
class RecordRequirement:
    kind: RecordKind
    label: Text
    required: bool = True
    prefill: Prefill | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    id: str
    label: Text
    next: str  # a node id or an outcome id
    records: tuple[RecordRequirement, ...] = ()
    effects: tuple[str, ...] = ()  # outcome ids collected without ending the path
    when: Any = None  # the context value this answer stands for (context nodes only)
    line: int = 0  # line of the answer's `id`, for messages
    next_line: int = 0  # line of its `next:`, where a dangling or cycling reference is fixed


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    rules: tuple[str, ...]
    question: Text
    answers: tuple[Answer, ...]
    help: Text | None = None
    context: str | None = None
    line: int = 0

    def answer(self, answer_id: str) -> Answer | None:
        for candidate in self.answers:
            if candidate.id == answer_id:
                return candidate
        return None

    def answer_for_value(self, value: Any) -> Answer | None:
        for candidate in self.answers:
            if candidate.when == value:
                return candidate
        return None


@dataclass(frozen=True, slots=True)
class Outcome:
    id: str
    kind: OutcomeKind
    text: Text
    effects: tuple[str, ...] = ()  # outcome ids this verdict also implies
    line: int = 0


@dataclass(frozen=True, slots=True)
class GuidancePoint:
    """One point of a protocol's own guidance (shown beside the weighing)."""

    rules: tuple[str, ...]
    text: Text


@dataclass(frozen=True, eq=False)
class ProtocolGraph:
    id: str
    version: int
    title: Text
    description: Text | None
    start: str
    nodes: Mapping[str, Node]
    outcomes: Mapping[str, Outcome]
    content_hash: str
    source: str = ""
    # None: the graph as loaded (texts of the "opvragen" variant); a weighing walks the graph
    # of its request's direction (`for_direction`).
    direction: Direction | None = None
    # The protocol's own guidance points, or None for the rules of thumb (`vuistregels`).
    guidance: tuple[GuidancePoint, ...] | None = None
    text: str = field(default="", repr=False)
    _variants: dict[Direction, ProtocolGraph] = field(default_factory=dict, repr=False)

    def for_direction(self, direction: Direction) -> ProtocolGraph:
        """The same protocol (same hash) with the texts for `direction`."""
        if self.direction is direction:
            return self
        variant = self._variants.get(direction)
        if variant is None:
            variant = _parse(self.text, self.source, self.content_hash, direction)
            self._variants[direction] = variant
        return variant

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    def outcome(self, outcome_id: str) -> Outcome:
        return self.outcomes[outcome_id]

    def is_outcome(self, target: str) -> bool:
        return target in self.outcomes

    def expand_effects(self, outcome_ids: tuple[str, ...]) -> tuple[Outcome, ...]:
        return tuple(self.outcomes[o] for o in outcome_ids)


# --------------------------------------------------------------------------------------------
# Loading and validation

_TOP_REQUIRED = ("id", "version", "title", "start", "nodes", "outcomes")
_TOP_OPTIONAL = ("description", "guidance")
_GUIDANCE_REQUIRED = ("text",)
_GUIDANCE_OPTIONAL = ("rules",)
# `guidance: vuistregels` shows the rules of thumb file (Zutphen's own); a list shows the
# protocol's own points (Zwolle's factsheet): each protocol its own guidance (issue 15).
GUIDANCE_VUISTREGELS = "vuistregels"
_NODE_REQUIRED = ("id", "question", "answers")
_NODE_OPTIONAL = ("rules", "help", "context")
_ANSWER_REQUIRED = ("id", "label", "next")
_ANSWER_OPTIONAL = ("records", "effects", "when")
_RECORD_REQUIRED = ("kind", "label")
_RECORD_OPTIONAL = ("required", "prefill")
_OUTCOME_REQUIRED = ("id", "kind", "text")
_OUTCOME_OPTIONAL = ("effects",)


def load_protocol(path: Path) -> ProtocolGraph:
    """Read and validate a protocol file; the hash is taken over the exact bytes on disk."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DefinitionError(str(path), None, Message(
            "definition.unreadable", reason=err.strerror or type(err).__name__)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DefinitionError(str(path), None, Message("definition.not_utf8")) from None
    return _parse(text, str(path), hashlib.sha256(raw).hexdigest())


def load_protocols(directory: Path) -> dict[str, ProtocolGraph]:
    """Every `*.yaml` protocol in `directory` (e.g. forms/protocols), by id. The id must equal
    the file name, so the setting "protocol: zutphen" always names one file."""
    protocols: dict[str, ProtocolGraph] = {}
    for path in sorted(directory.glob("*.yaml")):
        graph = load_protocol(path)
        if graph.id != path.stem:
            raise DefinitionError(str(path), None, Message(
                "definition.protocol.id_not_file_name", id=graph.id, name=path.stem))
        protocols[graph.id] = graph
    if not protocols:
        raise DefinitionError(str(directory), None, Message("definition.protocol.none_in_folder"))
    return protocols


def parse_protocol(text: str, source: str) -> ProtocolGraph:
    """Validate protocol YAML text; `source` names it in error messages."""
    return _parse(text, source, hashlib.sha256(text.encode("utf-8")).hexdigest())


_PARSED: ParsedCache[ProtocolGraph] = ParsedCache()


def _parse(text: str, source: str, content_hash: str,
           direction: Direction | None = None) -> ProtocolGraph:
    return _PARSED.get((source, content_hash, direction),
                       lambda: _parse_new(text, source, content_hash, direction))


def _parse_new(text: str, source: str, content_hash: str,
               direction: Direction | None) -> ProtocolGraph:
    read = _TextReader(direction)
    data = load_yaml_text(text, source)
    if data is None:
        raise DefinitionError(source, None, Message("definition.protocol.empty"))
    top = expect_mapping(data, source, 1, _what("protocol"))
    check_keys(top, source, _what("protocol"), required=_TOP_REQUIRED, optional=_TOP_OPTIONAL)

    protocol_id = expect_id(top["id"], source, top.line_of("id"), _what("protocol_id"))
    version = top["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DefinitionError(source, top.line_of("version"),
                              Message("definition.protocol.version_not_number"))
    title = read(top["title"], source, top.line_of("title"), _what("key", key="title"))
    description = (
        read(top["description"], source, top.line_of("description"),
                   _what("key", key="description"))
        if "description" in top
        else None
    )

    seen: dict[str, int] = {}  # id -> line; nodes and outcomes share one namespace

    def claim(identifier: str, line: int) -> None:
        if identifier in seen:
            raise DefinitionError(source, line, Message(
                "definition.protocol.duplicate_id", id=identifier, line=seen[identifier]))
        seen[identifier] = line

    outcomes_list = expect_list(top["outcomes"], source, top.line_of("outcomes"),
                                _what("key", key="outcomes"))
    if not outcomes_list:
        raise DefinitionError(source, top.line_of("outcomes"),
                              Message("definition.protocol.no_outcomes"))
    outcomes: dict[str, Outcome] = {}
    for index, raw_outcome in enumerate(outcomes_list):
        outcome = _parse_outcome(raw_outcome, source, outcomes_list.line_of(index), read)
        claim(outcome.id, outcome.line)
        outcomes[outcome.id] = outcome

    nodes_list = expect_list(top["nodes"], source, top.line_of("nodes"), _what("key", key="nodes"))
    if not nodes_list:
        raise DefinitionError(source, top.line_of("nodes"), Message("definition.protocol.no_nodes"))
    nodes: dict[str, Node] = {}
    for index, raw_node in enumerate(nodes_list):
        node = _parse_node(raw_node, source, nodes_list.line_of(index), claim, read)
        nodes[node.id] = node

    start = top["start"]
    if not isinstance(start, str) or start not in nodes:
        problem = (Message("definition.protocol.start_is_outcome", start=start)
                   if isinstance(start, str) and start in outcomes
                   else Message("definition.protocol.start_unknown", start=str(start)))
        raise DefinitionError(source, top.line_of("start"), problem)

    _check_references(nodes, outcomes, source)
    # A cycle first: it usually also strands the nodes after it, and "kringloop" is the
    # message that tells the editor what to fix.
    _check_acyclic(nodes, start, source)
    _check_reachable(nodes, outcomes, start, source)

    return ProtocolGraph(
        id=protocol_id,
        version=version,
        title=title,
        description=description,
        start=start,
        nodes=MappingProxyType(nodes),
        outcomes=MappingProxyType(outcomes),
        content_hash=content_hash,
        source=source,
        direction=direction,
        guidance=_parse_guidance(top, source, read),
        text=text,
    )


def _parse_guidance(top: LocatedDict, source: str,
                    read: _TextReader) -> tuple[GuidancePoint, ...] | None:
    if "guidance" not in top or top["guidance"] == GUIDANCE_VUISTREGELS:
        return None
    what = _what("key", key="guidance")
    items = expect_list(top["guidance"], source, top.line_of("guidance"), what)
    points: list[GuidancePoint] = []
    for index, raw in enumerate(items):
        data = expect_mapping(raw, source, items.line_of(index), what)
        check_keys(data, source, what, required=_GUIDANCE_REQUIRED, optional=_GUIDANCE_OPTIONAL)
        rules: list[str] = []
        if "rules" in data:
            raw_rules = expect_list(data["rules"], source, data.line_of("rules"), what)
            for rule_index, rule in enumerate(raw_rules):
                if not isinstance(rule, str) or not _RULE_PATTERN.match(rule):
                    raise DefinitionError(source, raw_rules.line_of(rule_index), Message(
                        "definition.protocol.bad_rule", what=what, rule=str(rule)))
                rules.append(rule)
        points.append(GuidancePoint(tuple(rules), read(data["text"], source,
                                                       data.line_of("text"), what)))
    return tuple(points)


def _parse_outcome(raw: Any, source: str, line: int, read: _TextReader) -> Outcome:
    data = expect_mapping(raw, source, line, _what("an_outcome"))
    outcome_id = (
        expect_id(data.get("id"), source, data.line_of("id"), _what("outcome_word"))
        if "id" in data else None
    )
    what = _what("outcome", id=outcome_id) if outcome_id else _what("an_outcome")
    check_keys(data, source, what, required=_OUTCOME_REQUIRED, optional=_OUTCOME_OPTIONAL)
    assert outcome_id is not None  # check_keys made sure 'id' is there
    kind_raw = data["kind"]
    try:
        kind = OutcomeKind(kind_raw)
    except ValueError:
        raise DefinitionError(source, data.line_of("kind"), Message(
            "definition.protocol.unknown_kind", what=what, kind=str(kind_raw),
            allowed=_names(k.value for k in OutcomeKind))) from None
    text = read(data["text"], source, data.line_of("text"),
                _what("key_of", key="text", what=what))
    effects = _parse_effects(data, source, what)
    return Outcome(outcome_id, kind, text, effects, data.line_of("id"))


def _parse_effects(data: LocatedDict, source: str, what: Message) -> tuple[str, ...]:
    if "effects" not in data:
        return ()
    effects_of = _what("key_of", key="effects", what=what)
    items = expect_list(data["effects"], source, data.line_of("effects"), effects_of)
    result: list[str] = []
    for index, item in enumerate(items):
        effect = expect_id(item, source, items.line_of(index), effects_of)
        if effect in result:
            raise DefinitionError(source, items.line_of(index), Message(
                "definition.protocol.effect_twice", what=what, effect=effect))
        result.append(effect)
    return tuple(result)


def _parse_node(raw: Any, source: str, line: int, claim: Callable[[str, int], None],
                read: _TextReader) -> Node:
    data = expect_mapping(raw, source, line, _what("a_node"))
    node_id = (expect_id(data["id"], source, data.line_of("id"), _what("node_word"))
               if "id" in data else None)
    what = _what("node", id=node_id) if node_id else _what("a_node")
    check_keys(data, source, what, required=_NODE_REQUIRED, optional=_NODE_OPTIONAL)
    assert node_id is not None
    claim(node_id, data.line_of("id"))

    rules: list[str] = []
    if "rules" in data:
        raw_rules = expect_list(data["rules"], source, data.line_of("rules"),
                                _what("key_of", key="rules", what=what))
        for index, rule in enumerate(raw_rules):
            if not isinstance(rule, str) or not _RULE_PATTERN.match(rule):
                raise DefinitionError(source, raw_rules.line_of(index), Message(
                    "definition.protocol.bad_rule", what=what, rule=str(rule)))
            rules.append(rule)
    question = read(
        data["question"], source, data.line_of("question"),
        _what("key_of", key="question", what=what)
    )
    help_text = (
        read(data["help"], source, data.line_of("help"),
             _what("key_of", key="help", what=what))
        if "help" in data
        else None
    )
    context: str | None = None
    if "context" in data:
        context = data["context"]
        if context not in CONTEXT_KEYS:
            raise DefinitionError(source, data.line_of("context"), Message(
                "definition.protocol.unknown_context", what=what, context=str(context),
                allowed=_names(CONTEXT_KEYS)))

    raw_answers = expect_list(
        data["answers"], source, data.line_of("answers"), _what("key_of", key="answers", what=what)
    )
    if not raw_answers:
        raise DefinitionError(source, data.line_of("answers"),
                              Message("definition.protocol.no_answers", what=what))
    answers: list[Answer] = []
    for index, raw_answer in enumerate(raw_answers):
        answer = _parse_answer(raw_answer, source, raw_answers.line_of(index), what, context,
                               read)
        if any(a.id == answer.id for a in answers):
            raise DefinitionError(source, answer.line, Message(
                "definition.protocol.answer_twice", what=what, id=answer.id))
        answers.append(answer)

    if context is not None:
        values = CONTEXT_KEYS[context]
        given = [a.when for a in answers]
        for answer in answers:
            if given.count(answer.when) > 1:
                raise DefinitionError(source, answer.line, Message(
                    "definition.protocol.context_value_twice", what=what,
                    value=_show(answer.when)))
        missing = [v for v in values if v not in given]
        if missing:
            raise DefinitionError(source, data.line_of("context"), Message(
                "definition.protocol.context_not_covered", what=what, context=context,
                values=_names(_show(v) for v in missing)))
    return Node(
        id=node_id,
        rules=tuple(rules),
        question=question,
        answers=tuple(answers),
        help=help_text,
        context=context,
        line=data.line_of("id"),
    )


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _parse_answer(raw: Any, source: str, line: int, node_what: Message,
                  context: str | None, read: _TextReader) -> Answer:
    data = expect_mapping(raw, source, line, _what("an_answer_of", node=node_what))
    answer_id = (
        expect_id(data["id"], source, data.line_of("id"), _what("answer_word_of", node=node_what))
        if "id" in data
        else None
    )
    what = (_what("answer_of", id=answer_id, node=node_what) if answer_id
            else _what("an_answer_of", node=node_what))
    check_keys(data, source, what, required=_ANSWER_REQUIRED, optional=_ANSWER_OPTIONAL)
    assert answer_id is not None
    label = read(data["label"], source, data.line_of("label"),
                 _what("key_of", key="label", what=what))
    target = expect_id(data["next"], source, data.line_of("next"),
                       _what("key_of", key="next", what=what))

    when: Any = None
    if context is None and "when" in data:
        raise DefinitionError(source, data.line_of("when"),
                              Message("definition.protocol.when_without_context", what=what))
    if context is not None:
        if "when" not in data:
            raise DefinitionError(source, data.line, Message(
                "definition.protocol.when_missing", what=what, context=context))
        when = data["when"]
        if when not in CONTEXT_KEYS[context] or (
            isinstance(when, bool) != all(isinstance(v, bool) for v in CONTEXT_KEYS[context])
        ):
            raise DefinitionError(source, data.line_of("when"), Message(
                "definition.protocol.when_not_a_value", what=what, value=_show(when),
                context=context, allowed=_names(_show(v) for v in CONTEXT_KEYS[context])))

    records: list[RecordRequirement] = []
    if "records" in data:
        if context is not None:
            # A context answer is chosen by the program; nobody would be there to write it.
            raise DefinitionError(source, data.line_of("records"),
                                  Message("definition.protocol.records_on_context", what=what))
        raw_records = expect_list(
            data["records"], source, data.line_of("records"),
            _what("key_of", key="records", what=what)
        )
        for index, raw_record in enumerate(raw_records):
            record = _parse_record(raw_record, source, raw_records.line_of(index), what, read)
            if any(r.kind == record.kind for r in records):
                raise DefinitionError(source, raw_records.line_of(index), Message(
                    "definition.protocol.record_twice", what=what, kind=record.kind.value))
            records.append(record)
    return Answer(
        id=answer_id,
        label=label,
        next=target,
        records=tuple(records),
        effects=_parse_effects(data, source, what),
        when=when,
        line=data.line_of("id"),
        next_line=data.line_of("next"),
    )


def _parse_record(raw: Any, source: str, line: int, answer_what: Message,
                  read: _TextReader) -> RecordRequirement:
    what = _what("key_of", key="records", what=answer_what)
    data = expect_mapping(raw, source, line, what)
    check_keys(data, source, what, required=_RECORD_REQUIRED, optional=_RECORD_OPTIONAL)
    try:
        kind = RecordKind(data["kind"])
    except ValueError:
        raise DefinitionError(source, data.line_of("kind"), Message(
            "definition.protocol.unknown_kind", what=what, kind=str(data["kind"]),
            allowed=_names(k.value for k in RecordKind))) from None
    label = read(data["label"], source, data.line_of("label"),
                 _what("key_of", key="label", what=what))
    required = data.get("required", True)
    if not isinstance(required, bool):
        raise DefinitionError(source, data.line_of("required"),
                              Message("definition.protocol.required_not_bool", what=what))
    prefill: Prefill | None = None
    if "prefill" in data:
        try:
            prefill = Prefill(data["prefill"])
        except ValueError:
            raise DefinitionError(source, data.line_of("prefill"), Message(
                "definition.protocol.unknown_kind", what=what, kind=str(data["prefill"]),
                allowed=_names(k.value for k in Prefill))) from None
    return RecordRequirement(kind, label, required, prefill)


def _check_references(nodes: dict[str, Node], outcomes: dict[str, Outcome], source: str) -> None:
    for node in nodes.values():
        for answer in node.answers:
            if answer.next not in nodes and answer.next not in outcomes:
                raise DefinitionError(source, answer.next_line, Message(
                    "definition.protocol.dangling_next", answer=answer.id, node=node.id,
                    target=answer.next))
            for effect in answer.effects:
                _check_effect(effect, outcomes, source, answer.line,
                              _what("answer", id=answer.id))
    for outcome in outcomes.values():
        for effect in outcome.effects:
            _check_effect(effect, outcomes, source, outcome.line,
                          _what("outcome", id=outcome.id))


def _check_effect(
    effect: str, outcomes: dict[str, Outcome], source: str, line: int, what: Message
) -> None:
    if effect not in outcomes:
        raise DefinitionError(source, line, Message(
            "definition.protocol.effect_not_outcome", what=what, effect=effect))
    if outcomes[effect].effects:
        raise DefinitionError(source, line, Message(
            "definition.protocol.effect_has_effects", what=what, effect=effect))


def _check_reachable(
    nodes: dict[str, Node], outcomes: dict[str, Outcome], start: str, source: str
) -> None:
    # Search over (position, context values assumed so far): a node behind a context answer
    # that contradicts an earlier one (secrecy "yes" then "no") is unreachable in practice,
    # even though an arrow points to it. The state space is tiny (few keys, few values).
    reached: set[str] = set()
    seen_states: set[tuple[str, frozenset[tuple[str, Any]]]] = set()
    pending: list[tuple[str, frozenset[tuple[str, Any]]]] = [(start, frozenset())]
    while pending:
        state = pending.pop()
        if state in seen_states:
            continue
        seen_states.add(state)
        current, assumed = state
        reached.add(current)
        if current not in nodes:
            reached.update(outcomes[current].effects)
            continue
        node = nodes[current]
        known = dict(assumed)
        for answer in node.answers:
            next_assumed = assumed
            if node.context is not None:
                if node.context in known and known[node.context] != answer.when:
                    continue
                next_assumed = assumed | {(node.context, answer.when)}
            reached.update(answer.effects)
            pending.append((answer.next, next_assumed))
    for node in nodes.values():
        if node.id not in reached:
            raise DefinitionError(source, node.line, Message(
                "definition.protocol.unreachable", node=node.id, start=start))
    for outcome in outcomes.values():
        if outcome.id not in reached:
            raise DefinitionError(source, outcome.line, Message(
                "definition.protocol.outcome_unused", outcome=outcome.id))


def _check_acyclic(nodes: dict[str, Node], start: str, source: str) -> None:
    # Iterative depth-first search with colours; an edge to a node on the stack is a cycle.
    on_stack: set[str] = set()
    done: set[str] = set()
    stack: list[tuple[str, Iterator[Answer]]] = [(start, iter(nodes[start].answers))]
    on_stack.add(start)
    while stack:
        node_id, answers = stack[-1]
        answer = next(answers, None)
        if answer is None:
            stack.pop()
            on_stack.discard(node_id)
            done.add(node_id)
            continue
        target = answer.next
        if target not in nodes or target in done:
            continue
        if target in on_stack:
            raise DefinitionError(source, answer.next_line, Message(
                "definition.protocol.cycle", answer=answer.id, node=node_id, target=target))
        on_stack.add(target)
        stack.append((target, iter(nodes[target].answers)))


# --------------------------------------------------------------------------------------------
# Walking a graph: the weighing


class WeighingError(MessageError):
    """An answer cannot be accepted; the message says what to do. It never repeats what the
    worker typed, because that may be personal data."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class Step:
    node: str
    answer: str
    # What the worker wrote, keyed by RecordKind value. Kept out of repr: personal data must
    # not end up in logs or tracebacks.
    records: Mapping[str, str] = field(default_factory=dict, repr=False)


@dataclass(frozen=True, eq=False)
class Weighing:
    """One walk through a protocol graph. Immutable: every change returns a new Weighing."""

    graph: ProtocolGraph
    steps: tuple[Step, ...] = ()

    @classmethod
    def start(cls, graph: ProtocolGraph) -> Weighing:
        return cls(graph)

    @property
    def protocol_id(self) -> str:
        return self.graph.id

    @property
    def protocol_version(self) -> int:
        return self.graph.version

    @property
    def content_hash(self) -> str:
        return self.graph.content_hash

    def _position(self) -> str:
        """Where the walk stands: a node id, or the verdict outcome id when complete."""
        if not self.steps:
            return self.graph.start
        last = self.steps[-1]
        chosen = self.graph.node(last.node).answer(last.answer)
        assert chosen is not None  # answer() only appends existing answers
        return chosen.next

    @property
    def current_node(self) -> Node | None:
        """The question to answer now; None when the weighing is complete."""
        position = self._position()
        return None if self.graph.is_outcome(position) else self.graph.node(position)

    @property
    def is_complete(self) -> bool:
        return self.graph.is_outcome(self._position())

    @property
    def outcome(self) -> Outcome | None:
        """The verdict (the outcome the path ended in), or None while incomplete."""
        position = self._position()
        return self.graph.outcome(position) if self.graph.is_outcome(position) else None

    @property
    def effects(self) -> tuple[Outcome, ...]:
        """Everything the path means, verdict first; empty while incomplete."""
        verdict = self.outcome
        if verdict is None:
            return ()
        return _collect_effects(self.graph, [(s.node, s.answer) for s in self.steps], verdict)

    @property
    def effect_kinds(self) -> frozenset[OutcomeKind]:
        return frozenset(o.kind for o in self.effects)

    def records_of(self, kind: RecordKind) -> tuple[str, ...]:
        """Every value recorded for `kind` along the path, in order."""
        return tuple(s.records[kind.value] for s in self.steps if kind.value in s.records)

    def answer(
        self, node: str, answer_id: str, records: Mapping[str, str] | None = None
    ) -> Weighing:
        """Answer the current question. `node` must be the current node's id, so a stale
        screen cannot answer a question that is no longer on turn."""
        current = self.current_node
        if current is None:
            raise WeighingError(Message("weighing.already_complete"))
        if node != current.id:
            raise WeighingError(Message("weighing.not_on_turn"))
        chosen = current.answer(answer_id)
        if chosen is None:
            raise WeighingError(Message("weighing.answer_not_of_question"))
        given = dict(records or {})
        allowed = {r.kind.value: r for r in chosen.records}
        for key in given:
            if key not in allowed:
                raise WeighingError(Message("weighing.record_not_allowed", kind=str(key)))
        cleaned: dict[str, str] = {}
        for requirement in chosen.records:
            value = given.get(requirement.kind.value)
            if value is not None and not isinstance(value, str):
                raise WeighingError(Message("weighing.record_not_text", label=requirement.label))
            value = (value or "").strip()
            if not value:
                if requirement.required:
                    raise WeighingError(Message("weighing.record_missing",
                                                label=requirement.label, answer=chosen.label))
                continue
            if len(value) > MAX_RECORD_LENGTH:
                raise WeighingError(Message("weighing.record_too_long", label=requirement.label,
                                            max=MAX_RECORD_LENGTH))
            cleaned[requirement.kind.value] = _clean_record(requirement, value)
        step = Step(current.id, chosen.id, MappingProxyType(cleaned))
        return Weighing(self.graph, (*self.steps, step))

    def answer_from_context(self, context: Mapping[str, Any]) -> Weighing:
        """Answer every context node that is on turn, from the data request's facts. Stops at
        the first question for the worker (or at the end). A missing key is an error: the
        program must know the fact, guessing would skip a safeguard."""
        state = self
        while (node := state.current_node) is not None and node.context is not None:
            if node.context not in context:
                raise WeighingError(Message("weighing.context_missing", context=node.context))
            chosen = node.answer_for_value(context[node.context])
            if chosen is None:
                raise WeighingError(Message("weighing.context_no_answer", context=node.context))
            state = state.answer(node.id, chosen.id)
        return state

    def back(self) -> Weighing:
        """Undo the worker's last answer, together with the context answers that followed it
        (they were answered automatically and would be answered again)."""
        steps = list(self.steps)
        while steps and self.graph.node(steps[-1].node).context is not None:
            steps.pop()
        if steps:
            steps.pop()
        return Weighing(self.graph, tuple(steps))

    # -- storage -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON. Besides ids it keeps the Dutch and English texts as they were shown, so a
        report can render this weighing even when the protocol has changed since."""
        steps: list[dict[str, Any]] = []
        for step in self.steps:
            node = self.graph.node(step.node)
            chosen = node.answer(step.answer)
            assert chosen is not None
            labels = {r.kind.value: r.label.to_dict() for r in chosen.records}
            steps.append(
                {
                    "node": step.node,
                    "answer": step.answer,
                    "records": dict(step.records),
                    "rules": list(node.rules),
                    "question": node.question.to_dict(),
                    "answer_label": chosen.label.to_dict(),
                    "record_labels": {k: labels[k] for k in step.records},
                    "context": node.context,
                }
            )
        verdict = self.outcome
        direction = self.graph.direction
        return {
            "format": _WEIGHING_FORMAT,
            "protocol": {
                "id": self.graph.id,
                "version": self.graph.version,
                "content_hash": self.graph.content_hash,
                "title": self.graph.title.to_dict(),
            },
            # Which texts were shown (the graph's direction variant); absent before issue 15.
            "direction": direction.value if direction is not None else None,
            "steps": steps,
            "complete": verdict is not None,
            "outcome": _outcome_dict(verdict) if verdict else None,
            "effects": [_outcome_dict(o) for o in self.effects],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], graph: ProtocolGraph) -> Weighing:
        """Rebuild a weighing by replaying its steps against `graph`, which must be the exact
        protocol it was made with (same id, version and content hash)."""
        try:
            if data["format"] != _WEIGHING_FORMAT:
                raise WeighingError(Message("weighing.unknown_format"))
            protocol = data["protocol"]
            same = (
                protocol["id"] == graph.id
                and protocol["version"] == graph.version
                and protocol["content_hash"] == graph.content_hash
            )
            if not same:
                raise WeighingError(Message("weighing.other_protocol",
                                            protocol=str(protocol["id"]),
                                            version=str(protocol["version"])))
            if data.get("direction"):
                graph = graph.for_direction(Direction(data["direction"]))
            state = cls(graph)
            for step in data["steps"]:
                state = state.answer(step["node"], step["answer"], step.get("records") or {})
        except (KeyError, TypeError, ValueError):
            raise WeighingError(Message("weighing.damaged")) from None
        return state


def _outcome_dict(outcome: Outcome) -> dict[str, Any]:
    return {"id": outcome.id, "kind": outcome.kind.value, "text": outcome.text.to_dict()}


def _collect_effects(
    graph: ProtocolGraph, steps: list[tuple[str, str]], verdict: Outcome
) -> tuple[Outcome, ...]:
    result: dict[str, Outcome] = {verdict.id: verdict}
    for node_id, answer_id in steps:
        chosen = graph.node(node_id).answer(answer_id)
        assert chosen is not None
        for effect in chosen.effects:
            result.setdefault(effect, graph.outcome(effect))
    for effect in verdict.effects:
        result.setdefault(effect, graph.outcome(effect))
    return tuple(result.values())


def _clean_record(requirement: RecordRequirement, value: str) -> str:
    """A record in the form it is stored in; raises WeighingError when it cannot be one."""
    kind = requirement.kind
    if kind is RecordKind.REASON_NOT_INFORMING:
        try:
            reasons = JustifiedReason.parse_many(value)
        except ValueError:
            raise WeighingError(Message("weighing.reason_not_justified")) from None
        return ",".join(dict.fromkeys(r.value for r in reasons))
    if kind is RecordKind.LEGAL_GROUND:
        try:
            grounds = LegalGround.parse_many(value)
        except ValueError:
            raise WeighingError(Message("weighing.ground_unknown")) from None
        return ",".join(dict.fromkeys(g.value for g in grounds))
    if kind is RecordKind.ANONYMISED:
        if value not in ("ja", "nee"):
            raise WeighingError(Message("weighing.anonymised_yes_or_no"))
        return value
    if kind is RecordKind.INFORM_AFTER:
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise WeighingError(Message("weighing.inform_after_not_a_date",
                                        label=requirement.label)) from None
    if kind is RecordKind.NARROWED_ITEMS:
        lines = [" ".join(line.split()) for line in value.splitlines()]
        kept = [line for line in lines if line]
        if not kept:
            raise WeighingError(Message("weighing.narrowed_nothing_left"))
        return "\n".join(kept)
    return value


def display_record(kind: str, value: str, lang: str) -> str:
    """A stored record as a reader sees it (the wizard's summary, the gespreksverslag): ids of
    reasons and grounds as words, the date as dd-mm-jjjj, the kept items as a list. An unknown
    stored value is shown as stored rather than dropped."""
    try:
        if kind == RecordKind.REASON_NOT_INFORMING.value:
            return "; ".join(r.label(lang) for r in JustifiedReason.parse_many(value))
        if kind == RecordKind.LEGAL_GROUND.value:
            return "; ".join(g.label(lang) for g in LegalGround.parse_many(value))
        if kind == RecordKind.ANONYMISED.value and value in ("ja", "nee"):
            return render(Message("word.yes") if value == "ja" else Message("word.no"), lang)
        if kind == RecordKind.INFORM_AFTER.value:
            return dt.date.fromisoformat(value).strftime("%d-%m-%Y")
        if kind == RecordKind.NARROWED_ITEMS.value:
            return "; ".join(narrowed_items(value))
    except ValueError:
        return value
    return value


def narrowed_items(value: str) -> tuple[str, ...]:
    """The items of a NARROWED_ITEMS record."""
    return tuple(line for line in value.split("\n") if line)


# --------------------------------------------------------------------------------------------
# Every path through a graph


@dataclass(frozen=True, slots=True)
class ProtocolPath:
    """One complete path: the (node, answer) pairs, the verdict and all collected effects."""

    steps: tuple[tuple[str, str], ...]
    outcome: Outcome
    effects: tuple[Outcome, ...]
    context: Mapping[str, Any]  # the context values this path assumed

    @property
    def effect_kinds(self) -> frozenset[OutcomeKind]:
        return frozenset(o.kind for o in self.effects)

    def passes(self, node_id: str, answer_id: str | None = None) -> bool:
        return any(n == node_id and (answer_id is None or a == answer_id) for n, a in self.steps)


def enumerate_paths(
    graph: ProtocolGraph, context_values: Mapping[str, Any] | None = None
) -> Iterator[ProtocolPath]:
    """Yield every complete path from `start`. A context key fixed in `context_values` follows
    only that value; any other key branches over all its values, once per path (the same fact
    cannot be true at one node and false at the next)."""
    fixed = dict(context_values or {})
    if graph.direction is not None:
        # A graph read for one direction only has paths for that direction.
        fixed.setdefault("direction", DIRECTION_KEYS[graph.direction])

    def walk(
        position: str, steps: tuple[tuple[str, str], ...], assumed: dict[str, Any]
    ) -> Iterator[ProtocolPath]:
        if graph.is_outcome(position):
            verdict = graph.outcome(position)
            yield ProtocolPath(
                steps,
                verdict,
                _collect_effects(graph, list(steps), verdict),
                MappingProxyType(dict(assumed)),
            )
            return
        node = graph.node(position)
        for answer in node.answers:
            next_assumed = assumed
            if node.context is not None:
                if node.context in assumed and assumed[node.context] != answer.when:
                    continue
                if not _possible(assumed, node.context, answer.when):
                    continue
                next_assumed = {**assumed, node.context: answer.when}
            yield from walk(answer.next, (*steps, (node.id, answer.id)), next_assumed)

    yield from walk(graph.start, (), fixed)
