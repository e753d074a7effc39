"""The README stays true: its rules table is the catalogue, its quick start is two commands."""

from __future__ import annotations

import re
from pathlib import Path

from klantlint import Linter
from klantlint.rulesdoc import README_TABLE_END, README_TABLE_START, measured_figures, rules_markdown_table

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_rules_table_matches_catalogue() -> None:
    table = README.split(README_TABLE_START, 1)[1].split(README_TABLE_END, 1)[0].strip()
    assert table == rules_markdown_table(Linter().rule_infos(), measured_figures()).strip()


def test_quick_start_is_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert commands == ["pip install . && klantlint check examples/", 'pip install -e ".[test]" && pytest']
