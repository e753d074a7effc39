"""Linting records in worker processes, results in input order, memory bounded by a window of records."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice

from klantlint.config import Config
from klantlint.engine.linter import Linter, Mode
from klantlint.transcripts.models import CallResult
from klantlint.transcripts.readers import Record, RecordError

WINDOW = 256
_worker_linter: Linter | None = None
_worker_agent_speaker: str | None = None


def _initialise(config_json: str, mode: Mode, agent_speaker: str | None) -> None:
    # Each worker builds its pipeline and compiled rules once, not per call.
    global _worker_linter, _worker_agent_speaker
    _worker_linter = Linter(Config.model_validate_json(config_json), mode=mode)
    _worker_agent_speaker = agent_speaker


def _lint(record: Record) -> CallResult | RecordError:
    if isinstance(record, RecordError):
        return record
    assert _worker_linter is not None
    return _worker_linter.check_call(record, agent_speaker=_worker_agent_speaker)


def lint_records(
    records: Iterable[Record], linter: Linter, *, jobs: int = 1, agent_speaker: str | None = None
) -> Iterator[tuple[Record, CallResult | RecordError]]:
    """Each record with its result, in input order; with `jobs > 1` the linting runs in worker processes."""
    if jobs <= 1:
        for record in records:
            result = record if isinstance(record, RecordError) else linter.check_call(record,
                                                                                    agent_speaker=agent_speaker)
            yield record, result
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_initialise,
                      initargs=(linter.config.model_dump_json(), linter.mode, agent_speaker)) as pool:
        iterator = iter(records)
        while window := list(islice(iterator, WINDOW)):
            yield from zip(window, pool.imap(_lint, window, chunksize=8), strict=True)
