"""Splitting a (masked) script into segments: paragraphs, and one segment per speaker turn.

A line that starts with a speaker label (`Agent:`, `**Klant:**`, `- Medewerker:`) starts a new turn;
customer turns are context and are not linted for phrasing. Labels themselves are not prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Role = Literal["agent", "customer", "unknown"]

AGENT_LABELS = frozenset(
    {
        "agent",
        "medewerker",
        "medewerkster",
        "mdw",
        "a",
        "operator",
        "adviseur",
        "servicemedewerker",
        "klantenservice",
        "callcenter",
        "verkoper",
        "beller (agent)",
    }
)
CUSTOMER_LABELS = frozenset({"klant", "k", "beller", "customer", "caller", "cliënt", "client", "prospect", "relatie"})
# A timestamp may stand before the label: "[00:12] Agent:", "[0:05-0:09] **Klant:**" (transcripts pasted as a script).
TIMESTAMP_PREFIX = r"(?:\[[0-9:.,\s>–—-]{1,40}\][ \t]*+)?"
# Every run of blanks is taken whole (`*+`, `++`) and the name starts with no blank, so a line of 10,000 spaces is
# read once, not once per way of sharing its blanks between the prefix and the name.
LABEL = re.compile(
    rf"^(?P<prefix>[ \t]*+(?:[-*+>][ \t]++)?{TIMESTAMP_PREFIX}(?:\*\*|__)? *+)"
    r"(?P<name>[A-Za-zÀ-ÿ()][A-Za-zÀ-ÿ() ]{0,29}?)[ \t]*+"
    r"(?P<colon>:(?:\*\*|__)?|(?:\*\*|__):)[ \t]*+"
)


@dataclass(frozen=True)
class Segment:
    """A stretch of text to parse on its own: `text == source[start:start + len(text)]`."""

    start: int
    text: str
    role: Role


def role_of(label: str) -> Role | None:
    name = label.strip().lower()
    if name in AGENT_LABELS:
        return "agent"
    if name in CUSTOMER_LABELS:
        return "customer"
    return None


def split_segments(masked: str) -> list[Segment]:
    """Segments of non-blank text; speaker labels blanked; roles from the labels ("unknown" without)."""
    segments: list[Segment] = []
    current_start: int | None = None
    current_role: Role = "unknown"
    position = 0

    def close(end: int) -> None:
        nonlocal current_start
        if current_start is not None:
            piece = masked[current_start:end]
            stripped_end = current_start + len(piece.rstrip())
            if masked[current_start:stripped_end].strip():
                segments.append(Segment(current_start, masked[current_start:stripped_end], current_role))
        current_start = None

    for line in masked.splitlines(keepends=True):
        line_start = position
        position += len(line)
        if not line.strip():
            close(line_start)
            current_role = "unknown"
            continue
        label = LABEL.match(line)
        role = role_of(label.group("name")) if label else None
        if label and role is not None:
            close(line_start)
            current_role = role
            current_start = line_start + label.end()
            continue
        if current_start is None:
            current_start = line_start + (len(line) - len(line.lstrip()))
    close(position)
    return segments


# The longest text sent to the statistical pipeline in one piece (see README, "Long text"). A longer segment is cut
# into pieces (nothing is dropped): after the last sentence mark in the second half of the allowance, else at the
# last blank there, else at the limit itself. Rules then never see more than this much text at once.
MAX_PARSE_CHARS = 5_000
SENTENCE_MARK_END = re.compile(r"[.?!…][\"'”’)\]]*+\s")


def pieces(segment: Segment, limit: int = MAX_PARSE_CHARS) -> list[Segment]:
    """`segment` cut into contiguous pieces of at most `limit` characters (one piece when it is short enough).
    The pieces' texts, joined, are the segment's text; blank pieces are left out."""
    if len(segment.text) <= limit:
        return [segment]
    found: list[Segment] = []
    text, start = segment.text, 0
    while len(text) - start > limit:
        cut = _cut_point(text, start, limit)
        if text[start:cut].strip():
            found.append(Segment(segment.start + start, text[start:cut], segment.role))
        start = cut
    if text[start:].strip():
        found.append(Segment(segment.start + start, text[start:], segment.role))
    return found


def _cut_point(text: str, start: int, limit: int) -> int:
    """Where to end the piece of `text` that starts at `start`: see `MAX_PARSE_CHARS`."""
    low, high = start + limit // 2, start + limit
    marks = [match.end() for match in SENTENCE_MARK_END.finditer(text, low, high)]
    if marks:
        return marks[-1]
    for position in range(high, low, -1):
        if text[position - 1].isspace():
            return position
    return high
