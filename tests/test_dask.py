"""klantlint on a real Dask cluster (two worker processes): the same results as the local run, one Linter per
worker, turns regrouped per call in input order, and nothing lost or doubled when a worker is killed mid-run."""

from __future__ import annotations

import json
import logging
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

from benchmarks.make_transcripts import generate
from klantlint import Linter
from klantlint.batch.dask_engine import lint_records_on_dask
from klantlint.batch.parallel import lint_records
from klantlint.batch.runner import BatchOptions, run_batch
from klantlint.dask import lint_calls, lint_turns, worker_linter
from klantlint.errors import InputError
from klantlint.transcripts.models import CallResult
from klantlint.transcripts.readers import Record, RecordError, iter_records
from tests.cli_helpers import run_cli

NO_AGENT_CALL = {
    "call_id": "zonder-agent",
    "turns": [{"speaker": "Piet", "text": "Ja."}, {"speaker": "Marie", "text": "Nee."}],
}


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR
    ) as local_cluster:
        yield local_cluster


@pytest.fixture(scope="module")
def client(cluster: LocalCluster) -> Iterator[Client]:
    with Client(cluster) as dask_client:
        yield dask_client


def write_corpus(path: Path, calls: int, seed: int) -> Path:
    """Generated calls, with a malformed line every 50 records and one call in which no agent can be told."""
    with path.open("w", encoding="utf-8") as handle:
        for number, call in enumerate(generate(calls, seed)):
            if number % 50 == 17:
                handle.write("{geen json\n")
            if number == 30:
                handle.write(json.dumps(NO_AGENT_CALL) + "\n")
            handle.write(json.dumps(call, ensure_ascii=False) + "\n")
    return path


def dump(result: CallResult | RecordError) -> Any:
    return result.model_dump() if isinstance(result, CallResult) else result


def local_run(records: list[Record], linter: Linter) -> list[tuple[Record, Any]]:
    return [(record, dump(result)) for record, result in lint_records(records, linter)]


def linter_cache_info() -> tuple[int, int]:
    info = worker_linter.cache_info()
    return info.misses, info.hits + info.misses


def test_lint_calls_equals_local_run_with_one_linter_per_worker(tmp_path: Path, client: Client, linter: Linter) -> None:
    records = list(iter_records(str(write_corpus(tmp_path / "calls.jsonl", 160, seed=11))))
    bag = db.from_sequence(records, partition_size=16)
    before = client.run(linter_cache_info)

    results = client.compute(lint_calls(bag, linter.config)).result()

    assert [dump(result) for result in results] == [result for _, result in local_run(records, linter)]
    bad_records = [record for record in records if isinstance(record, RecordError)]
    assert [result for result in results if isinstance(result, RecordError)] == bad_records != []  # passed through
    after = client.run(linter_cache_info)
    tasks = {worker: after[worker][1] - before[worker][1] for worker in after}
    assert sum(tasks.values()) == bag.npartitions > len(after)
    assert all(count > 0 for count in tasks.values()), tasks  # both workers linted partitions ...
    assert all(builds == 1 for builds, _ in after.values()), after  # ... and each built its Linter once


def test_lint_calls_reads_jsonl_lines_through_fsspec(tmp_path: Path, client: Client, linter: Linter) -> None:
    corpus = write_corpus(tmp_path / "calls.jsonl", 60, seed=12)
    with corpus.open("a", encoding="utf-8") as handle:
        handle.write("\n[1, 2]\n")
    lines = db.read_text(f"file://{corpus}", blocksize=4096)
    assert lines.npartitions > 1

    results = client.compute(lint_calls(lines, linter.config)).result()

    calls = [record for record in iter_records(str(corpus)) if not isinstance(record, RecordError)]
    # Lines of the input file are unknown to JSONL text lines on Dask.
    unknown = {"source": True, "line": True, "findings": {"__all__": {"turn_line"}}}
    expected = [result.model_dump(exclude=unknown) for result in linter.check_calls(calls)]
    linted = [result.model_dump(exclude=unknown) for result in results if isinstance(result, CallResult)]
    assert linted == expected
    reasons = [result.reason for result in results if isinstance(result, RecordError)]
    assert reasons == [
        "geen geldige JSON: hier hoort een veldnaam tussen dubbele aanhalingstekens (kolom 2)",
        "geen gesprek: verwacht een Call, dict of JSON-regel, niet list",
    ]


