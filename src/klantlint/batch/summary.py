"""Per-call summary records and the call score.

Score (0-100): 100 minus 10 points per weighted finding per 100 agent words, never below 0, where an
error weighs 5, a warning 2 and an info 0.5. A call with 300 agent words and two warnings scores
100 - 10 * (4 / 3) = 86.7; a call without agent words scores 100 when it has no findings.
"""

from __future__ import annotations

from typing import Any

from klantlint.conversation import CONVERSATION_CODES
from klantlint.findings import Finding
from klantlint.transcripts.models import CallResult, TurnFinding

SEVERITY_WEIGHTS = {"error": 5.0, "warning": 2.0, "info": 0.5}
POINTS_PER_WEIGHTED_FINDING_PER_100_WORDS = 10.0


def call_score(result: CallResult) -> float:
    weighted = sum(SEVERITY_WEIGHTS[item.finding.severity] for item in result.findings)
    if weighted == 0:
        return 100.0
    per_100_words = weighted * 100 / max(result.agent_words, 1)
    return round(max(0.0, 100.0 - POINTS_PER_WEIGHTED_FINDING_PER_100_WORDS * per_100_words), 1)


def summary_record(
    result: CallResult, *, duplicate_call_id: bool = False, conversation_codes: frozenset[str] = CONVERSATION_CODES
) -> dict[str, Any]:
    """One summary line; `duplicate_call_id` marks a call whose id an earlier call of the run already had.
    `conversation_codes`: the codes listed under `conversation_rules` (the run's, plugins included)."""
    words = result.agent_words + result.customer_words
    return {
        "call_id": result.call_id,
        "agent_id": result.agent_id,
        "date": result.date,
        "source": result.source,
        "line": result.line,
        "agent_speaker": result.roles.agent_speaker,
        "role_method": result.roles.method,
        "role_confidence": result.roles.confidence,
        "turns": result.turns,
        "agent_words": result.agent_words,
        "customer_words": result.customer_words,
        "agent_talk_share": round(result.agent_words / words, 3) if words else 0.0,
        "findings": len(result.findings),
        "findings_per_100_agent_words": round(len(result.findings) * 100 / result.agent_words, 2)
        if result.agent_words
        else 0.0,
        "score": call_score(result),
        "counts": result.counts_by_code,
        "longest_agent_monologue_s": result.longest_agent_monologue_s,
        "holds": result.holds,
        "hold_durations_s": result.hold_durations_s,
        "conversation_rules": sorted({f.finding.code for f in result.findings} & conversation_codes),
        "conversation_rules_skipped": result.conversation_rules_skipped,
        "incomplete": result.turns_lost > 0,
        "turns_lost": result.turns_lost,
        "duplicate_call_id": duplicate_call_id,
    }


def finding_records(result: CallResult) -> list[dict[str, Any]]:
    """The findings file's lines for one call. Where each position points:

    - `source`, `record_line`: the input file and the line of the call's record (its first turn's in
      turn-per-line input), as in the summary and errors files;
    - `turn_line`: the input line of the finding's turn, when known (see `Turn.line`);
    - `start`/`end` (character offsets), `line_in_turn` and `column` (1-based): positions inside `turn_text`.
    """
    return [_finding_record(result, item) for item in result.findings]


def finding_fields(finding: Finding) -> dict[str, Any]:
    """`finding.model_dump()`, read straight from the finding's values: its fields are plain values but for the
    suggestions, and pydantic's serializer costs some 3 µs a finding of a batch run."""
    if type(finding) is not Finding or finding.__pydantic_extra__:  # a subclass may dump more, or otherwise
        return finding.model_dump()
    fields = dict(finding.__dict__)
    fields["suggestions"] = [suggestion.model_dump() for suggestion in fields["suggestions"]]
    return fields


def _finding_record(result: CallResult, item: TurnFinding) -> dict[str, Any]:
    finding = finding_fields(item.finding)
    line_in_turn = finding.pop("line")
    return {
        "call_id": result.call_id,
        "agent_id": result.agent_id,
        "source": result.source,
        "record_line": result.line,
        "turn_index": item.turn_index,
        "turn_line": item.turn_line,
        "speaker": item.speaker,
        "role": item.role,
        "turn_start": item.turn_start,
        "turn_end": item.turn_end,
        **finding,
        "line_in_turn": line_in_turn,
        "turn_text": item.turn_text,
    }
