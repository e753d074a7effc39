"""Built-in Python rules: the ones that need more than patterns (see `rules/` for declarative ones)."""

from __future__ import annotations

from klantlint.checks.kl001_verleden_tijd import PastTenseDetails
from klantlint.checks.kl900_suppressions import UnusedSuppression
from klantlint.engine.base import Rule


def builtin_rules() -> list[Rule]:
    return [PastTenseDetails(), UnusedSuppression()]
