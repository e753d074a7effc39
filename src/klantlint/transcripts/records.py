"""From parsed records (JSON objects, CSV rows) to turns and calls (`errors.RecordError` for what cannot be one)."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

from klantlint.io.parser_reasons import dutch_json_reason
from klantlint.transcripts.errors import RecordError
from klantlint.transcripts.models import Call, Record, Turn, checked_call, checked_turn

# `json.loads` less its checks (a str, no byte-order mark, the whitespace around the value), for the usual line.
_decode_at_start = json.JSONDecoder().raw_decode
_LINE_ENDS = ("", "\n", "\r\n")
_INFINITY = math.inf


def parse_json(text: str) -> Any:
    """The JSON value in `text`; ValueError (Dutch) names what is wrong, also for nesting too deep to parse."""
    try:
        value, end = _decode_at_start(text)
    except (ValueError, RecursionError):
        pass  # json.loads tells what is wrong (or reads what leading whitespace hid from raw_decode)
    else:
        if text[end:] in _LINE_ENDS:  # else json.loads finds the rest whitespace, or extra data
            return value
    return loads_with_reasons(text)


def loads_with_reasons(text: str) -> Any:
    """`json.loads(text)`, its errors a ValueError in Dutch (`parse_json` without its fast path)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as problem:
        where = f"kolom {problem.colno}" if problem.lineno == 1 else f"regel {problem.lineno}, kolom {problem.colno}"
        raise ValueError(f"geen geldige JSON: {dutch_json_reason(problem.msg)} ({where})") from None
    except RecursionError:
        raise ValueError("JSON te diep genest (meer dan ongeveer 1000 niveaus haakjes); geen gesprek") from None


def number(value: Any) -> float | None:
    """Seconds from a JSON or CSV field. None when the field is missing: empty, null, or NaN, which is how data
    frames (pandas, and Python's json) write a missing value. ValueError for what is no time: a truth value (JSON
    `true` would otherwise be read as 1 second), an infinite number, text that is no number."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError("a truth value is no number of seconds")
    seconds = float(value)
    if math.isnan(seconds):
        return None
    if math.isinf(seconds):
        raise ValueError("an infinite number is no number of seconds")
    return seconds


def turn_from_record(data: dict[str, Any], line: int | None = None) -> Turn:
    """A turn from one JSON/CSV record on input line `line`; ValueError (Dutch) names what is wrong."""
    text = data.get("text")
    if not isinstance(text, str):
        raise ValueError("tekstveld 'text' ontbreekt" if text is None else "'text' moet tekst zijn")
    speaker = data.get("speaker")
    name = "" if speaker is None else str(speaker)
    if not name.strip():
        raise ValueError("spreker ('speaker') ontbreekt")
    try:
        start, end = data.get("start"), data.get("end")
        # The usual times, a finite float or none at all, are already what `number` makes of them.
        if not (start is None or (type(start) is float and -_INFINITY < start < _INFINITY)):
            start = number(start)
        if not (end is None or (type(end) is float and -_INFINITY < end < _INFINITY)):
            end = number(end)
        if type(text) is str and type(name) is str:  # the exact types `checked_turn` needs (float() gives a float)
            return checked_turn(name, text, start, end, line)
        return Turn(speaker=name, text=text, start=start, end=end, line=line)  # pydantic makes a str subclass str
    except (TypeError, ValueError):  # float() of a list or an object is a TypeError
        raise ValueError("'start'/'end' moeten getallen (seconden) zijn") from None


def call_from_record(data: dict[str, Any], source: str, line: int) -> Call:
    """A call from one JSON object (the call-per-line format); ValueError (Dutch) names what is wrong."""
    call_id = data.get("call_id")
    if call_id is None or str(call_id).strip() == "":
        raise ValueError("'call_id' ontbreekt")
    raw_turns = data.get("turns")
    if not isinstance(raw_turns, list):
        raise ValueError("'turns' moet een lijst zijn")
    turns = []
    for index, raw in enumerate(raw_turns):
        if not isinstance(raw, dict):
            raise ValueError(f"beurt {index} is geen object")
        try:
            turns.append(turn_from_record(raw, line or None))  # line 0: not read from a file
        except ValueError as error:
            raise ValueError(f"beurt {index}: {error}") from None
    return call_from_turns(data, turns, source, line)


def call_from_turns(data: dict[str, Any], turns: list[Turn], source: str, line: int, turns_lost: int = 0) -> Call:
    """A call from its turns and the record that carries the call's own fields: the call's record, or in
    turn-per-line input its first turn's. ValueError (Dutch) names a bad field."""
    fields = {
        "call_id": str(data["call_id"]),
        "turns": turns,
        "agent_id": optional_str(data.get("agent_id")),
        "date": optional_str(data.get("date")),
        "source": source,
        "line": line,
        "turns_lost": turns_lost,
        **call_metadata(data),
    }
    if _checked(turns, source, line, turns_lost, fields.get("organisation", ())):
        return checked_call({**fields, "turns": list(turns)})  # a list of its own, as validating it makes one
    return Call(**fields)


def _checked(turns: list[Turn], source: str, line: int, turns_lost: int, organisation: Iterable[str]) -> bool:
    """Whether the call's values already have the exact types pydantic would make of them (as a reader gives them),
    so that validating them again changes nothing (`models.checked_call`)."""
    return (
        type(turns) is list
        and type(source) is str
        and type(line) is int
        and type(turns_lost) is int
        and turns_lost >= 0
        and _ONLY_TURNS.issuperset(map(type, turns))  # (in C: a generator here cost as much as it saves)
        and _ONLY_STR.issuperset(map(type, organisation))
    )


_ONLY_TURNS = frozenset({Turn})
_ONLY_STR = frozenset({str})


def call_metadata(data: dict[str, Any]) -> dict[str, Any]:
    """Optional `direction` ("inbound"/"outbound") and `organisation` (a name or a list of names) of a call."""
    metadata: dict[str, Any] = {}
    direction = data.get("direction")
    if direction not in (None, ""):
        if direction not in ("inbound", "outbound"):
            raise ValueError(f"'direction' moet 'inbound' of 'outbound' zijn, niet {direction!r}")
        metadata["direction"] = "inbound" if direction == "inbound" else "outbound"  # the literal pydantic keeps
    organisation = data.get("organisation")
    if isinstance(organisation, str):
        organisation = [organisation]
    if organisation not in (None, ""):
        if not isinstance(organisation, list) or not all(isinstance(name, str) for name in organisation):
            raise ValueError("'organisation' moet een naam of een lijst met namen zijn")
        metadata["organisation"] = list(organisation)  # a list of its own, as validating it makes one
    return metadata


def optional_str(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def finished_call(call: Call) -> Record:
    """The call, or an error record when it has no turn with text."""
    if not call.turns or all(not turn.text.strip() for turn in call.turns):
        return RecordError(call.source, call.line, "leeg gesprek: geen beurten met tekst", call.call_id)
    return call
