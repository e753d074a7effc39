"""`klantlint fix` on a Word script: safe rewrites applied to the runs of a copy, other runs left as they are."""

from __future__ import annotations

from pathlib import Path

from klantlint.engine.fixing import apply_fixes, chosen_suggestion
from klantlint.engine.linter import MAX_FIX_PASSES, Linter
from klantlint.errors import InputError
from klantlint.findings import Finding
from klantlint.io.docx import DocxScript, build_script, isolate, read_docx
from klantlint.io.os_errors import describe_os_error

FIXED_SUFFIX = ".herschreven"


def fixed_copy_path(source: str) -> Path:
    path = Path(source)
    return path.with_name(f"{path.stem}{FIXED_SUFFIX}{path.suffix}")


def _replace(script: DocxScript, start: int, end: int, replacement: str) -> bool:
    """Put `replacement` in the first run of `[start, end)` and empty the others; False when the range does not
    fall on run boundaries (a run that cannot be split) or crosses paragraphs."""
    first, last = script.paragraph_at(start), script.paragraph_at(max(start, end - 1))
    if first is None or first is not last or end > first.end:
        return False
    if start == end:  # an insertion: at the end of the run before it
        spans = [span for span in first.runs() if span.start < start <= span.end]
        if not spans:
            return False
        run = spans[0].run
        at = start - spans[0].start
        run.text = run.text[:at] + replacement + run.text[at:]
        return True
    spans = isolate(script, start, end)
    if not spans or spans[0].start != start or spans[-1].end != end:
        return False
    spans[0].run.text = replacement
    for span in spans[1:]:
        span.run.text = ""
    return True


def fix_docx(linter: Linter, source: str, output: Path) -> tuple[list[Finding], list[Finding]]:
    """Write a copy of `source` to `output` with the safe rewrites applied; returns (applied, remaining)."""
    if Path(source).resolve() == output.resolve():
        raise InputError(f"{output}: het origineel wordt nooit overschreven; kies een ander uitvoerbestand")
    script = read_docx(source)
    applied: list[Finding] = []
    for _ in range(MAX_FIX_PASSES):
        findings = linter.check(script.text, path=source)
        _, chosen = apply_fixes(script.text, findings, unsafe=False)
        done = 0
        for finding in sorted(chosen, key=lambda f: f.start, reverse=True):
            suggestion = chosen_suggestion(finding, unsafe=False)
            if suggestion is not None and _replace(script, suggestion.start, suggestion.end, suggestion.replacement):
                applied.append(finding)
                done += 1
        if not done:
            break
        # Read the changed document again: the text and its offsets follow the runs as they are now.
        script = build_script(source, script.document)
    try:
        script.document.save(str(output))
    except OSError as error:
        raise InputError(f"{output}: kan niet worden geschreven: {describe_os_error(error)}") from None
    return applied, script.located(linter.check(script.text, path=source))
