"""A small read-only view of one call that every conversation rule shares.

Built once per call (from a `Call` with roles assigned, or from a dialogue script), it holds the turns with
their normalised text and timestamps, the phrase findings per turn, the call's direction and the names of
the organisation. Rules only read it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, TypeVar, cast

from klantlint.conversation.cues import OUTBOUND_OPENING
from klantlint.conversation.text import normalise

Direction = Literal["inbound", "outbound"]
T = TypeVar("T")
TurnRole = Literal["agent", "customer", "unknown"]


@dataclass(frozen=True)
class ViewTurn:
    """One turn: `index` is its position in the call; `lower` is `text` normalised (same length)."""

    index: int
    role: TurnRole
    text: str
    start: float | None = None
    end: float | None = None
    phrase_findings: tuple[tuple[str, int, int], ...] = ()  # (code, start, end) of phrase findings in `text`

    @cached_property
    def lower(self) -> str:
        return normalise(self.text)

    @property
    def is_agent(self) -> bool:
        return self.role == "agent"

    @property
    def is_customer(self) -> bool:
        return self.role == "customer"


@dataclass(frozen=True)
class CallView:
    """The turns of one call, with what the rules need to know about the call as a whole."""

    turns: tuple[ViewTurn, ...]
    organisations: tuple[str, ...] = ()
    given_direction: Direction | None = None
    _agent: tuple[ViewTurn, ...] = field(init=False, repr=False, compare=False)
    _memo: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_agent", tuple(turn for turn in self.turns if turn.is_agent))
        object.__setattr__(self, "_memo", {})

    def shared(self, key: str, compute: Callable[[CallView], T]) -> T:
        """What several rules derive from the call (the caller's names, the holds), computed once per call."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return cast(T, self._memo[key])

    @property
    def agent_turns(self) -> tuple[ViewTurn, ...]:
        return self._agent

    @cached_property
    def has_start_times(self) -> bool:
        """Every agent and customer turn has a start time (enough to measure holds)."""
        spoken = [turn for turn in self.turns if turn.role != "unknown"]
        return bool(spoken) and all(turn.start is not None for turn in spoken)

    @cached_property
    def has_timestamps(self) -> bool:
        """Every agent and customer turn has a start and an end time (enough to measure overlap)."""
        spoken = [turn for turn in self.turns if turn.role != "unknown"]
        return bool(spoken) and all(turn.start is not None and turn.end is not None for turn in spoken)

    @cached_property
    def opening(self) -> ViewTurn | None:
        """The agent's first turn: the opening is judged on it alone."""
        return self._agent[0] if self._agent else None

    @cached_property
    def direction(self) -> Direction:
        """As given with the call, else outbound when the customer answers first or the agent says why they call."""
        if self.given_direction is not None:
            return self.given_direction
        first_spoken = next((turn for turn in self.turns if turn.role != "unknown"), None)
        if first_spoken is not None and first_spoken.is_customer and first_spoken.lower.strip():
            return "outbound"
        if self.opening is not None and OUTBOUND_OPENING.search(self.opening.lower):
            return "outbound"
        return "inbound"

    def next_agent_turn(self, index: int) -> ViewTurn | None:
        return next((turn for turn in self.turns[index + 1 :] if turn.is_agent), None)

    def between(self, first: int, last: int) -> tuple[ViewTurn, ...]:
        """The turns strictly between two turn indices."""
        return self.turns[first + 1 : last]
