"""`klantlint batch` end to end: lossless accounting, deterministic parallel output, SIGKILL + --resume."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from klantlint.batch import parallel
from klantlint.cli import cli
from tests.cli_helpers import run_cli

AGENT_LINES = [
    "Goedemorgen, u spreekt met Kim van Zonnestroom, waarmee kan ik u helpen?",
    "Wat was uw naam ook alweer?",
    "Dat regel ik meteen voor u.",
    "Helaas kan dat niet.",
    "Ik hang u even op.",
    "Ik stuur u vandaag nog een bevestiging.",
    "Dank u wel voor het wachten.",
    "dat is helaas niet mogelijk maar ik kan wel een monteur sturen",
    "Hoe heette u?",
]
CUSTOMER_LINES = ["Ik bel over mijn factuur.", "Nee, dat klopt niet.", "Oké, dank u.", "Helaas niet."]


def make_calls(path: Path, count: int, seed: int, bad_every: int = 0) -> int:
    """Write `count` records (some malformed when bad_every > 0); returns the number of records."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            if bad_every and number % bad_every == bad_every - 1:
                handle.write("{dit is geen json\n")
                continue
            turns = [{"speaker": "Agent", "text": AGENT_LINES[0], "start": 0.0, "end": 3.0}]
            clock = 3.0
            for _ in range(rng.randint(2, 6)):
                speaker, lines = rng.choice([("Klant", CUSTOMER_LINES), ("Agent", AGENT_LINES)])
                turns.append({"speaker": speaker, "text": rng.choice(lines), "start": clock, "end": clock + 2})
                clock += 2.5
            handle.write(json.dumps({"call_id": f"c{number:05d}", "agent_id": f"a{number % 7}", "turns": turns}) + "\n")
    return count


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_every_record_lands_in_summary_or_errors(tmp_path: Path) -> None:
    records = make_calls(tmp_path / "in.jsonl", 60, seed=1, bad_every=9)
    result = run_cli("batch", "in.jsonl", "-o", "f.jsonl", "--summary", "s.jsonl", "--errors", "e.jsonl", cwd=tmp_path)
    summary, errors, findings = (read_jsonl(tmp_path / n) for n in ("s.jsonl", "e.jsonl", "f.jsonl"))
    assert len(summary) + len(errors) == records
    assert len(errors) == records // 9
    assert {f["call_id"] for f in findings} <= {s["call_id"] for s in summary}
    assert sum(s["findings"] for s in summary) == len(findings)
    assert result.returncode == 2  # bad records are input errors
    assert "klantlint batch: 54 gesprekken" in result.stderr and "6 fouten" in result.stderr
    first = summary[0]
    assert 0 <= first["score"] <= 100 and first["agent_words"] > 0 and 0 < first["agent_talk_share"] <= 1


def test_strict_stops_at_first_error(tmp_path: Path) -> None:
    make_calls(tmp_path / "in.jsonl", 20, seed=2, bad_every=5)
    result = run_cli("batch", "in.jsonl", "--summary", "s.jsonl", "--strict", cwd=tmp_path)
    assert result.returncode == 2 and "in.jsonl:5: geen geldige JSON" in result.stderr
    assert len(read_jsonl(tmp_path / "s.jsonl")) == 4


def test_jobs_two_gives_the_same_output_in_input_order(tmp_path: Path) -> None:
    make_calls(tmp_path / "in.jsonl", 80, seed=3)
    run_cli("batch", "in.jsonl", "-o", "f1.jsonl", "--summary", "s1.csv", cwd=tmp_path)
    run_cli("batch", "in.jsonl", "-o", "f2.jsonl", "--summary", "s2.csv", "--jobs", "2", cwd=tmp_path)
    assert (tmp_path / "f1.jsonl").read_text() == (tmp_path / "f2.jsonl").read_text()
    assert (tmp_path / "s1.csv").read_text() == (tmp_path / "s2.csv").read_text()
    assert (tmp_path / "s1.csv").read_text().startswith("call_id,agent_id,")


def test_jobs_two_over_many_small_chunks_writes_the_same_files_and_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small chunks, so the forked run hands its child many and lints some itself, with error records among them:
    findings, summary and errors files are byte for byte those of one process, nothing dropped."""
    monkeypatch.setattr(parallel, "CHUNK", 4)
    records = make_calls(tmp_path / "in.jsonl", 90, seed=5, bad_every=11)
    outcomes: dict[str, tuple[int, bytes, bytes, bytes]] = {}
    for jobs in ("1", "2"):
        files = [tmp_path / f"{name}{jobs}.jsonl" for name in ("f", "s", "e")]
        options = ["-o", str(files[0]), "--summary", str(files[1]), "--errors", str(files[2]), "--jobs", jobs]
        result = CliRunner().invoke(cli, ["batch", str(tmp_path / "in.jsonl"), *options])
        outcomes[jobs] = (result.exit_code, *(path.read_bytes() for path in files))
    assert outcomes["2"] == outcomes["1"]
    exit_code, findings, summary, errors = outcomes["1"]
    assert exit_code == 2  # the bad records
    assert len(summary.splitlines()) + len(errors.splitlines()) == records
    assert len(errors.splitlines()) == records // 11 and findings


def _children_of(pid: int) -> set[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(child) for child in children.read_text().split()} if children.exists() else set()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigkill_then_resume_equals_uninterrupted_run(tmp_path: Path, jobs: str) -> None:
    make_calls(tmp_path / "in.jsonl", 1500, seed=4, bad_every=50)
    args = ["batch", "in.jsonl", "-o", "f.jsonl", "--summary", "s.jsonl", "--errors", "e.jsonl", "--jobs", jobs]
    reference = tmp_path / "reference"
    reference.mkdir()
    (reference / "in.jsonl").write_bytes((tmp_path / "in.jsonl").read_bytes())
    run_cli(*args, cwd=reference)

    process = subprocess.Popen(
        [sys.executable, "-m", "klantlint", *args], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        summary = tmp_path / "s.jsonl"
        if summary.exists() and summary.stat().st_size > 20_000:
            break
        time.sleep(0.05)
    workers = _children_of(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = len(read_jsonl(tmp_path / "s.jsonl")) if (tmp_path / "s.jsonl").exists() else 0
    if partial >= 1470:
        pytest.fail("the run finished before it could be killed; make the input larger")
    if jobs == "2" and sys.platform == "linux":
        assert workers, "the run had forked a child"
        # A child left without its parent stops at its next chunk instead of linting on for nobody.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in workers):
            time.sleep(0.05)
        assert not any(Path(f"/proc/{pid}").exists() for pid in workers)

    resumed = run_cli(*args, "--resume", cwd=tmp_path)
    assert "al gedaan" in resumed.stderr
    for name in ("f.jsonl", "s.jsonl", "e.jsonl"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (reference / name).read_text(encoding="utf-8"), name
