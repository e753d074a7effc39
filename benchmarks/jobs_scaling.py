"""`klantlint batch --jobs 2` against `--jobs 1` as whole processes on speech-to-text-like calls (issue 16, part 4).

    python benchmarks/jobs_scaling.py [--calls 10000] [--runs 3]

Generates `--calls` varied calls (benchmarks/make_transcripts.py --varied, seed 7), then runs `klantlint batch` with
`--jobs 1` and `--jobs 2` in turn (1, 2, 1, 2, ...), each a fresh process timed from outside: Python start, model
load, reading, linting and writing included. Reports the median wall time of each and the speed-up, with the
1-minute load average seen before every run: the figure means something only when the machine is otherwise idle
(a load near 0 before the runs). Writes benchmarks/results/jobs_scaling.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from benchmarks.processes import timed_batch  # noqa: E402
from benchmarks.results_header import write_results  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "jobs_scaling.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        corpus = scratch / "calls.jsonl"
        generator = [sys.executable, str(REPO / "benchmarks" / "make_transcripts.py"), "--calls", str(args.calls)]
        subprocess.run([*generator, "--seed", "7", "--varied", "--out", str(corpus)], check=True)
        timed_batch(corpus, scratch / "findings-1.jsonl", scratch / "summary-1.jsonl")  # warm-up: file cache, bytecode
        seconds: dict[int, list[float]] = {1: [], 2: []}
        loads: list[float] = []
        for _ in range(args.runs):
            for jobs in (1, 2):
                loads.append(os.getloadavg()[0])
                findings, summary = scratch / f"findings-{jobs}.jsonl", scratch / f"summary-{jobs}.jsonl"
                seconds[jobs].append(timed_batch(corpus, findings, summary, jobs=jobs))
        same = (scratch / "findings-1.jsonl").read_bytes() == (scratch / "findings-2.jsonl").read_bytes()
    one, two = statistics.median(seconds[1]), statistics.median(seconds[2])
    body = [
        f"`klantlint batch` over {args.calls:,} varied generated calls (seed 7), whole process, median of "
        f"{args.runs} alternating runs; {os.cpu_count()} CPUs.",
        "",
        "| jobs | wall seconds (median) | all runs | speed-up over jobs 1 |",
        "|---|---|---|---|",
        f"| 1 | {one:.2f} | {', '.join(f'{value:.2f}' for value in seconds[1])} | 1.00 |",
        f"| 2 | {two:.2f} | {', '.join(f'{value:.2f}' for value in seconds[2])} | {one / two:.2f} |",
        "",
        f"1-minute load average before each run: {', '.join(f'{load:.2f}' for load in loads)} (the runs add about "
        "1 while they last; a higher figure before a run means other work shared the machine).",
        f"Findings of jobs 1 and jobs 2 byte-identical: {'yes' if same else 'NO'}.",
    ]
    print("\n".join(body))
    write_results(RESULTS, "Batch speed-up from a second process (benchmarks/jobs_scaling.py)", body)


if __name__ == "__main__":
    main()
