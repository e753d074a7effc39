"""Cold start of the command line: whole-process wall time (median of several runs) of `rules`, `explain KL001`,
`check` on a clean 30-line script and `check` on a script with findings, written to results/cold_start.md.

    python benchmarks/cold_start.py [--runs 7] [--baseline-src DIR]

The clean script (`cold_start_clean.txt`) is one on which no rule's gate passes, so `check` needs neither spaCy nor
the model (issue 16 part 3: <= 1.0 s on a quiet machine); the script with findings (`examples/storing.txt`) loads
them. `rules` and `explain` read the catalogue without spaCy (issue 15 part 1: < 0.5 s).

`--baseline-src` measures another source tree too, the runs interleaved with this one's, so both see the same load:
e.g. `git archive OLD src | tar -x -C /tmp/old` and `--baseline-src /tmp/old/src` for a before/after.

Each command first runs once unmeasured with bytecode writing allowed, so the modules are compiled as they are in an
installed package (PYTHONDONTWRITEBYTECODE is dropped for the runs). Peak memory is the child's maximum resident set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from benchmarks.results_header import machine_load, write_results  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "cold_start.md"
CLEAN_SCRIPT = REPO / "benchmarks" / "cold_start_clean.txt"
SCRIPT_WITH_FINDINGS = REPO / "examples" / "storing.txt"
COMMANDS = [
    ("rules", ["rules"]),
    ("explain KL001", ["explain", "KL001"]),
    ("check, clean 30-line script", ["check", str(CLEAN_SCRIPT)]),
    ("check, script with findings", ["check", str(SCRIPT_WITH_FINDINGS)]),
]


@dataclass
class Timings:
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)

    def median(self) -> float:
        return statistics.median(self.seconds)


def environment(src: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(src)
    return env


def run_once(arguments: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak resident KiB of one `python -m klantlint ARGUMENTS`."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "klantlint", *arguments],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"klantlint {' '.join(arguments)} failed with exit code {process.returncode}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def measure(trees: dict[str, Path], runs: int, cwd: Path) -> dict[tuple[str, str], Timings]:
    timings: dict[tuple[str, str], Timings] = {}
    for label, arguments in COMMANDS:
        for src in trees.values():
            run_once(arguments, environment(src), cwd)  # warm-up: bytecode written, files in the page cache
        for _ in range(runs):
            for name, src in trees.items():  # interleaved: both trees see the same load
                seconds, cpu_seconds, peak = run_once(arguments, environment(src), cwd)
                entry = timings.setdefault((label, name), Timings())
                entry.seconds.append(seconds)
                entry.cpu_seconds.append(cpu_seconds)
                entry.peak_kib.append(peak)
    return timings


def report(timings: dict[tuple[str, str], Timings], trees: dict[str, Path], runs: int, loads: list[str]) -> list[str]:
    names = list(trees)
    header = [
        "command",
        *(f"{name}: wall (median)" for name in names),
        *(f"{name}: CPU (median)" for name in names),
        *(f"{name}: peak RSS" for name in names),
    ]
    if len(names) == 2:
        header.append(f"{names[0]} / {names[1]}")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for label, _ in COMMANDS:
        row = [label]
        row += [f"{timings[label, name].median():.2f} s" for name in names]
        row += [f"{statistics.median(timings[label, name].cpu_seconds):.2f} s" for name in names]
        row += [f"{statistics.median(timings[label, name].peak_kib) / 1024:.0f} MB" for name in names]
        if len(names) == 2:
            row.append(f"{timings[label, names[0]].median() / timings[label, names[1]].median():.2f}x")
        lines.append("| " + " | ".join(row) + " |")
    spread = [
        f"- {label} ({name}): {', '.join(f'{s:.2f}' for s in sorted(timings[label, name].seconds))} s"
        for label, _ in COMMANDS
        for name in names
    ]
    return [
        f"Whole-process wall time of `python -m klantlint ...`, median of {runs} runs per command after one unmeasured "
        "warm-up run (bytecode compiled, as in an installed package); CPU is the process's user + system time, which "
        "a busy machine inflates less than the wall time; peak RSS is the median of the runs' maximum resident set. "
        "The last column is the ratio of the wall times.",
        "",
        f"Machine load before the runs: {loads[0]}; after: {loads[1]}.",
        "",
        *(f"- `{name}`: {src}" for name, src in trees.items()),
        "",
        *lines,
        "",
        "Targets (issue 15 part 1, issue 16 part 3, on a quiet machine): `rules` and `explain` under 0.5 s; `check` "
        "on a clean 30-line script at most 1.0 s; on a script with findings no slower than before.",
        "",
        "All runs, sorted:",
        "",
        *spread,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline-src", type=Path, help="another tree's src/ folder, measured side by side")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    trees = {"this tree": REPO / "src"}
    if args.baseline_src is not None:
        trees["baseline"] = args.baseline_src.resolve()
    cwd = CLEAN_SCRIPT.parent  # no klantlint config above it but the repository's own pyproject.toml
    before = machine_load()
    timings = measure(trees, args.runs, cwd)
    body = report(timings, trees, args.runs, [before, machine_load()])
    print(write_results(args.output, "Cold start of the command line", body))


if __name__ == "__main__":
    main()
