"""Bit masks keyed by substrings, looked up together: which of many gate strings occur in a text, in one pass.

The rules' candidate cues (`engine.candidates`) and the conversation cues' gates (`conversation.text.CueGates`)
both give each owner a bit and each substring the bits of the owners it serves; a text's mask is the union of the
masks of the substrings in it. One Aho-Corasick automaton reads the text once, in C, however many substrings there
are.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Mapping

import ahocorasick

_MASK = operator.itemgetter(1)


class SubstringMasks:
    """`masks` (substring → bits), ready to be looked up in texts."""

    def __init__(self, masks: Mapping[str, int]) -> None:
        self._automaton: ahocorasick.Automaton | None = None
        if masks:
            self._automaton = ahocorasick.Automaton()
            for substring, bits in masks.items():
                self._automaton.add_word(substring, bits)
            self._automaton.make_automaton()

    def found(self, text: str) -> int:
        """The union of the masks of the substrings that occur in `text` (0 when none does)."""
        if self._automaton is None:
            return 0
        # map and reduce run in C: no Python code runs per substring found.
        return functools.reduce(operator.or_, map(_MASK, self._automaton.iter(text)), 0)
