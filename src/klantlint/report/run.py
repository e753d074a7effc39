"""What a CLI run produced, handed to the renderers."""

from __future__ import annotations

from dataclasses import dataclass, field

from klantlint.engine.base import RuleInfo
from klantlint.findings import Finding


@dataclass
class FileFindings:
    path: str
    findings: list[Finding]
    text: str = ""


@dataclass
class RunResult:
    files: list[FileFindings]
    errors: list[str]
    rules: list[RuleInfo]
    pipeline: str
    version: str
    color: bool = False
    statistics: bool = False
    fixed: int = field(default=0)

    @property
    def findings_count(self) -> int:
        return sum(len(f.findings) for f in self.files)
