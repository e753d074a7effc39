"""GitHub Actions workflow commands: one `::warning file=...,line=...,col=...::` annotation per finding."""

from __future__ import annotations

from klantlint.report.run import RunResult

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(run: RunResult) -> str:
    lines = []
    for file in run.files:
        for finding in file.findings:
            end_column = finding.column + len(finding.text.split("\n", 1)[0])
            properties = ",".join(
                [
                    f"file={_escape_property(file.path)}",
                    f"line={finding.line}",
                    f"col={finding.column}",
                    f"endColumn={end_column}",
                    f"title={_escape_property(f'{finding.code} {finding.name}')}",
                ]
            )
            lines.append(f"::{LEVELS[finding.severity]} {properties}::{_escape_data(finding.message)}")
    return "".join(line + "\n" for line in lines)
