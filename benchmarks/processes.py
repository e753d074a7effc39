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
    and writing included), writing `findings` and `summary`; with `pinned`, on one CPU."""
    command = [sys.executable, "-m", "klantlint", "batch", str(corpus), "--jobs", str(jobs)]
    outputs = ["-o", str(findings), "--summary", str(summary)]
    started = time.perf_counter()
    completed = subprocess.run(
        [*command, *outputs], capture_output=True, text=True, check=False, preexec_fn=one_cpu if pinned else None
    )
    elapsed = time.perf_counter() - started
    if completed.returncode not in (0, 1):
        raise SystemExit(f"klantlint batch --jobs {jobs} failed ({completed.returncode}): {completed.stderr[:500]}")
    return elapsed
