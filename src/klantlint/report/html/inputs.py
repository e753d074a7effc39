"""Reading the outputs of `klantlint batch` for the report: validated rows, streamed, bad lines named by file:line.

The findings file (JSONL) and the summary file (JSONL or CSV) of one batch run list the calls in the same
order, and a call's findings are contiguous; `iter_calls` joins them in one pass over each file, so memory
does not grow with the number of calls.
"""

from __future__ import annotations

import csv
import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

from klantlint.errors import KlantlintError
from klantlint.findings import Severity, Suggestion
from klantlint.io.os_errors import ReadFault, describe_read_error
from klantlint.io.parser_reasons import dutch_json_reason, invalid_csv_record
from klantlint.io.validation_reasons import dutch_validation_reason
from klantlint.io.wording import counted


class ReportInputError(KlantlintError):
    """A findings or summary file that cannot be read: names the file, the line and the reason."""


class SummaryRow(BaseModel):
    """The fields of one summary line that the report uses."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    call_id: str
    agent_id: str | None = None
    date: str | None = None
    source: str = ""
    line: int = 0
    agent_words: int = Field(ge=0)
    findings: int = Field(ge=0)
    score: float = Field(ge=0, le=100)

    @field_validator("agent_id", "date", mode="before")
    @classmethod
    def _empty_is_missing(cls, value: Any) -> Any:
        # CSV writes a missing value as an empty cell.
        return None if value == "" else value

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.source, self.line, self.call_id)


class FindingRow(BaseModel):
    """The fields of one findings line that the report uses; offsets are into `turn_text`. `record_line` is the
    input line of the call's record (older findings files named it `line`)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    call_id: str
    agent_id: str | None = None
    source: str = ""
    record_line: int = Field(default=0, validation_alias=AliasChoices("record_line", "line"))
    turn_index: int | None = None
    code: str
    name: str = ""
    severity: Severity
    message: str = ""
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    turn_text: str | None = None
    suggestions: list[Suggestion] = Field(default_factory=list)

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.source, self.record_line, self.call_id)


Row = TypeVar("Row", SummaryRow, FindingRow)


def _reason(error: ValidationError, text: str = "") -> str:
    first = error.errors()[0]
    if first["type"] == "json_invalid":
        return _json_problem(text)
    if first["type"] == "model_type" and not first["loc"]:
        return "verwacht een JSON-object per regel"
    field = ".".join(str(part) for part in first["loc"])
    return f"veld '{field}' {dutch_validation_reason(first)}"


def _json_problem(text: str) -> str:
    """Why `text` is no valid JSON, in Dutch: pydantic's own reason is English, so Python's json module reads the
    line again (only on the error path) for a reason and a column."""
    try:
        json.loads(text.rstrip("\r\n"))  # the line end is no part of the line's JSON (else: "control character")
    except json.JSONDecodeError as problem:
        return f"geen geldige JSON: {dutch_json_reason(problem.msg)} (kolom {problem.colno})"
    except RecursionError:
        return "geen geldige JSON: te diep genest"
    return "geen geldige JSON"


def _open_text(path: Path) -> IO[str]:
    try:
        if path.suffix == ".gz":
            return gzip.open(path, "rt", encoding="utf-8", newline="")
        return path.open("r", encoding="utf-8", newline="")
    except OSError as error:
        raise _unreadable(path, error) from None


def _unreadable(path: Path, error: ReadFault) -> ReportInputError:
    """The error for a file that could not be read (opened, or decompressed from .gz), with the cause in Dutch."""
    return ReportInputError(f"{path}: niet te lezen: {describe_read_error(error)}")


def _not_utf8(path: Path) -> ReportInputError:
    """The error for a file that is not UTF-8, naming the first line that is not.

    A text-mode file decodes ahead in chunks, so its decoding error says neither the line nor which chunk: the file is
    read again as bytes, line by line (a UTF-8 character never holds a newline byte), up to the first bad line."""
    try:
        with gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    return ReportInputError(f"{path}:{number}: geen UTF-8-tekst")
    except (OSError, EOFError, zlib.error) as error:
        return _unreadable(path, error)
    return ReportInputError(f"{path}: geen UTF-8-tekst")


