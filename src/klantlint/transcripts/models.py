"""Call transcripts as data: calls made of turns, and what linting a call produced.

Their validators are built on first use (`defer_build`): commands that read no transcript never pay for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field

from klantlint.findings import Finding, Severity
from klantlint.io.segments import Role
from klantlint.transcripts.errors import RecordError

__all__ = ["Call", "CallResult", "Record", "RecordError", "Result", "Role", "RoleAssignment", "Turn", "TurnFinding"]


class Turn(BaseModel):
    """One speaker turn; `start`/`end` in seconds from the start of the call, when known."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    speaker: str
    text: str
    role: Role = "unknown"
    start: float | None = None
    end: float | None = None
    # The input line the turn's text is on, when known: its own line in turn-per-line input, the call's line in
    # call-per-line JSONL, the cue's timing line in WebVTT/SRT; None for Whisper JSON and data frames.
    line: int | None = None


# The fields `checked_turn` is given, as pydantic records them in `Turn.model_fields_set`.
CHECKED_TURN_FIELDS = frozenset({"speaker", "text", "start", "end", "line"})
_new_object = object.__new__
_set_attribute = object.__setattr__  # a frozen model refuses its own __setattr__
Model = TypeVar("Model", bound=BaseModel)


def _unvalidated(model: type[Model], fields: dict[str, Any], fields_set: set[str]) -> Model:
    """An instance of `model` holding `fields` as they are, built without pydantic's validation: the object
    `model(**fields)` makes when the values already have their fields' types, and `fields_set` names those given."""
    instance = _new_object(model)
    _set_attribute(instance, "__dict__", fields)
    _set_attribute(instance, "__pydantic_fields_set__", fields_set)
    _set_attribute(instance, "__pydantic_extra__", None)
    _set_attribute(instance, "__pydantic_private__", None)
    return instance


def checked_turn(speaker: str, text: str, start: float | None, end: float | None, line: int | None) -> Turn:
    """The turn `Turn(speaker=speaker, text=text, start=start, end=end, line=line)` makes, from values that already
    have exactly those types, built without pydantic's validation (which cost 2-3 µs a turn, the larger part of
    reading a transcript). Only for callers that have checked the types (`records.turn_from_record`); that both
    ways give the same object is tested."""
    fields = {"speaker": speaker, "text": text, "role": "unknown", "start": start, "end": end, "line": line}
    return _unvalidated(Turn, fields, set(CHECKED_TURN_FIELDS))


class Call(BaseModel):
    """One call: its turns in order, and where it came from (file and line, for error messages and resume)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    call_id: str
    turns: list[Turn]
    agent_id: str | None = None
    date: str | None = None
    source: str = ""
    line: int = 0
    # Optional call metadata for the conversation rules: who called whom, and the organisation's names.
    direction: Literal["inbound", "outbound"] | None = None
    organisation: list[str] = Field(default_factory=list)
    # Turns of this call that were in the input but could not be read (each has its own error record).
    turns_lost: int = Field(default=0, ge=0)

    @property
    def incomplete(self) -> bool:
        return self.turns_lost > 0


def unvalidated_call(fields: dict[str, Any], fields_set: Iterable[str]) -> Call:
    """The call whose field values (its turns built already) and given fields are `fields` and `fields_set`, as
    another call holds them (one sent through a pipe, `batch/chunk_codec.py`), built without validating them again."""
    return _unvalidated(Call, fields, set(fields_set))


def checked_call(fields: dict[str, Any]) -> Call:
    """The call `Call(**fields)` makes, built without pydantic's validation (which goes over every turn again).
    Only for values that already have their fields' exact types: a list of `Turn`s, exact `str`s (a new list of them
    for the organisation), `int`s (`turns_lost` at least 0) and a valid direction, as `records.call_from_turns`
    checks them. That both ways give the same call is tested."""
    values = {name: fields[name] if name in fields else _call_default(name) for name in _CALL_FIELDS}
    return _unvalidated(Call, values, set(fields))


def _call_default(name: str) -> Any:
    """The value pydantic gives a call's field that is not given (a new list for the organisation); KeyError for a
    required field."""
    if name == "organisation":
        return []
    if name in ("call_id", "turns"):
        raise KeyError(name)
    return Call.model_fields[name].default


_CALL_FIELDS = tuple(Call.model_fields)  # in the order pydantic keeps a call's values


class TurnFinding(BaseModel):
    """A finding inside one turn of a call; offsets are into that turn's text."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    turn_index: int
    speaker: str
    role: Role
    turn_start: float | None = None
    turn_end: float | None = None
    turn_line: int | None = None  # the input line of the turn (see `Turn.line`)
    finding: Finding
    turn_text: str = ""  # the whole turn, so reports can show the finding in context


