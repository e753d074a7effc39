"""Models built without pydantic's validation (`checked_call`, `checked_turn_finding`, `checked_call_result`, and
`records.call_from_turns` choosing between the two ways) are the very objects validation makes: the same values
in the same order, the same given fields, the same copies of lists, the same pickled state and JSON."""

from __future__ import annotations

import pickle
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from klantlint.batch.summary import finding_fields
from klantlint.findings import Finding, Suggestion
from klantlint.transcripts.models import (
    Call,
    CallResult,
    RoleAssignment,
    TurnFinding,
    checked_call,
    checked_call_result,
    checked_finding,
    checked_role_assignment,
    checked_turn,
    checked_turn_finding,
)
from klantlint.transcripts.records import call_from_turns


def _state(model: BaseModel) -> str:
    """All a model holds (what pickling it keeps, the given fields sorted), nested models included, as text."""
    state = dict(model.__getstate__())
    state["__pydantic_fields_set__"] = sorted(state["__pydantic_fields_set__"])
    state["__dict__"] = {
        name: _state(value)
        if isinstance(value, BaseModel)
        else [_state(v) if isinstance(v, BaseModel) else v for v in value]
        if isinstance(value, list)
        else value
        for name, value in state["__dict__"].items()
    }
    return repr((type(model).__name__, list(state["__dict__"]), state))


def _same(checked: BaseModel, validated: BaseModel) -> None:
    assert _state(checked) == _state(validated)
    assert _state(pickle.loads(pickle.dumps(checked))) == _state(validated)
    assert checked.model_dump_json() == validated.model_dump_json()
    assert checked == validated


texts = st.text(max_size=6)
times = st.none() | st.floats(allow_nan=False)
turns = st.builds(checked_turn, texts, texts, times, times, st.none() | st.integers(1, 10**6))
findings = st.builds(
    Finding,
    code=st.sampled_from(["KL001", "KL101"]),
    name=texts,
    severity=st.sampled_from(["error", "warning", "info"]),
    message=texts,
    start=st.integers(0, 50),
    end=st.integers(0, 50),
    line=st.integers(1, 5),
    column=st.integers(1, 5),
    text=texts,
)
call_records = st.fixed_dictionaries(
    {"call_id": st.text(min_size=1, max_size=5)},
    optional={
        "agent_id": st.none() | texts | st.integers(),
        "date": st.none() | texts,
        "direction": st.sampled_from(["inbound", "outbound", "", None]),
        "organisation": texts | st.lists(texts, max_size=3),
    },
)


@settings(max_examples=300, deadline=None)
@given(call_records, st.lists(turns, max_size=4), texts, st.integers(0, 10**6), st.integers(0, 3))
def test_call_from_turns_gives_the_validated_call(
    data: dict[str, Any], turn_list: list[Any], source: str, line: int, turns_lost: int
) -> None:
    call = call_from_turns(data, turn_list, source, line, turns_lost)
    fields: dict[str, Any] = {
        "call_id": str(data["call_id"]),
        "turns": turn_list,
        "agent_id": None if data.get("agent_id") in (None, "") else str(data["agent_id"]),
        "date": None if data.get("date") in (None, "") else data["date"],
        "source": source,
        "line": line,
        "turns_lost": turns_lost,
    }
    if data.get("direction"):
        fields["direction"] = data["direction"]
    organisation = data.get("organisation")
    if isinstance(organisation, str):
        organisation = [organisation]
    if organisation is not None:
        fields["organisation"] = organisation
    validated = Call(**fields)
    _same(call, validated)
    assert call.turns is not turn_list  # a list of its own, as validation makes
    if "organisation" in fields:
        assert call.organisation is not fields["organisation"]


