"""Walking a protocol: the immutable Weighing, its refusals, back(), and storage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.domain.protocols import (
    JustifiedReason,
    OutcomeKind,
    RecordKind,
    Text,
    Weighing,
    WeighingError,
    load_protocol,
    parse_protocol,
)
from desktop_app.messages import Message, MessageError

PROTOCOLS = Path(__file__).resolve().parents[2] / "forms" / "protocols"
ZUTPHEN = load_protocol(PROTOCOLS / "zutphen.yaml")
MARKER = "Fictief-geheim-7Q"  # must never appear in a repr or an error message


def _to_a4b(state: Weighing) -> Weighing:
    state = state.answer("a1_bij_mij", "ja")
    state = state.answer("a2_doel", "ja", {"motivation": "Doel"})
    state = state.answer("a2_weten", "ja")
    state = state.answer("a2_mag", "ja", {"motivation": "Wmo 2015"})
    state = state.answer("a3_doelmatigheid", "ja")
    state = state.answer("a3_proportionaliteit", "ja")
    state = state.answer("a3_subsidiariteit", "ja")
    state = state.answer_from_context({"basis": "verdieping"})
    return state.answer("a4_client_zegt", "niet_informeren")


A4B_RECORDS = {"motivation": "m", "legal_ground": "vitaal_belang",
               "consulted": "Collega A, teamleider B", "inform_after": "2026-12-20"}


def test_answers_return_new_states_and_leave_the_old_one_alone() -> None:
    start = Weighing.start(ZUTPHEN)
    after = start.answer("a1_bij_mij", "ja")
    assert start.steps == () and start.current_node.id == "a1_bij_mij"  # type: ignore[union-attr]
    assert after.current_node.id == "a2_doel"  # type: ignore[union-attr]
    assert (after.protocol_id, after.protocol_version) == ("zutphen", 2)
    assert after.content_hash == ZUTPHEN.content_hash
    assert not after.is_complete and after.outcome is None and after.effects == ()


def test_refuses_a_question_that_is_not_on_turn_or_an_unknown_answer() -> None:
    state = Weighing.start(ZUTPHEN)
    with pytest.raises(WeighingError, match="niet aan de beurt"):
        state.answer("a2_doel", "ja", {"motivation": "x"})
    with pytest.raises(WeighingError, match="hoort niet bij deze vraag"):
        state.answer("a1_bij_mij", "misschien")
    with pytest.raises(WeighingError, match="geen vastlegging"):
        state.answer("a1_bij_mij", "ja", {"findings": "x"})
    done = state.answer("a1_bij_mij", "nee", {"motivation": "Hoort bij de schuldhulp"})
    assert done.is_complete and done.outcome.kind is OutcomeKind.REFER  # type: ignore[union-attr]
    with pytest.raises(WeighingError, match="al klaar"):
        done.answer("a1_bij_mij", "ja")


def test_reason_not_informing_must_be_one_of_the_three_reasons() -> None:
    state = _to_a4b(Weighing.start(ZUTPHEN))
    with pytest.raises(WeighingError, match="gerechtvaardigde reden"):
        state.answer("a4b_reden", "ja", {"reason_not_informing": "geen zin", **A4B_RECORDS})
    ok = state.answer(
        "a4b_reden",
        "ja",
        {
            "reason_not_informing": "rechten_en_vrijheden_anderen, voorkomen_strafbare_feiten",
            **A4B_RECORDS,
        },
    )
    stored = ok.records_of(RecordKind.REASON_NOT_INFORMING)
    assert JustifiedReason.parse_many(stored[0]) == (
        JustifiedReason.RIGHTS_OF_OTHERS,
        JustifiedReason.PREVENT_CRIMINAL_OFFENCES,
    )
    # The next question is about whoever shares, so the program answers it.
    assert ok.current_node.context == "sharer_secrecy"  # type: ignore[union-attr]
    with pytest.raises(WeighingError, match="sharer_secrecy"):
        ok.answer_from_context({})
    secret = ok.answer_from_context({"sharer_secrecy": "organisatie"})
    assert secret.is_complete
    # ZU-A4B with a GP: no signature can be had; the GP decides under its own code.
    assert secret.effect_kinds == {OutcomeKind.SHARE_WITHOUT_INFORMING}
    assert secret.outcome.id == "zonder_informeren_organisatie_beslist"  # type: ignore[union-attr]
    assert secret.effects[0] == secret.outcome  # the verdict comes first


def test_too_long_record_is_refused_without_echoing_it() -> None:
    state = Weighing.start(ZUTPHEN)
    with pytest.raises(WeighingError) as caught:
        state.answer("a1_bij_mij", "nee", {"motivation": MARKER * 1000})
    assert "te lang" in str(caught.value) and MARKER not in str(caught.value)
    assert MARKER not in caught.value.render("en") and "too long" in caught.value.render("en")


def test_a_refusal_uses_the_protocol_texts_in_the_worker_language() -> None:
    """The label of the missing record and of the answer come from the protocol file, in
    English too; the rest is the catalogue's."""
    state = Weighing.start(ZUTPHEN)
    with pytest.raises(WeighingError) as caught:
        state.answer("a1_bij_mij", "nee", {})
    err = caught.value
    assert isinstance(err, MessageError) and err.message.key == "weighing.record_missing"
    node = ZUTPHEN.node("a1_bij_mij")
    answer = node.answer("nee")
    assert answer is not None and answer.label.en and answer.records[0].label.en
    assert err.render("en") == (f"First fill in: {answer.records[0].label.en} This is required "
                                f"with the answer '{answer.label.en}'.")
    assert str(err).startswith(f"Vul eerst in: {answer.records[0].label.nl}")
    with pytest.raises(WeighingError) as caught:
        state.answer("a1_bij_mij", "ja").answer("a1_bij_mij", "ja")
    assert caught.value.message == Message("weighing.not_on_turn")


