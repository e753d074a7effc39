"""Linting records in long-lived forked children, with the parent as a worker when it has time to spare.

The parent forks `jobs - 1` children once, when it has read more than one chunk of records (a single chunk it lints
alone). They inherit the loaded pipeline and the compiled rules (copy-on-write), so nothing is loaded in them;
forking once rather than per window of records spares both sides most page faults (after every fork, each page a
process writes is copied again: about 205,000 faults for 10,000 calls in windows, 34,000 now). The parent reads the
records in chunks and keeps every child a few chunks ahead (`DEPTH`), sent through a pipe as plain values
(`chunk_codec`); each child sends back a chunk's results with the segments it checked. The parent's own work comes
first: reading, sending, and handing results on in input order (to the writer of the output files). Only when it has
nothing of that to do, every child has its chunks queued and the next result in order is not back yet does it lint a
chunk itself; so the children, which do nothing else, lint most of them and none of them idles.

Segments checked by one process are passed to the others with their next chunk, so a text is rarely parsed twice.
That is only a cache: the results are those of one process whoever checked what.

A child that dies (killed, or an error in it) loses nothing: the parent lints the chunks it had been sent. A child
whose parent dies is killed by the kernel (Linux), or sees its pipe closed and stops.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import pickle
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing.connection import Connection, Pipe, wait
from multiprocessing.context import ForkProcess
from queue import SimpleQueue

from klantlint.batch.chunk_codec import EncodedCall, decode_records, encode_records
from klantlint.batch.gc_pause import objects_frozen
from klantlint.engine.linter import Linter
from klantlint.engine.segment_cache import CheckedSegment
from klantlint.transcripts.linting import lint_records_in_process
from klantlint.transcripts.models import Record, Result

# Chunks a child has been sent and not yet answered: one it lints, the others queued, so that it never waits for the
# parent (which may be linting a chunk itself, or handing results on) to send the next one.
DEPTH = 3
# Chunks read and not yet handed on, per process: what the parent lints runs ahead of what the children have still
# to answer, up to this bound (memory stays flat whatever the input's length).
AHEAD_PER_PROCESS = DEPTH + 2
# What the parent sends a child per chunk: the chunk's number, its records and the segments others checked.
Task = tuple[int, list[EncodedCall | Record], list[CheckedSegment]]
# What a child sends back per chunk: the chunk's number, its results and the segments it checked.
Delivery = tuple[int, list[Result], list[CheckedSegment]]
# prctl's option that names the signal a process gets when its parent dies (linux/prctl.h).
PR_SET_PDEATHSIG = 1
# fcntl's command that sets a pipe's capacity (linux/fcntl.h), and the capacity asked for: a child's queued chunks
# and its answers fit in, so that neither side's write waits for the other to read (64 KiB by default).
F_SETPIPE_SZ = 1031
PIPE_BYTES = 1 << 20


@dataclass
class _ChildEnds:
    """What a child inherits: its ends of the two pipes, and the parent's ends of every pipe, which it closes (a
    child holding the parent's end of a sibling's pipe would keep that sibling from seeing the parent go)."""

    linter: Linter
    agent_speaker: str | None
    tasks: Connection
    deliveries: Connection
    parent_ends: list[Connection]
    freeze_survivors: Callable[[], None]  # between chunks: what exists now is left out of garbage collection


@dataclass
class _Child:
    """The parent's view of one child: its process, the pipe ends, and the chunks it has to answer."""

    process: ForkProcess
    deliveries: Connection
    outbox: SimpleQueue[bytes | None]  # what the sender thread is to write to the child (None: close the pipe)
    sender: threading.Thread
    in_flight: set[int] = field(default_factory=set)
    segments: list[CheckedSegment] = field(default_factory=list)  # checked by others since its last chunk

    def send(self, number: int, records: list[Record]) -> None:
        task: Task = (number, encode_records(records), self.segments)
        self.segments = []
        self.outbox.put(pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL))
        self.in_flight.add(number)


@dataclass
class _Chunk:
    """Records read together, and their results once a process has linted them."""

    number: int
    records: list[Record]
    results: list[Result] | None = None


_inherited: _ChildEnds | None = None


