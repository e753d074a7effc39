"""klantlint: lints Dutch customer-service phrasing and proposes customer-friendly rewrites.

>>> import klantlint
>>> [f.code for f in klantlint.check("Wat was uw naam ook alweer?")]
['KL001']

The names below are imported on first use (PEP 562), so that `klantlint rules`, `klantlint explain` and a check
in which no rule can fire do not pay for the linting machinery they do not run.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from klantlint.api import Linter, check, fix, rules
    from klantlint.config import Config
    from klantlint.conversation import CallView, ConversationHit, ConversationRule
    from klantlint.engine.base import Explanation, Hit, ProposedFix, Rule, RuleContext, RuleInfo, RuleOptions
    from klantlint.engine.declarative import DeclarativeRule
    from klantlint.findings import Finding, FixResult, Suggestion
    from klantlint.nlp.pipeline import load_pipeline

__version__ = "0.1.0"

# Public name -> the module that defines it.
_EXPORTS = {
    "CallView": "klantlint.conversation",
    "Config": "klantlint.config",
    "ConversationHit": "klantlint.conversation",
    "ConversationRule": "klantlint.conversation",
    "DeclarativeRule": "klantlint.engine.declarative",
    "Explanation": "klantlint.engine.base",
    "Finding": "klantlint.findings",
    "FixResult": "klantlint.findings",
    "Hit": "klantlint.engine.base",
    "Linter": "klantlint.api",
    "ProposedFix": "klantlint.engine.base",
    "Rule": "klantlint.engine.base",
    "RuleContext": "klantlint.engine.base",
    "RuleInfo": "klantlint.engine.base",
    "RuleOptions": "klantlint.engine.base",
    "Suggestion": "klantlint.findings",
    "check": "klantlint.api",
    "fix": "klantlint.api",
    "load_pipeline": "klantlint.nlp.pipeline",
    "rules": "klantlint.api",
}

__all__ = [
    "CallView",
    "Config",
    "ConversationHit",
    "ConversationRule",
    "DeclarativeRule",
    "Explanation",
    "Finding",
    "FixResult",
    "Hit",
    "Linter",
    "ProposedFix",
    "Rule",
    "RuleContext",
    "RuleInfo",
    "RuleOptions",
    "Suggestion",
    "__version__",
    "check",
    "fix",
    "load_pipeline",
    "rules",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'klantlint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
