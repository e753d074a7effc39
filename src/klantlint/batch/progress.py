"""The batch progress bar: calls and calls/s, and an ETA when the input's size is known.

The size is the sum of the input files' sizes on disk (compressed size for `.gz`); progress is the
number of those bytes the readers have consumed. Standard input has no size, so it gets a counter only.
Nothing is drawn when stderr is not a terminal.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import click

Item = TypeVar("Item")


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
        self._finished_files = 0

    def reader(self) -> Callable[[int], None]:
        """A callback for one input file's reader: it reports its position in that file."""
        base = self._finished_files

        def at(position: int) -> None:
            self.read_bytes = base + position

        return at

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
            return f"{calls} gesprekken, {calls / elapsed:.0f}/s" if elapsed else f"{calls} gesprekken"

        shown = 0
        with click.progressbar(
            length=self.total, label="klantlint", file=sys.stderr, item_show_func=describe, show_eta=True
        ) as bar:
            for item in results:
                calls += 1
                if self.total:
                    bar.update(self.read_bytes - shown, item)
                    shown = self.read_bytes
                else:
                    bar.update(1, item)
                yield item
