"""Every path through both shipped protocols, generated with enumerate_paths (not hand-picked):
each ends in an outcome, `answer()` demands the records the protocol asks for, and the effects
match the seed documents (Zwolle factsheet ZW-1..4, Zutphen afwegingen ZU-A1..A4C)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.domain.protocols import (
    DefinitionError,
    JustifiedReason,
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
)

PROTOCOLS = Path(__file__).resolve().parents[2] / "forms" / "protocols"
SAMPLE = {
    RecordKind.MOTIVATION.value: "Fictieve motivatie",
    RecordKind.CONSULTED.value: "Collega A (gedragswetenschapper), teamleider B",
    RecordKind.FINDINGS.value: "Fictieve bevindingen",
    RecordKind.CLIENT_ARGUMENTS.value: "Fictief bezwaar",
    RecordKind.REASON_NOT_INFORMING.value: "bescherming_betrokkene",
}
SHARING = frozenset(
    {
        OutcomeKind.PROCEED_WITH_CONSENT,
        OutcomeKind.WRITTEN_CONSENT_REQUIRED,
        OutcomeKind.SHARE_WITHOUT_INFORMING,
        OutcomeKind.SHARE_DESPITE_OBJECTION,
    }
)


def _load(name: str) -> ProtocolGraph:
    return load_protocol(PROTOCOLS / f"{name}.yaml")


ZUTPHEN = _load("zutphen")
ZWOLLE = _load("zwolle")
ZUTPHEN_PATHS = list(enumerate_paths(ZUTPHEN))
ZWOLLE_PATHS = list(enumerate_paths(ZWOLLE))
BOTH = [(ZUTPHEN, p) for p in ZUTPHEN_PATHS] + [(ZWOLLE, p) for p in ZWOLLE_PATHS]


def _path_id(case: tuple[ProtocolGraph, ProtocolPath]) -> str:
    graph, path = case
    return f"{graph.id}:" + ">".join(f"{n}={a}" for n, a in path.steps)


def test_shipped_protocols_identify_themselves() -> None:
    assert (ZUTPHEN.id, ZUTPHEN.version, ZUTPHEN.start) == ("zutphen", 1, "a1_bij_mij")
    assert (ZWOLLE.id, ZWOLLE.version, ZWOLLE.start) == ("zwolle", 1, "zw1_behoefte")
    # Pinned so a change to a shipped protocol is a deliberate, reviewed change.
    assert len(ZUTPHEN_PATHS) == 35
    assert len(ZWOLLE_PATHS) == 17


@pytest.mark.parametrize("graph", [ZUTPHEN, ZWOLLE], ids=["zutphen", "zwolle"])
def test_every_node_and_outcome_lies_on_a_generated_path(graph: ProtocolGraph) -> None:
    paths = list(enumerate_paths(graph))
    assert {n for p in paths for n, _ in p.steps} == set(graph.nodes)
    used = {o.id for p in paths for o in p.effects}
    assert used == set(graph.outcomes)


@pytest.mark.parametrize("graph", [ZUTPHEN, ZWOLLE], ids=["zutphen", "zwolle"])
def test_every_visible_text_is_bilingual_and_cites_rules(graph: ProtocolGraph) -> None:
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
    for text in texts:
        assert text.nl and text.en and text.nl != text.en, text
        assert text.get("en") == text.en and text.get("fr") == text.nl


@pytest.mark.parametrize("case", BOTH, ids=[_path_id(c) for c in BOTH])
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
    assert state.effect_kinds == path.effect_kinds

    stored = json.loads(json.dumps(state.to_dict()))
    again = Weighing.from_dict(stored, graph)
    assert again.steps == state.steps and again.outcome == state.outcome
    assert stored["outcome"]["kind"] == path.outcome.kind.value
    assert [s["node"] for s in stored["steps"]] == [n for n, _ in path.steps]


# --------------------------------------------------------------------------------------------
# Effects consistent with the seed documents, over every generated path


def _through(paths: list[ProtocolPath], node: str, answer: str | None = None) -> list[ProtocolPath]:
    selected = [p for p in paths if p.passes(node, answer)]
    assert selected, f"no generated path passes {node}={answer}"
    return selected


@pytest.mark.parametrize(
    ("graph", "paths"), [(ZUTPHEN, ZUTPHEN_PATHS), (ZWOLLE, ZWOLLE_PATHS)], ids=["zu", "zw"]
)
def test_professional_secrecy_always_means_written_consent(
    graph: ProtocolGraph, paths: list[ProtocolPath]
) -> None:
    secret = [p for p in paths if p.context.get("professional_secrecy") is True]
    assert secret
    for path in secret:
        assert OutcomeKind.WRITTEN_CONSENT_REQUIRED in path.effect_kinds
    # The safeguard cannot be skipped: every path that ends in sharing asks the question.
    for path in paths:
        if path.outcome.kind in SHARING:
            assert "professional_secrecy" in path.context, path.steps
    # With the fact fixed to "no", no path asks for written consent.
    for path in enumerate_paths(graph, {"professional_secrecy": False}):
        assert OutcomeKind.WRITTEN_CONSENT_REQUIRED not in path.effect_kinds


@pytest.mark.parametrize("paths", [ZUTPHEN_PATHS, ZWOLLE_PATHS], ids=["zu", "zw"])
def test_paths_that_stop_collect_nothing_that_shares(paths: list[ProtocolPath]) -> None:
    for path in paths:
        if path.outcome.kind.ends_request:
            assert not path.effect_kinds & SHARING
            assert OutcomeKind.CONSULT_EXPERT_AND_MANAGER not in path.effect_kinds


@pytest.mark.parametrize(
    ("graph", "paths"), [(ZUTPHEN, ZUTPHEN_PATHS), (ZWOLLE, ZWOLLE_PATHS)], ids=["zu", "zw"]
)
def test_consultation_effect_and_its_record_go_together(
    graph: ProtocolGraph, paths: list[ProtocolPath]
) -> None:
    for path in paths:
        kinds_recorded = {
            r.kind
            for n, a in path.steps
            for r in graph.node(n).answer(a).records  # type: ignore[union-attr]
        }
        consults = OutcomeKind.CONSULT_EXPERT_AND_MANAGER in path.effect_kinds
        assert consults == (RecordKind.CONSULTED in kinds_recorded), path.steps
        if path.outcome.kind is OutcomeKind.SHARE_DESPITE_OBJECTION:
            assert {RecordKind.MOTIVATION, RecordKind.CONSULTED} <= kinds_recorded
            assert RecordKind.CLIENT_ARGUMENTS in kinds_recorded


def test_zutphen_a1_no_always_refers() -> None:
    for path in _through(ZUTPHEN_PATHS, "a1_bij_mij", "nee"):
        assert path.outcome.kind is OutcomeKind.REFER and len(path.steps) == 1
    for path in ZUTPHEN_PATHS:
        assert path.steps[0][0] == "a1_bij_mij"
        if path.outcome.kind is OutcomeKind.REFER:
            assert path.steps == (("a1_bij_mij", "nee"),)


def test_zutphen_a2_any_missing_requirement_means_do_not_share() -> None:
    for node in ("a2_doel", "a2_weten", "a2_mag"):
        for path in _through(ZUTPHEN_PATHS, node, "nee"):
            assert path.outcome.id == "niet_delen_vereisten"
            assert path.outcome.kind is OutcomeKind.DO_NOT_SHARE


def test_zutphen_a3_outcomes_follow_the_seed() -> None:
    for path in _through(ZUTPHEN_PATHS, "a3_doelmatigheid", "nee"):
        assert path.outcome.kind is OutcomeKind.DO_NOT_SHARE
        assert "minder ingrijpende" in path.outcome.text.nl
    for path in _through(ZUTPHEN_PATHS, "a3_proportionaliteit", "nee"):
        assert OutcomeKind.SHARE_MINIMUM in path.effect_kinds
        assert path.passes("a3_subsidiariteit")  # trimming does not skip the next check
    for path in _through(ZUTPHEN_PATHS, "a3_proportionaliteit", "ja"):
        assert OutcomeKind.SHARE_MINIMUM not in path.effect_kinds
    for path in _through(ZUTPHEN_PATHS, "a3_subsidiariteit", "nee"):
        assert path.outcome.kind is OutcomeKind.DO_NOT_SHARE
        assert "datalek" in path.outcome.text.nl
    # Every path that shares went through all three A3 questions with "ja" or trimming.
    for path in ZUTPHEN_PATHS:
        if path.outcome.kind in SHARING:
            for node in ("a2_doel", "a2_weten", "a2_mag", "a3_doelmatigheid"):
                assert path.passes(node, "ja")
            assert path.passes("a3_subsidiariteit", "ja")
            assert path.passes("bespreek_met_client")


def test_zutphen_a4_client_answers() -> None:
    for path in _through(ZUTPHEN_PATHS, "a4_client_zegt", "ja"):
        assert path.outcome.kind in (
            OutcomeKind.PROCEED_WITH_CONSENT,
            OutcomeKind.WRITTEN_CONSENT_REQUIRED,
        )
    for path in _through(ZUTPHEN_PATHS, "a4a_argumenten", "ja"):
        assert path.outcome.kind is OutcomeKind.DO_NOT_SHARE
        assert "afweging 3" in path.outcome.text.nl  # "back to A3" is an outcome, not a cycle
    for path in _through(ZUTPHEN_PATHS, "a4a_conflict", "nee"):
        assert path.outcome.kind is OutcomeKind.DO_NOT_SHARE


def test_zutphen_a4a_conflict_of_duties_informs_and_consults() -> None:
    for path in _through(ZUTPHEN_PATHS, "a4a_conflict", "ja"):
        assert OutcomeKind.CONSULT_EXPERT_AND_MANAGER in path.effect_kinds
        assert OutcomeKind.INFORM_CLIENT in path.effect_kinds
        assert path.outcome.kind is OutcomeKind.SHARE_DESPITE_OBJECTION
        records = {
            r.kind
            for r in ZUTPHEN.node("a4a_conflict").answer("ja").records  # type: ignore[union-attr]
        }
        assert records == {RecordKind.MOTIVATION, RecordKind.CONSULTED, RecordKind.FINDINGS}


def test_zutphen_a4b_needs_a_justified_reason() -> None:
    for path in _through(ZUTPHEN_PATHS, "a4b_reden", "ja"):
        assert path.outcome.kind is OutcomeKind.SHARE_WITHOUT_INFORMING
        assert OutcomeKind.INFORM_CLIENT not in path.effect_kinds
    for path in _through(ZUTPHEN_PATHS, "a4b_reden", "nee"):
        # No justified reason: inform the client, who then answers at A4.
        assert OutcomeKind.INFORM_CLIENT in path.effect_kinds
        assert path.passes("a4_client_zegt")
        assert OutcomeKind.SHARE_WITHOUT_INFORMING not in path.effect_kinds
    answer = ZUTPHEN.node("a4b_reden").answer("ja")
    assert answer is not None
    assert RecordKind.REASON_NOT_INFORMING in {r.kind for r in answer.records}


def test_zwolle_steps_in_order_before_anything_is_requested() -> None:
    order = [
        "zw1_behoefte",
        "zw2_noodzaak",
        "zw2_subsidiariteit",
        "zw2_proportionaliteit",
        "zw2_kan_en_mag",
        "zw3_informeren",
    ]
    for path in ZWOLLE_PATHS:
        if path.outcome.kind in SHARING:
            visited = [n for n, _ in path.steps]
            assert visited[: len(order)] == order
            assert any(n.startswith("zw4_") for n in visited)  # ZW-4 documenteren


def test_zwolle_refusal_depends_on_toetsing_or_verdieping() -> None:
    toetsing = [p for p in _through(ZWOLLE_PATHS, "zw3_basis") if p.context["basis"] == "toetsing"]
    verdieping = [
        p for p in _through(ZWOLLE_PATHS, "zw3_basis") if p.context["basis"] == "verdieping"
    ]
    assert toetsing and verdieping
    for path in toetsing:
        assert path.outcome.kind is OutcomeKind.DO_NOT_SHARE and "intrekken" in path.outcome.text.nl
    for path in verdieping:
        assert path.outcome.kind is OutcomeKind.DO_NOT_SHARE and "hulpvraag" in path.outcome.text.nl


def test_zwolle_requesting_anyway_records_why_and_consults() -> None:
    for path in _through(ZWOLLE_PATHS, "zw3_bespreken", "ja"):
        assert path.outcome.kind is OutcomeKind.SHARE_DESPITE_OBJECTION
        assert {OutcomeKind.INFORM_CLIENT, OutcomeKind.CONSULT_EXPERT_AND_MANAGER} <= (
            path.effect_kinds
        )


def test_load_protocols_finds_both_by_file_name(tmp_path: Path) -> None:
    found = load_protocols(PROTOCOLS)
    assert sorted(found) == ["zutphen", "zwolle"]
    assert found["zutphen"].content_hash == ZUTPHEN.content_hash
    (tmp_path / "ander.yaml").write_bytes((PROTOCOLS / "zwolle.yaml").read_bytes())
    with pytest.raises(DefinitionError, match="bestandsnaam 'ander'"):
        load_protocols(tmp_path)
    with pytest.raises(DefinitionError, match="geen protocol"):
        load_protocols(tmp_path / "leeg")


def test_outcome_and_reason_labels_exist_in_both_languages() -> None:
    for kind in OutcomeKind:
        assert kind.label("nl") == kind.dutch and kind.label("en") != kind.dutch
    for reason in JustifiedReason:
        assert reason.label("en") and reason.label("en") != reason.dutch
