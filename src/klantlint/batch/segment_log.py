"""An append-only log of checked segments that forked processes share through a temporary file.

The parent appends (its own checked segments, and those a child delivered); each child reads what was added
since it last looked, before each chunk. Nothing blocks: unlike a pipe, a file never fills up, so neither
side waits for the other, and a child that has exited leaves nothing stuck. Children read with `os.pread`,
which leaves the file offset they share with the parent alone.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterator

from klantlint.engine.segment_cache import CheckedSegment

PARENT = -1
_HEADER = 12  # record size (8 bytes) and the sender's number (4 bytes, signed)


class SegmentLog:
    """Lists of checked segments, each tagged with its sender (a child's number, or PARENT)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close(), after the window
        self._read_to = 0  # per process: each child has its own copy after the fork

    def append(self, checked: list[CheckedSegment], sender: int) -> None:
        if not checked:
            return
        data = pickle.dumps(checked, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.write(len(data).to_bytes(8, "little") + sender.to_bytes(4, "little", signed=True) + data)
        self._file.flush()

    def read_new(self, skip_sender: int) -> Iterator[list[CheckedSegment]]:
        """The lists appended since the last call, except the reader's own; a record still being written is
        left for the next call."""
        descriptor = self._file.fileno()
        while len(header := os.pread(descriptor, _HEADER, self._read_to)) == _HEADER:
            size = int.from_bytes(header[:8], "little")
            sender = int.from_bytes(header[8:], "little", signed=True)
            if sender != skip_sender:
                data = os.pread(descriptor, size, self._read_to + _HEADER)
                if len(data) < size:
                    return
                yield pickle.loads(data)
            elif os.fstat(descriptor).st_size < self._read_to + _HEADER + size:
                return
            self._read_to += _HEADER + size

    def close(self) -> None:
        self._file.close()
