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

from collections.abc import Iterable

import ahocorasick

from klantlint.engine.base import Rule, RuleContext, UndeclaredRead


class TriggerScanner:
    """Finds which trigger words occur in a text as whole words (case-insensitive).

    One Aho-Corasick automaton finds every occurrence; only an occurrence (a few per text) has its two neighbouring
    characters looked at. "_" is no word character here: the tokenizer splits it off ("nee_" is "nee" + "_"), and a
    boundary too many only lets a gate pass more often, never less.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._automaton: ahocorasick.Automaton | None = None
        lowered = {w.lower() for w in words if w}
        if lowered:
            self._automaton = ahocorasick.Automaton()
            for word in lowered:
                self._automaton.add_word(word, (word, len(word)))
            self._automaton.make_automaton()

    def scan(self, text: str, *, lowered: str | None = None) -> frozenset[str]:
        """The trigger words in `text`; `lowered` is `text.lower()`, when the caller has it already."""
        if self._automaton is None:
            return frozenset()
        # Boundaries are checked on the lowered text (lower-casing may change the length, in rare Unicode), padded
        # with a space on either side, outside the stretch searched, so that every occurrence has two neighbours.
        padded = f" {text.lower() if lowered is None else lowered} "
        return frozenset(
            word
            for end, (word, length) in self._automaton.iter(padded, 1, len(padded) - 1)
            if not padded[end + 1].isalnum() and not padded[end - length].isalnum()
        )


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