def checked_finding(
    code: str, name: str, severity: str, message: str, start: int, end: int, line: int, column: int, text: str
) -> Finding:
    """The `Finding` these values make (without suggestions), built without pydantic's validation when they have
    their fields' exact types and ranges (as the conversation runner computes them, for a finding of every call),
    else validated (a plugin's hit may hold anything). That both ways give the same object is tested."""
    if (
        type(code) is str
        and type(name) is str
        and type(severity) is str
        and severity in _SEVERITIES
        and type(message) is str
        and type(text) is str
        and type(start) is int
        and type(end) is int
        and type(line) is int
        and type(column) is int
        and start >= 0
        and end >= 0
        and line >= 1
        and column >= 1
    ):
        fields = {
            "code": code,
            "name": name,
            "severity": severity,
            "message": message,
            "start": start,
            "end": end,
            "line": line,
            "column": column,
            "text": text,
            "suggestions": [],
        }
        return _unvalidated(Finding, fields, set(_FINDING_FIELDS_GIVEN))
    return Finding(
        code=code,
        name=name,
        severity=severity,  # type: ignore[arg-type]
        message=message,
        start=start,
        end=end,
        line=line,
        column=column,
        text=text,
    )


_SEVERITIES = frozenset(get_args(Severity))
_FINDING_FIELDS_GIVEN = frozenset(Finding.model_fields) - {"suggestions"}


def checked_turn_finding(turn_index: int, turn: Turn, role: Role, finding: Finding) -> TurnFinding:
    """The `TurnFinding` of `finding` in `turn` (the `turn_index`-th of its call, spoken in `role`), built without
    pydantic's validation: every value comes from a validated `Turn` and `Finding` (a finding of every call turn
    goes through here, 1-2 µs against 5). That both ways give the same object is tested."""
    fields = {
        "turn_index": turn_index,
        "speaker": turn.speaker,
        "role": role,
        "turn_start": turn.start,
        "turn_end": turn.end,
        "turn_line": turn.line,
        "finding": finding,
        "turn_text": turn.text,
    }
    return _unvalidated(TurnFinding, fields, set(_TURN_FINDING_FIELDS))


_TURN_FINDING_FIELDS = frozenset(TurnFinding.model_fields)


class RoleAssignment(BaseModel):
    """Which speaker was taken as the agent, how, and how sure (0..1)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    agent_speaker: str | None
    method: Literal["label", "config", "option", "auto", "none"]
    confidence: float = Field(ge=0.0, le=1.0)


def checked_role_assignment(agent_speaker: str | None, method: str, confidence: float) -> RoleAssignment:
    """The `RoleAssignment` these values make, built without pydantic's validation when they have their fields'
    exact types and range (as `roles` decides them, once a call), else validated. That both ways give the same
    object is tested."""
    if (
        (agent_speaker is None or type(agent_speaker) is str)
        and type(method) is str
        and method in _ROLE_METHODS
        and type(confidence) is float
        and 0.0 <= confidence <= 1.0
    ):
        fields = {"agent_speaker": agent_speaker, "method": method, "confidence": confidence}
        return _unvalidated(RoleAssignment, fields, set(_ROLE_ASSIGNMENT_FIELDS))
    return RoleAssignment(agent_speaker=agent_speaker, method=method, confidence=confidence)  # type: ignore[arg-type]


_ROLE_METHODS = frozenset(get_args(RoleAssignment.model_fields["method"].annotation))
_ROLE_ASSIGNMENT_FIELDS = frozenset(RoleAssignment.model_fields)


class CallResult(BaseModel):
    """Findings and figures for one call."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    call_id: str
    agent_id: str | None = None
    date: str | None = None
    roles: RoleAssignment
    findings: list[TurnFinding]
    turns: int
    agent_words: int
    customer_words: int
    source: str = ""
    line: int = 0
    turns_lost: int = Field(default=0, ge=0)  # unreadable turns of the call (see Call.turns_lost)
    # Conversation figures (None / empty without timestamps), and conversation rules skipped for lack of them.
    longest_agent_monologue_s: float | None = None
    holds: int = 0
    hold_durations_s: list[float] = Field(default_factory=list)
    conversation_rules_skipped: list[str] = Field(default_factory=list)

    @property
    def counts_by_code(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self.findings:
            counts[item.finding.code] = counts.get(item.finding.code, 0) + 1
        return dict(sorted(counts.items()))


def checked_call_result(fields: dict[str, Any]) -> CallResult:
    """The `CallResult(**fields)` of a call, every field given, built without pydantic's validation (which goes over
    every finding again). Only for values that already have their fields' exact types (`linting._check_window` makes
    them so); that both ways give the same result is tested."""
    return _unvalidated(CallResult, {name: fields[name] for name in _CALL_RESULT_FIELDS}, set(fields))


_CALL_RESULT_FIELDS = tuple(CallResult.model_fields)  # in the order pydantic keeps a result's values


# What a reader yields per input record, and what linting yields per record.
Record = Call | RecordError
Result = CallResult | RecordError
