"""The batch progress bar: byte positions from the readers, and a bar with an ETA on a real terminal."""

from __future__ import annotations

import gzip
import os
import pty
import select
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from klantlint.batch.progress import Progress, input_size
from klantlint.transcripts import iter_records
from tests.test_batch import make_calls


def _positions(path: Path) -> list[int]:
    seen: list[int] = []
    records = list(iter_records(str(path), on_position=seen.append))
    assert len(seen) == len(records)
    return seen


def test_readers_report_their_byte_position(tmp_path: Path) -> None:
    plain = tmp_path / "calls.jsonl"
    make_calls(plain, 40, seed=3)
    positions = _positions(plain)
    assert positions == sorted(positions)
    assert positions[0] < positions[-1] == plain.stat().st_size


def test_gzip_positions_count_compressed_bytes(tmp_path: Path) -> None:
    plain = tmp_path / "calls.jsonl"
    make_calls(plain, 400, seed=4)
    packed = tmp_path / "calls.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    positions = _positions(packed)
    assert positions == sorted(positions)
    assert positions[-1] <= packed.stat().st_size < plain.stat().st_size


def test_input_size_is_unknown_for_stdin(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    make_calls(first, 5, seed=1)
    make_calls(second, 7, seed=2)
    assert input_size([str(first), str(second)]) == first.stat().st_size + second.stat().st_size
    assert input_size([str(first), "-"]) is None


def test_progress_adds_up_over_files(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    make_calls(first, 5, seed=1)
    make_calls(second, 7, seed=2)
    progress = Progress([str(first), str(second)], enabled=False)
    for path in (first, second):
        for _ in iter_records(str(path), on_position=progress.reader()):
            pass
        progress.file_done(str(path))
    assert progress.read_bytes == progress.total


def test_a_terminal_gets_a_bar_with_percentage_and_eta(tmp_path: Path) -> None:
    corpus = tmp_path / "calls.jsonl"
    make_calls(corpus, 300, seed=5)
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "klantlint", "batch", str(corpus), "--summary", str(tmp_path / "s.jsonl")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=terminal,
        env={**os.environ, "COLUMNS": "120"},
    )
    os.close(terminal)
    shown = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed: the process ended
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait(timeout=120) in (0, 1)
    text = shown.decode("utf-8", "replace")
    assert "klantlint" in text and "gesprekken" in text
    assert "100%" in text, text[-500:]


def test_the_bar_follows_the_results_not_the_reading_ahead(tmp_path: Path) -> None:
    corpus = tmp_path / "calls.jsonl"
    make_calls(corpus, 6, seed=3)
    progress = Progress([str(corpus)], enabled=False)
    progress.enabled = True  # as on a terminal; the bar itself goes to the captured stderr
    ends: list[int] = []
    reader = progress.reader()

    def records() -> Iterator[int]:
        def at(position: int) -> None:
            reader(position)
            ends.append(position)

        for number, _ in enumerate(iter_records(str(corpus), on_position=at)):
            progress.record_read()
            yield number

    read_all = list(records())  # linting reads ahead: every record is read before the first result is out
    shown = [progress.shown_bytes for _ in progress.track(iter(read_all))]
    assert progress.read_bytes == ends[-1]
    assert shown == ends
    assert shown[0] < progress.read_bytes
