"""Parallel linting: long-lived forked children fed chunks through pipes, the parent linting when it is idle."""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import pickle
import random
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from klantlint import Linter
from klantlint.batch import forked, parallel
from klantlint.batch.chunk_codec import decode_records, encode_records
from klantlint.transcripts.models import Call, Record, Result, Turn
from klantlint.transcripts.readers import RecordError
from klantlint.transcripts.records import call_from_record
from tests.parse_counter import count_parses

AGENT_TURNS = [
    "Goedemorgen, u spreekt met Kim van Zonnestroom, waarmee kan ik u helpen?",
    "Wat was uw naam ook alweer?",
    "Helaas kan dat niet, stuur maar een mailtje.",
    "Ik zet u even in de wacht.",
    "Kun je dat even voor me opzoeken?",
    "Dat regel ik meteen voor u.",
    "Nee.",
    "Dank u wel en een fijne dag verder.",
]
CUSTOMER_TURNS = ["Ik bel over mijn factuur.", "Nee, dat klopt niet.", "Oké, dank u."]


def _calls(count: int, seed: int) -> list[Call]:
    """Calls as a reader makes them (turns from `checked_turn`), some turns repeated across calls, some new."""
    rng = random.Random(seed)
    calls = []
    for number in range(count):
        turns = [{"speaker": "Agent", "text": AGENT_TURNS[0], "start": 0.0, "end": 2.5}]
        for _ in range(rng.randint(1, 4)):
            turns.append({"speaker": "Klant", "text": rng.choice(CUSTOMER_TURNS)})
            text = rng.choice(AGENT_TURNS[1:])
            turns.append({"speaker": "Agent", "text": text if rng.random() < 0.6 else f"{text} Dossier {number}."})
        calls.append(call_from_record({"call_id": f"c{number}", "turns": turns}, "in.jsonl", number + 1))
    return calls


def _with_errors(calls: list[Call]) -> list[Record]:
    """The calls with error records in between: one alone, and a run of them as long as a small chunk."""
    errors = [RecordError("in.jsonl", 1000 + number, "geen geldige JSON") for number in range(5)]
    return [*calls[:7], errors[0], *calls[7:20], *errors[1:], *calls[20:]]


def _one_process(records: list[Record]) -> list[tuple[Record, Result]]:
    return list(parallel.lint_records(records, Linter(mode="fast"), jobs=1))


def _living(pids: list[int]) -> list[int]:
    """The processes among `pids` that still exist (a zombie, not yet reaped, exists)."""
    return [pid for pid in pids if Path(f"/proc/{pid}").exists()]


@pytest.mark.parametrize("jobs", [2, 3])
def test_forked_children_give_the_results_of_one_process_in_input_order(
    monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 3)  # many chunks, so every process lints several
    records = _with_errors(_calls(60, seed=11))
    expected = _one_process(records)
    ours = list(parallel.lint_records(records, Linter(mode="fast"), jobs=jobs))

    assert [record for record, _ in ours] == records
    assert [result for _, result in ours] == [result for _, result in expected]
    assert any(result.findings for _, result in ours if not isinstance(result, RecordError))


