"""Conversation rules (KL101-KL107): what only exists at the level of a whole call with two speakers.

They run on `Call`s (batch runs, `Linter.check_call`) and on dialogue scripts (`Agent:` / `Klant:` lines),
see the README. Every module here named `klNNN_*.py` contributes one `ConversationRule`.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterable

from klantlint.conversation.base import ConversationHit, ConversationRule
from klantlint.conversation.runner import CallOutcome, ConversationRunner
from klantlint.conversation.view import CallView, ViewTurn
from klantlint.engine.base import Rule
from klantlint.errors import RulePackError


def builtin_conversation_rules(phrase_rules: Iterable[Rule] = ()) -> list[ConversationRule]:
    """One instance of every built-in conversation rule, by code; a phrase rule with the same code is an error."""
    rules: list[ConversationRule] = []
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not module_info.name.startswith("kl"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, ConversationRule) and cls.__module__ == module.__name__ and hasattr(cls, "info"):
                rules.append(cls())
    taken = {rule.info.code: rule.info.source or "klantlint" for rule in phrase_rules}
    for rule in rules:
        if rule.info.code in taken:
            raise RulePackError(
                f"{taken[rule.info.code]}: {rule.info.code}: code wordt al gebruikt door de gespreksregel "
                f"{rule.info.name}; regelcodes moeten uniek zijn"
            )
    return sorted(rules, key=lambda rule: rule.info.code)


CONVERSATION_CODES = frozenset(rule.info.code for rule in builtin_conversation_rules())

__all__ = [
    "CONVERSATION_CODES",
    "CallOutcome",
    "CallView",
    "ConversationHit",
    "ConversationRule",
    "ConversationRunner",
    "ViewTurn",
    "builtin_conversation_rules",
]
