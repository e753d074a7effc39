"""The first stage of fast mode's gate: from one scan of a text, the rules whose `may_fire` is worth asking.

Each rule states what its gate needs in a text (`Rule.cues`: for most, one of its trigger words). The cues of all
rules compile into one lookup from trigger word to the cues it meets and one Aho-Corasick automaton over their
substrings, so a text costs the trigger scan and one pass of the automaton, and the per-rule Python gates run only
for the rules whose cues are all met: on an agent turn a rule or two, often none. The cues are sound as the gates
are: where one is not met, the rule's gate is false, so asking only the candidates gives the same rules as asking
every gate.
"""

from __future__ import annotations

from collections.abc import Sequence

from klantlint.engine.base import Rule
from klantlint.engine.substring_masks import SubstringMasks

# How many combinations of met cues keep their candidates (a handful occur in practice; this bounds the memory).
PICKED_CAPACITY = 4096


class CandidateRules:
    """Picks, among `rules`, those whose cues a text meets (a rule without cues always).

    `words` are the cue words: the trigger scan whose findings `pick` is handed must look for all of them (besides
    the rules' triggers, a cue may name words its gate counts on, such as KL009's "keer" or "vaak")."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self._rules = list(rules)
        # A bit per cue: the words and substrings that meet each cue, and the cues each rule needs.
        self._word_bits: dict[str, int] = {}
        substring_bits: dict[str, int] = {}
        self._needed: list[int] = []
        bit = 1
        for rule in self._rules:
            needed = 0
            for cue in rule.cues() or ():
                _check_words(rule, cue.words)
                if "" in cue.substrings:
                    continue  # met by every text
                for word in cue.words:
                    self._word_bits[word] = self._word_bits.get(word, 0) | bit
                for substring in cue.substrings:
                    substring_bits[substring] = substring_bits.get(substring, 0) | bit
                needed |= bit
                bit <<= 1
            self._needed.append(needed)
        self.words = frozenset(self._word_bits)
        self._substrings = SubstringMasks(substring_bits)
        # The candidates for each combination of met cues seen so far (few combinations occur).
        self._picked: dict[int, list[Rule]] = {}

    def pick(self, text: str, found: frozenset[str], *, lowered: str | None = None) -> list[Rule]:
        """The rules (in order) whose cues `text` meets, where `found` holds the trigger words found in it;
        `lowered` is `text.lower()`, when the caller has it already."""
        met = 0
        word_bits = self._word_bits
        for word in found:
            met |= word_bits.get(word, 0)
        met |= self._substrings.found(text.lower() if lowered is None else lowered)
        picked = self._picked.get(met)
        if picked is None:
            if len(self._picked) >= PICKED_CAPACITY:
                self._picked.clear()
            picked = self._picked[met] = [
                rule for rule, needed in zip(self._rules, self._needed, strict=True) if needed & met == needed
            ]
        return picked


def _check_words(rule: Rule, words: frozenset[str]) -> None:
    """A cue's words are looked up among the lowercase words the trigger scan finds: a word with a capital, a space
    at an end or nothing in it would never be met."""
    odd = sorted(word for word in words if word != word.lower() or word != word.strip() or not word)
    if odd:
        raise TypeError(f"{rule.info.code}: the words of a cue must be lowercase words (not: {', '.join(odd)})")