def _numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with _open_text(path) as handle:
            yield from enumerate(handle, start=1)
    except UnicodeDecodeError:
        raise _not_utf8(path) from None
    except (OSError, EOFError, zlib.error) as error:
        raise _unreadable(path, error) from None


def _jsonl_rows(path: Path, model: type[Row]) -> Iterator[tuple[int, Row]]:
    # pydantic parses and validates each line in one step (faster than json.loads, then validating).
    for number, text in _numbered_lines(path):
        if not text.strip():
            continue
        try:
            row = model.model_validate_json(text)
        except ValidationError as error:
            raise ReportInputError(f"{path}:{number}: {_reason(error, text)}") from None
        yield number, row


def _csv_rows(path: Path, model: type[Row]) -> Iterator[tuple[int, Row]]:
    """Rows of a summary CSV, each numbered by the line it starts on (a quoted cell may span lines).

    csv.reader rather than DictReader: DictReader's own line count stays at the last good row after a `csv.Error`,
    which named the line before a malformed row."""
    with _open_text(path) as handle:
        cells_by_line = csv.reader(handle)
        start = 1
        try:
            header = next(cells_by_line, None)
            while header is not None:
                start = cells_by_line.line_num + 1
                cells = next(cells_by_line, None)
                if cells is None:
                    break
                if not cells:  # a blank line, as DictReader skips it
                    continue
                if len(cells) > len(header):
                    raise ReportInputError(f"{path}:{start}: meer cellen dan kolommen")
                # A row cut short lacks its last cells: they are missing values ("veld ... ontbreekt"), where DictReader
                # made them None ("veld ... moet tekst zijn").
                values = dict(zip(header, cells, strict=False))
                try:
                    row = model.model_validate(values)
                except ValidationError as error:
                    raise ReportInputError(f"{path}:{start}: {_reason(error)}") from None
                yield start, row
        except UnicodeDecodeError:
            raise _not_utf8(path) from None
        except (OSError, EOFError, zlib.error) as error:
            raise _unreadable(path, error) from None
        except csv.Error as error:
            reason = invalid_csv_record(error, start, cells_by_line.line_num)
            raise ReportInputError(f"{path}:{start}: {reason}") from None


def _is_csv(path: Path) -> bool:
    suffixes = path.suffixes
    return bool(suffixes) and (suffixes[-1] == ".csv" or suffixes[-2:] == [".csv", ".gz"])


def iter_summary_rows(path: Path) -> Iterator[tuple[int, SummaryRow]]:
    return _csv_rows(path, SummaryRow) if _is_csv(path) else _jsonl_rows(path, SummaryRow)


def iter_finding_rows(path: Path) -> Iterator[tuple[int, FindingRow]]:
    return _jsonl_rows(path, FindingRow)


def iter_calls(findings_path: Path, summary_path: Path) -> Iterator[tuple[SummaryRow, list[FindingRow]]]:
    """Each summary row with its findings, joined in one pass over both files."""
    findings = iter_finding_rows(findings_path)
    pending = next(findings, None)
    for number, row in iter_summary_rows(summary_path):
        call_findings: list[FindingRow] = []
        while pending is not None and pending[1].key == row.key:
            call_findings.append(pending[1])
            pending = next(findings, None)
        if len(call_findings) != row.findings:
            raise ReportInputError(
                f"{summary_path}:{number}: gesprek '{row.call_id}' heeft "
                f"{counted(row.findings, 'bevinding', 'bevindingen')} volgens de "
                f"samenvatting, maar {len(call_findings)} op die plaats in {findings_path}; geef de bevindingen en de "
                "samenvatting van dezelfde batch-run, in de volgorde waarin klantlint ze schreef"
            )
        yield row, call_findings
    if pending is not None:
        number, finding = pending
        raise ReportInputError(
            f"{findings_path}:{number}: bevinding bij gesprek '{finding.call_id}' dat niet (op die plaats) in "
            f"{summary_path} staat; geef de bevindingen en de samenvatting van dezelfde batch-run"
        )
