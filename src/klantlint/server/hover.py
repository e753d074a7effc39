"""Hover on a finding: the message and the rule's explanation (Wat gaat er mis / Waarom / Beter) in Markdown."""

from __future__ import annotations

from lsprotocol import types

from klantlint.engine.base import RuleInfo
from klantlint.findings import Finding
from klantlint.rulesdoc import explain_text
from klantlint.server.positions import LineIndex


def hover_for(findings: list[Finding], offset: int, infos: dict[str, RuleInfo], index: LineIndex) -> types.Hover | None:
    """The explanation of each finding under `offset`, or None where there is none."""
    under = [f for f in findings if f.start <= offset < f.end or f.start == offset == f.end]
    if not under:
        return None
    parts = []
    for finding in under:
        info = infos.get(finding.code)
        explanation = explain_text(info).replace("\n# ", "\n### ").replace("\n## ", "\n#### ") if info else ""
        if explanation.startswith("# "):
            explanation = "###" + explanation[1:]
        parts.append(f"**{finding.code}** {finding.message}\n\n{explanation}".rstrip())
    start = min(f.start for f in under)
    end = max(f.end for f in under)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
        range=index.range(start, end),
    )
