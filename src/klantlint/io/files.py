"""Finding the files to check and reading them as text, with clear errors for what cannot be read."""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from klantlint.errors import InputError

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
CHECKED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES
STDIN = "-"
UTF8_BOM = b"\xef\xbb\xbf"
BINARY_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Source:
    """A text to check: its display path, its content (without a byte order mark), whether it is Markdown, and
    whether the file started with a UTF-8 byte order mark (`fix` writes it back)."""

    path: str
    text: str
    markdown: bool
    bom: bool = False


def discover(paths: list[str], exclude: list[str]) -> Iterator[str]:
    """Files to check, in a stable order: given files as they are, directories searched recursively."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.suffix.lower() in CHECKED_SUFFIXES and not _excluded(found, exclude):
                    yield str(found)
        elif not _excluded(path, exclude):
            yield raw


def _excluded(path: Path, patterns: list[str]) -> bool:
    text = path.as_posix()
    return any(
        fnmatch.fnmatch(text, pattern)
        or fnmatch.fnmatch(path.name, pattern)
        or any(fnmatch.fnmatch(part, pattern) for part in path.parts)
        for pattern in patterns
    )


def read_source(path: str, *, stdin_markdown: bool = False) -> Source:
    """Read one file (or stdin for '-') as UTF-8 text; InputError names the file, line and reason."""
    if path == STDIN:
        data = sys.stdin.buffer.read()
        return Source("<stdin>", decode(data, "<stdin>"), stdin_markdown, data.startswith(UTF8_BOM))
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: bestand bestaat niet")
    if file.is_dir():
        raise InputError(f"{path}: is een map, geen bestand")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: kan niet worden gelezen: {error.strerror or error}") from None
    return Source(path, decode(data, path), file.suffix.lower() in MARKDOWN_SUFFIXES, data.startswith(UTF8_BOM))


def decode(data: bytes, path: str) -> str:
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError(f"{path}: binair bestand, geen tekst; overgeslagen")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"{path}:{line}: geen geldige UTF-8 (byte 0x{data[error.start]:02x} op positie {error.start}); "
            "sla het bestand op als UTF-8"
        ) from None
    return text.removeprefix("\ufeff")
