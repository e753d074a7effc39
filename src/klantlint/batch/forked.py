"""Linting windows of records in forked processes, with the parent as one of the workers.

The parent reads a window of records (a small one first, then larger ones), then forks `jobs - 1` children. They
inherit the loaded pipeline, the compiled rules, the warm segment cache and the window itself (copy-on-write), so
nothing is loaded or sent to them. Parent and children take chunks of the window from a shared counter, so none of
them idles while work is left. Children send back each chunk's results and the segments they checked; the parent
adopts those into its cache and passes them on, with the segments it checked itself, to the other children through a
`SegmentLog`, so a text is rarely parsed twice. The parent yields results in input order and reads the next window
while the children work.

A chunk taken by a child that dies is linted by the parent, so no record is lost.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue
import signal
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing.context import ForkContext, ForkProcess
from multiprocessing.queues import Queue
from multiprocessing.sharedctypes import Synchronized

from klantlint.batch.gc_pause import objects_frozen
from klantlint.batch.segment_log import PARENT, SegmentLog
from klantlint.engine.linter import Linter
from klantlint.engine.segment_cache import CheckedSegment
from klantlint.transcripts.linting import lint_records_in_process
from klantlint.transcripts.models import Record, Result

Bounds = tuple[int, int]
# What a child sends per chunk: its own number, the chunk's number, its results and the segments checked.
Delivery = tuple[int, int, list[Result], list[CheckedSegment]]
# prctl's option that names the signal a process gets when its parent dies (linux/prctl.h).
PR_SET_PDEATHSIG = 1
# How long the parent waits for a child's delivery before it checks whether the children are still alive.
POLL_SECONDS = 0.5


@dataclass
class _Window:
    """What the children of one window inherit."""

    linter: Linter
    agent_speaker: str | None
    records: list[Record]
    chunks: list[Bounds]
    next_chunk: Synchronized[int]
    deliveries: Queue[Delivery]
    shared_segments: SegmentLog  # what the parent and each child checked, for the children to adopt
    parent_pid: int
    freeze_survivors: Callable[[], None]  # between chunks: what exists now is left out of garbage collection

    def take(self) -> int | None:
        """The number of the next chunk nobody has taken yet, or None when all are taken."""
        with self.next_chunk.get_lock():
            number = self.next_chunk.value
            if number >= len(self.chunks):
                return None
            self.next_chunk.value = number + 1
            return number

    def lint(self, number: int) -> list[Result]:
        start, end = self.chunks[number]
        return lint_records_in_process(self.linter, self.records[start:end], self.agent_speaker)


_inherited: _Window | None = None


def lint_forked(
    iterator: Iterator[Record],
    linter: Linter,
    jobs: int,
    agent_speaker: str | None,
    *,
    chunk: int,
    window: int,
    first_window: int | None = None,
    growth: int = 2,
) -> Iterator[tuple[Record, Result]]:
    """Each record with its result, in input order, linted by the parent and `jobs - 1` forked children.

    The parent reads the first window alone, before any child exists, so that window is small (`first_window`
    records); each next one is `growth` times the size of the last, up to `window`, and is read while the children
    lint the one before it."""
    size = min(window, first_window or window)
    records = list(islice(iterator, size))
    while records:
        size = min(window, size * growth)
        following: list[Record] = []
        # Read the next window while the children are busy with this one, a part of it after each chunk.
        per_chunk = -(-size // -(-len(records) // chunk))  # ceil(size / number of chunks)
        for (start, end), results in _window_results(linter, records, jobs, agent_speaker, chunk):
            yield from zip(records[start:end], results, strict=True)
            following += islice(iterator, max(0, min(per_chunk, size - len(following))))
        following += islice(iterator, max(0, size - len(following)))
        records = following


def _window_results(
    linter: Linter, records: list[Record], jobs: int, agent_speaker: str | None, chunk: int
) -> Iterator[tuple[Bounds, list[Result]]]:
    context = multiprocessing.get_context("fork")
    chunks = [(start, min(start + chunk, len(records))) for start in range(0, len(records), chunk)]
    log = SegmentLog()
    children: list[ForkProcess] = []
    done: dict[int, list[Result]] = {}
    linter.segment_cache.track_added()
    # Objects that exist at fork time are left out of garbage collection until the window is done, in the
    # children and in the parent: collecting would touch (and so copy) the pages they share. So is what each
    # process keeps from one chunk to the next (as a run with one job does, one chunk at a time).
    with objects_frozen() as freeze_survivors:
        shared = _Window(
            linter,
            agent_speaker,
            records,
            chunks,
            context.Value("i", 0),
            context.Queue(),
            log,
            os.getpid(),
            freeze_survivors,
        )
        try:
            children = _fork_children(context, shared, min(jobs - 1, len(chunks) - 1))
            for number, bounds in enumerate(chunks):
                while number not in done:
                    freeze_survivors()
                    _next_step(shared, done, children, number)
                yield bounds, done.pop(number)
        finally:
            linter.segment_cache.track_added(on=False)
            for child in children:
                if child.is_alive():
                    child.terminate()
                child.join()
            shared.deliveries.close()
            log.close()


def _next_step(shared: _Window, done: dict[int, list[Result]], children: list[ForkProcess], wanted: int) -> None:
    """One step towards chunk `wanted`: adopt a delivery, lint a chunk nobody took, or wait for a child."""
    if _receive(shared, done, children, timeout=None):
        return
    number = shared.take()
    if number is not None:
        done[number] = shared.lint(number)
        checked = shared.linter.segment_cache.export()
        if children:  # the parent's cache has them already; the log is only for children
            shared.shared_segments.append(checked, PARENT)
        return
    if _receive(shared, done, children, timeout=POLL_SECONDS):
        return
    if not any(child.is_alive() for child in children) and not _receive(shared, done, children, timeout=None):
        # Every chunk is taken and no child is left to deliver `wanted`: its child died. Lint it here.
        done[wanted] = shared.lint(wanted)


def _receive(
    shared: _Window, done: dict[int, list[Result]], children: list[ForkProcess], timeout: float | None
) -> bool:
    """Adopt one delivery if one arrives (None: only if one is there already)."""
    try:
        sender, number, results, checked = (
            shared.deliveries.get_nowait() if timeout is None else shared.deliveries.get(timeout=timeout)
        )
    except queue.Empty:
        return False
    shared.linter.segment_cache.adopt(checked)
    if len(children) > 1:
        shared.shared_segments.append(checked, sender)  # for the other children
    done[number] = results
    return True


def _fork_children(context: ForkContext, shared: _Window, count: int) -> list[ForkProcess]:
    global _inherited
    _inherited = shared
    try:
        children = [context.Process(target=_child, args=(number,), daemon=True) for number in range(count)]
        for child in children:
            child.start()
    finally:
        _inherited = None
    return children


def _child(me: int) -> None:
    shared = _inherited
    assert shared is not None
    _die_with_parent()
    shared.linter.segment_cache.track_added()
    while (number := shared.take()) is not None:
        _exit_if_orphaned(shared.parent_pid)
        shared.freeze_survivors()
        for checked in shared.shared_segments.read_new(skip_sender=me):
            shared.linter.segment_cache.adopt(checked)
        results = shared.lint(number)
        shared.deliveries.put((me, number, results, shared.linter.segment_cache.export()))
    # On exit the queue's feeder thread is joined: every delivery reaches the parent. Without a parent that join
    # would wait for ever on a full pipe (this child holds a read end too), so an orphan leaves at once.
    _exit_if_orphaned(shared.parent_pid)


def _exit_if_orphaned(parent_pid: int) -> None:
    if os.getppid() != parent_pid:
        os._exit(1)  # the parent was killed: nobody will read what this child finds


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this child when its parent dies (prctl PR_SET_PDEATHSIG), so that a child
    blocked on a full pipe to a killed parent does not linger; elsewhere the checks between chunks do it."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
