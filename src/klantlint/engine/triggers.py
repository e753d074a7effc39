"""The fast matcher core: which rules could fire on a text, decided from its raw characters.

Every rule declares the lowercase surface forms of which at least one must occur for it to be able to
fire (`Rule.triggers`), and may refine that with `Rule.may_fire`. All triggers compile into one scanner that
reads a text once; from what it finds, `klantlint.engine.candidates` picks the rules whose gates are asked at all,
and a text where no rule may fire needs no parse.

A gate must be sound: it may let through text where the rule stays quiet, never turn away text where the
rule's `check` fires. Only `fast` mode uses the gates; `full` mode runs every rule on every parsed text, so it
is the reference that "fast == full" tests hold the gates to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick

from klantlint.engine.base import Rule, RuleContext, UndeclaredRead

# A maximal run of word characters (`str.isalnum`; `[^\W_]` matches exactly those). "_" is no word character here:
# the tokenizer splits it off ("nee_" is "nee" + "_"), and a boundary too many only lets a gate pass more often,
# never less.
_WORD_RUN = re.compile(r"[^\W_]+")


class TriggerScanner:
    """Finds which trigger words occur in a text as whole words (case-insensitive).

    A trigger of word characters only occurs as a whole word exactly where it is one of the text's runs of word
    characters, so one regex pass and a set intersection find those; the few others ("e-mail", "firma's") are
    found with an Aho-Corasick automaton and a look at the characters on either side.
    """

    def __init__(self, words: Iterable[str]) -> None:
        lowered = {w.lower() for w in words if w}
        self._runs = frozenset(word for word in lowered if word.isalnum())
        self._automaton: ahocorasick.Automaton | None = None
        others = lowered - self._runs
        # Each of the others holds one of these characters, which a text must hold for it to occur there.
        self._joiners = frozenset(char for word in others for char in word if not char.isalnum())
        if others:
            self._automaton = ahocorasick.Automaton()
            for word in others:
                self._automaton.add_word(word, word)
            self._automaton.make_automaton()

    def scan(self, text: str) -> frozenset[str]:
        lowered = text.lower()
        found = self._runs.intersection(_WORD_RUN.findall(lowered)) if self._runs else frozenset()
        if self._automaton is None or not any(joiner in lowered for joiner in self._joiners):
            return found
        # Boundaries are checked on the lowered text (lower-casing may change the length, in rare Unicode).
        others = {word for end, word in self._automaton.iter(lowered) if _whole_word(lowered, end - len(word) + 1, end)}
        return found | others if others else found


def _whole_word(lowered: str, start: int, end: int) -> bool:
    """Whether `lowered[start : end + 1]` has no word character on either side."""
    before_ok = start == 0 or not lowered[start - 1].isalnum()
    return before_ok and (end + 1 == len(lowered) or not lowered[end + 1].isalnum())


def rules_that_may_fire(rules: list[Rule], text: str, found: frozenset[str], context: RuleContext) -> list[Rule]:
    try:
        return [rule for rule in rules if rule.may_fire(text, found, context)]
    except UndeclaredRead as error:
        failing = next(rule for rule in rules if _reads_undeclared(rule, text, found, context))
        raise UndeclaredRead(f"{failing.info.code} (may_fire): {error}") from None


def _reads_undeclared(rule: Rule, text: str, found: frozenset[str], context: RuleContext) -> bool:
    try:
        rule.may_fire(text, found, context)
    except UndeclaredRead:
        return True
    return False
