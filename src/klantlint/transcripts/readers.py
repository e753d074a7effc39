"""Reading call transcripts: JSONL, CSV, WebVTT, SRT, plain text and Whisper/WhisperX JSON.

Readers stream: line-based formats are decoded line by line, so memory stays flat however large the
input, and a bad line (malformed JSON, missing text, invalid UTF-8) becomes a `RecordError` that names
the file, the line and the reason, while the rest of the input is still read.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from klantlint.errors import InputError
from klantlint.transcripts.models import Call, Turn

FORMATS = ("jsonl", "csv", "vtt", "srt", "txt", "whisper")
SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".vtt": "vtt",
    ".srt": "srt",
    ".txt": "txt",
    ".json": "whisper",
}
DEFAULT_COLUMNS = {
    "call_id": "call_id",
    "speaker": "speaker",
    "text": "text",
    "start": "start",
    "end": "end",
    "agent_id": "agent_id",
    "date": "date",
    "direction": "direction",
    "organisation": "organisation",
}
TIMESTAMP = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})")
CUE_TIMING = re.compile(rf"^\s*({TIMESTAMP.pattern})\s*-->\s*({TIMESTAMP.pattern})")
# A tag or voice ends before the next "<" (so "<<<<..." is read once, not once per "<"); blanks are taken whole and
# a speaker's name starts with no blank (a line of spaces is not read again for every way to share them out).
VOICE = re.compile(r"<v(?:\.[\w.-]++)?\s([^<>]+)>(.*?)(?:</v>|$)", re.DOTALL)
TAG = re.compile(r"</?[^<>]++>")
SPEAKER_LINE = re.compile(r"^\s*+(?:\[[^\]]*+\]\s*+)?([^:\s][^:\n]{0,39}?)\s*+:\s*(.*)$")


@dataclass(frozen=True)
class RecordError:
    """An input record that could not become a call."""

    source: str
    line: int
    reason: str
    call_id: str | None = None


Record = Call | RecordError


def detect_format(path: str) -> str:
    name = path[:-3] if path.endswith(".gz") else path
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        raise InputError(
            f"{path}: onbekend transcriptformaat '{suffix}'; kies met --input-format een van {', '.join(FORMATS)}"
        )
    return SUFFIX_FORMATS[suffix]


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """Files from paths, directories (recursive, known formats, also .gz) and glob patterns, in stable order."""
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                name = found.name[:-3] if found.name.endswith(".gz") else found.name
                if found.is_file() and Path(name).suffix.lower() in SUFFIX_FORMATS:
                    yield str(found)
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError(f"{item}: geen bestanden gevonden")
            yield from matches
        else:
            if not path.exists():
                raise InputError(f"{item}: bestand bestaat niet")
            yield item


def open_binary(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    raw: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by the caller's context
    return gzip.open(raw) if path.endswith(".gz") else raw  # type: ignore[return-value]


def iter_records(
    path: str,
    input_format: str | None = None,
    columns: dict[str, str] | None = None,
    *,
    on_position: Callable[[int], None] | None = None,
) -> Iterator[Record]:
    """Calls and record errors from one input, in input order.

    `on_position`, when given, is called after each record with the byte position reached in the file
    as stored (compressed bytes for `.gz`), for a progress bar.
    """
    fmt = input_format or ("jsonl" if path == "-" else detect_format(path))
    source = "<stdin>" if path == "-" else path
    try:
        with open_binary(path) as handle:
            raw = getattr(handle, "fileobj", None) or handle  # a gzip file's compressed stream
            for record in _records_from_binary(handle, source, fmt, columns):
                if on_position is not None and path != "-":
                    on_position(raw.tell())
                yield record
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        yield RecordError(source, 0, f"kan niet worden gelezen: {error}")


def read(
    path_or_file: str | Path | IO[bytes] | IO[str], format: str | None = None, columns: dict[str, str] | None = None
) -> Iterator[Call]:
    """Calls from a transcript file, path or open file; a malformed record raises InputError naming it."""
    if isinstance(path_or_file, str | Path):
        records = iter_records(str(path_or_file), format, columns)
    else:
        records = _records_from_file(path_or_file, format or "jsonl", columns)
    for record in records:
        if isinstance(record, RecordError):
            raise InputError(f"{record.source}:{record.line}: {record.reason}")
        yield record


def _records_from_file(handle: IO[Any], fmt: str, columns: dict[str, str] | None) -> Iterator[Record]:
    binary = handle if isinstance(handle.read(0), bytes) else io.BytesIO(handle.read().encode("utf-8"))
    yield from _records_from_binary(binary, str(getattr(handle, "name", "<file>")), fmt, columns)


def _records_from_binary(handle: IO[bytes], source: str, fmt: str, columns: dict[str, str] | None) -> Iterator[Record]:
    if fmt == "jsonl":
        yield from _group_turn_rows(_jsonl_rows(handle, source), source)
    elif fmt == "csv":
        yield from _group_turn_rows(_csv_rows(handle, source, {**DEFAULT_COLUMNS, **(columns or {})}), source)
    else:
        yield from _whole_file_call(handle, source, fmt)


# -- line-based formats: one call per line, or one turn per line grouped by call_id -----------------------------


@dataclass(frozen=True)
class _Row:
    line: int
    data: dict[str, Any] | None
    error: str | None = None


def _decoded_lines(handle: IO[bytes]) -> Iterator[tuple[int, str | None, str | None]]:
    for number, raw in enumerate(handle, start=1):
        try:
            yield number, raw.decode("utf-8"), None
        except UnicodeDecodeError as error:
            yield number, None, f"geen geldige UTF-8 (byte 0x{raw[error.start]:02x} op positie {error.start})"


def _jsonl_rows(handle: IO[bytes], source: str) -> Iterator[_Row]:
    for number, text, error in _decoded_lines(handle):
        if error is not None:
            yield _Row(number, None, error)
            continue
        assert text is not None
        if not text.strip():
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as problem:
            yield _Row(number, None, f"geen geldige JSON: {problem.msg} (kolom {problem.colno})")
            continue
        if not isinstance(data, dict):
            yield _Row(number, None, "een regel moet een JSON-object zijn")
            continue
        yield _Row(number, data)


def _csv_rows(handle: IO[bytes], source: str, columns: dict[str, str]) -> Iterator[_Row]:
    decoded_lines = _decoded_lines(handle)
    bad: dict[int, str] = {}

    def text_lines() -> Iterator[str]:
        for number, text, error in decoded_lines:
            if error is not None:
                bad[number] = error
                yield "\n"
            else:
                yield text or ""

    reader = csv.DictReader(text_lines())
    start_line = 2
    for row in reader:
        line = start_line
        start_line = reader.line_num + 1
        if line in bad:
            yield _Row(line, None, bad.pop(line))
            continue
        if None in row:
            yield _Row(line, None, "meer velden dan kolommen")
            continue
        yield _Row(line, {key: row.get(column) for key, column in columns.items() if row.get(column) not in (None, "")})
    for line, error in sorted(bad.items()):
        yield _Row(line, None, error)


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    return float(value)


def turn_from_record(data: dict[str, Any]) -> Turn:
    """A turn from one JSON/CSV record; ValueError (Dutch) names what is wrong."""
    text = data.get("text")
    if not isinstance(text, str):
        raise ValueError("tekstveld 'text' ontbreekt" if text is None else "'text' moet tekst zijn")
    speaker = data.get("speaker")
    if speaker is None or str(speaker).strip() == "":
        raise ValueError("spreker ('speaker') ontbreekt")
    try:
        return Turn(speaker=str(speaker), text=text, start=_number(data.get("start")), end=_number(data.get("end")))
    except ValueError:
        raise ValueError("'start'/'end' moeten getallen (seconden) zijn") from None


def call_from_record(data: dict[str, Any], source: str, line: int) -> Call:
    """A call from one JSON object (the call-per-line format); ValueError (Dutch) names what is wrong."""
    call_id = data.get("call_id")
    if call_id is None or str(call_id).strip() == "":
        raise ValueError("'call_id' ontbreekt")
    raw_turns = data.get("turns")
    if not isinstance(raw_turns, list):
        raise ValueError("'turns' moet een lijst zijn")
    turns = []
    for index, raw in enumerate(raw_turns):
        if not isinstance(raw, dict):
            raise ValueError(f"beurt {index} is geen object")
        try:
            turns.append(turn_from_record(raw))
        except ValueError as error:
            raise ValueError(f"beurt {index}: {error}") from None
    return call_from_turns(data, turns, source, line)


def call_from_turns(data: dict[str, Any], turns: list[Turn], source: str, line: int) -> Call:
    """A call from its turns and the record that carries the call's own fields: the call's record, or in
    turn-per-line input its first turn's. ValueError (Dutch) names a bad field."""
    return Call(
        call_id=str(data["call_id"]),
        turns=turns,
        agent_id=_optional_str(data.get("agent_id")),
        date=_optional_str(data.get("date")),
        source=source,
        line=line,
        **call_metadata(data),
    )


