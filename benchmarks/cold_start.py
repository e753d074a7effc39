"""Cold start of the command line: the median of 5 whole-process runs of `rules`, `explain KL001` and `check` on
a clean small script (`rules` and `explain` read the catalogue and must not load spaCy).

    python benchmarks/cold_start.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
CLEAN_SCRIPT = "Goedemorgen, u spreekt met Sanne van de klantenservice. Waarmee kan ik u helpen?\n"


def median_seconds(arguments: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "klantlint", *arguments], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "script.txt"
        script.write_text(CLEAN_SCRIPT, encoding="utf-8")
        for label, arguments in [
            ("rules", ["rules"]),
            ("explain KL001", ["explain", "KL001"]),
            ("check (clean script)", ["check", str(script)]),
        ]:
            print(f"{label:<22} median of {RUNS}: {median_seconds(arguments):.2f} s")


if __name__ == "__main__":
    main()
