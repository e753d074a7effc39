"""Running one rule's gate and check directly, as the linter would for an agent's text."""

from __future__ import annotations

from klantlint import Config, Linter
from klantlint.engine.base import Rule, RuleContext
from klantlint.engine.triggers import TriggerScanner

# Every rule, opt-in ones too: tests of a rule's gate and check must see it whether or not it is in the default set.
ALL_RULES = Config(select=["ALL"])


def rule_of(linter: Linter, code: str) -> Rule:
    """The rule as the linter runs it: compiled against the pipeline (which a Linter loads on first need)."""
    linter.load()
    return next(rule for rule in linter.rules if rule.info.code == code)


def agent_context(linter: Linter, text: str) -> RuleContext:
    return RuleContext(config=linter.config, text=text, speaker="agent", document_segments=(text,))


def gate_passes(linter: Linter, code: str, text: str) -> bool:
    scanner = TriggerScanner(word for rule in linter.rules for word in (rule.triggers or ()))
    return rule_of(linter, code).may_fire(text, scanner.scan(text), agent_context(linter, text))


def check_fires(linter: Linter, code: str, texts: list[str]) -> list[bool]:
    """Whether the rule's `check` (without its gate) reports something on each text's full parse."""
    rule = rule_of(linter, code)
    docs = linter.nlp.pipe(texts)
    return [bool(list(rule.check(doc, agent_context(linter, text)))) for text, doc in zip(texts, docs, strict=True)]


def fires(linter: Linter, code: str, text: str) -> bool:
    """Whether the rule's `check` fires on one text (its gate not asked)."""
    return check_fires(linter, code, [text])[0]


def reported(linter: Linter, code: str, text: str) -> bool:
    """What the linter reports in fast mode: the gate must let the text through and `check` must fire."""
    return gate_passes(linter, code, text) and fires(linter, code, text)
