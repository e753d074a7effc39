"""The transcript formats klantlint reads, one table entry each: its name, file suffixes and reader.

Adding a format is adding an entry to `TRANSCRIPT_FORMATS` (and, for input without a file name, a test in
`sniff.py` that tells it from its first bytes). The name is what `--input-format` takes; the suffixes (after an
optional `.gz`) choose the format of a file and which files of a folder are read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO

from klantlint.transcripts.decoding import decoded_lines
from klantlint.transcripts.models import Record
from klantlint.transcripts.rows import DEFAULT_COLUMNS, csv_rows, group_turn_rows, jsonl_rows
from klantlint.transcripts.whole_file import (
    FileParser,
    srt_file,
    txt_file,
    vtt_file,
    whisper_file,
    whole_file_records,
)


@dataclass(frozen=True)
class ReadOptions:
    """How to read input: column names (CSV / turn rows), the encoding (None: UTF-8, or what a byte-order mark
    says) and the CSV delimiter (None: told from the header)."""

    columns: dict[str, str] | None = None
    encoding: str | None = None
    delimiter: str | None = None

    def all_columns(self) -> dict[str, str]:
        """Every column's name in the input: the default names, with the renamed ones replaced."""
        return {**DEFAULT_COLUMNS, **(self.columns or {})}


@dataclass(frozen=True)
class Source:
    """One input as a reader gets it: the whole input (`stream`) and a copy of its first bytes (`head`, which
    `stream` still yields), its name for error records, the call id a file-per-call format gives its call, and the
    read options."""

    head: bytes
    stream: IO[bytes]
    name: str
    call_id: str
    options: ReadOptions


Reader = Callable[[Source], Iterator[Record]]


@dataclass(frozen=True)
class TranscriptFormat:
    """A transcript format: `name` (for `--input-format`), the `suffixes` of its files, and its `read` function,
    which yields a `Call` or `RecordError` per input record, in input order."""

    name: str
    suffixes: tuple[str, ...]
    read: Reader


def _jsonl(source: Source) -> Iterator[Record]:
    lines = decoded_lines(source.head, source.stream, source.options.encoding)
    yield from group_turn_rows(jsonl_rows(lines), source.name)


def _csv(source: Source) -> Iterator[Record]:
    lines = decoded_lines(source.head, source.stream, source.options.encoding)
    rows = csv_rows(lines, source.options.all_columns(), source.options.delimiter)
    yield from group_turn_rows(rows, source.name)


def _one_call_per_file(parse: FileParser, *, cue_lines: bool) -> Reader:
    """A reader for a format with one call per file, read whole; `cue_lines`: the call's line is its first cue's."""

    def read(source: Source) -> Iterator[Record]:
        data = source.stream.read()
        yield from whole_file_records(
            data, source.name, parse, source.call_id, source.options.encoding, cue_lines=cue_lines
        )

    return read


TRANSCRIPT_FORMATS = (
    TranscriptFormat("jsonl", (".jsonl", ".ndjson"), _jsonl),
    TranscriptFormat("csv", (".csv",), _csv),
    TranscriptFormat("vtt", (".vtt",), _one_call_per_file(vtt_file, cue_lines=True)),
    TranscriptFormat("srt", (".srt",), _one_call_per_file(srt_file, cue_lines=True)),
    TranscriptFormat("txt", (".txt",), _one_call_per_file(txt_file, cue_lines=False)),
    TranscriptFormat("whisper", (".json",), _one_call_per_file(whisper_file, cue_lines=False)),
)
FORMATS = tuple(entry.name for entry in TRANSCRIPT_FORMATS)
FORMAT_BY_NAME = {entry.name: entry for entry in TRANSCRIPT_FORMATS}
FORMAT_BY_SUFFIX = {suffix: entry for entry in TRANSCRIPT_FORMATS for suffix in entry.suffixes}