def lint_forked(
    iterator: Iterator[Record], linter: Linter, jobs: int, agent_speaker: str | None, *, chunk: int
) -> Iterator[tuple[Record, Result]]:
    """Each record with its result, in input order, linted by `jobs - 1` forked children and the parent. An input
    of one chunk at most is linted here: a child would only wait for it."""
    first = list(islice(iterator, chunk + 1))
    if len(first) <= chunk:
        with objects_frozen():
            results = lint_records_in_process(linter, first, agent_speaker)
        yield from zip(first, results, strict=True)
        return
    iterator = chain(first, iterator)
    linter.segment_cache.track_added()
    # Objects that exist at fork time are left out of garbage collection until the run is done, in the children and
    # in the parent: collecting would touch (and so copy) the pages they share. So is what each process keeps from
    # one chunk to the next (as a run with one job does, one chunk at a time).
    with objects_frozen() as freeze_survivors:
        children = _fork_children(linter, agent_speaker, jobs - 1, freeze_survivors)
        try:
            yield from _Scheduler(iterator, linter, agent_speaker, chunk, children, freeze_survivors).results()
        finally:
            _stop(children)
            linter.segment_cache.track_added(on=False)


class _Scheduler:
    """The parent's loop: keep the children fed, hand results on in input order, lint a chunk when idle."""

    def __init__(
        self,
        iterator: Iterator[Record],
        linter: Linter,
        agent_speaker: str | None,
        chunk: int,
        children: list[_Child],
        freeze_survivors: Callable[[], None],
    ) -> None:
        self.iterator = iterator
        self.linter = linter
        self.agent_speaker = agent_speaker
        self.chunk = chunk
        self.children = children  # the living ones
        self.freeze_survivors = freeze_survivors
        self.pending: deque[_Chunk] = deque()  # read and not yet handed on, in input order
        self.by_number: dict[int, _Chunk] = {}  # the pending chunks that a child is to answer
        self.orphans: list[_Chunk] = []  # chunks sent to a child that died: the parent lints them
        self.read = 0  # chunks read so far
        self.exhausted = False
        self.ahead = AHEAD_PER_PROCESS * (len(children) + 1)

    def results(self) -> Iterator[tuple[Record, Result]]:
        while True:
            self.freeze_survivors()
            self._feed_children()
            if self.pending and self.pending[0].results is not None:
                done = self.pending.popleft()
                yield from zip(done.records, done.results, strict=True)
            elif not self.pending and self.exhausted:
                return
            elif not self._receive(block=False):
                self._work_or_wait()

    def _feed_children(self) -> None:
        """Top up every child to DEPTH chunks, while there are records."""
        for child in self.children:
            while len(child.in_flight) < DEPTH and (chunk := self._read_chunk()) is not None:
                self.by_number[chunk.number] = chunk
                child.send(chunk.number, chunk.records)

    def _read_chunk(self) -> _Chunk | None:
        """The next chunk of records, unless there are none left or as many as `ahead` are pending already (one
        slow child must not make the parent read the whole input while the others run on)."""
        if self.exhausted or len(self.pending) >= self.ahead:
            return None
        records = list(islice(self.iterator, self.chunk))
        if not records:
            self.exhausted = True
            return None
        chunk = _Chunk(self.read, records)
        self.read += 1
        self.pending.append(chunk)
        return chunk

    def _work_or_wait(self) -> None:
        """Lint a chunk here (one a dead child left, else a new one), or wait for a child to answer. Only called
        when the children have their chunks queued and no answer is waiting, so it never keeps a child idle."""
        if self.orphans:
            self._lint_here(self.orphans.pop(0))
        elif self._lint_next_here() or not self.pending:  # linted one, or the input has just run out
            return
        elif self.children:
            self._receive(block=True)
        else:  # cannot be: a pending chunk without results is a living child's or an orphan
            raise RuntimeError("forked batch: no child left to wait for")

    def _lint_next_here(self) -> bool:
        """Read the next chunk and lint it here, if one may be read; whether it was."""
        chunk = self._read_chunk()
        if chunk is not None:
            self._lint_here(chunk)
        return chunk is not None

    def _lint_here(self, chunk: _Chunk) -> None:
        chunk.results = lint_records_in_process(self.linter, chunk.records, self.agent_speaker)
        if self.children:  # the parent's cache has them already; the children learn them with their next chunk
            checked = self.linter.segment_cache.export()
            for child in self.children:
                child.segments += checked

    def _receive(self, *, block: bool) -> bool:
        """Adopt every delivery that is there (with `block`, wait for one); a child that has gone leaves its
        chunks to the parent. Whether anything arrived or went."""
        ready = wait([child.deliveries for child in self.children], timeout=None if block else 0)
        for child in [child for child in self.children if child.deliveries in ready]:
            try:
                number, results, checked = pickle.loads(child.deliveries.recv_bytes())
            except (EOFError, OSError):
                self._bury(child)
                continue
            child.in_flight.discard(number)
            self.by_number.pop(number).results = results
            self.linter.segment_cache.adopt(checked)
            for other in self.children:
                if other is not child:
                    other.segments += checked
        return bool(ready)

    def _bury(self, child: _Child) -> None:
        """A child is gone (its pipe closed before it answered): the parent lints what it had been sent."""
        self.children.remove(child)
        self.orphans += sorted((self.by_number.pop(number) for number in child.in_flight), key=lambda c: c.number)
        child.in_flight.clear()
        _stop([child])