def test_checked_call_fills_the_defaults_as_validation_does() -> None:
    turn = checked_turn("Agent", "Goedemorgen", 0.0, 1.5, 1)
    _same(checked_call({"call_id": "c1", "turns": [turn]}), Call(call_id="c1", turns=[turn]))
    one, other = checked_call({"call_id": "a", "turns": []}), checked_call({"call_id": "b", "turns": []})
    assert one.organisation == [] and one.organisation is not other.organisation  # each its own default list


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 40), turns, st.sampled_from(["agent", "customer", "unknown"]), findings)
def test_checked_turn_finding_is_the_validated_one(index: int, turn: Any, role: Any, finding: Finding) -> None:
    validated = TurnFinding(
        turn_index=index,
        speaker=turn.speaker,
        role=role,
        turn_start=turn.start,
        turn_end=turn.end,
        turn_line=turn.line,
        finding=finding,
        turn_text=turn.text,
    )
    _same(checked_turn_finding(index, turn, role, finding), validated)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.builds(checked_turn_finding, st.integers(0, 9), turns, st.just("agent"), findings), max_size=3),
    st.lists(st.floats(0, 600), max_size=3),
    st.lists(st.sampled_from(["KL104", "KL107"]), max_size=2),
    st.none() | st.floats(0, 600),
    st.integers(0, 10**4),
)
def test_checked_call_result_is_the_validated_one(
    found: list[TurnFinding], durations: list[float], skipped: list[str], monologue: float | None, words: int
) -> None:
    fields = {
        "call_id": "c1",
        "agent_id": None,
        "date": "2026-11-01",
        "roles": RoleAssignment(agent_speaker="Agent", method="label", confidence=1.0),
        "findings": found,
        "turns": 12,
        "agent_words": words,
        "customer_words": 3,
        "source": "gesprekken.jsonl",
        "line": 7,
        "turns_lost": 0,
        "longest_agent_monologue_s": monologue,
        "holds": len(durations),
        "hold_durations_s": durations,
        "conversation_rules_skipped": skipped,
    }
    # Given in another order: the result keeps pydantic's order of the fields all the same.
    _same(checked_call_result(dict(reversed(fields.items()))), CallResult(**fields))


@settings(max_examples=200, deadline=None)
@given(
    st.none() | texts,
    st.sampled_from(["label", "config", "option", "auto", "none"]),
    st.floats(0.0, 1.0) | st.sampled_from([0, 1, -0.0]),
)
def test_checked_role_assignment_is_the_validated_one(agent: str | None, method: str, confidence: float) -> None:
    validated = RoleAssignment(agent_speaker=agent, method=method, confidence=confidence)  # type: ignore[arg-type]
    _same(checked_role_assignment(agent, method, confidence), validated)


def test_checked_role_assignment_still_refuses_what_validation_refuses() -> None:
    for confidence in (1.5, -0.1, float("nan")):
        try:
            checked_role_assignment("Agent", "auto", confidence)
        except ValueError:
            continue
        raise AssertionError(f"confidence {confidence} accepted")


suggestions = st.builds(
    Suggestion, replacement=texts, start=st.integers(0, 9), end=st.integers(0, 9), description=texts, safe=st.booleans()
)


@settings(max_examples=200, deadline=None)
@given(findings, st.lists(suggestions, max_size=2))
def test_finding_fields_are_the_dumped_finding(finding: Finding, proposed: list[Suggestion]) -> None:
    finding = finding.model_copy(update={"suggestions": proposed})
    fields = finding_fields(finding)
    assert repr(fields) == repr(finding.model_dump())  # the same values in the same order
    assert fields["suggestions"] is not finding.suggestions


finding_values = st.fixed_dictionaries(
    {
        "code": st.sampled_from(["KL101", "KL105"]),
        "name": texts,
        "severity": st.sampled_from(["error", "warning", "info"]),
        "message": texts,
        "start": st.integers(0, 99),
        "end": st.integers(0, 99),
        "line": st.integers(1, 9),
        "column": st.integers(1, 99),
        "text": texts,
    }
)


@settings(max_examples=200, deadline=None)
@given(finding_values)
def test_checked_finding_is_the_validated_one(values: dict[str, Any]) -> None:
    _same(checked_finding(**values), Finding(**values))


@given(
    finding_values,
    st.sampled_from(["start", "end", "line", "column", "severity", "message"]),
    st.sampled_from([-1, 0, True, 2.0, "fout", None]),
)
def test_checked_finding_validates_what_it_cannot_vouch_for(values: dict[str, Any], name: str, value: Any) -> None:
    """Values of another type or out of range go through pydantic: the same finding, or the same error."""
    values = {**values, name: value}
    try:
        validated = Finding(**values)
    except ValueError as error:
        try:
            checked_finding(**values)
        except ValueError as same:
            assert str(same) == str(error)
            return
        raise AssertionError(f"{name}={value!r} accepted") from None
    _same(checked_finding(**values), validated)
