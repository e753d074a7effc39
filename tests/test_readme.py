"""The README stays true: its rules table is the catalogue, its quick start is two commands."""

from __future__ import annotations

import json
import re
from pathlib import Path

from klantlint.catalogue import build_catalogue
from klantlint.rulesdoc import README_TABLE_END, README_TABLE_START, measured_figures, rules_markdown_table
from tests.cli_helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_rules_table_matches_catalogue() -> None:
    table = README.split(README_TABLE_START, 1)[1].split(README_TABLE_END, 1)[0].strip()
    assert table == rules_markdown_table(build_catalogue().infos(), measured_figures()).strip()


def test_quick_start_is_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert commands == [
        "python3 -m venv .venv && . .venv/bin/activate && pip install . && klantlint check examples/",
        'pip install -e ".[test]" && pytest',
    ]


def test_quick_start_names_the_example_files_that_fail_the_run_and_the_browser_test_s_needs() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    flat = " ".join(section.split())
    result = run_cli("check", "examples/", "--format", "json", cwd=ROOT)
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    failing = {Path(f["path"]).name for f in findings if f["severity"] in ("warning", "error")}
    assert failing == {"retour-oud.md", "storing.txt"}
    slips = {f["code"] for f in findings if Path(f["path"]).name == "storing.txt" and f["severity"] == "warning"}
    assert slips == {"KL005", "KL009"}  # KL005 from the `gesprek` group that examples/klantlint.toml turns on
    assert "`examples/retour-oud.md` is the deliberately bad script" in flat
    assert "`examples/storing.txt`, otherwise a good script, has two slips that fail the run" in flat
    assert all(f"`{path.name}`" in flat for path in (ROOT / "examples").iterdir() if path.name not in failing)
    assert "`tests/test_report_browser.py`" in flat and "chromium-driver" in flat and "skipped" in flat
