"""Reporting: findings rendered as text, JSON, JSON lines, SARIF or GitHub annotations."""

from __future__ import annotations

from collections.abc import Callable

from klantlint.report.github import render_github
from klantlint.report.jsonfmt import render_json, render_jsonl
from klantlint.report.run import RunResult
from klantlint.report.sarif import render_sarif
from klantlint.report.text import render_text

RENDERERS: dict[str, Callable[[RunResult], str]] = {
    "text": render_text,
    "json": render_json,
    "jsonl": render_jsonl,
    "sarif": render_sarif,
    "github": render_github,
}

__all__ = ["RENDERERS", "RunResult"]
