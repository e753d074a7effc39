"""Fast-mode linting CPU time of this source tree beside another one: is a refactoring as fast as before?

    python benchmarks/engine_compare.py --baseline-src /tmp/old/src [--src SRC] [--calls 1500] [--runs 7]

Issue 15 asks that a behaviour-preserving change keep the fast path within 3% of its speed before. For each
corpus (benchmarks/make_transcripts.py, default and --varied, fixed seed) every run is a fresh process that builds a
Linter with the default set, warms it on 50 calls and compiles every conversation cue (a one-time cost that lazy
compilation would otherwise move into the measured part), then measures the CPU time of `check_calls` over all
calls. The two trees' runs alternate, so both see the same load; the median of `--runs` is reported. To get an old
tree: `git archive OLD src rules | tar -x -C /tmp/old`. Writes benchmarks/results/engine_compare.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from benchmarks.processes import one_cpu  # noqa: E402
from benchmarks.results_header import write_results  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "engine_compare.md"

# Runs in the child process, with PYTHONPATH set to the tree being measured.
CHILD = """
import importlib, json, pkgutil, sys, time
sys.path.insert(0, {benchmarks!r})
from make_transcripts import generate
import klantlint.conversation
from klantlint import Config, Linter
from klantlint.transcripts.records import call_from_record
calls = [call_from_record(r, "generated", n) for n, r in enumerate(generate({calls}, seed=7, varied={varied}), 1)]
linter = Linter(Config(select={select!r}) if {select!r} else Config())
list(linter.check_calls(calls[:50]))
for module in pkgutil.iter_modules(klantlint.conversation.__path__):
    for value in vars(importlib.import_module("klantlint.conversation." + module.name)).values():
        if type(value).__name__ == "Cue":
            value.regex
started = time.process_time()
list(linter.check_calls(calls))
cpu = time.process_time() - started
print(json.dumps({{"cpu": cpu, "words": sum(len(t.text.split()) for c in calls for t in c.turns)}}))
"""


def one_run(src: Path, calls: int, varied: bool, select: list[str]) -> dict[str, float]:
    code = CHILD.format(benchmarks=str(REPO / "benchmarks"), calls=calls, varied=varied, select=select)
    env = {**os.environ, "PYTHONPATH": str(src)}
    output = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, preexec_fn=one_cpu
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", type=Path, default=REPO / "src", help="the src/ folder measured (default: this tree)")
    parser.add_argument("--baseline-src", type=Path, required=True, help="the src/ folder of the tree to compare with")
    parser.add_argument("--calls", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--select",
        default="",
        help="comma-separated rule codes both trees run (default: each tree's own default set, which may differ)",
    )
    args = parser.parse_args()
    select = [code.strip() for code in args.select.split(",") if code.strip()]
    rules_run = ", ".join(select) if select else "each tree's own default set"
    trees = {"this tree": args.src.resolve(), "baseline": args.baseline_src.resolve()}
    lines = [
        f"This tree: `{trees['this tree']}`; baseline: `{trees['baseline']}`.",
        "",
        f"Fast mode, rules: {rules_run}, {args.calls} generated calls per corpus; CPU seconds of `check_calls` (model "
        f"load and warm-up excluded), median of {args.runs} alternating runs, each in a fresh process pinned to one "
        "CPU; the last column compares the fastest run of each tree, the figure least disturbed by other load.",
        "",
        "| corpus | words | this tree (CPU s) | baseline (CPU s) | this tree / baseline | fastest run / fastest run |",
        "|---|---|---|---|---|---|",
    ]
    details: list[str] = []
    for varied in (False, True):
        times: dict[str, list[float]] = {name: [] for name in trees}
        words = 0.0
        for _ in range(args.runs):
            for name, src in trees.items():
                run = one_run(src, args.calls, varied, select)
                times[name].append(run["cpu"])
                words = run["words"]
        corpus = "varied" if varied else "default"
        mine, theirs = statistics.median(times["this tree"]), statistics.median(times["baseline"])
        fastest = min(times["this tree"]) / min(times["baseline"])
        lines.append(f"| {corpus} | {words:,.0f} | {mine:.3f} | {theirs:.3f} | {mine / theirs:.3f} | {fastest:.3f} |")
        for name, values in times.items():
            details.append(f"- {corpus}, {name}: " + ", ".join(f"{value:.2f}" for value in sorted(values)) + " s")
    body = [*lines, "", "All runs, sorted:", "", *details]
    print("\n".join(body))
    write_results(RESULTS, "Engine CPU time beside another source tree (benchmarks/engine_compare.py)", body)


if __name__ == "__main__":
    main()
