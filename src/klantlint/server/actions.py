"""Code actions for findings: each suggestion as a quick fix, "fix all safe" for the document, and a
suppression comment in the project's own syntax (`klantlint: ignore[KLnnn] -- reden`)."""

from __future__ import annotations

from lsprotocol import types

from klantlint.engine.linter import TextFormat
from klantlint.engine.suppression import DIRECTIVE
from klantlint.findings import Finding, Suggestion
from klantlint.server.positions import LineIndex

FIX_ALL_KIND = types.CodeActionKind.SourceFixAll
REASON_PLACEHOLDER = "reden invullen"


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def suggestion_action(
    uri: str, finding: Finding, suggestion: Suggestion, preferred: bool, index: LineIndex, diagnostic: types.Diagnostic
) -> types.CodeAction:
    label = (
        suggestion.description if suggestion.safe else f"{suggestion.description} (onveilig: controleer de betekenis)"
    )
    return types.CodeAction(
        title=f"{finding.code}: {label}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=preferred,
        edit=_edit(
            uri, [types.TextEdit(range=index.range(suggestion.start, suggestion.end), new_text=suggestion.replacement)]
        ),
    )


def suppression_edit(finding: Finding, index: LineIndex, text_format: TextFormat) -> types.TextEdit:
    """Add the code to an `ignore[...]` comment already on the finding's line, or end the line with a new one."""
    line_start, line_end = index.line_bounds(finding.line - 1)
    line = index.text[line_start:line_end]
    for match in DIRECTIVE.finditer(line):
        if match.group("kind") == "ignore":
            at = line_start + match.end("ignore")
            return types.TextEdit(range=index.range(at, at), new_text=f",{finding.code}")
    body = f"klantlint: ignore[{finding.code}] -- {REASON_PLACEHOLDER}"
    comment = f" <!-- {body} -->" if text_format == "markdown" else f"  # {body}"
    return types.TextEdit(range=index.range(line_end, line_end), new_text=comment)


def suppression_action(
    uri: str, finding: Finding, index: LineIndex, text_format: TextFormat, diagnostic: types.Diagnostic
) -> types.CodeAction:
    return types.CodeAction(
        title=f"{finding.code} op deze regel onderdrukken (met reden)",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=_edit(uri, [suppression_edit(finding, index, text_format)]),
    )


def whole_text_edit(uri: str, old: str, new: str, index: LineIndex) -> types.WorkspaceEdit:
    """One edit over the changed middle of the text (common start and end kept), so the cursor and the
    undo history of the rest of the document stay where they are."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    edit = types.TextEdit(range=index.range(prefix, len(old) - suffix), new_text=new[prefix : len(new) - suffix])
    return _edit(uri, [edit])


def fix_all_action(uri: str, old: str, new: str, count: int, index: LineIndex, kind: str) -> types.CodeAction:
    return types.CodeAction(
        title=f"klantlint: alle veilige herschrijvingen toepassen ({count})",
        kind=kind,
        edit=whole_text_edit(uri, old, new, index),
    )
