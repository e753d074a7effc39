"""Reading call transcripts: JSONL, CSV, WebVTT, SRT, plain text and Whisper/WhisperX JSON.

Readers stream: line-based formats are decoded line by line, so memory stays flat however large the
input, and a bad line (malformed JSON, missing text, invalid UTF-8) becomes a `RecordError` that names
the file, the line and the reason, while the rest of the input is still read. The formats are a table in
`formats` (name, suffixes, reader; the readers live in `rows` for JSONL and CSV and `whole_file` for one call per
file); the encoding is told in `decoding`, and input without a file name (stdin) gets its format from its first
bytes (`sniff`).
"""

from __future__ import annotations

import glob
import gzip
import io
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from klantlint.errors import InputError
from klantlint.io.files import missing_reason
from klantlint.io.os_errors import describe_read_error
from klantlint.io.wording import counted
from klantlint.transcripts.decoding import file_encoding, peek
from klantlint.transcripts.errors import RecordError
from klantlint.transcripts.formats import FORMAT_BY_NAME, FORMAT_BY_SUFFIX, FORMATS, ReadOptions, Source
from klantlint.transcripts.models import Call, Record
from klantlint.transcripts.records import (
    call_from_record,
    call_from_turns,
    call_metadata,
    finished_call,
    turn_from_record,
)
from klantlint.transcripts.rows import DEFAULT_COLUMNS
from klantlint.transcripts.sniff import sniff_format

__all__ = [
    "DEFAULT_COLUMNS",
    "FORMATS",
    "ReadOptions",
    "Record",
    "RecordError",
    "call_from_record",
    "call_from_turns",
    "call_id_for",
    "call_metadata",
    "detect_format",
    "expand_inputs",
    "expand_inputs_with_roots",
    "finished_call",
    "iter_records",
    "read",
    "turn_from_record",
]

STDIN_CALL_ID = "stdin"


def detect_format(path: str) -> str:
    suffix = Path(_without_gz(path)).suffix.lower()
    if suffix not in FORMAT_BY_SUFFIX:
        raise InputError(
            f"{path}: onbekend transcriptformaat '{suffix}'; kies met --input-format een van {', '.join(FORMATS)}"
        )
    return FORMAT_BY_SUFFIX[suffix].name


def _without_gz(path: str) -> str:
    return path[:-3] if path.endswith(".gz") else path


def expand_inputs_with_roots(inputs: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Files from paths, directories (recursive, known formats, also .gz) and glob patterns, in stable order, each
    with the folder its call id is relative to (the folder or the fixed start of the glob; None for a file)."""
    for item in inputs:
        if item == "-":
            yield item, None
            continue
        path = Path(item)
        if path.is_dir():
            files = [found for found in sorted(path.rglob("*")) if found.is_file()]
            transcripts = [found for found in files if Path(_without_gz(found.name)).suffix.lower() in FORMAT_BY_SUFFIX]
            if not transcripts:  # as for a glob that matches nothing: the run would silently do nothing
                raise InputError(f"{item}: {_no_transcripts_reason(len(files))}")
            for found in transcripts:
                yield str(found), item
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError(f"{item}: geen bestanden gevonden")
            root = _glob_root(item)
            for match in matches:
                yield match, root
        else:
            if not path.exists():
                raise InputError(f"{item}: {missing_reason(item)}")
            yield item, None


def _no_transcripts_reason(other_files: int) -> str:
    looked_for = f"gezocht naar {', '.join(sorted(FORMAT_BY_SUFFIX))}, ook als .gz"
    if other_files == 0:
        return f"deze map bevat geen bestanden ({looked_for})"
    others = counted(other_files, "bestand", "bestanden")
    return f"deze map bevat geen transcriptbestanden, alleen {others} met een andere extensie ({looked_for})"


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """The files of `expand_inputs_with_roots`, without their roots."""
    for path, _root in expand_inputs_with_roots(inputs):
        yield path


def _glob_root(pattern: str) -> str:
    fixed = []
    for part in Path(pattern).parts[:-1]:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return str(Path(*fixed)) if fixed else "."


def call_id_for(path: str, root: str | None = None) -> str:
    """The call id of a file-per-call transcript: its path relative to `root` (default: its own folder), without
    the format's suffix and `.gz`, with '/' between folders; so `2026-11/a/transcript.vtt` stays apart from
    `2026-11/b/transcript.vtt` when the folder `calls/` is given."""
    if path == "-":
        return STDIN_CALL_ID
    file = Path(_without_gz(path))
    if file.suffix.lower() in FORMAT_BY_SUFFIX:
        file = file.with_suffix("")
    if root is not None:
        try:
            return file.relative_to(root).as_posix()
        except ValueError:
            pass
    return file.name or STDIN_CALL_ID


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
    options: ReadOptions | None = None,
    root: str | None = None,
) -> Iterator[Record]:
    """Calls and record errors from one input, in input order.

    `on_position`, when given, is called after each record with the byte position reached in the file
    as stored (compressed bytes for `.gz`), for a progress bar. `root` is the folder the call ids of file-per-call
    formats are relative to (`call_id_for`). `options` (encoding, delimiter, columns) replaces `columns` when given.
    """
    fmt = input_format or (None if path == "-" else detect_format(path))
    source = "<stdin>" if path == "-" else path
    options = options or ReadOptions(columns=columns)
    try:
        with open_binary(path) as handle:
            raw = getattr(handle, "fileobj", None) or handle  # a gzip file's compressed stream
            for record in _records_from_binary(handle, source, fmt, options, call_id_for(path, root)):
                if on_position is not None and path != "-":
                    on_position(raw.tell())
                yield record
    except (OSError, EOFError, zlib.error) as error:  # gzip.BadGzipFile is an OSError
        reason = describe_read_error(error, partly_read="wat ervoor stond, is gelezen")
        yield RecordError(source, 0, f"kan niet worden gelezen: {reason}")


def read(
    path_or_file: str | Path | IO[bytes] | IO[str],
    format: str | None = None,
    columns: dict[str, str] | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Iterator[Call]:
    """Calls from a transcript file, path or open file; a malformed record raises InputError naming it.

    Without `format`, a path's suffix tells it, and an open file's first bytes."""
    options = ReadOptions(columns, encoding, delimiter)
    if isinstance(path_or_file, str | Path):
        records = iter_records(str(path_or_file), format, options=options)
    else:
        records = _records_from_file(path_or_file, format, options)
    for record in records:
        if isinstance(record, RecordError):
            raise InputError(f"{record.source}:{record.line}: {record.reason}")
        yield record


def _records_from_file(handle: IO[Any], fmt: str | None, options: ReadOptions) -> Iterator[Record]:
    binary = handle if isinstance(handle.read(0), bytes) else io.BytesIO(handle.read().encode("utf-8"))
    name = str(getattr(handle, "name", "<file>"))
    yield from _records_from_binary(binary, name, fmt, options, call_id_for(name))


def _records_from_binary(
    handle: IO[bytes], source: str, fmt: str | None, options: ReadOptions, call_id: str
) -> Iterator[Record]:
    if fmt is not None and fmt not in FORMAT_BY_NAME:
        raise InputError(f"{source}: onbekend transcriptformaat '{fmt}'; kies een van {', '.join(FORMATS)}")
    head, stream = peek(handle)
    if fmt is None:
        codec, _problem = file_encoding(head, options.encoding)
        fmt = sniff_format(head.decode(codec, errors="replace"), options.all_columns()["call_id"])
    yield from FORMAT_BY_NAME[fmt].read(Source(head, stream, source, call_id, options))
