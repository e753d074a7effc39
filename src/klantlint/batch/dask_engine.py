"""`klantlint batch --engine dask`: records are linted as tasks on a Dask cluster, results come back in input order.

The stream is the one `lint_records` gives, `(record, result)` in input order, so `run_batch` writes the same
outputs, resume and error files included. Records are read here and sent in chunks of 64; a bounded number of
chunks is in flight, so memory stays flat however large the input. When a worker dies, the scheduler reruns its
tasks elsewhere; each chunk's result is taken exactly once, in order, so nothing is lost or doubled.
"""

from __future__ import annotations

import functools
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any

from klantlint.batch.parallel import CHUNK
from klantlint.engine.linter import Linter
from klantlint.errors import KlantlintError
from klantlint.transcripts.models import Record, Result

if TYPE_CHECKING:
    from distributed import Client, Future

# Chunks in flight per worker thread: enough to keep every worker busy while results are written.
CHUNKS_PER_THREAD = 4
CONNECT_TIMEOUT = "10s"


def lint_records_on_dask(
    records: Iterable[Record],
    linter: Linter,
    *,
    scheduler: str | None = None,
    jobs: int = 1,
    agent_speaker: str | None = None,
) -> Iterator[tuple[Record, Result]]:
    """Each record with its result, in input order, linted on the cluster at `scheduler` (an address such as
    tcp://host:8786), or on a local cluster of `jobs` worker processes when no scheduler is given."""
    try:
        from klantlint.dask import lint_record_chunk
    except ImportError as missing:
        cause = missing.__cause__ or missing  # klantlint.dask wraps the ImportError of the missing package
        raise KlantlintError(f"--engine dask heeft Dask nodig: pip install 'klantlint[dask]' ({cause})") from None
    task = functools.partial(
        lint_record_chunk, config_json=linter.config.model_dump_json(), mode=linter.mode, agent_speaker=agent_speaker
    )
    iterator = iter(records)
    pending: deque[tuple[list[Record], Future[Any]]] = deque()
    with _client(scheduler, jobs) as client:

        def fill() -> None:
            limit = CHUNKS_PER_THREAD * max(1, sum(client.nthreads().values()))
            while len(pending) < limit and (chunk := list(islice(iterator, CHUNK))):
                pending.append((chunk, client.submit(task, chunk, pure=False)))

        fill()
        while pending:
            chunk, future = pending.popleft()
            results = _result(future)
            future.release()
            fill()
            yield from zip(chunk, results, strict=True)


def _result(future: Future[Any]) -> list[Result]:
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker as error:
        raise KlantlintError(
            f"Dask: een taak liet steeds zijn werker wegvallen ({error}); de uitvoer tot hier is compleet, "
            "ga verder met --resume"
        ) from None


@contextmanager
def _client(scheduler: str | None, jobs: int) -> Iterator[Client]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise KlantlintError("--engine dask heeft Dask nodig: pip install 'klantlint[dask]'") from None
    if scheduler is None:
        with (
            LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        raise KlantlintError(f"Dask-scheduler '{scheduler}' is niet bereikbaar: {error}") from None
    with client:
        yield client