def test_the_children_lint_what_the_parent_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parent and children each lint chunks: the children's are not dropped, nor the parent's repeated."""
    monkeypatch.setattr(parallel, "CHUNK", 2)
    linted_here = list[int]()
    lint_here = forked._Scheduler._lint_here

    def noting(scheduler: forked._Scheduler, chunk: forked._Chunk) -> None:
        linted_here.append(chunk.number)
        lint_here(scheduler, chunk)

    monkeypatch.setattr(forked._Scheduler, "_lint_here", noting)
    calls = _calls(80, seed=12)
    assert list(parallel.lint_records(calls, Linter(mode="fast"), jobs=2)) == _one_process(list(calls))
    assert len(linted_here) == len(set(linted_here)) < 40  # 40 chunks: some went to the child


def test_the_parent_adopts_what_its_children_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 2)
    # The parent leaves every chunk to its child, so all it knows it learned from the child.
    monkeypatch.setattr(forked._Scheduler, "_lint_next_here", lambda scheduler: False)
    calls = _calls(30, seed=12)
    single = Linter(mode="fast")
    expected = list(single.check_calls(calls))
    parses_when_cold = single.parse_counts.parsed

    parent = Linter(mode="fast")
    assert list(parent.check_calls(calls, jobs=2)) == expected
    assert parent.parse_counts.parsed == 0
    # Run again in the parent alone: it knows what its child checked, so it parses only texts that document-level
    # rules look at (their docs are not handed over).
    assert list(parent.check_calls(calls)) == expected
    assert parent.parse_counts.parsed < parses_when_cold / 2


def test_what_the_parent_checks_goes_to_every_child_with_its_next_chunk() -> None:
    linter = Linter(mode="fast")
    linter.segment_cache.track_added()
    children = [SimpleNamespace(segments=[]), SimpleNamespace(segments=[])]
    scheduler = forked._Scheduler(iter([]), linter, None, 2, children, gc.freeze)  # type: ignore[arg-type]
    calls = _calls(2, seed=15)
    scheduler._lint_here(forked._Chunk(0, list(calls)))
    agent_texts = {turn.text for call in calls for turn in call.turns if turn.speaker == "Agent"}
    for child in children:
        assert {text for (text, _), *_ in child.segments} & agent_texts


def _child_run(tasks: list[forked.Task]) -> tuple[int | None, list[forked.Delivery]]:
    """A child forked as a run forks it, sent `tasks` and then its pipe closed: its exit code and what it sent back."""
    context = multiprocessing.get_context("fork")
    tasks_in, tasks_out = multiprocessing.Pipe(duplex=False)
    deliveries_in, deliveries_out = multiprocessing.Pipe(duplex=False)
    forked._inherited = forked._ChildEnds(
        Linter(mode="fast"), None, tasks_in, deliveries_out, [tasks_out, deliveries_in], gc.freeze
    )
    try:
        child = context.Process(target=forked._child)
        child.start()
    finally:
        forked._inherited = None
    tasks_in.close()
    deliveries_out.close()
    for task in tasks:
        tasks_out.send_bytes(pickle.dumps(task))
    tasks_out.close()  # the run is done, or the parent is gone (the kernel closes its ends)
    deliveries: list[forked.Delivery] = []
    while True:
        try:
            deliveries.append(pickle.loads(deliveries_in.recv_bytes()))
        except EOFError:
            break
    child.join(timeout=60)
    return child.exitcode, deliveries


def test_a_child_stops_when_its_pipe_closes() -> None:
    assert _child_run([]) == (0, [])


def test_a_child_adopts_the_segments_sent_with_a_chunk() -> None:
    """What the child is told was checked it does not check again: it is not among what it reports having checked
    (those are only the texts it checked itself), and its results are the same either way."""
    calls: list[Record] = list(_calls(6, seed=20))
    teacher = Linter(mode="fast")
    teacher.segment_cache.track_added()
    expected = [result for _, result in _one_process(calls)]
    list(teacher.check_calls([call for call in calls if isinstance(call, Call)]))
    taught = teacher.segment_cache.export()
    assert taught

    exit_code, [(number, results, checked)] = _child_run([(7, encode_records(calls), taught)])
    assert (exit_code, number, results) == (0, 7, expected)
    assert {key for key, *_ in checked}.isdisjoint(key for key, *_ in taught)
    _, [(_, untaught_results, checked_alone)] = _child_run([(7, encode_records(calls), [])])
    assert untaught_results == expected
    assert {key for key, *_ in checked_alone} >= {key for key, *_ in taught}


def _forked_pids(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The process ids of the children forked from now on (whether they still run or not)."""
    pids: list[int] = []
    fork_children = forked._fork_children

    def noting(*args):  # type: ignore[no-untyped-def]
        children = fork_children(*args)
        pids.extend(child.process.pid for child in children)
        return children

    monkeypatch.setattr(forked, "_fork_children", noting)
    return pids


@pytest.mark.parametrize("how", ["killed", "error"])
def test_a_child_that_dies_loses_no_record(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capfd: pytest.CaptureFixture[str], how: str
) -> None:
    """The child lints its first chunk, then stops on its second with chunks in flight: killed from outside while it
    hangs, or by an error of its own. The parent lints what it had been sent; the output is that of one process."""
    monkeypatch.setattr(parallel, "CHUNK", 4)
    calls = _calls(60, seed=13)
    seen = tmp_path / "chunks"

    def failing_child(linter: Linter, records: list[Record], agent_speaker: str | None) -> list[Result]:
        with seen.open("a") as notes:
            notes.write("chunk\n")
        if len(seen.read_text().split()) >= 2:
            if how == "error":
                raise RuntimeError("a child's own error")
            signal.pause()  # until killed
        return forked.lint_records_in_process(linter, records, agent_speaker)

    monkeypatch.setattr(forked, "lint_in_child", failing_child)
    buried = list[int]()
    bury = forked._Scheduler._bury

    def noting_bury(scheduler: forked._Scheduler, child: forked._Child) -> None:
        buried.append(len(child.in_flight))
        bury(scheduler, child)

    monkeypatch.setattr(forked._Scheduler, "_bury", noting_bury)
    children = _forked_pids(monkeypatch)
    results = parallel.lint_records(calls, Linter(mode="fast"), jobs=2)
    first = next(results)
    assert children
    if how == "killed":
        for pid in children:
            os.kill(pid, signal.SIGKILL)
    ours = [first, *results]

    assert ours == _one_process(list(calls))
    assert buried and buried[0] > 0  # it died with chunks in flight, which the parent linted
    assert _living(children) == []
    said = capfd.readouterr().err
    assert "Traceback" not in said  # a child's error is one Dutch line, not multiprocessing's traceback
    if how == "error":
        assert "een hulpproces is gestopt door een interne fout (RuntimeError: a child's own error)" in said


