"""What follows a refusal: a next step the agent commits to (a call-back with a day or time, a transfer to a named
person or department, a written confirmation), or an alternative the customer takes. (The customer calling back,
advice to go elsewhere, or an alternative the customer turns down resolve nothing.)"""

from __future__ import annotations

import re

from klantlint.conversation.cues import (
    ALTERNATIVE_OFFER,
    NEXT_STEP_TRANSFER,
    NEXT_STEP_WRITTEN,
    ORGANISATION_CALLS,
    TIME,
)
from klantlint.conversation.replies import taken
from klantlint.conversation.view import CallView, ViewTurn

# A call-back names a day or time in the same sentence, near the call: "ik laat u morgen voor twaalf uur
# terugbellen", "morgen om tien uur belt mijn collega u".
TIME_WINDOW = 80
SENTENCE_END = re.compile(r"[.?!](?:\s|$)")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    before = [match.end() for match in SENTENCE_END.finditer(text, 0, start)]
    after = SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def call_back_in(text: str, from_offset: int = 0) -> bool:
    for match in ORGANISATION_CALLS.finditer(text, from_offset):
        first, last = _sentence_bounds(text, match.start(), match.end())
        window = (max(first, match.start() - TIME_WINDOW), min(last, match.end() + TIME_WINDOW))
        if TIME.search(text, *window):
            return True
    return False


def next_step_in(turn: ViewTurn, from_offset: int = 0) -> bool:
    """Whether the turn (after `from_offset`) commits to a call-back, a transfer or something in writing; for the
    whole turn worked out once per turn text (the closing and the refusal rules both ask)."""
    if from_offset == 0:
        return turn.fact(_next_step_anywhere)
    return _next_step_after(turn, from_offset)


def _next_step_anywhere(turn: ViewTurn) -> bool:
    return _next_step_after(turn, 0)


def _next_step_after(turn: ViewTurn, from_offset: int) -> bool:
    """The cues' regexes run only on a turn that passes their gates (`ViewTurn.may_have`, one pass for all)."""
    lower = turn.lower
    return (
        (turn.may_have(ORGANISATION_CALLS) and call_back_in(lower, from_offset))
        or (turn.may_have(NEXT_STEP_TRANSFER) and NEXT_STEP_TRANSFER.regex.search(lower, from_offset) is not None)
        or (turn.may_have(NEXT_STEP_WRITTEN) and NEXT_STEP_WRITTEN.regex.search(lower, from_offset) is not None)
    )


def first_next_step(view: CallView, turn_index: int, from_offset: int = 0) -> ViewTurn | None:
    """The first agent turn from `turn_index` (there, after `from_offset`) that commits to a next step."""
    for turn in view.agent_turns:
        if turn.index < turn_index:
            continue
        if next_step_in(turn, from_offset if turn.index == turn_index else 0):
            return turn
    return None


def accepted_alternative(view: CallView, refusal: ViewTurn, from_offset: int = 0) -> bool:
    """An agent turn from the refusal on (there, after `from_offset`) offers an alternative ("ik kan uw abonnement
    wel omzetten", "wel kan ik het bedrag omzetten in een waardebon") and the customer's reply takes it."""
    for turn in view.agent_turns:
        if turn.index < refusal.index or not turn.has(ALTERNATIVE_OFFER):
            continue
        if turn.index == refusal.index and ALTERNATIVE_OFFER.search(turn.lower, from_offset) is None:
            continue
        if taken(view, turn):
            return True
    return False
