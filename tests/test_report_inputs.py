"""Reading the report's inputs: a bad row or byte is named by the line it is on, however the file is damaged."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from klantlint.report.html.inputs import ReportInputError, iter_finding_rows, iter_summary_rows

HEADER = "call_id,agent_id,date,source,line,agent_words,findings,score\n"


def summary_row(number: int) -> str:
    return f"call-{number},agent-1,2026-12-01,in.jsonl,{number},40,0,100\n"


def finding_line(number: int) -> str:
    finding = {"call_id": f"call-{number}", "code": "KL002", "severity": "warning", "start": 0, "end": 7}
    return json.dumps({**finding, "text": "helaas", "source": "in.jsonl", "record_line": number}) + "\n"


def read_error(rows: object) -> str:
    with pytest.raises(ReportInputError) as raised:
        list(rows)  # type: ignore[call-overload]
    return str(raised.value)


def test_csv_rows_are_numbered_by_the_line_they_start_on(tmp_path: Path) -> None:
    # The second row's agent cell spans two lines (a quoted line break), so the third row starts on line 5.
    summary = tmp_path / "s.csv"
    second = 'call-2,"agent\n2",2026-12-01,in.jsonl,2,40,0,100\n'
    summary.write_text(HEADER + summary_row(1) + second + summary_row(3), encoding="utf-8")
    assert [number for number, _ in iter_summary_rows(summary)] == [2, 3, 5]


def test_a_malformed_csv_row_is_named_by_its_own_line_not_the_row_before(tmp_path: Path) -> None:
    # DictReader's line count stays at the last good row after a csv.Error: it named line 3 for this row on line 4.
    summary = tmp_path / "s.csv"
    too_long = '"' + "x" * 200_000 + '"'  # one line, the quote closed: a cell over csv's field limit
    summary.write_text(HEADER + summary_row(1) + summary_row(2) + f"call-3,{too_long},d,in.jsonl,3,1,0,1\n", "utf-8")
    message = read_error(iter_summary_rows(summary))
    assert message.startswith(f"{summary}:4: geen geldige CSV: een veld is langer")


def test_an_unclosed_quote_names_the_lines_it_swallowed(tmp_path: Path) -> None:
    summary = tmp_path / "s.csv"
    rows = [summary_row(n) for n in range(1, 6)]
    rows[1] = 'call-2,"agent-1,2026-12-01,in.jsonl,2,40,0,100\n'  # the quote opened on line 3 is never closed
    summary.write_text(HEADER + "".join(rows) + ("x" * 1000 + "\n") * 140, encoding="utf-8")
    message = read_error(iter_summary_rows(summary))
    assert message.startswith(f"{summary}:3: geen geldige CSV (regel 3 t/m ")


def test_a_row_with_more_cells_than_columns_and_a_bad_value_name_their_lines(tmp_path: Path) -> None:
    summary = tmp_path / "s.csv"
    summary.write_text(HEADER + summary_row(1) + summary_row(2).replace(",100\n", ",100,extra\n"), "utf-8")
    assert read_error(iter_summary_rows(summary)) == f"{summary}:3: meer cellen dan kolommen"
    summary.write_text(HEADER + summary_row(1) + summary_row(2) + summary_row(3).replace(",100\n", ",veel\n"), "utf-8")
    message = read_error(iter_summary_rows(summary))
    assert message.startswith(f"{summary}:4: ") and "score" in message


def test_a_missing_cell_is_a_missing_value(tmp_path: Path) -> None:
    summary = tmp_path / "s.csv"
    summary.write_text(HEADER + "call-1,agent-1\n", encoding="utf-8")
    message = read_error(iter_summary_rows(summary))
    assert message.startswith(f"{summary}:2: ") and "agent_words" in message


@pytest.mark.parametrize("name", ["f.jsonl", "f.jsonl.gz"])
def test_a_byte_that_is_not_utf8_is_named_by_its_line_far_into_the_file(tmp_path: Path, name: str) -> None:
    # Text files decode ahead in chunks: the error came while the first line was read and named line 1.
    findings = tmp_path / name
    data = "".join(finding_line(n) for n in range(1, 50)).encode() + b'{"call_id": "\xff"}\n'
    findings.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    assert read_error(iter_finding_rows(findings)) == f"{findings}:50: geen UTF-8-tekst"


def test_a_csv_byte_that_is_not_utf8_is_named_by_its_line(tmp_path: Path) -> None:
    summary = tmp_path / "s.csv"
    body = "".join(summary_row(n) for n in range(1, 40)).encode()
    summary.write_bytes(HEADER.encode() + body + b"call-40,agent-\xe9,d,in.jsonl,40,1,0,1\n")
    assert read_error(iter_summary_rows(summary)) == f"{summary}:41: geen UTF-8-tekst"


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda data: data[: len(data) // 2], "het gzip-bestand is afgebroken"),
        (lambda data: data[:40] + bytes(b ^ 0x5A for b in data[40:80]) + data[80:], "het gzip-bestand is beschadigd"),
        (lambda data: b"not gzip at all\n", "geen gzip-bestand"),
    ],
)
def test_a_damaged_gz_input_is_a_dutch_error_not_a_crash(tmp_path: Path, damage, reason: str) -> None:
    findings = tmp_path / "f.jsonl.gz"
    findings.write_bytes(damage(gzip.compress("".join(finding_line(n) for n in range(1, 400)).encode())))
    message = read_error(iter_finding_rows(findings))
    assert message.startswith(f"{findings}: niet te lezen: ") and reason in message