def call_metadata(data: dict[str, Any]) -> dict[str, Any]:
    """Optional `direction` ("inbound"/"outbound") and `organisation` (a name or a list of names) of a call."""
    metadata: dict[str, Any] = {}
    direction = data.get("direction")
    if direction not in (None, ""):
        if direction not in ("inbound", "outbound"):
            raise ValueError(f"'direction' moet 'inbound' of 'outbound' zijn, niet {direction!r}")
        metadata["direction"] = direction
    organisation = data.get("organisation")
    if isinstance(organisation, str):
        organisation = [organisation]
    if organisation not in (None, ""):
        if not isinstance(organisation, list) or not all(isinstance(name, str) for name in organisation):
            raise ValueError("'organisation' moet een naam of een lijst met namen zijn")
        metadata["organisation"] = organisation
    return metadata


def _optional_str(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _group_turn_rows(rows: Iterable[_Row], source: str) -> Iterator[Record]:
    """Call-per-line rows become calls; consecutive turn-per-line rows with one call_id become one call."""
    pending: dict[str, Any] | None = None
    seen: set[str] = set()

    def flush() -> Iterator[Record]:
        nonlocal pending
        if pending is not None:
            try:
                record = finished_call(call_from_turns(pending["first"], pending["turns"], source, pending["line"]))
            except ValueError as error:
                record = RecordError(source, pending["line"], str(error), pending["call_id"])
            yield record
            pending = None

    for row in rows:
        if row.error is not None or row.data is None:
            yield RecordError(source, row.line, row.error or "leeg record")
            continue
        data = row.data
        if "turns" in data:
            yield from flush()
            try:
                yield finished_call(call_from_record(data, source, row.line))
            except ValueError as error:
                yield RecordError(source, row.line, str(error), _optional_str(data.get("call_id")))
            continue
        call_id = _optional_str(data.get("call_id"))
        if call_id is None:
            yield RecordError(source, row.line, "'call_id' ontbreekt")
            continue
        try:
            turn = turn_from_record(data)
        except ValueError as error:
            yield RecordError(source, row.line, str(error), call_id)
            continue
        if pending is not None and pending["call_id"] != call_id:
            yield from flush()
        if pending is None:
            if call_id in seen:
                yield RecordError(
                    source, row.line, f"beurten van gesprek '{call_id}' staan niet aaneengesloten", call_id
                )
                continue
            seen.add(call_id)
            # The call's own fields (agent, date, direction, organisation) come from its first turn.
            pending = {"call_id": call_id, "first": data, "turns": [], "line": row.line}
        pending["turns"].append(turn)
    yield from flush()


def finished_call(call: Call) -> Record:
    """The call, or an error record when it has no turn with text."""
    if not call.turns or all(not turn.text.strip() for turn in call.turns):
        return RecordError(call.source, call.line, "leeg gesprek: geen beurten met tekst", call.call_id)
    return call


# -- whole-file formats: one call per file ------------------------------------------------------------------------


def _whole_file_call(handle: IO[bytes], source: str, fmt: str) -> Iterator[Record]:
    data = handle.read()
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        yield RecordError(source, line, f"geen geldige UTF-8 (byte 0x{data[error.start]:02x})")
        return
    call_id = Path(source).name.split(".")[0] or "stdin"
    try:
        turns = {"vtt": _vtt_turns, "srt": _srt_turns, "txt": _txt_turns, "whisper": _whisper_turns}[fmt](text)
    except ValueError as error:
        yield RecordError(source, getattr(error, "line", 0), str(error), call_id)
        return
    yield finished_call(Call(call_id=call_id, turns=turns, source=source, line=1))


class _LineError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def _seconds(match: re.Match[str]) -> float:
    hours, minutes, seconds, fraction = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(fraction.ljust(3, "0")) / 1000


def _cues(text: str) -> Iterator[tuple[int, float, float, str]]:
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        timing = CUE_TIMING.match(lines[index])
        if not timing:
            index += 1
            continue
        start_match = TIMESTAMP.match(timing.group(1))
        end_match = TIMESTAMP.match(timing.group(6))
        assert start_match is not None and end_match is not None
        cue_line = index + 1
        index += 1
        body = []
        while index < len(lines) and lines[index].strip():
            body.append(lines[index])
            index += 1
        yield cue_line, _seconds(start_match), _seconds(end_match), "\n".join(body)


def _vtt_turns(text: str) -> list[Turn]:
    if not text.lstrip().startswith("WEBVTT"):
        raise _LineError("geen WebVTT: de eerste regel moet 'WEBVTT' zijn", 1)
    turns = []
    for line, start, end, body in _cues(text):
        voice = VOICE.search(body)
        if voice is None:
            raise _LineError("cue zonder spreker (<v Naam>)", line)
        turns.append(
            Turn(speaker=voice.group(1).strip(), text=TAG.sub("", voice.group(2)).strip(), start=start, end=end)
        )
    return turns


def _srt_turns(text: str) -> list[Turn]:
    turns = []
    for line, start, end, body in _cues(text):
        labelled = SPEAKER_LINE.match(TAG.sub("", body))
        if labelled is None:
            raise _LineError("ondertitel zonder spreker ('Naam: tekst')", line)
        turns.append(
            Turn(
                speaker=labelled.group(1).strip(),
                text=labelled.group(2).replace("\n", " ").strip(),
                start=start,
                end=end,
            )
        )
    return turns


def _txt_turns(text: str) -> list[Turn]:
    turns: list[Turn] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        labelled = SPEAKER_LINE.match(line)
        if labelled is None:
            if not turns:
                raise _LineError("regel zonder spreker ('Agent: ...' / 'Klant: ...')", number)
            last = turns[-1]
            turns[-1] = last.model_copy(update={"text": f"{last.text} {line.strip()}"})
            continue
        turns.append(Turn(speaker=labelled.group(1).strip(), text=labelled.group(2).strip()))
    return turns


def _whisper_turns(text: str) -> list[Turn]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _LineError(f"geen geldige JSON: {error.msg}", error.lineno) from None
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        raise _LineError("Whisper-JSON zonder lijst 'segments'", 1)
    turns = []
    for index, segment in enumerate(segments):
        if not isinstance(segment, dict) or not isinstance(segment.get("text"), str):
            raise _LineError(f"segment {index} zonder tekst", 1)
        speaker = segment.get("speaker")
        if not speaker:
            raise _LineError(f"segment {index} zonder spreker (gebruik WhisperX met diarisatie)", 1)
        turns.append(
            Turn(
                speaker=str(speaker),
                text=segment["text"].strip(),
                start=_number(segment.get("start")),
                end=_number(segment.get("end")),
            )
        )
    return turns
