"""Human-readable output in the style of Ruff and flake8: `path:line:col: CODE [severity] message`."""

from __future__ import annotations

from collections import Counter

import click

from klantlint.engine.fixing import chosen_suggestion
from klantlint.findings import Suggestion
from klantlint.io.wording import counted
from klantlint.report.run import RunResult

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def render_text(run: RunResult) -> str:
    lines: list[str] = []
    fixable = 0
    for file in run.files:
        for finding in file.findings:
            location = f"{file.path}:{finding.line}:{finding.column}:"
            code = finding.code
            severity = f"[{finding.severity}]"
            if run.color:
                location = click.style(location, bold=True)
                code = click.style(code, fg=SEVERITY_COLOURS[finding.severity], bold=True)
                severity = click.style(severity, fg=SEVERITY_COLOURS[finding.severity])
            lines.append(f"{location} {code} {severity} {finding.message}")
            for suggestion in finding.suggestions:
                label = "veilig" if suggestion.safe else "voorstel"
                lines.append(f"    {label}: {preview(file.text, suggestion)}")
                lines.append(f"             {suggestion.description}")
            if chosen_suggestion(finding, unsafe=False) is not None:
                fixable += 1
    if run.statistics:
        lines += _statistics(run)
    lines.append(_summary(run, fixable))
    return "\n".join(lines) + "\n"


def preview(text: str, suggestion: Suggestion) -> str:
    """The line as it reads with the suggestion applied (the replacement alone if the text is unknown)."""
    if not text or suggestion.end > len(text):
        return suggestion.replacement or "(weglaten)"
    line_start = text.rfind("\n", 0, suggestion.start) + 1
    line_end = text.find("\n", suggestion.end)
    line_end = len(text) if line_end < 0 else line_end
    rewritten = text[line_start : suggestion.start] + suggestion.replacement + text[suggestion.end : line_end]
    return rewritten.strip()


def _statistics(run: RunResult) -> list[str]:
    counts = Counter((f.code, f.name) for file in run.files for f in file.findings)
    return [
        f"{count:>6}  {code}  {name}" for (code, name), count in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
    ]


def _summary(run: RunResult, fixable: int) -> str:
    total = run.findings_count
    parts = []
    if total == 0:
        parts.append(f"Geen bevindingen in {counted(len(run.files), 'bestand', 'bestanden')}.")
    else:
        parts.append(
            f"{counted(total, 'bevinding', 'bevindingen')} in {counted(len(run.files), 'bestand', 'bestanden')}."
        )
        if fixable:
            parts.append(f"{fixable} veilig te herstellen met `klantlint fix`.")
    if run.fixed:
        parts.append(f"{run.fixed} hersteld.")
    if run.errors:
        parts.append(f"{counted(len(run.errors), 'bestand', 'bestanden')} niet gelezen.")
    return " ".join(parts)
