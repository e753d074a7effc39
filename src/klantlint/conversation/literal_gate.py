"""A cue's literal gate: strings of which every match of the cue contains one, found in a text in one C-level scan.

Read from the cue's own alternatives (`regex_shape.required_literals`), so no cue has to list them by hand, and most
turns (which mention no agreement, no hold, no refusal) are turned away without running the cue's regex.
"""

from __future__ import annotations

import ahocorasick

from klantlint.conversation.regex_shape import required_literals


class LiteralGate:
    """Whether a text contains one of a set of strings (anywhere, not only as whole words)."""

    __slots__ = ("_automaton",)

    def __init__(self, pieces: frozenset[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for piece in sorted(pieces):
            self._automaton.add_word(piece, piece)
        self._automaton.make_automaton()

    def occurs_in(self, text: str) -> bool:
        return next(self._automaton.iter(text), None) is not None


def literal_gate(patterns: tuple[str, ...]) -> LiteralGate | None:
    """The gate of a cue with these alternatives: None when one of them has no literal that every match contains."""
    pieces: set[str] = set()
    for pattern in patterns:
        literals = required_literals(pattern)
        if literals is None:
            return None
        pieces |= literals
    return LiteralGate(frozenset(pieces)) if pieces else None
