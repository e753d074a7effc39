"""Surface helpers for conversation rules: normalised lowercase text, cue regexes and spans.

Conversation rules look at lowercased surface text, not at parses: batch runs see millions of calls.
Offsets found on the normalised text are offsets into the original turn text (normalising never changes
the length of a text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Typographic variants that transcripts and scripts mix; each maps to one character, so offsets stay put.
_SAME_LENGTH = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'", "é": "e", "è": "e", "ë": "e", "ï": "i"})


def normalise(text: str) -> str:
    """Lowercase text with quote and accent variants folded, always exactly as long as `text`."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower()[:1] or ch for ch in text)
    return lowered.translate(_SAME_LENGTH)


def compile_cues(*patterns: str) -> re.Pattern[str]:
    """One regex for a list of alternatives, each bounded by word edges; match it against `normalise`d text."""
    return re.compile("|".join(rf"(?:\b(?:{pattern})\b)" for pattern in patterns))


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def stripped_span(text: str) -> Span:
    """The whole text without surrounding whitespace (at least one character when the text has any)."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return Span(start, max(end, start + 1)) if text.strip() else Span(0, len(text))
