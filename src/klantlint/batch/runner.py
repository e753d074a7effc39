"""`klantlint batch`: lint call transcripts into findings, per-call summaries and error records.

Lossless: every input record ends up as one summary line (its findings in the findings file) or one
error line. Resumable: outputs are appended call by call, findings before the call's summary line, so
after a kill the completed calls are exactly those with a summary or error line; `--resume` drops a
torn last line and the findings of the unfinished call, then skips the completed records.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from klantlint.batch.call_ids import CallIds
from klantlint.batch.parallel import Jobs, lint_records, resolve_jobs
from klantlint.batch.progress import Progress
from klantlint.batch.summary import finding_records, summary_record
from klantlint.engine.linter import Linter
from klantlint.errors import KlantlintError
from klantlint.io.locks import locked_outputs
from klantlint.io.output import OutputFile, output_error, refuse_special_file, write_atomically
from klantlint.io.wording import counted, number
from klantlint.transcripts.errors import RecordError
from klantlint.transcripts.models import Call, CallResult, Record, Result
from klantlint.transcripts.readers import ReadOptions, iter_records
from klantlint.transcripts.roles import no_agent_reason

SUMMARY_CSV_FIELDS = [
    "call_id",
    "agent_id",
    "date",
    "source",
    "line",
    "agent_speaker",
    "role_method",
    "role_confidence",
    "turns",
    "agent_words",
    "customer_words",
    "agent_talk_share",
    "findings",
    "findings_per_100_agent_words",
    "score",
    "counts",
    "longest_agent_monologue_s",
    "holds",
    "hold_durations_s",
    "conversation_rules",
    "conversation_rules_skipped",
    "incomplete",
    "turns_lost",
    "duplicate_call_id",
]
# Without --errors, the first few error reasons are shown on stderr.
ERRORS_SHOWN = 5
# One JSON line of an output file: `json.dumps(value, ensure_ascii=False)`, with one encoder for the run rather than
# one per line. Output records are trees of plain values, so there is no cycle to look for.
_json_text = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


@dataclass
class BatchOptions:
    inputs: list[str]  # files (or "-"), as `expand_inputs` gives them
    output: Path | None
    summary: Path | None
    errors: Path | None
    input_format: str | None = None
    agent_speaker: str | None = None
    jobs: Jobs = 1  # a number, "auto" (every available CPU) or None (auto for a large run; see `lint_records`)
    engine: str = "local"  # "local" (worker processes) or "dask" (klantlint.batch.dask_engine)
    scheduler: str | None = None  # with engine "dask": the scheduler's address, else a local cluster of `jobs`
    resume: bool = False
    strict: bool = False
    progress: bool = False
    # The folder each input file's call id is relative to (file-per-call formats), as `expand_inputs_with_roots`
    # gives it; a file not in here gets its own name as call id.
    roots: dict[str, str | None] = field(default_factory=dict)


@dataclass
class BatchTotals:
    calls: int = 0
    turns: int = 0
    words: int = 0
    findings: int = 0
    errors: int = 0
    skipped: int = 0
    incomplete: int = 0
    duplicate_ids: int = 0
    shown_errors: list[str] = field(default_factory=list)  # the first few, for stderr when there is no errors file
    started: float = field(default_factory=time.perf_counter)

    def closing_line(self) -> str:
        elapsed = time.perf_counter() - self.started
        rate = self.words / elapsed if elapsed else 0.0
        resumed = f", {number(self.skipped)} al gedaan" if self.skipped else ""
        incomplete = f" ({self.incomplete} onvolledig)" if self.incomplete else ""
        duplicates = (
            f"; waarschuwing: {counted(self.duplicate_ids, 'gesprek', 'gesprekken')} met een call_id die al eerder "
            "voorkwam"
            if self.duplicate_ids
            else ""
        )
        return (
            f"klantlint batch: {counted(self.calls, 'gesprek', 'gesprekken')}{incomplete}, "
            f"{counted(self.turns, 'beurt', 'beurten')}, {counted(self.words, 'agentwoord', 'agentwoorden')}, "
            f"{counted(self.findings, 'bevinding', 'bevindingen')}, {counted(self.errors, 'fout', 'fouten')}{resumed}, "
            f"{number(elapsed, 1)} s, {number(rate)} woorden/s"
            f"{duplicates}"
        )

    def error_lines(self, errors_file: Path | None) -> list[str]:
        """For stderr when no errors file was given: the first error reasons, and how many more there are."""
        if errors_file is not None or not self.errors:
            return []
        more = self.errors - len(self.shown_errors)
        tail = (
            [f"... en nog {counted(more, 'fout', 'fouten')}; --errors BESTAND schrijft ze allemaal"] if more > 0 else []
        )
        return self.shown_errors + tail


class StrictStop(Exception):
    """--strict: the first bad record stops the run."""

    def __init__(self, error: RecordError) -> None:
        super().__init__(f"{error.source}:{error.line}: {error.reason}")


def record_key(source: str, line: int) -> str:
    return f"{source}\x00{line}"


def _repair_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read the complete lines of a JSONL output and cut off a torn last line."""
    if not _resumable(path):
        return []
    records: list[dict[str, Any]] = []
    good_length = 0
    with path.open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            try:
                records.append(json.loads(raw))
            except json.JSONDecodeError:
                break
            good_length += len(raw)
    with path.open("r+b") as handle:
        handle.truncate(good_length)
    return records


