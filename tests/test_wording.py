"""Numbers in Dutch messages: a period between thousands, a decimal comma, and the singular for one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantlint.io.wording import counted, number
from tests.cli_helpers import run_cli


@pytest.mark.parametrize(
    ("value", "written"), [(0, "0"), (999, "999"), (1000, "1.000"), (1234567.4, "1.234.567"), (2.5, "2")]
)
def test_whole_numbers_group_thousands_with_a_period(value: float, written: str) -> None:
    assert number(value) == written


@pytest.mark.parametrize(("value", "written"), [(0.44, "0,4"), (1234.56, "1.234,6"), (12.0, "12,0")])
def test_decimals_take_a_comma(value: float, written: str) -> None:
    assert number(value, 1) == written


@given(st.integers(min_value=0, max_value=10**9))
def test_a_count_reads_back_as_the_number_and_takes_the_singular_only_for_one(count: int) -> None:
    digits, noun = counted(count, "gesprek", "gesprekken").split(" ")
    assert int(digits.replace(".", "")) == count
    assert noun == ("gesprek" if count == 1 else "gesprekken")


def test_the_closing_line_of_a_batch_of_one_call_is_good_dutch(tmp_path: Path) -> None:
    call = {"call_id": "c1", "turns": [{"speaker": "agent", "text": "Goedemorgen, stuur maar een e-mail."}]}
    (tmp_path / "in.jsonl").write_text(json.dumps(call) + "\n", encoding="utf-8")
    result = run_cli("batch", "in.jsonl", "-o", "f.jsonl", cwd=tmp_path)
    closing = result.stderr.strip().splitlines()[-1]
    assert closing.startswith("klantlint batch: 1 gesprek, 1 beurt, 5 agentwoorden, ")
    assert ", 0 fouten, " in closing and "(en)" not in closing
    seconds = closing.split(", ")[-2]
    assert seconds.endswith(" s") and "," in seconds and "." not in seconds  # "0,8 s"


def test_check_counts_one_file_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "script.txt").write_text("Goedemorgen, waarmee kan ik u helpen?\n", encoding="utf-8")
    result = run_cli("check", "script.txt", cwd=tmp_path)
    assert result.returncode == 0 and "Geen bevindingen in 1 bestand." in result.stdout + result.stderr