def test_closing_the_results_early_ends_the_children(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 2)
    children = _forked_pids(monkeypatch)
    results = parallel.lint_records(_calls(200, seed=16), Linter(mode="fast"), jobs=3)
    next(results)
    assert len(children) == 2
    results.close()
    assert _living(children) == []  # ended and reaped: no zombie


def test_an_interrupt_while_reading_ends_the_children(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 2)
    calls = _calls(100, seed=17)
    children = _forked_pids(monkeypatch)

    def interrupted() -> Iterator[Call]:
        yield from calls[:50]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        list(parallel.lint_records(interrupted(), Linter(mode="fast"), jobs=2))
    assert children
    assert _living(children) == []


def test_records_read_ahead_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """However long the input, at most `ahead` chunks are read and not yet handed on: a slow consumer or child does
    not make the parent read the whole input."""
    monkeypatch.setattr(parallel, "CHUNK", 2)

    def slow_child(linter: Linter, records: list[Record], agent_speaker: str | None) -> list[Result]:
        time.sleep(0.05)  # the parent, idle meanwhile, lints ahead of the child, but reads no further than the bound
        return forked.lint_records_in_process(linter, records, agent_speaker)

    monkeypatch.setattr(forked, "lint_in_child", slow_child)
    calls = _calls(120, seed=18)
    read = 0

    def counted() -> Iterator[Call]:
        nonlocal read
        for call in calls:
            read += 1
            yield call

    most_ahead = 0
    for handed_on, _ in enumerate(parallel.lint_records(counted(), Linter(mode="fast"), jobs=2), 1):
        most_ahead = max(most_ahead, read - handed_on)
    assert handed_on == len(calls)
    assert most_ahead <= forked.AHEAD_PER_PROCESS * 2 * 2  # chunks per process, 2 processes, 2 records a chunk


@pytest.mark.parametrize("worker", ["parent", "child"])
def test_what_a_worker_keeps_between_chunks_is_left_out_of_garbage_collection(
    worker: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 2)
    # One worker lints every chunk: the parent when its child dies at once, the child when the parent leaves every
    # chunk to it. It notes how many objects are frozen before each chunk and keeps every result alive, so each
    # chunk leaves more behind.
    if worker == "parent":
        monkeypatch.setattr(forked, "lint_in_child", lambda *args: os._exit(1))
    else:
        monkeypatch.setattr(forked._Scheduler, "_lint_next_here", lambda scheduler: False)
    notes, kept = tmp_path / "frozen.txt", list[list[Result]]()
    lint = forked.lint_records_in_process

    def noting_lint(linter: Linter, records: list[Record], agent_speaker: str | None) -> list[Result]:
        with notes.open("a") as handle:
            handle.write(f"{os.getpid()} {gc.get_freeze_count()}\n")
        kept.append(results := lint(linter, records, agent_speaker))
        return results

    monkeypatch.setattr(forked, "lint_records_in_process", noting_lint)
    calls = _calls(24, seed=14)
    assert list(Linter(mode="fast").check_calls(calls, jobs=2)) == list(Linter(mode="fast").check_calls(calls))

    per_process: dict[int, list[int]] = {}
    for line in notes.read_text().splitlines():
        pid, frozen = line.split()
        per_process.setdefault(int(pid), []).append(int(frozen))
    linted_by = os.getpid() if worker == "parent" else next(pid for pid in per_process if pid != os.getpid())
    assert len(per_process[linted_by]) == 12
    assert all(later > earlier for earlier, later in itertools.pairwise(per_process[linted_by]))


