"""Applying suggestions to a text: non-overlapping, left to right."""

from __future__ import annotations

from klantlint.findings import Finding, Suggestion


def chosen_suggestion(finding: Finding, *, unsafe: bool) -> Suggestion | None:
    """The suggestion `fix` applies for a finding: the first safe one, or with `unsafe` the first one."""
    for suggestion in finding.suggestions:
        if suggestion.safe or unsafe:
            return suggestion
    return None


def apply_fixes(text: str, findings: list[Finding], *, unsafe: bool) -> tuple[str, list[Finding]]:
    """`text` with one suggestion per finding applied where they do not overlap, and the findings fixed."""
    candidates = []
    for finding in findings:
        suggestion = chosen_suggestion(finding, unsafe=unsafe)
        if suggestion is not None and suggestion.end <= len(text):
            candidates.append((suggestion, finding))
    candidates.sort(key=lambda pair: (pair[0].start, pair[0].end))
    pieces: list[str] = []
    applied: list[Finding] = []
    cursor = 0
    for suggestion, finding in candidates:
        if suggestion.start < cursor:
            continue
        if text[suggestion.start : suggestion.end] == suggestion.replacement:
            continue
        pieces.append(text[cursor : suggestion.start])
        pieces.append(suggestion.replacement)
        cursor = suggestion.end
        applied.append(finding)
    pieces.append(text[cursor:])
    return "".join(pieces), applied