def _fork_children(
    linter: Linter, agent_speaker: str | None, count: int, freeze_survivors: Callable[[], None]
) -> list[_Child]:
    """Fork `count` children, then start the threads that write to them (a fork copies no thread but the calling
    one, so none may be running while the next child is forked)."""
    global _inherited
    context = multiprocessing.get_context("fork")
    parent_ends: list[Connection] = []
    started: list[tuple[ForkProcess, Connection, Connection]] = []
    try:
        for _ in range(count):
            tasks_in, tasks_out = Pipe(duplex=False)
            deliveries_in, deliveries_out = Pipe(duplex=False)
            for end in (tasks_out, deliveries_out):
                _widen(end)
            parent_ends += [tasks_out, deliveries_in]
            _inherited = _ChildEnds(linter, agent_speaker, tasks_in, deliveries_out, parent_ends, freeze_survivors)
            process = context.Process(target=_child, daemon=True)
            process.start()
            tasks_in.close()
            deliveries_out.close()
            started.append((process, tasks_out, deliveries_in))
    finally:
        _inherited = None
    children = []
    for process, tasks_out, deliveries_in in started:
        outbox: SimpleQueue[bytes | None] = SimpleQueue()
        sender = threading.Thread(target=_send_tasks, args=(outbox, tasks_out), daemon=True)
        sender.start()
        children.append(_Child(process, deliveries_in, outbox, sender))
    return children


def _widen(end: Connection) -> None:
    """Make a pipe hold a child's queued chunks and answers (Linux; elsewhere a full pipe only makes the writer
    wait, which costs time but cannot deadlock: the parent writes from its own thread)."""
    if sys.platform.startswith("linux"):
        import fcntl

        try:
            fcntl.fcntl(end.fileno(), F_SETPIPE_SZ, PIPE_BYTES)
        except OSError:
            return


def _send_tasks(outbox: SimpleQueue[bytes | None], tasks: Connection) -> None:
    """The parent's thread that writes a child's chunks: a write that waits for the child to read (a full pipe)
    keeps only this thread waiting."""
    try:
        while (data := outbox.get()) is not None:
            tasks.send_bytes(data)
    except OSError:
        pass  # the child is gone: the parent lints what it was sent
    finally:
        tasks.close()


def _stop(children: list[_Child]) -> None:
    """End each child and its sender thread and reap it: one that still has chunks to answer (the run was cut
    short) is terminated, the others stop when their pipe closes."""
    for child in children:
        child.outbox.put(None)
        if child.in_flight and child.process.is_alive():
            child.process.terminate()
    for child in children:
        child.process.join()
        child.sender.join()
        child.deliveries.close()


def _child() -> None:
    """A child's life: lint each chunk it is sent and send back the results, until its pipe closes."""
    ends = _inherited
    assert ends is not None
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which ends its children
    for end in ends.parent_ends:
        end.close()
    cache = ends.linter.segment_cache
    cache.track_added()
    while True:
        try:
            number, items, checked = pickle.loads(ends.tasks.recv_bytes())
        except EOFError:
            return  # the run is done, or the parent is gone
        ends.freeze_survivors()
        cache.adopt(checked)
        try:
            results = lint_in_child(ends.linter, decode_records(items), ends.agent_speaker)
        except Exception as error:  # a bug: the parent lints the chunk again and reports it if it recurs
            _note_stopping(error)
            return
        delivery: Delivery = (number, results, cache.export())
        ends.deliveries.send_bytes(pickle.dumps(delivery, protocol=pickle.HIGHEST_PROTOCOL))


def _note_stopping(error: Exception) -> None:
    """One line for the user instead of multiprocessing's traceback: the run goes on without this child. If the
    error comes from the calls themselves, the parent meets it again and stops the run as an internal error, with
    the traceback on request."""
    print(
        f"klantlint: een hulpproces is gestopt door een interne fout ({type(error).__name__}: {error}); "
        "het hoofdproces controleert die gesprekken zelf",
        file=sys.stderr,
        flush=True,
    )


def lint_in_child(linter: Linter, records: list[Record], agent_speaker: str | None) -> list[Result]:
    """What a child does with each chunk (a seam for tests that make a child fail)."""
    return lint_records_in_process(linter, records, agent_speaker)


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this child when its parent dies (prctl PR_SET_PDEATHSIG), so that a child
    busy linting does not go on for nobody; elsewhere it stops when it next reads its closed pipe."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
