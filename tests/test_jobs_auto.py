"""`--jobs auto`: one process per CPU available to the process, and the same output as one process."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.make_transcripts import generate
from klantlint import Linter
from klantlint.batch import forked, parallel
from klantlint.cli import cli
from klantlint.transcripts import Call
from klantlint.transcripts.records import call_from_record


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The `jobs` of every forked run, while each still runs as it would."""
    seen: list[int] = []
    original = forked.lint_forked

    def recording(iterator, linter, jobs, agent_speaker, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(jobs)
        return original(iterator, linter, jobs, agent_speaker, **kwargs)

    monkeypatch.setattr(forked, "lint_forked", recording)  # `parallel` imports it when a run forks
    return seen


def _pretend_cpus(monkeypatch: pytest.MonkeyPatch, cpus: set[int]) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: cpus, raising=False)


def test_auto_is_the_number_of_cpus_in_the_affinity_mask(monkeypatch: pytest.MonkeyPatch) -> None:
    if hasattr(os, "sched_getaffinity"):
        assert parallel.resolve_jobs("auto") == len(os.sched_getaffinity(0))
    # Not os.cpu_count(): a container or taskset may leave the process fewer CPUs than the machine has.
    _pretend_cpus(monkeypatch, {0, 3, 5})
    assert parallel.resolve_jobs("auto") == 3
    assert parallel.resolve_jobs(2) == 2


def _batch(tmp_path: Path, name: str, *jobs: str) -> tuple[str, str]:
    result = CliRunner().invoke(
        cli,
        ["batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / f"{name}.jsonl"), "--summary",
         str(tmp_path / f"{name}.csv"), *jobs],
    )  # fmt: skip
    assert result.exit_code == 1, result.output  # the generated calls have findings
    return (tmp_path / f"{name}.jsonl").read_text(), (tmp_path / f"{name}.csv").read_text()


def test_batch_jobs_auto_forks_one_process_per_cpu_and_writes_what_jobs_1_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    records = list(generate(150, seed=3, varied=True))
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records))
    monkeypatch.setattr(parallel, "CHUNK", 8)  # several chunks per process on this small input
    one = _batch(tmp_path, "one", "--jobs", "1")
    assert forks == []
    # Two CPUs, so that the run is forked (forced: the input is far below the default's threshold).
    _pretend_cpus(monkeypatch, {0, 1})
    auto = _batch(tmp_path, "auto", "--jobs", "auto")
    assert forks == [2]
    assert auto == one
    assert one[0].count("\n") > 50


def test_without_jobs_only_a_run_above_the_threshold_goes_parallel(
    monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_FROM_RECORDS", 6)
    monkeypatch.setattr(parallel, "CHUNK", 2)
    _pretend_cpus(monkeypatch, {0, 1})
    calls = _calls(7)
    linter = Linter(mode="fast")
    small = list(parallel.lint_records(calls[:6], linter, jobs=None))
    assert forks == []
    large = list(parallel.lint_records(calls, linter, jobs=None))
    assert forks == [2]
    # Every record once, in input order, with the result one process gives.
    assert [record for record, _ in large] == calls
    assert [result for _, result in large] == [result for _, result in parallel.lint_records(calls, linter, jobs=1)]
    assert [result for _, result in small] == [result for _, result in large[:6]]


def _calls(count: int) -> list[Call]:
    return [call_from_record(record, "in.jsonl", number) for number, record in enumerate(generate(count, seed=5), 1)]


@pytest.mark.parametrize("value", ["0", "-1", "twee", ""])
def test_jobs_must_be_a_number_from_one_or_auto(tmp_path: Path, value: str) -> None:
    (tmp_path / "in.jsonl").write_text("")
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "in.jsonl"), "--jobs", value])
    assert result.exit_code == 2
    assert "geen aantal werkprocessen" in result.output
