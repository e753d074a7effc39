"""Linting records in worker processes, results in input order, memory bounded by a window of records."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice

from klantlint.config import Config
from klantlint.engine.linter import Linter, Mode
from klantlint.transcripts.linting import check_calls_in_process
from klantlint.transcripts.models import CallResult
from klantlint.transcripts.readers import Record, RecordError

# Records per task: large enough to batch the parser well, small enough to keep memory flat.
CHUNK = 64
_worker_linter: Linter | None = None
_worker_agent_speaker: str | None = None


def _initialise(config_json: str, mode: Mode, agent_speaker: str | None) -> None:
    # Each worker builds its pipeline and compiled rules once, not per call.
    global _worker_linter, _worker_agent_speaker
    _worker_linter = Linter(Config.model_validate_json(config_json), mode=mode)
    _worker_agent_speaker = agent_speaker


def _lint_window(records: list[Record]) -> list[CallResult | RecordError]:
    assert _worker_linter is not None
    return _lint_in_process(_worker_linter, records, _worker_agent_speaker)


def _lint_in_process(
    linter: Linter, records: list[Record], agent_speaker: str | None
) -> list[CallResult | RecordError]:
    calls = [record for record in records if not isinstance(record, RecordError)]
    results = iter(check_calls_in_process(linter, calls, agent_speaker))
    return [record if isinstance(record, RecordError) else next(results) for record in records]


def lint_records(
    records: Iterable[Record], linter: Linter, *, jobs: int = 1, agent_speaker: str | None = None
) -> Iterator[tuple[Record, CallResult | RecordError]]:
    """Each record with its result, in input order; with `jobs > 1` the linting runs in worker processes."""
    iterator = iter(records)
    if jobs <= 1:
        while window := list(islice(iterator, CHUNK)):
            yield from zip(window, _lint_in_process(linter, window, agent_speaker), strict=True)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(
        jobs, initializer=_initialise, initargs=(linter.config.model_dump_json(), linter.mode, agent_speaker)
    ) as pool:
        while window := list(islice(iterator, CHUNK * jobs * 4)):
            chunks = [window[start : start + CHUNK] for start in range(0, len(window), CHUNK)]
            for chunk, results in zip(chunks, pool.imap(_lint_window, chunks), strict=True):
                yield from zip(chunk, results, strict=True)
