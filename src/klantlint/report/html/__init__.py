"""The HTML report over a batch run: `klantlint report FINDINGS SUMMARY -o report.html`, `batch --report`.

Needs the `report` extra (matplotlib, Jinja2). One streaming pass over the two files (`inputs`), figures
gathered with bounded memory (`aggregate`), charts as inline SVG (`charts`), one self-contained page (`render`).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from klantlint.config import ReportConfig
from klantlint.engine.base import RuleInfo
from klantlint.io.output import check_target, write_atomically
from klantlint.report.html.aggregate import ReportData, aggregate
from klantlint.report.html.charts import MissingReportDependency, require_matplotlib
from klantlint.report.html.inputs import ReportInputError, iter_calls


def report_inputs(findings_path: Path | None, summary_path: Path | None) -> tuple[Path, Path]:
    """For `batch --report`: the given output files, or files in a temporary folder removed at exit."""
    require_matplotlib()  # before the batch runs, not after
    if findings_path is not None and summary_path is not None:
        return findings_path, summary_path
    scratch = Path(tempfile.mkdtemp(prefix="klantlint-rapport-"))
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    return findings_path or scratch / "bevindingen.jsonl", summary_path or scratch / "gesprekken.jsonl"


def build_report(
    findings_path: Path, summary_path: Path, rule_infos: list[RuleInfo], settings: ReportConfig | None = None
) -> tuple[ReportData, str]:
    """The figures and the page for one batch run's findings and summary files."""
    require_matplotlib()
    from klantlint.report.html.render import render_report

    settings = settings or ReportConfig()
    data = aggregate(iter_calls(findings_path, summary_path))
    page = render_report(
        data,
        rule_infos,
        findings_name=findings_path.name,
        summary_name=summary_path.name,
        min_agent_calls=settings.min_agent_calls,
    )
    return data, page


def write_report(
    findings_path: Path,
    summary_path: Path,
    report_path: Path,
    rule_infos: list[RuleInfo],
    settings: ReportConfig | None = None,
) -> ReportData:
    """Write the report; the file appears whole or not at all."""
    check_target(report_path)  # before the work, not after
    data, page = build_report(findings_path, summary_path, rule_infos, settings)
    write_atomically(report_path, page)
    return data


__all__ = [
    "MissingReportDependency",
    "ReportData",
    "ReportInputError",
    "build_report",
    "report_inputs",
    "write_report",
]