def test_records_sent_to_a_child_come_out_equal() -> None:
    """Calls from a reader travel as plain values; anything else (a turn with a role or fewer fields given, an
    error record) as itself. Either way what comes out equals what went in, fields given included."""
    from_reader = _calls(3, seed=19)
    given_a_role = Turn.model_construct(  # the fields a reader gives, and a role besides
        {"speaker", "text", "start", "end", "line"}, speaker="Agent", text="Nee.", role="agent", start=None, end=None
    )
    built = Call(
        call_id="x",
        turns=[Turn(speaker="Agent", text="Nee.", role="agent"), Turn(speaker="Klant", text="Oké."), given_a_role],
        direction="inbound",
    )
    records: list[Record] = [*from_reader, built, RecordError("in.jsonl", 9, "geen geldige JSON", "y")]
    encoded = encode_records(records)
    assert all(type(item) is tuple for item in encoded[:3])  # the usual shape travels as plain values
    assert all(isinstance(turn, tuple) for turn in encoded[0][0]["turns"])  # type: ignore[index]
    back = decode_records(pickle.loads(pickle.dumps(encoded)))
    assert back == records
    for original, copy in zip(records[:4], back[:4], strict=True):
        assert isinstance(original, Call) and isinstance(copy, Call)
        assert copy.model_fields_set == original.model_fields_set
        assert [turn.model_fields_set for turn in copy.turns] == [turn.model_fields_set for turn in original.turns]
        assert [turn.role for turn in copy.turns] == [turn.role for turn in original.turns]


def test_checked_segments_survive_pickling_and_spare_the_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    conversations = [["Ik hang u even op.", "Wat was uw naam ook alweer?"], ["Stuur maar een e-mail."]]
    teacher = Linter(mode="fast")
    teacher.segment_cache.track_added()
    expected = teacher.check_conversations(conversations)
    checked = pickle.loads(pickle.dumps(teacher.segment_cache.export()))
    assert {key[0] for key, *_ in checked} == {text for turns in conversations for text in turns}
    assert teacher.segment_cache.export() == []  # handed over once

    learner = Linter(mode="fast")
    learner.segment_cache.adopt(checked)
    parsed = count_parses(learner, monkeypatch)
    assert learner.check_conversations(conversations) == expected
    assert parsed == []


def test_an_input_of_one_chunk_forks_no_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 4)
    children = _forked_pids(monkeypatch)
    for count, forked_for_it in ((0, 0), (4, 0), (5, 1)):
        calls = _calls(count, seed=21)
        assert list(parallel.lint_records(calls, Linter(mode="fast"), jobs=2)) == _one_process(list(calls))
        assert len(children) == forked_for_it


def test_reading_ahead_gives_the_next_records_and_leaves_the_rest() -> None:
    records = iter(range(parallel.CHUNK * 3 + 5))
    assert parallel._read_ahead(records, parallel.CHUNK * 2 + 1) == list(range(parallel.CHUNK * 2 + 1))
    assert next(records) == parallel.CHUNK * 2 + 1
    assert parallel._read_ahead(records, 10**6) == list(range(parallel.CHUNK * 2 + 2, parallel.CHUNK * 3 + 5))
    assert parallel._read_ahead(records, 5) == []


def test_records_read_ahead_are_out_of_the_collectors_reach_while_more_are_read() -> None:
    """What was read (and the loaded pipeline) is frozen while the next records are read, so the collections that
    reading sets off do not walk it again; nothing stays frozen once the reading is done."""
    frozen_while_reading: list[int] = []

    def records() -> Iterator[list[int]]:
        for number in range(parallel.CHUNK * 4):
            frozen_while_reading.append(gc.get_freeze_count())
            yield [number]  # a container, tracked by the collector

    assert gc.get_freeze_count() == 0
    ahead = parallel._read_ahead(records(), parallel.CHUNK * 4)
    assert len(ahead) == parallel.CHUNK * 4
    chunk_starts = frozen_while_reading[:: parallel.CHUNK]
    # Each chunk is read with at least the records of the chunks before it frozen.
    assert all(later >= earlier + parallel.CHUNK for earlier, later in itertools.pairwise(chunk_starts))
    assert gc.get_freeze_count() == 0


def test_a_window_is_read_with_the_pipeline_out_of_the_collectors_reach(monkeypatch: pytest.MonkeyPatch) -> None:
    """With one process the records of each window are read inside the frozen block that lints them."""
    frozen_while_reading: list[int] = []

    def records() -> Iterator[str]:
        for number in range(3):
            frozen_while_reading.append(gc.get_freeze_count())
            yield f"call {number}"

    monkeypatch.setattr(
        parallel, "lint_records_in_process", lambda linter, window, agent_speaker: [f"{r}: ok" for r in window]
    )
    linter = SimpleNamespace(load=lambda: None)
    results = list(parallel.lint_records(records(), linter, jobs=1))  # type: ignore[arg-type]
    assert results == [(f"call {n}", f"call {n}: ok") for n in range(3)]
    assert all(count > 0 for count in frozen_while_reading)
    assert gc.get_freeze_count() == 0
