"""A digest of every finding on the benchmark corpora: proof that a change kept behaviour identical.

    python benchmarks/findings_digest.py [--mode fast|full] [--calls 300] [--show]

Runs all rules (`select = ["ALL"]`) over the phrase corpora (tests/corpus/*.jsonl), the real-world corpus
(benchmarks/real/corpus.jsonl), the labelled call sets (tests/corpus/calls/*.jsonl) and generated calls
(benchmarks/make_transcripts.py, default and --varied, fixed seeds), and prints the md5 of the serialised findings
per corpus and over all of them. A behaviour-preserving change (issue 15, issue 16 part 1) leaves every line
unchanged; compare the output before and after the change.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
from make_transcripts import generate  # noqa: E402

from klantlint import Config, Linter  # noqa: E402
from klantlint.transcripts.records import call_from_record  # noqa: E402

TEXT_CORPORA = [
    REPO / "tests" / "corpus" / "utterances.jsonl",
    REPO / "tests" / "corpus" / "heldout.jsonl",
    REPO / "benchmarks" / "real" / "corpus.jsonl",
]
CALL_CORPORA = sorted((REPO / "tests" / "corpus" / "calls").glob("*.jsonl"))


def _records(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def text_digest(linter: Linter, path: Path) -> tuple[str, int]:
    digest = hashlib.md5()
    count = 0
    for record in _records(path):
        for finding in linter.check(str(record["text"])):
            digest.update(finding.model_dump_json().encode())
            count += 1
    return digest.hexdigest(), count


def call_digest(linter: Linter, records: list[dict[str, object]], source: str) -> tuple[str, int]:
    calls = [call_from_record(record, source, number) for number, record in enumerate(records, 1)]
    digest = hashlib.md5()
    count = 0
    for result in linter.check_calls(calls):
        digest.update(result.model_dump_json().encode())
        count += len(result.findings)
    return digest.hexdigest(), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["fast", "full"], default="fast")
    parser.add_argument("--calls", type=int, default=300, help="generated calls per kind (default and varied)")
    args = parser.parse_args()
    linter = Linter(Config(select=["ALL"]), mode=args.mode)
    total = hashlib.md5()
    rows: list[tuple[str, str, int]] = []
    for path in TEXT_CORPORA:
        rows.append((str(path.relative_to(REPO)), *text_digest(linter, path)))
    for path in CALL_CORPORA:
        name = str(path.relative_to(REPO))  # the results name their source: relative, so any checkout gives the same
        rows.append((name, *call_digest(linter, list(_records(path)), name)))
    for varied in (False, True):
        records = list(generate(args.calls, seed=16, varied=varied))
        name = f"generated calls ({'varied' if varied else 'default'}, {args.calls})"
        rows.append((name, *call_digest(linter, records, name)))
    for name, digest, count in rows:
        total.update(digest.encode())
        print(f"{digest}  {count:6d} findings  {name}")
    print(f"{total.hexdigest()}  total")


if __name__ == "__main__":
    main()
