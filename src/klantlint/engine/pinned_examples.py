"""Checking a rule's pinned examples: the span it flags and the text its first suggestion makes of the example."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klantlint.engine.base import PinnedExample

if TYPE_CHECKING:
    from klantlint.engine.linter import Linter


def pinned_example_problem(linter: Linter, code: str, example: PinnedExample) -> str | None:
    """Why `example` does not hold for rule `code` under `linter` (which must select the rule), or None."""
    findings = [finding for finding in linter.check(example.text) if finding.code == code]
    if not findings:
        return f"{code} does not fire on {example.text!r}"
    finding = next((finding for finding in findings if finding.text == example.span), None)
    if finding is None:
        flagged = [finding.text for finding in findings]
        return f"{code} flags {flagged} in {example.text!r}, the example pins {example.span!r}"
    if example.correction is None:
        return None
    if not finding.suggestions:
        return f"{code} suggests no rewrite for {example.span!r} in {example.text!r}"
    suggestion = finding.suggestions[0]
    rewritten = example.text[: suggestion.start] + suggestion.replacement + example.text[suggestion.end :]
    if rewritten != example.correction:
        return f"{code} rewrites {example.text!r} to {rewritten!r}, the example pins {example.correction!r}"
    return None
