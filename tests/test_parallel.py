"""Parallel linting: forked workers over windows of records, and the segments they checked handed back."""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import pickle
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from klantlint import Linter
from klantlint.batch import forked, parallel
from klantlint.batch.segment_log import PARENT, SegmentLog
from klantlint.engine.base import Hit
from klantlint.transcripts.models import Call, Result, Turn
from klantlint.transcripts.readers import RecordError
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
    rng = random.Random(seed)
    calls = []
    for number in range(count):
        turns = [Turn(speaker="Agent", text=AGENT_TURNS[0])]
        for _ in range(rng.randint(1, 4)):
            turns.append(Turn(speaker="Klant", text=rng.choice(CUSTOMER_TURNS)))
            # Some turns repeat across calls, some are new (a number makes them distinct).
            text = rng.choice(AGENT_TURNS[1:])
            turns.append(Turn(speaker="Agent", text=text if rng.random() < 0.6 else f"{text} Dossier {number}."))
        calls.append(Call(call_id=f"c{number}", turns=turns))
    return calls


def test_forked_workers_over_several_windows_give_the_results_of_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Small windows and chunks, so the records span several forks and the workers several chunks each.
    monkeypatch.setattr(parallel, "CHUNK", 3)
    monkeypatch.setattr(parallel, "WINDOW", 12)
    calls = _calls(40, seed=11)
    records: list[Call | RecordError] = [*calls[:17], RecordError("in.jsonl", 18, "geen geldige JSON"), *calls[17:]]

    expected = list(parallel.lint_records(records, Linter(mode="fast"), jobs=1))
    ours = list(parallel.lint_records(records, Linter(mode="fast"), jobs=2))

    assert [record for record, _ in ours] == records
    assert [result for _, result in ours] == [result for _, result in expected]
    assert any(result.findings for _, result in ours if not isinstance(result, RecordError))


@pytest.mark.parametrize(
    ("growth", "sizes", "read_when_forked"),
    [(2, [4, 8, 16, 16, 1], [4, 12, 28, 44, 45]), (4, [4, 16, 16, 9], [4, 20, 36, 45])],
)
def test_the_first_window_is_small_and_the_next_ones_grow_to_the_full_window(
    monkeypatch: pytest.MonkeyPatch, growth: int, sizes: list[int], read_when_forked: list[int]
) -> None:
    """The parent reads the first window alone, before any child is forked: it is FIRST_WINDOW records, and each
    next window (read while the one before it is linted) is WINDOW_GROWTH times as large, up to WINDOW."""
    monkeypatch.setattr(parallel, "CHUNK", 2)
    monkeypatch.setattr(parallel, "FIRST_WINDOW", 4)
    monkeypatch.setattr(parallel, "WINDOW", 16)
    monkeypatch.setattr(parallel, "WINDOW_GROWTH", growth)
    calls = _calls(45, seed=14)
    read = 0

    def counted() -> Iterator[Call]:
        nonlocal read
        for call in calls:
            read += 1
            yield call

    windows: list[tuple[int, int]] = []  # (records in the window, records read when it was forked)
    window_results = forked._window_results

    def recording(linter, records, *args):  # type: ignore[no-untyped-def]
        windows.append((len(records), read))
        return window_results(linter, records, *args)

    monkeypatch.setattr(forked, "_window_results", recording)
    expected = list(parallel.lint_records(calls, Linter(mode="fast"), jobs=1))
    ours = list(parallel.lint_records(counted(), Linter(mode="fast"), jobs=2))

    assert ours == expected
    assert [size for size, _ in windows] == sizes
    assert [when for _, when in windows] == read_when_forked  # never more than the window being forked ahead


def test_the_parent_adopts_what_its_children_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 2)
    monkeypatch.setattr(parallel, "WINDOW", 8)
    # The parent leaves every chunk to its child, so all it knows it learned from the child.
    parent_pid, take = os.getpid(), forked._Window.take
    monkeypatch.setattr(forked._Window, "take", lambda window: None if os.getpid() == parent_pid else take(window))
    calls = _calls(30, seed=12)
    single = Linter(mode="fast")
    expected = list(single.check_calls(calls))
    parses_when_cold = single.parse_counts.parsed

    parent = Linter(mode="fast")
    assert list(parent.check_calls(calls, jobs=2)) == expected
    assert parent.parse_counts.parsed == 0
    monkeypatch.setattr(forked._Window, "take", take)
    # Run again in the parent alone: it knows what its child checked, so it parses only texts that document-level
    # rules look at (their docs are not handed over).
    assert list(parent.check_calls(calls)) == expected
    assert parent.parse_counts.parsed < parses_when_cold / 2


