"""The fast matcher core: which rules could fire on a text, decided from its raw characters.

Every rule declares the lowercase surface forms of which at least one must occur for it to be able to
fire (`Rule.triggers`), and may refine that with `Rule.may_fire`. All triggers compile into one
Aho-Corasick automaton that scans a text once; a text where no rule may fire needs no parse at all.

A gate must be sound: it may let through text where the rule stays quiet, never turn away text where the
rule's `check` fires. Only `fast` mode uses the gates; `full` mode runs every rule on every parsed text, so it
is the reference that "fast == full" tests hold the gates to.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick

from klantlint.engine.base import Rule, RuleContext, UndeclaredRead


def _is_word_char(char: str) -> bool:
    # "_" is no word character here: the tokenizer splits it off ("nee_" is "nee" + "_"), and a boundary too many
    # only lets a gate pass more often, never less.
    return char.isalnum()


class TriggerScanner:
    """Finds which trigger words occur in a text as whole words (case-insensitive)."""

    def __init__(self, words: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        self._empty = True
        for word in {w.lower() for w in words if w}:
            self._automaton.add_word(word, word)
            self._empty = False
        if not self._empty:
            self._automaton.make_automaton()

    def scan(self, text: str) -> frozenset[str]:
        if self._empty:
            return frozenset()
        lowered = text.lower()
        if len(lowered) != len(text):
            # Lower-casing changed the length (rare Unicode); boundaries are then checked on the lowered text.
            text = lowered
        found = set()
        for end, word in self._automaton.iter(lowered):
            start = end - len(word) + 1
            before_ok = start == 0 or not _is_word_char(lowered[start - 1])
            after_ok = end + 1 == len(lowered) or not _is_word_char(lowered[end + 1])
            if before_ok and after_ok:
                found.add(word)
        return frozenset(found)


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
