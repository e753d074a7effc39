"""Next steps an agent commits to: a call-back with a day or time, a transfer to a named person or department,
or a written confirmation. (The customer calling back, or advice to go elsewhere, is no next step.)"""

from __future__ import annotations

import re

from klantlint.conversation.cues import NEXT_STEP_TRANSFER, NEXT_STEP_WRITTEN, ORGANISATION_CALLS, TIME
from klantlint.conversation.view import CallView, ViewTurn

# A call-back names a day or time in the same sentence, near the call: "ik laat u morgen voor twaalf uur
# terugbellen", "morgen om tien uur belt mijn collega u".
TIME_WINDOW = 80
SENTENCE_END = re.compile(r"[.?!](?:\s|$)")
# Each kind of next step with the word pieces it cannot do without: a cheap test before the regex.
WRITTEN_PIECES = ("bevestig", "brief", "mail", "overzicht", "schriftelijk", "post", "papier", "sms", "zwart")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    before = [match.end() for match in SENTENCE_END.finditer(text, 0, start)]
    after = SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def call_back_in(text: str, from_offset: int = 0) -> bool:
    if "bel" not in text and "contact" not in text and "hoort" not in text:
        return False
    for match in ORGANISATION_CALLS.finditer(text, from_offset):
        first, last = _sentence_bounds(text, match.start(), match.end())
        window = (max(first, match.start() - TIME_WINDOW), min(last, match.end() + TIME_WINDOW))
        if TIME.search(text, *window):
            return True
    return False


def next_step_in(turn: ViewTurn, from_offset: int = 0) -> bool:
    text = turn.lower
    return (
        call_back_in(text, from_offset)
        or ("door" in text and NEXT_STEP_TRANSFER.search(text, from_offset) is not None)
        or (any(piece in text for piece in WRITTEN_PIECES) and NEXT_STEP_WRITTEN.search(text, from_offset) is not None)
    )


def first_next_step(view: CallView, turn_index: int, from_offset: int = 0) -> ViewTurn | None:
    """The first agent turn from `turn_index` (there, after `from_offset`) that commits to a next step."""
    for turn in view.agent_turns:
        if turn.index < turn_index:
            continue
        if next_step_in(turn, from_offset if turn.index == turn_index else 0):
            return turn
    return None
