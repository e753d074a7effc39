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
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from klantlint.batch.parallel import lint_records
from klantlint.batch.progress import Progress
from klantlint.batch.summary import finding_records, summary_record
from klantlint.engine.linter import Linter
from klantlint.transcripts.models import Call, CallResult
from klantlint.transcripts.readers import Record, RecordError, iter_records
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
]


@dataclass
class BatchOptions:
    inputs: list[str]  # files (or "-"), as `expand_inputs` gives them
    output: Path | None
    summary: Path | None
    errors: Path | None
    input_format: str | None = None
    agent_speaker: str | None = None
    jobs: int = 1
    engine: str = "local"  # "local" (worker processes) or "dask" (klantlint.batch.dask_engine)
    scheduler: str | None = None  # with engine "dask": the scheduler's address, else a local cluster of `jobs`
    resume: bool = False
    strict: bool = False
    progress: bool = False


@dataclass
class BatchTotals:
    calls: int = 0
    turns: int = 0
    words: int = 0
    findings: int = 0
    errors: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.perf_counter)

    def closing_line(self) -> str:
        elapsed = time.perf_counter() - self.started
        rate = self.words / elapsed if elapsed else 0.0
        resumed = f", {self.skipped} al gedaan" if self.skipped else ""
        return (
            f"klantlint batch: {self.calls} gesprekken, {self.turns} beurten, {self.words} agentwoorden, "
            f"{self.findings} bevindingen, {self.errors} fouten{resumed}, {elapsed:.1f} s, {rate:,.0f} woorden/s"
        )


class StrictStop(Exception):
    """--strict: the first bad record stops the run."""

    def __init__(self, error: RecordError) -> None:
        super().__init__(f"{error.source}:{error.line}: {error.reason}")


def record_key(source: str, line: int) -> str:
    return f"{source}\x00{line}"


def _repair_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read the complete lines of a JSONL output and cut off a torn last line."""
    if not path.exists():
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
    if not path.exists():
        return []
    data = path.read_bytes()
    cut = data.rfind(b"\n") + 1
    path.write_bytes(data[:cut])
    rows = list(csv.DictReader(io.StringIO(data[:cut].decode("utf-8"))))
    return [{**row, "line": int(row["line"])} for row in rows]


def completed_records(options: BatchOptions) -> set[str]:
    """Keys of records whose output is complete; also removes what an interrupted run left half-written."""
    done: set[str] = set()
    if options.summary is not None:
        rows = _repair_csv(options.summary) if options.summary.suffix == ".csv" else _repair_jsonl(options.summary)
        done |= {record_key(row["source"], int(row["line"])) for row in rows}
    if options.errors is not None:
        done |= {record_key(row["source"], int(row["line"])) for row in _repair_jsonl(options.errors)}
    if options.output is not None and options.output.exists():
        kept = [row for row in _repair_jsonl(options.output) if _finding_record_key(row) in done]
        _rewrite_jsonl(options.output, kept)
    return done


def _finding_record_key(row: dict[str, Any]) -> str:
    """The record key of a findings line; files written before `record_line` called it `line`."""
    return record_key(row["source"], int(row["record_line"] if "record_line" in row else row["line"]))


def _rewrite_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(temporary, path)


class Outputs:
    """The three output files, appended call by call and flushed so a kill loses at most one call."""

    def __init__(self, options: BatchOptions) -> None:
        mode = "a" if options.resume else "w"
        self.findings = options.output.open(mode, encoding="utf-8") if options.output else None
        self.errors = options.errors.open(mode, encoding="utf-8") if options.errors else None
        self.summary: IO[str] | None = (
            options.summary.open(mode, encoding="utf-8", newline="") if options.summary else None
        )
        self.summary_csv = None
        if self.summary is not None and options.summary is not None and options.summary.suffix == ".csv":
            self.summary_csv = csv.DictWriter(self.summary, fieldnames=SUMMARY_CSV_FIELDS)
            if self.summary.tell() == 0:
                self.summary_csv.writeheader()

    def write_call(self, result: CallResult) -> None:
        if self.findings is not None:
            for row in finding_records(result):
                self.findings.write(json.dumps(row, ensure_ascii=False) + "\n")
            self.findings.flush()
        if self.summary is not None:
            record = summary_record(result)
            if self.summary_csv is not None:
                # Counts and lists (hold durations, conversation rules) go into one CSV cell as JSON.
                self.summary_csv.writerow(
                    {key: json.dumps(val) if isinstance(val, dict | list) else val for key, val in record.items()}
                )
            else:
                self.summary.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.summary.flush()

    def write_error(self, error: RecordError) -> None:
        if self.errors is not None:
            record = {"source": error.source, "line": error.line, "call_id": error.call_id, "reason": error.reason}
            self.errors.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.errors.flush()

    def close(self) -> None:
        for handle in (self.findings, self.errors, self.summary):
            if handle is not None:
                handle.close()


def _records(
    options: BatchOptions, columns: dict[str, str], done: set[str], totals: BatchTotals, progress: Progress
) -> Iterator[Record]:
    for path in options.inputs:
        for record in iter_records(path, options.input_format, columns, on_position=progress.reader()):
            if record_key(record.source, record.line) in done:
                totals.skipped += 1
                continue
            progress.record_read()
            yield record
        progress.file_done(path)


def run_batch(linter: Linter, options: BatchOptions) -> BatchTotals:
    """Run the batch; returns the totals (the caller prints the closing line and picks the exit code)."""
    totals = BatchTotals()
    done = completed_records(options) if options.resume else set()
    progress = Progress(options.inputs, options.progress)
    records = _records(options, linter.config.columns, done, totals, progress)
    if options.engine == "dask":
        from klantlint.batch.dask_engine import lint_records_on_dask

        results = lint_records_on_dask(
            records, linter, scheduler=options.scheduler, jobs=options.jobs, agent_speaker=options.agent_speaker
        )
        # Reach the cluster (and lint the first chunk) before any output file is opened: an unreachable
        # scheduler must not leave the outputs of an earlier run emptied.
        results = _started(results)
    else:
        results = lint_records(records, linter, jobs=options.jobs, agent_speaker=options.agent_speaker)
    outputs = Outputs(options)
    try:
        for record, result in progress.track(results):
            if isinstance(result, RecordError):
                _error(outputs, totals, result, options.strict)
            elif result.roles.agent_speaker is None:
                reason = no_agent_reason(cast(Call, record), options.agent_speaker)  # a call's result
                _error(outputs, totals, RecordError(result.source, result.line, reason, result.call_id), options.strict)
            else:
                outputs.write_call(result)
                totals.calls += 1
                totals.turns += result.turns
                totals.words += result.agent_words
                totals.findings += len(result.findings)
    finally:
        outputs.close()
    return totals


def _started(
    results: Iterator[tuple[Record, CallResult | RecordError]],
) -> Iterator[tuple[Record, CallResult | RecordError]]:
    """The same stream, with its first item already computed (errors in starting it surface here)."""
    first = next(results, None)
    return results if first is None else itertools.chain([first], results)


def _error(outputs: Outputs, totals: BatchTotals, error: RecordError, strict: bool) -> None:
    outputs.write_error(error)
    totals.errors += 1
    if strict:
        raise StrictStop(error)
