"""An exclusive lock on output files, so two runs never write (or `--resume`) the same outputs at once.

The lock is `fcntl.flock` on a file beside the resolved output (`findings.jsonl.lock`) that records who holds it
(pid, host, start time). The kernel releases a flock when its holder dies, so a killed run never blocks the next;
the holder removes the file when it is done. (The `filelock` package locks the same way but neither records nor
reports the holder, which is the point of the message here.)
"""

from __future__ import annotations

import errno
import json
import os
import socket
import stat
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from klantlint.errors import KlantlintError
from klantlint.io.output import output_error, remove_quietly

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock; outputs are not locked there
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX = ".lock"


class OutputLocked(KlantlintError):
    """Another run holds the lock on an output: names the output and the holder."""


def lock_path(output: Path) -> Path | None:
    """The lock file of an output (beside the file a symlink points at), or None for a device or pipe."""
    target = Path(os.path.realpath(output))
    try:
        if not stat.S_ISREG(os.stat(target).st_mode):
            return None
    except FileNotFoundError:
        pass
    except OSError as error:
        raise output_error(output, error) from None
    return target.with_name(target.name + LOCK_SUFFIX)


@contextmanager
def locked_outputs(outputs: list[Path]) -> Iterator[None]:
    """Hold the lock of every output for the duration; OutputLocked when another run holds one."""
    with ExitStack() as stack:
        seen: set[Path] = set()
        for output in outputs:
            path = lock_path(output)
            if path is not None and path not in seen:
                seen.add(path)
                stack.enter_context(_locked(output, path))
        yield


@contextmanager
def _locked(output: Path, path: Path) -> Iterator[None]:
    if fcntl is None:  # pragma: no cover
        yield
        return
    descriptor = _acquire(output, path)
    try:
        _record_holder(descriptor)
        yield
    finally:
        # Remove the file while still holding it: a run that opened it meanwhile notices it was removed.
        remove_quietly(path)
        os.close(descriptor)


def _acquire(output: Path, path: Path) -> int:
    while True:
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as error:
            raise output_error(output, error) from None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            holder = _read_holder(descriptor)
            os.close(descriptor)
            if error.errno in (errno.EAGAIN, errno.EACCES):
                raise OutputLocked(
                    f"{output} is in gebruik door een andere klantlint-run ({holder}; slot: {path}); "
                    "wacht tot die klaar is of kies andere uitvoerbestanden"
                ) from None
            raise output_error(path, error) from None
        if _same_file(descriptor, path):
            return descriptor
        os.close(descriptor)  # the previous holder removed it between our open and our lock: take the new one


def _same_file(descriptor: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _record_holder(descriptor: int) -> None:
    started = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime())
    record = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "started": started})
    os.ftruncate(descriptor, 0)
    os.pwrite(descriptor, (record + "\n").encode("utf-8"), 0)


def _read_holder(descriptor: int) -> str:
    try:
        holder = json.loads(os.pread(descriptor, 4096, 0))
        return f"pid {holder['pid']} op {holder['host']}, sinds {holder['started']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "houder onbekend"
