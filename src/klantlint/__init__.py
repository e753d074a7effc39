"""klantlint: lints Dutch customer-service phrasing and proposes customer-friendly rewrites.

>>> import klantlint
>>> [f.code for f in klantlint.check("Wat was uw naam ook alweer?")]
['KL001']
"""

from __future__ import annotations

from klantlint.api import Linter, check, fix, rules
from klantlint.config import Config
from klantlint.engine.base import Explanation, Rule, RuleContext, RuleInfo
from klantlint.findings import Finding, FixResult, Suggestion
from klantlint.nlp.pipeline import load_pipeline

__version__ = "0.1.0"

__all__ = [
    "Config",
    "Explanation",
    "Finding",
    "FixResult",
    "Linter",
    "Rule",
    "RuleContext",
    "RuleInfo",
    "Suggestion",
    "__version__",
    "check",
    "fix",
    "load_pipeline",
    "rules",
]