def test_records_stay_out_of_reprs() -> None:
    state = Weighing.start(ZUTPHEN).answer("a1_bij_mij", "nee", {"motivation": MARKER})
    assert MARKER in state.steps[0].records["motivation"]
    assert MARKER not in repr(state.steps[0]) and MARKER not in repr(state)


def test_back_undoes_the_workers_answer_and_the_automatic_ones_after_it() -> None:
    state = _to_a4b(Weighing.start(ZUTPHEN))
    answered = state.answer(
        "a4b_reden", "ja", {"reason_not_informing": "bescherming_betrokkene", **A4B_RECORDS}
    )
    complete = answered.answer_from_context({"sharer_secrecy": "geen"})
    assert complete.is_complete and len(complete.steps) == len(state.steps) + 2
    back = complete.back()
    assert back.steps == state.steps and back.current_node.id == "a4b_reden"  # type: ignore[union-attr]
    assert Weighing.start(ZUTPHEN).back().steps == ()


def test_storage_is_plain_json_with_a_text_snapshot() -> None:
    state = Weighing.start(ZUTPHEN).answer("a1_bij_mij", "nee", {"motivation": "Fictief"})
    data = json.loads(json.dumps(state.to_dict()))
    assert data["protocol"] == {
        "id": "zutphen",
        "version": 2,
        "content_hash": ZUTPHEN.content_hash,
        "title": ZUTPHEN.title.to_dict(),
    }
    step = data["steps"][0]
    assert step["rules"] == ["ZU-A1"]
    assert step["question"]["nl"] == ZUTPHEN.node("a1_bij_mij").question.nl
    assert step["answer_label"]["en"].startswith("No")
    assert step["record_labels"]["motivation"]["nl"].startswith("Waar hoort")
    assert data["complete"] is True and data["outcome"]["kind"] == "verwijs_door"
    assert Weighing.from_dict(data, ZUTPHEN).steps == state.steps


def test_from_dict_refuses_another_protocol_version_or_text() -> None:
    data = Weighing.start(ZUTPHEN).answer("a1_bij_mij", "ja").to_dict()
    edited_text = (PROTOCOLS / "zutphen.yaml").read_text(encoding="utf-8") + "\n# bewerkt\n"
    edited = parse_protocol(edited_text, "zutphen-bewerkt.yaml")
    assert edited.content_hash != ZUTPHEN.content_hash
    with pytest.raises(WeighingError, match="niet het protocol dat nu geladen is"):
        Weighing.from_dict(data, edited)
    with pytest.raises(WeighingError, match="beschadigd"):
        Weighing.from_dict({"format": 1}, ZUTPHEN)
    tampered = json.loads(json.dumps(data))
    tampered["steps"][0]["answer"] = "misschien"
    with pytest.raises(WeighingError):
        Weighing.from_dict(tampered, ZUTPHEN)


def test_content_hash_is_sha256_of_the_file_bytes() -> None:
    import hashlib

    raw = (PROTOCOLS / "zutphen.yaml").read_bytes()
    assert ZUTPHEN.content_hash == hashlib.sha256(raw).hexdigest()
    assert parse_protocol(raw.decode("utf-8"), "x").content_hash == ZUTPHEN.content_hash


def test_text_falls_back_to_dutch() -> None:
    assert Text("Hallo").get("en") == "Hallo"
    assert Text("Hallo", "Hello").get("en") == "Hello"
    assert Text("Hallo", "Hello").get("nl") == "Hallo" and str(Text("Hallo")) == "Hallo"
