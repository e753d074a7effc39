"""Throughput of klantlint on a Dask cluster, per worker core, against the local single-process run.

    python benchmarks/dask_throughput.py [--calls 2000] [--seed 7] [--workers 1,2]

On one generated corpus (benchmarks/make_transcripts.py, `--mode fast`):
  local         `lint_records` in this process (one core), as `klantlint batch --jobs 1` runs it (its "worker CPU"
                is this process's)
  engine-N      `batch --engine dask`'s engine on a LocalCluster of N worker processes with one thread each
  bag-N         `klantlint.dask.lint_calls` over a bag of the calls (64 per partition), same cluster size
Reported: wall-clock throughput (also per worker core), and agent words per CPU-second of the workers, which does
not depend on what else the machine is running; and the CPU time of this process, which holds the client and the
LocalCluster's scheduler. Each variant gets a fresh cluster; before the clock starts, this
process and every worker lint the same 200-call warm-up corpus (another seed), so model loading and warm caches are
alike for all. Every variant's results must equal the local run's. Prints a table and writes
benchmarks/results/dask_throughput.md.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from benchmarks.results_header import write_results  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "dask_throughput.md"
PARTITION_SIZE = 64
WARM_UP_CALLS = 200


def _corpus(calls: int, seed: int) -> list[Any]:
    from make_transcripts import generate  # beside this script

    from klantlint.transcripts.models import Call

    return [Call.model_validate(call) for call in generate(calls, seed)]


def _row(
    variant: str, workers: int, words: int, seconds: float, worker_cpu: float, client_cpu: float
) -> dict[str, Any]:
    return {
        "variant": variant,
        "cores": workers,
        "seconds": round(seconds, 2),
        "words_per_s": round(words / seconds),
        "per_core": round(words / seconds / workers),
        "worker_cpu_s": round(worker_cpu, 2),
        "per_cpu_s": round(words / worker_cpu),
        "client_cpu_s": round(client_cpu, 2),
    }


def _worker_cpu(client: Any) -> float:
    return sum(client.run(time.process_time).values())


def measure(calls: int, seed: int, worker_counts: list[int]) -> tuple[list[dict[str, Any]], int]:
    """A row per variant, and the agent words of the corpus."""
    from distributed import Client, LocalCluster

    from klantlint import Linter
    from klantlint.batch.parallel import lint_records
    from klantlint.dask import lint_record_chunk
    from klantlint.transcripts.models import CallResult

    corpus = _corpus(calls, seed)
    warm_up = _corpus(WARM_UP_CALLS, seed + 1000)
    linter = Linter(mode="fast")
    config_json = linter.config.model_dump_json()
    lint_record_chunk(warm_up, config_json, linter.mode)
    started, cpu = time.perf_counter(), time.process_time()
    reference = [result for _, result in lint_records(corpus, linter)]
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    words = sum(result.agent_words for result in reference if isinstance(result, CallResult))
    rows = [_row("local", 1, words, elapsed, cpu, 0.0)]
    for workers in worker_counts:
        for variant in ("engine", "bag"):
            # A fresh cluster per variant, every worker warmed up on the same other corpus before the clock starts.
            with (
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                ) as cluster,
                Client(cluster) as client,
            ):
                client.run(lint_record_chunk, warm_up, config_json, linter.mode)
                worker_cpu, client_cpu, started = _worker_cpu(client), time.process_time(), time.perf_counter()
                results = _run(variant, client, corpus, linter)
                elapsed, client_cpu = time.perf_counter() - started, time.process_time() - client_cpu
                worker_cpu = _worker_cpu(client) - worker_cpu
                rows.append(_row(f"{variant}-{workers}", workers, words, elapsed, worker_cpu, client_cpu))
            _check_same(f"{variant}-{workers}", results, reference)
    return rows, words


def _check_same(variant: str, results: list[Any], reference: list[Any]) -> None:
    """A benchmark of wrong answers is worthless: stop at the first call whose result differs from the local run."""
    for got, expected in zip(results, reference, strict=True):
        if got.model_dump() != expected.model_dump():
            raise SystemExit(f"{variant}: result for {expected.call_id} differs from the local run:\n{got}\n{expected}")


def _run(variant: str, client: Any, corpus: list[Any], linter: Any) -> list[Any]:
    import dask.bag as db

    from klantlint.batch.dask_engine import lint_records_on_dask
    from klantlint.dask import lint_calls

    if variant == "engine":
        return [result for _, result in lint_records_on_dask(corpus, linter, scheduler=client.scheduler.address)]
    bag = db.from_sequence(corpus, partition_size=PARTITION_SIZE)
    return client.compute(lint_calls(bag, linter.config)).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", default="1,2", help="LocalCluster sizes (worker processes, one thread each)")
    args = parser.parse_args()
    rows, words = measure(args.calls, args.seed, [int(n) for n in args.workers.split(",")])
    lines = [
        f"{args.calls} calls with {words:,} agent words (about {words / args.calls:.0f} per call). Worker processes "
        f"have one thread each; every process first lints a {WARM_UP_CALLS}-call warm-up corpus. Every variant's "
        "results equalled the local run's (the script stops otherwise).",
        "",
        "| variant | worker cores | wall s | agent words/s | per worker core | worker CPU s | words per worker "
        "CPU s | client + scheduler CPU s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r['variant']} | {r['cores']} | {r['seconds']} | {r['words_per_s']:,} | {r['per_core']:,} | "
        f"{r['worker_cpu_s']} | {r['per_cpu_s']:,} | {r['client_cpu_s']} |"
        for r in rows
    ]
    lines += [
        "",
        "Wall-clock figures depend on what else the machine runs; agent words per worker CPU-second do not. The worker "
        "CPU includes a worker's own threads (communication, serialization, Dask's statistical profiler) besides the "
        "linting; with two workers the two cores are also shared with the scheduler and this client. Dask's "
        "statistical profiler costs part of it: `DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False` turns it off.",
    ]
    title = f"Dask throughput on generated call transcripts ({args.calls} calls, seed {args.seed}, `--mode fast`)"
    print(write_results(RESULTS, title, lines))


if __name__ == "__main__":
    main()
