"""Writing outputs safely: file-system faults as one Dutch message, atomic replacement of regular files.

Every file klantlint writes goes through here: streamed outputs (`OutputFile`, the batch outputs), whole files
written at once (`write_atomically`: reports, `fix`, rewritten outputs) and standard output (`guard_stdout`).
An `OSError` becomes an `OutputError` that names the path and the cause in Dutch; the CLI prints it and exits 2.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from klantlint.errors import KlantlintError
from klantlint.io.os_errors import describe_os_error

STDOUT_NAME = "standaarduitvoer"


class OutputError(KlantlintError):
    """An output that cannot be written: names the path and the cause."""


def output_error(path: str | os.PathLike[str], error: OSError, *, resumable: bool = False) -> OutputError:
    tail = "; wat tot hier geschreven is, is compleet: ga verder met --resume" if resumable else ""
    return OutputError(f"kan niet schrijven naar {os.fspath(path)}: {describe_os_error(error)}{tail}")


def refuse_special_file(path: str | os.PathLike[str]) -> None:
    """Raise OutputError when `path` exists and is not a regular file (a device node, FIFO, socket or folder)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise output_error(path, error) from None
    if stat.S_ISREG(mode):
        return
    kind = (
        "is een map"
        if stat.S_ISDIR(mode)
        else "is een apparaat, geen gewoon bestand"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "is een pijp (FIFO), geen gewoon bestand"
        if stat.S_ISFIFO(mode)
        else "is geen gewoon bestand"
    )
    raise OutputError(f"kan niet schrijven naar {os.fspath(path)}: {kind}")


def check_target(path: str | os.PathLike[str]) -> None:
    """Before the work: the file can be created where it is asked for (its folder exists, it is no device)."""
    refuse_special_file(path)
    folder = os.path.dirname(os.path.realpath(path))
    try:
        is_folder = stat.S_ISDIR(os.stat(folder).st_mode)
    except OSError as error:
        raise output_error(path, error) from None
    if not is_folder:
        raise output_error(path, OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)))


def write_atomically(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write a whole file so it appears complete or not at all.

    The temporary file lies beside the resolved target, so a symlink keeps pointing at the (new) file it named
    and the rename never crosses file systems; an existing file keeps its permission bits. Device nodes and
    FIFOs are refused rather than replaced.
    """
    target = os.path.realpath(path)
    refuse_special_file(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder, name = os.path.split(target)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as error:
        raise output_error(path, error) from None
    temporary: str | None = None
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise output_error(path, error) from None
    finally:
        if temporary is not None:
            remove_quietly(temporary)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def remove_quietly(path: str | os.PathLike[str]) -> None:
    with suppress(OSError):
        os.unlink(path)


class OutputFile:
    """A streamed text output (opened for appending or anew); every fault becomes an OutputError naming it.

    Write faults say the output is resumable: the batch writes call by call, so what was flushed is complete.
    """

    def __init__(self, path: Path, handle: IO[str]) -> None:
        self.path = path
        self._handle = handle
        self._resumable = stat.S_ISREG(os.fstat(handle.fileno()).st_mode)  # not a device or pipe

    @classmethod
    def open_all(cls, paths: list[Path], *, append: bool) -> list[OutputFile]:
        """Open every path, or none: a path that fails closes the others and removes the files it created,
        so a typo in the last output does not empty the outputs of an earlier run."""
        opened: list[OutputFile] = []
        created: list[Path] = []
        try:
            for path in paths:
                existed = os.path.lexists(path)
                try:
                    handle = path.open("a", encoding="utf-8", newline="")
                except OSError as error:
                    raise output_error(path, error) from None
                if not existed:
                    created.append(path)
                opened.append(cls(path, handle))
            if not append:
                for output in opened:
                    output.truncate()
        except BaseException:
            for output in opened:
                output.close_quietly()
            for path in created:
                remove_quietly(path)
            raise
        return opened

    def truncate(self) -> None:
        try:
            if not stat.S_ISREG(os.fstat(self._handle.fileno()).st_mode):  # a pipe or device: nothing to empty
                return
            self._handle.seek(0)
            self._handle.truncate()
        except OSError as error:
            raise output_error(self.path, error) from None

    def is_empty(self) -> bool:
        """Nothing written yet (a fresh or emptied file, or a pipe or device)."""
        try:
            info = os.fstat(self._handle.fileno())
        except OSError as error:
            raise output_error(self.path, error) from None
        return not stat.S_ISREG(info.st_mode) or info.st_size == 0

    def write(self, text: str) -> int:
        try:
            return self._handle.write(text)
        except OSError as error:
            raise output_error(self.path, error, resumable=self._resumable) from None

    def flush(self) -> None:
        try:
            self._handle.flush()
        except OSError as error:
            raise output_error(self.path, error, resumable=self._resumable) from None

    def close(self) -> None:
        try:
            self._handle.close()
        except OSError as error:
            raise output_error(self.path, error, resumable=self._resumable) from None

    def close_quietly(self) -> None:
        """Close after an earlier fault: unflushed text that cannot be written is dropped, not reported twice."""
        with suppress(OSError):
            self._handle.close()
        with suppress(OSError):
            self._handle.close()  # if the failed flush left it open: the buffer is discarded now


def silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


@contextmanager
def guard_stdout() -> Iterator[None]:
    """Writes to standard output: a reader that stopped (`| head`) ends the output quietly and the run keeps its
    exit code; any other fault (a full disk behind `> file`) becomes an OutputError."""
    try:
        yield
    except BrokenPipeError:
        silence_stdout()
    except OSError as error:
        silence_stdout()
        raise output_error(STDOUT_NAME, error) from None
