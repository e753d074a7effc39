"""The batch progress bar: calls and calls/s, and an ETA when the input's size is known.

The size is the sum of the input files' sizes on disk (compressed size for `.gz`); progress is the
number of those bytes read up to the end of the last record whose result is out. (Linting reads ahead, by two
windows of calls with `--jobs`, so the readers' own position would run ahead.) Standard input has no size, so it
gets a counter only.
Nothing is drawn when stderr is not a terminal.

`text_progress` does the same for `klantlint check` on one long file (over `LONG_TEXT_CHARS`): a bar over the
characters of the file's segments checked so far.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import click

from klantlint.io.wording import counted, number

Item = TypeVar("Item")
# A file this long (in characters) gets a progress bar in `klantlint check` (when stderr is a terminal).
LONG_TEXT_CHARS = 1_000_000


@contextmanager
def text_progress(path: str, length: int) -> Iterator[Callable[[int, int], None] | None]:
    """A callback `(done, total)` that draws a bar on stderr while a long text is checked; None (no bar) for a
    text shorter than `LONG_TEXT_CHARS` or when stderr is not a terminal."""
    if length < LONG_TEXT_CHARS or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=1000, label=f"klantlint {path}", file=sys.stderr, show_eta=True) as bar:
        shown = 0

        def update(done: int, total: int) -> None:
            nonlocal shown
            position = done * 1000 // max(total, 1)
            bar.update(position - shown)
            shown = position

        yield update


def input_size(inputs: Iterable[str]) -> int | None:
    """Total bytes of the inputs, or None when one of them has no size (stdin)."""
    total = 0
    for path in inputs:
        if path == "-" or not os.path.isfile(path):
            return None
        total += os.path.getsize(path)
    return total


class Progress:
    def __init__(self, inputs: list[str], enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.total = input_size(inputs)
        self.read_bytes = 0  # bytes of the inputs the readers have consumed so far
        self.shown_bytes = 0  # bytes up to the end of the last record whose result `track` has passed on
        self._finished_files = 0
        self._read_up_to: deque[int] = deque()  # for each record read and not yet passed on: where it ends

    def reader(self) -> Callable[[int], None]:
        """A callback for one input file's reader: it reports its position in that file."""
        base = self._finished_files

        def at(position: int) -> None:
            self.read_bytes = base + position

        return at

    def record_read(self) -> None:
        """The record just read is on its way to linting; its result comes out of `track` in input order."""
        if self.enabled and self.total:
            self._read_up_to.append(self.read_bytes)

    def file_done(self, path: str) -> None:
        if path != "-" and os.path.isfile(path):
            self._finished_files += os.path.getsize(path)
        self.read_bytes = self._finished_files

    def track(self, results: Iterator[Item]) -> Iterator[Item]:
        if not self.enabled:
            yield from results
            return
        started = time.perf_counter()
        calls = 0

        def describe(_: object) -> str:
            elapsed = time.perf_counter() - started
            described = counted(calls, "gesprek", "gesprekken")
            return f"{described}, {number(calls / elapsed)}/s" if elapsed else described

        with click.progressbar(
            length=self.total, label="klantlint", file=sys.stderr, item_show_func=describe, show_eta=True
        ) as bar:
            for item in results:
                calls += 1
                if self.total:
                    position = self._read_up_to.popleft() if self._read_up_to else self.read_bytes
                    bar.update(position - self.shown_bytes, item)
                    self.shown_bytes = position
                else:
                    bar.update(1, item)
                yield item
