"""A small read-only view of one call that every conversation rule shares.

Built once per call (from a `Call` with roles assigned, or from a dialogue script), it holds the turns with
their normalised text and timestamps, the phrase findings per turn, the call's direction and the names of
the organisation. Rules only read it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, TypeVar, cast

from klantlint.conversation.cues import GATES, OUTBOUND_OPENING
from klantlint.conversation.text import Cue, normalise
from klantlint.io.segments import Role

Direction = Literal["inbound", "outbound"]
T = TypeVar("T")
TurnRole = Role  # the speaker role of a turn (`klantlint.io.segments.Role`)
# Distinct turn texts whose cue matches are remembered across calls.
TEXT_FACTS_CAPACITY = 4096
# The key under which a text's facts hold the bits of the cues whose gate it passes (`CueGates.passed`).
_GATES_PASSED = "gates passed"


@lru_cache(maxsize=TEXT_FACTS_CAPACITY)
def _text_facts(text: str) -> tuple[str, dict[object, Any]]:
    """A turn text's normalised form and what was found in it so far: cue matches (keyed by cue) and facts (keyed
    by the function that derives them, see `ViewTurn.fact`). Turns repeat across calls ("Dank u wel en een fijne
    dag verder"), and both depend on the text alone, so every turn with the same text shares them."""
    return normalise(text), {}


class ViewTurn:
    """One turn: `index` is its position in the call; `lower` is `text` normalised (same length), computed once.

    Read-only by convention (a plain slotted class: a view is built for every call of a batch run). Rules ask
    for cues through `search`/`has`, and for other facts of the text through `fact`: each is worked out at most
    once per turn text however many rules ask.
    """

    __slots__ = (
        "_found",
        "end",
        "index",
        "is_agent",
        "is_customer",
        "lower",
        "phrase_findings",
        "role",
        "start",
        "text",
    )

    def __init__(
        self,
        index: int,
        role: TurnRole,
        text: str,
        start: float | None = None,
        end: float | None = None,
        phrase_findings: tuple[tuple[str, int, int], ...] = (),  # (code, start, end) of phrase findings in `text`
    ) -> None:
        self.index = index
        self.role = role
        self.text = text
        self.start = start
        self.end = end
        self.phrase_findings = phrase_findings
        self.lower, self._found = _text_facts(text)
        self.is_agent = role == "agent"
        self.is_customer = role == "customer"

    def __repr__(self) -> str:
        return f"ViewTurn({self.index}, {self.role!r}, {self.text!r}, start={self.start}, end={self.end})"

    def search(self, cue: Cue) -> re.Match[str] | None:
        """The first match of a (module-level) cue in `lower`, remembered."""
        found = self._found
        if cue in found:  # cues hash by identity
            return found[cue]
        match = found[cue] = cue.regex.search(self.lower) if self.may_have(cue) else None
        return match

    def has(self, cue: Cue) -> bool:
        """Whether the cue occurs in `lower` (as `search`, with `may_have` inlined: this runs for every cue on every
        turn)."""
        found = self._found
        if cue in found:
            return found[cue] is not None
        lower = self.lower
        bit = cue.bit
        if bit:
            passed = found.get(_GATES_PASSED)
            if passed is None:
                passed = found[_GATES_PASSED] = GATES.passed(lower)
            match = found[cue] = cue.regex.search(lower) if passed & bit else None
        else:
            match = found[cue] = cue.regex.search(lower) if cue.may_match(lower) else None
        return match is not None

    def may_have(self, cue: Cue) -> bool:
        """False when `lower` has none of the cue's gate strings (then no part of it matches the cue). The gates of
        the built-in cues are read for all of them in one pass over the text, once per text (`CueGates`)."""
        bit = cue.bit
        if not bit:
            return cue.may_match(self.lower)
        found = self._found
        passed = found.get(_GATES_PASSED)
        if passed is None:
            passed = found[_GATES_PASSED] = GATES.passed(self.lower)
        return passed & bit != 0

    def fact(self, derive: Callable[[ViewTurn], T]) -> T:
        """What `derive` says about this turn, worked out once per turn text. `derive` must be a module-level
        function that reads only the turn's `text` and `lower` (turns with the same text share its answer)."""
        found = self._found
        if derive in found:
            return cast(T, found[derive])
        value = found[derive] = derive(self)
        return value


@dataclass(frozen=True)
class CallView:
    """The turns of one call, with what the rules need to know about the call as a whole."""

    turns: tuple[ViewTurn, ...]
    organisations: tuple[str, ...] = ()
    given_direction: Direction | None = None
    _memo: dict[str, Any] = field(init=False, repr=False, compare=False)
    # The agent's next turn after each position (None after the agent's last turn).
    _next_agent: list[ViewTurn | None] = field(init=False, repr=False, compare=False)
    # Computed once in __post_init__ (cached_property takes a lock on every first access: too slow per call; a
    # property is a call on every read). `agent_turns`: the agent's turns, in call order.
    agent_turns: tuple[ViewTurn, ...] = field(init=False, repr=False, compare=False)
    has_start_times: bool = field(init=False, repr=False, compare=False)
    has_timestamps: bool = field(init=False, repr=False, compare=False)
    opening: ViewTurn | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        set_field = object.__setattr__
        turns = self.turns
        next_agent: list[ViewTurn | None] = [None] * len(turns)
        agent: list[ViewTurn] = []
        # Every agent and customer turn has a start time (enough to measure holds) / also an end time (overlap).
        spoken = missing_start = missing_end = False
        following: ViewTurn | None = None
        for position in range(len(turns) - 1, -1, -1):  # one pass, from the back
            next_agent[position] = following
            turn = turns[position]
            if turn.role == "unknown":
                continue
            spoken = True
            if turn.start is None:
                missing_start = True
            if turn.end is None:
                missing_end = True
            if turn.is_agent:
                agent.append(turn)
                following = turn
        agent.reverse()
        set_field(self, "agent_turns", tuple(agent))
        set_field(self, "_memo", {})
        set_field(self, "_next_agent", next_agent)
        set_field(self, "has_start_times", spoken and not missing_start)
        set_field(self, "has_timestamps", spoken and not missing_start and not missing_end)
        # The agent's first turn: the opening is judged on it alone.
        set_field(self, "opening", agent[0] if agent else None)

    def shared(self, key: str, compute: Callable[[CallView], T]) -> T:
        """What several rules derive from the call (the caller's names, the holds), computed once per call."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return cast(T, self._memo[key])

    @property
    def direction(self) -> Direction:
        """As given with the call, else outbound when the customer answers first or the agent says why they call."""
        if self.given_direction is not None:
            return self.given_direction
        return self.shared("direction", _told_direction)

    def next_agent_turn(self, index: int) -> ViewTurn | None:
        return self._next_agent[index]

    def between(self, first: int, last: int) -> tuple[ViewTurn, ...]:
        """The turns strictly between two turn indices."""
        return self.turns[first + 1 : last]


def _told_direction(view: CallView) -> Direction:
    """Outbound when the customer answers first or the agent's opening says why they call; else inbound."""
    first_spoken = next((turn for turn in view.turns if turn.role != "unknown"), None)
    if first_spoken is not None and first_spoken.is_customer and first_spoken.lower.strip():
        return "outbound"
    if view.opening is not None and view.opening.has(OUTBOUND_OPENING):
        return "outbound"
    return "inbound"
