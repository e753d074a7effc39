"""What a batch run keeps from one call to the next stays bounded, however long the run (issue 16).

Counted in objects, bytes and pages, never in seconds: the call ids every run keeps (to flag duplicates), and the
docs fast mode keeps for document-level rules.
"""

from __future__ import annotations

import json
import os
import sys
import tracemalloc
from pathlib import Path

import pytest

from klantlint import Linter
from klantlint.batch.call_ids import CallIds
from klantlint.batch.runner import BatchOptions, run_batch
from klantlint.testing import ALL_RULES

IDS_BEFORE = 30_000
IDS_AFTER = 300_000  # 10 times as many
# A set of strings grows by about 100 bytes an id, 27 MB from IDS_BEFORE to IDS_AFTER; SQLite's pages beyond its
# cache go to a file, so the process may grow by little more than the cache.
RESIDENT_GROWTH_BOUND = 4 * 2**20
PYTHON_GROWTH_BOUND = 256 * 2**10


def _resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _add_ids(call_ids: CallIds, start: int, end: int) -> None:
    for number in range(start, end):
        assert not call_ids.add(f"gesprek-{number:09d}")


def test_call_ids_are_exact() -> None:
    undecodable = os.fsdecode(b"caf\xe9.json")  # a file name's undecodable byte, as a call id of a file per call
    distinct = ["a", "a ", "A", "café", "cafe\u0301", undecodable, "\ud800\udc00", "\U00010000", ""]
    with CallIds() as call_ids:
        assert [call_ids.add(call_id) for call_id in distinct] == [False] * len(distinct)
        assert [call_ids.add(call_id) for call_id in reversed(distinct)] == [True] * len(distinct)
        assert len(call_ids) == len(distinct)
        assert all(call_id in call_ids for call_id in distinct)
        assert "b" not in call_ids and os.fsdecode(b"caf\xe8.json") not in call_ids
        call_ids.update(["b", "a"])
        assert call_ids.add("b")
        assert len(call_ids) == len(distinct) + 1


def test_call_ids_keep_no_python_objects_per_id() -> None:
    with CallIds() as call_ids:
        _add_ids(call_ids, 0, IDS_BEFORE)
        tracemalloc.start()
        try:
            _add_ids(call_ids, IDS_BEFORE, IDS_AFTER)
            held, _ = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert len(call_ids) == IDS_AFTER
    assert held < PYTHON_GROWTH_BOUND, f"{IDS_AFTER - IDS_BEFORE} more call ids hold {held} bytes of Python objects"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/statm")
def test_call_ids_memory_stays_flat_at_ten_times_the_ids() -> None:
    with CallIds() as call_ids:
        _add_ids(call_ids, 0, IDS_BEFORE)
        before = _resident_bytes()
        _add_ids(call_ids, IDS_BEFORE, IDS_AFTER)
        growth = _resident_bytes() - before
        assert call_ids.add(f"gesprek-{0:09d}")  # the first id is still known
    assert growth < RESIDENT_GROWTH_BOUND, f"{IDS_AFTER - IDS_BEFORE} more call ids: {growth / 2**20:.1f} MB more"


def test_a_batch_run_flags_a_repeated_call_id(tmp_path: Path) -> None:
    turns = [
        {"speaker": "Agent", "text": "Goedemiddag, waarmee kan ik u helpen?"},
        {"speaker": "Klant", "text": "Ik bel over mijn pakket."},
    ]
    call_ids = ["een", "twee", "een", "drie", "twee", "een"]
    corpus = tmp_path / "calls.jsonl"
    corpus.write_text("".join(json.dumps({"call_id": call_id, "turns": turns}) + "\n" for call_id in call_ids))
    summary = tmp_path / "summary.jsonl"
    options = BatchOptions(inputs=[str(corpus)], output=None, summary=summary, errors=None)
    totals = run_batch(Linter(mode="fast"), options)
    rows = [json.loads(line) for line in summary.read_text(encoding="utf-8").splitlines()]
    assert [(row["call_id"], row["duplicate_call_id"]) for row in rows] == [
        ("een", False),
        ("twee", False),
        ("een", True),
        ("drie", False),
        ("twee", True),
        ("een", True),
    ]
    assert totals.duplicate_ids == 3


def test_a_kept_doc_does_not_keep_its_batch_of_tensors_alive() -> None:
    # KL014 (document-level, needs tags) makes fast mode keep the docs of these turns for later conversations.
    linter = Linter(ALL_RULES, mode="fast")
    conversations = [
        ["Goedemorgen, waarmee kan ik u helpen?", f"Kun je dat nummer {number} even voor me opzoeken?"]
        for number in range(40)
    ]
    linter.check_conversations(conversations)
    kept = [doc for doc, _ in linter._doc_cache._entries.values()]
    assert kept
    for doc in kept:
        # Its own rows of the tok2vec output, not a view of the array of the whole batch it was parsed in.
        assert doc.tensor.base is None
        assert doc.tensor.shape[0] == len(doc)
