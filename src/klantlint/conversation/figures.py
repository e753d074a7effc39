"""Per-call figures for the batch summary: longest agent monologue and holds."""

from __future__ import annotations

from dataclasses import dataclass, field

from klantlint.conversation.holds import holds
from klantlint.conversation.view import CallView

# With timing known, a hold counts when the caller actually waited at least this long.
MIN_HOLD_SECONDS = 5.0
# A longer silence between two agent turns ends a monologue.
MAX_PAUSE_IN_MONOLOGUE = 3.0


@dataclass(frozen=True)
class CallFigures:
    longest_agent_monologue_s: float | None = None
    holds: int = 0
    hold_durations_s: list[float] = field(default_factory=list)


def longest_agent_monologue(view: CallView) -> float | None:
    """Seconds from the start to the end of the longest run of agent turns with no customer turn between and no
    pause longer than `MAX_PAUSE_IN_MONOLOGUE` (a hold is silence, not talk)."""
    if not view.has_timestamps:
        return None
    longest = 0.0
    run_start: float | None = None
    run_end = 0.0
    for turn in view.turns:
        if turn.is_customer:
            run_start = None
        elif turn.is_agent and turn.start is not None and turn.end is not None:
            if run_start is None or turn.start - run_end > MAX_PAUSE_IN_MONOLOGUE:
                run_start = turn.start
            run_end = turn.end
            longest = max(longest, run_end - run_start)
    return round(longest, 1)


def call_figures(view: CallView) -> CallFigures:
    episodes = holds(view)
    if view.has_start_times:
        durations = [hold.duration for hold in episodes]
        measured = [duration for duration in durations if duration is not None and duration >= MIN_HOLD_SECONDS]
        count = len(measured)
    else:
        measured, count = [], len(episodes)
    return CallFigures(longest_agent_monologue(view), count, measured)
