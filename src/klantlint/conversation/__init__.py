"""Conversation rules (KL101-KL107): what only exists at the level of a whole call with two speakers.

They run on `Call`s (batch runs, `klantlint.transcripts.linting`) and on dialogue scripts (`Agent:` / `Klant:` lines),
see the README. Every module here named `klNNN_*.py` contributes one `ConversationRule`; installed packages add
theirs under the entry-point group `klantlint.conversation_rules` (`plugin_conversation_rules`).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from klantlint.conversation.base import ConversationHit, ConversationRule
from klantlint.conversation.runner import CallOutcome, ConversationRunner
from klantlint.conversation.view import CallView, ViewTurn
from klantlint.engine.packs import EntryPointSource, plugin_instances

ENTRY_POINT_GROUP = "klantlint.conversation_rules"


def builtin_conversation_rules() -> list[ConversationRule]:
    """One instance of every built-in conversation rule, by code (`klantlint.catalogue` checks codes are unique)."""
    rules: list[ConversationRule] = []
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not module_info.name.startswith("kl"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, ConversationRule) and cls.__module__ == module.__name__ and hasattr(cls, "info"):
                rules.append(cls())
    return sorted(rules, key=lambda rule: rule.info.code)


def plugin_conversation_rules(installed: EntryPointSource | None = None) -> list[ConversationRule]:
    """Fresh instances of the conversation rules installed packages register (a class or a factory each), from
    `installed` if given (see `engine.packs.installed_entry_points`)."""
    return plugin_instances(ENTRY_POINT_GROUP, ConversationRule, installed)


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
    "plugin_conversation_rules",
]
