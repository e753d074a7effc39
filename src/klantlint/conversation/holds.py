"""Holds: the agent announces one, may check back in, and comes back.

An episode starts at an agent turn that announces a hold ("ik zet u even in de wacht", "momentje", "dat
duurt ongeveer twee minuten", "ik kijk waar uw pakket is, dertig seconden"); it lasts until the agent's next
turn that is not a check-in ("nog even geduld"). A check-in restarts the clock (with the duration it names,
else 60 seconds). When the caller and the agent go on talking instead (the caller says more than a few words),
it was no hold.
"""

from __future__ import annotations

from dataclasses import dataclass

from klantlint.conversation.cues import HOLD_ANNOUNCEMENT, HOLD_CHECK_IN, HOLD_RETURN
from klantlint.conversation.durations import announced_seconds
from klantlint.conversation.view import CallView, ViewTurn

DEFAULT_HOLD_SECONDS = 60.0
# A silence this long after an agent turn that announces nothing is a hold all the same (the labelled calls have
# no other gap over 15 s); it is judged against the default.
SILENT_HOLD_SECONDS = 30.0
# More than this many customer words between announcement and the agent's next turn: a conversation, no hold.
MAX_CUSTOMER_WORDS_DURING_HOLD = 20


@dataclass(frozen=True)
class Wait:
    """One stretch of waiting: from `since` (seconds) until the agent's next turn, `allowed` seconds promised."""

    announced_by: int
    next_agent_turn: int | None
    since: float | None
    allowed: float
    waited: float | None

    @property
    def overrun(self) -> bool:
        return self.waited is not None and self.waited > self.allowed


@dataclass(frozen=True)
class Hold:
    """An episode: the announcing turn, the waits in it (one per check-in, plus one), and its total length."""

    announced_at: int
    announced_seconds: float | None
    waits: tuple[Wait, ...]
    # False for a silence the agent did not announce ("ik kijk even" and then two minutes nothing).
    announced: bool = True

    @property
    def duration(self) -> float | None:
        first, last = self.waits[0], self.waits[-1]
        if first.since is None or last.waited is None or last.since is None:
            return None
        return round(last.since + last.waited - first.since, 1)


def announces_hold(turn: ViewTurn) -> bool:
    return turn.has(HOLD_ANNOUNCEMENT)


def is_check_in(turn: ViewTurn) -> bool:
    return turn.has(HOLD_CHECK_IN) and not turn.has(HOLD_RETURN)


def _wait_start(view: CallView, turn: ViewTurn) -> float | None:
    """When waiting starts: the end of the announcing turn, else the start of the next turn, else its start."""
    if turn.end is not None:
        return turn.end
    following = view.turns[turn.index + 1] if turn.index + 1 < len(view.turns) else None
    if following is not None and following.start is not None:
        return following.start
    return turn.start


def _customer_words(turns: tuple[ViewTurn, ...]) -> int:
    return sum(len(turn.lower.split()) for turn in turns if turn.is_customer)


def _silent_hold(view: CallView, turn: ViewTurn) -> Hold | None:
    """A long silence after an agent turn that announces no hold, until the agent speaks again: the customer says
    no more than a few words in it and does not go away themselves ("momentje, ik pak mijn pas erbij")."""
    following = view.next_agent_turn(turn.index)
    if following is None or following.start is None:
        return None
    since = _wait_start(view, turn)
    # Most gaps are short: rounding cannot lift a gap of at most the limit above it, so only a longer one is rounded.
    if since is None or following.start - since <= SILENT_HOLD_SECONDS:
        return None
    waited = round(following.start - since, 1)
    if waited <= SILENT_HOLD_SECONDS:
        return None
    return quiet_wait(view, turn, following, since, waited)


def quiet_wait(view: CallView, turn: ViewTurn, following: ViewTurn, since: float, waited: float) -> Hold | None:
    """The silent hold of `waited` seconds from `turn` to the agent's `following` turn, unless the customer says more
    than a few words in it or announces a wait themselves."""
    between = view.between(turn.index, following.index)
    if _customer_words(between) > MAX_CUSTOMER_WORDS_DURING_HOLD or any(t.has(HOLD_ANNOUNCEMENT) for t in between):
        return None
    wait = Wait(turn.index, following.index, since, DEFAULT_HOLD_SECONDS, waited)
    return Hold(turn.index, None, (wait,), announced=False)


def holds(view: CallView) -> list[Hold]:
    """Every hold episode in the call, in order."""
    return view.shared("holds", _holds)


def _holds(view: CallView) -> list[Hold]:
    found: list[Hold] = []
    agent_turns = view.agent_turns
    position = 0
    while position < len(agent_turns):
        turn = agent_turns[position]
        position += 1
        if not announces_hold(turn):
            silent = _silent_hold(view, turn)
            if silent is not None:
                found.append(silent)
            continue
        announced = announced_seconds(turn.lower)
        allowed = announced if announced is not None else DEFAULT_HOLD_SECONDS
        waits: list[Wait] = []
        current = turn
        while True:
            following = view.next_agent_turn(current.index)
            end = following.index if following is not None else len(view.turns)
            if _customer_words(view.between(current.index, end)) > MAX_CUSTOMER_WORDS_DURING_HOLD:
                break
            since = _wait_start(view, current)
            waited = (
                round(following.start - since, 1)
                if following is not None and following.start is not None and since is not None
                else None
            )
            wait = Wait(current.index, following.index if following else None, since, allowed, waited)
            waits.append(wait)
            if following is None or wait.overrun or not is_check_in(following):
                break
            # A check-in announces a new hold: the duration it names, else the default.
            renewed = announced_seconds(following.lower)
            allowed = renewed if renewed is not None else DEFAULT_HOLD_SECONDS
            current = following
            position += 1
        if waits:
            found.append(Hold(turn.index, announced, tuple(waits)))
    return found
