"""SARIF 2.1.0 output that GitHub code scanning accepts: rules with help, results with regions."""

from __future__ import annotations

import json
from typing import Any

from klantlint.report.run import RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule(info: Any) -> dict[str, Any]:
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.rationale},
        "help": {"text": info.explanation.render(), "markdown": info.explanation.render()},
        "defaultConfiguration": {"level": LEVELS[info.severity]},
        "properties": {"tags": ["klantlint", "nl"]},
    }


def _region(finding: Any) -> dict[str, Any]:
    lines = finding.text.split("\n")
    end_line = finding.line + len(lines) - 1
    end_column = (finding.column if len(lines) == 1 else 1) + len(lines[-1])
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
        "snippet": {"text": finding.text},
    }


def render_sarif(run: RunResult) -> str:
    rule_index = {info.code: index for index, info in enumerate(run.rules)}
    results = []
    for file in run.files:
        for finding in file.findings:
            result: dict[str, Any] = {
                "ruleId": finding.code,
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": file.path.replace("\\", "/")},
                            "region": _region(finding),
                        }
                    }
                ],
            }
            if finding.code in rule_index:
                result["ruleIndex"] = rule_index[finding.code]
            if finding.suggestions:
                result["fixes"] = [
                    {
                        "description": {"text": s.description},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": file.path.replace("\\", "/")},
                                "replacements": [
                                    {
                                        "deletedRegion": {"charOffset": s.start, "charLength": s.end - s.start},
                                        "insertedContent": {"text": s.replacement},
                                    }
                                ],
                            }
                        ],
                    }
                    for s in finding.suggestions
                ]
            results.append(result)
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "klantlint",
                        "version": run.version,
                        "informationUri": "https://pypi.org/project/klantlint/",
                        "rules": [_rule(info) for info in run.rules],
                        "properties": {"pipeline": run.pipeline},
                    }
                },
                # Columns and character offsets count Unicode code points (Python string positions), not UTF-16
                # code units: without this, GitHub places a finding after an emoji one column off.
                "columnKind": "unicodeCodePoints",
                "results": results,
                "invocations": [
                    {
                        "executionSuccessful": not run.errors,
                        "toolExecutionNotifications": [{"level": "error", "message": {"text": e}} for e in run.errors],
                    }
                ],
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
