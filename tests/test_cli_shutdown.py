"""The command line leaves its objects out of the collections the interpreter runs as it shuts down."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import gc, json, sys
from klantlint.cli import main
sys.argv = ["klantlint", "rules"]
try:
    main()
except SystemExit as end:
    code = end.code
report = {"exit": code, "frozen": gc.get_freeze_count(), "collectable": len(gc.get_objects())}
print(json.dumps(report), file=sys.stderr)
"""


def test_objects_left_at_exit_are_out_of_the_collectors_reach() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=False)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["exit"] == 0
    assert report["frozen"] > 10_000  # the command's modules, rules and catalogue
    assert report["collectable"] < report["frozen"] / 100  # only what the probe made after main returned
