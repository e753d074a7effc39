"""The fast paths of reading a record (`parse_json`, `turn_from_record` building turns without pydantic's
validation) give exactly what the plain ways give: the same values, the same turn objects, the same errors."""

from __future__ import annotations

import json
import pickle
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from klantlint.transcripts.models import Turn, checked_turn
from klantlint.transcripts.records import loads_with_reasons, number, parse_json, turn_from_record


def _turn_as_before(data: dict[str, Any], line: int | None = None) -> Turn:
    """`turn_from_record` as it was before `checked_turn`: every turn validated by pydantic (with the later fix: a
    time that is a list or an object is the same error as one that is no number, not a TypeError)."""
    text = data.get("text")
    if not isinstance(text, str):
        raise ValueError("tekstveld 'text' ontbreekt" if text is None else "'text' moet tekst zijn")
    speaker = data.get("speaker")
    if speaker is None or str(speaker).strip() == "":
        raise ValueError("spreker ('speaker') ontbreekt")
    try:
        start, end = number(data.get("start")), number(data.get("end"))
        return Turn(speaker=str(speaker), text=text, start=start, end=end, line=line)
    except (TypeError, ValueError):
        raise ValueError("'start'/'end' moeten getallen (seconden) zijn") from None


def _outcome(function: Any, *args: Any) -> tuple[str, str]:
    """What a call gives, comparable: the repr of its value (of a turn: its whole pickled state), or its error."""
    try:
        value = function(*args)
    except (ValueError, TypeError) as error:
        return type(error).__name__, str(error)
    if isinstance(value, Turn):
        return "turn", repr(_state(value))
    return "value", repr(value)


def _state(turn: Turn) -> tuple[Any, ...]:
    """All a turn holds (what pickling it keeps), with the types of its texts."""
    state = turn.__getstate__()
    fields_set = sorted(state.pop("__pydantic_fields_set__"))
    return state, fields_set, type(turn.speaker), type(turn.text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
# Lines as a file has them: JSON with or without the line end, surrounded by whitespace, a mark, extra text or
# plain junk.
json_lines = st.builds(
    lambda before, value, after: before + json.dumps(value, ensure_ascii=False) + after,
    st.sampled_from(["", "", " ", "\t", "\ufeff", "\n", "{", "["]),
    json_values,
    st.sampled_from(["", "\n", "\r\n", " \n", "\r", "\x0b\n", "\u00a0", " x", "}", "{}", "\n\n"]),
) | st.text(max_size=20)


@settings(max_examples=400, deadline=None)
@given(json_lines)
def test_parse_json_gives_what_json_loads_gives(text: str) -> None:
    assert _outcome(parse_json, text) == _outcome(loads_with_reasons, text)


def test_parse_json_errors_name_the_column() -> None:
    assert _outcome(parse_json, '{"a": 1} x\n') == (
        "ValueError",
        "geen geldige JSON: na de JSON-waarde staat nog meer tekst (kolom 10)",
    )
    assert _outcome(parse_json, "\ufeff{}") == (
        "ValueError",
        "geen geldige JSON: de tekst begint met een byte-order mark (BOM) (kolom 1)",
    )
    assert _outcome(parse_json, " {}\n") == ("value", "{}")


class _Label(str):
    """A str subclass, as a data frame may hold: pydantic makes it a plain str."""


field_values = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats()
    | st.sampled_from(["", " ", "1.5", " 2 ", "abc", "nan", "-inf", "1e999", "\ud800"])
    | st.text(max_size=8)
    | st.builds(_Label, st.text(max_size=4))
    | st.lists(st.integers(), max_size=2)
)
records = st.dictionaries(st.sampled_from(["speaker", "text", "start", "end", "call_id"]), field_values)


@settings(max_examples=500, deadline=None)
@given(records, st.none() | st.integers(1, 10**6))
def test_turn_from_record_gives_the_turn_pydantic_validation_gives(data: dict[str, Any], line: int | None) -> None:
    assert _outcome(turn_from_record, data, line) == _outcome(_turn_as_before, data, line)


@given(st.text(), st.text(), st.none() | st.floats(), st.none() | st.floats(), st.none() | st.integers(1))
def test_checked_turn_is_the_validated_turn(
    speaker: str, text: str, start: float | None, end: float | None, line: int | None
) -> None:
    checked = checked_turn(speaker, text, start, end, line)
    validated = Turn(speaker=speaker, text=text, start=start, end=end, line=line)
    assert repr(_state(checked)) == repr(_state(validated))
    assert repr(_state(pickle.loads(pickle.dumps(checked)))) == repr(_state(validated))
    assert checked.model_dump_json() == validated.model_dump_json()
    assert checked.model_copy(update={"role": "agent"}).role == "agent"
    assert checked.model_fields_set == validated.model_fields_set  # the copy changed its own set, not this one