def test_a_chunk_taken_by_a_child_that_dies_is_linted_by_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 4)
    monkeypatch.setattr(parallel, "WINDOW", 20)

    def dying_child(me: int) -> None:
        shared = forked._inherited
        assert shared is not None
        shared.take()  # takes a chunk, then dies without delivering it
        os._exit(1)

    monkeypatch.setattr(forked, "_child", dying_child)
    calls = _calls(30, seed=13)
    expected = list(Linter(mode="fast").check_calls(calls))
    assert list(Linter(mode="fast").check_calls(calls, jobs=3)) == expected


@pytest.mark.parametrize("worker", ["parent", "child"])
def test_what_a_worker_keeps_between_chunks_is_left_out_of_garbage_collection(
    worker: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 2)
    monkeypatch.setattr(parallel, "WINDOW", 12)
    # One worker lints every chunk of each window; it notes how many objects are frozen before each chunk and
    # keeps every result alive, so each chunk leaves more behind.
    parent_pid, take, lint = os.getpid(), forked._Window.take, forked._Window.lint

    def lints_here() -> bool:
        return (os.getpid() == parent_pid) == (worker == "parent")

    monkeypatch.setattr(forked._Window, "take", lambda window: take(window) if lints_here() else None)
    notes, kept = tmp_path / "frozen.txt", list[list[Result]]()

    def noting_lint(window: forked._Window, number: int) -> list[Result]:
        with notes.open("a") as handle:
            handle.write(f"{os.getpid()} {window.records[0].call_id} {gc.get_freeze_count()}\n")
        kept.append(results := lint(window, number))
        return results

    monkeypatch.setattr(forked._Window, "lint", noting_lint)
    calls = _calls(36, seed=14)
    assert list(Linter(mode="fast").check_calls(calls, jobs=2)) == list(Linter(mode="fast").check_calls(calls))

    per_window: dict[tuple[str, str], list[int]] = {}
    for line in notes.read_text().splitlines():
        pid, window, frozen = line.split()
        per_window.setdefault((pid, window), []).append(int(frozen))
    assert [len(counts) for counts in per_window.values()] == [6, 6, 6]  # 3 windows of 12 records
    for counts in per_window.values():
        assert all(later > earlier for earlier, later in itertools.pairwise(counts))


def test_segment_log_hands_each_reader_what_others_appended() -> None:
    log = SegmentLog()
    hit = Hit(0, 6, "Zeg wat wel kan.")
    parent_part = [(("Helaas.", "agent"), frozenset({"helaas"}), (0,), ((0, hit),))]
    child_part = [(("Nee.", "agent"), frozenset({"nee"}), (1,), ())]
    log.append(parent_part, PARENT)
    log.append(child_part, 0)
    log.append([], 1)  # nothing to share: nothing written
    assert list(log.read_new(skip_sender=0)) == [parent_part]
    assert list(log.read_new(skip_sender=0)) == []
    # A record cut short (still being written) is left for later.
    reader = SegmentLog()
    reader.append(parent_part, PARENT)
    size = reader._file.tell()
    reader._file.truncate(size - 3)
    assert list(reader.read_new(skip_sender=0)) == []
    log.close()
    reader.close()


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


def test_a_child_whose_parent_is_gone_stops_instead_of_linting_on() -> None:
    context = multiprocessing.get_context("fork")
    calls: list[Call | RecordError] = list(_calls(6, seed=14))
    window = forked._Window(
        Linter(mode="fast"),
        None,
        calls,
        [(0, 3), (3, 6)],
        context.Value("i", 0),
        context.Queue(),
        SegmentLog(),
        -1,
        gc.freeze,
    )
    forked._inherited = window  # parent_pid -1: as if the parent had been killed
    try:
        child = context.Process(target=forked._child, args=(0,))
        child.start()
        child.join(timeout=60)
    finally:
        forked._inherited = None
    assert child.exitcode == 1
    assert window.deliveries.empty()
    assert window.next_chunk.value == 1  # it took one chunk, saw it was alone, and stopped
