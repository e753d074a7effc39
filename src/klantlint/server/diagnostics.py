"""Findings as LSP diagnostics, each linking to its rule's explanation (`klantlint explain`) as a Markdown file."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from lsprotocol import types

from klantlint.engine.base import RuleInfo
from klantlint.findings import Finding
from klantlint.rulesdoc import explain_text
from klantlint.server.positions import LineIndex

SOURCE = "klantlint"
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


class ExplanationPages:
    """The explanation of every rule of a Linter written once to a folder, for `codeDescription` links."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or Path(tempfile.gettempdir()) / "klantlint-uitleg"
        self._written: dict[str, dict[str, str]] = {}

    def links(self, infos: list[RuleInfo]) -> dict[str, str]:
        """File URIs of the explanation of each rule code (written on first use; rules of other configs,
        such as rule packs, get their own folder)."""
        key = hashlib.sha1("\n".join(info.model_dump_json() for info in infos).encode()).hexdigest()[:12]
        links = self._written.get(key)
        if links is None:
            folder = self.root / key
            links = {}
            try:
                folder.mkdir(parents=True, exist_ok=True)
                for info in infos:
                    page = folder / f"{info.code}.md"
                    if not page.exists():
                        page.write_text(explain_text(info) + "\n", encoding="utf-8")
                    links[info.code] = page.as_uri()
            except OSError:
                links = {}  # no writable temp folder: diagnostics without links
            self._written[key] = links
        return links


def to_diagnostic(finding: Finding, index: LineIndex, links: dict[str, str]) -> types.Diagnostic:
    link = links.get(finding.code)
    return types.Diagnostic(
        range=index.range(finding.start, finding.end),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
    )
