"""Every path through both shipped protocols, in both directions, generated with
enumerate_paths (not hand-picked): each ends in an outcome, `answer()` demands the records the
protocol asks for, and the effects match the seed documents (Zwolle factsheet ZW-1..4, Zutphen
afwegingen ZU-A1..A4C) and DOMAIN.md (secrecy has a subject and a direction; the exception paths
finish without a signature).

`tests/unit/data/protocol_paths.txt` lists every path with its outcome; the test fails when a
protocol change adds, removes or reroutes a path, so the change is reviewed there."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.domain.protocols import (
    DefinitionError,
    JustifiedReason,
    LegalGround,
    OutcomeKind,
    ProtocolGraph,
    ProtocolPath,
    RecordKind,
    Text,
    Weighing,
    WeighingError,
    enumerate_paths,
    load_protocol,
    load_protocols,
    parse_protocol,
)
from desktop_app.domain.vocabulary import Direction

PROTOCOLS = Path(__file__).resolve().parents[2] / "forms" / "protocols"
LISTING = Path(__file__).resolve().parent / "data" / "protocol_paths.txt"
SAMPLE = {
    RecordKind.MOTIVATION.value: "Fictieve motivatie",
    RecordKind.CONSULTED.value: "Collega A (gedragswetenschapper), teamleider B",
    RecordKind.FINDINGS.value: "Fictieve bevindingen",
    RecordKind.CLIENT_ARGUMENTS.value: "Fictief bezwaar",
    RecordKind.REASON_NOT_INFORMING.value: "bescherming_betrokkene",
    RecordKind.LEGAL_GROUND.value: "conflict_van_plichten",
    RecordKind.ANONYMISED.value: "ja",
    RecordKind.INFORM_AFTER.value: "2027-01-15",
    RecordKind.NARROWED_ITEMS.value: "diagnose",
}
SHARING = frozenset({
    OutcomeKind.PROCEED_WITH_CONSENT,
    OutcomeKind.PROCEED_INFORMED,
    OutcomeKind.WRITTEN_CONSENT_REQUIRED,
    OutcomeKind.SHARE_WITHOUT_INFORMING,
    OutcomeKind.SHARE_DESPITE_OBJECTION,
})
EXCEPTIONS = frozenset({OutcomeKind.SHARE_WITHOUT_INFORMING, OutcomeKind.SHARE_DESPITE_OBJECTION})


def _load(name: str) -> ProtocolGraph:
    return load_protocol(PROTOCOLS / f"{name}.yaml")


ZUTPHEN = _load("zutphen")
ZWOLLE = _load("zwolle")
GRAPHS = {(g.id, d): g.for_direction(d) for g in (ZUTPHEN, ZWOLLE) for d in Direction}
PATHS = {key: list(enumerate_paths(graph)) for key, graph in GRAPHS.items()}
ALL = [(graph, path) for key, graph in GRAPHS.items() for path in PATHS[key]]


def _path_line(graph: ProtocolGraph, path: ProtocolPath) -> str:
    assert graph.direction is not None
    steps = " > ".join(f"{n}={a}" for n, a in path.steps)
    effects = ",".join(sorted(o.id for o in path.effects if o.id != path.outcome.id))
    return (f"{graph.id}/{graph.direction.value}: {steps} => {path.outcome.id}"
            f" [{path.outcome.kind.value}]" + (f" +{effects}" if effects else ""))


def _listing() -> str:
    return "\n".join(_path_line(g, p) for g, p in ALL) + "\n"


def test_shipped_protocols_identify_themselves() -> None:
    assert (ZUTPHEN.id, ZUTPHEN.version, ZUTPHEN.start) == ("zutphen", 2, "a1_bij_mij")
    assert (ZWOLLE.id, ZWOLLE.version, ZWOLLE.start) == ("zwolle", 2, "zw1_behoefte")
    # Pinned so a change to a shipped protocol is a deliberate, reviewed change.
    counts = {f"{i}/{d.value}": len(p) for (i, d), p in PATHS.items()}
    assert counts == {"zutphen/opvragen_bij": 71, "zutphen/verstrekken_aan": 71,
                      "zwolle/opvragen_bij": 30, "zwolle/verstrekken_aan": 30}


def test_every_path_is_listed_with_its_outcome() -> None:
    """The reviewed list of every path and its outcome. After a deliberate protocol change,
    regenerate with WIJKTEAM_WRITE_PATHS=1 and review the diff."""
    import os

    if os.environ.get("WIJKTEAM_WRITE_PATHS") == "1":
        LISTING.write_text(_listing(), encoding="utf-8")
    assert _listing() == LISTING.read_text(encoding="utf-8")


@pytest.mark.parametrize("graph", [ZUTPHEN, ZWOLLE], ids=["zutphen", "zwolle"])
def test_every_node_and_outcome_lies_on_a_generated_path(graph: ProtocolGraph) -> None:
    # Over both directions: requesting from an organisation with secrecy only happens one way,
    # the worker's own code only the other way.
    paths = [p for d in Direction for p in PATHS[(graph.id, d)]]
    assert {n for p in paths for n, _ in p.steps} == set(graph.nodes)
    assert {o.id for p in paths for o in p.effects} == set(graph.outcomes)


@pytest.mark.parametrize("key", list(GRAPHS), ids=[f"{i}-{d.value}" for i, d in GRAPHS])
def test_every_visible_text_is_bilingual_and_cites_rules(key: tuple[str, Direction]) -> None:
    graph = GRAPHS[key]
    texts: list[Text] = [graph.title]
    assert graph.description is not None
    texts.append(graph.description)
    for node in graph.nodes.values():
        assert node.rules, f"{node.id} cites no rule"
        prefix = "ZU-" if graph.id == "zutphen" else "ZW-"
        assert all(rule.startswith(prefix) for rule in node.rules)
        texts.append(node.question)
        if node.help is not None:
            texts.append(node.help)
        for answer in node.answers:
            texts.append(answer.label)
            texts.extend(r.label for r in answer.records)
    texts.extend(o.text for o in graph.outcomes.values())
    texts.extend(p.text for p in graph.guidance or ())
    for text in texts:
        assert text.nl and text.en and text.nl != text.en, text
        assert text.get("en") == text.en and text.get("fr") == text.nl


@pytest.mark.parametrize("case", ALL, ids=[_path_line(g, p)[:200] for g, p in ALL])
def test_generated_path_replays_and_answer_demands_its_records(
    case: tuple[ProtocolGraph, ProtocolPath],
) -> None:
    graph, path = case
    state = Weighing.start(graph)
    for node_id, answer_id in path.steps:
        node = state.current_node
        assert node is not None and node.id == node_id
        answer = node.answer(answer_id)
        assert answer is not None
        if node.context is not None:
            # The wizard answers these from the data request; it must pick this path's answer.
            state = state.answer_from_context(dict(path.context))
            assert state.steps[-1].node == node_id and state.steps[-1].answer == answer_id
            continue
        records = {r.kind.value: SAMPLE[r.kind.value] for r in answer.records}
        for requirement in answer.records:
            if not requirement.required:
                continue
            missing = {k: v for k, v in records.items() if k != requirement.kind.value}
            with pytest.raises(WeighingError, match="Vul eerst in"):
                state.answer(node_id, answer_id, missing)
            blank = {**records, requirement.kind.value: "   "}
            with pytest.raises(WeighingError, match="Vul eerst in"):
                state.answer(node_id, answer_id, blank)
        state = state.answer(node_id, answer_id, records)
        assert dict(state.steps[-1].records) == records
    assert state.is_complete and state.current_node is None
    assert state.outcome == path.outcome
    assert state.effects == path.effects

    stored = json.loads(json.dumps(state.to_dict()))
    assert stored["direction"] == graph.direction.value  # type: ignore[union-attr]
    base = ZUTPHEN if graph.id == "zutphen" else ZWOLLE
    again = Weighing.from_dict(stored, base)  # the stored direction picks the texts
    assert again.steps == state.steps and again.outcome == state.outcome
    assert again.graph.direction is graph.direction
    assert stored["outcome"]["kind"] == path.outcome.kind.value


# --------------------------------------------------------------------------------------------
# Checks over every generated path. Each is a function, so the mutation test below can run it
# on a deliberately broken protocol and show that it catches the break.

Check = Callable[[dict[tuple[str, Direction], list[ProtocolPath]]], None]


def _ends_at_once(paths: dict[tuple[str, Direction], list[ProtocolPath]], protocol: str,
                  node: str, answer: str, outcome: str) -> None:
    """A "nee" that must stop: every path through it ends right there, in `outcome`."""
    for (graph_id, _direction), graph_paths in paths.items():
        if graph_id != protocol:
            continue
        through = [p for p in graph_paths if p.passes(node, answer)]
        assert through, f"no path passes {node}={answer}"
        for path in through:
            assert path.steps[-1] == (node, answer), f"{node}={answer} goes on: {path.steps}"
            assert path.outcome.id == outcome
            assert path.outcome.kind in (OutcomeKind.DO_NOT_SHARE, OutcomeKind.REFER)


def check_zw1_no_stops(paths: dict[tuple[str, Direction], list[ProtocolPath]]) -> None:
    # ZW-1: nothing is requested before the need was discussed with the resident.
    _ends_at_once(paths, "zwolle", "zw1_behoefte", "nee", "eerst_bespreken")


def check_zw2_no_stops(paths: dict[tuple[str, Direction], list[ProtocolPath]]) -> None:
    # ZW-2: not necessary, a lighter way, out of proportion, or not allowed: stop.
    _ends_at_once(paths, "zwolle", "zw2_noodzaak", "nee", "niet_nodig")
    _ends_at_once(paths, "zwolle", "zw2_subsidiariteit", "nee", "lichtere_manier")
    _ends_at_once(paths, "zwolle", "zw2_proportionaliteit", "niet_in_verhouding",
                  "niet_in_verhouding")
    _ends_at_once(paths, "zwolle", "zw2_kan_en_mag", "nee", "mag_niet")


def check_zu_a1_no_refers(paths: dict[tuple[str, Direction], list[ProtocolPath]]) -> None:
    # ZU-A1: the request does not belong with me: refer, nothing else.
    _ends_at_once(paths, "zutphen", "a1_bij_mij", "nee", "verwijs_door")


def check_zu_a2_no_stops(paths: dict[tuple[str, Direction], list[ProtocolPath]]) -> None:
    # ZU-A2: any of the three requirements missing: do not share.
    for node in ("a2_doel", "a2_weten", "a2_mag"):
        _ends_at_once(paths, "zutphen", node, "nee", "niet_delen_vereisten")


def check_secrecy_has_a_subject_and_a_direction(
        paths: dict[tuple[str, Direction], list[ProtocolPath]]) -> None:
    """DOMAIN.md: ZW-4's signature is for *requesting* from an organisation with secrecy;
    a registered worker who *gives* follows the own code; the exception paths never wait for
    a signature."""
    for (_graph_id, direction), graph_paths in paths.items():
        for path in graph_paths:
            kinds = path.effect_kinds
            sharer = path.context.get("sharer_secrecy")
            if path.outcome.kind.ends_request:
                continue
            assert sharer is not None, f"a sharing path never asks ZU-A4C/ZW-4: {path.steps}"
            if direction is Direction.GIVE_TO:
                assert sharer != "organisatie"
                assert OutcomeKind.WRITTEN_CONSENT_REQUIRED not in kinds, path.steps
            if sharer == "medewerker":
                assert OutcomeKind.OWN_CODE in kinds, path.steps
            else:
                assert OutcomeKind.OWN_CODE not in kinds, path.steps
            if kinds & EXCEPTIONS:
                assert OutcomeKind.WRITTEN_CONSENT_REQUIRED not in kinds, path.steps
            elif sharer == "organisatie":
                assert path.outcome.kind is OutcomeKind.WRITTEN_CONSENT_REQUIRED, path.steps


def check_exceptions_record_their_ground(
        paths: dict[tuple[str, Direction], list[ProtocolPath]]) -> None:
    graphs = {g.id: g for g in (ZUTPHEN, ZWOLLE)}
    for (graph_id, _direction), graph_paths in paths.items():
        graph = graphs[graph_id]
        for path in graph_paths:
            recorded = {r.kind for n, a in path.steps
                        for r in graph.node(n).answer(a).records}  # type: ignore[union-attr]
            if not path.effect_kinds & EXCEPTIONS:
                assert RecordKind.LEGAL_GROUND not in recorded
                continue
            assert {RecordKind.MOTIVATION, RecordKind.LEGAL_GROUND,
                    RecordKind.CONSULTED} <= recorded, path.steps
            if OutcomeKind.SHARE_DESPITE_OBJECTION in path.effect_kinds:
                assert {RecordKind.CLIENT_ARGUMENTS, RecordKind.FINDINGS,
                        RecordKind.ANONYMISED} <= recorded, path.steps
                assert OutcomeKind.INFORM_CLIENT in path.effect_kinds
            if OutcomeKind.SHARE_WITHOUT_INFORMING in path.effect_kinds:
                assert {RecordKind.REASON_NOT_INFORMING, RecordKind.INFORM_AFTER} <= recorded
                assert OutcomeKind.INFORM_CLIENT not in path.effect_kinds


def check_share_less_narrows(paths: dict[tuple[str, Direction], list[ProtocolPath]]) -> None:
    graphs = {g.id: g for g in (ZUTPHEN, ZWOLLE)}
    for (graph_id, _direction), graph_paths in paths.items():
        graph = graphs[graph_id]
        for path in graph_paths:
            for node_id, answer_id in path.steps:
                answer = graph.node(node_id).answer(answer_id)
                assert answer is not None
                minimum = "deel_minimaal" in answer.effects
                narrows = RecordKind.NARROWED_ITEMS in {r.kind for r in answer.records}
                assert minimum == narrows, (node_id, answer_id)


def check_stops_collect_nothing_that_shares(
        paths: dict[tuple[str, Direction], list[ProtocolPath]]) -> None:
    for graph_paths in paths.values():
        for path in graph_paths:
            if path.outcome.kind.ends_request:
                assert not path.effect_kinds & SHARING
                assert OutcomeKind.CONSULT_EXPERT_AND_MANAGER not in path.effect_kinds


def check_toetsing_is_informing(paths: dict[tuple[str, Direction], list[ProtocolPath]]) -> None:
    """AVG art. 6 lid 1 onder e, art. 7 lid 4: toetsing never ends in 'consent'."""
    for graph_paths in paths.values():
        for path in graph_paths:
            if path.context.get("basis") == "toetsing":
                assert path.outcome.kind is not OutcomeKind.PROCEED_WITH_CONSENT, path.steps
            if path.outcome.kind is OutcomeKind.PROCEED_INFORMED:
                assert path.context.get("basis") == "toetsing"


CHECKS: dict[str, Check] = {
    "zw1": check_zw1_no_stops,
    "zw2": check_zw2_no_stops,
    "zu_a1": check_zu_a1_no_refers,
    "zu_a2": check_zu_a2_no_stops,
    "secrecy": check_secrecy_has_a_subject_and_a_direction,
    "exceptions": check_exceptions_record_their_ground,
    "narrowing": check_share_less_narrows,
    "stops": check_stops_collect_nothing_that_shares,
    "toetsing": check_toetsing_is_informing,
}


@pytest.mark.parametrize("name", list(CHECKS))
def test_shipped_protocols_pass(name: str) -> None:
    CHECKS[name](PATHS)


# Each "nee" of ZW-1, ZW-2, ZU-A1 and ZU-A2 rewired to continue as "ja" does: the check named
# must then fail (issue 15: tests that stay green when a "nee" no longer stops are no tests).
MUTATIONS = [
    ("zwolle", "zw1_behoefte", "nee", "zw1"),
    ("zwolle", "zw2_noodzaak", "nee", "zw2"),
    ("zwolle", "zw2_subsidiariteit", "nee", "zw2"),
    ("zwolle", "zw2_proportionaliteit", "niet_in_verhouding", "zw2"),
    ("zwolle", "zw2_kan_en_mag", "nee", "zw2"),
    ("zutphen", "a1_bij_mij", "nee", "zu_a1"),
    ("zutphen", "a2_doel", "nee", "zu_a2"),
    ("zutphen", "a2_weten", "nee", "zu_a2"),
    ("zutphen", "a2_mag", "nee", "zu_a2"),
]


def _rewired(protocol: str, node_id: str, answer_id: str) -> ProtocolGraph:
    """The protocol with `answer_id` of `node_id` pointing where the node's first other
    answer goes, edited in the YAML text as a careless editor would."""
    base = ZUTPHEN if protocol == "zutphen" else ZWOLLE
    node = base.node(node_id)
    answer = node.answer(answer_id)
    other = next(a for a in node.answers if a.id != answer_id)
    assert answer is not None
    lines = base.text.splitlines(keepends=True)
    index = answer.next_line - 1
    assert lines[index].strip() == f"next: {answer.next}", lines[index]
    lines[index] = lines[index].replace(f"next: {answer.next}", f"next: {other.next}")
    text = "".join(lines)
    # The stop outcome may now be unused; keep it reachable as an effect of nothing? No: an
    # unused outcome is refused at load, so the editor would also have deleted it.
    try:
        return parse_protocol(text, f"{protocol}-mutant.yaml")
    except DefinitionError:
        outcome_id = answer.next
        kept = _drop_outcome(text, outcome_id)
        return parse_protocol(kept, f"{protocol}-mutant.yaml")


def _drop_outcome(text: str, outcome_id: str) -> str:
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {outcome_id}"
                 and i > next(j for j, x in enumerate(lines) if x.startswith("outcomes:")))
    end = start + 1
    while end < len(lines) and not lines[end].startswith("  - id:"):
        end += 1
    return "".join(lines[:start] + lines[end:])


@pytest.mark.parametrize(("protocol", "node", "answer", "check"), MUTATIONS,
                         ids=[f"{n}={a}" for _p, n, a, _c in MUTATIONS])
def test_a_nee_rewired_to_continue_is_caught(protocol: str, node: str, answer: str,
                                             check: str) -> None:
    mutant = _rewired(protocol, node, answer)
    paths = {(mutant.id, d): list(enumerate_paths(mutant.for_direction(d))) for d in Direction}
    with pytest.raises(AssertionError):
        CHECKS[check](paths)


def test_zutphen_a3_outcomes_follow_the_seed() -> None:
    paths = PATHS[("zutphen", Direction.GIVE_TO)]
    doel = [p for p in paths if p.passes("a3_doelmatigheid", "nee")]
    assert doel and all("minder ingrijpende" in p.outcome.text.nl for p in doel)
    trimmed = [p for p in paths if p.passes("a3_proportionaliteit", "nee")]
    assert trimmed and all(p.passes("a3_subsidiariteit") for p in trimmed)
    leak = [p for p in paths if p.passes("a3_subsidiariteit", "nee")]
    assert leak and all("datalek" in p.outcome.text.nl for p in leak)
    for path in paths:
        if path.outcome.kind in SHARING:
            for node in ("a1_bij_mij", "a2_doel", "a2_weten", "a2_mag", "a3_doelmatigheid",
                         "a3_subsidiariteit"):
                assert path.passes(node, "ja"), (node, path.steps)


def test_zutphen_a4a_and_a4b() -> None:
    for paths in (PATHS[("zutphen", d)] for d in Direction):
        for path in (p for p in paths if p.passes("a4a_argumenten", "ja")):
            assert path.outcome.id == "niet_delen_terug_naar_a3"
        for path in (p for p in paths if p.passes("a4a_conflict", "nee")):
            assert path.outcome.kind is OutcomeKind.DO_NOT_SHARE
        for path in (p for p in paths if p.passes("a4b_reden", "nee")):
            # No justified reason: inform the resident, who then answers at A4.
            assert OutcomeKind.INFORM_CLIENT in path.effect_kinds
            assert path.passes("a4_client_zegt_na_4b") or path.passes("a4_toetsing_na_4b")


def test_zwolle_refusal_depends_on_toetsing_or_verdieping() -> None:
    for direction in Direction:
        through = [p for p in PATHS[("zwolle", direction)] if p.passes("zw3_basis")]
        toetsing = [p for p in through if p.context["basis"] == "toetsing"]
        verdieping = [p for p in through if p.context["basis"] == "verdieping"]
        assert toetsing and verdieping
        for path in toetsing:
            # The municipality decides on what it knows (DOMAIN.md), not "cannot decide".
            assert "wel weet" in path.outcome.text.nl or "wel kan doen" in path.outcome.text.nl
            assert "niet beslissen" not in path.outcome.text.nl
        for path in verdieping:
            assert "hulpvraag" in path.outcome.text.nl


def test_direction_changes_the_words_not_the_meaning() -> None:
    """Issue 15: Zwolle asked 'where do the data come from' and offered 'ik vraag niet op'
    when the team gives data."""
    request = ZWOLLE.for_direction(Direction.REQUEST_FROM)
    give = ZWOLLE.for_direction(Direction.GIVE_TO)
    assert "vandaan" in request.node("zw1_behoefte").question.nl
    assert "vandaan" not in give.node("zw1_behoefte").question.nl
    assert "met wie" in give.node("zw1_behoefte").question.nl
    labels = [a.label.nl for a in give.node("zw3_bespreken").answers]
    assert not any("vraag" in label and "op" in label for label in labels), labels
    for graph in (give, ZUTPHEN.for_direction(Direction.GIVE_TO)):
        for outcome in graph.outcomes.values():
            assert "opvragen" not in outcome.text.nl.casefold() or outcome.id in (
                "ondanks_bezwaar_organisatie_beslist", "zonder_informeren_organisatie_beslist",
                "toch_organisatie_beslist"), outcome.id
    zutphen_request = ZUTPHEN.for_direction(Direction.REQUEST_FROM)
    assert "opvragen" in zutphen_request.node("a1_bij_mij").question.nl
    # The same file, the same hash: a stored weighing names one protocol text.
    assert request.content_hash == give.content_hash == ZWOLLE.content_hash


def test_each_protocol_shows_its_own_guidance() -> None:
    assert ZUTPHEN.guidance is None  # the vuistregels of Zutphen
    assert ZWOLLE.guidance and all(p.rules and p.rules[0].startswith("ZW-")
                                   for p in ZWOLLE.guidance)


def test_load_protocols_finds_both_by_file_name(tmp_path: Path) -> None:
    found = load_protocols(PROTOCOLS)
    assert sorted(found) == ["zutphen", "zwolle"]
    assert found["zutphen"].content_hash == ZUTPHEN.content_hash
    (tmp_path / "ander.yaml").write_bytes((PROTOCOLS / "zwolle.yaml").read_bytes())
    with pytest.raises(DefinitionError, match="bestandsnaam 'ander'"):
        load_protocols(tmp_path)
    with pytest.raises(DefinitionError, match="geen protocol"):
        load_protocols(tmp_path / "leeg")


def test_outcome_reason_and_ground_labels_exist_in_both_languages() -> None:
    for kind in OutcomeKind:
        assert kind.label("nl") == kind.dutch and kind.label("en") != kind.dutch
    for reason in JustifiedReason:
        assert reason.label("en") and reason.label("en") != reason.dutch
    for ground in LegalGround:
        assert ground.label("nl") and ground.label("en") != ground.label("nl")
