"""Running klantlint as a whole process from a benchmark: pinning to one CPU, and one timed `klantlint batch`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def one_cpu() -> None:
    """Pin the calling process to one CPU of those it may use (the same one for every run); a `preexec_fn`."""
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def timed_batch(corpus: Path, findings: Path, summary: Path, *, jobs: int = 1, pinned: bool = False) -> float:
    """Wall seconds of one `klantlint batch --jobs JOBS` process over `corpus` (start, model load, reading, linting
    and writing included), writing `findings` and `summary`; with `pinned`, on one CPU.

    The process may write bytecode (PYTHONDONTWRITEBYTECODE is dropped), as an installed package has it: from the
    second run on, no module of a source checkout is compiled again, which would otherwise cost every run some
    0.1-0.2 s that no user pays."""
    command = [sys.executable, "-m", "klantlint", "batch", str(corpus), "--jobs", str(jobs)]
    outputs = ["-o", str(findings), "--summary", str(summary)]
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    completed = subprocess.run(
        [*command, *outputs],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
        preexec_fn=one_cpu if pinned else None,
    )
    elapsed = time.perf_counter() - started
    if completed.returncode not in (0, 1):
        raise SystemExit(f"klantlint batch --jobs {jobs} failed ({completed.returncode}): {completed.stderr[:500]}")
    return elapsed
