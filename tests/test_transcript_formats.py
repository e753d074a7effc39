"""Transcript readers as a registry (issue 15, part 5): one table entry per format, shared names defined once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import klantlint
from klantlint.config import Config
from klantlint.errors import ConfigError, InputError
from klantlint.io.columns import TRANSCRIPT_COLUMNS
from klantlint.transcripts import Call, RecordError
from klantlint.transcripts.formats import (
    FORMAT_BY_NAME,
    FORMAT_BY_SUFFIX,
    FORMATS,
    TRANSCRIPT_FORMATS,
    Source,
    TranscriptFormat,
)
from klantlint.transcripts.models import Record, Turn
from klantlint.transcripts.readers import detect_format, expand_inputs, iter_records
from klantlint.transcripts.rows import DEFAULT_COLUMNS

SOURCE = Path(klantlint.__file__).resolve().parent


def test_every_format_is_one_entry_with_its_suffixes() -> None:
    assert FORMATS == ("jsonl", "csv", "vtt", "srt", "txt", "whisper")
    for entry in TRANSCRIPT_FORMATS:
        for suffix in entry.suffixes:
            assert detect_format(f"calls/a{suffix}") == entry.name
            assert detect_format(f"calls/a{suffix}.gz") == entry.name
    assert len(FORMAT_BY_SUFFIX) == sum(len(entry.suffixes) for entry in TRANSCRIPT_FORMATS)


def _pipe_lines(source: Source) -> Iterator[Record]:
    """A made-up format: 'speaker|text' per line, one call per file."""
    text = source.stream.read().decode("utf-8")
    turns = [
        Turn(speaker=speaker, text=said, line=n)
        for n, line in enumerate(text.splitlines(), 1)
        for speaker, said in [line.split("|", 1)]
    ]
    yield Call(call_id=source.call_id, turns=turns, source=source.name, line=1)


def test_a_new_format_is_one_table_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = TranscriptFormat("pipes", (".pipes",), _pipe_lines)
    monkeypatch.setitem(FORMAT_BY_NAME, entry.name, entry)
    monkeypatch.setitem(FORMAT_BY_SUFFIX, ".pipes", entry)
    (tmp_path / "gesprek.pipes").write_text("Agent|Goedemorgen, met Sanne.\nKlant|Hallo.\n", encoding="utf-8")
    (tmp_path / "notities.md").write_text("geen transcript\n", encoding="utf-8")
    assert list(expand_inputs([str(tmp_path)])) == [str(tmp_path / "gesprek.pipes")]
    (call,) = iter_records(str(tmp_path / "gesprek.pipes"), root=str(tmp_path))
    assert isinstance(call, Call)
    assert (call.call_id, [turn.speaker for turn in call.turns]) == ("gesprek", ["Agent", "Klant"])


def test_an_unknown_format_name_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("{}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.jsonl: onbekend transcriptformaat 'xml'; kies een van jsonl, csv"):
        list(iter_records(str(tmp_path / "a.jsonl"), "xml"))


def test_column_names_come_from_one_place() -> None:
    assert tuple(DEFAULT_COLUMNS) == TRANSCRIPT_COLUMNS
    assert Config(columns={name: f"x_{name}" for name in TRANSCRIPT_COLUMNS}).columns["date"] == "x_date"
    with pytest.raises(ValueError, match="onbekende kolom"):
        Config(columns={"beller": "x"})
    config_source = (SOURCE / "config.py").read_text(encoding="utf-8")
    assert '"call_id"' not in config_source


def test_record_error_result_and_role_are_defined_once() -> None:
    definitions = {"class RecordError": [], "Result = ": [], 'Literal["agent", "customer", "unknown"]': []}
    for path in SOURCE.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            for pattern, found in definitions.items():
                if re.match(rf"\s*{re.escape(pattern)}", line) or (pattern.startswith("Literal") and pattern in line):
                    found.append(str(path.relative_to(SOURCE)))
    assert definitions == {
        "class RecordError": ["transcripts/errors.py"],
        "Result = ": ["transcripts/models.py"],
        'Literal["agent", "customer", "unknown"]': ["io/segments.py"],
    }
    assert RecordError.__module__ == "klantlint.transcripts.errors"


def test_the_columns_config_error_names_the_allowed_columns(tmp_path: Path) -> None:
    from klantlint.config import load_config

    (tmp_path / "klantlint.toml").write_text('[columns]\nbeller = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="toegestaan: agent_id, call_id, date, direction, end, organisation"):
        load_config(tmp_path / "klantlint.toml")
