"""klantlint: lints Dutch customer-service phrasing and proposes customer-friendly rewrites.

>>> import klantlint
>>> [f.code for f in klantlint.check("Wat was uw naam ook alweer?")]
['KL001']
"""

from __future__ import annotations

from klantlint.api import Linter, check, fix, rules
from klantlint.config import Config
from klantlint.conversation import CallView, ConversationHit, ConversationRule
from klantlint.engine.base import Explanation, Hit, ProposedFix, Rule, RuleContext, RuleInfo, RuleOptions
from klantlint.engine.declarative import DeclarativeRule
from klantlint.findings import Finding, FixResult, Suggestion
from klantlint.nlp.pipeline import load_pipeline

__version__ = "0.1.0"

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