def turn_rows(calls: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per turn, with the columns named as in a warehouse export, rows ordered by turn number so each
    call's turns are spread over every partition."""
    rows = [
        {
            "gesprek": call["call_id"],
            "medewerker": call["agent_id"],
            "datum": call["date"],
            "naam": turn["speaker"],
            "zin": turn["text"],
            "van": turn["start"],
            "tot": turn["end"],
            "beurt": index,
        }
        for call in calls
        for index, turn in enumerate(call["turns"])
    ]
    return pd.DataFrame(rows).sort_values("beurt", kind="stable").drop(columns="beurt").reset_index(drop=True)


def test_lint_turns_regroups_turns_per_call_in_input_order(client: Client, linter: Linter) -> None:
    calls = list(generate(80, seed=13))
    frame = turn_rows(calls)
    broken = pd.DataFrame(
        [
            {"gesprek": "kapot", "naam": "Agent", "zin": "Goedemorgen, waarmee kan ik u helpen?"},
            {"gesprek": "kapot", "naam": "Klant", "zin": None},
            {"gesprek": None, "naam": "Agent", "zin": "Dag."},
        ]
    )
    turns = dd.from_pandas(pd.concat([frame, broken], ignore_index=True), npartitions=4, sort=False)
    columns = {"call_id": "gesprek", "speaker": "naam", "text": "zin", "start": "van", "end": "tot"}

    results = client.compute(lint_turns(turns, linter.config, agent_id="medewerker", date="datum", **columns)).result()

    from klantlint.transcripts.models import Call

    expected = {
        result.call_id: result.model_dump(exclude={"source", "line"})
        for result in linter.check_calls(Call.model_validate(call) for call in calls)
    }
    linted = {r.call_id: r.model_dump(exclude={"source", "line"}) for r in results if isinstance(r, CallResult)}
    assert linted == expected
    errors = sorted((error.call_id or "", error.reason) for error in results if isinstance(error, RecordError))
    assert errors == [("", "'call_id' ontbreekt (1 beurten)"), ("kapot", "beurt 1: tekstveld 'text' ontbreekt")]


def test_lint_turns_names_a_missing_column() -> None:
    turns = dd.from_pandas(pd.DataFrame({"call_id": ["a"], "speaker": ["Agent"]}), npartitions=1)
    with pytest.raises(InputError, match="DataFrame mist kolom\\(men\\) 'tekst'"):
        lint_turns(turns, text="tekst")


def test_cli_engine_dask_writes_the_same_files_as_the_local_engine(
    tmp_path: Path, cluster: LocalCluster, linter: Linter, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path / "in.jsonl", 120, seed=14)
    # Every rule, as the `linter` fixture that resumes the run below selects.
    (tmp_path / "klantlint.toml").write_text('select = ["ALL"]\n', encoding="utf-8")
    outputs = ["-o", "f.jsonl", "--summary", "s.csv", "--errors", "e.jsonl"]
    local_dir, dask_dir = tmp_path / "local", tmp_path / "dask"
    for folder in (local_dir, dask_dir):
        folder.mkdir()
    local = run_cli("batch", "../in.jsonl", *outputs, cwd=local_dir)
    on_dask = run_cli(
        "batch", "../in.jsonl", *outputs, "--engine", "dask", "--scheduler", cluster.scheduler_address, cwd=dask_dir
    )

    assert on_dask.returncode == local.returncode == 2, on_dask.stderr  # bad records are input errors
    for name in ("f.jsonl", "s.csv", "e.jsonl"):
        assert (dask_dir / name).read_bytes() == (local_dir / name).read_bytes(), name
    assert '"zonder-agent", "reason": "geen agent te bepalen' in (dask_dir / "e.jsonl").read_text(encoding="utf-8")
    assert on_dask.stderr.split(" fouten")[0] == local.stderr.split(" fouten")[0]  # same counts before timing

    # An interrupted run (complete lines for the first 40 calls, a torn 41st) resumed on Dask ends up identical.
    summary = (local_dir / "s.csv").read_bytes().splitlines(keepends=True)
    (dask_dir / "s.csv").write_bytes(b"".join(summary[:41]) + summary[41][:25])
    (dask_dir / "e.jsonl").write_bytes(b"")
    monkeypatch.chdir(dask_dir)
    options = BatchOptions(
        inputs=["../in.jsonl"],
        output=Path("f.jsonl"),
        summary=Path("s.csv"),
        errors=Path("e.jsonl"),
        engine="dask",
        scheduler=cluster.scheduler_address,
        resume=True,
    )
    totals = run_batch(linter, options)
    assert totals.skipped == 40
    for name in ("f.jsonl", "s.csv", "e.jsonl"):
        assert (dask_dir / name).read_bytes() == (local_dir / name).read_bytes(), name


def test_engine_loses_and_doubles_nothing_when_a_worker_is_killed_mid_run(
    tmp_path: Path, client: Client, cluster: LocalCluster, linter: Linter
) -> None:
    # Runs last in this module: the killed worker is replaced by a fresh one.
    records = list(iter_records(str(write_corpus(tmp_path / "calls.jsonl", 500, seed=15))))
    expected = local_run(records, linter)
    stream = lint_records_on_dask(records, linter, scheduler=cluster.scheduler_address)
    received = [next(stream) for _ in range(70)]  # the first chunks are done, the rest is in flight

    pids = client.run(os.getpid)
    busy = [worker for worker, keys in client.processing().items() if keys]  # prefer one with tasks running
    killed = pids[busy[0] if busy else next(iter(pids))]
    os.kill(killed, signal.SIGKILL)
    received += list(stream)

    assert len(received) == len(records)
    assert [(record, dump(result)) for record, result in received] == expected
    client.wait_for_workers(2, timeout=60)
    assert killed not in client.run(os.getpid).values()


def test_an_unreachable_scheduler_leaves_earlier_outputs_alone(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in.jsonl", 5, seed=15)
    earlier = {"f.jsonl": b'{"earlier": 1}\n', "s.jsonl": b'{"earlier": 2}\n', "e.jsonl": b'{"earlier": 3}\n'}
    for name, content in earlier.items():
        (tmp_path / name).write_bytes(content)
    outputs = ["-o", "f.jsonl", "--summary", "s.jsonl", "--errors", "e.jsonl", "--engine", "dask"]
    # Port 9 (discard) on loopback: nothing listens there.
    result = run_cli("batch", "in.jsonl", *outputs, "--scheduler", "tcp://127.0.0.1:9", cwd=tmp_path)
    assert result.returncode == 2
    assert "Dask-scheduler 'tcp://127.0.0.1:9' is niet bereikbaar" in result.stderr
    assert "Traceback" not in result.stderr
    for name, content in earlier.items():
        assert (tmp_path / name).read_bytes() == content, name


def test_lint_turns_takes_direction_and_organisation_from_a_calls_first_turn(client: Client, linter: Linter) -> None:
    from tests.test_transcripts import TURN_ROWS_WITH_CALL_FACTS

    frame = pd.DataFrame(TURN_ROWS_WITH_CALL_FACTS)
    frame["organisation"] = frame["organisation"].astype(object)
    results = client.compute(lint_turns(dd.from_pandas(frame, npartitions=2, sort=False), linter.config)).result()

    local: dict[str, Any] = {}
    for row in TURN_ROWS_WITH_CALL_FACTS:  # the local reader's calls for the same rows
        local.setdefault(row["call_id"], []).append(row)
    linted = {r.call_id: r for r in results if isinstance(r, CallResult)}
    errors = {r.call_id: r.reason for r in results if isinstance(r, RecordError)}
    assert sorted(linted) == ["c1", "c3"]
    assert errors == {"c2": "'direction' moet 'inbound' of 'outbound' zijn, niet 'uitgaand'"}
    from klantlint.transcripts.models import Call, Turn

    turns = [Turn(speaker=row["speaker"], text=row["text"]) for row in local["c1"]]
    given = Call(call_id="c1", turns=turns, direction="inbound", organisation=["Zonnedal"])
    expected = linter.check_call(given).model_dump(exclude={"source", "line"})
    assert linted["c1"].model_dump(exclude={"source", "line"}) == expected
    # Without them the call would be judged as outbound, with no organisation to name: other findings.
    assert linter.check_call(Call(call_id="c1", turns=turns)).model_dump(exclude={"source", "line"}) != expected
