"""Call transcripts as data: calls made of turns, and what linting a call produced.

Their validators are built on first use (`defer_build`): commands that read no transcript never pay for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from klantlint.findings import Finding
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


class RoleAssignment(BaseModel):
    """Which speaker was taken as the agent, how, and how sure (0..1)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    agent_speaker: str | None
    method: Literal["label", "config", "option", "auto", "none"]
    confidence: float = Field(ge=0.0, le=1.0)


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


# What a reader yields per input record, and what linting yields per record.
Record = Call | RecordError
Result = CallResult | RecordError
