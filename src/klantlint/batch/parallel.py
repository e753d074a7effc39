"""Linting records in worker processes, results in input order, memory bounded by the chunks in flight.

Where the platform can fork, the parent and children forked once share the work (`klantlint.batch.forked`): nothing
is loaded in the children, they are sent the records in chunks. Elsewhere (spawn), a pool of workers that each build
their own Linter is sent the records in chunks.

`multiprocessing` and `klantlint.batch.forked` are imported only when a run uses more than one process: a check or
a one-process batch never needs them (about 15 ms of every such process).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING, Literal

from klantlint.batch.gc_pause import objects_frozen
from klantlint.catalogue import build_catalogue
from klantlint.config import Config
from klantlint.engine.linter import Linter, Mode
from klantlint.transcripts.linting import lint_records_in_process
from klantlint.transcripts.models import Record, Result

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

# Records per task: large enough to batch the parser well, small enough to keep memory flat.
CHUNK = 64
# Chunks queued per worker (spawn).
IN_FLIGHT = 4
# `jobs="auto"`: every CPU this process may run on.
AUTO: Literal["auto"] = "auto"
# `jobs=None` (`klantlint batch` without `--jobs`): a run of more records than this goes to `AUTO`, a smaller one
# stays in this process. Every child starts cold (no segments checked yet, pages copied on first write), so a short
# run gains little and sometimes loses, while loading the model still dominates it.
PARALLEL_FROM_RECORDS = CHUNK * 64
Jobs = int | Literal["auto"] | None

_worker_linter: Linter | None = None
_worker_agent_speaker: str | None = None


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity mask, which a container or `taskset` may narrow)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def resolve_jobs(jobs: int | Literal["auto"]) -> int:
    """The number of processes `jobs` stands for: `AUTO` is `available_cpus()`."""
    return available_cpus() if jobs == AUTO else jobs


def lint_records(
    records: Iterable[Record], linter: Linter, *, jobs: Jobs = 1, agent_speaker: str | None = None
) -> Iterator[tuple[Record, Result]]:
    """Each record with its result, in input order; with `jobs > 1` the linting runs in worker processes.
    `jobs="auto"` uses every available CPU; `jobs=None` does so only for a run of more than
    `PARALLEL_FROM_RECORDS` records (read ahead to find out), and lints a smaller one in this process."""
    iterator = iter(records)
    linter.load()  # before the objects are frozen and workers forked: they share the loaded pipeline
    if jobs is None:
        ahead = _read_ahead(iterator, PARALLEL_FROM_RECORDS + 1)
        jobs = AUTO if len(ahead) > PARALLEL_FROM_RECORDS else 1
        iterator = chain(ahead, iterator)
    jobs = resolve_jobs(jobs)
    if jobs <= 1:
        while True:
            # Reading the window too: a full collection that reading sets off would otherwise walk every object of
            # the loaded pipeline (0.1 s or more, once or twice a run).
            with objects_frozen():
                window = list(islice(iterator, CHUNK))
                results = lint_records_in_process(linter, window, agent_speaker) if window else []
            if not window:
                return
            yield from zip(window, results, strict=True)
    import multiprocessing

    if "fork" in multiprocessing.get_all_start_methods():
        from klantlint.batch.forked import lint_forked

        yield from lint_forked(iterator, linter, jobs, agent_speaker, chunk=CHUNK)
    else:
        yield from _lint_spawned(iterator, linter, jobs, agent_speaker)


def _read_ahead(iterator: Iterator[Record], count: int) -> list[Record]:
    """The next `count` records (fewer at the end), read with the objects that exist (the loaded pipeline, the
    records read so far) out of the collector's reach: each full collection that reading them sets off would
    otherwise walk them all again (a tenth of a second and more of a run's reading)."""
    ahead: list[Record] = []
    with objects_frozen() as freeze_read:
        while len(ahead) < count and (part := list(islice(iterator, min(CHUNK, count - len(ahead))))):
            ahead += part
            freeze_read()
    return ahead


# -- spawn: records are sent to workers that load their own Linter -----------------------------------------


def _initialise(config_json: str, mode: Mode, agent_speaker: str | None) -> None:
    # Each worker builds its pipeline and compiled rules once, not per call.
    global _worker_linter, _worker_agent_speaker
    config = Config.model_validate_json(config_json)
    _worker_linter = Linter(config, catalogue=build_catalogue(config.rule_paths), mode=mode)
    _worker_linter.load()
    _worker_agent_speaker = agent_speaker


def _lint_chunk(records: list[Record]) -> list[Result]:
    assert _worker_linter is not None
    return lint_records_in_process(_worker_linter, records, _worker_agent_speaker)


def _lint_spawned(
    iterator: Iterator[Record], linter: Linter, jobs: int, agent_speaker: str | None
) -> Iterator[tuple[Record, Result]]:
    initargs = (linter.config.model_dump_json(), linter.mode, agent_speaker)
    import multiprocessing

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