def _repair_csv(path: Path) -> list[dict[str, Any]]:
    if not _resumable(path):
        return []
    data = path.read_bytes()
    cut = data.rfind(b"\n") + 1
    reader = csv.DictReader(io.StringIO(data[:cut].decode("utf-8")))
    if reader.fieldnames is not None and reader.fieldnames != SUMMARY_CSV_FIELDS:
        raise KlantlintError(
            f"{path}: de kolommen wijken af van die van deze versie van klantlint; --resume kan er niet aan "
            "verder schrijven: begin een nieuwe run zonder --resume"
        )
    rows = list(reader)
    path.write_bytes(data[:cut])
    return [{**row, "line": int(row["line"])} for row in rows]


def _resumable(path: Path) -> bool:
    """Whether an output of an earlier run is there to resume; a device or pipe cannot be resumed."""
    refuse_special_file(path)
    return path.exists()


def _summary_rows(options: BatchOptions) -> list[dict[str, Any]]:
    if options.summary is None:
        return []
    return _repair_csv(options.summary) if options.summary.suffix == ".csv" else _repair_jsonl(options.summary)


def completed_records(options: BatchOptions, call_ids: CallIds | set[str] | None = None) -> set[str]:
    """Keys of records whose output is complete; also removes what an interrupted run left half-written.
    The ids of the calls already summarised are added to `call_ids`, when given."""
    done: set[str] = set()
    rows = _summary_rows(options)
    done |= {record_key(row["source"], int(row["line"])) for row in rows}
    if call_ids is not None:
        call_ids.update(str(row["call_id"]) for row in rows)
    if options.errors is not None:
        done |= {record_key(row["source"], int(row["line"])) for row in _repair_jsonl(options.errors)}
    if options.output is not None and _resumable(options.output):
        kept = [row for row in _repair_jsonl(options.output) if _finding_record_key(row) in done]
        _rewrite_jsonl(options.output, kept)
    return done


def _finding_record_key(row: dict[str, Any]) -> str:
    """The record key of a findings line; files written before `record_line` called it `line`."""
    return record_key(row["source"], int(row["record_line"] if "record_line" in row else row["line"]))


def _rewrite_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    write_atomically(path, "".join(_json_text(row) + "\n" for row in rows))


class Outputs:
    """The three output files, appended call by call and flushed so a kill loses at most one call."""

    def __init__(self, options: BatchOptions, conversation_codes: frozenset[str]) -> None:
        self.conversation_codes = conversation_codes  # the run's conversation rules, plugins included
        paths = [path for path in (options.output, options.errors, options.summary) if path is not None]
        files = dict(zip(paths, OutputFile.open_all(paths, append=options.resume), strict=True))
        self.findings = files.get(options.output) if options.output else None
        self.errors = files.get(options.errors) if options.errors else None
        self.summary = files.get(options.summary) if options.summary else None
        self.summary_csv = None
        if self.summary is not None and self.summary.path.suffix == ".csv":
            self.summary_csv = csv.DictWriter(self.summary, fieldnames=SUMMARY_CSV_FIELDS)
            if self.summary.is_empty():
                self.summary_csv.writeheader()

    def write_call(self, result: CallResult, *, duplicate_call_id: bool = False) -> None:
        if self.findings is not None:
            self.findings.write("".join(_json_text(row) + "\n" for row in finding_records(result)))
            self.findings.flush()
        if self.summary is not None:
            record = summary_record(
                result, duplicate_call_id=duplicate_call_id, conversation_codes=self.conversation_codes
            )
            if self.summary_csv is not None:
                # Counts and lists (hold durations, conversation rules) go into one CSV cell as JSON.
                self.summary_csv.writerow(
                    {key: json.dumps(val) if isinstance(val, dict | list) else val for key, val in record.items()}
                )
            else:
                self.summary.write(_json_text(record) + "\n")
            self.summary.flush()

    def write_error(self, error: RecordError) -> None:
        if self.errors is not None:
            record = {"source": error.source, "line": error.line, "call_id": error.call_id, "reason": error.reason}
            self.errors.write(_json_text(record) + "\n")
            self.errors.flush()

    def close(self, *, quietly: bool = False) -> None:
        """Close every file; `quietly` after a fault, when what cannot be flushed is dropped without a word."""
        for output in (self.findings, self.errors, self.summary):
            if output is None:
                continue
            if quietly:
                output.close_quietly()
            else:
                output.close()


