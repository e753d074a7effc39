"""Linting records in worker processes, results in input order, memory bounded by a window of records.

Where the platform can fork, the parent reads a window of records and forks the workers over it: they
inherit the loaded pipeline, the compiled rules and the records themselves (copy-on-write), so neither the
model nor the calls are sent to them; only results come back, with the segments each worker checked. The
parent adopts those into its segment cache, so the workers forked for the next window start warm. Elsewhere
(spawn), a pool of workers that each build their own Linter is sent the records in chunks.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.pool
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing.pool import AsyncResult

from klantlint.config import Config
from klantlint.engine.linter import CheckedSegment, Linter, Mode
from klantlint.transcripts.linting import check_calls_in_process
from klantlint.transcripts.models import CallResult
from klantlint.transcripts.readers import Record, RecordError

# Records per task: large enough to batch the parser well, small enough to keep memory flat.
CHUNK = 64
# Records per fork: the workers of one window share its records with the parent. Each fork costs the workers
# some warming up (copied pages, cold caches), so windows are large; the parent holds at most two of them.
WINDOW = CHUNK * 64
# Chunks queued per worker (spawn).
IN_FLIGHT = 4

Result = CallResult | RecordError


@dataclass
class _Forked:
    """What forked workers inherit from the parent."""

    linter: Linter
    agent_speaker: str | None
    window: list[Record]


_forked: _Forked | None = None
_worker_linter: Linter | None = None
_worker_agent_speaker: str | None = None


def _lint_in_process(linter: Linter, records: list[Record], agent_speaker: str | None) -> list[Result]:
    calls = [record for record in records if not isinstance(record, RecordError)]
    results = iter(check_calls_in_process(linter, calls, agent_speaker))
    return [record if isinstance(record, RecordError) else next(results) for record in records]


def lint_records(
    records: Iterable[Record], linter: Linter, *, jobs: int = 1, agent_speaker: str | None = None
) -> Iterator[tuple[Record, Result]]:
    """Each record with its result, in input order; with `jobs > 1` the linting runs in worker processes."""
    iterator = iter(records)
    if jobs <= 1:
        while window := list(islice(iterator, CHUNK)):
            yield from zip(window, _lint_in_process(linter, window, agent_speaker), strict=True)
    elif "fork" in multiprocessing.get_all_start_methods():
        yield from _lint_forked(iterator, linter, jobs, agent_speaker)
    else:
        yield from _lint_spawned(iterator, linter, jobs, agent_speaker)


# -- fork: workers inherit the window -----------------------------------------------------------


def _lint_forked(
    iterator: Iterator[Record], linter: Linter, jobs: int, agent_speaker: str | None
) -> Iterator[tuple[Record, Result]]:
    window = list(islice(iterator, WINDOW))
    while window:
        following: list[Record] = []
        for (start, end), (results, checked) in _forked_results(linter, window, jobs, agent_speaker):
            linter.remember_segments(checked)
            yield from zip(window[start:end], results, strict=True)
            # Read the next window while the workers are busy with this one.
            following += islice(iterator, max(0, min(CHUNK, WINDOW - len(following))))
        following += islice(iterator, max(0, WINDOW - len(following)))
        window = following


def _forked_results(
    linter: Linter, window: list[Record], jobs: int, agent_speaker: str | None
) -> Iterator[tuple[tuple[int, int], tuple[list[Result], list[CheckedSegment]]]]:
    """Each chunk's bounds in the window with its results and checked segments, in window order."""
    global _forked
    _forked = _Forked(linter, agent_speaker, window)
    ranges = [(start, min(start + CHUNK, len(window))) for start in range(0, len(window), CHUNK)]
    # Objects that exist at fork time are left out of the workers' garbage collection, so collecting does not
    # touch (and so copy) the inherited pages of the pipeline.
    gc.freeze()
    try:
        pool = multiprocessing.get_context("fork").Pool(min(jobs, len(ranges)))
    finally:
        gc.unfreeze()
        _forked = None
    with pool:
        yield from zip(ranges, pool.imap(_lint_range, ranges), strict=True)


def _lint_range(bounds: tuple[int, int]) -> tuple[list[Result], list[CheckedSegment]]:
    assert _forked is not None
    linter = _forked.linter
    linter.track_checked_segments()
    results = _lint_in_process(linter, _forked.window[bounds[0] : bounds[1]], _forked.agent_speaker)
    return results, linter.checked_segments()


# -- spawn: records are sent to workers that load their own Linter -----------------------------------------


def _initialise(config_json: str, mode: Mode, agent_speaker: str | None) -> None:
    # Each worker builds its pipeline and compiled rules once, not per call.
    global _worker_linter, _worker_agent_speaker
    _worker_linter = Linter(Config.model_validate_json(config_json), mode=mode)
    _worker_agent_speaker = agent_speaker


def _lint_chunk(records: list[Record]) -> list[Result]:
    assert _worker_linter is not None
    return _lint_in_process(_worker_linter, records, _worker_agent_speaker)


def _lint_spawned(
    iterator: Iterator[Record], linter: Linter, jobs: int, agent_speaker: str | None
) -> Iterator[tuple[Record, Result]]:
    initargs = (linter.config.model_dump_json(), linter.mode, agent_speaker)
    with multiprocessing.get_context("spawn").Pool(jobs, initializer=_initialise, initargs=initargs) as pool:
        # At most IN_FLIGHT chunks per worker are queued: memory stays bounded and no worker waits for a slow
        # neighbour, as it would behind a barrier between windows.
        pending: deque[tuple[list[Record], AsyncResult[list[Result]]]] = deque()
        while True:
            while len(pending) < jobs * IN_FLIGHT and (chunk := list(islice(iterator, CHUNK))):
                pending.append((chunk, pool.apply_async(_lint_chunk, (chunk,))))
            if not pending:
                return
            chunk, result = pending.popleft()
            yield from zip(chunk, result.get(), strict=True)
