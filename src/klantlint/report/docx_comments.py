"""`klantlint annotate`: a copy of a Word script with a Word comment on the exact text of each finding."""

from __future__ import annotations

from pathlib import Path

from klantlint.engine.linter import Linter
from klantlint.errors import InputError
from klantlint.findings import Finding
from klantlint.io.docx import DocxScript, isolate, read_docx
from klantlint.io.os_errors import describe_os_error

AUTHOR = "klantlint"
INITIALS = "KL"


def comment_text(finding: Finding) -> str:
    lines = [f"{finding.code} {finding.name}: {finding.message}"]
    for suggestion in finding.suggestions:
        label = "Veilig voorstel" if suggestion.safe else "Voorstel"
        replacement = suggestion.replacement or "(weglaten)"
        lines.append(f"{label}: {replacement} ({suggestion.description})")
    return "\n".join(lines)


def annotate(script: DocxScript, findings: list[Finding]) -> int:
    """Add a comment per finding to `script.document`; returns how many were anchored."""
    added = 0
    # From the end backwards, so splitting a run never moves text a later finding still points at.
    for finding in sorted(findings, key=lambda f: (f.start, f.end), reverse=True):
        spans = isolate(script, finding.start, finding.end)
        if not spans:
            continue
        comment = script.document.add_comment([spans[0].run, spans[-1].run], text="", author=AUTHOR, initials=INITIALS)
        paragraphs = comment_text(finding).split("\n")
        comment.paragraphs[0].add_run(paragraphs[0])
        for line in paragraphs[1:]:
            comment.add_paragraph(line)
        added += 1
    return added


def annotate_file(linter: Linter, source: str, output: Path) -> tuple[list[Finding], int]:
    """Lint `source` and save an annotated copy to `output` (never over the source)."""
    if Path(source).resolve() == output.resolve():
        raise InputError(f"{output}: het origineel wordt nooit overschreven; kies een ander uitvoerbestand (-o)")
    script = read_docx(source)
    findings = linter.check(script.text, path=source)
    added = annotate(script, findings)
    try:
        script.document.save(str(output))
    except OSError as error:
        raise InputError(f"{output}: kan niet worden geschreven: {describe_os_error(error)}") from None
    return script.located(findings), added