def _records(
    options: BatchOptions, read_options: ReadOptions, done: set[str], totals: BatchTotals, progress: Progress
) -> Iterator[Record]:
    for path in options.inputs:
        records = iter_records(
            path,
            options.input_format,
            on_position=progress.reader(),
            options=read_options,
            root=options.roots.get(path),
        )
        for record in records:
            if record_key(record.source, record.line) in done:
                totals.skipped += 1
                continue
            progress.record_read()
            yield record
        progress.file_done(path)


def run_batch(linter: Linter, options: BatchOptions) -> BatchTotals:
    """Run the batch; returns the totals (the caller prints the closing line and picks the exit code).

    The outputs are locked for the run (a second run on them stops with OutputLocked); a file-system fault
    while writing them stops it with OutputError, leaving what was written complete for `--resume`.
    """
    outputs = [path for path in (options.output, options.summary, options.errors) if path is not None]
    with locked_outputs(outputs), CallIds() as call_ids:
        return _run_locked(linter, options, call_ids)


def _run_locked(linter: Linter, options: BatchOptions, call_ids: CallIds) -> BatchTotals:
    """The run; `call_ids` holds the ids of the calls summarised so far (none yet), to tell duplicates."""
    totals = BatchTotals()
    try:
        done = completed_records(options, call_ids) if options.resume else set()
    except OSError as error:
        raise output_error(error.filename or "uitvoer", error) from None
    progress = Progress(options.inputs, options.progress)
    config = linter.config
    read_options = ReadOptions(config.columns, config.encoding, config.csv_delimiter)
    records = _records(options, read_options, done, totals, progress)
    if options.engine == "dask":
        from klantlint.batch.dask_engine import lint_records_on_dask

        results = lint_records_on_dask(
            records,
            linter,
            scheduler=options.scheduler,
            jobs=resolve_jobs(options.jobs or 1),
            agent_speaker=options.agent_speaker,
        )
        # Reach the cluster (and lint the first chunk) before any output file is opened: an unreachable
        # scheduler must not leave the outputs of an earlier run emptied.
        results = _started(results)
    else:
        results = lint_records(records, linter, jobs=options.jobs, agent_speaker=options.agent_speaker)
    phrase_codes = {rule.info.code for rule in linter.catalogue.phrase_rules}
    outputs = Outputs(options, frozenset(info.code for info in linter.catalogue.infos()) - phrase_codes)
    closed = False
    try:
        for record, result in progress.track(results):
            if isinstance(result, RecordError):
                _error(outputs, totals, result, options.strict)
            elif result.roles.agent_speaker is None:
                reason = no_agent_reason(cast(Call, record), options.agent_speaker)  # a call's result
                _error(outputs, totals, RecordError(result.source, result.line, reason, result.call_id), options.strict)
            else:
                duplicate = call_ids.add(result.call_id)
                if duplicate and options.strict:
                    reason = f"call_id '{result.call_id}' komt al eerder voor (--strict)"
                    _error(outputs, totals, RecordError(result.source, result.line, reason, result.call_id), True)
                outputs.write_call(result, duplicate_call_id=duplicate)
                totals.duplicate_ids += duplicate
                totals.incomplete += result.turns_lost > 0
                totals.calls += 1
                totals.turns += result.turns
                totals.words += result.agent_words
                totals.findings += len(result.findings)
        closed = True
        outputs.close()
    finally:
        if not closed:
            outputs.close(quietly=True)
    return totals


def _started(
    results: Iterator[tuple[Record, Result]],
) -> Iterator[tuple[Record, Result]]:
    """The same stream, with its first item already computed (errors in starting it surface here)."""
    first = next(results, None)
    return results if first is None else itertools.chain([first], results)


def _error(outputs: Outputs, totals: BatchTotals, error: RecordError, strict: bool) -> None:
    outputs.write_error(error)
    totals.errors += 1
    if len(totals.shown_errors) < ERRORS_SHOWN:
        totals.shown_errors.append(f"{error.source}:{error.line}: {error.reason}")
    if strict:
        raise StrictStop(error)
