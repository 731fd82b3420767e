"""The protocol validator: every kind of broken graph is rejected with the file and the line;
random valid graphs load and every path ends in an outcome; mutated ones are rejected."""

from __future__ import annotations

import copy
import re
import textwrap
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop_app.domain.protocols import (
    DefinitionError,
    OutcomeKind,
    ProtocolGraph,
    Weighing,
    enumerate_paths,
    parse_protocol,
)
from desktop_app.messages import Joined, Message, render
from desktop_app.messages.catalogue import TEXTS

SOURCE = "proef.yaml"
# Dutch words of the messages; quoted values (ids and keys from the file) are left out first.
_DUTCH = {"vraag", "antwoord", "uitkomst", "onbekende", "sleutel", "moet", "staat", "regel",
          "van", "bij", "het", "een", "geen", "kies", "uit", "gevolg", "leeg", "ontbreekt"}

VALID = """\
id: proef
version: 1
title: {nl: Proef, en: Test}
start: q1
nodes:
  - id: q1
    rules: [ZU-A1]
    question: Hoort de vraag bij jou?
    answers:
      - id: ja
        label: Ja
        next: q2
      - id: nee
        label: Nee
        next: stop
        records:
          - kind: motivation
            label: Waarom?
  - id: q2
    context: professional_secrecy
    question: Beroepsgeheim?
    answers:
      - id: ja
        when: true
        label: Ja
        next: schriftelijk
      - id: nee
        when: false
        label: Nee
        next: klaar
outcomes:
  - id: stop
    kind: verwijs_door
    text: Verwijs door.
  - id: schriftelijk
    kind: schriftelijke_toestemming
    text: Schriftelijke toestemming nodig.
  - id: klaar
    kind: door_met_toestemming
    text: {nl: Klaar., en: Done.}
"""


def _line_with(text: str, marker: str) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if marker in line]
    assert len(hits) == 1, f"marker {marker!r} must occur once, found {hits}"
    return hits[0]


def _rejected(text: str) -> DefinitionError:
    with pytest.raises(DefinitionError) as caught:
        parse_protocol(text, SOURCE)
    err = caught.value
    assert err.source == SOURCE
    assert str(err).startswith(f"{SOURCE}, regel {err.line}: ")
    _check_english(err)
    return err


def _keys(value: object) -> set[str]:
    if isinstance(value, Message):
        return {value.key}.union(*(_keys(v) for v in value.values.values()))
    if isinstance(value, Joined):
        return set().union(*(_keys(v) for v in value.parts))
    return set()


def _check_english(err: DefinitionError) -> None:
    """What the editor reads in the English program: every part is a catalogue message, and
    no Dutch word is left outside the quoted names from the file."""
    assert isinstance(err.problem, Message)
    assert _keys(err.problem) <= TEXTS.keys(), _keys(err.problem) - TEXTS.keys()
    english = re.sub(r"'[^']*'", "", render(err.problem, "en"))
    assert not set(re.findall(r"[a-zà-ÿ]+", english.lower())) & _DUTCH, english
    assert err.render("en").startswith(f"There is a mistake in {SOURCE}")


def test_the_reference_graph_is_valid() -> None:
    graph = parse_protocol(VALID, SOURCE)
    assert graph.id == "proef" and graph.version == 1 and graph.start == "q1"
    assert (
        graph.title.get("en") == "Test" and graph.outcome("stop").text.get("en") == "Verwijs door."
    )
    assert len(graph.content_hash) == 64
    assert {p.outcome.id for p in enumerate_paths(graph)} == {"stop", "schriftelijk", "klaar"}


