"""Line-based transcripts (JSONL, CSV): one call per line, or one turn per line grouped by call_id.

A turn row that cannot be read becomes an error record of its own, and the call it belongs to is still
linted with the turns that could be read, marked incomplete: `Call.turns_lost` counts the rows that may belong
to it. A bad row whose call is known (its `call_id` is readable) counts for that call; one whose call cannot be
told (not JSON at all) counts for the calls on both sides of it, or for the one call around it.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from klantlint.io.columns import TRANSCRIPT_COLUMNS
from klantlint.io.parser_reasons import dutch_csv_reason, invalid_csv_record
from klantlint.transcripts.decoding import DecodedLine
from klantlint.transcripts.errors import RecordError
from klantlint.transcripts.models import Record, Turn
from klantlint.transcripts.records import (
    call_from_record,
    call_from_turns,
    finished_call,
    optional_str,
    parse_json,
    turn_from_record,
)

CSV_DELIMITERS = ",;\t|"
# Each column under its own name, unless `[tool.klantlint.columns]` renames it.
DEFAULT_COLUMNS = {column: column for column in TRANSCRIPT_COLUMNS}


class Row(NamedTuple):
    """One record of a line-based file: its fields, or why it cannot be read (with its call_id when known).
    A named tuple: one is made per input line, and a tuple is made faster than a frozen dataclass."""

    line: int
    data: dict[str, Any] | None
    error: str | None = None
    call_id: str | None = None


def jsonl_rows(lines: Iterable[DecodedLine]) -> Iterator[Row]:
    for number, text, error in lines:
        if error is not None:
            yield Row(number, None, error, _call_id_of(text))
            continue
        assert text is not None
        if not text.strip():
            continue
        try:
            data = parse_json(text)
        except ValueError as problem:
            yield Row(number, None, str(problem))
            continue
        if not isinstance(data, dict):
            yield Row(number, None, "een regel moet een JSON-object zijn")
            continue
        yield Row(number, data)


def _call_id_of(lenient_text: str | None) -> str | None:
    """The call_id of a line that is not valid text, read from its text with the bad bytes replaced."""
    if lenient_text is None:
        return None
    try:
        data = parse_json(lenient_text)
    except ValueError:
        return None
    return optional_str(data.get("call_id")) if isinstance(data, dict) else None


def guess_delimiter(header: str, call_id_column: str) -> str:
    """The delimiter that makes the header contain the call_id column; else csv.Sniffer's guess; else ','."""
    for delimiter in CSV_DELIMITERS:
        cells = next(csv.reader([header], delimiter=delimiter), [])
        if call_id_column in (cell.strip() for cell in cells):
            return delimiter
    try:
        return csv.Sniffer().sniff(header, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        return ","


def csv_rows(lines: Iterator[DecodedLine], columns: dict[str, str], delimiter: str | None) -> Iterator[Row]:
    first = next(lines, None)
    if first is None:
        return
    if first[2] is not None and first[1] is None:  # the whole file is unreadable (e.g. UTF-16 without a mark)
        yield Row(first[0], None, first[2])
        return
    if delimiter is None:
        delimiter = guess_delimiter(first[1] or "", columns["call_id"])
    bad: dict[int, str] = {}

    def text_lines() -> Iterator[str]:
        # A line that is not valid text is parsed with its bad bytes replaced, to know its call; it stays an error.
        for number, text, error in itertools.chain([first], lines):
            if error is not None:
                bad[number] = error
            yield text or "\n"

    reader = csv.DictReader(text_lines(), delimiter=delimiter)
    header_problem = _header_problem(reader, columns, delimiter)
    if header_problem is not None:
        yield Row(1, None, header_problem)
        return
    start_line = 2
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            # DictReader updates its own line_num only after a good row: the csv reader's says where this one ended.
            # The record may span many lines (a quote never closed): the error says up to where the reader took them.
            last_line = reader.reader.line_num
            yield Row(start_line, None, invalid_csv_record(error, start_line, last_line))
            start_line = last_line + 1
            continue
        line, start_line = start_line, reader.line_num + 1
        call_id = optional_str(row.get(columns["call_id"]))
        errors = [bad.pop(number) for number in range(line, start_line) if number in bad]
        if errors:
            yield Row(line, None, errors[0], call_id)
        elif None in row:
            yield Row(line, None, "meer velden dan kolommen", call_id)
        else:
            yield Row(line, {key: row.get(name) for key, name in columns.items() if row.get(name) not in (None, "")})
    for line, error in sorted(bad.items()):
        yield Row(line, None, error)


def _header_problem(reader: csv.DictReader[str], columns: dict[str, str], delimiter: str) -> str | None:
    try:
        header = reader.fieldnames
    except csv.Error as error:
        return f"geen geldige CSV-kop: {dutch_csv_reason(error)}"
    if header is None or columns["call_id"] in header:
        return None
    shown = delimiter.replace("\t", "\\t")
    return (
        f"kolom '{columns['call_id']}' ontbreekt in de kop (scheidingsteken '{shown}'; gevonden: "
        f"{', '.join(header)[:200]}); geef --delimiter of [tool.klantlint.columns]"
    )


@dataclass
class _PendingCall:
    """A turn-per-line call being read: its good turns, and how many of its rows could not be read."""

    call_id: str
    first: dict[str, Any] | None = None
    line: int = 0
    turns: list[Turn] = field(default_factory=list)
    lost: int = 0


def group_turn_rows(rows: Iterable[Row], source: str) -> Iterator[Record]:
    """Call-per-line rows become calls; consecutive turn-per-line rows with one call_id become one call."""
    pending: _PendingCall | None = None
    seen: set[str] = set()
    unattributed = 0  # bad rows since the last row whose call is known

    def flush() -> Iterator[Record]:
        nonlocal pending
        if pending is not None and pending.first is not None:
            try:
                record = finished_call(
                    call_from_turns(pending.first, pending.turns, source, pending.line, turns_lost=pending.lost)
                )
            except ValueError as error:
                record = RecordError(source, pending.line, str(error), pending.call_id)
            yield record
        pending = None

    for row in rows:
        data = row.data
        if data is not None and "turns" in data:
            if pending is not None:
                pending.lost += unattributed
            unattributed = 0
            yield from flush()
            try:
                yield finished_call(call_from_record(data, source, row.line))
            except ValueError as error:
                yield RecordError(source, row.line, str(error), optional_str(data.get("call_id")))
            continue
        call_id = row.call_id if data is None else optional_str(data.get("call_id"))
        if call_id is None:
            yield RecordError(source, row.line, row.error or "'call_id' ontbreekt")
            unattributed += 1
            continue
        if pending is None or pending.call_id != call_id:
            if pending is not None:
                pending.lost += unattributed  # between two calls: it may belong to either
            yield from flush()
            if call_id in seen:
                unattributed = 0
                reason = row.error or f"beurten van gesprek '{call_id}' staan niet aaneengesloten"
                yield RecordError(source, row.line, reason, call_id)
                continue
            seen.add(call_id)
            pending = _PendingCall(call_id)
        pending.lost += unattributed
        unattributed = 0
        turn: Turn | None = None
        reason = row.error
        if data is not None:
            try:
                turn = turn_from_record(data, row.line)
            except ValueError as error:
                reason = str(error)
        if turn is None:
            yield RecordError(source, row.line, reason or "leeg record", call_id)
            pending.lost += 1
            continue
        if pending.first is None:
            # The call's own fields (agent, date, direction, organisation) come from its first readable turn.
            pending.first, pending.line = data, row.line
        pending.turns.append(turn)
    if pending is not None:
        pending.lost += unattributed
    yield from flush()
