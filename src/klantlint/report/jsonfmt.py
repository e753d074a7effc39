"""Machine-readable output: one JSON document, or one finding per line."""

from __future__ import annotations

import json
from typing import Any

from klantlint.report.run import RunResult


def finding_records(run: RunResult) -> list[dict[str, Any]]:
    return [{"path": file.path, **finding.model_dump()} for file in run.files for finding in file.findings]


def render_json(run: RunResult) -> str:
    document = {
        "klantlint": run.version,
        "pipeline": run.pipeline,
        "files": len(run.files),
        "findings": finding_records(run),
        "errors": run.errors,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(run: RunResult) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in finding_records(run))