# (description, replacement old -> new, marker on the line the error must name, message part)
BROKEN: list[tuple[str, str, str, str, str]] = [
    (
        "unknown top key",
        "start: q1",
        "start: q1\ntitel: x  # <-",
        "# <-",
        "onbekende sleutel 'titel'",
    ),
    (
        "unknown node key",
        "    question: Hoort",
        "    vraag: x  # <-\n    question: Hoort",
        "# <-",
        "onbekende sleutel 'vraag'",
    ),
    (
        "unknown answer key",
        "        next: q2",
        "        next: q2\n        nxt: q3  # <-",
        "# <-",
        "onbekende sleutel 'nxt'",
    ),
    (
        "unknown record key",
        "            label: Waarom?",
        "            label: Waarom?\n            verplicht: ja  # <-",
        "# <-",
        "onbekende sleutel 'verplicht'",
    ),
    (
        "unknown outcome key",
        "    text: Verwijs door.",
        "    text: Verwijs door.\n    tekst: x  # <-",
        "# <-",
        "onbekende sleutel 'tekst'",
    ),
    (
        "unknown text language",
        "title: {nl: Proef, en: Test}",
        "title: {nl: Proef, fr: Essai}  # <-",
        "# <-",
        "onbekende sleutel 'fr'",
    ),
    (
        "missing question",
        "    question: Hoort de vraag bij jou?\n",
        "",
        "  - id: q1",
        "'question' ontbreekt",
    ),
    (
        "missing label",
        "        label: Ja\n        next: q2",
        "        next: q2",
        "      - id: ja\n        next: q2",
        "'label' ontbreekt",
    ),
    ("missing kind", "    kind: verwijs_door\n", "", "  - id: stop", "'kind' ontbreekt"),
    ("missing start", "start: q1\n", "", "id: proef", "'start' ontbreekt"),
    ("duplicate node id", "  - id: q2\n", "  - id: q1  # <-\n", "# <-", "twee keer"),
    ("node id equals outcome id", "  - id: q2\n", "  - id: klaar  # <-\n", "# <-", "twee keer"),
    (
        "duplicate answer id",
        "      - id: nee\n        label: Nee\n        next: stop",
        "      - id: ja  # <-\n        label: Nee\n        next: stop",
        "# <-",
        "twee keer",
    ),
    ("dangling next", "        next: q2", "        next: q9  # <-", "# <-", "wijst naar niets"),
    (
        "dangling effect",
        "        next: q2",
        "        next: q2\n        effects: [bestaat_niet]",
        "      - id: ja\n        label: Ja\n        next: q2",
        "geen uitkomst",
    ),
    (
        "start is unknown",
        "start: q1",
        "start: q7  # <-",
        "# <-",
        "'start' moet de id van een vraag",
    ),
    ("start is an outcome", "start: q1", "start: klaar  # <-", "# <-", "een uitkomst"),
    (
        "unreachable node",
        "outcomes:\n",
        "  - id: los  # <-\n    question: Los?\n    answers:\n"
        "      - {id: ja, label: Ja, next: klaar}\noutcomes:\n",
        "# <-",
        "onbereikbaar",
    ),
    (
        "unused outcome",
        "    text: {nl: Klaar., en: Done.}\n",
        "    text: {nl: Klaar., en: Done.}\n"
        "  - id: ongebruikt  # <-\n    kind: niet_delen\n    text: Nooit.\n",
        "# <-",
        "nergens gebruikt",
    ),
    (
        "dead end: no answers",
        "        next: q2\n",
        "        next: q3\n",
        "    answers: []  # <-",
        "doodlopend",
    ),
    (
        "dead end: context value not covered",
        "      - id: nee\n        when: false\n        label: Nee\n        next: klaar\n",
        "",
        "    context: professional_secrecy",
        "doodlopend",
    ),
    ("cycle: self loop", "        next: q2", "        next: q1  # <-", "# <-", "kringloop"),
    (
        "unknown outcome kind",
        "    kind: verwijs_door",
        "    kind: doorsturen  # <-",
        "# <-",
        "onbekende soort 'doorsturen'",
    ),
    (
        "unknown record kind",
        "          - kind: motivation",
        "          - kind: reden  # <-",
        "# <-",
        "onbekende soort 'reden'",
    ),
    ("bad rule id", "    rules: [ZU-A1]", "    rules: [afweging1]  # <-", "# <-", "geen regel-id"),
    (
        "unknown context key",
        "    context: professional_secrecy",
        "    context: leeftijd  # <-",
        "# <-",
        "onbekende context",
    ),
    (
        "when on a plain question",
        "        next: q2\n",
        "        next: q2\n        when: true  # <-\n",
        "# <-",
        "alleen bij een vraag met 'context'",
    ),
    (
        "when of the wrong type",
        "        when: true",
        "        when: ja  # <-",
        "# <-",
        "geen waarde van",
    ),
    (
        "records on a context answer",
        "        when: false\n",
        "        when: false\n        records:  # <-\n          - {kind: motivation, label: x}\n",
        "# <-",
        "contextvraag",
    ),
    ("empty text", "    text: Verwijs door.", "    text: '  '  # <-", "# <-", "leeg"),
    ("version not a number", "version: 1", "version: een  # <-", "# <-", "heel getal"),
    ("bad id", "  - id: q2\n", "  - id: Vraag 2  # <-\n", "# <-", "geen geldige id"),
    (
        "yaml syntax error",
        "    question: Hoort de vraag bij jou?",
        "    question: Hoort: de vraag bij jou?  # <-",
        "# <-",
        "YAML klopt niet",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "marker", "message"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_broken_graph_is_rejected_with_its_line(
    old: str, new: str, marker: str, message: str
) -> None:
    assert old in VALID
    text = VALID.replace(old, new, 1)
    if marker == "    answers: []  # <-":  # the q2 node loses its answers and gets a dead q3
        text = text.replace(
            "outcomes:\n",
            "  - id: q3\n    question: Doodlopend?\n    answers: []  # <-\noutcomes:\n",
        )
    err = _rejected(text)
    assert message in str(err.problem)
    if "\n" in marker:  # a multi-line marker names the line of its first line
        first = marker.splitlines()[0]
        lines = text.splitlines()
        start = next(
            n
            for n in range(len(lines))
            if lines[n : n + len(marker.splitlines())] == marker.splitlines()
        )
        assert err.line == start + 1, (first, err)
    else:
        assert err.line == _line_with(text, marker), err


def test_cycle_over_several_nodes_names_the_closing_answer() -> None:
    text = textwrap.dedent(
        """\
        id: rond
        version: 1
        title: Rond
        start: a
        nodes:
          - id: a
            question: A?
            answers:
              - {id: door, label: Door, next: b}
          - id: b
            question: B?
            answers:
              - {id: door, label: Door, next: c}
              - {id: klaar, label: Klaar, next: einde}
          - id: c
            question: C?
            answers:
              - id: terug
                label: Terug
                next: a
        outcomes:
          - {id: einde, kind: niet_delen, text: Einde.}
        """
    )
    err = _rejected(text)
    assert "kringloop" in str(err.problem) and "'c'" in str(err.problem)
    assert err.line == _line_with(text, "next: a")


def test_node_behind_contradicting_context_answers_is_unreachable() -> None:
    # The second secrecy question can only be reached with secrecy "yes"; its "no" branch
    # would need the fact to change halfway, so 'nooit' can never be asked.
    text = textwrap.dedent(
        """\
        id: tegenspraak
        version: 1
        title: Tegenspraak
        start: c1
        nodes:
          - id: c1
            context: professional_secrecy
            question: Geheim?
            answers:
              - {id: ja, when: true, label: Ja, next: c2}
              - {id: nee, when: false, label: Nee, next: einde}
          - id: c2
            context: professional_secrecy
            question: Nog eens geheim?
            answers:
              - {id: ja, when: true, label: Ja, next: einde}
              - {id: nee, when: false, label: Nee, next: nooit}
          - id: nooit
            question: Nooit?
            answers:
              - {id: ja, label: Ja, next: einde}
        outcomes:
          - {id: einde, kind: niet_delen, text: Einde.}
        """
    )
    err = _rejected(text)
    assert "onbereikbaar" in str(err.problem) and "'nooit'" in str(err.problem)
    assert err.line == _line_with(text, "- id: nooit")


def test_empty_file_is_rejected() -> None:
    with pytest.raises(DefinitionError) as caught:
        parse_protocol("", SOURCE)
    assert caught.value.source == SOURCE and "leeg" in str(caught.value.problem)


def test_an_effect_may_not_carry_effects_of_its_own() -> None:
    text = VALID.replace("        next: q2", "        next: q2\n        effects: [schriftelijk]", 1)
    text = text.replace(
        "    text: Schriftelijke toestemming nodig.",
        "    text: Schriftelijke toestemming nodig.\n    effects: [stop]",
    )
    err = _rejected(text)
    assert "geen 'effects'" in str(err.problem)
    lines = text.splitlines()
    assert lines[err.line - 1].strip() == "- id: ja"  # the answer that collects the effect
    assert lines[err.line + 1].strip() == "next: q2"


# --------------------------------------------------------------------------------------------
# Generated graphs

KINDS = [k.value for k in OutcomeKind]


@st.composite
def acyclic_graphs(draw: st.DrawFn) -> dict[str, Any]:
    """A valid protocol as plain data: nodes n0..nk in topological order, every node reached
    from a lower one, every outcome used, some context nodes, some records and effects."""
    node_count = draw(st.integers(1, 7))
    outcome_count = draw(st.integers(1, 4))
    outcomes = [f"o{i}" for i in range(outcome_count)]
    parents = {i: draw(st.integers(0, i - 1)) for i in range(1, node_count)}
    nodes: list[dict[str, Any]] = []
    used_outcomes: set[str] = set()
    for i in range(node_count):
        required = [f"n{j}" for j, p in parents.items() if p == i]
        later = [f"n{j}" for j in range(i + 1, node_count)]
        choices = later + outcomes
        extra = draw(st.lists(st.sampled_from(choices), min_size=0 if required else 1, max_size=2))
        targets = required + extra
        as_context = len(targets) <= 2 and i > 0 and draw(st.booleans())
        answers: list[dict[str, Any]] = []
        if as_context:
            if len(targets) == 1:
                targets.append(draw(st.sampled_from(choices)))
            for value, target in zip((True, False), targets, strict=True):
                answers.append(
                    {"id": f"a{len(answers)}", "when": value, "label": "A", "next": target}
                )
        else:
            for target in targets:
                answer: dict[str, Any] = {"id": f"a{len(answers)}", "label": "A", "next": target}
                if draw(st.booleans()):
                    answer["records"] = [
                        {"kind": kind, "label": f"Vul {kind} in"}
                        for kind in draw(
                            st.lists(
                                st.sampled_from(["motivation", "consulted", "findings"]),
                                min_size=1,
                                max_size=3,
                                unique=True,
                            )
                        )
                    ]
                if draw(st.booleans()):
                    answer["effects"] = draw(
                        st.lists(st.sampled_from(outcomes), min_size=1, max_size=2, unique=True)
                    )
                    used_outcomes.update(answer["effects"])
                answers.append(answer)
        used_outcomes.update(a["next"] for a in answers if a["next"].startswith("o"))
        node: dict[str, Any] = {"id": f"n{i}", "question": f"Vraag {i}?", "answers": answers}
        if as_context:
            node["context"] = "professional_secrecy"
        nodes.append(node)
    return {
        "id": "gegenereerd",
        "version": 1,
        "title": {"nl": "Gegenereerd", "en": "Generated"},
        "start": "n0",
        "nodes": nodes,
        "outcomes": [
            {"id": o, "kind": draw(st.sampled_from(KINDS)), "text": f"Uitkomst {o}."}
            for o in outcomes
            if o in used_outcomes
        ],
    }


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(
        data, sort_keys=False, default_flow_style=False, allow_unicode=True, width=1000
    )


def _contradiction_free(data: dict[str, Any]) -> bool:
    # Two secrecy nodes on one path whose answers would need the fact to change make a node
    # unreachable; the validator rightly rejects that. Keep such draws out of the "valid" set.
    try:
        parse_protocol(_dump(data), SOURCE)
    except DefinitionError as err:
        return "onbereikbaar" not in str(err.problem) and "nergens gebruikt" not in str(err.problem)
    return True


def _fill_records(graph: ProtocolGraph, node_id: str, answer_id: str) -> dict[str, str]:
    answer = graph.node(node_id).answer(answer_id)
    assert answer is not None
    return {r.kind.value: "ingevuld" for r in answer.records}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(acyclic_graphs())
def test_random_valid_graphs_load_and_every_path_ends_in_an_outcome(data: dict[str, Any]) -> None:
    text = _dump(data)
    try:
        graph = parse_protocol(text, SOURCE)
    except DefinitionError as err:
        # Only a contradicting pair of context nodes may make a generated graph invalid.
        assert "onbereikbaar" in str(err.problem) or "nergens gebruikt" in str(err.problem), err
        assume(False)
        raise
    paths = list(enumerate_paths(graph))
    assert paths
    assert len({p.steps for p in paths}) == len(paths)  # no path twice
    visited = {n for p in paths for n, _ in p.steps}
    assert visited == set(graph.nodes)  # every node is on some path
    for path in paths:
        assert path.outcome.id in graph.outcomes
        state = Weighing.start(graph)
        for node_id, answer_id in path.steps:
            node = state.current_node
            assert node is not None and node.id == node_id
            if node.context is not None:
                state = state.answer(node_id, answer_id)
                assert state.steps[-1].answer == answer_id
                assert node.answer(answer_id).when == path.context[node.context]  # type: ignore[union-attr]
            else:
                state = state.answer(node_id, answer_id, _fill_records(graph, node_id, answer_id))
        assert state.is_complete and state.outcome == path.outcome
        assert state.effects == path.effects


@st.composite
def valid_graph_and_index(draw: st.DrawFn) -> tuple[dict[str, Any], int]:
    data = draw(acyclic_graphs())
    assume(_contradiction_free(data))
    plain = [i for i, n in enumerate(data["nodes"]) if "context" not in n]
    assume(plain)
    return data, draw(st.sampled_from(plain))


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(valid_graph_and_index())
def test_adding_an_edge_back_to_start_is_a_cycle(case: tuple[dict[str, Any], int]) -> None:
    data, index = copy.deepcopy(case[0]), case[1]
    data["nodes"][index]["answers"].append({"id": "terug", "label": "Terug", "next": "n0"})
    text = _dump(data)
    err = _rejected(text)
    assert "kringloop" in str(err.problem)
    assert err.line == _line_with(text, "next: n0")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(valid_graph_and_index())
def test_adding_a_node_nobody_points_to_is_rejected(case: tuple[dict[str, Any], int]) -> None:
    data = copy.deepcopy(case[0])
    some_outcome = data["outcomes"][0]["id"]
    data["nodes"].append(
        {
            "id": "los",
            "question": "Los?",
            "answers": [{"id": "a", "label": "A", "next": some_outcome}],
        }
    )
    text = _dump(data)
    err = _rejected(text)
    assert "onbereikbaar" in str(err.problem)
    assert err.line == _line_with(text, "id: los")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(valid_graph_and_index())
def test_pointing_to_a_node_without_answers_is_a_dead_end(case: tuple[dict[str, Any], int]) -> None:
    data, index = copy.deepcopy(case[0]), case[1]
    data["nodes"].append({"id": "dood", "question": "Dood?", "answers": []})
    data["nodes"][index]["answers"].append({"id": "naar_dood", "label": "Dood", "next": "dood"})
    text = _dump(data)
    err = _rejected(text)
    assert "doodlopend" in str(err.problem)
    assert err.line == _line_with(text, "answers: []")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(valid_graph_and_index(), st.data())
def test_a_dangling_next_is_rejected(
    case: tuple[dict[str, Any], int], data_draw: st.DataObject
) -> None:
    data, index = copy.deepcopy(case[0]), case[1]
    answers = data["nodes"][index]["answers"]
    victim = data_draw.draw(st.integers(0, len(answers) - 1))
    answers[victim]["next"] = "bestaat_niet"
    text = _dump(data)
    err = _rejected(text)
    # Redirecting an answer can also leave a node or outcome unused; the dangling reference
    # is checked first, so it is what the editor is told to fix.
    assert "wijst naar niets" in str(err.problem)
    assert err.line == _line_with(text, "next: bestaat_niet")
